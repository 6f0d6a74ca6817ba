"""One case: summary and handling limit, parties, evidence, timeline, documents, actions.

Loads :func:`ipdesk.services.queries.cases_query.case_detail` (personal data masked) with the
actions the user may take now (:func:`ipdesk.services.cases.workflow.available_actions`) in the
background. Each action button opens an :class:`ActionDialog`; after it succeeded the view
reloads. "Show personal data" (only for users who may see it) asks the service for the
unmasked detail and records the access in the audit log in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import call
from ipdesk.services import documents
from ipdesk.services.cases import evidence
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.services.queries import read_models
from ipdesk.services.queries.cases_query import CaseDetail
from ipdesk.ui.adjudication.openers import ADJUDICATION_OPENERS
from ipdesk.ui.adjudication.tab import AdjudicationTab
from ipdesk.ui.adjudication.texts import event_texts as adjudication_event_texts
from ipdesk.ui.agreement.openers import AGREEMENT_OPENERS
from ipdesk.ui.case_view.actions import FIELDS, ActionDialog, action_text
from ipdesk.ui.case_view.clock_dialog import open_clock_dialog
from ipdesk.ui.case_view.correction_dialog import open_correction_dialog
from ipdesk.ui.case_view.event_details import event_note
from ipdesk.ui.case_view.evidence_dialog import open_evidence_dialog
from ipdesk.ui.consultations.view import ConsultationsView
from ipdesk.ui.desk import Change, ChangeKind, Desk, Refusal
from ipdesk.ui.flow_layout import FlowLayout
from ipdesk.ui.intake.labels import (
    channel_labels,
    dispute_type_labels,
    ip_type_labels,
    kind_labels,
    label,
    role_labels,
    status_labels,
)
from ipdesk.ui.mediation_records.dialog import open_session_dialog
from ipdesk.ui.mediation_records.view import MediationRecordsView
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.similar_cases.tab import SimilarCasesTab

_SHOWN = (ChangeKind.CASES, ChangeKind.DOCUMENTS, ChangeKind.CONSULTATIONS, ChangeKind.HOLIDAYS)
"""What a case view shows: the case, its documents and consultations, its limits (which
holidays move)."""


def _local(at: dt.datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} B"


class CaseView(QWidget):
    """The case ``case_id``. ``loaded(detail)`` after each load; ``action_done(action)``
    after a transition; ``case_changed(case_id)`` so that lists can refresh."""

    loaded = Signal(object)
    load_failed = Signal(str)
    action_done = Signal(str)
    case_changed = Signal(int)
    mediator_assigned = Signal(str, str)
    """A mediator was assigned from here: the case's number and the mediator's name."""
    document_generated = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        parent: QWidget | None = None,
        *,
        attachment_store: Path,
        document_store: Path,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        actor = self._actor = self.actor = desk.actor
        self.case_id = case_id
        self._attachment_store = self.attachment_store = attachment_store
        self._document_store = self.document_store = document_store
        self.detail: CaseDetail | None = None
        self.available: list[CaseAction] = []
        self.action_dialog: QDialog | None = None
        self._reveal = False
        self.setObjectName("case_view")

        self.title_label = QLabel()
        self.title_label.setObjectName("title_label")
        self.title_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.limit_label = QLabel()
        self.limit_label.setObjectName("limit_label")
        self.limit_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        # Wraps to a second row rather than squeezing a manager's many buttons together.
        self.actions_bar = FlowLayout()
        self.action_buttons: dict[str, QPushButton] = {}

        # -- summary
        summary = QWidget()
        self.summary_form = QFormLayout(summary)
        self.summary_labels: dict[str, QLabel] = {}
        for key, text in (
            ("status", self.tr("Status:")),
            ("office", self.tr("Office:")),
            ("station", self.tr("Station:")),
            ("mediator", self.tr("Mediator:")),
            ("ip", self.tr("IP right:")),
            ("dispute_type", self.tr("Dispute type:")),
            ("channel", self.tr("Channel:")),
            ("received", self.tr("Received:")),
            ("accepted", self.tr("Accepted:")),
            ("amount", self.tr("Amount claimed:")),
            ("facts", self.tr("Facts and reasons:")),
            ("claim", self.tr("Claim:")),
        ):
            value = QLabel()
            value.setObjectName(f"{key}_value")
            value.setWordWrap(True)
            self.summary_labels[key] = value
            self.summary_form.addRow(text, value)

        # -- parties
        parties = QWidget()
        self.parties_table = self._table(
            "parties_table",
            [
                self.tr("Role"),
                self.tr("Kind"),
                self.tr("Name"),
                self.tr("ID number"),
                self.tr("Phone"),
                self.tr("Address"),
            ],
        )
        self.reveal_button = QPushButton(self.tr("Show personal data"))
        self.reveal_button.setObjectName("reveal_button")
        self.reveal_button.setToolTip(
            self.tr("Shows ID numbers, phones and addresses in full; the access is logged")
        )
        self.reveal_button.setVisible(actor.may_view_personal_data)
        self.reveal_button.clicked.connect(self.reveal_personal_data)
        box = QVBoxLayout(parties)
        box.addWidget(self.parties_table)
        box.addWidget(self.reveal_button)

        # -- evidence
        evidence = QWidget()
        self.evidence_table = self._table(
            "evidence_table",
            [self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("By"), self.tr("Note")],
        )
        self.evidence_table.cellDoubleClicked.connect(lambda row, _c: self.open_attachment(row))
        self.open_evidence_button = QPushButton(self.tr("&Open file"))
        self.open_evidence_button.setObjectName("open_evidence_button")
        self.open_evidence_button.clicked.connect(
            lambda: self.open_attachment(self.evidence_table.currentRow())
        )
        box = QVBoxLayout(evidence)
        box.addWidget(self.evidence_table)
        box.addWidget(self.open_evidence_button)

        # -- timeline
        self.timeline_table = self._table(
            "timeline_table",
            [
                self.tr("When"),
                self.tr("Event"),
                self.tr("Status"),
                self.tr("By"),
                self.tr("Reason"),
            ],
        )

        # -- documents
        docs = QWidget()
        self.documents_table = self._table(
            "documents_table",
            [self.tr("Document"), self.tr("Version"), self.tr("Created"), self.tr("Author")],
        )
        self.documents_table.cellDoubleClicked.connect(lambda row, _c: self.open_document(row))
        self.offers: list[documents.DocumentOffer] = []
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("document_kind_combo")
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.setObjectName("generate_button")
        self.generate_button.setEnabled(False)
        self.generate_button.clicked.connect(self.generate_document)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missing_label")
        self.missing_label.setWordWrap(True)
        self.open_document_button = QPushButton(self.tr("Open &document"))
        self.open_document_button.setObjectName("open_document_button")
        self.open_document_button.clicked.connect(
            lambda: self.open_document(self.documents_table.currentRow())
        )
        row = QHBoxLayout()
        row.addWidget(self.kind_combo, 1)
        row.addWidget(self.generate_button)
        row.addWidget(self.open_document_button)
        box = QVBoxLayout(docs)
        box.addWidget(self.documents_table)
        box.addLayout(row)
        box.addWidget(self.missing_label)

        # -- consultations with partner agencies (their own list, loaded in the background)
        self.consultations = ConsultationsView(desk, case_id=case_id)
        self.consultations.consultation_changed.connect(self._on_consultation_changed)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tabs.addTab(summary, self.tr("Summary"))
        self.tabs.addTab(parties, self.tr("Parties"))
        self.tabs.addTab(evidence, self.tr("Evidence"))
        self.tabs.addTab(self.timeline_table, self.tr("Timeline"))
        self.tabs.addTab(docs, self.tr("Documents"))
        self.tabs.addTab(self.consultations, self.tr("Consultations"))
        self.mediation_records = MediationRecordsView(desk, case_id)
        self.tabs.addTab(self.mediation_records, self.tr("Mediation records"))
        self.adjudication = AdjudicationTab(desk, case_id)
        self.tabs.addTab(self.adjudication, self.tr("Adjudication"))
        self.similar_cases = SimilarCasesTab(desk, case_id)
        self.tabs.addTab(self.similar_cases, self.tr("Like cases"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.limit_label)
        actions = QWidget()
        actions.setObjectName("actions_bar")
        actions.setLayout(self.actions_bar)
        layout.addWidget(actions)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        desk.follow(self, _SHOWN, self._on_changed)
        self.reload()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))

    # -- opening files (class-level so tests can replace them) ---------------------------------

    @classmethod
    def open_url(cls, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        if self._reveal:  # revealing personal data is recorded
            revealed = call(read_models.case_page_revealed, self.case_id)
            self.desk.write(
                self, revealed, self._on_loaded, self._on_load_failed, changes=None, purpose="load"
            )
        else:
            load = call(read_models.case_page, self.case_id)
            self.desk.read(self, load, self._on_loaded, self._on_load_failed, purpose="load")

    def _on_changed(self, change: Change) -> None:
        if ChangeKind.HOLIDAYS in change.kinds or change.concerns_case(self.case_id):
            self.reload()

    def reveal_personal_data(self) -> None:
        self._reveal = True
        self.reload()

    def _on_load_failed(self, refusal: Refusal) -> None:
        text = refusal.text
        self._reveal = False
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.load_failed.emit(text)

    def _on_loaded(self, loaded: read_models.CasePage) -> None:
        detail = self.detail = loaded.detail
        self.available = loaded.actions
        self.error_label.setVisible(False)
        self.title_label.setText(
            self.tr("Case {0} — {1}").format(detail.number, label(status_labels(), detail.status))
        )
        self.limit_label.setText(self.limit_text(detail))
        self.limit_label.setStyleSheet(ERROR_STYLE if "overdue" in detail.flags else "")
        s = self.summary_labels
        s["status"].setText(label(status_labels(), detail.status))
        s["office"].setText(f"{detail.office_name} ({detail.office_code})")
        s["station"].setText(detail.station_name or "")
        s["mediator"].setText(detail.mediator or self.tr("not assigned"))
        right = " ".join(x for x in (detail.right_number or "", detail.right_holder or "") if x)
        s["ip"].setText(f"{label(ip_type_labels(), detail.ip_type)} {right}".strip())
        s["dispute_type"].setText(label(dispute_type_labels(), detail.dispute_type))
        channel = label(channel_labels(), detail.channel)
        if detail.court_case_number:
            channel += f" — {detail.referring_court or ''} {detail.court_case_number}"
        s["channel"].setText(channel)
        s["received"].setText(detail.received_on.isoformat())
        s["accepted"].setText(detail.accepted_on.isoformat() if detail.accepted_on else "—")
        s["amount"].setText(
            self.tr("{0} yuan").format(detail.amount_claimed)
            if detail.amount_claimed is not None
            else "—"
        )
        s["facts"].setText(detail.facts)
        s["claim"].setText(detail.claim)

        self._fill(
            self.parties_table,
            [
                [
                    label(role_labels(), p.role),
                    label(kind_labels(), p.kind),
                    p.name,
                    p.id_number or "",
                    p.phone or "",
                    p.address or "",
                ]
                for p in detail.parties
            ],
        )
        self.reveal_button.setEnabled(not detail.personal_data_revealed)
        self._fill(
            self.evidence_table,
            [
                [
                    a.original_name,
                    _size(a.size),
                    _local(a.added_at),
                    a.added_by or "",
                    a.description or "",
                ]
                for a in detail.attachments
            ],
        )
        statuses = status_labels()
        self._fill(
            self.timeline_table,
            [
                [
                    _local(e.at),
                    self.event_text(e.kind),
                    " → ".join(label(statuses, x) for x in (e.from_status, e.to_status) if x),
                    e.user or "ipdesk-admin",
                    event_note(e.kind, e.reason, e.details),
                ]
                for e in detail.timeline
            ],
        )
        self._documents = loaded.documents
        self._fill(
            self.documents_table,
            [[d.title, str(d.version), _local(d.created_at), d.author] for d in loaded.documents],
        )
        self._show_offers(loaded.offers)
        self._rebuild_actions()
        if isinstance(self.action_dialog, ActionDialog) and self.action_dialog.isVisible():
            self.action_dialog.set_version(detail.version_id)
        self.loaded.emit(detail)

    def limit_text(self, detail: CaseDetail) -> str:
        parts = []
        limits = {lim.kind: lim for lim in detail.limits}
        handling = limits.get("handling")
        deciding = detail.accepted_on is None and detail.status == "registered"
        if detail.is_suspended:
            since = next(
                (
                    str(e.details.get("start_on"))
                    for e in reversed(detail.timeline)
                    if e.kind == "suspended" and e.details and e.details.get("start_on")
                ),
                None,
            )
            if since:
                parts.append(
                    self.tr("Suspended since {0}: the handling clock is stopped.").format(since)
                )
            else:
                parts.append(self.tr("Suspended: the 60-day clock is stopped."))
        elif handling is not None and handling.state == "met" and handling.met_on is not None:
            due, ended = handling.due_on, handling.met_on
            if due is not None and ended > due:
                parts.append(
                    self.tr(
                        "Handling ended on {0}, %n day(s) after its due date {1}.",
                        "",
                        (ended - due).days,
                    ).format(ended.isoformat(), due.isoformat())
                )
            else:
                parts.append(
                    self.tr("Handling ended on {0}, on time (due {1}).").format(
                        ended.isoformat(), due.isoformat() if due else "—"
                    )
                )
        elif deciding and detail.due_on is not None and detail.days_left is not None:
            if detail.days_left < 0:
                parts.append(
                    self.tr(
                        "Decision on acceptance overdue since {0} (%n day(s)).",
                        "",
                        -detail.days_left,
                    ).format(detail.due_on.isoformat())
                )
            else:
                parts.append(
                    self.tr(
                        "Decision on acceptance due {0}: %n day(s) left.", "", detail.days_left
                    ).format(detail.due_on.isoformat())
                )
        elif detail.due_on is not None and detail.days_left is not None:
            if detail.days_left < 0:
                parts.append(
                    self.tr("Overdue since {0} (%n day(s)).", "", -detail.days_left).format(
                        detail.due_on.isoformat()
                    )
                )
            else:
                parts.append(
                    self.tr("Due {0}: %n day(s) left.", "", detail.days_left).format(
                        detail.due_on.isoformat()
                    )
                )
        elif detail.due_on is not None:
            parts.append(self.tr("Due {0}.").format(detail.due_on.isoformat()))
        elif detail.accepted_on is None:
            parts.append(self.tr("Not accepted yet: the handling limit has not started."))
        if any(not lim.calendar_covered for lim in detail.limits):
            parts.append(
                self.tr("Provisional: the holiday calendar does not cover the due year yet.")
            )
        return " ".join(parts)

    def event_text(self, kind: str) -> str:
        texts = {
            "registered": self.tr("Registered"),
            "accepted": self.tr("Accepted"),
            "rejected": self.tr("Rejected"),
            "assigned": self.tr("Mediator assigned"),
            "transferred": self.tr("Transferred"),
            "mediation_started": self.tr("Mediation started"),
            "agreement_recorded": self.tr("Agreement reached"),
            "agreement_updated": self.tr("Agreement corrected"),
            "confirmation_requested": self.tr("Confirmation requested"),
            "confirmation_accepted": self.tr("Court accepted the application"),
            "confirmation_extended": self.tr("Court's decision limit extended"),
            "confirmed": self.tr("Confirmed"),
            "confirmation_denied": self.tr("Confirmation denied"),
            "failed": self.tr("Mediation failed"),
            "withdrawn": self.tr("Withdrawn"),
            "closed": self.tr("Closed"),
            "reopened": self.tr("Reopened"),
            "suspended": self.tr("Suspended"),
            "resumed": self.tr("Resumed"),
            "extended": self.tr("Extended"),
            "corrected": self.tr("Case corrected"),
            "evidence_added": self.tr("Evidence added"),
            "mediation_session": self.tr("Mediation session recorded"),
            **adjudication_event_texts(),
        }
        return texts.get(kind, kind)

    # -- actions -------------------------------------------------------------------------------

    def _rebuild_actions(self) -> None:
        for button in self.action_buttons.values():
            self.actions_bar.removeWidget(button)
            button.hide()  # gone at once, not when the event loop deletes it
            button.deleteLater()
        self.action_buttons = {}
        for action in self.available:
            if action not in ACTION_OPENERS and action not in FIELDS:
                continue  # no dialog yet
            button = QPushButton(action_text(action))
            button.setObjectName(f"{action}_button")
            button.clicked.connect(lambda _c=False, a=action: self.open_action(a))
            self.actions_bar.addWidget(button)
            self.action_buttons[action] = button

    def open_action(self, action: str) -> QDialog:
        """Open the dialog of ``action`` (window-modal, not blocking) and return it."""
        assert self.detail is not None
        opener = ACTION_OPENERS.get(CaseAction(action), open_action_dialog)
        dialog = opener(self, CaseAction(action))
        dialog.finished.connect(lambda _code, d=dialog: self._on_dialog_finished(d))
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def action_performed(self, action: str) -> None:
        """An action's dialog did its work: show the case as it is now, tell the lists."""
        self._on_action_done(action)

    def _on_dialog_finished(self, dialog: QDialog) -> None:
        if self.action_dialog is dialog:
            self.action_dialog = None
        dialog.deleteLater()

    def _on_consultation_changed(self, _info: object) -> None:
        self.reload()  # the timeline has a new event
        self.case_changed.emit(self.case_id)

    def _on_action_done(self, action: str) -> None:
        self.reload()
        if action == CaseAction.RECORD_SESSION:
            self.mediation_records.reload()
        self.action_done.emit(action)
        self.case_changed.emit(self.case_id)

    # -- files ---------------------------------------------------------------------------------

    def open_attachment(self, row: int) -> None:
        if self.detail is None or not 0 <= row < len(self.detail.attachments):
            return
        attachment = self.detail.attachments[row]
        # a private copy written from the database; never a program (check_openable)
        self.desk.file(
            self, call(evidence.attachment_file, attachment.id), self._open_path, self._on_refused
        )

    def _show_offers(self, offers: list[documents.DocumentOffer]) -> None:
        """The kinds the case offers now. A kind whose facts are incomplete can be chosen
        to see what it lacks (shown under the list); Generate stays off for it."""
        chosen = self.kind_combo.currentData()
        self.offers = offers
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for offer in offers:
            self.kind_combo.addItem(offer.title, offer.kind.value)
        index = self.kind_combo.findData(chosen)
        if index < 0:  # the first one that is ready, else the first
            ready = [i for i, o in enumerate(offers) if o.ready]
            index = ready[0] if ready else 0
        self.kind_combo.setCurrentIndex(index)
        self.kind_combo.blockSignals(False)
        self.kind_combo.setEnabled(bool(offers))
        self._on_kind_changed(index)

    def _on_kind_changed(self, index: int) -> None:
        offer = self.offers[index] if 0 <= index < len(self.offers) else None
        self.generate_button.setEnabled(offer is not None and offer.ready)
        if offer is None:
            self.missing_label.setText(
                self.tr("No document can be issued by you for this case at its stage.")
            )
        elif offer.missing:
            self.missing_label.setText(
                self.tr("{0} cannot be generated yet. Missing: {1}").format(
                    offer.title, self.tr(", ").join(offer.missing)
                )
            )
        else:
            self.missing_label.setText("")
        self.missing_label.setVisible(bool(self.missing_label.text()))

    def generate_document(self) -> None:
        case_id, kind = self.case_id, str(self.kind_combo.currentData())
        self.generate_button.setEnabled(False)
        self.desk.write(
            self,
            call(documents.render_document, case_id, kind),
            self._on_generated,
            self._on_refused,
            changes=Change.of(ChangeKind.DOCUMENTS, case_ids=[case_id]),
        )

    def _on_generated(self, generated: documents.GeneratedDocument) -> None:
        self.document_generated.emit(generated)
        self.desk.file(
            self, generated.path, self._open_path, self._on_refused, sha256=generated.sha256
        )
        self.reload()

    def open_document(self, row: int) -> None:
        docs = getattr(self, "_documents", [])
        if not 0 <= row < len(docs):
            return
        doc = docs[row]
        self.desk.file(
            self,
            call(documents.document_file, doc.document_id),
            self._open_path,
            self._on_refused,
            sha256=doc.sha256,
        )

    def _open_path(self, path: Path) -> None:
        self.open_url(QUrl.fromLocalFile(str(path)))

    def _on_refused(self, refusal: Refusal) -> None:
        self._on_kind_changed(self.kind_combo.currentIndex())
        text = refusal.text
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.refused.emit(text)


