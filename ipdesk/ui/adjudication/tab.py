"""The case view's "Adjudication" tab: the procedure's steps, the panel, the service
receipts (送达回证), the records and the decision, loaded in the background."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import call
from ipdesk.services.cases import adjudication as adj
from ipdesk.services.cases.adjudication import AdjudicationView
from ipdesk.ui.adjudication.texts import document_labels, method_labels, outcome_labels, step_text
from ipdesk.ui.desk import CASE_WORK, Change, Desk, Refusal
from ipdesk.ui.text_table import fill_text_table, text_table


class AdjudicationTab(QWidget):
    """``loaded(AdjudicationView | None)`` after each load."""

    loaded = Signal(object)

    def __init__(self, desk: Desk, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.case_id = desk, case_id
        self.view: AdjudicationView | None = None
        self.setObjectName("adjudication_tab")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("adjudication_summary")
        self.summary_label.setWordWrap(True)
        self.steps_table = text_table(
            "steps_table", [self.tr("Step"), self.tr("Date"), self.tr("Done")]
        )
        self.services_table = text_table(
            "services_table",
            [
                self.tr("Document"),
                self.tr("Recipient"),
                self.tr("How"),
                self.tr("Sent"),
                self.tr("Received"),
                self.tr("Signed by"),
            ],
        )
        self.records_table = text_table(
            "proceedings_table", [self.tr("Record"), self.tr("Date"), self.tr("Content")]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.steps_table, 2)
        layout.addWidget(QLabel(self.tr("Service receipts")))
        layout.addWidget(self.services_table, 1)
        layout.addWidget(QLabel(self.tr("Evidence exchange and hearing records")))
        layout.addWidget(self.records_table, 1)
        desk.follow(self, CASE_WORK, self._on_changed)
        self.reload()

    def _on_changed(self, change: Change) -> None:
        if change.concerns_case(self.case_id):
            self.reload()

    def reload(self) -> None:
        load = call(adj.get_adjudication, self.case_id)
        self.desk.read(self, load, self._on_loaded, self._on_refused, purpose="load")

    def _on_refused(self, refusal: Refusal) -> None:
        self.summary_label.setText(refusal.text)

    def _on_loaded(self, view: AdjudicationView | None) -> None:
        self.view = view
        if view is None:
            self.summary_label.setText(self.tr("This case is not being adjudicated."))
            for table in (self.steps_table, self.services_table, self.records_table):
                table.setRowCount(0)
            self.loaded.emit(view)
            return
        lines = [self.tr("Step: {0}").format(step_text(view.step))]
        if view.officers:
            names = self.tr(", ").join(
                o.name + (self.tr(" (presiding)") if o.presiding else "") for o in view.officers
            )
            lines.append(self.tr("Panel: {0}").format(names))
        if view.defence_due and not view.defence_received_on and not view.no_defence:
            lines.append(self.tr("Defence due: {0}").format(view.defence_due.isoformat()))
        if view.hearing_on:
            lines.append(
                self.tr("Oral hearing: {0}, {1}").format(
                    view.hearing_on.isoformat(), view.hearing_place or ""
                )
            )
        if view.suspended:
            lines.append(
                self.tr("Suspended: invalidation request {0} pending").format(
                    view.invalidation_number or ""
                )
            )
        if view.decided_on:
            found = (
                self.tr("infringement found")
                if view.infringement_found
                else self.tr("infringement not found")
            )
            lines.append(
                self.tr("Decision {0} of {1}: {2}").format(
                    view.decision_number or "", view.decided_on.isoformat(), found
                )
            )
        if view.suit_window_due:
            lines.append(
                self.tr("Window to sue ends: {0}").format(view.suit_window_due.isoformat())
            )
        if view.window_outcome:
            lines.append(outcome_labels().get(view.window_outcome, view.window_outcome))
        if view.enforcement_reminded_on and view.enforcement_possible_after:
            lines.append(
                self.tr("Reminder served {0}: enforcement may be applied for after {1}").format(
                    view.enforcement_reminded_on.isoformat(),
                    view.enforcement_possible_after.isoformat(),
                )
            )
        self.summary_label.setText("\n".join(lines))
        fill_text_table(
            self.steps_table,
            [
                [
                    step_text(s.step),
                    s.on.isoformat() if s.on else "",
                    "✓" if s.done else "",
                ]
                for s in view.steps
            ],
        )
        documents, methods = document_labels(), method_labels()
        fill_text_table(
            self.services_table,
            [
                [
                    documents.get(s.document, s.document),
                    s.recipient,
                    methods.get(s.method, s.method),
                    s.sent_on.isoformat(),
                    s.received_on.isoformat(),
                    s.signed_by or "",
                ]
                for s in view.services
            ],
        )
        kinds = {
            "evidence_exchange": self.tr("Evidence exchange"),
            "hearing": self.tr("Oral hearing"),
        }
        fill_text_table(
            self.records_table,
            [[kinds.get(r.kind, r.kind), r.held_on.isoformat(), r.content] for r in view.records],
        )
        self.loaded.emit(view)
