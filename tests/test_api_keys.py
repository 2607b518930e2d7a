"""API keys over HTTP against a real ``planqa serve``: keys made with ``planqa keys``, read
routes open unless PLANQA_API_REQUIRE_KEY is on, admin routes only for admin keys, and
every admin action (and a failed login) in the audit trail."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest

from tests.conftest import PLAN_ID
from tests.helpers import clean_env, raw_call, running_server

pytestmark = pytest.mark.slow
QUESTION = "领导小组办公室设在哪里？"
PLAN = "冰雪经济合作方案\n一、重点任务\n（一）冰雪装备。支持两省共建冰雪装备产业园。\n"


def planqa(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        env=clean_env(data_dir), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_keys_are_printed_once_listed_without_the_key_and_revoked(tmp_path: Path):
    data_dir = tmp_path / "data"
    key = planqa(data_dir, "keys", "create", "--role", "reader", "--name", "oa-bot").stdout
    listed = planqa(data_dir, "keys", "list").stdout
    assert key.startswith("pqk_") and key.strip() not in listed
    assert listed.split("\t")[1:4][:2] == ["oa-bot", "reader"] and listed.rstrip().endswith("-")
    assert "revoked oa-bot" in planqa(data_dir, "keys", "revoke", "oa-bot").stdout
    assert planqa(data_dir, "keys", "list").stdout.rstrip()[-19:-9].count("-") == 2  # a date
    taken = subprocess.run(
        [sys.executable, "-m", "app.cli", "keys", "create", "--role", "admin", "--name", "oa-bot"],
        env=clean_env(data_dir), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert taken.returncode == 2 and "a key named 'oa-bot' exists already" in taken.stderr


def test_missing_revoked_and_reader_keys_are_refused_admin_keys_may_change_things(
    copied_data_dir: Path, tmp_path: Path
):
    admin_key = planqa(copied_data_dir, "keys", "create", "--role", "admin", "--name", "ops")
    admin = bearer(admin_key.stdout.strip())
    reader_key = planqa(copied_data_dir, "keys", "create", "--role", "reader", "--name", "bot")
    reader = {"X-API-Key": reader_key.stdout.strip()}
    gone = planqa(copied_data_dir, "keys", "create", "--role", "admin", "--name", "old")
    planqa(copied_data_dir, "keys", "revoke", "old")
    plan = tmp_path / "ice-economy.md"
    plan.write_text(PLAN, encoding="utf-8")
    env = clean_env(copied_data_dir, PLANQA_API_REQUIRE_KEY="true", PLANQA_ADMIN_PASSWORD="pw")
    with running_server(env) as served:
        url = served.rstrip("/")
        asked = {"question": QUESTION}
        refused = httpx.post(f"{url}/api/ask", json=asked, timeout=60)
        assert refused.status_code == 401
        assert refused.json()["detail"].startswith("an API key is required")
        revoked = httpx.post(f"{url}/api/ask", json=asked, headers=bearer(gone.stdout.strip()))
        assert revoked.status_code == 401 and revoked.json()["detail"] == (
            "the API key 'old' was revoked"
        )
        forged = httpx.get(f"{url}/api/documents", headers=bearer("pqk_0000_guess"))
        assert forged.status_code == 401
        answer = httpx.post(f"{url}/api/ask", json=asked, headers=reader, timeout=60).json()
        assert answer["citations"][0]["clause_id"] == f"{PLAN_ID}:5.1"

        from openai import AuthenticationError, OpenAI

        with pytest.raises(AuthenticationError, match="not valid for this server"):
            OpenAI(base_url=f"{url}/v1", api_key="none", timeout=60).models.list()
        client = OpenAI(base_url=f"{url}/v1", api_key=reader["X-API-Key"], timeout=60)
        assert [m.id for m in client.models.list()] == ["planqa"]

        def upload(headers: dict[str, str]) -> httpx.Response:
            with plan.open("rb") as handle:
                files = {"file": ("ice-economy.md", handle)}
                return httpx.post(f"{url}/api/documents", files=files, headers=headers, timeout=60)

        assert upload({}).status_code == 401
        as_reader = upload(reader)
        assert as_reader.status_code == 403
        assert as_reader.json()["detail"] == "this needs an admin key; 'bot' is a reader key"
        assert httpx.delete(f"{url}/api/documents/{PLAN_ID}", headers=reader).status_code == 403
        assert httpx.get(f"{url}/api/audit", headers=reader).status_code == 403
        assert upload(admin).json() == {
            "added": ["ice-economy"], "replaced": [], "unchanged": [], "passages": 1,
        }  # fmt: skip
        listed = httpx.get(f"{url}/api/documents", headers=reader).json()
        assert "ice-economy" in [d["doc_id"] for d in listed]
        removed = httpx.delete(f"{url}/api/documents/ice-economy", headers=admin)
        assert removed.json() == {"doc_id": "ice-economy", "passages_removed": 1}
        assert httpx.delete(f"{url}/api/documents/ice-economy", headers=admin).status_code == 404

        config = httpx.get(f"{url}/config").json()
        password = next(
            c["id"] for c in config["components"]
            if c.get("props", {}).get("elem_id") == "admin-password"
        )  # fmt: skip
        login = next(d["id"] for d in config["dependencies"] if password in d["inputs"])
        raw_call(f"{url}/", login, ["admin", "guess"], uuid.uuid4().hex)

        trail = httpx.get(f"{url}/api/audit", headers=admin).json()
    seen = [(e["action"], e["actor"], e["detail"]) for e in reversed(trail)]
    assert seen == [
        ("key_create", seen[0][1], "ops (admin)"),
        ("key_create", seen[0][1], "bot (reader)"),
        ("key_create", seen[0][1], "old (admin)"),
        ("key_revoke", seen[0][1], "old (admin)"),
        ("upload", "key ops", "ice-economy (ice-economy.md, 1 passages)"),
        ("remove", "key ops", "ice-economy (1 passages)"),
        ("login_failed", "admin", "wrong user or password"),
    ]
    assert seen[0][1].startswith("cli ")
    assert {e["address"] for e in trail if e["actor"] != seen[0][1]} == {"127.0.0.1"}
    assert not any(e["action"] == "question" for e in trail)  # PLANQA_LOG_QUESTIONS is off


def test_admin_routes_need_an_admin_key_even_when_reads_are_open(copied_data_dir: Path):
    with running_server(clean_env(copied_data_dir, PLANQA_LOG_QUESTIONS="1")) as served:
        url = served.rstrip("/")
        asked = httpx.post(f"{url}/api/ask", json={"question": QUESTION}, timeout=60)
        assert asked.status_code == 200  # open, as the chat is
        proxied = {"X-Forwarded-For": "127.0.0.1"}  # a proxy on this host: still no way in
        assert httpx.get(f"{url}/api/audit", headers=proxied).status_code == 401
        assert httpx.delete(f"{url}/api/documents/{PLAN_ID}").status_code == 401
        assert httpx.get(f"{url}/api/feedback").status_code == 401
        key = planqa(copied_data_dir, "keys", "create", "--role", "admin").stdout.strip()
        trail = httpx.get(f"{url}/api/audit?action=question", headers=bearer(key)).json()
    assert [(e["actor"], e["address"], e["detail"]) for e in trail] == [
        ("anonymous", "127.0.0.1", QUESTION)
    ]
