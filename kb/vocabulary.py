"""The knowledge base's own words, with vectors, to match a question's words by meaning.

A user writes 高铁 where the plan writes 铁路, 医院 where it writes 医疗机构. Word lists
cannot know every such pair; the embedding model can: each word of the plan (nouns,
verbs, set phrases of two or more hanzi) is embedded once, and a question word the
plan does not use is matched to its nearest plan words.

Raw cosine similarity means different things per model (e5 puts almost every pair of
words above 0.9), so a match is judged by how far the nearest word stands out from
all the others: its z-score over the vocabulary, with a threshold from the model's
profile (kb/profiles.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from kb.text import is_hanzi, tagged_words

_TAGS = ("n", "v", "j", "l", "i", "a")


def plan_words(texts: Iterable[str]) -> list[str]:
    """The distinct words of ``texts`` worth matching to: two or more hanzi, content tags."""
    words = set()
    for text in texts:
        for word, flag in tagged_words(text):
            if len(word) >= 2 and flag.startswith(_TAGS) and all(is_hanzi(ch) for ch in word):
                words.add(word)
    return sorted(words)


def _pieces(word: str) -> set[str]:
    """The word and the words jieba's search mode finds inside it (数控机床 → 数控, 机床)."""
    from kb.text import _jieba

    return {word, *(p for p in _jieba().lcut_for_search(word) if len(p) >= 2)}


def quoted_names(texts: Iterable[str]) -> frozenset[str]:
    """Names the texts put in quotation marks (“龙江企业家发展论坛”, “龙粮入粤”): one thing each."""
    found = set()
    for text in texts:
        found.update(re.findall(r"[“\"「]([\u4e00-\u9fff]{3,16})[”\"」]", text))
    return frozenset(found)


def _sound(word: str) -> str:
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(word))


def same_tones(word: str, other: str) -> bool:
    """Whether two words sound alike to the tone (参预 and 参与; not 大雪 and 大学)."""
    from pypinyin import Style, pinyin

    return pinyin(word, style=Style.TONE3) == pinyin(other, style=Style.TONE3)


