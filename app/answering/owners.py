"""Whose each thing is: the side a noun phrase names before the thing (广东的证券公司).

"鼓励黑龙江的证券公司去广东设分支机构" makes the 证券公司 黑龙江's; the plan's "鼓励广东省证券、
期货、保险公司到黑龙江省设立分支机构" makes them 广东's: the relation runs the other way even
though every word is there. A thing belongs to the place its noun phrase starts with: read
back from the phrase's head over nouns, modifiers, 的 and list marks (黑龙江省的发电装备、…、
石油钻探装备等优势产品企业) to a place. A verb ends the phrase, unless a side stands right
before it (帮广东改善航空物流设施: 广东's facilities); otherwise it says where or how, which
``Relation`` reads (到黑龙江省投资建设一批加工基地). A sentence is compared on the phrases
that hold the question's modifiers (黑龙江的工业设计公司 and 广东省工业设计企业; not
黑龙江省制造企业): ``Ownership.elsewhere_in``.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.answering.parts import is_place, named_places
from app.answering.terms import Term
from kb.text import abbreviations, tagged_words

# what may stand between a place and its thing inside one noun phrase: nouns, modifiers,
# numerals and measure words (一批), pronouns (其他, 各), 的, 等, list marks, brackets
_PHRASE_TAGS = ("n", "a", "b", "j", "vn", "m", "q", "r", "l")
_PHRASE_WORDS = frozenset("的 之 、 等 等等 和 与 及 （ ） ( )".split())
_BOTH = frozenset({"和", "与", "及", "、", "同"})  # 黑龙江省和广东省企业: both sides'
Words = list[tuple[str, str]]


@dataclass(frozen=True)
class Owned:
    """A thing the question gives to one side: 证券 of 黑龙江的证券公司."""

    head: Term
    modifiers: tuple[Term, ...]  # the question's terms between the side and the head
    side: str  # the side's key (``side_key``)
    phrase: str  # as the question says it: 黑龙江的证券

    def owners_in(self, sentence: str, sides: frozenset[str]) -> set[str]:
        """The sides ``sentence`` gives this thing to, in phrases holding its modifiers."""
        found = set()
        for form in (*self.head.forms, *self.head.near):
            for owner, phrase in owners_of(sentence, form, sides):
                if owner and all(m.held_by(phrase) for m in self.modifiers):
                    found.add(owner)
        return found


@dataclass(frozen=True)
class Ownership:
    """The things a question gives to one of its sides, and its sides."""

    owned: tuple[Owned, ...]
    sides: frozenset[str]

    def elsewhere_in(self, sentence: str) -> Owned | None:
        """The first thing ``sentence`` gives only to another side, if any."""
        for owned in self.owned:
            owners = owned.owners_in(sentence, self.sides)
            if owners and owned.side not in owners:
                return owned
        return None


def side_key(place: str) -> str:
    """One key per side: 粤, 广东, 广东省 are 广东; 龙江, 黑龙江省 are 黑龙."""
    full = abbreviations().get(place, place)
    if len(full) > 2 and full[-1] in "省市":
        full = full[:-1]
    return {"龙江": "黑龙"}.get(full[:2], full[:2])


def ownership(text: str, terms: tuple[Term, ...]) -> Ownership | None:
    """The things ``text`` gives to one of its sides (its places, two or more)."""
    places = named_places(text)
    sides = frozenset(side_key(p) for p in places) - {"两"}
    if len(sides) < 2:
        return None
    # a frame word is owned as well (广东哪些企业, 黑龙江人才 of 怎么吸引黑龙江人才)
    content = [t for t in terms if not t.named and t.forms]
    found = []
    for term in content:
        if term.verb:
            continue
        owners = owners_of(text, term.text, sides, whole=False)
        side, phrase = owners[0] if owners else (None, "")
        if side is None or side not in sides or any(o != side for o, _ in owners):
            continue
        modifiers = tuple(t for t in content if t is not term and t.text in phrase)
        at = text.find(term.text)
        start = max(text.rfind(p, 0, at) for p in places)
        said = text[start : at + len(term.text)] if start >= 0 else term.text
        found.append(Owned(term, modifiers, side, said))
    return Ownership(tuple(found), sides) if found else None


def owners_of(
    text: str, form: str, sides: frozenset[str], whole: bool = True
) -> list[tuple[str | None, str]]:
    """For each place ``form`` heads a noun phrase in ``text`` (as whole words when
    ``whole``): the side the phrase begins with (None: no single side) and its words
    before ``form``."""
    words = tagged_words(text)
    starts, at = [], 0
    for word, _ in words:
        at = text.find(word, at)
        starts.append(at)
        at += len(word)
    ends = {s + len(w) for s, (w, _) in zip(starts, words, strict=True)}
    found: list[tuple[str | None, str]] = []
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if at in starts and (end in ends or not whole) and _is_head(words, starts, end):
            owner, first = _owner(words, starts.index(at), sides)
            found.append((owner, text[starts[first] if first < len(starts) else at : at]))
        at = text.find(form, at + 1)
    return found


def _is_head(words: Words, starts: list[int], end: int) -> bool:
    """Whether the word ending at ``end`` ends its noun phrase: 企业 of 广东旅游企业, not
    旅游, which the phrase's head is owned with (旅游 of 黑龙江省优势旅游资源 is no 企业)."""
    if end not in starts:
        return True
    word, flag = words[starts.index(end)]
    return not (flag.startswith(("n", "j")) and flag != "ns")  # 有关 (vn) starts another


def _owner(words: Words, index: int, sides: frozenset[str]) -> tuple[str | None, int]:
    """The side the noun phrase ending before ``words[index]`` begins with, and the index
    of the phrase's first word after it."""
    i = index - 1
    while i >= 0:
        word, flag = words[i]
        key = _place_key(word, flag)
        if key is not None:
            if key not in sides:
                return None, i + 1  # 黑龙江省在俄罗斯建设的: a third place's
            before = words[i - 1][0] if i > 0 else ""
            if before in _BOTH and i > 1 and _place_key(*words[i - 2]) in sides:
                return None, i + 1  # 黑龙江省和广东省企业: both sides'
            return key, i + 1
        if word not in _PHRASE_WORDS and not flag.startswith(_PHRASE_TAGS):
            # a verb ends the phrase, unless a side does it right before (帮广东改善…设施)
            if flag.startswith("v") and i > 0 and _place_key(*words[i - 1]) in sides:
                return _place_key(*words[i - 1]), i + 1
            return None, i + 1
        i -= 1
    return None, 0


def _place_key(word: str, flag: str) -> str | None:
    if flag == "ns" or (word in abbreviations() and is_place(abbreviations()[word])):
        return side_key(word)
    if word in ("两省", "双方", "两地"):
        return "两"  # both sides, no single one
    return None
