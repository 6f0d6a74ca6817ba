"""dashboard summary of other records: confirmations, consultation requests and follow-up
visits join the maintained summary (services/dashboard_summary.py)

No schema change: the summary is computed again from scratch, now with the kinds of these
records, so that a database summarised by revision 0008 reads the same figures as the
computation over the records. Downgrading leaves the rows; revision 0008's program ignores
kinds it does not know.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from ipdesk.services.dashboard_summary import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    pass
