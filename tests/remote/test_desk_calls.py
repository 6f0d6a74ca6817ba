"""Every desk call in the window passes a named Call (ipdesk.remote.calls), never a closure:
what a widget asks for must be able to cross the wire to ``ipdesk-server``.

The AST of every module of ``ipdesk/ui`` is read; for each ``<desk>.read / write / rehearse
/ read_now / job(...)`` the work argument must be ``call(...)``, or a name or attribute
assigned from ``call(...)`` in the same function, or a call of a method annotated to return
``Call[...]`` (``self._call()``, ``self._loader(0)``), or ``<call>.with_kwargs(...)``.
``PENDING`` lists the files not converted yet: the lead empties it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ipdesk

UI = Path(ipdesk.__file__).parent / "ui"
METHODS = {"read": 1, "write": 1, "rehearse": 1, "read_now": 0, "job": 0}
"""Desk method -> the position of its work argument."""

PENDING = {
    # the alert scan: on a server it is the server's own job, never a desktop's
    "ipdesk/ui/scheduler.py",
    # the dashboard's export (a workbook written on this computer, with progress and a
    # cancel button): local desks only until the server returns the workbook as a download
    "ipdesk/ui/dashboard/widget.py",
}


def _is_desk(node: ast.expr) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return name.lstrip("_").endswith("desk")


def _is_call_of_call(node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "call") or (
        isinstance(func, ast.Attribute) and func.attr == "call"
    )


def _returns_call(tree: ast.Module) -> set[str]:
    """Names of the functions of a module annotated to return ``Call[...]``."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is not None:
            text = ast.unparse(node.returns)
            if text.startswith("Call[") or text.startswith("'Call["):
                found.add(node.name)
    return found


def _named_call(node: ast.expr, scope: ast.AST, call_methods: set[str]) -> bool:
    if _is_call_of_call(node):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name in call_methods or name == "with_kwargs"
    if isinstance(node, ast.Name | ast.Attribute):
        target = ast.unparse(node)
        for sub in ast.walk(scope):
            values: list[ast.expr] = []
            if isinstance(sub, ast.Assign) and any(ast.unparse(t) == target for t in sub.targets):
                values = [sub.value]
            elif isinstance(sub, ast.AnnAssign) and ast.unparse(sub.target) == target:
                values = [sub.value] if sub.value is not None else []
                if "Call[" in ast.unparse(sub.annotation):
                    return True
            elif (
                isinstance(sub, ast.arg)
                and sub.arg == target
                and sub.annotation is not None
                and ast.unparse(sub.annotation).startswith("Call[")
            ):
                return True
            if any(_named_call(v, scope, call_methods) for v in values if v is not node):
                return True
    return False


def closures(path: Path) -> list[str]:
    """``file:line method`` of every desk call in ``path`` whose work is not a named call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    call_methods = _returns_call(tree)
    found = []
    scopes = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    for scope in scopes:
        for node in ast.walk(scope):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            method = node.func.attr
            if method not in METHODS or not _is_desk(node.func.value):
                continue
            position = METHODS[method]
            if len(node.args) <= position:
                continue
            if not _named_call(node.args[position], scope, call_methods):
                found.append(f"{path.relative_to(UI.parent.parent)}:{node.lineno} {method}")
    return sorted(set(found))


def _files() -> list[Path]:
    return sorted([*UI.rglob("*.py"), UI.parent / "app.py"])


def test_every_desk_call_passes_a_named_call() -> None:
    offending = [
        line
        for path in _files()
        if str(path.relative_to(UI.parent.parent)) not in PENDING
        for line in closures(path)
    ]
    assert not offending, "desk calls with a closure:\n" + "\n".join(offending)


@pytest.mark.parametrize("pending", sorted(PENDING))
def test_pending_files_are_real(pending: str) -> None:
    path = UI.parent.parent / pending
    if not path.exists():
        pytest.skip(f"{pending} does not exist (yet, or any more)")
    assert path.suffix == ".py"


def test_the_scan_finds_a_closure(tmp_path: Path) -> None:
    ui = tmp_path / "sample.py"
    ui.write_text(
        "def f(self, desk):\n"
        "    desk.read(self, lambda s: 1, print)\n"
        "    load = call(org.org_tree)\n"
        "    self._desk.read(self, load, print)\n"
        "    self.desk.write(self, call(x.y, 1), print, changes=None)\n"
        "    def load2(session): return 1\n"
        "    self.desk.read_now(load2)\n",
        encoding="utf-8",
    )
    global UI
    saved, UI = UI, tmp_path / "ui"
    try:
        assert [line.split(" ", 1)[1] for line in closures(ui)] == ["read", "read_now"]
    finally:
        UI = saved
