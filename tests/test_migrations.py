"""The migrations build exactly the models' schema, on both databases, and run backwards."""

from __future__ import annotations

import datetime as dt
import importlib.util
import threading
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db, migrate
from ipdesk.demo.generator import generate
from ipdesk.migrations.schema_filter import include_name, include_object
from ipdesk.models import Base
from ipdesk.services.queries import dashboard_summary, search_index
from tests.helpers.factories import seed


def test_no_drift_between_migrations_and_models(engine: Engine) -> None:
    with engine.connect() as conn:
        # The same filter as ipdesk/migrations/env.py: the search index is not in the models.
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": include_name,
                "include_object": include_object,
            },
        )
        assert compare_metadata(ctx, Base.metadata) == []


def test_database_is_at_head(engine: Engine) -> None:
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert not migrate.is_newer_than_program(engine)


def test_downgrade_to_base_and_upgrade_again(engine: Engine) -> None:
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())


def test_unknown_revision_means_newer_program(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff_future'")
    assert migrate.is_newer_than_program(engine)


def test_migrations_of_two_databases_started_at_once_run_one_at_a_time(
    engine: Engine, tmp_path: Path
) -> None:
    """Alembic's op/context proxies are process-wide: ipdesk.migrate serialises upgrades,
    here of the test database and of a second, embedded one, started in three threads."""
    other = db.make_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
    errors: list[BaseException] = []

    def run(target: Engine) -> None:
        try:
            migrate.upgrade(target)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in (engine, other, engine)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    try:
        assert errors == []
        for target in (engine, other):
            assert migrate.current_revision(target) == migrate.head_revision()
            assert set(Base.metadata.tables) <= set(inspect(target).get_table_names())
    finally:
        other.dispose()


def _summary(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT * FROM dashboard_summary")]


def test_frozen_summary_migrations_fill_what_the_program_computes(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    """Migrations 0008 and 0011 fill the dashboard summary with their own frozen SQL; over
    demo cases (closed, mediated, confirmed, with visits) the result at head equals the
    program's computation from scratch, on both databases."""
    with session_factory.begin() as s:
        seed(s)
    # 90 cases: fewer than 100 take none through the adjudication track, whose cases a
    # downgrade below revision 0009 refuses to lose
    generate(session_factory, cases=90, seed=3, today=dt.date(2026, 11, 20))
    for base in ("0007", "0010"):
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), base)
        migrate.upgrade(engine)
        assert _summary(engine), f"summary empty after upgrading from {base}"
        with engine.connect() as conn:
            assert dashboard_summary.verify(conn) == [], f"upgraded from {base}"


def _frozen(file: str) -> Any:
    path = Path(migrate.__file__).parent / "migrations" / "versions" / file
    spec = importlib.util.spec_from_file_location(f"frozen_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    frozen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(frozen)
    return frozen


def test_frozen_search_index_equals_the_live_statements() -> None:
    """Migrations 0002 (the index), 0015 (its PostgreSQL indexes rebuilt with the bucket)
    and 0018 (with the scope) hold their own copies of the search index's SQL; the live copy
    in services/queries/search_index.py (bulk writers, repair) must still build the same
    objects."""
    frozen, rebuilt = _frozen("0002_search_index.py"), _frozen("0015_search_buckets.py")
    scoped = _frozen("0018_search_scope.py")
    for name in ("SQLITE_TABLES", "SQLITE_TRIGGERS", "SQLITE_FILL", "SQLITE_DOWN"):
        assert getattr(frozen, name) == getattr(search_index, name), name
    assert scoped.POSTGRESQL_INDEXES == search_index.POSTGRESQL_INDEXES
    assert scoped.PREVIOUS_INDEXES == rebuilt.POSTGRESQL_INDEXES
    assert scoped.POSTGRESQL_SCOPE == search_index.POSTGRESQL_SCOPE
    assert list(rebuilt.PREVIOUS_INDEXES.values()) == frozen.POSTGRESQL_UP[2:]
    extensions, function = (
        [*frozen.POSTGRESQL_UP[:1], rebuilt.POSTGRESQL_EXTENSION],
        frozen.POSTGRESQL_UP[1],
    )
    live = [*extensions, function, *scoped.POSTGRESQL_SCOPE, *scoped.POSTGRESQL_INDEXES.values()]
    assert live == search_index.POSTGRESQL_UP
    assert frozen.POSTGRESQL_DOWN == search_index.POSTGRESQL_DOWN
