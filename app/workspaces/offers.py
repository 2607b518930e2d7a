"""What one sentence of a plan offers, and to whom: the facts 政策查找 matches a profile against.

"引导广东省制造业企业在黑龙江省设立研发制造基地" offers (引导) something to 广东省制造业企业:
enterprises from 广东, of the industry 装备制造. "引导黑龙江省企业利用深圳证券交易所……"
is for enterprises from 黑龙江, whatever else it shares with a 深圳 manufacturer. A
beneficiary's industry is read with the plan's own items (汽车零配件 is 装备制造, as the
plan lists 汽车装备 among its equipment). When a sentence names no beneficiary of an
industry or ownership, its own industries say whom it concerns; 广东省社会资本 is private
capital of any industry, whatever the sentence invites it to found (中小型银行).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.workspaces.profile import EnterpriseProfile, industries_in, province_of
from ingest.tagging import tag_text

# Verbs by which a plan offers something: encourage, support, attract, give priority…
OFFER = re.compile(r"鼓励|支持|引导|吸引|优先|给予|扶持|协助|推介|欢迎|争取|开辟|便利")
# The one who is offered something: what follows the verb, up to the first body.
_BENEFICIARY = re.compile(
    r"(?:鼓励|支持|引导|吸引|扶持|协助|推介|欢迎)(?:引导)?"
    r"([^，。；：]{0,40}?(?:企业家|企业|机构|单位|资本|公司|组织|团队|人才))"
    r"|对(?!口)([^，。；：]{0,30}?企业)"
)
CONCRETE = {"land_energy", "financing"}  # help with land, energy or money
_PROJECTS = re.compile(r"项目|园区")


@dataclass(frozen=True)
class Offer:
    sentence: str
    beneficiary: str  # "广东省制造业企业", or "" when the sentence names none
    origin: str  # the province the beneficiary comes from, or ""
    industries: frozenset[str]  # of the beneficiary if it has any, else of the sentence
    ownership: str  # of the beneficiary: 国有 | 民营 | 外资 | ""
    kinds: tuple[str, ...]  # the taxonomy's support kinds: financing, land_energy…
    offers: bool  # whether the sentence offers anything (an offering verb)


def read_offer(sentence: str, words: dict[str, list[str]] | None = None) -> Offer:
    """``words``: each industry's words, the plan's own items among them (see
    ``profile.industry_words``); without them, the taxonomy's keywords."""
    match = _BENEFICIARY.search(sentence)
    beneficiary = (match.group(1) or match.group(2)) if match else ""
    own = list(industries_in(beneficiary, words)) if words else _facet(beneficiary, "industry")
    ownership = _facet(beneficiary, "ownership")
    return Offer(
        sentence=sentence,
        beneficiary=beneficiary,
        origin=province_of(beneficiary),
        industries=frozenset(own if own or ownership else _facet(sentence, "industry")),
        ownership=ownership[0] if ownership else "",
        kinds=tuple(_facet(sentence, "support")),
        offers=bool(OFFER.search(sentence)),
    )


def _facet(text: str, facet: str) -> list[str]:
    prefix = f"{facet}:"
    return [t[len(prefix) :] for t in tag_text(text) if t.startswith(prefix)] if text else []


# How an offer concerns the enterprise, closest first: what it is and wants, where it
# comes from and goes and who owns it, or nothing of its own (open to every project).
INDUSTRY, PLACE, GENERAL = 0, 1, 2


@dataclass(frozen=True)
class Fit:
    """How an offer fits a profile: a score, the reasons (each a kind and a word, see
    ``reasons_text``), and the closest thing of the profile it matches (INDUSTRY, PLACE
    or GENERAL)."""

    score: float
    reasons: tuple[tuple[str, str], ...]
    match: int = GENERAL


def fit(offer: Offer, profile: EnterpriseProfile) -> Fit | None:
    """None when the offer is for someone else: another province's enterprises, another
    industry, another ownership; otherwise the evidence that it concerns this enterprise."""
    if profile.origin and offer.origin and offer.origin != profile.origin:
        return None
    if profile.ownership and offer.ownership and offer.ownership != profile.ownership:
        return None
    sectors = set(profile.industries)
    if sectors and offer.industries and not sectors & offer.industries:
        return None
    score, reasons = 0.0, list[tuple[str, str]]()
    industries = sectors & offer.industries
    if industries:
        score += 2
        reasons += [("行业：", i) for i in sorted(industries)]
    # what it wants to do, where the sentence invites someone to do it: 吸引广东省社会资本
    # 投资运营, not 优化投资营商环境
    wanted = [k for k in profile.wanted_terms() if k in offer.sentence and offer.beneficiary]
    if wanted:
        score += 2
        reasons += [("涉及：", w) for w in wanted]
    origin = bool(profile.origin) and offer.origin == profile.origin
    if origin:
        score += 1
        reasons.append(("面向", offer.beneficiary))
    ownership = bool(profile.ownership) and offer.ownership == profile.ownership
    if ownership:
        score += 0.5
        reasons.append(("所有制：", profile.ownership))
    cities = [c for c in profile.cities if c in offer.sentence]
    if cities:
        score += 1.5 * len(cities)
        reasons += [("提到", c) for c in cities]
    match = (
        INDUSTRY if industries or wanted else PLACE if origin or ownership or cities else GENERAL
    )
    crossing = {profile.origin, profile.destination} == {"广东", "黑龙江"}
    if crossing and offer.offers and _open_to_projects(offer):
        score += 2
        reasons.append(("面向对口合作的项目和园区，不限行业", ""))
    return Fit(score, tuple(reasons), match)


def reasons_text(reasons: Iterable[tuple[str, str]]) -> list[str]:
    """One reason of each kind in words, its words once: ("涉及：", 投资), ("涉及：", 投资建厂),
    ("涉及：", 建设) read 涉及：投资建厂、建设, a word within another not said again."""
    kinds: dict[str, list[str]] = {}
    for kind, word in reasons:
        kinds.setdefault(kind, [])
        if word and word not in kinds[kind]:
            kinds[kind].append(word)
    return [
        kind + "、".join(w for w in words if not any(w != o and w in o for o in words))
        for kind, words in kinds.items()
    ]


def _open_to_projects(offer: Offer) -> bool:
    """Land, energy or money for the cooperation's projects, whoever runs them."""
    concrete = CONCRETE & set(offer.kinds)
    return (
        bool(concrete)
        and not offer.beneficiary
        and not offer.industries
        and bool(_PROJECTS.search(offer.sentence))
    )
