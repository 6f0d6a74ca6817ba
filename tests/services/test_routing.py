"""Routing: suggesting and assigning mediators, transfers between offices, work lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Case,
    CaseEvent,
    CaseStatus,
    FollowUpVisit,
    Party,
    PartyKind,
    PartyRole,
    Role,
    User,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases import routing, workflow
from ipdesk.services.errors import NotFound, PermissionDenied, ValidationError
from ipdesk.services.queries import dashboard
from ipdesk.services.rules.deadlines import legal_today
from tests.helpers.factories import make_case, make_user, make_visit, office, seed, station

S = CaseStatus
TODAY = legal_today()


@pytest.fixture
def factory(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


def actor(session: Session, user_id: int) -> Actor:
    user = session.get(User, user_id)
    assert user is not None
    return Actor.of(user)


def ids(**users: User) -> dict[str, int]:
    return {k: u.id for k, u in users.items()}


# -- suggesting and assigning ---------------------------------------------------------------


def test_suggestion_is_the_least_loaded_active_mediator_ties_by_name(
    factory: sessionmaker[Session],
) -> None:
    with factory.begin() as s:
        u = ids(
            busy=make_user(s, Role.MEDIATOR, office="TL01", display_name="阿忙"),
            zhao=make_user(s, Role.MEDIATOR, office="TL01", display_name="赵一"),
            li=make_user(s, Role.MEDIATOR, office="TL01", display_name="李二"),
            gone=make_user(s, Role.MEDIATOR, office="TL01", display_name="艾离", active=False),
            elsewhere=make_user(s, Role.MEDIATOR, office="TL02", display_name="白外"),
            manager=make_user(s, Role.OFFICE_MANAGER, office="TL01"),
        )
        for status in (S.ACCEPTED, S.MEDIATING):
            make_case(s, status=status, mediator_id=u["busy"])
        make_case(s, status=S.CLOSED, mediator_id=u["zhao"])  # closed cases do not count
        make_case(s, status=S.AGREEMENT, mediator_id=u["li"])
        new = make_case(s).id
    with factory() as s:
        manager = actor(s, u["manager"])
        office_id = s.get(Case, new).office_id  # type: ignore[union-attr]
        loads = routing.mediator_loads(s, manager, office_id)
        assert [(m.name, m.open_cases) for m in loads] == [("赵一", 0), ("李二", 1), ("阿忙", 2)]
        suggestion = routing.suggest_mediator(s, manager, new)
        assert suggestion is not None and suggestion.user_id == u["zhao"]


def test_tie_on_load_is_broken_by_name(factory: sessionmaker[Session]) -> None:
    with factory.begin() as s:
        b = make_user(s, Role.MEDIATOR, office="TL03", display_name="B 调解员").id
        a = make_user(s, Role.MEDIATOR, office="TL03", display_name="A 调解员").id
        manager = make_user(s, Role.OFFICE_MANAGER, office="TL03").id
        case_id = make_case(s, station_code="TL03-S01").id
    with factory() as s:
        suggestion = routing.suggest_mediator(s, actor(s, manager), case_id)
        assert suggestion is not None and suggestion.user_id == a
    del b


def test_assign_and_reassign(factory: sessionmaker[Session]) -> None:
    with factory.begin() as s:
        u = ids(
            m1=make_user(s, Role.MEDIATOR, office="TL01", username="m1"),
            m2=make_user(s, Role.MEDIATOR, office="TL01", username="m2"),
            manager=make_user(s, Role.OFFICE_MANAGER, office="TL01"),
        )
        case_id = make_case(s).id
    with factory.begin() as s:
        r = routing.assign_mediator(s, actor(s, u["manager"]), case_id, 1, u["m1"])
    with factory.begin() as s:
        r = routing.assign_mediator(s, actor(s, u["manager"]), case_id, r.version, u["m2"])
        assert r.status == S.REGISTERED
    with factory() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.mediator_id == u["m2"]
        details = [
            (e.kind, e.details)
            for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id))
        ]
    assert details[0][0] == details[1][0] == "assigned"
    assert details[0][1] is not None and details[1][1] is not None
    assert details[0][1]["mediator"] == "m1" and "previous" not in details[0][1]
    assert details[1][1]["mediator"] == "m2" and details[1][1]["previous"] == "m1"


def test_assign_refuses_a_mediator_who_cannot_take_the_case(
    factory: sessionmaker[Session],
) -> None:
    with factory.begin() as s:
        u = ids(
            mine=make_user(s, Role.MEDIATOR, office="TL01"),
            gone=make_user(s, Role.MEDIATOR, office="TL01", active=False),
            other=make_user(s, Role.MEDIATOR, office="TL02"),
            manager=make_user(s, Role.OFFICE_MANAGER, office="TL01"),
        )
        case_id = make_case(s, mediator_id=u["mine"]).id
    with factory() as s:
        manager = actor(s, u["manager"])
        for target, code in [
            ("gone", "not_office_mediator"),
            ("other", "not_office_mediator"),
            ("manager", "not_office_mediator"),
            ("mine", "already_assigned"),
        ]:
            with pytest.raises(ValidationError) as err:
                routing.assign_mediator(s, manager, case_id, 1, u[target])
            assert err.value.code == code, target
            s.rollback()


# -- transfers -------------------------------------------------------------------------------


def test_transfer_moves_the_case_and_shows_in_both_offices(
    factory: sessionmaker[Session],
) -> None:
    with factory.begin() as s:
        u = ids(
            mediator=make_user(s, Role.MEDIATOR, office="TL01", username="med-tl01"),
            manager=make_user(s, Role.OFFICE_MANAGER, office="TL01", display_name="一所负责人"),
            manager2=make_user(s, Role.OFFICE_MANAGER, office="TL02"),
            manager3=make_user(s, Role.OFFICE_MANAGER, office="TL03"),
            staff=make_user(s, Role.STATION_STAFF, station="TL01-S01"),
        )
        case_id = make_case(s, status=S.ACCEPTED, mediator_id=u["mediator"]).id
        target_station = station(s, "TL02-S03").id
    with factory() as s:
        manager = actor(s, u["manager"])
        with pytest.raises(ValidationError) as err:
            routing.transfer_case(s, manager, case_id, 1, "TL02", "  ")
        assert err.value.code == "reason_required"
        s.rollback()
        with pytest.raises(ValidationError) as err:
            routing.transfer_case(
                s, manager, case_id, 1, "TL02", "地域", to_station_code="TL03-S01"
            )
        assert err.value.code == "station_not_in_office"
        s.rollback()
        with pytest.raises(ValidationError) as err:
            routing.transfer_case(s, manager, case_id, 1, "TL01", "地域")
        assert err.value.code == "same_office"
        s.rollback()
    with factory.begin() as s:
        result = routing.transfer_case(
            s,
            actor(s, u["manager"]),
            case_id,
            1,
            "TL02",
            "纠纷发生地在科左中旗",
            to_station_code="TL02-S03",
        )
    assert (result.from_office, result.to_office, result.station_code) == (
        "TL01",
        "TL02",
        "TL02-S03",
    )
    with factory() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert case.office.code == "TL02"
        assert case.station_id == target_station
        assert case.mediator_id is None
        assert case.status == S.ACCEPTED
        event = s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)).one()
        assert event.details == {
            "from_office": "TL01",
            "to_office": "TL02",
            "from_station": "TL01-S01",
            "to_station": "TL02-S03",
            "previous_mediator": "med-tl01",
        }
        out = routing.office_transfers(s, actor(s, u["manager"]), "TL01")
        into = routing.office_transfers(s, actor(s, u["manager2"]), "TL02")
        assert [(t.direction, t.from_office, t.to_office) for t in out] == [("out", "TL01", "TL02")]
        assert [(t.direction, t.reason, t.by) for t in into] == [
            ("in", "纠纷发生地在科左中旗", "一所负责人")
        ]
        assert routing.office_transfers(s, actor(s, u["manager3"]), "TL03") == []
        with pytest.raises(PermissionDenied):
            routing.office_transfers(s, actor(s, u["manager3"]), "TL01")
        # The case is now the new office's: the old one can no longer act on it ...
        with pytest.raises(PermissionDenied):
            workflow.start_mediation(s, actor(s, u["mediator"]), case_id, result.version)
        # ... and the new office finds it in its list of cases to assign.
        rows = routing.to_assign(s, actor(s, u["manager2"])).rows
        assert [r.number for r in rows] == [result.number]
        assert rows[0].station_code == "TL02-S03"
        assert routing.station_cases(s, actor(s, u["staff"])).total == 0


def test_transfer_without_a_station_and_unknown_office(factory: sessionmaker[Session]) -> None:
    with factory.begin() as s:
        city = make_user(s, Role.CITY_MANAGER).id
        case_id = make_case(s).id
    with factory() as s:
        with pytest.raises(ValidationError) as err:
            routing.transfer_case(s, actor(s, city), case_id, 1, "XX99", "地域")
        assert err.value.code == "unknown_office"
        s.rollback()
    with factory.begin() as s:
        r = routing.transfer_case(s, actor(s, city), case_id, 1, "TL09", "地域")
    assert r.station_code is None
    with factory() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.station_id is None and case.office.code == "TL09"


def test_transfer_moves_the_visits_of_a_reopened_case(factory: sessionmaker[Session]) -> None:
    """A case closed before acceptance (withdrawn) and reopened is registered again and
    may be transferred; it keeps the follow-up visits done meanwhile, which carry the
    case's unit for the dashboard and move with it."""
    today = legal_today()
    with factory.begin() as s:
        city = make_user(s, Role.CITY_MANAGER).id
        case = make_case(s, status=S.REGISTERED, accepted_on=None)
        visit_id = make_visit(s, case, today, done_on=today).id
        case_id = case.id
    with factory.begin() as s:
        routing.transfer_case(
            s, actor(s, city), case_id, 1, "TL02", "地域", to_station_code="TL02-S03"
        )
    with factory() as s:
        visit = s.get(FollowUpVisit, visit_id)
        assert visit is not None
        assert (visit.office_id, visit.station_id) == (
            office(s, "TL02").id,
            station(s, "TL02-S03").id,
        )
        period = dashboard.DashboardFilter(dashboard.Period(today, today))
        fig = dashboard.figures(s, actor(s, city), period, today=today)
        by_office = {o.code: o.visits_done for o in fig.offices}
        assert (by_office["TL01"], by_office["TL02"]) == (0, 1)
        station_row = next(r for r in fig.stations if r.code == "TL02-S03")
        assert station_row.visits_done == 1


