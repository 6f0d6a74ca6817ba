"""The agreement editor and the judicial-confirmation dialog: a case walked from mediation
to the court's confirmation, the ownership warning, a missed window, refusals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseStatus, ConfirmationDecision
from ipdesk.services.cases.limits import refresh_case_limits
from ipdesk.services.cases.mediation import AgreementInfo
from ipdesk.ui import tasks
from ipdesk.ui.agreement import AgreementEditor, ConfirmationDialog
from ipdesk.ui.agreement.obligations import (
    AMOUNT,
    DESCRIPTION,
    DUE,
    NO_DATE,
    OBLIGEE,
    OBLIGOR,
    ObligationDelegate,
)
from ipdesk.ui.qdates import to_qdate
from tests.helpers.desks import make_desk
from tests.helpers.factories import People, make_agreement, make_case, make_people

SIGNED = dt.date(2026, 9, 5)


class Clock:
    """The dialogs' "today", moved on as the walk proceeds."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def sync() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def people(seeded: sessionmaker[Session]) -> People:
    with seeded.begin() as s:
        return make_people(s)


def mediating_case(seeded: sessionmaker[Session], people: People) -> int:
    with seeded.begin() as s:
        return make_case(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 8, 20),
            mediator_id=people.mediator,
        ).id


def status_of(seeded: sessionmaker[Session], case_id: int) -> CaseStatus:
    with seeded() as s:
        case = s.get(Case, case_id)
        assert case is not None
        return case.status


def test_a_case_walks_from_agreement_to_the_courts_confirmation(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    seeded: sessionmaker[Session],
    people: People,
    sync: None,
) -> None:
    case_id = mediating_case(seeded, people)
    with seeded() as s:
        mediator = people.actor(s, "mediator")
    clock = Clock(dt.date(2026, 9, 6))

    # -- the agreement
    editor = AgreementEditor(make_desk(seeded, mediator, today=clock), case_id)
    qtbot.addWidget(editor)
    assert editor.draft is not None and editor.draft.may_record
    assert editor.ok_button.text() == "Record agreement"
    terms = editor.obligations
    assert terms.rowCount() == 1  # a first term, owed by the respondent to the applicant
    assert terms.index(0, OBLIGOR).data() == "通辽市某某商贸有限公司"
    assert terms.index(0, OBLIGEE).data() == "张三"
    terms.setData(terms.index(0, DESCRIPTION), "赔偿经济损失")
    terms.setData(terms.index(0, AMOUNT), "12000")
    terms.setData(terms.index(0, DUE), to_qdate(dt.date(2026, 10, 5)))
    editor.add_button.click()
    terms.setData(terms.index(1, DESCRIPTION), "停止销售侵权商品")
    terms.setData(terms.index(1, OBLIGEE), -1)  # not named
    qtmodeltester.check(terms)
    assert editor.total_label.text() == "Total: 12,000.00 yuan (人民币壹万贰仟元整)"
    assert editor.ownership_warning.isHidden()
    editor.ownership.setChecked(True)
    assert not editor.ownership_warning.isHidden()  # the 确权 warning, before saving
    editor.ownership.setChecked(False)
    editor.signed_edit.setDate(to_qdate(SIGNED))
    editor.in_effect.setChecked(True)
    editor.effective_edit.setDate(to_qdate(SIGNED))
    with qtbot.waitSignal(editor.agreement_saved) as saved:
        editor.submit()
    info = saved.args[0]
    assert isinstance(info, AgreementInfo)
    assert [(o.description, o.amount, o.obligee) for o in info.obligations] == [
        ("赔偿经济损失", 12000, "张三"),
        ("停止销售侵权商品", None, None),
    ]
    assert status_of(seeded, case_id) == CaseStatus.AGREEMENT

    # -- the application, on the last day of the window
    clock.day = dt.date(2026, 10, 8)
    dialog = ConfirmationDialog(make_desk(seeded, mediator, today=clock), case_id)
    qtbot.addWidget(dialog)
    assert dialog.window_label.text() == (
        "The agreement took effect on 2026-09-05; apply by 2026-10-08."
    )
    assert dialog.warning_label.isHidden()
    first = dialog.courts.item(0)
    assert first.text() == "通辽市科尔沁区人民法院 — where the mediating office is"
    assert dialog.selected_court() == "CT-KEQ"
    assert not dialog.accept_button.isEnabled()
    with qtbot.waitSignal(dialog.confirmation_applied):
        dialog.apply_button.click()
    assert status_of(seeded, case_id) == CaseStatus.CONFIRMATION_REQUESTED
    assert dialog.current_label.text() == "Applied to 通辽市科尔沁区人民法院 on 2026-10-08."
    assert not dialog.apply_button.isEnabled()
    assert dialog.accept_button.isEnabled() and not dialog.extend_button.isEnabled()

    # -- the court: acceptance, extension, decision
    clock.day = dt.date(2026, 11, 20)
    dialog.accepted_edit.setDate(to_qdate(dt.date(2026, 10, 12)))
    with qtbot.waitSignal(dialog.court_acceptance_recorded):
        dialog.accept_button.click()
    assert "the court decides by 2026-10-27." in dialog.current_label.text()
    dialog.extension_edit.setDate(to_qdate(dt.date(2026, 10, 20)))
    with qtbot.waitSignal(dialog.extension_recorded):
        dialog.extend_button.click()
    assert "the court decides by 2026-11-06 (extended)." in dialog.current_label.text()
    dialog.decision_combo.setCurrentIndex(
        dialog.decision_combo.findData(ConfirmationDecision.VALID.value)
    )
    dialog.ruling_edit.setText("（2026）内0502民特45号")
    dialog.decided_edit.setDate(to_qdate(dt.date(2026, 11, 2)))
    with qtbot.waitSignal(dialog.decision_recorded) as decided:
        dialog.decide_button.click()
    assert decided.args[0].decision == ConfirmationDecision.VALID
    assert status_of(seeded, case_id) == CaseStatus.CONFIRMED
    assert dialog.current_label.text().endswith(
        "Decided on 2026-11-02: agreement confirmed valid (（2026）内0502民特45号)."
    )
    assert not dialog.decide_button.isEnabled()

    # The editor now shows the agreement read-only.
    again = AgreementEditor(make_desk(seeded, mediator, today=clock), case_id)
    qtbot.addWidget(again)
    assert not again.ok_button.isEnabled()
    assert not again.obligations.flags(again.obligations.index(0, 0)) & (Qt.ItemFlag.ItemIsEditable)


