"""Case list and search at scale, measured at the service level (the GUI adds its own part).

Usage::

    .venv/bin/ipdesk-admin demo --cases 1000000 --database-url sqlite:////tmp/m1.sqlite3
    cp /tmp/m1.sqlite3 /tmp/bench.sqlite3          # never measure on the original
    time .venv/bin/ipdesk-admin --database-url sqlite:////tmp/bench.sqlite3 init  # search index
    .venv/bin/python benchmarks/bench_case_list.py sqlite:////tmp/bench.sqlite3 [POSTGRESQL-URL]

For each operation it prints the median time of the service call(s) over ``--repeat`` warm
runs (and the first, cold run), the floor — the very SQL statements the services sent,
replayed through the bare driver (sqlite3, psycopg) — and their ratio: what the service
layer costs on top of the database. Targets (issue 3): first rows and every search under
100 ms on SQLite.

Then the case list's first call as a desk makes it (``read_models.case_list_start`` on a
read-only session of the user's audited factory) for a city manager, an office manager,
station staff and a mediator, unfiltered and filtered (open cases by due date, the list
an office manager or a mediator uses most): the CPU time of the call against the CPU time
of its statements replayed through the bare driver (on SQLite that includes SQLite's own
work, in process; on PostgreSQL the client's only), and the wall times of both (on
PostgreSQL they include the server's work), against the goal of issue 18 (first rows under
20 ms), with the machine's load. With two cores shared with the GUI thread, it is the
worker's CPU time, not its wall time, that delays the first rows on SQLite. Then how the
database reads the page's ids of the due-date lists (SQLite's EXPLAIN QUERY PLAN,
PostgreSQL's EXPLAIN ANALYZE).

The database must be at the newest schema; indexes of the models that it lacks (a demo
database built before they were added to the initial migration) are created first, and the
time that takes is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.models import Base, Party, PartyKind, Role, User
from ipdesk.models.base import use_dialect
from ipdesk.services.actors import Actor
from ipdesk.services.infra import audit
from ipdesk.services.queries.cases_query import (
    CaseFilter,
    CaseSort,
    FigureCases,
    case_ids,
    case_rows,
    count_cases,
    first_page,
)
from ipdesk.services.queries.dashboard import TOTAL, DashboardFilter, Period
from ipdesk.services.queries.read_models import case_list_start
from ipdesk.services.queries.search import search_cases
from ipdesk.services.rules.deadlines import legal_today

PAGE = 50
LIST_PAGE = 200  # what the window asks case_list_start for
TARGET_MS = 100.0
LIST_GOAL_MS = 20.0
Operation = Callable[[Session], int]


@dataclass
class Figure:
    name: str
    first_ms: float
    median_ms: float
    floor_ms: float
    rows: int

    def line(self) -> str:
        ratio = self.median_ms / self.floor_ms if self.floor_ms > 0 else float("nan")
        return (
            f"{self.name:<44} {self.first_ms:9.1f} {self.median_ms:9.1f} "
            f"{self.floor_ms:9.1f} {ratio:6.2f}  {self.rows:>7}"
        )


class Recorder:
    """Collects the statements an engine sends, to replay them through the bare driver."""

    def __init__(self, engine: Engine) -> None:
        self.statements: list[tuple[str, Any]] = []
        self.active = False
        event.listen(engine, "before_cursor_execute", self._on_execute)

    def _on_execute(
        self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
    ) -> None:
        if self.active and statement.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            self.statements.append((statement, parameters))


def ensure_model_indexes(engine: Engine) -> None:
    use_dialect(engine.dialect.name)  # a partial index with its condition, as migrated
    existing = {i["name"] for i in inspect(engine).get_indexes("cases")}
    missing = [i for i in Base.metadata.tables["cases"].indexes if i.name not in existing]
    for index in missing:
        started = time.perf_counter()
        index.create(engine)
        print(f"created missing index {index.name}: {time.perf_counter() - started:.1f} s")


def raw_runner(url: str) -> tuple[Callable[[list[tuple[str, Any]]], int], Callable[[], None]]:
    """A function replaying statements on a bare driver connection, and its closer."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        conn = sqlite3.connect(u.database or ":memory:", isolation_level=None)

        def run_sqlite(statements: list[tuple[str, Any]]) -> int:
            n = 0
            conn.execute("BEGIN")
            for sql, params in statements:
                n += len(conn.execute(sql, params).fetchall())
            conn.execute("COMMIT")
            return n

        return run_sqlite, conn.close
    import psycopg

    pg = psycopg.connect(u.set(drivername="postgresql").render_as_string(hide_password=False))

    def run_pg(statements: list[tuple[str, Any]]) -> int:
        n = 0
        with pg.cursor() as cur:
            for sql, params in statements:
                cur.execute(sql, params)
                n += len(cur.fetchall())
        pg.rollback()
        return n

    return run_pg, pg.close


