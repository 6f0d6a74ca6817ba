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
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db, migrate
from ipdesk.demo.generator import generate
from ipdesk.migrations.schema_filter import include_name, include_object
from ipdesk.models import OPEN_STATUSES, Base, Case, Role
from ipdesk.models.cases import OPEN_STATUS_SQL
from ipdesk.services.actors import Actor
from ipdesk.services.queries import dashboard_summary, search_index
from ipdesk.services.queries.cases_query import CaseFilter, CaseSort, case_ids
from ipdesk.services.queries.search import search_cases
from tests.helpers.factories import seed
from tests.services.test_search import _documents_wrong


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


def _case_indexes(engine: Engine) -> dict[str, list[str | None]]:
    indexes = inspect(engine).get_indexes("cases")
    return {str(ix["name"]): ix["column_names"] for ix in indexes}


def test_case_numbers_index_migration_down_and_up(engine: Engine) -> None:
    """Migration 0023 adds ix_cases_id_number (id, number), which the alert scan names
    (SQLite: INDEXED BY), and drops it again, leaving the other indexes of cases alone."""
    at_head = _case_indexes(engine)
    assert at_head["ix_cases_id_number"] == ["id", "number"]
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0022")
    at_0022 = _case_indexes(engine)
    assert "ix_cases_id_number" not in at_0022
    assert at_0022 == {k: v for k, v in at_head.items() if k != "ix_cases_id_number"}
    migrate.upgrade(engine)
    assert _case_indexes(engine) == at_head


def _open_limits_index(engine: Engine) -> tuple[list[str | None], list[str]]:
    """ix_case_limits_open's key columns and (PostgreSQL) included columns."""
    (index,) = [
        ix
        for ix in inspect(engine).get_indexes("case_limits")
        if ix["name"] == "ix_case_limits_open"
    ]
    included = index.get("dialect_options", {}).get("postgresql_include") or []
    return index["column_names"], list(included)


def test_open_limits_ids_migration_down_and_up(engine: Engine) -> None:
    """Migration 0024 rebuilds ix_case_limits_open with the limit's id included on
    PostgreSQL (the scan reads it from the index alone, as on SQLite, whose entries hold
    the rowid) and without it again; SQLite's index stays as it is."""
    keys = ["state", "due_on", "kind", "case_id", "start_on", "calendar_covered"]
    postgresql = engine.dialect.name == "postgresql"
    assert _open_limits_index(engine) == (keys, ["id"] if postgresql else [])
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0023")
    assert _open_limits_index(engine) == (keys, [])
    migrate.upgrade(engine)
    assert _open_limits_index(engine) == (keys, ["id"] if postgresql else [])


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
    """Migrations 0002 (the index), 0015 (its PostgreSQL indexes rebuilt with the bucket),
    0018 (with the scope) and 0020 (SQLite's tables rebuilt with the scope) hold their own
    copies of the search index's SQL; the live copy in services/queries/search_index.py
    (bulk writers, repair) must still build the same objects."""
    frozen, rebuilt = _frozen("0002_search_index.py"), _frozen("0015_search_buckets.py")
    scoped = _frozen("0018_search_scope.py")
    sqlite_scoped = _frozen("0020_sqlite_search_scope.py")
    assert frozen.SQLITE_TABLES[:2] == search_index.SQLITE_TABLES[:2]  # search_positions
    assert search_index.SQLITE_TABLES[2:] == sqlite_scoped.SQLITE_TABLES
    assert sqlite_scoped.SQLITE_TRIGGERS == search_index.SQLITE_TRIGGERS
    assert sqlite_scoped.SQLITE_FILL == search_index.SQLITE_FILL
    assert frozen.SQLITE_TABLES[2:] == sqlite_scoped.PREVIOUS_TABLES
    assert sqlite_scoped.PREVIOUS_TRIGGERS == frozen.SQLITE_TRIGGERS
    assert sqlite_scoped.PREVIOUS_FILL == frozen.SQLITE_FILL
    drops = [f"DROP TRIGGER IF EXISTS {name}" for name in sqlite_scoped._TRIGGERS]
    drops += [f"DROP TABLE IF EXISTS {name}" for name in sqlite_scoped._TABLES]
    assert [*drops, "DROP TABLE IF EXISTS search_positions"] == search_index.SQLITE_DOWN
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
    documents = _frozen("0021_sqlite_case_documents.py")
    assert documents.SQLITE_TABLE == search_index.SQLITE_DOCS_TABLE
    assert documents.SQLITE_TRIGGERS == search_index.SQLITE_DOCS_TRIGGERS
    assert documents.SQLITE_FILL == search_index.SQLITE_DOCS_FILL
    assert documents.SQLITE_DOWN == search_index.SQLITE_DOCS_DOWN


_QUERIES = ("有限公司", "公司", "王", "科尔沁 有限", "乳业", "王 伟 有限", "乳业 科尔沁")


def _search_answers(
    sessions: sessionmaker[Session], actors: list[Actor], which: list[int] | None = None
) -> list[list[int]]:
    """The answers of each actor to each of _QUERIES (``which``: those of these indexes)."""
    queries = [q for i, q in enumerate(_QUERIES) if which is None or i in which]
    with sessions() as s:
        return [search_cases(s, actor, q, limit=20) for actor in actors for q in queries]


