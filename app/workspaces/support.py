"""政策查找: which clauses offer support or opportunities to an enterprise like this one.

Every sentence of every clause is read as an ``Offer`` (offers.py) and kept when it
fits the profile: it is not for another province's enterprises, another industry or
another ownership, and something ties it to this enterprise (its industry, what it
wants, its cities, or support open to any enterprise coming to invest). Clauses are
ranked by the closest of these ties, then by score: its industry first, then its
places and ownership, then general support. Words of the enterprise that the plans
never mention ("减税") are reported, not silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from app.workspaces.offers import (
    GENERAL,
    INDUSTRY,
    PLACE,
    Fit,
    Offer,
    fit,
    read_offer,
    reasons_text,
)
from app.workspaces.profile import EnterpriseProfile, activity_of, wanted_text
from ingest.chunking import sentence_spans
from ingest.models import Clause
from kb.knowledge_base import KnowledgeBase
from kb.text import STOPWORDS, content_terms, expand_query, normalize_query, tagged_words

SUPPORT_KINDS = {
    "pairing": "对口合作关系",
    "financing": "融资与金融",
    "land_energy": "用地与用能",
    "platforms_parks": "平台与园区",
    "market_trade": "市场准入与贸易",
    "talent": "人才与培训",
    "pilots": "改革试点",
    "other": "其他合作机会",
}
MATCHES = {  # how the clauses concern the enterprise, closest first
    INDUSTRY: "与企业的行业或想做的事直接相关",
    PLACE: "与企业的所在地、去向或所有制相关",
    GENERAL: "对口合作项目普遍适用的支持",
}
NOTES = {  # what a clause's note says in substance, and how the web says it once for all
    "amount": "条款写明了具体数额，请以原文为准。",
    "unspecified": "方案没有规定具体条件、金额或申请程序。",
}
_NAMING = {"n", "vn", "nz", "an", "v"}  # jieba's nouns, nominal verbs, verbs
_ENOUGH = 2.0  # term overlap alone (at most 1) never qualifies a sentence


@dataclass
class SupportItem:
    clause_id: str
    doc_id: str
    label: str
    doc_title: str
    text: str  # the clause's text, or the part around the sentences that concern the enterprise
    sentences: list[str]  # the sentences (or parts of one between ；) that concern it,
    # as they appear in ``text``
    reasons: list[str]
    note: str
    score: float
    kind: str = "other"  # of SUPPORT_KINDS: the kind of support its best sentence offers
    match: int = GENERAL  # of MATCHES: the closest thing of the enterprise it concerns
    note_kind: str = "unspecified"  # of NOTES: what ``note`` says in substance


@dataclass
class SupportGroup:
    kind: str
    title: str
    items: list[SupportItem] = field(default_factory=list)


@dataclass
class SupportResult:
    profile: EnterpriseProfile  # as used, with what was read from the description
    items: list[SupportItem]  # closest match first (see ``MATCHES``), then by score
    unmet: list[str]  # what the enterprise asks for that the plans never mention

    @property
    def groups(self) -> list[SupportGroup]:
        """The items by kind of support, the group of the best item first."""
        groups: dict[str, SupportGroup] = {}
        for item in self.items:
            kind = groups.setdefault(item.kind, SupportGroup(item.kind, SUPPORT_KINDS[item.kind]))
            kind.items.append(item)
        return list(groups.values())


class SupportFinder:
    def __init__(
        self, kb: KnowledgeBase, words: dict[str, list[str]] | None = None, items: int = 8
    ) -> None:
        """``words``: each industry's words with the plan's own items (``industry_words``)."""
        self._kb = kb
        self._words = words
        self._items = items

    def find(self, profile: EnterpriseProfile) -> SupportResult:
        if not profile.topic().strip():
            raise ValueError("请描述企业情况，或选择行业、想做的事。")
        terms = content_terms(expand_query(normalize_query(profile.topic())))
        best_overlap = max(self._kb.term_rarity([t]) for t in terms) if terms else 1.0
        items: list[SupportItem] = []
        for doc in self._kb.documents():
            for clause in doc.clauses:
                fits = self._fits(clause, profile, terms, best_overlap or 1.0)
                if fits:
                    items.append(self._item(clause, doc.title, fits, _kind(fits, profile)))
        items.sort(key=lambda item: (item.match, -item.score))
        return SupportResult(profile, items[: self._items], self.unmet(profile.description))

    def _fits(
        self, clause: Clause, profile: EnterpriseProfile, terms: list[str], scale: float
    ) -> list[tuple[Offer, Fit]]:
        """The clause's sentences that concern the enterprise, each with how well it fits."""
        fits = []
        parts = [
            part  # 协助广东省…汽车零配件…企业…；引导广东省企业到…在俄罗斯建设的…园区: two offers
            for start, end in sentence_spans(clause.text)
            for part in clause.text[start:end].split("；")
        ]
        for part in parts:
            offer = read_offer(part, self._words)
            how = fit(offer, profile)
            if how is None:
                continue
            overlap = self._kb.term_rarity([t for t in terms if t in offer.sentence]) / scale
            how = Fit(how.score + min(overlap, 1.0), how.reasons, how.match)
            if _pairs(offer, profile) or (offer.offers and how.score >= _ENOUGH):
                fits.append((offer, how))
        return fits

    @staticmethod
    def _item(clause: Clause, title: str, fits: list[tuple[Offer, Fit]], kind: str) -> SupportItem:
        sentences = [o.sentence for o, _ in fits]
        note_kind, note = _conditions_note(sentences)
        return SupportItem(
            clause_id=clause.clause_id,
            doc_id=clause.doc_id,
            label=clause.label,
            doc_title=title,
            text=excerpt(clause.text, sentences),
            sentences=sentences,
            reasons=reasons_text(r for _, f in fits for r in f.reasons),
            note=note,
            score=round(max(f.score for _, f in fits), 3),
            kind=kind,
            match=min(f.match for _, f in fits),
            note_kind=note_kind,
        )

    def unmet(self, description: str) -> list[str]:
        """Words of what the enterprise wants that no document mentions."""
        said = tagged_words(normalize_query(wanted_text(description)))
        verbs = [i for i, (_, tag) in enumerate(said) if tag == "v"]
        if verbs and len(verbs) > 1:
            del said[verbs[0]]  # the predicate (享受 减税, 获得 补贴), not what is wanted
        # nouns and verbs name what is wanted (税收, 减税, 补贴); 一家, 在 do not
        wanted = [w for w, tag in said if tag in _NAMING and len(w) >= 2 and w not in STOPWORDS]
        # a word read as one of the activities (设厂 → 投资, 上市 → 上市融资) is met by that
        # activity's clauses, as the profile reads it (profile.activity_of)
        return [
            w for w in dict.fromkeys(wanted) if not activity_of(w) and not self._kb.contains_text(w)
        ]


