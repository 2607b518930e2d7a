"""What a word of a question is: a topic or a frame, a name or not, glued on by jieba.

A word that only frames the question (时间, 意思, 身边; 打算) never makes it unanswered;
a name (广州, 王小明) the texts do not mention is a premise they do not state; a kind of
money (补贴, 租金) a question takes for granted is its premise, never the kind of answer.
jieba's guesses glue a modal or passive onto a neighbour (要卖, 时能, 粤企能): such a word
names no topic of its own. terms.py finds the forms the texts use for the words left.
"""

from __future__ import annotations

import re

from kb.english_words import english_function_words
from kb.scope import KnowledgeView
from kb.text import (
    STOPWORDS,
    abbreviations,
    english_glossary,
    general_idf,
    in_dictionary,
    tagged_words,
)
from kb.thesaurus import is_general, may_act

# places, people, organisations, other proper names: the plan names them or it does not
NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz"})
# parts of speech that can name a topic; pronouns, numerals, particles frame a question
_CONTENT_TAGS = ("n", "v", "j", "l", "i", "eng", "a", "t", "s")
# hanzi that make a word a kind of money or benefit (补贴, 税收, 优惠, 租金, 福利, 贷款):
# 能享受什么补贴 takes for granted that there is one, so a word of this kind the plan never
# uses is its premise, not the kind of answer asked for (啥门路, 哪两个文件 are)
_MONEY_HANZI = frozenset("税贴奖惠免租费息薪酬价折利补钱款")
# an everyday word (general IDF below this, jieba's table) that the plan does not use is
# a frame word (时间 4.1, 意思 5.8, 情况 4.0); specific words (税收 6.8, 补贴 7.1) are not
_FRAME_IDF = 6.0
_FRAME_IDF_VERB = (
    6.6  # everyday verbs frame more readily (打算 6.2, 交给 6.5); nouns name (天气 6.5)
)
_NUMERAL_CHARS = frozenset("0123456789一二三四五六七八九十百千万亿两几多少半第每个些")
# modal verbs jieba glues to a neighbouring hanzi (要卖, 时能); 上 of 上市 is none
_MODALS = frozenset("要能会可该想应得")
_LEADING = _MODALS | frozenset("被把将")
# where the act of a one-hanzi verb goes (降下来, 签下来, 建起来): the directional
# complements of two hanzi, a closed class of Chinese grammar
_DIRECTIONAL = re.compile(r"^[上下进出回过起开][来去]$")
_ASPECT = frozenset("过了着")  # an act done (开过, 办了) or going on (写着)
_DELIMITING = frozenset("点些")  # 干点啥, 做些什么: a little of an act, asked about
# a word asked both ways, A-not-A (行不行, 有没有, 可不可以): it asks yes or no, names nothing
_A_NOT_A = re.compile(r"^(\w)\w?[不没]\1")


def is_content(word: str, flag: str, kb: KnowledgeView) -> bool:
    """Whether a word of the question can name a topic: not a stop word, numeral or
    particle, nor a modal jieba glued to a lone hanzi."""
    lowered = word.lower()
    if lowered in STOPWORDS or not any(ch.isalnum() for ch in word):
        return False
    if flag == "eng" and lowered in english_function_words():
        return False
    if len(word) < 2:
        return word in abbreviations()  # 粤 is 广东
    if _A_NOT_A.match(word):  # 行不行, 能不能, 可不可以: a yes/no question by its form
        return False
    if flag == "m":  # jieba tags some nouns as numerals (大米); real numerals are frame
        return not set(word) & _NUMERAL_CHARS
    if act_with_aspect(word, flag, kb):
        return False  # 开过的发票: 开 done, no topic
    if len(word) == 2 and word[0] in _LEADING and not kb.contains_text(word):
        return False  # 要卖, 被判: a modal or passive glued to a one-hanzi verb names no topic
    if (
        len(word) == 2
        and word[1] in _MODALS
        and not in_dictionary(word)
        and not kb.contains_text(word)
    ):
        return False  # 所得税时能扣, 的人会被: jieba's guess glued a modal to a lone hanzi
    return flag.startswith(_CONTENT_TAGS) or flag in ("ns", "nt", "nr", "nz", "vn")


