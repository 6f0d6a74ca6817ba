"""How fast `ipdesk-admin demo` fills a database, against the floor of the same rows.

    .venv/bin/python benchmarks/bench_demo.py --cases 100000 [--database-url ADMIN_URL]

1. ipdesk's generator writes N cases into a fresh database (default: a temporary SQLite
   file; with --database-url, a PostgreSQL server's admin URL: the run creates and drops
   the databases NAME and NAME_floor on it, --name, by default ipdesk_bench_demo).
2. The floor: the rows it wrote (every table it added to, the later stages' and the
   dashboard summary's too) are read back and inserted again, table by table in as many
   transactions as the generator's chunks, into a second fresh database, the same
   rows with none of the generation work:
   * SQLite: bare sqlite3 executemany, the cases with their parties, and the search index
     and the case documents (migration 0021) written the same way as the generator does
     (insert triggers dropped, the generator's INSERT … SELECTs at the end of each
     transaction, triggers created again, 'optimize' at the end);
   * PostgreSQL: psycopg's COPY (its fastest way in, as the generator's), the search
     index's GIN indexes dropped first and built once at the end (as the generator does).
Prints both times, the ratio and the goal (≤ 1.2), the load average, the database size,
the CPU times of both and their ratio (wall times on a shared machine follow the others'
load): on SQLite the floor works in this process; on PostgreSQL a server on this machine
is watched too, the CPU time of the backends serving each database added to the client's
(ServerCpu),
the CPU time of the generator — this process's and its worker processes' (demo/worker.py),
which produce the cases of a large load, and then its partner-agency records and follow-up
visits, on another core — and the time of two of its stages, included in its time: the
adjudicated cases (demo/adjudication.py: taken through the track by its use cases, in
addition to the N ordinary ones) and the dashboard summary's computation at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sqlite3
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, cast

import psycopg
from psycopg.types.string import TextLoader
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from ipdesk.db import make_engine, make_session_factory
from ipdesk.demo import generator as demo_generator
from ipdesk.demo.generator import CHUNK, OPTIMIZE_MIN_CASES, generate
from ipdesk.models import Base
from ipdesk.services.admin.setup import initialise
from ipdesk.services.queries import dashboard_summary, search_index

GOAL = 1.2

#: The insert triggers of the search index and of the case documents (migration 0021),
#: dropped around each transaction of the floor that writes cases and parties, as the
#: generator's chunks do (search_index.deferred_sqlite_index).
INSERT_TRIGGERS = {
    name: sql
    for sql in [*search_index.SQLITE_TRIGGERS, *search_index.SQLITE_DOCS_TRIGGERS]
    for name in [sql.split()[2]]
    if " INSERT ON " in sql
}


class _Statements:
    """Stands for a connection to record the statements a function of the search index
    executes (with their parameters), so that the floor runs the very same SQL on its bare
    sqlite3 connection."""

    def __init__(self) -> None:
        self.executed: list[tuple[str, Any]] = []

    def exec_driver_sql(self, statement: str, parameters: Any = None) -> None:
        self.executed.append((statement, parameters))


def docs_statements(last_case: int, last_party: int) -> list[tuple[str, Any]]:
    """The statements with which the generator writes the case documents (migration 0021)
    of a chunk's new cases and parties, at the end of its transaction."""
    recorder = _Statements()
    search_index._sqlite_docs_after(cast("Connection", recorder), last_case, last_party)
    return recorder.executed


def fresh_pg(admin_url: str, name: str) -> str:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _new_rows(src: sqlite3.Connection, template: sqlite3.Connection) -> dict[str, list[Any]]:
    """The rows the demo added, per table (parents first): those with ids above the
    template's, and in a table without ids (the dashboard summary) those it lacks."""
    out = {}
    for table in Base.metadata.sorted_tables:
        if table.name == "users":
            continue
        if "id" in table.c:
            before = template.execute(f"SELECT coalesce(max(id), 0) FROM {table.name}").fetchone()
            rows = src.execute(f"SELECT * FROM {table.name} WHERE id > ?", before).fetchall()
        else:
            old = set(template.execute(f"SELECT * FROM {table.name}").fetchall())
            rows = [r for r in src.execute(f"SELECT * FROM {table.name}") if r not in old]
        if rows:
            out[table.name] = rows
    return out


