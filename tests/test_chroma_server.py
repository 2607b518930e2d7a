"""The knowledge base against a real Chroma server (``chroma run`` on loopback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from ingest import load_document
from kb.knowledge_base import KnowledgeBase
from tests.conftest import BUNDLED_PLAN, PLAN_ID
from tests.helpers import clean_env

pytestmark = pytest.mark.slow


@pytest.fixture
def chroma_url(chroma_server: str) -> str:
    return chroma_server


def test_knowledge_base_on_a_chroma_server(chroma_url: str, tmp_path: Path):
    embeddings = DeterministicFakeEmbedding(size=64)
    kb = KnowledgeBase(tmp_path / "kb", embeddings, "fake", chroma_url, collection="kb_test")
    report = kb.add_documents([load_document(BUNDLED_PLAN)])
    assert report.added == [PLAN_ID]
    assert not (tmp_path / "kb" / "chroma").exists()  # the vectors live on the server
    assert kb.search("领导小组办公室设在省发展改革委", k=3)[0].clause.clause_id == f"{PLAN_ID}:5.1"
    again = KnowledgeBase(tmp_path / "kb", embeddings, "fake", chroma_url, collection="kb_test")
    assert again.repaired == (0, 0) and again.passage_count(PLAN_ID) == report.passages
    assert again.remove_document(PLAN_ID) == report.passages
    assert again._store._collection.count() == 0


def test_cli_answers_through_a_chroma_server(chroma_url: str, tmp_path: Path):
    env = clean_env(
        tmp_path / "data", PLANQA_CHROMA_URL=chroma_url, PLANQA_CHROMA_COLLECTION="cli_test"
    )
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "ask", "领导小组办公室设在哪里？", "--json"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["citations"][0]["clause_id"] == f"{PLAN_ID}:5.1"
    rebuilt = subprocess.run(
        [sys.executable, "-m", "app.cli", "ingest", "--rebuild"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "1 added" in rebuilt.stdout  # rebuilt from scratch on the server
