"""The alerts panel, its model, the scheduler that runs the scan and the tray notifier."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.models import Alert, CaseStatus, LimitKind, Role
from ipdesk.services.actors import Actor
from ipdesk.services.cases.alerts import AlertInfo, NewAlert, ScanResult
from ipdesk.services.rules.deadlines import BEIJING
from ipdesk.ui.alerts import AlertsPanel, AlertsTableModel
from ipdesk.ui.alerts.model import ALERT_ID_ROLE, CASE, CASE_ID_ROLE, STAGE, threshold_text
from ipdesk.ui.desk import Desk
from ipdesk.ui.scheduler import JOB_ID, AlertScheduler, TrayNotifier
from tests.helpers.desks import make_desk
from tests.helpers.factories import actor, make_case_with_limits, make_user

# Accepted Tue 2026-09-01: due Mon 2026-11-02. On 10-28 (5 days before) a warn:5 alert.
NOW = dt.datetime(2026, 10, 28, 9, tzinfo=BEIJING)
TODAY = NOW.date()


def info(alert_id: int, threshold: str, days_left: int, **kw: object) -> AlertInfo:
    fields: dict[str, object] = {
        "id": alert_id,
        "case_id": 100 + alert_id,
        "case_number": f"TL01-2026-{alert_id:05d}",
        "office_id": 1,
        "kind": LimitKind.HANDLING,
        "threshold": threshold,
        "due_on": TODAY + dt.timedelta(days=days_left),
        "days_left": days_left,
        "escalated": threshold == "overdue",
        "created_at": dt.datetime(2026, 10, 28, 1, tzinfo=dt.UTC),
        "mediator": "调解员甲",
        "acknowledged_at": None,
        "acknowledged_by": None,
    }
    fields.update(kw)
    return AlertInfo(**fields)  # type: ignore[arg-type]


# --- the model ------------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AlertsTableModel()
    qtmodeltester.check(model)
    model.set_rows([info(1, "overdue", -3), info(2, "warn:5", 4), info(3, "due", 0)])
    qtmodeltester.check(model)
    model.set_rows([])
    model.set_rows([info(4, "warn:15", 12, mediator=None)])
    assert model.rowCount() == 1


def test_model_shows_stage_escalation_and_ids() -> None:
    model = AlertsTableModel()
    model.set_rows([info(1, "overdue", -3), info(2, "warn:5", 4, mediator=None)])
    assert model.index(0, CASE).data() == "TL01-2026-00001"
    assert model.index(0, STAGE).data() == "Overdue (escalated)"
    assert model.index(1, STAGE).data() == "Due within 5 day(s)"
    assert model.index(1, 5).data() == "(unassigned)"
    assert model.index(0, 0).data(ALERT_ID_ROLE) == 1
    assert model.index(1, 0).data(CASE_ID_ROLE) == 102
    assert model.index(0, 0).data(0x11) is None  # an unused role
    assert "3 day(s) overdue" in model.index(0, 0).data(3)  # tooltip
    assert threshold_text("due") == "Due today"


# --- the panel with the scheduler -----------------------------------------------------------


@pytest.fixture
def office(seeded: sessionmaker[Session]) -> tuple[sessionmaker[Session], Actor, int]:
    """A mediator's case due on 11-02; returns the factory, the mediator and the case id."""
    with seeded.begin() as s:
        user = make_user(s, Role.MEDIATOR, office="TL01", display_name="调解员甲")
        case = make_case_with_limits(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 8, 31),
            accepted_on=dt.date(2026, 9, 1),
            mediator_id=user.id,
        )
        return seeded, actor(user), case.id


@pytest.fixture
def make_scheduler(qtbot: QtBot) -> Iterator[Callable[..., AlertScheduler]]:
    made: list[AlertScheduler] = []

    def make(source: sessionmaker[Session] | Desk, **kw: object) -> AlertScheduler:
        kw.setdefault("interval_minutes", 60)
        kw.setdefault("clock", lambda: NOW)
        desk = source if isinstance(source, Desk) else make_desk(source, Actor.system())
        scheduler = AlertScheduler(desk, **kw)  # type: ignore[arg-type]
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        scheduler.shutdown()


def make_panel(
    qtbot: QtBot, factory: sessionmaker[Session], who: Actor, desk: Desk | None = None
) -> AlertsPanel:
    panel = AlertsPanel(desk or make_desk(factory, who, today=lambda: TODAY))
    qtbot.addWidget(panel)
    return panel