# -- work lists --------------------------------------------------------------------------------


def test_my_cases_are_open_assigned_cases_most_urgent_first(
    factory: sessionmaker[Session],
) -> None:
    with factory.begin() as s:
        me = make_user(s, Role.MEDIATOR, office="TL01").id
        colleague = make_user(s, Role.MEDIATOR, office="TL01").id
        numbers = {}
        for name, due, status in [
            ("late", TODAY + dt.timedelta(days=30), S.MEDIATING),
            ("soon", TODAY + dt.timedelta(days=3), S.ACCEPTED),
            ("new", None, S.REGISTERED),
            ("mid", TODAY + dt.timedelta(days=10), S.AGREEMENT),
            # finished work waiting to be closed: its clock stopped, its due date no urgency
            ("failed", TODAY - dt.timedelta(days=20), S.FAILED),
            ("withdrawn", TODAY + dt.timedelta(days=1), S.WITHDRAWN),
        ]:
            numbers[name] = make_case(s, status=status, mediator_id=me, due_on=due).number
        make_case(s, status=S.CLOSED, mediator_id=me)
        make_case(s, status=S.MEDIATING, mediator_id=colleague)
    with factory() as s:
        mine = routing.my_cases(s, actor(s, me))
        assert mine.total == 6
        order = ("soon", "mid", "late", "new", "failed", "withdrawn")
        assert [r.number for r in mine.rows] == [numbers[k] for k in order]
        page = routing.my_cases(s, actor(s, me), limit=2, offset=1)
        assert (page.total, [r.number for r in page.rows]) == (
            6,
            [numbers["mid"], numbers["late"]],
        )
        past_the_end = routing.my_cases(s, actor(s, me), limit=2, offset=6)
        assert (past_the_end.total, past_the_end.rows) == (6, ())
        row = mine.rows[0]
        assert (row.status, row.due_on, row.office_code, row.station_code) == (
            S.ACCEPTED,
            TODAY + dt.timedelta(days=3),
            "TL01",
            "TL01-S01",
        )
        assert row.parties == "张三 与 通辽市某某商贸有限公司"
        assert row.version == 1


