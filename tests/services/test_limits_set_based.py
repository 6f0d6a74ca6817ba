"""refresh_all_open (set-based) against the former per-limit refresh on a demo population:
after rule changes, the same limits, case due dates and withdrawn alerts."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import and_, bindparam, delete, event, select, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo.generator import generate
from ipdesk.models import (
    AdjustmentKind,
    Alert,
    Case,
    CaseLimit,
    ClockAdjustment,
    HolidayDay,
    LimitKind,
    LimitRule,
    LimitState,
)
from ipdesk.services.admin.seed import seed_reference_data
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.limits import (
    _ADJUSTMENT_COLUMNS,
    _BATCH,
    _CASE_DUE_KINDS,
    _UPDATE_LIMIT,
    NO_ADJUSTMENTS,
    OPEN_LIMIT_STATES,
    Adjustments,
    LimitContext,
    RefreshSummary,
    _evaluate,
    _group_adjustments,
    refresh_all_open,
    withdraw_stale_alerts,
)
from ipdesk.services.queries import dashboard_summary
from ipdesk.services.queries.dashboard_summary import changing
from ipdesk.services.rules.deadlines import BEIJING, DueResult

TODAY = dt.date(2026, 11, 27)
_UPDATE_CASE = (
    update(Case)
    .where(Case.id == bindparam("b_id"))
    .values(due_on=bindparam("b_due"), is_suspended=bindparam("b_suspended"))
)


def refresh_all_open_per_limit(
    session: Session,
    context: LimitContext | None = None,
    *,
    batch_size: int = _BATCH,
) -> RefreshSummary:
    """The former :func:`refresh_all_open`, one limit at a time in Python: the oracle the
    set-based one is checked against.

    The open limits (running or paused, found through ``ix_case_limits_open``) are
    read in batches of ``batch_size`` with the clock adjustments of their cases; the due
    dates are computed in Python, once per distinct (kind, start, adjustments); only
    changed rows are written, after reading; then the alerts of open limits that no longer
    apply are withdrawn.
    """
    started = time.perf_counter()
    session.flush()
    context = context or LimitContext.load(session)
    connection = session.connection()
    open_limits = CaseLimit.state.in_(OPEN_LIMIT_STATES)
    adjustments = _group_adjustments(
        connection.execute(
            select(*_ADJUSTMENT_COLUMNS)
            .where(ClockAdjustment.case_id.in_(select(CaseLimit.case_id).where(open_limits)))
            .order_by(ClockAdjustment.start_on, ClockAdjustment.id)
        )
    )
    computed: dict[tuple[LimitKind, dt.date, Adjustments], tuple[DueResult, LimitState]] = {}
    limit_updates: list[dict[str, object]] = []
    case_updates: list[dict[str, object]] = []
    examined = 0
    rows = connection.execute(
        select(
            CaseLimit.id,
            CaseLimit.case_id,
            CaseLimit.kind,
            CaseLimit.ref_key,
            CaseLimit.start_on,
            CaseLimit.due_on,
            CaseLimit.state,
            CaseLimit.calendar_covered,
        )
        .where(open_limits)
        .execution_options(yield_per=batch_size)
    )
    for batch in rows.partitions():
        for limit_id, case_id, kind, ref_key, start_on, due_on, state, covered in batch:
            examined += 1
            if kind not in context.rules:
                continue
            key = (kind, start_on, adjustments.get((case_id, kind), NO_ADJUSTMENTS))
            outcome = computed.get(key)
            if outcome is None:
                outcome = computed[key] = _evaluate(context, *key)
            result, new_state = outcome
            if (result.due, new_state, result.calendar_covered) == (due_on, state, covered):
                continue
            limit_updates.append(
                {
                    "b_id": limit_id,
                    "b_due": result.due,
                    "b_state": new_state,
                    "b_covered": result.calendar_covered,
                }
            )
            # An open decision on acceptance is the due date of a case not yet accepted.
            if kind in _CASE_DUE_KINDS and ref_key == 0:
                case_updates.append(
                    {
                        "b_id": case_id,
                        "b_due": result.due,
                        "b_suspended": new_state == LimitState.PAUSED,
                    }
                )
    # Written after reading: the updates move entries of the index being read.
    for first in range(0, len(limit_updates), batch_size):
        connection.execute(_UPDATE_LIMIT, limit_updates[first : first + batch_size])
    with changing(connection, (int(u["b_id"]) for u in case_updates)):  # type: ignore[call-overload]
        for first in range(0, len(case_updates), batch_size):
            connection.execute(_UPDATE_CASE, case_updates[first : first + batch_size])
    withdrawn = withdraw_stale_alerts(
        session, context, Alert.limit_id.in_(select(CaseLimit.id).where(open_limits))
    )
    # Objects loaded before the bulk statements must not show the old values.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, (CaseLimit, Case, Alert)):
            session.expire(obj)
    summary = RefreshSummary(examined, len(limit_updates), withdrawn, time.perf_counter() - started)
    return summary


@pytest.fixture
def demo(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed_reference_data(s)
    generate(session_factory, cases=600, seed=11, today=TODAY)
    with session_factory.begin() as s:
        scan_alerts(s, dt.datetime(2026, 11, 27, 9, tzinfo=BEIJING))
    return session_factory


def state(session: Session) -> tuple[list[tuple[object, ...]], ...]:
    limits = session.execute(
        select(
            CaseLimit.id, CaseLimit.due_on, CaseLimit.state, CaseLimit.calendar_covered
        ).order_by(CaseLimit.id)
    ).all()
    cases = session.execute(select(Case.id, Case.due_on, Case.is_suspended).order_by(Case.id)).all()
    alerts = session.execute(
        select(Alert.id, Alert.withdrawn_at.is_(None)).order_by(Alert.id)
    ).all()
    return [tuple(r) for r in limits], [tuple(r) for r in cases], [tuple(r) for r in alerts]


@pytest.mark.parametrize(
    ("kind", "days", "working_days"),
    [
        (LimitKind.HANDLING, 60, False),  # nothing changes
        (LimitKind.HANDLING, 45, False),
        (LimitKind.HANDLING, 40, True),
        (LimitKind.ACCEPTANCE_DECISION, 7, True),
    ],
)
def test_set_based_refresh_equals_the_per_limit_one(
    demo: sessionmaker[Session], kind: LimitKind, days: int, working_days: bool
) -> None:
    results = []
    for refresh in (refresh_all_open, refresh_all_open_per_limit):
        with demo() as s, s.begin():
            s.execute(
                update(LimitRule)
                .where(LimitRule.kind == kind)
                .values(days=days, working_days=working_days)
            )
            summary = refresh(s)
            results.append((state(s), summary.examined, summary.changed, summary.withdrawn))
            assert not dashboard_summary.verify(s.connection()), refresh.__name__
            s.rollback()
    assert results[0] == results[1]
    assert (results[0][2] > 0) == (days != 60 or working_days)


def refresh_both_ways(
    demo: sessionmaker[Session], change: Callable[[Session], object]
) -> list[tuple[Any, ...]]:
    """The state after ``change`` and each refresh (rolled back after each)."""
    results = []
    for refresh in (refresh_all_open, refresh_all_open_per_limit):
        with demo() as s, s.begin():
            change(s)
            s.flush()
            summary = refresh(s)
            results.append((state(s), summary.examined, summary.changed, summary.withdrawn))
            assert not dashboard_summary.verify(s.connection()), refresh.__name__
            s.rollback()
    return results


def test_a_removed_threshold_is_withdrawn_as_by_the_per_limit_refresh(
    demo: sessionmaker[Session],
) -> None:
    """The handling rule warns 10 days ahead only: its warn:15 and warn:5 alerts go."""

    def change(s: Session) -> None:
        s.execute(
            update(LimitRule).where(LimitRule.kind == LimitKind.HANDLING).values(warn_days="10")
        )

    set_based, per_limit = refresh_both_ways(demo, change)
    assert set_based == per_limit
    assert set_based[3] > 0  # alerts withdrawn


def test_a_holiday_change_moves_the_same_limits_as_the_per_limit_refresh(
    demo: sessionmaker[Session],
) -> None:
    """A week of rest days added after the reference day: limits due in it move."""

    def change(s: Session) -> None:
        s.add_all(
            HolidayDay(day=TODAY + dt.timedelta(days=n), is_rest=True, name="test")
            for n in range(1, 8)
        )

    set_based, per_limit = refresh_both_ways(demo, change)
    assert set_based == per_limit
    assert set_based[2] > 0  # due dates moved
    assert set_based[3] > 0  # alerts of the old due dates withdrawn


def test_the_refresh_reads_the_open_limits_from_their_index(
    demo: sessionmaker[Session], backend: str
) -> None:
    """ix_case_limits_open holds what the refresh compares: on SQLite, its pass over the
    open limits reads the index alone (the plan says COVERING INDEX) and keeps the distinct
    groups in a temporary index (no sort of every open limit), and so does the UPDATE of
    the groups that change (after a holiday change); without a change there is no
    UPDATE."""
    if backend != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")

    def plans_of_refresh(change: bool) -> list[str]:
        plans: list[str] = []
        with demo() as s, s.begin():
            if change:
                s.add_all(
                    HolidayDay(day=TODAY + dt.timedelta(days=n), is_rest=True, name="test")
                    for n in range(1, 8)
                )
                s.flush()
            engine = s.get_bind()

            def explain(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
                if statement.startswith(("SELECT DISTINCT", "UPDATE case_limits SET")):
                    rows = cursor.execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
                    plans.append(" | ".join(r[3] for r in rows))

            event.listen(engine, "before_cursor_execute", explain)
            try:
                summary = refresh_all_open(s)
            finally:
                event.remove(engine, "before_cursor_execute", explain)
            assert (summary.changed > 0) == change
            s.rollback()
        return plans

    (unchanged,) = plans_of_refresh(change=False)
    assert "COVERING INDEX ix_case_limits_open" in unchanged, unchanged
    assert "TEMP B-TREE FOR DISTINCT" in unchanged and "GROUP BY" not in unchanged, unchanged
    grouped, written = plans_of_refresh(change=True)
    assert "COVERING INDEX ix_case_limits_open" in grouped, grouped
    # (Which of the two it reads first is the planner's choice by the tables' sizes: on
    # the 1,000,000-case demo, the groups' rows, then for each the index's range
    # "ix_case_limits_open (state=? AND due_on=?)"; on this small database, the index.)
    assert "COVERING INDEX ix_case_limits_open (state=?" in written, written


def test_the_oracle_population_has_open_limits_with_every_adjustment(
    demo: sessionmaker[Session],
) -> None:
    """The comparisons above cover the adjusted limits' path (_refresh_adjusted): open
    limits with an ended suspension, a running one and an extension."""
    with demo() as s:
        found = s.execute(
            select(ClockAdjustment.kind, ClockAdjustment.end_on.is_(None))
            .join(
                CaseLimit,
                and_(
                    CaseLimit.case_id == ClockAdjustment.case_id,
                    CaseLimit.kind == ClockAdjustment.limit_kind,
                ),
            )
            .where(CaseLimit.state.in_(OPEN_LIMIT_STATES))
            .distinct()
        ).all()
    kinds = {(kind, running) for kind, running in found}
    assert (AdjustmentKind.SUSPENSION, False) in kinds  # ended
    assert (AdjustmentKind.SUSPENSION, True) in kinds  # the clock stands still
    assert any(kind == AdjustmentKind.EXTENSION for kind, _ in kinds)


def test_a_first_scan_returns_its_alerts_as_read_back_in_their_order(
    demo: sessionmaker[Session],
) -> None:
    """The alerts a first scan returns (built from the driver's rows, sorted by one text
    key on SQLite) are the rows it wrote, with their case's number and limit's kind, in
    the order of due date, case number, kind and threshold."""
    with demo() as s, s.begin():
        s.execute(delete(Alert))
        result = scan_alerts(s, dt.datetime(2026, 11, 27, 9, tzinfo=BEIJING))
        written = s.execute(
            select(Alert.id, Alert.case_id, Case.number, CaseLimit.kind, Alert.threshold)
            .add_columns(Alert.due_on)
            .join(Case, Case.id == Alert.case_id)
            .join(CaseLimit, CaseLimit.id == Alert.limit_id)
        ).all()
        s.rollback()
    assert len(result.alerts) == result.created == len(written) > 20
    assert {tuple(a) for a in result.alerts} == {tuple(r) for r in written}
    assert all(isinstance(a.kind, LimitKind) and type(a.due) is dt.date for a in result.alerts)
    keys = [(a.due, a.case_number, a.kind.value, a.threshold) for a in result.alerts]
    assert keys == sorted(keys)
    assert len({a.due for a in result.alerts}) > 1
