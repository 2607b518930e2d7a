"""Score the sentences of retrieved clauses as answers to one question.

A sentence is read with its clause's headings (a task's heading names its topic
once; its sentences do not repeat it); the question's words that are in the
document's title (平顶山, 院前医疗急救) chose the document and are not asked of the
sentence. Its score combines:
- coverage: the share of the question's term weight it holds, each term in any of the
  forms the plan uses (terms.py); the words of a scene the question sets before asking
  (开拓东盟市场时，…) may be held, for less, by its paragraph up to it;
- meaning: its closeness to the question, from the stored passage vectors (kb/evidence.py),
  scaled within this question's candidates so that no model's raw numbers matter;
- type: whether it holds what was asked (an actor, a date, an amount…: fits.py);
- direction: whether a relation runs the way the question says (relations.py Relation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from app.answering.fits import fits_type
from app.answering.parts import asks_relation, side_by_side
from app.answering.query import Query
from app.answering.references import (
    asks_sanction,
    lead_in,
    referred_text,
    set_before,
)
from app.answering.terms import Term
from ingest.chunking import context_header
from kb.evidence import SentenceEvidence
from kb.knowledge_base import ClauseHit

# how much less a sentence scores that holds none of the question's words that are in
# its document's title
_TITLE_WORDS = 0.15
# and one that holds none of the words naming the kind of answer asked for (什么原则)
_KIND_WORDS = 0.2
_SCENE_CREDIT = 0.8  # a scene word held before the sentence, not by it
# kinds of answer that are facts of the question's event, and yes/no, which asks whether
# the plan states the whole claim (有提乡村振兴战略吗): the question's verb must be there
_WHOLE_CLAIM = frozenset({"when", "frequency", "amount", "count", "name", "yesno"})


@dataclass(frozen=True)
class ScoredSentence:
    hit: int  # index of its clause among the hits
    start: int  # span in the clause text
    text: str
    context: str  # the sentence with its clause's headings
    coverage: float  # share of the question's term weight held (with the context)
    lacking: tuple[str, ...]  # the question's words it does not hold (title words aside)
    fits_type: bool  # holds the kind of answer asked for
    score: float
    reversed_by: str = ""  # what it states the other way round, as the question says it

    @property
    def reversed(self) -> bool:
        """Whether it states the asked relation the other way round."""
        return bool(self.reversed_by)


_SET_ASIDE = 0.5  # a sentence naming what the question sets aside ranks below the rest


def _reversed_by(query: Query, sentence: str, said: str) -> str:
    """What ``sentence`` states the other way round: the relation the question asks
    (黑龙江在广东), or a thing it gives one side that the sentence gives the other
    (黑龙江的证券公司), or the side it sets after a verb, where the sentence sets another
    (邀请黑龙江省 of 邀请广东省作为…); "" if none."""
    if query.direction is not None and query.direction.reversed_in(sentence, query.content_terms):
        return str(query.direction)
    owned = query.owners.elsewhere_in(said) if query.owners is not None else None
    if owned:
        return owned.phrase
    slot = query.slot
    return f"{slot.verb}{slot.place}" if slot is not None and slot.taken_in(sentence) else ""


def score_sentences(
    query: Query, terms: list[Term], hits: list[ClauseHit], evidence: list[SentenceEvidence]
) -> list[ScoredSentence]:
    """The hits' sentences, best answer first; clause headings are never candidates."""
    if not evidence:
        return []
    dense = [e.dense for e in evidence]
    low, high = min(dense), max(dense)
    # but a date or amount asked for belongs to the question's event, whose verb must be
    # there (报送 of 几月份之前报送); and between two named parties the verb is the relation
    # claimed (广州跟黑龙江哪个城市结对: both are in many sentences, paired in none)
    own_verb = (
        query.answer_type not in _WHOLE_CLAIM and sum(t.named and not t.within for t in terms) < 2
    )
    # the kind of answer asked for, in the plan's words (什么原则, 什么理念): not required, as a
    # sentence may give one without naming the kind, but one that names it is more likely it
    kinds = [t for t in query.terms if t.frame and t.forms and t not in terms]
    sanction = asks_sanction(query.answer_type, query.text)
    scored = []
    for item in evidence:
        hit = hits[item.hit]
        if _is_heading(item.text, hit):
            continue
        # words of the document's title chose the document; a sentence need not hold them
        # (北京院前医疗急救服务条例施行日期 asks for 施行), one that does says more of what was
        # asked (哈尔滨 paired with whom: 哈尔滨市与深圳市对口合作 in a 对口合作 plan)
        # and so did its head: the year it was adopted, its issuer, its 文号
        title = f"{hit.doc_title} {hit.date} {hit.issuer} {hit.doc_number}".lower()
        asked = [t for t in terms if t.within or not t.found_in(title)]
        titled = [t for t in terms if t not in asked]
        # a list item says what its lead-in says (…距离标准为：（一）县道不少于十米)
        said = f"{lead_in(item.text, item.start, hit.clause)} {item.text}"
        context = f"{said} {context_header(hit.clause)}"
        if sanction:  # 违反本条第一款规定的，给予警告: it holds what the duty it sanctions holds
            context += " " + referred_text(item.text, item.start, hit.clause, hits)
        if own_verb and any(not t.verb and t.forms and t.held_by(context) for t in asked):
            # a sentence that holds what the question names may relate it with its own verb
            # (哈尔滨市与深圳市对口合作 for 哈尔滨跟哪个市结对)
            asked = [t for t in asked if not (t.verb and t.forms and not t.held_by(context))]
        # named things listed as separate items are not related by the sentence
        apart = listed_apart(query.text, asked, item.text)
        # the kind of answer asked for, named by the sentence (哪些旅游度假区: …度假区), is
        # more of the question it holds; a sentence that does not name it loses nothing
        # (only where the rest it lacks is words the texts never use: a word they do use,
        # 俄罗斯 of 哪些度假区欢迎俄罗斯企业, must be held whatever kind the sentence names)
        named_kind = sum(t.weight for t in kinds if t.found_in(said))
        # the scene a question sets may be set before the sentence, in its paragraph
        # (开拓东盟市场时: 共同拓展东盟市场。广东省协助黑龙江省…企业…开展对外贸易), for less
        # (the whole scene: 粮食 and 合作 are no scene of 粮食储备合作)
        holds = {t.text: t.held_by(context) for t in asked}
        if query.scene:
            scene = f"{context} {set_before(item.text, item.start, hit.clause)}"
            if all(t.held_by(scene) for t in query.scene if t.forms and not t.verb):
                for t in asked:
                    if t in query.scene and not holds[t.text]:
                        holds[t.text] = _SCENE_CREDIT * t.held_by(scene)

        if any(t.forms and not holds[t.text] for t in asked):
            named_kind = 0.0
        total = sum(t.weight for t in asked) + named_kind
        held = sum(t.weight * holds[t.text] for t in asked if t.text not in apart)
        held += named_kind
        own = sum(t.weight * t.held_by(said) for t in asked if t.text not in apart)
        own += named_kind
        coverage = held / total if total > 0 else 1.0
        in_sentence = own / total if total > 0 else 1.0
        closeness = (item.dense - low) / (high - low) if high > low else 1.0
        fits = fits_type(query, _beyond_question(item.text, terms), item.text)
        reversed_by = _reversed_by(query, item.text, said)
        score = (0.7 * coverage + 0.3 * in_sentence) * (0.55 + 0.45 * closeness)
        score *= (1.0 if fits else 0.6) * (0.3 if reversed_by else 1.0) * (1 - 0.03 * item.hit)
        score *= _share_factor(titled, item.text, _TITLE_WORDS)
        if any(all(t.found_in(item.text) for t in thing) for thing in query.set_aside):
            score *= _SET_ASIDE  # 除了PPP…还有啥办法: what it sets aside is no news to it
        score *= _share_factor(kinds, context, _KIND_WORDS)
        lacking = tuple(t.text for t in asked if t.text in apart or not holds[t.text])
        scored.append(
            ScoredSentence(
                item.hit,
                item.start,
                item.text,
                context,
                coverage,
                lacking,
                fits,
                score,
                reversed_by,
            )
        )
    scored.sort(key=lambda s: (-s.score, s.hit, s.start))
    return scored


