"""The answer service: question → follow-up rewrite → retrieval → coverage → answer.

The one object the CLI and the UI call. The extractive answerer is the default;
with a chat model configured, covered questions get a generated answer that is
verified against the clauses it cites, and replaced by the extractive one when
verification or the model fails.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from app.answer import Answer, ExtractiveAnswerer, QuestionError, cite, strip_number
from app.conversation import Rewrite, Turn, rewrite
from app.coverage import Coverage, CoverageJudge, is_english
from app.duties import DutyExtractor, duty_question_party
from app.llm import LLMAnswerer, LLMError
from app.prompts import Prompts
from app.verify import verify
from kb.knowledge_base import ClauseHit, KnowledgeBase
from kb.scope import KnowledgeView
from kb.text import normalize_query


class AnswerService:
    def __init__(
        self,
        kb: KnowledgeBase,
        prompts: Prompts,
        llm: LLMAnswerer | None = None,
        top_k: int = 5,
        max_question_chars: int = 500,
    ) -> None:
        self.kb = kb
        self._prompts = prompts
        self._extractive = ExtractiveAnswerer(prompts, weigh=kb.term_rarity)
        self._llm = llm
        self._duties = DutyExtractor()
        self._top_k = top_k
        self._max_chars = max_question_chars

    def warm_up(self) -> None:
        """Load what the first question would otherwise wait for (tokenizers, word lists,
        the corpus text the coverage judge reads): the first user is served as fast as the next.
        """
        if not self.kb.is_empty:
            text, used = self._extractive.compose("工作机制", self.kb.search("工作机制", 1))
            CoverageJudge(self.kb).judge("工作机制", self.kb.search("工作机制", 1))
            del text, used

    def ask(
        self,
        question: str,
        history: list[Turn] | None = None,
        doc_ids: Collection[str] | None = None,
    ) -> Answer:
        answer: Answer | None = None
        for item in self.stream(question, history, doc_ids):
            if isinstance(item, Answer):
                answer = item
        assert answer is not None
        return answer

    def stream(
        self,
        question: str,
        history: list[Turn] | None = None,
        doc_ids: Collection[str] | None = None,
    ) -> Iterator[str | Answer]:
        """Text as a chat model writes it (nothing without one), then the final Answer.

        ``doc_ids`` limits the answer to those documents; None or empty means all of them.
        """
        question = self._check(question)
        self.kb.refresh()  # another process's ingest or removal is loaded meanwhile
        view: KnowledgeView = self.kb.scope(doc_ids) if doc_ids else self.kb
        standalone = self._standalone(question, history or [], view)
        party = duty_question_party(standalone.question)
        if party:
            duties = self._duties_answer(question, party, view)
            if duties:
                duties.standalone_question = standalone.question
                yield duties
                return
        hits = view.search(standalone.question, self._top_k)
        # evidence comes from the document the answer would quote, not from the whole
        # corpus: 吉林省 in one plan and 浙江省 in another do not make a 吉浙 cooperation
        evidence = self.kb.scope({hits[0].clause.doc_id}) if hits else view
        coverage = CoverageJudge(evidence).judge(normalize_query(standalone.question), hits)
        if not coverage.answerable:  # the model is never called for what the plan does not cover
            text = self._not_covered(question, coverage)
            yield Answer(
                question, text, True, cite(hits, []), standalone_question=standalone.question
            )
            return
        if self._llm is not None:
            yield from self._generated(question, standalone.question, hits)
            return
        text, used = self._extractive.compose(standalone.question, hits, skip=standalone.skip)
        yield Answer(
            question, text, False, cite(hits, used), standalone_question=standalone.question
        )

    def _generated(
        self, question: str, standalone: str, hits: list[ClauseHit]
    ) -> Iterator[str | Answer]:
        assert self._llm is not None
        parts: list[str] = []
        try:
            for delta in self._llm.stream(standalone, hits):
                parts.append(delta)
                yield delta
        except LLMError as exc:
            yield self._fallback(question, standalone, hits, str(exc))
            return
        checked = verify("".join(parts), hits)
        if checked.empty:
            reason = "；".join(checked.reasons) or "回答没有引用任何条款"
            yield self._fallback(question, standalone, hits, reason)
            return
        text = checked.text
        if not checked.ok:
            text += f"\n（另有 {len(checked.reasons)} 句未通过核验，已删除。）"
        yield Answer(
            question,
            text,
            False,
            cite(hits, checked.cited),
            mode="llm",
            verified=checked.ok,
            verification="；".join(checked.reasons),
            standalone_question=standalone,
        )

    def _fallback(
        self, question: str, standalone: str, hits: list[ClauseHit], reason: str
    ) -> Answer:
        text, used = self._extractive.compose(standalone, hits)
        # the reason goes to ``verification`` only: it may quote the rejected, invented words
        notice = "（生成的回答未通过核验或语言模型不可用，以下为方案原文摘录。）\n"
        return Answer(
            question,
            notice + text,
            False,
            cite(hits, used),
            mode="extractive",
            verified=False,
            verification=reason,
            standalone_question=standalone,
        )

    def _standalone(self, question: str, history: list[Turn], view: KnowledgeView) -> Rewrite:
        rewritten = rewrite(question, history, view)
        if self._llm is not None and history and rewritten.question == normalize_query(question):
            try:  # the deterministic rules did not apply: let the model condense it
                asked = [turn.question for turn in history[-3:]]
                return Rewrite(normalize_query(self._llm.condense(question, asked)))
            except LLMError:
                return rewritten
        return rewritten

    def _duties_answer(self, question: str, party: str, view: KnowledgeView) -> Answer | None:
        """ "广东省要做哪些事？": the sentences in which the party acts, from the duties table."""
        clauses = [c for d in view.documents() for c in d.clauses]
        rows = [r for r in self._duties.duties(clauses, party) if r.role == "主体"]
        if not rows:
            return None
        by_clause: dict[str, list[str]] = {}
        for row in rows:
            sentences = by_clause.setdefault(row.clause_id, [])
            if row.sentence not in sentences:
                sentences.append(row.sentence)
        chosen = list(by_clause.items())[: self._top_k]
        hits = [self.kb.clause_hit(cid, 1 / (n + 1)) for n, (cid, _) in enumerate(chosen)]
        points = "\n".join(
            f"- {strip_number(s)}[{n + 1}]"
            for n, (_, sentences) in enumerate(chosen)
            for s in sentences[:2]
        )
        text = self._prompts.render(
            "duties_answer_zh", doc_title=hits[0].doc_title, party=party, points=points
        )
        return Answer(question, text, False, cite(hits, [s for _, s in chosen]))

    def _check(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise QuestionError("请输入问题。 (The question is empty.)")
        question = question.strip()
        if len(question) > self._max_chars:
            raise QuestionError(
                f"问题过长（{len(question)} 字，上限 {self._max_chars} 字），请精简后再问。 "
                f"(The question is too long: {len(question)} characters, limit {self._max_chars}.)"
            )
        return question

    def _not_covered(self, question: str, coverage: Coverage) -> str:
        if is_english(question):
            return self._prompts.render("not_covered_en", reason=coverage.reason_en)
        return self._prompts.render("not_covered_zh", reason=coverage.reason_zh)
