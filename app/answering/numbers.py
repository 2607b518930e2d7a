"""Amounts: those a question takes as given, in every way the texts may write them, and
what in a sentence states an amount asked for (多少钱, 多少人, 罚多少).

A user types 200元 where a regulation writes 二百元, 两万 where it writes 2万元, 30%
where it writes 百分之三十. An amount the question states is its premise (罚200元吗, 减免
一半): the texts must state it, in any of these writings, or the question is not
confirmed. Amounts in Chinese numerals count only with a unit of money or proportion
(二百元, 三成, 五折, 一半): 两个文件 and 一个孵化器 ask about things, not amounts.
"""

from __future__ import annotations

import re

from kb.text import is_hanzi

_DIGITS = "零一二三四五六七八九"
_CN_DIGIT = {**{ch: i for i, ch in enumerate(_DIGITS)}, "两": 2, "〇": 0}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_HANZI_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
# a number in Chinese numerals starts with a digit or 十 (not 万 of 多少万元), and is no
# rough one (几十万元, 数十倍, 上百万元, 二三十万元)
_CN_NUMBER = f"(?<![几数上多好{_HANZI_NUMERAL}])[零〇一二两三四五六七八九十][{_HANZI_NUMERAL}]*"
# not 块 (这一块有合作吗) nor 成 (八成是); 元 not of 二元结构, 一元化
# 五个亿, 两万: a sum said without 元 (``_sum_said`` says when it is one)
_MONEY_UNITS = "万元|亿元|元(?!结构|化|论)|块钱|个百分点|倍|折|个亿|亿|万"
# a question speaking of money, in which 五个亿 and 两万 are sums (not 一亿人口, 退一万步)
_OF_MONEY = re.compile(r"钱|资金|投资|补贴|补助|奖励|经费|基金|预算|贷款|融资|拨|罚|块|元")
# units an amount in Arabic numerals may have (not 5G)
_UNITS = (
    "%",
    "％",
    "万",
    "亿",
    "万元",
    "亿元",
    "元",
    "块钱",
    "折",
    "倍",
    "个百分点",
    "家",
    "个",
    "项",
    "人",
    "名",
    "次",
    "亩",
    "公里",
)
# an amount in Arabic numerals with any unit a premise may name (3个, 5家, 1000名 included)
ARABIC_AMOUNT = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|万|个亿|亿|元|折|倍|个百分点|个点|家|个|项|人|名|次|亩|公里)"
)
# in Chinese numerals only with a unit of money or proportion; 百分之三十; 一半
CHINESE_AMOUNT = re.compile(
    rf"百分之[零一二三四五六七八九十百点]+|(?<!第){_CN_NUMBER}(?:{_MONEY_UNITS})|一半|半价"
)
# in a sentence: an amount of money or a proportion (罚多少, 补贴比例)
MONEY = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|万元|亿元|元|折|倍|个百分点)"
    r"|[一二三四五六七八九十百千万亿两]+(?:万元|亿元|元|折|倍|成)|百分之"
)
# a sum of money (多少钱 is not answered by 百分之六十 of something)
SUM = re.compile(r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿两]+)\s*(?:万元|亿元|元)")
SUM_ASKED = re.compile(r"多少钱|多少元|几块钱|几元|多少万元|多少亿元|how much money", re.I)
# a number of things counted (多少人, 几个), not an article's number (第四十五条)
COUNTED = re.compile(
    r"(?<![〔\d第一二三四五六七八九十百千万亿两])(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万亿两]+)\s*"
    r"(?:个|项|家|所|条|元|万|亿|次|名|人|%|％|公里|吨|平方|户|亩|座|批次|倍|折|岁|周岁|米|级|类|株|棵|日|天|届)"
    r"|百分之[零一二三四五六七八九十百]+"
)
_PARTS = re.compile(rf"^(\d+(?:\.\d+)?|{_CN_NUMBER})\s*(.*)$")


def amounts(text: str) -> list[str]:
    """The amounts ``text`` states, as written."""
    found = [m.group(0) for m in ARABIC_AMOUNT.finditer(text)]
    return found + [m.group(0) for m in CHINESE_AMOUNT.finditer(text) if _sum_said(m, text)]