def verb_complement(word: str, kb: KnowledgeView) -> bool:
    """Whether ``word`` is a one-hanzi verb with a directional complement (降下来, 签下来),
    a word neither the texts nor everyday Chinese use as a verb of its own (进来, 打开)."""
    return (
        len(word) == 3
        and not kb.contains_text(word)
        and acts(word[0])
        and bool(_DIRECTIONAL.match(word[1:]))
        and not is_frame(word, "v")
    )


def act_with_aspect(word: str, flag: str, kb: KnowledgeView) -> bool:
    """Whether ``word`` is a one-hanzi verb with an aspect particle (开过的发票, 办了卡, 写着):
    the act of one hanzi, a closed class of Chinese grammar, which names no topic; a word
    the texts use (通过, 经过) or general Chinese lists (超过, 受过, 执着) is a word of its own."""
    return (
        len(word) == 2
        and flag.startswith("v")
        and word[1] in _ASPECT
        and acts(word[0])
        and not kb.contains_text(word)
        and not is_general(word)
    )


def little_of_an_act(word: str, kb: KnowledgeView, asks_after: bool) -> bool:
    """Whether ``word`` asks for a little of an act (干点啥, 做些什么: ``asks_after``, an
    interrogative follows): the act asked about is the answer, it names no topic."""
    return (
        asks_after
        and len(word) == 2
        and not kb.contains_text(word)
        and acts(word[0])
        and word[1] in _DELIMITING
    )


def unglued(word: str, kb: KnowledgeView) -> str:
    """``word`` without a modal jieba guessed onto it (粤企能 → 粤企): not a word of its
    dictionary nor of the texts, and what is left is one of either or a short form."""
    if len(word) < 3 or word[-1] not in _MODALS or in_dictionary(word):
        return word
    rest = word[:-1]
    short = rest in abbreviations() or all(abbreviations().get(ch) for ch in rest)
    if kb.contains_text(word) or not (kb.contains_text(rest) or in_dictionary(rest) or short):
        return word
    return rest


def is_frame(word: str, flag: str) -> bool:
    """Whether ``word``, if the plan does not use it, only frames the question: an
    everyday word, frequent in general Chinese (身边, 打算); a noun also listed by its
    thesaurus (创业板 is frequent in news, yet names one thing the question is about)."""
    if flag == "ns" or flag.startswith("nr"):  # 北京 is frequent in news and a thesaurus
        return False  # word, and a place (jieba's nz are often plain words: 普通, 和平)
    idf, median = general_idf()
    verb = flag.startswith("v") and flag != "vn"
    everyday = idf.get(word, median) < (_FRAME_IDF_VERB if verb else _FRAME_IDF)
    return everyday and (not flag.startswith("n") or is_general(word))


def is_soft(word: str, flag: str) -> bool:
    """An unknown word that is not a name: it weighs in coverage, it does not decline."""
    if flag == "eng":  # a capitalised word names something (France)
        return not word[:1].isupper() or len(word) < 2
    return flag not in NAME_TAGS


def names_money(word: str) -> bool:
    """Whether ``word`` is a kind of money or benefit (补贴, 租金, 优惠; subsidies: the
    glossary's 补助 补贴)."""
    if word.isascii():
        word = english_glossary().get(word.lower(), "")
    return bool(set(word) & _MONEY_HANZI)


def acts(hanzi: str) -> bool:
    """Whether a hanzi is a verb to jieba or may act to a thesaurus (飞, a noun to jieba)."""
    return is_verb(hanzi) or (is_general(hanzi) and may_act(hanzi))


def is_verb(hanzi: str) -> bool:
    return any(flag == "v" for _, flag in tagged_words(hanzi))


def is_place(word: str) -> bool:
    """Whether jieba reads every piece of ``word`` as a place (广东, 哈尔滨市)."""
    return all(flag == "ns" for _, flag in tagged_words(word))
