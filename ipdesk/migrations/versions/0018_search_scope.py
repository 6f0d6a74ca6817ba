"""search scope: the PostgreSQL search indexes also hold each row's office and station

A party row did not know its case's office or station, so the search of an office's or a
station's user read every match of a term in the whole city and checked each case's scope
afterwards: a term common in the city but absent from the user's scope cost 130-380 ms at
200,000 cases. Now every party row carries its case's office and station in two columns
of the search index, ``parties.search_office_id`` and ``parties.search_station_id``
(named ``search_*``: not in the models, PostgreSQL only, left out of the schema
comparison like the rest of the index), and the three GIN indexes take the office and the
station as further columns (``btree_gin``), so that one index scan keeps only the matches
in the user's scope (ipdesk/services/queries/search.py, ``_pg_newest``).

The database keeps the copies right itself, whichever path writes (the services' intake,
a transfer, the demo's bulk insert, a restore, SQL by hand): a trigger before each insert
of a party (or change of its case) copies its case's office and station, and a trigger
after a change of a case's office or station (a transfer) copies them to its parties.

SQLite is unchanged: its search joins the case of each match it reads, newest first.

The upgrade drops the three indexes, fills the columns with one UPDATE (every party row
is written again), and builds the indexes again, inside the migration's transaction
(which locks writes to ``cases`` and ``parties`` meanwhile; reads go on). Measured on
200,000 demo cases and 430,000 parties, on 2 cores shared with other work at load 9-11:
117-182 s (the UPDATE 18-32 s, the three indexes 22-28 s, 30-43 s and 46-80 s); the
party rows written again leave as many dead rows for autovacuum. The downgrade, which
builds 0015's indexes again, 79 s. About five times as long for a million cases: run it
in a quiet hour. The trigger on parties costs about 15 microseconds a row inserted
(200,000 rows: 10.9-11.4 s against 7.6-8.9 s without it, no GIN index on the table).

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statements as this revision wrote them, frozen here; the live copies are in
# ipdesk.services.queries.search_index (tests/test_migrations.py compares them).

POSTGRESQL_SCOPE: Final = [
    "ALTER TABLE parties ADD COLUMN search_office_id integer, ADD COLUMN search_station_id integer",
    """CREATE FUNCTION search_party_scope() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            SELECT office_id, station_id INTO NEW.search_office_id, NEW.search_station_id
                FROM cases WHERE id = NEW.case_id;
            RETURN NEW;
        END
    $$""",
    """CREATE TRIGGER search_parties_scope BEFORE INSERT OR UPDATE OF case_id, search_office_id, search_station_id
        ON parties FOR EACH ROW EXECUTE FUNCTION search_party_scope()""",
    """CREATE FUNCTION search_case_scope() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE parties SET search_office_id = NEW.office_id, search_station_id = NEW.station_id
                WHERE case_id = NEW.id;
            RETURN NULL;
        END
    $$""",
    """CREATE TRIGGER search_cases_scope AFTER UPDATE OF office_id, station_id ON cases FOR EACH ROW
        WHEN (OLD.office_id IS DISTINCT FROM NEW.office_id OR OLD.station_id IS DISTINCT FROM NEW.station_id)
        EXECUTE FUNCTION search_case_scope()""",
]

POSTGRESQL_SCOPE_DOWN: Final = [
    "DROP TRIGGER IF EXISTS search_cases_scope ON cases",
    "DROP FUNCTION IF EXISTS search_case_scope()",
    "DROP TRIGGER IF EXISTS search_parties_scope ON parties",
    "DROP FUNCTION IF EXISTS search_party_scope()",
    "ALTER TABLE parties DROP COLUMN IF EXISTS search_office_id, DROP COLUMN IF EXISTS search_station_id",
]

# Fills the columns of the rows already there (the trigger on parties is created after it:
# it would look each case up again).
FILL: Final = (
    "UPDATE parties SET search_office_id = cases.office_id, search_station_id = cases.station_id"
    " FROM cases WHERE cases.id = parties.case_id"
)

POSTGRESQL_INDEXES: Final = {
    "search_cases_trgm": "CREATE INDEX search_cases_trgm ON cases USING gin ((number || ' ' || coalesce(right_number, '') || ' ' || coalesce(court_case_number, '') || ' ' || facts) gin_trgm_ops, (id >> 8), office_id, station_id)",
    "search_parties_trgm": "CREATE INDEX search_parties_trgm ON parties USING gin ((name || ' ' || coalesce(id_number, '')) gin_trgm_ops, (case_id >> 8), search_office_id, search_station_id)",
    "search_parties_grams": "CREATE INDEX search_parties_grams ON parties USING gin (search_grams(name), (case_id >> 8), search_office_id, search_station_id)",
}

# As migration 0015 made them.
PREVIOUS_INDEXES: Final = {
    "search_cases_trgm": "CREATE INDEX search_cases_trgm ON cases USING gin ((number || ' ' || coalesce(right_number, '') || ' ' || coalesce(court_case_number, '') || ' ' || facts) gin_trgm_ops, (id >> 8))",
    "search_parties_trgm": "CREATE INDEX search_parties_trgm ON parties USING gin ((name || ' ' || coalesce(id_number, '')) gin_trgm_ops, (case_id >> 8))",
    "search_parties_grams": "CREATE INDEX search_parties_grams ON parties USING gin (search_grams(name), (case_id >> 8))",
}


def _drop_indexes() -> None:
    for name in POSTGRESQL_INDEXES:
        # IF EXISTS: a bulk load killed midway may have left one missing
        op.execute(f"DROP INDEX IF EXISTS {name}")


def _create_indexes(indexes: dict[str, str]) -> None:
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    for statement in indexes.values():
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _drop_indexes()  # every party row is written again: cheaper without them
    scope_columns, *triggers = POSTGRESQL_SCOPE
    op.execute(scope_columns)
    op.execute(FILL)
    for statement in triggers:
        op.execute(statement)
    _create_indexes(POSTGRESQL_INDEXES)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _drop_indexes()
    for statement in POSTGRESQL_SCOPE_DOWN:
        op.execute(statement)
    _create_indexes(PREVIOUS_INDEXES)
