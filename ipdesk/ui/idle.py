"""Work that waits for the user to pause: how long nobody has touched the keyboard or the
mouse in this application, and running a function once they have paused long enough.

The daily backup of a large embedded database (a minute or more of disk and a worker
thread) waits for such a pause, so that it does not compete with someone at work.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)

POLL_MS = 15_000
"""How often a waiting function looks whether the user has paused."""


class UserIdle(QObject):
    """The time of the user's last input anywhere in the application (an event filter on
    the application object; ``clock`` in seconds, monotonic)."""

    def __init__(
        self,
        parent: QObject,
        *,
        clock: Callable[[], float] = time.monotonic,
        poll_ms: int = POLL_MS,
        watching: bool = True,
    ) -> None:
        """``watching=False``: the input is seen from :meth:`watch` on (the filter is a
        Python call for every event of the application, which the first paint's hundreds
        of events wait for while background loads hold the GIL)."""
        super().__init__(parent)
        self._clock = clock
        self._last = clock()
        self._poll_ms = poll_ms
        self._watching = False
        if watching:
            self.watch()

    def watch(self) -> None:
        """See the input from now on (once)."""
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)  # Qt forgets a filter destroyed with its parent
            self._watching = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last = self._clock()
        return False

    def idle_seconds(self) -> float:
        """Seconds since the user's last key press, click, wheel turn or touch."""
        return self._clock() - self._last

    def when_idle(self, func: Callable[[], None], quiet_s: float) -> None:
        """Run ``func`` once the user has been idle for ``quiet_s`` seconds (looked at
        every ``poll_ms``; at once if they already have), while this object lives."""
        if self.idle_seconds() >= quiet_s:
            func()
            return
        timer = QTimer(self)
        timer.setInterval(self._poll_ms)

        def look() -> None:
            if self.idle_seconds() >= quiet_s:
                timer.stop()
                timer.deleteLater()
                func()

        timer.timeout.connect(look)
        timer.start()
