"""Settings: the keys and defaults (``keys``), the database configuration (``database``),
and the settings dialog.

The dialog's names are imported when first asked for (``from ipdesk.ui.settings import
SettingsDialog``), not with the package: every start reads ``keys``, few open the dialog."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_LAZY = {
    "RESTART_KEYS": "dialog",
    "AlertsPage": "dialog",
    "AttachmentsPage": "dialog",
    "BackupPage": "dialog",
    "DatabasePage": "dialog",
    "GeneralPage": "dialog",
    "SettingsDialog": "dialog",
    "SettingsPage": "dialog",
    "DatabasePasswordDialog": "password_dialog",
}

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
