"""search buckets: the PostgreSQL search indexes also hold the case id's bucket

The three GIN indexes of migration 0002 get a second column, the case id shifted right by
8 bits (256 consecutive ids; ``btree_gin`` indexes integers in a GIN index): one index
scan then keeps only a term's matches among the newest cases, and the search box reads
the newest buckets first (ipdesk/services/queries/search.py, ``_pg_newest``) instead of
fetching every match of a term found in thousands of cases. Queries on the text alone
use the indexes as before. SQLite is unchanged (its full-text tables are read newest
first already).

The indexes are dropped and built again inside the migration's transaction (CREATE INDEX
CONCURRENTLY cannot run there), which locks writes to ``cases`` and ``parties`` meanwhile.
Measured on 200,000 demo cases (2 cores shared with other work, load 6-10): 54 s for the
three indexes (12.8 s, 15.9 s and 25.3 s); the downgrade, which builds 0002's indexes
again, 67 s. About five times as long for a million cases: run it in a quiet hour.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statements as this revision wrote them, frozen here; the live copies are in
# ipdesk.services.queries.search_index (tests/test_migrations.py compares them).

POSTGRESQL_EXTENSION: Final = "CREATE EXTENSION IF NOT EXISTS btree_gin"

POSTGRESQL_INDEXES: Final = {
    "search_cases_trgm": "CREATE INDEX search_cases_trgm ON cases USING gin ((number || ' ' || coalesce(right_number, '') || ' ' || coalesce(court_case_number, '') || ' ' || facts) gin_trgm_ops, (id >> 8))",
    "search_parties_trgm": "CREATE INDEX search_parties_trgm ON parties USING gin ((name || ' ' || coalesce(id_number, '')) gin_trgm_ops, (case_id >> 8))",
    "search_parties_grams": "CREATE INDEX search_parties_grams ON parties USING gin (search_grams(name), (case_id >> 8))",
}

# As migration 0002 made them.
PREVIOUS_INDEXES: Final = {
    "search_cases_trgm": "CREATE INDEX search_cases_trgm ON cases USING gin ((number || ' ' || coalesce(right_number, '') || ' ' || coalesce(court_case_number, '') || ' ' || facts) gin_trgm_ops)",
    "search_parties_trgm": "CREATE INDEX search_parties_trgm ON parties USING gin ((name || ' ' || coalesce(id_number, '')) gin_trgm_ops)",
    "search_parties_grams": "CREATE INDEX search_parties_grams ON parties USING gin (search_grams(name))",
}


def _rebuild(indexes: dict[str, str]) -> None:
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for name, statement in indexes.items():
        # IF EXISTS: a bulk load killed midway may have left one missing
        op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(POSTGRESQL_EXTENSION)
    _rebuild(POSTGRESQL_INDEXES)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _rebuild(PREVIOUS_INDEXES)
    # btree_gin stays, as pg_trgm does: other objects may use it.
