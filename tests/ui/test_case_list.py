"""The case list: a lazy model over ids on a demo database of 3,000 cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo import generator as demo
from ipdesk.models import CaseStatus, Role
from ipdesk.services.actors import Actor
from ipdesk.services.queries.cases_query import CaseFilter, CaseSort, case_ids, count_cases
from ipdesk.ui import tasks
from ipdesk.ui.cases import CASE_ID_ROLE, CaseListWidget, CaseTableModel
from ipdesk.ui.cases.model import COLUMN_KEYS, CellDelegate
from tests.helpers.desks import make_desk
from tests.helpers.factories import make_case, make_user, office, seed

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def city(session_factory: sessionmaker[Session]) -> Actor:
    with session_factory.begin() as session:
        seed(session)
        return Actor.of(make_user(session, Role.CITY_MANAGER))


def test_model_on_3000_demo_cases(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    session_factory: sessionmaker[Session],
    city: Actor,
) -> None:
    demo.generate(session_factory, cases=3000, seed=1, today=TODAY, later_stages=False)
    model = CaseTableModel(make_desk(session_factory, city, today=lambda: TODAY), page_size=200)
    model.reload()
    assert model.rowCount() == 3000
    assert model.page_loads == 0 and model.cached_pages() == [0]  # the first page came along
    assert model.snapshot  # every row's id: the later pages are fetched by their ids

    # Only what is looked at is fetched: row 2,999 needs its page, and nothing between;
    # data() does not wait for it: the page is fetched after the call and its rows change.
    last = model.index(2999, 0)
    assert model.data(last) is None
    assert model.cached_pages() == [0]
    with qtbot.waitSignal(model.dataChanged) as changed:
        pass
    assert [i.row() for i in changed.args[:2]] == [2800, 2999]
    assert model.data(last)
    assert model.cached_pages() == [0, 14]
    with session_factory() as session:
        expected = case_ids(session, city, CaseFilter(), CaseSort(), today=TODAY)
    assert model.case_id(0) == expected[0]
    assert model.case_id(2999) == expected[-1]
    assert model.data(last, CASE_ID_ROLE) == expected[-1]

    # Sorting happens in SQL and resets the model.
    due = COLUMN_KEYS.index("due")
    model.sort(due, Qt.SortOrder.AscendingOrder)
    with session_factory() as session:
        by_due = case_ids(session, city, CaseFilter(), CaseSort("due", False), 0, 5, today=TODAY)
    assert [model.case_id(r) for r in range(5)] == by_due
    assert model.cached_pages() == [0]

    # Filtering too.
    model.update_filter(status="mediating", ip_type="trademark")
    with session_factory() as session:
        flt = CaseFilter(status="mediating", ip_type="trademark")
        assert model.rowCount() == count_cases(session, city, flt, today=TODAY) > 0
    assert all(model.case_row(r).status == "mediating" for r in range(model.rowCount()))  # type: ignore[union-attr]

    model.set_filter(CaseFilter())
    model.page_size = 500  # fewer, larger pages for the model tester's full walk
    model.reload()
    qtmodeltester.check(model, force_py=True)


def test_page_cache_is_bounded(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor
) -> None:
    with session_factory.begin() as session:
        for _ in range(30):
            make_case(session)
    model = CaseTableModel(make_desk(session_factory, city), page_size=4, cached_pages=3)
    model.reload()
    for row in range(30):
        if model.data(model.index(row, 0)) is None:
            with qtbot.waitSignal(model.dataChanged):
                pass
        assert model.data(model.index(row, 0))
    assert len(model.cached_pages()) == 3
    assert model.cached_pages() == [5, 6, 7]
    assert model.case_row(0) is not None  # fetched again (at once: case_row waits)
    assert model.cached_pages() == [6, 7, 0]


def test_list_widget_filters_searches_with_debounce_and_opens(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor, tmp_path: object
) -> None:
    with session_factory.begin() as session:
        make_case(session, applicant="王伟")
        make_case(session, station_code="TL02-S01", applicant="李娜")
        target = make_case(session, applicant="王伟", respondent="某某科技有限公司")
        tl02 = office(session, "TL02").id
        target_id = target.id
    settings = QSettings(f"{tmp_path}/ui.ini", QSettings.Format.IniFormat)
    widget = CaseListWidget(
        make_desk(session_factory, city), settings=settings, search_delay_ms=250
    )
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 3

    widget.set_unit("office", tl02)
    assert widget.model.rowCount() == 1
    assert widget.office_combo.currentData() == tl02
    widget.set_unit("", 0)
    assert widget.model.rowCount() == 3

    # Typing restarts the 250 ms timer; one search runs when the typing stops.
    searches: list[str] = []
    widget.search_started.connect(searches.append)
    widget.search_edit.setText("王")
    widget.search_edit.setText("王伟")
    assert widget.search_timer.isActive() and searches == []
    with qtbot.waitSignal(widget.model.loaded, timeout=2000):
        pass
    assert searches == ["王伟"]
    assert widget.model.rowCount() == 2

    widget.search("某某科技")
    assert widget.model.rowCount() == 1
    widget.table.setFocus()
    widget.table.setCurrentIndex(widget.model.index(0, 0))
    with qtbot.waitSignal(widget.case_open_requested) as opened:
        qtbot.keyClick(widget.table, Qt.Key.Key_Return)
    assert opened.args == [target_id]


def test_columns_are_chosen_and_remembered(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor, tmp_path: object
) -> None:
    settings = QSettings(f"{tmp_path}/ui.ini", QSettings.Format.IniFormat)
    widget = CaseListWidget(make_desk(session_factory, city), settings=settings)
    qtbot.addWidget(widget)
    mediator = COLUMN_KEYS.index("mediator")
    menu = widget.column_menu()
    action = next(a for a in menu.actions() if a.data() == mediator)
    action.setChecked(False)
    widget.table.horizontalHeader().resizeSection(0, 222)

    again = CaseListWidget(make_desk(session_factory, city), settings=settings)
    qtbot.addWidget(again)
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(mediator)
    assert header.sectionSize(0) == 222


def _shown_list(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor, tmp_path: object
) -> CaseListWidget:
    """A case list of ``city`` on TODAY, shown 1400 pixels wide."""
    settings = QSettings(f"{tmp_path}/ui.ini", QSettings.Format.IniFormat)
    widget = CaseListWidget(make_desk(session_factory, city, today=TODAY), settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1400, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_cells_are_painted_in_their_colours_and_elided(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor, tmp_path: object
) -> None:
    """The table's delegate paints each cell from the model's formatted text: an overdue
    case's days in red, a name wider than its column elided."""
    long_name = "某某知识产权代理有限公司" * 6
    with session_factory.begin() as session:
        make_case(
            session,
            status=CaseStatus.MEDIATING,
            respondent=long_name,
            received_on=TODAY - dt.timedelta(days=70),
            accepted_on=TODAY - dt.timedelta(days=65),
            due_on=TODAY - dt.timedelta(days=3),
        )
    widget = _shown_list(qtbot, session_factory, city, tmp_path)
    delegate = widget.table.itemDelegate()
    assert isinstance(delegate, CellDelegate)
    model = widget.model
    days = COLUMN_KEYS.index("days_left")
    texts, colour = model.row_cells(0) or ((), 0)
    assert (texts[days], colour) == ("-3", 1)  # overdue: the first deadline colour

    image = widget.table.viewport().grab().toImage()

    def reddish(column: int) -> int:
        rect = widget.table.visualRect(model.index(0, column))
        return sum(
            1
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
            if (c := image.pixelColor(x, y)).red() > 120 and c.green() < 80 and c.blue() < 80
        )

    assert reddish(days) > 5  # "-3" in #b00020
    assert reddish(COLUMN_KEYS.index("number")) == 0  # in the text colour
    shown = [t.text() for (text, _w), (t, _tw, _th) in delegate._texts.items() if text == long_name]
    assert len(shown) == 1 and shown[0].endswith("…") and len(shown[0]) < len(long_name)


