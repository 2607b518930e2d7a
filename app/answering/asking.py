"""How a question asks: the kind of answer it wants, and which of its words name that
kind rather than the topic.

谁 wants an actor, 哪里 a place or body, 何时 a date, 多久一次 a frequency, 多少 an amount,
怎么罚 a sanction, 怎么申请 a procedure, 是否 a yes or no, 哪些 a list (``answer_type``).
The noun after an interrogative (什么措施, 哪几个部门), a known noun before 是哪个
(对口城市是哪个) and a verb the plan never uses that leads into the interrogative
(秉持什么理念) name the kind of answer; a question's topic is in its other words
(``names_kind``, ``kind_before_asking``, ``verb_before_asking``).
"""

from __future__ import annotations

import dataclasses
import re

from app.answering.terms import TermMatcher, Word
from kb.thesaurus import is_action, is_noun, is_provision_word

# answer types, tried in order; the first that matches names what an answer must hold
_TYPES_ZH: list[tuple[str, re.Pattern[str]]] = [
    # 罚多少 asks for a sanction and its amount, before 多少 is read as a count
    ("penalty", re.compile(r"罚(?:款|金)?(?:是|有)?多少|罚几")),
    (
        "name",
        re.compile(
            r"叫什么名字|姓名|名字叫|叫啥名|哪一?位|是何人|叫(?:啥|什么)(?!意思)|姓(?:什么|啥)"
        ),
    ),
    (
        "frequency",
        re.compile(
            r"多久一次|多长时间一次|多长时间.{0,4}一次|"
            # 每年领导互访几次, 一年办几期: times in a period; the words between are what
            # happens (领导, 互访), so only the period asks
            r"(?:每|一)(?:年|个?月|周|天|季度?)(?=[^，,。？?]{0,10}几(?:次|回|期|趟))|"
            r"几年一次|频率|多久.{0,6}一次|多频繁"
        ),
    ),
    ("count", re.compile(r"多大年纪|多大岁数|几岁|多少岁|年满")),
    (
        "amount",
        re.compile(
            r"多少钱|多少资金|多少万|多少亿|几折|打折|折扣|几成|比例|金额|额度|多大|几亿|几万|百分之"
            r"|(?:经费|预算|资金|补贴|奖励|钱|费用|价格|投资额|规模)[^，。？?]{0,6}多少|多少(?:钱|资金|经费|补贴)"
            # 多少建设经费, 多少运营补贴: the phrase after 多少 ends in a kind of money (not
            # 多少企业有补贴: a count of who has it)
            r"|多少(?:(?![有是人个家项])[\u4e00-\u9fff]){0,3}"
            r"(?:经费|资金|补贴|补助|奖金|奖励|费用|租金|贷款|税款|钱)(?=$|[^\u4e00-\u9fff]|[吗呢啊呀吧])"
        ),
    ),
    ("list", re.compile(r"哪几(?![天日年]|个?月)")),  # (哪几天 asks when; 哪几号文件 lists)
    ("count", re.compile(r"多少|(?<!哪)几个|几家|几项|几所|几条|几批|几类|几种|几大|第几")),
    (
        "when",
        re.compile(
            r"什么时候|啥时候|何时|几时|哪年|哪一年|哪几年|哪天|哪一天|哪几天|哪几日|哪几个?月|哪一?个?月|哪一?个?季度|几号|几月|日期|什么时间|截止|期限|多久|多长时间"
            r"|到什么时候|哪个阶段|几年|(?:实施|施行|生效|执行)(?:时间|日期)"
            # an hour of the day (每天几点开盘), not a count of points (基本原则有几点)
            r"|(?:早上|上午|中午|下午|晚上|凌晨|每天|一般|通常|大概)几点|几点(?:钟|开|关|收|上班|下班|前|之前|以前|以后|结束)"
        ),
    ),
    # how to apply, register, what papers (怎么申请, 去哪报名, 需要哪些材料): a procedure
    (
        "procedure",
        re.compile(
            r"(?:怎么|如何|怎样|咋|去哪|到哪|在哪|哪里)(?:才能|可以)?(?:申请|办理|报名|申报|登记|备案|办)"
            r"|(?:准备|提交|需要|要|办|走)(?:哪些|什么|啥)(?:材料|资料|手续)|流程|办理程序|申请条件"
            # 手续 asked about (手续怎么办), not a setting (在办手续上有啥照顾: what is asked)
            r"|手续(?:怎么|如何|咋|是什么|有哪些)"
        ),
    ),
    (
        "who",
        re.compile(
            r"谁|哪个部门|什么部门|哪些部门|哪个单位|哪些单位|什么单位|哪个机构|什么机构|哪家|由哪|哪个组织"
        ),
    ),
    (
        "where",
        re.compile(
            r"哪里|哪儿|在哪|什么地方|哪个城市|哪些城市|哪个地方|设在|哪个省|哪些地区|哪个市"
        ),
    ),
    (
        "definition",
        re.compile(r"什么是|啥意思|什么意思|是指|指什么|指哪些|含义|意思是|定义|指的是"),
    ),
    # what befalls a breach (怎么罚, 会被罚吗, 什么法律责任): a sanction, not a yes
    ("penalty", re.compile(r"[处惩受被挨]罚|罚吗|怎么罚|咋罚|罚不罚|处分|法律责任|什么后果")),
    (
        "yesno",
        re.compile(
            r"是否|有没有|是不是|能不能|可不可以|能否|可否|会不会|有无|要不要|[吗嘛]\s*[?？]?$|[吗嘛]"
            r"|(?:对|是|没错|行)吧|吧\s*[?？]?$|对不对"
        ),
    ),
    ("list", re.compile(r"哪些|有什么|都有|有啥|列举|包括|几类|所有|全部|一共|都是")),
    ("how", re.compile(r"怎么|如何|怎样|咋|什么办法|什么措施|哪些措施|什么方式")),
]
_TYPES_EN: list[tuple[str, re.Pattern[str]]] = [
    ("name", re.compile(r"\bname\b", re.I)),
    ("frequency", re.compile(r"how often|how frequently|frequency", re.I)),
    ("amount", re.compile(r"how much|what (?:percentage|share|amount)|\bdiscount", re.I)),
    ("count", re.compile(r"how many", re.I)),
    ("when", re.compile(r"\bwhen\b|what year|which year|deadline|by what date|how long", re.I)),
    (
        "who",
        re.compile(
            r"\bwho\b|\bwhom\b|which (?:body|department|agency|organi[sz]ation|office)", re.I
        ),
    ),
    ("where", re.compile(r"\bwhere\b|which (?:city|cities|place|province)", re.I)),
    ("definition", re.compile(r"what (?:is|does) .* mean|what is meant|\bdefin", re.I)),
    (
        "procedure",
        re.compile(
            r"how (?:do|can|should|to) (?:i |we |they |companies )?(?:apply|register|sign up)"
            r"|application (?:process|procedure)|\bprocedures?\b|what (?:documents|papers)",
            re.I,
        ),
    ),
    ("penalty", re.compile(r"\bpenalt|\bpunish|\bfined\b|\bfines?\b (?:for|of)|\bsanction", re.I)),
    ("yesno", re.compile(r"^(?:is|are|does|do|did|can|could|will|should|has|have)\b", re.I)),
    ("list", re.compile(r"\bwhich\b|\blist\b|what (?:are|kinds?|types?)|\ball\b", re.I)),
    ("how", re.compile(r"\bhow\b", re.I)),
]
# the noun right after an interrogative names the answer's kind, not the topic:
# 什么时间, 哪个部门, 啥门路, 多长时间, 哪些措施
_SLOT_AFTER = (
    "什么",
    "啥",
    "哪些",
    "哪个",
    "哪",
    "何",
    "多少",
    "几",
    "多长",
    "多大",
    "怎么",
    "如何",
    "怎样",
    "咋",
)
# verbs of the text speaking (方案里提到…, 提了没, 有没有说): they ask what the plan says,
# they name no topic of it — a closed class of the language, like the interrogatives
_REPORTING = re.compile(r"^(?:提|说|讲|写|谈)(?:到|及|过|了|没|起)?$|^涉及$")
# a limit asked for (最长多久, 至少几人) qualifies the answer, it is not the topic
_LIMIT = re.compile(r"^(?:最(?:长|短|多|少|高|低|大|小|晚|早|迟)|至少|至多|最少|最多)$")
_MONEY_NOUNS = ("经费", "预算", "资金", "补贴", "奖励", "费用", "价格", "规模")


