"""install_operations: the consultations page, the agencies, templates and audit dialogs,
and the daily backup, each installed on a real main window for the roles that get it."""

from __future__ import annotations

import datetime as dt
import io
import logging
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.models import AuditRecord, CaseStatus
from ipdesk.paths import FORMS_DIR
from ipdesk.services.actors import Actor
from ipdesk.services.cases import consultations as cs
from ipdesk.services.documents import DocumentKind
from ipdesk.services.infra import audit
from ipdesk.services.infra.backup import DailyBackup, inspect_backup
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui import tasks
from ipdesk.ui.agencies import AgenciesDialog
from ipdesk.ui.case_view import CaseViewDialog
from ipdesk.ui.consultations import ConsultationsView
from ipdesk.ui.features import case_opener
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.maintenance.audit_check import AuditCheckDialog
from ipdesk.ui.maintenance.daily_backup import DailyBackupScheduler
from ipdesk.ui.operations import install_operations
from ipdesk.ui.settings import keys
from ipdesk.ui.stores import FileStores
from ipdesk.ui.templates import TemplatesDialog
from tests.helpers.desks import make_desk
from tests.helpers.factories import People, agency, make_case, make_people

TODAY = dt.date(2026, 10, 15)


@pytest.fixture
def sync() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def people(seeded: sessionmaker[Session]) -> People:
    with seeded.begin() as s:
        return make_people(s)


def window_for(
    qtbot: QtBot,
    factory: sessionmaker[Session],
    actor: Actor,
    settings: QSettings,
    *,
    daily_backups: bool = False,
) -> MainWindow:
    desk = make_desk(factory, actor)
    window = MainWindow(desk, "test", settings=settings)
    qtbot.addWidget(window)
    stores = FileStores.in_folder(Path(settings.fileName()).parent)  # the test's tmp_path
    opener = case_opener(window, desk, stores)
    install_operations(
        window,
        desk,
        settings,
        open_case=opener,
        stores=stores,
        daily_backups=daily_backups,
    )
    return window


def action(window: MainWindow, menu: str, name: str) -> QAction | None:
    return next((a for a in window.menu(menu).actions() if a.objectName() == name), None)


def page(window: MainWindow) -> ConsultationsView | None:
    return window.page(ConsultationsView)


def actor_of(factory: sessionmaker[Session], people: People, who: str) -> Actor:
    with factory() as s:
        return people.actor(s, who)


# --- the consultations page -----------------------------------------------------------------


@pytest.fixture
def consulted_case(seeded: sessionmaker[Session], people: People) -> int:
    with seeded.begin() as s:
        case = make_case(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 9, 20),
            mediator_id=people.mediator,
        )
        cs.request_consultation(
            s,
            people.actor(s, "mediator"),
            case.id,
            cs.ConsultationForm(
                kind="consultation",
                subject="涉案商标权属是否存在争议",
                questions="请提供相关诉讼信息。",
                agency_ids=(agency(s, "CT-KEQ").id, agency(s, "JB-TL").id),
                requested_on=dt.date(2026, 9, 30),
            ),
            today=TODAY,
        )
        return case.id


@pytest.mark.parametrize("who", ["mediator", "manager", "city"])
def test_mediators_and_managers_get_the_consultations_page(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    people: People,
    consulted_case: int,
    ui_settings: QSettings,
    sync: None,
    who: str,
) -> None:
    window = window_for(qtbot, seeded, actor_of(seeded, people, who), ui_settings)
    view = page(window)
    assert view is not None
    show = action(window, "view", "show_consultations_view_action")
    assert show is not None and show.text() == "Consultations"
    show.trigger()
    assert window.pages.currentWidget() is view
    assert view.model.rowCount() == 2
    assert {view.model.row_at(r).agency_name for r in range(2)} == {  # type: ignore[union-attr]
        "通辽市科尔沁区人民法院",
        "通辽市司法局",
    }
    assert view.office_filter.isVisibleTo(view) == (who == "city")
    view.agency_filter.setCurrentIndex(view.agency_filter.findText("通辽市司法局"))
    assert view.model.rowCount() == 1
    view.state_filter.setCurrentIndex(view.state_filter.findData("answered"))
    assert view.model.rowCount() == 0

    # A double-click opens the case.
    view.state_filter.setCurrentIndex(0)
    view.table.doubleClicked.emit(view.model.index(0, 0))
    (dialog,) = window.findChildren(CaseViewDialog)
    assert dialog.isVisible() and dialog.view.case_id == consulted_case
    assert dialog.view.consultations.model.rowCount() == 2  # the case's own tab


