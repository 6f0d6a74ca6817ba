"""The main window's status bar says what was just done (issue 15, item 8): the new case's
number after saving it, who a case went to after assigning a mediator (from the work list
and from the case view), where an exported report or a saved chart went."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, Role
from ipdesk.ui import tasks
from ipdesk.ui.case_view import CaseViewDialog
from ipdesk.ui.case_view.actions import ActionDialog
from ipdesk.ui.dashboard import DashboardWidget
from ipdesk.ui.dashboard.charts import ChartPanel
from ipdesk.ui.intake.dialog import IntakeDialog
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.worklists import WorkListPage
from tests.helpers.factories import TEST_PASSWORD, make_case, make_user
from tests.helpers.journey import sign_in_window, wait_for_dialog
from tests.ui.test_intake_dialog import fill_valid


def _message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_saving_a_case_shows_its_number(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings, tmp_path: Path
) -> None:
    with seeded.begin() as session:
        make_user(session, Role.STATION_STAFF, station="TL01-S01", username="desk")
    with tasks.synchronous():
        window = sign_in_window(qtbot, seeded, "desk", TEST_PASSWORD, tmp_path, ui_settings)
        with qtbot.waitActive(window):
            window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        intake = wait_for_dialog(qtbot, IntakeDialog)
        intake.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is intake)
        qtbot.waitUntil(lambda: intake.save_button.isVisible() and not intake._loading)
        fill_valid(qtbot, intake)
        with qtbot.waitSignal(intake.case_registered, timeout=10_000) as registered:
            qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    _case_id, number = registered.args
    assert number.startswith("TL01-")
    assert _message(window) == f"Case {number} registered"


@pytest.fixture
def office(seeded: sessionmaker[Session]) -> tuple[sessionmaker[Session], int, list[str]]:
    """TL01 with its manager, the mediator 张三 and two cases waiting for a mediator."""
    with seeded.begin() as session:
        make_user(session, Role.OFFICE_MANAGER, office="TL01", username="boss")
        mediator = make_user(
            session, Role.MEDIATOR, office="TL01", username="zhang", display_name="张三"
        )
        cases = [make_case(session, "TL01-S01") for _ in range(2)]
        session.flush()
        return seeded, mediator.id, [c.number for c in cases]


def _assign(qtbot: QtBot, dialog: ActionDialog, mediator_id: int) -> None:
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    dialog.mediator_combo.setCurrentIndex(dialog.mediator_combo.findData(mediator_id))
    with qtbot.waitSignal(dialog.performed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_assigning_a_mediator_says_to_whom(
    qtbot: QtBot,
    office: tuple[sessionmaker[Session], int, list[str]],
    ui_settings: QSettings,
    tmp_path: Path,
) -> None:
    factory, mediator_id, numbers = office
    with tasks.synchronous():
        window = sign_in_window(qtbot, factory, "boss", TEST_PASSWORD, tmp_path, ui_settings)
        work = window.findChild(WorkListPage)
        assert work is not None
        qtbot.waitUntil(lambda: work.model.rowCount() == 2)

        # from the work list
        work.view.selectRow(0)
        first = work.selected_case()
        assert first is not None and first.number in numbers
        qtbot.mouseClick(work.assign_button, Qt.MouseButton.LeftButton)
        _assign(qtbot, wait_for_dialog(qtbot, ActionDialog), mediator_id)
        assert _message(window) == f"Case {first.number} assigned to 张三"
        window.statusBar().clearMessage()

        # from the case view
        qtbot.waitUntil(lambda: work.model.rowCount() == 1)
        work.view.selectRow(0)
        second = work.selected_case()
        assert second is not None and second.number != first.number
        work.open_selected()
        case_view = wait_for_dialog(qtbot, CaseViewDialog)
        qtbot.waitUntil(lambda: "assign_mediator" in case_view.view.action_buttons)
        case_view.view.action_buttons["assign_mediator"].click()
        _assign(qtbot, wait_for_dialog(qtbot, ActionDialog), mediator_id)
    assert _message(window) == f"Case {second.number} assigned to 张三"
    with factory() as session:
        for row in (first, second):
            case = session.get(Case, row.id)
            assert case is not None and case.mediator_id == mediator_id
    case_view.close()


def test_exporting_a_report_and_saving_a_chart_say_where_the_file_went(
    qtbot: QtBot,
    office: tuple[sessionmaker[Session], int, list[str]],
    ui_settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    factory, _mediator_id, _numbers = office
    chosen: list[Path] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(chosen[-1]), ""))
    )
    with tasks.synchronous():
        window = sign_in_window(qtbot, factory, "boss", TEST_PASSWORD, tmp_path, ui_settings)
        dashboard = window.page(DashboardWidget)
        assert dashboard is not None
        window.show_page(dashboard)
        qtbot.waitUntil(lambda: dashboard.export_button.isEnabled())

        chosen.append(tmp_path / "报表.xlsx")
        with qtbot.waitSignal(dashboard.exported, timeout=60_000) as exported:
            qtbot.mouseClick(dashboard.export_button, Qt.MouseButton.LeftButton)
        summary = exported.args[0]
        assert summary.path == chosen[-1] and summary.path.is_file()
        assert _message(window) == f"Report of {summary.cases} case(s) exported to {summary.path}"

        chart = dashboard.findChildren(ChartPanel)[0]
        qtbot.waitUntil(lambda: chart.save_button.isEnabled())
        chosen.append(tmp_path / "chart.png")
        with qtbot.waitSignal(chart.saved):
            qtbot.mouseClick(chart.save_button, Qt.MouseButton.LeftButton)
    assert chosen[-1].is_file()
    assert _message(window) == f"Chart saved to {chosen[-1]}"
