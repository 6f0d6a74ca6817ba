"""Administration → Verify audit trail: :func:`ipdesk.services.infra.audit.verify_chain` in the
background, a busy bar meanwhile, then the outcome: intact with the number of records, or
the first broken record and what is wrong with it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import call
from ipdesk.services.infra.audit import VerifyResult, verify_audit_trail
from ipdesk.ui.desk import Desk, Refusal
from ipdesk.ui.messages import ERROR_STYLE

log = logging.getLogger(__name__)

OK_STYLE = "color: #006e28;"


class AuditCheckDialog(QDialog):
    """Verifies the hash chain of the audit trail as soon as it is shown."""

    verified = Signal(object)
    """The check finished: its :class:`VerifyResult`."""
    failed = Signal(str)
    """The check could not run: the text shown."""

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self.result_value: VerifyResult | None = None
        self.setObjectName("audit_check_dialog")
        self.setWindowTitle(self.tr("Verify audit trail"))

        self.message = QLabel(self.tr("Checking every record of the audit trail…"))
        self.message.setObjectName("audit_message")
        self.message.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("audit_details")
        self.details.setWordWrap(True)
        self.details.setVisible(False)
        self.busy = QProgressBar()
        self.busy.setObjectName("audit_busy")
        self.busy.setRange(0, 0)  # busy: the check reports no progress
        self.busy.setTextVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(520, 150)
        self.start()

    def start(self) -> None:
        verify = call(verify_audit_trail)
        self.busy.setRange(0, 0)
        self.busy.setVisible(True)
        self._desk.read(self, verify, self._on_verified, self._on_failed, purpose="verify")

    def _stop_busy(self) -> None:
        self.busy.setRange(0, 1)
        self.busy.setValue(1)
        self.busy.setVisible(False)

    def _on_verified(self, result: VerifyResult) -> None:
        self._stop_busy()
        self.result_value = result
        if result.ok:
            log.info("Audit trail verified: %d record(s), intact", result.checked)
            self.message.setStyleSheet(OK_STYLE)
            if result.checked:
                self.message.setText(
                    self.tr("The audit trail is intact: %n record(s) checked.", "", result.checked)
                )
            else:
                self.message.setText(self.tr("The audit trail is empty."))
        else:
            log.warning(
                "Audit trail broken at record %s: %s",
                result.broken_id,
                ", ".join(p.code for p in result.problems),
            )
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(
                self.tr(
                    "The audit trail is broken at record {0}. %n record(s) before it are intact.",
                    "",
                    result.checked,
                ).format(result.broken_id)
            )
            self.details.setText(
                "\n".join(f"• {self.problem_text(p.code)} ({p.message})" for p in result.problems)
            )
            self.details.setVisible(True)
        self.verified.emit(result)

    def _on_failed(self, refusal: Refusal) -> None:
        self._stop_busy()
        log.error("Verifying the audit trail failed: %s", refusal.text)
        text = self.tr("The audit trail could not be checked: {0}").format(refusal.text)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        self.failed.emit(text)

    def problem_text(self, code: str) -> str:
        texts = {
            "gap": self.tr("Records are missing or out of order"),
            "prev_hash": self.tr("The link to the previous record does not match"),
            "hash": self.tr("The record was altered after it was written"),
            "unreadable": self.tr("The record cannot be read"),
        }
        return texts.get(code, code)
