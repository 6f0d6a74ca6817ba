"""server: what ipdesk-server keeps besides the records (ipdesk/models/server.py)

* ``server_tokens``: the signed-in desktops' bearer tokens, as their SHA-256, with expiry;
* ``server_idempotency``: the stored outcome of each write sent with an Idempotency-Key,
  per user (kept a day);
* ``server_changes``: the change log the server pushes to the desktops (``seq``), with the
  cases' offices and stations;
* ``server_uploads``: which user uploaded which content.

Downgrading drops the tables (every desktop signs in again).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "server_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_server_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_server_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_server_tokens_token_hash")),
    )
    op.create_index("ix_server_tokens_user_id", "server_tokens", ["user_id"])
    op.create_table(
        "server_idempotency",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("call", sa.String(length=200), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_server_idempotency_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "key", name=op.f("pk_server_idempotency")),
    )
    op.create_index("ix_server_idempotency_created_at", "server_idempotency", ["created_at"])
    op.create_table(
        "server_changes",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_server_changes")),
    )
    op.create_index("ix_server_changes_at", "server_changes", ["at"])
    op.create_table(
        "server_uploads",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_server_uploads_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["blobs.sha256"],
            name=op.f("fk_server_uploads_sha256_blobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "sha256", name=op.f("pk_server_uploads")),
    )


def downgrade() -> None:
    op.drop_table("server_uploads")
    op.drop_index("ix_server_changes_at", table_name="server_changes")
    op.drop_table("server_changes")
    op.drop_index("ix_server_idempotency_created_at", table_name="server_idempotency")
    op.drop_table("server_idempotency")
    op.drop_index("ix_server_tokens_user_id", table_name="server_tokens")
    op.drop_table("server_tokens")
