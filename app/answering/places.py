"""A question's places as the texts write them, before anything else reads it.

Users name places the texts write otherwise: 本省 and 该市 after the place they stand for
(黑龙江依托本省干部培训机构), a 省 or 市 shortened to its first hanzi (黑省, 哈市), a region
a province of the texts is in (东北的大米, in a plan of 黑龙江 and 广东). Each is written out
in the question's text once (``places_written_out``), so that the relation asked, whose
each thing is, the terms and the standalone question shown all read the same place. And a
province before 哪个城市 names where the asked place is, not a party (``within_province``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from app.answering.relations import named_places
from app.answering.terms import Term
from app.answering.wordkinds import is_place
from app.workspaces.profile import provinces, provinces_in, provinces_of
from kb.text import abbreviations, in_dictionary, tagged_words

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


def within_province(text: str, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """``terms`` with a province the asked place is in held only by a sentence naming
    another of its cities than the question does, when the question pairs that place with
    one it names (哈尔滨跟广东哪个城市结对: 哈尔滨市与深圳市对口合作, 深圳 being in 广东;
    哈尔滨跟黑龙江哪个城市: no answer). Its own name or a title holding it does not hold it."""
    inside: dict[str, tuple[str, ...]] = {}
    for found in _WITHIN.finditer(text):
        # another place the question pairs it with (jieba reads 城市 as a place too)
        others = [p for p in named_places(text) if p not in found.group(0)]
        for province in provinces():
            name = next((n for n in province.names if found.group("place").endswith(n)), "")
            if name and others:
                inside[name] = tuple(c for c in province.cities if c not in text)
    return tuple(
        dataclasses.replace(t, forms=inside[bare], within=True)
        if (bare := t.text.removesuffix("省")) in inside and t.forms and inside[bare]
        else t
        for t in terms
    )


def within_label(term: Term, text: str) -> str:
    """How a refusal names the city a ``within`` term asks for: 黑龙江的其他城市 when the
    question names one of them (哈尔滨跟黑龙江哪个城市), else 黑龙江的城市."""
    bare = term.text.removesuffix("省")
    named = any(c in text for p in provinces() if bare in p.names for c in p.cities)
    return f"{term.text}的{'其他' if named else ''}城市"
