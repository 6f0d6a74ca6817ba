"""Issue 4's flow through the UI: station staff register a case, the office manager
assigns it, the mediator accepts, mediates, records the agreement and closes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Role, User
from ipdesk.services.admin.auth import sign_in
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui import tasks
from ipdesk.ui.agreement import AgreementEditor
from ipdesk.ui.agreement.obligations import AMOUNT, DESCRIPTION, DUE
from ipdesk.ui.case_view import CaseView
from ipdesk.ui.intake.dialog import IntakeDialog
from ipdesk.ui.qdates import to_qdate
from ipdesk.ui.stores import FileStores
from tests.helpers.desks import make_desk
from tests.helpers.factories import TEST_PASSWORD, make_user, seed
from tests.ui.test_intake_dialog import fill_valid


@pytest.fixture(autouse=True)
def _synchronous(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(IntakeDialog, "ask", classmethod(lambda cls, parent, title, text: True))
    with tasks.synchronous():
        yield


@runtime_checkable
class Confirmable(Protocol):
    """What every action's dialog has (ActionDialog, the agreement editor, the clock's)."""

    ok_button: QPushButton


def act(qtbot: QtBot, view: CaseView, action: str, fill: object = None) -> None:
    """Press the action's button, fill its dialog, confirm; the view reloads."""
    assert action in view.action_buttons, (action, list(view.action_buttons))
    qtbot.mouseClick(view.action_buttons[action], Qt.MouseButton.LeftButton)
    dialog = view.action_dialog
    assert isinstance(dialog, Confirmable)
    if callable(fill):
        fill(dialog)
    with qtbot.waitSignal(view.action_done, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_case_from_the_counter_to_closing(
    qtbot: QtBot, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as session:
        seed(session)
        make_user(session, Role.STATION_STAFF, station="TL01-S01", username="counter")
        make_user(session, Role.OFFICE_MANAGER, office="TL01", username="boss")
        mediator = make_user(
            session, Role.MEDIATOR, office="TL01", username="med", display_name="调解员甲"
        )
        mediator_id = mediator.id
    stores: dict[str, Any] = {
        "attachment_store": tmp_path / "att",
        "document_store": tmp_path / "docs",
    }
    files = FileStores(tmp_path / "att", tmp_path / "docs")

    # 1. At the counter.
    staff = sign_in(session_factory, "counter", TEST_PASSWORD).actor
    dialog = IntakeDialog(
        make_desk(session_factory, staff),
        store=tmp_path / "att",
        draft_path=tmp_path / "draft.json",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    fill_valid(qtbot, dialog)
    with qtbot.waitSignal(dialog.case_registered) as registered:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    case_id, number = registered.args
    staff_view = CaseView(make_desk(session_factory, staff, stores=files), case_id, **stores)
    qtbot.addWidget(staff_view)
    assert staff_view.available == ["correct", "add_evidence"]  # before acceptance

    # 2. The office manager assigns it.
    manager = sign_in(session_factory, "boss", TEST_PASSWORD).actor
    view = CaseView(make_desk(session_factory, manager, stores=files), case_id, **stores)
    qtbot.addWidget(view)

    def pick_mediator(d: object) -> None:
        combo = d.mediator_combo  # type: ignore[attr-defined]
        combo.setCurrentIndex(combo.findData(mediator_id))

    act(qtbot, view, "assign_mediator", pick_mediator)
    assert view.detail is not None and view.detail.mediator == "调解员甲"

    # 3. The mediator takes it from there.
    med = sign_in(session_factory, "med", TEST_PASSWORD).actor
    view = CaseView(make_desk(session_factory, med, stores=files), case_id, **stores)
    qtbot.addWidget(view)
    act(qtbot, view, "accept")
    act(qtbot, view, "start_mediation")

    def terms(editor: AgreementEditor) -> None:  # the agreement with its terms
        rows = editor.obligations
        rows.setData(rows.index(0, DESCRIPTION), "赔偿经济损失")
        rows.setData(rows.index(0, AMOUNT), "8000")
        rows.setData(rows.index(0, DUE), to_qdate(legal_today() + dt.timedelta(days=30)))

    act(qtbot, view, "record_agreement", terms)
    act(qtbot, view, "close")
    detail = view.detail
    assert detail is not None and detail.number == number
    assert detail.status == "closed" and detail.outcome == "agreement"
    assert detail.closed_on == legal_today()
    events = [e.kind for e in detail.timeline]
    assert events == [
        "registered",
        "assigned",
        "accepted",
        "mediation_started",
        "agreement_recorded",
        "closed",
    ]
    users = [e.user for e in detail.timeline]
    with session_factory() as session:
        names = {u.username: u.display_name for u in session.scalars(select(User))}
    assert users == [
        names["counter"],
        names["boss"],
        names["med"],
        names["med"],
        names["med"],
        names["med"],
    ]
    assert view.available == []  # only the manager may reopen
    assert isinstance(detail.accepted_on, dt.date)