def floor_sqlite(source: Path, template: Path, target: Path, cases: int) -> tuple[float, float]:
    """Copy the generated rows into an initialised copy with bare sqlite3 executemany;
    its wall and CPU seconds (SQLite works in this process). The cases and their parties
    go in together, as the generator's chunks write them: the search index and the case
    documents are written for them at the end of each transaction with the generator's
    statements (their insert triggers dropped meanwhile)."""
    with sqlite3.connect(source) as src, sqlite3.connect(template) as tpl:
        rows = _new_rows(src, tpl)
        party_case = [d[1] for d in src.execute("PRAGMA table_info(parties)")].index("case_id")
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA foreign_keys = ON")
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    share = max(1, -(-cases // CHUNK))  # transactions: as many as the generator's chunks
    # Each part of the cases with the parties of its cases (parties of no new case: alone).
    new_cases = rows.get("cases", [])
    new_parties = rows.get("parties", [])
    size = max(1, -(-len(new_cases) // share))
    case_parts = [new_cases[i : i + size] for i in range(0, len(new_cases), size)]
    part_of = {case[0]: n for n, part in enumerate(case_parts) for case in part}
    party_parts: list[list[Any]] = [[] for _ in range(len(case_parts) + 1)]
    for party in new_parties:
        party_parts[part_of.get(party[party_case], len(case_parts))].append(party)
    started, cpu = time.perf_counter(), time.process_time()
    for table, table_rows in rows.items():  # parents first
        if table == "parties":  # written with their cases
            continue
        if table == "cases":
            for case_part, party_part in zip(case_parts, party_parts, strict=False):
                _cases_and_parties(dst, case_part, party_part)
            if party_parts[-1]:
                _cases_and_parties(dst, [], party_parts[-1])
            continue
        size = max(1, -(-len(table_rows) // share))
        for i in range(0, len(table_rows), size):
            part = table_rows[i : i + size]
            dst.execute("BEGIN IMMEDIATE")
            dst.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(part[0]))})", part)
            dst.execute("COMMIT")
    if cases >= OPTIMIZE_MIN_CASES:
        dst.execute("BEGIN IMMEDIATE")
        for sql in [*search_index.SQLITE_FILL[3:], *search_index.SQLITE_DOCS_FILL[1:]]:
            dst.execute(sql)
        dst.execute("COMMIT")
    dst.close()
    return time.perf_counter() - started, time.process_time() - cpu


def _cases_and_parties(dst: sqlite3.Connection, cases: list[Any], parties: list[Any]) -> None:
    """One transaction of new cases and their parties, indexed for the search and their
    case documents written at its end, as the generator's chunk (without the triggers)."""
    dst.execute("BEGIN IMMEDIATE")
    last_case, last_party = (
        dst.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]
        for t in ("cases", "parties")
    )
    for name in INSERT_TRIGGERS:
        dst.execute(f"DROP TRIGGER {name}")
    for table, part in (("cases", cases), ("parties", parties)):
        if part:
            dst.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(part[0]))})", part)
    fill_cases, fill_parties, fill_grams = search_index.sqlite_fill(after=True)
    dst.execute(fill_cases, (last_case,))
    dst.execute(fill_parties, (last_party,))
    dst.execute(fill_grams, (last_party,))
    for statement, parameters in docs_statements(last_case, last_party):
        dst.execute(statement, parameters)
    for sql in INSERT_TRIGGERS.values():
        dst.execute(sql)
    dst.execute("COMMIT")


