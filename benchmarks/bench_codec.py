"""The wire format's cost: a case list's first page (200 rows) encoded and decoded as the
desk and the server do it (ipdesk/remote/codec.py), against a floor measured in the same
run: the same rows as plain dicts through the json module alone.

    .venv/bin/python benchmarks/bench_codec.py

Prints milliseconds per page (the best of many runs) and the size on the wire. No database: the
rows are built in memory, like those ``cases_query.first_page`` returns.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time

import ipdesk.remote.calls  # noqa: F401  (the exposed services and their result types)
from ipdesk.remote import codec
from ipdesk.services.queries.cases_query import CasePage, CaseRow

ROWS = 200
RUNS = 200


def page() -> CasePage:
    rows = [
        CaseRow(
            id=100_000 + i,
            number=f"TL01-2026-{i:05d}",
            status="mediating",
            is_suspended=False,
            office_code="TL01",
            office_name="科尔沁区知识产权行政裁决所",
            station_code="TL01-S01",
            station_name="科尔沁区第一援助站",
            applicant="王伟",
            respondent="通辽市草原食品有限公司",
            ip_type="trademark",
            received_on=dt.date(2026, 10, 1) + dt.timedelta(days=i % 60),
            accepted_on=dt.date(2026, 10, 2),
            due_on=dt.date(2026, 12, 1),
            days_left=i % 30,
            mediator="调解员甲",
            flags=frozenset({"open", "due_soon"} if i % 3 else {"open"}),
        )
        for i in range(ROWS)
    ]
    return CasePage([r.id for r in rows], rows, None)


def timed(fn: object) -> float:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - started)
    return min(samples) * 1000  # the least disturbed run (the machine is shared)


def main() -> None:
    value = page()
    text = codec.dumps(value)
    assert codec.loads(text) == value
    plain = {
        "ids": value.ids,
        "rows": [
            {
                k: (sorted(v) if isinstance(v, frozenset) else v)
                for k, v in dataclasses.asdict(r).items()
            }
            for r in value.rows
        ],
    }
    plain_text = json.dumps(plain, ensure_ascii=False, default=str).encode()

    encode = timed(lambda: codec.dumps(value))
    decode = timed(lambda: codec.loads(text))
    floor_encode = timed(lambda: json.dumps(plain, ensure_ascii=False, default=str).encode())
    floor_decode = timed(lambda: json.loads(plain_text))
    print(f"first page of {ROWS} case rows, best of {RUNS} runs")
    print(f"  codec:  encode {encode:6.2f} ms  decode {decode:6.2f} ms  {len(text):7,} bytes")
    print(
        f"  floor:  encode {floor_encode:6.2f} ms  decode {floor_decode:6.2f} ms"
        f"  {len(plain_text):7,} bytes  (plain dicts, json only)"
    )


if __name__ == "__main__":
    main()
