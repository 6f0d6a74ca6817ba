"""The demo's later stages in a worker process (demo/generator.py, _add_later_stages): the
same rows as in this process, chunk by chunk, and an error leaves whole chunks only."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from typing import Any

import pytest
from sqlalchemy import Engine, Table, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.db import make_engine, make_session_factory
from ipdesk.demo import generator as demo_service
from ipdesk.demo import links as demo_links
from ipdesk.demo.generator import generate
from ipdesk.demo.worker import WorkerFailed
from ipdesk.migrate import upgrade
from ipdesk.models import Agreement, FollowUpVisit
from ipdesk.services.admin.seed import seed_reference_data

TODAY = dt.date(2026, 11, 27)
CASES = 1500
#: The tables the two stages write (of cases, only the referral kind they set).
_TABLES = (
    *demo_links._TABLES,
    demo_links.CASES,
    demo_service._table(FollowUpVisit),
)


def _cases_only(session_factory: sessionmaker[Session]) -> Engine:
    with session_factory.begin() as s:
        seed_reference_data(s)
    generate(session_factory, cases=CASES, seed=7, today=TODAY, later_stages=False)
    with session_factory() as s:
        engine = s.get_bind()
    assert isinstance(engine, Engine)
    return engine


def _rows(factory: sessionmaker[Session]) -> dict[str, list[tuple[object, ...]]]:
    def columns(table: Table) -> Any:
        if table is demo_links.CASES:  # updated_at: the wall clock's
            return [table.c.id, table.c.referral_kind]
        return list(table.c)

    with factory() as s:
        return {
            table.name: [
                tuple(row) for row in s.execute(select(*columns(table)).order_by(table.c.id))
            ]
            for table in _TABLES
        }


@pytest.fixture
def in_worker(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The later stages of a load of CASES run in a worker process, in chunks of 100
    cases; the list of the later stages' workers started."""
    workers: list[object] = []
    real = demo_service.produced_in_worker

    def spy(*args: Any, **kwargs: Any) -> Any:
        if args[0] is demo_service._later_chunks:
            workers.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(demo_service, "produced_in_worker", spy)
    monkeypatch.setattr(demo_service, "CHUNK", 100)
    monkeypatch.setattr(demo_service, "LATER_CHUNK", 100)
    monkeypatch.setattr(demo_service, "WORKER_MIN_CASES", CASES)
    return workers


def test_a_worker_process_produces_the_same_rows(
    session_factory: sessionmaker[Session],
    in_worker: list[object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = _cases_only(session_factory)
    demo_service._add_later_stages(session_factory, engine, 7, TODAY, CASES)
    assert len(in_worker) == 1

    other = make_engine("sqlite://")
    upgrade(other)
    other_sessions = make_session_factory(other)
    _cases_only(other_sessions)
    monkeypatch.setattr(demo_service, "WORKER_MIN_CASES", 10**9)
    demo_service._add_later_stages(other_sessions, other, 7, TODAY, CASES)
    assert len(in_worker) == 1  # the reference: below WORKER_MIN_CASES, in this process
    worker_rows, reference = _rows(session_factory), _rows(other_sessions)
    assert worker_rows == reference
    assert all(reference.values())  # every table has rows: the test compares something
    other.dispose()


def test_an_error_leaves_whole_chunks_and_ends_the_worker(
    session_factory: sessionmaker[Session],
    in_worker: list[object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = _cases_only(session_factory)
    real = demo_links.insert_rows
    written: list[int] = []

    def failing(session: Session, table: Table, names: Any, values: Any) -> None:
        real(session, table, names, values)
        if table is demo_links.AGREEMENTS and values:
            written.append(len(values))
            if len(written) == 2:
                raise OSError("disk full")

    monkeypatch.setattr(demo_links, "insert_rows", failing)
    with pytest.raises(OSError, match="disk full"):
        demo_service._add_later_stages(session_factory, engine, 7, TODAY, CASES)
    assert len(in_worker) == 1 and not multiprocessing.active_children()
    with session_factory() as s:
        assert len(s.scalars(select(Agreement.id)).all()) == written[0]  # the first chunk's


def test_a_failing_worker_fails_the_load(
    session_factory: sessionmaker[Session], in_worker: list[object]
) -> None:
    _cases_only(session_factory)
    # The worker opens the database from the engine's URL: one it cannot open.
    unreachable = make_engine("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(WorkerFailed):
        demo_service._add_later_stages(session_factory, unreachable, 7, TODAY, CASES)
    assert not multiprocessing.active_children()
    with session_factory() as s:
        assert s.scalar(select(Agreement.id)) is None
