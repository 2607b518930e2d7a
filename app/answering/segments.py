"""A question's words cut again where jieba cut them across the plan's own words.

jieba knows general Chinese, not the plan: it cuts "年度工作计划报送给谁" as 计划报 / 送给
where the plan writes 计划 and 报送, and a name mistyped by sound (五大莲池, 寒来署往) into
pieces no table can place. ``PlanSegmenter`` joins such pieces again when together they
sound like a plan word, and re-cuts runs holding a word the plan does not use along the
plan's words. ``unguessed`` undoes jieba's guesses that glue lone verbs into a "word"
(请去 of 被请去当).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app.answering.wordkinds import NAME_TAGS
from kb.scope import KnowledgeView
from kb.text import (
    STOPWORDS,
    abbreviations,
    dictionary_cut,
    in_dictionary,
    is_hanzi,
    tagged_words,
)
from kb.vocabulary import PlanVocabulary

# what may be left over when a run is cut along plan words: particles, never a content
# hanzi (卡 of 人才卡, 买 of 荔枝买回来)
_FUNCTION_TAGS = ("p", "u", "d", "c", "r", "y", "e", "x", "f", "q", "m")
SOUND = "n-sound"  # the tag of a word joined again because it sounds like a plan word
# a lone hanzi of these parts of speech names a thing (碳 of 建碳, 链 of 冷链)
_NAMING = ("n", "j", "s")


@dataclass(frozen=True)
class Word:
    """A word of the question as segmented, with its place in the question."""

    text: str
    flag: str  # jieba part of speech; "eng" for English
    start: int
    end: int
    slot: bool  # right after an interrogative: names the kind of answer, not the topic


def sub_words(word: str) -> list[str]:
    """The words jieba's search mode finds inside ``word`` (专项资金 → 专项, 资金)."""
    from kb.text import _jieba

    return [p for p in _jieba().lcut_for_search(word) if len(p) >= 2 and p != word]


