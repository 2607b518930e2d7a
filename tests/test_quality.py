"""Quality floors on the evaluation files shipped in eval/ (a regression guard).

Figures are what a user reads: the evidence quoted in the answer text, refusals and
unanswerable questions answered. The floors sit just under the figures measured on
the check half (docs/benchmarks.md); a drop below them is a bug, not noise.
"""

from pathlib import Path

import pytest

from app.evaluation import evaluate
from app.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow
EVAL = PROJECT_ROOT / "eval"


def test_dev_set_retrieval_and_answers(service):
    figures = evaluate(service, EVAL / "dev.jsonl").summary()
    assert figures["hit@5"] >= 0.98 and figures["mrr"] >= 0.93, figures
    assert figures["false_premises_confirmed"] == 0, figures["wrongly_answered"]
    assert figures["answered_in_full"] >= 0.85, figures["not_answered_in_full"]


def test_check_half_declines_what_the_plan_does_not_say(service):
    figures = evaluate(service, EVAL / "plan_check.jsonl").summary()
    assert figures["questions"] >= 170
    assert figures["hit@5"] >= 0.95, figures
    assert figures["declined"] >= 0.88, figures["wrongly_answered"]
    assert figures["answered_in_full"] >= 0.72, figures["not_answered_in_full"]
    assert figures["false_refusals"] <= 0.24, figures["wrongly_abstained"]
    by_type = figures["by_type"]
    assert by_type["yesno_unanswerable"]["declined"] == 1.0
    assert by_type["person"]["declined"] == 1.0


@pytest.mark.parametrize("name", ["conversations.jsonl", "followups_check.jsonl"])
def test_follow_up_questions_without_a_language_model(service, name: str):
    """Second turns are rewritten, decided and answered like any question."""
    path: Path = EVAL / name
    figures = evaluate(service, path).summary()
    assert figures["questions"] >= 15
    assert figures["hit@5"] >= 0.85, figures
