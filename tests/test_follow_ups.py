"""Follow-up questions in a conversation: what they are rewritten into (what the user
reads as the standalone question) and what is then answered (real e5 model, real Chroma)."""

import pytest

from app.answering import Turn

pytestmark = pytest.mark.slow


def follow(service, *questions):
    """The answer to the last question, each earlier one asked before it in turn."""
    history = []
    for question in questions[:-1]:
        history.append(Turn.from_answer(service.ask(question, history=list(history))))
    return service.ask(questions[-1], history=history)


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
    earlier = service.ask(first)
    answer = service.ask(follow_up, history=[Turn.from_answer(earlier)])
    standalone = answer.standalone_question
    assert topic in standalone and "个旅游" not in standalone
    assert standalone != follow_up and not answer.abstained, answer.answer
    assert answer.coverage == "answered"


def test_more_please_after_a_narrow_follow_up_continues_the_broader_question(service):
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
    earlier = service.ask(first)
    answer = service.ask(follow_up, history=[Turn.from_answer(earlier)])
    assert topic in answer.standalone_question, answer.standalone_question


def test_a_follow_up_pointing_back_carries_the_topic_without_its_linking_word(service):
    """哈尔滨跟哪个城市对口合作 → 它俩…: 哈尔滨 and the city the answer named, not a
    dangling 哈尔滨跟."""
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
    earlier = service.ask(first)
    answer = service.ask(follow_up, history=[Turn.from_answer(earlier)])
    assert answer.standalone_question.startswith(expected), answer.standalone_question


def test_parties_swapped_in_a_follow_up_are_never_read_the_previous_way(service):
    """那黑龙江帮广东呢 after 广东帮黑龙江建科技孵化器吗: the plan says only 广东 helps, so the
    swapped question is declined, not answered by a reading that keeps the old direction."""
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
    earlier = service.ask(first)
    answer = service.ask(follow_up, history=[Turn.from_answer(earlier)])
    assert answer.standalone_question.startswith(expected), answer.standalone_question
    assert "，，" not in answer.standalone_question


def test_a_follow_up_opening_with_details_of_a_new_topic_is_answered_on_its_own(service):
    earlier = service.ask("哈尔滨跟哪个城市对口合作？")
    answer = service.ask("具体说说两省金融合作有哪些内容？", history=[Turn.from_answer(earlier)])
    assert not answer.abstained and "金融" in answer.answer, answer.answer


def test_that_thing_named_by_the_end_of_the_previous_topic_is_that_thing(service):
    """那园区 after 哈深要共建对口合作示范园区吗 is that 示范园区: the plan never says which
    district it is in, and no other 园区 (in Russia) answers for it; a party named anew
    (那黑龙江企业…) is a topic of its own."""
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
    earlier = service.ask("深圳要在黑龙江建对口合作示范园区？")
    answer = service.ask("建在哪个市？", history=[Turn.from_answer(earlier)])
    assert answer.abstained and answer.coverage == "not_covered", answer.answer
    assert answer.missing and "具体地点" in answer.missing[0], answer.missing
    paired = service.ask("哈尔滨跟广东哪个城市对口合作？")
    assert not paired.abstained and "深圳市" in paired.answer, paired.answer


def test_it_after_which_city_is_the_city_the_answer_named(service):
    """它 after 哈尔滨跟哪个城市对口合作 is the city the answer paired it with (深圳市): the
    follow-up reads as a question about 深圳, and 它俩 as one about both."""
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


def test_a_new_topic_takes_the_place_of_the_previous_questions_nearest_word(service):
    """那医疗方面呢 after asking about 养老机构: the same question of 医疗机构 (the plan's
    医疗机构 sentence), not a 医疗 prefix on the 养老 question answered by its 养老 sentence."""
    answer = follow(service, "方案有没有说要吸引广东的养老机构去黑龙江？", "那医疗方面呢？")
    assert "医疗机构" in answer.standalone_question, answer.standalone_question
    assert "养老" not in answer.standalone_question
    assert not answer.abstained and "知名医疗机构" in answer.answer, answer.answer


def test_it_is_written_out_as_the_thing_the_previous_question_named(service):
    """它具体负责什么 after 领导小组办公室设在哪里: a readable question about the office, not
    "…办公室设在，它具体负责什么"."""
    answer = follow(service, "对口合作领导小组办公室设在哪里？", "它具体负责什么？")
    assert answer.standalone_question.startswith("对口合作领导小组办公室具体负责"), (
        answer.standalone_question
    )
    assert "日常工作" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("first", "follow_up", "topic", "said"),
    [
        # 这样做 is what the previous question asked about
        ("两省在职业教育方面怎么合作？", "这样做是为了满足黑龙江什么需要？", "职业教育", "需求"),
        # 除了这个 asks more of the previous topic
        ("两省要联合打造哪些旅游季品牌？", "除了这个，还要研究互设什么？", "两省", "城市主题日"),
    ],
)
def test_a_follow_up_about_what_was_just_asked_keeps_its_topic(
    service, first, follow_up, topic, said
):
    answer = follow(service, first, follow_up)
    assert topic in answer.standalone_question, answer.standalone_question
    assert not answer.abstained and said in answer.answer, answer.answer
