"""The Gradio chat: a thin layer over ``AnswerService`` (no retrieval or answer logic here)."""

from __future__ import annotations

import html
import itertools
from typing import Any

import gradio as gr

from app.admin.service import AdminService
from app.answering import Answer, AnswerService, Citation, QuestionError, Turn
from kb.knowledge_base import KnowledgeBase, KnowledgeBaseError

EXAMPLES = [
    "领导小组办公室设在哪里？",
    "广东民营资本能在黑龙江设立什么金融机构？",
    "兩省高校怎麼合作？",
    "Who leads the counterpart cooperation leading group?",
    "黑龙江省2019年的GDP是多少？",
]
CSS = """
.citation {border-left: 4px solid #2f6fb0; padding: 6px 10px; margin: 8px 0; background: #f7f9fc;}
.citation.related {border-left-color: #999;}
.citation .label {font-weight: 600;}
.citation .meta {color: #666; font-size: 0.85em;}
.citation mark {background: #ffe58a;}
.notice {color: #8a4b00; font-weight: 600;}
"""


def citation_html(answer: Answer | None) -> str:
    """The cited clauses as escaped HTML, answering words highlighted."""
    if answer is None:
        return "<p>引用的条款会显示在这里。 Cited clauses appear here.</p>"
    heading = "相关条款（仅供参考）" if answer.abstained else "引用条款"
    parts = [f"<h3>{heading}</h3>"]
    for n, citation in enumerate(answer.citations, 1):
        parts.append(_one_citation(n, citation, answer.abstained))
    return "\n".join(parts)


def _one_citation(n: int, citation: Citation, related: bool) -> str:
    body = html.escape(citation.text)
    for sentence in citation.highlights:
        escaped = html.escape(sentence)
        body = body.replace(escaped, f"<mark>{escaped}</mark>", 1)
    body = body.replace("\n", "<br>")
    return (
        f'<div class="citation{" related" if related else ""}" data-clause-id='
        f'"{html.escape(citation.clause_id)}">'
        f'<div class="label">[{n}] {html.escape(citation.label)}</div>'
        f'<div class="meta">{html.escape(citation.source)} · {html.escape(citation.clause_id)}'
        f'</div><div class="text">{body}</div></div>'
    )


def _chat_text(answer: Answer) -> str:
    text = html.escape(answer.answer)
    if answer.abstained:
        return f"⚠️ {text}"
    refs = "\n".join(
        f"[{n}] {html.escape(c.label)}" for n, c in enumerate(answer.citations, 1) if c.highlights
    )
    return f"{text}\n\n{refs}"


def build_ui(service: AnswerService, admin: AdminService | None = None) -> gr.Blocks:
    from app.web.admin import build_admin_tab
    from app.web.header import header_markdown
    from app.web.tabs import build_workspace_tabs
    from app.workspaces.workspace import Workspace

    def respond(
        question: str,
        messages: list[dict[str, Any]] | None,
        scope: list[str] | None,
        turns: list[Turn] | None,
    ):
        """Streams a generated answer as it is written; the checked answer replaces it."""
        messages, turns = list(messages or []), list(turns or [])
        try:
            stream = service.stream(question, turns, doc_ids=scope or None)
            first = next(stream)
        except (QuestionError, KnowledgeBaseError) as exc:
            yield messages, f'<p class="notice">{html.escape(str(exc))}</p>', question, turns
            return
        messages.append({"role": "user", "content": html.escape(question.strip())})
        written = ""
        for item in itertools.chain([first], stream):
            if isinstance(item, Answer):
                messages.append({"role": "assistant", "content": _chat_text(item)})
                turns.append(Turn.from_answer(item))
                yield messages, citation_html(item), "", turns
                return
            written += item
            partial = [*messages, {"role": "assistant", "content": html.escape(written) + " ▌"}]
            yield partial, citation_html(None), "", turns

    with gr.Blocks(title="planqa 政策问答") as demo:
        header = gr.Markdown(header_markdown(service.kb), elem_id="kb-header")
        with gr.Tabs():
            with gr.Tab("对话", id="chat"), gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(label="对话", height=480, elem_id="chat")
                    question = gr.Textbox(
                        label="问题",
                        placeholder="例如：领导小组办公室设在哪里？",
                        elem_id="question",
                    )
                    ask = gr.Button("提问", variant="primary", elem_id="ask")
                    scope = gr.Dropdown(
                        choices=document_choices(service.kb),
                        value=[],
                        multiselect=True,
                        label="限定文档（不选则查全部；可输入标题、文号或发文机关筛选）",
                        elem_id="scope",
                    )
                    gr.Examples(EXAMPLES, inputs=question, label="示例问题")
                with gr.Column(scale=2):
                    citations = gr.HTML(citation_html(None), elem_id="citations")
            build_workspace_tabs(Workspace(service.kb))
            if admin is not None:
                build_admin_tab(admin, header)
        turns = gr.State([])
        outputs = [chatbot, citations, question, turns]
        inputs = [question, chatbot, scope, turns]
        ask.click(respond, inputs, outputs, api_name="ask")
        question.submit(respond, inputs, outputs, api_visibility="private")
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


def document_choices(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(《title》（文号） · issuer · date · 施行 date, doc_id) for the document selector."""
    kb.refresh()
    choices = []
    for doc in kb.documents():
        effective = f"{doc.effective}起施行" if doc.effective else ""
        parts = [doc.citation_name(), doc.issuer, doc.date, effective]
        choices.append((" · ".join(p for p in parts if p), doc.doc_id))
    return choices
