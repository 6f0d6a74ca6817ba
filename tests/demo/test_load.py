"""A large demo load runs without the secondary indexes (and on SQLite on a tuned
connection): afterwards the schema is as the migrations made it, SQLite's connection
settings are back, and neither a failure midway nor a killed load leaves an index missing,
on both databases."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.demo import generator as demo
from ipdesk.demo import load as demo_load
from ipdesk.models import Case
from ipdesk.services.admin.setup import initialise, present_indexes, restore_indexes
from tests.demo.killed import kill_a_load_amid_its_second_chunk
from tests.helpers.factories import seed

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def dropping(monkeypatch: pytest.MonkeyPatch, session_factory: sessionmaker[Session]) -> None:
    """Several chunks, and the indexes dropped even for a small load."""
    monkeypatch.setattr(demo, "CHUNK", 200)
    monkeypatch.setattr(demo_load, "INDEX_DROP_MIN_CASES", 1)
    with session_factory.begin() as s:
        seed(s)


def _schema(engine: Engine) -> list[tuple[Any, ...]]:
    """Every index's definition (SQLite: every table's too); the second column is the name."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            rows = conn.exec_driver_sql(
                "SELECT tablename, indexname, indexdef FROM pg_indexes"
                " WHERE schemaname = current_schema() ORDER BY indexname"
            )
        else:
            rows = conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
            )
        return [tuple(row) for row in rows]


def _integrity_check(conn: Any) -> None:
    if conn.dialect.name == "sqlite":
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"


def _settings(engine: Engine) -> list[Any]:
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as conn:
        return [
            conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()
            for name in ("wal_autocheckpoint", "threads")
        ]


