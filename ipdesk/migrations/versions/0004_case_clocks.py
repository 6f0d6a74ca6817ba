"""case clocks: clocks that stop when the work stops (data only, no schema change)

Before this revision a failed (调解不成) or withdrawn (已撤回) case kept a running handling
limit until it was closed — counted as due soon or overdue and raising alerts — and a case
not yet accepted had no due date of its own although its decision on acceptance (5 working
days) runs. The program now derives both differently (services/cases/limits.py); this revision
brings the stored, derived state of an existing database in line once, with the same rules:

* the handling limit of a failed or withdrawn case, or of a case closed in one of those
  states, is met on the day the work stopped — the day (Beijing time) of its last failure
  or withdrawal event; without one (rows written by another program) the day the case was
  last written, for a closed case its closing day — never before the acceptance; such a
  case's clock no longer stands still (``is_suspended`` false);
* a case not accepted (registered, or rejected) takes its decision on acceptance's due date
  as its own (``cases.due_on``, empty until now);
* alerts of the limits that stopped are withdrawn (as the program withdraws alerts that no
  longer apply).

The case rows' versions are not moved: the due date and the suspension flag are derived
data (as when a rule or the holiday table changes). Downgrading leaves the data as it is:
the older program recomputes a case's limits whenever it changes it.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEIJING = dt.timezone(dt.timedelta(hours=8))
STOPPED = ("failed", "withdrawn")

cases = sa.table(
    "cases",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("outcome", sa.String),
    sa.column("received_on", sa.Date),
    sa.column("accepted_on", sa.Date),
    sa.column("closed_on", sa.Date),
    sa.column("due_on", sa.Date),
    sa.column("is_suspended", sa.Boolean),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
limits = sa.table(
    "case_limits",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("ref_key", sa.Integer),
    sa.column("due_on", sa.Date),
    sa.column("state", sa.String),
    sa.column("met_on", sa.Date),
)
events = sa.table(
    "case_events",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("kind", sa.String),
)
alerts = sa.table(
    "alerts",
    sa.column("id", sa.Integer),
    sa.column("limit_id", sa.Integer),
    sa.column("withdrawn_at", sa.DateTime(timezone=True)),
)


def _beijing_day(at: dt.datetime) -> dt.date:
    if at.tzinfo is None:  # SQLite keeps UTC timestamps naive
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(BEIJING).date()


def repair_stopped_clocks(conn: sa.Connection) -> dict[str, int]:
    """Bring the stored limits in line with the rules above; returns how many limits,
    cases' due dates and alerts were changed. Idempotent: a second run changes nothing."""
    stopped_case = sa.or_(
        cases.c.status.in_(STOPPED),
        sa.and_(cases.c.status == "closed", cases.c.outcome.in_(STOPPED)),
    )
    rows = conn.execute(
        sa.select(
            limits.c.id,
            limits.c.state,
            limits.c.met_on,
            cases.c.id,
            cases.c.status,
            cases.c.accepted_on,
            cases.c.closed_on,
            cases.c.updated_at,
            cases.c.is_suspended,
        )
        .join(cases, cases.c.id == limits.c.case_id)
        .where(
            limits.c.kind == "handling",
            limits.c.ref_key == 0,
            limits.c.state != "cancelled",
            cases.c.accepted_on.is_not(None),
            stopped_case,
        )
        .order_by(limits.c.id)
    ).all()
    last_stop: dict[int, dt.date] = {}
    for chunk_start in range(0, len(rows), 500):
        ids = [r[3] for r in rows[chunk_start : chunk_start + 500]]
        for case_id, at in conn.execute(
            sa.select(events.c.case_id, sa.func.max(events.c.at))
            .where(events.c.case_id.in_(ids), events.c.kind.in_(STOPPED))
            .group_by(events.c.case_id)
        ):
            if at is not None:
                last_stop[case_id] = _beijing_day(at)
    changed_limits: list[int] = []
    unsuspend: list[int] = []
    for limit_id, state, met_on, case_id, status, accepted_on, closed_on, updated, paused in rows:
        day = last_stop.get(case_id)
        if day is None:
            if status == "closed":
                day = closed_on
            elif updated is not None:
                day = _beijing_day(updated)
        day = max(day or accepted_on, accepted_on)
        if (state, met_on) != ("met", day):
            conn.execute(
                sa.update(limits).where(limits.c.id == limit_id).values(state="met", met_on=day)
            )
            changed_limits.append(limit_id)
        if paused:
            unsuspend.append(case_id)
    for first in range(0, len(unsuspend), 500):
        conn.execute(
            sa.update(cases)
            .where(cases.c.id.in_(unsuspend[first : first + 500]))
            .values(is_suspended=False)
        )
    withdrawn = 0
    now = dt.datetime.now(dt.UTC)
    if conn.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)
    for first in range(0, len(changed_limits), 500):
        result = conn.execute(
            sa.update(alerts)
            .where(
                alerts.c.limit_id.in_(changed_limits[first : first + 500]),
                alerts.c.withdrawn_at.is_(None),
            )
            .values(withdrawn_at=now)
        )
        withdrawn += result.rowcount or 0
    decision_due = (
        sa.select(limits.c.due_on)
        .where(
            limits.c.case_id == cases.c.id,
            limits.c.kind == "acceptance_decision",
            limits.c.ref_key == 0,
            limits.c.state != "cancelled",
        )
        .scalar_subquery()
    )
    dated = conn.execute(
        sa.update(cases)
        .where(
            cases.c.status.in_(("registered", "rejected")),
            cases.c.accepted_on.is_(None),
            cases.c.due_on.is_(None),
            decision_due.is_not(None),
        )
        .values(due_on=decision_due)
    )
    return {
        "limits": len(changed_limits),
        "unsuspended": len(unsuspend),
        "alerts": withdrawn,
        "due_dates": dated.rowcount or 0,
    }


def upgrade() -> None:
    repair_stopped_clocks(op.get_bind())


def downgrade() -> None:
    pass
