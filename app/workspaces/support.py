"""政策查找: which clauses offer support or opportunities to an enterprise like this one."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ingest.chunking import sentence_spans
from ingest.tagging import load_taxonomy, tag_text
from kb.knowledge_base import KnowledgeBase
from kb.text import content_terms, expand_query, normalize_query

SUPPORT_KINDS = {
    "financing": "融资与金融",
    "land_energy": "用地与用能",
    "platforms_parks": "平台与园区",
    "market_trade": "市场准入与贸易",
    "talent": "人才与培训",
    "pilots": "改革试点",
    "other": "其他合作机会",
}
ORIGINS = {"广东": "广东省", "黑龙江": "黑龙江省"}
# Verbs by which a plan offers something: encourage, support, attract, give priority…
_OFFER = re.compile(r"鼓励|支持|引导|吸引|优先|给予|扶持|协助|推介|欢迎|争取|开辟|便利")
_VAGUE = re.compile(r"具备条件|有实力|有条件|符合条件")


@dataclass
class SupportItem:
    clause_id: str
    label: str
    doc_title: str
    sentences: list[str]
    note: str
    score: float


@dataclass
class SupportGroup:
    kind: str
    title: str
    items: list[SupportItem] = field(default_factory=list)


@dataclass(frozen=True)
class EnterpriseProfile:
    description: str
    origin: str = ""  # 广东 | 黑龙江 | other
    ownership: str = ""  # 国有 | 民营 | 外资
    industry: str = ""  # a tag of the taxonomy's industry facet, or free text
    wants: str = ""  # a tag of the activity facet (上市融资, 设立金融机构…) or free text

    def topic(self) -> str:
        """What the enterprise does and wants, in the plan's words."""
        taxonomy = load_taxonomy()
        words = [self.description, self.industry]
        words += taxonomy.get("activity", {}).get(self.wants, [self.wants])
        words += taxonomy.get("industry", {}).get(self.industry, [])
        return " ".join(w for w in words if w)

    def query(self) -> str:
        return " ".join(w for w in (self.topic(), ORIGINS.get(self.origin), self.ownership) if w)


class SupportFinder:
    """Retrieves clauses for a profile and keeps the sentences that offer something."""

    def __init__(self, kb: KnowledgeBase, clauses: int = 12, keep: float = 0.3) -> None:
        self._kb = kb
        self._clauses = clauses
        self._keep = keep  # drop items scoring below this share of the best one

    def find(self, profile: EnterpriseProfile) -> list[SupportGroup]:
        if not profile.topic().strip():
            raise ValueError("请描述企业情况，或选择行业、想做的事。 (Describe the enterprise.)")
        topic = expand_query(normalize_query(profile.topic()))
        terms = [t for t in content_terms(topic) if len(t) >= 2]
        groups = {kind: SupportGroup(kind, title) for kind, title in SUPPORT_KINDS.items()}
        for rank, hit in enumerate(self._kb.search(profile.query(), self._clauses)):
            by_kind: dict[str, list[tuple[float, str]]] = {}
            for start, end in sentence_spans(hit.clause.text):
                sentence = hit.clause.text[start:end]
                score = self._score(sentence, terms, profile)
                if score > 0:
                    by_kind.setdefault(_kind_of(sentence), []).append((score, sentence))
            for kind, scored in by_kind.items():
                scored.sort(key=lambda s: -s[0])
                sentences = [s for _, s in scored[:3]]
                groups[kind].items.append(
                    SupportItem(
                        clause_id=hit.clause.clause_id,
                        label=hit.clause.label,
                        doc_title=hit.doc_title,
                        sentences=sentences,
                        note=_conditions_note(sentences),
                        score=round(scored[0][0] / (1 + 0.1 * rank), 3),
                    )
                )
        best = max((item.score for g in groups.values() for item in g.items), default=0.0)
        for group in groups.values():
            group.items = [i for i in group.items if i.score >= self._keep * best]
            group.items.sort(key=lambda item: -item.score)
        return [g for g in groups.values() if g.items]

    def _score(self, sentence: str, terms: list[str], profile: EnterpriseProfile) -> float:
        if not _OFFER.search(sentence):
            return 0.0
        # words in every clause (两省, 合作) count for nothing: rarity in this knowledge base
        relevance = self._kb.term_rarity([t for t in terms if t in sentence])
        if profile.ownership and profile.ownership in sentence:
            relevance *= 1.3
        origin = ORIGINS.get(profile.origin)
        if origin and origin not in sentence and origin[:2] not in sentence:
            relevance *= 0.5  # support aimed at the other province's enterprises
        return float(relevance)


def _kind_of(sentence: str) -> str:
    for tag in tag_text(sentence):
        facet, _, name = tag.partition(":")
        if facet == "support":
            return name
    return "other"


def _conditions_note(sentences: list[str]) -> str:
    text = "".join(sentences)
    if re.search(r"\d+(?:\.\d+)?\s*(?:万|亿)?元|％|%", text):
        return "条款写明了具体数额，请以原文为准。"
    if _VAGUE.search(text):
        return "方案只写明“具备条件”“有实力”等要求，没有列出具体条件、金额或申请程序。"
    return "方案没有规定具体条件、金额或申请程序。"


def groups_to_json(groups: list[SupportGroup]) -> list[dict]:
    return [asdict(g) for g in groups]