def _watch_missing(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The droppable indexes missing at each insert of the demo, from now on."""
    missing: list[set[str]] = []
    real = demo.insert_rows

    def watching(session: Session, *args: Any) -> None:
        missing.append(_droppable() - present_indexes(session.connection()))
        real(session, *args)

    monkeypatch.setattr(demo, "insert_rows", watching)
    return missing


def _droppable() -> set[str]:
    return {str(i.name) for t in demo._TABLES for i in t.indexes if not i.unique}


def test_the_load_leaves_schema_and_settings_as_they_were(
    engine: Engine,
    session_factory: sessionmaker[Session],
    dropping: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    schema, settings = _schema(engine), _settings(engine)
    dropped = _watch_missing(monkeypatch)
    demo.generate(session_factory, cases=700, seed=3, today=TODAY, later_stages=False)
    kept = demo_load.KEPT_ON_SQLITE if engine.dialect.name == "sqlite" else set()
    assert dropped and all(names == _droppable() - kept for names in dropped)
    assert _schema(engine) == schema
    assert _settings(engine) == settings
    with engine.connect() as conn:
        _integrity_check(conn)


def test_the_case_documents_look_up_each_cases_parties_by_index_during_the_load(
    engine: Engine, session_factory: sessionmaker[Session], dropping: None
) -> None:
    """SQLite: the case documents written at the end of each chunk (migration 0021) find
    each new case's parties through an index kept for them: without it every case read the
    whole parties table (a 50,000-case demo took about 670 s of CPU instead of 25 s)."""
    if engine.dialect.name != "sqlite":
        pytest.skip("the case documents are SQLite's")
    plans: list[str] = []

    def explain(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.startswith("INSERT INTO search_case_docs") and "FROM cases" in statement:
            select_part = statement[statement.index("SELECT") :]
            rows = cursor.connection.execute(f"EXPLAIN QUERY PLAN {select_part}", parameters)
            plans.append("\n".join(str(row[-1]) for row in rows))

    event.listen(engine, "before_cursor_execute", explain)
    try:
        demo.generate(session_factory, cases=700, seed=3, today=TODAY, later_stages=False)
    finally:
        event.remove(engine, "before_cursor_execute", explain)
    assert len(plans) >= 4  # chunks of 200: each wrote its documents
    assert all("SCAN parties" not in plan for plan in plans), plans[0]
    assert all("parties USING" in plan for plan in plans), plans[0]


def test_an_error_midway_restores_the_indexes(
    engine: Engine,
    session_factory: sessionmaker[Session],
    dropping: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    schema = _schema(engine)
    calls = 0
    real = demo.insert_rows

    def failing(session: Session, table: Any, *args: Any) -> None:
        nonlocal calls
        if table is demo.EVENTS:
            calls += 1
            if calls == 2:
                raise RuntimeError("disk full")
        real(session, table, *args)

    monkeypatch.setattr(demo, "insert_rows", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        demo.generate(session_factory, cases=700, seed=3, today=TODAY, later_stages=False)
    assert _schema(engine) == schema
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 200  # the first chunk


def test_indexes_a_killed_load_left_missing_come_back(
    engine: Engine, session_factory: sessionmaker[Session], dropping: None
) -> None:
    schema = _schema(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_parties_name")
        conn.exec_driver_sql("DROP INDEX ix_cases_due_on")
    assert restore_indexes(engine, demo._TABLES) == [
        "ix_cases_due_on",
        "ix_parties_name",
    ]
    assert _schema(engine) == schema
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_case_limits_open")
    demo.generate(session_factory, cases=50, seed=3, today=TODAY, later_stages=False)
    assert _schema(engine) == schema


def test_a_small_load_keeps_the_indexes(
    session_factory: sessionmaker[Session], dropping: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not worth it when the tables already hold more cases than the load adds."""
    demo.generate(session_factory, cases=400, seed=3, today=TODAY, later_stages=False)
    missing = _watch_missing(monkeypatch)
    demo.generate(session_factory, cases=300, seed=4, today=TODAY, later_stages=False)
    assert missing and all(names == set() for names in missing)


def test_start_up_restores_indexes_a_killed_load_left_missing(engine: Engine) -> None:
    """The app and every ipdesk-admin command run setup.initialise first: a database that
    a killed load left without some indexes is whole again before anyone queries it."""
    schema = _schema(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_cases_dashboard")
        conn.exec_driver_sql("DROP INDEX ix_follow_up_visits_dashboard")
    initialise(engine)
    assert _schema(engine) == schema


def test_a_load_killed_without_its_indexes_is_repaired_at_the_next_start(
    engine: Engine, database_url: str, dropping: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The load runs in a child process that is SIGKILLed amid its second chunk, while
    the indexes are dropped (nothing of the demo's own cleanup runs). The next start-up
    (``setup.initialise``, which imports nothing of ``ipdesk.demo``) builds them again from
    the models; the first chunk's cases stay."""
    schema = _schema(engine)
    engine.dispose()  # the child opens its own connections
    kill_a_load_amid_its_second_chunk(monkeypatch, database_url, TODAY)

    fresh = db.make_engine(database_url)
    try:
        missing = {row[1] for row in schema} - {row[1] for row in _schema(fresh)}
        kept = demo_load.KEPT_ON_SQLITE if fresh.dialect.name == "sqlite" else set()
        assert missing == _droppable() - kept  # the kill left the others missing
        initialise(fresh)
        assert _schema(fresh) == schema
        with fresh.connect() as conn:
            _integrity_check(conn)
            assert conn.execute(select(func.count()).select_from(Case)).scalar_one() == 200
    finally:
        fresh.dispose()


def test_start_up_and_the_other_commands_do_not_import_the_demo() -> None:
    """Only the demo commands load ``ipdesk.demo``: start-up's repair, the services and the
    command line's other commands do without it."""
    code = (
        "import sys, ipdesk.services, ipdesk.services.admin.setup, ipdesk.cli, ipdesk.models; "
        "loaded = sorted(m for m in sys.modules if m.startswith('ipdesk.demo')); "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
