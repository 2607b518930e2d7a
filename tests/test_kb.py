"""The knowledge base on a real Chroma, embedded and server (``make_kb``), with fake embeddings."""

from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from ingest import load_document
from ingest.chunking import clause_passages
from ingest.pipeline import parse_text
from kb.knowledge_base import KnowledgeBase, KnowledgeBaseError
from tests.conftest import BUNDLED_PLAN, PLAN_ID


def test_ingest_then_lexical_search_finds_the_clause(fake_kb: KnowledgeBase):
    report = fake_kb.add_documents([load_document(BUNDLED_PLAN)])
    assert report.added == [PLAN_ID] and report.passages > 29
    hits = fake_kb.search("领导小组办公室设在省发展改革委", k=3)
    assert hits[0].clause.clause_id == f"{PLAN_ID}:5.1"
    assert hits[0].lexical > 0


def test_reingest_same_text_changes_nothing(fake_kb: KnowledgeBase):
    doc = load_document(BUNDLED_PLAN)
    fake_kb.add_documents([doc])
    report = fake_kb.add_documents([doc])
    assert report.unchanged == [PLAN_ID] and report.passages == 0


def test_changed_document_replaces_its_passages(fake_kb: KnowledgeBase):
    fake_kb.add_documents([parse_text("方案\n一、目标\n建设冰雪旅游基地。", "d1", "d1.txt")])
    report = fake_kb.add_documents([parse_text("方案\n一、目标\n建设物流枢纽。", "d1", "d1.txt")])
    assert report.replaced == ["d1"]
    assert fake_kb.search("冰雪旅游基地", k=1)[0].clause.text == "建设物流枢纽。"
    stored = fake_kb._store.get()["ids"]
    assert len(stored) == 1 and stored[0].startswith("d1:1#")


@pytest.mark.parametrize("exact_limit", [0, 10_000], ids=["index", "exact"])
def test_a_search_within_documents_finds_only_their_clauses(
    fake_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, exact_limit: int
):
    """Within chosen documents, whether their passages are searched through the vector
    index (many) or scored one by one (few): the store holds no field to filter on."""
    monkeypatch.setattr("kb.knowledge_base.EXACT_DENSE_LIMIT", exact_limit)
    fake_kb.add_documents(
        [
            parse_text("方案\n一、目标\n建设冰雪旅游基地。", "ice", "ice.txt"),
            parse_text("方案\n一、目标\n建设冰雪物流枢纽。", "hub", "hub.txt"),
        ]
    )
    within = fake_kb.retriever({"hub"}).invoke("冰雪旅游基地")
    assert within and {d.metadata["doc_id"] for d in within} == {"hub"}
    assert {h.clause.doc_id for h in fake_kb.search("冰雪旅游基地", k=3, doc_ids={"hub"})} == {
        "hub"
    }
    assert fake_kb.search("冰雪旅游基地", k=1)[0].clause.doc_id == "ice"


@pytest.mark.parametrize("exact_limit", [0, 10_000], ids=["index", "exact"])
def test_a_search_within_documents_one_of_which_another_opening_removed_never_fails(
    make_kb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exact_limit: int
):
    monkeypatch.setattr("kb.knowledge_base.EXACT_DENSE_LIMIT", exact_limit)
    writer = make_kb(tmp_path / "shared")
    writer.add_documents(
        [
            parse_text("方案\n一、目标\n建设冰雪旅游基地。", "ice", "ice.txt"),
            parse_text("方案\n一、目标\n建设冰雪物流枢纽。", "hub", "hub.txt"),
        ]
    )
    reader = make_kb(tmp_path / "shared")
    assert reader.search("冰雪物流", k=3, doc_ids={"hub", "ice"})
    writer.remove_document("hub")  # the reader still lists hub's passages
    within = reader.retriever({"hub", "ice"}).invoke("冰雪物流")
    assert within and {d.metadata["doc_id"] for d in within} <= {"hub", "ice"}


def test_a_year_of_a_hyphenated_span_is_a_word_the_lexical_index_finds(fake_kb: KnowledgeBase):
    fake_kb.add_documents(
        [
            parse_text("方案\n一、目标\n编制冰雪产业规划（2021-2025年）。", "span", "span.txt"),
            parse_text("方案\n一、目标\n建设冰雪物流枢纽。", "hub", "hub.txt"),
        ]
    )
    hit = fake_kb.search("2025", k=1)[0]
    assert hit.clause.doc_id == "span" and hit.lexical > 0


