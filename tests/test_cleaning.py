from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.cleaning import clean_line, clean_text, strip_pinyin
from tests.conftest import BUNDLED_PLAN


def test_pinyin_after_hanzi_is_removed():
    assert strip_pinyin("發(fā)展創(chuàng)新") == "發展創新"
    assert strip_pinyin("聯(lián)動、經（jīng）濟") == "聯動、經濟"


def test_real_parentheses_survive():
    text = "合作(PPP)項目、首次公開募股(IPO)、(一)、國(深圳)、(國發〔2016〕62 號)、小(城)鎮"
    cleaned = clean_line(text)
    for kept in ("PPP", "IPO", "（一）", "（深圳）", "（国发〔2016〕62号）", "小（城）镇"):
        assert kept in cleaned


def test_wrapped_spaces_and_traditional_script():
    assert clean_line("東北 地區(qū)到 2020 年,兩省") == "东北地区到2020年，两省"
    assert clean_line("All Rights Reserved") == "All Rights Reserved"  # spaces between words stay


def test_footer_and_blank_lines_dropped():
    text = "一、指導思想\n\n深入學習。\n? 2017 Coolsite360-上海意派 All Rights Reserved.\n"
    assert clean_text(text) == "一、指导思想\n深入学习。"


def test_bundled_plan_has_no_artefacts_left():
    cleaned = clean_text(BUNDLED_PLAN.read_text(encoding="utf-8"))
    assert "(fā)" not in cleaned and "發" not in cleaned
    assert "Coolsite360" not in cleaned
    assert " " not in cleaned  # every stray space in this plan sits between hanzi or digits
    assert "到2020年，两省对口合作取得重要实质性成果" in cleaned


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_cleaning_never_crashes_and_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once
