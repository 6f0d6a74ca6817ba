"""Engine and session factory for SQLite (embedded) and PostgreSQL (shared)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import paths
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


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    try:
        u = make_url(url)
    except ArgumentError:
        raise UnsupportedDatabase(f"无法识别的数据库地址：{url}") from None
    if u.get_backend_name() not in ("sqlite", "postgresql"):
        raise UnsupportedDatabase(
            f"不支持的数据库类型“{u.get_backend_name()}”（可用 SQLite 或 PostgreSQL）"
        )
    if u.get_backend_name() == "sqlite":
        return _sqlite_engine(u, **kwargs)
    if u.get_backend_name() == "postgresql" and u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    return create_engine(u, pool_pre_ping=True, **kwargs)


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

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
