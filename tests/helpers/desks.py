"""The desk a widget under test works on: the test's database, an actor and a fixed clock."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from ipdesk.remote.calls import Stores
from ipdesk.services.actors import Actor
from ipdesk.services.limits import legal_today
from ipdesk.ui.desk import Desk
from ipdesk.ui.stores import FileStores


def make_desk(
    session_factory: sessionmaker[Session],
    actor: Actor,
    *,
    today: Callable[[], dt.date] | dt.date = legal_today,
    stores: Stores | None = None,
) -> Desk:
    """A desk of ``actor`` on ``session_factory``; ``today`` a date or a clock; private
    copies of files in ``stores`` (default: a new temporary folder, never the user's)."""
    clock = (lambda: today) if isinstance(today, dt.date) else today
    if stores is None:
        stores = FileStores.in_folder(Path(tempfile.mkdtemp(prefix="ipdesk-test-stores-")))
    return Desk(session_factory, actor, today=clock, stores=stores)
