"""How a question is put together: its coordinated parts, asked each or together.

"旅游和养老有什么合作" asks two things, each to be answered (or declared missing) on its
own; "大米在广东咋卖，开店吗" asks one question after another; "A和B怎么结合" asks them
together; "机器人和农机装备合作搞的智能农机示范基地" asks one thing of both. Which way a
relation between two sides runs is read in relations.py. ``Query`` (query.py) holds what
these find.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.answering.terms import Term
from app.answering.wordkinds import is_place
from kb.text import english_glossary, tagged_words
from kb.thesaurus import may_act

# which of them is more so (荔枝和桂圆哪个更容易上火; 哪个最好卖, not 谁最终拍板): the
# quality compared, from the word of degree to the clause's end, is what is asked
COMPARISON = re.compile(
    r"(?:哪一?[个种样家]|谁)[^，,。？?]{0,6}?(?P<more>更|最(?![终后初近])|比较)[^，,。？?！!]+"
)
# the noun right after an interrogative names the answer's kind, not the topic:
# 什么时间, 哪个部门, 啥门路, 多长时间, 哪些措施
INTERROGATIVE = re.compile(r"什么|啥|哪些|哪个|哪|多少|几|多长|多久|何|怎么|咋|如何|怎样|谁")
# "A和B怎么结合", "广州和哈尔滨是对口城市": the coordinated things are asked about together
_RELATION = re.compile(
    r"结合|融合(?=发展|起来|在一起)|整合(?=起来|在一起)|关系|区别|联系|一起|同时|是对口|结对|互相|相互"
    # 石墨新材料和养老产业融合的项目: things joined by 和 and then merged are one thing
    r"|(?<![共以涉])[和与跟同及](?!时)[^，。？?什么啥哪怎在]{1,10}(?:融合|整合|一体化)"
    r"|\b(?:relation|relationship|between|combin\w*|pair\w*)\b",
    re.I,
)


def coordinated_parts(text: str, terms: tuple[Term, ...]) -> tuple[tuple[Term, ...], ...]:
    """Content terms grouped by the coordinated parts of the question (A和B怎么合作)."""
    if asks_relation(text):
        return ()
    content = [t for t in terms if not t.frame]
    pieces = _coordinated(text)
    if len(pieces) < 2 or len(content) < 2:
        return ()
    grouped = tuple(tuple(t for t in content if t.text.lower() in p.lower()) for p in pieces)
    subject = _subject(pieces[0])
    if subject and any(_verb_first(p) for p in pieces[1:]):
        # 黑龙江的知名医院向广东派专家、去广东设分院: the later parts have no subject of their
        # own; each is asked of the first one's (知名医院), not of anyone's 分支
        shared = tuple(t for t in content if t.text.lower() in subject.lower())
        grouped = tuple(tuple(dict.fromkeys((*shared, *g))) for g in grouped)
    head = _shared_head(text, pieces)
    if head:
        # 机器人产业和农机装备合作搞的智能农机示范基地: the thing after the last piece's 的
        # is what both are asked of, not a topic of the last one only
        shared = tuple(t for t in content if t.text.lower() in head.lower())
        grouped = tuple(tuple(dict.fromkeys((*g, *shared))) for g in grouped)
    grouped = tuple(g for g in grouped if g)
    if any(all(is_place(t.text) or _places(t.forms) for t in g) for g in grouped):
        return ()  # places side by side are a pairing (广州和哈尔滨), not two topics
    return grouped if len(grouped) >= 2 else ()


def _coordinated(text: str) -> list[str]:
    """The text cut at conjunction words (和 of 参与 or 和谐 cuts nothing) and between
    questions asked one after the other (大米在广东咋卖，开店吗); a clause that asks
    nothing (冬天想组团去玩，) is the setting of the question after it.
    """
    pieces, current = [], ""
    # an English term joined by "and" is one thing (ice and snow: 冰雪)
    whole = [m.span() for m in _glossary_and().finditer(text)] if " and " in text.lower() else []
    at = 0
    tagged = tagged_words(text)
    for i, (word, flag) in enumerate(tagged):
        found = text.find(word, at)
        at = found if found >= 0 else at
        inside = any(a <= at < b for a, b in whole)
        conjunction = (
            word.lower() in _CONJUNCTIONS
            and flag in ("c", "p", "x", "cc", "eng")
            and not inside
            and not _with(tagged, i)
        )
        if conjunction or (word in _CLAUSE_BREAKS and _asks(current)):
            pieces.append(current)
            current = ""
        else:
            current += word
    return [p for p in [*pieces, current] if p.strip()]


# what is said of the doer before 和, 跟, 与 or 同 meaning "with" (结果会跟干部提拔挂钩: 会)
# and asked whether (会不会, 能不能)
_MODALS = frozenset(
    {"会", "要", "能", "可以", "可", "将", "应", "应该", "需要", "想", "打算", "准备"}
)
_MODALS |= {f"不{m}" for m in _MODALS} | {"是否"}


def _with(tagged: list[tuple[str, str]], i: int) -> bool:
    """Whether the 和, 跟, 与 or 同 at ``tagged[i]`` means "with", relating one thing to the
    next rather than listing two: after a modal or adverb (结果会跟干部提拔挂钩; 也和), or
    before a place followed by a verb (冰雪资源和广东合作搞什么: 广东 acts with it) that
    does not qualify a thing (大米和广东出产的荔枝: 广东 names where the 荔枝 are from)."""
    if tagged[i][0] not in ("和", "跟", "与", "同"):
        return False
    before = tagged[i - 1] if i > 0 else ("", "")
    if before[0] in _MODALS or before[1] == "d":
        return True
    after = tagged[i + 1 : i + 4]
    return (
        len(after) >= 2
        and is_place(after[0][0])
        and after[1][1] in ("v", "vn")
        and (len(after) < 3 or after[2][0] != "的")
    )


def _shared_head(text: str, pieces: list[str]) -> str:
    """The words after the last piece's 的 when it follows a conjunction (not a question
    asked before it), a verb stands before the 的 and no earlier piece has a 的 of its own."""
    last = pieces[-1]
    if "的" not in last or any("的" in p for p in pieces[:-1]):
        return ""
    at = text.rfind(last)
    before = text[:at].rstrip() if at >= 0 else ""
    if not before.endswith(tuple(c for c in _CONJUNCTIONS if c != "and")):
        return ""
    # 合作搞的, 建的: what was done makes it theirs; 广东的 names a side, not a shared thing
    done = tagged_words(last[: last.rindex("的")])
    if not done or done[-1][1] != "v":
        return ""
    return last[last.rindex("的") + 1 :]


def _subject(piece: str) -> str:
    """The words of ``piece`` before its first verb or preposition (黑龙江的知名医院 of
    黑龙江的知名医院向广东派专家)."""
    said = ""
    for word, flag in tagged_words(piece):
        if _acts(word, flag) or flag == "p":  # 向广东 of 向广东卖大米 is not its subject
            return said
        said += word
    return ""


def _verb_first(piece: str) -> bool:
    words = [(w, f) for w, f in tagged_words(piece) if w.strip()]
    return bool(words) and _acts(*words[0])


def _acts(word: str, flag: str) -> bool:
    """A verb, unless the thesaurus lists it otherwise only (知名 is a quality, not an act)."""
    return flag == "v" and may_act(word)


def _asks(clause: str) -> bool:
    return bool(INTERROGATIVE.search(clause) or re.search(r"[吗嘛呢不没]\W*$", clause))


_CONJUNCTIONS = frozenset({"和", "与", "及", "以及", "还有", "跟", "、", "and"})
_CLAUSE_BREAKS = frozenset({"，", ",", "？", "?", "；", ";"})


def asks_relation(text: str) -> bool:
    """Whether the question asks how the things it names relate (是对口, 结合, 互相)."""
    # (荔枝和桂圆哪个更容易上火: which of them is more so, a quality both are asked of)
    return _RELATION.search(text) is not None or COMPARISON.search(text) is not None


def side_by_side(text: str, first: str, second: str, others: list[str]) -> bool:
    """Whether the question lists ``first`` and ``second`` side by side (广州、深圳和哈尔滨,
    Guangzhou and Shenzhen): nothing between them but conjunctions and ``others``."""
    i, j = text.find(first), text.find(second)
    if i < 0 or j < 0:
        return False
    between = text[min(i + len(first), j + len(second)) : max(i, j)]
    for other in sorted(others, key=len, reverse=True):
        between = between.replace(other, " ")
    return all(
        p in _CONJUNCTIONS or p in _ALTERNATIVES for p in re.split(r"[\s、,，]+", between) if p
    )


_ALTERNATIVES = frozenset({"或", "或者", "or", "/"})


def _places(forms: tuple[str, ...]) -> bool:
    """Whether an English word stands for places (Harbin: 哈尔滨)."""
    return bool(forms) and all(is_place(f) for f in forms)


@lru_cache(maxsize=1)
def _glossary_and() -> re.Pattern[str]:
    """The glossary's terms joined by "and" (ice and snow), longest first."""
    phrases = sorted((en for en in english_glossary() if " and " in en), key=len, reverse=True)
    return re.compile("|".join(rf"\b{re.escape(p)}\b" for p in phrases) or "(?!)", re.I)
