"""The alerts panel: the signed-in user's deadline alerts, acknowledged one by one or in bulk.

Loading and acknowledging run off the GUI thread (``run_task``), each with its own session.
Connect :meth:`AlertsPanel.reload` to the scheduler's ``alerts_created`` signal so new
alerts appear as soon as a scan has made them. Enter or a double-click on an alert opens
its case; :meth:`AlertsPanel.select_next_unacknowledged` (F8 in the main window) moves to
the next alert still to be acknowledged without opening anything.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QMargins, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipdesk.models import LimitKind, Role
from ipdesk.remote.calls import call
from ipdesk.services.cases import alerts
from ipdesk.services.cases.alerts import AlertInfo, acknowledge_alerts
from ipdesk.services.cases.limits import OVERDUE
from ipdesk.ui.alerts.model import (
    ACKNOWLEDGED,
    CASE,
    CASE_ID_ROLE,
    DAYS_LEFT,
    DUE_ON,
    LIMIT,
    MEDIATOR,
    STAGE,
    AlertsTableModel,
    days_left_text,
    limit_kind_text,
    threshold_text,
)
from ipdesk.ui.desk import Change, ChangeKind, Desk, Refusal

log = logging.getLogger(__name__)

Today = Callable[[], dt.date]


class AlertsPanel(QWidget):
    case_open_requested = Signal(int)
    """The user asked to open a case (by its id) from an alert."""
    alerts_loaded = Signal(int)
    """The list was (re)loaded; the number of unacknowledged alerts."""
    alerts_acknowledged = Signal(list)
    """Alerts (their ids) were acknowledged."""
    load_failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self._today = desk.today
        self.unacknowledged = 0
        desk.follow(self, [ChangeKind.ALERTS], self.reload)

        self.setObjectName("alerts_panel")
        self.model = AlertsTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("alerts_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        # Enter, and a double-click where the platform activates items by double-clicking.
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        self.summary = QLabel()
        self.summary.setObjectName("alerts_summary")
        self.summary.setWordWrap(True)  # a long count or error: more lines, not a wider dock
        self.show_acknowledged = QCheckBox(self.tr("Show acknowledged"))
        self.show_acknowledged.setObjectName("alerts_show_acknowledged")
        self.show_acknowledged.toggled.connect(self.reload)
        self.show_acknowledged.toggled.connect(self._show_columns)

        self.acknowledge_button = QPushButton(self.tr("&Acknowledge"))
        self.acknowledge_button.setObjectName("alerts_acknowledge")
        self.acknowledge_button.setToolTip(self.tr("Record that you have seen the selected alerts"))
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.open_button = QPushButton(self.tr("&Open case"))
        self.open_button.setObjectName("alerts_open_case")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("alerts_refresh")
        self.refresh_button.clicked.connect(self.reload)

        self.acknowledge_action = QAction(self.tr("Acknowledge"), self)
        self.acknowledge_action.setShortcut(QKeySequence("Ctrl+K"))
        self.acknowledge_action.triggered.connect(self.acknowledge_selected)
        self.view.addAction(self.acknowledge_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        # Two rows: the dock is narrow, and the count must not be cut off by the buttons.
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.show_acknowledged)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.acknowledge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        self._show_columns()
        self._update_actions()

    def _show_columns(self, *_args: object) -> None:
        """The dock is narrow: who acknowledged only when acknowledged alerts are shown; no
        mediator column for a mediator, whose alerts are those of their own cases; the due
        date on the tooltip (the days left say when)."""
        self.view.setColumnHidden(ACKNOWLEDGED, not self.show_acknowledged.isChecked())
        self.view.setColumnHidden(MEDIATOR, self._actor.role == Role.MEDIATOR)
        self.view.setColumnHidden(DUE_ON, True)

    def columns_width(self) -> int:
        """The width the visible columns need for their longest usual texts (bold, as an
        escalated alert is shown), with the list's frame and scroll bar."""
        bold = QFont(self.view.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        samples = {
            CASE: ["TL01-2026-00000"],
            LIMIT: [limit_kind_text(kind) for kind in LimitKind],
            STAGE: [self.model.tr("{0} (escalated)").format(threshold_text(OVERDUE))],
            DUE_ON: ["2026-12-31"],
            DAYS_LEFT: [days_left_text(-888), days_left_text(888)],
            MEDIATOR: ["欧阳明月"],
            ACKNOWLEDGED: ["欧阳明月 2026-12-31 00:00"],
        }
        width = 0
        for column, texts in samples.items():
            if not self.view.isColumnHidden(column):
                header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
                width += max(metrics.horizontalAdvance(t) for t in [*texts, header]) + 12
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        frame = 2 * self.view.frameWidth() + margins.left() + margins.right()
        return width + frame + self.view.verticalScrollBar().sizeHint().width()

    def sizeHint(self) -> QSize:
        """The dock's first width: :meth:`columns_width`, but no more than 40 % of the
        screen."""
        hint = super().sizeHint()
        width = self.columns_width()
        screen = self.screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width() * 2 // 5)
        return QSize(max(hint.width(), width), hint.height())

    # -- loading --------------------------------------------------------------------------

    def reload(self, *_args: object) -> None:
        """Load the user's alerts in the background; ``alerts_loaded`` tells when done."""
        include = self.show_acknowledged.isChecked()
        load = call(alerts.alerts_panel, include_acknowledged=include)
        self._desk.read(
            self, load, lambda loaded: self._on_loaded(*loaded), self._on_failed, purpose="load"
        )

    def _on_loaded(self, alerts: list[AlertInfo], unacknowledged: int) -> None:
        self.model.set_rows(alerts)
        self.unacknowledged = unacknowledged
        shown = len(alerts)
        if unacknowledged > shown and not self.show_acknowledged.isChecked():
            text = (
                self.tr("%n unacknowledged alert(s)", "", unacknowledged)
                + " "
                + self.tr("(showing the %n most urgent)", "", shown)
            )
        else:
            text = self.tr("%n unacknowledged alert(s)", "", unacknowledged)
        self.summary.setText(text)
        self._update_actions()
        self.alerts_loaded.emit(unacknowledged)

    def _on_failed(self, refusal: Refusal) -> None:
        log.error("Loading the alerts failed: %s", refusal.text)
        text = self.tr("The alerts could not be loaded: {0}").format(refusal.text)
        self.summary.setText(text)
        self.load_failed.emit(text)

    # -- actions --------------------------------------------------------------------------

    def selected_alerts(self) -> list[AlertInfo]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [a for a in (self.model.row_at(r) for r in rows) if a is not None]

    def acknowledge_selected(self) -> None:
        ids = [a.id for a in self.selected_alerts() if not a.acknowledged]
        if not ids:
            return

        def failed(refusal: Refusal) -> None:
            self.summary.setText(
                self.tr("The alerts could not be acknowledged: {0}").format(refusal.text)
            )
            self.reload()

        self.acknowledge_button.setEnabled(False)
        self._desk.write(
            self,
            call(acknowledge_alerts, ids),
            lambda _acknowledged: self.alerts_acknowledged.emit(ids),  # the list follows
            failed,
            changes=Change.of(ChangeKind.ALERTS),
        )

    def _on_open_clicked(self) -> None:
        selected = self.selected_alerts()
        if selected:
            self.case_open_requested.emit(selected[0].case_id)

    def _on_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if case_id is not None:
            self.case_open_requested.emit(int(case_id))

    def select_next_unacknowledged(self) -> bool:
        """Make the next unacknowledged alert after the current one (wrapping around at
        the end) the current and only selected row, and give the list the focus; Enter
        then opens its case. False when no alert waits to be acknowledged."""
        rows = self.model.rowCount()
        current = self.view.currentIndex()
        start = current.row() if current.isValid() else -1
        for step in range(1, rows + 1):
            row = (start + step) % rows
            alert = self.model.row_at(row)
            if alert is not None and not alert.acknowledged:
                index = self.model.index(row, 0)
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
                self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return False

    def _update_actions(self, *_args: object) -> None:
        selected = self.selected_alerts()
        self.open_button.setEnabled(len(selected) == 1)
        can_acknowledge = any(not a.acknowledged for a in selected)
        self.acknowledge_button.setEnabled(can_acknowledge)
        self.acknowledge_action.setEnabled(can_acknowledge)
