"""Read policy files into text: pluggable by suffix, with encoding detection.

Chinese government files arrive as UTF-8 (with or without BOM), GB18030/GBK,
Big5 or UTF-16. Legacy encodings decode almost any byte string, so a decoding
is accepted only when the result reads as Chinese or plain text.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ingest.models import IngestError

Loader = Callable[[Path], str]
_LOADERS: dict[str, Loader] = {}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5")
_MIN_PLAUSIBLE = 0.9
# A plan's text is rarely over 1 MB; past this, cleaning and embedding would take hours.
MAX_FILE_BYTES = 5 * 1024 * 1024


def register_loader(suffix: str, loader: Loader) -> None:
    """Make ``loader`` read files whose name ends in ``suffix`` (e.g. ".docx")."""
    _LOADERS[suffix.lower()] = loader


def supported_suffixes() -> list[str]:
    return sorted(_LOADERS)


def load_text(path: Path, max_bytes: int = MAX_FILE_BYTES, name: str | None = None) -> str:
    """Return the text of ``path``, or raise IngestError with a one-line reason.

    ``name`` is the file's name as the user knows it (an upload's original name): it
    chooses the loader by its suffix and stands for the path in error messages.
    """
    if name is not None:
        try:
            return _load(path, max_bytes, Path(name).suffix)
        except IngestError as exc:
            raise IngestError(str(exc).replace(str(path), name)) from None
    return _load(path, max_bytes, path.suffix)


def _load(path: Path, max_bytes: int, suffix: str) -> str:
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if not path.is_file():
        raise IngestError(f"{path}: not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(
            f"{path}: file too large ({size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.1f} MB, "
            f"set by PLANQA_MAX_FILE_MB)"
        )
    loader = _LOADERS.get(suffix.lower())
    if loader is None:
        raise IngestError(
            f"{path}: unsupported file type {suffix or '(none)'!r}; "
            f"supported: {', '.join(supported_suffixes())}"
        )
    text = loader(path)
    if not text.strip():
        raise IngestError(f"{path}: file is empty")
    return text


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a text file's bytes, detecting the encoding."""
    if not data.strip():
        raise IngestError(f"{name}: file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name)
    if b"\x00" in data:
        utf16 = _try_utf16(data)
        if utf16 is None:
            raise IngestError(f"{name}: binary file, not text")
        return utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _best_legacy(data, name)
    if _plausibility(text) < _MIN_PLAUSIBLE:
        raise IngestError(f"{name}: binary file, not text")
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(f"{name}: invalid {encoding} text ({exc.reason})") from None


def _try_utf16(data: bytes) -> str | None:
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausibility(text) >= _MIN_PLAUSIBLE:
            return text
    return None


def _best_legacy(data: bytes, name: str) -> str:
    scored = []
    for encoding in _LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_plausibility(text), text))
    if scored:
        score, text = max(scored, key=lambda pair: pair[0])
        if score >= _MIN_PLAUSIBLE:
            return text
    raise IngestError(f"{name}: text encoding not recognised (tried UTF-8, UTF-16, GB18030, Big5)")


def _plausibility(text: str) -> float:
    """Share of characters a real Chinese or plain-text document would contain."""
    from ingest.cleaning import to_simplified

    sample = to_simplified(text[:20000])
    if not sample:
        return 0.0
    # each distinct character judged once (a document repeats a few thousand hanzi)
    good = sum(n for ch, n in Counter(sample).items() if _is_plausible(ch))
    return good / len(sample)


def _is_plausible(ch: str) -> bool:
    if ch.isascii():
        return ch.isprintable() or ch in "\n\r\t\f"
    if ch.isspace():
        return True
    category = unicodedata.category(ch)
    if category.startswith("P") or category.startswith("S") or category == "No":
        return True
    if category == "Lo" and "\u4e00" <= ch <= "\u9fff":
        return _is_common_hanzi(ch)
    return category.startswith("L") or category == "Mn"


def _is_common_hanzi(ch: str) -> bool:
    """GB2312 covers the 6,763 hanzi in everyday simplified use; mojibake mostly falls outside."""
    try:
        encoded = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= encoded[0] <= 0xD7  # level 1: the 3,755 most frequent


def _read_plain(path: Path) -> str:
    return decode_bytes(path.read_bytes(), str(path))


register_loader(".txt", _read_plain)


# Markdown, PDF, DOCX and HTML loaders register themselves (libraries load on first use).
import ingest.formats  # noqa: E402, F401
