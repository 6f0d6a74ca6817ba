"""The first-start wizard, along each path: the embedded database; the PostgreSQL server
with a working and with a failing connection; creating the administrator; importing the
organisation; a shared database that already has an administrator."""

from __future__ import annotations

import argparse
import itertools
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

import ipdesk.app as app_module
from ipdesk import db, paths
from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.admin.auth import sign_in
from ipdesk.services.admin.org import org_tree
from ipdesk.ui.settings import database, keys
from ipdesk.ui.setup_wizard import Page, SetupWizard
from ipdesk.ui.setup_wizard.server_page import load_server

PASSWORD = "first-admin-1"
_names = itertools.count()


class FakeKeyring:
    """Stands in for the ``keyring`` package."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def get_keyring(self) -> Any:
        return self

    priority = 1

    def set_password(self, service: str, account: str, password: str) -> None:
        self.saved[service, account] = password

    def get_password(self, service: str, account: str) -> str | None:
        return self.saved.get((service, account))

    def delete_password(self, service: str, account: str) -> None:
        self.saved.pop((service, account), None)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """By default: no system keyring (whatever this machine has)."""
    monkeypatch.setattr(database, "_keyring", lambda: None)


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> FakeKeyring:
    ring = FakeKeyring()
    monkeypatch.setattr(database, "_keyring", lambda: ring)
    return ring


@pytest.fixture
def make_wizard(
    qtbot: QtBot, ui_settings: QSettings, tmp_path: Path
) -> Iterator[Callable[[], SetupWizard]]:
    made: list[SetupWizard] = []

    def make() -> SetupWizard:
        wizard = SetupWizard(ui_settings, embedded_path=tmp_path / "data" / "ipdesk.sqlite3")
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    QThreadPool.globalInstance().waitForDone()  # no task holds a connection any more
    for wizard in made:
        if wizard.prepared is not None:
            wizard.discard_prepared()


@pytest.fixture
def pg_fresh(pg_admin_url: str, pg_template: str) -> Iterator[URL]:
    """A new PostgreSQL database with the schema but no data (like a server the IT
    department has just set up for the network)."""
    name = f"ipdesk_wizard_{os.getpid()}_{next(_names)}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    try:
        yield make_url(pg_admin_url).set(database=name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _click(wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), f"{which} is disabled"
    button.click()


def _next(wizard: SetupWizard) -> None:
    which = (
        QWizard.WizardButton.CommitButton
        if wizard.currentPage().isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    _click(wizard, which)


def _wait_prepared(qtbot: QtBot, wizard: SetupWizard) -> None:
    assert wizard.currentId() == Page.PREPARE
    qtbot.waitUntil(lambda: wizard.prepared is not None, timeout=60000)
    qtbot.waitUntil(lambda: wizard.prepare_page.isComplete())


def _create_admin(qtbot: QtBot, wizard: SetupWizard, password: str = PASSWORD) -> None:
    assert wizard.currentId() == Page.ADMIN
    page = wizard.admin_page
    page.name_edit.setText("王晓梅")
    page.password_edit.setText(password)
    page.confirm_edit.setText(password)
    page.completeChanged.emit()
    _next(wizard)


def _write_org(folder: Path, stations_office: str = "X01") -> tuple[Path, Path]:
    offices = folder / "offices.csv"
    stations = folder / "stations.csv"
    offices.write_text("代码,名称\nX01,测试市知识产权行政裁决所\n", encoding="utf-8")
    stations.write_text(
        f"代码,名称,所属裁决所\nX01-S01,测试维权援助工作站,{stations_office}\n", encoding="utf-8"
    )
    return offices, stations


# -- the embedded database ------------------------------------------------------------------------


def test_embedded_database_then_administrator_then_finish(
    qtbot: QtBot, make_wizard: Callable[[], SetupWizard], ui_settings: QSettings, tmp_path: Path
) -> None:
    wizard = make_wizard()
    assert wizard.currentId() == Page.DATABASE
    assert wizard.database_page.embedded_radio.isChecked()

    _next(wizard)
    _wait_prepared(qtbot, wizard)
    assert "9" in wizard.prepare_page.status_label.text()  # the seeded offices
    _next(wizard)

    with qtbot.waitSignal(wizard.admin_page.created, timeout=30000) as created:
        _create_admin(qtbot, wizard)
    assert created.args is not None
    signed = created.args[0]
    assert signed.username == "admin" and signed.role == Role.ADMIN
    qtbot.waitUntil(lambda: wizard.currentId() == Page.ORG)
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # committed

    with qtbot.waitSignal(wizard.accepted):
        _click(wizard, QWizard.WizardButton.FinishButton)

    assert wizard.signed_in == signed
    assert ui_settings.value(keys.DATABASE_KIND) == keys.EMBEDDED
    assert ui_settings.value(keys.DATABASE_PATH) == str(tmp_path / "data" / "ipdesk.sqlite3")
    assert database.load_config(ui_settings) == wizard.config
    engine = wizard.take_engine()
    try:
        factory = db.make_session_factory(engine)
        assert sign_in(factory, "admin", PASSWORD).display_name == "王晓梅"
    finally:
        engine.dispose()


def test_the_administrator_is_refused_with_a_weak_password(
    qtbot: QtBot, make_wizard: Callable[[], SetupWizard], install_language: Callable[[str], None]
) -> None:
    install_language("zh_CN")
    wizard = make_wizard()
    _next(wizard)
    _wait_prepared(qtbot, wizard)
    _next(wizard)

    with qtbot.waitSignal(wizard.admin_page.refused, timeout=30000) as refused:
        _create_admin(qtbot, wizard, password="12345678")

    assert refused.args == [wizard.admin_page.error_text()]
    assert "数字" in wizard.admin_page.error_text()
    assert wizard.currentId() == Page.ADMIN
    assert wizard.signed_in is None


def test_mismatched_passwords_are_refused_at_once(
    qtbot: QtBot, make_wizard: Callable[[], SetupWizard]
) -> None:
    wizard = make_wizard()
    _next(wizard)
    _wait_prepared(qtbot, wizard)
    _next(wizard)
    page = wizard.admin_page
    page.name_edit.setText("王晓梅")
    page.password_edit.setText(PASSWORD)
    page.confirm_edit.setText(PASSWORD + "x")
    page.completeChanged.emit()

    _next(wizard)

    assert page.error_text()
    assert wizard.currentId() == Page.ADMIN


def test_cancelling_saves_nothing(
    qtbot: QtBot, make_wizard: Callable[[], SetupWizard], ui_settings: QSettings
) -> None:
    wizard = make_wizard()
    _next(wizard)
    _wait_prepared(qtbot, wizard)

    wizard.reject()

    assert wizard.prepared is None
    assert database.load_config(ui_settings) is None


# -- importing the organisation -------------------------------------------------------------------


def _to_org_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    _next(wizard)
    _wait_prepared(qtbot, wizard)
    _next(wizard)
    with qtbot.waitSignal(wizard.admin_page.created, timeout=30000):
        _create_admin(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == Page.ORG)


def test_importing_the_organisation(
    qtbot: QtBot, make_wizard: Callable[[], SetupWizard], tmp_path: Path
) -> None:
    wizard = make_wizard()
    _to_org_page(qtbot, wizard)
    page = wizard.org_page
    offices, stations = _write_org(tmp_path)
    page.offices_edit.setText(str(offices))
    page.stations_edit.setText(str(stations))

    with qtbot.waitSignal(page.imported, timeout=30000) as imported:
        page.import_button.click()

    assert imported.args is not None
    summary = imported.args[0]
    assert (summary.offices_added, summary.offices_deactivated) == (1, 9)
    assert (summary.stations_added, summary.stations_deactivated) == (1, 89)
    assert page.result_label.isVisible()
    assert wizard.prepared is not None
    with Session(wizard.prepared.engine) as session:
        tree = org_tree(session, Actor.system())
    assert [(o.code, [s.code for s in o.stations]) for o in tree] == [("X01", ["X01-S01"])]

    with qtbot.waitSignal(wizard.accepted):
        _click(wizard, QWizard.WizardButton.FinishButton)


def test_finish_imports_the_chosen_files_first(
    qtbot: QtBot, make_wizard: Callable[[], SetupWizard], tmp_path: Path
) -> None:
    wizard = make_wizard()
    _to_org_page(qtbot, wizard)
    offices, stations = _write_org(tmp_path)
    wizard.org_page.offices_edit.setText(str(offices))
    wizard.org_page.stations_edit.setText(str(stations))

    with qtbot.waitSignals([wizard.org_page.imported, wizard.accepted], timeout=30000):
        _click(wizard, QWizard.WizardButton.FinishButton)


def test_a_refused_import_shows_why_and_changes_nothing(
    qtbot: QtBot,
    make_wizard: Callable[[], SetupWizard],
    tmp_path: Path,
    install_language: Callable[[str], None],
) -> None:
    install_language("zh_CN")
    wizard = make_wizard()
    _to_org_page(qtbot, wizard)
    page = wizard.org_page
    offices, stations = _write_org(tmp_path, stations_office="NOPE")
    page.offices_edit.setText(str(offices))
    page.stations_edit.setText(str(stations))

    with qtbot.waitSignal(page.import_failed, timeout=30000) as failed:
        _click(wizard, QWizard.WizardButton.FinishButton)

    assert failed.args is not None
    assert "stations.csv 第2行" in failed.args[0]
    assert "NOPE" in page.error_text()
    assert wizard.isVisible() and wizard.currentId() == Page.ORG
    assert wizard.prepared is not None
    with Session(wizard.prepared.engine) as session:
        assert len(org_tree(session, Actor.system())) == 9


# -- the shared PostgreSQL server -----------------------------------------------------------------


# -- network mode: the ipdesk server (issue 17, item 7) -----------------------------------------


class HealthServer:
    """A tiny HTTPS server answering GET /api/v1/health as ipdesk-server does, with a
    certificate of a CA made for the test (trustme)."""

    def __init__(self, folder: Path) -> None:
        import http.server
        import ssl
        import threading

        import trustme

        ca = trustme.CA()
        self.ca_file = folder / "ca.pem"
        ca.cert_pem.write_to_path(str(self.ca_file))
        other = trustme.CA()
        self.other_ca_file = folder / "other-ca.pem"
        other.cert_pem.write_to_path(str(self.other_ca_file))
        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                body = b'{"ok": true, "revision": "test"}'
                self.send_response(200 if self.path == "/api/v1/health" else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.url = f"https://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def health_server(tmp_path: Path) -> Iterator[HealthServer]:
    server = HealthServer(tmp_path)
    yield server
    server.close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _to_server_page(wizard: SetupWizard) -> None:
    wizard.database_page.server_radio.setChecked(True)
    _next(wizard)
    assert wizard.currentId() == Page.SERVER


def _wait_checked(qtbot: QtBot, wizard: SetupWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.server_page.is_busy(), timeout=30000)


def test_network_mode_asks_for_the_server_and_the_ca_file_only(
    qtbot: QtBot,
    make_wizard: Callable[[], SetupWizard],
    ui_settings: QSettings,
    health_server: HealthServer,
) -> None:
    wizard = make_wizard()
    _to_server_page(wizard)
    page = wizard.server_page
    edits = [w for w in page.findChildren(QLineEdit) if w.isVisible()]
    assert edits == [page.url_edit, page.ca_edit]  # no database user or password
    page.url_edit.setText(health_server.url)
    page.ca_edit.setText(str(health_server.ca_file))
    assert page.isComplete() and page.isFinalPage()
    _click(wizard, QWizard.WizardButton.FinishButton)  # checks first, then finishes
    _wait_checked(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert health_server.requests == ["/api/v1/health"]
    assert wizard.server is not None and wizard.config is None and wizard.prepared is None
    assert ui_settings.value("database/kind") == "server"
    assert ui_settings.value("server/url") == health_server.url
    assert ui_settings.value("server/ca_file") == str(health_server.ca_file)
    assert load_server(ui_settings) == wizard.server


def test_server_problems_show_next_to_their_field(
    qtbot: QtBot,
    make_wizard: Callable[[], SetupWizard],
    ui_settings: QSettings,
    health_server: HealthServer,
    tmp_path: Path,
) -> None:
    wizard = make_wizard()
    _to_server_page(wizard)
    page = wizard.server_page

    def check(url: str, ca: str) -> tuple[str, str]:
        page.url_edit.setText(url)
        page.ca_edit.setText(ca)
        page.check_button.click()
        _wait_checked(qtbot, wizard)
        return (
            page.url_error.text() if page.url_error.isVisible() else "",
            page.ca_error.text() if page.ca_error.isVisible() else "",
        )

    url_error, ca_error = check("ipdesk.example:8443", str(health_server.ca_file))
    assert "https://" in url_error and ca_error == ""
    url_error, ca_error = check(health_server.url, str(tmp_path / "missing.pem"))
    assert url_error == "" and "missing.pem" in ca_error
    not_pem = tmp_path / "notes.pem"
    not_pem.write_text("hello")
    url_error, ca_error = check(health_server.url, str(not_pem))
    assert url_error == "" and "notes.pem" in ca_error
    # the server's certificate is not signed by the CA chosen
    url_error, ca_error = check(health_server.url, str(health_server.other_ca_file))
    assert url_error == "" and "CA" in ca_error
    # nobody answers there
    url_error, ca_error = check(f"https://127.0.0.1:{_closed_port()}", str(health_server.ca_file))
    assert "does not answer" in url_error or "不" in url_error, url_error
    assert ca_error == ""
    assert wizard.currentId() == Page.SERVER and page.checked_choice() is None
    assert ui_settings.value("database/kind") is None  # nothing saved

    url_error, ca_error = check(health_server.url, str(health_server.ca_file))
    assert (url_error, ca_error) == ("", "")
    assert page.checked_choice() is not None
    page.url_edit.setText(health_server.url + "/")  # an edit: checked again before finishing
    assert page.checked_choice() is None


def _focus_chain(start: QWidget, count: int) -> list[QWidget]:
    chain, widget = [], start
    for _ in range(count):
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        chain.append(widget)
    return chain


def test_tab_goes_through_the_fields_in_reading_order(
    make_wizard: Callable[[], SetupWizard],
) -> None:
    wizard = make_wizard()
    page = wizard.server_page
    order = [page.ca_edit, page.ca_button, page.check_button]
    chain = _focus_chain(page.url_edit, 40)
    assert [w for w in chain if w in order] == order
    admin = wizard.admin_page
    fields = [admin.name_edit, admin.password_edit, admin.confirm_edit]
    chain = _focus_chain(admin.username_edit, 40)
    assert [w for w in chain if w in fields][:3] == fields


# -- when the wizard runs (ipdesk.app.choose_database) --------------------------------------------


def _args(*argv: str) -> argparse.Namespace:
    return app_module.build_parser().parse_known_args(list(argv))[0]


@pytest.fixture
def fresh_machine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No database chosen, no embedded database file, no $IPDESK_DATABASE_URL."""
    path = tmp_path / "userdata" / "ipdesk.sqlite3"
    monkeypatch.setattr(paths, "default_sqlite_path", lambda: path)
    monkeypatch.delenv(db.ENV_URL, raising=False)
    return path


