"""Questions about a document itself: how it is laid out, and when it takes effect.

「重点任务分哪几大块？」「保障措施一共有几条？」「这个方案分几个部分？」 ask for the parts of a
heading, not for what a sentence says: no sentence of the plan lists its own headings,
so sentence evidence cannot answer them, while the outline the parser read
(ingest/parser.py) answers them exactly. A question is read as one when it asks for
parts or a count of them and every content word it names (the document's title words
aside) is in one heading that has parts; with no word left, it asks for the
document's own top-level parts.

「济南市农村公路条例几号开始实施？」「厂务公开条例生效日期」 ask when a named document takes
effect: its closing article says so (本条例自2014年11月1日起施行), in words the question
rarely shares (生效, 开始实施), so it is quoted from the document named, not searched for.
「这个方案是哪天印发的？」「东莞市文明行为促进条例是哪天批准的？」 ask when, or by whom, a
document was issued, adopted or approved: no clause says so, its head does (the covering
notice's signature 国家发展改革委 2018年3月17日, a regulation's 题注 …会议通过/批准), which
ingest keeps beside the clauses (``ParsedDocument.notice``) and is quoted from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.answering.query import Query
from ingest.chunking import sentence_spans
from ingest.head import CLOSING_CLAUSES, effective_date
from ingest.models import OutlineNode, ParsedDocument
from kb.scope import KnowledgeView

# asks for parts or their number: 分哪几块, 有几条, 包括哪些方面, 分别是什么, 几个部分
_ASKS_PARTS = re.compile(
    r"(?:分|分为|包括|包含|有|是)(?:哪几|几)(?:个|大|项|条|类|部分|方面|块|章|节)"
    r"|几(?:个|大)?(?:部分|方面|块|大块|章|节)|分别是|由哪几|哪几(?:个|大)?(?:部分|方面|块|章|节)"
    r"|what are the (?:parts|sections|main tasks)|how many (?:parts|sections|tasks|measures)",
    re.I,
)


# asks when a document takes effect (with a "when" answer type: 何时生效, 几号开始实施), not
# when it was adopted or published (什么时间通过的)
_EFFECT = r"生效|施行|实施|执行|起效|take effect|come into (?:force|effect)|in force|\beffective\b"
_ASKS_EFFECT = re.compile(_EFFECT, re.I)
_OTHER_EVENT = re.compile(
    r"通过|公布|颁布|发布|印发|修订|修正|修改|批准|制定|adopt|publish|amend", re.I
)
# words that only say which date is asked for
_DATE_WORDS = re.compile(rf"{_EFFECT}|开始|日期|时间|come into|\bdates?\b", re.I)
# asks for the event of a document's head: issued, adopted, approved, amended
_HEAD_EVENT = re.compile(
    r"通过|批准|发布|印发|公布|颁布|出台|制定|下发|发(?:的|文|出|下来|了)|签发|修正|修订|落款"
    r"|adopt|approv|issu|publish|enact|releas|amend",
    re.I,
)
# the head's lines that state each event (a signature states an issue: 国家发展改革委 2018年…)
_HEAD_LINE = {
    "通过": "通过",
    "制定": "通过",  # a plan's drafters are not its signer: only an adoption line says it
    "批准": "批准",
    "修正": "修正|修订",
    "修订": "修正|修订",
}
_HEAD_LINE_EN = {"adopt": "通过", "approv": "批准", "amend": "修正|修订", "enact": "通过"}
# a line of a head stating an event begins with its date (2014年7月23日…会议通过); a covering
# notice's own sentences (两省将通过市场化方式…) state none
_DATED_LINE = re.compile(r"^\d{4}年\d{1,2}月(?:\d{1,2}日)?")
# in English a title's kind of document (the Food Safety Law is 食品安全法): its words
# (食品, 安全) name the document, "law" does not translate into its title
_KIND_EN = re.compile(r"laws?|regulations?|acts?|rules?|measures?|provisions?|codes?", re.I)


@dataclass(frozen=True)
class DocumentFact:
    """A fact about one document, quoted from the sentence of it that states it."""

    doc_id: str
    doc_title: str
    clause_id: str  # the clause that states it; for the head, the document's first
    sentence: str  # 本条例自2014年11月1日起施行。
    value: str  # 2014年11月1日
    kind: str = "effective"  # effective | head (quoted from the document's head)


@dataclass(frozen=True)
class OutlineParts:
    """The heading asked about and its parts, as clause ids to cite and lines to show."""

    doc_id: str
    doc_title: str
    heading: str  # 四、重点任务; the document's title when its top level is asked for
    parts: tuple[tuple[str, str], ...]  # (clause id to cite, 「（一）加强改革经验交流…」)


def outline_parts(query: Query, view: KnowledgeView) -> OutlineParts | None:
    """The parts the question asks for, when it asks about the outline of one document."""
    asks = _ASKS_PARTS.search(query.text)
    if asks is None:
        return None
    for doc in view.documents():
        title = doc.title.lower()
        named = [  # the words saying "parts" (几个部分) are no heading's words
            t for t in query.content_terms if not t.found_in(title) and t.text not in asks.group(0)
        ]
        nodes = {n.key: n for n in doc.outline}
        if not named:
            top = [n for n in doc.outline if "." not in n.key]
            return _parts(doc, f"《{doc.title}》", top) if len(top) > 1 else None
        for node in doc.outline:
            heading = f"{node.number}{node.title}"
            if node.children and all(t.found_in(heading) for t in named):
                children = [nodes[k] for k in node.children if k in nodes]
                return _parts(doc, f"「{heading}」", children)
    return None


def _parts(doc: ParsedDocument, heading: str, nodes: list[OutlineNode]) -> OutlineParts | None:
    clause_keys = {c.key for c in doc.clauses}
    parts = []
    for node in nodes:
        key = _first_clause(node.key, doc, clause_keys)
        if key is None:
            return None
        parts.append((f"{doc.doc_id}:{key}", f"{node.number}{node.title}"))
    return OutlineParts(doc.doc_id, doc.title, heading, tuple(parts)) if parts else None


def _first_clause(key: str, doc: ParsedDocument, clause_keys: set[str]) -> str | None:
    """The node's own clause, or the first clause under it (a heading may hold no text)."""
    if key in clause_keys:
        return key
    return next((c.key for c in doc.clauses if c.key.startswith(f"{key}.")), None)


