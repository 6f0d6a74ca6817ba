"""open limits with their ids on PostgreSQL: ``ix_case_limits_open`` INCLUDE (id)

The alert scan reads the running limits due by its horizon from ``ix_case_limits_open``
(migration 0016) and writes each missing alert with its limit's id
(services/cases/alerts.py). On SQLite every index entry holds the row's rowid, which is the
limit's id: the scan reads the index alone. On PostgreSQL the index held no id, so the
scan fetched each due limit's row from the table (a bitmap heap scan: 2,170 pages for the
16,753 limits due by the horizon at 200,000 cases, about 19 ms of a first scan's
EXPLAIN ANALYZE); with the id included it is an index-only scan (2.5 ms), and a steady scan
(every due alert there already) takes 15 ms of CPU instead of 21, 31 ms instead of 52 at
load 7 (benchmarks/bench_scan.py, medians of 5).

PostgreSQL only: the index is built again with the id as an included column (not a key
column: the scan's ranges and the refresh's groups are the same). SQLite: nothing to do.

Cost, PostgreSQL 200,000 cases (61,679 open limits): upgrade 0.5 s, downgrade 0.5 s.

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "ix_case_limits_open"
_COLUMNS = ["state", "due_on", "kind", "case_id", "start_on", "calendar_covered"]
_OPEN = "state IN ('running', 'paused')"


def _rebuild(include: list[str]) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: every entry holds the rowid, the limit's id
    op.drop_index(_NAME, table_name="case_limits")
    op.create_index(
        _NAME,
        "case_limits",
        _COLUMNS,
        postgresql_where=sa.text(_OPEN),
        postgresql_include=include,
    )


def upgrade() -> None:
    _rebuild(["id"])


def downgrade() -> None:
    _rebuild([])
