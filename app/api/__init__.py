"""The HTTP API: /api (answers and workspaces as the CLI's JSON) and /v1 (OpenAI-compatible
chat), one FastAPI app that ``planqa serve`` mounts the Gradio chat into (app/server.py).

Open this package to change a route (rest.py, openai_compat.py, admin.py), a body
(schemas.py) or who may call the API (deps.py: require_access guards every read route,
require_admin every admin route).
"""

from __future__ import annotations

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from app.admin.feedback import FeedbackStore
from app.admin.keys import KeyStore
from app.admin.service import AdminService
from app.answering import AnswerService, QuestionError
from app.api import admin as admin_routes
from app.api import openai_compat, rest
from app.api.deps import AccessDenied, require_access
from app.workspaces.workspace import Workspace
from ingest import IngestError
from kb.knowledge_base import KnowledgeBaseError


def create_api(
    service: AnswerService,
    admin: AdminService,
    keys: KeyStore,
    feedback: FeedbackStore,
    require_key: bool = False,
) -> FastAPI:
    """The API over ``service``; ``admin`` lists, uploads and removes documents; ``keys``
    decide who may call; read routes need a key only with ``require_key``."""
    api = FastAPI(
        title="planqa",
        summary="Cited answers from Chinese policy plans",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    api.state.answer_service = service
    api.state.workspace = Workspace(service.kb)
    api.state.admin = admin
    api.state.keys = keys
    api.state.feedback = feedback
    api.state.require_key = require_key
    guarded = [Depends(require_access)]
    api.include_router(rest.router, prefix="/api", tags=["planqa"], dependencies=guarded)
    api.include_router(admin_routes.router, prefix="/api", tags=["admin"])
    api.include_router(
        openai_compat.router, prefix="/v1", tags=["OpenAI-compatible"], dependencies=guarded
    )
    api.add_exception_handler(QuestionError, _bad_request)
    api.add_exception_handler(KnowledgeBaseError, _bad_request)
    api.add_exception_handler(IngestError, _bad_request)
    api.add_exception_handler(AccessDenied, _denied)
    return api


async def _bad_request(request: Request, exc: Exception) -> JSONResponse:
    """A question that cannot be asked, or a knowledge base that cannot answer: the message
    is written for the user."""
    return JSONResponse({"detail": str(exc)}, status_code=400)


async def _denied(request: Request, exc: Exception) -> JSONResponse:
    """401/403 as both kinds of client read it: ``detail`` (/api) and ``error`` (OpenAI's)."""
    assert isinstance(exc, AccessDenied)
    error = {"message": exc.detail, "type": "invalid_request_error", "code": "invalid_api_key"}
    body = {"detail": exc.detail, "error": error}
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)


__all__ = ["create_api"]
