"""The chat keeps answering, the same way, while another process ingests documents."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import clean_env, running_server

pytestmark = pytest.mark.slow


def test_questions_are_answered_while_an_ingest_runs(copied_data_dir: Path, tmp_path: Path):
    from gradio_client import Client

    plans = tmp_path / "plans"
    plans.mkdir()
    for i in range(4):
        body = "\n".join(
            f"{t}.专项任务{t}。推进第{i}号专项的第{t}项工作，加强两省交流合作。"
            for t in range(1, 9)
        )
        (plans / f"extra-{i}.txt").write_text(
            f"第{i}号专项方案\n一、任务\n{body}", encoding="utf-8"
        )
    env = clean_env(copied_data_dir)
    question = "领导小组办公室设在哪里？"
    with running_server(env) as url:
        client = Client(url, verbose=False)
        reference = client.predict(question, [], api_name="/ask")[1]
        ingest = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "ingest", str(plans)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        answered = 0
        while ingest.poll() is None:
            assert client.predict(question, [], api_name="/ask")[1] == reference
            answered += 1
        assert ingest.returncode == 0, ingest.stderr.read()
        assert answered >= 3
        assert client.predict(question, [], api_name="/ask")[1] == reference
