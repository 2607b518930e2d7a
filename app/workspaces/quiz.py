"""培训测验: fill-in-the-blank and multiple-choice questions built from the clauses, no LLM.

A question blanks out one item of an enumeration in a clause sentence
("荔枝、香蕉、桂圆" → "荔枝、____、桂圆"), a year or a body that acts. The distractors of a
multiple-choice question are of the same kind from elsewhere in the plan: other
years, other bodies, items with the same head noun. Every answer is a substring of
the cited clause, and the same seed gives the same quiz.
"""

from __future__ import annotations

import random
import re
import secrets
from dataclasses import dataclass

from ingest.chunking import sentence_spans
from ingest.models import Clause

BLANK = "____"
_ENUM = re.compile(
    r"(?:[\u4e00-\u9fff（）]{2,12}、){1,}[\u4e00-\u9fff（）]{2,12}(?:(?:和|及|与)[\u4e00-\u9fff]{2,12})?"
)
_SPLIT = re.compile(r"、|以及|和|及|与")
_YEAR = re.compile(r"(?<![\d—–\-至到])\d{4}年")  # a year, not the end of 2018—2019年
_DEAL = ("item", "item", "who", "item", "when")
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


@dataclass(frozen=True)
class _Blank:
    """One thing a question can blank out of a sentence, and the pool of its own kind."""

    clause: Clause
    sentence: str
    answer: str
    kind: str  # item | when | who


class QuizBuilder:
    def __init__(self, clauses: list[Clause], actors: list[tuple[str, str]] | None = None) -> None:
        """``actors``: (party, sentence) of each party that acts in a sentence (责任分工)."""
        self._clauses = clauses
        self._actors = actors or []
        self._blanks = [b for c in clauses for b in self._blanks_in(c)]
        self._pools: dict[str, list[str]] = {}
        for blank in self._blanks:
            self._pools.setdefault(blank.kind, []).append(blank.answer)
        self._pools = {k: sorted(set(v)) for k, v in self._pools.items()}

    def _blanks_in(self, clause: Clause) -> list[_Blank]:
        found = []
        for start, end in sentence_spans(clause.text):
            sentence = clause.text[start:end]
            for items in enumeration_items(sentence):
                found += [_Blank(clause, sentence, item, "item") for item in items]
            found += [_Blank(clause, sentence, y, "when") for y in set(_YEAR.findall(sentence))]
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
        for blank in chosen:
            if len(questions) >= n:
                break
            if (blank.clause.clause_id, blank.sentence) in used:
                continue  # one question a sentence
            used.add((blank.clause.clause_id, blank.sentence))
            # about half multiple choice: any question whose kind has three fitting others
            choices = sum(1 for q in questions if q.options)
            options = self._options(blank, rng) if choices < (len(questions) + 1) // 2 else []
            questions.append(
                QuizQuestion(
                    number=len(questions) + 1,
                    kind="multiple_choice" if options else "fill_blank",
                    question=f"根据“{blank.clause.label.split(' › ')[-1]}”，填空："
                    + blank.sentence.replace(blank.answer, BLANK, 1),
                    options=options,
                    answer=blank.answer,
                    clause_id=blank.clause.clause_id,
                    label=blank.clause.label,
                    citation=blank.sentence,
                )
            )
        part_name = _part_name(self._clauses, part)
        return Quiz(questions, n, seed, part_name)

    def _options(self, blank: _Blank, rng: random.Random) -> list[str]:
        """The answer and three others of its kind: other years for a year, other bodies for
        a body, items with the same head noun (…装备, …基金) for an item; [] if too few."""
        pool = [p for p in self._pools.get(blank.kind, []) if p not in blank.sentence]
        if blank.kind == "item":
            for head in (blank.answer[-2:], blank.answer[-1:]):
                alike = [
                    p for p in pool if p.endswith(head) and abs(len(p) - len(blank.answer)) <= 3
                ]
                if len(alike) >= 3:
                    pool = alike
                    break
            else:
                return []
        if len(pool) < 3:
            return []
        options = rng.sample(pool, 3) + [blank.answer]
        rng.shuffle(options)
        return options


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
