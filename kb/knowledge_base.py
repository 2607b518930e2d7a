"""The knowledge base: parsed documents, their passages in Chroma and a BM25 index.

The files are described in kb/datadir.py, the write path in kb/writes.py, and how
changes made by other processes are loaded in kb/reload.py.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from ingest.chunking import clause_passages
from ingest.models import Clause, OutlineNode, ParsedDocument
from kb.datadir import KnowledgeBaseError, read_document, read_manifest, write_manifest
from kb.evidence import SentenceEvidence, sentence_evidence
from kb.focus import WEIGHT as FOCUS_WEIGHT
from kb.focus import document_shares, leading_documents, named_documents
from kb.lexical import BM25LexicalIndex, segment_passages
from kb.passages import PassageMap, doc_of
from kb.reload import Reloader
from kb.retriever import HybridRetriever
from kb.scope import ScopedKnowledgeBase
from kb.store import COLLECTION, chroma_client, passage_store
from kb.text import content_terms, expand_query, normalize_query
from kb.vocabulary import PlanVocabulary, plan_words
from kb.writes import PassageWriter, batches

__all__ = ["ClauseHit", "IngestReport", "KnowledgeBase", "KnowledgeBaseError"]

EXACT_DENSE_LIMIT = 2000  # passages of chosen documents scored exactly, without the index
QUERY_CACHE = 256  # query vectors kept
Progress = Callable[[int, int, int], None]  # (documents done, passages done, passages in all)


@dataclass
class ClauseHit:
    """A retrieved clause with the passages of it that matched, best first."""

    clause: Clause
    doc_title: str
    score: float
    dense: float
    lexical: float
    spans: list[tuple[int, int]] = field(default_factory=list)
    doc_number: str = ""  # 文号
    issuer: str = ""
    date: str = ""


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
    ) -> None:
        """Open ``data_dir``; ``reloading`` opens a fresh view of the store and writes nothing
        (kb/reload.py: another process made a change and may still be writing). ``store``
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
        self._query_lock = threading.Lock()
        self._query_vectors: dict[str, list[float]] = {}
        self._retriever: tuple[HybridRetriever | None, tuple[object, object]] = (None, (None, None))
        self._documents: dict[str, ParsedDocument] = {}
        self._passages = PassageMap({}, {})
        self._titles: dict[str, str] = {}
        self._clauses: dict[str, Clause] = {}
        self._texts: dict[str, str] | None = None  # lower-cased text of each document
        self._corpus_text = ""
        self._rarity: dict[str, float] = {}
        self._vocabulary: tuple[dict[str, ParsedDocument], PlanVocabulary] | None = None
        stored = [read_document(data_dir, d) for d in self._manifest["documents"]]
        lexical_dir = data_dir / "lexical"
        empty = BM25LexicalIndex.build([], [])
        self._lexical = BM25LexicalIndex.load(lexical_dir) if lexical_dir.exists() else empty
        clean = bool(self._manifest.get("clean"))
        # after a finished write the lexical index lists every passage: no chunking needed
        known = _ids_by_document(self._lexical.ids) if clean else None
        self._index_documents(stored, [], known=known)
        self.repaired = (0, 0)  # (orphan passages removed, missing passages added) at opening
        if not clean and not reloading:  # the last write did not finish: check the store
            self.repaired = self._writer.repair(self._passages)
        from_lexical = known is not None and known.keys() == self._documents.keys()
        if not from_lexical and list(self._lexical.ids) != list(self._passages):
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
            self._retriever = (None, (None, None))
            self._store, self._writer, self._manifest = fresh._store, fresh._writer, fresh._manifest
            self._documents, self._passages = fresh._documents, fresh._passages
            self._lexical, self._titles, self._clauses = (
                fresh._lexical,
                fresh._titles,
                fresh._clauses,
            )
            self._texts, self._corpus_text, self._rarity = None, "", {}
        return True

    # --- reading -------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return not self._documents

    @property
    def vocabulary(self) -> frozenset[str]:
        return self._lexical.vocabulary

    def documents(self) -> list[ParsedDocument]:
        return list(self._documents.values())

    def has_document(self, doc_id: str) -> bool:
        return doc_id in self._documents

    def document(self, doc_id: str) -> ParsedDocument:
        return self._documents[doc_id]

    def clause(self, clause_id: str) -> Clause:
        return self._clauses[clause_id]

    def outline(self, doc_id: str) -> list[OutlineNode]:
        return self._documents[doc_id].outline

    def contains_text(self, fragment: str, doc_ids: Collection[str] | None = None) -> bool:
        """Whether any clause or title (of ``doc_ids``, if given) contains ``fragment``."""
        texts = self._texts
        if texts is None:
            texts = {doc_id: _document_text(doc) for doc_id, doc in self._documents.items()}
            self._corpus_text = "\n".join(texts.values())
            self._texts = texts  # last: a reader seeing it also sees the joined text
        fragment = fragment.lower()
        if doc_ids is None:
            return fragment in self._corpus_text
        return any(fragment in texts[d] for d in doc_ids if d in texts)

    def term_rarity(self, terms: list[str]) -> float:
        """Sum of the terms' inverse clause frequency in this knowledge base.

        General Chinese IDF cannot know that 两省 or 合作 stand in nearly every clause of
        a cooperation plan; counting in the corpus itself does.
        """
        clauses = self._clauses
        total = 0.0
        for term in terms:
            if term not in self._rarity:
                frequency = sum(1 for c in clauses.values() if term in c.text)
                self._rarity[term] = math.log((len(clauses) + 1) / (frequency + 1))
            total += self._rarity[term]
        return total

    def clause_hit(self, clause_id: str, score: float) -> ClauseHit:
        """A clause as a hit with its document's metadata, for answers not found by search."""
        clause = self._clauses[clause_id]
        doc = self._documents[clause.doc_id]
        return ClauseHit(
            clause, doc.title, score, 0.0, 0.0, [], doc.doc_number, doc.issuer, doc.date
        )

    def retriever(self, doc_ids: Collection[str] | None = None) -> HybridRetriever:
        """Passages best first; with ``doc_ids``, only passages of those documents."""
        passages, lexical = self._passages, self._lexical
        base, made_for = self._retriever
        if base is None or made_for[0] is not passages or made_for[1] is not lexical:
            # validated once per change of the maps: validating 100k passages takes ~15 ms
            base = HybridRetriever(
                vector_store=self._store,
                lexical_index=lexical,
                passages=passages,
                embed_query=self._embed_query,
            )
            self._retriever = (base, (passages, lexical))
        if doc_ids is None:
            return base
        ids = [pid for d in doc_ids for pid in self._passages.ids.get(d, ())]
        exact = ids if len(ids) <= EXACT_DENSE_LIMIT else None
        return base.model_copy(update={"doc_ids": frozenset(doc_ids), "exact_ids": exact})

    def evidence(self, question: str, hits: list[ClauseHit]) -> list[SentenceEvidence]:
        """Each sentence of the hits' clauses with its closeness in meaning to ``question``."""
        vector = self._embed_query(expand_query(normalize_query(question)))
        passages = self._passages

        def ids_of(clause_id: str) -> list[str]:
            prefix = clause_id + "#"
            return [p for p in passages.ids.get(doc_of(clause_id), ()) if p.startswith(prefix)]

        def vectors(ids: list[str]) -> dict[str, list[float]]:
            if not ids:
                return {}
            got = self._store._collection.get(ids=ids, include=["embeddings"])
            return dict(zip(got["ids"], got["embeddings"], strict=True))  # type: ignore[arg-type]

        pairs = [(h.clause.clause_id, h.clause.text) for h in hits]
        return sentence_evidence(pairs, passages, ids_of, vectors, vector)

    def vocabulary_index(self) -> PlanVocabulary:
        """The plan's words with their vectors (embedded on first use, kept on disk)."""
        documents = self._documents
        made = self._vocabulary
        if made is None or made[0] is not documents:
            texts = [c.text for d in documents.values() for c in d.clauses]
            texts += [d.title for d in documents.values()]
            vocabulary = PlanVocabulary(
                plan_words(texts), self._embeddings, self.data_dir / "terms"
            )
            made = (documents, vocabulary)
            self._vocabulary = made
        return made[1]

    def forget_queries(self) -> None:
        """Drop remembered query vectors (benchmarks time questions as if never asked)."""
        with self._query_lock:
            self._query_vectors.clear()

    def _embed_query(self, text: str) -> list[float]:
        """Query vectors, remembered: a search with a second pass embeds its query once."""
        with self._query_lock:
            if text in self._query_vectors:
                return self._query_vectors[text]
        vector = self._embeddings.embed_query(text)
        with self._query_lock:
            self._query_vectors[text] = vector
            while len(self._query_vectors) > QUERY_CACHE:
                self._query_vectors.pop(next(iter(self._query_vectors)))
        return vector

    def scope(self, doc_ids: Collection[str]) -> ScopedKnowledgeBase:
        """This knowledge base limited to ``doc_ids`` (unknown ids raise KnowledgeBaseError)."""
        return ScopedKnowledgeBase(self, doc_ids)

    def search(
        self, question: str, k: int = 5, doc_ids: Collection[str] | None = None
    ) -> list[ClauseHit]:
        """The ``k`` best clauses for ``question``; a clause scores by its best passage.

        With several documents in play (see kb/focus.py), clauses are lifted by their
        document's share of the question's words, and a second pass ranks again within
        the leading documents, so other plans' passages do not crowd the candidates.
        """
        if self.is_empty:
            return []
        hits = self._clause_hits(question, doc_ids)
        if len(doc_ids if doc_ids is not None else self._documents) < 2:
            return sorted(hits, key=lambda h: -h.score)[:k]
        terms = content_terms(normalize_query(question))
        shares = document_shares(terms, self._lexical, self._titles, doc_ids)
        named = named_documents(normalize_query(question).lower(), self._titles)
        if doc_ids is not None:
            named &= set(doc_ids)
        shares.update(dict.fromkeys(named, 1.0 + 1e-6))  # a quoted title outranks all words
        _weigh(hits, shares)
        in_play = {h.clause.doc_id for h in hits}
        focus = leading_documents(shares)
        if focus is None:  # else the documents of the best hits
            focus = {h.clause.doc_id for h in sorted(hits, key=lambda h: -h.score)[:k]}
        if focus != in_play:
            hits = self._clause_hits(question, focus)
            _weigh(hits, shares)
        return sorted(hits, key=lambda h: -h.score)[:k]

    def _clause_hits(self, question: str, doc_ids: Collection[str] | None) -> list[ClauseHit]:
        hits: dict[str, ClauseHit] = {}
        for passage in self.retriever(doc_ids).invoke(question):
            meta = passage.metadata
            hit = hits.get(meta["clause_id"])
            if hit is None and meta["clause_id"] not in self._clauses:
                continue  # its document went while this search ran (kb/reload.py)
            if hit is None:
                hit = self.clause_hit(meta["clause_id"], meta["score"])
                hit.dense, hit.lexical = meta["dense"], meta["lexical"]
                hits[meta["clause_id"]] = hit
            else:
                hit.dense = max(hit.dense, meta["dense"])
                hit.lexical = max(hit.lexical, meta["lexical"])
            hit.spans.append((meta["start"], meta["end"]))
        return list(hits.values())

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
            # the next batch is embedded while this one is stored and segmented
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed") as pool:
                ahead = pool.submit(self._writer.embed, grouped[0]) if grouped else None
                for i, batch in enumerate(grouped):
                    assert ahead is not None
                    vectors = ahead.result()
                    if i + 1 < len(grouped):
                        ahead = pool.submit(self._writer.embed, grouped[i + 1])
                    old = [
                        pid for doc, _ in batch for pid in self._passages.ids.get(doc.doc_id, ())
                    ]
                    passages = self._writer.commit(batch, vectors, old, self._manifest)
                    self._index_documents(
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

    def _mark_clean(self, clean: bool) -> None:
        """Clean: the store holds exactly the committed passages, so opening need not check."""
        self._manifest["clean"] = clean
        write_manifest(self.data_dir, self._manifest)

    def remove_document(self, doc_id: str) -> int:
        """Remove a document and its passages; returns how many passages went."""
        with self._write_lock:
            self._reloader.catch_up()
            if doc_id not in self._documents:
                raise KnowledgeBaseError(f"no document {doc_id!r} in the knowledge base")
            self._writes += 1
            gone = list(self._passages.ids.get(doc_id, ()))
            self._writer.remove(doc_id, gone, self._manifest)
            self._index_documents([], [doc_id], {})
            self._lexical = self._updated_lexical()
            self._reloader.wrote(self._writer.finish(self._manifest))
        return len(gone)

    def passage_count(self, doc_id: str) -> int:
        return len(self._passages.ids.get(doc_id, ()))

    def _index_documents(
        self,
        added: list[ParsedDocument],
        removed: list[str],
        passages: dict[str, Document] | None = None,
        known: dict[str, list[str]] | None = None,
    ) -> None:
        """Update the in-memory maps for documents added (or replaced) and removed.

        Readers never wait: each map is copied, changed and swapped in whole.
        ``passages`` are the added documents' passages when the caller has them;
        ``known`` gives every document's passage ids when opening a clean store.
        """
        gone = set(removed) | {d.doc_id for d in added if d.doc_id in self._documents}
        documents = {k: v for k, v in self._documents.items() if k not in gone}
        documents.update((d.doc_id, d) for d in added)
        if known is not None and known.keys() == documents.keys():
            all_passages = PassageMap(documents, known)
        elif not self._documents:
            all_passages = PassageMap.of(documents)
        else:
            if passages is None:
                passages = {str(p.id): p for d in added for p in clause_passages(d)}
            by_doc: dict[str, dict[str, Document]] = {}
            for pid, passage in passages.items():
                by_doc.setdefault(passage.metadata["doc_id"], {})[pid] = passage
            all_passages = self._passages.changed(documents, gone, by_doc)
        clauses = {k: v for k, v in self._clauses.items() if v.doc_id not in gone}
        clauses.update((c.clause_id, c) for d in added for c in d.clauses)
        self._documents, self._passages = documents, all_passages
        self._titles = {doc_id: doc.title.lower() for doc_id, doc in documents.items()}
        self._clauses = clauses
        self._texts = None
        self._corpus_text = ""
        self._rarity = {}

    def _updated_lexical(
        self, tokens: dict[str, list[str]] | None = None, save: bool = True
    ) -> BM25LexicalIndex:
        passages = self._passages
        index = self._lexical.updated(
            list(passages), lambda pid: passages[pid].page_content, tokens or {}
        )
        if save:
            index.save(self.data_dir / "lexical")
        return index


def _weigh(hits: list[ClauseHit], shares: dict[str, float]) -> None:
    for hit in hits:
        hit.score *= 1 + FOCUS_WEIGHT * shares.get(hit.clause.doc_id, 0.0)


def _ids_by_document(passage_ids: list[str]) -> dict[str, list[str]]:
    ids: dict[str, list[str]] = {}
    for pid in passage_ids:
        ids.setdefault(doc_of(pid), []).append(pid)
    return ids


def _document_text(doc: ParsedDocument) -> str:
    parts = [doc.title, *(n.label for n in doc.outline), *(c.text for c in doc.clauses)]
    return "\n".join(parts).lower()
