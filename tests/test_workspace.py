"""The three users' workspaces over the bundled plan: what each view shows."""

import csv
import io

import pytest

from app.workspaces.duties import to_csv
from app.workspaces.quiz import to_csv as quiz_csv
from app.workspaces.quiz import to_markdown
from app.workspaces.support import EnterpriseProfile
from app.workspaces.workspace import Workspace
from tests.conftest import PLAN_ID

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def workspace(service):
    return Workspace(service.kb)


def found_clauses(groups):
    return {item.clause_id.split(":")[1] for g in groups for item in g.items}


def test_care_home_operator_from_guangdong_finds_the_elderly_care_clause(workspace):
    groups = workspace.find_support(
        EnterpriseProfile("我们在广东经营养老院，想到黑龙江发展", origin="广东", industry="养老")
    )
    assert "4.2.10" in found_clauses(groups)
    sentences = [s for g in groups for i in g.items for s in i.sentences]
    assert any("养老机构落地黑龙江省" in s for s in sentences)
    assert all(i.note for g in groups for i in g.items)


def test_private_capital_wanting_a_guarantee_company_finds_task_3(workspace):
    groups = workspace.find_support(
        EnterpriseProfile(
            "民营资本，计划设立一家融资担保公司", ownership="民营", wants="设立金融机构"
        )
    )
    financing = next(g for g in groups if g.kind == "financing")
    assert financing.items[0].clause_id == f"{PLAN_ID}:4.1.3"
    assert any("融资担保公司" in s for s in financing.items[0].sentences)
    assert "具备条件" in financing.items[0].note


def test_support_needs_a_description(workspace):
    with pytest.raises(ValueError, match="描述企业"):
        workspace.find_support(EnterpriseProfile(""))


def test_quiz_answers_are_in_their_cited_clause_and_reproducible(workspace):
    clauses = {c.clause_id: c for c in workspace.clauses()}
    questions = workspace.quiz(20, seed=7)
    assert len(questions) == 20
    for q in questions:
        assert q.answer in clauses[q.clause_id].text
        assert q.citation in clauses[q.clause_id].text
        stem = q.question.split("填空：", 1)[1]
        assert "____" in stem and q.answer not in stem  # the question does not give it away
        if q.kind == "multiple_choice":
            assert q.answer in q.options and len(set(q.options)) == 4
    assert workspace.quiz(20, seed=7) == questions
    assert workspace.quiz(20, seed=8) != questions


def test_quiz_for_one_part_and_exports(workspace):
    questions = workspace.quiz(3, seed=1, part="5")
    assert all(q.label.startswith("五、保障措施") for q in questions)
    markdown = to_markdown(questions, "方案")
    assert "答案与出处" in markdown and questions[0].answer in markdown
    rows = list(csv.DictReader(io.StringIO(quiz_csv(questions))))
    assert [r["answer"] for r in rows] == [q.answer for q in questions]
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
    facts = {(r.party, r.action) for r in rows}
    assert ("省长", "任组长") in facts
    assert ("领导小组办公室", "设在省发展改革委") in facts
    assert ("常务副省长", "牵头推进") in facts
    guangdong = workspace.duties("广东")
    assert guangdong and all(r.party == "广东省" for r in guangdong)
    assert any(r.role == "主体" and r.action.startswith("协助黑龙江省") for r in guangdong)
    assert {r.party for r in workspace.duties("省长")} == {"省长"}  # not 常务副省长
    table = list(csv.DictReader(io.StringIO(to_csv(guangdong))))
    assert len(table) == len(guangdong) and table[0]["party"] == "广东省"


def test_timeline_has_the_two_phases(workspace):
    rows = workspace.timeline()
    phases = {(m.when, m.clause_id.split(":")[1]) for m in rows}
    assert ("2018—2019年", "5.6") in phases and ("2020年", "5.6") in phases
    assert ("到2020年", "2") in phases
    assert any(m.when == "每年" for m in rows)
