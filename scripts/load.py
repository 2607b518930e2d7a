"""Load test: concurrent users against a running ``planqa serve`` (loopback only).

    .venv/bin/python scripts/load.py [--clients 20] [--questions 25] [--api]

Starts its own server on a free port over a fresh data directory, asks every
question once alone (the reference answers), then has N clients ask M questions
each at the same time, and reports errors, answers that differ from the
reference, and latency percentiles. By default the clients are chat users
(gradio_client, the cited clauses compared); with ``--api`` they call
``POST /api/ask`` (httpx, the whole answer JSON compared).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import clean_env, running_server  # noqa: E402


def questions() -> list[str]:
    files = [ROOT / "eval" / "dev.jsonl", ROOT / "eval" / "extra.jsonl"]
    out = []
    for path in files:
        if path.is_file():
            out += [json.loads(line)["question"] for line in path.read_text("utf-8").splitlines()]
    return out


def chat_asker(url: str) -> Callable[[str], Any]:
    """One chat user: the cited clauses the chat shows for a question."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    return lambda question: client.predict(question, [], api_name="/ask")[1]


def api_asker(url: str) -> Callable[[str], Any]:
    """One API client: the answer JSON of ``POST /api/ask``."""
    import httpx

    client = httpx.Client(base_url=url, timeout=120)

    def ask(question: str) -> Any:
        response = client.post("api/ask", json={"question": question})
        response.raise_for_status()
        return response.json()

    return ask


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--questions", type=int, default=25)
    parser.add_argument("--api", action="store_true", help="drive POST /api/ask, not the chat")
    args = parser.parse_args()
    make_asker = api_asker if args.api else chat_asker

    pool = questions()
    with tempfile.TemporaryDirectory() as tmp, running_server(clean_env(Path(tmp) / "data")) as url:
        alone = make_asker(url)
        reference = {q: alone(q) for q in pool}
        latencies: list[float] = []
        errors: list[str] = []
        mismatches: list[str] = []
        lock = threading.Lock()

        def user(n: int) -> None:
            ask = make_asker(url)
            for i in range(args.questions):
                question = pool[(n * args.questions + i) % len(pool)]
                start = time.perf_counter()
                try:
                    citations = ask(question)
                except Exception as exc:  # recorded, not raised: the run reports every failure
                    with lock:
                        errors.append(f"{question}: {exc}")
                    continue
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    latencies.append(elapsed)
                    if citations != reference[question]:
                        mismatches.append(question)

        started = time.perf_counter()
        threads = [threading.Thread(target=user, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    latencies.sort()
    total = args.clients * args.questions
    face = "POST /api/ask" if args.api else "chat (gradio_client)"
    print(
        f"{face}: {args.clients} clients × {args.questions} questions = {total} requests in {wall:.1f} s"
    )
    print(
        f"errors: {len(errors)}; answers differing from the single-user answer: {len(mismatches)}"
    )
    if latencies:
        p95 = latencies[max(0, int(0.95 * len(latencies)) - 1)]
        print(f"latency p50 {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms")
    for line in (errors + mismatches)[:10]:
        print("  ", line)
    sys.exit(1 if errors or mismatches else 0)


if __name__ == "__main__":
    main()
