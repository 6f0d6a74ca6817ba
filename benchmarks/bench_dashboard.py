"""Benchmark of the managers' dashboard: the whole city over one year.

    .venv/bin/python benchmarks/bench_dashboard.py                   # quick: 20,000 cases
    .venv/bin/python benchmarks/bench_dashboard.py --url sqlite:////tmp/copy.sqlite3
    .venv/bin/python benchmarks/bench_dashboard.py --url postgresql+psycopg://...
    .venv/bin/python benchmarks/bench_dashboard.py --url sqlite:///... --url postgresql+psycopg://...

Several ``--url`` run one after the other, with a summary of every database at the end.

When the database holds fewer than ``--cases`` cases, the rest is generated first with
``ipdesk-admin demo`` (reference day ``--today``), then follow-up visits are added. The
database is only read.

Measured, each ``--repeat`` times after one warm-up (min and median printed), as a city
manager over the ``--days`` days up to ``--today``:

* ``figures``: :func:`ipdesk.services.queries.dashboard.figures` — every figure of the total, the
  offices and the stations, from the maintained summary (services/queries/dashboard_summary.py;
  the goal: under 0.3 s); ``full computation``: the same figures computed over the cases
  (``source="cases"``), checked equal, with its own floor,
* ``charts``: :func:`~ipdesk.services.queries.dashboard.chart_data` (monthly series, handling days,
  IP types; the office rows passed in),
* ``drill-down``: the ids behind the city's overdue count and behind its closed count,
* ``floor``: the statements ``figures`` runs (the case counts, the distribution of
  handling days, the other records), compiled once with their values inlined, through the
  raw driver (``sqlite3`` / ``psycopg``) with ``fetchall()``, side by side on connections
  of their own as ``figures`` runs them — what no Python code around the same SQL can
  beat; ``x floor`` is the ratio to it. ``figures`` also runs the few small look-ups
  before it (scope, rule, id range) and adds the rows up to offices and the total in
  Python. ``one by one`` is the same SQL on one connection, one statement after the
  other: what the database needs without a second core.

The machine's load (``os.getloadavg``) is printed with the figures: on a shared machine
the times of a loaded run are not comparable with those of an idle one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.engine import make_url

from ipdesk import db
from ipdesk.models import Case, FollowUpVisit, Role
from ipdesk.services.actors import Actor
from ipdesk.services.admin.setup import initialise
from ipdesk.services.queries.dashboard import (
    DashboardFilter,
    Period,
    Source,
    chart_data,
    drill_down,
    figure_statements,
    figures,
)

#: Issue 18: the dashboard's figures for the whole city over one year, from the summary.
GOAL_S = 0.3
CITY = Actor(user_id=None, name="bench", role=Role.CITY_MANAGER)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url",
        action="append",
        default=None,
        help="database URL, repeatable (default: a temporary SQLite)",
    )
    parser.add_argument("--cases", type=int, default=20_000, help="cases wanted (default 20000)")
    parser.add_argument("--today", default="2026-11-27", help="reference day")
    parser.add_argument("--days", type=int, default=365, help="length of the period")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--explain", action="store_true", help="print the query plans")
    args = parser.parse_args()

    urls = args.url or [f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-dash-')) / 'b.sqlite3'}"]
    today = dt.date.fromisoformat(args.today)
    summary = []
    for url in urls:
        engine = db.make_engine(url)
        try:
            ensure_cases(engine, url, args.cases, args.today)
            summary.append(run(engine, url, today, args.days, args.repeat, args.explain))
        finally:
            engine.dispose()
    if len(summary) > 1:
        print()
        print(f"{'summary: figures':>18}{'floor':>10}{'x floor':>10}  database")
        for name, figures_min, floor_min in summary:
            print(
                f"{figures_min * 1000:>16.1f}ms{floor_min * 1000:>8.1f}ms"
                f"{figures_min / floor_min:>10.2f}  {name}"
            )
    return 0


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
    from ipdesk.demo.followups import add_demo_follow_ups

    add_demo_follow_ups(db.make_session_factory(engine), 1, dt.date.fromisoformat(today))


def timed(repeat: int, func: Callable[[], Any]) -> tuple[list[float], Any]:
    func()  # warm-up: caches, prepared plans
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return times, result


def run(
    engine: Engine, url: str, today: dt.date, days: int, repeat: int, explain: bool
) -> tuple[str, float, float]:
    factory = db.make_session_factory(engine)
    flt = DashboardFilter(Period(today - dt.timedelta(days=days - 1), today))
    with factory() as s:
        cases = s.scalar(select(func.count()).select_from(Case)) or 0
        visits = s.scalar(select(func.count()).select_from(FollowUpVisit)) or 0
        statements, full_statements = (
            [
                str(stmt.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
                for stmt in figure_statements(s, CITY, flt, today=today, source=source)
            ]
            for source in ("summary", "cases")
        )

    def load_figures(source: Source = "summary") -> Callable[[], Any]:
        def go() -> Any:
            with factory() as s:
                s.connection(execution_options=db.READ_ONLY)
                return figures(s, CITY, flt, today=today, source=source)

        return go

    fig_times, fig = timed(repeat, load_figures())
    full_times, full = timed(max(1, repeat // 2), load_figures("cases"))
    if full != fig:
        raise SystemExit("the summary's figures differ from the full computation's")

    def load_charts() -> Any:
        with factory() as s:
            s.connection(execution_options=db.READ_ONLY)
            return chart_data(s, CITY, flt, today=today, known=fig)

    chart_times, charts = timed(repeat, load_charts)

    def drill(key: str) -> Callable[[], Any]:
        def go() -> Any:
            with factory() as s:
                return drill_down(s, CITY, flt, key, today=today)

        return go

    overdue_times, overdue_ids = timed(repeat, drill("overdue"))
    closed_times, closed_ids = timed(max(1, repeat // 2), drill("closed"))
    with RawFloor(url, statements) as floor_query:
        floor_times, floor_rows = timed(repeat, floor_query.side_by_side)
        serial_times, _ = timed(repeat, floor_query)
        if explain:
            floor_query.explain()
    with RawFloor(url, full_statements) as full_query:
        full_floor_times, _ = timed(max(1, repeat // 2), full_query.side_by_side)

    floor = min(floor_times)
    total = fig.total
    print()
    print(f"database      {db.describe(url)}")
    print("load          {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    print(f"cases         {cases:,}   follow-up visits {visits:,}")
    print(f"period        {flt.period.start} .. {flt.period.end} (as of {fig.as_of})")
    print(
        f"figures       received {total.received:,}  accepted {total.accepted:,}  "
        f"open {total.open:,}  due soon {total.due_soon:,}  overdue {total.overdue:,}  "
        f"closed {total.closed:,}"
    )
    print(
        f"              on time {_pct(total.on_time_share)}  median {total.median_days} d  "
        f"mean {total.mean_days or 0:.1f} d  ≤{fig.target_days} d "
        f"{_pct(total.within_target_share)}  ≤{fig.former_days} d "
        f"{_pct(total.within_former_share)}"
    )
    print(
        f"              mediation {_pct(total.mediation_success_rate)}  "
        f"confirmation {total.confirmation_applied:,}/{total.confirmed:,}  "
        f"consultations {total.consultations_requested:,} ({total.consultations_late:,} late)"
        f"  follow-up {total.visits_done:,}/{total.visits_due:,} "
        f"{_pct(total.follow_up_rate)}"
    )
    print(
        f"units         {len(fig.offices)} offices, {len(fig.stations)} stations; "
        f"charts: {len(charts.months)} months, {len(charts.handling_days)} distinct days"
    )
    print(f"{'':34}{'min':>10}{'median':>10}{'x floor':>10}")
    rows = [
        ("figures (target < 1 s)", fig_times),
        ("charts", chart_times),
        (f"drill-down overdue ({len(overdue_ids):,} ids)", overdue_times),
        (f"drill-down closed ({len(closed_ids):,} ids)", closed_times),
        (f"floor: raw SQL of figures ({floor_rows:,} rows)", floor_times),
        ("  the same SQL one by one", serial_times),
    ]
    for label, times in rows:
        print(
            f"{label:34}{min(times) * 1000:>8.1f}ms{statistics.median(times) * 1000:>8.1f}ms"
            f"{min(times) / floor:>10.2f}"
        )
    print()
    print(
        f"{'dashboard figures, city, one year':40}{'app':>10}{'floor':>10}{'ratio':>8}{'goal':>10}"
    )
    for label, app, its_floor in (
        ("from the summary (exact: = full)", fig_times, floor_times),
        ("full computation over the cases", full_times, full_floor_times),
    ):
        print(
            f"{label:40}{min(app) * 1000:>8.1f}ms{min(its_floor) * 1000:>8.1f}ms"
            f"{min(app) / min(its_floor):>8.2f}{GOAL_S * 1000:>8.0f}ms"
        )
    return db.describe(url), min(fig_times), floor


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


class RawFloor:
    """The statements of ``figures`` on open raw driver connections, one per statement."""

    def __init__(self, url: str, statements: list[str]) -> None:
        self.url = make_url(url)
        self.statements = statements
        self.conns: list[Any] = []
        self.pool = ThreadPoolExecutor(len(statements))

    @property
    def conn(self) -> Any:
        return self.conns[0]

    def _connect(self) -> Any:
        if self.url.get_backend_name() == "sqlite":
            import sqlite3

            return sqlite3.connect(self.url.database or ":memory:", check_same_thread=False)
        import psycopg

        dsn = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        conn = psycopg.connect(dsn)
        conn.execute("SET jit = off")  # as the service does (SET LOCAL)
        conn.commit()
        return conn

    def __enter__(self) -> RawFloor:
        self.conns = [self._connect() for _ in self.statements]
        return self

    @staticmethod
    def _run(conn: Any, sql: str) -> int:
        rows = len(conn.execute(sql).fetchall())
        conn.rollback()
        return rows

    def __call__(self) -> int:
        """One by one, on one connection."""
        return sum(self._run(self.conn, sql) for sql in self.statements)

    def side_by_side(self) -> int:
        return sum(self.pool.map(self._run, self.conns, self.statements))

    def explain(self) -> None:
        prefix = (
            "EXPLAIN QUERY PLAN "
            if self.url.get_backend_name() == "sqlite"
            else "EXPLAIN (ANALYZE, BUFFERS) "
        )
        for sql in self.statements:
            print("-" * 80)
            for row in self.conn.execute(prefix + sql).fetchall():
                print("  ", *row)
        self.conn.rollback()

    def __exit__(self, *_exc: object) -> None:
        self.pool.shutdown()
        for conn in self.conns:
            conn.close()


if __name__ == "__main__":
    raise SystemExit(main())
