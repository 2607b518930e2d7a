"""The head and tail of an official document: title, 文号, issuing body, date.

Chinese official documents (公文) set these on lines of their own::

    国务院办公厅关于印发……的通知          title (may wrap onto a second line)
    国办发〔2017〕22号                     document number (文号)
    各省、自治区、直辖市人民政府：…        addressee: body text
    ……
    国务院办公厅                           signature: issuing body
    2017年3月5日                           and date

Regulations carry their adoption history under the title instead, in brackets or
a line per event, the first the adoption:
（2019年10月18日黑龙江省第十三届人民代表大会常务委员会第十四次会议通过）,
2016年3月31日 浙江省第十二届人民代表大会常务委员会第二十八次会议批准,
根据2016年9月29日…《关于修改…的决定》第四次修正. Their 施行 (taking effect) date
stands in the history or in the closing article: 本条例自2022年3月1日起施行.
A notice that forwards a plan puts the plan after 附件; the notice's signature
is then the plan's issuer and date. Only whole lines count: a 文号 cited inside a
sentence names another document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.markdown import marked_heading

_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_ATTACHMENT = re.compile(r"^附件\s*\d*[:：]?$")
_DOC_NUMBER = re.compile(
    r"^([\u4e00-\u9fff]{1,12})\s*[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*第?\s*(\d{1,5})\s*号$"
)
_EVENT_DATE = r"\d{4}年\d{1,2}月\d{1,2}日"
_EVENT_VERB = (
    "通过|批准|修正|修订|修改|公布|施行|发布|印发|颁布|会议"  # 会议: one of two adopting it
)
# one event of a regulation's history; the next event or the line's end follows it
_EVENT = re.compile(
    rf"(?:根据)?\s*({_EVENT_DATE})\s*(.*?)({_EVENT_VERB})(?=\s*[）)]?\s*(?:根据)?\s*(?:{_EVENT_DATE}|[）)]?\s*$))"
)
_EFFECTIVE = re.compile(rf"自({_EVENT_DATE}|公布之日|发布之日)起(?:施行|实施|执行|生效)")
_ARTICLE = re.compile(r"^(#+ )?第[一二三四五六七八九十百零〇\d]+[章条]")
_CUT_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}$")
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
    effective: str = ""
    published: str = ""  # 公布 date from the history, for "自公布之日起施行"


def split_head(
    lines: list[str], fallback_title: str, is_heading: Callable[[str], bool]
) -> DocumentHead:
    """Separate title, 文号, covering notice and signature from the body.

    ``is_heading(line)`` says whether a line opens a clause (一、, 第一条 …): such a
    line is never taken for a title.
    """
    for i, line in enumerate(lines):
        if _ARTICLE.match(line):
            break  # a regulation's own articles: a later 附件 is an annex to it, not the plan
        if _ATTACHMENT.match(line) and i + 1 < len(lines):
            notice = lines[:i]
            issuer, date, _ = _signature(notice)
            number = next((_doc_number(n) for n in notice[:_HEAD_LINES] if _doc_number(n)), "")
            return DocumentHead(
                lines[i + 1], issuer, date, "\n".join(notice), lines[i + 2 :], number
            )
    body = list(lines)
    title, number, date, issuer, effective, published = "", "", "", "", "", ""
    head: list[str] = []
    history: list[str] = []
    marked = marked_heading(body[0]) if body else None
    if marked is not None and marked[0] == 1 and not is_heading(marked[1]):
        title = marked[1]  # the file's own title (Markdown #, a Word Title style)
        head.append(body.pop(0))
    while body and len(head) - len(history) < _HEAD_LINES:
        if len(body) > 1 and _CUT_DATE.match(body[0]) and body[1].startswith("日"):
            body[0:2] = [body[0] + body[1]]  # "2014年9月26" / "日山东省…批准": a cut line
        line = body[0]
        events = history_events(line)
        if events:
            history.append(line.strip("（）()"))
            if not date:  # the first event is the adoption (or the promulgation)
                date, issuer = events[0][0], _adopting_body(events[0][1])
            for event_date, _, verb in events:
                if verb == "施行":
                    effective = event_date
                elif verb in ("公布", "发布") and not published:
                    published = event_date
        elif history:
            break  # the history ends the head
        elif not number and _doc_number(line):
            number = _doc_number(line)
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
    return DocumentHead(
        title or fallback_title,
        issuer,
        date,
        "\n".join(history),
        body,
        number,
        effective,
        published,
    )


def history_events(line: str) -> list[tuple[str, str, str]]:
    """(date, acting body and occasion, verb) of each event when ``line`` is all history.

    "2016年3月31日浙江省…会议批准" → [("2016年3月31日", "浙江省…会议", "批准")]; a
    sentence that merely mentions a date ("…自2022年3月1日起施行。") gives [].
    """
    text = line.strip().strip("（）() ")
    events = []
    position = 0
    for match in _EVENT.finditer(text):
        if text[position : match.start()].strip(" （）()"):
            return []
        events.append((match.group(1), match.group(2).strip(), match.group(3)))
        position = match.end()
    if text[position:].strip(" （）()根据"):
        return []
    return events


# the closing articles, where a regulation says when it takes effect (本条例自…起施行)
CLOSING_CLAUSES = 3


def effective_date(texts: list[str], published: str = "") -> str:
    """The 施行 date a closing article states: "本条例自2022年3月1日起施行。" → 2022年3月1日.

    "自公布之日起施行" gives ``published``, the 公布 date of the history, if known.
    """
    for text in reversed(texts):
        match = _EFFECTIVE.search(text)
        if match:
            return published if match.group(1).endswith("之日") else match.group(1)
    return ""


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
    body = re.sub(r"令第\d+号.*$", "", body)  # 国务院令第266号: the body that decrees
    body = body.removeprefix("由")
    body = re.sub(r"(全体)?会议.*$", "", body).strip()
    return body if 2 <= len(body) <= _MAX_ISSUER else ""
