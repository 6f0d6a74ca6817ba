# ruff: noqa: E501  (the SQL must stay as migration 0002 wrote it: sqlite_master keeps the text)
"""The search index's database objects, and writing many rows around them.

Migration 0002 built the index with these statements and holds its own frozen copy (its
docstring describes the objects; :mod:`ipdesk.services.queries.search` queries them);
migration 0015 rebuilt the PostgreSQL indexes with a second column (the case id's bucket)
and holds its copy of them; migration 0018 added the parties' scope (their case's office and
station, kept by triggers) and rebuilt the indexes with the office and the station;
migration 0020 rebuilt SQLite's full-text tables with a column of the same scope (tokens:
search.SQLITE_OFFICE_MARK), kept by the triggers below. The live copy here serves the bulk
writers (the demo generator) and :func:`repair`; tests/test_migrations.py checks that the
copies still agree. A change of the index needs a new migration (with its own copy of the
new statements) besides the change here.

Bulk writing (:func:`deferred_sqlite_index`, :func:`pg_indexes_dropped`):

* SQLite: the triggers that index each new case and party cost about twice the insert
  itself. Inside one transaction, the insert triggers are dropped, the rows inserted, the
  new rows indexed with one ``INSERT … SELECT`` per search table, and the triggers created
  again; SQLite's DDL is transactional, so other connections never see the database
  without its triggers, and a crash or a rollback brings them back with the old rows.
* PostgreSQL: the GIN indexes cost more while rows come in than built once afterwards;
  for a load much larger than the tables they are dropped first and created again at the
  end (in a ``finally``). Search stays correct without them (only slower), and a process
  killed in between leaves them to :func:`repair`, which the demo runs first.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from sqlalchemy import Connection, Engine

from ipdesk.services.queries.search import (
    PG_CASE_BUCKET,
    PG_CASE_OFFICE,
    PG_CASE_STATION,
    PG_CASE_TEXT,
    PG_PARTY_BUCKET,
    PG_PARTY_OFFICE,
    PG_PARTY_STATION,
    PG_PARTY_TEXT,
    SQLITE_DOC_EDGE,
    SQLITE_DOC_GRAM,
    SQLITE_OFFICE_MARK,
    SQLITE_SCOPE_DIGIT,
    SQLITE_SCOPE_DIGIT_BITS,
    SQLITE_STATION_MARK,
)

log = logging.getLogger(__name__)

__all__ = [
    "MAX_NAME_LENGTH",
    "PG_CASE_BUCKET",
    "PG_CASE_TEXT",
    "PG_PARTY_BUCKET",
    "PG_PARTY_TEXT",
    "POSTGRESQL_DOWN",
    "POSTGRESQL_EXTENSIONS",
    "POSTGRESQL_INDEXES",
    "POSTGRESQL_SCOPE",
    "POSTGRESQL_UP",
    "SQLITE_DOCS_DOWN",
    "SQLITE_DOCS_FILL",
    "SQLITE_DOCS_TABLE",
    "SQLITE_DOCS_TRIGGERS",
    "SQLITE_DOWN",
    "SQLITE_FILL",
    "SQLITE_TABLES",
    "SQLITE_TRIGGERS",
    "deferred_sqlite_index",
    "pg_indexes_dropped",
    "repair",
    "sqlite_fill",
]

MAX_NAME_LENGTH: Final = 200

_CASE_COLUMNS = "number, right_number, court_case_number, facts"


def _grams(name: str) -> str:
    """SQL for the space-separated bigrams (and last character) of the name ``name``."""
    return (
        f"(SELECT group_concat(substr({name}, n, 2), ' ') FROM search_positions"
        f" WHERE n <= length({name}))"
    )


def _case_values(row: str) -> str:
    return ", ".join(f"{row}.{c.strip()}" for c in _CASE_COLUMNS.split(","))


# --------------------------------------------------------------------------- SQLite


def _scope(office: str, station: str) -> str:
    """SQL for the scope text of a row whose case is in office ``office`` and station
    ``station`` (SQL expressions; the station may be NULL): the tokens
    search.sqlite_scope_token makes, separated by a space (unicode61 splits there)."""

    def token(mark: int, unit_id: str) -> str:
        return (
            f"char({mark}, {SQLITE_SCOPE_DIGIT} + ({unit_id} >> {SQLITE_SCOPE_DIGIT_BITS}),"
            f" {SQLITE_SCOPE_DIGIT} + ({unit_id} & {(1 << SQLITE_SCOPE_DIGIT_BITS) - 1}))"
        )

    return (
        f"{token(SQLITE_OFFICE_MARK, office)} || CASE WHEN {station} IS NULL THEN ''"
        f" ELSE ' ' || {token(SQLITE_STATION_MARK, station)} END"
    )


def _case_scope(row: str) -> str:
    """SQL for the scope text of the case ``row`` (NEW, OLD, cases)."""
    return _scope(f"{row}.office_id", f"{row}.station_id")


_CASE_SCOPE: Final = _scope("office_id", "station_id")


def _party_rows(kind: str, party: str, case_id: str) -> str:
    """The SELECT of the values a party ``party`` (NEW, OLD) gives each party table:
    ``kind`` 'fts' (search_party_fts) or 'grams', preceded by 'delete' for an un-index. A
    party is indexed while its case exists, with the case's scope: no row without one."""
    delete = "'delete', " if party == "OLD" else ""
    if kind == "fts":
        values = f"{party}.id, {party}.name, {party}.id_number"
    else:
        values = f"{party}.id, {_grams(f'{party}.name')}"
    return f"SELECT {delete}{values}, {_CASE_SCOPE} FROM cases WHERE id = {case_id}"


