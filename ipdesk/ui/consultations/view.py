"""The consultations list with its filters and actions.

Shows one row per agency request within the user's scope (all of them, or one case's when
``case_id`` is given), filtered by agency, state, kind and — for city-wide users — office.
Every query runs in the background on the user's desk; a newer query
makes the answer of an older one be dropped. The action buttons open the dialogs of
``ipdesk.ui.consultations.dialogs``; whatever they save reloads the list.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipdesk.models import ConsultationKind, ConsultationState
from ipdesk.remote.calls import Call, call
from ipdesk.services.admin.agencies import AgencyInfo
from ipdesk.services.cases import consultations as cs
from ipdesk.services.cases.consultations import (
    ConsultationFilter,
    ConsultationPage,
    ConsultationRow,
    RowState,
)
from ipdesk.services.queries import read_models
from ipdesk.ui.consultations.dialogs import (
    AnswerDialog,
    ConcludeDialog,
    ConsultationRequestDialog,
    MeetingDialog,
    WithdrawDialog,
)
from ipdesk.ui.consultations.model import (
    CASE_ID_ROLE,
    ConsultationsTableModel,
    kind_text,
    state_text,
)
from ipdesk.ui.desk import Change, ChangeKind, Desk, Refusal
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.service_dialog import ServiceDialog
from ipdesk.ui.tasks import drop

log = logging.getLogger(__name__)

Today = Callable[[], dt.date]


class ConsultationsView(QWidget):
    rows_loaded = Signal(int)
    """A query finished: the number of matching rows."""
    consultation_changed = Signal(object)
    """A dialog saved something: the ``ConsultationInfo`` after the change."""
    case_open_requested = Signal(int)
    """The user asked to open a case (its id)."""
    load_failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        case_id: int | None = None,
        page_size: int = 100,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self._case_id = case_id
        self._today = desk.today
        self._page_size = page_size
        self.agencies: list[AgencyInfo] = []
        self.current_dialog: ServiceDialog | None = None
        self.setObjectName("consultations_view")

        self.model = ConsultationsTableModel(self)
        self.model.fetch_requested.connect(self._on_fetch_requested)
        desk.follow(self, [ChangeKind.CONSULTATIONS], self._on_changed)
        self.table = QTableView()
        self.table.setObjectName("consultations_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.agency_filter = QComboBox()
        self.agency_filter.setObjectName("agency_filter")
        self.agency_filter.addItem(self.tr("All agencies"), None)
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("state_filter")
        self.state_filter.addItem(self.tr("All states"), None)
        for state in RowState:
            self.state_filter.addItem(state_text(state), state.value)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in ConsultationKind:
            self.kind_filter.addItem(kind_text(kind), kind.value)
        self.office_filter = QComboBox()
        self.office_filter.setObjectName("office_filter")
        self.office_filter.addItem(self.tr("All offices"), None)
        self.office_filter.setVisible(self._actor.is_citywide and case_id is None)
        for combo in (self.agency_filter, self.state_filter, self.kind_filter, self.office_filter):
            combo.currentIndexChanged.connect(self.reload)

        self.summary = QLabel()
        self.summary.setObjectName("consultations_summary")
        self.request_button = QPushButton(self.tr("&New consultation…"))
        self.request_button.setObjectName("request_button")
        self.request_button.setVisible(case_id is not None)
        self.request_button.clicked.connect(self._on_request_clicked)
        self.answer_button = QPushButton(self.tr("Record &answer…"))
        self.answer_button.setObjectName("answer_button")
        self.answer_button.clicked.connect(self._on_answer_clicked)
        self.meeting_button = QPushButton(self.tr("Record &meeting…"))
        self.meeting_button.setObjectName("meeting_button")
        self.meeting_button.clicked.connect(self._on_meeting_clicked)
        self.withdraw_button = QPushButton(self.tr("&Withdraw request…"))
        self.withdraw_button.setObjectName("withdraw_button")
        self.withdraw_button.clicked.connect(self._on_withdraw_clicked)
        self.conclude_button = QPushButton(self.tr("&Conclude…"))
        self.conclude_button.setObjectName("conclude_button")
        self.conclude_button.clicked.connect(self._on_conclude_clicked)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Filter:")))
        for combo in (self.agency_filter, self.state_filter, self.kind_filter, self.office_filter):
            filters.addWidget(combo)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (
            self.request_button,
            self.answer_button,
            self.meeting_button,
            self.withdraw_button,
            self.conclude_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._update_buttons()
        self._load_choices()

    # -- loading ------------------------------------------------------------------------------

    def _load_choices(self) -> None:
        citywide = self._actor.is_citywide and self._case_id is None  # one case: no office filter
        load = call(read_models.consultation_choices, with_offices=citywide)
        self._desk.read(self, load, self._on_choices_loaded, self._on_failed, purpose="choices")

    def _on_choices_loaded(self, choices: read_models.ConsultationChoices) -> None:
        self.agencies = choices.agencies
        for combo in (self.agency_filter, self.office_filter):
            combo.blockSignals(True)
        for agency in choices.agencies:
            self.agency_filter.addItem(agency.name, agency.id)
        for office in choices.offices:
            self.office_filter.addItem(f"{office.code} {office.name}", office.id)
        for combo in (self.agency_filter, self.office_filter):
            combo.blockSignals(False)
        self.reload()

    def _on_changed(self, change: Change) -> None:
        if self._case_id is None or change.concerns_case(self._case_id):
            self.reload()

    def current_filter(self) -> ConsultationFilter:
        state = self.state_filter.currentData()
        kind = self.kind_filter.currentData()
        return ConsultationFilter(
            agency_id=self.agency_filter.currentData(),
            state=RowState(state) if state else None,
            office_id=self.office_filter.currentData(),
            kind=ConsultationKind(kind) if kind else None,
            case_id=self._case_id,
        )

    def reload(self, *_args: object) -> None:
        """Run the query of the current filters again (first page)."""
        drop(self, "page")  # a later page of the previous query no longer fits
        self._desk.read(self, self._loader(0), self._on_loaded, self._on_failed, purpose="load")

    def _loader(self, offset: int) -> Call[ConsultationPage]:
        where = self.current_filter()
        return call(cs.list_consultations, where, limit=self._page_size, offset=offset)

    def _on_loaded(self, page: ConsultationPage) -> None:
        self.model.set_page(page)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("%n request(s)", "", page.total))
        self._update_buttons()
        self.rows_loaded.emit(page.total)

    def _on_fetch_requested(self, offset: int) -> None:
        def failed(refusal: Refusal) -> None:
            self.model.fetch_failed()
            self._on_failed(refusal)

        self._desk.read(self, self._loader(offset), self.model.append_page, failed, purpose="page")

    def _on_failed(self, refusal: Refusal) -> None:
        log.error("Loading the consultations failed: %s", refusal.text)
        text = refusal.text
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(text)
        self.load_failed.emit(text)

    # -- selection and actions -----------------------------------------------------------------

    def selected_row(self) -> ConsultationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected_row()
        open_consultation = row is not None and row.consultation_state == ConsultationState.OPEN
        waiting = (
            open_consultation
            and row is not None
            and row.answered_on is None
            and row.state != RowState.WITHDRAWN
        )
        self.answer_button.setEnabled(waiting)
        self.withdraw_button.setEnabled(waiting)
        self.meeting_button.setEnabled(
            open_consultation and row is not None and row.kind == ConsultationKind.CONSULTATION
        )
        self.conclude_button.setEnabled(open_consultation)

    def _open(self, dialog: ServiceDialog) -> None:
        """Show ``dialog`` window-modal (without blocking); what it saves reloads the list."""
        self.current_dialog = dialog
        dialog.saved.connect(self._on_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_saved(self, info: object) -> None:
        self.consultation_changed.emit(info)  # the desk told every list already

    def _on_request_clicked(self) -> None:
        if self._case_id is None:
            return
        self._open(
            ConsultationRequestDialog(
                self._desk,
                self._case_id,
                self.agencies,
                self,
            )
        )

    def _on_answer_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open(
                AnswerDialog(
                    self._desk,
                    row.request_id,
                    row.agency_name,
                    self,
                )
            )

    def _on_meeting_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open(MeetingDialog(self._desk, row.consultation_id, self))

    def _on_withdraw_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open(
                WithdrawDialog(
                    self._desk,
                    request_id=row.request_id,
                    what=row.agency_name,
                    parent=self,
                )
            )

    def _on_conclude_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open(ConcludeDialog(self._desk, row.consultation_id, self))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if case_id is not None:
            self.case_open_requested.emit(int(case_id))
