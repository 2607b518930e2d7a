"""Whose each thing is: the side a noun phrase names before the thing (广东的证券公司).

"鼓励黑龙江的证券公司去广东设分支机构" makes the 证券公司 黑龙江's; the plan's "鼓励广东省证券、
期货、保险公司到黑龙江省设立分支机构" makes them 广东's: the relation runs the other way even
though every word is there. A thing belongs to the place its noun phrase starts with: read
back from the phrase's head over nouns, modifiers, 的 and list marks (黑龙江省的发电装备、…、
石油钻探装备等优势产品企业) to a place. A verb ends the phrase, unless a side it is done for
does it (帮广东改善航空物流设施: 广东's facilities); 在黑龙江省设立, 到黑龙江开展 say where,
which ``Relation`` reads. A sentence is compared on the phrases that hold the question's
modifiers (黑龙江的工业设计公司 and 广东省工业设计企业; not 黑龙江省制造企业):
``Ownership.elsewhere_in``. English questions are read the same way (Guangdong's tourism
resources).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.answering.relations import PLACE_LINKS, named_places
from app.answering.terms import Term
from app.answering.wordkinds import is_place
from kb.text import abbreviations, tagged_words

# what may stand between a place and its thing inside one noun phrase: nouns, modifiers
# (z: 湿地 as jieba tags it), numerals and measure words (一批), pronouns (其他, 各), 的, 等,
# list marks, brackets
_PHRASE_TAGS = ("n", "a", "b", "z", "j", "vn", "m", "q", "r", "l", "s")
_PHRASE_WORDS = frozenset("的 之 、 等 等等 和 与 及 （ ） ( )".split())
# between two places, makes a thing both sides': 黑龙江省和广东省企业, 广东（黑龙江）储备基地
_JOINED = frozenset({"和", "与", "及", "、", "同", "（", "("})
# the words by which one side acts for another: 帮广东改善航空物流设施 improves 广东's
_HELP = frozenset({"帮", "帮助", "协助", "支持", "助力", "为", "给", "替"})
# 广东对黑龙江的干部培训: the place after them is the side acted towards, not the thing's
# owner (after 帮, 协助 it is: 协助广东每个地市 are 广东's)
_DONE_FOR = frozenset({"对", "向"})
# a thing named by this many words before its head is one thing (干部培训机构), not a kind
_SPECIFIC = 2
# the side the question is about, the first it names: 黑龙江…怎样发挥自己的资源优势
_SELF = frozenset({"自己", "自身"})
_WHERE = frozenset(PLACE_LINKS.split("|"))  # 在, 去, 到, 赴, 来, 前往 + a place + an act
Words = list[tuple[str, str]]
_HELPED_EN = re.compile(
    r"\b(?:help|helps|helping|assist|assists|support|supports)\s+(?P<place>[A-Z][A-Za-z]+)"
    r"(?:'s)?\s+(?:to\s+)?(?P<rest>[a-z][A-Za-z -]*)"
)


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
        """The thing ``sentence`` gives only to another side, if any: of several, the one
        said at most length (境外生产基地, not 境外 of it)."""
        elsewhere = [
            owned
            for owned in self.owned
            if (owners := owned.owners_in(sentence, self.sides)) and owned.side not in owners
        ]
        return max(elsewhere, key=lambda o: len(o.phrase), default=None)

    def only_elsewhere(self, sentences: list[str]) -> Owned | None:
        """A thing named by two words or more before its head (黑龙江的干部培训机构) that the
        answering ``sentences`` give to another side and never to the one the question gives
        it to: they have 广东省各类干部培训机构 only, so none answers what 黑龙江's do."""
        elsewhere = []
        for owned in self.owned:
            if len({m.text for m in owned.modifiers}) < _SPECIFIC:
                continue
            owners = set().union(*(owned.owners_in(s, self.sides) for s in sentences))
            if owners and owned.side not in owners:
                elsewhere.append(owned)
        return max(elsewhere, key=lambda o: len(o.phrase), default=None)


