"""The main window, the start-up code around it, and the helpers it relies on."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSettings, Qt, QThread, QThreadPool
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

import ipdesk.app as app_module
import ipdesk.demo.generator as demo_generator
from ipdesk import db
from ipdesk.demo.generator import DemoSummary
from ipdesk.models import Case, CaseStatus, Channel, DisputeType, IpType, Office, Role, Station
from ipdesk.paths import RESOURCES_DIR
from ipdesk.services.actors import Actor
from ipdesk.services.admin.seed import seed_reference_data
from ipdesk.services.errors import ImportFailed, NotFound, ServiceError, StaleData
from ipdesk.ui import tasks
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.messages import error_text
from ipdesk.ui.org_tree import OFFICE, STATION
from tests.helpers.desks import make_desk
from tests.helpers.factories import make_user

MakeWindow = Callable[..., MainWindow]
COUNTED = re.compile(r"^\d+$")


@pytest.fixture
def make_window(qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings) -> MakeWindow:
    def make(
        factory: sessionmaker[Session] | None = None, label: str = "SQLite test.sqlite3"
    ) -> MainWindow:
        window = MainWindow(
            make_desk(factory or seeded, Actor.system()), label, settings=ui_settings
        )
        qtbot.addWidget(window)
        return window

    return make


def _loaded(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.waitUntil(lambda: window.org_model.office_count() > 0)
    return window


def _station_id(factory: sessionmaker[Session], code: str) -> int:
    with factory() as session:
        return session.scalars(select(Station.id).where(Station.code == code)).one()


# -- the organisation tree ------------------------------------------------------------------


def test_window_shows_offices_and_stations_with_counts(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    with qtbot.waitSignal(window.org_loaded):
        pass

    model = window.org_model
    assert model.office_count() == 9
    assert model.station_count() == 89
    office = model.index(0, 0)
    assert office.data() == "科尔沁区知识产权行政裁决所"  # the full name, the count beside it
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Open cases"
    for row in range(model.rowCount()):
        office = model.index(row, 0)
        assert COUNTED.match(office.siblingAtColumn(1).data())
        for child in range(model.rowCount(office)):
            assert COUNTED.match(model.index(child, 1, office).data())
    assert window.statusBar().currentMessage() == ""


def _add_case(
    session: Session, number: str, station: Station | None, office_id: int, status: CaseStatus
) -> None:
    session.add(
        Case(
            number=number,
            office_id=office_id,
            station_id=station.id if station else None,
            status=status,
            ip_type=IpType.TRADEMARK,
            dispute_type=DisputeType.INFRINGEMENT,
            facts="销售假冒注册商标的商品",
            claim="停止侵权",
            channel=Channel.WALK_IN,
            received_on=dt.date(2025, 3, 3),
        )
    )


def test_window_shows_the_open_case_counts(
    qtbot: QtBot, make_window: MakeWindow, seeded: sessionmaker[Session]
) -> None:
    with seeded.begin() as session:
        station = session.scalars(select(Station).where(Station.code == "TL01-S02")).one()
        kailu = session.scalars(select(Office).where(Office.code == "TL04")).one()
        _add_case(session, "T-1", station, station.office_id, CaseStatus.MEDIATING)
        _add_case(session, "T-2", station, station.office_id, CaseStatus.REGISTERED)
        _add_case(session, "T-3", station, station.office_id, CaseStatus.CLOSED)
        _add_case(session, "T-4", None, kailu.id, CaseStatus.ACCEPTED)
        station_id, office_id, kailu_id = station.id, station.office_id, kailu.id

    window = _loaded(qtbot, make_window())

    model = window.org_model
    assert model.index_of(OFFICE, office_id).siblingAtColumn(1).data() == "2"
    assert model.index_of(STATION, station_id).siblingAtColumn(1).data() == "2"
    assert model.index_of(OFFICE, kailu_id).siblingAtColumn(1).data() == "1"
    counts = [int(model.index(row, 1).data()) for row in range(9)]
    assert sum(counts) == 3


def test_tree_is_loaded_off_the_gui_thread(qtbot: QtBot, make_window: MakeWindow) -> None:
    threads: list[int] = []

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "FROM offices" in statement:
            threads.append(threading.get_ident())

    event.listen(Engine, "before_cursor_execute", record)
    try:
        _loaded(qtbot, make_window())
    finally:
        event.remove(Engine, "before_cursor_execute", record)

    assert len(threads) == 1  # one load, shared by whoever shows the organisation
    assert threads[0] != threading.main_thread().ident


def test_synchronous_tasks_load_the_tree_at_once(make_window: MakeWindow) -> None:
    with tasks.synchronous():
        window = make_window()
    assert window.org_model.station_count() == 89


def test_clicking_a_station_emits_unit_selected(
    qtbot: QtBot, make_window: MakeWindow, seeded: sessionmaker[Session]
) -> None:
    station_id = _station_id(seeded, "TL01-S02")
    window = _loaded(qtbot, make_window())
    window.show()
    qtbot.waitExposed(window)
    view = window.org_view
    index = window.org_model.index_of(STATION, station_id)
    view.expand(index.parent())
    view.scrollTo(index)

    with qtbot.waitSignal(window.unit_selected) as blocker:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )

    assert blocker.args == [STATION, station_id]


def test_selecting_an_office_emits_unit_selected(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = _loaded(qtbot, make_window())
    office = window.org_model.index(2, 0)

    with qtbot.waitSignal(window.unit_selected) as blocker:
        window.org_view.setCurrentIndex(office)

    assert blocker.args == [OFFICE, window.org_model.unit_at(office)[1]]  # type: ignore[index]


def test_focus_on_the_tree_selects_no_unit(qtbot: QtBot, make_window: MakeWindow) -> None:
    """A tree that gets the keyboard focus makes its first row current without selecting
    it: that is no choice of the user's, and the window stays on its first page."""
    window = _loaded(qtbot, make_window())
    window.show()
    qtbot.waitExposed(window)
    emitted: list[tuple[str, int]] = []
    window.unit_selected.connect(lambda kind, unit_id: emitted.append((kind, unit_id)))
    window.org_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: window.org_view.currentIndex().isValid())
    assert emitted == []
    qtbot.keyClick(window.org_view, Qt.Key.Key_Down)  # the user moves: now a choice
    qtbot.waitUntil(lambda: len(emitted) == 1)


