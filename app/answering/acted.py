"""A side a question puts where a verb acts (邀请黑龙江省作为…主宾省), read against the side a
sentence puts there.

"是邀请黑龙江省作为中国—俄罗斯博览会主宾省吗" names one side only, so no relation between
two sides (relations.py) nor a thing of one side (owners.py) is read from it; yet the plan's
"邀请广东省作为中国—俄罗斯博览会的主宾省" puts the other side where the question puts
黑龙江省: every other word is there, and the sentence states it of 广东省. ``Slot.taken_in``
reads that, for any verb the question sets a side after that then acts in turn (支持哈尔滨
建设…); a side naming whose thing it is (支持黑龙江的PPP项目) is not what the verb acts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.answering.relations import BY_VERBS, PLACE_LINKS, named_places
from app.workspaces.profile import province_of
from kb.text import abbreviations, tagged_words
from kb.thesaurus import may_act

# words before a side that say where, by what or with whom, not what is done to it: other
# readings hold them (relations.py, owners.py)
_NOT_ACTS = frozenset(
    (*PLACE_LINKS.split("|"), *BY_VERBS.split("|"), *"是 有 和 与 跟 同 及".split())
    + (*"为 给 向 对 把 被 让 由 从 经 当".split(),)
)


@dataclass(frozen=True)
class Slot:
    """A side a verb acts on in the question: 黑龙江 of 邀请黑龙江省."""

    verb: str
    place: str  # as the question names it
    province: str  # the province it is or is in (黑龙江 of 哈尔滨)

    def taken_in(self, sentence: str) -> str:
        """What ``sentence`` says instead when its verb acts on a side of another province
        and never on this one (邀请广东省); "" otherwise."""
        if self.verb[-1] not in sentence:
            return ""
        others, own = [], False
        for clause in re.split(r"[，,；;：:]", sentence):  # each act with its own object
            for verb, place in _acted_on(clause):
                if not (verb.endswith(self.verb) or self.verb.endswith(verb)):
                    continue  # 请 is 邀请
                province = _province(place)
                if province == self.province:
                    own = True
                elif province:
                    others.append(f"{verb}{place}")
        return others[0] if others and not own else ""


def verb_slot(text: str) -> Slot | None:
    """The side the question sets right after a verb, when it names one province only."""
    places = named_places(text)
    provinces = {_province(p) for p in places} - {""}
    if len(provinces) != 1:
        return None  # two sides: a relation between them (relations.py)
    for verb, place in _acted_on(text):
        province = _province(place)
        if province:
            return Slot(verb, place, province)
    return None


def _acted_on(text: str) -> list[tuple[str, str]]:
    """(verb, place) for each place a verb acts on that then acts itself (邀请广东省作为…,
    支持哈尔滨建设…); a place naming whose thing it is (支持黑龙江的PPP项目, 支持黑龙江省企业)
    is not what the verb acts on."""
    words = [(w, f) for w, f in tagged_words(text) if w.strip()]
    found = []
    for i, (verb, flag) in enumerate(words[:-2]):
        place, kind = words[i + 1]
        after, after_flag = words[i + 2]
        named = kind == "ns" or place in abbreviations()
        acts = named and flag.startswith("v") and flag != "vn" and verb not in _NOT_ACTS
        then = after in _AS or (after_flag.startswith("v") and after_flag != "vn")
        if acts and then and may_act(verb) and place in named_places(place):
            found.append((verb, place))
    return found


_AS = frozenset({"作为", "当", "担任", "成为"})  # 邀请广东省作为主宾省: what the side is made


def _province(place: str) -> str:
    """The province ``place`` is or is in ("" for none: 两省, 东盟)."""
    return province_of(abbreviations().get(place, place))
