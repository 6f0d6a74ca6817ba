"""Every refusal a service raises has a text in the window's language (ipdesk.ui.refusals).

The codes come from the services' source, read with Python's parser: ``code="..."`` given to
an error, a class's ``code = "..."``, the keys of a module's ``MESSAGES`` table, and codes
built from a field name (``f"{name}_empty"``). A new code without a text fails here.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import ipdesk
from ipdesk.services.errors import (
    IllegalTransition,
    NotFound,
    ServiceError,
    ValidationError,
    ValidationErrors,
)
from ipdesk.ui import refusals
from ipdesk.ui.messages import error_text
from ipdesk.ui.refusals import code_template, refusal_text

PACKAGE = Path(ipdesk.__file__).parent
SERVICES = sorted((PACKAGE / "services").rglob("*.py"))


def _codes(path: Path) -> Iterator[tuple[int, str | re.Pattern[str]]]:
    """(line, code) of every error code in ``path``: a literal, or a pattern for a code
    built with an f-string (``{name}`` matches any text)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        values: list[ast.expr] = []
        if isinstance(node, ast.Call):
            values = [k.value for k in node.keywords if k.arg == "code"]
            # only errors take code=...; a model's code column is set on a model, not here
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if not (
                name.endswith(("Error", "Errors", "Denied", "Transition", "Failed"))
                or name
                in {
                    "NotFound",
                    "StaleData",
                    "DatabaseNotReady",
                    "Cancelled",
                }
            ):
                values = []
        elif isinstance(node, ast.ClassDef):
            values = [
                s.value
                for s in node.body
                if isinstance(s, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "code" for t in s.targets)
            ]
        elif isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "MESSAGES" for t in targets) and (
                isinstance(node.value, ast.Dict)
            ):
                values = [k for k in node.value.keys if k is not None]
        for value in values:
            yield from ((value.lineno, code) for code in _code_values(value))


def _code_values(value: ast.expr) -> Iterator[str | re.Pattern[str]]:
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        yield value.value
    elif isinstance(value, ast.IfExp):
        yield from _code_values(value.body)
        yield from _code_values(value.orelse)
    elif isinstance(value, ast.JoinedStr):
        parts = [
            re.escape(str(p.value)) if isinstance(p, ast.Constant) else "[a-z_]+"
            for p in value.values
        ]
        yield re.compile("".join(parts))
    # anything else (code=exc.code, code=code) passes on a code found elsewhere


def _catalogue_codes() -> set[str]:
    """The codes ``code_template`` has a text for (its ``case "..."`` patterns)."""
    tree = ast.parse(Path(refusals.__file__).read_text(encoding="utf-8"))
    return {
        p.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.match_case)
        for p in ast.walk(node.pattern)
        if isinstance(p, ast.MatchValue)
        and isinstance(p.value, ast.Constant)
        and isinstance(p.value.value, str)
    }


def test_every_code_the_services_raise_has_a_text() -> None:
    catalogue = _catalogue_codes()
    assert len(catalogue) > 100
    missing = []
    for path in SERVICES:
        for line, code in _codes(path):
            where = f"{path.relative_to(PACKAGE.parent)}:{line}"
            if isinstance(code, re.Pattern):
                # a code built from a field name: a text for one such code, or the family's
                sample = code.pattern.replace("[a-z_]+", "x").replace("\\", "")
                if not any(code.fullmatch(c) for c in catalogue) and (
                    refusals._family_template(sample) is None
                ):
                    missing.append(f"{where}: {code.pattern}")
            elif code_template(code) is None and refusals._family_template(code) is None:
                missing.append(f"{where}: {code}")
    assert not missing, "codes without a text in ipdesk/ui/refusals.py:\n" + "\n".join(missing)


def test_the_scan_sees_the_kinds_of_codes() -> None:
    found = {code for path in SERVICES for _, code in _codes(path) if isinstance(code, str)}
    assert {"illegal_transition", "action_not_allowed", "id_checksum", "received_empty"} <= found


def test_an_unknown_code_shows_the_services_message() -> None:
    assert refusal_text(ServiceError("某项操作被拒绝", code="something_new")) == "某项操作被拒绝"
    # a text whose placeholder the error does not carry: the message rather than a gap
    error = IllegalTransition("案件 X 未中止", code="not_suspended")
    assert refusal_text(error) == "案件 X 未中止"


@pytest.fixture
def refused() -> tuple[IllegalTransition, ValidationErrors]:
    """An illegal transition and a form with a bad date and an over-long text, as the
    services raise them (the Chinese default messages are what the CLI prints)."""
    transition = IllegalTransition(
        "案件 TL01-2026-00007 当前为“已结案”，不能受理",
        code="action_not_allowed",
        case="TL01-2026-00007",
        action="accept",
        status="closed",
    )
    form = ValidationErrors(
        [
            ValidationError(
                "done_on",
                "回访日期不能早于结案日期 2026-03-02",
                code="before_closure",
                closed_on=dt.date(2026, 3, 2),
            ),
            ValidationError(
                "subject", "会商事项不能超过 200 个字", code="subject_too_long", limit=200
            ),
            ValidationError(
                "obligations[1].amount", "第2项条款：金额不能为负数", code="amount_negative", item=2
            ),
        ]
    )
    return transition, form


def test_a_refusal_is_shown_in_english_in_the_english_window(
    install_language: Callable[[str], None],
    refused: tuple[IllegalTransition, ValidationErrors],
) -> None:
    install_language("en")
    transition, form = refused
    assert error_text(transition) == (
        "Case TL01-2026-00007 is “Closed”: “Accept” is not possible in this state."
    )
    assert error_text(form).splitlines() == [
        "The visit date cannot be before the closing date 2026-03-02.",
        "The subject is too long (at most 200 characters).",
        "Term 2: The amount cannot be negative.",
    ]
    assert error_text(NotFound("案件（编号 5）不存在", code="case_not_found", case_id=5)) == (
        "The case (no. 5) does not exist."
    )


def test_a_refusal_is_shown_in_chinese_in_the_chinese_window(
    install_language: Callable[[str], None],
    refused: tuple[IllegalTransition, ValidationErrors],
) -> None:
    install_language("zh_CN")
    transition, form = refused
    assert error_text(transition) == "案件 TL01-2026-00007 当前为“已结案”，不能受理"
    assert error_text(form).splitlines() == [
        "回访日期不能早于结案日期 2026-03-02",
        "会商事项过长（最多 200 个字）",
        "第2项条款：金额不能为负数",
    ]
    locked = ServiceError("x", code="account_locked", minutes=3)
    assert error_text(locked) == "密码错误次数过多，账户已锁定，请 3 分钟后再试。"
