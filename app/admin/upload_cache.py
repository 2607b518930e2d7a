"""Gradio's upload folder, bounded: under the data directory, emptied at start, each upload
removed after use, and the oldest files pruned whenever the folder passes its size cap.

Anyone who can open the chat can POST files to Gradio's upload route, logged in or
not; without a cap, 200 uploads of 5 MB leave a gigabyte in the system's temp folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
from pathlib import Path
from typing import Any

ENV = "GRADIO_TEMP_DIR"  # the only way to choose Gradio's upload folder


class UploadCache:
    def __init__(self, data_dir: Path, port: int, cap_mb: float) -> None:
        # one folder per server: servers sharing a data directory never empty each other's
        self.folder = data_dir / "upload-cache" / f"{socket.gethostname()}-{port}"
        self.cap = int(cap_mb * 2**20)
        self._lock = threading.Lock()
        self._built: set[Path] = set()

    def prepare(self) -> None:
        """Empty the folder (left from an earlier run) and point Gradio at it.

        Called by ``planqa serve`` before the Blocks are built: Gradio reads the
        variable when it creates them and its app.
        """
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        os.environ[ENV] = str(self.folder)

    def keep_built(self) -> None:
        """Files the Blocks wrote while being built (download tables) are never pruned."""
        self._built = {p for p in self.folder.rglob("*") if p.is_file()}

    def prune(self) -> int:
        """Remove the oldest files until the folder is within its cap; returns bytes removed.

        What the Blocks wrote while being built is neither counted nor removed.
        """
        with self._lock:
            files = []
            for path in self.folder.rglob("*"):
                with contextlib.suppress(OSError):
                    if path.is_file() and path not in self._built:
                        stat = path.stat()
                        files.append((stat.st_mtime, stat.st_size, path))
            total = sum(size for _, size, _ in files)
            removed = 0
            for _, size, path in sorted(files, key=lambda f: f[0]):
                if total - removed <= self.cap:
                    break
                discard(path, self.folder)
                removed += size
            return removed

    def middleware(self, app: Any) -> Any:
        """ASGI middleware: prune after every request to the upload route."""
        cache = self

        async def pruning(scope: dict, receive: Any, send: Any) -> None:
            await app(scope, receive, send)
            if scope.get("type") == "http" and scope.get("path", "").endswith("/upload"):
                cache.prune()

        return pruning


def discard(path: Path | str, folder: Path | None = None) -> None:
    """Remove an uploaded file, and its folder if now empty; only inside the upload folder."""
    root = folder or Path(os.environ.get(ENV, "/nonexistent"))
    path = Path(path)
    if not path.resolve().is_relative_to(root.resolve()):
        return
    path.unlink(missing_ok=True)
    if path.parent.resolve() != root.resolve():
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # Gradio keeps each upload in a folder of its own
