"""Like cases, unlike outcomes: the finished cases like this one and how they ended, and
for managers the spread of outcomes per office for the case's IP type over the last year.
Loaded in the background when the tab is first shown (and again after changes)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import call
from ipdesk.services.queries import read_models
from ipdesk.services.queries import similar_cases as sc
from ipdesk.services.rules.capabilities import Capability, has
from ipdesk.ui.desk import Desk, Refusal
from ipdesk.ui.intake.labels import label, status_labels
from ipdesk.ui.text_table import fill_text_table, text_table

SPREAD_DAYS = read_models.SPREAD_DAYS


def money(value: Decimal | None) -> str:
    return f"{value:,.2f}" if value is not None else ""


class SimilarCasesTab(QWidget):
    """``loaded(read_models.SimilarCasesTab)`` after each load."""

    loaded = Signal(object)

    def __init__(self, desk: Desk, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.case_id = desk, case_id
        self.result: sc.SimilarCases | None = None
        self.spread_rows: list[sc.SpreadRow] | None = None
        self._requested = False
        self.setObjectName("similar_cases_tab")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("similar_summary")
        self.summary_label.setWordWrap(True)
        self.table = text_table(
            "similar_table",
            [
                self.tr("Case"),
                self.tr("Office"),
                self.tr("Outcome"),
                self.tr("Amount agreed"),
                self.tr("Handling days"),
                self.tr("Alike by"),
            ],
        )
        self.spread_label = QLabel()
        self.spread_table = text_table(
            "spread_table",
            [
                self.tr("Office"),
                self.tr("Finished"),
                self.tr("Outcomes"),
                self.tr("Lowest"),
                self.tr("Median"),
                self.tr("Highest"),
            ],
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.spread_label)
        layout.addWidget(self.spread_table, 1)
        manager = has(desk.actor, Capability.DEADLINE_BOARD)
        self.spread_label.setVisible(manager)
        self.spread_table.setVisible(manager)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._requested:
            self.reload()

    def reload(self) -> None:
        self._requested = True
        manager = has(self.desk.actor, Capability.DEADLINE_BOARD)
        load = call(read_models.similar_cases_tab, self.case_id, with_spread=manager)
        self.desk.read(self, load, self._on_loaded, self._on_refused, purpose="load")

    def _on_refused(self, refusal: Refusal) -> None:
        self.summary_label.setText(refusal.text)

    def _outcome(self, row: sc.SimilarCase) -> str:
        text = label(status_labels(), row.outcome)
        if row.infringement_found is True:
            text += self.tr(" (infringement found)")
        elif row.infringement_found is False:
            text += self.tr(" (infringement not found)")
        return text

    def _on_loaded(self, loaded: read_models.SimilarCasesTab) -> None:
        result = self.result = loaded.similar
        spread = result.spread
        if not result.rows:
            self.summary_label.setText(self.tr("No finished case like this one was found."))
        else:
            text = self.tr("%n like case(s).", "", spread.count)
            if spread.amounts:
                text += " " + self.tr("Amounts agreed: {0} to {1}, median {2}.").format(
                    money(spread.minimum), money(spread.maximum), money(spread.median)
                )
            self.summary_label.setText(text)
        rows = []
        for r in result.rows:
            why = []
            if r.same_right:
                why.append(self.tr("same right"))
            if r.same_respondent:
                why.append(self.tr("same respondent"))
            if r.shared_facts:
                why.append(self.tr("%n piece(s) of the facts", "", r.shared_facts))
            rows.append(
                [
                    r.number,
                    r.office,
                    self._outcome(r),
                    money(r.amount_agreed),
                    "" if r.handling_days is None else str(r.handling_days),
                    self.tr(", ").join(why),
                ]
            )
        fill_text_table(self.table, rows)
        self.spread_rows = loaded.spread
        if loaded.spread is not None:
            self.spread_label.setText(
                self.tr(
                    "Finished cases of this IP type in the last %n day(s), per office:",
                    "",
                    SPREAD_DAYS,
                )
            )
            labels = status_labels()
            fill_text_table(
                self.spread_table,
                [
                    [
                        row.office,
                        str(row.spread.count),
                        self.tr(", ").join(
                            f"{label(labels, k)} {v}"
                            for k, v in sorted(row.spread.outcomes.items())
                        ),
                        money(row.spread.minimum),
                        money(row.spread.median),
                        money(row.spread.maximum),
                    ]
                    for row in loaded.spread
                ],
            )
        self.loaded.emit(loaded)
