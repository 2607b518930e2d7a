"""知识库管理: uploading and removing documents, behind a login; each login, failed or not,
each upload and each removal goes into the audit trail (app/admin/audit.py).

Uploads are checked by content, not by their name: the size limit, a supported
suffix, and text that decodes in a known encoding and parses into clauses. The
file is kept under the data directory with a generated name, so a crafted
filename cannot reach anywhere else; the original name only becomes the
document id, reduced to safe characters.
"""

from __future__ import annotations

import hmac
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.admin import audit as actions
from app.admin.audit import AuditLog
from app.admin.database import Database
from app.admin.feedback import FeedbackStore, unrecorded
from app.admin.login_guard import LoginGuard, wait_message
from ingest import IngestError, ParsedDocument
from ingest.loaders import load_text, supported_suffixes
from ingest.pipeline import doc_id_for, parse_text
from kb.knowledge_base import IngestReport, KnowledgeBase


@dataclass(frozen=True)
class Login:
    """A login attempt's outcome: a session token, or the message to show."""

    token: str
    message: str


@dataclass(frozen=True)
class DocumentRow:
    doc_id: str
    title: str
    doc_number: str
    issuer: str
    date: str
    clauses: int
    passages: int
    effective: str = ""  # 施行 date


class AdminService:
    def __init__(
        self,
        kb: KnowledgeBase,
        user: str,
        password: str,
        max_file_mb: float,
        login_delay: float = 2.0,
        audit: AuditLog | None = None,
        feedback: FeedbackStore | None = None,
    ) -> None:
        self._kb = kb
        self.audit = audit or AuditLog(Database(kb.data_dir))
        # what users said of answers, reviewed in 知识库管理
        self.feedback = feedback or FeedbackStore(Database(kb.data_dir), unrecorded(kb))
        self._user = user
        self._password = password
        self.guard = LoginGuard(login_delay)
        self._max_bytes = int(max_file_mb * 2**20)
        self.uploads = kb.data_dir / "uploads"

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb

    @property
    def enabled(self) -> bool:
        return bool(self._password)

    def check_login(self, user: str, password: str) -> bool:
        """Constant-time comparison of both fields; always False when no password is set."""
        if not self.enabled:
            return False
        user_ok = hmac.compare_digest((user or "").encode(), self._user.encode())
        password_ok = hmac.compare_digest((password or "").encode(), self._password.encode())
        return user_ok and password_ok

    def login(self, user: str, password: str, address: str) -> Login:
        """Check a login from ``address``; after five failures it must wait, doubling each time.

        While it waits even the right password is refused, so guessing gains nothing.
        """
        if not self.enabled:
            return Login("", "知识库管理已关闭。")
        wait = self.guard.wait_seconds(address)
        if wait > 0:
            self.audit.record(actions.LOGIN_FAILED, user[:100], address, "refused while waiting")
            return Login("", wait_message(wait))
        if not self.check_login(user, password):
            self.guard.failed(address)
            self.audit.record(actions.LOGIN_FAILED, user[:100], address, "wrong user or password")
            wait = self.guard.wait_seconds(address)
            return Login("", "用户名或密码错误。" + (wait_message(wait) if wait > 0 else ""))
        self.audit.record(actions.LOGIN, user[:100], address)
        return Login(self.guard.succeeded(address), "已登录。")

    def logged_in(self, token: object) -> bool:
        """The server-side check every admin action makes, however it was called."""
        return self.enabled and self.guard.is_session(token)

    def documents(self) -> list[DocumentRow]:
        self._kb.refresh()
        return [
            DocumentRow(
                d.doc_id,
                d.title,
                d.doc_number,
                d.issuer,
                d.date,
                len(d.clauses),
                self._kb.passage_count(d.doc_id),
                d.effective,
            )
            for d in self._kb.documents()
        ]

    def check_upload(self, path: Path, original_name: str) -> ParsedDocument:
        """Parse an uploaded file without storing anything; IngestError says what is wrong."""
        name = Path(original_name or "upload.txt").name
        suffix = Path(name).suffix.lower()
        if suffix not in supported_suffixes():
            raise IngestError(
                f"{name}: unsupported file type; supported: {', '.join(supported_suffixes())}"
            )
        size = path.stat().st_size
        if size > self._max_bytes:
            raise IngestError(
                f"{name}: file too large ({size / 2**20:.1f} MB; the limit is {self._max_bytes / 2**20:.1f} MB)"
            )
        text = load_text(path, self._max_bytes, name=name)
        return parse_text(text, doc_id_for(Path(name)), name)

    def upload(
        self,
        path: Path,
        original_name: str,
        progress: Callable[[int, int], None] | None = None,
        actor: str = "",
        address: str = "",
    ) -> IngestReport:
        """Check, keep a copy and ingest an uploaded file; ``actor`` at ``address`` is audited.

        ``progress(passages_done, passages_total)`` is called as passages are stored.
        """
        document = self.check_upload(path, original_name)
        self.uploads.mkdir(parents=True, exist_ok=True)
        stored = self.uploads / f"{uuid.uuid4().hex}{Path(original_name).suffix.lower()}"
        stored.write_bytes(path.read_bytes())
        report = self._kb.add_documents(
            [document], None if progress is None else lambda _, done, total: progress(done, total)
        )
        detail = f"{document.doc_id} ({Path(original_name).name}, {report.passages} passages)"
        self.audit.record(actions.UPLOAD, actor or self._user, address or "unknown", detail)
        return report

    def remove(self, doc_id: str, actor: str = "", address: str = "") -> int:
        gone = self._kb.remove_document(doc_id)
        detail = f"{doc_id} ({gone} passages)"
        self.audit.record(actions.REMOVE, actor or self._user, address or "unknown", detail)
        return gone
