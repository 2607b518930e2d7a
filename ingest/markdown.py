"""Read Markdown as Markdown: front matter, comments, headings, tables, inline markup.

Law collections such as LawRefBook keep each regulation as a Markdown file::

    ---                      YAML front matter (may give the title; may be all there is)
    title: …
    ---
    # 丽水市制定地方性法规条例             the title
    2016年3月15日 丽水市…会议通过          adoption history
    <!-- INFO END -->                      an HTML comment: never text
    ## 第一章　总则                        a chapter (### a 节)
    第一条 为了规范地方立法活动，……

A loader hands the parser plain text, one paragraph a line. Headings known from a
file's structure keep Markdown's ``#`` marks on their line (``## 第一章 总则``); the
parser reads them as headings (see ``marked_heading``) and no mark reaches a title.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from ingest.cleaning import strip_html_comments
from ingest.models import EmptyBodyError

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MARKED = re.compile(r"^(#{1,6}) (.+)$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BULLET = re.compile(r"^\s*[-*+][ \t]+(\[[ xX]\][ \t]+)?")
_QUOTE = re.compile(r"^\s*(>[ \t]?)+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*")
_CODE = re.compile(r"`+([^`]*)`+")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def marked_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of a heading line a loader marked with ``#``: "## 第一章 总则" → (2, …)."""
    match = _MARKED.match(line)
    return (len(match.group(1)), match.group(2).strip()) if match else None


def read_markdown(path: Path) -> str:
    """A Markdown file as plain text with marked headings (the loader for .md)."""
    from ingest.loaders import decode_bytes

    return markdown_to_text(decode_bytes(path.read_bytes(), str(path)), str(path))


def markdown_to_text(text: str, name: str) -> str:
    """Plain text, one paragraph a line, the title first as ``# title``.

    The title is the front matter's ``title`` when it has one, else the first ``#``
    heading. A file with nothing but front matter and comments (a folder's
    ``_index.md``) raises EmptyBodyError.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front_title, text = _front_matter(text)
    text = strip_html_comments(text)
    lines = _blocks(text.split("\n"))
    if not any(line.strip() for line in lines):
        raise EmptyBodyError(f"{name}: skipped, no body text (only front matter or comments)")
    if front_title:
        first = next((marked_heading(line) for line in lines if line.strip()), None)
        if first is not None and first[0] == 1:  # the file's own # title gives way
            lines.remove(f"# {first[1]}")
        lines.insert(0, f"# {front_title}")
    return "\n".join(line for line in lines if line.strip())


def _front_matter(text: str) -> tuple[str, str]:
    """(title, text without front matter); malformed front matter is dropped all the same."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return "", text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        data = None
    title = data.get("title") if isinstance(data, dict) else None
    return inline_text(str(title)) if title else "", text[match.end() :]


def _blocks(lines: list[str]) -> list[str]:
    """Each source line as a text line: headings marked, tables as rows, markers dropped."""
    out: list[str] = []
    in_code = False
    for line in lines:
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            out.append(line.strip())
            continue
        setext = _SETEXT.match(line)
        if setext and out and out[-1].strip() and not marked_heading(out[-1]):
            level = 1 if setext.group(1)[0] == "=" else 2
            out[-1] = f"{'#' * level} {out[-1]}"
            continue
        if _RULE.match(line):
            continue
        atx = _ATX.match(line)
        if atx:
            heading = inline_text(atx.group(2) or "")
            out.append(f"{atx.group(1)} {heading}" if heading else "")
        elif line.lstrip().startswith("|"):
            out.append("" if _TABLE_RULE.match(line) else _table_row(line))
        else:
            line = _QUOTE.sub("", line)
            out.append(inline_text(_BULLET.sub("", line)))
    return out


def _table_row(line: str) -> str:
    """| 项目 | 罚款 | → 项目　罚款: cells joined by a full-width space, as DOCX rows are."""
    cells = [inline_text(c) for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
    return "　".join(c for c in cells if c)


def inline_text(text: str) -> str:
    """Text without inline markup: links keep their words, images and tags go."""
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    previous = None
    while previous != text:  # nested emphasis: ***text***
        previous = text
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(lambda m: m.group(1), text)
    return html.unescape(text).strip()