@pytest.fixture
def wizard_runs(monkeypatch: pytest.MonkeyPatch) -> list[QSettings]:
    calls: list[QSettings] = []

    def fake(settings: QSettings) -> int:
        calls.append(settings)
        return app_module.CANCELLED

    monkeypatch.setattr(app_module, "run_setup_wizard", fake)
    return calls


def _opened(result: object) -> app_module.Opened:
    assert isinstance(result, app_module.Opened), result
    return result


def test_the_wizard_runs_when_no_database_was_chosen(
    qtbot: QtBot, ui_settings: QSettings, fresh_machine: Path, wizard_runs: list[QSettings]
) -> None:
    result = app_module.choose_database(_args(), ui_settings, interactive=True, demo_dir=None)
    assert result == app_module.CANCELLED
    assert wizard_runs == [ui_settings]


@pytest.mark.parametrize("how", ["argument", "environment", "demo"])
def test_no_wizard_for_a_given_database(
    qtbot: QtBot,
    ui_settings: QSettings,
    fresh_machine: Path,
    wizard_runs: list[QSettings],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    how: str,
) -> None:
    url = f"sqlite:///{tmp_path / 'given.sqlite3'}"
    args, demo_dir = _args(), None
    if how == "argument":
        args = _args("--database-url", url)
    elif how == "environment":
        monkeypatch.setenv(db.ENV_URL, url)
    else:
        args, demo_dir = _args("--demo"), str(tmp_path)

    opened = _opened(
        app_module.choose_database(args, ui_settings, interactive=True, demo_dir=demo_dir)
    )
    opened.engine.dispose()

    assert wizard_runs == []
    assert ui_settings.allKeys() == []


