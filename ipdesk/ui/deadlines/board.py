"""The managers' deadline board: open cases per office, most urgent first, with drill-down.

Double-clicking a count (or pressing Enter on it) asks for the case list filtered to those
cases: ``drill_down_requested`` carries a :class:`~ipdesk.services.cases.limits.BoardFilter`;
:func:`case_filter` turns it into the case list's filter, which lists exactly the cases
the count counts.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import call
from ipdesk.services.cases.limits import (
    BoardFilter,
    DeadlineBoard,
    OfficeDeadlines,
    deadline_board,
)
from ipdesk.services.queries.cases_query import CaseFilter, DeadlineState
from ipdesk.ui.desk import CASE_WORK, ChangeKind, Desk, Refusal

log = logging.getLogger(__name__)

OFFICE, OPEN, SUSPENDED, DUE_SOON, OVERDUE = range(5)
#: The drill-down bucket of each column.
BUCKETS = {
    OFFICE: "open",
    OPEN: "open",
    SUSPENDED: "suspended",
    DUE_SOON: "due_soon",
    OVERDUE: "overdue",
}
OFFICE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BUCKET_ROLE = Qt.ItemDataRole.UserRole + 2

_RED = QColor(180, 0, 0)
_AMBER = QColor(160, 95, 0)

AnyIndex = QModelIndex | QPersistentModelIndex

#: The case list's deadline state of each bucket (the board counts open cases only).
_DEADLINES: dict[str, str | None] = {
    "open": None,
    "suspended": DeadlineState.PAUSED.value,
    "due_soon": DeadlineState.DUE_SOON.value,
    "overdue": DeadlineState.OVERDUE.value,
}


def case_filter(flt: BoardFilter) -> CaseFilter:
    """The case list's filter for a board drill-down: the open cases of the office (all
    the actor sees when ``office_id`` is None) in the bucket — the same conditions the
    board counts with, on the same day."""
    within = None
    if flt.bucket == "due_soon" and flt.due_from is not None and flt.due_to is not None:
        within = (flt.due_to - flt.due_from).days
    return CaseFilter(
        office=flt.office_id,
        status="open",
        deadline=_DEADLINES[flt.bucket],
        due_within_days=within,
    )


class DeadlineBoardModel(QAbstractTableModel):
    """One row per office (as ``deadline_board`` sorted them); counts right-aligned."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.board: DeadlineBoard | None = None
        self._rows: list[OfficeDeadlines] = []
        self._headers = [
            self.tr("Office"),
            self.tr("Open cases"),
            self.tr("Suspended"),
            self.tr("Due soon"),
            self.tr("Overdue"),
        ]

    def set_board(self, board: DeadlineBoard) -> None:
        self.beginResetModel()
        self.board = board
        self._rows = list(board.offices)
        self.endResetModel()

    def office_at(self, row: int) -> OfficeDeadlines | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def describe(self, flt: BoardFilter) -> str:
        """What a drill-down shows, for the case list's label: "TL01 …: Overdue"."""
        office = next((o for o in self._rows if o.office_id == flt.office_id), None)
        where = f"{office.code} {office.name}" if office is not None else self.tr("All offices")
        column = next((c for c, b in BUCKETS.items() if b == flt.bucket and c != OFFICE), OPEN)
        return self.tr("{0}: {1}").format(where, self._headers[column])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == DUE_SOON and self.board:
            return self.tr("Due within %n day(s), today included", "", self.board.soon_days)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        office = self.office_at(index.row())
        if office is None:
            return None
        column = index.column()
        values = (
            f"{office.code}  {office.name}",
            office.open_cases,
            office.suspended,
            office.due_soon,
            office.overdue,
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != OFFICE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == OVERDUE and office.overdue:
                return QBrush(_RED)
            if column == DUE_SOON and office.due_soon:
                return QBrush(_AMBER)
        if role == Qt.ItemDataRole.FontRole and column == OVERDUE and office.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column != OFFICE:
            return self.tr("Double-click to list these cases")
        if role == OFFICE_ID_ROLE:
            return office.office_id
        if role == BUCKET_ROLE:
            return BUCKETS.get(column)
        return None


class DeadlineBoardWidget(QWidget):
    drill_down_requested = Signal(object)
    """The user asked for the cases behind a count: a ``BoardFilter``."""
    board_loaded = Signal()
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

        self.setObjectName("deadline_board")
        self.model = DeadlineBoardModel(self)
        self.view = QTableView()
        self.view.setObjectName("deadline_board_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OFFICE, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self.drill_down)
        self.view.activated.connect(self.drill_down)

        self.summary = QLabel()
        self.summary.setObjectName("deadline_board_summary")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        desk.follow(self, (*CASE_WORK, ChangeKind.ORG), self.reload)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def reload(self, *_args: object) -> None:
        load = call(deadline_board)
        self._desk.read(self, load, self._on_loaded, self._on_failed, purpose="load")

    def _on_loaded(self, board: DeadlineBoard) -> None:
        self.model.set_board(board)
        totals = board.totals
        soon = self.tr("due within %n day(s)", "", board.soon_days)
        self.summary.setText(
            self.tr("Open cases: {0}; {1}: {2}; overdue: {3}; suspended: {4}").format(
                totals.open_cases, soon, totals.due_soon, totals.overdue, totals.suspended
            )
        )
        self.board_loaded.emit()

    def _on_failed(self, refusal: Refusal) -> None:
        log.error("Loading the deadline board failed: %s", refusal.text)
        text = self.tr("The deadline board could not be loaded: {0}").format(refusal.text)
        self.summary.setText(text)
        self.load_failed.emit(text)

    def drill_down(self, index: QModelIndex) -> None:
        board = self.model.board
        office = self.model.office_at(index.row()) if index.isValid() else None
        bucket = BUCKETS.get(index.column())
        if board is None or office is None or bucket is None:
            return
        self.drill_down_requested.emit(board.filter(bucket, office))