_CASE_TARGET: Final = f"search_case_fts (rowid, {_CASE_COLUMNS}, scope)"
_CASE_DELETE: Final = f"search_case_fts (search_case_fts, rowid, {_CASE_COLUMNS}, scope)"
_PARTY_TARGET: Final = "search_party_fts (rowid, name, id_number, scope)"
_PARTY_DELETE: Final = "search_party_fts (search_party_fts, rowid, name, id_number, scope)"
_GRAMS_TARGET: Final = "search_party_grams (rowid, grams, scope)"
_GRAMS_DELETE: Final = "search_party_grams (search_party_grams, rowid, grams, scope)"


def _case_parties(delete: bool, scope: str) -> str:
    """The two statements (un-)indexing every party of the case ``NEW`` or ``OLD`` with
    the scope text ``scope`` (a trigger on cases)."""
    kind = "'delete', " if delete else ""
    fts, grams = (_PARTY_DELETE, _GRAMS_DELETE) if delete else (_PARTY_TARGET, _GRAMS_TARGET)
    case = "OLD" if delete else "NEW"
    return (
        f"INSERT INTO {fts} SELECT {kind}id, name, id_number, {scope} FROM parties"
        f" WHERE case_id = {case}.id;\n"
        f"        INSERT INTO {grams} SELECT {kind}id, {_grams('name')}, {scope} FROM parties"
        f" WHERE case_id = {case}.id;"
    )


SQLITE_TABLES: Final = [
    "CREATE TABLE search_positions (n INTEGER PRIMARY KEY)",
    f"""INSERT INTO search_positions (n)
        WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {MAX_NAME_LENGTH})
        SELECT n FROM k""",
    f"""CREATE VIRTUAL TABLE search_case_fts USING fts5(
        {_CASE_COLUMNS}, scope, tokenize='trigram', content='', columnsize=0)""",
    """CREATE VIRTUAL TABLE search_party_fts USING fts5(
        name, id_number, scope, tokenize='trigram', content='', columnsize=0)""",
    """CREATE VIRTUAL TABLE search_party_grams USING fts5(
        grams, scope, tokenize='unicode61', content='', columnsize=0, detail=none, prefix='1')""",
]

