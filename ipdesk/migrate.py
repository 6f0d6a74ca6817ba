"""Bring a database to the newest schema with Alembic, on the caller's connection.

A database already at the newest revision (every start but the first after an upgrade)
is recognised without Alembic: importing it and loading its scripts take 0.3-0.7 s, the
better part of a start-up. The revisions are read from the version files' own
``revision = "…"`` lines; where they cannot be read, Alembic decides as before.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from ipdesk.paths import PACKAGE_DIR

if TYPE_CHECKING:
    from alembic.config import Config

_VERSIONS = PACKAGE_DIR / "migrations" / "versions"
_REVISION = re.compile(r'^revision(?:\s*:\s*str)?\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN = re.compile(r'^down_revision(?:\s*:[^=]+)?\s*=\s*(?:None|["\']([^"\']+)["\'])', re.MULTILINE)

# Any constant will do: it only has to be the same for every ipdesk client.
_PG_MIGRATION_LOCK = 0x1D5E5C

# Alembic's ``op`` and ``context`` are process-wide proxies: two migrations of different
# databases running at once in one process (the first-start wizard's background task, the
# user having gone back and chosen another database) would mix their operations. One at a
# time. (Migrations of one database are serialised by the database itself as well.)
_MIGRATING = threading.Lock()


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(PACKAGE_DIR / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def _file_revisions() -> tuple[frozenset[str], str | None]:
    """The revisions of the version files and the one head among them, read without
    Alembic; (empty, None) when they cannot be read (e.g. only compiled files)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    try:
        for path in _VERSIONS.glob("*.py"):
            source = path.read_text(encoding="utf-8")
            found = _REVISION.search(source)
            down = _DOWN.search(source)
            if found is None or down is None:
                continue
            revisions.add(found.group(1))
            if down.group(1):
                downs.add(down.group(1))
    except OSError:
        return frozenset(), None
    heads = revisions - downs
    return frozenset(revisions), (next(iter(heads)) if len(heads) == 1 else None)


def _stamped(engine: Engine) -> tuple[bool, str | None]:
    """(whether the database has Alembic's version table, the revision stamped in it)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False, None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return True, (rows[0] if len(rows) == 1 else None)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_current(engine: Engine) -> bool:
    """True when the database is at this program's newest revision (no Alembic needed)."""
    _, head = _file_revisions()
    return head is not None and _stamped(engine) == (True, head)


def upgrade(engine: Engine) -> None:
    """Upgrade to head: one migration at a time in this process, and on PostgreSQL an
    advisory lock lets one client migrate at a time. Nothing to do (and Alembic not
    imported) for a database at the head already."""
    if is_current(engine):
        return
    from alembic import command

    with _MIGRATING, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        command.upgrade(alembic_config(conn), "head")


def is_newer_than_program(engine: Engine) -> bool:
    """True when the database was migrated by a newer ipdesk than this one."""
    known, head = _file_revisions()
    if head is not None:
        has_table, stamped = _stamped(engine)
        if not has_table or stamped in known:
            return False
    from alembic.script import ScriptDirectory

    rev = current_revision(engine)
    if rev is None:
        return False
    script = ScriptDirectory.from_config(alembic_config())
    return rev not in {r.revision for r in script.walk_revisions()}
