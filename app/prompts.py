"""Prompt templates are files in ``prompts/``; each is checked for its placeholders at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from langchain_core.prompts import PromptTemplate

# file stem → the placeholders it must use, no more and no fewer
REQUIRED: dict[str, frozenset[str]] = {
    "extractive_answer_zh": frozenset({"doc_title", "points"}),
    "extractive_answer_en": frozenset({"doc_title", "points"}),
    "not_covered_zh": frozenset({"reason"}),
    "not_covered_en": frozenset({"reason"}),
    "duties_answer_zh": frozenset({"doc_title", "party", "points"}),
    "llm_system_zh": frozenset(),
    "llm_answer_zh": frozenset({"clauses", "question"}),
    "condense_question_zh": frozenset({"history", "question"}),
}


class PromptError(ValueError):
    """A prompt file is missing or uses the wrong placeholders."""


@dataclass(frozen=True)
class Prompts:
    templates: dict[str, PromptTemplate]

    def render(self, name: str, **values: str) -> str:
        return self.templates[name].format(**values).strip()


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
    return Prompts(templates)
