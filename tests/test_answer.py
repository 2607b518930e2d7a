"""What a user sees from the answer service over the bundled plan (real e5 model, real Chroma)."""

import pytest

from app.answering import AnswerService, QuestionError
from tests.conftest import PLAN_ID

pytestmark = pytest.mark.slow


def cited_keys(answer, k=3):
    return [c.clause_id.split(":", 1)[1] for c in answer.citations[:k]]


def test_answer_quotes_and_cites_the_clause(service: AnswerService):
    answer = service.ask("领导小组办公室设在哪里？")
    assert not answer.abstained and answer.mode == "extractive"
    top = answer.citations[0]
    assert top.clause_id == f"{PLAN_ID}:5.1"
    assert top.label == "五、保障措施 › （一）完善工作机制"
    assert top.doc_title == "黑龙江省与广东省对口合作实施方案"
    assert "领导小组办公室设在省发展改革委" in top.text
    assert "[1]" in answer.answer and "省发展改革委" in answer.answer
    assert any("省发展改革委" in h for h in top.highlights)
    assert all(h in top.text for h in top.highlights)  # highlights are the clause's own words


@pytest.mark.parametrize(
    ("question", "clause_key"),
    [
        ("廣東企業能參與黑龍江國有企業改革嗎？", "4.1.2"),  # traditional script
        ("Can Guangdong companies invest in care homes in Heilongjiang?", "4.2.10"),  # English
        ("深交所在方案里起什么作用？", "4.2.9"),  # short form 深交所
        ("对口合作分几个阶段推进？", "5.6"),
        ("自贸区方面两省怎么对接？", "4.4.15"),
        # jieba glues a modal to the hanzi before it (人会, 时能): no topic, no refusal
        ("来黑龙江旅游的人会有包机吗", "4.2.10"),
        # a synonym of general Chinese (同义词词林): the plan writes 协商
        ("跟港澳商量共建什么平台", "4.1.4"),
        # English words that only frame a question (they, take) are no missing topic
        ("What should they do to take part in the Belt and Road?", "4.1.4"),
        # "which department" names the kind of answer, not a topic the sentence must hold
        ("Which department houses the office of the leading group?", "5.1"),
    ],
)
def test_questions_in_other_forms_find_their_clause(service, question, clause_key):
    answer = service.ask(question)
    assert not answer.abstained, answer.answer
    assert clause_key in cited_keys(answer)


@pytest.mark.parametrize(
    "question",
    [
        "黑龙江省2019年的GDP是多少？",
        "上海市与大连市的对口合作有哪些重点任务？",
        "What is the population of Tokyo?",
        "两省去年签约项目的总金额是多少？",
        "对口合作工作没完成怎么罚",  # a sanction the plan never states
        "旅游包机去哪报名",  # a procedure the plan never describes
        "参加广交会需要准备哪些材料",
    ],
)
def test_questions_the_plan_does_not_answer_are_declined(service, question):
    answer = service.ask(question)
    assert answer.abstained
    assert "没有回答" in answer.answer or "not answered by the plan" in answer.answer
    assert answer.citations, "the nearest clauses are still shown as related"
    assert "[1]" not in answer.answer


