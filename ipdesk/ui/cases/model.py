"""The case list's table model: ids only, rows fetched by pages as they are shown.

After Anki's browser table. A (re)load runs in two background steps
(:mod:`ipdesk.services.queries.cases_query`):

1. the first page of ids and rows (``first_page``, which does not count a million cases):
   the model is reset to show it at once — ``first_rows(n)``;
2. unless the first page already told the total (a short list), the count
   (``count_cases``): the remaining rows are then inserted and ``loaded(total)`` says how
   many cases the list holds. Until then the model has the first page's rows only.

Any other row is fetched the first time ``data()`` asks for it: its page of ids
(``case_ids`` with offset and limit — pages past the middle are read from the end) and
their cells (``case_rows``), kept in a small LRU cache of pages. Sorting and filtering are
SQL: ``sort()`` and ``set_filter()`` reload the model; nothing is sorted in Python.

Painting asks ``data()`` about seven roles of every visible cell (some 3,000 calls for a
screenful): a page's cells are therefore formatted once, when it arrives (a tuple of the
displayed texts and the row's colour per row), and ``data()`` only looks them up; the
colours are shared brushes, and ``flags()`` is Qt's own (enabled, selectable).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ipdesk.remote.calls import call
from ipdesk.services.queries import read_models
from ipdesk.services.queries.cases_query import CaseFilter, CaseRow, CaseSort, SortKey, count_cases
from ipdesk.services.queries.search import audit_id_search, id_search_audited
from ipdesk.ui.desk import Desk, Refusal
from ipdesk.ui.intake.labels import ip_type_labels, label, status_labels
from ipdesk.ui.tasks import drop

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200
CACHED_PAGES = 16

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    sort: SortKey | None


COLUMNS: tuple[Column, ...] = (
    Column("number", "number"),
    Column("status", "status"),
    Column("applicant", None),
    Column("respondent", None),
    Column("ip_type", None),
    Column("office", None),
    Column("station", None),
    Column("received", "received"),
    Column("due", "due"),
    Column("days_left", "due"),
    Column("mediator", None),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


@dataclass
class _Page:
    ids: list[int]
    rows: dict[int, CaseRow]
    cells: list[tuple[str, ...] | None]
    """The displayed texts of each row, in the order of ``ids`` (None: the case went)."""
    colours: list[int]
    """Each row's deadline colour: an index into ``_BRUSHES`` (0: none)."""


@dataclass(frozen=True)
class _Loaded:
    total: int | None  # None: to be counted
    first: _Page
    soon_days: int


_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        CASE_ID_ROLE,
    )
)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DAYS_LEFT = COLUMN_KEYS.index("days_left")
_COLOURED = frozenset(COLUMN_KEYS.index(k) for k in ("due", "days_left", "status"))
_BRUSHES: list[QBrush | None] = [None]  # 1: overdue, 2: due soon, 3: suspended (made once)


def _brush(colour: int) -> QBrush | None:
    if len(_BRUSHES) == 1:
        _BRUSHES.extend(QBrush(QColor(c)) for c in ("#b00020", "#a15c00", "#555555"))
    return _BRUSHES[colour]


def _colour(row: CaseRow) -> int:
    flags = row.flags
    if "overdue" in flags:
        return 1
    if "due_soon" in flags:
        return 2
    if "suspended" in flags:
        return 3
    return 0


