"""File → ParsedDocument: load, clean, split the head, parse clauses."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from ingest.cleaning import clean_text
from ingest.head import CLOSING_CLAUSES, effective_date, split_head
from ingest.loaders import MAX_FILE_BYTES, load_text
from ingest.models import EmptyBodyError, IngestError, ParsedDocument
from ingest.parser import ClauseParser, is_heading
from ingest.tagging import tag_text

# Part of every content hash: a new parser version re-parses documents on the next ingest.
# 2: 文号, regulation adoption dates and closing signatures; 3: Markdown structure,
# adoption history lines, 施行 dates
PARSER_VERSION = 3


def doc_id_for(path: Path) -> str:
    """A stable id from the file name: lower-case, safe for ids and URLs."""
    stem = re.sub(r"[^\w\-]+", "-", path.stem.lower()).strip("-")
    return stem or "document"


def parse_text(text: str, doc_id: str, source: str) -> ParsedDocument:
    """Clean and parse already-decoded text."""
    cleaned = clean_text(text)
    if not cleaned:
        raise IngestError(f"{source}: no text left after cleaning")
    head = split_head(cleaned.split("\n"), doc_id, is_heading)
    outline, clauses = ClauseParser().parse(doc_id, head.body)
    clauses = [replace(c, tags=tag_text(c.text)) for c in clauses]
    if not clauses and not any(line.strip() for line in head.body):
        # a title and its adoption line only (a regulation published without its text)
        raise EmptyBodyError(f"{source}: skipped, a title but no body text")
    if not clauses:
        raise IngestError(f"{source}: no clauses found in the text")
    return ParsedDocument(
        doc_id=doc_id,
        title=head.title,
        source=source,
        content_hash=hashlib.sha256(f"{PARSER_VERSION}\n{cleaned}".encode()).hexdigest(),
        clauses=clauses,
        outline=outline,
        issuer=head.issuer,
        date=head.date,
        notice=head.notice,
        doc_number=head.doc_number,
        effective=head.effective
        or effective_date([c.text for c in clauses[-CLOSING_CLAUSES:]], head.published),
    )


def load_document(path: Path, max_bytes: int = MAX_FILE_BYTES) -> ParsedDocument:
    """Read and parse one policy file; raises IngestError with a one-line reason."""
    return parse_text(load_text(path, max_bytes), doc_id_for(path), str(path))
