"""The similar-case panel and the managers' spread of outcomes
(services/queries/similar_cases.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Adjudication, AdjudicationStep, CaseStatus, EntryRoute, IpType
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.queries.similar_cases import fact_pieces, outcome_spread, similar_cases
from tests.helpers.factories import make_agreement, make_case, make_people, seed

D = dt.date
RIGHT = "ZL202320123456.1"
FACTS = (
    "被请求人在其经营的五金门店销售一种折叠式晾衣架，该晾衣架的伸缩连杆结构与涉案实用新型专利相同。"
)
UM = IpType.PATENT_UTILITY_MODEL


def test_fact_pieces_leave_out_what_every_dispute_says() -> None:
    pieces = fact_pieces("被申请人在其门店销售侵权商品的折叠式晾衣架伸缩连杆")
    assert pieces and all(len(p) == 4 for p in pieces)
    assert "被申请人" not in pieces and "侵权商品" not in pieces


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> dict[str, int]:
    with session_factory.begin() as s:
        seed(s)
        people = make_people(s)
        ids = {"manager": people.manager, "mediator": people.mediator, "city": people.city}
        common: dict[str, Any] = {"received_on": D(2026, 3, 1), "accepted_on": D(2026, 3, 2)}
        target = make_case(
            s,
            status=CaseStatus.MEDIATING,
            ip_type=UM,
            right_number=RIGHT,
            facts=FACTS,
            respondent="通辽市甲乙五金有限公司",
            mediator_id=people.mediator,
            **common,
        )
        same_right = make_case(
            s,
            status=CaseStatus.CLOSED,
            ip_type=UM,
            right_number=RIGHT,
            outcome=CaseStatus.CONFIRMED,
            closed_on=D(2026, 4, 21),
            **common,
        )
        make_agreement(s, same_right, signed_on=D(2026, 4, 1), amount="8000.00")
        same_respondent = make_case(
            s,
            station_code="TL02-S01",
            status=CaseStatus.ADJUDICATED,
            ip_type=UM,
            right_number="ZL202120999999.9",
            respondent="通辽市甲乙五金有限公司",
            **common,
        )
        s.add(
            Adjudication(
                case_id=same_respondent.id,
                step=AdjudicationStep.DECIDED,
                route=EntryRoute.AT_ACCEPTANCE,
                requested_on=D(2026, 3, 1),
                accepted_on=D(2026, 3, 2),
                decided_on=D(2026, 4, 11),
                infringement_found=True,
            )
        )
        like_facts = make_case(
            s,
            status=CaseStatus.CLOSED,
            ip_type=UM,
            facts="某商店销售折叠式晾衣架，其伸缩连杆结构落入专利保护范围。",
            outcome=CaseStatus.AGREEMENT,
            closed_on=D(2026, 5, 1),
            **common,
        )
        make_agreement(s, like_facts, signed_on=D(2026, 4, 20), amount="20000.00")
        other_type = make_case(  # same right number, but a trademark
            s, status=CaseStatus.CLOSED, right_number=RIGHT, closed_on=D(2026, 4, 1), **common
        )
        still_open = make_case(s, status=CaseStatus.MEDIATING, ip_type=UM, right_number=RIGHT)
        ids.update(
            target=target.id,
            same_right=same_right.id,
            same_respondent=same_respondent.id,
            like_facts=like_facts.id,
            other_type=other_type.id,
            still_open=still_open.id,
        )
    return ids


def test_like_cases_by_right_respondent_and_facts(
    session_factory: sessionmaker[Session], world: dict[str, int]
) -> None:
    from ipdesk.models import User
    from ipdesk.services.actors import Actor

    with session_factory() as s:
        city = Actor.of(s.get(User, world["city"]))  # type: ignore[arg-type]
        result = similar_cases(s, city, world["target"])
    rows = {r.case_id: r for r in result.rows}
    assert list(rows) == [world["same_right"], world["same_respondent"], world["like_facts"]]
    assert rows[world["same_right"]].amount_agreed == Decimal("8000.00")
    assert rows[world["same_right"]].outcome == "confirmed"
    assert rows[world["same_right"]].handling_days == 50
    assert rows[world["same_respondent"]].infringement_found is True
    assert rows[world["same_respondent"]].handling_days == 40
    assert rows[world["like_facts"]].shared_facts >= 2
    spread = result.spread
    assert (spread.count, spread.amounts) == (3, 2)
    assert (spread.minimum, spread.median, spread.maximum) == (
        Decimal("8000.00"),
        Decimal("14000.00"),
        Decimal("20000.00"),
    )


def test_a_mediator_sees_like_cases_of_the_office_only(
    session_factory: sessionmaker[Session], world: dict[str, int]
) -> None:
    from ipdesk.models import User
    from ipdesk.services.actors import Actor

    with session_factory() as s:
        mediator = Actor.of(s.get(User, world["mediator"]))  # type: ignore[arg-type]
        result = similar_cases(s, mediator, world["target"])
    assert world["same_respondent"] not in {r.case_id for r in result.rows}  # office TL02


def test_the_spread_per_ip_type_and_office(
    session_factory: sessionmaker[Session], world: dict[str, int]
) -> None:
    from ipdesk.models import User
    from ipdesk.services.actors import Actor

    with session_factory() as s:
        city = Actor.of(s.get(User, world["city"]))  # type: ignore[arg-type]
        rows = outcome_spread(s, city, since=D(2026, 1, 1), until=D(2026, 12, 31), ip_type=UM)
        mediator = Actor.of(s.get(User, world["mediator"]))  # type: ignore[arg-type]
        with pytest.raises(PermissionDenied):
            outcome_spread(s, mediator, since=D(2026, 1, 1), until=D(2026, 12, 31))
    by_office = {r.office: r.spread for r in rows}
    assert by_office["TL01"].outcomes == {"confirmed": 1, "agreement": 1}
    assert by_office["TL01"].median == Decimal("14000.00")
    assert by_office["TL02"].outcomes == {"adjudicated": 1}