def _demo_search_actors(sessions: sessionmaker[Session], seed_: int) -> list[Actor]:
    """A seeded demo of 60 cases (``seed_``), and who searches it: the city, the office
    manager and the station staff of its newest case with a station."""
    with sessions.begin() as s:
        seed(s)
    generate(sessions, cases=60, seed=seed_, today=dt.date(2026, 11, 20))
    with sessions() as s:
        office, station = s.execute(
            select(Case.office_id, Case.station_id)
            .where(Case.station_id.is_not(None))
            .order_by(Case.id.desc())
        ).first() or (None, None)
    return [
        Actor(None, "t", Role.CITY_MANAGER, may_view_personal_data=True),
        Actor(None, "t", Role.OFFICE_MANAGER, office_id=office),
        Actor(None, "t", Role.STATION_STAFF, station_id=station),
    ]


def test_sqlite_search_scope_migration_down_and_up(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    """Migration 0020 builds SQLite's search tables again without the scope (down) and with
    it (up), over the rows already there: the city's answers are the same at 0019, and
    every actor's the same after the upgrade again (PostgreSQL: nothing to do)."""
    actors = _demo_search_actors(session_factory, 4)
    city = actors[0]
    assert actors[1].office_id is not None and actors[2].station_id is not None
    before = _search_answers(session_factory, actors)
    n = len(_QUERIES)
    assert any(before[n : 2 * n]) and any(before[2 * n :]), "the office and the station find cases"
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0019")
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            sql: dict[str, str] = dict(
                conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE name LIKE 'search_%'"
                ).all()
            )
        previous = _frozen("0020_sqlite_search_scope.py")
        tables = ("search_case_fts", "search_party_fts", "search_party_grams")
        assert [sql[name] for name in tables] == previous.PREVIOUS_TABLES
        assert "search_cases_scope" not in sql and "search_cases_bd" not in sql
    # several terms ("科尔沁 有限") read the case documents of migration 0021
    single = [i for i, query in enumerate(_QUERIES) if " " not in query]
    at_0019 = _search_answers(session_factory, [city], single)
    assert at_0019 == [before[i] for i in single]
    migrate.upgrade(engine)
    assert _search_answers(session_factory, actors) == before


def test_sqlite_case_documents_migration_down_and_up(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    """Migration 0021 drops SQLite's case documents and their triggers (down) and builds
    them again over the rows already there (up): every actor's answers are the same, the
    documents those the tables give (PostgreSQL: nothing to do)."""
    actors = _demo_search_actors(session_factory, 5)
    before = _search_answers(session_factory, actors)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0020")
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            left = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE 'search_%doc%'"
            ).all()
            assert left == []
    migrate.upgrade(engine)
    assert _search_answers(session_factory, actors) == before
    with session_factory() as s:
        assert _documents_wrong(s) == 0


def _open_by_due(sessions: sessionmaker[Session], actors: list[Actor]) -> list[list[int]]:
    flt = CaseFilter(status="open")
    with sessions() as s:
        return [
            case_ids(s, actor, flt, CaseSort("due", descending), 0, 25)
            for actor in actors
            for descending in (False, True)
        ]


def _partial_indexes(engine: Engine) -> dict[str, str]:
    """The open cases' indexes (migration 0022) and their SQL."""
    names = ("ix_cases_open_office_due", "ix_cases_open_due")
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            found = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
        else:
            found = conn.exec_driver_sql("SELECT indexname, indexdef FROM pg_indexes")
        return {name: sql for name, sql in found.all() if name in names}


def test_open_due_indexes_migration_down_and_up(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    """Migration 0022 adds the open cases' partial indexes with the condition the case list
    writes (OPEN_STATUS_SQL, frozen in the migration) and drops them again; the open cases
    by due date are the same without them and with them, on both databases."""
    frozen = _frozen("0022_open_due_indexes.py")
    assert frozen.OPEN_STATUS_SQL == OPEN_STATUS_SQL
    listed = OPEN_STATUS_SQL.removeprefix("status IN (").removesuffix(")").split(", ")
    assert listed == sorted(f"'{s.value}'" for s in OPEN_STATUSES)  # all, in this order
    with session_factory.begin() as s:
        seed(s)
    generate(session_factory, cases=60, seed=4, today=dt.date(2026, 11, 20))
    with session_factory() as s:
        office = s.scalar(select(Case.office_id).order_by(Case.id))
    city = Actor(None, "t", Role.CITY_MANAGER)
    actors = [city, Actor(None, "t", Role.OFFICE_MANAGER, office_id=office)]
    before = _open_by_due(session_factory, actors)
    assert all(before)
    indexes = _partial_indexes(engine)
    assert set(indexes) == {"ix_cases_open_office_due", "ix_cases_open_due"}
    assert all("WHERE" in sql.upper() and "'withdrawn'" in sql for sql in indexes.values())
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0021")
    assert _partial_indexes(engine) == {}
    assert _open_by_due(session_factory, actors) == before
    migrate.upgrade(engine)
    assert _partial_indexes(engine) == indexes
    assert _open_by_due(session_factory, actors) == before
