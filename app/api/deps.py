"""What the routes are given: the running app's services, and who may call them.

The services live on ``app.state`` (set once by ``create_api``), so the routers hold no
globals and a test can build an app over any service. Every read route depends on
``require_access`` (a key only when ``PLANQA_API_REQUIRE_KEY`` is on); every admin route
on ``require_admin``, which wants an admin key whoever calls, from wherever: a reverse
proxy on the same host makes every caller look local, so the peer address grants nothing.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from app.admin.audit import AuditLog, client_address
from app.admin.feedback import FeedbackStore
from app.admin.keys import ApiKey, KeyStore
from app.admin.service import AdminService
from app.answering import AnswerService
from app.workspaces.workspace import Workspace

_HOW = "send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>' (planqa keys create)"


class AccessDenied(HTTPException):
    """401 (no usable key) or 403 (a key without the role); the message says which."""

    def __init__(self, status: int, message: str) -> None:
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        super().__init__(status, message, headers)


def answer_service(request: Request) -> AnswerService:
    return request.app.state.answer_service


def workspace(request: Request) -> Workspace:
    return request.app.state.workspace


def admin_service(request: Request) -> AdminService:
    return request.app.state.admin


def feedback_store(request: Request) -> FeedbackStore:
    return request.app.state.feedback


def audit_log(request: Request) -> AuditLog:
    return request.app.state.admin.audit


def presented_key(request: Request) -> str:
    bearer = request.headers.get("authorization", "")
    if bearer[:7].lower() == "bearer ":
        return bearer[7:].strip()
    return request.headers.get("x-api-key", "").strip()


def _checked_key(request: Request) -> ApiKey:
    """The valid key the request carries, or a 401 saying what is wrong with it."""
    text = presented_key(request)
    if not text:
        raise AccessDenied(401, f"an API key is required: {_HOW}")
    keys: KeyStore = request.app.state.keys
    key = keys.check(text)
    if key is None:
        raise AccessDenied(401, "this API key is not valid for this server")
    if key.revoked is not None:
        raise AccessDenied(401, f"the API key {key.name!r} was revoked")
    request.state.api_key = key  # the audit trail names it
    return key


def require_access(request: Request) -> ApiKey | None:
    """Every read route: open as the chat is, unless the deployment requires a key.

    While open, whatever key a client sends is accepted (OpenAI clients insist on sending
    one, often "none"); a valid one still names the caller in the audit trail.
    """
    if request.app.state.require_key:
        return _checked_key(request)
    key = request.app.state.keys.check(presented_key(request))
    if key is not None and key.revoked is None:
        request.state.api_key = key
        return key
    return None


def require_admin(request: Request) -> ApiKey:
    """Admin routes: an admin key, always."""
    key = _checked_key(request)
    if not key.is_admin:
        raise AccessDenied(403, f"this needs an admin key; {key.name!r} is a {key.role} key")
    return key


def caller(request: Request) -> tuple[str, str]:
    """(actor, address) for the audit trail."""
    key: ApiKey | None = getattr(request.state, "api_key", None)
    actor = f"key {key.name}" if key else "anonymous"
    peer = request.client.host if request.client else None
    return actor, client_address(peer, request.headers)


Service = Annotated[AnswerService, Depends(answer_service)]
Workspaces = Annotated[Workspace, Depends(workspace)]
Admin = Annotated[AdminService, Depends(admin_service)]
Feedbacks = Annotated[FeedbackStore, Depends(feedback_store)]
Audit = Annotated[AuditLog, Depends(audit_log)]
AdminKey = Annotated[ApiKey, Depends(require_admin)]
