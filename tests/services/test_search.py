"""The search box: Chinese substrings of 1, 2 and 3+ characters, numbers, scope, sync."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import pq
from sqlalchemy import and_, delete, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo.generator import generate
from ipdesk.models import Case, Office, Party, PartyKind, PartyRole, Role, Station
from ipdesk.services.actors import Actor
from ipdesk.services.cases import routing
from ipdesk.services.cases.intake import register_case
from ipdesk.services.errors import ValidationError
from ipdesk.services.queries import search, search_index
from ipdesk.services.queries.cases_query import CaseFilter, count_cases
from ipdesk.services.queries.search import search_cases, search_terms, text_condition
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.access import case_scope
from tests.helpers.factories import REGISTRAR, make_case, make_user, seed, valid_intake_form

SYSTEM = Actor.system()


@pytest.fixture
def sessions(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


@pytest.fixture
def people(sessions: sessionmaker[Session]) -> dict[str, str]:
    """Cases by applicant name -> case number."""
    names = {}
    with sessions.begin() as s:
        for applicant, respondent, station in [
            ("王伟", "通辽市草原食品有限公司", "TL01-S01"),
            ("李娜", "科尔沁区金辉商贸有限公司", "TL01-S01"),
            ("王伟强", "通辽市鑫源乳业有限公司", "TL02-S01"),
            ("欧阳王伟", "开鲁县蓝天服饰商行", "TL01-S02"),
            ("张三", "李娜娜", "TL03-S01"),
        ]:
            names[applicant] = make_case(
                s, station, applicant=applicant, respondent=respondent
            ).number
    return names


def found(sessions: sessionmaker[Session], query: str, actor: Actor = SYSTEM) -> list[str]:
    with sessions() as s:
        ids_ = search_cases(s, actor, query)
        numbers = {c.id: c.number for c in s.scalars(select(Case).where(Case.id.in_(ids_)))}
        if search_terms(query):  # the list filter agrees with the search box
            assert count_cases(s, actor, CaseFilter(text=query)) == len(ids_)
    return [numbers[i] for i in ids_]


def test_two_character_names(sessions: sessionmaker[Session], people: dict[str, str]) -> None:
    assert sorted(found(sessions, "王伟")) == sorted(
        [people["王伟"], people["王伟强"], people["欧阳王伟"]]
    )
    assert sorted(found(sessions, "李娜")) == sorted([people["李娜"], people["张三"]])
    assert found(sessions, "伟强") == [people["王伟强"]]
    assert found(sessions, "赵六") == []


def test_three_character_names(sessions: sessionmaker[Session], people: dict[str, str]) -> None:
    assert found(sessions, "王伟强") == [people["王伟强"]]
    assert found(sessions, "李娜娜") == [people["张三"]]
    assert found(sessions, "欧阳王伟") == [people["欧阳王伟"]]
    assert found(sessions, "草原食品") == [people["王伟"]]
    assert found(sessions, "王伟伟") == []


def test_one_character(sessions: sessionmaker[Session], people: dict[str, str]) -> None:
    assert sorted(found(sessions, "伟")) == sorted(
        [people["王伟"], people["王伟强"], people["欧阳王伟"]]
    )
    assert found(sessions, "三") == [people["张三"]]  # the last character of a name


def test_newest_first_and_limited(sessions: sessionmaker[Session], people: dict[str, str]) -> None:
    with sessions() as s:
        hits = search_cases(s, SYSTEM, "王伟")
        assert hits == sorted(hits, reverse=True)
        assert search_cases(s, SYSTEM, "王伟", limit=2) == hits[:2]
        assert search_cases(s, SYSTEM, "王伟", limit=0) == []
        assert search_cases(s, SYSTEM, "   ") == []


def test_scope(sessions: sessionmaker[Session], people: dict[str, str]) -> None:
    with sessions.begin() as s:
        station_staff = Actor.of(make_user(s, Role.STATION_STAFF, station="TL01-S01"))
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
    assert found(sessions, "王伟", station_staff) == [people["王伟"]]
    assert sorted(found(sessions, "王伟", manager)) == sorted([people["王伟"], people["欧阳王伟"]])
    assert found(sessions, "王伟强", station_staff) == []


def test_each_unit_finds_its_own_cases_whoever_searched_before(
    sessions: sessionmaker[Session], people: dict[str, str]
) -> None:
    """PostgreSQL keeps a search's statements, the actor's scope in them: users of other
    offices and stations, one after the other and again, each find their unit's cases only
    (2- and 3-character terms, each read its own way)."""
    with sessions.begin() as s:
        units = {
            "station TL01-S01": make_user(s, Role.STATION_STAFF, station="TL01-S01"),
            "station TL02-S01": make_user(s, Role.STATION_STAFF, station="TL02-S01"),
            "office TL01": make_user(s, Role.OFFICE_MANAGER, office="TL01"),
            "office TL02": make_user(s, Role.OFFICE_MANAGER, office="TL02"),
            "office TL03": make_user(s, Role.OFFICE_MANAGER, office="TL03"),
        }
        actors = {unit: Actor.of(user) for unit, user in units.items()}
    expected = {
        "王伟": {
            "station TL01-S01": ["王伟"],
            "station TL02-S01": ["王伟强"],
            "office TL01": ["王伟", "欧阳王伟"],
            "office TL02": ["王伟强"],
            "office TL03": [],
        },
        "有限公司": {
            "station TL01-S01": ["王伟", "李娜"],
            "station TL02-S01": ["王伟强"],
            "office TL01": ["王伟", "李娜"],
            "office TL02": ["王伟强"],
            "office TL03": [],
        },
    }
    for _ in range(2):
        for query, by_unit in expected.items():
            for unit, applicants in by_unit.items():
                numbers = sorted(people[applicant] for applicant in applicants)
                assert sorted(found(sessions, query, actors[unit])) == numbers, (query, unit)


def test_numbers_ids_and_facts(sessions: sessionmaker[Session]) -> None:
    form = valid_intake_form(
        ip_type="patent_invention",
        right_number="ZL200310102344.5",
        channel="court_referral",
        court_case_number="（2026）内0502民初8899号",
        facts="被申请人在扎鲁特旗鲁北镇农贸市场销售仿冒产品。",
    )
    with sessions.begin() as s:
        done = register_case(s, REGISTRAR, form)
    id_number = form.parties[0].id_number
    for query in [
        done.number,
        done.number[-8:],
        "200310102344.5",
        "ZL200310102344.5",  # the patent number finds the application number
        "2003101023445",
        id_number,  # a full ID number, although lists show it masked
        id_number[:10],
        id_number.lower(),
        form.parties[1].id_number,
        "民初8899",
        "鲁北镇农贸",
    ]:
        assert found(sessions, query) == [done.number], query


def test_several_terms_must_all_match(
    sessions: sessionmaker[Session], people: dict[str, str]
) -> None:
    assert found(sessions, "王伟 草原") == [people["王伟"]]
    assert found(sessions, "王伟　鑫源乳业") == [people["王伟强"]]  # ideographic space
    assert found(sessions, "王伟 李娜") == []


def test_full_width_and_special_characters(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        case = make_case(s, applicant="ＡＢＣ商贸（通辽）", respondent='50%"折扣"_店')
        other = make_case(s, applicant="王五", respondent="某店")
    expected = {
        '%"折扣"': [case.number],
        "50%": [case.number],
        "ＡＢＣ": [case.number],
        "商贸（通辽）": [case.number],
        "ABC": [],  # names keep the width they were typed in
        "店": [other.number, case.number],
        "%": [],  # punctuation alone is no query
        '"': [],
        "_": [],
        "'": [],
    }
    for query, numbers in expected.items():
        assert found(sessions, query) == numbers, query
    with sessions() as s:
        assert count_cases(s, SYSTEM, CaseFilter(text="%")) == 2
    with pytest.raises(ValidationError):
        search_terms(" ".join(str(i) for i in range(20)))


def test_the_index_follows_changes(sessions: sessionmaker[Session], people: dict[str, str]) -> None:
    with sessions.begin() as s:
        party = s.scalars(select(Party).where(Party.name == "李娜")).one()
        party.name = "李小娜"
        case = s.scalars(select(Case).where(Case.number == people["张三"])).one()
        case.facts = "被申请人在呼和浩特市展销会上销售侵权产品。"
        s.add(
            Party(
                case_id=case.id,
                position=2,
                role=PartyRole.AGENT,
                kind=PartyKind.PERSON,
                name="赵律师",
            )
        )
    assert found(sessions, "李娜") == [people["张三"]]  # only 李娜娜 is left
    assert found(sessions, "李小娜") == [people["李娜"]]
    assert found(sessions, "小娜") == [people["李娜"]]
    assert found(sessions, "呼和浩特") == [people["张三"]]
    assert found(sessions, "律师") == [people["张三"]]
    with sessions.begin() as s:
        s.execute(delete(Party).where(Party.name == "李娜娜"))
        doomed = s.scalars(select(Case).where(Case.number == people["王伟"])).one()
        s.delete(doomed)
    assert found(sessions, "李娜") == []
    assert found(sessions, "律师") == [people["张三"]]
    assert people["王伟"] not in found(sessions, "王伟")
    assert found(sessions, "草原食品") == []
    with sessions() as s:  # the deleted case's parties left the index with it
        assert _scope_copies_wrong(s) == 0
        assert _documents_wrong(s) == 0
    assert found(sessions, "张 律师") == [people["张三"]]
    assert found(sessions, "律师 呼和浩特") == [people["张三"]]
    assert found(sessions, "娜 律师") == []


def _documents_wrong(s: Session) -> int:
    """SQLite: how many (trigram, case, column) entries of the case documents (migration
    0021) differ from documents written afresh from the tables — a document left behind,
    not written again after a change, or deleted with other values than it was written
    with, shows here (FTS5's fts5vocab reads the index itself). PostgreSQL: 0."""
    if s.get_bind().dialect.name != "sqlite":
        return 0
    connection = s.connection()
    target = "search_case_docs"
    fresh = search_index.SQLITE_DOCS_FILL[0].replace(target, "temp.docs_fresh", 1)
    connection.exec_driver_sql(search_index.SQLITE_DOCS_TABLE.replace(target, "temp.docs_fresh"))
    connection.exec_driver_sql(fresh)
    for name, schema, fts in [("live", "main", target), ("fresh", "temp", "docs_fresh")]:
        vocab = f"fts5vocab({schema}, {fts}, instance)"
        connection.exec_driver_sql(f"CREATE VIRTUAL TABLE temp.docs_{name}_vocab USING {vocab}")
    live = "SELECT DISTINCT term, doc, col FROM temp.docs_live_vocab"
    fresh_rows = "SELECT DISTINCT term, doc, col FROM temp.docs_fresh_vocab"
    wrong = connection.exec_driver_sql(
        f"SELECT (SELECT count(*) FROM ({live} EXCEPT {fresh_rows}))"
        f" + (SELECT count(*) FROM ({fresh_rows} EXCEPT {live}))"
    ).scalar_one()
    for name in ("docs_live_vocab", "docs_fresh_vocab", "docs_fresh"):
        connection.exec_driver_sql(f"DROP TABLE temp.{name}")
    return int(wrong)


def _scope_copies_wrong(s: Session) -> int:
    """How many rows of the search index have a scope other than their case's office and
    station: PostgreSQL's party rows whose copies (migration 0018) differ, SQLite's rows
    of the three full-text tables (migration 0020) whose unit's token finds them while
    they are not the unit's rows, or not while they are (a deleted row left behind too)."""
    if s.get_bind().dialect.name == "postgresql":
        return int(
            s.scalar(
                text(
                    "SELECT count(*) FROM parties JOIN cases ON cases.id = parties.case_id"
                    " WHERE parties.search_office_id IS DISTINCT FROM cases.office_id"
                    " OR parties.search_station_id IS DISTINCT FROM cases.station_id"
                )
            )
        )
    wrong = 0
    units = [("office", i) for i in s.scalars(select(Office.id))]
    units += [("station", i) for i in s.scalars(select(Station.id))]
    for unit in units:
        kind, unit_id = unit
        in_unit = Case.office_id == unit_id if kind == "office" else Case.station_id == unit_id
        cases = set(s.scalars(select(Case.id).where(in_unit)))
        parties = set(s.scalars(select(Party.id).join(Case).where(in_unit)))
        for fts, rows in [
            ("search_case_fts", cases),
            ("search_party_fts", parties),
            ("search_party_grams", parties),
        ]:
            match = text(f"SELECT rowid FROM {fts} WHERE {fts} MATCH :q")
            indexed = set(s.scalars(match.bindparams(q=search._sqlite_token(unit))))
            wrong += len(indexed ^ rows)
    return wrong


def test_a_transferred_case_is_found_in_its_new_scope_only(
    sessions: sessionmaker[Session], people: dict[str, str]
) -> None:
    """The indexes keep each party's case's office and station (PostgreSQL: copies in the
    party rows; SQLite: tokens in the full-text tables; written by the database on every
    write): a transfer moves the case and its parties out of the old office's and
    station's searches and into the new ones', and a party added to the case afterwards,
    or moved to another case, is found by its unit only."""
    with sessions.begin() as s:
        city = Actor.of(make_user(s, Role.CITY_MANAGER))
        old_manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
        old_staff = Actor.of(make_user(s, Role.STATION_STAFF, station="TL01-S01"))
        new_manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL02"))
        new_staff = Actor.of(make_user(s, Role.STATION_STAFF, station="TL02-S03"))
        case = s.scalars(select(Case).where(Case.number == people["李娜"])).one()
        case_id, version = case.id, case.version_id
    assert found(sessions, "金辉商贸", old_manager) == [people["李娜"]]
    assert found(sessions, "金辉", old_staff) == [people["李娜"]]
    with sessions.begin() as s:
        routing.transfer_case(s, city, case_id, version, "TL02", "地域", to_station_code="TL02-S03")
    with sessions.begin() as s:
        s.add(
            Party(
                case_id=case_id,
                position=2,
                role=PartyRole.AGENT,
                kind=PartyKind.PERSON,
                name="钱律师",
            )
        )
        # a party moved to another case takes that case's scope
        moved = s.scalars(select(Party).where(Party.name == "李娜娜")).one()
        moved.case_id = case_id
    with sessions() as s:
        assert _scope_copies_wrong(s) == 0
        assert _documents_wrong(s) == 0
    for actor in (old_manager, old_staff):
        for query in ("金辉商贸", "金辉", "李娜", "律师", "钱律师"):
            assert found(sessions, query, actor) == [], (actor.role, query)
    for actor in (new_manager, new_staff, city):
        assert found(sessions, "金辉商贸", actor) == [people["李娜"]]
        assert found(sessions, "金辉", actor) == [people["李娜"]]
        assert found(sessions, "钱律师", actor) == [people["李娜"]]
        assert found(sessions, "李娜娜", actor) == [people["李娜"]]
    assert found(sessions, "科尔沁 律师", new_manager) == [people["李娜"]]
    assert found(sessions, "科尔沁 律师", old_manager) == []
    with sessions.begin() as s:  # and back, without a station
        again = s.get(Case, case_id)
        assert again is not None
        routing.transfer_case(s, city, case_id, again.version_id, "TL01", "地域")
    with sessions() as s:
        assert _scope_copies_wrong(s) == 0
        assert _documents_wrong(s) == 0
    assert found(sessions, "钱律师", old_manager) == [people["李娜"]]
    assert found(sessions, "钱律师", old_staff) == []
    assert found(sessions, "钱律师", new_manager) == []


def test_rows_written_in_bulk_are_indexed_and_match_a_plain_scan(
    sessions: sessionmaker[Session],
) -> None:
    """The demo generator writes with driver-level executemany (no ORM): the index must
    still see every row, and agree with a brute-force substring scan."""
    generate(sessions, cases=300, seed=3, today=dt.date(2026, 11, 27))
    with sessions() as s:
        assert _scope_copies_wrong(s) == 0
        assert _documents_wrong(s) == 0
        parties = s.execute(select(Party.case_id, Party.name, Party.id_number)).all()
        cases = s.execute(select(Case.id, Case.number, Case.right_number, Case.facts)).all()
    rng = random.Random(1)
    queries = set()
    for _, name, number in rng.sample(parties, 40):
        for size in (1, 2, 3):
            if len(name) >= size:
                start = rng.randrange(len(name) - size + 1)
                queries.add(name[start : start + size])
        if number:
            queries.add(number[4:12])
    for _, number, right, facts in rng.sample(cases, 10):
        queries.add(number[-7:])
        queries.add(facts[5:9])
        if right:
            queries.add(right[:6])
    with sessions() as s:
        for query in sorted(queries):
            expected = {cid for cid, name, _ in parties if query in name}
            if len(query) >= 3:
                expected |= {cid for cid, _, number in parties if number and query in number}
                expected |= {
                    cid
                    for cid, number, right, facts in cases
                    if query in number or query in (right or "") or query in facts
                }
            assert set(search_cases(s, SYSTEM, query, limit=10_000)) == expected, query
            condition = text_condition(s, query)
            assert condition is not None
            assert set(s.scalars(select(Case.id).where(condition))) == expected, query


def test_case_filter_text_combines_with_other_filters(
    sessions: sessionmaker[Session], people: dict[str, str]
) -> None:
    with sessions() as s:
        assert count_cases(s, SYSTEM, CaseFilter(text="王伟", office="TL01")) == 2
        assert count_cases(s, SYSTEM, CaseFilter(text="王伟", station="TL02-S01")) == 1
        assert count_cases(s, SYSTEM, CaseFilter(text=" ")) == 5


def test_id_kinds_in_generated_data_are_searchable(sessions: sessionmaker[Session]) -> None:
    number = ids.make_uscc(random.Random(4), "150525")
    with sessions.begin() as s:
        case = make_case(s, respondent="奈曼旗某某合作社")
        s.add(
            Party(
                case_id=case.id,
                position=2,
                role=PartyRole.THIRD_PARTY,
                kind=PartyKind.ORGANISATION,
                name="第三人",
                id_number=number,
            )
        )
    assert found(sessions, number) == [case.number]
    assert found(sessions, number[-6:]) == [case.number]


def _unit_users(s: Session) -> tuple[Actor, Actor]:
    """A manager of the newest case's office and a staff member of the oldest case's
    station."""
    office = s.scalars(
        select(Office.code).join(Case, Case.office_id == Office.id).order_by(Case.id.desc())
    ).first()
    station = s.scalars(
        select(Station.code).join(Case, Case.station_id == Station.id).order_by(Case.id)
    ).first()
    manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office=office))
    staff = Actor.of(make_user(s, Role.STATION_STAFF, station=station))
    return manager, staff