#: The triggers that index a new row (dropped around a bulk insert).
_SQLITE_INSERT_TRIGGERS: Final = {
    "search_cases_ai": f"""CREATE TRIGGER search_cases_ai AFTER INSERT ON cases BEGIN
        INSERT INTO {_CASE_TARGET} VALUES (NEW.id, {_case_values("NEW")}, {_case_scope("NEW")});
    END""",
    "search_parties_ai": f"""CREATE TRIGGER search_parties_ai AFTER INSERT ON parties BEGIN
        INSERT INTO {_PARTY_TARGET} {_party_rows("fts", "NEW", "NEW.case_id")};
        INSERT INTO {_GRAMS_TARGET} {_party_rows("grams", "NEW", "NEW.case_id")};
    END""",
}

_SQLITE_OTHER_TRIGGERS: Final = {
    "search_cases_au": f"""CREATE TRIGGER search_cases_au AFTER UPDATE OF id, {_CASE_COLUMNS}, office_id, station_id ON cases BEGIN
        INSERT INTO {_CASE_DELETE} VALUES ('delete', OLD.id, {_case_values("OLD")}, {_case_scope("OLD")});
        INSERT INTO {_CASE_TARGET} VALUES (NEW.id, {_case_values("NEW")}, {_case_scope("NEW")});
    END""",
    # A transfer: the case's parties take its new scope.
    "search_cases_scope": f"""CREATE TRIGGER search_cases_scope AFTER UPDATE OF office_id, station_id ON cases
        WHEN OLD.office_id IS NOT NEW.office_id OR OLD.station_id IS NOT NEW.station_id BEGIN
        {_case_parties(True, _case_scope("OLD"))}
        {_case_parties(False, _case_scope("NEW"))}
    END""",
    # Before the case goes: its parties are deleted after it (ON DELETE CASCADE), when
    # their scope can no longer be read, or stay without it (foreign keys off).
    "search_cases_bd": f"""CREATE TRIGGER search_cases_bd BEFORE DELETE ON cases BEGIN
        {_case_parties(True, _case_scope("OLD"))}
    END""",
    "search_cases_ad": f"""CREATE TRIGGER search_cases_ad AFTER DELETE ON cases BEGIN
        INSERT INTO {_CASE_DELETE} VALUES ('delete', OLD.id, {_case_values("OLD")}, {_case_scope("OLD")});
    END""",
    "search_parties_au": f"""CREATE TRIGGER search_parties_au AFTER UPDATE OF id, name, id_number, case_id ON parties BEGIN
        INSERT INTO {_PARTY_DELETE} {_party_rows("fts", "OLD", "OLD.case_id")};
        INSERT INTO {_GRAMS_DELETE} {_party_rows("grams", "OLD", "OLD.case_id")};
        INSERT INTO {_PARTY_TARGET} {_party_rows("fts", "NEW", "NEW.case_id")};
        INSERT INTO {_GRAMS_TARGET} {_party_rows("grams", "NEW", "NEW.case_id")};
    END""",
    "search_parties_ad": f"""CREATE TRIGGER search_parties_ad AFTER DELETE ON parties BEGIN
        INSERT INTO {_PARTY_DELETE} {_party_rows("fts", "OLD", "OLD.case_id")};
        INSERT INTO {_GRAMS_DELETE} {_party_rows("grams", "OLD", "OLD.case_id")};
    END""",
}

_TRIGGER_ORDER: Final = (
    "search_cases_ai",
    "search_cases_au",
    "search_cases_scope",
    "search_cases_bd",
    "search_cases_ad",
    "search_parties_ai",
    "search_parties_au",
    "search_parties_ad",
)
_SQLITE_TRIGGER_SQL: Final = _SQLITE_INSERT_TRIGGERS | _SQLITE_OTHER_TRIGGERS
SQLITE_TRIGGERS: Final = [_SQLITE_TRIGGER_SQL[name] for name in _TRIGGER_ORDER]

_SQLITE_OPTIMIZE: Final = [
    # One b-tree per index instead of one per insert batch: faster queries.
    f"INSERT INTO {table} ({table}) VALUES ('optimize')"
    for table in ("search_case_fts", "search_party_fts", "search_party_grams")
]


