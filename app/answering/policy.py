"""Decide once whether the plan answers a question: answered, partly, or not covered.

The decision reads the ``Query`` (its terms, the facts its premise rests on, the kind
of answer it asks for) and the sentence evidence of the retrieved clauses:
- a fact the question takes as given (a year, an amount, a name) that the cited
  document never states, or a content word it mentions in no form, means the plan
  does not cover the question: its premise must not read as confirmed;
- an answer is a sentence (with its clause's headings) that holds the question's
  terms *together*: words found in different clauses are not an answer;
- the sentence must hold what was asked: an amount for 多少, a date or period for
  何时, a frequency for 多久一次, a person for 叫什么名字, a place or body for 在哪, and keep the direction of a
  relation (黑龙江省为广东省… is not answered by 广东省协助黑龙江省).
When one coordinated part of a question is covered and another is not, the answer
is partial: it says first what the plan does not mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.answering.claims import claim_from, other_side_only, states
from app.answering.missing import is_discount, missing_kind, named_missing, states_discount
from app.answering.numbers import amount_forms
from app.answering.places import within_label
from app.answering.query import Query
from app.answering.sentences import ScoredSentence, score_sentences
from app.answering.structure import (
    DocumentFact,
    OutlineParts,
    effective_fact,
    head_fact,
    names_document,
    outline_parts,
)
from app.answering.terms import Term
from app.workspaces.profile import province_of, provinces_of
from kb.evidence import SentenceEvidence
from kb.knowledge_base import ClauseHit
from kb.profiles import EmbedderProfile
from kb.scope import KnowledgeView

ANSWERED, PARTIAL, NOT_COVERED = "answered", "partial", "not_covered"
# a sentence answers when it holds this share of the question's term weight
_TOGETHER = 0.75
# a yes/no question asks whether the plan states the whole claim: "改善航空物流设施用的是
# 中央预算内资金吗" is not confirmed by a sentence on 航空物流设施 alone
_TOGETHER_YESNO = 0.8
_PARTY_WEIGHT = 0.5  # a named party this rare in the texts must be held (深圳 0.77, 广东 0.16)
_SAME_COVERAGE = 0.01  # sentences holding as much of the question as the fullest
# a sentence stating the relation the asked way answers a question whose fullest sentence
# states it the other way only when it holds this much less of the whole question at most
_WHOLE_MARGIN = 0.25
_KEEP = 0.6  # further sentences quoted when they score this share of the best
# a question after one fact (哈尔滨跟哪个城市结对) is answered by the sentence that states it;
# others are quoted beside it only when they score nearly as well (no padding by a shared
# word), and two at most
_ONE_FACT = frozenset(
    {"where", "who", "when", "name", "frequency", "amount", "count", "definition"}
)
_KEEP_ONE_FACT = 0.85
_MAX_POINTS = {"list": 5, **{kind: 2 for kind in _ONE_FACT}}
_DEFAULT_POINTS = 3


@dataclass(frozen=True)
class Decision:
    outcome: str  # answered | partial | not_covered
    reason: str = ""  # a code; its wording lives in prompts/reasons.yaml
    missing: tuple[str, ...] = ()  # what the plan does not mention
    # what the answer quotes, in reading order; of a refusal for a relation the other way
    # round, the sentence stating it that way (the refusal quotes it)
    quoted: tuple[ScoredSentence, ...] = ()
    more: tuple[ScoredSentence, ...] = ()  # further answering sentences, best first ("还有呢？")
    outline: OutlineParts | None = None  # the parts of a heading asked about (重点任务分哪几块)
    fact: DocumentFact | None = None  # a fact about a named document (几号开始施行)

    @property
    def abstained(self) -> bool:
        return self.outcome == NOT_COVERED


class CoveragePolicy:
    """The one place that judges coverage; every answerer follows its decision."""

    def __init__(self, profile: EmbedderProfile) -> None:
        self._profile = profile

    def decide(
        self,
        query: Query,
        hits: list[ClauseHit],
        evidence: list[SentenceEvidence],
        cited: KnowledgeView,
        view: KnowledgeView,
    ) -> Decision:
        """The outcome; ``cited`` is the document the best clause is in, ``view`` all asked."""
        if not hits:
            return Decision(NOT_COVERED, "empty")
        # a year may be stated only in the document's head (2014年7月23日…通过), kept as metadata
        heads = " ".join(f"{d.date} {d.effective} {d.notice}" for d in cited.documents())
        absent = tuple(
            fact
            for fact in query.premise
            if not any(cited.contains_text(f) or f in heads for f in amount_forms(fact))
        )
        if absent:
            return Decision(NOT_COVERED, "premise", absent)
        fact = effective_fact(query, view, cited) or head_fact(query, view, cited)
        if fact is not None:  # its closing article or its head says it, in other words
            return Decision(ANSWERED, fact.kind, fact=fact)
        outline = outline_parts(query, cited)
        if outline is not None:  # the outline answers it; no sentence lists headings
            return Decision(ANSWERED, "outline", outline=outline)
        content = query.content_terms
        unknown = list(query.unknown)
        if not content and (  # nothing named: only a close passage, never a yes ("真的吗？")
            query.answer_type == "yesno"
            or max((e.dense for e in evidence), default=0.0) < self._profile.unrelated_dense
        ):
            return Decision(NOT_COVERED, "unrelated")
        if is_discount(query.text) and not states_discount(cited):
            unknown.append(Term("折扣", (), 1.0))
        if unknown:  # with the words no answer could hold, named or not
            lacking = [*unknown, *(t for t in content if not t.forms and t.soft)]
            return Decision(NOT_COVERED, "missing", tuple(dict.fromkeys(t.text for t in lacking)))
        together = _TOGETHER_YESNO if query.answer_type == "yesno" else _TOGETHER
        parts = query.parts or (content,)
        shared = [t for t in content if not any(t in part for part in parts)]
        answered: list[list[ScoredSentence]] = []
        apart: list[Term] = []
        for part in parts:
            # a word the question says twice (储备基地…储备基地) is one thing asked about
            asked = list({t.text: t for t in (*part, *shared) if t.forms or t.soft}.values())
            scored = score_sentences(query, asked, hits, evidence)
            answering = [
                s
                for s in scored
                if s.coverage >= together
                and not _lacks_a_party(s, asked)
                and not _names_no_act(query, s, asked)
            ]
            if answering:
                answered.append(answering)
                continue
            nearest = max(scored, key=lambda s: s.coverage, default=None)
            short = set(nearest.lacking) if nearest else {t.text for t in asked}
            if nearest and nearest.coverage >= together and _names_no_act(query, nearest, asked):
                short |= set(query.acts)  # 由哪家单位运营: what no sentence says is who 运营
            apart += [t for t in asked if t.text in short]
        missing = tuple(
            dict.fromkeys(
                # 哈尔滨跟黑龙江哪个城市结对: no sentence names another 黑龙江 city
                within_label(t, query.text) if t.within else t.text
                for t in apart
                if t not in shared or not answered
            )
        )
        if not answered:
            # "方案中没有提到" only of what the plan never mentions; words it mentions
            # elsewhere are reported as not found together
            absent = tuple(dict.fromkeys(t.text for t in apart if not t.forms))
            return (
                Decision(NOT_COVERED, "missing", absent)
                if absent
                else Decision(NOT_COVERED, "not_together", missing)
            )
        candidates = [s for group in answered for s in group]
        kind = missing_kind(query, candidates)
        if kind:
            return Decision(NOT_COVERED, kind, named_missing(query, kind))
        # the sentences holding most of the question state it the other way round: others,
        # holding less of it, do not answer it the asked way (a mosaic of 干部 and 培训)
        best = [s for group in answered for s in _fullest(group)]  # in each part
        # (the refusal quotes the sentence that states it the other way: what the plan does say)
        if (query.direction or query.owners or query.slot) and all(s.reversed for s in best):
            return Decision(NOT_COVERED, "reversed", (_said(query, best[0]),), (best[0],))
        # and when one sentence holds the whole question, the other way round, pieces of it
        # answered apart (企业发展 of 黑龙江人才支持广东科技创新和企业发展) do not answer it
        whole = _reversed_whole(content, candidates) if query.direction or query.owners else None
        if whole is not None:
            return Decision(NOT_COVERED, "reversed", (_said(query, whole),), (whole,))
        # a thing the answering sentences give only to the other side, wherever they name it
        other = query.owners.only_elsewhere([s.text for s in candidates]) if query.owners else None
        if other is not None and query.owners is not None:
            sides = query.owners.sides
            said = tuple(s for s in candidates if other.owners_in(s.text, sides))[:1]
            return Decision(NOT_COVERED, "reversed", (other.phrase,), said)
        if query.answer_type == "yesno":
            # a yes confirms a claim: only sentences stating it for the side asked about, the
            # way round asked (claims.py); the refusal quotes the nearest that does not
            stating = [[s for s in g if _states(query, s, content)] for g in answered]
            if not all(stating):
                closest = max(
                    (s for g, kept in zip(answered, stating, strict=True) if not kept for s in g),
                    key=lambda s: s.score,
                )
                side = query.direction.agent if query.direction else province_of(query.text)
                claim = claim_from(query.text, side, query.language == "en") or str(
                    query.direction or ""
                )
                return Decision(NOT_COVERED, "not_stated", (claim,), (closest,))
            answered = stating
        per_part = max(2, _MAX_POINTS.get(query.answer_type, _DEFAULT_POINTS) // len(answered))
        quoted: list[ScoredSentence] = []
        for group in answered:  # a sentence answering two parts is quoted once
            fitting = [s for s in group if s.fits_type and not s.reversed] or group
            quoted += [s for s in _choose(query, fitting)[:per_part] if not _among(s, quoted)]
        quoted.sort(key=lambda s: (s.hit, s.start))
        more: list[ScoredSentence] = []
        for s in sorted(candidates, key=lambda s: -s.score):
            if not _among(s, quoted) and not _among(s, more):
                more.append(s)
        if len(answered) < len(parts):
            # 没有提到 only of what the texts never mention; what they mention elsewhere is
            # not written together with the rest of its part (大兴安岭 of 大兴安岭建国家级新区)
            mentioned = any(t.forms for t in apart if t.text in missing)
            code = "partial_apart" if mentioned else "partial"
            return Decision(PARTIAL, code, missing, tuple(quoted), tuple(more))
        return Decision(ANSWERED, "", (), tuple(quoted), tuple(more))


def _reversed_whole(
    content: tuple[Term, ...], candidates: list[ScoredSentence]
) -> ScoredSentence | None:
    """The sentence holding the most of the whole question, if it states it the other way
    round and no sentence stating it the asked way holds nearly as much of it."""

    def held(sentence: ScoredSentence) -> float:
        return sum(t.weight * t.held_by(sentence.context) for t in content)

    fullest = max(candidates, key=held, default=None)
    if fullest is None or not fullest.reversed:
        return None
    near = held(fullest) - _WHOLE_MARGIN * sum(t.weight for t in content)
    return None if any(held(s) > near for s in candidates if not s.reversed) else fullest


def _said(query: Query, reversed_by: ScoredSentence) -> str:
    """What a question the plan states the other way round claims: the relation or the
    thing of one side (黑龙江为广东, 黑龙江的证券公司); an English relation in the
    question's own words (Heilongjiang hospitals open branches in Guangdong)."""
    direction = query.direction
    if query.language == "en" and direction is not None and direction.said:
        return direction.said  # Heilongjiang help Guangdong attract investment
    return reversed_by.reversed_by


