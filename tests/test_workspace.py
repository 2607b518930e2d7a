"""The three users' workspaces over the bundled plan: what each view shows."""

import csv
import io
import re

import pytest

from app.workspaces.duties import (
    ACTS,
    POSTED,
    SUPPORTED,
    canonical_party,
    party_names,
    to_csv,
)
from app.workspaces.handout import to_csv as quiz_csv
from app.workspaces.handout import to_markdown
from app.workspaces.profile import EnterpriseProfile, provinces
from app.workspaces.support import MATCHES
from app.workspaces.timeline import time_nodes
from app.workspaces.workspace import Workspace
from tests.conftest import PLAN_ID

pytestmark = pytest.mark.slow
MANUFACTURER = "我们是深圳的一家民营新能源汽车零部件企业，想在哈尔滨建厂"


@pytest.fixture(scope="module")
def workspace(service):
    return Workspace(service.kb)


def found_clauses(groups):
    return {item.clause_id.split(":")[1] for g in groups for item in g.items}


def sentences_of(groups):
    return [s for g in groups for i in g.items for s in i.sentences]


def test_care_home_operator_from_guangdong_finds_the_elderly_care_clause(workspace):
    groups = workspace.find_support(
        EnterpriseProfile("我们在广东经营养老院，想到黑龙江发展", industries=("养老",))
    ).groups
    assert "4.2.10" in found_clauses(groups)
    assert any("养老机构落地黑龙江省" in s for s in sentences_of(groups))
    assert all(i.note for g in groups for i in g.items)
    assert not any("农业产业化龙头企业" in s for s in sentences_of(groups))  # for farm firms


def test_private_capital_wanting_a_guarantee_company_finds_task_3(workspace):
    groups = workspace.find_support(
        EnterpriseProfile(
            "民营资本，计划设立一家融资担保公司", ownership="民营", wants="设立金融机构"
        )
    ).groups
    financing = next(g for g in groups if g.kind == "financing")
    assert financing.items[0].clause_id == f"{PLAN_ID}:4.1.3"
    assert any("融资担保公司" in s for s in financing.items[0].sentences)
    assert "具备条件" in financing.items[0].note


def test_support_needs_a_description(workspace):
    with pytest.raises(ValueError, match="描述企业"):
        workspace.find_support(EnterpriseProfile(""))


def test_shenzhen_car_parts_maker_reads_its_profile_and_finds_what_concerns_it(workspace):
    result = workspace.find_support(EnterpriseProfile(MANUFACTURER))
    used = result.profile
    assert (used.origin, used.destination, used.ownership) == ("广东", "黑龙江", "民营")
    assert {"装备制造", "新兴产业"} <= set(used.industries) and used.cities == ("深圳", "哈尔滨")
    assert used.wants == "投资"  # 想在哈尔滨建厂
    assert {"3", "4.2.6", "5.5", "4.1.3", "4.1.4"} <= found_clauses(result.groups)
    said = " ".join(sentences_of(result.groups))
    assert "广东省制造业企业在黑龙江省设立研发制造基地" in said and "哈尔滨市与深圳市" in said
    # 3.民营经济发展: Guangdong's private capital, in PPP projects and new small banks
    private = next(i for i in result.items if i.clause_id.endswith(":4.1.3"))
    assert "所有制：民营" in private.reasons
    assert "PPP" in " ".join(private.sentences) and "中小型银行" in " ".join(private.sentences)
    # 4.对内对外开放 names its parts directly: 汽车零配件、汽车电子 are equipment makers' goods
    opening = next(i for i in result.items if i.clause_id.endswith(":4.1.4"))
    assert "行业：装备制造" in opening.reasons and "汽车零配件" in opening.sentences[0]
    for other in ("首次公开募股", "在俄罗斯建设", "农产品产销对接"):
        assert other not in said  # for 黑龙江 firms, abroad, another industry
    pairing = next(g for g in result.groups if g.kind == "pairing")
    assert pairing.items[0].sentences == ["哈尔滨市与深圳市对口合作。"]  # marks one sentence
    assert result.unmet == []


