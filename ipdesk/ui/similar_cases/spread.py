"""The managers' view of like cases, unlike outcomes (类案不同罚): per IP type and office,
how the cases finished in a period ended and the range and median of the amounts agreed
(services/queries/similar_cases.py ``outcome_spread``). View → Outcomes of like cases…; office
managers see their office, city managers every office. Loaded in the background."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipdesk.models import IpType
from ipdesk.remote.calls import call
from ipdesk.services.queries import similar_cases as sc
from ipdesk.ui.desk import Desk, Refusal
from ipdesk.ui.intake.labels import ip_type_labels, label, status_labels
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.similar_cases.tab import money
from ipdesk.ui.text_table import fill_text_table, text_table

DEFAULT_DAYS = 365


class OutcomeSpreadDialog(QDialog):
    """``loaded(list[SpreadRow])`` after each load."""

    loaded = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.rows: list[sc.SpreadRow] | None = None
        self.setObjectName("outcome_spread_dialog")
        self.setWindowTitle(self.tr("Outcomes of like cases"))
        today = desk.today()
        self.since = QDateEdit(to_qdate(today - dt.timedelta(days=DEFAULT_DAYS)))
        self.until = QDateEdit(to_qdate(today))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.ip_type = QComboBox()
        self.ip_type.setObjectName("spread_ip_type")
        self.ip_type.addItem(self.tr("All IP types"), None)
        labels = ip_type_labels()
        for value in IpType:
            self.ip_type.addItem(label(labels, value.value), value.value)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("spread_show")
        self.show_button.clicked.connect(self.reload)
        period = QHBoxLayout()
        period.addWidget(self.since)
        period.addWidget(QLabel("–"))
        period.addWidget(self.until)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Finished between"), period)
        form.addRow(self.tr("IP type"), self.ip_type)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("spread_summary")
        self.summary_label.setWordWrap(True)
        self.table = text_table(
            "spread_table",
            [
                self.tr("IP type"),
                self.tr("Office"),
                self.tr("Finished"),
                self.tr("Outcomes"),
                self.tr("With an amount"),
                self.tr("Lowest"),
                self.tr("Median"),
                self.tr("Highest"),
            ],
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def reload(self) -> None:
        since, until = from_qdate(self.since.date()), from_qdate(self.until.date())
        self.show_button.setEnabled(False)
        load = call(sc.outcome_spread, since=since, until=until, ip_type=self.ip_type.currentData())
        self.desk.read(self, load, self._on_loaded, self._on_refused, purpose="load")

    def _on_refused(self, refusal: Refusal) -> None:
        self.show_button.setEnabled(True)
        self.summary_label.setText(refusal.text)

    def _on_loaded(self, rows: list[sc.SpreadRow]) -> None:
        self.show_button.setEnabled(True)
        self.rows = rows
        ips, statuses = ip_type_labels(), status_labels()
        total = sum(r.spread.count for r in rows)
        self.summary_label.setText(
            self.tr("%n finished case(s).", "", total)
            + " "
            + self.tr(
                "Where like cases end differently in different offices, or their amounts "
                "lie far apart, look at the cases (each case's Like cases tab)."
            )
        )
        fill_text_table(
            self.table,
            [
                [
                    label(ips, r.ip_type),
                    r.office,
                    str(r.spread.count),
                    self.tr(", ").join(
                        f"{label(statuses, k)} {v}" for k, v in sorted(r.spread.outcomes.items())
                    ),
                    str(r.spread.amounts),
                    money(r.spread.minimum),
                    money(r.spread.median),
                    money(r.spread.maximum),
                ]
                for r in rows
            ],
        )
        self.loaded.emit(rows)