def test_the_scheduler_scans_at_start_up_and_the_panel_shows_the_new_alert(
    qtbot: QtBot,
    office: tuple[sessionmaker[Session], Actor, int],
    make_scheduler: Callable[..., AlertScheduler],
) -> None:
    factory, mediator, case_id = office
    scan_threads: list[int] = []

    def clock() -> dt.datetime:
        scan_threads.append(threading.get_ident())
        return NOW

    desk = make_desk(factory, mediator, today=TODAY)
    panel = make_panel(qtbot, factory, mediator, desk)
    scheduler = make_scheduler(desk, clock=clock)  # its alerts reach the panel through the desk
    with qtbot.waitSignal(scheduler.alerts_created, timeout=20_000) as blocker:
        scheduler.start()
    result = blocker.args[0]
    assert isinstance(result, ScanResult)
    assert [(a.case_id, a.threshold) for a in result.alerts] == [(case_id, "warn:5")]
    assert scan_threads and threading.get_ident() not in scan_threads  # off the GUI thread
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    shown = panel.model.row_at(0)
    assert shown is not None
    assert (shown.case_id, shown.threshold, shown.days_left) == (case_id, "warn:5", 5)
    assert panel.summary.text() == "1 unacknowledged alert(s)"


def test_a_second_scan_creates_nothing_and_shutdown_stops_it(
    qtbot: QtBot,
    office: tuple[sessionmaker[Session], Actor, int],
    make_scheduler: Callable[..., AlertScheduler],
) -> None:
    factory, _, _ = office
    scheduler = make_scheduler(factory)
    with qtbot.waitSignal(scheduler.alerts_created, timeout=20_000):
        scheduler.start()
    with qtbot.waitSignal(scheduler.scan_finished, timeout=20_000) as blocker:
        scheduler.scan_now()
    assert blocker.args[0].created == 0
    scheduler.shutdown()
    assert not scheduler.running
    scheduler.scan_now()  # harmless once stopped


def test_a_report_that_arrives_after_shutdown_is_not_announced(
    qtbot: QtBot,
    office: tuple[sessionmaker[Session], Actor, int],
    make_scheduler: Callable[..., AlertScheduler],
) -> None:
    """A scan that finishes while the scheduler shuts down (the user signs out) writes its
    alerts, but its report, taken by the GUI thread afterwards, tells nobody: a reload would
    open the database of a desk that is gone."""
    factory, mediator, case_id = office
    started, release = threading.Event(), threading.Event()

    def clock() -> dt.datetime:
        started.set()
        release.wait(20)
        return NOW

    desk = make_desk(factory, mediator, today=TODAY)
    changes: list[object] = []
    desk.changed.connect(changes.append)
    scheduler = make_scheduler(desk, clock=clock)
    reports: list[object] = []
    scheduler.scan_finished.connect(reports.append)
    scheduler.start()
    qtbot.waitUntil(started.is_set, timeout=20_000)
    release.set()
    scheduler.shutdown()  # waits for the scan, whose report is now queued to the GUI thread
    qtbot.wait(200)
    assert reports == [] and changes == []
    with factory() as session:
        assert session.scalars(select(Alert.case_id)).all() == [case_id]  # the scan did write


def test_a_new_interval_takes_effect_at_once(
    qtbot: QtBot,
    office: tuple[sessionmaker[Session], Actor, int],
    make_scheduler: Callable[..., AlertScheduler],
) -> None:
    factory, _, _ = office
    scheduler = make_scheduler(factory, interval_minutes=60)
    with qtbot.waitSignal(scheduler.scan_finished, timeout=20_000):
        scheduler.start()
    assert scheduler._scheduler is not None
    job = scheduler._scheduler.get_job(JOB_ID)
    assert job.trigger.interval == dt.timedelta(minutes=60)
    scheduler.set_interval(2)
    job = scheduler._scheduler.get_job(JOB_ID)
    assert scheduler.interval_minutes == 2
    assert job.trigger.interval == dt.timedelta(minutes=2)
    assert job.next_run_time - dt.datetime.now(job.next_run_time.tzinfo) <= dt.timedelta(minutes=2)
    with pytest.raises(ValueError):
        scheduler.set_interval(0)


def test_a_failing_scan_is_reported(
    qtbot: QtBot, tmp_path: Path, make_scheduler: Callable[..., AlertScheduler]
) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")  # no tables
    try:
        scheduler = make_scheduler(db.make_session_factory(engine))
        with qtbot.waitSignal(scheduler.scan_failed, timeout=20_000) as blocker:
            scheduler.start()
        assert "no such table" in str(blocker.args[0])
        scheduler.shutdown()
    finally:
        engine.dispose()


