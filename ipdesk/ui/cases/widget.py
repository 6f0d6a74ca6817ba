"""The case list page: a filter bar, a search box and the lazy case table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QDate, QEvent, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipdesk.services.admin.org import OfficeInfo
from ipdesk.services.queries.cases_query import CaseFilter, FigureCases
from ipdesk.ui.cases.model import CASE_ID_ROLE, COLUMN_KEYS, COLUMNS, CaseTableModel, CellDelegate
from ipdesk.ui.desk import CASE_WORK, Desk
from ipdesk.ui.flow_layout import FlowLayout
from ipdesk.ui.intake.labels import deadline_labels, ip_type_labels, status_labels
from ipdesk.ui.org_source import org_source
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.unit_combo import add_unit, add_units, unit_combo

SEARCH_DELAY_MS = 250
HEADER_KEY = "case_list/header"
NO_DATE = QDate(2000, 1, 1)


class CaseListWidget(QWidget):
    """All cases the user may see. Wire ``set_unit`` to the organisation tree and
    ``case_open_requested`` to whatever opens a case. ``show_filter`` shows the cases
    behind a number elsewhere (the deadline board, the dashboard) with a label saying so,
    until the user clears it."""

    case_open_requested = Signal(int)
    search_started = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        search_delay_ms: int = SEARCH_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._settings = settings if settings is not None else QSettings()
        self._offices: list[OfficeInfo] = []
        self._syncing = False
        self._case_ids: tuple[int, ...] | None = None  # a drill-down to exactly these
        self._figure: FigureCases | None = None  # a drill-down to a dashboard figure's
        self.setObjectName("case_list")

        self.model = CaseTableModel(desk, self)
        desk.follow(self, CASE_WORK, lambda _change: self.model.reload())
        self.model.first_rows.connect(self._on_first_rows)
        self.model.loaded.connect(self._on_loaded)
        self.model.load_failed.connect(self._on_load_failed)

        # -- filter bar
        # names elide (filters of long names made the window wider than the screen)
        self.office_combo = unit_combo("office_filter")
        add_unit(self.office_combo, self.tr("All offices"), None)
        self.station_combo = unit_combo("station_filter")
        add_unit(self.station_combo, self.tr("All stations"), None)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("status_filter")
        self.status_combo.addItem(self.tr("Any status"), None)
        self.status_combo.addItem(self.tr("Open"), "open")
        for value, text in status_labels().items():
            self.status_combo.addItem(text, value)
        self.status_combo.addItem(self.tr("Suspended"), "suspended")
        self.ip_type_combo = QComboBox()
        self.ip_type_combo.setObjectName("ip_type_filter")
        self.ip_type_combo.addItem(self.tr("Any IP type"), None)
        for value, text in ip_type_labels().items():
            self.ip_type_combo.addItem(text, value)
        self.deadline_combo = QComboBox()
        self.deadline_combo.setObjectName("deadline_filter")
        self.deadline_combo.addItem(self.tr("Any deadline"), None)
        for value, text in deadline_labels().items():
            self.deadline_combo.addItem(text, value)
        self.from_edit = self._date_edit("received_from_filter", self.tr("from —"))
        self.to_edit = self._date_edit("received_to_filter", self.tr("to —"))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search: number, party name, ID / credit code, right number, facts")
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.drill_label = QLabel()
        self.drill_label.setObjectName("drill_down_label")
        self.drill_label.setStyleSheet(
            "#drill_down_label { background: #e8f0fe; border: 1px solid #8ab4f8;"
            " border-radius: 3px; padding: 1px 6px; }"
        )
        self.clear_drill_button = QPushButton(self.tr("Clear filter"))
        self.clear_drill_button.setObjectName("clear_drill_down")
        self.clear_drill_button.setToolTip(self.tr("Show all cases again"))
        self.clear_drill_button.clicked.connect(self.clear_filter)
        self.drill_label.setVisible(False)
        self.clear_drill_button.setVisible(False)

        for combo in (
            self.office_combo,
            self.station_combo,
            self.status_combo,
            self.ip_type_combo,
            self.deadline_combo,
        ):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.office_combo.currentIndexChanged.connect(self._fill_stations)
        self.from_edit.dateChanged.connect(self._on_filter_changed)
        self.to_edit.dateChanged.connect(self._on_filter_changed)

        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(search_delay_ms)
        self.search_timer.timeout.connect(self._on_search_timeout)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_edit.returnPressed.connect(self._on_search_return)
        self.search_edit.installEventFilter(self)

        # -- the table
        self.table = QTableView()
        self.table.setObjectName("case_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        row_height = self.table.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        # a (re)load fetches the rows a screen (at least a full-HD one) can show first,
        # not a whole page: fewer rows read, built and sent before the first paint
        screen = max(self.screen().availableGeometry().height(), 1080)
        self.model.first_size = screen // row_height + 1
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        for key, width in (("number", 150), ("status", 110), ("applicant", 110)):
            header.resizeSection(COLUMN_KEYS.index(key), width)
        header.resizeSection(COLUMN_KEYS.index("respondent"), 200)
        header.setSortIndicator(COLUMN_KEYS.index("received"), Qt.SortOrder.DescendingOrder)
        self._restore_header()
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        self.table.activated.connect(self._on_activated)
        # one Python call per cell painted, from laid-out texts
        self.table.setItemDelegate(CellDelegate(self.model, self.table))
        # the count of a new list waits for the table's paint of its first rows
        viewport = self.table.viewport()
        self.model.hold_follow_up = viewport.isVisible
        viewport.installEventFilter(self)

        # the filters wrap to a second row where the list is narrower than they are
        bar = FlowLayout()
        for widget in (
            self.office_combo,
            self.station_combo,
            self.status_combo,
            self.ip_type_combo,
            self.deadline_combo,
            self.from_edit,
            self.to_edit,
        ):
            bar.addWidget(widget)
        search = QHBoxLayout()
        search.addWidget(self.search_edit, 1)
        search.addWidget(self.drill_label)
        search.addWidget(self.clear_drill_button)
        search.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)

        # The first load follows the restored sort indicator: enabling sorting calls
        # model.sort(), which reloads (unless the column cannot be sorted).
        section = header.sortIndicatorSection()
        self.table.setSortingEnabled(True)
        if not 0 <= section < len(COLUMNS) or COLUMNS[section].sort is None:
            self.model.reload()
        header.sortIndicatorChanged.connect(self._save_header)
        self._load_org()

    def _date_edit(self, name: str, empty: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(empty)
        edit.setDate(NO_DATE)
        return edit

    # -- organisation -----------------------------------------------------------------------------

    def _load_org(self) -> None:
        # the desk's one organisation tree: loaded once for every page, reloaded (and
        # given again) after a change of the organisation
        org_source(self._desk).subscribe(
            self, self._on_org_loaded, lambda refusal: self._on_load_failed(refusal.text)
        )

    def _on_org_loaded(self, offices: list[OfficeInfo]) -> None:
        self._offices = offices
        self._syncing = True
        current = self.office_combo.currentData()
        if isinstance(self.model.filter.office, int):  # shown before the offices came
            current = self.model.filter.office
        self.office_combo.clear()
        self.office_combo.addItem(self.tr("All offices"), None)
        add_units(self.office_combo, [(office.name, office.id) for office in offices])
        index = self.office_combo.findData(current)
        self.office_combo.setCurrentIndex(max(0, index))
        self._syncing = False
        self._fill_stations()

    def _fill_stations(self) -> None:
        office_id = self.office_combo.currentData()
        current = self.station_combo.currentData()
        was_syncing, self._syncing = self._syncing, True
        self.station_combo.clear()
        self.station_combo.addItem(self.tr("All stations"), None)
        stations = [
            (station.name, station.id)
            for office in self._offices
            if office_id is None or office.id == office_id
            for station in office.stations
        ]
        add_units(self.station_combo, stations)
        index = self.station_combo.findData(current)
        self.station_combo.setCurrentIndex(max(0, index))
        self._syncing = was_syncing

    def set_unit(self, kind: str, unit_id: int) -> None:
        """Show the cases of one office or station (the organisation tree's selection);
        any other ``kind`` shows all."""
        self._syncing = True
        if kind == "office":
            self.office_combo.setCurrentIndex(max(0, self.office_combo.findData(unit_id)))
            self._fill_stations()
            self.station_combo.setCurrentIndex(0)
            self.model.update_filter(office=unit_id, station=None)
        elif kind == "station":
            office_id = next(
                (o.id for o in self._offices if any(s.id == unit_id for s in o.stations)), None
            )
            self.office_combo.setCurrentIndex(max(0, self.office_combo.findData(office_id)))
            self._fill_stations()
            self.station_combo.setCurrentIndex(max(0, self.station_combo.findData(unit_id)))
            self.model.update_filter(office=None, station=unit_id)
        else:
            self.office_combo.setCurrentIndex(0)
            self._fill_stations()
            self.model.update_filter(office=None, station=None)
        self._syncing = False
        self._filter_edited()

    # -- filtering and searching ------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        def day(edit: QDateEdit) -> dt.date | None:
            q = edit.date()
            return None if q <= NO_DATE else from_qdate(q)

        return CaseFilter(
            office=self.office_combo.currentData(),
            station=self.station_combo.currentData(),
            status=self.status_combo.currentData(),
            ip_type=self.ip_type_combo.currentData(),
            deadline=self.deadline_combo.currentData(),
            received_from=day(self.from_edit),
            received_to=day(self.to_edit),
            text=self.search_edit.text().strip(),
            case_ids=self._case_ids,
            figure=self._figure,
        )

    def _on_filter_changed(self, *_args: object) -> None:
        if not self._syncing:
            self.model.set_filter(self.current_filter())
            self._filter_edited()

    def show_filter(self, flt: CaseFilter, label: str) -> None:
        """Show exactly the cases of ``flt`` (a drill-down), set the filter bar to it and
        show ``label`` with a button that clears it. ``flt.case_ids`` and ``flt.figure``
        stay in force while the label shows (other filters then narrow them down)."""
        self._set_bar(flt)
        self.drill_label.setText(label)
        self.drill_label.setToolTip(label)
        self._show_drill_down(True)
        self.model.set_filter(flt)

    def clear_filter(self) -> None:
        """Drop the drill-down and every filter: all cases again."""
        self._set_bar(CaseFilter())
        self._show_drill_down(False)
        self.model.set_filter(CaseFilter())

    def drill_down_text(self) -> str:
        """The label of the drill-down in force ("" when none)."""
        return self.drill_label.text() if self.drill_label.isVisibleTo(self) else ""

    def _show_drill_down(self, visible: bool) -> None:
        self.drill_label.setVisible(visible)
        self.clear_drill_button.setVisible(visible)

    def _filter_edited(self) -> None:
        """The user changed the filter bar: a drill-down described by the bar alone no
        longer is what the label says (a list of ids or a dashboard figure stays in force
        with its label)."""
        if self._case_ids is None and self._figure is None:
            self._show_drill_down(False)

    def _set_bar(self, flt: CaseFilter) -> None:
        """Set the filter bar to ``flt`` without reloading."""
        self._syncing = True
        self.search_timer.stop()

        def choose(combo: QComboBox, value: object) -> None:
            combo.setCurrentIndex(max(0, combo.findData(value)))

        office = flt.office
        if flt.station is not None and office is None and isinstance(flt.station, int):
            office = next(
                (o.id for o in self._offices if any(s.id == flt.station for s in o.stations)),
                None,
            )
        choose(self.office_combo, office)
        self._fill_stations()
        choose(self.station_combo, flt.station)
        choose(self.status_combo, flt.status)
        choose(self.ip_type_combo, flt.ip_type)
        choose(self.deadline_combo, flt.deadline)
        for edit, value in ((self.from_edit, flt.received_from), (self.to_edit, flt.received_to)):
            edit.setDate(NO_DATE if value is None else to_qdate(value))
        self.search_edit.setText(flt.text)
        self.search_timer.stop()
        self._case_ids = flt.case_ids
        self._figure = flt.figure
        self._syncing = False

    def _on_search_timeout(self) -> None:
        self.search_timer.stop()
        text = self.search_edit.text().strip()
        if text == self.model.filter.text:
            return
        self.search_started.emit(text)
        self.model.set_filter(self.current_filter())

    def _on_search_return(self) -> None:
        """Enter in the search box: search at once for a new text; for the text already
        searched, open the current result (the first when none is current)."""
        pending = self.search_timer.isActive()
        if pending or self.search_edit.text().strip() != self.model.filter.text:
            self._on_search_timeout()
            return
        if self.model.rowCount() > 0:
            if not self.table.currentIndex().isValid():
                self._go_to_first_result()
            self._on_activated(self.table.currentIndex())

    def _go_to_first_result(self) -> bool:
        """Make the first result current and give the table the focus (Down in the search
        box). False when there is no result."""
        if self.model.rowCount() == 0:
            return False
        index = self.table.currentIndex()
        if not index.isValid():
            index = self.model.index(0, self.table.horizontalHeader().logicalIndex(0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if self.model.follow_up_pending and watched is self.table.viewport():
                # after this paint: the first rows are on the screen
                QTimer.singleShot(0, self.model, self.model.release_follow_up)
            return False
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and self._go_to_first_result()
        ):
            return True
        return super().eventFilter(watched, event)

    def search(self, text: str) -> None:
        """Put ``text`` in the search box and search at once (Edit → Find)."""
        self.search_edit.setText(text)
        self._on_search_timeout()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _on_first_rows(self, _rows: int) -> None:
        if self.model.counting:  # a million cases take a moment to count
            self._show_count(self.tr("Counting…"))

    def _on_loaded(self, total: int) -> None:
        self._show_count(self.tr("%n case(s)", "", total))

    def _on_load_failed(self, text: str) -> None:
        self._show_count(text, "color: #b00020;")

    def _show_count(self, text: str, style: str = "") -> None:
        self.count_label.setText(text)
        if self.count_label.styleSheet() != style:  # restyling costs a millisecond or two
            self.count_label.setStyleSheet(style)

    # -- opening -------------------------------------------------------------------------------

    def _on_activated(self, index: object) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self.case_open_requested.emit(case_id)

    def current_case_id(self) -> int | None:
        value = self.model.data(self.table.currentIndex(), CASE_ID_ROLE)
        return value if isinstance(value, int) else None

    # -- columns ---------------------------------------------------------------------------------

    def _on_header_menu(self, pos: QPoint) -> None:
        self.column_menu().popup(self.table.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """The header's context menu: a checkable entry per column."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("column_menu")
        for section in range(self.model.columnCount()):
            action = QAction(str(self.model.headerData(section, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.setData(section)
            action.toggled.connect(lambda on, s=section: self.set_column_visible(s, on))
            menu.addAction(action)
        return menu

    def set_column_visible(self, section: int, visible: bool) -> None:
        header = self.table.horizontalHeader()
        if not visible and header.count() - header.hiddenSectionCount() <= 1:
            return  # keep one column
        header.setSectionHidden(section, not visible)
        self._save_header()

    def _save_header(self, *_args: object) -> None:
        self._settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        state = self._settings.value(HEADER_KEY)
        if isinstance(state, QByteArray | bytes):
            self.table.horizontalHeader().restoreState(QByteArray(state))
