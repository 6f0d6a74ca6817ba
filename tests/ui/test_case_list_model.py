"""The case list model with real background tasks: the first page is shown before the
count of many cases, which then adds the remaining rows."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseStatus, Role
from ipdesk.services.actors import Actor
from ipdesk.services.queries import cases_query
from ipdesk.services.queries.cases_query import CaseFilter, CaseSort, case_ids
from ipdesk.ui.cases import CaseListWidget
from ipdesk.ui.cases import model as model_module
from ipdesk.ui.cases.model import CASE_ID_ROLE, COLUMN_KEYS, CaseTableModel
from tests.helpers.desks import make_desk, replace_service
from tests.helpers.factories import make_case, make_user, seed

TODAY = dt.date(2026, 11, 27)
CASES = 60
PAGE = 10


@pytest.fixture
def city(session_factory: sessionmaker[Session]) -> Actor:
    with session_factory.begin() as session:
        seed(session)
        for i in range(CASES):
            make_case(
                session,
                ("TL01-S01", "TL02-S01")[i % 2],
                CaseStatus.MEDIATING if i % 3 else CaseStatus.ACCEPTED,
                received_on=TODAY - dt.timedelta(days=i % 17),
                accepted_on=TODAY - dt.timedelta(days=i % 17),
                due_on=TODAY + dt.timedelta(days=(i * 7) % 23) if i % 5 else None,
            )
        return Actor.of(make_user(session, Role.CITY_MANAGER))


class Gate:
    """Holds the model's count until released (the count of a million takes a while)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open = threading.Event()
        self.calls = 0
        real = model_module.count_cases

        def count_cases(*args: object, **kwargs: object) -> int:
            self.calls += 1
            assert self.open.wait(10)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        replace_service(monkeypatch, model_module, real, count_cases)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    # "Many" cases from 20 on: the first page comes without its total.
    monkeypatch.setattr(cases_query, "_WALK_SORT_INDEX_ABOVE", 20)
    gate = Gate(monkeypatch)
    yield gate
    gate.open.set()


def expected(
    session_factory: sessionmaker[Session], actor: Actor, flt: CaseFilter, sort: CaseSort
) -> list[int]:
    with session_factory() as session:
        return case_ids(session, actor, flt, sort, today=TODAY)


def test_first_page_is_shown_before_the_count(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    session_factory: sessionmaker[Session],
    city: Actor,
    gate: Gate,
) -> None:
    model = CaseTableModel(make_desk(session_factory, city, today=lambda: TODAY), page_size=PAGE)
    qtmodeltester.check(model, force_py=True)  # and it keeps watching every change below
    totals: list[int] = []
    model.loaded.connect(totals.append)

    with qtbot.waitSignal(model.first_rows, timeout=5000) as shown:
        model.reload()
    assert shown.args == [PAGE]
    assert model.rowCount() == PAGE and model.counting and model.total is None
    assert not model.loading and totals == []
    want = expected(session_factory, city, CaseFilter(), CaseSort())
    assert [model.case_id(r) for r in range(PAGE)] == want[:PAGE]
    assert model.page_loads == 0
    assert model.case_id(PAGE) is None  # not a row yet

    with qtbot.waitSignal(model.loaded, timeout=5000) as counted:
        gate.open.set()
    assert counted.args == [CASES] and totals == [CASES]
    assert model.rowCount() == CASES and model.total == CASES and not model.counting
    assert [model.case_id(r) for r in range(CASES)] == want  # scrolled through to the end
    assert model.data(model.index(CASES - 1, 0)) == _number(session_factory, want[-1])

    # Sorting by due date: the first page at once, then the count; the order is exact.
    gate.open.clear()
    due = COLUMN_KEYS.index("due")
    with qtbot.waitSignal(model.first_rows, timeout=5000):
        model.sort(due, Qt.SortOrder.AscendingOrder)
    by_due = expected(session_factory, city, CaseFilter(), CaseSort("due", False))
    assert model.rowCount() == PAGE and model.counting
    assert [model.case_id(r) for r in range(PAGE)] == by_due[:PAGE]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        gate.open.set()
    assert model.rowCount() == CASES
    assert model.case_id(CASES - 1) == by_due[-1]
    assert [model.case_id(r) for r in range(CASES)] == by_due
    qtmodeltester.check(model, force_py=True)


def _number(session_factory: sessionmaker[Session], case_id: int) -> str:
    with session_factory() as session:
        case = session.get(Case, case_id)
        assert case is not None
        return case.number


