"""The plan's enumerations ("荔枝、香蕉、桂圆等广东省优质特色农产品"): their clean items and
what they list, for quiz questions and their options and for the support finder's industries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.text import tagged_words

_HANZI = r"(?:(?!等)[\u4e00-\u9fff（）])"  # an item ends before 等, which sums the list up
_ENUM = re.compile(rf"(?:{_HANZI}{{2,12}}、)+{_HANZI}{{2,12}}(?:(?:和|及|与){_HANZI}{{2,12}})?")
_AND = ("以及", "和", "及", "与")  # joins the last item; inside another it is part of it
# Brackets, and function words an item (a noun phrase) would not contain.
_BRACKETS = re.compile(r"[（）“”《》在的对将于以把向从]")
_PHRASE_END = re.compile(r"[，。；：、的和及与（“《]")


@dataclass(frozen=True)
class Enumeration:
    items: tuple[str, ...]  # the clean items (see ``enumeration_items``)
    category: str  # what 等 sums them up as: 领域 in "钢铁、有色、化工等领域", or ""


def enumerations(sentence: str) -> list[Enumeration]:
    """The clean items of each enumeration in a sentence, with what it lists.

    In "推动电力装备、高档数控机床和船舶制造等" the regex cannot tell where the first
    item starts, so only the middle items, and a last item ended by 等 that is no
    longer than they are, are taken: "高档数控机床", "船舶制造". 和 joins the last item;
    inside another ("石化和冶金装备") it is part of that item. So is it where the list
    goes on after what the regex took (…、举办文化交流和旅游、“候鸟”旅居推介会), and where
    it is a character of a word (社会参与), not a word of its own.
    """
    found = []
    for match in _ENUM.finditer(sentence):
        *listed, last = match.group().split("、")
        goes_on = sentence.startswith("、", match.end())
        items = listed + ([last] if goes_on else _joined(last))
        if len(items) < 3:
            continue
        middle = items[1:] if goes_on else items[1:-1]
        width = max(len(i) for i in middle)
        tail_end = match.end() < len(sentence) and sentence[match.end()] == "等"
        if tail_end and len(items[-1]) <= width + 1:
            middle.append(items[-1])
        clean = tuple(i for i in middle if 2 <= len(i) <= 12 and not _BRACKETS.search(i))
        if clean:
            category = _category(sentence[match.end() + 1 :]) if tail_end else ""
            found.append(Enumeration(clean, category))
    return found


def _joined(last: str) -> list[str]:
    """The last part of a list split where a conjunction stands as a word of its own."""
    parts = [""]
    for word, _ in tagged_words(last):
        if word in _AND and parts[-1]:
            parts.append("")
        else:
            parts[-1] += word
    return parts if all(parts) else [last]


def enumeration_items(sentence: str) -> list[list[str]]:
    return [list(e.items) for e in enumerations(sentence)]


def _category(after: str) -> str:
    """The noun 等 is followed by: the last noun of the phrase before its verb or its end
    ("领域开展合作" → 领域, "广东省优质特色农产品" → 农产品)."""
    phrase = _PHRASE_END.split(after, maxsplit=1)[0]
    nouns = []
    for word, tag in tagged_words(phrase):
        if tag == "p" or (tag.startswith("v") and tag != "vn"):
            break
        if tag.startswith("n") or tag == "vn":
            nouns.append(word)
    return nouns[-1] if nouns else ""
