"""Engine and session factory for SQLite (embedded) and PostgreSQL (shared)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Executable, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import SingletonThreadPool, StaticPool

from ipdesk import paths
from ipdesk.models.base import use_dialect
from ipdesk.services.errors import UnsupportedDatabase

ENV_URL = "IPDESK_DATABASE_URL"

# A connection with this execution option opens its transactions with a plain BEGIN on
# SQLite, so that long reads (lists, reports) do not hold the write lock.
READ_ONLY = {"ipdesk_read_only": True}


def default_url() -> str:
    """The URL from the environment, else the embedded database in the user data dir."""
    return os.environ.get(ENV_URL) or f"sqlite:///{paths.default_sqlite_path()}"


def describe(url: str | URL) -> str:
    """A text naming the database for the status bar and logs, without any password."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"SQLite {u.database or ':memory:'}"
    return u.render_as_string(hide_password=True)


#: A pooled PostgreSQL connection idle in the pool longer than this (seconds) is pinged
#: when checked out; a busier one is not (a round trip of 1-2 ms on every desk call).
PING_AFTER_IDLE_S = 30.0


def make_engine(
    url: str | URL, *, ping_after_idle_s: float = PING_AFTER_IDLE_S, **kwargs: Any
) -> Engine:
    """An engine for ``url``. On PostgreSQL a connection idle in the pool for more than
    ``ping_after_idle_s`` seconds is pinged when checked out, and replaced if the ping fails
    (a server restarted, a connection killed or dropped by a firewall meanwhile)."""
    try:
        u = make_url(url)
    except ArgumentError:
        raise UnsupportedDatabase(f"无法识别的数据库地址：{url}") from None
    if u.get_backend_name() not in ("sqlite", "postgresql"):
        raise UnsupportedDatabase(
            f"不支持的数据库类型“{u.get_backend_name()}”（可用 SQLite 或 PostgreSQL）"
        )
    if u.get_backend_name() == "sqlite":
        use_dialect("sqlite")  # the partial indexes' conditions, for a CREATE INDEX of ours
        return _sqlite_engine(u, **kwargs)
    if u.get_backend_name() == "postgresql" and u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    use_dialect("postgresql")
    engine = create_engine(u, **kwargs)
    _ping_when_idle(engine, ping_after_idle_s)
    return engine


_CHECKED_IN_AT = "ipdesk_checked_in_at"


def _ping_when_idle(engine: Engine, idle_s: float) -> None:
    """SQLAlchemy's "pessimistic" disconnect handling (its pool_pre_ping) for a connection
    that has been idle in the pool more than ``idle_s`` seconds only: the ping's failure
    raises DisconnectionError, on which the pool drops the connection and checks out
    another (a new one when the pool holds no other), up to three times."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        if record is not None:
            record.info[_CHECKED_IN_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop(_CHECKED_IN_AT, None)
        if since is None or time.monotonic() - since <= idle_s:
            return  # a new connection, or one back in the pool a moment ago
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:
            raise DisconnectionError(
                f"connection idle {time.monotonic() - since:.0f} s: {exc}"
            ) from exc


def _sqlite_engine(url: URL, **kwargs: Any) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (pysqlite's own handling defers it oddly).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock at once: a deferred transaction that reads and then
        # writes fails with "database is locked" when another writer got there first.
        read_only = conn.get_execution_options().get("ipdesk_read_only", False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
        conn.info[_CHANGES_AT_BEGIN] = conn.connection.dbapi_connection.total_changes

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


_CHANGES_AT_BEGIN = "ipdesk_changes_at_begin"


def has_uncommitted_writes(session: Session) -> bool:
    """Whether the session's transaction holds changes that other connections cannot see
    (pending objects, or rows written and not yet committed)."""
    if session.new or session.dirty or session.deleted:
        return True
    if not session.in_transaction():
        return False
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        return conn.scalar(text("SELECT txid_current_if_assigned() IS NOT NULL")) is True
    at_begin = conn.info.get(_CHANGES_AT_BEGIN)
    dbapi = conn.connection.dbapi_connection
    return at_begin is None or dbapi is None or dbapi.total_changes != at_begin


def read_concurrently(
    session: Session,
    statements: Sequence[Executable],
    *,
    prepare: Callable[[Connection], None] | None = None,
) -> list[list[tuple[Any, ...]]]:
    """The rows (as tuples) of each statement, the statements running at the same time, each on a
    connection of its own (one per statement: the database works on several cores).

    They read what the session's transaction reads, as far as other connections can:

    * PostgreSQL: the session's snapshot, exported and imported by each connection in a
      REPEATABLE READ transaction — one consistent view, as one statement would see.
    * SQLite: each connection's read transaction, begun together; a write committed while
      they begin can be seen by some statements and not by others.

    They run one after the other in the session instead when it holds changes not yet
    committed (other connections would not see them) or when the engine cannot hand out
    further connections (SQLite in memory). ``prepare`` runs on each connection (and on
    the session's), in its transaction, before the statement (e.g. ``SET LOCAL``)."""
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    if (
        len(statements) < 2
        or isinstance(engine.pool, (SingletonThreadPool, StaticPool))
        or has_uncommitted_writes(session)
    ):
        if prepare is not None:
            prepare(session.connection())
        return [[tuple(row) for row in session.execute(statement)] for statement in statements]
    snapshot = None
    if engine.dialect.name == "postgresql":
        snapshot = session.scalar(text("SELECT pg_export_snapshot()"))

    def run(statement: Executable) -> list[tuple[Any, ...]]:
        options: dict[str, Any] = dict(READ_ONLY)
        if snapshot is not None:
            options["isolation_level"] = "REPEATABLE READ"
        with engine.connect().execution_options(**options) as conn, conn.begin():
            if snapshot is not None:
                conn.exec_driver_sql(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            if prepare is not None:
                prepare(conn)
            return [tuple(row) for row in conn.execute(statement)]

    with ThreadPoolExecutor(len(statements), thread_name_prefix="ipdesk-read") as pool:
        return list(pool.map(run, statements))
