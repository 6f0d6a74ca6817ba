"""Benchmark of the start-up file check (``integrity.check_files(verify_hashes=False)``).

    .venv/bin/python benchmarks/bench_file_check.py                    # 200,000 records
    .venv/bin/python benchmarks/bench_file_check.py --records 1000000 --repeat 3
    .venv/bin/python benchmarks/bench_file_check.py --url sqlite:////tmp/x/copy.sqlite3
    .venv/bin/python benchmarks/bench_file_check.py --url postgresql+psycopg://.../copy

Run it on a copy: a database with fewer than ``--records`` evidence records gets a demo
(``ipdesk-admin demo --cases 100``) when it has no cases, then synthetic evidence records
up to ``--records``, each with a content of its own (one chunk of 1,000 bytes, its real
SHA-256), spread over the cases. Nothing is written while measuring.

Measured, each ``--repeat`` times after one warm-up (median printed):

* ``app``: the background check of a desktop start, ``check_files`` with an empty folder
  for the files (the walk costs nothing; the folders hold only the copies opened).
* ``floor``: the same problem-finding SQL (the counts, the contents whose chunks do not
  add up, the records whose content is missing or of another size, the contents no record
  names), compiled from the app's statements and run through the raw driver (``sqlite3`` /
  ``psycopg``, ``fetchall()``) in the same run.

Each in wall time and CPU time: this process's (SQLite runs in it; its statements run
without holding the interpreter's lock) plus, on a PostgreSQL server on this machine, the
connection's server process's (``/proc/PID/schedstat``); ``client`` is this process's
alone. ``window``: the longest pause of a thread ticking every 2 ms while the check runs
on another (the window's event loop while a pool thread checks: what the interpreter's
lock held by the check costs the user). Goal (issue 18): the check costs about
what its SQL costs (ratio about 1). The load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.sql import ClauseElement

from ipdesk import db
from ipdesk.models import Case
from ipdesk.models.base import utcnow
from ipdesk.services.infra import blobs, integrity

GOAL_RATIO = 1.2
BATCH = 5_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=None, help="database URL (default: a temporary SQLite)")
    parser.add_argument("--records", type=int, default=200_000, help="evidence records wanted")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-fc-')) / 'b.sqlite3'}"
    engine = db.make_engine(url)
    try:
        ensure_records(engine, url, args.records)
        return run(engine, url, args.repeat)
    finally:
        engine.dispose()


def ensure_records(engine: Engine, url: str, wanted: int) -> None:
    with engine.connect() as conn:
        try:
            cases = conn.scalar(select(func.count()).select_from(Case)) or 0
        except Exception:  # no tables yet
            conn.rollback()
            cases = 0
    if cases == 0:
        print("generating a demo of 100 cases ...", flush=True)
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from ipdesk.cli import main; sys.exit(main())",
                "--database-url",
                url,
                "demo",
                "--cases",
                "100",
                "--seed",
                "1",
            ],
            check=True,
        )
    add_records(engine, wanted)


def add_records(engine: Engine, wanted: int) -> None:
    """Synthetic evidence records up to ``wanted``, each with a content of its own."""
    attachments = integrity.ATTACHMENTS
    with engine.begin() as conn:
        have = conn.scalar(select(func.count()).select_from(attachments)) or 0
        case_ids = list(conn.scalars(select(Case.id).order_by(Case.id)))
        first = have  # numbers the contents (the records' ids are the database's)
    if have >= wanted:
        return
    print(f"adding {wanted - have:,} evidence records (have {have:,}) ...", flush=True)
    now = utcnow()
    for start in range(first, first + wanted - have, BATCH):
        rows, contents, chunks = [], [], []
        for n in range(start, min(start + BATCH, first + wanted - have)):
            data = f"bench-{n:012d}|".encode() * 50  # 1,000 bytes
            sha = hashlib.sha256(data).hexdigest()
            case_id = case_ids[n % len(case_ids)]
            rows.append(
                {
                    "case_id": case_id,
                    "original_name": f"b{n}.pdf",
                    "stored_name": f"{case_id}/{sha}.pdf",
                    "sha256": sha,
                    "size": len(data),
                    "added_at": now,
                }
            )
            contents.append(
                {"sha256": sha, "size": len(data), "kind": "pdf", "chunks": 1, "created_at": now}
            )
            chunks.append({"sha256": sha, "seq": 0, "data": data})
        with engine.begin() as conn:
            conn.execute(insert(blobs.BLOBS), contents)
            conn.execute(insert(blobs.CHUNKS), chunks)
            conn.execute(insert(attachments), rows)


def floor_statements(dialect: str) -> list[ClauseElement]:
    """The SQL of a check of a database without problems (see the module)."""
    count = func.count()
    return [
        select(count).select_from(blobs.BLOBS),
        blobs.chunk_problems_query(),
        select(count).select_from(integrity.ATTACHMENTS),
        integrity.record_problems_query(integrity.ATTACHMENTS, ()),
        select(count).select_from(integrity.DOCUMENTS),
        integrity.record_problems_query(integrity.DOCUMENTS, ()),
        integrity.unreferenced_contents_query(dialect),
    ]


def run(engine: Engine, url: str, repeat: int) -> int:
    sqls = [
        str(s.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
        for s in floor_statements(engine.dialect.name)
    ]
    folder = Path(tempfile.mkdtemp(prefix="bench-fc-files-"))
    factory = db.make_session_factory(engine)
    with factory() as s:
        records = s.scalar(select(func.count()).select_from(integrity.ATTACHMENTS)) or 0

    def app() -> tuple[int, tuple[float, float, float]]:
        with factory() as s:
            pid = _backend_pid(s)
            started = _clocks(pid)
            report = integrity.check_files(s, folder, folder, verify_hashes=False)
            took = _since(started, pid)
        return len(report.problems), took

    raw, pid = _raw_connection(url)

    def floor() -> tuple[int, tuple[float, float, float]]:
        started = _clocks(pid)
        rows = 0
        cursor = raw.cursor()
        for sql in sqls:
            cursor.execute(sql)
            rows += len(cursor.fetchall())
        raw.rollback()
        return rows, _since(started, pid)

    results: dict[str, list[tuple[float, float, float]]] = {"app": [], "floor": []}
    for n in range(repeat + 1):  # the first round warms up
        for name, measured in (("app", app), ("floor", floor)):
            _rows, took = measured()
            if n:
                results[name].append(took)
    raw.close()
    pause = longest_pause(lambda: app())
    load = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    print(f"{make_url(url).get_backend_name()}, {records:,} evidence records, repeat {repeat}")
    medians = {
        name: tuple(statistics.median(t[i] for t in times) for i in range(3))
        for name, times in results.items()
    }
    for name, (wall, cpu, client) in medians.items():
        print(f"{name:<6} wall {wall:7.3f} s   cpu {cpu:7.3f} s   client cpu {client:7.3f} s")
    app_m, floor_m = medians["app"], medians["floor"]
    print(
        f"ratio  wall {app_m[0] / floor_m[0]:.2f}   cpu {app_m[1] / floor_m[1]:.2f}   "
        f"goal: cpu ratio <= {GOAL_RATIO}"
    )
    print(
        f"window longest pause {pause * 1000:.0f} ms (a thread ticking every 2 ms while the "
        "check runs on another, as the window's while a pool thread checks)"
    )
    print(f"load   {load} (1, 5, 15 min)")
    return 0


def longest_pause(check: Callable[[], object]) -> float:
    """The longest gap between the ticks of this thread, sleeping 2 ms between them, while
    ``check`` runs on another: how long the check keeps the interpreter's lock from the
    window."""
    done = threading.Event()

    def run_check() -> None:
        try:
            check()
        finally:
            done.set()

    worker = threading.Thread(target=run_check)
    longest = 0.0
    last = time.perf_counter()
    worker.start()
    while not done.is_set():
        time.sleep(0.002)
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    return longest


def _raw_connection(url: str) -> tuple[Any, int | None]:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return sqlite3.connect(parsed.database or ""), None
    import psycopg

    conn = psycopg.connect(
        host=parsed.host,
        port=parsed.port,
        user=parsed.username,
        password=parsed.password,
        dbname=parsed.database,
    )
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()
    conn.rollback()
    return conn, pid[0] if pid else None


def _backend_pid(session: Any) -> int | None:
    if session.get_bind().dialect.name != "postgresql":
        return None
    pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
    return int(pid) if pid is not None else None


def _backend_cpu(pid: int | None) -> float:
    if pid is None:
        return 0.0
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


Clocks = tuple[float, float, float]


def _clocks(pid: int | None) -> Clocks:
    gc.collect()
    client = time.process_time()
    return time.perf_counter(), client + _backend_cpu(pid), client


def _since(started: Clocks, pid: int | None) -> tuple[float, float, float]:
    client = time.process_time()
    return (
        time.perf_counter() - started[0],
        client + _backend_cpu(pid) - started[1],
        client - started[2],
    )


if __name__ == "__main__":
    sys.exit(main())
