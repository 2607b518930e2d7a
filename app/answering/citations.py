"""What a user receives: an answer, its outcome, and the clauses it cites."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from kb.knowledge_base import ClauseHit

MAX_CITATION_CHARS = 1000


class QuestionError(ValueError):
    """A question that cannot be asked (empty, too long); the message is for the user."""


@dataclass
class Citation:
    """One cited clause: where it stands in which document, and its exact words."""

    doc_id: str
    doc_title: str
    clause_id: str
    label: str
    text: str
    score: float
    highlights: list[str] = field(default_factory=list)
    doc_number: str = ""  # 文号, when the document states one
    issuer: str = ""
    date: str = ""

    @property
    def source(self) -> str:
        """《title》（文号） · issuer · date: which document says so."""
        name = f"《{self.doc_title}》" + (f"（{self.doc_number}）" if self.doc_number else "")
        return " · ".join(part for part in (name, self.issuer, self.date) if part)


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    mode: str = "extractive"
    verified: bool = True  # extractive answers quote the plan; generated ones are checked
    verification: str = ""  # why a generated answer was cut or replaced, when it was
    standalone_question: str = ""  # a follow-up as it was understood, e.g. "还有呢？" resolved
    coverage: str = "answered"  # answered | partial | not_covered
    missing: list[str] = field(default_factory=list)  # what the plan does not mention

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Answer:
        """The answer ``to_json`` gave (kept in the browser between page loads)."""
        citations = [Citation(**c) for c in data.get("citations", [])]
        return cls(**{**data, "citations": citations})

    def marked_numbers(self) -> set[int]:
        """The [n] markers the answer text carries (a refusal may quote what the texts say
        instead: 「…」[1])."""
        return {int(n) for n in re.findall(r"\[(\d+)\]", self.answer)}

    def quoted_numbers(self) -> set[int]:
        """The citations (numbered from 1, as the [n] markers) the answer quotes."""
        if self.abstained:
            return set()
        marked = self.marked_numbers()
        drawn = {n for n, c in enumerate(self.citations, 1) if c.highlights}
        return {n for n in marked | drawn if 1 <= n <= len(self.citations)}


def strip_number(sentence: str) -> str:
    """ "3.民营经济发展。" heads are labels, not statements; drop the number for reading."""
    return re.sub(r"^(?:\d{1,3}[.．]|（[一二三四五六七八九十]+）)", "", sentence)


def cite(hits: list[ClauseHit], used: list[list[str]]) -> list[Citation]:
    """Citations for the hits, best first, with the sentences the answer drew on."""
    citations = []
    for n, hit in enumerate(hits):
        highlights = used[n] if n < len(used) else []
        citations.append(
            Citation(
                doc_id=hit.clause.doc_id,
                doc_title=hit.doc_title,
                clause_id=hit.clause.clause_id,
                label=hit.clause.label,
                text=_cited_words(hit, highlights),
                score=round(hit.score, 4),
                highlights=highlights,
                doc_number=hit.doc_number,
                issuer=hit.issuer,
                date=hit.date,
            )
        )
    return citations


def _cited_words(hit: ClauseHit, highlights: list[str]) -> str:
    """The whole clause when it fits; otherwise the matched passages around the answer."""
    text = hit.clause.text
    if len(text) <= MAX_CITATION_CHARS:
        return text
    anchor = text.find(highlights[0]) if highlights else hit.spans[0][0] if hit.spans else 0
    start = max(0, anchor - MAX_CITATION_CHARS // 3)
    end = min(len(text), start + MAX_CITATION_CHARS - 2)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
