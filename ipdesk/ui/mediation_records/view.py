"""The mediation records (调解笔录) of one case, as a tab of the case view."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import call
from ipdesk.services.cases import mediation_records
from ipdesk.services.cases.mediation_records import MediationRecordInfo
from ipdesk.ui.desk import Desk, Refusal


def _ignore(_refusal: Refusal) -> None:
    pass  # the tab stays as it was


class MediationRecordsView(QWidget):
    """Lists the case's records (loaded in the background); ``loaded(list)`` after each load."""

    loaded = Signal(object)

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk, self._actor, self.case_id = desk, desk.actor, case_id
        self.records: list[MediationRecordInfo] = []
        self.setObjectName("mediation_records_view")
        headers = [
            self.tr("Date"),
            self.tr("Place"),
            self.tr("Attendees"),
            self.tr("Summary"),
            self.tr("Next step"),
            self.tr("Recorded by"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("records_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 150, 160, 300, 160, 80)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        load = call(mediation_records.list_records, self.case_id)
        self._desk.read(self, load, self._on_loaded, _ignore, purpose="load")

    def _on_loaded(self, records: list[MediationRecordInfo]) -> None:
        self.records = records
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            values = [
                r.held_on.isoformat(),
                r.place,
                r.attendees,
                r.summary,
                r.next_step or "",
                r.recorder or "ipdesk-admin",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.loaded.emit(records)
