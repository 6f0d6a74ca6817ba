"""A demo load that at least doubles the cases leaves the dashboard summary alone while it
writes and computes it once at its end (dashboard_summary.deferred); a smaller one keeps it
up to date chunk by chunk; a load killed before the computation leaves a marker that the
next start-up (setup.initialise) answers with the computation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.demo import generator as demo
from ipdesk.models import Case, DashboardSummary
from ipdesk.services.admin.setup import initialise
from ipdesk.services.queries import dashboard_summary
from tests.demo.killed import kill_a_load_amid_its_second_chunk
from tests.helpers.factories import seed

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def seeded(monkeypatch: pytest.MonkeyPatch, session_factory: sessionmaker[Session]) -> None:
    monkeypatch.setattr(demo, "CHUNK", 200)  # several chunks
    with session_factory.begin() as s:
        seed(s)


def _pending(session: Session) -> bool:
    kind = DashboardSummary.kind
    return session.scalar(select(kind).where(kind == dashboard_summary.PENDING)) is not None


def _summary_rows(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(DashboardSummary)) or 0


def _watch(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, int]]:
    """At each chunk's insert of cases: (marker present, summary rows), from now on."""
    seen: list[tuple[bool, int]] = []
    real = demo.insert_rows

    def watching(session: Session, table: Any, *args: Any) -> None:
        if table is demo.CASES:
            seen.append((_pending(session), _summary_rows(session)))
        real(session, table, *args)

    monkeypatch.setattr(demo, "insert_rows", watching)
    return seen


def _check(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as s:
        assert dashboard_summary.verify(s.connection()) == []
        assert not _pending(s)
        assert _summary_rows(s) > 0


def test_a_large_load_computes_the_summary_once_at_its_end(
    session_factory: sessionmaker[Session], seeded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _watch(monkeypatch)
    demo.generate(session_factory, cases=700, seed=3, today=TODAY)
    # Every chunk is written with the marker committed and the (empty) summary left alone.
    assert seen == [(True, 1)] * 4
    _check(session_factory)


def test_a_smaller_load_keeps_the_summary_chunk_by_chunk(
    session_factory: sessionmaker[Session], seeded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.generate(session_factory, cases=500, seed=3, today=TODAY, later_stages=False)
    seen = _watch(monkeypatch)
    demo.generate(session_factory, cases=300, seed=4, today=TODAY)
    assert len(seen) == 2
    assert not any(pending for pending, _ in seen)
    assert seen[1][1] > seen[0][1]  # the first chunk's cases were counted before the second
    _check(session_factory)


def test_an_error_midway_still_computes_the_summary(
    session_factory: sessionmaker[Session], seeded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real = demo.insert_rows

    def failing(session: Session, table: Any, *args: Any) -> None:
        nonlocal calls
        if table is demo.CASES:
            calls += 1
            if calls == 2:
                raise RuntimeError("disk full")
        real(session, table, *args)

    monkeypatch.setattr(demo, "insert_rows", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        demo.generate(session_factory, cases=700, seed=3, today=TODAY)
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 200  # the first chunk
    _check(session_factory)


def test_a_load_killed_before_the_computation_is_repaired_at_the_next_start(
    engine: Engine, database_url: str, seeded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The load runs in a child process that is SIGKILLed amid its second chunk: the
    marker stays, the first chunk's cases are not counted. The next start-up computes
    the summary (``setup.initialise``, which imports nothing of ``ipdesk.demo``)."""
    engine.dispose()  # the child opens its own connections
    kill_a_load_amid_its_second_chunk(monkeypatch, database_url, TODAY)

    fresh = db.make_engine(database_url)
    sessions = db.make_session_factory(fresh)
    try:
        with sessions() as s:
            assert s.scalar(select(func.count()).select_from(Case)) == 200
            assert _pending(s)
            assert dashboard_summary.verify(s.connection()) != []
        initialise(fresh)
        _check(sessions)
    finally:
        fresh.dispose()
