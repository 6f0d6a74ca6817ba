"""The dashboard's maintained summary: what services/queries/dashboard.py counts over every case,
kept as counts per unit, day and key in ``dashboard_summary``, in the transaction of every
change that moves them.

What a case contributes
-----------------------
One definition, :func:`contributions`, says which rows a case adds to the summary; the
summary is the sum of the contributions of all cases. Every write keeps that true:

* every ORM flush (every workflow path: registration, acceptance, mediation, closure,
  transfer, corrections, clock adjustments, limit refreshes, imports): the listeners
  below take the contribution of each case the flush touches (a change of one of
  :data:`TRACKED` or of its clock adjustments) away before the flush writes it — the
  database still holds the old state — and add the new one after;
* ORM-enabled ``session.execute(update|delete|insert)`` on cases and clock adjustments: the
  same around the statement;
* writes around the ORM (bulk loads, the limit refresh's UPDATE): their caller wraps them
  in :func:`changing` (cases whose rows change) or calls :func:`add_cases` (new cases);
* a bulk load that at least doubles the cases (the demo's) may instead run in
  :func:`deferred`: no maintenance while it writes, one computation from scratch at its
  end, and :func:`repair` at the next start-up if it was killed in between.

``ipdesk-admin summary rebuild`` computes the summary from scratch; ``summary verify``
compares it with that computation and names the first difference. Migrations 0008 and
0011 filled it with their own frozen copy of :func:`rebuild`'s SQL: a change of
:func:`contributions` needs a migration that computes the summary again the same way.

The kinds (``kind``; ``kind + MONTH`` the same counts per month, ``day`` the month's first)
------------------------------------------------------------------------------------------
``RECEIVED``  day = received_on, with ip_type; ``hi`` the closure day when the case was
              closed before it was received (else a far future): received in [S, E] is
              day in [S, E] and hi >= S (the figures' prefilter).
``ACCEPTED``  day = accepted_on; ``hi`` the closure day when before it (accepted_on >=
              received_on is a constraint of the table).
``CLOSED``    day = closed_on of a case closed (status ``closed``), with its ``flags``
              (late, mediated, agreed); ``lo`` the receipt when after the closure (else a
              far past): closed in [S, E] is day in [S, E] and lo <= E.
``CLOSED_DAYS`` the same cases with their handling ``days`` (the dashboard's own
              expression, suspensions clipped): the histograms.
``OPEN``, ``OVERDUE``, ``DUE_SOON``  changes of a running count: the figure on day E is
              the sum of ``n`` up to E. A case is open on the days [received_on,
              closed_on) (without closed_on: from receipt on, when in an open state);
              overdue on those days after its due date when its clock runs (not failed
              or withdrawn); due soon on those days within DEFAULT_SOON_DAYS before its
              due date, the due date included. A +1 on the first day, a −1 on the day
              after the last.

A period sums whole months from the month rows and the days at its ends from the day
rows; a running count sums the month rows of every month that ended by E and the day
rows of E's month.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final
from weakref import WeakSet

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Date,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    and_,
    case,
    cast,
    delete,
    event,
    func,
    insert,
    inspect,
    literal,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstanceState, ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql import visitors
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import Delete, Insert, Update
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.util import ClauseAdapter

from ipdesk.dialects import postgresql, sqlite
from ipdesk.models import (
    OPEN_STATUSES,
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
    RequestState,
    VisitState,
)
from ipdesk.services.cases.followups import AGREED_OUTCOMES
from ipdesk.services.cases.limits import STOPPED_STATUSES

log = logging.getLogger(__name__)

__all__ = [
    "MONTH",
    "PENDING",
    "SOON_DAYS",
    "Difference",
    "add_cases",
    "changing",
    "changing_due_dates",
    "contributions",
    "day_ranges",
    "deferred",
    "prefix_ranges",
    "rebuild",
    "repair",
    "suffix_ranges",
    "verify",
]

RECEIVED: Final = 1
ACCEPTED: Final = 2
CLOSED: Final = 3
OPEN: Final = 4
OVERDUE: Final = 5
DUE_SOON: Final = 6
CLOSED_DAYS: Final = 7
# Other records, counted in the unit of their case (visits: their own unit).
CONF_APPLIED: Final = 21
CONF_CONFIRMED: Final = 22
CONSULTATION_REQUESTED: Final = 23
CONSULTATION_LATE: Final = 24
VISIT_DUE: Final = 25
VISIT_DONE: Final = 26
VISIT_DONE_AFTER: Final = 27
#: ``kind + MONTH``: the kind's counts per month (``day``: the month's first day).
MONTH: Final = 10
#: ``kind + YEAR``: the kind's counts per year (``day``: the year's first day).
YEAR: Final = 100
#: The "due soon" window the summary keeps (the dashboard's default).
SOON_DAYS: Final = 15

FLAG_LATE: Final = 1
FLAG_MEDIATED: Final = 2
FLAG_AGREED: Final = 4

FAR_PAST: Final = dt.date(1, 1, 1)
FAR_FUTURE: Final = dt.date(9999, 12, 31)


def _table(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_STOPPED: Final = tuple(sorted(STOPPED_STATUSES))  # clocks stopped, not yet closed
_MEDIATED: Final = (*AGREED_OUTCOMES, CaseStatus.FAILED)
#: Columns of a case that move its contribution (its office and station too).
TRACKED: Final = (
    "office_id",
    "station_id",
    "office",
    "station",
    "status",
    "outcome",
    "ip_type",
    "received_on",
    "accepted_on",
    "closed_on",
    "due_on",
)

_SUMMARY: Final = _table(DashboardSummary)
_KEYS: Final = ("kind", "day", "office_id", "station_id", "days", "flags", "ip_type", "lo", "hi")


# --------------------------------------------------------------------------- SQL helpers


class AddDays(FunctionElement[dt.date]):
    """A date plus a (literal) number of days."""

    type = Date()
    inherit_cache = True
    name = "add_days"

    def __init__(self, day: Any, days: int) -> None:
        super().__init__(day, literal_column(str(int(days))))


@compiles(AddDays, "sqlite")
def _add_days_sqlite(element: AddDays, compiler: SQLCompiler, **kw: Any) -> str:
    day, days = list(element.clauses)
    return f"date({compiler.process(day, **kw)}, '{int(str(days)):+d} day')"


@compiles(AddDays)
def _add_days(element: AddDays, compiler: SQLCompiler, **kw: Any) -> str:
    day, days = list(element.clauses)
    return f"({compiler.process(day, **kw)} + {int(str(days))})"


class MonthStart(FunctionElement[dt.date]):
    type = Date()
    inherit_cache = True
    name = "month_start"


@compiles(MonthStart, "sqlite")
def _month_start_sqlite(element: MonthStart, compiler: SQLCompiler, **kw: Any) -> str:
    return f"(substr({compiler.process(element.clauses, **kw)}, 1, 7) || '-01')"


@compiles(MonthStart)
def _month_start(element: MonthStart, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(date_trunc('month', {compiler.process(element.clauses, **kw)}) AS DATE)"


class YearStart(FunctionElement[dt.date]):
    type = Date()
    inherit_cache = True
    name = "year_start"


@compiles(YearStart, "sqlite")
def _year_start_sqlite(element: YearStart, compiler: SQLCompiler, **kw: Any) -> str:
    return f"(substr({compiler.process(element.clauses, **kw)}, 1, 4) || '-01-01')"


@compiles(YearStart)
def _year_start(element: YearStart, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(date_trunc('year', {compiler.process(element.clauses, **kw)}) AS DATE)"


class LaterDay(FunctionElement[dt.date]):
    """The later of dates (none NULL)."""

    type = Date()
    inherit_cache = True
    name = "later_day"


@compiles(LaterDay, "sqlite")
def _later_sqlite(element: LaterDay, compiler: SQLCompiler, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(LaterDay)
def _later(element: LaterDay, compiler: SQLCompiler, **kw: Any) -> str:
    return f"GREATEST({compiler.process(element.clauses, **kw)})"


class EarlierDay(FunctionElement[dt.date]):
    """The earlier of dates (none NULL)."""

    type = Date()
    inherit_cache = True
    name = "earlier_day"


@compiles(EarlierDay, "sqlite")
def _earlier_sqlite(element: EarlierDay, compiler: SQLCompiler, **kw: Any) -> str:
    return f"min({compiler.process(element.clauses, **kw)})"


@compiles(EarlierDay)
def _earlier(element: EarlierDay, compiler: SQLCompiler, **kw: Any) -> str:
    return f"LEAST({compiler.process(element.clauses, **kw)})"


def _date(value: dt.date) -> ColumnElement[dt.date]:
    return literal(value, Date)


# --------------------------------------------------------------------------- contributions


def contributions(
    case_ids: Sequence[int] | None = None,
    *,
    above: int | None = None,
    sign: int = 1,
    kinds: Collection[int] | None = None,
    days_only: bool = False,
) -> Select[Any]:
    """The summary rows of the cases ``case_ids`` (or of those with ids above ``above``;
    all: neither), with their confirmations, consultations and follow-up visits, grouped
    by key, every grain (``days_only``: the days'), ``n`` times ``sign``. ``kinds``: only
    the rows of these of a case's own kinds (``RECEIVED`` .. ``CLOSED_DAYS``; then none
    of the other records')."""
    from ipdesk.services.queries.dashboard import _calendar_days, _suspended_days, _suspensions

    def of(column: Any) -> ColumnElement[bool]:
        if case_ids is not None:
            return column.in_(list(case_ids))
        if above is not None:
            return column > above
        return true()

    where = of(Case.id)
    adjustment_where = of(ClockAdjustment.case_id)
    station = func.coalesce(Case.station_id, 0)
    closed_on, received_on, due_on = Case.closed_on, Case.received_on, Case.due_on

    def row(
        kind: int,
        day: Any,
        n: int,
        *conditions: ColumnElement[bool],
        days: Any = 0,
        flags: Any = 0,
        ip_type: Any = "",
        lo: Any = FAR_PAST,
        hi: Any = FAR_FUTURE,
        joined: Any = None,
    ) -> Select[Any] | None:
        if kinds is not None and kind not in kinds:
            return None

        def value(v: Any, type_: Any) -> Any:
            return literal(v, type_) if isinstance(v, int | str | dt.date) else v

        query = select(
            literal_column(str(kind), Integer).label("kind"),
            day.label("day"),
            Case.office_id.label("office_id"),
            station.label("station_id"),
            value(days, Integer).label("days"),
            value(flags, Integer).label("flags"),
            value(ip_type, String).label("ip_type"),
            value(lo, Date).label("lo"),
            value(hi, Date).label("hi"),
            literal_column(str(n), Integer).label("n"),
        )
        if joined is not None:
            query = query.select_from(joined)
        return query.where(where, *conditions)

    suspended = _suspensions(adjustment_where)
    days = _calendar_days() - _suspended_days(suspended)
    late = and_(due_on.is_not(None), closed_on > due_on)
    flags = (
        case((late, FLAG_LATE), else_=0)
        + case((Case.outcome.in_(_MEDIATED), FLAG_MEDIATED), else_=0)
        + case((Case.outcome.in_(AGREED_OUTCOMES), FLAG_AGREED), else_=0)
    )
    # Open on the days [received_on, closed_on): any case with a closure day; without
    # one, a case in an open state, from receipt on.
    may_be_open = or_(closed_on.is_not(None), Case.status.in_(sorted(OPEN_STATUSES)))
    running = and_(may_be_open, Case.status.not_in(_STOPPED), due_on.is_not(None))
    overdue_from = LaterDay(received_on, AddDays(due_on, 1))
    soon_from = LaterDay(received_on, AddDays(due_on, -SOON_DAYS))
    soon_until = EarlierDay(AddDays(due_on, 1), func.coalesce(closed_on, AddDays(due_on, 1)))
    is_closed = and_(Case.status == CaseStatus.CLOSED, closed_on.is_not(None))
    closed_lo = case((received_on > closed_on, received_on), else_=_date(FAR_PAST))
    ended_after = or_(closed_on.is_(None), closed_on > received_on)
    parts = [
        row(
            RECEIVED,
            received_on,
            1,
            ip_type=cast(Case.ip_type, String),
            hi=case((closed_on < received_on, closed_on), else_=_date(FAR_FUTURE)),
        ),
        row(
            ACCEPTED,
            Case.accepted_on,
            1,
            Case.accepted_on.is_not(None),
            hi=case((closed_on < Case.accepted_on, closed_on), else_=_date(FAR_FUTURE)),
        ),
        row(CLOSED, closed_on, 1, is_closed, flags=flags, lo=closed_lo),
        row(
            CLOSED_DAYS,
            closed_on,
            1,
            is_closed,
            days=days,
            lo=closed_lo,
            joined=Case.__table__.outerjoin(suspended, suspended.c.case_id == Case.id),
        ),
        row(OPEN, received_on, 1, may_be_open, ended_after),
        row(OPEN, closed_on, -1, closed_on > received_on),
        row(
            OVERDUE,
            overdue_from,
            1,
            running,
            or_(closed_on.is_(None), closed_on > overdue_from),
        ),
        row(OVERDUE, closed_on, -1, running, closed_on > overdue_from),
        row(DUE_SOON, soon_from, 1, running, soon_until > soon_from),
        row(DUE_SOON, soon_until, -1, running, soon_until > soon_from),
    ]
    chosen = [p for p in parts if p is not None]
    if kinds is None:
        chosen.extend(_other_records(of))
    every = union_all(*chosen).cte("contribution")
    c = every.c
    keys = [c[k] for k in _KEYS[2:]]
    n = func.sum(c.n) * sign
    by_day = (
        select(c.kind, c.day, *keys, n.label("n"))
        .group_by(c.kind, c.day, *keys)
        .having(func.sum(c.n) != 0)
    )
    if days_only:
        return select(by_day.subquery("rows"))
    by_month = (
        select((c.kind + MONTH).label("kind"), MonthStart(c.day).label("day"), *keys, n.label("n"))
        .group_by(c.kind, MonthStart(c.day), *keys)
        .having(func.sum(c.n) != 0)
    )
    by_year = (
        select((c.kind + YEAR).label("kind"), YearStart(c.day).label("day"), *keys, n.label("n"))
        .group_by(c.kind, YearStart(c.day), *keys)
        .having(func.sum(c.n) != 0)
    )
    return select(union_all(by_day, by_month, by_year).subquery("rows"))


def _other_records(of: Callable[[Any], ColumnElement[bool]]) -> list[Select[Any]]:
    """The rows of confirmations, consultation requests and follow-up visits (``of``: the
    restriction to some cases, on a case id column)."""

    def row(
        kind: int,
        day: Any,
        n: int,
        office: Any,
        station: Any,
        *conditions: ColumnElement[bool],
        lo: Any = None,
    ) -> Select[Any]:
        return select(
            literal_column(str(kind), Integer).label("kind"),
            day.label("day"),
            office.label("office_id"),
            func.coalesce(station, 0).label("station_id"),
            literal(0, Integer).label("days"),
            literal(0, Integer).label("flags"),
            literal("", String).label("ip_type"),
            (lo if lo is not None else _date(FAR_PAST)).label("lo"),
            _date(FAR_FUTURE).label("hi"),
            literal_column(str(n), Integer).label("n"),
        ).where(*conditions)

    out: list[Select[Any]] = []
    # Distinct cases over a period: each case's dates in order, +1 for each and -1 for
    # each pair of consecutive ones (day = the first, lo = the second): the dates of a
    # case inside [S, E] are a run, and a run of m dates has m - 1 pairs.
    for kind, day_column, chosen in (
        (CONF_APPLIED, Confirmation.applied_on, Confirmation.applied_on.is_not(None)),
        (
            CONF_CONFIRMED,
            Confirmation.decided_on,
            and_(
                Confirmation.decision == ConfirmationDecision.VALID,
                Confirmation.decided_on.is_not(None),
            ),
        ),
    ):
        dated = (
            select(
                Confirmation.case_id.label("case_id"),
                day_column.label("day"),
                func.lead(day_column)
                .over(partition_by=Confirmation.case_id, order_by=day_column)
                .label("next_day"),
            )
            .where(chosen, of(Confirmation.case_id))
            .subquery()
        )
        joined = dated.join(Case, Case.id == dated.c.case_id)
        out.append(row(kind, dated.c.day, 1, Case.office_id, Case.station_id).select_from(joined))
        out.append(
            row(
                kind,
                dated.c.day,
                -1,
                Case.office_id,
                Case.station_id,
                dated.c.next_day.is_not(None),
                lo=dated.c.next_day,
            ).select_from(joined)
        )
    consultation_of = and_(
        Consultation.id == ConsultationRequest.consultation_id,
        Case.id == Consultation.case_id,
        of(Consultation.case_id),
    )
    out.append(
        row(
            CONSULTATION_REQUESTED,
            Consultation.requested_on,
            1,
            Case.office_id,
            Case.station_id,
            consultation_of,
        )
    )
    # Late on day E: due before E, and not answered by its due day (an answer after the
    # due day is late from the day after the due day on, as no answer is).
    req = ConsultationRequest
    out.append(
        row(
            CONSULTATION_LATE,
            Consultation.requested_on,
            1,
            Case.office_id,
            Case.station_id,
            consultation_of,
            req.state != RequestState.WITHDRAWN,
            Consultation.state != ConsultationState.WITHDRAWN,
            req.due_on.is_not(None),
            or_(req.answered_on.is_(None), req.answered_on > req.due_on),
            lo=AddDays(req.due_on, 1),
        )
    )
    visit = FollowUpVisit
    due = and_(visit.state != VisitState.CANCELLED, of(visit.case_id))
    done = and_(due, visit.state == VisitState.DONE, visit.done_on.is_not(None))
    out.append(row(VISIT_DUE, visit.due_on, 1, visit.office_id, visit.station_id, due))
    out.append(row(VISIT_DONE, visit.due_on, 1, visit.office_id, visit.station_id, done))
    # Done after its due day: on a day E before that, not yet done (day = done, lo = due).
    out.append(
        row(
            VISIT_DONE_AFTER,
            visit.done_on,
            1,
            visit.office_id,
            visit.station_id,
            done,
            visit.done_on > visit.due_on,
            lo=visit.due_on,
        )
    )
    return out


def _upsert(connection: Connection, rows: Select[Any]) -> None:
    """Add ``rows`` (the layout of :func:`contributions`) to the summary."""
    columns = [*_KEYS, "n"]
    # In the keys' order: two writers that add to the same keys lock them in the same
    # order (PostgreSQL), rather than each waiting for the other's (a deadlock).
    source = (
        select(*(rows.selected_columns[k] for k in columns))
        .where(true())
        .order_by(*(rows.selected_columns[k] for k in _KEYS))
    )
    if connection.dialect.name == "postgresql":
        pg = postgresql.insert(_SUMMARY).from_select(columns, source)
        statement: Any = pg.on_conflict_do_update(
            index_elements=list(_KEYS), set_={"n": _SUMMARY.c.n + pg.excluded.n}
        )
    else:
        lite = sqlite.insert(_SUMMARY).from_select(columns, source)
        statement = lite.on_conflict_do_update(
            index_elements=list(_KEYS), set_={"n": _SUMMARY.c.n + lite.excluded.n}
        )
    connection.execute(statement)


def _apply(connection: Connection, case_ids: Iterable[int], sign: int) -> None:
    ids = sorted(set(case_ids))
    for first in range(0, len(ids), 500):
        chunk = ids[first : first + 500]
        _upsert(connection, contributions(chunk, sign=sign))


def add_cases(connection: Connection, above_id: int) -> None:
    """Add the contributions of the cases with ids above ``above_id`` (new rows written
    around the ORM, e.g. a bulk load: they have none yet)."""
    if _present(connection):
        _upsert(connection, contributions(above=above_id))


@contextmanager
def changing(
    session_or_connection: Session | Connection, case_ids: Iterable[int]
) -> Iterator[None]:
    """The cases ``case_ids`` change in the block around the ORM: their contributions
    are taken away before it and added again after it."""
    connection = (
        session_or_connection.connection()
        if isinstance(session_or_connection, Session)
        else session_or_connection
    )
    ids = sorted(set(case_ids))
    if not ids or not _present(connection):
        yield
        return
    _apply(connection, ids, -1)
    yield
    _apply(connection, ids, 1)


#: The kinds whose rows depend on a case's due date (``cases.due_on``): the closure's late
#: flag, the overdue and the due-soon counts. A change of due dates moves only these.
DUE_KINDS: Final = frozenset({CLOSED, OVERDUE, DUE_SOON})

_DELTA: Final = Table(
    "ipdesk_summary_delta",
    MetaData(),
    *(Column(k, _SUMMARY.c[k].type) for k in _KEYS),
    Column("n", BigInteger),
    prefixes=["TEMPORARY"],
)


@contextmanager
def changing_due_dates(connection: Connection, case_ids: Select[Any]) -> Iterator[None]:
    """The cases that ``case_ids`` (a query of case ids) selects change their due dates in
    the block, and nothing else that the summary counts (a rule or holiday change; the
    query must select the same cases before and after the block). One grouped subtract
    and add: their rows of :data:`DUE_KINDS` before the block and after it are summed by
    key in a temporary table, and only the keys whose count changes are written, in one
    statement (the rows of the other kinds are not computed; those of the days the new
    due dates leave alone are computed twice and cancel out, not rewritten)."""
    if not _present(connection):
        yield
        return
    if connection.dialect.name == "postgresql":
        # Given here, not in the Table: a PostgreSQL option imports its dialect's package.
        _DELTA.dialect_kwargs["postgresql_on_commit"] = "DROP"
    _DELTA.create(connection, checkfirst=True)
    connection.execute(delete(_DELTA))
    columns = [*_KEYS, "n"]
    connection.execute(insert(_DELTA).from_select(columns, _due_rows(case_ids, -1)))
    yield
    connection.execute(insert(_DELTA).from_select(columns, _due_rows(case_ids, 1)))
    keys = [_DELTA.c[k] for k in _KEYS]
    net = func.sum(_DELTA.c.n)
    grouped = select(*keys, net.label("n")).group_by(*keys).having(net != 0)
    _upsert(connection, select(grouped.subquery("net")))
    connection.execute(delete(_DELTA))


def _due_rows(case_ids: Select[Any], sign: int) -> Select[Any]:
    """:func:`contributions` of :data:`DUE_KINDS` of the cases ``case_ids`` selects, each
    read once: the columns it reads of the chosen cases, looked up by their keys, in a
    common table expression that takes the place of ``cases`` in every part (five; each
    part's own condition over ``cases`` made PostgreSQL scan every case, or its key
    index, once a part: 2.5 s at 200,000 cases for 17,000 chosen)."""
    table = _table(Case)
    read = ["id", *(k for k in TRACKED if k in table.c)]
    chosen = select(*(table.c[k] for k in read)).where(table.c.id.in_(case_ids)).cte("chosen")
    rows = ClauseAdapter(chosen).traverse(contributions(kinds=DUE_KINDS, sign=sign))
    # Every column of cases left is one that the common table expression reads.
    left = {e.name for e in visitors.iterate(rows) if isinstance(e, Column) and e.table is table}
    if not left <= set(read):  # pragma: no cover - a change of contributions()
        raise AssertionError(f"contributions() reads cases.{sorted(left - set(read))}")
    return rows


def _present(connection: Connection) -> bool:
    """Whether writes on ``connection`` maintain the summary: the database has it (not
    before migration 0008) and its engine is not in a :func:`deferred` block."""
    if connection.engine in _DEFERRED:
        return False
    key = "ipdesk_dashboard_summary"
    found = connection.info.get(key)
    if found is None:
        found = inspect(connection).has_table(_SUMMARY.name)
        if found:  # once there, it stays (a downgrade drops it with the connection's pool)
            connection.info[key] = True
    return bool(found)


# --------------------------------------------------------------------------- deferred


#: The engines whose writes leave the summary to a computation from scratch (:func:`deferred`).
_DEFERRED: Final[WeakSet[Engine]] = WeakSet()
#: ``kind`` of the marker row of a summary waiting for its computation (no real kind is 0;
#: the dashboard reads none but its own kinds, :func:`verify` reports it as a difference).
PENDING: Final = 0


@contextmanager
def deferred(engine: Engine) -> Iterator[None]:
    """Writes through ``engine`` in the block leave the summary alone, and it is computed
    from scratch when the block ends, also when it raises: for a bulk load that at least
    doubles the cases (the demo's), where one computation costs less than maintaining the
    summary chunk by chunk. Meanwhile the dashboard shows the figures of before the load.
    A marker row, committed first, records that the summary waits for its computation:
    :func:`repair` (every start-up) computes it if the process was killed in the block."""
    with engine.begin() as connection:
        present = _present(connection)
        if present:
            connection.execute(delete(_SUMMARY).where(_SUMMARY.c.kind == PENDING))
            connection.execute(
                insert(_SUMMARY).values(
                    kind=PENDING,
                    day=FAR_PAST,
                    office_id=0,
                    station_id=0,
                    days=0,
                    flags=0,
                    ip_type="",
                    lo=FAR_PAST,
                    hi=FAR_FUTURE,
                    n=1,
                )
            )
    if not present:
        yield
        return
    _DEFERRED.add(engine)
    try:
        yield
    finally:
        _DEFERRED.discard(engine)
        with engine.begin() as connection:
            rebuild(connection)


def repair(engine: Engine) -> bool:
    """Compute the summary from scratch if a :func:`deferred` block was killed before it
    did (its marker row is still there); whether it did."""
    with engine.begin() as connection:
        if not _present(connection):
            return False
        pending = connection.execute(
            select(_SUMMARY.c.kind).where(_SUMMARY.c.kind == PENDING).limit(1)
        ).first()
        if pending is None:
            return False
        log.warning("A load stopped before computing the dashboard summary: computing it")
        rebuild(connection)
        return True


# --------------------------------------------------------------------------- rebuild, verify


def rebuild(connection: Connection) -> int:
    """Compute the summary from scratch (removing a :func:`deferred` block's marker); the
    rows written. The cases' contributions are grouped once, by day; the months' rows are
    the sums of the days' rows written, the years' those of the months': sorting every
    contribution three times (once a grain, as :func:`contributions` does) took 1.1 s of
    CPU at 20,000 cases on SQLite, the day rows and then the sums of sums 0.8 s."""
    connection.execute(delete(_SUMMARY))
    with _sqlite_cache(connection, _REBUILD_CACHE_KIB):
        _upsert(connection, contributions(days_only=True))
        _upsert(connection, _coarser(_DAY_KINDS, MONTH, MonthStart))
        _upsert(connection, _coarser([k + MONTH for k in _DAY_KINDS], YEAR - MONTH, YearStart))
    return int(connection.scalar(select(func.count()).select_from(_SUMMARY)) or 0)


#: SQLite's page cache during a rebuild (KiB): its sorts keep that much in memory before
#: they spill to temporary files, and the summary's index is written through it (the
#: default 2 MiB: 15 % more CPU at 20,000 cases).
_REBUILD_CACHE_KIB: Final = 64 * 1024


@contextmanager
def _sqlite_cache(connection: Connection, kib: int) -> Iterator[None]:
    """On SQLite, a page cache of ``kib`` KiB on ``connection`` in the block (then its
    own again); elsewhere nothing."""
    if connection.dialect.name != "sqlite":
        yield
        return
    saved = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(saved or 0)}")