def _share_factor(terms: list[Term], text: str, weight: float) -> float:
    """1 for a text holding all of ``terms`` (by weight), down to 1 - ``weight`` for none."""
    total = sum(t.weight for t in terms)
    if total <= 0:
        return 1.0
    return 1 - weight * (1 - sum(t.weight for t in terms if t.found_in(text)) / total)


def _is_heading(sentence: str, hit: ClauseHit) -> bool:
    """ "3.民营经济发展。" is the clause's label, not an answer."""
    title = hit.clause.title
    bare = re.sub(r"^(?:\d{1,3}[.．]|（[一二三四五六七八九十]+）)", "", sentence).rstrip("。")
    return bool(title) and bare == title


def _beyond_question(sentence: str, terms: list[Term]) -> str:
    """The sentence without the question's own words: 年度 in 年度工作计划 answers no 几月
    (a city of a province the asked place is in, 广东哪个城市: 深圳, is the answer)."""
    for term in (t for t in terms if not t.within):
        for form in term.forms:
            sentence = sentence.replace(form, "·")
    return sentence


def listed_apart(text: str, terms: list[Term], sentence: str) -> set[str]:
    """Named things of the question that ``sentence`` holds only as separate items of one
    list: 定期在广州、深圳、哈尔滨等市举办… does not pair 广州 with 哈尔滨, nor does
    参加中国—俄罗斯博览会、…、中国（深圳）…交易会 hold 中俄博览会 in 深圳. Neither of
    such a pair is held: the sentence does not say how they relate. Things the question
    itself lists side by side (广州和深圳办什么活动) are asked about each, unless it asks how
    they relate (广州和哈尔滨是对口城市).
    """
    named = [t for t in terms if t.named and t.forms]
    if len(named) < 2 or "、" not in sentence:
        return set()
    relating = asks_relation(text)
    names = [t.text for t in named]
    apart: set[str] = set()
    for a, b in combinations(named, 2):
        if not relating and side_by_side(text, a.text, b.text, names):
            continue
        together = listed = False
        for clause in re.split(r"[，,；;：:]", sentence):
            items = clause.split("、")
            ia = {i for i, item in enumerate(items) if a.found_in(item)}
            ib = {i for i, item in enumerate(items) if b.found_in(item)}
            together = together or bool(ia & ib)
            listed = listed or bool(ia and ib and not ia & ib)
        if listed and not together:
            apart |= {a.text, b.text}
    return apart
