"""PDF, DOCX and HTML files, written here, read into the same clauses as plain text."""

from pathlib import Path

import pytest

from ingest import IngestError, load_document

TITLE = "国务院办公厅关于印发东北地区与东部地区部分省市对口合作工作方案的通知"
NUMBER = "国办发〔2017〕22号"
# 公文 lines of 28 hanzi: a page wraps the long paragraph in the middle of words.
PARAGRAPH = (
    "加快推进东北地区等老工业基地振兴，深入实施创新驱动发展战略，"
    "推动两省产业合作迈上新台阶，形成优势互补、互利共赢的合作格局，"
    "支持广东省企业在黑龙江省设立研发中心和生产基地。"
)
TASK = "（一）推进产业合作。支持两省共建产业园区，引导装备制造企业开展配套协作。"


def wrap(text: str, width: int = 28) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def write_pdf(path: Path, pages: list[list[str]]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("STSong-Light", 14)
        y = 800
        for line in lines:
            pdf.drawString(40, y, line)
            y -= 22
        pdf.drawString(280, 40, f"— {number} —")  # page number in the footer
        pdf.showPage()
    pdf.save()


def check_notice(path: Path) -> None:
    doc = load_document(path)
    assert doc.title == TITLE
    assert doc.doc_number == NUMBER
    assert doc.issuer == "国务院办公厅" and doc.date == "2017年3月7日"
    by_label = {c.label: c.text for c in doc.clauses}
    assert by_label["一、总体要求"] == PARAGRAPH  # wrapped lines joined, nothing lost
    assert by_label["二、重点任务 › （一）推进产业合作"] == TASK
    assert not any("—" in c.text or "国务院办公厅\n" in c.text for c in doc.clauses)


def test_pdf_text_layer_is_read_with_wrapped_lines_joined(tmp_path: Path):
    path = tmp_path / "gbf-2017-22.pdf"
    first = [NUMBER, *wrap(TITLE, 22), "各省、自治区、直辖市人民政府：", "一、总体要求"]
    first += wrap(PARAGRAPH)
    write_pdf(path, [first, ["二、重点任务", *wrap(TASK), "国务院办公厅", "2017年3月7日"]])
    check_notice(path)


def test_damaged_pdf_gets_only_planqas_one_line(tmp_path: Path, capfd: pytest.CaptureFixture):
    whole = tmp_path / "whole.pdf"
    write_pdf(whole, [["第一页的文字。"]])
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(whole.read_bytes().replace(b"%%EOF", b""))  # pypdf warns about it
    with pytest.raises(IngestError, match=r"damaged\.pdf: not a readable PDF \(PdfStreamError\)"):
        load_document(damaged)
    assert capfd.readouterr().err == ""  # no "EOF marker not found" from pypdf's logger


def test_pdf_without_text_layer_says_so(tmp_path: Path):
    path = tmp_path / "scan.pdf"
    write_pdf(path, [[]])  # only the page number in the footer, as a scan has
    with pytest.raises(IngestError, match="scan.pdf: the PDF has no text layer"):
        load_document(path)


def test_docx_paragraphs_and_tables(tmp_path: Path):
    from docx import Document

    document = Document()
    for line in [NUMBER, TITLE, "各省、自治区、直辖市人民政府：", "一、总体要求", PARAGRAPH]:
        document.add_paragraph(line)
    document.add_paragraph("二、重点任务")
    document.add_paragraph(TASK)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "牵头单位", "配合单位"
    table.cell(1, 0).text, table.cell(1, 1).text = "省发展改革委", "省工业和信息化厅"
    document.add_paragraph("国务院办公厅")
    document.add_paragraph("2017年3月7日")
    path = tmp_path / "notice.docx"
    document.save(str(path))
    check_notice_with_table(path)


def check_notice_with_table(path: Path) -> None:
    doc = load_document(path)
    assert doc.title == TITLE and doc.doc_number == NUMBER
    task = next(c for c in doc.clauses if c.label.endswith("（一）推进产业合作"))
    assert task.text.startswith(TASK) and "省发展改革委" in task.text  # the table row


def test_html_keeps_the_article_and_drops_navigation_and_footer(tmp_path: Path):
    nav = "".join(f"<li><a href='/c{i}'>栏目导航{i}</a></li>" for i in range(12))
    paragraphs = [NUMBER, TITLE, "各省、自治区、直辖市人民政府：", "一、总体要求", PARAGRAPH]
    paragraphs += ["二、重点任务", TASK, "国务院办公厅", "2017年3月7日"]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        "<html><head><meta charset='gbk'><title>政府网站</title></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header>"
        f"<main><article><h1>{TITLE}</h1>{body}</article></main>"
        "<aside><h3>相关链接</h3><ul><li><a href='/x'>热点专题</a></li></ul></aside>"
        "<footer><p>版权所有：某某市人民政府办公厅 ICP备05000000号</p>"
        "<p>网站地图 | 联系我们</p></footer></body></html>"
    )
    path = tmp_path / "notice.html"
    path.write_bytes(page.encode("gbk"))
    doc = load_document(path)
    assert doc.doc_number == NUMBER and doc.date == "2017年3月7日"
    text = "\n".join(c.text for c in doc.clauses)
    assert PARAGRAPH in text and TASK in text
    assert "栏目导航" not in text and "版权所有" not in text and "热点专题" not in text
