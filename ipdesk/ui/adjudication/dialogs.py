"""The dialogs of the adjudication steps (services/cases/adjudication.py), one class for all.

:class:`StepDialog` asks for what one step needs (dates, texts, the service receipt, the
panel, the decision) and runs the step in the background on the user's desk; a refusal
stays in the dialog with the input (``ServiceDialog``). Who may open which step is the
case view's business (``workflow.available_actions``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from ipdesk.remote.calls import Call, call
from ipdesk.services.cases import adjudication as adj
from ipdesk.services.cases.adjudication import AdjudicationView, Candidate, Service
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.services.queries import read_models
from ipdesk.ui.adjudication.texts import action_text, method_labels, outcome_labels
from ipdesk.ui.desk import Change, Desk, case_change
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.service_dialog import ServiceDialog

A = CaseAction
W = TypeVar("W", bound=QWidget)


def _date_edit(day: dt.date, name: str, *, latest: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest is not None:
        edit.setMaximumDate(to_qdate(latest))
    return edit


def _text_edit(name: str, height: int = 90) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _line(name: str) -> QLineEdit:
    return _named(QLineEdit(), name)


def _check(name: str, text: str) -> QCheckBox:
    return _named(QCheckBox(text), name)


def _combo(name: str, items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, text in items.items():
        combo.addItem(text, value)
    return combo


class StepDialog(ServiceDialog):
    """One adjudication step on one case (``action``); ``saved(StepResult)`` on success."""

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        version: int,
        action: CaseAction,
        view: AdjudicationView | None,
        parent: QWidget | None = None,
        *,
        candidates: list[Candidate] | None = None,
        courts: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._case_id = case_id
        self.version = version
        self.action = action
        self.view = view
        self.setObjectName(f"{action.value}_dialog")
        self.setWindowTitle(action_text(action))
        self.ok_button.setText(action_text(action))
        self.setMinimumWidth(560)
        today = desk.today()
        self.widgets: dict[str, QWidget] = {}
        add = self._add
        match action:
            case A.CHOOSE_ADJUDICATION:
                add(
                    "requested_on",
                    self.tr("Request received on:"),
                    _date_edit(today, "requested_on", latest=today),
                )
            case A.ACCEPT_ADJUDICATION:
                add("on", self.tr("Docketed on:"), _date_edit(today, "on", latest=today))
                self._note(self.tr("You approve the acceptance as the office's manager."))
            case A.REFUSE_ADJUDICATION:
                add("reason", self.tr("Reason:"), _text_edit("reason_edit"))
                add("on", self.tr("Decided on:"), _date_edit(today, "on", latest=today))
            case A.SET_PANEL:
                officers = QListWidget()
                officers.setObjectName("officers_list")
                for candidate in candidates or []:
                    item = QListWidgetItem(candidate.name)
                    item.setData(Qt.ItemDataRole.UserRole, candidate.user_id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    officers.addItem(item)
                officers.setMaximumHeight(160)
                add("officers", self.tr("Officers (the first checked presides):"), officers)
                add(
                    "declared",
                    self.tr("Declared relations:"),
                    _line("declared_edit"),
                )
                declared = self.widgets["declared"]
                assert isinstance(declared, QLineEdit)
                declared.setPlaceholderText(
                    self.tr("officer's name: the relation to a party (leave empty if none)")
                )
                self._note(
                    self.tr(
                        "An odd number of at least 3 officers. Each is checked against the "
                        "parties and their agents (same name, declared relation); the check is "
                        "recorded."
                    )
                )
            case A.SERVE_REQUEST:
                self._service_fields(today)
            case A.RECORD_DEFENCE:
                add(
                    "received_on",
                    self.tr("Defence received on:"),
                    _date_edit(today, "received_on", latest=today),
                )
                add("summary", self.tr("Gist of the defence:"), _text_edit("summary_edit"))
                add(
                    "none_in_time",
                    self.tr("No defence:"),
                    _check("none_check", self.tr("None came within the period")),
                )
            case A.EXCHANGE_EVIDENCE:
                add("held_on", self.tr("Held on:"), _date_edit(today, "held_on", latest=today))
                add("place", self.tr("Place:"), _line("place_edit"))
                add(
                    "participants",
                    self.tr("Participants:"),
                    _line("participants_edit"),
                )
                add("content", self.tr("Evidence exchanged:"), _text_edit("content_edit", 140))
            case A.NOTIFY_HEARING:
                add(
                    "notified_on",
                    self.tr("Parties notified on:"),
                    _date_edit(today, "notified_on", latest=today),
                )
                add(
                    "hearing_on",
                    self.tr("Hearing on:"),
                    _date_edit(today + dt.timedelta(days=7), "hearing_on"),
                )
                add("place", self.tr("Place:"), _line("place_edit"))
                add("method", self.tr("Notified:"), _combo("method_combo", method_labels()))
            case A.RECORD_HEARING:
                default = (
                    view.hearing_on
                    if view and view.hearing_on and view.hearing_on <= today
                    else today
                )
                add("held_on", self.tr("Held on:"), _date_edit(default, "held_on", latest=today))
                add(
                    "participants",
                    self.tr("Participants:"),
                    _line("participants_edit"),
                )
                add("content", self.tr("Record:"), _text_edit("content_edit", 160))
            case A.SUSPEND_FOR_INVALIDATION:
                add(
                    "invalidation_number",
                    self.tr("CNIPA case number:"),
                    _line("invalidation_edit"),
                )
                add(
                    "start_on",
                    self.tr("Suspended from:"),
                    _date_edit(today, "start_on", latest=today),
                )
                add("reason", self.tr("Note (optional):"), _text_edit("reason_edit"))
            case A.RESUME_ADJUDICATION:
                add(
                    "resume_on",
                    self.tr("Resumed on:"),
                    _date_edit(today, "resume_on", latest=today),
                )
                add("reason", self.tr("Note (optional):"), _text_edit("reason_edit"))
            case A.DECIDE:
                found = _combo("found_combo", {})
                found.addItem(self.tr("Infringement found"), True)
                found.addItem(self.tr("Infringement not found (request dismissed)"), False)
                add("infringement_found", self.tr("Decision:"), found)
                add("order_to_stop", self.tr("Order to stop:"), _text_edit("order_edit"))
                add("reasons", self.tr("Reasons:"), _text_edit("reasons_edit", 160))
                add(
                    "decided_on",
                    self.tr("Decided on:"),
                    _date_edit(today, "decided_on", latest=today),
                )
                add(
                    "decision_number",
                    self.tr("Number (optional):"),
                    _line("number_edit"),
                )
                self._note(self.tr("You sign the decision off as the office's manager."))
            case A.SERVE_DECISION:
                grid = QGridLayout()
                self.party_rows: list[tuple[int, QComboBox, QDateEdit, QDateEdit]] = []
                for row, party in enumerate(view.parties if view else ()):
                    method = _combo(f"method_{row}", method_labels())
                    sent = _date_edit(today, f"sent_{row}", latest=today)
                    received = _date_edit(today, f"received_{row}", latest=today)
                    grid.addWidget(QLabel(party.name), row, 0)
                    grid.addWidget(method, row, 1)
                    grid.addWidget(sent, row, 2)
                    grid.addWidget(received, row, 3)
                    self.party_rows.append((party.party_id, method, sent, received))
                box = _named(QWidget(), "services_box")
                box.setLayout(grid)
                add("services", self.tr("Served (how, sent, received):"), box)
            case A.RECORD_WINDOW_OUTCOME:
                add(
                    "outcome",
                    self.tr("After the decision:"),
                    _combo("outcome_combo", outcome_labels()),
                )
                add("on", self.tr("Recorded on:"), _date_edit(today, "on", latest=today))
                add(
                    "court_case_number",
                    self.tr("Court case number:"),
                    _line("court_case_edit"),
                )
            case A.REMIND_ENFORCEMENT:
                self._note(
                    self.tr(
                        "The written reminder (催告书) to perform the decision. Enforcement can "
                        "be applied for if the infringer has not performed 10 days after its "
                        "service."
                    )
                )
                add(
                    "served_on",
                    self.tr("Reminder served on:"),
                    _date_edit(today, "served_on", latest=today),
                )
            case A.APPLY_ENFORCEMENT:
                court = _combo("court_combo", {})
                for code, name in courts or []:
                    court.addItem(name, code)
                add("court", self.tr("Court:"), court)
                add(
                    "applied_on",
                    self.tr("Applied on:"),
                    _date_edit(today, "applied_on", latest=today),
                )
            case _:
                raise ValueError(f"not an adjudication step: {action}")

    # -- building ------------------------------------------------------------------------------

    def _add(self, name: str, text: str, widget: QWidget) -> None:
        self.widgets[name] = widget
        self.form.addRow(text, widget)

    def _note(self, text: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        self.form.addRow(label)

    def _service_fields(self, today: dt.date) -> None:
        add = self._add
        add("method", self.tr("Served:"), _combo("method_combo", method_labels()))
        add("sent_on", self.tr("Sent on:"), _date_edit(today, "sent_on", latest=today))
        add("received_on", self.tr("Received on:"), _date_edit(today, "received_on", latest=today))
        add("signed_by", self.tr("Receipt signed by:"), _line("signed_by_edit"))
        add("server_name", self.tr("Served by:"), _line("server_edit"))
        add(
            "consent",
            self.tr("Consent:"),
            _check("consent_check", self.tr("The recipient agreed to electronic service")),
        )

    # -- values --------------------------------------------------------------------------------

    def _date(self, name: str) -> dt.date:
        widget = self.widgets[name]
        assert isinstance(widget, QDateEdit)
        return from_qdate(widget.date())

    def _str(self, name: str) -> str:
        widget = self.widgets[name]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        raise TypeError(name)

    def _checked(self, name: str) -> bool:
        widget = self.widgets[name]
        assert isinstance(widget, QCheckBox)
        return widget.isChecked()

    def officer_ids(self) -> list[int]:
        widget = self.widgets["officers"]
        assert isinstance(widget, QListWidget)
        return [
            int(widget.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _declared(self, candidates: dict[str, int]) -> dict[int, str]:
        text = self._str("declared").strip()
        if not text:
            return {}
        name, _, relation = text.replace("：", ":").partition(":")
        user_id = candidates.get(name.strip())
        return {user_id: relation.strip() or text} if user_id is not None else {}

    def _arguments(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """The step's arguments after (session, actor, case_id, version); the date the
        step is taken on (``today``) is the desk's, supplied where the call runs."""
        kw: dict[str, Any] = {}
        match self.action:
            case A.CHOOSE_ADJUDICATION:
                return (), {**kw, "requested_on": self._date("requested_on")}
            case A.ACCEPT_ADJUDICATION:
                return (), {**kw, "on": self._date("on")}
            case A.REFUSE_ADJUDICATION:
                return (self._str("reason"),), {**kw, "on": self._date("on")}
            case A.SET_PANEL:
                widget = self.widgets["officers"]
                assert isinstance(widget, QListWidget)
                names = {
                    widget.item(i).text(): int(widget.item(i).data(Qt.ItemDataRole.UserRole))
                    for i in range(widget.count())
                }
                return (self.officer_ids(),), {**kw, "declared_related": self._declared(names)}
            case A.SERVE_REQUEST:
                service = Service(
                    self._str("method"),
                    self._date("sent_on"),
                    self._date("received_on"),
                    signed_by=self._str("signed_by"),
                    server_name=self._str("server_name"),
                    consent=self._checked("consent"),
                )
                return (service,), kw
            case A.RECORD_DEFENCE:
                if self._checked("none_in_time"):
                    return (), {**kw, "none_in_time": True}
                return (), {
                    **kw,
                    "received_on": self._date("received_on"),
                    "summary": self._str("summary"),
                }
            case A.EXCHANGE_EVIDENCE:
                return (), {
                    **kw,
                    "held_on": self._date("held_on"),
                    "place": self._str("place"),
                    "participants": self._str("participants"),
                    "content": self._str("content"),
                }
            case A.NOTIFY_HEARING:
                return (), {
                    **kw,
                    "notified_on": self._date("notified_on"),
                    "hearing_on": self._date("hearing_on"),
                    "place": self._str("place"),
                    "method": self._str("method"),
                }
            case A.RECORD_HEARING:
                return (), {
                    **kw,
                    "held_on": self._date("held_on"),
                    "participants": self._str("participants"),
                    "content": self._str("content"),
                }
            case A.SUSPEND_FOR_INVALIDATION:
                return (), {
                    **kw,
                    "invalidation_number": self._str("invalidation_number"),
                    "start_on": self._date("start_on"),
                    "reason": self._str("reason"),
                }
            case A.RESUME_ADJUDICATION:
                return (), {
                    **kw,
                    "resume_on": self._date("resume_on"),
                    "reason": self._str("reason"),
                }
            case A.DECIDE:
                combo = self.widgets["infringement_found"]
                assert isinstance(combo, QComboBox)
                return (), {
                    **kw,
                    "infringement_found": bool(combo.currentData()),
                    "order_to_stop": self._str("order_to_stop"),
                    "reasons": self._str("reasons"),
                    "decided_on": self._date("decided_on"),
                    "decision_number": self._str("decision_number"),
                }
            case A.SERVE_DECISION:
                services = [
                    Service(
                        str(method.currentData()),
                        from_qdate(sent.date()),
                        from_qdate(received.date()),
                        party_id=party_id,
                        consent=True,
                    )
                    for party_id, method, sent, received in self.party_rows
                ]
                return (services,), kw
            case A.RECORD_WINDOW_OUTCOME:
                return (self._str("outcome"),), {
                    **kw,
                    "on": self._date("on"),
                    "court_case_number": self._str("court_case_number"),
                }
            case A.REMIND_ENFORCEMENT:
                return (), {**kw, "served_on": self._date("served_on")}
            case A.APPLY_ENFORCEMENT:
                return (), {
                    **kw,
                    "court_code": self._str("court"),
                    "applied_on": self._date("applied_on"),
                }
        raise ValueError(self.action)

    # -- ServiceDialog -------------------------------------------------------------------------

    def _call(self) -> Call[Any] | None:
        function: Any = getattr(adj, self.action.value)
        args, kwargs = self._arguments()
        return call(function, self._case_id, self.version, *args, **kwargs)

    def _changes(self, _result: object) -> Change:
        return case_change(self._case_id)

    def _field_widgets(self) -> dict[str, QWidget]:
        return dict(self.widgets)


def courts(desk: Desk) -> list[tuple[str, str]]:
    """(code, name) of the active courts, for the enforcement application."""
    return desk.read_now(call(read_models.active_courts))
