"""Puts the operational features into the main window, by role, after sign-in.

* mediators and managers: the consultations page (every consultation request in the user's
  scope, filtered by agency, state, kind and office; a double-click opens the case);
* administrators: Administration → Partner agencies (editable), Document templates (check
  and preview), Verify audit trail; mediators and managers: View → Partner agencies
  (read-only); managers: View → Outcomes of like cases (services/queries/similar_cases.py);
* everyone: the start-up check of the evidence and document files (a banner when a record
  lacks its file or a file belongs to no record; nothing is deleted); on an embedded
  (SQLite) database, the daily backup into the backup folder of the settings, after start-up
  and then daily; failures are shown in the status bar.

``install_features`` (``ipdesk/ui/features.py``) installs the case list, intake and the
other case work; this module adds what keeps the network and the system running.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget
from sqlalchemy import Engine

from ipdesk.services.infra.backup import DailyBackup
from ipdesk.services.rules.capabilities import Capability, capabilities
from ipdesk.ui.desk import Desk
from ipdesk.ui.idle import UserIdle
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.maintenance.audit_check import AuditCheckDialog
from ipdesk.ui.maintenance.daily_backup import DailyBackupScheduler
from ipdesk.ui.maintenance.file_check import FileCheckBanner
from ipdesk.ui.stores import FileStores

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def install_operations(
    window: MainWindow,
    desk: Desk,
    settings: QSettings,
    *,
    open_case: Callable[[int], None],
    stores: FileStores,
    daily_backups: bool = True,
) -> None:
    """Add the consultations page, the administration dialogs and the daily backup to
    ``window`` for ``actor``; ``open_case`` opens a case by id. ``daily_backups=False`` (a
    demo database) starts no backup."""
    may = capabilities(desk.actor)
    if Capability.CONSULTATIONS in may:

        def consultations_page() -> QWidget:  # built when first shown
            from ipdesk.ui.consultations import ConsultationsView

            consultations = ConsultationsView(desk)
            consultations.case_open_requested.connect(open_case)
            window.remember_columns(consultations.table.horizontalHeader(), "consultations")
            return consultations

        window.add_lazy_page(
            "ConsultationsView",
            consultations_page,
            translate("operations", "Consultations"),
            name="consultations_view",
        )

    def show_agencies() -> None:
        from ipdesk.ui.agencies import AgenciesDialog

        _show(AgenciesDialog(desk, window))

    def show_templates() -> None:
        from ipdesk.ui.templates import TemplatesDialog

        _show(TemplatesDialog(window))

    if Capability.MANAGE_AGENCIES in may:
        admin = window.menu("admin")
        admin.addSeparator()
        _add_action(
            admin, translate("operations", "Partner &agencies…"), "agencies_action", show_agencies
        )
    elif Capability.READ_AGENCIES in may:
        view = window.menu("view")
        view.addSeparator()
        _add_action(
            view, translate("operations", "Partner &agencies…"), "agencies_action", show_agencies
        )

    if Capability.DEADLINE_BOARD in may:  # managers: like cases, unlike outcomes

        def show_spread() -> None:
            from ipdesk.ui.similar_cases.spread import OutcomeSpreadDialog

            dialog = OutcomeSpreadDialog(desk, window)
            _show(dialog)
            dialog.reload()

        _add_action(
            window.menu("view"),
            translate("operations", "&Outcomes of like cases…"),
            "outcome_spread_action",
            show_spread,
        )

    if Capability.MANAGE_TEMPLATES in may:
        _add_action(
            window.menu("admin"),
            translate("operations", "Document &templates…"),
            "templates_action",
            show_templates,
        )
    if Capability.VERIFY_AUDIT in may:
        _add_action(
            window.menu("admin"),
            translate("operations", "&Verify audit trail…"),
            "verify_audit_action",
            lambda: _show(AuditCheckDialog(desk, window)),
        )

    banner = FileCheckBanner(desk)  # the desk's stores (this computer's, or the server's)
    window.add_banner(banner)
    window.when_settled(banner.check)  # after the user's first page
    if daily_backups:
        install_daily_backup(window, desk, settings)


def install_daily_backup(
    window: MainWindow, desk: Desk, settings: QSettings
) -> DailyBackupScheduler | None:
    """Start the daily backup of the desk's database on this computer (parented to the
    window); None when the desk has none here."""
    engine = desk.local_engine()
    if engine is None:
        log.warning("No engine to back up: the daily backup is off")
        return None
    delay_ms = backup_delay_ms(engine)
    when_idle = None
    if delay_ms > 0:  # a large database: copied when the user pauses, not while they work
        idle = UserIdle(window, watching=False)  # not through the first paint's events
        window.when_settled(idle.watch)
        when_idle = functools.partial(idle.when_idle, quiet_s=LARGE_DATABASE_QUIET_S)
    scheduler = DailyBackupScheduler(engine, settings, window, when_idle=when_idle)
    scheduler.setObjectName("daily_backup")

    def done(backup: DailyBackup) -> None:
        if backup.created:
            window.statusBar().showMessage(
                translate("operations", "Daily backup saved: {0}").format(backup.path), 10000
            )

    def failed(text: str) -> None:
        window.statusBar().showMessage(
            translate("operations", "The daily backup failed: {0}").format(text)
        )

    scheduler.backup_done.connect(done)
    scheduler.backup_failed.connect(failed)
    window.settings_saved.connect(scheduler.on_settings_saved)
    # After the user's first page; a large database's copy (minutes) well after start-up,
    # when the user pauses.
    window.when_settled(scheduler.start, delay_ms)
    return scheduler


LARGE_DATABASE_BYTES = 256 * 1024 * 1024
LARGE_DATABASE_DELAY_MS = 10 * 60 * 1000
LARGE_DATABASE_QUIET_S = 120.0
"""How long the user must have paused before a large database's daily backup starts."""


def backup_delay_ms(engine: Engine) -> int:
    """How long after start-up the daily backup waits: none for a small database, ten
    minutes for an embedded database of 256 MB or more (copying 3.6 GB took 70 s, and at
    start-up it held the disk and a worker thread against the user's first pages)."""
    path = engine.url.database
    if engine.dialect.name != "sqlite" or not path or path == ":memory:":
        return 0
    try:
        size = Path(path).stat().st_size
    except OSError:
        return 0
    return LARGE_DATABASE_DELAY_MS if size >= LARGE_DATABASE_BYTES else 0


def _add_action(menu: QMenu, text: str, name: str, slot: Callable[[], None]) -> QAction:
    action = QAction(text, menu)
    action.setObjectName(name)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def _show(dialog: QDialog) -> None:
    """Show ``dialog`` window-modal without blocking; it is deleted when closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
