"""Which way a relation runs and whose a thing is: 广东协助黑龙江 is not 黑龙江协助广东, and
广东's 干部培训机构 are not 黑龙江's (``planqa ask --json``; the module's ``ASKED`` are
asked in one run, conftest.py)."""

from __future__ import annotations

import pytest

from tests.replies import assert_answered_quoting

pytestmark = pytest.mark.slow
ASKED = [
    "黑龙江可以借助广东的什么平台开展对外贸易",
    "黑龙江的旅游开发企业来广东整体开发旅游资源，方案有啥要求？",
    "广东那边的企业想来黑龙江开养老院，方案里有没有说咋支持？",
    "黑龙江要在广东建粮食储备库吗？",
    "考察交流方面，黑龙江去广东看什么，广东来黑龙江又干啥？",
    "粤企借龙江平台出口俄罗斯吗",
    "黑龙江企业要借助广东平台做什么",
    "黑龍江的知名醫院向廣東派專家、去廣東設分院，方案怎麼說的？",
    "广东的知名医院向黑龙江派专家、去黑龙江设分院，方案怎么说的？",
    "黑龙江在广东租仓建储备基地，存的主要是哪些粮？",
    "广东在黑龙江租仓储备粮食吗",
    "黑龙江的医院能去广东开分院吗？",
    "广东的医院能去黑龙江开分院吗？",
    "黑龙江的社会资本可以在广东发起设立银行吗？",
    "广东企业家来黑龙江参加什么论坛",
    "哈尔滨跟哪个城市结对？",
    "哈尔滨的对口城市是哪个？",
    "开拓东盟市场时，谁帮谁的企业做外贸？",
    "开拓东盟市场时，黑龙江协助广东哪些企业扩大出口？",
    "廣東省對黑龍江省的幹部培訓是怎麼安排的？",
    "广东省邀请黑龙江省担任哪个博览会的主宾省？",
    "黑龙江省邀请广东省担任哪个博览会的主宾省？",
    "广东省要推动黑龙江省哪些地区发展飞地经济？",
    "Does Heilongjiang help Guangdong attract investment?",
    "依托黑龙江的干部培训机构给广东干部做培训，都培训哪些人？",
    "Heilongjiang tourism developers are encouraged to develop Guangdong's tourism resources as a whole - which resort areas are included?",
    "黑龙江的农业龙头企业去广东建饲料加工基地，有啥扶持？",
    "黑龙江帮广东改善航空物流设施吗",
    "黑龙江的工业设计公司怎么帮广东制造提升品牌形象？",
    "把黑龙江自贸区的经验拿到广东复制推广，有哪些经验？",
    "黑龙江的高层次人才怎么对口支持广东的科技创新和企业发展？",
    "广东储备基地在黑龙江吗？",
    "Does Guangdong help Heilongjiang attract investment?",
    "依托广东的干部培训机构给黑龙江干部做培训，都培训哪些人？",
    "除了哈尔滨、大庆以外，黑龙江还有哪些城市跟广东开展交流？",
    "Are Guangdong tourism developers encouraged to develop Heilongjiang's tourism resources as a whole?",
    "广东的农业龙头企业去黑龙江能干啥",
    "广东的工业设计企业怎么跟黑龙江制造企业合作？",
    "哈尔滨新区跟深圳哪个区合作？",
    "哈尔滨在深圳共建的示范园区要吸引哪些产业？",
    "深圳在黑龙江共建的示范园区要吸引哪些产业？",
    "黑龙江省的干部培训机构给广东哪些干部做培训？",
    "黑龙江的优质农产品怎么进入广东市场？",
]


def test_a_relation_said_from_the_side_that_benefits_is_answered_the_right_way_round(
    replies: dict[str, dict],
):
    reply = replies["黑龙江可以借助广东的什么平台开展对外贸易"]
    assert not reply["abstained"], reply["answer"]
    first = reply["answer"].split("[1]")[0]  # the first quoted sentence
    assert "广东省协助黑龙江省" in first, reply["answer"]  # 广东 acts, 黑龙江 benefits


def test_a_relation_no_word_directs_runs_from_the_side_named_first(replies: dict[str, dict]):
    # 鼓励广东省有实力的旅游开发企业整体开发黑龙江省优势旅游资源: 广东 acts in 黑龙江
    reversed_ = replies["黑龙江的旅游开发企业来广东整体开发旅游资源，方案有啥要求？"]
    assert reversed_["abstained"] and "黑龙江在广东" in reversed_["answer"], reversed_["answer"]
    # 吸引广东省社会组织、养老机构落地黑龙江省: the part about 养老 is read, not the sentence's
    # opening (依托黑龙江省良好资源优势…)
    elderly = replies["广东那边的企业想来黑龙江开养老院，方案里有没有说咋支持？"]
    assert not elderly["abstained"] and "养老机构落地黑龙江省" in elderly["answer"]
    # 开展两省粮食储备合作，广东省…在黑龙江省建立…: read in the part naming the sides
    grain = replies["黑龙江要在广东建粮食储备库吗？"]
    assert grain["abstained"] and "黑龙江在广东" in grain["answer"], grain["answer"]
    # asked both ways, both are answered
    both = replies["考察交流方面，黑龙江去广东看什么，广东来黑龙江又干啥？"]
    assert "赴广东省考察" in both["answer"] and "赴黑龙江省开展交流考察" in both["answer"]
    # 借助 relates the sides: 广东 acts for 黑龙江, as the plan says it (广东省协助黑龙江省)
    borrow = replies["黑龙江企业要借助广东平台做什么"]
    assert not borrow["abstained"] and "广东省协助黑龙江省" in borrow["answer"], borrow["answer"]
    # short forms name the sides too: 粤企借龙江 is 黑龙江 acting for 广东
    short = replies["粤企借龙江平台出口俄罗斯吗"]
    assert not short["abstained"] and "黑龙江省协助广东省" in short["answer"], short["answer"]