def test_selection_survives_a_reload(
    qtbot: QtBot, make_window: MakeWindow, seeded: sessionmaker[Session]
) -> None:
    station_id = _station_id(seeded, "TL03-S01")
    window = _loaded(qtbot, make_window())
    with qtbot.waitSignal(window.unit_selected):
        window.org_view.setCurrentIndex(window.org_model.index_of(STATION, station_id))
    emitted: list[tuple[str, int]] = []
    window.unit_selected.connect(lambda kind, unit_id: emitted.append((kind, unit_id)))

    with qtbot.waitSignal(window.org_loaded):
        window.reload_org()

    current = window.org_view.currentIndex()
    assert window.org_model.unit_at(current) == (STATION, station_id)
    assert emitted == []  # the same unit: nothing new to tell


def test_a_failed_load_is_shown_in_the_status_bar(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'no-schema.sqlite3'}")
    try:
        window = make_window(db.make_session_factory(engine))
        with qtbot.waitSignal(window.org_load_failed) as blocker:
            pass
    finally:
        QThreadPool.globalInstance().waitForDone()
        engine.dispose()

    assert "Database error" in blocker.args[0]
    assert window.statusBar().currentMessage() == blocker.args[0]
    assert window.org_model.office_count() == 0


# -- the frame: title, status bar, menus, settings ------------------------------------------


def test_status_bar_names_the_database(
    qtbot: QtBot, make_window: MakeWindow, database_url: str
) -> None:
    label = db.describe(database_url)
    window = _loaded(qtbot, make_window(label=label))
    assert label in window.database_status.text()
    assert "password" not in window.database_status.text()


def test_title_is_chinese_with_the_chinese_translation(
    qtbot: QtBot, make_window: MakeWindow, install_language: Callable[[str], None]
) -> None:
    install_language("zh_CN")
    window = _loaded(qtbot, make_window())
    assert window.windowTitle() == "知识产权维权援助调解平台 — ipdesk"
    assert window.org_model.headerData(0, Qt.Orientation.Horizontal) == "组织机构"
    assert window.database_status.text().startswith("数据库：")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "查看(&V)", "管理(&A)", "帮助(&H)"]


def test_title_is_english_with_the_english_translation(
    qtbot: QtBot, make_window: MakeWindow, install_language: Callable[[str], None]
) -> None:
    install_language("en")
    window = _loaded(qtbot, make_window())
    assert window.windowTitle() == "IP Rights Protection Aid and Mediation — ipdesk"
    assert window.org_model.headerData(0, Qt.Orientation.Horizontal) == "Organisation"


