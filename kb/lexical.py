"""BM25 over jieba-segmented simplified text, persisted beside the vector store.

The index is saved with each passage's tokens, so adding or removing documents
segments only the new passages and start-up only loads what was saved.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path

import bm25s
import numpy as np
from langchain_core.documents import Document

from ingest.chunking import sentence_spans
from kb.text import segment


def segment_passages(passages: Iterable[Document]) -> dict[str, list[str]]:
    """Passage id → its tokens for the index, each sentence and header segmented once.

    Sentence windows overlap and every passage of a clause repeats its headings, so
    most pieces recur. jieba never joins words across 。；！？ or a line break, which
    end every piece: the pieces' words are exactly the passage's words.
    """
    words: dict[str, list[str]] = {}

    def piece(text: str) -> list[str]:
        if text not in words:
            words[text] = segment(text)
        return words[text]

    tokens = {}
    for passage in passages:
        header, _, body = passage.page_content.partition("\n")
        found = piece(header) + [w for s, e in sentence_spans(body) for w in piece(body[s:e])]
        tokens[str(passage.id)] = found or ["<empty>"]
    return tokens


class BM25LexicalIndex:
    """A lexical index of passages: ``search`` returns (passage id, BM25 score) pairs."""

    def __init__(
        self,
        ids: list[str],
        model: bm25s.BM25 | None,
        vocabulary: frozenset[str],
        tokens: list[list[str]] | None = None,
        directory: Path | None = None,
    ):
        self.ids = ids
        self._model = model
        self.vocabulary = vocabulary
        self._tokens = tokens  # loaded from ``directory`` when first needed
        self._directory = directory
        self._docs: np.ndarray | None = None
        self._codes: tuple[np.ndarray, list[str]] | None = None

    @classmethod
    def build(cls, ids: list[str], texts: list[str]) -> BM25LexicalIndex:
        return cls._from_tokens(list(ids), [segment(text) or ["<empty>"] for text in texts])

    @classmethod
    def _from_tokens(cls, ids: list[str], tokens: list[list[str]]) -> BM25LexicalIndex:
        if not ids:
            return cls([], None, frozenset(), [])
        model = bm25s.BM25()
        model.index(tokens, show_progress=False)
        vocabulary = frozenset(t for doc in tokens for t in doc)
        return cls(ids, model, vocabulary, tokens)

    def updated(
        self,
        ids: list[str],
        text_of: Callable[[str], str],
        tokens: Mapping[str, list[str]] | None = None,
    ) -> BM25LexicalIndex:
        """An index of exactly ``ids``; only passages new to it are read and segmented.

        ``tokens`` may give the segmented text of new passages, done while embedding.
        """
        known = dict(zip(self.ids, self._all_tokens(), strict=True))
        known.update(tokens or {})
        segmented = [known.get(pid) or segment(text_of(pid)) or ["<empty>"] for pid in ids]
        return self._from_tokens(list(ids), segmented)

    def search(
        self, query_tokens: list[str], k: int, doc_ids: Collection[str] | None = None
    ) -> list[tuple[str, float]]:
        """The ``k`` best passages (of ``doc_ids``, if given) with their BM25 scores."""
        known = [t for t in query_tokens if t in self.vocabulary]
        if self._model is None or not known:
            return []
        scores = np.asarray(self._model.get_scores(known), dtype=np.float64)
        if doc_ids is not None:
            codes, names = self._doc_codes()
            chosen = set(doc_ids)
            wanted = [code for code, name in enumerate(names) if name in chosen]
            scores = np.where(np.isin(codes, wanted), scores, 0.0)
        top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def documents_with(self, term: str, doc_ids: Collection[str] | None = None) -> set[str]:
        """Documents with a passage containing ``term`` (all its index words, if it has several)."""
        if self._model is None:
            return set()
        words = [term] if term in self.vocabulary else segment(term)
        if not words or any(w not in self.vocabulary for w in words):
            return set()
        codes, names = self._doc_codes()
        found: set[int] | None = None
        for word in dict.fromkeys(words):
            scores = np.asarray(self._model.get_scores([word]))
            docs = set(np.unique(codes[scores > 0]).tolist())
            found = docs if found is None else found & docs
        named = {names[code] for code in found or ()}
        return named if doc_ids is None else named & set(doc_ids)

    def _doc_codes(self) -> tuple[np.ndarray, list[str]]:
        """Each passage's document as a small integer, and the names of those integers."""
        if self._codes is None:
            names, codes = np.unique(self._doc_of(), return_inverse=True)
            self._codes = (codes.astype(np.int32), names.tolist())
        return self._codes

    def _doc_of(self) -> np.ndarray:
        """Each passage's document id (passage ids are ``<doc_id>:<key>#…``)."""
        if self._docs is None:
            self._docs = np.array([pid.split(":", 1)[0] for pid in self.ids])
        return self._docs

    def _all_tokens(self) -> list[list[str]]:
        if self._tokens is None:
            path = None if self._directory is None else self._directory / "tokens.json"
            if path is not None and path.exists():
                self._tokens = json.loads(path.read_text("utf-8"))
            else:
                self._tokens = [[] for _ in self.ids]  # not saved: segment again
        return self._tokens

    def save(self, directory: Path) -> None:
        """Write to ``directory`` atomically: a crash leaves the old index or the new one."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".lexical-", dir=directory.parent))
        if self._model is not None:
            self._model.save(str(staging / "bm25"))
        meta = {"ids": self.ids, "vocabulary": sorted(self.vocabulary)}
        (staging / "index.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        tokens = json.dumps(self._all_tokens(), ensure_ascii=False, separators=(",", ":"))
        (staging / "tokens.json").write_text(tokens, "utf-8")
        old = directory.with_name(directory.name + ".old")
        if directory.exists():
            os.replace(directory, old)
        os.replace(staging, directory)
        shutil.rmtree(old, ignore_errors=True)
        self._directory = directory

    @classmethod
    def load(cls, directory: Path) -> BM25LexicalIndex:
        meta = json.loads((directory / "index.json").read_text("utf-8"))
        model = bm25s.BM25.load(str(directory / "bm25")) if meta["ids"] else None
        return cls(meta["ids"], model, frozenset(meta["vocabulary"]), None, directory)
