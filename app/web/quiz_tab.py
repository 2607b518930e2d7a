"""培训测验: a new quiz on each press (or the same one again from its number), with handouts."""

from __future__ import annotations

import html

import gradio as gr

from app.web.downloads import download
from app.workspaces.handout import file_stem, to_csv, to_docx, to_markdown, to_print_html
from app.workspaces.quiz import Quiz
from app.workspaces.workspace import Workspace

e = html.escape
# opens the print page kept in the quiz's <template> in a new window and prints it
PRINT_JS = """() => {
  const page = document.querySelector('#quiz-print-page');
  if (!page) { return; }
  const w = window.open('', '_blank');
  w.document.write(page.innerHTML);
  w.document.close();
  w.focus();
  setTimeout(() => w.print(), 300);
}"""


def quiz_html(quiz: Quiz, title: str) -> str:
    notes = [f"本套题目编号 <b>{quiz.seed}</b>：填入“固定题目”可再出同一套题。"]
    if quiz.shortfall():
        notes.insert(0, f'<span class="notice">{e(quiz.shortfall())}</span>')
    parts = [f'<p class="quiz-note">{"<br>".join(notes)}</p>']
    for q in quiz.questions:
        options = "".join(f"<li>{chr(65 + i)}. {e(o)}</li>" for i, o in enumerate(q.options))
        parts.append(
            f'<div class="quiz-question"><p><b>{q.number}.</b> {e(q.question)}</p>'
            f"<ul>{options}</ul><details><summary>答案与出处</summary>"
            f'<p class="quiz-answer">答案：{e(q.answer)}</p>'
            f'<div class="meta">{e(q.label)}：“{e(q.citation)}”</div></details></div>'
        )
    parts.append(f'<template id="quiz-print-page">{to_print_html(quiz, title)}</template>')
    return "\n".join(parts)


def build_quiz_tab(workspace: Workspace) -> None:
    parts = [("全部", "")] + [
        (n.label, n.key) for d in workspace._kb.documents() for n in d.outline if "." not in n.key
    ]
    with gr.Tab("培训测验", id="quiz"):
        with gr.Row():
            part = gr.Dropdown(parts, value="", label="范围", elem_id="quiz-part")
            count = gr.Slider(1, 30, value=10, step=1, label="题数", elem_id="quiz-count")
            seed = gr.Textbox(
                label="固定题目（可选，填数字可重现同一套题）",
                placeholder="留空则每次出新题",
                elem_id="quiz-seed",
            )
        with gr.Row():
            make = gr.Button("生成测验", variant="primary", elem_id="quiz-make")
            printing = gr.Button("打印讲义", elem_id="quiz-print")
        shown = gr.HTML(elem_id="quiz-results")
        files = gr.File(
            label="下载：讲义 Word（答案另起一页）/ 打印版网页 / Markdown / CSV",
            file_count="multiple",
            elem_id="quiz-files",
        )

        def on_quiz(part_, count_, seed_):
            number = (seed_ or "").strip()
            if number and not number.isdigit():
                return '<p class="notice">“固定题目”请填数字，或留空。</p>', None
            try:
                quiz = workspace.quiz(int(count_), int(number) if number else None, part_ or None)
            except ValueError as exc:
                return f'<p class="notice">{e(str(exc))}</p>', None
            title = workspace.document_titles()
            stem = file_stem(quiz)
            paths = [
                download(to_docx(quiz, title), f"{stem}.docx"),
                download(to_print_html(quiz, title), f"{stem}-打印版.html"),
                download(to_markdown(quiz, title), f"{stem}.md"),
                download(to_csv(quiz), f"{stem}.csv"),
            ]
            return quiz_html(quiz, title), paths

        make.click(on_quiz, [part, count, seed], [shown, files], api_visibility="private")
        printing.click(None, js=PRINT_JS)