def _pairs(offer: Offer, profile: EnterpriseProfile) -> bool:
    """Names both the enterprise's home city and the one it goes to (哈尔滨市与深圳市)."""
    return len([c for c in profile.cities if c in offer.sentence]) >= 2


def _kind(fits: list[tuple[Offer, Fit]], profile: EnterpriseProfile) -> str:
    """A clause is listed once, under the kind of support its best sentence offers."""
    if any(_pairs(offer, profile) for offer, _ in fits):
        return "pairing"
    best = max(fits, key=lambda pair: pair[1].score)[0]
    return best.kinds[0] if best.kinds else "other"


def excerpt(text: str, sentences: list[str], limit: int = 320) -> str:
    """The clause, or for a long one the sentences that matter with one on either side."""
    if len(text) <= limit:
        return text
    spans = sentence_spans(text)
    chosen = [i for i, (s, e) in enumerate(spans) if any(p in text[s:e] for p in sentences)]
    first, last = max(min(chosen) - 1, 0), min(max(chosen) + 1, len(spans) - 1)
    body = text[spans[first][0] : spans[last][1]]
    return ("…" if first > 0 else "") + body + ("…" if last < len(spans) - 1 else "")


def _conditions_note(sentences: list[str]) -> tuple[str, str]:
    """Of NOTES, and the note in words: a clause that only asks for 具备条件 lays down no
    conditions either, said more closely."""
    text = "".join(sentences)
    if re.search(r"\d+(?:\.\d+)?\s*(?:万|亿)?元|％|%", text):
        return "amount", NOTES["amount"]
    if re.search(r"具备条件|有实力|有条件|符合条件", text):
        return (
            "unspecified",
            "方案只写明“具备条件”“有实力”等要求，没有列出具体条件、金额或申请程序。",
        )
    return "unspecified", NOTES["unspecified"]


def result_to_json(result: SupportResult) -> dict:
    return asdict(result)
