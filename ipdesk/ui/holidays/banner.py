"""A warning banner for managers when the coming year's holidays are not entered."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ipdesk.models import Role
from ipdesk.remote.calls import call
from ipdesk.services.admin.holidays import holiday_gaps
from ipdesk.ui.desk import ChangeKind, Desk, Refusal

log = logging.getLogger(__name__)


class HolidayBanner(QFrame):
    """Hidden while every year within reach of the limits has holiday data."""

    checked = Signal(list)
    """The check finished: the years without holiday data (empty: banner hidden)."""
    enter_requested = Signal(int)
    """The administrator wants to enter a year's holidays."""

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self._today = desk.today
        self.years: list[int] = []

        self.setObjectName("holiday_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#holiday_banner { background: #fff4d6; border: 1px solid #e0b000; }")
        self.message = QLabel()
        self.message.setObjectName("holiday_banner_text")
        self.message.setWordWrap(True)
        self.enter_button = QPushButton(self.tr("Enter holidays…"))
        self.enter_button.setObjectName("holiday_banner_enter")
        self.enter_button.setVisible(self._actor.role == Role.ADMIN)
        self.enter_button.clicked.connect(self._on_enter_clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.enter_button)
        self.setVisible(False)
        desk.follow(self, [ChangeKind.HOLIDAYS], self.check)

    def check(self, *_args: object) -> None:
        load = call(holiday_gaps)
        self._desk.read(self, load, self._on_checked, self._on_failed, purpose="check")

    def _on_checked(self, years: list[int]) -> None:
        self.years = years
        if years:
            listed = ", ".join(str(y) for y in years)
            text = self.tr(
                "The State Council's holiday notice for {0} has not been entered. Deadlines "
                "reaching into that year are computed with the statutory holidays by rule, "
                "without the adjusted working days, and marked provisional."
            ).format(listed)
            if self._actor.role != Role.ADMIN:
                text += " " + self.tr("Please ask the administrator to enter them.")
            self.message.setText(text)
        self.setVisible(bool(years))
        self.checked.emit(years)

    def _on_failed(self, refusal: Refusal) -> None:
        log.warning("Checking the holiday calendar failed: %s", refusal.text)
        self.setVisible(False)

    def _on_enter_clicked(self) -> None:
        if self.years:
            self.enter_requested.emit(self.years[0])
