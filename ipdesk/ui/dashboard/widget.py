"""The managers' dashboard: period and scope filters, the table of figures per office and
station, four charts, drill-down to the cases behind a number, and the Excel export.

Every query runs in the background on the user's desk (never on the GUI thread). While
figures load, a busy bar and a Cancel button show; cancelling drops the result of the running
load (the query
finishes in the background). The export reports its progress and stops at Cancel without
leaving a file.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ipdesk.remote.calls import call
from ipdesk.services.queries import read_models
from ipdesk.services.queries.dashboard import (
    DashboardFigures,
    DashboardFilter,
    Period,
    Unit,
)
from ipdesk.services.queries.reports import Cancelled, ReportSummary, write_report
from ipdesk.ui.dashboard import charts as chart_builders
from ipdesk.ui.dashboard.charts import ChartPanel
from ipdesk.ui.dashboard.model import FIGURE_KEY_ROLE, DashboardTableModel
from ipdesk.ui.desk import CASE_WORK, ChangeKind, Desk, Refusal
from ipdesk.ui.flow_layout import FlowLayout
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.tasks import ProgressRelay, drop
from ipdesk.ui.unit_combo import add_unit, unit_combo

log = logging.getLogger(__name__)

Today = Callable[[], dt.date]


@dataclass(frozen=True)
class DrillDownRequest:
    """The cases behind one number of the dashboard: what the case list should show."""

    filter: DashboardFilter
    figure_key: str
    unit: Unit
    label: str  # e.g. "TL01 科尔沁区…: Overdue"


class DashboardWidget(QWidget):
    drill_down_requested = Signal(object)
    """The user asked for the cases behind a number: a :class:`DrillDownRequest`."""
    loaded = Signal()
    load_failed = Signal(str)
    exported = Signal(object)
    """The workbook was written: a :class:`~ipdesk.services.queries.reports.ReportSummary`."""

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self._today = desk.today
        self._units_known = False
        self._export_cancel: threading.Event | None = None
        self._relay: ProgressRelay | None = None
        self._stations: dict[int, list[tuple[int, str, str]]] = {}  # office -> stations
        self.filter: DashboardFilter | None = None
        self.setObjectName("dashboard")

        day = desk.today()
        self.from_edit = self._date_edit("from_edit", dt.date(day.year, 1, 1))
        self.to_edit = self._date_edit("to_edit", day)
        self.office_combo = unit_combo("office_combo")  # long names elide
        add_unit(self.office_combo, self.tr("All offices"), None)
        self.office_combo.currentIndexChanged.connect(self._on_office_changed)
        self.station_combo = unit_combo("station_combo")
        add_unit(self.station_combo, self.tr("All stations"), None)
        self.refresh_button = QPushButton(self.tr("&Show"))
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.reload)
        desk.follow(self, (*CASE_WORK, ChangeKind.ORG), self.reload)
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self._on_export_clicked)
        # the filters wrap to a second row where the page is narrower than they are (a
        # 1,280-pixel screen beside the organisation and the alerts); the period stays whole
        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(QLabel(self.tr("From")))
        period_row.addWidget(self.from_edit)
        period_row.addWidget(QLabel(self.tr("to")))
        period_row.addWidget(self.to_edit)
        filters = FlowLayout()
        for widget in (
            period,
            self.office_combo,
            self.station_combo,
            self.refresh_button,
            self.export_button,
        ):
            filters.addWidget(widget)

        self.status = QLabel()
        self.status.setObjectName("dashboard_status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("dashboard_progress")
        self.progress.setMaximumWidth(240)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)
        status_row.addWidget(self.cancel_button)

        self.model = DashboardTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("dashboard_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.doubleClicked.connect(self.drill_down)
        self.view.activated.connect(self.drill_down)

        self.trend_panel = ChartPanel("trend_chart")
        self.days_panel = ChartPanel("days_chart")
        self.overdue_panel = ChartPanel("overdue_chart")
        self.types_panel = ChartPanel("types_chart")
        chart_page = QWidget()
        grid = QGridLayout(chart_page)
        grid.addWidget(self.trend_panel, 0, 0)
        grid.addWidget(self.days_panel, 0, 1)
        grid.addWidget(self.overdue_panel, 1, 0)
        grid.addWidget(self.types_panel, 1, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboard_tabs")
        self.tabs.addTab(self.view, self.tr("Figures"))
        # the four charts scroll where the window is smaller than they are (a 1,280 × 800
        # screen beside the organisation and the alerts)
        charts = QScrollArea()
        charts.setObjectName("dashboard_charts")
        charts.setWidgetResizable(True)
        charts.setFrameShape(QFrame.Shape.NoFrame)
        charts.setWidget(chart_page)
        self.tabs.addTab(charts, self.tr("Charts"))

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(status_row)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _date_edit(name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(to_qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # -- the filter ---------------------------------------------------------------------------

    def current_filter(self) -> DashboardFilter | None:
        """The filter the controls describe; None (with a message) when the dates are
        reversed."""
        start, end = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
        if end < start:
            self.status.setText(self.tr("The period ends before it starts."))
            return None
        return DashboardFilter(
            Period(start, end), self.office_combo.currentData(), self.station_combo.currentData()
        )

    def set_period(self, start: dt.date, end: dt.date) -> None:
        self.from_edit.setDate(to_qdate(start))
        self.to_edit.setDate(to_qdate(end))

    def _on_office_changed(self, _index: int) -> None:
        office_id = self.office_combo.currentData()
        self.station_combo.blockSignals(True)
        self.station_combo.clear()
        add_unit(self.station_combo, self.tr("All stations"), None)
        if office_id is not None:
            for station in self._stations.get(office_id, []):
                add_unit(self.station_combo, f"{station[1]}  {station[2]}", station[0])
        self.station_combo.setEnabled(office_id is not None)
        self.station_combo.blockSignals(False)

    def _remember_units(self, figures: DashboardFigures) -> None:
        """Fill the office choice once, from the first unfiltered load."""
        if self._units_known or figures.filter.office_id or figures.filter.station_id:
            return
        self._units_known = True
        self._stations = {}
        for station in figures.stations:
            if station.office_id is not None and station.unit.id is not None:
                self._stations.setdefault(station.office_id, []).append(
                    (station.unit.id, station.code, station.name)
                )
        self.office_combo.blockSignals(True)
        for office in figures.offices:
            add_unit(self.office_combo, f"{office.code}  {office.name}", office.unit.id)
        self.office_combo.blockSignals(False)
        if len(figures.offices) == 1:  # an office manager: their office only
            self.office_combo.setCurrentIndex(1)
            self.office_combo.setEnabled(False)
        self._on_office_changed(self.office_combo.currentIndex())

    # -- loading ------------------------------------------------------------------------------

    def reload(self, *_args: object) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        self.filter = flt
        load = call(read_models.dashboard_page, flt)
        self._busy(self.tr("Loading the figures…"))
        self._desk.read(self, load, self._on_loaded, self._on_failed, purpose="load")

    def cancel(self) -> None:
        """Drop the running load, or stop the running export."""
        if self._export_cancel is not None:
            self._export_cancel.set()
            self.status.setText(self.tr("Cancelling the export…"))
            return
        drop(self, "load")
        self._idle(self.tr("Cancelled."))

    def _busy(self, text: str, total: int = 0) -> None:
        self.status.setText(text)
        self.progress.setRange(0, total)  # 0, 0: a busy indicator
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.refresh_button.setEnabled(False)
        self.export_button.setEnabled(False)

    def _idle(self, text: str) -> None:
        self.status.setText(text)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.refresh_button.setEnabled(True)
        self.export_button.setEnabled(True)

    def _on_loaded(self, loaded: read_models.DashboardPage) -> None:
        figures = loaded.figures
        self._remember_units(figures)
        self.model.set_figures(figures, self._total_label(figures))
        self.view.resizeColumnsToContents()
        self.trend_panel.set_chart(chart_builders.trend_chart(loaded.charts))
        self.days_panel.set_chart(chart_builders.handling_days_chart(loaded.charts))
        self.overdue_panel.set_chart(chart_builders.overdue_chart(loaded.charts.overdue_by_office))
        self.types_panel.set_chart(chart_builders.ip_types_chart(loaded.charts.ip_types))
        period = figures.period
        self._idle(
            self.tr(
                "{0} to {1}, figures as of {2}. Double-click a number to list its cases."
            ).format(period.start.isoformat(), period.end.isoformat(), figures.as_of.isoformat())
        )
        self.loaded.emit()

    def _total_label(self, figures: DashboardFigures) -> str:
        if figures.filter.station_id is not None or figures.filter.office_id is not None:
            return self.tr("Total of the selection")
        if self._actor.is_citywide:
            return self.tr("City total")
        return self.tr("Total")

    def _on_failed(self, refusal: Refusal) -> None:
        log.error("Loading the dashboard failed: %s", refusal.text)
        text = self.tr("The dashboard could not be loaded: {0}").format(refusal.text)
        self._idle(text)
        self.load_failed.emit(text)

    # -- drill-down ---------------------------------------------------------------------------

    def drill_down(self, index: QModelIndex) -> None:
        """Emit ``drill_down_requested`` for the number at ``index``: the case list reads
        its cases by the figure's condition (its first rows at once), not by their ids
        fetched here first (half a million for a city's closed cases: seconds)."""
        flt = self.model.figures.filter if self.model.figures is not None else None
        unit = self.model.unit_at(index.row()) if index.isValid() else None
        key = index.data(FIGURE_KEY_ROLE) if index.isValid() else None
        if flt is None or unit is None or key is None:
            return
        header = self.model.headerData(index.column(), Qt.Orientation.Horizontal)
        unit_text = self.model.index(index.row(), 0).data()
        label = self.tr("{0}: {1}").format(str(unit_text).strip(), header)
        self.drill_down_requested.emit(DrillDownRequest(flt, key, unit, label))

    # -- export -------------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        name = f"ipdesk-{flt.period.start.isoformat()}-{flt.period.end.isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), name, self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Write the workbook of the current filter to ``path`` in the background."""
        flt = self.current_filter()
        if flt is None or self._export_cancel is not None:
            return
        cancel = threading.Event()
        self._export_cancel = cancel
        relay = ProgressRelay(self)
        relay.progressed.connect(self._on_export_progress)
        self._relay = relay
        actor, today = self._actor, self._today()

        def work(session: Session) -> ReportSummary:
            return write_report(
                session,
                actor,
                path,
                flt.period,
                relay.report,
                cancel.is_set,
                office_id=flt.office_id,
                station_id=flt.station_id,
                today=today,
            )

        self._busy(self.tr("Exporting to {0}…").format(path.name), 1)
        self._desk.read(self, work, self._on_exported, self._on_export_failed, purpose="export")

    def _on_export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _export_finished(self) -> None:
        self._export_cancel = None
        if self._relay is not None:
            self._relay.deleteLater()
            self._relay = None

    def _on_exported(self, summary: ReportSummary) -> None:
        self._export_finished()
        self._idle(self.tr("Exported {0} cases to {1}.").format(summary.cases, str(summary.path)))
        self.exported.emit(summary)

    def _on_export_failed(self, refusal: Refusal) -> None:
        self._export_finished()
        if isinstance(refusal.error, Cancelled):
            self._idle(self.tr("The export was cancelled; no file was written."))
            return
        log.error("Exporting the dashboard failed: %s", refusal.text)
        self._idle(self.tr("The export failed: {0}").format(refusal.text))
