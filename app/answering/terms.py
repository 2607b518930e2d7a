"""A question's words matched to the plan's own words: as written, by table, by meaning.

Each content word of a question becomes a ``Term`` with the forms the plan may use
for it, found in this order:
- the word itself, when the plan uses it;
- its full form from the short-form table (广交会 → 中国进出口商品交易会), or the plan
  terms an English word translates to (kb/data/*.yaml: data for what meaning cannot find);
- the pieces of a compound when the plan uses each piece (冰雪运动 → 冰雪, 运动): the
  coverage policy then asks for the pieces together in one sentence;
- a plan word that sounds the same (a typo typed by pinyin: 采够 → 采购);
- the plan's nearest word by meaning (高铁 → 铁路), judged by the embedding model's
  own threshold (kb/profiles.py).
A word with no form is one the plan does not mention. A word that only frames the
question never makes it unanswered: the noun after 什么/哪个 (it names the kind of
answer), an everyday word the plan never needs (时间, 意思), a verb the plan does not
use (提到, 搭起: the things a premise rests on are named by nouns), and in English a
lower-case word no table or meaning places.

A term weighs by its rarity in the knowledge base (两省 weighs little in a 两省 plan)
times its rarity in general Chinese (相关, 企业 weigh less than 孵化器).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from kb.profiles import EmbedderProfile
from kb.scope import KnowledgeView
from kb.text import STOPWORDS, abbreviations, english_glossary, english_stem
from kb.vocabulary import PlanVocabulary

# places, people, organisations, other proper names: the plan names them or it does not
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz"})
# parts of speech that can name a topic; pronouns, numerals, particles frame a question
_CONTENT_TAGS = ("n", "v", "j", "l", "i", "eng", "a", "t", "s")
# an everyday word (general IDF below this, jieba's table) that the plan does not use is
# a frame word (时间 4.1, 意思 5.8, 情况 4.0); specific words (税收 6.8, 补贴 7.1) are not
_FRAME_IDF = 6.0
_FRAME_IDF_VERB = (
    6.6  # everyday verbs frame more readily (打算 6.2, 交给 6.5); nouns name (天气 6.5)
)
# what may be left over when a run is cut along plan words: particles, never a content
# hanzi (卡 of 人才卡, 买 of 荔枝买回来)
_FUNCTION_TAGS = ("p", "u", "d", "c", "r", "y", "e", "x", "f", "q", "m")
_SOUND = "n-sound"  # the tag of a word joined again because it sounds like a plan word
_NUMERAL_CHARS = frozenset("0123456789一二三四五六七八九十百千万亿两几多少半第每个些")
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
class Word:
    """A word of the question as segmented, with its place in the question."""

    text: str
    flag: str  # jieba part of speech; "eng" for English
    start: int
    end: int
    slot: bool  # right after an interrogative: names the kind of answer, not the topic


@dataclass(frozen=True)
class Term:
    text: str
    forms: tuple[str, ...]  # how the plan writes it; empty: the plan does not mention it
    weight: float  # its rarity in the knowledge base: 两省 weighs little in a 两省 plan
    frame: bool = False  # frames the question only: never a reason to decline
    how: str = "exact"  # exact | table | compound | sound | meaning | absent
    # an unknown word that is not a name (院线, 开店, 起草; English words no table places):
    # not declined for by itself, but a part of the question an answer would have to hold
    soft: bool = False
    # plan words nearest in meaning to a word the plan also uses (大学 → 高校, 两地 → 两省):
    # a sentence that says it the plan's other way holds most of it (``held_by``)
    near: tuple[str, ...] = ()

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


@lru_cache(maxsize=1)
def _general_idf() -> tuple[dict[str, float], float]:
    from jieba.analyse import default_tfidf

    return default_tfidf.idf_freq, default_tfidf.median_idf


def _pieces(word: str) -> list[str]:
    from kb.text import _jieba

    return [p for p in _jieba().lcut_for_search(word) if len(p) >= 2 and p != word]


class TermMatcher:
    """Matches question words against one view of the knowledge base."""

    def __init__(
        self, kb: KnowledgeView, vocabulary: PlanVocabulary | None, profile: EmbedderProfile
    ) -> None:
        self._kb = kb
        self._vocabulary = vocabulary
        self._profile = profile
        self._clauses = max(sum(len(d.clauses) for d in kb.documents()), 1)
        self._words: frozenset[str] | None = None

    def is_content(self, word: str, flag: str) -> bool:
        lowered = word.lower()
        if lowered in STOPWORDS or not any(ch.isalnum() for ch in word):
            return False
        if len(word) < 2:
            return word in abbreviations()  # 粤 is 广东
        if flag == "m":  # jieba tags some nouns as numerals (大米); real numerals are frame
            return not set(word) & _NUMERAL_CHARS
        if len(word) == 2 and word[0] in STOPWORDS and not self._kb.contains_text(word):
            return False  # 要卖, 能干: a modal glued to a one-hanzi verb names no topic
        return flag.startswith(_CONTENT_TAGS) or flag in ("ns", "nt", "nr", "nz", "vn")

    @staticmethod
    def is_frame(word: str, flag: str) -> bool:
        """Whether ``word``, if the plan does not use it, only frames the question."""
        idf, median = _general_idf()
        verb = flag.startswith("v") and flag != "vn"
        return idf.get(word, median) < (_FRAME_IDF_VERB if verb else _FRAME_IDF)

    @staticmethod
    def is_soft(word: str, flag: str) -> bool:
        """An unknown word that is not a name: it weighs in coverage, it does not decline."""
        if flag == "eng":  # a capitalised word names something (France)
            return not word[:1].isupper() or len(word) < 2
        return flag not in _NAME_TAGS

    def resegment(self, text: str, words: list[Word]) -> list[Word]:
        """Words the plan does not use, cut again along the plan's own words.

        jieba cuts "年度工作计划报送给谁" as 计划报 / 送给; the plan writes 计划 and 报送. A run
        of neighbouring words holding one the plan does not use is cut again by longest
        match against the plan's text, and the new cut is kept only when nothing but
        function hanzi (给, 的, 要) is left over, so 出让金 never becomes 出让 + 金.
        """
        words = self._rejoin_by_sound(text, words)
        out: list[Word] = []
        i = 0
        while i < len(words):
            j = i + 1
            while (
                j < len(words)
                and words[j].start == words[j - 1].end
                and _SOUND
                not in (
                    words[j].flag,
                    words[j - 1].flag,
                )
            ):
                j += 1
            run = words[i:j]
            if any(self._unplaced(w.text) for w in run if w.flag != _SOUND):
                recut = self._longest_match(text, run[0].start, run[-1].end, run[0].slot)
                if recut is not None:
                    out += recut
                    i = j
                    continue
            out += run
            i = j
        return out

    def _rejoin_by_sound(self, text: str, words: list[Word]) -> list[Word]:
        """A name mistyped by sound (五大莲池, 寒来署往) that jieba cut into pieces, joined
        again: the longest stretch around a word the plan does not use that sounds like a
        plan word becomes one word (its form is then found by sound).
        """
        if self._vocabulary is None:
            return words
        for word in [w for w in words if self._unplaced(w.text)]:
            for a, b in _windows(text, word.start, word.end):
                stretch = text[a:b]
                if self._kb.contains_text(stretch) or not self._vocabulary.homophones(stretch):
                    continue
                kept = [w for w in words if w.end <= a or w.start >= b]
                slot = any(w.slot for w in words if a < w.end and w.start < b)
                joined = Word(stretch, _SOUND, a, b, slot)
                return sorted([*kept, joined], key=lambda w: w.start)
        return words

    def _unplaced(self, word: str) -> bool:
        """Neither in the plan nor made of plan words (专项资金 is made of 专项 and 资金)."""
        if self._kb.contains_text(word):
            return False
        pieces = _pieces(word)
        whole = pieces and set(word) <= set("".join(pieces))
        return not (whole and all(self._kb.contains_text(p) for p in pieces))

    def _longest_match(self, text: str, start: int, end: int, slot: bool) -> list[Word] | None:
        from kb.text import tagged_words

        words = self._plan_words()  # whole words of the plan: not 黑龙江开 of 黑龙江开展
        pieces: list[Word] = []
        at = start
        while at < end:
            sizes = range(min(8, end - at), 1, -1)
            size = next((n for n in sizes if text[at : at + n] in words), 0)
            if size:
                pieces.append(Word(text[at : at + size], "n", at, at + size, slot and not pieces))
                at += size
                continue
            leftover = text[at] in STOPWORDS  # 是 of 旅游季是谁搞的
            if not leftover and not all(
                f != "eng" and f[:1] in _FUNCTION_TAGS for _, f in tagged_words(text[at])
            ):
                return None  # a content hanzi the plan does not use: keep jieba's cut
            at += 1
        return pieces or None  # nothing but leftovers (打折 → 打 折): keep jieba's cut

    def _plan_words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(self._vocabulary.words if self._vocabulary else ())
        return self._words

    def term(self, word: Word, english: bool) -> Term:
        forms, how = self._forms(word.text, english)
        frame = word.slot or (not forms and self.is_frame(word.text, word.flag))
        soft = not forms and self.is_soft(word.text, word.flag)
        weight = self._weight(word.text, forms)
        near = self._near(word) if how == "exact" and not frame else ()
        if soft and english:
            weight *= _ENGLISH_SOFT
        elif word.flag.startswith("v") and word.flag != "vn":
            weight *= _VERB  # verbs relate the things a question names; nouns name them
        return Term(word.text, forms, weight, frame=frame, how=how, soft=soft, near=near)

    def fact(self, fact: str) -> Term:
        """A year or amount the question takes as given: the plan must state it literally."""
        found = (fact,) if self._kb.contains_text(fact) else ()
        return Term(fact, found, math.log(self._clauses + 1), how="exact" if found else "absent")

    def _weight(self, word: str, forms: tuple[str, ...]) -> float:
        idf, median = _general_idf()
        general = min(1.0, idf.get(word, median) / median)
        if not forms:
            return math.log(self._clauses + 1) * general  # unknown: as rare as a word can be
        return max(self._kb.term_rarity([f]) for f in forms) * general

    def _forms(self, word: str, english: bool) -> tuple[tuple[str, ...], str]:
        if english or word.isascii():  # ASEAN in a Chinese question is 东盟 too
            translated = self._translations(word.lower())
            if translated:
                return translated, "table"
        if not english:
            if self._kb.contains_text(word):
                return (word,), "exact"
            full = abbreviations().get(word)
            if full and all(self._kb.contains_text(w) for w in full.split()):
                return tuple(full.split()), "table"
            alike = self._by_sound(word)  # 付拉迪沃斯托克 is no verb before a plan word
            if alike:
                return alike, "sound"
            morphemes = [abbreviations().get(ch) for ch in word]
            if all(morphemes):  # 粤企: each hanzi a short form, all of them needed (吉浙)
                parts = tuple(w for m in morphemes if m for w in m.split())
                if all(self._kb.contains_text(w) for w in parts):
                    return parts, "compound"
            if len(word) >= 3 and _is_verb(word[0]) and self._kb.contains_text(word[1:]):
                return (word[1:],), "compound"  # 开分园: a verb put before a plan word
            pieces = _pieces(word)
            whole = pieces and set(word) <= set("".join(pieces))  # 人才卡 is not 人才
            if whole and all(self._kb.contains_text(p) for p in pieces):
                return tuple(_outermost(pieces)), "compound"
        near = self._by_meaning(word)
        return (near, "meaning") if near else ((), "absent")

    def _translations(self, word: str) -> tuple[str, ...]:
        glossary = english_glossary()
        if word in glossary:
            return tuple(z for z in glossary[word].split() if self._kb.contains_text(z))
        stem = english_stem(word)
        return tuple(
            dict.fromkeys(
                z
                for en, zh in glossary.items()
                if " " not in en and english_stem(en) == stem
                for z in zh.split()
                if self._kb.contains_text(z)
            )
        )

    def _by_sound(self, word: str) -> tuple[str, ...]:
        idf, _ = _general_idf()
        if self._vocabulary is None or len(word) < 2 or word in idf:
            return ()  # a real word (失业) is no typo of another (事业)
        return tuple(w for w in self._vocabulary.homophones(word) if self._kb.contains_text(w))

    def _near(self, word: Word) -> tuple[str, ...]:
        """Near plan words of a plan word that names no one (广州 is never 深圳)."""
        if word.flag in _NAME_TAGS or self._vocabulary is None:
            return ()
        near = self._vocabulary.nearest(word.text, 4)
        threshold = self._profile.near_z
        return tuple(w for w, z in near if z >= threshold and w not in word.text)

    def _by_meaning(self, word: str) -> tuple[str, ...]:
        if self._vocabulary is None:
            return ()
        near = self._vocabulary.nearest(word, 2)
        threshold = self._profile.term_match_z
        return tuple(w for w, z in near if z >= threshold and self._kb.contains_text(w))


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of hanzi around ``text[start:end]``, three to eight long, longest first."""
    spans = [
        (a, b)
        for a in range(max(0, start - 6), start + 1)
        for b in range(end, min(len(text), end + 6) + 1)
        if 3 <= b - a <= 8 and all("\u4e00" <= ch <= "\u9fff" for ch in text[a:b])
    ]
    return sorted(spans, key=lambda s: s[0] - s[1])


def _is_verb(hanzi: str) -> bool:
    from kb.text import tagged_words

    return any(flag == "v" for _, flag in tagged_words(hanzi))


def _outermost(pieces: list[str]) -> list[str]:
    """Pieces not contained in a longer piece: 冰雪运动 → 冰雪, 运动."""
    return [p for p in pieces if not any(p != q and p in q for q in pieces)]