def test_about_names_version_and_database(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = _loaded(qtbot, make_window(label="SQLite /data/<ipdesk>.sqlite3"))
    text = window.about_text()
    assert "0.1.0" in text
    assert "SQLite /data/&lt;ipdesk&gt;.sqlite3" in text


def test_quit_closes_the_window(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = _loaded(qtbot, make_window())
    window.show()
    qtbot.waitExposed(window)
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"

    window.quit_action.trigger()

    assert not window.isVisible()


def test_geometry_and_splitter_are_remembered(
    qtbot: QtBot, make_window: MakeWindow, ui_settings: QSettings
) -> None:
    first = _loaded(qtbot, make_window())
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 500)  # the offscreen screen is 800 × 600
    first.splitter.setSizes([250, 450])
    qtbot.waitUntil(lambda: first.splitter.sizes()[0] == 250)
    first.close()
    assert ui_settings.contains("main_window/splitter")

    second = _loaded(qtbot, make_window())
    second.show()
    qtbot.waitExposed(second)
    assert (second.size().width(), second.size().height()) == (700, 500)
    assert second.splitter.sizes()[0] == 250


# -- the demo data --------------------------------------------------------------------------


def test_demo_data_is_generated_in_the_background_with_progress(
    qtbot: QtBot, session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    threads: list[QThread] = []

    def fake_generate(factory: sessionmaker[Session], **kwargs: Any) -> object:
        calls.append(kwargs)
        threads.append(QThread.currentThread())
        for done in (1000, 2000, 3000):
            kwargs["progress"](done, 3000)
        return DemoSummary(cases=3022, parties=0, events=0, users_created=0, seconds=1.0)

    monkeypatch.setattr(demo_generator, "generate", fake_generate)

    # the cases added, adjudicated ones too, for the status bar's "demo database with N cases"
    assert app_module.generate_demo_data(session_factory, interactive=False) == 3022
    assert calls[0]["cases"] == app_module.DEMO_CASES
    assert calls[0]["seed"] == 1
    assert threads[0] is not QThread.currentThread()


def test_a_failing_demo_generation_is_reported(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def failing(factory: sessionmaker[Session], **kwargs: Any) -> object:
        raise ServiceError("磁盘已满")

    monkeypatch.setattr(demo_generator, "generate", failing)

    assert app_module.generate_demo_data(session_factory, interactive=False) is None
    assert "磁盘已满" in capsys.readouterr().err


# -- run_task and ProgressRelay -------------------------------------------------------------


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.waitForDone()


def test_run_task_runs_in_the_pool_and_answers_on_the_gui_thread(
    qtbot: QtBot, qapp: QApplication, pool: QThreadPool
) -> None:
    seen: dict[str, Any] = {}

    def work() -> int:
        seen["worker"] = QThread.currentThread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = QThread.currentThread()

    tasks.run_task(work, done, pool=pool)

    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] is not qapp.thread()
    assert seen["callback"] is qapp.thread()


def test_run_task_hands_the_error_to_on_error(qtbot: QtBot, pool: QThreadPool) -> None:
    errors: list[Exception] = []

    def work() -> None:
        raise NotFound("案件不存在")

    tasks.run_task(work, lambda _: pytest.fail("no result expected"), errors.append, pool=pool)

    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], NotFound)


def test_run_task_without_on_error_reports_to_excepthook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: reported.append(exc))

    def work() -> None:
        raise RuntimeError("boom")

    with tasks.synchronous():
        tasks.run_task(work, lambda _: None)

    assert [str(e) for e in reported] == ["boom"]


def test_run_task_drops_the_outcome_when_its_context_is_gone(pool: QThreadPool) -> None:
    release = threading.Event()
    delivered: list[str] = []
    gone, alive = QObject(), QObject()

    tasks.run_task(release.wait, lambda _: delivered.append("gone"), context=gone, pool=pool)
    tasks.run_task(release.wait, lambda _: delivered.append("alive"), context=alive, pool=pool)
    shiboken6.delete(gone)
    release.set()
    pool.waitForDone()
    QCoreApplication.processEvents()  # delivers what the workers posted

    assert delivered == ["alive"]


