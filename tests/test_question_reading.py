"""How a question's words are read before any search: whose each thing is, what it sets
aside, what only scopes it. Pure functions over jieba and the thesaurus: no knowledge base."""

from __future__ import annotations

import pytest

from app.answering.asking import answer_type
from app.answering.framing import framing_spans, set_aside_spans, tag_question_spans
from app.answering.owners import owners_of
from app.answering.relations import english_direction
from app.answering.terms import Term
from kb.thesaurus import is_scope_word

SIDES = frozenset({"广东", "黑龙"})


@pytest.mark.parametrize(
    ("text", "thing", "owner"),
    [
        ("鼓励广东省证券、期货、保险公司到黑龙江省设立分支机构", "证券", "广东"),
        ("广东省协助黑龙江省的发电装备、石油钻探装备等优势产品企业", "发电装备", "黑龙"),
        ("推动中国（广东）自由贸易试验区有关经验做法", "自由贸易试验区", "广东"),
        ("黑龙江帮广东改善航空物流设施", "设施", "广东"),  # improved for 广东
        ("在黑龙江省设立研发制造基地", "基地", None),  # where, not whose
        ("粤企去龙江投资", "投资", None),  # where the investing is done
        ("广东企业在黑龙江省的投资", "投资", None),
        ("到广东企业工作", "企业", "广东"),  # a phrase after 到 is still whose it is
        ("在黑龙江省建立广东（黑龙江）储备基地", "储备基地", None),  # both sides'
        ("黑龙江省和广东省企业", "企业", None),
        ("引导广东省企业到黑龙江省在俄罗斯建设的境外经贸合作园区", "园区", None),
    ],
)
def test_a_thing_belongs_to_the_side_its_noun_phrase_begins_with(text, thing, owner):
    assert [o for o, _ in owners_of(text, thing, SIDES)] == [owner]


def test_only_the_head_of_a_noun_phrase_is_owned():
    # 旅游 of 旅游资源 narrows 资源; the phrase's head is what belongs to 黑龙江
    assert owners_of("开发黑龙江省优势旅游资源", "旅游", SIDES) == []
    assert [o for o, _ in owners_of("开发黑龙江省优势旅游资源", "资源", SIDES)] == ["黑龙"]


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("黑龙江除了哈尔滨，其他城市咋跟广东合作啊？", ["哈尔滨"]),
        ("除哈尔滨外，黑龙江还有哪些城市跟广东交流？", ["哈尔滨"]),
        ("除了哈尔滨、大庆以外，黑龙江还有哪些城市跟广东交流？", ["哈尔滨、大庆"]),
        ("除了资金支持还有啥", ["资金支持"]),
        ("排除了障碍以后还有什么", []),  # 排除 sets nothing aside
    ],
)
def test_what_a_question_sets_aside(question, aside):
    assert [question[a:b] for a, b in set_aside_spans(question)] == aside


@pytest.mark.parametrize(
    ("word", "scope"),
    [("领域", True), ("方面", True), ("范围", True), ("论坛", False), ("新区", False)],
)
def test_scope_words_are_the_thesaurus_groups_of_scope_aspect_and_field(word, scope):
    assert is_scope_word(word) is scope


def _place(text: str, plan: str) -> Term:
    return Term(text, (plan,), 1.0)


_EN_PLACES = (
    _place("Heilongjiang", "黑龙江"),
    _place("Guangdong", "广东"),
    _place("Shenzhen", "深圳"),
)


@pytest.mark.parametrize(
    ("question", "way"),
    [
        ("Does Heilongjiang train Guangdong's cadres?", "黑龙江为广东"),
        ("Can Guangdong hospitals open branches in Heilongjiang?", "广东在黑龙江"),
        ("Is Guangdong's industry being helped by Heilongjiang to upgrade?", "黑龙江为广东"),
        ("Do companies from Heilongjiang invest in Guangdong?", "黑龙江在广东"),
        ("What do Heilongjiang and Guangdong do together?", None),  # side by side
        ("Do Heilongjiang and Guangdong cadres train in Shenzhen?", None),  # both act there
        ("Is Heilongjiang's climate similar to Guangdong?", None),  # no place gone to
        ("Does Guangdong help Heilongjiang, and Heilongjiang help Guangdong?", None),
    ],
)
def test_an_english_question_says_which_side_acts_by_word_order(question: str, way: str | None):
    found = english_direction(question, _EN_PLACES)
    assert (str(found) if found else None) == way


def test_the_words_of_an_english_relation_run_to_the_end_of_its_clause():
    found = english_direction("Does Heilongjiang help Guangdong attract investment?", _EN_PLACES)
    assert found is not None and found.said == "Heilongjiang help Guangdong attract investment"


@pytest.mark.parametrize(
    ("question", "framed"),
    [
        ("方案里点名的黑龙江装备制造优势能力一共有哪些？", "点名"),
        ("方案点名推动两省企业参加的展会有哪些？", "点名"),
        ("两省企业要一起参加哪些展会？请都列出来", "列出来"),
        ("请问黑龙江限制广东企业投资吗", None),  # a question opening with 请问 asks
        ("帮我查一下广东企业去黑龙江会被限制吗", None),
        ("广东计划收购黑龙江哪些企业", None),  # 计划 is an everyday verb here
    ],
)
def test_only_words_about_the_plan_or_the_asking_are_framing(question: str, framed: str | None):
    spans = framing_spans(question)
    at = question.find(framed) if framed else -1
    if framed:
        assert any(a <= at < b for a, b in spans), spans
    else:
        words = ("限制", "收购")
        assert not any(a <= question.find(w) < b for w in words if w in question for a, b in spans)


@pytest.mark.parametrize(
    ("question", "tag"),
    [
        ("请广东当中俄博览会主宾省，有这回事吗", "有这回事吗"),
        ("听说广东要帮每个市搞个孵化器，是真事儿不，咋个搞法？", "是真事儿不"),
        ("孵化器要求2019年底前建好，是这样吧？", "是这样吧"),
        ("广东当中俄博览会主宾省——是不是真的呀", "是不是真的呀"),
        ("真的吗？", None),  # a first clause is what is asked
        ("孵化器，是真的建了吗", None),  # 建了 is asked about
        ("这回事方案里有吗", None),
    ],
)
def test_a_tag_question_after_the_question_names_nothing(question: str, tag: str | None):
    spans = tag_question_spans(question)
    assert [question[a:b] for a, b in spans] == ([tag] if tag else [])


@pytest.mark.parametrize(
    ("question", "kind", "asks"),
    [
        ("两省每年领导互访几次", "frequency", "每年"),  # 领导, 互访 stay what is asked about
        ("干部培训一年办几期", "frequency", "一年"),
    ],
)
def test_times_in_a_period_ask_how_often_and_only_the_period_frames(question, kind, asks):
    found, (start, end) = answer_type(question, english=False)
    assert found == kind and question[start:end] == asks


def test_an_english_plural_whose_glossary_entry_the_texts_lack_is_read_as_its_singular():
    # the glossary's "tourists: 旅游者" is not in a plan that writes 旅游 ("tourist: 旅游")
    from app.answering.english import glossary_forms

    assert glossary_forms("tourists", {"旅游"}.__contains__) == ("旅游",)
    # a word of the same stem means something else: its entry stands (合作社, 上市, 实验)
    plan_words = {"合作", "清单", "经验"}.__contains__
    for word in ("cooperatives", "listing", "experiment"):
        assert glossary_forms(word, plan_words) == (), word
