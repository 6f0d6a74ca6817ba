"""The holiday calendar as the administrator keeps it.

Rest days come from chinesecalendar (2004–2026 in version 1.11); the administrator's
override table (``HolidayDay``) wins where both have a day and fills in years the package
does not cover. A year counts as covered when chinesecalendar has it or the administrator
has entered the State Council's notice for it and declared it complete (``HolidayYear``).
An uncovered year is provisional: its statutory holidays follow the rules of the 放假办法
(:mod:`ipdesk.services.rules.statutory_holidays`), its 调休 working days are unknown, and the
limits reaching into it are flagged until the notice is entered.

Every change recomputes the open limits (:func:`ipdesk.services.cases.limits.refresh_all_open`)
in the same transaction, so due dates and alerts follow at once.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import chinese_calendar
from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.orm import Session

from ipdesk.models import HolidayDay, HolidayYear
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor
from ipdesk.services.admin.calendar_data import load_calendar
from ipdesk.services.cases.limits import RefreshSummary, refresh_all_open
from ipdesk.services.errors import ImportFailed, ValidationError
from ipdesk.services.infra.tabular import read_csv
from ipdesk.services.queries.lookups import has_control_chars
from ipdesk.services.rules.capabilities import Capability
from ipdesk.services.rules.capabilities import require as require_capability
from ipdesk.services.rules.deadlines import WorkCalendar
from ipdesk.services.rules.statutory_holidays import statutory_holidays

__all__ = [
    "CHINESECALENDAR",
    "OVERRIDE",
    "STATUTORY",
    "WEEKEND",
    "DayInfo",
    "HolidayChange",
    "YearCalendar",
    "clear_override",
    "import_holidays_csv",
    "set_override",
    "set_year_complete",
    "uncovered_years_ahead",
    "year_calendar",
]

# Where the answer for a day comes from.
OVERRIDE = "override"
CHINESECALENDAR = "chinesecalendar"
STATUTORY = "statutory"  # neither source has the year: a statutory holiday by rule
WEEKEND = "weekend"  # neither source has the year: weekends are rest days

FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_NAME = 60
#: How far ahead of today limits usually reach (60 days + extension + roll-over).
DEFAULT_HORIZON_DAYS = 92

HOLIDAY_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("日期",),
    "type": ("类型", "类别"),
    "name": ("名称", "节日", "说明"),
}
_REST_WORDS = {"rest", "holiday", "off", "休", "休息", "假", "放假", "休假", "节假日", "休息日"}
_WORK_WORDS = {"work", "workday", "working", "班", "上班", "补班", "工作日", "调休上班"}
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    is_rest: bool
    source: str  # OVERRIDE, CHINESECALENDAR, STATUTORY or WEEKEND
    name: str | None  # holiday name, if any

    @property
    def is_special(self) -> bool:
        """A holiday on a weekday, a working weekend day, or an override."""
        return self.source == OVERRIDE or self.is_rest != (self.day.weekday() >= 5)

    def as_dict(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "rest": self.is_rest,
            "source": self.source,
            "name": self.name,
        }


@dataclass(frozen=True)
class YearCalendar:
    year: int
    in_chinesecalendar: bool
    declared: bool  # the administrator declared the year complete
    days: tuple[DayInfo, ...]

    @property
    def covered(self) -> bool:
        return self.in_chinesecalendar or self.declared

    @property
    def provisional(self) -> bool:
        """Holidays by rule only, until the State Council's notice is entered."""
        return not self.covered

    @property
    def overrides(self) -> tuple[DayInfo, ...]:
        return tuple(d for d in self.days if d.source == OVERRIDE)

    @property
    def rest_days(self) -> int:
        return sum(d.is_rest for d in self.days)

    def as_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "covered": self.covered,
            "provisional": self.provisional,
            "chinesecalendar": self.in_chinesecalendar,
            "declared": self.declared,
            "rest_days": self.rest_days,
            "days": [d.as_dict() for d in self.days],
        }


@dataclass(frozen=True)
class HolidayChange:
    """What a change of the calendar did, including the recomputation of open limits."""

    years: tuple[int, ...]
    rest_days: int  # override days now marked rest days
    working_days: int  # override days now marked working days
    refresh: RefreshSummary


# --------------------------------------------------------------------------- reading


