"""Turn policy files into clean, structured clauses (file → text → clauses)."""

from ingest.models import Clause, IngestError, ParsedDocument
from ingest.pipeline import load_document

__all__ = ["Clause", "IngestError", "ParsedDocument", "load_document"]
