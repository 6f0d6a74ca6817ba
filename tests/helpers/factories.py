"""Test data built directly with the ORM: users of every role and cases in any state.

Generic on purpose (every service's tests use it). Call ``seed_reference_data`` first (or
use :func:`seed`): offices, stations and limit rules come from the reference data.

    with session_factory.begin() as s:
        seed(s)
        manager = make_user(s, Role.OFFICE_MANAGER, office="TL01")
        case = make_case(s, station_code="TL01-S01", status=CaseStatus.ACCEPTED)
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import (
    Case,
    CaseSequence,
    CaseStatus,
    Channel,
    DisputeType,
    IpType,
    Office,
    Party,
    PartyKind,
    PartyRole,
    Role,
    Station,
    User,
)
from ipdesk.services.actors import Actor
from ipdesk.services.admin.passwords import hash_password
from ipdesk.services.admin.seed import seed_reference_data
from ipdesk.services.rules.deadlines import legal_today

TEST_PASSWORD = "correct-horse-1"
"""The password of every user that :func:`make_user` creates unless told otherwise."""
REGISTRAR = Actor(None, "市级管理人员", Role.CITY_MANAGER, may_view_personal_data=True)
"""A city manager without a user row: registers cases anywhere (administrators may not)."""

_usernames = itertools.count(1)

# States reached only after acceptance: they carry an acceptance date.
_ACCEPTED_STATES = frozenset(CaseStatus) - {CaseStatus.REGISTERED, CaseStatus.REJECTED}


@cache
def password_hash(password: str) -> str:
    """One argon2 hash per password per test run: argon2 is slow on purpose."""
    return hash_password(password)


def seed(session: Session) -> None:
    """The reference organisation (9 offices, 89 stations), agencies and limit rules."""
    seed_reference_data(session)


def office(session: Session, code: str) -> Office:
    return session.scalars(select(Office).where(Office.code == code)).one()


def station(session: Session, code: str) -> Station:
    return session.scalars(select(Station).where(Station.code == code)).one()


def make_user(
    session: Session,
    role: Role,
    office: str | None = None,
    station: str | None = None,
    username: str | None = None,
    *,
    password: str = TEST_PASSWORD,
    display_name: str | None = None,
    active: bool = True,
    **overrides: Any,
) -> User:
    """A user of ``role``; ``office`` / ``station`` are codes (e.g. "TL01", "TL01-S01").

    The scope must fit the role as the database demands: a station for station staff, an
    office for mediators and office managers, nothing for city managers and administrators.
    """
    number = next(_usernames)
    user = User(
        username=username or f"{role.value.replace('_', '-')}-{number}",
        display_name=display_name or f"测试用户{number:03d}",
        password_hash=password_hash(password),
        role=role,
        office_id=_office_id(session, office) if office else None,
        station_id=_station_id(session, station) if station else None,
        active=active,
        may_view_personal_data=role != Role.STATION_STAFF,
        **overrides,
    )
    session.add(user)
    session.flush()
    return user


def actor(user: User) -> Actor:
    return Actor.of(user)


def next_case_number(session: Session, office: Office, year: int) -> str:
    """The next gap-free number of ``office`` in ``year``, as intake hands them out."""
    sequence = session.get(CaseSequence, (office.id, year))
    if sequence is None:
        sequence = CaseSequence(office_id=office.id, year=year, last_value=0)
        session.add(sequence)
    sequence.last_value += 1
    return f"{office.code}-{year}-{sequence.last_value:05d}"


def make_case(
    session: Session,
    station_code: str | None = "TL01-S01",
    status: CaseStatus = CaseStatus.REGISTERED,
    *,
    office_code: str | None = None,
    applicant: str = "张三",
    respondent: str = "通辽市某某商贸有限公司",
    **overrides: Any,
) -> Case:
    """A case registered at ``station_code`` (handled by its office) in ``status``.

    Dates fit the state: received 10 days ago, accepted the day after for every state past
    acceptance, closed today when closed or rejected (a closed case's outcome defaults to
    ``agreement``). Any column can be overridden, e.g. ``mediator_id=user.id``,
    ``received_on=...``, ``is_suspended=True``. One applicant (a person) and one respondent
    (an organisation) are added unless their names are given as "".
    """
    st = station(session, station_code) if station_code else None
    if st is not None:
        of = st.office
    elif office_code:
        of = office(session, office_code)
    else:
        raise ValueError("give station_code or office_code")
    received = overrides.pop("received_on", legal_today() - dt.timedelta(days=10))
    fields: dict[str, Any] = {
        "number": next_case_number(session, of, received.year),
        "office_id": of.id,
        "station_id": st.id if st else None,
        "status": status,
        "ip_type": IpType.TRADEMARK,
        "dispute_type": DisputeType.INFRINGEMENT,
        "facts": "被申请人在其门店销售标有申请人注册商标的商品。",
        "claim": "停止销售侵权商品并赔偿经济损失。",
        "channel": Channel.WALK_IN,
        "received_on": received,
    }
    if status in _ACCEPTED_STATES:
        fields["accepted_on"] = received + dt.timedelta(days=1)
    if status in (CaseStatus.CLOSED, CaseStatus.REJECTED):
        fields["closed_on"] = legal_today()
    if status == CaseStatus.CLOSED:
        fields["outcome"] = CaseStatus.AGREEMENT
    fields.update(overrides)
    case = Case(**fields)
    if applicant:
        case.parties.append(
            Party(position=0, role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name=applicant)
        )
    if respondent:
        case.parties.append(
            Party(
                position=1,
                role=PartyRole.RESPONDENT,
                kind=PartyKind.ORGANISATION,
                name=respondent,
            )
        )
    session.add(case)
    session.flush()
    return case


def _office_id(session: Session, code: str) -> int:
    return office(session, code).id


def _station_id(session: Session, code: str) -> int:
    return station(session, code).id


def make_case_with_limits(
    session: Session,
    station_code: str | None = "TL01-S01",
    status: CaseStatus = CaseStatus.ACCEPTED,
    **overrides: Any,
) -> Case:
    """:func:`make_case`, then its limits (acceptance decision, handling) derived as the
    services derive them, with the cached due date on the case."""
    from ipdesk.services.cases.limits import refresh_case_limits

    case = make_case(session, station_code, status, **overrides)
    refresh_case_limits(session, case)
    session.flush()
    return case


# --------------------------------------------------------------------------- intake forms


def valid_intake_form(
    station: str = "TL01-S01",
    *,
    seed: int = 1,
    applicant: str = "王伟",
    respondent: str = "通辽市草原食品有限公司",
    received: dt.date | None = None,
    **overrides: Any,
) -> Any:
    """An :class:`ipdesk.services.cases.intake.IntakeForm` that validates: a person (valid ID
    number, mobile phone) against an organisation (valid credit code) over a trademark.
    ``seed`` varies the identifiers; any form field can be overridden."""
    import random

    from ipdesk.services.cases.intake import IntakeForm, PartyForm
    from ipdesk.services.rules import identifiers as ids

    rng = random.Random(seed)
    fields: dict[str, Any] = {
        "parties": (
            PartyForm(
                role="applicant",
                kind="person",
                name=applicant,
                id_number=ids.make_resident_id(rng, "150502", dt.date(1980, 5, 17)),
                phone=f"139{rng.randrange(10**8):08d}",
                address="通辽市科尔沁区和平路12号",
            ),
            PartyForm(
                role="respondent",
                kind="organisation",
                name=respondent,
                id_number=ids.make_uscc(rng, "150502"),
                legal_representative="李娜",
            ),
        ),
        "ip_type": "trademark",
        "right_number": ids.make_trademark_number(rng),
        "right_holder": applicant,
        "dispute_type": "infringement",
        "facts": f"被申请人在其门店销售假冒申请人注册商标的商品（{seed}）。",
        "claim": "停止侵权，赔偿经济损失。",
        "amount_claimed": "12000.00",
        "channel": "walk_in",
        "station": station,
        "received": received or legal_today(),
    }
    fields.update(overrides)
    return IntakeForm(**fields)


# --------------------------------------------------------------------------- partner agencies


def agency(session: Session, code: str) -> Any:
    """A seeded partner agency by code (CT-KEQ, CT-ZY, PR-TL, JB-TL, ...)."""
    from ipdesk.models import Agency

    return session.scalars(select(Agency).where(Agency.code == code)).one()


def make_agreement(
    session: Session,
    case: Case,
    *,
    signed_on: dt.date,
    effective_on: dt.date | None = None,
    decides_ownership: bool = False,
    amount: str | None = "12000.00",
) -> Any:
    """An agreement on ``case`` (written directly, no status change): the respondent pays
    the applicant ``amount`` and stops selling. ``effective_on`` defaults to ``signed_on``."""
    from decimal import Decimal

    from ipdesk.models import Agreement, Obligation

    applicant = next(p for p in case.parties if p.role == PartyRole.APPLICANT)
    respondent = next(p for p in case.parties if p.role == PartyRole.RESPONDENT)
    agreement = Agreement(
        case_id=case.id,
        signed_on=signed_on,
        effective_on=effective_on or signed_on,
        decides_ownership=decides_ownership,
        obligations=[
            Obligation(
                position=0,
                obligor_id=respondent.id,
                obligee_id=applicant.id,
                description="赔偿经济损失",
                amount=Decimal(amount) if amount is not None else None,
                due_on=signed_on + dt.timedelta(days=30),
            ),
            Obligation(
                position=1,
                obligor_id=respondent.id,
                obligee_id=applicant.id,
                description="停止销售侵权商品并下架库存",
            ),
        ],
    )
    session.add(agreement)
    session.flush()
    return agreement


@dataclass(frozen=True)
class People:
    """User ids of every role around office TL01 (station TL01-S01) and office TL02."""

    staff: int  # station staff of TL01-S01
    mediator: int  # TL01: give cases to this one (``mediator_id=people.mediator``)
    mediator2: int  # another mediator of TL01
    mediator_other: int  # a mediator of TL02
    manager: int  # office manager of TL01
    manager_other: int  # office manager of TL02
    city: int
    admin: int

    def actor(self, session: Session, name: str) -> Actor:
        user = session.get(User, getattr(self, name))
        assert user is not None
        return Actor.of(user)


def make_people(session: Session) -> People:
    """Users of every role (see :class:`People`); call after :func:`seed`."""
    return People(
        staff=make_user(session, Role.STATION_STAFF, station="TL01-S01").id,
        mediator=make_user(session, Role.MEDIATOR, office="TL01").id,
        mediator2=make_user(session, Role.MEDIATOR, office="TL01").id,
        mediator_other=make_user(session, Role.MEDIATOR, office="TL02").id,
        manager=make_user(session, Role.OFFICE_MANAGER, office="TL01").id,
        manager_other=make_user(session, Role.OFFICE_MANAGER, office="TL02").id,
        city=make_user(session, Role.CITY_MANAGER).id,
        admin=make_user(session, Role.ADMIN).id,
    )


# --------------------------------------------------------------------------- clock, visits


def make_adjustment(
    session: Session,
    case: Case,
    start_on: dt.date,
    end_on: dt.date | None = None,
    *,
    extension_days: int | None = None,
    limit_kind: Any = None,
    reason: str = "委托司法鉴定机构进行技术鉴定",
) -> Any:
    """A suspension of ``case``'s handling clock from ``start_on`` to ``end_on`` (None:
    still running), or an extension of ``extension_days`` approved on ``start_on``;
    written directly (no limit refresh)."""
    from ipdesk.models import AdjustmentKind, ClockAdjustment, LimitKind

    adjustment = ClockAdjustment(
        case_id=case.id,
        limit_kind=limit_kind or LimitKind.HANDLING,
        kind=AdjustmentKind.EXTENSION if extension_days else AdjustmentKind.SUSPENSION,
        start_on=start_on,
        end_on=None if extension_days else end_on,
        days=extension_days,
        reason=reason,
    )
    session.add(adjustment)
    session.flush()
    return adjustment


def make_visit(
    session: Session,
    case: Case,
    due_on: dt.date,
    *,
    done_on: dt.date | None = None,
    cancelled: bool = False,
    **overrides: Any,
) -> Any:
    """A follow-up visit of ``case`` planned for ``due_on``: done when ``done_on`` is
    given, cancelled when asked; written directly (no limit)."""
    from ipdesk.models import FollowUpVisit, Performance, VisitMethod, VisitState

    state = (
        VisitState.CANCELLED
        if cancelled
        else VisitState.DONE
        if done_on is not None
        else VisitState.PLANNED
    )
    fields: dict[str, Any] = {
        "case_id": case.id,
        "office_id": case.office_id,
        "station_id": case.station_id,
        "state": state,
        "due_on": due_on,
        "responsible_id": case.mediator_id,
    }
    if done_on is not None:
        fields |= {
            "done_on": done_on,
            "method": VisitMethod.PHONE,
            "person_visited": "张三",
            "performance": Performance.FULL,
            "satisfaction": 5,
        }
    fields.update(overrides)
    visit = FollowUpVisit(**fields)
    session.add(visit)
    session.flush()
    return visit


# --------------------------------------------------------------------------- agreement forms


def agreement_form(
    case: Case, *, signed_on: dt.date | None = None, effective_on: dt.date | None = None
) -> Any:
    """A :class:`ipdesk.services.cases.mediation.AgreementForm` for ``case`` that validates: the
    (first) respondent pays the applicant 8,000 yuan within 30 days and removes the listings
    within 7; signed ``signed_on`` (default today), in effect ``effective_on`` (default the
    signing day)."""
    from decimal import Decimal

    from ipdesk.services.cases.mediation import AgreementForm, ObligationForm

    applicant = next(p for p in case.parties if p.role == PartyRole.APPLICANT)
    respondent = next(p for p in case.parties if p.role == PartyRole.RESPONDENT)
    signed = signed_on or legal_today()
    return AgreementForm(
        signed_on=signed,
        effective_on=effective_on or signed,
        facts="被申请人在其门店销售标有申请人注册商标的商品，双方就赔偿数额发生争议。",
        responsibilities="被申请人对侵权行为承担全部责任。",
        obligations=(
            ObligationForm(
                description="赔偿经济损失",
                obligor_id=respondent.id,
                obligee_id=applicant.id,
                amount=Decimal("8000.00"),
                due_on=signed + dt.timedelta(days=30),
            ),
            ObligationForm(
                description="下架全部侵权商品链接",
                obligor_id=respondent.id,
                obligee_id=applicant.id,
                due_on=signed + dt.timedelta(days=7),
            ),
        ),
    )
