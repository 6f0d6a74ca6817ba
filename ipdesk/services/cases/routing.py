"""Routing: which office and which mediator handle a case, and the work lists.

A case registered at a station belongs to the office that covers the station (intake sets
``office_id`` from the station). The office manager assigns a mediator — the suggestion is
the office's active mediator with the fewest open cases, ties broken by name — and may
transfer a case to another office with a reason; the transfer event carries both offices'
codes in its details, so it shows in both offices' history (``office_transfers``).
Who may do what: see the table in ``ipdesk.services.cases.workflow``. When the case already
has a mediator, the suggestion is someone else (reassigning).

Work lists return light rows (number, status, received, due, parties summary) a page at a
time (``limit``/``offset``) with the total, sorted in SQL:

- ``my_cases`` (mediator): the open cases assigned to them, most urgent due date first;
- ``to_assign`` (office manager: their office; city manager: all or one office): registered
  or accepted cases without an active mediator, oldest first;
- ``station_cases`` (station staff): their station's cases, newest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from ipdesk.models import (
    OPEN_STATUSES,
    Case,
    CaseEvent,
    CaseStatus,
    EventKind,
    FollowUpVisit,
    Office,
    Party,
    PartyRole,
    Role,
    Station,
    User,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.limits import STOPPED_STATUSES
from ipdesk.services.cases.workflow import (
    TransitionResult,
    finish,
    load_for,
    optimistic,
    required_reason,
)
from ipdesk.services.errors import NotFound, PermissionDenied, ValidationError
from ipdesk.services.queries.lookups import is_unusable_key

MAX_PAGE = 500


@dataclass(frozen=True)
class MediatorLoad:
    user_id: int
    username: str
    name: str
    open_cases: int


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    status: CaseStatus
    received_on: dt.date
    due_on: dt.date | None
    parties: str
    """"申请人 与 被申请人", with 等 when a side has several parties."""
    office_code: str
    station_code: str | None
    mediator_name: str | None
    is_suspended: bool
    version: int


@dataclass(frozen=True)
class WorkList:
    rows: tuple[CaseRow, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True)
class TransferResult:
    case_id: int
    number: str
    status: CaseStatus
    version: int
    event_id: int
    from_office: str
    to_office: str
    station_code: str | None


@dataclass(frozen=True)
class TransferRow:
    """One transfer in an office's history: ``direction`` is "in" or "out"."""

    case_number: str
    at: dt.datetime
    direction: str
    from_office: str
    to_office: str
    reason: str | None
    by: str | None


# -- assigning ----------------------------------------------------------------------------


def mediator_loads(session: Session, actor: Actor, office_id: int) -> list[MediatorLoad]:
    """The office's active mediators with their open cases, fewest first, ties by name."""
    _require_office(actor, office_id)
    open_count = (
        select(func.count())
        .select_from(Case)
        .where(Case.mediator_id == User.id, Case.status.in_(OPEN_STATUSES))
        .scalar_subquery()
    )
    rows = session.execute(
        select(User.id, User.username, User.display_name, open_count.label("n"))
        .where(User.role == Role.MEDIATOR, User.office_id == office_id, User.active)
        .order_by(open_count, User.display_name, User.username)
    ).all()
    return [MediatorLoad(uid, username, name, n) for uid, username, name, n in rows]