# -- what each action's button opens ---------------------------------------------------------

ActionOpener = Callable[[CaseView, CaseAction], QDialog]


def open_action_dialog(view: CaseView, action: CaseAction) -> QDialog:
    """The small dialog that asks for a transition's input (``ActionDialog``)."""
    assert view.detail is not None
    dialog = ActionDialog(
        view.desk, view.case_id, view.detail.version_id, view.detail.office_id, action, view
    )
    dialog.performed.connect(lambda _r: view.action_performed(action))
    dialog.mediator_assigned.connect(view.mediator_assigned)
    dialog.reload_requested.connect(view.reload)
    return dialog


#: The actions with a dialog of their own; the others use ``open_action_dialog``. Each
#: opener connects its dialog's success to ``view.action_performed(action)``.
ACTION_OPENERS: dict[CaseAction, ActionOpener] = {
    **AGREEMENT_OPENERS,  # the agreement editor, the judicial-confirmation dialog
    **ADJUDICATION_OPENERS,  # the steps of the administrative adjudication
    CaseAction.CORRECT: open_correction_dialog,
    CaseAction.ADD_EVIDENCE: open_evidence_dialog,
    CaseAction.RECORD_SESSION: open_session_dialog,
    CaseAction.SUSPEND: open_clock_dialog,
    CaseAction.RESUME: open_clock_dialog,
    CaseAction.EXTEND: open_clock_dialog,
}