#: The kinds of the days' rows (``kind + MONTH`` and ``kind + YEAR`` are their sums).
_DAY_KINDS: Final = (
    RECEIVED,
    ACCEPTED,
    CLOSED,
    OPEN,
    OVERDUE,
    DUE_SOON,
    CLOSED_DAYS,
    CONF_APPLIED,
    CONF_CONFIRMED,
    CONSULTATION_REQUESTED,
    CONSULTATION_LATE,
    VISIT_DUE,
    VISIT_DONE,
    VISIT_DONE_AFTER,
)


def _coarser(kinds: Sequence[int], step: int, start: type[FunctionElement[dt.date]]) -> Select[Any]:
    """The summary's rows of ``kinds`` summed by the ``start`` of their day (a month's or
    a year's first day), as the kinds plus ``step``: a sum of sums, as a key's count is
    the sum of its contributions (a day's row dropped for its zero count adds nothing)."""
    s = _SUMMARY.c
    keys = [s[k] for k in _KEYS[2:]]
    n = func.sum(s.n)
    grouped = (
        select((s.kind + step).label("kind"), start(s.day).label("day"), *keys, n.label("n"))
        .where(s.kind.in_(kinds))
        .group_by(s.kind, start(s.day), *keys)
        .having(n != 0)
    )
    return select(grouped.subquery("coarser"))


