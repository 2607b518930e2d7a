"""Asking with the ``planqa`` command, as a user runs it (subprocesses, real model, real
Chroma): ``planqa ask`` (JSON, one line per question from standard input, a declined
question, an empty one, limited by document metadata), ``planqa eval`` and the
workspace commands (outline, quiz, duties, timeline, support)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PLAN_ID
from tests.helpers import planqa, write_ice_notice

pytestmark = pytest.mark.slow


def test_ask_json_prints_one_object_with_citations(copied_data_dir: Path):
    result = planqa("ask", "领导小组办公室设在哪里？", "--json", data_dir=copied_data_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["mode"] == "extractive" and data["abstained"] is False
    assert data["citations"][0]["clause_id"] == f"{PLAN_ID}:5.1"
    assert data["citations"][0]["label"] == "五、保障措施 › （一）完善工作机制"


def test_ask_stdin_answers_one_json_line_per_question(copied_data_dir: Path):
    questions = "两省高校怎么合作？\n\n吉林省与浙江省的对口合作由谁牵头？\n中医药有合作吗？\n"
    result = planqa("ask", "--json", "-", data_dir=copied_data_dir, stdin=questions)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["abstained"] for line in lines] == [False, True, False]
    assert lines[1]["citations"], "declined questions still show the nearest clauses"
    assert lines[1]["answer"].endswith("以下是最接近的条款，仅供参考，不构成答案。")  # listed after


def test_ask_declined_says_the_nearest_clauses_follow_and_prints_them(copied_data_dir: Path):
    result = planqa("ask", "黑龙江省2019年的GDP是多少？", data_dir=copied_data_dir)
    assert result.returncode == 0, result.stderr
    text, blank, first, *_ = result.stdout.splitlines()
    assert text.startswith("知识库中的方案没有回答这个问题")
    assert text.endswith("以下是最接近的条款，仅供参考，不构成答案。") and blank == ""
    assert first.startswith("[1] 《黑龙江省与广东省对口合作实施方案》")  # right after it


def test_empty_question_is_a_clear_message(copied_data_dir: Path):
    result = planqa("ask", "  ", data_dir=copied_data_dir)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "请输入问题" in result.stderr


def test_eval_prints_the_metrics(copied_data_dir: Path, tmp_path: Path):
    eval_file = tmp_path / "mini.jsonl"
    items = [
        {"id": "a", "question": "年度工作计划报送给谁？", "answerable": True, "evidence": ["报送两省发展改革委"]},
        {"id": "b", "question": "哈尔滨冰雪大世界门票多少钱？", "answerable": False, "evidence": []},
    ]  # fmt: skip
    eval_file.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), "utf-8")
    result = planqa("eval", str(eval_file), "--json", data_dir=copied_data_dir)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["questions"] == 2
    assert summary["hit@5"] == 1.0 and summary["answered_in_full"] == 1.0
    assert summary["declined"] == 1.0 and summary["false_premises_confirmed"] == 0
    assert set(summary["by_type"]) == {"other"}
    table = planqa("eval", str(eval_file), data_dir=copied_data_dir).stdout
    assert "in full" in table and "confirmed" in table  # the table a person reads


def test_workspace_commands_print_json(copied_data_dir: Path):
    outline = json.loads(planqa("outline", "--json", data_dir=copied_data_dir).stdout)
    assert outline[0]["label"] == "黑龙江省与广东省对口合作实施方案"
    assert [c["label"] for c in outline[0]["children"]][-1] == "五、保障措施"

    quiz = planqa(
        "quiz", "--n", "4", "--seed", "3", "--part", "4.2", "--json", data_dir=copied_data_dir
    )
    questions = json.loads(quiz.stdout)
    assert len(questions) == 4 and all(
        q["label"].startswith("四、重点任务 › （二）") for q in questions
    )
    assert all(q["answer"] in q["citation"] for q in questions)

    duties = json.loads(
        planqa("duties", "--party", "省长", "--json", data_dir=copied_data_dir).stdout
    )
    assert [(d["party"], d["action"]) for d in duties] == [("省长", "任组长")]

    timeline = json.loads(planqa("timeline", "--json", data_dir=copied_data_dir).stdout)
    assert {"2018—2019年", "2020年"} <= {m["when"] for m in timeline}

    support = planqa(
        "support", "广东的民营企业，想设立融资担保公司", "--origin", "广东", "--json",
        data_dir=copied_data_dir,
    )  # fmt: skip
    groups = json.loads(support.stdout)
    assert any(i["clause_id"].endswith(":4.1.3") for g in groups for i in g["items"])


def test_questions_and_listing_limited_by_document_metadata(copied_data_dir: Path, tmp_path: Path):
    notice = write_ice_notice(tmp_path)
    assert planqa("ingest", str(notice), data_dir=copied_data_dir).returncode == 0
    question = "领导小组办公室设在哪里？"

    def cited(*filters: str) -> list[dict]:
        result = planqa("ask", question, "--json", *filters, data_dir=copied_data_dir)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)["citations"]

    by_number = cited("--doc", "黑政办发〔2021〕15号")
    assert {c["doc_id"] for c in by_number} == {"ice-notice"}
    assert by_number[0]["doc_number"] == "黑政办发〔2021〕15号"
    assert "省文化和旅游厅" in by_number[0]["text"]
    by_year = cited("--year", "2017-2018")
    assert {c["doc_id"] for c in by_year} == {PLAN_ID}
    assert by_year[0]["clause_id"] == f"{PLAN_ID}:5.1"  # 领导小组办公室设在省发展改革委
    issued = planqa(
        "docs", "list", "--issuer", "人民政府办公厅", "--json", data_dir=copied_data_dir
    )
    assert [d["doc_id"] for d in json.loads(issued.stdout)] == ["ice-notice"]
    nothing = planqa("ask", question, "--doc", "国发〔1999〕1号", data_dir=copied_data_dir)
    assert nothing.returncode == 2 and "no document matches" in nothing.stderr
    bad_year = planqa("ask", question, "--year", "去年", data_dir=copied_data_dir)
    assert bad_year.returncode == 2 and "write 2018 or 2017-2019" in bad_year.stderr
