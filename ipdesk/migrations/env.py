"""Alembic environment: always runs on a connection handed over by ipdesk.migrate."""

from __future__ import annotations

from alembic import context

from ipdesk.migrations.schema_filter import include_name, include_object
from ipdesk.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through ipdesk.migrate (it passes the connection)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
    # The search index (migration 0002) lives outside the models.
    include_name=include_name,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
