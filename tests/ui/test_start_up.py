"""Start-up (issue 18): only the first page is built, the organisation tree is loaded once
for every page, background work waits for the first page, the daily backup of a large
database waits longer, and a database at the newest schema opens without Alembic."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import app, db, sign_in_ahead
from ipdesk.models import Role, User
from ipdesk.services.actors import Actor
from ipdesk.services.admin import auth
from ipdesk.services.admin.auth import SignedIn
from ipdesk.ui import main_window, tasks
from ipdesk.ui.cases import CaseListWidget
from ipdesk.ui.consultations import ConsultationsView
from ipdesk.ui.dashboard import DashboardWidget
from ipdesk.ui.deadlines import DeadlineBoardWidget
from ipdesk.ui.desk import Change, ChangeKind, Gate
from ipdesk.ui.features import install_features
from ipdesk.ui.main_window import LazyPage, MainWindow
from ipdesk.ui.operations import LARGE_DATABASE_BYTES, LARGE_DATABASE_DELAY_MS, backup_delay_ms
from ipdesk.ui.org_source import org_source
from ipdesk.ui.scheduler import AlertScheduler
from ipdesk.ui.stores import FileStores
from ipdesk.ui.worklists import WorkListPage
from tests.helpers.desks import make_desk
from tests.helpers.factories import TEST_PASSWORD, make_user


@pytest.fixture
def org_loads(engine: Engine) -> Iterator[list[str]]:
    """The statements of ``org_tree`` that read the offices (one per tree loaded)."""
    loads: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "FROM offices" in statement and "offices.region" in statement:
            loads.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    yield loads
    event.remove(engine, "before_cursor_execute", record)


def city_window(
    qtbot: QtBot, factory: sessionmaker[Session], settings: QSettings, folder: Path
) -> tuple[MainWindow, AlertScheduler]:
    with factory.begin() as s:
        city = Actor.of(make_user(s, Role.CITY_MANAGER))
    desk = make_desk(factory, city)
    window = MainWindow(desk, "test", settings=settings)
    desk.setParent(window)
    qtbot.addWidget(window)
    scheduler = install_features(
        window, desk, settings, stores=FileStores.in_folder(folder), daily_backups=False
    )
    return window, scheduler


def test_only_the_first_page_is_built_and_the_others_when_shown(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    ui_settings: QSettings,
    tmp_path: Path,
    org_loads: list[str],
) -> None:
    with tasks.synchronous():
        window, scheduler = city_window(qtbot, seeded, ui_settings, tmp_path)
        try:
            assert isinstance(window.pages.currentWidget(), WorkListPage)
            for kind in (CaseListWidget, DashboardWidget, DeadlineBoardWidget, ConsultationsView):
                assert window.findChild(kind) is None, kind
            lazy = [p.kind for p in window.findChildren(LazyPage)]
            assert {"CaseListWidget", "DashboardWidget", "ConsultationsView"} <= set(lazy)
            # one organisation tree for the window's tree and the work list's office filter
            assert len(org_loads) == 1

            action = window.findChild(type(window.search_action), "show_dashboard_action")
            assert action is not None
            action.trigger()
            dashboard = window.pages.currentWidget()
            assert isinstance(dashboard, DashboardWidget)
            assert dashboard.model.figures is not None  # loaded when first shown

            # Ctrl+F builds the case list; its office filter takes the tree already loaded
            window.search_action.trigger()
            cases = window.pages.currentWidget()
            assert isinstance(cases, CaseListWidget) and window.page(CaseListWidget) is cases
            assert cases.office_combo.count() == 10  # "all" and the 9 offices
            assert len(org_loads) == 1 and org_source(cases._desk).loads == 1

            # a change of the organisation: loaded once more, for every page
            cases._desk.announce(Change.of(ChangeKind.ORG))
            assert len(org_loads) == 2
            assert window.org_model.rowCount() == 9 and cases.office_combo.count() == 10
        finally:
            scheduler.shutdown()


def test_background_work_waits_for_the_first_page(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings, tmp_path: Path
) -> None:
    window, scheduler = city_window(qtbot, seeded, ui_settings, tmp_path)
    try:
        work = window.page(WorkListPage)
        assert work is not None
        assert scheduler.running  # on, its first scan held back with the rest
        ran: list[str] = []
        if not window.is_settled:
            window.when_settled(lambda: ran.append("held"))
            assert ran == []
        with qtbot.waitSignal(window.settled, timeout=10_000) as settled:
            pass
        assert settled.args == [True]  # the work list filled, not the grace period
        assert window.is_settled and ran in ([], ["held"])
        window.when_settled(lambda: ran.append("later"))
        assert ran[-1] == "later"  # once settled, at once
    finally:
        scheduler.shutdown()


def test_the_first_loads_of_the_window_of_the_start_wait_for_its_first_paint(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    ui_settings: QSettings,
    tmp_path: Path,
    engine: Engine,
) -> None:
    """The window the program shows after the sign-in (``ipdesk.app.window_opener``) asks
    for its first page's rows and the organisation while it is built; they are read after
    its first paint, not beside it (they took CPU from it at 1,000,000 cases). Fails on
    the previous code, where both queries ran before the paint."""
    with seeded.begin() as s:
        make_user(s, Role.CITY_MANAGER, username="city")
    signed = auth.sign_in(seeded, "city", TEST_PASSWORD)
    events: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "FROM offices" in statement and "offices.region" in statement:
            events.append("organisation read")
        elif "FROM cases" in statement:
            events.append("cases read")

    opener = app.window_opener(
        Gate(seeded), "test", ui_settings, stores=FileStores.in_folder(tmp_path)
    )
    event.listen(engine, "before_cursor_execute", record)
    window = opener(signed)
    qtbot.addWidget(window)
    window.installEventFilter(_Painted(events, window))
    try:
        work = window.page(WorkListPage)
        assert work is not None
        with qtbot.waitSignal(work.loaded, timeout=10_000):
            window.show()  # as Sessions.open does
        qtbot.waitUntil(lambda: window.org_model.rowCount() == 9, timeout=10_000)
    finally:
        event.remove(engine, "before_cursor_execute", record)
        for scheduler in window.findChildren(AlertScheduler):
            scheduler.shutdown()
    assert "organisation read" in events and "cases read" in events
    assert events[0] == "painted", events


def test_a_window_closed_before_its_first_paint_reads_nothing_afterwards(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    ui_settings: QSettings,
    tmp_path: Path,
    engine: Engine,
) -> None:
    """The reads the start's window held for its first paint are dropped when it closes
    unpainted (signed out, quit): the release after FIRST_PAINT_WAIT_MS starts none."""
    from ipdesk.ui.main_window import FIRST_PAINT_WAIT_MS

    with seeded.begin() as s:
        make_user(s, Role.CITY_MANAGER, username="city")
    signed = auth.sign_in(seeded, "city", TEST_PASSWORD)
    opener = app.window_opener(
        Gate(seeded), "test", ui_settings, stores=FileStores.in_folder(tmp_path)
    )
    window = opener(signed)
    qtbot.addWidget(window)
    reads: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        reads.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        window.close()
        qtbot.wait(FIRST_PAINT_WAIT_MS + 300)
        QThreadPool.globalInstance().waitForDone()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert reads == []


def _admin_window(qtbot: QtBot, factory: sessionmaker[Session], settings: QSettings) -> MainWindow:
    with factory.begin() as s:
        desk = make_desk(factory, Actor.of(make_user(s, Role.ADMIN)))
    window = MainWindow(desk, "test", settings=settings)
    desk.setParent(window)
    qtbot.addWidget(window)
    return window


def test_without_a_first_page_the_held_work_starts_after_the_grace_period(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings
) -> None:
    window = _admin_window(qtbot, seeded, ui_settings)
    window.hold_background(grace_ms=50)
    ran: list[int] = []
    window.when_settled(lambda: ran.append(1))
    window.when_settled(lambda: ran.append(2))
    with qtbot.waitSignal(window.settled, timeout=5000) as settled:
        pass
    assert settled.args == [False] and ran == [1, 2]


class _Painted(QObject):
    """Notes in ``events`` each paint of the widget it watches."""

    def __init__(self, events: list[str], parent: QObject) -> None:
        super().__init__(parent)
        self.events = events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.events.append("painted")
        return False


def test_held_work_waits_for_the_first_paint_of_a_page_filled_before_it(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings
) -> None:
    window = _admin_window(qtbot, seeded, ui_settings)
    events: list[str] = []
    window.installEventFilter(_Painted(events, window))
    window.hold_background()
    window.when_settled(lambda: events.append("held work"))
    window.show()
    window.settle()  # the first page came before the window was painted
    assert events == [] and not window.is_settled

    with qtbot.waitSignal(window.settled, timeout=5000) as settled:
        pass
    assert settled.args == [True]
    assert events[0] == "painted" and "held work" in events


def test_held_work_of_a_window_never_painted_starts_after_a_while(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    ui_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window, "FIRST_PAINT_WAIT_MS", 50)
    window = _admin_window(qtbot, seeded, ui_settings)
    events: list[str] = []
    window.installEventFilter(_Painted(events, window))
    window.setUpdatesEnabled(False)  # shown, but not painted (as a minimised window)
    window.hold_background()
    window.when_settled(lambda: events.append("held work"))
    window.show()
    window.settle()

    with qtbot.waitSignal(window.settled, timeout=5000):
        pass
    assert events == ["held work"]


def test_a_large_embedded_database_is_backed_up_well_after_start_up(tmp_path: Path) -> None:
    small, large = tmp_path / "small.sqlite3", tmp_path / "large.sqlite3"
    small.write_bytes(b"")
    with large.open("wb") as f:  # sparse: no disk used
        f.truncate(LARGE_DATABASE_BYTES)
    engines = [create_engine(f"sqlite:///{p}") for p in (small, large)]
    try:
        assert [backup_delay_ms(e) for e in engines] == [0, LARGE_DATABASE_DELAY_MS]
    finally:
        for e in engines:
            e.dispose()
    memory = create_engine("sqlite://")
    assert backup_delay_ms(memory) == 0


def _python_prints(script: str) -> str:
    """What a fresh Python process running ``script`` prints (it must succeed)."""
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout


def test_a_current_database_opens_without_importing_alembic(database_url: str) -> None:
    script = (
        "import sys\n"
        "from ipdesk import db, migrate\n"
        "from ipdesk.services.admin.setup import initialise\n"
        f"engine = db.make_engine({database_url!r})\n"
        "assert migrate.is_current(engine)\n"
        "assert not migrate.is_newer_than_program(engine)\n"
        "migrate.upgrade(engine)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    out = _python_prints(script)
    assert out.strip() == "[]"


def test_the_program_imports_no_demo_alembic_or_postgresql_driver_for_sqlite() -> None:
    """What ``ipdesk`` imports on its way to the main window on SQLite: not the demo (nor
    psycopg, which it brings), not Alembic, not the documents' engine (docxtpl, Jinja), not the
    pages' own modules, nor the read models of every page (each page imports its own), nor
    the first-start wizard, nor the intake's modules (the default file stores name their
    folders without them), nor the lunar calendar (for a year's holidays, computed later),
    nor the first administrator's dialog (for a database without one), nor python-stdnum
    (for an ID number checked), nor the html module (the About box's escaping)."""
    script = (
        "import sys\n"
        "import ipdesk.app\n"
        "import ipdesk.ui.features, ipdesk.ui.sessions, ipdesk.ui.network, ipdesk.ui.auth\n"
        "bad = ('alembic', 'psycopg', 'ipdesk.demo', 'openpyxl', 'apscheduler', 'docxtpl',"
        " 'jinja2', 'ipdesk.services.documents', 'ipdesk.services.queries.read_models',"
        " 'ipdesk.ui.dashboard', 'ipdesk.ui.cases', 'ipdesk.ui.case_view',"
        " 'ipdesk.ui.intake.dialog', 'ipdesk.ui.setup_wizard', 'ipdesk.ui.settings.dialog',"
        " 'ipdesk.services.cases.intake', 'ipdesk.services.cases.intake_attachments',"
        " 'lunar_python', 'sqlalchemy.dialects.postgresql', 'ipdesk.ui.auth.first_admin_dialog',"
        " 'stdnum', 'html')\n"
        "print(sorted({m for m in sys.modules for b in bad if m == b or m.startswith(b + '.')}))\n"
    )
    out = _python_prints(script)
    assert out.strip() == "[]"


def test_the_models_and_services_configure_no_mapper_at_import() -> None:
    """Configuring the mappers (about 50 ms) waits for the first query: no module of the way
    to the window makes an alias of a model (``aliased``) at import: neither the window nor
    the features it shows (the alerts dock's services among them)."""
    script = (
        "import ipdesk.app, ipdesk.ui.main_window, ipdesk.ui.features\n"
        "from sqlalchemy.orm import mapperlib\n"
        "print(all(r._new_mappers for r in mapperlib._all_registries()))\n"
    )
    out = _python_prints(script)
    assert out.strip() == "True"


def test_the_program_module_imports_neither_qt_widgets_nor_the_window() -> None:
    """``import ipdesk.app`` loads the core and QtCore only: ``main`` imports Qt's widgets
    and the window's modules while the database opens on a thread of its own."""
    script = (
        "import sys\n"
        "import ipdesk.app\n"
        "bad = ('PySide6.QtWidgets', 'PySide6.QtGui', 'ipdesk.ui')\n"
        "print(sorted({m for m in sys.modules for b in bad if m == b or m.startswith(b + '.')}))\n"
    )
    out = _python_prints(script)
    assert out.strip() == "[]"


def _start_args(database_url: str, *extra: str) -> argparse.Namespace:
    args, _qt = app.build_parser().parse_known_args(["--database-url", database_url, *extra])
    return args


def test_the_database_opens_and_the_user_signs_in_on_a_thread_from_the_start(
    database_url: str,
    session_factory: sessionmaker[Session],
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with session_factory.begin() as s:
        make_user(s, Role.CITY_MANAGER, username="city", password="pass-word-1")
    monkeypatch.setenv(app.PASSWORD_ENV, "pass-word-1")
    args = _start_args(database_url, "--user", "city")
    early = app.EarlyStart.of(args)
    assert early is not None and early.signed is not None
    early.let_the_check_begin(timeout=60)  # what main waits for before its imports
    assert early.checking.is_set()
    opened = app.choose_database(args, QSettings(), interactive=False, demo_dir=None, early=early)
    assert isinstance(opened, app.Opened) and early.opened(opened.engine)
    try:
        factory = early.sessions.result(timeout=60)

        class Unused(Gate):
            def sign_in(self, username: str, password: str) -> SignedIn:
                raise AssertionError("the password was checked once, at the start")

        signed = app.sign_in_user(args, Unused(factory), "test", early=early)
        assert signed is not None and signed.username == "city"
        assert signed.role is Role.CITY_MANAGER
    finally:
        opened.engine.dispose()


def test_the_start_takes_the_password_check_begun_before_its_modules_loaded(
    database_url: str,
    session_factory: sessionmaker[Session],
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``ipdesk.app`` begins the --user's check from its first lines (ipdesk.sign_in_ahead);
    the early start's sign-in takes its answer, and only for the same command line."""
    with session_factory.begin() as s:
        make_user(s, Role.CITY_MANAGER, username="city", password="pass-word-1")
    monkeypatch.setenv(app.PASSWORD_ENV, "pass-word-1")
    argv = ["--database-url", database_url, "--user", "city"]
    ahead = sign_in_ahead.begin(argv)
    assert ahead is not None
    monkeypatch.setattr(app, "_CHECK_AHEAD", ahead)
    answered: list[str] = []
    answer = ahead.answer

    def recorded(password_hash: str) -> bool | None:
        answered.append(password_hash)
        return answer(password_hash)

    monkeypatch.setattr(ahead, "answer", recorded)
    for other in (["--user", "someone-else"], []):
        early = app.EarlyStart.of(_start_args(database_url, *other))
        assert early is not None and early._ahead is None
        early.sessions.result(timeout=60)  # its sign-in over
        early.engine.result().dispose()
    assert answered == []

    def hashed(*_args: object) -> bool:
        raise AssertionError("the password was checked ahead")

    monkeypatch.setattr(auth, "verify_password", hashed)
    early = app.EarlyStart.of(_start_args(database_url, "--user", "city"))
    assert early is not None and early.signed is not None
    try:
        assert early.signed.result(timeout=60).username == "city"
        assert answered == [ahead.password_hash]
    finally:
        early.sessions.result(timeout=60)
        early.engine.result().dispose()


def test_a_refused_password_at_the_start_is_told_and_counted_once(
    database_url: str,
    session_factory: sessionmaker[Session],
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with session_factory.begin() as s:
        make_user(s, Role.CITY_MANAGER, username="city", password="pass-word-1")
    monkeypatch.setenv(app.PASSWORD_ENV, "wrong-password")
    args = _start_args(database_url, "--user", "city")
    early = app.EarlyStart.of(args)
    assert early is not None
    opened = app.choose_database(args, QSettings(), interactive=False, demo_dir=None, early=early)
    assert isinstance(opened, app.Opened)
    try:
        gate = Gate(early.sessions.result(timeout=60))
        assert app.sign_in_user(args, gate, "test", early=early) is None
    finally:
        opened.engine.dispose()
    assert "ipdesk:" in capsys.readouterr().err
    with session_factory() as s:
        user = s.scalars(select(User).where(User.username == "city")).one()
        assert user.failed_logins == 1


def test_a_database_that_cannot_be_opened_at_the_start_is_reported(
    tmp_path: Path, qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'not-a-folder'}/x/../../nowhere/db.sqlite3"
    (tmp_path / "not-a-folder").write_text("a file, not a folder")
    args = _start_args(url)
    early = app.EarlyStart.of(args)
    assert early is not None and early.signed is None
    result = app.choose_database(args, QSettings(), interactive=False, demo_dir=None, early=early)
    assert result == app.FAILED
    assert "could not be opened" in capsys.readouterr().err


def test_no_early_start_for_the_demo_the_wizard_or_a_chosen_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(db.ENV_URL, raising=False)
    parse = app.build_parser().parse_known_args
    for argv in ([], ["--demo"], ["--setup"], ["--server", "https://example.invalid:8443"]):
        assert app.EarlyStart.of(parse(argv)[0]) is None, argv


def test_modules_imported_after_qt_are_not_read_for_pyside_features(tmp_path: Path) -> None:
    """PySide6 would read each later module's source for its ``__feature__`` switches
    (ipdesk uses none): the program tells it not to, and a module is imported unread."""
    (tmp_path / "late_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    script = (
        "import inspect, sys\n"
        "import ipdesk.app\n"
        "read = []\n"
        "inspect.getsource = lambda obj: read.append(obj) or ''\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import late_module\n"
        "from shibokensupport import feature\n"
        "print(read, feature.pyside_feature_dict.get('late_module'))\n"
    )
    out = _python_prints(script)
    assert out.strip() == "[] -1"


def test_the_program_module_names_the_languages_as_the_settings_do() -> None:
    """``ipdesk.app`` spells the languages and their key itself (importing the settings'
    keys would import the settings dialog before the database starts opening)."""
    from ipdesk.ui.settings import keys

    assert app.LANGUAGES == keys.LANGUAGES
    assert app.LANGUAGE_KEY == keys.LANGUAGE
