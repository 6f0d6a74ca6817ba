"""Suspending, resuming and extending a case's handling limit (中止、恢复、延长) from the
case view.

The manager gives the day (suspension start, resumption) or the days to add and the
reason; the dialog names the approver (the acting manager) and, before anything is saved,
shows the due date the change leads to: :func:`ipdesk.services.cases.clock.preview` computes it
in the background (read only) whenever the input changes, after a short pause. OK runs
the service call (``suspend_case`` / ``resume_case`` / ``extend_case``) in the background
in one transaction; a refusal stays in the dialog with the input.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ipdesk.remote.calls import Call, call
from ipdesk.services.cases import clock
from ipdesk.services.cases.clock import ClockPreview
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.services.rules.deadlines import MAX_DAYS
from ipdesk.ui.case_view.actions import action_text
from ipdesk.ui.desk import Change, Desk, Refusal, case_change
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.service_dialog import ServiceDialog

if TYPE_CHECKING:
    from ipdesk.ui.case_view.view import CaseView

#: How long the input must rest before the preview is computed again (milliseconds).
PREVIEW_DELAY_MS = 250


class ClockDialog(ServiceDialog):
    """One of ``CaseAction.SUSPEND``, ``RESUME``, ``EXTEND`` on one case.
    ``preview_ready(ClockPreview | None)`` after each preview (None: refused, the reason is
    in ``preview_label``); ``saved(ClockState)`` after the change was saved."""

    preview_ready = Signal(object)

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        version: int,
        action: CaseAction,
        parent: QWidget | None = None,
        *,
        number: str = "",
        due_on: dt.date | None = None,
        suspended: bool = False,
    ) -> None:
        super().__init__(desk, parent)
        actor = desk.actor
        if action not in clock.CLOCK_ACTIONS:
            raise ValueError(f"not a clock action: {action}")
        self._actor = actor
        self._case_id = case_id
        self.version = version
        self.action = action
        self.preview_value: ClockPreview | None = None
        self.setObjectName(f"{action}_dialog")
        self.setMinimumWidth(520)
        titles = {
            CaseAction.SUSPEND: self.tr("Suspend the handling limit"),
            CaseAction.RESUME: self.tr("Resume the handling limit"),
            CaseAction.EXTEND: self.tr("Extend the handling limit"),
        }
        self.setWindowTitle(titles[action])
        self.ok_button.setText(action_text(action))

        self.case_label = QLabel(number)
        self.case_label.setObjectName("case_label")
        if suspended:
            current = self.tr("Suspended: the clock is stopped")
        elif due_on is not None:
            current = due_on.isoformat()
        else:
            current = "—"
        self.current_label = QLabel(current)
        self.current_label.setObjectName("current_label")
        self.form.addRow(self.tr("Case:"), self.case_label)
        self.form.addRow(self.tr("Due date now:"), self.current_label)

        day = desk.today()
        self.day_edit = QDateEdit(to_qdate(day))
        self.day_edit.setObjectName("day_edit")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setMaximumDate(to_qdate(day))
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("days_spin")
        self.days_spin.setRange(1, MAX_DAYS)
        self.days_spin.setValue(30)
        self.days_spin.setSuffix(self.tr(" day(s)"))
        if action == CaseAction.SUSPEND:
            self.form.addRow(self.tr("&Suspended from:"), self.day_edit)
        elif action == CaseAction.RESUME:
            self.form.addRow(self.tr("&Resumed on:"), self.day_edit)
        else:
            self.form.addRow(self.tr("&Days to add:"), self.days_spin)

        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(90)
        if action == CaseAction.SUSPEND:
            self.reason_edit.setPlaceholderText(
                self.tr("e.g. expert appraisal commissioned; invalidation request pending")
            )
        reason_text = (
            self.tr("R&eason (optional):") if action == CaseAction.RESUME else self.tr("R&eason:")
        )
        self.form.addRow(reason_text, self.reason_edit)

        self.approver_label = QLabel(
            self.tr("{0} (you approve this change as its manager)").format(actor.name)
        )
        self.approver_label.setObjectName("approver_label")
        self.approver_label.setWordWrap(True)
        self.form.addRow(self.tr("Approved by:"), self.approver_label)

        self.preview_label = QLabel()
        self.preview_label.setObjectName("preview_label")
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.tr("New due date:"), self.preview_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.day_edit.dateChanged.connect(self._schedule_preview)
        self.days_spin.valueChanged.connect(self._schedule_preview)
        self.refresh_preview()

    # -- the preview ---------------------------------------------------------------------------

    def _schedule_preview(self) -> None:
        self.preview_label.setStyleSheet("font-weight: bold;")
        self.preview_label.setText(self.tr("Computing…"))
        self._timer.start()

    def _inputs(self) -> dict[str, Any]:
        if self.action == CaseAction.SUSPEND:
            return {"start_on": from_qdate(self.day_edit.date())}
        if self.action == CaseAction.RESUME:
            return {"resume_on": from_qdate(self.day_edit.date())}
        return {"days": self.days_spin.value()}

    def refresh_preview(self) -> None:
        """Compute the due date after the change, in the background."""
        self._timer.stop()
        self.preview_label.setText(self.tr("Computing…"))
        compute = call(clock.preview, self._case_id, self.version, self.action, **self._inputs())
        self.desk.read(self, compute, self._on_preview, self._on_preview_refused, purpose="preview")

    def _on_preview(self, result: ClockPreview) -> None:
        self.preview_value = result
        self.preview_label.setStyleSheet("font-weight: bold;")
        self.preview_label.setText(self.preview_text(result))
        self.preview_ready.emit(result)

    def _on_preview_refused(self, refusal: Refusal) -> None:
        self.preview_value = None
        self.preview_label.setStyleSheet(ERROR_STYLE)
        self.preview_label.setText(refusal.text)
        self.preview_ready.emit(None)

    def preview_text(self, p: ClockPreview) -> str:
        if p.due_after is None:
            text = self.tr(
                "None while suspended: the clock stops; %n day(s) of the limit remain.",
                "",
                p.remaining_days or 0,
            )
        else:
            before = p.due_before.isoformat() if p.due_before else self.tr("suspended")
            text = self.tr("{0} (now: {1})").format(p.due_after.isoformat(), before)
        details = []
        if p.suspended_days:
            details.append(self.tr("%n day(s) suspended", "", p.suspended_days))
        if p.extended_days:
            details.append(self.tr("%n day(s) added by extensions", "", p.extended_days))
        if details:
            text += "\n" + self.tr("In all: {0}.").format(self.tr(", ").join(details))
        if p.rolled_over:
            text += "\n" + self.tr(
                "The last day is a rest day: the limit ends on the next working day."
            )
        if not p.calendar_covered:
            text += "\n" + self.tr(
                "Provisional: the holiday calendar does not cover the due year yet."
            )
        return text

    # -- saving ----------------------------------------------------------------------------------

    def _changes(self, _result: object) -> Change:
        return case_change(self._case_id)

    def _call(self) -> Call[Any] | None:
        reason = self.reason_edit.toPlainText()
        functions = {
            CaseAction.SUSPEND: clock.suspend_case,
            CaseAction.RESUME: clock.resume_case,
            CaseAction.EXTEND: clock.extend_case,
        }
        function: Any = functions[self.action]
        return call(function, self._case_id, self.version, reason=reason, **self._inputs())

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "reason": self.reason_edit,
            "start_on": self.day_edit,
            "resume_on": self.day_edit,
            "days": self.days_spin,
        }


def open_clock_dialog(view: CaseView, action: CaseAction) -> QDialog:
    """The case view's opener for suspending, resuming and extending (``ACTION_OPENERS``)."""
    assert view.detail is not None
    dialog = ClockDialog(
        view.desk,
        view.case_id,
        view.detail.version_id,
        action,
        view,
        number=view.detail.number,
        due_on=view.detail.due_on,
        suspended=view.detail.is_suspended,
    )
    dialog.saved.connect(lambda _r: view.action_performed(action))
    return dialog