def test_the_page_shows_only_the_users_scope(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    people: People,
    consulted_case: int,
    ui_settings: QSettings,
    sync: None,
) -> None:
    window = window_for(qtbot, seeded, actor_of(seeded, people, "manager_other"), ui_settings)
    view = page(window)
    assert view is not None and view.model.rowCount() == 0  # TL02 does not see TL01's


@pytest.mark.parametrize("who", ["staff", "admin"])
def test_station_staff_and_administrators_get_no_consultations_page(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    people: People,
    ui_settings: QSettings,
    sync: None,
    who: str,
) -> None:
    window = window_for(qtbot, seeded, actor_of(seeded, people, who), ui_settings)
    assert page(window) is None


# --- the agencies dialog ----------------------------------------------------------------------


def test_administrators_edit_the_agencies_from_the_admin_menu(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings, sync: None
) -> None:
    window = window_for(qtbot, seeded, Actor.system(), ui_settings)
    agencies = action(window, "admin", "agencies_action")
    assert agencies is not None and agencies.text() == "Partner &agencies…"
    agencies.trigger()
    (dialog,) = window.findChildren(AgenciesDialog)
    assert dialog.isVisible() and dialog.model.rowCount() > 0
    assert dialog.add_button.isVisibleTo(dialog)
    assert action(window, "view", "agencies_action") is None


def test_managers_look_the_agencies_up_read_only(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, ui_settings: QSettings, sync: None
) -> None:
    window = window_for(qtbot, seeded, actor_of(seeded, people, "manager"), ui_settings)
    assert "admin" not in window.menus
    agencies = action(window, "view", "agencies_action")
    assert agencies is not None
    agencies.trigger()
    (dialog,) = window.findChildren(AgenciesDialog)
    assert dialog.model.rowCount() > 0
    names = {dialog.model.row_at(r).name for r in range(dialog.model.rowCount())}  # type: ignore[union-attr]
    assert "通辽市司法局" in names
    assert not dialog.add_button.isVisibleTo(dialog)
    assert not dialog.edit_button.isEnabled()


def test_station_staff_get_no_agency_list(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, ui_settings: QSettings, sync: None
) -> None:
    window = window_for(qtbot, seeded, actor_of(seeded, people, "staff"), ui_settings)
    assert action(window, "view", "agencies_action") is None


# --- the templates dialog ---------------------------------------------------------------------


def _add_unknown_field(path: Path) -> None:
    """Put a paragraph with an unknown field at the start of a template's body."""
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = content.decode("utf-8")
                start = body.index(">", body.index("<w:body")) + 1
                paragraph = "<w:p><w:r><w:t>{{ no_such_field }}</w:t></w:r></w:p>"
                content = (body[:start] + paragraph + body[start:]).encode("utf-8")
            dst.writestr(item, content)
    path.write_bytes(data.getvalue())


def test_the_templates_dialog_lists_every_template_with_its_check(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings, sync: None
) -> None:
    window = window_for(qtbot, seeded, Actor.system(), ui_settings)
    templates = action(window, "admin", "templates_action")
    assert templates is not None
    templates.trigger()
    (dialog,) = window.findChildren(TemplatesDialog)
    tree = dialog.tree
    files = [tree.topLevelItem(r).text(0).split(" — ")[0] for r in range(tree.topLevelItemCount())]  # type: ignore[union-attr]
    assert files[: len(DocumentKind)] == [f"{k.value}.docx" for k in DocumentKind]
    assert sorted(p.name for p in FORMS_DIR.glob("*.docx")) == sorted(files)
    for result in dialog.results:
        assert result.problems == (), result
    first = tree.topLevelItem(0)
    assert first is not None and first.text(1) == "OK"
    assert dialog.status.text() == "All templates can be used."


