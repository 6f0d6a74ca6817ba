"""The alert scan, listing alerts per user, acknowledging them; concurrent scans.

Cases accepted Tue 2026-09-01 are due Mon 2026-11-02 (60 days, rolled over from Sat
10-31); accepted Thu 2026-09-10: due Mon 2026-11-09 (Mon 11-09 is a working day).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, delete, event, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db as ipdesk_db
from ipdesk.models import (
    AdjustmentKind,
    Alert,
    Case,
    CaseLimit,
    CaseStatus,
    ClockAdjustment,
    HolidayDay,
    LimitKind,
    LimitRule,
    LimitState,
    Role,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.alerts import (
    ScanResult,
    acknowledge_alert,
    acknowledge_alerts,
    count_unacknowledged,
    list_alerts,
    scan_alerts,
)
from ipdesk.services.cases.limits import (
    parse_warn_days,
    refresh_all_open,
    refresh_case_limits,
    threshold_for,
)
from ipdesk.services.errors import IllegalTransition, NotFound, PermissionDenied
from ipdesk.services.rules.deadlines import BEIJING
from tests.helpers.factories import actor, make_case_with_limits, make_user, seed

DUE_A = dt.date(2026, 11, 2)
DUE_B = dt.date(2026, 11, 9)


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=BEIJING)


class World:
    """Office TL01 with two mediators (A: two cases, B: one), TL02 with one case."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        with factory.begin() as s:
            seed(s)
            med_a = make_user(s, Role.MEDIATOR, office="TL01", display_name="调解员甲")
            med_b = make_user(s, Role.MEDIATOR, office="TL01", display_name="调解员乙")
            self.mediator_a, self.mediator_b = actor(med_a), actor(med_b)
            self.manager = actor(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
            self.manager_tl02 = actor(make_user(s, Role.OFFICE_MANAGER, office="TL02"))
            self.city = actor(make_user(s, Role.CITY_MANAGER))
            self.staff = actor(make_user(s, Role.STATION_STAFF, station="TL01-S01"))

            def accepted(station: str, accepted_on: dt.date, mediator: int | None) -> Case:
                return make_case_with_limits(
                    s,
                    station,
                    CaseStatus.MEDIATING,
                    received_on=accepted_on - dt.timedelta(days=1),
                    accepted_on=accepted_on,
                    mediator_id=mediator,
                )

            self.a1 = accepted("TL01-S01", dt.date(2026, 9, 1), med_a.id).id  # due 11-02
            self.a2 = accepted("TL01-S01", dt.date(2026, 9, 10), med_a.id).id  # due 11-09
            self.b1 = accepted("TL01-S02", dt.date(2026, 9, 1), med_b.id).id  # due 11-02
            self.other = accepted("TL02-S01", dt.date(2026, 9, 1), None).id  # due 11-02

    def scan(self, day: dt.date, hour: int = 9) -> ScanResult:
        with self.factory.begin() as s:
            return scan_alerts(s, at(day, hour))

    def number(self, case_id: int) -> str:
        with self.factory() as s:
            case = s.get(Case, case_id)
            assert case is not None
            return case.number

    def listed(self, who: Actor, **kw: Any) -> list[tuple[str, str, bool]]:
        kw.setdefault("today", dt.date(2026, 11, 3))
        with self.factory() as s:
            return [(a.case_number, a.threshold, a.escalated) for a in list_alerts(s, who, **kw)]

    def alert_id(self, case_id: int, threshold: str) -> int:
        with self.factory() as s:
            return s.scalars(
                select(Alert.id).where(Alert.case_id == case_id, Alert.threshold == threshold)
            ).one()


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    return World(session_factory)


# --- the scan -------------------------------------------------------------------------------


def test_the_scan_raises_each_threshold_once_in_turn(world: World) -> None:
    a1 = world.number(world.a1)
    assert world.scan(dt.date(2026, 10, 17)).created == 0  # 16 days before 11-02
    first = world.scan(dt.date(2026, 10, 18))
    assert first.examined == 3  # the three limits due 11-02; 11-09 is beyond 15 days
    assert first.created == 3
    assert {(a.kind, a.threshold, a.due) for a in first.alerts} == {
        (LimitKind.HANDLING, "warn:15", DUE_A)
    }
    assert world.scan(dt.date(2026, 10, 18)).created == 0
    # 6 days before 11-02: still warn:15 (only the case due 11-09 reaches warn:15 now).
    assert [a.due for a in world.scan(dt.date(2026, 10, 27)).alerts] == [DUE_B]
    steps = {
        dt.date(2026, 10, 28): "warn:5",
        dt.date(2026, 11, 2): "due",
        dt.date(2026, 11, 3): "overdue",
    }
    for day, threshold in steps.items():
        result = world.scan(day)
        assert {a.threshold for a in result.alerts if a.due == DUE_A} == {threshold}
        assert a1 in {a.case_number for a in result.alerts}
        assert world.scan(day).created == 0
    # Overdue is raised once per limit: later only the case due 11-09 becomes overdue.
    assert [(a.due, a.threshold) for a in world.scan(dt.date(2026, 12, 31)).alerts] == [
        (DUE_B, "overdue")
    ]
    assert world.scan(dt.date(2027, 1, 31)).created == 0


def test_scan_result_is_the_json_contract(world: World) -> None:
    result = world.scan(dt.date(2026, 10, 28))
    doc = result.as_dict()
    assert doc["now"] == "2026-10-28T09:00:00+08:00"
    assert (doc["examined"], doc["created"]) == (4, 4)
    assert doc["alerts"][0] == {
        "case": world.number(world.a1),
        "kind": "handling",
        "threshold": "warn:5",
        "due": "2026-11-02",
    }
    # Sorted by due date, then case number.
    assert [(a["due"], a["threshold"]) for a in doc["alerts"]] == [
        ("2026-11-02", "warn:5"),
        ("2026-11-02", "warn:5"),
        ("2026-11-02", "warn:5"),
        ("2026-11-09", "warn:15"),
    ]


def test_the_scan_reads_the_rules_and_not_the_holiday_calendar(world: World) -> None:
    """The scan needs the rules' warning thresholds only: the holiday calendar, which
    LimitContext.load reads with the rules, is not read."""
    sent: list[str] = []

    def record(_c: object, _cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    with world.factory.begin() as s:
        engine = s.get_bind()
        event.listen(engine, "before_cursor_execute", record)
        try:
            assert scan_alerts(s, at(dt.date(2026, 10, 28))).created == 4
        finally:
            event.remove(engine, "before_cursor_execute", record)
    assert any("FROM limit_rules" in statement for statement in sent), sent
    assert not any("holiday" in statement for statement in sent), sent


def test_a_late_first_scan_raises_only_the_current_threshold(world: World) -> None:
    result = world.scan(dt.date(2026, 10, 30))
    assert sorted(a.threshold for a in result.alerts) == ["warn:15", "warn:5", "warn:5", "warn:5"]


def test_the_legal_date_is_beijings(world: World) -> None:
    # 23:30 UTC on 11-01 is 07:30 on 11-02 in Beijing: the due day.
    now = dt.datetime(2026, 11, 1, 23, 30, tzinfo=dt.UTC)
    with world.factory.begin() as s:
        result = scan_alerts(s, now)
    assert {a.threshold for a in result.alerts if a.due == DUE_A} == {"due"}


def test_paused_limits_raise_nothing(world: World) -> None:
    with world.factory.begin() as s:
        for case_id in (world.a1, world.b1, world.other):
            s.add(
                ClockAdjustment(
                    case_id=case_id,
                    kind=AdjustmentKind.SUSPENSION,
                    start_on=dt.date(2026, 10, 1),
                    reason="等待无效宣告审查结论",
                )
            )
            case = s.get(Case, case_id)
            assert case is not None
            refresh_case_limits(s, case)
    result = world.scan(dt.date(2026, 11, 20))
    assert [a.case_number for a in result.alerts] == [world.number(world.a2)]
    assert result.examined == 1


def test_an_alert_withdrawn_and_applying_again_is_raised_again(world: World) -> None:
    world.scan(dt.date(2026, 10, 30))
    a1_warn = world.alert_id(world.a1, "warn:5")
    with world.factory.begin() as s:
        s.add(HolidayDay(day=DUE_A, is_rest=True, name="测试"))
        s.flush()
        assert refresh_all_open(s).withdrawn == 3  # the three alerts for 11-02
    with world.factory.begin() as s:
        s.execute(delete(HolidayDay))
        assert refresh_all_open(s).changed == 3  # back to 11-02
    again = world.scan(dt.date(2026, 10, 30))
    assert again.created == 3
    assert world.alert_id(world.a1, "warn:5") == a1_warn  # the same row, raised again
    with world.factory() as s:
        alert = s.get(Alert, a1_warn)
        assert alert is not None and alert.withdrawn_at is None
    assert world.scan(dt.date(2026, 10, 30)).created == 0


@pytest.mark.parametrize(
    ("kind", "warn"),
    [(LimitKind.HANDLING, "15,5"), (LimitKind.CONSULTATION_ANSWER, "3"), (LimitKind.DEFENCE, "")],
)
def test_the_scan_raises_what_threshold_for_says(world: World, kind: LimitKind, warn: str) -> None:
    """The scan's SQL comparison agrees with the pure rule, day by day around a due date."""
    today = dt.date(2026, 11, 3)
    offsets = range(-3, 21)
    with world.factory.begin() as s:
        rule = s.get(LimitRule, kind)
        assert rule is not None
        rule.warn_days = warn
        for offset in offsets:
            s.add(
                CaseLimit(
                    case_id=world.other,
                    kind=kind,
                    ref_key=100 + offset,
                    start_on=dt.date(2026, 9, 1),
                    due_on=today + dt.timedelta(days=offset),
                    state=LimitState.RUNNING,
                )
            )
    result = world.scan(today)
    with world.factory() as s:
        raised = dict(
            (ref_key - 100, threshold)
            for ref_key, threshold in s.execute(
                select(CaseLimit.ref_key, Alert.threshold)
                .join(Alert, Alert.limit_id == CaseLimit.id)
                .where(CaseLimit.kind == kind, CaseLimit.ref_key >= 50)
            )
        )
    warn_days = parse_warn_days(warn)
    expected = {
        offset: threshold_for(today + dt.timedelta(days=offset), today, warn_days)
        for offset in offsets
    }
    assert raised == {k: v for k, v in expected.items() if v is not None}
    assert len(raised) <= result.created


# --- who sees what --------------------------------------------------------------------------


def test_each_user_sees_the_alerts_they_answer_for(world: World) -> None:
    world.scan(dt.date(2026, 11, 3))  # three overdue, one warn:15 (11-09 in 6 days)
    a1, a2, b1, other = (world.number(i) for i in (world.a1, world.a2, world.b1, world.other))
    assert world.listed(world.mediator_a) == [(a1, "overdue", True), (a2, "warn:15", False)]
    assert world.listed(world.mediator_b) == [(b1, "overdue", True)]
    # The office manager: the whole office, escalated (overdue) first.
    assert world.listed(world.manager) == [
        (a1, "overdue", True),
        (b1, "overdue", True),
        (a2, "warn:15", False),
    ]
    assert world.listed(world.manager_tl02) == [(other, "overdue", True)]
    assert len(world.listed(world.city)) == 4
    assert len(world.listed(Actor.system())) == 4
    assert world.listed(world.staff) == []
    with world.factory() as s:
        assert count_unacknowledged(s, world.manager) == 3
        assert count_unacknowledged(s, world.staff) == 0
        info = list_alerts(s, world.mediator_a, today=dt.date(2026, 11, 3))[0]
    assert (info.due_on, info.days_left, info.mediator, info.kind) == (
        DUE_A,
        -1,
        "调解员甲",
        LimitKind.HANDLING,
    )


def test_lists_page(world: World) -> None:
    world.scan(dt.date(2026, 11, 3))
    everything = world.listed(world.city)
    assert world.listed(world.city, limit=2) + world.listed(world.city, limit=2, offset=2) == (
        everything
    )


def test_acknowledging_records_who_and_when(world: World) -> None:
    world.scan(dt.date(2026, 11, 3))
    alert_id = world.alert_id(world.a1, "overdue")
    with world.factory.begin() as s:
        info = acknowledge_alert(s, world.mediator_a, alert_id, today=dt.date(2026, 11, 3))
    assert info.acknowledged and info.acknowledged_by == "调解员甲"
    with world.factory() as s:
        row = s.get(Alert, alert_id)
        assert row is not None and row.acknowledged_by_id == world.mediator_a.user_id
        assert row.acknowledged_at is not None
        first_at = row.acknowledged_at
        assert count_unacknowledged(s, world.mediator_a) == 1
    # Gone from the open list, still in the full one; a second acknowledgement keeps the first.
    assert world.number(world.a1) not in [n for n, _, _ in world.listed(world.mediator_a)]
    full = world.listed(world.mediator_a, include_acknowledged=True)
    assert (world.number(world.a1), "overdue", True) in full
    with world.factory.begin() as s:
        again = acknowledge_alert(s, world.manager, alert_id)
    assert again.acknowledged_by == "调解员甲" and again.acknowledged_at == first_at


def test_acknowledging_is_refused_outside_ones_responsibility(world: World) -> None:
    world.scan(dt.date(2026, 11, 3))
    b1_alert = world.alert_id(world.b1, "overdue")
    for who in (world.mediator_a, world.manager_tl02, world.staff):
        with world.factory.begin() as s, pytest.raises(PermissionDenied):
            acknowledge_alert(s, who, b1_alert)
    with world.factory.begin() as s, pytest.raises(NotFound):
        acknowledge_alert(s, world.city, 999_999)
    # All or nothing: one refused alert refuses the lot.
    a1_alert = world.alert_id(world.a1, "overdue")
    with world.factory.begin() as s, pytest.raises(PermissionDenied):
        acknowledge_alerts(s, world.mediator_a, [a1_alert, b1_alert])
    with world.factory() as s:
        assert count_unacknowledged(s, world.mediator_a) == 2


def test_a_withdrawn_alert_cannot_be_acknowledged(world: World) -> None:
    world.scan(dt.date(2026, 11, 3))
    alert_id = world.alert_id(world.a1, "overdue")
    with world.factory.begin() as s:
        case = s.get(Case, world.a1)
        assert case is not None
        case.status, case.closed_on = CaseStatus.CLOSED, dt.date(2026, 11, 3)
        refresh_case_limits(s, case)
    with world.factory.begin() as s, pytest.raises(IllegalTransition) as info:
        acknowledge_alert(s, world.mediator_a, alert_id)
    assert info.value.code == "alert_withdrawn"


def test_deleting_a_case_deletes_its_alerts_through_its_limits(world: World) -> None:
    """alerts.case_id has no foreign key of its own (migration 0017): the case's limits
    cascade to their alerts."""
    world.scan(dt.date(2026, 11, 3))
    with world.factory.begin() as s:
        assert s.scalar(select(func.count()).where(Alert.case_id == world.a1)) == 1
        s.execute(delete(Case).where(Case.id == world.a1))
    with world.factory() as s:
        assert s.scalar(select(func.count()).where(Alert.case_id == world.a1)) == 0
        assert s.scalar(select(func.count()).where(CaseLimit.case_id == world.a1)) == 0
        assert s.scalar(select(func.count()).select_from(Alert)) == 3  # the other cases'


# --- concurrency ----------------------------------------------------------------------------


def _in_threads(workers: list[Callable[[], Any]]) -> list[Any]:
    results: list[Any] = [None] * len(workers)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            results[index] = workers[index]()
        except BaseException as exc:  # handed to the test thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
        assert not t.is_alive(), "a scan did not finish"
    if errors:
        raise errors[0]
    return results


def test_scans_running_at_once_create_each_alert_once(world: World, database_url: str) -> None:
    """Two clients (each its own engine) scan the same moments at the same time."""
    barrier = threading.Barrier(2)
    days = [dt.date(2026, 10, 18), dt.date(2026, 10, 28), dt.date(2026, 11, 2)]

    def client() -> int:
        engine = ipdesk_db.make_engine(database_url)
        try:
            factory = ipdesk_db.make_session_factory(engine)
            created = 0
            for day in days:
                barrier.wait(timeout=60)
                with factory.begin() as s:
                    created += scan_alerts(s, at(day)).created
            return created
        finally:
            engine.dispose()

    created = _in_threads([client, client])
    with world.factory() as s:
        rows = s.scalar(select(func.count()).select_from(Alert))
        distinct = s.execute(select(Alert.limit_id, Alert.threshold, Alert.due_on).distinct()).all()
    # Due 11-02: warn:15, warn:5 and due for three limits; due 11-09: warn:15 on 10-28
    # (on 11-02 it is 7 days away, still warn:15).
    assert sum(created) == rows == len(distinct) == 10


def test_a_scan_waiting_on_an_uncommitted_scan_creates_nothing(
    world: World, database_url: str, backend: str
) -> None:
    """PostgreSQL: scan B runs while scan A has inserted but not committed the same
    alerts; B blocks on A's rows, then finds them and creates none."""
    if backend != "postgresql":
        pytest.skip("SQLite serialises writers at BEGIN IMMEDIATE: no such interleaving")
    now = at(dt.date(2026, 11, 3))
    engine_a = ipdesk_db.make_engine(database_url)
    engine_b = ipdesk_db.make_engine(database_url)
    try:
        with ipdesk_db.make_session_factory(engine_a)() as a:
            a.begin()
            first = scan_alerts(a, now)
            assert first.created == 4
            b_result: list[ScanResult] = []
            thread = threading.Thread(target=lambda: b_result.append(_scan_once(engine_b, now)))
            thread.start()
            _wait_until_blocked(engine_a, a)
            a.commit()
        thread.join(timeout=60)
        assert not thread.is_alive()
        assert b_result[0].created == 0
        assert b_result[0].examined == 4
    finally:
        engine_a.dispose()
        engine_b.dispose()
    with world.factory() as s:
        assert s.scalar(select(func.count()).select_from(Alert)) == 4


def _scan_once(engine: Engine, now: dt.datetime) -> ScanResult:
    with ipdesk_db.make_session_factory(engine).begin() as s:
        return scan_alerts(s, now)


def _wait_until_blocked(engine: Engine, holder: Session, timeout: float = 30.0) -> None:
    """Poll pg_locks until another backend waits for a lock the holder's transaction has."""
    holder_pid = holder.execute(text("SELECT pg_backend_pid()")).scalar_one()
    deadline = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=timeout)
    with engine.connect() as probe:
        while dt.datetime.now(dt.UTC) < deadline:
            waiting = probe.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"
                ),
                {"pid": holder_pid},
            ).scalar_one()
            probe.rollback()
            if waiting:
                return
    raise AssertionError("scan B never waited for scan A")


