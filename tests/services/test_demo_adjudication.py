"""The demo's adjudicated cases: every step, valid patents, panels and service receipts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Adjudication,
    AdjudicationStep,
    Case,
    CaseLimit,
    CaseStatus,
    LimitKind,
    ServiceRecord,
)
from ipdesk.services import identifiers as ids
from ipdesk.services.demo import generate
from ipdesk.services.demo_adjudication import TARGETS, demo_count
from ipdesk.services.seed import seed_reference_data

TODAY = dt.date(2026, 11, 20)


def test_the_demo_adjudicates_patent_requests_in_every_step(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        seed_reference_data(s)
    generate(session_factory, cases=200, seed=5, today=TODAY)
    assert demo_count(200) == len(TARGETS)
    with session_factory() as s:
        adjudications = s.scalars(select(Adjudication)).all()
        assert len(adjudications) == len(TARGETS)
        steps = {a.step for a in adjudications}
        assert steps == set(AdjudicationStep)
        assert any(a.suspended and a.invalidation_number for a in adjudications)
        for a in adjudications:
            case = s.get(Case, a.case_id)
            assert case is not None and case.right_number is not None
            number = ids.validate_patent_number(case.right_number)
            assert ids.patent_kind_matches(number, case.ip_type.value)
            if a.step not in (AdjudicationStep.REQUESTED, AdjudicationStep.REFUSED):
                assert a.accepted_on is not None
            if a.panel_approved_on is not None:
                assert len(a.officers) == 3 and a.recusal_check is not None
        statuses = set(
            s.scalars(select(Case.status).join(Adjudication, Adjudication.case_id == Case.id))
        )
        assert {CaseStatus.ADJUDICATED, CaseStatus.CLOSED, CaseStatus.MEDIATING} <= statuses
        assert s.scalar(select(func.count()).select_from(ServiceRecord)) > len(TARGETS)
        windows = s.scalars(
            select(CaseLimit.due_on).where(CaseLimit.kind == LimitKind.SUIT_WINDOW)
        ).all()
        assert windows and all(d is not None for d in windows)
