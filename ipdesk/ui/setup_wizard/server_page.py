"""The first start in network mode: the ipdesk server's address and the network's CA file.

A desktop in the network never holds database credentials: it talks HTTPS to
``ipdesk-server``, whose certificate it checks against the deployment's CA file (made as
installer/README.md shows). The page checks both by calling ``GET /api/v1/health``
(:func:`ipdesk.ui.desk.open_remote_gate`) in the background; a problem shows next to the
field it concerns. Accepting the wizard stores ``server/url`` and ``server/ca_file``
(:func:`save_server`) with ``database/kind`` = ``"server"``.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.settings import keys
from ipdesk.ui.settings.connection_form import SUCCESS_STYLE
from ipdesk.ui.tasks import drop, run_task

log = logging.getLogger(__name__)

SERVER = keys.SERVER
"""``database/kind`` of a desktop that works through ipdesk-server."""
SERVER_URL = keys.SERVER_URL
SERVER_CA_FILE = keys.SERVER_CA_FILE


@dataclass(frozen=True)
class ServerChoice:
    url: str
    ca_file: str


def save_server(settings: QSettings, choice: ServerChoice) -> None:
    settings.setValue(keys.DATABASE_KIND, SERVER)
    settings.setValue(SERVER_URL, choice.url)
    settings.setValue(SERVER_CA_FILE, choice.ca_file)
    settings.sync()


def load_server(settings: QSettings) -> ServerChoice | None:
    """The stored server, or None when this desktop does not work through one."""
    if keys.read_str(settings, keys.DATABASE_KIND) != SERVER:
        return None
    url = keys.read_str(settings, SERVER_URL)
    return ServerChoice(url, keys.read_str(settings, SERVER_CA_FILE)) if url else None


class Problem(Exception):
    """What is wrong, and with which field ("url" or "ca_file")."""

    def __init__(self, field: str, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.text = text


def check_server(choice: ServerChoice) -> dict[str, Any]:
    """Call the server's health endpoint once, the certificate checked against the CA file
    (slow: run it in the background). The server's answer; raises the client's
    ServerUnreachable (``reason`` "certificate" when TLS refused the server)."""
    from ipdesk.remote.client import RemoteClient, Retry

    client = RemoteClient(choice.url, ca_file=choice.ca_file or None, retry=Retry(attempts=1))
    try:
        return client.health()
    finally:
        client.close()


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


class RemoteServerPage(QWizardPage):
    """The server's address and the CA file, checked before going on."""

    def __init__(self, checker: Callable[[ServerChoice], dict[str, Any]] | None = None) -> None:
        super().__init__()
        self._checker = checker or check_server
        self._busy = False
        self._checked: ServerChoice | None = None
        self._advance_after_check = False
        self.setObjectName("server_page")
        self.setTitle(self.tr("Connect to the network's ipdesk server"))
        self.setSubTitle(
            self.tr(
                "Enter the server's address and choose the certificate file (CA) of your "
                "network, both from your administrator. No database password is needed."
            )
        )
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("url_edit")
        self.url_edit.setPlaceholderText("https://ipdesk.example.gov.cn:8443")
        self.url_error = _error_label("url_error")
        self.ca_edit = QLineEdit()
        self.ca_edit.setObjectName("ca_edit")
        self.ca_edit.setPlaceholderText(self.tr("ipdesk-ca.pem"))
        self.ca_button = QPushButton(self.tr("&Browse…"))
        self.ca_button.setObjectName("ca_button")
        self.ca_button.setAutoDefault(False)
        self.ca_button.clicked.connect(self._browse)
        self.ca_error = _error_label("ca_error")
        self.check_button = QPushButton(self.tr("&Check the connection"))
        self.check_button.setObjectName("check_button")
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)

        ca_row = QWidget()
        row = QHBoxLayout(ca_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.ca_edit, 1)
        row.addWidget(self.ca_button)
        form = QFormLayout()
        form.addRow(self.tr("Server &address:"), self.url_edit)
        form.addRow("", self.url_error)
        form.addRow(self.tr("&CA certificate file:"), ca_row)
        form.addRow("", self.ca_error)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        layout.addLayout(check_row)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.url_edit.textChanged.connect(self._on_edited)
        self.ca_edit.textChanged.connect(self._on_edited)
        self.setFinalPage(True)

    # -- state ---------------------------------------------------------------------------

    def choice(self) -> ServerChoice:
        return ServerChoice(self.url_edit.text().strip(), self.ca_edit.text().strip())

    def checked_choice(self) -> ServerChoice | None:
        """The choice the server answered for (None until then, or after an edit)."""
        return self._checked if self._checked == self.choice() else None

    def is_busy(self) -> bool:
        return self._busy

    def initializePage(self) -> None:
        self.url_edit.setFocus()

    def nextId(self) -> int:
        return -1  # the administrator and the organisation are the server's (ipdesk-admin)

    def isComplete(self) -> bool:
        return bool(self.url_edit.text().strip()) and not self._busy

    def validatePage(self) -> bool:
        if self.checked_choice() is not None:
            return True
        self._advance_after_check = True
        self.check()
        return False

    # -- checking ------------------------------------------------------------------------

    def _problem(self, choice: ServerChoice) -> Problem | None:
        """What is wrong before asking the server."""
        parts = urlsplit(choice.url)
        if parts.scheme != "https" or not parts.hostname:
            return Problem(
                "url",
                self.tr(
                    "Enter the server's address as https://name-or-address:port, "
                    "for example https://ipdesk.example.gov.cn:8443."
                ),
            )
        try:
            _ = parts.port  # raises on a malformed port
        except ValueError:
            return Problem("url", self.tr("The port in the address is not a number."))
        if not choice.ca_file:
            return Problem("ca_file", self.tr("Choose the CA certificate file of your network."))
        path = Path(choice.ca_file)
        if not path.is_file():
            return Problem("ca_file", self.tr("The file {0} does not exist.").format(path))
        try:
            ssl.create_default_context(cafile=str(path))
        except (ssl.SSLError, OSError, ValueError):
            return Problem(
                "ca_file",
                self.tr("{0} is not a certificate file (PEM) that ipdesk can use.").format(
                    path.name
                ),
            )
        return None

    def check(self) -> None:
        if self._busy:
            return
        choice = self.choice()
        self._clear()
        problem = self._problem(choice)
        if problem is not None:
            self._advance_after_check = False
            self._show(problem)
            return
        self._busy = True
        self.check_button.setEnabled(False)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Asking the server…"))
        self.completeChanged.emit()
        run_task(
            lambda: self._checker(choice),
            lambda answer: self._on_answer(choice, answer),
            lambda error: self._on_failed(choice, error),
            context=self,
            purpose="check_server",
        )

    def abandon(self) -> None:
        drop(self, "check_server")
        self._busy = False

    def _on_answer(self, choice: ServerChoice, answer: dict[str, Any]) -> None:
        self._busy = False
        self.check_button.setEnabled(True)
        if not isinstance(answer, dict) or answer.get("ok") is not True:
            self._advance_after_check = False
            self._show(Problem("url", self.tr("This address does not answer as an ipdesk server.")))
            self.completeChanged.emit()
            return
        self._checked = choice
        self.status_label.setStyleSheet(SUCCESS_STYLE)
        self.status_label.setText(self.tr("The server answers: press Finish, then sign in."))
        log.info("First start: ipdesk server %s answers", choice.url)
        self.completeChanged.emit()
        advance, self._advance_after_check = self._advance_after_check, False
        wizard = self.wizard()
        if advance and wizard is not None and wizard.currentPage() is self:
            wizard.accept()  # the last page: Finish

    def _on_failed(self, choice: ServerChoice, error: Exception) -> None:
        self._busy = False
        self._advance_after_check = False
        self.check_button.setEnabled(True)
        log.warning("First start: ipdesk server %s: %s", choice.url, error)
        reason = str(getattr(error, "params", {}).get("reason", "")) if error else ""
        if reason == "certificate" or isinstance(error, ssl.SSLError):
            problem = Problem(
                "ca_file",
                self.tr(
                    "The server's certificate was not signed by this CA file: check that "
                    "you chose your network's CA file and the right address."
                ),
            )
        else:
            problem = Problem(
                "url",
                self.tr(
                    "The server does not answer at this address. Check the address and "
                    "that this computer can reach the server."
                ),
            )
        self._show(problem)
        self.completeChanged.emit()

    def _clear(self) -> None:
        for label in (self.url_error, self.ca_error):
            label.clear()
            label.setVisible(False)
        self.status_label.clear()

    def _show(self, problem: Problem) -> None:
        label, edit = (
            (self.url_error, self.url_edit)
            if problem.field == "url"
            else (self.ca_error, self.ca_edit)
        )
        label.setText(problem.text)
        label.setVisible(True)
        edit.setFocus()

    def _on_edited(self) -> None:
        if self._checked is not None and self._checked != self.choice():
            self._checked = None
            self.status_label.clear()
        self.completeChanged.emit()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The network's CA certificate"),
            self.ca_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_edit.setText(path)
