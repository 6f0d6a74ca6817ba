"""The demo's follow-up visits, written in bulk, are those of the application's scheduler
followed by the record pass (the way the demo made them before, visit by visit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.demo import followups as demo_followups
from ipdesk.demo.followups import add_demo_follow_ups
from ipdesk.demo.generator import generate
from ipdesk.models import CaseLimit, FollowUpVisit, LimitKind, VisitState
from ipdesk.services.cases.followups import schedule_follow_ups_for_closed
from tests.helpers.factories import seed
from tests.helpers.module_db import module_database

TODAY = dt.date(2026, 11, 27)
SEED = 5


class _Twin:
    """What module_database needs of a pytest request, for a second database."""

    def __init__(self, request: pytest.FixtureRequest, backend: str) -> None:
        self.param = backend
        self.getfixturevalue = request.getfixturevalue


@pytest.fixture
def twin(request: pytest.FixtureRequest, backend: str) -> Iterator[Engine]:
    """A second fresh database on the same backend as ``session_factory``'s."""
    with module_database(_Twin(request, backend)) as engine:  # type: ignore[arg-type]
        yield engine


def _demo(factory: sessionmaker[Session]) -> None:
    with factory.begin() as s:
        seed(s)
    generate(factory, cases=600, seed=SEED, today=TODAY, later_stages=False)


def _reference(factory: sessionmaker[Session], today: dt.date) -> tuple[int, int, int, int]:
    """The old way: the scheduler plans (INSERT … RETURNING), then every due planned visit
    is recorded by UPDATEs."""
    with factory.begin() as s:
        planned = schedule_follow_ups_for_closed(s, batch_size=100)
    counts = demo_followups._Counts()
    demo_followups._record_earlier(factory, SEED, today, 100, counts, before=2**31 - 1)
    return planned.scheduled, planned.visits, counts.done, counts.late


def _dump(factory: sessionmaker[Session]) -> tuple[list[Any], list[Any]]:
    with factory() as s:
        visits = [
            tuple(getattr(v, c.key) for c in FollowUpVisit.__table__.columns)
            for v in s.scalars(select(FollowUpVisit).order_by(FollowUpVisit.id))
        ]
        limits = [
            tuple(getattr(row, c.key) for c in CaseLimit.__table__.columns)
            for row in s.scalars(
                select(CaseLimit)
                .where(CaseLimit.kind == LimitKind.FOLLOW_UP)
                .order_by(CaseLimit.id)
            )
        ]
    return visits, limits


def _visits(factory: sessionmaker[Session]) -> list[FollowUpVisit]:
    with factory() as s:
        return list(s.scalars(select(FollowUpVisit)))


def test_bulk_visits_equal_scheduler_and_record_pass(
    session_factory: sessionmaker[Session], twin: Engine
) -> None:
    reference = db.make_session_factory(twin)
    _demo(session_factory)
    _demo(reference)
    for today in (TODAY, TODAY + dt.timedelta(days=90)):  # a rerun on a later day too
        summary = add_demo_follow_ups(session_factory, SEED, today, chunk=100)
        expected = _reference(reference, today)
        got = (
            summary.cases_scheduled,
            summary.visits_planned,
            summary.visits_done,
            summary.visits_late,
        )
        assert got == expected
        ours, theirs = _dump(session_factory), _dump(reference)
        assert ours == theirs
    visits, limits = ours
    assert len(visits) > 300 and len(limits) == len(visits)
    assert {v.state for v in _visits(session_factory)} == {VisitState.PLANNED, VisitState.DONE}
    assert summary.visits_done > 0  # the later run recorded what the first left planned


def test_progress_counts_the_closed_cases(session_factory: sessionmaker[Session]) -> None:
    _demo(session_factory)
    seen: list[tuple[int, int]] = []
    add_demo_follow_ups(
        session_factory, SEED, TODAY, chunk=100, progress=lambda d, t: seen.append((d, t))
    )
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
