"""Reading an answer's sources in headless Chromium, as an official would: the quoted
clause first and the others folded, [n] markers that reach their clause, a refusal's
nearest clauses, a citation opened in 原文阅读 and the reader opened by itself, no
internal ids anywhere and a copied conversation in plain text.

Each test opens its own browser, so its own localStorage, on the one served chat.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.pages import DESKTOP, FINANCE, PHONE, QUOTED, ask, browsing
from tests.conftest import PLAN_ID
from tests.helpers import scrolled_to

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_quoted_clause_first_others_folded_and_markers_scroll(url: str):
    with browsing(url, DESKTOP) as page:
        ask(page, FINANCE, 1)
        latest = page.locator("#sources-1")
        quoted = latest.locator(".citation.quoted")
        assert quoted.count() == 1
        assert "3.民营经济发展" in quoted.locator(".label").inner_text()
        assert quoted.locator("mark").inner_text() == QUOTED
        related = latest.locator("details.related-clauses")
        assert "相关条款" in related.locator("summary").inner_text()
        assert related.locator(".citation").count() == 4
        # not cited, so not numbered like the cited [1]
        labels = related.locator(".label").all_text_contents()
        assert labels and all(label.startswith("相关 ") for label in labels), labels
        assert not related.locator(".citation").first.is_visible()  # folded
        # on a desktop the box stays under the conversation, the sources beside both
        chat, box = page.locator("#chat").bounding_box(), page.locator("#question").bounding_box()
        sources = page.locator("#citations").bounding_box()
        assert chat and box and sources
        assert box["y"] > chat["y"] + chat["height"] and box["x"] + box["width"] < sources["x"]

        ask(page, "黑龙江省2019年的GDP是多少？", 2)  # a refusal: nearest clauses, folded
        refusal = page.locator("#sources-2")
        assert "并不回答这个问题" in refusal.locator(".refusal-note").inner_text()
        assert refusal.locator(".citation.quoted").count() == 0
        assert not refusal.locator("details.related-clauses .citation").first.is_visible()

        # the first answer's [1] still reaches its clause, now folded under 之前的回答
        marker = page.locator("#chat [data-testid=bot]").first.locator("a.cite-ref").first
        assert marker.inner_text() == "[1]"
        target = page.locator("#cite-1-1")
        assert not target.is_visible()
        marker.click()
        scrolled_to(page, "#cite-1-1")
        assert QUOTED in target.locator("mark").inner_text()


def test_citation_opens_the_document_at_its_clause(url: str, screenshots: Path):
    with browsing(url, DESKTOP) as page:
        ask(page, FINANCE, 1)
        page.locator("#cite-1-1 .read-link").click()
        view = page.locator("#reader-view")
        target = view.locator("section.target")
        target.wait_for(timeout=10_000)
        assert page.get_by_role("tab", name="原文阅读", selected=True).is_visible()
        assert target.locator("mark").inner_text() == QUOTED
        assert "3.民营经济发展" in target.inner_text()
        scrolled_to(page, "#reader-view section.target")
        page.screenshot(path=str(screenshots / "reader.png"))
        # the whole document is there, and its outline moves around in it
        assert "一、指导思想" in view.locator(".reader-text").inner_text()
        view.locator(".reader-outline a", has_text="五、保障措施").click()
        scrolled_to(page, "#read-5")


def test_reader_opens_on_the_plan_with_its_outline(url: str):
    with browsing(url, DESKTOP) as page:
        page.get_by_role("tab", name="原文阅读").click()
        view = page.locator("#reader-view")
        title = view.locator(".reader-text h2")
        title.wait_for(timeout=10_000)
        assert title.inner_text() == "黑龙江省与广东省对口合作实施方案"
        assert "五、保障措施" in view.locator(".reader-outline").inner_text()
        chosen = page.locator("#reader-document input").input_value()
        assert chosen == "《黑龙江省与广东省对口合作实施方案》"
        view.locator(".reader-outline a", has_text="二、总体目标").click()
        scrolled_to(page, "#read-2")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_internal_ids_and_copy_gives_plain_text(url: str, viewport: dict[str, int]):
    with browsing(url, viewport) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        question = '两省"高校"&科研院所怎么合作？'
        ask(page, question, 1)
        assert PLAN_ID not in page.locator("body").inner_text()
        assert (
            "黑龙江省与广东省对口合作实施方案"
            in page.locator("#sources-1 .meta").first.inner_text()
        )

        page.locator("#chat button[title='复制对话']").click()
        page.wait_for_function("async () => (await navigator.clipboard.readText()).length > 0")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith(f"问：{question}\n\n答：根据《黑龙江省与广东省对口合作实施方案》")
        assert "&amp;" not in copied and "&quot;" not in copied
        assert "user:" not in copied and "assistant:" not in copied

        page.locator("#sources-1 .read-link").first.click()
        page.locator("#reader-view section.target").wait_for(timeout=10_000)
        assert PLAN_ID not in page.locator("body").inner_text()