@dataclass(frozen=True)
class Difference:
    """A key whose count in the summary differs from the computation from scratch."""

    key: dict[str, Any]
    stored: int
    computed: int

    def __str__(self) -> str:
        keys = ", ".join(f"{k}={v}" for k, v in self.key.items())
        return (
            f"dashboard summary differs at {keys}: stored {self.stored}, computed {self.computed}"
        )


def verify(connection: Connection, *, limit: int = 1) -> list[Difference]:
    """The first ``limit`` keys whose stored count differs from the computation."""
    fresh = contributions().subquery("fresh")
    stored = select(
        *(_SUMMARY.c[k] for k in _KEYS),
        _SUMMARY.c.n.label("stored"),
        literal_column("0").label("computed"),
    ).where(_SUMMARY.c.n != 0)
    computed = select(
        *(fresh.c[k] for k in _KEYS),
        literal_column("0").label("stored"),
        fresh.c.n.label("computed"),
    )
    both = union_all(stored, computed).subquery("both")
    keys = [both.c[k] for k in _KEYS]
    rows = connection.execute(
        select(*keys, func.sum(both.c.stored), func.sum(both.c.computed))
        .group_by(*keys)
        .having(func.sum(both.c.stored) != func.sum(both.c.computed))
        .order_by(*keys)
        .limit(limit)
    )
    return [
        Difference(dict(zip(_KEYS, row[: len(_KEYS)], strict=True)), int(row[-2]), int(row[-1]))
        for row in rows
    ]


