"""similar cases: the index the similar-case panel reads (services/similar_cases.py)

``ix_cases_similar`` (ip_type, status, id): the finished cases of one IP type, newest
first, read from the index alone.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cases_similar", "cases", ["ip_type", "status", "id"])


def downgrade() -> None:
    op.drop_index("ix_cases_similar", table_name="cases")
