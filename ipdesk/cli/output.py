"""Printing results: JSON documents for scripts, plain lines for people."""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _unsafe(ch: str) -> bool:
    if ch in "\n\t":
        return False
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE
    )


def _escape(ch: str) -> str:
    code = ord(ch)
    if code > 0xFFFF:  # as JSON writes it: a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with control, bidi / zero-width and noncharacters written as ``\\uXXXX``
    (valid inside a JSON string too): a stored name must not move the cursor, recolour
    or clear the terminal, or reorder what is shown."""
    if not any(_unsafe(ch) for ch in text):
        return text
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in text)


class TerminalSafe(io.TextIOBase):
    """A text stream that writes through :func:`terminal_safe` to another one. Line
    breaks pass: a value that may hold one is printed through ``one_line``."""

    def __init__(self, target: TextIO) -> None:
        self.target = target

    def write(self, text: str) -> int:
        self.target.write(terminal_safe(text))
        return len(text)

    def flush(self) -> None:
        self.target.flush()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.target, "encoding", "utf-8")

    def isatty(self) -> bool:
        return self.target.isatty()


@contextmanager
def safe_stdout() -> Iterator[None]:
    """Everything printed on stdout meanwhile goes through :func:`terminal_safe`."""
    previous = sys.stdout
    sys.stdout = TerminalSafe(previous)
    try:
        yield
    finally:
        sys.stdout = previous


def one_field(text: object) -> str:
    """A stored value for a line of plain output: :func:`terminal_safe`, and its line
    breaks and tabs escaped too, so that it cannot forge further lines."""
    value = "" if text is None else str(text)
    return terminal_safe(value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
