"""What Alembic's schema comparison leaves out: the search index (migration 0002).

The index's tables, triggers, PostgreSQL indexes and the parties' scope columns (PostgreSQL,
migration 0018) are not in the models; they are all named ``search_*`` (see
ipdesk/services/queries/search.py). Used by the migration environment (env.py) and by
tests/test_migrations.py's comparison of the migrated schema with the models.
"""

from __future__ import annotations

from typing import Any

SEARCH_PREFIX = "search_"
"""Every database object of the search index is named so."""


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic ``include_name`` hook: leave the search index out of schema comparisons."""
    return not (type_ in ("table", "index", "column") and name and name.startswith(SEARCH_PREFIX))


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic ``include_object`` hook, same rule as :func:`include_name`."""
    return include_name(name, type_, None)