def test_reopened_knowledge_base_keeps_documents_and_index(make_kb):
    first = make_kb()
    first.add_documents([load_document(BUNDLED_PLAN)])
    again = make_kb()
    assert [d.doc_id for d in again.documents()] == [PLAN_ID]
    assert again.search("中医药项目合作", k=1)[0].clause.clause_id == f"{PLAN_ID}:4.2.10"


def test_other_embedding_model_is_refused_with_rebuild_hint(make_kb):
    make_kb().add_documents([load_document(BUNDLED_PLAN)])
    with pytest.raises(KnowledgeBaseError, match="planqa ingest --rebuild"):
        make_kb(model="other-model")


def test_corrupted_manifest_is_reported(make_kb, tmp_path: Path):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "manifest.json").write_text("{not json", "utf-8")
    with pytest.raises(KnowledgeBaseError, match="unreadable"):
        make_kb()


def test_vector_store_out_of_step_with_documents_is_repaired(make_kb):
    kb = make_kb()
    kb.add_documents([load_document(BUNDLED_PLAN)])
    expected = sorted(kb._store.get()["ids"])
    kb._store.delete(ids=expected[:3])  # as if an ingest died half-way…
    orphan = parse_text("方案\n一、目标\n建设冰雪旅游基地。", "uncommitted", "u.txt")
    kb._store.add_documents(clause_passages(orphan))  # …or before its document was committed
    kb._writer.begin(kb._manifest)  # the manifest as the interrupted ingest left it
    again = make_kb()
    assert again.repaired == (1, 3)
    assert sorted(again._store.get()["ids"]) == expected
    assert make_kb().repaired == (0, 0)


def test_corrupted_vector_store_is_reported_not_a_crash(tmp_path: Path):  # embedded only
    embeddings = DeterministicFakeEmbedding(size=64)
    KnowledgeBase(tmp_path / "kb", embeddings, "fake").add_documents([load_document(BUNDLED_PLAN)])
    database = tmp_path / "kb" / "chroma" / "chroma.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    with pytest.raises(KnowledgeBaseError, match="rebuild with: planqa ingest --rebuild"):
        KnowledgeBase(tmp_path / "kb", embeddings, "fake")


def test_a_change_made_through_another_opening_is_loaded_and_never_fails_a_search(make_kb):
    reader, writer = make_kb(), make_kb()  # as two processes on one data directory
    writer.add_documents([parse_text("方案\n一、目标\n建设冰雪旅游基地。", "d1", "d1.txt")])
    assert reader.search("冰雪旅游基地", k=1, doc_ids=["d1"]) == []  # not loaded yet
    reader.refresh()
    reader.wait_for_reload()
    assert reader.search("冰雪旅游基地", k=1)[0].clause.doc_id == "d1"
    writer.add_documents([parse_text("方案\n一、目标\n建设物流枢纽。", "d1", "d1.txt")])
    # the old state keeps answering, though its passages have left the store
    assert reader.search("冰雪旅游基地", k=1, doc_ids=["d1"])[0].clause.text == "建设冰雪旅游基地。"
    reader.refresh()
    reader.wait_for_reload()
    assert reader.search("物流枢纽", k=1)[0].clause.text == "建设物流枢纽。"
    writer.remove_document("d1")
    assert reader.search("物流枢纽", k=1, doc_ids=["d1"])[0].dense == 0.0  # no vector left
    reader.refresh()
    reader.wait_for_reload()
    assert not reader.has_document("d1") and reader.search("物流枢纽", k=1) == []
    reader.add_documents([parse_text("方案\n一、目标\n建设冰雪旅游基地。", "d2", "d2.txt")])
    writer.refresh()
    writer.wait_for_reload()
    assert [d.doc_id for d in writer.documents()] == ["d2"]


def test_reloads_release_the_store_they_replace(fake_kb: KnowledgeBase):
    import gc
    import os

    from kb.version import write_stamp

    fake_kb.add_documents([parse_text("方案\n一、目标\n建设冰雪旅游基地。", "d1", "d1.txt")])

    def reload() -> None:
        write_stamp(fake_kb.data_dir)  # as another process's finished change
        fake_kb.refresh()
        fake_kb.wait_for_reload()
        assert fake_kb.search("冰雪旅游基地", k=1)[0].clause.doc_id == "d1"
        gc.collect()  # Chroma's objects refer to each other: freed by the cycle collector

    reload()
    handles = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        reload()
    # a store left open per reload would leave 20 or more handles; a few come and go with
    # the interpreter's own threads and caches (sqlite journals, thread pools)
    assert len(os.listdir("/proc/self/fd")) < handles + 10