def test_support_for_the_car_parts_maker_is_ranked_industry_then_place_then_general(workspace):
    items = workspace.find_support(EnterpriseProfile(MANUFACTURER)).items
    order = [i.clause_id.split(":")[1] for i in items]
    assert order == ["4.2.6", "4.2.7", "4.1.3", "4.1.4", "5.4", "3", "4.4.16", "5.5"]
    assert [i.match for i in items] == sorted(i.match for i in items)
    headings = {i.clause_id.split(":")[1]: MATCHES[i.match] for i in items}
    # 装备制造 and 设立 (it wants to invest), 新兴产业 (新能源), private capital invited to
    # invest, its car parts; then 哈尔滨市与深圳市对口合作; then the green channel for all
    assert {c for c, h in headings.items() if h == "与企业的行业或想做的事直接相关"} == {
        "4.2.6", "4.2.7", "4.1.3", "4.1.4", "5.4"
    }  # fmt: skip
    assert headings["3"] == headings["4.4.16"] == "与企业的所在地、去向或所有制相关"
    assert headings["5.5"] == "对口合作项目普遍适用的支持"


@pytest.mark.parametrize(
    ("description", "wants"),
    [
        (MANUFACTURER, "投资"),
        ("广州的旅游公司想在哈尔滨设厂", "投资"),
        ("深圳一家电子商务企业想投资黑龙江", "投资"),
        ("黑龙江的一家粮食企业，想到深圳上市", "上市融资"),
        ("我们在广东经营养老院，想到黑龙江发展", "养老服务"),
        ("广东的制造企业，希望在黑龙江享受减税", ""),
    ],
)
def test_the_description_fills_what_the_enterprise_wants(workspace, description, wants):
    result = workspace.find_support(EnterpriseProfile(description))
    assert result.profile.wants == wants
    assert not set(result.unmet) & {"建厂", "设厂", "投资", "上市"}  # read, so not unmet


def test_a_request_the_plan_does_not_meet_is_named(workspace):
    result = workspace.find_support(EnterpriseProfile("广东的制造企业，希望在黑龙江享受减税"))
    assert result.unmet == ["减税"]


def test_quiz_answers_are_in_their_cited_clause_and_reproducible(workspace):
    clauses = {c.clause_id: c for c in workspace.clauses()}
    quiz = workspace.quiz(20, seed=7)
    questions = quiz.questions
    assert len(questions) == 20
    for q in questions:
        assert q.answer in clauses[q.clause_id].text
        assert q.citation in clauses[q.clause_id].text
        stem = q.question.split("填空：", 1)[1]
        assert "____" in stem and q.answer not in stem  # the question does not give it away
        if q.kind == "multiple_choice":
            assert q.answer in q.options and len(set(q.options)) == 4
    assert workspace.quiz(20, seed=7).questions == questions
    assert workspace.quiz(20, seed=8).questions != questions
    assert workspace.quiz(20).questions != workspace.quiz(20).questions  # no seed: a new quiz
    stems = [q.question.split("填空：")[0] for q in questions]
    assert not any(" › " in s for s in stems)  # not the whole outline path


def test_distractors_are_of_the_answers_kind(workspace):
    parts = [None] * 12 + ["4.2.8"] * 6  # 8.农业和绿色食品产业 names cities: 广州、深圳、哈尔滨
    asked = [q for i, p in enumerate(parts) for q in workspace.quiz(30, i, p).questions]
    questions = [q for q in asked if q.options]
    bodies = {canonical_party(n) for n in party_names()}
    cities = {c for p in provinces() for c in p.cities}
    kinds = set()
    for q in questions:
        others = [o for o in q.options if o != q.answer]
        if re.fullmatch(r"\d{4}年", q.answer):
            kinds.add("year")  # the plan's task years (2018—2020) and those next to the answer
            assert all(re.fullmatch(r"20(1[89]|2[0-2])年", o) for o in others), q.options
        elif q.answer in bodies:
            kinds.add("body")
            assert all(o in bodies for o in others), q.options
        elif q.answer in cities:
            kinds.add("city")  # 深圳 in 定期在广州、深圳、哈尔滨等市举办…
            assert all(o in cities for o in others), q.options
        else:
            kinds.add("item")
            assert not any(o in cities or o in bodies for o in others), q.options
            if q.answer.endswith("装备"):
                assert all(o.endswith(("装备", "机床", "制造")) for o in others), q.options
        assert len(set(q.options)) == 4 and not any(o in q.citation for o in others)
    assert kinds == {"year", "body", "city", "item"}
    # items of one head noun: 生态环境 is asked beside 市场环境, 金融环境…, never beside 基金公司
    environments = [q for q in questions if q.answer.endswith("环境")]
    assert environments and all(o.endswith("环境") for q in environments for o in q.options)


