"""The small dialog behind each case action: asks what the transition needs and runs it.

The call runs in the background in one transaction. A refusal is shown in the dialog and
the input stays; when someone else changed the case first (StaleData) the dialog offers to
reload the case and keeps the input, so the user can apply it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import Call, call
from ipdesk.services.cases import routing, workflow
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.services.queries import read_models
from ipdesk.ui.adjudication.texts import action_text as adjudication_action_text
from ipdesk.ui.desk import Desk, Refusal, case_change
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.qdates import from_qdate

# What each action asks for.
FIELDS: dict[str, tuple[str, ...]] = {
    "accept": ("on",),
    "reject": ("reason", "on"),
    "start_mediation": (),
    "record_failure": ("reason", "court"),
    "record_withdrawal": ("reason",),
    "close": ("on", "note"),
    "reopen": ("reason",),
    "assign_mediator": ("mediator",),
    "transfer": ("office", "reason"),
}
REQUIRED_REASON = frozenset({"reject", "reopen", "transfer"})


def action_text(action: str) -> str:
    """The button text of ``action`` (a ``CaseAction``) in the user's language."""
    translate = QCoreApplication.translate
    match CaseAction(action):
        case CaseAction.ACCEPT:
            return translate("CaseActions", "Accept")
        case CaseAction.REJECT:
            return translate("CaseActions", "Reject")
        case CaseAction.START_MEDIATION:
            return translate("CaseActions", "Start mediation")
        case CaseAction.RECORD_AGREEMENT:
            return translate("CaseActions", "Record agreement")
        case CaseAction.EDIT_AGREEMENT:
            return translate("CaseActions", "Edit agreement")
        case CaseAction.RECORD_FAILURE:
            return translate("CaseActions", "Mediation failed")
        case CaseAction.RECORD_WITHDRAWAL:
            return translate("CaseActions", "Withdrawn")
        case CaseAction.REQUEST_CONFIRMATION:
            return translate("CaseActions", "Apply for confirmation")
        case CaseAction.RECORD_CONFIRMATION:
            return translate("CaseActions", "Court confirmation")
        case CaseAction.CLOSE:
            return translate("CaseActions", "Close case")
        case CaseAction.REOPEN:
            return translate("CaseActions", "Reopen")
        case CaseAction.ASSIGN_MEDIATOR:
            return translate("CaseActions", "Assign mediator")
        case CaseAction.TRANSFER:
            return translate("CaseActions", "Transfer")
        case CaseAction.SUSPEND:
            return translate("CaseActions", "Suspend")
        case CaseAction.RESUME:
            return translate("CaseActions", "Resume")
        case CaseAction.EXTEND:
            return translate("CaseActions", "Extend")
        case CaseAction.CORRECT:
            return translate("CaseActions", "Correct case")
        case CaseAction.ADD_EVIDENCE:
            return translate("CaseActions", "Add evidence")
        case CaseAction.RECORD_SESSION:
            return translate("CaseActions", "Mediation record")
        case (
            CaseAction.CHOOSE_ADJUDICATION
            | CaseAction.ACCEPT_ADJUDICATION
            | CaseAction.REFUSE_ADJUDICATION
            | CaseAction.SET_PANEL
            | CaseAction.SERVE_REQUEST
            | CaseAction.RECORD_DEFENCE
            | CaseAction.EXCHANGE_EVIDENCE
            | CaseAction.NOTIFY_HEARING
            | CaseAction.RECORD_HEARING
            | CaseAction.SUSPEND_FOR_INVALIDATION
            | CaseAction.RESUME_ADJUDICATION
            | CaseAction.DECIDE
            | CaseAction.SERVE_DECISION
            | CaseAction.RECORD_WINDOW_OUTCOME
            | CaseAction.REMIND_ENFORCEMENT
            | CaseAction.APPLY_ENFORCEMENT
        ):
            return adjudication_action_text(CaseAction(action))


