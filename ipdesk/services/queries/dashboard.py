"""The managers' dashboard: how the offices and stations keep the 60-day promise.

:func:`figures` computes, for a :class:`DashboardFilter` (a period, optionally one office or
one station), the figures below per station, per office and for the total of the actor's
scope; :func:`drill_down` returns exactly the ids of the cases behind one number;
:func:`chart_data` the series the dashboard's charts draw. The database counts, in three
statements of aggregate queries run side by side: per station (and office without a
station) and per (station, handling days) — no case row reaches Python; Python adds these
few thousand rows up to the offices and the total and merges them with the names of the
units (see "three statements" below). Call them off the GUI thread.

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
    open (as above), not failed or withdrawn (their clock has stopped: they wait to be
    closed), and its due date — the handling limit's; before acceptance, the decision on
    acceptance's — falls within ``soon_days`` (default 15) days: ``due_on`` in
    [E, E + soon_days].
``overdue``
    open and not failed or withdrawn (as above) and ``due_on`` before E. A case whose
    clock stands still (suspended) has no due date and is neither due soon nor overdue.
    (The state is today's: a case failed or withdrawn since E is not counted.)
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
two middle values for an even count) and the mean are over the closed cases; both come
from the distribution of handling days (cases per unit and number of days, counted by the
database) in exact integer arithmetic. Cases without a station count in their office and
the total only.

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

Figures of the adjudication track (行政裁决, services/cases/adjudication.py; counted per case
unit, read from the adjudications — one row per case that chose the track, far fewer than
the cases — by both sources: the maintained summary does not keep them):

``adjudications_open``
    adjudications accepted (立案) on or before E and not decided by E, of cases not closed
    by E (nor withdrawn or rejected).
``adjudications_decided`` / ``adjudications_in_time``
    decisions made (``decided_on``) in [S, E]; and of these the ones made on or before the
    case's handling due date (the promise of 60 days, suspensions and approved extensions
    included), or while its clock stood still.

The figures describe the records as they are now: a case closed, reopened and closed again
counts with its last closure; a case's due date is its current (or final) one.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, Final, Literal

from sqlalchemy import (
    BigInteger,
    ColumnElement,
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
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import Executable
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.visitors import iterate

from ipdesk import db
from ipdesk.models import (
    OPEN_STATUSES,
    Adjudication,
    AdjustmentKind,
    Case,
    CaseStatus,
    ClockAdjustment,
    Confirmation,
    ConfirmationDecision,
    Consultation,
    ConsultationRequest,
    ConsultationState,
    DashboardSummary,
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
from ipdesk.services.actors import Actor
from ipdesk.services.cases.followups import AGREED_OUTCOMES
from ipdesk.services.cases.limits import STOPPED_STATUSES
from ipdesk.services.errors import PermissionDenied, ValidationError
from ipdesk.services.queries import dashboard_summary as summary
from ipdesk.services.rules.capabilities import GRANTS, Capability
from ipdesk.services.rules.deadlines import legal_today

__all__ = [
    "ADJUDICATION_KEYS",
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
    "drill_down_condition",
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
ADJUDICATION_KEYS: Final = (
    "adjudications_open",
    "adjudications_decided",
    "adjudications_in_time",
)
#: Every figure that is a count and can be drilled down into.
COUNT_KEYS: Final = (*CASE_KEYS, *_OTHER_KEYS, *ADJUDICATION_KEYS)

Level = Literal["total", "office", "station"]
#: Where the case figures come from: the maintained summary (services/queries/dashboard_summary.py)
#: or the cases themselves (the full computation the summary is checked against).
Source = Literal["summary", "cases"]


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


class NoIndex(FunctionElement[Any]):
    """A column's value that SQLite does not look up in an index (``+column``): keeps the
    planner from reading a table's rows through an index on a condition that selects half
    of them, when a covering index serves the whole statement. Plain on PostgreSQL, whose
    planner has statistics."""

    inherit_cache = True
    name = "no_index"

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(NoIndex)
def _no_index(element: NoIndex, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(NoIndex, "sqlite")
def _no_index_sqlite(element: NoIndex, compiler: SQLCompiler, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


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
            raise ValidationError(
                "soon_days", "“即将到期”的天数应在0到366之间", code="soon_days_range"
            )


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
    adjudications_open: int = 0
    adjudications_decided: int = 0
    adjudications_in_time: int = 0
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
    #: The distribution of the total's handling days: (days, closed cases), ascending.
    handling_days: tuple[tuple[int, int], ...] = ()

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


def _sum(value: Any) -> ColumnElement[int]:
    """SUM as an integer on both databases: PostgreSQL sums a BIGINT as NUMERIC (Decimal)."""
    return cast(func.sum(value), BigInteger)


# --------------------------------------------------------------------------- scope


_DASHBOARD_ROLES = GRANTS[Capability.DASHBOARD]


def require_dashboard(actor: Actor) -> None:
    """Refuse unless the actor may see the dashboard (see the module docstring)."""
    if actor.role not in _DASHBOARD_ROLES or (
        actor.role == Role.OFFICE_MANAGER and actor.office_id is None
    ):
        raise PermissionDenied(
            "只有裁决所负责人和市级管理人员可以查看统计分析",
            code="dashboard_denied",
            role=actor.role.value,
        )


def filter_where(
    session: Session,
    actor: Actor,
    flt: DashboardFilter,
    *,
    on: type[Case] | type[FollowUpVisit] | type[DashboardSummary] = Case,
) -> ColumnElement[bool]:
    """The actor's scope and the filter's office/station, as a condition on ``Case`` (or on
    the office and station a follow-up visit or the summary carries, ``on=FollowUpVisit``,
    ``on=DashboardSummary``); refuses actors
    without the dashboard and filters outside their scope."""
    require_dashboard(actor)
    _analytic(session.connection())
    # The dashboard's actors see the city or one office: case_scope, on either table.
    conditions = [] if actor.is_citywide else [on.office_id == actor.office_id]
    if flt.station_id is not None:
        station = session.get(Station, flt.station_id)
        if station is None:
            raise ValidationError("station", "所选站点不存在", code="unknown_station")
        if flt.office_id is not None and station.office_id != flt.office_id:
            raise ValidationError("station", "所选站点不属于所选裁决所", code="station_office")
        if not actor.is_citywide and station.office_id != actor.office_id:
            raise PermissionDenied("所选站点不在您的管辖范围内", code="station_not_yours")
        conditions.append(on.station_id == flt.station_id)
    if flt.office_id is not None:
        if not actor.is_citywide and flt.office_id != actor.office_id:
            raise PermissionDenied("所选裁决所不在您的管辖范围内", code="office_not_yours")
        conditions.append(on.office_id == flt.office_id)
    return and_(true(), *conditions)


def _analytic(conn: Connection) -> None:
    """PostgreSQL: no JIT compilation for the rest of this transaction. The dashboard's
    aggregates are expensive enough to trigger it, and compiling their hundred-odd
    expressions takes seconds — far longer than running them (measured on 1,000,000
    cases: 6.6 s with JIT, see benchmarks/bench_dashboard.py)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL jit = off"))


