"""open limits index: the running and paused limits, with what the scan and the refresh read

``ix_case_limits_state_due`` (state, due_on) over every limit is replaced by the partial
index ``ix_case_limits_open`` (state, due_on, kind, case_id, start_on, calendar_covered)
over the open limits only (``state IN ('running', 'paused')``, a tenth of the rows): the
alert scan finds the limits due by its horizon and the refresh of all open limits compares
them with the due dates of their (kind, start) from the index alone, without a look-up of
each limit's row (services/cases/alerts.py, services/cases/limits.py). Nothing else reads
limits by state. Building it reads the table once: a few seconds for a million cases.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = "state IN ('running', 'paused')"


def upgrade() -> None:
    op.drop_index("ix_case_limits_state_due", table_name="case_limits")
    op.create_index(
        "ix_case_limits_open",
        "case_limits",
        ["state", "due_on", "kind", "case_id", "start_on", "calendar_covered"],
        sqlite_where=sa.text(_OPEN),
        postgresql_where=sa.text(_OPEN),
    )


def downgrade() -> None:
    op.drop_index("ix_case_limits_open", table_name="case_limits")
    op.create_index("ix_case_limits_state_due", "case_limits", ["state", "due_on"])
