"""Score the sentences of retrieved clauses as answers to one question.

A sentence is read with its clause's headings (a task's heading names its topic
once; its sentences do not repeat it); the question's words that are in the
document's title (平顶山, 院前医疗急救) chose the document and are not asked of the
sentence. Its score combines:
- coverage: the share of the question's term weight it holds, each term in any of the
  forms the plan uses (terms.py); the words of a scene the question sets before asking
  (开拓东盟市场时，…) may be held by the sentence's clause;
- meaning: its closeness to the question, from the stored passage vectors (kb/evidence.py),
  scaled within this question's candidates so that no model's raw numbers matter;
- type: whether it holds what was asked (an actor, a date, an amount…);
- direction: whether a relation runs the way the question says (parts.py Relation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from app.answering.numbers import COUNTED, MONEY, SUM, SUM_ASKED
from app.answering.parts import asks_relation, side_by_side
from app.answering.query import Query
from app.answering.references import SANCTION, asks_sanction, lead_in, referred_text
from app.answering.terms import Term
from ingest.chunking import context_header
from kb.evidence import SentenceEvidence
from kb.knowledge_base import ClauseHit
from kb.text import tagged_words

_DATE = re.compile(
    r"(?:\d+|[一二三四五六七八九十两半]+)\s*(?:个月|年|日|天|周|小时|个工作日|工作日)(?!度)|\d{4}\s*年|\d{4}\s*[—–\-至到]\s*\d{4}|\d{1,2}月|年底|年内|每年|定期|年度|期间|近期|长期|到\d{4}|及时|尽快|适时|按时|按期|提前"
)
# a point in time asked for (哪年, 几月, 哪天) and what names one
_POINT_ASKED = re.compile(r"哪年|哪一年|哪天|哪一天|几号|几月|什么日子|what year|which year", re.I)
_POINT = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|年底|年内|年初|月底|上半年|下半年")
_FREQUENCY = re.compile(r"每年|每季度|每月|每半年|每两年|定期|年度|每届|轮流|常态化|一年一次")
_ACTOR = re.compile(
    r"省|市|委|部|办公室|政府|小组|组长|省长|企业|商会|协会|机构|高校|中心|银行|部门|单位|联盟|人员|干部|院"
)
# how much less a sentence scores that holds none of the question's words that are in
# its document's title
_TITLE_WORDS = 0.15
# and one that holds none of the words naming the kind of answer asked for (什么原则)
_KIND_WORDS = 0.2
_PLACE = re.compile(
    r"[\u4e00-\u9fff](?:省|市|县|区|州|镇|村|岛|港|口岸|园区?|基地|中心|地区|沿线|境外|国内|国外|海外)"
    r"|俄罗斯|东盟|港澳|珠三角|东北|全国|各地"
)
_PROCEDURE = re.compile(
    r"申请|报名|申报|提交|材料|办理|程序|流程|手续|登记|备案|审批|审核|受理|报送|报请|批准"
)
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
    (黑龙江的证券公司); "" if neither."""
    if query.direction is not None and query.direction.reversed_in(sentence, query.content_terms):
        return str(query.direction)
    owned = query.owners.elsewhere_in(said) if query.owners is not None else None
    return owned.phrase if owned else ""


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
    own_verb = query.answer_type not in _WHOLE_CLAIM and sum(t.named for t in terms) < 2
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
        asked = [t for t in terms if not t.found_in(title)]
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
        # the scene a question sets may be set by the sentence's clause (开拓东盟市场时:
        # 共同拓展东盟市场。广东省协助黑龙江省…企业…开展对外贸易)
        scene = f"{context} {hit.clause.text}"
        within = {t.text: scene if t in query.scene else context for t in asked}
        if any(t.forms and not t.held_by(within[t.text]) for t in asked):
            named_kind = 0.0
        total = sum(t.weight for t in asked) + named_kind
        held = sum(t.weight * t.held_by(within[t.text]) for t in asked if t.text not in apart)
        held += named_kind
        own = sum(t.weight * t.held_by(said) for t in asked if t.text not in apart)
        own += named_kind
        coverage = held / total if total > 0 else 1.0
        in_sentence = own / total if total > 0 else 1.0
        closeness = (item.dense - low) / (high - low) if high > low else 1.0
        fits = _fits(query, _beyond_question(item.text, terms))
        reversed_by = _reversed_by(query, item.text, said)
        score = (0.7 * coverage + 0.3 * in_sentence) * (0.55 + 0.45 * closeness)
        score *= (1.0 if fits else 0.6) * (0.3 if reversed_by else 1.0) * (1 - 0.03 * item.hit)
        score *= _share_factor(titled, item.text, _TITLE_WORDS)
        if any(all(t.found_in(item.text) for t in thing) for thing in query.set_aside):
            score *= _SET_ASIDE  # 除了PPP…还有啥办法: what it sets aside is no news to it
        score *= _share_factor(kinds, context, _KIND_WORDS)
        lacking = tuple(t.text for t in asked if t.text in apart or not t.held_by(within[t.text]))
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


