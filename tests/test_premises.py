"""What a question takes as given (an amount, a year, a person, a place, a pairing, the
fact asked for) and the plan never states: declined and named, never read as confirmed
(``planqa ask --json``; the module's ``ASKED`` are asked in one run, conftest.py)."""

from __future__ import annotations

import pytest

from tests.replies import assert_answered_quoting

pytestmark = pytest.mark.slow
ASKED = [
    "方案提到5G网络建设了吗",
    "中俄博览会是哪年办的？",
    "参加中国—俄罗斯博览会的广东企业展位费是不是减免一半？",
    "我们想和佛山结对搞交流，要走啥程序？",
    "北京的企业能参与对口合作吗",
    "广西企业能参与吗",
    "方案提到白俄罗斯吗",
    "粤菜在黑龙江推广吗",
    "方案里说王副省长负责对口合作办公室吗",
    "张教授负责两省智库交流吗",
    "黑龙江哪些旅游度假区请广东金融机构参与建设？",
    "对口合作具体由哪位省领导牵头推进？",
    "领导小组组长叫什么名字？",
    "广东是哪位省长牵头推进对口合作？",
    "广东是哪一位省长牵头推进对口合作？",
    "广州跟黑龙江哪个城市结对？",
    "方案里说中国—俄罗斯博览会要在深圳办，对吧？",
    "廣州和哈爾濱是對口城市嗎？",
    "方案规定广东每年给黑龙江培训1000名干部，具体怎么分配？",
    "两省的对口合作资金是五个亿，这笔钱主要投向哪？",
    "每个地市建一个科技孵化器，方案规定必须在哪个月底前完成？",
    "深交所一般几点开盘？",
    "方案提出的基本原则有几点？",
    "对口合作领导小组办公室的电话是多少？",
    "黑龙江企业在广东办厂，厂房租金多少钱一平？",
    "方案说广东给黑龙江企业贷款贴息3个点，真的吗？",
    "对口合作领导小组组长是谁？",
    "对口合作领导小组组长叫什么名字？",
    "Who is the president of the Heilongjiang Guangdong Chamber of Commerce?",
    "对口合作领导小组组长姓什么？",
    "中俄博览会在哪个展馆开？",
]


def test_a_premise_that_is_a_latin_name_or_a_year_the_plan_never_gives_is_declined(
    replies: dict[str, dict],
):
    five_g = replies["方案提到5G网络建设了吗"]
    assert five_g["abstained"] and "5G" in five_g["missing"], five_g["answer"]
    year = replies["中俄博览会是哪年办的？"]  # the plan names the fair, never its year
    assert year["abstained"] and year["coverage"] == "not_covered", year["answer"]
    # an amount in Chinese numerals is a premise too (减免一半, 补贴三十万元)
    half = replies["参加中国—俄罗斯博览会的广东企业展位费是不是减免一半？"]
    assert half["abstained"] and "一半" in half["missing"], half["answer"]


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("我们想和佛山结对搞交流，要走啥程序？", "佛山"),  # near 广东 in meaning
        ("北京的企业能参与对口合作吗", "北京"),  # near 中国, and an everyday word
        ("广西企业能参与吗", "广西"),  # shares 广 with 广东, does not shorten it
        ("方案提到白俄罗斯吗", "白俄罗斯"),  # holds 俄罗斯, is not it
        ("粤菜在黑龙江推广吗", "粤菜"),  # a thing (Cantonese food) is no place (粤港澳) near it
    ],
)
def test_a_place_the_plan_never_names_is_not_read_as_one_near_it(
    replies: dict[str, dict], question: str, place: str
):
    reply = replies[question]
    assert reply["abstained"] and place in reply["missing"], reply["answer"]


@pytest.mark.parametrize(
    ("question", "person"),
    [("方案里说王副省长负责对口合作办公室吗", "王副省长"), ("张教授负责两省智库交流吗", "张教授")],
)
def test_a_person_named_by_surname_and_title_is_a_premise_the_plan_does_not_state(
    replies: dict[str, dict], question: str, person: str
):
    # the plan names offices (常务副省长牵头推进), never people: 王副省长 is not confirmed
    reply = replies[question]
    assert reply["abstained"] and person in reply["missing"], reply["answer"]


def test_the_kind_of_answer_named_does_not_stand_in_for_a_word_the_sentence_lacks(
    replies: dict[str, dict],
):
    # the 旅游度假区 sentence names 广东省…旅游开发企业; 金融机构 is not what it says
    reply = replies["黑龙江哪些旅游度假区请广东金融机构参与建设？"]
    assert reply["abstained"], reply["answer"]


