"""The desk: one way for the window to talk to the core.

After each kind of change — a ledger import, an intake, a transfer, an alert acknowledged,
an organisation imported — every open page that shows the changed data has reloaded it,
without a refresh wired by hand; a stale result is dropped; a refusal is shown through the
one path.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseStatus, Office, Role
from ipdesk.services.actors import Actor
from ipdesk.services.admin.org import import_org
from ipdesk.services.admin.seed import ORG_DIR
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.errors import PermissionDenied, ValidationError
from ipdesk.services.rules.deadlines import BEIJING
from ipdesk.ui import desk as desk_module
from ipdesk.ui import tasks
from ipdesk.ui.alerts.panel import AlertsPanel
from ipdesk.ui.case_import import ImportLedgerDialog
from ipdesk.ui.case_view.actions import ActionDialog
from ipdesk.ui.cases import CaseListWidget
from ipdesk.ui.dashboard import DashboardWidget
from ipdesk.ui.deadlines.board import DeadlineBoardWidget
from ipdesk.ui.desk import Change, ChangeKind, Desk, Refusal
from ipdesk.ui.features import install_features
from ipdesk.ui.intake.dialog import IntakeDialog
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.scheduler import AlertScheduler
from ipdesk.ui.stores import FileStores
from ipdesk.ui.worklists import WorkListPage
from tests.helpers.desks import make_desk
from tests.helpers.factories import actor, make_case, make_case_with_limits, make_user
from tests.ui.test_case_import_dialog import ledger
from tests.ui.test_intake_dialog import fill_valid

NOW = dt.datetime(2026, 10, 28, 9, tzinfo=BEIJING)
TODAY = NOW.date()
NEW_OFFICE = "测试知识产权行政裁决所"

Open = Callable[[Actor], tuple[MainWindow, Desk]]


@pytest.fixture(autouse=True)
def _synchronous(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(IntakeDialog, "ask", classmethod(lambda cls, parent, title, text: True))
    with tasks.synchronous():
        yield


@pytest.fixture
def open_window(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings
) -> Iterator[Open]:
    """The shown main window of an actor with every feature of their role, on one desk."""
    schedulers: list[AlertScheduler] = []

    def open_(who: Actor) -> tuple[MainWindow, Desk]:
        desk = make_desk(seeded, who, today=TODAY)
        window = MainWindow(desk, "SQLite test", settings=ui_settings)
        desk.setParent(window)
        qtbot.addWidget(window)
        stores = FileStores.in_folder(Path(ui_settings.fileName()).parent)
        scheduler = install_features(window, desk, ui_settings, stores=stores, daily_backups=False)
        scheduler.shutdown()  # the test decides when alerts are made
        schedulers.append(scheduler)
        window.show()
        qtbot.waitExposed(window)
        for page in pages(window):  # every page has loaded once
            window.show_page(page)
        return window, desk

    yield open_
    for scheduler in schedulers:
        scheduler.shutdown()


def pages(window: MainWindow) -> list[QWidget]:
    return [w for w in (window.pages.widget(i) for i in range(window.pages.count())) if w]


def page(window: MainWindow, kind: type[QObject]) -> QObject:
    found = window.findChild(kind)
    assert found is not None, kind
    return found


def case_list(window: MainWindow) -> CaseListWidget:
    found = page(window, CaseListWidget)
    assert isinstance(found, CaseListWidget)
    return found


def work_list(window: MainWindow) -> WorkListPage:
    found = page(window, WorkListPage)
    assert isinstance(found, WorkListPage)
    return found


def board(window: MainWindow) -> DeadlineBoardWidget:
    found = page(window, DeadlineBoardWidget)
    assert isinstance(found, DeadlineBoardWidget)
    return found


def dashboard(window: MainWindow) -> DashboardWidget:
    found = page(window, DashboardWidget)
    assert isinstance(found, DashboardWidget)
    return found


def alerts(window: MainWindow) -> AlertsPanel:
    found = window.findChild(AlertsPanel)
    assert found is not None
    return found


def open_cases(window: MainWindow) -> int:
    """The open cases of the deadline board (shown last)."""
    return board(window).model.board.totals.open_cases  # type: ignore[union-attr]


def dashboard_received(window: MainWindow) -> int:
    figures = dashboard(window).model.figures
    assert figures is not None
    return figures.total.received


def office_rows(window: MainWindow) -> list[str]:
    model = window.org_model
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def city_manager(factory: sessionmaker[Session]) -> Actor:
    with factory.begin() as s:
        return actor(make_user(s, Role.CITY_MANAGER))


def after_showing(window: MainWindow, shown: QWidget, value: Callable[[], object]) -> object:
    """What ``value`` says once ``shown`` has come to the front (a page behind another
    reloads when it is shown next)."""
    window.show_page(shown)
    return value()


# -- a change of each kind reaches every page that shows it ------------------------------------


def test_a_ledger_import_reloads_the_case_lists_board_dashboard_and_tree(
    open_window: Open, seeded: sessionmaker[Session], tmp_path: Path, qtbot: QtBot
) -> None:
    window, desk = open_window(city_manager(seeded))
    cases, waiting = case_list(window), work_list(window)
    before = (cases.model.total or 0, waiting.model.total, open_cases(window))
    received = dashboard_received(window)
    window.show_page(cases)

    dialog = ImportLedgerDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.check(ledger(tmp_path / "ledger.csv"))
    with qtbot.waitSignal(dialog.imported):
        dialog.start_import()

    assert cases.model.total == before[0] + 3  # in front: at once
    assert after_showing(window, waiting, lambda: waiting.model.total) == before[1] + 3
    assert after_showing(window, board(window), lambda: open_cases(window)) == before[2] + 3
    assert after_showing(window, dashboard(window), lambda: dashboard_received(window)) in (
        received,  # imported cases received before the dashboard's period…
        received + 3,  # …or in it
    )
    assert dashboard(window).model.figures is not None


def test_an_intake_reloads_the_lists_and_the_tree(
    open_window: Open, seeded: sessionmaker[Session], tmp_path: Path, qtbot: QtBot
) -> None:
    window, desk = open_window(city_manager(seeded))
    cases, waiting = case_list(window), work_list(window)
    before = (cases.model.total or 0, open_cases(window))
    window.show_page(cases)
    tree_loads: list[None] = []
    window.org_loaded.connect(lambda: tree_loads.append(None))
    waiting_loads: list[int] = []
    waiting.loaded.connect(waiting_loads.append)

    dialog = IntakeDialog(desk, window, store=tmp_path / "att", draft_path=tmp_path / "d.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.station_combo.setCurrentIndex(dialog.station_combo.findData("TL01-S01"))
    fill_valid(qtbot, dialog)
    with qtbot.waitSignal(dialog.case_registered):
        dialog.save_button.click()

    assert cases.model.total == before[0] + 1  # in front: at once
    assert tree_loads  # the tree counts open cases
    assert not waiting_loads  # behind: when it comes to the front
    window.show_page(waiting)
    assert len(waiting_loads) == 1
    assert after_showing(window, board(window), lambda: open_cases(window)) == before[1] + 1


def test_a_transfer_reloads_the_case_list_the_work_list_and_the_tree(
    open_window: Open, seeded: sessionmaker[Session], qtbot: QtBot
) -> None:
    with seeded.begin() as s:
        case = make_case(s, "TL01-S01", CaseStatus.REGISTERED)
        case_id, version = case.id, case.version_id
        tl01 = s.scalar(select(Office.id).where(Office.code == "TL01"))
    window, desk = open_window(city_manager(seeded))
    cases = case_list(window)
    window.show_page(cases)
    assert cases.model.row_of(case_id) is not None
    tree_loads: list[None] = []
    window.org_loaded.connect(lambda: tree_loads.append(None))
    waiting_loads: list[int] = []
    work_list(window).loaded.connect(waiting_loads.append)

    dialog = ActionDialog(desk, case_id, version, tl01, "transfer", window)
    qtbot.addWidget(dialog)
    dialog.office_combo.setCurrentIndex(dialog.office_combo.findData("TL02"))
    dialog.reason_edit.setPlainText("属于科左中旗管辖")
    with qtbot.waitSignal(dialog.performed):
        dialog.submit()

    with seeded() as s:
        moved = s.get(Case, case_id)
        assert moved is not None and moved.office is not None and moved.office.code == "TL02"
    shown = cases.model.row_of(case_id)
    assert shown is not None
    row = cases.model.case_row(shown)
    assert row is not None and row.office_code == "TL02"  # the list in front: at once
    assert tree_loads
    window.show_page(work_list(window))
    assert waiting_loads  # the city's cases waiting for a mediator, by office


def test_an_acknowledged_alert_leaves_the_dock_without_a_refresh(
    open_window: Open, seeded: sessionmaker[Session], qtbot: QtBot
) -> None:
    with seeded.begin() as s:
        mediator = make_user(s, Role.MEDIATOR, office="TL01")
        make_case_with_limits(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 8, 31),
            accepted_on=dt.date(2026, 9, 1),
            mediator_id=mediator.id,
        )
        scan_alerts(s, NOW)
    window, _desk = open_window(actor(mediator))
    panel = alerts(window)
    assert panel.unacknowledged == 1
    panel.view.selectRow(0)
    with qtbot.waitSignal(panel.alerts_loaded) as reloaded:
        panel.acknowledge_selected()
    assert reloaded.args == [0] and panel.unacknowledged == 0


def test_an_alert_scan_reaches_the_dock_through_the_desk(
    open_window: Open, seeded: sessionmaker[Session], qtbot: QtBot
) -> None:
    with seeded.begin() as s:
        mediator = make_user(s, Role.MEDIATOR, office="TL01")
        make_case_with_limits(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 8, 31),
            accepted_on=dt.date(2026, 9, 1),
            mediator_id=mediator.id,
        )
    window, desk = open_window(actor(mediator))
    panel = alerts(window)
    assert panel.unacknowledged == 0
    scheduler = AlertScheduler(desk, clock=lambda: NOW, parent=window)
    try:
        with qtbot.waitSignal(panel.alerts_loaded, timeout=20_000) as reloaded:
            scheduler.start()
    finally:
        scheduler.shutdown()
    assert reloaded.args == [1]


def test_an_organisation_import_reloads_the_tree_the_filters_and_the_figures(
    open_window: Open, seeded: sessionmaker[Session], tmp_path: Path, qtbot: QtBot
) -> None:
    with seeded.begin() as s:
        admin = actor(make_user(s, Role.ADMIN))
    window, desk = open_window(admin)
    offices, stations = tmp_path / "offices.csv", tmp_path / "stations.csv"
    offices.write_text(
        (ORG_DIR / "offices.csv").read_text(encoding="utf-8-sig").rstrip("\n")
        + f"\nTL99,{NEW_OFFICE},150502,,,,行政调解,{NEW_OFFICE}\n",
        encoding="utf-8",
    )
    stations.write_text(
        (ORG_DIR / "stations.csv").read_text(encoding="utf-8-sig").rstrip("\n")
        + "\nTL99-S01,测试维权援助工作站,TL99,,\n",
        encoding="utf-8",
    )
    cases = case_list(window)
    window.show_page(cases)
    assert cases.office_combo.findText(NEW_OFFICE) < 0 and NEW_OFFICE not in office_rows(window)
    dashboard_loads: list[None] = []
    dashboard(window).loaded.connect(lambda: dashboard_loads.append(None))

    done: list[object] = []
    desk.write(
        window,
        lambda s: import_org(s, admin, offices, stations),
        done.append,
        changes=Change.of(ChangeKind.ORG),
    )

    assert done
    assert NEW_OFFICE in office_rows(window)  # the tree
    assert cases.office_combo.findText(NEW_OFFICE) >= 0  # the case list's filter
    window.show_page(dashboard(window))
    assert dashboard_loads  # the figures per office


# -- one place drops stale results, one path shows refusals ------------------------------------


def test_a_newer_request_for_the_same_purpose_drops_the_older_result(qtbot: QtBot) -> None:
    desk = make_desk(sessionmaker(create_engine("sqlite://")), Actor.system())
    owner, other = QObject(), QObject()
    release = threading.Event()
    shown: list[str] = []

    def slow(_session: Session) -> str:
        release.wait(10)
        return "older"

    with tasks.synchronous():  # undone below: this test needs the thread pool
        pass
    previous = tasks._synchronous
    tasks._synchronous = False
    try:
        desk.read(owner, slow, shown.append, purpose="load")
        desk.read(other, lambda _s: "other widget", shown.append, purpose="load")
        desk.read(owner, lambda _s: "newer", shown.append, purpose="load")
        qtbot.waitUntil(lambda: "newer" in shown and "other widget" in shown, timeout=10_000)
        release.set()
        QThreadPool.globalInstance().waitForDone()
        QApplication.processEvents()
        QApplication.processEvents()
    finally:
        release.set()
        tasks._synchronous = previous
    assert sorted(shown) == ["newer", "other widget"]  # "older" came last and was dropped


def test_a_refusal_is_translated_once_and_shown_through_one_path(
    qtbot: QtBot, seeded: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = make_desk(seeded, Actor.system())
    owner = QObject()
    changes: list[Change] = []
    desk.changed.connect(changes.append)

    def refused(_session: Session) -> None:
        raise PermissionDenied("无权办理", code="permission_denied")

    got: list[Refusal] = []
    desk.write(owner, refused, lambda _r: None, got.append, changes=Change.of(ChangeKind.CASES))
    assert [r.text for r in got] == ["Your role does not permit this operation."]
    assert got[0].code == "permission_denied" and got[0].field is None
    assert changes == []  # nothing changed: nothing is announced

    def invalid(_session: Session) -> None:
        raise ValidationError("phone", "电话号码无效", code="phone_invalid")

    desk.read(owner, invalid, lambda _r: None, got.append)
    assert got[-1].field == "phone" and got[-1].fields == [("phone", got[-1].text)]

    boxes: list[str] = []  # without a place of its own, a refusal is shown in a message box
    monkeypatch.setattr(
        desk_module, "show_refusal", lambda _owner, refusal: boxes.append(refusal.text)
    )
    desk.write(owner, refused, lambda _r: None, changes=None)
    assert boxes == ["Your role does not permit this operation."]
