"""方案目录: the outline indented by level, searchable, each clause in paragraphs."""

from __future__ import annotations

import html
import re

import gradio as gr

from app.web.reader import READ_LINKS_JS, DocumentReader, reader_link
from app.workspaces.outline import (
    OutlineEntry,
    count_matches,
    matching_sentences,
    search_outline,
)
from app.workspaces.workspace import Workspace
from kb.text import normalize_query, word_spans

e = html.escape
_SENTENCE_END = re.compile(r"(?<=[。；])")
_SET_ALL = (
    "(open) => document.querySelectorAll('#outline-tree details').forEach(d => d.open = open)"
)


def paragraphs(text: str, width: int = 160) -> list[str]:
    """The plan's own paragraphs; a long one is split after a sentence, about ``width`` apart."""
    out = []
    for paragraph in filter(None, (p.strip() for p in text.split("\n"))):
        current = ""
        for sentence in filter(None, _SENTENCE_END.split(paragraph)):
            if current and len(current) + len(sentence) > width:
                out.append(current)
                current = ""
            current += sentence
        out.append(current)
    return out


def _highlight(text: str, query: str) -> str:
    """``text`` escaped, the query marked where it stands as whole words (kb.text)."""
    parts, last = [], 0
    for start, end in word_spans(text, query):
        parts += [e(text[last:start]), f"<mark>{e(text[start:end])}</mark>"]
        last = end
    return "".join(parts) + e(text[last:])


def outline_html(trees: list[OutlineEntry], query: str = "") -> str:
    wanted = normalize_query(query).strip()

    def node(entry: OutlineEntry, depth: int) -> str:
        text = "".join(f"<p>{_highlight(p, wanted)}</p>" for p in paragraphs(entry.text))
        if text:  # read in the whole document, the sentences found marked
            found = matching_sentences(entry.text, wanted)
            link = reader_link(entry.doc_id, entry.id, found)
            text = f'<div class="clause-text">{text}{link}</div>'
        children = "".join(node(c, depth + 1) for c in entry.children)
        is_open = " open" if depth == 0 or wanted else ""
        return (
            f'<details class="outline-node level-{depth}" data-id="{e(entry.id)}"{is_open}>'
            f"<summary>{_highlight(entry.name, wanted)}</summary>{text}{children}</details>"
        )

    if wanted:
        found = count_matches(trees, wanted)
        said = e(found.said(query.strip()))
        if not found.matches:
            return f'<p class="notice">{said}</p>'
        summary = f'<p class="outline-count">{said}</p>'
        return summary + "".join(node(t, 0) for t in search_outline(trees, wanted))
    return "".join(node(t, 0) for t in trees)


def build_outline_tab(workspace: Workspace, reader: DocumentReader) -> None:
    # rebuilt whenever the tab is opened, so uploads and removals show without a restart
    with gr.Tab("方案目录", id="outline") as outline_tab:
        with gr.Row():
            search = gr.Textbox(
                label="在目录和条款中查找",
                placeholder="例如：园区、融资、领导小组",
                elem_id="outline-search",
                scale=3,
            )
            expand = gr.Button("全部展开", elem_id="outline-expand", scale=1)
            collapse = gr.Button("全部收起", elem_id="outline-collapse", scale=1)
        tree = gr.HTML(
            outline_html(workspace.outline()), elem_id="outline-tree", js_on_load=READ_LINKS_JS
        )
    view = lambda query: outline_html(workspace.outline(), query or "")  # noqa: E731
    outline_tab.select(view, search, tree, api_visibility="private")
    search.change(view, search, tree, api_visibility="private")
    reader.listen(tree)
    expand.click(None, js=f"() => ({_SET_ALL})(true)")
    collapse.click(None, js=f"() => ({_SET_ALL})(false)")
