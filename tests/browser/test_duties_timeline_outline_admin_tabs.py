"""The officials' and the administrator's tabs in headless Chromium, at desktop (1400×900)
and phone (390×844) size: 责任分工 and 时间节点 (tables with their source, cards on a
phone), 方案目录 (indented, searched by whole words, a clause read in 原文阅读) and
知识库管理 (log in, add a plan, remove it after confirming)."""

from __future__ import annotations

import re

import pytest

from tests.browser.pages import DESKTOP, PASSWORD, PHONE, read_in_reader

pytestmark = [pytest.mark.slow, pytest.mark.browser]


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
    for query, said in (
        ("对口合作", "33 处“对口合作”，分布在 15 条中"),
        ("融资", "7 处“融资”，分布在 5 条中"),
    ):
        phone.locator("#outline-search textarea").fill(query)
        phone.wait_for_function(
            "said => document.querySelector('#outline-tree').innerText.includes(said)",
            arg=f"找到 {said}",
            timeout=30_000,
        )
        assert set(found.locator("mark").all_inner_texts()) == {query}
    assert "金融资本" not in found.inner_text()
    assert "投融资" in found.inner_text() and "融资担保公司" in found.inner_text()


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