def _fits(query: Query, sentence: str) -> bool:
    kind = query.answer_type
    if kind == "amount":
        if SUM_ASKED.search(query.text):  # 多少钱 wants a sum: 百分之六十 of something is none
            return SUM.search(sentence) is not None
        return MONEY.search(sentence) is not None
    if kind == "count":  # 多少人 wants a number; 几个阶段 is answered by what it counts
        if COUNTED.search(sentence):
            return True
        return "多少" not in query.text and ("、" in sentence or _DATE.search(sentence) is not None)
    if kind == "when":
        if _POINT_ASKED.search(query.text):  # 哪年 wants a year, not 每年 or 定期
            return _POINT.search(sentence) is not None
        return _DATE.search(sentence) is not None
    if kind == "frequency":
        return _FREQUENCY.search(sentence) is not None
    if kind == "name" or (kind == "who" and asks_for_person(query.text)):
        title = _title_asked(query.text)
        if title and re.search(rf"任{title}|{title}由|担任{title}", sentence):
            return True
        if kind == "name" and not asks_for_person(query.text):
            # 旅游季品牌叫啥名: a thing is named in quotation marks (“南来北往”)
            return _names_person(sentence) or _QUOTED_NAME.search(sentence) is not None
        return _names_person(sentence)
    if kind == "who":
        return _ACTOR.search(sentence) is not None
    if kind == "where":  # a place, or the body a thing is set up in (设在省发展改革委)
        if _PLACE.search(sentence) or _ACTOR.search(sentence):
            return True
        return any(flag == "ns" for _, flag in tagged_words(sentence))
    if kind == "procedure":  # how to apply: a sentence that says what to file, where, how
        return _PROCEDURE.search(sentence) is not None
    if kind == "penalty":  # 罚多少 wants the amount too
        amount = MONEY.search(sentence) or COUNTED.search(sentence)
        asks_amount = re.search(r"多少|几", query.text) is not None
        return SANCTION.search(sentence) is not None and (amount is not None or not asks_amount)
    if kind == "definition":
        return re.search(r"是指|指的是|所称|即|，是|：是", sentence) is not None
    return True


def _beyond_question(sentence: str, terms: list[Term]) -> str:
    """The sentence without the question's own words: 年度 in 年度工作计划 answers no 几月."""
    for term in terms:
        for form in term.forms:
            sentence = sentence.replace(form, "·")
    return sentence


# "who is the governor": a title asked about by name (省长是谁 in Chinese, _title_asked)
_EN_PERSON = re.compile(
    r"\bwho is the (?:governor|mayor|director|head|chair|secretary|leader|minister)\b", re.I
)
_QUOTED_NAME = re.compile(r"[“「《][^”」》]{2,20}[”」》]")
_TITLES = "同志|省长|副省长|书记|主任|主席|部长|厅长|局长|市长"


def _names_person(sentence: str) -> bool:
    """A person named as official texts name them: with a title beside the name."""
    words = tagged_words(sentence)
    for i, (word, flag) in enumerate(words):
        if flag in ("nr", "nrfg") and 2 <= len(word) <= 4:
            near = "".join(w for w, _ in words[max(0, i - 1) : i + 2])
            if re.search(_TITLES, near):
                return True
    return False


def _title_asked(text: str) -> str:
    match = re.search(
        r"([\u4e00-\u9fff]{0,3}(?:长|书记|主任|主席|负责人|经理))(?:是谁|叫什么|叫啥|是哪位)", text
    )
    return match.group(1) if match else ""


def asks_for_person(text: str) -> bool:
    """ "省长是谁", "who is the governor", "姓名": a person asked about by name, not the body
    that acts nor a thing's name (活动叫什么名字)."""
    return (
        bool(_title_asked(text))
        or _EN_PERSON.search(text) is not None
        or re.search(r"姓名|哪位|何人|\bwhose name\b", text) is not None
    )


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
