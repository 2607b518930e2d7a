"""A question's words matched to the plan's own words: as written, by table, by meaning.

Each content word of a question becomes a ``Term`` with the forms the plan may use
for it, found (forms.py) in this order:
- the word itself, when the plan uses it;
- its full form from the short-form table (广交会 → 中国进出口商品交易会), or the plan
  terms an English word translates to (kb/data/*.yaml: data for what meaning cannot find);
- the one place of the texts a 省 or 市 shortened to its first hanzi stands for (黑省 →
  黑龙江省, 哈市 → 哈尔滨市);
- a one-hanzi verb with a directional complement as the texts' verbs of that hanzi near
  it in meaning (降下来 → 降低; 打过来 is no 打造), and an inflected English word as its
  dictionary form's (sold → sell: 销售);
- the pieces of a compound when the plan uses each piece (冰雪运动 → 冰雪, 运动): the
  coverage policy then asks for the pieces together in one sentence;
- a plan word that sounds the same (a typo typed by pinyin: 采够 → 采购), or a real word
  far rarer than one sounding the same to the tone and sharing a hanzi (参预 → 参与);
- the plan's nearest word by meaning (高铁 → 铁路), judged by the embedding model's
  own threshold (kb/profiles.py); a name is never another name near it (佛山 is not 广东)
  unless it shortens it (中俄: 中国, 俄罗斯), nor a thing a place (粤菜 is not 粤港澳).
A word with no form is one the plan does not mention. A word that only frames the
question never makes it unanswered: the noun after 什么/哪个 (it names the kind of
answer; not so a kind of money the plan never names: 什么补贴 takes one for granted),
an everyday word the plan never needs (wordkinds.py: 时间, 意思; not 创业板), a verb the
plan does not use (提到, 搭起: the things a premise rests on are named by nouns; any such
verb right after the plan named as who acts, 方案里点名的, or in a request to whoever
answers, 请都列出来: framing.py), and in English a lower-case word no table
or meaning places.

A term weighs by its rarity in the knowledge base (两省 weighs little in a 两省 plan)
times its rarity in general Chinese (相关, 企业 weigh less than 孵化器).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.answering.forms import FormFinder
from app.answering.numbers import amount_forms
from app.answering.segments import PlanSegmenter, Word, unguessed
from app.answering.wordkinds import (
    NAME_TAGS,
    is_content,
    is_frame,
    is_soft,
    is_verb,
    little_of_an_act,
    names_money,
    unglued,
)
from kb.profiles import EmbedderProfile
from kb.scope import KnowledgeView
from kb.text import (
    general_idf,
    tagged_words,
)
from kb.thesaurus import is_action
from kb.vocabulary import PlanVocabulary

# an English word no table or meaning places counts this much of an unknown Chinese
# word: the glossary cannot know every English word a question may use
_ENGLISH_SOFT = 0.15
# a verb weighs this much of a noun as rare: 哈尔滨跟哪个市结对 is answered by 哈尔滨市与深圳市
# 对口合作, while 冰雪运动装备 is not answered by 装备 alone
_VERB = 0.5
# what a sentence holding only a near word of a plan word is credited with: the plan
# uses the word elsewhere, so the sentence may mean something else by its own word
_NEAR_CREDIT = 0.8


@dataclass(frozen=True)
class Term:
    text: str
    forms: tuple[str, ...]  # how the plan writes it; empty: the plan does not mention it
    weight: float  # its rarity in the knowledge base: 两省 weighs little in a 两省 plan
    frame: bool = False  # frames the question only: never a reason to decline
    # exact | table | compound | suffix | verb | sound | synonym | meaning | absent
    how: str = "exact"
    # an unknown word that is not a name (院线, 开店, 起草; English words no table places):
    # not declined for by itself, but a part of the question an answer would have to hold
    soft: bool = False
    # plan words nearest in meaning to a word the plan also uses (大学 → 高校, 两地 → 两省):
    # a sentence that says it the plan's other way holds most of it (``held_by``)
    near: tuple[str, ...] = ()
    verb: bool = False  # relates the things the question names (结对, 引进), names none
    named: bool = False  # a place, body or other proper name (广州, 黑龙江)
    # names near a name the texts never write (佛山: 广东): the nearest clauses are searched
    # with them, shown as related; a sentence holding them holds nothing of this term
    hints: tuple[str, ...] = ()
    # a province the asked place is in (广东哪个城市): held by its cities only (relations.py)
    within: bool = False

    @property
    def plan_word(self) -> str:
        """The word as the question names it, in the plan's words when it is English
        (Heilongjiang: 黑龙江省), for telling a side from what is asked about it."""
        return self.forms[0] if self.text.isascii() and self.forms else self.text

    def held_by(self, text: str) -> float:
        """How much of this term ``text`` holds: all of it, most of it by a near word, none."""
        if self.found_in(text):
            return 1.0
        return _NEAR_CREDIT if any(w in text for w in self.near) else 0.0

    def found_in(self, text: str) -> bool:
        """Whether ``text`` holds this term (all pieces of a compound); Latin in any case."""
        text = text.lower()
        if self.how == "compound":
            return all(f.lower() in text for f in self.forms)
        return any(f.lower() in text for f in self.forms)


def _is_name(word: str) -> bool:
    return all(flag in NAME_TAGS for _, flag in tagged_words(word))


def _shortens(short: str, names: list[str]) -> bool:
    """Whether ``short`` may shorten ``names`` together: each of its hanzi the first of one
    of them, as 中俄 is 中国 and 俄罗斯."""
    initials = {name[:1] for name in names}
    return bool(names) and len(short) <= 3 and all(ch in initials for ch in short)


def _bare(name: str) -> str:
    """A place without the level it is named with (佛山市 → 佛山, 广东省 → 广东)."""
    return name[:-1] if len(name) > 2 and name[-1] in "省市县区" else name


class TermMatcher:
    """Matches question words against one view of the knowledge base."""

    def __init__(
        self, kb: KnowledgeView, vocabulary: PlanVocabulary | None, profile: EmbedderProfile
    ) -> None:
        self._kb = kb
        self._vocabulary = vocabulary
        self._profile = profile
        self._finder = FormFinder(kb, vocabulary, profile)
        self._clauses = max(sum(len(d.clauses) for d in kb.documents()), 1)

    def is_content(self, word: str, flag: str) -> bool:
        return is_content(word, flag, self._kb)

    def little_of_an_act(self, word: str, asks_after: bool) -> bool:
        return little_of_an_act(word, self._kb, asks_after)

    def unglued(self, word: str) -> str:
        return unglued(word, self._kb)

    def unguessed(self, tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return unguessed(tokens, self._kb)

    def in_plan(self, word: str) -> bool:
        return self._kb.contains_text(word)

    def plan_words(self) -> list[str]:
        """The texts' words (their vocabulary), [] before it is built."""
        return self._vocabulary.words if self._vocabulary is not None else []

    def resegment(self, text: str, words: list[Word]) -> list[Word]:
        """The words cut again along the plan's own words (app/answering/segments.py)."""
        return PlanSegmenter(self._kb, self._vocabulary).resegment(text, words)

    def term(self, word: Word, english: bool) -> Term:
        forms, how = self._finder.forms(word.text, english)
        hints: tuple[str, ...] = ()
        if how == "meaning" and word.flag not in NAME_TAGS and all(map(_is_name, forms)):
            # a thing is no place near it in meaning (粤菜 is not 粤港澳)
            forms, how = (), "absent"
        if word.flag in NAME_TAGS and how in ("synonym", "meaning"):
            # a place or body the texts never name is no other one near it in meaning
            # (佛山 is not 广东, 北京 not 中国, 莫斯科 not 俄罗斯): the texts name it or not
            # unless it is the same place at its level or shortens the names found (中俄 of
            # 中国 and 俄罗斯: each hanzi the first of one of them; not 广西 of 广东, 白俄罗斯
            # of 俄罗斯)
            names = [f for f in forms if _is_name(f)]
            shortened = _shortens(word.text, names)
            kept = tuple(
                f
                for f in forms
                if not _is_name(f)
                or _bare(f) == _bare(word.text)  # 佛山市 is 佛山
                or (shortened and f[0] in word.text)
            )
            hints = tuple(f for f in forms if f not in kept)  # searched with, never held
            forms = kept
            how = how if forms else "absent"
        granted = word.slot and not (not forms and names_money(word.text))
        # an everyday word the texts do not use frames the question, even if a thesaurus or
        # the embedding finds a text word near it (问题 is no 纽带)
        loose = not forms or how in ("synonym", "meaning")
        frame = granted or (loose and is_frame(word.text, word.flag))
        soft = not forms and is_soft(word.text, word.flag)
        weight = self._weight(word.text, forms)
        near = self._near(word) if how == "exact" and not frame else ()
        if soft and english:
            weight *= _ENGLISH_SOFT
        verb = word.flag.startswith("v") and word.flag != "vn"
        if english and forms:  # an English word is what the plan's words for it are (use: 利用)
            verb = all(is_verb(f) or is_action(f) for f in forms)
        if how == "suffix":  # 结对子 is the verb 结对
            verb = is_verb(forms[0])
        if verb and not (soft and english):
            weight *= _VERB  # verbs relate the things a question names; nouns name them
        named = word.flag in NAME_TAGS
        return Term(
            word.text, forms, weight, frame, how, soft, near, verb=verb, named=named, hints=hints
        )

    def fact(self, fact: str) -> Term:
        """A year or amount the question takes as given: the plan must state it, in either
        numerals (200元 is 二百元)."""
        found = tuple(f for f in amount_forms(fact) if self._kb.contains_text(f))
        return Term(fact, found, math.log(self._clauses + 1), how="exact" if found else "absent")

    def _weight(self, word: str, forms: tuple[str, ...]) -> float:
        idf, median = general_idf()
        general = min(1.0, idf.get(word, median) / median)
        if not forms:
            return math.log(self._clauses + 1) * general  # unknown: as rare as a word can be
        return max(self._kb.term_rarity([f]) for f in forms) * general

    def _near(self, word: Word) -> tuple[str, ...]:
        """Near plan words of a plan word that names no one (广州 is never 深圳)."""
        if word.flag in NAME_TAGS or self._vocabulary is None:
            return ()
        near = self._vocabulary.nearest(word.text, 4)
        threshold = self._profile.near_z
        return tuple(w for w, z in near if z >= threshold and w not in word.text)
