"""search index

Chinese substring search over case numbers, right numbers, court case numbers, facts,
party names and ID / credit codes (see ipdesk/services/queries/search.py for the queries).

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
  ``parties`` drops their triggers; recreate them with the statements below (or let
  ipdesk.services.queries.search_index's ``repair`` rebuild them and the index).

PostgreSQL
  * pg_trgm GIN indexes on one text expression per table (queries use ILIKE with the
    same expression), for queries of 3+ characters;
  * a GIN index over ``search_grams(name)``, an immutable function returning the name's
    bigrams and characters, for queries of 1-2 characters.

None of these objects are in the models: ipdesk.migrations.schema_filter keeps
Alembic's comparison away from them (everything named ``search_*``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statements as this revision wrote them, frozen here so that no later change of the
# program changes what this migration does (SQLite keeps the text in sqlite_master).
# ipdesk.services.queries.search_index holds the live copies that bulk writers and its repair()
# use; tests/test_migrations.py checks that they still build the same objects. A later
# change of the index needs a migration of its own.

SQLITE_TABLES: Final = [
    "CREATE TABLE search_positions (n INTEGER PRIMARY KEY)",
    """INSERT INTO search_positions (n)
        WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 200)
        SELECT n FROM k""",
    """CREATE VIRTUAL TABLE search_case_fts USING fts5(
        number, right_number, court_case_number, facts, tokenize='trigram', content='', columnsize=0)""",
    """CREATE VIRTUAL TABLE search_party_fts USING fts5(
        name, id_number, tokenize='trigram', content='', columnsize=0)""",
    """CREATE VIRTUAL TABLE search_party_grams USING fts5(
        grams, tokenize='unicode61', content='', columnsize=0, detail=none, prefix='1')""",
]

SQLITE_TRIGGERS: Final = [
    """CREATE TRIGGER search_cases_ai AFTER INSERT ON cases BEGIN
        INSERT INTO search_case_fts (rowid, number, right_number, court_case_number, facts) VALUES (NEW.id, NEW.number, NEW.right_number, NEW.court_case_number, NEW.facts);
    END""",
    """CREATE TRIGGER search_cases_au AFTER UPDATE OF id, number, right_number, court_case_number, facts ON cases BEGIN
        INSERT INTO search_case_fts (search_case_fts, rowid, number, right_number, court_case_number, facts)
            VALUES ('delete', OLD.id, OLD.number, OLD.right_number, OLD.court_case_number, OLD.facts);
        INSERT INTO search_case_fts (rowid, number, right_number, court_case_number, facts) VALUES (NEW.id, NEW.number, NEW.right_number, NEW.court_case_number, NEW.facts);
    END""",
    """CREATE TRIGGER search_cases_ad AFTER DELETE ON cases BEGIN
        INSERT INTO search_case_fts (search_case_fts, rowid, number, right_number, court_case_number, facts)
            VALUES ('delete', OLD.id, OLD.number, OLD.right_number, OLD.court_case_number, OLD.facts);
    END""",
    """CREATE TRIGGER search_parties_ai AFTER INSERT ON parties BEGIN
        INSERT INTO search_party_fts (rowid, name, id_number) VALUES (NEW.id, NEW.name, NEW.id_number);
        INSERT INTO search_party_grams (rowid, grams) VALUES (NEW.id, (SELECT group_concat(substr(NEW.name, n, 2), ' ') FROM search_positions WHERE n <= length(NEW.name)));
    END""",
    """CREATE TRIGGER search_parties_au AFTER UPDATE OF id, name, id_number ON parties BEGIN
        INSERT INTO search_party_fts (search_party_fts, rowid, name, id_number)
            VALUES ('delete', OLD.id, OLD.name, OLD.id_number);
        INSERT INTO search_party_grams (search_party_grams, rowid, grams)
            VALUES ('delete', OLD.id, (SELECT group_concat(substr(OLD.name, n, 2), ' ') FROM search_positions WHERE n <= length(OLD.name)));
        INSERT INTO search_party_fts (rowid, name, id_number) VALUES (NEW.id, NEW.name, NEW.id_number);
        INSERT INTO search_party_grams (rowid, grams) VALUES (NEW.id, (SELECT group_concat(substr(NEW.name, n, 2), ' ') FROM search_positions WHERE n <= length(NEW.name)));
    END""",
    """CREATE TRIGGER search_parties_ad AFTER DELETE ON parties BEGIN
        INSERT INTO search_party_fts (search_party_fts, rowid, name, id_number)
            VALUES ('delete', OLD.id, OLD.name, OLD.id_number);
        INSERT INTO search_party_grams (search_party_grams, rowid, grams)
            VALUES ('delete', OLD.id, (SELECT group_concat(substr(OLD.name, n, 2), ' ') FROM search_positions WHERE n <= length(OLD.name)));
    END""",
]

SQLITE_FILL: Final = [
    "INSERT INTO search_case_fts (rowid, number, right_number, court_case_number, facts) SELECT id, number, right_number, court_case_number, facts FROM cases",
    "INSERT INTO search_party_fts (rowid, name, id_number) SELECT id, name, id_number FROM parties",
    "INSERT INTO search_party_grams (rowid, grams) SELECT id, (SELECT group_concat(substr(name, n, 2), ' ') FROM search_positions WHERE n <= length(name)) FROM parties",
    "INSERT INTO search_case_fts (search_case_fts) VALUES ('optimize')",
    "INSERT INTO search_party_fts (search_party_fts) VALUES ('optimize')",
    "INSERT INTO search_party_grams (search_party_grams) VALUES ('optimize')",
]

SQLITE_DOWN: Final = [
    "DROP TRIGGER IF EXISTS search_cases_ai",
    "DROP TRIGGER IF EXISTS search_cases_au",
    "DROP TRIGGER IF EXISTS search_cases_ad",
    "DROP TRIGGER IF EXISTS search_parties_ai",
    "DROP TRIGGER IF EXISTS search_parties_au",
    "DROP TRIGGER IF EXISTS search_parties_ad",
    "DROP TABLE IF EXISTS search_party_grams",
    "DROP TABLE IF EXISTS search_party_fts",
    "DROP TABLE IF EXISTS search_case_fts",
    "DROP TABLE IF EXISTS search_positions",
]

POSTGRESQL_UP: Final = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE FUNCTION search_grams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
            SELECT lower(substr(t, i, 2)) FROM generate_series(1, char_length(t)) AS i
            UNION ALL
            SELECT lower(substr(t, i, 1)) FROM generate_series(1, char_length(t)) AS i
        ) AS s(g)
    $$""",
    "CREATE INDEX search_cases_trgm ON cases USING gin ((number || ' ' || coalesce(right_number, '') || ' ' || coalesce(court_case_number, '') || ' ' || facts) gin_trgm_ops)",
    "CREATE INDEX search_parties_trgm ON parties USING gin ((name || ' ' || coalesce(id_number, '')) gin_trgm_ops)",
    "CREATE INDEX search_parties_grams ON parties USING gin (search_grams(name))",
]

POSTGRESQL_DOWN: Final = [
    "DROP INDEX IF EXISTS search_parties_grams",
    "DROP INDEX IF EXISTS search_parties_trgm",
    "DROP INDEX IF EXISTS search_cases_trgm",
    "DROP FUNCTION IF EXISTS search_grams(text)",
]


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
