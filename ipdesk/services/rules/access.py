"""Scope rules: which cases an actor may see and act on. Checked in services, not widgets."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, true

from ipdesk.models import Case, Role
from ipdesk.services.actors import Actor
from ipdesk.services.errors import PermissionDenied


def case_scope(actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause limiting a query on cases to the actor's part of the network."""
    if actor.is_citywide:
        return true()
    if actor.role == Role.STATION_STAFF:
        return Case.station_id == actor.station_id if actor.station_id else false()
    return Case.office_id == actor.office_id if actor.office_id else false()


def may_see_case(actor: Actor, case: Case) -> bool:
    if actor.is_citywide:
        return True
    if actor.role == Role.STATION_STAFF:
        return case.station_id is not None and case.station_id == actor.station_id
    return case.office_id == actor.office_id


def require_case(actor: Actor, case: Case, *roles: Role) -> None:
    """Refuse unless the actor has one of ``roles`` (any role when none given) and the
    case lies in the actor's scope."""
    if roles and actor.role not in roles:
        raise PermissionDenied(
            f"当前角色无权对案件 {case.number} 执行此操作",
            code="role_not_permitted_case",
            role=actor.role.value,
            case=case.number,
        )
    if not may_see_case(actor, case):
        raise PermissionDenied(
            f"案件 {case.number} 不在您的管辖范围内", code="case_out_of_scope", case=case.number
        )
