"""The judicial-confirmation dialog of a case.

Shows the agreement's date of effect and the last day to apply, the courts with
jurisdiction (with their grounds) above the other courts, and a warning — to acknowledge
before applying — when courts will not confirm the agreement (ownership or validity of an
IP right). Then, step by step as the case moves on: the application (court, date), the
court's acceptance, the court president's 10-day extension and the court's decision.
Each step is one call of ``ipdesk.services.cases.confirmation`` in the background, after which
the dialog reloads; a refusal is shown in the dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipdesk.models import CaseStatus, ConfirmationDecision
from ipdesk.remote.calls import Call, call
from ipdesk.services.cases import confirmation as conf
from ipdesk.services.cases.confirmation import (
    ConfirmationInfo,
    ConfirmationOverview,
    ConfirmationWarning,
    CourtChoice,
)
from ipdesk.ui.desk import Desk, Refusal, case_change
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.qdates import from_qdate, to_qdate

Today = Callable[[], dt.date]
COURT_CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ConfirmationDialog(QDialog):
    overview_loaded = Signal(object)
    """The dialog (re)loaded the case's ``ConfirmationOverview``."""
    confirmation_applied = Signal(object)
    court_acceptance_recorded = Signal(object)
    extension_recorded = Signal(object)
    decision_recorded = Signal(object)
    """Each step done: the ``ConfirmationInfo`` after it."""
    refused = Signal(str)
    """A step was refused: the text shown."""

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self._case_id = case_id
        self._today = desk.today
        self.overview: ConfirmationOverview | None = None
        self.setObjectName("confirmation_dialog")
        self.setWindowTitle(self.tr("Judicial confirmation"))
        self.resize(760, 680)

        self.case_label = QLabel()
        self.case_label.setObjectName("case_label")
        self.window_label = QLabel()
        self.window_label.setObjectName("window_label")
        self.window_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("warning_label")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(ERROR_STYLE)
        self.acknowledge = QCheckBox(self.tr("I have told the parties; they apply &anyway"))
        self.acknowledge.setObjectName("acknowledge_warnings")

        # -- the application
        self.courts = QListWidget()
        self.courts.setObjectName("courts_list")
        self.courts.currentItemChanged.connect(self._update_buttons)
        self.courts_note = QLabel(
            self.tr(
                "No registered court has a ground of jurisdiction for this case. Ask the "
                "administrator to complete the courts' levels and regions."
            )
        )
        self.courts_note.setObjectName("courts_note")
        self.courts_note.setWordWrap(True)
        self.courts_note.setStyleSheet(ERROR_STYLE)
        self.courts_note.setVisible(False)
        self.applied_edit = self._date_edit("applied_on_edit")
        self.apply_button = QPushButton(self.tr("Record &application"))
        self.apply_button.setObjectName("apply_button")
        self.apply_button.clicked.connect(self._on_apply_clicked)
        application = QGroupBox(self.tr("Application"))
        form = QFormLayout(application)
        form.addRow(self.tr("&Court:"), self.courts)
        form.addRow("", self.courts_note)
        form.addRow(self.tr("Applied &on:"), self.applied_edit)
        form.addRow("", self.apply_button)

        # -- the court's steps
        self.current_label = QLabel()
        self.current_label.setObjectName("current_label")
        self.current_label.setWordWrap(True)
        self.accepted_edit = self._date_edit("court_accepted_on_edit")
        self.accept_button = QPushButton(self.tr("Record &acceptance"))
        self.accept_button.setObjectName("accept_button")
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.extension_edit = self._date_edit("extension_approved_on_edit")
        self.extend_button = QPushButton(self.tr("Record 10-day e&xtension"))
        self.extend_button.setObjectName("extend_button")
        self.extend_button.setToolTip(
            self.tr("The court president approved 10 more days for the court's decision")
        )
        self.extend_button.clicked.connect(self._on_extend_clicked)
        self.decision_combo = QComboBox()
        self.decision_combo.setObjectName("decision_combo")
        self.decision_combo.addItem(
            self.tr("Agreement confirmed valid"), ConfirmationDecision.VALID.value
        )
        self.decision_combo.addItem(
            self.tr("Application dismissed"), ConfirmationDecision.DISMISSED.value
        )
        self.ruling_edit = QLineEdit()
        self.ruling_edit.setObjectName("ruling_number_edit")
        self.ruling_edit.setPlaceholderText(self.tr("Ruling number, e.g. (2026) 内0502民特12号"))
        self.decided_edit = self._date_edit("decided_on_edit")
        self.decide_button = QPushButton(self.tr("Record &decision"))
        self.decide_button.setObjectName("decide_button")
        self.decide_button.clicked.connect(self._on_decide_clicked)
        court = QGroupBox(self.tr("Court"))
        steps = QFormLayout(court)
        steps.addRow(self.current_label)
        accepted = QHBoxLayout()
        accepted.addWidget(self.accepted_edit, 1)
        accepted.addWidget(self.accept_button)
        steps.addRow(self.tr("Accepted on:"), accepted)
        extension = QHBoxLayout()
        extension.addWidget(self.extension_edit, 1)
        extension.addWidget(self.extend_button)
        steps.addRow(self.tr("Extension approved on:"), extension)
        steps.addRow(self.tr("Decision:"), self.decision_combo)
        steps.addRow(self.tr("Ruling number:"), self.ruling_edit)
        decided = QHBoxLayout()
        decided.addWidget(self.decided_edit, 1)
        decided.addWidget(self.decide_button)
        steps.addRow(self.tr("Decided on:"), decided)

        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.case_label)
        layout.addWidget(self.window_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.acknowledge)
        layout.addWidget(application)
        layout.addWidget(court)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self._update_buttons()
        self.reload()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(to_qdate(self._today()))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    # -- texts -----------------------------------------------------------------------------------

    def warning_text(self, warning: ConfirmationWarning) -> str:
        match warning.code:
            case "agreement_decides_ownership":
                return self.tr(
                    "The agreement decides ownership or validity of an IP right: courts do not "
                    "confirm such agreements (SPC interpretation of the Civil Procedure Law, "
                    "Art. 355). The parties may sue over ownership instead."
                )
            case "ownership_dispute":
                return self.tr(
                    "This is an ownership dispute: if the agreement confirms ownership or "
                    "validity of the right, the court will not confirm it (SPC interpretation "
                    "of the Civil Procedure Law, Art. 355)."
                )
        return warning.message

    def reason_text(self, court: CourtChoice) -> str:
        texts = []
        for code, chinese in zip(court.reason_codes, court.reasons, strict=True):
            match code:
                case conf.REFERRING_COURT:
                    texts.append(self.tr("the court referred the case to mediation"))
                case conf.INTERMEDIATE:
                    texts.append(self.tr("the dispute belongs to the intermediate court"))
                case conf.MEDIATOR_LOCATION:
                    texts.append(self.tr("where the mediating office is"))
                case conf.PARTY_DOMICILE:
                    texts.append(self.tr("where a party lives"))
                case _:
                    texts.append(chinese)
        return "; ".join(dict.fromkeys(texts))  # two parties living there: said once

    def _decision_text(self, decision: ConfirmationDecision) -> str:
        if decision == ConfirmationDecision.VALID:
            return self.tr("agreement confirmed valid")
        return self.tr("application dismissed")

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        load = call(conf.confirmation_overview, self._case_id)
        self._desk.read(self, load, self._on_loaded, self._on_refused, purpose="load")

    def _on_loaded(self, overview: ConfirmationOverview) -> None:
        self.overview = overview
        self.case_label.setText(self.tr("Case {0}").format(overview.number))
        if overview.effective_on is None or overview.window_due_on is None:
            self.window_label.setText(self.tr("The agreement has not taken effect yet."))
            self.window_label.setStyleSheet(ERROR_STYLE)
        elif overview.window_missed:
            self.window_label.setText(
                self.tr(
                    "The agreement took effect on {0}; the 30 days to apply ended on {1}. "
                    "It can no longer be brought to a court for confirmation."
                ).format(overview.effective_on.isoformat(), overview.window_due_on.isoformat())
            )
            self.window_label.setStyleSheet(ERROR_STYLE)
        else:
            self.window_label.setText(
                self.tr("The agreement took effect on {0}; apply by {1}.").format(
                    overview.effective_on.isoformat(), overview.window_due_on.isoformat()
                )
            )
            self.window_label.setStyleSheet("")
        warnings = [self.warning_text(w) for w in overview.warnings]
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        self.acknowledge.setVisible(bool(warnings) and overview.may_apply)

        chosen = self.selected_court()
        self.courts.clear()
        bold = QFont()
        bold.setBold(True)
        for court in overview.courts:
            item = QListWidgetItem(f"{court.name} — {self.reason_text(court)}")
            item.setData(COURT_CODE_ROLE, court.code)
            item.setToolTip("\n".join(court.reasons))
            item.setFont(bold)
            self.courts.addItem(item)
        for court in overview.other_courts:
            # Shown for orientation, not to choose: the service refuses a court without a
            # ground (a wrong court dismisses the application while the 30 days run out).
            item = QListWidgetItem(self.tr("{0} (no ground of jurisdiction)").format(court.name))
            item.setData(COURT_CODE_ROLE, court.code)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            self.courts.addItem(item)
        proposed = overview.courts[0].code if overview.courts else ""
        grounded = {c.code for c in overview.courts}
        self.select_court(chosen if chosen in grounded else proposed)
        self.courts_note.setVisible(not overview.courts and overview.may_apply)

        current = overview.current
        self.current_label.setText(self._current_text(current))
        if current is not None:
            self.accepted_edit.setMinimumDate(to_qdate(current.applied_on))
        self._update_buttons()
        self.overview_loaded.emit(overview)

    def _current_text(self, current: ConfirmationInfo | None) -> str:
        if current is None:
            return self.tr("No application yet.")
        lines = [
            self.tr("Applied to {0} on {1}.").format(
                current.court_name, current.applied_on.isoformat()
            )
        ]
        if current.court_accepted_on:
            lines.append(
                self.tr("Accepted on {0}; the court decides by {1}{2}.").format(
                    current.court_accepted_on.isoformat(),
                    current.decision_due_on.isoformat() if current.decision_due_on else "—",
                    self.tr(" (extended)") if current.extended else "",
                )
            )
        if current.decision is not None and current.decided_on is not None:
            lines.append(
                self.tr("Decided on {0}: {1} ({2}).").format(
                    current.decided_on.isoformat(),
                    self._decision_text(current.decision),
                    current.ruling_number or "",
                )
            )
        return "\n".join(lines)

    # -- state of the buttons ----------------------------------------------------------------

    def selected_court(self) -> str | None:
        item = self.courts.currentItem()
        return str(item.data(COURT_CODE_ROLE)) if item is not None else None

    def select_court(self, code: str) -> None:
        for row in range(self.courts.count()):
            if self.courts.item(row).data(COURT_CODE_ROLE) == code:
                self.courts.setCurrentRow(row)
                return

    def _update_buttons(self, *_args: object) -> None:
        overview = self.overview
        may_apply = overview is not None and overview.may_apply
        self.courts.setEnabled(may_apply)
        self.applied_edit.setEnabled(may_apply)
        self.apply_button.setEnabled(may_apply and self.selected_court() is not None)
        current = overview.current if overview else None
        pending = (
            overview is not None
            and overview.status == CaseStatus.CONFIRMATION_REQUESTED
            and overview.may_record_decision
            and current is not None
            and current.decision is None
        )
        accepted = pending and current is not None and current.court_accepted_on is not None
        self.accepted_edit.setEnabled(pending and not accepted)
        self.accept_button.setEnabled(pending and not accepted)
        self.extension_edit.setEnabled(accepted and current is not None and not current.extended)
        self.extend_button.setEnabled(accepted and current is not None and not current.extended)
        for widget in (self.decision_combo, self.ruling_edit, self.decided_edit):
            widget.setEnabled(pending)
        self.decide_button.setEnabled(pending)

    # -- the steps -----------------------------------------------------------------------------

    def _run(self, step: Call[ConfirmationInfo], done: SignalInstance) -> None:
        self.error_label.setVisible(False)

        def finished(info: ConfirmationInfo) -> None:
            done.emit(info)
            self.reload()

        self._desk.write(self, step, finished, self._on_refused, changes=case_change(self._case_id))

    def _on_refused(self, refusal: Refusal) -> None:
        text = refusal.text
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.refused.emit(text)

    def _on_apply_clicked(self) -> None:
        overview, court = self.overview, self.selected_court()
        if overview is None or court is None:
            return
        self._run(
            call(
                conf.apply_for_confirmation,
                self._case_id,
                overview.version,
                court_code=court,
                applied_on=from_qdate(self.applied_edit.date()),
                acknowledge_warnings=self.acknowledge.isChecked(),
            ),
            self.confirmation_applied,
        )

    def _on_accept_clicked(self) -> None:
        accepted_on = from_qdate(self.accepted_edit.date())
        self._run(
            call(conf.record_court_acceptance, self._case_id, accepted_on=accepted_on),
            self.court_acceptance_recorded,
        )

    def _on_extend_clicked(self) -> None:
        approved_on = from_qdate(self.extension_edit.date())
        self._run(
            call(conf.extend_court_decision, self._case_id, approved_on=approved_on),
            self.extension_recorded,
        )

    def _on_decide_clicked(self) -> None:
        overview = self.overview
        if overview is None:
            return
        self._run(
            call(
                conf.record_court_decision,
                self._case_id,
                overview.version,
                decision=str(self.decision_combo.currentData()),
                ruling_number=self.ruling_edit.text(),
                decided_on=from_qdate(self.decided_edit.date()),
            ),
            self.decision_recorded,
        )
