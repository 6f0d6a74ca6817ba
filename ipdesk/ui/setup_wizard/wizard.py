"""The first start: choose the database, prepare it, create the administrator, and
optionally import the organisation.

Pages (``SetupWizard.Page``)::

    DATABASE ──embedded──> PREPARE ──no administrator yet──> ADMIN ──> ORG
        │                      └──administrator exists: finish, then sign in
        └──network──> SERVER (address + CA file, checked: GET /api/v1/health) ──> finish

In network mode the desktop holds no database credentials: the administrator and the
organisation are set up on the server (``ipdesk-admin``); accepting saves the server's
address and CA file (:mod:`ipdesk.ui.setup_wizard.server_page`) and ``server`` holds them.

Everything slow (testing the connection, migrating, creating the administrator — argon2 is
slow on purpose —, importing) runs in a background task; its outcome shows on the page.
Accepting the wizard saves the database choice to QSettings (the PostgreSQL password only
to the system keyring, when asked to and possible). ``engine`` and ``signed_in`` are then
ready for the main window; ``take_engine()`` hands the engine over to the caller.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy import Engine

from ipdesk import db
from ipdesk.services.admin import auth
from ipdesk.services.admin.auth import SignedIn
from ipdesk.services.admin.org import ImportSummary
from ipdesk.services.admin.setup import initialise
from ipdesk.services.errors import ValidationError
from ipdesk.ui.auth.texts import auth_error_text
from ipdesk.ui.desk import Gate
from ipdesk.ui.messages import ERROR_STYLE, error_text
from ipdesk.ui.settings import database
from ipdesk.ui.settings.connection_form import SUCCESS_STYLE
from ipdesk.ui.settings.database import DatabaseConfig
from ipdesk.ui.setup_wizard.server_page import RemoteServerPage, ServerChoice, save_server
from ipdesk.ui.tasks import drop, run_task

log = logging.getLogger(__name__)


class Page(enum.IntEnum):
    DATABASE = 0
    SERVER = 1
    PREPARE = 2
    ADMIN = 3
    ORG = 4


@dataclass(frozen=True)
class Prepared:
    """A database migrated and seeded, ready for use."""

    config: DatabaseConfig
    engine: Engine
    needs_admin: bool
    offices: int
    stations: int


def _dispose(prepared: Prepared) -> None:
    prepared.engine.dispose()


def prepare_database(config: DatabaseConfig, password: str) -> Prepared:
    """Open, migrate and seed the database (slow: run it in a background task)."""
    engine = db.make_engine(config.url(password))
    try:
        initialise(engine)  # one migration at a time: see ipdesk.migrate
        gate = Gate.on(engine)
        needs_admin = gate.needs_first_admin()
        offices = gate.organisation()
    except BaseException:
        engine.dispose()
        raise
    stations = sum(len(o.stations) for o in offices)
    return Prepared(config, engine, needs_admin, len(offices), stations)


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error_label")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


# -- pages ---------------------------------------------------------------------------------------


class DatabasePage(QWizardPage):
    """Embedded database on this computer, or the shared PostgreSQL server."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("database_page")
        self.setTitle(self.tr("Where should ipdesk keep its data?"))
        self.setSubTitle(
            self.tr("Welcome to ipdesk. A few steps prepare this computer for its first use.")
        )
        self.embedded_radio = QRadioButton(self.tr("&Embedded database on this computer"))
        self.embedded_radio.setObjectName("embedded_radio")
        self.embedded_radio.setChecked(True)
        embedded_note = _intro(
            self.tr(
                "For a single workstation. Nothing to set up: the data is kept in the file {0}."
            ).format(str(wizard.embedded_path))
        )
        embedded_note.setObjectName("embedded_note")
        embedded_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_radio = QRadioButton(self.tr("The network's ipdesk &server"))
        self.server_radio.setObjectName("server_radio")
        server_note = _intro(
            self.tr(
                "For the network: the offices and aid stations work through one ipdesk "
                "server. Your administrator gives you its address, the network's "
                "certificate file and your account."
            )
        )
        group = QButtonGroup(self)
        group.addButton(self.embedded_radio)
        group.addButton(self.server_radio)

        layout = QVBoxLayout(self)
        layout.addWidget(self.embedded_radio)
        layout.addWidget(_indented(embedded_note))
        layout.addSpacing(12)
        layout.addWidget(self.server_radio)
        layout.addWidget(_indented(server_note))
        layout.addStretch(1)
        QWidget.setTabOrder(self.embedded_radio, self.server_radio)

    def uses_server(self) -> bool:
        return self.server_radio.isChecked()

    def nextId(self) -> int:
        return int(Page.SERVER if self.uses_server() else Page.PREPARE)


