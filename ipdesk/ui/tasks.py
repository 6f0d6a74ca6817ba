"""Running work off the GUI thread and handing its outcome back to the GUI thread.

``run_task(func, on_done, on_error)`` runs ``func()`` on a ``QThreadPool`` and calls
``on_done(result)`` or ``on_error(exception)`` on the GUI thread (after Picard's
``run_task`` and Anki's operations). ``func`` must not touch widgets and must open its
own database session: sessions never cross threads.

A task may be given a ``purpose``: a newer task of the same ``context`` for the same
purpose supersedes the older, whose outcome is then dropped — the one place where stale
results are dropped (a list reloaded twice shows the second load, whichever ends last).

Tests make it synchronous with ``with tasks.synchronous(): ...``.

``ProgressRelay`` carries ``(done, total)`` reports from the worker to the GUI thread.
"""

from __future__ import annotations

import itertools
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

T = TypeVar("T")

_synchronous = False


class _Latest:
    """The newest task of each (context, purpose): older ones are stale when they end."""

    def __init__(self) -> None:
        self._tickets = itertools.count(1)
        self._newest: dict[tuple[int, str], int] = {}

    def issue(self, context: QObject | None, purpose: str | None) -> tuple[tuple[int, str], int]:
        if purpose is None:
            return (0, ""), 0
        if context is None:
            raise ValueError("a task with a purpose needs a context")
        key, ticket = (id(context), purpose), next(self._tickets)
        self._newest[key] = ticket
        return key, ticket

    def drop(self, context: QObject, purpose: str) -> None:
        """Whatever of ``context`` for ``purpose`` is running is stale now."""
        self._newest.pop((id(context), purpose), None)

    def settle(self, key: tuple[int, str], ticket: int) -> bool:
        """True when ``ticket`` is still the newest of ``key`` (and ``key`` is done)."""
        if ticket == 0:
            return True
        if self._newest.get(key) != ticket:
            return False
        del self._newest[key]
        return True


_latest = _Latest()


@dataclass(frozen=True)
class Claim:
    """A task's place among those of its context for its purpose."""

    key: tuple[int, str] = (0, "")
    ticket: int = 0

    def settle(self) -> bool:
        """The task ended: True when no newer one of its context and purpose was started
        (nor dropped it). Call it once."""
        return _latest.settle(self.key, self.ticket)


def claim(context: QObject | None, purpose: str | None) -> Claim:
    """Make a task of ``context`` for ``purpose`` the newest (None: no purpose, never stale)."""
    return Claim(*_latest.issue(context, purpose))


@dataclass(frozen=True)
class _Callbacks:
    on_done: Callable[[Any], None]
    on_error: Callable[[Exception], None] | None
    context: QObject | None
    claim: Claim = Claim()
    on_dropped: Callable[[Any], None] | None = None

    def deliver(self, succeeded: bool, payload: Any) -> None:
        newest = self.claim.settle()
        gone = self.context is not None and not shiboken6.isValid(self.context)
        if gone or not newest:
            # whoever asked has gone, or a newer task for the same purpose was started
            if succeeded and self.on_dropped is not None:
                self.on_dropped(payload)
            return
        if succeeded:
            self.on_done(payload)
        elif self.on_error is not None:
            self.on_error(payload)
        else:
            sys.excepthook(type(payload), payload, payload.__traceback__)


class _Dispatcher(QObject):
    """Lives on the GUI thread for the whole run; workers report to it by a queued signal.

    Workers hold only a task id: the callbacks (and the widgets they reach) stay on the GUI
    thread, and no QObject that a worker signals through is ever deleted under it.
    """

    finished = Signal(int, bool, object)  # task id, succeeded, result or exception

    def __init__(self) -> None:
        super().__init__()
        self._ids = itertools.count(1)
        self.waiting: dict[int, _Callbacks] = {}
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def submit(self, func: Callable[[], Any], callbacks: _Callbacks, pool: QThreadPool) -> None:
        task_id = next(self._ids)
        self.waiting[task_id] = callbacks
        pool.start(_Runnable(func, task_id, self))

    @Slot(int, bool, object)
    def _on_finished(self, task_id: int, succeeded: bool, payload: object) -> None:
        self.waiting.pop(task_id).deliver(succeeded, payload)


class _Runnable(QRunnable):
    def __init__(self, func: Callable[[], Any], task_id: int, dispatcher: _Dispatcher) -> None:
        super().__init__()
        self._func: Callable[[], Any] | None = func
        self._task_id = task_id
        self._dispatcher = dispatcher

    def run(self) -> None:
        func, self._func = self._func, None
        assert func is not None
        try:
            result = func()
        except Exception as exc:
            self._dispatcher.finished.emit(self._task_id, False, exc)
        else:
            self._dispatcher.finished.emit(self._task_id, True, result)


_dispatcher: _Dispatcher | None = None


def run_task(
    func: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[Exception], None] | None = None,
    *,
    context: QObject | None = None,
    pool: QThreadPool | None = None,
    purpose: str | None = None,
    on_dropped: Callable[[T], None] | None = None,
) -> None:
    """Run ``func`` on ``pool`` (the global pool by default); call back on the GUI thread.

    Call it from the GUI thread. ``func`` should not hold on to widgets. When ``context``
    (usually the widget asking) has been destroyed by the time ``func`` returns, the
    outcome is dropped; so is it when a newer task of ``context`` with the same
    ``purpose`` was started meanwhile (or :func:`drop` was called) — then a result that
    holds something to release goes to ``on_dropped``. Without ``on_error`` an exception
    goes to ``sys.excepthook``.
    """
    global _dispatcher
    callbacks = _Callbacks(on_done, on_error, context, claim(context, purpose), on_dropped)
    if _synchronous:
        try:
            result = func()
        except Exception as exc:
            callbacks.deliver(False, exc)
        else:
            callbacks.deliver(True, result)
        return
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    _dispatcher.submit(func, callbacks, pool or QThreadPool.globalInstance())


def pending() -> int:
    """How many tasks started by :func:`run_task` have not yet delivered their outcome."""
    return 0 if _dispatcher is None else len(_dispatcher.waiting)


def drop(context: QObject, purpose: str) -> None:
    """Drop the outcome of ``context``'s running task for ``purpose``, if any."""
    _latest.drop(context, purpose)


@contextmanager
def synchronous() -> Iterator[None]:
    """Within this block ``run_task`` runs ``func`` at once on the calling thread."""
    global _synchronous
    previous, _synchronous = _synchronous, True
    try:
        yield
    finally:
        _synchronous = previous


class ProgressRelay(QObject):
    """Carries ``(done, total)`` reports from a worker thread to ``progressed`` on the GUI thread.

    Reports are coalesced: at most one waits in the event queue and the GUI sees the newest,
    so a fast worker cannot flood the event loop. Delivery is not re-entered when a slot
    spins the event loop (``QProgressDialog.setValue`` does when the dialog is modal).
    Create it on the GUI thread and keep it until the task that reports to it has finished.
    """

    progressed = Signal(int, int)
    _reported = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None
        self._delivering = False
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    def report(self, done: int, total: int) -> None:
        """Thread-safe; usable directly as a ``progress`` callback."""
        with self._lock:
            waiting = self._latest is not None
            self._latest = (done, total)
        if not waiting:
            self._reported.emit()

    @Slot()
    def _on_reported(self) -> None:
        if self._delivering:
            return  # the outer delivery below picks the newest report up
        self._delivering = True
        try:
            while True:
                with self._lock:
                    latest, self._latest = self._latest, None
                if latest is None:
                    break
                self.progressed.emit(*latest)
        finally:
            self._delivering = False
