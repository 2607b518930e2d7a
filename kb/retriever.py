"""Hybrid passage retrieval: dense (Chroma) and lexical (BM25) fused by reciprocal rank,
then lifted by the question's wording each candidate holds word for word.

Neither a vector nor BM25 sees word order: 年度工作计划 and 年度审计工作计划 score alike,
and an article that repeats a question's wording can lose to another document's
preamble. Pairs of adjacent characters of the question, weighted by their rarity
among the candidates, measure that wording; the candidate holding the most of it
counts double.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from chromadb.errors import ChromaError
from langchain_chroma import Chroma
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, SkipValidation

from kb.lexical import BM25LexicalIndex
from kb.text import STOPWORDS, char_bigrams, expand_query, normalize_query, segment, tagged_words


class HybridRetriever(BaseRetriever):
    """Passages for a question, best first, with ``score``, ``dense``, ``lexical`` in metadata.

    Reciprocal rank fusion (score = Σ weight / (rrf_k + rank)) needs no score
    calibration between cosine similarity and BM25.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    vector_store: Chroma
    lexical_index: BM25LexicalIndex
    # not validated: a PassageMap makes passages on demand, and checking 100k costs ~15 ms
    passages: SkipValidation[Mapping[str, Document]]
    embed_query: Callable[[str], list[float]]
    candidates: int = 40
    rrf_k: int = 20
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    phrase_weight: float = 1.0  # a passage holding the most of the wording counts double
    doc_ids: frozenset[str] | None = None  # only passages of these documents, when given
    # the passages of ``doc_ids``: scored exactly when there are few (a filtered index
    # search costs more than reading them), else searched among in the index
    scope_ids: list[str] | None = None
    exact: bool = False

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        expanded = expand_query(normalize_query(query))
        dense = self._dense(self.embed_query(expanded))
        lexical = self.lexical_index.search(segment(expanded), self.candidates, self.doc_ids)
        fused: dict[str, float] = {}
        dense_sim: dict[str, float] = {}
        lexical_score: dict[str, float] = {}
        for rank, (pid, similarity) in enumerate(dense):
            if pid not in self.passages:
                continue
            dense_sim[pid] = similarity
            fused[pid] = fused.get(pid, 0.0) + self.dense_weight / (self.rrf_k + rank + 1)
        for rank, (pid, score) in enumerate(lexical):
            if pid not in self.passages:  # written by another process since this one loaded
                continue
            lexical_score[pid] = score
            fused[pid] = fused.get(pid, 0.0) + self.lexical_weight / (self.rrf_k + rank + 1)
        texts = {pid: self.passages[pid].page_content.partition("\n")[2] for pid in fused}
        phrase = phrase_scores(query, texts)
        top = max(phrase.values(), default=0.0) or 1.0
        for pid, value in phrase.items():
            fused[pid] *= 1 + self.phrase_weight * value / top
        ranked = sorted(fused, key=lambda pid: -fused[pid])
        results = []
        for pid in ranked:
            base = self.passages[pid]
            metadata = dict(base.metadata)
            metadata.update(
                score=fused[pid], dense=dense_sim.get(pid, 0.0), lexical=lexical_score.get(pid, 0.0)
            )
            # built from validated passages: skip validating each copy again (hot path)
            results.append(
                Document.model_construct(id=pid, page_content=base.page_content, metadata=metadata)
            )
        return results

    def _dense(self, vector: list[float]) -> list[tuple[str, float]]:
        """(passage id, cosine similarity), best first."""
        if self.scope_ids is not None and not self.scope_ids:
            return []
        if self.scope_ids is not None and self.exact:
            got = self.vector_store._collection.get(ids=self.scope_ids, include=["embeddings"])
            if not got["ids"]:  # removed by another process since these passages were loaded
                return []
            matrix = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), -1)
            query = np.asarray(vector, dtype=np.float32)
            norms = np.linalg.norm(matrix, axis=1) * max(float(np.linalg.norm(query)), 1e-12)
            similarity = matrix @ query / np.maximum(norms, 1e-12)
            order = np.argsort(-similarity, kind="stable")[: self.candidates]
            return [(got["ids"][i], float(similarity[i])) for i in order]
        # ids and distances only: the texts are in ``passages``, and building LangChain
        # Documents for candidates that are mostly discarded costs more than the search.
        # Documents are chosen by their passages' ids, which the catalog knows: the store
        # holds no metadata to filter on (each field is a row it indexes at every write)
        collection = self.vector_store._collection

        def search(scope: list[str] | None) -> Any:
            return collection.query(
                query_embeddings=[vector],  # type: ignore[arg-type]
                n_results=self.candidates,
                ids=scope,
                include=["distances"],  # type: ignore[list-item]
            )

        try:
            found = search(self.scope_ids)
        except ChromaError:
            if self.scope_ids is None:
                raise
            # a passage of the scope removed by another process since it was loaded: Chroma
            # refuses an id it does not hold, so search among those it still holds
            held = collection.get(ids=self.scope_ids, include=[])["ids"]
            if not held:
                return []
            found = search(held)
        distances = (found["distances"] or [[]])[0]
        return [(pid, 1.0 - float(d)) for pid, d in zip(found["ids"][0], distances, strict=True)]


def phrase_scores(question: str, texts: Mapping[str, str]) -> dict[str, float]:
    """Id → weight of the question's character pairs each of ``texts`` holds (if any).

    A pair's weight is its rarity among these texts: a pair most of them hold, such as
    条例 among regulations, tells them apart no better than none.
    """
    pairs = question_pairs(question)
    held = {pid: pairs & char_bigrams(text.lower()) for pid, text in texts.items()}
    counts: dict[str, int] = {}
    for found in held.values():
        for pair in found:
            counts[pair] = counts.get(pair, 0) + 1
    n = len(texts)
    weight = {pair: math.log((n + 1) / (count + 0.5)) for pair, count in counts.items()}
    return {pid: sum(weight[p] for p in found) for pid, found in held.items() if found}


def question_pairs(question: str) -> set[str]:
    """Adjacent character pairs of the question's runs of content words (no 哪些, 多少)."""
    runs, run = [], ""
    for word, _ in tagged_words(normalize_query(question).lower()):
        if word in STOPWORDS or not any(ch.isalnum() for ch in word):
            runs.append(run)
            run = ""
        else:
            run += word
    runs.append(run)
    return {pair for run in runs for pair in char_bigrams(run)}


class Retrievers:
    """One retriever per state of the maps it reads, made again only when they change
    (validating 100k passages takes ~15 ms); scoped copies for chosen documents."""

    def __init__(self, store: Chroma, embed_query: Callable[[str], list[float]]) -> None:
        self._store = store
        self._embed_query = embed_query
        self._made: tuple[HybridRetriever, object, object] | None = None

    def get(
        self,
        passages: Mapping[str, Document],
        lexical: BM25LexicalIndex,
        ids: list[str] | None = None,
        doc_ids: frozenset[str] | None = None,
        exact: bool = False,
    ) -> HybridRetriever:
        """The retriever of these maps; with ``doc_ids``, limited to those documents'
        passages ``ids``, scored ``exact``ly when they are few."""
        made = self._made
        if made is None or made[1] is not passages or made[2] is not lexical:
            base = HybridRetriever(
                vector_store=self._store,
                lexical_index=lexical,
                passages=passages,
                embed_query=self._embed_query,
            )
            made = self._made = (base, passages, lexical)
        if doc_ids is None:
            return made[0]
        return made[0].model_copy(update={"doc_ids": doc_ids, "scope_ids": ids, "exact": exact})
