"""How an English question's words are read: the glossary's phrases whole (ice and snow,
financial institutions), the words that ask (which department) out, and the kind of
answer a question names (what kinds of financial institutions) marked as the slot, as
哪些金融机构 is in Chinese. terms.py then finds the plan's words for each.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.answering.segments import Word
from kb.english_words import english_function_words, english_stem, lemmas
from kb.text import english_glossary, has_phrase, is_hanzi

_LATIN = re.compile(r"[A-Za-z][A-Za-z\-']*")
_KIND_SPAN = 20  # at most "which organisation"
_CLIPPED = 4  # the shortest clipped English word read as the word it begins (tech, info)


def is_english(text: str) -> bool:
    """Whether a question is written in English: more than twice as many letters as hanzi."""
    letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    cjk = sum(is_hanzi(ch) for ch in text)
    return letters > 2 * cjk and letters >= 3


def english_words(
    text: str, asks: tuple[int, int], is_content: Callable[[str, str], bool]
) -> list[Word]:
    """An English question's content words: glossary phrases whole, the words asking
    for a kind of answer (which department) left out, the kind it names marked."""
    glossary = english_glossary()
    phrases = _phrases(text.lower())
    kind = _kind(text.lower(), phrases)
    # the words saying what kind of answer is wanted (which department) name no topic;
    # a long match (what does … mean) holds the topic itself
    if 0 < asks[1] - asks[0] <= _KIND_SPAN:
        text = text[: asks[0]] + " " + text[asks[1] :]
    # "kinds of" only says that kinds are asked for (which kinds of institutions)
    text = _KINDS_OF.sub(" ", text, count=1).strip()
    text = _SEMI_MODAL.sub(" ", text).strip()  # is supposed to play: a modal, as should is
    # a question's first word is capitalised as a sentence, not as a name
    text = text[:1].lower() + text[1:]
    lowered = text.lower()
    phrases = [p for p in phrases if has_phrase(lowered, p)]
    for phrase in phrases:
        lowered = lowered.replace(phrase, " ")
    original = {w.lower(): w for w in _LATIN.findall(text)}
    words = [  # low-carbon is one word when the glossary has it; its parts otherwise
        p
        for w in _LATIN.findall(lowered)
        for p in ([w] if w in glossary else w.split("-"))
        if len(p) > 2
    ]
    found = [original.get(w, w) for w in dict.fromkeys([*phrases, *words])]
    return [Word(w, "eng", 0, 0, w.lower() == kind) for w in found if is_content(w, "eng")]


def _phrases(lowered: str) -> list[str]:
    """The glossary's phrases ``lowered`` holds, longest first, each where no longer one
    holds it (financial institution inside financial institutions is no phrase of its own)."""
    glossary = english_glossary()
    found = sorted((en for en in glossary if " " in en and has_phrase(lowered, en)), key=len)
    phrases = []
    for phrase in reversed(found):
        if has_phrase(lowered, phrase):
            phrases.append(phrase)
            lowered = lowered.replace(phrase, " ")
    return phrases


# what kind of thing an English question asks for: the noun phrase after "which", "what"
# or "what kinds of" (which Guangdong financial institutions, as 广东哪些金融机构)
_KIND = re.compile(r"\b(?:what|which)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?([a-z][a-z\- ]*)")
_KINDS_OF = re.compile(r"\b(?:kinds?|types?|sorts?)\s+of\b", re.I)
# semi-modals: what they say of the verb after them (should, will) names nothing asked about
_SEMI_MODAL = re.compile(r"\b(?:supposed|expected|meant|going|required|due)\s+to\b", re.I)
# auxiliaries the stop-word list leaves out: "what kinds of support does the plan give"
_AUXILIARIES = frozenset({"do", "does", "did", "shall", "has", "have", "had"})


def _kind(lowered: str, phrases: list[str]) -> str | None:
    """The head of the noun phrase after "which", "what" or "what kinds of": its last word
    or glossary phrase before a function word (financial institutions of "which Guangdong
    financial institutions are…", projects of "what kinds of nuclear power projects
    will…"), as the noun at the end of 哪些核电项目 names the kind, and 核电 stays the topic."""
    match = _KIND.search(lowered)
    if match is None:
        return None
    rest, head = match.group(1), None
    while rest:
        unit = next((p for p in phrases if rest.startswith(p)), rest.split()[0])
        if unit in english_function_words() or unit in _AUXILIARIES:
            break
        head, rest = unit, rest[len(unit) :].strip()
    return head


def glossary_forms(word: str, contains: Callable[[str], bool]) -> tuple[str, ...]:
    """The texts' words the glossary gives for an English word (``contains`` says which the
    texts use): its entry, a word of the same stem's, or the one entry a clipped word begins."""
    glossary = english_glossary()
    if word in glossary:  # its entry; a plural's none in the texts: its singular's
        nouns = [glossary[b] for b in lemmas(word, nouns=True) if b in glossary]
        own = [glossary[word], *nouns]  # (tourists: 旅游者 | 旅游; listing: 上市, not list)
        return next((f for zh in own if (f := tuple(z for z in zh.split() if contains(z)))), ())
    # an inflected word is its dictionary form (sold: sell, held: hold) and its stem's
    stem = english_stem(word)
    same = [glossary[b] for b in lemmas(word) if b in glossary]
    same += [zh for en, zh in glossary.items() if " " not in en and english_stem(en) == stem]
    if not same and len(word) >= _CLIPPED:
        # a clipped word (tech, info) is the one glossary word it begins, if only one
        longer = [en for en in glossary if " " not in en and en.startswith(word)]
        if len({english_stem(en) for en in longer}) == 1:
            same = [glossary[en] for en in longer]
    return tuple(dict.fromkeys(z for zh in same for z in zh.split() if contains(z)))