class ActionDialog(QDialog):
    """Asks for one action's input and performs it. ``performed(result)`` on success;
    ``stale()`` when the case changed under the user (the input is kept);
    ``reload_requested()`` when the user asks to reload the case."""

    performed = Signal(object)
    mediator_assigned = Signal(str, str)
    """assign_mediator was performed: the case's number and the mediator's name."""
    refused = Signal(str)
    stale = Signal()
    reload_requested = Signal()
    choices_loaded = Signal()

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        version: int,
        office_id: int | None,
        action: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self._case_id = case_id
        self.version = version
        self._office_id = office_id
        self.action = action
        self._busy = False
        self._mediator_names: dict[int, str] = {}
        self.setObjectName(f"{action}_dialog")
        self.setWindowTitle(action_text(action))
        fields = FIELDS[action]
        form = QFormLayout()

        self.on_edit = QDateEdit(QDate(*desk.today().timetuple()[:3]))
        self.on_edit.setObjectName("on_edit")
        self.on_edit.setCalendarPopup(True)
        self.on_edit.setDisplayFormat("yyyy-MM-dd")
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(90)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        self.court_combo = QComboBox()
        self.court_combo.setObjectName("court_combo")
        self.mediator_combo = QComboBox()
        self.mediator_combo.setObjectName("mediator_combo")
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office_combo")

        rows: dict[str, tuple[str, QWidget]] = {
            "on": (self.tr("&Date:"), self.on_edit),
            "reason": (
                self.tr("&Reason:")
                if action in REQUIRED_REASON
                else self.tr("&Reason (optional):"),
                self.reason_edit,
            ),
            "note": (self.tr("&Note (optional):"), self.note_edit),
            "court": (self.tr("&Court:"), self.court_combo),
            "mediator": (self.tr("&Mediator:"), self.mediator_combo),
            "office": (self.tr("To &office:"), self.office_combo),
        }
        for name in fields:
            text, widget = rows[name]
            form.addRow(text, widget)
        if not fields:
            form.addRow(QLabel(self.tr("Perform “{0}” on this case?").format(action_text(action))))

        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        self.reload_button = QPushButton(self.tr("Re&load case"))
        self.reload_button.setObjectName("reload_button")
        self.reload_button.setVisible(False)
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self._on_reload_clicked)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok_button")
        self.ok_button.setText(action_text(action))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.buttons)
        if {"court", "mediator", "office"} & set(fields):
            self.ok_button.setEnabled(False)
            self._load_choices()

    # -- choices -------------------------------------------------------------------------------

    def _load_choices(self) -> None:
        load = call(read_models.action_choices, self._case_id, str(self.action), self._office_id)
        self._desk.read(self, load, self._on_choices, self._on_failed, purpose="choices")

    def _on_choices(self, choices: read_models.ActionChoices) -> None:
        self.court_combo.clear()
        if self.action == "record_failure":
            self.court_combo.addItem(self.tr("— none —"), "")
        for code, name in choices.courts:
            self.court_combo.addItem(name, code)
        self.mediator_combo.clear()
        for m in choices.mediators:
            text = self.tr("{0} — %n open case(s)", "", m.open_cases).format(m.name)
            self.mediator_combo.addItem(text, m.user_id)
            self._mediator_names[m.user_id] = m.name
        if choices.suggested is not None:
            self.mediator_combo.setCurrentIndex(self.mediator_combo.findData(choices.suggested))
        self.office_combo.clear()
        for code, name in choices.offices:
            self.office_combo.addItem(name, code)
        self.ok_button.setEnabled(True)
        self.choices_loaded.emit()

    # -- performing ----------------------------------------------------------------------------

    def _call(self) -> Call[Any]:
        case_id, version, action = self._case_id, self.version, self.action
        q = self.on_edit.date()
        on = from_qdate(q)
        reason = self.reason_edit.toPlainText()
        note = self.note_edit.toPlainText()
        court = str(self.court_combo.currentData() or "") or None
        mediator = self.mediator_combo.currentData()
        office = str(self.office_combo.currentData() or "")
        calls: dict[str, Callable[[], Call[Any]]] = {
            "accept": lambda: call(workflow.accept, case_id, version, on=on),
            "reject": lambda: call(workflow.reject, case_id, version, reason, on=on),
            "start_mediation": lambda: call(workflow.start_mediation, case_id, version),
            "record_failure": lambda: call(
                workflow.record_failure, case_id, version, reason=reason, court_code=court
            ),
            "record_withdrawal": lambda: call(
                workflow.record_withdrawal, case_id, version, reason=reason
            ),
            "close": lambda: call(workflow.close, case_id, version, on=on, note=note),
            "reopen": lambda: call(workflow.reopen, case_id, version, reason),
            "assign_mediator": lambda: call(
                routing.assign_mediator,
                case_id,
                version,
                int(mediator) if mediator is not None else -1,
            ),
            "transfer": lambda: call(routing.transfer_case, case_id, version, office, reason),
        }
        return calls[action]()

    def submit(self) -> None:
        if self._busy:
            return
        work = self._call()
        self._busy = True
        self.ok_button.setEnabled(False)
        self.error_label.setVisible(False)
        self._desk.write(
            self, work, self._on_done, self._on_failed, changes=case_change(self._case_id)
        )

    def _on_done(self, result: object) -> None:
        self._busy = False
        self.performed.emit(result)
        if self.action == "assign_mediator" and isinstance(result, workflow.TransitionResult):
            name = self._mediator_names.get(self.mediator_combo.currentData(), "")
            self.mediator_assigned.emit(result.number, name)
        self.accept()

    def _on_failed(self, refusal: Refusal) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        text = refusal.text
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        stale = refusal.stale
        self.reload_button.setVisible(stale)
        if stale:
            self.stale.emit()
        self.refused.emit(text)

    def _on_reload_clicked(self) -> None:
        self.reload_requested.emit()

    def set_version(self, version: int) -> None:
        """The case was reloaded: apply the kept input to this version."""
        self.version = version
        self.reload_button.setVisible(False)
        self.error_label.setText(self.tr("The case was reloaded. Check it and apply again."))
        self.error_label.setStyleSheet("")

    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()
