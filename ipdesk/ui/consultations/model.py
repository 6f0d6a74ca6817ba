"""The consultations list: a thin Qt model over the rows ``list_consultations`` returns.

Rows come a page at a time: the view loads the first page, and when Qt asks for more
(``canFetchMore`` / ``fetchMore``, e.g. as the user scrolls) the model emits
``fetch_requested`` with the next offset; the view loads that page in the background and
hands it to :meth:`append_page`. Filtering and sorting happen in SQL.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ipdesk.models import ConsultationKind
from ipdesk.services.cases.consultations import ConsultationPage, ConsultationRow, RowState
from ipdesk.ui.row_table import ROW_ID_ROLE, Index, RowTableModel

REQUEST_ID_ROLE = ROW_ID_ROLE
CONSULTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 3
STATE_ROLE = Qt.ItemDataRole.UserRole + 4

CASE, KIND, SUBJECT, AGENCY, REQUESTED, DUE, ANSWERED, STATE = range(8)
_LATE = QColor(180, 0, 0)
_WITHDRAWN = QColor(Qt.GlobalColor.gray)


def kind_text(kind: ConsultationKind) -> str:
    translate = QCoreApplication.translate
    match kind:
        case ConsultationKind.CONSULTATION:
            return translate("consultations", "Joint consultation")
        case ConsultationKind.CRIME_REFERRAL:
            return translate("consultations", "Crime referral")
    return str(kind)


def state_text(state: RowState) -> str:
    translate = QCoreApplication.translate
    match state:
        case RowState.REQUESTED:
            return translate("consultations", "Requested")
        case RowState.ANSWERED:
            return translate("consultations", "Answered")
        case RowState.LATE:
            return translate("consultations", "Late")
        case RowState.WITHDRAWN:
            return translate("consultations", "Withdrawn")
    return str(state)


class ConsultationsTableModel(RowTableModel[ConsultationRow]):
    """One row per agency request; late rows in red, withdrawn ones in grey."""

    fetch_requested = Signal(int)
    """Qt wants more rows: load the page starting at this offset."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Case"),
                self.tr("Kind"),
                self.tr("Subject"),
                self.tr("Agency"),
                self.tr("Requested"),
                self.tr("Due"),
                self.tr("Answered"),
                self.tr("State"),
            ],
            parent,
        )
        self._total = 0
        self._fetching = False

    # -- data in ----------------------------------------------------------------------------

    def set_page(self, page: ConsultationPage) -> None:
        """Replace the rows with the first page of a new query."""
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total = page.total
        self._fetching = False
        self.endResetModel()

    def append_page(self, page: ConsultationPage) -> None:
        """Add the next page (ignored unless it starts where the rows end)."""
        self._fetching = False
        if page.offset != len(self._rows):
            return  # a page of an earlier query, or asked for twice
        if not page.rows:
            self._total = len(self._rows)  # rows went away since the count: no more
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._total = page.total
        self.endInsertRows()

    def fetch_failed(self) -> None:
        self._fetching = False

    @property
    def total(self) -> int:
        return self._total

    # -- Qt -----------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetching = True
            self.fetch_requested.emit(len(self._rows))

    def row_id(self, row: ConsultationRow) -> int:
        return row.request_id

    def cell(self, row: ConsultationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == SUBJECT:
            return row.subject
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.state == RowState.LATE:
                return QBrush(_LATE)
            if row.state == RowState.WITHDRAWN:
                return QBrush(_WITHDRAWN)
            return None
        if role == CONSULTATION_ID_ROLE:
            return row.consultation_id
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == STATE_ROLE:
            return row.state.value
        return None

    def _display(self, row: ConsultationRow, column: int) -> str | None:
        if column == CASE:
            return row.case_number
        if column == KIND:
            return kind_text(row.kind)
        if column == SUBJECT:
            return row.subject
        if column == AGENCY:
            return row.agency_name
        if column == REQUESTED:
            return row.requested_on.isoformat()
        if column == DUE:
            return row.due_on.isoformat() if row.due_on else ""
        if column == ANSWERED:
            return row.answered_on.isoformat() if row.answered_on else ""
        if column == STATE:
            return state_text(row.state)
        return None
