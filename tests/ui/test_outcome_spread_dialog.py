"""View → Outcomes of like cases: the managers' spread per IP type and office."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import User
from ipdesk.services.actors import Actor
from ipdesk.ui import tasks
from ipdesk.ui.similar_cases.spread import OutcomeSpreadDialog
from tests.helpers.desks import make_desk
from tests.helpers.qt import cell_text
from tests.services.test_similar_cases import world  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


def test_the_spread_per_ip_type_and_office(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    world: dict[str, int],  # noqa: F811
) -> None:
    with session_factory() as s:
        city = Actor.of(s.get(User, world["city"]))  # type: ignore[arg-type]
    dialog = OutcomeSpreadDialog(make_desk(session_factory, city, today=dt.date(2026, 12, 1)))
    qtbot.addWidget(dialog)
    dialog.ip_type.setCurrentIndex(dialog.ip_type.findData("patent_utility_model"))
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.reload()
    rows = {
        cell_text(dialog.table, r, 1): [
            cell_text(dialog.table, r, c) for c in range(dialog.table.columnCount())
        ]
        for r in range(dialog.table.rowCount())
    }
    assert set(rows) == {"TL01", "TL02"}
    assert rows["TL01"][2] == "2" and rows["TL01"][4] == "2"  # two finished, two amounts
    assert rows["TL01"][5:] == ["8,000.00", "14,000.00", "20,000.00"]
    assert rows["TL02"][2] == "1"
    # every IP type: the trademark case closed with the same right number is counted too
    dialog.ip_type.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.reload()
    assert dialog.rows is not None and {r.ip_type for r in dialog.rows} == {
        "patent_utility_model",
        "trademark",
    }


def test_a_mediator_is_refused(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    world: dict[str, int],  # noqa: F811
) -> None:
    with session_factory() as s:
        mediator = Actor.of(s.get(User, world["mediator"]))  # type: ignore[arg-type]
    dialog = OutcomeSpreadDialog(make_desk(session_factory, mediator, today=dt.date(2026, 12, 1)))
    qtbot.addWidget(dialog)
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.summary_label.text() != "", timeout=10_000)
    assert dialog.rows is None and dialog.table.rowCount() == 0