def test_a_quiz_asks_each_fact_once_and_offers_no_second_right_option(workspace):
    quizzes = [workspace.quiz(30, seed).questions for seed in range(12)]
    provinces_ = {"广东省", "黑龙江省"}
    bodies = {canonical_party(n) for n in party_names()}
    guangdong = next(p for p in provinces() if p.name == "广东").cities
    for questions in quizzes:
        answers = [q.answer for q in questions]
        assert len(answers) == len(set(answers))  # 到2020年 and 2020年，总结… are one fact
        for q in questions:
            others = [o for o in q.options if o != q.answer]
            for year in (o for o in others if re.fullmatch(r"\d{4}年", o)):
                assert int(year[:4]) >= 2018, q.options  # the plan is of 2018
            if q.answer == "两省" or q.answer in provinces_:
                assert not q.options, q  # 两省 is right wherever 广东省 is, and there is
                # no third province: asked as a fill-in question
            for o in others if q.answer in bodies else ():  # who does it
                assert o not in q.citation and not (  # 赴广东省考察: not 广东省, 深圳市
                    "广东省" in q.citation and o.removesuffix("市") in guangdong
                ), q.options
            # a blank covers a whole item: not 研究互设城市主题日、____和旅游、“候鸟”…
            # (举办文化交流 of 举办文化交流和旅游) nor 政府搭台、____与 (社会参 of 社会参与)
            rest = q.citation.split(q.answer, 1)[1]
            assert not re.match(r"[和及与]([\u4e00-\u9fff]{1,12}、|[，。；])", rest), q.citation
    asked = {q.answer for questions in quizzes for q in questions}
    assert not asked & {"举办文化交流", "社会参"}


def test_quiz_shows_the_clauses_around_the_blank_not_the_paragraph(workspace):
    questions = workspace.quiz(30, seed=3).questions
    stems = [q.question.split("填空：", 1)[1] for q in questions]
    assert sum(map(len, stems)) < 0.8 * sum(len(q.citation) for q in questions)
    for q, stem in zip(questions, stems, strict=True):
        shown = stem.strip("…")
        assert shown.replace("____", q.answer) in q.citation  # the plan's own words
    goals = [workspace.quiz(1, seed, "2").questions[0] for seed in range(20)]  # 二、总体目标
    goal = next(q.question for q in goals if q.answer == "定期会商")
    assert goal.endswith(
        "填空：到2020年，两省对口合作取得重要实质性成果，"
        "建立起横向联动、纵向衔接、____、运转高效的工作机制……"
    )


def test_asking_more_than_a_part_holds_says_so(workspace):
    quiz = workspace.quiz(30, seed=1, part="5")
    assert len(quiz.questions) < 30
    assert f"只能出 {len(quiz.questions)} 道题（要求 30 道）" in quiz.shortfall()
    assert quiz.part == "五、保障措施"


def test_quiz_for_one_part_and_exports(workspace):
    quiz = workspace.quiz(3, seed=1, part="5")
    questions = quiz.questions
    assert all(q.label.startswith("五、保障措施") for q in questions)
    markdown = to_markdown(quiz, "方案")
    assert "答案与出处" in markdown and questions[0].answer in markdown
    rows = list(csv.DictReader(io.StringIO(quiz_csv(quiz))))
    assert [r["答案"] for r in rows] == [q.answer for q in questions]
    assert not any(PLAN_ID in value for row in rows for value in row.values())
    with pytest.raises(ValueError, match="没有找到条款"):
        workspace.quiz(3, part="9.9")


def test_outline_tree_holds_every_clause(workspace):
    tree = workspace.outline()[0]
    assert tree.label == "黑龙江省与广东省对口合作实施方案"
    assert [c.label for c in tree.children][:2] == ["前言", "一、指导思想"]
    measures = tree.children[-1]
    assert measures.label == "五、保障措施" and len(measures.children) == 7
    assert "领导小组办公室设在省发展改革委" in measures.children[0].text


def test_duties_pin_the_plans_facts(workspace):
    rows = workspace.duties()
    facts = {(r.party, r.action, r.role) for r in rows}
    # who holds a post and where an office sits are no tasks: a kind of their own
    assert ("省长", "任组长", POSTED) in facts
    assert ("领导小组办公室", "设在省发展改革委", POSTED) in facts
    assert ("常务副省长", "牵头推进", ACTS) in facts
    assert {r.party for r in rows if r.role == POSTED} == {"省长", "领导小组办公室"}
    guangdong = workspace.duties("广东")
    assert guangdong and all(r.party == "广东省" for r in guangdong)
    assert any(r.role == ACTS and r.action.startswith("协助黑龙江省") for r in guangdong)
    assert {r.party for r in workspace.duties("省长")} == {"省长"}  # not 常务副省长
    table = list(csv.DictReader(io.StringIO(to_csv(guangdong))))
    assert len(table) == len(guangdong) and table[0]["单位"] == "广东省"
    actions = {r.action for r in rows}
    assert "加强两省在加快转变政府职能等方面的经验交流" in actions  # whole phrase, list elided
    assert "加强两省在加快转变政府职能" not in actions


