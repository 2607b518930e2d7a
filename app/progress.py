"""Progress bars for long ingests on the command line (tqdm, on standard error)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tqdm import tqdm


class IngestProgress:
    """Bars for parsing files, then for documents and passages stored (rate and ETA).

    ``enabled=None`` shows them only when standard error is a terminal.
    """

    def __init__(self, enabled: bool | None = None) -> None:
        self._disable = (not sys.stderr.isatty()) if enabled is None else not enabled

    @contextmanager
    def parsing(self, files: int) -> Iterator[tqdm]:
        with tqdm(
            total=files, desc="parsed", unit="file", disable=self._disable, file=sys.stderr
        ) as bar:
            yield bar

    @contextmanager
    def storing(self, documents: int) -> Iterator[StoreBars]:
        options = {"disable": self._disable, "file": sys.stderr, "dynamic_ncols": True}
        with (
            tqdm(total=documents, desc="documents", unit="doc", position=0, **options) as docs,
            tqdm(desc="passages ", unit="psg", position=1, **options) as psgs,
        ):
            yield StoreBars(docs, psgs)


class StoreBars:
    def __init__(self, documents: tqdm, passages: tqdm) -> None:
        self._documents = documents
        self._passages = passages

    def __call__(self, documents_done: int, passages_done: int, passages_total: int) -> None:
        if self._passages.total != passages_total:
            self._passages.total = passages_total
        self._documents.update(documents_done - self._documents.n)
        self._passages.update(passages_done - self._passages.n)
