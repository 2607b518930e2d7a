"""The answerers: one contract, tried in order by the answer service.

Each takes an ``AnswerRequest`` (the query, its decision, the hits) and yields text
as it is written and then one ``Answer``, or yields nothing when the request is not
its kind (the duties table answers only "X要做哪些事"). The coverage decision is made
before any of them runs; they only say what it decided, in their own way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol

from app.answering.citations import Answer, cite, strip_number
from app.answering.llm import LLMAnswerer, LLMError
from app.answering.policy import PARTIAL, Decision
from app.answering.query import Query
from app.answering.verify import verify
from app.prompts import Prompts, listing
from app.workspaces.duties import ACTS, DutyExtractor, duty_question_party
from kb.knowledge_base import ClauseHit
from kb.scope import KnowledgeView

_HEAD_LABEL = "文件头"  # a citation of the document's head: its signature, 题注 or notice


@dataclass
class AnswerRequest:
    query: Query
    decision: Decision
    hits: list[ClauseHit]
    view: KnowledgeView
    texts: str  # what the reply calls the texts asked: 方案, 法规 or 文件 (prompts/texts.yaml)
    skip: list[str] = field(default_factory=list)  # sentences already shown ("还有呢？")


class Answerer(Protocol):
    def answer(self, request: AnswerRequest) -> Iterator[str | Answer]: ...


def _answer(request: AnswerRequest, text: str, used: list[list[str]], **extra: object) -> Answer:
    decision = request.decision
    return Answer(
        request.query.asked,
        text,
        False,
        cite(request.hits, used),
        standalone_question=request.query.text,
        coverage=decision.outcome,
        missing=list(decision.missing),
        **extra,  # type: ignore[arg-type]
    )


class ExtractiveAnswerer:
    """Quotes the sentences the decision chose, each with its clause marker; no model."""

    def __init__(self, prompts: Prompts) -> None:
        self._prompts = prompts

    def compose(self, request: AnswerRequest) -> tuple[str, list[list[str]]]:
        decision = request.decision
        quoted = list(decision.quoted)
        if request.skip:  # "还有呢？": what was not shown yet, the chosen first
            fresh = [s for s in (*decision.quoted, *decision.more) if s.text not in request.skip]
            quoted = sorted(fresh[: len(decision.quoted) or 1], key=lambda s: (s.hit, s.start))
            if not quoted:  # everything that answers was shown: say so, do not repeat it
                language = request.query.language
                title = request.hits[0].doc_title if request.hits else ""
                return self._prompts.render(f"no_more_{language}", doc_title=title), []
        used: list[list[str]] = [[] for _ in request.hits]
        for sentence in quoted:
            used[sentence.hit].append(sentence.text)
        points = "\n".join(f"- {strip_number(s.text)}[{s.hit + 1}]" for s in quoted)
        language = request.query.language
        title = request.hits[quoted[0].hit].doc_title if quoted else ""
        if request.decision.outcome == PARTIAL:
            missing = list(request.decision.missing)
            reason = self._prompts.reason(request.decision.reason, language, missing, request.texts)
            reason = reason[:1].upper() + reason[1:]  # it opens the reply (not mentioned: …)
            name = f"partial_answer_{language}"
            text = self._prompts.render(
                name, texts=request.texts, doc_title=title, points=points, reason=reason
            )
            return text, used
        name = "yes_answer" if request.query.answer_type == "yesno" else "extractive_answer"
        return self._prompts.render(f"{name}_{language}", doc_title=title, points=points), used

    def answer(self, request: AnswerRequest) -> Iterator[str | Answer]:
        text, used = self.compose(request)
        yield _answer(request, text, used)


class GenerativeAnswerer:
    """A chat model's answer, verified against the clauses; the extractive one on failure."""

    def __init__(self, llm: LLMAnswerer, fallback: ExtractiveAnswerer) -> None:
        self._llm = llm
        self._fallback = fallback

    def answer(self, request: AnswerRequest) -> Iterator[str | Answer]:
        parts: list[str] = []
        partial = request.decision.outcome == PARTIAL
        missing = listing(list(request.decision.missing), "zh") if partial else ""
        try:
            for delta in self._llm.stream(request.query.text, request.hits, missing):
                parts.append(delta)
                yield delta
        except LLMError as exc:
            yield self._replaced(request, str(exc))
            return
        checked = verify("".join(parts), request.hits)
        if checked.empty:
            yield self._replaced(request, "；".join(checked.reasons) or "回答没有引用任何条款")
            return
        text = checked.text
        if not checked.ok:
            text += f"\n（另有 {len(checked.reasons)} 句未通过核验，已删除。）"
        yield _answer(
            request,
            text,
            checked.cited,
            mode="llm",
            verified=checked.ok,
            verification="；".join(checked.reasons),
        )

    def _replaced(self, request: AnswerRequest, reason: str) -> Answer:
        text, used = self._fallback.compose(request)
        # the reason goes to ``verification`` only: it may quote the rejected, invented words
        notice = "（生成的回答未通过核验或语言模型不可用，以下为原文摘录。）\n"
        return _answer(request, notice + text, used, verified=False, verification=reason)


