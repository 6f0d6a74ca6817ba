"""The connection a demo load writes its chunks through (demo/generator.py), without the
secondary indexes that make a load of a million cases slow, and on SQLite with settings
for it.

Writing many cases, SQLite spends most of its time on the secondary indexes whose keys
come in random order (party names and ID numbers, right numbers, due dates): each new row
touches another page, and every chunk's transaction writes all the pages it touched to the
WAL (before this, a load of 1,000,000 cases wrote 45 GB of WAL for a 3.7 GB database). So,
as the search index's GIN indexes on PostgreSQL (search_index.pg_indexes_dropped):

* for a load at least as large as the tables already are (INDEX_DROP_MIN_CASES), the
  non-unique indexes of the tables it writes are dropped first and created again at the
  end, also when it fails, each with one sort (on SQLite but the one the case documents
  need, KEPT_ON_SQLITE). Unique constraints stay and keep checking;
  queries meanwhile are correct, only slower. The indexes come from the models, whose DDL
  is the migrations' (the same text in sqlite_master); a load killed in between leaves
  them missing for :func:`ipdesk.services.admin.setup.restore_indexes`, which every start-up
  (``setup.initialise``) and the demo run first: the repair compares the database with
  the models, so it needs nothing from this module. PostgreSQL too: there every COPY
  of a chunk updated twelve B-tree indexes of ``cases`` alone, row by row; after the
  load the tables are analysed once;
* the one connection that writes every chunk checkpoints the WAL less often and sorts
  with two threads; both are set back afterwards, and after a load without the indexes
  the WAL, grown meanwhile, is checkpointed and truncated.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Final

from sqlalchemy import Connection, Engine, Index, Table

from ipdesk.services.admin.setup import present_indexes, secondary_indexes

log = logging.getLogger(__name__)

__all__ = ["INDEX_DROP_MIN_CASES", "loading_connection"]

#: Indexes are dropped for a load of at least this many rows (and at least as many as the
#: first table already has): below, keeping them up to date costs less than rebuilding.
INDEX_DROP_MIN_CASES: Final = 50_000
#: Kept on SQLite through a load: the case documents (migration 0021) are written at the
#: end of each chunk by a look-up of each new case's parties (search_index.
#: _sqlite_docs_after), which without it scanned the whole parties table for every case (a
#: 50,000-case demo: about 670 s of CPU, growing with the square of the cases). Parties are
#: written in case order, so its keys come in order: keeping it costs little.
KEPT_ON_SQLITE: Final = frozenset({"ix_parties_case_role"})
#: The load connection's settings: WAL pages between automatic checkpoints (1000 by
#: default: a checkpoint after nearly every chunk), threads a sort may use (CREATE INDEX,
#: when the worker process is done and its core free). A larger page cache was tried: no
#: faster without the indexes, and 130 MB more memory at 300,000 cases.
_LOAD_PRAGMAS: Final = {"wal_autocheckpoint": 10_000, "threads": 2}


@contextmanager
def loading_connection(
    engine: Engine, tables: Sequence[Table], new_rows: int
) -> Iterator[Connection]:
    """A connection for a load of ``new_rows`` rows into ``tables[0]`` (and rows of the
    other ``tables`` with them), each transaction to be begun on it by the caller: without
    the indexes while it runs if that is worth it, and on SQLite tuned for the load."""
    with engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            with _without_indexes(connection, tables, new_rows):
                yield connection
            return
        # Settings of the connection, not of a transaction: set on the driver's connection
        # (SQLAlchemy's would begin one first, and a checkpoint cannot run in one).
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        saved = {name: raw.execute(f"PRAGMA {name}").fetchone()[0] for name in _LOAD_PRAGMAS}
        for name, value in _LOAD_PRAGMAS.items():
            raw.execute(f"PRAGMA {name} = {value}")
        # A Ctrl-C inside a statement makes SQLAlchemy invalidate the connection (its
        # driver's connection is closed, settings and all): the indexes are then left to
        # setup.restore_indexes. The demo writes its chunks out of reach of the first Ctrl-C.
        dropped: list[Index] = []
        try:
            dropped = _drop_indexes(connection, tables, new_rows)
            try:
                yield connection
            finally:
                if not connection.invalidated:
                    if connection.in_transaction():
                        connection.rollback()
                    with connection.begin():
                        _create_indexes(connection, dropped)
        finally:
            if not connection.invalidated:
                for name, value in saved.items():
                    raw.execute(f"PRAGMA {name} = {value}")
                if dropped:
                    # A load this large (into tables this small: no long readers to wait
                    # for, presumably) grew the WAL file: give the disk space back.
                    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@contextmanager
def _without_indexes(
    connection: Connection, tables: Sequence[Table], new_rows: int
) -> Iterator[None]:
    """PostgreSQL: the block without the secondary indexes (if worth it), which are built
    again after it, also when it fails, each with one sort; then the tables are analysed,
    for the later stages' queries (autovacuum's statistics would come later)."""
    dropped = _drop_indexes(connection, tables, new_rows)
    try:
        yield
    finally:
        # Interrupted inside a statement, the connection is gone: the next start repairs.
        if not connection.invalidated:
            if connection.in_transaction():
                connection.rollback()
            if dropped:
                with connection.begin():
                    connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
                    _create_indexes(connection, dropped)
                with connection.begin():
                    connection.exec_driver_sql(f"ANALYZE {', '.join(t.name for t in tables)}")


def _drop_indexes(connection: Connection, tables: Sequence[Table], new_rows: int) -> list[Index]:
    if new_rows < INDEX_DROP_MIN_CASES:
        return []
    with connection.begin():
        existing = connection.exec_driver_sql(f"SELECT count(*) FROM {tables[0].name}")
        if new_rows < existing.scalar_one():
            return []
        present = present_indexes(connection)
        kept = KEPT_ON_SQLITE if connection.dialect.name == "sqlite" else frozenset()
        dropped = [
            index
            for index in secondary_indexes(tables)
            if index.name in present and index.name not in kept
        ]
        for index in dropped:
            connection.exec_driver_sql(f"DROP INDEX {index.name}")
    return dropped


def _create_indexes(connection: Connection, indexes: list[Index]) -> None:
    for index in indexes:
        log.info("Creating index %s", index.name)
        index.create(connection)