def test_the_editor_keeps_the_input_when_refused(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, sync: None
) -> None:
    case_id = mediating_case(seeded, people)
    with seeded() as s:
        mediator = people.actor(s, "mediator")
    editor = AgreementEditor(make_desk(seeded, mediator, today=Clock(dt.date(2026, 9, 6))), case_id)
    qtbot.addWidget(editor)
    terms = editor.obligations
    terms.setData(terms.index(0, AMOUNT), "-1")
    editor.signed_edit.setDate(to_qdate(SIGNED))
    with qtbot.waitSignal(editor.refused):
        editor.submit()
    assert "Term 1: please describe what is to be performed." in editor.error_text()
    assert "Term 1: The amount cannot be negative." in editor.error_text()
    assert terms.index(0, AMOUNT).data() == "-1"
    assert editor.result() != editor.DialogCode.Accepted
    assert status_of(seeded, case_id) == CaseStatus.MEDIATING


def test_the_delegate_edits_parties_and_dates(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, sync: None
) -> None:
    case_id = mediating_case(seeded, people)
    with seeded() as s:
        mediator = people.actor(s, "mediator")
    editor = AgreementEditor(make_desk(seeded, mediator, today=Clock(dt.date(2026, 9, 6))), case_id)
    qtbot.addWidget(editor)
    terms = editor.obligations
    delegate = editor.table.itemDelegate()
    assert isinstance(delegate, ObligationDelegate)
    option = QStyleOptionViewItem()
    obligee = delegate.createEditor(editor.table.viewport(), option, terms.index(0, OBLIGEE))
    assert isinstance(obligee, QComboBox)
    assert [obligee.itemText(i) for i in range(obligee.count())] == [
        "(not named)",
        "张三",
        "通辽市某某商贸有限公司",
    ]
    delegate.setEditorData(obligee, terms.index(0, OBLIGEE))
    assert obligee.currentText() == "张三"
    obligee.setCurrentIndex(0)
    delegate.setModelData(obligee, terms, terms.index(0, OBLIGEE))
    assert terms.index(0, OBLIGEE).data() == ""
    due = delegate.createEditor(editor.table.viewport(), option, terms.index(0, DUE))
    assert isinstance(due, QDateEdit)
    delegate.setEditorData(due, terms.index(0, DUE))
    assert due.date() == NO_DATE and due.text() == "(no date)"
    due.setDate(to_qdate(dt.date(2026, 10, 1)))
    delegate.setModelData(due, terms, terms.index(0, DUE))
    assert terms.index(0, DUE).data() == "2026-10-01"
    obligee.deleteLater()
    due.deleteLater()


def test_an_ownership_agreement_needs_the_warning_acknowledged(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, sync: None
) -> None:
    with seeded.begin() as s:
        case = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            received_on=dt.date(2026, 8, 20),
            mediator_id=people.mediator,
        )
        make_agreement(s, case, signed_on=SIGNED, decides_ownership=True)
        refresh_case_limits(s, case)
        case_id = case.id
        mediator = people.actor(s, "mediator")
    dialog = ConfirmationDialog(
        make_desk(seeded, mediator, today=Clock(dt.date(2026, 9, 20))), case_id
    )
    qtbot.addWidget(dialog)
    assert dialog.warning_label.text().startswith(
        "The agreement decides ownership or validity of an IP right"
    )
    assert not dialog.acknowledge.isHidden()
    with qtbot.waitSignal(dialog.refused):
        dialog.apply_button.click()
    assert "Confirm that the parties have been told of the warnings" in dialog.error_text()
    assert status_of(seeded, case_id) == CaseStatus.AGREEMENT
    dialog.acknowledge.setChecked(True)
    with qtbot.waitSignal(dialog.confirmation_applied):
        dialog.apply_button.click()
    assert status_of(seeded, case_id) == CaseStatus.CONFIRMATION_REQUESTED


def test_a_missed_window_is_shown_and_the_application_refused(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, sync: None
) -> None:
    with seeded.begin() as s:
        case = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            received_on=dt.date(2026, 8, 20),
            mediator_id=people.mediator,
        )
        make_agreement(s, case, signed_on=SIGNED)
        case_id = case.id
        mediator = people.actor(s, "mediator")
    dialog = ConfirmationDialog(
        make_desk(seeded, mediator, today=Clock(dt.date(2026, 10, 9))), case_id
    )
    qtbot.addWidget(dialog)
    assert "It can no longer be brought to a court for confirmation." in (
        dialog.window_label.text()
    )
    with qtbot.waitSignal(dialog.refused):
        dialog.apply_button.click()
    assert "applying for confirmation ran out on 2026-10-08" in dialog.error_text()
    assert status_of(seeded, case_id) == CaseStatus.AGREEMENT
