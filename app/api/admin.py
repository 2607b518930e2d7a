"""/api admin routes: upload and remove documents, review feedback, read the audit trail.

Each needs an admin key (deps.require_admin), and each change is audited with the key's
name and the caller's address, as the 知识库管理 tab audits its logins.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Request, UploadFile

from app.admin.audit import ACTIONS, AuditEntry
from app.admin.feedback import Feedback
from app.api.deps import Admin, Audit, Feedbacks, caller, require_admin
from app.api.schemas import Problem
from kb.knowledge_base import IngestReport

router = APIRouter(
    dependencies=[Depends(require_admin)],
    responses={401: {"model": Problem}, 403: {"model": Problem}},
)


@router.post("/documents", response_model=IngestReport, summary="Upload a document (admin)")
def upload(file: UploadFile, request: Request, admin: Admin):
    """Checked as the 知识库管理 tab checks uploads: size, type, text that parses into clauses.

    ``curl -F file=@plan.docx -H 'Authorization: Bearer <admin key>' …/api/documents``
    """
    name = Path(file.filename or "upload.txt").name
    with tempfile.TemporaryDirectory(prefix="planqa-upload-") as folder:
        path = Path(folder) / "upload"
        with path.open("wb") as handle:
            shutil.copyfileobj(file.file, handle)
        actor, address = caller(request)
        return admin.upload(path, name, actor=actor, address=address)


@router.delete("/documents/{doc_id}", summary="Remove a document and its passages (admin)")
def remove(doc_id: str, request: Request, admin: Admin) -> dict[str, object]:
    if doc_id not in {row.doc_id for row in admin.documents()}:
        raise HTTPException(404, f"no document {doc_id!r} in the knowledge base")
    actor, address = caller(request)
    return {"doc_id": doc_id, "passages_removed": admin.remove(doc_id, actor, address)}


@router.get("/feedback", response_model=list[Feedback], summary="Feedback on answers (admin)")
def feedback(feedbacks: Feedbacks, rating: Literal["up", "down"] | None = None):
    """Newest first: each rating with the question, the answer, its citations and the
    settings that produced it; ``?rating=down`` for the 👎 only."""
    return feedbacks.entries(rating)


@router.get("/audit", response_model=list[AuditEntry], summary="The audit trail (admin)")
def audit(audit: Audit, action: str | None = None, limit: int = 500):
    """Newest first: logins, failed logins, uploads, removals, key changes (and questions,
    when PLANQA_LOG_QUESTIONS is on)."""
    if action and action not in ACTIONS:
        raise HTTPException(400, f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    return audit.entries(action, max(1, min(limit, 5000)))
