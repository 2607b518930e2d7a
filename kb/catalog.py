"""What the knowledge base holds at one moment: documents, clauses, passages, and the
lookups made from them (document texts, clause rarity).

A catalog is never changed in place: a write or a reload builds a new one and swaps it
in whole, so a reader that took the catalog at the start of a question reads one
consistent state to the end of it. The lookups are filled on first use; racing readers
at worst compute the same value twice.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from langchain_core.documents import Document

from ingest.chunking import clause_passages
from ingest.models import Clause, ParsedDocument
from kb.passages import PassageMap, doc_of


@dataclass
class ClauseHit:
    """A retrieved clause with the passages of it that matched, best first."""

    clause: Clause
    doc_title: str
    score: float
    dense: float
    lexical: float
    spans: list[tuple[int, int]] = field(default_factory=list)
    doc_number: str = ""  # 文号
    issuer: str = ""
    date: str = ""


class Catalog:
    """Documents by id, clauses by id, passages by id; read-only once built."""

    def __init__(self, documents: dict[str, ParsedDocument], passages: PassageMap) -> None:
        self.documents = documents
        self.passages = passages
        self.clauses = {c.clause_id: c for d in documents.values() for c in d.clauses}
        self.titles = {doc_id: doc.title.lower() for doc_id, doc in documents.items()}
        self._texts: dict[str, str] | None = None  # lower-cased text of each document
        self._corpus_text = ""
        self._rarity: dict[str, float] = {}

    @classmethod
    def opened(cls, stored: list[ParsedDocument], known: Mapping[str, list[str]] | None) -> Catalog:
        """The catalog of stored documents; ``known`` gives their passage ids, if known."""
        documents = {d.doc_id: d for d in stored}
        if known is not None and known.keys() == documents.keys():
            return cls(documents, PassageMap(documents, known))
        return cls(documents, PassageMap.of(documents))

    def changed(
        self,
        added: list[ParsedDocument],
        removed: list[str],
        passages: dict[str, Document] | None = None,
    ) -> Catalog:
        """A new catalog with ``added`` documents in (replacing any of the same id) and
        ``removed`` ones out; ``passages`` are the added documents' passages, if at hand."""
        gone = set(removed) | {d.doc_id for d in added if d.doc_id in self.documents}
        documents = {k: v for k, v in self.documents.items() if k not in gone}
        documents.update((d.doc_id, d) for d in added)
        if not self.documents:
            return Catalog(documents, PassageMap.of(documents))
        if passages is None:
            passages = {str(p.id): p for d in added for p in clause_passages(d)}
        by_doc: dict[str, dict[str, Document]] = {}
        for pid, passage in passages.items():
            by_doc.setdefault(passage.metadata["doc_id"], {})[pid] = passage
        return Catalog(documents, self.passages.changed(documents, gone, by_doc))

    # --- lookups ---------------------------------------------------------------

    def contains_text(self, fragment: str, doc_ids: Collection[str] | None = None) -> bool:
        """Whether any clause or title (of ``doc_ids``, if given) contains ``fragment``."""
        texts = self._texts
        if texts is None:
            texts = {doc_id: _document_text(doc) for doc_id, doc in self.documents.items()}
            self._corpus_text = "\n".join(texts.values())
            self._texts = texts  # last: a reader seeing it also sees the joined text
        fragment = fragment.lower()
        if doc_ids is None:
            return fragment in self._corpus_text
        return any(fragment in texts[d] for d in doc_ids if d in texts)

    def term_rarity(self, terms: list[str]) -> float:
        """Sum of the terms' inverse clause frequency in this catalog.

        General Chinese IDF cannot know that 两省 or 合作 stand in nearly every clause of
        a cooperation plan; counting in the corpus itself does.
        """
        total = 0.0
        for term in terms:
            if term not in self._rarity:
                frequency = sum(1 for c in self.clauses.values() if term in c.text)
                self._rarity[term] = math.log((len(self.clauses) + 1) / (frequency + 1))
            total += self._rarity[term]
        return total

    def clause_hit(self, clause_id: str, score: float) -> ClauseHit:
        """A clause as a hit with its document's metadata."""
        clause = self.clauses[clause_id]
        doc = self.documents[clause.doc_id]
        return ClauseHit(
            clause, doc.title, score, 0.0, 0.0, [], doc.doc_number, doc.issuer, doc.date
        )

    def clause_passage_ids(self, clause_id: str) -> list[str]:
        prefix = clause_id + "#"
        return [p for p in self.passages.ids.get(doc_of(clause_id), ()) if p.startswith(prefix)]

    def passage_ids(self, doc_ids: Collection[str]) -> list[str]:
        return [pid for d in doc_ids for pid in self.passages.ids.get(d, ())]


def ids_by_document(passage_ids: list[str]) -> dict[str, list[str]]:
    ids: dict[str, list[str]] = {}
    for pid in passage_ids:
        ids.setdefault(doc_of(pid), []).append(pid)
    return ids


def _document_text(doc: ParsedDocument) -> str:
    parts = [doc.title, *(n.label for n in doc.outline), *(c.text for c in doc.clauses)]
    return "\n".join(parts).lower()
