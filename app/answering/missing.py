"""What a question asks that the answering sentences lack, named for the reply.

A question may be answered by sentences on its topic that hold no answer of the kind it
asks (几月份, 多少钱, 谁): the plan then does not give it, and the reply names what is
missing in the question's own words (办公室的电话, not 具体数额) so that the reason reads as
the question did. A discount (打几折) is a premise unless the plan states one.
"""

from __future__ import annotations

import re

from app.answering.fits import MEASURES, asks_for_person, counted_kind, head_noun
from app.answering.parts import INTERROGATIVE
from app.answering.query import Query
from app.answering.sentences import ScoredSentence
from app.answering.wordkinds import names_money
from kb.scope import KnowledgeView
from kb.text import tagged_words


def is_discount(text: str) -> bool:
    return re.search(r"打折|几折|折扣|优惠价", text) is not None


def states_discount(cited: KnowledgeView) -> bool:
    return any(cited.contains_text(f"{n}折") for n in "123456789一二三四五六七八九")


def missing_kind(query: Query, answering: list[ScoredSentence]) -> str:
    """The reason code when no answering sentence holds the kind of answer asked for."""
    if _contents_missing(query, answering):
        return "no_members"
    needs = {
        "amount": "no_amount",
        "count": "no_amount",
        "when": "no_date",
        "frequency": "no_frequency",
        "name": "no_name",
        "where": "no_place",
        "penalty": "no_penalty",
        "procedure": "no_procedure",
    }
    code = needs.get(query.answer_type)
    if code is None and query.answer_type == "who" and asks_for_person(query.text):
        code = "no_name"
    if code is None:
        return ""
    return "" if any(s.fits_type for s in answering) else code


def named_missing(query: Query, kind: str) -> tuple[str, ...]:
    if kind == "no_members":
        thing, what, _ = _container(query.text)
        return (f"{thing}的{what}",)
    if query.language == "en":  # the reason says what is missing in English; name the topic
        topic = " ".join(t.text for t in query.content_terms[:2])
        return (topic or "what was asked",)
    phrase = _asked_phrase(query)
    kind_word = next((t for t in query.terms if t.frame and phrase.endswith(t.text)), None)
    if kind_word is not None and not names_money(kind_word.text) and kind != "no_name":
        return (phrase,)  # 办公室的电话是多少: the plan gives no 办公室的电话, not a 数额
    topic = phrase or "".join(t.text for t in query.content_terms[:2])
    counted = counted_kind(query.text) if query.answer_type == "count" else ""
    if counted and kind == "no_amount":  # 职教集团有几所学校: the number of its 学校
        if not topic:
            return (f"{counted}数量",)
        return (f"{topic}的数量" if counted in topic else f"{topic}的{counted}数量",)
    what = {
        "no_amount": "具体数额或比例",
        "no_date": "具体时间",
        "no_frequency": "具体频次",
        "no_name": "具体人员姓名" if asks_for_person(query.text) else "具体名称",
        "no_place": "具体地点",
        "no_penalty": "处罚规定",
        "no_procedure": "办理程序",
    }[kind]
    return (f"{topic}的{what}" if topic else what,)


# fillers before what a question asks about (请问, 方案里), and words between it and the
# interrogative that only qualify the asking (具体, 必须: 活动每年具体在哪个月举行)
_FILLER = re.compile(
    r"^(?:请问|那么?|这些|那些|这个|那个|方案(?:里面?|中)?|规划(?:里|中)?|[，,\s])+"
)
# the verb that links the topic to the interrogative (组长叫什么名字, 电话是多少)
_ASKING_VERBS = "是的有为要在叫姓"
_QUALIFIERS = re.compile(r"(?:具体|必须|应该|应当|需要|规定|大概|一般|一共|总共|共)+$")


