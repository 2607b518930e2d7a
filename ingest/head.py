"""The head and tail of an official document: title, 文号, issuing body, date.

Chinese official documents (公文) set these on lines of their own::

    国务院办公厅关于印发……的通知          title (may wrap onto a second line)
    国办发〔2017〕22号                     document number (文号)
    各省、自治区、直辖市人民政府：…        addressee: body text
    ……
    国务院办公厅                           signature: issuing body
    2017年3月5日                           and date

Regulations carry their adoption in brackets under the title instead:
（2019年10月18日黑龙江省第十三届人民代表大会常务委员会第十四次会议通过）.
A notice that forwards a plan puts the plan after 附件; the notice's signature
is then the plan's issuer and date. Only whole lines count: a 文号 cited inside a
sentence names another document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_ATTACHMENT = re.compile(r"^附件\s*\d*[:：]?$")
_DOC_NUMBER = re.compile(
    r"^([\u4e00-\u9fff]{1,12})\s*[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*第?\s*(\d{1,5})\s*号$"
)
_ADOPTED = re.compile(r"^[（(]((\d{4})年(\d{1,2})月(\d{1,2})日)([^）)]*)[）)]$")
_TITLE_ENDS = (
    "通知",
    "意见",
    "方案",
    "办法",
    "规定",
    "条例",
    "规划",
    "计划",
    "决定",
    "纲要",
    "细则",
)
_MAX_TITLE = 60
_CN_DIGITS = "一二三四五六七八九十百零〇"
_MAX_ISSUER = 30
_HEAD_LINES = 6


@dataclass
class DocumentHead:
    title: str
    issuer: str
    date: str
    notice: str
    body: list[str]
    doc_number: str = ""


def split_head(
    lines: list[str], fallback_title: str, is_heading: Callable[[str], bool]
) -> DocumentHead:
    """Separate title, 文号, covering notice and signature from the body.

    ``is_heading(line)`` says whether a line opens a clause (一、, 第一条 …): such a
    line is never taken for a title.
    """
    for i, line in enumerate(lines):
        if _ATTACHMENT.match(line) and i + 1 < len(lines):
            notice = lines[:i]
            issuer, date, _ = _signature(notice)
            number = next((_doc_number(n) for n in notice[:_HEAD_LINES] if _doc_number(n)), "")
            return DocumentHead(
                lines[i + 1], issuer, date, "\n".join(notice), lines[i + 2 :], number
            )
    body = list(lines)
    title, number, date, issuer = "", "", "", ""
    head: list[str] = []
    while body and len(head) < _HEAD_LINES:
        line = body[0]
        if not number and _doc_number(line):
            number = _doc_number(line)
        elif not date and _ADOPTED.match(line):
            adopted = _ADOPTED.match(line)
            assert adopted is not None
            date, issuer = adopted.group(1), _adopting_body(adopted.group(5))
        elif (not title or title.endswith("文件")) and _is_title(line, is_heading):
            title = line
            if len(body) > 1 and _continues_title(title, body[1], is_heading):
                title += body.pop(1)
        else:
            break
        head.append(body.pop(0))
    end_issuer, end_date, kept = _signature(body)
    body = body[:kept]
    date, issuer = date or end_date, issuer or end_issuer
    if not issuer and title:
        issuer = _issuer_from_title(title)
    return DocumentHead(title or fallback_title, issuer, date, "", body, number)


def _doc_number(line: str) -> str:
    match = _DOC_NUMBER.match(line.strip())
    if not match:
        return ""
    return f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}号"


def _is_title(line: str, is_heading: Callable[[str], bool]) -> bool:
    return (
        len(line) <= _MAX_TITLE
        and not is_heading(line)
        and "。" not in line
        and not line.endswith(("：", ":"))
    )


def _continues_title(first: str, second: str, is_heading: Callable[[str], bool]) -> bool:
    """A title wrapped by the page: the second line finishes it (…的通知)."""
    return (
        not first.endswith(_TITLE_ENDS)
        and second.endswith(_TITLE_ENDS)
        and len(second) <= 30
        and _is_title(second, is_heading)
        and not _doc_number(second)
    )


def _signature(lines: list[str]) -> tuple[str, str, int]:
    """(issuer, date, lines kept) from a closing signature: a short line, then a date."""
    dates = [j for j, n in enumerate(lines) if _DATE.match(n)]
    if not dates or dates[-1] < len(lines) - 3:
        return "", "", len(lines)
    j = dates[-1]
    issuer = ""
    start = j
    if (
        j > 0
        and len(lines[j - 1]) <= _MAX_ISSUER
        and not lines[j - 1].endswith(("。", "；", "：", "）"))
    ):
        issuer = lines[j - 1]
        start = j - 1
    return issuer, lines[j], start


def _issuer_from_title(title: str) -> str:
    """国务院办公厅关于印发…的通知 → 国务院办公厅."""
    head, sep, _ = title.partition("关于")
    if sep and 2 <= len(head) <= _MAX_ISSUER:
        return head
    return ""


def _adopting_body(text: str) -> str:
    """黑龙江省第十三届人民代表大会常务委员会第十四次会议通过 → 黑龙江省人民代表大会常务委员会."""
    body = re.sub(rf"第[{_CN_DIGITS}\d]+(届|次)", "", text)
    body = re.sub(r"(全体)?会议.*$", "", body).strip()
    return body if 2 <= len(body) <= _MAX_ISSUER else ""
