"""The Gradio chat, served for real: through gradio_client and in headless Chromium."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.helpers import clean_env, open_page, running_server, write_ice_notice

pytestmark = pytest.mark.slow


@pytest.fixture
def server_url(copied_data_dir: Path):
    with running_server(clean_env(copied_data_dir)) as url:
        yield url


def test_chat_api_returns_answer_and_cited_clause(server_url: str):
    from gradio_client import Client

    client = Client(server_url, verbose=False)
    history, citations, stored, notice = client.predict(
        "对口合作所需经费怎么负担？", [], api_name="/ask"
    )
    reply = history[-1]["content"]
    reply_text = reply[0]["text"] if isinstance(reply, list) else reply
    assert "分级负担原则" in reply_text and "[1]" in reply_text
    assert "五、保障措施 › （一）完善工作机制" in citations
    assert "<mark>" in citations and notice == ""
    assert stored[0]["question"] == "对口合作所需经费怎么负担？"  # kept in the browser


def test_question_with_markup_is_shown_as_text(server_url: str):
    from gradio_client import Client

    client = Client(server_url, verbose=False)
    history, *_ = client.predict("<b>两省</b>高校怎么合作？", [], api_name="/ask")
    question = history[0]["content"]
    question_text = question[0]["text"] if isinstance(question, list) else question
    assert question_text == "\\<b>两省\\</b>高校怎么合作？"  # shown as typed, not as markup


def test_chat_limited_to_chosen_documents_shows_their_metadata(
    copied_data_dir: Path, tmp_path: Path
):
    import subprocess
    import sys

    from gradio_client import Client

    notice = write_ice_notice(tmp_path)
    env = clean_env(copied_data_dir)
    subprocess.run(
        [sys.executable, "-m", "app.cli", "ingest", str(notice)], env=env, check=True, timeout=300
    )
    with running_server(env) as url:
        client = Client(url, verbose=False)
        question = "领导小组办公室设在哪里？"
        _, scoped, *_ = client.predict(question, [], ["ice-notice"], api_name="/ask")
        assert 'data-clause-id="ice-notice:1"' in scoped and "hlj-gd" not in scoped
        assert "黑政办发〔2021〕15号" in scoped and "2021年6月1日" in scoped
        _, everything, *_ = client.predict(question, [], [], api_name="/ask")
        assert 'data-clause-id="hlj-gd-counterpart-cooperation-plan-2018:5.1"' in everything


@pytest.mark.browser
def test_chat_in_headless_chromium(server_url: str, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser, page = open_page(p, server_url)
        page.locator("#question textarea").fill("广东民营资本能在黑龙江设立什么金融机构？")
        page.locator("#ask").click()
        cited = page.locator("#citations .citation").first
        cited.wait_for(timeout=30_000)
        assert re.search(r"民营经济发展", cited.inner_text())
        assert "中小型银行、金融租赁公司和融资担保公司" in cited.inner_text()
        assert cited.locator("mark").count() >= 1
        assert "融资担保公司" in page.locator("#chat").inner_text()
        browser.close()


@pytest.mark.browser
def test_each_workspace_tab_in_headless_chromium(server_url: str, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    target = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    target.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser, page = open_page(p, server_url)

        page.get_by_role("tab", name="政策查找").click()
        page.locator("#support-description textarea").fill("广东的养老服务企业，想在黑龙江开养老院")
        page.locator("#support-find").click()
        results = page.locator("#support-results")
        results.locator(".citation").first.wait_for(timeout=30_000)
        assert "养老机构落地黑龙江省" in results.inner_text()
        page.screenshot(path=str(target / "support.png"), full_page=True)

        page.get_by_role("tab", name="培训测验").click()
        page.locator("#quiz-make").click()
        quiz = page.locator("#quiz-results .quiz-question")
        quiz.first.wait_for(timeout=30_000)
        assert quiz.count() == 10
        quiz.first.locator("summary").click()
        assert "答案：" in quiz.first.locator(".quiz-answer").inner_text()
        page.screenshot(path=str(target / "quiz.png"), full_page=True)

        page.get_by_role("tab", name="方案目录").click()
        page.locator("#outline-tree summary", has_text="五、保障措施").click()
        page.locator("#outline-tree summary", has_text="（一）完善工作机制").click()
        text = page.locator('#outline-tree details[data-id$=":5.1"] .clause-text')
        assert "领导小组办公室设在省发展改革委" in text.inner_text()
        page.screenshot(path=str(target / "outline.png"), full_page=True)

        page.get_by_role("tab", name="责任分工").click()
        page.locator("#duties-party input").click()
        page.locator("#duties-party input").fill("省长")
        page.get_by_role("option", name="省长", exact=True).click()
        table = page.locator("#duties-table")
        page.wait_for_function(
            "() => document.querySelector('#duties-table').innerText.includes('任组长')",
            timeout=30_000,
        )
        assert "（一）完善工作机制" in table.inner_text()
        page.keyboard.press("Escape")
        page.screenshot(path=str(target / "duties.png"))

        page.get_by_role("tab", name="时间节点").click()
        timeline = page.locator("#timeline-table")
        timeline.wait_for()
        assert "2018—2019年" in timeline.inner_text()
        page.screenshot(path=str(target / "timeline.png"))
        browser.close()


@pytest.mark.browser
def test_markup_in_documents_and_questions_never_runs(copied_data_dir: Path, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    from app.service import ingest_paths, open_knowledge_base
    from app.settings import Settings

    evil = tmp_path / "evil.txt"  # plain text keeps the markup (Markdown reading drops tags)
    evil.write_text(
        "恶意测试方案\n一、冰雪装备合作\n推动冰雪装备合作<script>window.__pwned='script'</script>，"
        "支持<img src=x onerror=\"window.__pwned='img'\">冰雪装备企业发展，[点我](javascript:window.__pwned='md')。"
        "广东省协助<img src=x onerror=\"window.__pwned='duty'\">黑龙江省建设冰雪装备产业园。"
        "每年<b onmouseover=\"window.__pwned='when'\">举办</b>冰雪论坛。"
        "发展冰雪装备、<i>冰雪旅游</i>、冰雪体育、冰雪文化等产业。",
        encoding="utf-8",
    )
    ingest_paths(open_knowledge_base(Settings(data_dir=copied_data_dir)), [evil])
    with running_server(clean_env(copied_data_dir)) as url, sync_playwright() as p:
        browser, page = open_page(p, url)
        page.locator("#question textarea").fill(
            "冰雪装备合作<img src=x onerror=\"window.__pwned='question'\">有哪些？"
        )
        page.locator("#ask").click()
        page.locator("#citations .citation").first.wait_for(state="attached", timeout=30_000)
        for link in page.locator("#chat a").all():
            link.click()
        for folded in page.locator("#citations details summary").all():
            folded.click()  # the related clauses are folded: open them to read them
        assert "<script>window.__pwned" in page.locator("#citations").inner_text()
        assert "<img src=x" in page.locator("#chat").inner_text()
        page.get_by_role("tab", name="方案目录").click()
        page.locator("#outline-tree summary", has_text="一、冰雪装备合作").click()
        assert "onerror" in page.locator("#outline-tree").inner_text()
        page.get_by_role("tab", name="政策查找").click()
        page.locator("#support-description textarea").fill(
            "冰雪装备企业<script>window.__pwned=1</script>"
        )
        page.locator("#support-find").click()
        page.locator("#support-results .citation").first.wait_for(timeout=30_000)
        page.get_by_role("tab", name="培训测验").click()
        page.locator("#quiz-make").click()
        page.locator("#quiz-results .quiz-question").first.wait_for(timeout=30_000)
        page.get_by_role("tab", name="责任分工").click()
        page.locator("#duties-table").hover()
        page.get_by_role("tab", name="时间节点").click()
        page.locator("#timeline-table").hover()
        assert page.evaluate("window.__pwned") is None
        browser.close()


@pytest.mark.browser
def test_admin_tab_login_upload_and_remove(copied_data_dir: Path, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    plan = tmp_path / "ice-economy.md"
    plan.write_text(
        "冰雪经济合作方案\n一、重点任务\n（一）冰雪装备。支持两省共建冰雪装备产业园。\n",
        encoding="utf-8",
    )
    env = clean_env(copied_data_dir, PLANQA_ADMIN_PASSWORD="tab-secret")
    with running_server(env) as url, sync_playwright() as p:
        browser, page = open_page(p, url)
        page.get_by_role("tab", name="知识库管理").click()
        page.locator("#admin-user").locator("input, textarea").fill("admin")
        page.locator("#admin-password").locator("input, textarea").fill("wrong")
        page.locator("#admin-login").click()
        page.wait_for_function("document.querySelector('#admin-status').innerText.includes('错误')")
        assert not page.locator("#admin-add").is_visible()

        page.locator("#admin-password").locator("input, textarea").fill("tab-secret")
        page.locator("#admin-login").click()
        page.locator("#admin-add").wait_for(state="visible", timeout=30_000)
        assert (
            "hlj-gd-counterpart-cooperation-plan-2018"
            in page.locator("#admin-documents").inner_text()
        )
        page.locator("#admin-file input[type=file]").set_input_files(str(plan))
        page.locator("#admin-add").click()
        page.wait_for_function(
            "document.querySelector('#admin-status').innerText.includes('已导入')", timeout=60_000
        )
        assert "ice-economy" in page.locator("#admin-documents").inner_text()
        uploads = copied_data_dir / "upload-cache"
        assert not any(p.name == plan.name for p in uploads.rglob("*"))  # removed once imported

        page.get_by_role("tab", name="对话").click()
        page.locator("#question textarea").fill("冰雪装备产业园由谁共建？")
        page.locator("#ask").click()
        page.locator("#citations .citation").first.wait_for(timeout=30_000)
        assert "冰雪经济合作方案" in page.locator("#citations").inner_text()
        page.get_by_role("tab", name="方案目录").click()  # rebuilt when opened: no restart needed
        page.wait_for_function(
            "document.querySelector('#outline-tree').innerText.includes('冰雪经济合作方案')",
            timeout=30_000,
        )

        page.get_by_role("tab", name="知识库管理").click()
        page.locator("#admin-remove-doc input").click()
        page.get_by_role("option", name=re.compile("冰雪经济合作方案")).click()
        page.locator("#admin-remove").click()
        page.locator("#admin-confirm-yes").click()
        page.wait_for_function(
            "document.querySelector('#admin-status').innerText.includes('已删除')", timeout=30_000
        )
        assert "ice-economy" not in page.locator("#admin-documents").inner_text()
        page.screenshot(path=str(tmp_path / "admin.png"))
        browser.close()