@cache
def _cc_names() -> dict[str, str]:
    """chinesecalendar's English holiday names -> their Chinese names."""
    return {h.value: h.chinese for h in chinese_calendar.Holiday}


def _cc_day(day: dt.date) -> tuple[bool, str | None]:
    """(rest day?, holiday name) by chinesecalendar, for a year it covers."""
    is_rest, name = chinese_calendar.get_holiday_detail(day)
    label = _cc_names().get(name, name) if name else None
    return bool(is_rest), label


def year_calendar(session: Session, year: int) -> YearCalendar:
    """Every day of ``year``: rest or working day, and where the answer comes from.

    Anyone may look; changing it is the administrator's.
    """
    _check_year(year)
    overrides = {d.day: d for d in session.scalars(select(HolidayDay).where(_in_years((year,))))}
    declared = session.get(HolidayYear, year) is not None
    in_cc = _CHINESECALENDAR_ONLY.is_covered(year)
    statutory = {} if in_cc else statutory_holidays(year)
    days = []
    day = dt.date(year, 1, 1)
    for _ in range(366 if pycalendar.isleap(year) else 365):
        override = overrides.get(day)
        if override is not None:
            days.append(DayInfo(day, override.is_rest, OVERRIDE, override.name))
        elif in_cc:
            is_rest, name = _cc_day(day)
            days.append(DayInfo(day, is_rest, CHINESECALENDAR, name))
        elif day in statutory:
            days.append(DayInfo(day, True, STATUTORY, statutory[day]))
        else:
            days.append(DayInfo(day, day.weekday() >= 5, WEEKEND, None))
        day += dt.timedelta(days=1)
    return YearCalendar(year, in_cc, declared, tuple(days))