# --------------------------------------------------------------------------- queries


#: A range of summary rows to add up: (kind of the grain, first day, last day, sign).
Range = tuple[int, dt.date, dt.date, int]

# Relative cost of reading one block of rows of each grain (rows per block at 1,000,000
# cases: a day's few hundred, a month's several thousand, a year's ~16 times a day's).
_DAY_COST: Final = 1.0
_MONTH_COST: Final = 6.0
_YEAR_COST: Final = 16.0
#: Days after today hold (nearly) no rows of the dated kinds.
_FUTURE_DAY_COST: Final = 0.05


class _Plan:
    """Signed blocks (grain, first, last, sign) covering some days, and their cost."""

    def __init__(self, today: dt.date | None) -> None:
        self.today = today
        self.blocks: list[tuple[str, dt.date, dt.date, int]] = []
        self.cost = 0.0

    def days(self, first: dt.date, last: dt.date, sign: int) -> None:
        if first > last:
            return
        self.blocks.append(("day", first, last, sign))
        n = (last - first).days + 1
        if self.today is not None and last > self.today:
            future = (last - max(first, self.today + dt.timedelta(days=1))).days + 1
            self.cost += (n - future) * _DAY_COST + future * _FUTURE_DAY_COST
        else:
            self.cost += n * _DAY_COST

    def extend(self, other: _Plan) -> None:
        self.blocks.extend(other.blocks)
        self.cost += other.cost


