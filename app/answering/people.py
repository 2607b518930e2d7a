"""People a question names: a premise the texts must state (王小明, 王副省长, 张教授).

jieba tags the names it knows (王小明); a surname before a title (王副省长: one hanzi before
a word the thesaurus lists as a person, together no word of the texts nor of jieba's
dictionary) names one as well. A "name" jieba guesses right after an interrogative
(多少钱一平 is no 钱一平) names nobody.
"""

from __future__ import annotations

from collections.abc import Callable

from app.answering.parts import INTERROGATIVE
from kb.text import in_dictionary, is_hanzi, tagged_words
from kb.thesaurus import is_person_word

_PERSON = ("nr", "nrfg", "nrt")


def person_names(text: str, in_texts: Callable[[str], bool]) -> list[str]:
    """People the question names: as jieba tags them (王小明), or a surname before a title
    (王副省长, 张教授: one hanzi before a word for a person, together no word of the texts
    nor of jieba's dictionary)."""
    names, at, ends = [], 0, asked_ends(text)
    words = tagged_words(text)
    for i, (word, flag) in enumerate(words):
        start = text.find(word, at)
        at = start + len(word) if start >= 0 else at
        if start > 0 and (text[start - 1].isdigit() or (i > 0 and words[i - 1][1] == "m")):
            continue  # what a number counts (名 of 1000名干部, 多少名干部) is no name nor surname
        if flag == "q" and i > 0 and words[i - 1][1].startswith("v"):
            continue  # nor does a measure word after a verb (找个合作伙伴, 找位专家, 请位教授)
        if flag in _PERSON and not guessed_name(flag, start, ends) and len(word) >= 2:
            names.append(word)
        elif i + 1 < len(words) and _surname_before_title(word, flag, *words[i + 1], in_texts):
            names.append(word + words[i + 1][0])
    return names


# one-hanzi words that are no surname before a title: pronouns (各, 该), numerals, adverbs,
# prepositions, conjunctions, particles, localizers, verbs (由省长任组长)
_NOT_SURNAME = ("r", "m", "d", "p", "c", "u", "f", "y", "v", "x")


def _surname_before_title(
    word: str, flag: str, title: str, title_flag: str, in_texts: Callable[[str], bool]
) -> bool:
    return (
        len(word) == 1
        and title_flag.startswith(("n", "b"))  # a noun (主任 is tagged b), not 哪个
        and is_hanzi(word)
        and not flag.startswith(_NOT_SURNAME)
        and any(is_person_word(title[k:]) for k in range(len(title) - 1))  # 副省长: 省长
        and not in_texts(word + title)
        and not in_dictionary(word + title)
    )


def asked_ends(text: str) -> frozenset[int]:
    """Where each interrogative of ``text`` ends."""
    return frozenset(m.end() for m in INTERROGATIVE.finditer(text))


def guessed_name(flag: str, start: int, ends: frozenset[int]) -> bool:
    """A "name" jieba guessed right after an interrogative: 多少钱一平 is no 钱一平."""
    return flag in _PERSON and start in ends
