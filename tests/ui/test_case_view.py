"""The case view: what each role sees and may do, a transition, a stale save."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseStatus
from ipdesk.services.actors import Actor
from ipdesk.services.cases import routing
from ipdesk.ui import tasks
from ipdesk.ui.case_view import CaseView
from ipdesk.ui.case_view.actions import ActionDialog
from ipdesk.ui.stores import FileStores
from tests.helpers.desks import make_desk
from tests.helpers.factories import People, make_case, make_people, seed
from tests.helpers.qt import cell_text

PERSON_ID = "150502198005170016"


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as session:
        seed(session)
        return make_people(session)


def actor_of(factory: sessionmaker[Session], people: People, name: str) -> Actor:
    with factory() as session:
        return people.actor(session, name)


def registered_case(factory: sessionmaker[Session], **kw: object) -> int:
    with factory.begin() as session:
        case = make_case(session, **kw)  # type: ignore[arg-type]
        case.parties[0].id_number = PERSON_ID
        return case.id


def open_view(
    qtbot: QtBot, factory: sessionmaker[Session], actor: Actor, case_id: int, tmp_path: Path
) -> CaseView:
    view = CaseView(
        make_desk(
            factory, actor, stores=FileStores(tmp_path / "attachments", tmp_path / "documents")
        ),
        case_id,
        attachment_store=tmp_path / "attachments",
        document_store=tmp_path / "documents",
    )
    qtbot.addWidget(view)
    view.show()
    assert view.detail is not None
    return view


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("staff", ["correct", "add_evidence"]),  # their station's case, still registered
        ("mediator2", []),  # not this case's mediator
        ("mediator", ["accept", "reject", "correct", "add_evidence"]),
        ("manager", ["accept", "reject", "assign_mediator", "transfer", "correct", "add_evidence"]),
        ("manager_other", None),  # another office: may not open it
    ],
)
def test_actions_shown_per_role(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    people: People,
    tmp_path: Path,
    who: str,
    expected: list[str] | None,
) -> None:
    case_id = registered_case(session_factory, mediator_id=people.mediator)
    actor = actor_of(session_factory, people, who)
    view = CaseView(
        make_desk(session_factory, actor, stores=FileStores(tmp_path, tmp_path)),
        case_id,
        attachment_store=tmp_path,
        document_store=tmp_path,
    )
    qtbot.addWidget(view)
    if expected is None:
        assert view.detail is None and view.error_label.text()
        return
    assert list(view.action_buttons) == expected
    masked = cell_text(view.parties_table, 0, 3)
    assert masked != PERSON_ID and masked.startswith("1505") and masked.endswith("0016")
    assert (not view.reveal_button.isHidden()) == actor.may_view_personal_data


def test_reveal_shows_full_id_number_for_those_who_may(
    qtbot: QtBot, session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    case_id = registered_case(session_factory)
    view = open_view(
        qtbot, session_factory, actor_of(session_factory, people, "manager"), case_id, tmp_path
    )
    qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    assert cell_text(view.parties_table, 0, 3) == PERSON_ID
    assert not view.reveal_button.isEnabled()


def test_accept_through_its_dialog(
    qtbot: QtBot, session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    case_id = registered_case(session_factory)
    view = open_view(
        qtbot, session_factory, actor_of(session_factory, people, "manager"), case_id, tmp_path
    )
    assert "Not accepted yet" in view.limit_label.text()
    qtbot.mouseClick(view.action_buttons["accept"], Qt.MouseButton.LeftButton)
    dialog = view.action_dialog
    assert isinstance(dialog, ActionDialog) and dialog.isVisible()
    with qtbot.waitSignal(view.action_done) as done:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert done.args == ["accept"]
    assert view.detail is not None and view.detail.status == "accepted"
    assert "day(s) left" in view.limit_label.text()
    assert "accept" not in view.action_buttons
    events = [cell_text(view.timeline_table, r, 1) for r in range(view.timeline_table.rowCount())]
    assert events[-1] == "Accepted"


def test_stale_case_keeps_the_input_and_offers_a_reload(
    qtbot: QtBot, session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    case_id = registered_case(session_factory)
    manager = actor_of(session_factory, people, "manager")
    view = open_view(qtbot, session_factory, manager, case_id, tmp_path)
    dialog = view.open_action("reject")
    assert isinstance(dialog, ActionDialog)
    qtbot.keyClicks(dialog.reason_edit, "Not an IP dispute")

    # Meanwhile another user changes the case.
    with session_factory.begin() as session:
        version = session.get(Case, case_id).version_id  # type: ignore[union-attr]
        routing.assign_mediator(session, manager, case_id, version, people.mediator)

    with qtbot.waitSignal(dialog.stale):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Someone else saved this record" in dialog.error_text()
    assert dialog.reload_button.isVisible()
    assert dialog.reason_edit.toPlainText() == "Not an IP dispute"

    with qtbot.waitSignal(view.loaded):
        qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_edit.toPlainText() == "Not an IP dispute"
    with qtbot.waitSignal(view.action_done):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert view.detail is not None and view.detail.status == CaseStatus.REJECTED.value


def test_refusal_is_shown_in_the_dialog(
    qtbot: QtBot, session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    case_id = registered_case(session_factory)
    view = open_view(
        qtbot, session_factory, actor_of(session_factory, people, "manager"), case_id, tmp_path
    )
    dialog = view.open_action("reject")
    assert isinstance(dialog, ActionDialog)
    with qtbot.waitSignal(dialog.refused):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Please give the reason." in dialog.error_text()
    assert not dialog.reload_button.isVisible()


def test_evidence_opens_with_the_system_viewer(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import hashlib

    from ipdesk.models import Attachment
    from ipdesk.services.infra import blobs

    case_id = registered_case(session_factory)
    data = b"%PDF-1.4 invoice"
    sha256 = hashlib.sha256(data).hexdigest()
    with session_factory.begin() as session:
        blobs.put_bytes(session, data, kind="pdf", max_bytes=1 << 20)
        session.add(
            Attachment(
                case_id=case_id,
                original_name="发票.pdf",
                stored_name=f"{case_id}/{sha256}.pdf",
                sha256=sha256,
                size=len(data),
            )
        )
    opened: list[QUrl] = []

    def open_url(cls: type[CaseView], url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(CaseView, "open_url", classmethod(open_url))
    view = open_view(
        qtbot, session_factory, actor_of(session_factory, people, "staff"), case_id, tmp_path
    )
    assert cell_text(view.evidence_table, 0, 0) == "发票.pdf"
    view.open_attachment(0)  # a private copy written from the database
    qtbot.waitUntil(lambda: bool(opened))
    copy = tmp_path / "attachments" / str(case_id) / f"{sha256}.pdf"
    assert opened[0].toLocalFile() == str(copy)
    assert copy.read_bytes() == data
