"""The organisation tree: offices with their stations and open-case counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from ipdesk.services.org import OfficeInfo, StationInfo

OFFICE = "office"
STATION = "station"

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
CODE_ROLE = Qt.ItemDataRole.UserRole + 3
OPEN_CASES_ROLE = Qt.ItemDataRole.UserRole + 4


class OrgTreeModel(QStandardItemModel):
    """A read-only tree: one top-level row per office, its stations below it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Organisation")])

    def load(self, offices: Sequence[OfficeInfo]) -> None:
        """Replace the whole tree by ``offices`` (as ``org_tree`` returns them)."""
        # Items are built detached and attached in one go: one rowsInserted for the lot.
        office_items = []
        for office in offices:
            office_item = self._item(OFFICE, office)
            office_item.appendRows([self._item(STATION, st) for st in office.stations])
            office_items.append(office_item)
        self.removeRows(0, self.rowCount())
        if office_items:
            self.invisibleRootItem().appendRows(office_items)

    def _item(self, kind: str, unit: OfficeInfo | StationInfo) -> QStandardItem:
        item = QStandardItem(f"{unit.name} ({unit.open_cases})")
        item.setEditable(False)
        item.setData(kind, KIND_ROLE)
        item.setData(unit.id, ID_ROLE)
        item.setData(unit.code, CODE_ROLE)
        item.setData(unit.open_cases, OPEN_CASES_ROLE)
        item.setToolTip(
            f"{unit.code}  {unit.name}\n" + self.tr("Open cases: %n", "", unit.open_cases)
        )
        return item

    def unit_at(self, index: QModelIndex) -> tuple[str, int] | None:
        """The (kind, id) of the office or station at ``index``; None for an invalid index."""
        if not index.isValid():
            return None
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
