"""search on SQLite: the case documents written again where migration 0021 wrote them by id

Migration 0021 as first committed keyed each case's document by the case's id; it now keys
it by the id negated, which FTS5 reads newest first in ascending rowid order, several times
faster where a long doclist is skipped through (ipdesk/services/queries/search_index.py).
A database upgraded to 0021 in between (its triggers write ``cases.id``) gets the table,
its triggers and its documents again; one that ran the present 0021 has nothing to do.
PostgreSQL: nothing.

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statements of migration 0021, frozen here too (tests/test_migrations.py compares them
# with the live copies in ipdesk.services.queries.search_index).

SQLITE_TABLE: Final = """CREATE VIRTUAL TABLE search_case_docs USING fts5(
        number, right_number, court_case_number, facts, names, ids, grams, scope, tokenize='trigram', content='', columnsize=0)"""

SQLITE_TRIGGERS: Final = [
    """CREATE TRIGGER search_docs_cases_ai AFTER INSERT ON cases BEGIN
        INSERT INTO search_case_docs (rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id = NEW.id;
    END""",
    """CREATE TRIGGER search_docs_cases_bu BEFORE UPDATE OF id, number, right_number, court_case_number, facts, office_id, station_id ON cases BEGIN
        INSERT INTO search_case_docs (search_case_docs, rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT 'delete', -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id = OLD.id;
    END""",
    """CREATE TRIGGER search_docs_cases_au AFTER UPDATE OF id, number, right_number, court_case_number, facts, office_id, station_id ON cases BEGIN
        INSERT INTO search_case_docs (rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id = NEW.id;
    END""",
    """CREATE TRIGGER search_docs_cases_bd BEFORE DELETE ON cases BEGIN
        INSERT INTO search_case_docs (search_case_docs, rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT 'delete', -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id = OLD.id;
    END""",
    """CREATE TRIGGER search_docs_parties_bi BEFORE INSERT ON parties BEGIN
        INSERT INTO search_case_docs (search_case_docs, rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT 'delete', -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id = NEW.case_id;
    END""",
    """CREATE TRIGGER search_docs_parties_ai AFTER INSERT ON parties BEGIN
        INSERT INTO search_case_docs (rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id = NEW.case_id;
    END""",
    """CREATE TRIGGER search_docs_parties_bu BEFORE UPDATE OF id, name, id_number, case_id ON parties BEGIN
        INSERT INTO search_case_docs (search_case_docs, rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT 'delete', -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id IN (OLD.case_id, NEW.case_id);
    END""",
    """CREATE TRIGGER search_docs_parties_au AFTER UPDATE OF id, name, id_number, case_id ON parties BEGIN
        INSERT INTO search_case_docs (rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id IN (OLD.case_id, NEW.case_id);
    END""",
    """CREATE TRIGGER search_docs_parties_bd BEFORE DELETE ON parties BEGIN
        INSERT INTO search_case_docs (search_case_docs, rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT 'delete', -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id = OLD.case_id;
    END""",
    """CREATE TRIGGER search_docs_parties_ad AFTER DELETE ON parties BEGIN
        INSERT INTO search_case_docs (rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases WHERE cases.id = OLD.case_id;
    END""",
]

SQLITE_FILL: Final = [
    "INSERT INTO search_case_docs (rowid, number, right_number, court_case_number, facts, names, ids, grams, scope) SELECT -cases.id, cases.number, cases.right_number, cases.court_case_number, cases.facts, (SELECT group_concat(char(61443) || parties.name || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || parties.id_number || char(61443), '') FROM parties WHERE parties.case_id = cases.id), (SELECT group_concat(char(61443) || char(61442) || (SELECT group_concat(substr(parties.name, n, 1), char(61442)) FROM search_positions WHERE n <= length(parties.name)) || char(61442) || CASE WHEN length(parties.name) > 200 THEN substr(parties.name, 201, 1) ELSE '' END || char(61443), '') FROM parties WHERE parties.case_id = cases.id), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM cases ORDER BY cases.id DESC",
    "INSERT INTO search_case_docs (search_case_docs) VALUES ('optimize')",
]

SQLITE_DOWN: Final = [
    "DROP TRIGGER IF EXISTS search_docs_cases_ai",
    "DROP TRIGGER IF EXISTS search_docs_cases_bu",
    "DROP TRIGGER IF EXISTS search_docs_cases_au",
    "DROP TRIGGER IF EXISTS search_docs_cases_bd",
    "DROP TRIGGER IF EXISTS search_docs_parties_bi",
    "DROP TRIGGER IF EXISTS search_docs_parties_ai",
    "DROP TRIGGER IF EXISTS search_docs_parties_bu",
    "DROP TRIGGER IF EXISTS search_docs_parties_au",
    "DROP TRIGGER IF EXISTS search_docs_parties_bd",
    "DROP TRIGGER IF EXISTS search_docs_parties_ad",
    "DROP TABLE IF EXISTS search_case_docs",
]


def upgrade() -> None:
    """Build the documents again when their insert trigger is not 0021's."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    written = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_docs_cases_ai'"
    ).scalar()
    if written == SQLITE_TRIGGERS[0]:
        return
    for statement in [*SQLITE_DOWN, SQLITE_TABLE, *SQLITE_FILL, *SQLITE_TRIGGERS]:
        op.execute(statement)


def downgrade() -> None:
    """Nothing: 0021's documents, as this revision leaves them, serve 0021 too."""
