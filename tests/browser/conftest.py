"""The served apps and the browser the browser tests share.

Two servers, each started at most once for all the modules of this folder and stopped
after its last test (package scope): ``server_url`` has 知识库管理 open to an
administrator (PLANQA_ADMIN_PASSWORD) and is where the workspace tabs are driven (its
admin test adds and removes a plan); ``url`` is the chat as every user sees it, with no
admin tab, where the chat is read. Each serves its own copy of the bundled plan's
knowledge base.

``browser`` is one Chromium per test module, as before: Playwright's sync API cannot be
started twice at once, and the chat tests (and tests/test_ui.py and others) start their
own, so a Chromium kept open across modules would break them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.pages import PASSWORD
from tests.helpers import TABS as PAGE_TABS
from tests.helpers import clean_env, running_server


@pytest.fixture(scope="package")
def server_url(built_data_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp("tabs") / "data"
    shutil.copytree(built_data_dir, data_dir)
    with running_server(clean_env(data_dir, PLANQA_ADMIN_PASSWORD=PASSWORD)) as url:
        yield url


@pytest.fixture(scope="package")
def url(built_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("reading") / "data"
    shutil.copytree(built_data_dir, data_dir)
    with running_server(clean_env(data_dir)) as served:
        yield served


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    assert chromium, "install Chromium: apt-get install -y chromium fonts-noto-cjk"
    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    target = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.fixture
def shots(screenshots: Path) -> Path:
    return screenshots


TABS = (*PAGE_TABS, "知识库管理")


def assert_every_tab_in_reach(page, viewport: dict) -> None:
    """Every tab is shown whole inside the window (tabs wrap; there is no "More tabs" menu)."""
    assert page.get_by_role("button", name="More tabs").count() == 0
    for name in TABS:
        tab = page.get_by_role("tab", name=name)
        box = tab.bounding_box()
        assert tab.is_visible() and box, name
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], name


@pytest.fixture
def open_tab(browser, server_url):
    """Opens the app at a size and clicks one tab, checking first that every tab is in reach."""
    opened = []

    def open_(tab: str, viewport: dict):
        page = browser.new_page(viewport=viewport, accept_downloads=True)
        opened.append(page)
        page.goto(server_url)
        page.locator("#kb-header").wait_for()
        assert_every_tab_in_reach(page, viewport)
        page.get_by_role("tab", name=tab).click()
        assert page.get_by_role("tab", name=tab, selected=True).is_visible()
        return page

    yield open_
    for page in opened:
        page.close()
