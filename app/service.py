"""Build the answer service from settings: open the knowledge base, fill it on first start."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from langchain_core.embeddings import Embeddings

from app.answering import AnswerService, LLMAnswerer, make_chat_model
from app.answering.slots import AnswerSlots
from app.progress import IngestProgress
from app.prompts import load_prompts
from app.settings import Settings
from ingest import ParsedDocument, load_document
from ingest.chunking import clause_passages
from ingest.files import collect_files
from ingest.models import EmptyBodyError, IngestError
from kb.datadir import is_new, recorded_model
from kb.embeddings import choose_model, make_embeddings
from kb.knowledge_base import IngestReport, KnowledgeBase
from kb.profiles import AUTO
from kb.text import content_terms, tagged_words, term_weight


def open_knowledge_base(
    settings: Settings, warm: bool = False, seed: bool = False
) -> KnowledgeBase:
    """The knowledge base; with ``warm``, the embedding model and word lists load meanwhile.

    With ``seed``, a new data directory (never written to) is first filled from
    PLANQA_CORPUS_DIR by an ordinary ingest, so every command that reads sees the
    same documents; one an ingest was interrupted in is not new, and stays empty.
    """
    documents = None
    if seed and is_new(settings.data_dir):
        documents = parse_all([settings.corpus_dir], settings.max_file_mb)
    chosen = decide_model(settings, documents)
    if documents is not None:
        print(
            f"planqa: new knowledge base at {settings.data_dir}: ingesting "
            f"{settings.corpus_dir} (PLANQA_CORPUS_DIR), embedding model "
            f"{chosen.embedding_model}",
            file=sys.stderr,
        )
    kb = _open(chosen, warm)
    if documents is not None:
        kb.add_documents(documents)
    return kb


def decide_model(settings: Settings, documents: list[ParsedDocument] | None = None) -> Settings:
    """``settings`` with its embedding model decided: the one named; for ``auto``, the one
    the data directory was filled with, or for one not filled yet the one ``documents``
    call for (kb/embeddings.py ``choose_model``)."""
    if settings.embedding_model.strip() != AUTO:
        return settings
    model = recorded_model(settings.data_dir) or choose_model(passage_count(documents or []))
    return settings.model_copy(update={"embedding_model": model})


def passage_count(documents: list[ParsedDocument]) -> int:
    return sum(len(clause_passages(d)) for d in documents)


def _open(settings: Settings, warm: bool) -> KnowledgeBase:
    embeddings = make_embeddings(settings.embedding_model)
    warming = None
    if warm:
        warming = threading.Thread(target=_warm_models, args=(embeddings,), daemon=True)
        warming.start()
    try:
        return KnowledgeBase(
            settings.data_dir,
            embeddings,
            settings.embedding_model,
            settings.chroma_url,
            settings.chroma_collection,
            stronger=make_embeddings,  # its word vectors, for a collection use-m3 embedded
        )
    finally:
        if warming is not None:
            warming.join()


def _warm_models(embeddings: Embeddings) -> None:
    """Tokenizers and word lists load lazily; loading them beside the knowledge base saves time."""
    embeddings.embed_query("工作机制")
    term_weight(content_terms("工作机制"))
    tagged_words("工作机制")


def parse_all(
    paths: list[Path], max_file_mb: float = 5.0, progress: IngestProgress | None = None
) -> list[ParsedDocument]:
    """Parse every file before anything is written, so one bad file changes nothing.

    Files with no body (a folder's ``_index.md`` holding only front matter) are skipped
    with a one-line note, like links out of the folder, devices and FIFOs.
    """
    limit = int(max_file_mb * 2**20)
    selection = collect_files(paths)
    for note in selection.notes:
        print(f"planqa: {note}", file=sys.stderr)
    files = selection.files
    documents = []
    skipped = ""
    with (progress or IngestProgress(enabled=False)).parsing(len(files)) as bar:
        for path in files:
            try:
                documents.append(load_document(path, limit))
            except EmptyBodyError as exc:
                skipped = str(exc)
                print(f"planqa: {skipped}", file=sys.stderr)
            bar.update()
    if not documents and skipped:
        raise IngestError(f"nothing to ingest: {skipped}")
    return documents


def ingest_paths(kb: KnowledgeBase, paths: list[Path], max_file_mb: float = 5.0) -> IngestReport:
    return kb.add_documents(parse_all(paths, max_file_mb))


def build_service(settings: Settings) -> AnswerService:
    """The answer service over ``settings.data_dir``, seeded from the corpus if new."""
    prompts = load_prompts(settings.prompts_dir)
    kb = open_knowledge_base(settings, warm=True, seed=True)
    model = make_chat_model(settings)
    service = AnswerService(
        kb,
        prompts,
        llm=LLMAnswerer(model, prompts) if model is not None else None,
        top_k=settings.top_k,
        max_question_chars=settings.max_question_chars,
        slots=AnswerSlots(settings.answer_workers),
    )
    service.warm_up()
    return service
