"""The ``planqa`` command as a user runs it (subprocesses, real model, real Chroma)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_PLAN, PLAN_ID
from tests.helpers import write_ice_notice

pytestmark = pytest.mark.slow


def planqa(
    *args: str, data_dir: Path, stdin: str | None = None, **extra: str
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANQA_")}
    env["PLANQA_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


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


def test_first_ask_builds_the_knowledge_base_from_the_bundled_plan(tmp_path: Path):
    result = planqa("ask", "哈尔滨市与哪个城市对口合作？", data_dir=tmp_path / "fresh")
    assert result.returncode == 0, result.stderr
    assert "深圳市" in result.stdout and "三、对口合作关系" in result.stdout


def test_a_new_data_directory_is_seeded_by_whichever_command_reads_first(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_ice_notice(corpus)
    data_dir = tmp_path / "new"
    listed = planqa("docs", "list", data_dir=data_dir, PLANQA_CORPUS_DIR=str(corpus))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(
        "ice-notice\t《黑龙江省人民政府办公厅关于印发冰雪旅游专项方案的通知》"
    )
    assert listed.stderr.strip() == (
        f"planqa: new knowledge base at {data_dir}: ingesting {corpus} (PLANQA_CORPUS_DIR)"
    )
    stamp = (data_dir / "version").read_text()
    asked = planqa("ask", "冰雪旅游领导小组办公室设在哪里？", data_dir=data_dir,
                   PLANQA_CORPUS_DIR=str(corpus))  # fmt: skip
    assert asked.returncode == 0 and "省文化和旅游厅" in asked.stdout
    assert "new knowledge base" not in asked.stderr
    assert (data_dir / "version").read_text() == stamp  # seeded once, by the first command


def test_interrupted_first_ingest_never_seeds_the_bundled_plan(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for n in range(400):
        (plans / f"plan-{n}.txt").write_text(
            f"第{n}号方案\n一、任务\n（一）推进第{n}号工作。加强两省交流合作。\n", encoding="utf-8"
        )
    data_dir = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANQA_")}
    ingest = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "ingest", str(plans)],
        env={**env, "PLANQA_DATA_DIR": str(data_dir)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    while not (data_dir / "manifest.json").exists():  # claimed: now it parses the files
        assert ingest.poll() is None
        time.sleep(0.005)
    ingest.send_signal(signal.SIGKILL)
    ingest.wait()
    assert not (data_dir / "documents").exists()  # killed before it committed anything
    asked = planqa("ask", "领导小组办公室设在哪里？", data_dir=data_dir)
    assert asked.returncode == 2 and asked.stdout == ""
    assert asked.stderr.strip() == (
        f"planqa: the knowledge base at {data_dir} holds no documents (an ingest did not "
        "finish?); add them with: planqa ingest <files or folders>"
    )
    listed = planqa("docs", "list", data_dir=data_dir)
    assert listed.returncode == 0 and listed.stdout == "" and listed.stderr == ""


def test_empty_question_is_a_clear_message(copied_data_dir: Path):
    result = planqa("ask", "  ", data_dir=copied_data_dir)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "请输入问题" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("scan.txt", bytes(range(256)) * 8, "binary file"),
        ("cp1251.txt", "Правительство провинции".encode("cp1251") * 20, "not recognised"),
    ],
)
def test_bad_ingest_fails_with_reason_and_leaves_kb_untouched(
    copied_data_dir: Path, tmp_path: Path, name: str, content: bytes, reason: str
):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("另一个方案\n一、目标\n建设冰雪经济示范区。", encoding="utf-8")
    before = snapshot(copied_data_dir)
    result = planqa("ingest", str(good), str(bad), data_dir=copied_data_dir)
    assert result.returncode != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and name in message and reason in message
    assert snapshot(copied_data_dir) == before


def test_ingest_missing_path(copied_data_dir: Path, tmp_path: Path):
    before = snapshot(copied_data_dir)
    result = planqa("ingest", str(tmp_path / "missing.txt"), data_dir=copied_data_dir)
    assert result.returncode == 2 and "missing.txt: no such file" in result.stderr
    assert snapshot(copied_data_dir) == before


def test_ingest_adds_a_document_that_ask_then_cites(copied_data_dir: Path, tmp_path: Path):
    plan = tmp_path / "ice-plan.md"
    plan.write_text(
        "冰雪经济合作方案\n一、重点任务\n（一）冰雪装备。支持两省共建冰雪装备产业园。",
        encoding="utf-8",
    )
    result = planqa("ingest", str(plan), data_dir=copied_data_dir)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout and "ice-plan" in result.stdout
    answer = json.loads(
        planqa("ask", "冰雪装备产业园在哪里建？", "--json", data_dir=copied_data_dir).stdout
    )
    assert answer["citations"][0]["doc_id"] == "ice-plan"
    assert answer["citations"][0]["doc_title"] == "冰雪经济合作方案"
    again = planqa("ingest", str(plan), str(BUNDLED_PLAN), data_dir=copied_data_dir)
    assert "2 unchanged" in again.stdout


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


def test_oversized_files_are_refused_quickly(copied_data_dir: Path, tmp_path: Path):
    line = tmp_path / "one-line.txt"
    line.write_text("两省合作" * 2**20, encoding="utf-8")  # 12 MB (3 bytes a hanzi), one line
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 2**20)  # 50 MB
    before = snapshot(copied_data_dir)
    for path, size in ((line, "12.0"), (huge, "50.0")):
        started = time.monotonic()
        result = planqa("ingest", str(path), data_dir=copied_data_dir)
        assert result.returncode == 2
        assert f"{path.name}: file too large ({size} MB; the limit is 5.0 MB" in result.stderr
        assert time.monotonic() - started < 60
    assert snapshot(copied_data_dir) == before


def test_docs_list_and_remove(copied_data_dir: Path):
    listed = json.loads(planqa("docs", "list", "--json", data_dir=copied_data_dir).stdout)
    assert [(d["doc_id"], d["title"], d["issuer"], d["date"], d["clauses"]) for d in listed] == [
        (PLAN_ID, "黑龙江省与广东省对口合作实施方案", "国家发展改革委", "2018年3月17日", 29)
    ]
    assert listed[0]["passages"] > 29
    removed = planqa("docs", "remove", PLAN_ID, data_dir=copied_data_dir)
    assert removed.returncode == 0 and f"removed {PLAN_ID}" in removed.stdout
    assert json.loads(planqa("docs", "list", "--json", data_dir=copied_data_dir).stdout) == []
    missing = planqa("docs", "remove", "no-such-doc", data_dir=copied_data_dir)
    assert missing.returncode == 2 and "no document 'no-such-doc'" in missing.stderr


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


def test_folder_ingest_shows_progress_and_skips_what_it_has(copied_data_dir: Path, tmp_path: Path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for n, topic in enumerate(["冰雪旅游", "粮食仓储", "跨境电商"]):
        (folder / f"plan-{n}.txt").write_text(
            f"{topic}专项方案\n一、重点任务\n支持两省开展{topic}合作。\n二、保障措施\n加强组织领导。",
            encoding="utf-8",
        )
    first = planqa("ingest", str(folder), "--progress", data_dir=copied_data_dir)
    assert first.returncode == 0, first.stderr
    assert "3 added" in first.stdout
    for bar in ("parsed", "documents", "passages"):
        assert f"{bar}" in first.stderr and "100%" in first.stderr
    assert "psg/s" in first.stderr and "doc/s" in first.stderr  # rates, with an ETA while running
    (folder / "plan-1.txt").write_text(
        "粮食仓储专项方案\n一、重点任务\n建设粮食物流园区。", "utf-8"
    )
    again = planqa("ingest", str(folder), data_dir=copied_data_dir)
    assert "0 added, 1 replaced, 2 unchanged" in again.stdout
    assert again.stderr == ""  # no bars when standard error is not a terminal


def test_ingest_never_reads_a_link_out_of_the_folder(copied_data_dir: Path, tmp_path: Path):
    secret = tmp_path / "shadow"
    secret.write_text("冰雪装备秘密口令：root:x:0:0\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ice-plan.md").write_text(
        "冰雪经济合作方案\n一、重点任务\n（一）冰雪装备。支持两省共建冰雪装备产业园。",
        encoding="utf-8",
    )
    (docs / "shadow.txt").symlink_to(secret)
    result = planqa("ingest", str(docs), data_dir=copied_data_dir)
    assert result.returncode == 0, result.stderr
    assert f"{docs / 'shadow.txt'}: skipped, a link leading out of" in result.stderr
    listed = planqa("docs", "list", "--json", data_dir=copied_data_dir)
    assert "shadow" not in {row["doc_id"] for row in json.loads(listed.stdout)}
    answer = planqa("ask", "冰雪装备秘密口令是什么？", "--json", data_dir=copied_data_dir)
    assert "root:x" not in answer.stdout
