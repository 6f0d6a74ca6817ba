"""dashboard summary: the managers' dashboard reads maintained counts

``dashboard_summary`` holds, per kind, day (and month), office, station and further keys,
the counts services/queries/dashboard.py used to compute over every case (see
services/queries/dashboard_summary.py). Created and filled here from the existing cases; from
then on every change keeps it up to date in its own transaction. Downgrading drops it.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The contributions of the cases there are, as services/queries/dashboard_summary.py computed them
# when this revision was written (commit cfadc9d: cases and their clock adjustments): its
# rebuild compiled to each database's SQL (PostgreSQL's date literals typed) and frozen
# here, so that no later change of the program changes what this migration does.
# Revision 0011 computes the summary again.
SQLITE_FILL: Final = """WITH contribution AS
(SELECT 1 AS kind, cases.received_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, CAST(cases.ip_type AS VARCHAR) AS ip_type, '0001-01-01' AS lo, CASE WHEN (cases.closed_on < cases.received_on) THEN cases.closed_on ELSE '9999-12-31' END AS hi, 1 AS n
FROM cases
WHERE 1 = 1 UNION ALL SELECT 2 AS kind, cases.accepted_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, CASE WHEN (cases.closed_on < cases.accepted_on) THEN cases.closed_on ELSE '9999-12-31' END AS hi, 1 AS n
FROM cases
WHERE cases.accepted_on IS NOT NULL UNION ALL SELECT 3 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, CASE WHEN (cases.due_on IS NOT NULL AND cases.closed_on > cases.due_on) THEN 1 ELSE 0 END + CASE WHEN (cases.outcome IN ('agreement', 'confirmation_requested', 'confirmed', 'confirmation_denied', 'failed')) THEN 2 ELSE 0 END + CASE WHEN (cases.outcome IN ('agreement', 'confirmation_requested', 'confirmed', 'confirmation_denied')) THEN 4 ELSE 0 END AS flags, '' AS ip_type, CASE WHEN (cases.received_on > cases.closed_on) THEN cases.received_on ELSE '0001-01-01' END AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE cases.status = 'closed' AND cases.closed_on IS NOT NULL UNION ALL SELECT 7 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, (CAST(julianday(cases.closed_on) AS INTEGER) - CAST(julianday(coalesce(cases.accepted_on, cases.received_on)) AS INTEGER)) - CASE WHEN (suspended.case_id IS NULL) THEN 0 ELSE ((coalesce(suspended.ended_days, 0) - CASE WHEN (suspended.first_start IS NOT NULL) THEN max(min(CAST(julianday(coalesce(cases.accepted_on, cases.received_on)) AS INTEGER) + 1, CAST(julianday(suspended.first_end) AS INTEGER)) - CAST(julianday(suspended.first_start) AS INTEGER), 0) ELSE 0 END) - CASE WHEN (suspended.last_end IS NOT NULL) THEN max(CAST(julianday(suspended.last_end) AS INTEGER) - max(CAST(julianday(cases.closed_on) AS INTEGER) + 1, CAST(julianday(suspended.last_start) AS INTEGER)), 0) ELSE 0 END) + CASE WHEN (suspended.open_start IS NOT NULL) THEN max((CAST(julianday(cases.closed_on) AS INTEGER) + 1) - max(CAST(julianday(suspended.open_start) AS INTEGER), CAST(julianday(coalesce(cases.accepted_on, cases.received_on)) AS INTEGER) + 1), 0) ELSE 0 END END AS days, 0 AS flags, '' AS ip_type, CASE WHEN (cases.received_on > cases.closed_on) THEN cases.received_on ELSE '0001-01-01' END AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases LEFT OUTER JOIN (SELECT clock_adjustments.case_id AS case_id, sum(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN CAST(julianday(clock_adjustments.end_on) AS INTEGER) - CAST(julianday(clock_adjustments.start_on) AS INTEGER) ELSE 0 END) AS ended_days, min(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.start_on END) AS first_start, min(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.end_on END) AS first_end, max(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.start_on END) AS last_start, max(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.end_on END) AS last_end, max(CASE WHEN (clock_adjustments.end_on IS NULL) THEN clock_adjustments.start_on END) AS open_start
FROM clock_adjustments
WHERE clock_adjustments.kind = 'suspension' AND clock_adjustments.limit_kind = 'handling' GROUP BY clock_adjustments.case_id) AS suspended ON suspended.case_id = cases.id
WHERE cases.status = 'closed' AND cases.closed_on IS NOT NULL UNION ALL SELECT 4 AS kind, cases.received_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.closed_on IS NULL OR cases.closed_on > cases.received_on) UNION ALL SELECT 4 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE cases.closed_on > cases.received_on UNION ALL SELECT 5 AS kind, max(cases.received_on, date(cases.due_on, '+1 day')) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND (cases.closed_on IS NULL OR cases.closed_on > max(cases.received_on, date(cases.due_on, '+1 day'))) UNION ALL SELECT 5 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND cases.closed_on > max(cases.received_on, date(cases.due_on, '+1 day')) UNION ALL SELECT 6 AS kind, max(cases.received_on, date(cases.due_on, '-15 day')) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND min(date(cases.due_on, '+1 day'), coalesce(cases.closed_on, date(cases.due_on, '+1 day'))) > max(cases.received_on, date(cases.due_on, '-15 day')) UNION ALL SELECT 6 AS kind, min(date(cases.due_on, '+1 day'), coalesce(cases.closed_on, date(cases.due_on, '+1 day'))) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, '0001-01-01' AS lo, '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND min(date(cases.due_on, '+1 day'), coalesce(cases.closed_on, date(cases.due_on, '+1 day'))) > max(cases.received_on, date(cases.due_on, '-15 day')))
 INSERT INTO dashboard_summary (kind, day, office_id, station_id, days, flags, ip_type, lo, hi, n) SELECT rows.kind, rows.day, rows.office_id, rows.station_id, rows.days, rows.flags, rows.ip_type, rows.lo, rows.hi, rows.n
