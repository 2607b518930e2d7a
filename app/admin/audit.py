"""The audit trail: who did what to the knowledge base and its keys, when, and from where.

Logins (successful and failed), uploads, removals and key changes are always recorded;
questions only when ``PLANQA_LOG_QUESTIONS`` is on, since they may be sensitive. The
records share the administration database (app/admin/database.py).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

from app.admin.database import Database

LOGIN = "login"
LOGIN_FAILED = "login_failed"
UPLOAD = "upload"
REMOVE = "remove"
KEY_CREATE = "key_create"
KEY_REVOKE = "key_revoke"
QUESTION = "question"
ACTIONS = (LOGIN, LOGIN_FAILED, UPLOAD, REMOVE, KEY_CREATE, KEY_REVOKE, QUESTION)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time REAL NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    address TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_time ON audit (time);
"""


@dataclass(frozen=True)
class AuditEntry:
    id: int
    time: float  # seconds since the epoch
    action: str  # one of ACTIONS
    actor: str  # the login name, "key <name>" or "cli <os user>"
    address: str  # the client's address ("cli" on the command line)
    detail: str  # what was acted on: a document id, a key name, a question

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.time))


class AuditLog:
    def __init__(self, database: Database, log_questions: bool = False) -> None:
        self._db = database
        self.log_questions = log_questions

    def record(self, action: str, actor: str, address: str, detail: str = "") -> None:
        with self._db.connect(_SCHEMA) as db:
            db.execute(
                "INSERT INTO audit (time, action, actor, address, detail) VALUES (?, ?, ?, ?, ?)",
                (time.time(), action, actor, address, detail),
            )

    def question(self, question: str, actor: str, address: str) -> None:
        """Record a question asked, only if the deployment switched question logging on."""
        if self.log_questions:
            self.record(QUESTION, actor, address, question.strip())

    def entries(self, action: str | None = None, limit: int = 500) -> list[AuditEntry]:
        """The newest entries first, of one action or all."""
        query = "SELECT * FROM audit"
        params: tuple = ()
        if action:
            query, params = query + " WHERE action = ?", (action,)
        with self._db.connect(_SCHEMA) as db:
            rows = db.execute(f"{query} ORDER BY id DESC LIMIT ?", (*params, limit)).fetchall()
        return [AuditEntry(**dict(row)) for row in rows]


def client_address(peer: str | None, headers: Mapping[str, str] | None = None) -> str:
    """The connecting address, and the one a proxy says it forwarded (which the client
    could have written itself, so it is recorded beside the peer, never instead of it)."""
    address = peer or "unknown"
    forwarded = (headers or {}).get("x-forwarded-for", "").strip()
    return f"{address} (X-Forwarded-For: {forwarded})" if forwarded else address
