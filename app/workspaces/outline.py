"""方案目录: each document as a tree of its outline, and the same tree narrowed to a search."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ingest.chunking import sentence_spans
from ingest.models import ParsedDocument
from kb.text import normalize_query, word_spans


@dataclass
class OutlineEntry:
    id: str
    label: str
    title: str
    text: str
    children: list[OutlineEntry] = field(default_factory=list)
    doc_id: str = ""  # the document it belongs to, to open it in 原文阅读

    @property
    def name(self) -> str:
        """The heading as the plan prints it (the last step of the label's path)."""
        return self.label.split(" › ")[-1]


def outline_tree(doc: ParsedDocument) -> OutlineEntry:
    """Document → sections → subsections → tasks, each with its clause text."""
    texts = {c.key: c.text for c in doc.clauses}
    nodes = {
        n.key: OutlineEntry(
            f"{doc.doc_id}:{n.key}", n.label, n.title, texts.get(n.key, ""), doc_id=doc.doc_id
        )
        for n in doc.outline
    }
    root = OutlineEntry(doc.doc_id, doc.title, doc.title, "", doc_id=doc.doc_id)
    if "0" in texts:
        preamble = OutlineEntry(f"{doc.doc_id}:0", "前言", "前言", texts["0"], doc_id=doc.doc_id)
        root.children.append(preamble)
    child_keys = {k for n in doc.outline for k in n.children}
    for node in doc.outline:
        nodes[node.key].children = [nodes[k] for k in node.children if k in nodes]
        if node.key not in child_keys:
            root.children.append(nodes[node.key])
    return root


def search_outline(trees: list[OutlineEntry], query: str) -> list[OutlineEntry]:
    """Only the entries whose heading or text holds the query, with the headings above them.

    The query is normalised as documents are (繁体 → 简体, full-width → half-width) and
    found as whole words only (``holds``).
    """
    wanted = normalize_query(query).strip()
    if not wanted:
        return trees

    def keep(entry: OutlineEntry) -> OutlineEntry | None:
        children = [c for c in (keep(c) for c in entry.children) if c is not None]
        if children or holds(entry, wanted):
            return replace(entry, children=children)
        return None

    return [t for t in (keep(t) for t in trees) if t is not None]


def holds(entry: OutlineEntry, wanted: str) -> bool:
    """Whether the heading or the text has ``wanted`` as whole words: 融资 is in 融资担保
    and 投融资, not in 金融资本 (金融 + 资本)."""
    return bool(word_spans(entry.name, wanted) or word_spans(entry.text, wanted))


def matching_sentences(text: str, query: str) -> list[str]:
    """The sentences of ``text`` that hold the (normalised) query, to mark in 原文阅读."""
    wanted = normalize_query(query).strip()
    if not wanted:
        return []
    return [text[s:e] for s, e in sentence_spans(text) if word_spans(text[s:e], wanted)]


@dataclass(frozen=True)
class Found:
    """What a search of the outline found: the places marked and the entries holding them."""

    matches: int
    entries: int

    def said(self, query: str) -> str:
        """In words, what is marked counted: 找到 7 处“融资”，分布在 5 条中。"""
        if not self.matches:
            return f"目录和条款中没有“{query}”。"
        spread = f"，分布在 {self.entries} 条中" if self.entries > 1 else ""
        return f"找到 {self.matches} 处“{query}”{spread}。"


def count_matches(trees: list[OutlineEntry], query: str) -> Found:
    """The places the query stands as whole words in headings and texts (each one marked
    in 方案目录), and how many entries hold them."""
    wanted = normalize_query(query).strip()
    if not wanted:
        return Found(0, 0)

    def count(entry: OutlineEntry) -> tuple[int, int]:
        here = len(word_spans(entry.name, wanted)) + len(word_spans(entry.text, wanted))
        below = [count(c) for c in entry.children]
        return here + sum(m for m, _ in below), int(here > 0) + sum(n for _, n in below)

    totals = [count(t) for t in trees]
    return Found(sum(m for m, _ in totals), sum(n for _, n in totals))
