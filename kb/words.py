"""Which word vectors judge a question word's meaning: the stronger model's, once ready.

A large collection is embedded by the fast model (use-m3: 88 regulations in 26 s, not
8 min), but its word vectors place a user's words worse than e5's do (主办方 → 主办单位,
马路 → 公路 are found by e5 only; docs/benchmarks.md). Word vectors are few — one per
distinct word of the collection, ~10k for 88 regulations — and are embedded once and
kept on disk: for a collection whose passages the fast model embedded, the stronger
model embeds its words in the background of a reading process (``planqa serve``), and
they judge meaning once ready. Until then, and for a collection the stronger model
embedded itself, the collection's own model does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from langchain_core.embeddings import Embeddings

from kb.catalog import Catalog
from kb.profiles import FAST_MODEL, STRONG_MODEL, profile_for
from kb.vocabulary import PlanVocabulary, plan_words, quoted_names

Stronger = Callable[[str], Embeddings]  # builds an embedding model by name


@dataclass
class _Words:
    """One state of the collection's words: its own vectors, and the stronger ones."""

    catalog: Catalog
    own: PlanVocabulary
    strong: PlanVocabulary | None = None
    done: threading.Event = field(default_factory=threading.Event)  # tried: ready or failed
    ready: bool = False


class WordVectors:
    """The vocabulary of each state of the collection, with the best word vectors ready."""

    def __init__(
        self, data_dir: Path, embeddings: Embeddings, model: str, stronger: Stronger | None
    ) -> None:
        """``stronger`` builds the stronger model by name (kb.embeddings.make_embeddings);
        without it, the collection's own model judges words."""
        self._data_dir = data_dir
        self._own = (model, embeddings)
        fast = profile_for(model).name == FAST_MODEL
        self._strong: Embeddings | None = (
            _Lazy(lambda: stronger(STRONG_MODEL)) if fast and stronger is not None else None
        )
        self._lock = threading.Lock()
        self._words: _Words | None = None
        self._worker: threading.Thread | None = None

    def vocabulary(self, catalog: Catalog, wait: bool = False) -> PlanVocabulary:
        """The words of ``catalog``: with the stronger model's vectors when they are ready
        (``wait`` waits for them: an evaluation measures the settled state)."""
        with self._lock:
            words = self._words
            if words is None or words.catalog is not catalog:
                if words is not None:
                    words.done.set()  # replaced: one waiting for it reads its own vectors
                words = self._words = self._made(catalog)
                if words.strong is not None and not words.done.is_set():
                    self._start()
        if words.strong is None:
            return words.own
        if wait:
            words.done.wait()
        return words.strong if words.ready else words.own

    def _made(self, catalog: Catalog) -> _Words:
        texts = [c.text for c in catalog.clauses.values()]
        texts += [d.title for d in catalog.documents.values()]
        terms, names = plan_words(texts), quoted_names(texts)
        model, embeddings = self._own
        own = PlanVocabulary(terms, embeddings, self._data_dir / "terms", model, names)
        words = _Words(catalog, own)
        if self._strong is not None:
            cache = self._data_dir / "terms" / STRONG_MODEL
            words.strong = PlanVocabulary(terms, self._strong, cache, STRONG_MODEL, names)
            if words.strong.cached():  # on disk: loading takes no model
                _embed(words)
        return words

    def _start(self) -> None:
        """One worker embeds the latest words; words a later change replaced are skipped.
        Called with the lock held."""
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="planqa-words", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                words = self._words
                if words is None or words.done.is_set():
                    self._worker = None  # the next change starts another
                    return
            _embed(words)


def _embed(words: _Words) -> None:
    try:
        assert words.strong is not None
        words.strong.warm()
        words.ready = True
    except Exception:  # the collection's own vectors keep judging words
        pass
    finally:
        words.done.set()


class _Lazy(Embeddings):
    """An embedding model loaded on first use: the stronger one is not loaded if its word
    vectors are already on disk."""

    def __init__(self, make: Callable[[], Embeddings]) -> None:
        self._make = make
        self._model: Embeddings | None = None
        self._lock = threading.Lock()

    def _get(self) -> Embeddings:
        with self._lock:
            if self._model is None:
                self._model = self._make()
            return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._get().embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._get().embed_query(text)
