"""How fast `ipdesk-admin demo` fills a database, against the floor of the same INSERTs.

    .venv/bin/python benchmarks/bench_demo.py --cases 100000 [--database-url URL]

1. ipdesk's generator writes N cases into a fresh database (default: a temporary SQLite
   file; with --database-url, a PostgreSQL database that must be empty).
2. The floor: the rows it wrote are read back and inserted again, table by table, into a
   second fresh database through the bare driver (sqlite3 / psycopg executemany) — the
   same SQL with none of the generation work.
Prints both times, the ratio, and the database size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ipdesk.db import make_engine, make_session_factory
from ipdesk.services.demo import generate
from ipdesk.services.setup import initialise

TABLES = ("cases", "parties", "case_events", "case_limits", "clock_adjustments")


def fresh_pg(admin_url: str, name: str) -> str:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def floor_sqlite(source: Path, target: Path) -> float:
    """Copy the generated rows into an initialised copy with bare sqlite3 executemany."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA foreign_keys = ON")
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    rows = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}
    started = time.perf_counter()
    for table in TABLES:  # parents first; one transaction per 20,000 rows
        part_rows = rows[table]
        for i in range(0, len(part_rows), 20_000):
            part = part_rows[i : i + 20_000]
            dst.execute("BEGIN IMMEDIATE")
            dst.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(part[0]))})", part)
            dst.execute("COMMIT")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--database-url", help="PostgreSQL admin URL (default: SQLite)")
    args = parser.parse_args()
    today = dt.date(2026, 11, 27)

    if args.database_url:
        url = fresh_pg(args.database_url, "ipdesk_bench_demo")
        engine = make_engine(url)
        initialise(engine)
        summary = generate(make_session_factory(engine), cases=args.cases, seed=1, today=today)
        with engine.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        engine.dispose()
        mib = size / 2**20
        print(f"postgresql  demo {args.cases:,} cases: {summary.seconds:.1f} s, {mib:,.0f} MiB")
        return

    folder = Path(tempfile.mkdtemp(prefix="ipdesk-bench-"))
    db = folder / "demo.sqlite3"
    engine = make_engine(f"sqlite:///{db}")
    initialise(engine)
    engine.dispose()
    template = folder / "empty.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("VACUUM INTO ?", (str(template),))  # users are created by generate()
    engine = make_engine(f"sqlite:///{db}")
    summary = generate(make_session_factory(engine), cases=args.cases, seed=1, today=today)
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
    floor = floor_sqlite(db, target)
    print(f"sqlite  demo {args.cases:,} cases: {summary.seconds:.1f} s, {size / 2**20:,.0f} MiB")
    print(f"sqlite  floor (same rows, bare executemany): {floor:.1f} s")
    print(f"ratio {summary.seconds / floor:.2f}")


if __name__ == "__main__":
    main()
