"""Clauses for a question: passages retrieved, grouped by clause, and, with several
documents in play, lifted by their document's share of the question (kb/focus.py)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from langchain_core.documents import Document

from kb.catalog import Catalog, ClauseHit
from kb.focus import WEIGHT as FOCUS_WEIGHT
from kb.focus import document_shares, leading_documents, named_documents
from kb.lexical import BM25LexicalIndex
from kb.text import content_terms, normalize_query

Retrieve = Callable[[str, Collection[str] | None], list[Document]]


def rank_clauses(
    catalog: Catalog,
    lexical: BM25LexicalIndex,
    retrieve: Retrieve,
    question: str,
    k: int,
    doc_ids: Collection[str] | None,
) -> list[ClauseHit]:
    """The ``k`` best clauses for ``question``; a clause scores by its best passage.

    With several documents in play, clauses are lifted by their document's share of the
    question's words, and a second pass ranks again within the leading documents, so
    other plans' passages do not crowd the candidates.
    """
    if not catalog.documents:
        return []
    hits = _clause_hits(catalog, retrieve(question, doc_ids))
    if len(doc_ids if doc_ids is not None else catalog.documents) < 2:
        return sorted(hits, key=lambda h: -h.score)[:k]
    normalized = normalize_query(question)
    shares = document_shares(content_terms(normalized), lexical, catalog.titles, doc_ids)
    named = named_documents(normalized.lower(), catalog.titles)
    if doc_ids is not None:
        named = {d: m for d, m in named.items() if d in doc_ids}
    shares.update(dict.fromkeys(named, 1.0 + 1e-6))  # a named title outranks all words
    _weigh(hits, shares)
    in_play = {h.clause.doc_id for h in hits}
    focus = set(named) or leading_documents(shares)
    if focus is None:  # else the documents of the best hits
        focus = {h.clause.doc_id for h in sorted(hits, key=lambda h: -h.score)[:k]}
    if named:
        # inside the named document its title's words are in every article: ask the rest
        rest = normalized.lower()
        for mention in named.values():
            rest = rest.replace(mention, " ")
        question = rest if content_terms(rest) else question
    if focus != in_play or named:
        hits = _clause_hits(catalog, retrieve(question, focus))
        _weigh(hits, shares)
    return sorted(hits, key=lambda h: -h.score)[:k]


def _clause_hits(catalog: Catalog, passages: list[Document]) -> list[ClauseHit]:
    hits: dict[str, ClauseHit] = {}
    for passage in passages:
        meta = passage.metadata
        hit = hits.get(meta["clause_id"])
        if hit is None and meta["clause_id"] not in catalog.clauses:
            continue  # its document went while this search ran (kb/reload.py)
        if hit is None:
            hit = catalog.clause_hit(meta["clause_id"], meta["score"])
            hit.dense, hit.lexical = meta["dense"], meta["lexical"]
            hits[meta["clause_id"]] = hit
        else:
            hit.dense = max(hit.dense, meta["dense"])
            hit.lexical = max(hit.lexical, meta["lexical"])
        hit.spans.append((meta["start"], meta["end"]))
    return list(hits.values())


def _weigh(hits: list[ClauseHit], shares: dict[str, float]) -> None:
    for hit in hits:
        hit.score *= 1 + FOCUS_WEIGHT * shares.get(hit.clause.doc_id, 0.0)
