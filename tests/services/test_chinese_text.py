from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipdesk.services.rules.chinese_text import (
    MAX_AMOUNT,
    amount_in_capitals,
    amount_in_figures,
    chinese_date,
)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 11, 27), "二〇二六年十一月二十七日"),
        (date(2000, 1, 1), "二〇〇〇年一月一日"),
        (date(2024, 10, 10), "二〇二四年十月十日"),
        (date(2019, 12, 31), "二〇一九年十二月三十一日"),
        (date(2026, 2, 20), "二〇二六年二月二十日"),
        (date(2026, 3, 30), "二〇二六年三月三十日"),
        (date(2005, 7, 19), "二〇〇五年七月十九日"),
    ],
)
def test_chinese_date(day: date, text: str) -> None:
    assert chinese_date(day) == text


# The first five rows are the examples of 《正确填写票据和结算凭证的基本规定》; where the rule
# allows "零" to be left out we write it (see the module docstring).
CAPITALS = [
    ("1409.50", "人民币壹仟肆佰零玖元伍角"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "人民币壹拾万零柒仟元零伍角叁分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
    ("0", "人民币零元整"),
    ("0.00", "人民币零元整"),
    ("0.05", "人民币伍分"),
    ("0.50", "人民币伍角"),
    ("0.55", "人民币伍角伍分"),
    ("1", "人民币壹元整"),
    ("10", "人民币壹拾元整"),
    ("15", "人民币壹拾伍元整"),
    ("100.01", "人民币壹佰元零壹分"),
    ("12000", "人民币壹万贰仟元整"),
    ("10000.50", "人民币壹万元零伍角"),
    ("110000", "人民币壹拾壹万元整"),
    ("1000000", "人民币壹佰万元整"),
    ("1010101.01", "人民币壹佰零壹万零壹佰零壹元零壹分"),
    ("20000000.3", "人民币贰仟万元零叁角"),
    ("100000000", "人民币壹亿元整"),
    ("100000001", "人民币壹亿零壹元整"),
    ("1000010000", "人民币壹拾亿零壹万元整"),
    ("123456789.12", "人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"),
    ("1000000000000", "人民币壹万亿元整"),
    ("1000050000000", "人民币壹万亿零伍仟万元整"),
    (
        "9999999999999.99",
        "人民币玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    ),
]


@pytest.mark.parametrize(("amount", "text"), CAPITALS)
def test_amount_in_capitals(amount: str, text: str) -> None:
    assert amount_in_capitals(Decimal(amount)) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("12000", "12,000.00"),
        ("0.5", "0.50"),
        ("1234567.891", None),
        ("-1234.5", "-1,234.50"),
        ("-0", "0.00"),
        ("9999999999999.99", "9,999,999,999,999.99"),
    ],
)
def test_amount_in_figures(amount: str, text: str | None) -> None:
    if text is None:
        with pytest.raises(ValueError):
            amount_in_figures(Decimal(amount))
    else:
        assert amount_in_figures(Decimal(amount)) == text


@pytest.mark.parametrize("amount", [12000.0, 12000, "12000", None])
def test_non_decimal_is_refused(amount: object) -> None:
    with pytest.raises(TypeError):
        amount_in_capitals(amount)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        amount_in_figures(amount)  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", ["-0.01", "10000000000000", "1.001", "NaN", "Infinity"])
def test_bad_amounts_are_refused(amount: str) -> None:
    with pytest.raises(ValueError):
        amount_in_capitals(Decimal(amount))


def test_fraction_zeros_are_fine() -> None:
    assert amount_in_capitals(Decimal("12000.500")) == "人民币壹万贰仟元零伍角"


_DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_capitals(text: str) -> Decimal:
    """Inverse of amount_in_capitals, for the round trip only."""
    assert text.startswith("人民币")
    body = text.removeprefix("人民币").removesuffix("整")
    yuan, _, fraction = body.rpartition("元")
    total = section = number = 0
    for char in yuan:
        if char in _DIGITS:
            number = _DIGITS[char]
        elif char in _UNITS:
            section, number = section + number * _UNITS[char], 0
        elif char == "万":
            section, number = (section + number) * 10_000, 0
        elif char == "亿":
            total, section, number = (total + section + number) * 10**8, 0, 0
    cents = (total + section + number) * 100
    fraction = fraction.removeprefix("零")
    for digit, unit in zip(fraction[::2], fraction[1::2], strict=True):
        cents += _DIGITS[digit] * {"角": 10, "分": 1}[unit]
    return Decimal(cents).scaleb(-2)


# amounts with many zeros exercise the "零" rules; the plain range covers the rest
sparse_cents = st.text(alphabet="0000001259", min_size=1, max_size=15).map(int)
any_cents = st.integers(min_value=0, max_value=int(MAX_AMOUNT * 100))


@given(st.one_of(sparse_cents, any_cents))
def test_capitals_round_trip(cents: int) -> None:
    amount = Decimal(cents).scaleb(-2)
    text = amount_in_capitals(amount)
    assert _parse_capitals(text) == amount
    assert "零零" not in text
    assert not text.endswith("零")
    assert text.endswith(("整", "角", "分"))
    assert text == "人民币零元整" or not text.startswith("人民币零")
    assert text.endswith("整") == (cents % 100 == 0)


@given(st.integers(min_value=-int(MAX_AMOUNT * 100), max_value=int(MAX_AMOUNT * 100)))
def test_figures_round_trip(cents: int) -> None:
    amount = Decimal(cents).scaleb(-2)
    assert Decimal(amount_in_figures(amount).replace(",", "")) == amount