def test_each_part_of_a_question_is_asked_of_its_one_subject(replies: dict[str, dict]):
    # …派专家、去…设分院: 设分院 is asked of the 知名医院, not answered by the 证券公司's 分支机构
    reversed_ = replies["黑龍江的知名醫院向廣東派專家、去廣東設分院，方案怎麼說的？"]
    assert reversed_["abstained"], reversed_["answer"]
    right = replies["广东的知名医院向黑龙江派专家、去黑龙江设分院，方案怎么说的？"]
    assert right["coverage"] == "partial" and "专家" in right["missing"], right["answer"]
    assert "知名医疗机构在黑龙江省设立分支" in right["answer"], right["answer"]


def test_where_one_side_acts_is_not_confirmed_the_other_way_round(replies: dict[str, dict]):
    # the plan has 广东省…在黑龙江省建立…储备基地: 广东 stores grain in 黑龙江, not the reverse
    reversed_ = replies["黑龙江在广东租仓建储备基地，存的主要是哪些粮？"]
    assert reversed_["abstained"] and "黑龙江在广东" in reversed_["answer"], reversed_["answer"]
    right = replies["广东在黑龙江租仓储备粮食吗"]
    assert not right["abstained"] and "租仓储备" in right["answer"], right["answer"]
    # 吸引广东省知名医疗机构在黑龙江省设立分支; 广东省…社会资本在黑龙江省依法发起设立中小型银行
    for question in (
        "黑龙江的医院能去广东开分院吗？",
        "黑龙江的社会资本可以在广东发起设立银行吗？",
    ):
        assert replies[question]["abstained"], replies[question]["answer"]
    hospitals = replies["广东的医院能去黑龙江开分院吗？"]
    assert not hospitals["abstained"] and "设立分支" in hospitals["answer"], hospitals["answer"]
    # 组织黑龙江省企业家到广东省…，组织广东省企业家参加“龙江企业家发展论坛”: each part
    # of the sentence runs its own way; the part asked about is the one that counts
    forum = replies["广东企业家来黑龙江参加什么论坛"]
    assert not forum["abstained"] and "龙江企业家发展论坛" in forum["answer"], forum["answer"]


@pytest.mark.parametrize("question", ["哈尔滨跟哪个城市结对？", "哈尔滨的对口城市是哪个？"])
def test_a_relation_the_plan_states_in_its_own_words_is_answered(
    replies: dict[str, dict], question: str
):
    reply = replies[question]
    assert not reply["abstained"], reply["answer"]
    quoted = [line for line in reply["answer"].splitlines() if line.startswith("- ")]
    assert "哈尔滨市与深圳市对口合作" in quoted[0], reply["answer"]


def test_the_scene_a_question_sets_may_be_set_by_the_answering_sentences_clause(
    replies: dict[str, dict],
):
    """开拓东盟市场时: the plan sets that scene in one sentence (共同拓展东盟市场) and says who
    helps whose companies trade in the next."""
    reply = replies["开拓东盟市场时，谁帮谁的企业做外贸？"]
    assert_answered_quoting(reply, "广东省协助黑龙江省的发电装备")
    # not by another paragraph of the same item: its 对俄 exports are no 东盟 scene
    other = replies["开拓东盟市场时，黑龙江协助广东哪些企业扩大出口？"]
    assert other["abstained"] and "东盟" in other["missing"], other["answer"]


def test_the_side_a_thing_is_done_for_is_not_read_as_its_owner(replies: dict[str, dict]):
    # 對黑龍江省的幹部培訓: training done for 黑龙江 (by 广东's institutions), not 黑龙江's own
    reply = replies["廣東省對黑龍江省的幹部培訓是怎麼安排的？"]
    assert not reply["abstained"], reply["answer"]
    assert "依托广东省各类干部培训机构" in reply["answer"], reply["answer"]


