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
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.db import READ_ONLY
from ipdesk.services import mediation_records
from ipdesk.services.actors import Actor
from ipdesk.services.mediation_records import MediationRecordInfo
from ipdesk.ui.tasks import run_task


class MediationRecordsView(QWidget):
    """Lists the case's records (loaded in the background); ``loaded(list)`` after each load."""

    loaded = Signal(object)

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Actor,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory, self._actor, self.case_id = session_factory, actor, case_id
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
        factory, actor, case_id = self._factory, self._actor, self.case_id

        def load() -> list[MediationRecordInfo]:
            with factory() as session:
                session.connection(execution_options=READ_ONLY)
                return mediation_records.list_records(session, actor, case_id)

        run_task(load, self._on_loaded, lambda _e: None, context=self)

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
