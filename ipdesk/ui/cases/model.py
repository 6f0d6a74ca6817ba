"""The case list's table model: an ids snapshot, rows fetched by batches in the background.

After Anki's browser table (qt/aqt/browser/table/model.py: the ids of the search held in
the model, each row's cells fetched when first shown). A (re)load runs in background steps
(:mod:`ipdesk.services.queries.cases_query`, named calls of the desk):

1. the first page of ids and rows (``read_models.case_list_start``, which does not count a
   million cases): the model is reset to show it at once — ``first_rows(n)``;
2. after the table has painted those rows (the widget releases the model's follow-up, see
   :meth:`CaseTableModel.release_follow_up`: no background work competes with the first
   paint for the processor or Python's GIL), unless the first page told the total,
   the count (``count_cases``): the remaining rows are inserted and ``loaded(total)``
   says how many cases the list holds;
3. then the ids snapshot (``cases_query.case_id_snapshot``, all ids in the list's order,
   as 8-byte integers; compact on the wire too): every
   later page is fetched by its ids (``cases_query.case_rows``), not by an OFFSET.

``data()`` answers from what the model holds and never reads the database: a row not
fetched yet shows empty and asks for its page; the pages asked for are fetched in the
background, the newest first, one request at a time (at most
``read_models.MAX_PAGE_SIZE`` rows), and ``dataChanged`` repaints them when they arrive.
Sorting and filtering are SQL: ``sort()`` and ``set_filter()`` reload the model.

Painting: a row's cells are formatted once, when first shown (the displayed texts; the
row's colour when its page arrives), and :class:`CellDelegate` paints each cell with one
call (not seven ``data()`` calls per cell through QVariant), from a cache of laid-out
texts (``QStaticText``: a name or a date shaped once, not at every repaint).
"""

from __future__ import annotations

import logging
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ipdesk.remote.calls import call
from ipdesk.services.queries import read_models
from ipdesk.services.queries.cases_query import (
    CaseFilter,
    CaseRow,
    CaseSort,
    SortKey,
    case_id_snapshot,
    case_rows,
    count_cases,
)
from ipdesk.services.queries.search import audit_id_search, id_search_audited
from ipdesk.ui.desk import Desk, Refusal
from ipdesk.ui.intake.labels import ip_type_labels, label, status_labels
from ipdesk.ui.tasks import drop

log = logging.getLogger(__name__)

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200
CACHED_PAGES = 16
WANTED_PAGES = 8
"""Pages asked for and not fetched yet that are remembered (the newest): scrolling fast
through a million rows does not queue a fetch for every page passed on the way."""
FOLLOW_UP_GRACE_MS = 250
"""The longest the count waits for the table's first paint of a new list."""

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
    """The displayed texts of each row, in the order of ``ids``: formatted when the row is
    first shown (``()`` until then: a page's 200 rows are not formatted for the 40 on the
    screen); None: the case went."""
    colours: list[int]
    """Each row's deadline colour: an index into ``_BRUSHES`` (0: none)."""


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
_COLUMN_COUNT = len(COLUMNS)
_DAYS_LEFT = COLUMN_KEYS.index("days_left")
_COLOURED = frozenset(COLUMN_KEYS.index(k) for k in ("due", "days_left", "status"))
_BRUSHES: list[QBrush | None] = [None]  # 1: overdue, 2: due soon, 3: suspended (made once)


def _brushes() -> list[QBrush | None]:
    if len(_BRUSHES) == 1:
        _BRUSHES.extend(QBrush(QColor(c)) for c in ("#b00020", "#a15c00", "#555555"))
    return _BRUSHES


