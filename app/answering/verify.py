"""Check a generated answer against the clauses it was given, sentence by sentence.

A model's citations are checked, not trusted: every marker [n] must name a clause
that was given, every sentence that states something must carry a marker, and the
numbers, years, organisations and places in a sentence must appear in the
clause(s) it cites. Sentences that fail are dropped and the reasons reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.chunking import sentence_spans
from kb.knowledge_base import ClauseHit
from kb.text import char_bigrams, normalize_query, tagged_words

_MARKER = re.compile(r"\[(\d{1,2})\]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ENTITY_TAGS = {"ns", "nt", "nz", "nr", "nrt", "nrfg"}


@dataclass
class Verification:
    text: str  # the answer with failing sentences removed
    ok: bool  # nothing had to be removed
    reasons: list[str] = field(default_factory=list)
    cited: list[list[str]] = field(default_factory=list)  # per hit: clause sentences backing it

    @property
    def empty(self) -> bool:
        return not _MARKER.search(self.text)


def _sentences(text: str) -> list[str]:
    """Sentences, with a marker written after the full stop ("…工作。[1]") kept with its sentence."""
    text = re.sub(r"([。！？!?.])((?:\[\d{1,2}\])+)", r"\2\1", text)
    parts = re.split(r"(?<=[。！？!?\n])|(?<=[.])\s+", text)
    return [p for p in (s.strip() for s in parts) if p]


def _states_something(sentence: str) -> bool:
    plain = _MARKER.sub("", sentence).strip()
    if plain.endswith(("：", ":")):
        return False  # a lead-in such as "根据方案："
    return sum(ch.isalnum() for ch in plain) >= 6


def _facts(sentence: str) -> list[str]:
    """Numbers, years, organisations and places a sentence asserts."""
    plain = _MARKER.sub("", sentence)
    facts = _NUMBER.findall(plain)
    facts += [
        word
        for word, flag in tagged_words(normalize_query(plain))
        if flag in _ENTITY_TAGS and len(word) >= 2
    ]
    return list(dict.fromkeys(facts))


def verify(answer: str, hits: list[ClauseHit]) -> Verification:
    kept: list[str] = []
    reasons: list[str] = []
    cited: list[list[str]] = [[] for _ in hits]
    for sentence in _sentences(answer):
        markers = [int(m) for m in _MARKER.findall(sentence)]
        if not markers:
            if _states_something(sentence):
                reasons.append(f"无引用的句子已删除：{sentence[:40]}")
                continue
            kept.append(sentence)
            continue
        unknown = [m for m in markers if not 1 <= m <= len(hits)]
        if unknown:
            reasons.append(f"引用了未提供的条款 [{unknown[0]}]：{sentence[:40]}")
            continue
        sources = [hits[m - 1] for m in markers]
        source_text = "".join(normalize_query(h.clause.text) for h in sources)
        missing = [f for f in _facts(sentence) if f not in source_text]
        if missing:
            reasons.append(f"“{'、'.join(missing)}”不见于所引条款：{sentence[:40]}")
            continue
        kept.append(sentence)
        for m in dict.fromkeys(markers):
            best = _closest_sentence(sentence, hits[m - 1].clause.text)
            if best and best not in cited[m - 1]:
                cited[m - 1].append(best)
    text = "".join(
        s if s.endswith("\n") else s + ("" if re.search(r"[。！？]$", s) else " ") for s in kept
    )
    return Verification(text.strip(), not reasons, reasons, cited)


def _closest_sentence(sentence: str, clause_text: str) -> str:
    """The clause sentence that shares most character pairs with a generated sentence."""
    grams = char_bigrams(normalize_query(_MARKER.sub("", sentence)))
    best, best_score = "", 0
    for start, end in sentence_spans(clause_text):
        candidate = clause_text[start:end]
        score = len(grams & char_bigrams(candidate))
        if score > best_score:
            best, best_score = candidate, score
    return best
