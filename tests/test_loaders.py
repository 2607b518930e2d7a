from pathlib import Path

import pytest

from ingest import IngestError, load_document
from ingest.loaders import load_text

PLAN_TEXT = "黑龍江省與廣東省對口合作實施方案\n一、指導思想\n深入學習貫徹黨的十九大精神，促進兩省共謀發展。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16"])
def test_encodings_are_detected(tmp_path: Path, encoding: str):
    path = tmp_path / f"plan-{encoding}.txt"
    path.write_bytes(PLAN_TEXT.encode(encoding))
    assert load_text(path).replace("\r\n", "\n") == PLAN_TEXT
    doc = load_document(path)
    assert doc.title == "黑龙江省与广东省对口合作实施方案"
    assert doc.clauses[0].text == "深入学习贯彻党的十九大精神，促进两省共谋发展。"


def test_simplified_gbk_file(tmp_path: Path):
    path = tmp_path / "notice.txt"
    path.write_bytes("关于印发实施方案的通知\n一、总体要求\n加快推进东北振兴。\n".encode("gbk"))
    assert load_document(path).clauses[0].label == "一、总体要求"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\t\n", "file is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (
            "russian.txt",
            "Правительство провинции, план сотрудничества".encode("cp1251"),
            "encoding",
        ),
        ("shape.pdf", b"%PDF-1.4", "not a readable PDF"),
        ("report.docx", b"PK\x03\x04 not a zip", "not a readable DOCX"),
        ("shape.xls", b"\xd0\xcf\x11\xe0", "unsupported file type"),
    ],
)
def test_bad_files_get_one_line_reason_naming_the_file(
    tmp_path: Path, name: str, content: bytes, reason: str
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as err:
        load_document(path)
    message = str(err.value)
    assert name in message and reason in message and "\n" not in message


def test_missing_file(tmp_path: Path):
    with pytest.raises(IngestError, match="no such file"):
        load_document(tmp_path / "nope.txt")
