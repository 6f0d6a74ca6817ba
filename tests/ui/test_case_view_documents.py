"""The case view's Documents tab offers only the kinds of the case's stage to those who
issue documents, greys out a kind whose facts are incomplete and says what it lacks."""

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


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as session:
        seed(session)
        return make_people(session)


def _case(factory: sessionmaker[Session], people: People, status: CaseStatus) -> int:
    with factory.begin() as session:
        return make_case(session, status=status, mediator_id=people.mediator).id


def kinds(view: object) -> list[str]:
    combo = view.kind_combo  # type: ignore[attr-defined]
    return [combo.itemData(i) for i in range(combo.count())]


def test_a_case_in_mediation_offers_the_notice_and_the_agreement_to_come(
    qtbot: QtBot, session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    mediator = actor_of(session_factory, people, "mediator")
    view = open_view(
        qtbot,
        session_factory,
        mediator,
        _case(session_factory, people, CaseStatus.MEDIATING),
        tmp_path,
    )
    assert kinds(view) == ["acceptance_notice", "mediation_agreement"]
    assert view.kind_combo.currentData() == "acceptance_notice"  # the first one ready
    assert view.generate_button.isEnabled()
    assert view.missing_label.isHidden()

    view.kind_combo.setCurrentIndex(1)  # the agreement is not recorded yet
    assert not view.generate_button.isEnabled()
    assert not view.missing_label.isHidden()
    assert "调解协议" in view.missing_label.text()
    qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    assert view.error_label.isHidden()  # nothing was even tried


def test_station_staff_are_offered_no_document(
    qtbot: QtBot, session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    staff = actor_of(session_factory, people, "staff")
    view = open_view(
        qtbot,
        session_factory,
        staff,
        _case(session_factory, people, CaseStatus.REGISTERED),
        tmp_path,
    )
    assert kinds(view) == []
    assert not view.kind_combo.isEnabled()
    assert not view.generate_button.isEnabled()
    assert view.missing_label.text()  # says why
