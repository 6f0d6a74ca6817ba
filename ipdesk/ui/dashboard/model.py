"""The dashboard's table: one row per unit (the total, each office, its stations), one
column per figure. The model only relays
:class:`~ipdesk.services.queries.dashboard.DashboardFigures` computed by the service; it
never queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ipdesk.services.queries.dashboard import DashboardFigures, Unit, UnitFigures

AnyIndex = QModelIndex | QPersistentModelIndex

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's :class:`~ipdesk.services.queries.dashboard.Unit`."""
FIGURE_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The count a cell drills down into (a rate: its denominator), None for the unit column."""

_RED = QColor(180, 0, 0)
_AMBER = QColor(160, 95, 0)


@dataclass(frozen=True)
class Column:
    key: str  # attribute of UnitFigures
    kind: str  # "count", "share", "days", "unit"
    drill: str | None  # the count behind the cell (a rate: its denominator)


COLUMNS: tuple[Column, ...] = (
    Column("name", "unit", None),
    Column("received", "count", "received"),
    Column("accepted", "count", "accepted"),
    Column("open", "count", "open"),
    Column("due_soon", "count", "due_soon"),
    Column("overdue", "count", "overdue"),
    Column("closed", "count", "closed"),
    Column("closed_on_time", "count", "closed_on_time"),
    Column("on_time_share", "share", "closed_on_time"),
    Column("within_target_share", "share", "within_target"),
    Column("within_former_share", "share", "within_former"),
    Column("median_days", "days", "closed"),
    Column("mean_days", "days", "closed"),
    Column("mediated", "count", "mediated"),
    Column("mediation_success", "count", "mediation_success"),
    Column("mediation_success_rate", "share", "mediated"),
    Column("confirmation_applied", "count", "confirmation_applied"),
    Column("confirmed", "count", "confirmed"),
    Column("consultations_requested", "count", "consultations_requested"),
    Column("consultations_late", "count", "consultations_late"),
    Column("visits_due", "count", "visits_due"),
    Column("visits_done", "count", "visits_done"),
    Column("follow_up_rate", "share", "visits_due"),
    Column("adjudications_open", "count", "adjudications_open"),
    Column("adjudications_decided", "count", "adjudications_decided"),
    Column("adjudications_in_time", "count", "adjudications_in_time"),
)


UNIT_COLUMN = 0


def format_value(kind: str, value: Any) -> str:
    if value is None:
        return "—"
    if kind == "share":
        return f"{value * 100:.1f}%"
    if kind == "days":
        return f"{value:.1f}"
    if kind == "count":
        return f"{value:,}"
    return str(value)


class DashboardTableModel(QAbstractTableModel):
    """Read-only figures; office rows bold, stations indented, overdue counts red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.figures: DashboardFigures | None = None
        self._rows: list[UnitFigures] = []
        self._total_label = self.tr("Total")
        # key -> (title, tooltip)
        self._texts: dict[str, tuple[str, str | None]] = {
            "name": (self.tr("Office / station"), None),
            "received": (self.tr("Received"), self.tr("Cases received in the period")),
            "accepted": (self.tr("Accepted"), self.tr("Cases accepted in the period")),
            "open": (self.tr("Open"), self.tr("Cases open at the end of the period")),
            "due_soon": (self.tr("Due soon"), self.tr("Open cases due within the next days")),
            "overdue": (
                self.tr("Overdue"),
                self.tr("Open cases past their due date at the end of the period"),
            ),
            "closed": (self.tr("Closed"), self.tr("Cases closed in the period")),
            "closed_on_time": (self.tr("Closed in time"), None),
            "on_time_share": (self.tr("In time"), self.tr("Closed in time, of all closed")),
            "within_target_share": (self.tr("Within the limit"), None),
            "within_former_share": (self.tr("Within 90 days"), None),
            "median_days": (
                self.tr("Median days"),
                self.tr("Handling days from acceptance to closure, suspensions not counted"),
            ),
            "mean_days": (self.tr("Mean days"), None),
            "mediated": (
                self.tr("Mediated"),
                self.tr("Closed cases whose mediation ended in agreement or failure"),
            ),
            "mediation_success": (self.tr("Agreements"), None),
            "mediation_success_rate": (self.tr("Success rate"), None),
            "confirmation_applied": (self.tr("Sent for confirmation"), None),
            "confirmed": (self.tr("Confirmed"), None),
            "consultations_requested": (self.tr("Consultation requests"), None),
            "consultations_late": (self.tr("Answered late"), None),
            "visits_due": (self.tr("Visits due"), None),
            "visits_done": (self.tr("Visits done"), None),
            "follow_up_rate": (self.tr("Follow-up rate"), None),
            "adjudications_open": (
                self.tr("Adjudications open"),
                self.tr("Adjudications accepted and not yet decided at the end of the period"),
            ),
            "adjudications_decided": (
                self.tr("Adjudications decided"),
                self.tr("Administrative decisions made in the period"),
            ),
            "adjudications_in_time": (
                self.tr("Decided in time"),
                self.tr("Decisions made within the handling limit, of those decided"),
            ),
        }

    def set_figures(self, figures: DashboardFigures | None, total_label: str | None = None) -> None:
        self.beginResetModel()
        self.figures = figures
        self._rows = figures.rows() if figures is not None else []
        if total_label is not None:
            self._total_label = total_label
        self.endResetModel()

    def row_figures(self, row: int) -> UnitFigures | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.key == "within_target_share" and self.figures is not None:
                return self.tr("≤ %n day(s)", "", self.figures.target_days)
            if column.key == "within_former_share" and self.figures is not None:
                return self.tr("≤ %n day(s)", "", self.figures.former_days)
            return self._texts[column.key][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._texts[column.key][1]
        return None

    def _label(self, row: UnitFigures) -> str:
        if row.unit.level == "total":
            return self._total_label
        if row.unit.level == "station":
            return f"    {row.code}  {row.name}"
        return f"{row.code}  {row.name}"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_figures(index.row())
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind == "unit":
                return self._label(row)
            return format_value(column.kind, getattr(row, column.key))
        if role == Qt.ItemDataRole.EditRole:
            return self._label(row) if column.kind == "unit" else getattr(row, column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind != "unit":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.unit.level != "station":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key == "overdue" and row.overdue:
                return QBrush(_RED)
            if column.key in ("due_soon", "consultations_late") and getattr(row, column.key):
                return QBrush(_AMBER)
        if role == Qt.ItemDataRole.ToolTipRole and column.drill is not None:
            return self.tr("Double-click to list the cases behind this number")
        if role == UNIT_ROLE:
            return row.unit
        if role == FIGURE_KEY_ROLE:
            return column.drill
        return None

    def unit_at(self, row: int) -> Unit | None:
        figures = self.row_figures(row)
        return figures.unit if figures is not None else None
