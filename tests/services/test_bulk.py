"""bulk_insert stores exactly what SQLAlchemy stores for the same values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseEvent, CaseStatus, EventKind
from ipdesk.services.infra.bulk import bulk_insert
from tests.helpers.factories import make_case, seed

CASES = cast(Table, Case.__table__)
EVENTS = cast(Table, CaseEvent.__table__)
assert isinstance(CASES, Table) and isinstance(EVENTS, Table)

_AT = (
    dt.datetime(2026, 11, 27, 1, 30, tzinfo=dt.UTC),
    dt.datetime(2026, 11, 27, 1, 30, 0, 123456, tzinfo=dt.UTC),
    dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))),
    dt.datetime(2025, 1, 1, 23, 59, 59, 999999, tzinfo=dt.UTC),
)


def _raw(session: Session, table: Table, ids: list[int], skip: set[str]) -> list[tuple[Any, ...]]:
    """The rows as the driver returns them (SQLite: the stored text), without ``skip``."""
    columns = [c for c in table.c if c.name not in skip]
    names = ", ".join(c.name for c in columns)
    marks = ", ".join(str(int(i)) for i in ids)
    return [
        tuple(row)
        for row in session.connection().exec_driver_sql(
            f"SELECT {names} FROM {table.name} WHERE id IN ({marks}) ORDER BY id"
        )
    ]


def test_bulk_rows_equal_sqlalchemy_rows(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        seed(s)
        case = make_case(s, status=CaseStatus.ACCEPTED)
        template = {c.name: getattr(case, c.key) for c in CASES.c}
        last = s.scalar(select(Case.id).order_by(Case.id.desc()).limit(1)) or 0
        rows: list[dict[str, Any]] = []
        for k, (amount, suspended, at) in enumerate(
            [
                (Decimal("1234.50"), True, _AT[0]),
                (Decimal("1234.5"), False, _AT[1]),
                (None, False, _AT[2]),
                (Decimal("0.00"), True, _AT[3]),
            ]
        ):
            rows.append(
                template
                | {
                    "id": last + 1 + 2 * k,
                    "number": f"B-2026-{k:05d}",
                    "amount_claimed": amount,
                    "is_suspended": suspended,
                    "created_at": at,
                    "updated_at": at,
                    "status": [CaseStatus.ACCEPTED, "mediating"][k % 2],
                    "due_on": [None, dt.date(2026, 12, 31)][k % 2],
                }
            )
        bulk = rows
        orm = [r | {"id": r["id"] + 1, "number": r["number"] + "o"} for r in rows]
        bulk_insert(s, CASES, bulk)
        s.execute(insert(CASES), orm)
        events: list[dict[str, Any]] = [
            {
                "id": 10_000 + k,
                "case_id": case.id,
                "at": at,
                "user_id": None,
                "kind": EventKind.ACCEPTED if k % 2 else EventKind.ACCEPTED.value,
                "from_status": None,
                "to_status": CaseStatus.ACCEPTED,
                "reason": None if k % 2 else "理由",
                "details": None,
            }
            for k, at in enumerate(_AT)
        ]
        bulk_insert(s, EVENTS, events)
        s.execute(insert(EVENTS), [e | {"id": e["id"] + 100} for e in events])
        ours = _raw(s, CASES, [r["id"] for r in bulk], {"id", "number"})
        theirs = _raw(s, CASES, [r["id"] for r in orm], {"id", "number"})
        assert ours == theirs
        ours = _raw(s, EVENTS, [e["id"] for e in events], {"id"})
        theirs = _raw(s, EVENTS, [e["id"] + 100 for e in events], {"id"})
        assert ours == theirs
        assert [c.created_at for c in s.scalars(select(Case).where(Case.number.like("B-%")))]
