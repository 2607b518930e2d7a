"""Zip-based files are checked before they are opened: a zip bomb is refused, cheaply."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ingest import IngestError, load_document

BOMB_MB = 400  # what the bomb's document part expands to
RSS_ALLOWED_MB = 300  # peak memory above the baseline while refusing it

MEASURE = """
import resource, sys
from pathlib import Path
import docx  # imported before the baseline: only the refusal itself is measured
from ingest import IngestError, load_document
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    load_document(Path(sys.argv[1]))
    print("loaded")
except IngestError as exc:
    print(exc)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) // 1024)  # KiB → MiB
"""


def write_bomb(path: Path, megabytes: int) -> Path:
    """A .docx whose document part is ``megabytes`` of zeros, streamed (never in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * 2**20
            for _ in range(megabytes):
                member.write(block)
    return path


def test_zip_bomb_is_refused_with_one_line_and_little_memory(tmp_path: Path):
    bomb = write_bomb(tmp_path / "bomb.docx", BOMB_MB)
    assert bomb.stat().st_size < 5 * 2**20  # small enough to pass the file-size limit
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(bomb)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    reason, peak = done.stdout.splitlines()
    assert (
        reason == f"{bomb}: refused, its contents would expand to {BOMB_MB} MB (the limit is 50 MB)"
    )
    assert int(peak) <= RSS_ALLOWED_MB, f"peak RSS grew by {peak} MB"


def test_highly_compressed_docx_under_the_size_limit_is_refused_by_its_ratio(tmp_path: Path):
    bomb = write_bomb(tmp_path / "dense.docx", 10)
    with pytest.raises(
        IngestError, match=r"dense\.docx: refused, its contents are compressed \d+×"
    ):
        load_document(bomb)


def test_damaged_docx_gets_one_line(tmp_path: Path):
    path = tmp_path / "damaged.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(
        IngestError, match=r"damaged\.docx: not a readable DOCX file \(BadZipFile\)"
    ):
        load_document(path)
