"""``planqa`` command line: ingest, docs, ask, eval, serve (and the workspace commands)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import shutil
import sys
from dataclasses import asdict
from pathlib import Path

from app.answering import Answer, AnswerService, QuestionError
from app.cli import keys as key_commands
from app.cli.workspaces import add_commands
from app.cli.workspaces import run as run_workspace
from app.offline import set_offline_defaults
from app.settings import Settings
from ingest import IngestError
from kb.knowledge_base import KnowledgeBaseError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planqa", description="Cited Q&A over policy plans")
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="build or update the knowledge base from files")
    ingest.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (.txt .md .pdf .docx .html)"
    )
    ingest.add_argument(
        "--rebuild", action="store_true", help="delete the knowledge base first, then ingest"
    )
    ingest.add_argument(
        "--progress",
        action="store_true",
        help="show progress bars even when standard error is not a terminal",
    )
    ask = sub.add_parser("ask", help="answer a question ('-' reads one question a line)")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    _add_filters(ask)
    evaluate = sub.add_parser(
        "eval",
        help="retrieval, answer-level evidence and refusals on an evaluation file, per question type",
    )
    evaluate.add_argument("file", type=Path, nargs="?")
    evaluate.add_argument(
        "--set",
        choices=["feedback"],
        help="feedback: the cases made from 👎 feedback (<data dir>/feedback_cases.jsonl)",
    )
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument(
        "--failures", action="store_true", help="also list the ids of the questions that failed"
    )
    docs = sub.add_parser("docs", help="list or remove the documents in the knowledge base")
    docs_sub = docs.add_subparsers(dest="docs_command", required=True)
    listing = docs_sub.add_parser("list", help="documents with their metadata and passage counts")
    listing.add_argument("--json", action="store_true")
    _add_filters(listing)
    removal = docs_sub.add_parser("remove", help="remove a document and its passages")
    removal.add_argument("doc_id")
    serve = sub.add_parser("serve", help="start the Gradio chat and the HTTP API")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    add_commands(sub)
    key_commands.add_commands(sub)
    return parser


def _add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("limit to documents (criteria combine)")
    group.add_argument(
        "--doc", action="append", default=[], metavar="ID", help="document id or 文号; repeatable"
    )
    group.add_argument("--issuer", default="", help="issuing body contains this, e.g. 国务院")
    group.add_argument("--year", default="", help="dated in this year or range: 2018, 2017-2019")


def _filtered(documents: list, args: argparse.Namespace) -> list[str] | None:
    """The chosen document ids, or None when no filter was given."""
    from kb.scope import select_documents

    if not (args.doc or args.issuer or args.year):
        return None
    return select_documents(documents, args.doc, args.issuer, args.year)


def main(argv: list[str] | None = None) -> int:
    set_offline_defaults()  # already done by app/__init__.py; here too for callers of main()
    args = _parser().parse_args(argv)
    settings = Settings()
    try:
        if args.command == "ingest":
            return _ingest(settings, args.paths, args.rebuild, args.progress)
        if args.command == "ask":
            return _ask(settings, args)
        if args.command == "eval":
            return _eval(settings, _eval_file(settings, args), args.json, args.failures)
        if args.command == "keys":
            return key_commands.run(settings, args)
        if args.command == "docs":
            return _docs(settings, args)
        if args.command == "serve":
            return _serve(settings, args.host, args.port)
        return run_workspace(settings, args)
    except (IngestError, KnowledgeBaseError, QuestionError, ValueError, LookupError) as exc:
        print(f"planqa: {exc}", file=sys.stderr)
        return 2


_LISTED = 20  # documents named after an ingest


def _ingest(settings: Settings, paths: list[Path], rebuild: bool, progress: bool) -> int:
    from app.progress import IngestProgress
    from app.service import decide_model, open_knowledge_base, parse_all, passage_count
    from kb.datadir import claim, recorded_model
    from kb.store import drop_collection

    bars = IngestProgress(enabled=True if progress else None)
    # a new data directory is claimed first: killed from here on, it is not seeded later
    claimed = not rebuild and claim(settings.data_dir, settings.embedding_model)
    try:  # every file is parsed before anything is written
        documents = parse_all(paths or [settings.corpus_dir], settings.max_file_mb, bars)
    except BaseException:
        if claimed:  # a bad file changes nothing: the directory is new again
            (settings.data_dir / "manifest.json").unlink(missing_ok=True)
        raise
    if rebuild:
        shutil.rmtree(settings.data_dir, ignore_errors=True)
        if settings.chroma_url:  # the vectors live on the server: drop them too
            drop_collection(settings.data_dir, settings.chroma_url, settings.chroma_collection)
        claim(settings.data_dir, settings.embedding_model)
    chosen = decide_model(settings, documents)
    choosing = chosen != settings and recorded_model(settings.data_dir) is None
    kb = open_knowledge_base(chosen)
    known = {d.doc_id: d.content_hash for d in kb.documents()}
    changed = [d for d in documents if known.get(d.doc_id) != d.content_hash]
    _announce(chosen.embedding_model, passage_count(changed), choosing)
    with bars.storing(len(changed)) as advance:
        report = kb.add_documents(documents, progress=advance)
    print(
        f"ingested {len(documents)} document(s): {len(report.added)} added, "
        f"{len(report.replaced)} replaced, {len(report.unchanged)} unchanged; "
        f"{report.passages} passages written; knowledge base at {settings.data_dir}"
    )
    for doc in documents[:_LISTED]:
        print(f"  {doc.doc_id}: 《{doc.title}》 {len(doc.clauses)} clauses")
    if len(documents) > _LISTED:
        print(f"  … and {len(documents) - _LISTED} more (planqa docs list)")
    return 0


def _announce(model: str, passages: int, chosen: bool) -> None:
    """Say which model ``auto`` has ``chosen`` for a new data directory, and before it
    starts how long a long ingest takes."""
    from kb.profiles import STRONG_MODEL, profile_for

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2
    seconds = profile_for(model).ingest_seconds(passages, cores)
    if chosen:
        strong = profile_for(STRONG_MODEL).ingest_seconds(passages)
        why = (
            f"{STRONG_MODEL} would take about {_duration(strong)}" if model != STRONG_MODEL else ""
        )
        print(
            f"planqa: embedding model {model} (PLANQA_EMBEDDING_MODEL=auto, {passages} passages"
            f"{'; ' + why if why else ''}); the data directory keeps it",
            file=sys.stderr,
        )
    if seconds > 60:
        print(
            f"planqa: {passages} passages to embed with {model}: about {_duration(seconds)} "
            "on this machine",
            file=sys.stderr,
        )


def _duration(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 90 else f"{seconds:.0f} s"


def _docs(settings: Settings, args: argparse.Namespace) -> int:
    from app.admin.service import AdminService
    from app.service import open_knowledge_base

    kb = open_knowledge_base(settings, seed=True)
    admin = AdminService(kb, settings.admin_user, "", settings.max_file_mb)
    if args.docs_command == "remove":
        gone = admin.remove(args.doc_id, f"cli {getpass.getuser()}", "cli")  # audited
        print(f"removed {args.doc_id}: {gone} passages")
        return 0
    chosen = _filtered(kb.documents(), args)
    rows = [r for r in admin.documents() if chosen is None or r.doc_id in chosen]
    if args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False))
        return 0
    for r in rows:
        print(
            f"{r.doc_id}\t《{r.title}》\t{r.doc_number or '-'}\t{r.issuer}\t{r.date}\t{r.effective or '-'}\t{r.clauses} clauses\t{r.passages} passages"
        )
    return 0


def _print_answer(answer: Answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        return
    print(answer.answer)
    print()
    for n, citation in enumerate(answer.citations, 1):
        print(f"[{n}] {citation.source} {citation.label}  ({citation.clause_id})")
        print(f"    {citation.text}")


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    from app.service import build_service

    service = build_service(settings)
    _require_documents(service, settings)
    question, as_json = args.question, args.json
    doc_ids = _filtered(service.kb.documents(), args)
    if question != "-":
        _print_answer(service.ask(question, doc_ids=doc_ids), as_json)
        return 0
    status = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            _print_answer(service.ask(line, doc_ids=doc_ids), as_json)
        except QuestionError as exc:
            status = 2
            print(json.dumps({"question": line.strip(), "error": str(exc)}, ensure_ascii=False))
    return status


def _require_documents(service: AnswerService, settings: Settings) -> None:
    if service.kb.is_empty:
        raise KnowledgeBaseError(
            f"the knowledge base at {settings.data_dir} holds no documents (an ingest did "
            "not finish?); add them with: planqa ingest <files or folders>"
        )


def _eval_file(settings: Settings, args: argparse.Namespace) -> Path:
    """The file named, or the one a ``--set`` names."""
    from app.admin.feedback import cases_path

    if (args.file is None) == (args.set is None):
        raise ValueError("name an evaluation file or a set (--set feedback), one of them")
    if args.set == "feedback":
        path = cases_path(settings.data_dir)
        if not path.is_file():
            raise ValueError(f"{path}: no feedback cases yet (turn a 👎 into one in 知识库管理)")
        return path
    return args.file


def _eval(settings: Settings, path: Path, as_json: bool, show_failures: bool = False) -> int:
    from app.evaluation import evaluate, print_report
    from app.service import build_service

    if not path.is_file():
        raise ValueError(f"{path}: no such evaluation file")
    service: AnswerService = build_service(settings)
    _require_documents(service, settings)
    report = evaluate(service, path)
    if as_json:
        print(json.dumps(report.summary(), ensure_ascii=False))
    else:
        print_report(report, show_failures)
    return 0


def _serve(settings: Settings, host: str | None, port: int | None) -> int:
    from app.admin.audit import AuditLog
    from app.admin.database import Database
    from app.admin.feedback import FeedbackStore, provenance_of
    from app.admin.keys import KeyStore
    from app.admin.service import AdminService
    from app.admin.upload_cache import UploadCache
    from app.server import serve
    from app.service import build_service

    service = build_service(settings)
    database = Database(settings.data_dir)
    admin = AdminService(
        service.kb,
        settings.admin_user,
        settings.admin_password.get_secret_value(),
        settings.max_file_mb,
        settings.admin_login_delay,
        audit=AuditLog(database, settings.log_questions),
        feedback=FeedbackStore(database, provenance_of(settings, service.kb)),
    )
    port = port or settings.port
    serve(
        service,
        host or settings.host,
        port,
        admin,
        KeyStore(database),
        require_key=settings.api_require_key,
        max_file_mb=settings.max_file_mb,
        upload_cache=UploadCache(settings.data_dir, port, settings.upload_cache_mb),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
