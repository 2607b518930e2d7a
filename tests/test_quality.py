"""Retrieval and abstention targets on the evaluation questions (a regression guard).

The shared dev set lies beside the checkout (../shared/eval), as on every developer
machine and in CI; our own set is in eval/.
"""

from pathlib import Path

import pytest

from app.evaluation import evaluate
from app.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow
EVAL_FILES = [
    PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl",
    PROJECT_ROOT / "eval" / "extra.jsonl",
]


@pytest.mark.parametrize("path", EVAL_FILES, ids=lambda p: p.name)
def test_targets_on_evaluation_questions(service, path: Path):
    assert path.is_file(), f"evaluation file missing: {path}"
    report = evaluate(service, path)
    summary = report.summary()
    assert summary["hit@5"] >= 0.95, summary
    assert summary["mrr"] >= 0.85, summary
    assert summary["wrongly_answered"] == [], "every unanswerable question must be declined"
    assert len(summary["wrongly_abstained"]) <= 1, summary


def test_follow_up_questions_without_a_language_model(service):
    """Second turns must cite the right clause: hit@5 ≥ 0.9 over eval/conversations.jsonl."""
    path = PROJECT_ROOT / "eval" / "conversations.jsonl"
    summary = evaluate(service, path).summary()
    assert summary["questions"] >= 15
    assert summary["hit@5"] >= 0.9, summary
    assert summary["wrongly_abstained"] == [], summary