def uncovered_years_ahead(
    session: Session, today: dt.date, *, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> list[int]:
    """Years from today to ``today + horizon_days`` without holiday data: the managers'
    banner asks the administrator to enter them (the coming year, from October on)."""
    calendar = load_calendar(session)
    last = today + dt.timedelta(days=horizon_days)
    return [y for y in range(today.year, last.year + 1) if not calendar.is_covered(y)]


# --------------------------------------------------------------------------- changing


def set_override(
    session: Session, actor: Actor, day: dt.date, *, is_rest: bool, name: str | None = None
) -> HolidayChange:
    """Make ``day`` a rest day or a working day whatever chinesecalendar says."""
    require_capability(actor, Capability.MANAGE_HOLIDAYS)
    _check_year(day.year)
    name = _name(name)
    row = session.get(HolidayDay, day)
    if row is None:
        session.add(HolidayDay(day=day, is_rest=is_rest, name=name))
    else:
        row.is_rest, row.name = is_rest, name
    return _changed(session, (day.year,), int(is_rest), int(not is_rest))


def clear_override(session: Session, actor: Actor, day: dt.date) -> HolidayChange:
    """Remove the override of ``day``: chinesecalendar (or weekends) decide again."""
    require_capability(actor, Capability.MANAGE_HOLIDAYS)
    row = session.get(HolidayDay, day)
    if row is not None:
        session.delete(row)
    return _changed(session, (day.year,), 0, 0)


def set_year_complete(
    session: Session, actor: Actor, year: int, complete: bool = True
) -> HolidayChange:
    """Declare that the overrides of ``year`` are its complete holiday schedule (or undo)."""
    require_capability(actor, Capability.MANAGE_HOLIDAYS)
    _check_year(year)
    row = session.get(HolidayYear, year)
    if complete and row is None:
        session.add(HolidayYear(year=year, entered_at=utcnow(), entered_by_id=actor.user_id))
    elif not complete and row is not None:
        session.delete(row)
    return _changed(session, (year,), 0, 0)


def import_holidays_csv(
    session: Session, actor: Actor, path: Path, *, declare_complete: bool = True
) -> HolidayChange:
    """Import a holiday schedule: columns ``date`` (日期), ``type`` (类型: rest/work,
    休/班, ...), optional ``name`` (名称). UTF-8 or GB18030.

    All or nothing: any bad line refuses the whole file and names the line. The file
    replaces the override days of every year it contains; those years are declared
    complete unless ``declare_complete`` is false.
    """
    require_capability(actor, Capability.MANAGE_HOLIDAYS)
    rows = read_csv(path, HOLIDAY_COLUMNS, ("date", "type"))
    label = path.name
    entries: dict[dt.date, tuple[bool, str | None]] = {}
    first_line: dict[dt.date, int] = {}
    for row in rows:
        where = f"{label} 第{row.line}行"
        day = _parse_date(row.values["date"], where)
        kind = row.values["type"].strip().lower()
        if kind in _REST_WORDS:
            is_rest = True
        elif kind in _WORK_WORDS:
            is_rest = False
        else:
            raise ImportFailed(
                f"{where}：类型“{row.values['type']}”无效（应为 rest/work 或 休/班）"
            )
        try:
            name = _name(row.values.get("name"))
        except ValidationError as exc:
            raise ImportFailed(f"{where}：{exc.message}") from None
        if day in entries:
            raise ImportFailed(f"{where}：日期 {day} 与第{first_line[day]}行重复")
        entries[day] = (is_rest, name)
        first_line[day] = row.line
    if not entries:
        raise ImportFailed(f"{label}：没有任何日期")
    years = tuple(sorted({d.year for d in entries}))
    session.execute(
        delete(HolidayDay).where(_in_years(years)),
        execution_options={"synchronize_session": False},
    )
    for day, (is_rest, name) in sorted(entries.items()):
        session.add(HolidayDay(day=day, is_rest=is_rest, name=name))
    if declare_complete:
        for year in years:
            if session.get(HolidayYear, year) is None:
                session.add(
                    HolidayYear(year=year, entered_at=utcnow(), entered_by_id=actor.user_id)
                )
    rest = sum(is_rest for is_rest, _ in entries.values())
    return _changed(session, years, rest, len(entries) - rest)


MAX_IMPORT_BYTES = 1 << 20
"""The largest holiday file :func:`import_holidays_data` takes (a year is a few KB)."""


def import_holidays_data(
    session: Session, actor: Actor, data: bytes, name: str = "holidays.csv"
) -> HolidayChange:
    """:func:`import_holidays_csv` of a file's bytes (a file chosen on another computer
    than the one the call runs on); ``name`` for the messages."""
    require_capability(actor, Capability.MANAGE_HOLIDAYS)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFailed(f"{name}：文件过大", code="import_failed")
    label = Path(name).name or "holidays.csv"
    with tempfile.TemporaryDirectory(prefix="ipdesk-holidays-") as folder:
        path = Path(folder) / label
        path.write_bytes(data)
        return import_holidays_csv(session, actor, path)


# --------------------------------------------------------------------------- helpers


def _changed(session: Session, years: tuple[int, ...], rest: int, working: int) -> HolidayChange:
    session.flush()
    return HolidayChange(years, rest, working, refresh_all_open(session))


_CHINESECALENDAR_ONLY = WorkCalendar()


def _in_years(years: tuple[int, ...]) -> ColumnElement[bool]:
    return or_(*(HolidayDay.day.between(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in years))


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            "year",
            f"年份应在 {FIRST_YEAR}–{LAST_YEAR} 之间",
            code="year_range",
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )


def _name(text: str | None) -> str | None:
    value = (text or "").strip()
    if len(value) > MAX_NAME:
        raise ValidationError(
            "name", f"名称过长（不超过 {MAX_NAME} 字）", code="name_too_long", limit=MAX_NAME
        )
    if has_control_chars(value):  # PostgreSQL refuses NUL
        raise ValidationError("name", "名称含有控制字符", code="name_control")
    return value or None


def _parse_date(text: str, where: str) -> dt.date:
    match = _DATE.match(text.strip())
    try:
        if match is None:
            raise ValueError
        day = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise ImportFailed(
            f"{where}：日期“{text}”无效（应为 YYYY-MM-DD 或 YYYY/M/D 的真实日期）"
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ImportFailed(f"{where}：日期 {day} 超出 {FIRST_YEAR}–{LAST_YEAR} 年")
    return day


def holiday_gaps(session: Session, actor: Actor, *, today: dt.date) -> list[int]:
    """The years ahead whose holidays are not entered yet (a desk's call: the banner;
    anyone signed in)."""
    return uncovered_years_ahead(session, today)


def holiday_year(session: Session, actor: Actor, year: int) -> YearCalendar:
    """One year's calendar of rest and working days (a desk's call: anyone may look;
    changing it is the administrator's)."""
    return year_calendar(session, year)