def _brush(colour: int) -> QBrush | None:
    return _brushes()[colour]


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
    (and all rows are there; again if the ids snapshot found another number); ``load_failed(text)``
    when a reload, its count or a page was refused (e.g. an unknown office code).

    ``hold_follow_up``: a predicate the view's owner sets (the widget: "the table is
    visible"); while it holds, the count after a new first page waits until
    :meth:`release_follow_up` (the table painted) or :data:`FOLLOW_UP_GRACE_MS`."""

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
        first_size: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self.page_size = page_size
        self.first_size = first_size
        """How many rows a (re)load fetches first (None: a page): the rows a screen can
        show. The rest of the first page is fetched when a row of it is shown."""
        self._partial_first = False  # page 0 holds only the first rows of a (re)load
        self._cached_pages = cached_pages
        self._filter = CaseFilter()
        self._sort = CaseSort()
        self._rows = 0  # rows shown: the first page's until the count is known
        self._total: int | None = 0  # None while counting
        self._ids: Sequence[int] | None = None  # the snapshot: the case id of every row
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._wanted: OrderedDict[int, None] = OrderedDict()  # pages asked for, newest last
        self._fetching = False  # a request for pages is out
        self._load = 0  # the load that pages, counts and snapshots must belong to
        self._soon_days: int | None = None
        self._follow_up: list[Callable[[], None]] = []
        self._retired: list[Sequence[int]] = []  # snapshots let go of, freed after a paint
        self.hold_follow_up: Callable[[], bool] = lambda: False
        self._grace = QTimer(self)
        self._grace.setSingleShot(True)
        self._grace.setInterval(FOLLOW_UP_GRACE_MS)
        self._grace.timeout.connect(self.release_follow_up)
        self._fetch_timer = QTimer(self)  # fetches after the paint that asked for them
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._fetch_next)
        self.page_loads = 0  # pages fetched (tests and benchmarks)
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

    @property
    def snapshot(self) -> bool:
        """True when the model holds the id of every row (pages are fetched by their ids)."""
        return self._ids is not None

    @property
    def fetching(self) -> bool:
        """Pages asked for by ``data()`` are being fetched (or are about to be)."""
        return self._fetching or bool(self._wanted) or self._fetch_timer.isActive()

    @property
    def follow_up_pending(self) -> bool:
        """The count (or the ids snapshot) waits for :meth:`release_follow_up`."""
        return bool(self._follow_up)

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
        unless that told the total, count the cases and take the ids snapshot in the
        background, adding the rows."""
        desk, flt, sort = self._desk, self._filter, self._sort
        size = min(self.first_size or self.page_size, self.page_size)
        self.loading = True
        self._load += 1  # pages, counts and snapshots still out belong to the previous load
        if self._ids is not None:  # not kept while the next list is read (36 MB a million);
            self._retired.append(self._ids)  # freed after the paint (20 ms a million)
            self._ids = None
        self._follow_up = []
        self._grace.stop()
        drop(self, "count")
        drop(self, "ids")

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
        self._soon_days = start.soon_days
        first = self._make_page(page.ids, page.rows)
        complete = page.total is not None and page.total <= len(page.ids)
        self.beginResetModel()
        self._rows = len(first.ids) if page.total is None else page.total
        self._total = page.total
        self._ids = first.ids if complete else None
        self._pages.clear()
        self._pages[0] = first
        self._partial_first = len(first.ids) < self.page_size and not complete
        self._wanted.clear()
        self._fetching = False
        self._last = None
        self.endResetModel()
        self.loading = False
        self.first_rows.emit(self._rows)
        if page.total is not None:
            self.loaded.emit(page.total)
        if not complete:
            self._hold(self._count if page.total is None else self._take_snapshot)
        if self._retired:
            self._hold(self._retired.clear)

    def _hold(self, step: Callable[[], None]) -> None:
        """Run ``step`` now, or after the table's paint when the view's owner holds it."""
        if self.hold_follow_up():
            self._follow_up.append(step)
            if not self._grace.isActive():
                self._grace.start()
        else:
            step()

    def release_follow_up(self) -> None:
        """The table has painted the first rows: the count (or the snapshot) may start,
        and the previous list's ids be freed."""
        steps, self._follow_up = self._follow_up, []
        self._grace.stop()
        for step in steps:
            step()

    def _count(self) -> None:
        self._desk.read(
            self,
            call(count_cases, self._filter),
            self._on_counted,
            self._on_count_failed,
            purpose="count",
        )

    def _on_counted(self, total: int) -> None:
        self._set_rows(total)
        self.loaded.emit(total)
        self._take_snapshot()

    def _set_rows(self, total: int) -> None:
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

    def _take_snapshot(self) -> None:
        """Every row's case id, in the background: later pages are then fetched by id."""
        self._desk.read(
            self,
            call(case_id_snapshot, self._filter, self._sort, total=self._total),
            self._on_snapshot,
            self._on_snapshot_failed,
            purpose="ids",
        )

    def _on_snapshot(self, snapshot: array[int]) -> None:
        shown = self._rows
        total = len(snapshot)
        self._set_rows(total)
        # kept as 8-byte integers: 8 MB for a million rows instead of a list's 36 MB
        ids = self._ids = snapshot
        size = self.page_size
        changed = [
            number
            for number, page in self._pages.items()
            if ids[number * size : number * size + len(page.ids)].tolist() != page.ids
        ]
        for number in changed:  # the list changed since the page was read by its offset
            del self._pages[number]
        if changed:
            self._last = None
            self._rows_changed(0, self._rows - 1)
        if total != shown:
            self.loaded.emit(total)

    def _on_snapshot_failed(self, refusal: Refusal) -> None:
        # nothing the user must know: the pages are fetched by their offsets instead
        log.warning("The case list's ids were not fetched: %s", refusal.text)

    def _on_failed(self, refusal: Refusal) -> None:
        self.loading = False
        self.load_failed.emit(refusal.text)

    def _on_count_failed(self, refusal: Refusal) -> None:
        self._total = self._rows  # what is shown is all there is to go by
        self.load_failed.emit(refusal.text)

    # -- pages ------------------------------------------------------------------------------------

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def _want(self, number: int) -> None:
        """``data()`` met a row of page ``number`` that is not here: fetch it after this paint."""
        wanted = self._wanted
        if number in wanted:
            wanted.move_to_end(number)
        else:
            wanted[number] = None
            if len(wanted) > WANTED_PAGES:
                wanted.popitem(last=False)
        if not self._fetching and not self._fetch_timer.isActive():
            self._fetch_timer.start()

    def _fetch_next(self) -> None:
        """Fetch the page asked for last, with the neighbours asked for too (one request of
        at most ``MAX_PAGE_SIZE`` rows), in the background."""
        wanted, size = self._wanted, self.page_size
        while wanted and not self._fetching:
            number, _ = wanted.popitem()
            if self._complete(number) or not 0 <= number * size < self._rows:
                continue
            first = last = number
            most = max(1, read_models.MAX_PAGE_SIZE // size)
            while last - first + 1 < most and last + 1 in wanted:
                del wanted[last + 1]
                last += 1
            while last - first + 1 < most and first - 1 in wanted:
                del wanted[first - 1]
                first -= 1
            self._fetch(first, last)

    def _fetch(self, first: int, last: int) -> None:
        size, load = self.page_size, self._load
        start, stop = first * size, min((last + 1) * size, self._rows)
        self._fetching = True

        def failed(refusal: Refusal) -> None:
            if load == self._load:
                self._fetching = False
                self.load_failed.emit(refusal.text)

        snapshot = self._ids
        if snapshot is not None:
            ids = list(snapshot[start:stop])
            self._desk.read(
                self,
                call(case_rows, ids, soon_days=self._soon_days),
                lambda rows: self._on_fetched(load, first, ids, rows),
                failed,
            )
            return
        page = call(
            read_models.case_list_page,
            self._filter,
            self._sort,
            start,
            stop - start,
            total=self._total,
            soon_days=self._soon_days,
        )
        self._desk.read(self, page, lambda got: self._on_fetched(load, first, *got), failed)

    def _on_fetched(self, load: int, first: int, ids: list[int], rows: list[CaseRow]) -> None:
        if load != self._load:
            return  # a page of a list no longer shown
        self._fetching = False
        top = self._store(first, ids, rows)
        if top is not None:
            self._rows_changed(*top)
        if self._wanted:
            self._fetch_timer.start()

    def _store(self, first: int, ids: list[int], rows: list[CaseRow]) -> tuple[int, int] | None:
        """Keep the pages from ``first`` on (``ids`` in row order, their ``rows``); the range
        of rows they cover (None: none)."""
        size = self.page_size
        by_id = {r.id: r for r in rows}
        count = 0
        for offset in range(0, len(ids), size):
            number = first + offset // size
            if number == 0:
                self._partial_first = False
            self._pages[number] = self._make_page(ids[offset : offset + size], by_id)
            self._pages.move_to_end(number)
            count += 1
        self.page_loads += count
        while len(self._pages) > max(self._cached_pages, count):
            self._pages.popitem(last=False)
        self._last = None
        top, bottom = first * size, min(first * size + len(ids), self._rows) - 1
        return (top, bottom) if bottom >= top else None

    def _rows_changed(self, top: int, bottom: int) -> None:
        if bottom >= top:
            self.dataChanged.emit(self.index(top, 0), self.index(bottom, len(COLUMNS) - 1))

    def _page_now(self, number: int, offset: int = 0) -> _Page | None:
        """The page ``number`` with its row ``offset``, fetched at once when missing
        (case_row(), case_id(): for tests and scripts; ``data()`` never waits)."""
        page = self._pages.get(number)
        size = self.page_size
        if (page is not None and offset < len(page.ids)) or self._complete(number):
            return page
        if not 0 <= number * size < self._rows:
            return page
        start, stop = number * size, min((number + 1) * size, self._rows)
        if self._ids is not None:
            ids = list(self._ids[start:stop])
            rows = self._desk.read_now(call(case_rows, ids, soon_days=self._soon_days))
        else:
            ids, rows = self._desk.read_now(
                call(
                    read_models.case_list_page,
                    self._filter,
                    self._sort,
                    start,
                    stop - start,
                    total=self._total,
                    soon_days=self._soon_days,
                )
            )
        self._store(number, ids, rows)
        return self._pages.get(number)

    def _make_page(self, ids: list[int], rows: list[CaseRow] | dict[int, CaseRow]) -> _Page:
        """A page of ``ids`` with their rows and colours (texts formatted when shown)."""
        by_id = rows if isinstance(rows, dict) else {r.id: r for r in rows}
        mine = {i: by_id[i] for i in ids if i in by_id}
        cells: list[tuple[str, ...] | None] = [() if i in mine else None for i in ids]
        colours = [_colour(mine[i]) if i in mine else 0 for i in ids]
        return _Page(list(ids), mine, cells, colours)

    def _format(self, page: _Page, offset: int) -> tuple[str, ...]:
        row = page.rows[page.ids[offset]]
        display = self._display
        texts = page.cells[offset] = tuple(display(row, key) for key in COLUMN_KEYS)
        return texts

    def _texts(self, row: int) -> tuple[_Page, int, tuple[str, ...]] | None:
        """The page of ``row``, the row's place in it and its display texts (formatted when
        first asked for); None while they are not here."""
        found = self._cells(row)
        if found is None:
            return None
        page, offset = found
        texts = page.cells[offset]
        if not texts:
            if texts is None:
                return None
            texts = self._format(page, offset)
        return page, offset, texts

    def _cells(self, row: int) -> tuple[_Page, int] | None:
        """The page of ``row`` and the row's place in it (None: not a row, or its page is
        not here yet: it is asked for)."""
        if not 0 <= row < self._rows:
            return None
        size = self.page_size
        number = row // size
        last = self._last
        if last is not None and last[0] == number:
            page = last[1]
        else:
            found = self._pages.get(number)
            if found is None:
                self._want(number)
                return None
            page = found
            self._last = (number, page)
        offset = row - number * size
        if offset < len(page.ids):
            return page, offset
        if number == 0 and self._partial_first:  # a row after the first rows of a load
            self._want(0)
        return None

    def _complete(self, number: int) -> bool:
        """Page ``number`` is here with all its rows (page 0 may hold only the first rows
        of a load)."""
        return number in self._pages and not (number == 0 and self._partial_first)

    def row_cells(self, row: int) -> tuple[tuple[str, ...], int] | None:
        """The texts of a row's cells and the row's deadline colour (an index into the
        deadline colours, 0: none; the delegate paints the deadline columns in it), in one
        call for the row's cells; None while its page is being fetched."""
        found = self._texts(row)
        if found is None:
            return None
        page, offset, texts = found
        return texts, page.colours[offset]

    def case_id(self, row: int) -> int | None:
        """The case of ``row`` (its page fetched at once when the model has no snapshot)."""
        if not 0 <= row < self._rows:
            return None
        if self._ids is not None:
            return self._ids[row]
        offset = row % self.page_size
        page = self._page_now(row // self.page_size, offset)
        return page.ids[offset] if page is not None and offset < len(page.ids) else None

    def case_row(self, row: int) -> CaseRow | None:
        """The list's row ``row`` (its page fetched at once when missing)."""
        if not 0 <= row < self._rows:
            return None
        offset = row % self.page_size
        page = self._page_now(row // self.page_size, offset)
        if page is None or offset >= len(page.ids):
            return None
        return page.rows.get(page.ids[offset])

    def _id_at(self, row: int) -> int | None:
        """The case of ``row`` if the model knows it (never fetched)."""
        if not 0 <= row < self._rows:
            return None
        if self._ids is not None:
            return self._ids[row]
        size = self.page_size
        page = self._pages.get(row // size)
        offset = row % size
        return page.ids[offset] if page is not None and offset < len(page.ids) else None

    def row_of(self, case_id: int) -> int | None:
        """The row of a case among the cached pages, else in the snapshot (None: unknown)."""
        for number, page in self._pages.items():
            if case_id in page.ids:
                return number * self.page_size + page.ids.index(case_id)
        if self._ids is not None and case_id in self._ids:
            return self._ids.index(case_id)
        return None

    # -- QAbstractTableModel ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # The view asks for the index of every cell it paints: one Python call, instead of
        # QAbstractTableModel's, whose hasIndex() calls rowCount() and columnCount() here
        if 0 <= row < self._rows and 0 <= column < _COLUMN_COUNT and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

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
        # Without the CellDelegate, called some 3,000 times per repaint (seven roles a
        # cell): the display role first, from the page's formatted cells; every other
        # role but four answered at once. Never reads the database: a row whose page is
        # not here shows empty, and the page is asked for.
        if role == _DISPLAY:
            texts = self._texts(index.row())
            return None if texts is None else texts[2][index.column()]
        if role not in _ROLES or not index.isValid():
            return None
        if role == _FOREGROUND:
            if index.column() not in _COLOURED:
                return None
            found = self._cells(index.row())
            return None if found is None else _brush(found[0].colours[found[1]])
        if role == _ALIGNMENT:
            return _RIGHT if index.column() == _DAYS_LEFT else None
        if role == CASE_ID_ROLE:
            return self._id_at(index.row())
        found = self._cells(index.row())
        if found is None:
            return None
        page, offset = found
        row = page.rows.get(page.ids[offset])
        if row is None:
            return None
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


_SELECTED = QStyle.StateFlag.State_Selected.value  # ints: Python's enum flags cost 3 µs an "&"
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHT = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_TEXT_MARGIN = 4  # px each side, as QCommonStyle's item text margin + 1
_PAINT = QEvent.Type.Paint
_COLOURS: list[QColor] = []  # the brushes' colours (made once)
_Rect = tuple[int, int, int, int]  # x, y, width, height
_LaidOut = tuple[QStaticText, float, float]  # the text shown, its width and height


def _text_colour(colour: int) -> QColor:
    if not _COLOURS:
        _COLOURS.extend(QColor(0, 0, 0) if b is None else b.color() for b in _brushes())
    return _COLOURS[colour]


class CellDelegate(QStyledItemDelegate):
    """Paints a cell of the case table in one call: the model's formatted text
    (:meth:`CaseTableModel.row_cells`), in its deadline colour, elided to the column's
    width, from a cache of laid-out texts (``QStaticText``: laid out again by Qt if the
    painter's font differs). The current cell with the keyboard focus (its focus frame) is
    left to ``QStyledItemDelegate``; so are sizes (the rows have one height: the view asks
    for none).

    The view paints a screenful of cells (some 400) row by row: within one paint of its
    viewport the delegate looks a row's cells up once, not once a cell, and asks the
    palette for the text's colour once (1.5 µs a cell). The pen is set for every cell: a
    style may change it between two cells (Windows 11's draws its row backgrounds with
    one)."""

    MAX_TEXTS = 20_000
    """Laid-out texts kept (a screenful is some 400; a column resized lays them out again)."""

    def __init__(self, model: CaseTableModel, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._row_cells = model.row_cells
        self._texts = _TEXTS
        self._row = -1  # the row looked up last in this paint, and its cells
        self._cells: tuple[tuple[str, ...], int] | None = None
        self._text_colour: QColor | None = None  # the palette's, in this paint
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == _PAINT:  # the rows or the palette may have changed since the last
            self._row, self._text_colour = -1, None
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        state = option.state.value
        if state & _HAS_FOCUS:
            super().paint(painter, option, index)
            return
        row = index.row()
        if row != self._row:
            self._row, self._cells = row, self._row_cells(row)
        cells = self._cells
        rect = option.rect
        if state & _SELECTED:
            palette = option.palette
            painter.fillRect(rect, palette.color(_HIGHLIGHT))
            painter.setPen(palette.color(_HIGHLIGHTED_TEXT))
        if cells is None:
            return
        column = index.column()
        text = cells[0][column]
        if not text:
            return
        if not state & _SELECTED:
            colour = cells[1] if column in _COLOURED else 0
            if colour:
                painter.setPen(_text_colour(colour))
            else:
                if self._text_colour is None:
                    self._text_colour = option.palette.color(_TEXT)
                painter.setPen(self._text_colour)
        x, y, width, height = cast(_Rect, rect.getRect())  # one call, not four
        laid_out = self._texts.get((text, width))
        if laid_out is None:
            if width <= 2 * _TEXT_MARGIN:
                return
            laid_out = self._lay_out(text, width, option)
        shown, text_width, text_height = laid_out
        right_aligned = column == _DAYS_LEFT
        left = x + width - 1 - _TEXT_MARGIN - text_width if right_aligned else x + _TEXT_MARGIN
        painter.drawStaticText(QPointF(left, y + (height - text_height) / 2), shown)

    def _lay_out(self, text: str, width: int, option: QStyleOptionViewItem) -> _LaidOut:
        # shaped once when it fits (most texts), twice when it must be elided
        room = width - 2 * _TEXT_MARGIN
        shown = _static_text(text, option)
        if shown.size().width() > room:
            elided = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            shown = _static_text(elided, option)
        size = shown.size()
        laid_out = (shown, size.width(), size.height())
        texts = self._texts
        if len(texts) >= self.MAX_TEXTS:
            texts.clear()
        texts[(text, width)] = laid_out
        return laid_out


def _static_text(text: str, option: QStyleOptionViewItem) -> QStaticText:
    laid_out = QStaticText(text)
    laid_out.setTextFormat(Qt.TextFormat.PlainText)
    laid_out.prepare(font=option.font)
    return laid_out


_TEXTS: dict[tuple[str, int], _LaidOut] = {}
"""The laid-out texts of every case table by text and cell width (a new list widget paints
the statuses, offices and dates laid out before)."""