def test_to_assign_lists_unassigned_cases_oldest_first(factory: sessionmaker[Session]) -> None:
    with factory.begin() as s:
        manager = make_user(s, Role.OFFICE_MANAGER, office="TL01").id
        manager2 = make_user(s, Role.OFFICE_MANAGER, office="TL02").id
        city = make_user(s, Role.CITY_MANAGER).id
        med = make_user(s, Role.MEDIATOR, office="TL01").id
        gone = make_user(s, Role.MEDIATOR, office="TL01", active=False).id
        old = make_case(s, received_on=TODAY - dt.timedelta(days=20)).number
        accepted = make_case(s, status=S.ACCEPTED, received_on=TODAY - dt.timedelta(days=5))
        orphan = make_case(s, status=S.ACCEPTED, mediator_id=gone).number
        make_case(s, mediator_id=med)  # assigned
        make_case(s, status=S.MEDIATING, mediator_id=med)  # mediated by someone here
        stalled = make_case(  # its mediator left during mediation: it needs another one
            s, status=S.MEDIATING, mediator_id=gone, received_on=TODAY - dt.timedelta(days=15)
        ).number
        make_case(s, status=S.REJECTED)
        other = make_case(s, station_code="TL02-S01").number
    with factory() as s:
        mine = routing.to_assign(s, actor(s, manager))
        assert [r.number for r in mine.rows] == [old, stalled, orphan, accepted.number]
        assert mine.rows[2].mediator_name is not None  # assigned to someone who left
        assert [r.number for r in routing.to_assign(s, actor(s, manager2)).rows] == [other]
        everything = routing.to_assign(s, actor(s, city))
        assert everything.total == 5
        only = routing.to_assign(s, actor(s, city), office_code="TL02")
        assert [r.number for r in only.rows] == [other]
        with pytest.raises(PermissionDenied):
            routing.to_assign(s, actor(s, manager), office_code="TL02")
        with pytest.raises(NotFound):
            routing.to_assign(s, actor(s, city), office_code="NOPE")