def measure(
    name: str,
    engine: Engine,
    recorder: Recorder,
    replay: Callable[[list[tuple[str, Any]]], int],
    operation: Callable[[Session], int],
    repeat: int,
) -> Figure:
    times = []
    rows = 0
    for i in range(repeat + 1):
        with Session(engine) as session:
            recorder.statements, recorder.active = [], i == 0
            started = time.perf_counter()
            rows = operation(session)
            times.append((time.perf_counter() - started) * 1000)
            recorder.active = False
            if i == 0:
                statements = list(recorder.statements)
    floors = []
    for _ in range(repeat):
        started = time.perf_counter()
        replay(statements)
        floors.append((time.perf_counter() - started) * 1000)
    return Figure(name, times[0], statistics.median(times[1:]), statistics.median(floors), rows)


def actors(session: Session) -> dict[str, Actor]:
    def first(role: Role) -> Actor:
        user = session.scalars(select(User).where(User.role == role).order_by(User.id)).first()
        if user is None:
            raise SystemExit(f"no {role.value} user: run ipdesk-admin demo first")
        return Actor.of(user)

    manager = first(Role.OFFICE_MANAGER)  # the first office: the biggest one in the demo
    return {
        "city": Actor.system(),
        "office": manager,
        "station": first(Role.STATION_STAFF),
        "mediator": first(Role.MEDIATOR),
    }


def common_names(session: Session) -> tuple[str, str]:
    """The commonest 3-character person name (the demo's names are random)."""
    from sqlalchemy import func

    name = session.scalar(
        select(Party.name)
        .where(Party.kind == PartyKind.PERSON, func.length(Party.name) == 3)
        .group_by(Party.name)
        .order_by(func.count().desc())
        .limit(1)
    )
    id_number = session.scalar(select(Party.id_number).order_by(Party.id.desc()).limit(1))
    return name or "王建国", id_number or "150502"


def page(session: Session, actor: Actor, flt: CaseFilter, sort: CaseSort, last: bool) -> int:
    total = count_cases(session, actor, flt)
    offset = max(0, total - PAGE) if last else 0
    ids = case_ids(session, actor, flt, sort, offset, PAGE, total=total)
    return len(case_rows(session, actor, ids))


def found(session: Session, actor: Actor, query: str) -> int:
    ids = search_cases(session, actor, query, limit=PAGE)
    return len(case_rows(session, actor, ids))


def wall_cpu_ms(run: Callable[[], object]) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    run()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def load() -> str:
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def ids_plan(engine: Engine, statements: list[tuple[str, Any]]) -> list[str]:
    """How the database reads the page's ids (the statements selecting ``cases.id`` alone):
    SQLite's EXPLAIN QUERY PLAN; PostgreSQL's EXPLAIN ANALYZE (its server time)."""
    lines = []
    with engine.connect() as conn:
        for sql, params in statements:
            if not sql.lstrip().upper().startswith(("SELECT CASES.ID \nFROM", "WITH")):
                continue
            lines.append(" ".join(sql.split())[:160] + " ...")
            if engine.dialect.name == "sqlite":
                plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
                lines += [f"    {row[3]}" for row in plan]
            else:
                plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + sql, params).all()
                lines += [f"    {row[0]}" for row in plan]
    return lines


