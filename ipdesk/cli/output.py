"""Printing results: JSON documents for scripts, plain lines for people."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
