"""责任分工 and 时间节点: who does what and by when, as tables with their source sentence.

Plain HTML tables with fixed column widths, so the 原文 column is always in view;
on a phone each row becomes a card (see workspace_css).
"""

from __future__ import annotations

import html

import gradio as gr

from app.web.downloads import download
from app.workspaces.duties import COLUMNS
from app.workspaces.duties import to_csv as table_csv
from app.workspaces.workspace import Workspace

e = html.escape
ALL = "全部"


def table_html(columns: list[tuple[str, str]], rows: list[list[str]], element: str) -> str:
    """``columns``: (heading, width); cells escaped; each cell names its column for phones."""
    cols = "".join(f'<col style="width:{w}">' for _, w in columns)
    head = "".join(f"<th>{e(h)}</th>" for h, _ in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{e(h)}"{" class=source" if h == "原文" else ""}>{e(str(cell))}</td>'
            for (h, _), cell in zip(columns, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    if not rows:
        body = f'<tr><td colspan="{len(columns)}">没有找到。</td></tr>'
    return (
        f'<div class="table-scroll"><table class="plain-table" id="{element}-grid">'
        f"<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
        "</table></div>"
    )


def _short(label: str) -> str:
    return label.split(" › ")[-1]


def build_table_tabs(workspace: Workspace) -> None:
    columns = [
        (COLUMNS["party"], "11%"),
        (COLUMNS["role"], "8%"),
        (COLUMNS["action"], "27%"),
        (COLUMNS["label"], "16%"),
        (COLUMNS["sentence"], "38%"),
    ]

    def duty_view(name: str | None):
        rows = workspace.duties(None if not name or name == ALL else name)
        table = [[r.party, r.role, r.action, _short(r.label), r.sentence] for r in rows]
        return table_html(columns, table, "duties"), download(table_csv(rows), "责任分工.csv")

    def parties() -> list[str]:
        return [ALL] + sorted({r.party for r in workspace.duties()})

    # These views are rebuilt whenever their tab is opened, so documents added or
    # removed in 知识库管理 show up without a restart.
    with gr.Tab("责任分工", id="duties") as duties_tab:
        gr.Markdown(
            "“负责”：由该单位落实；“受支持”：方案鼓励、支持或协助该单位去做；"
            "“机构设置”：谁任什么职务、机构设在哪里，不是一项任务。"
        )
        party = gr.Dropdown(parties(), value=ALL, label="单位", elem_id="duties-party")
        first_table, first_csv = duty_view(None)
        table = gr.HTML(first_table, elem_id="duties-table")
        duty_file = gr.File(first_csv, label="下载 CSV（可用 Excel 打开）")
        party.change(duty_view, party, [table, duty_file], api_visibility="private")
    duties_tab.select(
        lambda name: (gr.update(choices=parties()), *duty_view(name)),
        party,
        [party, table, duty_file],
        api_visibility="private",
    )

    def timeline_view():
        milestones = workspace.timeline()
        rows = [[m.when, _short(m.label), m.sentence] for m in milestones]
        columns = [
            (COLUMNS["when"], "14%"),
            (COLUMNS["label"], "22%"),
            (COLUMNS["sentence"], "64%"),
        ]
        return table_html(columns, rows, "timeline"), download(
            table_csv(milestones), "时间节点.csv"
        )

    with gr.Tab("时间节点", id="timeline") as timeline_tab:
        first_rows, first_file = timeline_view()
        timeline = gr.HTML(first_rows, elem_id="timeline-table")
        timeline_file = gr.File(first_file, label="下载 CSV（可用 Excel 打开）")
    timeline_tab.select(timeline_view, None, [timeline, timeline_file], api_visibility="private")
