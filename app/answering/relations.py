"""Which way a relation between two sides runs, as a question says it and as a sentence does.

"黑龙江省要为广东省做什么" asks for support running one way, "黑龙江在广东租仓" for one
side acting in the other's place, "广东省邀请黑龙江省" for one side doing something to the
other; ``Relation.reversed_in`` reads whether a sentence states it the other way round
(广东省协助黑龙江省, 广东省…在黑龙江省建立, 邀请广东省). ``Query`` (query.py) holds what
``relation_direction`` finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.answering.parts import side_by_side
from app.answering.terms import Term
from app.answering.wordkinds import is_place
from app.workspaces.profile import provinces_of
from kb.text import abbreviations, tagged_words

# a noun phrase of the acting side (黑龙江的社会资本可以在广东…), then a modal
_OWN = r"(?P<own>的?[\u4e00-\u9fff]{0,6}?)"
_MODAL = r"(?:要|应|将|会|能|可以|需要|该|想|也)?"
# who acts for whom: 黑龙江省为广东省…, 黑龙江的知名医院向广东派专家
_FOR_VERBS = "为|帮|帮助|协助|支持|给|向|对"
_FOR = r"(?P<agent>{party}){own}{modal}(?:" + _FOR_VERBS + r")(?P<other>{party})"
# the words by which one side acts in, or goes to, the other's place
PLACE_LINKS = "在|去|到|赴|来|前往"
# where one side acts or goes: 黑龙江在广东租仓, 黑龙江的医院去广东开分院 (the plan has
# 广东省…在黑龙江省建立…储备基地, 广东省知名医疗机构在黑龙江省设立分支: the other way)
_IN = r"(?P<agent>{party}){own}{modal}(?:" + PLACE_LINKS + r")(?P<other>{party})"
BY_VERBS = "借助|借|依托|利用|依靠|靠"
# the same relation said from the side that benefits: 黑龙江借广东平台 (广东 acts for 黑龙江)
_BY = (
    r"(?P<other>{party}){own}(?:要|能|可以|想)?"
    r"(?P<verb>" + BY_VERBS + r")(?P<agent>{party})"
)
# one side doing something to the other, said by any verb: 广东省邀请黑龙江省 (the plan's
# 邀请广东省 has 广东 invited, not inviting)
_ON = r"(?P<agent>{party}){modal}(?P<verb>[\u4e00-\u9fff]{1,2})(?P<other>{party})"
_SIDES = ("agent", "other")
# verbs the other patterns read (帮, 去, 借): 黑龙江借广东 is 广东 acting, not 黑龙江
_NOT_ON = "|".join((_FOR_VERBS, PLACE_LINKS, BY_VERBS, "是|有|和|与|跟|同|及"))


def named_places(text: str) -> list[str]:
    """The places ``text`` names, as jieba reads them (ns), and the table's short forms of
    places, alone or in a word made of short forms (粤 of 粤企; not 深 of 深交所)."""
    places = []
    for word, flag in tagged_words(text):
        if flag == "ns":
            places.append(word)
        elif all(ch in abbreviations() for ch in word):
            places += [ch for ch in word if is_place(abbreviations()[ch])]
        elif word in abbreviations() and is_place(abbreviations()[word]):
            places.append(word)
    return places


def _patterns(places: list[str]) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, link) for acting for, benefiting by and acting in, between ``places``."""
    party = "|".join(re.escape(p) for p in sorted(set(places), key=len, reverse=True))
    filled = []
    for pattern, link in ((_FOR, "为"), (_BY, "为"), (_IN, "在"), (_ON, "")):
        for name, value in (("{party}", f"(?:{party})"), ("{own}", _OWN), ("{modal}", _MODAL)):
            pattern = pattern.replace(name, value)
        filled.append((re.compile(pattern), link))
    return filled


