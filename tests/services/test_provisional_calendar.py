"""A year without the State Council's notice (2027): statutory holidays by rule, limits
flagged provisional until the administrator enters the notice, the confirmation window on
the provisional date, and ``ipdesk-admin deadline --json``. Both databases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.cli import main
from ipdesk.db import make_engine, make_session_factory
from ipdesk.models import Case, CaseLimit, CaseStatus, Confirmation, LimitKind
from ipdesk.services.actors import Actor
from ipdesk.services.admin.holidays import (
    OVERRIDE,
    STATUTORY,
    import_holidays_csv,
    set_year_complete,
    uncovered_years_ahead,
    year_calendar,
)
from ipdesk.services.cases import confirmation as conf
from ipdesk.services.cases.limits import refresh_case_limits
from tests.helpers.factories import (
    People,
    make_agreement,
    make_case,
    make_case_with_limits,
    make_people,
    seed,
)

ADMIN = Actor.system()


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as s:
        seed(s)
        return make_people(s)


def handling(s: Session, case_id: int) -> CaseLimit:
    return s.scalars(
        select(CaseLimit).where(CaseLimit.case_id == case_id, CaseLimit.kind == LimitKind.HANDLING)
    ).one()


def test_limits_in_2027_follow_the_rules_until_the_notice_is_entered(
    session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        new_year = make_case_with_limits(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 11, 1),
            accepted_on=dt.date(2026, 11, 2),
        ).id
        spring = make_case_with_limits(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 12, 6),
            accepted_on=dt.date(2026, 12, 7),
        ).id
    with session_factory() as s:
        # + 60 = Fri 2027-01-01 (元旦) -> Mon 01-04, not 01-01 as with weekends only.
        limit = handling(s, new_year)
        assert (limit.due_on, limit.calendar_covered) == (dt.date(2027, 1, 4), False)
        # + 60 = Fri 2027-02-05 (除夕): 春节 to 02-08, substitute days 02-09 and 02-10.
        limit = handling(s, spring)
        assert limit.due_on is not None and limit.due_on >= dt.date(2027, 2, 9)
        assert (limit.due_on, limit.calendar_covered) == (dt.date(2027, 2, 11), False)
        assert uncovered_years_ahead(s, dt.date(2026, 11, 27)) == [2027]  # the banner asks

    # The notice (made up for the test): 春节 rest 02-05..02-12, Sat 02-20 an adjusted
    # working day. Entering it declares 2027 complete: no longer provisional.
    notice = tmp_path / "2027.csv"
    notice.write_text(
        "日期,类型,名称\n"
        + "".join(f"2027-02-{d:02d},休,春节\n" for d in (11, 12))
        + "2027-02-20,班,春节调休\n",
        encoding="utf-8",
    )
    with session_factory.begin() as s:
        import_holidays_csv(s, ADMIN, notice)
    with session_factory() as s:
        limit = handling(s, spring)
        # Thu 02-11 and Fri 02-12 now rest too -> Mon 02-15, final.
        assert (limit.due_on, limit.calendar_covered) == (dt.date(2027, 2, 15), True)
        assert handling(s, new_year).calendar_covered
        year = year_calendar(s, 2027)
        assert year.declared and not year.provisional
        days = {d.day: d for d in year.days}
        # The statutory days stay rest days (law, not the notice); the notice's days win.
        assert (days[dt.date(2027, 2, 9)].source, days[dt.date(2027, 2, 9)].is_rest) == (
            STATUTORY,
            True,
        )
        assert (days[dt.date(2027, 2, 20)].source, days[dt.date(2027, 2, 20)].is_rest) == (
            OVERRIDE,
            False,
        )
        assert uncovered_years_ahead(s, dt.date(2026, 11, 27)) == []
    with session_factory.begin() as s:
        set_year_complete(s, ADMIN, 2027, complete=False)
    with session_factory() as s:
        assert not handling(s, spring).calendar_covered
        assert year_calendar(s, 2027).provisional


def test_confirmation_is_not_refused_on_a_statutory_holiday_of_a_provisional_year(
    session_factory: sessionmaker[Session], people: People
) -> None:
    # Effective Wed 2026-12-02: day 30 is Fri 2027-01-01 (元旦) -> Mon 2027-01-04. With
    # weekends only the window ended on 01-01 and an application on 01-04 was refused.
    effective = dt.date(2026, 12, 2)
    with session_factory.begin() as s:
        case = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            received_on=dt.date(2026, 11, 20),
            mediator_id=people.mediator,
        )
        make_agreement(s, case, signed_on=effective)
        refresh_case_limits(s, case)
        case_id = case.id
    applied = dt.date(2027, 1, 4)
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        overview = conf.confirmation_overview(s, mediator, case_id, today=applied)
        assert (overview.window_due_on, overview.window_missed) == (applied, False)
        window = s.scalars(
            select(CaseLimit).where(
                CaseLimit.case_id == case_id,
                CaseLimit.kind == LimitKind.CONFIRMATION_APPLICATION,
            )
        ).one()
        assert (window.due_on, window.calendar_covered) == (applied, False)
        version = s.get(Case, case_id)
        assert version is not None
        conf.apply_for_confirmation(
            s,
            mediator,
            case_id,
            version.version_id,
            court_code="CT-KEQ",
            applied_on=applied,
            today=applied,
            acknowledge_warnings=True,
        )
    with session_factory() as s:
        assert s.scalars(select(Confirmation.applied_on)).all() == [applied]


def test_deadline_json_says_the_date_is_provisional(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", database_url, "init"]) == 0
    capsys.readouterr()
    args = ["--database-url", database_url, "deadline", "--start", "2026-11-02", "--json"]
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {
        "start": "2026-11-02",
        "due": "2027-01-04",
        "days": 60,
        "working_days": False,
        "suspended_days": 0,
        "extended_days": 0,
        "rolled_over": True,
        "calendar_covered": False,
        "provisional": True,
    }
    assert main([*args[:-1]]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2027-01-04"
    assert "暂定" in lines[-1]
    # Once the administrator declares 2027 complete, the same date is final.
    engine = make_engine(database_url)
    with make_session_factory(engine).begin() as s:
        set_year_complete(s, ADMIN, 2027)
    engine.dispose()
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["due"], doc["calendar_covered"], doc["provisional"]) == ("2027-01-04", True, False)
