"""The organisation tree: offices with their stations (the full names, column NAME) and
their open-case counts in a labelled column of their own (OPEN_CASES)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from ipdesk.services.admin.org import OfficeInfo, StationInfo

OFFICE = "office"
STATION = "station"

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
CODE_ROLE = Qt.ItemDataRole.UserRole + 3
OPEN_CASES_ROLE = Qt.ItemDataRole.UserRole + 4

NAME, OPEN_CASES = range(2)


class OrgTreeModel(QStandardItemModel):
    """A read-only tree: one top-level row per office, its stations below it; the name in
    the first column, the number of open cases in the second."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("Organisation"), self.tr("Open cases")])
        self.setHeaderData(
            OPEN_CASES,
            Qt.Orientation.Horizontal,
            self.tr("Cases being handled (not yet closed)"),
            Qt.ItemDataRole.ToolTipRole,
        )

    def load(self, offices: Sequence[OfficeInfo]) -> None:
        """Replace the whole tree by ``offices`` (as ``org_tree`` returns them)."""
        # Items are built detached and attached in one go: one rowsInserted for the lot.
        office_rows = []
        for office in offices:
            office_row = self._row(OFFICE, office)
            for station in office.stations:
                office_row[NAME].appendRow(self._row(STATION, station))
            office_rows.append(office_row)
        self.removeRows(0, self.rowCount())
        for row in office_rows:
            self.invisibleRootItem().appendRow(row)

    def _row(self, kind: str, unit: OfficeInfo | StationInfo) -> list[QStandardItem]:
        name = QStandardItem(unit.name)
        count = QStandardItem(str(unit.open_cases))
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tooltip = f"{unit.code}  {unit.name}\n" + self.tr("Open cases: %n", "", unit.open_cases)
        for item in (name, count):
            item.setEditable(False)
            item.setData(kind, KIND_ROLE)
            item.setData(unit.id, ID_ROLE)
            item.setData(unit.code, CODE_ROLE)
            item.setData(unit.open_cases, OPEN_CASES_ROLE)
            item.setToolTip(tooltip)
        return [name, count]

    def unit_at(self, index: QModelIndex) -> tuple[str, int] | None:
        """The (kind, id) of the office or station at ``index``; None for an invalid index."""
        if not index.isValid():
            return None
        index = index.siblingAtColumn(NAME)
        kind = index.data(KIND_ROLE)
        unit_id = index.data(ID_ROLE)
        if kind is None or unit_id is None:
            return None
        return str(kind), int(unit_id)

    def index_of(self, kind: str, unit_id: int) -> QModelIndex:
        """The index of an office or station; an invalid index when it is not in the tree."""
        for row in range(self.rowCount()):
            office = self.item(row)
            if kind == OFFICE and office.data(ID_ROLE) == unit_id:
                return office.index()
            if kind == STATION:
                for child_row in range(office.rowCount()):
                    station = office.child(child_row)
                    if station.data(ID_ROLE) == unit_id:
                        return station.index()
        return QModelIndex()

    def office_count(self) -> int:
        return self.rowCount()

    def station_count(self) -> int:
        return sum(self.item(row).rowCount() for row in range(self.rowCount()))
