"""The dashboard's maintained summary stays equal to its computation from the cases along
every workflow path, step by step, on both databases; the dashboard reads the same figures
from it as from the cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo.generator import generate
from ipdesk.models import Case, Role
from ipdesk.services.actors import Actor
from ipdesk.services.cases import clock, corrections, routing, workflow
from ipdesk.services.cases.corrections import CaseCorrection
from ipdesk.services.cases.intake import register_case
from ipdesk.services.queries import dashboard_summary
from ipdesk.services.queries.dashboard import DashboardFilter, Period, chart_data, figures
from tests.helpers.factories import make_user, seed, valid_intake_form
from tests.services.test_workflow import (  # the life cycle's moves, called uniformly
    TODAY,
    Org,
    _agreement,
    _application,
    _ruling,
    actor_of,
)


@pytest.fixture
def org(session_factory: sessionmaker[Session]) -> Org:
    with session_factory.begin() as s:
        seed(s)
        return Org(
            staff=make_user(s, Role.STATION_STAFF, station="TL01-S01").id,
            staff_other=make_user(s, Role.STATION_STAFF, station="TL01-S02").id,
            mediator=make_user(s, Role.MEDIATOR, office="TL01").id,
            mediator2=make_user(s, Role.MEDIATOR, office="TL01").id,
            mediator_other=make_user(s, Role.MEDIATOR, office="TL02").id,
            manager=make_user(s, Role.OFFICE_MANAGER, office="TL01").id,
            manager_other=make_user(s, Role.OFFICE_MANAGER, office="TL02").id,
            city=make_user(s, Role.CITY_MANAGER).id,
            admin=make_user(s, Role.ADMIN).id,
        )


CITY = Actor(user_id=None, name="check", role=Role.CITY_MANAGER)
PERIODS = (
    Period(TODAY - dt.timedelta(days=364), TODAY),
    Period(TODAY.replace(day=1), TODAY),
    Period(TODAY - dt.timedelta(days=40), TODAY - dt.timedelta(days=3)),
)


def check(factory: sessionmaker[Session], step: str) -> None:
    """The summary equals its computation from scratch, and the dashboard's figures and
    charts from it equal those of the full computation over the cases."""
    with factory() as s:
        differences = dashboard_summary.verify(s.connection())
        assert not differences, f"after {step}: {differences[0]}"
        for period in PERIODS:
            for soon in (15, 7):
                flt = DashboardFilter(period, soon_days=soon)
                summed = figures(s, CITY, flt, today=TODAY)
                full = figures(s, CITY, flt, today=TODAY, source="cases")
                assert summed == full, f"after {step}: figures of {period} differ"
            charts = chart_data(s, CITY, flt, today=TODAY, known=summed)
            assert charts == chart_data(s, CITY, flt, today=TODAY, known=full, source="cases")


Step = Callable[[Session, Org, Case], object]


def _version(s: Session, case_id: int) -> int:
    case = s.get(Case, case_id)
    assert case is not None
    return case.version_id


def run(factory: sessionmaker[Session], org: Org, case_id: int, steps: dict[str, Step]) -> None:
    for name, step in steps.items():
        with factory.begin() as s:
            case = s.get(Case, case_id)
            assert case is not None
            step(s, org, case)
        check(factory, name)


def register(factory: sessionmaker[Session], org: Org, received: dt.date, seed: int = 1) -> int:
    with factory.begin() as s:
        form = valid_intake_form(received=received, seed=seed)
        registered = register_case(s, actor_of(s, org.staff), form, today=TODAY)
        case_id = registered.id
    check(factory, "registration")
    return case_id


def test_every_workflow_path_keeps_the_summary(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    f = session_factory
    check(f, "nothing")
    accepted = TODAY - dt.timedelta(days=30)
    first = register(f, org, TODAY - dt.timedelta(days=32))
    run(
        f,
        org,
        first,
        {
            "accept": lambda s, o, c: workflow.accept(
                s, actor_of(s, o.manager), c.id, c.version_id, on=accepted
            ),
            "assignment": lambda s, o, c: routing.assign_mediator(
                s, actor_of(s, o.manager), c.id, c.version_id, o.mediator
            ),
            "mediation": lambda s, o, c: workflow.start_mediation(
                s, actor_of(s, o.mediator), c.id, c.version_id
            ),
            "suspension": lambda s, o, c: clock.suspend_case(
                s,
                actor_of(s, o.manager),
                c.id,
                c.version_id,
                reason="等待鉴定",
                start_on=TODAY - dt.timedelta(days=20),
                today=TODAY,
            ),
            "resumption": lambda s, o, c: clock.resume_case(
                s,
                actor_of(s, o.manager),
                c.id,
                c.version_id,
                resume_on=TODAY - dt.timedelta(days=12),
                today=TODAY,
            ),
            "extension": lambda s, o, c: clock.extend_case(
                s,
                actor_of(s, o.manager),
                c.id,
                c.version_id,
                days=15,
                reason="案情复杂",
                today=TODAY,
            ),
            "correction of the IP type": lambda s, o, c: corrections.correct_case(
                s,
                actor_of(s, o.mediator),
                c.id,
                c.version_id,
                CaseCorrection(ip_type="copyright", reason="登记有误"),
            ),
            "agreement": lambda s, o, c: _agreement(s, actor_of(s, o.mediator), c.id, c.version_id),
            "confirmation applied": lambda s, o, c: _application(
                s, actor_of(s, o.mediator), c.id, c.version_id
            ),
            "confirmation ruled": lambda s, o, c: _ruling(
                s, actor_of(s, o.mediator), c.id, c.version_id
            ),
            "closure": lambda s, o, c: workflow.close(
                s, actor_of(s, o.mediator), c.id, c.version_id
            ),
            "reopening": lambda s, o, c: workflow.reopen(
                s, actor_of(s, o.manager), c.id, c.version_id, "当事人反映协议未履行"
            ),
            "closure again": lambda s, o, c: workflow.close(
                s, actor_of(s, o.mediator), c.id, c.version_id
            ),
        },
    )
    rejected = register(f, org, TODAY - dt.timedelta(days=2), seed=2)
    run(
        f,
        org,
        rejected,
        {
            "rejection": lambda s, o, c: workflow.reject(
                s, actor_of(s, o.manager), c.id, c.version_id, "不属于知识产权纠纷"
            )
        },
    )
    failed = register(f, org, TODAY - dt.timedelta(days=80), seed=3)
    run(
        f,
        org,
        failed,
        {
            "accept": lambda s, o, c: workflow.accept(
                s, actor_of(s, o.manager), c.id, c.version_id, on=TODAY - dt.timedelta(days=79)
            ),
            "assignment": lambda s, o, c: routing.assign_mediator(
                s, actor_of(s, o.manager), c.id, c.version_id, o.mediator
            ),
            "mediation": lambda s, o, c: workflow.start_mediation(
                s, actor_of(s, o.mediator), c.id, c.version_id
            ),
            "failure": lambda s, o, c: workflow.record_failure(
                s, actor_of(s, o.mediator), c.id, c.version_id, court_code="CT-KEQ"
            ),
            "closure after failure": lambda s, o, c: workflow.close(
                s, actor_of(s, o.mediator), c.id, c.version_id
            ),
        },
    )
    withdrawn = register(f, org, TODAY - dt.timedelta(days=70), seed=4)
    run(
        f,
        org,
        withdrawn,
        {
            "accept": lambda s, o, c: workflow.accept(
                s, actor_of(s, o.manager), c.id, c.version_id, on=TODAY - dt.timedelta(days=69)
            ),
            "assignment": lambda s, o, c: routing.assign_mediator(
                s, actor_of(s, o.manager), c.id, c.version_id, o.mediator
            ),
            "mediation": lambda s, o, c: workflow.start_mediation(
                s, actor_of(s, o.mediator), c.id, c.version_id
            ),
            "withdrawal": lambda s, o, c: workflow.record_withdrawal(
                s, actor_of(s, o.mediator), c.id, c.version_id, reason="双方自行和解"
            ),
        },
    )
    transferred = register(f, org, TODAY - dt.timedelta(days=5), seed=5)
    run(
        f,
        org,
        transferred,
        {
            "transfer": lambda s, o, c: routing.transfer_case(
                s, actor_of(s, o.manager), c.id, c.version_id, "TL02", "纠纷发生地在科左中旗"
            )
        },
    )


def test_demo_generation_and_a_rebuild_keep_the_summary(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    generate(session_factory, cases=300, seed=5, today=TODAY)
    check(session_factory, "demo generation")
    generate(session_factory, cases=100, seed=6, today=TODAY)
    check(session_factory, "a second demo generation")
    with session_factory.begin() as s:
        s.execute(select(Case.id).limit(1))
        dashboard_summary.rebuild(s.connection())
    check(session_factory, "rebuild")


def _days_covered(ranges: list[dashboard_summary.Range]) -> dict[dt.date, int]:
    """How often each day (2019..2031) is counted by signed ranges of day, month and year
    rows (a month or year row: its first day)."""
    covered: dict[dt.date, int] = {}
    first_day, last_day = dt.date(2019, 1, 1), dt.date(2031, 12, 31)
    for kind, a, b, sign in ranges:
        day = max(a, first_day)
        while day <= min(b, last_day):
            if kind >= dashboard_summary.YEAR:
                span = (
                    (day, day.replace(month=12, day=31)) if day.timetuple().tm_yday == 1 else None
                )
            elif kind >= dashboard_summary.MONTH:
                nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                span = (day, nxt - dt.timedelta(days=1)) if day.day == 1 else None
            else:
                span = (day, day)
            if span is not None:
                d = span[0]
                while d <= span[1]:
                    covered[d] = covered.get(d, 0) + sign
                    d += dt.timedelta(days=1)
            day += dt.timedelta(days=1)
    return {d: n for d, n in covered.items() if n}


@given(
    start=st.dates(dt.date(2020, 1, 1), dt.date(2029, 12, 31)),
    length=st.integers(0, 800),
    ahead=st.sampled_from([0, 3, 40]),
    years=st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_ranges_count_every_day_once(start: dt.date, length: int, ahead: int, years: bool) -> None:
    end = min(start + dt.timedelta(days=length), dt.date(2030, 12, 31))
    today = end + dt.timedelta(days=ahead)
    days = {start + dt.timedelta(days=i): 1 for i in range((end - start).days + 1)}
    assert (
        _days_covered(dashboard_summary.day_ranges(1, start, end, today=today, years=years)) == days
    )
    before = {
        d: 1 for d in (dt.date(2019, 1, 1) + dt.timedelta(days=i) for i in range(4500)) if d <= end
    }
    assert _days_covered(dashboard_summary.prefix_ranges(4, end, today=today)) == before
    after = {
        d: 1
        for d in (end + dt.timedelta(days=i) for i in range(1, 4500))
        if d <= dt.date(2031, 12, 31)
    }
    assert _days_covered(dashboard_summary.suffix_ranges(4, end, today=today)) == after


def test_a_due_date_moves_only_the_due_kinds(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    """DUE_KINDS holds every kind whose rows a case's due date moves (what
    changing_due_dates recomputes after a rule change): after every due date moves by a
    week, the contributions of the other kinds are the same."""
    generate(session_factory, cases=300, seed=7, today=TODAY)
    due_kinds = {
        kind + grain
        for kind in dashboard_summary.DUE_KINDS
        for grain in (0, dashboard_summary.MONTH, dashboard_summary.YEAR)
    }
    with session_factory.begin() as s:
        connection = s.connection()
        before = set(connection.execute(dashboard_summary.contributions()).all())
        connection.execute(
            update(Case).values(due_on=Case.due_on + dt.timedelta(days=7))
            if connection.dialect.name == "postgresql"
            else update(Case).values(due_on=func.date(Case.due_on, "+7 day"))
        )
        after = set(connection.execute(dashboard_summary.contributions()).all())
        s.rollback()
    moved = {row[0] for row in before ^ after}
    assert moved & due_kinds  # the due dates did move rows
    assert moved <= due_kinds, sorted(moved - due_kinds)


def test_changing_due_dates_keeps_the_summary(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    """The grouped subtract and add of changing_due_dates around a write of due dates
    leaves the summary equal to its computation from scratch."""
    generate(session_factory, cases=300, seed=8, today=TODAY)
    with session_factory.begin() as s:
        connection = s.connection()
        chosen = select(Case.id).where(Case.id % 3 == 0, Case.due_on.is_not(None))
        stored = select(dashboard_summary._SUMMARY).where(dashboard_summary._SUMMARY.c.n != 0)
        before = set(connection.execute(stored).all())
        with dashboard_summary.changing_due_dates(connection, chosen):
            connection.execute(
                update(Case)
                .where(Case.id.in_(chosen))
                .values(due_on=dt.date(2026, 11, 20), is_suspended=False)
            )
        assert not dashboard_summary.verify(connection)
        moved = {
            row[0] % dashboard_summary.MONTH for row in before ^ set(connection.execute(stored))
        }
        assert moved == {dashboard_summary.OVERDUE, dashboard_summary.DUE_SOON} or moved == set(
            dashboard_summary.DUE_KINDS
        )
