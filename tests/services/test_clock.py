"""Suspending, resuming and extending the handling clock.

Hand-checked (chinesecalendar 1.11): accepted Tue 2026-09-01, 60 days -> Sat 10-31, rolled
over to Mon 2026-11-02. Suspended 10-10 .. resumed 10-20: 10 days not counted -> Tue
2026-11-10. Extended by 10 days -> Tue 2026-11-10 as well; both -> Fri 11-20.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    AdjustmentKind,
    Alert,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    ClockAdjustment,
    EventKind,
    LimitKind,
    LimitState,
    Role,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.clock import extend_case, resume_case, suspend_case
from ipdesk.services.errors import (
    IllegalTransition,
    PermissionDenied,
    StaleData,
    ValidationError,
)
from ipdesk.services.rules.deadlines import BEIJING
from tests.helpers.factories import actor, make_case_with_limits, make_user, seed

ACCEPTED = dt.date(2026, 9, 1)
DUE = dt.date(2026, 11, 2)


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 9, tzinfo=BEIJING)


class World:
    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        with factory.begin() as s:
            seed(s)
            self.manager = actor(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
            self.other_manager = actor(make_user(s, Role.OFFICE_MANAGER, office="TL02"))
            self.city = actor(make_user(s, Role.CITY_MANAGER))
            mediator = make_user(s, Role.MEDIATOR, office="TL01")
            self.mediator = actor(mediator)
            case = make_case_with_limits(
                s,
                "TL01-S01",
                CaseStatus.MEDIATING,
                received_on=dt.date(2026, 8, 31),
                accepted_on=ACCEPTED,
                mediator_id=mediator.id,
            )
            self.case_id = case.id

    def version(self) -> int:
        with self.factory() as s:
            case = s.get(Case, self.case_id)
            assert case is not None
            return case.version_id

    def case(self, s: Session) -> Case:
        case = s.get(Case, self.case_id)
        assert case is not None
        return case

    def suspend(self, who: Actor | None = None, **kw: Any) -> Any:
        kw.setdefault("reason", "委托司法鉴定机构进行技术鉴定")
        kw.setdefault("start_on", dt.date(2026, 10, 10))
        kw.setdefault("today", dt.date(2026, 10, 12))
        with self.factory.begin() as s:
            return suspend_case(s, who or self.manager, self.case_id, self.version(), **kw)

    def resume(self, who: Actor | None = None, **kw: Any) -> Any:
        kw.setdefault("resume_on", dt.date(2026, 10, 20))
        kw.setdefault("today", dt.date(2026, 10, 20))
        with self.factory.begin() as s:
            return resume_case(s, who or self.manager, self.case_id, self.version(), **kw)

    def extend(self, who: Actor | None = None, **kw: Any) -> Any:
        kw.setdefault("days", 10)
        kw.setdefault("reason", "案情复杂")
        kw.setdefault("today", dt.date(2026, 10, 20))
        with self.factory.begin() as s:
            return extend_case(s, who or self.manager, self.case_id, self.version(), **kw)

    def events(self) -> list[CaseEvent]:
        with self.factory() as s:
            return list(
                s.scalars(
                    select(CaseEvent)
                    .where(CaseEvent.case_id == self.case_id)
                    .order_by(CaseEvent.id)
                )
            )

    def scan(self, day: dt.date) -> list[tuple[str, str, str]]:
        with self.factory.begin() as s:
            result = scan_alerts(s, at(day))
        return [(a.case_number, a.threshold, a.due.isoformat()) for a in result.alerts]

    def open_alerts(self) -> list[tuple[str, dt.date]]:
        with self.factory() as s:
            return sorted(
                s.execute(
                    select(Alert.threshold, Alert.due_on).where(
                        Alert.case_id == self.case_id, Alert.withdrawn_at.is_(None)
                    )
                )
            )


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    return World(session_factory)


def test_suspending_stops_the_clock_and_records_who_and_why(world: World) -> None:
    before = world.version()
    state = world.suspend()
    assert state.suspended and state.due_on is None
    assert state.version > before
    with world.factory() as s:
        case = world.case(s)
        assert case.is_suspended and case.due_on is None and case.version_id == state.version
        handling = s.scalars(
            select(CaseLimit).where(
                CaseLimit.case_id == case.id, CaseLimit.kind == LimitKind.HANDLING
            )
        ).one()
        assert handling.state == LimitState.PAUSED
        adjustment = s.scalars(select(ClockAdjustment)).one()
        assert (adjustment.kind, adjustment.start_on, adjustment.end_on) == (
            AdjustmentKind.SUSPENSION,
            dt.date(2026, 10, 10),
            None,
        )
        assert adjustment.approved_by_id == world.manager.user_id
        assert adjustment.reason == "委托司法鉴定机构进行技术鉴定"
    event = world.events()[-1]
    assert event.kind == EventKind.SUSPENDED.value
    assert event.user_id == world.manager.user_id
    assert event.reason == "委托司法鉴定机构进行技术鉴定"
    assert event.details == {
        "approver": world.manager.name,
        "approver_id": world.manager.user_id,
        "due_before": "2026-11-02",
        "due_after": None,
        "start_on": "2026-10-10",
    }


def test_a_suspended_case_raises_no_alerts_and_its_due_date_moves_on_resume(
    world: World,
) -> None:
    assert world.scan(dt.date(2026, 10, 20)) == [("TL01-2026-00001", "warn:15", "2026-11-02")]
    world.suspend()
    assert world.open_alerts() == []  # withdrawn: the clock stands still
    # Long past the old due date, the suspended case raises nothing.
    assert world.scan(dt.date(2026, 11, 9)) == []
    state = world.resume(resume_on=dt.date(2026, 10, 20), today=dt.date(2026, 11, 9))
    assert (state.suspended, state.due_on, state.suspended_days) == (
        False,
        dt.date(2026, 11, 10),
        10,
    )
    assert world.scan(dt.date(2026, 11, 9)) == [("TL01-2026-00001", "warn:5", "2026-11-10")]
    event = world.events()[-1]
    assert event.kind == EventKind.RESUMED.value
    assert event.details is not None
    assert event.details["suspended_days"] == 10
    assert event.details["due_after"] == "2026-11-10"


def test_extending_adds_days_and_withdraws_the_alerts_of_the_old_due_date(
    world: World,
) -> None:
    world.scan(dt.date(2026, 10, 30))
    assert world.open_alerts() == [("warn:5", DUE)]
    state = world.extend(days=10, reason="案情复杂，需补充证据", today=dt.date(2026, 10, 30))
    assert (state.due_on, state.extended_days, state.suspended) == (
        dt.date(2026, 11, 10),
        10,
        False,
    )
    assert world.open_alerts() == []
    event = world.events()[-1]
    assert event.kind == EventKind.EXTENDED.value
    assert event.reason == "案情复杂，需补充证据"
    assert event.details is not None
    assert (event.details["days"], event.details["approver_id"]) == (10, world.manager.user_id)
    assert (event.details["due_before"], event.details["due_after"]) == (
        "2026-11-02",
        "2026-11-10",
    )


def test_suspension_and_extension_add_up(world: World) -> None:
    world.suspend()
    world.extend(today=dt.date(2026, 10, 15))
    state = world.resume()
    assert state.due_on == dt.date(2026, 11, 20)


def test_a_city_manager_may_act_anywhere(world: World) -> None:
    assert world.suspend(world.city).suspended


@pytest.mark.parametrize("who", ["mediator", "other_manager"])
def test_mediators_and_other_offices_are_refused(world: World, who: str) -> None:
    with pytest.raises(PermissionDenied):
        world.suspend(getattr(world, who))
    with pytest.raises(PermissionDenied):
        world.extend(getattr(world, who))


def test_a_stale_version_is_refused(world: World) -> None:
    version = world.version()
    world.extend()
    with world.factory.begin() as s, pytest.raises(StaleData):
        suspend_case(
            s,
            world.manager,
            world.case_id,
            version,
            reason="x",
            start_on=dt.date(2026, 10, 12),
            today=dt.date(2026, 10, 20),
        )


def test_a_save_that_slips_in_between_is_refused_as_stale(world: World) -> None:
    """B loads the case, A suspends it and commits, then B (holding the old row, which
    passes the version check) tries to extend: the version lock refuses B's write."""
    version = world.version()
    with world.factory() as b:
        with b.begin():
            assert world.case(b).version_id == version  # B's copy stays in its identity map
        world.suspend()  # A
        with pytest.raises(StaleData), b.begin():
            extend_case(
                b,
                world.manager,
                world.case_id,
                version,
                days=5,
                reason="x",
                today=dt.date(2026, 10, 12),
            )
    with world.factory() as s:
        assert s.scalars(select(ClockAdjustment.kind)).all() == [AdjustmentKind.SUSPENSION]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start_on": dt.date(2026, 10, 13)}, "start_on"),  # after today
        ({"start_on": dt.date(2026, 8, 31)}, "start_on"),  # before acceptance
        ({"reason": "   "}, "reason"),
    ],
)
def test_suspension_input_is_checked(world: World, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        world.suspend(**kwargs)
    assert info.value.field == field


def test_suspending_twice_or_resuming_a_running_clock_is_refused(world: World) -> None:
    with pytest.raises(IllegalTransition):
        world.resume()
    world.suspend()
    with pytest.raises(IllegalTransition):
        world.suspend()
    with pytest.raises(ValidationError):
        world.resume(resume_on=dt.date(2026, 10, 9))  # before the suspension started
    with pytest.raises(ValidationError):
        world.resume(resume_on=dt.date(2026, 10, 21))  # after today
    world.resume()
    # A new suspension cannot start inside the one that ended.
    with pytest.raises(ValidationError):
        world.suspend(start_on=dt.date(2026, 10, 15), today=dt.date(2026, 10, 25))


def test_an_expired_clock_can_be_neither_suspended_nor_extended(world: World) -> None:
    with pytest.raises(IllegalTransition) as info:
        world.suspend(start_on=dt.date(2026, 11, 3), today=dt.date(2026, 11, 5))
    assert info.value.code == "limit_expired"
    with pytest.raises(IllegalTransition):
        world.extend(today=dt.date(2026, 11, 3))


@pytest.mark.parametrize("days", [0, -5, 4000])
def test_extension_days_are_checked(world: World, days: int) -> None:
    with pytest.raises(ValidationError):
        world.extend(days=days)


@pytest.mark.parametrize("status", [CaseStatus.REGISTERED, CaseStatus.CLOSED, CaseStatus.FAILED])
def test_only_an_open_handling_clock_can_be_adjusted(world: World, status: CaseStatus) -> None:
    with world.factory.begin() as s:
        world.case(s).status = status
    with pytest.raises(IllegalTransition) as info:
        world.suspend()
    assert info.value.code == "clock_not_open"


def test_refused_changes_leave_nothing_behind(world: World) -> None:
    with pytest.raises(ValidationError):
        world.suspend(reason="")
    with world.factory() as s:
        assert s.scalars(select(ClockAdjustment)).all() == []
    assert [e.kind for e in world.events()] == []
