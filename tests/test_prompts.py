from pathlib import Path

import pytest

from app.prompts import REASONS, REQUIRED, PromptError, load_prompts
from app.settings import PROJECT_ROOT

PLAN = "黑龙江省与广东省对口合作实施方案"


def test_every_prompt_renders_with_its_placeholders():
    prompts = load_prompts(PROJECT_ROOT / "prompts")
    for name, required in REQUIRED.items():
        rendered = prompts.render(name, **{key: f"<{key}>" for key in required})
        for key in required:
            assert f"<{key}>" in rendered
        assert "{" not in rendered


def _copy_prompts(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    target.mkdir()
    for path in [
        *(PROJECT_ROOT / "prompts").glob("*.txt"),
        *(PROJECT_ROOT / "prompts").glob("*.yaml"),
    ]:
        (target / path.name).write_text(path.read_text("utf-8"), "utf-8")
    return target


def test_every_reason_reads_in_both_languages():
    prompts = load_prompts(PROJECT_ROOT / "prompts")
    for code in REASONS:
        zh = prompts.reason(code, "zh", ["出让金", "折扣"], "方案")
        en = prompts.reason(code, "en", ["bonus"], "plan")
        assert zh and en and "{" not in zh + en
        if code not in ("empty", "unrelated"):
            assert "出让金、折扣" in zh and "bonus" in en


def test_each_face_says_where_a_refusal_s_nearest_clauses_are():
    prompts = load_prompts(PROJECT_ROOT / "prompts")
    reason = prompts.reason("no_amount", "zh", ["折扣"], "方案")
    printed = prompts.not_covered(reason, "zh", "below", "方案")  # the CLI prints them after
    assert printed == (
        "知识库中的方案没有回答这个问题（方案没有给出折扣）。以下是最接近的条款，仅供参考，不构成答案。"
    )
    folded = prompts.not_covered(reason, "zh", "related", "方案")  # the chat folds them aside
    assert folded.startswith("知识库中的方案没有回答这个问题（方案没有给出折扣）。")
    assert "“相关条款”" in folded and "不回答这个问题" in folded and "以下" not in folded
    english = prompts.not_covered("no figure", "en", "related", "plan")
    assert "相关条款" in english and "below" not in english
    assert "below" in prompts.not_covered("no figure", "en", "below", "plan")


def test_a_refusal_calls_the_texts_what_their_titles_say_they_are():
    # regulations are not a 方案; a knowledge base of both, or of notices, holds 文件
    prompts = load_prompts(PROJECT_ROOT / "prompts")
    laws = ["北京市单用途预付卡管理条例", "中华人民共和国草原法(2021-04-29)"]
    texts = prompts.texts_word(laws, "zh")
    reason = prompts.reason("missing", "zh", ["斑马线"], texts)
    refusal = prompts.not_covered(reason, "zh", "below", texts)
    assert refusal.startswith("知识库中的法规没有回答这个问题（法规中没有提到：斑马线）"), refusal
    assert "方案" not in refusal
    assert prompts.texts_word([PLAN, *laws], "zh") == "文件"
    assert prompts.texts_word(["关于加快发展养老服务业的若干意见"], "zh") == "文件"
    assert prompts.texts_word([PLAN], "zh") == "方案"
    english = prompts.not_covered("…", "en", "below", prompts.texts_word(laws, "en"))
    assert "regulations" in english and "plan" not in english, english


def test_nearest_wording_for_every_face_is_required(tmp_path: Path):
    directory = _copy_prompts(tmp_path)
    path = directory / "nearest.yaml"
    path.write_text(path.read_text("utf-8").split("related:")[0], "utf-8")
    with pytest.raises(PromptError, match="nearest.yaml: expected exactly the codes"):
        load_prompts(directory)


def test_reason_without_its_placeholder_fails_loudly(tmp_path: Path):
    directory = _copy_prompts(tmp_path)
    path = directory / "reasons.yaml"
    path.write_text(
        path.read_text("utf-8").replace("{texts}没有给出{missing}", "{texts}没有给出"), "utf-8"
    )
    with pytest.raises(PromptError, match="no_amount must use"):
        load_prompts(directory)


def test_unknown_placeholder_fails_loudly(tmp_path: Path):
    directory = _copy_prompts(tmp_path)
    (directory / "not_covered_zh.txt").write_text("没有回答（{reason}）{secret}", "utf-8")
    with pytest.raises(PromptError, match="unknown: secret"):
        load_prompts(directory)


def test_missing_placeholder_fails_loudly(tmp_path: Path):
    directory = _copy_prompts(tmp_path)
    (directory / "extractive_answer_zh.txt").write_text("根据《{doc_title}》：", "utf-8")
    with pytest.raises(PromptError, match="missing: points"):
        load_prompts(directory)


def test_missing_file(tmp_path: Path):
    directory = _copy_prompts(tmp_path)
    (directory / "not_covered_en.txt").unlink()
    with pytest.raises(PromptError, match="prompt file missing"):
        load_prompts(directory)
