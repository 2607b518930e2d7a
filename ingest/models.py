"""The data ingest produces: a parsed document and its clauses."""

from __future__ import annotations

from dataclasses import dataclass, field


class IngestError(Exception):
    """A file that cannot be ingested; the message is one line naming the file."""


class EmptyBodyError(IngestError):
    """A file with metadata but no text (a folder's ``_index.md``): skipped with a note."""


@dataclass(frozen=True)
class Clause:
    """One citable unit of a plan: a task, a measure, a section body.

    ``clause_id`` is ``<doc_id>:<outline key>`` (e.g. ``…:4.1.3`` for task 3 under
    四、（一）), so the same document text gives the same ids on every run.
    """

    clause_id: str
    doc_id: str
    key: str
    label: str
    title: str
    text: str
    kind: str  # preamble | section | subsection | item | subitem | chapter | article
    order: int
    number: str = ""  # the number as printed: "一、", "（一）", "3.", "（2）", "第五条"
    tags: tuple[str, ...] = ()  # "facet:tag" from ingest/data/taxonomy.yaml


@dataclass(frozen=True)
class OutlineNode:
    """A heading of the plan's outline, with or without its own text."""

    key: str
    label: str
    title: str
    kind: str
    number: str
    children: tuple[str, ...] = ()


@dataclass
class ParsedDocument:
    """A cleaned document: metadata, outline headings and its clauses in order."""

    doc_id: str
    title: str
    source: str
    content_hash: str
    clauses: list[Clause]
    outline: list[OutlineNode] = field(default_factory=list)
    issuer: str = ""
    date: str = ""
    # text above the body kept as metadata, not a clause: a covering notice before 附件,
    # or a regulation's adoption and amendment history
    notice: str = ""
    doc_number: str = ""  # 文号, e.g. 国办发〔2017〕22号
    effective: str = ""  # 施行 date, e.g. 2022年3月1日 (from the head or the closing article)

    def citation_name(self) -> str:
        """《title》 with its 文号, as a citation names the document."""
        return f"《{self.title}》" + (f"（{self.doc_number}）" if self.doc_number else "")

    def metadata(self) -> dict[str, str]:
        return {
            "doc_id": self.doc_id,
            "doc_title": self.title,
            "source": self.source,
            "issuer": self.issuer,
            "date": self.date,
            "doc_number": self.doc_number,
            "effective": self.effective,
            "content_hash": self.content_hash,
        }
