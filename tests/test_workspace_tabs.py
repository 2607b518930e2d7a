"""The workspace tabs and 知识库管理 in headless Chromium, at desktop (1400×900) and phone
(390×844) size: what a trainer, an enterprise, an official and an administrator see."""

from __future__ import annotations

import io
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import TABS as PAGE_TABS
from tests.helpers import clean_env, running_server, scrolled_to

pytestmark = [pytest.mark.slow, pytest.mark.browser]
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
PASSWORD = "tabs-secret"
MANUFACTURER = "我们是深圳的一家民营新能源汽车零部件企业，想在哈尔滨建厂"


@pytest.fixture(scope="module")
def server_url(built_data_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp("tabs") / "data"
    shutil.copytree(built_data_dir, data_dir)
    with running_server(clean_env(data_dir, PLANQA_ADMIN_PASSWORD=PASSWORD)) as url:
        yield url


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
def shots(tmp_path: Path) -> Path:
    target = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    target.mkdir(parents=True, exist_ok=True)
    return target


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


def make_quiz(page) -> str:
    """Press 生成测验 and wait for the quiz shown to change; returns the questions' text."""
    note = "document.querySelector('#quiz-results .quiz-note')"
    before = page.evaluate(f"() => {note}?.innerText || ''")
    page.locator("#quiz-make").click()
    page.wait_for_function(  # each quiz is numbered: a new number, a new quiz
        f"before => ({note}?.innerText || '') !== before && document.querySelector('#quiz-files a')",
        arg=before,
        timeout=30_000,
    )
    return "\n".join(page.locator("#quiz-results .quiz-question").all_inner_texts())


def quiz_files(page) -> list[str]:
    """The names the quiz's downloads are saved under, without their extension."""
    names = page.locator("#quiz-files a").evaluate_all("links => links.map(a => a.download)")
    return [re.sub(r"(-打印版)?\.\w+$", "", n) for n in names]


def test_quiz_is_new_each_press_same_for_a_seed_and_downloads_named_files(open_tab, shots):
    from docx import Document

    page = open_tab("培训测验", DESKTOP)
    assert page.get_by_text("固定题目（可选，填数字可重现同一套题）").is_visible()
    first = make_quiz(page)
    first_files = quiz_files(page)
    second = make_quiz(page)
    assert first != second  # a new quiz on each press
    # each quiz downloads under its own number, so the second does not overwrite the first
    number = re.search(r"本套题目编号 (\d+)", page.locator("#quiz-results").inner_text())
    assert number
    page.wait_for_function(  # the files of this quiz, not the last one's
        "n => [...document.querySelectorAll('#quiz-files a')]"
        ".every(a => (a.download.match(/-(\\d+)(-打印版)?\\.\\w+$/) || [])[1] === n)",
        arg=number[1],
        timeout=30_000,
    )
    second_files = quiz_files(page)
    assert len(second_files) == 4 and all(n.endswith(f"-{number[1]}") for n in second_files)
    assert not set(first_files) & set(second_files)
    seed_box = page.locator("#quiz-seed textarea")
    seed_box.fill("42")
    seed_box.blur()
    seeded = make_quiz(page)
    assert "本套题目编号 42" in page.locator("#quiz-results").inner_text()
    seed_box.fill("")
    seed_box.blur()
    assert make_quiz(page) != seeded
    seed_box.fill("42")
    seed_box.blur()
    assert make_quiz(page) == seeded  # the same seed, the same quiz
    page.screenshot(path=str(shots / "quiz.png"), full_page=True)

    stem = f"培训测验-全部-{date.today().isoformat()}-42"
    with page.expect_download() as csv_download:
        page.locator(f"#quiz-files a[download='{stem}.csv']").click()
    assert csv_download.value.suggested_filename == f"{stem}.csv"
    raw = Path(csv_download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "题号,题型,题目" in raw.decode("utf-8-sig")
    assert "hlj-gd" not in raw.decode("utf-8-sig")  # no internal ids

    with page.expect_download() as docx_download:
        page.locator(f"#quiz-files a[download='{stem}.docx']").click()
    assert docx_download.value.suggested_filename == f"{stem}.docx"
    document = Document(io.BytesIO(Path(docx_download.value.path()).read_bytes()))
    body = document.element.body.xml
    assert body.index('w:type="page"') < body.index("答案与出处")  # the key on its own page
    key = [p.text for p in document.paragraphs][-1]
    assert "出处：" in key and "原文：" in key

    with page.expect_popup() as popup:
        page.locator("#quiz-print").click()
    printed = popup.value
    assert "答案与出处" in printed.content()
    assert printed.evaluate("getComputedStyle(document.querySelector('.key')).breakBefore") in (
        "page",
        "always",
    )
    printed.close()


def test_quiz_says_when_a_part_has_fewer_questions_than_asked(open_tab, shots):
    page = open_tab("培训测验", PHONE)
    page.locator("#quiz-part input").click()
    page.get_by_role("option", name="五、保障措施").click()
    page.locator("#quiz-count input[type=number]").fill("30")
    page.locator("#quiz-count input[type=number]").press("Enter")
    make_quiz(page)
    note = page.locator("#quiz-results .quiz-note").inner_text()
    shown = page.locator("#quiz-results .quiz-question").count()
    assert f"只能出 {shown} 道题（要求 30 道）" in note and shown < 30
    stems = page.locator("#quiz-results .quiz-question p").all_inner_texts()
    assert not any("五、保障措施 › " in s for s in stems)  # not the whole outline path
    page.screenshot(path=str(shots / "quiz-phone.png"), full_page=True)


def find_support(page, description: str) -> str:
    page.locator("#support-description textarea").fill(description)
    page.locator("#support-find").click()
    page.locator("#support-results .support-item, #support-results p").first.wait_for(
        timeout=30_000
    )
    return page.locator("#support-results").inner_text()


def test_support_finder_for_a_shenzhen_car_parts_maker(open_tab, shots):
    page = open_tab("政策查找", DESKTOP)
    found = find_support(page, MANUFACTURER)
    assert "广东省制造业企业在黑龙江省设立研发制造基地" in found
    assert "6.装备制造业等优势产业" in found
    assert "开辟绿色通道" in found and "（五）创造良好合作环境" in found
    assert "哈尔滨市与深圳市对口合作" in found
    # what is offered to it is marked; the sentences around it are only context
    offered = " ".join(page.locator("#support-results mark").all_inner_texts())
    for foreign in ("首次公开募股", "在俄罗斯建设的境外经贸合作园区", "农产品产销对接"):
        assert foreign not in offered
    assert "hlj-gd-counterpart" not in found  # no internal ids
    # closest first: its industries and what it wants, then its cities, then support open
    # to every project
    industry, place, general = (
        found.index(heading)
        for heading in (
            "与企业的行业或想做的事直接相关",
            "与企业的所在地、去向或所有制相关",
            "对口合作项目普遍适用的支持",
        )
    )
    assert industry < found.index("6.装备制造业") < found.index("7.新兴产业") < place
    # a 民营 firm: Guangdong's private capital in PPP projects and small banks; its own
    # goods named (汽车零配件、汽车电子)
    assert industry < found.index("3.民营经济发展") < place and "所有制：民营" in found
    assert industry < found.index("4.对内对外开放") < place and "汽车零配件" in offered
    assert place < found.index("哈尔滨市与深圳市对口合作") < general < found.index("开辟绿色通道")
    assert found.count("方案没有规定具体条件、金额或申请程序") == 1  # the shared note, once
    # the description filled the form
    assert page.locator("#support-origin input[value='广东']").is_checked()
    assert page.locator("#support-ownership input[value='民营']").is_checked()
    assert "装备制造" in page.locator("#support-industry").inner_text()
    assert page.locator("#support-wants input").input_value() == "投资"  # 想在哈尔滨建厂
    # only the sentences that concern the enterprise are marked, not whole clauses
    item = page.locator("#support-results .support-item", has_text="研发制造基地").first
    marked = " ".join(item.locator("mark").all_inner_texts())
    assert "研发制造基地" in marked and len(marked) < len(item.locator(".text").inner_text())
    page.screenshot(path=str(shots / "support.png"), full_page=True)

    page = open_tab("政策查找", DESKTOP)
    unmet = find_support(page, "广东的制造企业，希望在黑龙江享受减税")
    assert "方案没有提到：“减税”" in unmet


def test_support_for_a_care_home_operator_shows_no_farming_clause(open_tab, shots):
    page = open_tab("政策查找", PHONE)
    found = find_support(page, "我们在广东经营养老院，想到黑龙江发展")
    assert "养老机构落地黑龙江省" in found
    assert "农业产业化龙头企业" not in found
    page.screenshot(path=str(shots / "support-phone.png"), full_page=True)


@pytest.mark.parametrize("tab", ["责任分工", "时间节点"])
def test_tables_show_their_source_column_and_become_cards_on_a_phone(open_tab, shots, tab):
    grid = "#duties-grid" if tab == "责任分工" else "#timeline-grid"
    name = "duties" if tab == "责任分工" else "timeline"
    page = open_tab(tab, DESKTOP)
    source = page.locator(f"{grid} td.source").first
    source.wait_for()
    box = source.bounding_box()
    assert box and box["x"] + box["width"] <= DESKTOP["width"] and box["y"] < DESKTOP["height"]
    assert "原文" in page.locator(f"{grid} thead").inner_text()
    if tab == "责任分工":
        actions = page.locator(f"{grid} td[data-label='做什么']").all_inner_texts()
        assert "加强两省在加快转变政府职能等方面的经验交流" in actions
        assert "加强两省在加快转变政府职能" not in actions  # never cut mid-phrase
        assert "加强在优化投资营商环境" not in actions
    else:
        times = page.locator(f"{grid} td[data-label='时间']").all_inner_texts()
        assert times[:3] == ["2018—2019年", "2020年", "到2020年"]
        assert "三年" not in times and "2016—2020年" not in times  # years of names
    page.screenshot(path=str(shots / f"{name}.png"))

    phone = open_tab(tab, PHONE)
    row = phone.locator(f"{grid} tbody tr").first
    row.wait_for()
    assert row.evaluate("r => getComputedStyle(r).display") == "block"  # a card
    source = phone.locator(f"{grid} td.source").first
    box = source.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert source.evaluate("c => getComputedStyle(c, '::before').content").startswith('"原文')
    phone.screenshot(path=str(shots / f"{name}-phone.png"))


def test_outline_is_indented_searchable_and_expands(open_tab, shots):
    page = open_tab("方案目录", DESKTOP)
    page.locator("#outline-expand").click()
    level1 = page.locator("#outline-tree .level-1 > summary", has_text="四、重点任务")
    level2 = page.locator("#outline-tree .level-2 > summary").first
    level3 = page.locator("#outline-tree .level-3 > summary").first
    assert level1.bounding_box()["x"] < level2.bounding_box()["x"] < level3.bounding_box()["x"]
    farming = page.locator("#outline-tree details[data-id$=':4.2.8'] > .clause-text p")
    assert farming.count() >= 3  # paragraphs, not one block
    page.screenshot(path=str(shots / "outline.png"))
    page.locator("#outline-collapse").click()
    assert not page.locator("#outline-tree .level-3").first.evaluate("d => d.open")

    page.locator("#outline-search textarea").fill("绿色通道")
    page.wait_for_function(
        "document.querySelector('#outline-tree').innerText.includes('找到 1 处')", timeout=30_000
    )
    tree = page.locator("#outline-tree")
    assert tree.locator("mark").inner_text() == "绿色通道"
    assert "（五）创造良好合作环境" in tree.inner_text() and "前言" not in tree.inner_text()

    phone = open_tab("方案目录", PHONE)
    phone.locator("#outline-tree summary", has_text="五、保障措施").click()
    phone.screenshot(path=str(shots / "outline-phone.png"))

    # found as whole words, as the text reads: 融资 in 融资担保公司 and 投融资, never
    # across 金融|资本 (「引导金融资本」 is not about 融资); 对口合作 is two words, found whole
    found = phone.locator("#outline-tree")
    for query, count in (("对口合作", 15), ("融资", 5)):
        phone.locator("#outline-search textarea").fill(query)
        phone.wait_for_function(
            "said => document.querySelector('#outline-tree').innerText.includes(said)",
            arg=f"找到 {count} 处“{query}”",
            timeout=30_000,
        )
        assert set(found.locator("mark").all_inner_texts()) == {query}
    assert "金融资本" not in found.inner_text()
    assert "投融资" in found.inner_text() and "融资担保公司" in found.inner_text()


def read_in_reader(page, entry) -> object:
    """Clicks the entry's 在原文中阅读 and returns the clause framed in 原文阅读."""
    entry.locator(".read-link").click()
    target = page.locator("#reader-view section.target")
    target.wait_for(timeout=30_000)
    assert page.get_by_role("tab", name="原文阅读", selected=True).is_visible()
    scrolled_to(page, "#reader-view section.target")
    return target


def test_outline_clause_opens_in_the_reader_with_the_found_sentence_marked(open_tab):
    page = open_tab("方案目录", DESKTOP)
    page.locator("#outline-search textarea").fill("绿色通道")
    page.wait_for_function(
        "document.querySelector('#outline-tree').innerText.includes('找到 1 处')", timeout=30_000
    )
    clause = page.locator("#outline-tree .clause-text", has_text="绿色通道")
    clause_id = clause.locator("xpath=..").get_attribute("data-id") or ""
    target = read_in_reader(page, clause)
    assert clause_id.endswith(":" + (target.get_attribute("data-key") or "-"))  # that clause
    marked = target.locator("mark").all_inner_texts()
    assert len(marked) == 1 and "开辟绿色通道" in marked[0]  # the whole sentence found
    assert page.locator("#reader-view section mark").count() == 1  # nothing else marked


def test_support_result_opens_in_the_reader_with_its_sentences_marked(open_tab):
    page = open_tab("政策查找", DESKTOP)
    find_support(page, MANUFACTURER)
    item = page.locator("#support-results .support-item", has_text="研发制造基地").first
    sentences = item.locator(".text mark").all_inner_texts()
    label = item.locator(".label").inner_text().split(" › ")[-1]
    target = read_in_reader(page, item)
    assert label in target.inner_text()
    assert target.locator("mark").all_inner_texts() == sentences  # the same sentences marked
    assert any("研发制造基地" in s for s in sentences)


def test_admin_logs_in_with_enter_and_removes_a_chosen_document_after_confirming(
    open_tab, shots, tmp_path
):
    plan = tmp_path / "ice-economy.md"
    plan.write_text(
        "冰雪经济合作方案\n一、重点任务\n（一）冰雪装备。支持两省共建冰雪装备产业园。\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.md"
    empty.write_text("  ", encoding="utf-8")
    page = open_tab("知识库管理", DESKTOP)
    page.locator("#admin-user").locator("input, textarea").fill("admin")
    page.locator("#admin-password").locator("input, textarea").fill(PASSWORD)
    page.locator("#admin-password").locator("input, textarea").press("Enter")
    page.locator("#admin-add").wait_for(state="visible", timeout=30_000)
    assert not page.locator("#admin-password").is_visible()  # the form is gone

    page.locator("#admin-file input[type=file]").set_input_files(str(empty))
    page.locator("#admin-add").click()
    page.wait_for_function(
        "document.querySelector('#admin-status').innerText.includes('未导入')", timeout=60_000
    )
    assert "文件是空的" in page.locator("#admin-status").inner_text()

    page.locator("#admin-file input[type=file]").set_input_files(str(plan))
    page.locator("#admin-add").click()
    page.wait_for_function(
        "document.querySelector('#admin-status').innerText.includes('已导入')", timeout=60_000
    )
    assert "《冰雪经济合作方案》" in page.locator("#kb-header").inner_text()

    page.locator("#admin-remove-doc input").click()
    page.get_by_role("option", name=re.compile("冰雪经济合作方案")).click()
    page.locator("#admin-remove").click()
    confirm = page.locator("#admin-confirm-text")
    confirm.wait_for(state="visible")
    assert "确定删除《冰雪经济合作方案》" in confirm.inner_text()
    page.screenshot(path=str(shots / "admin.png"))
    page.locator("#admin-confirm-no").click()
    assert "冰雪经济合作方案" in page.locator("#kb-header").inner_text()  # nothing removed yet

    page.locator("#admin-remove").click()
    page.locator("#admin-confirm-yes").click()
    page.wait_for_function(
        "document.querySelector('#admin-status').innerText.includes('已删除')", timeout=30_000
    )
    assert "冰雪经济合作方案" not in page.locator("#kb-header").inner_text()
    assert "冰雪经济合作方案" not in page.locator("#admin-documents").inner_text()
