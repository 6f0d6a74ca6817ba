"""Follow-up visits: the policy, the schedule, the record, the work list, the limit.

Hand-checked dates (chinesecalendar 1.11): a case closed on Tue 2026-09-01 is first visited
30 days later, Thu 2026-10-01 — the National Day holiday (10-01..10-07) — so on Thu
2026-10-08; the visit's limit runs 30 days from there to Sat 2026-11-07, rolled over to
Mon 2026-11-09. Its second visit (serious cases: two a year) is 30 + 182 = 212 days after
closure: Thu 2027-04-01 (2027 is not covered yet: provisional, no holiday that day).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Alert,
    Case,
    CaseCategory,
    CaseLimit,
    CaseStatus,
    FollowUpPolicy,
    FollowUpVisit,
    LimitKind,
    LimitState,
    Performance,
    User,
    VisitMethod,
    VisitState,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.followups import (
    PolicyInfo,
    is_sampled,
    list_policies,
    planned_dates,
    record_visit,
    schedule_follow_ups,
    schedule_follow_ups_for_closed,
    update_policy,
    visit_info,
    work_list,
)
from ipdesk.services.cases.limits import LimitContext, refresh_case_limits
from ipdesk.services.errors import (
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from ipdesk.services.rules.deadlines import BEIJING
from tests.helpers.factories import (
    People,
    make_case_with_limits,
    make_people,
    seed,
)

D = dt.date
CLOSED = D(2026, 9, 1)
FIRST = D(2026, 10, 8)
FIRST_DUE = D(2026, 11, 9)
SECOND = D(2027, 4, 1)


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


@pytest.fixture
def people(db: sessionmaker[Session]) -> People:
    with db.begin() as s:
        return make_people(s)


def closed_case(
    s: Session,
    people: People,
    category: CaseCategory = CaseCategory.SERIOUS,
    *,
    closed_on: dt.date = CLOSED,
    station: str = "TL01-S01",
    mediator: int | None = -1,
) -> Case:
    return make_case_with_limits(
        s,
        station,
        CaseStatus.CLOSED,
        received_on=closed_on - dt.timedelta(days=40),
        closed_on=closed_on,
        category=category,
        mediator_id=people.mediator if mediator == -1 else mediator,
    )


def limits_of(s: Session, case_id: int) -> list[tuple[int, dt.date, dt.date | None, LimitState]]:
    return [
        (row.ref_key, row.start_on, row.due_on, row.state)
        for row in s.scalars(
            select(CaseLimit)
            .where(CaseLimit.case_id == case_id, CaseLimit.kind == LimitKind.FOLLOW_UP)
            .order_by(CaseLimit.ref_key)
        )
    ]


# --------------------------------------------------------------------------- policy


def test_the_seeded_policy_and_editing_it(db: sessionmaker[Session], people: People) -> None:
    with db.begin() as s:
        admin = people.actor(s, "admin")
        assert list_policies(s, admin) == [
            PolicyInfo(CaseCategory.SERIOUS, 2, Decimal("1.000"), 30),
            PolicyInfo(CaseCategory.ORDINARY, 1, Decimal("1.000"), 60),
            PolicyInfo(CaseCategory.MINOR, 1, Decimal("0.300"), 90),
        ]
        changed = update_policy(
            s, admin, "minor", visits_per_year=2, sample_share="0.5", first_delay_days=45
        )
        assert changed == PolicyInfo(CaseCategory.MINOR, 2, Decimal("0.500"), 45)
    with db() as s:
        row = s.get(FollowUpPolicy, CaseCategory.MINOR)
        assert row is not None and (row.visits_per_year, row.sample_share) == (2, Decimal("0.5"))


def test_only_the_administrator_edits_the_policy_and_bad_values_are_refused(
    db: sessionmaker[Session], people: People
) -> None:
    with db.begin() as s:
        with pytest.raises(PermissionDenied):
            update_policy(
                s,
                people.actor(s, "city"),
                CaseCategory.MINOR,
                visits_per_year=1,
                sample_share=1,
                first_delay_days=1,
            )
        admin = people.actor(s, "admin")
        with pytest.raises(ValidationErrors) as caught:
            update_policy(
                s,
                admin,
                CaseCategory.MINOR,
                visits_per_year=13,
                sample_share=0,
                first_delay_days=-1,
            )
        assert [e.field for e in caught.value.errors] == [
            "visits_per_year",
            "sample_share",
            "first_delay_days",
        ]
        for share, code in (
            ("1.0001", "share_range"),
            ("0.3333", "share_digits"),
            ("x", "share_number"),
        ):
            with pytest.raises(ValidationError) as one:
                update_policy(
                    s,
                    admin,
                    CaseCategory.MINOR,
                    visits_per_year=1,
                    sample_share=share,
                    first_delay_days=1,
                )
            assert one.value.code == code
        with pytest.raises(ValidationError):
            update_policy(s, admin, "grave", visits_per_year=1, sample_share=1, first_delay_days=1)


def test_sampling_is_deterministic_monotone_and_about_the_share() -> None:
    numbers = [f"TL01-2026-{n:05d}" for n in range(1, 10_001)]
    at_30 = {n for n in numbers if is_sampled(n, Decimal("0.3"))}
    assert 2800 < len(at_30) < 3200
    assert at_30 == {n for n in numbers if is_sampled(n, 0.3)}
    at_40 = {n for n in numbers if is_sampled(n, Decimal("0.4"))}
    assert at_30 < at_40
    assert all(is_sampled(n, 1) for n in numbers[:50])
    assert not any(is_sampled(n, 0) for n in numbers[:50])


def test_planned_dates_come_from_the_deadline_engine(db: sessionmaker[Session]) -> None:
    with db() as s:
        calendar = LimitContext.load(s).calendar
    assert planned_dates(CLOSED, 2, 30, calendar) == [FIRST, SECOND]
    assert planned_dates(CLOSED, 0, 30, calendar) == []
    # delay 0: the closure day itself when it is a working day, else the next one
    assert planned_dates(D(2026, 9, 1), 1, 0, calendar) == [D(2026, 9, 1)]
    assert planned_dates(D(2026, 10, 3), 1, 0, calendar) == [D(2026, 10, 8)]
    assert planned_dates(CLOSED, 4, 0, calendar) == [
        D(2026, 9, 1),
        D(2026, 12, 1),
        D(2027, 3, 2),
        D(2027, 6, 1),
    ]


# --------------------------------------------------------------------------- schedule


def test_closing_schedules_the_visits_with_their_limits(
    db: sessionmaker[Session], people: People
) -> None:
    with db.begin() as s:
        case = closed_case(s, people)
        ids = schedule_follow_ups(s, case)
        assert len(ids) == 2
        visits = s.scalars(
            select(FollowUpVisit).where(FollowUpVisit.case_id == case.id).order_by(FollowUpVisit.id)
        ).all()
        assert [(v.due_on, v.state, v.responsible_id) for v in visits] == [
            (FIRST, VisitState.PLANNED, people.mediator),
            (SECOND, VisitState.PLANNED, people.mediator),
        ]
        (first, first_start, first_due, first_state), second = limits_of(s, case.id)
        assert (first, first_start, first_due, first_state) == (
            ids[0],
            FIRST,
            FIRST_DUE,
            LimitState.RUNNING,
        )
        assert second[:2] == (ids[1], SECOND)
        assert schedule_follow_ups(s, case.id) == []  # already scheduled
        with pytest.raises(NotFound):
            schedule_follow_ups(s, 999_999)
        open_case = make_case_with_limits(s, status=CaseStatus.MEDIATING)
        assert schedule_follow_ups(s, open_case) == []


def test_minor_cases_are_sampled_by_their_number(db: sessionmaker[Session], people: People) -> None:
    with db.begin() as s:
        seen = set()
        for _ in range(12):
            case = closed_case(s, people, CaseCategory.MINOR)
            planned = schedule_follow_ups(s, case)
            sampled = is_sampled(case.number, Decimal("0.3"))
            seen.add(sampled)
            assert len(planned) == (1 if sampled else 0)
        admin = people.actor(s, "admin")
        update_policy(
            s, admin, CaseCategory.ORDINARY, visits_per_year=0, sample_share=1, first_delay_days=0
        )
        assert schedule_follow_ups(s, closed_case(s, people, CaseCategory.ORDINARY)) == []


def test_bulk_scheduling_matches_one_by_one(db: sessionmaker[Session], people: People) -> None:
    with db.begin() as s:
        cases = [
            closed_case(s, people, category, closed_on=CLOSED + dt.timedelta(days=n))
            for n, category in enumerate(
                [CaseCategory.SERIOUS, CaseCategory.ORDINARY, *[CaseCategory.MINOR] * 8]
            )
        ]
        make_case_with_limits(s, status=CaseStatus.MEDIATING)  # not closed: nothing
        summary = schedule_follow_ups_for_closed(s, batch_size=3)
        expected_visits = 2 + 1 + sum(is_sampled(c.number, Decimal("0.3")) for c in cases[2:])
        assert (summary.examined, summary.visits) == (10, expected_visits)
        written = {c.id: limits_of(s, c.id) for c in cases}
        context = LimitContext.load(s)
        for case in cases:
            refresh_case_limits(s, case, context)  # what the limit source derives
        assert {c.id: limits_of(s, c.id) for c in cases} == written
        assert written[cases[0].id][0][1:] == (FIRST, FIRST_DUE, LimitState.RUNNING)
        again = schedule_follow_ups_for_closed(s)
        assert (again.examined, again.visits) == (10 - summary.scheduled, 0)


# --------------------------------------------------------------------------- the limit


def test_an_overdue_visit_alerts_and_recording_it_meets_the_limit(
    db: sessionmaker[Session], people: People
) -> None:
    with db.begin() as s:
        case = closed_case(s, people)
        first, _ = schedule_follow_ups(s, case)
    with db.begin() as s:
        result = scan_alerts(s, dt.datetime(2026, 11, 10, 9, tzinfo=BEIJING))
        made = [(a.case_id, a.kind, a.threshold, a.due) for a in result.alerts]
        assert (case.id, LimitKind.FOLLOW_UP, "overdue", FIRST_DUE) in made
    with db.begin() as s:
        info = record_visit(
            s,
            people.actor(s, "mediator"),
            first,
            done_on=D(2026, 11, 10),
            method=VisitMethod.PHONE,
            person_visited="张三",
            performance=Performance.PARTIAL,
            satisfaction=4,
            notes="  已支付一半  ",
            problems="余款未付",
            next_action="下月再访",
            today=D(2026, 11, 10),
        )
        assert info.state == VisitState.DONE and info.notes == "已支付一半"
        assert info.visitor == s.get_one(User, people.mediator).display_name
        assert limits_of(s, case.id)[0][3] == LimitState.MET
        alert = s.scalars(select(Alert).where(Alert.case_id == case.id)).one()
        assert alert.withdrawn_at is not None


def test_reopening_the_case_cancels_the_visit_limits(
    db: sessionmaker[Session], people: People
) -> None:
    with db.begin() as s:
        case = closed_case(s, people)
        visit_id = schedule_follow_ups(s, case)[0]
        case.status, case.closed_on, case.outcome = CaseStatus.MEDIATING, None, None
        refresh_case_limits(s, case)
        assert {state for *_, state in limits_of(s, case.id)} == {LimitState.CANCELLED}
        assert work_list(s, people.actor(s, "mediator"), today=FIRST, horizon_days=None) == []
        with pytest.raises(IllegalTransition):
            record_visit(
                s,
                people.actor(s, "mediator"),
                visit_id,
                done_on=FIRST,
                method="phone",
                person_visited="张三",
                performance="full",
                satisfaction=5,
                today=FIRST,
            )


# --------------------------------------------------------------------------- recording


def test_record_visit_validates_every_field(db: sessionmaker[Session], people: People) -> None:
    with db.begin() as s:
        case = closed_case(s, people)
        visit_id = schedule_follow_ups(s, case)[0]
        mediator = people.actor(s, "mediator")
        with pytest.raises(ValidationErrors) as caught:
            record_visit(
                s,
                mediator,
                visit_id,
                done_on=D(2026, 11, 11),
                method="fax",
                person_visited="  ",
                performance=Performance.PENDING,
                satisfaction=6,
                notes="长" * 2001,
                today=D(2026, 11, 10),
            )
        assert [e.field for e in caught.value.errors] == [
            "done_on",
            "method",
            "person_visited",
            "performance",
            "satisfaction",
            "notes",
        ]
        for kwargs, field in (
            ({"done_on": CLOSED - dt.timedelta(days=1)}, "done_on"),
            ({"satisfaction": True}, "satisfaction"),
            ({"person_visited": "名" * 101}, "person_visited"),
            ({"performance": None}, "performance"),  # the case ended in an agreement
        ):
            args = {
                "done_on": D(2026, 11, 10),
                "method": "visit",
                "person_visited": "张三",
                "performance": "full",
                "satisfaction": 3,
            } | kwargs
            with pytest.raises(ValidationError) as one:
                record_visit(s, mediator, visit_id, today=D(2026, 11, 10), **args)  # type: ignore[arg-type]
            assert one.value.field == field
        # nothing was written
        assert s.get_one(FollowUpVisit, visit_id).state == VisitState.PLANNED


def test_who_may_record_a_visit(db: sessionmaker[Session], people: People) -> None:
    with db.begin() as s:
        case = closed_case(s, people, CaseCategory.SERIOUS)
        case.outcome = CaseStatus.FAILED  # no agreement: performance may stay empty
        first, second = schedule_follow_ups(s, case)

        def record(who: Actor, visit: int) -> object:
            return record_visit(
                s,
                who,
                visit,
                done_on=D(2026, 11, 10),
                method="online",
                person_visited="张三",
                performance=None,
                satisfaction=5,
                today=D(2026, 11, 10),
            )

        for name in ("staff", "mediator2", "mediator_other", "manager_other", "admin"):
            with pytest.raises(PermissionDenied):
                record(people.actor(s, name), first)
        with pytest.raises(NotFound):
            record(people.actor(s, "manager"), 999_999)
        assert record(people.actor(s, "manager"), first)
        assert record(people.actor(s, "city"), second)
        with pytest.raises(IllegalTransition):
            record(people.actor(s, "manager"), first)
        assert visit_info(s, people.actor(s, "mediator"), first).performance is None


# --------------------------------------------------------------------------- work list


def test_the_work_list_of_each_role(db: sessionmaker[Session], people: People) -> None:
    with db.begin() as s:
        mine = closed_case(s, people, CaseCategory.ORDINARY, closed_on=D(2026, 8, 3))
        other = closed_case(s, people, CaseCategory.ORDINARY, mediator=people.mediator2)
        unassigned = closed_case(s, people, CaseCategory.ORDINARY, mediator=None)
        unassigned.mediator_id = people.mediator  # assigned after the visit was planned
        far = closed_case(
            s, people, CaseCategory.ORDINARY, station="TL02-S01", mediator=people.mediator_other
        )
        for case in (mine, other, unassigned, far):
            schedule_follow_ups(s, case)
        today = D(2026, 10, 20)
        # mine: closed 08-03 + 60 = 10-02 (holiday) -> 10-08, deadline 11-07 -> 11-09.
        # The others: closed 09-01 + 60 = 10-31 (Saturday) -> 11-02.
        listed = work_list(s, people.actor(s, "mediator"), today=today, horizon_days=30)
        assert [(v.case_id, v.planned_on) for v in listed] == [
            (mine.id, D(2026, 10, 8)),
            (unassigned.id, D(2026, 11, 2)),
        ]
        assert listed[0].deadline == FIRST_DUE and listed[0].days_left == 20
        assert not listed[0].overdue
        assert work_list(s, people.actor(s, "mediator"), today=today, horizon_days=5) == listed[:1]
        manager = work_list(s, people.actor(s, "manager"), today=today)
        assert {v.case_id for v in manager} == {mine.id, other.id, unassigned.id}
        city = work_list(s, people.actor(s, "city"), today=D(2026, 12, 20))
        assert city[0].case_id == mine.id and len(city) == 4
        assert city[0].overdue and city[0].days_left == -41
        with pytest.raises(PermissionDenied):
            work_list(s, people.actor(s, "staff"))
        with pytest.raises(NotFound):
            visit_info(s, people.actor(s, "mediator_other"), listed[0].id)


# --------------------------------------------------------------------------- demo


def test_demo_follow_ups_reach_about_ninety_percent(session_factory: sessionmaker[Session]) -> None:
    from ipdesk.demo.followups import add_demo_follow_ups
    from ipdesk.demo.generator import generate
    from ipdesk.services.queries.dashboard import DashboardFilter, Period, figures

    today = D(2026, 11, 27)
    with session_factory.begin() as s:
        seed(s)
    generate(session_factory, cases=600, seed=5, today=today, later_stages=False)
    summary = add_demo_follow_ups(session_factory, 5, today, chunk=100)
    assert summary.visits_planned > 300 and summary.visits_done > 200
    with session_factory() as s:
        year = DashboardFilter(Period(today - dt.timedelta(days=364), today))
        rate = figures(s, Actor.system(), year, today=today).total.follow_up_rate
        assert rate is not None and 0.85 < rate < 0.95
        done_limits = s.scalar(
            select(func.count())
            .select_from(CaseLimit)
            .where(CaseLimit.kind == LimitKind.FOLLOW_UP, CaseLimit.state == LimitState.MET)
        )
        assert done_limits == summary.visits_done
    again = add_demo_follow_ups(session_factory, 5, today)
    assert (again.visits_planned, again.visits_done) == (0, 0)