def test_progress_relay_coalesces_reports() -> None:
    relay = tasks.ProgressRelay()
    seen: list[tuple[int, int]] = []
    relay.progressed.connect(lambda done, total: seen.append((done, total)))

    for done in range(1, 101):
        relay.report(done, 100)
    QCoreApplication.processEvents()

    assert seen == [(100, 100)]


def test_progress_relay_is_not_reentered_by_a_slot_that_spins_the_event_loop() -> None:
    relay = tasks.ProgressRelay()
    seen: list[tuple[int, int]] = []
    depth = 0
    deepest = 0

    def spinning_slot(done: int, total: int) -> None:  # like a modal QProgressDialog
        nonlocal depth, deepest
        depth += 1
        deepest = max(deepest, depth)
        seen.append((done, total))
        if done == 1:
            relay.report(2, 2)
            QCoreApplication.processEvents()
        depth -= 1

    relay.progressed.connect(spinning_slot)
    relay.report(1, 2)
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()

    assert seen == [(1, 2), (2, 2)]
    assert deepest == 1


def test_progress_relay_reports_from_a_worker_thread(qtbot: QtBot, pool: QThreadPool) -> None:
    relay = tasks.ProgressRelay()
    seen: list[tuple[int, int]] = []
    relay.progressed.connect(lambda done, total: seen.append((done, total)))

    def work() -> None:
        for done in range(1, 1001):
            relay.report(done, 1000)

    finished: list[bool] = []
    tasks.run_task(work, lambda _: finished.append(True), pool=pool)

    # The relay must outlive the worker's last report: wait for the task, not the report.
    qtbot.waitUntil(lambda: bool(finished) and bool(seen) and seen[-1] == (1000, 1000))
    assert seen == sorted(seen)


# -- error texts ----------------------------------------------------------------------------


def test_error_texts_are_translated(install_language: Callable[[str], None]) -> None:
    install_language("zh_CN")
    assert error_text(StaleData("x")).startswith("该记录已由他人修改")
    # A code with details: the translated text, then the service's own message.
    assert error_text(ImportFailed("stations.csv 第3行：代码重复")) == (
        "导入失败，未作任何更改。\nstations.csv 第3行：代码重复"
    )
    assert error_text(OperationalError("SELECT 1", {}, Exception("no such table: cases"))) == (
        "数据库错误：no such table: cases"
    )


def test_an_unknown_code_falls_back_to_the_service_message() -> None:
    assert error_text(ServiceError("某项操作被拒绝", code="something_new")) == "某项操作被拒绝"
    assert error_text(NotFound("案件 X 不存在")).endswith("\n案件 X 不存在")


# -- start-up -------------------------------------------------------------------------------


def test_many_qt_calls_do_not_exhaust_none_and_the_bools() -> None:
    """PySide6 6.12.0 drops references to None/True on Python 3.11 and the interpreter
    aborts (hence the pin below 6.12 in pyproject.toml); this guards the pin."""
    relay = tasks.ProgressRelay()
    for done in range(20_000):  # far more than None and True have references on Python 3.11
        relay.setObjectName(str(done))
        relay.progressed.emit(done, 20_000)
    assert sys.getrefcount(None) > 1000
    assert sys.getrefcount(True) > 1000


@pytest.mark.parametrize(
    ("requested", "saved", "system", "expected"),
    [
        ("en", "zh_CN", "zh_CN", "en"),
        (None, "en", "zh_CN", "en"),
        (None, None, "zh_CN", "zh_CN"),
        (None, None, "C", "zh_CN"),
        (None, None, "en_US", "en"),
        (None, None, "de_DE", "zh_CN"),
        (None, "klingon", "C", "zh_CN"),
    ],
)
def test_language_choice(
    ui_settings: QSettings, requested: str | None, saved: str | None, system: str, expected: str
) -> None:
    if saved is not None:
        ui_settings.setValue(app_module.LANGUAGE_KEY, saved)
    assert app_module.choose_language(requested, ui_settings, QLocale(system)) == expected


