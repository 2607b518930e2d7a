"""The officials' workspaces over the bundled plan: the outline (方案目录), who does what
(责任分工) and when (时间节点)."""

import csv
import io

import pytest

from app.web.outline_tab import outline_html
from app.workspaces.duties import ACTS, POSTED, SUPPORTED, to_csv
from app.workspaces.outline import count_matches
from app.workspaces.timeline import time_nodes

pytestmark = pytest.mark.slow


def test_outline_tree_holds_every_clause(workspace):
    tree = workspace.outline()[0]
    assert tree.label == "黑龙江省与广东省对口合作实施方案"
    assert [c.label for c in tree.children][:2] == ["前言", "一、指导思想"]
    measures = tree.children[-1]
    assert measures.label == "五、保障措施" and len(measures.children) == 7
    assert "领导小组办公室设在省发展改革委" in measures.children[0].text


def test_outline_search_counts_what_it_marks(workspace):
    trees = workspace.outline()
    shown = outline_html(trees, "融资")  # 7 places in 5 clauses, each place marked
    assert "找到 7 处“融资”，分布在 5 条中。" in shown and shown.count("<mark>") == 7
    assert count_matches(trees, "融资").said("融资") == "找到 7 处“融资”，分布在 5 条中。"
    shown = outline_html(trees, "绿色通道")
    assert "找到 1 处“绿色通道”。" in shown and shown.count("<mark>") == 1
    assert "目录和条款中没有“减税”。" in outline_html(trees, "减税")


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
