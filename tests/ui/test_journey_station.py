"""Station staff's day through the real main window (issue 15): sign in, Ctrl+N, a
complaint with a bad ID number (the error beside the field), fix it, attach evidence, save,
see the new number, find the case by a 2-character name, open it, correct the
respondent's name, add a second piece of evidence; the timeline and the audit trail hold
each step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Attachment, AuditRecord, Case, Party, PartyRole, Role
from ipdesk.services.infra import audit
from ipdesk.ui import tasks
from ipdesk.ui.case_view import CaseViewDialog
from ipdesk.ui.case_view.correction_dialog import CorrectionDialog
from ipdesk.ui.case_view.evidence_dialog import EvidenceDialog
from ipdesk.ui.cases.widget import CaseListWidget
from ipdesk.ui.intake.dialog import IntakeDialog
from tests.helpers.factories import TEST_PASSWORD, make_user
from tests.helpers.journey import sign_in_window, wait_for_dialog
from tests.helpers.qt import cell_text
from tests.ui.test_intake_dialog import fill_valid, tab, type_into


def _photo(folder: Path, name: str, payload: bytes) -> Path:
    path = folder / name
    path.write_bytes(b"\xff\xd8\xff\xe0" + payload)
    return path


def test_station_staff_registers_finds_corrects_and_adds_evidence(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    ui_settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    audit.install(seeded)  # as the program does at start-up
    with seeded.begin() as session:
        make_user(session, Role.STATION_STAFF, station="TL01-S01", username="zhan")
    first = _photo(tmp_path, "商品照片.jpg", b"goods on the shelf")
    second = _photo(tmp_path, "购买发票.jpg", b"the receipt")
    with tasks.synchronous():
        window = sign_in_window(
            qtbot, seeded, "zhan", TEST_PASSWORD, tmp_path / "files", ui_settings
        )

        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        # -- Ctrl+N: a complaint, first with a wrong check digit in the applicant's ID
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        intake = wait_for_dialog(qtbot, IntakeDialog)
        intake.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is intake)
        qtbot.waitUntil(lambda: intake.save_button.isVisible() and not intake._loading)
        fill_valid(qtbot, intake, applicant="王伟")
        applicant = intake.party_editors[0]
        valid_id = applicant.edits["id_number"].text()
        wrong = valid_id[:17] + ("0" if valid_id[17] != "0" else "1")
        applicant.edits["id_number"].clear()
        type_into(qtbot, applicant.edits["id_number"], wrong)
        tab(qtbot)
        assert intake.field_error("parties[0].id_number")  # beside the field
        assert not intake.save_button.isEnabled()
        applicant.edits["id_number"].clear()
        type_into(qtbot, applicant.edits["id_number"], valid_id)
        tab(qtbot)
        assert intake.field_error("parties[0].id_number") == ""

        # -- evidence, then save: the new number
        monkeypatch.setattr(IntakeDialog, "choose_files", classmethod(lambda cls, p: [first]))
        qtbot.mouseClick(intake.add_files_button, Qt.MouseButton.LeftButton)
        assert intake.attachments_list.count() == 1
        with qtbot.waitSignal(intake.case_registered, timeout=10_000) as registered:
            qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
        case_id, number = registered.args
        assert number.startswith("TL01-")

        # -- the case list: search by a 2-character name, open the case
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        case_list = window.findChild(CaseListWidget)
        assert case_list is not None
        qtbot.waitUntil(case_list.search_edit.hasFocus)
        type_into(qtbot, case_list.search_edit, "王伟")
        qtbot.keyClick(case_list.search_edit, Qt.Key.Key_Return)  # searches at once
        qtbot.waitUntil(lambda: case_list.model.rowCount() == 1, timeout=10_000)
        qtbot.keyClick(case_list.search_edit, Qt.Key.Key_Down)
        qtbot.keyClick(case_list.table, Qt.Key.Key_Return)
        case_dialog = wait_for_dialog(qtbot, CaseViewDialog)
        view = case_dialog.view
        qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
        assert view.detail is not None and view.detail.number == number

        # -- correct the respondent's name (station staff see personal data masked)
        qtbot.mouseClick(view.action_buttons["correct"], Qt.MouseButton.LeftButton)
        correction = wait_for_dialog(qtbot, CorrectionDialog)
        qtbot.waitUntil(lambda: correction.current is not None, timeout=10_000)
        assert correction.masked_label.isVisible()
        assert "*" in correction.party_editors[0].edits["id_number"].text()
        name_edit = correction.party_editors[1].edits["name"]
        name_edit.selectAll()
        type_into(qtbot, name_edit, "通辽市草原乳品有限公司")
        type_into(qtbot, correction.reason_edit, "申请人更正被申请人名称")
        with qtbot.waitSignal(view.action_done, timeout=10_000):
            qtbot.mouseClick(correction.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: (
                view.detail is not None and view.detail.parties[1].name == "通辽市草原乳品有限公司"
            ),
            timeout=10_000,
        )

        # -- a second piece of evidence
        monkeypatch.setattr(EvidenceDialog, "choose_files", classmethod(lambda cls, p: [second]))
        qtbot.mouseClick(view.action_buttons["add_evidence"], Qt.MouseButton.LeftButton)
        adding = wait_for_dialog(qtbot, EvidenceDialog)
        qtbot.mouseClick(adding.add_files_button, Qt.MouseButton.LeftButton)
        type_into(qtbot, adding.description_edit, "购买侵权商品的发票")
        with qtbot.waitSignal(view.action_done, timeout=10_000):
            qtbot.mouseClick(adding.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.evidence_table.rowCount() == 2, timeout=10_000)
        assert cell_text(view.evidence_table, 1, 0) == "购买发票.jpg"
        assert cell_text(view.evidence_table, 1, 4) == "购买侵权商品的发票"

        # -- the timeline says what happened, the respondent's old and new names included
        events = [
            (cell_text(view.timeline_table, r, 1), cell_text(view.timeline_table, r, 4))
            for r in range(view.timeline_table.rowCount())
        ]
        assert len(events) == 3
        notes = " ".join(note for _kind, note in events)
        assert "通辽市草原食品有限公司 → 通辽市草原乳品有限公司" in notes
        assert "申请人更正被申请人名称" in notes
        assert "购买发票.jpg (购买侵权商品的发票)" in notes
        assert valid_id not in notes
        case_dialog.close()
    QApplication.processEvents()

    with seeded() as session:
        parties = session.scalars(select(Party).where(Party.case_id == case_id)).all()
        by_role = {p.role: p for p in parties}
        assert by_role[PartyRole.APPLICANT].id_number == valid_id  # the masked field kept it
        assert by_role[PartyRole.RESPONDENT].name == "通辽市草原乳品有限公司"
        assert (
            len(session.scalars(select(Attachment).where(Attachment.case_id == case_id)).all()) == 2
        )
        case = session.get(Case, case_id)
        assert case is not None
        trail = session.scalars(
            select(AuditRecord).where(AuditRecord.entity.in_(["parties", "attachments", "cases"]))
        ).all()
        staff_id = case.created_by_id
        renamed = [
            r
            for r in trail
            if r.action == "update"
            and r.entity == "parties"
            and (r.after or {}).get("name") == "通辽市草原乳品有限公司"
        ]
        assert renamed and renamed[0].user_id == staff_id
        assert renamed[0].before == {"name": "通辽市草原食品有限公司"}
        added = [r for r in trail if r.action == "insert" and r.entity == "attachments"]
        assert len(added) == 2 and all(r.user_id == staff_id for r in added)
