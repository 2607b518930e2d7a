"""The answer service: question → standalone question → Query → evidence → decision → answer.

The one object the CLI, the UI and the evaluation call. A question is normalised
and analysed once into a ``Query``; the knowledge base returns clause hits and the
sentence evidence inside them; ``CoveragePolicy`` decides the outcome once; then the
answerers (the duties table, a chat model if configured, the extractive default)
are tried in order. A question the plan does not cover never reaches an answerer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterator

from app.answering.answerers import (
    Answerer,
    AnswerRequest,
    DocumentFactAnswerer,
    DutiesAnswerer,
    ExtractiveAnswerer,
    GenerativeAnswerer,
    OutlineAnswerer,
)
from app.answering.citations import Answer, QuestionError, cite
from app.answering.conversation import Rewrite, Turn, rewrite
from app.answering.llm import LLMAnswerer, LLMError
from app.answering.policy import CoveragePolicy, Decision
from app.answering.query import Query, QueryAnalyser
from app.answering.references import asks_sanction, sanctioning_clauses
from app.answering.slots import AnswerSlots, Lane
from app.answering.terms import TermMatcher
from app.answering.wordkinds import is_place
from app.prompts import Nearest, Prompts
from kb.english_words import english_function_words
from kb.knowledge_base import ClauseHit, KnowledgeBase
from kb.profiles import profile_for
from kb.scope import KnowledgeView
from kb.text import normalize_query
from kb.thesaurus import warm as warm_thesaurus

# a follow-up's word names a topic of its own at this weight (rarity in the knowledge base
# times rarity in general Chinese, terms.py): 旅游 2.0, 培训 1.2 do; 企业 0.24, 黑龙江 0.14 do not
_TOPIC_WEIGHT = 0.5


class AnswerService:
    def __init__(
        self,
        kb: KnowledgeBase,
        prompts: Prompts,
        llm: LLMAnswerer | None = None,
        top_k: int = 5,
        max_question_chars: int = 500,
        slots: AnswerSlots | None = None,
    ) -> None:
        self.kb = kb
        self.slots = slots or AnswerSlots()
        self._prompts = prompts
        self._llm = llm
        self._top_k = top_k
        self._max_chars = max_question_chars
        self._profile = profile_for(kb.embedding_model)
        self._policy = CoveragePolicy(self._profile)
        extractive = ExtractiveAnswerer(prompts)
        self._answerers: list[Answerer] = [
            OutlineAnswerer(prompts),
            DocumentFactAnswerer(prompts),
            DutiesAnswerer(prompts, top_k),
        ]
        if llm is not None:
            self._answerers.append(GenerativeAnswerer(llm, extractive))
        self._answerers.append(extractive)

    def warm_up(self) -> None:
        """Load what the first question would otherwise wait for (tokenizers, word lists,
        the plan's word vectors): the first user is served as fast as the next.
        """
        warm_thesaurus()  # the thesaurus and the English stop words load once, here
        english_function_words()
        if not self.kb.is_empty:
            self.kb.vocabulary_index().warm()
            self._decide(
                "工作机制是什么？", "工作机制是什么？", self.kb
            )  # no answerer: no model call

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

    def analyse(self, question: str, view: KnowledgeView | None = None) -> Query:
        """The question as answering reads it (normalised, terms matched, answer type)."""
        view = view or self.kb
        vocabulary = self.kb.vocabulary_index()  # its model's profile judges word matches
        matcher = TermMatcher(view, vocabulary, profile_for(vocabulary.model))
        return QueryAnalyser(matcher).analyse(question)

    def stream(
        self,
        question: str,
        history: list[Turn] | None = None,
        doc_ids: Collection[str] | None = None,
        lane: Lane = "chat",
        nearest: Nearest = "below",
    ) -> Iterator[str | Answer]:
        """Text as a chat model writes it (nothing without one), then the final Answer.

        ``doc_ids`` limits the answer to those documents; None or empty means all of them.
        The answer waits for one of the shared slots; ``lane`` says who asks (app/answering/slots.py).
        ``nearest`` is where the face shows a refusal's nearest clauses, so the refusal
        says where they are: right after its text ("below"), or folded under 相关条款.
        """
        return self.slots.held(self._stream(question, history, doc_ids, nearest), lane)

    def _stream(
        self,
        question: str,
        history: list[Turn] | None,
        doc_ids: Collection[str] | None,
        nearest: Nearest,
    ) -> Iterator[str | Answer]:
        question = self.check_question(question)
        self.kb.refresh()  # another process's ingest or removal is loaded meanwhile
        view: KnowledgeView = self.kb.scope(doc_ids) if doc_ids else self.kb
        standalone = self._standalone(question, history or [], view)
        for reading in [standalone.question, *standalone.alternatives]:
            query, hits, decision = self._decide(reading, question, view)
            if not decision.abstained:
                break
        if standalone.alternatives and decision.abstained:  # none answers: say so of the first
            declined = standalone.declined or standalone.question  # (never of a guess)
            query, hits, decision = self._decide(declined, question, view)
        for wider in standalone.broader:  # 「还有呢？」 when the last question is exhausted
            if decision.abstained or _has_more(decision, standalone.skip):
                break
            widened = self._decide(wider, question, view)
            if not widened[2].abstained and _has_more(widened[2], standalone.skip):
                query, hits, decision = widened
        # what the reply calls the texts asked (方案, 法规, 文件), by their titles
        texts = self._prompts.texts_word([d.title for d in view.documents()], query.language)
        if decision.abstained:  # no answerer, and so no model, sees what the plan does not cover
            yield self._not_covered(query, decision, hits, nearest, texts)
            return
        request = AnswerRequest(query, decision, hits, view, texts, standalone.skip)
        for answerer in self._answerers:
            produced = False
            for item in answerer.answer(request):
                produced = True
                yield item
            if produced:
                return

    def _decide(
        self, reading: str, asked: str, view: KnowledgeView
    ) -> tuple[Query, list[ClauseHit], Decision]:
        """The question analysed, its clauses retrieved, and its outcome decided."""
        query = dataclasses.replace(self.analyse(reading, view), asked=asked)
        hits = view.search(query.search_text, self._top_k)
        if hits and asks_sanction(query.answer_type, query.text):
            hits += sanctioning_clauses(view, hits)  # the penalty for a retrieved duty
        # facts are looked for in the document the answer would quote, not the whole
        # corpus: 吉林省 in one plan and 浙江省 in another do not make a 吉浙 cooperation
        cited = self.kb.scope({hits[0].clause.doc_id}) if hits else view
        evidence = view.evidence(query.search_text, hits) if hits else []
        return query, hits, self._policy.decide(query, hits, evidence, cited, view)

    def _not_covered(
        self,
        query: Query,
        decision: Decision,
        hits: list[ClauseHit],
        nearest: Nearest,
        texts: str,
    ) -> Answer:
        missing = list(decision.missing)
        used: list[list[str]] = []
        said = ""
        if decision.quoted:  # what the texts state instead, its clause first, quoted
            other = decision.quoted[0]
            hits = [hits[other.hit], *(h for i, h in enumerate(hits) if i != other.hit)]
            used, said = [[other.text]], f"「{other.text}」[1]"
        reason = self._prompts.reason(decision.reason, query.language, missing, texts, said)
        text = self._prompts.not_covered(reason, query.language, nearest, texts)
        return Answer(
            query.asked,
            text,
            True,
            cite(hits, used),
            standalone_question=query.text,
            coverage=decision.outcome,
            missing=list(decision.missing),
        )

    def _standalone(self, question: str, history: list[Turn], view: KnowledgeView) -> Rewrite:
        rewritten = rewrite(question, history, view, _Reader(self, view))
        if self._llm is not None and history and rewritten.question == normalize_query(question):
            try:  # the deterministic rules did not apply: let the model condense it
                asked = [turn.question for turn in history[-3:]]
                return Rewrite(normalize_query(self._llm.condense(question, asked)))
            except LLMError:
                return rewritten
        return rewritten

    def check_question(self, question: str) -> str:
        """The question stripped, or a ``QuestionError`` saying why it cannot be asked."""
        if not isinstance(question, str) or not question.strip():
            raise QuestionError("请输入问题。 (The question is empty.)")
        question = question.strip()
        if len(question) > self._max_chars:
            raise QuestionError(
                f"问题过长（{len(question)} 字，上限 {self._max_chars} 字），请精简后再问。 "
                f"(The question is too long: {len(question)} characters, limit {self._max_chars}.)"
            )
        return question


class _Reader:
    """A follow-up's words read as answering reads a question (conversation.Reader)."""

    def __init__(self, service: AnswerService, view: KnowledgeView) -> None:
        self._service = service
        self._view = view

    def names_topic(self, text: str) -> bool:
        """A thing the plan does not mention (5G), or a plan word that says more than the
        plan's every clause (两省, 企业 do not)."""
        query = self._service.analyse(text, self._view)
        return bool(query.unknown) or any(
            t.forms and t.weight >= _TOPIC_WEIGHT for t in query.content_terms
        )

    def stands_for(self, topic: str, question: str) -> str:
        """The thing ``question`` names that ``topic`` is nearest to in meaning, if near
        enough for the embedding model's profile (医疗 of 养老, not of 广东 or 吸引; jieba
        may tag a thing as a person's name, 养老 as nr, so only places are left out)."""
        things = [
            t.text
            for t in self._service.analyse(question, self._view).content_terms
            if t.forms
            and not (t.verb or is_place(t.text))
            and t.text in question
            and topic not in t.text
            and t.text not in topic
        ]
        vocabulary = self._service.kb.vocabulary_index()
        word, z = vocabulary.closest(topic, things)
        return word if z >= profile_for(vocabulary.model).counterpart_z else ""


def _has_more(decision: Decision, shown: Collection[str]) -> bool:
    """Whether the decision holds an answering sentence the conversation has not shown."""
    return any(s.text not in shown for s in (*decision.quoted, *decision.more))