def _plain(url: str) -> str:
    """psycopg's URL of an SQLAlchemy PostgreSQL URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _max_ids(url: str) -> dict[str, int]:
    with psycopg.connect(_plain(url)) as conn:
        return {
            t.name: conn.execute(f"SELECT coalesce(max(id), 0) FROM {t.name}").fetchone()[0]  # type: ignore[index]
            for t in Base.metadata.sorted_tables
            if "id" in t.c
        }


def floor_pg(
    source: str, target: str, before: dict[str, int], cases: int
) -> tuple[float, float, float | None]:
    """COPY the rows the demo added to ``source`` (ids above ``before``; every row of a
    table without ids) into ``target``, an initialised database with the demo's users;
    its wall seconds, this process's CPU seconds and the server's (ServerCpu)."""
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    with psycopg.connect(_plain(source)) as src, psycopg.connect(_plain(target)) as tpl:
        for conn in (src, tpl):
            for kind in ("json", "jsonb"):  # JSON as its text: what COPY reads
                conn.adapters.register_loader(kind, TextLoader)
        for table in Base.metadata.sorted_tables:
            if table.name == "users":
                continue
            # In the ids' order: a row may refer to an earlier one of its table (an agent
            # to the party it represents), in an earlier transaction.
            where = f" WHERE id > {before[table.name]} ORDER BY id" if table.name in before else ""
            cursor = src.execute(f"SELECT * FROM {table.name}{where}")
            values = cursor.fetchall()
            if not where:  # no ids: the rows the initialised target lacks
                old = set(tpl.execute(f"SELECT * FROM {table.name}").fetchall())
                values = [v for v in values if v not in old]
            if values:
                assert cursor.description is not None
                rows[table.name] = ([c.name for c in cursor.description], values)
    share = max(1, -(-cases // CHUNK))
    with psycopg.connect(_plain(target)) as dst, ServerCpu(target) as server:
        started, cpu = time.perf_counter(), time.process_time()
        for name in search_index.POSTGRESQL_INDEXES:
            dst.execute(f"DROP INDEX IF EXISTS {name}")
        dst.commit()
        for name, (columns, values) in rows.items():  # parents first
            size = max(1, -(-len(values) // share))
            statement = f"COPY {name} ({', '.join(columns)}) FROM STDIN"
            for i in range(0, len(values), size):
                with dst.cursor() as cursor, cursor.copy(statement) as copy:
                    for value in values[i : i + size]:
                        copy.write_row(value)
                dst.commit()
        dst.execute("SET maintenance_work_mem = '256MB'")
        for sql in search_index.POSTGRESQL_INDEXES.values():
            dst.execute(sql)
        dst.commit()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return wall, cpu, server.seconds


class ServerCpu:
    """CPU seconds that a PostgreSQL server on this machine spends for a database while
    the block runs: its backends (``postgres: USER DATABASE HOST(PORT) ...``), the
    parallel workers of those (CREATE INDEX) and the autovacuum workers in it, read from
    /proc five times a second (what a process uses between its last look and its end is
    missed: the demo's and the floor's connections live long). None when the server's
    processes are not to be seen (another machine)."""

    def __init__(self, url: str) -> None:
        self.database = (make_url(url).database or "").encode()
        self.start: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self.visible = False

    def __enter__(self) -> ServerCpu:
        self.start = self._look()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._look()

    @property
    def seconds(self) -> float | None:
        if not self.visible:
            return None
        return sum(cpu - self.start.get(pid, 0.0) for pid, cpu in self.last.items())

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            self._look()

    def _look(self) -> dict[int, float]:
        tick = os.sysconf("SC_CLK_TCK")
        ours: dict[int, float] = {}
        workers: dict[int, tuple[int, float]] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/cmdline", "rb") as file:
                    words = file.read().replace(b"\0", b" ").split()
                if not words or words[0] != b"postgres:":
                    continue
                with open(f"/proc/{entry.name}/stat", "rb") as file:
                    fields = file.read().rsplit(b")", 1)[1].split()
            except OSError:  # ended meanwhile, or not ours to read
                continue
            self.visible = True
            cpu = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            pid = int(entry.name)
            if words[1:4] == [b"parallel", b"worker", b"for"] and len(words) > 5:
                workers[pid] = (int(words[5]), cpu)
            elif (len(words) > 2 and words[2] == self.database) or (
                words[1:3] == [b"autovacuum", b"worker"] and words[-1] == self.database
            ):
                ours[pid] = cpu
        for pid, (leader, cpu) in workers.items():
            if leader in ours:
                ours[pid] = cpu
        self.last.update(ours)
        return ours


def _ratio(app: float, floor: float) -> str:
    ratio = app / floor
    verdict = "reached" if ratio <= GOAL else "NOT reached"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"ratio {ratio:.2f} (goal <= {GOAL}: {verdict}); load average {load}"


def _seconds(value: float | None) -> str:
    return "not visible" if value is None else f"{value:.1f} s"


def cpu_time() -> float:
    """CPU seconds of this process and of its ended child processes."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class _StageTimer:
    """Wall and CPU seconds of a stage of the demo (wraps ``module.name`` for the run)."""

    def __init__(self, module: Any, name: str) -> None:
        self.wall = self.cpu = 0.0
        self.real = getattr(module, name)
        setattr(module, name, self)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return self.real(*args, **kwargs)
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.process_time() - cpu

    def line(self, what: str) -> str:
        return f"  of which {what}: {self.wall:.1f} s (CPU {self.cpu:.1f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--database-url", help="PostgreSQL admin URL (default: SQLite)")
    parser.add_argument(
        "--name", default="ipdesk_bench_demo", help="PostgreSQL: the databases' name (and _floor)"
    )
    args = parser.parse_args()
    today = dt.date(2026, 11, 27)
    stage = _StageTimer(demo_generator, "add_demo_adjudications")
    summary_stage = _StageTimer(dashboard_summary, "rebuild")

    def stages(adjudicated: int) -> None:
        print(stage.line(f"{adjudicated} adjudicated cases"))
        print(summary_stage.line("the dashboard summary's computation"), flush=True)

    if args.database_url:
        url = fresh_pg(args.database_url, args.name)
        floor_url = fresh_pg(args.database_url, f"{args.name}_floor")
        engine = make_engine(url)
        initialise(engine)
        before = _max_ids(url)
        engine.dispose()  # the demo's backends start with it
        with ServerCpu(url) as server:
            cpu = cpu_time()
            summary = generate(make_session_factory(engine), cases=args.cases, seed=1, today=today)
            cpu = cpu_time() - cpu
        with engine.connect() as pg_conn:
            size = pg_conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        engine.dispose()
        # The floor's target: initialised, with the users the generator created.
        engine = make_engine(floor_url)
        initialise(engine)
        engine.dispose()
        with psycopg.connect(_plain(url)) as pg_src, psycopg.connect(_plain(floor_url)) as pg_dst:
            cursor = pg_src.execute("SELECT * FROM users")
            pg_users = cursor.fetchall()
            assert cursor.description is not None
            names = ", ".join(c.name for c in cursor.description)
            pg_dst.execute("DELETE FROM users")
            with (
                pg_dst.cursor() as pg_out,
                pg_out.copy(f"COPY users ({names}) FROM STDIN") as copy,
            ):
                for user in pg_users:
                    copy.write_row(user)
        print(
            f"postgresql  demo {args.cases:,} cases: {summary.seconds:.1f} s"
            f" (CPU: client {cpu:.1f} s, server {_seconds(server.seconds)}),"
            f" {size / 2**20:,.0f} MiB",
            flush=True,
        )
        stages(summary.adjudicated)
        floor, floor_cpu, floor_server = floor_pg(url, floor_url, before, args.cases)
        print(
            f"postgresql  floor (same rows, COPY): {floor:.1f} s"
            f" (CPU: client {floor_cpu:.1f} s, server {_seconds(floor_server)})"
        )
        print(_ratio(summary.seconds, floor))
        if server.seconds is not None and floor_server is not None:
            app_cpu, floor_total = cpu + server.seconds, floor_cpu + floor_server
            print(
                f"CPU ratio {app_cpu / floor_total:.2f} (client and server:"
                f" {app_cpu:.1f} s against the floor's {floor_total:.1f} s)"
            )
        admin = create_engine(args.database_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as admin_conn:
            for name in (args.name, f"{args.name}_floor"):
                admin_conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
        return

    # The databases (a million cases: gigabytes) go with the folder when done.
    with tempfile.TemporaryDirectory(prefix="ipdesk-bench-") as tmp:
        folder = Path(tmp)
        db = folder / "demo.sqlite3"
        engine = make_engine(f"sqlite:///{db}")
        initialise(engine)
        engine.dispose()
        template = folder / "empty.sqlite3"
        with sqlite3.connect(db) as conn:
            conn.execute("VACUUM INTO ?", (str(template),))  # users are created by generate()
        engine = make_engine(f"sqlite:///{db}")
        cpu = cpu_time()
        summary = generate(make_session_factory(engine), cases=args.cases, seed=1, today=today)
        cpu = cpu_time() - cpu
        with engine.connect() as connection:
            connection.exec_driver_sql("COMMIT")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        size = os.path.getsize(db)
        # The floor's target needs the users the generator created: copy them over first.
        target = folder / "floor.sqlite3"
        with sqlite3.connect(template) as t, sqlite3.connect(target) as out:
            t.backup(out)
        with sqlite3.connect(db) as src, sqlite3.connect(target) as out:
            users = src.execute("SELECT * FROM users").fetchall()
            out.execute("DELETE FROM users")
            out.executemany(f"INSERT INTO users VALUES ({','.join('?' * len(users[0]))})", users)
        print(
            f"sqlite  demo {args.cases:,} cases: {summary.seconds:.1f} s"
            f" (CPU {cpu:.1f} s), {size / 2**20:,.0f} MiB",
            flush=True,
        )
        stages(summary.adjudicated)
        floor, floor_cpu = floor_sqlite(db, template, target, args.cases)
        print(f"sqlite  floor (same rows, bare executemany): {floor:.1f} s (CPU {floor_cpu:.1f} s)")
        print(_ratio(summary.seconds, floor))
        # On a shared machine the wall times depend on the others' load at the moment;
        # the CPU times less so.
        print(f"CPU ratio {cpu / floor_cpu:.2f} (the generator's processes against the floor's)")


if __name__ == "__main__":
    main()
