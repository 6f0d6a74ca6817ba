"""The daily backup of the embedded database, made by the desktop itself.

At start-up and then whenever the day has changed (checked every hour), the embedded SQLite
database is backed up with :func:`ipdesk.services.infra.backup.daily_backup` into the backup
folder of the settings (read afresh each time; saving a new folder in the settings dialog
backs up into it at once), keeping the newest seven. For a large database the automatic
runs wait until the user pauses (``ipdesk.ui.idle``). The backup runs in the background;
a failure is shown in the status bar and logged (the folder and the error, never data of
the cases), and never stops the program. A PostgreSQL database is backed up on its server
(``ipdesk-admin backup`` from cron, or pg_dump): nothing runs here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from sqlalchemy import Engine

from ipdesk.services.infra.backup import DailyBackup, backs_up_daily, daily_backup
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui.messages import error_text
from ipdesk.ui.settings import keys
from ipdesk.ui.tasks import run_task

log = logging.getLogger(__name__)

KEEP = 7
CHECK_INTERVAL_MS = 60 * 60 * 1000  # hourly: is it another day?


class DailyBackupScheduler(QObject):
    """Runs :func:`daily_backup` for an embedded database; ``start()`` begins."""

    backup_done = Signal(object)
    """A run finished: its :class:`DailyBackup` (``created`` False: today's was there)."""
    backup_failed = Signal(str)
    """A run failed: the text for the user."""

    def __init__(
        self,
        engine: Engine,
        settings: QSettings,
        parent: QObject | None = None,
        *,
        keep: int = KEEP,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        today: Callable[[], dt.date] = legal_today,
        when_idle: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        """``when_idle(func)`` runs ``func`` when the user pauses (``UserIdle``): the
        automatic runs, at start and on a new day, wait for it; by default they run at
        once."""
        super().__init__(parent)
        self._when_idle = when_idle
        self._engine = engine
        self._settings = settings
        self._keep = keep
        self._today = today
        self._last_day: dt.date | None = None
        self._running = False
        self._again = False
        self._waiting = False
        self.enabled = backs_up_daily(engine)
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self._on_timer)

    def start(self) -> None:
        """Back up now and keep checking for a new day; nothing for PostgreSQL."""
        if not self.enabled:
            log.info(
                "PostgreSQL database: no automatic backup by the desktop; back up the server "
                "(ipdesk-admin backup from cron, or pg_dump)"
            )
            return
        self.timer.start()
        self._run_when_idle()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def running(self) -> bool:
        return self._running

    def folder(self) -> Path:
        return keys.backup_folder(self._settings)

    def run_now(self) -> None:
        """Back up into the current folder (unless today's good backup is there already)."""
        if not self.enabled:
            return
        if self._running:
            self._again = True  # e.g. the folder changed meanwhile: run once more after
            return
        self._running = True
        engine, folder, keep, day = self._engine, self.folder(), self._keep, self._today()

        def work() -> DailyBackup | None:
            return daily_backup(engine, folder, keep=keep, today=day)

        run_task(
            work,
            lambda done: self._on_done(day, done),
            lambda error: self._on_failed(folder, error),
            context=self,
        )

    def on_settings_saved(self, changed: list[str]) -> None:
        """Slot for ``MainWindow.settings_saved``: a new backup folder gets today's backup."""
        if keys.BACKUP_FOLDER in changed:
            self.run_now()

    def _on_timer(self) -> None:
        if self._today() != self._last_day and not self._waiting:
            self._run_when_idle()

    def _run_when_idle(self) -> None:
        if self._when_idle is None:
            self.run_now()
            return
        self._waiting = True

        def run() -> None:
            self._waiting = False
            self.run_now()

        self._when_idle(run)

    def _finish(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.run_now()

    def _on_done(self, day: dt.date, done: DailyBackup | None) -> None:
        try:
            if done is not None:
                self._last_day = day
                if done.created:
                    log.info(
                        "Daily backup written: %s (%d old one(s) removed)",
                        done.path,
                        len(done.removed),
                    )
                self.backup_done.emit(done)
        finally:
            self._finish()

    def _on_failed(self, folder: Path, error: Exception) -> None:
        try:
            # The error names the folder and what went wrong (disk full, no access, …);
            # no data of the database is in it.
            log.error("Daily backup into %s failed: %s: %s", folder, type(error).__name__, error)
            self.backup_failed.emit(error_text(error))
        finally:
            self._finish()
