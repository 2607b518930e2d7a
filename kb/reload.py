"""Keeping a knowledge base in step with changes other processes make to its data directory.

Before each question the knowledge base calls ``check``: one small read of the
version stamp (kb/version.py). When another process has finished a change, the new
state is loaded in a background thread and swapped in whole; until then questions
are answered from the old state, so none waits and none fails because of the change.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kb.version import read_stamp

RETRY_SECONDS = 1.0  # after a failed load (e.g. read while a writer replaced a file)
log = logging.getLogger(__name__)


class Reloader:
    """Calls ``load`` when the stamp differs from the one loaded; ``load`` returns whether
    it swapped a new state in (it does not when this process wrote meanwhile)."""

    def __init__(self, data_dir: Path, load: Callable[[], bool]) -> None:
        self._data_dir = data_dir
        self._load = load
        self.loaded = read_stamp(data_dir)  # read before the state: a change meanwhile is seen
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._failed_at = -RETRY_SECONDS

    def check(self) -> None:
        """Start loading in the background if another process changed the knowledge base."""
        stamp = read_stamp(self._data_dir)
        if stamp == self.loaded:
            return
        with self._lock:
            busy = self._thread is not None and self._thread.is_alive()
            if busy or time.monotonic() - self._failed_at < RETRY_SECONDS:
                return
            self._thread = threading.Thread(
                target=self._run, args=(stamp,), name="kb-reload", daemon=True
            )
            self._thread.start()

    def catch_up(self) -> None:
        """Load now, in this thread, if needed: a write starts from the latest state."""
        self.wait()
        stamp = read_stamp(self._data_dir)
        if stamp != self.loaded and self._load():
            self.loaded = stamp

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a background load to end (tests, and writes before they begin)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def wrote(self, stamp: str) -> None:
        """This process made the change ``stamp`` marks: its state already holds it."""
        self.loaded = stamp

    def _run(self, stamp: str) -> None:
        try:
            if self._load():
                self.loaded = stamp
        except Exception:  # the old state keeps answering; the next question tries again
            log.warning("loading the changed knowledge base failed; retrying", exc_info=True)
            self._failed_at = time.monotonic()
