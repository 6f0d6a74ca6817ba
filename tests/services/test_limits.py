"""Limits derived from a case's events, recomputed after rule and holiday changes.

Hand-checked dates (chinesecalendar 1.11): accepted Tue 2026-09-01 + 60 days = Sat
2026-10-31, rolled over to Mon 2026-11-02. Received Mon 2026-08-31 + 5 working days =
Mon 2026-09-07. 30 days after 2026-09-01 is Thu 2026-10-01, inside the National Day
holiday (10-01..10-07): due Thu 2026-10-08.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

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
from ipdesk.services.cases import limits
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.limits import (
    LimitContext,
    LimitSpec,
    deadline_board,
    limit_source,
    managed_kinds,
    parse_warn_days,
    refresh_all_open,
    refresh_case_limits,
    threshold_for,
)
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.rules.deadlines import BEIJING, legal_today
from tests.helpers.factories import actor, make_case_with_limits, make_user, seed

RECEIVED = dt.date(2026, 8, 31)
ACCEPTED = dt.date(2026, 9, 1)
DUE = dt.date(2026, 11, 2)


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


def accepted_case(s: Session, station: str = "TL01-S01", **overrides: object) -> Case:
    fields: dict[str, object] = {"received_on": RECEIVED, "accepted_on": ACCEPTED}
    fields.update(overrides)
    return make_case_with_limits(s, station, CaseStatus.ACCEPTED, **fields)


def limit_of(s: Session, case_id: int, kind: LimitKind = LimitKind.HANDLING) -> CaseLimit:
    return s.scalars(
        select(CaseLimit).where(CaseLimit.case_id == case_id, CaseLimit.kind == kind)
    ).one()


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=BEIJING)


def open_alerts(s: Session, case_id: int) -> list[tuple[str, dt.date]]:
    return sorted(
        s.execute(
            select(Alert.threshold, Alert.due_on).where(
                Alert.case_id == case_id, Alert.withdrawn_at.is_(None)
            )
        )
    )


# --- pure helpers ---------------------------------------------------------------------------


def test_warn_days_parse_leniently() -> None:
    assert parse_warn_days("15,5") == (15, 5)
    assert parse_warn_days(" 5，15 ,5,,") == (15, 5)
    assert parse_warn_days("x,0,-3,7") == (7,)
    assert parse_warn_days(None) == ()


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 10, 17), None),  # 16 days left
        (dt.date(2026, 10, 18), "warn:15"),  # 15 days left
        (dt.date(2026, 10, 27), "warn:15"),  # 6 days left
        (dt.date(2026, 10, 28), "warn:5"),  # 5 days left
        (dt.date(2026, 11, 2), "due"),
        (dt.date(2026, 11, 3), "overdue"),
    ],
)
def test_threshold_is_the_most_urgent_one_reached(today: dt.date, expected: str | None) -> None:
    assert threshold_for(DUE, today, (15, 5)) == expected


def test_legal_today_is_the_beijing_date() -> None:
    # 17:00 UTC on 11-26 is 01:00 on 11-27 in Beijing.
    assert legal_today(dt.datetime(2026, 11, 26, 17, tzinfo=dt.UTC)) == dt.date(2026, 11, 27)
    with pytest.raises(ValueError, match="naive"):
        legal_today(dt.datetime(2026, 11, 26, 17))


# --- one case -------------------------------------------------------------------------------


def test_a_registered_case_has_a_running_acceptance_decision_limit(
    db: sessionmaker[Session],
) -> None:
    with db.begin() as s:
        case = make_case_with_limits(s, status=CaseStatus.REGISTERED, received_on=RECEIVED)
        decision = limit_of(s, case.id, LimitKind.ACCEPTANCE_DECISION)
        assert (decision.start_on, decision.due_on, decision.state) == (
            RECEIVED,
            dt.date(2026, 9, 7),
            LimitState.RUNNING,
        )
        assert s.scalar(select(func.count()).select_from(CaseLimit)) == 1
        # Not yet accepted: the case's due date is the decision on acceptance's.
        assert case.due_on == dt.date(2026, 9, 7) and not case.is_suspended


def test_acceptance_meets_the_decision_limit_and_starts_the_handling_limit(
    db: sessionmaker[Session],
) -> None:
    with db.begin() as s:
        case = accepted_case(s)
        decision = limit_of(s, case.id, LimitKind.ACCEPTANCE_DECISION)
        handling = limit_of(s, case.id)
        assert (decision.state, decision.met_on) == (LimitState.MET, ACCEPTED)
        assert (handling.start_on, handling.due_on, handling.state) == (
            ACCEPTED,
            DUE,
            LimitState.RUNNING,
        )
        assert handling.calendar_covered
        assert case.due_on == DUE


def test_undoing_the_acceptance_cancels_the_handling_limit_and_its_alerts(
    db: sessionmaker[Session],
) -> None:
    with db.begin() as s:
        case = accepted_case(s)
        scan_alerts(s, at(dt.date(2026, 10, 30)))
        assert open_alerts(s, case.id) == [("warn:5", DUE)]
        case.status, case.accepted_on = CaseStatus.REGISTERED, None
        refresh_case_limits(s, case)
        assert limit_of(s, case.id).state == LimitState.CANCELLED
        assert limit_of(s, case.id, LimitKind.ACCEPTANCE_DECISION).state == LimitState.RUNNING
        assert case.due_on == dt.date(2026, 9, 7)  # the decision on acceptance's again
        assert open_alerts(s, case.id) == []


def test_closing_meets_the_limit_and_withdraws_even_acknowledged_alerts(
    db: sessionmaker[Session],
) -> None:
    with db.begin() as s:
        case = accepted_case(s)
        scan_alerts(s, at(dt.date(2026, 11, 5)))
        alert = s.scalars(select(Alert).where(Alert.case_id == case.id)).one()
        alert.acknowledged_at = at(dt.date(2026, 11, 5), 10)
        s.flush()
        case.status, case.closed_on = CaseStatus.CLOSED, dt.date(2026, 11, 6)
        refresh_case_limits(s, case)
        handling = limit_of(s, case.id)
        assert (handling.state, handling.met_on, handling.due_on) == (
            LimitState.MET,
            dt.date(2026, 11, 6),
            DUE,
        )
        s.refresh(alert)
        assert alert.withdrawn_at is not None
        assert alert.acknowledged_at is not None  # the acknowledgement is kept


def test_an_open_suspension_pauses_the_limit(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        case = accepted_case(s)
        s.add(
            ClockAdjustment(
                case_id=case.id,
                kind=AdjustmentKind.SUSPENSION,
                start_on=dt.date(2026, 10, 10),
                reason="鉴定",
            )
        )
        refresh_case_limits(s, case)
        handling = limit_of(s, case.id)
        assert (handling.state, handling.due_on) == (LimitState.PAUSED, None)
        assert case.is_suspended and case.due_on is None


def test_a_case_without_rules_gets_no_limits(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        for rule in s.scalars(select(LimitRule)):
            s.delete(rule)
        case = accepted_case(s)
        assert s.scalar(select(func.count()).select_from(CaseLimit)) == 0
        assert case.due_on is None


def test_a_new_kind_of_limit_needs_only_a_source(
    db: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """How later issues add limits: register a source; due dates, pausing, recomputation
    and alerts come for free."""
    monkeypatch.setattr(limits, "_SOURCES", dict(limits._SOURCES))

    @limit_source(LimitKind.CONFIRMATION_APPLICATION)
    def _confirmation(_s: Session, case: Case) -> list[LimitSpec]:
        if case.status != CaseStatus.AGREEMENT:
            return []
        return [LimitSpec(LimitKind.CONFIRMATION_APPLICATION, dt.date(2026, 9, 5))]

    assert LimitKind.CONFIRMATION_APPLICATION in managed_kinds()
    with db.begin() as s:
        case = make_case_with_limits(
            s, status=CaseStatus.AGREEMENT, received_on=RECEIVED, accepted_on=ACCEPTED
        )
        window = limit_of(s, case.id, LimitKind.CONFIRMATION_APPLICATION)
        # domain.md: an agreement effective 2026-09-05 must be brought by 2026-10-08.
        assert (window.due_on, window.state) == (dt.date(2026, 10, 8), LimitState.RUNNING)
        result = scan_alerts(s, at(dt.date(2026, 10, 8)))
        assert [(a.kind, a.threshold) for a in result.alerts] == [
            (LimitKind.CONFIRMATION_APPLICATION, "due")
        ]
        case.status = CaseStatus.CONFIRMATION_REQUESTED
        refresh_case_limits(s, case)
        assert limit_of(s, case.id, LimitKind.CONFIRMATION_APPLICATION).state == (
            LimitState.CANCELLED
        )
        assert open_alerts(s, case.id) == []


def test_limits_of_kinds_without_a_source_are_left_alone(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        case = accepted_case(s)
        s.add(
            CaseLimit(
                case_id=case.id,
                kind=LimitKind.CONSULTATION_ANSWER,
                ref_key=7,
                start_on=dt.date(2026, 9, 30),
                due_on=dt.date(2026, 10, 20),
                state=LimitState.RUNNING,
            )
        )
        s.flush()
        refresh_case_limits(s, case)
        other = limit_of(s, case.id, LimitKind.CONSULTATION_ANSWER)
        assert other.state == LimitState.RUNNING
        # ...but a recomputation of all open limits applies its rule (10 working days
        # after Wed 09-30: 10-08, 09, Sat 10-10 (adjusted), 12, 13, 14, 15, 16, 19, 20).
        other.due_on = dt.date(2026, 1, 1)
        s.flush()
        refresh_all_open(s)
        s.refresh(other)
        assert other.due_on == dt.date(2026, 10, 20)


# --- all open limits ------------------------------------------------------------------------


def test_a_rule_change_moves_open_limits_only(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        running = accepted_case(s)
        closed = make_case_with_limits(
            s,
            status=CaseStatus.CLOSED,
            received_on=RECEIVED,
            accepted_on=ACCEPTED,
            closed_on=dt.date(2026, 10, 1),
        )
        version = running.version_id
        ids = (running.id, closed.id)
    with db.begin() as s:
        rule = s.get(LimitRule, LimitKind.HANDLING)
        assert rule is not None
        rule.days = 30
        s.flush()
        summary = refresh_all_open(s)
        # The running limit and nothing else changed; the closed case keeps its history.
        assert (summary.examined, summary.changed) == (1, 1)
    with db() as s:
        running_case, closed_case = (s.get(Case, i) for i in ids)
        assert running_case is not None and closed_case is not None
        assert running_case.due_on == dt.date(2026, 10, 8)
        assert limit_of(s, running_case.id).due_on == dt.date(2026, 10, 8)
        assert running_case.version_id == version  # derived data: no one's edit goes stale
        assert closed_case.due_on == DUE
        assert limit_of(s, closed_case.id).due_on == DUE


def test_a_shared_context_serves_the_refreshes_of_its_block(db: sessionmaker[Session]) -> None:
    """limits.shared_context (the demo's adjudicated cases: the rules and the calendar read
    once, not at each of a case's refreshes): in the block a refresh computes with the
    context given, after it with the rules read again."""
    with db.begin() as s:
        case = accepted_case(s)
        stored = LimitContext.load(s)
        thirty = LimitRule(kind=LimitKind.HANDLING, days=30, working_days=False, warn_days="5")
        shorter = LimitContext({**stored.rules, LimitKind.HANDLING: thirty}, stored.calendar)
        with limits.shared_context(s, shorter):
            refresh_case_limits(s, case)
            assert case.due_on == limit_of(s, case.id).due_on == dt.date(2026, 10, 8)
        refresh_case_limits(s, case)
        assert case.due_on == limit_of(s, case.id).due_on == DUE


def test_a_rule_change_withdraws_alerts_of_the_old_due_date(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        case = accepted_case(s)
        scan_alerts(s, at(dt.date(2026, 10, 20)))
        assert open_alerts(s, case.id) == [("warn:15", DUE)]
        rule = s.get(LimitRule, LimitKind.HANDLING)
        assert rule is not None
        rule.days = 90
        s.flush()
        summary = refresh_all_open(s)
        assert summary.withdrawn == 1
        assert open_alerts(s, case.id) == []
        assert scan_alerts(s, at(dt.date(2026, 10, 20))).created == 0  # 12-01 is far


def test_a_threshold_removed_from_the_rule_withdraws_its_alerts(
    db: sessionmaker[Session],
) -> None:
    with db.begin() as s:
        case = accepted_case(s)
        scan_alerts(s, at(dt.date(2026, 10, 20)))
        rule = s.get(LimitRule, LimitKind.HANDLING)
        assert rule is not None
        rule.warn_days = "10,3"
        s.flush()
        summary = refresh_all_open(s)
        assert (summary.changed, summary.withdrawn) == (0, 1)
        assert open_alerts(s, case.id) == []
        # 13 days left: no threshold of the new rule reached yet.
        assert scan_alerts(s, at(dt.date(2026, 10, 20))).created == 0
        assert [a.threshold for a in scan_alerts(s, at(dt.date(2026, 10, 23))).alerts] == [
            "warn:10"
        ]


def test_a_holiday_change_moves_the_due_date_and_its_alerts(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        case = accepted_case(s)
        scan_alerts(s, at(dt.date(2026, 10, 30)))
        assert open_alerts(s, case.id) == [("warn:5", DUE)]
        s.add(HolidayDay(day=DUE, is_rest=True, name="测试"))
        s.flush()
        summary = refresh_all_open(s)
        assert (summary.changed, summary.withdrawn) == (1, 1)
        assert case.due_on == dt.date(2026, 11, 3)  # expired and reloaded
        scan_alerts(s, at(dt.date(2026, 10, 30)))
        assert open_alerts(s, case.id) == [("warn:5", dt.date(2026, 11, 3))]


def test_refresh_all_open_is_proportional_to_open_limits(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        for _ in range(5):
            make_case_with_limits(
                s,
                status=CaseStatus.CLOSED,
                received_on=RECEIVED,
                accepted_on=ACCEPTED,
                closed_on=dt.date(2026, 10, 1),
            )
        for _ in range(3):
            accepted_case(s)
        make_case_with_limits(s, status=CaseStatus.REGISTERED, received_on=RECEIVED)
        total = s.scalar(select(func.count()).select_from(CaseLimit))
        summary = refresh_all_open(s, batch_size=2)
        assert total == 17  # 5 x 2 + 3 x 2 + 1
        assert (summary.examined, summary.changed, summary.withdrawn) == (4, 0, 0)


def test_context_knows_thresholds_and_horizon(db: sessionmaker[Session]) -> None:
    with db() as s:
        context = LimitContext.load(s)
    assert context.thresholds(LimitKind.HANDLING) == ("warn:15", "warn:5", "due", "overdue")
    assert context.horizon_days == 15


# --- the deadline board ---------------------------------------------------------------------

TODAY = dt.date(2026, 10, 25)


@pytest.fixture
def board_db(db: sessionmaker[Session]) -> Iterator[sessionmaker[Session]]:
    with db.begin() as s:
        # TL01: one overdue (accepted 08-20 -> due 10-19), two due soon (11-02), one far.
        accepted_case(
            s, "TL01-S01", accepted_on=dt.date(2026, 8, 20), received_on=RECEIVED.replace(day=19)
        )
        accepted_case(s, "TL01-S01")
        accepted_case(s, "TL01-S01")
        accepted_case(
            s, "TL01-S01", accepted_on=dt.date(2026, 10, 1), received_on=dt.date(2026, 9, 30)
        )
        # TL02: two overdue and one suspended.
        for _ in range(2):
            accepted_case(
                s, "TL02-S01", accepted_on=dt.date(2026, 8, 1), received_on=dt.date(2026, 7, 31)
            )
        suspended = accepted_case(s, "TL02-S01")
        s.add(
            ClockAdjustment(
                case_id=suspended.id,
                kind=AdjustmentKind.SUSPENSION,
                start_on=dt.date(2026, 10, 1),
                reason="鉴定",
            )
        )
        refresh_case_limits(s, suspended)
        # Closed cases do not count.
        make_case_with_limits(
            s,
            "TL03-S01",
            CaseStatus.CLOSED,
            received_on=RECEIVED,
            accepted_on=ACCEPTED,
            closed_on=dt.date(2026, 10, 1),
        )
    yield db


def test_board_counts_open_cases_by_office_most_urgent_first(
    board_db: sessionmaker[Session],
) -> None:
    with board_db.begin() as s:
        city = actor(make_user(s, Role.CITY_MANAGER))
        board = deadline_board(s, city, TODAY)
    assert board.soon_days == 15
    top = [(o.code, o.open_cases, o.suspended, o.due_soon, o.overdue) for o in board.offices[:3]]
    assert top == [("TL02", 3, 1, 0, 2), ("TL01", 4, 0, 2, 1), ("TL03", 0, 0, 0, 0)]
    assert len(board.offices) == 9
    assert (board.totals.open_cases, board.totals.overdue) == (7, 3)


def test_board_filters_describe_the_drill_down(board_db: sessionmaker[Session]) -> None:
    with board_db.begin() as s:
        city = actor(make_user(s, Role.CITY_MANAGER))
        board = deadline_board(s, city, TODAY, soon_days=10)
    tl01 = next(o for o in board.offices if o.code == "TL01")
    overdue = board.filter("overdue", tl01)
    assert (overdue.office_code, overdue.due_from, overdue.due_to) == (
        "TL01",
        None,
        dt.date(2026, 10, 24),
    )
    soon = board.filter("due_soon")
    assert (soon.office_id, soon.due_from, soon.due_to) == (None, TODAY, dt.date(2026, 11, 4))
    with pytest.raises(ValueError):
        board.filter("nonsense")


def test_office_managers_see_their_office_and_mediators_no_board(
    board_db: sessionmaker[Session],
) -> None:
    with board_db.begin() as s:
        manager = actor(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
        mediator = actor(make_user(s, Role.MEDIATOR, office="TL01"))
        board = deadline_board(s, manager, TODAY)
        assert [(o.code, o.overdue, o.due_soon) for o in board.offices] == [("TL01", 1, 2)]
        with pytest.raises(PermissionDenied):
            deadline_board(s, mediator, TODAY)
