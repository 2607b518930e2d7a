"""The workspaces of the three kinds of user, over the clauses of the knowledge base.

One object for the UI tabs and the CLI: the outline (方案目录), the support finder
(政策查找), quizzes (培训测验), duties (责任分工) and the timeline (时间节点).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.workspaces.duties import Duty, DutyExtractor, Milestone
from app.workspaces.quiz import QuizBuilder, QuizQuestion
from app.workspaces.support import EnterpriseProfile, SupportFinder, SupportGroup
from ingest.models import Clause, ParsedDocument
from kb.knowledge_base import KnowledgeBase


@dataclass
class OutlineEntry:
    id: str
    label: str
    title: str
    text: str
    children: list[OutlineEntry] = field(default_factory=list)


class Workspace:
    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._duties = DutyExtractor()

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
        trees = []
        for doc in self._documents(doc_id):
            texts = {c.key: c.text for c in doc.clauses}
            nodes = {
                n.key: OutlineEntry(f"{doc.doc_id}:{n.key}", n.label, n.title, texts.get(n.key, ""))
                for n in doc.outline
            }
            root = OutlineEntry(doc.doc_id, doc.title, doc.title, "")
            if "0" in texts:
                root.children.append(OutlineEntry(f"{doc.doc_id}:0", "前言", "前言", texts["0"]))
            child_keys = {k for n in doc.outline for k in n.children}
            for node in doc.outline:
                nodes[node.key].children = [nodes[k] for k in node.children if k in nodes]
                if node.key not in child_keys:
                    root.children.append(nodes[node.key])
            trees.append(root)
        return trees

    def find_support(self, profile: EnterpriseProfile) -> list[SupportGroup]:
        return SupportFinder(self._kb).find(profile)

    def quiz(self, n: int, seed: int = 0, part: str | None = None) -> list[QuizQuestion]:
        return QuizBuilder(self.clauses()).build(n, seed, part)

    def duties(self, party: str | None = None) -> list[Duty]:
        return self._duties.duties(self.clauses(), party)

    def timeline(self) -> list[Milestone]:
        return self._duties.milestones(self.clauses())
