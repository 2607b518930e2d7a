"""The trainer's workspace over the bundled plan: quizzes (培训测验) whose answers are in
their cited clause, reproducible by seed, with distractors of the answer's kind, and
their exports."""

import csv
import io
import re

import pytest

from app.workspaces.duties import canonical_party, party_names
from app.workspaces.handout import to_csv as quiz_csv
from app.workspaces.handout import to_markdown
from app.workspaces.profile import provinces
from tests.conftest import PLAN_ID

pytestmark = pytest.mark.slow


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
