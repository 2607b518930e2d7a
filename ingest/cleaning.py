"""Clean web-page artefacts out of policy text and convert it to simplified Chinese.

Cleaning is idempotent: cleaning cleaned text changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’—…·"
# A pinyin reading pasted after a hanzi by a web page: 發(fā)展, 業（yè）. Real
# parentheses such as (PPP), (IPO), (一), (深圳) never carry tone marks.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(rf"(?<=[{_CJK}])[(（](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]")
_SPACE = r"[ \t\u00a0\u3000]+"
# Spaces left by line wrapping next to a hanzi, CJK punctuation or a digit run.
_WRAP_SPACE = re.compile(
    rf"(?<=[{_CJK}{_CJK_PUNCT},.;:!?()、])" + _SPACE + rf"(?=[{_CJK}{_CJK_PUNCT}\d(])"
    rf"|(?<=[{_CJK}{_CJK_PUNCT}\d,;:!?()、])" + _SPACE + rf"(?=[{_CJK}{_CJK_PUNCT},.;:!?()、])"
)
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT_NEAR_CJK = re.compile(
    rf"(?<=[{_CJK}{_CJK_PUNCT}])[,;:?!()]|[,;:?!()](?=[{_CJK}{_CJK_PUNCT}])"
)
# <!-- INFO END -->: markup a converter or editor left in; never the document's words
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_FOOTER = re.compile(
    r"(all\s+rights\s+reserved|copyright|©|版权所有|版權所有|icp\s*备|icp\s*備|"
    r"技术支持[:：]|技術支持[:：]|主办单位[:：]|主辦單位[:：]|网站地图|網站地圖)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _changed_by_t2s() -> frozenset[str]:
    """Every character OpenCC's t2s tables may change: where a character's entry or a
    phrase's differs from the key. Text holding none of them converts to itself."""
    from pathlib import Path

    import opencc

    tables = Path(opencc.__file__).parent / "dictionary"
    changed: set[str] = set()
    for name in ("TSCharacters.txt", "TSPhrases.txt"):
        for line in (tables / name).read_text("utf-8").splitlines():
            key, _, values = line.partition("\t")
            for value in values.split():
                if len(value) != len(key):
                    changed.update(key)
                else:
                    changed.update(k for k, v in zip(key, value, strict=True) if k != v)
    return frozenset(changed)


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC t2s); other text is unchanged (and not
    run through the converter, whose pure-Python matching was half of parsing)."""
    if _changed_by_t2s().isdisjoint(text):
        return text
    return str(_t2s().convert(text))


def strip_pinyin(text: str) -> str:
    """Remove pinyin annotations after a hanzi: 發(fā)展 → 發展."""
    return _PINYIN.sub("", text)


def join_wrapped(text: str) -> str:
    """Remove spaces that line wrapping left inside Chinese text: 東北 地區 → 東北地區."""
    previous = None
    while previous != text:  # overlapping matches ("2020 年 ,") need a second pass
        previous = text
        text = _WRAP_SPACE.sub("", text)
    return text


def full_width_punctuation(text: str) -> str:
    """ASCII , ; : ? ! ( ) touching Chinese text become their full-width forms."""
    previous = None
    while (
        previous != text
    ):  # "))㐀": the first ) touches Chinese only once the second is full-width
        previous = text
        text = _HALF_PUNCT_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group()], text)
    return text


def strip_html_comments(text: str) -> str:
    """Remove HTML comments, those spanning lines too (an unclosed one runs to the end)."""
    return _HTML_COMMENT.sub("", text)


def is_footer(line: str) -> bool:
    """A site footer line: copyright, ICP licence, site map."""
    return bool(_FOOTER.search(line)) and len(line) < 200


def clean_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\ufeff", "")
    line = line.replace("\u200b", "").strip()
    line = strip_pinyin(line)
    line = join_wrapped(line)
    line = to_simplified(line)
    line = full_width_punctuation(line)
    return re.sub(_SPACE, " ", line).strip()


def clean_text(text: str) -> str:
    """Clean a whole document: one paragraph a line, footers and blank lines dropped."""
    lines = []
    text = strip_html_comments(text.replace("\r\n", "\n").replace("\r", "\n"))
    for raw in text.split("\n"):
        line = clean_line(raw)
        if line and not is_footer(line):
            lines.append(line)
    return "\n".join(lines)
