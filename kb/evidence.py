"""Sentence-level evidence inside retrieved clauses, from the vectors already stored.

Passages are overlapping windows of whole sentences, so a sentence's closeness in
meaning to a question is the best similarity of a window that holds it: no sentence
vectors need to be embedded at ingest or at question time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from langchain_core.documents import Document

from ingest.chunking import sentence_spans


@dataclass(frozen=True)
class SentenceEvidence:
    """One sentence of a retrieved clause and how close it is to the question."""

    hit: int  # index of its clause among the hits, best first
    start: int  # span in the clause text
    end: int
    text: str
    dense: float  # cosine similarity of the best stored window holding it


def sentence_evidence(
    clause_texts: list[tuple[str, str]],
    passages: Mapping[str, Document],
    passage_ids: Callable[[str], list[str]],
    vectors: Callable[[list[str]], dict[str, list[float]]],
    query_vector: list[float],
) -> list[SentenceEvidence]:
    """Every sentence of the given (clause id, clause text) pairs, scored by its windows."""
    wanted = {cid: passage_ids(cid) for cid, _ in clause_texts}
    stored = vectors([pid for ids in wanted.values() for pid in ids])
    query = np.asarray(query_vector, dtype=np.float32)
    query /= max(float(np.linalg.norm(query)), 1e-12)
    evidence: list[SentenceEvidence] = []
    for n, (clause_id, text) in enumerate(clause_texts):
        windows = []
        for pid in wanted[clause_id]:
            vector = stored.get(pid)
            if vector is None:
                continue
            v = np.asarray(vector, dtype=np.float32)
            similarity = float(v @ query) / max(float(np.linalg.norm(v)), 1e-12)
            meta = passages[pid].metadata
            windows.append((meta["start"], meta["end"], similarity))
        for start, end in sentence_spans(text):
            covering = [s for a, b, s in windows if a <= start and end <= b]
            dense = max(covering) if covering else 0.0
            evidence.append(SentenceEvidence(n, start, end, text[start:end], dense))
    return evidence
