"""What each role may do beyond single cases: the one table that the services check and
the window asks (``capabilities(actor)``) to decide which pages, menus and dialogs a user
gets — so the window never offers what a service would refuse, and never hides what it
allows.

What a user may do to one case (accept, suspend, correct, …) depends on the case too: that
is ``workflow.RULES`` / ``workflow.available_actions``; which documents a case offers is
``documents.document_offers``.
"""

from __future__ import annotations

import enum

from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.errors import PermissionDenied


class Capability(enum.StrEnum):
    REGISTER_CASES = "register_cases"  # intake at the counter (新建案件)
    IMPORT_LEDGERS = "import_ledgers"  # case ledgers from spreadsheets (台账导入)
    DEADLINE_BOARD = "deadline_board"
    DASHBOARD = "dashboard"  # figures, charts and the reports exported from them
    FOLLOW_UPS = "follow_ups"  # the follow-up visits work list and their records
    FOLLOW_UP_POLICY = "follow_up_policy"
    CONSULTATIONS = "consultations"  # requests to partner agencies, their answers
    ALERTS = "alerts"  # the alerts dock and tray notices
    READ_AGENCIES = "read_agencies"
    MANAGE_AGENCIES = "manage_agencies"
    MANAGE_USERS = "manage_users"
    HOLIDAY_NOTICE = "holiday_notice"  # told when next year's holidays are missing
    MANAGE_HOLIDAYS = "manage_holidays"
    MANAGE_TEMPLATES = "manage_templates"
    VERIFY_AUDIT = "verify_audit"


C = Capability
_STAFF, _MEDIATOR, _OFFICE, _CITY, _ADMIN = (
    Role.STATION_STAFF,
    Role.MEDIATOR,
    Role.OFFICE_MANAGER,
    Role.CITY_MANAGER,
    Role.ADMIN,
)

#: Who holds each capability. Administrators keep the system and take no cases: they do
#: not register complaints, but they import ledgers (as stations and offices do), keep
#: users, agencies, holidays and templates, and watch the figures.
GRANTS: dict[Capability, frozenset[Role]] = {
    C.REGISTER_CASES: frozenset({_STAFF, _OFFICE, _CITY}),
    C.IMPORT_LEDGERS: frozenset({_STAFF, _OFFICE, _CITY, _ADMIN}),
    C.DEADLINE_BOARD: frozenset({_OFFICE, _CITY, _ADMIN}),
    C.DASHBOARD: frozenset({_OFFICE, _CITY, _ADMIN}),
    C.FOLLOW_UPS: frozenset({_MEDIATOR, _OFFICE, _CITY, _ADMIN}),
    C.FOLLOW_UP_POLICY: frozenset({_ADMIN}),
    C.CONSULTATIONS: frozenset({_MEDIATOR, _OFFICE, _CITY}),
    C.ALERTS: frozenset({_MEDIATOR, _OFFICE, _CITY, _ADMIN}),
    C.READ_AGENCIES: frozenset({_MEDIATOR, _OFFICE, _CITY, _ADMIN}),
    C.MANAGE_AGENCIES: frozenset({_ADMIN}),
    C.MANAGE_USERS: frozenset({_ADMIN}),
    C.HOLIDAY_NOTICE: frozenset({_OFFICE, _CITY, _ADMIN}),
    C.MANAGE_HOLIDAYS: frozenset({_ADMIN}),
    C.MANAGE_TEMPLATES: frozenset({_ADMIN}),
    C.VERIFY_AUDIT: frozenset({_ADMIN}),
}


def capabilities(actor: Actor) -> frozenset[Capability]:
    """Everything ``actor`` may do beyond single cases."""
    return frozenset(c for c, roles in GRANTS.items() if actor.role in roles)


def has(actor: Actor, capability: Capability) -> bool:
    return actor.role in GRANTS[capability]


def require(actor: Actor, capability: Capability, message: str | None = None) -> None:
    """Refuse with ``PermissionDenied`` (code ``permission_denied``) unless ``actor`` holds
    ``capability``; ``message`` is the Chinese text for the command line."""
    if not has(actor, capability):
        raise PermissionDenied(
            message or f"当前角色无权执行此操作（{actor.name}）",
            role=actor.role.value,
            capability=capability.value,
        )
