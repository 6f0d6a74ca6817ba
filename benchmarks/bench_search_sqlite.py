"""Benchmark of the search box on SQLite (the 1,000,000-case demo): terms found and absent in
an office's or a station's scope, and several terms (issue 18: every search under 20 ms).

    .venv/bin/python benchmarks/bench_search_sqlite.py sqlite:////path/to/copy.sqlite3
        [--actor city|office:ID|station:ID ...] [--limit N] [--repeat N] [--ids FILE] [QUERY ...]

The database is opened read-only (``mode=ro``): run it on a copy or on a finished demo.
Without ``--actor`` it searches as the city, as the manager of office 9 and as the staff of
station 8 (the demo's: 鲁特旗 and 开发区 are place names found in other offices only).
Several terms are one statement on the case documents of migration 0021 (one term reads the
three full-text tables); the statement's plan is printed with ``--plan``.

For each actor and query it prints the cases found, the number of statements the service
sent, the median and minimum of ``--repeat`` warm calls of
:func:`ipdesk.services.queries.search.search_cases`, the floor — the very statements the
service sent, replayed through the bare driver (sqlite3) with ``fetchall()`` — the ratio
(minimum / floor) and the goal. The machine's load is printed before and after: on a shared
machine only the ratio is comparable between runs. ``--ids FILE`` writes every answer (actor,
query, limit -> ids, for limits 1, 10 and 100) as JSON, to compare two versions' answers.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import time
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url

import ipdesk
from ipdesk import db
from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.queries.search import search_cases

GOAL_MS = 20.0
QUERIES = (
    *("王伟", "李娜", "科尔沁", "有限公", "乳业", "西辽河", "鲁特旗", "开发区", "后旗"),
    *("王伟 有限", "李娜 公司", "乳业 科尔沁", "鲁特旗 有限", "王 伟 有限"),
    *("科尔沁 公司 有限", "王 有限公司", "乳业 开发区"),
)
ACTORS = ("city", "office:9", "station:8")
LIMITS = (1, 10, 100)


def _actor(spec: str) -> Actor:
    kind, _, unit = spec.partition(":")
    if kind == "city":
        return Actor(None, "bench", Role.CITY_MANAGER, may_view_personal_data=True)
    if kind == "office":
        return Actor(None, "bench", Role.OFFICE_MANAGER, office_id=int(unit))
    if kind == "station":
        return Actor(None, "bench", Role.STATION_STAFF, station_id=int(unit))
    raise SystemExit(f"unknown actor {spec!r}: city, office:ID or station:ID")


def _load() -> str:
    return "load     {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="sqlite:////path (opened read-only)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--limit", type=int, default=100, help="the search's limit (100)")
    parser.add_argument("--actor", action="append", help="city, office:ID or station:ID")
    parser.add_argument("--ids", help="write every answer (limits 1, 10, 100) to this JSON file")
    parser.add_argument("--plan", action="store_true", help="print each statement's plan")
    parser.add_argument("queries", nargs="*", default=list(QUERIES))
    args = parser.parse_intermixed_args()
    path = make_url(args.url).database
    if not path:
        raise SystemExit("a sqlite:////path URL")
    engine = db.make_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    factory = db.make_session_factory(engine)
    sent: list[tuple[str, Any]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with factory() as session:
        revision = session.scalar(text("SELECT version_num FROM alembic_version"))
        cases = session.scalar(text("SELECT max(id) FROM cases"))
    print(f"database {path} ({cases:,} cases)   revision {revision}   program {ipdesk.__file__}")
    print(f"limit {args.limit}   {args.repeat} warm calls each")
    print(_load())
    answers: dict[str, list[int]] = {}
    over = total = 0
    for spec in args.actor or ACTORS:
        actor = _actor(spec)
        print()
        print(f"actor    {spec} ({actor.role.value})")
        print(
            f"{'query':<14}{'found':>6}{'stmts':>6}{'median':>10}{'min':>10}{'floor':>10}"
            f"{'ratio':>7}{'goal':>8}"
        )
        for query in args.queries:
            times: list[float] = []
            found: list[int] = []
            for i in range(args.repeat + 1):
                sent.clear()
                with factory() as session:
                    started = time.perf_counter()
                    found = search_cases(session, actor, query, limit=args.limit)
                    elapsed = time.perf_counter() - started
                if i:
                    times.append(elapsed)
            statements = [(s, p) for s, p in sent if s.lstrip().upper().startswith("SELECT")]
            floors = []
            for i in range(args.repeat + 1):
                started = time.perf_counter()
                for statement, parameters in statements:
                    raw.execute(statement, parameters).fetchall()
                if i:
                    floors.append(time.perf_counter() - started)
            best, floor = min(times) * 1000, min(floors) * 1000
            median = statistics.median(times) * 1000
            total += 1
            over += median > GOAL_MS
            print(
                f"{query:<14}{len(found):>6}{len(statements):>6}"
                f"{median:>8.1f}ms{best:>8.1f}ms{floor:>8.1f}ms"
                f"{best / max(floor, 1e-3):>7.2f}{GOAL_MS:>6.0f}ms",
                flush=True,
            )
            if args.plan:
                for statement, parameters in statements:
                    plan = raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
                    print("    plan: " + "; ".join(row[-1] for row in plan))
            if args.ids:
                with factory() as session:
                    for limit in LIMITS:
                        answers[f"{spec} {query} {limit}"] = search_cases(
                            session, actor, query, limit=limit
                        )
    print()
    print(f"{over} of {total} medians over {GOAL_MS:.0f} ms")
    print(_load())
    if args.ids:
        with open(args.ids, "w", encoding="utf-8") as f:
            json.dump(answers, f, ensure_ascii=False, sort_keys=True)
        print(f"{len(answers)} answers written to {args.ids}")
    raw.close()
    engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
