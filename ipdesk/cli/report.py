"""Commands of this group (filled in by the capability that owns them)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this group's sub-commands to the parser."""
