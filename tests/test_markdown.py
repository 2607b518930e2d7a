"""Markdown read as Markdown, and headings a Word file marks by style: what a user sees."""

from pathlib import Path

import pytest

from ingest import IngestError, load_document
from ingest.models import EmptyBodyError
from ingest.pipeline import parse_text

REGULATION = """---
title: "某市**文明行为**促进条例"
weight: 3
---
# 某市文明行为促进条例

2020年7月10日 某市第十九届人民代表大会常务委员会第三十次会议通过

<!-- INFO END -->

## 第一章　总则

第一条 为了培育和践行社会主义核心价值观，制定本条例。

第二条 本条例适用于本市行政区域。

## 第二章　促进措施

### 第一节 一般规定

第三条 鼓励下列文明行为：

- 参加**志愿服务**；
- 无偿献血。

| 行为 | 罚款 |
|---|---|
| 随地吐痰 | 五十元 |

## 附则

第四条 本条例自2021年1月1日起施行。
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_headings_are_the_outline(tmp_path: Path):
    doc = load_document(write(tmp_path, "rules.md", REGULATION))
    labels = [c.label for c in doc.clauses]
    assert labels == [
        "第一章 总则 › 第一条",
        "第一章 总则 › 第二条",
        "第二章 促进措施 › 第一节 一般规定 › 第三条",
        "附则 › 第四条",
    ]
    # an article ends where the next chapter begins
    assert doc.clauses[1].text == "第二条本条例适用于本市行政区域。"
    assert [n.label for n in doc.outline if n.kind == "chapter"] == [
        "第一章 总则",
        "第二章 促进措施",
    ]


def test_front_matter_title_comments_lists_and_tables(tmp_path: Path):
    doc = load_document(write(tmp_path, "rules.md", REGULATION))
    assert doc.title == "某市文明行为促进条例"  # the front matter's, without its markup
    assert doc.citation_name() == "《某市文明行为促进条例》"
    text = "\n".join(c.text for c in doc.clauses)
    for markup in ("---", "weight", "INFO END", "<!--", "#", "**", "|"):
        assert markup not in text
    third = doc.clauses[2].text
    assert "参加志愿服务；\n无偿献血。" in third
    assert "随地吐痰五十元" in third  # a table row keeps its cells' text, as in DOCX


def test_hash_title_without_front_matter_keeps_no_marks(tmp_path: Path):
    doc = load_document(
        write(tmp_path, "plan.md", "# **冰雪旅游**方案\n\n一、总体要求\n坚持改革。")
    )
    assert doc.title == "冰雪旅游方案"
    assert doc.clauses[0].label == "一、总体要求"


def test_front_matter_only_is_skipped_not_an_error(tmp_path: Path):
    path = write(tmp_path, "_index.md", "---\nbookCollapseSection: true\n---\n")
    with pytest.raises(EmptyBodyError, match=r"_index.md: skipped, no body text"):
        load_document(path)


def test_a_title_with_only_its_adoption_line_is_skipped_not_an_error(tmp_path: Path):
    text = "# 汕头经济特区突发公共卫生事件应急条例\n\n2022年5月30日 汕头市第十五届人民代表大会常务委员会第五次会议通过\n\n<!-- INFO END -->\n"
    with pytest.raises(EmptyBodyError, match=r"skipped, a title but no body text"):
        load_document(write(tmp_path, "汕头条例.md", text))


def test_blank_markdown_is_still_an_empty_file(tmp_path: Path):
    with pytest.raises(IngestError, match="file is empty"):
        load_document(write(tmp_path, "blank.md", "  \n"))


def test_html_comment_in_plain_text_is_not_text():
    doc = parse_text("某方案\n<!-- 编辑：张三\n待审 -->\n一、总体要求\n坚持改革。", "p", "p.txt")
    assert doc.title == "某方案"
    assert [c.text for c in doc.clauses] == ["坚持改革。"]


def test_docx_heading_styles_are_headings(tmp_path: Path):
    from docx import Document

    document = Document()
    document.add_heading("某市物业管理条例", level=0)  # Word's Title style
    document.add_heading("总则", level=1)
    document.add_paragraph("第一条 为了规范物业管理活动，制定本条例。")
    document.add_heading("附则", level=1)
    document.add_paragraph("第二条 本条例自2022年3月1日起施行。")
    path = tmp_path / "rules.docx"
    document.save(str(path))
    doc = load_document(path)
    assert doc.title == "某市物业管理条例"
    assert [c.label for c in doc.clauses] == ["总则 › 第一条", "附则 › 第二条"]
    assert doc.effective == "2022年3月1日"