def side_key(place: str) -> str:
    """One key per side: 粤, 广东, 广东省 are 广东; 龙江, 黑龙江省 are 黑龙."""
    full = abbreviations().get(place, place)
    if len(full) > 2 and full[-1] in "省市":
        full = full[:-1]
    return full[:2]


def ownership(text: str, terms: tuple[Term, ...]) -> Ownership | None:
    """The things ``text`` gives to one of its sides (its places, two or more)."""
    places = named_places(text)
    sides = frozenset(side_key(p) for p in places) - {"两"}
    if len(sides) < 2:
        return None
    # what the question asks about; not what it sets aside (除了广东的园区) or frames
    content = [t for t in terms if not t.frame and not t.named and t.forms]
    found = []
    for term in content:
        if term.verb:
            continue
        owners = owners_of(text, term.text, sides, whole=False)
        side, phrase = owners[0] if owners else (None, "")
        if side is None or any(o != side for o, _ in owners):
            continue  # no side's, or both sides' (黑龙江的企业… 广东企业…)
        modifiers = tuple(t for t in content if t is not term and t.text in phrase)
        at = text.find(phrase + term.text)
        found.append(Owned(term, modifiers, side, _as_said(text, places, at, term.text)))
    return Ownership(tuple(found), sides) if found else None


def _as_said(text: str, places: list[str], at: int, thing: str) -> str:
    """The question's words from the side before ``thing`` to ``thing`` (黑龙江的证券)."""
    end = text.find(thing, max(at, 0)) + len(thing)
    start = max(text.rfind(p, 0, end - len(thing)) for p in places)
    return text[start:end] if start >= 0 else thing


def english_ownership(text: str, terms: tuple[Term, ...]) -> Ownership | None:
    """The things an English question gives to one of its sides: the place written right
    before them, with only the thing's own words between (Guangdong's tourism resources,
    Heilongjiang tourism developers); a participle (encouraged) is no thing's word.
    ``terms`` hold the plan's words for each."""
    written = re.findall(r"[A-Za-z][A-Za-z'\-]*", text)
    capitalised = {_bare(w) for w in written if w[:1].isupper()}  # customs is 海关, no place
    key = {_bare(t.text): t for t in terms if t.forms}
    sides_of = {
        w: side_key(t.forms[0]) for w, t in key.items() if w in capitalised and _names_side(t)
    }
    if len(set(sides_of.values())) < 2:
        return None
    words = [_bare(w) for w in written]
    found = []
    for i, word in enumerate(words):
        if word not in key or word in sides_of or _participle(word):
            continue
        j = i - 1
        while j >= 0 and words[j] in key and words[j] not in sides_of:
            j = -1 if _participle(words[j]) else j - 1
        if j >= 0 and words[j] in sides_of:
            modifiers = tuple(key[w] for w in words[j + 1 : i])
            said = " ".join(written[j : i + 1])
            found.append(Owned(key[word], modifiers, sides_of[words[j]], said))
    # what a side is helped to do is its own (help Guangdong attract investment)
    for m in _HELPED_EN.finditer(text):
        side = sides_of.get(_bare(m.group("place")))
        rest = m.group("rest").lower()
        for t in terms:
            if (
                side
                and t.forms
                and t.text.lower() not in sides_of
                and rest.startswith(t.text.lower())
            ):
                said = f"{m.group('place')} {m.group('rest')[: len(t.text)]}"
                found.append(Owned(t, (), side, said))
    # a thing given to both sides (Heilongjiang tourism … Guangdong's tourism) is neither's
    owners: dict[str, set[str]] = {}
    for owned in found:
        owners.setdefault(owned.head.text, set()).add(owned.side)
    found = [o for o in found if len(owners[o.head.text]) == 1]
    sides = frozenset(sides_of.values())
    return Ownership(tuple(found), sides) if found else None


def _bare(word: str) -> str:
    return word.lower().removesuffix("'s")


def _participle(word: str) -> bool:
    return word.endswith(("ed", "ing"))


def _names_side(term: Term) -> bool:
    return len(term.forms) == 1 and is_place(term.forms[0])


