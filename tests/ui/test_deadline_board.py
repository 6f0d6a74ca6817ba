"""The managers' deadline board, and the holiday banner and dialog shown to managers and the
administrator next to it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import CaseStatus, HolidayDay, HolidayYear, Role
from ipdesk.services.actors import Actor
from ipdesk.services.admin.holidays import HolidayChange, YearCalendar
from ipdesk.services.cases.limits import BoardFilter, DeadlineBoard, OfficeDeadlines
from ipdesk.ui.deadlines import DeadlineBoardModel, DeadlineBoardWidget
from ipdesk.ui.deadlines.board import BUCKET_ROLE, DUE_SOON, OFFICE, OVERDUE
from ipdesk.ui.holidays.banner import HolidayBanner
from ipdesk.ui.holidays.dialog import HolidayDialog
from tests.helpers.desks import make_desk
from tests.helpers.factories import actor, make_case_with_limits, make_user

TODAY = dt.date(2026, 10, 25)


def board(*offices: OfficeDeadlines) -> DeadlineBoard:
    return DeadlineBoard(TODAY, 15, offices)


def office(office_id: int, code: str, *counts: int) -> OfficeDeadlines:
    return OfficeDeadlines(office_id, code, f"{code} 裁决所", *counts)


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = DeadlineBoardModel()
    qtmodeltester.check(model)
    model.set_board(board(office(2, "TL02", 3, 1, 0, 2), office(1, "TL01", 4, 0, 2, 1)))
    qtmodeltester.check(model)
    model.set_board(board())
    assert model.rowCount() == 0


def test_model_shows_counts_and_buckets() -> None:
    model = DeadlineBoardModel()
    model.set_board(board(office(2, "TL02", 3, 1, 0, 2)))
    assert model.index(0, OFFICE).data() == "TL02  TL02 裁决所"
    assert [model.index(0, c).data() for c in range(1, 5)] == [3, 1, 0, 2]
    assert model.index(0, OVERDUE).data(BUCKET_ROLE) == "overdue"
    tip = model.headerData(DUE_SOON, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Due within 15 day(s), today included"
    red = model.index(0, OVERDUE).data(Qt.ItemDataRole.ForegroundRole)
    assert red.color().red() == 180
    assert model.index(0, DUE_SOON).data(Qt.ItemDataRole.ForegroundRole) is None  # none soon


@pytest.fixture
def cases(seeded: sessionmaker[Session]) -> sessionmaker[Session]:
    """TL01: one overdue, one due soon; TL02: two overdue (due dates as in test_limits)."""
    with seeded.begin() as s:
        for station, accepted in (
            ("TL01-S01", dt.date(2026, 8, 20)),  # due 10-19: overdue on 10-25
            ("TL01-S01", dt.date(2026, 9, 1)),  # due 11-02: due soon
            ("TL02-S01", dt.date(2026, 8, 1)),
            ("TL02-S01", dt.date(2026, 8, 1)),
        ):
            make_case_with_limits(
                s,
                station,
                CaseStatus.MEDIATING,
                received_on=accepted - dt.timedelta(days=1),
                accepted_on=accepted,
            )
    return seeded


def test_the_board_loads_most_urgent_first_and_drills_down(
    qtbot: QtBot, cases: sessionmaker[Session]
) -> None:
    widget = DeadlineBoardWidget(make_desk(cases, Actor.system(), today=lambda: TODAY))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.board_loaded, timeout=10_000):
        widget.reload()
    model = widget.model
    assert model.rowCount() == 9
    assert [model.index(r, OFFICE).data()[:4] for r in range(2)] == ["TL02", "TL01"]
    assert [model.index(1, c).data() for c in range(1, 5)] == [2, 0, 1, 1]
    assert "overdue: 3" in widget.summary.text()
    with qtbot.waitSignal(widget.drill_down_requested) as blocker:
        widget.view.doubleClicked.emit(model.index(1, OVERDUE))
    wanted = blocker.args[0]
    assert isinstance(wanted, BoardFilter)
    assert (wanted.bucket, wanted.office_code, wanted.due_from, wanted.due_to) == (
        "overdue",
        "TL01",
        None,
        dt.date(2026, 10, 24),
    )
    with qtbot.waitSignal(widget.drill_down_requested) as blocker:
        widget.view.doubleClicked.emit(model.index(1, DUE_SOON))
    assert (blocker.args[0].bucket, blocker.args[0].due_from, blocker.args[0].due_to) == (
        "due_soon",
        TODAY,
        dt.date(2026, 11, 9),
    )


def test_an_office_manager_sees_one_office_and_a_mediator_an_error(
    qtbot: QtBot, cases: sessionmaker[Session]
) -> None:
    with cases.begin() as s:
        manager = actor(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
        mediator = actor(make_user(s, Role.MEDIATOR, office="TL01"))
    widget = DeadlineBoardWidget(make_desk(cases, manager, today=lambda: TODAY))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.board_loaded, timeout=10_000):
        widget.reload()
    assert widget.model.rowCount() == 1
    refused = DeadlineBoardWidget(make_desk(cases, mediator, today=lambda: TODAY))
    qtbot.addWidget(refused)
    with qtbot.waitSignal(refused.load_failed, timeout=10_000) as blocker:
        refused.reload()
    assert blocker.args[0].startswith("The deadline board could not be loaded")


# --- the holiday banner and dialog ----------------------------------------------------------


def test_the_banner_shows_while_the_coming_year_is_uncovered(
    qtbot: QtBot, seeded: sessionmaker[Session]
) -> None:
    with seeded.begin() as s:
        manager = actor(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
    banner = HolidayBanner(make_desk(seeded, manager, today=lambda: dt.date(2026, 11, 27)))
    qtbot.addWidget(banner)
    with qtbot.waitSignal(banner.checked, timeout=10_000) as blocker:
        banner.check()
    assert blocker.args == [[2027]]
    assert not banner.isHidden()
    assert "2027" in banner.message.text() and "administrator" in banner.message.text()
    assert banner.enter_button.isHidden()  # managers cannot enter holidays
    with seeded.begin() as s:
        s.add(HolidayYear(year=2027))
    with qtbot.waitSignal(banner.checked, timeout=10_000) as blocker:
        banner.check()
    assert blocker.args == [[]] and banner.isHidden()


def test_the_administrator_is_offered_to_enter_the_year(
    qtbot: QtBot, seeded: sessionmaker[Session]
) -> None:
    banner = HolidayBanner(make_desk(seeded, Actor.system(), today=lambda: dt.date(2026, 11, 27)))
    qtbot.addWidget(banner)
    with qtbot.waitSignal(banner.checked, timeout=10_000):
        banner.check()
    with qtbot.waitSignal(banner.enter_requested) as blocker:
        banner.enter_button.click()
    assert blocker.args == [2027]


def test_the_dialog_marks_rest_days_and_lists_special_days(
    qtbot: QtBot, seeded: sessionmaker[Session]
) -> None:
    dialog = HolidayDialog(make_desk(seeded, Actor.system()), 2026)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.calendar is not None, timeout=10_000)
    assert "chinesecalendar" in dialog.status.text()
    national_day = dialog.month_view.dateTextFormat(QDate(2026, 10, 1))
    assert national_day.background().color().red() == 255  # rest days shaded
    items = [dialog.special_days.item(i).text() for i in range(dialog.special_days.count())]
    assert "2026-10-10  working day  国庆节  (chinesecalendar)" in items
    assert not dialog.complete.isEnabled()  # chinesecalendar covers 2026


def test_the_administrator_enters_a_day_and_imports_a_year(
    qtbot: QtBot, seeded: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = HolidayDialog(make_desk(seeded, Actor.system()), 2027)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.calendar_loaded, timeout=10_000) as blocker:
        pass
    loaded: YearCalendar = blocker.args[0]
    assert not loaded.covered and "notice has not been entered" in dialog.status.text()
    items = [dialog.special_days.item(i).text() for i in range(dialog.special_days.count())]
    assert "2027-02-09  rest day  春节（补假）  (statutory rule, provisional)" in items

    dialog.month_view.setSelectedDate(QDate(2027, 1, 1))
    dialog.name.setText("元旦")
    with qtbot.waitSignal(dialog.calendar_changed, timeout=10_000) as changed:
        dialog.rest_button.click()
    assert isinstance(changed.args[0], HolidayChange)
    qtbot.waitUntil(lambda: dialog.calendar is not None and bool(dialog.calendar.overrides))

    csv = tmp_path / "2027.csv"
    csv.write_text("日期,类型,名称\n2027-02-08,休,春节\n2027-02-20,班,春节调休\n")
    monkeypatch.setattr(HolidayDialog, "ask_import_path", classmethod(lambda cls, parent: csv))
    with qtbot.waitSignal(dialog.calendar_changed, timeout=10_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.calendar is not None and dialog.calendar.declared)
    assert dialog.complete.isChecked()
    with seeded() as s:
        days = s.scalars(select(HolidayDay.day).order_by(HolidayDay.day)).all()
    assert days == [dt.date(2027, 2, 8), dt.date(2027, 2, 20)]  # the import replaced 2027


def test_the_dialog_is_read_only_for_managers(qtbot: QtBot, seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        manager = actor(make_user(s, Role.CITY_MANAGER))
    dialog = HolidayDialog(make_desk(seeded, manager), 2027)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.calendar is not None, timeout=10_000)
    assert dialog.rest_button.isHidden() and dialog.import_button.isHidden()
    assert not dialog.complete.isEnabled()


def test_a_bad_import_is_shown_and_changes_nothing(
    qtbot: QtBot, seeded: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = HolidayDialog(make_desk(seeded, Actor.system()), 2027)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.calendar is not None, timeout=10_000)
    csv = tmp_path / "bad.csv"
    csv.write_text("日期,类型\n2027-02-30,休\n")
    monkeypatch.setattr(HolidayDialog, "ask_import_path", classmethod(lambda cls, parent: csv))
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as blocker:
        dialog.import_button.click()
    assert "bad.csv 第2行" in blocker.args[0]
    with seeded() as s:
        assert s.scalars(select(HolidayDay)).all() == []
