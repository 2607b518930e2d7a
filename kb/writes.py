"""The write path: passages embedded and stored in batches, documents committed after.

The order makes a crash at any point repairable. A change first marks the manifest
not clean; each batch stores its passages, then writes its documents and the
manifest (the commit); the last step marks the manifest clean and writes a new
version stamp (kb/version.py), which tells other processes to load the change.
Opening a knowledge base that is not clean calls ``repair``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from ingest.models import ParsedDocument
from kb.datadir import KnowledgeBaseError, doc_path, write_document, write_manifest
from kb.version import write_stamp

INGEST_BATCH = 256  # passages embedded and stored per call
Batch = list[tuple[ParsedDocument, list[Document]]]


def batches(changed: Batch) -> list[Batch]:
    """Whole documents grouped until a group holds INGEST_BATCH passages or more."""
    grouped: list[Batch] = [[]]
    for item in changed:
        if sum(len(p) for _, p in grouped[-1]) >= INGEST_BATCH:
            grouped.append([])
        grouped[-1].append(item)
    return grouped if grouped[0] else []


class PassageWriter:
    """Writes passages to the vector store and documents to the data directory."""

    def __init__(self, data_dir: Path, store: Chroma, embeddings: Embeddings) -> None:
        self.data_dir = data_dir
        self._store = store
        self._embeddings = embeddings

    def begin(self, manifest: dict) -> None:
        """Not clean until ``finish``: a crash in between makes the next opening check."""
        manifest["clean"] = False
        write_manifest(self.data_dir, manifest)

    def finish(self, manifest: dict) -> str:
        """Clean: the store holds exactly the committed passages. Returns the new stamp."""
        manifest["clean"] = True
        write_manifest(self.data_dir, manifest)
        return write_stamp(self.data_dir)

    def embed(self, batch: Batch) -> list[list[float]]:
        return self._embeddings.embed_documents([p.page_content for _, ps in batch for p in ps])

    def committed(
        self, grouped: list[Batch], old: Callable[[Batch], list[str]], manifest: dict
    ) -> Iterator[tuple[Batch, list[Document]]]:
        """Each batch embedded (the next one while this one is stored), then committed in
        place of its documents' ``old`` passages; yields it with its stored passages."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed") as pool:
            ahead = pool.submit(self.embed, grouped[0]) if grouped else None
            for i, batch in enumerate(grouped):
                assert ahead is not None
                vectors = ahead.result()
                if i + 1 < len(grouped):
                    ahead = pool.submit(self.embed, grouped[i + 1])
                yield batch, self.commit(batch, vectors, old(batch), manifest)

    def commit(
        self, batch: Batch, vectors: list[list[float]], old: list[str], manifest: dict
    ) -> list[Document]:
        """Replace passages ``old`` by the batch's, then commit its documents; returns them."""
        if old:
            self._store.delete(ids=old)
        passages = [p for _, ps in batch for p in ps]
        self.store(passages, vectors)
        for doc, _ in batch:
            write_document(self.data_dir, doc)
            manifest["documents"][doc.doc_id] = doc.content_hash
        write_manifest(self.data_dir, manifest)  # the batch is committed here
        return passages

    def remove(self, doc_id: str, passage_ids: list[str], manifest: dict) -> None:
        """Uncommit first: a crash after that leaves only orphans, which opening removes."""
        del manifest["documents"][doc_id]
        self.begin(manifest)
        if passage_ids:
            self._store.delete(ids=passage_ids)
        doc_path(self.data_dir, doc_id).unlink(missing_ok=True)

    def store(self, passages: list[Document], vectors: list[list[float]]) -> None:
        """Write passages' ids and vectors only: their texts and metadata live in
        documents/*.json, searches within documents pass their passages' ids, and every
        field or text Chroma holds is one more row it indexes (0.4 of its 2.7 s for the
        6,718 passages of 87 regulations; texts and all metadata cost 2 s more)."""
        if passages:
            self._store._collection.upsert(
                ids=[str(p.id) for p in passages],
                # one float32 array: Chroma validates a list of lists number by number
                embeddings=np.asarray(vectors, dtype=np.float32),
            )

    def repair(self, expected: Mapping[str, Document]) -> tuple[int, int]:
        """Make the vector store hold exactly ``expected`` (the committed documents' passages).

        An ingest killed half-way leaves passages of an uncommitted document (removed
        here; the next ingest adds the document again) or a committed document with
        passages missing (embedded again here). Nothing half-done stays searchable.
        Returns (orphan passages removed, missing passages added).
        """
        try:
            stored = set(self._store._collection.get(include=[])["ids"])
        except Exception as exc:  # a damaged store fails deep inside Chroma: say so plainly
            raise KnowledgeBaseError(
                f"the vector store under {self.data_dir} cannot be read ({type(exc).__name__}); "
                "rebuild with: planqa ingest --rebuild"
            ) from None
        orphans = sorted(stored - expected.keys())
        missing = [pid for pid in expected if pid not in stored]
        if orphans:
            self._store.delete(ids=orphans)
        if missing:
            passages = [expected[pid] for pid in missing]
            vectors = self._embeddings.embed_documents([p.page_content for p in passages])
            self.store(passages, vectors)
        return len(orphans), len(missing)