def sqlite_fill(after: bool = False) -> list[str]:
    """The statements indexing the cases and the parties (those of an existing case); with
    ``after``, only the rows whose id is above each statement's parameter (the last id
    indexed)."""
    cases = " WHERE id > ?" if after else ""
    parties = " WHERE parties.id > ?" if after else ""
    # CROSS JOIN: the parties read in their ids' order (FTS5 writes a new segment at each
    # rowid below the last one), their cases looked up.
    join = " CROSS JOIN cases ON cases.id = parties.case_id"
    return [
        f"INSERT INTO {_CASE_TARGET} SELECT id, {_CASE_COLUMNS}, {_CASE_SCOPE} FROM cases{cases}",
        f"INSERT INTO {_PARTY_TARGET} SELECT parties.id, parties.name, parties.id_number, {_case_scope('cases')}"
        f" FROM parties{join}{parties}",
        f"INSERT INTO {_GRAMS_TARGET} SELECT parties.id, {_grams('parties.name')}, {_case_scope('cases')}"
        f" FROM parties{join}{parties}",
    ]


SQLITE_FILL: Final = sqlite_fill() + _SQLITE_OPTIMIZE

SQLITE_DOWN: Final = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGER_ORDER),
    "DROP TABLE IF EXISTS search_party_grams",
    "DROP TABLE IF EXISTS search_party_fts",
    "DROP TABLE IF EXISTS search_case_fts",
    "DROP TABLE IF EXISTS search_positions",
]


# --------------------------------------------------------------------------- SQLite: case documents

#: Migration 0021: one row a case holding everything a term may match in the case — its own
#: text, its parties' names and ID numbers, the names again as gram text (below) and the
#: scope — so that a search of several terms is one MATCH of their AND, which FTS5 answers
#: by stepping through the terms' doclists together (search._sqlite_docs_query). The rowid
#: is the case's id negated: FTS5 reads its doclists in ascending rowid order (newest case
#: first, then) several times faster than in descending order, where skipping ahead in a
#: long doclist (有限: 78% of the cases) steps through it entry by entry (3.40: an office's
#: "鲁特旗 有限" at 1,000,000 cases 8 ms ascending, 52-68 ms descending). Rows are written
#: in ascending rowid order (cases by descending id): FTS5 starts a new segment at each
#: rowid below the last. Names and ID numbers are each written between two
#: SQLITE_DOC_EDGE characters: no query term holds one (search_terms drops private-use
#: characters), so no match spans two parties, and each trigram holds at most one party's
#: characters, whatever the parties' order. ``grams`` writes a name's characters (the first
#: MAX_NAME_LENGTH, as search_party_grams' bigrams) with SQLITE_DOC_GRAM before and after
#: each: a 1-character term c is the trigram (G, c, G), a 2-character term ab (a, G, b),
#: which only a name holding c, or ab, has (the 201st character is written followed by the
#: edge, not G: search_party_grams has it in the last bigram only).
_DOCS_COLUMNS = f"{_CASE_COLUMNS}, names, ids, grams, scope"
_DOCS_TARGET: Final = f"search_case_docs (rowid, {_DOCS_COLUMNS})"
_DOCS_DELETE: Final = f"search_case_docs (search_case_docs, rowid, {_DOCS_COLUMNS})"
_EDGE: Final = f"char({SQLITE_DOC_EDGE})"
_GRAM: Final = f"char({SQLITE_DOC_GRAM})"

SQLITE_DOCS_TABLE: Final = f"""CREATE VIRTUAL TABLE search_case_docs USING fts5(
        {_DOCS_COLUMNS}, tokenize='trigram', content='', columnsize=0)"""


