"""Clocks that stop when the work stops, the decision on acceptance's own limit, the
preview of a clock change, and the repair of databases written by older versions.

Dates (chinesecalendar 1.11): accepted Tue 2026-09-01, 60 days -> Mon 2026-11-02 (as in
test_clock.py). Received Mon 2026-11-02: 5 working days -> Mon 2026-11-09.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Alert,
    AuditRecord,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    ClockAdjustment,
    LimitKind,
    LimitState,
    Role,
)
from ipdesk.services.cases import clock, workflow
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.limits import deadline_board
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.services.errors import IllegalTransition, PermissionDenied, ValidationError
from ipdesk.services.infra import audit
from ipdesk.services.queries import dashboard
from ipdesk.services.queries.cases_query import CaseFilter, case_detail, case_ids, case_rows
from ipdesk.services.rules.deadlines import BEIJING, legal_today
from tests.helpers.factories import actor, make_case_with_limits, make_user, seed

ACCEPTED = dt.date(2026, 9, 1)
DUE = dt.date(2026, 11, 2)
RECEIVED = dt.date(2026, 11, 2)
DECISION_DUE = dt.date(2026, 11, 9)


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 9, tzinfo=BEIJING)


class World:
    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        with factory.begin() as s:
            seed(s)
            manager = make_user(s, Role.OFFICE_MANAGER, office="TL01")
            self.manager = actor(manager)
            mediator = make_user(s, Role.MEDIATOR, office="TL01")
            self.mediator = actor(mediator)
            self.city = actor(make_user(s, Role.CITY_MANAGER))
            self.case_id = make_case_with_limits(
                s,
                "TL01-S01",
                CaseStatus.MEDIATING,
                received_on=dt.date(2026, 8, 31),
                accepted_on=ACCEPTED,
                mediator_id=mediator.id,
            ).id
            self.registered_id = make_case_with_limits(
                s, "TL01-S02", CaseStatus.REGISTERED, received_on=RECEIVED
            ).id

    def case(self, case_id: int | None = None) -> Case:
        with self.factory() as s:
            case = s.get(Case, case_id or self.case_id)
            assert case is not None
            s.expunge(case)
            return case

    def handling(self, case_id: int | None = None) -> CaseLimit:
        with self.factory() as s:
            limit = s.scalars(
                select(CaseLimit).where(
                    CaseLimit.case_id == (case_id or self.case_id),
                    CaseLimit.kind == LimitKind.HANDLING,
                )
            ).one()
            s.expunge(limit)
            return limit

    def act(self, name: str, *args: Any, **kw: Any) -> Any:
        with self.factory.begin() as s:
            case = s.get(Case, self.case_id)
            assert case is not None
            return getattr(workflow, name)(
                s, self.mediator, self.case_id, case.version_id, *args, **kw
            )

    def scan(self, day: dt.date) -> list[tuple[str, str, str]]:
        with self.factory.begin() as s:
            result = scan_alerts(s, at(day))
        return [(a.case_number, a.threshold, a.due.isoformat()) for a in result.alerts]

    def open_alerts(self, case_id: int | None = None) -> list[tuple[str, dt.date]]:
        with self.factory() as s:
            return sorted(
                s.execute(
                    select(Alert.threshold, Alert.due_on).where(
                        Alert.case_id == (case_id or self.case_id), Alert.withdrawn_at.is_(None)
                    )
                )
            )

    def board(self, today: dt.date) -> tuple[int, int, int, int]:
        with self.factory() as s:
            row = deadline_board(s, self.manager, today=today).offices[0]
        return (row.open_cases, row.suspended, row.due_soon, row.overdue)

    def listed(self, today: dt.date, **flt: Any) -> set[int]:
        with self.factory() as s:
            return set(case_ids(s, self.manager, CaseFilter(**flt), today=today))


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    return World(session_factory)


# --------------------------------------------------------------------------- stopped clocks


@pytest.mark.parametrize("how", ["record_failure", "record_withdrawal"])
def test_failure_and_withdrawal_stop_the_handling_clock(world: World, how: str) -> None:
    late = dt.date(2026, 11, 20)
    assert world.scan(dt.date(2026, 10, 30)) == [("TL01-2026-00001", "warn:5", "2026-11-02")]
    # Both overdue while the work goes on (the registered case: its decision on acceptance).
    assert world.board(late) == (2, 0, 0, 2)
    world.act(how, reason="双方自行和解" if how == "record_withdrawal" else "分歧过大")
    limit = world.handling()
    stopped = legal_today()
    assert (limit.state, limit.met_on, limit.due_on) == (LimitState.MET, stopped, DUE)
    assert world.open_alerts() == []  # the warning no longer applies
    # Long after the due date nothing is raised for it (the registered case is overdue).
    assert [a for a in world.scan(late) if a[0] == "TL01-2026-00001"] == []
    # Counted open (it waits to be closed), never due soon or overdue.
    assert world.board(late) == (2, 0, 0, 1)  # the registered case only
    assert world.board(dt.date(2026, 10, 30)) == (2, 0, 1, 0)
    assert world.case_id not in world.listed(late, deadline="overdue")
    assert world.case_id not in world.listed(dt.date(2026, 10, 30), deadline="due_soon")
    assert world.case_id in world.listed(late, status="open")
    with world.factory() as s:
        row = case_rows(s, world.manager, [world.case_id], today=late)[0]
        assert (row.due_on, row.days_left, row.flags) == (DUE, None, frozenset({"open"}))
        detail = case_detail(s, world.manager, world.case_id, today=late)
        assert "overdue" not in detail.flags and detail.days_left is None
    # Closing later does not move the day the work stopped.
    world.act("close", on=stopped)
    assert world.handling().met_on == stopped


def test_the_limit_ends_on_the_day_of_the_failure_not_of_the_closure(world: World) -> None:
    world.act("record_failure", reason="分歧过大")
    with world.factory.begin() as s:  # the failure was recorded on 2026-10-20
        s.execute(
            update(CaseEvent)
            .where(CaseEvent.case_id == world.case_id, CaseEvent.kind == "failed")
            .values(at=at(dt.date(2026, 10, 20)))
        )
    world.act("close")  # closed today, long after the due date
    limit = world.handling()
    assert (limit.state, limit.met_on) == (LimitState.MET, dt.date(2026, 10, 20))


def test_a_suspended_case_that_fails_is_no_longer_suspended(world: World) -> None:
    with world.factory.begin() as s:
        clock.suspend_case(
            s,
            world.manager,
            world.case_id,
            world.case().version_id,
            reason="专利无效宣告请求审查中",
            start_on=dt.date(2026, 10, 10),
            today=dt.date(2026, 10, 12),
        )
    with pytest.raises(IllegalTransition):  # resume first
        world.act("record_failure", reason="分歧过大")


def test_the_dashboard_counts_failed_and_withdrawn_cases_neither_due_soon_nor_overdue(
    world: World,
) -> None:
    flt = dashboard.DashboardFilter(dashboard.Period(dt.date(2026, 1, 1), dt.date(2026, 11, 20)))
    today = dt.date(2026, 11, 20)
    with world.factory() as s:
        before = dashboard.figures(s, world.manager, flt, today=today).total
    assert before.overdue == 2  # the mediating case and the undecided registered case
    world.act("record_withdrawal", reason="双方自行和解")
    with world.factory() as s:
        after = dashboard.figures(s, world.manager, flt, today=today).total
    assert (after.open, after.overdue, after.due_soon) == (before.open, 1, 0)


# --------------------------------------------------------------------------- acceptance decision


def test_a_registered_case_shows_its_decision_due_date_and_counts_on_the_board(
    world: World,
) -> None:
    case_id = world.registered_id
    assert world.case(case_id).due_on == DECISION_DUE
    with world.factory() as s:
        row = case_rows(s, world.manager, [case_id], today=dt.date(2026, 11, 5))[0]
        assert (row.due_on, row.days_left) == (DECISION_DUE, 4)
        assert "due_soon" in row.flags
    assert world.board(dt.date(2026, 11, 6)) == (2, 0, 1, 1)  # due soon: the decision
    assert world.board(dt.date(2026, 11, 10)) == (2, 0, 0, 2)  # overdue: both
    assert world.listed(dt.date(2026, 11, 10), deadline="overdue") == {world.case_id, case_id}


def test_the_scan_warns_before_the_decision_runs_out_and_when_it_is_overdue(
    world: World,
) -> None:
    def decision(day: dt.date) -> list[tuple[str, str, str]]:
        return [a for a in world.scan(day) if a[0] != "TL01-2026-00001"]

    number = world.case(world.registered_id).number
    assert decision(dt.date(2026, 11, 5)) == []
    assert decision(dt.date(2026, 11, 7)) == [(number, "warn:2", "2026-11-09")]
    assert decision(dt.date(2026, 11, 7)) == []  # once
    assert decision(dt.date(2026, 11, 9)) == [(number, "due", "2026-11-09")]
    assert decision(dt.date(2026, 11, 10)) == [(number, "overdue", "2026-11-09")]
    assert decision(dt.date(2026, 11, 10)) == []
    with world.factory.begin() as s:
        case = s.get(Case, world.registered_id)
        assert case is not None
        workflow.accept(s, world.manager, case.id, case.version_id, on=legal_today())
    assert world.open_alerts(world.registered_id) == []  # decided: withdrawn


# --------------------------------------------------------------------------- preview


def test_the_preview_is_what_saving_does_and_writes_nothing(world: World) -> None:
    version = world.case().version_id

    def preview(action: CaseAction, **kw: Any) -> clock.ClockPreview:
        with world.factory() as s:
            return clock.preview(
                s, world.manager, world.case_id, world.case().version_id, action, **kw
            )

    p = preview(CaseAction.EXTEND, days=10, today=dt.date(2026, 10, 20))
    assert (p.due_before, p.due_after, p.extended_days, p.approver) == (
        DUE,
        dt.date(2026, 11, 10),
        10,
        world.manager.name,
    )
    p = preview(CaseAction.SUSPEND, start_on=dt.date(2026, 10, 10), today=dt.date(2026, 10, 12))
    assert (p.due_before, p.due_after, p.remaining_days) == (DUE, None, 22)
    with world.factory() as s:
        assert s.scalars(select(ClockAdjustment)).all() == []
    assert world.case().version_id == version
    with pytest.raises(IllegalTransition):  # not suspended
        preview(CaseAction.RESUME, resume_on=dt.date(2026, 10, 20), today=dt.date(2026, 10, 20))
    with pytest.raises(ValidationError):
        preview(CaseAction.SUSPEND, start_on=dt.date(2026, 10, 13), today=dt.date(2026, 10, 12))

    with world.factory.begin() as s:
        clock.suspend_case(
            s,
            world.manager,
            world.case_id,
            version,
            reason="委托司法鉴定",
            start_on=dt.date(2026, 10, 10),
            today=dt.date(2026, 10, 12),
        )
    p = preview(CaseAction.RESUME, resume_on=dt.date(2026, 10, 20), today=dt.date(2026, 10, 20))
    assert (p.suspended, p.due_before, p.due_after, p.suspended_days) == (
        True,
        None,
        dt.date(2026, 11, 10),
        10,
    )
    with world.factory.begin() as s:
        state = clock.resume_case(
            s,
            world.manager,
            world.case_id,
            world.case().version_id,
            resume_on=dt.date(2026, 10, 20),
            today=dt.date(2026, 10, 20),
        )
    assert state.due_on == p.due_after


def test_mediators_get_no_preview(world: World) -> None:
    with world.factory() as s, pytest.raises(PermissionDenied):
        clock.preview(
            s, world.mediator, world.case_id, world.case().version_id, CaseAction.EXTEND, days=5
        )


def test_clock_changes_are_in_the_audit_trail(session_factory: sessionmaker[Session]) -> None:
    audit.install(session_factory)
    world = World(session_factory)
    sessions = audit.audited_sessions(session_factory, world.manager)
    with sessions() as s:
        start = s.scalar(select(AuditRecord.id).order_by(AuditRecord.id.desc()).limit(1)) or 0
    with sessions.begin() as s:
        clock.extend_case(
            s,
            world.manager,
            world.case_id,
            world.case().version_id,
            days=10,
            reason="案情复杂",
            today=dt.date(2026, 10, 20),
        )
    with sessions() as s:
        rows = s.scalars(select(AuditRecord).where(AuditRecord.id > start)).all()
    touched = {(r.entity, r.action): r for r in rows}
    adjustment = touched["clock_adjustments", "insert"].after
    assert adjustment is not None
    assert (adjustment["days"], adjustment["reason"], adjustment["approved_by_id"]) == (
        10,
        "案情复杂",
        world.manager.user_id,
    )
    moved = touched["cases", "update"]
    assert (moved.before or {}).get("due_on") == "2026-11-02"
    assert (moved.after or {}).get("due_on") == "2026-11-10"
    assert {r.user_id for r in rows} == {world.manager.user_id}


# --------------------------------------------------------------------------- repair on upgrade

_MIGRATION = importlib.import_module("ipdesk.migrations.versions.0004_case_clocks")


def test_the_upgrade_repairs_clocks_an_older_version_left_running(world: World) -> None:
    world.act("record_withdrawal", reason="双方自行和解")
    with world.factory.begin() as s:  # what an older version left behind
        s.execute(
            update(CaseEvent)
            .where(CaseEvent.case_id == world.case_id, CaseEvent.kind == "withdrawn")
            .values(at=at(dt.date(2026, 10, 20)))
        )
        s.execute(
            update(CaseLimit)
            .where(CaseLimit.case_id == world.case_id, CaseLimit.kind == LimitKind.HANDLING)
            .values(state=LimitState.RUNNING, met_on=None)
        )
        s.execute(update(Case).where(Case.id == world.registered_id).values(due_on=None))
    world.scan(dt.date(2026, 11, 20))
    assert world.open_alerts() == [("overdue", DUE)]
    version = world.case().version_id
    with world.factory.begin() as s:
        fixed = _MIGRATION.repair_stopped_clocks(s.connection())
    assert fixed == {"limits": 1, "unsuspended": 0, "alerts": 1, "due_dates": 1}
    limit = world.handling()
    assert (limit.state, limit.met_on) == (LimitState.MET, dt.date(2026, 10, 20))
    assert world.open_alerts() == []
    assert world.case(world.registered_id).due_on == DECISION_DUE
    assert world.case().version_id == version
    with world.factory.begin() as s:  # a second run changes nothing
        assert _MIGRATION.repair_stopped_clocks(s.connection()) == dict.fromkeys(fixed, 0)


def test_the_repair_without_events_uses_the_last_write(world: World) -> None:
    with world.factory.begin() as s:  # failed, written by another program (no event)
        s.execute(
            update(Case)
            .where(Case.id == world.case_id)
            .values(status=CaseStatus.FAILED, updated_at=at(dt.date(2026, 10, 25)))
        )
    with world.factory.begin() as s:
        _MIGRATION.repair_stopped_clocks(s.connection())
    assert world.handling().met_on == dt.date(2026, 10, 25)
