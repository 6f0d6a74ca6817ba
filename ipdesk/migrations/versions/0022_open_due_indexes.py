"""open cases by due date: partial indexes of the open cases in due-date order

The case list's "open cases by due date" (an office manager's or a mediator's most used
list) found its first page by walking ix_cases_office_due (office_id, due_on) and reading
each case's row to test its status: the office's closed cases come first in due-date order,
so it read most of the office's cases (41,000 rows, 23-28 ms of CPU on SQLite at 100,000
cases; ten times that at a million); PostgreSQL collected and sorted the office's open
cases (about 11 ms at 200,000). These two indexes hold only the open cases (about one in
nine), in due-date order: an office's (office_id, due_on, id) and the city's (due_on, id).
The first page is then the first 200 entries of one of them.

Both databases use a partial index only when the query's condition implies the index's:
SQLite needs the very term ``status IN (...)`` with the same literal values in the same
order, which ipdesk.services.queries.cases_query writes from OPEN_STATUS_SQL (the same text
as below; tests/test_migrations.py compares them).

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The open states (ipdesk.models.OPEN_STATUSES) in alphabetical order, as this revision
# wrote them.
OPEN_STATUS_SQL: Final = (
    "status IN ('accepted', 'adjudicated', 'agreement', 'confirmation_denied', "
    "'confirmation_requested', 'confirmed', 'failed', 'mediating', 'registered', 'withdrawn')"
)


def upgrade() -> None:
    where = sa.text(OPEN_STATUS_SQL)
    for name, columns in (
        ("ix_cases_open_office_due", ["office_id", "due_on", "id"]),
        ("ix_cases_open_due", ["due_on", "id"]),
    ):
        op.create_index(name, "cases", columns, sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    op.drop_index("ix_cases_open_due", table_name="cases")
    op.drop_index("ix_cases_open_office_due", table_name="cases")
