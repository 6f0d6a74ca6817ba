"""What a command works on: the database, opened lazily."""

from __future__ import annotations

from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.services.setup import ensure_ready


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
        return db.make_session_factory(self.engine)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
