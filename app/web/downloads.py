"""Files the browser downloads: each in a fresh folder under the name the user will see."""

from __future__ import annotations

import tempfile
from pathlib import Path


def download(content: str | bytes, name: str) -> str:
    """Write ``content`` as ``name``; Gradio offers it under that name.

    CSV gets a UTF-8 byte order mark: without it Excel reads the file as the
    system's code page and shows Chinese as mojibake.
    """
    path = Path(tempfile.mkdtemp(prefix="planqa-")) / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8-sig" if name.endswith(".csv") else "utf-8")
    return str(path)
