"""A question's places as the texts write them, before anything else reads it.

Users name places the texts write otherwise: 本省 and 该市 after the place they stand for
(黑龙江依托本省干部培训机构), a 省 or 市 shortened to its first hanzi (黑省, 哈市), a region
a province of the texts is in (东北的大米, in a plan of 黑龙江 and 广东). Each is written out
in the question's text once (``places_written_out``), so that the relation asked, whose
each thing is, the terms and the standalone question shown all read the same place. And a
province before 哪个城市 (which cities in Guangdong) names where the asked place is, not a
party (``within_province``, ``english_within``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from app.answering.relations import named_places
from app.answering.terms import Term
from app.answering.wordkinds import is_place
from app.workspaces.profile import provinces, provinces_in, provinces_of
from kb.text import abbreviations, english_glossary, in_dictionary, tagged_words

_OWN_PLACE = re.compile(r"本省|本市|该省|该市")


def places_written_out(text: str, words: Sequence[str], in_texts: Callable[[str], bool]) -> str:
    """``text`` with its places as the texts write them; ``words`` are the texts' words
    (their places among them: 哈尔滨市), ``in_texts`` says whether the texts hold a fragment."""
    text = _OWN_PLACE.sub(lambda m: _own_place(text, m), text)
    text = "".join(  # a word of its own as jieba cuts it: 江省 of 黑龙江省 is none
        (_initial(w, words) if len(w) == 2 and w[1] in "省市" else "") or w
        for w, _ in tagged_words(text)
    )
    for province in provinces():
        for region in province.regions:
            text = _region_named(text, region, in_texts)
    return text


def as_asker(term: Term, in_texts: Callable[[str], bool]) -> Term:
    """A term of the asker's own setting (我们是哈尔滨一家做大米的合作社): a city held by
    its province as well, for what the texts say of the province's bodies holds for the
    city's (黑龙江省企业 of a 哈尔滨 cooperative); a name stays what it names (北京的企业
    is not in a plan of 黑龙江 and 广东); a word the texts use, or have one for (合作社:
    企业), only frames who asks; a trade they never name stays (做芯片的企业)."""
    if not term.named:
        return dataclasses.replace(term, frame=True) if term.forms else term
    province = tuple(n for n in provinces_of(term.text) if in_texts(n))
    if not province:
        return term
    return dataclasses.replace(
        term, forms=tuple(dict.fromkeys((*term.forms, *province))), how="exact"
    )


def _own_place(text: str, found: re.Match[str]) -> str:
    """本省 as the place named before it at that level (哈尔滨…本省: 黑龙江省), or unchanged."""
    before = [p for p in named_places(text[: found.start()]) if len(p) >= 2]
    if not before:
        return found.group(0)
    level = found.group(0)[-1]
    place = abbreviations().get(before[-1], before[-1]).removesuffix(level)
    province = provinces_of(place.removesuffix("市"))
    if level == "省" and province:  # a city: its province
        place = province[0]
    elif level == "市" and not province:
        return found.group(0)  # 广东…该市: no city named before it
    return f"{place}{level}"


def _initial(short: str, words: Sequence[str]) -> str:
    """The one place of the texts a 省/市 shortened to its first hanzi stands for (黑省:
    黑龙江省, 哈市: 哈尔滨市); "" for a word of its own (股市, 夜市) or none or several.
    (jieba's dictionary holds 哈市 as a place, and 黑市 too: a text naming 黑河市 would read
    黑市 as it.)"""
    if in_dictionary(short) and not is_place(short):
        return ""
    named = {
        w for w in words if len(w) >= 3 and w[0] == short[0] and w[-1] == short[1] and is_place(w)
    }
    return named.pop() if len(named) == 1 else ""


def _region_named(text: str, region: str, in_texts: Callable[[str], bool]) -> str:
    """``text`` with ``region`` as the province of the texts in it (东北的大米 → 黑龙江的大米),
    where the texts do not write it with what follows (东北振兴, 东北亚 stay)."""
    inside = [n for n in provinces_in(region) if in_texts(n)]
    if not inside:
        return text
    out, at = [], 0
    for found in re.finditer(region, text):
        after = text[found.end() : found.end() + 1]
        if after and in_texts(region + after):
            continue
        out += [text[at : found.start()], inside[0]]
        at = found.end()
    return "".join(out) + text[at:]


# a province naming where the asked place is (哈尔滨跟广东哪个城市): a place inside it is asked
# for, not a party paired with it
_WITHIN = re.compile(r"(?P<place>[\u4e00-\u9fff]{1,4}?)省?的?哪[一]?[个些]?(?:城市|地市|市)")


# the same in English: which cities in Guangdong (which Guangdong cities, which of
# Guangdong's cities) … Heilongjiang cities (cities in Heilongjiang)
_WITHIN_EN = re.compile(
    r"\b(?:which|what)\s+(?:cit(?:y|ies)\s+(?:in|of)\s+(?P<place>[a-z]+)"
    r"|of\s+(?P<of>[a-z]+)['’]s\s+cities|(?P<before>[a-z]+)\s+cit(?:y|ies))",
    re.I,
)
# (cities in Heilongjiang is looked for first: "with cities" is no place's cities)
_CITIES_OF_EN = (
    re.compile(r"\bcities\s+(?:in|of)\s+(?P<place>[a-z]+)", re.I),
    re.compile(r"\b(?P<place>[a-z]+)(?:['’]s)?\s+cities\b", re.I),
)
# a province's cities as one party (广东哪些城市和黑龙江的城市结对): any one of them is it;
# not 黑龙江的各个城市, which claims every one
_CITIES_OF = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,4}?)省?的(?:城市|地市)")
_CITY_WORDS = frozenset({"城市", "地市"})


def within_province(text: str, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """``terms`` with a province the asked place is in held only by a sentence naming
    another of its cities than the question does, when the question pairs that place with
    one it names (哈尔滨跟广东哪个城市结对: 哈尔滨市与深圳市对口合作, 深圳 being in 广东;
    哈尔滨跟黑龙江哪个城市: no answer). Its own name or a title holding it does not hold it."""
    for found in _WITHIN.finditer(text):
        # another place the question pairs it with (jieba reads 城市 as a place too)
        if not [p for p in named_places(text) if p not in found.group(0)]:
            continue
        asked = _province_ending(found.group("place"))
        if asked:
            partners = [_province_ending(m.group("place")) for m in _CITIES_OF.finditer(text)]
            return _within(text, terms, asked, [p for p in partners if p and p != asked])
    return terms


def english_within(text: str, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """``within_province`` of an English question (Which cities in Guangdong are paired with
    Heilongjiang cities?): its terms are English words, their forms the texts' places."""
    found = _WITHIN_EN.search(text)
    if found is None:
        return terms
    asked = _english_province(found.group("place") or found.group("of") or found.group("before"))
    places = {t.forms[0] for t in terms if t.forms and is_place(t.forms[0])}
    rest = text[: found.start()] + " " + text[found.end() :]
    found_in = (pattern.search(rest) for pattern in _CITIES_OF_EN)
    named = (_english_province(m.group("place")) for m in found_in if m)
    partners = [p for p in named if p and p != asked][:1]
    if not asked or not (partners or len(places) >= 2):
        return terms  # no other place paired with the asked one
    return _within(text, terms, asked, partners)


