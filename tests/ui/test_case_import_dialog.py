"""File → Import ledger: a dry run shows every row's problems; a clean file imports."""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, Role
from ipdesk.services.actors import Actor
from ipdesk.services.rules import identifiers as ids
from ipdesk.ui import tasks
from ipdesk.ui.case_import import ImportLedgerDialog
from tests.helpers.desks import make_desk
from tests.helpers.factories import make_user, seed
from tests.helpers.qt import cell_text

HEADER = ["收到日期", "站点代码", "知识产权类型", "权利号", "申请人", "申请人证件号",
          "被申请人", "被申请人证件号", "事实与理由", "请求事项"]  # fmt: skip


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def staff(session_factory: sessionmaker[Session]) -> Actor:
    with session_factory.begin() as session:
        seed(session)
        return Actor.of(make_user(session, Role.STATION_STAFF, station="TL01-S01"))


def ledger(path: Path, *, bad_id: bool = False) -> Path:
    rng = random.Random(3)
    rows = []
    for n in range(3):
        person = ids.make_resident_id(rng, "150502", dt.date(1985, 3, 9))
        if bad_id and n == 1:
            person = person[:17] + ("0" if person[17] != "0" else "1")
        rows.append(
            [
                "2026-10-0" + str(n + 1),
                "TL01-S01",
                "商标",
                ids.make_trademark_number(rng),
                f"申请人{n}",
                person,
                "通辽市某某商贸有限公司",
                ids.make_uscc(rng, "150502"),
                "销售假冒注册商标的商品",
                "停止侵权",
            ]
        )
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def count(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(Case)) or 0


def test_invalid_rows_are_listed_and_nothing_imported(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    staff: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = ledger(tmp_path / "bad.csv", bad_id=True)
    monkeypatch.setattr(ImportLedgerDialog, "choose_path", classmethod(lambda cls, p: path))
    dialog = ImportLedgerDialog(make_desk(session_factory, staff))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked):
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.errors_table.rowCount() == 1
    assert cell_text(dialog.errors_table, 0, 0) == "3"  # the header is row 1
    assert cell_text(dialog.errors_table, 0, 1) == "applicant_id"
    assert cell_text(dialog.errors_table, 0, 2) == "身份证号校验位错误"
    assert not dialog.import_button.isEnabled()
    assert count(session_factory) == 0


def test_clean_ledger_is_imported_with_progress(
    qtbot: QtBot, session_factory: sessionmaker[Session], staff: Actor, tmp_path: Path
) -> None:
    dialog = ImportLedgerDialog(make_desk(session_factory, staff))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked) as checked:
        dialog.check(ledger(tmp_path / "good.csv"))
    assert checked.args[0].ok and checked.args[0].rows == 3
    assert dialog.import_button.isEnabled()
    assert count(session_factory) == 0  # a dry run changes nothing
    with qtbot.waitSignal(dialog.imported) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args[0].imported == 3
    assert count(session_factory) == 3
    assert "3" in dialog.summary_label.text()
