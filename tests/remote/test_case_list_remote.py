"""The case list on a desk in network mode (a real ``ipdesk-server`` on 127.0.0.1 over
TLS): the first page, the count, the ids snapshot and later pages by their ids all go
through the server's named calls, within the user's scope."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, User
from ipdesk.services.actors import Actor
from ipdesk.services.queries import cases_query
from ipdesk.services.queries.cases_query import CaseFilter, CaseSort
from ipdesk.ui.cases.model import CASE_ID_ROLE, CaseTableModel
from tests.helpers import factories as f
from tests.remote.test_two_desktops import Desktop, open_desktop
from tests.server.conftest import People, Running, ca, people, server  # noqa: F401


@pytest.fixture
def made() -> Iterator[list[Desktop]]:
    desktops: list[Desktop] = []
    yield desktops
    for desktop in desktops:
        desktop.close()


def test_the_case_list_on_a_remote_desk(
    qtbot: QtBot,
    server: Running,  # noqa: F811
    people: People,  # noqa: F811
    session_factory: sessionmaker[Session],
    made: list[Desktop],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cases_query, "_WALK_SORT_INDEX_ABOVE", 2)  # "many" from 3 on
    with session_factory.begin() as s:
        for _ in range(7):
            f.make_case(s, "TL01-S01")
        manager = s.scalars(select(User).where(User.username == people.manager_a)).one()
        actor = Actor.of(manager)
    with session_factory() as s:
        want = cases_query.case_ids(s, actor, CaseFilter(), CaseSort())
        numbers = {c.id: c.number for c in s.scalars(select(Case))}
    assert len(want) == 9  # the office's: TL02's case is not among them

    office = open_desktop(server, people.manager_a, tmp_path / "office", made)
    model = CaseTableModel(office.desk, page_size=2)
    with qtbot.waitSignal(model.first_rows, timeout=20_000) as shown:
        model.reload()
    assert shown.args == [2] and model.counting
    with qtbot.waitSignal(model.loaded, timeout=20_000) as counted:
        pass
    assert counted.args == [9]
    qtbot.waitUntil(lambda: model.snapshot, timeout=20_000)
    snapshot = model._ids  # came as 4-byte integers in base64 (codec "ints"), not a list
    assert isinstance(snapshot, array) and snapshot.typecode == "q"
    assert snapshot.tolist() == want
    assert [model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(9)] == want

    last = model.index(8, 0)
    assert model.data(last) is None  # fetched from the server by its id, then shown
    with qtbot.waitSignal(model.dataChanged, timeout=20_000):
        pass
    assert model.data(last) == numbers[want[8]]
