"""Decide from retrieval evidence whether the knowledge base answers a question.

Dense similarity alone cannot tell (any Chinese question about provinces scores
high against any clause), so the decision rests on lexical evidence:
- a named place, organisation, year or Latin acronym the corpus never mentions
  ("吉林省", "2025年", "GDP") means the question is about something else;
- when most of the question's content words appear nowhere in the corpus, the
  question is about a topic the plan does not treat;
- English questions are judged by the plan terms their words translate to
  (kb/data/glossary_en.yaml) together with the embedding's similarity, since no
  glossary knows every English word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.knowledge_base import ClauseHit
from kb.scope import KnowledgeView
from kb.text import (
    STOPWORDS,
    abbreviations,
    english_glossary,
    english_stem,
    tagged_words,
    term_weight,
)

_ENTITY_TAGS = {"ns", "nr", "nt", "nz", "nrt", "nrfg"}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_LATIN = re.compile(r"[A-Za-z][A-Za-z\-']*")
_ABSENT_SHARE = 0.5
# Only nouns, names and set phrases name a topic; verbs and particles frame the question.
_TOPIC_TAGS = ("n", "vn", "j", "l", "i", "eng")
# Nouns that frame a question rather than name its topic.
_FRAME_WORDS = frozenset(
    "依据 文件 角色 作用 效果 要求 规定 安排 情况 问题 意义 目的 办法 方式 途径 事情 东西 地方 部分 "
    "内容 方面 政策 措施 支持 机会 关系 时候 时间".split()
)
# Questions asking for a person's name; a plan that names nobody cannot answer them.
_NAME = re.compile(r"名字|姓名|叫什么|what is (?:his|her|the) name", re.I)
# Questions that ask for an amount; a plan that states none cannot answer them.
_QUANTITY = re.compile(
    r"多少|多大|多高|多长|多远|多冷|多热|多重|价格|金额|门票|费用|总额|how (?:many|much)", re.I
)
_AMOUNT = re.compile(
    r"(?<![〔\d])(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿两]+)\s*"
    r"(?:个|项|家|所|条|元|万|亿|次|名|人|%|％|公里|吨|平方|户|亩|座|批次)"
)
_MIN_DENSE = 0.78
# English questions: below _EN_MIN_DENSE nothing in the plan is near; below _EN_CLOSE a
# question whose words the glossary mostly cannot map is taken as off-topic.
_EN_MIN_DENSE = 0.74
_EN_CLOSE = 0.85
_EN_MOSTLY_ABSENT = 0.75
_EN_VERY_CLOSE = 0.88


@dataclass(frozen=True)
class Coverage:
    answerable: bool
    reason_zh: str = ""
    reason_en: str = ""


def _names_person(text: str) -> bool:
    return any(flag == "nr" and len(word) >= 2 for word, flag in tagged_words(text))


def _has_quantity(text: str) -> bool:
    return _AMOUNT.search(text) is not None


def is_english(question: str) -> bool:
    letters = sum(ch.isascii() and ch.isalpha() for ch in question)
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in question)
    return letters > 2 * cjk and letters >= 3


class CoverageJudge:
    """Says whether the hits for a question are an answer or only the nearest text."""

    def __init__(self, kb: KnowledgeView) -> None:
        self._kb = kb

    def judge(self, normalized: str, hits: list[ClauseHit]) -> Coverage:
        if not hits:
            return Coverage(False, "知识库为空或没有相关条款", "no clause matches")
        unknown = self._unknown_entities(normalized)
        if unknown:
            names = "、".join(unknown)
            return Coverage(False, f"方案中没有提到：{names}", f"the plan never mentions {names}")
        if _QUANTITY.search(normalized) and not any(_has_quantity(h.clause.text) for h in hits[:3]):
            return Coverage(
                False, "方案没有给出这一数量或金额", "the plan states no such number or amount"
            )
        if _NAME.search(normalized) and not any(_names_person(h.clause.text) for h in hits[:3]):
            return Coverage(False, "方案没有写明具体人员姓名", "the plan names no person for this")
        terms, absent = self._absent_terms(normalized)
        share = term_weight(absent) / term_weight(terms) if terms else 0.0
        if is_english(normalized):
            # the glossary cannot know every English word: absent words count only when
            # the embedding, too, finds the question far from the plan
            dense = hits[0].dense
            if (
                (share >= _ABSENT_SHARE and dense < _EN_CLOSE)
                or (share >= _EN_MOSTLY_ABSENT and dense < _EN_VERY_CLOSE)
                or dense < _EN_MIN_DENSE
            ):
                return Coverage(
                    False,
                    f"方案中没有涉及：{'、'.join(absent) or normalized}",
                    f"the plan does not deal with: {', '.join(absent) or 'this topic'}",
                )
        elif share >= _ABSENT_SHARE:
            names = "、".join(absent)
            return Coverage(
                False,
                f"方案中没有涉及：{names}",
                f"the plan does not deal with: {', '.join(absent)}",
            )
        if not terms and hits[0].dense < _MIN_DENSE:
            return Coverage(False, "问题与方案内容无关", "the question is unrelated to the plan")
        return Coverage(True)

    def _absent_terms(self, normalized: str) -> tuple[list[str], list[str]]:
        """The question's content words, and those the corpus never uses."""
        if is_english(normalized):
            # an English word is covered when the glossary gives it a plan term
            glossed = {english_stem(w) for en in english_glossary() for w in en.split()}
            words = [p for w in _LATIN.findall(normalized.lower()) for p in w.split("-")]
            terms = list(dict.fromkeys(w for w in words if w not in STOPWORDS and len(w) > 2))
            return terms, [w for w in terms if english_stem(w) not in glossed]
        terms = [
            word
            for word, flag in tagged_words(normalized)
            if len(word) >= 2
            and flag.startswith(_TOPIC_TAGS)
            and word not in STOPWORDS | _FRAME_WORDS
        ]
        terms = list(dict.fromkeys(terms))
        return terms, [t for t in terms if not self._known(t)]

    def _known(self, term: str) -> bool:
        """In the corpus as written, or through the full form of a short form (深交所)."""
        if self._kb.contains_text(term):
            return True
        full = abbreviations().get(term)
        return full is not None and all(self._kb.contains_text(w) for w in full.split())

    def _unknown_entities(self, normalized: str) -> list[str]:
        unknown: list[str] = []
        for year in _YEAR.findall(normalized):
            if not self._kb.contains_text(year):
                unknown.append(year)
        if is_english(normalized):
            # a capitalised word the glossary cannot place names something else (France, Everest)
            glossed = {english_stem(w) for en in english_glossary() for w in en.split()}
            tail = normalized.split(maxsplit=1)[1] if " " in normalized else ""
            for word in _LATIN.findall(tail):
                if (
                    word[0].isupper()
                    and english_stem(word) not in glossed
                    and word.lower() not in STOPWORDS
                ):
                    unknown.append(word)
            return list(dict.fromkeys(unknown))
        for word in _LATIN.findall(normalized):
            if (
                len(word) >= 2
                and not self._kb.contains_text(word)
                and word.lower() not in english_glossary()
            ):
                unknown.append(word)
        for word, flag in tagged_words(normalized):
            if flag in _ENTITY_TAGS and len(word) >= 2 and not self._known(word):
                unknown.append(word)
        return list(dict.fromkeys(unknown))