@dataclass(frozen=True)
class Relation:
    """One side acting for the other (为) or in, or going to, the other's place (在)."""

    agent: str
    other: str
    link: str  # 为 | 在
    said: str = ""  # an English question's words stating it (Heilongjiang … in Guangdong)

    def __str__(self) -> str:
        return f"{self.agent}{self.link}{self.other}"

    def reversed_in(self, sentence: str, terms: tuple[Term, ...]) -> bool:
        """Whether ``sentence`` states this relation only the other way round: 广东省协助
        黑龙江省 for 黑龙江为广东做什么, 广东省…在黑龙江省建立 for 黑龙江在广东租仓 (or 去广东).
        ``terms`` are the question's content terms: what the relation is about."""
        agent, other = stem(self.agent), stem(self.other)
        if self.link not in ("为", "在"):  # 邀请广东省 for 广东省邀请黑龙江省: the other acts
            done_to = re.search(rf"{self.link}{agent}", sentence)
            # (推动广东省重点城市在黑龙江省…: 广东 acts on 黑龙江 after all)
            return (
                done_to is not None
                and other not in sentence[done_to.end() :]
                and re.search(rf"{self.link}{other}", sentence) is None
            )
        if self.link == "在" and agent not in sentence:
            # the place asked of acts in the asking side's own province: 深圳市在黑龙江省合作
            # 共建 does not put anything 哈尔滨 builds in 深圳
            homes = "|".join(re.escape(h) for h in (agent, *provinces_of(agent)))
            acts = rf"{other}[^，。；]{{0,{_ACTOR_GAP}}}(?:{PLACE_LINKS})(?:{homes})"
            placed = re.search(rf"(?:{PLACE_LINKS})[^，。；]{{0,3}}{other}", sentence)
            return re.search(acts, sentence) is not None and placed is None
        if self.link == "在":  # the acting side, then 在 and the place
            link, before, after = PLACE_LINKS, _PLACE_GAP, 3
        else:
            link, before, after = SUPPORT_VERBS, 8, 6
        between = rf"[^，。；]{{0,{before}}}(?:{link})[^，。；]{{0,{after}}}"
        # read in the part of the sentence holding most of what is asked about: 组织黑龙江省
        # 企业家到广东省交流经验，组织广东省企业家参加“龙江企业家发展论坛” runs both ways
        # (among the parts naming a side: 开展两省粮食储备合作，广东省采取…在黑龙江省建立… is
        # read in its second part, which says who stores grain where)
        sides = (agent[:2], other[:2])
        topic = [t for t in terms if t.forms and t.plan_word[:2] not in sides]
        pieces = [p for p in re.split(r"[，,；;]", sentence) if agent in p or other in p]
        held = [sum(t.weight for t in topic if t.found_in(p)) for p in pieces]
        best = max(held, default=0.0)
        said = "，".join(p for p, h in zip(pieces, held, strict=True) if h == best)
        said = said if best else sentence
        forward = re.search(rf"{agent}{between}{other}", said)
        backward = re.search(rf"{other}{between}{agent}", said)
        if forward is None and backward is None and best and agent in said and other in said:
            # no word says which way: the side named first acts (鼓励广东省…旅游开发企业整体
            # 开发黑龙江省优势旅游资源 is 广东 acting in 黑龙江), unless the two are named side
            # by side (黑龙江省与广东省两省…交流: both act)
            if side_by_side(said, agent, other, ["省", "市"]):
                return False
            return said.index(other) < said.index(agent)
        return backward is not None and forward is None


# what a sentence says one side does for the other (广东省协助黑龙江省…)
SUPPORT_VERBS = "协助|支持|帮助|帮|为|向|对|援助|指导"
# 广东省采取租仓储备、异地储备等方式在黑龙江省: how one side acts may stand before 在
_PLACE_GAP = 20
_ACTOR_GAP = 6  # 深圳市在, 深圳市企业到: a place acting, then where


def one_verb(text: str) -> bool:
    """Whether jieba reads ``text`` as one verb (邀请, 请), not pieces (可在)."""
    words = tagged_words(text)
    return len(words) == 1 and words[0][1] == "v"


def stem(party: str) -> str:
    return party[:-1] if len(party) > 2 and party[-1] in "省市" else party


