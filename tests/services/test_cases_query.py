"""The case list (count, ids in pages, rows) and the case view, within the actor's scope."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Connection, Engine, event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    OPEN_STATUSES,
    Case,
    CaseStatus,
    Document,
    IpType,
    Party,
    PartyKind,
    PartyRole,
    Role,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.intake import AttachmentInput, register_case
from ipdesk.services.cases.limits import RUNNING_STATUSES
from ipdesk.services.errors import NotFound, PermissionDenied, ValidationError
from ipdesk.services.queries import cases_query
from ipdesk.services.queries.cases_query import (
    LIFE_CYCLE,
    CaseFilter,
    CaseSort,
    case_detail,
    case_ids,
    case_rows,
    count_cases,
)
from tests.helpers.factories import make_case, make_user, seed, valid_intake_form

TODAY = dt.date(2026, 11, 27)
SYSTEM = Actor.system()
STATIONS = ("TL01-S01", "TL01-S02", "TL02-S01", None)


@pytest.fixture
def sessions(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


@pytest.fixture
def cases(sessions: sessionmaker[Session]) -> list[Case]:
    """45 cases in various states, offices, stations, types and dates."""
    rng = random.Random(11)
    made = []
    with sessions.begin() as s:
        for i in range(45):
            status = rng.choice(LIFE_CYCLE)
            received = TODAY - dt.timedelta(days=rng.randrange(0, 400))
            accepted = status not in (CaseStatus.REGISTERED, CaseStatus.REJECTED)
            due = TODAY + dt.timedelta(days=rng.randrange(-30, 60)) if accepted else None
            if accepted and i % 7 == 0:
                due = TODAY + dt.timedelta(days=3)  # ties on the due date
            station = STATIONS[i % 4]
            case = make_case(
                s,
                station,
                status,
                office_code="TL03" if station is None else None,
                received_on=received,
                accepted_on=min(received + dt.timedelta(days=1), TODAY) if accepted else None,
                due_on=due,
                is_suspended=accepted and status in OPEN_STATUSES and rng.random() < 0.15,
                ip_type=rng.choice(list(IpType)),
                applicant=f"申请人{i}",
                respondent=f"被申请人{i}",
            )
            made.append(case)
        s.expunge_all()
    return made


def rank(c: Case) -> tuple[object, ...]:
    return (LIFE_CYCLE.index(c.status),)


def expected_order(cases: list[Case], key: str, descending: bool) -> list[int]:
    def dated(group: list[Case], first: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with_due = sorted((*first, 0, c.due_on, c.id) for c in group if c.due_on is not None)
        without = sorted((*first, 1, c.id) for c in group if c.due_on is None)
        return [*with_due, *without]

    keys: list[tuple[object, ...]]
    if key == "number":
        keys = sorted((c.number, c.id) for c in cases)
    elif key == "received":
        keys = sorted((c.received_on, c.id) for c in cases)
    elif key == "due":
        keys = dated(cases)
    else:
        keys = []
        for status in LIFE_CYCLE:
            keys += dated([c for c in cases if c.status == status], (LIFE_CYCLE.index(status),))
    ordered = [k[-1] for k in keys]
    assert isinstance(ordered[0], int)
    ids = [cast(int, k) for k in ordered]
    return list(reversed(ids)) if descending else ids


# "Many" cases above: 45 as usual (few: counted, sorted), 0 (every page walks the sort
# order's index, with an exact count), 10 (the first pages walk it without a count).
@pytest.mark.parametrize("many_above", [None, 0, 10])
@pytest.mark.parametrize("key", ["number", "received", "due", "status"])
def test_every_order_pages_exactly(
    sessions: sessionmaker[Session],
    cases: list[Case],
    key: cases_query.SortKey,
    many_above: int | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if many_above is not None:  # make SQLite walk the sort order's index even here
        monkeypatch.setattr(cases_query, "_WALK_SORT_INDEX_ABOVE", many_above)
    with sessions.begin() as s:
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
    for actor in (SYSTEM, manager):
        visible = [c for c in cases if actor.is_citywide or c.office_id == cases[0].office_id]
        for descending in (False, True):
            sort = CaseSort(key, descending)
            want = expected_order(visible, key, descending)
            with sessions() as s:
                total = count_cases(s, actor, today=TODAY)
                assert total == len(want)
                assert case_ids(s, actor, None, sort) == want
                for size in (1, 4, 7):
                    for use_total in (None, total):
                        pages = []
                        for offset in range(0, total, size):
                            pages += case_ids(s, actor, None, sort, offset, size, total=use_total)
                        assert pages == want, (size, use_total)
                assert case_ids(s, actor, None, sort, total, 5) == []
                assert case_ids(s, actor, None, sort, total - 2, 5, total=total) == want[-2:]
                assert case_ids(s, actor, None, sort, 3, 0) == []


@pytest.mark.parametrize("key", ["received", "due"])
def test_first_page_without_counting_many(
    engine: Engine,
    sessions: sessionmaker[Session],
    cases: list[Case],
    key: cases_query.SortKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first page comes with its total when the cases are few (no count needed
    afterwards), and without a full count when they are many."""
    sort = CaseSort(key, descending=False)
    want = expected_order(cases, key, False)
    with sessions() as s:
        page = cases_query.first_page(s, SYSTEM, None, sort, 10, today=TODAY)
    assert page.ids == want[:10] and page.total == 45
    assert [r.id for r in page.rows] == want[:10]
    with sessions() as s:  # fewer than a page: the page is the total
        flt = CaseFilter(text="申请人1")
        short = cases_query.first_page(s, SYSTEM, flt, sort, 100, today=TODAY)
        assert short.total == len(short.ids) == count_cases(s, SYSTEM, flt) > 1

    monkeypatch.setattr(cases_query, "_WALK_SORT_INDEX_ABOVE", 20)
    counts: list[str] = []

    def record(conn: object, cursor: object, sql: str, params: object, *args: object) -> None:
        if "count(" in sql.lower():
            counts.append(sql)

    event.listen(engine, "before_cursor_execute", record)
    try:
        with sessions() as s:
            page = cases_query.first_page(s, SYSTEM, None, sort, 10, today=TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert page.ids == want[:10] and [r.id for r in page.rows] == want[:10]
    assert page.total is None  # many: ask count_cases
    assert len(counts) == 1 and "LIMIT" in counts[0].upper()  # counted up to 21 only
    with sessions() as s, pytest.raises(ValueError):
        cases_query.first_page(s, SYSTEM, None, sort, 0)


@pytest.mark.parametrize("key", ["number", "received", "due", "status"])
def test_a_search_pages_first_in_one_statement(
    engine: Engine,
    sessions: sessionmaker[Session],
    cases: list[Case],
    key: cases_query.SortKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A search's first page and its total come from one statement (the search's filter
    runs once), in the very order of the pages; with more matches than are "few", the
    page walks the sort order's index as before and the total is left to count_cases."""
    statements: list[str] = []

    def record(conn: object, cursor: object, sql: str, params: object, *args: object) -> None:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(sql)

    flt = CaseFilter(text="申请人")
    drill = CaseFilter(case_ids=tuple(c.id for c in cases[::3]))
    event.listen(engine, "before_cursor_execute", record)
    try:
        for descending in (False, True):
            sort = CaseSort(key, descending)
            for f in (flt, drill):
                with sessions() as s:  # the pages as read with the total known
                    want = case_ids(s, SYSTEM, f, sort, total=count_cases(s, SYSTEM, f))
                if f is drill:
                    assert want == expected_order(cases[::3], key, descending)
                assert len(want) > 7
                with sessions() as s:
                    statements.clear()
                    ids = case_ids(s, SYSTEM, f, sort, 0, 7, today=TODAY)
                    assert ids == want[:7]
                    assert len(statements) == 1 and "count(" in statements[0].lower()
                    page = cases_query.first_page(s, SYSTEM, f, sort, 100, today=TODAY)
                    assert page.ids == want and page.total == len(want)
        monkeypatch.setattr(cases_query, "_WALK_SORT_INDEX_ABOVE", 5)
        with sessions() as s:
            want = case_ids(s, SYSTEM, flt, CaseSort(key), total=count_cases(s, SYSTEM, flt))
            page = cases_query.first_page(s, SYSTEM, flt, CaseSort(key), 10, today=TODAY)
        assert page.ids == want[:10] and page.total is None  # many: count_cases tells
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_filters(sessions: sessionmaker[Session], cases: list[Case]) -> None:
    def ids_for(flt: CaseFilter) -> set[int]:
        with sessions() as s:
            got = case_ids(s, SYSTEM, flt, today=TODAY)
            assert count_cases(s, SYSTEM, flt, today=TODAY) == len(got)
            return set(got)

    def where(test: object) -> set[int]:
        return {c.id for c in cases if test(c)}  # type: ignore[operator]

    office_1, station_2 = cases[0].office_id, cases[1].station_id
    open_running = [c for c in cases if c.status in RUNNING_STATUSES and not c.is_suspended]
    assert ids_for(CaseFilter(office="TL01")) == where(lambda c: c.office_id == office_1)
    assert ids_for(CaseFilter(office=office_1)) == where(lambda c: c.office_id == office_1)
    assert ids_for(CaseFilter(station="TL01-S02")) == where(lambda c: c.station_id == station_2)
    assert ids_for(CaseFilter(status="mediating")) == where(
        lambda c: c.status == CaseStatus.MEDIATING
    )
    assert ids_for(CaseFilter(status="suspended")) == where(lambda c: c.is_suspended)
    assert where(lambda c: c.is_suspended)
    assert ids_for(CaseFilter(status="open")) == where(lambda c: c.status in OPEN_STATUSES)
    assert ids_for(CaseFilter(ip_type="trademark")) == where(
        lambda c: c.ip_type == IpType.TRADEMARK
    )
    assert ids_for(CaseFilter(deadline="overdue")) == {
        c.id for c in open_running if c.due_on and c.due_on < TODAY
    }
    assert ids_for(CaseFilter(deadline="due_soon", due_within_days=10)) == {
        c.id for c in open_running if c.due_on and TODAY <= c.due_on <= TODAY + dt.timedelta(10)
    }
    assert ids_for(CaseFilter(deadline="due_soon")) == {  # the board's 15 days
        c.id for c in open_running if c.due_on and TODAY <= c.due_on <= TODAY + dt.timedelta(15)
    }
    assert ids_for(CaseFilter(deadline="paused")) == where(lambda c: c.is_suspended)
    assert ids_for(CaseFilter(deadline="none")) == where(lambda c: c.due_on is None)
    since, until = TODAY - dt.timedelta(100), TODAY - dt.timedelta(10)
    assert ids_for(CaseFilter(received_from=since, received_to=until)) == where(
        lambda c: since <= c.received_on <= until
    )
    assert ids_for(CaseFilter(text="申请人1")) == where(
        lambda c: c.parties[0].name.startswith("申请人1")
    )
    assert ids_for(CaseFilter(office="TL01", status="closed", ip_type="copyright")) == where(
        lambda c: (
            c.office_id == office_1
            and c.status == CaseStatus.CLOSED
            and c.ip_type == IpType.COPYRIGHT
        )
    )


@pytest.mark.parametrize(
    ("flt", "field"),
    [
        (CaseFilter(office="NOPE"), "office"),
        (CaseFilter(station="NOPE"), "station"),
        (CaseFilter(status="sleeping"), "status"),
        (CaseFilter(ip_type="idea"), "ip_type"),
        (CaseFilter(deadline="soonish"), "deadline"),
    ],
)
def test_bad_filters_name_their_field(
    sessions: sessionmaker[Session], flt: CaseFilter, field: str
) -> None:
    with sessions() as s, pytest.raises(ValidationError) as caught:
        count_cases(s, SYSTEM, flt)
    assert caught.value.field == field


def test_scope_limits_everything(sessions: sessionmaker[Session], cases: list[Case]) -> None:
    with sessions.begin() as s:
        staff = Actor.of(make_user(s, Role.STATION_STAFF, station="TL01-S01"))
        mediator = Actor.of(make_user(s, Role.MEDIATOR, office="TL02"))
    mine = {c.id for c in cases if c.station_id == cases[0].station_id}
    theirs = {c.id for c in cases if c.office_id == cases[2].office_id}
    with sessions() as s:
        assert set(case_ids(s, staff, None)) == mine
        assert set(case_ids(s, mediator, CaseFilter(office="TL01"))) == set()
        assert set(case_ids(s, mediator, None)) == theirs
        everything = [c.id for c in cases]
        assert {r.id for r in case_rows(s, staff, everything)} == mine
        other = next(c for c in cases if c.id not in mine)
        with pytest.raises(PermissionDenied):
            case_detail(s, staff, other.number)


def test_rows_carry_the_list_cells(sessions: sessionmaker[Session], cases: list[Case]) -> None:
    with sessions.begin() as s:
        first = s.get(Case, cases[0].id)
        assert first is not None
        first.parties.append(
            Party(position=5, role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name="第二申请人")
        )
        first.status, first.is_suspended = CaseStatus.MEDIATING, False
        first.due_on = TODAY - dt.timedelta(days=2)
        soon = s.get(Case, cases[1].id)
        assert soon is not None
        soon.status, soon.is_suspended = CaseStatus.ACCEPTED, False
        soon.due_on = TODAY + dt.timedelta(days=4)
    wanted = [cases[1].id, cases[0].id, 999_999, cases[3].id]
    with sessions() as s:
        rows = case_rows(s, SYSTEM, wanted, today=TODAY)
    assert [r.id for r in rows] == [cases[1].id, cases[0].id, cases[3].id]
    soon_row, overdue_row, no_station = rows
    assert (overdue_row.applicant, overdue_row.respondent) == ("申请人0", "被申请人0")
    assert overdue_row.flags == {"open", "overdue"} and overdue_row.days_left == -2
    assert soon_row.flags == {"open", "due_soon"} and soon_row.days_left == 4
    assert (overdue_row.office_code, overdue_row.station_code) == ("TL01", "TL01-S01")
    assert overdue_row.office_name.endswith("知识产权行政裁决所")
    assert (no_station.office_code, no_station.station_code) == ("TL03", None)
    with sessions() as s:
        assert case_rows(s, SYSTEM, []) == []


def test_case_detail_masks_personal_data(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    evidence = tmp_path / "合同.pdf"
    evidence.write_bytes(b"contract")
    with sessions.begin() as s:
        clerk_user = make_user(s, Role.STATION_STAFF, station="TL01-S01", display_name="站点小王")
        clerk = Actor.of(clerk_user)
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
    form = valid_intake_form()
    with sessions.begin() as s:
        done = register_case(
            s, clerk, form, [AttachmentInput(evidence, "合同原件")], store=tmp_path / "store"
        )
        s.add(
            Document(
                case_id=done.id,
                kind="acceptance_notice",
                version=1,
                author_id=clerk_user.id,
                sha256="0" * 64,
                size=10,
                stored_name="doc-1.docx",
            )
        )
    applicant = form.parties[0]
    with sessions() as s:
        masked = case_detail(s, manager, done.number)
        by_id = case_detail(s, manager, done.id)
        revealed = case_detail(s, manager, done.number, reveal=True)
        with pytest.raises(PermissionDenied):
            case_detail(s, clerk, done.number, reveal=True)  # station staff may not
        with pytest.raises(NotFound):
            case_detail(s, manager, "TL01-1999-99999")
    assert masked == by_id
    person = masked.parties[0]
    assert (
        person.masked
        and person.id_number == applicant.id_number[:6] + "*" * 8 + applicant.id_number[-4:]
    )
    assert person.phone == applicant.phone[:3] + "****" + applicant.phone[-4:]
    assert person.address == "通辽市科尔沁****"
    assert person.birth_date is None
    assert revealed.parties[0].id_number == applicant.id_number
    assert revealed.parties[0].birth_date == dt.date(1980, 5, 17)
    assert revealed.personal_data_revealed and not masked.personal_data_revealed
    assert [(e.kind, e.user) for e in masked.timeline] == [("registered", "站点小王")]
    assert masked.created_by == "站点小王"
    assert [(lim.kind, lim.state) for lim in masked.limits] == [("acceptance_decision", "running")]
    assert [(a.original_name, a.description, a.added_by) for a in masked.attachments] == [
        ("合同.pdf", "合同原件", "站点小王")
    ]
    assert [(d.kind, d.version, d.author) for d in masked.documents] == [
        ("acceptance_notice", 1, "站点小王")
    ]
    assert (masked.station_code, masked.office_code, masked.status) == (
        "TL01-S01",
        "TL01",
        "registered",
    )


def test_case_detail_of_a_listed_case(sessions: sessionmaker[Session], cases: list[Case]) -> None:
    with sessions() as s:
        ids_ = case_ids(s, SYSTEM, CaseFilter(status="closed"), limit=1)
        detail = case_detail(s, SYSTEM, ids_[0])
    assert detail.status == "closed" and detail.closed_on is not None
    assert "open" not in detail.flags and detail.days_left is None
    with sessions() as s:
        case = s.scalars(select(Case).where(Case.id == ids_[0])).one()
        assert detail.version_id == case.version_id


def test_big_results_walk_the_sort_index(
    engine: Engine,
    sessions: sessionmaker[Session],
    cases: list[Case],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When a filter keeps many cases, SQLite must walk the sort order's index rather than
    fetch every match by the filter's index and sort them (800 ms for 800,000 cases)."""
    monkeypatch.setattr(cases_query, "_WALK_SORT_INDEX_ABOVE", 0)
    names = {index["name"] for index in inspect(engine).get_indexes("cases")}
    assert {"ix_cases_office_received", "ix_cases_office_due", "ix_cases_office_number"} <= names
    statements: list[tuple[str, object]] = []

    def record(conn: object, cursor: object, sql: str, params: object, *args: object) -> None:
        if sql.lstrip().upper().startswith("SELECT CASES.ID"):
            statements.append((sql, params))

    with sessions.begin() as s:
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
    event.listen(engine, "before_cursor_execute", record)
    try:
        with sessions() as s:
            for actor in (SYSTEM, manager):
                for key in ("number", "received", "due", "status"):
                    flt = CaseFilter(status="closed") if key != "status" else CaseFilter()
                    case_ids(s, actor, flt, CaseSort(key), 0, 5)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert statements
    if engine.dialect.name != "sqlite":
        assert not any("likely(" in sql for sql, _ in statements)
        return
    with engine.connect() as conn:
        for sql, params in statements:
            assert "likely(" in sql
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()  # type: ignore[arg-type]
            assert not any("TEMP B-TREE FOR ORDER BY" in row[3] for row in plan), (sql, plan)


def _ids_plan(conn: Connection, sql: str, params: object) -> str:
    """How the database reads the ids statement ``sql``: SQLite's query plan; PostgreSQL's
    with sequential scans and sorts priced out (these few rows would otherwise be read
    whole and sorted), so that the plan shows which index can give the order."""
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()  # type: ignore[arg-type]
        return "\n".join(str(row[3]) for row in rows)
    for setting in (
        "enable_seqscan",
        "enable_bitmapscan",
        "enable_sort",
        "enable_incremental_sort",
    ):
        conn.exec_driver_sql(f"SET LOCAL {setting} = off")
    rows = conn.exec_driver_sql("EXPLAIN " + sql, params).all()  # type: ignore[arg-type]
    return "\n".join(str(row[0]) for row in rows)


@pytest.mark.parametrize("deadline", [None, "overdue", "due_soon", "none"])
def test_open_cases_by_due_date_come_from_their_partial_index(
    engine: Engine,
    sessions: sessionmaker[Session],
    cases: list[Case],
    deadline: str | None,
) -> None:
    """The open cases of an office (its manager, a mediator) or of the city by due date,
    in either direction, a deadline filter or not: the pages in the list's order, the first
    one without a count, each read in order from the open cases' partial indexes (migration
    0022): an office's from ix_cases_open_office_due, the city's from ix_cases_open_due on
    PostgreSQL."""
    office_id = cases[0].office_id
    with sessions.begin() as s:
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
        mediator = Actor.of(make_user(s, Role.MEDIATOR, office="TL01"))
    flt = CaseFilter(status="open", deadline=deadline)
    statements: list[tuple[str, object]] = []

    def record(conn: object, cursor: object, sql: str, params: object, *args: object) -> None:
        statements.append((sql, params))

    sqlite = engine.dialect.name == "sqlite"
    for actor, indexes in (
        # SQLite may read the city's by ix_cases_status_due instead: at most a page's worth
        # of each open state, in due-date order (0.3 ms at 1,000,000 cases)
        (SYSTEM, ("ix_cases_open_due", "ix_cases_status_due (status=? AND due_on")),
        (manager, ("ix_cases_open_office_due",) if sqlite else ("ix_cases_open_",)),
        (mediator, ("ix_cases_open_office_due",) if sqlite else ("ix_cases_open_",)),
    ):
        with sessions() as s:
            kept = set(case_ids(s, SYSTEM, CaseFilter(deadline=deadline), today=TODAY))
        visible = [
            c
            for c in cases
            if c.status in OPEN_STATUSES
            and c.id in kept
            and (actor.is_citywide or c.office_id == office_id)
        ]
        assert len(visible) >= 2 or deadline is not None
        for descending in (False, True):
            sort = CaseSort("due", descending)
            want = expected_order(visible, "due", descending) if visible else []
            statements.clear()
            event.listen(engine, "before_cursor_execute", record)
            try:
                with sessions() as s:
                    page = cases_query.first_page(s, actor, flt, sort, 3, today=TODAY)
            finally:
                event.remove(engine, "before_cursor_execute", record)
            assert page.ids == want[:3] and [r.id for r in page.rows] == want[:3]
            assert not any("count(" in sql.lower() for sql, _ in statements)
            with sessions() as s:
                total = count_cases(s, actor, flt, today=TODAY)
                assert total == len(want)
                for use_total in (None, total):
                    pages: list[int] = []
                    for offset in range(0, total, 2):
                        pages += case_ids(
                            s, actor, flt, sort, offset, 2, today=TODAY, total=use_total
                        )
                    assert pages == want, use_total
            ids_statements = [
                (sql, params)
                for sql, params in statements
                if sql.lstrip().upper().startswith("SELECT CASES.ID \nFROM CASES")
                and "due_on IS NOT NULL" in sql  # the dated cases (the undated: by id)
            ]
            # (the undated come first descending, and may fill the page)
            assert ids_statements or descending or deadline == "none", statements
            with engine.begin() as conn:
                for sql, params in ids_statements:
                    plan = _ids_plan(conn, sql, params)
                    assert any(index in plan for index in indexes), (sql, plan)
                    if "ix_cases_open_" in plan:
                        assert "TEMP B-TREE" not in plan and "Sort" not in plan, (sql, plan)
