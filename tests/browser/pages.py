"""What the browser tests share: the window sizes, the admin password of the tabs' server,
the finance question the chat is read with, and the steps many tests take on a page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.helpers import open_page, scrolled_to, settled

DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
PASSWORD = "tabs-secret"
FINANCE = "广东民营资本能在黑龙江设立什么金融机构？"
QUOTED = (
    "鼓励广东省具备条件的社会资本在黑龙江省依法发起设立中小型银行、金融租赁公司和融资担保公司等。"
)


@contextmanager
def browsing(url: str, viewport: dict[str, int]) -> Iterator:
    """A fresh browser (its own localStorage) on the app, at the given window size."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser, page = open_page(playwright, url)
        try:
            page.set_viewport_size(viewport)
            yield page
        finally:
            browser.close()


def ask(page, question: str, answers: int) -> None:
    """Asks and waits until the citation column holds the sources of ``answers`` answers
    (and, on a phone, until the page has brought the question into view)."""
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    page.locator(f"#citations #sources-{answers}").wait_for(state="attached", timeout=30_000)
    settled(page)


def read_in_reader(page, entry) -> object:
    """Clicks the entry's 在原文中阅读 and returns the clause framed in 原文阅读."""
    entry.locator(".read-link").click()
    target = page.locator("#reader-view section.target")
    target.wait_for(timeout=30_000)
    assert page.get_by_role("tab", name="原文阅读", selected=True).is_visible()
    scrolled_to(page, "#reader-view section.target")
    return target