def test_acknowledging_from_the_panel_records_who(
    qtbot: QtBot,
    office: tuple[sessionmaker[Session], Actor, int],
    make_scheduler: Callable[..., AlertScheduler],
) -> None:
    factory, mediator, _ = office
    scheduler = make_scheduler(factory)
    with qtbot.waitSignal(scheduler.alerts_created, timeout=20_000):
        scheduler.start()
    panel = make_panel(qtbot, factory, mediator)
    with qtbot.waitSignal(panel.alerts_loaded, timeout=10_000):
        panel.reload()
    assert not panel.acknowledge_button.isEnabled()
    panel.view.selectRow(0)
    assert panel.acknowledge_button.isEnabled()
    with qtbot.waitSignal(panel.alerts_acknowledged, timeout=10_000) as blocker:
        panel.acknowledge_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=10_000)
    assert panel.summary.text() == "0 unacknowledged alert(s)"
    with factory() as s:
        alert = s.scalars(select(Alert)).one()
    assert blocker.args[0] == [alert.id]
    assert alert.acknowledged_by_id == mediator.user_id and alert.acknowledged_at is not None
    # Shown again, as acknowledged, on request.
    with qtbot.waitSignal(panel.alerts_loaded, timeout=10_000):
        panel.show_acknowledged.setChecked(True)
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 6).data().startswith("调解员甲 ")


def test_opening_a_case_from_the_panel(
    qtbot: QtBot,
    office: tuple[sessionmaker[Session], Actor, int],
    make_scheduler: Callable[..., AlertScheduler],
) -> None:
    factory, _, case_id = office
    scheduler = make_scheduler(factory)
    with qtbot.waitSignal(scheduler.alerts_created, timeout=20_000):
        scheduler.start()
    panel = make_panel(qtbot, factory, Actor.system())
    with qtbot.waitSignal(panel.alerts_loaded, timeout=10_000):
        panel.reload()
    panel.view.selectRow(0)
    with qtbot.waitSignal(panel.case_open_requested) as blocker:
        panel.open_button.click()
    assert blocker.args == [case_id]
    panel.show()
    qtbot.waitExposed(panel)
    cell = panel.view.visualRect(panel.model.index(0, 2)).center()
    with qtbot.waitSignal(panel.case_open_requested) as blocker:
        # A double-click is a click and then the double-click event.
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert blocker.args == [case_id]
    with qtbot.waitSignal(panel.case_open_requested) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [case_id]


def test_the_next_unacknowledged_alert_is_selected_round_and_round(qtbot: QtBot) -> None:
    seen = dt.datetime(2026, 10, 28, 2, tzinfo=dt.UTC)
    panel = AlertsPanel(make_desk(sessionmaker(), Actor.system(), today=lambda: TODAY))
    qtbot.addWidget(panel)
    opened: list[int] = []
    panel.case_open_requested.connect(opened.append)
    assert not panel.select_next_unacknowledged()  # nothing loaded
    panel.model.set_rows(
        [
            info(1, "overdue", -3),
            info(2, "warn:5", 4, acknowledged_at=seen, acknowledged_by="甲"),
            info(3, "due", 0),
            info(4, "warn:15", 12, acknowledged_at=seen, acknowledged_by="甲"),
        ]
    )
    visited = []
    for _ in range(4):
        assert panel.select_next_unacknowledged()
        visited.append(panel.view.currentIndex().row())
        assert [a.id for a in panel.selected_alerts()] == [visited[-1] + 1]
    assert visited == [0, 2, 0, 2]  # acknowledged ones are skipped; it wraps around
    assert opened == []  # selecting opens nothing
    panel.model.set_rows([info(2, "warn:5", 4, acknowledged_at=seen, acknowledged_by="甲")])
    assert not panel.select_next_unacknowledged()


def test_other_users_do_not_see_the_alert(
    qtbot: QtBot,
    office: tuple[sessionmaker[Session], Actor, int],
    make_scheduler: Callable[..., AlertScheduler],
) -> None:
    factory, _, _ = office
    with factory.begin() as s:
        other = actor(make_user(s, Role.MEDIATOR, office="TL01"))
    scheduler = make_scheduler(factory)
    with qtbot.waitSignal(scheduler.alerts_created, timeout=20_000):
        scheduler.start()
    panel = make_panel(qtbot, factory, other)
    with qtbot.waitSignal(panel.alerts_loaded, timeout=10_000) as blocker:
        panel.reload()
    assert blocker.args == [0] and panel.model.rowCount() == 0


# --- the tray -------------------------------------------------------------------------------


def test_the_tray_notifier_summarises_new_alerts(qtbot: QtBot) -> None:
    notifier = TrayNotifier(None)
    alerts = tuple(
        NewAlert(i, i, f"TL01-2026-{i:05d}", LimitKind.HANDLING, "warn:5", dt.date(2026, 11, 2))
        for i in range(1, 8)
    )
    with qtbot.waitSignal(notifier.notified) as blocker:
        notifier.notify(ScanResult(NOW, 9, 7, alerts))
    title, text = blocker.args
    assert title == "7 new deadline alert(s)"
    lines = text.splitlines()
    assert lines[0] == "TL01-2026-00001  Due within 5 day(s)  2026-11-02"
    assert lines[-1] == "and 2 more" and len(lines) == 6
    with qtbot.assertNotEmitted(notifier.notified):
        notifier.notify(ScanResult(NOW, 9, 0, ()))
