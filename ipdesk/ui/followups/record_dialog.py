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
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Performance, VisitMethod
from ipdesk.services.actors import Actor
from ipdesk.services.followups import VisitInfo, record_visit
from ipdesk.services.limits import legal_today
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
        session_factory: sessionmaker[Session],
        actor: Actor,
        visit: VisitInfo,
        parent: QWidget | None = None,
        *,
        today: Today = legal_today,
    ) -> None:
        super().__init__(parent)
        self._factory = session_factory
        self._actor = actor
        self._visit = visit
        self._today = today
        self.setObjectName("record_visit_dialog")
        self.setWindowTitle(self.tr("Record follow-up visit"))
        self.ok_button.setText(self.tr("Save"))

        self.case_label = QLabel(
            self.tr("Case {0}, planned for {1}").format(
                visit.case_number, visit.planned_on.isoformat()
            )
        )
        self.date_edit = QDateEdit(to_qdate(min(today(), max(visit.planned_on, today()))))
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
        self.performance_combo = QComboBox()
        self.performance_combo.setObjectName("performance_combo")
        for performance in (Performance.FULL, Performance.PARTIAL, Performance.NONE, None):
            self.performance_combo.addItem(
                performance_text(performance), performance.value if performance else None
            )
        self.satisfaction_spin = QSpinBox()
        self.satisfaction_spin.setObjectName("satisfaction_spin")
        self.satisfaction_spin.setRange(1, 5)
        self.satisfaction_spin.setValue(5)
        self.satisfaction_spin.setSuffix(self.tr(" / 5"))
        self.notes_edit = self._text("notes_edit")
        self.problems_edit = self._text("problems_edit")
        self.next_edit = self._text("next_edit")

        self.form.addRow(self.case_label)
        self.form.addRow(self.tr("Date of the visit"), self.date_edit)
        self.form.addRow(self.tr("Method"), self.method_combo)
        self.form.addRow(self.tr("Person visited"), self.person_edit)
        self.form.addRow(self.tr("Performance of the agreement"), self.performance_combo)
        self.form.addRow(self.tr("Satisfaction"), self.satisfaction_spin)
        self.form.addRow(self.tr("Notes"), self.notes_edit)
        self.form.addRow(self.tr("Problems found"), self.problems_edit)
        self.form.addRow(self.tr("Next action"), self.next_edit)

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
            "satisfaction": self.satisfaction_spin,
            "notes": self.notes_edit,
            "problems": self.problems_edit,
            "next_action": self.next_edit,
        }

    def _call(self) -> Callable[[], Any] | None:
        factory, actor, visit_id, today = self._factory, self._actor, self._visit.id, self._today()
        fields: dict[str, Any] = {
            "done_on": from_qdate(self.date_edit.date()),
            "method": self.method_combo.currentData(),
            "person_visited": self.person_edit.text(),
            "performance": self.performance_combo.currentData(),
            "satisfaction": self.satisfaction_spin.value(),
            "notes": self.notes_edit.toPlainText(),
            "problems": self.problems_edit.toPlainText(),
            "next_action": self.next_edit.toPlainText(),
        }

        def call() -> VisitInfo:
            with factory.begin() as session:
                return record_visit(session, actor, visit_id, today=today, **fields)

        return call
