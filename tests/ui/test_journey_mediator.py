"""The mediator's journey through the real main window (issue 15): sign in, open a case in
mediation from "My work", record two mediation sessions and generate the 调解笔录 of the
latest, record the agreement with two terms, generate the 调解协议书,
apply for judicial confirmation to the proposed court, generate the 司法确认申请书, record
the court's acceptance and its ruling, close the case. The documents' text, the case
view's timeline and the audit trail hold each step.

The database is prepared with the test factories (a case in 调解中 assigned to the
mediator, its parties with every particular the documents need); after sign-in everything
goes through the window: keys, buttons and the dialogs the case view opens.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QDialog, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import AuditRecord, Case, CaseStatus, PartyKind, PartyRole, Role, User
from ipdesk.services.documents import DocumentKind, GeneratedDocument
from ipdesk.services.infra import audit
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui import tasks
from ipdesk.ui.agreement import AgreementEditor, ConfirmationDialog
from ipdesk.ui.agreement.obligations import AMOUNT, DESCRIPTION, DUE, OBLIGEE, OBLIGOR
from ipdesk.ui.case_view import CaseView, CaseViewDialog
from ipdesk.ui.mediation_records.dialog import SessionRecordDialog
from ipdesk.ui.qdates import to_qdate
from ipdesk.ui.worklists.page import WorkListPage
from tests.helpers.factories import TEST_PASSWORD, make_case, make_user
from tests.helpers.journey import sign_in_window, wait_for_dialog
from tests.helpers.qt import cell_text, parent_of

APPLICANT = "王晓梅"
RESPONDENT = "通辽市草原食品有限公司"
TERMS = ("赔偿经济损失", "下架全部侵权商品链接并销毁库存包装")
#: Two mediation sessions: days before today, place, attendees, summary, next step.
SESSIONS = (
    (
        6,
        "科尔沁区知识产权行政裁决所调解室",
        f"申请人{APPLICANT}；被申请人{RESPONDENT}的执行董事赵刚；调解员李明",
        "申请人陈述：被申请人在其网店销售标有申请人注册商标的奶茶粉，请求停止销售并赔偿损失。\n"
        "被申请人陈述：涉案商品系从批发市场进货，愿意下架，但认为赔偿数额过高。",
        "被申请人于五个工作日内提交进货单据，再次调解。",
    ),
    (
        1,
        "科尔沁区知识产权行政裁决所第二调解室",
        f"申请人{APPLICANT}；被申请人{RESPONDENT}的委托代理人孙丽；调解员李明",
        "被申请人提交了进货单据，同意下架全部侵权商品链接并销毁库存包装。\n"
        "双方同意赔偿数额为人民币壹万贰仟元，于三十日内付清。",
        "制作调解协议书，由双方签字。",
    ),
)


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What the case view hands to the system's word processor (nothing is launched)."""
    paths: list[Path] = []

    def open_url(cls: type[CaseView], url: QUrl) -> bool:
        paths.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(CaseView, "open_url", classmethod(open_url))
    return paths


def prepare(factory: sessionmaker[Session]) -> tuple[int, str]:
    """A trademark case of office TL01 in 调解中, assigned to the mediator "med", whose
    parties have every particular a confirmation application states."""
    rng = random.Random(15)
    with factory.begin() as s:
        mediator = make_user(
            s, Role.MEDIATOR, office="TL01", username="med", display_name="调解员李明"
        )
        case = make_case(
            s,
            status=CaseStatus.MEDIATING,
            applicant=APPLICANT,
            respondent=RESPONDENT,
            mediator_id=mediator.id,
            received_on=legal_today() - dt.timedelta(days=12),
        )
        for party in case.parties:
            party.phone = f"139{rng.randrange(10**8):08d}"
            if party.kind == PartyKind.PERSON:
                party.sex = "female"
                party.birth_date = dt.date(1982, 3, 14)
                party.ethnicity = "蒙古族"
                party.address = "通辽市科尔沁区和平路12号"
                party.id_number = ids.make_resident_id(rng, "150502", party.birth_date, "female")
            else:
                party.address = "通辽市科尔沁区建国路88号"
                party.id_number = ids.make_uscc(rng, "150502", "91")
                party.legal_representative = "赵刚"
                party.legal_representative_title = "执行董事"
        return case.id, case.number