def _asked_phrase(query: Query) -> str:
    """What the question asks a fact of, in its words: those before the interrogative in
    its clause (对口合作领导小组办公室的电话 of …的电话是多少), or the clause before it
    when those only qualify the asking (每个地市建一个科技孵化器，方案规定必须在哪个月底前
    完成); "" if none short enough."""
    topics = [t.text for t in query.content_terms]
    before = ""
    for clause in re.split(r"[，,。？?！!；;]", query.text):
        found = INTERROGATIVE.search(clause)
        if found:
            asked = _FILLER.sub("", clause[: found.start()])
            # 商会现在有多少家: the verb, then the time before it (not 在 of 现在 alone)
            asked = _without_time(re.sub(r"[有是为要叫姓]+$", "", asked)).rstrip(_ASKING_VERBS)
            phrase = _QUALIFIERS.sub("", asked.replace("具体", "")).rstrip(_ASKING_VERBS)
            phrase = _without_time(phrase)  # 博览会今年在哪: what is asked of is 博览会
            if len(asked) >= 2 > len(phrase) and any(t in before for t in topics):
                phrase = before  # (规定必须 of 方案规定必须在哪个月底前完成 names nothing)
            return phrase if 2 <= len(phrase) <= 20 else ""
        before = _FILLER.sub("", clause)
    return ""


def _without_time(phrase: str) -> str:
    """``phrase`` without the time words it starts or ends with (今年的…, …目前: jieba's
    t), unless it is one (冬季)."""
    words = tagged_words(phrase)
    while len(words) > 1 and words[-1][1] == "t":
        words.pop()
    while len(words) > 1 and words[0][1] == "t":
        words.pop(0)
        if len(words) > 1 and words[0][0] == "的":
            words.pop(0)
    return "".join(w for w, _ in words).rstrip(_ASKING_VERBS)


# 负面清单里列了哪些行业, 产教联盟的成员单位有哪几所学校: what a thing the texts name holds,
# which only a sentence listing it gives; one naming the thing among others (实行…负面清单等
# 方面的经验交流) lists nothing of it
_HELD_IN = re.compile(
    r"([\u4e00-\u9fff]{2,14}?)(?:里面|里|中|当中)?(?:具体|都|一共|主要)?"
    # a verb of listing, or 有 after 里 (负面清单里有哪些行业; not 哈尔滨新区有哪些试点 alone)
    r"(?:列了|列出了?|列明了?|包括|包含|涵盖|收录了?|(?<=[里中])有)(?:哪些|哪几|几|什么|啥)"
    rf"[{MEASURES}]?([\u4e00-\u9fff]{{0,4}})"
)
_MEMBERS_OF = re.compile(
    r"([\u4e00-\u9fff]{2,14}?)的?(?:成员单位|成员|会员单位|会员企业|会员|组成单位)"
    r"(?:有|包括|是|都有)?(?:哪些|哪几|几|什么|啥|多少)"
    rf"[{MEASURES}]?([\u4e00-\u9fff]{{0,4}})"
)
# 方案里有啥说法: the document asked about, not a thing it names
_DOCUMENT_WORD = re.compile(r"(?:方案|文件|规划|计划|政策|条例|通知|意见|办法)$")
_NAMED_IN_PASSING = 2  # a thing named in more sentences than this is a topic of the texts


def _container(text: str) -> tuple[str, str, str]:
    """(the thing whose contents are asked, what of it is asked, the kind of item asked
    for: 学校 of 有哪几所学校) or ("", "", "")."""
    for pattern, what in ((_MEMBERS_OF, "成员"), (_HELD_IN, "具体内容")):
        found = pattern.search(text)
        if found and not _DOCUMENT_WORD.search(found.group(1)):
            return found.group(1), what, head_noun(found.group(2))
    return "", "", ""


def _contents_missing(query: Query, answering: list[ScoredSentence]) -> bool:
    """Whether the question asks what a thing the texts name in passing holds (its members,
    its items) and no answering sentence lists them."""
    container, _, kind = _container(query.text)
    if not container:
        return False
    # the thing as the texts name it: the longest end of the question's phrase they hold
    ends = [container[i:] for i in range(len(container) - 1)]
    thing = next((e for e in ends if any(e in s.text for s in answering)), "")
    naming = [s for s in answering if thing and thing in s.text]
    if not naming or len(naming) > _NAMED_IN_PASSING:
        return False  # a topic of the texts (对口合作)
    if any(thing in s.context and thing not in s.text for s in answering):
        return False  # a heading (保障措施): the sentences under it are its contents
    at = re.escape(thing)
    listed = re.compile(
        rf"等[^，。；]{{0,10}}{at}"  # 五大连池等省级旅游度假区, 商务、…、旅游等重点合作领域
        rf"|{at}[^，。；]{{0,6}}(?:包括|包含|由|：|（即)"  # X包括…, “一门一网式”政务服务（即…）
        rf"|{at}的?成员"  # 有关单位…作为领导小组成员单位
    )
    return not any(listed.search(s.text) or (kind and kind in s.text) for s in naming)
