"""Benchmark of the alert scan (and of recomputing all open limits) on a demo database.

    .venv/bin/python benchmarks/bench_scan.py                      # quick: 20,000 cases
    .venv/bin/python benchmarks/bench_scan.py --url sqlite:////tmp/m1.sqlite3 --cases 1000000
    .venv/bin/python benchmarks/bench_scan.py --url postgresql+psycopg://... --cases 1000000

When the database holds fewer than ``--cases`` cases, the rest is generated first with
``ipdesk-admin demo`` (reference day ``--today``). Every measured operation runs in a
transaction that is rolled back, so the database is left as it was and runs repeat.

Measured, each ``--repeat`` times after one warm-up (min and median printed):

* ``first scan``: the scan on a database without alerts (creates every due alert),
* ``steady scan``: a scan right after another at the same moment (creates none),
* ``refresh all open``: recomputing every open limit, as after a rule or holiday change,
* ``floor``: the scan's SELECT of the running limits due by the horizon, through the raw
  driver (``sqlite3`` / ``psycopg``) with ``fetchall()`` — what no scan can beat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.engine import make_url

from ipdesk import db
from ipdesk.models import Case, CaseLimit, LimitState
from ipdesk.services.admin.setup import initialise
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.limits import (
    BEIJING,
    OPEN_LIMIT_STATES,
    LimitContext,
    legal_today,
    refresh_all_open,
)

FLOOR_SQL = (
    "SELECT id, case_id, kind, due_on FROM case_limits "
    "WHERE state = 'running' AND due_on IS NOT NULL AND due_on <= {param}"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=None, help="database URL (default: a temporary SQLite)")
    parser.add_argument("--cases", type=int, default=20_000, help="cases wanted (default 20000)")
    parser.add_argument("--today", default="2026-11-27", help="demo reference day")
    parser.add_argument("--now", default=None, help="scan moment (default: --today 09:00 CST)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-scan-')) / 'b.sqlite3'}"
    today = dt.date.fromisoformat(args.today)
    now = (
        dt.datetime.fromisoformat(args.now)
        if args.now
        else dt.datetime(today.year, today.month, today.day, 9, tzinfo=BEIJING)
    )
    if now.tzinfo is None:
        now = now.replace(tzinfo=BEIJING)
    engine = db.make_engine(url)
    try:
        ensure_cases(engine, url, args.cases, args.today)
        return run(engine, url, now, args.repeat)
    finally:
        engine.dispose()


def ensure_cases(engine: Engine, url: str, wanted: int, today: str) -> None:
    if "offices" not in inspect(engine).get_table_names():
        initialise(engine)
    with db.make_session_factory(engine)() as s:
        have = s.scalar(select(func.count()).select_from(Case)) or 0
    if have >= wanted:
        return
    print(f"generating {wanted - have:,} demo cases (have {have:,}) ...", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ipdesk.cli import main; sys.exit(main())",
            "--database-url",
            url,
            "demo",
            "--cases",
            str(wanted - have),
            "--today",
            today,
        ],
        check=True,
    )


def timed(repeat: int, func: Callable[[], Any]) -> tuple[list[float], Any]:
    func()  # warm-up: caches, prepared plans
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return times, result


def run(engine: Engine, url: str, now: dt.datetime, repeat: int) -> int:
    factory = db.make_session_factory(engine)
    with factory() as s:
        cases = s.scalar(select(func.count()).select_from(Case)) or 0
        limits = s.scalar(select(func.count()).select_from(CaseLimit)) or 0
        open_limits = (
            s.scalar(
                select(func.count())
                .select_from(CaseLimit)
                .where(CaseLimit.state.in_(OPEN_LIMIT_STATES))
            )
            or 0
        )
        running = (
            s.scalar(
                select(func.count())
                .select_from(CaseLimit)
                .where(CaseLimit.state == LimitState.RUNNING)
            )
            or 0
        )
        horizon = legal_today(now) + dt.timedelta(days=LimitContext.load(s).horizon_days)

    def first_scan() -> Any:
        with factory() as s:
            s.begin()
            result = scan_alerts(s, now)
            s.rollback()
        return result

    def steady_scan() -> Any:
        with factory() as s:
            s.begin()
            scan_alerts(s, now)
            started = time.perf_counter()
            result = scan_alerts(s, now)
            elapsed = time.perf_counter() - started
            s.rollback()
        return elapsed, result

    def refresh() -> Any:
        with factory() as s:
            s.begin()
            summary = refresh_all_open(s)
            s.rollback()
        return summary

    first_times, first = timed(repeat, first_scan)
    steady_times: list[float] = []
    steady: Any = None
    steady_scan()
    for _ in range(repeat):
        elapsed, steady = steady_scan()
        steady_times.append(elapsed)
    refresh_times, summary = timed(max(1, repeat // 2), refresh)
    with RawFloor(url, horizon) as floor_query:
        floor_times, floor_rows = timed(repeat, floor_query)

    floor = min(floor_times)
    print(f"database      {db.describe(url)}")
    print(
        f"cases         {cases:,}   limits {limits:,}   open {open_limits:,}   running {running:,}"
    )
    print(f"scan at       {now.isoformat()} (horizon {horizon})")
    print(f"examined      {first.examined:,} limits; first scan creates {first.created:,}")
    print(f"{'':32}{'min':>10}{'median':>10}{'x floor':>10}")
    rows = [
        ("first scan", first_times),
        ("steady scan (creates 0)", steady_times),
        (f"refresh all open ({summary.examined:,})", refresh_times),
        (f"floor: raw SELECT ({len(floor_rows):,} rows)", floor_times),
    ]
    for label, times in rows:
        print(
            f"{label:32}{min(times) * 1000:>8.1f}ms{statistics.median(times) * 1000:>8.1f}ms"
            f"{min(times) / floor:>10.1f}"
        )
    assert steady.created == 0
    return 0


class RawFloor:
    """The scan's SELECT of due limits on one open raw driver connection."""

    def __init__(self, url: str, horizon: dt.date) -> None:
        self.url = make_url(url)
        self.horizon = horizon
        self.conn: Any = None
        self.sql = ""
        self.params: tuple[object, ...] = ()

    def __enter__(self) -> RawFloor:
        if self.url.get_backend_name() == "sqlite":
            import sqlite3

            self.conn = sqlite3.connect(self.url.database or ":memory:")
            self.sql, self.params = FLOOR_SQL.format(param="?"), (self.horizon.isoformat(),)
        else:
            import psycopg

            dsn = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
            self.conn = psycopg.connect(dsn)
            self.sql, self.params = FLOOR_SQL.format(param="%s"), (self.horizon,)
        return self

    def __call__(self) -> list[Any]:
        rows = self.conn.execute(self.sql, self.params).fetchall()
        self.conn.rollback()
        return list(rows)

    def __exit__(self, *_exc: object) -> None:
        self.conn.close()


if __name__ == "__main__":
    raise SystemExit(main())
