"""The holiday calendar dialog: a year with its rest days marked; the administrator enters
single days, imports a year from CSV and declares the year complete.

Every change recomputes the open limits (in the service), so due dates and alerts follow.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ipdesk.models import Role
from ipdesk.remote.calls import Call, call
from ipdesk.services.admin.holidays import (
    CHINESECALENDAR,
    FIRST_YEAR,
    LAST_YEAR,
    OVERRIDE,
    STATUTORY,
    DayInfo,
    HolidayChange,
    YearCalendar,
    clear_override,
    holiday_year,
    import_holidays_data,
    set_override,
    set_year_complete,
)
from ipdesk.services.errors import ImportFailed
from ipdesk.ui.desk import CALENDAR_CHANGED, Desk, Refusal, refusal_of
from ipdesk.ui.qdates import from_qdate, to_qdate

log = logging.getLogger(__name__)

_REST = QColor(255, 220, 220)
_WORKING_WEEKEND = QColor(220, 235, 255)


class HolidayDialog(QDialog):
    calendar_loaded = Signal(object)
    """A year was (re)loaded: its ``YearCalendar``."""
    calendar_changed = Signal(object)
    """The administrator changed the calendar: the ``HolidayChange``."""
    failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self.calendar: YearCalendar | None = None
        self._formatted: list[QDate] = []
        editable = self._actor.role == Role.ADMIN

        self.setObjectName("holiday_dialog")
        self.setWindowTitle(self.tr("Holiday calendar"))

        self.year = QSpinBox()
        self.year.setObjectName("holiday_year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(year)
        self.year.valueChanged.connect(self._on_year_changed)
        self.status = QLabel()
        self.status.setObjectName("holiday_status")
        self.status.setWordWrap(True)

        self.month_view = QCalendarWidget()
        self.month_view.setObjectName("holiday_month_view")
        self.month_view.setGridVisible(True)
        self.month_view.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
        )
        self.month_view.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.month_view.currentPageChanged.connect(self._on_page_changed)
        self.special_days = QListWidget()
        self.special_days.setObjectName("holiday_special_days")
        self.special_days.itemActivated.connect(self._on_special_activated)

        self.name = QLineEdit()
        self.name.setObjectName("holiday_name")
        self.name.setPlaceholderText(self.tr("Name, e.g. Spring Festival"))
        self.rest_button = QPushButton(self.tr("Mark as &rest day"))
        self.rest_button.clicked.connect(lambda: self._set_selected(True))
        self.work_button = QPushButton(self.tr("Mark as &working day"))
        self.work_button.clicked.connect(lambda: self._set_selected(False))
        self.clear_button = QPushButton(self.tr("&Clear entry"))
        self.clear_button.clicked.connect(self._clear_selected)
        self.import_button = QPushButton(self.tr("&Import CSV…"))
        self.import_button.clicked.connect(self._on_import_clicked)
        self.complete = QCheckBox(self.tr("The holidays of this year are &complete"))
        self.complete.setObjectName("holiday_complete")
        self.complete.clicked.connect(self._on_complete_clicked)
        for widget in (
            self.name,
            self.rest_button,
            self.work_button,
            self.clear_button,
            self.import_button,
            self.complete,
        ):
            widget.setEnabled(editable)
            widget.setVisible(editable)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.status, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.month_view, 2)
        middle.addWidget(self.special_days, 1)
        edit = QHBoxLayout()
        edit.addWidget(self.name, 1)
        edit.addWidget(self.rest_button)
        edit.addWidget(self.work_button)
        edit.addWidget(self.clear_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.complete, 1)
        bottom.addWidget(self.import_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addLayout(edit)
        layout.addLayout(bottom)
        layout.addWidget(buttons)

        self.month_view.setCurrentPage(year, 1)
        self.reload()

    # -- asking (patched in tests) -----------------------------------------------------------

    @classmethod
    def ask_import_path(cls, parent: QWidget) -> Path | None:
        translate = QCoreApplication.translate
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("HolidayDialog", "Import holidays"),
            "",
            translate("HolidayDialog", "CSV files (*.csv);;All files (*)"),
        )
        return Path(path) if path else None

    # -- loading --------------------------------------------------------------------------

    def reload(self, *_args: object) -> None:
        load = call(holiday_year, self.year.value())
        self._desk.read(self, load, self._on_loaded, self._on_failed, purpose="load")

    def _on_loaded(self, calendar: YearCalendar) -> None:
        self.calendar = calendar
        for day in self._formatted:
            self.month_view.setDateTextFormat(day, QTextCharFormat())
        self._formatted = []
        self.special_days.clear()
        for info in calendar.days:
            if info.is_rest or info.is_special:
                self._mark(info)
            if info.is_special:
                item = QListWidgetItem(self._describe(info))
                item.setData(Qt.ItemDataRole.UserRole, info.day.isoformat())
                self.special_days.addItem(item)
        if calendar.in_chinesecalendar:
            text = self.tr("{0}: holidays from chinesecalendar.")
        elif calendar.declared:
            text = self.tr("{0}: holidays entered by the administrator (complete).")
        else:
            text = self.tr(
                "{0}: the State Council's notice has not been entered. Deadlines in this "
                "year are computed with the statutory holidays by rule and weekends, without "
                "the adjusted working days, and marked provisional until the notice is "
                "entered and the year declared complete."
            )
        self.status.setText(text.format(calendar.year))
        self.complete.setChecked(calendar.declared or calendar.in_chinesecalendar)
        self.complete.setEnabled(self._editable() and not calendar.in_chinesecalendar)
        self.calendar_loaded.emit(calendar)

    def _mark(self, info: DayInfo) -> None:
        fmt = QTextCharFormat()
        if info.is_rest:
            fmt.setBackground(QBrush(_REST))
        else:
            fmt.setBackground(QBrush(_WORKING_WEEKEND))
        if info.source == OVERRIDE:
            fmt.setFontWeight(700)
        if info.name:
            fmt.setToolTip(info.name)
        day = to_qdate(info.day)
        self.month_view.setDateTextFormat(day, fmt)
        self._formatted.append(day)

    def _describe(self, info: DayInfo) -> str:
        kind = self.tr("rest day") if info.is_rest else self.tr("working day")
        if info.source == OVERRIDE:
            source = self.tr("entered")
        elif info.source == CHINESECALENDAR:
            source = self.tr("chinesecalendar")
        elif info.source == STATUTORY:
            source = self.tr("statutory rule, provisional")
        else:
            source = self.tr("weekend")
        return f"{info.day.isoformat()}  {kind}  {info.name or ''}  ({source})"

    def _on_failed(self, refusal: Refusal) -> None:
        log.error("Holiday calendar operation failed: %s", refusal.text)
        text = refusal.text
        self.status.setText(text)
        self.failed.emit(text)

    # -- changing -------------------------------------------------------------------------

    def _editable(self) -> bool:
        return self._actor.role == Role.ADMIN

    def selected_day(self) -> dt.date:
        selected = self.month_view.selectedDate()
        return from_qdate(selected)

    def _change(self, operation: Call[HolidayChange]) -> None:
        def done(change: HolidayChange) -> None:
            self.calendar_changed.emit(change)
            self.reload()

        self._desk.write(self, operation, done, self._on_failed, changes=CALENDAR_CHANGED)

    def _set_selected(self, is_rest: bool) -> None:
        day, name = self.selected_day(), self.name.text()
        self._change(call(set_override, day, is_rest=is_rest, name=name))

    def _clear_selected(self) -> None:
        self._change(call(clear_override, self.selected_day()))

    def _on_complete_clicked(self, checked: bool) -> None:
        self._change(call(set_year_complete, self.year.value(), checked))

    def _on_import_clicked(self) -> None:
        path = self.ask_import_path(self)
        if path is None:
            return
        try:
            data = path.read_bytes()  # small: sent as it is to wherever the records are
        except OSError as exc:
            self._on_failed(refusal_of(ImportFailed(f"{path.name}：{exc.strerror}")))
            return
        self._change(call(import_holidays_data, data, path.name))

    # -- navigation -----------------------------------------------------------------------

    def _on_year_changed(self, year: int) -> None:
        self.month_view.setCurrentPage(year, self.month_view.monthShown())
        self.reload()

    def _on_page_changed(self, year: int, _month: int) -> None:
        if year != self.year.value():
            self.year.setValue(year)

    def _on_special_activated(self, item: QListWidgetItem) -> None:
        value: Any = item.data(Qt.ItemDataRole.UserRole)
        day = dt.date.fromisoformat(str(value))
        self.month_view.setSelectedDate(to_qdate(day))
