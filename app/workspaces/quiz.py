"""培训测验: fill-in-the-blank and multiple-choice questions built from the clauses, no LLM.

A question blanks out one item of an enumeration in a clause sentence
("荔枝、香蕉、桂圆" → "荔枝、____、桂圆"), a year that times a task or a body that acts,
and shows the clauses around the blank rather than the whole paragraph. The options of
a multiple-choice question are things of the answer's kind from the plan (distractors.py):
other years, other bodies, other cities, items listed as the same kind of thing. Every
answer is a substring of the cited clause, each is asked once a quiz (到2020年 and
2020年，总结… are one fact), and the same seed gives the same quiz.
"""

from __future__ import annotations

import random
import re
import secrets
from dataclasses import dataclass

from app.workspaces.distractors import Distractors
from app.workspaces.duties import canonical_party, party_names
from app.workspaces.enumerations import enumerations
from app.workspaces.timeline import heading_length, time_nodes
from ingest.chunking import sentence_spans
from ingest.models import Clause

BLANK = "____"
_YEAR = re.compile(r"\d{4}年")
_YEARS = re.compile(r"\d{4}")
_DEAL = ("item", "item", "who", "item", "when")
_CONTEXT = 60  # characters of the sentence a question shows around its blank
_CLAUSES = re.compile(r"(?<=[，；：])")


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


@dataclass
class Quiz:
    questions: list[QuizQuestion]
    requested: int
    seed: int  # the same seed, part and number give the same quiz
    part: str  # the outline heading it was drawn from, or 全部

    def shortfall(self) -> str:
        """Why there are fewer questions than asked for, or ""."""
        if len(self.questions) >= self.requested:
            return ""
        return (
            f"“{self.part}”只能出 {len(self.questions)} 道题（要求 {self.requested} 道）："
            "每道题来自方案原文中的一处列举、时间或责任主体，这部分内容不够更多题目。"
        )


@dataclass(frozen=True)
class _Blank:
    """One thing a question can blank out of a sentence."""

    clause: Clause
    sentence: str
    answer: str
    kind: str  # item | when | who
    mates: tuple[str, ...] = ()  # of an item: the items of its list


