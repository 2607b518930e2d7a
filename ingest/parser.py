"""Parse cleaned policy text into its outline and citable clauses.

Recognised headings: 一、 / （一） / 1. / （1） ① (plans and notices) and
第X章 / 第X节 / 第X条 (laws and regulations). A heading's level comes from the
order in which marker kinds nest in the document, so 第X条 containing （一）
and 一、 containing （一） both parse. List markers (（1）, ①) under a heading
that has its own text stay inside that clause. A heading the file marked with
``#`` (Markdown, Word heading styles) is a heading whatever its words: ``## 第一章
总则`` is a chapter, ``## 附则`` an unnumbered heading of level 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.markdown import marked_heading
from ingest.models import Clause, OutlineNode

_NUM = "一二三四五六七八九十百零〇两"
_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^第([{_NUM}\d]+)章\s*(.*)$")),
    ("part", re.compile(rf"^第([{_NUM}\d]+)节\s*(.*)$")),
    ("article", re.compile(rf"^第([{_NUM}\d]+)条\s*(.*)$")),
    ("section", re.compile(rf"^([{_NUM}]+)、\s*(.*)$")),
    ("subsection", re.compile(rf"^（([{_NUM}]+)）\s*(.*)$")),
    ("item", re.compile(r"^(\d{1,3})[.．、](?!\d)\s*(.*)$")),
    ("subitem", re.compile(r"^（(\d{1,3})）\s*(.*)$")),
    ("subitem", re.compile(r"^([①-⑳])\s*(.*)$")),
)
_LIST_KINDS = {"subitem"}
_MAX_TITLE = 40


def chinese_number(text: str) -> int:
    """二十三 → 23, ⑤ → 5, 7 → 7."""
    if "①" <= text <= "⑳":  # before isdigit(), which is true for circled digits too
        return ord(text) - ord("①") + 1
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def _printed_number(kind: str, raw: str) -> str:
    if kind in ("chapter", "part", "article"):
        return f"第{raw}{ {'chapter': '章', 'part': '节', 'article': '条'}[kind] }"
    if kind == "section":
        return f"{raw}、"
    if kind == "subsection" or (kind == "subitem" and raw.isdigit()):
        return f"（{raw}）"
    if kind == "item":
        return f"{raw}."
    return raw  # ① as printed; "" for an unnumbered heading


def split_title(rest: str, kind: str) -> tuple[str, str]:
    """Split a heading's text into (title, body): "行政管理体制改革。加强…" → both parts."""
    if kind.startswith("heading"):  # a marked heading is all title, however long
        return rest, ""
    if kind in ("article", "subitem"):
        return "", rest
    head, sep, tail = rest.partition("。")
    if sep and len(head) <= _MAX_TITLE:
        return head, tail.strip()
    if not sep and len(rest) <= _MAX_TITLE:
        return rest, ""
    return "", rest


@dataclass
class _Node:
    kind: str
    key: str
    number: str
    title: str
    heading_line: str
    level: int = 0  # its ``#`` marks, when the file marked it as a heading
    lines: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    parent: _Node | None = None

    @property
    def label_part(self) -> str:
        if not self.title:
            return self.number
        gap = " " if self.kind in ("chapter", "part") else ""
        return f"{self.number}{gap}{self.title}"

    def path(self) -> list[_Node]:
        node: _Node | None = self
        out = []
        while node is not None and node.kind != "root":
            out.append(node)
            node = node.parent
        return out[::-1]


def is_heading(line: str) -> bool:
    return _heading(line) is not None


def _heading(line: str) -> tuple[str, str, str, int] | None:
    """(kind, its number without marks, rest of the line, ``#`` level or 0) or None."""
    marked = marked_heading(line)
    if marked is not None:
        level, text = marked
        numbered = _numbered(text)
        if numbered is not None and numbered[0] not in _LIST_KINDS:
            return (*numbered, level)
        return f"heading{level}", "", text, level
    found = _numbered(line)
    return None if found is None else (*found, 0)


def _numbered(line: str) -> tuple[str, str, str] | None:
    for kind, pattern in _HEADINGS:
        match = pattern.match(line)
        if match:
            return kind, match.group(1), match.group(2)
    return None


class ClauseParser:
    """Cleaned text of one document → outline nodes and clauses."""

    def parse(self, doc_id: str, body: list[str]) -> tuple[list[OutlineNode], list[Clause]]:
        root = _Node("root", "", "", "", "")
        preamble = _Node("preamble", "0", "", "前言", "", parent=root)
        root.children.append(preamble)
        current = preamble
        for line in body:
            found = _heading(line)
            if found is None or (not found[3] and self._is_list_entry(current, found[0])):
                current.lines.append(line)
                continue
            kind, raw, rest, level = found
            parent = self._parent_for(current, kind, level)
            title, inline_body = split_title(rest, kind)
            number = chinese_number(raw) if raw else len(parent.children) + 1
            key = self._unique_key(parent, number)
            node = _Node(kind, key, _printed_number(kind, raw), title, line, level, parent=parent)
            if inline_body:
                node.lines.append(line)
            parent.children.append(node)
            current = node
        return self._collect(doc_id, root)

    @staticmethod
    def _is_list_entry(current: _Node, kind: str) -> bool:
        """（1）/① under a clause with text, and 项 (（一）…) inside a 第X条, belong to that clause."""
        if kind in _LIST_KINDS and current.lines:
            return True
        in_article = any(node.kind == "article" for node in current.path())
        return in_article and kind not in ("chapter", "part", "article")

    @staticmethod
    def _parent_for(current: _Node, kind: str, level: int) -> _Node:
        if level:  # a marked heading nests under the nearest one with fewer marks
            for node in reversed(current.path()):
                if 0 < node.level < level:
                    return node
            root = current
            while root.parent is not None:
                root = root.parent
            return root
        # A kind already open on the path closes everything down to it; a new kind nests.
        for node in reversed(current.path()):
            if node.kind == kind and node.parent is not None:
                return node.parent
        return current if current.kind != "preamble" else current.parent or current

    @staticmethod
    def _unique_key(parent: _Node, number: int) -> str:
        base = f"{parent.key}.{number}" if parent.key and parent.kind != "root" else str(number)
        taken = {child.key for child in parent.children}
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        return key

    def _collect(self, doc_id: str, root: _Node) -> tuple[list[OutlineNode], list[Clause]]:
        outline: list[OutlineNode] = []
        clauses: list[Clause] = []
        stack = list(reversed(root.children))
        while stack:
            node = stack.pop()
            label = " › ".join(part.label_part for part in node.path())
            if node.kind != "preamble":
                outline.append(
                    OutlineNode(
                        node.key,
                        label,
                        node.title,
                        node.kind,
                        node.number,
                        tuple(c.key for c in node.children),
                    )
                )
            if node.lines:
                clauses.append(
                    Clause(
                        clause_id=f"{doc_id}:{node.key}",
                        doc_id=doc_id,
                        key=node.key,
                        label=label,
                        title=node.title,
                        text="\n".join(node.lines),
                        kind=node.kind,
                        order=len(clauses),
                        number=node.number,
                    )
                )
            stack.extend(reversed(node.children))
        return outline, clauses
