"""One user's session after another in one run of the program: sign in, work in the main
window (on the user's own desk, :class:`ipdesk.ui.desk.Desk`), File → Sign out
(Ctrl+Shift+Q), the sign-in dialog again, the next user's window on a new desk.

:class:`Sessions` is what ``ipdesk.app.main`` runs (and what the tests drive): ``open``
shows the window of a signed-in user; the window's ``sign_out_requested`` closes it (its
``closeEvent`` may refuse, as when quitting), stops its alert scan and daily backup, waits
for its background tasks, then shows the sign-in dialog; signing in opens the new user's
window, cancelling quits the program.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from ipdesk.services.admin.auth import SignedIn
from ipdesk.ui.auth.sign_in_dialog import SignInDialog
from ipdesk.ui.desk import Desk
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.maintenance.daily_backup import DailyBackupScheduler
from ipdesk.ui.scheduler import AlertScheduler

log = logging.getLogger(__name__)

OpenWindow = Callable[[SignedIn], MainWindow]
"""Builds the main window of a signed-in user on a desk of their own (not yet shown)."""
NewSignInDialog = Callable[[], SignInDialog]
"""Builds the sign-in dialog shown after a sign-out (not yet shown)."""


class Sessions(QObject):
    """Runs the sessions of one program run; see the module docstring."""

    window_opened = Signal(QObject)
    """The main window of a newly signed-in user is shown."""
    signed_out = Signal(str)
    """A user signed out (their user name); their window is closed and its work stopped."""
    sign_in_shown = Signal(QObject)
    """The sign-in dialog after a sign-out is shown."""
    ended = Signal()
    """The sign-in after a sign-out was cancelled: the program quits."""

    def __init__(
        self,
        open_window: OpenWindow,
        new_sign_in_dialog: NewSignInDialog,
        parent: QObject | None = None,
        *,
        quit_program: Callable[[], None] = QCoreApplication.quit,
    ) -> None:
        super().__init__(parent)
        self._open_window = open_window
        self._new_sign_in_dialog = new_sign_in_dialog
        self._quit_program = quit_program
        self.window: MainWindow | None = None
        self.user: SignedIn | None = None
        self.dialog: SignInDialog | None = None

    def open(self, signed: SignedIn) -> MainWindow:
        """Build and show the main window of ``signed``; File → Sign out ends it."""
        window = self._open_window(signed)
        window.sign_out_requested.connect(self.sign_out)
        self.window, self.user = window, signed
        window.show()
        self.window_opened.emit(window)
        return window

    def sign_out(self) -> bool:
        """Close the current window and ask who signs in next; False when the window
        refused to close (then nothing changed)."""
        window, user = self.window, self.user
        if window is None or user is None:
            return False
        quits = QGuiApplication.quitOnLastWindowClosed()
        # Closing the only window would end the program before the dialog shows.
        QGuiApplication.setQuitOnLastWindowClosed(False)
        if not window.close():
            QGuiApplication.setQuitOnLastWindowClosed(quits)
            return False
        end_session(window)
        self.window = self.user = None
        log.info("Signed out: %s", user.username)
        self.signed_out.emit(user.username)

        dialog = self._new_sign_in_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda code: self._on_sign_in_finished(dialog, code, quits))
        self.dialog = dialog
        dialog.open()
        self.sign_in_shown.emit(dialog)
        return True

    def _on_sign_in_finished(self, dialog: SignInDialog, code: int, quits: bool) -> None:
        self.dialog = None
        signed = dialog.signed_in_as
        if code != QDialog.DialogCode.Accepted or signed is None:
            QGuiApplication.setQuitOnLastWindowClosed(quits)
            self.ended.emit()
            self._quit_program()
            return
        self.open(signed)
        QGuiApplication.setQuitOnLastWindowClosed(quits)


def end_session(window: MainWindow) -> None:
    """Stop what ``window``'s session runs in the background — the alert scan, the daily
    backup — close its desk (nothing more is announced to its pages), wait for its tasks
    on the thread pool, and delete the window (with it its desk, dialogs, docks and tray
    icon)."""
    for desk in window.findChildren(Desk):
        desk.close()
    for scheduler in window.findChildren(AlertScheduler):
        scheduler.shutdown()
        scheduler.blockSignals(True)  # a scan's late report must not reload a closed window
    for backup in window.findChildren(DailyBackupScheduler):
        backup.stop()
        backup.blockSignals(True)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        QThreadPool.globalInstance().waitForDone()
    finally:
        QApplication.restoreOverrideCursor()
    window.deleteLater()