def _doc_values(parties_kept: str = "") -> str:
    """The values of the case ``cases``'s document (its rowid first); ``parties_kept``: a
    further condition on the parties it holds (the deferred index's old documents)."""
    kept = f" AND {parties_kept}" if parties_kept else ""
    parties = f"FROM parties WHERE parties.case_id = cases.id{kept}"
    name_grams = (
        f"(SELECT group_concat(substr(parties.name, n, 1), {_GRAM}) FROM search_positions"
        " WHERE n <= length(parties.name))"
    )
    beyond = (
        f"CASE WHEN length(parties.name) > {MAX_NAME_LENGTH}"
        f" THEN substr(parties.name, {MAX_NAME_LENGTH + 1}, 1) ELSE '' END"
    )
    return (
        f"-cases.id, {_case_values('cases')},"
        f" (SELECT group_concat({_EDGE} || parties.name || {_EDGE}, '') {parties}),"
        f" (SELECT group_concat({_EDGE} || parties.id_number || {_EDGE}, '') {parties}),"
        f" (SELECT group_concat({_EDGE} || {_GRAM} || {name_grams} || {_GRAM} || {beyond}"
        f" || {_EDGE}, '') {parties}),"
        f" {_case_scope('cases')}"
    )


def _docs_insert(where: str) -> str:
    return f"INSERT INTO {_DOCS_TARGET} SELECT {_doc_values()} FROM cases WHERE {where};"


def _docs_delete(where: str) -> str:
    return f"INSERT INTO {_DOCS_DELETE} SELECT 'delete', {_doc_values()} FROM cases WHERE {where};"


_DOCS_CASE_UPDATE: Final = f"UPDATE OF id, {_CASE_COLUMNS}, office_id, station_id ON cases"
_DOCS_PARTY_UPDATE: Final = "UPDATE OF id, name, id_number, case_id ON parties"
_DOCS_PARTY_CASES: Final = "cases.id IN (OLD.case_id, NEW.case_id)"

#: A case's document is written again at every change of what it holds: the trigger before
#: the change deletes the document as it stands (a contentless table must be told the old
#: values; the same SELECT on the same rows gives them), the trigger after it writes the
#: new one. A case's parties deleted by its ON DELETE CASCADE find no case (deleted
#: before them) and write nothing.
_SQLITE_DOCS_INSERT_TRIGGERS: Final = {
    "search_docs_cases_ai": f"""CREATE TRIGGER search_docs_cases_ai AFTER INSERT ON cases BEGIN
        {_docs_insert("cases.id = NEW.id")}
    END""",
    "search_docs_parties_bi": f"""CREATE TRIGGER search_docs_parties_bi BEFORE INSERT ON parties BEGIN
        {_docs_delete("cases.id = NEW.case_id")}
    END""",
    "search_docs_parties_ai": f"""CREATE TRIGGER search_docs_parties_ai AFTER INSERT ON parties BEGIN
        {_docs_insert("cases.id = NEW.case_id")}
    END""",
}

_SQLITE_DOCS_OTHER_TRIGGERS: Final = {
    "search_docs_cases_bu": f"""CREATE TRIGGER search_docs_cases_bu BEFORE {_DOCS_CASE_UPDATE} BEGIN
        {_docs_delete("cases.id = OLD.id")}
    END""",
    "search_docs_cases_au": f"""CREATE TRIGGER search_docs_cases_au AFTER {_DOCS_CASE_UPDATE} BEGIN
        {_docs_insert("cases.id = NEW.id")}
    END""",
    "search_docs_cases_bd": f"""CREATE TRIGGER search_docs_cases_bd BEFORE DELETE ON cases BEGIN
        {_docs_delete("cases.id = OLD.id")}
    END""",
    "search_docs_parties_bu": f"""CREATE TRIGGER search_docs_parties_bu BEFORE {_DOCS_PARTY_UPDATE} BEGIN
        {_docs_delete(_DOCS_PARTY_CASES)}
    END""",
    "search_docs_parties_au": f"""CREATE TRIGGER search_docs_parties_au AFTER {_DOCS_PARTY_UPDATE} BEGIN
        {_docs_insert(_DOCS_PARTY_CASES)}
    END""",
    "search_docs_parties_bd": f"""CREATE TRIGGER search_docs_parties_bd BEFORE DELETE ON parties BEGIN
        {_docs_delete("cases.id = OLD.case_id")}
    END""",
    "search_docs_parties_ad": f"""CREATE TRIGGER search_docs_parties_ad AFTER DELETE ON parties BEGIN
        {_docs_insert("cases.id = OLD.case_id")}
    END""",
}

