"""政策查找's enterprise profile, and reading one from a sentence about the enterprise.

"我们是深圳的一家民营新能源汽车零部件企业，想在哈尔滨建厂" gives: from 广东 (深圳 is one
of its cities), to 黑龙江 (哈尔滨 follows 在), 民营, and the industries 装备制造 and
新兴产业. Industries are the taxonomy's; each also holds the plan's own items that
contain one of its keywords ("汽车装备" under 装备制造), so an enterprise that makes
cars is placed where the plan puts car equipment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from app.workspaces.enumerations import enumeration_items
from ingest.chunking import sentence_spans
from ingest.models import Clause
from ingest.tagging import load_taxonomy
from kb.text import expand_query, normalize_query, tagged_words

ORIGINS = ("广东", "黑龙江", "其他地区")
PLACES_PATH = Path(__file__).with_name("data") / "places.yaml"
# A place after what it wants (想……) or right after these is where the enterprise wants
# to go; any other place is where it is from ("在广东经营养老院").
_GOING = re.compile(r"(?:到|去|赴|落户|落地|进入|进驻)$")
_JOINED = re.compile(r"[等的和与及]")
_WANTING = re.compile(r"(?:想|希望|需要|要求|申请|寻求|争取|计划|打算|想要|能否|可否|有没有)(.+)")


@dataclass(frozen=True)
class EnterpriseProfile:
    description: str
    origin: str = ""  # 广东 | 黑龙江 | 其他地区
    ownership: str = ""  # 国有 | 民营 | 外资
    industries: tuple[str, ...] = ()  # tags of the taxonomy's industry facet
    wants: str = ""  # a tag of the activity facet (上市融资, 设立金融机构…) or free text
    destination: str = ""  # the province it wants to work in
    cities: tuple[str, ...] = ()  # cities it names: 深圳, 哈尔滨

    def topic(self) -> str:
        """What the enterprise does and wants, in the plan's words."""
        taxonomy = load_taxonomy()
        words = [self.description, *self.industries]
        words += taxonomy.get("activity", {}).get(self.wants, [self.wants])
        for industry in self.industries:
            words += taxonomy.get("industry", {}).get(industry, [])
        return " ".join(w for w in words if w)

    def wanted_terms(self) -> list[str]:
        """The activity keywords of what it wants to do."""
        return [k for k in load_taxonomy().get("activity", {}).get(self.wants, []) if k]


@dataclass(frozen=True)
class Province:
    name: str
    names: tuple[str, ...]  # its own names: 广东, 粤
    cities: tuple[str, ...]
    regions: tuple[str, ...] = ()  # the parts of the country it is in: 东北

    def all_names(self) -> list[str]:
        return sorted(self.names + self.cities, key=len, reverse=True)  # 黑龙江 before 龙江


@lru_cache(maxsize=1)
def provinces() -> list[Province]:
    data = yaml.safe_load(PLACES_PATH.read_text(encoding="utf-8")) or {}
    return [
        Province(
            str(p),
            tuple(map(str, v.get("names", []))),
            tuple(map(str, v.get("cities", []))),
            tuple(map(str, v.get("regions", []))),
        )
        for p, v in data.items()
    ]


def provinces_in(region: str) -> tuple[str, ...]:
    """The names of the provinces in a region (东北: 黑龙江, 龙江), () for another word."""
    return tuple(n for p in provinces() if region in p.regions for n in p.names)


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, ...]]:
    return {city: p.names for p in provinces() for city in p.cities}


def provinces_of(place: str) -> tuple[str, ...]:
    """The names of the province a city is in (哈尔滨市 → 黑龙江, 龙江), () for another place."""
    return _cities().get(place.removesuffix("市"), ())


def province_of(text: str) -> str:
    """The one province ``text`` names (广东省制造业企业 → 广东), or "" for none or both."""
    named = {p.name for p in provinces() if any(n in text for n in p.all_names())}
    return named.pop() if len(named) == 1 else ""