class PreparePage(QWizardPage):
    """Creates or upgrades the database in the background."""

    prepared = Signal(object)
    """The database is ready: the ``Prepared``."""
    failed = Signal(str)
    """Preparing failed: the text shown."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._busy = False
        self.setObjectName("prepare_page")
        self.setTitle(self.tr("Preparing the database"))
        self.setSubTitle(self.tr("ipdesk creates the database, or brings it up to date."))
        self.where_label = _intro("")
        self.where_label.setObjectName("where_label")
        self.where_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.status_label = _intro("")
        self.status_label.setObjectName("status_label")
        self.error_label = _error_label()
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.setObjectName("retry_button")
        self.retry_button.setAutoDefault(False)
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self._start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        retry_row = QHBoxLayout()
        retry_row.addWidget(self.retry_button)
        retry_row.addStretch(1)
        layout.addLayout(retry_row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        config = self._wizard.chosen_config()
        self.where_label.setText(self.tr("Database: {0}").format(config.label()))
        prepared = self._wizard.prepared
        if prepared is not None and prepared.config == config:
            self._show_ready(prepared)
            return
        self.abandon()  # a preparation of another choice may still be running
        self._start()

    def isComplete(self) -> bool:
        return self._wizard.prepared is not None and not self._busy

    def nextId(self) -> int:
        prepared = self._wizard.prepared
        if prepared is None or prepared.needs_admin:
            return int(Page.ADMIN)
        return -1

    def is_busy(self) -> bool:
        return self._busy

    def abandon(self) -> None:
        """Whatever is still being prepared is no longer wanted (disposed when it comes)."""
        drop(self, "prepare")
        self._busy = False

    def _start(self) -> None:
        if self._busy:
            return
        self._wizard.discard_prepared()
        self.setFinalPage(False)
        config, password = self._wizard.chosen_config(), self._wizard.chosen_password()
        self._busy = True
        self.progress.setVisible(True)
        self.retry_button.setVisible(False)
        self.error_label.setVisible(False)
        self.status_label.setText(
            self.tr("Creating the tables and loading the reference data. This takes a moment…")
        )
        self.completeChanged.emit()
        run_task(
            lambda: prepare_database(config, password),
            self._on_prepared,
            lambda error: self._on_failed(config, error),
            context=self,
            purpose="prepare",
            on_dropped=_dispose,  # the user has since chosen another database
        )

    def _on_prepared(self, prepared: Prepared) -> None:
        if self._wizard.chosen_config() != prepared.config:
            _dispose(prepared)  # the user has since chosen another database
            return
        self._busy = False
        self._wizard.set_prepared(prepared)
        self._show_ready(prepared)
        self.completeChanged.emit()
        self.prepared.emit(prepared)

    def _show_ready(self, prepared: Prepared) -> None:
        # Also makes the wizard show Finish instead of Next at once when this is the end.
        self.setFinalPage(not prepared.needs_admin)
        self.progress.setVisible(False)
        self.retry_button.setVisible(False)
        self.error_label.setVisible(False)
        text = self.tr("The database is ready: {0} offices and {1} aid stations.").format(
            prepared.offices, prepared.stations
        )
        if prepared.needs_admin:
            text += " " + self.tr("Next, create the administrator's account.")
        else:
            text += " " + self.tr(
                "It already has an administrator: press Finish, then sign in with your account."
            )
        self.status_label.setText(text)
        self.status_label.setStyleSheet(SUCCESS_STYLE)

    def _on_failed(self, config: DatabaseConfig, error: Exception) -> None:
        self._busy = False
        log.error("Preparing the database %s failed", config.label(), exc_info=error)
        text = self.tr("The database could not be prepared: {0}").format(error_text(error))
        self.progress.setVisible(False)
        self.status_label.setText("")
        self.status_label.setStyleSheet("")
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.retry_button.setVisible(True)
        self.completeChanged.emit()
        self.failed.emit(text)


class AdminPage(QWizardPage):
    """The first administrator's account; created when the user goes on (a commit page:
    there is no way back once it exists)."""

    created = Signal(object)
    """The administrator was created and signed in: the ``SignedIn``."""
    refused = Signal(str)
    """Creating the administrator was refused: the text shown."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._busy = False
        self.setObjectName("admin_page")
        self.setTitle(self.tr("Create the administrator"))
        self.setSubTitle(
            self.tr(
                "The administrator manages users, the organisation, holidays, templates and "
                "backups. Keep the password safe."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create administrator"))

        self.username_edit = QLineEdit("admin")
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setMaxLength(64)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setMaxLength(100)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        hint = QLabel(
            self.tr("At least %n characters, not only digits.", "", auth.MIN_PASSWORD_LENGTH)
        )
        hint.setEnabled(False)
        self.error_label = _error_label()

        form = QFormLayout(self)
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Repeat password:"), self.confirm_edit)
        form.addRow("", hint)
        form.addRow("", self.error_label)
        for edit in (self.username_edit, self.name_edit, self.password_edit, self.confirm_edit):
            edit.textEdited.connect(self.completeChanged)
        QWidget.setTabOrder(self.username_edit, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.confirm_edit)

    def initializePage(self) -> None:
        self.name_edit.setFocus()

    def isComplete(self) -> bool:
        if self._busy:
            return False
        if self._wizard.signed_in is not None:
            return True
        return all(
            edit.text()
            for edit in (self.username_edit, self.name_edit, self.password_edit, self.confirm_edit)
        )

    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def validatePage(self) -> bool:
        if self._wizard.signed_in is not None:
            return True
        if self._busy:
            return False
        if self.password_edit.text() != self.confirm_edit.text():
            error = ValidationError("password", "两次输入的密码不一致", code="password_mismatch")
            self._show_error(auth_error_text(error), self.confirm_edit)
            return False
        gate = self._wizard.gate()
        username, name = self.username_edit.text(), self.name_edit.text()
        password = self.password_edit.text()

        def create() -> SignedIn:
            info = gate.create_first_admin(username, name, password)
            return gate.sign_in(info.username, password)

        self._set_busy(True)
        run_task(create, self._on_created, self._on_refused, context=self)
        return False

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for edit in (self.username_edit, self.name_edit, self.password_edit, self.confirm_edit):
            edit.setReadOnly(busy)
        if busy:
            self.error_label.setVisible(False)
        self.completeChanged.emit()

    def _on_created(self, signed_in: SignedIn) -> None:
        self._wizard.signed_in = signed_in
        log.info("First start: administrator %s created", signed_in.username)
        self._set_busy(False)
        for edit in (self.username_edit, self.name_edit, self.password_edit, self.confirm_edit):
            edit.setReadOnly(True)
        self.created.emit(signed_in)
        if self._wizard.currentPage() is self:
            self._wizard.next()

    def _on_refused(self, error: Exception) -> None:
        self._set_busy(False)
        fields = {
            "username": self.username_edit,
            "display_name": self.name_edit,
            "password": self.password_edit,
        }
        self._show_error(
            auth_error_text(error), fields.get(getattr(error, "field", ""), self.username_edit)
        )

    def _show_error(self, text: str, field: QLineEdit) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        field.setFocus()
        field.selectAll()
        self.refused.emit(text)


class OrgPage(QWizardPage):
    """Optionally replace the organisation with the city's own two CSV files."""

    imported = Signal(object)
    """The organisation was imported: the ``ImportSummary``."""
    import_failed = Signal(str)
    """The import was refused: the text shown."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._busy = False
        self._imported_paths: tuple[str, str] | None = None
        self._finish_after_import = False
        self.setObjectName("org_page")
        self.setTitle(self.tr("Import the organisation (optional)"))
        self.setSubTitle(self.tr("Use your own list of adjudication offices and aid stations."))
        intro = _intro(
            self.tr(
                "ipdesk starts with the organisation shipped with it. To use your own list "
                "of adjudication offices and aid stations, choose the two CSV files and "
                "import them; otherwise press Finish. An administrator can import them later "
                "too (ipdesk-admin import-org)."
            )
        )
        self.offices_edit = QLineEdit()
        self.offices_edit.setObjectName("offices_edit")
        self.offices_edit.setPlaceholderText(self.tr("code,name[,region,address,phone]"))
        self.offices_button = QPushButton(self.tr("B&rowse…"))
        self.offices_button.setObjectName("offices_button")
        self.offices_button.setAutoDefault(False)
        self.offices_button.clicked.connect(lambda: self._browse(self.offices_edit))
        self.stations_edit = QLineEdit()
        self.stations_edit.setObjectName("stations_edit")
        self.stations_edit.setPlaceholderText(self.tr("code,name,office[,address,phone]"))
        self.stations_button = QPushButton(self.tr("Br&owse…"))
        self.stations_button.setObjectName("stations_button")
        self.stations_button.setAutoDefault(False)
        self.stations_button.clicked.connect(lambda: self._browse(self.stations_edit))
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("import_button")
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.start_import)
        self.result_label = _intro("")
        self.result_label.setObjectName("result_label")
        self.result_label.setStyleSheet(SUCCESS_STYLE)
        self.result_label.setVisible(False)
        self.error_label = _error_label()

        offices_label = QLabel(self.tr("O&ffices file:"))
        offices_label.setBuddy(self.offices_edit)
        stations_label = QLabel(self.tr("&Stations file:"))
        stations_label.setBuddy(self.stations_edit)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(offices_label, _row(self.offices_edit, self.offices_button))
        form.addRow(stations_label, _row(self.stations_edit, self.stations_button))
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        form.addRow("", import_row)
        form.addRow("", self.result_label)
        form.addRow("", self.error_label)
        for edit in (self.offices_edit, self.stations_edit):
            edit.textChanged.connect(self._on_paths_changed)
        QWidget.setTabOrder(self.offices_edit, self.offices_button)
        QWidget.setTabOrder(self.offices_button, self.stations_edit)
        QWidget.setTabOrder(self.stations_edit, self.stations_button)
        QWidget.setTabOrder(self.stations_button, self.import_button)
        self._on_paths_changed()

    def isComplete(self) -> bool:
        return not self._busy

    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def validatePage(self) -> bool:
        """Finish: import chosen files first (one step less to forget)."""
        paths = self._paths()
        if not any(paths) or paths == self._imported_paths:
            return True
        self._finish_after_import = True
        self.start_import()
        return False

    def _paths(self) -> tuple[str, str]:
        return self.offices_edit.text().strip(), self.stations_edit.text().strip()

    def _browse(self, edit: QLineEdit) -> None:
        start = edit.text() or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a CSV file"), start, self.tr("CSV files (*.csv);;All files (*)")
        )
        if path:
            edit.setText(path)

    def _on_paths_changed(self) -> None:
        offices, stations = self._paths()
        self.import_button.setEnabled(bool(offices and stations) and not self._busy)
        if (offices, stations) != self._imported_paths:
            self.result_label.setVisible(False)

    def start_import(self) -> None:
        offices, stations = self._paths()
        if not (offices and stations):
            self._show_error(self.tr("Choose both files: the offices and the stations."))
            return
        signed_in = self._wizard.signed_in
        if signed_in is None:  # cannot happen: the page follows the administrator's
            self._show_error(self.tr("Only the administrator may import the organisation."))
            return
        gate, actor = self._wizard.gate(), signed_in.actor

        def run() -> ImportSummary:
            return gate.import_org(actor, Path(offices), Path(stations))

        self._busy = True
        self.import_button.setEnabled(False)
        self.error_label.setVisible(False)
        self.result_label.setVisible(False)
        self.completeChanged.emit()
        run_task(
            run,
            lambda summary: self._on_imported((offices, stations), summary),
            self._on_import_failed,
            context=self,
        )

    def _on_imported(self, paths: tuple[str, str], summary: ImportSummary) -> None:
        self._busy = False
        self._imported_paths = paths
        log.info(
            "First start: organisation imported (%d offices and %d stations added)",
            summary.offices_added,
            summary.stations_added,
        )
        self.result_label.setText(
            self.tr(
                "Imported. Offices: {0} added, {1} updated, {2} retired. "
                "Stations: {3} added, {4} updated, {5} retired."
            ).format(
                summary.offices_added,
                summary.offices_updated,
                summary.offices_deactivated,
                summary.stations_added,
                summary.stations_updated,
                summary.stations_deactivated,
            )
        )
        self.result_label.setVisible(True)
        self._on_paths_changed()
        self.completeChanged.emit()
        self.imported.emit(summary)
        finish, self._finish_after_import = self._finish_after_import, False
        if finish and self._wizard.currentPage() is self:
            self._wizard.accept()

    def _on_import_failed(self, error: Exception) -> None:
        self._busy = False
        self._finish_after_import = False
        self._on_paths_changed()
        self.completeChanged.emit()
        self._show_error(error_text(error))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.import_failed.emit(text)


def _indented(widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(24, 0, 0, 0)
    layout.addWidget(widget)
    return box


def _row(edit: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return box


# -- the wizard ----------------------------------------------------------------------------------


class SetupWizard(QWizard):
    """The first-start wizard. After ``exec()`` returned Accepted: ``config`` is saved,
    ``take_engine()`` gives the prepared engine, ``signed_in`` the administrator created
    here (None when the database already had one: the caller then shows the sign-in)."""

    Page = Page

    def __init__(
        self,
        settings: QSettings,
        *,
        embedded_path: Path | None = None,
        logo: QPixmap | None = None,
        parent: QWidget | None = None,
        server_checker: Callable[[ServerChoice], dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.server: ServerChoice | None = None
        """Network mode: the ipdesk server chosen (saved); ``config`` stays None."""
        self.embedded_path = embedded_path or DatabaseConfig.embedded().path
        self.prepared: Prepared | None = None
        self.signed_in: SignedIn | None = None
        self.config: DatabaseConfig | None = None
        self._gate: Gate | None = None
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("First start — ipdesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        if logo is not None and not logo.isNull():
            self.setPixmap(QWizard.WizardPixmap.LogoPixmap, logo)
        self.setMinimumSize(720, 520)

        self.database_page = DatabasePage(self)
        self.server_page = RemoteServerPage(server_checker)
        self.prepare_page = PreparePage(self)
        self.admin_page = AdminPage(self)
        self.org_page = OrgPage(self)
        self.setPage(int(Page.DATABASE), self.database_page)
        self.setPage(int(Page.SERVER), self.server_page)
        self.setPage(int(Page.PREPARE), self.prepare_page)
        self.setPage(int(Page.ADMIN), self.admin_page)
        self.setPage(int(Page.ORG), self.org_page)
        self.setStartId(int(Page.DATABASE))
        self.accepted.connect(self._on_accepted)
        self.rejected.connect(self._on_rejected)

    # -- state shared by the pages ------------------------------------------------------

    def chosen_config(self) -> DatabaseConfig:
        """The embedded database (network mode prepares no database: the server does)."""
        return DatabaseConfig.embedded(self.embedded_path)

    def chosen_password(self) -> str:
        return ""

    def set_prepared(self, prepared: Prepared) -> None:
        self.discard_prepared()
        self.prepared = prepared
        self._gate = Gate.on(prepared.engine)
        log.info("First start: database %s prepared", prepared.config.label())

    def discard_prepared(self) -> None:
        if self.prepared is not None:
            self.prepared.engine.dispose()
        self.prepared = None
        self._gate = None

    def gate(self) -> Gate:
        """The way into the prepared database (the administrator, the organisation)."""
        assert self._gate is not None, "the database has not been prepared"
        return self._gate

    def take_engine(self) -> Engine:
        """The prepared engine, now the caller's to dispose."""
        assert self.prepared is not None, "the wizard was not accepted"
        engine = self.prepared.engine
        self.prepared = None
        self._gate = None
        return engine

    # -- the end ------------------------------------------------------------------------

    def _on_accepted(self) -> None:
        if self.database_page.uses_server():
            choice = self.server_page.checked_choice()
            assert choice is not None, "the server was not checked"
            save_server(self._settings, choice)
            self.server = choice
            log.info("First start finished: using the ipdesk server %s", choice.url)
            return
        assert self.prepared is not None
        config = self.prepared.config
        if not config.is_embedded:
            stored = config.password_in_keyring and database.store_password(
                config, self.chosen_password()
            )
            config = config.with_keyring(stored)
        database.save_config(self._settings, config)
        self.config = config
        log.info("First start finished: using %s", config.label())

    def _on_rejected(self) -> None:
        self.server_page.abandon()
        self.prepare_page.abandon()
        self.discard_prepared()
        log.info("First start cancelled")
