"""The "My work" page: a mediator's cases, the cases to assign, a station's cases."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseStatus, Role
from ipdesk.remote.calls import Call, call
from ipdesk.services.actors import Actor
from ipdesk.services.cases import routing
from ipdesk.services.cases.routing import CaseRow, WorkList
from ipdesk.ui import tasks
from ipdesk.ui.desk import Desk
from ipdesk.ui.worklists import CASE_ID_ROLE, WorkListModel, WorkListPage, work_list_kind
from ipdesk.ui.worklists.page import MY_CASES, STATION_CASES, TO_ASSIGN
from tests.helpers.desks import make_desk
from tests.helpers.factories import make_case, make_people

TODAY = dt.date(2026, 11, 27)
NO_DATA = sessionmaker(create_engine("sqlite://"))
"""Sessions on an empty in-memory database, for loaders that read nothing."""


@pytest.fixture
def sync() -> Iterator[None]:
    with tasks.synchronous():
        yield


def row(case_id: int, due: dt.date | None = None, **kw: object) -> CaseRow:
    fields: dict[str, object] = {
        "id": case_id,
        "number": f"TL01-2026-{case_id:05d}",
        "status": CaseStatus.MEDIATING,
        "received_on": dt.date(2026, 10, 1),
        "due_on": due,
        "parties": "张三 与 某某公司",
        "office_code": "TL01",
        "station_code": "TL01-S01",
        "mediator_name": "调解员甲",
        "is_suspended": False,
        "version": 1,
    }
    fields.update(kw)
    return CaseRow(**fields)  # type: ignore[arg-type]


class Pages:
    """A desk's backend serving the pages of ``rows`` from memory; records each (limit,
    offset) asked for and the thread that asked."""

    actor = Actor.system()

    def __init__(self, rows: list[CaseRow], calls: list[tuple[int, int]]) -> None:
        self.rows, self.calls = rows, calls
        self.threads: list[int] = []

    def run(self, c: Call[Any], mode: object, today: dt.date) -> Any:
        limit, offset = c.kwargs["limit"], c.kwargs["offset"]
        self.calls.append((limit, offset))
        self.threads.append(threading.get_ident())
        return WorkList(tuple(self.rows[offset : offset + limit]), len(self.rows), limit, offset)

    def run_query(self, query: object, mode: object) -> Any:
        raise AssertionError("a work list asks by name")

    def local_engine(self) -> None:
        return None

    def materialise(self, result: object, sha256: object) -> Path:
        raise AssertionError("no files here")


def desk_of(rows: list[CaseRow], calls: list[tuple[int, int]]) -> Desk:
    return Desk(Pages(rows, calls), today=lambda: TODAY)


def test_the_model_fetches_pages_as_asked_and_passes_the_model_tester(
    qtmodeltester: ModelTester, sync: None
) -> None:
    rows = [row(i, TODAY + dt.timedelta(days=i - 3)) for i in range(1, 12)]
    calls: list[tuple[int, int]] = []
    model = WorkListModel(desk_of(rows, calls), call(routing.my_cases), page_size=4)
    model.reload()
    assert (model.rowCount(), model.total, calls) == (4, 11, [(4, 0)])
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 8 and calls[-1] == (4, 4)
    # (Checked once: a second check on the same model would watch its signals twice.)
    qtmodeltester.check(model, force_py=True)  # fetches the rest on its walk
    assert model.rowCount() == 11 and not model.canFetchMore(QModelIndex())
    # Overdue rows (due before today, clock running) are red; days left are counted.
    overdue = model.index(0, model.column_of("days_left"))
    assert overdue.data() == "-2"
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color().red() == 180
    assert model.index(5, model.column_of("days_left")).data() == "3"
    assert model.index(5, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(5, 0).data(CASE_ID_ROLE) == 6
    assert model.index(5, model.column_of("status")).data() == "Mediating"


@pytest.mark.parametrize(
    "status",
    [CaseStatus.FAILED, CaseStatus.WITHDRAWN, CaseStatus.ADJUDICATED, CaseStatus.CLOSED],
)
def test_a_finished_case_has_no_days_left_and_is_never_overdue(
    status: CaseStatus, sync: None
) -> None:
    """Failed, withdrawn, decided and closed cases are finished work whose clock stopped
    (design.md): their due date stays shown, but neither days left nor the overdue red,
    whether it is past or not."""
    dues = [TODAY - dt.timedelta(days=5), TODAY + dt.timedelta(days=3)]
    rows = [row(i + 1, due, status=status) for i, due in enumerate(dues)]
    model = WorkListModel(desk_of(rows, []), call(routing.my_cases))
    model.reload()
    for r in range(2):
        assert model.index(r, model.column_of("days_left")).data() == ""
        assert model.index(r, 0).data(Qt.ItemDataRole.ForegroundRole) is None
        assert model.index(r, model.column_of("due")).data() == dues[r].isoformat()


def test_pages_never_repeat_a_case_and_a_shrunk_list_stops_fetching(sync: None) -> None:
    rows = [row(i) for i in range(1, 6)]
    calls: list[tuple[int, int]] = []
    model = WorkListModel(desk_of(rows, calls), call(routing.my_cases), page_size=2)
    model.reload()

    def ids() -> list[int]:
        return [model.row_at(r).id for r in range(model.rowCount())]  # type: ignore[union-attr]

    assert ids() == [1, 2]
    rows.insert(0, row(9))  # a case joined the list meanwhile: the next page starts at 2
    model.fetchMore(QModelIndex())
    assert ids() == [1, 2, 3] and model.total == 6
    del rows[3:]  # the cases after the last shown left the list: an empty page
    model.fetchMore(QModelIndex())
    assert ids() == [1, 2, 3] and not model.canFetchMore(QModelIndex())
    model.reload()  # a reload starts again from the first page
    assert ids() == [9, 1] and model.total == 3


def test_pages_load_off_the_gui_thread(qtbot: QtBot) -> None:
    rows = [row(i) for i in range(1, 4)]
    desk = desk_of(rows, [])
    threads = desk.backend.threads  # type: ignore[attr-defined]
    model = WorkListModel(desk, call(routing.my_cases), page_size=2)
    with qtbot.waitSignal(model.loaded, timeout=10_000) as blocker:
        model.reload()
    assert blocker.args == [3] and model.rowCount() == 2
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 3
    assert threading.get_ident() not in threads


# -- the page on a database ------------------------------------------------------------------


@pytest.fixture
def office(seeded: sessionmaker[Session]) -> tuple[sessionmaker[Session], dict[str, Actor]]:
    """TL01: two cases of the mediator (one overdue), one closed, two waiting for a
    mediator; one waiting at TL02; station TL01-S01's cases."""
    with seeded.begin() as s:
        people = make_people(s)
        mine = people.mediator
        make_case(
            s,
            status=CaseStatus.MEDIATING,
            mediator_id=mine,
            due_on=TODAY - dt.timedelta(days=2),
            applicant="王伟",
        )
        make_case(
            s, status=CaseStatus.ACCEPTED, mediator_id=mine, due_on=TODAY + dt.timedelta(days=20)
        )
        make_case(s, status=CaseStatus.CLOSED, mediator_id=mine)
        make_case(s, "TL01-S02", CaseStatus.REGISTERED, received_on=dt.date(2026, 11, 1))
        make_case(s, "TL01-S01", CaseStatus.ACCEPTED, received_on=dt.date(2026, 11, 2))
        make_case(s, "TL02-S01", CaseStatus.REGISTERED, received_on=dt.date(2026, 10, 30))
        actors = {
            name: people.actor(s, name)
            for name in ("mediator", "mediator2", "manager", "city", "staff", "admin")
        }
    return seeded, actors


