"""SQLAlchemy's dialect packages, imported when first used.

``from ipdesk.dialects import postgresql, sqlite`` gives what ``from sqlalchemy.dialects
import postgresql, sqlite`` gives (``postgresql.insert``, ``sqlite.insert``,
``postgresql.ARRAY``), but each package is imported at its first attribute, not with the
module that names it: on SQLite the program then never imports PostgreSQL's dialect (about
60 ms of CPU at start-up, with its asyncpg, pg8000 and psycopg variants), nor SQLite's on
PostgreSQL. The models' dialect options wait likewise (``ipdesk.models.base.later_options``).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any

__all__ = ["postgresql", "sqlite"]


class _LazyModule:
    """A module's stand-in that imports it at the first attribute asked for."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite
else:
    postgresql = _LazyModule("sqlalchemy.dialects.postgresql")
    sqlite = _LazyModule("sqlalchemy.dialects.sqlite")
