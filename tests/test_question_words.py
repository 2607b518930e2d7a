"""How a question's words are read: typos and short forms as the plan writes them, words
that only frame or ask, what the question sets aside, things merged or listed side by
side (``planqa ask --json``; the module's ``ASKED`` are asked in one run, conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.evaluation import match_form
from app.settings import PROJECT_ROOT
from tests.helpers import planqa
from tests.replies import assert_answered_quoting

pytestmark = pytest.mark.slow
ASKED = [
    "五大莲池旅游度假区广东企业能参与建设吗",
    "广东的创投企业能参预黑龙江双创示范基地建设吗",
    "两省失业保险怎么衔接",
    "两省在视频产业上有什么合作",
    "广东在中俄博览会上是什么身份？",
    "广东会被请去当中俄博览会主宾省吗",
    "粤企能参与黑国企混改吗",
    "对口合作重点项目落地时遇到用地、融资的问题，有没有专人负责协调？",
    "哈市跟粤哪个市结对子？",
    "粤企想来龙江开个小银行或者担保公司，行不行？",
    "How does the plan use PPP to bring Guangdong capital into Heilongjiang?",
    "方案依据哪些国务院文件制定？",
    "黑龙江哪些旅游度假区欢迎广东企业参与建设？",
    "广东在黑龙江建了粮食储备基地，那原油储备基地建在哪儿？",
    "年度工作计划要报送国家发改委吗？",
    "方案里石墨新材料产业和乡村旅游融合发展的项目有哪些？",
    "乡村旅游和养老融合发展有什么项目？",
    "深圳证券交易所创业板的上市条件是什么？",
    "我身边的企业怎么参与冰雪旅游合作？",
    "广州、深圳和哈尔滨会举办农产品产销对接活动吗？",
    "广州和深圳会举办农产品产销对接活动吗？",
    "除了哈尔滨以外，黑龙江还有哪些城市跟广东开展交流？",
    "除了深圳，哈尔滨还跟广东哪个城市结对？",
    "金融领域两省有哪些合作？",
    "科技领域广东给了黑龙江哪些帮助",
    "除了旅游包机，两省在旅游上还有什么合作？",
    "除了双创论坛，两省在创业创新上还有什么合作？",
    "机器人和农机装备合作建的智能示范基地怎么建？",
    "粮食储备和广东的农业龙头企业有什么合作？",
    "广东的企业怎么参与黑龙江国企改革？",
    "黑龙江利用自身的冰雪资源和广东合作搞什么？",
    "年度评估的结果会跟干部提拔挂钩吗？",
    "年度评估的结果会不会和干部提拔挂钩？",
    "大米和荔枝哪个更容易上火？",
    "大米和荔枝哪个最好卖？",
    "黑龙江的大米和广东出产的荔枝怎么推介？",
]


def test_a_name_mistyped_by_sound_is_read_as_the_plan_writes_it(replies: dict[str, dict]):
    reply = replies["五大莲池旅游度假区广东企业能参与建设吗"]
    assert not reply["abstained"], reply["answer"]
    assert "五大连池" in reply["answer"]  # quoted as the plan writes it


def test_a_rare_word_typed_for_a_plan_word_that_sounds_the_same_is_read_as_it(
    replies: dict[str, dict],
):
    """参预 is a word, but far rarer than the 参与 it sounds like and sharing its 参; 失业 is
    no typo of 事业 (as common), 视频 none of 食品 (another tone, no hanzi shared)."""
    typo = replies["广东的创投企业能参预黑龙江双创示范基地建设吗"]
    assert not typo["abstained"] and "创业投资企业" in typo["answer"].split("\n\n")[0], typo[
        "answer"
    ]
    for question, word in [
        ("两省失业保险怎么衔接", "失业"),
        ("两省在视频产业上有什么合作", "视频"),
    ]:
        other = replies[question]
        assert other["abstained"] and other["missing"] == [word], other["answer"]


def test_a_name_shortening_another_is_read_as_it(replies: dict[str, dict]):
    # 中俄 keeps the first hanzi of 中国 and 俄罗斯: the 中国—俄罗斯博览会
    reply = replies["广东在中俄博览会上是什么身份？"]
    assert not reply["abstained"] and "主宾省" in reply["answer"], reply["answer"]


@pytest.mark.parametrize(
    ("question", "evidence"),
    [
        ("哈市跟粤哪个市结对子？", "哈尔滨市与深圳市对口合作"),  # 结对子 is the verb 结对
        ("粤企想来龙江开个小银行或者担保公司，行不行？", "中小型银行"),  # 行不行 asks yes or no
        # PPP as the plan writes it; use (利用) relates, as a Chinese verb would
        ("How does the plan use PPP to bring Guangdong capital into Heilongjiang?", "（PPP）"),
        # jieba glues a modal to a short form (粤企能); 时 says when, not what (落地时);
        # 问题 is an everyday word, not the plan's 纽带 its embedding finds nearest
        ("粤企能参与黑国企混改吗", "鼓励广东省有实力的企业通过多种方式参与黑龙江省国有企业改革"),
        ("对口合作重点项目落地时遇到用地、融资的问题，有没有专人负责协调？", "明确专人负责"),
        # the kind asked for is the last noun after 哪些: 文件 of the 国务院; a sentence
        # naming a 度假区 holds the kind asked for
        ("方案依据哪些国务院文件制定？", "国发〔2016〕62号"),
        ("黑龙江哪些旅游度假区欢迎广东企业参与建设？", "五大连池"),
        # jieba's guess 请去 glues two lone verbs into a "word" the plan never uses
        ("广东会被请去当中俄博览会主宾省吗", "主宾省"),
    ],
)
def test_words_that_only_ask_frame_or_relate_do_not_refuse_a_covered_question(
    replies: dict[str, dict], question: str, evidence: str
):
    reply = replies[question]
    assert not reply["abstained"] and evidence in reply["answer"], reply["answer"]


def test_a_thing_asked_about_twice_weighs_once(replies: dict[str, dict]):
    """原油储备基地 beside 粮食储备基地: 储备基地 said twice does not outweigh the 原油 the
    plan never mentions."""
    reply = replies["广东在黑龙江建了粮食储备基地，那原油储备基地建在哪儿？"]
    assert reply["abstained"] and "原油" in reply["missing"], reply["answer"]


def test_a_short_form_of_the_table_split_by_jieba_is_one_name(replies: dict[str, dict]):
    """国家发改委 (jieba: 国家 / 发改委) is one body: 报送两省发展改革委 is not it."""
    reply = replies["年度工作计划要报送国家发改委吗？"]
    assert reply["abstained"] and not reply["answer"].startswith("是的"), reply["answer"]
    assert reply["missing"] == ["国家发改委"], reply["missing"]


def test_things_asked_about_merged_are_answered_only_by_a_sentence_merging_them(
    replies: dict[str, dict],
):
    # 石墨等新材料 and 乡村旅游…三产融合项目 are in two clauses: no project merges them
    mixed = replies["方案里石墨新材料产业和乡村旅游融合发展的项目有哪些？"]
    assert mixed["abstained"] and mixed["coverage"] == "not_covered", mixed["answer"]
    merged = replies["乡村旅游和养老融合发展有什么项目？"]
    assert not merged["abstained"] and "三产融合项目" in merged["answer"], merged["answer"]


def test_a_term_frequent_in_news_is_no_frame_word(replies: dict[str, dict]):
    """创业板 is as frequent in news as 时间, but names a thing the plan never mentions;
    身边 only places the asker."""
    reply = replies["深圳证券交易所创业板的上市条件是什么？"]
    assert reply["abstained"] and "创业板" in reply["missing"], reply["answer"]
    nearby = replies["我身边的企业怎么参与冰雪旅游合作？"]
    assert not nearby["abstained"], nearby["answer"]


@pytest.mark.parametrize(
    "question",
    ["广州和深圳会举办农产品产销对接活动吗？", "广州、深圳和哈尔滨会举办农产品产销对接活动吗？"],
)
def test_things_the_question_itself_lists_side_by_side_are_answered_from_a_list(
    replies: dict[str, dict], question: str
):
    reply = replies[question]
    assert not reply["abstained"], reply["answer"]
    assert "定期在广州、深圳、哈尔滨等市举办农产品产销对接活动" in reply["answer"]


def test_a_verb_the_plan_never_uses_leading_into_the_question_only_frames_it(
    built_data_dir: Path, tmp_path: Path
):
    """专项实施方案覆盖哪些领域: the plan says 编制…领域专项实施方案, never 覆盖."""
    import shutil

    dev = {
        item["id"]: item
        for item in map(json.loads, (PROJECT_ROOT / "eval" / "dev.jsonl").open(encoding="utf-8"))
    }
    item = dev["d29"]
    shutil.copytree(built_data_dir, tmp_path / "data")
    result = planqa("ask", "--json", item["question"], data_dir=tmp_path / "data")
    reply = json.loads(result.stdout)
    assert not reply["abstained"], reply["answer"]
    for evidence in item["evidence"]:
        assert match_form(evidence) in match_form(reply["answer"])


def test_what_a_question_sets_aside_is_no_part_of_its_answer(replies: dict[str, dict]):
    # 除了哈尔滨: the other cities are asked about; the plan's sentence on them never names
    # 哈尔滨, and is the answer
    reply = replies["除了哈尔滨以外，黑龙江还有哪些城市跟广东开展交流？"]
    assert reply["coverage"] == "answered", reply["answer"]
    quoted = [line for line in reply["answer"].splitlines() if line.startswith("- ")]
    assert "其他地市级城市" in quoted[0], reply["answer"]
    # the plan pairs 哈尔滨 with 深圳 only: no other city is confirmed
    assert replies["除了深圳，哈尔滨还跟广东哪个城市结对？"]["abstained"]


def test_the_scope_of_what_is_asked_about_is_no_word_an_answer_must_hold(
    replies: dict[str, dict],
):
    # jieba writes 科技领域 as one word: its scope comes apart all the same
    assert_answered_quoting(replies["科技领域广东给了黑龙江哪些帮助"], "科技孵化器")
    # 金融领域 is 金融: the plan's 金融 sentences answer, though none says 领域 beside it
    assert_answered_quoting(replies["金融领域两省有哪些合作？"], "金融")


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("除了旅游包机，两省在旅游上还有什么合作？", "开展旅游包机服务"),
        ("除了双创论坛，两省在创业创新上还有什么合作？", "举办两省“双创”论坛"),
    ],
)
def test_the_answer_is_what_the_question_did_not_set_aside(
    replies: dict[str, dict], question: str, aside: str
):
    reply = replies[question]
    assert reply["coverage"] == "answered", reply["answer"]
    quoted = [line for line in reply["answer"].splitlines() if line.startswith("- ")]
    assert quoted and not any(aside in line for line in quoted), reply["answer"]


def test_the_thing_two_coordinated_words_qualify_is_asked_of_both(replies: dict[str, dict]):
    # 机器人 and 农机装备 are in different sentences, and no sentence has an 智能示范基地 of
    # either: not a partial answer quoting the 机器人 sentence
    reply = replies["机器人和农机装备合作建的智能示范基地怎么建？"]
    assert reply["abstained"] and reply["coverage"] == "not_covered", reply["answer"]
    # but 广东的 names whose the thing is, the second part's own: each part is answered
    sides = replies["粮食储备和广东的农业龙头企业有什么合作？"]
    assert sides["coverage"] == "answered" and "储备" not in sides["missing"], sides["answer"]


def test_a_short_form_the_plan_uses_also_reads_as_written_out(replies: dict[str, dict]):
    # the plan says 国资国企改革 once and 国有企业改革 where 广东's enterprises take part
    reply = replies["广东的企业怎么参与黑龙江国企改革？"]
    assert_answered_quoting(reply, "参与黑龙江省国有企业改革")


def test_and_or_with_before_the_one_acted_with_relates_rather_than_lists(
    replies: dict[str, dict],
):
    # 和广东合作: 广东 acts with the resources' owner, no second topic besides 冰雪资源 (and
    # jieba's word 利用自身 is the plan's 利用 and a pronoun: found through planqa serve)
    assert_answered_quoting(
        replies["黑龙江利用自身的冰雪资源和广东合作搞什么？"], "冰雪、森林、湿地等生态旅游资源"
    )
    # 会跟干部提拔挂钩: the claim is that the evaluation is tied to promotion; the plan's
    # 年度评估 sentence alone is no part of an answer to it
    for asked in ("年度评估的结果会跟干部提拔挂钩吗？", "年度评估的结果会不会和干部提拔挂钩？"):
        tied = replies[asked]
        assert tied["abstained"] and tied["coverage"] == "not_covered", tied["answer"]


def test_the_quality_things_are_compared_by_is_what_is_asked(replies: dict[str, dict]):
    # the plan lists 大米 and 荔枝, and says nothing of which is more 上火: not a partial
    # answer quoting the list, and not an answer either
    compared = replies["大米和荔枝哪个更容易上火？"]
    assert compared["abstained"] and "上火" in compared["missing"], compared["answer"]
    # jieba's 最好 holds the word of degree: the quality is still what is asked
    best = replies["大米和荔枝哪个最好卖？"]
    assert best["abstained"], best["answer"]


def test_a_place_that_qualifies_a_thing_after_and_is_no_one_acted_with(
    replies: dict[str, dict],
):
    # 广东出产的荔枝: 广东 says where the 荔枝 are from; both things are asked about, and the
    # plan's 推介 sentence names both (the review of the first version declined it)
    reply = replies["黑龙江的大米和广东出产的荔枝怎么推介？"]
    assert not reply["abstained"] and "荔枝、香蕉、桂圆" in reply["answer"], reply["answer"]
