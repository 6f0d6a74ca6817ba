"""Joint consultation and crime referral: the paths (answered, late, withdrawn, referral),
the limits and alerts they run, the list view's filters and who may act."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    CaseEvent,
    CaseLimit,
    CaseStatus,
    Consultation,
    ConsultationKind,
    ConsultationState,
    EventKind,
    LimitKind,
    LimitState,
    RequestState,
)
from ipdesk.services.cases import consultations as cs
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.consultations import (
    ConsultationFilter,
    ConsultationForm,
    RowState,
)
from ipdesk.services.errors import (
    IllegalTransition,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from ipdesk.services.rules.deadlines import BEIJING
from tests.helpers.factories import People, agency, make_case, make_people, office, seed

REQUESTED = dt.date(2026, 9, 30)  # a Wednesday before the National Day holiday
# 10 working days: 10-08, 09, Sat 10-10 (adjusted working day), 12, 13, 14, 15, 16, 19, 20.
DUE = dt.date(2026, 10, 20)
TODAY = dt.date(2026, 10, 15)


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as s:
        seed(s)
        return make_people(s)


@pytest.fixture
def case_id(session_factory: sessionmaker[Session], people: People) -> int:
    with session_factory.begin() as s:
        return make_case(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 9, 20),
            mediator_id=people.mediator,
        ).id


def form(s: Session, *codes: str, **overrides: object) -> ConsultationForm:
    fields: dict[str, object] = {
        "kind": ConsultationKind.CONSULTATION,
        "subject": "被申请人是否已被提起刑事追诉",
        "questions": "1. 涉案商品是否属于假冒注册商标的商品？\n2. 是否已有相关诉讼？",
        "agency_ids": tuple(agency(s, c).id for c in codes),
        "requested_on": REQUESTED,
    }
    fields.update(overrides)
    return ConsultationForm(**fields)  # type: ignore[arg-type]


def limits_of(s: Session, case_id: int) -> dict[int, tuple[LimitState, dt.date | None]]:
    return {
        lim.ref_key: (lim.state, lim.due_on)
        for lim in s.scalars(
            select(CaseLimit).where(
                CaseLimit.case_id == case_id, CaseLimit.kind == LimitKind.CONSULTATION_ANSWER
            )
        )
    }


def events(s: Session, case_id: int) -> list[str]:
    return list(
        s.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id))
    )


def states(s: Session, people: People, **where: Any) -> dict[str, RowState]:
    page = cs.list_consultations(
        s,
        people.actor(s, "city"),
        ConsultationFilter(**where),
        today=TODAY,
    )
    return {f"{r.case_number}/{r.agency_name}": r.state for r in page.rows}


# --- the paths ------------------------------------------------------------------------------


def test_answered_on_time_and_late_then_concluded(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        info = cs.request_consultation(
            s, mediator, case_id, form(s, "CT-KEQ", "JB-TL"), today=TODAY
        )
        assert info.state == ConsultationState.OPEN
        assert [(r.agency_code, r.due_on, r.row_state) for r in info.requests] == [
            ("CT-KEQ", DUE, RowState.REQUESTED),
            ("JB-TL", DUE, RowState.REQUESTED),
        ]
        court, bureau = info.requests
        assert limits_of(s, case_id) == {
            court.id: (LimitState.RUNNING, DUE),
            bureau.id: (LimitState.RUNNING, DUE),
        }
        info = cs.record_meeting(
            s,
            mediator,
            info.id,
            meeting_on=dt.date(2026, 10, 14),
            place="科尔沁区知识产权行政裁决所会议室",
            participants="区法院立案庭、市司法局人民调解科、裁决所调解员",
            today=TODAY,
        )
        assert info.meeting_place == "科尔沁区知识产权行政裁决所会议室"
        cs.record_answer(
            s,
            mediator,
            court.id,
            answered_on=dt.date(2026, 10, 15),
            opinion="未发现相关诉讼。",
            today=TODAY,
        )
        with pytest.raises(IllegalTransition, match="尚有单位未答复：通辽市司法局"):
            cs.conclude_consultation(s, mediator, info.id, today=TODAY)

    later = dt.date(2026, 10, 22)
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        info = cs.record_answer(
            s, mediator, bureau.id, answered_on=later, opinion="同意调解。", today=later
        )
        assert [r.row_state for r in info.requests] == [RowState.ANSWERED, RowState.LATE]
        assert info.requests[1].late
        assert limits_of(s, case_id) == {
            court.id: (LimitState.MET, DUE),
            bureau.id: (LimitState.MET, DUE),
        }
        with pytest.raises(ValidationError) as caught:
            cs.conclude_consultation(s, mediator, info.id, today=later)
        assert caught.value.code == "minutes_empty"
        info = cs.conclude_consultation(
            s, mediator, info.id, minutes="与会单位一致认为可继续调解。", today=later
        )
        assert info.state == ConsultationState.CONCLUDED
        assert events(s, case_id)[-5:] == [
            EventKind.CONSULTATION_REQUESTED,
            EventKind.CONSULTATION_MEETING,
            EventKind.CONSULTATION_ANSWERED,
            EventKind.CONSULTATION_ANSWERED,
            EventKind.CONSULTATION_CONCLUDED,
        ]
        answered = s.scalars(
            select(CaseEvent)
            .where(CaseEvent.kind == EventKind.CONSULTATION_ANSWERED.value)
            .order_by(CaseEvent.id)
        ).all()
        assert [e.details["late"] for e in answered if e.details] == [False, True]
        with pytest.raises(IllegalTransition, match="已办结"):
            cs.record_meeting(
                s,
                mediator,
                info.id,
                meeting_on=later,
                place="x",
                participants="y",
                today=later,
            )


def test_an_unanswered_request_turns_late_and_raises_an_alert(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        info = cs.request_consultation(
            s, people.actor(s, "manager"), case_id, form(s, "CT-KEQ"), today=TODAY
        )
    with session_factory.begin() as s:
        assert set(states(s, people).values()) == {RowState.REQUESTED}
        page = cs.list_consultations(s, people.actor(s, "city"), today=dt.date(2026, 10, 21))
        assert [r.state for r in page.rows] == [RowState.LATE]
        result = scan_alerts(s, dt.datetime(2026, 10, 21, 9, tzinfo=BEIJING))
        assert [(a.kind, a.threshold, a.due) for a in result.alerts] == [
            (LimitKind.CONSULTATION_ANSWER, "overdue", DUE)
        ]
        got = cs.get_consultation(
            s, people.actor(s, "mediator"), info.id, today=dt.date(2026, 10, 21)
        )
        assert got.requests[0].row_state == RowState.LATE


def test_withdrawn_requests_cancel_their_limits_and_then_the_consultation(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        info = cs.request_consultation(
            s, mediator, case_id, form(s, "CT-KEQ", "JB-TL"), today=TODAY
        )
        first, second = info.requests
        with pytest.raises(ValidationError) as caught:
            cs.withdraw_request(s, mediator, first.id, reason=" ")
        assert caught.value.code == "reason_required"
        info = cs.withdraw_request(s, mediator, first.id, reason="法院已答复无需会商", today=TODAY)
        assert info.state == ConsultationState.OPEN
        assert [r.row_state for r in info.requests] == [RowState.WITHDRAWN, RowState.REQUESTED]
        assert limits_of(s, case_id)[first.id][0] == LimitState.CANCELLED
        with pytest.raises(IllegalTransition, match="已撤回"):
            cs.record_answer(s, mediator, first.id, answered_on=TODAY, opinion="x", today=TODAY)
        info = cs.withdraw_request(s, mediator, second.id, reason="当事人已和解")
        assert info.state == ConsultationState.WITHDRAWN
        assert {v[0] for v in limits_of(s, case_id).values()} == {LimitState.CANCELLED}
        assert states(s, people, state=RowState.WITHDRAWN) == {
            f"{info.case_number}/通辽市科尔沁区人民法院": RowState.WITHDRAWN,
            f"{info.case_number}/通辽市司法局": RowState.WITHDRAWN,
        }

        other = cs.request_consultation(s, mediator, case_id, form(s, "JB-TL"), today=TODAY)
        other = cs.withdraw_consultation(s, mediator, other.id, reason="案件事实已查清")
        assert other.state == ConsultationState.WITHDRAWN
        assert other.requests[0].state == RequestState.WITHDRAWN
        assert EventKind.CONSULTATION_WITHDRAWN in events(s, case_id)


def test_a_crime_referral_goes_to_a_procuratorate_only(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        referral = form(
            s,
            "PR-KEQ",
            "CT-KEQ",
            kind=ConsultationKind.CRIME_REFERRAL,
            subject="被申请人涉嫌销售假冒注册商标的商品罪",
        )
        with pytest.raises(ValidationErrors) as caught:
            cs.request_consultation(s, mediator, case_id, referral, today=TODAY)
        [error] = caught.value.errors
        assert error.code == "referral_not_procuratorate"
        assert "通辽市科尔沁区人民法院不是检察院" in error.message

        info = cs.request_consultation(
            s,
            mediator,
            case_id,
            form(s, "PR-KEQ", kind="crime_referral", subject="涉嫌销售假冒注册商标的商品罪"),
            today=TODAY,
        )
        assert info.kind == ConsultationKind.CRIME_REFERRAL
        assert events(s, case_id)[-1] == EventKind.CRIME_REFERRED
        with pytest.raises(IllegalTransition) as refused:
            cs.record_meeting(
                s, mediator, info.id, meeting_on=TODAY, place="x", participants="y", today=TODAY
            )
        assert refused.value.code == "no_meeting_for_referral"
        cs.record_answer(
            s,
            mediator,
            info.requests[0].id,
            answered_on=TODAY,
            opinion="已移送公安机关立案侦查。",
            today=TODAY,
        )
        info = cs.conclude_consultation(s, mediator, info.id, today=TODAY)  # no minutes needed
        assert info.state == ConsultationState.CONCLUDED
        assert states(s, people, kind=ConsultationKind.CRIME_REFERRAL) == {
            f"{info.case_number}/通辽市科尔沁区人民检察院": RowState.ANSWERED
        }


# --- input and states -----------------------------------------------------------------------


def test_the_form_is_checked_all_at_once(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        bad = ConsultationForm(
            kind="hearing",
            subject="",
            questions=" ",
            agency_ids=(),
            requested_on=TODAY + dt.timedelta(days=1),
        )
        with pytest.raises(ValidationErrors) as caught:
            cs.request_consultation(s, mediator, case_id, bad, today=TODAY)
        assert {e.field: e.code for e in caught.value.errors} == {
            "kind": "kind_invalid",
            "subject": "subject_empty",
            "questions": "questions_empty",
            "requested_on": "date_in_future",
            "agencies": "agencies_empty",
        }
        with pytest.raises(ValidationErrors) as caught:
            cs.request_consultation(
                s, mediator, case_id, form(s, "CT-KEQ", requested_on=dt.date(2026, 9, 1))
            )
        assert caught.value.errors[0].code == "date_too_early"
        with pytest.raises(ValidationErrors) as caught:
            cs.request_consultation(
                s,
                mediator,
                case_id,
                form(s, agency_ids=(999999,)),
                today=TODAY,
            )
        assert caught.value.errors[0].code == "agency_unknown"
        assert cs.list_consultations(s, people.actor(s, "city"), today=TODAY).total == 0


def test_a_closed_case_gets_no_new_consultation_and_its_limits_end(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        info = cs.request_consultation(s, mediator, case_id, form(s, "CT-KEQ"), today=TODAY)
        closed = make_case(
            s, status=CaseStatus.CLOSED, mediator_id=people.mediator, received_on=REQUESTED
        )
        with pytest.raises(IllegalTransition) as caught:
            cs.request_consultation(s, mediator, closed.id, form(s, "CT-KEQ"), today=TODAY)
        assert caught.value.code == "case_not_open"
    from ipdesk.services.cases import workflow

    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        case = s.get(workflow.Case, case_id)
        assert case is not None
        workflow.record_withdrawal(s, mediator, case_id, case.version_id, reason="和解")
        workflow.close(s, mediator, case_id, case.version_id)
        assert limits_of(s, case_id)[info.requests[0].id][0] == LimitState.CANCELLED


# --- who may act and see --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("mediator", True),
        ("manager", True),
        ("city", True),
        ("mediator2", False),  # same office, not the case's mediator
        ("mediator_other", False),
        ("manager_other", False),
        ("staff", False),
        ("admin", False),
    ],
)
def test_only_the_cases_handler_acts(
    session_factory: sessionmaker[Session],
    people: People,
    case_id: int,
    role: str,
    allowed: bool,
) -> None:
    with session_factory.begin() as s:
        info = cs.request_consultation(
            s, people.actor(s, "mediator"), case_id, form(s, "CT-KEQ", "JB-TL"), today=TODAY
        )
    with session_factory.begin() as s:
        actor = people.actor(s, role)
        request_id = info.requests[0].id
        calls = [
            lambda: cs.request_consultation(s, actor, case_id, form(s, "JB-TL"), today=TODAY),
            lambda: cs.record_answer(
                s, actor, request_id, answered_on=TODAY, opinion="意见", today=TODAY
            ),
            lambda: cs.withdraw_request(s, actor, info.requests[1].id, reason="不再需要"),
            lambda: cs.record_meeting(
                s,
                actor,
                info.id,
                meeting_on=TODAY,
                place="会议室",
                participants="各方",
                today=TODAY,
            ),
            lambda: cs.conclude_consultation(s, actor, info.id, minutes="纪要", today=TODAY),
        ]
        for call in calls:
            if allowed:
                call()
            else:
                with pytest.raises(PermissionDenied):
                    call()
        if not allowed:
            assert len(cs.case_consultations(s, people.actor(s, "city"), case_id)) == 1


def test_the_list_filters_by_agency_state_and_office_within_scope(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        first = cs.request_consultation(
            s, mediator, case_id, form(s, "CT-KEQ", "JB-TL"), today=TODAY
        )
        cs.record_answer(
            s, mediator, first.requests[1].id, answered_on=TODAY, opinion="同意", today=TODAY
        )
        other_case = make_case(
            s,
            "TL02-S01",
            CaseStatus.MEDIATING,
            received_on=dt.date(2026, 9, 20),
            mediator_id=people.mediator_other,
        )
        cs.request_consultation(
            s,
            people.actor(s, "mediator_other"),
            other_case.id,
            form(s, "CT-KZZ", requested_on=dt.date(2026, 9, 1) + dt.timedelta(days=21)),
            today=TODAY,
        )
    with session_factory() as s:
        city = people.actor(s, "city")
        everything = cs.list_consultations(s, city, today=dt.date(2026, 10, 21))
        assert everything.total == 3
        # Newest request first; the KZZ request of 09-22 was due 10-13 (10 working days).
        assert [(r.agency_name, r.state) for r in everything.rows] == [
            ("通辽市科尔沁区人民法院", RowState.LATE),
            ("通辽市司法局", RowState.ANSWERED),
            ("科尔沁左翼中旗人民法院", RowState.LATE),
        ]
        tl02 = office(s, "TL02").id
        assert cs.list_consultations(s, city, ConsultationFilter(office_id=tl02)).total == 1
        by_agency = ConsultationFilter(agency_id=agency(s, "JB-TL").id)
        assert [r.agency_name for r in cs.list_consultations(s, city, by_agency).rows] == [
            "通辽市司法局"
        ]
        late = ConsultationFilter(state=RowState.LATE)
        assert cs.list_consultations(s, city, late, today=TODAY).total == 1  # KZZ
        assert cs.list_consultations(s, city, late, today=dt.date(2026, 10, 21)).total == 2
        # Office-bound roles see their own office only; station staff their station.
        manager = people.actor(s, "manager")
        assert cs.list_consultations(s, manager).total == 2
        assert cs.list_consultations(s, people.actor(s, "manager_other")).total == 1
        assert cs.list_consultations(s, people.actor(s, "staff")).total == 2
        page = cs.list_consultations(s, city, limit=2, offset=2)
        assert (page.total, len(page.rows), page.offset) == (3, 1, 2)
        with pytest.raises(ValidationError):
            cs.list_consultations(s, city, limit=0)
        with pytest.raises(PermissionDenied):
            cs.case_consultations(s, people.actor(s, "manager_other"), case_id)


def test_row_state_matches_the_list_filter() -> None:
    today = dt.date(2026, 10, 15)
    due = dt.date(2026, 10, 14)
    assert cs.row_state(RequestState.REQUESTED, due, None, today) == RowState.LATE
    assert cs.row_state(RequestState.REQUESTED, today, None, today) == RowState.REQUESTED
    assert cs.row_state(RequestState.REQUESTED, None, None, today) == RowState.REQUESTED
    assert cs.row_state(RequestState.ANSWERED, due, due, today) == RowState.ANSWERED
    assert cs.row_state(RequestState.ANSWERED, due, today, today) == RowState.LATE
    assert cs.row_state(RequestState.WITHDRAWN, due, None, today) == RowState.WITHDRAWN


@pytest.mark.parametrize("bad", ["会商\x00议题", "议题\ud800"])
def test_text_no_database_can_hold_is_refused_before_anything_is_written(
    session_factory: sessionmaker[Session], people: People, case_id: int, bad: str
) -> None:
    """The flush guard of ipdesk.services.queries.lookups: PostgreSQL refuses NUL, no driver sends a
    lone surrogate; the use case fails with a ValidationError naming the field, whole."""
    with session_factory() as s:
        before = events(s, case_id)
        mediator = people.actor(s, "mediator")
        with pytest.raises(ValidationError) as refused:
            cs.request_consultation(
                s, mediator, case_id, form(s, "CT-KEQ", subject=bad), today=TODAY
            )
        s.rollback()
    assert refused.value.field == "subject"
    assert refused.value.code == "unstorable_text"
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Consultation)) == 0
        assert events(s, case_id) == before
