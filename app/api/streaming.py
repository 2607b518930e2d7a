"""Server-sent events over the answer service's stream, shared by /api and /v1."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

from fastapi.responses import StreamingResponse

from app.answering import Answer

# proxies (nginx) hold a response back until it is whole unless told not to
_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def started(items: Iterator[str | Answer]) -> Iterator[str | Answer]:
    """The stream with its first item already taken: a bad question or an unknown
    document raises here, while a proper error status can still be sent."""
    first = next(items)
    return itertools.chain([first], items)


def sse(data: Any, event: str | None = None) -> str:
    """One event in the ``text/event-stream`` format; ``data`` as JSON unless a string."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {payload}\n\n"


def event_stream(events: Iterator[str]) -> StreamingResponse:
    """A streamed response; Starlette runs the (CPU-bound) iterator in its thread pool."""
    return StreamingResponse(events, media_type="text/event-stream", headers=_HEADERS)