_DOCS_TRIGGER_ORDER: Final = (
    "search_docs_cases_ai",
    "search_docs_cases_bu",
    "search_docs_cases_au",
    "search_docs_cases_bd",
    "search_docs_parties_bi",
    "search_docs_parties_ai",
    "search_docs_parties_bu",
    "search_docs_parties_au",
    "search_docs_parties_bd",
    "search_docs_parties_ad",
)
_SQLITE_DOCS_TRIGGER_SQL: Final = _SQLITE_DOCS_INSERT_TRIGGERS | _SQLITE_DOCS_OTHER_TRIGGERS
SQLITE_DOCS_TRIGGERS: Final = [_SQLITE_DOCS_TRIGGER_SQL[name] for name in _DOCS_TRIGGER_ORDER]

_SQLITE_DOCS_OPTIMIZE: Final = "INSERT INTO search_case_docs (search_case_docs) VALUES ('optimize')"

SQLITE_DOCS_FILL: Final = [
    f"INSERT INTO {_DOCS_TARGET} SELECT {_doc_values()} FROM cases ORDER BY cases.id DESC",
    _SQLITE_DOCS_OPTIMIZE,
]

SQLITE_DOCS_DOWN: Final = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in _DOCS_TRIGGER_ORDER),
    "DROP TABLE IF EXISTS search_case_docs",
]


def _sqlite_docs_after(connection: Connection, last_case: int, last_party: int) -> None:
    """Write the documents of the cases above ``last_case`` and write again those of older
    cases that got parties above ``last_party`` (their old documents: without those)."""
    older = (
        "FROM cases WHERE cases.id <= :case AND cases.id IN"
        " (SELECT case_id FROM parties WHERE id > :party) ORDER BY cases.id DESC"
    )
    kept = "parties.id <= :party"
    values = {"case": last_case, "party": last_party}
    connection.exec_driver_sql(
        f"INSERT INTO {_DOCS_DELETE} SELECT 'delete', {_doc_values(kept)} {older}", values
    )
    connection.exec_driver_sql(f"INSERT INTO {_DOCS_TARGET} SELECT {_doc_values()} {older}", values)
    connection.exec_driver_sql(
        f"INSERT INTO {_DOCS_TARGET} SELECT {_doc_values()} FROM cases WHERE cases.id > :case"
        " ORDER BY cases.id DESC",
        values,
    )


def _max_id(connection: Connection, table: str) -> int:
    return int(connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar_one())


@contextmanager
def deferred_sqlite_index(connection: Connection) -> Iterator[None]:
    """Insert new cases and parties in the block without their per-row index triggers;
    they are indexed in bulk when the block ends (also when it raises). SQLite only (on
    other databases the block runs as it is).

    Must run inside a transaction that ends after the block (``session_factory.begin()``
    ; SQLite's write lock keeps other writers out meanwhile). Only INSERTs of cases and
    parties whose ids are above every existing one (new rows, explicit ids as the demo
    writes them or automatic ones) belong in the block: an update or delete of a row
    inserted in it would unindex values that were never indexed."""
    if connection.dialect.name != "sqlite":
        yield
        return
    last_case = _max_id(connection, "cases")
    last_party = _max_id(connection, "parties")
    # The case documents (migration 0021): the same, when the database has them.
    docs = _SQLITE_DOCS_INSERT_TRIGGERS if _has_docs(connection) else {}
    triggers = _SQLITE_INSERT_TRIGGERS | docs
    for name in triggers:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    try:
        yield
    finally:
        cases, parties, grams = sqlite_fill(after=True)
        connection.exec_driver_sql(cases, (last_case,))
        connection.exec_driver_sql(parties, (last_party,))
        connection.exec_driver_sql(grams, (last_party,))
        if docs:
            _sqlite_docs_after(connection, last_case, last_party)
        for statement in triggers.values():
            connection.exec_driver_sql(statement)