def bench_list_start(
    engine: Engine,
    recorder: Recorder,
    replay: Callable[[list[tuple[str, Any]]], int],
    who: dict[str, Actor],
    repeat: int,
) -> list[str]:
    """The time of ``case_list_start`` against its floor (see the module's docstring);
    returns the lists over the goal."""
    print(
        f"\ncase_list_start, {LIST_PAGE} rows (ms; median of {repeat} warm runs, the service"
        f" and its floor alternated; goal: first rows under {LIST_GOAL_MS:.0f} ms, issue 18,"
        " judged on the CPU time on SQLite, on the wall time on PostgreSQL)"
    )
    print(
        f"{'user, list':<44} {'CPU':>7} {'floor':>7} {'ratio':>6} {'wall':>7} {'floor':>7}"
        f" {'ratio':>6} {'goal':>5}  {'total':>7} {'load':>5}"
    )
    over = []
    plans = []
    today = legal_today()
    base = db.make_session_factory(engine)
    lists = [
        ("unfiltered, newest first", None, None),
        ("open cases, by due date", CaseFilter(status="open"), CaseSort("due", False)),
    ]
    for user, actor in who.items():
        factory = audit.audited_sessions(base, actor)
        for label, flt, sort in lists:

            def start(
                factory: sessionmaker[Session] = factory,
                actor: Actor = actor,
                flt: CaseFilter | None = flt,
                sort: CaseSort | None = sort,
            ) -> Any:
                with factory() as session:
                    session.connection(execution_options=db.READ_ONLY)
                    return case_list_start(session, actor, flt, sort, LIST_PAGE, today=today)

            recorder.statements, recorder.active = [], True
            total = start().page.total  # the first call, cold: not counted
            recorder.active = False
            statements = list(recorder.statements)
            # alternated, so that both see the same load of the shared machine
            services, floors = [], []
            for _ in range(repeat):
                services.append(wall_cpu_ms(start))
                floors.append(wall_cpu_ms(partial(replay, statements)))
            wall, cpu = (statistics.median(t[i] for t in services) for i in (0, 1))
            wall_floor, cpu_floor = (statistics.median(t[i] for t in floors) for i in (0, 1))
            shown = "many" if total is None else str(total)
            # SQLite works in this process: its CPU time is the work, its wall time mostly
            # the wait for a core of the shared machine; PostgreSQL's work is the server's
            judged = cpu if engine.dialect.name == "sqlite" else wall
            met = "met" if judged <= LIST_GOAL_MS else "OVER"
            if judged > LIST_GOAL_MS:
                over.append(f"{user}, {label}")
            print(
                f"{user + ', ' + label:<44} {cpu:7.2f} {cpu_floor:7.2f} {cpu / cpu_floor:6.2f}"
                f" {wall:7.2f} {wall_floor:7.2f} {wall / wall_floor:6.2f} {met:>5}"
                f"  {shown:>7} {load():>5}",
                flush=True,
            )
            if sort is not None and sort.key == "due" and user in ("office", "mediator", "city"):
                plans.append(f"{user}, {label}:")
                plans += ids_plan(engine, statements)
    print("\nthe page's ids, read by the database:")
    print("\n".join(plans))
    return over


