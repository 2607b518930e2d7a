"""What the outcome modules read: every question they list in ``ASKED``, asked through
``planqa ask --json -`` as a user would, in one run (conftest.py's ``replies``).

An entry of ``ASKED`` is a question, or the id of one in the check half
(eval/plan_check.jsonl, written from the plan's text by someone who never saw the code):
``CHECK`` holds those, with the evidence a reply must quote.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.settings import PROJECT_ROOT
from tests.helpers import planqa

CHECK = {
    item["id"]: item
    for item in map(json.loads, (PROJECT_ROOT / "eval" / "plan_check.jsonl").open(encoding="utf-8"))
}


def ask_all(asked: list[str], data_dir: Path) -> dict[str, dict]:
    """Each of ``asked`` (a question or a check-half id) → its ``planqa ask --json`` reply."""
    questions = [CHECK[q]["question"] if q in CHECK else q for q in asked]
    result = planqa("ask", "--json", "-", data_dir=data_dir, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    return dict(zip(asked, answers, strict=True))


def assert_answered_quoting(reply: dict, *quoted: str) -> None:
    """The reply answers, and its answer text (before the citations) quotes each of ``quoted``."""
    assert reply["coverage"] == "answered", reply["answer"]
    answer = reply["answer"].split("\n\n")[0]
    assert all(q in answer for q in quoted), reply["answer"]