def _unit_where(unit: Unit) -> ColumnElement[bool]:
    if unit.level == "total":
        return true()
    if unit.id is None:
        raise ValidationError("unit", "统计单位缺少编号", code="unit_no_id")
    if unit.level == "office":
        return Case.office_id == unit.id
    if unit.level == "station":
        return Case.station_id == unit.id
    raise ValidationError(
        "unit", f"未知的统计单位：{unit.level}", code="unit_unknown", level=unit.level
    )


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


def _suspensions(where: ColumnElement[bool] | None = None) -> FromClause:
    """Per case with suspensions of its handling clock, from ``clock_adjustments`` alone
    (no join): the days of the ended suspensions, the first and the last ended one (their
    dates: the smallest and largest dates are those of the first and the last, as
    suspensions of a case do not overlap), and the start of the one still running. The
    case's dates clip them in :func:`_suspended_days`. ``where``: only these adjustments
    (the summary's contributions of a few cases). Only the sum needs day numbers per
    suspension; the dates become day numbers once per case."""
    adj = ClockAdjustment
    ended = adj.end_on.is_not(None)
    return (
        select(
            adj.case_id,
            _sum(case((ended, DayNumber(adj.end_on) - DayNumber(adj.start_on)), else_=0)).label(
                "ended_days"
            ),
            func.min(case((ended, adj.start_on))).label("first_start"),
            func.min(case((ended, adj.end_on))).label("first_end"),
            func.max(case((ended, adj.start_on))).label("last_start"),
            func.max(case((ended, adj.end_on))).label("last_end"),
            func.max(case((~ended, adj.start_on))).label("open_start"),
        )
        .where(
            adj.kind == AdjustmentKind.SUSPENSION,
            adj.limit_kind == LimitKind.HANDLING,
            where if where is not None else true(),
        )
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
            Greatest(Least(first_counted, DayNumber(c.first_end)) - DayNumber(c.first_start), 0),
        ),
        else_=0,
    )
    after = case(
        (
            c.last_end.is_not(None),
            Greatest(DayNumber(c.last_end) - Greatest(after_closure, DayNumber(c.last_start)), 0),
        ),
        else_=0,
    )
    running = case(
        (
            c.open_start.is_not(None),
            Greatest(after_closure - Greatest(DayNumber(c.open_start), first_counted), 0),
        ),
        else_=0,
    )
    return case(
        (c.case_id.is_(None), 0),
        else_=func.coalesce(c.ended_days, 0) - before - after + running,
    )


