"""👍/👎 under each chat answer and an optional comment, stored with the answer's question,
text and citations (app/admin/feedback.py); and, when ``PLANQA_LOG_QUESTIONS`` is on, each
question answered in the chat goes into the audit trail.

The chat (app/web/chat.py) builds a ``FeedbackBox`` where the comment box belongs and
wires it to its chatbot and its conversation state; nothing else of the chat changes.
"""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from app.admin.audit import client_address
from app.admin.service import AdminService
from app.answering import AnswerService, Turn
from app.web import history

THANKS = {"up": "已记录 👍，谢谢！", "down": "已记录 👎，谢谢！可以在下面说明哪里不对（可选）。"}


def _text(content: Any) -> str:
    """A chat message's text, whether Gradio keeps it as a string or as content parts."""
    if isinstance(content, list):
        content = "".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return html.unescape(str(content or ""))


def _address(request: gr.Request | None) -> str:
    peer = request.client.host if request and request.client else None
    return client_address(peer, dict(request.headers) if request else None)


class FeedbackBox:
    """The comment box under the chat; the thumbs are the chatbot's own (its like event)."""

    def __init__(self, service: AnswerService, admin: AdminService) -> None:
        self._service = service
        self._admin = admin
        self.given = gr.State(0)  # the id of this browser's last feedback, for its comment
        self.status = gr.HTML(elem_id="feedback-status")
        with gr.Row(visible=False) as self.row:
            self.comment = gr.Textbox(label="补充说明（可选）", scale=4, elem_id="feedback-comment")
            self.send = gr.Button("提交说明", scale=1, elem_id="feedback-send")

    def wire(self, chatbot: gr.Chatbot, stored: gr.BrowserState) -> None:
        """``stored`` is the conversation the browser keeps (app/web/history.py)."""
        chatbot.like(
            self.rate,
            [chatbot, stored],
            [self.given, self.status, self.row, self.comment],
            api_visibility="private",
        )
        self.send.click(
            self.add_comment, [self.given, self.comment], [self.status, self.row],
            api_visibility="private",
        )  # fmt: skip
        if self._admin.audit.log_questions:
            stored.change(self.log_question, stored, None, api_visibility="private")

    def rate(
        self,
        messages: list[dict[str, Any]] | None,
        stored: Any,
        data: gr.LikeData,
        request: gr.Request,
    ):
        """Store the rating of the answer at ``data.index`` with its question and citations."""
        messages, turns = list(messages or []), history.turns(history.load(stored))
        index = data.index if isinstance(data.index, int) else data.index[0]
        rating = (
            {True: "up", False: "down"}.get(data.liked) if isinstance(data.liked, bool) else None
        )
        number = sum(m.get("role") == "assistant" for m in messages[:index])
        if rating is None or index >= len(messages) or number >= len(turns):
            return 0, "", gr.update(visible=False), ""  # a rating taken back, or a draft
        turn = turns[number]
        given = self._admin.feedback.add(rating, turn.question, _text(messages[index].get("content")),
                          self._citations(turn))  # fmt: skip
        notice = f'<p class="notice" data-feedback-id="{given}">{THANKS[rating]}</p>'
        return given, notice, gr.update(visible=rating == "down"), ""

    def _citations(self, turn: Turn) -> list[dict[str, str]]:
        cited = []
        for clause_id in turn.clause_ids:
            try:
                clause = self._service.kb.clause(clause_id)
            except KeyError:  # removed since: the id is still worth keeping
                cited.append({"clause_id": clause_id})
                continue
            title = self._service.kb.document(clause.doc_id).title
            cited.append({"clause_id": clause_id, "doc_title": title, "label": clause.label,
                          "text": clause.text})  # fmt: skip
        return cited

    def add_comment(self, given: int, comment: str):
        if not given or not (comment or "").strip():
            return '<p class="notice">请先点 👍 或 👎，再填写说明。</p>', gr.update()
        self._admin.feedback.comment(int(given), comment)
        return '<p class="notice">说明已记录，谢谢！</p>', gr.update(visible=False)

    def log_question(self, stored: Any, request: gr.Request) -> None:
        turns = history.turns(history.load(stored))
        if turns:
            self._admin.audit.question(turns[-1].question, "chat", _address(request))
