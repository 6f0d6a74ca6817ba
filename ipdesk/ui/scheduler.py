"""Running the alert scan in the GUI: at start-up and every few minutes.

APScheduler's ``QtScheduler`` decides when; the scan itself runs in the scheduler's worker
thread with a session of its own and reports through Qt signals, which reach their
receivers on the GUI thread. Several clients scanning one database is safe (the scan is
idempotent in the database), so no coordination between processes is needed.

``TrayNotifier`` turns new alerts into a tray message; the application wires the two
together and calls :meth:`AlertScheduler.shutdown` on quit (``start`` also arranges it).

APScheduler (0.2 s to import) is imported when the scheduler starts, not with this module:
the main window paints first.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from ipdesk.models.base import utcnow
from ipdesk.services.cases.alerts import ScanResult, scan_alerts
from ipdesk.ui.alerts.model import threshold_text
from ipdesk.ui.desk import Change, ChangeKind, Desk

if TYPE_CHECKING:
    from apscheduler.schedulers.qt import QtScheduler

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MINUTES = 5
JOB_ID = "ipdesk-alert-scan"

Clock = Callable[[], dt.datetime]


def _gui_timer_scheduler(owner: _Waker, **options: Any) -> QtScheduler:
    """A ``QtScheduler`` with a timer it can stop (APScheduler imported here, on first use).

    APScheduler 3 keeps what ``QTimer.singleShot`` returns to stop it later; under PySide6
    that is None, so a pending wake-up survived ``shutdown()`` and ran the jobs on a
    stopped scheduler. Here the wake-up is a QTimer owned by a GUI-thread object, started
    through a queued signal so that ``wakeup()`` may be called from any thread.
    """
    from apscheduler.schedulers.base import STATE_STOPPED
    from apscheduler.schedulers.qt import QtScheduler

    class _GuiTimerQtScheduler(QtScheduler):
        def __init__(self, waker: _Waker, **options: Any) -> None:
            self._waker = waker
            super().__init__(**options)
            waker.timer.timeout.connect(self._process_jobs)

        def _start_timer(self, wait_seconds: float | None) -> None:
            if wait_seconds is None:
                self._waker.stop.emit()
                return
            self._waker.wake.emit(min(int(wait_seconds * 1000), 2147483647))

        def _stop_timer(self) -> None:
            self._waker.stop.emit()

        def _process_jobs(self) -> None:
            if self.state == STATE_STOPPED:
                return
            super()._process_jobs()

    return _GuiTimerQtScheduler(owner, **options)


class _Waker(QObject):
    wake = Signal(int)
    stop = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.wake.connect(self.start_in, Qt.ConnectionType.QueuedConnection)
        self.stop.connect(self.timer.stop, Qt.ConnectionType.QueuedConnection)

    @Slot(int)
    def start_in(self, milliseconds: int) -> None:
        self.timer.start(milliseconds)


class AlertScheduler(QObject):
    """Scans for alerts at start-up and then every ``interval_minutes``."""

    scan_finished = Signal(object)
    """A scan finished: its ``ScanResult`` (created may be 0)."""
    alerts_created = Signal(object)
    """A scan created alerts: its ``ScanResult``."""
    scan_failed = Signal(object)
    """A scan failed: the exception."""
    # The worker reports here; the public signals above are emitted on the GUI thread, so
    # that any slot connected to them (a lambda too) runs there.
    _reported = Signal(bool, object)

    def __init__(
        self,
        desk: Desk,
        *,
        interval_minutes: float = DEFAULT_INTERVAL_MINUTES,
        clock: Clock = utcnow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if interval_minutes <= 0:
            raise ValueError("interval_minutes must be positive")
        self._desk = desk
        self._job = desk.job(lambda session: scan_alerts(session, clock()))
        self._interval = interval_minutes
        self._clock = clock
        self._waker = _Waker(self)
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)
        self._scheduler: QtScheduler | None = None  # made by start()
        self._on = False

    @property
    def running(self) -> bool:
        """From ``start()`` (or ``start_later()``) until ``shutdown()``."""
        return self._on

    def start_later(self) -> None:
        """The scheduler is on, and ``start()`` will come (once the user's first page is
        there): a ``shutdown()`` before then cancels it."""
        self._on = True

    def start_if_on(self) -> None:
        """``start()``, unless shut down since ``start_later()``."""
        if self._on:
            self.start()

    def start(self, *, first_scan: bool = True) -> None:
        """Scan now (``first_scan``; else first after one interval or ``scan_now``), in the
        worker thread, and then every interval; stop on quit."""
        self._on = True
        if self._scheduler is not None and self._scheduler.running:
            return
        self._scheduler = _gui_timer_scheduler(
            self._waker,
            executors={"default": {"type": "threadpool", "max_workers": 1}},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        now = dt.datetime.now(dt.UTC)
        self._scheduler.add_job(
            self._scan,
            "interval",
            minutes=self._interval,
            id=JOB_ID,
            replace_existing=True,
            next_run_time=now if first_scan else now + dt.timedelta(minutes=self._interval),
        )
        self._scheduler.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def interval_minutes(self) -> float:
        return self._interval

    def set_interval(self, minutes: float) -> None:
        """Scan every ``minutes`` from now on (the settings changed); the next scan comes
        one new interval after this call."""
        if minutes <= 0:
            raise ValueError("interval_minutes must be positive")
        self._interval = minutes
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.reschedule_job(JOB_ID, trigger="interval", minutes=minutes)

    def scan_now(self) -> None:
        """Scan once more as soon as possible (e.g. after a holiday change): a one-off job,
        queued behind a scan that may be running (the scheduler has one worker)."""
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.add_job(self._scan, "date", run_date=dt.datetime.now(dt.UTC))

    @Slot()
    def shutdown(self) -> None:
        """Stop scheduling and wait for a scan that is running to finish."""
        self._on = False
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=True)

    def _scan(self) -> None:
        """The job: runs in the scheduler's worker thread, with its own session."""
        try:
            result = self._job()
        except Exception as exc:
            log.exception("The alert scan failed")
            self._reported.emit(False, exc)
            return
        self._reported.emit(True, result)

    @Slot(bool, object)
    def _on_reported(self, succeeded: bool, payload: object) -> None:
        if not self._on:
            # Shut down (signed out, quitting) after the scan reported but before the GUI
            # thread took the report: nobody is left to tell, and the desk's database may
            # be gone already.
            return
        if not succeeded:
            self.scan_failed.emit(payload)
            return
        assert isinstance(payload, ScanResult)
        self.scan_finished.emit(payload)
        if payload.created:
            self._desk.announce(Change.of(ChangeKind.ALERTS))
            self.alerts_created.emit(payload)


class TrayNotifier(QObject):
    """Shows a tray message for new alerts (when the desktop has a tray)."""

    notified = Signal(str, str)
    """The title and text of a notification that was shown (or would have been)."""

    MAX_LISTED = 5

    def __init__(self, tray: QSystemTrayIcon | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray

    @Slot(object)
    def notify(self, result: ScanResult) -> None:
        if not result.created:
            return
        title = self.tr("%n new deadline alert(s)", "", result.created)
        lines = [
            f"{a.case_number}  {threshold_text(a.threshold)}  {a.due.isoformat()}"
            for a in result.alerts[: self.MAX_LISTED]
        ]
        if result.created > self.MAX_LISTED:
            lines.append(self.tr("and %n more", "", result.created - self.MAX_LISTED))
        text = "\n".join(lines)
        tray = self._tray
        if (
            tray is not None
            and QSystemTrayIcon.isSystemTrayAvailable()
            and QSystemTrayIcon.supportsMessages()
        ):
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        self.notified.emit(title, text)
