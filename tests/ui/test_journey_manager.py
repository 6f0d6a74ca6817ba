"""An office manager's day through the real main window (issue 15): sign in, open a
registered case from "My work" and assign a mediator; on the deadline board drill down to
the cases due soon, open an accepted case, suspend its clock with a reason, resume it,
extend it — each time seeing the new due date before saving — and see the due date move
on the board and in the case list; the timeline and the audit trail hold each step.

The accepted case is prepared with the factories before sign-in (the clock needs weeks of
history); everything after sign-in goes through the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import AuditRecord, Case, CaseStatus, ClockAdjustment, Role
from ipdesk.services.infra import audit
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui import tasks
from ipdesk.ui.case_view import CaseView, CaseViewDialog
from ipdesk.ui.case_view.actions import ActionDialog
from ipdesk.ui.case_view.clock_dialog import ClockDialog
from ipdesk.ui.cases.widget import CaseListWidget
from ipdesk.ui.deadlines.board import DUE_SOON, OPEN, SUSPENDED, DeadlineBoardWidget
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.qdates import to_qdate
from ipdesk.ui.worklists.page import WorkListPage
from tests.helpers.factories import TEST_PASSWORD, make_case_with_limits, make_user
from tests.helpers.journey import sign_in_window, wait_for_dialog
from tests.helpers.qt import cell_text
from tests.ui.test_intake_dialog import type_into

TODAY = legal_today()


def _go_to(qtbot: QtBot, window: MainWindow, page: QWidget) -> None:
    """Click the page's entry in the page bar."""
    index = window.pages.indexOf(page)
    action = window.page_bar.actions()[index]
    widget = window.page_bar.widgetForAction(action)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)


def _board_row(board: DeadlineBoardWidget) -> tuple[int, int, int]:
    model = board.model
    assert model.rowCount() == 1  # the manager's office
    return tuple(int(model.index(0, c).data()) for c in (OPEN, SUSPENDED, DUE_SOON))  # type: ignore[return-value]


def _open_from_board(qtbot: QtBot, board: DeadlineBoardWidget, column: int) -> None:
    board.view.setFocus()
    board.view.setCurrentIndex(board.model.index(0, column))
    qtbot.keyClick(board.view, Qt.Key.Key_Return)


def _clock(qtbot: QtBot, view: CaseView, action: str) -> ClockDialog:
    qtbot.mouseClick(view.action_buttons[action], Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, ClockDialog)
    qtbot.waitUntil(lambda: dialog.preview_value is not None, timeout=10_000)
    return dialog


