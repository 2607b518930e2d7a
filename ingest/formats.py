"""Loaders for Markdown, PDF (text layer), DOCX and HTML, beside the plain-text one.

Each returns plain text with one paragraph per line, which cleaning and the clause
parser then treat like any other file; a heading the file itself marks as one (a
Markdown ``#``, a Word heading style) keeps Markdown's ``#`` marks on its line (see
ingest/markdown.py). The libraries are imported on first use.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ingest.archives import check_zip
from ingest.loaders import register_loader
from ingest.markdown import read_markdown
from ingest.models import IngestError

_PAGE_NUMBER = re.compile(
    r"^[\s\-—－–_·•]*(第\s*\d+\s*页(\s*共\s*\d+\s*页)?|\d{1,4})[\s\-—－–_·•]*$"
)
_PAGE_OF = re.compile(r"^\s*\d{1,4}\s*/\s*\d{1,4}\s*$")
# A 公文 page sets 28 hanzi a line; shorter lines are headings or ends of paragraphs.
_MIN_FULL_LINE = 20
_SENTENCE_END = tuple("。；;！!？?：:」”』）)")


def read_pdf(path: Path) -> str:
    """The PDF's text layer; wrapped lines are joined back into paragraphs."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        with _quiet_pypdf():
            reader = PdfReader(str(path))
            if reader.is_encrypted and not reader.decrypt(""):
                raise IngestError(f"{path}: the PDF is encrypted")
            pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"{path}: not a readable PDF ({type(exc).__name__})") from None
    lines = [
        line.strip()
        for page in pages
        for line in page.splitlines()
        if line.strip() and not _is_page_furniture(line)
    ]
    if not lines:
        raise IngestError(f"{path}: the PDF has no text layer (a scan needs OCR first)")
    return "\n".join(unwrap_lines(lines))


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs and warns about damage it works around ("EOF marker not found"): a
    refused file gets exactly one line, planqa's reason, and a readable one none."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _is_page_furniture(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line) or _PAGE_OF.match(line))


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join lines a page layout wrapped: a full-width line without a sentence end continues.

    Official documents are set with a fixed line length, so a line about as long as
    the longest lines that does not end a sentence was cut by the page, not by the
    author. Headings are short and stay on their own line.
    """
    if len(lines) < 3:
        return lines
    lengths = sorted(len(line) for line in lines)
    full = max(0.85 * lengths[int(0.9 * (len(lengths) - 1))], _MIN_FULL_LINE)
    joined: list[str] = []
    carry = False
    for line in lines:
        if carry:
            joined[-1] += line
        else:
            joined.append(line)
        carry = len(line) >= full and not line.endswith(_SENTENCE_END)
    return joined


def read_docx(path: Path) -> str:
    """Paragraphs and table rows of a Word document, in document order."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_zip(path, "DOCX")  # before python-docx inflates anything
    try:
        document = Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, OSError) as exc:
        raise IngestError(f"{path}: not a readable DOCX file ({type(exc).__name__})") from None
    except Exception as exc:  # zipfile.BadZipFile and lxml errors for damaged files
        raise IngestError(f"{path}: not a readable DOCX file ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            level = _heading_level(block)
            text = block.text.strip()
            lines.append(f"{'#' * level} {text}" if level and text else text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [c.text.strip() for c in row.cells]
                lines.append("　".join(dict.fromkeys(c for c in cells if c)))
    return "\n".join(line.strip() for line in lines if line.strip())


def _heading_level(paragraph) -> int:
    """1–6 for Word's Title and Heading 1–6 styles (标题 1… in a Chinese Word), else 0."""
    style = paragraph.style
    name = (style.name if style is not None else "") or ""
    if name in ("Title", "标题"):
        return 1
    match = re.match(r"^(?:Heading|标题)\s*(\d)$", name)
    return min(int(match.group(1)), 6) if match else 0


def read_html(path: Path) -> str:
    """The main content of a web page: navigation, side bars and footers are left out."""
    import trafilatura

    data = path.read_bytes()
    if not data.strip():
        raise IngestError(f"{path}: file is empty")
    text = trafilatura.extract(
        data,
        include_tables=True,
        include_comments=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise IngestError(f"{path}: no main text found in the HTML page")
    return str(text)


register_loader(".md", read_markdown)
register_loader(".markdown", read_markdown)
register_loader(".pdf", read_pdf)
register_loader(".docx", read_docx)
register_loader(".html", read_html)
register_loader(".htm", read_html)
