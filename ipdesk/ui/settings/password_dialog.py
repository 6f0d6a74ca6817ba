"""Asking for the shared database's password at start-up, when no keyring keeps it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.settings.database import DatabaseConfig


class DatabasePasswordDialog(QDialog):
    """The password of ``config``'s user; ``problem`` explains why it is asked again."""

    def __init__(
        self,
        config: DatabaseConfig,
        *,
        problem: str = "",
        can_remember: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("database_password_dialog")
        self.setWindowTitle(self.tr("Database password — ipdesk"))
        where = QLabel(
            self.tr("The shared database {0} needs the password of the user “{1}”.").format(
                f"{config.host}:{config.port}/{config.name}", config.user
            )
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(self.tr("&Remember the password in the system keyring"))
        self.remember_check.setObjectName("remember_check")
        self.remember_check.setVisible(can_remember)
        self.error_label = QLabel(problem)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(bool(problem))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", self.remember_check)
        form.addRow("", self.error_label)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.password_edit, self.remember_check)
        self.password_edit.setFocus()

    def password(self) -> str:
        return self.password_edit.text()

    def remember(self) -> bool:
        return not self.remember_check.isHidden() and self.remember_check.isChecked()
