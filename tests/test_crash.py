"""Killing an ingest (kill -9) at any point never leaves half a document searchable.

The kill points are drawn from a seeded random generator (PLANQA_CRASH_SEED gives
another run; the seed is printed); the first three fall inside a vector-store write
(the upsert of a batch takes ~40 ms) while there is one.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import clean_env

pytestmark = pytest.mark.slow
SEED = int(os.environ.get("PLANQA_CRASH_SEED", "14"))
QUIET = 0.5  # seconds without a store change before a write: embedding the batch
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
print(json.dumps({"docs": len(kb.documents()), "stored": stored, "expected": sorted(kb._catalog.passages),
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


def store_state(chroma: Path) -> tuple:
    found = []
    for path in chroma.rglob("*"):
        try:
            found.append((str(path), path.stat().st_size, path.stat().st_mtime_ns))
        except OSError:  # a journal comes and goes
            continue
    return tuple(sorted(found))


def kill_inside_store_write(process: subprocess.Popen, data_dir: Path, delay: float) -> bool:
    """Kill ``delay`` seconds after the vector store's files start changing again after a
    quiet spell (the batch was being embedded): the upsert takes ~40 ms."""
    chroma = data_dir / "chroma"
    last, changed_at = store_state(chroma), None
    while process.poll() is None:
        now, state = time.monotonic(), store_state(chroma)
        if state != last:
            if changed_at is not None and now - changed_at >= QUIET:
                time.sleep(delay)
                process.send_signal(signal.SIGKILL)
                process.wait()
                return True
            last, changed_at = state, now
        time.sleep(0.001)
    return False


def test_ingest_killed_at_random_points_is_completed_by_the_next(tmp_path: Path):
    plans = write_plans(tmp_path / "plans")
    data_dir = tmp_path / "data"
    command = [sys.executable, "-m", "app.cli", "ingest", str(tmp_path / "plans")]
    env = clean_env(data_dir)
    rng = random.Random(SEED)
    points = [("store write", rng.uniform(0, 0.04)) for _ in range(3)]
    points += sorted(("time", rng.uniform(2.5, 9.0)) for _ in range(4))
    print(f"PLANQA_CRASH_SEED={SEED}: kill points {points}")
    committed, in_write = [], 0
    for kind, delay in points:
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if kind == "store write":
            in_write += kill_inside_store_write(process, data_dir, delay)
        else:
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
        state = check(data_dir, env)
        print(kind, round(delay, 3), "committed", state["docs"], "repaired", state["repaired"])
        committed.append(state["docs"])
    assert in_write >= 1 and committed[-1] >= committed[0]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    final = check(data_dir, env)
    assert final["docs"] == len(plans)
    for i, topic in enumerate(TOPICS):
        assert f"plan-{i}" in final["found"][topic]
