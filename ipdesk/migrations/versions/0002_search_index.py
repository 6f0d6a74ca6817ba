"""search index

Chinese substring search over case numbers, right numbers, court case numbers, facts,
party names and ID / credit codes (see ipdesk/services/search.py for the queries).

SQLite
  * ``search_case_fts`` (rowid = case id) and ``search_party_fts`` (rowid = party id):
    contentless FTS5 tables with the trigram tokenizer, for queries of 3+ characters.
  * ``search_party_grams`` (rowid = party id): a contentless FTS5 table whose text is the
    list of the party name's character bigrams plus its last character ("王伟明" -> "王伟
    伟明 明"), tokenized by unicode61, positions not kept (detail=none) and with a
    one-character prefix index: a 2-character query is one token lookup, a 1-character
    query a prefix lookup. A trigram index cannot serve these (too short).
  * ``search_positions``: the numbers 1..200 (name length), because a trigger may not use
    a recursive CTE to walk over a name's characters.
  * Triggers on cases and parties keep the three tables in sync, whoever writes (the ORM,
    the demo generator's bulk INSERTs, a raw sqlite3 shell).

  Warning for later migrations: a batch (copy-and-move) migration of ``cases`` or
  ``parties`` drops their triggers; recreate them with the statements of
  ipdesk.services.search_index (or let its ``repair`` rebuild them and the index).

PostgreSQL
  * pg_trgm GIN indexes on one text expression per table (queries use ILIKE with the
    same expression), for queries of 3+ characters;
  * a GIN index over ``search_grams(name)``, an immutable function returning the name's
    bigrams and characters, for queries of 1-2 characters.

None of these objects are in the models: ipdesk.services.search.include_name keeps
Alembic's comparison away from them (everything named ``search_*``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from ipdesk.services.search_index import (
    POSTGRESQL_DOWN,
    POSTGRESQL_UP,
    SQLITE_DOWN,
    SQLITE_FILL,
    SQLITE_TABLES,
    SQLITE_TRIGGERS,
)

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statements live in ipdesk.services.search_index, shared with the bulk writers (the
# demo generator); a later change of the index needs a new migration (see that module).


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        statements = SQLITE_TABLES + SQLITE_TRIGGERS + SQLITE_FILL
    elif dialect == "postgresql":
        statements = POSTGRESQL_UP
    else:
        raise NotImplementedError(f"no search index for {dialect}")
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    statements = SQLITE_DOWN if dialect == "sqlite" else POSTGRESQL_DOWN
    for statement in statements:
        op.execute(statement)
