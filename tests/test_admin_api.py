"""The admin functions through the real Gradio endpoint: login delays after failures, and no
function changes the knowledge base without a login, however it is called."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from tests.conftest import PLAN_ID
from tests.helpers import clean_env, raw_call, running_server

pytestmark = pytest.mark.slow
PASSWORD = "api-secret"


def admin_server(data_dir: Path, **extra: str):
    return running_server(clean_env(data_dir, PLANQA_ADMIN_PASSWORD=PASSWORD, **extra))


def function_with_input(config: dict, elem_id: str) -> int:
    """The raw index of the function that reads the component with ``elem_id``."""
    ids = {c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == elem_id}
    return next(d["id"] for d in config["dependencies"] if ids & set(d["inputs"]))


def test_login_waits_after_five_failures_then_the_right_password_works(copied_data_dir: Path):
    with admin_server(copied_data_dir, PLANQA_ADMIN_LOGIN_DELAY="1.5") as url:
        config = httpx.get(f"{url}config").json()
        login = function_with_input(config, "admin-password")
        api = httpx.get(f"{url}gradio_api/info").json()
        assert not any("login" in name for name in api["named_endpoints"])  # not described

        def status(password: str) -> str:
            done = raw_call(url, login, ["admin", password], uuid.uuid4().hex)
            assert done["success"], done
            return done["output"]["data"][1]

        for _ in range(4):
            assert status("guess") == '<p class="notice">用户名或密码错误。</p>'
        assert "用户名或密码错误。登录失败次数过多，请在 2 秒后再试。" in status("guess")
        assert "登录失败次数过多" in status(PASSWORD)  # even the right one, while it waits
        time.sleep(1.6)
        assert status(PASSWORD) == '<p class="notice">已登录。</p>'


def docs_list(data_dir: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "docs", "list", "--json"],
        env=clean_env(data_dir), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_function_called_by_raw_index_without_login_changes_nothing(
    copied_data_dir: Path, tmp_path: Path
):
    listed = docs_list(copied_data_dir)
    stamp = (copied_data_dir / "version").read_text()
    upload = tmp_path / "ice.md"
    upload.write_text(
        "冰雪方案\n一、任务\n（一）冰雪装备。共建冰雪装备产业园。\n", encoding="utf-8"
    )
    with admin_server(copied_data_dir) as url:
        config = httpx.get(f"{url}config").json()
        kinds = {c["id"]: c["type"] for c in config["components"]}
        with upload.open("rb") as handle:
            stored = httpx.post(f"{url}gradio_api/upload", files={"files": handle}).json()[0]
        file_data = {"path": stored, "orig_name": "ice.md", "meta": {"_type": "gradio.FileData"}}
        values = {"textbox": PLAN_ID, "file": file_data, "state": "forged-session"}
        called = []
        for dependency in config["dependencies"]:
            data = [values.get(kinds[i]) for i in dependency["inputs"]]
            done = raw_call(url, dependency["id"], data, uuid.uuid4().hex)
            called.append(json.dumps(done.get("output"), ensure_ascii=False))
        assert len(called) >= 10
        # upload, asking to remove, confirming the removal, turning feedback into a case
        assert sum("请先登录" in output for output in called) == 4
    assert docs_list(copied_data_dir) == listed and PLAN_ID in listed
    assert (copied_data_dir / "version").read_text() == stamp
    assert not (copied_data_dir / "uploads").exists()
