"""Prompt templates are files in ``prompts/``; each is checked for its placeholders at start-up."""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

import yaml
from langchain_core.prompts import PromptTemplate

# file stem → the placeholders it must use, no more and no fewer
REQUIRED: dict[str, frozenset[str]] = {
    "extractive_answer_zh": frozenset({"doc_title", "points"}),
    "extractive_answer_en": frozenset({"doc_title", "points"}),
    "not_covered_zh": frozenset({"texts", "reason", "nearest"}),
    "not_covered_en": frozenset({"texts", "reason", "nearest"}),
    "duties_answer_zh": frozenset({"doc_title", "party", "points"}),
    "outline_answer_zh": frozenset({"doc_title", "heading", "count", "points"}),
    "outline_answer_en": frozenset({"doc_title", "heading", "count", "points"}),
    "effective_answer_zh": frozenset({"doc_title", "date", "points"}),
    "effective_answer_en": frozenset({"doc_title", "date", "points"}),
    "head_answer_zh": frozenset({"doc_title", "points"}),
    "head_answer_en": frozenset({"doc_title", "points"}),
    "llm_system_zh": frozenset(),
    "llm_answer_zh": frozenset({"clauses", "question", "not_mentioned"}),
    "partial_answer_zh": frozenset({"texts", "doc_title", "points", "reason"}),
    "partial_answer_en": frozenset({"doc_title", "points", "reason"}),
    "yes_answer_zh": frozenset({"doc_title", "points"}),
    "no_more_zh": frozenset({"doc_title"}),
    "no_more_en": frozenset({"doc_title"}),
    "yes_answer_en": frozenset({"doc_title", "points"}),
    "condense_question_zh": frozenset({"history", "question"}),
}


class PromptError(ValueError):
    """A prompt file is missing or uses the wrong placeholders."""


# reason codes the coverage policy decides (app/answering/policy.py): prompts/reasons.yaml
REASONS = frozenset(
    "empty premise missing unrelated not_together no_amount no_date no_frequency no_name "
    "no_place no_penalty no_procedure no_members reversed not_stated partial partial_apart".split()
)
_NO_MISSING = frozenset({"empty", "unrelated"})  # these say no {missing}

# what a reply calls the texts asked, by the kind their titles end in: prompts/texts.yaml
TEXTS = frozenset({"plan", "regulation", "mixed"})
_PLAN_ENDS = ("方案", "规划", "计划", "纲要")  # (a 通知 or 意见 is a 文件)
_REGULATION_ENDS = ("条例", "法", "办法", "规定", "细则", "决定", "规则")

# where a face shows a refusal's nearest clauses: prompts/nearest.yaml says so in words
Nearest = Literal["below", "related"]
NEAREST: frozenset[str] = frozenset(get_args(Nearest))


@dataclass(frozen=True)
class Prompts:
    templates: dict[str, PromptTemplate]
    reasons: dict[str, dict[str, str]] = field(default_factory=dict)
    nearest: dict[str, dict[str, str]] = field(default_factory=dict)
    texts: dict[str, dict[str, str]] = field(default_factory=dict)

    def render(self, name: str, **values: str) -> str:
        return self.templates[name].format(**values).strip()

    def reason(
        self, code: str, language: str, missing: list[str], texts: str, said: str = ""
    ) -> str:
        """Why the texts (``texts_word``) do not (fully) answer, in the reader's language;
        ``said`` quotes what they say instead (a relation the other way round), if any."""
        named = listing(missing, language)
        return self.reasons[code][language].format(missing=named, texts=texts, said=said)

    def not_covered(self, reason: str, language: str, nearest: Nearest, texts: str) -> str:
        """A refusal: why, then where the face shows the nearest clauses (which do not answer)."""
        where = self.nearest[nearest][language]
        return self.render(f"not_covered_{language}", texts=texts, reason=reason, nearest=where)

    def texts_word(self, titles: list[str], language: str) -> str:
        """What a reply calls the documents titled ``titles``: 方案, 法规 or 文件."""
        return self.texts[texts_kind(titles)][language]


def texts_kind(titles: list[str]) -> str:
    """plan, regulation or mixed, by the words the titles end in (实施方案, 条例, 法)."""
    kinds = set()
    for title in titles:
        bare = title.strip("《》 ").split("(")[0].split("（")[0]
        if bare.endswith(_PLAN_ENDS):
            kinds.add("plan")
        elif bare.endswith(_REGULATION_ENDS):
            kinds.add("regulation")
        else:
            kinds.add("mixed")
    return kinds.pop() if len(kinds) == 1 else "mixed" if kinds else "plan"


def listing(items: list[str], language: str) -> str:
    """Items as a reader of ``language`` lists them: 出让金、折扣 / bonus, discount."""
    return "、".join(items) if language == "zh" else ", ".join(items)


# reasons quoting what the texts say instead ({said}): a relation stated the other way round
_SAYS_OTHERWISE = frozenset({"reversed", "not_stated"})


def load_prompts(directory: Path) -> Prompts:
    templates = {}
    for name, required in REQUIRED.items():
        path = directory / f"{name}.txt"
        if not path.is_file():
            raise PromptError(f"prompt file missing: {path}")
        template = PromptTemplate.from_template(path.read_text(encoding="utf-8"))
        found = frozenset(template.input_variables)
        if found != required:
            missing = ", ".join(sorted(required - found)) or "none"
            unknown = ", ".join(sorted(found - required)) or "none"
            raise PromptError(f"{path}: placeholders missing: {missing}; unknown: {unknown}")
        templates[name] = template
    return Prompts(
        templates,
        _load_wordings(directory / "reasons.yaml", REASONS, _reason_placeholders),
        _load_wordings(directory / "nearest.yaml", NEAREST, lambda _: set()),
        _load_wordings(directory / "texts.yaml", TEXTS, lambda _: set()),
    )


def _reason_placeholders(code: str) -> set[str]:
    said = {"said"} if code in _SAYS_OTHERWISE else set()
    return said if code in _NO_MISSING else {"missing", *said}


def _load_wordings(
    path: Path, codes: frozenset[str], placeholders: Callable[[str], set[str]]
) -> dict[str, dict[str, str]]:
    """A table of wordings: every code, in zh and en, with exactly its placeholders."""
    if not path.is_file():
        raise PromptError(f"prompt file missing: {path}")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) != codes:
        raise PromptError(f"{path}: expected exactly the codes {sorted(codes)}")
    for code, wording in data.items():
        if not isinstance(wording, dict) or set(wording) != {"zh", "en"}:
            raise PromptError(f"{path}: {code} needs a zh and an en wording")
        for text in wording.values():
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f} - {"texts"}
            if fields != placeholders(code):  # {texts} (方案, 法规) where the wording names them
                used = ", ".join(f"{{{f}}}" for f in sorted(placeholders(code))) or "no placeholder"
                raise PromptError(f"{path}: {code} must use {used} (and {{texts}} at most)")
    return data
