"""The case list's text filter of several terms: on SQLite read from the case documents
(migration 0021), with exactly the answers of the three tables read term by term."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo.generator import generate
from ipdesk.models import Case, Office, Party, Role, Station
from ipdesk.services.actors import Actor
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.queries import cases_query, search
from ipdesk.services.queries.cases_query import (
    CaseFilter,
    CaseSort,
    case_id_snapshot,
    case_ids,
    count_cases,
    first_page,
)
from tests.helpers.factories import make_user, seed

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def demo(session_factory: sessionmaker[Session]) -> tuple[sessionmaker[Session], list[Actor]]:
    """200 demo cases and five users: the city (with and without ID numbers), an office's
    manager, a mediator and a station's staff member."""
    with session_factory.begin() as s:
        seed(s)
    generate(session_factory, cases=120, seed=8, today=TODAY)
    with session_factory.begin() as s:
        office = s.scalars(select(Office.code).join(Case).order_by(Case.id.desc())).first()
        station = s.scalars(select(Station.code).join(Case).order_by(Case.id)).first()
        actors = [
            Actor.of(make_user(s, Role.CITY_MANAGER)),
            replace(Actor.of(make_user(s, Role.CITY_MANAGER)), may_view_personal_data=False),
            Actor.of(make_user(s, Role.OFFICE_MANAGER, office=office)),
            Actor.of(make_user(s, Role.MEDIATOR, office=office)),
            Actor.of(make_user(s, Role.STATION_STAFF, station=station)),
        ]
    return session_factory, actors


def _queries(s: Session) -> list[str]:
    names = s.scalars(select(Party.name).order_by(Party.id.desc()).limit(2)).all()
    id_number = s.scalars(select(Party.id_number).where(Party.id_number.is_not(None))).first()
    assert id_number is not None
    queries = [f"{a[:2]} {b[-1]}" for a, b in zip(names, reversed(names), strict=True)]
    queries += ["有限 公司", "王 伟 有限", "科尔沁 公司 有限", "公司 无此词"]
    # an ID fragment (a user who may not see ID numbers finds it nowhere), a whole ID
    # number and 1- and 2-character terms of other characters (the three tables answer)
    queries += [f"{id_number[:8]} 有限", f"{id_number} 公司", "a 有限"]
    return queries


def _answers(s: Session, actor: Actor, flt: CaseFilter, sort: CaseSort) -> list[Any]:
    try:
        total = count_cases(s, actor, flt, today=TODAY)
    except PermissionDenied as refused:  # a whole ID number, not recorded: refused alike
        return [refused.code]
    page = first_page(s, actor, flt, sort, 7, today=TODAY)
    return [
        total,
        page.ids,
        page.total,
        case_ids(s, actor, flt, sort, 5, 4, today=TODAY),
        case_ids(s, actor, flt, sort, max(0, total - 3), 4, today=TODAY, total=total),
        case_id_snapshot(s, actor, flt, sort, today=TODAY).tolist(),
    ]


#: (above how many matches the sort order's index is walked, probes, their least share, the
#: most cases a walk looks up) of each way the documents are read: their first matches
#: collected; a walk of the newest cases looking each up in them (with enough cases, and
#: with too few: then as the next); a walk testing each case against their matches
#: collected first
WAYS = [(20_000, 2_000, 0.25, 2_000), (3, 10**9, 0.0, 10**9), (3, 10**9, 0.0, 5), (0, 0, 1.0, 0)]


def test_several_terms_answer_as_the_tables_term_by_term(
    engine: Engine,
    demo: tuple[sessionmaker[Session], list[Actor]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Counts, first pages, later pages, pages read from the end and snapshots of the list
    filtered by several terms, for every kind of user, with other filters and in two
    orders, are those of the three tables read term by term — whichever way the documents
    are read (on PostgreSQL, which has no documents, the one way of the tables)."""
    sessions, actors = demo
    with sessions() as s:
        queries = _queries(s)
    filters = [
        CaseFilter(),
        CaseFilter(status="open", received_from=TODAY - dt.timedelta(days=200)),
    ]
    sorts = [CaseSort("received"), CaseSort("status", False)]
    ways = WAYS if engine.dialect.name == "sqlite" else WAYS[:1]
    found = 0
    for walk_above, probes, share, cap in ways:
        monkeypatch.setattr(cases_query, "_PROBE_CAP", cap)
        monkeypatch.setattr(cases_query, "_WALK_SORT_INDEX_ABOVE", walk_above)
        monkeypatch.setattr(cases_query, "_PROBES", probes)
        monkeypatch.setattr(cases_query, "_PROBE_SHARE", share)
        for query in queries:
            for actor in actors:
                for narrowed in filters:
                    flt = replace(narrowed, text=query)
                    for sort in sorts:
                        with monkeypatch.context() as m:  # the tables, term by term
                            m.setattr(search, "_sqlite_docs_query", lambda *_: None)
                            with sessions() as s:
                                want = _answers(s, actor, flt, sort)
                        with sessions() as s:
                            got = _answers(s, actor, flt, sort)
                        assert got == want, (query, actor, flt, sort, probes, share, cap)
                        found += want[0] if isinstance(want[0], int) else 0
    assert found > 0


def test_several_terms_are_read_from_the_case_documents_only(
    engine: Engine, demo: tuple[sessionmaker[Session], list[Actor]]
) -> None:
    """SQLite: the list filtered by several terms reads the case documents, not the three
    tables (a union of two or three doclists a term and each party's case: seconds at a
    million cases for common terms); a whole ID number still reads the parties."""
    sessions, actors = demo
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's case documents")
    statements: list[str] = []

    def record(_c: object, _cur: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        for query in ("有限 公司", "王 伟 有限", "乳业 科尔沁"):
            for actor in actors:
                statements.clear()
                with sessions() as s:
                    _answers(s, actor, CaseFilter(text=query), CaseSort())
                assert any("search_case_docs" in st for st in statements)
                assert not any("search_party" in st or "search_case_fts" in st for st in statements)
        with sessions() as s:
            number = s.scalars(select(Party.id_number).where(Party.id_number.is_not(None))).first()
            statements.clear()
            count_cases(s, actors[0], CaseFilter(text=f"{number} 公司"))
        assert not any("search_case_docs" in st for st in statements)
    finally:
        event.remove(engine, "before_cursor_execute", record)
