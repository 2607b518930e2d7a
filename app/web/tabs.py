"""The workspace tabs of the Gradio app, in the order users meet them."""

from __future__ import annotations

from app.web.outline_tab import build_outline_tab
from app.web.quiz_tab import build_quiz_tab
from app.web.reader import DocumentReader
from app.web.support_tab import build_support_tab
from app.web.tables_tab import build_table_tabs
from app.workspaces.workspace import Workspace


def build_workspace_tabs(workspace: Workspace, reader: DocumentReader) -> None:
    """Builds the tabs; 政策查找 and 方案目录 open their clauses in ``reader`` (原文阅读)."""
    build_support_tab(workspace, reader)
    build_quiz_tab(workspace)
    build_outline_tab(workspace, reader)
    build_table_tabs(workspace)