def test_problems_are_listed_under_their_template(qtbot: QtBot, tmp_path: Path, sync: None) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(FORMS_DIR, forms)
    _add_unknown_field(forms / "mediation_agreement.docx")
    (forms / "closing_notice.docx").unlink()
    dialog = TemplatesDialog(forms_dir=forms, preview_dir=tmp_path / "out")
    qtbot.addWidget(dialog)

    items = [dialog.tree.topLevelItem(r) for r in range(dialog.tree.topLevelItemCount())]
    rows = {item.text(0).split(" — ")[0]: item for item in items if item is not None}
    broken = rows["mediation_agreement.docx"]
    assert broken.text(1) == "1 error(s)"
    assert broken.isExpanded() and broken.childCount() == 1
    problem = broken.child(0)
    assert problem is not None
    assert (problem.text(0), problem.text(1)) == ("Error", "Unknown field")
    assert "no_such_field" in problem.text(2)
    missing = rows["closing_notice.docx"]
    assert missing.text(1) == "Missing"
    assert missing.child(0).text(1) == "The template file is missing"  # type: ignore[union-attr]
    assert rows["acceptance_notice.docx"].text(1) == "OK"
    assert dialog.status.text() == "2 template(s) have errors and cannot be used."

    # A broken template gives no preview, and says why.
    opened: list[QUrl] = []
    dialog.open_url = opened.append  # type: ignore[method-assign,assignment]
    dialog.select_kind(DocumentKind.MEDIATION_AGREEMENT)
    with qtbot.waitSignal(dialog.failed) as failed:
        dialog.preview_button.click()
    assert "mediation_agreement.docx" in failed.args[0]
    assert opened == [] and not (tmp_path / "out").exists()


def test_preview_renders_the_sample_case_and_opens_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(_cls: type, url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(TemplatesDialog, "open_url", classmethod(open_url))
    out = tmp_path / "previews"
    dialog = TemplatesDialog(preview_dir=out)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=30000)  # checked in the background
    assert not dialog.preview_button.isEnabled()  # nothing selected yet
    dialog.select_kind(DocumentKind.MEDIATION_AGREEMENT)
    assert dialog.preview_button.isEnabled()
    with qtbot.waitSignal(dialog.preview_ready, timeout=30000) as ready:
        dialog.preview_button.click()
    path = ready.args[0]
    assert isinstance(path, Path) and path.parent == out and path.suffix == ".docx"
    with zipfile.ZipFile(path) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "调解协议书" in body and "{{" not in body
    assert opened == [QUrl.fromLocalFile(str(path))]


# --- verifying the audit trail ----------------------------------------------------------------


def test_verify_audit_trail_from_the_admin_menu(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings, sync: None
) -> None:
    audited = audit.audited_sessions(seeded, Actor.system())
    with audited.begin() as s:
        make_people(s)  # a few audited writes
    with seeded() as s:
        count = len(s.scalars(select(AuditRecord.id)).all())
    assert count > 0
    window = window_for(qtbot, audited, Actor.system(), ui_settings)
    verify = action(window, "admin", "verify_audit_action")
    assert verify is not None
    verify.trigger()
    (dialog,) = window.findChildren(AuditCheckDialog)
    assert dialog.result_value is not None and dialog.result_value.ok
    assert dialog.message.text() == f"The audit trail is intact: {count} record(s) checked."
    assert not dialog.busy.isVisibleTo(dialog)
    dialog.close()

    with seeded.begin() as s:
        s.execute(
            text("UPDATE audit_records SET after = :a WHERE id = 3"), {"a": '{"name": "forged"}'}
        )
    verify.trigger()
    broken = next(d for d in window.findChildren(AuditCheckDialog) if d.isVisible())
    assert broken.result_value is not None and broken.result_value.broken_id == 3
    assert broken.message.text() == (
        "The audit trail is broken at record 3. 2 record(s) before it are intact."
    )
    assert "The record was altered after it was written" in broken.details.text()


def test_the_check_runs_off_the_gui_thread_with_a_busy_bar(
    qtbot: QtBot, seeded: sessionmaker[Session]
) -> None:
    dialog = AuditCheckDialog(make_desk(seeded, Actor.system()))
    qtbot.addWidget(dialog)
    assert dialog.busy.maximum() == 0  # busy until the worker answers
    with qtbot.waitSignal(dialog.verified) as verified:
        pass
    assert verified.args[0].checked == 0
    assert dialog.message.text() == "The audit trail is empty."
    assert dialog.busy.maximum() == 1


# --- the daily backup -------------------------------------------------------------------------


def _backups(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("ipdesk-backup-*.sqlite3"))


