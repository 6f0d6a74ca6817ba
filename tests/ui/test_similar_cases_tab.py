"""The case view's "Like cases" tab: the like cases and, for managers, the spread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import User
from ipdesk.services.actors import Actor
from ipdesk.ui import tasks
from ipdesk.ui.similar_cases.tab import SimilarCasesTab
from tests.helpers.desks import make_desk
from tests.helpers.qt import cell_text
from tests.services.test_similar_cases import world  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.mark.parametrize(("who", "spread"), [("manager", True), ("mediator", False)])
def test_like_cases_and_the_spread(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    world: dict[str, int],  # noqa: F811
    who: str,
    spread: bool,
) -> None:
    with session_factory() as s:
        actor = Actor.of(s.get(User, world[who]))  # type: ignore[arg-type]
    desk = make_desk(session_factory, actor, today=dt.date(2026, 12, 1))
    tab = SimilarCasesTab(desk, world["target"])
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.show()
    assert tab.table.rowCount() == 2  # same right, like facts (TL02's case is out of scope)
    assert cell_text(tab.table, 0, 3) == "8,000.00"
    assert "same right" in cell_text(tab.table, 0, 5)
    assert tab.spread_table.isVisibleTo(tab) is spread
    if spread:
        assert tab.spread_table.rowCount() == 1 and cell_text(tab.spread_table, 0, 0) == "TL01"
        assert cell_text(tab.spread_table, 0, 4) == "14,000.00"
