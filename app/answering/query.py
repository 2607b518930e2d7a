"""A question analysed once, where the service is entered: the one value answering reads.

``Query`` holds the normalised text, its language, what kind of answer it asks for
(谁 an actor, 哪里 a place or body, 何时 a date, 多久 a frequency, 多少 an amount, 是否 a
yes or no, 哪些 a list…), the content terms with the ways the plan may write each of
them, the literal facts its premise rests on (years, amounts, names), and the
direction of a relation it asks about (黑龙江省为广东省…), and the scene it sets before
asking (开拓东盟市场时，…).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from app.answering.acted import Slot, verb_slot
from app.answering.asking import (
    answer_type,
    frames_by_itself,
    kind_after_having,
    kind_at_head,
    kind_before_asking,
    names_kind,
    verb_before_asking,
)
from app.answering.english import english_words, is_english
from app.answering.framing import (
    asker_and_compared,
    document_spans,
    framing_spans,
    is_scope,
    items_in,
    scene_terms,
    scope_apart,
    set_aside_spans,
    tag_question_spans,
)
from app.answering.numbers import amounts
from app.answering.owners import Ownership, english_ownership, ownership
from app.answering.parts import INTERROGATIVE, coordinated_parts
from app.answering.people import asked_ends, guessed_name, person_names
from app.answering.places import english_within, places_written_out, within_province
from app.answering.relations import Relation, benefit_verb, english_direction, relation_direction
from app.answering.segments import join_short_forms
from app.answering.terms import Term, TermMatcher, Word
from app.answering.wordkinds import NAME_TAGS, acts, is_frame
from kb.text import english_glossary, normalize_query, tagged_words
from kb.thesaurus import says_when

_ALNUM = re.compile(r"[0-9.]*[A-Za-z][A-Za-z0-9.\-']*")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


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
    direction: Relation | None = None  # who acts, for whom or where, when the question says
    parts: tuple[tuple[Term, ...], ...] = ()  # coordinated parts ("旅游和养老"), when several
    owners: Ownership | None = None  # things it gives to one side (黑龙江的证券公司)
    slot: Slot | None = None  # a side it sets after a verb (邀请黑龙江省作为…)
    # each thing it sets aside (除了PPP，…; 除了冰雪旅游: 冰雪 and 旅游 together), as terms
    set_aside: tuple[tuple[Term, ...], ...] = ()
    # the terms of a scene the question sets (开拓东盟市场时，…): an answering sentence's
    # paragraph up to it may hold them, as the plan sets a scene and then acts in it
    scene: tuple[Term, ...] = ()
    # the acts whose doer a who-question asks for (由哪家单位运营: 运营): an answering
    # sentence names the doer of one of them, not anyone named near the thing
    acts: tuple[str, ...] = ()

    @property
    def search_text(self) -> str:
        """What retrieval embeds and matches: the question and the plan's words for it."""
        extra = [f for t in self.terms for f in (*t.forms, *t.hints) if f not in self.text]
        return f"{self.text} {' '.join(dict.fromkeys(extra))}" if extra else self.text

    @property
    def content_terms(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.frame)

    @property
    def unknown(self) -> tuple[Term, ...]:
        """Named things (nouns, names, facts) the plan mentions in no form."""
        return tuple(t for t in self.content_terms if not t.forms and not t.soft)


