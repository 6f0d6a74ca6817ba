"""The features wired into the main window after sign-in: "My work" first, the drill-downs
from the deadline board and the dashboard into the case list, the holiday banner and
dialog, and F8 to the next alert."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

import ipdesk.ui.features as features
from ipdesk.demo import generator as demo
from ipdesk.models import CaseStatus, Role, User
from ipdesk.services.actors import Actor
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.limits import BOARD_BUCKETS, deadline_board
from ipdesk.services.queries.cases_query import CaseFilter, count_cases
from ipdesk.services.queries.dashboard import TOTAL, drill_down
from ipdesk.services.rules.deadlines import BEIJING, legal_today
from ipdesk.ui import tasks
from ipdesk.ui.alerts import AlertsPanel
from ipdesk.ui.cases import CaseListWidget
from ipdesk.ui.dashboard import DashboardWidget, DrillDownRequest
from ipdesk.ui.deadlines import DeadlineBoardWidget
from ipdesk.ui.deadlines.board import OVERDUE, case_filter
from ipdesk.ui.holidays.banner import HolidayBanner
from ipdesk.ui.holidays.dialog import HolidayDialog
from ipdesk.ui.intake.dialog import IntakeDialog
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.scheduler import AlertScheduler
from ipdesk.ui.settings import keys
from ipdesk.ui.worklists import WorkListPage
from tests.helpers.desks import open_main_window
from tests.helpers.factories import make_case, make_case_with_limits, make_user

TODAY = legal_today()  # the window's widgets read the real clock


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def demo_db(seeded: sessionmaker[Session]) -> sessionmaker[Session]:
    """400 demo cases with the demo users (tl01-mediator1, city, ...)."""
    demo.generate(seeded, cases=400, seed=3, today=TODAY, later_stages=False)
    with seeded.begin() as s:  # one case in each bucket of the board at least
        for station, days in (("TL01-S01", 70), ("TL02-S01", 75), ("TL01-S02", 50)):
            make_case_with_limits(
                s,
                station,
                CaseStatus.MEDIATING,
                received_on=TODAY - dt.timedelta(days=days + 1),
                accepted_on=TODAY - dt.timedelta(days=days),
            )
        make_case(
            s,
            "TL02-S02",
            CaseStatus.MEDIATING,
            received_on=TODAY - dt.timedelta(days=81),
            accepted_on=TODAY - dt.timedelta(days=80),
            due_on=TODAY - dt.timedelta(days=20),
            is_suspended=True,
        )
    return seeded


def demo_actor(factory: sessionmaker[Session], username: str) -> Actor:
    with factory() as s:
        return Actor.of(s.scalars(select(User).where(User.username == username)).one())


Open = Callable[..., MainWindow]
"""``open_window(factory, actor, today=…)``: a main window with its features."""


@pytest.fixture
def open_window(
    qtbot: QtBot, ui_settings: QSettings, seeded: sessionmaker[Session]
) -> Iterator[Open]:
    """Opens main windows with their features; stops their alert scans afterwards — before
    the database goes (hence ``seeded``): a scan must not hold a connection past it."""
    schedulers: list[AlertScheduler] = []

    def open_(
        factory: sessionmaker[Session], who: Actor, today: dt.date | None = None
    ) -> MainWindow:
        return open_main_window(
            qtbot, ui_settings, factory, who, schedulers, today=today or legal_today
        )

    yield open_
    for scheduler in schedulers:
        scheduler.shutdown()


def page_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window._page_actions.actions()]


# -- the deadline board's counts are the case list's ----------------------------------------


def test_every_board_count_is_the_case_lists_count(demo_db: sessionmaker[Session]) -> None:
    city = demo_actor(demo_db, "city")
    manager = demo_actor(demo_db, "tl02-manager")
    with demo_db() as s:
        for who in (city, manager):
            board = deadline_board(s, who, TODAY)
            totals = board.totals
            assert who is manager or (totals.overdue and totals.due_soon and totals.suspended)
            for office in (*board.offices, None):
                row = office or board.totals
                for bucket in BOARD_BUCKETS:
                    flt = case_filter(board.filter(bucket, office))
                    expected = {
                        "open": row.open_cases,
                        "suspended": row.suspended,
                        "due_soon": row.due_soon,
                        "overdue": row.overdue,
                    }[bucket]
                    assert count_cases(s, who, flt, today=TODAY) == expected, (office, bucket)


# -- "My work" comes first ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "first"),
    [
        ("tl01-mediator1", "My cases"),
        ("tl01-manager", "Cases to assign"),
        ("city", "Cases to assign"),
        ("tl01-s01", "My station's cases"),
    ],
)
def test_my_work_is_the_first_page(
    open_window: Open, demo_db: sessionmaker[Session], username: str, first: str
) -> None:
    window = open_window(demo_db, demo_actor(demo_db, username))
    page = window.pages.currentWidget()
    assert isinstance(page, WorkListPage)
    assert page_titles(window)[:2] == ["My work", "Cases"]
    assert page.title.text() == first
    assert page.model.rowCount() > 0  # loaded at once, being in front


def test_an_administrator_starts_on_the_case_list(
    open_window: Open, demo_db: sessionmaker[Session]
) -> None:
    window = open_window(demo_db, demo_actor(demo_db, "admin"))
    assert isinstance(window.pages.currentWidget(), CaseListWidget)
    assert "My work" not in page_titles(window)


def test_find_and_the_organisation_tree_bring_the_case_list_forward(
    open_window: Open, demo_db: sessionmaker[Session]
) -> None:
    window = open_window(demo_db, demo_actor(demo_db, "city"))
    case_list = window.page(CaseListWidget)
    assert case_list is not None
    window.search_action.trigger()
    assert window.pages.currentWidget() is case_list
    work = window.findChild(WorkListPage)
    assert work is not None
    window.show_page(work)
    office_id = window.org_model.unit_at(window.org_model.index(0, 0))
    assert office_id is not None
    window.unit_selected.emit(*office_id)
    assert window.pages.currentWidget() is case_list


# -- drill-downs ------------------------------------------------------------------------------


def test_a_board_count_opens_the_case_list_with_exactly_its_cases(
    open_window: Open, demo_db: sessionmaker[Session]
) -> None:
    window = open_window(demo_db, demo_actor(demo_db, "city"))
    board = window.page(DeadlineBoardWidget)
    case_list = window.page(CaseListWidget)
    assert board is not None and case_list is not None
    assert board.model.rowCount() == 0  # not loaded before it is shown
    window.show_page(board)
    assert board.model.rowCount() == 9
    office = board.model.office_at(0)
    assert office is not None and office.overdue > 0  # most overdue first

    board.view.activated.emit(board.model.index(0, OVERDUE))
    assert window.pages.currentWidget() is case_list
    assert case_list.model.rowCount() == office.overdue
    assert all("overdue" in case_list.model.case_row(r).flags for r in range(office.overdue))  # type: ignore[union-attr]
    assert case_list.drill_down_text() == f"Deadline board: {office.code} {office.name}: Overdue"
    # The filter bar shows the filter.
    assert case_list.office_combo.currentData() == office.office_id
    assert case_list.status_combo.currentData() == "open"
    assert case_list.deadline_combo.currentData() == "overdue"

    case_list.clear_drill_button.click()
    assert case_list.drill_down_text() == ""
    assert case_list.office_combo.currentData() is None
    assert case_list.deadline_combo.currentData() is None
    with demo_db() as s:
        assert case_list.model.rowCount() == count_cases(s, demo_actor(demo_db, "city"))


def test_changing_the_filter_bar_drops_the_board_label(
    open_window: Open, demo_db: sessionmaker[Session]
) -> None:
    window = open_window(demo_db, demo_actor(demo_db, "city"))
    board = window.page(DeadlineBoardWidget)
    case_list = window.page(CaseListWidget)
    assert board is not None and case_list is not None
    window.show_page(board)
    board.view.activated.emit(board.model.index(0, OVERDUE))
    case_list.deadline_combo.setCurrentIndex(case_list.deadline_combo.findData("due_soon"))
    assert case_list.drill_down_text() == ""  # the bar alone says what is shown now


def test_a_dashboard_number_lists_exactly_its_cases_with_a_chinese_label(
    open_window: Open,
    demo_db: sessionmaker[Session],
    install_language: Callable[[str], None],
) -> None:
    install_language("zh_CN")
    city = demo_actor(demo_db, "city")
    window = open_window(demo_db, city)
    dashboard = window.page(DashboardWidget)
    case_list = window.page(CaseListWidget)
    assert dashboard is not None and case_list is not None
    window.show_page(dashboard)
    assert dashboard.model.figures is not None  # loaded when first shown
    flt = dashboard.model.figures.filter
    with demo_db() as s:
        ids = drill_down(s, city, flt, "closed", TOTAL, today=dashboard.model.figures.as_of)
    assert len(ids) > 5
    dashboard.drill_down_requested.emit(DrillDownRequest(flt, "closed", TOTAL, "全市合计：已结案"))

    assert window.pages.currentWidget() is case_list
    assert case_list.drill_down_text() == "仪表盘：全市合计：已结案"
    shown = sorted(case_list.model.case_id(r) for r in range(case_list.model.rowCount()))  # type: ignore[type-var]
    assert shown == ids
    # Other filters narrow the drill-down down; the label stays while it is in force.
    case_list.office_combo.setCurrentIndex(1)
    assert 0 < case_list.model.rowCount() < len(ids)
    assert case_list.drill_down_text().startswith("仪表盘：")
    case_list.clear_drill_button.click()
    assert case_list.drill_down_text() == "" and case_list.model.filter == CaseFilter()
    assert case_list.model.rowCount() > len(ids)
    QApplication.processEvents()


def test_a_real_dashboard_drill_down_reaches_the_case_list(
    open_window: Open, demo_db: sessionmaker[Session]
) -> None:
    window = open_window(demo_db, demo_actor(demo_db, "tl01-manager"))
    dashboard = window.page(DashboardWidget)
    case_list = window.page(CaseListWidget)
    assert dashboard is not None and case_list is not None
    window.show_page(dashboard)
    model = dashboard.model
    received = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Received"
    )
    expected = int(model.index(0, received).data())
    dashboard.drill_down(model.index(0, received))
    assert window.pages.currentWidget() is case_list
    assert case_list.model.rowCount() == expected > 0
    assert case_list.drill_down_text().startswith("Dashboard: ")


# -- holidays -----------------------------------------------------------------------------------


def test_the_holiday_banner_and_dialog(
    open_window: Open,
    seeded: sessionmaker[Session],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On 2026-10-25 the limits reach into 2027, which chinesecalendar 1.11 does not cover.
    day = dt.date(2026, 10, 25)
    with seeded.begin() as s:
        admin = Actor.of(make_user(s, Role.ADMIN))
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
        mediator = Actor.of(make_user(s, Role.MEDIATOR, office="TL01"))

    shown = open_window(seeded, manager, day)
    banner = shown.findChild(HolidayBanner)
    assert banner is not None and banner.isVisibleTo(shown) and banner.years == [2027]
    assert not banner.enter_button.isVisibleTo(shown)
    assert "admin" not in shown.menus

    assert open_window(seeded, mediator, day).findChild(HolidayBanner) is None

    window = open_window(seeded, admin, day)
    banner = window.findChild(HolidayBanner)
    assert banner is not None and banner.enter_button.isVisibleTo(window)
    banner.enter_button.click()
    dialog = window.findChild(HolidayDialog)
    assert dialog is not None and dialog.year.value() == 2027 and dialog.isVisible()
    with qtbot.waitSignal(dialog.calendar_changed):
        dialog.complete.click()  # the administrator declares 2027 complete
    assert banner.years == [] and not banner.isVisibleTo(window)
    dialog.close()

    action = window.findChild(features.QAction, "holidays_action")
    assert action is not None and action in window.menu("admin").actions()
    action.trigger()
    opened = [d for d in window.findChildren(HolidayDialog) if d.isVisible()]
    assert len(opened) == 1 and opened[0].year.value() == 2026


# -- F8: the next alert -------------------------------------------------------------------------


def test_f8_selects_the_next_unacknowledged_alert_and_enter_opens_it(
    open_window: Open, seeded: sessionmaker[Session], qtbot: QtBot
) -> None:
    now = dt.datetime.combine(TODAY, dt.time(9), tzinfo=BEIJING)
    with seeded.begin() as s:
        user = make_user(s, Role.MEDIATOR, office="TL01")
        for days in (3, 9):  # accepted so that the 60-day limit is due soon
            make_case_with_limits(
                s,
                status=CaseStatus.MEDIATING,
                received_on=TODAY - dt.timedelta(days=61 - days),
                accepted_on=TODAY - dt.timedelta(days=60 - days),
                mediator_id=user.id,
            )
        mediator = Actor.of(user)
    with seeded.begin() as s:
        assert scan_alerts(s, now).created >= 2

    window = open_window(seeded, mediator)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel = window.findChild(AlertsPanel)
    assert panel is not None and panel.model.rowCount() >= 2
    dock = panel.parentWidget()
    assert dock is not None
    dock.hide()
    opened: list[int] = []
    panel.case_open_requested.connect(opened.append)

    rows = []
    for _ in range(panel.model.rowCount() + 1):
        qtbot.keyClick(window, Qt.Key.Key_F8)
        rows.append(panel.view.currentIndex().row())
    count = panel.model.rowCount()
    assert rows == [*range(count), 0]  # each in turn, then round again
    assert dock.isVisible()  # F8 brought the dock back
    assert opened == []  # selecting opens nothing
    assert panel.view.hasFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    first = panel.model.row_at(0)
    assert first is not None and opened == [first.case_id]


def test_a_new_case_takes_the_attachment_limit_set_now(
    open_window: Open, demo_db: sessionmaker[Session], ui_settings: QSettings
) -> None:
    window = open_window(demo_db, demo_actor(demo_db, "tl01-s01"))
    ui_settings.setValue(keys.ATTACHMENT_MAX_SIZE_MB, 3)  # changed in Settings after sign-in
    window.new_case_requested.emit()
    (dialog,) = window.findChildren(IntakeDialog)
    assert dialog._max_bytes == 3 * 1024 * 1024
    dialog.reject()


def test_a_new_scan_interval_from_the_settings_reaches_the_scheduler(
    open_window: Open, demo_db: sessionmaker[Session], ui_settings: QSettings
) -> None:
    window = open_window(demo_db, demo_actor(demo_db, "tl01-manager"))
    scheduler = window.findChild(AlertScheduler)
    assert scheduler is not None
    ui_settings.setValue(keys.ALERT_SCAN_INTERVAL_MINUTES, 17)
    window.settings_saved.emit([keys.ALERT_SCAN_INTERVAL_MINUTES])
    assert scheduler.interval_minutes == 17


def test_a_real_dashboard_drill_down_is_labelled_in_chinese(
    open_window: Open,
    demo_db: sessionmaker[Session],
    install_language: Callable[[str], None],
) -> None:
    install_language("zh_CN")
    window = open_window(demo_db, demo_actor(demo_db, "city"))
    dashboard = window.page(DashboardWidget)
    case_list = window.page(CaseListWidget)
    assert dashboard is not None and case_list is not None
    window.show_page(dashboard)
    model = dashboard.model
    unit = str(model.index(0, 0).data()).strip()
    header = model.headerData(1, Qt.Orientation.Horizontal)
    dashboard.drill_down(model.index(0, 1))
    assert window.pages.currentWidget() is case_list
    assert case_list.drill_down_text() == f"仪表盘：{unit}：{header}"
