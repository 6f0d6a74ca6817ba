"""The smaller things a daily user trips on (issue 15, item 8): readable chart labels, full
station names with a labelled count, alert and follow-up texts in full, a follow-up form
that asks instead of assuming, messages after saving, confirmation before disabling a
user, signing out, keys from the search box, Qt's own dialogs in Chinese."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QModelIndex, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QGraphicsTextItem, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.app import load_translators
from ipdesk.models import IpType, LimitKind, Role
from ipdesk.services.actors import Actor
from ipdesk.services.cases.alerts import AlertInfo
from ipdesk.services.queries.dashboard import DashboardCharts
from ipdesk.ui import tasks
from ipdesk.ui.alerts import AlertsPanel, AlertsTableModel
from ipdesk.ui.alerts.model import ACKNOWLEDGED, DAYS_LEFT, MEDIATOR, days_left_text
from ipdesk.ui.cases import CaseListWidget
from ipdesk.ui.dashboard import charts
from ipdesk.ui.dashboard.charts import ChartPanel
from tests.helpers.desks import make_desk
from tests.helpers.factories import make_case, make_user, seed

translate = QCoreApplication.translate


# -- Qt's own dialogs in Chinese --------------------------------------------------------------


@pytest.fixture
def chinese_qt(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = load_translators("zh_CN")
    for translator in translators:
        qapp.installTranslator(translator)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


def test_qt_translations_for_chinese_are_installed(chinese_qt: list[QTranslator]) -> None:
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert any(t.filePath().endswith("qtbase_zh_CN.qm") for t in chinese_qt), qt_dir
    assert translate("QPlatformTheme", "Cancel") == "取消"
    assert translate("QPlatformTheme", "&Yes") == "是(&Y)"


def test_the_texts_newer_qt_renamed_are_chinese_too(chinese_qt: list[QTranslator]) -> None:
    """qtbase_zh_CN still has the older wording of a few file-dialog texts."""
    assert translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
    assert translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "文件夹"
    # plain QTranslators (a Python subclass overriding translate() crashed under load)
    assert {type(t) for t in chinese_qt} == {QTranslator}


def test_the_file_dialog_has_no_english_label(qtbot: QtBot, chinese_qt: list[QTranslator]) -> None:
    dialog = QFileDialog(None, "x", "", "PNG (*.png)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert texts
    without_mnemonics = [re.sub(r"\(?&\w\)?", "", t) for t in texts]
    assert not [t for t in without_mnemonics if re.search("[A-Za-z]", t)], texts


def test_english_keeps_qt_texts_english(qapp: QApplication) -> None:
    translators = load_translators("en")
    for translator in translators:
        qapp.installTranslator(translator)
    try:
        assert translate("QFileDialog", "&Look in:") in ("", "&Look in:")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


# -- dashboard charts -------------------------------------------------------------------------


def _chart_data() -> DashboardCharts:
    return DashboardCharts(
        months=tuple(f"2026-{m:02d}" for m in range(1, 13)),
        received_per_month=tuple(range(100, 112)),
        closed_per_month=tuple(range(90, 102)),
        handling_days=tuple((d, 3) for d in range(1, 140, 3)),
        overdue_by_office=tuple(
            (f"TL0{i}", f"通辽经济技术开发区知识产权行政裁决所{i}", i % 4) for i in range(1, 10)
        ),
        ip_types=tuple((t, 100 - 10 * i) for i, t in enumerate(IpType)),
        target_days=60,
    )


QGRAPHICS_TEXT_ITEM = 8  # QGraphicsTextItem::Type


def _shown_texts(panel: ChartPanel) -> list[str]:
    """The texts the chart draws (axis labels, titles, legend)."""
    texts = []
    for item in panel.view.scene().items():
        if item.type() == QGRAPHICS_TEXT_ITEM and item.isVisible():
            shown = item.toGraphicsObject()
            assert isinstance(shown, QGraphicsTextItem)
            texts.append(shown.toPlainText())
    return texts


@pytest.mark.parametrize("size", [(320, 240), (400, 320)])
@pytest.mark.parametrize("name", ["trend", "days", "overdue", "types"])
def test_chart_labels_are_not_cut(
    qtbot: QtBot, install_language: Callable[[str], None], name: str, size: tuple[int, int]
) -> None:
    """(400, 320) is a chart's size in a 1600×1000 window, (320, 240) the smallest."""
    install_language("zh_CN")
    data = _chart_data()
    chart = {
        "trend": lambda: charts.trend_chart(data),
        "days": lambda: charts.handling_days_chart(data),
        "overdue": lambda: charts.overdue_chart(data.overdue_by_office),
        "types": lambda: charts.ip_types_chart(data.ip_types),
    }[name]()
    panel = ChartPanel(name)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.set_chart(chart)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: bool(_shown_texts(panel)))
    texts = _shown_texts(panel)
    assert not [t for t in texts if "..." in t or "…" in t], texts
    if name == "trend":
        assert "26/01" in texts
    if name == "overdue":
        assert "TL09" in texts


