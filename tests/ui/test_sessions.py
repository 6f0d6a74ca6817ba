"""Signing out and in as someone else without leaving the program (issue 15, item 8):
File → Sign out closes the window and stops its work, the sign-in dialog comes back, the
next user gets their own window; cancelling the sign-in quits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.app import window_opener
from ipdesk.models import Role
from ipdesk.services.admin.auth import sign_in
from ipdesk.services.rules.capabilities import Capability, capabilities
from ipdesk.ui.auth.sign_in_dialog import SignInDialog
from ipdesk.ui.desk import Gate
from ipdesk.ui.main_window import LazyPage, MainWindow
from ipdesk.ui.maintenance.daily_backup import DailyBackupScheduler
from ipdesk.ui.scheduler import AlertScheduler
from ipdesk.ui.sessions import Sessions
from ipdesk.ui.settings import keys
from ipdesk.ui.stores import FileStores
from tests.helpers.factories import TEST_PASSWORD, make_user
from tests.helpers.journey import sign_in_window, type_credentials, wait_for_dialog


@pytest.fixture
def users(seeded: sessionmaker[Session]) -> sessionmaker[Session]:
    with seeded.begin() as session:
        make_user(session, Role.OFFICE_MANAGER, office="TL01", username="boss")
        make_user(session, Role.STATION_STAFF, station="TL01-S01", username="desk")
    return seeded


@pytest.fixture
def quits() -> list[bool]:
    return []


@pytest.fixture
def sessions(
    qtbot: QtBot,
    users: sessionmaker[Session],
    ui_settings: QSettings,
    tmp_path: Path,
    quits: list[bool],
) -> Iterator[Sessions]:
    """The sessions as ``ipdesk.app.main`` runs them (its own window opener), with the
    files, backups and logs of the test's folder, and a quit that the test records."""
    ui_settings.setValue(keys.BACKUP_FOLDER, str(tmp_path / "backups"))
    opener = window_opener(
        Gate(users),
        "SQLite journey",
        ui_settings,
        stores=FileStores.in_folder(tmp_path),
        daily_backups=True,
        log_dir=tmp_path / "logs",
    )
    sessions = Sessions(
        opener,
        lambda: SignInDialog(Gate(users), database_label="SQLite journey"),
        quit_program=lambda: quits.append(True),
    )
    yield sessions
    if sessions.window is not None and shiboken6.isValid(sessions.window):
        for scheduler in sessions.window.findChildren(AlertScheduler):
            scheduler.shutdown()  # before the test's database goes


def _page_types(window: MainWindow) -> list[str]:
    """The class names of the window's pages (of those not built yet too)."""
    pages = [window.pages.widget(i) for i in range(window.pages.count())]
    return [p.kind if isinstance(p, LazyPage) else type(p).__name__ for p in pages]


def _sign_out_by_key(qtbot: QtBot, sessions: Sessions, window: MainWindow) -> SignInDialog:
    with qtbot.waitActive(window):
        window.activateWindow()
    with qtbot.waitSignal(sessions.sign_in_shown, timeout=10_000):
        qtbot.keyClick(
            window,
            Qt.Key.Key_Q,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    return wait_for_dialog(qtbot, SignInDialog)


def test_sign_out_then_sign_in_as_another_user(
    qtbot: QtBot, users: sessionmaker[Session], sessions: Sessions, quits: list[bool]
) -> None:
    first = sign_in_window(
        qtbot, users, "boss", TEST_PASSWORD, Path(), QSettings(), sessions=sessions
    )
    assert "DeadlineBoardWidget" in _page_types(first)
    scheduler = first.findChild(AlertScheduler)
    assert scheduler is not None and scheduler.running
    backup = first.findChild(DailyBackupScheduler)
    assert backup is not None
    assert first.sign_out_action in first.menu("file").actions()

    with qtbot.waitSignal(sessions.signed_out) as out:
        dialog = _sign_out_by_key(qtbot, sessions, first)
    assert out.args == ["boss"]
    assert not scheduler.running  # stopped before anyone signs in again
    assert not backup.timer.isActive()
    assert sessions.window is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))  # the window and its children
    assert dialog.isVisible() and dialog.username_edit.text() == ""

    with qtbot.waitSignal(sessions.window_opened, timeout=10_000) as opened:
        type_credentials(qtbot, dialog, "desk", TEST_PASSWORD)
    second = opened.args[0]
    assert isinstance(second, MainWindow)
    qtbot.addWidget(second)
    assert second is sessions.window and second.isVisible()
    assert sessions.user is not None and sessions.user.username == "desk"
    assert second.user_status.text().endswith(sessions.user.actor.name)
    assert "DeadlineBoardWidget" not in _page_types(second)  # a station has no deadline board
    new_scheduler = second.findChild(AlertScheduler)
    assert new_scheduler is not None and new_scheduler is not scheduler
    assert not quits


def test_cancelling_the_sign_in_quits(
    qtbot: QtBot, users: sessionmaker[Session], sessions: Sessions, quits: list[bool]
) -> None:
    window = sessions.open(sign_in(users, "desk", TEST_PASSWORD))
    scheduler = window.findChild(AlertScheduler)
    assert scheduler is not None
    with qtbot.waitSignal(sessions.ended):
        window.sign_out_action.trigger()
        dialog = wait_for_dialog(qtbot, SignInDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert quits == [True]
    assert sessions.window is None and not scheduler.running
    assert QApplication.quitOnLastWindowClosed()  # as it was before the sign-out


def test_a_window_that_refuses_to_close_stays_signed_in(
    qtbot: QtBot,
    users: sessionmaker[Session],
    sessions: Sessions,
    quits: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever the window's closeEvent keeps open (unsaved work) keeps the session."""
    window = sessions.open(sign_in(users, "boss", TEST_PASSWORD))
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "close", lambda: False)
    assert not sessions.sign_out()
    assert sessions.window is window and sessions.dialog is None
    scheduler = window.findChild(AlertScheduler)
    assert scheduler is not None and scheduler.running
    assert QApplication.quitOnLastWindowClosed()
    monkeypatch.undo()  # closable again: the teardown closes it before its database goes


def test_the_sign_out_shortcut_is_free(
    qtbot: QtBot, users: sessionmaker[Session], sessions: Sessions
) -> None:
    """No other action of the richest window (an administrator's) has Ctrl+Shift+Q, and no
    two actions share a shortcut."""
    with users.begin() as session:
        make_user(session, Role.ADMIN, username="root")
    actor = sign_in(users, "root", TEST_PASSWORD)
    assert Capability.MANAGE_USERS in capabilities(actor.actor)
    window = sessions.open(actor)
    qtbot.addWidget(window)
    assert window.sign_out_action.shortcut() == QKeySequence("Ctrl+Shift+Q")
    assert window.sign_out_action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    taken: dict[str, str] = {}
    for action in window.findChildren(type(window.sign_out_action)):
        for shortcut in action.shortcuts():
            text = shortcut.toString()
            assert text not in taken, f"{text}: {taken.get(text)} and {action.objectName()}"
            taken[text] = action.objectName() or action.text()
    assert taken["Ctrl+Shift+Q"] == "sign_out_action"
