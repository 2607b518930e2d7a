"""Workspace tabs of the Gradio app: 政策查找, 培训测验, 方案目录, 责任分工, 时间节点.

Thin: each handler calls the ``Workspace`` and renders escaped HTML or tables.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import gradio as gr

from app.workspaces.duties import to_csv as table_csv
from app.workspaces.quiz import QuizQuestion, to_markdown
from app.workspaces.quiz import to_csv as quiz_csv
from app.workspaces.support import EnterpriseProfile, SupportGroup
from app.workspaces.workspace import OutlineEntry, Workspace
from ingest.tagging import load_taxonomy

e = html.escape


def support_html(groups: list[SupportGroup]) -> str:
    if not groups:
        return "<p>没有找到相关的支持条款。</p>"
    parts = []
    for group in groups:
        parts.append(f'<h3 class="support-kind">{e(group.title)}</h3>')
        for item in group.items:
            quotes = "".join(f"<li><mark>{e(s)}</mark></li>" for s in item.sentences)
            parts.append(
                f'<div class="citation" data-clause-id="{e(item.clause_id)}">'
                f'<div class="label">{e(item.label)}</div>'
                f'<div class="meta">《{e(item.doc_title)}》 · {e(item.clause_id)}</div>'
                f'<ul class="text">{quotes}</ul><div class="meta">注：{e(item.note)}</div></div>'
            )
    return "\n".join(parts)


def quiz_html(questions: list[QuizQuestion]) -> str:
    parts = []
    for q in questions:
        options = "".join(f"<li>{chr(65 + i)}. {e(o)}</li>" for i, o in enumerate(q.options))
        parts.append(
            f'<div class="quiz-question"><p><b>{q.number}.</b> {e(q.question)}</p>'
            f"<ul>{options}</ul><details><summary>答案与出处</summary>"
            f'<p class="quiz-answer">答案：{e(q.answer)}</p>'
            f'<div class="meta">{e(q.label)}：“{e(q.citation)}”</div></details></div>'
        )
    return "\n".join(parts)


def outline_html(trees: list[OutlineEntry]) -> str:
    def node(entry: OutlineEntry, depth: int) -> str:
        text = f'<div class="clause-text">{e(entry.text)}</div>' if entry.text else ""
        children = "".join(node(c, depth + 1) for c in entry.children)
        is_open = " open" if depth == 0 else ""
        name = entry.label.split(" › ")[-1]
        return (
            f'<details class="outline-node" data-id="{e(entry.id)}"{is_open}>'
            f"<summary>{e(name)}</summary>{text}{children}</details>"
        )

    return "".join(node(t, 0) for t in trees)


def _write(text: str, name: str) -> str:
    """A download file with a readable name, in a fresh temporary folder."""
    path = Path(tempfile.mkdtemp(prefix="planqa-")) / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def build_workspace_tabs(workspace: Workspace) -> None:
    taxonomy = load_taxonomy()
    title = "、".join(d.title for d in workspace._kb.documents())

    with gr.Tab("政策查找", id="support"):
        gr.Markdown("描述企业情况，查找方案中可能适用的支持政策和合作机会（每条都注明出处）。")
        description = gr.Textbox(label="企业情况", elem_id="support-description")
        with gr.Row():
            origin = gr.Radio(["广东", "黑龙江", "other"], label="企业来自", value=None)
            ownership = gr.Radio(["国有", "民营", "外资"], label="所有制", value=None)
        with gr.Row():
            industry = gr.Dropdown([""] + list(taxonomy.get("industry", {})), label="行业")
            wants = gr.Dropdown([""] + list(taxonomy.get("activity", {})), label="想做的事")
        find = gr.Button("查找", variant="primary", elem_id="support-find")
        found = gr.HTML(elem_id="support-results")

        def on_find(text, origin_, ownership_, industry_, wants_):
            profile = EnterpriseProfile(
                text or "", origin_ or "", ownership_ or "", industry_ or "", wants_ or ""
            )
            try:
                return support_html(workspace.find_support(profile))
            except ValueError as exc:
                return f'<p class="notice">{e(str(exc))}</p>'

        find.click(on_find, [description, origin, ownership, industry, wants], found)

    with gr.Tab("培训测验", id="quiz"):
        parts = [("全部", "")] + [
            (n.label, n.key)
            for d in workspace._kb.documents()
            for n in d.outline
            if "." not in n.key
        ]
        with gr.Row():
            part = gr.Dropdown(parts, value="", label="范围")
            count = gr.Slider(1, 30, value=10, step=1, label="题数")
            seed = gr.Number(value=1, precision=0, label="随机种子")
        make = gr.Button("生成测验", variant="primary", elem_id="quiz-make")
        shown = gr.HTML(elem_id="quiz-results")
        files = gr.File(label="下载（Markdown / CSV）", file_count="multiple")

        def on_quiz(part_, count_, seed_):
            try:
                questions = workspace.quiz(int(count_), int(seed_ or 0), part_ or None)
            except ValueError as exc:
                return f'<p class="notice">{e(str(exc))}</p>', None
            paths = [
                _write(to_markdown(questions, title), ".md"),
                _write(quiz_csv(questions), ".csv"),
            ]
            return quiz_html(questions), paths

        make.click(on_quiz, [part, count, seed], [shown, files])

    # These views are rebuilt whenever their tab is opened, so documents added or
    # removed in 知识库管理 show up without a restart.
    with gr.Tab("方案目录", id="outline") as outline_tab:
        gr.Markdown("点击标题展开条款全文。")
        tree = gr.HTML(outline_html(workspace.outline()), elem_id="outline-tree")
    outline_tab.select(lambda: outline_html(workspace.outline()), None, tree)

    with gr.Tab("责任分工", id="duties") as duties_tab:
        headers = ["主体", "角色", "做什么", "条款", "原文"]

        def duty_rows(name: str | None):
            rows = workspace.duties(None if not name or name == "全部" else name)
            table = [[r.party, r.role, r.action, r.label, r.sentence] for r in rows]
            return table, _write(table_csv(rows), "duties.csv")

        def parties() -> list[str]:
            return ["全部"] + sorted({r.party for r in workspace.duties()})

        party = gr.Dropdown(parties(), value="全部", label="主体", elem_id="duties-party")
        first_table, first_csv = duty_rows(None)
        table = gr.Dataframe(first_table, headers=headers, wrap=True, elem_id="duties-table")
        duty_file = gr.File(first_csv, label="下载 CSV")
        party.change(duty_rows, party, [table, duty_file])
    duties_tab.select(
        lambda name: (gr.update(choices=parties()), *duty_rows(name)),
        party,
        [party, table, duty_file],
    )

    with gr.Tab("时间节点", id="timeline") as timeline_tab:

        def timeline_rows():
            milestones = workspace.timeline()
            rows = [[m.when, m.label, m.sentence] for m in milestones]
            return rows, _write(table_csv(milestones), "timeline.csv")

        first_rows, first_file = timeline_rows()
        timeline = gr.Dataframe(
            first_rows, headers=["时间", "条款", "原文"], wrap=True, elem_id="timeline-table"
        )
        timeline_file = gr.File(first_file, label="下载 CSV")
    timeline_tab.select(timeline_rows, None, [timeline, timeline_file])