def effective_fact(query: Query, view: KnowledgeView, cited: KnowledgeView) -> DocumentFact | None:
    """When the document the question names takes effect, if it asks that and says so.

    The document is the one whose title holds every content word the question uses
    besides those asking for the date; with none (本条例何时施行), the one the best
    clause found is in (``cited``).
    """
    if query.answer_type != "when" or not _ASKS_EFFECT.search(query.text):
        return None
    doc = _asked_document(query, view, cited, _DATE_WORDS)
    if doc is None:
        return None
    if any(m.group() not in doc.title for m in _OTHER_EVENT.finditer(query.text)):
        return None  # 什么时间通过的 asks another date (制定 of 丽水市制定…条例 is its title)
    for clause in reversed(doc.clauses[-CLOSING_CLAUSES:]):
        for start, end in sentence_spans(clause.text):
            sentence = clause.text[start:end]
            date = effective_date([sentence], "公布之日")  # 自公布之日起施行
            if date:
                value = doc.effective or date
                return DocumentFact(doc.doc_id, doc.title, clause.clause_id, sentence, value)
    return None


def head_fact(query: Query, view: KnowledgeView, cited: KnowledgeView) -> DocumentFact | None:
    """When or by whom the document the question names was issued, adopted or approved,
    quoted from its head: the lines stating the event asked, or those giving its date and
    issuer (a signature) when none names it."""
    asked = [m.group() for m in _HEAD_EVENT.finditer(query.text)]
    if query.answer_type not in ("when", "who") or not asked:
        return None
    doc = _asked_document(query, view, cited, _HEAD_EVENT)
    if doc is None or not doc.notice:
        return None
    asked = [a for a in asked if a not in doc.title]  # 丽水市制定地方性法规条例: its title's
    if not asked:
        return None
    lines = [line.strip() for line in doc.notice.splitlines() if line.strip()]
    events = {_HEAD_LINE.get(a) or _english_event(a) for a in asked}
    wanted = "|".join(e for e in events if e)
    chosen = [
        line for line in lines if wanted and _DATED_LINE.match(line) and re.search(wanted, line)
    ]
    if not chosen and not wanted:  # 印发, 发布: the signature gives its issuer and date
        chosen = [line for line in lines[-2:] if line in (doc.issuer, doc.date)]
    value = doc.date if query.answer_type == "when" else doc.issuer
    if not chosen or not value:
        return None
    first = doc.clauses[0].clause_id if doc.clauses else ""
    return DocumentFact(doc.doc_id, doc.title, first, " ".join(chosen), value, "head")


def names_document(text: str, fact: str) -> bool:
    """Whether ``fact`` (a year) in ``text`` says which document is asked about: the
    event of its head follows it (2018年出台的这个方案, the 2018 plan issued by…)."""
    at = text.find(fact)
    return at >= 0 and bool(
        _HEAD_EVENT.match(text[at + len(fact) :].lstrip("年 ")[:4])
        or re.match(r"\s*(?:plan|document)", text[at + len(fact) :], re.I)
    )


def _english_event(word: str) -> str:
    return next((v for k, v in _HEAD_LINE_EN.items() if word.lower().startswith(k)), "")


def _asked_document(
    query: Query, view: KnowledgeView, cited: KnowledgeView, asking: re.Pattern[str]
) -> ParsedDocument | None:
    """The one document whose title holds every content word of the question besides
    those ``asking`` what about it; with none (本条例何时施行), the one cited."""
    named = [
        t
        for t in query.content_terms
        if not t.frame and not asking.search(t.text) and not _KIND_EN.fullmatch(t.text)
    ]
    docs = [d for d in view.documents() if all(t.found_in(d.title) for t in named)]
    fallback = {d.doc_id for d in cited.documents()}
    if len(docs) > 1:
        docs = [d for d in docs if d.doc_id in fallback]
    return docs[0] if len(docs) == 1 else None
