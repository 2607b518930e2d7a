"""The knowledge base: parsed documents, their passages in Chroma and a BM25 index.

The files are described in kb/datadir.py, the write path in kb/writes.py, and how
changes made by other processes are loaded in kb/reload.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from ingest.chunking import clause_passages
from ingest.models import Clause, OutlineNode, ParsedDocument
from kb.catalog import Catalog, ClauseHit, ids_by_document
from kb.datadir import KnowledgeBaseError, read_document, read_manifest
from kb.evidence import SentenceEvidence, sentence_evidence
from kb.lexical import BM25LexicalIndex, segment_passages
from kb.queries import QueryVectors
from kb.reload import Reloader
from kb.retriever import HybridRetriever, Retrievers
from kb.scope import ScopedKnowledgeBase
from kb.search import rank_clauses
from kb.store import COLLECTION, chroma_client, passage_store, stored_vectors
from kb.text import expand_query, normalize_query
from kb.vocabulary import PlanVocabulary
from kb.words import Stronger, WordVectors
from kb.writes import Batch, PassageWriter, batches

__all__ = ["ClauseHit", "IngestReport", "KnowledgeBase", "KnowledgeBaseError"]

EXACT_DENSE_LIMIT = 2000  # passages of chosen documents scored exactly, without the index
Progress = Callable[[int, int, int], None]  # (documents done, passages done, passages in all)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    passages: int = 0


class KnowledgeBase:
    """Stores documents and answers ``search`` with clause hits."""

    def __init__(
        self,
        data_dir: Path,
        embeddings: Embeddings,
        embedding_model: str,
        chroma_url: str | None = None,
        collection: str = COLLECTION,
        *,
        reloading: bool = False,
        store: Chroma | None = None,
        stronger: Stronger | None = None,
    ) -> None:
        """Open ``data_dir``; ``reloading`` opens a fresh view of the store and writes nothing
        (kb/reload.py: another process made a change and may still be writing). ``stronger``
        builds the stronger model whose word vectors judge meaning (kb/words.py). ``store``
        is an open passage store to share instead (a Chroma server's index is always current).
        """
        self.data_dir = data_dir
        self.embedding_model = embedding_model
        self._embeddings = embeddings
        self._chroma = (chroma_url, collection)
        self._reloader = Reloader(data_dir, self._reload)
        self._manifest = read_manifest(data_dir, embedding_model)
        try:
            if store is None:
                client = chroma_client(data_dir, chroma_url, fresh=reloading)
                store = passage_store(client, embeddings, collection)
            self._store = store
        except ValueError:
            raise  # a malformed PLANQA_CHROMA_URL: its message says what is wrong
        except Exception as exc:  # a damaged store fails deep inside Chroma: say so plainly
            raise KnowledgeBaseError(
                f"the vector store under {data_dir} cannot be opened ({type(exc).__name__}); "
                "rebuild with: planqa ingest --rebuild"
            ) from None
        self._writer = PassageWriter(data_dir, self._store, embeddings)
        # Writers take turns; readers never wait: they see the maps swapped in whole.
        self._write_lock = threading.RLock()
        self._writes = 0  # changes made by this process, so a stale reload is not swapped in
        self._embed_query = QueryVectors(embeddings.embed_query)
        self._retrievers = Retrievers(self._store, self._embed_query)
        self._words = WordVectors(data_dir, embeddings, embedding_model, stronger)
        stored = [read_document(data_dir, d) for d in self._manifest["documents"]]
        lexical_dir = data_dir / "lexical"
        empty = BM25LexicalIndex.build([], [])
        self._lexical = BM25LexicalIndex.load(lexical_dir) if lexical_dir.exists() else empty
        clean = bool(self._manifest.get("clean"))
        # after a finished write the lexical index lists every passage: no chunking needed
        known = ids_by_document(self._lexical.ids) if clean else None
        self._catalog = Catalog.opened(stored, known)
        self.repaired = (0, 0)  # (orphan passages removed, missing passages added) at opening
        if not clean and not reloading:  # the last write did not finish: check the store
            self.repaired = self._writer.repair(self._catalog.passages)
        from_lexical = known is not None and known.keys() == self._catalog.documents.keys()
        if not from_lexical and list(self._lexical.ids) != list(self._catalog.passages):
            # missing, or written before a crash; a reloading reader leaves the file alone
            self._lexical = self._updated_lexical(save=not reloading)

    # --- other processes' changes --------------------------------------------

    def refresh(self) -> None:
        """Load, in the background, a change another process finished (one small read)."""
        self._reloader.check()

    def wait_for_reload(self, timeout: float | None = None) -> None:
        self._reloader.wait(timeout)

    def _reload(self) -> bool:
        """Open the data directory again and swap its state in, unless this process wrote."""
        writes = self._writes
        url, collection = self._chroma
        fresh = KnowledgeBase(
            self.data_dir,
            self._embeddings,
            self.embedding_model,
            url,
            collection,
            reloading=True,
            store=self._store if url else None,  # a new client per reload would stay open
        )
        with self._write_lock:
            if self._writes != writes:
                return False
            self._store, self._writer, self._manifest = fresh._store, fresh._writer, fresh._manifest
            self._retrievers = Retrievers(self._store, self._embed_query)
            self._catalog, self._lexical = fresh._catalog, fresh._lexical
        return True

    # --- reading -------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return not self._catalog.documents

    @property
    def vocabulary(self) -> frozenset[str]:
        return self._lexical.vocabulary

    def documents(self) -> list[ParsedDocument]:
        return list(self._catalog.documents.values())

    def has_document(self, doc_id: str) -> bool:
        return doc_id in self._catalog.documents

    def document(self, doc_id: str) -> ParsedDocument:
        return self._catalog.documents[doc_id]

    def clause(self, clause_id: str) -> Clause:
        return self._catalog.clauses[clause_id]

    def outline(self, doc_id: str) -> list[OutlineNode]:
        return self._catalog.documents[doc_id].outline

    def contains_text(self, fragment: str, doc_ids: Collection[str] | None = None) -> bool:
        """Whether any clause or title (of ``doc_ids``, if given) contains ``fragment``."""
        return self._catalog.contains_text(fragment, doc_ids)

    def term_rarity(self, terms: list[str]) -> float:
        """Sum of the terms' inverse clause frequency in this knowledge base."""
        return self._catalog.term_rarity(terms)

    def clause_hit(self, clause_id: str, score: float) -> ClauseHit:
        """A clause as a hit with its document's metadata, for answers not found by search."""
        return self._catalog.clause_hit(clause_id, score)

    def passage_count(self, doc_id: str) -> int:
        return len(self._catalog.passages.ids.get(doc_id, ()))

    def retriever(self, doc_ids: Collection[str] | None = None) -> HybridRetriever:
        """Passages best first; with ``doc_ids``, only passages of those documents."""
        catalog, lexical = self._catalog, self._lexical
        if doc_ids is None:
            return self._retrievers.get(catalog.passages, lexical)
        ids = catalog.passage_ids(doc_ids)
        exact = len(ids) <= EXACT_DENSE_LIMIT
        return self._retrievers.get(catalog.passages, lexical, ids, frozenset(doc_ids), exact)

    def evidence(self, question: str, hits: list[ClauseHit]) -> list[SentenceEvidence]:
        """Each sentence of the hits' clauses with its closeness in meaning to ``question``."""
        vector = self._embed_query(expand_query(normalize_query(question)))
        catalog, store = self._catalog, self._store
        pairs = [(h.clause.clause_id, h.clause.text) for h in hits]
        return sentence_evidence(
            pairs,
            catalog.passages,
            catalog.clause_passage_ids,
            lambda ids: stored_vectors(store, ids),
            vector,
        )

    def vocabulary_index(self, wait: bool = False) -> PlanVocabulary:
        """The collection's words with their vectors (embedded on first use, kept on disk;
        the stronger model's once ready, kb/words.py; ``wait`` waits for those)."""
        return self._words.vocabulary(self._catalog, wait)

    def forget_queries(self) -> None:
        """Drop remembered query vectors (benchmarks time questions as if never asked)."""
        self._embed_query.forget()

    def scope(self, doc_ids: Collection[str]) -> ScopedKnowledgeBase:
        """This knowledge base limited to ``doc_ids`` (unknown ids raise KnowledgeBaseError)."""
        return ScopedKnowledgeBase(self, doc_ids)

    def search(
        self, question: str, k: int = 5, doc_ids: Collection[str] | None = None
    ) -> list[ClauseHit]:
        """The ``k`` best clauses for ``question`` (kb/search.py); with ``doc_ids``, only theirs."""

        def retrieve(text: str, chosen: Collection[str] | None) -> list[Document]:
            return self.retriever(chosen).invoke(text)

        return rank_clauses(self._catalog, self._lexical, retrieve, question, k, doc_ids)

    # --- writing -------------------------------------------------------------

    def add_documents(
        self, documents: list[ParsedDocument], progress: Progress | None = None
    ) -> IngestReport:
        """Add or replace documents; unchanged ones (same content hash) are skipped.

        Passages are embedded and stored in batches; a batch's documents are committed
        (document file, then manifest) once their passages are stored. ``progress`` is
        called after each batch with the documents and passages done so far.
        """
        report = IngestReport()
        with self._write_lock:
            self._reloader.catch_up()  # another process's change is kept, not overwritten
            changed = []
            for doc in documents:
                known = self._manifest["documents"].get(doc.doc_id)
                if known == doc.content_hash:
                    report.unchanged.append(doc.doc_id)
                    continue
                (report.added if known is None else report.replaced).append(doc.doc_id)
                changed.append((doc, clause_passages(doc)))
            total = sum(len(passages) for _, passages in changed)
            grouped = batches(changed)
            if grouped:
                self._writes += 1
                self._writer.begin(self._manifest)
            tokens: dict[str, list[str]] = {}
            done = 0
            for batch, passages in self._writer.committed(grouped, self._stored, self._manifest):
                self._catalog = self._catalog.changed(
                    [d for d, _ in batch], [], {str(p.id): p for p in passages}
                )
                tokens.update(segment_passages(passages))
                done += len(batch)
                report.passages += len(passages)
                if progress is not None:
                    progress(done, report.passages, total)
            if changed:
                self._lexical = self._updated_lexical(tokens)
                self._reloader.wrote(self._writer.finish(self._manifest))
        return report

    def _stored(self, batch: Batch) -> list[str]:
        """The passages stored now for the batch's documents (to be replaced)."""
        return self._catalog.passage_ids([doc.doc_id for doc, _ in batch])

    def remove_document(self, doc_id: str) -> int:
        """Remove a document and its passages; returns how many passages went."""
        with self._write_lock:
            self._reloader.catch_up()
            if doc_id not in self._catalog.documents:
                raise KnowledgeBaseError(f"no document {doc_id!r} in the knowledge base")
            self._writes += 1
            gone = self._catalog.passage_ids([doc_id])
            self._writer.remove(doc_id, gone, self._manifest)
            self._catalog = self._catalog.changed([], [doc_id], {})
            self._lexical = self._updated_lexical()
            self._reloader.wrote(self._writer.finish(self._manifest))
        return len(gone)

    def _updated_lexical(
        self, tokens: dict[str, list[str]] | None = None, save: bool = True
    ) -> BM25LexicalIndex:
        passages = self._catalog.passages
        index = self._lexical.updated(
            list(passages), lambda pid: passages[pid].page_content, tokens or {}
        )
        if save:
            index.save(self.data_dir / "lexical")
        return index
