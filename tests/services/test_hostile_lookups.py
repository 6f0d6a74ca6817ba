"""Codes, names and numbers with NUL and other control characters, on both databases.

PostgreSQL refuses a NUL character in a text parameter with a DataError (it crashed intake
once, see test_intake.py), and neither driver can send a lone surrogate (undecodable bytes
as Python carries them). Every service that looks up something the user typed — a user
name at sign-in, an office, station or court code, a case number, the search box — must
answer such a value with its ordinary domain error (unknown, not found, failed sign-in),
and free text that is stored (a reason, a holiday's or an agency's name) with a
ValidationError: never a database error or a traceback. The ipdesk-admin command line is
covered by tests/test_hostile_input.py (argv cannot carry NUL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.models import Case, CaseStatus, Role, User
from ipdesk.services import documents
from ipdesk.services.actors import Actor
from ipdesk.services.admin import agencies, auth, holidays, org
from ipdesk.services.admin.auth import SignInFailed
from ipdesk.services.cases import confirmation, mediation, routing, workflow
from ipdesk.services.errors import ImportFailed, NotFound, ValidationError, ValidationErrors
from ipdesk.services.queries.cases_query import CaseFilter, case_detail, case_ids, count_cases
from ipdesk.services.queries.lookups import has_control_chars, is_unusable_key
from ipdesk.services.queries.search import search_cases
from tests.conftest import BACKENDS
from tests.helpers.factories import TEST_PASSWORD, make_agreement, make_case, make_user, seed
from tests.helpers.module_db import module_database

HOSTILE = [
    "\x00",
    "TL01\x00",
    "TL01-S01\x00",
    "\x00TL01",
    "TL\x0001-2026-00001",
    "\x1b[31mTL01",
    "TL\x0701",
    "TL01\x7f",
    "TL\x8501",
    "\udcff",
    "TL01\ud800",
    "TL\ufffe01",
]
IDS = [ascii(v) for v in HOSTILE]


@dataclass(frozen=True)
class World:
    factory: sessionmaker[Session]
    admin: int
    manager: int
    mediator: int
    city: int
    victim: str  # a user whose sign-ins fail here (the failures are counted)
    mediating: int  # TL01, mediating, handled by ``mediator``
    agreed: int  # TL01, agreement, handled by ``mediator``
    accepted: int  # TL01-S01, accepted, nobody handles it yet
    registered: int  # TL01-S01, registered
    number: str  # of ``mediating``

    def actor(self, s: Session, user_id: int) -> Actor:
        user = s.get(User, user_id)
        assert user is not None
        return Actor.of(user)

    def version(self, s: Session, case_id: int) -> int:
        case = s.get(Case, case_id)
        assert case is not None
        return case.version_id


@pytest.fixture(scope="module", params=BACKENDS)
def world(request: pytest.FixtureRequest) -> Iterator[World]:
    with module_database(request) as engine:
        factory = db.make_session_factory(engine)
        with factory.begin() as s:
            seed(s)
            admin = make_user(s, Role.ADMIN)
            manager = make_user(s, Role.OFFICE_MANAGER, office="TL01")
            mediator = make_user(s, Role.MEDIATOR, office="TL01")
            city = make_user(s, Role.CITY_MANAGER)
            victim = make_user(s, Role.MEDIATOR, office="TL01")
            mediating = make_case(s, status=CaseStatus.MEDIATING, mediator_id=mediator.id)
            agreed = make_case(s, status=CaseStatus.AGREEMENT, mediator_id=mediator.id)
            make_agreement(s, agreed, signed_on=agreed.received_on + dt.timedelta(days=3))
            accepted = make_case(s, status=CaseStatus.ACCEPTED)
            registered = make_case(s)
            yield_world = World(
                factory,
                admin.id,
                manager.id,
                mediator.id,
                city.id,
                victim.username,
                mediating.id,
                agreed.id,
                accepted.id,
                registered.id,
                mediating.number,
            )
        yield yield_world


# --------------------------------------------------------------------------- the lookups

Call = Callable[[Session, World, str], Any]


def _a(s: Session, w: World, who: str) -> Actor:
    return w.actor(s, getattr(w, who))


LOOKUPS: dict[str, tuple[Call, type[Exception]]] = {
    "auth.get_user": (lambda s, w, v: auth.get_user(s, _a(s, w, "admin"), v), NotFound),
    "auth.user_id_of": (lambda s, w, v: auth.user_id_of(s, _a(s, w, "admin"), v), NotFound),
    "auth.create_user office": (
        lambda s, w, v: auth.create_user(
            s, _a(s, w, "admin"), "new-user", "新用户", Role.MEDIATOR, TEST_PASSWORD, office_code=v
        ),
        ValidationError,
    ),
    "auth.create_user station": (
        lambda s, w, v: auth.create_user(
            s,
            _a(s, w, "admin"),
            "new-user",
            "新用户",
            Role.STATION_STAFF,
            TEST_PASSWORD,
            station_code=v,
        ),
        ValidationError,
    ),
    "auth.create_user name": (
        lambda s, w, v: auth.create_user(
            s, _a(s, w, "admin"), "new-user", f"张{v}三", Role.CITY_MANAGER, TEST_PASSWORD
        ),
        ValidationError,
    ),
    "auth.change_role office": (
        lambda s, w, v: auth.change_role(
            s, _a(s, w, "admin"), w.manager, Role.OFFICE_MANAGER, office_code=v
        ),
        ValidationError,
    ),
    "routing.transfer_case office": (
        lambda s, w, v: routing.transfer_case(
            s, _a(s, w, "manager"), w.accepted, w.version(s, w.accepted), v, "移送原因"
        ),
        ValidationError,
    ),
    "routing.transfer_case station": (
        lambda s, w, v: routing.transfer_case(
            s,
            _a(s, w, "manager"),
            w.accepted,
            w.version(s, w.accepted),
            "TL02",
            "移送原因",
            to_station_code=v,
        ),
        ValidationError,
    ),
    "routing.office_transfers": (
        lambda s, w, v: routing.office_transfers(s, _a(s, w, "city"), v),
        NotFound,
    ),
    "routing.to_assign": (
        lambda s, w, v: routing.to_assign(s, _a(s, w, "city"), office_code=v),
        NotFound,
    ),
    "cases_query office filter": (
        lambda s, w, v: count_cases(s, _a(s, w, "city"), CaseFilter(office=v)),
        ValidationError,
    ),
    "cases_query station filter": (
        lambda s, w, v: case_ids(s, _a(s, w, "city"), CaseFilter(station=v), limit=10),
        ValidationError,
    ),
    "cases_query.case_detail number": (
        lambda s, w, v: case_detail(s, _a(s, w, "city"), v),
        NotFound,
    ),
    "documents.case_id_for_number": (
        lambda s, w, v: documents.case_id_for_number(s, v),
        NotFound,
    ),
    "confirmation.apply_for_confirmation court": (
        lambda s, w, v: confirmation.apply_for_confirmation(
            s,
            _a(s, w, "mediator"),
            w.agreed,
            w.version(s, w.agreed),
            court_code=v,
            applied_on=s.get(Case, w.agreed).received_on + dt.timedelta(days=5),  # type: ignore[union-attr]
            acknowledge_warnings=True,
        ),
        ValidationErrors,
    ),
    "mediation.register_court_referral court": (
        lambda s, w, v: mediation.register_court_referral(
            s,
            _a(s, w, "mediator"),
            w.mediating,
            w.version(s, w.mediating),
            court_code=v,
            court_case_number="（2026）内0502民初1号",
        ),
        ValidationErrors,
    ),
    "workflow.record_failure reason": (
        lambda s, w, v: workflow.record_failure(
            s, _a(s, w, "mediator"), w.mediating, w.version(s, w.mediating), reason=f"理由{v}"
        ),
        ValidationError,
    ),
    "workflow.record_failure court": (
        lambda s, w, v: workflow.record_failure(
            s, _a(s, w, "mediator"), w.mediating, w.version(s, w.mediating), court_code=v
        ),
        ValidationError,
    ),
    "workflow.reject reason": (
        lambda s, w, v: workflow.reject(
            s, _a(s, w, "manager"), w.registered, w.version(s, w.registered), f"理由{v}"
        ),
        ValidationError,
    ),
    "agencies.create_agency code": (
        lambda s, w, v: agencies.create_agency(
            s, _a(s, w, "admin"), agencies.AgencyForm(code=v, kind="other", name="某协会")
        ),
        ValidationErrors,
    ),
    "agencies.create_agency name": (
        lambda s, w, v: agencies.create_agency(
            s, _a(s, w, "admin"), agencies.AgencyForm(code="X-1", kind="other", name=f"某{v}会")
        ),
        ValidationErrors,
    ),
    "holidays.set_override name": (
        lambda s, w, v: holidays.set_override(
            s, _a(s, w, "admin"), dt.date(2026, 10, 9), is_rest=True, name=f"假{v}日"
        ),
        ValidationError,
    ),
}


@pytest.mark.parametrize("name", sorted(LOOKUPS))
def test_a_hostile_value_gets_the_domain_error(world: World, name: str) -> None:
    """Each value in a transaction of its own (on PostgreSQL a DataError would abort it),
    rolled back: nothing a refusal did stays."""
    call, expected = LOOKUPS[name]
    wrong: dict[str, str] = {}
    for value in HOSTILE:
        with world.factory() as s:
            try:
                call(s, world, value)
            except expected:
                pass
            except Exception as exc:  # named in the failure below
                wrong[ascii(value)] = f"{type(exc).__name__}: {exc}"[:200]
            else:
                wrong[ascii(value)] = "accepted"
            s.rollback()
    assert wrong == {}


@pytest.mark.parametrize("value", HOSTILE, ids=IDS)
def test_searching_for_a_hostile_value_finds_nothing_and_fails_nowhere(
    world: World, value: str
) -> None:
    with world.factory() as s:  # control characters are dropped from the terms
        city = _a(s, world, "city")
        cases = {world.mediating, world.agreed, world.accepted, world.registered}
        assert set(search_cases(s, city, value)) <= cases
        assert set(search_cases(s, city, f"张三 {value}")) <= cases
        assert count_cases(s, city, CaseFilter(text=value)) <= len(cases)


# argon2 takes its time on purpose: a NUL, a surrogate and an escape sequence are enough
SIGN_IN = ["TL01\x00", "\x00TL01", "\udcff", "\x1b[31mTL01"]


@pytest.mark.parametrize("value", SIGN_IN, ids=[ascii(v) for v in SIGN_IN])
def test_signing_in_with_a_hostile_user_name_or_password_fails_cleanly(
    world: World, value: str
) -> None:
    with pytest.raises(SignInFailed):
        auth.sign_in(world.factory, value, TEST_PASSWORD)
    with pytest.raises(SignInFailed):
        auth.sign_in(world.factory, f"{world.victim[:3]}{value}{world.victim[3:]}", TEST_PASSWORD)
    with pytest.raises((SignInFailed, auth.AccountLocked)):  # counted as a wrong password
        auth.sign_in(world.factory, world.victim, f"{TEST_PASSWORD}{value}")


def test_a_password_that_cannot_be_hashed_is_refused(world: World) -> None:
    with world.factory() as s, pytest.raises(ValidationError) as caught:
        auth.create_user(
            s, _a(s, world, "admin"), "new-user", "新用户", Role.CITY_MANAGER, "pass\udcffword"
        )
    assert caught.value.code == "password_invalid"


def test_the_lookups_still_find_what_exists(world: World) -> None:
    """The guards refuse nothing valid: the same calls with real values succeed."""
    with world.factory() as s:
        city = _a(s, world, "city")
        assert count_cases(s, city, CaseFilter(office="TL01")) == 4
        assert count_cases(s, city, CaseFilter(office="TL01", station="TL01-S01")) == 4
        assert case_detail(s, city, f" {world.number} ").number == world.number
        assert documents.case_id_for_number(s, world.number) == world.mediating
        assert routing.office_transfers(s, city, "TL01") == []
        assert routing.to_assign(s, city, office_code="TL01").total == 2
        admin = _a(s, world, "admin")
        assert auth.get_user(s, admin, world.victim.upper()).username == world.victim
        s.rollback()


# --------------------------------------------------------------------------- files


def test_a_nul_deep_in_an_org_file_is_refused(world: World, tmp_path: Path) -> None:
    """tabular.decode only looks for NUL in the first 4 KiB; the row checks catch the rest."""
    offices = tmp_path / "offices.csv"
    stations = tmp_path / "stations.csv"
    offices.write_text(
        "code,name\n" + "".join(f"X{i:03d},裁决所{i}\n" for i in range(400)) + "X999,坏\x00名\n",
        encoding="utf-8",
    )
    stations.write_text("code,name,office\nX000-S01,站点,X000\n", encoding="utf-8")
    assert offices.stat().st_size > 4096
    with world.factory() as s, pytest.raises(ImportFailed):
        org.import_org(s, _a(s, world, "admin"), offices, stations)


def test_a_nul_deep_in_a_holiday_file_is_refused(world: World, tmp_path: Path) -> None:
    days = [dt.date(2030, 1, 1) + dt.timedelta(days=i) for i in range(300)]
    path = tmp_path / "holidays.csv"
    path.write_text(
        "date,type,name\n"
        + "".join(f"{d.isoformat()},rest,休息日\n" for d in days)
        + "2030-12-31,rest,元\x00旦\n",
        encoding="utf-8",
    )
    assert path.stat().st_size > 4096
    with world.factory() as s, pytest.raises(ImportFailed):
        holidays.import_holidays_csv(s, _a(s, world, "admin"), path)


# --------------------------------------------------------------------------- the helper


@pytest.mark.parametrize("value", HOSTILE, ids=IDS)
def test_the_helper_calls_every_hostile_value_unusable(value: str) -> None:
    assert has_control_chars(value)
    assert is_unusable_key(value)


@pytest.mark.parametrize("value", ["TL01", "TL01-S01", "TL01-2026-00001", "张三", "a b", ""])
def test_the_helper_lets_ordinary_text_through(value: str) -> None:
    assert not is_unusable_key(value)
    assert has_control_chars("第一行\n第二行\t", multiline=True) is False
    assert has_control_chars("第一行\x00", multiline=True)


def test_nothing_was_written(world: World) -> None:
    """Every refusal above left the database as it was (last in the module)."""
    with world.factory() as s:
        assert s.scalar(select(User.id).where(User.username == "new-user")) is None
        assert [c.status for c in s.scalars(select(Case).order_by(Case.id))] == [
            CaseStatus.MEDIATING,
            CaseStatus.AGREEMENT,
            CaseStatus.ACCEPTED,
            CaseStatus.REGISTERED,
        ]
