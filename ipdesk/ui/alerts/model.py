"""The table of a user's alerts: a thin Qt model over the rows ``list_alerts`` returns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ipdesk.models import LimitKind
from ipdesk.services.cases.alerts import AlertInfo
from ipdesk.services.cases.limits import DUE, OVERDUE, WARN_PREFIX
from ipdesk.ui.row_table import ROW_ID_ROLE, RowTableModel

ALERT_ID_ROLE = ROW_ID_ROLE
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ESCALATED_ROLE = Qt.ItemDataRole.UserRole + 3

CASE, LIMIT, STAGE, DUE_ON, DAYS_LEFT, MEDIATOR, ACKNOWLEDGED = range(7)
_ESCALATED = QColor(180, 0, 0)


def limit_kind_text(kind: LimitKind) -> str:
    translate = QCoreApplication.translate
    match kind:
        case LimitKind.HANDLING:
            return translate("alerts", "Handling the dispute")
        case LimitKind.ACCEPTANCE_DECISION:
            return translate("alerts", "Decision to accept")
        case LimitKind.DEFENCE:
            return translate("alerts", "Statement of defence")
        case LimitKind.CONFIRMATION_APPLICATION:
            return translate("alerts", "Application for judicial confirmation")
        case LimitKind.COURT_DECISION:
            return translate("alerts", "Court decision on confirmation")
        case LimitKind.CONSULTATION_ANSWER:
            return translate("alerts", "Answer to a consultation")
        case LimitKind.FOLLOW_UP:
            return translate("alerts", "Follow-up visit")
        case LimitKind.REQUEST_SERVICE:
            return translate("alerts", "Serving the request on the respondent")
        case LimitKind.HEARING_NOTICE:
            return translate("alerts", "Notice of the oral hearing")
        case LimitKind.SUIT_WINDOW:
            return translate("alerts", "Window to sue after the decision")
        case LimitKind.ENFORCEMENT_REMINDER:
            return translate("alerts", "Reminder before enforcement")
    return str(kind)


def threshold_text(threshold: str) -> str:
    translate = QCoreApplication.translate
    if threshold == OVERDUE:
        return translate("alerts", "Overdue")
    if threshold == DUE:
        return translate("alerts", "Due today")
    if threshold.startswith(WARN_PREFIX) and threshold[len(WARN_PREFIX) :].isdigit():
        days = int(threshold[len(WARN_PREFIX) :])
        return translate("alerts", "Due within %n day(s)", "", days)
    return threshold


def days_left_text(days_left: int) -> str:
    """ "5 days left", "Due today", "565 days overdue": a time limit's days in words (the
    alerts' and the follow-up visits' "Days left" column)."""
    translate = QCoreApplication.translate
    if days_left < 0:
        return translate("AlertsTableModel", "%n day(s) overdue", "", -days_left)
    if days_left == 0:
        return translate("AlertsTableModel", "Due today")
    return translate("AlertsTableModel", "%n day(s) left", "", days_left)


class AlertsTableModel(RowTableModel[AlertInfo]):
    """Read-only rows of :class:`AlertInfo`; escalated (overdue) rows in red and bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Case"),
                self.tr("Time limit"),
                self.tr("Stage"),
                self.tr("Due"),
                self.tr("Days left"),
                self.tr("Mediator"),
                self.tr("Acknowledged"),
            ],
            parent,
        )

    def cell(self, alert: AlertInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(alert, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(alert)
        if role == Qt.ItemDataRole.ForegroundRole and alert.escalated:
            return QBrush(_ESCALATED)
        if role == Qt.ItemDataRole.FontRole and alert.escalated:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DAYS_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CASE_ID_ROLE:
            return alert.case_id
        if role == ESCALATED_ROLE:
            return alert.escalated
        return None

    def _display(self, alert: AlertInfo, column: int) -> str | int | None:
        if column == CASE:
            return alert.case_number
        if column == LIMIT:
            return limit_kind_text(alert.kind)
        if column == STAGE:
            text = threshold_text(alert.threshold)
            return self.tr("{0} (escalated)").format(text) if alert.escalated else text
        if column == DUE_ON:
            return alert.due_on.isoformat()
        if column == DAYS_LEFT:
            return days_left_text(alert.days_left)
        if column == MEDIATOR:
            return alert.mediator or self.tr("(unassigned)")
        if column == ACKNOWLEDGED:
            if alert.acknowledged_at is None:
                return ""
            when = alert.acknowledged_at.astimezone().strftime("%Y-%m-%d %H:%M")
            return f"{alert.acknowledged_by or ''} {when}".strip()
        return None

    def _tooltip(self, alert: AlertInfo) -> str:
        left = days_left_text(alert.days_left)
        return f"{alert.case_number} — {limit_kind_text(alert.kind)}\n{alert.due_on} ({left})"
