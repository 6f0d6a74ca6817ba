"""The dashboard widget: the table model, drill-down, the charts (offscreen), the export;
and the follow-up work list, record dialog and policy editor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries, QPieSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    CaseCategory,
    CaseStatus,
    FollowUpPolicy,
    FollowUpVisit,
    IpType,
    Performance,
    Role,
    VisitState,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.followups import list_policies, schedule_follow_ups
from ipdesk.services.queries.cases_query import CaseFilter, FigureCases, count_cases
from ipdesk.services.queries.dashboard import (
    DashboardCharts,
    DashboardFigures,
    DashboardFilter,
    Period,
    Unit,
    UnitFigures,
)
from ipdesk.ui import tasks
from ipdesk.ui.dashboard import DashboardTableModel, DashboardWidget, DrillDownRequest
from ipdesk.ui.dashboard import charts as builders
from ipdesk.ui.dashboard.model import COLUMNS, FIGURE_KEY_ROLE, UNIT_ROLE
from ipdesk.ui.followups import FollowUpPolicyDialog, FollowUpWorkList
from tests.helpers.desks import make_desk
from tests.helpers.factories import actor, make_adjustment, make_case, make_user

TODAY = dt.date(2026, 5, 31)
PERIOD = Period(dt.date(2026, 3, 1), TODAY)


def figures(*offices: UnitFigures) -> DashboardFigures:
    total = UnitFigures(Unit("total"), received=sum(o.received for o in offices))
    return DashboardFigures(DashboardFilter(PERIOD), TODAY, 60, 90, total, tuple(offices), ())


def column(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = DashboardTableModel()
    qtmodeltester.check(model)
    office = UnitFigures(
        Unit("office", 1), "TL01", "科尔沁区", 1, received=5, overdue=2, closed=4, closed_on_time=3
    )
    model.set_figures(figures(office))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "Total"
    assert model.index(1, 0).data() == "TL01  科尔沁区"
    assert model.index(1, column("received")).data() == "5"
    assert model.index(1, column("on_time_share")).data() == "75.0%"
    assert model.index(1, column("median_days")).data() == "—"
    assert model.index(1, column("on_time_share")).data(FIGURE_KEY_ROLE) == "closed_on_time"
    assert model.index(1, 0).data(FIGURE_KEY_ROLE) is None
    assert model.index(1, 3).data(UNIT_ROLE) == Unit("office", 1)
    red = model.index(1, column("overdue")).data(Qt.ItemDataRole.ForegroundRole)
    assert red.color().red() == 180
    header = model.headerData(
        column("within_target_share"), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    )
    assert header == "≤ 60 day(s)"
    model.set_figures(None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def charts_data() -> DashboardCharts:
    return DashboardCharts(
        months=("2026-03", "2026-04", "2026-05"),
        received_per_month=(6, 2, 2),
        closed_per_month=(1, 3, 2),
        handling_days=((5, 1), (13, 1), (39, 2), (72, 1), (130, 1)),
        overdue_by_office=(("TL01", "科尔沁区", 2), ("TL02", "科左中旗", 0)),
        ip_types=((IpType.TRADEMARK, 8), (IpType.COPYRIGHT, 1), (IpType.PATENT_DESIGN, 1)),
        target_days=60,
        as_of=TODAY,
    )


def test_the_charts_are_built_and_render_offscreen(qtbot: QtBot, tmp_path: Path) -> None:
    data = charts_data()
    trend = builders.trend_chart(data)
    assert [type(s) for s in trend.series()] == [QLineSeries, QLineSeries]
    received = trend.series()[0]
    assert isinstance(received, QLineSeries)
    assert [p.y() for p in received.points()] == [6, 2, 2]
    days = builders.handling_days_chart(data)
    bars, limit = days.series()
    assert isinstance(bars, QBarSeries) and isinstance(limit, QLineSeries)
    counts = [bars.barSets()[0].at(i) for i in range(bars.barSets()[0].count())]
    assert counts == [1, 1, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 1]  # 0-9 ... 120+
    assert limit.points()[0].x() == 5.5  # between the 50-59 and 60-69 bins
    overdue = builders.overdue_chart(data.overdue_by_office)
    assert isinstance(overdue.series()[0], QBarSeries)
    pie = builders.ip_types_chart(data.ip_types)
    series = pie.series()[0]
    assert isinstance(series, QPieSeries)
    assert [s.label() for s in series.slices()] == [
        "Trademark 80%",
        "Copyright 10%",
        "Design patent 10%",
    ]

    panel = builders.ChartPanel("days")
    qtbot.addWidget(panel)
    panel.resize(500, 360)
    panel.set_chart(days)
    panel.show()
    out = tmp_path / "days.png"
    with qtbot.waitSignal(panel.saved) as saved:
        assert panel.save_png(out)
    assert saved.args == [str(out)]
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 400


@pytest.fixture
def cases(seeded: sessionmaker[Session]) -> sessionmaker[Session]:
    """TL01: an overdue open case and two closed ones (one suspended 10 days); TL02: one."""
    with seeded.begin() as s:
        make_case(
            s,
            "TL01-S01",
            CaseStatus.MEDIATING,
            received_on=dt.date(2026, 3, 2),
            accepted_on=dt.date(2026, 3, 3),
            due_on=dt.date(2026, 5, 4),
        )
        closed = make_case(
            s,
            "TL01-S02",
            CaseStatus.CLOSED,
            received_on=dt.date(2026, 3, 9),
            accepted_on=dt.date(2026, 3, 10),
            closed_on=dt.date(2026, 4, 29),
            due_on=dt.date(2026, 5, 20),
        )
        make_adjustment(s, closed, dt.date(2026, 3, 20), dt.date(2026, 3, 30))
        make_case(
            s,
            "TL01-S01",
            CaseStatus.CLOSED,
            received_on=dt.date(2026, 4, 1),
            accepted_on=dt.date(2026, 4, 2),
            closed_on=dt.date(2026, 4, 22),
            due_on=dt.date(2026, 6, 1),
            ip_type=IpType.COPYRIGHT,
        )
        make_case(s, "TL02-S01", CaseStatus.REGISTERED, received_on=dt.date(2026, 5, 2))
    return seeded


def city(factory: sessionmaker[Session]) -> Actor:
    with factory.begin() as s:
        return actor(make_user(s, Role.CITY_MANAGER))


def listed(factory: sessionmaker[Session], drill: DrillDownRequest) -> int:
    """How many cases the case list shows for a drill-down (by the figure's condition)."""
    figure = FigureCases(drill.filter, drill.figure_key, drill.unit)
    with factory() as s:
        return count_cases(s, city(factory), CaseFilter(figure=figure), today=TODAY)


def test_the_widget_loads_figures_and_charts_and_drills_down(
    qtbot: QtBot, cases: sessionmaker[Session]
) -> None:
    widget = DashboardWidget(make_desk(cases, city(cases), today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.set_period(PERIOD.start, PERIOD.end)
    with qtbot.waitSignal(widget.loaded, timeout=30_000):
        widget.reload()
    model = widget.model
    assert model.rowCount() == 1 + 9 + 89
    assert model.index(0, 0).data() == "City total"
    assert model.index(0, column("received")).data() == "4"
    assert model.index(0, column("overdue")).data() == "1"
    # handling days 40 (50 − 10 suspended) and 20: median 30.0
    assert model.index(0, column("median_days")).data() == "30.0"
    assert widget.office_combo.count() == 10 and widget.station_combo.isEnabled() is False
    for panel in (widget.trend_panel, widget.days_panel, widget.overdue_panel, widget.types_panel):
        assert panel.chart().series() and panel.save_button.isEnabled()
    assert "2026-03-01 to 2026-05-31" in widget.status.text()

    with qtbot.waitSignal(widget.drill_down_requested, timeout=30_000) as request:
        widget.drill_down(model.index(0, column("overdue")))
    drill = request.args[0]
    assert isinstance(drill, DrillDownRequest)
    assert drill.figure_key == "overdue" and drill.unit == Unit("total")
    assert widget.model.figures is not None and drill.filter == widget.model.figures.filter
    assert listed(cases, drill) == 1
    assert drill.label == "City total: Overdue"
    # a rate drills down into its denominator
    tl01_row = 1
    with qtbot.waitSignal(widget.drill_down_requested, timeout=30_000) as request:
        widget.drill_down(model.index(tl01_row, column("on_time_share")))
    assert request.args[0].figure_key == "closed_on_time" and listed(cases, request.args[0]) == 2
    # the unit column drills nowhere
    with qtbot.assertNotEmitted(widget.drill_down_requested, wait=100):
        widget.drill_down(model.index(0, 0))

    # narrowing to one office
    widget.office_combo.setCurrentIndex(1)
    assert widget.station_combo.isEnabled() and widget.station_combo.count() > 1
    with qtbot.waitSignal(widget.loaded, timeout=30_000):
        widget.reload()
    assert model.index(0, 0).data() == "Total of the selection"
    assert model.rowCount() == 1 + 1 + 17


def test_an_office_manager_sees_the_office_only(qtbot: QtBot, cases: sessionmaker[Session]) -> None:
    with cases.begin() as s:
        manager = actor(make_user(s, Role.OFFICE_MANAGER, office="TL02"))
    widget = DashboardWidget(make_desk(cases, manager, today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.set_period(PERIOD.start, PERIOD.end)
    with qtbot.waitSignal(widget.loaded, timeout=30_000):
        widget.reload()
    assert widget.model.index(1, 0).data().startswith("TL02")
    assert not widget.office_combo.isEnabled()
    with cases.begin() as s:
        mediator = actor(make_user(s, Role.MEDIATOR, office="TL01"))
    refused = DashboardWidget(make_desk(cases, mediator, today=lambda: TODAY))
    qtbot.addWidget(refused)
    with qtbot.waitSignal(refused.load_failed, timeout=30_000) as failed:
        refused.reload()
    assert "could not be loaded" in failed.args[0]


def test_a_reversed_period_is_refused_before_any_query(
    qtbot: QtBot, cases: sessionmaker[Session]
) -> None:
    widget = DashboardWidget(make_desk(cases, city(cases), today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.set_period(dt.date(2026, 5, 1), dt.date(2026, 4, 1))
    with qtbot.assertNotEmitted(widget.loaded, wait=100):
        widget.reload()
    assert widget.status.text() == "The period ends before it starts."


def test_export_and_cancel(qtbot: QtBot, cases: sessionmaker[Session], tmp_path: Path) -> None:
    widget = DashboardWidget(make_desk(cases, city(cases), today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.set_period(PERIOD.start, PERIOD.end)
    out = tmp_path / "out" / "dash.xlsx"
    with qtbot.waitSignal(widget.exported, timeout=60_000) as done:
        widget.export(out)
    assert done.args[0].cases == 4 and out.exists()
    assert widget.export_button.isEnabled() and not widget.cancel_button.isVisible()
    # cancelled before the work starts: nothing is written
    cancelled = tmp_path / "out" / "cancelled.xlsx"
    with tasks.synchronous():
        original = widget._busy

        def busy_then_cancel(text: str, total: int = 0) -> None:
            original(text, total)
            widget.cancel()

        widget._busy = busy_then_cancel  # type: ignore[method-assign]
        widget.export(cancelled)
    assert not cancelled.exists()
    assert widget.status.text() == "The export was cancelled; no file was written."


# --------------------------------------------------------------------------- follow-ups


def test_the_work_list_and_recording_a_visit(qtbot: QtBot, seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        mediator_user = make_user(s, Role.MEDIATOR, office="TL01")
        case = make_case(
            s,
            "TL01-S01",
            CaseStatus.CLOSED,
            received_on=dt.date(2026, 7, 20),
            accepted_on=dt.date(2026, 7, 21),
            closed_on=dt.date(2026, 9, 1),
            category=CaseCategory.SERIOUS,
            mediator_id=mediator_user.id,
        )
        first, _second = schedule_follow_ups(s, case)
        mediator = actor(mediator_user)
    today = dt.date(2026, 11, 10)  # the first visit (planned 10-08, due 11-09) is overdue
    work = FollowUpWorkList(make_desk(seeded, mediator, today=lambda: today))
    qtbot.addWidget(work)
    with qtbot.waitSignal(work.loaded, timeout=30_000):
        work.reload()
    assert work.model.rowCount() == 1
    assert work.model.index(0, 3).data() == "2026-10-08"
    assert work.model.index(0, 5).data() == "1 day(s) overdue"
    assert work.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().red() == 180
    assert work.summary.text() == "1 visit(s) to make, 1 overdue"
    assert not work.record_button.isEnabled()
    work.view.selectRow(0)
    assert work.record_button.isEnabled()
    dialog = work.record_selected()
    assert dialog is not None
    qtbot.addWidget(dialog)
    # nothing is assumed: performance and satisfaction are asked for beside their fields
    assert dialog.performance_combo.currentIndex() == -1
    assert dialog.satisfaction_combo.currentIndex() == -1
    with qtbot.waitSignal(dialog.refused, timeout=30_000):
        dialog.submit()
    assert dialog.performance_error.isVisibleTo(dialog)
    assert dialog.satisfaction_error.isVisibleTo(dialog)
    dialog.performance_combo.setCurrentIndex(dialog.performance_combo.findData("partial"))
    dialog.satisfaction_combo.setCurrentIndex(dialog.satisfaction_combo.findData(3))
    assert not dialog.performance_error.isVisibleTo(dialog)
    # the service's refusal is shown and the input kept
    with qtbot.waitSignal(dialog.refused, timeout=30_000) as refused:
        dialog.submit()
    assert refused.args[0] == "The person visited is required."
    dialog.person_edit.setText("张三")
    dialog.notes_edit.setPlainText("已全部履行")
    with qtbot.waitSignal(work.loaded, timeout=30_000):
        dialog.submit()
    assert work.model.rowCount() == 0
    with seeded() as s:
        visit = s.get_one(FollowUpVisit, first)
        assert (visit.state, visit.person_visited, visit.done_on) == (
            VisitState.DONE,
            "张三",
            today,
        )
        assert (visit.performance, visit.satisfaction) == (Performance.PARTIAL, 3)


def test_the_policy_editor(qtbot: QtBot, seeded: sessionmaker[Session]) -> None:
    with seeded.begin() as s:
        admin = actor(make_user(s, Role.ADMIN))
        policies = list_policies(s, admin)
    dialog = FollowUpPolicyDialog(make_desk(seeded, admin), policies)
    qtbot.addWidget(dialog)
    visits, share, delay = dialog.rows[CaseCategory.MINOR]
    assert (visits.value(), share.value(), delay.value()) == (1, 30.0, 90)
    share.setValue(45.5)
    delay.setValue(120)
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.submit()
    with seeded() as s:
        row = s.scalars(
            select(FollowUpPolicy).where(FollowUpPolicy.category == CaseCategory.MINOR)
        ).one()
        assert (str(row.sample_share), row.first_delay_days) == ("0.455", 120)
    with seeded.begin() as s:
        city_manager = actor(make_user(s, Role.CITY_MANAGER))
    refused = FollowUpPolicyDialog(make_desk(seeded, city_manager), policies)
    qtbot.addWidget(refused)
    with qtbot.waitSignal(refused.refused, timeout=30_000) as text:
        refused.submit()
    assert text.args[0] == "Your role does not permit this operation."
