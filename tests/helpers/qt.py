"""Typed ways for tests to read widgets whose Qt getters may return None."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QWidget


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text of a cell that must be there."""
    item = table.item(row, column)
    assert item is not None, f"no item in row {row}, column {column}"
    return item.text()


def parent_of(widget: QWidget) -> QWidget:
    """The parent of a widget that must have one (e.g. the tab page holding a button)."""
    parent = widget.parentWidget()
    assert parent is not None
    return parent
