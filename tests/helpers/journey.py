"""Driving the real program as a person does: the sign-in dialog, then the main window of
the signed-in user with every feature of their role (``ipdesk.app.open_main_window``, the
same function the program calls after sign-in).

A journey test signs in with :func:`sign_in_window`, then uses the window's pages, menus,
buttons, dialogs and keys; it never calls a service to get past a step. Dialogs that the
window opens are found with :func:`wait_for_dialog` (they are shown non-modally or with
``open()``, so the test keeps running while they are up).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.app import open_main_window
from ipdesk.services.admin.auth import SignedIn
from ipdesk.ui.auth.sign_in_dialog import SignInDialog
from ipdesk.ui.desk import Gate
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.scheduler import AlertScheduler
from ipdesk.ui.sessions import Sessions
from ipdesk.ui.stores import FileStores

W = TypeVar("W", bound=QWidget)

_schedulers: list[AlertScheduler] = []


def shut_down_schedulers() -> None:
    """Stop the alert scans of the windows opened so far (tests/conftest.py calls this
    before a test's database goes)."""
    while _schedulers:
        scheduler = _schedulers.pop()
        if shiboken6.isValid(scheduler):  # a window closed at sign-out took its scheduler
            scheduler.shutdown()


def sign_in_window(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    username: str,
    password: str,
    folder: Path,
    settings: QSettings,
    *,
    sessions: Sessions | None = None,
) -> MainWindow:
    """Type ``username`` and ``password`` into the sign-in dialog, press Enter, and return
    the main window the program opens for that user (shown, its files kept in ``folder``).
    With ``sessions`` the window is opened by them, as the program does (File → Sign out
    works; ``folder`` and ``settings`` are then the sessions' business)."""
    for left in QApplication.topLevelWidgets():  # an earlier test's windows and dialogs
        if left.isVisible():
            left.close()
            left.deleteLater()
    QApplication.processEvents()
    dialog = SignInDialog(Gate(session_factory))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    signed = type_credentials(qtbot, dialog, username, password)
    if sessions is not None:
        window = sessions.open(signed)  # deleted at sign-out: not for qtbot to close
    else:
        window = open_main_window(
            Gate(session_factory),
            signed,
            "SQLite journey",
            settings,
            stores=FileStores.in_folder(folder),
            daily_backups=False,
        )
        qtbot.addWidget(window)
    _schedulers.extend(window.findChildren(AlertScheduler))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def type_credentials(qtbot: QtBot, dialog: SignInDialog, username: str, password: str) -> SignedIn:
    """Type ``username`` and ``password`` into the shown sign-in ``dialog`` and press Enter;
    the user it signed in."""
    qtbot.keyClicks(dialog.username_edit, username)
    qtbot.keyClicks(dialog.password_edit, password)
    with qtbot.waitSignal(dialog.signed_in, timeout=10_000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    signed = dialog.signed_in_as
    assert signed is not None, dialog.error_text()
    return signed


def wait_for_dialog(
    qtbot: QtBot, kind: type[W], *, where: Callable[[W], bool] = lambda _w: True
) -> W:
    """The visible top-level widget of ``kind`` (that satisfies ``where``), once it is shown."""
    found: list[W] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, kind) and w.isVisible() and where(w)
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[-1]