def test_the_embedded_database_is_backed_up_at_start(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    engine: Engine,
    ui_settings: QSettings,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder = tmp_path / "backups"
    ui_settings.setValue(keys.BACKUP_FOLDER, str(folder))
    caplog.set_level(logging.INFO, logger="ipdesk.ui.maintenance.daily_backup")
    window = window_for(qtbot, seeded, Actor.system(), ui_settings, daily_backups=True)
    scheduler = window.findChild(DailyBackupScheduler, "daily_backup")
    assert scheduler is not None
    if not db.is_sqlite(engine):
        assert not scheduler.enabled and not scheduler.timer.isActive()
        assert not folder.exists()
        assert "PostgreSQL database: no automatic backup" in caplog.text
        return
    qtbot.waitUntil(lambda: not scheduler.running, timeout=30000)
    name = f"ipdesk-backup-{legal_today().isoformat()}.sqlite3"
    assert _backups(folder) == [name]
    assert inspect_backup(folder / name).tables["offices"] == 9
    assert window.statusBar().currentMessage() == f"Daily backup saved: {folder / name}"
    assert scheduler.timer.isActive()

    # A new backup folder in the settings gets today's backup at once.
    other = tmp_path / "elsewhere"
    ui_settings.setValue(keys.BACKUP_FOLDER, str(other))
    with qtbot.waitSignal(scheduler.backup_done, timeout=30000):
        window.settings_saved.emit([keys.BACKUP_FOLDER])
    assert _backups(other) == [name]


def test_a_failed_backup_is_shown_and_logged_and_nothing_crashes(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    engine: Engine,
    ui_settings: QSettings,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    sync: None,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    ui_settings.setValue(keys.BACKUP_FOLDER, str(blocker))
    window = window_for(qtbot, seeded, Actor.system(), ui_settings, daily_backups=True)
    message = window.statusBar().currentMessage()
    if not db.is_sqlite(engine):  # nothing runs for PostgreSQL, so nothing fails
        assert "backup" not in message and "Daily backup" not in caplog.text
        return
    assert message.startswith("The daily backup failed: ")
    assert str(blocker) in caplog.text and "Daily backup into" in caplog.text
    scheduler = window.findChild(DailyBackupScheduler, "daily_backup")
    assert scheduler is not None and not scheduler.running and scheduler.timer.isActive()


@pytest.fixture
def sqlite_engine(sqlite_template: Path, tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "embedded.sqlite3"
    shutil.copyfile(sqlite_template, path)
    engine = db.make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


def test_automatic_backups_wait_for_the_user_to_pause(
    qtbot: QtBot, sqlite_engine: Engine, tmp_path: Path, sync: None
) -> None:
    """A large database's daily backup (start-up, a new day) waits for a pause of the user;
    a new folder chosen in the settings is backed up into at once."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    folder = tmp_path / "b"
    settings.setValue(keys.BACKUP_FOLDER, str(folder))
    day = [dt.date(2026, 11, 1)]
    waiting: list[Callable[[], None]] = []
    scheduler = DailyBackupScheduler(
        sqlite_engine, settings, today=lambda: day[0], when_idle=waiting.append
    )
    done: list[DailyBackup] = []
    scheduler.backup_done.connect(done.append)
    scheduler.start()
    assert done == [] and len(waiting) == 1  # nothing copied while the user works
    day[0] = dt.date(2026, 11, 2)
    scheduler.timer.timeout.emit()
    assert len(waiting) == 1  # one run waiting, not one per hourly look
    waiting.pop()()  # the user paused
    assert [b.path.name for b in done] == ["ipdesk-backup-2026-11-02.sqlite3"]
    other = tmp_path / "other"
    settings.setValue(keys.BACKUP_FOLDER, str(other))
    scheduler.on_settings_saved([keys.BACKUP_FOLDER])
    assert _backups(other) == ["ipdesk-backup-2026-11-02.sqlite3"] and waiting == []
    scheduler.stop()


def test_a_new_day_gets_its_backup_and_old_ones_rotate(
    qtbot: QtBot, sqlite_engine: Engine, tmp_path: Path, sync: None
) -> None:
    engine = sqlite_engine
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    folder = tmp_path / "b"
    settings.setValue(keys.BACKUP_FOLDER, str(folder))
    day = [dt.date(2026, 11, 1)]
    scheduler = DailyBackupScheduler(engine, settings, keep=2, today=lambda: day[0])
    done: list[DailyBackup] = []
    scheduler.backup_done.connect(done.append)
    scheduler.start()
    scheduler.timer.timeout.emit()  # the same day: nothing more
    assert len(done) == 1 and done[0].created
    for n in (2, 3):
        day[0] = dt.date(2026, 11, n)
        scheduler.timer.timeout.emit()
    assert _backups(folder) == [
        "ipdesk-backup-2026-11-02.sqlite3",
        "ipdesk-backup-2026-11-03.sqlite3",
    ]
    assert [p.name for p in done[-1].removed] == ["ipdesk-backup-2026-11-01.sqlite3"]
    scheduler.stop()
