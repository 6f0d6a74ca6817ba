"""Bringing a database into service: migrate to the newest schema, load reference data."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import Connection, Engine, Index, Table, inspect

from ipdesk import migrate
from ipdesk.db import make_session_factory
from ipdesk.models import Base
from ipdesk.services.admin.seed import seed_reference_data
from ipdesk.services.errors import ServiceError
from ipdesk.services.queries import dashboard_summary, search_index

log = logging.getLogger(__name__)


class DatabaseNotReady(ServiceError):
    code = "database_not_ready"


def initialise(engine: Engine) -> list[str]:
    """Create or migrate the schema, recreate search objects and indexes a killed bulk load
    left missing (:func:`ipdesk.services.queries.search_index.repair`, :func:`restore_indexes`)
    and compute the dashboard summary it left waiting
    (:func:`ipdesk.services.queries.dashboard_summary.repair`), then load missing reference
    data. Idempotent."""
    if migrate.is_newer_than_program(engine):
        raise DatabaseNotReady(
            "数据库由更新版本的 ipdesk 创建，请升级本程序后再打开", code="database_newer"
        )
    migrate.upgrade(engine)
    search_index.repair(engine)
    restore_indexes(engine)
    dashboard_summary.repair(engine)  # after the indexes: its computation reads them
    with make_session_factory(engine).begin() as session:
        return seed_reference_data(session)


def ensure_ready(engine: Engine) -> None:
    """For commands that work on an existing database: refuse an empty one, migrate an old one."""
    if "offices" not in inspect(engine).get_table_names():
        raise DatabaseNotReady(
            "数据库尚未初始化：请先运行 ipdesk-admin init", code="database_uninitialised"
        )
    initialise(engine)


# --------------------------------------------------------------------------- indexes


def secondary_indexes(tables: Sequence[Table]) -> list[Index]:
    """The non-unique indexes of ``tables`` as the models declare them (their DDL is the
    migrations'): what a bulk load may drop while it writes and build again after it (the
    demo's load, ``ipdesk.demo.load``). Unique ones keep checking and are never
    dropped."""
    return [
        index
        for table in tables
        for index in sorted(table.indexes, key=lambda i: str(i.name))
        if not index.unique
    ]


def present_indexes(connection: Connection) -> set[str]:
    """The names of the indexes the database holds (PostgreSQL: in the current schema)."""
    if connection.dialect.name == "postgresql":
        sql = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'index'"
    return {name for (name,) in connection.exec_driver_sql(sql)}


def restore_indexes(engine: Engine, tables: Sequence[Table] | None = None) -> list[str]:
    """Create the secondary indexes of ``tables`` (default: every table of the models)
    that the database lacks — what a bulk load killed while it ran without them left
    missing — and return their names. The models' declarations are the record of what
    belongs there (their DDL is the migrations'), so the repair needs nothing from the
    program that dropped them. (The search index's GIN indexes on PostgreSQL are
    :func:`ipdesk.services.queries.search_index.repair`'s.)"""
    wanted = secondary_indexes(Base.metadata.sorted_tables if tables is None else tables)
    with engine.begin() as connection:
        present = present_indexes(connection)
        missing = [index for index in wanted if index.name not in present]
        if missing:
            log.warning(
                "Indexes missing after an interrupted load: creating %s",
                ", ".join(str(index.name) for index in missing),
            )
            for index in missing:
                index.create(connection)
    return [str(index.name) for index in missing]
