"""Typed errors raised by the service layer.

Every error carries a stable ``code`` (the UI maps it to a translated text through
``ipdesk.ui.messages``), keyword ``params`` for that text, and a default Chinese
message (Chinese is the users' primary language) that the CLI prints as is.
"""

from __future__ import annotations

import sqlite3
from typing import Any


def database_busy(error: BaseException) -> bool:
    """Whether ``error`` says SQLite's database was locked by another writer (after the
    busy timeout) — for a message that tells the user to try again."""
    orig = getattr(error, "orig", None) or error
    return isinstance(orig, sqlite3.OperationalError) and "database is locked" in str(orig)


class ServiceError(Exception):
    """Base class: a use case was refused for a reason the user can act on."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.params = params

    def __str__(self) -> str:
        return self.message


class ValidationError(ServiceError):
    """One input field holds a value that is not acceptable."""

    code = "invalid"

    def __init__(self, field: str, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message, code=code, **params)
        self.field = field


class ValidationErrors(ServiceError):
    """Several fields are invalid at once (a whole form or a whole import row)."""

    code = "invalid_many"

    def __init__(self, errors: list[ValidationError]) -> None:
        text = "；".join(f"{e.field}: {e.message}" for e in errors)
        super().__init__(text)
        self.errors = errors


class PermissionDenied(ServiceError):
    code = "permission_denied"


class NotFound(ServiceError):
    code = "not_found"


class IllegalTransition(ServiceError):
    code = "illegal_transition"


class StaleData(ServiceError):
    """Someone else saved the same record first (optimistic lock)."""

    code = "stale"


class ImportFailed(ServiceError):
    """A file could not be imported; nothing was changed."""

    code = "import_failed"


class UnsupportedDatabase(ServiceError):
    code = "unsupported_database"
