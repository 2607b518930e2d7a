"""Whether a sentence holds the kind of answer a question asks for: an amount for 多少,
a date or period for 何时, a frequency for 多久一次, a person for 叫什么名字 or 省长是谁,
an actor for 谁, a place or body for 在哪, what to file for 怎么申请, a sanction for 怎么罚,
a definition for 是什么意思. The question's own words are taken out of the sentence
first (sentences.py): 年度 of 年度工作计划 answers no 几月.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.answering.numbers import COUNTED, MONEY, SUM, SUM_ASKED
from app.answering.query import Query
from app.answering.references import SANCTION
from kb.text import tagged_words

_DATE = re.compile(
    r"(?:\d+|[一二三四五六七八九十两半]+)\s*(?:个月|年|日|天|周|小时|个工作日|工作日)(?!度)|\d{4}\s*年|\d{4}\s*[—–\-至到]\s*\d{4}|\d{1,2}月|年底|年内|每年|定期|年度|期间|近期|长期|到\d{4}|及时|尽快|适时|按时|按期|提前"
)
# a point in time asked for (哪年, 几月, 哪个月, 哪天) and what names one
_POINT_ASKED = re.compile(
    r"哪[一几]?年|哪[一几]?天|哪[一几]?个?月|几号|几月|什么日子|what year|which year", re.I
)
_POINT = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|年底|年内|年初|月底|上半年|下半年")
# the period a thing recurs in (每年开展互访: once a year)
_RECURS = r"每(?:年|季度|月|半年|两年|届)|一年一次"
_FREQUENCY = re.compile(rf"{_RECURS}|定期|年度|轮流|常态化")
# how many times a period asked (每年办几期, 一年几次): a number of times or the period it
# recurs in, not 定期 or 常态化 (regularly: how often unsaid)
_TIMES_ASKED = re.compile(r"几(?:次|期|回|趟|届)|多少(?:次|期|回|趟|届)")
_TIMES = re.compile(
    rf"[\d一二两三四五六七八九十]+\s*(?:次|期|回|趟|届)|[一二两三四五六七八九十]年一次|{_RECURS}"
)
_ACTOR = re.compile(
    r"省|市|委|部|办公室|政府|小组|组长|省长|企业|商会|协会|机构|高校|中心|银行|部门|单位|联盟|人员|干部|院"
)
_PLACE = re.compile(
    r"[\u4e00-\u9fff](?:省|市|县|区|州|镇|村|岛|港|口岸|园区?|基地|中心|地区|沿线|境外|国内|国外|海外)"
    r"|俄罗斯|东盟|港澳|珠三角|东北|全国|各地"
)
_PROCEDURE = re.compile(
    r"申请|报名|申报|提交|材料|办理|程序|流程|手续|登记|备案|审批|审核|受理|报送|报请|批准"
)


def fits_type(query: Query, sentence: str, whole: str = "") -> bool:
    """Whether ``sentence`` holds an answer of the kind ``query`` asks for; ``whole`` is the
    sentence with the question's words left in (由省长任组长 for 组长是谁)."""
    kind = query.answer_type
    if kind == "amount":
        if SUM_ASKED.search(query.text):  # 多少钱 wants a sum: 百分之六十 of something is none
            return SUM.search(sentence) is not None
        return MONEY.search(sentence) is not None
    if kind == "count":  # 多少人 wants a number; 几个阶段 is answered by what it counts
        if COUNTED.search(sentence):
            return True
        if "多少" in query.text:
            return False
        counted = counted_kind(query.text)
        stages = not counted or _PERIOD.search(counted) is not None
        if stages and _POINT.search(re.sub(r"《[^》]*》", "", sentence)):
            return True  # 分几个阶段: its dated stages (not 每年, nor the years of a title)
        # 编几个领域: a list closed by the thing counted (商务、…、旅游等重点合作领域, 广州、深圳
        # 等市) or by 等 (中小型银行、…和融资担保公司等。); 职业院校、技工院校结对共建 counts
        # no 学校 that join a 职教集团, nor 2018—2019年 any 机构
        if not counted:
            return "、" in sentence
        head = f"(?:{re.escape(counted)}|{re.escape(counted[-1])})"
        closed = rf"、[^，。；]*等(?:[^，。；、]{{0,8}}{head}|[。；]|$)"
        return re.search(closed, whole or sentence) is not None
    if kind == "when":
        if _POINT_ASKED.search(query.text):  # 哪年 wants a year, not 每年 or 定期
            return _POINT.search(sentence) is not None
        return _DATE.search(sentence) is not None
    if kind == "frequency":
        if _TIMES_ASKED.search(query.text):
            return _TIMES.search(sentence) is not None
        return _FREQUENCY.search(sentence) is not None
    if kind == "name" or (kind == "who" and asks_for_person(query.text)):
        title = _title_asked(query.text)
        # 组长是谁 is answered by who holds the office (由省长任组长); 叫什么名字 by a name
        named = _NAME_ASKED.search(query.text) is not None
        if title and not named and re.search(rf"(?<!副)任{re.escape(title)}", whole):
            return True
        if kind == "name" and not asks_for_person(query.text):
            # 旅游季品牌叫啥名: a thing is named in quotation marks (“南来北往”)
            return _names_person(sentence) or _QUOTED_NAME.search(sentence) is not None
        # (not 叫什么名字, who is the director, 哪位省长: those ask who holds the office)
        if not (title or any(p.search(query.text) for p in _HOLDER_ASKED)):
            # 哪位领导牵头: an office names the one who holds it (常务副省长牵头推进)
            return _names_person(sentence) or re.search(_TITLES, sentence) is not None
        return _names_person(sentence)
    if kind == "who":
        return _ACTOR.search(sentence) is not None
    if kind == "where":  # a place, or the body a thing is set up in (设在省发展改革委)
        level = _LEVEL_ASKED.search(query.text)
        if level:  # 建在哪个市: a city the question does not name, not 黑龙江省
            return _holds_level(sentence, level.group(1))
        unused = _unused_kind(query)
        if unused:  # 在哪个展馆: the texts name no 展馆, so none is named here
            return re.search(rf"[\u4e00-\u9fff]{unused[-1]}", sentence) is not None
        if _PLACE.search(sentence) or _ACTOR.search(sentence):
            return True
        return any(flag == "ns" for _, flag in tagged_words(sentence))
    if kind == "procedure":  # how to apply: a sentence that says what to file, where, how
        return _PROCEDURE.search(sentence) is not None
    if kind == "penalty":  # 罚多少 wants the amount too
        amount = MONEY.search(sentence) or COUNTED.search(sentence)
        asks_amount = re.search(r"多少|几", query.text) is not None
        return SANCTION.search(sentence) is not None and (amount is not None or not asks_amount)
    if kind == "definition":
        # （以下统称国家情报工作机构）: the things named before it are what the name means
        return re.search(r"是指|指的是|所称|统称|即|，是|：是", sentence) is not None
    return True