class QuizBuilder:
    def __init__(self, clauses: list[Clause], actors: list[tuple[str, str]] | None = None) -> None:
        """``actors``: (party, sentence) of each party that acts in a sentence (责任分工)."""
        self._clauses = clauses
        self._actors = actors or []
        self._task_years: set[int] = set()  # the years the plan sets for its tasks
        self._blanks = [b for c in clauses for b in self._blanks_in(c)]
        texts = [c.text for c in clauses]
        items = [
            (item, e.category)
            for c in clauses
            for start, end in sentence_spans(c.text)
            for e in enumerations(c.text[start:end])
            for item in e.items
        ]
        bodies = {p for p, _ in self._actors}
        bodies |= {canonical_party(n) for n in party_names() if any(n in t for t in texts)}
        self._distractors = Distractors(texts, items, bodies, self._task_years)

    def _blanks_in(self, clause: Clause) -> list[_Blank]:
        found = []
        heading = heading_length(clause)
        for start, end in sentence_spans(clause.text):
            sentence = clause.text[start:end]
            for e in enumerations(sentence):
                found += [_Blank(clause, sentence, i, "item", e.items) for i in e.items]
            nodes = time_nodes(sentence, max(heading - start, 0))
            self._task_years |= {int(y) for n in nodes for y in _YEARS.findall(n.time)}
            years = {
                year.group() for node in nodes if (year := _YEAR.fullmatch(node.time))
            }  # a year that times a task, not one in a name (…行动计划（2016—2020年）)
            found += [_Blank(clause, sentence, y, "when") for y in sorted(years)]
            named = {p for p, said in self._actors if said == sentence and p in sentence}
            found += [
                _Blank(clause, sentence, p, "who")
                for p in sorted(named)
                if not any(p != q and p in q for q in named)  # 省长 inside 常务副省长
            ]
        return [b for b in found if b.sentence.count(b.answer) == 1]  # once: no give-away

    def build(self, n: int, seed: int | None = None, part: str | None = None) -> Quiz:
        """``n`` questions from the clauses under ``part`` (a clause id or its outline prefix).

        Without a seed each call draws a new one; the quiz reports it so it can be repeated.
        """
        if n < 1:
            raise ValueError("题目数量至少为 1。")
        chosen = [b for b in self._blanks if part is None or _under(b.clause, part)]
        if not any(part is None or _under(c, part) for c in self._clauses):
            raise ValueError(f"没有找到条款：{part}")
        if not chosen:
            raise ValueError(f"所选部分没有可出题的内容：{part}")
        seed = secrets.randbelow(1_000_000) if seed is None else seed
        rng = random.Random(seed)
        chosen = _mixed(chosen, rng)
        questions: list[QuizQuestion] = []
        used: set[tuple[str, str]] = set()
        answers: set[str] = set()
        for blank in chosen:
            if len(questions) >= n:
                break
            if (blank.clause.clause_id, blank.sentence) in used or blank.answer in answers:
                continue  # one question a sentence, and each answer asked once
            used.add((blank.clause.clause_id, blank.sentence))
            answers.add(blank.answer)
            # about half multiple choice, any question with three fitting others; a body
            # has its few fellow bodies ever at hand, so it takes a choice only when few
            # items, cities and years have taken one
            options = self._distractors.options(
                blank.kind, blank.answer, blank.sentence, rng, blank.mates
            )
            choices = sum(1 for q in questions if q.options)
            if choices >= (len(questions) + 1) // 2 + (blank.kind != "who"):
                options = []
            questions.append(
                QuizQuestion(
                    number=len(questions) + 1,
                    kind="multiple_choice" if options else "fill_blank",
                    question=f"根据“{blank.clause.label.split(' › ')[-1]}”，填空："
                    + around_blank(blank.sentence.replace(blank.answer, BLANK, 1)),
                    options=options,
                    answer=blank.answer,
                    clause_id=blank.clause.clause_id,
                    label=blank.clause.label,
                    citation=blank.sentence,
                )
            )
        part_name = _part_name(self._clauses, part)
        return Quiz(questions, n, seed, part_name)


def around_blank(sentence: str, width: int = _CONTEXT) -> str:
    """The clauses around the blank, up to ``width`` characters, "……" where some are left out."""
    if len(sentence) <= width:
        return sentence
    clauses = _CLAUSES.split(sentence)
    first = last = next(i for i, c in enumerate(clauses) if BLANK in c)
    length = len(clauses[first])
    while True:
        after = len(clauses[last + 1]) if last + 1 < len(clauses) else width
        before = len(clauses[first - 1]) if first > 0 else width
        if min(after, before) + length > width:
            break
        if before <= after:
            first, length = first - 1, length + before
        else:
            last, length = last + 1, length + after
    shown = "".join(clauses[first : last + 1])
    if last < len(clauses) - 1:
        shown = shown.rstrip("，；：") + "……"
    return ("……" if first > 0 else "") + shown


def _mixed(blanks: list[_Blank], rng: random.Random) -> list[_Blank]:
    """Shuffled, then dealt by kind so that items lead and years and bodies come between."""
    by_kind: dict[str, list[_Blank]] = {}
    for blank in blanks:
        by_kind.setdefault(blank.kind, []).append(blank)
    for pile in by_kind.values():
        rng.shuffle(pile)
    dealt = []
    while any(by_kind.values()):
        for kind in _DEAL:
            if by_kind.get(kind):
                dealt.append(by_kind[kind].pop())
    return dealt


def _part_name(clauses: list[Clause], part: str | None) -> str:
    if part is None:
        return "全部"
    for clause in clauses:
        if _under(clause, part):
            key = part.split(":", 1)[-1]
            depth = key.count(".") + 1
            return clause.label.split(" › ")[min(depth, clause.label.count(" › ") + 1) - 1]
    return part


def _under(clause: Clause, part: str) -> bool:
    key = part.split(":", 1)[1] if ":" in part else part
    return clause.clause_id == part or clause.key == key or clause.key.startswith(key + ".")