# --- demo data ------------------------------------------------------------------------------


def test_demo_alerts_are_raised_and_some_acknowledged_by_their_mediators(
    session_factory: sessionmaker[Session],
) -> None:
    from ipdesk.demo.alerts import add_demo_alerts
    from ipdesk.demo.generator import generate

    with session_factory.begin() as s:
        seed(s)
    today = dt.date(2026, 11, 27)
    generate(session_factory, cases=1000, seed=1, today=today)  # its later stages scan too
    with session_factory() as s:
        rows = s.execute(
            select(Alert.acknowledged_by_id, Case.mediator_id, Alert.due_on).join(
                Case, Case.id == Alert.case_id
            )
        ).all()
    acknowledged = [(by, mediator) for by, mediator, _ in rows if by is not None]
    assert 0 < len(acknowledged) < len(rows)
    assert all(by == mediator for by, mediator in acknowledged)
    # What fell due a month or more ago was seen then: the dock starts with what is recent.
    seen_by = today - dt.timedelta(days=30)
    old = [by for by, mediator, due in rows if mediator is not None and due <= seen_by]
    assert old and all(by is not None for by in old)
    recent = [by for by, mediator, due in rows if mediator is not None and due > seen_by]
    assert any(by is None for by in recent)
    # Deterministic, and a second call finds nothing new.
    assert add_demo_alerts(session_factory, at(today)).created == 0