def _month_end(day: dt.date) -> dt.date:
    return _next_month(day) - dt.timedelta(days=1)


def _in_month(first: dt.date, last: dt.date, sign: int, today: dt.date | None) -> _Plan:
    """[first, last] within one month: its days, or the month minus the days outside."""
    plain = _Plan(today)
    plain.days(first, last, sign)
    whole = _Plan(today)
    whole.blocks.append(("month", first.replace(day=1), first.replace(day=1), sign))
    whole.cost += _MONTH_COST
    whole.days(first.replace(day=1), first - dt.timedelta(days=1), -sign)
    whole.days(last + dt.timedelta(days=1), _month_end(first), -sign)
    return plain if plain.cost <= whole.cost else whole


def _in_year(
    first: dt.date, last: dt.date, sign: int, today: dt.date | None, *, years: bool
) -> _Plan:
    """[first, last] within one year: month by month, or (``years``) the year minus what
    lies outside, whichever reads fewer rows."""
    plan = _Plan(today)
    month = first
    while month <= last:
        plan.extend(_in_month(month, min(last, _month_end(month)), sign, today))
        month = _next_month(month)
    if not years:
        return plan
    start, end = first.replace(month=1, day=1), first.replace(month=12, day=31)
    whole = _Plan(today)
    whole.blocks.append(("year", start, start, sign))
    whole.cost += _YEAR_COST
    if start < first:
        whole.extend(_in_year(start, first - dt.timedelta(days=1), -sign, today, years=False))
    if last < end:
        whole.extend(_in_year(last + dt.timedelta(days=1), end, -sign, today, years=False))
    return plan if plan.cost <= whole.cost else whole


