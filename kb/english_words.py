"""English word forms: the words that only frame a question, stems and dictionary forms.

They let "cooperate" meet "cooperation", "sold" meet "sell" and "cities" meet "city" when
an English question's words are looked up in the glossary (kb/data/glossary_en.yaml).
"""

from __future__ import annotations

from functools import lru_cache

from kb.text import english_glossary

# nouns and verbs scikit-learn's list counts as stop words that name things in a question
_NOT_FUNCTION = frozenset(
    """interest detail side top bottom front back name fire bill system amount full computer
    mill""".split()
)


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """English words that only frame a question (they, take, should…): scikit-learn's
    English stop words, less the nouns among them and those the glossary gives a plan
    word for (fire → 火灾)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    glossed = set(english_glossary())
    return frozenset(w for w in ENGLISH_STOP_WORDS if w not in glossed and w not in _NOT_FUNCTION)


def english_stem(word: str) -> str:
    """The Snowball (Porter 2) stem, which lets "cooperate" meet "cooperation" and
    "investing" meet "investment" (and not "investigation")."""
    return _stemmer().stemWord(singular(word.lower()))


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def lemmas(word: str, nouns: bool = False) -> tuple[str, ...]:
    """An English word's dictionary forms other than itself (sold → sell, cities → city,
    works → work), by lemminflect's tables, or only its forms as a noun (listing is no
    list); the naive singular when it knows none."""
    from lemminflect import getAllLemmas

    kinds = ("NOUN",) if nouns else ("NOUN", "VERB")  # fairer is no fair (交易会)
    found = [b for pos, forms in getAllLemmas(word).items() if pos in kinds for b in forms]
    found = found or [singular(word)]
    return tuple(b for b in dict.fromkeys(found) if b != word)


def singular(word: str) -> str:
    """Naive English singular, enough to match glossary entries: homes → home."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
