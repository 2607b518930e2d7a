"""Scale benchmark for docs/benchmarks.md: the bundled plan among generated documents.

    .venv/bin/python scripts/scale_bench.py [--passages 100000] [--model use-m3] [--out DIR]

Steps: generate a corpus (scripts/gen_corpus.py, seed 7); measure the embedding model
alone on a sample of its passages; ingest the plan and the generated documents in
three steps (1k, 10k, 100k passages in all) and after each measure warm extractive
``ask`` latency on the dev questions; then start-up time and RSS of a fresh process
on the full knowledge base, its size on disk, and the dev-question eval against a
plan-only knowledge base built with the same model. Results: OUT/results.json.
``--startup-only`` measures start-up again in fresh processes on an idle machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.evaluation import evaluate  # noqa: E402
from app.offline import set_offline_defaults  # noqa: E402
from app.service import build_service, parse_all  # noqa: E402
from app.settings import Settings  # noqa: E402
from ingest.chunking import clause_passages  # noqa: E402
from kb.embeddings import make_embeddings  # noqa: E402
from scripts.bench import ask_latency  # noqa: E402
from scripts.gen_corpus import generate  # noqa: E402

DEV = ROOT / "eval" / "dev.jsonl"  # the same file scripts/bench.py reads
PLAN = ROOT / "corpus"


def latency(service, rounds: int = 3) -> dict[str, float]:
    return {k: v for k, v in ask_latency(service, rounds).items() if k != "n"}


def raw_embedding_rate(embeddings, texts: list[str], batch: int = 256) -> float:
    embeddings.embed_documents(texts[:8])
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        embeddings.embed_documents(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - start)


def start_up(settings: Settings) -> dict[str, float]:
    """A fresh process: import, load the model, open the knowledge base, answer once."""
    code = (
        "import time, json; t = time.perf_counter()\n"
        "from app.service import build_service\nfrom app.settings import Settings\n"
        "s = build_service(Settings()); ready = time.perf_counter() - t\n"
        "s.ask('领导小组办公室设在哪里？'); first = time.perf_counter() - t\n"
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(json.dumps({'ready_s': ready, 'first_answer_s': first,"
        " 'rss_mb': int(hwm.split()[1]) / 1024}))"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "PLANQA_DATA_DIR": str(settings.data_dir),
        "PLANQA_EMBEDDING_MODEL": settings.embedding_model,
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - start
    return {k: round(v, 2) for k, v in result.items()}


def disk_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--model", default="use-m3")
    parser.add_argument("--out", type=Path, default=Path("/tmp/planqa-scale"))
    parser.add_argument("--sample", type=int, default=5000, help="passages for the raw rate")
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="measure start-up (median of 3 fresh processes) on OUT/data; update results.json",
    )
    args = parser.parse_args()
    set_offline_defaults()
    if args.startup_only:
        settings = Settings(data_dir=args.out / "data", embedding_model=args.model)
        runs = sorted((start_up(settings) for _ in range(3)), key=lambda r: r["ready_s"])
        path = args.out / "results.json"
        saved = json.loads(path.read_text()) if path.exists() else {}
        saved["start_up"] = {**runs[1], "runs_ready_s": [r["ready_s"] for r in runs]}
        path.write_text(json.dumps(saved, ensure_ascii=False, indent=1))
        print(json.dumps(saved["start_up"]))
        return
    results: dict = {"model": args.model, "passages_target": args.passages}
    corpus = args.out / "corpus"
    if not corpus.exists():
        generate(corpus, args.passages - 78)

    start = time.perf_counter()
    plan = parse_all([PLAN])
    generated = parse_all([corpus])
    results["parse_s"] = round(time.perf_counter() - start, 1)
    documents = plan + generated
    sizes = [len(clause_passages(d)) for d in documents]
    results["documents"], results["passages"] = len(documents), sum(sizes)

    settings = Settings(data_dir=args.out / "data", embedding_model=args.model)
    plan_only = Settings(data_dir=args.out / "plan-only", embedding_model=args.model)
    service = build_service(settings)  # builds the plan-only part first
    texts = [p.page_content for d in generated[:400] for p in clause_passages(d)][: args.sample]
    embeddings = make_embeddings(args.model)
    results["raw_embedding_per_s"] = round(raw_embedding_rate(embeddings, texts), 1)
    del embeddings

    steps, stored, ingest_s = [], sizes[0], 0.0
    cursor = 1
    targets = [t for t in (1_000, 10_000) if t < args.passages] + [args.passages]
    for target in targets:
        batch = []
        last = target == targets[-1]
        while cursor < len(documents) and (last or stored + sizes[cursor] <= target):
            batch.append(documents[cursor])
            stored += sizes[cursor]
            cursor += 1
        start = time.perf_counter()
        service.kb.add_documents(batch)
        ingest_s += time.perf_counter() - start
        step = {"passages": stored, "documents": cursor, **latency(service)}
        steps.append(step)
        print(json.dumps(step), flush=True)
    results["steps"] = steps
    results["ingest_s"] = round(ingest_s, 1)
    results["ingest_per_s"] = round((stored - sizes[0]) / ingest_s, 1)
    per_passage_parse = results["parse_s"] / results["passages"]
    pipeline = ingest_s + per_passage_parse * (stored - sizes[0])
    results["pipeline_per_s"] = round((stored - sizes[0]) / pipeline, 1)
    results["overhead"] = round(results["raw_embedding_per_s"] / results["pipeline_per_s"] - 1, 3)
    results["ingest_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    results["eval_full"] = evaluate(service, DEV).summary()
    del service
    results["start_up"] = start_up(settings)
    results["disk_mb"] = disk_mb(settings.data_dir)
    results["eval_plan_only"] = evaluate(build_service(plan_only), DEV).summary()
    (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