class CaseTableModel(QAbstractTableModel):
    """Cases of ``filter`` in ``sort`` order. After every (re)load: ``first_rows(rows)``
    when the first page is shown, then ``loaded(total)`` when the number of cases is known
    (and all rows are there); ``load_failed(text)`` when a reload or its count was refused
    (e.g. an unknown office code)."""

    first_rows = Signal(int)
    loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        cached_pages: int = CACHED_PAGES,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self.page_size = page_size
        self._cached_pages = cached_pages
        self._filter = CaseFilter()
        self._sort = CaseSort()
        self._rows = 0  # rows shown: the first page's until the count is known
        self._total: int | None = 0  # None while counting
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._soon_days: int | None = None
        self.page_loads = 0  # pages fetched on the GUI thread (tests and benchmarks)
        self.loading = False  # until the first page is shown
        self._headers = self._header_texts()
        self._status_labels = status_labels()
        self._ip_type_labels = ip_type_labels()
        self._suspended = self.tr(" (suspended)")
        self._last: tuple[int, _Page] | None = None  # the page data() used last

    def _header_texts(self) -> dict[str, str]:
        return {
            "number": self.tr("Number"),
            "status": self.tr("Status"),
            "applicant": self.tr("Applicant"),
            "respondent": self.tr("Respondent"),
            "ip_type": self.tr("IP type"),
            "office": self.tr("Office"),
            "station": self.tr("Station"),
            "received": self.tr("Received"),
            "due": self.tr("Due"),
            "days_left": self.tr("Days left"),
            "mediator": self.tr("Mediator"),
        }

    # -- what is shown -------------------------------------------------------------------------

    @property
    def filter(self) -> CaseFilter:
        return self._filter

    @property
    def total(self) -> int | None:
        """How many cases the list holds; None while they are being counted."""
        return self._total

    @property
    def counting(self) -> bool:
        return self._total is None

    def set_filter(self, flt: CaseFilter) -> None:
        self._filter = flt
        self.reload()

    def update_filter(self, **changes: Any) -> None:
        self.set_filter(replace(self._filter, **changes))

    def set_sort(self, sort: CaseSort) -> None:
        self._sort = sort
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        # "days left" sorts by the due date: fewer days left, an earlier due date
        self.set_sort(CaseSort(key, descending))

    def reload(self) -> None:
        """Fetch the first page in the background and reset the model to show it; then,
        unless that told the total, count the cases in the background and add the rows."""
        desk, flt, sort, size = self._desk, self._filter, self._sort, self.page_size
        self.loading = True
        drop(self, "count")  # a count still running belongs to the previous load

        def load(_recorded: object = None) -> None:
            desk.read(
                self,
                call(read_models.case_list_start, flt, sort, size),
                self._on_started,
                self._on_failed,
                purpose="load",
            )

        if flt is not None and id_search_audited(desk.actor, flt.text):
            # a search by a whole ID number is recorded first: the list query needs it
            record = call(audit_id_search, flt.text)
            desk.write(self, record, load, self._on_failed, changes=None, purpose="load")
        else:
            load()

    def _on_started(self, start: read_models.CaseListStart) -> None:
        page = start.page
        self._on_loaded(_Loaded(page.total, self._make_page(page.ids, page.rows), start.soon_days))

    def _on_loaded(self, result: _Loaded) -> None:
        self.beginResetModel()
        self._rows = len(result.first.ids) if result.total is None else result.total
        self._total = result.total
        self._soon_days = result.soon_days
        self._pages.clear()
        self._pages[0] = result.first
        self._last = None
        self.endResetModel()
        self.loading = False
        self.first_rows.emit(self._rows)
        if result.total is not None:
            self.loaded.emit(result.total)
            return
        self._desk.read(
            self,
            call(count_cases, self._filter),
            self._on_counted,
            self._on_count_failed,
            purpose="count",
        )

    def _on_counted(self, total: int) -> None:
        shown = self._rows
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._rows, self._total = total, total
            self.endInsertRows()
        elif total < shown:  # cases went away between the first page and the count
            self.beginRemoveRows(QModelIndex(), total, shown - 1)
            self._rows, self._total = total, total
            self._pages.clear()
            self._last = None
            self.endRemoveRows()
        else:
            self._total = total
        self.loaded.emit(total)

    def _on_failed(self, refusal: Refusal) -> None:
        self.loading = False
        self.load_failed.emit(refusal.text)

    def _on_count_failed(self, refusal: Refusal) -> None:
        self._total = self._rows  # what is shown is all there is to go by
        self.load_failed.emit(refusal.text)

    # -- pages ------------------------------------------------------------------------------------

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def _page(self, number: int) -> _Page:
        last = self._last
        if last is not None and last[0] == number:
            return last[1]
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            self._last = (number, page)
            return page
        size = self.page_size
        fetch = call(
            read_models.case_list_page,
            self._filter,
            self._sort,
            number * size,
            size,
            total=self._total,  # None while counting: only the first page is shown then
            soon_days=self._soon_days,
        )
        page = self._make_page(*self._desk.read_now(fetch))
        self.page_loads += 1
        self._pages[number] = page
        while len(self._pages) > self._cached_pages:
            self._pages.popitem(last=False)
        self._last = (number, page)
        return page

    def _make_page(self, ids: list[int], rows: list[CaseRow]) -> _Page:
        """A page with its cells formatted (in the worker: plain strings only)."""
        by_id = {r.id: r for r in rows}
        cells: list[tuple[str, ...] | None] = []
        colours: list[int] = []
        display = self._display
        for case_id in ids:
            row = by_id.get(case_id)
            if row is None:
                cells.append(None)
                colours.append(0)
            else:
                cells.append(tuple(display(row, key) for key in COLUMN_KEYS))
                colours.append(_colour(row))
        return _Page(ids, by_id, cells, colours)

    def _cells(self, row: int) -> tuple[_Page, int] | None:
        """The page of ``row`` and the row's place in it (None: not a row)."""
        if not 0 <= row < self._rows:
            return None
        size = self.page_size
        number = row // size
        last = self._last
        page = last[1] if last is not None and last[0] == number else self._page(number)
        offset = row - number * size
        return (page, offset) if offset < len(page.ids) else None

    def case_id(self, row: int) -> int | None:
        if not 0 <= row < self._rows:
            return None
        page = self._page(row // self.page_size)
        offset = row % self.page_size
        return page.ids[offset] if offset < len(page.ids) else None

    def case_row(self, row: int) -> CaseRow | None:
        if not 0 <= row < self._rows:
            return None
        page = self._page(row // self.page_size)
        offset = row % self.page_size
        if offset >= len(page.ids):
            return None
        return page.rows.get(page.ids[offset])

    def row_of(self, case_id: int) -> int | None:
        """The row of a case among the cached pages (None when not cached)."""
        for number, page in self._pages.items():
            if case_id in page.ids:
                return number * self.page_size + page.ids.index(case_id)
        return None

    # -- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[COLUMNS[section].key]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called some 3,000 times per repaint: the display role first, from the page's
        # formatted cells; every other role but four answered at once.
        if role == _DISPLAY:
            found = self._cells(index.row())
            if found is None:
                return None
            page, offset = found
            cells = page.cells[offset]
            return None if cells is None else cells[index.column()]
        if role not in _ROLES or not index.isValid():
            return None
        if role == _FOREGROUND:
            if index.column() not in _COLOURED:
                return None
            found = self._cells(index.row())
            return None if found is None else _brush(found[0].colours[found[1]])
        if role == _ALIGNMENT:
            return _RIGHT if index.column() == _DAYS_LEFT else None
        row = self.case_row(index.row())
        if row is None:
            return None
        if role == CASE_ID_ROLE:
            return row.id
        key = COLUMN_KEYS[index.column()]
        if key == "office":
            return f"{row.office_name} ({row.office_code})"
        if key == "station" and row.station_code:
            return f"{row.station_name} ({row.station_code})"
        if key in ("due", "days_left", "status"):
            return self._deadline_text(row)
        return None

    def _display(self, row: CaseRow, key: str) -> str:
        match key:
            case "number":
                return row.number
            case "status":
                text = label(self._status_labels, row.status)
                return text + self._suspended if row.is_suspended else text
            case "applicant":
                return row.applicant or ""
            case "respondent":
                return row.respondent or ""
            case "ip_type":
                return label(self._ip_type_labels, row.ip_type)
            case "office":
                return row.office_name
            case "station":
                return row.station_name or ""
            case "received":
                return row.received_on.isoformat()
            case "due":
                return row.due_on.isoformat() if row.due_on else ""
            case "days_left":
                return "" if row.days_left is None else str(row.days_left)
            case "mediator":
                return row.mediator or ""
        return ""

    def _deadline_text(self, row: CaseRow) -> str:
        if "suspended" in row.flags:
            return self.tr("Suspended: the clock is stopped")
        if "overdue" in row.flags:
            return self.tr("Overdue by %n day(s)", "", -(row.days_left or 0))
        if "due_soon" in row.flags:
            return self.tr("Due in %n day(s)", "", row.days_left or 0)
        return ""
