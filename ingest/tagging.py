"""Tag clauses from a keyword taxonomy kept as data (``ingest/data/taxonomy.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

TAXONOMY_PATH = Path(__file__).with_name("data") / "taxonomy.yaml"
Taxonomy = dict[str, dict[str, list[str]]]


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = TAXONOMY_PATH) -> Taxonomy:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ValueError(f"{path}: expected facet → tag → list of keywords")
    return {
        str(facet): {str(tag): [str(k) for k in keywords] for tag, keywords in tags.items()}
        for facet, tags in data.items()
    }


def tag_text(text: str, taxonomy: Taxonomy | None = None) -> tuple[str, ...]:
    """Tags as ``facet:tag`` (e.g. ``industry:养老``), in taxonomy order."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    return tuple(
        f"{facet}:{tag}"
        for facet, tags in taxonomy.items()
        for tag, keywords in tags.items()
        if any(keyword in text for keyword in keywords)
    )
