"""Questions written in English: read through the glossary into the plan's words,
answered by quoting the plan, declined naming what it lacks in English (``planqa ask
--json``; the module's ``ASKED`` are asked in one run, conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import planqa
from tests.replies import assert_answered_quoting

pytestmark = pytest.mark.slow
ASKED = [
    "Which Guangdong financial institutions are encouraged to do business in Heilongjiang?",
    "What subsidies do Guangdong companies get in Heilongjiang?",
    "Does the plan give Guangdong companies a tax discount for investing in Heilongjiang?",
    "What types of financial institutions can Guangdong private capital set up in Heilongjiang?",
    "What kinds of nuclear power projects will the two provinces build?",
    "Which kinds of Guangdong financial institutions are encouraged to operate in Heilongjiang?",
    "Which city is Harbin paired with?",
    "Which organisation handles the daily work of the counterpart cooperation?",
    "Does Guangdong help every city in Heilongjiang set up a tech incubator?",
    "How do the two provinces cooperate in culture and media?",
    "How does Guangdong help Heilongjiang with ice and snow tourism and agriculture?",
    "How are Harbin and Shenzhen paired?",
    "Which province is invited as guest of honour at the China-Russia Expo?",
]


def test_an_english_refusal_names_what_the_plan_lacks_not_a_word_it_uses(
    replies: dict[str, dict],
):
    # investing is the plan's 投资 (its stem is invest, not investig-ation); tax is not there
    reply = replies[
        "Does the plan give Guangdong companies a tax discount for investing in Heilongjiang?"
    ]
    assert reply["abstained"] and "tax" in reply["missing"], reply["answer"]
    assert "investing" not in reply["missing"], reply["answer"]


def test_the_kind_an_english_question_asks_for_is_no_topic_an_answer_must_name(
    replies: dict[str, dict],
):
    """What types of financial institutions: banks and guarantee companies are the answer,
    as for 哪些金融机构; the plan never says 金融机构 in that sentence."""
    reply = replies[
        "What types of financial institutions can Guangdong private capital set up in Heilongjiang?"
    ]
    assert not reply["abstained"] and "中小型银行" in reply["answer"], reply["answer"]
    # the kind is the phrase's head (projects); nuclear power stays what is asked about
    nuclear = replies["What kinds of nuclear power projects will the two provinces build?"]
    assert nuclear["abstained"] and "nuclear" in nuclear["missing"], nuclear["answer"]
    # "kinds of" only says kinds are asked for, whichever word asks (which, what): never
    # a word the plan is said not to mention
    kinds = replies[
        "Which kinds of Guangdong financial institutions are encouraged to operate in Heilongjiang?"
    ]
    assert "kinds" not in kinds["missing"], kinds["answer"]


def test_an_english_answer_quotes_the_sentence_that_answers_without_padding(
    replies: dict[str, dict],
):
    reply = replies["Which city is Harbin paired with?"]
    assert not reply["abstained"], reply["answer"]
    quoted = [line for line in reply["answer"].splitlines() if line.startswith("- ")]
    assert quoted and "哈尔滨市与深圳市对口合作" in quoted[0], reply["answer"]
    assert len(quoted) == 1, "sentences that only mention 哈尔滨 do not answer"


def test_common_english_words_of_how_work_is_run_reach_the_plans_words(
    replies: dict[str, dict],
):
    reply = replies["Which organisation handles the daily work of the counterpart cooperation?"]
    assert not reply["abstained"], reply["answer"]
    assert "领导小组办公室设在省发展改革委，负责对口合作日常工作" in reply["answer"]


def test_an_english_question_reads_a_hyphenated_term_and_a_common_word_as_the_glossary_does(
    built_data_dir: Path, tmp_path: Path
):
    import shutil

    shutil.copytree(built_data_dir, tmp_path / "data")
    asked = "Is there anything about low-carbon development?\nHow will the provinces cooperate on grain security?\n"
    result = planqa("ask", "--json", "-", data_dir=tmp_path / "data", stdin=asked)
    carbon, grain = (json.loads(line) for line in result.stdout.splitlines())
    assert not carbon["abstained"] and "低碳发展" in carbon["answer"], carbon["answer"]
    assert not grain["abstained"] and "粮食安全" in grain["answer"], grain["answer"]  # not 证券


def test_a_clipped_english_word_is_the_word_it_begins(replies: dict[str, dict]):
    # tech is technology (科技), the one glossary word it begins
    assert_answered_quoting(
        replies["Does Guangdong help every city in Heilongjiang set up a tech incubator?"],
        "科技孵化器",
    )


def test_things_an_english_question_joins_with_and_are_each_answered(replies: dict[str, dict]):
    # as 文化和媒体: the plan speaks of each in its own sentence, no sentence of both
    reply = replies["How do the two provinces cooperate in culture and media?"]
    assert_answered_quoting(reply, "文化交流新渠道", "影视媒体")
    # but a term of the glossary joined by "and" is one thing (ice and snow: 冰雪)
    both = replies[
        "How does Guangdong help Heilongjiang with ice and snow tourism and agriculture?"
    ]
    assert_answered_quoting(both, "冰雪", "农业")
    # and places joined by "and" are a pairing, asked of the one sentence that pairs them
    paired = replies["How are Harbin and Shenzhen paired?"]
    quoted = [line for line in paired["answer"].split("\n\n")[0].splitlines() if line[:2] == "- "]
    assert quoted == ["- 哈尔滨市与深圳市对口合作。[1]"], paired["answer"]


def test_the_things_after_which_are_the_kind_asked_for_not_a_word_to_hold(
    replies: dict[str, dict],
):
    """Which Guangdong financial institutions: as 哪些金融机构, the kind of answer wanted; the
    plan lists 证券、保险、基金公司 without the word. A kind of money asked for stays a
    premise the plan must state (subsidies)."""
    question = (
        "Which Guangdong financial institutions are encouraged to do business in Heilongjiang?"
    )
    reply = replies[question]
    assert not reply["abstained"] and "证券、保险、基金公司" in reply["answer"], reply["answer"]
    subsidy = replies["What subsidies do Guangdong companies get in Heilongjiang?"]
    assert subsidy["abstained"] and subsidy["missing"] == ["subsidies"], subsidy["answer"]


def test_a_country_named_in_english_is_the_plans_name_for_it(replies: dict[str, dict]):
    # China is 中国: a name is no plan word near it in meaning (Beijing is not 中国), so the
    # glossary names it, as it names Russia and ASEAN
    reply = replies["Which province is invited as guest of honour at the China-Russia Expo?"]
    assert_answered_quoting(reply, "邀请广东省作为中国—俄罗斯博览会的主宾省")