def test_office_manager_assigns_suspends_resumes_extends_and_sees_the_board_move(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    ui_settings: QSettings,
    tmp_path: Path,
) -> None:
    audit.install(seeded)  # as the program does at start-up
    with seeded.begin() as session:
        manager = make_user(
            session, Role.OFFICE_MANAGER, office="TL01", username="wang", display_name="王主任"
        )
        mediator = make_user(session, Role.MEDIATOR, office="TL01", display_name="李调解")
        registered = make_case_with_limits(
            session,
            "TL01-S01",
            CaseStatus.REGISTERED,
            received_on=TODAY - dt.timedelta(days=1),
            applicant="赵敏",
        )
        accepted = make_case_with_limits(
            session,
            "TL01-S02",
            CaseStatus.MEDIATING,
            received_on=TODAY - dt.timedelta(days=51),
            accepted_on=TODAY - dt.timedelta(days=50),
            mediator_id=mediator.id,
            applicant="孙立",
        )
        manager_id, mediator_id = manager.id, mediator.id
        registered_id, accepted_id = registered.id, accepted.id
        old_due = accepted.due_on
        assert old_due is not None and old_due <= TODAY + dt.timedelta(days=15)

    with tasks.synchronous():
        window = sign_in_window(
            qtbot, seeded, "wang", TEST_PASSWORD, tmp_path / "files", ui_settings
        )

        # -- "My work": the registered case waits for a mediator; open it, assign one
        work = window.findChild(WorkListPage)
        assert work is not None and window.pages.currentWidget() is work
        qtbot.waitUntil(lambda: work.model.rowCount() == 1, timeout=10_000)
        assert work.select_case(registered_id)
        qtbot.keyClick(work.view, Qt.Key.Key_Return)
        case_dialog = wait_for_dialog(qtbot, CaseViewDialog)
        view = case_dialog.view
        qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
        assert view.detail is not None and view.detail.id == registered_id
        assert "Decision on acceptance due" in view.limit_label.text()
        qtbot.mouseClick(view.action_buttons["assign_mediator"], Qt.MouseButton.LeftButton)
        assign = wait_for_dialog(qtbot, ActionDialog)
        qtbot.waitUntil(lambda: assign.mediator_combo.count() > 0)
        assign.mediator_combo.setCurrentIndex(assign.mediator_combo.findData(mediator_id))
        with qtbot.waitSignal(view.action_done, timeout=10_000):
            qtbot.mouseClick(assign.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.summary_labels["mediator"].text() == "李调解")
        case_dialog.close()
        qtbot.waitUntil(lambda: work.model.rowCount() == 0, timeout=10_000)

        # -- the deadline board: both cases are due soon (the registered one: its decision)
        board = window.page(DeadlineBoardWidget)
        assert board is not None
        _go_to(qtbot, window, board)
        qtbot.waitUntil(lambda: board.model.rowCount() == 1, timeout=10_000)
        assert _board_row(board) == (2, 0, 2)

        # -- drill down to the cases due soon, open the accepted one
        case_list = window.page(CaseListWidget)
        assert case_list is not None
        _open_from_board(qtbot, board, DUE_SOON)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is case_list)
        qtbot.waitUntil(lambda: case_list.model.rowCount() == 2, timeout=10_000)
        row = case_list.model.row_of(accepted_id)
        assert row is not None
        listed = case_list.model.case_row(row)
        assert listed is not None and listed.due_on == old_due
        case_list.table.setFocus()
        case_list.table.setCurrentIndex(case_list.model.index(row, 0))
        qtbot.keyClick(case_list.table, Qt.Key.Key_Return)
        case_dialog = wait_for_dialog(
            qtbot, CaseViewDialog, where=lambda d: d.view.case_id == accepted_id
        )
        view = case_dialog.view
        qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
        assert old_due.isoformat() in view.limit_label.text()

        # -- suspend from five days ago: the preview says the clock stops
        suspended_from = TODAY - dt.timedelta(days=5)
        dialog = _clock(qtbot, view, "suspend")
        assert dialog.approver_label.text().startswith("王主任")
        dialog.day_edit.setDate(to_qdate(suspended_from))
        qtbot.waitUntil(
            lambda: dialog.preview_value is not None and dialog.preview_value.due_after is None,
            timeout=10_000,
        )
        with qtbot.waitSignal(dialog.refused):  # the reason is required
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        type_into(qtbot, dialog.reason_edit, "委托司法鉴定机构进行技术鉴定")
        with qtbot.waitSignal(view.action_done, timeout=10_000):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.detail is not None and view.detail.is_suspended)
        assert suspended_from.isoformat() in view.limit_label.text()

        # -- resume today: five days are not counted; the preview shows the new due date
        dialog = _clock(qtbot, view, "resume")
        resumed_due = dialog.preview_value.due_after if dialog.preview_value else None
        assert resumed_due is not None and resumed_due > old_due
        assert resumed_due.isoformat() in dialog.preview_label.text()
        with qtbot.waitSignal(view.action_done, timeout=10_000):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.detail is not None and view.detail.due_on == resumed_due)

        # -- extend by 10 days (approved by the manager)
        dialog = _clock(qtbot, view, "extend")
        dialog.days_spin.selectAll()
        qtbot.keyClicks(dialog.days_spin.lineEdit(), "10")
        qtbot.waitUntil(
            lambda: dialog.preview_value is not None and dialog.preview_value.extended_days == 10,
            timeout=10_000,
        )
        new_due = dialog.preview_value.due_after if dialog.preview_value else None
        assert new_due is not None and new_due > resumed_due
        assert f"{new_due.isoformat()} (now: {resumed_due.isoformat()})" in (
            dialog.preview_label.text()
        )
        type_into(qtbot, dialog.reason_edit, "案情复杂，需补充鉴定")
        with qtbot.waitSignal(view.action_done, timeout=10_000):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.detail is not None and view.detail.due_on == new_due)
        assert new_due.isoformat() in view.limit_label.text()

        # -- the timeline: who approved, why, and the due dates before and after
        notes = {
            cell_text(view.timeline_table, r, 1): cell_text(view.timeline_table, r, 4)
            for r in range(view.timeline_table.rowCount())
        }
        assert "委托司法鉴定机构进行技术鉴定" in notes["Suspended"]
        assert "王主任" in notes["Suspended"] and old_due.isoformat() in notes["Suspended"]
        assert f"→ {resumed_due.isoformat()}" in notes["Resumed"]
        assert f"{resumed_due.isoformat()} → {new_due.isoformat()}" in notes["Extended"]
        assert "案情复杂，需补充鉴定" in notes["Extended"]
        case_dialog.close()

        # -- the board moved: the accepted case is no longer due soon; its new due date
        _go_to(qtbot, window, board)
        qtbot.waitUntil(lambda: _board_row(board) == (2, 0, 1), timeout=10_000)
        _open_from_board(qtbot, board, OPEN)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is case_list)
        qtbot.waitUntil(lambda: case_list.model.rowCount() == 2, timeout=10_000)
        row = case_list.model.row_of(accepted_id)
        assert row is not None
        listed = case_list.model.case_row(row)
        assert listed is not None and listed.due_on == new_due
        due_column = next(
            c
            for c in range(case_list.model.columnCount())
            if case_list.model.index(row, c).data() == new_due.isoformat()
        )
        assert due_column >= 0
    QApplication.processEvents()

    # -- the audit trail holds each step, as the manager
    with seeded() as session:
        case = session.get(Case, registered_id)
        assert case is not None and case.mediator_id == mediator_id
        trail = session.scalars(
            select(AuditRecord).where(AuditRecord.entity.in_(["cases", "clock_adjustments"]))
        ).all()
        assigned = [
            r
            for r in trail
            if r.entity == "cases"
            and r.entity_id == str(registered_id)
            and (r.after or {}).get("mediator_id") == mediator_id
        ]
        assert assigned and assigned[0].user_id == manager_id
        clocks = [r for r in trail if r.entity == "clock_adjustments"]
        kinds = [(r.action, (r.after or {}).get("kind")) for r in clocks]
        assert kinds.count(("insert", "suspension")) == 1
        assert kinds.count(("insert", "extension")) == 1
        assert any(
            r.action == "update" and (r.after or {}).get("end_on") == TODAY.isoformat()
            for r in clocks
        )
        assert {r.user_id for r in clocks} == {manager_id}
        moved = [
            r
            for r in trail
            if r.entity == "cases"
            and r.entity_id == str(accepted_id)
            and (r.after or {}).get("due_on") == new_due.isoformat()
        ]
        assert moved and moved[-1].user_id == manager_id
        adjustments = session.scalars(
            select(ClockAdjustment).where(ClockAdjustment.case_id == accepted_id)
        ).all()
        assert {a.approved_by_id for a in adjustments} == {manager_id}
