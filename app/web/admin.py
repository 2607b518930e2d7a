"""The 知识库管理 tab: login, then upload, list and remove documents. Thin over AdminService."""

from __future__ import annotations

import html
from pathlib import Path

import gradio as gr

from app.admin.messages import in_chinese
from app.admin.service import AdminService
from app.admin.upload_cache import discard
from app.web.admin_audit import build_audit_view
from app.web.admin_feedback import build_feedback_view
from app.web.header import header_markdown
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


def _choices(admin: AdminService) -> list[tuple[str, str]]:
    """Each document by its title, for the removal list (the id only tells two apart)."""
    return [
        (f"《{r.title}》（{r.doc_id}，{r.passages} 个段落）", r.doc_id) for r in admin.documents()
    ]


def build_admin_tab(admin: AdminService, header: gr.Markdown) -> None:
    """``header``: the page's headline, which lists the documents; refreshed on every change."""
    with gr.Tab("知识库管理", id="admin"):
        if not admin.enabled:
            gr.Markdown("知识库管理已关闭：设置 `PLANQA_ADMIN_PASSWORD` 后可登录上传、删除文档。")
            return
        # the session token of this browser's login, kept on the server (gr.State is never
        # taken from a request) and checked by AdminService on every admin action
        session = gr.State("")
        with gr.Row(elem_id="admin-login-form") as login_form:
            user = gr.Textbox(label="用户名", elem_id="admin-user")
            password = gr.Textbox(
                label="密码（回车登录）", type="password", elem_id="admin-password"
            )
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
                doc_id = gr.Dropdown([], label="要删除的文档", elem_id="admin-remove-doc")
                remove = gr.Button("删除…", variant="stop", elem_id="admin-remove")
            with gr.Group(visible=False, elem_id="admin-confirm") as confirm_box:
                question = gr.HTML(elem_id="admin-confirm-text")
                with gr.Row():
                    confirm = gr.Button("确认删除", variant="stop", elem_id="admin-confirm-yes")
                    cancel = gr.Button("取消", elem_id="admin-confirm-no")
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
                    gr.update(visible=False),
                    gr.update(choices=_choices(admin), value=None),
                )
            return (
                "",
                _notice(login.message),
                gr.update(visible=False),
                [],
                "",
                gr.update(),
                gr.update(),
            )

        def on_add(file: str | None, token: str, request: gr.Request, progress=gr.Progress()):  # noqa: B008 (Gradio's API)
            try:
                return (
                    *_add(file, token, progress, _address(request)),
                    None,
                )  # the box is emptied for the next file
            finally:  # the admin keeps its own copy; without a login the cap prunes it
                if file and admin.logged_in(token):
                    discard(file)

        def _add(file: str | None, token: str, progress: gr.Progress, address: str):
            if not admin.logged_in(token):
                return _notice("请先登录。"), gr.update(), gr.update(), gr.update()
            if not file:
                return _notice("请先选择文件。"), *_views(admin)
            progress(0.05, desc="解析文档")

            def stored(done: int, total: int) -> None:
                progress(0.1 + 0.9 * done / max(total, 1), desc=f"写入段落 {done}/{total}")

            try:
                report = admin.upload(Path(file), Path(file).name, stored, address=address)
            except (IngestError, KnowledgeBaseError) as exc:
                return _notice(f"未导入：{in_chinese(exc)}"), *_views(admin)
            progress(1.0, desc="完成")
            done = "、".join(report.added + report.replaced) or "（内容未变）"
            return _notice(f"已导入 {done}：{report.passages} 个段落。"), *_views(admin)

        def _views(admin: AdminService):
            """The table, the removal list and the page header, as they are now."""
            choices = gr.update(choices=_choices(admin), value=None)
            return _rows(admin), choices, header_markdown(admin.kb)

        def on_ask_remove(target: str | None, token: str):
            if not admin.logged_in(token):
                return _notice("请先登录。"), gr.update(), ""
            chosen = dict((v, k) for k, v in _choices(admin)).get(target or "")
            if not chosen:
                return _notice("请先在列表中选择要删除的文档。"), gr.update(visible=False), ""
            ask = f"确定删除{chosen}吗？删除后问答不再引用它，需重新上传才能恢复。"
            return "", gr.update(visible=True), _notice(ask)

        def on_remove(target: str | None, token: str, request: gr.Request):
            if not admin.logged_in(token):
                return (
                    _notice("请先登录。"),
                    gr.update(visible=False),
                    gr.update(),
                    gr.update(),
                    gr.update(),
                )
            try:
                gone = admin.remove(target or "", address=_address(request))
            except KnowledgeBaseError as exc:
                return _notice(in_chinese(exc)), gr.update(visible=False), *_views(admin)
            done = _notice(f"已删除 {target}（{gone} 个段落）。")
            return done, gr.update(visible=False), *_views(admin)

        logged = [session, status, panel, table, password, login_form, doc_id]
        login.click(on_login, [user, password], logged, api_visibility="private")
        password.submit(on_login, [user, password], logged, api_visibility="private")
        views = [table, doc_id, header]
        add.click(on_add, [upload, session], [status, *views, upload], api_visibility="private")
        remove.click(
            on_ask_remove,
            [doc_id, session],
            [status, confirm_box, question],
            api_visibility="private",
        )
        confirm.click(
            on_remove, [doc_id, session], [status, confirm_box, *views], api_visibility="private"
        )
        cancel.click(lambda: gr.update(visible=False), None, confirm_box, api_visibility="private")
