"""Benchmark of the alert scan and of recomputing all open limits on a demo database.

    .venv/bin/python benchmarks/bench_scan.py                      # quick: 20,000 cases
    .venv/bin/python benchmarks/bench_scan.py --url sqlite:////work/bench/copy.sqlite3
    .venv/bin/python benchmarks/bench_scan.py --url postgresql+psycopg://.../copy

Run it on a copy: a database with fewer than ``--cases`` cases gets the rest generated
first (``ipdesk-admin demo``, reference day ``--today``). Every measured operation runs in
a transaction that is rolled back, so the database is left as it was and runs repeat.

Measured, each ``--repeat`` times after one warm-up (median and min printed), each with its
floor measured in the same run through the raw driver (``sqlite3`` / ``psycopg``,
``fetchall()``), the ratio of the median to the floor, and the goal (issue 18):

* ``first scan``: the scan on a database without alerts, as after a quiet week on a new
  installation (the alerts are deleted, untimed, in the transaction; the scan creates
  every due alert). Floor: the running limits due by the horizon (id, case, kind, due
  date), the rows any scan must read. Goal: 0.5 s.
* ``steady scan``: a scan right after another at the same moment (creates none).
  Same floor.
* ``refresh all open``: recomputing every open limit, as after a rule or holiday change
  that moves no due date. Floor: the open limits (id, kind, start, due date, state,
  coverage), the rows any refresh must read. Goal: 0.5 s.
* ``refresh, handling 60 -> 45 days`` (``--rule-change``): the same after a rule change that
  moves every open handling limit and its case's due date (no goal in the issue). Floor:
  the writes any such change makes, through the raw driver: the open handling limits'
  due dates moved by 15 days, and their cases' (every index on ``cases`` rewritten for
  each), in a transaction rolled back.

Each figure also in CPU time (``cpu``), with its floor's: the work done, which a loaded
machine's waits for a core leave out. SQLite runs in the process: this process's CPU time.
PostgreSQL: this process's and that of the connection's server process when the server runs
on this machine (``/proc/PID/schedstat``; the client's part only otherwise). The load
average is printed with the figures: on a shared machine every figure is only comparable
with the floor of the same run.
``--explain`` prints the plans of the scan's and the refresh's statements.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Engine, delete, event, func, inspect, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from ipdesk import db
from ipdesk.models import Alert, Case, CaseLimit, LimitKind, LimitRule, LimitState
from ipdesk.services.admin.setup import initialise
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.limits import (
    OPEN_LIMIT_STATES,
    LimitContext,
    refresh_all_open,
)
from ipdesk.services.rules.deadlines import BEIJING, legal_today

GOAL_S = 0.5

# The open limits' condition as ix_case_limits_open's (migration 0016) with the running
# state too, as the scan writes it: the floor reads the same index range.
SCAN_FLOOR_SQL = (
    "SELECT id, case_id, kind, due_on FROM case_limits "
    "WHERE state IN ('running', 'paused') AND state = 'running' "
    "AND due_on IS NOT NULL AND due_on <= {param}"
)
REFRESH_FLOOR_SQL = (
    "SELECT id, kind, start_on, due_on, state, calendar_covered FROM case_limits "
    "WHERE state IN ('running', 'paused')"
)
_OPEN_HANDLING = (
    "state IN ('running', 'paused') AND kind = 'handling' AND ref_key = 0 AND due_on IS NOT NULL"
)
#: The rule change's writes ({minus15}: the dialect's due_on - 15 days).
RULE_FLOOR_SQL = (
    f"UPDATE case_limits SET due_on = {{minus15}} WHERE {_OPEN_HANDLING}",
    f"UPDATE cases SET due_on = {{minus15}} WHERE id IN "
    f"(SELECT case_id FROM case_limits WHERE {_OPEN_HANDLING})",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=None, help="database URL (default: a temporary SQLite)")
    parser.add_argument("--cases", type=int, default=20_000, help="cases wanted (default 20000)")
    parser.add_argument("--today", default=None, help="demo reference day (default: today)")
    parser.add_argument("--now", default=None, help="scan moment (default: --today 09:00 CST)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rule-change", action="store_true", help="also time a rule change")
    parser.add_argument("--explain", action="store_true", help="print the statements' plans")
    args = parser.parse_args()

    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-scan-')) / 'b.sqlite3'}"
    today = dt.date.fromisoformat(args.today) if args.today else legal_today()
    now = (
        dt.datetime.fromisoformat(args.now)
        if args.now
        else dt.datetime(today.year, today.month, today.day, 9, tzinfo=BEIJING)
    )
    if now.tzinfo is None:
        now = now.replace(tzinfo=BEIJING)
    engine = db.make_engine(url)
    try:
        ensure_cases(engine, url, args.cases, today.isoformat())
        if args.explain:
            explain(engine, now)
        return run(engine, url, now, args.repeat, args.rule_change)
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


def run(engine: Engine, url: str, now: dt.datetime, repeat: int, rule_change: bool) -> int:
    factory = db.make_session_factory(engine)
    with factory() as s:
        cases = s.scalar(select(func.count()).select_from(Case)) or 0
        open_limits = count_limits(s, CaseLimit.state.in_(OPEN_LIMIT_STATES))
        running = count_limits(s, CaseLimit.state == LimitState.RUNNING)
        alerts = s.scalar(select(func.count()).select_from(Alert)) or 0
        horizon = legal_today(now) + dt.timedelta(days=LimitContext.load(s).horizon_days)
    # What the runs found, kept as counts: a scan's result (58,000 alerts at 1,000,000
    # cases) kept alive through the next run made the collector's passes in that run walk
    # it, a cost of the benchmark's, not of the scan's.
    found: dict[str, Any] = {}

    def first_scan() -> Times:
        with factory() as s:
            s.begin()
            no_alerts(s)
            started = start(backend_pid(s))
            result = scan_alerts(s, now)
            elapsed = since(started)
            s.rollback()
        found["first"] = (result.examined, result.created)
        return elapsed

    def steady_scan() -> Times:
        with factory() as s:
            s.begin()
            scan_alerts(s, now)
            started = start(backend_pid(s))
            result = scan_alerts(s, now)
            elapsed = since(started)
            s.rollback()
        found["steady"] = (result.examined, result.created)
        return elapsed

    def refresh() -> Times:
        with factory() as s:
            s.begin()
            started = start(backend_pid(s))
            found["refresh"] = refresh_all_open(s)
            elapsed = since(started)
            s.rollback()
        return elapsed

    def refresh_after_rule_change() -> Times:
        with factory() as s:
            s.begin()
            s.execute(update(LimitRule).where(LimitRule.kind == LimitKind.HANDLING).values(days=45))
            s.flush()
            started = start(backend_pid(s))
            found["rule"] = refresh_all_open(s)
            elapsed = since(started)
            s.rollback()
        return elapsed

    rows: list[tuple[str, list[Times], list[Times], bool]] = []
    with RawFloor(url) as floor:
        scan_floor = lambda: floor(SCAN_FLOOR_SQL, (horizon,))  # noqa: E731
        refresh_floor = lambda: floor(REFRESH_FLOOR_SQL, ())  # noqa: E731
        # Each operation and its floor alternately, so that both see the same load.
        first_times, first_floor = interleaved(repeat, first_scan, scan_floor, floor.pid)
        steady_times, steady_floor = interleaved(repeat, steady_scan, scan_floor, floor.pid)
        refresh_times, refresh_floor_times = interleaved(
            max(1, repeat // 2 + 1), refresh, refresh_floor, floor.pid
        )
        rows.append(("first scan", first_times, first_floor, True))
        rows.append(("steady scan (creates 0)", steady_times, steady_floor, False))
        rows.append(("refresh all open", refresh_times, refresh_floor_times, True))
        if rule_change:
            rule_times, rule_floor = interleaved(
                1, refresh_after_rule_change, floor.rule_change, floor.pid
            )
            rows.append(("refresh, handling 60 -> 45 days", rule_times, rule_floor, False))
        scan_rows = len(floor(SCAN_FLOOR_SQL, (horizon,), rows=True))

    (examined, created), steady, summary = found["first"], found["steady"], found["refresh"]
    print(f"database      {db.describe(url)}")
    print(
        f"cases         {cases:,}   open limits {open_limits:,}   running {running:,}"
        f"   alerts {alerts:,}"
    )
    print(f"scan at       {now.isoformat()} (horizon {horizon})")
    print(
        f"first scan    examined {examined:,}, created {created:,} (floor reads {scan_rows:,} rows)"
    )
    print(f"refresh       {summary}")
    if "rule" in found:
        print(f"rule change   {found['rule']}")
    print("load          {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    print(
        f"{'operation':34}{'median':>10}{'min':>10}{'floor':>10}{'ratio':>8}{'goal':>9}{'':>9}"
        f"{'cpu':>9}{'floor':>9}{'ratio':>7}"
    )
    for label, times, floor_times, has_goal in rows:
        median = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        floor_s = statistics.median(t[0] for t in floor_times)
        floor_cpu = statistics.median(t[1] for t in floor_times)
        goal = f"{GOAL_S * 1000:>7.0f}ms" if has_goal else f"{'':>9}"
        verdict = ("met" if median <= GOAL_S else "NOT met") if has_goal else ""
        print(
            f"{label:34}{median * 1000:>8.1f}ms{min(t[0] for t in times) * 1000:>8.1f}ms"
            f"{floor_s * 1000:>8.1f}ms{median / floor_s:>7.1f}x{goal}  {verdict:7}"
            f"{cpu * 1000:>7.0f}ms{floor_cpu * 1000:>7.0f}ms{cpu / max(floor_cpu, 1e-6):>6.1f}x"
        )
    print("load          {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    assert steady[1] == 0
    return 0


#: Seconds of wall-clock time and of CPU time: this process's (SQLite runs in the process:
#: its CPU time is the work done, which a loaded machine's waiting for a core leaves out),
#: and on a PostgreSQL server on this machine the CPU time of the connection's server
#: process too.
Times = tuple[float, float]


class Started(NamedTuple):
    wall: float
    cpu: float
    backend: int | None  # the PostgreSQL server process of the measured connection


def backend_cpu(pid: int | None) -> float:
    """Seconds on a CPU of a PostgreSQL server process on this machine (its
    ``/proc/PID/schedstat``, in nanoseconds); 0 for none or a server elsewhere."""
    if pid is None:
        return 0.0
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def backend_pid(session: Session) -> int | None:
    if session.get_bind().dialect.name != "postgresql":
        return None
    return session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()


def start(backend: int | None = None) -> Started:
    """The clocks at the start of a measured operation, after a collection of the garbage
    left by the previous one: each operation, the app's and its floor's, starts from the
    same heap."""
    gc.collect()
    return Started(time.perf_counter(), time.process_time() + backend_cpu(backend), backend)


def since(started: Started) -> Times:
    cpu = time.process_time() + backend_cpu(started.backend)
    return time.perf_counter() - started.wall, cpu - started.cpu


def interleaved(
    repeat: int, app: Callable[[], Times], floor: Callable[[], Any], backend: int | None
) -> tuple[list[Times], list[Times]]:
    """``repeat`` runs of the app's operation and of its floor (whose connection's server
    process is ``backend`` on PostgreSQL), alternately."""
    app()
    floor()
    app_times, floor_times = [], []
    for _ in range(repeat):
        app_times.append(app())
        started = start(backend)
        floor()
        floor_times.append(since(started))
    return app_times, floor_times


def no_alerts(session: Session) -> None:
    """The alerts gone, in the session's transaction (rolled back afterwards). PostgreSQL:
    ``TRUNCATE``, an empty table as before a first scan (after ``DELETE`` the scan's
    inserts would meet the deleted rows' index entries)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("TRUNCATE alerts"))
    else:
        session.execute(delete(Alert))


def count_limits(session: Session, condition: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(CaseLimit).where(condition)) or 0)