def test_json_shape_is_the_public_interface(service):
    data = service.ask("两省高校怎么合作？").to_json()
    assert set(data) == {
        "question", "answer", "abstained", "citations", "mode", "verified", "verification",
        "standalone_question", "coverage", "missing",
    }  # fmt: skip
    assert data["coverage"] == "answered" and data["missing"] == []
    assert data["mode"] == "extractive" and data["verified"] is True
    citation = data["citations"][0]
    assert {"doc_id", "doc_title", "clause_id", "label", "text", "score"} <= set(citation)
    assert len(citation["text"]) <= 1000
    scores = [c["score"] for c in data["citations"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("question", ["", "   \n\t", "问" * 2001])
def test_empty_or_oversized_question_gets_a_clear_message(service, question):
    with pytest.raises(QuestionError) as err:
        service.ask(question)
    assert "问题" in str(err.value)


def test_same_question_same_answer(service):
    first = service.ask("两省在旅游方面怎么合作？")
    second = service.ask("两省在旅游方面怎么合作？")
    assert first == second


def test_who_does_what_question_uses_the_duties_table(service):
    answer = service.ask("广东省要做哪些事？")
    assert not answer.abstained and answer.answer.startswith("根据《")
    assert "广东省承担的工作包括" in answer.answer
    assert "广东省协助黑龙江省" in answer.answer
    keys = cited_keys(answer, k=5)
    assert "4.1.4" in keys
    for citation in answer.citations:
        assert all(h in citation.text for h in citation.highlights)


def test_answer_quotes_the_sentence_about_the_topic_not_the_longest(service):
    answer = service.ask("兩省在中醫藥方面有什麼合作？")
    assert "推动中医药项目合作" in answer.answer
    assert "新闻出版" not in answer.answer  # same clause, but about media, not medicine
    assert "10.文化、旅游和健康产业。" not in answer.answer  # a heading is not an answer


def test_more_please_quotes_new_sentences(service):
    from app.answering import Turn

    first = service.ask("两省在金融方面怎么合作？")
    more = service.ask("还有呢？", history=[Turn.from_answer(first)])
    assert more.standalone_question == first.standalone_question
    shown = {h for c in first.citations for h in c.highlights}
    quoted = {h for c in more.citations for h in c.highlights}
    assert quoted and not quoted & shown


def test_more_please_says_when_everything_was_shown(service):
    from app.answering import Turn

    history = [Turn.from_answer(service.ask("领导小组办公室设在哪里？"))]
    for _ in range(6):  # asked again until nothing new is left
        more = service.ask("還有呢？", history=history)
        if "没有更多相关内容" in more.answer:
            break
        history.append(Turn.from_answer(more))
    assert "没有更多相关内容" in more.answer and not more.abstained
    said = {h for turn in history for h in turn.quoted}
    assert not any(h in more.answer for h in said)  # nothing shown before is repeated


@pytest.mark.parametrize(
    ("first", "follow_up", "topic"),
    [
        ("两省旅游怎么合作？", "那个旅游季品牌叫啥？", "旅游季品牌"),  # demonstrative
        ("國有企業改革怎麼合作", "混改呢", "混改"),  # a topic fragment keeps the question
        ("广东省要做哪些事？", "那黑龙江省呢？", "黑龙江省"),  # the party swapped
        # in English, the previous question asked about the new topic
        (
            "What does the plan say about the stock exchange?",
            "What about care homes?",
            "care homes",
        ),
    ],
)
def test_follow_up_is_rewritten_into_a_readable_question_and_answered(
    service, first, follow_up, topic
):
    from app.answering import Turn

    earlier = service.ask(first)
    answer = service.ask(follow_up, history=[Turn.from_answer(earlier)])
    standalone = answer.standalone_question
    assert topic in standalone and "个旅游" not in standalone
    assert standalone != follow_up and not answer.abstained, answer.answer
    assert answer.coverage == "answered"


def test_more_please_after_a_narrow_follow_up_continues_the_broader_question(service):
    from app.answering import Turn

    history = [Turn.from_answer(service.ask("两省旅游怎么合作？"))]
    brand = service.ask("那个旅游季品牌叫啥？", history=history)
    assert "南来北往" in brand.answer
    assert len([line for line in brand.answer.splitlines() if line.startswith("- ")]) == 1
    history.append(Turn.from_answer(brand))
    more = service.ask("还有呢？", history=history)
    assert "没有更多相关内容" not in more.answer, more.answer
    assert "旅游" in more.answer  # the tourism sentences not shown yet
    said = {h for turn in history for h in turn.quoted}
    assert not any(h in more.answer for h in said)


@pytest.mark.parametrize(
    ("first", "follow_up", "topic"),
    [
        ("广东会给黑龙江干部搞培训吗？", "具体细节谁来定？", "培训"),  # names no topic of its own
        ("深圳证券交易所在方案里有什么角色？", "黑龙江企业可以怎么用它？", "深圳证券交易所"),
        ("方案里说到科技孵化器了吗？", "具体广东帮着建多少个？", "孵化器"),  # 具体: of that
    ],
)
def test_a_follow_up_that_names_no_topic_or_points_back_continues_the_previous_one(
    service, first, follow_up, topic
):
    from app.answering import Turn

    earlier = service.ask(first)
    answer = service.ask(follow_up, history=[Turn.from_answer(earlier)])
    assert topic in answer.standalone_question, answer.standalone_question


def test_a_follow_up_pointing_back_carries_the_topic_without_its_linking_word(service):
    """哈尔滨跟哪个城市对口合作 → 它俩…: 哈尔滨 and the city the answer named, not a
    dangling 哈尔滨跟."""
    from app.answering import Turn

    earlier = service.ask("哈尔滨跟哪个城市对口合作？")
    answer = service.ask("那它俩要在黑龙江共建什么？", history=[Turn.from_answer(earlier)])
    assert answer.standalone_question.startswith("哈尔滨和深圳市"), answer.standalone_question


@pytest.mark.parametrize(
    ("first", "follow_up", "expected"),
    [
        # 多久 asks, as 几 does: the topic carried back, not read as a topic of its own
        ("农产品产销对接活动在哪些城市办？", "多久办一次呢？", "农产品产销对接活动，多久办一次"),
        # both parties named the other way round: the previous question, swapped
        (
            "广东帮黑龙江哪些装备企业搞出口？",
            "那黑龙江帮广东呢？",
            "黑龙江帮广东哪些装备企业搞出口",
        ),
    ],
)
def test_a_follow_up_reads_as_the_question_it_stands_for(service, first, follow_up, expected):
    from app.answering import Turn

    earlier = service.ask(first)
    answer = service.ask(follow_up, history=[Turn.from_answer(earlier)])
    assert answer.standalone_question.startswith(expected), answer.standalone_question


def test_parties_swapped_in_a_follow_up_are_never_read_the_previous_way(service):
    """那黑龙江帮广东呢 after 广东帮黑龙江建科技孵化器吗: the plan says only 广东 helps, so the
    swapped question is declined, not answered by a reading that keeps the old direction."""
    from app.answering import Turn

    earlier = service.ask("广东帮黑龙江建科技孵化器吗？")
    answer = service.ask("那黑龙江帮广东呢？", history=[Turn.from_answer(earlier)])
    assert answer.abstained and answer.coverage == "not_covered", answer.answer


@pytest.mark.parametrize(
    ("first", "follow_up", "expected"),
    [
        ("产业协同有哪些举措？", "具体由谁负责？", "产业协同，"),  # 同 of 协同 is no link word
        ("农产品产销对接活动在哪些城市办？", "多久办一次呢？", "农产品产销对接活动，"),
    ],
)
def test_the_topic_carried_into_a_follow_up_keeps_its_own_words(
    service, first, follow_up, expected
):
    from app.answering import Turn

    earlier = service.ask(first)
    answer = service.ask(follow_up, history=[Turn.from_answer(earlier)])
    assert answer.standalone_question.startswith(expected), answer.standalone_question
    assert "，，" not in answer.standalone_question


def test_a_follow_up_opening_with_details_of_a_new_topic_is_answered_on_its_own(service):
    from app.answering import Turn

    earlier = service.ask("哈尔滨跟哪个城市对口合作？")
    answer = service.ask("具体说说两省金融合作有哪些内容？", history=[Turn.from_answer(earlier)])
    assert not answer.abstained and "金融" in answer.answer, answer.answer


def test_that_thing_named_by_the_end_of_the_previous_topic_is_that_thing(service):
    """那园区 after 哈深要共建对口合作示范园区吗 is that 示范园区: the plan never says which
    district it is in, and no other 园区 (in Russia) answers for it; a party named anew
    (那黑龙江企业…) is a topic of its own."""
    from app.answering import Turn

    earlier = service.ask("哈深要共建对口合作示范园区吗？")
    answer = service.ask("那园区具体选在哪个区县？", history=[Turn.from_answer(earlier)])
    assert "对口合作示范园区" in answer.standalone_question, answer.standalone_question
    assert answer.abstained and "俄罗斯" not in answer.answer.split("仅供参考")[0]
    earlier = service.ask("广东的证券公司能去黑龙江开展业务吗？")
    own = service.ask("那黑龙江企业上市融资可以去哪？", history=[Turn.from_answer(earlier)])
    assert own.standalone_question.startswith("黑龙江企业"), own.standalone_question
    earlier = service.ask("黑龙江企业去广东上市有哪些支持？")
    new = service.ask("那企业去俄罗斯投资有什么支持？", history=[Turn.from_answer(earlier)])
    assert new.standalone_question.startswith("企业去俄罗斯"), new.standalone_question


def test_a_place_of_another_level_than_asked_answers_no_which_city(service):
    """建在哪个市: the plan names only the province (深圳市在黑龙江省合作共建), so the city
    is not given; 哈尔滨跟哪个城市 is answered by the city the plan pairs it with."""
    from app.answering import Turn

    earlier = service.ask("深圳要在黑龙江建对口合作示范园区？")
    answer = service.ask("建在哪个市？", history=[Turn.from_answer(earlier)])
    assert answer.abstained and answer.coverage == "not_covered", answer.answer
    assert answer.missing and "具体地点" in answer.missing[0], answer.missing
    paired = service.ask("哈尔滨跟广东哪个城市对口合作？")
    assert not paired.abstained and "深圳市" in paired.answer, paired.answer


def test_it_after_which_city_is_the_city_the_answer_named(service):
    """它 after 哈尔滨跟哪个城市对口合作 is the city the answer paired it with (深圳市): the
    follow-up reads as a question about 深圳, and 它俩 as one about both."""
    from app.answering import Turn

    earlier = service.ask("哈尔滨跟广东哪个城市对口合作？")
    history = [Turn.from_answer(earlier)]
    it = service.ask("它在黑龙江合作共建什么园区？", history=history)
    assert it.standalone_question.startswith("深圳市在黑龙江"), it.standalone_question
    assert not it.abstained and "对口合作示范园区" in it.answer, it.answer
    both = service.ask("它俩是什么关系？", history=history)
    assert both.standalone_question.startswith("哈尔滨和深圳市"), both.standalone_question
    assert not both.abstained and "哈尔滨市与深圳市对口合作" in both.answer, both.answer
    # 其它 is no pronoun for it: 其它城市呢 asks of the other cities
    others = service.ask("其它城市呢？", history=history)
    assert "深圳" not in others.standalone_question, others.standalone_question
