"""Follow-up questions: rewrite a turn into a standalone question from the history.

Without a language model the rewrite is deterministic:
- "还有呢？" asks the previous question again, skipping the sentences already quoted;
- "第8项具体讲了什么？" / "第五条" name a clause by its number: its title is put in;
- "这一条/这项" refers to the first clause cited in the previous answer;
- "那黑龙江省呢？" swaps the party of the previous question; "那黑龙江省要做什么？"
  is already standalone once "那" is dropped; a short fragment joins the previous topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.answering.citations import Answer
from app.duties import party_names
from ingest.models import Clause
from ingest.parser import chinese_number
from kb.scope import KnowledgeView
from kb.text import normalize_query

_MORE = re.compile(
    r"^(?:还有呢|还有吗|还有别的吗|还有其他的吗|其他呢|别的呢|还有什么|anything else|what else|more)"
    r"[?？。！!]*$",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"第([一二三四五六七八九十百\d]+)(项任务|个任务|项|条|点)")
_THIS = re.compile(r"这一条|这条|该条|这一项|这项|该项|上一条|刚才那条|这个条款|这一点")
_THAT = re.compile(r"^(?:那么|那)(?![个些项条种类])\s*(?P<rest>.+)$")
# "那个旅游季品牌叫啥？": a demonstrative points back at the previous answer's topic
_DEMONSTRATIVE = re.compile(r"^(?:那个|这个|那些|这些|那项|这项|那种|这种)\s*(?P<rest>.+)$")
_TAIL = re.compile(r"呢?[?？。!！]*$")


@dataclass
class Turn:
    """One answered turn, as the conversation remembers it."""

    question: str  # the standalone form that was answered
    clause_ids: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)  # sentences the answer already showed

    @classmethod
    def from_answer(cls, answer: Answer) -> Turn:
        return cls(
            answer.standalone_question or answer.question,
            [c.clause_id for c in answer.citations],
            [h for c in answer.citations for h in c.highlights],
        )


@dataclass
class Rewrite:
    question: str
    skip: list[str] = field(default_factory=list)  # sentences not to quote again ("还有呢？")


def rewrite(question: str, history: list[Turn], kb: KnowledgeView) -> Rewrite:
    q = normalize_query(question)
    previous = history[-1] if history else None
    if previous and _MORE.match(q):
        return Rewrite(previous.question, list(previous.quoted))
    ordinal = _ORDINAL.search(q)
    if ordinal:
        clause = _numbered_clause(kb, chinese_number(ordinal.group(1)), ordinal.group(2))
        if clause is not None:
            return Rewrite(q.replace(ordinal.group(0), _name(clause), 1))
    if previous and previous.clause_ids and _THIS.search(q):
        clause = kb.clause(previous.clause_ids[0])
        return Rewrite(_THIS.sub(_name(clause), q, count=1))
    if previous is None:
        return Rewrite(q)
    pointed = _DEMONSTRATIVE.match(q)
    if pointed:  # the topic of the previous question, then this one, readable on its own
        topic = _TAIL.sub("", re.sub(r"(?:怎么|如何|怎样|哪些|什么|啥).*$", "", previous.question))
        return Rewrite(f"{topic}，{pointed.group('rest')}" if topic else pointed.group("rest"))
    that = _THAT.match(q)
    if that:
        rest = that.group("rest")
        subject = _TAIL.sub("", rest)
        if subject != rest.rstrip("?？。!！") or len(subject) <= 8:  # "那黑龙江省呢？"
            return Rewrite(_swap_party(previous.question, subject))
        return Rewrite(rest)
    if len(_TAIL.sub("", q)) <= 6:  # a fragment: "旅游呢？", "深圳市？"
        return Rewrite(_swap_party(previous.question, _TAIL.sub("", q)))
    return Rewrite(q)


def _swap_party(previous: str, subject: str) -> str:
    for name in party_names():
        if name in previous and name != subject:
            return previous.replace(name, subject, 1)
    return f"{previous} {subject}"


def _numbered_clause(kb: KnowledgeView, number: int, unit: str) -> Clause | None:
    wanted = f"第{number}条" if unit == "条" else f"{number}."
    for doc in kb.documents():
        for clause in doc.clauses:
            printed = clause.number
            if printed == wanted or (unit == "条" and _article_number(printed) == number):
                return clause
    return None


def _article_number(printed: str) -> int | None:
    match = re.fullmatch(r"第(.+)条", printed)
    return chinese_number(match.group(1)) if match else None


def _name(clause: Clause) -> str:
    return clause.title or clause.label.split(" › ")[-1]
