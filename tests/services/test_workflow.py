"""The case life cycle: who may move a case, from which state, and what each move records.

The matrices run every action (the transitions of services/cases/workflow.py plus assigning and
transferring from services/cases/routing.py) on both databases:

- role × scope: each of ten actors tries each action on a case in a state that allows it;
  exactly the actors of the permission table succeed, the others get PermissionDenied and
  change nothing;
- state: the office manager (who passes every permission check) tries each action on a case
  in every state, suspended or not; exactly the legal moves succeed, the others get
  IllegalTransition and change nothing.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    Confirmation,
    ConfirmationDecision,
    EventKind,
    LimitKind,
    LimitState,
    Role,
    User,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases import confirmation, mediation, routing, workflow
from ipdesk.services.errors import (
    IllegalTransition,
    PermissionDenied,
    ServiceError,
    StaleData,
    ValidationError,
)
from ipdesk.services.rules.deadlines import legal_today
from tests.helpers.factories import (
    agency,
    agreement_form,
    make_agreement,
    make_case,
    make_user,
    seed,
)

S = CaseStatus
TODAY = legal_today()


@dataclass(frozen=True)
class Org:
    """User ids of one test organisation: office TL01 with station TL01-S01 is "ours"."""

    staff: int  # station staff of TL01-S01
    staff_other: int  # station staff of TL01-S02 (same office, other station)
    mediator: int  # the case's mediator (TL01)
    mediator2: int  # another mediator of TL01
    mediator_other: int  # a mediator of TL02
    manager: int  # office manager of TL01
    manager_other: int  # office manager of TL02
    city: int
    admin: int


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


def actor_of(session: Session, user_id: int) -> Actor:
    user = session.get(User, user_id)
    assert user is not None
    return Actor.of(user)


# -- the actions, called uniformly --------------------------------------------------------

Call = Callable[[Session, Actor, Case, Org], Any]


def _call(name: str) -> Call:
    def call(s: Session, a: Actor, c: Case, o: Org) -> Any:
        v = c.version_id
        match name:
            case "accept":
                return workflow.accept(s, a, c.id, v)
            case "reject":
                return workflow.reject(s, a, c.id, v, "不属于知识产权纠纷")
            case "start_mediation":
                return workflow.start_mediation(s, a, c.id, v)
            case "record_agreement":
                return _agreement(s, a, c.id, v)
            case "record_failure":
                return workflow.record_failure(s, a, c.id, v, court_code="CT-KEQ")
            case "record_withdrawal":
                return workflow.record_withdrawal(s, a, c.id, v, reason="双方自行和解")
            case "request_confirmation":
                return _application(s, a, c.id, v)
            case "record_confirmation":
                return _ruling(s, a, c.id, v)
            case "close":
                return workflow.close(s, a, c.id, v)
            case "reopen":
                return workflow.reopen(s, a, c.id, v, "当事人反映协议未履行")
            case "assign_mediator":
                return routing.assign_mediator(s, a, c.id, v, o.mediator2)
            case "transfer":
                return routing.transfer_case(s, a, c.id, v, "TL02", "纠纷发生地在科左中旗")
        raise AssertionError(name)

    return call


# The agreement and the confirmation have one road each, through their services
# (services/cases/mediation.py, services/cases/confirmation.py); these call them as the
# table's moves.


def _case(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id)
    assert case is not None
    return case


def _moved(case: Case) -> workflow.TransitionResult:
    return workflow.TransitionResult(case.id, case.number, case.status, case.version_id, 0)


def _agreement(
    s: Session, a: Actor, case_id: int, v: int, note: str | None = None
) -> workflow.TransitionResult:
    case = _case(s, case_id)
    mediation.record_agreement(s, a, case_id, v, agreement_form(case), note=note)
    return _moved(case)


def _application(s: Session, a: Actor, case_id: int, v: int) -> workflow.TransitionResult:
    """Apply to CT-KEQ (the court of office TL01's district); the agreement in force that
    an application needs is written first if the case has none (no state change)."""
    case = _case(s, case_id)
    if mediation.find_agreement(s, case_id) is None:
        make_agreement(s, case, signed_on=TODAY)
    confirmation.apply_for_confirmation(s, a, case_id, v, court_code="CT-KEQ", applied_on=TODAY)
    return _moved(case)


def _ruling(
    s: Session,
    a: Actor,
    case_id: int,
    v: int,
    decision: ConfirmationDecision = ConfirmationDecision.VALID,
) -> workflow.TransitionResult:
    """The court's ruling; the pending application it needs is written first if the case
    has none (no state change)."""
    case = _case(s, case_id)
    if not s.scalars(select(Confirmation).where(Confirmation.case_id == case_id)).first():
        s.add(Confirmation(case_id=case_id, court_id=agency(s, "CT-KEQ").id, applied_on=TODAY))
        s.flush()
    confirmation.record_court_decision(
        s,
        a,
        case_id,
        v,
        decision=decision,
        ruling_number="(2026)内0502民特1号",
        decided_on=TODAY,
    )
    return _moved(case)


# The life cycle's transitions (the other actions of workflow.RULES are tested with their
# services: clock, corrections, mediation records, the agreement and the confirmation).
ACTIONS = [
    "accept",
    "reject",
    "start_mediation",
    "record_agreement",
    "record_failure",
    "record_withdrawal",
    "request_confirmation",
    "record_confirmation",
    "close",
    "reopen",
    "assign_mediator",
    "transfer",
]
CALLS = {name: _call(name) for name in ACTIONS}

# Where each action leads from each state in which it is legal.
TARGETS: dict[str, dict[CaseStatus, CaseStatus]] = {
    "accept": {S.REGISTERED: S.ACCEPTED},
    "reject": {S.REGISTERED: S.REJECTED},
    "start_mediation": {
        S.ACCEPTED: S.MEDIATING,
        S.CONFIRMATION_DENIED: S.MEDIATING,
        S.ADJUDICATED: S.MEDIATING,  # damages mediated after an administrative decision
    },
    "record_agreement": {S.MEDIATING: S.AGREEMENT},
    "record_failure": {S.MEDIATING: S.FAILED},
    "record_withdrawal": {S.ACCEPTED: S.WITHDRAWN, S.MEDIATING: S.WITHDRAWN},
    "request_confirmation": {S.AGREEMENT: S.CONFIRMATION_REQUESTED},
    "record_confirmation": {S.CONFIRMATION_REQUESTED: S.CONFIRMED},
    "close": {
        s: S.CLOSED
        for s in (
            S.AGREEMENT,
            S.CONFIRMED,
            S.CONFIRMATION_DENIED,
            S.FAILED,
            S.WITHDRAWN,
            S.ADJUDICATED,
        )
    },
    # make_case closes cases with the outcome "agreement".
    "reopen": {S.CLOSED: S.AGREEMENT, S.REJECTED: S.REGISTERED},
    "assign_mediator": {s: s for s in S if s not in (S.CLOSED, S.REJECTED)},
    "transfer": {S.REGISTERED: S.REGISTERED, S.ACCEPTED: S.ACCEPTED},
}
EVENTS = {
    "accept": EventKind.ACCEPTED,
    "reject": EventKind.REJECTED,
    "start_mediation": EventKind.MEDIATION_STARTED,
    "record_agreement": EventKind.AGREEMENT_RECORDED,
    "record_failure": EventKind.FAILED,
    "record_withdrawal": EventKind.WITHDRAWN,
    "request_confirmation": EventKind.CONFIRMATION_REQUESTED,
    "record_confirmation": EventKind.CONFIRMED,
    "close": EventKind.CLOSED,
    "reopen": EventKind.REOPENED,
    "assign_mediator": EventKind.ASSIGNED,
    "transfer": EventKind.TRANSFERRED,
}
MANAGERS = {"manager", "city"}
HANDLERS = MANAGERS | {"mediator"}
ACTORS = [
    "staff",
    "staff_other",
    "mediator",
    "mediator2",
    "mediator_other",
    "manager",
    "manager_other",
    "city",
    "admin",
    "system",
]


def test_the_tables_cover_every_rule() -> None:
    assert set(TARGETS) == set(EVENTS) == set(ACTIONS) <= set(workflow.RULES)
    for name in ACTIONS:
        assert set(TARGETS[name]) == set(workflow.RULES[workflow.CaseAction(name)].sources), name


def _snapshot(session: Session, case_id: int) -> tuple[Any, ...]:
    case = session.get(Case, case_id, populate_existing=True)
    assert case is not None
    events = session.scalar(
        select(func.count()).select_from(CaseEvent).where(CaseEvent.case_id == case_id)
    )
    return (
        case.status,
        case.version_id,
        case.office_id,
        case.station_id,
        case.mediator_id,
        case.accepted_on,
        case.closed_on,
        events,
    )


def _attempt(
    factory: sessionmaker[Session],
    org: Org,
    who: str,
    action: str,
    status: CaseStatus,
    *,
    suspended: bool = False,
) -> tuple[int, Any]:
    """Create a case, let ``who`` try ``action`` on it in a transaction of its own; return
    the case id and the result or the error (the transaction is rolled back on error)."""
    with factory.begin() as s:
        case_id = make_case(s, status=status, mediator_id=org.mediator, is_suspended=suspended).id
    with factory() as s:
        actor = Actor.system() if who == "system" else actor_of(s, getattr(org, who))
        case = s.get(Case, case_id)
        assert case is not None
        may = workflow.may(actor, case, action)
        try:
            outcome: Any = CALLS[action](s, actor, case, org)
            s.commit()
        except ServiceError as exc:
            s.rollback()
            outcome = exc
        # may() agrees with what the action did
        assert may == (not isinstance(outcome, ServiceError)), (who, action, status, outcome)
    return case_id, outcome


@pytest.mark.parametrize("action", ACTIONS)
def test_role_scope_matrix(session_factory: sessionmaker[Session], org: Org, action: str) -> None:
    rule = workflow.RULES[workflow.CaseAction(action)]
    allowed = MANAGERS if rule.who is workflow.Who.MANAGER else HANDLERS
    status = next(s for s in S if s in rule.sources)
    wrong = []
    for who in ACTORS:
        case_id, outcome = _attempt(session_factory, org, who, action, status)
        if who not in allowed:
            if not isinstance(outcome, PermissionDenied):
                wrong.append(f"{who}: expected PermissionDenied, got {outcome!r}")
            with session_factory() as s:
                state, version, *_, events = _snapshot(s, case_id)
            assert (state, version, events) == (status, 1, 0), who
            continue
        if isinstance(outcome, ServiceError):
            wrong.append(f"{who}: refused ({outcome.code}: {outcome})")
            continue
        with session_factory() as s:
            case = s.get(Case, case_id)
            assert case is not None
            assert case.status == TARGETS[action][status] == outcome.status
            assert case.version_id == outcome.version > 1
            last = s.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id.desc())
            ).first()
            assert last is not None
            assert last.kind == EVENTS[action].value
            assert last.user_id == getattr(org, who)
    assert wrong == []


@pytest.mark.parametrize("action", ACTIONS)
def test_state_matrix(session_factory: sessionmaker[Session], org: Org, action: str) -> None:
    rule = workflow.RULES[workflow.CaseAction(action)]
    wrong = []
    for status in S:
        for suspended in (False, True):
            if suspended and status in (S.REGISTERED, S.REJECTED, S.CLOSED):
                continue  # the clock only stops on accepted, still open cases
            legal = status in rule.sources and rule.allows_clock(suspended)
            case_id, outcome = _attempt(
                session_factory, org, "manager", action, status, suspended=suspended
            )
            label = f"{status.value}{' (suspended)' if suspended else ''}"
            if legal:
                if isinstance(outcome, Exception):
                    wrong.append(f"{label}: refused ({outcome})")
                elif outcome.status != TARGETS[action][status]:
                    wrong.append(f"{label}: went to {outcome.status}")
                continue
            if not isinstance(outcome, IllegalTransition):
                wrong.append(f"{label}: expected IllegalTransition, got {outcome!r}")
                continue
            assert outcome.message.startswith("案件 ")
            if suspended and status in rule.sources:
                assert outcome.code == "case_suspended"
                assert "中止" in outcome.message
            else:
                assert outcome.code == "action_not_allowed"
            with session_factory() as s:
                state, version, *_, events = _snapshot(s, case_id)
            assert (state, version, events) == (status, 1, 0), label
    assert wrong == []


# -- what the moves record ------------------------------------------------------------------


def _fresh(factory: sessionmaker[Session], **kw: Any) -> int:
    with factory.begin() as s:
        return make_case(s, **kw).id


def _events(factory: sessionmaker[Session], case_id: int) -> list[tuple[Any, ...]]:
    with factory() as s:
        return [
            (e.kind, e.from_status, e.to_status, e.reason, e.details, e.user_id)
            for e in s.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
            )
        ]


def _limits(factory: sessionmaker[Session], case_id: int) -> dict[LimitKind, CaseLimit]:
    with factory() as s:
        return {
            lim.kind: lim
            for lim in s.scalars(select(CaseLimit).where(CaseLimit.case_id == case_id))
        }


def test_full_life_cycle_records_the_timeline_and_moves_the_limits(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    case_id = _fresh(session_factory, mediator_id=org.mediator)
    steps: list[Callable[[Session, Actor, int], workflow.TransitionResult]] = [
        lambda s, a, v: workflow.accept(s, a, case_id, v),
        lambda s, a, v: workflow.start_mediation(s, a, case_id, v),
        lambda s, a, v: _agreement(s, a, case_id, v, note="当场签署"),
        lambda s, a, v: _application(s, a, case_id, v),
        lambda s, a, v: _ruling(s, a, case_id, v),
        lambda s, a, v: workflow.close(s, a, case_id, v),
    ]
    version = 1
    for step in steps:
        with session_factory.begin() as s:
            result = step(s, actor_of(s, org.mediator), version)
            assert result.version > version
            version = result.version
    assert result.status == S.CLOSED
    events = _events(session_factory, case_id)
    assert [e[:3] for e in events] == [
        ("accepted", "registered", "accepted"),
        ("mediation_started", "accepted", "mediating"),
        ("agreement_recorded", "mediating", "agreement"),
        ("confirmation_requested", "agreement", "confirmation_requested"),
        ("confirmed", "confirmation_requested", "confirmed"),
        ("closed", "confirmed", "closed"),
    ]
    assert {e[5] for e in events} == {org.mediator}
    assert events[2][3] == "当场签署"
    assert events[3][4] == {
        "court": "CT-KEQ",
        "court_name": "通辽市科尔沁区人民法院",
        "applied_on": TODAY.isoformat(),
    }
    assert events[4][4] == {
        "decision": "valid",
        "ruling_number": "（2026）内0502民特1号",  # stored with full-width brackets
        "decided_on": TODAY.isoformat(),
        "court": "CT-KEQ",
    }
    assert events[5][4] == {"outcome": "confirmed"}
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert (case.accepted_on, case.closed_on, case.outcome) == (TODAY, TODAY, S.CONFIRMED)
    limits = _limits(session_factory, case_id)
    assert limits[LimitKind.ACCEPTANCE_DECISION].state == LimitState.MET
    assert limits[LimitKind.HANDLING].state == LimitState.MET
    assert limits[LimitKind.HANDLING].met_on == TODAY


def test_accept_starts_the_handling_limit(session_factory: sessionmaker[Session], org: Org) -> None:
    case_id = _fresh(session_factory, received_on=TODAY - dt.timedelta(days=3))
    day = TODAY - dt.timedelta(days=2)
    with session_factory.begin() as s:
        workflow.accept(s, actor_of(s, org.manager), case_id, 1, on=day)
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert case.accepted_on == day
        assert case.due_on is not None and case.due_on >= day + dt.timedelta(days=60)
    limits = _limits(session_factory, case_id)
    assert limits[LimitKind.HANDLING].state == LimitState.RUNNING
    assert limits[LimitKind.HANDLING].start_on == day
    assert limits[LimitKind.ACCEPTANCE_DECISION].met_on == day


@pytest.mark.parametrize(
    ("days", "code"),
    [(-5, "date_too_early"), (1, "date_in_future")],
    ids=["before-receipt", "future"],
)
def test_accept_refuses_impossible_dates(
    session_factory: sessionmaker[Session], org: Org, days: int, code: str
) -> None:
    received = TODAY - dt.timedelta(days=3)
    case_id = _fresh(session_factory, received_on=received)
    day = (received if days < 0 else TODAY) + dt.timedelta(days=days)
    with session_factory() as s, pytest.raises(ValidationError) as err:
        workflow.accept(s, actor_of(s, org.manager), case_id, 1, on=day)
    assert err.value.code == code


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_reject_and_reopen_need_a_reason(
    session_factory: sessionmaker[Session], org: Org, reason: str | None
) -> None:
    registered = _fresh(session_factory)
    closed = _fresh(session_factory, status=S.CLOSED)
    with session_factory() as s:
        manager = actor_of(s, org.manager)
        with pytest.raises(ValidationError) as err:
            workflow.reject(s, manager, registered, 1, reason)  # type: ignore[arg-type]
        assert (err.value.field, err.value.code) == ("reason", "reason_required")
        with pytest.raises(ValidationError):
            workflow.reopen(s, manager, closed, 1, reason)  # type: ignore[arg-type]
        s.rollback()
        assert _snapshot(s, registered)[0:2] == (S.REGISTERED, 1)
        assert _snapshot(s, closed)[0:2] == (S.CLOSED, 1)


def test_reject_then_reopen_as_registered(session_factory: sessionmaker[Session], org: Org) -> None:
    case_id = _fresh(session_factory)
    with session_factory.begin() as s:
        r = workflow.reject(s, actor_of(s, org.manager), case_id, 1, "  已向人民法院起诉  ")
    assert _limits(session_factory, case_id)[LimitKind.ACCEPTANCE_DECISION].state == (
        LimitState.MET
    )
    with session_factory.begin() as s:
        r = workflow.reopen(s, actor_of(s, org.city), case_id, r.version, "法院已裁定不予受理")
    assert r.status == S.REGISTERED
    events = _events(session_factory, case_id)
    assert events[0][:4] == ("rejected", "registered", "rejected", "已向人民法院起诉")
    assert events[1][:4] == ("reopened", "rejected", "registered", "法院已裁定不予受理")
    assert events[1][5] == org.city
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.closed_on is None
    assert _limits(session_factory, case_id)[LimitKind.ACCEPTANCE_DECISION].state == (
        LimitState.RUNNING
    )


@pytest.mark.parametrize("outcome", [S.FAILED, S.WITHDRAWN, S.CONFIRMATION_DENIED])
def test_reopen_returns_to_the_state_it_closed_in(
    session_factory: sessionmaker[Session], org: Org, outcome: CaseStatus
) -> None:
    case_id = _fresh(session_factory, status=outcome, mediator_id=org.mediator)
    with session_factory.begin() as s:
        r = workflow.close(s, actor_of(s, org.mediator), case_id, 1)
    assert _limits(session_factory, case_id)[LimitKind.HANDLING].state == LimitState.MET
    with session_factory() as s, pytest.raises(PermissionDenied):
        workflow.reopen(s, actor_of(s, org.mediator), case_id, r.version, "继续调解")
    with session_factory.begin() as s:
        r = workflow.reopen(s, actor_of(s, org.manager), case_id, r.version, "继续调解")
    assert r.status == outcome
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert (case.status, case.closed_on, case.outcome) == (outcome, None, None)
    # Failed and withdrawn cases wait to be closed again: their clock stays stopped.
    stopped = outcome in (S.FAILED, S.WITHDRAWN)
    assert _limits(session_factory, case_id)[LimitKind.HANDLING].state == (
        LimitState.MET if stopped else LimitState.RUNNING
    )


def test_dismissed_confirmation_may_be_mediated_again(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    case_id = _fresh(session_factory, status=S.CONFIRMATION_REQUESTED, mediator_id=org.mediator)
    with session_factory.begin() as s:
        mediator = actor_of(s, org.mediator)
        r = _ruling(s, mediator, case_id, 1, ConfirmationDecision.DISMISSED)
        assert r.status == S.CONFIRMATION_DENIED
        r = workflow.start_mediation(s, mediator, case_id, r.version)
        assert r.status == S.MEDIATING
    events = _events(session_factory, case_id)
    assert [e[0] for e in events] == ["confirmation_denied", "mediation_started"]
    assert events[0][4] == {
        "decision": "dismissed",
        "ruling_number": "（2026）内0502民特1号",
        "decided_on": TODAY.isoformat(),
        "court": "CT-KEQ",
    }
    assert events[1][4] == {"again": True}


def test_failure_names_the_court(session_factory: sessionmaker[Session], org: Org) -> None:
    case_id = _fresh(session_factory, status=S.MEDIATING, mediator_id=org.mediator)
    with session_factory() as s:
        mediator = actor_of(s, org.mediator)
        for code in ("NOPE", "PR-TL"):  # unknown; not a court
            with pytest.raises(ValidationError) as err:
                workflow.record_failure(s, mediator, case_id, 1, court_code=code)
            assert err.value.field == "court"
            s.rollback()
    with session_factory.begin() as s:
        workflow.record_failure(s, actor_of(s, org.mediator), case_id, 1, reason="被申请人拒绝调解")
    assert _events(session_factory, case_id)[0][:5] == (
        "failed",
        "mediating",
        "failed",
        "被申请人拒绝调解",
        None,
    )


def test_mediator_acts_only_on_own_cases(session_factory: sessionmaker[Session], org: Org) -> None:
    unassigned = _fresh(session_factory)
    with session_factory() as s, pytest.raises(PermissionDenied) as err:
        workflow.accept(s, actor_of(s, org.mediator), unassigned, 1)
    assert err.value.code == "not_case_mediator"
    assert "承办调解员" in err.value.message


def test_a_disabled_or_changed_user_is_refused(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    case_id = _fresh(session_factory, mediator_id=org.mediator)
    with session_factory() as s:
        stale_mediator = actor_of(s, org.mediator)
        stale_manager = actor_of(s, org.manager)
    with session_factory.begin() as s:
        mediator = s.get(User, org.mediator)
        manager = s.get(User, org.manager)
        assert mediator is not None and manager is not None
        mediator.active = False
        manager.office_id = s.scalars(
            select(User.office_id).where(User.id == org.manager_other)
        ).one()
    with session_factory() as s:
        with pytest.raises(PermissionDenied) as err:
            workflow.accept(s, stale_mediator, case_id, 1)
        assert err.value.code == "account_disabled"
        with pytest.raises(PermissionDenied) as err:
            workflow.accept(s, stale_manager, case_id, 1)
        assert err.value.code == "actor_changed"


def test_a_user_disabled_between_two_transactions_of_one_session_is_refused(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    """The user checked in one transaction is read again in the session's next one (its
    objects are not expired at a commit)."""
    case_id = _fresh(session_factory, mediator_id=org.mediator)
    with session_factory() as s:
        mediator = actor_of(s, org.mediator)
        with pytest.raises(StaleData):  # the user's check passed, the version's did not
            workflow.accept(s, mediator, case_id, 99)
        s.commit()
        with session_factory.begin() as other:
            user = other.get(User, org.mediator)
            assert user is not None
            user.active = False
        with pytest.raises(PermissionDenied) as err:
            workflow.accept(s, mediator, case_id, 1)
        assert err.value.code == "account_disabled"


def test_available_actions(session_factory: sessionmaker[Session], org: Org) -> None:
    case_id = _fresh(session_factory, status=S.MEDIATING, mediator_id=org.mediator)
    with session_factory() as s:
        assert workflow.available_actions(s, actor_of(s, org.mediator), case_id) == [
            "record_agreement",
            "record_failure",
            "record_withdrawal",
            "correct",
            "add_evidence",
            "record_session",
        ]
        assert workflow.available_actions(s, actor_of(s, org.manager), case_id) == [
            "record_agreement",
            "record_failure",
            "record_withdrawal",
            "assign_mediator",
            "suspend",
            "extend",
            "correct",
            "add_evidence",
            "record_session",
        ]
        assert workflow.available_actions(s, actor_of(s, org.staff), case_id) == []
        assert workflow.available_actions(s, actor_of(s, org.admin), case_id) == []


# -- optimistic locking -----------------------------------------------------------------------


def test_stale_expected_version_is_refused(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    case_id = _fresh(session_factory, mediator_id=org.mediator)
    with session_factory.begin() as s:
        workflow.accept(s, actor_of(s, org.mediator), case_id, 1)
    with session_factory() as s, pytest.raises(StaleData) as err:
        workflow.reject(s, actor_of(s, org.manager), case_id, 1, "不属于知识产权纠纷")
    assert err.value.code == "stale"
    assert "请刷新" in err.value.message
    events = _events(session_factory, case_id)
    assert [e[0] for e in events] == ["accepted"]


def test_concurrent_save_after_load_is_refused(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    """The version_id_col lock: the loser read the case before the winner saved, so its own
    check passes; the UPDATE finds no row of its version and it gets StaleData."""
    case_id = _fresh(session_factory, mediator_id=org.mediator)
    with session_factory() as loser:
        loser_actor = actor_of(loser, org.manager)
        seen = loser.get(Case, case_id)
        assert seen is not None and seen.version_id == 1
        loser.commit()  # objects are kept (expire_on_commit=False), as an open form keeps them
        with session_factory.begin() as winner:
            workflow.accept(winner, actor_of(winner, org.mediator), case_id, 1)
        with pytest.raises(StaleData):
            workflow.reject(loser, loser_actor, case_id, 1, "不属于知识产权纠纷")
        loser.rollback()
    assert [e[0] for e in _events(session_factory, case_id)] == ["accepted"]
    with session_factory() as s:
        assert _snapshot(s, case_id)[0] == S.ACCEPTED


@pytest.mark.postgres_only
def test_two_sessions_race_on_postgresql(
    session_factory: sessionmaker[Session], org: Org, backend: str
) -> None:
    """Two clients load the same cases, then accept / reject them at the same moment: on
    each case exactly one wins, the other gets StaleData, and the database holds exactly
    the winner's change and event."""
    if backend != "postgresql":
        pytest.skip("row-level concurrency of a shared server: PostgreSQL only")
    case_ids = [_fresh(session_factory, mediator_id=org.mediator) for _ in range(6)]
    outcomes: dict[tuple[str, int], str] = {}
    barrier = threading.Barrier(2, timeout=30)

    def client(name: str, user_id: int) -> None:
        for case_id in case_ids:
            with session_factory() as s:
                actor = actor_of(s, user_id)
                version = s.get(Case, case_id).version_id  # type: ignore[union-attr]
                barrier.wait()
                try:
                    if name == "accepting":
                        workflow.accept(s, actor, case_id, version)
                    else:
                        workflow.reject(s, actor, case_id, version, "不属于知识产权纠纷")
                    s.commit()
                    outcomes[(name, case_id)] = "won"
                except StaleData:
                    s.rollback()
                    outcomes[(name, case_id)] = "stale"
                barrier.wait()

    threads = [
        threading.Thread(target=client, args=("accepting", org.mediator)),
        threading.Thread(target=client, args=("rejecting", org.manager)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(outcomes) == 2 * len(case_ids)
    for case_id in case_ids:
        results = {outcomes[("accepting", case_id)], outcomes[("rejecting", case_id)]}
        assert results == {"won", "stale"}, case_id
        winner = "accepting" if outcomes[("accepting", case_id)] == "won" else "rejecting"
        events = _events(session_factory, case_id)
        assert len(events) == 1
        with session_factory() as s:
            status = _snapshot(s, case_id)[0]
        if winner == "accepting":
            assert (status, events[0][0]) == (S.ACCEPTED, "accepted")
        else:
            assert (status, events[0][0]) == (S.REJECTED, "rejected")


@pytest.mark.parametrize("departure", ["moved", "disabled"])
def test_reopening_releases_a_mediator_who_has_left_the_office(
    session_factory: sessionmaker[Session], org: Org, departure: str
) -> None:
    case_id = _fresh(session_factory, status=S.AGREEMENT, mediator_id=org.mediator)
    with session_factory.begin() as s:
        r = workflow.close(s, actor_of(s, org.mediator), case_id, 1)
        mediator = s.get(User, org.mediator)
        assert mediator is not None
        if departure == "moved":
            mediator.office_id = s.get(User, org.mediator_other).office_id  # type: ignore[union-attr]
        else:
            mediator.active = False
    with session_factory.begin() as s:
        r = workflow.reopen(s, actor_of(s, org.manager), case_id, r.version, "继续履行协议")
    assert r.status == S.AGREEMENT
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.mediator_id is None
        waiting = routing.to_assign(s, actor_of(s, org.manager))
        assert case.number in [row.number for row in waiting.rows]
    event = _events(session_factory, case_id)[-1]
    assert event[0] == "reopened"
    assert event[4] == {"mediator_released": mediator.username}


def test_reopening_keeps_a_mediator_still_in_the_office(
    session_factory: sessionmaker[Session], org: Org
) -> None:
    case_id = _fresh(session_factory, status=S.AGREEMENT, mediator_id=org.mediator)
    with session_factory.begin() as s:
        r = workflow.close(s, actor_of(s, org.mediator), case_id, 1)
        r = workflow.reopen(s, actor_of(s, org.manager), case_id, r.version, "继续履行协议")
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.mediator_id == org.mediator