def _kinds(kind: int, plan: _Plan) -> list[Range]:
    grain = {"day": 0, "month": MONTH, "year": YEAR}
    return [(kind + grain[g], a, b, sign) for g, a, b, sign in plan.blocks]


def day_ranges(
    kind: int,
    start: dt.date,
    end: dt.date,
    *,
    today: dt.date | None = None,
    years: bool = True,
) -> list[Range]:
    """The signed ranges of rows whose sum is the kind's count over [start, end]: whole
    years, months and days, or a year or month minus the days outside the period,
    whichever reads fewer rows (days after ``today`` hold few). ``years`` False: months
    and days only (what is summed per month)."""
    plan = _Plan(today)
    year = start.year
    while year <= end.year:
        first = max(start, dt.date(year, 1, 1))
        last = min(end, dt.date(year, 12, 31))
        plan.extend(_in_year(first, last, 1, today, years=years))
        year += 1
    return _kinds(kind, plan)


def prefix_ranges(kind: int, end: dt.date, *, today: dt.date | None = None) -> list[Range]:
    """The signed ranges of rows whose sum is the kind's running count on ``end``: the
    year rows of the years before, and ``end``'s year up to ``end``."""
    plan = _Plan(today)
    if end.year > 1:
        plan.blocks.append(("year", FAR_PAST, dt.date(end.year - 1, 1, 1), 1))
    plan.extend(_in_year(dt.date(end.year, 1, 1), end, 1, today, years=True))
    return _kinds(kind, plan)


