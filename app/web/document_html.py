"""A whole document as escaped HTML for 原文阅读: its outline beside its text.

The outline links to each heading; the clause being read is framed and its quoted
sentences marked, so a citation is read in its context.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from ingest.models import Clause, OutlineNode, ParsedDocument

e = html.escape

NO_DOCUMENT = '<p class="reader-empty">选择一份文档，或在对话的引用、方案目录、政策查找中点“在原文中阅读”。</p>'
NO_DOCUMENTS = (
    '<p class="reader-empty">知识库中还没有文档：在“知识库管理”中上传后，即可在这里阅读。</p>'
)


def document_html(
    doc: ParsedDocument, clause_id: str = "", highlights: list[str] | tuple[str, ...] = ()
) -> str:
    """The document with ``clause_id`` framed and ``highlights`` marked inside it."""
    entries = list(_reading_order(doc))
    outline = "".join(
        f'<li class="level-{depth}{" current" if c and c.clause_id == clause_id else ""}">'
        f'<a href="#{_anchor(key)}" data-key="{e(key)}">{e(heading)}</a></li>'
        for key, heading, depth, c in entries
        if heading
    )
    body = "".join(
        _section(key, heading, depth, clause, clause_id, highlights)
        for key, heading, depth, clause in entries
    )
    meta = " · ".join(p for p in (doc.doc_number, doc.issuer, doc.date) if p)
    return (
        '<div class="reader">'
        f'<nav class="reader-outline" aria-label="目录"><div class="reader-outline-title">目录</div>'
        f"<ul>{outline}</ul></nav>"
        f'<article class="reader-text"><h2>{e(doc.title)}</h2>'
        f'<div class="meta">{e(meta)}</div>{body}</article></div>'
    )


def _reading_order(doc: ParsedDocument) -> Iterator[tuple[str, str, int, Clause | None]]:
    """(key, heading, depth, clause) in reading order: the preamble, then the outline
    depth-first; clauses the outline does not reach follow in document order."""
    clauses = {c.key: c for c in doc.clauses}
    nodes = {n.key: n for n in doc.outline}
    children = {k for n in doc.outline for k in n.children}
    seen: set[str] = set()

    def walk(node: OutlineNode, depth: int) -> Iterator[tuple[str, str, int, Clause | None]]:
        seen.add(node.key)
        yield node.key, f"{node.number}{node.title}", depth, clauses.get(node.key)
        for key in node.children:
            if key in nodes and key not in seen:
                yield from walk(nodes[key], depth + 1)

    if "0" in clauses:
        seen.add("0")
        yield "0", clauses["0"].title or "前言", 0, clauses["0"]
    for node in doc.outline:
        if node.key not in children and node.key not in seen:
            yield from walk(node, 0)
    for clause in doc.clauses:
        if clause.key not in seen:
            yield clause.key, clause.title, 0, clause


def _section(
    key: str,
    heading: str,
    depth: int,
    clause: Clause | None,
    target: str,
    highlights: list[str] | tuple[str, ...],
) -> str:
    is_target = clause is not None and clause.clause_id == target
    text = clause.text if clause else ""
    # an item's text begins with its own heading ("3.民营经济发展。…"): shown once, in bold
    inline = bool(heading) and text.startswith(heading)
    body = e(text[len(heading) :] if inline else text)
    if is_target:
        for sentence in highlights:
            escaped = e(sentence)
            body = body.replace(escaped, f"<mark>{escaped}</mark>", 1)
    body = body.replace("\n", "<br>")
    lead = f"<strong>{e(heading)}</strong>" if inline else ""
    title = "" if inline or not heading else f'<h3 class="reader-heading">{e(heading)}</h3>'
    paragraph = f'<p class="reader-clause">{lead}{body}</p>' if text else ""
    return (
        f'<section id="{_anchor(key)}" class="level-{depth}{" target" if is_target else ""}" '
        f'data-key="{e(key)}">{title}{paragraph}</section>'
    )


def _anchor(key: str) -> str:
    return "read-" + key.replace(".", "-")
