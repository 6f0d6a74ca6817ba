"""Bring a database to the newest schema with Alembic, on the caller's connection."""

from __future__ import annotations

import threading

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from ipdesk.paths import PACKAGE_DIR

# Any constant will do: it only has to be the same for every ipdesk client.
_PG_MIGRATION_LOCK = 0x1D5E5C

# Alembic's ``op`` and ``context`` are process-wide proxies: two migrations of different
# databases running at once in one process (the first-start wizard's background task, the
# user having gone back and chosen another database) would mix their operations. One at a
# time. (Migrations of one database are serialised by the database itself as well.)
_MIGRATING = threading.Lock()


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(PACKAGE_DIR / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Upgrade to head: one migration at a time in this process, and on PostgreSQL an
    advisory lock lets one client migrate at a time."""
    with _MIGRATING, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        command.upgrade(alembic_config(conn), "head")


def is_newer_than_program(engine: Engine) -> bool:
    """True when the database was migrated by a newer ipdesk than this one."""
    rev = current_revision(engine)
    if rev is None:
        return False
    script = ScriptDirectory.from_config(alembic_config())
    return rev not in {r.revision for r in script.walk_revisions()}
