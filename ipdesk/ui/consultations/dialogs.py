"""The dialogs of a consultation: request it, record an agency's answer, the meeting,
withdraw a request or the whole consultation, conclude it. Each runs one call of
``ipdesk.services.cases.consultations`` in the background (``ServiceDialog``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from ipdesk.models import AgencyKind, ConsultationKind
from ipdesk.remote.calls import Call, call
from ipdesk.services.admin.agencies import AgencyInfo
from ipdesk.services.cases import consultations as cs
from ipdesk.services.cases.consultations import ConsultationForm, ConsultationInfo
from ipdesk.ui.agencies.texts import agency_kind_text
from ipdesk.ui.consultations.model import kind_text
from ipdesk.ui.desk import Change, ChangeKind, Desk
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.service_dialog import ServiceDialog

Today = Callable[[], dt.date]
AGENCY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _text_edit(name: str, text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    return edit


class _ConsultationDialog(ServiceDialog):
    def _changes(self, result: ConsultationInfo) -> Change:
        return Change.of(ChangeKind.CONSULTATIONS, case_ids=[result.case_id])


class ConsultationRequestDialog(_ConsultationDialog):
    """Ask agencies about a case: kind, subject, questions, the agencies, the date."""

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        agencies: Sequence[AgencyInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._case_id = case_id
        self._today = desk.today
        self.setObjectName("consultation_request_dialog")
        self.setWindowTitle(self.tr("Request a consultation"))
        self.ok_button.setText(self.tr("Send request"))

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for kind in ConsultationKind:
            self.kind_combo.addItem(kind_text(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("subject_edit")
        self.subject_edit.setMaxLength(cs.MAX_SUBJECT)
        self.questions_edit = _text_edit("questions_edit")
        self.agency_list = QListWidget()
        self.agency_list.setObjectName("agency_list")
        for agency in agencies:
            item = QListWidgetItem(f"{agency.name}（{agency_kind_text(agency.kind)}）")
            item.setData(AGENCY_ID_ROLE, agency.id)
            item.setData(Qt.ItemDataRole.UserRole + 2, agency.kind.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.agency_list.addItem(item)
        self.date_edit = _date_edit("requested_on_edit", desk.today())
        self.hint = QLabel()
        self.hint.setObjectName("referral_hint")
        self.hint.setWordWrap(True)

        self.form.addRow(self.tr("&Kind:"), self.kind_combo)
        self.form.addRow(self.tr("&Subject:"), self.subject_edit)
        self.form.addRow(self.tr("&Questions:"), self.questions_edit)
        self.form.addRow(self.tr("&Agencies:"), self.agency_list)
        self.form.addRow("", self.hint)
        self.form.addRow(self.tr("Sent &on:"), self.date_edit)
        self._on_kind_changed()

    def check_agency(self, agency_id: int, checked: bool = True) -> None:
        for row in range(self.agency_list.count()):
            item = self.agency_list.item(row)
            if item.data(AGENCY_ID_ROLE) == agency_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_agencies(self) -> tuple[int, ...]:
        return tuple(
            int(self.agency_list.item(row).data(AGENCY_ID_ROLE))
            for row in range(self.agency_list.count())
            if self.agency_list.item(row).checkState() == Qt.CheckState.Checked
            and not self.agency_list.item(row).isHidden()
        )

    def _on_kind_changed(self, *_args: object) -> None:
        referral = self.kind_combo.currentData() == ConsultationKind.CRIME_REFERRAL.value
        for row in range(self.agency_list.count()):
            item = self.agency_list.item(row)
            procuratorate = item.data(Qt.ItemDataRole.UserRole + 2) == AgencyKind.PROCURATORATE
            item.setHidden(referral and not procuratorate)
        self.hint.setText(
            self.tr("A suspected crime is referred to a procuratorate only.") if referral else ""
        )
        self.hint.setVisible(referral)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "kind": self.kind_combo,
            "subject": self.subject_edit,
            "questions": self.questions_edit,
            "agencies": self.agency_list,
            "requested_on": self.date_edit,
        }

    def _call(self) -> Call[ConsultationInfo] | None:
        form = ConsultationForm(
            kind=str(self.kind_combo.currentData()),
            subject=self.subject_edit.text(),
            questions=self.questions_edit.toPlainText(),
            agency_ids=self.checked_agencies(),
            requested_on=from_qdate(self.date_edit.date()),
        )
        return call(cs.request_consultation, self._case_id, form)


class AnswerDialog(_ConsultationDialog):
    """Record one agency's answer (a procuratorate's feedback on a referral)."""

    def __init__(
        self,
        desk: Desk,
        request_id: int,
        agency_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._request_id = request_id
        self._today = desk.today
        self.setObjectName("consultation_answer_dialog")
        self.setWindowTitle(self.tr("Answer of {0}").format(agency_name))
        self.date_edit = _date_edit("answered_on_edit", desk.today())
        self.opinion_edit = _text_edit("opinion_edit")
        self.form.addRow(self.tr("Answered &on:"), self.date_edit)
        self.form.addRow(self.tr("&Opinion:"), self.opinion_edit)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {"answered_on": self.date_edit, "opinion": self.opinion_edit}

    def _call(self) -> Call[ConsultationInfo] | None:
        return call(
            cs.record_answer,
            self._request_id,
            answered_on=from_qdate(self.date_edit.date()),
            opinion=self.opinion_edit.toPlainText(),
        )


class MeetingDialog(_ConsultationDialog):
    """Record the consultation meeting: date, place, participants, minutes."""

    def __init__(
        self,
        desk: Desk,
        consultation_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._consultation_id = consultation_id
        self._today = desk.today
        self.setObjectName("consultation_meeting_dialog")
        self.setWindowTitle(self.tr("Consultation meeting"))
        self.date_edit = _date_edit("meeting_on_edit", desk.today())
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("place_edit")
        self.participants_edit = _text_edit("participants_edit")
        self.minutes_edit = _text_edit("minutes_edit")
        self.form.addRow(self.tr("&Date:"), self.date_edit)
        self.form.addRow(self.tr("&Place:"), self.place_edit)
        self.form.addRow(self.tr("P&articipants:"), self.participants_edit)
        self.form.addRow(self.tr("&Minutes:"), self.minutes_edit)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "meeting_on": self.date_edit,
            "place": self.place_edit,
            "participants": self.participants_edit,
            "minutes": self.minutes_edit,
        }

    def _call(self) -> Call[ConsultationInfo] | None:
        return call(
            cs.record_meeting,
            self._consultation_id,
            meeting_on=from_qdate(self.date_edit.date()),
            place=self.place_edit.text(),
            participants=self.participants_edit.toPlainText(),
            minutes=self.minutes_edit.toPlainText(),
        )


class WithdrawDialog(_ConsultationDialog):
    """Withdraw the request to one agency (``request_id``) or the whole consultation."""

    def __init__(
        self,
        desk: Desk,
        *,
        request_id: int | None = None,
        consultation_id: int | None = None,
        what: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        if (request_id is None) == (consultation_id is None):
            raise ValueError("give request_id or consultation_id")
        self._actor = desk.actor
        self._request_id = request_id
        self._consultation_id = consultation_id
        self._today = desk.today
        self.setObjectName("consultation_withdraw_dialog")
        self.setWindowTitle(self.tr("Withdraw — {0}").format(what) if what else self.tr("Withdraw"))
        self.ok_button.setText(self.tr("Withdraw"))
        self.reason_edit = _text_edit("reason_edit")
        self.form.addRow(self.tr("&Reason:"), self.reason_edit)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {"reason": self.reason_edit}

    def _call(self) -> Call[ConsultationInfo] | None:
        reason = self.reason_edit.toPlainText()
        if self._request_id is not None:
            return call(cs.withdraw_request, self._request_id, reason=reason)
        assert self._consultation_id is not None
        return call(cs.withdraw_consultation, self._consultation_id, reason=reason)


class ConcludeDialog(_ConsultationDialog):
    """Conclude the consultation, with its minutes."""

    def __init__(
        self,
        desk: Desk,
        consultation_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._consultation_id = consultation_id
        self._today = desk.today
        self.setObjectName("consultation_conclude_dialog")
        self.setWindowTitle(self.tr("Conclude the consultation"))
        self.ok_button.setText(self.tr("Conclude"))
        self.minutes_edit = _text_edit("minutes_edit")
        self.minutes_edit.setPlaceholderText(
            self.tr("The agencies' opinions and the conclusion (kept if already recorded)")
        )
        self.form.addRow(self.tr("&Minutes:"), self.minutes_edit)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {"minutes": self.minutes_edit}

    def _call(self) -> Call[ConsultationInfo] | None:
        minutes = self.minutes_edit.toPlainText()
        return call(cs.conclude_consultation, self._consultation_id, minutes=minutes)
