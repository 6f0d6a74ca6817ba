"""Dates and amounts written the way Chinese official and financial documents write them.

Amounts in capitals follow the PBOC 《支付结算办法》 annex 《正确填写票据和结算凭证的基本规定》:

* "人民币" directly before the amount; "壹" is always written before "拾" (壹拾元).
* "整" after "元" when there are no 角 and 分; none after "分". The rule allows leaving it out
  after "角" and its own examples do (¥1,409.50 → 人民币壹仟肆佰零玖元伍角), so we do too.
* A run of zeros between two non-zero digits is written as one "零" (¥6,007.14 →
  陆仟零柒元壹角肆分), also across the 万/亿 boundary; trailing zeros are not written.
* Where the rule makes "零" optional (万位 or 元位 zero followed by a non-zero 千位 or 角位) we
  always write it, which is the reading form and the harder one to alter: ¥1,680.32 →
  壹仟陆佰捌拾元零叁角贰分, ¥107,000.53 → 壹拾万零柒仟元零伍角叁分, ¥10,000.50 → 壹万元零伍角.
* 角 zero and 分 non-zero: "零" after "元" is mandatory (¥16,409.02 → 壹万陆仟肆佰零玖元零贰分).
* Amounts below one yuan start at the first non-zero unit (¥0.05 → 人民币伍分); zero is
  人民币零元整.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

_DATE_DIGITS = "〇一二三四五六七八九"
_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IN_GROUP = ("", "拾", "佰", "仟")
MAX_AMOUNT = Decimal("9999999999999.99")
_CENT = Decimal("0.01")


def _small_number(n: int) -> str:
    """1…31 as in dates: 十, 十一, 二十, 二十七, 三十一."""
    tens, units = divmod(n, 10)
    text = ("" if tens < 2 else _DATE_DIGITS[tens]) + ("十" if tens else "")
    return text + (_DATE_DIGITS[units] if units else "")


def chinese_date(d: date) -> str:
    """2026-11-27 → 二〇二六年十一月二十七日."""
    year = "".join(_DATE_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{_small_number(d.month)}月{_small_number(d.day)}日"


def _checked_cents(amount: Decimal, *, allow_negative: bool = False) -> int:
    if not isinstance(amount, Decimal):
        raise TypeError(f"amount must be a Decimal, not {type(amount).__name__}")
    if not amount.is_finite():
        raise ValueError(f"amount must be finite: {amount}")
    if amount < 0 and not allow_negative:
        raise ValueError(f"amount must not be negative: {amount}")
    if abs(amount) > MAX_AMOUNT:
        raise ValueError(f"amount too large: {amount}")
    if amount != amount.quantize(_CENT):
        raise ValueError(f"amount has fractions of a cent: {amount}")
    return int(amount * 100)


def _yuan_in_capitals(n: int) -> str:
    digits = str(n)
    text, zero_pending = "", False
    for i, char in enumerate(digits):
        position = len(digits) - 1 - i
        group, in_group = divmod(position, 4)
        if char == "0":
            zero_pending = bool(text)
        else:
            text += (
                ("零" if zero_pending else "") + _CAPITAL_DIGITS[int(char)] + _IN_GROUP[in_group]
            )
            zero_pending = False
        if in_group == 0 and group and int(digits[max(i - 3, 0) : i + 1]):
            # 万亿 when the 亿 group below is all zero (1,0000,0000,0000 → 壹万亿)
            text += ("万", "亿", "万" if int(digits[i + 1 : i + 5]) else "万亿")[group - 1]
    return text


def amount_in_capitals(amount: Decimal) -> str:
    """Decimal("12000") → 人民币壹万贰仟元整 (rules in the module docstring)."""
    cents = _checked_cents(amount)
    if cents == 0:
        return "人民币零元整"
    yuan, fraction = divmod(cents, 100)
    jiao, fen = divmod(fraction, 10)
    text = _yuan_in_capitals(yuan) + "元" if yuan else ""
    if jiao:
        text += ("零" if yuan and yuan % 10 == 0 else "") + _CAPITAL_DIGITS[jiao] + "角"
    if fen:
        text += ("零" if yuan and not jiao else "") + _CAPITAL_DIGITS[fen] + "分"
    if not fraction:
        text += "整"
    return "人民币" + text


def amount_in_figures(amount: Decimal) -> str:
    """Decimal("12000") → "12,000.00". Negative amounts are allowed here (-1,234.50)."""
    return f"{Decimal(_checked_cents(amount, allow_negative=True)).scaleb(-2):,.2f}"
