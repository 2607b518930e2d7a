"""Score the answer service on an evaluation file (the format of ``shared/eval``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.answer import MAX_CITATION_CHARS
from app.answer_service import AnswerService
from app.conversation import Turn
from ingest.cleaning import to_simplified


def _match_form(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]", "", to_simplified(text))


@dataclass
class EvalReport:
    answerable: int = 0
    unanswerable: int = 0
    hit: dict[int, float] = field(default_factory=lambda: {1: 0.0, 3: 0.0, 5: 0.0})
    mrr: float = 0.0
    abstained_correctly: int = 0
    wrongly_abstained: list[str] = field(default_factory=list)
    wrongly_answered: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float | int | list[str]]:
        n = max(self.answerable, 1)
        total = self.answerable + self.unanswerable
        return {
            "questions": total,
            "hit@1": round(self.hit[1] / n, 3),
            "hit@3": round(self.hit[3] / n, 3),
            "hit@5": round(self.hit[5] / n, 3),
            "mrr": round(self.mrr / n, 3),
            "abstention_accuracy": round(self.abstained_correctly / max(total, 1), 3),
            "wrongly_abstained": self.wrongly_abstained,
            "wrongly_answered": self.wrongly_answered,
            "misses_at_5": self.misses,
        }


def _history(service: AnswerService, questions: list[str]) -> list[Turn]:
    history: list[Turn] = []
    for question in questions:
        answer = service.ask(question, history=history)
        history.append(Turn.from_answer(answer))
    return history


def evaluate(service: AnswerService, path: Path) -> EvalReport:
    """Single questions (``question``), or conversations (``turns``): the last turn is scored."""
    report = EvalReport()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if "turns" in item:
            *earlier, last = item["turns"]
            item.setdefault("answerable", True)
            answer = service.ask(last, history=_history(service, earlier))
        else:
            answer = service.ask(item["question"])
        if not item["answerable"]:
            report.unanswerable += 1
            if answer.abstained:
                report.abstained_correctly += 1
            else:
                report.wrongly_answered.append(item["id"])
            continue
        report.answerable += 1
        if answer.abstained:
            report.wrongly_abstained.append(item["id"])
        else:
            report.abstained_correctly += 1
        texts = [
            _match_form(c.text) if len(c.text) <= MAX_CITATION_CHARS else ""
            for c in answer.citations
        ]
        evidence = [_match_form(e) for e in item["evidence"]]
        for k in report.hit:
            found = sum(any(e in t for t in texts[:k]) for e in evidence)
            report.hit[k] += found / len(evidence)
        rank = next((i + 1 for i, t in enumerate(texts[:10]) if evidence[0] in t), None)
        report.mrr += 1 / rank if rank else 0.0
        if not all(any(e in t for t in texts[:5]) for e in evidence):
            report.misses.append(item["id"])
    return report
