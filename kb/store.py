"""The Chroma vector store: embedded (PersistentClient) by default, or a Chroma server."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import chromadb
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

COLLECTION = "planqa_passages"


def chroma_client(
    data_dir: Path, chroma_url: str | None = None, fresh: bool = False
) -> chromadb.ClientAPI:
    """An embedded client under ``data_dir/chroma``, or an HTTP client for ``chroma_url``.

    ``fresh``: an embedded Chroma keeps one system per path and process, whose index
    never sees what another process wrote since. Dropping the cached system (without
    stopping it: the state loaded before may still be answering with it; it is freed
    with the last reference) makes this client read the store as it is on disk now.
    """
    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        url = urlparse(chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(
                f"PLANQA_CHROMA_URL must look like http://host:port, got {chroma_url!r}"
            )
        return chromadb.HttpClient(
            host=url.hostname,
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=settings,
        )
    path = data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    if fresh:
        SharedSystemClient._identifier_to_system.pop(str(path), None)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def passage_store(
    client: chromadb.ClientAPI, embeddings: Embeddings, collection: str = COLLECTION
) -> Chroma:
    """The passage collection, always with our embedding function (never Chroma's default)."""
    return Chroma(
        collection_name=collection,
        embedding_function=embeddings,
        client=client,
        collection_metadata={"hnsw:space": "cosine"},
    )


def drop_collection(data_dir: Path, chroma_url: str | None, collection: str = COLLECTION) -> None:
    """Delete the passage collection (for a rebuild); a missing one is fine."""
    client = chroma_client(data_dir, chroma_url)
    if collection in {c.name if hasattr(c, "name") else str(c) for c in client.list_collections()}:
        client.delete_collection(collection)


def stored_vectors(store: Chroma, ids: list[str]) -> dict[str, list[float]]:
    """The stored vectors of passages ``ids`` (those the store holds)."""
    if not ids:
        return {}
    got = store._collection.get(ids=ids, include=["embeddings"])
    return dict(zip(got["ids"], got["embeddings"], strict=True))  # type: ignore[arg-type]
