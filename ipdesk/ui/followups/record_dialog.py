"""Recording a follow-up visit (回访): date, method, person visited, performance of the
agreement, satisfaction, notes, problems found, next action. The service validates; a
refusal is shown under the fields and the input is kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ipdesk.models import Performance, VisitMethod
from ipdesk.remote.calls import Call, call
from ipdesk.services.cases.followups import VisitInfo, record_visit
from ipdesk.ui.desk import Change, ChangeKind, Desk
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.service_dialog import ServiceDialog

Today = Callable[[], dt.date]


def method_text(method: VisitMethod) -> str:
    translate = QCoreApplication.translate
    match method:
        case VisitMethod.VISIT:
            return translate("followups", "Visit in person")
        case VisitMethod.PHONE:
            return translate("followups", "Phone call")
        case VisitMethod.ONLINE:
            return translate("followups", "Online")
    return str(method)


def performance_text(performance: Performance | None) -> str:
    translate = QCoreApplication.translate
    match performance:
        case Performance.FULL:
            return translate("followups", "Fully performed")
        case Performance.PARTIAL:
            return translate("followups", "Partly performed")
        case Performance.NONE:
            return translate("followups", "Not performed")
    return translate("followups", "No agreement to check")


class RecordVisitDialog(ServiceDialog):
    """Record one planned visit as done; ``saved`` carries the updated :class:`VisitInfo`."""

    def __init__(
        self,
        desk: Desk,
        visit: VisitInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._visit = visit
        self._today = desk.today
        self.setObjectName("record_visit_dialog")
        self.setWindowTitle(self.tr("Record follow-up visit"))
        self.ok_button.setText(self.tr("Save"))

        self.case_label = QLabel(
            self.tr("Case {0}, planned for {1}").format(
                visit.case_number, visit.planned_on.isoformat()
            )
        )
        self.date_edit = QDateEdit(to_qdate(min(desk.today(), max(visit.planned_on, desk.today()))))
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("method_combo")
        for method in (VisitMethod.PHONE, VisitMethod.VISIT, VisitMethod.ONLINE):
            self.method_combo.addItem(method_text(method), method.value)
        self.person_edit = QLineEdit()
        self.person_edit.setObjectName("person_edit")
        self.person_edit.setMaxLength(100)
        # No answer is assumed: the visitor chooses performance and satisfaction.
        self.performance_combo = QComboBox()
        self.performance_combo.setObjectName("performance_combo")
        for performance in (Performance.FULL, Performance.PARTIAL, Performance.NONE, None):
            self.performance_combo.addItem(
                performance_text(performance), performance.value if performance else None
            )
        self.performance_combo.setPlaceholderText(self.tr("Choose…"))
        self.performance_combo.setCurrentIndex(-1)
        self.satisfaction_combo = QComboBox()
        self.satisfaction_combo.setObjectName("satisfaction_combo")
        for score in range(5, 0, -1):
            self.satisfaction_combo.addItem(self.tr("%n / 5", "", score), score)
        self.satisfaction_combo.setPlaceholderText(self.tr("Choose…"))
        self.satisfaction_combo.setCurrentIndex(-1)
        self.performance_error = self._error_label("performance_error")
        self.satisfaction_error = self._error_label("satisfaction_error")
        self.performance_combo.currentIndexChanged.connect(
            lambda: self.performance_error.setVisible(False)
        )
        self.satisfaction_combo.currentIndexChanged.connect(
            lambda: self.satisfaction_error.setVisible(False)
        )
        self.notes_edit = self._text("notes_edit")
        self.problems_edit = self._text("problems_edit")
        self.next_edit = self._text("next_edit")

        self.form.addRow(self.case_label)
        self.form.addRow(self.tr("Date of the visit"), self.date_edit)
        self.form.addRow(self.tr("Method"), self.method_combo)
        self.form.addRow(self.tr("Person visited"), self.person_edit)
        self.form.addRow(
            self.tr("Performance of the agreement"),
            self._with_error(self.performance_combo, self.performance_error),
        )
        self.form.addRow(
            self.tr("Satisfaction"),
            self._with_error(self.satisfaction_combo, self.satisfaction_error),
        )
        self.form.addRow(self.tr("Notes"), self.notes_edit)
        self.form.addRow(self.tr("Problems found"), self.problems_edit)
        self.form.addRow(self.tr("Next action"), self.next_edit)

    @staticmethod
    def _error_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setStyleSheet(ERROR_STYLE)
        label.setVisible(False)
        return label

    @staticmethod
    def _with_error(field: QWidget, error: QLabel) -> QWidget:
        """``field`` with its error beside it."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field, 1)
        layout.addWidget(error)
        return row

    def _missing_answers(self) -> bool:
        """Show "Please choose" beside each unanswered question; True when one is."""
        missing: list[QComboBox] = []
        for combo, error in (
            (self.performance_combo, self.performance_error),
            (self.satisfaction_combo, self.satisfaction_error),
        ):
            if combo.currentIndex() < 0:
                error.setText(self.tr("Please choose"))
                error.setVisible(True)
                missing.append(combo)
        if missing:
            missing[0].setFocus()
            self.refused.emit(self.tr("Please answer every question marked in red"))
        return bool(missing)

    @staticmethod
    def _text(name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(70)
        return edit

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "done_on": self.date_edit,
            "method": self.method_combo,
            "person_visited": self.person_edit,
            "performance": self.performance_combo,
            "satisfaction": self.satisfaction_combo,
            "notes": self.notes_edit,
            "problems": self.problems_edit,
            "next_action": self.next_edit,
        }

    def _changes(self, result: VisitInfo) -> Change:
        return Change.of(ChangeKind.FOLLOW_UPS, case_ids=[result.case_id])

    def _call(self) -> Call[VisitInfo] | None:
        if self._missing_answers():
            return None
        fields: dict[str, Any] = {
            "done_on": from_qdate(self.date_edit.date()),
            "method": self.method_combo.currentData(),
            "person_visited": self.person_edit.text(),
            "performance": self.performance_combo.currentData(),
            "satisfaction": self.satisfaction_combo.currentData(),
            "notes": self.notes_edit.toPlainText(),
            "problems": self.problems_edit.toPlainText(),
            "next_action": self.next_edit.toPlainText(),
        }
        return call(record_visit, self._visit.id, **fields)
