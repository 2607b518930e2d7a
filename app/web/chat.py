"""The Gradio chat: a thin layer over ``AnswerService`` (no retrieval or answer logic here)."""

from __future__ import annotations

import html
import itertools
from pathlib import Path
from typing import Any

import gradio as gr

from app.admin.service import AdminService
from app.answering import Answer, AnswerService, QuestionError
from app.web import history
from app.web.reader import READ_LINKS_JS, DocumentReader
from app.web.sources import sources_html
from kb.knowledge_base import KnowledgeBase, KnowledgeBaseError

EXAMPLES = [
    "领导小组办公室设在哪里？",
    "广东民营资本能在黑龙江设立什么金融机构？",
    "兩省高校怎麼合作？",
    "Who leads the counterpart cooperation leading group?",
    "黑龙江省2019年的GDP是多少？",
]
STATIC = Path(__file__).with_name("static")  # chat.css, page.css and chat.js, with the page
CSS = """
.citation {border-left: 4px solid #2f6fb0; padding: 6px 10px; margin: 8px 0; background: #f7f9fc;}
.citation.related {border-left-color: #999;}
.citation .label {font-weight: 600;}
.citation .meta {color: #666; font-size: 0.85em;}
.citation mark {background: #ffe58a;}
.notice {color: #8a4b00; font-weight: 600;}
"""
# 复制对话: the conversation as plain text, 问/答 in place of "user:/assistant:"
COPY_CONVERSATION_JS = """
(messages) => {
  const text = (m) => typeof m.content === 'string' ? m.content
    : (m.content || []).map((part) => part.text || '').join('');
  const plain = (s) => s.replace(/\\\\([\\\\`*_<])/g, '$1');  // history.plain's escapes
  const lines = (messages || []).map((m) => (m.role === 'user' ? '问：' : '答：') + plain(text(m)));
  navigator.clipboard.writeText(lines.join('\\n\\n'));
}
"""


