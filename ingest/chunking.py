"""Split clauses into overlapping sentence-window passages for retrieval.

A passage is what is embedded and matched; the clause is what is cited. Each
passage keeps its character span in the clause so the answer can quote the
plan's exact words, and carries the clause's headings as context.
"""

from __future__ import annotations

import re

from langchain_core.documents import Document

from ingest.models import Clause, ParsedDocument

_SENTENCE_END = re.compile(r"[^。；！？\n]*(?:[。；！？]+[”’）]?|\n|$)")
MAX_PASSAGE_CHARS = 150


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, delimiters included, blanks skipped."""
    spans = []
    for match in _SENTENCE_END.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        stripped_end = end
        while stripped_end > start and text[stripped_end - 1].isspace():
            stripped_end -= 1
        if stripped_end > start:
            spans.append((start, stripped_end))
    return spans


def passage_spans(text: str, max_chars: int = MAX_PASSAGE_CHARS) -> list[tuple[int, int]]:
    """Windows of whole sentences up to ``max_chars``, each overlapping the previous by one sentence."""
    sentences = sentence_spans(text)
    windows: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        j = i
        while j + 1 < len(sentences) and sentences[j + 1][1] - sentences[i][0] <= max_chars:
            j += 1
        windows.append((sentences[i][0], sentences[j][1]))
        if j + 1 >= len(sentences):
            break
        i = j if j > i else j + 1
    return windows


def context_header(clause: Clause) -> str:
    """The clause's headings without their numbers, to give short passages context."""
    parts = [part.split("、", 1)[-1].split("）", 1)[-1] for part in clause.label.split(" › ")]
    return " ".join(p.split(".", 1)[-1] for p in parts)


def clause_passages(doc: ParsedDocument) -> list[Document]:
    """All passages of a document as LangChain Documents with stable ids."""
    documents = []
    for clause in doc.clauses:
        header = context_header(clause)
        for n, (start, end) in enumerate(passage_spans(clause.text)):
            documents.append(
                Document.model_construct(  # our own strings: validating 100k of them costs ~1 s
                    # the content hash keeps a changed document's passages apart from the old ones
                    id=f"{clause.clause_id}#{doc.content_hash[:8]}p{n}",
                    page_content=f"{header}\n{clause.text[start:end]}",
                    metadata={
                        "doc_id": doc.doc_id,
                        "doc_title": doc.title,
                        "clause_id": clause.clause_id,
                        "label": clause.label,
                        "order": clause.order,
                        "start": start,
                        "end": end,
                    },
                )
            )
    return documents