def docx_text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    cells = (c.text for t in document.tables for row in t.rows for c in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def press(qtbot: QtBot, view: CaseView, action: str) -> QDialog:
    """Click the case view's button of ``action``; the dialog it opened."""
    qtbot.waitUntil(lambda: action in view.action_buttons)
    qtbot.mouseClick(view.action_buttons[action], Qt.MouseButton.LeftButton)
    dialog = view.action_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def generate(qtbot: QtBot, view: CaseView, kind: DocumentKind) -> GeneratedDocument:
    """The Documents tab: choose the kind, press Generate."""
    view.tabs.setCurrentIndex(view.tabs.indexOf(parent_of(view.generate_button)))
    combo = view.kind_combo
    row = combo.findData(kind.value)
    assert row >= 0, [combo.itemData(i) for i in range(combo.count())]
    combo.setCurrentIndex(row)
    with qtbot.waitSignal(view.document_generated) as generated:
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    document = generated.args[0]
    assert isinstance(document, GeneratedDocument)
    return document


def table_column(table: QTableWidget, column: int) -> list[str]:
    return [cell_text(table, r, column) for r in range(table.rowCount())]


def test_the_mediator_takes_a_case_from_mediation_to_the_courts_ruling(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    ui_settings: QSettings,
    tmp_path: Path,
    opened: list[Path],
) -> None:
    if not audit.is_installed(seeded):
        audit.install(seeded)  # as the program does at start-up
    case_id, number = prepare(seeded)
    today = legal_today()
    window = sign_in_window(qtbot, seeded, "med", TEST_PASSWORD, tmp_path, ui_settings)

    # -- 1. "My work": the case is there; Enter opens it.
    work = next(
        page
        for i in range(window.pages.count())
        if isinstance(page := window.pages.widget(i), WorkListPage)
    )
    window.show_page(work)
    qtbot.waitUntil(lambda: work.select_case(case_id))
    work.view.setFocus()
    qtbot.keyClick(work.view, Qt.Key.Key_Return)
    case_dialog = wait_for_dialog(qtbot, CaseViewDialog, where=lambda d: d.view.case_id == case_id)
    view = case_dialog.view
    qtbot.waitUntil(lambda: view.detail is not None or view.error_label.isVisible(), timeout=10_000)
    assert view.detail is not None and view.detail.status == "mediating", view.error_label.text()

    # -- 2. Two mediation sessions (调解笔录), each through the "Mediation record" button.
    view.tabs.setCurrentIndex(view.tabs.indexOf(parent_of(view.generate_button)))
    offered = [view.kind_combo.itemData(i) for i in range(view.kind_combo.count())]
    assert DocumentKind.MEDIATION_RECORD.value not in offered  # no session to print yet
    assert view.action_buttons["record_session"].text() == "Mediation record"
    for days_ago, place, attendees, summary, next_step in SESSIONS:
        record = press(qtbot, view, "record_session")
        assert isinstance(record, SessionRecordDialog)
        record.held_on_edit.setDate(to_qdate(today - dt.timedelta(days=days_ago)))
        record.place_edit.insert(place)  # keyClicks types ASCII only
        record.attendees_edit.insertPlainText(attendees)
        record.summary_edit.insertPlainText(summary)
        record.next_step_edit.insertPlainText(next_step)
        with qtbot.waitSignal(view.action_done):
            qtbot.mouseClick(record.ok_button, Qt.MouseButton.LeftButton)
        assert record.error_text() == ""
    held = [(today - dt.timedelta(days=s[0])).isoformat() for s in SESSIONS]
    records = view.mediation_records
    view.tabs.setCurrentWidget(records)
    qtbot.waitUntil(lambda: len(records.records) == len(SESSIONS))
    assert table_column(records.table, 0) == held
    for column in (1, 2, 3, 4):  # place, attendees, summary, next step
        assert table_column(records.table, column) == [s[column] for s in SESSIONS]
    assert table_column(records.table, 5) == ["调解员李明"] * len(SESSIONS)
    qtbot.waitUntil(
        lambda: (
            view.detail is not None
            and [e.kind for e in view.detail.timeline].count("mediation_session") == len(SESSIONS)
        )
    )
    sessions = [
        row
        for row in range(view.timeline_table.rowCount())
        if cell_text(view.timeline_table, row, 1) == view.event_text("mediation_session")
    ]
    assert [cell_text(view.timeline_table, row, 4) for row in sessions] == [
        f"Session of {day} at {s[1]}" for day, s in zip(held, SESSIONS, strict=True)
    ]
    # The 调解笔录 is offered now, ready (nothing missing), and prints the latest session.
    view.tabs.setCurrentIndex(view.tabs.indexOf(parent_of(view.generate_button)))
    view.kind_combo.setCurrentIndex(view.kind_combo.findData(DocumentKind.MEDIATION_RECORD.value))
    assert view.generate_button.isEnabled() and view.missing_label.text() == ""
    minutes = generate(qtbot, view, DocumentKind.MEDIATION_RECORD)
    assert opened[-1] == minutes.path
    text = docx_text(minutes.path)
    _days, place, attendees, summary, next_step = SESSIONS[-1]
    for expected in (place, *attendees.split("；"), *summary.splitlines(), next_step):
        assert expected in text, expected
    assert SESSIONS[0][3].splitlines()[0] not in text  # only the latest session

    # -- 3. The agreement with two terms, in the agreement editor.
    editor = press(qtbot, view, "record_agreement")
    assert isinstance(editor, AgreementEditor)
    qtbot.waitUntil(lambda: editor.draft is not None)
    terms = editor.obligations
    assert terms.index(0, OBLIGOR).data() == RESPONDENT  # proposed: the respondent owes
    assert terms.index(0, OBLIGEE).data() == APPLICANT
    terms.setData(terms.index(0, DESCRIPTION), TERMS[0])
    terms.setData(terms.index(0, AMOUNT), "12000")
    terms.setData(terms.index(0, DUE), to_qdate(today + dt.timedelta(days=30)))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    terms.setData(terms.index(1, DESCRIPTION), TERMS[1])
    terms.setData(terms.index(1, DUE), to_qdate(today + dt.timedelta(days=7)))
    assert "人民币壹万贰仟元整" in editor.total_label.text()
    editor.in_effect.setChecked(True)  # signed and sealed today: in effect today
    editor.facts_edit.setPlainText("被申请人在其网店销售标有申请人注册商标的食品。")
    editor.responsibilities_edit.setPlainText("被申请人对侵权行为承担全部责任。")
    with qtbot.waitSignal(view.action_done):
        qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.error_text() == ""
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status == "agreement")
    assert "edit_agreement" in view.action_buttons  # correctable until the application

    # -- 4. The 调解协议书 from the Documents tab.
    agreement = generate(qtbot, view, DocumentKind.MEDIATION_AGREEMENT)
    assert opened[-1] == agreement.path
    text = docx_text(agreement.path)
    for expected in (APPLICANT, RESPONDENT, *TERMS, "人民币壹万贰仟元整"):
        assert expected in text, expected

    # -- 5. The application, to the court the dialog proposes (with its ground).
    confirmation = press(qtbot, view, "request_confirmation")
    assert isinstance(confirmation, ConfirmationDialog)
    qtbot.waitUntil(lambda: confirmation.overview is not None)
    assert confirmation.selected_court() == "CT-KEQ"
    proposed = confirmation.courts.currentItem().text()
    assert proposed.startswith("通辽市科尔沁区人民法院 — ")  # the ground is shown
    with qtbot.waitSignal(view.action_done):
        qtbot.mouseClick(confirmation.apply_button, Qt.MouseButton.LeftButton)
    assert confirmation.error_text() == ""
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.status == "confirmation_requested"
    )
    assert "edit_agreement" not in view.action_buttons  # the terms are now fixed
    confirmation.close()

    # -- 6. The 司法确认申请书.
    application = generate(qtbot, view, DocumentKind.CONFIRMATION_APPLICATION)
    text = docx_text(application.path)
    for expected in (APPLICANT, RESPONDENT, "通辽市科尔沁区人民法院", *TERMS):
        assert expected in text, expected

    # -- 7. The court accepts and rules: the same dialog, step by step.
    court = press(qtbot, view, "record_confirmation")
    assert isinstance(court, ConfirmationDialog)
    qtbot.waitUntil(lambda: court.accept_button.isEnabled())
    court.accepted_edit.setDate(to_qdate(today))
    with qtbot.waitSignal(view.action_done):
        qtbot.mouseClick(court.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: court.decide_button.isEnabled())
    assert "Accepted on" in court.current_label.text()
    court.decision_combo.setCurrentIndex(court.decision_combo.findData("valid"))
    court.ruling_edit.insert("（2026）内0502民特15号")  # keyClicks types ASCII only
    court.decided_edit.setDate(to_qdate(today))
    with qtbot.waitSignal(view.action_done):
        qtbot.mouseClick(court.decide_button, Qt.MouseButton.LeftButton)
    assert court.error_text() == ""
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status == "confirmed")
    court.close()

    # -- 8. Close the case.
    closing = press(qtbot, view, "close")
    with qtbot.waitSignal(view.action_done):
        qtbot.mouseClick(closing.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status == "closed")

    # -- The timeline as the case view shows it, and the audit trail.
    kinds = [e.kind for e in view.detail.timeline]
    steps = [
        "agreement_recorded",
        "confirmation_requested",
        "confirmation_accepted",
        "confirmed",
        "closed",
    ]
    assert [k for k in kinds if k in steps] == steps
    shown = table_column(view.timeline_table, 1)
    assert shown == [view.event_text(k) for k in kinds]
    assert all(text != kind for text, kind in zip(shown, kinds, strict=True) if kind in steps)
    assert set(table_column(view.timeline_table, 3)) >= {"调解员李明"}
    with seeded() as s:
        mediator_id = s.scalars(select(User.id).where(User.username == "med")).one()
        trail = s.execute(
            select(AuditRecord.entity, AuditRecord.action, AuditRecord.after).where(
                AuditRecord.user_id == mediator_id
            )
        ).all()
        entities = {entity for entity, _action, _after in trail}
        assert {
            "mediation_records",
            "agreements",
            "obligations",
            "confirmations",
            "documents",
        } <= entities
        statuses = [
            after.get("status")
            for entity, _action, after in trail
            if entity == "cases" and after and "status" in after
        ]
        assert statuses == [
            "agreement",
            "confirmation_requested",
            "confirmed",
            "closed",
        ]
        court_steps = [
            key
            for entity, _action, after in trail
            if entity == "confirmations" and after
            for key in ("court_id", "court_accepted_on", "decision")
            if after.get(key) is not None
        ]
        assert court_steps[:1] == ["court_id"]  # the application
        assert {"court_accepted_on", "decision"} <= set(court_steps)  # acceptance, ruling
        case = s.get(Case, case_id)
        assert case is not None and case.number == number and case.outcome == CaseStatus.CONFIRMED
        roles = {p.role for p in case.parties}
        assert roles == {PartyRole.APPLICANT, PartyRole.RESPONDENT}
