"""The wrong options of a multiple-choice question: things of the answer's kind, from the plan.

A year's options are other years the plan sets for its tasks and the years next to the
answer, never one before the plan's first (a plan of 2018 asks for nothing by 2017),
the nearest first. A body's are bodies of its kind that cannot also be right: a province
for a province, an office for an office, none named in the sentence or lying in a place
it names (深圳市 is no option where 广东省 is where they go); a group (两省, 相关城市)
includes its fellows, so it gets none. A city's options are other cities, those the plan
names before the rest of its provinces' cities.
An item of an enumeration is the kind of thing its head noun says (…装备, …基金), the
taxonomy tags it as (an industry for an industry) and its list sums it up as (…等领域):
the options are the plan's items that share most of these with it. When the answer's own
list is of one head noun (政策环境、市场环境、金融环境) the options must have it too. Options
are drawn from the closest few so that quizzes differ; an answer with fewer than three
fitting others gets none and is asked as a fill-in question.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from app.workspaces.profile import provinces
from ingest.tagging import tag_text

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_KIN = 2.5  # an item needs two signs of kinship, or a shared head noun, to pass as one
_NEAR = 0.5  # how much more or less akin than the third closest an option may be


class Distractors:
    def __init__(
        self,
        texts: Iterable[str],
        items: Iterable[tuple[str, str]],
        bodies: Iterable[str],
        years: Iterable[int] = (),
    ) -> None:
        """``items``: (item, what its list sums it up as) of each enumeration item of the
        plan; ``bodies``: the parties the plan names; ``years``: those it sets for its
        tasks (到2020年, 2018—2019年), not those of the documents it cites."""
        plan = "".join(texts)
        self._years = sorted(set(years))
        self._categories: dict[str, str] = {}
        for item, category in items:
            self._categories.setdefault(item, category)
        self._bodies = sorted(set(bodies))
        self._places: dict[str, tuple[str, str, bool]] = {}  # name → level, province, named
        for province in provinces():
            for level, names in (("province", province.names[:1]), ("city", province.cities)):
                for name in names:  # a province by its name, not 粤 or 珠三角
                    self._places[name] = (level, province.name, name in plan)

    def options(
        self,
        kind: str,
        answer: str,
        sentence: str,
        rng: random.Random,
        mates: tuple[str, ...] = (),
    ) -> list[str]:
        """The answer and three others of its kind in random order, or [] if too few fit.

        ``kind``: item | when | who; ``mates``: the items of the answer's own list.
        """
        if kind == "when":
            scored = self._other_years(answer)
        elif kind == "who":
            scored = self._other_bodies(answer, sentence)
        elif self._place(answer):
            scored = self._other_places(answer)
        else:
            head = answer[-2:] if any(m != answer and m[-2:] == answer[-2:] for m in mates) else ""
            scored = [
                (kin, item)
                for item in self._categories
                if item.endswith(head) and (kin := self._item_kinship(answer, item)) >= _KIN
            ]
        fitting: list[tuple[float, str]] = []
        for kin, other in sorted((-kin, other) for kin, other in scored):
            if other in sentence or any(other in o or o in other for _, o in fitting):
                continue  # not two options one inside the other: 组织部门, 两省组织部门
            if other not in answer and answer not in other:
                fitting.append((kin, other))
        if len(fitting) < 3:
            return []
        # the clearly closest always; the rest drawn from those about as close as the third
        third = -fitting[2][0]
        sure = [other for kin, other in fitting if -kin > third + _NEAR]
        near = [other for kin, other in fitting if third - _NEAR <= -kin <= third + _NEAR]
        options = sure + rng.sample(near, 3 - len(sure)) + [answer]
        rng.shuffle(options)
        return options

    def _other_years(self, answer: str) -> list[tuple[float, str]]:
        """The plan's task years and the two either side of the answer, none before the
        first task year; the nearer the more akin, the plan's own a little more."""
        year = _YEAR.search(answer)
        if not year or not answer.endswith("年"):
            return []
        wanted = int(year.group())
        first = min(self._years, default=wanted)
        near = {wanted + d for d in (-2, -1, 1, 2)}
        return [
            (-abs(y - wanted) + 0.5 * (y in self._years), answer.replace(year.group(), str(y)))
            for y in sorted(set(self._years) | near)
            if y >= first
        ]

    def _item_kinship(self, answer: str, other: str) -> float:
        """How far two items are the same kind of thing: the same head noun, both
        industries, listed as the same; a little less for each character of length apart."""
        if self._place(other):
            return 0.0  # a place is not the kind of an item that is not one
        score = 0.0
        if answer[-2:] == other[-2:]:
            score += 3
        elif answer[-1] == other[-1]:
            score += 1
        industries = [_industries(answer), _industries(other)]
        if all(industries):
            score += 2 + (1 if industries[0] & industries[1] else 0)
        mine, theirs = self._categories.get(answer, ""), self._categories.get(other, "")
        if mine and theirs and mine[-2:] == theirs[-2:]:
            score += 1.5  # a hint: the noun after 等 is not always what the list sums up
        return score - 0.25 * abs(len(answer) - len(other))

    def _other_bodies(self, answer: str, sentence: str) -> list[tuple[float, str]]:
        """Bodies of the answer's kind that the sentence does not rule in: for a place,
        places of its level (see ``_other_places``); for an office or an official, the
        plan's others of that kind, those of the same head (部门 for 部门) first."""
        kind = self._body_kind(answer)
        if kind == "group":
            return []  # 两省 is right wherever 广东省 is, and 相关城市 wherever 深圳市 is
        if self._place(answer):
            rest = sentence.replace(answer, "", 1)
            named = {p for n, (_, p, _) in self._places.items() if n in rest}
            return [
                (kin, other)
                for kin, other in self._other_places(answer)
                if (self._place(other) or ("", "", False))[1] not in named
            ]  # not where the sentence already is: 赴广东省 rules out 广东省 and 深圳市
        return [
            (3.0 * (answer[-2:] == b[-2:]) - 0.25 * abs(len(answer) - len(b)), b)
            for b in self._bodies
            if self._body_kind(b) == kind
        ]

    def _body_kind(self, name: str) -> str:
        """place | group (两省, 相关城市: places, but none in particular) | official | office."""
        if self._place(name):
            return "place"
        if name.endswith(("省", "市")):
            return "group"
        return "official" if name.endswith("长") else "office"

    def _place(self, name: str) -> tuple[str, str, bool] | None:
        """(level, province, named in the plan) of a place: 深圳, 深圳市, 广东省."""
        return self._places.get(name) or self._places.get(re.sub(r"[省市]$", "", name))

    def _other_places(self, answer: str) -> list[tuple[float, str]]:
        """Places of the answer's level: those the plan names, then its own province's."""
        level, province, _ = self._place(answer) or ("", "", False)
        suffix = answer[-1] if answer[-1] in "省市" else ""
        return [
            (2.0 * named + (p == province), name + suffix)
            for name, (lvl, p, named) in self._places.items()
            if lvl == level
        ]


def _industries(item: str) -> set[str]:
    return {t for t in tag_text(item) if t.startswith("industry:")}
