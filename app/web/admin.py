"""The 知识库管理 tab: login, then upload, list and remove documents. Thin over AdminService."""

from __future__ import annotations

import html
from pathlib import Path

import gradio as gr

from app.admin.service import AdminService
from app.admin.upload_cache import discard
from app.web.admin_audit import build_audit_view
from app.web.admin_feedback import build_feedback_view
from ingest import IngestError
from ingest.loaders import supported_suffixes
from kb.knowledge_base import KnowledgeBaseError

HEADERS = ["文档 id", "标题", "文号", "发文机关", "日期", "施行日期", "条款数", "段落数"]


def _rows(admin: AdminService) -> list[list[object]]:
    return [
        [r.doc_id, r.title, r.doc_number, r.issuer, r.date, r.effective, r.clauses, r.passages]
        for r in admin.documents()
    ]


def _notice(text: str) -> str:
    return f'<p class="notice">{html.escape(text)}</p>'


def _address(request: gr.Request | None) -> str:
    return request.client.host if request and request.client else "unknown"


def build_admin_tab(admin: AdminService) -> None:
    with gr.Tab("知识库管理", id="admin"):
        if not admin.enabled:
            gr.Markdown("知识库管理已关闭：设置 `PLANQA_ADMIN_PASSWORD` 后可登录上传、删除文档。")
            return
        # the session token of this browser's login, kept on the server (gr.State is never
        # taken from a request) and checked by AdminService on every admin action
        session = gr.State("")
        with gr.Row():
            user = gr.Textbox(label="用户名", elem_id="admin-user")
            password = gr.Textbox(label="密码", type="password", elem_id="admin-password")
            login = gr.Button("登录", elem_id="admin-login")
        status = gr.HTML(elem_id="admin-status")
        with gr.Group(visible=False) as panel:
            table = gr.Dataframe(headers=HEADERS, elem_id="admin-documents", interactive=False)
            upload = gr.File(
                label="上传文档（" + " / ".join(supported_suffixes()) + "）",
                file_types=supported_suffixes(),
                elem_id="admin-file",
            )
            add = gr.Button("导入", variant="primary", elem_id="admin-add")
            with gr.Row():
                doc_id = gr.Textbox(label="要删除的文档 id", elem_id="admin-remove-id")
                remove = gr.Button("删除", variant="stop", elem_id="admin-remove")
            build_feedback_view(admin, session)
            build_audit_view(admin, session)

        def on_login(name: str, secret: str, request: gr.Request):
            address = request.client.host if request and request.client else "unknown"
            login = admin.login(name, secret, address)
            if login.token:
                return (
                    login.token,
                    _notice(login.message),
                    gr.update(visible=True),
                    _rows(admin),
                    "",
                )
            return "", _notice(login.message), gr.update(visible=False), [], ""

        def on_add(file: str | None, token: str, request: gr.Request, progress=gr.Progress()):  # noqa: B008 (Gradio's API)
            try:
                return _add(file, token, progress, _address(request))
            finally:  # the admin keeps its own copy; without a login the cap prunes it
                if file and admin.logged_in(token):
                    discard(file)

        def _add(file: str | None, token: str, progress: gr.Progress, address: str):
            if not admin.logged_in(token):
                return _notice("请先登录。"), gr.update()
            if not file:
                return _notice("请先选择文件。"), _rows(admin)
            progress(0.05, desc="解析文档")

            def stored(done: int, total: int) -> None:
                progress(0.1 + 0.9 * done / max(total, 1), desc=f"写入段落 {done}/{total}")

            try:
                report = admin.upload(Path(file), Path(file).name, stored, address=address)
            except (IngestError, KnowledgeBaseError) as exc:
                return _notice(f"未导入：{exc}"), _rows(admin)
            progress(1.0, desc="完成")
            done = "、".join(report.added + report.replaced) or "（内容未变）"
            return _notice(f"已导入 {done}：{report.passages} 个段落。"), _rows(admin)

        def on_remove(target: str, token: str, request: gr.Request):
            if not admin.logged_in(token):
                return _notice("请先登录。"), gr.update()
            try:
                gone = admin.remove((target or "").strip(), address=_address(request))
            except KnowledgeBaseError as exc:
                return _notice(str(exc)), _rows(admin)
            return _notice(f"已删除 {target}（{gone} 个段落）。"), _rows(admin)

        login.click(
            on_login,
            [user, password],
            [session, status, panel, table, password],
            api_visibility="private",
        )
        add.click(on_add, [upload, session], [status, table], api_visibility="private")
        remove.click(on_remove, [doc_id, session], [status, table], api_visibility="private")
