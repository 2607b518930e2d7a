"""Quiz handouts and the pieces of the workspace tabs that need no knowledge base."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx import Document

from app.admin.messages import in_chinese
from app.web.downloads import download
from app.web.outline_tab import outline_html, paragraphs
from app.workspaces.handout import file_stem, to_docx, to_print_html
from app.workspaces.outline import OutlineEntry, search_outline
from app.workspaces.quiz import Quiz, QuizQuestion

QUESTION = QuizQuestion(
    1, "multiple_choice", "根据“6.装备制造业”，填空：推动电力装备、____、船舶制造",
    ["高档数控机床", "农机装备", "能源装备", "汽车装备"], "高档数控机床",
    "plan:4.2.6", "四、重点任务 › 6.装备制造业", "推动电力装备、高档数控机床、船舶制造",
)  # fmt: skip
QUIZ = Quiz([QUESTION], requested=1, seed=5, part="四、重点任务")


def test_handout_file_name_says_part_date_and_quiz_number():
    assert file_stem(QUIZ, date(2025, 3, 1)) == "培训测验-四、重点任务-2025-03-01-5"
    other = Quiz([QUESTION], requested=1, seed=68280, part="四、重点任务")
    assert file_stem(other, date(2025, 3, 1)) == "培训测验-四、重点任务-2025-03-01-68280"


def test_docx_puts_the_answer_key_after_a_page_break():
    document = Document(io.BytesIO(to_docx(QUIZ, "方案")))
    texts = [p.text for p in document.paragraphs]
    key = texts.index("答案与出处")
    assert any("推动电力装备、____" in t for t in texts[:key])
    assert (
        "高档数控机床" in texts[key + 1] and "出处：四、重点任务 › 6.装备制造业" in texts[key + 1]
    )
    body = document.element.body.xml
    assert body.index('w:type="page"') < body.index("答案与出处")


def test_print_page_starts_the_key_on_a_new_sheet():
    page = to_print_html(QUIZ, "方案<b>")
    assert ".key {break-before: page" in page and "方案&lt;b&gt;" in page


def test_csv_downloads_carry_a_bom_and_keep_their_name(tmp_path):
    path = download("题号,答案\n1,甲\n", "培训测验-全部-2025-03-01.csv")
    assert path.endswith("/培训测验-全部-2025-03-01.csv")
    assert Path(path).read_bytes().startswith(b"\xef\xbb\xbf")


def test_outline_search_keeps_the_path_to_each_match():
    leaf = OutlineEntry("d:5.5", "五、保障措施 › （五）创造良好合作环境", "", "开辟绿色通道。")
    other = OutlineEntry("d:5.1", "五、保障措施 › （一）完善工作机制", "", "设在发展改革委。")
    section = OutlineEntry("d:5", "五、保障措施", "", "", [other, leaf])
    root = OutlineEntry("d", "方案", "", "", [section])
    found = search_outline([root], "綠色通道")  # 繁体 is found too
    assert [c.name for c in found[0].children[0].children] == ["（五）创造良好合作环境"]
    shown = outline_html([root], "绿色通道")
    assert "找到 1 处" in shown and "<mark>绿色通道</mark>" in shown
    assert 'class="outline-node level-2"' in shown


def test_long_clause_text_reads_as_paragraphs():
    text = "。".join(f"第{n}句话说明一项合作任务的具体内容和要求" for n in range(24)) + "。"
    assert len(paragraphs(text)) >= 3 and "".join(paragraphs(text)) == text


def test_admin_errors_are_in_chinese():
    assert (
        in_chinese(ValueError("x.pdf: the PDF is encrypted")) == "x.pdf：PDF 已加密，请先解除密码"
    )
    assert "可能已被删除" in in_chinese(RuntimeError("no document 'ice' in the knowledge base"))
