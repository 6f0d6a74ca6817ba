"""The sign-in dialog shown at start-up."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ipdesk.services.admin.auth import SignedIn
from ipdesk.ui.auth.texts import auth_error_text
from ipdesk.ui.desk import Gate
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.tasks import run_task


class SignInDialog(QDialog):
    """User name and password; Enter submits. The password is checked in the background
    (argon2 is slow on purpose); a refusal shows next to the fields, the lock-out with the
    minutes it still lasts. ``signed_in_as`` holds the result once the dialog is accepted."""

    signed_in = Signal(object)
    """Emitted with the ``SignedIn`` of the user, just before the dialog closes."""
    sign_in_failed = Signal(str)
    """Emitted with the text shown when signing in was refused."""

    def __init__(
        self,
        gate: Gate,
        parent: QWidget | None = None,
        *,
        username: str = "",
        database_label: str = "",
    ) -> None:
        super().__init__(parent)
        self._gate = gate
        self.signed_in_as: SignedIn | None = None
        self._busy = False
        self.setObjectName("sign_in_dialog")
        self.setWindowTitle(self.tr("Sign in — ipdesk"))

        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setObjectName("sign_in_button")
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self._on_submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if database_label:
            where = QLabel(self.tr("Database: {0}").format(database_label))
            where.setObjectName("database_label")
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        (self.password_edit if username else self.username_edit).setFocus()

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""

    def _show_error(self, text: str, field: QLineEdit) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        field.setFocus()
        field.selectAll()

    def _set_busy(self, busy: bool) -> None:
        # Read-only rather than disabled: a disabled field would hand the focus (and with
        # it the Enter key) to the Cancel button.
        self._busy = busy
        self.username_edit.setReadOnly(busy)
        self.password_edit.setReadOnly(busy)
        self.sign_in_button.setEnabled(not busy)
        if busy:
            self.error_label.setVisible(False)

    def _on_submit(self) -> None:
        if self._busy:
            return
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self._show_error(self.tr("Enter your user name."), self.username_edit)
            return
        if not password:
            self._show_error(self.tr("Enter your password."), self.password_edit)
            return
        self._set_busy(True)
        gate = self._gate
        run_task(
            lambda: gate.sign_in(username, password),
            self._on_signed_in,
            self._on_refused,
            context=self,
        )

    def _on_signed_in(self, result: SignedIn) -> None:
        self._set_busy(False)
        self.signed_in_as = result
        self.signed_in.emit(result)
        self.accept()

    def _on_refused(self, error: Exception) -> None:
        self._set_busy(False)
        text = auth_error_text(error)
        self.password_edit.clear()
        field = self.password_edit if error_code(error) == "sign_in_failed" else self.username_edit
        self._show_error(text, field)
        self.sign_in_failed.emit(text)


def error_code(error: BaseException) -> str:
    return str(getattr(error, "code", ""))