def join_short_forms(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Neighbouring tokens that together spell a short form of the table, one word:
    jieba cuts 经开区 as 经 开区, and neither piece is the 经济技术开发区 it stands for."""
    short = abbreviations()
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        for n in (3, 2):
            run = "".join(t for t, _ in tokens[i : i + n])
            if len(tokens) - i >= n and run in short:
                out.append((run, "j"))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def unguessed(tokens: list[tuple[str, str]], kb: KnowledgeView) -> list[tuple[str, str]]:
    """jieba's guesses undone where they glued lone verbs or particles together or onto a
    word: a word of neither its dictionary nor the texts (请去 of 被请去当, 提加 of 提没提加航班)
    is cut by the dictionary alone when the hanzi left over name nothing (请, 去, 加). A
    guess whose leftover is a noun (冷链, 建碳) or that jieba took for a name stays whole."""
    out: list[tuple[str, str]] = []
    for word, flag in tokens:
        pieces = dictionary_cut(word) if _guessed(word, flag, kb) else ()
        if len(pieces) > 1 and all(len(p) > 1 or not f.startswith(_NAMING) for p, f in pieces):
            out += pieces
        else:
            out.append((word, flag))
    return out


def _guessed(word: str, flag: str, kb: KnowledgeView) -> bool:
    return (
        len(word) >= 2
        and all(is_hanzi(ch) for ch in word)
        and flag not in NAME_TAGS  # 孙立行: a person jieba guessed, whatever its pieces
        and not in_dictionary(word)
        and not kb.contains_text(word)
        and not all(ch in abbreviations() for ch in word)  # 粤企, 深哈: short forms
        and word not in abbreviations()  # 国家发改委: a word of the short-form or synonym table
    )


def tiling(word: str, pieces: list[str]) -> list[str]:
    """``word`` cut into ``pieces`` end to end, or [] if they cannot make it up:
    专项资金 is 专项 资金, but 审计费 is not 审计 + 计费 (they overlap, 费 is left over)."""
    ends: dict[int, list[str]] = {0: []}
    for at in range(len(word)):
        if at not in ends:
            continue
        for piece in pieces:
            if word.startswith(piece, at) and at + len(piece) not in ends:
                ends[at + len(piece)] = [*ends[at], piece]
    return ends.get(len(word), []) if word else []


class PlanSegmenter:
    """Re-cuts a question's words against one view of the knowledge base."""

    def __init__(self, kb: KnowledgeView, vocabulary: PlanVocabulary | None) -> None:
        self._kb = kb
        self._vocabulary = vocabulary

    def resegment(self, text: str, words: list[Word]) -> list[Word]:
        """Words the plan does not use, cut again along the plan's own words.

        jieba cuts "年度工作计划报送给谁" as 计划报 / 送给; the plan writes 计划 and 报送. A run
        of neighbouring words holding one the plan does not use is cut again by longest
        match against the plan's text, and the new cut is kept only when nothing but
        function hanzi (给, 的, 要) is left over, so 出让金 never becomes 出让 + 金.
        """
        words = self._join_names(text, self._rejoin_by_sound(text, words))
        out: list[Word] = []
        i = 0
        while i < len(words):
            j = i + 1
            while j < len(words) and _adjoining(words[j - 1], words[j]):
                j += 1
            run = words[i:j]
            if any(self._unplaced(w.text) for w in run if w.flag != SOUND):
                start = run[0].start
                # the hanzi before may be the plan word's first (两 省会 of 两省会办 is 两省 会)
                if (
                    start > 0
                    and is_hanzi(text[start - 1])
                    and not any(w.start <= start - 1 < w.end for w in words)
                ):
                    start -= 1
                recut = self._longest_match(text, start, run[-1].end, run[0].slot)
                if recut is not None:
                    out += recut
                    i = j
                    continue
            out += run
            i = j
        return out

    def _join_names(self, text: str, words: list[Word]) -> list[Word]:
        """A name the plan quotes (“龙江企业家发展论坛”) is one thing asked about, not four
        words that each make a sentence look like an answer."""
        names = self._vocabulary.names if self._vocabulary else frozenset()
        for name in sorted((n for n in names if n in text), key=len, reverse=True):
            a = text.index(name)
            b = a + len(name)
            inside = [w for w in words if a <= w.start and w.end <= b]
            if len(inside) < 2:
                continue
            kept = [w for w in words if w.end <= a or w.start >= b]
            joined = Word(name, "nz", a, b, any(w.slot for w in inside))
            words = sorted([*kept, joined], key=lambda w: w.start)
        return words

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
                if not self._vocabulary.homophones(stretch) or self._kb.contains_text(stretch):
                    continue
                # a word the stretch cuts keeps what is outside it (科技夫 of 科技 夫化器)
                kept = [
                    dataclasses.replace(w, text=text[s:e], start=s, end=e)
                    for w in words
                    for s, e in ((w.start, min(w.end, a)), (max(w.start, b), w.end))
                    if e - s >= 2 or (e - s == 1 and (w.end <= a or w.start >= b))
                ]
                slot = any(w.slot for w in words if a < w.end and w.start < b)
                joined = Word(stretch, SOUND, a, b, slot)
                return sorted([*kept, joined], key=lambda w: w.start)
        return words

    def _unplaced(self, word: str) -> bool:
        """Neither in the plan nor made of plan words (专项资金 is made of 专项 and 资金)."""
        if self._kb.contains_text(word):
            return False
        return not tiling(word, [p for p in sub_words(word) if self._kb.contains_text(p)])

    def _longest_match(self, text: str, start: int, end: int, slot: bool) -> list[Word] | None:
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
            # a function word of the dictionary left over whole (自身 of jieba's 利用自身)
            spoken = next(
                (n for n in (3, 2) if at + n <= end and _function_word(text[at : at + n])), 0
            )
            if spoken:
                at += spoken
                continue
            leftover = text[at] in STOPWORDS  # 是 of 旅游季是谁搞的
            if not leftover and not all(
                f != "eng" and f[:1] in _FUNCTION_TAGS for _, f in tagged_words(text[at])
            ):
                return None  # a content hanzi the plan does not use: keep jieba's cut
            at += 1
        return pieces or None  # nothing but leftovers (打折 → 打 折): keep jieba's cut

    def _plan_words(self) -> frozenset[str]:
        return self._vocabulary.word_set if self._vocabulary else frozenset()


def _function_word(word: str) -> bool:
    """A pronoun of jieba's dictionary of two hanzi or more (自身, 自己), which names nothing
    (an adverb or numeral may end a plan word: 一路上 of 一带一路上)."""
    tags = tagged_words(word)
    return len(word) >= 2 and len(tags) == 1 and in_dictionary(word) and tags[0][1] == "r"


def _adjoining(before: Word, after: Word) -> bool:
    """Written together, and neither is a word already joined by sound (it stands alone)."""
    return after.start == before.end and SOUND not in (before.flag, after.flag)


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of hanzi holding ``text[start:end]``'s last hanzi, three to eight long,
    longest first: the mistyped hanzi may end a word jieba joined it to (科技夫 化器)."""
    spans = [
        (a, b)
        for a in range(max(0, start - 6), end)
        for b in range(end, min(len(text), end + 6) + 1)
        if 3 <= b - a <= 8 and all(is_hanzi(ch) for ch in text[a:b])
    ]
    return sorted(spans, key=lambda s: s[0] - s[1])
