"""Hybrid passage retrieval: dense (Chroma) and lexical (BM25) fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Mapping

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.vectorstores import VectorStore
from pydantic import ConfigDict

from kb.lexical import BM25LexicalIndex
from kb.text import expand_query, normalize_query, segment


class HybridRetriever(BaseRetriever):
    """Passages for a question, best first, with ``score``, ``dense``, ``lexical`` in metadata.

    Reciprocal rank fusion (score = Σ weight / (rrf_k + rank)) needs no score
    calibration between cosine similarity and BM25.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    vector_store: VectorStore
    lexical_index: BM25LexicalIndex
    passages: Mapping[str, Document]
    candidates: int = 40
    rrf_k: int = 20
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    doc_ids: frozenset[str] | None = None  # only passages of these documents, when given

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        expanded = expand_query(normalize_query(query))
        where = None
        if self.doc_ids is not None:
            ids = sorted(self.doc_ids)
            where = {"doc_id": ids[0]} if len(ids) == 1 else {"doc_id": {"$in": ids}}
        dense = self.vector_store.similarity_search_with_score(
            expanded, k=self.candidates, filter=where
        )
        lexical = self.lexical_index.search(segment(expanded), self.candidates, self.doc_ids)
        fused: dict[str, float] = {}
        dense_sim: dict[str, float] = {}
        lexical_score: dict[str, float] = {}
        for rank, (doc, distance) in enumerate(dense):
            if doc.id is None or doc.id not in self.passages:
                continue
            dense_sim[doc.id] = 1.0 - float(distance)
            fused[doc.id] = fused.get(doc.id, 0.0) + self.dense_weight / (self.rrf_k + rank + 1)
        for rank, (pid, score) in enumerate(lexical):
            if pid not in self.passages:  # written by another process since this one loaded
                continue
            lexical_score[pid] = score
            fused[pid] = fused.get(pid, 0.0) + self.lexical_weight / (self.rrf_k + rank + 1)
        ranked = sorted(fused, key=lambda pid: -fused[pid])
        results = []
        for pid in ranked:
            base = self.passages[pid]
            metadata = dict(base.metadata)
            metadata.update(
                score=fused[pid], dense=dense_sim.get(pid, 0.0), lexical=lexical_score.get(pid, 0.0)
            )
            results.append(Document(id=pid, page_content=base.page_content, metadata=metadata))
        return results
