"""Holiday administration: the year's calendar, overrides, complete years, CSV import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Alert,
    Case,
    CaseLimit,
    CaseStatus,
    HolidayDay,
    HolidayYear,
    LimitKind,
    Role,
)
from ipdesk.services.actors import Actor
from ipdesk.services.admin.holidays import (
    CHINESECALENDAR,
    OVERRIDE,
    STATUTORY,
    WEEKEND,
    clear_override,
    import_holidays_csv,
    set_override,
    set_year_complete,
    uncovered_years_ahead,
    year_calendar,
)
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.errors import ImportFailed, PermissionDenied, ValidationError
from ipdesk.services.rules.deadlines import BEIJING
from tests.helpers.factories import actor, make_case_with_limits, make_user, seed

ADMIN = Actor.system()
# Made-up 2027 schedule (the State Council had not published it when this was written).
CSV_2027 = (
    "日期,类型,名称\n"
    "2027-01-01,休,元旦\n"
    "2027/2/8,rest,春节\n"
    "2027-02-09,休息,春节\n"
    "2027-02-20,班,春节调休\n"
)


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "h.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_covered_year_comes_from_chinesecalendar(db: sessionmaker[Session]) -> None:
    with db() as s:
        year = year_calendar(s, 2026)
    assert year.covered and year.in_chinesecalendar and not year.declared
    assert len(year.days) == 365
    days = {d.day: d for d in year.days}
    national = days[dt.date(2026, 10, 1)]
    assert (national.is_rest, national.source, national.name) == (True, CHINESECALENDAR, "国庆节")
    adjusted = days[dt.date(2026, 10, 10)]  # a Saturday made a working day
    assert (adjusted.is_rest, adjusted.is_special) == (False, True)
    assert not days[dt.date(2026, 10, 12)].is_special  # an ordinary Monday
    days_data = year.as_dict()["days"]
    assert isinstance(days_data, list)
    assert days_data[0] == {
        "date": "2026-01-01",
        "rest": True,
        "source": CHINESECALENDAR,
        "name": "元旦",
    }


def test_an_uncovered_year_has_weekends_and_statutory_holidays(db: sessionmaker[Session]) -> None:
    with db() as s:
        year = year_calendar(s, 2027)
    assert not year.covered and year.provisional and year.as_dict()["provisional"] is True
    assert {d.source for d in year.days} == {WEEKEND, STATUTORY}
    # 52 Saturdays + 52 Sundays, and 13 weekdays that are holidays or substitute days.
    assert year.rest_days == 117
    days = {d.day: d for d in year.days}
    eve = days[dt.date(2027, 2, 5)]
    assert (eve.is_rest, eve.source, eve.name, eve.is_special) == (True, STATUTORY, "春节", True)


def test_overrides_win_and_can_be_cleared(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        set_override(s, ADMIN, dt.date(2026, 10, 10), is_rest=True, name="改休")
    with db() as s:
        day = next(d for d in year_calendar(s, 2026).days if d.day == dt.date(2026, 10, 10))
    assert (day.is_rest, day.source, day.name) == (True, OVERRIDE, "改休")
    with db.begin() as s:
        clear_override(s, ADMIN, dt.date(2026, 10, 10))
    with db() as s:
        day = next(d for d in year_calendar(s, 2026).days if d.day == dt.date(2026, 10, 10))
    assert (day.is_rest, day.source) == (False, CHINESECALENDAR)


def test_only_administrators_change_the_calendar(db: sessionmaker[Session], tmp_path: Path) -> None:
    with db.begin() as s:
        city = actor(make_user(s, Role.CITY_MANAGER))
    with db.begin() as s:
        with pytest.raises(PermissionDenied):
            set_override(s, city, dt.date(2027, 1, 1), is_rest=True)
        with pytest.raises(PermissionDenied):
            set_year_complete(s, city, 2027)
        with pytest.raises(PermissionDenied):
            import_holidays_csv(s, city, write(tmp_path, CSV_2027))


def test_bad_years_and_names_are_refused(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        with pytest.raises(ValidationError):
            year_calendar(s, 1899)
        with pytest.raises(ValidationError):
            set_override(s, ADMIN, dt.date(2027, 1, 1), is_rest=True, name="长" * 61)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_import_replaces_the_years_overrides_and_declares_them(
    db: sessionmaker[Session], tmp_path: Path, encoding: str
) -> None:
    with db.begin() as s:
        set_override(s, ADMIN, dt.date(2027, 5, 3), is_rest=True)  # replaced by the import
        change = import_holidays_csv(s, ADMIN, write(tmp_path, CSV_2027, encoding))
    assert (change.years, change.rest_days, change.working_days) == ((2027,), 3, 1)
    with db() as s:
        year = year_calendar(s, 2027)
        stored = s.scalars(select(HolidayDay.day).order_by(HolidayDay.day)).all()
        declared = s.get(HolidayYear, 2027)
    assert year.covered and year.declared
    assert stored == [
        dt.date(2027, 1, 1),
        dt.date(2027, 2, 8),
        dt.date(2027, 2, 9),
        dt.date(2027, 2, 20),
    ]
    assert declared is not None and declared.entered_by_id is None  # ipdesk-admin
    names = {d.day: d.name for d in year.overrides}
    assert names[dt.date(2027, 2, 20)] == "春节调休"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("日期,类型\n2027-01-01,休\n2027-02-30,休\n", "h.csv 第3行：日期“2027-02-30”无效"),
        ("日期,类型\n2027-01-01,休\n2027-01-02,maybe\n", "h.csv 第3行：类型“maybe”无效"),
        ("日期,类型\n2027-01-01,休\n2027-1-1,班\n", "h.csv 第3行：日期 2027-01-01 与第2行重复"),
        ("日期,类型\n", "h.csv：没有任何日期"),
        ("日期,名称\n2027-01-01,元旦\n", "h.csv 第1行：缺少必需的列"),
        ("日期,类型\n1999-01-01,休\n", "h.csv 第2行：日期 1999-01-01 超出"),
    ],
)
def test_a_bad_file_changes_nothing_and_names_the_line(
    db: sessionmaker[Session], tmp_path: Path, text: str, message: str
) -> None:
    with db.begin() as s:
        set_override(s, ADMIN, dt.date(2027, 5, 3), is_rest=True)
    with db.begin() as s, pytest.raises(ImportFailed) as info:
        import_holidays_csv(s, ADMIN, write(tmp_path, text))
    assert str(info.value).startswith(message)
    with db() as s:
        assert s.scalars(select(HolidayDay.day)).all() == [dt.date(2027, 5, 3)]
        assert s.scalars(select(HolidayYear.year)).all() == []


def test_a_holiday_change_moves_due_dates_and_withdraws_alerts(
    db: sessionmaker[Session],
) -> None:
    # Accepted Tue 2026-09-01: due Mon 2026-11-02 (from Sat 10-31).
    with db.begin() as s:
        case_id = make_case_with_limits(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 8, 31),
            accepted_on=dt.date(2026, 9, 1),
        ).id
        scan_alerts(s, dt.datetime(2026, 10, 30, 9, tzinfo=BEIJING))
    with db.begin() as s:
        change = set_override(s, ADMIN, dt.date(2026, 11, 2), is_rest=True, name="测试")
    assert (change.refresh.examined, change.refresh.changed, change.refresh.withdrawn) == (
        1,
        1,
        1,
    )
    with db() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.due_on == dt.date(2026, 11, 3)
        assert s.scalars(select(Alert.withdrawn_at)).one() is not None


def test_declaring_a_year_complete_marks_limits_covered(db: sessionmaker[Session]) -> None:
    # Accepted 2026-12-01: 60 days -> 2027-01-30, a year chinesecalendar does not cover.
    with db.begin() as s:
        case_id = make_case_with_limits(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 11, 30),
            accepted_on=dt.date(2026, 12, 1),
        ).id

    def covered() -> bool:
        with db() as s:
            return s.scalars(
                select(CaseLimit.calendar_covered).where(
                    CaseLimit.case_id == case_id, CaseLimit.kind == LimitKind.HANDLING
                )
            ).one()

    assert not covered()
    with db() as s:
        assert uncovered_years_ahead(s, dt.date(2026, 11, 27)) == [2027]
        assert uncovered_years_ahead(s, dt.date(2026, 6, 1)) == []  # 2027 is months away
    with db.begin() as s:
        assert set_year_complete(s, ADMIN, 2027).refresh.changed == 1
    assert covered()
    with db() as s:
        assert uncovered_years_ahead(s, dt.date(2026, 11, 27)) == []
    with db.begin() as s:
        set_year_complete(s, ADMIN, 2027, complete=False)
    assert not covered()
    with db() as s:
        assert uncovered_years_ahead(s, dt.date(2026, 11, 27)) == [2027]
