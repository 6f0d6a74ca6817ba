"""Tests of the deadline engine.

Every hand-checked date below was verified against chinesecalendar 1.11 (the comments give
the day of the week and the holiday data that decide it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipdesk.services.errors import ValidationError
from ipdesk.services.rules.deadlines import (
    MAX_DAYS,
    DueResult,
    Suspension,
    WorkCalendar,
    add_working_days,
    compute_due,
    days_left,
)

CAL = WorkCalendar()
# 2027 as an administrator might enter it: New Year's Day (Fri 2027-01-01) off, Sat
# 2027-01-09 an adjusted working day (made-up data, for the tests only).
CAL_2027 = WorkCalendar({date(2027, 1, 1): True, date(2027, 1, 9): False}, frozenset({2027}))


def due(start: date, days: int, **kwargs: Any) -> DueResult:
    kwargs.setdefault("calendar", CAL)
    return compute_due(start, days, **kwargs)


# --- worked examples of domain.md -------------------------------------------------------


def test_confirmation_window_rolls_over_national_day() -> None:
    # 2026-09-05 + 30 = Mon 2026-10-05, inside the National Day holiday (10-01..10-07);
    # Thu 2026-10-08 is the first working day after it.
    r = due(date(2026, 9, 5), 30)
    assert r.due == date(2026, 10, 8)
    assert r.rolled_over and r.calendar_covered and r.uncovered_years == ()


def test_five_working_days_use_adjusted_saturday() -> None:
    # After Wed 2026-09-30: 10-01..10-07 holiday; 10-08 Thu (1), 10-09 Fri (2),
    # Sat 10-10 adjusted working day (3), Sun 10-11 rest, 10-12 Mon (4), 10-13 Tue (5).
    r = due(date(2026, 9, 30), 5, working_days=True)
    assert r.due == date(2026, 10, 13)
    assert not r.rolled_over and r.working_days
    assert add_working_days(date(2026, 9, 30), 5, CAL) == date(2026, 10, 13)


# --- calendar-day limits ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "expected", "rolled"),
    [
        # Mon 2026-03-02 + 3 = Thu 03-05, an ordinary working day.
        (date(2026, 3, 2), 3, date(2026, 3, 5), False),
        # Mon 2026-03-02 + 5 = Sat 03-07 -> Mon 03-09 (no holiday in March 2026).
        (date(2026, 3, 2), 5, date(2026, 3, 9), True),
        # + 6 = Sun 03-08 -> Mon 03-09.
        (date(2026, 3, 2), 6, date(2026, 3, 9), True),
        # Spring Festival 2026: Sat 02-14 is an adjusted working day, no roll-over.
        (date(2026, 1, 15), 30, date(2026, 2, 14), False),
        # Sun 02-15 starts the holiday (02-15..02-23) -> Tue 02-24.
        (date(2026, 1, 16), 30, date(2026, 2, 24), True),
        # Sat 02-28 is also an adjusted working day.
        (date(2026, 2, 13), 15, date(2026, 2, 28), False),
        # 60-day handling limit: 2026-08-07 + 60 = Tue 10-06 (National Day) -> Thu 10-08.
        (date(2026, 8, 7), 60, date(2026, 10, 8), True),
        # Sun 2026-09-20 is an adjusted working day before National Day.
        (date(2026, 9, 10), 10, date(2026, 9, 20), False),
        # Sun 2026-01-04 is an adjusted working day after New Year's Day.
        (date(2025, 12, 20), 15, date(2026, 1, 4), False),
    ],
)
def test_calendar_days(start: date, days: int, expected: date, rolled: bool) -> None:
    r = due(start, days)
    assert (r.due, r.rolled_over, r.calendar_covered) == (expected, rolled, True)
    assert (r.suspended_days, r.extended_days) == (0, 0)


def test_limit_into_uncovered_year_uses_statutory_holidays_by_rule() -> None:
    # 2026-12-01 + 60 = Sat 2027-01-30 -> Mon 2027-02-01; 2027 has no notice yet.
    r = due(date(2026, 12, 1), 60)
    assert r.due == date(2027, 2, 1) and r.rolled_over
    assert not r.calendar_covered and r.uncovered_years == (2027,) and r.provisional
    # 2026-12-02 + 30 = Fri 2027-01-01, 元旦 by rule -> Sat, Sun -> Mon 2027-01-04.
    r = due(date(2026, 12, 2), 30)
    assert r.due == date(2027, 1, 4) and r.rolled_over and r.provisional


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # + 60 = Fri 2027-01-01 (元旦) -> Mon 01-04 (issue 16: was 01-01).
        (date(2026, 11, 2), date(2027, 1, 4)),
        # + 60 = Fri 2027-02-05 (除夕); 春节 02-05..02-08 with Sat 02-06 and Sun 02-07
        # made up on Tue 02-09 and Wed 02-10 (Art. 5) -> Thu 02-11 (was 02-05).
        (date(2026, 12, 7), date(2027, 2, 11)),
        (date(2026, 12, 8), date(2027, 2, 11)),  # Sat 02-06 (初一)
        (date(2026, 12, 10), date(2027, 2, 11)),  # Mon 02-08 (初三), was 02-08
        (date(2026, 12, 11), date(2027, 2, 11)),  # Tue 02-09 (补假)
        (date(2026, 12, 13), date(2027, 2, 11)),  # Thu 02-11, a working day
        # 2027-02-04 + 60 = Mon 04-05 (清明).
        (date(2027, 2, 4), date(2027, 4, 6)),
        # 2027-03-02 + 60 = Sat 05-01; 劳动节 05-01..02 (Sat, Sun) + 05-03, 05-04 -> Wed 05-05.
        (date(2027, 3, 2), date(2027, 5, 5)),
        # 2027-04-10 + 60 = Wed 06-09 (端午); 2027-07-17 + 60 = Wed 09-15 (中秋).
        (date(2027, 4, 10), date(2027, 6, 10)),
        (date(2027, 7, 17), date(2027, 9, 16)),
        # 2027-08-02 + 60 = Fri 10-01; 国庆节 10-01..03 + 10-04, 10-05 -> Wed 10-06.
        (date(2027, 8, 2), date(2027, 10, 6)),
    ],
)
def test_provisional_2027_dates(start: date, expected: date) -> None:
    r = due(start, 60)
    assert r.due == expected
    assert not r.calendar_covered and r.uncovered_years == (2027,) and r.provisional
    assert r.as_dict()["provisional"] is True


def test_override_table_covers_2027() -> None:
    # Override: Fri 2027-01-01 is a holiday -> Sat, Sun -> Mon 2027-01-04.
    r = due(date(2026, 12, 2), 30, calendar=CAL_2027)
    assert r.due == date(2027, 1, 4) and r.rolled_over
    assert r.calendar_covered and r.uncovered_years == ()
    # Override: Sat 2027-01-09 is a working day, so 2026-12-10 + 30 ends on it.
    assert due(date(2026, 12, 10), 30, calendar=CAL_2027).due == date(2027, 1, 9)
    assert due(date(2026, 12, 10), 30).due == date(2027, 1, 11)


def test_overrides_without_declared_year_stay_uncovered() -> None:
    cal = WorkCalendar({date(2027, 1, 1): True})
    r = due(date(2026, 12, 2), 30, calendar=cal)
    assert r.due == date(2027, 1, 4)
    assert not r.calendar_covered and r.uncovered_years == (2027,)


def test_override_wins_over_chinesecalendar() -> None:
    # Pretend Thu 2026-10-08 became a holiday and Sun 2026-10-11 a working day.
    cal = WorkCalendar({date(2026, 10, 8): True, date(2026, 10, 11): False})
    assert due(date(2026, 9, 5), 30, calendar=cal).due == date(2026, 10, 9)
    # Working days after 09-30: 10-09, 10-10 (Sat), 10-11 (overridden Sun), 10-12, 10-13.
    assert due(date(2026, 9, 30), 5, working_days=True, calendar=cal).due == date(2026, 10, 13)
    assert due(date(2026, 9, 30), 4, working_days=True, calendar=cal).due == date(2026, 10, 12)
    assert cal.is_rest_day(date(2026, 10, 8)) and cal.is_working_day(date(2026, 10, 11))


def test_year_before_chinesecalendar_is_uncovered() -> None:
    # 2003-12-01 + 5 = Sat 2003-12-06 -> Mon 12-08, weekends only.
    r = due(date(2003, 12, 1), 5)
    assert r.due == date(2003, 12, 8) and r.uncovered_years == (2003,)
    # Start day in 2003 but the last day (Mon 2004-01-05) in a covered year.
    assert due(date(2003, 12, 20), 16).calendar_covered


# --- suspensions --------------------------------------------------------------------------

# Without suspension: Mon 2026-03-02 + 30 = Wed 2026-04-01.


def test_single_suspension() -> None:
    r = due(date(2026, 3, 2), 30, suspensions=[Suspension(date(2026, 3, 10), date(2026, 3, 17))])
    assert r.due == date(2026, 4, 8) and r.suspended_days == 7  # Wed + 7


def test_overlapping_suspensions_counted_once() -> None:
    s = [
        Suspension(date(2026, 3, 15), date(2026, 3, 20)),
        Suspension(date(2026, 3, 10), date(2026, 3, 17)),
    ]
    r = due(date(2026, 3, 2), 30, suspensions=s)
    # 03-10..03-19 = 10 days: Wed 04-01 + 10 = Sat 04-11 -> Mon 04-13.
    assert (r.due, r.suspended_days, r.rolled_over) == (date(2026, 4, 13), 10, True)


def test_touching_and_nested_suspensions() -> None:
    s = [
        Suspension(date(2026, 3, 10), date(2026, 3, 12)),
        Suspension(date(2026, 3, 12), date(2026, 3, 15)),
        Suspension(date(2026, 3, 11), date(2026, 3, 13)),
    ]
    r = due(date(2026, 3, 2), 30, suspensions=s)
    # 03-10..03-14 = 5 days: Wed 04-01 + 5 = Mon 04-06, a Qingming holiday -> Tue 04-07.
    assert (r.due, r.suspended_days) == (date(2026, 4, 7), 5)


def test_suspension_after_due_has_no_effect() -> None:
    for s in (Suspension(date(2026, 4, 2), date(2026, 4, 20)), Suspension(date(2026, 4, 2))):
        r = due(date(2026, 3, 2), 30, suspensions=[s])
        assert (r.due, r.suspended_days, r.remaining_when_stopped) == (date(2026, 4, 1), 0, None)


def test_suspension_starting_on_last_day_counts() -> None:
    r = due(date(2026, 3, 2), 30, suspensions=[Suspension(date(2026, 4, 1), date(2026, 4, 2))])
    assert (r.due, r.suspended_days) == (date(2026, 4, 2), 1)


def test_suspension_during_roll_over_has_no_effect() -> None:
    # Last counted day Sat 2026-03-07 rolls to Mon 03-09; stopping on Sun 03-08 is too late.
    s = [Suspension(date(2026, 3, 8), date(2026, 3, 20))]
    assert due(date(2026, 3, 2), 5, suspensions=s).due == date(2026, 3, 9)


def test_suspension_before_start_is_clipped() -> None:
    # Only 03-03 and 03-04 lie in the period: Wed 04-01 + 2 = Fri 04-03 (Qingming is 04-04..06).
    r = due(date(2026, 3, 2), 30, suspensions=[Suspension(date(2026, 2, 25), date(2026, 3, 5))])
    assert (r.due, r.suspended_days) == (date(2026, 4, 3), 2)
    r = due(date(2026, 3, 2), 30, suspensions=[Suspension(date(2026, 2, 25), date(2026, 3, 3))])
    assert (r.due, r.suspended_days) == (date(2026, 4, 1), 0)


def test_empty_suspension_has_no_effect() -> None:
    r = due(date(2026, 3, 2), 30, suspensions=[Suspension(date(2026, 3, 10), date(2026, 3, 10))])
    assert (r.due, r.suspended_days) == (date(2026, 4, 1), 0)


def test_open_suspension_stops_the_clock() -> None:
    s = [Suspension(date(2026, 3, 5), date(2026, 3, 8)), Suspension(date(2026, 3, 10))]
    r = due(date(2026, 3, 2), 30, suspensions=s)
    # Counted: 03-03, 03-04, 03-08, 03-09 = 4 days; 26 remain.
    assert r.due is None and r.stopped
    assert (r.remaining_when_stopped, r.suspended_days, r.rolled_over) == (26, 3, False)
    assert r.as_dict()["due"] is None
    # A closed suspension overlapping an open one is absorbed by it.
    s = [Suspension(date(2026, 3, 10)), Suspension(date(2026, 3, 12), date(2026, 3, 20))]
    assert due(date(2026, 3, 2), 30, suspensions=s).remaining_when_stopped == 23


def test_open_suspension_on_first_day() -> None:
    r = due(date(2026, 3, 2), 30, suspensions=[Suspension(date(2026, 3, 2))], extension_days=5)
    assert (r.due, r.remaining_when_stopped) == (None, 35)


# --- extensions ---------------------------------------------------------------------------


def test_extension_adds_calendar_days() -> None:
    # Court's 15 days + 10 from Mon 2026-03-02: 25 days -> Fri 03-27.
    r = due(date(2026, 3, 2), 15, extension_days=10)
    assert (r.due, r.days, r.extended_days) == (date(2026, 3, 27), 15, 10)


def test_extension_adds_working_days() -> None:
    # 5 + 2 working days after 2026-09-30: ... 10-13 (5), 10-14 (6), 10-15 (7).
    r = due(date(2026, 9, 30), 5, working_days=True, extension_days=2)
    assert (r.due, r.extended_days) == (date(2026, 10, 15), 2)


# --- working-day limits -------------------------------------------------------------------


def test_working_days_across_spring_festival() -> None:
    # After Thu 2026-02-12: Fri 02-13 (1), Sat 02-14 adjusted (2), 02-15..02-23 holiday,
    # 02-24 (3), 02-25 (4), 02-26 (5).
    assert due(date(2026, 2, 12), 5, working_days=True).due == date(2026, 2, 26)


def test_working_days_with_suspension() -> None:
    # After 2026-09-30: 10-08 (1); stopped 10-09..10-11 (3 calendar days, incl. the adjusted
    # Saturday); 10-12 (2), 10-13 (3), 10-14 (4), 10-15 (5).
    s = [Suspension(date(2026, 10, 9), date(2026, 10, 12))]
    r = due(date(2026, 9, 30), 5, working_days=True, suspensions=s)
    assert (r.due, r.suspended_days) == (date(2026, 10, 15), 3)
    # Stopped during the holiday: no working day is lost, the result is unchanged.
    s = [Suspension(date(2026, 10, 2), date(2026, 10, 6))]
    r = due(date(2026, 9, 30), 5, working_days=True, suspensions=s)
    assert (r.due, r.suspended_days) == (date(2026, 10, 13), 4)


def test_working_days_open_suspension() -> None:
    s = [Suspension(date(2026, 10, 9))]
    r = due(date(2026, 9, 30), 5, working_days=True, suspensions=s)
    assert (r.due, r.remaining_when_stopped) == (None, 4)  # only 10-08 was counted


def test_working_days_into_uncovered_year() -> None:
    # After Mon 2026-12-28: 12-29, 12-30, 12-31, (Fri 2027-01-01 元旦 by rule), Mon 01-04,
    # Tue 01-05.
    r = due(date(2026, 12, 28), 5, working_days=True)
    assert (r.due, r.calendar_covered, r.uncovered_years) == (date(2027, 1, 5), False, (2027,))
    # With New Year's Day 2027 entered: Tue 2027-01-05.
    r = due(date(2026, 12, 28), 5, working_days=True, calendar=CAL_2027)
    assert (r.due, r.calendar_covered) == (date(2027, 1, 5), True)


# --- contract, validation, helpers --------------------------------------------------------


def test_as_dict_matches_cli_contract() -> None:
    s = [Suspension(date(2026, 3, 10), date(2026, 3, 17))]
    d = due(date(2026, 3, 2), 60, suspensions=s, extension_days=3).as_dict()
    assert d == {
        "start": "2026-03-02",
        "due": "2026-05-11",  # + 70 = Mon 05-11 (Labour Day holiday ends 05-05)
        "days": 60,
        "working_days": False,
        "suspended_days": 7,
        "extended_days": 3,
        "rolled_over": False,
        "calendar_covered": True,
        "provisional": False,
    }
    json.dumps(d)


def test_datetimes_are_taken_as_dates() -> None:
    r = due(datetime(2026, 9, 5, 16, 30), 30)
    assert r.due == date(2026, 10, 8) and type(r.due) is date
    assert r.as_dict()["start"] == "2026-09-05"


@pytest.mark.parametrize(
    ("days", "extension", "field"),
    [(0, 0, "days"), (-3, 0, "days"), (5, -1, "extension_days"), (MAX_DAYS, 1, "days")],
)
def test_bad_numbers_rejected(days: int, extension: int, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        due(date(2026, 3, 2), days, extension_days=extension)
    assert exc.value.field == field


def test_suspension_end_before_start_rejected() -> None:
    with pytest.raises(ValidationError, match="中止结束日期早于开始日期") as exc:
        Suspension(date(2026, 3, 10), date(2026, 3, 9))
    assert exc.value.field == "suspensions"


def test_date_overflow_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        due(date(9999, 12, 1), 60)
    assert exc.value.field == "start"


def test_days_left() -> None:
    assert days_left(date(2026, 10, 8), date(2026, 10, 1)) == 7
    assert days_left(date(2026, 10, 8), date(2026, 10, 8)) == 0
    assert days_left(date(2026, 10, 8), date(2026, 10, 10)) == -2


def test_work_calendar_value_semantics() -> None:
    a = WorkCalendar({date(2027, 1, 1): True}, frozenset({2027}))
    b = WorkCalendar.from_rows([(date(2027, 1, 1), True)], [2027])
    assert a == b and hash(a) == hash(b) and a != CAL
    assert a.is_covered(2027) and CAL.is_covered(2026) and not CAL.is_covered(2027)
    assert CAL.next_working_day(date(2026, 10, 1)) == date(2026, 10, 8)
    assert CAL.next_working_day(date(2026, 10, 10)) == date(2026, 10, 10)


# --- properties ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Limit:
    start: date
    days: int
    working_days: bool
    extension_days: int
    suspensions: tuple[tuple[int, int], ...]  # (offset from start, length) in days

    def run(self, calendar: WorkCalendar = CAL, *extra: Suspension) -> DueResult:
        return compute_due(
            self.start,
            self.days,
            working_days=self.working_days,
            extension_days=self.extension_days,
            suspensions=[*self.closed_suspensions(), *extra],
            calendar=calendar,
        )

    def closed_suspensions(self) -> list[Suspension]:
        at = self.start
        return [
            Suspension(at + timedelta(days=off), at + timedelta(days=off + length))
            for off, length in self.suspensions
        ]


# Starts from late 2003 (before chinesecalendar's data) to the end of 2027 (after it).
limits = st.builds(
    Limit,
    start=st.dates(min_value=date(2003, 10, 1), max_value=date(2027, 12, 31)),
    days=st.integers(1, 120),
    working_days=st.booleans(),
    extension_days=st.integers(0, 30),
    suspensions=st.lists(st.tuples(st.integers(-10, 150), st.integers(0, 40)), max_size=3).map(
        tuple
    ),
)


@settings(max_examples=300, deadline=None)
@given(limits)
def test_due_is_a_working_day_not_before_start_plus_days(limit: Limit) -> None:
    r = limit.run()
    assert r.due is not None
    assert CAL.is_working_day(r.due)
    assert r.due >= r.start + timedelta(days=r.days + r.extended_days)
    if not r.working_days:
        base = r.start + timedelta(days=r.days + r.extended_days + r.suspended_days)
        assert r.due >= base and r.rolled_over == (r.due != base)


@settings(max_examples=300, deadline=None)
@given(limits, st.integers(-10, 150), st.integers(0, 40), st.integers(0, 20))
def test_more_suspension_or_extension_never_earlier(
    limit: Limit, off: int, length: int, more: int
) -> None:
    r = limit.run()
    r_susp = replace(limit, suspensions=(*limit.suspensions, (off, length))).run()
    r_ext = replace(limit, extension_days=limit.extension_days + more).run()
    assert r.due is not None and r_susp.due is not None and r_ext.due is not None
    assert r_susp.due >= r.due and r_ext.due >= r.due
    assert r_susp.suspended_days >= r.suspended_days


@settings(max_examples=300, deadline=None)
@given(limits, st.lists(st.tuples(st.dates(date(2027, 1, 1), date(2027, 12, 31)), st.booleans())))
def test_calendar_covered_iff_uncovered_year_touched(
    limit: Limit, entered_2027: list[tuple[date, bool]]
) -> None:
    r = limit.run()
    assert r.due is not None
    assert r.calendar_covered == (r.uncovered_years == ())
    touched = range((r.start + timedelta(days=1)).year, r.due.year + 1)
    assert all(y in touched and not CAL.is_covered(y) for y in r.uncovered_years)
    if not CAL.is_covered(r.due.year):
        assert r.due.year in r.uncovered_years
    if all(CAL.is_covered(y) for y in touched):
        assert r.calendar_covered
    # A covered result cannot change once the missing years' holidays are entered.
    if r.calendar_covered:
        assert limit.run(WorkCalendar.from_rows(entered_2027, [2003, 2027])) == r


@settings(max_examples=200, deadline=None)
@given(limits, st.integers(-10, 150))
def test_open_suspension_reports_remaining(limit: Limit, off: int) -> None:
    r = limit.run()
    stop = limit.start + timedelta(days=off)
    r_open = limit.run(CAL, Suspension(stop))
    assert r.due is not None
    if r_open.due is None:
        assert r_open.remaining_when_stopped is not None
        assert 1 <= r_open.remaining_when_stopped <= r.days + r.extended_days
        assert stop <= r.due
    else:
        assert r_open == r  # the clock stopped after the last counted day


def reference_due(limit: Limit, calendar: WorkCalendar = CAL) -> date:
    """Day-by-day model of the rules, for comparison with the engine."""
    stopped = {
        s.start + timedelta(days=i)
        for s in limit.closed_suspensions()
        for i in range((s.end - s.start).days)  # type: ignore[operator]
    }
    day, counted, total = limit.start, 0, limit.days + limit.extension_days
    while counted < total:
        day += timedelta(days=1)
        if day not in stopped and (not limit.working_days or calendar.is_working_day(day)):
            counted += 1
    return calendar.next_working_day(day)


@settings(max_examples=500, deadline=None)
@given(limits)
def test_engine_agrees_with_day_by_day_model(limit: Limit) -> None:
    assert limit.run().due == reference_due(limit)
    assert limit.run(CAL_2027).due == reference_due(limit, CAL_2027)
