"""A question analysed once, where the service is entered: the one value answering reads.

``Query`` holds the normalised text, its language, what kind of answer it asks for
(谁 an actor, 哪里 a place or body, 何时 a date, 多久 a frequency, 多少 an amount, 是否 a
yes or no, 哪些 a list…), the content terms with the ways the plan may write each of
them, the literal facts its premise rests on (years, amounts, names), and the
direction of a relation it asks about (黑龙江省为广东省…).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from app.answering.parts import (
    INTERROGATIVE,
    benefit_verb,
    coordinated_parts,
    relation_direction,
)
from app.answering.terms import Term, TermMatcher, Word
from kb.text import english_glossary, has_phrase, normalize_query, tagged_words

_LATIN = re.compile(r"[A-Za-z][A-Za-z\-']*")
_ALNUM = re.compile(r"[0-9.]*[A-Za-z][A-Za-z0-9.\-']*")
# answer types, tried in order; the first that matches names what an answer must hold
_TYPES_ZH: list[tuple[str, re.Pattern[str]]] = [
    (
        "name",
        re.compile(r"叫什么名字|姓名|名字叫|叫啥名|是哪位|是何人|叫(?:啥|什么)(?!意思)"),
    ),
    (
        "frequency",
        re.compile(
            r"多久一次|多长时间一次|多长时间.{0,4}一次|每.{0,3}几次|几年一次|频率|多久.{0,6}一次|多频繁"
        ),
    ),
    ("count", re.compile(r"多大年纪|多大岁数|几岁|多少岁|年满")),
    (
        "amount",
        re.compile(
            r"多少钱|多少资金|多少万|多少亿|几折|打折|折扣|几成|比例|金额|额度|多大|几亿|几万|百分之"
            r"|(?:经费|预算|资金|补贴|奖励|钱|费用|价格|投资额|规模)[^，。？?]{0,6}多少|多少(?:钱|资金|经费|补贴)"
        ),
    ),
    ("list", re.compile(r"哪几")),
    ("count", re.compile(r"多少|几个|几家|几项|几所|几条|几批|几类|几种|几大|第几")),
    (
        "when",
        re.compile(
            r"什么时候|啥时候|何时|哪年|哪一年|哪天|哪一天|几号|几月|日期|什么时间|截止|期限|多久|多长时间"
            r"|到什么时候|哪个阶段|几年"
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
    ("definition", re.compile(r"什么是|啥意思|什么意思|是指|指什么|含义|意思是|定义|指的是")),
    (
        "yesno",
        re.compile(
            r"是否|有没有|是不是|能不能|可不可以|能否|可否|会不会|有无|要不要|[吗嘛]\s*[?？]?$|[吗嘛]"
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
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|元|折|倍|个百分点|家|个|项|人|次|亩|公里)")


@dataclass(frozen=True)
class Query:
    """A question as answering reads it; built once by ``QueryAnalyser.analyse``."""

    asked: str  # as typed
    text: str  # normalised: simplified, half-width, single spaces
    language: str  # "zh" | "en"
    answer_type: (
        str  # name, frequency, amount, when, who, where, definition, yesno, list, how, what
    )
    terms: tuple[Term, ...] = ()
    premise: tuple[str, ...] = ()  # years, amounts, Latin names the question takes as given
    direction: tuple[str, str] | None = None  # (who acts, for whom) when the question says
    parts: tuple[tuple[Term, ...], ...] = ()  # coordinated parts ("旅游和养老"), when several

    @property
    def search_text(self) -> str:
        """What retrieval embeds and matches: the question and the plan's words for it."""
        extra = [f for t in self.terms for f in t.forms if f not in self.text]
        return f"{self.text} {' '.join(dict.fromkeys(extra))}" if extra else self.text

    @property
    def content_terms(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.frame)

    @property
    def unknown(self) -> tuple[Term, ...]:
        """Named things (nouns, names, facts) the plan mentions in no form."""
        return tuple(t for t in self.content_terms if not t.forms and not t.soft)


def is_english(text: str) -> bool:
    letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    return letters > 2 * cjk and letters >= 3