def owners_of(
    text: str, form: str, sides: frozenset[str], whole: bool = True
) -> list[tuple[str | None, str]]:
    """For each place ``form`` heads a noun phrase in ``text`` (as whole words when
    ``whole``): the side the phrase begins with (None: no single side) and its words
    before ``form``."""
    words = tagged_words(text)
    index: dict[int, int] = {}  # where each word starts → its index
    starts, at = [], 0
    for i, (word, _) in enumerate(words):
        found_at = text.find(word, at)
        at = found_at if found_at >= 0 else at
        index[at] = i
        starts.append(at)
        at += len(word)
    ends = {s + len(w) for s, (w, _) in zip(starts, words, strict=True)}
    found: list[tuple[str | None, str]] = []
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if at in index and (end in ends or not whole) and _is_head(words, index.get(end)):
            owner, first = _owner(words, index[at], sides)
            found.append((owner, text[starts[first] : at] if first < len(starts) else ""))
        at = text.find(form, at + 1)
    return found


def _is_head(words: Words, after: int | None) -> bool:
    """Whether the word before ``words[after]`` ends its noun phrase: 企业 of 广东旅游企业,
    not 旅游, which the phrase's head is owned with (旅游 of 黑龙江省优势旅游资源 is no 企业)."""
    if after is None:
        return True
    _, flag = words[after]
    return not (flag.startswith(("n", "j")) and flag != "ns")  # 有关 (vn) starts another


def _owner(words: Words, index: int, sides: frozenset[str]) -> tuple[str | None, int]:
    """The side the noun phrase ending before ``words[index]`` begins with, and the index
    of the phrase's first word after it."""
    i = index - 1
    while i >= 0:
        word, flag = words[i]
        key = _place_key(word, flag)
        if word in _SELF:  # 黑龙江如何利用自己…的基地: the side the question is about
            side = next((k for w, f in words[:i] if (k := _place_key(w, f))), None)
            return (side if side in sides else None), i + 1
        if word == "在" and _of_between(words, i, index):
            # 广东省在东盟的境外生产基地: a place no side's says where the thing is, not whose
            # (a side's place after 在 is read as the owner: 黑龙江学生在广东的高校)
            i -= 1
            continue
        if key is not None:
            before = words[i - 1][0] if i > 0 else ""
            if before in _WHERE and _done_there(words, i, index):
                return None, i + 1  # 去龙江投资: where it is done (到广东企业工作: 广东's)
            if before in _DONE_FOR:
                return None, i + 1  # 对黑龙江省的干部培训: the side it is done for (Relation)
            if key not in sides or (
                before in _JOINED and i > 1 and _place_key(*words[i - 2]) in sides
            ):
                # 黑龙江省在俄罗斯建设的: a third place's; 黑龙江省和广东省企业, 广东（黑龙江）
                # 储备基地: both sides'
                return None, i + 1
            return key, i + 1
        if word not in _PHRASE_WORDS and not flag.startswith(_PHRASE_TAGS):
            helped = i > 1 and words[i - 2][0] in _HELP
            if flag.startswith("v") and helped and _place_key(*words[i - 1]) in sides:
                return _place_key(*words[i - 1]), i + 1  # 帮广东改善…设施
            return None, i + 1
        i -= 1
    return None, 0


def _of_between(words: Words, start: int, head: int) -> bool:
    """Whether a 的 stands between ``words[start]`` and the head: 在东盟的基地 describes it."""
    return any(w in ("的", "之") for w, _ in words[start + 1 : head])


def _done_there(words: Words, place: int, head: int) -> bool:
    """Whether the head right after ``place`` (or its 的) is an act: 在黑龙江省的投资."""
    between = [w for w, _ in words[place + 1 : head]]
    return all(w in ("的", "之") for w in between) and words[head][1].startswith("v")


def _place_key(word: str, flag: str) -> str | None:
    if flag == "ns" or (word in abbreviations() and is_place(abbreviations()[word])):
        return side_key(word)
    if word in ("两省", "双方", "两地"):
        return "两"  # both sides, no single one
    return None
