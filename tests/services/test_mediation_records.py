"""Mediation records (调解笔录): who records them when, their checks, the timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseEvent, CaseStatus
from ipdesk.services.cases import mediation_records
from ipdesk.services.cases.mediation_records import SessionForm
from ipdesk.services.errors import IllegalTransition, PermissionDenied, ValidationErrors
from ipdesk.services.rules.deadlines import legal_today
from tests.helpers.factories import People, make_case, make_people, seed

TODAY = legal_today()  # the service's today: Beijing's date, not this machine's


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as s:
        seed(s)
        return make_people(s)


def _case(factory: sessionmaker[Session], people: People, status: CaseStatus) -> tuple[int, int]:
    with factory.begin() as s:
        case = make_case(s, status=status, mediator_id=people.mediator)
        return case.id, case.version_id


FORM = SessionForm(
    held_on=TODAY,
    place="科尔沁区知识产权行政裁决所调解室",
    attendees="申请人王伟；被申请人委托代理人李娜；调解员",
    summary="双方陈述了各自意见。\r\n被申请人承认销售了涉案商品。",
    next_step="一周后再次调解",
)


def test_the_mediator_records_two_sessions_listed_in_order(
    session_factory: sessionmaker[Session], people: People
) -> None:
    case_id, version = _case(session_factory, people, CaseStatus.MEDIATING)
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        second = mediation_records.record_session(s, mediator, case_id, version, FORM)
        first = mediation_records.record_session(
            s,
            mediator,
            case_id,
            version,
            SessionForm(
                held_on=(TODAY - dt.timedelta(days=3)).isoformat(),
                place="调解室",
                attendees="双方当事人",
                summary="初次调解",
            ),
        )
    assert second.summary == "双方陈述了各自意见。\n被申请人承认销售了涉案商品。"
    with session_factory() as s:
        staff = people.actor(s, "staff")  # anyone who may see the case may read them
        listed = mediation_records.list_records(s, staff, case_id)
        assert [r.id for r in listed] == [first.id, second.id]
        assert listed[1].recorder and listed[0].next_step is None
        events = s.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        ).all()
        assert [e.kind for e in events] == ["mediation_session", "mediation_session"]
        assert events[0].details == {
            "record_id": second.id,
            "held_on": TODAY.isoformat(),
            "place": FORM.place,
        }


def test_checks_of_the_form(session_factory: sessionmaker[Session], people: People) -> None:
    case_id, version = _case(session_factory, people, CaseStatus.MEDIATING)
    with pytest.raises(ValidationErrors) as info, session_factory.begin() as s:
        mediation_records.record_session(
            s,
            people.actor(s, "mediator"),
            case_id,
            version,
            SessionForm(held_on=TODAY + dt.timedelta(days=1), place="", summary="\x00"),
        )
    assert {(e.field, e.code) for e in info.value.errors} == {
        ("held_on", "held_on_future"),
        ("place", "place_empty"),
        ("attendees", "attendees_empty"),
        ("summary", "text_control"),
    }


def test_who_and_when(session_factory: sessionmaker[Session], people: People) -> None:
    case_id, version = _case(session_factory, people, CaseStatus.MEDIATING)
    for name in ("staff", "mediator2", "mediator_other", "admin"):
        with pytest.raises(PermissionDenied), session_factory.begin() as s:
            mediation_records.record_session(s, people.actor(s, name), case_id, version, FORM)
    closed, version = _case(session_factory, people, CaseStatus.CLOSED)
    with pytest.raises(IllegalTransition), session_factory.begin() as s:
        mediation_records.record_session(s, people.actor(s, "manager"), closed, version, FORM)
    with session_factory.begin() as s:
        case = s.get(Case, case_id)
        assert case is not None
        case.is_suspended = True
        version = case.version_id + 1
    with pytest.raises(IllegalTransition), session_factory.begin() as s:
        mediation_records.record_session(s, people.actor(s, "mediator"), case_id, version, FORM)
