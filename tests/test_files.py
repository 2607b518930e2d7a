"""Ingest reads only regular files inside what it was given (links, devices, FIFOs)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.files import collect_files
from ingest.models import IngestError

PLAN = "合作方案\n一、重点任务\n（一）冰雪装备。支持两省共建冰雪装备产业园。\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "plan.txt").write_text(PLAN, encoding="utf-8")
    (docs / "sub" / "notice.md").write_text(PLAN, encoding="utf-8")
    return docs


def test_link_leading_out_of_the_folder_is_skipped_and_named(folder: Path, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:秘密口令:19000:0:99999:7:::\n", encoding="utf-8")
    (folder / "shadow.txt").symlink_to(secret)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "other.txt").write_text(PLAN, encoding="utf-8")
    (folder / "linked-dir").symlink_to(outside, target_is_directory=True)

    selection = collect_files([folder])

    assert sorted(p.name for p in selection.files) == ["notice.md", "plan.txt"]
    assert secret not in selection.files
    assert any("shadow.txt" in n and "leading out of" in n for n in selection.notes)
    assert any("linked-dir" in n and "leading out of" in n for n in selection.notes)


def test_link_inside_the_folder_is_read_once(folder: Path):
    (folder / "alias.txt").symlink_to(folder / "plan.txt")
    selection = collect_files([folder])
    assert sorted(p.name for p in selection.files) == ["notice.md", "plan.txt"]
    assert selection.notes == []


def test_fifo_in_a_folder_is_skipped_without_blocking(folder: Path):
    os.mkfifo(folder / "pipe.txt")
    selection = collect_files([folder])
    assert "pipe.txt" not in {p.name for p in selection.files}
    assert any("pipe.txt" in n and "not a regular file" in n for n in selection.notes)


def test_named_link_is_resolved_and_said_so(folder: Path, tmp_path: Path):
    link = tmp_path / "plan-link.txt"
    link.symlink_to(folder / "plan.txt")
    selection = collect_files([link])
    assert selection.files == [(folder / "plan.txt").resolve()]
    assert selection.notes == [f"{link}: a link, read as {(folder / 'plan.txt').resolve()}"]


def test_named_device_is_refused_with_a_reason():
    with pytest.raises(IngestError, match="/dev/null: skipped, not a regular file"):
        collect_files([Path("/dev/null")])