# the periods a plan is counted in (几个阶段, 分几步): dated stages answer how many
_PERIOD = re.compile(r"阶段|时期|期|步|轮")
MEASURES = "个项家所条批类种大位名件部"  # after 几: 几所学校, 几类企业
_COUNTED_ASKED = re.compile(rf"(?:几|多少)[{MEASURES}]?([\u4e00-\u9fff]{{1,8}})")
# 加入职教集团的学校有几所: the thing counted before the count
_COUNTED_BEFORE = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?)(?:有|是|共|一共|总共)*几[{MEASURES}]")


@lru_cache(maxsize=256)
def counted_kind(text: str) -> str:
    """The thing a question counts, the head of its noun phrase (学校 of 有几所学校加入,
    园区 of 几个重点园区, 学校 of 学校有几所); "" if none named. (Asked once per sentence
    scored: kept.)"""
    match = _COUNTED_ASKED.search(text)
    head = head_noun(match.group(1)) if match else ""
    if not head:
        before = _COUNTED_BEFORE.search(text)
        nouns = [w for w, f in tagged_words(before.group(1)) if f.startswith("n")] if before else []
        head = nouns[-1] if nouns and len(nouns[-1]) >= 2 else ""
    return head


def head_noun(text: str) -> str:
    """The last of the nouns ``text`` starts with, the head of that noun phrase (园区 of
    重点园区建在哪); "" if it starts with no noun of two hanzi or more."""
    nouns = []
    for word, flag in tagged_words(text):
        if not flag.startswith("n"):
            break
        nouns.append(word)
    return nouns[-1] if nouns and len(nouns[-1]) >= 2 else ""


# the level of place asked for (哪个市, 哪些城市, 哪个区县; not 哪个区域, 哪些市场)
_LEVEL_ASKED = re.compile(
    r"哪[一几]?[个些]?(城市|市(?![场级民直委])|区县|县|区(?![域块])|省(?![级直委]))"
)
_DISTRICT = "(?:县|(?<![园地社景小])区)"  # 南岗区, not 园区, 地区, 社区, 景区, 小区
_LEVEL_WORD = {"城市": "市", "区县": _DISTRICT, "区": _DISTRICT, "县": _DISTRICT}


