"""The version stamp: one small file every finished change of the knowledge base rewrites.

Several processes may share a data directory (a chat server, the CLI, a second
server). Each remembers the stamp of the state it loaded; reading the stamp is one
small read, cheap enough before every question, and a different stamp means another
process finished an ingest, a replacement or a removal since.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

STAMP_FILE = "version"


def read_stamp(data_dir: Path) -> str:
    """The stamp of the last finished change; empty before the first one."""
    try:
        return (data_dir / STAMP_FILE).read_text("ascii").strip()
    except (FileNotFoundError, NotADirectoryError):
        return ""


def write_stamp(data_dir: Path) -> str:
    """Mark a finished change with a new stamp (written atomically) and return it.

    A random stamp, not a counter or a time: two writers never produce the same one,
    and a clock set back cannot make a reader miss a change.
    """
    stamp = uuid.uuid4().hex
    data_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{STAMP_FILE}.", dir=data_dir)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(stamp + "\n")
    os.replace(tmp, data_dir / STAMP_FILE)
    return stamp
