"""How fast `ipdesk-admin demo` fills a database, against the floor of the same INSERTs.

    .venv/bin/python benchmarks/bench_demo.py --cases 100000 [--database-url URL]

1. ipdesk's generator writes N cases into a fresh database (default: a temporary SQLite
   file; with --database-url, a PostgreSQL database that must be empty).
2. The floor (SQLite): the rows it wrote (every table it added to, the later stages'
   too) are read back and inserted again, table by table in transactions of 5,000 cases'
   rows, into a second fresh database through bare sqlite3 executemany, the search index
   written the same way as the generator does (insert triggers dropped, one INSERT …
   SELECT per search table and transaction, triggers created again, 'optimize' at the
   end): the same SQL with none of the generation work.
Prints both times, the ratio, the database size, and the CPU time of the generator: this
process's and its worker processes' (demo/worker.py), which produce the cases of
a large load, and then its partner-agency records and follow-up visits, on another core.
Also the time of the adjudicated cases (demo/adjudication.py: taken through the track by
its use cases, in addition to the N ordinary ones), included in the generator's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ipdesk.db import make_engine, make_session_factory
from ipdesk.demo import generator as demo_generator
from ipdesk.demo.generator import CHUNK, OPTIMIZE_MIN_CASES, generate
from ipdesk.models import Base
from ipdesk.services.admin.setup import initialise
from ipdesk.services.queries import search_index

#: The search index's insert triggers, dropped around each transaction of the floor.
INSERT_TRIGGERS = {
    name: sql
    for sql in search_index.SQLITE_TRIGGERS
    for name in [sql.split()[2]]
    if name.endswith("_ai")
}


def fresh_pg(admin_url: str, name: str) -> str:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _new_rows(src: sqlite3.Connection, template: sqlite3.Connection) -> dict[str, list[Any]]:
    """The rows the demo added, per table with an id (parents first)."""
    out = {}
    for table in Base.metadata.sorted_tables:
        if table.name == "users" or "id" not in table.c:
            continue
        before = template.execute(f"SELECT coalesce(max(id), 0) FROM {table.name}").fetchone()
        rows = src.execute(f"SELECT * FROM {table.name} WHERE id > ?", before).fetchall()
        if rows:
            out[table.name] = rows
    return out


def floor_sqlite(source: Path, template: Path, target: Path, cases: int) -> float:
    """Copy the generated rows into an initialised copy with bare sqlite3 executemany."""
    with sqlite3.connect(source) as src, sqlite3.connect(template) as tpl:
        rows = _new_rows(src, tpl)
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA foreign_keys = ON")
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    share = max(1, -(-cases // CHUNK))  # transactions: as many as the generator's chunks
    started = time.perf_counter()
    for table, table_rows in rows.items():  # parents first
        size = max(1, -(-len(table_rows) // share))
        indexed = table in ("cases", "parties")
        for i in range(0, len(table_rows), size):
            part = table_rows[i : i + size]
            dst.execute("BEGIN IMMEDIATE")
            if indexed:
                last = {
                    t: dst.execute(f"SELECT max(id) FROM {t}").fetchone()[0] or 0
                    for t in ("cases", "parties")
                }
                for name in INSERT_TRIGGERS:
                    dst.execute(f"DROP TRIGGER {name}")
            dst.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(part[0]))})", part)
            if indexed:
                fill_cases, fill_parties, fill_grams = search_index.sqlite_fill("id > ?")
                dst.execute(fill_cases, (last["cases"],))
                dst.execute(fill_parties, (last["parties"],))
                dst.execute(fill_grams, (last["parties"],))
                for sql in INSERT_TRIGGERS.values():
                    dst.execute(sql)
            dst.execute("COMMIT")
    if cases >= OPTIMIZE_MIN_CASES:
        dst.execute("BEGIN IMMEDIATE")
        for sql in search_index.SQLITE_FILL[3:]:
            dst.execute(sql)
        dst.execute("COMMIT")
    dst.close()
    return time.perf_counter() - started


def cpu_time() -> float:
    """CPU seconds of this process and of its ended child processes."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class _StageTimer:
    """Wall and CPU seconds of the demo's adjudication stage (wraps the generator's call)."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0
        self.real = demo_generator.add_demo_adjudications
        demo_generator.add_demo_adjudications = self

    def __call__(self, *args: Any, **kwargs: Any) -> int:
        wall, cpu = time.perf_counter(), time.process_time()
        added = self.real(*args, **kwargs)
        self.wall += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu
        return added

    def line(self, adjudicated: int) -> str:
        each = self.cpu / max(adjudicated, 1)
        return (
            f"  of which {adjudicated} adjudicated cases: {self.wall:.1f} s"
            f" (CPU {self.cpu:.1f} s, {each:.2f} s a case)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--database-url", help="PostgreSQL admin URL (default: SQLite)")
    args = parser.parse_args()
    today = dt.date(2026, 11, 27)
    stage = _StageTimer()

    if args.database_url:
        url = fresh_pg(args.database_url, "ipdesk_bench_demo")
        engine = make_engine(url)
        initialise(engine)
        cpu = cpu_time()
        summary = generate(make_session_factory(engine), cases=args.cases, seed=1, today=today)
        cpu = cpu_time() - cpu
        with engine.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        engine.dispose()
        mib = size / 2**20
        print(
            f"postgresql  demo {args.cases:,} cases: {summary.seconds:.1f} s"
            f" (client CPU {cpu:.1f} s), {mib:,.0f} MiB"
        )
        print(stage.line(summary.adjudicated))
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
        with engine.connect() as conn:
            conn.exec_driver_sql("COMMIT")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
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
        floor = floor_sqlite(db, template, target, args.cases)
        print(
            f"sqlite  demo {args.cases:,} cases: {summary.seconds:.1f} s"
            f" (CPU {cpu:.1f} s), {size / 2**20:,.0f} MiB"
        )
        print(stage.line(summary.adjudicated))
        print(f"sqlite  floor (same rows, bare executemany): {floor:.1f} s")
        print(f"ratio {summary.seconds / floor:.2f}")


if __name__ == "__main__":
    main()
