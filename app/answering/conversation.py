"""Follow-up questions: rewrite a turn into a standalone question from the history.

Without a language model the rewrite is deterministic:
- "还有呢？" asks the previous question again, skipping the sentences already quoted;
- "第8项具体讲了什么？" / "第五条" name a clause by its number: its title is put in;
- "这一条/这项" refers to the first clause cited in the previous answer;
- "那黑龙江省呢？" swaps the party of the previous question; "那医疗方面呢？" puts its topic
  in place of the previous question's word nearest in meaning (养老 of 养老机构), when the
  embedding model's profile finds one near enough, else asks the previous question of it;
  "那黑龙江省要做什么？" is already standalone once "那" is dropped;
- a pronoun, 这样做 or 除了这个 points back at the previous topic (pointing.py): 它 is
  written out as its thing, 它俩 as the places the previous answer paired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from app.answering.citations import Answer, QuestionError
from app.answering.english import is_english
from app.answering.pointing import (
    ASKS,
    BESIDES,
    POINTS_BACK,
    WH,
    answer_pronoun,
    names_it,
    pronoun_named,
)
from app.workspaces.duties import party_names
from ingest.models import Clause
from ingest.parser import chinese_number
from kb.scope import KnowledgeView
from kb.text import normalize_query, tagged_words

_MORE = re.compile(
    r"^(?:还有呢|还有吗|还有别的吗|还有其他的吗|其他呢|别的呢|还有什么|anything else|what else|more)"
    r"[?？。！!]*$",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"第([一二三四五六七八九十百\d]+)(项任务|个任务|项|条|点)")
_THIS = re.compile(r"这一条|这条|该条|这一项|这项|该项|上一条|刚才那条|这个条款|这一点")
_THAT = re.compile(
    r"^(?:那么|那|(?:what about|how about|and)\b)(?![个些项条种类届次位家批份])\s*(?P<rest>.+)$",
    re.I,
)
# "那个旅游季品牌叫啥？": a demonstrative points back at the previous answer's topic
_DEMONSTRATIVE = re.compile(
    r"^(?:那个|这个|那些|这些|那项|这项|那种|这种|那届|这届|那次|这次)\s*(?P<rest>.+)$"
)
_TAIL = re.compile(r"呢?[?？。!！]*$")
# "培训呢，依托啥" → topic "培训", then its own question "依托啥"
_TOPIC_THEN_QUESTION = re.compile(r"^(.*?)(呢[，,]?|[，,]|$)(.*)$")
_TOPIC_TAIL = re.compile(r"(?:那块|这块|那边|这边|方面|那个方面|这一块|呢)*[?？。!！]*$")
# the question part of a question: "有哪些", "怎么合作", "是什么理念"
_FRAME = re.compile(rf"(?:有|是|要|能|该|由)?(?:{WH}).*$")


@dataclass
class Turn:
    """One answered turn, as the conversation remembers it."""

    question: str  # the standalone form that was answered
    clause_ids: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)  # sentences the answer already showed

    @classmethod
    def from_answer(cls, answer: Answer) -> Turn:
        return cls(
            answer.standalone_question or answer.question,
            [c.clause_id for c in answer.citations],
            [h for c in answer.citations for h in c.highlights],
        )


@dataclass
class Rewrite:
    question: str
    skip: list[str] = field(default_factory=list)  # sentences not to quote again ("还有呢？")
    # other readings of an ambiguous follow-up ("航空这块呢" after "物流方面有啥合作": 航空
    # instead of 物流, or 航空 within 物流); the service keeps the first the plan answers
    alternatives: list[str] = field(default_factory=list)
    # 「还有呢？」 after a narrow follow-up (旅游季品牌叫啥) whose answer was all shown: the
    # earlier, broader questions (两省旅游怎么合作), latest first, to continue instead
    broader: list[str] = field(default_factory=list)
    # the reading a refusal is said of when none is answered ("" : the first); a guess
    # (大学 in place of 科技) is never what the user is told was asked
    declined: str = ""


class Reader(Protocol):
    """Answering's reading of a follow-up's words (the service reads them as questions)."""

    def names_topic(self, text: str) -> bool:
        """Whether ``text`` names a topic of its own, not only asks (做完报给谁)."""
        ...

    def stands_for(self, topic: str, question: str) -> str:
        """The word of ``question`` that ``topic`` takes the place of (医疗 of 养老 in
        吸引广东的养老机构), "" for none."""
        ...


class _PlainReader:
    """Without answering's reading: any noun names a topic; no word stands for another."""

    def names_topic(self, text: str) -> bool:
        return any(flag.startswith(("n", "j", "eng")) for _, flag in tagged_words(text))

    def stands_for(self, topic: str, question: str) -> str:
        return ""


