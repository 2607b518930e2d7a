"""The HTTP API: /api (answers and workspaces as the CLI's JSON) and /v1 (OpenAI-compatible
chat), one FastAPI app that ``planqa serve`` mounts the Gradio chat into (app/server.py).

Open this package to change a route (rest.py, openai_compat.py), a body (schemas.py) or
who may call the API (deps.require_access: every route passes through it).
"""

from __future__ import annotations

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from app.admin.service import AdminService
from app.answering import AnswerService, QuestionError
from app.api import openai_compat, rest
from app.api.deps import require_access
from app.workspaces.workspace import Workspace
from kb.knowledge_base import KnowledgeBaseError


def create_api(service: AnswerService, admin: AdminService) -> FastAPI:
    """The API over ``service``; ``admin`` lists the documents (no admin route is served)."""
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
    guarded = [Depends(require_access)]
    api.include_router(rest.router, prefix="/api", tags=["planqa"], dependencies=guarded)
    api.include_router(
        openai_compat.router, prefix="/v1", tags=["OpenAI-compatible"], dependencies=guarded
    )
    api.add_exception_handler(QuestionError, _bad_request)
    api.add_exception_handler(KnowledgeBaseError, _bad_request)
    return api


async def _bad_request(request: Request, exc: Exception) -> JSONResponse:
    """A question that cannot be asked, or a knowledge base that cannot answer: the message
    is written for the user."""
    return JSONResponse({"detail": str(exc)}, status_code=400)


__all__ = ["create_api"]
