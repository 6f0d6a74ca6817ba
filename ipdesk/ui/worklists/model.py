"""The work list's table model: the rows of a ``routing`` work list, fetched a page at a time.

A (re)load fetches the first page and the total in the background and resets the model;
when the view scrolls to the end, ``fetchMore`` asks for the next page, again in the
background, and appends it. Sorting is the service's (SQL); nothing is sorted here.
"""

from __future__ import annotations

from collections.abc import Callable
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

from ipdesk.remote.calls import Call
from ipdesk.services.cases.limits import RUNNING_STATUSES
from ipdesk.services.cases.routing import CaseRow, WorkList
from ipdesk.ui.desk import Desk, Refusal
from ipdesk.ui.intake.labels import status_labels
from ipdesk.ui.tasks import drop

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 100

COLUMN_KEYS = (
    "number",
    "status",
    "parties",
    "received",
    "due",
    "days_left",
    "office",
    "station",
    "mediator",
)

Loader = Call[WorkList]
"""The call of a work list (``routing.my_cases``, …); each page adds its ``limit`` and
``offset``."""

Index = QModelIndex | QPersistentModelIndex

_RED = QColor(180, 0, 0)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_STYLED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)
"""The roles :meth:`WorkListModel.data` answers besides the text and the case's id."""


class WorkListModel(QAbstractTableModel):
    """Cases of one work list in the service's order. ``loaded(total)`` after a reload,
    ``load_failed(text)`` when a load was refused; ``page_loaded`` after each later page."""

    loaded = Signal(int)
    load_failed = Signal(str)
    page_loaded = Signal(int)

    def __init__(
        self,
        desk: Desk,
        loader: Loader,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._loader = loader
        self.page_size = page_size
        self._rows: list[CaseRow] = []
        self._ids: set[int] = set()
        self._total = 0
        self._fetching = False
        self._day = desk.today()
        self._statuses = status_labels()
        self._headers = {
            "number": self.tr("Number"),
            "status": self.tr("Status"),
            "parties": self.tr("Parties"),
            "received": self.tr("Received"),
            "due": self.tr("Due"),
            "days_left": self.tr("Days left"),
            "office": self.tr("Office"),
            "station": self.tr("Station"),
            "mediator": self.tr("Mediator"),
        }

    # -- loading ----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many cases the list holds (rows not fetched yet included)."""
        return self._total

    def set_loader(self, loader: Loader) -> None:
        self._loader = loader
        self.reload()

    def reload(self) -> None:
        """Fetch the first page and the total in the background, then reset the model."""
        self._fetching = True
        drop(self, "page")  # a later page of the previous load no longer fits
        self._run(0, self._on_reloaded, "load")

    def _run(self, offset: int, done: Callable[[WorkList], None], purpose: str) -> None:
        page = self._loader.with_kwargs(limit=self.page_size, offset=offset)
        self._desk.read(self, page, done, self._on_failed, purpose=purpose)

    def _on_reloaded(self, page: WorkList) -> None:
        self.beginResetModel()
        self._day = self._desk.today()
        self._rows = list(page.rows)
        self._ids = {r.id for r in page.rows}
        self._total = page.total
        self.endResetModel()
        self._fetching = False
        self.loaded.emit(page.total)

    def _on_failed(self, refusal: Refusal) -> None:
        self._fetching = False
        self.load_failed.emit(refusal.text)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._run(len(self._rows), self._on_page, "page")

    def _on_page(self, page: WorkList) -> None:
        # Cases may have moved between pages meanwhile: never show one twice.
        new = [r for r in page.rows if r.id not in self._ids]
        # An empty page means the list shrank: stop asking for more.
        self._total = page.total if page.rows else len(self._rows)
        if new:  # still "fetching" while inserting: views must not ask for more meanwhile
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self._ids.update(r.id for r in new)
            self.endInsertRows()
        self._fetching = False
        self.page_loaded.emit(len(self._rows))

    # -- reading ----------------------------------------------------------------------------

    def row_at(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), None)

    def column_of(self, key: str) -> int:
        return COLUMN_KEYS.index(key)

    def days_left(self, row: CaseRow) -> int | None:
        """Days to the handling due date while the clock runs (None otherwise): not for a
        suspended case, nor a finished one (failed, withdrawn, decided, closed), whose clock
        has stopped (design.md), as in the case list."""
        if row.due_on is None or row.is_suspended or row.status not in RUNNING_STATUSES:
            return None
        return (row.due_on - self._day).days

    # -- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMN_KEYS)
        ):
            return self._headers[COLUMN_KEYS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked some 20,000 times when a page is filled (its columns sized to their
        # contents): the roles this model never answers return at once.
        number, column = index.row(), index.column()  # -1 for an invalid index
        if not (0 <= number < len(self._rows) and 0 <= column < len(COLUMN_KEYS)):
            return None
        row = self._rows[number]
        key = COLUMN_KEYS[column]
        if role == _DISPLAY:
            return self._display(row, key)
        if role == CASE_ID_ROLE:
            return row.id
        if role not in _STYLED_ROLES:
            return None
        left = self.days_left(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "days_left":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and left is not None and left < 0:
            return QBrush(_RED)
        if role == Qt.ItemDataRole.FontRole and left is not None and left < 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if left is not None and left < 0:
                return self.tr("Overdue by %n day(s)", "", -left)
            if key == "parties" and row.parties:
                return row.parties
        return None

    def _display(self, row: CaseRow, key: str) -> str:
        if key == "number":
            return row.number
        if key == "status":
            text = self._statuses.get(row.status.value, row.status.value)
            return self.tr("{0} (suspended)").format(text) if row.is_suspended else text
        if key == "parties":
            return row.parties
        if key == "received":
            return row.received_on.isoformat()
        if key == "due":
            return row.due_on.isoformat() if row.due_on else ""
        if key == "days_left":
            left = self.days_left(row)
            return "" if left is None else str(left)
        if key == "office":
            return row.office_code
        if key == "station":
            return row.station_code or ""
        if key == "mediator":
            return row.mediator_name or ""
        return ""
