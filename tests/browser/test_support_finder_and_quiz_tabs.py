"""The enterprise's and the trainer's tabs in headless Chromium, at desktop (1400×900) and
phone (390×844) size: 政策查找 (the support finder, and a result read in 原文阅读) and
培训测验 (a new quiz each press, the same for a seed, its downloads and print view)."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest

from tests.browser.pages import DESKTOP, PHONE, read_in_reader

pytestmark = [pytest.mark.slow, pytest.mark.browser]
MANUFACTURER = "我们是深圳的一家民营新能源汽车零部件企业，想在哈尔滨建厂"


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