def make_page(qtbot: QtBot, factory: sessionmaker[Session], who: Actor) -> WorkListPage:
    page = WorkListPage(make_desk(factory, who, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.reload()
    return page


def numbers(page: WorkListPage) -> list[str]:
    return [page.model.row_at(r).number for r in range(page.model.rowCount())]  # type: ignore[union-attr]


def test_each_role_has_its_work_list(
    office: tuple[sessionmaker[Session], dict[str, Actor]],
) -> None:
    _, actors = office
    assert work_list_kind(actors["mediator"]) == MY_CASES
    assert work_list_kind(actors["manager"]) == work_list_kind(actors["city"]) == TO_ASSIGN
    assert work_list_kind(actors["staff"]) == STATION_CASES
    assert work_list_kind(actors["admin"]) is None
    with pytest.raises(ValueError):
        WorkListPage(make_desk(NO_DATA, actors["admin"]))


def test_a_mediator_sees_their_open_cases_most_urgent_first_and_opens_one(
    qtbot: QtBot, office: tuple[sessionmaker[Session], dict[str, Actor]], sync: None
) -> None:
    factory, actors = office
    page = make_page(qtbot, factory, actors["mediator"])
    assert page.model.rowCount() == 2
    first = page.model.row_at(0)
    assert first is not None and first.parties.startswith("王伟")
    assert page.summary.text() == "2 open case(s) assigned to you"
    assert page.assign_button.isHidden()
    assert page.view.isColumnHidden(page.model.column_of("mediator"))

    page.show()
    qtbot.waitExposed(page)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(1, 0))
    with qtbot.waitSignal(page.case_open_requested) as blocker:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    second = page.model.row_at(1)
    assert second is not None and blocker.args == [second.id]
    cell = page.view.visualRect(page.model.index(0, 1)).center()
    with qtbot.waitSignal(page.case_open_requested) as blocker:
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert blocker.args == [first.id]


def test_an_office_manager_assigns_from_the_list(
    qtbot: QtBot, office: tuple[sessionmaker[Session], dict[str, Actor]], sync: None
) -> None:
    factory, actors = office
    page = make_page(qtbot, factory, actors["manager"])
    assert len(numbers(page)) == 2  # TL01's, oldest first; not TL02's
    assert page.office_combo.isHidden()
    assert not page.assign_button.isEnabled()  # nothing selected
    page.view.selectRow(0)
    assert page.assign_button.isEnabled()
    waiting = page.selected_case()
    assert waiting is not None and waiting.status == CaseStatus.REGISTERED

    dialog = page.assign_selected()
    assert dialog is not None and dialog.action == "assign_mediator"
    qtbot.addWidget(dialog)
    mediator2 = actors["mediator2"].user_id
    dialog.mediator_combo.setCurrentIndex(dialog.mediator_combo.findData(mediator2))
    with qtbot.waitSignal(page.loaded):  # the desk told the page of the change
        dialog.submit()
    with factory() as s:
        case = s.get(Case, waiting.id)
        assert case is not None and case.mediator_id == mediator2
    assert len(numbers(page)) == 1 and waiting.number not in numbers(page)


def test_a_stale_assignment_keeps_the_choice_and_applies_to_the_reloaded_case(
    qtbot: QtBot, office: tuple[sessionmaker[Session], dict[str, Actor]], sync: None
) -> None:
    factory, actors = office
    page = make_page(qtbot, factory, actors["manager"])
    page.view.selectRow(0)
    waiting = page.selected_case()
    assert waiting is not None
    dialog = page.assign_selected()
    assert dialog is not None
    qtbot.addWidget(dialog)
    with factory.begin() as s:  # someone else changes the case meanwhile
        case = s.get(Case, waiting.id)
        assert case is not None
        case.facts = case.facts + "（补充）"
    with qtbot.waitSignal(dialog.stale):
        dialog.submit()
    dialog.reload_button.click()  # the list reloads; the dialog gets the new version
    assert dialog.version == waiting.version + 1
    with qtbot.waitSignal(page.loaded):  # the desk told the page of the change
        dialog.submit()


def test_a_city_manager_chooses_the_office(
    qtbot: QtBot, office: tuple[sessionmaker[Session], dict[str, Actor]], sync: None
) -> None:
    factory, actors = office
    page = make_page(qtbot, factory, actors["city"])
    assert not page.office_combo.isHidden()
    assert [n[:4] for n in numbers(page)] == ["TL02", "TL01", "TL01"]  # oldest first
    assert not page.view.isColumnHidden(page.model.column_of("office"))
    page.office_combo.setCurrentIndex(page.office_combo.findData("TL02"))
    assert [n[:4] for n in numbers(page)] == ["TL02"]
    page.view.selectRow(0)
    dialog = page.assign_selected()  # the mediators of TL02 are offered
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.mediator_combo.count() == 1


def test_station_staff_see_their_station_newest_first(
    qtbot: QtBot, office: tuple[sessionmaker[Session], dict[str, Actor]], sync: None
) -> None:
    factory, actors = office
    page = make_page(qtbot, factory, actors["staff"])
    assert page.model.rowCount() == 4  # TL01-S01's: three of the mediator's office, one waiting
    received = [page.model.row_at(r).received_on for r in range(4)]  # type: ignore[union-attr]
    assert received == sorted(received, reverse=True)
    page.open_only.setChecked(True)
    assert page.model.rowCount() == 3  # not the closed one
    assert page.assign_button.isHidden()


def test_a_refused_load_is_shown(qtbot: QtBot, sync: None) -> None:
    mediator = Actor(user_id=1, name="x", role=Role.MEDIATOR, office_id=1)
    page = WorkListPage(make_desk(NO_DATA, mediator, today=lambda: TODAY))
    qtbot.addWidget(page)

    page.model.set_loader(call(routing.station_cases))  # a mediator has no station
    assert page.summary.text().startswith("The work list could not be loaded: ")
