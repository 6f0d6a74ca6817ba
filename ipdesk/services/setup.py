"""Bringing a database into service: migrate to the newest schema, load reference data."""

from __future__ import annotations

from sqlalchemy import Engine, inspect

from ipdesk import migrate
from ipdesk.db import make_session_factory
from ipdesk.models import Base
from ipdesk.services import search_index
from ipdesk.services.demo_load import restore_indexes
from ipdesk.services.errors import ServiceError
from ipdesk.services.seed import seed_reference_data


class DatabaseNotReady(ServiceError):
    code = "database_not_ready"


def initialise(engine: Engine) -> list[str]:
    """Create or migrate the schema, recreate search objects and indexes a killed bulk load
    left missing (:func:`ipdesk.services.search_index.repair`,
    :func:`ipdesk.services.demo_load.restore_indexes`), then load missing reference data.
    Idempotent."""
    if migrate.is_newer_than_program(engine):
        raise DatabaseNotReady(
            "数据库由更新版本的 ipdesk 创建，请升级本程序后再打开", code="database_newer"
        )
    migrate.upgrade(engine)
    search_index.repair(engine)
    restore_indexes(engine, Base.metadata.sorted_tables)
    with make_session_factory(engine).begin() as session:
        return seed_reference_data(session)


def ensure_ready(engine: Engine) -> None:
    """For commands that work on an existing database: refuse an empty one, migrate an old one."""
    if "offices" not in inspect(engine).get_table_names():
        raise DatabaseNotReady(
            "数据库尚未初始化：请先运行 ipdesk-admin init", code="database_uninitialised"
        )
    initialise(engine)