def rewrite(
    question: str, history: list[Turn], kb: KnowledgeView, reader: Reader | None = None
) -> Rewrite:
    """``reader`` reads the follow-up's words; without it, any noun names a topic."""
    reader = reader or _PlainReader()
    q = normalize_query(question)
    previous = history[-1] if history else None
    if _MORE.match(q):
        if previous is None:  # nothing to continue: a new or cleared conversation
            raise QuestionError(
                "「还有呢？」接着上一个问题问，但对话中还没有问题，请直接提问。 "
                "(There is no previous question to continue.)"
            )
        shown = list(dict.fromkeys(q for turn in history for q in turn.quoted))
        earlier = list(dict.fromkeys(t.question for t in reversed(history[:-1])))
        return Rewrite(previous.question, shown, broader=earlier)
    ordinal = _ORDINAL.search(q)
    if ordinal:
        clause = _numbered_clause(kb, chinese_number(ordinal.group(1)), ordinal.group(2))
        if clause is not None:
            return Rewrite(q.replace(ordinal.group(0), _name(clause), 1))
    if previous and previous.clause_ids and _THIS.search(q):
        try:
            clause = kb.clause(previous.clause_ids[0])
        except KeyError:  # its document was removed since
            return Rewrite(q)
        return Rewrite(_THIS.sub(_name(clause), q, count=1))
    if previous is None:
        return Rewrite(q)
    besides = BESIDES.match(q)
    if besides and _MORE.match(q[besides.end() :]):  # 除了这个还有什么: 还有呢
        return rewrite(q[besides.end() :], history, kb, reader)
    if besides and q[besides.end() :]:  # 除了这个，还要研究互设什么: of the previous topic
        before, rest = _topic_of(previous.question), q[besides.end() :]
        return Rewrite(f"{before}，{rest}" if before else rest)
    pointed = _DEMONSTRATIVE.match(q)
    if pointed:  # the topic of the previous question, then this one, readable on its own
        topic = _topic_of(previous.question)
        return Rewrite(f"{topic}，{pointed.group('rest')}" if topic else pointed.group("rest"))
    that = _THAT.match(q)
    rest = that.group("rest") if that else q
    topic, _, asked = _TOPIC_THEN_QUESTION.match(rest).groups()  # type: ignore[union-attr]
    topic = _TOPIC_TAIL.sub("", topic)
    if asked and ASKS.search(asked) and not ASKS.search(topic):
        # "那培训呢，依托啥": its own question about a topic ("啥时候办，在哪办" is two questions)
        return Rewrite(f"{topic}{asked}")
    if not any(ch.isalnum() for ch in rest):
        return Rewrite(q)  # "？": nothing to carry over
    if not ASKS.search(rest) and len(topic) <= 12:  # "那黑龙江省呢？", "深交所那块呢"
        reversed_ = _swapped_parties(previous.question, topic)
        if reversed_:  # the other way round, and only that: never the previous way's reading
            return Rewrite(reversed_)
        swapped = _follow(previous.question, topic)
        within = f"{_topic_of(previous.question)}，{swapped}"
        readings = [swapped] if within == swapped else [swapped, within]
        counterpart = "" if is_english(topic) else reader.stands_for(topic, previous.question)
        if counterpart and topic not in party_names():
            # 那医疗方面呢 after 有没有说要吸引广东的养老机构去黑龙江: the same question of 医疗
            guess = previous.question.replace(counterpart, topic, 1)
            return Rewrite(guess, alternatives=readings, declined=swapped)
        return Rewrite(readings[0], alternatives=readings[1:])
    answered = answer_pronoun(rest, previous.question, previous.quoted)
    if answered:  # 它俩 after 哈尔滨跟哪个城市结对: 哈尔滨 and the city the answer named
        return Rewrite(answered)
    own = reader.names_topic(rest) or any(name in rest for name in party_names())
    before = _topic_of(previous.question)
    if before and (POINTS_BACK.search(rest) or not own or (that and names_it(rest, before))):
        # "哪天签的？", "具体细节谁来定", "那园区选在哪": of the previous topic; "它具体负责
        # 什么", "黑龙江企业可以怎么用它": the pronoun is that topic
        named = pronoun_named(rest, before)
        carried = f"{before}，{rest}"
        return Rewrite(named, alternatives=[carried]) if named else Rewrite(carried)
    if before and rest.startswith("具体"):  # 具体 + a topic of its own: of the previous one
        return Rewrite(f"{before}，{rest}", alternatives=[rest])  # or, if not, on its own
    return Rewrite(rest)


