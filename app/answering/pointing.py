"""What a follow-up's words point back to: 它 and 它俩, 这样做, 除了这个, 那园区.

conversation.py rewrites a follow-up into a standalone question; these read, in the
follow-up, what stands for something of the previous turn: a pronoun for the previous
topic's thing (它具体负责什么: 领导小组办公室), for the places its answer named (它俩 after
哈尔滨跟哪个城市结对: 哈尔滨和深圳市), what it did (这样做), more of it (除了这个), or a
noun ending the previous topic's words (那园区 of 对口合作示范园区).
"""

from __future__ import annotations

import re

from app.answering.relations import named_places
from kb.text import tagged_words

# the words that ask (哪 of 哪些, 哪里, 哪个)
WH = "怎么|如何|怎样|哪|什么|啥|谁|多少|几|多久|多长|何时|是否|有没有"
ASKS = re.compile(WH + "|吗|么")
# a pronoun standing for the previous answer's topic (怎么用它, 他们负责什么, 在那里办吗), or
# for what it did (这样做是为了什么)
POINTS_BACK = re.compile(
    r"它|他们|她们|它们|其中|那里|那儿|这里|这儿|这样做|这么做|这样干|这么干"
    # the person the previous turn asked about (组长…这位); not 位于, 因此人才, 这个人才
    r"|[这那]位(?![于置])|(?<![因对彼如])此人(?![们员才])|[这那]个人(?![才员们])"
)
# "除了这个，还要…": more of the previous topic
BESIDES = re.compile(r"^(?:除了?|除去)(?:这个|这些|此|上述|那个|那些)(?:以外|之外)?[，,\s]*")
# a pronoun a thing's name can take the place of (它具体负责什么: 领导小组办公室具体负责什么)
_THING_PRONOUN = re.compile(r"(?<!其)它们?(?!俩)")
# what a topic may end with that is not the thing named (…设在, …在方案里): dropped before
# the thing takes a pronoun's place
_NOT_THE_THING = re.compile(r"(?:在?(?:方案|规划|文件)(?:里面?|中))$")


def pronoun_named(text: str, topic: str) -> str:
    """``text`` with its pronoun 它 written out as the thing ``topic`` names (对口合作领导小组
    办公室设在 → 对口合作领导小组办公室), "" when it has none or ``topic`` ends on no noun."""
    pronoun = _THING_PRONOUN.search(text)
    if pronoun is None:
        return ""
    words = tagged_words(_NOT_THE_THING.sub("", topic))
    while words and not words[-1][1].startswith(("n", "j", "eng", "vn")):
        words.pop()  # 设在, 的, 要
    thing = "".join(w for w, _ in words)
    if len(thing) < 2:
        return ""
    return f"{text[: pronoun.start()]}{thing}{text[pronoun.end() :]}"


# a pronoun for the place a previous question pairing places was answered with (哈尔滨跟哪个
# 城市结对): both places (它俩, 它们), or the one the answer named (它, not 其它)
_BOTH = re.compile(r"它们俩|它俩|他们俩|他俩|它们|两者|二者")
_IT = re.compile(r"(?<!其)它(?!们)|对方")
_WHICH_PLACE = r"哪[一几]?[个些]?(?:城市|市|省|区|县)"
_PAIRING_ASKED = re.compile(
    rf"(?:跟|与|和|同)[^，。？?]{{0,4}}{_WHICH_PLACE}|{_WHICH_PLACE}(?:跟|与|和|同)"
)


def answer_pronoun(text: str, previous_question: str, quoted: list[str]) -> str:
    """``text`` with a pronoun written out as the places of the previous answer, when the
    previous question asked which place one is paired with (哈尔滨跟哪个城市结对 → 哈尔滨市与
    深圳市对口合作): 它俩 is 哈尔滨和深圳市, 它 is 深圳市; "" when that answer named no one
    new place beside the asked one."""
    if not _PAIRING_ASKED.search(previous_question) or not quoted:
        return ""
    said = "".join(quoted)
    asked = [p for p in named_places(previous_question) if p in said]  # 哈尔滨, not 广东
    new = {
        place
        for place in named_places(said)
        if not any(place.startswith(a) or a.startswith(place) for a in asked)
    }
    if len(new) != 1 or not asked:
        return ""
    place = new.pop()
    both = _BOTH.search(text)
    if both:
        return f"{text[: both.start()]}{asked[0]}和{place}{text[both.end() :]}"
    it = _IT.search(text)
    return f"{text[: it.start()]}{place}{text[it.end() :]}" if it else ""


def names_it(text: str, topic: str) -> bool:
    """Whether ``text`` opens on a noun the previous topic ends a word of: 那园区 after
    哈深要共建对口合作示范园区 is that 示范园区 (not 那培训机构 after 干部培训)."""
    asks = ASKS.search(text)
    words = tagged_words(text[: asks.start()] if asks else text)
    first, flag = words[0] if words else ("", "")
    if not (len(first) >= 2 and flag == "n" and first in topic and first != topic):
        return False  # (not 黑龙江, a party named anew)
    # 那企业去俄罗斯投资有什么支持 names a place of its own before it asks: a new topic
    return not any(f.startswith("n") for _, f in words[1:])