def _within(
    text: str, terms: tuple[Term, ...], asked: str, partners: list[str]
) -> tuple[Term, ...]:
    """The asked province's term held by its cities the question does not name; each
    partner province's by itself or any of its cities it does not name (除了哈尔滨); the
    word 城市 of 黑龙江的城市 then names nothing of its own."""
    named = " ".join([text, *(f for t in terms for f in t.forms if not _is_province(f))])

    def cities(province: str, all_of_them: bool = False) -> tuple[str, ...]:
        inside = next((p.cities for p in provinces() if province in p.names), ())
        return tuple(c for c in inside if all_of_them or c not in named)

    # a partner one of whose cities the question names (除了哈尔滨，…黑龙江的城市) is not
    # any of its cities: its own name stands as written
    partners = [p for p in partners if cities(p) == cities(p, all_of_them=True)]

    def read(t: Term) -> Term:
        own = (t.forms[0] if t.text.isascii() and t.forms else t.text).removesuffix("省")
        if own == asked and t.forms and cities(own):
            return dataclasses.replace(t, forms=cities(own), within=True)
        if own in partners and t.forms:
            return dataclasses.replace(t, forms=(*t.forms, *cities(own)))
        if partners and (t.text in _CITY_WORDS or t.forms[:1] == ("城市",)):
            return dataclasses.replace(t, frame=True)
        return t

    return tuple(read(t) for t in terms)


def _province_ending(words: str) -> str:
    """The province ``words`` end with, as the texts name it (…黑龙江: 黑龙江), or ""."""
    return next((n for p in provinces() for n in p.names if words.endswith(n)), "")


def _english_province(word: str | None) -> str:
    """The province an English place name is, as the texts name it (Guangdong: 广东)."""
    chinese = english_glossary().get((word or "").lower(), "").split()
    return _province_ending(chinese[0].removesuffix("省")) if chinese else ""


def _is_province(name: str) -> bool:
    return any(name.removesuffix("省") in p.names for p in provinces())


def within_label(term: Term, text: str) -> str:
    """How a refusal names the city a ``within`` term asks for: 黑龙江的其他城市 when the
    question names one of them (哈尔滨跟黑龙江哪个城市), else 黑龙江的城市."""
    if term.text.isascii():  # an English question (Which city in Heilongjiang…)
        return f"a city of {term.text}"
    bare = term.text.removesuffix("省")
    named = any(c in text for p in provinces() if bare in p.names for c in p.cities)
    return f"{term.text}的{'其他' if named else ''}城市"