def sqlite_optimize(connection: Connection) -> None:
    """Merge each search table's segments into one b-tree (faster queries after many
    small transactions of inserts)."""
    for statement in _SQLITE_OPTIMIZE:
        connection.exec_driver_sql(statement)
    if _has_docs(connection):
        connection.exec_driver_sql(_SQLITE_DOCS_OPTIMIZE)


def _has_docs(connection: Connection) -> bool:
    """Whether the database has the case documents (migration 0021)."""
    return "search_case_docs" in _sqlite_tables(connection)


def _repair_docs(connection: Connection, present: set[str]) -> list[str]:
    """The case documents rebuilt from the tables when one of their triggers is missing
    (rows may have changed without them); the names recreated."""
    missing = [n for n in _DOCS_TRIGGER_ORDER if n not in present]
    if missing:
        log.warning("Case document triggers missing (%s): rebuilding them", missing)
        connection.exec_driver_sql(
            "INSERT INTO search_case_docs (search_case_docs) VALUES ('delete-all')"
        )
        connection.exec_driver_sql(SQLITE_DOCS_FILL[0])
        for name in missing:
            connection.exec_driver_sql(_SQLITE_DOCS_TRIGGER_SQL[name])
    return missing


def _sqlite_triggers(connection: Connection) -> set[str]:
    names = ", ".join(f"'{name}'" for name in (*_TRIGGER_ORDER, *_DOCS_TRIGGER_ORDER))
    rows = connection.exec_driver_sql(
        f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})"
    )
    return {name for (name,) in rows}


def _sqlite_tables(connection: Connection) -> set[str]:
    rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows}


# --------------------------------------------------------------------------- PostgreSQL

POSTGRESQL_FUNCTION: Final = """CREATE FUNCTION search_grams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
            SELECT lower(substr(t, i, 2)) FROM generate_series(1, char_length(t)) AS i
            UNION ALL
            SELECT lower(substr(t, i, 1)) FROM generate_series(1, char_length(t)) AS i
        ) AS s(g)
    $$"""

#: The scope of each party row (migration 0018): its case's office and station, copied by
#: triggers when the party is written and when the case moves (a transfer), whatever path
#: writes; the indexes below take them as further columns.
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

#: Index name -> its CREATE INDEX statement (migration 0018's; 0002 made them on the text
#: alone, 0015 added the case id's bucket, 0018 the office and the station; btree_gin).
POSTGRESQL_INDEXES: Final = {
    "search_cases_trgm": f"CREATE INDEX search_cases_trgm ON cases USING gin ({PG_CASE_TEXT} gin_trgm_ops, {PG_CASE_BUCKET}, {PG_CASE_OFFICE}, {PG_CASE_STATION})",
    "search_parties_trgm": f"CREATE INDEX search_parties_trgm ON parties USING gin ({PG_PARTY_TEXT} gin_trgm_ops, {PG_PARTY_BUCKET}, {PG_PARTY_OFFICE}, {PG_PARTY_STATION})",
    "search_parties_grams": f"CREATE INDEX search_parties_grams ON parties USING gin (search_grams(name), {PG_PARTY_BUCKET}, {PG_PARTY_OFFICE}, {PG_PARTY_STATION})",
}

#: Trusted extensions since PostgreSQL 13: the database owner may create them.
POSTGRESQL_EXTENSIONS: Final = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
]

POSTGRESQL_UP: Final = [
    *POSTGRESQL_EXTENSIONS,
    POSTGRESQL_FUNCTION,
    *POSTGRESQL_SCOPE,
    *POSTGRESQL_INDEXES.values(),
]

POSTGRESQL_DOWN: Final = [
    "DROP INDEX IF EXISTS search_parties_grams",
    "DROP INDEX IF EXISTS search_parties_trgm",
    "DROP INDEX IF EXISTS search_cases_trgm",
    "DROP FUNCTION IF EXISTS search_grams(text)",
    # pg_trgm and btree_gin stay: other objects may use them, and they cost nothing unused.
]

