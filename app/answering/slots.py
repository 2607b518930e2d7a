"""How many answers are computed at once, shared by the chat and the HTTP API.

Answers are CPU-bound. The chat's Gradio queue bounds its own workers, but API requests
run in Starlette's thread pool (40 threads): a flood of them would share two cores with
the chat's few workers and slow every chat answer down to a crawl. Every answer takes a
slot here; API requests may hold all but one, so one is always left for the chat.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Literal, TypeVar

Lane = Literal["chat", "api"]
T = TypeVar("T")


class AnswerSlots:
    def __init__(self, workers: int = 4) -> None:
        if workers < 1:
            raise ValueError("at least one answer must be computed at a time")
        self.workers = workers
        self.api_workers = max(1, workers - 1)
        self._all = threading.BoundedSemaphore(workers)
        self._api = threading.BoundedSemaphore(self.api_workers)

    def held(self, items: Iterator[T], lane: Lane = "chat") -> Iterator[T]:
        """``items`` computed while holding a slot: taken at the first item, given back at
        the last, or when the caller drops the stream (a client that went away)."""
        lanes = [self._api, self._all] if lane == "api" else [self._all]
        for semaphore in lanes:  # always in this order, so two lanes never wait on each other
            semaphore.acquire()
        try:
            yield from items
        finally:
            for semaphore in reversed(lanes):
                semaphore.release()
