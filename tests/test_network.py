"""Nothing leaves the machine: ingest, ask and serve (the chat, /api and /v1) make no
non-loopback connection."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import clean_env, open_page, running_server

pytestmark = pytest.mark.slow
NETGUARD = Path(__file__).with_name("netguard")


def guarded_env(data_dir: Path, log: Path) -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(NETGUARD), os.environ.get("PYTHONPATH")]))
    env = clean_env(data_dir, NETGUARD_LOG=str(log), PYTHONPATH=path)
    # the application itself must switch these off; the test does not do it for it
    for name in ("HF_HUB_OFFLINE", "GRADIO_ANALYTICS_ENABLED", "ANONYMIZED_TELEMETRY"):
        env.pop(name, None)
    return env


def test_guard_sees_an_outbound_attempt(tmp_path: Path):
    log = tmp_path / "net.log"
    code = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 9), timeout=0.01)\nexcept OSError:\n    pass"
    env = guarded_env(tmp_path / "data", log)
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert "192.0.2.1" in log.read_text()


def test_ingest_ask_serve_stay_on_loopback(tmp_path: Path):
    import httpx
    from gradio_client import Client
    from openai import OpenAI
    from playwright.sync_api import sync_playwright

    log = tmp_path / "net.log"
    log.touch()
    env = guarded_env(tmp_path / "data", log)
    cli = [sys.executable, "-m", "app.cli"]
    subprocess.run([*cli, "ingest"], env=env, check=True, timeout=300, capture_output=True)
    subprocess.run(
        [*cli, "ask", "What support does the plan give to logistics?", "--json"],
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
    )
    with running_server(env) as url:
        answer = Client(url, verbose=False).predict("海关通关有什么安排？", [], api_name="/ask")
        assert "海关" in answer[1]
        asked = httpx.post(f"{url}api/ask", json={"question": "两省高校怎么合作？"}, timeout=60)
        assert asked.json()["citations"]
        client = OpenAI(base_url=f"{url}v1", api_key="none", timeout=60)
        messages = [{"role": "user", "content": "两省高校怎么合作？"}]
        chunks = client.chat.completions.create(model="planqa", messages=messages, stream=True)
        assert "来源：" in "".join(c.choices[0].delta.content or "" for c in chunks)
        with sync_playwright() as p:  # a browser session too: the page's own requests
            browser, page = open_page(p, url)
            page.locator("#question textarea").fill("两省高校怎么合作？")
            page.locator("#ask").click()
            page.locator("#citations .citation").first.wait_for(timeout=30_000)
            for tab in ("政策查找", "培训测验", "方案目录", "责任分工", "时间节点"):
                page.get_by_role("tab", name=tab).click()
            browser.close()
    assert log.read_text() == "", f"outbound connections: {log.read_text()}"
