"""The shared read-only row table model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from ipdesk.ui.row_table import ROW_ID_ROLE, RowTableModel


@dataclass(frozen=True)
class Item:
    id: int
    name: str


class ItemModel(RowTableModel[Item]):
    def __init__(self) -> None:
        super().__init__(["Id", "Name"])

    def cell(self, row: Item, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.id, row.name)[column]
        return None


def test_rows_headers_and_ids(qtmodeltester: ModelTester) -> None:
    model = ItemModel()
    qtmodeltester.check(model)
    model.set_rows([Item(7, "王伟"), Item(9, "李娜")])
    qtmodeltester.check(model)

    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(1, Qt.Orientation.Vertical) is None
    assert model.index(1, 1).data() == "李娜"
    assert model.index(1, 0).data(ROW_ID_ROLE) == 9
    assert model.find_row(lambda item: item.id == 9) == 1
    assert model.find_row(lambda item: item.id == 8) == -1
    assert model.row_at(2) is None and model.row_at(-1) is None

    model.set_rows([])
    assert model.rowCount() == 0 and model.index(0, 0).data() is None
