"""知识库管理 › 审计: the audit trail (logins, failed logins, uploads, removals, key changes,
and questions when PLANQA_LOG_QUESTIONS is on), newest first. Thin over ``AuditLog``."""

from __future__ import annotations

import gradio as gr

from app.admin.audit import ACTIONS, AuditLog
from app.admin.service import AdminService

HEADERS = ["时间", "操作", "操作者", "地址", "详情"]
NAMES = {
    "login": "登录", "login_failed": "登录失败", "upload": "上传", "remove": "删除",
    "key_create": "创建密钥", "key_revoke": "吊销密钥", "question": "提问",
}  # fmt: skip


def audit_rows(audit: AuditLog, action: str | None) -> list[list[str]]:
    return [
        [e.when, NAMES.get(e.action, e.action), e.actor, e.address, e.detail]
        for e in audit.entries(action or None)
    ]


def build_audit_view(admin: AdminService, session: gr.State) -> None:
    """The view, inside the logged-in panel; filled when the session changes (a login)."""
    with gr.Accordion("审计", open=False, elem_id="admin-audit-view"):
        with gr.Row():
            action = gr.Dropdown([("全部", "")] + [(NAMES[a], a) for a in ACTIONS], value="",
                                 label="操作", elem_id="audit-filter")  # fmt: skip
            refresh = gr.Button("刷新", elem_id="audit-refresh")
        table = gr.Dataframe(headers=HEADERS, interactive=False, wrap=True, elem_id="admin-audit")

    def show(token: str, wanted: str):
        return audit_rows(admin.audit, wanted) if admin.logged_in(token) else []

    for event in (session.change, refresh.click, action.change):
        event(show, [session, action], table, api_visibility="private")
