"""Alerts: derived from the running limits by a scan, listed per user, acknowledged.

The scan compares every running limit whose due date is near (or past) with "now" and
makes sure an alert row exists for the limit's current threshold:

* ``warn:N`` from N days before the due day (N from the rule's ``warn_days``, "15,5"),
* ``due`` on the due day, ``overdue`` from the day after.

Only the current (most urgent) threshold is raised. Paused limits (suspended cases) raise
nothing. Rows are unique per (limit, threshold, due date) and written with
``INSERT ... ON CONFLICT``, so scans of several clients on one database, at the same time
or not, create every alert once; a second scan at the same moment creates none. An alert
withdrawn because its limit moved and that applies again later (the due date moved back)
is raised again on the same row.

Who sees which alerts: a mediator those of the cases assigned to them; an office manager
those of the office's cases (unassigned ones included); city managers and administrators
all. Overdue alerts are *escalated*: flagged and listed first. Station staff have none.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import logging
import operator
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    bindparam,
    case,
    exists,
    false,
    func,
    literal,
    literal_column,
    null,
    select,
    true,
    type_coerce,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, aliased

from ipdesk.dialects import postgresql, sqlite
from ipdesk.models import Alert, Case, CaseLimit, LimitKind, LimitRule, LimitState, Role, User
from ipdesk.models.base import UTCDateTime, utcnow
from ipdesk.services.actors import Actor
from ipdesk.services.cases.limits import (
    DUE,
    OVERDUE,
    WARN_PREFIX,
    LimitContext,
    open_limits,
    parse_warn_days,
)
from ipdesk.services.errors import IllegalTransition, NotFound, PermissionDenied
from ipdesk.services.rules.deadlines import legal_today

log = logging.getLogger(__name__)

__all__ = [
    "AlertInfo",
    "NewAlert",
    "ScanResult",
    "acknowledge_alert",
    "acknowledge_alerts",
    "count_unacknowledged",
    "list_alerts",
    "scan_alerts",
]
DEFAULT_PAGE = 500


# --------------------------------------------------------------------------- the scan


class NewAlert(NamedTuple):
    """An alert a scan created. A named tuple, not a dataclass: a first scan makes tens of
    thousands (61,000 on the 1,000,000-case demo), and a tuple is one small object made at
    C speed (a frozen dataclass: two objects and a ``__setattr__`` per field), which also
    spares the garbage collector a full pass."""

    alert_id: int
    case_id: int
    case_number: str
    kind: LimitKind
    threshold: str
    due: dt.date

    def as_dict(self) -> dict[str, Any]:
        return {
            "case": self.case_number,
            "kind": self.kind.value,
            "threshold": self.threshold,
            "due": self.due.isoformat(),
        }


@dataclass(frozen=True)
class ScanResult:
    now: dt.datetime
    examined: int  # running limits due within the warning horizon, or overdue
    created: int
    alerts: tuple[NewAlert, ...]  # the ones created by this scan
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """The JSON document of ``ipdesk-admin scan --json``."""
        return {
            "now": self.now.isoformat(),
            "examined": self.examined,
            "created": self.created,
            "alerts": [a.as_dict() for a in self.alerts],
        }


def _warnings_by_kind(
    session: Session, context: LimitContext | None = None
) -> dict[LimitKind, Sequence[int]]:
    """The warning thresholds (days before the due day, ``warn_days``) of each kind of
    limit that has a rule: ``context``'s when given, else read from the rules alone (the
    scan needs no holiday calendar, which LimitContext.load reads too)."""
    if context is not None:
        return {kind: context.warn_days(kind) for kind in context.rules}
    rules = session.execute(select(LimitRule.kind, LimitRule.warn_days))
    return {kind: parse_warn_days(warn_days) for kind, warn_days in rules}


def expected_threshold(
    warn_days: Mapping[LimitKind, Sequence[int]], today: dt.date
) -> ColumnElement[str | None]:
    """:func:`~ipdesk.services.cases.limits.threshold_for` as SQL over ``case_limits``: the
    threshold a limit has reached on ``today`` under its kind's rule (``warn_days``: see
    :func:`_warnings_by_kind`), NULL for none."""
    per_kind = []
    for kind, days in warn_days.items():
        warn = sorted(days)  # the nearest threshold wins: smallest first
        if warn:
            per_kind.append(
                (
                    CaseLimit.kind == kind,
                    case(
                        *(
                            (CaseLimit.due_on <= today + dt.timedelta(days=n), f"{WARN_PREFIX}{n}")
                            for n in warn
                        ),
                        else_=null(),
                    ),
                )
            )
    return case(
        (CaseLimit.due_on < today, OVERDUE),
        (CaseLimit.due_on == today, DUE),
        *per_kind,
        else_=null(),
    )


def scan_alerts(
    session: Session,
    now: dt.datetime | None = None,
    *,
    context: LimitContext | None = None,
) -> ScanResult:
    """Create the alerts that are due at ``now`` (default: the current time).

    Run it in its own transaction and commit; safe to run concurrently from several
    clients. One ``INSERT ... SELECT`` compares the running limits due by today + the
    largest warning threshold (a range of the partial index ``ix_case_limits_open``, read
    from the index alone) with their current alerts and inserts the missing ones; the work
    stays in the database and is proportional to the open limits near their due date.
    The new alerts' case numbers and kinds are then read by key (PostgreSQL: in the same
    statement).
    """
    started = time.perf_counter()
    now = now or utcnow()
    today = legal_today(now)
    warn_days = _warnings_by_kind(session, context)
    # The most days before a due date at which any rule warns (LimitContext.horizon_days).
    horizon = today + dt.timedelta(
        days=max((max(w, default=0) for w in warn_days.values()), default=0)
    )
    # Every column read below is in ix_case_limits_open; its condition is written out as
    # the index's (open_limits()), with the running state literal too.
    due_by_horizon = and_(
        open_limits(),
        CaseLimit.state == literal_column(f"'{LimitState.RUNNING.value}'"),
        CaseLimit.due_on.is_not(None),
        CaseLimit.due_on <= horizon,
    )
    near = (
        and_(due_by_horizon, CaseLimit.kind.in_(list(warn_days)))
        if set(LimitKind) - set(warn_days)
        else due_by_horizon
    )
    connection = session.connection()
    examined = connection.scalar(select(func.count()).select_from(CaseLimit).where(near)) or 0
    expected = expected_threshold(warn_days, today)
    current = exists().where(
        Alert.limit_id == CaseLimit.id,
        Alert.threshold == expected,
        Alert.due_on == CaseLimit.due_on,
        Alert.withdrawn_at.is_(None),
    )
    # The limits whose current threshold has no alert that applies.
    missing = select(
        CaseLimit.case_id,
        CaseLimit.id.label("limit_id"),
        expected.label("threshold"),
        CaseLimit.due_on,
        CaseLimit.kind,
    ).where(near, expected.is_not(None), ~current)
    alerts = tuple(_insert(connection, missing, literal(utcnow(), UTCDateTime())))
    result = ScanResult(now, examined, len(alerts), alerts, time.perf_counter() - started)
    log.info(
        "Alert scan at %s: %d examined, %d created in %.3f s",
        now.isoformat(),
        result.examined,
        result.created,
        result.seconds,
    )
    return result


_INSERT_COLUMNS = ("case_id", "limit_id", "threshold", "due_on", "created_at")

#: The order of the created alerts: due date, case number, kind, threshold (a kind is a
#: ``StrEnum``: it sorts as its value).
_ORDER = operator.itemgetter(5, 2, 3, 4)


def _upsert(dialect: str) -> Any:
    """``INSERT INTO alerts ... ON CONFLICT``: a withdrawn alert that applies again is
    raised again on its row; an alert that exists is left alone."""
    if dialect == "postgresql":
        stmt: Any = postgresql.insert(Alert)
    elif dialect == "sqlite":
        stmt = sqlite.insert(Alert)
    else:  # pragma: no cover - the program supports these two
        raise RuntimeError(f"unsupported database {dialect}")
    return stmt.on_conflict_do_update(
        index_elements=[Alert.limit_id, Alert.threshold, Alert.due_on],
        set_={
            "withdrawn_at": None,
            "acknowledged_at": None,
            "acknowledged_by_id": None,
            "created_at": stmt.excluded.created_at,
        },
        where=Alert.withdrawn_at.is_not(None),
    )


@contextmanager
def _without_jit(connection: Connection) -> Iterator[None]:
    """PostgreSQL's JIT compiler off for the block. The planner prices the lookups per
    returned row as if the CTE returned tens of thousands of rows; above ``jit_above_cost``
    it compiles the statement, which costs more than running it (0.6 s of a 1.0 s scan at
    200,000 cases)."""
    previous = connection.exec_driver_sql(
        "SELECT current_setting('jit'), set_config('jit', 'off', true)"
    ).scalar()
    yield
    # (After an error the transaction is rolled back, and the local setting with it.)
    connection.execute(select(func.set_config("jit", bindparam("previous", previous), True)))


def _insert(connection: Connection, missing: Any, created_at: Any) -> list[NewAlert]:
    """``INSERT INTO alerts ... SELECT`` the ``missing`` ones; the alerts created or raised
    again, with their case's number and their limit's kind, in the order of ``_ORDER``.

    The rows are inserted in the order of their limits' ids: concurrent scans on
    PostgreSQL wait for each other on the same keys in the same order and cannot deadlock.
    PostgreSQL: one statement; the missing limits with their case's number (by key) in a
    CTE, the upsert in another, joined on the limit and sorted. SQLite (no DML in a CTE):
    the upsert returns its rows with their case's number and limit's kind (subqueries by
    key in its RETURNING clause), sorted here."""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        number = select(Case.number).where(Case.id == CaseLimit.case_id).scalar_subquery()
        src = missing.add_columns(number.label("number")).cte("missing")
        rows = select(
            src.c.case_id, src.c.limit_id, src.c.threshold, src.c.due_on, created_at
        ).order_by(src.c.limit_id)
        made = (
            _upsert(dialect)
            .from_select(_INSERT_COLUMNS, rows)
            .returning(Alert.id, Alert.limit_id)
            .cte("made")
        )
        query = (
            select(
                made.c.id,
                src.c.case_id,
                src.c.number,
                type_coerce(src.c.kind, String()),  # text: converted once per kind below
                src.c.threshold,
                src.c.due_on,
            )
            .join(src, src.c.limit_id == made.c.limit_id)
            # The order of _ORDER: byte order, as Python compares strings.
            .order_by(
                src.c.due_on,
                src.c.number.collate("C"),
                src.c.kind.collate("C"),
                src.c.threshold.collate("C"),
            )
        )
        kinds = {k.value: k for k in LimitKind}
        with _without_jit(connection):
            returned = connection.execute(query)
            try:
                # From the driver's cursor (integers, text and dates that need no
                # conversion), the alerts built at C speed, as below for SQLite: the
                # layer of SQLAlchemy's rows and the named tuple's constructor cost
                # about 4 ms of the client's 23 ms of CPU for 11,582 alerts at 200,000
                # cases (medians of 7).
                found = returned.cursor.fetchall()
            finally:
                returned.close()
        new = tuple.__new__
        return [
            new(NewAlert, (alert_id, case_id, number, kinds[kind], threshold, due_on))
            for alert_id, case_id, number, kind, threshold, due_on in found
        ]
    src = missing.subquery("missing")
    rows = select(
        src.c.case_id, src.c.limit_id, src.c.threshold, src.c.due_on, created_at
    ).order_by(src.c.limit_id)
    # The case's number and the limit's kind by key in the RETURNING clause (one statement,
    # one row per alert); kinds and dates as the driver gives them (text), converted once
    # per distinct value below: SQLAlchemy's conversion of each row cost more than the
    # statement at 1,000,000 cases. The number from ix_cases_id_number alone (migration
    # 0023), which SQLite's planner takes only when told: by the table's rowid, a first
    # scan at 1,000,000 cases read some 50,000 pages of cases' rows for 58,318 numbers.
    # (Written out: SQLAlchemy renders a correlated subquery in RETURNING uncorrelated.)
    number_of = literal_column(
        "(SELECT number FROM cases INDEXED BY ix_cases_id_number WHERE cases.id = alerts.case_id)",
        String(),
    )
    kind_of_limit = literal_column(
        "(SELECT kind FROM case_limits WHERE case_limits.id = alerts.limit_id)", String()
    )
    returned = connection.execute(
        _upsert(dialect)
        .from_select(_INSERT_COLUMNS, rows)
        .returning(
            Alert.id,
            Alert.case_id,
            number_of,
            kind_of_limit,
            Alert.threshold,
            type_coerce(Alert.due_on, String()),
        )
    )
    # From the driver's cursor, all at once: the columns need no conversion by SQLAlchemy
    # (integers and text), whose layer around each row cost 0.2 s of CPU for 58,000 alerts
    # at 1,000,000 cases; the alerts built at C speed (tuple.__new__, not the named tuple's
    # Python-level constructor), kinds and dates converted once per distinct value, with
    # the garbage collector paused (every 700 new tuples would start a pass of it).
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            found = returned.cursor.fetchall()
        finally:
            returned.close()
        kind_of = {k.value: k for k in LimitKind}
        day_of = {text: dt.date.fromisoformat(text) for text in {row[5] for row in found}}
        # Built in the rows' order, which is their order in memory, then reordered: built
        # in the sorted order, each alert read its row's objects from all over the heap
        # (48 against 26 ms of CPU for 58,318 alerts at 1,000,000 cases). The order of
        # _ORDER: by one text key per alert (ISO due date, case number, kind, threshold,
        # joined by NUL, which none of them holds): comparing two texts is one C call,
        # two tuples of a date and three texts several (the tuples' sort cost 0.1-0.2 s
        # of CPU for 58,000 alerts); stable, as the tuples' sort was.
        new = tuple.__new__
        built = [
            new(NewAlert, (alert_id, case_id, number, kind_of[kind], threshold, day_of[due]))
            for alert_id, case_id, number, kind, threshold, due in found
        ]
        keys = [
            f"{due}\0{number}\0{kind}\0{threshold}"
            for _id, _case, number, kind, threshold, due in found
        ]
        created = list(map(built.__getitem__, sorted(range(len(built)), key=keys.__getitem__)))
    finally:
        if collecting:
            gc.enable()
    return created


# --------------------------------------------------------------------------- listing


@dataclass(frozen=True)
class AlertInfo:
    id: int
    case_id: int
    case_number: str
    office_id: int
    kind: LimitKind
    threshold: str
    due_on: dt.date
    days_left: int  # 0 on the due day, negative when overdue
    escalated: bool  # overdue: shown to managers first
    created_at: dt.datetime
    mediator: str | None
    acknowledged_at: dt.datetime | None
    acknowledged_by: str | None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


def _scope(actor: Actor) -> ColumnElement[bool]:
    """Which alerts the actor is responsible for, as a condition on the case."""
    if actor.is_citywide:
        return true()
    if actor.role == Role.MEDIATOR and actor.user_id is not None:
        # not the cases of an office the mediator has left (follow-ups, reopened cases)
        return and_(Case.mediator_id == actor.user_id, Case.office_id == actor.office_id)
    if actor.role == Role.OFFICE_MANAGER and actor.office_id is not None:
        return Case.office_id == actor.office_id
    return false()


def _may_act_on(actor: Actor, case: Case) -> bool:
    if actor.is_citywide:
        return True
    if actor.role == Role.MEDIATOR:
        return (
            actor.user_id is not None
            and case.mediator_id == actor.user_id
            and case.office_id == actor.office_id
        )
    if actor.role == Role.OFFICE_MANAGER:
        return case.office_id == actor.office_id
    return False


@functools.cache
def _users() -> tuple[Any, Any]:
    """The aliases of users for the case's mediator and the alert's acknowledger, made at the
    first query: an alias made at import configures every mapper (about 40 ms) on the GUI
    thread on the way to the window, which imports this module for the alerts dock."""
    return aliased(User), aliased(User)


def _query(actor: Actor) -> Any:
    escalated = case((Alert.threshold == OVERDUE, True), else_=False)
    mediator, acknowledger = _users()
    return (
        select(
            Alert.id,
            Alert.case_id,
            Case.number,
            Case.office_id,
            CaseLimit.kind,
            Alert.threshold,
            Alert.due_on,
            Alert.created_at,
            mediator.display_name,
            Alert.acknowledged_at,
            acknowledger.display_name,
            escalated,
        )
        .join(Case, Case.id == Alert.case_id)
        .join(CaseLimit, CaseLimit.id == Alert.limit_id)
        .outerjoin(mediator, mediator.id == Case.mediator_id)
        .outerjoin(acknowledger, acknowledger.id == Alert.acknowledged_by_id)
        .where(Alert.withdrawn_at.is_(None), _scope(actor))
    )


def _info(row: Any, today: dt.date) -> AlertInfo:
    (
        alert_id,
        case_id,
        number,
        office_id,
        kind,
        threshold,
        due_on,
        created_at,
        mediator,
        acknowledged_at,
        acknowledged_by,
        _escalated,
    ) = row
    return AlertInfo(
        id=alert_id,
        case_id=case_id,
        case_number=number,
        office_id=office_id,
        kind=kind,
        threshold=threshold,
        due_on=due_on,
        days_left=(due_on - today).days,
        escalated=threshold == OVERDUE,
        created_at=created_at,
        mediator=mediator,
        acknowledged_at=acknowledged_at,
        acknowledged_by=acknowledged_by,
    )


def list_alerts(
    session: Session,
    actor: Actor,
    *,
    include_acknowledged: bool = False,
    today: dt.date | None = None,
    limit: int | None = DEFAULT_PAGE,
    offset: int = 0,
) -> list[AlertInfo]:
    """The actor's alerts that still apply, escalated (overdue) first, then by due date.

    Unacknowledged ones only unless ``include_acknowledged``. ``limit``/``offset`` page
    through long lists (a city manager's); :func:`count_unacknowledged` gives the total.
    """
    today = today or legal_today()
    query = _query(actor)
    if not include_acknowledged:
        query = query.where(Alert.acknowledged_at.is_(None))
    query = query.order_by(
        case((Alert.threshold == OVERDUE, 0), else_=1),
        Alert.due_on,
        Case.number,
        Alert.id,
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [_info(row, today) for row in session.execute(query)]


def count_unacknowledged(session: Session, actor: Actor) -> int:
    """How many of the actor's alerts still apply and nobody has acknowledged."""
    query = (
        select(func.count())
        .select_from(Alert)
        .join(Case, Case.id == Alert.case_id)
        .where(Alert.acknowledged_at.is_(None), Alert.withdrawn_at.is_(None), _scope(actor))
    )
    return int(session.scalar(query) or 0)


def acknowledge_alerts(
    session: Session, actor: Actor, alert_ids: Sequence[int], *, today: dt.date | None = None
) -> list[AlertInfo]:
    """Record that the actor has seen these alerts (who and when).

    Refused as a whole when one of them is unknown, withdrawn or outside the actor's
    responsibility. An alert already acknowledged keeps its first acknowledgement.
    """
    ids = sorted(set(alert_ids))
    if not ids:
        return []
    rows = session.execute(
        select(Alert, Case).join(Case, Case.id == Alert.case_id).where(Alert.id.in_(ids))
    ).all()
    found = {alert.id: (alert, case_) for alert, case_ in rows}
    for alert_id in ids:
        if alert_id not in found:
            raise NotFound(f"提醒 {alert_id} 不存在", code="alert_not_found", alert=alert_id)
        alert, case_ = found[alert_id]
        if not _may_act_on(actor, case_):
            raise PermissionDenied(
                f"案件 {case_.number} 的提醒不由您处理", code="alert_not_yours", case=case_.number
            )
        if alert.withdrawn_at is not None:
            raise IllegalTransition(
                f"案件 {case_.number} 的该条提醒已撤回（期限已变化）",
                code="alert_withdrawn",
                case=case_.number,
            )
    session.execute(
        update(Alert)
        .where(Alert.id.in_(ids), Alert.acknowledged_at.is_(None))
        .values(acknowledged_at=utcnow(), acknowledged_by_id=actor.user_id)
        .execution_options(synchronize_session=False)
    )
    for alert, _ in found.values():
        session.expire(alert)
    query = _query(Actor.system()).where(Alert.id.in_(ids)).order_by(Alert.id)
    today = today or legal_today()
    return [_info(row, today) for row in session.execute(query)]


def acknowledge_alert(
    session: Session, actor: Actor, alert_id: int, *, today: dt.date | None = None
) -> AlertInfo:
    return acknowledge_alerts(session, actor, [alert_id], today=today)[0]


def alerts_panel(
    session: Session, actor: Actor, *, include_acknowledged: bool = False, today: dt.date
) -> tuple[list[AlertInfo], int]:
    """The alerts dock (a desk's call): the user's alerts (the most urgent first) and how
    many are not acknowledged yet."""
    alerts = list_alerts(session, actor, include_acknowledged=include_acknowledged, today=today)
    return alerts, count_unacknowledged(session, actor)