def answer_type(text: str, english: bool) -> tuple[str, tuple[int, int]]:
    """The kind of answer asked for, and where the question says so (its span), whose
    words are not its topic — but the thing asked about is (补贴 of 补贴是多少)."""
    types = _TYPES_EN if english else _TYPES_ZH
    found = next(((name, m) for name, p in types if (m := p.search(text))), None)
    if found is None:
        return "what", (0, 0)
    span = found[1].span()
    if found[1].group(0)[:2] in _MONEY_NOUNS:
        span = (span[0] + 2, span[1])
    return found[0], span


def frames_by_itself(word: str) -> bool:
    """A limit (最长) or a verb of the text speaking (提到): never the topic."""
    return _LIMIT.match(word) is not None or _REPORTING.match(word) is not None


# 哪几个部门, 哪两个文件: which ones, counted, before the noun that names the answer's kind
# (几个阶段 asks how many stages: the stages are its topic)
_ASKED_COUNT = re.compile(r"^哪[一二两三四五六七八九十几\d]*[个项条类家所种位名批件份块部大]?$")


# 对口城市是哪个: the noun just before 是 + an interrogative names the kind of answer
_IS_ASKING = re.compile(r"(?:是|为)(?:什么|哪个|哪些|哪里|哪儿|哪|谁|啥)")


