"""db.read_concurrently: statements on connections of their own, and what they see."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.models import Office
from tests.helpers.factories import seed


def _offices() -> Any:
    return select(func.count()).select_from(Office)


def test_statements_run_on_connections_of_their_own(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        seed(s)
    threads: list[str] = []

    def note_thread(conn: Connection) -> None:
        threads.append(threading.current_thread().name)

    with session_factory() as s:
        rows = db.read_concurrently(s, [_offices(), _offices(), _offices()], prepare=note_thread)
        expected = s.scalar(_offices())
    assert [r[0][0] for r in rows] == [expected] * 3
    assert len(threads) == 3
    assert all(name.startswith("ipdesk-read") for name in threads)


def test_uncommitted_changes_are_read_in_the_session(
    session_factory: sessionmaker[Session],
) -> None:
    """Changes the session has not committed (flushed or not) are invisible to other
    connections: the statements then run in the session, one after the other, and see them."""
    with session_factory.begin() as s:
        seed(s)
    with session_factory() as s:
        before = s.scalar(_offices())
        s.add(Office(code="ZZ99", name="测试裁决所"))  # pending, not flushed
        assert db.has_uncommitted_writes(s)
        pending = db.read_concurrently(s, [_offices(), _offices()])
        s.flush()  # flushed, not committed
        assert db.has_uncommitted_writes(s)
        flushed = db.read_concurrently(s, [_offices(), _offices()])
        s.rollback()
        assert not db.has_uncommitted_writes(s)
    assert [r[0][0] for r in pending] == [before + 1] * 2
    assert [r[0][0] for r in flushed] == [before + 1] * 2


def test_a_session_that_only_read_has_no_uncommitted_writes(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        seed(s)
    with session_factory() as s:
        s.scalar(_offices())
        assert not db.has_uncommitted_writes(s)


def test_postgresql_statements_share_the_session_snapshot(
    engine: Engine, session_factory: sessionmaker[Session], backend: str
) -> None:
    """On PostgreSQL every statement reads the snapshot of the session's transaction: an
    office added and committed by someone else after the session began is not counted."""
    with session_factory.begin() as s:
        seed(s)
    with session_factory() as s:
        options: dict[str, Any] = dict(db.READ_ONLY)
        if backend == "postgresql":
            options["isolation_level"] = "REPEATABLE READ"
        s.connection(execution_options=options)
        before = s.scalar(_offices())
        with session_factory.begin() as other:
            other.add(Office(code="ZZ98", name="后来的裁决所"))
        rows = db.read_concurrently(s, [_offices(), _offices()])
    with engine.connect() as conn:
        after = conn.scalar(_offices())
    assert after == before + 1
    seen = [r[0][0] for r in rows]
    if backend == "postgresql":
        assert seen == [before, before]
    else:  # SQLite: each connection begins its own read transaction, after the commit
        assert seen == [after, after]


def test_an_error_in_one_statement_reaches_the_caller(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory() as s, pytest.raises(DBAPIError, match="no_such_table"):
        db.read_concurrently(s, [_offices(), text("SELECT * FROM no_such_table")])


def test_the_models_postgresql_options_are_given_when_postgresql_is_used() -> None:
    """On SQLite the models do not import PostgreSQL's dialect; once a PostgreSQL engine is
    made, their indexes have their PostgreSQL options (a partial index, an INCLUDE)."""
    script = (
        "import sys\n"
        "from sqlalchemy.schema import CreateIndex\n"
        "from ipdesk import db\n"
        "from ipdesk.models import Case, CaseLimit\n"
        "db.make_engine('sqlite://')\n"
        "print('sqlalchemy.dialects.postgresql' in sys.modules)\n"
        "engine = db.make_engine('postgresql://nobody@localhost/none')\n"
        "for table, name in ((CaseLimit, 'ix_case_limits_open'), (Case, 'ix_cases_dashboard')):\n"
        "    index = next(i for i in table.__table__.indexes if i.name == name)\n"
        "    print(str(CreateIndex(index).compile(dialect=engine.dialect)).split(')', 1)[1])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [
        "False",
        " INCLUDE (id) WHERE state IN ('running', 'paused')",
        " INCLUDE (id)",
    ]


def test_a_connection_killed_while_idle_in_the_pool_is_replaced_and_a_busy_one_not_pinged(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: a pooled connection is pinged only when it has been idle in the pool for
    more than the engine's idle time; one the server killed meanwhile is replaced at the
    next call without an error, and a connection in steady use is never pinged."""
    if not database_url.startswith("postgresql"):
        pytest.skip("the pool's ping is PostgreSQL's")
    idle_s = 0.5
    engine = db.make_engine(database_url, ping_after_idle_s=idle_s, pool_size=1)
    admin = db.make_engine(database_url)
    pings: list[object] = []
    real_ping = engine.dialect.do_ping

    def counted_ping(dbapi_conn: Any) -> bool:
        pings.append(dbapi_conn)
        return real_ping(dbapi_conn)

    monkeypatch.setattr(engine.dialect, "do_ping", counted_ping)

    def backend_pid() -> int:
        with engine.connect() as conn:
            pid = conn.scalar(text("SELECT pg_backend_pid()"))
            assert isinstance(pid, int)
            return pid

    try:
        first = backend_pid()
        for _ in range(20):  # busy: back in the pool for less than the idle time
            assert backend_pid() == first
        assert pings == []

        with admin.connect() as conn:
            assert conn.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
        time.sleep(idle_s + 0.2)
        replaced = backend_pid()  # no error: the ping failed and the pool connected anew
        assert replaced != first
        assert len(pings) == 1

        time.sleep(idle_s + 0.2)
        assert backend_pid() == replaced  # idle, pinged, alive: kept
        assert len(pings) == 2
    finally:
        engine.dispose()
        admin.dispose()
