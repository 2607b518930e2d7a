"""The knowledge base seen through a chosen set of documents.

Officials often want an answer from one plan, not from everything loaded: a scope
limits retrieval (the vector search to those documents' passage ids, and the lexical
index alike) and the evidence the coverage judge looks for to those documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from ingest.models import Clause, ParsedDocument

if TYPE_CHECKING:
    from kb.evidence import SentenceEvidence
    from kb.knowledge_base import ClauseHit, KnowledgeBase


class KnowledgeView(Protocol):
    """What answering needs to read: the whole knowledge base or a scope of it."""

    def documents(self) -> list[ParsedDocument]: ...
    def document(self, doc_id: str) -> ParsedDocument: ...
    def clause(self, clause_id: str) -> Clause: ...
    def contains_text(self, fragment: str) -> bool: ...
    def term_rarity(self, terms: list[str]) -> float: ...
    def search(self, question: str, k: int = 5) -> list[ClauseHit]: ...
    def evidence(self, question: str, hits: list[ClauseHit]) -> list[SentenceEvidence]: ...
    def clause_hit(self, clause_id: str, score: float) -> ClauseHit: ...


class ScopedKnowledgeBase:
    """A read-only view of ``kb`` limited to ``doc_ids``; unknown ids are refused."""

    def __init__(self, kb: KnowledgeBase, doc_ids: Iterable[str]) -> None:
        from kb.knowledge_base import KnowledgeBaseError

        self._kb = kb
        self.doc_ids = frozenset(doc_ids)
        unknown = sorted(d for d in self.doc_ids if not kb.has_document(d))
        if unknown:
            raise KnowledgeBaseError(
                f"no document {', '.join(map(repr, unknown))} in the knowledge base; "
                "see: planqa docs list"
            )
        if not self.doc_ids:
            raise KnowledgeBaseError("no document chosen")

    def documents(self) -> list[ParsedDocument]:
        return [d for d in self._kb.documents() if d.doc_id in self.doc_ids]

    def document(self, doc_id: str) -> ParsedDocument:
        return self._kb.document(doc_id)

    def clause(self, clause_id: str) -> Clause:
        return self._kb.clause(clause_id)

    def contains_text(self, fragment: str) -> bool:
        return self._kb.contains_text(fragment, self.doc_ids)

    def term_rarity(self, terms: list[str]) -> float:
        return self._kb.term_rarity(terms)

    def search(self, question: str, k: int = 5) -> list[ClauseHit]:
        return self._kb.search(question, k, doc_ids=self.doc_ids)

    def evidence(self, question: str, hits: list[ClauseHit]) -> list[SentenceEvidence]:
        return self._kb.evidence(question, hits)

    def clause_hit(self, clause_id: str, score: float) -> ClauseHit:
        return self._kb.clause_hit(clause_id, score)


def select_documents(
    documents: Iterable[ParsedDocument],
    ids: Iterable[str] = (),
    issuer: str = "",
    years: str = "",
) -> list[str]:
    """Ids of the documents matching every criterion given.

    ``ids``: document ids or 文号 (any of them); ``issuer``: part of the issuing body's
    name; ``years``: "2018" or "2017-2019" against the document's date. Raises
    KnowledgeBaseError when a criterion is malformed or nothing matches.
    """
    from kb.knowledge_base import KnowledgeBaseError

    wanted = set(ids)
    low, high = _year_range(years) if years else (0, 9999)
    chosen = []
    for doc in documents:
        if wanted and doc.doc_id not in wanted and doc.doc_number not in wanted:
            continue
        if issuer and issuer not in doc.issuer:
            continue
        if years and not (doc.date[:4].isdigit() and low <= int(doc.date[:4]) <= high):
            continue
        chosen.append(doc.doc_id)
    if not chosen:
        raise KnowledgeBaseError("no document matches the filter; see: planqa docs list")
    return chosen


def _year_range(years: str) -> tuple[int, int]:
    from kb.knowledge_base import KnowledgeBaseError

    parts = years.replace("—", "-").replace("–", "-").split("-")
    if not all(p.strip().isdigit() and len(p.strip()) == 4 for p in parts) or len(parts) > 2:
        raise KnowledgeBaseError(f"year filter {years!r}: write 2018 or 2017-2019")
    low, high = int(parts[0]), int(parts[-1])
    return min(low, high), max(low, high)
