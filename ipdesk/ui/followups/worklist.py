"""The follow-up work list: the planned visits the user answers for, overdue first, and the
button that records one."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
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

from ipdesk.models import CaseCategory
from ipdesk.remote.calls import call
from ipdesk.services.cases.followups import VisitInfo, work_list
from ipdesk.ui.alerts.model import days_left_text
from ipdesk.ui.desk import ChangeKind, Desk, Refusal
from ipdesk.ui.followups.record_dialog import RecordVisitDialog
from ipdesk.ui.row_table import RowTableModel

log = logging.getLogger(__name__)

CASE, OFFICE, CATEGORY, PLANNED, DEADLINE, LEFT, RESPONSIBLE = range(7)
_RED = QColor(180, 0, 0)
_AMBER = QColor(160, 95, 0)


class WorkListModel(RowTableModel[VisitInfo]):
    """Read-only rows of :class:`VisitInfo`; overdue visits in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Case"),
                self.tr("Office"),
                self.tr("Category"),
                self.tr("Planned for"),
                self.tr("Due by"),
                self.tr("Days left"),
                self.tr("Responsible"),
            ],
            parent,
        )
        self._categories = {
            CaseCategory.SERIOUS: self.tr("Serious"),
            CaseCategory.ORDINARY: self.tr("Ordinary"),
            CaseCategory.MINOR: self.tr("Minor"),
        }

    def cell(self, visit: VisitInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                visit.case_number,
                visit.office_name,
                self._categories.get(visit.category, str(visit.category)),
                visit.planned_on.isoformat(),
                visit.deadline.isoformat() if visit.deadline else "",
                days_left_text(visit.days_left) if visit.days_left is not None else "",
                visit.responsible or self.tr("(unassigned)"),
            )
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and visit.days_left is not None:
            if visit.overdue:
                return QBrush(_RED)
            if visit.days_left <= 7:
                return QBrush(_AMBER)
        if role == Qt.ItemDataRole.ToolTipRole and visit.overdue:
            return self.tr("Overdue: the visit should have been made by {0}").format(
                visit.deadline.isoformat() if visit.deadline else ""
            )
        return None


class FollowUpWorkList(QWidget):
    """The planned visits of the signed-in user, with the dialog that records one."""

    visit_recorded = Signal(object)
    """A visit was recorded: its updated :class:`VisitInfo`."""
    loaded = Signal()
    load_failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self._today = desk.today
        self.dialog: RecordVisitDialog | None = None
        self.setObjectName("follow_up_work_list")

        self.horizon_combo = QComboBox()
        self.horizon_combo.setObjectName("horizon_combo")
        self.horizon_combo.addItem(self.tr("Due within 7 days"), 7)
        self.horizon_combo.addItem(self.tr("Due within 30 days"), 30)
        self.horizon_combo.addItem(self.tr("All planned visits"), None)
        self.horizon_combo.setCurrentIndex(1)
        self.horizon_combo.currentIndexChanged.connect(self.reload)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        desk.follow(self, [ChangeKind.FOLLOW_UPS, ChangeKind.CASES], self.reload)
        self.record_button = QPushButton(self.tr("Record &visit…"))
        self.record_button.setObjectName("record_button")
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self.record_selected)
        self.summary = QLabel()
        self.summary.setObjectName("work_list_summary")

        self.model = WorkListModel(self)
        self.view = QTableView()
        self.view.setObjectName("work_list_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Every text in full (a long office name scrolls rather than being cut).
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.record_selected())
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.horizon_combo)
        top.addWidget(self.refresh_button)
        top.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def reload(self, *_args: object) -> None:
        load = call(work_list, horizon_days=self.horizon_combo.currentData())
        self._desk.read(self, load, self._on_loaded, self._on_failed, purpose="load")

    def _on_loaded(self, visits: list[VisitInfo]) -> None:
        self.model.set_rows(visits)
        overdue = sum(1 for v in visits if v.overdue)
        self.summary.setText(
            self.tr("%n visit(s) to make", "", len(visits))
            + (self.tr(", %n overdue", "", overdue) if overdue else "")
        )
        self._on_selection()
        self.loaded.emit()

    def _on_failed(self, refusal: Refusal) -> None:
        log.error("Loading the follow-up work list failed: %s", refusal.text)
        text = self.tr("The work list could not be loaded: {0}").format(refusal.text)
        self.summary.setText(text)
        self.load_failed.emit(text)

    def selected_visit(self) -> VisitInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selection(self, *_args: object) -> None:
        self.record_button.setEnabled(self.selected_visit() is not None)

    def record_selected(self) -> RecordVisitDialog | None:
        """Open the dialog that records the selected visit (not modal: tests drive it)."""
        visit = self.selected_visit()
        if visit is None:
            return None
        dialog = RecordVisitDialog(self._desk, visit, self)
        dialog.saved.connect(self._on_recorded)
        dialog.setModal(True)
        dialog.show()
        self.dialog = dialog
        return dialog

    def _on_recorded(self, visit: VisitInfo) -> None:
        self.visit_recorded.emit(visit)  # the list follows the change
