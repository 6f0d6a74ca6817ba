"""The main window fits a 1,280 × 800 screen for every role, with every page shown once
and the alerts dock: its minimum size is what the screen must hold, and once a page has
been shown its minimum counts (the pages lie on one stack), with the organisation loaded
(the filters' long office and station names) and in Chinese as in English."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.app import choose_font_family
from ipdesk.demo import generator as demo
from ipdesk.models import User
from ipdesk.services.actors import Actor
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui import tasks
from ipdesk.ui.cases import CaseListWidget
from ipdesk.ui.main_window import FIRST_SIZE, MainWindow
from ipdesk.ui.scheduler import AlertScheduler
from tests.helpers.desks import make_desk, open_main_window

SCREEN = QSize(1280, 800)
USERS = ("city", "tl01-manager", "tl01-mediator1", "tl02-s03", "admin")


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():  # the organisation is in before any page shows
        yield


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The program's font (a Chinese one before the default, as ``ipdesk.app`` sets it)."""
    from PySide6.QtGui import QFontDatabase

    before = qapp.font()
    family = choose_font_family(QFontDatabase.families())
    if family is not None:
        font = QFont(before)
        font.setFamilies([family, *font.families()])
        qapp.setFont(font)
    yield
    qapp.setFont(before)


@pytest.fixture
def demo_db(seeded: sessionmaker[Session]) -> sessionmaker[Session]:
    """Demo cases and users (city, tl01-manager, tl01-mediator1, tl02-s03, admin)."""
    demo.generate(seeded, cases=120, seed=5, today=legal_today(), later_stages=False)
    return seeded


@pytest.fixture
def open_window(
    qtbot: QtBot, ui_settings: QSettings, demo_db: sessionmaker[Session]
) -> Iterator[Callable[[str], MainWindow]]:
    schedulers: list[AlertScheduler] = []

    def open_(username: str) -> MainWindow:
        with demo_db() as s:
            actor = Actor.of(s.scalars(select(User).where(User.username == username)).one())
        window: MainWindow = open_main_window(
            qtbot,
            ui_settings,
            demo_db,
            actor,
            schedulers,
            database_label="SQLite /tmp/ipdesk/copy.sqlite3",
        )
        return window

    yield open_
    for scheduler in schedulers:
        scheduler.shutdown()


@pytest.mark.usefixtures("app_font")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("username", USERS)
def test_the_main_window_fits_1280_by_800_with_every_page_shown(
    qtbot: QtBot,
    open_window: Callable[[str], MainWindow],
    install_language: Callable[[str], None],
    username: str,
    language: str,
) -> None:
    if language != "en":
        install_language(language)
    window = open_window(username)
    window.show()
    qtbot.waitExposed(window)
    pages = [a for a in window.findChildren(QAction) if a in window._page_actions.actions()]
    assert len(pages) >= 2
    for action in pages:
        action.trigger()
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= SCREEN.width() and hint.height() <= SCREEN.height(), (
            f"{username}, {language}: {action.text()} makes the window at least "
            f"{hint.width()} × {hint.height()}; its parts: {_parts(window)}"
        )


@pytest.mark.usefixtures("app_font")
def test_long_unit_names_elide_in_the_case_list_filters_with_a_tooltip(
    qtbot: QtBot,
    open_window: Callable[[str], MainWindow],
    install_language: Callable[[str], None],
) -> None:
    """The office and station filters keep their width whatever the names: a long name
    is shown elided ("…", not cut off), the current name is their tooltip, each name the
    tooltip of its entry, and the drop-down list is as wide as the longest name."""
    install_language("zh_CN")
    window = open_window("city")
    case_list = window.page(CaseListWidget)
    assert case_list is not None
    window.show_page(case_list)
    window.show()
    qtbot.waitExposed(window)
    for combo in (case_list.office_combo, case_list.station_combo):
        assert combo.count() > 2
        assert combo.shown_text() == combo.currentText()  # "All …": whole
        longest = max(range(1, combo.count()), key=lambda i: len(combo.itemText(i)))
        width = combo.minimumSizeHint().width()
        combo.setCurrentIndex(longest)
        name = combo.itemText(longest)
        assert combo.minimumSizeHint().width() == width
        shown = combo.shown_text()
        assert shown.endswith("…") and name.startswith(shown[:-1]) and len(shown) > 4, shown
        assert combo.toolTip() == name
        assert combo.itemData(longest, 3) == name  # Qt.ItemDataRole.ToolTipRole
        assert combo.view().minimumWidth() >= combo.view().sizeHintForColumn(0)


def _parts(window: MainWindow) -> dict[str, tuple[int, int]]:
    """The minimum sizes of the window's pages and docks, by name."""
    parts = [window.pages.widget(i) for i in range(window.pages.count())]
    parts += [w for w in window.findChildren(QDockWidget) if w.isVisible()]
    parts += [window.org_view, window.menuBar(), window.statusBar(), window.page_bar]
    banners = (window.banners.itemAt(i) for i in range(window.banners.count()))
    parts += [item.widget() for item in banners if item is not None]
    return {
        w.objectName() or type(w).__name__: (
            w.minimumSizeHint().width(),
            w.minimumSizeHint().height(),
        )
        for w in parts
        if w is not None
    }


def test_the_first_start_opens_no_bigger_than_the_screen(
    qtbot: QtBot, ui_settings: QSettings, demo_db: sessionmaker[Session]
) -> None:
    """1,280 × 800 where the screen has room for it, no more than its room otherwise (the
    test platform's screen is smaller); later starts restore what the user left."""
    with demo_db() as s:
        actor = Actor.of(s.scalars(select(User).where(User.username == "city")).one())
    window = MainWindow(make_desk(demo_db, actor), "SQLite test", settings=ui_settings)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry().size()
    assert window.size() == FIRST_SIZE.boundedTo(room)
    window.resize(700, 500)
    window.close()  # saves the geometry
    again = MainWindow(make_desk(demo_db, actor), "SQLite test", settings=ui_settings)
    qtbot.addWidget(again)
    assert again.size() == QSize(700, 500)