@dataclass
class QueryAnalyser:
    """Builds ``Query`` values against one knowledge base's vocabulary."""

    matcher: TermMatcher

    def analyse(self, question: str) -> Query:
        text = normalize_query(question)
        english = is_english(text)
        types = _TYPES_EN if english else _TYPES_ZH
        found = next(((name, m) for name, p in types if (m := p.search(text))), None)
        answer_type = found[0] if found else "what"
        # the words that say what kind of answer is wanted (日期, 定义, 多长时间) are not its
        # topic; the thing asked about (补贴 of 补贴是多少) is
        asks = found[1].span() if found else (0, 0)
        if found and found[1].group(0)[:2] in _MONEY_NOUNS:
            asks = (asks[0] + 2, asks[1])
        words = self._english_words(text) if english else self._chinese_words(text, asks)
        premise = self._premise(text, english)
        terms = tuple(self.matcher.term(w, english) for w in words)
        relation = benefit_verb(text)
        terms = tuple(
            dataclasses.replace(t, frame=True) if t.text == relation else t for t in terms
        )
        # jieba's "name" inside a word the plan writes otherwise (付拉 of 付拉迪沃斯托克)
        premise = tuple(f for f in premise if not any(f in t.text and t.forms for t in terms))
        terms += tuple(self.matcher.fact(f) for f in premise if not any(f in t.text for t in terms))
        return Query(
            asked=question,
            text=text,
            language="en" if english else "zh",
            answer_type=answer_type,
            terms=terms,
            premise=premise,
            direction=relation_direction(text),
            parts=coordinated_parts(text, terms),
        )

    def _chinese_words(self, text: str, asks: tuple[int, int] = (0, 0)) -> list[Word]:
        """The question's content words; ``asks`` is where it says what kind of answer it wants."""
        words: list[Word] = []
        pending: list[Word] = []  # one-hanzi words jieba could not join (电 竞 of 电竞)
        previous, position = "", 0
        for word, flag in tagged_words(text):
            start = text.find(word, position)
            position = start + len(word) if start >= 0 else position
            slot = _names_kind(previous) or (start < asks[1] and asks[0] < start + len(word))
            slot = slot or _LIMIT.match(word) is not None or _REPORTING.match(word) is not None
            if word.strip() and not (_names_kind(previous) and flag in ("m", "q", "mq")):
                previous = word  # 哪两个文件: a count between the interrogative and its noun
            if INTERROGATIVE.search(word):
                continue
            last = words[-1] if words else None
            if len(word) == 1 and flag.startswith("n") and last and last.end == start:
                # 人才 卡: a one-hanzi noun names the thing with the word before it
                words[-1] = Word(last.text + word, "n", last.start, start + 1, last.slot)
                continue
            if len(word) == 1 and flag.startswith(_LONE) and start >= 0:
                pending.append(Word(word, "n", start, start + 1, slot))
                continue
            words += _joined(pending)
            pending = []
            if not self.matcher.is_content(word, flag):
                continue
            words.append(Word(word, flag, start, start + len(word), slot))
        words += _joined(pending)
        words.sort(key=lambda w: w.start)
        words = self.matcher.resegment(text, words)
        return _kind_before_asking(
            text, _verb_before_asking(text, words, self.matcher), self.matcher
        )

    def _english_words(self, text: str) -> list[Word]:
        # a question's first word is capitalised as a sentence, not as a name
        text = text[:1].lower() + text[1:]
        lowered = text.lower()
        phrases = [en for en in english_glossary() if " " in en and has_phrase(lowered, en)]
        for phrase in phrases:
            lowered = lowered.replace(phrase, " ")
        original = {w.lower(): w for w in _LATIN.findall(text)}
        words = [p for w in _LATIN.findall(lowered) for p in w.split("-") if len(p) > 2]
        found = [original.get(w, w) for w in dict.fromkeys([*phrases, *words])]
        return [Word(w, "eng", 0, 0, False) for w in found if self.matcher.is_content(w, "eng")]

    def _premise(self, text: str, english: bool) -> tuple[str, ...]:
        facts = _YEAR.findall(text) + [m.group(0) for m in _AMOUNT.finditer(text)]
        if not english:  # a Latin name the glossary translates (ASEAN → 东盟) is a word
            glossary = english_glossary()
            facts += [  # 5G, G20, PM2.5 are names too
                w for w in _ALNUM.findall(text) if len(w) >= 2 and w.lower() not in glossary
            ]
            facts += [
                w for w, f in tagged_words(text) if f in ("nr", "nrfg", "nrt") and len(w) >= 2
            ]
        return tuple(dict.fromkeys(facts))


# 哪几个部门, 哪两个文件: which ones, counted, before the noun that names the answer's kind
# (几个阶段 asks how many stages: the stages are its topic)
_ASKED_COUNT = re.compile(r"^哪[一二两三四五六七八九十几\d]*[个项条类家所种位名批件份块部大]?$")


# 对口城市是哪个: the noun just before 是 + an interrogative names the kind of answer
_IS_ASKING = re.compile(r"(?:是|为)(?:什么|哪个|哪些|哪里|哪儿|哪|谁|啥)")


def _kind_before_asking(text: str, words: list[Word], matcher: TermMatcher) -> list[Word]:
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


# 秉持什么理念, 覆盖哪些领域, 搭起一个什么样的体系: a verb right before the interrogative
_BEFORE_ASKING = re.compile(
    r"(?:了|过|的是|是|的)?(?:一个|一些|一种)?(?:什么|哪些|哪个|哪几|啥|怎样|怎么样)"
)


def _verb_before_asking(text: str, words: list[Word], matcher: TermMatcher) -> list[Word]:
    """A verb the plan does not use that leads into the interrogative relates the topic to
    the kind of answer asked for: it frames the question (the plan says 按照…理念, not 秉持),
    while a verb the question's claim rests on (能免租三年) stands elsewhere."""
    out = list(words)
    for i, word in enumerate(out):
        if (
            word.flag.startswith("v")
            and word.flag != "vn"
            and _BEFORE_ASKING.match(text, word.end)
            and not matcher.in_plan(word.text)
        ):
            out[i] = dataclasses.replace(word, slot=True)
    return out


def _names_kind(previous: str) -> bool:
    """Whether the word after ``previous`` names the kind of answer (什么措施, 哪几个部门)."""
    return previous in _SLOT_AFTER or _ASKED_COUNT.match(previous) is not None


_LONE = ("n", "vn", "j")  # not verbs: 要 做 of 要做什么 are no word


def _joined(lone: list[Word]) -> list[Word]:
    """Neighbouring one-hanzi words as the one word jieba did not know (电竞); alone, none."""
    out: list[Word] = []
    run: list[Word] = []
    for word in [*lone, None]:
        if word is not None and (not run or run[-1].end == word.start):
            run.append(word)
            continue
        if len(run) >= 2:
            text = "".join(w.text for w in run)
            out.append(Word(text, "n", run[0].start, run[-1].end, run[0].slot))
        run = [word] if word is not None else []
    return out
