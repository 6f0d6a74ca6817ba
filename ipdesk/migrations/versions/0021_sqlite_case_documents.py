"""search on SQLite: one document a case, for searches of several terms

A search of several terms found each term's cases in three full-text tables (the case's
text, its parties' names and ID numbers by trigrams, the names' bigrams) and intersected
them in SQL or in Python. When every term is common (乳业 科尔沁, 王 伟 有限) that read every
match of every term: 0.2-2.2 s at 1,000,000 cases. The table search_case_docs holds one row
a case with everything a term may match in it — the case's text, its
parties' names and ID numbers, the names again as "gram" text that 1- and 2-character terms
match as trigrams, and the scope; its rowid is the case's id negated, see
ipdesk/services/queries/search_index.py — so that such a search is one MATCH of the terms' AND,
which FTS5 answers by stepping through the terms' doclists together, newest first, until
the page is full (ipdesk/services/queries/search.py, _sqlite_docs_query). The
three tables stay: one term, the case list's filter and the similar cases read them.

Triggers keep the documents whichever path writes: before a change of a case or of one of
its parties, the document as it stands is deleted (a contentless table must be given the
old values; the same SELECT over the same rows gives them), after it the new one written.
PostgreSQL: nothing (its part does nothing).

Measured on 2 cores shared with other work: the 100,000-case demo (100,110 cases, 215,361
parties) 14 s (7 s of CPU) at load 4; the 1,000,000-case demo (2,150,129 parties) at load
8-10 about 10 minutes (100-106 s of CPU: the rest waits for the disk and the other
processes), the downgrade 30 s. The table takes 0.94 GB at 1,000,000 cases (15% of the 6.2 GB
database). Writes are held meanwhile; run it in a quiet hour.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statements as this revision wrote them, frozen here (SQLite keeps the text in
# sqlite_master); the live copies are in ipdesk.services.queries.search_index
# (tests/test_migrations.py compares them).

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
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in [SQLITE_TABLE, *SQLITE_FILL, *SQLITE_TRIGGERS]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in SQLITE_DOWN:
        op.execute(statement)
