"""How the texts write a question's word: as written, by table, in pieces, by sound or
by meaning (the order and its reasons: terms.py). ``FormFinder.forms`` returns the forms
and how they were found.
"""

from __future__ import annotations

import re

from app.answering.english import glossary_forms
from app.answering.segments import sub_words, tiling
from app.answering.wordkinds import is_verb, names_money, verb_complement
from kb.profiles import EmbedderProfile
from kb.scope import KnowledgeView
from kb.text import abbreviations, general_idf, in_dictionary
from kb.thesaurus import synonyms
from kb.vocabulary import PlanVocabulary, same_tones

# a word with more same-meaning words than this in the texts is too vague to stand for them
_MAX_SYNONYMS = 3
# how much rarer in general Chinese (jieba's IDF) a real word must be than a plan word
# that sounds the same to be read as a typo of it (参预 9.2 of 参与 5.3; 失业 7.6, 事业 6.4)
_TYPO_MARGIN = 2.0
# a Latin name written in capitals or with digits (PPP, 5G, G20)
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9.\-]+|[A-Za-z]*\d[A-Za-z0-9.\-]*)$")


class FormFinder:
    """Finds the texts' forms of question words in one view of the knowledge base."""

    def __init__(
        self, kb: KnowledgeView, vocabulary: PlanVocabulary | None, profile: EmbedderProfile
    ) -> None:
        self._kb = kb
        self._vocabulary = vocabulary
        self._profile = profile

    def forms(self, word: str, english: bool) -> tuple[tuple[str, ...], str]:
        if english and _ACRONYM.match(word) and self._kb.contains_text(word):
            return (word,), "exact"  # PPP, 5G: the texts write some names in Latin letters
        if english or word.isascii():  # ASEAN in a Chinese question is 东盟 too
            translated = glossary_forms(word.lower(), self._kb.contains_text)
            if translated:
                return translated, "table"
            spelled = self._spelled(word)
            if spelled:
                return spelled, "sound"
        if not english:
            if self._kb.contains_text(word):
                return (word, *self._unshortened(word)), "exact"
            full = abbreviations().get(word)
            if full and all(self._kb.contains_text(w) for w in full.split()):
                return tuple(full.split()), "table"
            if len(word) >= 3 and word[-1] in "子儿" and self._kb.contains_text(word[:-1]):
                return (word[:-1],), "suffix"  # 结对子, 一块儿: a spoken suffix on a plan word
            if verb_complement(word, self._kb):  # 降下来: the texts' verb of 降 (降低)
                verbs = self._verbs_of(word)
                if verbs:
                    return verbs, "verb"
            alike = self._by_sound(word)  # 付拉迪沃斯托克 is no verb before a plan word
            if alike:
                return alike, "sound"
            morphemes = [abbreviations().get(ch) for ch in word]
            if all(morphemes):  # 粤企: each hanzi a short form, all of them needed (吉浙)
                parts = tuple(w for m in morphemes if m for w in m.split())
                if all(self._kb.contains_text(w) for w in parts):
                    return parts, "compound"
            if (
                len(word) >= 3
                and is_verb(word[0])
                and not in_dictionary(word[:2])  # 审计费 is 审计 费, not 审 计费
                and self._kb.contains_text(word[1:])
            ):
                return (word[1:],), "compound"  # 开分园: a verb put before a plan word
            # 冰雪运动 is 冰雪 运动; 人才卡 is not 人才, 审计费 not 审计 计费
            pieces = tiling(word, [p for p in sub_words(word) if self._kb.contains_text(p)])
            if pieces:
                return tuple(pieces), "compound"
        if not english and not names_money(word):  # 补贴 is never granted as 津贴
            same = tuple(w for w in synonyms(word) if self._kb.contains_text(w))
            if 0 < len(same) <= _MAX_SYNONYMS:  # 商量 → 协商; a vaguer word (标准) means none
                return same, "synonym"
        # nor is a kind of money ever a plan word near it in meaning (租金 is not 租赁)
        near = () if names_money(word) else self._by_meaning(word)
        return (near, "meaning") if near else ((), "absent")

    def _verbs_of(self, word: str) -> tuple[str, ...]:
        """The texts' two-hanzi verbs that begin with the verb of ``word`` and are near it
        in meaning (降下来: 降低; 签下来: 签署; not 打过来: 打造)."""
        if self._vocabulary is None:
            return ()
        verbs = [w for w in self._vocabulary.words if len(w) == 2 and w[0] == word[0]]
        verbs = [v for v in verbs if is_verb(v)]
        scores = self._vocabulary.scores(word, verbs)
        return tuple(v for v, z in zip(verbs, scores, strict=True) if z >= self._profile.near_z)

    def _unshortened(self, word: str) -> tuple[str, ...]:
        """``word`` with a short form written out, where the texts say it so (国有企业改革)."""
        found = []
        for short, full in abbreviations().items():
            if len(short) >= 2 and short in word and short != word and " " not in full:
                written = word.replace(short, full)
                if written not in word and self._kb.contains_text(written):
                    found.append(written)
        return tuple(found)

    def _spelled(self, word: str) -> tuple[str, ...]:
        """A name an English question spells in pinyin (Chongqing → 重庆, Lishui → 丽水):
        capitalised, two syllables or more, written so by a word the texts use."""
        if self._vocabulary is None or len(word) < 5 or not word[:1].isupper():
            return ()
        return tuple(w for w in self._vocabulary.spelled(word) if self._kb.contains_text(w))

    def _by_sound(self, word: str) -> tuple[str, ...]:
        idf, median = general_idf()
        if self._vocabulary is None or len(word) < 2:
            return ()
        alike = [w for w in self._vocabulary.homophones(word) if self._kb.contains_text(w)]
        if word in idf:
            # a real word is a typo of a plan word only when it shares a hanzi with it, sounds
            # the same to the tone and is far rarer in general Chinese (参预 of 参与, 合做 of
            # 合作); 失业 is no typo of 事业, nor 大雪 of 大学, 视频 of 食品
            alike = [
                w
                for w in alike
                if set(w) & set(word)
                and same_tones(word, w)
                and idf[word] - idf.get(w, median) >= _TYPO_MARGIN
            ]
        return tuple(alike)

    def _by_meaning(self, word: str) -> tuple[str, ...]:
        if self._vocabulary is None:
            return ()
        near = self._vocabulary.nearest(word, 2)
        threshold = self._profile.term_match_z
        return tuple(w for w, z in near if z >= threshold and self._kb.contains_text(w))