def suffix_ranges(kind: int, after: dt.date, *, today: dt.date | None = None) -> list[Range]:
    """The signed ranges of rows of the days after ``after``."""
    plan = _Plan(today)
    if after.month != 12 or after.day != 31:
        plan.extend(
            _in_year(
                after + dt.timedelta(days=1), after.replace(month=12, day=31), 1, today, years=True
            )
        )
    if after.year < 9999:
        plan.blocks.append(("year", dt.date(after.year + 1, 1, 1), FAR_FUTURE, 1))
    return _kinds(kind, plan)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


# --------------------------------------------------------------------------- listeners


_PENDING_KEY: Final = "ipdesk_summary_pending"


#: Records with a ``case_id`` whose changes move their case's contribution.
_CASE_RECORDS: Final = (ClockAdjustment, Confirmation, Consultation, FollowUpVisit)
#: Their tables, and the consultations' requests (by their consultation).
_TABLES: Final = (
    "cases",
    "clock_adjustments",
    "confirmations",
    "consultations",
    "consultation_requests",
    "follow_up_visits",
)


def sa_inspect(obj: object) -> InstanceState[Any]:
    state: InstanceState[Any] = inspect(obj)
    return state


def _request_cases(session: Session, requests: Iterable[ConsultationRequest]) -> set[int]:
    """The cases of these consultation requests (their consultation's, old and new)."""
    ids: set[int] = set()
    consultation_ids: set[int] = set()
    for request in requests:
        history = inspect(request).attrs["consultation_id"].history
        consultation_ids.update(
            v for v in (*history.added, *history.deleted, *history.unchanged) if v
        )
        consultation = request.__dict__.get("consultation")
        if consultation is not None and consultation.case_id:
            ids.add(consultation.case_id)
    if consultation_ids:
        ids.update(
            session.connection()
            .execute(
                select(Consultation.case_id).where(Consultation.id.in_(sorted(consultation_ids)))
            )
            .scalars()
        )
    return ids


