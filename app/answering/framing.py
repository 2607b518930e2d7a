"""The parts of a question that are not what it asks about, found once by ``QueryAnalyser``
(query.py): the things it sets aside (除了哈尔滨，其他城市…: no part of the answer), the
scene it sets before asking (开拓东盟市场时，…: an answering sentence's paragraph may set
it), who asks, told before asking (我们是哈尔滨一家做大米的合作社，…), the scope of a word
(金融领域 is 金融), and words about the texts or the asking (方案里点名的, …？请都列出来)
rather than about what the texts say. And the one part that is the question itself: the
quality things are compared by (哪个更容易上火).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from app.answering.parts import COMPARISON
from app.answering.places import as_asker
from app.answering.segments import Word
from app.answering.terms import Term
from app.answering.wordkinds import NAME_TAGS
from kb.text import tagged_words
from kb.thesaurus import is_scope_word

# the asker's own setting, told in a first clause before asking (我们是哈尔滨一家做大米的合作社，
# 想去深圳…; 作为广东的物流企业，…; 我在哈尔滨开了家饭店，想去广州…): who asks, not what
# about; a first-person clause saying where only when a later one says what is wanted
# (在 not saying when: 我们正在筹备…)
_ASKERS = ("我们", "我", "咱们", "咱", "俺们", "俺", "本人", "我司", "本公司")
_ASKER = re.compile(
    rf"^(?:[您你]好[，,！!]?)?(?:(?:{'|'.join(_ASKERS)})(?P<how>[^，,。？?！!；;]{{0,4}}?"
    r"(?:是|作为|属于|(?<![正现还也都])在))|作为)[^，,。？?！!；;]{2,30}[，,]"
)
# words saying what is wanted (要, not the 要 of 主要 or 需要)
_WANTED = frozenset({"想", "想要", "要", "打算", "准备", "希望"})


def _wants(text: str) -> bool:
    return any(word in _WANTED for word, _ in tagged_words(text))


def asker_span(text: str) -> tuple[int, int] | None:
    """Where a question tells who asks before asking (我们是哈尔滨一家…合作社，), if it does."""
    found = _ASKER.match(text)
    if found is None or _wants(found.group()) or len(text) - found.end() < 4:
        return None
    if re.search(r"是不是|是否|是吗", found.group()):
        return None  # 我是不是得先注册公司: whether is asked, not who asks
    if (found.group("how") or "").endswith("在") and not _wants(text[found.end() :]):
        return None  # 我们在深圳开了体验店，有啥支持: where they are is what is asked about
    return found.span()


def compared_span(text: str) -> tuple[int, int] | None:
    """Where a question names the quality it compares things by (更容易上火: 更容易上火;
    最好卖: jieba's 最好 and 卖)."""
    found = COMPARISON.search(text)
    return (found.start("more"), found.end()) if found else None


def asker_and_compared(
    text: str, words: list[Word], terms: tuple[Term, ...], in_texts: Callable[[str], bool]
) -> tuple[Term, ...]:
    """``terms`` (one per word) with who asks read as the asker (places.as_asker) and the
    quality things are compared by as what is asked: a word the plan never uses there
    declines (上火 is no side word of 哪个更容易上火)."""
    asker, compared = asker_span(text), compared_span(text)
    out = []
    for w, t in zip(words, terms, strict=True):
        if asker is not None and asker[0] <= w.start < asker[1]:
            t = dataclasses.replace(t, frame=True) if w.text in _ASKERS else as_asker(t, in_texts)
        elif compared is not None and w.end > compared[0] and w.start < compared[1]:
            t = dataclasses.replace(t, soft=False, frame=False)
        out.append(t)
    return tuple(out)


# words that set something aside (除了哈尔滨，其他城市…; 除哈尔滨外); 排除, 消除 are others
_SETTING_ASIDE = frozenset({"除了", "除开", "除去", "除"})
# where what is set aside ends: the question goes on to the rest
_REST = frozenset({"以外", "之外", "外", "还", "还有", "其他", "其它", "别的", "另外"})
_CLAUSE_ENDS = frozenset("，,。？?！!；;：:")


def items_in(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` cut at list marks (哈尔滨、大庆): one span per thing."""
    items = []
    for a, b in spans:
        cuts = [a, *(a + m.end() for m in re.finditer(r"[、和与及]", text[a:b])), b]
        items += list(zip(cuts, cuts[1:], strict=False))
    return items


def set_aside_spans(text: str) -> list[tuple[int, int]]:
    """Spans of what the question sets aside before asking about the rest: up to 以外 or
    the like, or the end of its clause (除了哈尔滨、大庆以外 sets both aside)."""
    spans, at, start = [], 0, -1
    for word, _ in tagged_words(text):
        found = text.find(word, at)
        at = found + len(word) if found >= 0 else at
        if start < 0:
            start = at if word in _SETTING_ASIDE else -1
        elif word in _REST or word in _CLAUSE_ENDS:
            spans.append((start, found))
            start = -1
    return [*spans, (start, len(text))] if start >= 0 else spans


# a scene set before the question (开拓东盟市场时，谁协助谁; 在…的过程中，…)
_SCENE = re.compile(r"^[^，,。？?]{2,24}?(?:的时候|时候|的同时|(?<!小)时|过程中)[，,]")


def scene_terms(text: str, words: list[Word], terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The terms of the scene a question sets before asking, if it sets one."""
    match = _SCENE.match(text)
    if match is None or not any(w.start >= match.end() for w in words):
        return ()  # a scene and nothing asked in it is what is asked
    return tuple(t for w, t in zip(words, terms, strict=False) if w.end <= match.end())


def scope_apart(words: list[Word]) -> list[Word]:
    """A word jieba wrote with its scope (科技领域) as the word and its scope (科技 领域)."""
    out = []
    for w in words:
        cut = next((k for k in (2, 3) if len(w.text) - k >= 2 and is_scope_word(w.text[-k:])), 0)
        if cut and w.flag != "eng":
            middle = w.end - cut
            out += [
                dataclasses.replace(w, text=w.text[:-cut], end=middle),
                dataclasses.replace(w, text=w.text[-cut:], start=middle, slot=False),
            ]
        else:
            out.append(w)
    return out


def is_scope(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is the scope of the word before it (金融领域, 农业方面)."""
    return (
        i > 0
        and words[i - 1].end == words[i].start
        and words[i - 1].flag not in NAME_TAGS
        and is_scope_word(words[i].text)
    )


# the texts themselves as who acts (方案里点名的, 文件中列出的): what they do is say; words
# that are everyday words too (计划, 规划: 广东计划收购…) only with where in them (计划里)
_DOCUMENT_ACTS = re.compile(
    r"(?:(?:方案|文件|本文|文中)(?:里面|里|中|上)?|(?:规划|计划|通知|意见|条例|办法)(?:里面|里|中|上))"
    r"(?:都|也|还|所|有|具体|明确|专门)?"
)
# a request to whoever answers (…？请都列出来, 麻烦说细点), in a clause of its own after the
# question: a question opening with 请问 or 帮我查 asks about its own words
_REQUEST = re.compile(r"[，,。？?！!；;]\s*(?:请(?!问)|麻烦|劳驾|帮我|帮忙)[^，,。？?！!；;]*")


# the document itself, pointed at (这份文件, 该方案, 本条例): what the question is about
# is in it, not the word for it
_THIS_DOCUMENT = re.compile(
    r"(?:(?:这|那)一?(?:份|个|篇|部)|(?:^|(?<=[的在从按据，,：:\s]))(?:该|本|此))"
    r"(文件|文本|文档|方案|规划|通知|意见|条例|办法|规定)"
)


def document_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the words pointing at the document asked about (这份文件: 文件)."""
    return [m.span(1) for m in _THIS_DOCUMENT.finditer(text)]


def framing_spans(text: str) -> list[tuple[int, int]]:
    """Where a word the texts never use only frames the question: right after the texts
    named as who acts (方案里点名的: 点名 is how the plan says it, not what), and in a
    clause asking whoever answers to do something (请都列出来)."""
    spans = [(m.end(), m.end() + 1) for m in _DOCUMENT_ACTS.finditer(text)]
    return spans + [m.span() for m in _REQUEST.finditer(text)]


# a tag question after what is asked (…，有这回事吗; …，是真事儿不; …，是这样吧): a copula
# or 有, a pointer back to what was said (这, 那) or 真/假, a word for "the matter" (事,
# 回事, 样) and sentence-final particles; it asks whether what comes before it is so
_TAG_HANZI = frozenset("是不没有这那么样个回真假的对事儿") | frozenset("吗吧呢啊呀嘛啦哦")
_TAG_POINTERS = frozenset("这那真假")
_SEPARATORS = "".join(sorted(_CLAUSE_ENDS)) + "—…~、"
_LATER_CLAUSE = re.compile(rf"[{_SEPARATORS}]\s*([^{_SEPARATORS}\s][^{_SEPARATORS}]*)")
_TAG_LENGTH = 6  # 是不是真的呀 at most


def tag_question_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the tag questions in clauses after a question's first (有这回事吗)."""
    return [
        m.span(1)
        for m in _LATER_CLAUSE.finditer(text)
        if len(clause := m.group(1).strip()) <= _TAG_LENGTH
        and set(clause) <= _TAG_HANZI
        and set(clause) & _TAG_POINTERS
    ]
