"""blobs: evidence files and generated documents content-addressed in the database

* ``blobs`` (one row per content: SHA-256, size, kind, number of chunks, first stored),
* ``blob_chunks`` (its bytes, at most 256 KiB a row, numbered from 0; BLOB on SQLite,
  BYTEA on PostgreSQL).

Only the tables: the files the desktops kept in their local folders are not known to the
database (each desktop had its own folders). They are imported by an idempotent repair
step, run by the desktop at start-up with its folders and by ``ipdesk-admin files
import-local`` (services/infra/file_import.py); until then the records that lack their content
are reported by ``ipdesk-admin files verify`` and the desktop's file check.

Downgrading drops the tables (the local files the import read are left where they were).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blobs")),
    )
    op.create_table(
        "blob_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["blobs.sha256"],
            name=op.f("fk_blob_chunks_sha256_blobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_blob_chunks")),
    )


def downgrade() -> None:
    op.drop_table("blob_chunks")
    op.drop_table("blobs")