class PlanVocabulary:
    """Plan words and their unit vectors; built on first use, kept on disk per model."""

    def __init__(
        self,
        words: list[str],
        embeddings: Embeddings,
        cache_dir: Path | None,
        model: str = "",
        names: frozenset[str] = frozenset(),
    ) -> None:
        self.words = words
        self.names = names  # quoted names of the plan (quoted_names)
        self.word_set = frozenset(words)
        self._model = model  # part of the cache file's name: vectors belong to one model
        self._embeddings = embeddings
        self._cache_dir = cache_dir
        self._matrix: np.ndarray | None = None
        self._lock = threading.Lock()
        self._index = {w: i for i, w in enumerate(words)}
        self._sounds: dict[str, list[str]] | None = None
        self._spellings: dict[str, list[str]] | None = None

    def _vectors(self) -> np.ndarray:
        with self._lock:
            if self._matrix is None:
                self._matrix = self._load_or_embed()
            return self._matrix

    @property
    def model(self) -> str:
        """The embedding model whose vectors these are (its profile judges their scores)."""
        return self._model

    def cached(self) -> bool:
        """Whether the vectors are on disk already (loading them takes no model)."""
        path = self._cache_path()
        return path is not None and path.exists()

    def _cache_path(self) -> Path | None:
        digest = hashlib.sha256("\n".join([self._model, *self.words]).encode()).hexdigest()[:16]
        return self._cache_dir / f"vocabulary-{digest}.npy" if self._cache_dir else None

    def _load_or_embed(self) -> np.ndarray:
        path = self._cache_path()
        if path is not None and path.exists():
            matrix = np.load(path)
            if matrix.shape[0] == len(self.words):
                return matrix
        matrix = self._unit(self._embeddings.embed_documents(self.words)) if self.words else None
        matrix = matrix if matrix is not None else np.zeros((0, 1), dtype=np.float32)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob("vocabulary-*.npy"):
                old.unlink(missing_ok=True)
            # a name of its own: another process may be writing its copy at the same time
            tmp = path.with_name(f".{path.stem}-{os.getpid()}-{threading.get_ident()}.npy")
            np.save(tmp, matrix)
            tmp.replace(path)
        return matrix

    @staticmethod
    def _unit(vectors: list[list[float]]) -> np.ndarray:
        matrix = np.asarray(vectors, dtype=np.float32)
        return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)

    def homophones(self, word: str) -> list[str]:
        """Plan words, or words inside them (数控 of 数控机床), that sound like ``word``."""
        return [w for w in self._sound_table().get(_sound(word), []) if w != word]

    def _sound_table(self) -> dict[str, list[str]]:
        """Each sound (shu ju) → the plan words and words inside them that have it."""
        with self._lock:
            if self._sounds is None:
                sounds: dict[str, list[str]] = {}
                for piece in sorted({p for w in self.words for p in _pieces(w)}):
                    sounds.setdefault(_sound(piece), []).append(piece)
                self._sounds = sounds
            return self._sounds

    def spelled(self, latin: str) -> list[str]:
        """Words of two or more hanzi spelled ``latin`` in pinyin (Chongqing → 重庆): how an
        English question writes a place or other name."""
        key = latin.lower()
        return [w for w in self._sound_index().get(key.replace("'", ""), []) if len(w) >= 2]

    def _sound_index(self) -> dict[str, list[str]]:
        """The sound table spelled without spaces (shuju), as pinyin is written in English."""
        sounds = self._sound_table()
        with self._lock:
            if self._spellings is None:
                spellings: dict[str, list[str]] = {}
                for sound, words in sounds.items():
                    spellings.setdefault(sound.replace(" ", ""), []).extend(words)
                self._spellings = spellings
            return self._spellings

    def warm(self) -> None:
        self._vectors()

    def nearest(self, word: str, k: int = 3) -> list[tuple[str, float]]:
        """The ``k`` plan words nearest to ``word``, each with its z-score over the vocabulary."""
        matrix = self._vectors()
        if matrix.shape[0] < 2:
            return []
        own = self._index.get(word)
        similarity = matrix @ self._vector(word)
        mean, std = self._spread(similarity, own)
        z = (similarity - mean) / std
        if own is not None:
            z[own] = -np.inf  # a word is not its own neighbour
        order = np.argsort(-z)[:k]
        return [(self.words[i], float(z[i])) for i in order]

    def closest(self, word: str, candidates: list[str]) -> tuple[str, float]:
        """The candidate nearest to ``word`` in meaning, with its z-score over the
        vocabulary's similarities to ``word`` (医疗 among 养老, 机构, 吸引: 养老, 2.5);
        ("", -inf) when there is no candidate or no vocabulary."""
        scores = self.scores(word, candidates)
        if not scores:
            return "", float("-inf")
        best = int(np.argmax(scores))
        return candidates[best], scores[best]

    def scores(self, word: str, candidates: list[str]) -> list[float]:
        """Each candidate's z-score over the vocabulary's similarities to ``word`` (one
        embedding of ``word``); [] when there is no candidate or no vocabulary."""
        matrix = self._vectors()
        if not candidates or matrix.shape[0] < 2:
            return []
        vector = self._vector(word)
        mean, std = self._spread(matrix @ vector, self._index.get(word))
        return [float((self._vector(c) @ vector - mean) / std) for c in candidates]

    def _vector(self, word: str) -> np.ndarray:
        own = self._index.get(word)
        if own is not None:
            return self._vectors()[own]
        return self._unit(self._embeddings.embed_documents([word]))[0]

    @staticmethod
    def _spread(similarity: np.ndarray, own: int | None) -> tuple[float, float]:
        """The mean and deviation of the vocabulary's similarities, the word itself left out."""
        others = np.delete(similarity, own) if own is not None else similarity
        return float(others.mean()), max(float(others.std()), 1e-6)
