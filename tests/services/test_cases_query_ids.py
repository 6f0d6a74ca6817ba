"""The case list restricted to given case ids: exactly those cases, however many ids —
SQLite refuses more than 32,766 bound parameters per statement; and to the cases behind a
number of the dashboard (its drill-down)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo.generator import generate
from ipdesk.models import Case, CaseStatus, Office, Role
from ipdesk.services.actors import Actor
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.queries import dashboard as dash
from ipdesk.services.queries.cases_query import (
    CaseFilter,
    CaseSort,
    FigureCases,
    case_id_snapshot,
    case_ids,
    case_rows,
    count_cases,
    first_page,
)
from tests.helpers.factories import make_case, make_user, seed

TODAY = dt.date(2026, 11, 27)


def office_code(s: Session, office_id: int) -> str:
    code = s.scalar(select(Office.code).where(Office.id == office_id))
    assert code is not None
    return code


def _cases(factory: sessionmaker[Session]) -> tuple[list[int], Actor, Actor]:
    with factory.begin() as s:
        seed(s)
        made = [make_case(s).id for _ in range(4)]
        made.append(make_case(s, "TL02-S01", CaseStatus.ACCEPTED).id)
        city = Actor.of(make_user(s, Role.CITY_MANAGER))
        tl01 = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
    return made, city, tl01


def test_only_the_given_ids_are_listed(session_factory: sessionmaker[Session]) -> None:
    made, city, tl01 = _cases(session_factory)
    chosen = (made[3], made[0], made[4])
    flt = CaseFilter(case_ids=chosen)
    with session_factory() as s:
        assert count_cases(s, city, flt) == 3
        assert case_ids(s, city, flt, CaseSort("number", False)) == sorted(chosen)
        # Other conditions still apply, the actor's scope among them.
        assert count_cases(s, tl01, flt) == 2
        assert count_cases(s, city, CaseFilter(case_ids=chosen, status="accepted")) == 1
        assert count_cases(s, city, CaseFilter(case_ids=())) == 0
        assert count_cases(s, city, CaseFilter(case_ids=None)) == 5


def test_a_hundred_thousand_ids_in_one_statement(session_factory: sessionmaker[Session]) -> None:
    made, city, _ = _cases(session_factory)
    # 100,000 ids, most of them of no case: far beyond SQLite's parameter limit.
    many = (*range(10_000_000, 10_000_000 + 99_998), made[1], made[2])
    flt = CaseFilter(case_ids=many)
    with session_factory() as s:
        assert count_cases(s, city, flt) == 2
        for sort in (CaseSort("received"), CaseSort("due"), CaseSort("status", False)):
            assert sorted(case_ids(s, city, flt, sort, 0, 50)) == sorted(made[1:3])
        assert case_ids(s, city, flt, CaseSort("number", False), 1, 1, total=2) == [made[2]]
        rows = case_rows(s, city, case_ids(s, city, flt))
        assert sorted(r.id for r in rows) == sorted(made[1:3])


def test_a_dashboard_figure_lists_exactly_its_drill_down(
    session_factory: sessionmaker[Session],
) -> None:
    """The list of a dashboard figure's cases (CaseFilter.figure, read by the figure's
    condition) holds exactly the ids dashboard.drill_down gives, for every figure, unit and
    dashboard user, in every order (first page, pages, snapshot), narrowed by other
    filters as any list."""
    with session_factory.begin() as s:
        seed(s)
    generate(session_factory, cases=150, seed=9, today=TODAY)
    with session_factory.begin() as s:
        office_id, station_id = s.execute(
            select(Case.office_id, Case.station_id)
            .where(Case.station_id.is_not(None))
            .order_by(Case.id.desc())
        ).first()  # type: ignore[misc]
        city = Actor.of(make_user(s, Role.CITY_MANAGER))
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office=office_code(s, office_id)))
    period = dash.DashboardFilter(dash.Period(TODAY - dt.timedelta(days=365), TODAY))
    units = [dash.TOTAL, dash.Unit("office", office_id), dash.Unit("station", station_id)]
    sorts = [CaseSort("received"), CaseSort("due", False), CaseSort("status")]
    listed = 0
    with session_factory() as s:
        for actor in (city, manager):
            for key in dash.COUNT_KEYS:
                for unit in units:
                    want = dash.drill_down(s, actor, period, key, unit, today=TODAY)
                    figure = FigureCases(period, key, unit)
                    flt = CaseFilter(figure=figure)
                    assert count_cases(s, actor, flt, today=TODAY) == len(want), (key, unit)
                    for sort in sorts:
                        every = case_id_snapshot(s, actor, flt, sort, today=TODAY).tolist()
                        assert sorted(every) == want, (key, unit, sort)
                        page = first_page(s, actor, flt, sort, 5, today=TODAY)
                        assert page.ids == every[:5]
                        assert case_ids(s, actor, flt, sort, 3, 4, today=TODAY) == every[3:7]
                    narrowed = CaseFilter(status="closed", figure=figure)
                    closed = set(case_ids(s, actor, CaseFilter(status="closed"), today=TODAY))
                    assert set(case_ids(s, actor, narrowed, today=TODAY)) == closed & set(want)
                    listed += len(want)
    assert listed > 0
    with session_factory() as s, pytest.raises(PermissionDenied):  # the dashboard's users only
        mediator = Actor(None, "m", Role.MEDIATOR, office_id=office_id)
        count_cases(s, mediator, CaseFilter(figure=FigureCases(period, "closed", dash.TOTAL)))
