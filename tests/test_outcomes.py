"""Each outcome and each kind of answer, as a user reads it through ``planqa ask --json``.

Questions come from the check half (eval/plan_check.jsonl, written from the plan's text
by someone who never saw the code); the evidence a reply must quote is read from that
file, not written here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.evaluation import match_form
from app.settings import PROJECT_ROOT
from tests.helpers import planqa

pytestmark = pytest.mark.slow
CHECK = {
    item["id"]: item
    for item in map(json.loads, (PROJECT_ROOT / "eval" / "plan_check.jsonl").open(encoding="utf-8"))
}
# one answerable question per answer type, and unanswerable ones of every kind
ANSWERED = {
    "who": "q004",
    "where": "q109",
    "when": "q169",
    "frequency": "q010",
    "list": "q090",
    "multi": "q153",
    "yesno": "q049",
    "direction": "q021",
    "colloquial": "q095",
    "abbreviation": "q115",
    "typo": "q106",
    "traditional": "q016",
    "paraphrase": "q204",
}
DECLINED = {
    "amount": "q001",
    "date": "q019",
    "person": "q026",
    "combination": "q028",
    "false_premise": "q011",
    "off_topic": "q020",
    "yesno_unanswerable": "q140",
}


def assert_answered_quoting(reply: dict, *quoted: str) -> None:
    """The reply answers, and its answer text (before the citations) quotes each of ``quoted``."""
    assert reply["coverage"] == "answered", reply["answer"]
    answer = reply["answer"].split("\n\n")[0]
    assert all(q in answer for q in quoted), reply["answer"]


@pytest.fixture(scope="module")
def replies(built_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Every question of this file asked in one ``planqa ask --json -`` run."""
    import shutil

    data_dir = tmp_path_factory.mktemp("outcomes") / "data"
    shutil.copytree(built_data_dir, data_dir)
    ids = [*ANSWERED.values(), *DECLINED.values()]
    extra = [
        "方案规定哈尔滨新区的土地出让金能打几折？",
        "深交所一般几点开盘？",
        "方案提出的基本原则有几点？",
        "年度工作计划要报送国家发改委吗？",
        "每个地市建一个科技孵化器，方案规定必须在哪个月底前完成？",
        "方案规定广东每年给黑龙江培训1000名干部，具体怎么分配？",
        "两省的对口合作资金是五个亿，这笔钱主要投向哪？",
        "廣東省對黑龍江省的幹部培訓是怎麼安排的？",
        "方案里石墨新材料产业和乡村旅游融合发展的项目有哪些？",
        "乡村旅游和养老融合发展有什么项目？",
        "广东省邀请黑龙江省担任哪个博览会的主宾省？",
        "黑龙江省邀请广东省担任哪个博览会的主宾省？",
        "广东省要推动黑龙江省哪些地区发展飞地经济？",
        "两省在冰雪运动装备制造上怎么合作？",
        "广东会被请去当中俄博览会主宾省吗",
        "对口合作具体由哪位省领导牵头推进？",
        "领导小组组长叫什么名字？",
        "广东是哪位省长牵头推进对口合作？",
        "广东是哪一位省长牵头推进对口合作？",
        "开拓东盟市场时，谁帮谁的企业做外贸？",
        "开拓东盟市场时，黑龙江协助广东哪些企业扩大出口？",
        "广东在黑龙江建了粮食储备基地，那原油储备基地建在哪儿？",
        "What types of financial institutions can Guangdong private capital set up in Heilongjiang?",
        "广东的创投企业能参预黑龙江双创示范基地建设吗",
        "两省失业保险怎么衔接",
        "两省在视频产业上有什么合作",
        "What kinds of nuclear power projects will the two provinces build?",
        "省长是谁？",
        "五大莲池旅游度假区广东企业能参与建设吗",
        "龙江的大米在广东咋卖，开店吗",
        "方案提到5G网络建设了吗",
        "中俄博览会是哪年办的？",
        "重点任务分哪几大块？",
        "保障措施一共有几条？",
        "黑龙江可以借助广东的什么平台开展对外贸易",
        "Which city is Harbin paired with?",
        "去黑龙江投资的企业能享受什么补贴",
        "哈尔滨跟哪个城市结对？",
        "哈尔滨的对口城市是哪个？",
        "广州跟黑龙江哪个城市结对？",
        "方案里说中国—俄罗斯博览会要在深圳办，对吧？",
        "廣州和哈爾濱是對口城市嗎？",
        "参加中国—俄罗斯博览会的广东企业展位费是不是减免一半？",
        "深圳证券交易所创业板的上市条件是什么？",
        "对口合作领导小组办公室的电话是多少？",
        "我身边的企业怎么参与冰雪旅游合作？",
        "粤企能参与黑国企混改吗",
        "Which organisation handles the daily work of the counterpart cooperation?",
        "方案说广东给黑龙江企业贷款贴息3个点，真的吗？",
        "对口合作重点项目落地时遇到用地、融资的问题，有没有专人负责协调？",
        "广州、深圳和哈尔滨会举办农产品产销对接活动吗？",
        "黑龙江企业在广东办厂，厂房租金多少钱一平？",
        "广州和深圳会举办农产品产销对接活动吗？",
        "黑龙江在广东租仓建储备基地，存的主要是哪些粮？",
        "广东在黑龙江租仓储备粮食吗",
        "黑龙江的医院能去广东开分院吗？",
        "广东的医院能去黑龙江开分院吗？",
        "黑龙江的社会资本可以在广东发起设立银行吗？",
        "广东企业家来黑龙江参加什么论坛",
        "黑龙江的旅游开发企业来广东整体开发旅游资源，方案有啥要求？",
        "广东那边的企业想来黑龙江开养老院，方案里有没有说咋支持？",
        "黑龙江要在广东建粮食储备库吗？",
        "Does the plan give Guangdong companies a tax discount for investing in Heilongjiang?",
        "考察交流方面，黑龙江去广东看什么，广东来黑龙江又干啥？",
        "粤企借龙江平台出口俄罗斯吗",
        "黑龍江的知名醫院向廣東派專家、去廣東設分院，方案怎麼說的？",
        "广东的知名医院向黑龙江派专家、去黑龙江设分院，方案怎么说的？",
        "我们想和佛山结对搞交流，要走啥程序？",
        "北京的企业能参与对口合作吗",
        "广东在中俄博览会上是什么身份？",
        "方案里说王副省长负责对口合作办公室吗",
        "张教授负责两省智库交流吗",
        "广西企业能参与吗",
        "方案提到白俄罗斯吗",
        "黑龙江哪些旅游度假区请广东金融机构参与建设？",
        "黑龙江企业要借助广东平台做什么",
        "哈市跟粤哪个市结对子？",
        "粤企想来龙江开个小银行或者担保公司，行不行？",
        "How does the plan use PPP to bring Guangdong capital into Heilongjiang?",
        "方案依据哪些国务院文件制定？",
        "黑龙江哪些旅游度假区欢迎广东企业参与建设？",
        "除了哈尔滨以外，黑龙江还有哪些城市跟广东开展交流？",
        "除了深圳，哈尔滨还跟广东哪个城市结对？",
        "金融领域两省有哪些合作？",
        "广东帮黑龙江哪些产品和企业开拓东盟市场",
        "广东储备基地在黑龙江吗？",
        "Does Guangdong help every city in Heilongjiang set up a tech incubator?",
        "科技领域广东给了黑龙江哪些帮助",
        "哈尔滨新区跟深圳哪个区合作？",
        "Does Heilongjiang help Guangdong attract investment?",
        "Does Guangdong help Heilongjiang attract investment?",
        "除了旅游包机，两省在旅游上还有什么合作？",
        "除了双创论坛，两省在创业创新上还有什么合作？",
        "依托黑龙江的干部培训机构给广东干部做培训，都培训哪些人？",
        "依托广东的干部培训机构给黑龙江干部做培训，都培训哪些人？",
        "除了哈尔滨、大庆以外，黑龙江还有哪些城市跟广东开展交流？",
        "Heilongjiang tourism developers are encouraged to develop Guangdong's tourism resources "
        "as a whole - which resort areas are included?",
        "Are Guangdong tourism developers encouraged to develop Heilongjiang's tourism "
        "resources as a whole?",
        "黑龙江的农业龙头企业去广东建饲料加工基地，有啥扶持？",
        "广东的农业龙头企业去黑龙江能干啥",
        "黑龙江帮广东改善航空物流设施吗",
        "黑龙江的工业设计公司怎么帮广东制造提升品牌形象？",
        "广东的工业设计企业怎么跟黑龙江制造企业合作？",
        "把黑龙江自贸区的经验拿到广东复制推广，有哪些经验？",
        "黑龙江的高层次人才怎么对口支持广东的科技创新和企业发展？",
        "粤菜在黑龙江推广吗",
        "How do the two provinces cooperate in culture and media?",
        "这个方案是哪天印发的？",
        "这份实施方案是哪天发出来的？",
        "这份实施方案落款日期是哪天？",
        "方案是谁发布的",
        "Who issued the plan?",
        "我是广东一家养老机构，去黑龙江发展有政策吗",
        "广东企业去黑龙江投资有没有优惠政策",
        "How does Guangdong help Heilongjiang with ice and snow tourism and agriculture?",
        "How are Harbin and Shenzhen paired?",
        "冰雪旅游有没有基金？",
        "这个方案是什么时候通过的？",
        "黑龙江干部到广东挂职有没有相关安排",
        "哈尔滨在深圳共建的示范园区要吸引哪些产业？",
        "深圳在黑龙江共建的示范园区要吸引哪些产业？",
        "对口合作领导小组组长是谁？",
        "对口合作领导小组组长叫什么名字？",
        "黑龙江省的干部培训机构给广东哪些干部做培训？",
        "中俄博览会在哪个展馆开？",
        "机器人和农机装备合作建的智能示范基地怎么建？",
        "Who is the president of the Heilongjiang Guangdong Chamber of Commerce?",
        "Which kinds of Guangdong financial institutions are encouraged to operate in Heilongjiang?",
        "对口合作领导小组组长姓什么？",
        "粮食储备和广东的农业龙头企业有什么合作？",
        "黑龙江的优质农产品怎么进入广东市场？",
        "广东的企业怎么参与黑龙江国企改革？",
    ]
    questions = [CHECK[i]["question"] for i in ids] + extra
    result = planqa("ask", "--json", "-", data_dir=data_dir, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    return dict(zip([*ids, *extra], answers, strict=True))


@pytest.mark.parametrize("kind", sorted(ANSWERED))
def test_answered_question_quotes_its_evidence(replies: dict[str, dict], kind: str):
    item = CHECK[ANSWERED[kind]]
    reply = replies[item["id"]]
    assert not reply["abstained"] and reply["coverage"] in ("answered", "partial"), reply["answer"]
    said = match_form(reply["answer"])
    for evidence in item["evidence"]:
        assert match_form(evidence) in said, (item["question"], reply["answer"])
    assert "[1]" in reply["answer"] or "[2]" in reply["answer"]


@pytest.mark.parametrize("kind", sorted(DECLINED))
def test_unanswerable_question_is_declined_with_what_is_missing(
    replies: dict[str, dict], kind: str
):
    reply = replies[DECLINED[kind]]
    assert reply["abstained"] and reply["coverage"] == "not_covered", reply["answer"]
    assert (
        reply["answer"].startswith("知识库中的方案没有回答")
        or "not answered by the plan" in reply["answer"]
    )
    assert "[1]" not in reply["answer"]  # the nearest clauses are related, not quoted
    assert reply["citations"]


def test_false_premise_names_what_the_plan_lacks(replies: dict[str, dict]):
    discount = replies["方案规定哈尔滨新区的土地出让金能打几折？"]
    assert discount["abstained"] and discount["missing"]
    assert any(m in discount["answer"] for m in discount["missing"])
    mosaic = replies["两省在冰雪运动装备制造上怎么合作？"]
    assert mosaic["abstained"], "装备 and 冰雪 in different clauses are not an answer"
    # said of the word the plan has elsewhere, not as though it never mentioned it
    assert "方案没有把“装备”和问题的其余内容写在一起" in mosaic["answer"], mosaic["answer"]
    # asking for 什么补贴 takes subsidies for granted: the kind asked for is the premise
    subsidy = replies["去黑龙江投资的企业能享受什么补贴"]
    assert subsidy["abstained"] and "补贴" in subsidy["missing"], subsidy["answer"]
    person = replies["省长是谁？"]
    assert person["abstained"] and "姓名" in person["answer"]


@pytest.mark.parametrize("question", ["重点任务分哪几大块？", "保障措施一共有几条？"])
def test_a_question_about_the_outline_lists_the_parts_of_that_heading(
    replies: dict[str, dict], question: str
):
    from ingest import load_document
    from tests.conftest import BUNDLED_PLAN

    plan = load_document(BUNDLED_PLAN)
    heading = next(n for n in plan.outline if n.title in question)
    parts = [n for n in plan.outline if n.key in heading.children]
    reply = replies[question]
    assert not reply["abstained"] and reply["coverage"] == "answered", reply["answer"]
    assert f"分为{len(parts)}个部分" in reply["answer"]
    for n, part in enumerate(parts, 1):
        assert f"{part.number}{part.title}[{n}]" in reply["answer"]
        assert part.title in reply["citations"][n - 1]["label"]  # cited at its own clause


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


def test_a_second_question_the_plan_does_not_answer_makes_the_answer_partial(
    replies: dict[str, dict],
):
    reply = replies["龙江的大米在广东咋卖，开店吗"]
    assert reply["coverage"] == "partial" and reply["missing"] == ["开店"], reply["answer"]
    assert reply["answer"].startswith("方案中没有提到：开店")  # said first, then what it says
    assert "大米" in reply["answer"] and "[1]" in reply["answer"]


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


def test_an_english_refusal_names_what_the_plan_lacks_not_a_word_it_uses(
    replies: dict[str, dict],
):
    # investing is the plan's 投资 (its stem is invest, not investig-ation); tax is not there
    reply = replies[
        "Does the plan give Guangdong companies a tax discount for investing in Heilongjiang?"
    ]
    assert reply["abstained"] and "tax" in reply["missing"], reply["answer"]
    assert "investing" not in reply["missing"], reply["answer"]


def test_the_kind_an_english_question_asks_for_is_no_topic_an_answer_must_name(
    replies: dict[str, dict],
):
    """What types of financial institutions: banks and guarantee companies are the answer,
    as for 哪些金融机构; the plan never says 金融机构 in that sentence."""
    reply = replies[
        "What types of financial institutions can Guangdong private capital set up in Heilongjiang?"
    ]
    assert not reply["abstained"] and "中小型银行" in reply["answer"], reply["answer"]
    # the kind is the phrase's head (projects); nuclear power stays what is asked about
    nuclear = replies["What kinds of nuclear power projects will the two provinces build?"]
    assert nuclear["abstained"] and "nuclear" in nuclear["missing"], nuclear["answer"]
    # "kinds of" only says kinds are asked for, whichever word asks (which, what): never
    # a word the plan is said not to mention
    kinds = replies[
        "Which kinds of Guangdong financial institutions are encouraged to operate in Heilongjiang?"
    ]
    assert "kinds" not in kinds["missing"], kinds["answer"]


def test_an_english_answer_quotes_the_sentence_that_answers_without_padding(
    replies: dict[str, dict],
):
    reply = replies["Which city is Harbin paired with?"]
    assert not reply["abstained"], reply["answer"]
    quoted = [line for line in reply["answer"].splitlines() if line.startswith("- ")]
    assert quoted and "哈尔滨市与深圳市对口合作" in quoted[0], reply["answer"]
    assert len(quoted) == 1, "sentences that only mention 哈尔滨 do not answer"


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


def test_a_thing_asked_about_twice_weighs_once(replies: dict[str, dict]):
    """原油储备基地 beside 粮食储备基地: 储备基地 said twice does not outweigh the 原油 the
    plan never mentions."""
    reply = replies["广东在黑龙江建了粮食储备基地，那原油储备基地建在哪儿？"]
    assert reply["abstained"] and "原油" in reply["missing"], reply["answer"]


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


def test_a_refusal_names_the_fact_asked_for_in_the_questions_words(replies: dict[str, dict]):
    phone = replies["对口合作领导小组办公室的电话是多少？"]  # a phone number is no 数额
    assert phone["abstained"] and phone["missing"] == ["对口合作领导小组办公室的电话"]
    assert "方案没有给出对口合作领导小组办公室的电话" in phone["answer"]
    rent = replies["黑龙江企业在广东办厂，厂房租金多少钱一平？"]  # 钱一平 is no person
    assert rent["abstained"] and not any("钱" in m for m in rent["missing"]), rent["answer"]


def test_common_english_words_of_how_work_is_run_reach_the_plans_words(
    replies: dict[str, dict],
):
    reply = replies["Which organisation handles the daily work of the counterpart cooperation?"]
    assert not reply["abstained"], reply["answer"]
    assert "领导小组办公室设在省发展改革委，负责对口合作日常工作" in reply["answer"]


def test_percentage_points_the_plan_never_gives_are_named_whole(replies: dict[str, dict]):
    reply = replies["方案说广东给黑龙江企业贷款贴息3个点，真的吗？"]
    assert reply["abstained"] and "3个点" in reply["missing"], reply["answer"]


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


def test_a_yes_no_question_asking_whether_the_plan_has_a_provision_is_answered_by_it(
    replies: dict[str, dict],
):
    # 有政策吗 asks whether the plan provides for the rest, as 有什么政策 does: the sentence
    # that does is the answer, whether or not it says 政策
    assert_answered_quoting(
        replies["我是广东一家养老机构，去黑龙江发展有政策吗"], "养老机构落地黑龙江省"
    )
    # 相关 says which kind, as 安排 does (found through planqa serve)
    assert_answered_quoting(
        replies["黑龙江干部到广东挂职有没有相关安排"], "组织两省干部相互挂职交流学习"
    )
    # but a kind of money the plan never names is still the question's premise, and a
    # thing of its own (基金) the topic
    discount = replies["广东企业去黑龙江投资有没有优惠政策"]
    assert discount["abstained"] and "优惠" in "".join(discount["missing"]), discount["answer"]
    fund = replies["冰雪旅游有没有基金？"]
    assert fund["abstained"] and "基金" in fund["missing"], fund["answer"]


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


def test_an_english_question_reads_a_hyphenated_term_and_a_common_word_as_the_glossary_does(
    built_data_dir: Path, tmp_path: Path
):
    import shutil

    shutil.copytree(built_data_dir, tmp_path / "data")
    asked = "Is there anything about low-carbon development?\nHow will the provinces cooperate on grain security?\n"
    result = planqa("ask", "--json", "-", data_dir=tmp_path / "data", stdin=asked)
    carbon, grain = (json.loads(line) for line in result.stdout.splitlines())
    assert not carbon["abstained"] and "低碳发展" in carbon["answer"], carbon["answer"]
    assert not grain["abstained"] and "粮食安全" in grain["answer"], grain["answer"]  # not 证券


def test_what_a_question_sets_aside_is_no_part_of_its_answer(replies: dict[str, dict]):
    # 除了哈尔滨: the other cities are asked about; the plan's sentence on them never names
    # 哈尔滨, and is the answer
    reply = replies["除了哈尔滨以外，黑龙江还有哪些城市跟广东开展交流？"]
    assert reply["coverage"] == "answered", reply["answer"]
    quoted = [line for line in reply["answer"].splitlines() if line.startswith("- ")]
    assert "其他地市级城市" in quoted[0], reply["answer"]
    # the plan pairs 哈尔滨 with 深圳 only: no other city is confirmed
    assert replies["除了深圳，哈尔滨还跟广东哪个城市结对？"]["abstained"]


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


def test_the_scope_of_what_is_asked_about_is_no_word_an_answer_must_hold(
    replies: dict[str, dict],
):
    # jieba writes 科技领域 as one word: its scope comes apart all the same
    assert_answered_quoting(replies["科技领域广东给了黑龙江哪些帮助"], "科技孵化器")
    # 金融领域 is 金融: the plan's 金融 sentences answer, though none says 领域 beside it
    assert_answered_quoting(replies["金融领域两省有哪些合作？"], "金融")


def test_no_reply_quotes_a_sentence_twice(replies: dict[str, dict]):
    # a sentence answering two parts of a question (哪些产品和企业) is quoted once
    for question, reply in replies.items():
        quoted = [line for line in reply["answer"].splitlines() if line.startswith("- ")]
        assert len(quoted) == len(set(quoted)), (question, reply["answer"])


def test_a_clipped_english_word_is_the_word_it_begins(replies: dict[str, dict]):
    # tech is technology (科技), the one glossary word it begins
    assert_answered_quoting(
        replies["Does Guangdong help every city in Heilongjiang set up a tech incubator?"],
        "科技孵化器",
    )


def test_things_an_english_question_joins_with_and_are_each_answered(replies: dict[str, dict]):
    # as 文化和媒体: the plan speaks of each in its own sentence, no sentence of both
    reply = replies["How do the two provinces cooperate in culture and media?"]
    assert_answered_quoting(reply, "文化交流新渠道", "影视媒体")
    # but a term of the glossary joined by "and" is one thing (ice and snow: 冰雪)
    both = replies[
        "How does Guangdong help Heilongjiang with ice and snow tourism and agriculture?"
    ]
    assert_answered_quoting(both, "冰雪", "农业")
    # and places joined by "and" are a pairing, asked of the one sentence that pairs them
    paired = replies["How are Harbin and Shenzhen paired?"]
    quoted = [line for line in paired["answer"].split("\n\n")[0].splitlines() if line[:2] == "- "]
    assert quoted == ["- 哈尔滨市与深圳市对口合作。[1]"], paired["answer"]


@pytest.mark.parametrize(
    "question",
    [
        "这个方案是哪天印发的？",
        "这份实施方案是哪天发出来的？",
        "这份实施方案落款日期是哪天？",
        "方案是谁发布的",
        "Who issued the plan?",
    ],
)
def test_when_and_by_whom_the_plan_was_issued_is_quoted_from_its_signature(
    replies: dict[str, dict], question: str
):
    # no clause says so; the covering notice is signed 国家发展改革委, 2018年3月17日
    assert_answered_quoting(replies[question], "国家发展改革委", "2018年3月17日")


def test_a_head_line_is_quoted_only_for_the_event_it_states(replies: dict[str, dict]):
    # the plan was issued, never adopted: the notice's own sentence 两省将通过市场化方式…
    # holds 通过 but states no adoption
    reply = replies["这个方案是什么时候通过的？"]
    assert "两省将通过市场化方式" not in reply["answer"].split("\n\n")[0], reply["answer"]


def test_a_sentence_without_one_of_the_parties_related_does_not_pair_them(
    replies: dict[str, dict],
):
    # the plan's 哈尔滨新区 sentence names no 深圳: no district of 深圳 is confirmed as its partner
    reply = replies["哈尔滨新区跟深圳哪个区合作？"]
    assert reply["abstained"] and reply["coverage"] == "not_covered", reply["answer"]


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


def test_a_place_asked_as_where_something_is_built_is_not_the_side_that_builds(
    replies: dict[str, dict],
):
    # 深圳市在黑龙江省合作共建…示范园区: the park is built in 黑龙江 by 深圳, not in 深圳
    wrong = replies["哈尔滨在深圳共建的示范园区要吸引哪些产业？"]
    assert wrong["abstained"] and wrong["coverage"] == "not_covered", wrong["answer"]
    assert_answered_quoting(
        replies["深圳在黑龙江共建的示范园区要吸引哪些产业？"], "吸引优势产业集聚"
    )


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


def test_a_kind_of_place_the_plan_never_names_is_not_answered_by_another_place(
    replies: dict[str, dict],
):
    # the plan names no 展馆 at all: the 博览会 sentence names 广东省, no venue
    reply = replies["中俄博览会在哪个展馆开？"]
    assert reply["abstained"] and reply["missing"] == ["中俄博览会的具体地点"], reply["answer"]


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