def _calendar_days() -> ColumnElement[int]:
    """Days from acceptance (receipt when none is recorded) to closure."""
    return DayNumber(Case.closed_on) - DayNumber(func.coalesce(Case.accepted_on, Case.received_on))


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
    # Failed and withdrawn cases wait to be closed, but their clock has stopped.
    running = and_(is_open, Case.status.not_in(sorted(STOPPED_STATUSES)))
    closed = and_(Case.status == CaseStatus.CLOSED, Case.closed_on.between(s, e))
    on_time = and_(closed, or_(Case.due_on.is_(None), Case.closed_on <= Case.due_on))
    days = _calendar_days() - _suspended_days(suspended)
    predicates: dict[str, ColumnElement[bool]] = {
        "received": Case.received_on.between(s, e),
        "accepted": Case.accepted_on.between(s, e),
        "open": is_open,
        "due_soon": and_(running, Case.due_on.between(e, span.soon_until)),
        "overdue": and_(running, Case.due_on < e),
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


# --------------------------------------------------------------------------- three statements
# Every figure comes from three statements with a common row layout (part, office_id,
# station_id, k, v1 .. v6), run side by side on connections of their own
# (db.read_concurrently: one snapshot on PostgreSQL, read transactions begun together on
# SQLite), so that the database works on two cores:
#
# * part 0, the case counts: one row per (office, station), a streaming GROUP BY in the
#   order of ix_cases_dashboard (no sort), two counts packed into each sum (_HIGH);
# * part 1, the distribution of handling days of the cases closed in the period: one row
#   per (unit, days), the unit and the days packed into one integer key k when the ids
#   allow (_DayKey); on SQLite the cases whose clock stood still are corrected afterwards
#   (a -1 at their calendar days, a +1 at their handling days) instead of joining the
#   suspensions to every closed case, on PostgreSQL a hash join does that;
# * part 2, confirmations, consultation requests and follow-up visits per (office,
#   station); the visits carry their case's unit and are counted from their own index.
#
# Python adds the rows of the stations up to their office and the total and takes the
# median, the mean and the shares within 60 / 90 days from the distribution (a few
# thousand (unit, days) rows): exact integer arithmetic.
#
# Measured on 1,000,000 cases with 802,402 follow-up visits, a year, on the shared 2-core
# machine (benchmarks/bench_dashboard.py). CPU per part on SQLite: case counts 0.45 s,
# handling days 0.53 s, other records 0.20 s (0.67 s while each visit looked its case
# up); PostgreSQL alike. Side by side, with the second core free: SQLite 0.64 s,
# PostgreSQL 0.89 s (one UNION ALL statement before: 1.7 s and 1.4 s); with the other
# core busy, the sum of the parts.

#: Two counts share one integer sum: the first in the low 31 bits, the second above them
#: (``1 + _HIGH`` counts a case in both). A sum of 64-bit integers is exact and a count
#: stays below 2**31 (two billion cases of one unit), so neither spills into the other;
#: half the aggregate steps per case row.
_HIGH: Final = 2**31
#: The days part of a packed key: any two dates (years 1..9999) lie less than 2**22 days
#: apart, so handling days (and the corrected ones) fit in ±2**23.
_DAY_RANGE: Final = 2**24
_DAY_OFFSET: Final = 2**23
_PART_CASES: Final = 0
_PART_DAYS: Final = 1
_PART_OTHER: Final = 2
_PART_ADJUDICATION: Final = 3
_VALUES: Final = 6  # v1 .. v6

_Key = tuple[str, int | None, int | None]  # level, office id, station id
_TOTAL_KEY: Final[_Key] = ("total", None, None)


def _joins_suspensions(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


@dataclass(frozen=True)
class _DayKey:
    """How part 1 identifies a (unit, days) pair.

    ``stations`` > 0: one integer ``((office_id * stations) + station_id + 1) * 2**24 +
    days + 2**23`` — sorting by one integer key is what SQLite does fastest (a GROUP BY of
    three columns took 1.3 times as long); usable when the largest office id times
    ``stations`` (the largest station id + 2) leaves room for the days in 63 bits.
    ``stations`` 0: three columns (office_id, station_id, days)."""

    stations: int = 0
    #: Part 1's plan (:func:`_closed_days_part`): True on PostgreSQL.
    join_suspensions: bool = False

    @classmethod
    def for_ids(cls, session: Session) -> _DayKey:
        office_max, office_min = session.execute(
            select(func.max(Office.id), func.min(Office.id))
        ).one()
        station_max, station_min = session.execute(
            select(func.max(Station.id), func.min(Station.id))
        ).one()
        stations = int(station_max or 0) + 2
        join = _joins_suspensions(session)
        if (
            min(office_min or 0, station_min or 0) >= 0
            and (int(office_max or 0) + 1) * stations * _DAY_RANGE < 2**62
        ):
            return cls(stations=stations, join_suspensions=join)
        return cls(join_suspensions=join)

    @property
    def width(self) -> int:
        """How many columns identify a (unit, days) pair: k alone, or all three."""
        return 1 if self.stations else 3

    def columns(self, days: ColumnElement[int]) -> list[ColumnElement[Any]]:
        """office_id, station_id, k for the layout of the statement."""
        if self.stations:
            unit = cast(Case.office_id, BigInteger) * _number(self.stations) + func.coalesce(
                Case.station_id + 1, 0
            )
            return [
                _null_int(),
                _null_int(),
                unit * _number(_DAY_RANGE) + (days + _number(_DAY_OFFSET)),
            ]
        return [Case.office_id.expression, Case.station_id.expression, days]

    def decode(
        self, office_id: int | None, station_id: int | None, k: int
    ) -> tuple[int | None, int | None, int]:
        """(office id, station id, days) of a row of part 1."""
        if not self.stations:
            return office_id, station_id, k
        unit, days = divmod(k, _DAY_RANGE)
        office, station = divmod(unit, self.stations)
        return office, (station - 1 if station else None), days - _DAY_OFFSET


def _layout(
    part: int, office: Any, station: Any, k: Any, values: Sequence[ColumnElement[Any]]
) -> list[Any]:
    padded = [*values, *(_null_int() for _ in range(_VALUES - len(values)))]
    return [
        literal_column(str(part)).label("part"),
        office.label("office_id"),
        station.label("station_id"),
        k.label("k"),
        *(v.label(f"v{i}") for i, v in enumerate(padded, 1)),
    ]


def _number(value: int) -> ColumnElement[int]:
    """An integer written into the SQL (PostgreSQL: a bigint where it needs one, where a
    bound parameter would be cast to integer)."""
    return literal_column(str(value), BigInteger)


def _is_any(column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """``column`` equals one of the (few) values: comparisons, which SQLite evaluates
    faster per row than an IN list (a lookup in a temporary index)."""
    return or_(*(column == v for v in values))


def _case_counts_part(where: ColumnElement[bool], span: Span) -> Select[Any]:
    """Part 0: per (office, station) five sums holding the nine case counts (on time =
    closed - late). Each condition is the figure's predicate of :func:`case_source`
    reduced by the prefilter (received on or before E; not closed, or closed on or after
    S), which the WHERE applies — tests compare every count with its drill-down."""
    s, e = span.start, span.end
    ended = sorted(set(CaseStatus) - OPEN_STATUSES)
    is_open = or_(
        Case.closed_on > e,
        and_(Case.closed_on.is_(None), *(Case.status != state for state in ended)),
    )
    closed = and_(Case.status == CaseStatus.CLOSED, Case.closed_on <= e)
    prefilter = and_(Case.received_on <= e, or_(Case.closed_on.is_(None), Case.closed_on >= s))
    running = and_(is_open, *(Case.status != state for state in sorted(STOPPED_STATUSES)))

    def if_(condition: ColumnElement[bool], value: Any) -> ColumnElement[int]:
        return case((condition, value), else_=0)

    high = _number(_HIGH)

    sums = [
        # received | accepted
        _sum(if_(Case.received_on >= s, 1) + if_(Case.accepted_on.between(s, e), high)),
        # open | overdue
        _sum(if_(is_open, 1 + if_(and_(running, Case.due_on < e), high))),
        # due soon
        _sum(if_(and_(running, Case.due_on.between(e, span.soon_until)), 1)),
        # closed | closed late
        _sum(if_(closed, 1 + if_(Case.closed_on > Case.due_on, high))),
        # mediation success | mediated
        _sum(
            if_(
                closed,
                case(
                    (_is_any(Case.outcome, AGREED_OUTCOMES), _number(1 + _HIGH)),
                    (Case.outcome == CaseStatus.FAILED, high),
                    else_=0,
                ),
            )
        ),
    ]
    return (
        select(*_layout(_PART_CASES, Case.office_id, Case.station_id, _null_int(), sums))
        .where(where, prefilter)
        .group_by(Case.office_id, Case.station_id)
    )


def _case_counts(values: Sequence[Any]) -> dict[str, int]:
    """The nine counts of part 0's sums (or of their sums over units: the packing adds up)."""
    (received, accepted), (open_, overdue), (soon, _), (closed, late), (success, mediated) = (
        divmod(int(v or 0), _HIGH)[::-1] for v in values[:5]
    )
    return {
        "received": received,
        "accepted": accepted,
        "open": open_,
        "due_soon": soon,
        "overdue": overdue,
        "closed": closed,
        "closed_on_time": closed - late,
        "closed_late": late,
        "mediated": mediated,
        "mediation_success": success,
    }


def _closed_in(where: ColumnElement[bool], span: Span) -> ColumnElement[bool]:
    """The cases closed in the period (part 1's rows), read from ix_cases_dashboard."""
    return and_(
        NoIndex(Case.status) == CaseStatus.CLOSED,  # read ix_cases_dashboard (covering)
        Case.closed_on.between(span.start, span.end),
        NoIndex(Case.received_on) <= span.end,  # the prefilter of every case figure
        where,
    )


def _closed_days_part(where: ColumnElement[bool], span: Span, key: _DayKey) -> Select[Any]:
    """Part 1: the closed cases of the period per (unit, handling days), ``v1`` the count.

    PostgreSQL: one pass over the closed cases with their suspensions (pre-aggregated per
    case, :func:`_suspensions`) in a hash join. SQLite would look every closed case up in
    an automatic index of the suspensions, which took 1.4 times as long on 1,000,000 cases
    as :func:`_closed_days_corrected`."""
    if not key.join_suspensions:
        return _closed_days_corrected(where, span, key)
    closed = _closed_in(where, span)
    suspended = _suspensions()
    days = _calendar_days() - _suspended_days(suspended)
    office, station, k = key.columns(days)
    width = key.width
    n = func.count()
    return (
        select(*_layout(_PART_DAYS, office, station, k, [n]))
        .select_from(Case)
        .outerjoin(suspended, suspended.c.case_id == Case.id)
        .where(closed)
        .group_by(*(text(str(i)) for i in range(5 - width, 5)))
    )


def _closed_days_corrected(where: ColumnElement[bool], span: Span, key: _DayKey) -> Select[Any]:
    """Part 1 on SQLite (see :func:`_closed_days_part`).

    The calendar days (closure − acceptance) of every closed case, counted per key; then,
    only for the cases with suspensions of their handling clock, a −1 at their calendar
    days and a +1 at their handling days (calendar − suspended, :func:`_suspended_days`);
    the sum per key is the distribution of handling days. Keys whose corrections cancel
    out are dropped."""
    closed = _closed_in(where, span)
    calendar = _calendar_days()
    width = key.width
    key_columns = key.columns(calendar)[-width:]
    # One row per closed case (n = 1), counted once with the corrections below: as a
    # branch of a UNION ALL the key is computed once per case (a GROUP BY of the
    # expression itself makes SQLite sort the columns it is made of and compute it again,
    # a third more time).
    raw = select(
        *(c.label(f"c{i}") for i, c in enumerate(key_columns)), literal_column("1").label("n")
    ).where(closed)
    suspended = _suspensions()
    sign = union_all(
        select(literal_column("-1").label("sign")), select(literal_column("1").label("sign"))
    ).subquery("sign")
    days = case((sign.c.sign < 0, calendar), else_=calendar - _suspended_days(suspended))
    corrections = (
        select(
            *(c.label(f"c{i}") for i, c in enumerate(key.columns(days)[-width:])),
            sign.c.sign.label("n"),
        )
        .select_from(suspended)
        .join(Case, Case.id == suspended.c.case_id)
        .join(sign, true())
        .where(closed)
    )
    both = union_all(raw, corrections).subquery("days")
    cols = [both.c[f"c{i}"] for i in range(width)]
    n = _sum(both.c.n)
    if width == 1:
        office, station, k = _null_int(), _null_int(), cols[0]
    else:
        office, station, k = cols
    return select(*_layout(_PART_DAYS, office, station, k, [n])).group_by(*cols).having(n != 0)


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


def _visit_where(span: Span, due_on: Any = FollowUpVisit.due_on) -> dict[str, ColumnElement[bool]]:
    due = and_(
        FollowUpVisit.state != VisitState.CANCELLED,
        due_on.between(span.start, span.end),
    )
    done = and_(
        due,
        FollowUpVisit.state == VisitState.DONE,
        FollowUpVisit.done_on.is_not(None),
        FollowUpVisit.done_on <= span.end,
    )
    return {"visits_due": due, "visits_done": done}


def _adjudication_where(span: Span) -> dict[str, ColumnElement[bool]]:
    e = span.end
    decided = Adjudication.decided_on.between(span.start, e)
    return {
        "adjudications_open": and_(
            Adjudication.accepted_on.is_not(None),
            Adjudication.accepted_on <= e,
            or_(Adjudication.decided_on.is_(None), Adjudication.decided_on > e),
            case(
                (Case.closed_on.is_not(None), Case.closed_on > e),
                else_=Case.status.not_in((CaseStatus.WITHDRAWN, CaseStatus.REJECTED)),
            ),
        ),
        "adjudications_decided": decided,
        "adjudications_in_time": and_(
            decided, or_(Case.due_on.is_(None), Adjudication.decided_on <= Case.due_on)
        ),
    }


def _adjudication_part(where: ColumnElement[bool], span: Span) -> Select[Any]:
    """Part 3: the adjudication track's figures per unit, from the adjudications (a small
    table) with their cases looked up by primary key, whatever the source."""
    preds = _adjudication_where(span)
    return (
        select(
            *_layout(
                _PART_ADJUDICATION,
                Case.office_id,
                Case.station_id,
                _null_int(),
                [_sum(_flag(preds[k])) for k in ADJUDICATION_KEYS],
            )
        )
        .select_from(Adjudication)
        .join(Case, Case.id == Adjudication.case_id + 0)
        .where(where, Adjudication.accepted_on.is_not(None))
        .group_by(Case.office_id, Case.station_id)
    )


def _zeros(keys: Iterable[str], but: Mapping[str, ColumnElement[Any]]) -> list[Any]:
    return [but[k].label(k) if k in but else literal_column("0").label(k) for k in keys]


def _other_part(
    where: ColumnElement[bool], visits_where: ColumnElement[bool], span: Span
) -> Select[Any]:
    """Part 2: confirmations, consultation requests and follow-up visits per unit.

    Confirmations and consultations read their own (smaller) table and look their cases
    up by primary key. The ``case_id + 0`` in the joins keeps SQLite (which has no
    statistics unless ANALYZE ran) from turning that round: walking a million cases
    through ix_cases_dashboard and probing the other table for each was four times
    slower. Visits carry their case's unit and are counted from
    ix_follow_up_visits_dashboard alone (``visits_where``: :func:`filter_where` on them)."""
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
            *_zeros(_OTHER_KEYS, {k: _sum(_flag(p)) for k, p in cons.items()}),
        )
        .select_from(ConsultationRequest)
        .join(Consultation, Consultation.id == ConsultationRequest.consultation_id)
        .join(Case, Case.id == Consultation.case_id + 0)
        .where(where, cons["consultations_requested"])
        .group_by(Case.office_id, Case.station_id)
    )
    vis = _visit_where(span, NoIndex(FollowUpVisit.due_on))  # read the covering index
    visits = (
        select(
            FollowUpVisit.office_id.label("office_id"),
            FollowUpVisit.station_id.label("station_id"),
            *_zeros(_OTHER_KEYS, {k: _sum(_flag(p)) for k, p in vis.items()}),
        )
        .where(visits_where, vis["visits_due"])
        .group_by(FollowUpVisit.office_id, FollowUpVisit.station_id)
    )
    parts = union_all(confirmations, consultations, visits).subquery("parts")
    return select(
        *_layout(
            _PART_OTHER,
            parts.c.office_id,
            parts.c.station_id,
            _null_int(),
            [_sum(parts.c[k]) for k in _OTHER_KEYS],
        )
    ).group_by(parts.c.office_id, parts.c.station_id)


def _figure_parts(
    where: ColumnElement[bool], visits_where: ColumnElement[bool], span: Span, key: _DayKey
) -> list[Select[Any]]:
    return [
        _case_counts_part(where, span),
        _closed_days_part(where, span, key),
        _other_part(where, visits_where, span),
        _adjudication_part(where, span),
    ]


def _levels(office: int | None, station: int | None) -> list[_Key]:
    """The rows a unit's figures add to: the total, its office, its station (if any)."""
    keys: list[_Key] = [_TOTAL_KEY, ("office", office, None)]
    if station is not None:
        keys.append(("station", office, station))
    return keys


def _days_figures(histogram: Mapping[int, int], span: Span) -> dict[str, Any]:
    """Median (the mean of the two middle values for an even count), mean and the cases
    within 60 / 90 days of a distribution of handling days {days: cases}."""
    items = sorted(histogram.items())
    # One pass: the running count at each number of days (the shares within 60 / 90 days
    # are running counts), the sum of days.
    n = total_days = within_target = within_former = 0
    cumulative = []
    for days, count in items:
        n += count
        total_days += days * count
        cumulative.append(n)
        if days <= span.target:
            within_target = n
        if days <= span.former:
            within_former = n
    out: dict[str, Any] = {
        "within_target": within_target,
        "within_former": within_former,
        "median_days": None,
        "mean_days": None,
    }
    if n <= 0:
        return out
    lower_rank, upper_rank = (n + 1) // 2, n // 2 + 1
    lower = items[bisect_left(cumulative, lower_rank)][0]
    upper = items[bisect_left(cumulative, upper_rank)][0]
    out["median_days"] = (lower + upper) / 2
    out["mean_days"] = total_days / n
    return out


def _figure_values(
    session: Session, parts: Sequence[Select[Any]], span: Span, key: _DayKey
) -> tuple[dict[_Key, dict[str, Any]], dict[int, int]]:
    """The figures per unit (key), and the distribution of the total's handling days."""
    packed: dict[_Key, list[int]] = {}
    histograms: dict[_Key, dict[int, int]] = {}
    other: dict[_Key, list[int]] = {}
    adjudicated: dict[_Key, list[int]] = {}
    rows = chain.from_iterable(db.read_concurrently(session, parts, prepare=_analytic))
    per_unit: dict[tuple[int | None, int | None], dict[int, int]] = {}
    for part, office_id, station_id, k, *values in rows:
        if part == _PART_DAYS:
            office_id, station_id, days = key.decode(office_id, station_id, int(k))
            histogram = per_unit.setdefault((office_id, station_id), {})
            histogram[days] = histogram.get(days, 0) + int(values[0])
            continue
        target = (
            packed if part == _PART_CASES else adjudicated if part == _PART_ADJUDICATION else other
        )
        ints = [int(v or 0) for v in values]
        for level in _levels(office_id, station_id):
            sums = target.setdefault(level, [0] * _VALUES)
            for i, v in enumerate(ints):
                sums[i] += v
    # The units' distributions added up to their office and the total, a unit at a time.
    for (office_id, station_id), unit_histogram in per_unit.items():
        for level in _levels(office_id, station_id):
            if level[0] == "station":
                histograms[level] = unit_histogram
                continue
            histogram = histograms.setdefault(level, {})
            for days, count in unit_histogram.items():
                histogram[days] = histogram.get(days, 0) + count
    out: dict[_Key, dict[str, Any]] = {}
    for level in packed.keys() | histograms.keys() | other.keys() | adjudicated.keys():
        figures_ = out.setdefault(level, {})
        if level in packed:
            figures_.update(_case_counts(packed[level]))
        figures_.update(_days_figures(histograms.get(level, {}), span))
        if level in other:
            figures_.update(zip(_OTHER_KEYS, other[level], strict=False))
        if level in adjudicated:
            figures_.update(zip(ADJUDICATION_KEYS, adjudicated[level], strict=False))
    return out, histograms.get(_TOTAL_KEY, {})


# --------------------------------------------------------------------------- figures


def figures(
    session: Session,
    actor: Actor,
    flt: DashboardFilter,
    *,
    today: dt.date | None = None,
    source: Source = "summary",
) -> DashboardFigures:
    """Every figure of every unit in the actor's scope and the filter.

    Its statements run side by side on connections of their own (db.read_concurrently),
    or in the session when it holds changes not yet committed. ``today`` (default: today
    in Beijing) caps the reference day. Units without any case
    are listed with zeros (inactive offices and stations only when they have figures)."""
    span = span_of(session, flt, today)
    key = _DayKey() if source == "summary" else _DayKey.for_ids(session)
    values, histogram = _figure_values(
        session, _statements(session, actor, flt, span, key, source), span, key
    )

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

    total = make(TOTAL, _TOTAL_KEY)
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
    return DashboardFigures(
        flt,
        span.end,
        span.target,
        span.former,
        total,
        offices,
        stations,
        tuple(sorted(histogram.items())),
    )


def figure_statements(
    session: Session,
    actor: Actor,
    flt: DashboardFilter,
    *,
    today: dt.date | None = None,
    source: Source = "summary",
) -> list[Select[Any]]:
    """The statements :func:`figures` runs (for benchmarks and EXPLAIN)."""
    span = span_of(session, flt, today)
    key = _DayKey() if source == "summary" else _DayKey.for_ids(session)
    return _statements(session, actor, flt, span, key, source)


def _statements(
    session: Session,
    actor: Actor,
    flt: DashboardFilter,
    span: Span,
    key: _DayKey,
    source: Source = "cases",
) -> list[Select[Any]]:
    where = filter_where(session, actor, flt)
    visits_where = filter_where(session, actor, flt, on=FollowUpVisit)
    if source == "cases":
        return _figure_parts(where, visits_where, span, key)
    on_summary = filter_where(session, actor, flt, on=DashboardSummary)
    kept_soon = flt.soon_days == summary.SOON_DAYS
    parts = _summary_parts(on_summary, span, due_soon=kept_soon)
    if not kept_soon:
        parts[0] = union_all(parts[0], _due_soon_part(where, span)).subquery().select()
    return [*parts, _summary_other(on_summary, span), _adjudication_part(where, span)]


# --------------------------------------------------------------------------- from the summary
# The same rows as parts 0 and 1 (case counts per unit, handling days per unit and days),
# summed from dashboard_summary (services/queries/dashboard_summary.py): a period from the month
# rows of its whole months and the day rows of the days around them, a running count
# (open, overdue, due soon on E) from the changes up to E. Each range is a range of the
# table's primary key (kind, day, ...).

_S = DashboardSummary.__table__.c


def _ranges(
    kind: int, span: Span, *, running: bool = False, years: bool = True
) -> list[summary.Range]:
    today = legal_today()
    if running:
        return summary.prefix_ranges(kind, span.end, today=today)
    return summary.day_ranges(kind, span.start, span.end, today=today, years=years)


def _signed(value: Any, sign: int) -> Any:
    """A value linear in the rows' ``n``, for rows added (+1) or taken away (-1)."""
    return value if sign > 0 else -value


def _summary_parts(
    where: ColumnElement[bool], span: Span, *, due_soon: bool = True
) -> list[Select[Any]]:
    s, e = span.start, span.end
    high = _number(_HIGH)
    zero: ColumnElement[int] = literal_column("0", Integer)
    n = _S.n

    def flag(bit: int, value: Any) -> ColumnElement[int]:
        return case((_S.flags.op("&")(bit) != 0, value), else_=0)

    counted: list[tuple[int, bool, tuple[Any, ...], list[Any]]] = [
        (summary.RECEIVED, False, (_S.hi >= s,), [n, zero, zero, zero, zero]),
        (summary.ACCEPTED, False, (_S.hi >= s,), [n * high, zero, zero, zero, zero]),
        (summary.OPEN, True, (), [zero, n, zero, zero, zero]),
        (summary.OVERDUE, True, (), [zero, n * high, zero, zero, zero]),
        (summary.DUE_SOON, True, (), [zero, zero, n, zero, zero]),
        (
            summary.CLOSED,
            False,
            (_S.lo <= e,),
            [
                zero,
                zero,
                zero,
                n + flag(summary.FLAG_LATE, n * high),
                flag(summary.FLAG_AGREED, n) + flag(summary.FLAG_MEDIATED, n * high),
            ],
        ),
    ]
    rows = [
        select(
            _S.office_id,
            _S.station_id,
            *(_signed(v, sign).label(f"v{i}") for i, v in enumerate(values, 1)),
        ).where(_S.kind == k, _S.day.between(a, b), where, *extra)
        for kind, running, extra, values in counted
        if due_soon or kind != summary.DUE_SOON
        for k, a, b, sign in _ranges(kind, span, running=running)
    ]
    both = union_all(*rows).subquery("counted")
    counts = select(
        *_layout(
            _PART_CASES,
            both.c.office_id,
            func.nullif(both.c.station_id, 0),
            _null_int(),
            [_sum(both.c[f"v{i}"]) for i in range(1, 6)],
        )
    ).group_by(both.c.office_id, both.c.station_id)
    day_rows = [
        select(_S.office_id, _S.station_id, _S.days, _signed(_S.n, sign).label("n")).where(
            _S.kind == k, _S.day.between(a, b), _S.lo <= e, where
        )
        for k, a, b, sign in _ranges(summary.CLOSED_DAYS, span)
    ]
    days = union_all(*day_rows).subquery("closed_days")
    total = _sum(days.c.n)
    histogram = (
        select(
            *_layout(
                _PART_DAYS,
                days.c.office_id,
                func.nullif(days.c.station_id, 0),
                days.c.days,
                [total],
            )
        )
        .group_by(days.c.office_id, days.c.station_id, days.c.days)
        .having(total != 0)
    )
    return [counts, histogram]


def _summary_other(where: ColumnElement[bool], span: Span) -> Select[Any]:
    """Part 2 from the summary: confirmations and consultation requests in the unit of
    their case, follow-up visits in their own (the kinds of services/queries/dashboard_summary.py,
    each figure's conditions as in :func:`_other_part`)."""
    s, e = span.start, span.end
    zero: ColumnElement[int] = literal_column("0", Integer)
    n = _S.n

    def at(i: int, value: Any) -> list[Any]:
        return [value if j == i else zero for j in range(_VALUES)]

    counted: list[tuple[list[summary.Range], tuple[Any, ...], list[Any]]] = [
        (_ranges(summary.CONF_APPLIED, span), (_S.lo <= e,), at(0, n)),
        (_ranges(summary.CONF_CONFIRMED, span), (_S.lo <= e,), at(1, n)),
        (_ranges(summary.CONSULTATION_REQUESTED, span), (), at(2, n)),
        (_ranges(summary.CONSULTATION_LATE, span), (_S.lo <= e,), at(3, n)),
        (_ranges(summary.VISIT_DUE, span), (), at(4, n)),
        (_ranges(summary.VISIT_DONE, span), (), at(5, n)),
        (
            summary.suffix_ranges(summary.VISIT_DONE_AFTER, e, today=legal_today()),
            (_S.lo.between(s, e),),
            at(5, -n),
        ),
    ]
    rows = [
        select(
            _S.office_id,
            _S.station_id,
            *(_signed(v, sign).label(f"v{i}") for i, v in enumerate(values, 1)),
        ).where(_S.kind == k, _S.day.between(a, b), where, *extra)
        for ranges, extra, values in counted
        for k, a, b, sign in ranges
    ]
    both = union_all(*rows).subquery("other")
    return select(
        *_layout(
            _PART_OTHER,
            both.c.office_id,
            func.nullif(both.c.station_id, 0),
            _null_int(),
            [_sum(both.c[f"v{i}"]) for i in range(1, _VALUES + 1)],
        )
    ).group_by(both.c.office_id, both.c.station_id)


def _due_soon_part(where: ColumnElement[bool], span: Span) -> Select[Any]:
    """Due soon for a window the summary does not keep, from the cases (through the index
    of their due dates: the window's cases only)."""
    source = case_source(span)
    zero: ColumnElement[int] = literal_column("0", Integer)
    return (
        select(
            *_layout(
                _PART_CASES,
                Case.office_id,
                Case.station_id,
                _null_int(),
                [zero, zero, func.count(), zero, zero],
            )
        )
        .where(where, source.prefilter, source.predicates["due_soon"])
        .group_by(Case.office_id, Case.station_id)
    )


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
    condition = drill_down_condition(session, actor, flt, figure_key, unit, today=today)
    return list(session.scalars(select(Case.id).where(condition).order_by(Case.id)))


def drill_down_condition(
    session: Session,
    actor: Actor,
    flt: DashboardFilter,
    figure_key: str,
    unit: Unit = TOTAL,
    *,
    today: dt.date | None = None,
) -> ColumnElement[bool]:
    """A condition on :class:`Case` keeping exactly the cases :func:`drill_down` lists: the
    case list shows a drill-down by it (its first rows at once, in its own order), not by
    a list of hundreds of thousands of ids fetched first.

    A figure of the cases' own columns is their condition itself; one that reads the
    suspensions (handling days) or other tables is ``Case.id IN`` its query."""
    where = and_(filter_where(session, actor, flt), _unit_where(unit))
    span = span_of(session, flt, today)
    query: Select[Any]
    if figure_key in CASE_KEYS:
        source = case_source(span)
        predicate = source.predicates[figure_key]
        if not _reads(predicate, source.suspended):
            # the suspensions' join (one row a case at most) changes no row
            return and_(where, source.prefilter, predicate)
        query = source.select_from(Case.id).where(where, source.prefilter, predicate)
    elif figure_key in _CONFIRMATION_KEYS:
        query = (
            select(Case.id)
            .join(Confirmation, Confirmation.case_id == Case.id)
            .where(where, _confirmation_where(span)[figure_key])
        )
    elif figure_key in _CONSULTATION_KEYS:
        query = (
            select(Case.id)
            .join(Consultation, Consultation.case_id == Case.id)
            .join(ConsultationRequest, ConsultationRequest.consultation_id == Consultation.id)
            .where(where, _consultation_where(span)[figure_key])
        )
    elif figure_key in ADJUDICATION_KEYS:
        query = (
            select(Case.id)
            .join(Adjudication, Adjudication.case_id == Case.id)
            .where(where, _adjudication_where(span)[figure_key])
        )
    elif figure_key in _VISIT_KEYS:
        query = (
            select(Case.id)
            .join(FollowUpVisit, FollowUpVisit.case_id == Case.id)
            .where(where, _visit_where(span)[figure_key])
        )
    else:
        raise ValidationError(
            "figure", f"未知的统计项：{figure_key}", code="unknown_figure", figure=figure_key
        )
    # its own cases, not the outer statement's (which is on the cases too)
    return Case.id.in_(query.correlate(None))


def _reads(condition: ColumnElement[bool], selectable: Any) -> bool:
    """Whether ``condition`` reads a column of ``selectable``."""
    return any(getattr(element, "table", None) is selectable for element in iterate(condition))


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
    known: DashboardFigures | None = None,
    source: Source = "summary",
) -> DashboardCharts:
    """Monthly received and closed cases, the distribution of handling days of the cases
    closed in the period, open overdue cases per office and the IP types of the cases
    received. ``known``: what :func:`figures` returned for the same filter, when the caller
    has it (the distribution and the overdue cases come from there; else it is computed)."""
    if known is None:
        known = figures(session, actor, flt, today=today, source=source)
    elif known.filter != flt:
        raise ValueError("the figures passed to chart_data are of another filter")
    where = filter_where(session, actor, flt)
    span = span_of(session, flt, today)
    s, e = span.start, span.end
    # The conditions of "received" and "closed" (case_source), on columns SQLite must read
    # from ix_cases_dashboard (covering) instead of looking rows up through an index of
    # one of them: on 1,000,000 cases 2.0 s -> 0.4 + 0.25 s, run side by side.
    received_on, closed_on = NoIndex(Case.received_on), NoIndex(Case.closed_on)
    received = and_(where, received_on.between(s, e), or_(closed_on.is_(None), closed_on >= s))
    closed = and_(
        where,
        NoIndex(Case.status) == CaseStatus.CLOSED,
        closed_on.between(s, e),
        received_on <= e,
    )
    monthly: Sequence[Executable] = [
        select(YearMonth(Case.received_on), Case.ip_type, func.count())
        .where(received)
        .group_by(text("1"), text("2")),
        select(YearMonth(Case.closed_on), func.count()).where(closed).group_by(text("1")),
    ]
    if source == "summary":
        monthly = _summary_monthly(filter_where(session, actor, flt, on=DashboardSummary), span)
    received_rows, closed_rows = db.read_concurrently(session, monthly, prepare=_analytic)
    received_per: Counter[str] = Counter()
    per_type: Counter[IpType] = Counter()
    for month, ip_type, n in received_rows:
        received_per[month] += n
        per_type[IpType(ip_type)] += n
    closed_per: dict[str, int] = {month: n for month, n in closed_rows}
    months = tuple(m for m in flt.period.months() if m <= span.end.strftime("%Y-%m"))
    return DashboardCharts(
        months=months,
        received_per_month=tuple(received_per[m] for m in months),
        closed_per_month=tuple(closed_per.get(m, 0) for m in months),
        handling_days=known.handling_days,
        overdue_by_office=tuple((o.code, o.name, o.overdue) for o in known.offices),
        ip_types=tuple(sorted(per_type.items(), key=lambda item: (-item[1], item[0].value))),
        target_days=span.target,
        as_of=span.end,
    )


def _summary_monthly(where: ColumnElement[bool], span: Span) -> list[Select[Any]]:
    """chart_data's two statements on the summary: received per month and IP type,
    closed per month."""
    received = union_all(
        *(
            select(
                YearMonth(_S.day).label("month"), _S.ip_type, _signed(_S.n, sign).label("n")
            ).where(_S.kind == k, _S.day.between(a, b), _S.hi >= span.start, where)
            for k, a, b, sign in _ranges(summary.RECEIVED, span, years=False)
        )
    ).subquery("received")
    closed = union_all(
        *(
            select(YearMonth(_S.day).label("month"), _signed(_S.n, sign).label("n")).where(
                _S.kind == k, _S.day.between(a, b), _S.lo <= span.end, where
            )
            for k, a, b, sign in _ranges(summary.CLOSED, span, years=False)
        )
    ).subquery("closed")
    return [
        select(received.c.month, received.c.ip_type, _sum(received.c.n))
        .group_by(received.c.month, received.c.ip_type)
        .having(_sum(received.c.n) != 0),
        select(closed.c.month, _sum(closed.c.n))
        .group_by(closed.c.month)
        .having(_sum(closed.c.n) != 0),
    ]


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
