"""Benchmark of the search box on PostgreSQL: 1-, 2- and 3-character terms (issue 18: 2 and 3
characters under 20 ms).

    .venv/bin/python benchmarks/bench_search_pg.py postgresql+psycopg://... [--explain]
        [--office ID | --station ID] [QUERY ...]

For each query it prints the number of statements the service sent, the median and minimum
of ``--repeat`` warm calls of :func:`ipdesk.services.queries.search.search_cases` as a city
manager (or an office's manager, a station's staff; the ids only), the floor —
the very statements the service sent, replayed through the bare driver (psycopg) with
``fetchall()`` — the ratio and the goal. ``--explain`` prints ``EXPLAIN (ANALYZE,
BUFFERS)`` of each statement. The machine's load is printed: on a shared machine a
loaded run's times are not comparable with an idle one's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

import psycopg
from sqlalchemy import event
from sqlalchemy.engine import make_url

from ipdesk import db
from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.queries.search import PG_FIRST_SPAN, search_cases

CITY = Actor(user_id=None, name="bench", role=Role.CITY_MANAGER)
GOAL_MS = 20.0
# Rare (王伟: 68 cases of 200,000), common (有限公: most cases) and middling terms (乳业,
# 后旗, 鲁特旗, 西辽河, 开发区: thousands of cases, 100-350 ms before the bucketed indexes).
QUERIES = (
    *("王伟", "李娜", "张伟", "刘洋", "张小明", "科尔沁", "有限公", "王", "商标权"),
    *("乳业", "后旗", "作社", "技股", "鲁特旗", "西辽河", "开发区"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument(
        "--office", type=int, help="search as the manager of this office id (default: city)"
    )
    parser.add_argument("--station", type=int, help="search as staff of this station id")
    parser.add_argument("queries", nargs="*", default=list(QUERIES))
    args = parser.parse_args()
    actor = CITY
    if args.office is not None:
        actor = Actor(None, "bench", Role.OFFICE_MANAGER, office_id=args.office)
    if args.station is not None:
        actor = Actor(None, "bench", Role.STATION_STAFF, station_id=args.station)
    engine = db.make_engine(args.url)
    factory = db.make_session_factory(engine)
    sent: list[tuple[str, Any]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    dsn = make_url(args.url).set(drivername="postgresql").render_as_string(hide_password=False)
    raw = psycopg.connect(dsn)
    print(f"database {db.describe(args.url)}   first span {PG_FIRST_SPAN:,} newest case ids")
    print(f"actor    {actor.role.value} office {actor.office_id} station {actor.station_id}")
    print("load     {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    print(
        f"{'query':<10}{'found':>6}{'stmts':>6}{'median':>10}{'min':>10}{'floor':>10}"
        f"{'ratio':>7}{'goal':>8}"
    )
    for query in args.queries:
        times: list[float] = []
        found: list[int] = []
        for i in range(args.repeat + 1):
            sent.clear()
            with factory() as session:
                started = time.perf_counter()
                found = search_cases(session, actor, query)
                if i:
                    times.append(time.perf_counter() - started)
        statements = [(s, p) for s, p in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))]
        floors = []
        for i in range(args.repeat + 1):
            started = time.perf_counter()
            for statement, parameters in statements:
                raw.execute(statement, parameters).fetchall()
            raw.rollback()
            if i:
                floors.append(time.perf_counter() - started)
        best, floor = min(times) * 1000, min(floors) * 1000
        goal = f"{GOAL_MS:.0f}ms" if len(query) in (2, 3) else "-"
        print(
            f"{query:<10}{len(found):>6}{len(statements):>6}"
            f"{statistics.median(times) * 1000:>8.1f}ms{best:>8.1f}ms"
            f"{floor:>8.1f}ms{best / floor:>7.2f}{goal:>8}"
        )
        if args.explain:
            for statement, parameters in statements:
                print("   " + "-" * 70)
                for (line,) in raw.execute(
                    "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters
                ).fetchall():
                    print("   ", line)
            raw.rollback()
    raw.close()
    engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
