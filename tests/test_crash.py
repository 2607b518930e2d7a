"""Killing an ingest (kill -9) at any point never leaves half a document searchable."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import clean_env

pytestmark = pytest.mark.slow
KILL_AFTER_SECONDS = [3.5, 4.5, 5.5, 6.5, 8.0]
TOPICS = ["冰雪装备", "粮食储备", "航空物流", "中医药", "融资担保", "养老服务"]


def write_plans(folder: Path, n: int = 6) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(n):
        topic = TOPICS[i]
        tasks = "\n".join(
            f"{t}.{topic}第{t}项。推进{topic}领域第{t}项重点工作，建设{topic}示范区。"
            for t in range(1, 9)
        )
        path = folder / f"plan-{i}.txt"
        path.write_text(f"{topic}专项实施方案\n一、重点任务\n{tasks}\n", encoding="utf-8")
        paths.append(path)
    return paths


# Run in a fresh process each time: an embedded Chroma caches its index per process and
# would not see what the killed ingest process wrote.
CHECK = """
import json, sys
from pathlib import Path
from app.service import open_knowledge_base
from app.settings import Settings
kb = open_knowledge_base(Settings(data_dir=Path(sys.argv[1])))
stored = kb._store._collection.get(include=[])["ids"]
found = {t: sorted({h.clause.doc_id for h in kb.search(t + "示范区建设", k=5)}) for t in sys.argv[2:]}
print(json.dumps({"docs": len(kb.documents()), "stored": stored, "expected": sorted(kb._passages),
                  "repaired": kb.repaired, "found": found}, ensure_ascii=False))
"""


def check(data_dir: Path, env: dict[str, str]) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(data_dir), *TOPICS],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)
    assert len(state["stored"]) == len(set(state["stored"]))
    assert sorted(state["stored"]) == state["expected"], "every committed passage, nothing else"
    return state


def test_ingest_killed_at_random_points_is_completed_by_the_next(tmp_path: Path):
    plans = write_plans(tmp_path / "plans")
    data_dir = tmp_path / "data"
    command = [sys.executable, "-m", "app.cli", "ingest", str(tmp_path / "plans")]
    env = clean_env(data_dir)
    committed = []
    for delay in KILL_AFTER_SECONDS:
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        committed.append(check(data_dir, env)["docs"])
    assert committed[-1] >= committed[0]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    final = check(data_dir, env)
    assert final["docs"] == len(plans)
    for i, topic in enumerate(TOPICS):
        assert f"plan-{i}" in final["found"][topic]
