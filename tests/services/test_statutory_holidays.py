"""The statutory holidays by rule (《全国年节及纪念日放假办法》, 2024 revision).

Oracles: chinesecalendar's data for the years it covers (the State Council's notices), and
the 2027 dates domain.md lists (除夕 5 Feb, 清明 5 Apr, 端午 9 Jun, 中秋 15 Sep).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipdesk.services.rules.statutory_holidays import (
    RULES_IN_FORCE_FROM,
    _qingming,
    _solar,
    statutory_holidays,
)

STATUTORY_DAYS = {"元旦": 1, "春节": 4, "清明": 1, "劳动节": 2, "端午": 1, "中秋": 1, "国庆节": 3}


def _by_name(year: int) -> dict[str, list[dt.date]]:
    names: dict[str, list[dt.date]] = {}
    for day, name in statutory_holidays(year).items():
        names.setdefault(name, []).append(day)
    return names


def test_2027() -> None:
    names = _by_name(2027)
    assert names["元旦"] == [dt.date(2027, 1, 1)]
    # 除夕 Fri 02-05 .. 初三 Mon 02-08; Sat 02-06 and Sun 02-07 made up on 02-09, 02-10.
    assert names["春节"] == [dt.date(2027, 2, d) for d in (5, 6, 7, 8)]
    assert names["春节（补假）"] == [dt.date(2027, 2, 9), dt.date(2027, 2, 10)]
    assert names["清明"] == [dt.date(2027, 4, 5)]
    assert names["劳动节"] == [dt.date(2027, 5, 1), dt.date(2027, 5, 2)]
    assert names["劳动节（补假）"] == [dt.date(2027, 5, 3), dt.date(2027, 5, 4)]
    assert names["端午"] == [dt.date(2027, 6, 9)]
    assert names["中秋"] == [dt.date(2027, 9, 15)]
    assert names["国庆节"] == [dt.date(2027, 10, d) for d in (1, 2, 3)]
    assert names["国庆节（补假）"] == [dt.date(2027, 10, 4), dt.date(2027, 10, 5)]
    assert len(statutory_holidays(2027)) == 19


def test_mid_autumn_on_national_day_is_made_up() -> None:
    # 2028: 中秋 falls on Tue 10-03; Sun 10-01 and the shared day give two substitute days.
    holidays = statutory_holidays(2028)
    assert holidays[dt.date(2028, 10, 3)] == "国庆节"
    assert holidays[dt.date(2028, 10, 4)] == "国庆节（补假）"
    assert holidays[dt.date(2028, 10, 5)] == "中秋（补假）"
    # 元旦 on a Saturday: made up on Mon 01-03 (as the 2022 notice did).
    assert holidays[dt.date(2028, 1, 3)] == "元旦（补假）"


def test_no_rules_before_the_2024_revision() -> None:
    assert statutory_holidays(RULES_IN_FORCE_FROM - 1) == {}
    assert statutory_holidays(2003) == {}


@pytest.mark.parametrize("year", [2025, 2026])
def test_rules_agree_with_the_state_councils_notices(year: int) -> None:
    """Every day the rules give is a rest day in the notice, under the same holiday."""
    for day, name in statutory_holidays(year).items():
        is_rest, cc_name = chinese_calendar.get_holiday_detail(day)
        assert is_rest, day
        cc_chinese = {h.value: h.chinese for h in chinese_calendar.Holiday}[cc_name]
        assert name.removesuffix("（补假）") == cc_chinese, day


@pytest.mark.parametrize("year", range(2014, 2027))
def test_lunar_dates_and_solar_term_agree_with_chinesecalendar(year: int) -> None:
    """初一, 清明, 端午 and 中秋 were holidays under the 2013 rules too, on the days the
    library computes: thirteen years of notices check the library."""
    names = {h.value: h.chinese for h in chinese_calendar.Holiday}
    for name, day in [
        ("春节", _solar(year, 1, 1)),
        ("清明", _qingming(year)),
        ("端午", _solar(year, 5, 5)),
        ("中秋", _solar(year, 8, 15)),
    ]:
        is_rest, cc_name = chinese_calendar.get_holiday_detail(day)
        assert is_rest, (name, day)
        # 2020: 中秋 on 10-01, which chinesecalendar calls 国庆节.
        assert names[cc_name] in (name, "国庆节"), (name, day)


@settings(max_examples=75, deadline=None)
@given(st.integers(RULES_IN_FORCE_FROM, 2099))
def test_every_year_has_the_statutory_days_and_their_substitutes(year: int) -> None:
    holidays = statutory_holidays(year)
    assert all(day.year == year for day in holidays)
    counts = Counter(name for name in holidays.values() if not name.endswith("（补假）"))
    substitutes = [day for day, name in holidays.items() if name.endswith("（补假）")]
    # 13 statutory days; only a 中秋 on 1-3 October shares one with 国庆节.
    shared = 13 - sum(counts.values())
    assert shared in (0, 1)
    for name, length in STATUTORY_DAYS.items():
        assert counts[name] == length or (shared and name == "中秋" and counts[name] == 0)
    weekend = sum(
        1 for day, name in holidays.items() if not name.endswith("）") and day.weekday() >= 5
    )
    assert len(substitutes) == weekend + shared
    assert all(day.weekday() < 5 for day in substitutes)
    spring = sorted(d for d, n in holidays.items() if n == "春节")
    assert [(d - spring[0]).days for d in spring] == [0, 1, 2, 3]
    assert dt.date(year, 1, 20) <= spring[0] <= dt.date(year, 2, 19)
    qingming = [d for d, n in holidays.items() if n == "清明"]
    assert len(qingming) == 1 and dt.date(year, 4, 4) <= qingming[0] <= dt.date(year, 4, 6)
