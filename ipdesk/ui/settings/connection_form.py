"""The fields of a PostgreSQL connection with a "Test connection" button, shared by the
first-start wizard and the settings dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.settings import keys
from ipdesk.ui.settings.database import (
    CONNECT_TIMEOUT_SECONDS,
    ConnectionProblem,
    ConnectionReport,
    DatabaseConfig,
    keyring_available,
    try_connection,
)
from ipdesk.ui.tasks import drop, run_task

SUCCESS_STYLE = "color: #1b5e20;"

translate = QCoreApplication.translate


def problem_text(problem: BaseException, config: DatabaseConfig) -> str:
    """The text to show for a failed connection test, in the user's language."""
    if not isinstance(problem, ConnectionProblem):
        return translate("connection", "The connection failed: {0}").format(
            str(problem) or type(problem).__name__
        )
    match problem.code:
        case "refused":
            return translate(
                "connection",
                "Cannot reach the server {0} on port {1}: the server is not running, the port "
                "is wrong, or a firewall blocks the connection.",
            ).format(config.host, config.port)
        case "unknown_host":
            return translate(
                "connection",
                "The server “{0}” was not found. Check its name, or enter its IP address.",
            ).format(config.host)
        case "timeout":
            return translate(
                "connection",
                "The server {0} did not answer within {1} seconds. Check the address and "
                "the network.",
            ).format(config.host, CONNECT_TIMEOUT_SECONDS)
        case "password":
            return translate(
                "connection", "The server refused the user name or the password. Check both."
            )
        case "no_database":
            return translate(
                "connection",
                "The database “{0}” does not exist on the server. Ask the server's "
                "administrator to create it.",
            ).format(config.name)
        case "no_permission":
            return translate("connection", "The user “{0}” may not use this database.").format(
                config.user
            )
        case "missing_host":
            return translate("connection", "Enter the server's name or address.")
        case "missing_database":
            return translate("connection", "Enter the name of the database.")
        case "missing_user":
            return translate("connection", "Enter the user name.")
    return translate("connection", "The connection failed: {0}").format(problem.detail)


class ConnectionForm(QWidget):
    """Server, port, database, user, password, "remember the password", and a test button
    whose outcome shows under the fields. The test runs in the background."""

    tested = Signal(bool, str)
    """A test finished: whether it succeeded, and the text shown."""
    changed = Signal()
    """The user edited a field (a previous test result no longer applies)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connection_form")
        self._busy = False

        self.host_edit = QLineEdit()
        self.host_edit.setObjectName("host_edit")
        self.host_edit.setPlaceholderText(self.tr("e.g. 192.168.1.20 or db.example.gov.cn"))
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("port_spin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(keys.DEFAULT_POSTGRESQL_PORT)
        self.port_spin.setGroupSeparatorShown(False)
        self.port_spin.setSizePolicy(
            QSizePolicy.Policy.Fixed, self.port_spin.sizePolicy().verticalPolicy()
        )
        self.name_edit = QLineEdit(keys.DEFAULT_DATABASE_NAME)
        self.name_edit.setObjectName("database_name_edit")
        self.user_edit = QLineEdit(keys.DEFAULT_DATABASE_USER)
        self.user_edit.setObjectName("database_user_edit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("database_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(self.tr("&Remember the password in the system keyring"))
        self.remember_check.setObjectName("remember_check")
        if keyring_available():
            self.remember_check.setChecked(True)
        else:
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(
                self.tr(
                    "No system keyring is available: ipdesk will ask for the password at "
                    "each start."
                )
            )
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("test_button")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test)
        self.status_label = QLabel()
        self.status_label.setObjectName("connection_status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setVisible(False)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Server:"), self.host_edit)
        form.addRow(self.tr("P&ort:"), self.port_spin)
        form.addRow(self.tr("&Database:"), self.name_edit)
        form.addRow(self.tr("&User:"), self.user_edit)
        form.addRow(self.tr("Pass&word:"), self.password_edit)
        form.addRow("", self.remember_check)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)
        form.addRow("", self.status_label)

        for edit in (self.host_edit, self.name_edit, self.user_edit, self.password_edit):
            edit.textEdited.connect(self._on_edited)
        self.port_spin.valueChanged.connect(self._on_edited)

        QWidget.setTabOrder(self.host_edit, self.port_spin)
        QWidget.setTabOrder(self.port_spin, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.user_edit)
        QWidget.setTabOrder(self.user_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.remember_check)
        QWidget.setTabOrder(self.remember_check, self.test_button)

    # -- values ---------------------------------------------------------------------------

    def config(self) -> DatabaseConfig:
        return DatabaseConfig.postgresql(
            self.host_edit.text(),
            self.port_spin.value(),
            self.name_edit.text(),
            self.user_edit.text(),
            password_in_keyring=self.remember_check.isChecked(),
        )

    def set_config(self, config: DatabaseConfig, password: str = "") -> None:
        if not config.is_embedded:
            self.host_edit.setText(config.host)
            self.port_spin.setValue(config.port)
            self.name_edit.setText(config.name)
            self.user_edit.setText(config.user)
            if self.remember_check.isEnabled():
                self.remember_check.setChecked(config.password_in_keyring)
        self.password_edit.setText(password)
        self._forget_test()

    def password(self) -> str:
        return self.password_edit.text()

    def is_busy(self) -> bool:
        return self._busy

    def status_text(self) -> str:
        return "" if self.status_label.isHidden() else self.status_label.text()

    # -- testing --------------------------------------------------------------------------

    def test(self) -> None:
        """Test the connection in the background; ``tested`` tells the outcome."""
        if self._busy:
            return
        config, password = self.config(), self.password()
        self._set_busy(True)
        self._show(self.tr("Connecting to {0}…").format(config.host or "?"), "")
        run_task(
            lambda: try_connection(config, password),
            self._on_tested,
            lambda error: self._on_failed(config, error),
            context=self,
            purpose="test",
        )

    def _on_tested(self, report: ConnectionReport) -> None:
        self._set_busy(False)
        text = self.tr("Connected: {0}.").format(report.server)
        self._show(text, SUCCESS_STYLE)
        self.tested.emit(True, text)

    def _on_failed(self, config: DatabaseConfig, error: Exception) -> None:
        self._set_busy(False)
        text = problem_text(error, config)
        self._show(text, ERROR_STYLE, getattr(error, "detail", ""))
        self.tested.emit(False, text)

    def _show(self, text: str, style: str, detail: str = "") -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)
        self.status_label.setToolTip(detail)
        self.status_label.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.test_button.setEnabled(not busy)

    def _on_edited(self, *_args: object) -> None:
        self._forget_test()
        self.changed.emit()

    def _forget_test(self) -> None:
        drop(self, "test")  # a test still running no longer applies
        self._set_busy(False)
        self._show("", "")
