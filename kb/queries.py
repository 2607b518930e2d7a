"""Query vectors, remembered: a question asked again, or searched twice (a second pass,
its sentence evidence), is embedded once."""

from __future__ import annotations

import threading
from collections.abc import Callable

QUERY_CACHE = 256  # query vectors kept


class QueryVectors:
    """The last ``QUERY_CACHE`` query vectors of one embedding model, shared by threads."""

    def __init__(self, embed: Callable[[str], list[float]], size: int = QUERY_CACHE) -> None:
        self._embed = embed
        self._size = size
        self._lock = threading.Lock()
        self._vectors: dict[str, list[float]] = {}

    def __call__(self, text: str) -> list[float]:
        with self._lock:
            if text in self._vectors:
                return self._vectors[text]
        vector = self._embed(text)  # outside the lock: two threads may embed, one is kept
        with self._lock:
            self._vectors[text] = vector
            while len(self._vectors) > self._size:
                self._vectors.pop(next(iter(self._vectors)))
        return vector

    def forget(self) -> None:
        """Drop every remembered vector (benchmarks time questions as if never asked)."""
        with self._lock:
            self._vectors.clear()
