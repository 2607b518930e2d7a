"""Upload flood: anonymous uploads to a running ``planqa serve`` and what they leave behind.

    .venv/bin/python scripts/upload_flood.py [--uploads 200] [--mb 5]

Starts its own server on a free port over a fresh data directory, POSTs files of
just under the upload limit to Gradio's upload route without logging in (as any
client can), then reports the bytes left in the upload cache and in the system's
temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import clean_env, running_server  # noqa: E402


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def flood(url: str, uploads: int, size: int) -> dict[int, int]:
    """POST ``uploads`` files of ``size`` bytes; returns how many got each HTTP status."""
    import httpx

    statuses: dict[int, int] = {}
    payload = os.urandom(size)  # incompressible, like a real document
    with httpx.Client(base_url=url, timeout=60) as http:
        for n in range(uploads):
            response = http.post("gradio_api/upload", files={"files": (f"f{n}.pdf", payload)})
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    return statuses


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=200)
    parser.add_argument("--mb", type=float, default=5.0, help="the server's PLANQA_MAX_FILE_MB")
    args = parser.parse_args()
    system_tmp = Path(tempfile.gettempdir()) / "gradio"
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        env = clean_env(data_dir, PLANQA_MAX_FILE_MB=str(args.mb))
        with running_server(env) as url:
            before = folder_bytes(system_tmp)
            start = time.perf_counter()
            statuses = flood(url, args.uploads, int(args.mb * 2**20) - 4096)
            seconds = time.perf_counter() - start
            left = folder_bytes(data_dir / "upload-cache")
            grown = folder_bytes(system_tmp) - before
        print(
            f"{args.uploads} uploads of {args.mb:g} MB in {seconds:.1f} s, statuses {statuses}; "
            f"left behind: {left / 2**20:.1f} MB in the upload cache, "
            f"{grown / 2**20:.1f} MB more in {system_tmp}"
        )


if __name__ == "__main__":
    main()
