"""Starting ``planqa serve`` for tests: a real server on a free loopback port."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_ice_notice(folder: Path) -> Path:
    """A second document with a 文号, an issuer, a date and its own 领导小组办公室."""
    notice = folder / "ice-notice.txt"
    notice.write_text(
        "黑政办发〔2021〕15号\n黑龙江省人民政府办公厅关于印发冰雪旅游专项方案的通知\n"
        "一、组织领导\n成立冰雪旅游工作领导小组，领导小组办公室设在省文化和旅游厅。\n"
        "黑龙江省人民政府办公厅\n2021年6月1日\n",
        encoding="utf-8",
    )
    return notice


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANQA_")}
    env["PLANQA_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def planqa(
    *args: str, data_dir: Path, stdin: str | None = None, **extra: str
) -> subprocess.CompletedProcess:
    """Runs ``python -m app.cli`` as a user would: on ``data_dir``, with no PLANQA_* from
    outside but ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANQA_")}
    env["PLANQA_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@contextmanager
def running_server(env: dict[str, str], timeout: float = 120) -> Iterator[str]:
    """Run ``planqa serve`` until the block ends; yields its URL once it answers HTTP."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"planqa serve exited: {process.stdout.read()}")
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def running_chroma(path: Path, timeout: float = 60) -> Iterator[str]:
    """``chroma run`` on a free loopback port, storing under ``path``; yields its URL."""
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2)
                break
            except OSError:
                assert server.poll() is None, "chroma run exited"
                assert time.monotonic() < deadline, "chroma run did not answer"
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def open_page(playwright, url: str):
    """Debian's Chromium, headless and with no background traffic, on ``url``."""
    chromium = shutil.which("chromium")
    assert chromium, "install Chromium: apt-get install -y chromium fonts-noto-cjk"
    browser = playwright.chromium.launch(
        executable_path=chromium,
        args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run",
        ],
    )  # fmt: skip
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    return browser, page


def raw_call(url: str, fn_index: int, data: list, session_hash: str, timeout: float = 60) -> dict:
    """Call a Gradio function by its raw index, as any HTTP client can (no gradio_client).

    Returns the ``process_completed`` message: ``success`` and ``output`` ``data``.
    """
    import httpx

    with httpx.Client(base_url=url, timeout=timeout) as http:
        joined = http.post(
            "gradio_api/queue/join",
            json={"data": data, "fn_index": fn_index, "session_hash": session_hash,
                  "event_data": None, "trigger_id": None},
        )  # fmt: skip
        joined.raise_for_status()
        with http.stream(
            "GET", "gradio_api/queue/data", params={"session_hash": session_hash}
        ) as r:
            for line in r.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return message
    raise AssertionError(f"function {fn_index} never completed")


def scrolled_to(page, selector: str) -> None:
    """Waits until the element is shown with its top inside the window."""
    page.wait_for_function(
        "(selector) => { const r = document.querySelector(selector).getBoundingClientRect();"
        " return r.height > 0 && r.top >= 0 && r.top < window.innerHeight; }",
        arg=selector,
        timeout=5_000,
    )


def settled(page) -> None:
    """Returns once the page has stopped scrolling (a smooth scroll has ended)."""
    page.evaluate(
        """() => new Promise((done) => {
          let last = null;
          const look = () => {
            if (scrollY === last) done(); else { last = scrollY; setTimeout(look, 200); }
          };
          look();
        })"""
    )


def top_seen(locator) -> bool:
    """Whether the element's top line is inside the window and not covered by anything."""
    return locator.evaluate(
        """(el) => {
          const r = el.getBoundingClientRect();
          const seen = document.elementFromPoint(r.left + 16, r.top + 8);
          return r.top >= 0 && seen !== null && el.contains(seen);
        }"""
    )


# the tabs every page shows (知识库管理 comes after them when an admin password is set)
TABS = ("对话", "原文阅读", "政策查找", "培训测验", "方案目录", "责任分工", "时间节点")
