"""Which word vectors judge a question word's meaning: the stronger model's, once ready.

A large collection is embedded by the fast model (use-m3: 88 regulations in 26 s, not
8 min), but its word vectors place a user's words worse than e5's do (主办方 → 主办单位,
山火 → 火灾 are found by e5 only; docs/benchmarks.md). Word vectors are few — one per
distinct word of the collection, ~10k for 88 regulations — and are embedded once and
kept on disk: for a collection whose passages the fast model embedded, the stronger
model embeds its words in the background, and they judge meaning once ready. Until then,
and for a collection the stronger model embedded itself, the collection's own model does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from langchain_core.embeddings import Embeddings

from kb.catalog import Catalog
from kb.embeddings import FAST_MODEL, STRONG_MODEL
from kb.profiles import profile_for
from kb.vocabulary import PlanVocabulary, plan_words, quoted_names


class WordVectors:
    """The vocabulary of each state of the collection, with the best word vectors ready."""

    def __init__(
        self,
        data_dir: Path,
        embeddings: Embeddings,
        model: str,
        stronger: Callable[[str], Embeddings] | None = None,
    ) -> None:
        """``stronger`` builds the stronger model by name (kb.embeddings.make_embeddings);
        without it, the collection's own model judges words."""
        self._data_dir = data_dir
        self._own = (model, embeddings)
        fast = profile_for(model).name == FAST_MODEL
        self._stronger_name = STRONG_MODEL if fast and stronger is not None else None
        self._make_stronger = stronger
        self._lock = threading.Lock()
        self._made: tuple[Catalog, PlanVocabulary, PlanVocabulary | None] | None = None
        self._done = threading.Event()  # the stronger vectors were tried: ready or failed
        self._ready = False

    def vocabulary(self, catalog: Catalog, wait: bool = False) -> PlanVocabulary:
        """The words of ``catalog``: with the stronger model's vectors when they are ready
        (``wait`` waits for them: an evaluation measures the settled state)."""
        with self._lock:
            made = self._made
            if made is None or made[0] is not catalog:
                made = self._start(catalog)
        _, own, strong = made
        if strong is None:
            return own
        if wait:
            self._done.wait()
        return strong if self._ready and self._made is made else own

    def _start(self, catalog: Catalog) -> tuple[Catalog, PlanVocabulary, PlanVocabulary | None]:
        texts = [c.text for c in catalog.clauses.values()]
        texts += [d.title for d in catalog.documents.values()]
        words, names = plan_words(texts), quoted_names(texts)
        model, embeddings = self._own
        own = PlanVocabulary(words, embeddings, self._data_dir / "terms", model, names)
        strong = None
        if self._stronger_name and self._make_stronger is not None:
            name, make = self._stronger_name, self._make_stronger
            strong = PlanVocabulary(
                words, _Lazy(lambda: make(name)), self._data_dir / "terms" / name, name, names
            )
            self._done, self._ready = threading.Event(), False
            if strong.cached():
                self._embed(strong, self._done)
            else:
                threading.Thread(
                    target=self._embed, args=(strong, self._done), name="planqa-words", daemon=True
                ).start()
        self._made = (catalog, own, strong)
        return self._made

    def _embed(self, vocabulary: PlanVocabulary, done: threading.Event) -> None:
        try:
            vocabulary.warm()
            self._ready = done is self._done  # not a collection replaced meanwhile
        except Exception:  # the collection's own vectors keep judging words
            pass
        finally:
            done.set()


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
