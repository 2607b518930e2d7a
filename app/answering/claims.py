"""Whether a sentence states a yes/no question's claim the way the question puts it.

A yes confirms a claim, so it needs a sentence that states it for the side asked about,
the way round asked: 两省干部相互挂职 says that each side's cadres go to the other, not
that 黑龙江 trains 广东's cadres; 哈尔滨市与深圳市对口合作 puts the two side by side, with
neither acting for the other; 邀请广东省作为中国—俄罗斯博览会的主宾省 makes 广东 the guest,
not 黑龙江. ``states`` reads a directed claim (relations.py ``Relation``), ``other_side_only``
a claim about one side; ``claim_from`` is how a refusal names the claim.
"""

from __future__ import annotations

import re

from app.answering.parts import INTERROGATIVE, side_by_side
from app.answering.relations import PLACE_LINKS, SUPPORT_VERBS, Relation, one_verb, stem
from app.answering.terms import Term
from app.workspaces.profile import province_of, provinces
from kb.text import tagged_words

_LEVELS = ["省", "市"]
_PIECE_ENDS = "，,；;"
# both sides acting on each other: 两省干部相互挂职, 互派, 互设
_MUTUAL = re.compile(r"相互|互相|互派|互设|互访|互为|互动|互学|互鉴")
# a piece naming both sides: a thing of both is of each
_BOTH = re.compile(r"两省|双方|两地|两市|相互|互相")
# the words that make a claim a question (是否, 吗): the claim is what is left
_YES_NO_WORDS = re.compile(
    r"是否|有没有|是不是|会不会|能不能|可不可以|要不要|能否|可否|有无|对不对"
)
_ENDING = "吗嘛呢吧么？?。！! "
# the words that make an English claim a question (Does …?)
_EN_ASKING = re.compile(
    r"^(?:does|do|did|will|would|can|could|should|shall|is|are|was|were|has|have|may|must)\s+",
    re.I,
)
# a side right after it is where, not who (在黑龙江省加快推广…; 到黑龙江省在俄罗斯建设: who)
_PLACE_HANZI = "在"


def states(relation: Relation, sentence: str, terms: tuple[Term, ...]) -> bool:
    """Whether ``sentence`` states ``relation`` the asked way, about what it is about
    (``terms``): the acting side named (not as where: 在黑龙江省), then the other, not
    side by side (哈尔滨市与深圳市对口合作), and what it is about from the acting side's
    comma-piece on (在黑龙江省加快推广一批广东省…举措 says nothing of the 培训 before it);
    or the other side alone after a verb of support or place, its actor unnamed (…，协助
    黑龙江省开展招商引资); or both sides acting on each other (两省干部相互挂职), holding every
    term. A province stands for its cities; a city only for itself. 邀请 and other verbs
    of their own: the verb, then the other side, then the topic."""
    agents, others = _names(relation.agent), _names(relation.other)
    sides = {*agents, *others}
    topic = [t for t in terms if t.forms and not any(n in t.plan_word for n in sides)]

    def about(text: str) -> bool:
        return not topic or any(t.found_in(text) for t in topic)

    if relation.link not in ("为", "在"):
        done_to = [m for o in others for m in re.finditer(re.escape(relation.link + o), sentence)]
        return any(about(sentence[m.start() :]) for m in done_to)
    links = PLACE_LINKS if relation.link == "在" else f"{SUPPORT_VERBS}|{PLACE_LINKS}"
    named = [
        a for a in _found(sentence, agents) if not (a[0] and sentence[a[0] - 1] in _PLACE_HANZI)
    ]
    for o in _found(sentence, others):
        for a in named:
            if o[0] <= a[0] or side_by_side(sentence[a[0] : o[1]], a[2], o[2], _LEVELS):
                continue
            start = max(sentence.rfind(c, 0, a[0]) for c in _PIECE_ENDS) + 1
            if about(sentence[start:]):
                return True
        implied = re.search(rf"(?:{links}){re.escape(o[2])}", sentence[: o[1]])
        if implied and not _found(sentence, agents) and topic and about(sentence[o[0] :]):
            return True
    return (
        bool(topic)
        and _MUTUAL.search(sentence) is not None
        and all(t.found_in(sentence) for t in topic)
    )


def other_side_only(question: str, sentence: str, terms: tuple[Term, ...]) -> bool:
    """Whether ``sentence``, in its comma-pieces holding most of what the question asks
    (``terms``), names only the side of the texts the question does not: 黑龙江是不是被
    邀请当主宾省 is not held by 邀请广东省作为…主宾省 (两省 and 相互 name both)."""
    own = province_of(question)
    topic = [t for t in terms if t.forms and not province_of(t.text)]
    if not own or not topic:
        return False
    pieces = re.split(rf"[{_PIECE_ENDS}]", sentence)
    held = [sum(t.weight for t in topic if t.found_in(p)) for p in pieces]
    best = max(held)
    said = "，".join(p for p, h in zip(pieces, held, strict=True) if h == best)
    # by a province's own name: its places there are where it happens (参与建设五大连池等
    # …度假区 is not 黑龙江 acting)
    named = {p.name for p in provinces() if any(n in said for n in p.names)}
    return bool(best and len(named) == 1 and own not in named and not _BOTH.search(said))


def claim_from(question: str, side: str, english: bool = False) -> str:
    """What ``question`` claims, from where it first names ``side`` (any of its names) on,
    without its question words (黑龙江帮广东培训干部吗？ → 黑龙江帮广东培训干部, 龙江组织
    哪些机构给广东搞培训 → 龙江组织机构给广东搞培训); "" if it does not name ``side``."""
    if english:  # Does Heilongjiang train Guangdong's cadres?
        return _EN_ASKING.sub("", question).rstrip(_ENDING)
    found = _found(question, _names(side))
    if not found:
        return ""
    said = re.split(r"[，,；;。？?]", question[min(found)[0] :])[0]  # 方案是这么安排的吗 frames it
    said = _YES_NO_WORDS.sub("", said)
    words = [w for w, f in tagged_words(said) if not (f == "r" and INTERROGATIVE.match(w))]
    if len(words) > 1 and len(words[-1]) == 1 and one_verb(words[-1]):
        words.pop()  # 做 of 做什么 asks, it claims nothing
    return "".join(words).rstrip(_ENDING)


def _names(party: str) -> list[str]:
    """The names a sentence may give ``party``, longest first: a province's names and cities
    (深圳 for 广东); a city only its own (黑龙江 says nothing of 哈尔滨 alone)."""
    bare = stem(party)
    own = [p for p in provinces() if bare in p.names or p.name == bare]
    names = {bare, *(n for p in own for n in (*p.names, *p.cities))}
    return sorted(names, key=len, reverse=True)


def _found(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each naming of a party in ``text``, none inside another (龙江
    of 黑龙江 is no naming of its own)."""
    if not names:
        return []
    pattern = "|".join(re.escape(n) for n in names)
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer(pattern, text)]
