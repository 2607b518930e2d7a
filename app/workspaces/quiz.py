"""培训测验: fill-in-the-blank and multiple-choice questions built from the clauses, no LLM.

A question blanks out one item of an enumeration in a clause sentence
("荔枝、香蕉、桂圆" → "荔枝、____、桂圆"); the distractors of a multiple-choice
question are items of other enumerations in the same plan. Every answer is a
substring of the cited clause, and the same seed gives the same quiz.
"""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import asdict, dataclass

from ingest.chunking import sentence_spans
from ingest.models import Clause

BLANK = "____"
_ENUM = re.compile(
    r"(?:[\u4e00-\u9fff（）]{2,12}、){1,}[\u4e00-\u9fff（）]{2,12}(?:(?:和|及|与)[\u4e00-\u9fff]{2,12})?"
)
_SPLIT = re.compile(r"、|以及|和|及|与")
# Brackets, and function words an item (a noun phrase) would not contain.
_BRACKETS = re.compile(r"[（）“”《》在的对将于以把向从]")


@dataclass
class QuizQuestion:
    number: int
    kind: str  # fill_blank | multiple_choice
    question: str
    options: list[str]
    answer: str
    clause_id: str
    label: str
    citation: str  # the sentence the question comes from, as the plan words it


def enumeration_items(sentence: str) -> list[list[str]]:
    """The clean items of each enumeration in a sentence.

    In "推动电力装备、高档数控机床和船舶制造等" the regex cannot tell where the first
    item starts, so only the middle items, and a last item ended by 等 that is no
    longer than they are, are taken: "高档数控机床", "船舶制造".
    """
    lists = []
    for match in _ENUM.finditer(sentence):
        items = _SPLIT.split(match.group())
        if len(items) < 3:
            continue
        middle = items[1:-1]
        width = max(len(i) for i in middle)
        tail_end = match.end() < len(sentence) and sentence[match.end()] == "等"
        if tail_end and len(items[-1]) <= width + 1:
            middle.append(items[-1])
        clean = [i for i in middle if 2 <= len(i) <= 12 and not _BRACKETS.search(i)]
        if clean:
            lists.append(clean)
    return lists


class QuizBuilder:
    def __init__(self, clauses: list[Clause]) -> None:
        self._clauses = clauses
        self._pool = sorted(
            {
                item
                for clause in clauses
                for start, end in sentence_spans(clause.text)
                for items in enumeration_items(clause.text[start:end])
                for item in items
            }
        )

    def build(self, n: int, seed: int = 0, part: str | None = None) -> list[QuizQuestion]:
        """``n`` questions from the clauses under ``part`` (a clause id or its outline prefix)."""
        if n < 1:
            raise ValueError("题目数量至少为 1。 (n must be at least 1.)")
        chosen = [c for c in self._clauses if part is None or _under(c, part)]
        if not chosen:
            raise ValueError(f"没有找到条款：{part} (no clause under {part!r})")
        candidates: list[tuple[Clause, str, str]] = []
        for clause in chosen:
            for start, end in sentence_spans(clause.text):
                sentence = clause.text[start:end]
                for items in enumeration_items(sentence):
                    candidates.extend((clause, sentence, item) for item in items)
        if not candidates:
            raise ValueError(f"所选部分没有可出题的列举内容：{part}")
        rng = random.Random(seed)
        rng.shuffle(candidates)
        questions: list[QuizQuestion] = []
        used: set[tuple[str, str]] = set()
        for clause, sentence, item in candidates:
            if len(questions) >= n:
                break
            if (clause.clause_id, sentence) in used or sentence.count(item) > 1:
                continue  # a second occurrence would give the answer away
            used.add((clause.clause_id, sentence))
            stem = sentence.replace(item, BLANK, 1)
            kind = "multiple_choice" if len(questions) % 2 else "fill_blank"
            options: list[str] = []
            if kind == "multiple_choice":
                distractors = [
                    p
                    for p in self._pool
                    if p not in sentence and abs(len(p) - len(item)) <= 2 and p != item
                ]
                if len(distractors) < 3:
                    kind = "fill_blank"
                else:
                    options = rng.sample(distractors, 3) + [item]
                    rng.shuffle(options)
            questions.append(
                QuizQuestion(
                    number=len(questions) + 1,
                    kind=kind,
                    question=f"根据“{clause.label}”，填空：{stem}",
                    options=options,
                    answer=item,
                    clause_id=clause.clause_id,
                    label=clause.label,
                    citation=sentence,
                )
            )
        return questions


def _under(clause: Clause, part: str) -> bool:
    key = part.split(":", 1)[1] if ":" in part else part
    return clause.clause_id == part or clause.key == key or clause.key.startswith(key + ".")


def to_markdown(questions: list[QuizQuestion], title: str) -> str:
    lines = [f"# {title} 培训测验", ""]
    for q in questions:
        lines.append(f"**{q.number}.** {q.question}")
        lines += [f"   {chr(65 + i)}. {option}" for i, option in enumerate(q.options)]
        lines.append("")
    lines += ["---", "", "## 答案与出处", ""]
    for q in questions:
        letter = f"{chr(65 + q.options.index(q.answer))}. " if q.options else ""
        lines.append(f"{q.number}. {letter}{q.answer} —— {q.label}：“{q.citation}”")
    return "\n".join(lines) + "\n"


def to_csv(questions: list[QuizQuestion]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["number", "kind", "question", "options", "answer", "clause_id", "label", "citation"]
    )
    for q in questions:
        row = asdict(q)
        row["options"] = " | ".join(q.options)
        writer.writerow(row.values())
    return buffer.getvalue()
