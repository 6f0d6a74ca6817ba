"""case numbers by id: ``ix_cases_id_number`` (id, number), each case's number from a small index

The alert scan returns every alert it creates with its case's number, looked up by the
case's id (services/cases/alerts.py). Through the table that is one row of ``cases`` (about
600 bytes, six to a page) a lookup: a first scan at 1,000,000 cases (58,318 alerts) read
some 50,000 of the table's 151,593 pages for them, about 85 ms of its CPU time on SQLite.
This index holds only the id and the number (6,906 pages at a million cases, 27 MB), so the
same lookups read it alone (SQLite: ``INDEXED BY``, its planner takes the table's rowid
otherwise; PostgreSQL: an index-only scan). Building it reads the table once: about 6 s for
a million cases on SQLite.

Revision ID: 0023
Revises: 0022
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cases_id_number", "cases", ["id", "number"])


def downgrade() -> None:
    op.drop_index("ix_cases_id_number", table_name="cases")