def test_a_selected_row_is_painted_in_the_selection_colours(
    qtbot: QtBot, session_factory: sessionmaker[Session], city: Actor, tmp_path: object
) -> None:
    """The delegate fills a selected row with the highlight and writes it in the
    highlighted text's colour; the rows after it are written in the text's colour again."""
    with session_factory.begin() as session:
        for _ in range(3):
            make_case(session)
    widget = _shown_list(qtbot, session_factory, city, tmp_path)
    widget.table.selectRow(1)
    image = widget.table.viewport().grab().toImage()
    palette = widget.table.palette()
    highlight = palette.color(palette.ColorRole.Highlight)
    number = COLUMN_KEYS.index("number")

    def pixels(row: int, wanted: Callable[[QColor], bool]) -> int:
        rect = widget.table.visualRect(widget.model.index(row, number))
        return sum(
            1
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
            if wanted(image.pixelColor(x, y))
        )

    def dark(c: QColor) -> bool:
        return max(c.red(), c.green(), c.blue()) < 80

    assert pixels(1, lambda c: c == highlight) > 100
    assert pixels(1, dark) == 0  # the highlighted text's colour, not the text's
    for row in (0, 2):
        assert pixels(row, lambda c: c == highlight) == 0
        assert pixels(row, dark) > 5
