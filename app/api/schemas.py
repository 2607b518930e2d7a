"""The HTTP API's request and response bodies (pydantic), the OpenAPI schema reads them.

Responses that the CLI already prints as JSON (answers, document rows, outlines,
workspaces) reuse its dataclasses, so both faces publish one shape.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.answering import Turn

MODEL_ID = "planqa"


class HistoryTurn(BaseModel):
    """An earlier turn of the conversation: what was asked and, if known, what it cited."""

    question: str
    clause_ids: list[str] = Field(default_factory=list)
    quoted: list[str] = Field(
        default_factory=list,
        description="the sentences its answer quoted (its citations' highlights), if known: "
        "a follow-up's 它 may stand for what they name",
    )

    def to_turn(self) -> Turn:
        return Turn(self.question, list(self.clause_ids), list(self.quoted))


class AskRequest(BaseModel):
    question: str = Field(examples=["领导小组办公室设在哪里？"])
    history: list[HistoryTurn] = Field(default_factory=list)
    doc_ids: list[str] | None = Field(
        default=None, description="document ids or 文号; none or empty means all documents"
    )
    stream: bool = Field(
        default=False,
        description="server-sent events: `delta` events with text as it is written, then one "
        "`answer` event with the answer's JSON",
    )


class FeedbackRequest(BaseModel):
    """A user's rating of an answer: the question, and the answer's text and citations as
    /api/ask returned them (the server adds the settings that produced it)."""

    question: str = Field(max_length=2000, examples=["领导小组办公室设在哪里？"])
    answer: str = Field(max_length=20_000, description="the answer's text, as shown")
    citations: list[dict[str, Any]] = Field(
        default_factory=list,
        max_length=50,
        description="the answer's `citations`, as /api/ask returned them",
    )
    rating: Literal["up", "down"]
    comment: str = Field(default="", max_length=2000)


class ClauseOut(BaseModel):
    """One clause as the plan words it, and where it stands."""

    clause_id: str
    doc_id: str
    doc_title: str
    label: str
    text: str


class SupportRequest(BaseModel):
    """An enterprise, as `planqa support` describes it."""

    description: str = Field(examples=["广东的民营养老企业，想在黑龙江开养老院"])
    origin: Literal["广东", "黑龙江", "其他地区", "other", ""] = ""
    ownership: Literal["国有", "民营", "外资", ""] = ""
    industry: str = Field(default="", examples=["养老"])
    wants: str = Field(default="", examples=["设立金融机构"])


class QuizRequest(BaseModel):
    n: int = Field(default=10, ge=1, le=100)
    seed: int = 0
    part: str | None = Field(default=None, description="a clause id or outline key, e.g. 4.2")


class Problem(BaseModel):
    """Why a request was refused, in words for the user."""

    detail: str


# OpenAI-compatible chat (/v1): only the fields planqa reads; others are accepted and ignored.


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: str
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        """The message's text; a list of content parts contributes its text parts."""
        if isinstance(self.content, list):
            return "".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")

    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
