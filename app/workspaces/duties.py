"""责任分工: who does what, extracted by rules from the clauses (by when: timeline.py).

A party is a name from the taxonomy's ``actor`` facet or a role (省长, 领导小组办公室);
it acts when an action verb follows it closely ("广东省协助黑龙江省") and is the
object when an encouraging verb precedes it ("鼓励广东省……社会资本"). A sentence
that starts with a verb has the plan's implied subject, 两省. A party that is both
(推动两省建立…, 协助黑龙江省开展…) gets one row: it does the task it is pushed to, and
receives the help it is given ("获协助：黑龙江省开展招商引资"). Who holds which post and
where an office sits (省长任组长) is no task: those rows are of a kind of their own.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass

from app.workspaces.timeline import Milestone
from ingest.chunking import sentence_spans
from ingest.models import Clause
from ingest.tagging import load_taxonomy
from kb.text import tagged_words

ROLES = [
    "常务副省长",
    "省长",
    "领导小组办公室",
    "领导小组",
    "两省组织部门",
    "组织部门",
    "相关城市",
    "牵头部门",
]
VERBS = (
    "协助 支持 鼓励 引导 牵头推进 牵头 组织 推动 负责 建立 开展 争取 设立 吸引 参与 举办 制定 编制 "
    "报送 承担 设在 任 采取 推介 交流 加强 邀请 指导 成立 共建 联合 签订 签署 发挥 利用 提升 推进 "
    "协商"
).split()
_OBJECT_VERBS = ("鼓励", "支持", "引导", "吸引", "协助", "邀请", "组织", "推动")
_PREDICATE_TAGS = {"v", "vn", "p", "d"}  # jieba's verbs, nominal verbs, prepositions, adverbs
_HELP_VERBS = ("协助", "支持")  # their object receives help: 获协助, not 协助黑龙江省 as its task
_POST_VERBS = ("任", "设在")  # who holds a post and where an office sits: no task
_MODIFIERS = r"(?:要|将|应|积极|主动|共同|分别|联合|研究|进一步|相互|加快|重点|根据需要|在[^，。；]{0,12}下)*"
_PLACE_MARKERS = "赴到在与向对给为从于和及、至往"
_DETAIL_END = re.compile(r"[，。；：]")  # clause boundaries; 、 only separates items
# "A、B、C等" → "A等": short items first, longer ones only if still too long
_LISTED = [re.compile(rf"(?:、[^，。；：、等]{{1,{n}}})+(?=等)") for n in (16, 24)]
_ASIDE = re.compile(r"（[^（）]{7,}）")  # an explanation in brackets: （即政府服务事项…办理）
_PAIRS = {"（": "）", "(": ")", "“": "”", "《": "》"}
# 在 opens a frame that 方面 closes ("在A、B，C等方面"): a comma inside it ends no phrase.
# 在 before a place ("在黑龙江省设立") is where something happens, not a frame.
_FRAME_OPEN, _FRAME_CLOSE = "在", "方面"
_MEANS = ("利用", "依托", "借助", "通过")  # "利用…资源，共同拓展东盟市场": the task comes next
_APPOINTED = re.compile(r"[，。；、：的]")
ACTS, SUPPORTED, POSTED = "负责", "受支持", "机构设置"


@dataclass
class Duty:
    party: str
    action: str  # the verb and what it acts on: "协助黑龙江省的发电装备…"
    role: str  # ACTS (负责: does it) | SUPPORTED (受支持: is encouraged, supported, assisted)
    # | POSTED (机构设置: holds a post, or sits somewhere: 任组长, 设在省发展改革委)
    clause_id: str
    label: str
    sentence: str


def party_names() -> list[str]:
    actors = load_taxonomy().get("actor", {})
    names = {keyword for keywords in actors.values() for keyword in keywords} | set(ROLES)
    return sorted(names, key=len, reverse=True)  # longest first: 常务副省长 before 省长


def canonical_party(name: str) -> str:
    for canonical, keywords in load_taxonomy().get("actor", {}).items():
        if name in keywords:
            return canonical
    return name


class DutyExtractor:
    def __init__(self) -> None:
        names = "|".join(re.escape(n) for n in party_names())
        verbs = "|".join(re.escape(v) for v in sorted(VERBS, key=len, reverse=True))
        # atomic: "两省组织部门" is one party, never 两省 + the verb 组织
        self._subject = re.compile(rf"((?>{names}))的?{_MODIFIERS}({verbs})")
        self._object_of = re.compile(rf"(?:{verbs})$")
        self._object = re.compile(rf"({'|'.join(_OBJECT_VERBS)})({names})")
        self._leading_verb = re.compile(rf"^{_MODIFIERS}({verbs})")

    def duties(self, clauses: list[Clause], party: str | None = None) -> list[Duty]:
        rows: list[Duty] = []
        for clause in clauses:
            for start, end in sentence_spans(clause.text):
                rows.extend(self._sentence(clause, clause.text[start:end]))
        if party:
            wanted = canonical_party(party.strip())
            exact = [r for r in rows if r.party == wanted]
            rows = exact or [r for r in rows if wanted in r.party]
        return rows

    def _sentence(self, clause: Clause, sentence: str) -> list[Duty]:
        body = re.sub(r"^(?:\d{1,3}[.．]|（[一二三四五六七八九十]+）)[^。]{0,20}。", "", sentence)
        rows = []
        actors: dict[int, str] = {}  # where a verb stands → the party that does it
        pivots: set[int] = set()  # 推动两省建立…: where a party pushed to act stands
        for match in self._subject.finditer(body):
            if match.start() > 0 and body[match.start() - 1] in _PLACE_MARKERS:
                continue  # "赴黑龙江省开展", "在黑龙江省设立": a place, not who acts
            verb = self._object_of.search(body, 0, match.start())
            if verb and verb.group() not in _OBJECT_VERBS:
                continue  # "争取国家有关部门支持": what the subject seeks, not its duty
            party = canonical_party(match.group(1))
            actors[match.start(2)] = party
            if verb:
                pivots.add(match.start())
                if verb.group() in _HELP_VERBS:
                    continue  # its row says the help it receives (below)
            role = POSTED if match.group(2) in _POST_VERBS else ACTS
            action = _detail(body, match.start(2)) + _done_to(body, match.start())
            rows.append(Duty(party, action, role, clause.clause_id, clause.label, sentence))
        for match in self._object.finditer(body):
            offered = match.group(1)
            if match.start(2) in pivots and offered not in _HELP_VERBS:
                continue  # its row says the task it is pushed to (above)
            action = _detail(body, match.start(1))
            if offered in _HELP_VERBS:  # what it receives: 获广东省协助：黑龙江省的…企业…
                helper = actors.get(match.start(1), "")
                action = f"获{helper}{offered}：{action[len(offered) :]}"
            rows.append(
                Duty(
                    canonical_party(match.group(2)),
                    action,
                    SUPPORTED,
                    clause.clause_id,
                    clause.label,
                    sentence,
                )
            )
        leading = self._leading_verb.match(body)
        if leading and not rows:
            rows.append(
                Duty(
                    "两省",
                    _detail(body, leading.start(1)),
                    ACTS,
                    clause.clause_id,
                    clause.label,
                    sentence,
                )
            )
        return rows


_DUTY_QUESTION = re.compile(
    r"^(?P<party>[\u4e00-\u9fff]{2,10}?)(?:要|需要|应|应当|应该|将|主要|具体)*"
    r"(?:做|干|负责|承担|落实)了?(?:哪些|什么|啥)"
    r"|^(?P<owner>[\u4e00-\u9fff]{2,10}?)的(?:职责|任务|分工|责任)"
)


def duty_question_party(normalized: str) -> str | None:
    """The party a "广东省要做哪些事？" question asks about, if it names a known party."""
    match = _DUTY_QUESTION.match(normalized)
    if not match:
        return None
    name = canonical_party(match.group("party") or match.group("owner"))
    known = {canonical_party(n) for n in party_names()}
    return name if name in known else None


def _detail(text: str, start: int, limit: int = 40) -> str:
    """The verb and what follows it, to the end of its clause ("任组长", not "任组长的…").

    A clause ends at a comma outside brackets and outside a 在…方面 frame; a clause of
    means (利用…，) runs on to the task it serves. A long one drops explanations in
    brackets and keeps the first item of an enumeration ("加强两省在加快转变政府职能等
    方面的经验交流"), so it is shortened between whole items, never cut mid-phrase.
    """
    pattern = _APPOINTED if text.startswith("任", start) else _DETAIL_END
    end = _clause_end(text, start, pattern)
    if text.startswith(_OBJECT_VERBS, start) and text.startswith("，", end):
        # 协助黑龙江省的…等优势产品企业，利用…平台，开展对外贸易: what its object does comes later
        verb = next(v for v in _OBJECT_VERBS if text.startswith(v, start))
        if _bare_noun_phrase(text[start + len(verb) : end]):
            start_of_next = end + 1
            end = _clause_end(text, start_of_next, pattern)
            if text.startswith(_MEANS, start_of_next) and text.startswith("，", end):
                end = _clause_end(text, end + 1, pattern)
    if text.startswith(_MEANS, start) and text.startswith("，", end):
        end = _clause_end(text, end + 1, pattern)
    detail = text[start:end]
    if len(detail) > limit:
        detail = _ASIDE.sub("", detail)
    for listed in _LISTED:
        if len(detail) > limit:
            detail = listed.sub("", detail)
    return detail


def _clause_end(text: str, start: int, pattern: re.Pattern[str]) -> int:
    """The first boundary after ``start`` that closes every bracket and frame opened since."""
    for boundary in pattern.finditer(text, start):
        inside = text[start : boundary.start()]
        if any(inside.count(o) > inside.count(c) for o, c in _PAIRS.items()):
            continue
        opened = inside.rfind(_FRAME_OPEN)
        if (
            opened >= 0
            and _FRAME_CLOSE not in inside[opened:]
            and not _is_place(inside[opened + 1 :])
            and _closes_later(text, boundary.end())
        ):
            continue
        return boundary.start()
    return len(text)


def _bare_noun_phrase(text: str) -> bool:
    """Whether ``text`` is a noun phrase with no verb of its own: 黑龙江省的发电装备、…等
    优势产品企业 (the items of a list before 等 may hold verbs: 石油钻探装备). A
    preposition heads no noun: 在黑龙江省开展业务 has a predicate that jieba calls a noun."""
    words = tagged_words(text.rsplit("等", 1)[-1])
    return (
        bool(words)
        and words[-1][1].startswith("n")
        and not any(t in _PREDICATE_TAGS for _, t in words)
    )


def _done_to(text: str, party: int) -> str:
    """What a party acts on when the clause names it first: "具体事宜由两省组织部门协商确定"
    → 具体事宜, appended to the verb ("协商确定具体事宜"); "" otherwise."""
    if not text.startswith("由", party - 1):
        return ""
    opened = max((m.end() for m in _DETAIL_END.finditer(text, 0, party - 1)), default=0)
    done_to = text[opened : party - 1]
    return done_to if _bare_noun_phrase(done_to) else ""


def _is_place(text: str) -> bool:
    words = tagged_words(text[:8])
    return bool(words) and words[0][1] == "ns"


def _closes_later(text: str, start: int) -> bool:
    """Whether 方面 closes an open 在 frame further on in the sentence part."""
    rest = re.split(r"[。；]", text[start:], maxsplit=1)[0]
    close = rest.find(_FRAME_CLOSE)
    return close >= 0 and _FRAME_OPEN not in rest[:close]


COLUMNS = {  # field → the column heading a user reads; no internal ids
    "party": "单位",
    "role": "角色",
    "action": "做什么",
    "when": "时间",
    "label": "出处",
    "sentence": "原文",
}


def to_csv(rows: list[Duty] | list[Milestone]) -> str:
    """The table with Chinese headings; saved with a BOM so that Excel reads it."""
    buffer = io.StringIO()
    if rows:
        fields = [f for f in asdict(rows[0]) if f in COLUMNS]
        writer = csv.writer(buffer)
        writer.writerow([COLUMNS[f] for f in fields])
        writer.writerows([asdict(r)[f] for f in fields] for r in rows)
    return buffer.getvalue()