def _states(query: Query, sentence: ScoredSentence, content: tuple[Term, ...]) -> bool:
    """Whether ``sentence`` states the yes/no question's claim the way it is asked, with
    the year or amount the claim gives (要在2018年底前签署 is not stated by a sentence that
    says 签署 and no year, though the texts write 2018 elsewhere); a year saying which
    document is asked about (2018年出台的这个方案) is no part of the claim."""
    claimed = [f for f in query.premise if not names_document(query.text, f)]
    if not all(any(f in sentence.context for f in amount_forms(fact)) for fact in claimed):
        return False
    if query.direction is not None:  # 黑龙江帮广东培训干部吗: not by 两省干部相互挂职
        return states(query.direction, sentence.text, content)
    return not other_side_only(query.text, sentence.text, content)  # 黑龙江是主宾省吗


def _names_no_act(query: Query, sentence: ScoredSentence, asked: list[Term]) -> bool:
    """Whether ``sentence`` states none of the acts whose doer a who-question asks for
    (由哪家单位运营: a sentence on the platform that says no 运营 names no operator)."""
    acts = [t for t in asked if t.text in query.acts]
    return bool(acts) and not any(t.held_by(sentence.text) for t in acts)


def _lacks_a_party(sentence: ScoredSentence, asked: list[Term]) -> bool:
    """Whether ``sentence`` lacks one of two or more named parties the question relates
    (哈尔滨新区跟深圳哪个区合作: a 哈尔滨新区 sentence without 深圳 pairs it with no one);
    a province the texts name everywhere weighs too little to be asked for by name."""
    if any(t.within and t.text in sentence.lacking for t in asked):
        return True  # 哈尔滨跟黑龙江哪个城市: a sentence naming no other city of 黑龙江 names none
    named = [t for t in asked if t.named and t.forms]
    return len(named) >= 2 and any(
        t.weight >= _PARTY_WEIGHT
        and t.text in sentence.lacking
        # 我们是广州的一家公司: a sentence on 广东省 speaks of 广州 too
        and not any(p in sentence.context for p in provinces_of(t.text))
        for t in named
    )


def _fullest(group: list[ScoredSentence]) -> list[ScoredSentence]:
    """The sentences of ``group`` holding the most of the question."""
    most = max(s.coverage for s in group)
    return [s for s in group if s.coverage >= most - _SAME_COVERAGE]


def _among(sentence: ScoredSentence, chosen: list[ScoredSentence]) -> bool:
    """Whether the same sentence (scored for another part) is already among ``chosen``."""
    return any((s.hit, s.start) == (sentence.hit, sentence.start) for s in chosen)


def _choose(query: Query, candidates: list[ScoredSentence]) -> list[ScoredSentence]:
    """The best candidates, best first: those scoring near the best, up to the limit."""
    limit = _MAX_POINTS.get(query.answer_type, _DEFAULT_POINTS)
    best = candidates[0].score
    keep = _KEEP_ONE_FACT if query.answer_type in _ONE_FACT else _KEEP
    return [s for s in candidates if s.score >= keep * best][:limit]
