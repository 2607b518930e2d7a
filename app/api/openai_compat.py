"""/v1: the chat as an OpenAI-compatible model, so any OpenAI client or desktop chat app
can ask the plans.

The last user message is the question and the earlier user messages its history, each
with the sentences the assistant's reply after it quoted. The
reply is the answer with its [n] markers and a source list (《title》 label); the answer's
JSON travels in an extra top-level ``planqa`` field (of the last chunk when streamed).
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app.answering import Answer, QuestionError, Turn
from app.api.deps import Audit, Service, caller
from app.api.schemas import MODEL_ID, ChatMessage, ChatRequest
from app.api.streaming import event_stream, sse, started

router = APIRouter()


@router.get("/models", summary="The one model: planqa")
def models() -> dict[str, Any]:
    model = {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "planqa"}
    return {"object": "list", "data": [model]}


@router.post("/chat/completions", summary="Answer the last user message, with citations")
def chat_completions(body: ChatRequest, request: Request, service: Service, audit: Audit):
    asked = [m.text() for m in body.messages if m.role == "user"]
    if not asked:
        return _error("no user message: the last user message is the question")
    history = _history(body.messages)
    audit.question(asked[-1], *caller(request))
    try:
        items = started(service.stream(asked[-1], history, lane="api"))
    except QuestionError as exc:
        return _error(str(exc))
    reply = _Reply(body.model)
    if body.stream:
        return event_stream(reply.chunks(items))
    *_, answer = items
    assert isinstance(answer, Answer)
    return reply.completion(answer)


def reply_text(answer: Answer) -> str:
    """The answer, then the cited clauses a reader can find: [n] 《title》 label."""
    if answer.abstained:  # nothing was quoted: the nearest clauses, for reference only
        heading, cited = "相关条款（仅供参考）：", list(enumerate(answer.citations, 1))
    else:
        heading = "来源："
        cited = [(n, c) for n, c in enumerate(answer.citations, 1) if c.highlights]
    sources = "\n".join(f"[{n}] 《{c.doc_title}》 {c.label}" for n, c in cited)
    return f"{answer.answer}\n\n{heading}\n{sources}" if sources else answer.answer


class _Reply:
    """One completion's id, time and model, shared by all its chunks."""

    def __init__(self, model: str) -> None:
        self.id = f"chatcmpl-{uuid.uuid4().hex}"
        self.created = int(time.time())
        self.model = model or MODEL_ID

    def _head(self, kind: str) -> dict[str, Any]:
        return {"id": self.id, "object": kind, "created": self.created, "model": self.model}

    def completion(self, answer: Answer) -> dict[str, Any]:
        message = {"role": "assistant", "content": reply_text(answer)}
        choice = {"index": 0, "message": message, "finish_reason": "stop"}
        return {**self._head("chat.completion"), "choices": [choice], "planqa": answer.to_json()}

    def _chunk(self, delta: dict[str, str], finish: str | None = None, **extra: Any) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return sse({**self._head("chat.completion.chunk"), "choices": [choice], **extra})

    def chunks(self, items: Iterator[str | Answer]) -> Iterator[str]:
        """Text as the chat model writes it; then what the checked answer adds to it.

        A generated answer that was cut or replaced when checked does not continue the
        draft: it follows it in full, and its own first line says why.
        """
        yield self._chunk({"role": "assistant", "content": ""})
        written = ""
        for item in items:
            if isinstance(item, Answer):
                text = reply_text(item)
                rest = text[len(written) :] if text.startswith(written) else f"\n\n{text}"
                yield self._chunk({"content": rest})
                yield self._chunk({}, "stop", planqa=item.to_json())
            else:
                written += item
                yield self._chunk({"content": item})
        yield "data: [DONE]\n\n"


def _error(message: str) -> JSONResponse:
    """An error as OpenAI clients read it (their exceptions show ``error.message``)."""
    error = {"message": message, "type": "invalid_request_error", "code": None}
    return JSONResponse({"error": error}, status_code=400)


def _history(messages: list[ChatMessage]) -> list[Turn]:
    """The earlier user messages as turns, each with the sentences the assistant's reply
    after it quoted (its "- …[1]" lines), so that a follow-up's 它 can stand for them."""
    turns: list[Turn] = []
    last_user = max(i for i, m in enumerate(messages) if m.role == "user")
    for message in messages[:last_user]:
        if message.role == "user" and message.text().strip():
            turns.append(Turn(message.text()))
        elif message.role == "assistant" and turns:
            lines = message.text().splitlines()
            turns[-1].quoted += [_QUOTE.sub("", ln[2:]) for ln in lines if ln.startswith("- ")]
    return turns


_QUOTE = re.compile(r"\[\d+\]$")  # the citation mark after a quoted sentence
