"""Which files an ingest reads: regular files inside the paths it was given, nothing else.

A folder on a shared drive may hold links to anywhere (``docs/shadow.txt -> /etc/shadow``),
devices or FIFOs. Reading one would put a file nobody chose into a knowledge base that
every chat user can quote, or block the ingest forever. Walking never follows a link
out of the folder it was given; whatever is passed over is named in a one-line note.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ingest.loaders import supported_suffixes
from ingest.models import IngestError


@dataclass
class FileSelection:
    """The files to read, and one line for each path passed over or resolved."""

    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def collect_files(paths: list[Path]) -> FileSelection:
    """The regular files named, and the supported regular files inside named folders.

    A named file that is a link is resolved (and said so); inside a folder a link is
    read only when its target is a regular file inside that same folder. Missing paths
    and folders without a supported file raise IngestError.
    """
    selection = FileSelection()
    for path in paths:
        if path.is_symlink():
            target = path.resolve()
            if not target.exists():
                raise IngestError(f"{path}: a link to {target}, which does not exist")
            selection.notes.append(f"{path}: a link, read as {target}")
            path = target
        if path.is_dir():
            found = _walk(path.resolve(), selection.notes)
            if not found:
                raise IngestError(f"{path}: no supported files ({', '.join(supported_suffixes())})")
            selection.files.extend(found)
        elif path.exists():
            if _is_regular(path):
                selection.files.append(path)
            else:
                selection.notes.append(f"{path}: skipped, not a regular file")
        else:
            raise IngestError(f"{path}: no such file or directory")
    if not selection.files and selection.notes:
        raise IngestError(f"nothing to ingest: {selection.notes[-1]}")
    return selection


def _walk(root: Path, notes: list[str]) -> list[Path]:
    """Supported regular files under ``root``; links leaving it, devices and FIFOs noted."""
    suffixes = set(supported_suffixes())
    found: list[Path] = []
    seen: set[Path] = set()
    # os.walk does not descend into linked folders; a linked folder inside root is walked
    # under its own name anyway, one leaving root is noted below
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs.sort()
        for name in [*sorted(names), *(d for d in dirs if (Path(folder) / d).is_symlink())]:
            path = Path(folder) / name
            if path.suffix.lower() not in suffixes and not path.is_symlink():
                continue
            chosen = _inside(path, root, notes)
            if chosen is None or chosen.suffix.lower() not in suffixes or chosen in seen:
                continue
            seen.add(chosen)
            found.append(chosen)
    return found


def _inside(path: Path, root: Path, notes: list[str]) -> Path | None:
    """The regular file ``path`` stands for inside ``root``, or None (with a note)."""
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            notes.append(f"{path}: skipped, a link leading out of {root} (to {target})")
            return None
        if target.is_dir():
            return None  # walked under its own name
        path = target
    if not _is_regular(path):
        notes.append(f"{path}: skipped, not a regular file")
        return None
    return path


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
