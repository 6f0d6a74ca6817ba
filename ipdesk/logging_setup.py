"""Masking personal data in logs, for the desktop and ``ipdesk-admin`` alike (no Qt here).

:class:`PersonalDataFilter` sits on every log handler either program installs: the desktop's
log file and console (:func:`ipdesk.app.setup_logging`) and the command line's stderr
(:func:`install_cli_logging`). Whatever a message says, an ID number or a mobile number
never reaches a log: written in full-width digits (１５０５…, as Chinese input methods
type them), or in groups separated by spaces or hyphens (150502 19800501 0017).
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Any, Final

from ipdesk.services.rules.identifiers import mask_id, mask_phone

# Full-width digits and Latin letters, the ideographic space and full-width hyphens, as
# their ASCII forms: one character for one, so that a match's place is the same in both.
_TO_ASCII: dict[int, int | str] = {0xFF10 + i: ord("0") + i for i in range(10)}
_TO_ASCII |= {0xFF21 + i: ord("A") + i for i in range(26)}
_TO_ASCII |= {0xFF41 + i: ord("a") + i for i in range(26)}
_TO_ASCII |= {0x3000: " ", 0xFF0D: "-", 0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-"}
_TO_ASCII |= {0x2212: "-"}
_HALF_WIDTH: Final = str.maketrans(_TO_ASCII)

# Anything that looks like a resident ID (18 characters, also in groups separated by single
# spaces or hyphens, or the old 15 digits), a unified social credit code (which identifies
# a person for a 个体工商户), or a mainland mobile number.
_ID_PATTERN: Final = re.compile(
    r"(?<![0-9A-Za-z])"
    r"(?:[0-9](?:[ -]?[0-9]){16}[ -]?[0-9Xx]"
    r"|[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}"
    r"|[0-9]{15})"
    r"(?![0-9A-Za-z])"
)
_MOBILE_PATTERN: Final = re.compile(
    r"(?<![0-9])(?:\+?86[- ]?)?1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])"
)
_SEPARATORS: Final = re.compile(r"[ -]")


def mask_personal_data(text: str) -> str:
    """``text`` with ID numbers and mobile numbers masked (150502********0017,
    138****2345), also when written in full-width characters or in separated groups."""
    plain = text.translate(_HALF_WIDTH)
    spans: list[tuple[int, int, str]] = []
    for m in _ID_PATTERN.finditer(plain):
        spans.append((m.start(), m.end(), mask_id(_SEPARATORS.sub("", m.group()))))
    covered = [(a, b) for a, b, _ in spans]
    for m in _MOBILE_PATTERN.finditer(plain):
        if not any(a < m.end() and m.start() < b for a, b in covered):
            spans.append((m.start(), m.end(), mask_phone(re.sub(r"[^0-9]", "", m.group())[-11:])))
    if not spans:
        return text
    out: list[str] = []
    at = 0
    for start, end, masked in sorted(spans):
        out += [text[at:start], masked]
        at = end
    out.append(text[at:])
    return "".join(out)


class PersonalDataFilter(logging.Filter):
    """A safety net on the log handlers: whatever a message says, an ID number or a mobile
    number never reaches a log file. (Log case numbers and user names; never party names,
    ID numbers or phones.) Masks the message, the traceback and the stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: log what there is
            message = f"{record.msg} {record.args}"
        masked = mask_personal_data(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a record comes (tests replace it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def install_cli_logging(level: int = logging.WARNING) -> logging.Handler:
    """``ipdesk-admin``'s logging: warnings and errors on stderr, one line each, masked.
    Replaces the handler an earlier call installed (``main`` may run many times in one
    process)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _StderrHandler):
            root.removeHandler(handler)
    handler = _StderrHandler()
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("ipdesk-admin: %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PersonalDataFilter())
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    logging.captureWarnings(True)
    return handler