def test_an_embedded_database_from_before_the_wizard_is_kept(
    qtbot: QtBot, ui_settings: QSettings, fresh_machine: Path, wizard_runs: list[QSettings]
) -> None:
    app_module.open_database(f"sqlite:///{fresh_machine}").dispose()

    opened = _opened(
        app_module.choose_database(_args(), ui_settings, interactive=True, demo_dir=None)
    )
    opened.engine.dispose()

    assert wizard_runs == []
    assert database.load_config(ui_settings) == database.DatabaseConfig.embedded(fresh_machine)


def test_setup_runs_the_wizard_again(
    qtbot: QtBot, ui_settings: QSettings, fresh_machine: Path, wizard_runs: list[QSettings]
) -> None:
    database.save_config(ui_settings, database.DatabaseConfig.embedded(fresh_machine))
    app_module.choose_database(_args("--setup"), ui_settings, interactive=True, demo_dir=None)
    assert wizard_runs == [ui_settings]


def test_a_configured_server_asks_for_the_password_when_no_keyring_keeps_it(
    qtbot: QtBot,
    ui_settings: QSettings,
    fresh_machine: Path,
    wizard_runs: list[QSettings],
    pg_fresh: URL,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = database.DatabaseConfig.postgresql(
        pg_fresh.host or "", pg_fresh.port or 5432, pg_fresh.database or "", pg_fresh.username or ""
    )
    database.save_config(ui_settings, config)
    asked: list[tuple[database.DatabaseConfig, str]] = []

    def ask(cfg: database.DatabaseConfig, problem: str) -> tuple[str, bool]:
        asked.append((cfg, problem))
        return "any-password", False

    monkeypatch.setattr(app_module, "_ask_password", ask)

    opened = _opened(
        app_module.choose_database(_args(), ui_settings, interactive=True, demo_dir=None)
    )
    opened.engine.dispose()

    assert asked == [(config, "")]
    assert opened.label == config.label() and "any-password" not in opened.label
    assert wizard_runs == []


def test_an_unreachable_server_offers_the_wizard(
    qtbot: QtBot,
    ui_settings: QSettings,
    fresh_machine: Path,
    wizard_runs: list[QSettings],
    monkeypatch: pytest.MonkeyPatch,
    fake_keyring: FakeKeyring,
) -> None:
    config = database.DatabaseConfig.postgresql(
        "127.0.0.1", _closed_port(), "ipdesk", "ipdesk", password_in_keyring=True
    )
    database.save_config(ui_settings, config)
    database.store_password(config, "kept")
    offered: list[str] = []

    def after_failure(label: str, failure: BaseException, cfg: database.DatabaseConfig) -> str:
        offered.append(getattr(failure, "code", type(failure).__name__))
        return "setup"

    monkeypatch.setattr(app_module, "_ask_after_failure", after_failure)
    monkeypatch.setattr(app_module, "_ask_password", lambda *a: pytest.fail("asked for a password"))

    result = app_module.choose_database(_args(), ui_settings, interactive=True, demo_dir=None)

    assert offered == ["refused"]  # the keyring's password was used, then the choice offered
    assert wizard_runs == [ui_settings]
    assert result == app_module.CANCELLED


def test_without_a_window_an_unreachable_server_fails_in_one_line(
    qtbot: QtBot,
    ui_settings: QSettings,
    fresh_machine: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = database.DatabaseConfig.postgresql("127.0.0.1", _closed_port(), "ipdesk", "ipdesk")
    database.save_config(ui_settings, config)

    result = app_module.choose_database(_args(), ui_settings, interactive=False, demo_dir=None)

    assert result == app_module.FAILED
    assert "Connection refused" in capsys.readouterr().err


def test_going_back_while_preparing_and_choosing_again(
    qtbot: QtBot, make_wizard: Callable[[], SetupWizard], tmp_path: Path
) -> None:
    wizard = make_wizard()
    _next(wizard)
    assert wizard.currentId() == Page.PREPARE
    _click(wizard, QWizard.WizardButton.BackButton)  # at once, still preparing
    wizard.embedded_path = tmp_path / "second.sqlite3"
    _next(wizard)

    _wait_prepared(qtbot, wizard)
    assert wizard.prepared is not None
    assert wizard.prepared.config.path == tmp_path / "second.sqlite3"
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)  # the first preparation's outcome arrives and is dropped
    assert wizard.prepared.config.path == tmp_path / "second.sqlite3"
    assert wizard.prepare_page.isComplete()
