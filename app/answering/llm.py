"""Generative answers through LangChain chat models, for deployments that have one.

``PLANQA_LLM=openai`` uses any OpenAI-compatible endpoint (DeepSeek, Qwen/DashScope
compatible mode, vLLM, LM Studio); ``ollama`` a local Ollama. Retrieved clauses go
into the prompt as numbered, delimited data; the reply is verified afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessageChunk
from langchain_core.prompts import ChatPromptTemplate
from pydantic import SecretStr

from app.prompts import Prompts
from app.settings import Settings
from kb.knowledge_base import ClauseHit


class LLMError(RuntimeError):
    """The chat model failed (timeout, HTTP error, refused connection); message is for users."""


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """The configured chat model, or None for the extractive default."""
    if settings.llm == "none":
        return None
    if not settings.llm_model:
        raise ValueError("PLANQA_LLM_MODEL must name the chat model (e.g. deepseek-chat)")
    if settings.llm == "openai":
        from langchain_openai import ChatOpenAI

        if not settings.llm_base_url:
            raise ValueError("PLANQA_LLM_BASE_URL must give the OpenAI-compatible endpoint")
        return ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.llm_base_url,
            # SecretStr: never printed in reprs or logs; local servers (vLLM, LM Studio) need none
            api_key=settings.llm_api_key
            if settings.llm_api_key.get_secret_value()
            else SecretStr("not-needed"),
            timeout=settings.llm_timeout,
            max_retries=0,
            temperature=0,
        )
    from langchain_ollama import ChatOllama

    return ChatOllama(
        model=settings.llm_model,
        base_url=settings.llm_base_url or "http://127.0.0.1:11434",
        temperature=0,
        client_kwargs={"timeout": settings.llm_timeout},
    )


def numbered_clauses(hits: list[ClauseHit]) -> str:
    """The clauses as numbered, delimited data blocks with their labels."""
    blocks = []
    for n, hit in enumerate(hits, 1):
        text = hit.clause.text.replace("</clause>", "")  # a document cannot close its own block
        blocks.append(f'<clause n="{n}" label="{hit.clause.label}">\n{text}\n</clause>')
    return "\n".join(blocks)


class LLMAnswerer:
    """Asks the chat model for an answer with [n] markers over the numbered clauses."""

    mode = "llm"

    def __init__(self, model: BaseChatModel, prompts: Prompts) -> None:
        self._model = model
        self._prompt = ChatPromptTemplate.from_messages(
            [
                ("system", prompts.templates["llm_system_zh"].template),
                ("human", prompts.templates["llm_answer_zh"].template),
            ]
        )
        self._condense = prompts.templates["condense_question_zh"]

    def stream(
        self, question: str, hits: list[ClauseHit], not_mentioned: str = ""
    ) -> Iterator[str]:
        """The reply as written; ``not_mentioned`` is what the plan does not say (partial)."""
        messages = self._prompt.format_messages(
            clauses=numbered_clauses(hits), question=question, not_mentioned=not_mentioned or "无"
        )
        try:
            for chunk in self._model.stream(messages):
                if isinstance(chunk, AIMessageChunk) and isinstance(chunk.content, str):
                    yield chunk.content
        except Exception as exc:  # any client error: timeout, HTTP status, connection
            raise LLMError(_describe(exc)) from exc

    def generate(self, question: str, hits: list[ClauseHit]) -> str:
        return "".join(self.stream(question, hits))

    def condense(self, question: str, history: list[str]) -> str:
        """A follow-up rewritten by the model into a standalone question."""
        prompt = self._condense.format(history="\n".join(history), question=question)
        try:
            reply = self._model.invoke(prompt)
        except Exception as exc:
            raise LLMError(_describe(exc)) from exc
        text = reply.content if isinstance(reply.content, str) else ""
        return text.strip() or question


def _describe(exc: Exception) -> str:
    name = type(exc).__name__
    if "Timeout" in name:
        return "语言模型响应超时 (the language model timed out)"
    status = getattr(exc, "status_code", None)
    if status:
        return f"语言模型服务返回错误 {status} (the language model returned HTTP {status})"
    return f"语言模型不可用：{name} (the language model is unavailable)"
