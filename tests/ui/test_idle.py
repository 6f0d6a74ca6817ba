"""Work that waits for the user to pause (ipdesk.ui.idle)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from ipdesk.ui.idle import UserIdle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_input_anywhere_in_the_application_resets_the_idle_time(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    field = QLineEdit()
    qtbot.addWidget(field)
    clock = Clock()
    idle = UserIdle(owner, clock=clock)
    clock.now += 50
    assert idle.idle_seconds() == 50
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert idle.idle_seconds() == 0
    clock.now += 7
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert idle.idle_seconds() == 0


def test_a_function_waits_until_the_user_has_paused_long_enough(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    field = QLineEdit()
    qtbot.addWidget(field)
    clock = Clock()
    idle = UserIdle(owner, clock=clock, poll_ms=10)
    ran: list[float] = []
    idle.when_idle(lambda: ran.append(clock.now), quiet_s=120)
    qtbot.wait(50)
    assert ran == []  # nobody paused yet
    clock.now += 100
    qtbot.keyClick(field, Qt.Key.Key_B)  # still at work
    clock.now += 100
    qtbot.wait(50)
    assert ran == []  # 100 s since the last key: not long enough
    clock.now += 20
    qtbot.waitUntil(lambda: ran == [clock.now], timeout=2000)
    qtbot.wait(50)
    assert len(ran) == 1  # once


def test_a_function_runs_at_once_when_the_user_has_paused_already(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    clock = Clock()
    idle = UserIdle(owner, clock=clock)
    clock.now += 300
    ran: list[int] = []
    idle.when_idle(lambda: ran.append(1), quiet_s=120)
    assert ran == [1]


def test_input_is_seen_from_watch_on_when_not_watching_at_first(qtbot: QtBot) -> None:
    """The start-up's watcher (a large database's daily backup) begins once the first page
    is filled: the first paint's events do not go through it."""
    owner = QWidget()
    qtbot.addWidget(owner)
    field = QLineEdit()
    qtbot.addWidget(field)
    clock = Clock()
    idle = UserIdle(owner, clock=clock, watching=False)
    clock.now += 50
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert idle.idle_seconds() == 50  # not watching yet
    idle.watch()
    idle.watch()  # once
    qtbot.keyClick(field, Qt.Key.Key_B)
    assert idle.idle_seconds() == 0