def suggest_mediator(session: Session, actor: Actor, case_id: int) -> MediatorLoad | None:
    """The mediator the assign dialog proposes for the case (None: the office has none)."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", code="case_not_found", case_id=case_id)
    _require_office(actor, case.office_id, case.number)
    loads = [
        m for m in mediator_loads(session, actor, case.office_id) if m.user_id != case.mediator_id
    ]
    return loads[0] if loads else None


@optimistic
def assign_mediator(
    session: Session, actor: Actor, case_id: int, expected_version: int, mediator_id: int
) -> TransitionResult:
    """Assign (or reassign) the case to an active mediator of the case's office."""
    case = load_for(session, actor, case_id, expected_version, "assign_mediator")
    mediator = session.get(User, mediator_id)
    if (
        mediator is None
        or mediator.role != Role.MEDIATOR
        or mediator.office_id != case.office_id
        or not mediator.active
    ):
        raise ValidationError(
            "mediator",
            f"只能指派本裁决所在职的调解员承办案件 {case.number}",
            code="not_office_mediator",
            case=case.number,
        )
    if mediator.id == case.mediator_id:
        raise ValidationError(
            "mediator",
            f"案件 {case.number} 已由 {mediator.display_name} 承办",
            code="already_assigned",
            case=case.number,
            mediator=mediator.display_name,
        )
    previous = case.mediator
    case.mediator_id = mediator.id
    details = {"mediator": mediator.username, "mediator_name": mediator.display_name}
    if previous is not None:
        details |= {"previous": previous.username, "previous_name": previous.display_name}
    return finish(session, actor, case, EventKind.ASSIGNED, details=details)


# -- transferring ---------------------------------------------------------------------------


@optimistic
def transfer_case(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    to_office_code: str,
    reason: str,
    *,
    to_station_code: str | None = None,
) -> TransferResult:
    """Hand the case over to another office (and optionally one of its stations).

    The mediator is unassigned (mediators work for one office); the number is kept.
    """
    case = load_for(session, actor, case_id, expected_version, "transfer")
    text = required_reason(reason, "移送的原因")
    target = _office_by_code(session, to_office_code)
    if target is None or not target.active:
        raise ValidationError(
            "office",
            f"裁决所代码“{to_office_code}”不存在或已停用",
            code="unknown_office",
            office=to_office_code,
        )
    if target.id == case.office_id:
        raise ValidationError(
            "office",
            f"案件 {case.number} 已由{target.name}办理",
            code="same_office",
            case=case.number,
            office_name=target.name,
        )
    station: Station | None = None
    if to_station_code:
        station = (
            None
            if is_unusable_key(to_station_code)
            else session.scalars(select(Station).where(Station.code == to_station_code)).first()
        )
        if station is None or not station.active or station.office_id != target.id:
            raise ValidationError(
                "station",
                f"站点“{to_station_code}”不属于{target.name}",
                code="station_not_in_office",
                station=to_station_code,
                office_name=target.name,
            )
    source = case.office
    old_station = case.station
    details = {
        "from_office": source.code,
        "to_office": target.code,
        "from_station": old_station.code if old_station else None,
        "to_station": station.code if station else None,
    }
    if case.mediator is not None:
        details["previous_mediator"] = case.mediator.username
    case.office_id = target.id
    case.station_id = station.id if station else None
    case.mediator_id = None
    # The visits of a reopened case count with the case's unit (models/followups.py).
    session.execute(
        update(FollowUpVisit)
        .where(FollowUpVisit.case_id == case.id)
        .values(office_id=case.office_id, station_id=case.station_id)
    )
    result = finish(session, actor, case, EventKind.TRANSFERRED, reason=text, details=details)
    session.expire(case, ["office", "station", "mediator"])
    return TransferResult(
        result.case_id,
        result.number,
        result.status,
        result.version,
        result.event_id,
        source.code,
        target.code,
        station.code if station else None,
    )