class OutlineAnswerer:
    """ "重点任务分哪几块？": the parts of the heading asked about, each cited at its clause."""

    def __init__(self, prompts: Prompts) -> None:
        self._prompts = prompts

    def answer(self, request: AnswerRequest) -> Iterator[str | Answer]:
        asked = request.decision.outline
        if asked is None:
            return
        hits = [request.view.clause_hit(cid, 1 / (n + 1)) for n, (cid, _) in enumerate(asked.parts)]
        points = "\n".join(f"- {line}[{n}]" for n, (_, line) in enumerate(asked.parts, 1))
        text = self._prompts.render(
            f"outline_answer_{request.query.language}",
            doc_title=asked.doc_title,
            heading=asked.heading,
            count=str(len(asked.parts)),
            points=points,
        )
        yield Answer(
            request.query.asked,
            text,
            False,
            cite(hits, []),
            standalone_question=request.query.text,
            coverage=request.decision.outcome,
        )


class DocumentFactAnswerer:
    """ "济南市农村公路条例几号开始实施？": the sentence of the named document that states it."""

    def __init__(self, prompts: Prompts) -> None:
        self._prompts = prompts

    def answer(self, request: AnswerRequest) -> Iterator[str | Answer]:
        fact = request.decision.fact
        if fact is None:
            return
        hit = request.view.clause_hit(fact.clause_id, 1.0)
        points = f"- {fact.sentence}[1]"
        language = request.query.language
        if fact.kind == "head":  # the head is no clause: the citation quotes it
            text = self._prompts.render(
                f"head_answer_{language}", doc_title=fact.doc_title, points=points
            )
            citation = cite([hit], [])[0]
            head = fact.sentence
            citations = [replace(citation, label=_HEAD_LABEL, text=head, highlights=[head])]
        else:
            text = self._prompts.render(
                f"effective_answer_{language}",
                doc_title=fact.doc_title,
                date=fact.value,
                points=points,
            )
            citations = cite([hit], [[fact.sentence]])
        yield Answer(
            request.query.asked,
            text,
            False,
            citations,
            standalone_question=request.query.text,
            coverage=request.decision.outcome,
        )


class DutiesAnswerer:
    """ "广东省要做哪些事？": the sentences in which the party acts, from the duties table."""

    def __init__(self, prompts: Prompts, top_k: int) -> None:
        self._prompts = prompts
        self._duties = DutyExtractor()
        self._top_k = top_k

    def answer(self, request: AnswerRequest) -> Iterator[str | Answer]:
        party = duty_question_party(request.query.text)
        if not party:
            return
        clauses = [c for d in request.view.documents() for c in d.clauses]
        rows = [r for r in self._duties.duties(clauses, party) if r.role == ACTS]
        if not rows:
            return
        by_clause: dict[str, list[str]] = {}
        for row in rows:
            sentences = by_clause.setdefault(row.clause_id, [])
            if row.sentence not in sentences:
                sentences.append(row.sentence)
        chosen = list(by_clause.items())[: self._top_k]
        hits = [request.view.clause_hit(cid, 1 / (n + 1)) for n, (cid, _) in enumerate(chosen)]
        points = "\n".join(
            f"- {strip_number(s)}[{n + 1}]"
            for n, (_, sentences) in enumerate(chosen)
            for s in sentences[:2]
        )
        titles = "》《".join(dict.fromkeys(h.doc_title for h in hits))  # each source named
        text = self._prompts.render(
            "duties_answer_zh", doc_title=titles, party=party, points=points
        )
        yield Answer(
            request.query.asked,
            text,
            False,
            cite(hits, [s[:2] for _, s in chosen]),
            standalone_question=request.query.text,
            coverage=request.decision.outcome,
            missing=list(request.decision.missing),
        )