def test_a_load_fetches_a_screenful_first(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    session_factory: sessionmaker[Session],
    city: Actor,
    gate: Gate,
) -> None:
    """``first_size``: a (re)load reads the rows a screen shows, not a whole page; the rest
    of the first page is fetched in the background when one of its rows is shown."""
    model = CaseTableModel(
        make_desk(session_factory, city, today=lambda: TODAY), page_size=PAGE, first_size=4
    )
    qtmodeltester.check(model, force_py=True)
    want = expected(session_factory, city, CaseFilter(), CaseSort())
    with qtbot.waitSignal(model.first_rows, timeout=5000) as shown:
        model.reload()
    assert shown.args == [4] and model.rowCount() == 4 and model.counting
    assert [model.case_id(r) for r in range(4)] == want[:4] and model.page_loads == 0
    with qtbot.waitSignal(model.loaded, timeout=5000):
        gate.open.set()
    assert model.rowCount() == CASES
    qtbot.waitUntil(lambda: model.snapshot, timeout=5000)
    assert model.data(model.index(2, 0)) == _number(session_factory, want[2])
    # a row after the first rows: asked for (by the model tester's walk too), fetched
    qtbot.waitUntil(lambda: model.data(model.index(6, 0)) is not None, timeout=5000)
    qtbot.waitUntil(lambda: not model.fetching, timeout=5000)
    assert [model.data(model.index(r, 0)) for r in range(PAGE)] == [
        _number(session_factory, i) for i in want[:PAGE]
    ]
    assert not model.fetching

    # without the ids snapshot, the first page is completed by its offset
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(CaseFilter(status="accepted"))  # 20: counted on the way
    accepted = expected(session_factory, city, CaseFilter(status="accepted"), CaseSort())
    assert model.rowCount() == len(accepted) == CASES // 3
    assert [model.case_id(r) for r in range(len(accepted))] == accepted


