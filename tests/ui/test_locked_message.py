"""A locked database (issue 21, item 10) is a clear, translated text, not SQLite's words."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from ipdesk.ui.messages import error_text


def test_a_locked_database_has_its_own_text() -> None:
    locked = OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
    text = error_text(locked)
    assert "busy" in text and "database is locked" not in text and "Database error" not in text
    other = OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error"))
    assert error_text(other).endswith("disk I/O error")
