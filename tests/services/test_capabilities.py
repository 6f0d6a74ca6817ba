"""The capability table agrees with the services: for each role, a service that checks a
capability refuses exactly the roles the table leaves out — so the window, which asks the
table, never offers what the service refuses, and never hides what it allows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.admin import agencies, auth, holidays
from ipdesk.services.cases import case_import, followups
from ipdesk.services.cases.intake import Registrar
from ipdesk.services.cases.limits import deadline_board
from ipdesk.services.errors import PermissionDenied, ServiceError
from ipdesk.services.infra import audit
from ipdesk.services.queries import dashboard
from ipdesk.services.rules.capabilities import GRANTS, Capability, capabilities
from tests.helpers.factories import make_user, seed

Probe = Callable[[Session, Actor, Path], Any]

#: One call per capability that a service checks; capabilities not listed here decide only
#: what the window shows (their data are filtered to the user's scope by the services).
PROBES: dict[Capability, Probe] = {
    Capability.REGISTER_CASES: lambda s, a, _p: Registrar(s, a),
    Capability.IMPORT_LEDGERS: lambda s, a, p: case_import.import_cases(
        s, a, p / "missing.xlsx", dry_run=True
    ),
    Capability.DEADLINE_BOARD: lambda s, a, _p: deadline_board(s, a),
    Capability.DASHBOARD: lambda _s, a, _p: dashboard.require_dashboard(a),
    Capability.FOLLOW_UPS: lambda s, a, _p: followups.work_list(s, a),
    Capability.FOLLOW_UP_POLICY: lambda s, a, _p: followups.update_policy(
        s, a, "ordinary", visits_per_year=1, sample_share="1", first_delay_days=30
    ),
    Capability.MANAGE_AGENCIES: lambda s, a, _p: agencies.list_agencies(
        s, a, include_inactive=True
    ),
    Capability.MANAGE_USERS: lambda s, a, _p: auth.list_users(s, a),
    Capability.MANAGE_HOLIDAYS: lambda s, a, _p: holidays.clear_override(s, a, dt.date(2026, 5, 1)),
    Capability.VERIFY_AUDIT: lambda s, a, _p: audit.verify_audit_trail(s, a),
}

ROLES: dict[Role, dict[str, Any]] = {
    Role.STATION_STAFF: {"station": "TL01-S01"},
    Role.MEDIATOR: {"office": "TL01"},
    Role.OFFICE_MANAGER: {"office": "TL01"},
    Role.CITY_MANAGER: {},
    Role.ADMIN: {},
}


def test_every_capability_is_granted_to_someone_and_admins_take_no_cases() -> None:
    assert set(GRANTS) == set(Capability)
    assert all(GRANTS.values())
    admin = Actor(1, "admin", Role.ADMIN)
    assert Capability.REGISTER_CASES not in capabilities(admin)
    assert Capability.IMPORT_LEDGERS in capabilities(admin)


@pytest.mark.parametrize("capability", list(PROBES))
def test_services_refuse_exactly_the_roles_without_the_capability(
    session_factory: sessionmaker[Session], tmp_path: Path, capability: Capability
) -> None:
    with session_factory.begin() as s:
        seed(s)
        users = {role: make_user(s, role, **where) for role, where in ROLES.items()}
        actors = {role: Actor.of(user) for role, user in users.items()}
    wrong = []
    for role, actor in actors.items():
        with session_factory() as s:
            try:
                PROBES[capability](s, actor, tmp_path)
                refused = False
            except PermissionDenied:
                refused = True
            except ServiceError:
                refused = False  # allowed in, then refused for the input
            finally:
                s.rollback()
        if refused == (capability in capabilities(actor)):
            wrong.append(f"{role.value}: service {'refuses' if refused else 'allows'}")
    assert wrong == []
