"""A warning banner for managers when the coming year's holidays are not entered."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.db import READ_ONLY
from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.holidays import uncovered_years_ahead
from ipdesk.services.limits import legal_today
from ipdesk.ui.tasks import run_task

log = logging.getLogger(__name__)


class HolidayBanner(QFrame):
    """Hidden while every year within reach of the limits has holiday data."""

    checked = Signal(list)
    """The check finished: the years without holiday data (empty: banner hidden)."""
    enter_requested = Signal(int)
    """The administrator wants to enter a year's holidays."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = legal_today,
    ) -> None:
        super().__init__(parent)
        self._factory = session_factory
        self._actor = actor
        self._today = today
        self.years: list[int] = []

        self.setObjectName("holiday_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#holiday_banner { background: #fff4d6; border: 1px solid #e0b000; }")
        self.message = QLabel()
        self.message.setObjectName("holiday_banner_text")
        self.message.setWordWrap(True)
        self.enter_button = QPushButton(self.tr("Enter holidays…"))
        self.enter_button.setObjectName("holiday_banner_enter")
        self.enter_button.setVisible(actor.role == Role.ADMIN)
        self.enter_button.clicked.connect(self._on_enter_clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.enter_button)
        self.setVisible(False)

    def check(self, *_args: object) -> None:
        factory, today = self._factory, self._today()

        def load() -> list[int]:
            with factory() as session:
                session.connection(execution_options=READ_ONLY)
                return uncovered_years_ahead(session, today)

        run_task(load, self._on_checked, self._on_failed, context=self)

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

    def _on_failed(self, error: Exception) -> None:
        log.warning("Checking the holiday calendar failed", exc_info=error)
        self.setVisible(False)

    def _on_enter_clicked(self) -> None:
        if self.years:
            self.enter_requested.emit(self.years[0])
