"""A quiz as a trainer hands it out: Markdown, CSV for Excel, a DOCX handout, a print page.

Each handout has the questions first and the answer key, with the sentence each
answer comes from, on a page of its own, so the first pages can be handed out.
"""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date

from app.workspaces.quiz import Quiz, QuizQuestion

KIND_NAMES = {"fill_blank": "填空题", "multiple_choice": "选择题"}
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def file_stem(quiz: Quiz, today: date | None = None) -> str:
    """培训测验-<part>-<date>-<number>: what the file holds, safe on every system; the
    quiz's number (its seed, shown with it) keeps two quizzes of a day apart."""
    part = _UNSAFE.sub("", quiz.part)[:30] or "全部"
    return f"培训测验-{part}-{(today or date.today()).isoformat()}-{quiz.seed}"


def _letter(q: QuizQuestion) -> str:
    return f"{chr(65 + q.options.index(q.answer))}. " if q.options else ""


def source(q: QuizQuestion) -> str:
    return q.label.split(" › ")[-1] if " › " in q.label else q.label


def to_markdown(quiz: Quiz, title: str) -> str:
    lines = [f"# {title} 培训测验", ""]
    for q in quiz.questions:
        lines.append(f"**{q.number}.** {q.question}")
        lines += [f"   {chr(65 + i)}. {option}" for i, option in enumerate(q.options)]
        lines.append("")
    lines += ["---", "", "## 答案与出处", ""]
    for q in quiz.questions:
        lines.append(f"{q.number}. {_letter(q)}{q.answer} —— {q.label}：“{q.citation}”")
    return "\n".join(lines) + "\n"


def to_csv(quiz: Quiz) -> str:
    """One row a question, headed in Chinese; Excel needs the file saved with a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["题号", "题型", "题目", "选项", "答案", "出处", "原文"])
    for q in quiz.questions:
        options = " | ".join(f"{chr(65 + i)}. {o}" for i, o in enumerate(q.options))
        writer.writerow(
            [q.number, KIND_NAMES[q.kind], q.question, options, q.answer, q.label, q.citation]
        )
    return buffer.getvalue()


def to_docx(quiz: Quiz, title: str) -> bytes:
    """The questions, then the answer key with sources after a page break."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    document = Document()
    document.add_heading(f"{title} 培训测验", level=1)
    document.add_paragraph("姓名：__________    单位：__________    得分：______")
    for q in quiz.questions:
        document.add_paragraph(f"{q.number}. {q.question}")
        for i, option in enumerate(q.options):
            document.add_paragraph(f"{chr(65 + i)}. {option}").paragraph_format.left_indent = Cm(1)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("答案与出处", level=1)
    for q in quiz.questions:
        paragraph = document.add_paragraph(f"{q.number}. {_letter(q)}{q.answer}")
        paragraph.add_run(f"\n出处：{q.label}\n原文：“{q.citation}”").italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PRINT_CSS = """
body {font-family: "Noto Serif CJK SC", "Songti SC", serif; line-height: 1.8;
      max-width: 46em; margin: 2em auto; padding: 0 1em; color: #000;}
h1 {font-size: 1.4em; text-align: center;}
ol.options {list-style: none; padding-left: 2em; margin: 0.2em 0 0.8em;}
.question {break-inside: avoid; margin-bottom: 0.8em;}
.key {break-before: page; page-break-before: always;}
.key .source {color: #444; font-size: 0.9em;}
@media print {body {margin: 0; max-width: none;} .no-print {display: none;}}
@page {size: A4; margin: 2cm;}
"""


def to_print_html(quiz: Quiz, title: str) -> str:
    """A page to print from the browser: the answer key starts on a new sheet."""
    e = html.escape
    questions = "".join(
        f'<div class="question"><p>{q.number}. {e(q.question)}</p>'
        + (
            '<ol class="options">'
            + "".join(f"<li>{chr(65 + i)}. {e(o)}</li>" for i, o in enumerate(q.options))
            + "</ol>"
            if q.options
            else ""
        )
        + "</div>"
        for q in quiz.questions
    )
    key = "".join(
        f"<li><b>{_letter(q)}{e(q.answer)}</b>"
        f'<div class="source">出处：{e(q.label)}<br>原文：“{e(q.citation)}”</div></li>'
        for q in quiz.questions
    )
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{e(title)} 培训测验</title><style>{PRINT_CSS}</style></head><body>"
        f'<p class="no-print"><button onclick="window.print()">打印</button></p>'
        f"<h1>{e(title)} 培训测验</h1><p>姓名：__________ 单位：__________ 得分：______</p>"
        f'{questions}<section class="key"><h1>答案与出处</h1><ol>{key}</ol></section>'
        "</body></html>"
    )
