"""/api: the answer service and the workspaces over HTTP, in the JSON the CLI prints.

``POST /api/ask`` returns what ``planqa ask --json`` prints; the workspace routes
return what ``planqa outline|support|quiz|duties|timeline --json`` print.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, HTTPException, Request

from app.admin.service import DocumentRow
from app.answering import Answer, AnswerService
from app.api.deps import Admin, Audit, Feedbacks, Service, Workspaces, caller
from app.api.schemas import (
    AskRequest,
    ClauseOut,
    FeedbackRequest,
    Problem,
    QuizRequest,
    SupportRequest,
)
from app.api.streaming import event_stream, sse, started
from app.workspaces.duties import Duty
from app.workspaces.profile import EnterpriseProfile
from app.workspaces.quiz import QuizQuestion
from app.workspaces.support import SupportGroup
from app.workspaces.timeline import Milestone
from app.workspaces.workspace import OutlineEntry
from kb.scope import select_documents

router = APIRouter(responses={400: {"model": Problem}, 404: {"model": Problem}})


@router.post(
    "/ask",
    response_model=Answer,
    responses={200: {"content": {"text/event-stream": {}}}},
    summary="Answer a question with cited clauses",
)
def ask(body: AskRequest, request: Request, service: Service, audit: Audit):
    """The answer's JSON; with ``"stream": true`` or ``Accept: text/event-stream``, events:
    ``delta`` (``{"text": …}``, only while a chat model writes), then one ``answer``."""
    doc_ids = chosen_documents(service, body.doc_ids)
    history = [turn.to_turn() for turn in body.history]
    audit.question(body.question, *caller(request))
    items = started(service.stream(body.question, history, doc_ids, lane="api"))
    if body.stream or "text/event-stream" in request.headers.get("accept", ""):
        return event_stream(_answer_events(items))
    *_, answer = items
    assert isinstance(answer, Answer)
    return answer.to_json()


def _answer_events(items: Iterator[str | Answer]) -> Iterator[str]:
    for item in items:
        if isinstance(item, Answer):
            yield sse(item.to_json(), "answer")
        else:
            yield sse({"text": item}, "delta")


def chosen_documents(service: AnswerService, doc_ids: list[str] | None) -> list[str] | None:
    """The ids (or 文号) asked for, as document ids; None for all. Unknown ones are a 404."""
    if not doc_ids:
        return None
    service.kb.refresh()
    documents = service.kb.documents()
    known = {d.doc_id for d in documents} | {d.doc_number for d in documents if d.doc_number}
    unknown = [d for d in doc_ids if d not in known]
    if unknown:
        raise HTTPException(404, f"{_no_document(unknown)}; see GET /api/documents")
    return select_documents(documents, doc_ids)


def _no_document(ids: list[str]) -> str:
    return f"no document {', '.join(map(repr, ids))} in the knowledge base"


@router.post("/feedback", status_code=201, summary="Rate an answer 👍 or 👎")
def feedback(body: FeedbackRequest, feedbacks: Feedbacks) -> dict[str, int]:
    """Stored with the settings that produced the answer; a 👎 can become an evaluation
    case in 知识库管理. Returns the feedback's ``id``."""
    try:
        return {
            "id": feedbacks.add(
                body.rating, body.question, body.answer, body.citations, body.comment
            )
        }
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/documents", response_model=list[DocumentRow], summary="The documents")
def documents(admin: Admin):
    """Each document with its metadata and clause and passage counts (``planqa docs list``)."""
    return admin.documents()


@router.get(
    "/documents/{doc_id}/outline", response_model=OutlineEntry, summary="A document's outline"
)
def outline(doc_id: str, service: Service, workspace: Workspaces):
    """The document as a tree: sections → subsections → tasks, each with its clause text."""
    service.kb.refresh()
    if not service.kb.has_document(doc_id):
        raise HTTPException(404, f"{_no_document([doc_id])}; see GET /api/documents")
    return workspace.outline(doc_id)[0]


@router.get("/clauses/{clause_id}", response_model=ClauseOut, summary="One clause")
def clause(clause_id: str, service: Service):
    """A clause by the id an answer cites, e.g. ``…-plan-2018:5.1``."""
    service.kb.refresh()
    try:
        found = service.kb.clause(clause_id)
    except KeyError:
        raise HTTPException(404, f"no clause {clause_id!r} in the knowledge base") from None
    title = service.kb.document(found.doc_id).title
    return ClauseOut(
        clause_id=found.clause_id,
        doc_id=found.doc_id,
        doc_title=title,
        label=found.label,
        text=found.text,
    )


@router.post("/support", response_model=list[SupportGroup], summary="Support an enterprise finds")
def support(body: SupportRequest, workspace: Workspaces):
    """What the plans offer an enterprise like this, grouped (``planqa support``)."""
    if not body.description.strip():
        raise HTTPException(400, "describe the enterprise in a sentence (description is empty)")
    industries = (body.industry,) if body.industry else ()
    origin = "其他地区" if body.origin == "other" else body.origin
    profile = EnterpriseProfile(body.description, origin, body.ownership, industries, body.wants)
    return workspace.find_support(profile).groups


@router.post("/quiz", response_model=list[QuizQuestion], summary="Training quiz questions")
def quiz(body: QuizRequest, workspace: Workspaces):
    """Questions with their answers and the sentences they come from (``planqa quiz``)."""
    try:
        return workspace.quiz(body.n, body.seed, body.part).questions
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/duties", response_model=list[Duty], summary="Who does what")
def duties(workspace: Workspaces, party: str | None = None):
    """Per task and measure, the party that acts or is supported, e.g. ``?party=广东省``."""
    return workspace.duties(party)


@router.get("/timeline", response_model=list[Milestone], summary="Dated targets and phases")
def timeline(workspace: Workspaces):
    return workspace.timeline()
