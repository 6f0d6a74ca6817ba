"""Declarative base, naming conventions and column types shared by all models."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, TypeVar

from sqlalchemy import DateTime, Dialect, Enum, MetaData, String, event
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.sql.base import DialectKWArgs
from sqlalchemy.types import TypeDecorator

# Constraint names are fixed so that Alembic's batch mode can alter them on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# The dialects' options of our indexes (``postgresql_where=``, ``sqlite_where=``, ...), given
# to them when their dialect is first used (an engine of ``ipdesk.db``, a CREATE of the
# models' tables), not when the models are imported: a dialect option makes SQLAlchemy import
# its dialect's package to check it (PostgreSQL's: about 60 ms of CPU, asyncpg's, pg8000's
# and psycopg's variants with it), which a program on the other database never needs.
_LATER: dict[str, list[tuple[DialectKWArgs, str, Any]]] = {}

D = TypeVar("D", bound=DialectKWArgs)


def later_options(target: D, **options: Any) -> D:
    """``target`` (an ``Index``), its ``options`` (``postgresql_where=...``) to be given when
    their dialect is first used (``use_dialect``: the engines of ``ipdesk.db``, a CREATE of
    the models' tables on that dialect)."""
    for key, value in options.items():
        _LATER.setdefault(key.partition("_")[0], []).append((target, key, value))
    return target


def use_dialect(name: str) -> None:
    """Give the models the options they hold for the dialect ``name`` (once)."""
    for target, key, value in _LATER.pop(name, ()):
        target.dialect_kwargs[key] = value


@event.listens_for(Base.metadata, "before_create")
def _before_create(_metadata: MetaData, connection: Any, **_kw: Any) -> None:
    use_dialect(connection.dialect.name)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores it naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


E = TypeVar("E", bound=enum.Enum)


def enum_type(enum_cls: type[E], name: str) -> Enum:
    """A VARCHAR column holding the enum's values, guarded by a CHECK constraint."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda cls: [m.value for m in cls],
        validate_strings=True,
    )


Code = String(32)
Name = String(200)
