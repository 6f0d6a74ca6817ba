"""The case list restricted to given case ids (the dashboard's drill-down): exactly those
cases, however many ids — SQLite refuses more than 32,766 bound parameters per statement."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import CaseStatus, Role
from ipdesk.services.actors import Actor
from ipdesk.services.queries.cases_query import (
    CaseFilter,
    CaseSort,
    case_ids,
    case_rows,
    count_cases,
)
from tests.helpers.factories import make_case, make_user, seed


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
