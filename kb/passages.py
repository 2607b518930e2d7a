"""The passages of the stored documents, made from a document only when first read.

At 100k passages, chunking every document at start-up costs seconds; the ids are
known from the lexical index, and a search reads the passages of a few documents.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from langchain_core.documents import Document

from ingest.chunking import clause_passages
from ingest.models import ParsedDocument


def doc_of(passage_id: str) -> str:
    """Passage ids are ``<doc_id>:<outline key>#<hash>p<n>``; doc ids hold no colon."""
    return passage_id.split(":", 1)[0]


class PassageMap(Mapping[str, Document]):
    """Passage id → passage of ``documents``; ``ids`` gives each document's passage ids."""

    def __init__(
        self,
        documents: Mapping[str, ParsedDocument],
        ids: Mapping[str, list[str]],
        made: dict[str, dict[str, Document]] | None = None,
    ) -> None:
        self._documents = documents
        self.ids = ids
        self._made = made if made is not None else {}
        self._all = {pid for pids in ids.values() for pid in pids}

    @classmethod
    def of(cls, documents: Mapping[str, ParsedDocument]) -> PassageMap:
        """Chunk every document now (when the ids are not known otherwise)."""
        made = {d: {str(p.id): p for p in clause_passages(doc)} for d, doc in documents.items()}
        return cls(documents, {d: list(ps) for d, ps in made.items()}, made)

    def changed(
        self,
        documents: Mapping[str, ParsedDocument],
        gone: set[str],
        added: Mapping[str, dict[str, Document]],
    ) -> PassageMap:
        """A new map: documents in ``gone`` dropped, ``added`` ones (doc → passages) in."""
        ids = {d: pids for d, pids in self.ids.items() if d not in gone}
        made = {d: ps for d, ps in self._made.items() if d not in gone}
        for doc_id, passages in added.items():
            ids[doc_id] = list(passages)
            made[doc_id] = passages
        return PassageMap(documents, ids, made)

    def __getitem__(self, passage_id: str) -> Document:
        doc_id = doc_of(passage_id)
        passages = self._made.get(doc_id)
        if passages is None:
            if passage_id not in self._all:
                raise KeyError(passage_id)
            passages = {str(p.id): p for p in clause_passages(self._documents[doc_id])}
            self._made[doc_id] = passages  # readers may race here: both build the same
        return passages[passage_id]

    def __contains__(self, passage_id: object) -> bool:
        return passage_id in self._all

    def __iter__(self) -> Iterator[str]:  # in document order: the same on every run
        return (pid for pids in self.ids.values() for pid in pids)

    def __len__(self) -> int:
        return len(self._all)
