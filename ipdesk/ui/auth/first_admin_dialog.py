"""The first start: create the administrator."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ipdesk.services.admin import auth
from ipdesk.services.admin.auth import UserInfo
from ipdesk.services.errors import ValidationError
from ipdesk.ui.auth.texts import auth_error_text
from ipdesk.ui.desk import Gate
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.tasks import run_task


class CreateAdministratorDialog(QDialog):
    """Asks for the administrator's user name, name and password (twice) on a database that
    has no administrator yet; ``created`` holds the new account once accepted."""

    administrator_created = Signal(object)
    """Emitted with the ``UserInfo`` of the new administrator."""
    creation_failed = Signal(str)

    def __init__(self, gate: Gate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gate = gate
        self.created: UserInfo | None = None
        self.setObjectName("create_administrator_dialog")
        self.setWindowTitle(self.tr("Create the administrator — ipdesk"))

        intro = QLabel(
            self.tr(
                "This database has no administrator yet. Create the administrator's account: "
                "it manages users, the organisation and the other settings."
            )
        )
        intro.setWordWrap(True)
        self.username_edit = QLineEdit("admin")
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setMaxLength(64)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name_edit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Repeat password:"), self.confirm_edit)
        form.addRow("", self.error_label)
        hint = QLabel(
            self.tr("At least %n characters, not only digits.", "", auth.MIN_PASSWORD_LENGTH)
        )
        hint.setEnabled(False)
        form.addRow("", hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setObjectName("create_button")
        self.create_button.setText(self.tr("Create administrator"))
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self._on_submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""

    def _fields(self) -> dict[str, QLineEdit]:
        return {
            "username": self.username_edit,
            "display_name": self.name_edit,
            "password": self.password_edit,
        }

    def _show_error(self, text: str, field: QLineEdit) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        field.setFocus()
        field.selectAll()
        self.creation_failed.emit(text)

    def _on_submit(self) -> None:
        if not self.create_button.isEnabled():
            return
        if self.password_edit.text() != self.confirm_edit.text():
            error = ValidationError("password", "两次输入的密码不一致", code="password_mismatch")
            self._show_error(auth_error_text(error), self.confirm_edit)
            return
        username = self.username_edit.text()
        name = self.name_edit.text()
        password = self.password_edit.text()
        gate = self._gate

        def create() -> UserInfo:
            return gate.create_first_admin(username, name, password)

        self.create_button.setEnabled(False)
        self.error_label.setVisible(False)
        run_task(create, self._on_created, self._on_refused, context=self)

    def _on_created(self, info: UserInfo) -> None:
        self.create_button.setEnabled(True)
        self.created = info
        self.administrator_created.emit(info)
        self.accept()

    def _on_refused(self, error: Exception) -> None:
        self.create_button.setEnabled(True)
        field = self._fields().get(getattr(error, "field", ""), self.username_edit)
        self._show_error(auth_error_text(error), field)