def test_who_invites_whom_is_not_confirmed_the_other_way_round(replies: dict[str, dict]):
    # the plan has 邀请广东省作为中国—俄罗斯博览会的主宾省: 广东 is invited, 黑龙江 invites
    reversed_ = replies["广东省邀请黑龙江省担任哪个博览会的主宾省？"]
    assert reversed_["abstained"] and "广东省邀请黑龙江省" in reversed_["answer"]
    right = replies["黑龙江省邀请广东省担任哪个博览会的主宾省？"]
    assert not right["abstained"] and "邀请广东省作为" in right["answer"], right["answer"]
    # 推动广东省重点城市在黑龙江省…: 广东 is pushed to act in 黑龙江, the way asked
    pushed = replies["广东省要推动黑龙江省哪些地区发展飞地经济？"]
    assert not pushed["abstained"] and "飞地经济" in pushed["answer"], pushed["answer"]


@pytest.mark.parametrize(
    "question",
    [
        "Heilongjiang tourism developers are encouraged to develop Guangdong's tourism resources "
        "as a whole - which resort areas are included?",
        "黑龙江的农业龙头企业去广东建饲料加工基地，有啥扶持？",  # 广东省农业产业化龙头企业
        "Does Heilongjiang help Guangdong attract investment?",  # 协助黑龙江省开展招商引资
        # 依托广东省各类干部培训机构…: other 干部 and 培训 sentences, holding less, answer nothing
        "依托黑龙江的干部培训机构给广东干部做培训，都培训哪些人？",
        "黑龙江帮广东改善航空物流设施吗",  # 改善黑龙江省航空物流设施
        "黑龙江的工业设计公司怎么帮广东制造提升品牌形象？",  # 广东省工业设计企业
        "把黑龙江自贸区的经验拿到广东复制推广，有哪些经验？",  # 中国（广东）自由贸易试验区
        # 鼓励广东省高层次人才对口支持黑龙江省科技创新和企业发展: 企业发展 alone, in other
        # sentences, answers no part of it
        "黑龙江的高层次人才怎么对口支持广东的科技创新和企业发展？",
    ],
)
def test_a_thing_the_question_gives_to_the_other_side_is_not_confirmed(
    replies: dict[str, dict], question: str
):
    reply = replies[question]
    assert reply["abstained"] and reply["coverage"] == "not_covered", reply["answer"]
    assert "相反的方向" in reply["answer"] or "other way round" in reply["answer"], reply["answer"]


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("广东的农业龙头企业去黑龙江能干啥", "饲料等加工基地"),
        (
            "广东的工业设计企业怎么跟黑龙江制造企业合作？",
            "引导广东省工业设计企业与黑龙江省制造企业合作",
        ),
        ("广东储备基地在黑龙江吗？", "广东（黑龙江）储备基地"),  # a place in brackets: both
        ("Does Guangdong help Heilongjiang attract investment?", "协助黑龙江省开展招商引资"),
        ("依托广东的干部培训机构给黑龙江干部做培训，都培训哪些人？", "依托广东省各类干部培训机构"),
        ("除了哈尔滨、大庆以外，黑龙江还有哪些城市跟广东开展交流？", "其他地市级城市"),
        (
            "Are Guangdong tourism developers encouraged to develop Heilongjiang's tourism "
            "resources as a whole?",
            "旅游开发企业",
        ),
    ],
)
def test_the_same_things_given_to_the_side_the_plan_names_are_answered(
    replies: dict[str, dict], question: str, quoted: str
):
    reply = replies[question]
    assert reply["coverage"] == "answered", reply["answer"]
    assert quoted in reply["answer"].split("\n\n")[0], reply["answer"]


def test_a_sentence_without_one_of_the_parties_related_does_not_pair_them(
    replies: dict[str, dict],
):
    # the plan's 哈尔滨新区 sentence names no 深圳: no district of 深圳 is confirmed as its partner
    reply = replies["哈尔滨新区跟深圳哪个区合作？"]
    assert reply["abstained"] and reply["coverage"] == "not_covered", reply["answer"]


def test_a_place_asked_as_where_something_is_built_is_not_the_side_that_builds(
    replies: dict[str, dict],
):
    # 深圳市在黑龙江省合作共建…示范园区: the park is built in 黑龙江 by 深圳, not in 深圳
    wrong = replies["哈尔滨在深圳共建的示范园区要吸引哪些产业？"]
    assert wrong["abstained"] and wrong["coverage"] == "not_covered", wrong["answer"]
    assert_answered_quoting(
        replies["深圳在黑龙江共建的示范园区要吸引哪些产业？"], "吸引优势产业集聚"
    )


def test_a_thing_the_plan_gives_only_to_the_other_side_is_not_confirmed(
    replies: dict[str, dict],
):
    # the plan's 干部培训机构 are 广东省's, training 黑龙江省's cadres; the 挂职 sentences
    # beside them hold the other words but answer nothing about 黑龙江's training bodies
    reply = replies["黑龙江省的干部培训机构给广东哪些干部做培训？"]
    assert reply["abstained"] and reply["missing"] == ["黑龙江省的干部培训机构"], reply["answer"]
    # a thing named by one word before its head is a kind both sides have: 黑龙江省优质特色
    # 农副产品 go to 广东 even though 广东省优质特色农产品 are named beside them
    quality = replies["黑龙江的优质农产品怎么进入广东市场？"]
    assert_answered_quoting(quality, "进入广东省乃至港澳市场")