def test_a_short_list_needs_no_count(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor, gate: Gate
) -> None:
    model = CaseTableModel(make_desk(session_factory, city, today=lambda: TODAY), page_size=PAGE)
    with qtbot.waitSignal(model.loaded, timeout=5000) as counted:  # the gate stays shut
        model.set_filter(CaseFilter(office="TL01", status="accepted"))
    assert counted.args == [model.rowCount()] == [CASES // 6]
    assert gate.calls == 0 and not model.counting


def test_a_newer_reload_wins_over_an_old_count(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    session_factory: sessionmaker[Session],
    city: Actor,
    gate: Gate,
) -> None:
    model = CaseTableModel(make_desk(session_factory, city, today=lambda: TODAY), page_size=PAGE)
    qtmodeltester.check(model, force_py=True)
    totals: list[int] = []
    model.loaded.connect(totals.append)
    with qtbot.waitSignal(model.first_rows, timeout=5000):
        model.reload()  # all 60: counted behind the gate
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(CaseFilter(status="accepted"))  # 20: no count needed
    assert totals == [CASES // 3] and model.rowCount() == CASES // 3
    gate.open.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)  # the stale count is delivered, and dropped
    assert gate.calls == 1
    assert totals == [CASES // 3] and model.rowCount() == CASES // 3


def test_rows_removed_when_the_count_is_lower(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    session_factory: sessionmaker[Session],
    city: Actor,
    gate: Gate,
) -> None:
    """Cases leaving the filter between the first page and the count: the rows shown that
    no longer exist are removed."""
    model = CaseTableModel(make_desk(session_factory, city, today=lambda: TODAY), page_size=PAGE)
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.first_rows, timeout=5000):
        model.set_filter(CaseFilter(status="mediating"))  # 40
    assert model.rowCount() == PAGE and model.counting
    keep = expected(session_factory, city, CaseFilter(status="mediating"), CaseSort())[:3]
    with session_factory.begin() as session:
        session.execute(
            update(Case)
            .where(Case.status == CaseStatus.MEDIATING, Case.id.not_in(keep))
            .values(status=CaseStatus.FAILED)
        )
    with qtbot.waitSignal(model.loaded, timeout=5000) as counted:
        gate.open.set()
    assert counted.args == [3] and model.rowCount() == 3
    assert [model.case_id(r) for r in range(3)] == keep


def test_a_failed_count_is_reported(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    city: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cases_query, "_WALK_SORT_INDEX_ABOVE", 20)

    def count_cases(*args: object, **kwargs: object) -> int:
        raise OperationalError("SELECT count(*)", {}, Exception("connection lost"))

    replace_service(monkeypatch, model_module, cases_query.count_cases, count_cases)
    model = CaseTableModel(make_desk(session_factory, city, today=lambda: TODAY), page_size=PAGE)
    with qtbot.waitSignal(model.load_failed, timeout=5000) as failed:
        model.reload()
    assert failed.args[0]
    assert model.rowCount() == PAGE and not model.counting and not model.loading


def test_the_list_says_it_is_counting_until_the_count_arrives(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor, gate: Gate
) -> None:
    widget = CaseListWidget(make_desk(session_factory, city, today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.model.page_size = PAGE  # fewer than the cases: the first page has no total
    with qtbot.waitSignal(widget.model.first_rows, timeout=5000):
        widget.model.reload()
    assert widget.model.counting
    assert widget.count_label.text() == "Counting…"
    with qtbot.waitSignal(widget.model.loaded, timeout=5000):
        gate.open.set()
    assert widget.count_label.text() == f"{CASES} case(s)"


def test_the_count_waits_for_the_tables_first_paint(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor, gate: Gate
) -> None:
    """Nothing runs in the background while the table paints a new list's first rows:
    the count starts after that paint."""
    widget = CaseListWidget(make_desk(session_factory, city, today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.model.page_size = PAGE
    with qtbot.waitSignal(widget.model.first_rows, timeout=5000):
        widget.model.reload()
    assert widget.model.follow_up_pending and gate.calls == 0  # the paint comes first
    widget.table.viewport().repaint()
    qtbot.waitUntil(lambda: gate.calls == 1, timeout=2000)
    assert not widget.model.follow_up_pending
    with qtbot.waitSignal(widget.model.loaded, timeout=5000):
        gate.open.set()
    assert widget.model.rowCount() == CASES


def test_rows_come_from_the_background_by_their_ids(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    city: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After the count, the model holds every row's id (the snapshot); data() of a row
    whose page is not here answers at once, empty, and the page is fetched by its ids on
    a worker thread, then repainted."""
    monkeypatch.setattr(cases_query, "_WALK_SORT_INDEX_ABOVE", 20)
    fetched: list[tuple[list[int], bool]] = []
    real = cases_query.case_rows

    def case_rows(session: Session, actor: Actor, ids: list[int], **kw: object) -> object:
        fetched.append((list(ids), threading.current_thread() is threading.main_thread()))
        return real(session, actor, ids, **kw)  # type: ignore[arg-type]

    replace_service(monkeypatch, model_module, real, case_rows)
    model = CaseTableModel(make_desk(session_factory, city, today=lambda: TODAY), page_size=PAGE)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    qtbot.waitUntil(lambda: model.snapshot, timeout=5000)
    assert model.cached_pages() == [0] and not model.fetching
    want = expected(session_factory, city, CaseFilter(), CaseSort())
    assert [model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(CASES)] == want

    row = 4 * PAGE + 3
    index = model.index(row, 0)
    assert model.data(index) is None and fetched == []  # nothing read on this thread
    with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
        pass
    assert fetched == [(want[4 * PAGE : 5 * PAGE], False)]
    assert [i.row() for i in changed.args[:2]] == [4 * PAGE, 5 * PAGE - 1]
    assert model.data(index) == _number(session_factory, want[row])
    assert not model.fetching

    # Pages asked for together come in one request (at most MAX_PAGE_SIZE rows).
    fetched.clear()
    for r in (2 * PAGE, 3 * PAGE):
        assert model.data(model.index(r, 1)) is None
    with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
        pass
    assert fetched == [(want[2 * PAGE : 4 * PAGE], False)]
    assert [i.row() for i in changed.args[:2]] == [2 * PAGE, 4 * PAGE - 1]


def test_a_page_of_an_old_list_is_not_shown(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor, gate: Gate
) -> None:
    """A page still being fetched when the list is reloaded is dropped when it arrives."""
    gate.open.set()
    model = CaseTableModel(make_desk(session_factory, city, today=lambda: TODAY), page_size=PAGE)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert model.data(model.index(3 * PAGE, 0)) is None  # asked for
    with qtbot.waitSignal(model.first_rows, timeout=5000):
        model.set_filter(CaseFilter(status="accepted"))  # 20 cases: 2 pages
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)
    assert model.cached_pages() == [0] and model.rowCount() == CASES // 3
    assert model.data(model.index(3, 0)) == _number(session_factory, model.case_id(3) or 0)