def bench(
    url: str, repeat: int, list_start_only: bool = False, only: list[str] | None = None
) -> list[Figure]:
    engine = db.make_engine(url).execution_options(**db.READ_ONLY)
    ensure_model_indexes(engine)
    recorder = Recorder(engine)
    replay, close = raw_runner(url)
    with Session(engine) as session:
        who = actors(session)
        three, id_number = common_names(session)
    city, office, station = who["city"], who["office"], who["station"]
    newest, by_due = CaseSort("received", True), CaseSort("due", False)
    by_number, by_status = CaseSort("number", False), CaseSort("status", False)
    everything = CaseFilter()

    def first(actor: Actor, sort: CaseSort, flt: CaseFilter = everything) -> Operation:
        return lambda s: page(s, actor, flt, sort, last=False)

    def last(actor: Actor, sort: CaseSort, flt: CaseFilter = everything) -> Operation:
        return lambda s: page(s, actor, flt, sort, last=True)

    def search(actor: Actor, query: str) -> Operation:
        return lambda s: found(s, actor, query)

    def at_offset(sort: CaseSort, offset: int) -> Operation:
        return lambda s: len(case_rows(s, city, case_ids(s, city, everything, sort, offset, PAGE)))

    operations: list[tuple[str, Operation]] = [
        ("count (all cases)", lambda s: count_cases(s, city, everything)),
        ("first page: count+ids+rows, newest first", first(city, newest)),
        (
            "first_page (no count; the list's first step)",
            lambda s: len(first_page(s, city, everything, newest, PAGE).rows),
        ),
        (
            "first_page, sort by due date",
            lambda s: len(first_page(s, city, everything, by_due, PAGE).rows),
        ),
        ("last page (read from the end)", last(city, newest)),
        ("last page by OFFSET (no total given)", at_offset(newest, 10**6 - PAGE)),
        ("sort by due date, first page", first(city, by_due)),
        ("sort by due date, last page", last(city, by_due)),
        ("sort by number, first page", first(city, by_number)),
        ("sort by status, first page", first(city, by_status)),
        ("sort by status, middle page (no total)", at_offset(by_status, 500_000)),
        ("office manager (biggest office), first page", first(office, newest)),
        ("office manager, due date, last page", last(office, by_due)),
        ("station staff, first page", first(station, newest)),
        ("filter: overdue, by due date", first(city, by_due, CaseFilter(deadline="overdue"))),
        ("filter: closed, newest first", first(city, newest, CaseFilter(status="closed"))),
        ("search 2 chars 王伟 (+rows)", search(city, "王伟")),
        ("search 2 chars 李娜 (+rows)", search(city, "李娜")),
        (f"search 3 chars {three} (+rows)", search(city, three)),
        ("search 1 char 王 (+rows)", search(city, "王")),
        ("search 3 chars 科尔沁 (~half the cases)", search(city, "科尔沁")),
        ("search a full ID number", search(city, id_number)),
        ("search 王伟, station staff", search(station, "王伟")),
        ("list filter text=王伟: count+first page", first(city, newest, CaseFilter(text="王伟"))),
        (
            "list filter text=科尔沁: count+first page",
            first(city, newest, CaseFilter(text="科尔沁")),
        ),
    ]
    # The list's filter of several terms (SQLite: the case documents), its first step and
    # its count apart, as the list runs them: the city and the biggest office.
    for query in ("王 伟 有限", "乳业 科尔沁", "科尔沁 公司 有限", "有限 公司"):
        flt = CaseFilter(text=query)
        for who_name, actor in (("city", city), ("office", office)):
            operations.append(
                (
                    f"list {query} ({who_name}): first_page",
                    partial(
                        lambda s, a, f: len(first_page(s, a, f, newest, PAGE).rows), a=actor, f=flt
                    ),
                )
            )
            operations.append(
                (
                    f"list {query} ({who_name}): count",
                    partial(lambda s, a, f: count_cases(s, a, f), a=actor, f=flt),
                )
            )
    # A dashboard drill-down: the city's closed cases since 2000 (most of the database),
    # the list's first step and its count, by the figure's condition.
    closed = CaseFilter(
        figure=FigureCases(
            DashboardFilter(Period(dt.date(2000, 1, 1), legal_today())), "closed", TOTAL
        )
    )
    operations += [
        (
            "drill-down closed (city): first_page",
            lambda s: len(first_page(s, city, closed, newest, PAGE).rows),
        ),
        ("drill-down closed (city): count", lambda s: count_cases(s, city, closed)),
    ]
    if only:
        operations = [(n, o) for n, o in operations if any(w in n for w in only)]
    figures: list[Figure] = []
    print(f"\n{db.describe(url)}   (times in ms; median of {repeat} warm runs)")
    if not list_start_only:
        print(
            f"{'operation':<44} {'first':>9} {'median':>9} {'floor':>9} {'ratio':>6}  {'rows':>7}"
        )
        for name, operation in operations:
            figure = measure(name, engine, recorder, replay, operation, repeat)
            figures.append(figure)
            print(figure.line(), flush=True)
    over = bench_list_start(engine, recorder, replay, who, repeat)
    close()
    engine.dispose()
    if over:
        print(f"\nover the {LIST_GOAL_MS:.0f} ms goal: {'; '.join(over)}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="+", metavar="DATABASE-URL")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--list-start-only", action="store_true", help="only the case_list_start figures"
    )
    parser.add_argument(
        "--only", action="append", metavar="TEXT", help="only the operations naming TEXT"
    )
    args = parser.parse_args(argv)
    failed = []
    for url in args.urls:
        figures = bench(url, args.repeat, args.list_start_only, args.only)
        if make_url(url).get_backend_name() == "sqlite":
            failed += [
                f.name
                for f in figures
                if (f.name.startswith(("first page", "search"))) and f.median_ms > TARGET_MS
            ]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of this process: {peak:.0f} MB")
    if failed:
        print(f"over the {TARGET_MS:.0f} ms target on SQLite: {', '.join(failed)}")
        return 1
    print(f"SQLite: first rows and every search under {TARGET_MS:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
