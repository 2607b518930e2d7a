from pathlib import Path

from ingest import load_document
from ingest.pipeline import parse_text
from tests.conftest import BUNDLED_PLAN, PLAN_ID

TASK_TITLES = [
    "行政管理体制改革", "国有企业改革", "民营经济发展", "对内对外开放", "发展理念共享",
    "装备制造业等优势产业", "新兴产业", "农业和绿色食品产业", "金融和物流业",
    "文化、旅游和健康产业", "科技研发与转化", "高校院所交流合作", "创业创新合作",
    "加强人力资源交流合作", "功能区对接", "合作园区共建", "重点城市合作", "多层次合作体系建设",
]  # fmt: skip
MEASURE_TITLES = [
    "完善工作机制", "编制具体实施方案", "推进干部人才交流培训", "积极争取国家政策支持",
    "创造良好合作环境", "明确推进时序", "加强督查评估",
]  # fmt: skip


def test_bundled_plan_outline():
    doc = load_document(BUNDLED_PLAN)
    assert doc.doc_id == PLAN_ID
    assert doc.title == "黑龙江省与广东省对口合作实施方案"
    assert (doc.issuer, doc.date) == ("国家发展改革委", "2018年3月17日")
    sections = [n for n in doc.outline if n.kind == "section"]
    assert [n.label for n in sections] == [
        "一、指导思想", "二、总体目标", "三、对口合作关系", "四、重点任务", "五、保障措施",
    ]  # fmt: skip
    tasks_section = sections[3]
    subsections = [n for n in doc.outline if n.key in tasks_section.children]
    assert [n.title for n in subsections] == [
        "加强改革经验交流，推进两省体制机制创新",
        "开展产业务实合作，加快结构调整步伐",
        "共促科技成果转化，提升创业创新水平",
        "搭建合作平台载体，探索共赢发展新路",
    ]
    tasks = [c for c in doc.clauses if c.kind == "item"]
    assert [c.title for c in tasks] == TASK_TITLES
    assert [c.number for c in tasks] == [f"{n}." for n in range(1, 19)]
    measures = [c for c in doc.clauses if c.key.startswith("5.")]
    assert [c.title for c in measures] == MEASURE_TITLES
    assert measures[0].label == "五、保障措施 › （一）完善工作机制"


def test_notice_fragment_is_metadata_not_a_clause():
    doc = load_document(BUNDLED_PLAN)
    assert "创投基金、天使基金" in doc.notice
    assert len(doc.clauses) == 1 + 3 + 18 + 7  # 前言, 一–三, 18 tasks, 7 measures
    assert not any("2018年3月17日" in c.text for c in doc.clauses)
    assert doc.clauses[0].label == "前言" and doc.clauses[0].text.startswith("为深入实施")


def test_task_four_is_one_clause_of_five_paragraphs():
    doc = load_document(BUNDLED_PLAN)
    task4 = next(c for c in doc.clauses if c.clause_id == f"{PLAN_ID}:4.1.4")
    assert task4.text.count("\n") == 4
    assert "港澳地区" in task4.text and "每年举办项目对接" in task4.text


def test_clause_ids_are_stable_across_runs(tmp_path: Path):
    first = load_document(BUNDLED_PLAN)
    copy = tmp_path / BUNDLED_PLAN.name
    copy.write_bytes(BUNDLED_PLAN.read_bytes())
    second = load_document(copy)
    assert [c.clause_id for c in first.clauses] == [c.clause_id for c in second.clauses]
    assert first.content_hash == second.content_hash


def test_regulation_shape_chapters_articles_items():
    text = "\n".join([
        "黑龙江省优化营商环境条例",
        "第一章 总则",
        "第一条 为了优化营商环境，制定本条例。",
        "第二条 本条例适用于本省行政区域。",
        "第二章 市场环境",
        "第三条 有下列情形之一的，应当予以纠正：",
        "（一）设置不合理条件的；",
        "（二）限制企业迁移的。",
        "前款规定的情形，由省发展改革委负责。",
    ])  # fmt: skip
    doc = parse_text(text, "regulation", "regulation.txt")
    assert doc.title == "黑龙江省优化营商环境条例"
    assert [c.label for c in doc.clauses] == [
        "第一章 总则 › 第一条", "第一章 总则 › 第二条", "第二章 市场环境 › 第三条",
    ]  # fmt: skip
    article3 = doc.clauses[2]
    assert "（二）限制企业迁移的。" in article3.text and "前款规定的情形" in article3.text


def test_numbered_list_inside_a_task_stays_in_the_task():
    text = "方案\n一、重点任务\n1.金融合作。支持以下事项：\n（1）设立银行；\n（2）设立担保公司。\n2.物流合作。降低成本。"
    doc = parse_text(text, "d", "d.txt")
    assert [c.title for c in doc.clauses] == ["金融合作", "物流合作"]
    assert "（2）设立担保公司。" in doc.clauses[0].text
