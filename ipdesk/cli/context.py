"""What a command works on: the database, opened lazily."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db, migrate
from ipdesk.services import audit
from ipdesk.services.setup import DatabaseNotReady, ensure_ready


class Context:
    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = db.make_engine(self.url)
        return self._engine

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        """Sessions on a database that is initialised and at the newest schema."""
        ensure_ready(self.engine)
        factory = db.make_session_factory(self.engine)
        audit.install(factory)  # ipdesk-admin acts as the system: records carry no user
        return factory

    @cached_property
    def read_sessions(self) -> sessionmaker[Session]:
        """Sessions for commands that only read (case list/show, org, report, audit verify,
        …): on SQLite their transactions begin with a plain BEGIN (:data:`ipdesk.db.READ_ONLY`),
        so they do not wait for, nor hold, the write lock and run while another process
        writes. A database at the newest schema is not touched; an older one is migrated
        first (that writes)."""
        reader = self.engine.execution_options(**db.READ_ONLY)
        if "offices" not in inspect(reader).get_table_names():
            raise DatabaseNotReady(
                "数据库尚未初始化：请先运行 ipdesk-admin init", code="database_uninitialised"
            )
        if migrate.current_revision(reader) != migrate.head_revision():
            ensure_ready(self.engine)
        factory = sessionmaker(reader, expire_on_commit=False)
        audit.install(factory)
        return factory

    def existing_sessions(self) -> sessionmaker[Session] | None:
        """Read-only sessions (:attr:`read_sessions`) when the database exists and is
        initialised, else None (nothing created)."""
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
            return None
        try:
            return self.read_sessions
        except DatabaseNotReady:
            return None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
