"""知识库管理: login, checked uploads, removal (real Chroma, fake embeddings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.admin.login_guard import LoginGuard
from app.admin.service import AdminService
from ingest import IngestError, load_document
from kb.knowledge_base import KnowledgeBase, KnowledgeBaseError
from tests.conftest import BUNDLED_PLAN, PLAN_ID

PLAN = "冰雪经济合作方案\n一、重点任务\n（一）冰雪装备。支持两省共建冰雪装备产业园。\n"


@pytest.fixture
def admin(fake_kb: KnowledgeBase) -> AdminService:
    fake_kb.add_documents([load_document(BUNDLED_PLAN)])
    return AdminService(fake_kb, "admin", "s3cret-pass", max_file_mb=1)


def upload_file(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "incoming"
    path.write_bytes(content)
    return path


def test_login_needs_both_fields_right(admin):
    assert admin.check_login("admin", "s3cret-pass")
    assert not admin.check_login("admin", "s3cret-pas")
    assert not admin.check_login("root", "s3cret-pass")
    assert not admin.check_login("", "")


def test_failed_logins_from_one_address_wait_twice_as_long_each_time(admin):
    now = [100.0]
    admin.guard = LoginGuard(2.0, clock=lambda: now[0])
    for _ in range(5):
        assert admin.login("admin", "guess", "10.0.0.9").message.startswith("用户名或密码错误")
    assert (
        admin.login("admin", "s3cret-pass", "10.0.0.9").message
        == "登录失败次数过多，请在 2 秒后再试。"
    )
    assert admin.login("admin", "s3cret-pass", "10.0.0.7").token  # other addresses unaffected
    now[0] += 2
    assert "请在 4 秒后再试" in admin.login("admin", "guess", "10.0.0.9").message
    assert [f.address for f in admin.guard.failures] == ["10.0.0.9"] * 6
    now[0] += 4
    login = admin.login("admin", "s3cret-pass", "10.0.0.9")
    assert login.message == "已登录。" and admin.logged_in(login.token)
    assert not admin.logged_in("forged") and not admin.logged_in(True)


def test_no_password_configured_means_no_login(fake_kb):
    closed = AdminService(fake_kb, "admin", "", max_file_mb=1)
    assert not closed.enabled and not closed.check_login("admin", "")


def test_upload_is_stored_under_a_generated_name(admin, tmp_path):
    report = admin.upload(upload_file(tmp_path, PLAN.encode("gb18030")), "../../etc/冰雪 plan.txt")
    assert report.added == ["冰雪-plan"]
    stored = list(admin.uploads.iterdir())
    assert len(stored) == 1 and stored[0].parent == admin.uploads
    assert stored[0].suffix == ".txt" and "etc" not in stored[0].name
    rows = {r.doc_id: r for r in admin.documents()}
    assert rows["冰雪-plan"].title == "冰雪经济合作方案" and rows["冰雪-plan"].passages == 1
    assert rows[PLAN_ID].clauses == 29


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("plan.pdf", b"%PDF-1.4 ...", "^plan.pdf: not a readable PDF"),
        ("sheet.xlsx", b"PK\x03\x04", "^sheet.xlsx: unsupported file type"),
        ("big.txt", "两省合作".encode() * 100_000, "file too large"),
        ("empty.md", b"   ", "file is empty"),
    ],
)
def test_bad_uploads_are_refused_and_change_nothing(admin, tmp_path, name, content, reason):
    before = admin.documents()
    with pytest.raises(IngestError, match=reason):
        admin.upload(upload_file(tmp_path, content), name)
    assert admin.documents() == before
    assert not admin.uploads.exists() or not any(admin.uploads.iterdir())


def test_remove_takes_the_document_out_of_search(admin, tmp_path):
    admin.upload(upload_file(tmp_path, PLAN.encode()), "ice.md")
    assert admin._kb.contains_text("冰雪装备产业园")
    assert any(pid.startswith("ice:") for pid in admin._kb._store.get()["ids"])
    assert admin.remove("ice") == 1
    assert "ice" not in {r.doc_id for r in admin.documents()}
    assert not admin._kb.contains_text("冰雪装备产业园")
    assert not any(pid.startswith("ice:") for pid in admin._kb._store.get()["ids"])
    assert all(h.clause.doc_id != "ice" for h in admin._kb.search("冰雪装备产业园", k=29))
    with pytest.raises(KnowledgeBaseError, match="no document"):
        admin.remove("ice")


def test_word_upload_is_ingested_with_its_metadata(admin, tmp_path):
    from docx import Document

    document = Document()
    for line in [
        "黑政办发〔2019〕8号",
        "冰雪经济合作方案",
        "一、重点任务",
        "支持两省共建冰雪装备产业园。",
    ]:
        document.add_paragraph(line)
    path = tmp_path / "incoming"
    document.save(str(path))  # Gradio hands over a temporary path; the name says .docx
    admin.upload(path, "冰雪方案.docx")
    row = {r.doc_id: r for r in admin.documents()}["冰雪方案"]
    assert row.doc_number == "黑政办发〔2019〕8号" and row.passages == 1
    assert [p.suffix for p in admin.uploads.iterdir()] == [".docx"]


def test_upload_reports_progress_up_to_every_passage(admin, tmp_path):
    text = "冰雪经济合作方案\n" + "\n".join(
        f"{n}.冰雪项目{n}。支持两省共建第{n}个冰雪装备产业园，并开展冰雪旅游推广。"
        for n in range(1, 9)
    )
    calls: list[tuple[int, int]] = []
    report = admin.upload(
        upload_file(tmp_path, text.encode()), "冰雪方案.txt", lambda *pair: calls.append(pair)
    )
    assert calls[-1] == (report.passages, report.passages) and report.passages > 1