def _topic_of(question: str) -> str:
    """A question without its question part: "两省要签粮食安全框架协议吗" → its topic."""
    topic = _TAIL.sub("", _FRAME.sub("", re.sub(r"[吗嘛]?[?？。!！]*$", "", question)))
    topic = topic.rstrip("，, ")  # 农产品产销对接活动，多久办一次 → 农产品产销对接活动
    words = tagged_words(topic) if topic else []
    last, flag = words[-1] if words else ("", "")
    if len(last) == 1 and flag in ("p", "c"):  # 哈尔滨跟哪个城市…: 哈尔滨, not 哈尔滨跟
        return topic[:-1]  # (not 协同 of 产业协同, 供给 of 粮食供给)
    return topic


def _follow(previous: str, topic: str) -> str:
    """The previous question asked of another party or topic, readable on its own.

    "那黑龙江省呢？" after "广东省要做哪些事？" swaps the party; "混改呢？" after
    "国有企业改革怎么合作？" keeps the question and changes its topic: "混改方面怎么合作".
    """
    if any(name == topic for name in party_names()):
        for name in party_names():
            if name in previous and name != topic:
                return previous.replace(name, topic, 1)
    about = _ABOUT_EN.search(previous)
    if about and is_english(topic):  # What does the plan say about charter flights? → trains
        return f"{previous[: about.start(1)]}{topic}?"
    frame = _FRAME.search(previous)
    if frame:
        return f"{topic}方面{frame.group(0)}"
    return f"{topic}（{_TAIL.sub('', previous)}）"


def _swapped_parties(previous: str, topic: str) -> str:
    """The previous question with its two parties the other way round, when the follow-up
    names both in the order the previous one does not (广东帮黑龙江… → 黑龙江帮广东…)."""
    named = sorted(
        {n: topic.find(n) for n in party_names() if n in topic and n in previous}.items(),
        key=lambda item: item[1],
    )
    named = [(n, at) for n, at in named if not any(n in m and n != m for m, _ in named)]
    if len(named) != 2:
        return ""
    (first, _), (second, _) = named
    left = topic.replace(first, "").replace(second, "")
    if left and left not in previous:  # 那黑龙江帮广东培训干部呢 asks something else
        return ""
    if previous.find(second) > previous.find(first):
        return ""  # the same order: no swap asked
    return previous.replace(second, "\0").replace(first, second).replace("\0", first)


_ABOUT_EN = re.compile(r"\b(?:about|on|for|in)\s+(?:the\s+)?([^?]+?)\s*\??$", re.I)


def _numbered_clause(kb: KnowledgeView, number: int, unit: str) -> Clause | None:
    wanted = f"第{number}条" if unit == "条" else f"{number}."
    for doc in kb.documents():
        for clause in doc.clauses:
            printed = clause.number
            if printed == wanted or (unit == "条" and _article_number(printed) == number):
                return clause
    return None


def _article_number(printed: str) -> int | None:
    match = re.fullmatch(r"第(.+)条", printed)
    return chinese_number(match.group(1)) if match else None


def _name(clause: Clause) -> str:
    return clause.title or clause.label.split(" › ")[-1]