def _case_ids_touched(session: Session) -> set[int]:
    ids: set[int] = set()
    requests = [
        o
        for o in (*session.dirty, *session.deleted, *session.new)
        if isinstance(o, ConsultationRequest)
    ]
    if requests:
        ids |= _request_cases(session, requests)
    for obj in session.dirty:
        if isinstance(obj, Case):
            state = inspect(obj)
            if state.identity is not None and any(
                state.attrs[k].history.has_changes() for k in TRACKED
            ):
                ids.add(obj.id)
        elif isinstance(obj, _CASE_RECORDS):
            history = sa_inspect(obj).attrs["case_id"].history
            ids.update(v for v in (*history.added, *history.deleted, *history.unchanged) if v)
    for obj in session.deleted:
        if isinstance(obj, Case) and inspect(obj).identity is not None:
            ids.add(obj.id)
        elif isinstance(obj, _CASE_RECORDS) and obj.case_id:
            ids.add(obj.case_id)
    for obj in session.new:
        if isinstance(obj, _CASE_RECORDS):
            case_id = obj.case_id or getattr(obj.__dict__.get("case"), "id", None)
            if case_id:
                ids.add(case_id)
    return ids


def _before_flush(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    ids = _case_ids_touched(session)
    has_new = any(isinstance(o, Case) for o in session.new)
    if not ids and not has_new:
        return
    connection = session.connection()
    if not _present(connection):
        return
    _apply(connection, ids, -1)
    session.info[_PENDING_KEY] = ids


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    ids: set[int] = session.info.pop(_PENDING_KEY, set())
    ids.update(o.id for o in session.new if isinstance(o, Case) and o.id is not None)
    if ids and _present(session.connection()):
        _apply(session.connection(), ids, 1)


def _on_execute(state: ORMExecuteState) -> Any:
    statement = state.statement
    if not isinstance(statement, Update | Delete | Insert):
        return None
    table = statement.table
    if not isinstance(table, Table) or table.name not in _TABLES:
        return None
    session = state.session
    connection = session.connection()
    if not _present(connection):
        return None
    if session.autoflush and (session.new or session.dirty or session.deleted):
        # The statement would flush them (moving contributions) between the two halves
        # of changing() below: flush first.
        session.flush()
    params = state.parameters
    if isinstance(statement, Insert):
        if table.name == "cases":
            above = connection.scalar(select(func.coalesce(func.max(Case.id), 0)))
            result = state.invoke_statement()
            add_cases(connection, int(above or 0))
            return result
        rows = params if isinstance(params, Sequence) else [params or {}]
        key = "consultation_id" if table.name == "consultation_requests" else "case_id"
        ids = {int(r[key]) for r in rows if isinstance(r, dict) and r.get(key)}
        if key == "consultation_id" and ids:
            ids = set(
                connection.execute(
                    select(Consultation.case_id).where(Consultation.id.in_(sorted(ids)))
                ).scalars()
            )
    else:
        query: Select[Any]
        if table.name == "cases":
            query = select(table.c.id)
        elif table.name == "consultation_requests":
            query = select(Consultation.case_id).join(
                table, table.c.consultation_id == Consultation.id
            )
        else:
            query = select(table.c.case_id)
        if statement.whereclause is not None:
            query = query.where(statement.whereclause)
        bind = dict(params) if isinstance(params, dict) else {}
        ids = {int(v) for v in connection.execute(query, bind).scalars()}
    with changing(connection, ids):
        return state.invoke_statement()


event.listen(Session, "before_flush", _before_flush)
event.listen(Session, "after_flush", _after_flush)
event.listen(Session, "do_orm_execute", _on_execute)
