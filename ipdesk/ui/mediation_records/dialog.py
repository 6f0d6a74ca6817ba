"""Recording a mediation session (调解笔录): date, place, attendees, what was said, next step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDateEdit, QDialog, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ipdesk.remote.calls import Call, call
from ipdesk.services.cases import mediation_records
from ipdesk.services.cases.mediation_records import MediationRecordInfo, SessionForm
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.ui.desk import Change, ChangeKind, Desk
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.service_dialog import ServiceDialog

if TYPE_CHECKING:
    from ipdesk.ui.case_view.view import CaseView


class SessionRecordDialog(ServiceDialog):
    """``saved(MediationRecordInfo)`` once the record is stored. A record is not edited
    afterwards (see services/cases/mediation_records.py), so the dialog says so."""

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        version: int,
        parent: QWidget | None = None,
        *,
        number: str = "",
    ) -> None:
        super().__init__(desk, parent)
        self._actor, self.case_id, self.version = desk.actor, case_id, version
        self.setObjectName("session_record_dialog")
        self.setWindowTitle(
            self.tr("Mediation record — case {0}").format(number)
            if number
            else self.tr("Mediation record")
        )
        self.ok_button.setText(self.tr("Save record"))
        self.held_on_edit = QDateEdit()
        self.held_on_edit.setObjectName("held_on_edit")
        self.held_on_edit.setCalendarPopup(True)
        self.held_on_edit.setDisplayFormat("yyyy-MM-dd")
        self.held_on_edit.setDate(to_qdate(desk.today()))
        self.held_on_edit.setMaximumDate(to_qdate(desk.today()))
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("place_edit")
        self.place_edit.setMaxLength(mediation_records.MAX_PLACE)
        self.attendees_edit = QPlainTextEdit()
        self.attendees_edit.setObjectName("attendees_edit")
        self.attendees_edit.setPlaceholderText(
            self.tr("Who attended, e.g. the applicant Wang Wei; the respondent's agent Li Na")
        )
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setObjectName("summary_edit")
        self.summary_edit.setPlaceholderText(
            self.tr("What each side said, what was agreed or still disputed")
        )
        self.next_step_edit = QPlainTextEdit()
        self.next_step_edit.setObjectName("next_step_edit")
        for edit, height in (
            (self.attendees_edit, 60),
            (self.summary_edit, 160),
            (self.next_step_edit, 60),
        ):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(height)
        self.form.addRow(self.tr("Date:"), self.held_on_edit)
        self.form.addRow(self.tr("Place:"), self.place_edit)
        self.form.addRow(self.tr("Attendees:"), self.attendees_edit)
        self.form.addRow(self.tr("Summary:"), self.summary_edit)
        self.form.addRow(self.tr("Next step:"), self.next_step_edit)
        self.form.addRow(
            "",
            _note(self.tr("A saved record cannot be changed; add a further record to correct it.")),
        )
        self.resize(620, 520)
        self.place_edit.setFocus()

    def session_form(self) -> SessionForm:
        return SessionForm(
            held_on=from_qdate(self.held_on_edit.date()),
            place=self.place_edit.text(),
            attendees=self.attendees_edit.toPlainText(),
            summary=self.summary_edit.toPlainText(),
            next_step=self.next_step_edit.toPlainText(),
        )

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "held_on": self.held_on_edit,
            "place": self.place_edit,
            "attendees": self.attendees_edit,
            "summary": self.summary_edit,
            "next_step": self.next_step_edit,
        }

    def _changes(self, _result: object) -> Change:
        return Change.of(ChangeKind.CASES, ChangeKind.DOCUMENTS, case_ids=[self.case_id])

    def _call(self) -> Call[MediationRecordInfo] | None:
        form = self.session_form()
        return call(mediation_records.record_session, self.case_id, self.version, form)


def _note(text: str) -> QWidget:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


def open_session_dialog(view: CaseView, action: CaseAction) -> QDialog:
    assert view.detail is not None
    dialog = SessionRecordDialog(
        view.desk,
        view.case_id,
        view.detail.version_id,
        view,
        number=view.detail.number,
    )
    dialog.saved.connect(lambda _r: view.action_performed(action))
    return dialog
