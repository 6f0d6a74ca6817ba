"""The demo's partner-agency records: present, consistent with the limit rules, idempotent."""

from __future__ import annotations

import datetime as dt
from typing import cast

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo.generator import generate
from ipdesk.demo.links import add_demo_links
from ipdesk.models import (
    Agreement,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    Confirmation,
    ConfirmationDecision,
    Consultation,
    ConsultationKind,
    EventKind,
    LimitKind,
    Obligation,
)
from ipdesk.services.actors import Actor
from ipdesk.services.admin.seed import seed_reference_data
from ipdesk.services.cases.confirmation import case_links
from ipdesk.services.cases.limits import LimitContext, refresh_case_limits

TODAY = dt.date(2026, 11, 27)
_KINDS = (
    LimitKind.CONFIRMATION_APPLICATION,
    LimitKind.COURT_DECISION,
    LimitKind.CONSULTATION_ANSWER,
)


@pytest.fixture
def demo(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed_reference_data(s)
    generate(session_factory, cases=1500, seed=7, today=TODAY, later_stages=False)
    return session_factory


def limits(s: Session) -> list[tuple[object, ...]]:
    return list(
        s.execute(
            select(
                CaseLimit.case_id,
                CaseLimit.kind,
                CaseLimit.ref_key,
                CaseLimit.start_on,
                CaseLimit.due_on,
                CaseLimit.state,
                CaseLimit.met_on,
            )
            .where(CaseLimit.kind.in_(_KINDS))
            .order_by(CaseLimit.case_id, CaseLimit.kind, CaseLimit.ref_key)
        )
    )


def test_the_records_are_there_and_agree_with_the_limit_rules(
    demo: sessionmaker[Session],
) -> None:
    summary = add_demo_links(demo, 3, TODAY, chunk=400)  # several chunks
    assert summary.agreements > 0 and summary.obligations >= 2 * summary.agreements
    assert summary.consultations > 0 and summary.crime_referrals > 0
    assert summary.late_requests > 0
    assert summary.confirmations > 0 and summary.court_returns > 0
    with demo() as s:
        in_or_past_agreement = (
            CaseStatus.AGREEMENT,
            CaseStatus.CONFIRMATION_REQUESTED,
            CaseStatus.CONFIRMED,
            CaseStatus.CONFIRMATION_DENIED,
        )
        agreed = s.scalar(
            select(func.count())
            .select_from(Case)
            .where(
                Case.status.in_(in_or_past_agreement)
                | ((Case.status == CaseStatus.CLOSED) & Case.outcome.in_(in_or_past_agreement))
            )
        )
        assert s.scalar(select(func.count()).select_from(Agreement)) == agreed
        decisions = set(s.scalars(select(Confirmation.decision)))
        assert ConfirmationDecision.VALID in decisions
        kinds = set(s.scalars(select(Consultation.kind)))
        assert kinds == set(ConsultationKind)
        assert s.scalar(select(func.count()).select_from(Obligation)) == summary.obligations
        returns = s.scalars(
            select(CaseEvent).where(CaseEvent.kind == EventKind.RETURNED_TO_COURT.value)
        ).all()
        assert len(returns) == summary.court_returns
        assert all(e.details and e.details["outcome"] for e in returns)
        assert s.scalar(select(Case.id).where(Case.referral_kind.is_not(None)).limit(1))
        stored = limits(s)
    # What the services would derive from the same facts is what the demo stored.
    with demo.begin() as s:
        context = LimitContext.load(s)
        touched = {cast(int, row[0]) for row in stored}
        for case in s.scalars(select(Case).where(Case.id.in_(touched))):
            refresh_case_limits(s, case, context)
        assert limits(s) == stored
        some_case = next(iter(sorted(touched)))
        links = case_links(s, Actor.system(), some_case)
        assert links["agreement"] is not None or links["consultations"]


def test_a_second_run_adds_nothing(demo: sessionmaker[Session]) -> None:
    add_demo_links(demo, 3, TODAY)
    with demo() as s:
        before = (
            s.scalar(select(func.count()).select_from(Agreement)),
            s.scalar(select(func.count()).select_from(Consultation)),
            s.scalar(select(func.count()).select_from(CaseEvent)),
        )
    again = add_demo_links(demo, 3, TODAY)
    assert (again.agreements, again.consultations, again.court_returns) == (0, 0, 0)
    with demo() as s:
        after = (
            s.scalar(select(func.count()).select_from(Agreement)),
            s.scalar(select(func.count()).select_from(Consultation)),
            s.scalar(select(func.count()).select_from(CaseEvent)),
        )
    assert after == before
