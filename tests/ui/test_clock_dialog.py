"""Suspending, resuming and extending from the case view: the dialogs, the preview of the
new due date before saving, refusals kept in the dialog, the limit label."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import CaseStatus, ClockAdjustment
from ipdesk.services.actors import Actor
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui import tasks
from ipdesk.ui.case_view import CaseView
from ipdesk.ui.case_view.clock_dialog import ClockDialog
from ipdesk.ui.stores import FileStores
from tests.helpers.desks import make_desk
from tests.helpers.factories import People, make_case_with_limits, make_people, seed
from tests.helpers.qt import cell_text

TODAY = legal_today()


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as session:
        seed(session)
        return make_people(session)


def open_view(
    qtbot: QtBot, factory: sessionmaker[Session], people: People, who: str, tmp_path: Path
) -> CaseView:
    with factory.begin() as session:
        case = make_case_with_limits(
            session,
            "TL01-S01",
            CaseStatus.MEDIATING,
            received_on=TODAY - dt.timedelta(days=10),
            mediator_id=people.mediator,
        )
        actor: Actor = people.actor(session, who)
    view = CaseView(
        make_desk(
            factory, actor, stores=FileStores(tmp_path / "attachments", tmp_path / "documents")
        ),
        case.id,
        attachment_store=tmp_path / "attachments",
        document_store=tmp_path / "documents",
    )
    qtbot.addWidget(view)
    view.show()
    assert view.detail is not None
    return view


def open_clock(qtbot: QtBot, view: CaseView, action: str) -> ClockDialog:
    qtbot.mouseClick(view.action_buttons[action], Qt.MouseButton.LeftButton)
    dialog = view.action_dialog
    assert isinstance(dialog, ClockDialog)
    qtbot.waitUntil(lambda: dialog.preview_value is not None)
    return dialog


def test_only_managers_see_the_clock_buttons(
    qtbot: QtBot, session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    mediator = open_view(qtbot, session_factory, people, "mediator", tmp_path)
    assert not {"suspend", "resume", "extend"} & set(mediator.action_buttons)
    manager = open_view(qtbot, session_factory, people, "manager", tmp_path)
    assert {"suspend", "extend"} <= set(manager.action_buttons)
    assert "resume" not in manager.action_buttons  # not suspended


def test_suspend_resume_extend_with_the_new_due_date_shown_first(
    qtbot: QtBot, session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    view = open_view(qtbot, session_factory, people, "manager", tmp_path)
    assert view.detail is not None
    due = view.detail.due_on
    assert due is not None

    # -- suspend: the preview says the clock stops; the reason is required
    dialog = open_clock(qtbot, view, "suspend")
    assert dialog.approver_label.text().startswith(view.actor.name)
    assert dialog.current_label.text() == due.isoformat()
    preview = dialog.preview_value
    assert preview is not None and preview.due_after is None and preview.remaining_days
    with qtbot.waitSignal(dialog.refused):
        dialog.submit()
    assert dialog.isVisible() and dialog.error_text()  # kept open, the input kept
    dialog.reason_edit.setPlainText("委托司法鉴定机构进行技术鉴定")
    with qtbot.waitSignal(view.action_done, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.is_suspended)
    assert TODAY.isoformat() in view.limit_label.text()  # suspended since today
    assert "resume" in view.action_buttons and "suspend" not in view.action_buttons

    # -- resume: the preview is the due date saving gives
    dialog = open_clock(qtbot, view, "resume")
    preview = dialog.preview_value
    assert preview is not None and preview.due_after == due  # suspended 0 days
    assert due.isoformat() in dialog.preview_label.text()
    with qtbot.waitSignal(view.action_done, timeout=10_000):
        dialog.submit()
    qtbot.waitUntil(lambda: view.detail is not None and not view.detail.is_suspended)

    # -- extend: changing the days recomputes the preview after a pause
    dialog = open_clock(qtbot, view, "extend")
    dialog.days_spin.setValue(10)
    qtbot.waitUntil(
        lambda: dialog.preview_value is not None and dialog.preview_value.extended_days == 10
    )
    assert dialog.preview_value is not None
    new_due = dialog.preview_value.due_after
    assert new_due is not None and new_due > due
    assert new_due.isoformat() in dialog.preview_label.text()
    dialog.reason_edit.setPlainText("案情复杂，需补充鉴定")
    with qtbot.waitSignal(view.action_done, timeout=10_000):
        dialog.submit()
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.due_on == new_due)
    assert new_due.isoformat() in view.limit_label.text()

    # -- the timeline names the approver and the due dates
    notes = [cell_text(view.timeline_table, r, 4) for r in range(view.timeline_table.rowCount())]
    assert any("委托司法鉴定机构进行技术鉴定" in n and view.actor.name in n for n in notes)
    assert any(f"{due.isoformat()} → {new_due.isoformat()}" in n for n in notes)
    with session_factory() as session:
        rows = session.scalars(select(ClockAdjustment)).all()
        assert {r.approved_by_id for r in rows} == {view.actor.user_id}


def test_a_refused_preview_is_shown_in_the_dialog(
    qtbot: QtBot, session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    view = open_view(qtbot, session_factory, people, "manager", tmp_path)
    dialog = open_clock(qtbot, view, "suspend")
    assert view.detail is not None and view.detail.accepted_on is not None
    dialog.day_edit.setMinimumDate(dialog.day_edit.minimumDate().addYears(-5))
    dialog.day_edit.setDate(dialog.day_edit.date().addDays(-30))  # before the acceptance
    qtbot.waitUntil(lambda: dialog.preview_value is None, timeout=5_000)
    assert view.detail.accepted_on.isoformat() in dialog.preview_label.text()
