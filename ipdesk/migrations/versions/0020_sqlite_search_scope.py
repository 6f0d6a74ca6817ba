"""search scope on SQLite: the full-text tables also hold each row's office and station

The search of an office's or a station's user for a term common in the city but rare (or
absent) in its unit read every match in the city from the FTS5 tables and checked each
case's scope afterwards: 0.55-0.73 s at 1,000,000 cases (科尔沁, 乳业 for office 9 or
station 8). The three tables (search_case_fts, search_party_fts, search_party_grams) get a
further column ``scope``: the tokens of the row's case's office and station
(ipdesk/services/queries/search.py, SQLITE_OFFICE_MARK), which such a search adds to its
MATCH, so that FTS5 intersects the term's rows with the unit's itself. PostgreSQL did the
same in migration 0018 (its part here does nothing).

The triggers keep the scope right whichever path writes: a case's row is indexed with its
office and station, a party's with its case's (while the case exists), a transfer (a change
of a case's office or station) indexes the case and its parties again, and a case's
parties leave the index before the case is deleted (its ON DELETE CASCADE deletes them
after, when their scope can no longer be read).

An FTS5 table takes no new column: the upgrade drops the three tables and their triggers,
creates them again with the column and fills them with one INSERT ... SELECT each (the
parties with their case's scope), then merges each into one b-tree ('optimize'), inside
the migration's transaction. The downgrade builds 0002's tables again the same way.
Measured on 2 cores shared with other work: on the 100,000-case demo (100,110 cases,
215,361 parties) at load 8-9 the upgrade 15.5 s (7.4 s of CPU), the downgrade 25.7 s
(9.5 s); on the 1,000,000-case demo (2,150,129 parties) at load 8-13 the upgrade 5.7 min
(107 s of CPU: the rest waits for the disk and the other processes), the downgrade 3.7 min
(111 s of CPU). Writes are held meanwhile; run it in a quiet hour.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statements as this revision wrote them, frozen here (SQLite keeps the text in
# sqlite_master); the live copies are in ipdesk.services.queries.search_index
# (tests/test_migrations.py compares them).

SQLITE_TABLES: Final = [
    """CREATE VIRTUAL TABLE search_case_fts USING fts5(
        number, right_number, court_case_number, facts, scope, tokenize='trigram', content='', columnsize=0)""",
    """CREATE VIRTUAL TABLE search_party_fts USING fts5(
        name, id_number, scope, tokenize='trigram', content='', columnsize=0)""",
    """CREATE VIRTUAL TABLE search_party_grams USING fts5(
        grams, scope, tokenize='unicode61', content='', columnsize=0, detail=none, prefix='1')""",
]

SQLITE_TRIGGERS: Final = [
    """CREATE TRIGGER search_cases_ai AFTER INSERT ON cases BEGIN
        INSERT INTO search_case_fts (rowid, number, right_number, court_case_number, facts, scope) VALUES (NEW.id, NEW.number, NEW.right_number, NEW.court_case_number, NEW.facts, char(61440, 57344 + (NEW.office_id >> 12), 57344 + (NEW.office_id & 4095)) || CASE WHEN NEW.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (NEW.station_id >> 12), 57344 + (NEW.station_id & 4095)) END);
    END""",
    """CREATE TRIGGER search_cases_au AFTER UPDATE OF id, number, right_number, court_case_number, facts, office_id, station_id ON cases BEGIN
        INSERT INTO search_case_fts (search_case_fts, rowid, number, right_number, court_case_number, facts, scope) VALUES ('delete', OLD.id, OLD.number, OLD.right_number, OLD.court_case_number, OLD.facts, char(61440, 57344 + (OLD.office_id >> 12), 57344 + (OLD.office_id & 4095)) || CASE WHEN OLD.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (OLD.station_id >> 12), 57344 + (OLD.station_id & 4095)) END);
        INSERT INTO search_case_fts (rowid, number, right_number, court_case_number, facts, scope) VALUES (NEW.id, NEW.number, NEW.right_number, NEW.court_case_number, NEW.facts, char(61440, 57344 + (NEW.office_id >> 12), 57344 + (NEW.office_id & 4095)) || CASE WHEN NEW.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (NEW.station_id >> 12), 57344 + (NEW.station_id & 4095)) END);
    END""",
    """CREATE TRIGGER search_cases_scope AFTER UPDATE OF office_id, station_id ON cases
        WHEN OLD.office_id IS NOT NEW.office_id OR OLD.station_id IS NOT NEW.station_id BEGIN
        INSERT INTO search_party_fts (search_party_fts, rowid, name, id_number, scope) SELECT 'delete', id, name, id_number, char(61440, 57344 + (OLD.office_id >> 12), 57344 + (OLD.office_id & 4095)) || CASE WHEN OLD.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (OLD.station_id >> 12), 57344 + (OLD.station_id & 4095)) END FROM parties WHERE case_id = OLD.id;
        INSERT INTO search_party_grams (search_party_grams, rowid, grams, scope) SELECT 'delete', id, (SELECT group_concat(substr(name, n, 2), ' ') FROM search_positions WHERE n <= length(name)), char(61440, 57344 + (OLD.office_id >> 12), 57344 + (OLD.office_id & 4095)) || CASE WHEN OLD.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (OLD.station_id >> 12), 57344 + (OLD.station_id & 4095)) END FROM parties WHERE case_id = OLD.id;
        INSERT INTO search_party_fts (rowid, name, id_number, scope) SELECT id, name, id_number, char(61440, 57344 + (NEW.office_id >> 12), 57344 + (NEW.office_id & 4095)) || CASE WHEN NEW.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (NEW.station_id >> 12), 57344 + (NEW.station_id & 4095)) END FROM parties WHERE case_id = NEW.id;
        INSERT INTO search_party_grams (rowid, grams, scope) SELECT id, (SELECT group_concat(substr(name, n, 2), ' ') FROM search_positions WHERE n <= length(name)), char(61440, 57344 + (NEW.office_id >> 12), 57344 + (NEW.office_id & 4095)) || CASE WHEN NEW.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (NEW.station_id >> 12), 57344 + (NEW.station_id & 4095)) END FROM parties WHERE case_id = NEW.id;
    END""",
    """CREATE TRIGGER search_cases_bd BEFORE DELETE ON cases BEGIN
        INSERT INTO search_party_fts (search_party_fts, rowid, name, id_number, scope) SELECT 'delete', id, name, id_number, char(61440, 57344 + (OLD.office_id >> 12), 57344 + (OLD.office_id & 4095)) || CASE WHEN OLD.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (OLD.station_id >> 12), 57344 + (OLD.station_id & 4095)) END FROM parties WHERE case_id = OLD.id;
        INSERT INTO search_party_grams (search_party_grams, rowid, grams, scope) SELECT 'delete', id, (SELECT group_concat(substr(name, n, 2), ' ') FROM search_positions WHERE n <= length(name)), char(61440, 57344 + (OLD.office_id >> 12), 57344 + (OLD.office_id & 4095)) || CASE WHEN OLD.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (OLD.station_id >> 12), 57344 + (OLD.station_id & 4095)) END FROM parties WHERE case_id = OLD.id;
    END""",
    """CREATE TRIGGER search_cases_ad AFTER DELETE ON cases BEGIN
        INSERT INTO search_case_fts (search_case_fts, rowid, number, right_number, court_case_number, facts, scope) VALUES ('delete', OLD.id, OLD.number, OLD.right_number, OLD.court_case_number, OLD.facts, char(61440, 57344 + (OLD.office_id >> 12), 57344 + (OLD.office_id & 4095)) || CASE WHEN OLD.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (OLD.station_id >> 12), 57344 + (OLD.station_id & 4095)) END);
    END""",
    """CREATE TRIGGER search_parties_ai AFTER INSERT ON parties BEGIN
        INSERT INTO search_party_fts (rowid, name, id_number, scope) SELECT NEW.id, NEW.name, NEW.id_number, char(61440, 57344 + (office_id >> 12), 57344 + (office_id & 4095)) || CASE WHEN station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (station_id >> 12), 57344 + (station_id & 4095)) END FROM cases WHERE id = NEW.case_id;
        INSERT INTO search_party_grams (rowid, grams, scope) SELECT NEW.id, (SELECT group_concat(substr(NEW.name, n, 2), ' ') FROM search_positions WHERE n <= length(NEW.name)), char(61440, 57344 + (office_id >> 12), 57344 + (office_id & 4095)) || CASE WHEN station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (station_id >> 12), 57344 + (station_id & 4095)) END FROM cases WHERE id = NEW.case_id;
    END""",
    """CREATE TRIGGER search_parties_au AFTER UPDATE OF id, name, id_number, case_id ON parties BEGIN
        INSERT INTO search_party_fts (search_party_fts, rowid, name, id_number, scope) SELECT 'delete', OLD.id, OLD.name, OLD.id_number, char(61440, 57344 + (office_id >> 12), 57344 + (office_id & 4095)) || CASE WHEN station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (station_id >> 12), 57344 + (station_id & 4095)) END FROM cases WHERE id = OLD.case_id;
        INSERT INTO search_party_grams (search_party_grams, rowid, grams, scope) SELECT 'delete', OLD.id, (SELECT group_concat(substr(OLD.name, n, 2), ' ') FROM search_positions WHERE n <= length(OLD.name)), char(61440, 57344 + (office_id >> 12), 57344 + (office_id & 4095)) || CASE WHEN station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (station_id >> 12), 57344 + (station_id & 4095)) END FROM cases WHERE id = OLD.case_id;
        INSERT INTO search_party_fts (rowid, name, id_number, scope) SELECT NEW.id, NEW.name, NEW.id_number, char(61440, 57344 + (office_id >> 12), 57344 + (office_id & 4095)) || CASE WHEN station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (station_id >> 12), 57344 + (station_id & 4095)) END FROM cases WHERE id = NEW.case_id;
        INSERT INTO search_party_grams (rowid, grams, scope) SELECT NEW.id, (SELECT group_concat(substr(NEW.name, n, 2), ' ') FROM search_positions WHERE n <= length(NEW.name)), char(61440, 57344 + (office_id >> 12), 57344 + (office_id & 4095)) || CASE WHEN station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (station_id >> 12), 57344 + (station_id & 4095)) END FROM cases WHERE id = NEW.case_id;
    END""",
    """CREATE TRIGGER search_parties_ad AFTER DELETE ON parties BEGIN
        INSERT INTO search_party_fts (search_party_fts, rowid, name, id_number, scope) SELECT 'delete', OLD.id, OLD.name, OLD.id_number, char(61440, 57344 + (office_id >> 12), 57344 + (office_id & 4095)) || CASE WHEN station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (station_id >> 12), 57344 + (station_id & 4095)) END FROM cases WHERE id = OLD.case_id;
        INSERT INTO search_party_grams (search_party_grams, rowid, grams, scope) SELECT 'delete', OLD.id, (SELECT group_concat(substr(OLD.name, n, 2), ' ') FROM search_positions WHERE n <= length(OLD.name)), char(61440, 57344 + (office_id >> 12), 57344 + (office_id & 4095)) || CASE WHEN station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (station_id >> 12), 57344 + (station_id & 4095)) END FROM cases WHERE id = OLD.case_id;
    END""",
]

SQLITE_FILL: Final = [
    "INSERT INTO search_case_fts (rowid, number, right_number, court_case_number, facts, scope) SELECT id, number, right_number, court_case_number, facts, char(61440, 57344 + (office_id >> 12), 57344 + (office_id & 4095)) || CASE WHEN station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (station_id >> 12), 57344 + (station_id & 4095)) END FROM cases",
    "INSERT INTO search_party_fts (rowid, name, id_number, scope) SELECT parties.id, parties.name, parties.id_number, char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM parties CROSS JOIN cases ON cases.id = parties.case_id",
    "INSERT INTO search_party_grams (rowid, grams, scope) SELECT parties.id, (SELECT group_concat(substr(parties.name, n, 2), ' ') FROM search_positions WHERE n <= length(parties.name)), char(61440, 57344 + (cases.office_id >> 12), 57344 + (cases.office_id & 4095)) || CASE WHEN cases.station_id IS NULL THEN '' ELSE ' ' || char(61441, 57344 + (cases.station_id >> 12), 57344 + (cases.station_id & 4095)) END FROM parties CROSS JOIN cases ON cases.id = parties.case_id",
    "INSERT INTO search_case_fts (search_case_fts) VALUES ('optimize')",
    "INSERT INTO search_party_fts (search_party_fts) VALUES ('optimize')",
    "INSERT INTO search_party_grams (search_party_grams) VALUES ('optimize')",
]

# As migration 0002 made them.

PREVIOUS_TABLES: Final = [
    """CREATE VIRTUAL TABLE search_case_fts USING fts5(
        number, right_number, court_case_number, facts, tokenize='trigram', content='', columnsize=0)""",
    """CREATE VIRTUAL TABLE search_party_fts USING fts5(
        name, id_number, tokenize='trigram', content='', columnsize=0)""",
    """CREATE VIRTUAL TABLE search_party_grams USING fts5(
        grams, tokenize='unicode61', content='', columnsize=0, detail=none, prefix='1')""",
]

PREVIOUS_TRIGGERS: Final = [
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

PREVIOUS_FILL: Final = [
    "INSERT INTO search_case_fts (rowid, number, right_number, court_case_number, facts) SELECT id, number, right_number, court_case_number, facts FROM cases",
    "INSERT INTO search_party_fts (rowid, name, id_number) SELECT id, name, id_number FROM parties",
    "INSERT INTO search_party_grams (rowid, grams) SELECT id, (SELECT group_concat(substr(name, n, 2), ' ') FROM search_positions WHERE n <= length(name)) FROM parties",
    "INSERT INTO search_case_fts (search_case_fts) VALUES ('optimize')",
    "INSERT INTO search_party_fts (search_party_fts) VALUES ('optimize')",
    "INSERT INTO search_party_grams (search_party_grams) VALUES ('optimize')",
]

_TABLES: Final = ("search_party_grams", "search_party_fts", "search_case_fts")
_TRIGGERS: Final = (
    "search_cases_ai",
    "search_cases_au",
    "search_cases_scope",
    "search_cases_bd",
    "search_cases_ad",
    "search_parties_ai",
    "search_parties_au",
    "search_parties_ad",
)


def _rebuild(tables: list[str], fill: list[str], triggers: list[str]) -> None:
    """Drop the search tables and their triggers, and build them again from ``tables``,
    ``fill`` and ``triggers`` (SQLite only)."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in _TABLES:
        op.execute(f"DROP TABLE IF EXISTS {name}")
    for statement in [*tables, *fill, *triggers]:
        op.execute(statement)


def upgrade() -> None:
    _rebuild(SQLITE_TABLES, SQLITE_FILL, SQLITE_TRIGGERS)


def downgrade() -> None:
    _rebuild(PREVIOUS_TABLES, PREVIOUS_FILL, PREVIOUS_TRIGGERS)
