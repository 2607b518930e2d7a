"""Anonymous uploads cannot fill the disk: Gradio's upload folder is bounded and emptied."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.admin.upload_cache import UploadCache, discard
from scripts.upload_flood import flood, folder_bytes
from tests.helpers import clean_env, running_server


def test_cache_is_emptied_at_start_and_pruned_oldest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path))  # restored after: prepare() sets it
    cache = UploadCache(tmp_path / "data", 7860, cap_mb=2)
    (cache.folder / "crash").mkdir(parents=True)
    (cache.folder / "crash" / "left.pdf").write_bytes(b"x" * 2**20)
    cache.prepare()
    assert os.environ["GRADIO_TEMP_DIR"] == str(cache.folder) and not any(cache.folder.iterdir())
    (cache.folder / "timeline.csv").write_text("built with the Blocks")
    cache.keep_built()
    for n in range(4):
        upload = cache.folder / f"h{n}" / f"u{n}.pdf"
        upload.parent.mkdir()
        upload.write_bytes(b"x" * 2**20)
        os.utime(upload, (time.time() + n, time.time() + n))
    assert cache.prune() == 2 * 2**20
    left = sorted(p.name for p in cache.folder.rglob("*") if p.is_file())
    assert left == ["timeline.csv", "u2.pdf", "u3.pdf"]
    discard(cache.folder / "h3" / "u3.pdf")
    discard(tmp_path / "outside.txt")  # not in the upload folder: left alone
    assert not (cache.folder / "h3").exists()


@pytest.mark.slow
def test_uploads_without_login_leave_at_most_the_cap_behind(copied_data_dir: Path):
    cache = copied_data_dir / "upload-cache"
    stale = cache / "old-host-1234" / "left-from-a-crash.pdf"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"x" * 2**20)
    env = clean_env(copied_data_dir, PLANQA_MAX_FILE_MB="1", PLANQA_UPLOAD_CACHE_MB="3")
    with running_server(env) as url:
        own = next(p for p in cache.iterdir() if p.name.endswith(url.rstrip("/").rsplit(":", 1)[1]))
        built = folder_bytes(own)  # tables for download, written when the Blocks were built
        assert built < 2**20
        assert flood(url, 20, 2**20 - 4096) == {200: 20}
        assert flood(url, 2, 2**20 + 4096) == {413: 2}  # over PLANQA_MAX_FILE_MB
        assert 2 * 2**20 < folder_bytes(own) - built <= 3 * 2**20  # the newest uploads stay
    assert stale.exists()  # another server's folder is not this one's to empty
