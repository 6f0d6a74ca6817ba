"""Texts for the errors that services raise, in the user's language.

Services raise ``ServiceError`` with a stable ``code``, params and a default Chinese message.
The UI shows the translated text of the code (one catalogue: ``ipdesk.ui.refusals``) and
falls back to the service's message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import SQLAlchemyError

from ipdesk.services.errors import ServiceError, database_busy
from ipdesk.ui.refusals import refusal_text

#: The colour of a message that says something went wrong (next to a field, in a bar).
ERROR_STYLE = "color: #b00020;"


def service_error_text(error: ServiceError) -> str:
    """The text to show for ``error``: its code's text (ipdesk.ui.refusals), else its own
    message."""
    return refusal_text(error)


def error_text(error: BaseException) -> str:
    """The text to show for any error that reached the UI."""
    if isinstance(error, ServiceError):
        return service_error_text(error)
    if isinstance(error, SQLAlchemyError):
        if database_busy(error):
            return QCoreApplication.translate(
                "messages",
                "The database is busy: another program is writing. Nothing changed; try again.",
            )
        orig = getattr(error, "orig", None)
        detail = str(orig if orig is not None else error).strip().splitlines()
        return QCoreApplication.translate("messages", "Database error: {0}").format(
            detail[0] if detail else type(error).__name__
        )
    return QCoreApplication.translate("messages", "Unexpected error: {0}").format(
        str(error) or type(error).__name__
    )
