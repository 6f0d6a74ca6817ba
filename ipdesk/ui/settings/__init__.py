"""Settings: the keys and defaults (``keys``), the database configuration (``database``),
and the settings dialog."""

from __future__ import annotations

from ipdesk.ui.settings.dialog import (
    RESTART_KEYS,
    AlertsPage,
    AttachmentsPage,
    BackupPage,
    DatabasePage,
    GeneralPage,
    SettingsDialog,
    SettingsPage,
)
from ipdesk.ui.settings.password_dialog import DatabasePasswordDialog

__all__ = [
    "RESTART_KEYS",
    "AlertsPage",
    "AttachmentsPage",
    "BackupPage",
    "DatabasePage",
    "DatabasePasswordDialog",
    "GeneralPage",
    "SettingsDialog",
    "SettingsPage",
]
