"""Every text the UI code hands to tr() / translate() reaches the translation sources.

pyside6-lupdate reads the code with a parser of its own and silently skips calls it does
not understand (a call inside an f-string, a plural count written as ``data.days``): the
text then stays English in the Chinese interface although every .ts entry is translated.
This test reads the code with Python's own parser and looks each literal text up in the
.ts files.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

import ipdesk
from ipdesk.paths import RESOURCES_DIR

PACKAGE = Path(ipdesk.__file__).parent
SOURCES = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]


def _texts(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every tr("text", ...) and translate("context", "text", ...) call."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        position = {"tr": 0, "translate": 1}.get(name or "")
        if position is None or len(node.args) <= position:
            continue
        text = node.args[position]
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            yield node.lineno, text.value


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_text_in_the_code_is_in_the_translation_sources(language: str) -> None:
    ts = ET.parse(RESOURCES_DIR / "i18n" / f"ipdesk_{language}.ts")
    known = {m.findtext("source") for m in ts.iter("message")}
    missing = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text!r}"
        for path in SOURCES
        for line, text in _texts(path)
        if text not in known
    ]
    assert not missing, "not in the .ts (see scripts/update_translations.sh):\n" + "\n".join(
        missing
    )
