"""Signing in, the first administrator, and user administration (Qt front end of
``ipdesk.services.admin.auth``). User administration
(``users_dialog``) is imported where it is opened, and the first administrator's dialog
when a database has none, not on the way to signing in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QWidget

from ipdesk.services.admin.auth import SignedIn
from ipdesk.ui.auth.sign_in_dialog import SignInDialog
from ipdesk.ui.desk import Gate

if TYPE_CHECKING:
    from ipdesk.ui.auth.first_admin_dialog import CreateAdministratorDialog

__all__ = [
    "CreateAdministratorDialog",
    "SignInDialog",
    "sign_in_at_start",
]


def sign_in_at_start(
    gate: Gate,
    parent: QWidget | None = None,
    *,
    database_label: str = "",
    username: str = "",
) -> SignedIn | None:
    """What the application does before the main window: on a database without an
    administrator, create one; then sign in. None when the user cancelled."""
    if gate.needs_first_admin():  # one indexed lookup: fine on the GUI thread
        from ipdesk.ui.auth.first_admin_dialog import CreateAdministratorDialog

        create = CreateAdministratorDialog(gate, parent)
        if create.exec() != QDialog.DialogCode.Accepted or create.created is None:
            return None
        username = create.created.username
    dialog = SignInDialog(gate, parent, username=username, database_label=database_label)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.signed_in_as


def __getattr__(name: str) -> Any:
    """``CreateAdministratorDialog``, imported when first asked for."""
    if name == "CreateAdministratorDialog":
        from ipdesk.ui.auth.first_admin_dialog import CreateAdministratorDialog

        return CreateAdministratorDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