FROM (SELECT contribution.kind AS kind, contribution.day AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, contribution.day, contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0 UNION ALL SELECT contribution.kind + 10 AS kind, (substr(contribution.day, 1, 7) || '-01') AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, (substr(contribution.day, 1, 7) || '-01'), contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0) AS rows
WHERE 1 = 1 ON CONFLICT (kind, day, office_id, station_id, days, flags, ip_type, lo, hi) DO UPDATE SET n = (dashboard_summary.n + excluded.n)"""

POSTGRESQL_FILL: Final = """WITH contribution AS
(SELECT 1 AS kind, cases.received_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, CAST(cases.ip_type AS VARCHAR) AS ip_type, DATE '0001-01-01' AS lo, CASE WHEN (cases.closed_on < cases.received_on) THEN cases.closed_on ELSE DATE '9999-12-31' END AS hi, 1 AS n
FROM cases
WHERE true UNION ALL SELECT 2 AS kind, cases.accepted_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, CASE WHEN (cases.closed_on < cases.accepted_on) THEN cases.closed_on ELSE DATE '9999-12-31' END AS hi, 1 AS n
FROM cases
WHERE cases.accepted_on IS NOT NULL UNION ALL SELECT 3 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, CASE WHEN (cases.due_on IS NOT NULL AND cases.closed_on > cases.due_on) THEN 1 ELSE 0 END + CASE WHEN (cases.outcome IN ('agreement', 'confirmation_requested', 'confirmed', 'confirmation_denied', 'failed')) THEN 2 ELSE 0 END + CASE WHEN (cases.outcome IN ('agreement', 'confirmation_requested', 'confirmed', 'confirmation_denied')) THEN 4 ELSE 0 END AS flags, '' AS ip_type, CASE WHEN (cases.received_on > cases.closed_on) THEN cases.received_on ELSE DATE '0001-01-01' END AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE cases.status = 'closed' AND cases.closed_on IS NOT NULL UNION ALL SELECT 7 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, ((cases.closed_on - DATE '2000-01-01') - (coalesce(cases.accepted_on, cases.received_on) - DATE '2000-01-01')) - CASE WHEN (suspended.case_id IS NULL) THEN 0 ELSE ((coalesce(suspended.ended_days, 0) - CASE WHEN (suspended.first_start IS NOT NULL) THEN GREATEST(LEAST((coalesce(cases.accepted_on, cases.received_on) - DATE '2000-01-01') + 1, (suspended.first_end - DATE '2000-01-01')) - (suspended.first_start - DATE '2000-01-01'), 0) ELSE 0 END) - CASE WHEN (suspended.last_end IS NOT NULL) THEN GREATEST((suspended.last_end - DATE '2000-01-01') - GREATEST((cases.closed_on - DATE '2000-01-01') + 1, (suspended.last_start - DATE '2000-01-01')), 0) ELSE 0 END) + CASE WHEN (suspended.open_start IS NOT NULL) THEN GREATEST(((cases.closed_on - DATE '2000-01-01') + 1) - GREATEST((suspended.open_start - DATE '2000-01-01'), (coalesce(cases.accepted_on, cases.received_on) - DATE '2000-01-01') + 1), 0) ELSE 0 END END AS days, 0 AS flags, '' AS ip_type, CASE WHEN (cases.received_on > cases.closed_on) THEN cases.received_on ELSE DATE '0001-01-01' END AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases LEFT OUTER JOIN (SELECT clock_adjustments.case_id AS case_id, sum(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN (clock_adjustments.end_on - DATE '2000-01-01') - (clock_adjustments.start_on - DATE '2000-01-01') ELSE 0 END) AS ended_days, min(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.start_on END) AS first_start, min(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.end_on END) AS first_end, max(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.start_on END) AS last_start, max(CASE WHEN (clock_adjustments.end_on IS NOT NULL) THEN clock_adjustments.end_on END) AS last_end, max(CASE WHEN (clock_adjustments.end_on IS NULL) THEN clock_adjustments.start_on END) AS open_start
FROM clock_adjustments
WHERE clock_adjustments.kind = 'suspension' AND clock_adjustments.limit_kind = 'handling' GROUP BY clock_adjustments.case_id) AS suspended ON suspended.case_id = cases.id
WHERE cases.status = 'closed' AND cases.closed_on IS NOT NULL UNION ALL SELECT 4 AS kind, cases.received_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.closed_on IS NULL OR cases.closed_on > cases.received_on) UNION ALL SELECT 4 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE cases.closed_on > cases.received_on UNION ALL SELECT 5 AS kind, GREATEST(cases.received_on, (cases.due_on + 1)) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND (cases.closed_on IS NULL OR cases.closed_on > GREATEST(cases.received_on, (cases.due_on + 1))) UNION ALL SELECT 5 AS kind, cases.closed_on AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND cases.closed_on > GREATEST(cases.received_on, (cases.due_on + 1)) UNION ALL SELECT 6 AS kind, GREATEST(cases.received_on, (cases.due_on + -15)) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, 1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND LEAST((cases.due_on + 1), coalesce(cases.closed_on, (cases.due_on + 1))) > GREATEST(cases.received_on, (cases.due_on + -15)) UNION ALL SELECT 6 AS kind, LEAST((cases.due_on + 1), coalesce(cases.closed_on, (cases.due_on + 1))) AS day, cases.office_id AS office_id, coalesce(cases.station_id, 0) AS station_id, 0 AS days, 0 AS flags, '' AS ip_type, DATE '0001-01-01' AS lo, DATE '9999-12-31' AS hi, -1 AS n
FROM cases
WHERE (cases.closed_on IS NOT NULL OR cases.status IN ('accepted', 'agreement', 'confirmation_denied', 'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')) AND (cases.status NOT IN ('failed', 'withdrawn')) AND cases.due_on IS NOT NULL AND LEAST((cases.due_on + 1), coalesce(cases.closed_on, (cases.due_on + 1))) > GREATEST(cases.received_on, (cases.due_on + -15)))
 INSERT INTO dashboard_summary (kind, day, office_id, station_id, days, flags, ip_type, lo, hi, n) SELECT rows.kind, rows.day, rows.office_id, rows.station_id, rows.days, rows.flags, rows.ip_type, rows.lo, rows.hi, rows.n
