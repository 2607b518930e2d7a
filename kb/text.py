"""Text normalisation and segmentation shared by indexing and querying.

Questions are normalised the way documents are cleaned (traditional → simplified,
full-width → half-width letters and digits, spaces), short forms (简称) are
expanded from a data table, and English words get their Chinese plan terms.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import yaml

from ingest.cleaning import clean_line

_DATA = Path(__file__).with_name("data")
_WORD = re.compile(r"[a-z][a-z\-]*")
# Function words and question words carry no evidence about the plan's content.
STOPWORDS = frozenset(
    """的 了 和 与 及 或 是 在 有 为 对 把 被 将 等 中 上 下 也 都 就 要 能 可 可以 会 吗 呢 吧 啊
    什么 哪些 哪个 哪里 哪 谁 怎么 怎样 如何 多少 几 为什么 是否 有没有 方面 一些 这个 那个 这 那
    该 其 之 所 由 从 向 到 以 于 并 而 又 还 请问 方案 具体 主要 内容 哪儿 么 呀 个 一 做 讲
    the a an of to in on for and or is are was were be by with what which who whom whose where when
    how why does do did can could should would will its it this that these those there their about
    from as at any some much many give gives given plan between two each list
    provide provides say says mention mentions all there i me my we our you your happen happens
    need needs want wants make makes get gets have has had like kind type way ways thing things
    aspect aspects area areas regard regarding related concerning specific specifically main
    mainly also other others detail details describe explain tell please whether done field
    fields""".split()
)


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Short forms (简称) and everyday words → the plan's own words."""
    return _load_table("abbreviations.yaml") | _load_table("synonyms.yaml")


@lru_cache(maxsize=1)
def english_glossary() -> dict[str, str]:
    return {k.lower(): v for k, v in _load_table("glossary_en.yaml").items()}


