"""Text a user typed, before it reaches a query: codes, names and numbers that nothing can hold.

PostgreSQL refuses a NUL character in a text parameter (a DataError, not "no match"), and
neither driver can send a lone surrogate (``sys.argv`` carries undecodable bytes as such).
No code, user name or case number holds a control character, so a lookup of one is
answered "unknown" without a query; free text that is stored is refused (a
ValidationError) when :func:`has_control_chars` says so, instead of failing in the database.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from ipdesk.services.errors import ValidationError

__all__ = ["has_control_chars", "is_storable", "is_unusable_key"]


def is_noncharacter(c: str) -> bool:
    """Unicode's 66 noncharacters: U+FDD0–U+FDEF and the last two code points of every
    plane (U+FFFE, U+FFFF, U+1FFFE, ... U+10FFFF). No text holds them; XML refuses some."""
    code = ord(c)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def has_control_chars(text: str, *, multiline: bool = False) -> bool:
    """True when ``text`` holds a control character (C0, DEL, C1; line breaks and tabs
    allowed when ``multiline``), a lone surrogate or a noncharacter (U+FFFE, U+FFFF, ...)."""
    allowed = "\n\r\t" if multiline else ""
    return any(
        (unicodedata.category(c) in ("Cc", "Cs") and c not in allowed) or is_noncharacter(c)
        for c in text
    )


def has_format_chars(text: str) -> bool:
    """True when ``text`` holds an invisible formatting character (Unicode category Cf):
    zero-width spaces and joiners, the bidi controls that make "合同\u202efdp.exe" show
    as "合同exe.pdf", the BOM, the soft hyphen. A name never needs one."""
    return any(unicodedata.category(c) == "Cf" for c in text)


def strip_unsafe_chars(text: str) -> str:
    """``text`` without control, format (zero-width, bidi) and noncharacters: for names
    that are kept rather than refused (an attached file's name)."""
    return "".join(
        c
        for c in text
        if unicodedata.category(c) not in ("Cc", "Cf", "Cs") and not is_noncharacter(c)
    )


def is_unusable_key(value: object) -> bool:
    """True when ``value`` cannot name anything stored (a code, a user name, a case number):
    look it up only when this is false."""
    return not isinstance(value, str) or has_control_chars(value)


def is_storable(text: str) -> bool:
    """False when no database can hold ``text``: a NUL (PostgreSQL refuses it) or a lone
    surrogate (no driver can encode it)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refuse_unstorable_text(session: Session, _context: object, _instances: object) -> None:
    """The last guard before a flush: a use case that did not check a text field refuses it
    as a ValidationError naming the field, instead of failing in the database (PostgreSQL)
    or in the driver, half-way through its transaction."""
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            value = state.attrs[attr.key].loaded_value
            if isinstance(value, str) and not is_storable(value):
                raise ValidationError(
                    attr.key,
                    f"输入的文字含有无法保存的控制字符（NUL 或孤立代理项；字段 {attr.key}）",
                    code="unstorable_text",
                )


event.listen(Session, "before_flush", _refuse_unstorable_text)
