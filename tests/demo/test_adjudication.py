"""The demo's adjudicated cases (demo/adjudication.py): cases of their own in every state of
the track, taken there by its use cases — realistic patents, panels without a recusal
conflict, service receipts, the window to sue and its alert — while the ordinary cases
stay exactly as without them."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.db import make_engine, make_session_factory
from ipdesk.demo import generator
from ipdesk.demo.adjudication import MIN_DEMO_CASES, TARGETS, adjudication_count
from ipdesk.demo.generator import generate
from ipdesk.migrate import upgrade
from ipdesk.models import (
    Adjudication,
    AdjudicationStep,
    Agreement,
    Alert,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    EntryRoute,
    LimitKind,
    LimitState,
    MediationRecord,
    Role,
    ServedDocument,
    User,
    WindowOutcome,
)
from ipdesk.services.actors import Actor
from ipdesk.services.admin.seed import seed_reference_data
from ipdesk.services.cases.adjudication import MIN_PANEL, get_adjudication
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import legal_today

TODAY = dt.date(2026, 11, 27)
S = AdjudicationStep


def _seeded(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with factory.begin() as s:
        seed_reference_data(s)
    return factory


def test_how_many() -> None:
    assert adjudication_count(MIN_DEMO_CASES - 1) == 0  # a self-test's few cases: none
    assert adjudication_count(MIN_DEMO_CASES) == len(TARGETS)
    assert adjudication_count(3000) == len(TARGETS)  # ipdesk --demo
    assert adjudication_count(30_000) == 3 * len(TARGETS)
    assert adjudication_count(1_000_000) == adjudication_count(10**7)  # capped


def test_every_state_of_the_track_by_its_use_cases(
    session_factory: sessionmaker[Session],
) -> None:
    summary = generate(_seeded(session_factory), cases=200, seed=5, today=TODAY)
    assert summary.adjudicated == len(TARGETS) and summary.cases == 200 + len(TARGETS)
    with session_factory() as s:
        adjudications = list(s.scalars(select(Adjudication).order_by(Adjudication.case_id)))
        assert len(adjudications) == len(TARGETS)
        cases = {a.case_id: s.get(Case, a.case_id) for a in adjudications}

        # every step, both routes, suspended for an invalidation request, both findings
        assert {a.step for a in adjudications} == set(S)
        assert {a.route for a in adjudications} == set(EntryRoute)
        suspended = [a for a in adjudications if a.suspended]
        assert suspended and all(a.invalidation_number for a in suspended)
        assert all(cases[a.case_id].is_suspended for a in suspended)  # type: ignore[union-attr]
        resumed = [a for a in adjudications if a.invalidation_number and not a.suspended]
        assert resumed and all(a.decided_on for a in resumed)
        assert {a.infringement_found for a in adjudications if a.decided_on} == {True, False}
        assert {a.window_outcome for a in adjudications} >= {
            WindowOutcome.SUED,
            WindowOutcome.COMPLIED,
            WindowOutcome.NOT_STOPPED,
        }
        statuses = {c.status for c in cases.values() if c is not None}
        assert {
            CaseStatus.REGISTERED,
            CaseStatus.REJECTED,
            CaseStatus.ACCEPTED,
            CaseStatus.ADJUDICATED,
            CaseStatus.MEDIATING,
            CaseStatus.AGREEMENT,
            CaseStatus.FAILED,
            CaseStatus.CLOSED,
        } <= statuses
        assert any(a.no_defence for a in adjudications)
        assert (
            s.scalar(
                select(func.count())
                .select_from(Agreement)
                .where(Agreement.case_id.in_(list(cases)))
            )
            == 1
        )  # the damages agreed in mediation after the decision

        for a in adjudications:
            case = cases[a.case_id]
            assert case is not None
            # realistic patents: a ZL number with its check digit, of the case's kind,
            # named with its title in the facts
            assert case.right_number is not None
            number = ids.validate_patent_number(case.right_number, ip_type=case.ip_type.value)
            assert f"ZL{number.number}" in case.facts and "名称为“" in case.facts
            assert case.dispute_type.value == "infringement"
            # each step on a day of its own in the past, in order
            days = [
                legal_today(at)
                for at in s.scalars(
                    select(CaseEvent.at).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)
                )
            ]
            assert days == sorted(days) and days[0] == case.received_on <= days[-1] <= TODAY
            if a.step in (S.REQUESTED, S.REFUSED):
                continue
            assert a.accepted_on is not None and a.acceptance_approved_by_id is not None
            if a.step == S.ACCEPTED:
                continue
            # a panel: an odd number of officers of the office, none sharing a party's name
            officers = [s.get(User, o.user_id) for o in a.officers]
            assert len(officers) >= MIN_PANEL and len(officers) % 2 == 1
            parties = {p.name for p in case.parties}
            for officer in officers:
                assert officer is not None and officer.office_id == case.office_id
                assert officer.role in (Role.MEDIATOR, Role.OFFICE_MANAGER)
                assert officer.display_name not in parties
            assert a.recusal_check is not None
            assert {e["result"] for e in a.recusal_check["officers"]} == {"clear"}
            assert case.mediator_id == a.officers[0].user_id and a.officers[0].presiding
            if a.step == S.PANEL_SET:
                continue
            # service records (送达回证): how, when, to whom, signed by whom
            served = [r for r in a.services if r.document == ServedDocument.REQUEST_COPY]
            respondent = next(p for p in case.parties if p.role.value == "respondent")
            assert len(served) == 1 and served[0].recipient == respondent.name
            assert a.request_served_on == served[0].received_on
            for record in a.services:
                assert record.sent_on <= record.received_on <= TODAY
                if record.document != ServedDocument.HEARING_NOTICE:  # the service writes it
                    assert record.signed_by and record.server_name, record.document
            if a.decision_served_on is not None:
                decision = {
                    r.recipient for r in a.services if r.document == ServedDocument.DECISION
                }
                assert decision == {
                    p.name for p in case.parties if p.role.value in ("applicant", "respondent")
                }

        # the window to sue: running and passed, with the alerts the office acts on
        windows = {
            a.case_id: s.scalars(
                select(CaseLimit).where(
                    CaseLimit.case_id == a.case_id, CaseLimit.kind == LimitKind.SUIT_WINDOW
                )
            ).one()
            for a in adjudications
            if a.decision_served_on is not None
        }
        running = [w for w in windows.values() if w.state == LimitState.RUNNING]
        assert any(w.due_on is not None and w.due_on >= TODAY for w in running)
        passed = [w for w in running if w.due_on is not None and w.due_on < TODAY]
        assert passed
        alerted = set(s.scalars(select(Alert.limit_id)))
        assert {w.id for w in passed} <= alerted

        # damages mediation: recorded by the case's mediator, after the decision
        for case_id in (
            c
            for c, case in cases.items()
            if case and case.status in (CaseStatus.MEDIATING, CaseStatus.AGREEMENT)
        ):
            records = s.scalars(
                select(MediationRecord).where(MediationRecord.case_id == case_id)
            ).all()
            a = next(a for a in adjudications if a.case_id == case_id)
            assert records and all(r.held_on > (a.decision_served_on or TODAY) for r in records)

        # the view a user gets (the case view and case show --json read it)
        manager = s.scalars(select(User).where(User.username == "tl01-manager")).one()
        mine = [a for a in adjudications if cases[a.case_id].office_id == manager.office_id]  # type: ignore[union-attr]
        assert len(mine) >= len(TARGETS) // 3
        for a in mine:
            view = get_adjudication(s, Actor.of(manager), a.case_id)
            assert view is not None and view.step == a.step.value


def test_the_ordinary_cases_are_as_without_them(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The adjudicated cases come after the others: the ordinary cases, their records and
    their numbers are those of a demo without them."""
    generate(_seeded(session_factory), cases=150, seed=4, today=TODAY)
    other = make_engine("sqlite://")
    upgrade(other)
    others = _seeded(make_session_factory(other))
    monkeypatch.setattr(generator, "add_demo_adjudications", lambda *a, **k: 0)
    generate(others, cases=150, seed=4, today=TODAY)

    def ordinary(factory: sessionmaker[Session]) -> list[tuple[object, ...]]:
        with factory() as s:
            adjudicated = select(Adjudication.case_id)
            return [
                (c.number, c.status, c.outcome, c.received_on, c.due_on, c.parties[0].name)
                for c in s.scalars(
                    select(Case).where(Case.id.not_in(adjudicated)).order_by(Case.id)
                )
            ]

    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Adjudication)) == len(TARGETS)
        counts = Counter(s.scalars(select(Case.status)))
    assert ordinary(session_factory) == ordinary(others)
    assert sum(counts.values()) == 150 + len(TARGETS)
    other.dispose()
