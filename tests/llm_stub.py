"""A tiny OpenAI-compatible chat endpoint on localhost, so tests exercise the real client.

``StubLLM.reply`` decides each answer from the request's messages; ``status`` and
``delay`` simulate a failing or slow endpoint. Requests are recorded.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = Callable[[list[dict[str, Any]]], str]


class StubLLM:
    def __init__(self) -> None:
        self.reply: Reply = lambda messages: "方案没有涉及这个问题"
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict[str, Any]] = []
        self.url = ""  # OpenAI-compatible base URL (…/v1)
        self.root = ""  # the server itself, as Ollama's base URL


def _chunk(content: str | None, finish: str | None = None) -> bytes:
    delta = {} if content is None else {"role": "assistant", "content": content}
    body = {
        "id": "stub", "object": "chat.completion.chunk", "created": 0, "model": "stub",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }  # fmt: skip
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n".encode()


def _ollama_line(content: str, done: bool) -> bytes:
    body: dict[str, Any] = {
        "model": "stub", "created_at": "2026-01-01T00:00:00Z",
        "message": {"role": "assistant", "content": content}, "done": done,
    }  # fmt: skip
    if done:
        body.update(done_reason="stop", total_duration=1, eval_count=1, prompt_eval_count=1)
    return (json.dumps(body, ensure_ascii=False) + "\n").encode()


def _handler(stub: StubLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            stub.requests.append(request)
            time.sleep(stub.delay)
            if stub.status != 200:
                self.send_response(stub.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"error": {"message": "stub failure", "type": "server_error"}}')
                return
            text = stub.reply(request["messages"])
            self.send_response(200)
            if self.path.startswith("/api/chat"):  # Ollama's API: one JSON object a line
                self.send_header("Content-Type", "application/x-ndjson")
                self.end_headers()
                for i in range(0, len(text), 4):
                    self.wfile.write(_ollama_line(text[i : i + 4], done=False))
                self.wfile.write(_ollama_line("", done=True))
                return
            if request.get("stream"):
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for i in range(0, len(text), 4):
                    self.wfile.write(_chunk(text[i : i + 4]))
                self.wfile.write(_chunk(None, "stop") + b"data: [DONE]\n\n")
                return
            body = {
                "id": "stub", "object": "chat.completion", "created": 0, "model": "stub",
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": text}}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }  # fmt: skip
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(body, ensure_ascii=False).encode())

    return Handler


@contextmanager
def running_stub() -> Iterator[StubLLM]:
    stub = StubLLM()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stub))
    server.daemon_threads = True
    stub.root = f"http://127.0.0.1:{server.server_address[1]}"
    stub.url = f"{stub.root}/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
