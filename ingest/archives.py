"""Zip-based files (DOCX, and any later format built on zip) checked before they are opened.

A zip bomb is a small file that expands to gigabytes. Its central directory
declares each member's size, and Python's ``zipfile`` never returns more bytes than
declared (a member that inflates further fails its size check), so bounding the
declared sizes bounds what opening the file can take, without inflating anything.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ingest.models import IngestError

MAX_UNCOMPRESSED = 50 * 2**20  # bytes, all members together
MAX_RATIO = 100  # uncompressed size / size in the archive; office files are ~5-20x


def check_zip(
    path: Path,
    kind: str,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_ratio: float = MAX_RATIO,
) -> None:
    """Raise IngestError with a one-line reason unless ``path`` is a zip that may be opened.

    ``kind`` names the format in the message, e.g. DOCX.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise IngestError(f"{path}: not a readable {kind} file ({type(exc).__name__})") from None
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if total > max_uncompressed:
        raise IngestError(
            f"{path}: refused, its contents would expand to {total / 2**20:.0f} MB "
            f"(the limit is {max_uncompressed / 2**20:.0f} MB)"
        )
    if total > max_ratio * max(packed, 1):
        raise IngestError(
            f"{path}: refused, its contents are compressed {total / max(packed, 1):.0f}× "
            f"(the limit is {max_ratio:.0f}×), as in a zip bomb"
        )
