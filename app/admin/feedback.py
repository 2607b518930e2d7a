"""Feedback on answers (👍/👎 and a comment), and the 👎 an administrator turns into an
evaluation case, so every reported failure becomes a regression check of ``planqa eval``.

Each record keeps what the user saw (question, answer text, citations) and what produced
it (embedding model, answerer, knowledge-base version), since all three change over time.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from app.admin.database import Database
from app.settings import Settings
from kb.knowledge_base import KnowledgeBase
from kb.version import read_stamp

Rating = Literal["up", "down"]
CASES_FILE = "feedback_cases.jsonl"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time REAL NOT NULL,
    rating TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    comment TEXT NOT NULL,
    embedding_model TEXT NOT NULL,
    answerer TEXT NOT NULL,
    kb_version TEXT NOT NULL,
    made_case TEXT NOT NULL DEFAULT ''
);
"""


@dataclass(frozen=True)
class Provenance:
    """The settings that produced an answer."""

    embedding_model: str
    answerer: str  # "extractive", or the chat model: "openai:deepseek-chat"
    kb_version: str  # the knowledge base's version stamp when the feedback came


def provenance_of(settings: Settings, kb: KnowledgeBase) -> Callable[[], Provenance]:
    """What is answering now; the version is read when feedback arrives."""
    answerer = "extractive" if settings.llm == "none" else f"{settings.llm}:{settings.llm_model}"
    return lambda: Provenance(kb.embedding_model, answerer, read_stamp(settings.data_dir))


def unrecorded(kb: KnowledgeBase) -> Callable[[], Provenance]:
    """For a store built without the settings (tests, tools): the answerer is not known."""
    return lambda: Provenance(kb.embedding_model, "unrecorded", read_stamp(kb.data_dir))


@dataclass(frozen=True)
class Feedback:
    id: int
    time: float
    rating: Rating
    question: str
    answer: str
    citations: list[dict[str, Any]] = field(default_factory=list)
    comment: str = ""
    embedding_model: str = ""
    answerer: str = ""
    kb_version: str = ""
    made_case: str = ""  # the id of the evaluation case made from it

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.time))


class FeedbackStore:
    def __init__(self, database: Database, provenance: Callable[[], Provenance]) -> None:
        self._db = database
        self._provenance = provenance
        self.cases = database.path.parent / CASES_FILE
        self._lock = threading.Lock()

    def add(
        self,
        rating: str,
        question: str,
        answer: str,
        citations: list[dict[str, Any]],
        comment: str = "",
    ) -> int:
        """Store one rating of an answer; returns its id (to add a comment to it later)."""
        if rating not in ("up", "down"):
            raise ValueError(f"rating must be 'up' or 'down', not {rating!r}")
        if not question.strip():
            raise ValueError("feedback needs the question that was asked")
        made = self._provenance()
        with self._db.connect(_SCHEMA) as db:
            cursor = db.execute(
                "INSERT INTO feedback (time, rating, question, answer, citations, comment,"
                " embedding_model, answerer, kb_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (time.time(), rating, question.strip(), answer, json.dumps(citations, ensure_ascii=False),
                 comment.strip(), made.embedding_model, made.answerer, made.kb_version),
            )  # fmt: skip
        return int(cursor.lastrowid or 0)

    def comment(self, feedback_id: int, text: str) -> None:
        with self._db.connect(_SCHEMA) as db:
            db.execute("UPDATE feedback SET comment = ? WHERE id = ?", (text.strip(), feedback_id))

    def entries(self, rating: str | None = None) -> list[Feedback]:
        """Newest first; only 👍 (``up``) or 👎 (``down``) if asked."""
        where, params = (" WHERE rating = ?", (rating,)) if rating else ("", ())
        with self._db.connect(_SCHEMA) as db:
            rows = db.execute(f"SELECT * FROM feedback{where} ORDER BY id DESC", params)
            return [_feedback(row) for row in rows.fetchall()]

    def get(self, feedback_id: int) -> Feedback:
        with self._db.connect(_SCHEMA) as db:
            row = db.execute("SELECT * FROM feedback WHERE id = ?", (feedback_id,)).fetchone()
        if row is None:
            raise ValueError(f"no feedback #{feedback_id}")
        return _feedback(row)

    def make_case(self, feedback_id: int, evidence: list[str], answerable: bool) -> dict:
        """Append a 👎 to the feedback cases (``planqa eval --set feedback``) as a question
        with the clause text that should have been cited, or as one the plans do not answer.
        """
        item = self.get(feedback_id)
        if item.rating != "down":
            raise ValueError(f"feedback #{feedback_id} is a 👍: only a 👎 becomes a case")
        if item.made_case:
            raise ValueError(f"feedback #{feedback_id} is already case {item.made_case}")
        evidence = [e.strip() for e in evidence if e.strip()] if answerable else []
        if answerable and not evidence:
            raise ValueError("give the clause text the answer should have cited")
        case = {"id": f"fb{feedback_id}", "question": item.question, "answerable": answerable,
                "evidence": evidence, "type": "feedback"}  # fmt: skip
        with self._lock:
            self.cases.parent.mkdir(parents=True, exist_ok=True)
            with self.cases.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(case, ensure_ascii=False) + "\n")
            with self._db.connect(_SCHEMA) as db:
                db.execute(
                    "UPDATE feedback SET made_case = ? WHERE id = ?", (case["id"], feedback_id)
                )
        return case


def _feedback(row) -> Feedback:
    values = dict(row)
    values["citations"] = json.loads(values["citations"])
    return Feedback(**values)


def cases_path(data_dir: Path) -> Path:
    """The file ``planqa eval --set feedback`` reads."""
    return data_dir / CASES_FILE
