"""Which documents a question is about, when the knowledge base holds many.

Among thousands of plans, "中医药有合作吗" matches clauses of every 中医药 plan, and
their passages crowd the candidates out; the document that also speaks of 合作 is the
one meant. A document's *share* is the IDF-weighted part of the question's words it
contains (read from the lexical index's postings and the titles, not from a scan of the texts).
When a few documents clearly lead, retrieval runs again inside them; in any case a
clause's score is lifted by its document's share.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from kb.lexical import BM25LexicalIndex
from kb.text import term_weight

MAX_FOCUS = 20  # more leading documents than this: the words do not single any out
MIN_SHARE = 0.5  # the leading documents must hold at least this share of the words
LEAD_RATIO = 0.7  # documents within this fraction of the best share lead with it
TITLE_SHARE = 0.05  # a word in more titles than this says nothing about which plan is meant
MIN_TITLE = 6  # shorter titles could be ordinary words of a question
WEIGHT = 1.0  # a clause's score is multiplied by 1 + WEIGHT × its document's share


def document_shares(
    terms: list[str],
    lexical: BM25LexicalIndex,
    titles: Mapping[str, str],
    doc_ids: Collection[str] | None = None,
) -> dict[str, float]:
    """Document id → share of the question's words its text or title contains (if any)."""
    total = term_weight(terms)
    shares: dict[str, float] = {}
    if not total:
        return shares
    joined = "\n".join(titles.values())  # one fast search first: most words are in no title
    for term in terms:
        weight = term_weight([term]) / total
        found = lexical.documents_with(term, doc_ids)
        titled = {d for d, title in titles.items() if term in title} if term in joined else set()
        if len(titled) <= max(1, TITLE_SHARE * len(titles)):  # 吉林省 names a plan; 方案 does not
            found |= titled
        if doc_ids is not None:
            found &= set(doc_ids)
        for doc_id in found:
            shares[doc_id] = shares.get(doc_id, 0.0) + weight
    return shares


def leading_documents(shares: dict[str, float]) -> set[str] | None:
    """The documents with the highest share, if they are few and hold most of the words."""
    if not shares:
        return None
    best = max(shares.values())
    if best < MIN_SHARE:
        return None
    leading = {doc_id for doc_id, share in shares.items() if share >= LEAD_RATIO * best - 1e-9}
    return leading if len(leading) <= MAX_FOCUS else None


def named_documents(question: str, titles: Mapping[str, str]) -> dict[str, str]:
    """Documents the question names by their title, each with the words that name it.

    Users shorten titles: 军人保险法 for 中华人民共和国军人保险法, 北京院前医疗急救服务条例
    for 北京市院前医疗急救服务条例. A title is named when the question holds the longest
    part of it that ends the title (the kind of document: 条例, 办法, 方案) and that part
    is most of the title.
    """
    named: dict[str, str] = {}
    for doc_id, title in titles.items():
        mention = title_mention(question, title)
        if mention:
            named[doc_id] = mention
    return named


def title_mention(question: str, title: str) -> str:
    """The words of ``question`` that name ``title`` (its whole end), or ""."""
    core = title.removeprefix(_NATIONAL)
    if len(core) < MIN_TITLE // 2:
        return ""
    for start in range(len(core)):
        tail = core[start:]
        if len(tail) < max(4, MIN_NAMED_SHARE * len(core)):
            return ""
        if tail in question:
            return tail
    return ""


_NATIONAL = "中华人民共和国"
MIN_NAMED_SHARE = 0.55  # a shortened title keeps more than half of it
