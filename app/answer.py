"""Answers and citations, and the default extractive answerer (no language model)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from app.coverage import is_english
from app.prompts import Prompts
from ingest.chunking import sentence_spans
from kb.knowledge_base import ClauseHit
from kb.text import char_bigrams, content_terms, expand_query, normalize_query, term_weight

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

    def to_json(self) -> dict:
        return asdict(self)


class ExtractiveAnswerer:
    """Quotes the sentences of the top clauses that best match the question; deterministic."""

    mode = "extractive"

    def __init__(
        self,
        prompts: Prompts,
        max_points: int = 3,
        keep: float = 0.6,
        weigh: Callable[[list[str]], float] = term_weight,
    ) -> None:
        self._prompts = prompts
        self._weigh = weigh  # how much shared words count: the knowledge base's own rarity
        self._max_points = max_points
        self._keep = keep  # a further sentence must score at least this share of the best

    def compose(
        self, question: str, hits: list[ClauseHit], skip: list[str] | None = None
    ) -> tuple[str, list[list[str]]]:
        """Answer text with [n] markers, and per hit the sentences it quotes (not those in ``skip``)."""
        query = expand_query(normalize_query(question))
        terms = [t for t in content_terms(query) if len(t) >= 2]
        grams = char_bigrams(query)
        scored = []
        for n, hit in enumerate(hits):
            for start, end in sentence_spans(hit.clause.text):
                sentence = hit.clause.text[start:end]
                if skip and sentence in skip:
                    continue
                if hit.clause.title and strip_number(sentence).rstrip("。") == hit.clause.title:
                    continue  # the heading ("3.民营经济发展。") is the label, not an answer
                overlap = self._weigh([t for t in terms if t in sentence])
                # a share, not a count: a long sentence must not win by sheer length
                sentence_grams = char_bigrams(sentence)
                overlap += 3.0 * len(grams & sentence_grams) / max(len(sentence_grams), 1)
                # earlier hits are better evidence; a sentence must share something with the question
                scored.append((overlap * (1.0 - 0.15 * n), n, start, sentence))
        scored.sort(key=lambda s: (-s[0], s[1], s[2]))
        chosen: list[tuple[int, int, str]] = []
        best = scored[0][0] if scored else 0.0
        for score, n, start, sentence in scored:
            if score <= 0 or score < self._keep * best or len(chosen) >= self._max_points:
                break
            chosen.append((n, start, sentence))
        if not chosen and hits:
            first = sentence_spans(hits[0].clause.text)[0]
            chosen.append((0, first[0], hits[0].clause.text[first[0] : first[1]]))
        chosen.sort()
        used: list[list[str]] = [[] for _ in hits]
        for n, _, sentence in chosen:
            used[n].append(sentence)
        points = "\n".join(f"- {strip_number(s)}[{n + 1}]" for n, _, s in chosen)
        template = "extractive_answer_en" if is_english(question) else "extractive_answer_zh"
        title = hits[0].doc_title if hits else ""
        return self._prompts.render(template, doc_title=title, points=points), used


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
