"""What a command works on: the database, opened lazily."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
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

    def existing_sessions(self) -> sessionmaker[Session] | None:
        """Sessions when the database exists and is initialised, else None (nothing created)."""
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
            return None
        try:
            return self.sessions
        except DatabaseNotReady:
            return None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
