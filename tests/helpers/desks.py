"""The desk a widget under test works on: the test's database, an actor and a fixed clock."""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import pytest
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.remote import calls
from ipdesk.remote.calls import Stores
from ipdesk.services.actors import Actor
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui.desk import Desk
from ipdesk.ui.stores import FileStores

#: The desks' file stores, each in a folder of its own in this one, removed when the test
#: process ends.
_STORES = tempfile.TemporaryDirectory(prefix="ipdesk-test-stores-")


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
        stores = FileStores.in_folder(Path(tempfile.mkdtemp(dir=_STORES.name)))
    return Desk(session_factory, actor, today=clock, stores=stores)


def open_main_window(
    qtbot: Any,
    settings: Any,
    session_factory: sessionmaker[Session],
    actor: Actor,
    schedulers: list[Any],
    *,
    today: Callable[[], dt.date] | dt.date = legal_today,
    database_label: str = "SQLite test",
) -> Any:
    """A main window of ``actor`` with its features installed as ``ipdesk.app`` installs
    them (the pages, the alerts dock, the alert scan), without daily backups; its alert
    scheduler is added to ``schedulers``, for the test to stop before the database goes."""
    from ipdesk.ui.features import install_features
    from ipdesk.ui.main_window import MainWindow

    desk = make_desk(session_factory, actor, today=today)
    window = MainWindow(desk, database_label, settings=settings)
    desk.setParent(window)
    qtbot.addWidget(window)
    stores = FileStores.in_folder(Path(settings.fileName()).parent)
    schedulers.append(install_features(window, desk, settings, stores=stores, daily_backups=False))
    return window


def replace_service(
    monkeypatch: pytest.MonkeyPatch,
    module: ModuleType,
    real: Callable[..., Any],
    fake: Callable[..., Any],
) -> None:
    """Make desk calls of the exposed service ``real`` run ``fake`` for this test, and the
    name ``real`` has in ``module`` (a widget's import) refer to it."""
    wrapped = functools.wraps(real)(fake)
    name = calls.name_of(real)
    monkeypatch.setitem(
        cast(dict[str, calls.Exposed], calls.EXPOSED),
        name,
        replace(calls.EXPOSED[name], fn=wrapped),
    )
    monkeypatch.setattr(module, real.__name__, wrapped)