def kind_before_asking(text: str, words: list[Word], matcher: TermMatcher) -> list[Word]:
    """The last noun before 是哪个/是什么 as the kind of answer, when other words name the
    topic (哈尔滨的对口城市是哪个: 城市); alone it is the topic (工作机制是什么); a thing the
    plan never mentions is what the question takes for granted (冰雪运动会是哪一届)."""
    out = list(words)
    for i, word in enumerate(out):
        if (
            i > 0
            and word.flag.startswith("n")
            and _IS_ASKING.match(text, word.end)
            and any(not w.slot for w in out[:i])
            and matcher.in_plan(word.text)
        ):
            out[i] = dataclasses.replace(word, slot=True)
    return out


# 有政策吗, 有没有措施, 有这打算不: what a yes/no question asks the plan to have
_HAVING = re.compile(r"(?:有没有|有无|有)(?:这个?|这种|相关的?|专门的?)?$")
_YES_NO_END = re.compile(r"\W*(?:吗|嘛|不|没|没有|么)?\W*$")


def kind_after_having(text: str, words: list[Word], matcher: TermMatcher) -> list[Word]:
    """A yes/no question's 有 + a kind of provision the plan uses (政策, 措施, 机制: by the
    thesaurus) asks whether the plan provides for the topic the other words name
    (去黑龙江发展有政策吗): the noun names the kind of answer, as after 什么. Any other
    thing (有包机不, 有没有基金) is the topic itself."""
    out = list(words)
    for i, word in enumerate(out):
        having = _HAVING.search(text, 0, word.start)
        if (
            i > 0
            and having is not None
            and word.flag.startswith(("n", "v"))
            and _YES_NO_END.match(text, word.end)
            and any(not w.slot for w in out[:i])
            and matcher.in_plan(word.text)
            and is_provision_word(word.text)
        ):
            for j in range(i + 1):  # 相关 of 有没有相关政策 says which kind, as the noun does
                if out[j].start >= having.start():
                    out[j] = dataclasses.replace(out[j], slot=True)
    return out


# 秉持什么理念, 覆盖哪些领域, 搭起一个什么样的体系: a verb right before the interrogative
_BEFORE_ASKING = re.compile(
    r"(?:了|过|的是|是|的)?(?:一个|一些|一种)?(?:什么|哪些|哪个|哪几|啥|怎样|怎么样)"
)


def verb_before_asking(text: str, words: list[Word], matcher: TermMatcher) -> list[Word]:
    """A verb the plan does not use that leads into the interrogative relates the topic to
    the kind of answer asked for: it frames the question (the plan says 按照…理念, not 秉持),
    while a verb the question's claim rests on (能免租三年) stands elsewhere."""
    out = list(words)
    for i, word in enumerate(out):
        if (
            word.flag.startswith("v")
            and (word.flag != "vn" or is_action(word.text))  # 讲究哪几条: an act all the same
            and _BEFORE_ASKING.match(text, word.end)
            and not matcher.in_plan(word.text)
        ):
            out[i] = dataclasses.replace(word, slot=True)
    return out


def kind_at_head(words: list[Word]) -> list[Word]:
    """The kind of answer is the last noun of the run after the interrogative, the head of
    the phrase (哪些合作举措: 举措; 哪些国务院文件: 文件); the nouns before it narrow the topic.
    The head must be a noun by the thesaurus: a tagger calls 举措 a verb, 指导 a noun."""
    out = list(words)
    for i in range(len(out) - 1):
        word, after = out[i], out[i + 1]
        if (
            word.slot
            and not after.slot
            and after.start == word.end
            and word.flag.startswith(_NOUN)
            and is_noun(after.text)  # a tagger's "noun" may be a verb (部门指导下) or a guess
        ):
            out[i] = dataclasses.replace(word, slot=False)
            out[i + 1] = dataclasses.replace(after, slot=True)
    return out


_NOUN = ("n", "vn")


def names_kind(previous: str) -> bool:
    """Whether the word after ``previous`` names the kind of answer (什么措施, 哪几个部门)."""
    return previous in _SLOT_AFTER or _ASKED_COUNT.match(previous) is not None
