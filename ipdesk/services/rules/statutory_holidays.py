"""The statutory holidays of a year by rule, for years chinesecalendar does not cover.

《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01) Art. 2 gives every citizen
these days off:

* 元旦 1 day (1 January);
* 春节 4 days (除夕, the last day of the 12th lunar month, to 初三, the 3rd of the 1st);
* 清明节 1 day (the day of the 清明 solar term);
* 劳动节 2 days (1–2 May);
* 端午节 1 day (the 5th of the 5th lunar month);
* 中秋节 1 day (the 15th of the 8th lunar month);
* 国庆节 3 days (1–3 October).

Art. 5: a holiday day of all citizens that falls on a Saturday or Sunday is made up on a
working day (补假); the notice names which, and in practice it is the working day(s) right
after the holiday (2022 元旦, 2025 端午, 2026 清明, 劳动节 and 国庆节), so that is what this
module assumes.

The lunar dates and the solar term come from ``lunar-python`` (an astronomical calendar,
maintained). What no rule gives are the State Council's yearly arrangements (调休: weekend
days made working days, bridging rest days); a year computed from these rules alone stays
provisional until the administrator enters that year's notice (``HolidayYear``).

Years before the 2024 revision took effect follow other rules (3-day 春节 from 初一, no
除夕): for them this module gives nothing, and the engine falls back to weekends only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

__all__ = ["RULES_IN_FORCE_FROM", "statutory_holidays"]

#: The first year the 2024 revision's rules apply to.
RULES_IN_FORCE_FROM = 2025

# The names chinesecalendar uses (Holiday.chinese), so both sources read alike.
NEW_YEAR, SPRING, TOMB_SWEEPING, LABOUR, DRAGON_BOAT, MID_AUTUMN, NATIONAL = (
    "元旦",
    "春节",
    "清明",
    "劳动节",
    "端午",
    "中秋",
    "国庆节",
)


def _solar(lunar_year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a day of a (non-leap) lunar month."""
    # lunar-python (25 modules, some 7 ms) when a year is first computed, not at start-up
    from lunar_python import Lunar

    solar = Lunar.fromYmd(lunar_year, month, day).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> dt.date:
    """The day of the 清明 solar term (4, 5 or 6 April in Beijing time)."""
    from lunar_python import Solar  # as in _solar

    for day in range(3, 8):
        if Solar.fromYmd(year, 4, day).getLunar().getJieQi() == "清明":
            return dt.date(year, 4, day)
    raise AssertionError(f"no 清明 in early April {year}")  # pragma: no cover


@cache
def statutory_holidays(year: int) -> Mapping[dt.date, str]:
    """The statutory rest days of ``year`` (Gregorian) with their holiday names, the
    substitute days (补假) included.

    Empty for years before :data:`RULES_IN_FORCE_FROM`.
    """
    if year < RULES_IN_FORCE_FROM:
        return MappingProxyType({})
    first = _solar(year, 1, 1)  # 初一 of the lunar year that begins in this Gregorian year
    holidays: list[tuple[str, list[dt.date]]] = [
        (NEW_YEAR, [dt.date(year, 1, 1)]),
        (SPRING, [first + dt.timedelta(days=offset) for offset in range(-1, 3)]),  # 除夕..初三
        (TOMB_SWEEPING, [_qingming(year)]),
        (LABOUR, [dt.date(year, 5, 1), dt.date(year, 5, 2)]),
        (DRAGON_BOAT, [_solar(year, 5, 5)]),
        (NATIONAL, [dt.date(year, 10, day) for day in (1, 2, 3)]),
        (MID_AUTUMN, [_solar(year, 8, 15)]),
    ]
    rest: dict[dt.date, str] = {}
    owed: list[tuple[str, dt.date, int]] = []
    for name, days in holidays:
        # A holiday day on a Saturday or Sunday, or on another holiday's day (中秋 on 1-3
        # October: 2028, 2036, ...), is made up on a working day (Art. 5).
        lost = sum(day.weekday() >= 5 or day in rest for day in days)
        for day in days:
            rest.setdefault(day, name)
        if lost:
            owed.append((name, max(days), lost))
    for name, last, lost in owed:
        day = last
        while lost:
            day += _ONE_DAY
            if day.weekday() < 5 and day not in rest:
                rest[day] = f"{name}（补假）"
                lost -= 1
    return MappingProxyType({d: rest[d] for d in sorted(rest) if d.year == year})


_ONE_DAY = dt.timedelta(days=1)
