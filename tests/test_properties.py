"""Properties of cleaning and parsing that must hold for any text (hypothesis)."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.cleaning import clean_text
from ingest.models import IngestError
from ingest.pipeline import parse_text

# Lines shaped like policy text: headings of every kind, prose, stray spaces, pinyin.
_heading = st.sampled_from(
    ["一、", "二、", "（一）", "（二）", "1.", "2.", "（1）", "①", "第一章 ", "第二条 ", ""]
)
_prose = st.text(alphabet="两省合作发展建设推进机制。，；、(PPP)fā 2020年", min_size=0, max_size=40)
_lines = st.lists(st.tuples(_heading, _prose).map("".join), min_size=1, max_size=25)


def _cjk(text: str) -> Counter:
    return Counter(ch for ch in text if "\u4e00" <= ch <= "\u9fff")


@settings(max_examples=200, deadline=None)
@given(_lines)
def test_parsing_keeps_every_hanzi(lines):
    text = "\n".join(lines)
    cleaned = clean_text(text)
    try:
        doc = parse_text(text, "d", "d.txt")
    except IngestError as exc:  # nothing but headings, or nothing at all: said, not crashed
        assert "d.txt" in str(exc)
        return
    kept = _cjk(doc.title) + _cjk(doc.notice)
    for clause in doc.clauses:
        kept += _cjk(clause.text)
    for node in doc.outline:
        kept += _cjk(node.number + node.title)
    missing = _cjk(cleaned) - kept
    assert not missing, f"lost {missing} from {cleaned!r}"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parsing_any_unicode_never_crashes(text):
    try:
        doc = parse_text(text, "d", "d.txt")
    except IngestError as exc:
        assert "d.txt" in str(exc)
        return
    assert doc.clauses and all(c.clause_id.startswith("d:") for c in doc.clauses)
    assert len({c.clause_id for c in doc.clauses}) == len(doc.clauses)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=99_999_999))
def test_an_amount_is_read_the_same_in_either_numerals(n):
    """罚200元 and 处二百元 name one amount: each writing finds the other."""
    from app.answering.numbers import amount_forms, chinese, chinese_number

    assert chinese_number(chinese(n)) == n
    assert f"{chinese(n)}元" in amount_forms(f"{n}元")
    assert f"{n}元" in amount_forms(f"{chinese(n)}元")


@pytest.mark.parametrize(
    "text",
    ["几十万元的补贴", "数十倍", "上百万元", "城乡二元结构", "一元化", "这一块", "一成不变",
     "两个文件", "十分重要", "一万多人", "几万元", "万一", "5G网络",
     "退一万步讲，投资有哪些支持", "一亿人口的市场有多少资金", "三千万人民", "十万火急"],
)  # fmt: skip
def test_a_rough_number_or_no_amount_is_no_premise(text):
    """What a question takes as given must be an amount it states (二百元, 30%, 一半)."""
    from app.answering.numbers import amounts

    assert amounts(text) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("资金是五个亿", "5亿元"),
        ("投了5个亿", "五亿元"),
        ("补贴两万", "20000元"),
        ("投资五亿", "5亿元"),
    ],
)
def test_a_sum_said_without_its_yuan_is_an_amount(text, written):
    """五个亿 is 5亿元: a user drops 元 and adds 个; the texts write the sum in full. A bare
    万 or 亿 is a sum only in a question speaking of money and ending there."""
    from app.answering.numbers import amount_forms, amounts

    (said,) = amounts(text)
    assert written in amount_forms(said)