def build_ui(service: AnswerService, admin: AdminService | None = None) -> gr.Blocks:
    from app.web.admin import build_admin_tab
    from app.web.feedback import FeedbackBox
    from app.web.header import header_markdown
    from app.web.tabs import build_workspace_tabs
    from app.workspaces.workspace import Workspace

    def take(question: str) -> tuple[str, Any, str]:
        """The question handed to ``respond`` and the box emptied at once, so what is typed
        while the answer arrives stays; a question that cannot be asked stays to be edited."""
        try:
            return service.check_question(question), "", ""
        except QuestionError as exc:
            return "", gr.update(), notice_html(str(exc))

    def respond(question: str, stored: Any, scope: list[str] | None):
        """Streams a generated answer as it is written; the checked answer replaces it."""
        answers = history.load(stored)
        if not question:
            yield gr.update(), gr.update(), gr.update(), gr.update()
            return
        try:
            stream = service.stream(
                question, history.turns(answers), doc_ids=scope or None, nearest="related"
            )
            first = next(stream)
        except (QuestionError, KnowledgeBaseError) as exc:
            yield gr.update(), gr.update(), gr.update(), notice_html(str(exc))
            return
        shown = [*history.messages(answers), history.question_message(question)]
        written = ""
        for item in itertools.chain([first], stream):
            if isinstance(item, Answer):
                answers.append(item)
                yield history.messages(answers), sources_html(answers), history.dump(answers), ""
                return
            written += item
            partial = {"role": "assistant", "content": history.plain(written) + " ▌"}
            yield [*shown, partial], gr.update(), gr.update(), ""

    def restore(stored: Any) -> tuple[list[dict[str, str]], str]:
        answers = history.load(stored)
        return history.messages(answers), sources_html(answers)

    def clear() -> tuple[list, str, list, str]:
        """Chat, citations and the follow-up context all go: 「还有呢？」 starts afresh."""
        return [], sources_html([]), [], ""

    with gr.Blocks(title="planqa 政策问答") as demo:
        header = gr.Markdown(header_markdown(service.kb), elem_id="kb-header")
        with gr.Tabs(overflow_behavior="wrap", elem_id="tabs") as tabs:
            with gr.Tab("对话", id="chat"), gr.Row(elem_id="chat-row"):
                with gr.Column(scale=3, min_width=320):
                    with gr.Accordion("限定文档（默认查全部）", open=False):
                        scope = gr.Dropdown(
                            choices=document_choices(service.kb),
                            value=[],
                            multiselect=True,
                            label="只在这些文档中回答（可输入标题、文号或发文机关筛选）",
                            elem_id="scope",
                        )
                    copy_all = gr.Button("复制对话", size="sm", elem_id="copy-chat")
                    chatbot = gr.Chatbot(
                        label="对话",
                        height=480,
                        elem_id="chat",
                        buttons=["copy", copy_all],
                        examples=[{"text": q} for q in EXAMPLES],
                        placeholder="可以直接提问，或点一个示例问题：",
                    )
                    feedback = FeedbackBox(service, admin) if admin is not None else None
                    # the box and what is said about the question; on a phone it stays
                    # at the foot of the screen, after the sources (chat.css)
                    with gr.Column(elem_id="ask-bar"):
                        notice = gr.HTML("", elem_id="question-notice")  # right above the box
                        with gr.Row(elem_id="ask-row"):
                            question = gr.Textbox(
                                label="问题",
                                placeholder="例如：领导小组办公室设在哪里？",
                                elem_id="question",
                                scale=4,
                            )
                            with gr.Column(scale=1, min_width=96):
                                ask = gr.Button("提问", variant="primary", elem_id="ask")
                                clear_button = gr.Button("清空对话", size="sm", elem_id="clear")
                with gr.Column(scale=2, min_width=320, elem_id="sources-column"):
                    citations = gr.HTML(
                        sources_html([]), elem_id="citations", js_on_load=READ_LINKS_JS
                    )
            reader = DocumentReader(service.kb, tabs)
            build_workspace_tabs(Workspace(service.kb), reader)
            if admin is not None:
                build_admin_tab(admin, header)
        # the conversation lives in the browser's localStorage: a reload brings it back.
        # The secret is fixed so a restarted server still reads it; it is the user's own.
        stored = gr.BrowserState([], storage_key="planqa-conversation", secret="planqa-chat")
        pending = gr.Textbox(visible=False)
        asked = [question], [pending, question, notice]
        answered = [pending, stored, scope], [chatbot, citations, stored, notice]
        ask.click(take, *asked, api_visibility="private").then(respond, *answered, api_name="ask")
        question.submit(take, *asked, api_visibility="private").then(
            respond, *answered, api_visibility="private"
        )

        def take_example(example: gr.SelectData) -> tuple[str, Any, str]:
            return take(example.value["text"])

        chatbot.example_select(take_example, None, asked[1], api_visibility="private").then(
            respond, *answered, api_visibility="private"
        )
        for cleared in (clear_button.click, chatbot.clear):
            cleared(clear, None, [chatbot, citations, stored, notice], api_visibility="private")
        copy_all.click(None, chatbot, None, js=COPY_CONVERSATION_JS)
        demo.load(restore, stored, [chatbot, citations], api_visibility="private")
        reader.listen(citations)
        if feedback is not None:  # 👍/👎 under each answer (app/web/feedback.py)
            feedback.wire(chatbot, stored)
        # documents come and go in 知识库管理: the header and the list are read again
        demo.load(lambda: header_markdown(service.kb), None, header, api_visibility="private")
        scope.focus(
            lambda: gr.Dropdown(choices=document_choices(service.kb)),
            None,
            scope,
            api_visibility="private",
        )
    # Answers are CPU-bound and the embedding model serves one call at a time: four workers
    # keep both cores busy; past 256 waiting requests users get a clear "queue full" error.
    demo.queue(default_concurrency_limit=4, max_size=256)
    return demo


def notice_html(message: str) -> str:
    """A message about the question, shown under the question box."""
    return f'<p class="notice" role="alert">{html.escape(message)}</p>'


def document_choices(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(《title》（文号） · issuer · date · 施行 date, doc_id) for the document selector."""
    kb.refresh()
    choices = []
    for doc in kb.documents():
        effective = f"{doc.effective}起施行" if doc.effective else ""
        parts = [doc.citation_name(), doc.issuer, doc.date, effective]
        choices.append((" · ".join(p for p in parts if p), doc.doc_id))
    return choices
