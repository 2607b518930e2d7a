"""Sentences read with the text they depend on: what a penalty sanctions, what a list
item continues.

A regulation states a duty in one place and its sanction in another, by reference:
「会展活动举办单位违反本条第一款、第二款规定的，给予警告，并可以处三万元以上十万元以下的罚款」
follows the duty in the same article; 「违反本条例第二十六条第一、二、三、四、九项规定…处五千元
以下罚款」 stands in a later article (or the sanction comes first and the breaches are
listed after it: 有下列情形之一的，…处五万元以下罚款：（一）…). A question about the breach
(在农村公路上打场晒粮怎么罚) names the duty's words, which the sanction does not repeat:
``referred_text`` gives a sanction the text it refers to, and ``sanctioning_clauses``
finds the articles that sanction the ones retrieved, so that a penalty question reaches
them. A list item (（一）县道不少于十米；) says what its lead-in says (``lead_in``).
"""

from __future__ import annotations

import re

from ingest.models import Clause
from ingest.parser import chinese_number
from kb.knowledge_base import ClauseHit
from kb.scope import KnowledgeView

_N = "[一二三四五六七八九十百零〇两\\d]+"
# 违反本条第一款, 违反前款规定, 违反前两款: the rules of this article before the sentence
_THIS_ARTICLE = re.compile(r"违反(?:本条(?!例)|本款|前款|前[两二三四五]款|上述)")
# 有下列情形之一的，…处五万元以下罚款: the list of breaches that follows in the article
_LIST_BELOW = re.compile(r"下列(?:情形|行为|情况|事项)")
# 违反本条例第十一条、第十二条第二款规定: articles of the same document, by number
_OTHER_ARTICLES = re.compile(
    r"违反本(?:条例|规定|办法|法|细则|决定)([^。；，]{0,60}?)(?:规定|，|的)"
)
# 第二十六条第一、二、九项 / 第二十八条第（六）项 / 第十条至第十五条
_ARTICLE = re.compile(rf"第({_N})条((?:第[（(]?{_N}[)）]?(?:[、至和][（(]?{_N}[)）]?)*项)?)")
_RANGE = re.compile(rf"第({_N})条至第({_N})条")
_ITEM_NUMBERS = re.compile(rf"[（(]?({_N})[)）]?")
# a list item's marker: （一） (1) （1） 1. 1、, not 2.5万元
_ITEM = re.compile(r"^(?:（([一二三四五六七八九十]+)）|[（(](\d{1,2})[)）]|(\d{1,2})[.．、](?!\d))")
# what a regulation does to whoever breaches it (sentences.py fits a penalty answer by it)
SANCTION = re.compile(
    r"罚款|罚金|警告|处分|吊销|拘留|没收|责令|停业|取缔|通报批评|信用惩戒|追究[^。；]{0,8}责任|处以|并处"
)
_MAX_SANCTIONING = 6  # articles added to a penalty question's hits; scoring picks among them
_ASKS = re.compile(r"罚|处分|法律责任|\bpenalt|\bfined\b|\bfines? for\b|\bpunish", re.I)

Reference = tuple[int, frozenset[int]]  # (article, its items referred to; empty: all of it)


def references(sentence: str) -> list[Reference]:
    """The articles (and items) a sentence refers to as 违反本条例第N条…规定."""
    found: list[Reference] = []
    for match in _OTHER_ARTICLES.finditer(sentence):
        span = match.group(1)
        for a, b in _RANGE.findall(span):
            found += [(n, frozenset()) for n in range(chinese_number(a), chinese_number(b) + 1)]
        for number, items in _ARTICLE.findall(span):
            numbers = [chinese_number(n) for n in _ITEM_NUMBERS.findall(items.strip("第项"))]
            if "至" in items and len(numbers) == 2:  # 第（一）至（四）项
                numbers = list(range(numbers[0], numbers[1] + 1))
            found.append((chinese_number(number), frozenset(numbers)))
    return found


def article_number(clause: Clause) -> int:
    """第二十六条 → 26; 0 for a clause that is no article."""
    match = re.match(rf"第({_N})条", clause.number)
    return chinese_number(match.group(1)) if clause.kind == "article" and match else 0


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
    wanted = dict(references(sentence))
    for hit in hits:
        number = article_number(hit.clause)
        if hit.clause.doc_id == clause.doc_id and number in wanted:
            parts.append(_items(hit.clause.text, wanted[number]))
    return " ".join(p for p in parts if p)


def _items(text: str, numbers: frozenset[int]) -> str:
    """The lines of an article holding the items asked for, with its lead-in; all of it
    when no item is named."""
    if not numbers:
        return text
    lines = text.split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        match = _ITEM.match(line.strip())
        if match and chinese_number(next(g for g in match.groups() if g)) in numbers:
            kept.append(line)
    return "\n".join(kept)


def lead_in(sentence: str, start: int, clause: Clause) -> str:
    """The sentence introducing a list item (…距离标准为：（一）县道不少于十米): an item
    holds what its lead-in says, as the items of 有下列情形之一的： do."""
    if not _ITEM.match(sentence):
        return ""
    colon = max(clause.text.rfind("：", 0, start), clause.text.rfind(":", 0, start))
    if colon < 0 or "。" in clause.text[colon:start]:  # the list ended before this item
        return ""
    begin = max(clause.text.rfind(end, 0, colon) for end in "。；\n") + 1
    return clause.text[begin : colon + 1]


def set_before(sentence: str, start: int, clause: Clause) -> str:
    """The paragraph of a clause up to and with ``sentence`` (at ``start``): where the plan
    sets the scene it then acts in (共同拓展东盟市场。广东省协助黑龙江省…企业…对外贸易)."""
    begin = clause.text.rfind("\n", 0, start) + 1
    return clause.text[begin : start + len(sentence)]


def asks_sanction(answer_type: str, text: str) -> bool:
    """Whether a question asks what befalls a breach (怎么罚, 罚多少, 什么法律责任)."""
    return answer_type == "penalty" or _ASKS.search(text) is not None


def sanctioning_clauses(view: KnowledgeView, hits: list[ClauseHit]) -> list[ClauseHit]:
    """Articles of the hits' documents that sanction a breach of a hit article, the
    best hit's first; scored below the last hit."""
    rank: dict[tuple[str, int], int] = {}
    for n, hit in enumerate(hits):
        number = article_number(hit.clause)
        if number:
            rank.setdefault((hit.clause.doc_id, number), n)
    have = {h.clause.clause_id for h in hits}
    found: dict[str, int] = {}
    for doc_id in dict.fromkeys(doc for doc, _ in rank):
        for clause in view.document(doc_id).clauses:
            refers = [rank[doc_id, n] for n, _ in references(clause.text) if (doc_id, n) in rank]
            if refers and clause.clause_id not in have and SANCTION.search(clause.text):
                found[clause.clause_id] = min(refers)
    floor = min((h.score for h in hits), default=0.0)
    chosen = sorted(found, key=lambda cid: found[cid])[:_MAX_SANCTIONING]
    return [view.clause_hit(cid, floor * (0.9 - 0.05 * n)) for n, cid in enumerate(chosen)]
