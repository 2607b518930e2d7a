"""The administration database: one SQLite file under the data directory for API keys,
feedback and the audit trail (app/admin/keys.py, feedback.py, audit.py).

Each call opens its own connection, so the server's threads and a ``planqa keys``
command in another process can use the file at once (SQLite locks it; WAL lets readers
go on while one writes). A key revoked on the command line holds at the next request.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

DATABASE_FILE = "planqa.sqlite3"


class Database:
    """Where the records live; nothing is created until the first record is read or written."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / DATABASE_FILE
        self._ready: set[str] = set()

    @contextmanager
    def connect(self, schema: str) -> Iterator[sqlite3.Connection]:
        """A connection inside a transaction (committed when the block ends without error),
        with ``schema`` (``CREATE … IF NOT EXISTS`` statements) applied once per process."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30)) as db:
            db.row_factory = sqlite3.Row
            if schema not in self._ready:
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(schema)
                self._ready.add(schema)
            with db:
                yield db
