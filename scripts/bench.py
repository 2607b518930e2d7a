"""Speed and memory figures for docs/benchmarks.md (run: .venv/bin/python scripts/bench.py).

- warm ``ask`` latency (p50/p95) over the dev questions, in process;
- first answer after ``planqa serve`` on a fresh data directory (building the knowledge base);
- peak RSS of the ``serve`` process after that and 50 more questions.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.service import build_service  # noqa: E402
from app.settings import Settings  # noqa: E402
from tests.helpers import clean_env, free_port  # noqa: E402

DEV = ROOT / "eval" / "dev.jsonl"  # a copy of ../shared/eval/dev.jsonl, shipped


def questions() -> list[str]:
    return [json.loads(line)["question"] for line in DEV.read_text("utf-8").splitlines() if line]


def ask_latency(service, rounds: int) -> dict[str, float]:
    """Warm extractive ``ask`` over the dev questions, each timed as a new question."""
    qs = questions()
    for q in qs:
        service.ask(q)  # warm
    times = []
    for _ in range(rounds):
        for q in qs:
            service.kb.forget_queries()  # time a question as if new
            t = time.perf_counter()
            service.ask(q)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {
        "n": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * len(times)) - 1], 1),
    }


def warm_latency(rounds: int = 5) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        service = build_service(Settings(data_dir=Path(tmp) / "data"))
        build = time.perf_counter() - start
        return {"build_s": build, **ask_latency(service, rounds)}


def generative_overhead(rounds: int = 3) -> dict[str, float]:
    """ask() with a chat model that answers at once (localhost stub) against the extractive path."""
    from tests.llm_stub import running_stub

    qs = [q for q in questions()][:35]
    with tempfile.TemporaryDirectory() as tmp, running_stub() as stub:
        stub.reply = lambda messages: "领导小组办公室设在省发展改革委[1]。"
        data_dir = Path(tmp) / "data"
        extractive = build_service(Settings(data_dir=data_dir))
        llm = build_service(
            Settings(data_dir=data_dir, llm="openai", llm_base_url=stub.url, llm_model="stub")
        )
        timings: dict[str, list[float]] = {"extractive": [], "llm": []}
        for name, service in (("extractive", extractive), ("llm", llm)):
            for q in qs:
                service.ask(q)
            for _ in range(rounds):
                for q in qs:
                    t = time.perf_counter()
                    service.ask(q)
                    timings[name].append((time.perf_counter() - t) * 1000)
    ext, gen = statistics.median(timings["extractive"]), statistics.median(timings["llm"])
    return {"extractive_ms": ext, "llm_ms": gen, "overhead_ms": gen - ext}


def serve_first_answer() -> dict[str, float]:
    from gradio_client import Client

    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        start = time.perf_counter()
        env = clean_env(Path(tmp) / "data")
        process = subprocess.Popen(
            [str(ROOT / ".venv/bin/planqa"), "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    client = Client(f"http://127.0.0.1:{port}/", verbose=False)
                    client.predict("领导小组办公室设在哪里？", [], api_name="/ask")
                    break
                except Exception:
                    if time.perf_counter() - start > 120:
                        raise
                    time.sleep(0.2)
            first = time.perf_counter() - start
            for q in questions()[:50]:
                client.predict(q, [], api_name="/ask")
            status = Path(f"/proc/{process.pid}/status").read_text()
            peak_kb = int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1])
        finally:
            process.terminate()
            process.wait(timeout=30)
    return {"first_answer_s": first, "peak_rss_mb": peak_kb / 1024}


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    warm = warm_latency()
    overhead = generative_overhead()
    serve = serve_first_answer()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"date: {time.strftime('%Y-%m-%d')}")
    print(f"knowledge base build (ingest + embed, in process): {warm['build_s']:.1f} s")
    print(
        f"warm ask latency over {warm['n']} asks: p50 {warm['p50_ms']:.1f} ms, p95 {warm['p95_ms']:.1f} ms"
    )
    print(
        f"generative path with a stub model that answers at once: p50 {overhead['llm_ms']:.1f} ms "
        f"vs extractive {overhead['extractive_ms']:.1f} ms → overhead {overhead['overhead_ms']:.1f} ms "
        "(HTTP round trip to the stub, streaming, verification)"
    )
    print(f"planqa serve, fresh data dir → first answer: {serve['first_answer_s']:.1f} s")
    print(f"planqa serve peak RSS after 51 questions: {serve['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
