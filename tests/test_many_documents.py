"""The bundled plan among other plans: answers still come from the document meant.

Other provinces' plans (written by scripts/gen_corpus.py) share its vocabulary:
中医药, 黑龙江省, 广东省, 省发展改革委牵头… The real e5 model and real Chroma.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.service import build_service
from app.settings import Settings
from ingest.pipeline import parse_text
from scripts.gen_corpus import Writer
from tests.conftest import PLAN_ID

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory, built_data_dir: Path):
    import shutil

    data = tmp_path_factory.mktemp("crowded") / "data"
    shutil.copytree(built_data_dir, data)
    service = build_service(Settings(data_dir=data))
    writer = Writer(seed=11)
    others = []
    for n, (place, topic) in enumerate(
        [
            ("吉林省", "中医药"),
            ("浙江省", "中医药"),
            ("广东省", "绿色金融"),
            ("黑龙江省", "冰雪旅游"),
        ]
    ):
        text = "\n".join([f"{place}{topic}专项实施方案", *writer.plan(place, topic)])
        others.append(parse_text(text, f"other-{n}", f"other-{n}.txt"))
    service.kb.add_documents(others)
    return service


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("中医药有合作吗？", "4.2.10"),
        ("两省在冰雪旅游方面怎么合作？", "4.2.10"),
        ("领导小组办公室设在哪里？", "5.1"),
        ("广东民营资本能在黑龙江设立什么金融机构？", "4.1.3"),
    ],
)
def test_the_plan_meant_is_cited_first(crowded, question: str, clause: str):
    answer = crowded.ask(question)
    assert not answer.abstained
    assert answer.citations[0].clause_id == f"{PLAN_ID}:{clause}"


def test_words_from_different_documents_do_not_make_an_answer(crowded):
    # 吉林省 and 浙江省 each have a plan here, but no document joins them in cooperation
    answer = crowded.ask("吉林省与浙江省的对口合作由谁牵头？")
    assert answer.abstained


def test_a_question_about_another_plan_cites_that_plan(crowded):
    answer = crowded.ask("吉林省中医药专项实施方案的重点任务有哪些？")
    assert answer.citations[0].doc_id == "other-0"
