"""The managers' dashboard: how the offices and stations keep the 60-day promise.

:func:`figures` computes, for a :class:`DashboardFilter` (a period, optionally one office or
one station), the figures below per station, per office and for the total of the actor's
scope; :func:`drill_down` returns exactly the ids of the cases behind one number;
:func:`chart_data` the series the dashboard's charts draw. Everything is computed by the
database with aggregate queries (``GROUP BY``, window functions); Python only merges the
hundred-odd aggregate rows with the names of the units. Call them off the GUI thread.

Who: city managers and administrators see the whole network, an office manager their own
office (and its stations). Mediators and station staff are refused: the dashboard is a
management tool, and the deadline board and case list serve their own work.

Period semantics
----------------
``S`` is the period's first day, ``E`` the *reference day*: the period's last day, or today
when the period runs into the future (figures are never about days that have not
happened). All dates are the legal dates stored on the cases (Beijing dates); a range
"in the period" includes both ends.

Case figures (one case counts at most once in each):

``received``
    ``received_on`` in [S, E].
``accepted``
    ``accepted_on`` in [S, E] (whenever the case was received).
``open``
    open at the end of day E: received on or before E and not closed (or rejected) by E —
    ``closed_on`` after E, or no ``closed_on`` and the case is in an open state now.
``due_soon``
    open (as above) and its handling limit falls due within ``soon_days`` (default 15)
    days: ``due_on`` in [E, E + soon_days].
``overdue``
    open (as above) and ``due_on`` before E. A case whose clock stands still (suspended)
    has no due date and is neither due soon nor overdue.
``closed``
    closed (status ``closed``; rejected cases are not closed cases) with ``closed_on`` in
    [S, E].
``closed_on_time`` / ``closed_late``
    of the closed cases, those closed on or before their handling limit's due date (which
    includes roll-over to a working day, suspensions and approved extensions) — or closed
    while the clock stood still, without a due date — and those closed after it.
``within_target`` / ``within_former``
    of the closed cases, those whose handling days (below) are at most the handling rule's
    days (60) / the former promise of 90 days.
``mediated`` / ``mediation_success``
    of the closed cases, those whose mediation reached a result — the outcome (the state
    the case was closed in) is an agreement (``agreement``, ``confirmation_requested``,
    ``confirmed``, ``confirmation_denied``: the parties agreed, whatever the court later
    decided) or ``failed`` — and of these the agreements. Withdrawn cases are not mediated
    cases: the parties ended the procedure, mediation did not fail. The mediation success
    rate is ``mediation_success / mediated``.

Handling days of a closed case: calendar days from acceptance (receipt when no
acceptance is recorded) to closure, the acceptance day not counted (accepted on the 1st,
closed on the 2nd: 1 day), minus the days the handling clock stood still: each suspension
of the handling limit stops the clock on its first day and restarts it on its end day
(as in the deadline engine), clipped to the counted days; a suspension still open at
closure runs to the closure day. Suspensions of one case do not overlap and none starts
before the acceptance day (the clock service refuses both). The median (the mean of the
two middle values for an even count) and the mean are over the closed cases; the median
is computed in SQL from the distribution of handling days with a running sum over it (a
window function), which is exact. Cases without a station count in their office and the
total only.

Figures from other records (counted per case unit — the office and station of the case):

``confirmation_applied`` / ``confirmed``
    cases with an application for judicial confirmation made (``applied_on``) in [S, E],
    and cases whose agreement a court ruled valid (``decided_on``) in [S, E]; a case with
    two applications counts once.
``consultations_requested`` / ``consultations_late``
    agency requests (one per agency asked, joint consultations and crime referrals alike)
    of consultations requested in [S, E]; and of these the requests answered late as seen
    on day E: answered after their due date on or before E, or not answered by E although
    due before E. Withdrawn requests (or requests of withdrawn consultations) are never
    late.
``visits_due`` / ``visits_done``
    follow-up visits (not cancelled) planned (``due_on``) in [S, E], and of these the ones
    recorded as done on or before E. The follow-up rate is ``visits_done / visits_due``.

These count requests and visits, not cases; their drill-down lists the distinct cases they
belong to (a case with two visits is one id). Every other drill-down lists exactly as many
cases as the number shows.

The figures describe the records as they are now: a case closed, reopened and closed again
counts with its last closure; a case's due date is its current (or final) one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from sqlalchemy import (
    ColumnElement,
    Float,
    FromClause,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal_column,
    null,
    or_,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from ipdesk.models import (
    OPEN_STATUSES,
    AdjustmentKind,
    Case,
    CaseStatus,
    ClockAdjustment,
    Confirmation,
    ConfirmationDecision,
    Consultation,
    ConsultationRequest,
    ConsultationState,
    FollowUpVisit,
    IpType,
    LimitKind,
    LimitRule,
    Office,
    RequestState,
    Role,
    Station,
    VisitState,
)
from ipdesk.services.access import case_scope
from ipdesk.services.actors import Actor
from ipdesk.services.errors import PermissionDenied, ValidationError
from ipdesk.services.followups import AGREED_OUTCOMES
from ipdesk.services.limits import legal_today

__all__ = [
    "CASE_KEYS",
    "COUNT_KEYS",
    "DEFAULT_SOON_DAYS",
    "FORMER_LIMIT_DAYS",
    "TOTAL",
    "CaseSource",
    "DashboardCharts",
    "DashboardFigures",
    "DashboardFilter",
    "Period",
    "Span",
    "Unit",
    "UnitFigures",
    "case_source",
    "chart_data",
    "drill_down",
    "figure_statements",
    "figures",
    "filter_where",
    "handling_days_bins",
    "require_dashboard",
    "span_of",
]

#: The network's former promise (days); the current one is the handling rule's length.
FORMER_LIMIT_DAYS: Final = 90
#: "Due soon": the handling limit falls due within this many days of the reference day.
DEFAULT_SOON_DAYS: Final = 15
_DEFAULT_TARGET_DAYS: Final = 60

#: Outcomes in which mediation reached a result (agreement or failure).
MEDIATED_OUTCOMES: Final = (*AGREED_OUTCOMES, CaseStatus.FAILED)

CASE_KEYS: Final = (
    "received",
    "accepted",
    "open",
    "due_soon",
    "overdue",
    "closed",
    "closed_on_time",
    "closed_late",
    "within_target",
    "within_former",
    "mediated",
    "mediation_success",
)
_CONFIRMATION_KEYS: Final = ("confirmation_applied", "confirmed")
_CONSULTATION_KEYS: Final = ("consultations_requested", "consultations_late")
_VISIT_KEYS: Final = ("visits_due", "visits_done")
_OTHER_KEYS: Final = (*_CONFIRMATION_KEYS, *_CONSULTATION_KEYS, *_VISIT_KEYS)
#: Every figure that is a count and can be drilled down into.
COUNT_KEYS: Final = (*CASE_KEYS, *_OTHER_KEYS)

Level = Literal["total", "office", "station"]


# --------------------------------------------------------------------------- SQL helpers
# Date arithmetic differs between the backends: SQLite stores dates as ISO text, PostgreSQL
# subtracts dates to integers. Day numbers make both plain integer arithmetic.


class DayNumber(FunctionElement[int]):
    """The number of a day (days since an epoch): the difference of two is a day count."""

    type = Integer()
    inherit_cache = True
    name = "day_number"


@compiles(DayNumber, "sqlite")
def _day_number_sqlite(element: DayNumber, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(DayNumber, "postgresql")
def _day_number_pg(element: DayNumber, compiler: SQLCompiler, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)} - DATE '2000-01-01')"


class Greatest(FunctionElement[int]):
    """The largest of integer arguments (none of them NULL)."""

    type = Integer()
    inherit_cache = True
    name = "greatest"


@compiles(Greatest)
def _greatest(element: Greatest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"GREATEST({compiler.process(element.clauses, **kw)})"


@compiles(Greatest, "sqlite")
def _greatest_sqlite(element: Greatest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


class Least(FunctionElement[int]):
    """The smallest of integer arguments (none of them NULL)."""

    type = Integer()
    inherit_cache = True
    name = "least"


@compiles(Least)
def _least(element: Least, compiler: SQLCompiler, **kw: Any) -> str:
    return f"LEAST({compiler.process(element.clauses, **kw)})"


@compiles(Least, "sqlite")
def _least_sqlite(element: Least, compiler: SQLCompiler, **kw: Any) -> str:
    return f"min({compiler.process(element.clauses, **kw)})"


class YearMonth(FunctionElement[str]):
    """A date's month as text, ``YYYY-MM``."""

    type = String()
    inherit_cache = True
    name = "year_month"


