"""The deadline engine: every time limit of the program is computed here.

Pure Python (no Qt, no database). Rules (民事诉讼法 Art. 85, 民法典 Art. 201):

* The start day is not counted; counting begins on ``start + 1``.
* Calendar-day limits count N calendar days; if the last day is a rest day (weekend or
  statutory holiday; a weekend made a working day by 调休 is a working day) the limit ends on
  the next working day (``rolled_over``). Working-day limits count only working days.
* A suspension (中止) ``Suspension(FROM, TO)`` stops the clock on FROM and restarts it on TO:
  the days FROM..TO-1 are not counted. Overlaps are merged; a suspension starting after the
  last counted day (including during a roll-over) has no effect; one starting before the
  start day is clipped. ``TO=None`` means the clock is still stopped: the due date is unknown
  and the result reports how many days remained.
* An approved extension (延长) adds days of the limit's own kind (calendar or working days)
  to its length; the roll-over rule is applied once, to the extended period.
* Rest days come from ``chinesecalendar``, overridden by the administrator's table
  (:class:`WorkCalendar`). A year neither of them covers is computed with weekends and the
  statutory holidays by rule (:mod:`ipdesk.services.rules.statutory_holidays`: 元旦, 春节 from
  除夕, 清明, 劳动节, 端午, 中秋, 国庆节 and their substitute days; not the State Council's
  调休), and the result is flagged provisional (``calendar_covered=False``) until the
  administrator enters that year's notice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from types import MappingProxyType
from typing import Any

import chinese_calendar

from ipdesk.services.errors import ValidationError
from ipdesk.services.rules.statutory_holidays import statutory_holidays

__all__ = [
    "BEIJING",
    "MAX_DAYS",
    "DueResult",
    "Suspension",
    "WorkCalendar",
    "add_working_days",
    "compute_due",
    "days_left",
    "legal_today",
]

#: Legal dates are Beijing dates (China has had no daylight saving time since 1991).
BEIJING = timezone(timedelta(hours=8), "CST")

#: Longest limit accepted (days plus extension), about ten years.
MAX_DAYS = 3660

_ONE_DAY = timedelta(days=1)


def legal_today(now: datetime | None = None) -> date:
    """The date in Beijing at ``now`` (default: the current time): the day of every
    deadline, document and default date, whatever the machine's time zone."""
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give a timezone-aware moment")
    return moment.astimezone(BEIJING).date()


@cache
def _cc_covers(year: int) -> bool:
    """Whether chinesecalendar has data for ``year`` (it raises for other years)."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


@cache
def _cc_rest_day(day: date) -> bool:
    """chinesecalendar's answer for a covered day (uncached it costs ~25 µs a call)."""
    return not chinese_calendar.is_workday(day)


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


@dataclass(frozen=True)
class Suspension:
    """The clock stops on ``start`` and runs again on ``end`` (``None``: still stopped)."""

    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", _as_date(self.start))
        if self.end is not None:
            object.__setattr__(self, "end", _as_date(self.end))
            if self.end < self.start:
                raise ValidationError(
                    "suspensions", "中止结束日期早于开始日期", code="suspension_reversed"
                )


