"""The demo writes the search index in bulk (services/queries/search_index.py); search must find
exactly what the per-row triggers (SQLite) or the indexes kept up to date (PostgreSQL)
find, and no error midway may leave the database without its triggers or indexes."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.demo import generator as demo
from ipdesk.models import Case, Party
from ipdesk.services.actors import Actor
from ipdesk.services.admin import setup
from ipdesk.services.queries import search_index
from ipdesk.services.queries.search import search_cases
from tests.helpers.factories import make_case, seed
from tests.helpers.module_db import module_database

TODAY = dt.date(2026, 11, 27)
CASES = 700
TRIGGERS = {
    "search_cases_ai",
    "search_cases_au",
    "search_cases_ad",
    "search_parties_ai",
    "search_parties_au",
    "search_parties_ad",
}
FTS = ("search_case_fts", "search_party_fts", "search_party_grams")


class _Twin:
    def __init__(self, request: pytest.FixtureRequest, backend: str) -> None:
        self.param = backend
        self.getfixturevalue = request.getfixturevalue


@pytest.fixture
def twin(request: pytest.FixtureRequest, backend: str) -> Iterator[Engine]:
    """A second fresh database on the same backend."""
    with module_database(_Twin(request, backend)) as engine:  # type: ignore[arg-type]
        yield engine


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several chunks, and the PostgreSQL indexes dropped even for a small load."""
    monkeypatch.setattr(demo, "CHUNK", 200)
    monkeypatch.setattr(search_index, "PG_DROP_MIN_CASES", 1)


@contextlib.contextmanager
def _as_is(*_args: Any) -> Iterator[bool]:
    yield False


def _generate(factory: sessionmaker[Session], cases: int = CASES, seed_: int = 3) -> None:
    with factory.begin() as s:
        seed(s)
    demo.generate(factory, cases=cases, seed=seed_, today=TODAY, later_stages=False)