def test_duties_are_whole_task_phrases(workspace):
    rows = workspace.duties()
    actions = {r.action for r in rows}
    # a comma inside 在…方面 ends no phrase; the explanation in brackets is left out
    assert "加强在优化投资营商环境，开展“一门一网式”政务服务等方面的经验交流" in actions
    assert "加强在优化投资营商环境" not in actions
    # a clause of means runs on to the task it serves
    assert "利用广东省对外开放合作资源，共同拓展东盟市场" in actions
    # 两省组织部门 is one party (not 两省 + 组织), and 争取国家有关部门支持 is no duty of theirs;
    # what they settle stands before them: 具体事宜由两省组织部门…协商确定
    facts = {(r.party, r.action) for r in rows}
    assert ("两省组织部门", "协商确定具体事宜") in facts
    assert not any(r.party == "国家有关部门" for r in rows)
    for action in actions:
        assert action.count("（") == action.count("）") and action.count("“") == action.count("”")
        assert not action.endswith(("、", "在", "和")), action


def test_duties_are_read_from_each_partys_side_once(workspace):
    rows = workspace.duties()
    by_party: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        by_party.setdefault((r.party, r.role), []).append(r.action)
    # the task's verb phrase, past the list of the helped firms and the means
    task = "发电装备等优势产品企业，利用广东省经贸交流平台，开展对外贸易及经济技术合作"
    assert "协助黑龙江省的" + task in by_party["广东省", ACTS]
    # the helped side reads what it receives, not 黑龙江省｜受支持｜协助黑龙江省…
    received = by_party["黑龙江省", SUPPORTED]
    assert "获广东省协助：黑龙江省的" + task in received
    assert "获协助：黑龙江省开展招商引资" in received
    assert not any(a.startswith(("协助黑龙江省", "支持黑龙江省")) for a in received)
    assert "开展招商引资" not in by_party["黑龙江省", ACTS]  # it is helped to, not charged with it
    # no near-duplicates: 推动两省建立… is 两省's task 建立…, not a second row beside it
    for row in rows:
        for other in rows:
            if other is not row and (other.party, other.sentence) == (row.party, row.sentence):
                assert row.action not in other.action, (row.action, other.action)
    farming = [r for r in rows if r.sentence.startswith("推动两省建立农业") and r.party == "两省"]
    assert [(r.role, r.action) for r in farming] == [(ACTS, "建立农业和绿色食品长期产销对接关系")]


def test_timeline_has_the_two_phases(workspace):
    rows = workspace.timeline()
    phases = {(m.when, m.clause_id.split(":")[1]) for m in rows}
    assert ("2018—2019年", "5.6") in phases and ("2020年", "5.6") in phases
    assert ("到2020年", "2") in phases
    assert any(m.when == "每年" for m in rows)


def test_timeline_leaves_out_years_that_belong_to_names(workspace):
    rows = workspace.timeline()
    whens = [m.when for m in rows]
    assert "2016—2020年" not in whens  # 《职业教育东西协作行动计划（2016—2020年）》
    assert "三年" not in whens  # 新兴产业三年行动计划, a plan's name
    goal = [m.when for m in rows if m.clause_id.endswith(":2")]
    assert goal == ["到2020年"]  # not 定期 of 定期会商…的工作机制 as well
    phases = [m.when for m in rows if m.clause_id.endswith(":5.6")]
    assert phases == ["2018—2019年", "2020年"]  # not 年度 of 年度工作计划 inside a phase
    plans = [m.when for m in rows if m.clause_id.endswith(":5.2")]
    assert plans == ["年度"]  # 制定年度工作计划: how often, when nothing else says when
    assert len(rows) == 10


@pytest.mark.parametrize(
    ("sentence", "nodes"),
    [
        ("2018年底前完成园区规划。", ["2018年底前"]),
        ("两省要每年举办一次联席会议。", ["每年"]),
        ("三年内建成一批示范园区。", ["三年内"]),
        ("2018年起，每季度通报一次进展。", ["2018年起", "每季度"]),
        ("落实好《职业教育东西协作行动计划（2016—2020年）》。", []),
        ("与黑龙江省培育和发展新兴产业三年行动计划对接。", []),
        ("确定2020年的重点任务。", []),
    ],
)
def test_a_time_is_a_node_by_its_role_in_the_sentence(sentence, nodes):
    assert [n.when for n in time_nodes(sentence)] == nodes
