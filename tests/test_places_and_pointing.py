"""How a question's places and a follow-up's pointing words are read (no model needed)."""

import pytest

from app.answering.conversation import Turn, rewrite
from app.answering.places import places_written_out
from app.answering.pointing import BESIDES, pronoun_named

WORDS = [
    "黑龙江省",
    "广东省",
    "哈尔滨市",
    "深圳市",
    "黑龙江",
    "广东",
    "东北地区",
    "东北亚",
    "江苏省",
]
TEXT = "黑龙江省与广东省对口合作。哈尔滨市与深圳市对口合作。东北地区振兴，拓展东北亚市场。"


def written(question: str) -> str:
    return places_written_out(question, WORDS, lambda fragment: fragment in TEXT)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("黑龙江依托本省的培训机构", "黑龙江依托黑龙江省的培训机构"),
        ("哈尔滨依托本省的高校", "哈尔滨依托黑龙江省的高校"),  # a city's province
        ("广东依托该市的高校", "广东依托该市的高校"),  # no city named before it: unchanged
        ("黑省帮广东建孵化器吗", "黑龙江省帮广东建孵化器吗"),
        ("哈市跟深市什么关系", "哈尔滨市跟深圳市什么关系"),
        ("股市上能融资吗", "股市上能融资吗"),  # a word of its own
        ("东北的大米卖到广东", "黑龙江的大米卖到广东"),
        ("东北地区振兴战略", "东北地区振兴战略"),  # the texts write 东北地区
        ("东北亚市场", "东北亚市场"),
        ("黑龙江省内有哪些园区", "黑龙江省内有哪些园区"),
        ("黑龙江省和广东省", "黑龙江省和广东省"),  # 江省 of 黑龙江省 is no 江苏省
    ],
)
def test_places_are_written_as_the_texts_write_them(question, expected):
    assert written(question) == expected


def test_it_is_the_thing_the_previous_topic_names():
    assert pronoun_named("它具体负责什么", "对口合作领导小组办公室设在") == (
        "对口合作领导小组办公室具体负责什么"
    )
    assert (
        pronoun_named("企业可以怎么用它", "深圳证券交易所在方案里")
        == "企业可以怎么用深圳证券交易所"
    )
    assert pronoun_named("其它还有什么", "干部培训") == ""  # 其它 is no pronoun for it


def test_besides_this_is_more_of_the_previous_topic_not_a_topic_of_its_own():
    assert BESIDES.match("除了这个，还要研究什么")
    assert not BESIDES.match("除了这方面，还有哪些合作")  # 这方面 names a part: not this answer


class _Kb:
    def documents(self):
        return []


def test_besides_this_what_else_continues_the_previous_question_skipping_what_was_shown():
    previous = Turn("两省旅游怎么合作", ["c1"], ["两省联合打造旅游季品牌。"])
    again = rewrite("除了这个还有什么？", [previous], _Kb())  # type: ignore[arg-type]
    assert again.question == "两省旅游怎么合作" and again.skip == ["两省联合打造旅游季品牌。"]