@dataclass(frozen=True)
class WorkCalendar:
    """Rest days: the administrator's overrides first, then chinesecalendar, then the
    statutory holidays by rule and weekends.

    ``overrides`` maps a day to ``True`` (rest day / holiday) or ``False`` (working day, e.g.
    an adjusted Saturday). ``declared_years`` are years the administrator has declared fully
    entered; a year is covered if chinesecalendar covers it or it is declared.
    """

    overrides: Mapping[date, bool] = field(default_factory=dict)
    declared_years: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "overrides", MappingProxyType(dict(self.overrides)))
        object.__setattr__(self, "declared_years", frozenset(self.declared_years))

    def __hash__(self) -> int:
        return hash((frozenset(self.overrides.items()), self.declared_years))

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[date, bool]], declared_years: Iterable[int] = ()
    ) -> WorkCalendar:
        """Build from ``(day, is_rest_day)`` rows, e.g. the override table."""
        return cls(dict(rows), frozenset(declared_years))

    def is_covered(self, year: int) -> bool:
        return year in self.declared_years or _cc_covers(year)

    def is_rest_day(self, day: date) -> bool:
        override = self.overrides.get(day)
        if override is not None:
            return override
        if _cc_covers(day.year):
            return _cc_rest_day(day)
        return day.weekday() >= 5 or day in statutory_holidays(day.year)

    def is_working_day(self, day: date) -> bool:
        return not self.is_rest_day(day)

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the first working day after it."""
        while self.is_rest_day(day):
            day += _ONE_DAY
        return day


@dataclass(frozen=True)
class DueResult:
    """Outcome of :func:`compute_due`.

    ``days`` is the limit's length without extension; ``extended_days`` the extension (same
    unit). ``suspended_days`` counts the *calendar* days skipped by suspensions inside the
    counting period, also for working-day limits (TO − FROM, clipped to the period).
    ``uncovered_years`` lists the years without holiday data whose days were looked up:
    for a calendar-day limit the last day and roll-over days, for a working-day limit every
    counted day; ``calendar_covered`` is true iff it is empty, i.e. entering holidays for
    further years cannot change the result; otherwise the result is :attr:`provisional`
    (computed with the statutory holidays by rule but without the State Council's
    调休). While a suspension is open, ``due`` is ``None``
    and ``remaining_when_stopped`` holds the days (of the limit's unit) still to run.
    """

    start: date
    due: date | None
    days: int
    working_days: bool
    suspended_days: int
    extended_days: int
    rolled_over: bool
    calendar_covered: bool
    uncovered_years: tuple[int, ...]
    remaining_when_stopped: int | None = None

    @property
    def provisional(self) -> bool:
        """The due date may still move when a year's holiday notice is entered."""
        return not self.calendar_covered

    @property
    def stopped(self) -> bool:
        """The clock is standing still (open suspension); the due date is unknown."""
        return self.due is None

    def as_dict(self) -> dict[str, Any]:
        """The JSON document of ``ipdesk-admin deadline --json``."""
        return {
            "start": self.start.isoformat(),
            "due": self.due.isoformat() if self.due is not None else None,
            "days": self.days,
            "working_days": self.working_days,
            "suspended_days": self.suspended_days,
            "extended_days": self.extended_days,
            "rolled_over": self.rolled_over,
            "calendar_covered": self.calendar_covered,
            "provisional": self.provisional,
        }


def _merge(suspensions: Sequence[Suspension], first: date) -> list[tuple[date, date | None]]:
    """Sorted, disjoint ``[from, to)`` intervals clipped to begin no earlier than ``first``."""
    merged: list[tuple[date, date | None]] = []
    for s in sorted(suspensions, key=lambda s: s.start):
        lo, hi = max(s.start, first), s.end
        if hi is not None and hi <= lo:
            continue
        if merged:
            prev_lo, prev_hi = merged[-1]
            if prev_hi is None:
                break
            if lo <= prev_hi:
                merged[-1] = (prev_lo, None if hi is None else max(prev_hi, hi))
                continue
        merged.append((lo, hi))
    return merged


def compute_due(
    start: date,
    days: int,
    *,
    working_days: bool = False,
    suspensions: Sequence[Suspension] = (),
    extension_days: int = 0,
    calendar: WorkCalendar,
) -> DueResult:
    """Compute the last day of a limit of ``days`` (+ ``extension_days``) from ``start``.

    ``days`` must be at least 1 (a zero-day limit has no meaning in procedure) and
    ``days + extension_days`` at most :data:`MAX_DAYS`; ``extension_days`` must not be
    negative. Raises :class:`ValidationError` otherwise.
    """
    start = _as_date(start)
    if days < 1:
        raise ValidationError("days", "期限天数至少为 1 天", code="limit_days_invalid")
    if extension_days < 0:
        raise ValidationError("extension_days", "延长天数不能为负数", code="extension_negative")
    total = days + extension_days
    if total > MAX_DAYS:
        raise ValidationError(
            "days",
            f"期限过长（连同延长不得超过 {MAX_DAYS} 天）",
            code="limit_too_long",
            max=MAX_DAYS,
        )
    try:
        intervals = _merge(suspensions, start + _ONE_DAY) if suspensions else []
        if working_days:
            return _working(start, days, extension_days, intervals, calendar)
        return _calendar(start, days, extension_days, intervals, calendar)
    except OverflowError:
        raise ValidationError("start", "日期超出可计算范围", code="date_out_of_range") from None


def _result(
    start: date,
    due: date | None,
    days: int,
    working_days: bool,
    suspended: int,
    extension: int,
    uncovered: Iterable[int],
    remaining: int | None = None,
    *,
    rolled: bool = False,
) -> DueResult:
    years = tuple(sorted(uncovered))
    return DueResult(
        start=start,
        due=due,
        days=days,
        working_days=working_days,
        suspended_days=suspended,
        extended_days=extension,
        rolled_over=rolled,
        calendar_covered=not years,
        uncovered_years=years,
        remaining_when_stopped=remaining,
    )


def _calendar(
    start: date,
    days: int,
    extension: int,
    intervals: list[tuple[date, date | None]],
    calendar: WorkCalendar,
) -> DueResult:
    total = days + extension
    last = start + timedelta(days=total)
    skipped = 0
    for lo, hi in intervals:
        if lo > last:
            break
        if hi is None:
            counted = (lo - start).days - 1 - skipped
            return _result(start, None, days, False, skipped, extension, (), total - counted)
        length = (hi - lo).days
        last += timedelta(days=length)
        skipped += length
    uncovered: set[int] = set()
    rolled = False
    while True:
        if not calendar.is_covered(last.year):
            uncovered.add(last.year)
        if not calendar.is_rest_day(last):
            break
        last += _ONE_DAY
        rolled = True
    return _result(start, last, days, False, skipped, extension, uncovered, rolled=rolled)


def _working(
    start: date,
    days: int,
    extension: int,
    intervals: list[tuple[date, date | None]],
    calendar: WorkCalendar,
) -> DueResult:
    total = days + extension
    uncovered: set[int] = set()
    seen_year = 0
    day = start
    counted = skipped = index = 0
    while counted < total:
        day += _ONE_DAY
        if index < len(intervals) and day == intervals[index][0]:
            hi = intervals[index][1]
            if hi is None:
                return _result(
                    start, None, days, True, skipped, extension, uncovered, total - counted
                )
            skipped += (hi - day).days
            day = hi - _ONE_DAY
            index += 1
            continue
        if day.year != seen_year:
            seen_year = day.year
            if not calendar.is_covered(seen_year):
                uncovered.add(seen_year)
        if not calendar.is_rest_day(day):
            counted += 1
    return _result(start, day, days, True, skipped, extension, uncovered)


def add_working_days(start: date, days: int, calendar: WorkCalendar) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
    due = compute_due(start, days, working_days=True, calendar=calendar).due
    assert due is not None  # no suspension given
    return due


def days_left(due: date, today: date) -> int:
    """Calendar days from ``today`` to ``due``: 0 on the due day, negative when overdue."""
    return (_as_date(due) - _as_date(today)).days
