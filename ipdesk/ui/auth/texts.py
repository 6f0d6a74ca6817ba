"""Translated texts of the sign-in and user administration screens: roles, and the errors
that ``ipdesk.services.admin.auth`` raises (through ipdesk.ui.refusals, by their code)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ipdesk.models import Role
from ipdesk.ui.messages import error_text

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("auth", "text")


def role_text(role: Role) -> str:
    match role:
        case Role.STATION_STAFF:
            return translate("auth", "Station staff")
        case Role.MEDIATOR:
            return translate("auth", "Mediator")
        case Role.OFFICE_MANAGER:
            return translate("auth", "Office manager")
        case Role.CITY_MANAGER:
            return translate("auth", "City manager")
        case Role.ADMIN:
            return translate("auth", "Administrator")


def auth_error_text(error: BaseException) -> str:
    """The text to show for an error of sign-in or user administration (its code's text in
    ipdesk.ui.refusals, like every refusal)."""
    return error_text(error)
