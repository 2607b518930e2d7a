"""What the routes are given: the running app's services, and the one check every route passes.

The services live on ``app.state`` (set once by ``create_api``), so the routers hold no
globals and a test can build an app over any service.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.admin.service import AdminService
from app.answering import AnswerService
from app.workspaces.workspace import Workspace


def answer_service(request: Request) -> AnswerService:
    return request.app.state.answer_service


def workspace(request: Request) -> Workspace:
    return request.app.state.workspace


def admin_service(request: Request) -> AdminService:
    return request.app.state.admin


def require_access() -> None:
    """Every /api and /v1 route depends on this: the one place an API key check goes.

    Open for now: the API answers whoever can reach the port, as the chat does.
    """


Service = Annotated[AnswerService, Depends(answer_service)]
Workspaces = Annotated[Workspace, Depends(workspace)]
Admin = Annotated[AdminService, Depends(admin_service)]
