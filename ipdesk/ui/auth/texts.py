"""Translated texts of the sign-in and user administration screens: roles, and the errors
that ``ipdesk.services.auth`` raises (by their code)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ipdesk.models import Role
from ipdesk.services.errors import ServiceError
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
    """The text to show for an error of sign-in or user administration."""
    if not isinstance(error, ServiceError):
        return error_text(error)
    count = _count(error)
    match error.code:
        case "sign_in_failed":
            return translate("auth", "Wrong user name or password.")
        case "account_locked":
            return translate(
                "auth",
                "Too many wrong passwords: the account is locked. Try again in %n minute(s).",
                "",
                count,
            )
        case "account_disabled":
            return translate("auth", "This account has been disabled. Please ask an administrator.")
        case "admin_exists":
            return translate("auth", "An administrator already exists. Sign in with that account.")
        case "password_too_short":
            return translate(
                "auth",
                "The password must have at least %n characters.",
                "",
                count,
            )
        case "password_too_long":
            return translate("auth", "The password is too long.")
        case "password_all_digits":
            return translate("auth", "The password must not consist of digits only.")
        case "password_mismatch":
            return translate("auth", "The two passwords do not match.")
        case "username_invalid":
            return translate(
                "auth", "Use 2 to 64 letters, digits, “.”, “_” or “-” for the user name."
            )
        case "username_taken":
            return translate("auth", "This user name is already taken.")
        case "name_required":
            return translate("auth", "Enter the person's name.")
        case "name_too_long":
            return translate("auth", "The name is too long.")
        case "station_required":
            return translate("auth", "Station staff need a station.")
        case "office_required":
            return translate("auth", "Mediators and office managers need an office.")
        case "scope_mismatch":
            return translate("auth", "The chosen office or station does not fit the role.")
        case "unknown_station" | "unknown_office":
            return translate("auth", "The office or station does not exist or is no longer active.")
        case "last_admin":
            return translate("auth", "This is the last active administrator: it must stay.")
        case "disable_self":
            return translate("auth", "You cannot disable your own account.")
        case "has_open_cases":
            return translate(
                "auth",
                "This mediator still handles %n open case(s). Reassign them first.",
                "",
                count,
            )
    return error_text(error)


def _count(error: ServiceError) -> int:
    """The number a plural message needs (minutes, characters, cases)."""
    for key in ("minutes", "min_length", "count"):
        if key in error.params:
            return int(error.params[key])
    return 0