def _triggers(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {name for (name,) in rows} & TRIGGERS


def _pg_indexes(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT indexname FROM pg_indexes")
        return {name for (name,) in rows} & set(search_index.POSTGRESQL_INDEXES)


def _complete(engine: Engine) -> bool:
    if engine.dialect.name == "sqlite":
        return _triggers(engine) == TRIGGERS
    return _pg_indexes(engine) == set(search_index.POSTGRESQL_INDEXES)


def _fts_content(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every token of every row of the SQLite search tables (fts5vocab 'instance')."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.begin() as conn:
        for table in FTS:
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE temp.v_{table} USING fts5vocab(main, {table}, 'instance')"
            )
            out[table] = [
                tuple(row)
                for row in conn.exec_driver_sql(
                    f"SELECT term, doc, col, offset FROM temp.v_{table} ORDER BY 1, 2, 3, 4"
                )
            ]
            conn.exec_driver_sql(f"DROP TABLE temp.v_{table}")
    return out


def _queries(factory: sessionmaker[Session]) -> list[str]:
    """Terms of every kind, taken from the data: 1- and 2-character names, longer name
    parts, whole ID numbers, number and right-number fragments, words of the facts."""
    with factory() as s:
        names = list(s.scalars(select(Party.name).order_by(Party.id).limit(40)))
        ids = list(s.scalars(select(Party.id_number).order_by(Party.id).limit(5)))
        numbers = list(s.scalars(select(Case.number).order_by(Case.id.desc()).limit(5)))
        rights = list(
            s.scalars(select(Case.right_number).where(Case.right_number.is_not(None)).limit(5))
        )
    terms = {"王", "李", "伟", "科尔沁", "牛肉干", "电商平台", "蒙古族", "ZL", "不存在的词"}
    for name in names:
        terms |= {name[:1], name[:2], name[-2:], name[:3], name}
    terms |= {i for i in ids if i} | {i[6:14] for i in ids if i}
    terms |= {n for n in numbers} | {n[-7:] for n in numbers}
    terms |= {r for r in rights if r} | {r[2:9] for r in rights if r}
    terms |= {f"{names[0][:1]} {names[1][:1]}", f"{names[2]} 科尔沁"}
    return sorted(terms)


def _results(factory: sessionmaker[Session], terms: list[str]) -> dict[str, list[int]]:
    with factory() as s:
        return {t: list(search_cases(s, Actor.system(), t, limit=100_000)) for t in terms}


def test_bulk_index_finds_what_the_triggers_find(
    session_factory: sessionmaker[Session],
    engine: Engine,
    twin: Engine,
    small_chunks: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _generate(session_factory)  # bulk: triggers dropped per chunk / indexes dropped
    assert _complete(engine)
    with monkeypatch.context() as m:  # the reference: per-row triggers, indexes kept
        m.setattr(search_index, "deferred_sqlite_index", _as_is)
        m.setattr(search_index, "pg_indexes_dropped", _as_is)
        reference = db.make_session_factory(twin)
        _generate(reference)
    terms = _queries(session_factory)
    ours = _results(session_factory, terms)
    assert ours == _results(reference, terms)
    assert sum(1 for ids in ours.values() if ids) > len(terms) // 2
    if engine.dialect.name == "sqlite":
        assert _fts_content(engine) == _fts_content(twin)
    # Cases written afterwards by the application are indexed by the restored triggers.
    with session_factory.begin() as s:
        case = make_case(s, applicant="欧阳娜娜", facts="销售假冒的独一无二牌奶茶粉。")
        new_id = case.id
    assert _results(session_factory, ["欧阳", "独一无二"]) == {
        "欧阳": [new_id],
        "独一无二": [new_id],
    }


def test_an_error_midway_keeps_the_index_complete(
    session_factory: sessionmaker[Session],
    engine: Engine,
    small_chunks: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    real = demo.insert_rows

    def failing(session: Session, table: Any, names: Any, values: Any) -> None:
        nonlocal calls
        if table is demo.PARTIES:
            calls += 1
            if calls == 2:  # the parties of the second chunk, after its cases
                raise RuntimeError("disk full")
        real(session, table, names, values)

    monkeypatch.setattr(demo, "insert_rows", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        _generate(session_factory)
    assert _complete(engine)
    with session_factory() as s:
        written = s.scalar(select(Case.id).order_by(Case.id.desc()).limit(1))
        count = len(s.scalars(select(Case.id)).all())
    assert count == 200  # the first chunk only: the second was rolled back
    if engine.dialect.name == "sqlite":  # the committed chunk is indexed, row by row
        content = _fts_content(engine)
        with session_factory() as s:
            case_ids = set(s.scalars(select(Case.id)))
            party_ids = set(s.scalars(select(Party.id)))
        assert {row[1] for row in content["search_case_fts"]} == case_ids
        assert {row[1] for row in content["search_party_fts"]} == party_ids
        assert {row[1] for row in content["search_party_grams"]} == party_ids
    assert written is not None
    monkeypatch.setattr(demo, "insert_rows", real)
    demo.generate(session_factory, cases=300, seed=4, today=TODAY, later_stages=False)
    assert _complete(engine)


def test_deferred_index_restores_the_triggers_when_the_block_raises(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite triggers")
    with session_factory.begin() as s:
        seed(s)
        with (
            pytest.raises(ValueError),
            search_index.deferred_sqlite_index(s.connection()),
        ):
            case = make_case(s, applicant="独孤求败")
            assert _triggers_in(s) == TRIGGERS - {"search_cases_ai", "search_parties_ai"}
            raise ValueError
        assert _triggers_in(s) == TRIGGERS
    # The caller committed anyway: the rows inserted in the block are indexed.
    assert _results(session_factory, ["独孤"]) == {"独孤": [case.id]}


def _triggers_in(session: Session) -> set[str]:
    rows = session.connection().exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    )
    return {name for (name,) in rows} & TRIGGERS


def test_repair_recreates_what_is_missing(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as s:
        seed(s)
        make_case(s, applicant="司马光")
    assert search_index.repair(engine) == []
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER search_parties_ai")
        else:
            conn.exec_driver_sql("DROP INDEX search_parties_grams")
    with session_factory.begin() as s:  # written while the trigger or index is missing
        new_case = make_case(s, applicant="诸葛亮").id
    expected = (
        ["search_parties_ai"] if engine.dialect.name == "sqlite" else ["search_parties_grams"]
    )
    assert search_index.repair(engine) == expected
    assert _complete(engine)
    found = _results(session_factory, ["诸葛", "司马"])
    assert found["诸葛"] == [new_case] and len(found["司马"]) == 1


def test_opening_the_database_repairs_the_search_index(engine: Engine) -> None:
    """setup.initialise (every start of the app and of ipdesk-admin) calls repair."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER search_cases_ai")
        else:
            conn.exec_driver_sql("DROP INDEX search_parties_grams")
    assert not _complete(engine)
    setup.initialise(engine)
    assert _complete(engine)