def test_which_official_is_answered_by_the_office_the_plan_names_a_name_is_not(
    replies: dict[str, dict],
):
    """哪位省领导牵头: 常务副省长牵头推进 names the official by office; a name asked for
    (组长叫什么名字) is one the plan never gives."""
    reply = replies["对口合作具体由哪位省领导牵头推进？"]
    assert_answered_quoting(reply, "常务副省长牵头推进")
    for question in [
        "领导小组组长叫什么名字？",
        "广东是哪位省长牵头推进对口合作？",
        "广东是哪一位省长牵头推进对口合作？",
    ]:
        name = replies[question]  # 哪位省长: who holds that office, by name
        assert name["abstained"] and name["coverage"] == "not_covered", name["answer"]


def test_a_pairing_the_plan_never_states_is_not_confirmed_by_a_list_naming_both(
    replies: dict[str, dict],
):
    reply = replies["广州跟黑龙江哪个城市结对？"]  # 广州 and 哈尔滨 share only a list of cities
    assert reply["abstained"] and reply["coverage"] == "not_covered", reply["answer"]


@pytest.mark.parametrize(
    "question", ["方案里说中国—俄罗斯博览会要在深圳办，对吧？", "廣州和哈爾濱是對口城市嗎？"]
)
def test_a_claim_pairing_things_the_plan_lists_as_separate_items_is_not_confirmed(
    replies: dict[str, dict], question: str
):
    # 参加中国—俄罗斯博览会、…、中国（深圳）国际文化产业博览交易会: 深圳 is another fair's;
    # 定期在广州、深圳、哈尔滨等市举办: three cities side by side, none paired with another
    reply = replies[question]
    assert reply["abstained"] and reply["coverage"] == "not_covered", reply["answer"]


def test_a_count_in_figures_the_plan_never_states_is_the_premise_named(
    replies: dict[str, dict],
):
    reply = replies["方案规定广东每年给黑龙江培训1000名干部，具体怎么分配？"]
    assert reply["abstained"] and reply["missing"] == ["1000名"], reply["missing"]
    # a sum said without 元 (五个亿, 两万) is an amount taken as given, named as the user put it
    money = replies["两省的对口合作资金是五个亿，这笔钱主要投向哪？"]
    assert money["abstained"] and money["missing"] == ["五个亿"], money["answer"]


def test_a_month_asked_for_is_a_date_the_plan_must_give(replies: dict[str, dict]):
    """哪个月底 asks when, not where: the 孵化器 sentence gives no date, and the refusal names
    what was asked of in the question's words, not 规定必须."""
    reply = replies["每个地市建一个科技孵化器，方案规定必须在哪个月底前完成？"]
    assert reply["abstained"], reply["answer"]
    assert reply["missing"] == ["每个地市建一个科技孵化器的具体时间"], reply["missing"]


def test_an_hour_of_the_day_asked_for_is_a_time_the_plan_must_give(replies: dict[str, dict]):
    """几点 asks when: the sentences naming 深圳证券交易所 give no time of day."""
    reply = replies["深交所一般几点开盘？"]
    assert reply["abstained"] and reply["coverage"] == "not_covered", reply["answer"]
    assert reply["missing"] == ["深交所的具体时间"], reply["missing"]
    # 有几点 counts points: the principles are answered, not asked a time of
    points = replies["方案提出的基本原则有几点？"]
    assert not points["abstained"], points["answer"]


def test_a_refusal_names_the_fact_asked_for_in_the_questions_words(replies: dict[str, dict]):
    phone = replies["对口合作领导小组办公室的电话是多少？"]  # a phone number is no 数额
    assert phone["abstained"] and phone["missing"] == ["对口合作领导小组办公室的电话"]
    assert "方案没有给出对口合作领导小组办公室的电话" in phone["answer"]
    rent = replies["黑龙江企业在广东办厂，厂房租金多少钱一平？"]  # 钱一平 is no person
    assert rent["abstained"] and not any("钱" in m for m in rent["missing"]), rent["answer"]


def test_percentage_points_the_plan_never_gives_are_named_whole(replies: dict[str, dict]):
    reply = replies["方案说广东给黑龙江企业贷款贴息3个点，真的吗？"]
    assert reply["abstained"] and "3个点" in reply["missing"], reply["answer"]


def test_who_holds_an_office_is_answered_by_the_office_named_a_name_is_not(
    replies: dict[str, dict],
):
    assert_answered_quoting(replies["对口合作领导小组组长是谁？"], "由省长任组长")
    for asked in ("对口合作领导小组组长叫什么名字？", "对口合作领导小组组长姓什么？"):
        named = replies[asked]
        assert named["abstained"], named["answer"]
        assert named["missing"] == ["对口合作领导小组组长的具体人员姓名"], named["missing"]
    president = replies["Who is the president of the Heilongjiang Guangdong Chamber of Commerce?"]
    assert president["abstained"], president["answer"]


def test_a_kind_of_place_the_plan_never_names_is_not_answered_by_another_place(
    replies: dict[str, dict],
):
    # the plan names no 展馆 at all: the 博览会 sentence names 广东省, no venue
    reply = replies["中俄博览会在哪个展馆开？"]
    assert reply["abstained"] and reply["missing"] == ["中俄博览会的具体地点"], reply["answer"]
