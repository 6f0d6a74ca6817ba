"""Every text the UI code hands to tr() / translate() reaches the translation sources.

pyside6-lupdate reads the code with a parser of its own and silently skips calls it does
not understand (a call inside an f-string, a plural count written as ``data.days``): the
text then stays English in the Chinese interface although every .ts entry is translated.
This test reads the code with Python's own parser and looks each literal text up in the
.ts files, and refuses a text lupdate cannot collect at all: a variable, an f-string, a dict
lookup or a call passed as the text (write one literal tr()/translate() call per text), or
a translate() whose plural count is not a plain name or number (self.tr() takes any count).
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


def _not_collected(path: Path) -> Iterator[str]:
    """tr()/translate() calls whose text or count lupdate skips."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        position = {"tr": 0, "translate": 1}.get(name or "")
        if position is None or len(node.args) <= position:
            continue
        if name == "translate" and not (
            isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
        ):
            continue  # not Qt's translate(context, text): str.translate(table) and the like
        text = node.args[position]
        if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            yield f"{node.lineno}: the text is {ast.unparse(text)!r}, not a literal"
            continue
        if name == "tr":
            continue  # self.tr(text, "", count) is collected whatever the count
        count = [*node.args[position + 2 : position + 3], *(k.value for k in node.keywords)]
        for n in count:
            plain = n.operand if isinstance(n, ast.UnaryOp) else n
            if not isinstance(plain, ast.Name | ast.Constant):
                yield f"{node.lineno}: the count of {text.value!r} is {ast.unparse(n)!r}"


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


def test_every_text_is_a_literal_that_lupdate_collects() -> None:
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{problem}"
        for path in SOURCES
        for problem in _not_collected(path)
    ]
    assert not wrong, "lupdate skips these (write a literal text, count a plain name):\n" + (
        "\n".join(wrong)
    )