def test_simplified_chinese_fonts_come_first() -> None:
    available = ["DejaVu Sans", "Noto Sans CJK JP", "WenQuanYi Micro Hei", "Noto Sans CJK SC"]
    assert app_module.choose_font_family(available) == "Noto Sans CJK SC"
    assert app_module.choose_font_family(["WenQuanYi Micro Hei"]) == "WenQuanYi Micro Hei"
    assert app_module.choose_font_family(["DejaVu Sans"]) is None


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_text_is_translated(language: str) -> None:
    ts = ET.parse(RESOURCES_DIR / "i18n" / f"ipdesk_{language}.ts")
    messages = list(ts.iter("message"))
    assert messages
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, message.findtext("source")
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        assert all(texts), message.findtext("source")
    assert (RESOURCES_DIR / "i18n" / f"ipdesk_{language}.qm").stat().st_size > 0


def _run_main(
    tmp_path: Path, *args: str, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("LANGUAGE", None)
    env.pop(db.ENV_URL, None)
    env.pop(app_module.PASSWORD_ENV, None)
    if password is not None:
        env[app_module.PASSWORD_ENV] = password
    code = "import sys; from ipdesk.app import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_main_saves_a_screenshot_once_the_data_has_loaded(
    tmp_path: Path, database_url: str, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as s:
        seed_reference_data(s)
        make_user(s, Role.CITY_MANAGER, username="city", password="pass-word-1")
    shot = tmp_path / "main.png"
    result = _run_main(
        tmp_path,
        "--database-url",
        database_url,
        "--user",
        "city",
        "--screenshot",
        str(shot),
        password="pass-word-1",
    )

    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.width() >= 800 and image.height() >= 600


def test_a_closed_window_starts_none_of_its_held_or_delayed_work(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = _loaded(qtbot, make_window())
    window.hold_background(grace_ms=50)
    ran: list[str] = []
    window.when_settled(lambda: ran.append("held"))
    window.when_settled(lambda: ran.append("delayed"), delay_ms=50)

    window.close()  # signed out before the first page came
    qtbot.wait(300)  # the grace ends: the window settles without it

    assert window.is_settled
    assert ran == []
    window.when_settled(lambda: ran.append("after"))
    assert ran == []


class _App:
    """What ``_arm_screenshot`` needs of the application: the exit code it asks for."""

    def __init__(self) -> None:
        self.exit_code: int | None = None

    def processEvents(self) -> None:
        QCoreApplication.processEvents()

    def exit(self, code: int) -> None:
        self.exit_code = code


def test_the_screenshot_waits_for_the_page_and_the_loads_beside_it(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = _loaded(qtbot, make_window())
    window.hold_background()  # as at start: the first page is not filled yet
    shot, app = tmp_path / "shot.png", _App()
    app_module._arm_screenshot(app, window, shot)  # type: ignore[arg-type]
    window.org_loaded.emit()
    release = threading.Event()
    tasks.run_task(lambda: release.wait(30), lambda _result: None)  # a panel still loading

    window.settle()
    qtbot.wait(5 * app_module.SCREENSHOT_POLL_MS)
    assert not shot.exists()  # the page is there, but a load beside it is not

    release.set()
    qtbot.waitUntil(shot.exists)
    assert app.exit_code == 0
    assert tasks.pending() == 0
    assert not QImage(str(shot)).isNull()


def test_main_refuses_a_database_from_a_newer_program(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    conn.close()

    result = _run_main(
        tmp_path,
        "--database-url",
        f"sqlite:///{path}",
        "--user",
        "city",
        "--screenshot",
        str(tmp_path / "x.png"),
    )

    assert result.returncode == 1
    assert "无法打开数据库" in result.stderr
    assert "请升级本程序" in result.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.slow
def test_main_demo_fills_a_temporary_database(tmp_path: Path) -> None:
    shot = tmp_path / "demo.png"
    result = _run_main(tmp_path, "--demo", "--user", "city", "--screenshot", str(shot))

    assert result.returncode == 0, result.stderr
    assert not QImage(str(shot)).isNull()


def test_pages_are_in_the_page_bar_and_ctrl_digit_away(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = _loaded(qtbot, make_window())
    first, second = QLabel("first"), QLabel("second")
    window.add_page(first, "One")
    window.add_page(second, "Two")
    assert [a.text() for a in window.page_bar.actions()] == ["One", "Two"]
    assert window.pages.currentWidget() is first
    one, two = window.page_bar.actions()
    assert (one.shortcut(), two.shortcut()) == (QKeySequence("Ctrl+1"), QKeySequence("Ctrl+2"))
    two.trigger()
    assert window.pages.currentWidget() is second
    assert window.page_bar.actions()[1].isChecked()
    window.page_bar.actions()[0].trigger()
    assert window.pages.currentWidget() is first
