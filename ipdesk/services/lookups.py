"""Text a user typed, before it reaches a query: codes, names and numbers that nothing can hold.

PostgreSQL refuses a NUL character in a text parameter (a DataError, not "no match"), and
neither driver can send a lone surrogate (``sys.argv`` carries undecodable bytes as such).
No code, user name or case number holds a control character, so a lookup of one is
answered "unknown" without a query; free text that is stored is refused (a
ValidationError) when :func:`has_control_chars` says so, instead of failing in the database.
"""

from __future__ import annotations

import unicodedata

__all__ = ["has_control_chars", "is_unusable_key"]


def has_control_chars(text: str, *, multiline: bool = False) -> bool:
    """True when ``text`` holds a control character (C0, DEL, C1; line breaks and tabs
    allowed when ``multiline``), a lone surrogate or U+FFFE."""
    allowed = "\n\r\t" if multiline else ""
    return any(
        (unicodedata.category(c) in ("Cc", "Cs") and c not in allowed) or c == "\ufffe"
        for c in text
    )


def is_unusable_key(value: object) -> bool:
    """True when ``value`` cannot name anything stored (a code, a user name, a case number):
    look it up only when this is false."""
    return not isinstance(value, str) or has_control_chars(value)
