"""Processes sharing a data directory see one knowledge base: a server loads what another
process ingests, replaces or removes within seconds, and answers correctly throughout."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import clean_env, running_server

pytestmark = pytest.mark.slow
PLAN_QUESTION = "广东民营资本能在黑龙江设立什么金融机构？"
NEW_QUESTION = "冰雪装备产业园由谁建设？"
SEEN_WITHIN = 5.0  # seconds from the other process's exit to the first answer showing it


def cited(citations: str) -> list[str]:
    """The clause ids an answer cites, in order (highlights may shift with the corpus)."""
    return re.findall(r'data-clause-id="([^"]+)"', citations)


def write_plan(folder: Path, city: str) -> Path:
    path = folder / "ice-equipment.txt"
    path.write_text(
        "冰雪装备产业专项方案\n一、重点任务\n"
        f"（一）冰雪装备产业园。冰雪装备产业园由{city}负责建设，2025年建成投产。\n"
        "（二）装备研发。支持冰雪装备企业研发滑雪板、造雪机等产品。\n",
        encoding="utf-8",
    )
    return path


def test_a_server_follows_ingest_replace_and_remove_by_another_process(
    copied_data_dir: Path, tmp_path: Path
):
    from gradio_client import Client

    env = clean_env(copied_data_dir)
    folder = tmp_path / "plans"
    folder.mkdir()

    def planqa(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "app.cli", *args], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr

    with running_server(env) as url:
        client = Client(url, verbose=False)
        first = client.predict(PLAN_QUESTION, [], api_name="/ask")[1]
        assert "金融机构" in first
        reference = cited(first)
        waits = []

        def wait_until(shown) -> None:
            """Ask until the new-plan answer shows the change; the plan's answer never moves."""
            start = time.monotonic()
            while True:
                assert cited(client.predict(PLAN_QUESTION, [], api_name="/ask")[1]) == reference
                citations = client.predict(NEW_QUESTION, [], api_name="/ask")[1]
                if shown(citations):
                    waits.append(time.monotonic() - start)
                    return
                assert time.monotonic() - start < SEEN_WITHIN, citations

        planqa("ingest", str(write_plan(folder, "哈尔滨市")))
        wait_until(lambda c: "ice-equipment:" in c and "哈尔滨市负责建设" in c)
        planqa("ingest", str(write_plan(folder, "齐齐哈尔市")))
        wait_until(lambda c: "齐齐哈尔市负责建设" in c and "哈尔滨市负责建设" not in c)
        planqa("docs", "remove", "ice-equipment")
        wait_until(lambda c: "ice-equipment:" not in c)
        print(f"change seen after {', '.join(f'{w:.2f}' for w in waits)} s")
