"""mediation records and case corrections

A new table ``mediation_records`` (调解笔录: date, place, attendees, summary, next step,
recorder) of a case. Corrections of a case and evidence added later need no schema change:
they change the existing rows and write timeline events (``case_events.kind`` is text).
Neither ``cases`` nor ``parties`` is altered, so the search triggers of 0002 stay.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mediation_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("attendees", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=True),
        sa.Column("recorder_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_mediation_records_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorder_id"], ["users.id"], name=op.f("fk_mediation_records_recorder_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_records")),
    )
    with op.batch_alter_table("mediation_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_mediation_records_case_held", ["case_id", "held_on"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("mediation_records", schema=None) as batch_op:
        batch_op.drop_index("ix_mediation_records_case_held")
    op.drop_table("mediation_records")