def industry_words(clauses: list[Clause]) -> dict[str, list[str]]:
    """Industry → its taxonomy keywords plus the plan's items that contain one of them.

    An item such as 汽车装备 adds its modifier 汽车 too, so 汽车零部件 reads as 装备制造.
    """
    words = {tag: list(keys) for tag, keys in load_taxonomy().get("industry", {}).items()}
    items = {
        item
        for clause in clauses
        for start, end in sentence_spans(clause.text)
        for enumeration in enumeration_items(clause.text[start:end])
        for item in enumeration
    }
    for tag, keywords in list(words.items()):
        for item in sorted(items):
            for keyword in keywords:
                # the head of a noun phrase comes last: 汽车装备 is equipment, 基金公司 is not a fund
                modifier = item.removesuffix(keyword)
                if item.endswith(keyword) and len(modifier) >= 2 and not _JOINED.search(modifier):
                    words[tag] += [item, modifier]
                    break
        words[tag] = list(dict.fromkeys(words[tag]))
    return words


def industry_examples(words: dict[str, list[str]], tag: str, n: int = 3) -> list[str]:
    """A few of the plan's own items for an industry, for its label in the form."""
    keywords = set(load_taxonomy().get("industry", {}).get(tag, []))
    own = [w for w in words.get(tag, []) if w not in keywords and any(k in w for k in keywords)]
    return own[:n]


def industries_in(text: str, words: dict[str, list[str]]) -> tuple[str, ...]:
    return tuple(tag for tag, keys in words.items() if any(k in text for k in keys))


def read_profile(description: str, words: dict[str, list[str]]) -> EnterpriseProfile:
    """What the sentence says about the enterprise; fields it does not mention stay empty."""
    said = normalize_query(description)
    text = expand_query(said)  # with full forms: 民企 → 民营企业
    wanting = _WANTING.search(said)
    wants_from = wanting.start(1) if wanting else len(said)
    origin, destination = "", ""
    found: list[tuple[int, int, Province]] = []
    for province in provinces():
        for name in province.all_names():
            for match in re.finditer(re.escape(name), said):
                if any(match.start() >= s and match.end() <= e for s, e, _ in found):
                    continue  # 龙江 inside 黑龙江, already seen
                found.append((match.start(), match.end(), province))
    for start, _, province in sorted(found, key=lambda f: f[0]):
        if start >= wants_from or _GOING.search(said[max(0, start - 2) : start]):
            destination = destination or province.name
        else:
            origin = origin or province.name
    ownership = next(
        (
            tag
            for tag, keys in load_taxonomy().get("ownership", {}).items()
            if tag in text or any(k in text for k in keys)
        ),
        "",
    )
    wants = _wanted_activity(text, said[wants_from:] if wanting else "")
    cities = [said[s:e] for s, e, p in sorted(found, key=lambda f: f[0]) if said[s:e] in p.cities]
    return EnterpriseProfile(
        description,
        origin=origin,
        ownership=ownership,
        industries=industries_in(text, words),
        wants=wants,
        destination=destination,
        cities=tuple(dict.fromkeys(cities)),
    )


def _wanted_activity(text: str, intent: str) -> str:
    """The activity the enterprise wants: one whose keywords the description holds, or
    one a word of what it says it wants is part of ("建厂" of 投资建厂, "上市" of 上市融资)."""
    activities = load_taxonomy().get("activity", {})
    for tag, keys in activities.items():
        if any(k in text for k in keys):
            return tag
    words = [w for w, t in tagged_words(intent) if len(w) >= 2 and t[0] in "nv"]
    return next((tag for w in words if (tag := activity_of(w))), "")


def activity_of(word: str) -> str:
    """The activity ``word`` is part of the name or a keyword of ("上市" of 上市融资), or ""."""
    for tag, keys in load_taxonomy().get("activity", {}).items():
        if any(word in k for k in [tag, *keys]):
            return tag
    return ""


def wanted_text(description: str) -> str:
    """The part of the sentence that says what the enterprise wants ("想要减税" → "减税")."""
    match = _WANTING.search(normalize_query(description))
    return match.group(1) if match else ""


def with_description(chosen: EnterpriseProfile, words: dict[str, list[str]]) -> EnterpriseProfile:
    """The chosen fields, each replaced by what the description says where it says something."""
    read = read_profile(chosen.description, words)
    return EnterpriseProfile(
        chosen.description,
        origin=read.origin or chosen.origin,
        ownership=read.ownership or chosen.ownership,
        industries=tuple(dict.fromkeys(chosen.industries + read.industries)),
        wants=chosen.wants or read.wants,
        destination=read.destination or chosen.destination,
        cities=read.cities,
    )
