"""The desk a widget under test works on: the test's database, an actor and a fixed clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from ipdesk.services.actors import Actor
from ipdesk.services.limits import legal_today
from ipdesk.ui.desk import Desk


def make_desk(
    session_factory: sessionmaker[Session],
    actor: Actor,
    *,
    today: Callable[[], dt.date] | dt.date = legal_today,
) -> Desk:
    """A desk of ``actor`` on ``session_factory``; ``today`` a date or a clock."""
    clock = (lambda: today) if isinstance(today, dt.date) else today
    return Desk(session_factory, actor, today=clock)