def office_transfers(
    session: Session, actor: Actor, office_code: str, *, limit: int = 50, offset: int = 0
) -> list[TransferRow]:
    """Transfers into and out of an office, newest first — also of cases that have left it."""
    _page(limit, offset)
    office = _office_by_code(session, office_code)
    if office is None:
        raise NotFound(f"裁决所代码“{office_code}”不存在", office=office_code)
    _require_office(actor, office.id)
    from_office = CaseEvent.details["from_office"].as_string()
    to_office = CaseEvent.details["to_office"].as_string()
    rows = session.execute(
        select(CaseEvent, Case.number, User.display_name)
        .join(Case, CaseEvent.case_id == Case.id)
        .outerjoin(User, CaseEvent.user_id == User.id)
        .where(
            CaseEvent.kind == EventKind.TRANSFERRED.value,
            or_(from_office == office.code, to_office == office.code),
        )
        .order_by(CaseEvent.at.desc(), CaseEvent.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    result = []
    for event, number, by in rows:
        details = event.details or {}
        result.append(
            TransferRow(
                case_number=number,
                at=event.at,
                direction="out" if details.get("from_office") == office.code else "in",
                from_office=str(details.get("from_office")),
                to_office=str(details.get("to_office")),
                reason=event.reason,
                by=by,
            )
        )
    return result


# -- work lists -------------------------------------------------------------------------------


def my_cases(session: Session, actor: Actor, *, limit: int = 50, offset: int = 0) -> WorkList:
    """A mediator's open cases, most urgent due date first (not yet accepted: last); those
    whose clock has stopped (failed, withdrawn, decided: waiting to be closed or in the
    adjudication's later steps) after those whose clock runs, whatever their due date."""
    actor.require(Role.MEDIATOR)
    where = and_(
        Case.mediator_id == actor.user_id,
        # a mediator who moved to another office keeps the old office's cases reopened
        # after the move; they are not theirs to see (the manager reassigns them)
        Case.office_id == actor.office_id,
        Case.status.in_(OPEN_STATUSES),
    )
    return _work_list(
        session,
        where,
        lambda c: (
            c.status.in_(sorted(STOPPED_STATUSES)),
            c.due_on.asc().nulls_last(),
            c.received_on.asc(),
            c.number.asc(),
        ),
        limit,
        offset,
    )


def to_assign(
    session: Session,
    actor: Actor,
    *,
    office_code: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> WorkList:
    """Open cases without an (active) mediator of their office, oldest first: new cases,
    and cases whose mediator has been disabled or has moved to another office.

    An office manager sees their office; a city manager all offices, or ``office_code``'s.
    """
    actor.require(Role.OFFICE_MANAGER, Role.CITY_MANAGER)
    mediator = aliased(User)
    unassigned = or_(
        Case.mediator_id.is_(None),
        ~select(mediator.id)
        .where(
            mediator.id == Case.mediator_id,
            mediator.active,
            mediator.office_id == Case.office_id,
        )
        .exists(),
    )
    where = and_(Case.status.in_(OPEN_STATUSES), unassigned)
    if actor.role == Role.OFFICE_MANAGER:
        where = and_(where, Case.office_id == actor.office_id)
    if office_code:
        office = _office_by_code(session, office_code)
        if office is None:
            raise NotFound(f"裁决所代码“{office_code}”不存在", office=office_code)
        _require_office(actor, office.id)
        where = and_(where, Case.office_id == office.id)
    return _work_list(
        session, where, lambda c: (c.received_on.asc(), c.number.asc()), limit, offset
    )


def station_cases(
    session: Session,
    actor: Actor,
    *,
    open_only: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> WorkList:
    """The cases registered at the staff member's station, newest first."""
    actor.require(Role.STATION_STAFF)
    where: ColumnElement[bool] = Case.station_id == actor.station_id
    if open_only:
        where = and_(where, Case.status.in_(OPEN_STATUSES))
    return _work_list(
        session, where, lambda c: (c.received_on.desc(), c.number.desc()), limit, offset
    )


# -- helpers ----------------------------------------------------------------------------------


def _office_by_code(session: Session, code: str) -> Office | None:
    """The office with ``code``; None without a query for a code no office can have
    (control characters: PostgreSQL refuses NUL)."""
    if is_unusable_key(code):
        return None
    return session.scalars(select(Office).where(Office.code == code)).first()


def _require_office(actor: Actor, office_id: int, number: str | None = None) -> None:
    actor.require(Role.OFFICE_MANAGER, Role.CITY_MANAGER)
    if actor.role == Role.OFFICE_MANAGER and actor.office_id != office_id:
        what = f"案件 {number}" if number else "该裁决所"
        raise PermissionDenied(f"{what}不在您的管辖范围内", office_id=office_id)


def _page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError(
            "limit", f"每页条数应在 1 到 {MAX_PAGE} 之间", code="bad_limit", max=MAX_PAGE
        )
    if offset < 0:
        raise ValidationError("offset", "起始位置不能为负数", code="bad_offset")


def _work_list(
    session: Session,
    where: ColumnElement[bool],
    order: Callable[[Any], Sequence[ColumnElement[Any]]],
    limit: int,
    offset: int,
) -> WorkList:
    """The page of the cases ``where`` selects, in ``order`` (of the columns given to it:
    received_on, number, due_on, status), and their total.

    The cases are collected once by the filter's best index (a MATERIALIZED CTE: the
    planner does not walk a sort index instead, reading every open case's row to test
    it), then counted and sorted; only the page's rows are read whole."""
    _page(limit, offset)
    matches = (
        select(Case.id, Case.received_on, Case.number, Case.due_on, Case.status)
        .where(where)
        .cte("matches")
        .prefix_with("MATERIALIZED")
    )
    count = select(func.count()).select_from(matches)
    found = session.execute(
        select(matches.c.id, count.scalar_subquery())
        .order_by(*order(matches.c), matches.c.id)
        .limit(limit)
        .offset(offset)
    ).all()
    # past the end (or nothing found): the total all the same
    total = found[0][1] if found else session.scalar(count) or 0
    place = {row[0]: i for i, row in enumerate(found)}
    mediator = aliased(User)
    query = (
        select(
            Case.id,
            Case.number,
            Case.status,
            Case.received_on,
            Case.due_on,
            Office.code,
            Station.code,
            mediator.display_name,
            Case.is_suspended,
            Case.version_id,
        )
        .join(Office, Case.office_id == Office.id)
        .outerjoin(Station, Case.station_id == Station.id)
        .outerjoin(mediator, Case.mediator_id == mediator.id)
        .where(Case.id.in_(place))
    )
    page = sorted(session.execute(query).all(), key=lambda row: place[row[0]])
    summaries = _party_summaries(session, [row[0] for row in page])
    rows = tuple(
        CaseRow(
            id=case_id,
            number=number,
            status=status,
            received_on=received,
            due_on=due,
            parties=summaries.get(case_id, ""),
            office_code=office_code,
            station_code=station_code,
            mediator_name=mediator_name,
            is_suspended=suspended,
            version=version,
        )
        for (
            case_id,
            number,
            status,
            received,
            due,
            office_code,
            station_code,
            mediator_name,
            suspended,
            version,
        ) in page
    )
    return WorkList(rows, total, limit, offset)


def _party_summaries(session: Session, case_ids: list[int]) -> dict[int, str]:
    if not case_ids:
        return {}
    sides: dict[int, dict[PartyRole, list[str]]] = {}
    for case_id, role, name in session.execute(
        select(Party.case_id, Party.role, Party.name)
        .where(
            Party.case_id.in_(case_ids),
            Party.role.in_((PartyRole.APPLICANT, PartyRole.RESPONDENT)),
        )
        .order_by(Party.case_id, Party.position, Party.id)
    ):
        sides.setdefault(case_id, {}).setdefault(role, []).append(name)

    def side(names: list[str]) -> str:
        return names[0] + ("等" if len(names) > 1 else "")

    summaries = {}
    for case_id, by_role in sides.items():
        parts = [
            side(by_role[r]) for r in (PartyRole.APPLICANT, PartyRole.RESPONDENT) if r in by_role
        ]
        summaries[case_id] = " 与 ".join(parts)
    return summaries