#: A PostgreSQL load drops the indexes only when it adds at least this many cases, and
#: at least as many as there are already (else rebuilding costs more than it saves).
PG_DROP_MIN_CASES: Final = 20_000
_PG_INDEX_MEMORY: Final = "256MB"


def _pg_indexes(connection: Connection) -> set[str]:
    names = ", ".join(f"'{name}'" for name in POSTGRESQL_INDEXES)
    rows = connection.exec_driver_sql(
        "SELECT indexname FROM pg_indexes"
        f" WHERE schemaname = current_schema() AND indexname IN ({names})"
    )
    return {name for (name,) in rows}


def _create_pg_indexes(connection: Connection, names: list[str]) -> None:
    if names:
        connection.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{_PG_INDEX_MEMORY}'")
        # A database restored from before migration 0015 may lack btree_gin.
        for statement in POSTGRESQL_EXTENSIONS:
            connection.exec_driver_sql(statement)
    for name in names:
        log.info("Creating search index %s", name)
        connection.exec_driver_sql(POSTGRESQL_INDEXES[name])


@contextmanager
def pg_indexes_dropped(engine: Engine, new_cases: int) -> Iterator[bool]:
    """On PostgreSQL, for a load of ``new_cases`` cases worth it (PG_DROP_MIN_CASES), drop
    the search indexes for the block and create them again after it, also when it raises.
    Yields whether they were dropped. Elsewhere (SQLite), the block runs as it is."""
    if engine.dialect.name != "postgresql" or new_cases < PG_DROP_MIN_CASES:
        yield False
        return
    with engine.begin() as connection:
        existing = connection.exec_driver_sql("SELECT count(*) FROM cases").scalar_one()
        if new_cases < existing:
            dropped: list[str] = []
        else:
            dropped = sorted(_pg_indexes(connection) & set(POSTGRESQL_INDEXES))
            for name in dropped:
                connection.exec_driver_sql(f"DROP INDEX {name}")
    try:
        yield bool(dropped)
    finally:
        if dropped:
            with engine.begin() as connection:
                missing = set(POSTGRESQL_INDEXES) - _pg_indexes(connection)
                _create_pg_indexes(connection, [n for n in POSTGRESQL_INDEXES if n in missing])


# --------------------------------------------------------------------------- repair


def repair(engine: Engine) -> list[str]:
    """Recreate search objects that a bulk load killed midway (PostgreSQL indexes) or a
    batch migration (SQLite triggers, see migration 0002) left missing; a missing SQLite
    trigger means rows may be unindexed, so the SQLite index is then rebuilt from the
    tables. Returns the names recreated; nothing happens on a database without the
    search index (before migration 0002) or with it complete."""
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            if "search_case_fts" not in _sqlite_tables(connection):
                return []
            present = _sqlite_triggers(connection)
            missing = [n for n in _TRIGGER_ORDER if n not in present]
            if missing:
                log.warning("Search triggers missing (%s): rebuilding the search index", missing)
                for table in ("search_case_fts", "search_party_fts", "search_party_grams"):
                    connection.exec_driver_sql(
                        f"INSERT INTO {table} ({table}) VALUES ('delete-all')"
                    )
                for statement in sqlite_fill():
                    connection.exec_driver_sql(statement)
                for name in missing:
                    connection.exec_driver_sql(_SQLITE_TRIGGER_SQL[name])
            if _has_docs(connection):
                missing += _repair_docs(connection, present)
            return missing
        if connection.dialect.name == "postgresql":
            function = connection.exec_driver_sql(
                "SELECT to_regprocedure('search_grams(text)') IS NOT NULL"
            ).scalar_one()
            if not function:
                return []
            present = _pg_indexes(connection)
            missing = [n for n in POSTGRESQL_INDEXES if n not in present]
            if missing:
                log.warning("Search indexes missing: creating %s", missing)
                _create_pg_indexes(connection, missing)
            return missing
    return []
