"""The HTTP API of ``planqa serve``, called over HTTP as other programs call it: /api with
httpx, /v1 with the real ``openai`` client, beside the Gradio chat on the same port."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import PLAN_ID
from tests.helpers import clean_env, running_server
from tests.llm_stub import running_stub

pytestmark = pytest.mark.slow
QUESTION = "领导小组办公室设在哪里？"
CITED = f"{PLAN_ID}:5.1"
SOURCE = "[1] 《黑龙江省与广东省对口合作实施方案》 五、保障措施 › （一）完善工作机制"


@pytest.fixture(scope="module")
def url(built_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server for the module's read-only checks, over its own copy of the data."""
    data_dir = tmp_path_factory.mktemp("api") / "data"
    shutil.copytree(built_data_dir, data_dir)
    with running_server(clean_env(data_dir)) as served:
        yield served.rstrip("/")


def events(response: httpx.Response) -> list[tuple[str, dict]]:
    """(event, data) of each server-sent event."""
    parsed, name = [], ""
    for line in response.iter_lines():
        if line.startswith("event: "):
            name = line[len("event: ") :]
        elif line.startswith("data: "):
            parsed.append((name, json.loads(line[len("data: ") :])))
            name = ""
    return parsed


def test_ask_returns_what_planqa_ask_json_prints(url: str, copied_data_dir: Path):
    cli = subprocess.run(
        [sys.executable, "-m", "app.cli", "ask", QUESTION, "--json"],
        env=clean_env(copied_data_dir), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    response = httpx.post(f"{url}/api/ask", json={"question": QUESTION}, timeout=60)
    assert response.status_code == 200
    assert response.json() == json.loads(cli.stdout)
    assert response.json()["citations"][0]["clause_id"] == CITED


def test_ask_streams_events_ending_with_the_answer(url: str):
    body = {"question": QUESTION, "stream": True}
    with httpx.stream("POST", f"{url}/api/ask", json=body, timeout=60) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        received = events(response)
    *deltas, (last, answer) = received
    assert all(name == "delta" for name, _ in deltas)  # none: no chat model is configured
    assert last == "answer" and answer["citations"][0]["clause_id"] == CITED
    assert "领导小组办公室设在省发展改革委" in answer["answer"]


def test_ask_with_history_and_a_chosen_document(url: str):
    first = httpx.post(f"{url}/api/ask", json={"question": "两省高校怎么合作？"}, timeout=60)
    turn = {"question": first.json()["standalone_question"]}
    follow_up = {"question": "还有呢？", "history": [turn], "doc_ids": [PLAN_ID]}
    second = httpx.post(f"{url}/api/ask", json=follow_up, timeout=60).json()
    assert second["standalone_question"] == turn["question"]
    assert second["citations"] and not second["abstained"]


def test_it_in_a_follow_up_is_what_the_previous_answer_quoted(url: str):
    """它 after 哈尔滨跟广东哪个城市对口合作 is the city the answer named (深圳市), whether the
    client passes the quoted sentences (/api) or the assistant's reply (/v1)."""
    from openai import OpenAI

    first = httpx.post(f"{url}/api/ask", json={"question": PAIRED}, timeout=60).json()
    quoted = [h for c in first["citations"] for h in c["highlights"]]
    turn = {"question": PAIRED, "quoted": quoted}
    body = {"question": "它在黑龙江合作共建什么园区？", "history": [turn]}
    second = httpx.post(f"{url}/api/ask", json=body, timeout=60).json()
    assert second["standalone_question"].startswith("深圳市"), second["standalone_question"]
    assert "对口合作示范园区" in second["answer"], second["answer"]
    client = OpenAI(base_url=f"{url}/v1", api_key="none", timeout=60)
    messages = [
        {"role": "user", "content": PAIRED},
        {"role": "assistant", "content": first["answer"]},
        {"role": "user", "content": "它在黑龙江合作共建什么园区？"},
    ]
    reply = client.chat.completions.create(model="planqa", messages=messages)
    assert "对口合作示范园区" in (reply.choices[0].message.content or "")


PAIRED = "哈尔滨跟广东哪个城市对口合作？"


def test_bad_questions_and_unknown_documents_are_refused_with_a_message(url: str):
    empty = httpx.post(f"{url}/api/ask", json={"question": "  "}, timeout=60)
    assert empty.status_code == 400 and "The question is empty" in empty.json()["detail"]
    missing = httpx.post(f"{url}/api/ask", json={"history": []}, timeout=60)
    assert missing.status_code == 422 and "question" in missing.text
    scoped = httpx.post(f"{url}/api/ask", json={"question": QUESTION, "doc_ids": ["nope"]})
    assert scoped.status_code == 404
    assert scoped.json()["detail"].startswith("no document 'nope' in the knowledge base")
    outline = httpx.get(f"{url}/api/documents/nope/outline")
    assert outline.status_code == 404 and "'nope'" in outline.json()["detail"]
    clause = httpx.get(f"{url}/api/clauses/{PLAN_ID}:99")
    assert clause.status_code == 404 and f"{PLAN_ID}:99" in clause.json()["detail"]


def test_documents_outline_and_clause(url: str):
    documents = httpx.get(f"{url}/api/documents").json()
    assert [(d["doc_id"], d["title"], d["clauses"]) for d in documents] == [
        (PLAN_ID, "黑龙江省与广东省对口合作实施方案", 29)
    ]
    outline = httpx.get(f"{url}/api/documents/{PLAN_ID}/outline").json()
    sections = [child["label"] for child in outline["children"]]
    assert sections[0] == "前言" and "五、保障措施" in sections
    clause = httpx.get(f"{url}/api/clauses/{CITED}").json()
    assert clause["label"] == "五、保障措施 › （一）完善工作机制"
    assert "领导小组办公室设在省发展改革委" in clause["text"]
    assert clause["doc_title"] == "黑龙江省与广东省对口合作实施方案"


def test_workspaces_return_the_json_the_cli_prints(url: str):
    duties = httpx.get(f"{url}/api/duties", params={"party": "广东省"}, timeout=60).json()
    assert duties and {d["party"] for d in duties} == {"广东省"}
    governor = httpx.get(f"{url}/api/duties", params={"party": "省长"}, timeout=60).json()
    assert [(d["action"], d["role"]) for d in governor] == [("任组长", "机构设置")]  # no task
    timeline = httpx.get(f"{url}/api/timeline", timeout=60).json()
    whens = {m["when"] for m in timeline}
    assert "2018—2019年" in whens and "2016—2020年" not in whens  # a plan's name, not a node
    quiz = httpx.post(f"{url}/api/quiz", json={"n": 2, "part": "5"}, timeout=60).json()
    assert len(quiz) == 2 and all(q["clause_id"].startswith(f"{PLAN_ID}:5") for q in quiz)
    support = httpx.post(
        f"{url}/api/support", json={"description": "广东民营企业想在黑龙江设立金融机构"}
    ).json()
    assert any(item["clause_id"] for group in support for item in group["items"])


def test_openapi_schema_and_docs_beside_the_chat(url: str):
    schema = httpx.get(f"{url}/api/openapi.json").json()
    assert {"/api/ask", "/api/documents", "/v1/chat/completions"} <= set(schema["paths"])
    assert "swagger" in httpx.get(f"{url}/api/docs").text.lower()
    assert httpx.get(f"{url}/config").json()["components"], "the Gradio app on the same port"


def test_openai_client_gets_cited_answers(url: str):
    from openai import BadRequestError, OpenAI

    client = OpenAI(base_url=f"{url}/v1", api_key="none", timeout=60)
    assert [m.id for m in client.models.list()] == ["planqa"]
    messages = [{"role": "user", "content": QUESTION}]
    reply = client.chat.completions.create(model="planqa", messages=messages)
    text = reply.choices[0].message.content or ""
    assert "领导小组办公室设在省发展改革委" in text and text.endswith(SOURCE)
    assert (reply.model_extra or {})["planqa"]["citations"][0]["clause_id"] == CITED
    chunks = list(client.chat.completions.create(model="planqa", messages=messages, stream=True))
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert streamed == text
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert (chunks[-1].model_extra or {})["planqa"]["citations"][0]["clause_id"] == CITED
    with pytest.raises(BadRequestError, match="The question is empty"):
        client.chat.completions.create(model="planqa", messages=[{"role": "user", "content": ""}])


def test_generated_answers_stream_piece_by_piece(copied_data_dir: Path):
    from openai import OpenAI

    with running_stub() as stub:
        stub.reply = lambda messages: "领导小组办公室设在省发展改革委，负责对口合作日常工作[1]。"
        env = clean_env(
            copied_data_dir, PLANQA_LLM="openai", PLANQA_LLM_BASE_URL=stub.url,
            PLANQA_LLM_MODEL="stub",
        )  # fmt: skip
        with running_server(env) as served:
            url = served.rstrip("/")
            body = {"question": QUESTION, "stream": True}
            with httpx.stream("POST", f"{url}/api/ask", json=body, timeout=60) as response:
                *deltas, (_, answer) = events(response)
            client = OpenAI(base_url=f"{url}/v1", api_key="none", timeout=60)
            messages = [
                {"role": "system", "content": "planqa reads only the user's messages"},
                {"role": "user", "content": [{"type": "text", "text": QUESTION}]},
            ]
            stream = client.chat.completions.create(model="planqa", messages=messages, stream=True)
            pieces = [c.choices[0].delta.content for c in stream if c.choices[0].delta.content]
    assert len(deltas) > 1 and "".join(d["text"] for _, d in deltas) == stub.reply([])
    assert answer["mode"] == "llm" and answer["verified"] is True
    assert len(pieces) > 2 and "".join(pieces).startswith(stub.reply([]))
    assert "".join(pieces).endswith(SOURCE)
