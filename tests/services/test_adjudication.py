"""The administrative adjudication track (services/cases/adjudication.py), on both databases.

Hand-checked dates (chinesecalendar 1.11): accepted Wed 2026-09-02 -> the request copy is
due to be served 5 working days later, Wed 09-09. Served Mon 09-07 -> defence due 15 days
later, Tue 09-22. Hearing notice Mon 09-21 -> at least 3 working days: Thu 09-24. Decision
received last on Fri 10-23 -> 15 days end Sat 11-07, a rest day -> Mon 2026-11-09.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Adjudication,
    AdjudicationStep,
    Alert,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    ClockAdjustment,
    EventKind,
    IpType,
    LimitKind,
    LimitRule,
    LimitState,
    Party,
    PartyKind,
    PartyRole,
    ServiceMethod,
    User,
    WindowOutcome,
)
from ipdesk.services.cases import adjudication as adj
from ipdesk.services.cases import workflow
from ipdesk.services.cases.adjudication import Service
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.errors import IllegalTransition, PermissionDenied, ValidationError
from ipdesk.services.rules.adjudication_rules import adjudication_of
from ipdesk.services.rules.deadlines import BEIJING
from tests.helpers.factories import People, make_case, make_people, seed

D = dt.date
RECEIVED = D(2026, 9, 1)


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 9, tzinfo=BEIJING)


@dataclass
class World:
    factory: sessionmaker[Session]
    people: People
    case_id: int

    def run(self, who: str, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        with self.factory.begin() as s:
            actor = self.people.actor(s, who)
            case = s.get(Case, self.case_id)
            assert case is not None
            return func(s, actor, self.case_id, case.version_id, *args, **kwargs)

    def limit(self, kind: LimitKind) -> CaseLimit:
        with self.factory() as s:
            return s.scalars(
                select(CaseLimit).where(CaseLimit.case_id == self.case_id, CaseLimit.kind == kind)
            ).one()

    def adjudication(self) -> Adjudication:
        with self.factory() as s:
            return s.scalars(select(Adjudication).where(Adjudication.case_id == self.case_id)).one()

    def party_ids(self) -> dict[str, int]:
        with self.factory() as s:
            return {
                p.role.value: p.id
                for p in s.scalars(select(Party).where(Party.case_id == self.case_id))
            }


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    with session_factory.begin() as s:
        seed(s)
        people = make_people(s)
        case = make_case(
            s,
            ip_type=IpType.PATENT_UTILITY_MODEL,
            right_number="ZL202320123456.1",
            received_on=RECEIVED,
            mediator_id=people.mediator,
            respondent="通辽市某某机械有限公司",
        )
        case_id = case.id
    return World(session_factory, people, case_id)


def accepted(world: World) -> None:
    world.run("mediator", adj.choose_adjudication, requested_on=RECEIVED, today=RECEIVED)
    world.run("manager", adj.accept_adjudication, on=D(2026, 9, 2), today=D(2026, 9, 2))


def with_panel(world: World) -> None:
    accepted(world)
    p = world.people
    world.run("manager", adj.set_panel, [p.manager, p.mediator, p.mediator2], today=D(2026, 9, 3))


def served(world: World) -> None:
    with_panel(world)
    world.run(
        "mediator2",
        adj.serve_request,
        Service(ServiceMethod.MAIL, D(2026, 9, 4), D(2026, 9, 7), signed_by="王某"),
        today=D(2026, 9, 8),
    )


def heard(world: World) -> None:
    served(world)
    world.run(
        "mediator",
        adj.record_defence,
        received_on=D(2026, 9, 18),
        summary="被请求人认为其产品未落入权利要求1的保护范围。",
        today=D(2026, 9, 18),
    )
    world.run(
        "mediator",
        adj.notify_hearing,
        notified_on=D(2026, 9, 21),
        hearing_on=D(2026, 9, 24),
        place="第一裁决所审理室",
        today=D(2026, 9, 21),
    )
    world.run(
        "mediator",
        adj.record_hearing,
        held_on=D(2026, 9, 24),
        participants="请求人张三；被请求人委托代理人李某",
        content="双方围绕技术特征比对进行了陈述和质证。",
        today=D(2026, 9, 24),
    )


def decided(world: World, found: bool = True) -> None:
    heard(world)
    world.run(
        "manager",
        adj.decide,
        infringement_found=found,
        reasons="被控侵权产品包含与权利要求1全部技术特征相同的技术特征。",
        order_to_stop="责令被请求人立即停止制造、销售被控侵权产品" if found else None,
        decided_on=D(2026, 10, 20),
        today=D(2026, 10, 20),
    )


def decision_served(world: World, found: bool = True) -> None:
    decided(world, found)
    ids = world.party_ids()
    world.run(
        "mediator",
        adj.serve_decision,
        [
            Service("direct", D(2026, 10, 21), D(2026, 10, 21), party_id=ids["applicant"]),
            Service("mail", D(2026, 10, 21), D(2026, 10, 23), party_id=ids["respondent"]),
        ],
        today=D(2026, 10, 26),
    )


# --------------------------------------------------------------------------- acceptance


def test_accepted_for_adjudication_starts_the_handling_and_service_limits(world: World) -> None:
    accepted(world)
    with world.factory() as s:
        case = s.get(Case, world.case_id)
        assert case is not None
        assert case.status == CaseStatus.ACCEPTED and case.accepted_on == D(2026, 9, 2)
        kinds = [e.kind for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id))]
    assert kinds == [EventKind.ADJUDICATION_REQUESTED.value, EventKind.ADJUDICATION_ACCEPTED.value]
    assert world.adjudication().step == AdjudicationStep.ACCEPTED
    service = world.limit(LimitKind.REQUEST_SERVICE)
    assert (service.due_on, service.state) == (D(2026, 9, 9), LimitState.RUNNING)


def test_a_session_reads_the_adjudication_again_in_its_next_transaction(world: World) -> None:
    """adjudication_of gives the adjudication it found again only within one transaction:
    the session's objects are not expired at a commit, and another session may have moved
    the adjudication meanwhile."""
    accepted(world)
    with world.factory() as s:
        first = adjudication_of(s, world.case_id)
        assert first is not None and first.step == AdjudicationStep.ACCEPTED
        assert adjudication_of(s, world.case_id) is first  # the same transaction
        del first  # the session's identity map holds its objects weakly
        s.commit()
        p = world.people
        world.run(
            "manager", adj.set_panel, [p.manager, p.mediator, p.mediator2], today=D(2026, 9, 3)
        )
        again = adjudication_of(s, world.case_id)
        assert again is not None and again.step == AdjudicationStep.PANEL_SET


def test_only_patent_infringement_may_be_adjudicated(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        seed(s)
        people = make_people(s)
        case = make_case(s, mediator_id=people.mediator)  # a trademark
        with pytest.raises(IllegalTransition) as info:
            adj.choose_adjudication(s, people.actor(s, "mediator"), case.id, case.version_id)
    assert info.value.code == "action_not_allowed" or info.value.code.startswith("adjudication")


def test_a_mediator_cannot_approve_acceptance(world: World) -> None:
    world.run("mediator", adj.choose_adjudication, requested_on=RECEIVED, today=RECEIVED)
    with pytest.raises(PermissionDenied):
        world.run("mediator", adj.accept_adjudication, today=D(2026, 9, 2))


def test_refusal_rejects_a_registered_case(world: World) -> None:
    world.run("mediator", adj.choose_adjudication, requested_on=RECEIVED, today=RECEIVED)
    world.run(
        "manager", adj.refuse_adjudication, "被请求人不明确", on=D(2026, 9, 3), today=D(2026, 9, 3)
    )
    with world.factory() as s:
        case = s.get(Case, world.case_id)
        assert case is not None and case.status == CaseStatus.REJECTED
    a = world.adjudication()
    assert (a.step, a.refusal_reason) == (AdjudicationStep.REFUSED, "被请求人不明确")


def test_after_failed_mediation_the_gap_is_not_counted(world: World) -> None:
    with world.factory.begin() as s:
        mediator = world.people.actor(s, "mediator")
        case = s.get(Case, world.case_id)
        assert case is not None
        workflow.accept(s, mediator, case.id, case.version_id, on=D(2026, 9, 2))
        workflow.start_mediation(s, mediator, case.id, case.version_id)
        workflow.record_failure(s, mediator, case.id, case.version_id, reason="调解不成")
        failed = s.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id == case.id, CaseEvent.kind == EventKind.FAILED.value
            )
        ).one()
        failed.at = at(D(2026, 9, 20))  # the mediation failed on 20 September
    assert world.limit(LimitKind.HANDLING).state == LimitState.MET
    world.run(
        "mediator", adj.choose_adjudication, requested_on=D(2026, 9, 28), today=D(2026, 9, 28)
    )
    assert world.adjudication().route.value == "after_mediation"
    world.run("manager", adj.accept_adjudication, on=D(2026, 10, 1), today=D(2026, 10, 1))
    with world.factory() as s:
        case = s.get(Case, world.case_id)
        assert case is not None and case.status == CaseStatus.ACCEPTED
        assert case.accepted_on == D(2026, 9, 2)  # the dispute's acceptance is kept
        gap = s.scalars(select(ClockAdjustment).where(ClockAdjustment.case_id == case.id)).one()
        assert (gap.start_on, gap.end_on) == (D(2026, 9, 20), D(2026, 10, 1))
    handling = world.limit(LimitKind.HANDLING)
    # 60 days from 2 September (1 November, a Sunday) + the 11 days not counted
    assert handling.state == LimitState.RUNNING and handling.due_on == D(2026, 11, 12)


# --------------------------------------------------------------------------- panel


def test_panel_of_an_odd_number_of_officers_with_the_check_recorded(world: World) -> None:
    with_panel(world)
    a = world.adjudication()
    assert a.step == AdjudicationStep.PANEL_SET
    assert a.recusal_check is not None
    assert [o["result"] for o in a.recusal_check["officers"]] == ["clear"] * 3
    assert {"name": "张三", "role": "applicant"} in a.recusal_check["checked_against"]


@pytest.mark.parametrize("count", [1, 2, 4])
def test_panel_must_be_odd_and_at_least_three(world: World, count: int) -> None:
    accepted(world)
    with world.factory.begin() as s:
        ids = [u.id for u in s.scalars(select(User).where(User.office_id.is_not(None)))]
    p = world.people
    officers = [
        p.manager,
        p.mediator,
        p.mediator2,
        *(i for i in ids if i not in (p.manager, p.mediator, p.mediator2)),
    ][:count]
    with pytest.raises(ValidationError) as info:
        world.run("manager", adj.set_panel, officers, today=D(2026, 9, 3))
    assert info.value.code in ("panel_size", "panel_officer_not_in_office")


def test_recusal_same_name_as_a_party_or_agent(world: World) -> None:
    accepted(world)
    with world.factory.begin() as s:
        officer = s.get(User, world.people.mediator2)
        assert officer is not None
        s.add(
            Party(
                case_id=world.case_id,
                position=5,
                role=PartyRole.AGENT,
                kind=PartyKind.PERSON,
                name=officer.display_name,
            )
        )
    p = world.people
    with pytest.raises(ValidationError) as info:
        world.run(
            "manager", adj.set_panel, [p.manager, p.mediator, p.mediator2], today=D(2026, 9, 3)
        )
    assert info.value.code == "panel_recusal"
    assert world.adjudication().step == AdjudicationStep.ACCEPTED


def test_recusal_declared_relation(world: World) -> None:
    accepted(world)
    p = world.people
    with pytest.raises(ValidationError) as info:
        world.run(
            "manager",
            adj.set_panel,
            [p.manager, p.mediator, p.mediator2],
            declared_related={p.mediator: "被请求人法定代表人系其表兄"},
            today=D(2026, 9, 3),
        )
    assert info.value.code == "panel_recusal"


def test_officers_of_another_office_cannot_sit(world: World) -> None:
    accepted(world)
    p = world.people
    with pytest.raises(ValidationError) as info:
        world.run(
            "manager", adj.set_panel, [p.manager, p.mediator, p.mediator_other], today=D(2026, 9, 3)
        )
    assert info.value.code == "panel_officer_not_in_office"


# --------------------------------------------------------------------------- service, defence


def test_service_starts_the_defence_limit(world: World) -> None:
    served(world)
    a = world.adjudication()
    assert a.step == AdjudicationStep.REQUEST_SERVED and a.request_served_on == D(2026, 9, 7)
    defence = world.limit(LimitKind.DEFENCE)
    assert (defence.start_on, defence.due_on, defence.state) == (
        D(2026, 9, 7),
        D(2026, 9, 22),
        LimitState.RUNNING,
    )
    assert world.limit(LimitKind.REQUEST_SERVICE).state == LimitState.MET
    with world.factory() as s:
        record = s.get(Adjudication, a.id).services[0]  # type: ignore[union-attr]
        assert (record.method, record.recipient, record.signed_by) == (
            ServiceMethod.MAIL,
            "通辽市某某机械有限公司",
            "王某",
        )


def test_a_mediator_off_the_panel_cannot_serve(
    world: World,
) -> None:
    accepted(world)
    p = world.people
    world.run("manager", adj.set_panel, [p.manager, p.mediator, p.mediator2], today=D(2026, 9, 3))
    with world.factory.begin() as s:
        from ipdesk.models import Role
        from ipdesk.services.actors import Actor
        from tests.helpers.factories import make_user

        outsider = Actor.of(make_user(s, Role.MEDIATOR, office="TL01"))
        case = s.get(Case, world.case_id)
        assert case is not None
        with pytest.raises(PermissionDenied):
            adj.serve_request(
                s,
                outsider,
                case.id,
                case.version_id,
                Service("direct", D(2026, 9, 4), D(2026, 9, 4)),
            )


def test_electronic_service_needs_consent(world: World) -> None:
    with_panel(world)
    with pytest.raises(ValidationError) as info:
        world.run(
            "mediator",
            adj.serve_request,
            Service("electronic", D(2026, 9, 4), D(2026, 9, 4)),
            today=D(2026, 9, 8),
        )
    assert info.value.code == "electronic_service_without_consent"


def test_no_defence_only_after_the_period(world: World) -> None:
    served(world)
    with pytest.raises(IllegalTransition) as info:
        world.run("mediator", adj.record_defence, none_in_time=True, today=D(2026, 9, 22))
    assert info.value.code == "defence_period_running"
    world.run("mediator", adj.record_defence, none_in_time=True, today=D(2026, 9, 23))
    assert world.adjudication().no_defence
    assert world.limit(LimitKind.DEFENCE).state == LimitState.CANCELLED


def test_defence_alert_when_it_is_due(world: World) -> None:
    served(world)
    with world.factory.begin() as s:
        result = scan_alerts(s, at(D(2026, 9, 22)))
    assert any(a.kind == LimitKind.DEFENCE for a in result.alerts)


# --------------------------------------------------------------------------- hearing


def test_hearing_notice_at_least_three_working_days(world: World) -> None:
    served(world)
    world.run(
        "mediator",
        adj.record_defence,
        received_on=D(2026, 9, 18),
        summary="答辩",
        today=D(2026, 9, 18),
    )
    with pytest.raises(ValidationError) as info:
        world.run(
            "mediator",
            adj.notify_hearing,
            notified_on=D(2026, 9, 21),
            hearing_on=D(2026, 9, 23),
            place="审理室",
            today=D(2026, 9, 21),
        )
    assert info.value.code == "hearing_notice_too_short"
    assert info.value.params["earliest"] == D(2026, 9, 24)


def test_evidence_exchange_and_hearing_records(world: World) -> None:
    served(world)
    world.run(
        "mediator",
        adj.exchange_evidence,
        held_on=D(2026, 9, 15),
        content="请求人提交购买公证书；被请求人提交现有技术文献。",
        today=D(2026, 9, 15),
    )
    a = world.adjudication()
    with world.factory() as s:
        kinds = [r.kind.value for r in s.get(Adjudication, a.id).records]  # type: ignore[union-attr]
    assert kinds == ["evidence_exchange"]


# --------------------------------------------------------------------------- suspension


def test_suspension_for_invalidation_stops_the_clock_and_resumption_moves_the_due_date(
    world: World,
) -> None:
    heard(world)
    before = world.limit(LimitKind.HANDLING).due_on
    world.run(
        "manager",
        adj.suspend_for_invalidation,
        invalidation_number="4W113456",
        start_on=D(2026, 9, 25),
        today=D(2026, 9, 25),
    )
    handling = world.limit(LimitKind.HANDLING)
    assert handling.state == LimitState.PAUSED
    a = world.adjudication()
    assert a.suspended and a.invalidation_number == "4W113456"
    # the panel cannot go on while suspended
    with pytest.raises(IllegalTransition):
        world.run(
            "manager",
            adj.decide,
            infringement_found=False,
            reasons="x",
            decided_on=D(2026, 9, 28),
            today=D(2026, 9, 28),
        )
    world.run("manager", adj.resume_adjudication, resume_on=D(2026, 10, 15), today=D(2026, 10, 15))
    handling = world.limit(LimitKind.HANDLING)
    assert handling.state == LimitState.RUNNING
    assert before is not None and handling.due_on is not None and handling.due_on > before
    with world.factory() as s:
        events = s.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id == world.case_id, CaseEvent.kind == EventKind.SUSPENDED.value
            )
        ).all()
        assert events[-1].details is not None
        assert events[-1].details["invalidation_number"] == "4W113456"
        adjustments = s.scalars(
            select(ClockAdjustment).where(ClockAdjustment.case_id == world.case_id)
        ).all()
        assert [(x.start_on, x.end_on) for x in adjustments] == [(D(2026, 9, 25), D(2026, 10, 15))]


def test_invalidation_number_is_required(world: World) -> None:
    heard(world)
    with pytest.raises(ValidationError) as info:
        world.run(
            "manager",
            adj.suspend_for_invalidation,
            invalidation_number=" ",
            start_on=D(2026, 9, 25),
            today=D(2026, 9, 25),
        )
    assert info.value.code == "invalidation_number_invalid"


# --------------------------------------------------------------------------- decision


def test_decision_signed_off_by_the_office_manager_only(world: World) -> None:
    heard(world)
    for who in ("mediator", "city"):
        with pytest.raises(PermissionDenied):
            world.run(
                who,
                adj.decide,
                infringement_found=True,
                reasons="理由",
                order_to_stop="停止销售",
                decided_on=D(2026, 10, 20),
                today=D(2026, 10, 20),
            )


def test_decision_needs_the_order_when_infringement_is_found(world: World) -> None:
    heard(world)
    with pytest.raises(ValidationError) as info:
        world.run(
            "manager",
            adj.decide,
            infringement_found=True,
            reasons="理由",
            decided_on=D(2026, 10, 20),
            today=D(2026, 10, 20),
        )
    assert info.value.code == "order_to_stop_empty"


def test_decision_makes_the_case_adjudicated_and_stops_the_handling_clock(world: World) -> None:
    decided(world)
    with world.factory() as s:
        case = s.get(Case, world.case_id)
        assert case is not None and case.status == CaseStatus.ADJUDICATED
    a = world.adjudication()
    assert a.step == AdjudicationStep.DECIDED and a.infringement_found
    assert a.decision_number and "专裁字〔2026〕1号" in a.decision_number
    assert world.limit(LimitKind.HANDLING).state == LimitState.MET


def test_decision_must_reach_every_party(world: World) -> None:
    decided(world)
    ids = world.party_ids()
    with pytest.raises(ValidationError) as info:
        world.run(
            "mediator",
            adj.serve_decision,
            [Service("direct", D(2026, 10, 21), D(2026, 10, 21), party_id=ids["applicant"])],
            today=D(2026, 10, 26),
        )
    assert info.value.code == "decision_not_served_on_all"


# --------------------------------------------------------------------------- the window


def test_the_window_to_sue_runs_from_the_last_receipt_and_raises_an_alert(world: World) -> None:
    decision_served(world)
    window = world.limit(LimitKind.SUIT_WINDOW)
    assert (window.start_on, window.due_on, window.state) == (
        D(2026, 10, 23),
        D(2026, 11, 9),
        LimitState.RUNNING,
    )
    with world.factory.begin() as s:
        first = scan_alerts(s, at(D(2026, 11, 9)))
    with world.factory.begin() as s:
        again = scan_alerts(s, at(D(2026, 11, 9)))
    assert [a.kind for a in first.alerts if a.kind == LimitKind.SUIT_WINDOW] == [
        LimitKind.SUIT_WINDOW
    ]
    assert not [a for a in again.alerts if a.kind == LimitKind.SUIT_WINDOW]
    with world.factory() as s:
        alert = s.scalars(select(Alert).where(Alert.case_id == world.case_id)).all()
        assert any(a.threshold == "due" for a in alert)


def test_enforcement_only_after_the_window_when_the_infringer_did_not_stop(world: World) -> None:
    decision_served(world)
    with pytest.raises(IllegalTransition) as info:
        world.run("manager", adj.apply_enforcement, court_code="CT-ZY", today=D(2026, 11, 9))
    assert info.value.code == "suit_window_running"
    with pytest.raises(IllegalTransition):
        world.run("mediator", adj.record_window_outcome, "not_stopped", today=D(2026, 11, 9))
    world.run("mediator", adj.record_window_outcome, "not_stopped", today=D(2026, 11, 10))
    assert world.limit(LimitKind.SUIT_WINDOW).state == LimitState.MET
    remind_and_apply(world, D(2026, 11, 12))  # the 10th day is Sunday 22nd: Tuesday 24th
    a = world.adjudication()
    assert a.step == AdjudicationStep.ENFORCEMENT_APPLIED and a.enforcement_applied_on == D(
        2026, 11, 24
    )
    # the case can be closed as adjudicated
    world.run("mediator", workflow.close, on=D(2026, 11, 24))
    with world.factory() as s:
        case = s.get(Case, world.case_id)
        assert case is not None and case.outcome == CaseStatus.ADJUDICATED


def remind_and_apply(world: World, reminded_on: dt.date) -> None:
    """行政强制法 Art. 54: no application before the reminder (催告书), none until 10 days
    after its service; then the manager applies."""
    with pytest.raises(IllegalTransition) as info:
        world.run("manager", adj.apply_enforcement, court_code="CT-ZY", today=reminded_on)
    assert info.value.code == "enforcement_not_reminded"
    world.run("mediator", adj.remind_enforcement, served_on=reminded_on, today=reminded_on)
    assert world.adjudication().enforcement_reminded_on == reminded_on
    with pytest.raises(IllegalTransition) as info:
        world.run("mediator", adj.remind_enforcement, today=reminded_on)
    assert info.value.code == "enforcement_already_reminded"
    tenth = reminded_on + dt.timedelta(days=10)
    with pytest.raises(IllegalTransition) as info:
        world.run("manager", adj.apply_enforcement, court_code="CT-ZY", today=tenth)
    assert info.value.code == "enforcement_reminder_running"
    # the period's last day is the 10th, or the next working day when that is a rest day
    after = info.value.params["after"]
    assert after >= tenth and (after == tenth or tenth.weekday() >= 5)
    with pytest.raises(IllegalTransition):
        world.run("manager", adj.apply_enforcement, court_code="CT-ZY", today=after)
    world.run(
        "manager", adj.apply_enforcement, court_code="CT-ZY", today=after + dt.timedelta(days=1)
    )


def test_the_reminder_waits_for_the_window_and_ends_its_alert(world: World) -> None:
    decision_served(world)
    with pytest.raises(IllegalTransition) as info:
        world.run("mediator", adj.remind_enforcement, today=D(2026, 11, 9))
    assert info.value.code == "suit_window_running"
    # without a recorded outcome: the reminder itself ends the window's limit
    world.run("mediator", adj.remind_enforcement, today=D(2026, 11, 10))
    assert world.limit(LimitKind.SUIT_WINDOW).state == LimitState.MET
    with world.factory() as s:
        view = adj.get_adjudication(s, world.people.actor(s, "manager"), world.case_id)
        assert view is not None
        assert view.enforcement_reminded_on == D(2026, 11, 10)
        assert view.enforcement_possible_after == D(2026, 11, 20)
        assert view.as_dict()["enforcement_possible_after"] == "2026-11-20"
        event = s.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id == world.case_id)
            .order_by(CaseEvent.id.desc())
            .limit(1)
        ).one()
        assert event.kind == "enforcement_reminded"


def test_the_reminders_period_is_the_editable_rule(world: World) -> None:
    decision_served(world)
    with world.factory.begin() as s:
        rule = s.get(LimitRule, LimitKind.ENFORCEMENT_REMINDER)
        assert rule is not None and rule.days == 10 and rule.description is not None
        assert "行政强制法第54条" in rule.description
        rule.days = 5
    world.run("mediator", adj.remind_enforcement, today=D(2026, 11, 10))
    with pytest.raises(IllegalTransition):
        # the 5th day is Sunday 15th: the period ends on Monday 16th
        world.run("manager", adj.apply_enforcement, court_code="CT-ZY", today=D(2026, 11, 16))
    world.run("manager", adj.apply_enforcement, court_code="CT-ZY", today=D(2026, 11, 17))
    assert world.adjudication().step == AdjudicationStep.ENFORCEMENT_APPLIED


def test_no_reminder_after_a_suit_or_without_infringement(world: World) -> None:
    decision_served(world, found=False)
    with pytest.raises(IllegalTransition) as info:
        world.run("mediator", adj.remind_enforcement, today=D(2026, 11, 12))
    assert info.value.code == "nothing_ordered"


def test_a_suit_concludes_the_adjudication(world: World) -> None:
    decision_served(world)
    world.run(
        "mediator",
        adj.record_window_outcome,
        WindowOutcome.SUED,
        court_case_number="（2026）内05行初12号",
        today=D(2026, 11, 2),
    )
    a = world.adjudication()
    assert a.step == AdjudicationStep.CONCLUDED and a.window_outcome == WindowOutcome.SUED


def test_no_enforcement_when_infringement_was_not_found(world: World) -> None:
    decision_served(world, found=False)
    with pytest.raises(IllegalTransition) as info:
        world.run("manager", adj.apply_enforcement, court_code="CT-ZY", today=D(2026, 11, 12))
    assert info.value.code == "nothing_ordered"


def test_damages_mediation_after_the_decision(world: World) -> None:
    decision_served(world)
    ended = world.limit(LimitKind.HANDLING)
    # on the decision's date, not the day it was entered (the test runs on today's clock)
    assert (ended.state, ended.met_on) == (LimitState.MET, D(2026, 10, 20))
    world.run("mediator", workflow.start_mediation)
    with world.factory() as s:
        case = s.get(Case, world.case_id)
        assert case is not None and case.status == CaseStatus.MEDIATING
        # the decision ended the handling: no clock runs for the damages, nothing is due
        assert case.due_on is None and not case.is_suspended
    handling = world.limit(LimitKind.HANDLING)
    assert (handling.state, handling.met_on) == (LimitState.MET, ended.met_on)
    # the window and enforcement still follow the decision (each step refreshes the
    # case's limits: the handling stays met, whichever road the case took)
    world.run("mediator", adj.record_window_outcome, "complied", today=D(2026, 11, 10))
    assert world.adjudication().step == AdjudicationStep.CONCLUDED
    handling = world.limit(LimitKind.HANDLING)
    assert (handling.state, handling.met_on) == (LimitState.MET, ended.met_on)
    with world.factory.begin() as s:
        scan_alerts(s, at(D(2027, 3, 1)))  # long after the handling's old due date
    with world.factory() as s:
        alerts = s.scalars(
            select(Alert)
            .join(CaseLimit, CaseLimit.id == Alert.limit_id)
            .where(Alert.case_id == world.case_id, CaseLimit.kind == LimitKind.HANDLING)
        ).all()
        assert alerts == []


# --------------------------------------------------------------------------- actions, reading


def test_available_actions_follow_the_step_and_the_panel(world: World) -> None:
    with world.factory() as s:
        mediator = world.people.actor(s, "mediator")
        manager = world.people.actor(s, "manager")
        actions = workflow.available_actions(s, mediator, world.case_id)
        assert workflow.CaseAction.CHOOSE_ADJUDICATION in actions
        assert workflow.CaseAction.SET_PANEL not in actions
    served(world)
    with world.factory() as s:
        mediator = world.people.actor(s, "mediator")
        manager = world.people.actor(s, "manager")
        actions = workflow.available_actions(s, mediator, world.case_id)
        assert workflow.CaseAction.RECORD_DEFENCE in actions
        assert workflow.CaseAction.SERVE_REQUEST not in actions
        assert workflow.CaseAction.DECIDE not in actions
        assert workflow.CaseAction.SUSPEND_FOR_INVALIDATION in workflow.available_actions(
            s, manager, world.case_id
        )


def test_view_lists_the_steps(world: World) -> None:
    decision_served(world)
    with world.factory() as s:
        view = adj.get_adjudication(s, world.people.actor(s, "mediator"), world.case_id)
    assert view is not None
    done = [s.step for s in view.steps if s.done]
    assert done[-1] == "decision_served" and view.suit_window_due == D(2026, 11, 9)
    data = view.as_dict()
    assert data["officers"][0]["presiding"] is True
    assert data["services"][0]["document"] == "request_copy"


def test_no_mediation_while_the_adjudication_is_under_way(world: World) -> None:
    served(world)
    with world.factory() as s:
        mediator = world.people.actor(s, "mediator")
        assert workflow.CaseAction.START_MEDIATION not in workflow.available_actions(
            s, mediator, world.case_id
        )
    with pytest.raises(IllegalTransition) as info:
        world.run("mediator", workflow.start_mediation)
    assert info.value.code == "adjudication_under_way"


def test_the_report_lists_the_adjudications(world: World, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from ipdesk.services.queries.dashboard import Period
    from ipdesk.services.queries.reports import write_report

    decision_served(world)
    out = tmp_path / "report.xlsx"
    with world.factory() as s:
        write_report(
            s,
            world.people.actor(s, "city"),
            out,
            Period(D(2026, 9, 1), D(2026, 11, 30)),
            today=D(2026, 11, 30),
        )
    sheet = load_workbook(out)["行政裁决"]
    header = [c.value for c in sheet[5]]
    row = {h: c.value for h, c in zip(header, sheet[6], strict=True)}
    assert row["阶段"] == "处理决定已送达" and row["认定侵权"] == "是"
    assert row["专利号"] == "ZL202320123456.1" and row["办理天数"] == 48


# --------------------------------------------------------------------------- the dashboard


def test_the_dashboard_counts_the_adjudication_track(world: World) -> None:
    """Open before the decision, decided (and in time: within the 60 days of the case's
    clock) in the period of the decision; the same from the summary and from the cases,
    and each number drills down to the case."""
    from ipdesk.services.queries import dashboard

    def figures(end: dt.date) -> list[dashboard.UnitFigures]:
        flt = dashboard.DashboardFilter(dashboard.Period(D(2026, 10, 1), end))
        with world.factory() as s:
            actor = world.people.actor(s, "manager")
            out = []
            sources: tuple[dashboard.Source, ...] = ("summary", "cases")
            for source in sources:
                result = dashboard.figures(s, actor, flt, today=end, source=source)
                out.append(result.total)
                for key in dashboard.ADJUDICATION_KEYS:
                    ids = dashboard.drill_down(s, actor, flt, key, today=end)
                    assert ids == ([world.case_id] if getattr(result.total, key) else []), key
            return out

    heard(world)
    for total in figures(D(2026, 10, 10)):
        assert (
            total.adjudications_open,
            total.adjudications_decided,
            total.adjudications_in_time,
        ) == (1, 0, 0)
    world.run(
        "manager",
        adj.decide,
        infringement_found=True,
        reasons="被控侵权产品包含与权利要求1全部技术特征相同的技术特征。",
        order_to_stop="责令被请求人立即停止制造、销售被控侵权产品",
        decided_on=D(2026, 10, 20),
        today=D(2026, 10, 20),
    )
    for total in figures(D(2026, 10, 31)):
        assert (
            total.adjudications_open,
            total.adjudications_decided,
            total.adjudications_in_time,
        ) == (0, 1, 1)
