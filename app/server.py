"""``planqa serve``: the Gradio chat and the HTTP API on one port, in one process.

The API (app/api) is the FastAPI app uvicorn runs; the Gradio Blocks are mounted into
it at ``/`` after the /api and /v1 routes, so those are matched first and every other
path (the page, /gradio_api, /config) goes to Gradio as before.
"""

from __future__ import annotations

import gradio as gr
import uvicorn
from starlette.middleware import Middleware

from app.admin.keys import KeyStore
from app.admin.service import AdminService
from app.admin.upload_cache import UploadCache
from app.answering import AnswerService
from app.api import create_api
from app.web.chat import CSS, STATIC, build_ui
from app.web.workspace_css import WORKSPACE_CSS


def serve(
    service: AnswerService,
    host: str,
    port: int,
    admin: AdminService,
    keys: KeyStore,
    require_key: bool = False,
    max_file_mb: float = 5.0,
    upload_cache: UploadCache | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM); ``keys`` guard the API."""
    app_kwargs = {}
    if upload_cache is not None:
        upload_cache.prepare()  # before the Blocks: Gradio reads the folder when they are built
        app_kwargs["middleware"] = [Middleware(upload_cache.middleware)]
    demo = build_ui(service, admin)
    if upload_cache is not None:
        upload_cache.keep_built()
    app = gr.mount_gradio_app(
        create_api(service, admin, keys, admin.feedback, require_key),
        demo,
        path="/",
        server_name=host,
        server_port=port,
        app_kwargs=app_kwargs,
        max_file_size=f"{int(max_file_mb * 1024)}kb",  # Gradio refuses bigger uploads early
        css=CSS + WORKSPACE_CSS,
        css_paths=[STATIC / "chat.css"],
        head=(
            f"<style>{(STATIC / 'page.css').read_text(encoding='utf-8')}</style>"
            f"<script>{(STATIC / 'chat.js').read_text(encoding='utf-8')}</script>"
        ),
        footer_links=[],
        show_error=False,
    )
    url = f"http://{host}:{port}"
    print(f"* planqa chat on {url}/ · API docs {url}/api/docs · OpenAI-compatible {url}/v1")
    # open streams (a chat page's queue) do not hold a stop up for more than a few seconds
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)
