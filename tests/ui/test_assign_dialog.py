"""The assign dialog proposes the least busy mediator of the case's office (not the one
already handling it) and says how many open cases each has."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import CaseStatus
from ipdesk.ui import tasks
from tests.helpers.factories import People, make_case, make_people, seed
from tests.ui.test_case_view import actor_of, open_view


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


def test_the_least_busy_other_mediator_is_proposed(
    qtbot: QtBot, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
        people: People = make_people(s)
        for _ in range(3):  # mediator2 is busier
            make_case(s, status=CaseStatus.MEDIATING, mediator_id=people.mediator2)
        make_case(s, status=CaseStatus.MEDIATING, mediator_id=people.mediator)
        case_id = make_case(s, status=CaseStatus.ACCEPTED).id
    manager = actor_of(session_factory, people, "manager")
    view = open_view(qtbot, session_factory, manager, case_id, tmp_path)
    qtbot.mouseClick(view.action_buttons["assign_mediator"], Qt.MouseButton.LeftButton)
    dialog = view.action_dialog
    assert dialog is not None
    combo = dialog.mediator_combo  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: combo.count() == 2)
    assert combo.currentData() == people.mediator  # one open case, against three
    assert [combo.itemText(i).split(" — ")[1] for i in range(2)] == [
        "1 open case(s)",
        "3 open case(s)",
    ]
    with qtbot.waitSignal(view.action_done):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert view.detail is not None and view.detail.mediator
