"""时间节点: the dates, deadlines, periods and frequencies the plan sets for its tasks.

A time expression is read by its role in the sentence. It times a task when it is
marked as a deadline or period (到2020年, 2018年底前, 三年内), opens its clause
("2018—2019年，进一步完善…") or stands before the clause's predicate ("两省领导每年开展…").
It is part of a name, not a time node, inside 《》, “” or brackets (《…行动计划（2016—2020年）》),
in the clause's heading, or when it qualifies the noun after it (三年行动计划,
建立…定期会商…的工作机制). A frequency that qualifies what a task produces
(制定年度工作计划) still says how often the task recurs, when nothing else in the
sentence gives its time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.chunking import sentence_spans
from ingest.models import Clause
from kb.text import tagged_words

_TIME = re.compile(
    r"(?P<mark>截至|截止到?|到|至|于|在)?"
    r"(?P<time>\d{4}年?\s*[—–\-~至到]\s*\d{4}年"
    r"|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?"
    r"|(?P<frequency>每(?:年|半年|季度|月|周)|定期|年度|季度|月度)"
    r"|(?P<period>[一二两三四五六七八九十\d]+个?(?:年|月))(?!度))"
    r"(?P<post>年?底前|以前|之前|以内|前|内|底|末|起|以来)?"
)
# Names and asides: a time inside them belongs to the name (《…（2016—2020年）》).
_NAMES = re.compile(r"《[^》]*》|“[^”]*”|「[^」]*」|（[^）]*）|\([^)]*\)")
_CLAUSE_START = re.compile(r"[，；。：！？]")
_NOMINAL = ("n", "vn")  # jieba's nouns and nominal verbs: the head a modifier qualifies


@dataclass
class Milestone:
    when: str
    sentence: str
    clause_id: str
    label: str


@dataclass(frozen=True)
class TimeNode:
    """A time expression that times a task: its text and where it stands in the sentence."""

    when: str  # as written, with its mark: 到2020年, 2018年底前, 每年
    start: int
    end: int
    time: str  # without the mark: 2020年


def time_nodes(text: str, heading: int = 0) -> list[TimeNode]:
    """The time nodes of ``text``, a sentence or part of one; ``heading``: the length of a
    heading it starts with, whose words are a title, not a time."""
    names = [(m.start(), m.end()) for m in _NAMES.finditer(text)]
    nodes, frequencies = [], []
    for match in _TIME.finditer(text):
        start, end = match.span()
        if start < heading or any(s <= start and end <= e for s, e in names):
            continue
        frequency = match.group("frequency")
        marked = not frequency and (match.group("mark") or match.group("post"))
        when = frequency or match.group()
        node = TimeNode(when, start, end, match.group("time"))
        if marked or _adverbial(text, start, end, bool(match.group("period"))):
            nodes.append(node)
        elif frequency:
            frequencies.append(node)  # 年度工作计划: how often the task recurs
    return nodes or frequencies


def _adverbial(text: str, start: int, end: int, period: bool) -> bool:
    """Whether the expression times the clause's predicate rather than qualifying a noun.

    It qualifies a noun when 的 follows it; a length of time (三年) when a noun follows
    it (三年行动计划); a date or frequency when, besides, the clause's verb comes before
    it (建立…定期会商…的工作机制), as jieba tags some verbs after 每年 as nouns.
    """
    if text.startswith("的", end):
        return False
    opened = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    before = tagged_words(text[opened:start])
    after = tagged_words(text[end : end + 8])
    verb_before = any(tag == "v" for _, tag in before)
    noun_after = bool(after) and after[0][1] in _NOMINAL
    return not (noun_after and (period or verb_before))


def heading_length(clause: Clause) -> int:
    """The length of the heading a clause's text starts with ("（六）明确推进时序。"), or 0."""
    for head in (clause.number + clause.title, clause.title):
        if head and clause.text.startswith(head):
            return len(head)
    return 0


def milestones(clauses: list[Clause]) -> list[Milestone]:
    """Each time node with the part of the sentence (up to ；) it times, in date order."""
    rows = []
    for clause in clauses:
        heading = heading_length(clause)
        for start, end in sentence_spans(clause.text):
            offset = start
            for part in clause.text[start:end].split("；"):
                skip = max(heading - offset, 0)
                for when in dict.fromkeys(n.when for n in time_nodes(part, skip)):
                    rows.append(Milestone(when, part, clause.clause_id, clause.label))
                offset += len(part) + 1
    return sorted(rows, key=_chronology)


def _chronology(row: Milestone) -> tuple[int, str]:
    year = re.search(r"\d{4}", row.when)
    return (int(year.group()) if year else 9999, row.when)
