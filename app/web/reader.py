"""原文阅读: a whole document, opened at a clause with its quoted sentences marked.

The hook for the other faces (the chat's citations, 方案目录, 政策查找):

- in HTML: put ``reader_link(doc_id, clause_id, highlights)`` buttons in a ``gr.HTML``
  built with ``js_on_load=READ_LINKS_JS`` and call ``reader.listen(that_html)``;
- in Python: ``reader.open(doc_id, clause_id, highlights)`` returns the updates for
  ``reader.outputs`` (the tabs, the document selector, the view), e.g.
  ``button.click(lambda: reader.open(doc_id, clause_id, []), None, reader.outputs)``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

import gradio as gr

from app.web.document_html import NO_DOCUMENT, NO_DOCUMENTS, document_html
from kb.knowledge_base import KnowledgeBase

TAB_ID = "reader"

# js_on_load of a gr.HTML holding reader links: a click sends the link's data to Python
READ_LINKS_JS = """
element.addEventListener('click', (event) => {
  const link = event.target.closest('.read-link');
  if (!link) return;
  trigger('click', {doc_id: link.dataset.docId, clause_id: link.dataset.clauseId,
                    highlights: JSON.parse(link.dataset.highlights || '[]')});
});
"""

# the view scrolls itself to the framed clause whenever a document is opened, and the
# outline's links scroll the text (no change of the page's address)
_VIEW_JS = """
const show = (tries = 0) => {
  const target = element.querySelector('section.target');
  if (!target) return;
  // opened from another tab: wait until this one is shown, then scroll
  if (target.getClientRects().length === 0) {
    if (tries < 40) setTimeout(() => show(tries + 1), 50);
    return;
  }
  target.scrollIntoView({block: 'start'});
};
element.addEventListener('click', (event) => {
  const link = event.target.closest('.reader-outline a');
  if (!link) return;
  event.preventDefault();
  const section = element.querySelector('#' + CSS.escape(link.getAttribute('href').slice(1)));
  if (section) section.scrollIntoView({block: 'start', behavior: 'smooth'});
});
watch('value', () => show());
show();  // the tab is built when first opened, with its document already set
"""


def reader_link(doc_id: str, clause_id: str, highlights: Sequence[str] = (), text: str = "") -> str:
    """A button opening ``doc_id`` in 原文阅读 at ``clause_id``, ``highlights`` marked."""
    sentences = html.escape(json.dumps(list(highlights), ensure_ascii=False))
    return (
        f'<button type="button" class="read-link" data-doc-id="{html.escape(doc_id)}" '
        f'data-clause-id="{html.escape(clause_id)}" data-highlights="{sentences}">'
        f"{html.escape(text or '在原文中阅读 ›')}</button>"
    )


class DocumentReader:
    """The 原文阅读 tab, open on the first document until another is chosen or opened;
    build it inside ``tabs`` (a ``gr.Tabs`` whose tab it selects)."""

    def __init__(self, kb: KnowledgeBase, tabs: gr.Tabs) -> None:
        self._kb = kb
        self._tabs = tabs
        first = self._first()  # the tab opens on a document, never on an empty page
        with gr.Tab("原文阅读", id=TAB_ID) as tab:
            self.document = gr.Dropdown(
                self._choices(), value=first, label="文档", elem_id="reader-document"
            )
            self.view = gr.HTML(self._show(first), elem_id="reader-view", js_on_load=_VIEW_JS)
        self.outputs: list[Any] = [self._tabs, self.document, self.view]
        self.document.input(self._show, self.document, self.view, api_visibility="private")
        # documents come and go in 知识库管理: the list is read again when the tab opens
        tab.select(
            self._reopen, self.document, [self.document, self.view], api_visibility="private"
        )

    def open(self, doc_id: str, clause_id: str = "", highlights: Sequence[str] = ()) -> tuple:
        """Updates for ``outputs``: 原文阅读 selected, showing ``doc_id`` at ``clause_id``."""
        self._kb.refresh()
        if not self._kb.has_document(doc_id):
            gone = '<p class="notice">这份文档已不在知识库中。</p>'
            return gr.Tabs(selected=TAB_ID), gr.update(), gone
        view = document_html(self._kb.document(doc_id), clause_id, list(highlights))
        return (
            gr.Tabs(selected=TAB_ID),
            gr.Dropdown(choices=self._choices(), value=doc_id),
            view,
        )

    def listen(self, links: gr.HTML) -> None:
        """Opens the reader from the ``reader_link`` buttons inside ``links``."""

        def on_link(event: gr.EventData) -> tuple:
            data = event._data or {}
            highlights = [str(s) for s in data.get("highlights") or []]
            return self.open(
                str(data.get("doc_id", "")), str(data.get("clause_id", "")), highlights
            )

        links.click(on_link, None, self.outputs, api_visibility="private")

    def _reopen(self, shown: str | None) -> tuple:
        """The list read again; the document shown stays, unless it left the knowledge
        base (or none was there yet): then the first document is shown in its place."""
        self._kb.refresh()
        if shown and self._kb.has_document(shown):
            return gr.Dropdown(choices=self._choices()), gr.update()
        first = self._first()
        return gr.Dropdown(choices=self._choices(), value=first), self._show(first)

    def _show(self, doc_id: str | None) -> str:
        self._kb.refresh()
        if not doc_id or not self._kb.has_document(doc_id):
            return NO_DOCUMENT if self._kb.documents() else NO_DOCUMENTS
        return document_html(self._kb.document(doc_id))

    def _first(self) -> str | None:
        """The document the tab opens on: the first in the knowledge base (the plan)."""
        documents = self._kb.documents()
        return documents[0].doc_id if documents else None

    def _choices(self) -> list[tuple[str, str]]:
        return [(d.citation_name(), d.doc_id) for d in self._kb.documents()]
