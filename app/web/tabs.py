"""The workspace tabs of the Gradio app, in the order users meet them."""

from __future__ import annotations

from app.web.outline_tab import build_outline_tab
from app.web.quiz_tab import build_quiz_tab
from app.web.support_tab import build_support_tab
from app.web.tables_tab import build_table_tabs
from app.workspaces.workspace import Workspace


def build_workspace_tabs(workspace: Workspace) -> None:
    build_support_tab(workspace)
    build_quiz_tab(workspace)
    build_outline_tab(workspace)
    build_table_tabs(workspace)
