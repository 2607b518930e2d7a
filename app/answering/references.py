"""Sentences read with the rules they refer to: what a penalty sanctions.

A regulation states a duty in one place and its sanction in another, by reference
(or lists the breaches after the sanction: 有下列情形之一的，…处五万元以下罚款：（一）…):
「会展活动举办单位违反本条第一款、第二款规定的，给予警告，并可以处三万元以上十万元以下的罚款」
follows the duty in the same article; 「违反本条例第十一条规定发行预付卡的，…处两万元…」
stands in a later article. A question about the breach (让没交合规承诺的展商参展怎么罚) names
the duty's words, which the sanction does not repeat: read alone, it answers nothing
the question names. ``referred_text`` gives a sentence the text it refers to, so that
it holds what the duty holds; ``sanctioning_clauses`` finds the articles that sanction
the ones retrieved, so that a penalty question reaches them.
"""

from __future__ import annotations

import re

from ingest.models import Clause
from kb.knowledge_base import ClauseHit
from kb.scope import KnowledgeView

_NUMERAL = "[一二三四五六七八九十百零〇两]+"
# 违反本条第一款, 违反前款规定, 违反前两款: the rules of this article before the sentence
_THIS_ARTICLE = re.compile(r"违反(?:本条|本款|前款|前[两二三四五]款|上述)")
# 有下列情形之一的，…处五万元以下罚款: the list of breaches that follows in the article
_LIST_BELOW = re.compile(r"下列(?:情形|行为|情况|事项)")
# 违反本条例第十一条、第十二条第二款规定: articles of the same document, by number
_OTHER_ARTICLES = re.compile(
    rf"违反本(?:条例|规定|办法|法|细则|决定)((?:[^。；，]{{0,12}}?第{_NUMERAL}条)+)"
)
_ARTICLE = re.compile(rf"第({_NUMERAL})条")
# an article that sanctions (the words a penalty uses; app/answering/sentences.py fits them)
_SANCTIONS = re.compile(r"罚款|罚金|警告|处分|吊销|拘留|没收|责令|取缔|追究[^。；]{0,8}责任")
_MAX_SANCTIONING = 3  # articles added to a penalty question's hits
_ASKS = re.compile(r"罚|处分|法律责任|\bpenalt|\bfined?\b|\bpunish", re.I)


def referred_numbers(sentence: str) -> list[str]:
    """The article numbers a sentence refers to as 违反本条例第N条 (第十一条, …)."""
    found = []
    for match in _OTHER_ARTICLES.finditer(sentence):
        found += [f"第{n}条" for n in _ARTICLE.findall(match.group(1))]
    return found


def referred_text(sentence: str, start: int, clause: Clause, hits: list[ClauseHit]) -> str:
    """The text ``sentence`` (at ``start`` in ``clause``) refers to, among the hits."""
    # a piece after ；continues its sentence's condition:
    # 拒绝参加…的，责令限期改正；逾期不改正的，…并可处二百元以上一千元以下的罚款
    before = clause.text[clause.text.rfind("。", 0, start) + 1 : start]
    parts = [before]
    whole = before + sentence
    if _THIS_ARTICLE.search(whole):
        parts.append(clause.text[:start])
    if _LIST_BELOW.search(whole):
        parts.append(clause.text[start + len(sentence) :])
    numbers = set(referred_numbers(sentence))
    if numbers:
        parts += [
            h.clause.text
            for h in hits
            if h.clause.doc_id == clause.doc_id and h.clause.number in numbers
        ]
    return " ".join(p for p in parts if p)


_ITEM = re.compile(r"^(?:（[一二三四五六七八九十]+）|\(\d+\)|（\d+）|\d+[.．、])")


def lead_in(sentence: str, start: int, clause: Clause) -> str:
    """The sentence introducing a list item (…距离标准为：（一）县道不少于十米): an item
    holds what its lead-in says, as the items of 有下列情形之一的： do."""
    if not _ITEM.match(sentence):
        return ""
    colon = max(clause.text.rfind("：", 0, start), clause.text.rfind(":", 0, start))
    if colon < 0:
        return ""
    begin = max(clause.text.rfind(end, 0, colon) for end in "。；\n") + 1
    return clause.text[begin : colon + 1]


def asks_sanction(answer_type: str, text: str) -> bool:
    """Whether a question asks what befalls a breach (怎么罚, 罚多少, 什么法律责任)."""
    return answer_type == "penalty" or _ASKS.search(text) is not None


def sanctioning_clauses(view: KnowledgeView, hits: list[ClauseHit]) -> list[ClauseHit]:
    """Articles of the hits' documents that sanction a breach of a hit article, the
    best hit's first; scored below the last hit."""
    rank: dict[tuple[str, str], int] = {}
    for n, hit in enumerate(hits):
        if hit.clause.kind == "article":
            rank.setdefault((hit.clause.doc_id, hit.clause.number), n)
    have = {h.clause.clause_id for h in hits}
    found: dict[str, int] = {}
    for doc_id in dict.fromkeys(doc for doc, _ in rank):
        for clause in view.document(doc_id).clauses:
            refers = [rank[doc_id, n] for n in referred_numbers(clause.text) if (doc_id, n) in rank]
            if refers and clause.clause_id not in have and _SANCTIONS.search(clause.text):
                found[clause.clause_id] = min(refers)
    floor = min((h.score for h in hits), default=0.0)
    chosen = sorted(found, key=lambda cid: found[cid])[:_MAX_SANCTIONING]
    return [view.clause_hit(cid, floor * (0.9 - 0.05 * n)) for n, cid in enumerate(chosen)]
