"""The conversation as the browser keeps it: the answers, in order, as JSON.

The chat's messages, the citation column and the follow-up context are all read
from this one list, so a reload restores all three and clearing it clears all three.
"""

from __future__ import annotations

import re
from typing import Any

from app.answering import Answer, Turn

KEPT_ANSWERS = 30  # localStorage holds a few MB; older answers drop out of the context too
_MARKDOWN = re.compile(r"([\\`*_<])")


def load(stored: Any) -> list[Answer]:
    """The answers kept in the browser; anything unreadable starts a new conversation."""
    if not isinstance(stored, list):
        return []
    try:
        return [Answer.from_json(item) for item in stored]
    except (TypeError, AttributeError):  # written by another version of the app
        return []


def dump(answers: list[Answer]) -> list[dict]:
    return [a.to_json() for a in answers[-KEPT_ANSWERS:]]


def turns(answers: list[Answer]) -> list[Turn]:
    """What a follow-up question (「还有呢？」) continues from."""
    return [Turn.from_answer(a) for a in answers]


def messages(answers: list[Answer]) -> list[dict[str, str]]:
    """The chat's messages: each question and its answer, as plain text."""
    shown = []
    for answer in answers:
        shown.append(question_message(answer.question))
        shown.append({"role": "assistant", "content": answer_text(answer)})
    return shown


def question_message(question: str) -> dict[str, str]:
    return {"role": "user", "content": plain(question.strip())}


def answer_text(answer: Answer) -> str:
    """The answer, then the clauses it quotes by number: what the copy button copies."""
    text = plain(answer.answer)
    if answer.abstained:
        return f"⚠️ {text}"
    quoted = answer.quoted_numbers()
    refs = "\n".join(
        f"[{n}] {plain(c.label)}" for n, c in enumerate(answer.citations, 1) if n in quoted
    )
    return f"{text}\n\n{refs}" if refs else text


def plain(text: str) -> str:
    """Text shown as written, not as Markdown or HTML: ``<b>`` stays visible and inert.

    Markdown's backslash escapes keep a copied message readable (no ``&amp;``) where
    HTML entities would not; the answers' "- " list lines are kept as Markdown lists.
    """
    return _MARKDOWN.sub(r"\\\1", text)