def _sum_said(match: re.Match[str], text: str) -> bool:
    """Whether an amount ending in a bare 万 or 亿 is a sum: the question speaks of money and
    no word goes on from it (五个亿的基金, 补贴两万吗; not 一亿人口, 十万火急, 一万二千名)."""
    if not match.group(0).endswith(("万", "亿")):
        return True
    after = text[match.end() : match.end() + 1]
    ends = not is_hanzi(after) or after in "吗呢吧啊呀的了"
    return ends and _OF_MONEY.search(text) is not None


def amount_forms(amount: str) -> tuple[str, ...]:
    """``amount`` as written and in the other numerals: 200元 → 二百元, 两百元; 3万元 → 三万元,
    30000元; 30% → 百分之三十. An amount that is no number (一半) has only itself."""
    forms = [amount]
    if amount.startswith("百分之"):
        percent = chinese_number(amount[3:])
        return (amount, f"{percent}%", f"{percent}％") if percent is not None else (amount,)
    if amount in ("一半", "半价"):
        return (amount,)
    match = _PARTS.match(amount.strip())
    if not match:
        return (amount,)
    number, unit = match.groups()
    if not unit and number[-1] in "万亿" and len(number) > 1:  # 五亿: the number is 五
        number, unit = number[:-1], number[-1]
    unit = unit.removeprefix("个") if unit == "个亿" else unit  # 5个亿 is 5亿
    value = _value(number)
    if value is None or unit not in _UNITS:  # a year (2018), a name (5G): written one way
        return (amount,)
    if unit in ("%", "％"):
        cn = chinese(value)  # 2.5% has no 百分之 form here: only itself
        forms += ([f"百分之{cn}"] if cn else []) + [f"{_arabic(value)}%", f"{_arabic(value)}％"]
    elif unit in ("万", "万元"):  # 3万 of 罚3万 is 3万元, 三万元, 30000元
        forms += _writings(value, "万") + _writings(value, "万元") + _writings(value * 10000, "元")
    elif unit in ("亿", "亿元"):  # 五个亿 is 5亿元, 五亿元
        forms += _writings(value, "亿") + _writings(value, "亿元")
    else:
        forms += _writings(value, unit)
        if unit == "元" and value >= 10000 and value % 10000 == 0:
            forms += _writings(value // 10000, "万元")
    return tuple(dict.fromkeys(f for f in forms if f))


def _writings(value: float, unit: str) -> list[str]:
    cn = chinese(value)
    forms = [f"{_arabic(value)}{unit}"]
    if cn:
        forms.append(f"{cn}{unit}")
        if cn[0] == "二" and (cn[1:2] in ("百", "千", "万") or cn == "二" and unit[:1] in "万亿"):
            forms.append(f"两{cn[1:]}{unit}")  # 两百元 is 二百元, 两万元 二万元 (not 两十万元)
    return forms


def _arabic(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _value(number: str) -> float | None:
    if number[0].isdigit():
        return float(number)
    return chinese_number(number)


def chinese_number(text: str) -> int | None:
    """二百五十 → 250, 两万 → 20000, 十五 → 15; None if ``text`` is no such number."""
    if not text or any(
        ch not in _CN_DIGIT and ch not in _CN_UNIT and ch not in "万亿" for ch in text
    ):
        return None  # not a number in Chinese numerals
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGIT:
            if digit is not None and digit != 0 and _CN_DIGIT[ch] != 0:
                return None  # 一两万, 二三十: a range, not a number
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            section += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        else:  # 万, 亿 scale everything before them
            section += digit or 0
            total = (total + section) * (10000 if ch == "万" else 100_000_000)
            section, digit = 0, None
    return total + section + (digit or 0)


def chinese(value: float) -> str:
    """250 → 二百五十, 15000 → 一万五千, 10 → 十; "" for a fraction or a number too large."""
    if value != int(value) or not 0 < value < 100_000_000:
        return ""
    n = int(value)
    high, low = divmod(n, 10000)
    if high:
        rest = _below_10000(low, leading=False)  # 十四万零一十, not 十四万零十
        if rest and low < 1000:
            rest = "零" + rest
        return _below_10000(high) + "万" + rest
    return _below_10000(n)


def _below_10000(n: int, leading: bool = True) -> str:
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if digit:
            out += ("零" if zero and out else "") + _DIGITS[digit] + name
            zero = False
        else:
            zero = bool(out)
    return out[1:] if leading and out.startswith("一十") else out  # 十五, not 一十五
