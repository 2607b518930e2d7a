"""Score the answer service on an evaluation file (the format of ``shared/eval``).

Besides retrieval (hit@k, MRR over the citations) it scores what a user reads: the
evidence quoted in the ``answer`` text itself, refusals, and unanswerable questions
that came back answered (a false premise read as confirmed), overall and per type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.answering import Answer, AnswerService, Turn
from app.answering.citations import MAX_CITATION_CHARS
from ingest.cleaning import to_simplified


def match_form(text: str) -> str:
    """Simplified, letters, digits and hanzi only: how evidence is matched."""
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]", "", to_simplified(text))


@dataclass
class Tally:
    """Figures for one group of questions (all of them, or one type)."""

    answerable: int = 0
    unanswerable: int = 0
    hit: dict[int, float] = field(default_factory=lambda: {1: 0.0, 3: 0.0, 5: 0.0})
    mrr: float = 0.0
    quoted: float = 0.0  # share of evidence found in the answer text
    in_full: int = 0  # answerable questions whose answer text quotes all their evidence
    false_refusals: int = 0
    declined: int = 0  # unanswerable questions declined
    confirmed: int = 0  # unanswerable questions answered: a false premise read as confirmed

    def summary(self) -> dict[str, float | int]:
        n = max(self.answerable, 1)
        return {
            "questions": self.answerable + self.unanswerable,
            "answerable": self.answerable,
            "hit@1": round(self.hit[1] / n, 3),
            "hit@3": round(self.hit[3] / n, 3),
            "hit@5": round(self.hit[5] / n, 3),
            "mrr": round(self.mrr / n, 3),
            "answer_evidence": round(self.quoted / n, 3),
            "answered_in_full": round(self.in_full / n, 3),
            "false_refusals": round(self.false_refusals / n, 3),
            "unanswerable": self.unanswerable,
            "declined": round(self.declined / max(self.unanswerable, 1), 3),
            "false_premises_confirmed": self.confirmed,
        }


@dataclass
class EvalReport:
    overall: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    wrongly_abstained: list[str] = field(default_factory=list)
    wrongly_answered: list[str] = field(default_factory=list)
    not_in_full: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            **self.overall.summary(),
            "wrongly_abstained": self.wrongly_abstained,
            "wrongly_answered": self.wrongly_answered,
            "not_answered_in_full": self.not_in_full,
            "misses_at_5": self.misses,
            "by_type": {t: tally.summary() for t, tally in sorted(self.by_type.items())},
        }

    def add(self, item: dict, answer: Answer) -> None:
        tallies = [self.overall, self.by_type.setdefault(item.get("type", "other"), Tally())]
        if not item["answerable"]:
            for tally in tallies:
                tally.unanswerable += 1
                tally.declined += answer.abstained
                tally.confirmed += not answer.abstained
            if not answer.abstained:
                self.wrongly_answered.append(item["id"])
            return
        texts = [
            match_form(c.text) if len(c.text) <= MAX_CITATION_CHARS else ""
            for c in answer.citations
        ]
        evidence = [match_form(e) for e in item["evidence"]]
        said = "" if answer.abstained else match_form(answer.answer)
        quoted = sum(e in said for e in evidence) / len(evidence)
        rank = next((i + 1 for i, t in enumerate(texts[:10]) if evidence[0] in t), None)
        for tally in tallies:
            tally.answerable += 1
            for k in tally.hit:
                tally.hit[k] += sum(any(e in t for t in texts[:k]) for e in evidence) / len(
                    evidence
                )
            tally.mrr += 1 / rank if rank else 0.0
            tally.quoted += quoted
            tally.in_full += quoted == 1.0
            tally.false_refusals += answer.abstained
        if answer.abstained:
            self.wrongly_abstained.append(item["id"])
        elif quoted < 1.0:
            self.not_in_full.append(item["id"])
        if not all(any(e in t for t in texts[:5]) for e in evidence):
            self.misses.append(item["id"])


def _history(service: AnswerService, questions: list[str]) -> list[Turn]:
    history: list[Turn] = []
    for question in questions:
        answer = service.ask(question, history=history)
        history.append(Turn.from_answer(answer))
    return history


def evaluate(
    service: AnswerService, path: Path, each: Callable[[dict, Answer], None] | None = None
) -> EvalReport:
    """Single questions (``question``), or conversations (``turns``): the last turn is scored.

    ``each`` is called with every item and its answer (to print failures, say). The
    settled state is measured: word vectors a stronger model is still embedding are
    waited for (kb/words.py).
    """
    service.kb.vocabulary_index(wait=True)
    report = EvalReport()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if "turns" in item:
            *earlier, last = item["turns"]
            item.setdefault("answerable", True)
            item.setdefault("type", "follow_up")
            answer = service.ask(last, history=_history(service, earlier))
        else:
            answer = service.ask(item["question"])
        report.add(item, answer)
        if each is not None:
            each(item, answer)
    return report


_COLUMNS = [
    ("questions", "n"),
    ("hit@5", "hit@5"),
    ("mrr", "MRR"),
    ("answer_evidence", "quoted"),
    ("answered_in_full", "in full"),
    ("false_refusals", "refused"),
    ("declined", "declined"),
    ("false_premises_confirmed", "confirmed"),
]


def print_report(report: EvalReport, show_failures: bool = False) -> None:
    """A table a person reads: overall, then one row per question type."""
    rows = [("all", report.overall.summary())] + [
        (name, tally.summary()) for name, tally in sorted(report.by_type.items())
    ]
    print(f"{'type':20}" + "".join(f"{label:>10}" for _, label in _COLUMNS))
    for name, figures in rows:
        cells = []
        for key, _ in _COLUMNS:
            applies = (
                figures["answerable"]
                if key not in ("declined", "false_premises_confirmed")
                else figures["unanswerable"]
            )
            value = figures[key] if key == "questions" or applies else "-"
            cells.append(f"{value:>10}")
        print(f"{name:20}" + "".join(cells))
    print(
        "\nin full: answerable questions whose answer text quotes all their evidence; refused: "
        "answerable ones declined; declined: unanswerable ones declined; confirmed: unanswerable "
        "ones answered (a false premise read as confirmed)"
    )
    if show_failures:
        for label, ids in (
            ("wrongly declined", report.wrongly_abstained),
            ("answered, evidence not all quoted", report.not_in_full),
            ("unanswerable but answered", report.wrongly_answered),
            ("evidence not in the top 5 citations", report.misses),
        ):
            print(f"{label}: {' '.join(ids) or '-'}")
