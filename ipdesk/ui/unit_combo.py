"""A filter of offices or stations that keeps its width whatever their names.

The longest names have 18 (an office) and 32 (a station) Chinese characters; a combo box
sized to them made the case list's filter bar and the work list's row, and the main window
with them, wider than a 1,280-pixel screen. This one is :data:`UNIT_NAME_CHARS` wide: a
longer name is shown elided ("…"), its tooltip shows it whole, and so does the drop-down
list."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter

UNIT_NAME_CHARS = 16
"""The width in characters (Qt's unit: an "x"; a Chinese character takes about two)."""


class UnitCombo(QComboBox):
    """A combo box that shows its current text elided where it is too long (Qt's styles
    cut it off)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(UNIT_NAME_CHARS)
        self.currentIndexChanged.connect(lambda _index: self.setToolTip(self.currentText()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self._elided(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def shown_text(self) -> str:
        """The current text as the combo box shows it."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._elided(option)

    def _elided(self, option: QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        width = field.width() - 2  # the style draws the label 1 pixel in on each side
        if not option.currentIcon.isNull():
            width -= option.iconSize.width() + 4
        return self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, width)


def unit_combo(name: str) -> UnitCombo:
    """An empty combo box called ``name``; fill it with :func:`add_unit` or
    :func:`add_units`."""
    combo = UnitCombo()
    combo.setObjectName(name)
    return combo


def add_unit(combo: QComboBox, text: str, data: object) -> None:
    """Add an entry whose tooltip is its text, and widen the list to it."""
    add_units(combo, [(text, data)])


def add_units(combo: QComboBox, entries: Iterable[tuple[str, object]]) -> None:
    """Add entries (text, data) whose tooltips are their texts, and widen the list to
    them once: measuring the list after each of a city's 89 stations measured it 89 times
    (4,000 rows' sizes, some milliseconds, on the way to the case list's first rows)."""
    for text, data in entries:
        combo.addItem(text, data)
        combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
    view = combo.view()
    width = view.sizeHintForColumn(0) + 2 * view.frameWidth()
    width += view.verticalScrollBar().sizeHint().width()
    if width > view.minimumWidth():
        view.setMinimumWidth(width)