# the building asked for by the word after the interrogative (哪个展馆, 哪家酒店): a word
# ending in one of these names a building, and only a building of that kind answers
_KIND_ASKED = re.compile(r"哪[一几]?[个些家座所间处栋]([\u4e00-\u9fff]{2,5})")
_BUILDINGS = "馆厅楼店"


def _unused_kind(query: Query) -> str:
    """The kind of building the question asks for when the texts never use its word (展馆
    of 在哪个展馆举办): only a building named with it (…馆) answers; "" if none asked, or a
    word the texts use (哪个部门 is answered by 省发展改革委, 哪个位置 by any place)."""
    match = _KIND_ASKED.search(query.text)
    if match is None:
        return ""
    word = tagged_words(match.group(1))[0][0]  # 展览馆 of 展览馆举办
    if word[-1] not in _BUILDINGS:
        return ""
    term = next((t for t in query.terms if t.text == word), None)
    return word if term is None or term.how in ("absent", "meaning", "synonym") else ""


def _holds_level(sentence: str, level: str) -> bool:
    """Whether ``sentence`` (the question's own words taken out) names a place of the level
    asked: 深圳市 or 地市 for 哪个市, not 黑龙江省; 南岗区 for 哪个区, not 示范园区."""
    suffix = _LEVEL_WORD.get(level, level)
    # 广州、深圳等市 names cities; 两省, 各市, 重点城市 name none in particular
    return re.search(rf"[\u4e00-\u9fff](?<![两各本全跨城]){suffix}(?!域|场)", sentence) is not None


# "who is the governor": a title asked about by name (省长是谁 in Chinese, _title_asked)
_EN_PERSON = re.compile(
    r"\bwho (?:is|was|are|will be) the (?:[a-z-]+ ){0,2}?(?:governor|mayor|director|head|chair"
    r"|chairman|chairperson|president|ceo|manager|secretary|leader|minister|expert|contact"
    r"|spokesperson|commissioner|principal|dean)s?\b",
    re.I,
)
_QUOTED_NAME = re.compile(r"[“「《][^”」》]{2,20}[”」》]")
_TITLES = "同志|省长|副省长|书记|主任|主席|部长|厅长|局长|市长"
_WHICH_HOLDER = re.compile(rf"哪一?[位个][\u4e00-\u9fff]{{0,4}}?(?:{_TITLES})")
_NAME_ASKED = re.compile(r"姓名|名字|叫什么|叫啥|姓什么|姓啥|whose name|\bnamed?\b", re.I)
_HOLDER_ASKED = (_NAME_ASKED, _EN_PERSON, _WHICH_HOLDER)


def _names_person(sentence: str) -> bool:
    """A person named as official texts name them: with a title beside the name."""
    words = tagged_words(sentence)
    for i, (word, flag) in enumerate(words):
        if flag in ("nr", "nrfg") and 2 <= len(word) <= 4:
            near = "".join(w for w, _ in words[max(0, i - 1) : i + 2])
            if re.search(_TITLES, near):
                return True
    return False


def _title_asked(text: str) -> str:
    match = re.search(
        r"([\u4e00-\u9fff]{0,3}(?:长|书记|主任|主席|负责人|经理))(?:是谁|叫什么|叫啥|是哪位|姓什么|姓啥)",
        text,
    )
    if match is None:
        return ""
    # the office is the last word before 是谁 (组长 of 领导小组的组长是谁, not 组的组长), with
    # the 副 it may have (管委会副主任 is no 主任)
    words = [w for w, _ in tagged_words(match.group(1))]
    office = words[-1]
    return f"副{office}" if len(words) > 1 and words[-2].endswith("副") else office


def asks_for_person(text: str) -> bool:
    """ "省长是谁", "who is the governor", "姓名": a person asked about by name, not the body
    that acts nor a thing's name (活动叫什么名字)."""
    return (
        bool(_title_asked(text))
        or _EN_PERSON.search(text) is not None
        or re.search(r"姓名|姓什么|姓啥|[哪这那]一?位(?![于置])|何人|\bwhose name\b", text)
        is not None
        # 专人负责是谁？给个名字: a name asked beside 谁 is a person's
        or re.search(r"谁[^。！!]*名字|名字[^。！!]*谁", text) is not None
    )
