"""Benchmark of the search box on PostgreSQL: 1-, 2- and 3-character terms, as the city, an
office's manager and a station's staff (issue 18: 2 and 3 characters under 20 ms).

    .venv/bin/python benchmarks/bench_search_pg.py postgresql+psycopg://... [--explain]
        [--actor city|office:ID|station:ID ...] [--limit N] [QUERY ...]

Without ``--actor`` it searches as the city, as the manager of the office with the fewest
cases and as the staff of the busiest station of another office, so that each runs terms
found in its scope and terms common in the city but absent from its scope (a place name of
another office: 鲁特旗, 后旗, 开鲁, 奈曼 ...; "found 0").

For each actor and query it prints the number of statements the service sent and the
number the floor replays ("stmts": app/floor, the same unless the service sent other
statements than SELECTs), the round trips to the server of a call and of the floor's
replay ("trips": app/floor; each simple query — BEGIN, ROLLBACK — and each Sync of the
extended protocol, from libpq's trace), the median and minimum of ``--repeat`` warm calls
of :func:`ipdesk.services.queries.search.search_cases` (the ids only; each call opens a
session, checks out a pooled connection as a desk call does, with the application's ping
of a connection idle for long, and closes the session), the floor — the very statements
the service sent, replayed through the bare driver (psycopg) with ``fetchall()``, between
a BEGIN and a ROLLBACK when the service's call sent them, else each in its own transaction
(autocommit), as the service did: its minimum and median ("fl.med") —, the ratio of the
minima, the goal, the median CPU time of the client for a call ("cpu") and for the floor's
replay ("fl.cpu"): on a loaded machine the CPU a client burns between its round trips also
lengthens its waits for the server's answers; the median CPU time of the connection's
server process for a call ("srv") and for the floor's replay ("fl.srv"; read from
``/proc/PID/schedstat`` when the server runs on this machine, 0 otherwise); and the median
of the same calls through an engine with SQLAlchemy's own ``pool_pre_ping`` off ("no
ping"), measured alternately with the others. Both connections run each statement often
enough for psycopg to prepare it (from the sixth run on, while no ROLLBACK empties its
cache), as a desk's or the server's pooled connection does. ``--explain`` prints ``EXPLAIN
(ANALYZE, BUFFERS)`` of each statement. The machine's load is printed: on a shared
machine a loaded run's times are not comparable with an idle one's. ``--ids FILE`` writes
every answer (actor, query, limit -> ids, for limits 1, 10 and 100) as JSON, to compare
two versions' answers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from psycopg import pq
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

import ipdesk
from ipdesk import db
from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.queries.search import PG_FIRST_SPAN, search_cases

CITY = Actor(user_id=None, name="bench", role=Role.CITY_MANAGER)
GOAL_MS = 20.0
# Rare (王伟: 68 cases of 200,000), common (有限公: most cases) and middling terms (乳业,
# 后旗, 鲁特旗, 西辽河, 开发区: thousands of cases, 100-350 ms before the bucketed indexes);
# place names of one office each (开发区, 后旗, 鲁特旗, 开鲁, 奈曼, 库伦, 霍林: 14,000-20,000
# parties in their office, none elsewhere).
QUERIES = (
    *("王伟", "李娜", "张伟", "刘洋", "张小明", "科尔沁", "有限公", "王", "商标权"),
    *("乳业", "后旗", "作社", "技股", "鲁特旗", "西辽河", "开发区"),
    *("开鲁", "奈曼", "库伦", "霍林", "奈曼旗", "霍林郭"),
)
LIMITS = (1, 10, 100)


def _actor(spec: str) -> Actor:
    kind, _, unit = spec.partition(":")
    if kind == "city":
        return CITY
    if kind == "office":
        return Actor(None, "bench", Role.OFFICE_MANAGER, office_id=int(unit))
    if kind == "station":
        return Actor(None, "bench", Role.STATION_STAFF, station_id=int(unit))
    raise SystemExit(f"unknown actor {spec!r}: city, office:ID or station:ID")


def _default_actors(raw: psycopg.Connection[Any]) -> list[str]:
    """The city; the office with the fewest cases; the busiest station of another office."""
    row = raw.execute(
        "SELECT office_id FROM cases GROUP BY office_id ORDER BY count(*), office_id LIMIT 1"
    ).fetchone()
    assert row is not None, "no cases"
    office = row[0]
    station = raw.execute(
        "SELECT station_id FROM cases WHERE office_id <> %s AND station_id IS NOT NULL"
        " GROUP BY station_id ORDER BY count(*) DESC, station_id LIMIT 1",
        (office,),
    ).fetchone()
    raw.rollback()
    return ["city", f"office:{office}"] + ([f"station:{station[0]}"] if station else [])


class _Backend:
    """The CPU time of the server process of the connection last checked out of an
    engine's pool (``/proc/PID/schedstat`` when the server runs on this machine; 0
    otherwise)."""

    def __init__(self, engine: Engine) -> None:
        self.pid: int | None = None

        @event.listens_for(engine, "checkout")
        def _on_checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
            self.pid = dbapi_conn.info.backend_pid

    def cpu(self) -> float:
        return _server_cpu(self.pid)


def _server_cpu(pid: int | None) -> float:
    """Seconds on a CPU of the PostgreSQL server process ``pid`` on this machine."""
    if pid is None:
        return 0.0
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def _timed(
    factory: sessionmaker[Session], actor: Actor, query: str, limit: int, backend: _Backend | None
) -> tuple[float, float, float, list[int]]:
    """Wall and CPU time of one search in a session of its own, its end (ROLLBACK when it
    began a transaction) included, the CPU time of the connection's server process, and
    its answer. (The connection is the pool's one, the one of the previous call: its
    server process is read before.)"""
    server = backend.cpu() if backend is not None else 0.0
    started, cpu = time.perf_counter(), time.process_time()
    with factory() as session:
        found = search_cases(session, actor, query, limit=limit)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    server = backend.cpu() - server if backend is not None else 0.0
    return wall, cpu, server, found


def _trips(raw: psycopg.Connection[Any], run: Callable[[], object]) -> tuple[int, bool]:
    """The round trips to the server that ``run`` makes on ``raw`` (each simple query
    and each Sync of the extended protocol: the client waits for the server's answer),
    read from libpq's trace of the protocol; and whether it sent a BEGIN."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as trace:
        raw.pgconn.trace(trace.fileno())
        raw.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        try:
            run()
        finally:
            raw.pgconn.untrace()
        trace.seek(0)
        sent = [line.split("\t") for line in trace if line.startswith("F\t")]
    trips = sum(1 for fields in sent if fields[2].startswith(("Query", "Sync")))
    begun = any(fields[2].startswith("Query") and '"BEGIN' in fields[2] for fields in sent)
    return trips, begun


def _app_trips(
    factory: sessionmaker[Session], actor: Actor, query: str, limit: int
) -> tuple[int, bool]:
    """:func:`_trips` of one search in a session of its own, its end included."""
    with factory() as session:
        raw = session.connection().connection.dbapi_connection  # nothing sent yet
        assert isinstance(raw, psycopg.Connection)
        return _trips(
            raw, lambda: (search_cases(session, actor, query, limit=limit), session.close())
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--limit", type=int, default=100, help="the search's limit (100)")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument(
        "--actor",
        action="append",
        help="city, office:ID (its manager) or station:ID (its staff); repeat for several",
    )
    parser.add_argument("--ids", help="write every answer (limits 1, 10, 100) to this JSON file")
    parser.add_argument("queries", nargs="*", default=list(QUERIES))
    args = parser.parse_intermixed_args()
    engine = db.make_engine(args.url)
    factory = db.make_session_factory(engine)
    unpinged = create_engine(make_url(args.url), pool_pre_ping=False)
    factory_unpinged = db.make_session_factory(unpinged)
    backend = _Backend(engine)
    sent: list[tuple[str, Any]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    dsn = make_url(args.url).set(drivername="postgresql").render_as_string(hide_password=False)
    raw = psycopg.connect(dsn)
    with factory() as session:
        revision = session.scalar(text("SELECT version_num FROM alembic_version"))
    actors = args.actor or _default_actors(raw)
    print(f"database {db.describe(args.url)}   revision {revision}   program {ipdesk.__file__}")
    print(f"first span {PG_FIRST_SPAN:,} newest case ids   limit {args.limit}")
    print("load     {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    answers: dict[str, list[int]] = {}
    for spec in actors:
        actor = _actor(spec)
        print()
        print(f"actor    {spec} ({actor.role.value})")
        print(
            f"{'query':<10}{'found':>6}{'stmts':>6}{'trips':>6}{'median':>10}{'min':>10}"
            f"{'floor':>10}{'fl.med':>9}{'ratio':>7}{'goal':>8}{'cpu':>8}{'fl.cpu':>8}"
            f"{'srv':>8}{'fl.srv':>8}{'no ping':>10}"
        )
        medians: list[float] = []
        all_cpus: list[float] = []
        all_floor_cpus: list[float] = []
        for query in args.queries:
            times: list[float] = []
            cpus: list[float] = []
            servers: list[float] = []
            times_unpinged: list[float] = []
            found: list[int] = []
            for i in range(args.repeat + 1):
                sent.clear()
                elapsed, cpu, server, found = _timed(factory, actor, query, args.limit, backend)
                unpinged_elapsed = _timed(factory_unpinged, actor, query, args.limit, None)[0]
                if i:
                    times.append(elapsed)
                    cpus.append(cpu)
                    servers.append(server)
                    times_unpinged.append(unpinged_elapsed)
            statements = [
                (s, p) for s, p in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))
            ]
            counts = f"{len(sent)}/{len(statements)}"
            app_trips, begun = _app_trips(factory, actor, query, args.limit)

            def replay(statements: list[tuple[str, Any]] = statements) -> None:
                for statement, parameters in statements:
                    raw.execute(statement, parameters).fetchall()
                raw.rollback()  # nothing to end in autocommit

            # The floor in a transaction when the service's call began one, else each
            # statement in its own (autocommit), as the service sent them.
            raw.autocommit = not begun
            floors, floor_cpus, floor_servers = [], [], []
            for i in range(args.repeat + 1):
                server = _server_cpu(raw.info.backend_pid)
                started, cpu = time.perf_counter(), time.process_time()
                replay()
                if i:
                    floors.append(time.perf_counter() - started)
                    floor_cpus.append(time.process_time() - cpu)
                    floor_servers.append(_server_cpu(raw.info.backend_pid) - server)
            floor_trips = _trips(raw, replay)[0]
            best, floor = min(times) * 1000, min(floors) * 1000
            median = statistics.median(times) * 1000
            goal = f"{GOAL_MS:.0f}ms" if len(query) in (2, 3) else "-"
            if len(query) in (2, 3):
                medians.append(median)
            all_cpus += cpus
            all_floor_cpus += floor_cpus
            print(
                f"{query:<10}{len(found):>6}{counts:>6}{f'{app_trips}/{floor_trips}':>6}"
                f"{median:>8.1f}ms{best:>8.1f}ms"
                f"{floor:>8.1f}ms{statistics.median(floors) * 1000:>7.1f}ms"
                f"{best / floor:>7.2f}{goal:>8}"
                f"{statistics.median(cpus) * 1000:>6.1f}ms"
                f"{statistics.median(floor_cpus) * 1000:>6.1f}ms"
                f"{statistics.median(servers) * 1000:>6.1f}ms"
                f"{statistics.median(floor_servers) * 1000:>6.1f}ms"
                f"{statistics.median(times_unpinged) * 1000:>8.1f}ms"
            )
            if args.explain:
                for statement, parameters in statements:
                    print("   " + "-" * 70)
                    for (line,) in raw.execute(
                        "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters
                    ).fetchall():
                        print("   ", line)
                raw.rollback()
            if args.ids:
                with factory() as session:
                    for limit in LIMITS:
                        answers[f"{spec} {query} {limit}"] = search_cases(
                            session, actor, query, limit=limit
                        )
        if medians:
            over = sum(m > GOAL_MS for m in medians)
            print(
                f"2-3 characters: worst median {max(medians):.1f} ms, "
                f"{over} of {len(medians)} over {GOAL_MS:.0f} ms; client CPU a call "
                f"{statistics.median(all_cpus) * 1000:.1f} ms (floor "
                f"{statistics.median(all_floor_cpus) * 1000:.1f} ms)"
            )
    print()
    print("load     {:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*os.getloadavg()))
    if args.ids:
        with open(args.ids, "w", encoding="utf-8") as f:
            json.dump(answers, f, ensure_ascii=False, sort_keys=True)
        print(f"{len(answers)} answers written to {args.ids}")
    raw.close()
    engine.dispose()
    unpinged.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