def test_station_cases_newest_first_and_only_the_station(
    factory: sessionmaker[Session],
) -> None:
    with factory.begin() as s:
        staff = make_user(s, Role.STATION_STAFF, station="TL01-S01").id
        first = make_case(s, received_on=TODAY - dt.timedelta(days=9)).number
        second = make_case(
            s,
            status=S.CLOSED,
            received_on=TODAY - dt.timedelta(days=3),
            applicant="",
            respondent="",
        ).number
        extra = make_case(s, received_on=TODAY - dt.timedelta(days=1))
        extra.parties.append(
            Party(position=2, role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="李四")
        )
        make_case(s, station_code="TL01-S02")
    with factory() as s:
        rows = routing.station_cases(s, actor(s, staff)).rows
        assert [r.number for r in rows] == [extra.number, second, first]
        assert [r.parties for r in rows] == [
            "张三等 与 通辽市某某商贸有限公司",
            "",
            "张三 与 通辽市某某商贸有限公司",
        ]
        open_rows = routing.station_cases(s, actor(s, staff), open_only=True).rows
        assert [r.number for r in open_rows] == [extra.number, first]


@pytest.mark.parametrize(
    ("lister", "allowed"),
    [
        ("my_cases", {Role.MEDIATOR}),
        ("to_assign", {Role.OFFICE_MANAGER, Role.CITY_MANAGER}),
        ("station_cases", {Role.STATION_STAFF}),
    ],
)
def test_work_lists_are_for_their_roles(
    factory: sessionmaker[Session], lister: str, allowed: set[Role]
) -> None:
    scopes: dict[Role, dict[str, Any]] = {
        Role.STATION_STAFF: {"station": "TL01-S01"},
        Role.MEDIATOR: {"office": "TL01"},
        Role.OFFICE_MANAGER: {"office": "TL01"},
        Role.CITY_MANAGER: {},
        Role.ADMIN: {},
    }
    with factory.begin() as s:
        users = {role: make_user(s, role, **scope).id for role, scope in scopes.items()}
    with factory() as s:
        for role, user_id in users.items():
            call = getattr(routing, lister)
            if role in allowed:
                assert call(s, actor(s, user_id)).total == 0
            else:
                with pytest.raises(PermissionDenied):
                    call(s, actor(s, user_id))


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (501, 0), (10, -1)])
def test_paging_is_checked(factory: sessionmaker[Session], limit: int, offset: int) -> None:
    with factory.begin() as s:
        me = make_user(s, Role.MEDIATOR, office="TL01").id
    with factory() as s, pytest.raises(ValidationError):
        routing.my_cases(s, actor(s, me), limit=limit, offset=offset)
