"""The chat's layout and state in headless Chromium, at desktop and phone size: the phone
layout (read down the page, a one-line question bar, [n] jumps clear of it), messages
clear of the chat's toolbar, where a refusal says its clauses are, and the conversation
across a reload and a clear.

Each test opens its own browser, so its own localStorage, on the one served chat.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.pages import DESKTOP, FINANCE, PHONE, QUOTED, ask, browsing
from tests.helpers import TABS, settled, top_seen

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= -1 and box["y"] < height


# the boxes inside the chat that scroll (their content taller than they are)
INNER_SCROLLERS = """() => [document.querySelector('#chat'), ...document.querySelectorAll('#chat *')]
  .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowY)
    && el.scrollHeight > el.clientHeight + 1).length"""


def test_phone_reads_answer_with_sources_and_reaches_every_tab(url: str):
    with browsing(url, PHONE) as page:
        for name in TABS:
            tab = page.get_by_role("tab", name=name)
            box = tab.bounding_box()
            assert tab.is_visible() and box and box["x"] + box["width"] <= PHONE["width"], name

        page.locator("#ask").click()  # nothing typed: the message stands by the box
        notice = page.locator("#question-notice .notice")
        notice.wait_for(timeout=10_000)
        assert "请输入问题" in notice.inner_text() and in_view(page, notice)
        box, said = page.locator("#question").bounding_box(), notice.bounding_box()
        assert box and said and 0 <= box["y"] - (said["y"] + said["height"]) < 40  # just above

        ask(page, FINANCE, 1)
        assert notice.count() == 0
        chat = page.locator("#chat").bounding_box()
        first_source = page.locator("#sources-1 .citation.quoted").bounding_box()
        assert chat and first_source
        assert 0 < first_source["y"] - (chat["y"] + chat["height"]) < 60  # right under it
        # the conversation grows with it, no box inside scrolls: read down the page, the
        # answer ends and its quoted clause follows within a glance
        assert page.evaluate(INNER_SCROLLERS) == 0
        answer = page.locator("#chat [data-testid=bot]").bounding_box()
        assert answer and 0 < first_source["y"] - (answer["y"] + answer["height"]) < 200
        page.locator("#sources-1 details.related-clauses summary").click()  # a long page

        # the box is at hand wherever one reads: the conversation, the sources, the end
        question = page.locator("#question")
        for where in ("#chat", "#sources-1 .citation.quoted", "#sources-1 .related .text"):
            page.locator(where).first.scroll_into_view_if_needed()
            box = question.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], where
        # at the end it has its own place: the last clause is read above it, not under it
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(200)
        last, box = page.locator("#citations").bounding_box(), question.bounding_box()
        assert last and box and last["y"] + last["height"] <= box["y"]

        # asked from down there, the new question comes into view, its answer under it
        ask(page, "领导小组办公室设在哪里？", 2)
        asked = page.locator("#chat [data-testid=user]").nth(1)
        assert asked.inner_text() == "领导小组办公室设在哪里？" and in_view(page, asked)
        assert top_seen(asked)


def test_phone_question_bar_is_one_compact_line_and_jumps_land_clear_of_it(url: str):
    with browsing(url, PHONE) as page:
        ask(page, "领导小组办公室设在哪里？", 1)
        ask(page, FINANCE, 2)
        # a slim bar: the box one line high, 提问 beside it, nothing else in it
        bar = page.locator("#ask-bar")
        bar_box, box = bar.bounding_box(), page.locator("#question textarea").bounding_box()
        send = page.locator("#ask").bounding_box()
        assert bar_box and box and send
        assert bar_box["height"] < 0.12 * PHONE["height"], bar_box
        assert box["height"] < 48 and send["x"] >= box["x"] + box["width"]
        assert send["y"] < box["y"] + box["height"] and box["y"] < send["y"] + send["height"]
        shown = bar.locator("button:visible")
        assert shown.count() == 1 and shown.inner_text() == "提问"  # 清空对话 is not in it:
        assert page.locator("#chat button[aria-label=Clear]").is_visible()  # the chat's 🗑 is

        # a [1] lands its clause at the top of the window, its first line seen and not
        # covered, and the 相关条款 row after it above the bar
        page.locator("#sources-2 details.related-clauses summary").click()
        page.locator("#chat [data-testid=bot]").nth(1).locator("a.cite-ref").first.click()
        settled(page)
        clause, related = page.locator("#cite-2-1"), page.locator("#sources-2 > details > summary")
        assert top_seen(clause) and top_seen(related)
        bar_top = bar.bounding_box()["y"]
        assert related.bounding_box()["y"] + related.bounding_box()["height"] <= bar_top
        # the first answer's clause, folded near the end of the page: not under the bar either
        page.locator("#chat [data-testid=bot]").first.locator("a.cite-ref").first.click()
        settled(page)
        assert top_seen(page.locator("#cite-1-1"))


# per message of the chat, how far its visible part starts below the chat's label and
# copy/clear toolbar (negative: under them); None for a message scrolled out of sight.
# The conversation is scrolled to ``fraction``: inside the chat where a box of it scrolls
# (desktop), else the page (phone, where the chat grows with the conversation).
CLEAR_OF_TOOLBAR = """(fraction) => {
  const chat = document.querySelector('#chat');
  const copy = chat.querySelector('button[title="复制对话"]');
  const label = chat.querySelector('[data-testid=block-label]');
  const messages = [...chat.querySelectorAll('[data-testid=user], [data-testid=bot]')];
  let scroller = messages[0].parentElement;
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowY)
    && el.scrollHeight > el.clientHeight;
  while (scroller !== chat.parentElement && !scrolls(scroller)) scroller = scroller.parentElement;
  const inner = scroller !== chat.parentElement;
  let clip = {top: 0, bottom: window.innerHeight};
  if (inner) {
    scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight);
    clip = scroller.getBoundingClientRect();
  } else {
    const whole = chat.getBoundingClientRect();
    window.scrollTo(0, scrollY + whole.top + fraction * (whole.height - window.innerHeight));
  }
  const under = Math.max(copy.parentElement.getBoundingClientRect().bottom,
                         label.getBoundingClientRect().bottom);
  return {inner, scrolls: inner || document.documentElement.scrollHeight > window.innerHeight,
    gaps: messages.map((m) => {
      const r = m.getBoundingClientRect();
      return r.bottom <= clip.top || r.top >= clip.bottom ? null
        : Math.max(r.top, clip.top) - under;
    }),
    tops: messages.map((m) => m.getBoundingClientRect().top - under)};
}"""


@pytest.mark.parametrize(
    ("viewport", "shot"),
    [(DESKTOP, "chat.png"), (PHONE, "chat-phone.png")],
    ids=["desktop", "phone"],
)
def test_messages_clear_of_the_toolbar_and_a_refusal_points_to_related_clauses(
    url: str, viewport: dict[str, int], shot: str, screenshots: Path
):
    with browsing(url, viewport) as page:
        ask(page, "领导小组办公室设在哪里？", 1)
        ask(page, "方案规定哈尔滨新区的土地出让金能打几折？", 2)  # declined
        # as each shows it: the conversation beside its sources; on a phone the page has
        # brought the question just asked into view, its answer and sources under it
        if viewport is DESKTOP:
            page.locator("#chat").evaluate("chat => chat.scrollIntoView({block: 'start'})")
        settled(page)
        page.screenshot(path=str(screenshots / shot))

        # the refusal says where its nearest clauses are: folded under 相关条款, which
        # stands beside the conversation (on a phone right under it)
        said = page.locator("#chat [data-testid=bot]").nth(1).inner_text()
        assert "没有回答这个问题" in said and "“相关条款”" in said and "不回答这个问题" in said
        assert "以下" not in said  # nothing follows it in the chat
        related = page.locator("#sources-2 details.related-clauses summary")
        assert related.inner_text().startswith("相关条款") and related.is_visible()
        chat, where = page.locator("#chat").bounding_box(), related.bounding_box()
        assert chat and where
        if viewport is DESKTOP:
            assert where["x"] > chat["x"] + chat["width"] and where["y"] < chat["y"] + 100
        else:
            assert 0 < where["y"] - (chat["y"] + chat["height"]) < 200

        # no message is ever under the label and toolbar, wherever the chat is scrolled;
        # on a phone no box inside the chat scrolls (the page does), so no line of a
        # message is ever cut at its top: each starts below the toolbar
        for fraction in (0, 0.5, 1):
            seen = page.evaluate(CLEAR_OF_TOOLBAR, fraction)
            assert seen["scrolls"] and seen["inner"] == (viewport is DESKTOP)
            gaps = [gap for gap in seen["gaps"] if gap is not None]
            assert gaps and min(gaps) >= 0, (fraction, seen["gaps"])
            if viewport is PHONE:
                assert min(seen["tops"]) >= 0 and page.evaluate(INNER_SCROLLERS) == 0
        first = page.evaluate(CLEAR_OF_TOOLBAR, 0)["gaps"][0]
        assert first is not None and first >= 0  # the first question, read in full at the top


def test_conversation_survives_reload_and_clear_clears_it(url: str):
    with browsing(url, DESKTOP) as page:
        page.locator("#question textarea").fill(FINANCE)
        page.locator("#ask").click()
        page.wait_for_function("() => document.querySelector('#question textarea').value === ''")
        page.locator("#question textarea").fill("两省高校")  # typed while the answer arrives
        page.locator("#sources-1").wait_for(state="attached", timeout=30_000)
        assert page.locator("#question textarea").input_value() == "两省高校"

        page.reload()
        page.locator("#sources-1").wait_for(state="attached", timeout=30_000)
        assert page.locator("#chat [data-testid=user]").inner_text() == FINANCE
        assert "融资担保公司" in page.locator("#chat [data-testid=bot]").inner_text()
        assert QUOTED in page.locator("#sources-1 mark").inner_text()

        page.locator("#clear").click()
        page.locator("#citations .sources-empty").wait_for(timeout=10_000)
        assert page.locator("#chat [data-testid=bot]").count() == 0
        page.locator("#question textarea").fill("还有呢？")
        page.locator("#ask").click()
        notice = page.locator("#question-notice .notice")
        notice.wait_for(timeout=30_000)
        assert "对话中还没有问题" in notice.inner_text()
        assert page.locator("#chat [data-testid=bot]").count() == 0  # nothing continued

        page.reload()  # cleared in the browser too
        page.locator("#citations .sources-empty").wait_for(timeout=10_000)
        page.wait_for_timeout(1_000)
        assert page.locator("#chat [data-testid=user]").count() == 0
