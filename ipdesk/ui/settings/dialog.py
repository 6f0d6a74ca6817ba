"""The settings dialog: a list of pages on the left, the chosen page on the right.

Every page follows Picard's options-page contract: ``load(settings)`` fills its widgets,
``validate()`` returns the text of a problem (or None) before anything is saved, and
``save(settings)`` writes the values back. Another package adds a page of its own with
``SettingsDialog.add_page(page)``. The keys and their defaults are in
``ipdesk.ui.settings.keys``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.settings import database, keys
from ipdesk.ui.settings.connection_form import ConnectionForm, problem_text
from ipdesk.ui.settings.database import DatabaseConfig

log = logging.getLogger(__name__)

RESTART_KEYS = frozenset(
    {
        keys.LANGUAGE,
        keys.DATABASE_KIND,
        keys.DATABASE_PATH,
        keys.DATABASE_HOST,
        keys.DATABASE_PORT,
        keys.DATABASE_NAME,
        keys.DATABASE_USER,
    }
)
"""Keys whose change takes effect only when ipdesk starts again."""


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)  # the grey of secondary text, in every style
    return label


def _fixed_width(widget: QWidget) -> QWidget:
    """Keep a short field (a number, a choice) at its natural width."""
    widget.setSizePolicy(QSizePolicy.Policy.Fixed, widget.sizePolicy().verticalPolicy())
    return widget


class SettingsPage(QWidget):
    """One page of the settings dialog (subclass it). Emit ``edited`` when the user
    changes a value (the dialog then hides a problem it showed)."""

    edited = Signal()

    def title(self) -> str:
        raise NotImplementedError

    def load(self, settings: QSettings) -> None:
        raise NotImplementedError

    def validate(self) -> str | None:
        """The text of the first problem with the values entered, or None."""
        return None

    def save(self, settings: QSettings) -> None:
        raise NotImplementedError

    def first_field(self) -> QWidget | None:
        """The widget that gets the focus when the page is shown."""
        return None


class GeneralPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("general_page")
        self._loaded: str | None = None
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.addItem(self.tr("As the system"), None)
        # Each language in its own name, so that one can find it whatever the current one.
        self.language_combo.addItem("中文（简体）", "zh_CN")
        self.language_combo.addItem("English", "en")
        form = QFormLayout(self)
        self.language_combo.activated.connect(self.edited)
        form.addRow(self.tr("&Language:"), _fixed_width(self.language_combo))
        form.addRow("", _note(self.tr("A new language takes effect when ipdesk starts again.")))

    def title(self) -> str:
        return self.tr("General")

    def load(self, settings: QSettings) -> None:
        self._loaded = keys.language(settings)
        index = self.language_combo.findData(self._loaded)
        self.language_combo.setCurrentIndex(max(index, 0))

    def save(self, settings: QSettings) -> None:
        value = self.language_combo.currentData()
        if value == self._loaded:
            return
        if value is None:
            settings.remove(keys.LANGUAGE)
        else:
            settings.setValue(keys.LANGUAGE, value)

    def first_field(self) -> QWidget:
        return self.language_combo


class AlertsPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alerts_page")
        self._loaded = keys.DEFAULT_ALERT_SCAN_INTERVAL_MINUTES
        self.interval_spin = QSpinBox()
        self.interval_spin.setObjectName("interval_spin")
        self.interval_spin.setRange(*keys.ALERT_SCAN_INTERVAL_RANGE)
        self.interval_spin.setSuffix(self.tr(" min"))
        form = QFormLayout(self)
        self.interval_spin.valueChanged.connect(self.edited)
        form.addRow(self.tr("&Check the deadlines every:"), _fixed_width(self.interval_spin))
        form.addRow(
            "",
            _note(
                self.tr(
                    "ipdesk looks for cases whose deadlines come near at start-up and then at "
                    "this interval, and shows new alerts. Default: {0} minutes."
                ).format(keys.DEFAULT_ALERT_SCAN_INTERVAL_MINUTES)
            ),
        )

    def title(self) -> str:
        return self.tr("Alerts")

    def load(self, settings: QSettings) -> None:
        self._loaded = keys.alert_scan_interval_minutes(settings)
        self.interval_spin.setValue(self._loaded)

    def save(self, settings: QSettings) -> None:
        if self.interval_spin.value() != self._loaded:
            settings.setValue(keys.ALERT_SCAN_INTERVAL_MINUTES, self.interval_spin.value())

    def first_field(self) -> QWidget:
        return self.interval_spin


class AttachmentsPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachments_page")
        self._loaded = keys.DEFAULT_ATTACHMENT_MAX_SIZE_MB
        self.size_spin = QSpinBox()
        self.size_spin.setObjectName("size_spin")
        self.size_spin.setRange(*keys.ATTACHMENT_MAX_SIZE_RANGE)
        self.size_spin.setSuffix(" MB")
        form = QFormLayout(self)
        self.size_spin.valueChanged.connect(self.edited)
        form.addRow(self.tr("&Largest attachment:"), _fixed_width(self.size_spin))
        form.addRow(
            "",
            _note(
                self.tr(
                    "Evidence files larger than this are refused when a case is registered. "
                    "Default: {0} MB."
                ).format(keys.DEFAULT_ATTACHMENT_MAX_SIZE_MB)
            ),
        )

    def title(self) -> str:
        return self.tr("Attachments")

    def load(self, settings: QSettings) -> None:
        self._loaded = keys.attachment_max_size_mb(settings)
        self.size_spin.setValue(self._loaded)

    def save(self, settings: QSettings) -> None:
        if self.size_spin.value() != self._loaded:
            settings.setValue(keys.ATTACHMENT_MAX_SIZE_MB, self.size_spin.value())

    def first_field(self) -> QWidget:
        return self.size_spin


class BackupPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_page")
        self._loaded = ""
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("folder_edit")
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setObjectName("browse_button")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._browse)
        self.folder_edit.textChanged.connect(self.edited)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        label = QLabel(self.tr("Backup &folder:"))
        label.setBuddy(self.folder_edit)
        form = QFormLayout(self)
        form.addRow(label, row)
        form.addRow(
            "",
            _note(
                self.tr(
                    "Backups of the database are written to this folder. Choose a folder on "
                    "another disk or a network share, so that a backup survives a broken disk."
                )
            ),
        )
        QWidget.setTabOrder(self.folder_edit, self.browse_button)

    def title(self) -> str:
        return self.tr("Backup")

    def load(self, settings: QSettings) -> None:
        self._loaded = str(keys.backup_folder(settings))
        self.folder_edit.setText(self._loaded)

    def validate(self) -> str | None:
        text = self.folder_edit.text().strip()
        if not text:
            return self.tr("Choose a backup folder.")
        path = Path(text)
        if not path.is_absolute():
            return self.tr("Enter the backup folder's full path.")
        if path.exists() and not path.is_dir():
            return self.tr("“{0}” is a file, not a folder.").format(text)
        return None

    def save(self, settings: QSettings) -> None:
        folder = self.folder_edit.text().strip()
        if folder != self._loaded:
            settings.setValue(keys.BACKUP_FOLDER, folder)

    def first_field(self) -> QWidget:
        return self.folder_edit

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup folder"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)


class DatabasePage(SettingsPage):
    """The embedded database file, or the shared PostgreSQL server."""

    def __init__(self, database_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("database_page")
        self._loaded: DatabaseConfig | None = None
        in_use = _note(self.tr("In use now: {0}").format(database_label or "?"))
        in_use.setObjectName("in_use_label")
        in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.embedded_radio = QRadioButton(self.tr("&Embedded database on this computer"))
        self.embedded_radio.setObjectName("embedded_radio")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path_edit")
        self.path_button = QPushButton(self.tr("&Browse…"))
        self.path_button.setObjectName("path_button")
        self.path_button.setAutoDefault(False)
        self.path_button.clicked.connect(self._browse)
        self.server_radio = QRadioButton(self.tr("&Shared PostgreSQL server"))
        self.server_radio.setObjectName("server_radio")
        group = QButtonGroup(self)
        group.addButton(self.embedded_radio)
        group.addButton(self.server_radio)
        self.form = ConnectionForm()
        self.embedded_radio.toggled.connect(self._on_kind_changed)
        self.embedded_radio.toggled.connect(self.edited)
        self.path_edit.textChanged.connect(self.edited)
        self.form.changed.connect(self.edited)

        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(24, 0, 0, 0)
        path_label = QLabel(self.tr("File:"))
        path_label.setBuddy(self.path_edit)
        path_layout.addWidget(path_label)
        path_layout.addWidget(self.path_edit, 1)
        path_layout.addWidget(self.path_button)
        server_box = QWidget()
        server_layout = QVBoxLayout(server_box)
        server_layout.setContentsMargins(24, 0, 0, 0)
        server_layout.addWidget(self.form)

        layout = QVBoxLayout(self)
        layout.addWidget(in_use)
        layout.addWidget(self.embedded_radio)
        layout.addWidget(path_row)
        layout.addWidget(self.server_radio)
        layout.addWidget(server_box)
        layout.addWidget(
            _note(self.tr("A new database connection takes effect when ipdesk starts again."))
        )
        layout.addStretch(1)
        QWidget.setTabOrder(self.embedded_radio, self.path_edit)
        QWidget.setTabOrder(self.path_edit, self.path_button)
        QWidget.setTabOrder(self.path_button, self.server_radio)
        QWidget.setTabOrder(self.server_radio, self.form.host_edit)

    def title(self) -> str:
        return self.tr("Database")

    def load(self, settings: QSettings) -> None:
        config = database.load_config(settings) or DatabaseConfig.embedded()
        self._loaded = config
        embedded = config if config.is_embedded else DatabaseConfig.embedded()
        self.path_edit.setText(str(embedded.path))
        self.form.set_config(config)
        (self.embedded_radio if config.is_embedded else self.server_radio).setChecked(True)
        self._on_kind_changed()

    def config(self) -> DatabaseConfig:
        if self.embedded_radio.isChecked():
            return DatabaseConfig.embedded(Path(self.path_edit.text().strip()))
        return self.form.config()

    def validate(self) -> str | None:
        if self.embedded_radio.isChecked():
            text = self.path_edit.text().strip()
            if not text or not Path(text).is_absolute():
                return self.tr("Enter the database file's full path.")
            if Path(text).is_dir():
                return self.tr("“{0}” is a folder: enter a file name.").format(text)
            return None
        config = self.form.config()
        try:
            database.check_config(config)
        except database.ConnectionProblem as problem:
            return problem_text(problem, config)
        return None

    def save(self, settings: QSettings) -> None:
        config = self.config()
        loaded = self._loaded
        if config == loaded and not (self.form.password() and not config.is_embedded):
            return  # unchanged (and nothing is written when nothing was configured)
        if not config.is_embedded:
            password = self.form.password()
            if config.password_in_keyring:
                if password:
                    stored = database.store_password(config, password)
                    config = config.with_keyring(stored)
                elif loaded is None or loaded.keyring_account() != config.keyring_account():
                    config = config.with_keyring(False)  # nothing to remember: ask at start
            else:
                database.forget_password(config)
        if (
            loaded is not None
            and not loaded.is_embedded
            and (config.is_embedded or loaded.keyring_account() != config.keyring_account())
        ):
            database.forget_password(loaded)  # that server's password is no longer needed
        database.save_config(settings, config)
        self._loaded = config

    def first_field(self) -> QWidget:
        return self.embedded_radio if self.embedded_radio.isChecked() else self.server_radio

    def _on_kind_changed(self, *_args: Any) -> None:
        embedded = self.embedded_radio.isChecked()
        self.path_edit.setEnabled(embedded)
        self.path_button.setEnabled(embedded)
        self.form.setEnabled(not embedded)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.path_edit.text(),
            self.tr("SQLite databases (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path_edit.setText(path)


class SettingsDialog(QDialog):
    """Settings in pages; OK validates every page, then saves them all."""

    settings_saved = Signal(list)
    """The settings were saved: the keys whose values changed."""

    def __init__(
        self,
        settings: QSettings,
        *,
        database_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._pages: list[SettingsPage] = []
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings — ipdesk"))

        self.page_list = QListWidget()
        self.page_list.setObjectName("page_list")
        self.page_list.setMaximumWidth(170)
        self.page_list.setSpacing(2)
        self.stack = QStackedWidget()
        self.stack.setObjectName("page_stack")
        self.page_list.currentRowChanged.connect(self._on_page_chosen)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.page_list)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addWidget(self.error_label)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

        self.general_page = GeneralPage()
        self.alerts_page = AlertsPage()
        self.attachments_page = AttachmentsPage()
        self.backup_page = BackupPage()
        self.database_page = DatabasePage(database_label)
        for page in (
            self.general_page,
            self.alerts_page,
            self.attachments_page,
            self.backup_page,
            self.database_page,
        ):
            self.add_page(page)
        self.page_list.setCurrentRow(0)
        self.resize(760, 520)

    def add_page(self, page: SettingsPage) -> None:
        """Add a page (at the end) and fill it from the settings."""
        page.load(self._settings)
        page.edited.connect(self._hide_error)
        self._pages.append(page)
        self.stack.addWidget(page)
        self.page_list.addItem(page.title())
        QWidget.setTabOrder(self.page_list, self.stack)

    def pages(self) -> list[SettingsPage]:
        return list(self._pages)

    def show_page(self, page: SettingsPage) -> None:
        self.page_list.setCurrentRow(self._pages.index(page))

    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def accept(self) -> None:
        for page in self._pages:
            problem = page.validate()
            if problem:
                self.show_page(page)
                self.error_label.setText(problem)
                self.error_label.setVisible(True)
                focus = page.first_field()
                if focus is not None:
                    focus.setFocus()
                return
        before = self._snapshot()
        for page in self._pages:
            page.save(self._settings)
        self._settings.sync()
        after = self._snapshot()
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        log.info("Settings changed: %s", ", ".join(changed) or "none")
        super().accept()
        self.settings_saved.emit(changed)

    def _snapshot(self) -> dict[str, str]:
        """Every key with its value as text (enough to tell what changed)."""
        return {key: repr(self._settings.value(key)) for key in self._settings.allKeys()}

    def _on_page_chosen(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self._hide_error()

    def _hide_error(self) -> None:
        self.error_label.setVisible(False)
