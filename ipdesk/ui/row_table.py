"""A read-only table model over a list of rows (the services' frozen dataclasses).

The work lists, the alerts, the agencies, the users and the consultations each show a
list of rows fetched off the GUI thread; they differ only in their columns and in how a
cell looks. Subclasses give the headers and implement :meth:`RowTableModel.cell`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

#: The role that returns the row's id (:meth:`RowTableModel.row_id`) for every column.
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of ``Row`` under ``headers``; ``cell`` says what a cell shows for a role."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []

    # -- the rows -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, match: Callable[[Row], bool]) -> int:
        """The number of the first row that ``match`` accepts, or -1."""
        return next((number for number, row in enumerate(self._rows) if match(row)), -1)

    # -- what subclasses implement --------------------------------------------------------

    def row_id(self, row: Row) -> Any:
        """What ``ROW_ID_ROLE`` returns: ``row.id``, unless a subclass says otherwise."""
        return getattr(row, "id", None)

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What the cell of ``row`` in ``column`` shows for ``role`` (None: nothing)."""
        raise NotImplementedError

    # -- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self._headers):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ROW_ID_ROLE:
            return self.row_id(row)
        return self.cell(row, index.column(), role)
