"""refresh_all_open (set-based) against the former per-limit refresh on a demo population:
after rule changes, the same limits, case due dates and withdrawn alerts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Alert, Case, CaseLimit, LimitKind, LimitRule
from ipdesk.services.alerts import scan_alerts
from ipdesk.services.demo import generate
from ipdesk.services.limits import (
    BEIJING,
    refresh_all_open,
    refresh_all_open_per_limit,
)
from ipdesk.services.seed import seed_reference_data

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def demo(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed_reference_data(s)
    generate(session_factory, cases=600, seed=11, today=TODAY)
    with session_factory.begin() as s:
        scan_alerts(s, dt.datetime(2026, 11, 27, 9, tzinfo=BEIJING))
    return session_factory


def state(session: Session) -> tuple[list[tuple[object, ...]], ...]:
    limits = session.execute(
        select(
            CaseLimit.id, CaseLimit.due_on, CaseLimit.state, CaseLimit.calendar_covered
        ).order_by(CaseLimit.id)
    ).all()
    cases = session.execute(select(Case.id, Case.due_on, Case.is_suspended).order_by(Case.id)).all()
    alerts = session.execute(
        select(Alert.id, Alert.withdrawn_at.is_(None)).order_by(Alert.id)
    ).all()
    return [tuple(r) for r in limits], [tuple(r) for r in cases], [tuple(r) for r in alerts]


@pytest.mark.parametrize(
    ("kind", "days", "working_days"),
    [
        (LimitKind.HANDLING, 60, False),  # nothing changes
        (LimitKind.HANDLING, 45, False),
        (LimitKind.HANDLING, 40, True),
        (LimitKind.ACCEPTANCE_DECISION, 7, True),
    ],
)
def test_set_based_refresh_equals_the_per_limit_one(
    demo: sessionmaker[Session], kind: LimitKind, days: int, working_days: bool
) -> None:
    results = []
    for refresh in (refresh_all_open, refresh_all_open_per_limit):
        with demo() as s, s.begin():
            s.execute(
                update(LimitRule)
                .where(LimitRule.kind == kind)
                .values(days=days, working_days=working_days)
            )
            summary = refresh(s)
            results.append((state(s), summary.examined, summary.changed, summary.withdrawn))
            s.rollback()
    assert results[0] == results[1]
    assert (results[0][2] > 0) == (days != 60 or working_days)