FROM (SELECT contribution.kind AS kind, contribution.day AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, contribution.day, contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0 UNION ALL SELECT contribution.kind + 10 AS kind, CAST(date_trunc('month', contribution.day) AS DATE) AS day, contribution.office_id AS office_id, contribution.station_id AS station_id, contribution.days AS days, contribution.flags AS flags, contribution.ip_type AS ip_type, contribution.lo AS lo, contribution.hi AS hi, sum(contribution.n) * 1 AS n
FROM contribution GROUP BY contribution.kind, CAST(date_trunc('month', contribution.day) AS DATE), contribution.office_id, contribution.station_id, contribution.days, contribution.flags, contribution.ip_type, contribution.lo, contribution.hi
HAVING sum(contribution.n) != 0) AS rows
WHERE true ON CONFLICT (kind, day, office_id, station_id, days, flags, ip_type, lo, hi) DO UPDATE SET n = (dashboard_summary.n + excluded.n)"""


def _fill() -> None:
    """Computes the summary from scratch with this revision's definition."""
    connection = op.get_bind()
    fill = SQLITE_FILL if connection.dialect.name == "sqlite" else POSTGRESQL_FILL
    connection.exec_driver_sql("DELETE FROM dashboard_summary")
    connection.exec_driver_sql(fill)


def upgrade() -> None:
    op.create_table(
        "dashboard_summary",
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("flags", sa.SmallInteger(), nullable=False),
        sa.Column("ip_type", sa.String(length=40), nullable=False),
        sa.Column("lo", sa.Date(), nullable=False),
        sa.Column("hi", sa.Date(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "kind",
            "day",
            "office_id",
            "station_id",
            "days",
            "flags",
            "ip_type",
            "lo",
            "hi",
            name=op.f("pk_dashboard_summary"),
        ),
        sqlite_with_rowid=False,
    )
    _fill()


def downgrade() -> None:
    op.drop_table("dashboard_summary")