@dataclass
class QueryAnalyser:
    """Builds ``Query`` values against one knowledge base's vocabulary."""

    matcher: TermMatcher

    def analyse(self, question: str) -> Query:
        # 本省, 黑省, 东北 as the texts write them (黑龙江省), once for every later reading
        text = places_written_out(
            normalize_query(question), self.matcher.plan_words(), self.matcher.in_plan
        )
        english = is_english(text)
        kind, asks = answer_type(text, english)
        tags = [] if english else tag_question_spans(text)  # …，有这回事吗: whether the rest is so
        if tags and kind == "what" and not INTERROGATIVE.search(text[: tags[0][0]]):
            kind = "yesno"  # …，是这样吧: a claim asked to be confirmed
        words = (
            english_words(text, asks, self.matcher.is_content)
            if english
            else self._chinese_words(text, asks)
        )
        words = scope_apart(words)
        premise = self._premise(text, english)
        excluded = set_aside_spans(text)
        framing = framing_spans(text)  # 方案里点名的, 请都列出来: how it asks, not what
        pointing = document_spans(text)  # 这份文件: the document asked about, not a topic
        terms = tuple(
            # what the question sets aside (除了哈尔滨，其他城市…) is no part of the answer,
            # nor is the scope of what it asks about (金融领域 is 金融)
            dataclasses.replace(t, frame=True)
            if any(a <= w.start < b for a, b in excluded)
            or is_scope(words, i)
            or (not t.forms and t.verb and any(a <= w.start < b for a, b in framing))
            or any(a <= w.start < b for a, b in (*tags, *pointing))
            else t
            for i, (w, t) in enumerate(
                zip(words, (self.matcher.term(w, english) for w in words), strict=True)
            )
        )
        if not english:  # 我们是哈尔滨一家…合作社，: who asks; 哪个更容易上火: what is
            terms = asker_and_compared(text, words, terms, self.matcher.in_plan)
        aside = tuple(
            item
            for a, b in items_in(text, excluded)
            if (item := tuple(t for w, t in zip(words, terms, strict=True) if a <= w.start < b))
        )
        relation = benefit_verb(text)
        terms = tuple(
            dataclasses.replace(t, frame=True) if t.text == relation else t for t in terms
        )
        # jieba's "name" inside a word the plan writes otherwise (付拉 of 付拉迪沃斯托克)
        premise = tuple(f for f in premise if not any(f in t.text and t.forms for t in terms))
        terms += tuple(self.matcher.fact(f) for f in premise if not any(f in t.text for t in terms))
        # 广东哪个城市 (which cities in Guangdong): a city of 广东 is asked for
        terms = english_within(text, terms) if english else within_province(text, terms)
        return Query(
            asked=question,
            text=text,
            language="en" if english else "zh",
            answer_type=kind,
            terms=terms,
            premise=premise,
            direction=english_direction(text, terms) if english else relation_direction(text),
            parts=coordinated_parts(text, terms),
            set_aside=aside,
            scene=scene_terms(text, words, terms),
            owners=english_ownership(text, terms) if english else ownership(text, terms),
            slot=None if english else verb_slot(text),
            acts=() if english or kind != "who" else _acts_asked(text, asks, words, terms),
        )

    def _chinese_words(self, text: str, asks: tuple[int, int] = (0, 0)) -> list[Word]:
        """The question's content words; ``asks`` is where it says what kind of answer it wants."""
        words: list[Word] = []
        pending: list[Word] = []  # one-hanzi words jieba could not join (电 竞 of 电竞)
        previous, position = "", 0
        modifier: Word | None = None  # an adverb or attribute that may name a kind (日常)
        ends = asked_ends(text)
        for word, flag in self.matcher.unguessed(join_short_forms(tagged_words(text))):
            start = text.find(word, position)
            position = start + len(word) if start >= 0 else position
            slot = names_kind(previous) or (start < asks[1] and asks[0] < start + len(word))
            slot = slot or frames_by_itself(word)
            if word.strip() and not (names_kind(previous) and flag in ("m", "q", "mq")):
                previous = word  # 哪两个文件: a count between the interrogative and its noun
            if INTERROGATIVE.search(word):
                continue
            last = words[-1] if words else None
            if (len(word) == 1 and word in _LOCALIZERS) or (
                start > 0 and text[start - 1] == "的" and says_when(word)
            ):
                continue  # 市场 时, 落地 时, 算不清的时候: when or where, not part of the thing
            if (
                len(word) == 1
                and flag.startswith("n")
                and last
                and last.end == start
                # 哈尔滨 飞 广东: a hanzi that may act after a name relates it, names nothing
                and not (
                    last.flag in NAME_TAGS
                    and acts(word)
                    and not self.matcher.in_plan(last.text + word)
                )
                and not INTERROGATIVE.match(text, start + 1)  # 机构指哪些: 指 asks (refers to)
            ):
                # 人才 卡: a one-hanzi noun names the thing with the word before it
                words[-1] = Word(last.text + word, "n", last.start, start + 1, last.slot)
                continue
            word = self.matcher.unglued(word)  # 粤企能 is 粤企 and a modal
            if len(word) == 1 and flag.startswith(_LONE) and start >= 0:
                pending.append(Word(word, "n", start, start + 1, slot))
                continue
            words += _joined(pending)
            pending = []
            if flag in _MODIFIERS and len(word) >= 2 and start >= 0:
                modifier = Word(word, flag, start, start + len(word), slot)
                continue
            if not self.matcher.is_content(word, flag) or guessed_name(flag, start, ends):
                continue
            if self.matcher.little_of_an_act(
                word, bool(INTERROGATIVE.match(text, start + len(word)))
            ):
                continue  # 干点啥: a little of an act names nothing
            if (
                modifier
                and modifier.end == start
                and flag in ("n", "vn", "ns")  # 进一步加强 is no thing
                and self.matcher.in_plan(modifier.text + word)
            ):
                # 日常工作: jieba's adverb 日常 names the thing with its noun, as the texts do
                start, word = modifier.start, modifier.text + word
            modifier = None
            words.append(Word(word, flag, start, start + len(word), slot))
        words += _joined(pending)
        words.sort(key=lambda w: w.start)
        words = kind_at_head(self.matcher.resegment(text, words))
        words = verb_before_asking(text, words, self.matcher)
        return kind_after_having(text, kind_before_asking(text, words, self.matcher), self.matcher)

    def _premise(self, text: str, english: bool) -> tuple[str, ...]:
        facts = _YEAR.findall(text) + amounts(text)
        if not english:  # a Latin name the glossary translates (ASEAN → 东盟) is a word
            glossary = english_glossary()
            facts += [  # 5G, G20, PM2.5 are names too
                w for w in _ALNUM.findall(text) if len(w) >= 2 and w.lower() not in glossary
            ]
            facts += [w for w in person_names(text, self.matcher.in_plan) if len(w) >= 2]
        return tuple(dict.fromkeys(facts))


def _acts_asked(
    text: str, asks: tuple[int, int], words: list[Word], terms: tuple[Term, ...]
) -> tuple[str, ...]:
    """The acts after a who-question's interrogative, in its clause (由哪家单位运营); an
    everyday verb (由谁负责, 在哪个部门指导下进行的) says what the doer does in general."""
    end = next((i for i in range(asks[1], len(text)) if text[i] in "，,。？?！!；;"), len(text))
    return tuple(
        t.text
        for w, t in zip(words, terms, strict=False)
        if asks[1] <= w.start < end
        and w.flag.startswith("v")
        and t.forms
        and not t.frame
        and not is_frame(t.text, "v")
    )


_LONE = ("n", "vn", "j")  # not verbs: 要 做 of 要做什么 are no word
# what jieba tags 日常, 长期 (adverbs) and 民营, 大型 (attributes) as: they name a kind of
# the noun after them when the texts write the two together (日常工作, 民营企业)
_MODIFIERS = frozenset({"d", "b"})
# one-hanzi nouns that say when or where (开拓市场时, 方案里), never part of a thing's name
_LOCALIZERS = frozenset("时里上中内外前后间边")


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