class RawFloor:
    """Statements on one open raw driver connection, read with ``fetchall()``."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.conn: Any = None
        self.param = "?"
        self.pid: int | None = None  # PostgreSQL: the connection's server process

    def __enter__(self) -> RawFloor:
        if self.url.get_backend_name() == "sqlite":
            import sqlite3

            self.conn = sqlite3.connect(self.url.database or ":memory:")
        else:
            import psycopg

            dsn = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
            self.conn = psycopg.connect(dsn)
            self.param = "%s"
            self.pid = self.conn.info.backend_pid
        return self

    def __call__(self, sql: str, params: tuple[Any, ...], *, rows: bool = False) -> Any:
        if self.url.get_backend_name() == "sqlite":
            params = tuple(p.isoformat() if isinstance(p, dt.date) else p for p in params)
        found = self.conn.execute(sql.format(param=self.param), params).fetchall()
        self.conn.rollback()
        return found if rows else len(found)

    def rule_change(self) -> int:
        """The writes of the rule change (rolled back); the rows written."""
        sqlite = self.url.get_backend_name() == "sqlite"
        minus15 = "date(due_on, '-15 day')" if sqlite else "due_on - 15"
        written = 0
        for sql in RULE_FLOOR_SQL:
            written += self.conn.execute(sql.format(minus15=minus15)).rowcount
        self.conn.rollback()
        return written

    def __exit__(self, *_exc: object) -> None:
        self.conn.close()


def explain(engine: Engine, now: dt.datetime) -> None:
    """The plans of the statements that the scan and the refresh run (PostgreSQL:
    ``EXPLAIN (ANALYZE, BUFFERS)`` in a savepoint; SQLite: ``EXPLAIN QUERY PLAN``)."""
    postgres = engine.dialect.name == "postgresql"
    busy = [False]

    def before(conn: Any, cursor: Any, statement: str, params: Any, _ctx: Any, many: bool) -> None:
        head = statement.lstrip()[:12].upper()
        if busy[0] or many or not head.startswith(("INSERT", "UPDATE", "WITH", "SELECT")):
            return
        if "FROM limit_rules" in statement or "FROM holiday" in statement:
            return
        busy[0] = True
        try:
            if postgres:
                cursor.execute("SAVEPOINT bench_explain")
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + statement, params)
                plan = [r[0] for r in cursor.fetchall()]
                cursor.execute("ROLLBACK TO SAVEPOINT bench_explain")
            else:
                cursor.execute("EXPLAIN QUERY PLAN " + statement, params)
                plan = [f"{'  ' * (r[1] > 0)}{r[3]}" for r in cursor.fetchall()]
            print("--", " ".join(statement.split())[:160], "...")
            for line in plan:
                if "CASE WHEN" not in line:
                    print("  ", line[:200])
        finally:
            busy[0] = False

    event.listen(engine, "before_cursor_execute", before)
    try:
        factory = db.make_session_factory(engine)
        with factory() as s:
            s.begin()
            no_alerts(s)
            print("== first scan")
            scan_alerts(s, now)
            print("== refresh all open")
            refresh_all_open(s)
            s.rollback()
    finally:
        event.remove(engine, "before_cursor_execute", before)


if __name__ == "__main__":
    raise SystemExit(main())