# -- alerts and follow-up visits: texts in full -----------------------------------------------


def _alert(alert_id: int, threshold: str, days_left: int) -> AlertInfo:
    return AlertInfo(
        id=alert_id,
        case_id=100 + alert_id,
        case_number=f"TL01-2026-{alert_id:05d}",
        office_id=1,
        kind=LimitKind.CONFIRMATION_APPLICATION,
        threshold=threshold,
        due_on=dt.date(2026, 10, 28) + dt.timedelta(days=days_left),
        days_left=days_left,
        escalated=threshold == "overdue",
        created_at=dt.datetime(2026, 10, 28, 1, tzinfo=dt.UTC),
        mediator="欧阳明月",
        acknowledged_at=None,
        acknowledged_by=None,
    )


def test_days_left_in_words_not_a_negative_number() -> None:
    assert days_left_text(-565) == "565 day(s) overdue"
    assert days_left_text(0) == "Due today"
    assert days_left_text(3) == "3 day(s) left"
    model = AlertsTableModel()
    model.set_rows([_alert(1, "overdue", -565)])
    assert model.index(0, DAYS_LEFT).data() == "565 day(s) overdue"


@pytest.mark.parametrize("role", [Role.MEDIATOR, Role.CITY_MANAGER])
def test_the_alerts_dock_is_wide_enough_for_its_texts(
    qtbot: QtBot,
    install_language: Callable[[str], None],
    session_factory: sessionmaker[Session],
    role: Role,
) -> None:
    """The dock opens as wide as the panel's size hint: every visible column fits in it
    without scrolling, the escalated stage ("已超期（已上报）") in bold included."""
    install_language("zh_CN")
    user = Actor(user_id=1, role=role, name="x", office_id=1, station_id=None)
    panel = AlertsPanel(make_desk(session_factory, user))  # its reloads find no alerts
    qtbot.addWidget(panel)
    panel.model.set_rows([_alert(1, "overdue", -565), _alert(2, "warn:5", 5)])
    assert panel.view.isColumnHidden(ACKNOWLEDGED)
    assert panel.view.isColumnHidden(MEDIATOR) == (role == Role.MEDIATOR)
    assert panel.columns_width() <= 1366 * 2 // 5  # the widest dock on a 1366×768 screen
    panel.resize(panel.columns_width(), 300)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.view.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() > 0)
    assert header.length() <= panel.view.viewport().width()
    assert not panel.view.horizontalScrollBar().isVisible()
    with qtbot.waitSignal(panel.alerts_loaded):
        panel.show_acknowledged.setChecked(True)
    assert not panel.view.isColumnHidden(ACKNOWLEDGED)


# -- from the search box to the results -------------------------------------------------------


def test_down_and_enter_from_the_search_box(
    qtbot: QtBot, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as session:
        seed(session)
        city = Actor.of(make_user(session, Role.CITY_MANAGER))
        first = make_case(session, applicant="王伟", received_on=dt.date(2026, 11, 2))
        second = make_case(session, applicant="王伟", received_on=dt.date(2026, 11, 1))
        make_case(session, applicant="李娜")
        ids = (first.id, second.id)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    with tasks.synchronous():
        widget = CaseListWidget(
            make_desk(session_factory, city), settings=settings, search_delay_ms=250
        )
        qtbot.addWidget(widget)
        widget.show()
        widget.activateWindow()
        qtbot.waitActive(widget)
        widget.focus_search()
        widget.search_edit.insert("王伟")  # (QTest types Latin-1 only)
        qtbot.keyClick(widget.search_edit, Qt.Key.Key_Return)  # searches at once
        assert widget.model.rowCount() == 2
        # Enter again: the text was searched, so the current (first) result opens
        with qtbot.waitSignal(widget.case_open_requested) as opened:
            qtbot.keyClick(widget.search_edit, Qt.Key.Key_Return)
        assert opened.args[0] in ids
        # Down: to the first result, in the table, which then takes the keys
        widget.table.setCurrentIndex(QModelIndex())
        widget.focus_search()
        qtbot.keyClick(widget.search_edit, Qt.Key.Key_Down)
        qtbot.waitUntil(widget.table.hasFocus)
        assert widget.table.currentIndex().row() == 0
        first_id = widget.current_case_id()
        qtbot.keyClick(widget.table, Qt.Key.Key_Down)
        assert widget.table.currentIndex().row() == 1
        with qtbot.waitSignal(widget.case_open_requested) as opened:
            qtbot.keyClick(widget.table, Qt.Key.Key_Return)
        assert {first_id, opened.args[0]} == set(ids)
