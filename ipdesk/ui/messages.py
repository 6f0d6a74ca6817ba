"""Texts for the errors that services raise, in the user's language.

Services raise ``ServiceError`` with a stable ``code`` and a default Chinese message. The
UI shows the translated text for a known code and falls back to the service's message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import SQLAlchemyError

from ipdesk.services.errors import ServiceError

#: The colour of a message that says something went wrong (next to a field, in a bar).
ERROR_STYLE = "color: #b00020;"

# Codes whose service message carries details (file, line, record) worth showing too.
_WITH_DETAIL = {"import_failed", "not_found", "database_not_ready"}


def code_text(code: str) -> str | None:
    """The translated text for a service error code; None for a code without one."""
    translate = QCoreApplication.translate
    match code:
        case "database_not_ready":
            return translate("messages", "The database is not ready for use.")
        case "database_newer":
            return translate(
                "messages",
                "The database was created by a newer version of ipdesk. "
                "Please upgrade this program before opening it.",
            )
        case "database_uninitialised":
            return translate(
                "messages",
                "The database has not been initialised yet. Run “ipdesk-admin init” first.",
            )
        case "permission_denied":
            return translate("messages", "Your role does not permit this operation.")
        case "not_found":
            return translate("messages", "The record was not found. It may have been deleted.")
        case "stale":
            return translate(
                "messages",
                "Someone else saved this record in the meantime. Your changes have not been "
                "saved; reload the record and apply them again.",
            )
        case "import_failed":
            return translate("messages", "The import failed; nothing was changed.")
    return None


def service_error_text(error: ServiceError) -> str:
    """The text to show for ``error``: the translation of its code, else its own message."""
    text = code_text(error.code)
    if text is None:
        return error.message
    if error.code in _WITH_DETAIL and error.message and error.message != text:
        return f"{text}\n{error.message}"
    return text


def error_text(error: BaseException) -> str:
    """The text to show for any error that reached the UI."""
    if isinstance(error, ServiceError):
        return service_error_text(error)
    if isinstance(error, SQLAlchemyError):
        orig = getattr(error, "orig", None)
        detail = str(orig if orig is not None else error).strip().splitlines()
        return QCoreApplication.translate("messages", "Database error: {0}").format(
            detail[0] if detail else type(error).__name__
        )
    return QCoreApplication.translate("messages", "Unexpected error: {0}").format(
        str(error) or type(error).__name__
    )