def relation_direction(text: str) -> Relation | None:
    """Who acts, and for whom or where, when the question says which way a relation runs
    (none when it asks both ways: 黑龙江去广东看什么，广东来黑龙江又干啥)."""
    places = named_places(text)
    if len(set(places)) < 2:
        return None
    found = []
    for pattern, link in _patterns(places):
        for match in pattern.finditer(text):
            if any(p in (match.groupdict().get("own") or "") for p in places):
                continue  # 黑龙江和广东在深圳: the acting side is both, neither alone
            agent, other = (_full(match.group(g)) for g in _SIDES)
            said = link
            if not link:  # a verb of its own: 邀请, not a word jieba reads otherwise
                said = match.group("verb")
                if not one_verb(said) or re.fullmatch(_NOT_ON, said):
                    continue
            if agent[:2] != other[:2]:
                found.append(Relation(agent, other, said))
    ways = {(r.agent[:2], r.other[:2]) for r in found}
    if not found or any((b, a) in ways for a, b in ways):
        return None
    return found[0]


# an English question's relation between two places: one helping the other (Heilongjiang
# trains Guangdong's cadres), acting in or going to its place (Guangdong hospitals open
# branches in Heilongjiang), or helped by it (is Guangdong helped by Heilongjiang)
_EN_FOR = re.compile(
    r"\b(?:help|assist|support|train|aid|guide|send|give|provide|offer|invest)"
    r"(?:s|es|ed|ing)?\b(?:\s+(?:for|to))?\s*$"
)
_EN_IN = re.compile(r"\b(?:in|into|to|at)\s*$")
# "to" of a comparison or cause is no place gone to (similar to Guangdong, thanks to …)
_EN_NOT_IN = re.compile(
    r"\b(?:compared|similar|close|according|thanks|due|next|relative|equal|closer)\s+to\s*$"
)
_EN_CLAUSE_END = re.compile(r"[,;.?!]")
_EN_BY = re.compile(r"\b\w+ed\s+by\s*$")  # helped by Heilongjiang: Heilongjiang acts
_EN_APART = re.compile(r"^\s*(?:['’]s\s+)?(?:and|&|or|with|[-–—/])\s*$")


def english_direction(text: str, terms: tuple[Term, ...]) -> Relation | None:
    """Who acts, and for whom or where, in an English question (``terms`` hold the plan's
    name of each place it names). None when it names the two side by side (Heilongjiang
    and Guangdong), or both ways round. ``said`` runs from the first to the end of its
    clause (Heilongjiang help Guangdong attract investment)."""
    places = sorted(
        (m.start(), m.end(), t.forms[0])
        for t in terms
        if len(t.forms) == 1 and is_place(t.forms[0])
        for m in re.finditer(rf"\b{re.escape(t.text)}\b", text, re.I)
    )
    found = []
    for i, ((a0, a1, a), (b0, b1, b)) in enumerate(zip(places, places[1:], strict=False)):
        between = text[a1:b0]
        end = _EN_CLAUSE_END.search(text, b1)
        said = text[a0 : end.start() if end else len(text)].strip()
        joined = i > 0 and _EN_APART.match(text[places[i - 1][1] : a0])  # X and Y cadres … in Z
        if a[:2] == b[:2] or _EN_APART.match(between) or joined:
            continue
        if _EN_BY.search(between):
            found.append(Relation(b, a, "为", said))
        elif _EN_FOR.search(between):
            found.append(Relation(a, b, "为", said))
        elif _EN_IN.search(between) and not _EN_NOT_IN.search(between):
            found.append(Relation(a, b, "在", said))
    ways = {(r.agent[:2], r.other[:2]) for r in found}
    if not found or any((b, a) in ways for a, b in ways):
        return None
    return found[0]


def _full(party: str) -> str:
    return abbreviations().get(party, party)  # 粤 is 广东


def benefit_verb(text: str) -> str:
    """The verb of 黑龙江借助广东…: the plan says it the acting side's way (广东协助黑龙江),
    so it frames the relation, which ``relation_direction`` keeps."""
    places = named_places(text)
    if len(set(places)) < 2:
        return ""
    match = _patterns(places)[1][0].search(text)
    return match.group("verb") if match else ""
