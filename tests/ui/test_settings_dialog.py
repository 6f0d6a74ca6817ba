"""The settings dialog and its keys, and how the main window reaches it (with the window's
other comforts: shortcuts, the log folder, room for the features' pages and docks)."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QKeySequence, QStandardItemModel
from PySide6.QtWidgets import QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

import ipdesk.ui.main_window as main_window_module
from ipdesk import paths
from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.settings import database, keys
from ipdesk.ui.settings.database import DatabaseConfig
from ipdesk.ui.settings.dialog import SettingsDialog
from tests.helpers.desks import make_desk


class FakeKeyring:
    priority = 1

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def get_keyring(self) -> Any:
        return self

    def set_password(self, service: str, account: str, password: str) -> None:
        self.saved[service, account] = password

    def get_password(self, service: str, account: str) -> str | None:
        return self.saved.get((service, account))

    def delete_password(self, service: str, account: str) -> None:
        self.saved.pop((service, account), None)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "_keyring", lambda: None)


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> FakeKeyring:
    ring = FakeKeyring()
    monkeypatch.setattr(database, "_keyring", lambda: ring)
    return ring


@pytest.fixture
def make_dialog(qtbot: QtBot, ui_settings: QSettings) -> Callable[[], SettingsDialog]:
    def make() -> SettingsDialog:
        dialog = SettingsDialog(ui_settings, database_label="SQLite /tmp/x.sqlite3")
        qtbot.addWidget(dialog)
        return dialog

    return make


# -- keys and their defaults ------------------------------------------------------------------


def test_readers_give_the_defaults_on_a_fresh_machine(ui_settings: QSettings) -> None:
    assert keys.language(ui_settings) is None
    assert keys.alert_scan_interval_minutes(ui_settings) == 5
    assert keys.attachment_max_size_mb(ui_settings) == 50
    assert keys.attachment_max_bytes(ui_settings) == 50 * 1024 * 1024
    assert keys.backup_folder(ui_settings) == paths.user_data_dir() / "backups"
    assert database.load_config(ui_settings) is None


@pytest.mark.parametrize(
    ("stored", "expected"),
    [("15", 15), (15, 15), ("0", 1), ("99999", 1440), ("soon", 5), (True, 5), ("", 5)],
)
def test_numbers_are_read_safely(ui_settings: QSettings, stored: object, expected: int) -> None:
    ui_settings.setValue(keys.ALERT_SCAN_INTERVAL_MINUTES, stored)
    ui_settings.sync()
    reread = QSettings(ui_settings.fileName(), QSettings.Format.IniFormat)
    assert keys.alert_scan_interval_minutes(reread) == expected


def test_a_database_configuration_survives_a_round_trip(ui_settings: QSettings) -> None:
    config = DatabaseConfig.postgresql("db.example", 6543, "net", "clerk", password_in_keyring=True)
    database.save_config(ui_settings, config)
    reread = QSettings(ui_settings.fileName(), QSettings.Format.IniFormat)
    assert database.load_config(reread) == config
    embedded = DatabaseConfig.embedded(Path("/data/ipdesk.sqlite3"))
    database.save_config(ui_settings, embedded)
    assert database.load_config(ui_settings) == embedded
    assert not ui_settings.contains(keys.DATABASE_HOST)


def test_the_url_and_label_never_show_the_password() -> None:
    config = DatabaseConfig.postgresql("db.example", 5432, "ipdesk", "clerk")
    url = config.url("s3cret")
    assert url.password == "s3cret"
    assert "s3cret" not in config.label()
    assert "s3cret" not in str(url)


# -- the dialog -------------------------------------------------------------------------------


def test_the_pages_show_what_is_saved(
    ui_settings: QSettings, make_dialog: Callable[[], SettingsDialog]
) -> None:
    ui_settings.setValue(keys.LANGUAGE, "en")
    ui_settings.setValue(keys.ALERT_SCAN_INTERVAL_MINUTES, 15)
    ui_settings.setValue(keys.ATTACHMENT_MAX_SIZE_MB, 20)
    ui_settings.setValue(keys.BACKUP_FOLDER, "/srv/backups")
    database.save_config(ui_settings, DatabaseConfig.postgresql("db.example", 6543, "n", "u"))

    dialog = make_dialog()

    titles = [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())]
    assert len(titles) == 5
    assert dialog.general_page.language_combo.currentData() == "en"
    assert dialog.alerts_page.interval_spin.value() == 15
    assert dialog.attachments_page.size_spin.value() == 20
    assert dialog.backup_page.folder_edit.text() == "/srv/backups"
    page = dialog.database_page
    assert page.server_radio.isChecked()
    assert page.form.host_edit.text() == "db.example"
    assert page.form.port_spin.value() == 6543
    assert page.form.isEnabled() and not page.path_edit.isEnabled()


def test_ok_saves_every_page_and_tells_what_changed(
    qtbot: QtBot, ui_settings: QSettings, make_dialog: Callable[[], SettingsDialog], tmp_path: Path
) -> None:
    dialog = make_dialog()
    dialog.general_page.language_combo.setCurrentIndex(
        dialog.general_page.language_combo.findData("zh_CN")
    )
    dialog.alerts_page.interval_spin.setValue(30)
    dialog.attachments_page.size_spin.setValue(100)
    dialog.backup_page.folder_edit.setText(str(tmp_path / "backups"))
    dialog.database_page.path_edit.setText(str(tmp_path / "other.sqlite3"))

    with qtbot.waitSignal(dialog.settings_saved) as saved:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    assert saved.args is not None
    assert set(saved.args[0]) == {
        keys.LANGUAGE,
        keys.ALERT_SCAN_INTERVAL_MINUTES,
        keys.ATTACHMENT_MAX_SIZE_MB,
        keys.BACKUP_FOLDER,
        keys.DATABASE_KIND,
        keys.DATABASE_PATH,
    }  # the keys whose values changed, and only those
    assert dialog.result() == dialog.DialogCode.Accepted
    reread = QSettings(ui_settings.fileName(), QSettings.Format.IniFormat)
    assert keys.language(reread) == "zh_CN"
    assert keys.alert_scan_interval_minutes(reread) == 30
    assert keys.attachment_max_bytes(reread) == 100 * 1024 * 1024
    assert keys.backup_folder(reread) == tmp_path / "backups"
    assert database.load_config(reread) == DatabaseConfig.embedded(tmp_path / "other.sqlite3")


def test_ok_without_changes_writes_nothing(
    qtbot: QtBot, ui_settings: QSettings, make_dialog: Callable[[], SettingsDialog]
) -> None:
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.settings_saved) as saved:
        dialog.accept()
    assert saved.args == [[]]
    assert ui_settings.allKeys() == []  # the first start still has to choose a database


def test_cancel_saves_nothing(
    ui_settings: QSettings, make_dialog: Callable[[], SettingsDialog]
) -> None:
    dialog = make_dialog()
    dialog.alerts_page.interval_spin.setValue(30)
    dialog.reject()
    assert not ui_settings.contains(keys.ALERT_SCAN_INTERVAL_MINUTES)


def test_a_bad_backup_folder_is_refused_on_its_page(
    ui_settings: QSettings, make_dialog: Callable[[], SettingsDialog], tmp_path: Path
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    dialog = make_dialog()
    dialog.alerts_page.interval_spin.setValue(30)
    dialog.backup_page.folder_edit.setText(str(a_file))

    dialog.accept()

    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.stack.currentWidget() is dialog.backup_page
    assert "notes.txt" in dialog.error_text()
    assert not ui_settings.contains(keys.ALERT_SCAN_INTERVAL_MINUTES)  # all or nothing


def test_a_server_without_a_name_is_refused(
    make_dialog: Callable[[], SettingsDialog], install_language: Callable[[str], None]
) -> None:
    install_language("zh_CN")
    dialog = make_dialog()
    dialog.database_page.server_radio.setChecked(True)
    dialog.database_page.form.host_edit.setText("")

    dialog.accept()

    assert dialog.stack.currentWidget() is dialog.database_page
    assert dialog.error_text() == "请输入服务器名称或地址。"


def test_the_server_password_goes_to_the_keyring_only(
    ui_settings: QSettings, make_dialog: Callable[[], SettingsDialog], fake_keyring: FakeKeyring
) -> None:
    dialog = make_dialog()
    page = dialog.database_page
    page.server_radio.setChecked(True)
    page.form.host_edit.setText("db.example")
    page.form.password_edit.setText("s3cret-pw")
    assert page.form.remember_check.isChecked()

    dialog.accept()

    config = database.load_config(ui_settings)
    assert config is not None and config.password_in_keyring
    assert database.stored_password(config) == "s3cret-pw"
    ui_settings.sync()
    assert "s3cret-pw" not in Path(ui_settings.fileName()).read_text(encoding="utf-8")

    # Back to the embedded database: the server's password is forgotten.
    dialog = make_dialog()
    dialog.database_page.embedded_radio.setChecked(True)
    dialog.accept()
    assert fake_keyring.saved == {}


def test_without_a_keyring_the_password_is_asked_at_each_start(
    ui_settings: QSettings, make_dialog: Callable[[], SettingsDialog]
) -> None:
    dialog = make_dialog()
    page = dialog.database_page
    page.server_radio.setChecked(True)
    page.form.host_edit.setText("db.example")
    page.form.password_edit.setText("s3cret-pw")
    assert not page.form.remember_check.isEnabled()
    assert page.form.remember_check.toolTip()

    dialog.accept()

    config = database.load_config(ui_settings)
    assert config is not None and not config.password_in_keyring
    ui_settings.sync()
    assert "s3cret-pw" not in Path(ui_settings.fileName()).read_text(encoding="utf-8")


def test_testing_the_connection_from_the_settings(
    qtbot: QtBot, make_dialog: Callable[[], SettingsDialog], install_language: Callable[[str], None]
) -> None:
    install_language("zh_CN")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    dialog = make_dialog()
    form = dialog.database_page.form
    dialog.database_page.server_radio.setChecked(True)
    form.host_edit.setText("127.0.0.1")
    form.port_spin.setValue(port)

    with qtbot.waitSignal(form.tested, timeout=30000) as tested:
        form.test_button.click()

    assert tested.args is not None and tested.args[0] is False
    assert "无法连接到服务器" in form.status_text()


def test_chinese_page_titles(
    make_dialog: Callable[[], SettingsDialog], install_language: Callable[[str], None]
) -> None:
    install_language("zh_CN")
    dialog = make_dialog()
    titles = [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())]
    assert titles == ["常规", "期限预警", "附件", "备份", "数据库"]
    assert dialog.windowTitle() == "设置 — ipdesk"


def test_tab_order_follows_the_fields(make_dialog: Callable[[], SettingsDialog]) -> None:
    dialog = make_dialog()
    page = dialog.database_page
    wanted = [page.embedded_radio, page.path_edit, page.path_button, page.server_radio,
              page.form.host_edit, page.form.port_spin, page.form.name_edit,
              page.form.user_edit, page.form.password_edit]  # fmt: skip
    chain: list[QWidget] = []
    widget: QWidget = dialog.page_list
    for _ in range(200):
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        if widget in wanted and widget not in chain:
            chain.append(widget)
    assert chain == wanted


# -- the main window --------------------------------------------------------------------------


@pytest.fixture
def window(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings, tmp_path: Path
) -> MainWindow:
    win = MainWindow(
        make_desk(seeded, Actor.system()),
        "SQLite test.sqlite3",
        settings=ui_settings,
        log_dir=tmp_path / "logs",
    )
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.org_model.office_count() > 0)
    return win


def test_settings_are_reached_from_the_edit_menu(
    qtbot: QtBot, window: MainWindow, ui_settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.settings_action in window.menu("edit").actions()
    opened: list[SettingsDialog] = []

    def fake_exec(dialog: SettingsDialog) -> int:
        opened.append(dialog)
        dialog.alerts_page.interval_spin.setValue(10)
        dialog.general_page.language_combo.setCurrentIndex(2)
        dialog.accept()
        return int(dialog.DialogCode.Accepted)

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    with qtbot.waitSignal(window.settings_saved) as saved:
        window.settings_action.trigger()

    assert opened and opened[0].parent() is window
    assert saved.args is not None
    assert set(saved.args[0]) == {keys.ALERT_SCAN_INTERVAL_MINUTES, keys.LANGUAGE}
    assert keys.alert_scan_interval_minutes(ui_settings) == 10
    assert window.statusBar().currentMessage()  # the language waits for a restart


@pytest.mark.parametrize(
    ("action", "signal", "keys_"),
    [
        ("new_case_action", "new_case_requested", "Ctrl+N"),
        ("search_action", "search_requested", "Ctrl+F"),
        ("next_alert_action", "next_alert_requested", "F8"),
    ],
)
def test_frequent_actions_have_shortcuts_and_signals(
    qtbot: QtBot, window: MainWindow, action: str, signal: str, keys_: str
) -> None:
    act = getattr(window, action)
    assert act.shortcut() == QKeySequence(keys_)
    assert act.shortcutContext() == Qt.ShortcutContext.WindowShortcut

    act.trigger()  # nobody listens yet: says so instead of doing nothing
    assert window.statusBar().currentMessage()

    with qtbot.waitSignal(getattr(window, signal)):
        getattr(window, signal).connect(lambda: None)
        act.trigger()


def test_open_log_folder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(main_window_module, "open_url", open_url)
    assert window.open_log_folder_action in window.menu("help").actions()

    window.open_log_folder_action.trigger()

    assert opened == [QUrl.fromLocalFile(str(tmp_path / "logs"))]
    assert (tmp_path / "logs").is_dir()


def test_features_add_pages_and_docks(
    qtbot: QtBot, window: MainWindow, ui_settings: QSettings, seeded: sessionmaker[Session]
) -> None:
    cases = QLabel("cases")
    cases.setObjectName("case_list")
    board = QLabel("board")
    board.setObjectName("deadline_board")
    first = window.add_page(cases, "Cases")
    second = window.add_page(board, "Deadlines", shortcut=QKeySequence("Ctrl+2"))

    placeholder = window.findChild(QLabel, "case_list_placeholder")
    assert placeholder is None or window.pages.indexOf(placeholder) < 0
    assert window.pages.currentWidget() is cases and first.isChecked()
    second.trigger()
    assert window.pages.currentWidget() is board and second.isChecked() and not first.isChecked()
    assert first in window.menu("view").actions()

    alerts = QLabel("alerts")
    alerts.setObjectName("alerts_panel")
    dock = window.add_dock(alerts, "Alerts", Qt.DockWidgetArea.BottomDockWidgetArea)
    assert dock.objectName() == "alerts_panel_dock"
    assert dock.toggleViewAction() in window.menu("view").actions()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea

    # The dock's place is remembered when the window comes back.
    window.removeDockWidget(dock)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.show()
    window.close()
    again = MainWindow(
        make_desk(seeded, Actor.system()), "SQLite test.sqlite3", settings=ui_settings
    )
    qtbot.addWidget(again)
    panel = QLabel("alerts")
    panel.setObjectName("alerts_panel")
    restored = again.add_dock(panel, "Alerts")
    assert again.dockWidgetArea(restored) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_column_layouts_are_remembered(
    qtbot: QtBot, window: MainWindow, ui_settings: QSettings, seeded: sessionmaker[Session]
) -> None:
    def table() -> QTableView:
        view = QTableView()
        model = QStandardItemModel(0, 4, view)
        view.setModel(model)
        qtbot.addWidget(view)
        return view

    first = table()
    window.remember_columns(first.horizontalHeader(), "case_list")
    first.horizontalHeader().resizeSection(2, 333)
    first.horizontalHeader().moveSection(0, 3)
    window.close()
    assert ui_settings.contains(keys.COLUMNS_PREFIX + "case_list")

    again = MainWindow(make_desk(seeded, Actor.system()), "x", settings=ui_settings)
    qtbot.addWidget(again)
    second = table()
    again.remember_columns(second.horizontalHeader(), "case_list")
    assert second.horizontalHeader().sectionSize(2) == 333
    assert second.horizontalHeader().visualIndex(0) == 3


def test_only_an_administrator_has_the_administration_menu(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings
) -> None:
    actor = Actor(user_id=None, name="city", role=Role.CITY_MANAGER)
    win = MainWindow(make_desk(seeded, actor), "x", settings=ui_settings)
    qtbot.addWidget(win)
    assert set(win.menus) == {"file", "edit", "view", "help"}
    with pytest.raises(KeyError):
        win.menu("admin")
