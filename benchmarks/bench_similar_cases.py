"""The similar-case panel (services/queries/similar_cases.py) at scale, with its SQL floor.

Usage::

    .venv/bin/ipdesk-admin --database-url sqlite:////tmp/m.sqlite3 demo --cases 200000
    cp /tmp/m.sqlite3 /tmp/bench.sqlite3          # never measure on the original
    .venv/bin/python benchmarks/bench_similar_cases.py sqlite:////tmp/bench.sqlite3 [PG-URL]

For a sample of patent cases being mediated or adjudicated (and of trademark cases, whose
respondents and facts repeat more) it prints the median time of ``similar_cases`` over
``--repeat`` warm runs, the first (cold) run, the floor — the very SQL statements the
service sent, replayed through the bare driver — and their ratio, for the city manager
and for an office manager; and once the managers' spread over a year. Goal (issue 20):
the panel within 100 ms on the 1M-case demo.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).parent))
from bench_case_list import Figure, Recorder, actors, measure, raw_runner

from ipdesk import db
from ipdesk.models import Case, CaseStatus, IpType
from ipdesk.services.queries.similar_cases import outcome_spread, similar_cases

TARGET_MS = 100.0
PATENTS = (IpType.PATENT_INVENTION, IpType.PATENT_UTILITY_MODEL, IpType.PATENT_DESIGN)


def sample(session: Session, ip_types: tuple[IpType, ...], n: int) -> list[int]:
    """``n`` cases being mediated or adjudicated, spread over the ids."""
    ids = list(
        session.scalars(
            select(Case.id)
            .where(
                Case.ip_type.in_(ip_types),
                Case.status.in_(
                    (CaseStatus.MEDIATING, CaseStatus.ACCEPTED, CaseStatus.ADJUDICATED)
                ),
            )
            .order_by(Case.id)
        )
    )
    step = max(1, len(ids) // n)
    return ids[::step][:n]


def bench(url: str, repeat: int, n: int) -> list[Figure]:
    engine = db.make_engine(url).execution_options(**db.READ_ONLY)
    recorder = Recorder(engine)
    replay, close = raw_runner(url)
    with Session(engine) as session:
        who = actors(session)
        patents = sample(session, PATENTS, n)
        trademarks = sample(session, (IpType.TRADEMARK,), n)
        total = session.query(Case).count()
    figures = []
    print(f"\n{db.describe(url)}: {total} cases   (times in ms; median of {repeat} warm runs)")
    print(f"{'operation':<44} {'first':>9} {'median':>9} {'floor':>9} {'ratio':>6}  {'rows':>7}")
    for label, ids in (("patent", patents), ("trademark", trademarks)):
        for role in ("city", "office"):
            actor = who[role]
            runs = []
            for case_id in ids:
                if role == "office":  # an office manager sees the cases of the office only
                    with Session(engine) as s:
                        case = s.get(Case, case_id)
                        if case is None or case.office_id != actor.office_id:
                            continue
                figure = measure(
                    f"similar_cases {label} #{case_id} ({role})",
                    engine,
                    recorder,
                    replay,
                    lambda s, c=case_id, a=actor: len(similar_cases(s, a, c).rows),
                    repeat,
                )
                runs.append(figure)
            if not runs:
                continue
            summary = Figure(
                f"similar_cases, {label}, {role}: median of {len(runs)}",
                statistics.median(f.first_ms for f in runs),
                statistics.median(f.median_ms for f in runs),
                statistics.median(f.floor_ms for f in runs),
                round(statistics.median(f.rows for f in runs)),
            )
            worst = max(runs, key=lambda f: f.median_ms)
            print(summary.line())
            print(
                Figure(
                    f"  slowest: {worst.name[14:]}",
                    worst.first_ms,
                    worst.median_ms,
                    worst.floor_ms,
                    worst.rows,
                ).line()
            )
            figures.append(summary)
    today = dt.date.today()
    spread = measure(
        "outcome_spread, patents, a year (city)",
        engine,
        recorder,
        replay,
        lambda s: len(
            outcome_spread(
                s,
                who["city"],
                since=today - dt.timedelta(days=365),
                until=today,
                ip_type=IpType.PATENT_UTILITY_MODEL,
            )
        ),
        max(1, repeat // 2),
    )
    print(spread.line())
    figures.append(spread)
    close()
    engine.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, default=10)
    args = parser.parse_args()
    slow = []
    for url in args.urls:
        for figure in bench(url, args.repeat, args.sample):
            if figure.name.startswith("similar_cases") and figure.median_ms > TARGET_MS:
                slow.append(figure.name)
    if slow:
        print(f"\nabove {TARGET_MS:.0f} ms: " + "; ".join(slow))


if __name__ == "__main__":
    main()
