"""The sources column of the chat as HTML: which clauses are numbered like citations."""

from __future__ import annotations

import re

from app.answering import Answer, Citation
from app.web.sources import answer_sources


def _clause(n: int, highlights: list[str] | None = None) -> Citation:
    return Citation(
        "plan", "方案", f"plan:{n}", f"第{n}条", f"第{n}条的原文。", 0.5, highlights or []
    )


def _labels(html: str) -> list[str]:
    return re.findall(r'<div class="label">([^<]*)</div>', html)


def test_related_clauses_are_not_numbered_like_citations():
    answer = Answer(
        "问", "没有回答这个问题。", True, [_clause(1), _clause(2)], coverage="not_covered"
    )
    assert _labels(answer_sources(1, answer)) == ["相关 第1条", "相关 第2条"]


def test_a_refusal_keeps_the_number_of_the_clause_it_quotes_instead():
    """「…」[1]: what the plan says the other way round is referred to by its number."""
    answer = Answer(
        "问",
        "方案没有写到“甲为乙”，写的是相反的方向：「乙为甲。」[1]",
        True,
        [_clause(1, ["乙为甲。"]), _clause(2)],
        coverage="not_covered",
    )
    assert _labels(answer_sources(1, answer)) == ["[1] 第1条", "相关 第2条"]


def test_an_answer_numbers_what_it_quotes_and_folds_the_rest_unnumbered():
    answer = Answer("问", "- 第1条的原文。[1]", False, [_clause(1, ["第1条的原文。"]), _clause(2)])
    assert _labels(answer_sources(1, answer)) == ["[1] 第1条", "相关 第2条"]