def _load_table(name: str) -> dict[str, str]:
    data = yaml.safe_load((_DATA / name).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping of term → expansion")
    return {str(k): str(v) for k, v in data.items()}


def normalize_query(question: str) -> str:
    """The question as the index sees text: simplified, half-width alnum, single spaces."""
    text = unicodedata.normalize("NFKC", question)
    return clean_line(text)


def expand_query(normalized: str) -> str:
    """Append the full forms of short forms and the Chinese of English plan terms."""
    extra = [full for short, full in abbreviations().items() if short in normalized]
    lowered = normalized.lower()
    extra += [zh for en, zh in english_glossary().items() if has_phrase(lowered, en)]
    return normalized if not extra else f"{normalized} {' '.join(dict.fromkeys(extra))}"


def has_phrase(text: str, phrase: str) -> bool:
    """Whether the English ``phrase`` occurs in ``text`` as whole words (plural -s allowed)."""
    if phrase not in text:  # most glossary entries are not there at all: no pattern needed
        return False
    return _phrase_pattern(phrase).search(text) is not None


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(phrase)}(?:e?s)?(?![a-z])")


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary holds ``word``; if not, jieba guessed it (时能 of 时 能)."""
    return bool(_jieba().dt.FREQ.get(word))


def is_hanzi(ch: str) -> bool:
    """A CJK unified ideograph (the plan's words are made of these)."""
    return "\u4e00" <= ch <= "\u9fff"


def char_bigrams(text: str) -> set[str]:
    """Pairs of adjacent letters, digits or hanzi: overlap that needs no segmentation."""
    chars = [ch for ch in text if ch.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}


def tagged_words(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech) pairs from jieba: ns place, nt organisation, nr person, n noun…"""
    return list(_tagged(text))


@lru_cache(maxsize=8192)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """Tagged once per text: a question and the words it is matched with are read again
    by several steps of answering, and jieba's tagger is its slowest part."""
    import jieba.posseg

    _jieba()
    tagged: list[tuple[str, str]] = []
    for token in jieba.posseg.cut(text):
        if _measured_after_demonstrative(tagged, token.word, token.flag):
            # 这段时间: 这 段 时间, not 这 段时间 (a name)
            tagged += [(token.word[0], "q"), *dictionary_cut(token.word[1:])]
        else:
            tagged.append((token.word, token.flag))
    return tuple(tagged)


def _measured_after_demonstrative(before: list[tuple[str, str]], word: str, flag: str) -> bool:
    """Whether a "name" jieba read right after 这, 那, 哪, 每, 各 or 该 is a measure word and
    a word of the dictionary (段时间: 段 时间)."""
    return (
        flag in ("nr", "nrfg", "nrt")
        and len(word) > 2
        and bool(before)
        and before[-1][0] in ("这", "那", "哪", "每", "各", "该")
        and dictionary_cut(word[0]) == ((word[0], "q"),)
        and in_dictionary(word[1:])
    )


@lru_cache(maxsize=4096)
def dictionary_cut(text: str) -> tuple[tuple[str, str], ...]:
    """``text`` cut and tagged by jieba's dictionary alone, with no guessed words: the
    pieces of a word jieba's model guessed (哈尔滨飞 is 哈尔滨 飞)."""
    import jieba.posseg

    _jieba()
    return tuple((token.word, token.flag) for token in jieba.posseg.cut(text, HMM=False))


def word_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where ``phrase`` stands in ``text`` as a whole word or a run of whole words.

    Words are cut as jieba cuts the text, a long word also into the words it is made of
    (深圳市 → 深圳 市, 金融资本 → 金融 资本): 融资 is found in 融资担保 and 投融资, not
    across 金融|资本; 对口合作 is found as 对口 合作.
    """
    if not phrase or phrase not in text:
        return []
    bounds = _word_bounds(text)
    spans: list[tuple[int, int]] = []
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if start in bounds and end in bounds:
            spans.append((start, end))
            start = text.find(phrase, end)
        else:
            start = text.find(phrase, start + 1)
    return spans


@lru_cache(maxsize=4096)
def _word_bounds(text: str) -> frozenset[int]:
    """The offsets of ``text`` where a word begins or ends."""
    bounds = {0, len(text)}
    for word, start, end in _jieba().tokenize(text):
        bounds |= {start, end}
        if end - start > 2:
            bounds |= {start + cut for cut in _inner_cuts(word)}
    return frozenset(bounds)


def _inner_cuts(word: str) -> set[int]:
    """Where jieba would cut ``word`` if it were not in its dictionary, and inside the parts.

    The likeliest route through the dictionary's words, as jieba itself chooses, with the
    whole word not counted as one of them.
    """
    jieba = _jieba()
    n, dag, log_total = len(word), jieba.get_DAG(word), math.log(jieba.dt.total)
    best: dict[int, tuple[float, int]] = {n: (0.0, n)}
    for i in range(n - 1, -1, -1):
        ends = [last + 1 for last in dag[i] if (i, last + 1) != (0, n)] or [i + 1]
        best[i] = max(
            (math.log(jieba.dt.FREQ.get(word[i:end]) or 1) - log_total + best[end][0], end)
            for end in ends
        )
    cuts, start = set(), 0
    while start < n:
        end = best[start][1]
        cuts.add(end)
        if end - start > 2:
            cuts |= {start + cut for cut in _inner_cuts(word[start:end])}
        start = end
    return cuts


def segment(text: str) -> list[str]:
    """All search-relevant words of ``text``: jieba search-mode words, lower-cased, no stopwords.

    The lexical index's words, for passages and questions alike. Cut by jieba-rs (rjieba),
    jieba's algorithm and dictionary in Rust: the same words as jieba's own search mode
    (all 13,519 sentences of the Guangdong regulations and the plan) ten times faster, which is a tenth
    of an ingest's time beside a fast embedder. jieba-rs alone keeps a hyphenated run whole
    (2021-2025, COVID-19): cut at the hyphen as jieba does, each year is a word of its own.
    """
    import rjieba

    spaced = _HYPHEN.sub(" - ", text.lower())
    return [w for w in rjieba.cut_for_search(spaced) if _is_content(w)]


_HYPHEN = re.compile(r"(?<=[0-9a-z])-(?=[0-9a-z])")


@lru_cache(maxsize=1 << 16)  # a text's words recur: each is judged once
def _is_content(word: str) -> bool:
    word = word.strip()
    if not word or word in STOPWORDS:
        return False
    return any(ch.isalnum() for ch in word)


def content_terms(text: str) -> list[str]:
    """Distinct content words in reading order (for evidence checks and highlighting)."""
    return list(dict.fromkeys(w for w in _jieba().lcut(text.lower()) if _is_content(w)))


@lru_cache(maxsize=1)
def general_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table of general Chinese and its median: how everyday a word is."""
    from jieba.analyse import default_tfidf

    return default_tfidf.idf_freq, default_tfidf.median_idf


def term_weight(terms: list[str]) -> float:
    """Sum of IDF: generic words (达到, 效果) weigh less than specific ones (门票, 冬奥会)."""
    idf, median = general_idf()
    return sum(idf.get(t, median) for t in terms)