@compiles(YearMonth, "sqlite")
def _year_month_sqlite(element: YearMonth, compiler: SQLCompiler, **kw: Any) -> str:
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 7)"


@compiles(YearMonth, "postgresql")
def _year_month_pg(element: YearMonth, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def _null_int() -> ColumnElement[int]:
    return cast(null(), Integer)


# --------------------------------------------------------------------------- the filter


@dataclass(frozen=True)
class Period:
    """A span of days, both ends included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                "period", "统计期间的结束日期早于开始日期", code="period_reversed"
            )

    @classmethod
    def year_to_date(cls, today: dt.date) -> Period:
        """The current year up to ``today`` (the report's default)."""
        return cls(dt.date(today.year, 1, 1), today)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        first = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return cls(first, following - dt.timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> list[str]:
        """Every month the period touches, ``YYYY-MM``, in order."""
        out = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


@dataclass(frozen=True)
class DashboardFilter:
    """What the dashboard shows: a period, and optionally one office or one station."""

    period: Period
    office_id: int | None = None
    station_id: int | None = None
    soon_days: int = DEFAULT_SOON_DAYS

    def __post_init__(self) -> None:
        if not 0 <= self.soon_days <= 366:
            raise ValidationError("soon_days", "“即将到期”的天数应在0到366之间")


@dataclass(frozen=True)
class Unit:
    """A row of the dashboard: the total of the scope, an office or a station."""

    level: Level
    id: int | None = None


TOTAL: Final = Unit("total")


@dataclass(frozen=True)
class UnitFigures:
    """The figures of one unit (see the module docstring for each one's definition)."""

    unit: Unit
    code: str = ""
    name: str = ""
    office_id: int | None = None  # the office of a station (an office: itself)
    received: int = 0
    accepted: int = 0
    open: int = 0
    due_soon: int = 0
    overdue: int = 0
    closed: int = 0
    closed_on_time: int = 0
    closed_late: int = 0
    within_target: int = 0
    within_former: int = 0
    mediated: int = 0
    mediation_success: int = 0
    confirmation_applied: int = 0
    confirmed: int = 0
    consultations_requested: int = 0
    consultations_late: int = 0
    visits_due: int = 0
    visits_done: int = 0
    median_days: float | None = None
    mean_days: float | None = None

    def count(self, key: str) -> int:
        if key not in COUNT_KEYS:
            raise KeyError(key)
        value: int = getattr(self, key)
        return value

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def on_time_share(self) -> float | None:
        """Closed within the limit, over closed."""
        return self._share(self.closed_on_time, self.closed)

    @property
    def within_target_share(self) -> float | None:
        return self._share(self.within_target, self.closed)

    @property
    def within_former_share(self) -> float | None:
        return self._share(self.within_former, self.closed)

    @property
    def mediation_success_rate(self) -> float | None:
        return self._share(self.mediation_success, self.mediated)

    @property
    def follow_up_rate(self) -> float | None:
        return self._share(self.visits_done, self.visits_due)


@dataclass(frozen=True)
class DashboardFigures:
    filter: DashboardFilter
    as_of: dt.date  # the reference day E
    target_days: int  # the handling rule's days (60)
    former_days: int  # the former promise (90)
    total: UnitFigures
    offices: tuple[UnitFigures, ...] = ()
    stations: tuple[UnitFigures, ...] = ()

    @property
    def period(self) -> Period:
        return self.filter.period

    def rows(self) -> list[UnitFigures]:
        """The total, then each office followed by its stations (by code)."""
        out = [self.total]
        for office in self.offices:
            out.append(office)
            out.extend(s for s in self.stations if s.office_id == office.unit.id)
        return out

    def unit(self, unit: Unit) -> UnitFigures:
        for row in (self.total, *self.offices, *self.stations):
            if row.unit == unit:
                return row
        raise KeyError(unit)


# --------------------------------------------------------------------------- scope


_DASHBOARD_ROLES = (Role.OFFICE_MANAGER, Role.CITY_MANAGER, Role.ADMIN)


def require_dashboard(actor: Actor) -> None:
    """Refuse unless the actor may see the dashboard (see the module docstring)."""
    if actor.role not in _DASHBOARD_ROLES or (
        actor.role == Role.OFFICE_MANAGER and actor.office_id is None
    ):
        raise PermissionDenied(
            "只有裁决所负责人和市级管理人员可以查看统计分析", role=actor.role.value
        )


def filter_where(session: Session, actor: Actor, flt: DashboardFilter) -> ColumnElement[bool]:
    """The actor's scope and the filter's office/station, as a condition on ``Case``;
    refuses actors without the dashboard and filters outside their scope."""
    require_dashboard(actor)
    _analytic(session)
    conditions = [case_scope(actor)]
    if flt.station_id is not None:
        station = session.get(Station, flt.station_id)
        if station is None:
            raise ValidationError("station", "所选站点不存在", code="unknown_station")
        if flt.office_id is not None and station.office_id != flt.office_id:
            raise ValidationError("station", "所选站点不属于所选裁决所", code="station_office")
        if not actor.is_citywide and station.office_id != actor.office_id:
            raise PermissionDenied("所选站点不在您的管辖范围内")
        conditions.append(Case.station_id == flt.station_id)
    if flt.office_id is not None:
        if not actor.is_citywide and flt.office_id != actor.office_id:
            raise PermissionDenied("所选裁决所不在您的管辖范围内")
        conditions.append(Case.office_id == flt.office_id)
    return and_(*conditions)


def _analytic(session: Session) -> None:
    """PostgreSQL: no JIT compilation for the rest of this transaction. The dashboard's
    aggregates are expensive enough to trigger it, and compiling their hundred-odd
    expressions takes seconds — far longer than running them (measured on 1,000,000
    cases: 6.6 s with JIT, see benchmarks/bench_dashboard.py)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))


def _unit_where(unit: Unit) -> ColumnElement[bool]:
    if unit.level == "total":
        return true()
    if unit.id is None:
        raise ValidationError("unit", "统计单位缺少编号")
    if unit.level == "office":
        return Case.office_id == unit.id
    if unit.level == "station":
        return Case.station_id == unit.id
    raise ValidationError("unit", f"未知的统计单位：{unit.level}")


@dataclass(frozen=True)
class Span:
    """The days the figures are about (module docstring) and the limits they compare with."""

    start: dt.date  # S
    end: dt.date  # E, the reference day
    soon_until: dt.date
    target: int
    former: int


def span_of(session: Session, flt: DashboardFilter, today: dt.date | None) -> Span:
    as_of = min(flt.period.end, today or legal_today())
    rule_days = session.scalar(select(LimitRule.days).where(LimitRule.kind == LimitKind.HANDLING))
    return Span(
        flt.period.start,
        as_of,
        as_of + dt.timedelta(days=flt.soon_days),
        int(rule_days or _DEFAULT_TARGET_DAYS),
        FORMER_LIMIT_DAYS,
    )


# --------------------------------------------------------------------------- case figures


def _suspensions() -> FromClause:
    """Per case with suspensions of its handling clock, from ``clock_adjustments`` alone
    (no join): the days of the ended suspensions, the first and the last ended one, and
    the start of the one still running. The case's dates clip them in :func:`case_source`."""
    adj = ClockAdjustment
    start, end = DayNumber(adj.start_on), DayNumber(adj.end_on)
    ended = adj.end_on.is_not(None)
    return (
        select(
            adj.case_id,
            func.sum(case((ended, end - start), else_=0)).label("ended_days"),
            func.min(case((ended, start))).label("first_start"),
            func.min(case((ended, end))).label("first_end"),
            func.max(case((ended, start))).label("last_start"),
            func.max(case((ended, end))).label("last_end"),
            func.max(case((~ended, start))).label("open_start"),
        )
        .where(adj.kind == AdjustmentKind.SUSPENSION, adj.limit_kind == LimitKind.HANDLING)
        .group_by(adj.case_id)
        .subquery("suspended")
    )


def _suspended_days(suspended: FromClause) -> ColumnElement[int]:
    """The counted days (the day after acceptance up to the closure day) during which the
    handling clock of a closed case stood still.

    Suspensions of a case never overlap and none starts before the acceptance day (the
    clock service refuses both), so only the first can reach before the counted days (by
    the acceptance day itself) and only the last or the running one past the closure:
    clipped = ended days − the first's part before − the last's part after + the running
    one from its start (or the first counted day) to the closure."""
    first_counted = DayNumber(func.coalesce(Case.accepted_on, Case.received_on)) + 1
    after_closure = DayNumber(Case.closed_on) + 1
    c = suspended.c
    before = case(
        (
            c.first_start.is_not(None),
            Greatest(Least(first_counted, c.first_end) - c.first_start, 0),
        ),
        else_=0,
    )
    after = case(
        (c.last_end.is_not(None), Greatest(c.last_end - Greatest(after_closure, c.last_start), 0)),
        else_=0,
    )
    running = case(
        (
            c.open_start.is_not(None),
            Greatest(after_closure - Greatest(c.open_start, first_counted), 0),
        ),
        else_=0,
    )
    return case(
        (c.case_id.is_(None), 0),
        else_=func.coalesce(c.ended_days, 0) - before - after + running,
    )


@dataclass(frozen=True)
class CaseSource:
    """The cases a case figure may count (with their suspended days joined), the handling
    days of a closed case, and each figure's condition."""

    suspended: FromClause
    prefilter: ColumnElement[bool]
    closed: ColumnElement[bool]
    days: ColumnElement[int]
    predicates: Mapping[str, ColumnElement[bool]]

    def select_from(self, *columns: Any) -> Select[Any]:
        return (
            select(*columns)
            .select_from(Case)
            .outerjoin(self.suspended, self.suspended.c.case_id == Case.id)
        )


def case_source(span: Span) -> CaseSource:
    s, e = span.start, span.end
    suspended = _suspensions()
    # Every case figure's cases were received by E and not closed before S.
    prefilter = and_(Case.received_on <= e, or_(Case.closed_on.is_(None), Case.closed_on >= s))
    # "not closed or rejected" is "in an open state" (OPEN_STATUSES), in fewer comparisons
    ended_states = sorted(set(CaseStatus) - OPEN_STATUSES)
    is_open = and_(
        Case.received_on <= e,
        or_(
            Case.closed_on > e,
            and_(Case.closed_on.is_(None), Case.status.not_in(ended_states)),
        ),
    )
    closed = and_(Case.status == CaseStatus.CLOSED, Case.closed_on.between(s, e))
    on_time = and_(closed, or_(Case.due_on.is_(None), Case.closed_on <= Case.due_on))
    days = (
        DayNumber(Case.closed_on)
        - DayNumber(func.coalesce(Case.accepted_on, Case.received_on))
        - _suspended_days(suspended)
    )
    predicates: dict[str, ColumnElement[bool]] = {
        "received": Case.received_on.between(s, e),
        "accepted": Case.accepted_on.between(s, e),
        "open": is_open,
        "due_soon": and_(is_open, Case.due_on.between(e, span.soon_until)),
        "overdue": and_(is_open, Case.due_on < e),
        "closed": closed,
        "closed_on_time": on_time,
        "closed_late": and_(closed, Case.due_on.is_not(None), Case.closed_on > Case.due_on),
        "within_target": and_(closed, days <= span.target),
        "within_former": and_(closed, days <= span.former),
        "mediated": and_(closed, Case.outcome.in_(MEDIATED_OUTCOMES)),
        "mediation_success": and_(closed, Case.outcome.in_(AGREED_OUTCOMES)),
    }
    assert tuple(predicates) == CASE_KEYS
    return CaseSource(suspended, prefilter, closed, days, predicates)


def _rollup(src: FromClause, measures: Sequence[str], extra: Sequence[str] = ()) -> Select[Any]:
    """Station, office and total rows from rows at (office, station[, extra]) grain: one
    ``UNION ALL`` of three ``GROUP BY``s (stations belong to one office each)."""
    sums = [func.sum(src.c[m]).label(m) for m in measures]
    extras = [src.c[x] for x in extra]
    per_station = (
        select(
            literal_column("'station'").label("level"),
            src.c.office_id,
            src.c.station_id,
            *extras,
            *sums,
        )
        .where(src.c.station_id.is_not(None))
        .group_by(src.c.office_id, src.c.station_id, *extras)
    )
    per_office = select(
        literal_column("'office'").label("level"),
        src.c.office_id,
        _null_int().label("station_id"),
        *extras,
        *sums,
    ).group_by(src.c.office_id, *extras)
    total = select(
        literal_column("'total'").label("level"),
        _null_int().label("office_id"),
        _null_int().label("station_id"),
        *extras,
        *sums,
    )
    if extras:
        total = total.group_by(*extras)
    return union_all(per_station, per_office, total)  # type: ignore[return-value]


_Key = tuple[str, int | None, int | None]  # level, office id, station id


def _case_figures(
    session: Session, where: ColumnElement[bool], span: Span
) -> dict[_Key, dict[str, Any]]:
    out: dict[_Key, dict[str, Any]] = {}
    for row in session.execute(_case_figures_statement(where, span)).mappings():
        values: dict[str, Any] = {k: int(row[k]) for k in CASE_KEYS}
        values["median_days"] = None if row["median_days"] is None else float(row["median_days"])
        values["mean_days"] = None if row["mean_days"] is None else float(row["mean_days"])
        out[(row["level"], row["office_id"], row["station_id"])] = values
    return out


#: Case figures counted per case; the others come from the handling-days distribution.
_COUNTED_KEYS: Final = tuple(k for k in CASE_KEYS if k not in ("within_target", "within_former"))


def _case_figures_statement(where: ColumnElement[bool], span: Span) -> Select[Any]:
    """The case figures, median and mean of every unit, in one statement.

    cases (one scan) -> counts per (office, station, handling days of a closed case) ->
    per (level, unit, days) -> running sum of closed cases over the days in each unit ->
    per (level, unit): sums, the cases within 60 / 90 days, the median (positions
    ⌊(n+1)/2⌋ and ⌊n/2⌋+1 of the ordered days, found through the running sum) and the mean.
    The first grouping is by position (``GROUP BY 1, 2, 3``): PostgreSQL would not match a
    repeated expression with bound parameters.
    """
    source = case_source(span)
    grain = (
        source.select_from(
            Case.office_id.label("office_id"),
            Case.station_id.label("station_id"),
            case((source.closed, source.days), else_=None).label("days"),
            *(func.count().filter(source.predicates[k]).label(k) for k in _COUNTED_KEYS),
        )
        .where(where, source.prefilter)
        .group_by(text("1"), text("2"), text("3"))
        .cte("grain")
    )
    levels = _rollup(grain, _COUNTED_KEYS, ("days",)).subquery("levels")
    partition = [levels.c.level, levels.c.office_id, levels.c.station_id]
    windowed = select(
        levels,
        func.sum(levels.c.closed)
        .over(partition_by=partition, order_by=levels.c.days, rows=(None, 0))
        .label("running"),
        func.sum(levels.c.closed).over(partition_by=partition).label("n"),
    ).subquery("windowed")
    w = windowed.c
    n = cast(w.n, Integer)
    has_days = w.days.is_not(None)
    lower = func.min(case((and_(has_days, w.running >= (n + 1) // 2), w.days)))
    upper = func.min(case((and_(has_days, w.running >= n // 2 + 1), w.days)))
    median = cast(lower + upper, Float) / 2
    mean = cast(func.sum(w.days * w.closed), Float) / func.nullif(
        func.sum(case((has_days, w.closed), else_=0)), 0
    )

    def closed_within(days: int) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((w.days <= days, w.closed), else_=0)), 0)

    return select(
        w.level,
        w.office_id,
        w.station_id,
        *(func.coalesce(func.sum(w[k]), 0).label(k) for k in _COUNTED_KEYS),
        closed_within(span.target).label("within_target"),
        closed_within(span.former).label("within_former"),
        median.label("median_days"),
        mean.label("mean_days"),
    ).group_by(w.level, w.office_id, w.station_id)


# --------------------------------------------------------------------------- other records


def _confirmation_where(span: Span) -> dict[str, ColumnElement[bool]]:
    return {
        "confirmation_applied": Confirmation.applied_on.between(span.start, span.end),
        "confirmed": and_(
            Confirmation.decision == ConfirmationDecision.VALID,
            Confirmation.decided_on.between(span.start, span.end),
        ),
    }


def _consultation_where(span: Span) -> dict[str, ColumnElement[bool]]:
    requested = Consultation.requested_on.between(span.start, span.end)
    answered_by_e = and_(
        ConsultationRequest.answered_on.is_not(None), ConsultationRequest.answered_on <= span.end
    )
    late = and_(
        requested,
        ConsultationRequest.state != RequestState.WITHDRAWN,
        Consultation.state != ConsultationState.WITHDRAWN,
        ConsultationRequest.due_on.is_not(None),
        case(
            (answered_by_e, ConsultationRequest.answered_on > ConsultationRequest.due_on),
            else_=ConsultationRequest.due_on < span.end,
        ),
    )
    return {"consultations_requested": requested, "consultations_late": late}


def _visit_where(span: Span) -> dict[str, ColumnElement[bool]]:
    due = and_(
        FollowUpVisit.state != VisitState.CANCELLED,
        FollowUpVisit.due_on.between(span.start, span.end),
    )
    done = and_(
        due,
        FollowUpVisit.state == VisitState.DONE,
        FollowUpVisit.done_on.is_not(None),
        FollowUpVisit.done_on <= span.end,
    )
    return {"visits_due": due, "visits_done": done}


def _zeros(keys: Iterable[str], but: Mapping[str, ColumnElement[Any]]) -> list[Any]:
    return [but[k].label(k) if k in but else literal_column("0").label(k) for k in keys]


def _other_figures(
    session: Session, where: ColumnElement[bool], span: Span
) -> dict[_Key, dict[str, Any]]:
    out: dict[_Key, dict[str, Any]] = {}
    for row in session.execute(_other_figures_statement(where, span)).mappings():
        out[(row["level"], row["office_id"], row["station_id"])] = {
            k: int(row[k] or 0) for k in _OTHER_KEYS
        }
    return out


def _other_figures_statement(where: ColumnElement[bool], span: Span) -> Select[Any]:
    """Confirmations, consultation requests and follow-up visits per unit, one statement.

    Each part reads its own (smaller) table and looks its cases up by primary key. The
    ``case_id + 0`` in the joins keeps SQLite (which has no statistics unless ANALYZE ran)
    from turning that round: walking a million cases through ix_cases_dashboard and
    probing the other table for each was four times slower."""
    unit_cols = (Case.office_id.label("office_id"), Case.station_id.label("station_id"))
    conf = _confirmation_where(span)
    confirmations = (
        select(
            *unit_cols,
            *_zeros(
                _OTHER_KEYS,
                {k: func.count(func.distinct(case((p, Case.id)))) for k, p in conf.items()},
            ),
        )
        .select_from(Confirmation)
        .join(Case, Case.id == Confirmation.case_id + 0)
        .where(where, or_(*conf.values()))
        .group_by(Case.office_id, Case.station_id)
    )
    cons = _consultation_where(span)
    consultations = (
        select(
            *unit_cols,
            *_zeros(_OTHER_KEYS, {k: func.sum(_flag(p)) for k, p in cons.items()}),
        )
        .select_from(ConsultationRequest)
        .join(Consultation, Consultation.id == ConsultationRequest.consultation_id)
        .join(Case, Case.id == Consultation.case_id + 0)
        .where(where, cons["consultations_requested"])
        .group_by(Case.office_id, Case.station_id)
    )
    vis = _visit_where(span)
    visits = (
        select(
            *unit_cols,
            *_zeros(_OTHER_KEYS, {k: func.sum(_flag(p)) for k, p in vis.items()}),
        )
        .select_from(FollowUpVisit)
        .join(Case, Case.id == FollowUpVisit.case_id + 0)
        .where(where, vis["visits_due"])
        .group_by(Case.office_id, Case.station_id)
    )
    grain_rows = union_all(confirmations, consultations, visits).subquery("parts")
    grain = (
        select(
            grain_rows.c.office_id,
            grain_rows.c.station_id,
            *(func.sum(grain_rows.c[k]).label(k) for k in _OTHER_KEYS),
        )
        .group_by(grain_rows.c.office_id, grain_rows.c.station_id)
        .cte("other_grain")
    )
    return _rollup(grain, _OTHER_KEYS)


# --------------------------------------------------------------------------- figures


def figures(
    session: Session,
    actor: Actor,
    flt: DashboardFilter,
    *,
    today: dt.date | None = None,
) -> DashboardFigures:
    """Every figure of every unit in the actor's scope and the filter (two statements).

    ``today`` (default: today in Beijing) caps the reference day. Units without any case
    are listed with zeros (inactive offices and stations only when they have figures)."""
    where = filter_where(session, actor, flt)
    span = span_of(session, flt, today)
    values = _case_figures(session, where, span)
    for key, other in _other_figures(session, where, span).items():
        values.setdefault(key, {}).update(other)

    offices_q = select(Office.id, Office.code, Office.name, Office.active).order_by(Office.code)
    stations_q = select(
        Station.id, Station.code, Station.name, Station.office_id, Station.active
    ).order_by(Station.code)
    if not actor.is_citywide:
        offices_q = offices_q.where(Office.id == actor.office_id)
        stations_q = stations_q.where(Station.office_id == actor.office_id)
    if flt.office_id is not None:
        offices_q = offices_q.where(Office.id == flt.office_id)
        stations_q = stations_q.where(Station.office_id == flt.office_id)
    if flt.station_id is not None:
        stations_q = stations_q.where(Station.id == flt.station_id)
        offices_q = offices_q.where(
            Office.id
            == select(Station.office_id).where(Station.id == flt.station_id).scalar_subquery()
        )

    def make(unit: Unit, key: _Key, **names: Any) -> UnitFigures:
        return UnitFigures(unit, **names, **values.get(key, {}))

    total = make(TOTAL, ("total", None, None))
    offices = tuple(
        make(Unit("office", oid), ("office", oid, None), code=code, name=name, office_id=oid)
        for oid, code, name, active in session.execute(offices_q)
        if active or ("office", oid, None) in values
    )
    stations = tuple(
        make(
            Unit("station", sid),
            ("station", oid, sid),
            code=code,
            name=name,
            office_id=oid,
        )
        for sid, code, name, oid, active in session.execute(stations_q)
        if active or ("station", oid, sid) in values
    )
    return DashboardFigures(flt, span.end, span.target, span.former, total, offices, stations)


def figure_statements(
    session: Session, actor: Actor, flt: DashboardFilter, *, today: dt.date | None = None
) -> list[Select[Any]]:
    """The two statements :func:`figures` runs (for benchmarks and EXPLAIN)."""
    where = filter_where(session, actor, flt)
    span = span_of(session, flt, today)
    return [_case_figures_statement(where, span), _other_figures_statement(where, span)]


def drill_down(
    session: Session,
    actor: Actor,
    flt: DashboardFilter,
    figure_key: str,
    unit: Unit = TOTAL,
    *,
    today: dt.date | None = None,
) -> list[int]:
    """The ids (ascending) of exactly the cases behind ``figure_key`` of ``unit``: the
    same conditions as :func:`figures` uses, as a ``WHERE`` instead of a ``SUM``."""
    where = and_(filter_where(session, actor, flt), _unit_where(unit))
    span = span_of(session, flt, today)
    query: Select[Any]
    if figure_key in CASE_KEYS:
        source = case_source(span)
        query = source.select_from(Case.id).where(
            where, source.prefilter, source.predicates[figure_key]
        )
    elif figure_key in _CONFIRMATION_KEYS:
        query = (
            select(Case.id)
            .distinct()
            .join(Confirmation, Confirmation.case_id == Case.id)
            .where(where, _confirmation_where(span)[figure_key])
        )
    elif figure_key in _CONSULTATION_KEYS:
        query = (
            select(Case.id)
            .distinct()
            .join(Consultation, Consultation.case_id == Case.id)
            .join(ConsultationRequest, ConsultationRequest.consultation_id == Consultation.id)
            .where(where, _consultation_where(span)[figure_key])
        )
    elif figure_key in _VISIT_KEYS:
        query = (
            select(Case.id)
            .distinct()
            .join(FollowUpVisit, FollowUpVisit.case_id == Case.id)
            .where(where, _visit_where(span)[figure_key])
        )
    else:
        raise ValidationError("figure", f"未知的统计项：{figure_key}", code="unknown_figure")
    return list(session.scalars(query.order_by(Case.id)))


# --------------------------------------------------------------------------- charts


@dataclass(frozen=True)
class DashboardCharts:
    """The series the dashboard's charts draw, within the same scope and filter."""

    months: tuple[str, ...]  # YYYY-MM, every month the period touches
    received_per_month: tuple[int, ...]
    closed_per_month: tuple[int, ...]
    handling_days: tuple[tuple[int, int], ...]  # (days, closed cases), ascending
    overdue_by_office: tuple[tuple[str, str, int], ...]  # (code, name, overdue)
    ip_types: tuple[tuple[IpType, int], ...]  # cases received in the period, most first
    target_days: int = _DEFAULT_TARGET_DAYS
    as_of: dt.date | None = None


def chart_data(
    session: Session,
    actor: Actor,
    flt: DashboardFilter,
    *,
    today: dt.date | None = None,
    overdue_by_office: Sequence[UnitFigures] | None = None,
) -> DashboardCharts:
    """Monthly received and closed cases, the distribution of handling days of the cases
    closed in the period, open overdue cases per office and the IP types of the cases
    received. ``overdue_by_office``: the office rows of :func:`figures` for the same filter
    when the caller has them (else they are computed)."""
    where = filter_where(session, actor, flt)
    span = span_of(session, flt, today)
    source = case_source(span)
    preds = source.predicates
    received, closed = preds["received"], preds["closed"]
    # One scan: counts per (month received, IP type, month closed), then each series.
    grain = (
        select(
            case((received, YearMonth(Case.received_on))).label("received_month"),
            case((received, Case.ip_type)).label("ip_type"),
            case((closed, YearMonth(Case.closed_on))).label("closed_month"),
            func.count().label("n"),
        )
        .where(where, source.prefilter, or_(received, closed))
        .group_by(text("1"), text("2"), text("3"))
        .cte("chart_grain")
    )
    g = grain.c
    series: Any = union_all(
        *(
            select(literal_column(f"'{name}'").label("series"), key.label("key"), func.sum(g.n))
            .where(key.is_not(None))
            .group_by(key)
            for name, key in (
                ("received", g.received_month),
                ("closed", g.closed_month),
                ("ip_type", g.ip_type),
            )
        )
    )
    counts: dict[tuple[str, str], int] = {
        (name, str(key)): int(n) for name, key, n in session.execute(series)
    }
    months = tuple(m for m in flt.period.months() if m <= span.end.strftime("%Y-%m"))
    per_case_days = source.select_from(source.days.label("days")).where(where, closed).subquery()
    histogram = tuple(
        (int(days), int(n))
        for days, n in session.execute(
            select(per_case_days.c.days, func.count())
            .group_by(per_case_days.c.days)
            .order_by(per_case_days.c.days)
        )
    )
    ip_types = tuple(
        sorted(
            ((IpType(key), n) for (name, key), n in counts.items() if name == "ip_type"),
            key=lambda item: (-item[1], item[0].value),
        )
    )
    if overdue_by_office is None:
        overdue_by_office = figures(session, actor, flt, today=today).offices
    return DashboardCharts(
        months=months,
        received_per_month=tuple(counts.get(("received", m), 0) for m in months),
        closed_per_month=tuple(counts.get(("closed", m), 0) for m in months),
        handling_days=histogram,
        overdue_by_office=tuple((o.code, o.name, o.overdue) for o in overdue_by_office),
        ip_types=ip_types,
        target_days=span.target,
        as_of=span.end,
    )


def handling_days_bins(
    histogram: Sequence[tuple[int, int]], width: int = 10, last: int = 120
) -> list[tuple[int, int | None, int]]:
    """The handling-days distribution in bins of ``width`` days: ``(from, to, cases)``
    with ``to`` inclusive, the last bin open (``to`` None) from ``last`` days on. Every
    bin up to the last is listed, empty ones too. Works on the aggregated histogram of
    :class:`DashboardCharts` (at most a few hundred rows)."""
    counts = [0] * (last // width + 1)
    for days, n in histogram:
        counts[min(max(days, 0), last) // width] += n
    return [
        (i * width, (i + 1) * width - 1 if i * width < last else None, n)
        for i, n in enumerate(counts)
    ]
