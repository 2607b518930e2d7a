"""The files of a data directory: the manifest and the parsed documents, written atomically.

Layout::

    manifest.json        format version, embedding model, documents and their hashes
    version              the stamp of the last finished change (kb/version.py)
    documents/<id>.json  each parsed document (clauses and outline), the source of truth
    chroma/              embedded Chroma (unless PLANQA_CHROMA_URL names a server)
    lexical/             the persisted BM25 index
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ingest.models import Clause, OutlineNode, ParsedDocument
from kb.profiles import AUTO

FORMAT_VERSION = 3  # 2: clauses carry tags; 3: sentence-window passages only


class KnowledgeBaseError(Exception):
    """The data directory cannot be used as it is; the message says how to fix it."""


def read_manifest(data_dir: Path, embedding_model: str) -> dict:
    """The manifest, or an empty one; a damaged or mismatched one says how to rebuild."""
    path = data_dir / "manifest.json"
    if not path.exists():
        return {"format": FORMAT_VERSION, "embedding_model": embedding_model, "documents": {}}
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeBaseError(
            f"{path} is unreadable ({exc}); rebuild with: planqa ingest --rebuild"
        ) from None
    if manifest.get("format") != FORMAT_VERSION:
        raise KnowledgeBaseError(
            f"{data_dir} holds knowledge-base format {manifest.get('format')}, this "
            f"version reads {FORMAT_VERSION}; rebuild with: planqa ingest --rebuild"
        )
    if manifest.get("embedding_model") == AUTO and not manifest.get("documents"):
        manifest["embedding_model"] = embedding_model  # claimed before a model was chosen
    if manifest.get("embedding_model") != embedding_model:
        raise KnowledgeBaseError(
            f"{data_dir} was built with embedding model "
            f"{manifest.get('embedding_model')!r}, not {embedding_model!r}; "
            f"rebuild with: planqa ingest --rebuild"
        )
    return manifest


def recorded_model(data_dir: Path) -> str | None:
    """The embedding model the data directory was filled with; None if none was chosen yet."""
    try:
        manifest = json.loads((data_dir / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    model = manifest.get("embedding_model") if isinstance(manifest, dict) else None
    return model if isinstance(model, str) and model != AUTO else None


def is_new(data_dir: Path) -> bool:
    """Never written to: no manifest. An ingest writes one before it parses anything
    (``claim``), so a directory it was killed in is not new, though it holds no documents."""
    return not (data_dir / "manifest.json").exists()


def claim(data_dir: Path, embedding_model: str) -> bool:
    """Mark a new data directory as being filled; returns whether it was new."""
    if not is_new(data_dir):
        return False
    manifest = {"format": FORMAT_VERSION, "embedding_model": embedding_model, "documents": {}}
    write_manifest(data_dir, {**manifest, "clean": False})
    return True


def write_manifest(data_dir: Path, manifest: dict) -> None:
    write_json(data_dir / "manifest.json", manifest)


def doc_path(data_dir: Path, doc_id: str) -> Path:
    return data_dir / "documents" / f"{doc_id}.json"


def write_document(data_dir: Path, doc: ParsedDocument) -> None:
    # its fields one level down by hand: ``asdict`` deep-copies every string (8× slower)
    plain = {
        **vars(doc),
        "clauses": [vars(c) for c in doc.clauses],
        "outline": [vars(n) for n in doc.outline],
    }
    write_json(doc_path(data_dir, doc.doc_id), plain)


def read_document(data_dir: Path, doc_id: str) -> ParsedDocument:
    data = json.loads(doc_path(data_dir, doc_id).read_text("utf-8"))
    data["clauses"] = [Clause(**{**c, "tags": tuple(c["tags"])}) for c in data["clauses"]]
    data["outline"] = [
        OutlineNode(**{**n, "children": tuple(n["children"])}) for n in data["outline"]
    ]
    return ParsedDocument(**data)


def write_json(path: Path, data: object) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        # one line: json's C encoder runs only without indentation (5× faster)
        handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    os.replace(tmp, path)