@pytest.mark.parametrize(("bits", "first_span"), [(12, 4096), (2, 1), (3, 8), (4, 50)])
def test_newest_first_is_exact_whichever_way_it_is_read(
    sessions: sessionmaker[Session], bits: int, first_span: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL reads the matches among the newest buckets of case ids first, then older
    spans as wide as the matches' density says: whatever the buckets' size and the first
    span, the answer is the newest matches in scope (SQLite streams its indexes)."""
    monkeypatch.setattr(search, "PG_BUCKET_BITS", bits)
    monkeypatch.setattr(search, "PG_FIRST_SPAN", first_span)
    generate(sessions, cases=200, seed=5, today=dt.date(2026, 11, 27))
    with sessions.begin() as s:
        manager, staff = _unit_users(s)
    with sessions() as s:
        names = s.scalars(select(Party.name).order_by(Party.id.desc()).limit(30)).all()
        for query in {*(n[:2] for n in names), *(n[-1] for n in names), "科尔沁", "有限公司"}:
            condition = text_condition(s, query)
            assert condition is not None
            for actor in (SYSTEM, manager, staff):
                exact = sorted(
                    s.scalars(select(Case.id).where(condition, case_scope(actor))), reverse=True
                )
                for limit in (1, 2, 5, 100):
                    assert search_cases(s, actor, query, limit=limit) == exact[:limit], query


def test_postgresql_search_runs_without_parallel_workers_and_keeps_the_setting(
    sessions: sessionmaker[Session], people: dict[str, str]
) -> None:
    """The search's statements call set_config (PARALLEL UNSAFE, setting the value it has):
    the planner gives them no parallel workers even where it would (every parallel cost
    zero), and the transaction's setting is what it was."""
    with sessions() as s:
        if s.get_bind().dialect.name != "postgresql":
            pytest.skip("a PostgreSQL setting")
        for setting in ("parallel_setup_cost", "parallel_tuple_cost"):
            s.execute(text(f"SET LOCAL {setting} = 0"))
        for setting in ("min_parallel_table_scan_size", "min_parallel_index_scan_size"):
            s.execute(text(f"SET LOCAL {setting} = 0"))
        s.execute(text("SET LOCAL max_parallel_workers_per_gather = 3"))
        plans: list[str] = []
        unsafe_left_out: list[str] = []

        def explain(cursor: Any, statement: str, parameters: Any) -> str:
            rows = cursor.connection.execute("EXPLAIN " + statement, parameters).fetchall()
            return "\n".join(row[0] for row in rows)

        def record(_c: object, cursor: Any, statement: str, parameters: Any, *_: object) -> None:
            if "hits" in statement:
                plans.append(explain(cursor, statement, parameters))
                safe = statement.replace(search._PG_SERIAL.name, "0")
                unsafe_left_out.append(explain(cursor, safe, parameters))

        event.listen(s.get_bind(), "before_cursor_execute", record)
        try:
            assert len(search_cases(s, SYSTEM, "王伟")) == 3
            assert len(search_cases(s, SYSTEM, "有限公司")) == 3
        finally:
            event.remove(s.get_bind(), "before_cursor_execute", record)
        assert plans and not any("Gather" in plan for plan in plans)
        assert any("Gather" in plan for plan in unsafe_left_out)  # what it keeps away
        assert s.scalar(text("SELECT current_setting('max_parallel_workers_per_gather')")) == "3"


def test_postgresql_search_of_a_fresh_session_opens_no_transaction(
    sessions: sessionmaker[Session], people: dict[str, str], tmp_path: Path
) -> None:
    """A search in a session that has sent nothing yet runs its statements each in a
    transaction of its own: no BEGIN, no ROLLBACK (round trips of their own). The session
    stays transactional: what it runs next is in a transaction, undone by its rollback."""
    with sessions() as s:
        if s.get_bind().dialect.name != "postgresql":
            pytest.skip("psycopg's transactions")
        raw = s.connection().connection.dbapi_connection
        assert isinstance(raw, psycopg.Connection)
        trace = tmp_path / "trace"
        with trace.open("w") as f:
            raw.pgconn.trace(f.fileno())
            raw.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
            try:
                assert len(search_cases(s, SYSTEM, "王伟")) == 3
                assert len(search_cases(s, SYSTEM, "有限公司")) == 3
                assert len(search_cases(s, SYSTEM, "王伟 有限公司")) == 2
            finally:
                raw.pgconn.untrace()
        lines = trace.read_text(errors="replace").splitlines()
        sent = [line.split("\t")[2] for line in lines if line.startswith("F\t")]
        assert any(message.startswith("Parse") for message in sent)
        assert not any(message.startswith("Query") for message in sent), sent  # BEGIN ...
        assert raw.info.transaction_status == pq.TransactionStatus.IDLE
        assert not raw.autocommit
        setting = text("SELECT current_setting('max_parallel_workers_per_gather')")
        default = s.scalar(setting)
        s.execute(text("SET LOCAL max_parallel_workers_per_gather = 7"))
        assert raw.info.transaction_status == pq.TransactionStatus.INTRANS
        assert s.scalar(setting) == "7"
        assert len(search_cases(s, SYSTEM, "王伟")) == 3  # in the transaction begun
        assert s.scalar(setting) == "7"
        s.rollback()
        assert s.scalar(setting) == default


def test_postgresql_search_keeps_a_transaction_the_session_asked_for(
    sessions: sessionmaker[Session], people: dict[str, str]
) -> None:
    """A session that asks for one snapshot (REPEATABLE READ) or a read-only transaction
    runs the search in it, though it has sent nothing before: its BEGIN goes first."""
    for options in ({"isolation_level": "REPEATABLE READ"}, {"postgresql_readonly": True}):
        with sessions() as s:
            if s.get_bind().dialect.name != "postgresql":
                pytest.skip("psycopg's transactions")
            raw = s.connection(execution_options=options).connection.dbapi_connection
            assert isinstance(raw, psycopg.Connection)
            assert len(search_cases(s, SYSTEM, "王伟")) == 3
            assert raw.info.transaction_status == pq.TransactionStatus.INTRANS, options
            assert not raw.autocommit


@pytest.mark.parametrize(
    ("rare_rows", "first_candidates", "dense", "few"),
    [(5_000, 128, 0.25, 64), (40, 1, 0.0, 10_000), (1, 3, 0.0, 1), (1, 3, 0.0, 5)],
)
def test_several_terms_are_exact_whichever_term_is_read_first(
    sessions: sessionmaker[Session],
    rare_rows: int,
    first_candidates: int,
    dense: float,
    few: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SQLite reads the case documents (migration 0021), leaving the densest term out first
    and looking it up among the others' cases when they are few; for the terms they do not
    answer it collects the rarest term's cases and looks the other terms up among them, a
    batch at a time (a single statement when every term is common): whatever the
    thresholds and the batches, the answer is the newest cases in scope matching every
    term."""
    monkeypatch.setattr(search, "SQLITE_RARE_ROWS", rare_rows)
    monkeypatch.setattr(search, "SQLITE_FIRST_CANDIDATES", first_candidates)
    monkeypatch.setattr(search, "SQLITE_DOCS_DENSE", dense)
    monkeypatch.setattr(search, "SQLITE_DOCS_FEW", few)
    generate(sessions, cases=200, seed=6, today=dt.date(2026, 11, 27))
    with sessions.begin() as s:
        manager, staff = _unit_users(s)
        id_number = s.scalars(
            select(Party.id_number).where(Party.id_number.is_not(None)).order_by(Party.id)
        ).first()
    assert id_number is not None
    with sessions() as s:
        names = s.scalars(select(Party.name).order_by(Party.id.desc()).limit(12)).all()
    queries = {f"{n[:2]} {m[-1]}" for n, m in zip(names, reversed(names), strict=True)}
    queries |= {"有限 公司", "王 有限公司", "科尔沁 公司 有限", f"{id_number} {id_number[-6:]}"}
    queries |= {f"{id_number[:8]} 有限", "公司 无此词"}
    # 1- and 2-character terms of other characters than CJK ideographs: the three tables
    queries |= {"a 有限", "Ｌ 公司", "ＬＥ 有限", "王 4", f"{names[0][:1]} {names[1][:3]}"}
    with sessions() as s:
        dialect = s.get_bind().dialect.name
        for query in sorted(queries):
            for actor in (SYSTEM, manager, staff):
                # an actor who may not view personal data finds ID numbers whole only
                visible = actor.may_view_personal_data
                terms = search_terms(query)
                condition = and_(*(search._in_matches(dialect, t, visible) for t in terms))
                exact = sorted(
                    s.scalars(select(Case.id).where(condition, case_scope(actor))), reverse=True
                )
                for limit in (1, 2, 5, 100):
                    assert search_cases(s, actor, query, limit=limit) == exact[:limit], (
                        query,
                        actor,
                    )


def test_several_terms_read_the_case_documents(
    sessions: sessionmaker[Session],
) -> None:
    """SQLite: several terms are read from the case documents (migration 0021) only,
    whatever the terms' lengths and commonness, and the answer is that of the three tables
    term by term: also for a name longer than the bigram table covers (its 200 characters and the
    pair at the 200th), and for a user who may not see ID numbers."""
    with sessions.begin() as s:
        if s.get_bind().dialect.name != "sqlite":
            pytest.skip("SQLite's case documents")
        long_name = "甲" * 199 + "乙丙丁戊"  # the 200th character is 乙
        long_case = make_case(s, applicant=long_name, respondent="通辽市丁戊商贸有限公司")
        make_case(s, applicant="乙丙", respondent="通辽市某某乳业有限公司")
        clerk = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
    generate(sessions, cases=60, seed=7, today=dt.date(2026, 11, 27))
    statements: list[str] = []

    def record(_c: object, _cur: object, statement: str, *_: object) -> None:
        statements.append(statement)

    queries = ["乙 有限", "丙 有限", "乙丙 有限", "丙丁 有限", "丁戊 有限", "甲乙丙 乙丙丁 有限公"]
    queries += ["乳业 科尔沁", "王 伟 有限", "有限 公司 科尔沁", "150 有限", "商标 乳业"]
    with sessions() as s:
        event.listen(s.get_bind(), "before_cursor_execute", record)
        try:
            for query in queries:
                for actor in (SYSTEM, clerk):
                    visible = actor.may_view_personal_data
                    terms = search_terms(query)
                    condition = and_(*(search._in_matches("sqlite", t, visible) for t in terms))
                    exact = sorted(
                        s.scalars(select(Case.id).where(condition, case_scope(actor))),
                        reverse=True,
                    )
                    statements.clear()
                    assert search_cases(s, actor, query, limit=20) == exact[:20], (query, actor)
                    read = [st for st in statements if "search_case_docs" in st]
                    assert read and all(
                        "search_party" not in st and "search_case_fts" not in st
                        for st in statements
                    ), statements
        finally:
            event.remove(s.get_bind(), "before_cursor_execute", record)
        assert search_cases(s, SYSTEM, "乙 有限") == [long_case.id + 1, long_case.id]
        assert search_cases(s, SYSTEM, "丙 有限") == [long_case.id + 1]
        assert search_cases(s, SYSTEM, "丙丁 有限") == []


def test_documents_of_rows_inserted_without_their_triggers(
    sessions: sessionmaker[Session], people: dict[str, str]
) -> None:
    """SQLite: rows inserted in a deferred block (the demo's bulk writes: no insert
    triggers) get their case documents at its end — a new case's, and an older case's again
    when it got a party — as the triggers would have written them."""
    with sessions.begin() as s:
        if s.get_bind().dialect.name != "sqlite":
            pytest.skip("SQLite triggers")
        older = s.scalars(select(Case).where(Case.number == people["李娜"])).one()
        with search_index.deferred_sqlite_index(s.connection()):
            s.add(
                Party(
                    case_id=older.id,
                    position=2,
                    role=PartyRole.AGENT,
                    kind=PartyKind.PERSON,
                    name="孙律师",
                )
            )
            new = make_case(s, applicant="孙悟空", respondent="花果山水帘洞有限公司")
            s.flush()
    with sessions() as s:
        assert _documents_wrong(s) == 0
    assert found(sessions, "孙 金辉") == [people["李娜"]]
    assert found(sessions, "孙 有限") == [new.number, people["李娜"]]
