"""dashboard summary: the managers' dashboard reads maintained counts

``dashboard_summary`` holds, per kind, day (and month), office, station and further keys,
the counts services/dashboard.py used to compute over every case (see
services/dashboard_summary.py). Created and filled here from the existing cases; from
then on every change keeps it up to date in its own transaction. Downgrading drops it.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


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
    # The contributions of the cases there are: the program's own definition (the
    # summary is derived data; a later program rebuilds it with `summary rebuild`).
    from ipdesk.services.dashboard_summary import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("dashboard_summary")
