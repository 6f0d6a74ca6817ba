"""Writing many rows fast: one driver-level executemany (SQLite) or COPY (PostgreSQL)
per table, no ORM.

SQLAlchemy's per-row bind processing costs more than SQLite's own insert. Here the values
are converted once per column to what the driver takes (the same text SQLAlchemy stores),
and the statement goes straight to the DBAPI cursor. Used by the demo generator and imports.
The two steps are apart (:func:`driver_rows`, :func:`insert_rows`) so that the demo's
generator process converts while the writing process only inserts.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from operator import itemgetter
from typing import Any

import psycopg
from sqlalchemy import Boolean, Date, Enum, Numeric, Table
from sqlalchemy.orm import Session
from sqlalchemy.types import JSON

from ipdesk.models.base import UTCDateTime

Converter = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _sqlite_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _sqlite_datetime(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not dt.UTC or value.year < 1000:
        value = value.astimezone(dt.UTC)
        if value.year < 1000:
            return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    # The same text as strftime("%Y-%m-%d %H:%M:%S.%f"), several times faster.
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _sqlite_bool(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _sqlite_decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _json_text(value: Any) -> str | None:
    """JSON as text (what SQLAlchemy's JSON type stores on SQLite, and what COPY's text
    format reads into a json column); None as SQL NULL."""
    return None if value is None else json.dumps(value)


def _converter(column_type: Any, sqlite: bool) -> Converter:
    if isinstance(column_type, Enum):
        return _enum_value
    if isinstance(column_type, JSON):
        return _json_text
    if not sqlite:
        return _identity
    if isinstance(column_type, UTCDateTime):
        return _sqlite_datetime
    if isinstance(column_type, Date):
        return _sqlite_date
    if isinstance(column_type, Boolean):
        return _sqlite_bool
    if isinstance(column_type, Numeric):
        return _sqlite_decimal
    return _identity


class _Memo(dict[Any, Any]):
    """A converter that converts each distinct value once (enum members and days repeat
    a lot): looking a value up again is a C-level dict access."""

    def __init__(self, convert: Converter) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.convert(key)
        return value


#: Converters whose values repeat enough to be worth remembering (not decimals: 1.0 and
#: 1.00 are equal keys but different texts).
_MEMOISED = (_enum_value, _sqlite_date, _sqlite_bool)


def driver_rows(
    table: Table, rows: Sequence[dict[str, Any]], dialect: str
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column names (the keys of the first row) and the rows as tuples of the values
    the ``dialect``'s driver takes, converted a column at a time. Plain data: a producer
    in another process can convert, and :func:`insert_rows` write what it sends."""
    if not rows:
        return [], []
    names = list(rows[0])
    sqlite = dialect == "sqlite"
    getter = itemgetter(*names)
    if len(names) == 1:
        columns: list[Any] = [[getter(row) for row in rows]]
    else:
        columns = list(zip(*map(getter, rows), strict=True))
    for index, name in enumerate(names):
        convert = _converter(table.c[name].type, sqlite)
        if convert is _identity:
            continue
        if convert in _MEMOISED:
            convert = _Memo(convert).__getitem__
        columns[index] = list(map(convert, columns[index]))
    return names, list(zip(*columns, strict=True))


def insert_rows(
    session: Session, table: Table, names: Sequence[str], values: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT ``values`` (rows from :func:`driver_rows`, in the order of ``names``) in the
    session's transaction."""
    if not values:
        return
    connection = session.connection()
    columns = ", ".join(names)
    if connection.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in names)
        statement = f"INSERT INTO {table.name} ({columns}) VALUES ({marks})"
        connection.exec_driver_sql(statement, values)
        return
    # PostgreSQL: COPY is its bulk path, several times faster than row-wise INSERTs.
    raw = connection.connection.dbapi_connection
    assert isinstance(raw, psycopg.Connection)
    with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
        for value in values:
            copy.write_row(value)


def bulk_insert(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys) in the session's transaction."""
    if rows:
        names, values = driver_rows(table, rows, session.connection().dialect.name)
        insert_rows(session, table, names, values)
