"""The workspaces of the three kinds of user, over the clauses of the knowledge base.

One object for the UI tabs and the CLI: the outline (方案目录), the support finder
(政策查找), quizzes (培训测验), duties (责任分工) and the timeline (时间节点).
"""

from __future__ import annotations

from app.workspaces.duties import SUPPORTED, Duty, DutyExtractor
from app.workspaces.outline import OutlineEntry, outline_tree
from app.workspaces.profile import (
    EnterpriseProfile,
    industry_words,
    read_profile,
    with_description,
)
from app.workspaces.quiz import Quiz, QuizBuilder
from app.workspaces.support import SupportFinder, SupportResult
from app.workspaces.timeline import Milestone, milestones
from ingest.models import Clause, ParsedDocument
from kb.knowledge_base import KnowledgeBase


class Workspace:
    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._duties = DutyExtractor()
        self._industry_words: tuple[tuple[str, ...], dict[str, list[str]]] | None = None

    def clauses(self, doc_id: str | None = None) -> list[Clause]:
        return [c for d in self._documents(doc_id) for c in d.clauses]

    def _documents(self, doc_id: str | None) -> list[ParsedDocument]:
        self._kb.refresh()
        documents = self._kb.documents()
        if doc_id is None:
            return documents
        chosen = [d for d in documents if d.doc_id == doc_id]
        if not chosen:
            raise ValueError(
                f"no document {doc_id!r}; known: {', '.join(d.doc_id for d in documents)}"
            )
        return chosen

    def outline(self, doc_id: str | None = None) -> list[OutlineEntry]:
        """Each document as a tree: document → sections → subsections → tasks, with clause text."""
        return [outline_tree(doc) for doc in self._documents(doc_id)]

    def document_titles(self) -> str:
        return "、".join(d.title for d in self._documents(None))

    def industry_words(self) -> dict[str, list[str]]:
        """The taxonomy's industries with the plans' own items (see ``profile.industry_words``)."""
        clauses = self.clauses()
        key = tuple(c.clause_id for c in clauses)
        if self._industry_words is None or self._industry_words[0] != key:
            self._industry_words = (key, industry_words(clauses))
        return self._industry_words[1]

    def read_profile(self, description: str) -> EnterpriseProfile:
        return read_profile(description, self.industry_words())

    def find_support(self, profile: EnterpriseProfile) -> SupportResult:
        """Support for the profile, its empty fields filled from its description."""
        words = self.industry_words()
        return SupportFinder(self._kb, words).find(with_description(profile, words))

    def quiz(self, n: int, seed: int | None = None, part: str | None = None) -> Quiz:
        """A new quiz on each call unless ``seed`` is given (see ``QuizBuilder.build``)."""
        clauses = self.clauses()
        actors = [
            (d.party, d.sentence) for d in self._duties.duties(clauses) if d.role != SUPPORTED
        ]
        return QuizBuilder(clauses, actors).build(n, seed, part)

    def duties(self, party: str | None = None) -> list[Duty]:
        return self._duties.duties(self.clauses(), party)

    def timeline(self) -> list[Milestone]:
        return milestones(self.clauses())
