"""Check-then-act races between two clients of one PostgreSQL server (issue 21, item 1).

Each test runs two actions on the same case in two threads, each on its own connection,
released together by a barrier; each action then waits (up to a second) for the other
to have acted before it commits. Without a lock on the case both act on the state they
read and both commit; with the case locked until commit, the second waits for the first
and then checks the state the first left. SQLite serialises writers (BEGIN IMMEDIATE), so
only PostgreSQL can show the race.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Agreement,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    Consultation,
    EventKind,
    LimitKind,
    LimitState,
    Obligation,
)
from ipdesk.services.cases import confirmation, consultations, mediation, workflow
from ipdesk.services.cases.mediation import ObligationForm
from ipdesk.services.errors import ServiceError
from tests.helpers.factories import People, agency, make_case, make_people, seed
from tests.services.test_mediation import agreement_form, version

TODAY = dt.date(2026, 9, 20)
pytestmark = pytest.mark.postgres_only

Action = Callable[[Session], object]


@pytest.fixture
def people(session_factory: sessionmaker[Session], backend: str) -> People:
    if backend != "postgresql":
        pytest.skip("row-level concurrency of a shared server: PostgreSQL only")
    with session_factory.begin() as s:
        seed(s)
        return make_people(s)


def race(session_factory: sessionmaker[Session], first: Action, second: Action) -> list[str]:
    """Run both actions at once; each one's outcome: "ok" or the refusal's code."""
    barrier = threading.Barrier(2, timeout=30)
    acted = [threading.Event(), threading.Event()]
    outcomes: list[str] = ["", ""]

    def client(index: int, action: Action) -> None:
        with session_factory() as s:
            s.connection()  # both transactions begin before either acts
            barrier.wait()
            try:
                action(s)
            except ServiceError as error:
                s.rollback()
                outcomes[index] = error.code
                acted[index].set()
                return
            acted[index].set()
            acted[1 - index].wait(1.0)  # the other acts too, unless it waits for our lock
            s.commit()
            outcomes[index] = "ok"

    threads = [threading.Thread(target=client, args=(i, a)) for i, a in enumerate((first, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(outcomes), outcomes
    return outcomes


def _case(session_factory: sessionmaker[Session], people: People, status: CaseStatus) -> int:
    with session_factory.begin() as s:
        case = make_case(
            s, status=status, received_on=dt.date(2026, 8, 20), mediator_id=people.mediator
        )
        return case.id


def test_closing_while_a_consultation_is_requested_leaves_no_running_answer_limit(
    session_factory: sessionmaker[Session], people: People
) -> None:
    case_id = _case(session_factory, people, CaseStatus.AGREEMENT)
    with session_factory() as s:
        form = consultations.ConsultationForm(
            kind="consultation",
            subject="会商",
            questions="问题",
            agency_ids=(agency(s, "JB-TL").id,),
            requested_on=TODAY,
        )
        case_version = version(s, case_id)

    def request(s: Session) -> object:
        actor = people.actor(s, "mediator")
        return consultations.request_consultation(s, actor, case_id, form, today=TODAY)

    def close(s: Session) -> object:
        return workflow.close(s, people.actor(s, "mediator"), case_id, case_version, on=TODAY)

    outcomes = race(session_factory, request, close)
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None
        if case.status != CaseStatus.CLOSED:  # the request came first: the close was refused
            assert outcomes == ["ok", "stale"]
            return
        running = s.scalars(
            select(CaseLimit.id).where(
                CaseLimit.case_id == case_id,
                CaseLimit.kind == LimitKind.CONSULTATION_ANSWER,
                CaseLimit.state == LimitState.RUNNING,
            )
        ).all()
        consulted = s.scalars(select(Consultation.id).where(Consultation.case_id == case_id))
        assert running == [], (outcomes, list(consulted))


def test_an_agreement_edit_racing_the_confirmation_request_cannot_change_the_amount(
    session_factory: sessionmaker[Session], people: People
) -> None:
    case_id = _case(session_factory, people, CaseStatus.MEDIATING)
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        info = mediation.record_agreement(
            s, mediator, case_id, version(s, case_id), agreement_form(s, case_id), today=TODAY
        )
        first = info.obligations[0]
        edited = agreement_form(  # takes effect after the day the parties applied
            s,
            case_id,
            effective_on=dt.date(2026, 9, 15),
            obligations=(
                ObligationForm(
                    first.description, first.obligor_id, first.obligee_id, "999999", id=first.id
                ),
            ),
        )
    with session_factory() as s:
        case_version = version(s, case_id)

    def update(s: Session) -> object:
        actor = people.actor(s, "mediator")
        return mediation.update_agreement(s, actor, case_id, info.version, edited, today=TODAY)

    def apply(s: Session) -> object:
        return confirmation.apply_for_confirmation(
            s,
            people.actor(s, "mediator"),
            case_id,
            case_version,
            court_code="CT-KEQ",
            applied_on=dt.date(2026, 9, 10),
            acknowledge_warnings=True,
            today=TODAY,
        )

    outcomes = race(session_factory, update, apply)
    # One after the other, the second is refused: an agreement in force only from 9-15
    # cannot have been applied for on 9-10, nor can it change once applied for.
    assert outcomes.count("ok") == 1, outcomes
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None
        amounts = s.scalars(
            select(Obligation.amount)
            .join(Agreement, Agreement.id == Obligation.agreement_id)
            .where(Agreement.case_id == case_id, Obligation.amount.is_not(None))
        ).all()
    if outcomes[1] == "ok":
        assert case.status == CaseStatus.CONFIRMATION_REQUESTED
        assert amounts == [Decimal("12000.50")]
    else:
        assert case.status == CaseStatus.AGREEMENT
        assert amounts == [Decimal("999999")]


def test_two_court_returns_at_once_record_one_event(
    session_factory: sessionmaker[Session], people: People
) -> None:
    case_id = _case(session_factory, people, CaseStatus.MEDIATING)
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        mediation.register_court_referral(
            s,
            mediator,
            case_id,
            version(s, case_id),
            court_code="CT-KEQ",
            court_case_number="（2026）内0502民诉前调1234号",
        )
        mediation.record_agreement(
            s, mediator, case_id, version(s, case_id), agreement_form(s, case_id), today=TODAY
        )

    def give_back(s: Session) -> object:
        actor = people.actor(s, "mediator")
        return mediation.record_court_return(s, actor, case_id, returned_on=TODAY, today=TODAY)

    outcomes = race(session_factory, give_back, give_back)
    assert sorted(outcomes) == ["already_returned", "ok"]
    with session_factory() as s:
        events = s.scalars(
            select(CaseEvent.id).where(
                CaseEvent.case_id == case_id, CaseEvent.kind == EventKind.RETURNED_TO_COURT
            )
        ).all()
    assert len(events) == 1
