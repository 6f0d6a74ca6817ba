"""Partner agencies: everyone lists the active ones, the administrator maintains them."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import AgencyKind, User
from ipdesk.services.actors import Actor
from ipdesk.services.admin.agencies import (
    AgencyForm,
    create_agency,
    get_agency,
    list_agencies,
    set_agency_active,
    update_agency,
)
from ipdesk.services.errors import NotFound, PermissionDenied, ValidationErrors
from tests.helpers.factories import People, agency, make_people, seed


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as s:
        seed(s)
        return make_people(s)


def court_form(**overrides: str) -> AgencyForm:
    fields: dict[str, Any] = {
        "code": "CT-KFQ",
        "kind": "court",
        "name": "通辽经济技术开发区人民法庭",
        "contact_person": "王法官",
        "phone": "0475 8123456",
        "address": "通辽经济技术开发区辽河大街1号",
        "court_level": "basic",
        "region": "150502",
    }
    fields.update(overrides)
    return AgencyForm(**fields)


def test_everyone_lists_the_seeded_active_agencies_courts_first(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory() as s:
        for name in ("staff", "mediator", "manager", "city", "admin"):
            listed = list_agencies(s, people.actor(s, name))
            assert [a.code for a in listed][:2] == ["CT-HLGL", "CT-KEQ"]
            kinds = [a.kind for a in listed]
            assert kinds == sorted(kinds, key=list(AgencyKind).index)
            assert {"CT-ZY", "PR-TL", "JB-TL", "OT-IPC"} <= {a.code for a in listed}
        courts = list_agencies(s, people.actor(s, "mediator"), kind=AgencyKind.COURT)
        assert {a.court_level for a in courts} == {"basic", "intermediate"}


def test_the_administrator_creates_edits_and_deactivates_an_agency(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        admin = people.actor(s, "admin")
        created = create_agency(s, admin, court_form())
        assert created.phone == "0475-8123456"  # normalised
        assert (created.kind, created.court_level, created.active) == (
            AgencyKind.COURT,
            "basic",
            True,
        )
        updated = update_agency(
            s, admin, created.id, court_form(phone="13912345678", contact_person="")
        )
        assert (updated.phone, updated.contact_person) == ("13912345678", None)
        set_agency_active(s, admin, created.id, False)
    with session_factory() as s:
        mediator = people.actor(s, "mediator")
        assert "CT-KFQ" not in {a.code for a in list_agencies(s, mediator)}
        with pytest.raises(NotFound):
            get_agency(s, mediator, created.id)
        admin = people.actor(s, "admin")
        assert "CT-KFQ" in {a.code for a in list_agencies(s, admin, include_inactive=True)}
        with pytest.raises(PermissionDenied):
            list_agencies(s, mediator, include_inactive=True)
    with session_factory.begin() as s:
        assert set_agency_active(s, people.actor(s, "admin"), created.id, True).active


def test_every_problem_of_the_form_is_reported_at_once(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        admin = people.actor(s, "admin")
        with pytest.raises(ValidationErrors) as caught:
            create_agency(
                s,
                admin,
                court_form(code="CT-KEQ", name=" ", phone="12345", court_level=""),
            )
        errors = {e.field: e for e in caught.value.errors}
        assert errors["code"].code == "code_taken"
        assert "通辽市科尔沁区人民法院" in errors["code"].message
        assert errors["name"].message == "请填写单位名称"
        assert errors["phone"].code == "phone_format"
        assert errors["court_level"].code == "court_level_empty"

        with pytest.raises(ValidationErrors) as caught:
            create_agency(
                s, admin, court_form(code="PR X", kind="procuratorate", court_level="basic")
            )
        codes = {e.field: e.code for e in caught.value.errors}
        assert codes == {"code": "code_format", "court_level": "court_level_not_court"}

        with pytest.raises(ValidationErrors) as caught:
            create_agency(s, admin, court_form(kind="police"))
        assert [e.code for e in caught.value.errors] == ["kind_invalid"]

        # Keeping its own code is no conflict.
        keq = agency(s, "CT-KEQ")
        update_agency(
            s,
            admin,
            keq.id,
            court_form(code="CT-KEQ", name=keq.name, court_level="basic", region="150502"),
        )


@pytest.mark.parametrize("role", ["staff", "mediator", "manager", "city"])
def test_only_the_administrator_maintains_agencies(
    session_factory: sessionmaker[Session], people: People, role: str
) -> None:
    with session_factory.begin() as s:
        actor = people.actor(s, role)
        keq = agency(s, "CT-KEQ")
        with pytest.raises(PermissionDenied):
            create_agency(s, actor, court_form())
        with pytest.raises(PermissionDenied):
            update_agency(s, actor, keq.id, court_form(code="CT-KEQ"))
        with pytest.raises(PermissionDenied):
            set_agency_active(s, actor, keq.id, False)
        assert keq.active


def test_a_disabled_administrator_is_refused(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        admin = people.actor(s, "admin")
        user = s.get(User, people.admin)
        assert user is not None
        user.active = False
        s.flush()
        with pytest.raises(PermissionDenied) as caught:
            create_agency(s, admin, court_form())
        assert caught.value.code == "actor_changed"
        # The server operator has no user row and is always an administrator.
        assert create_agency(s, Actor.system(), court_form()).code == "CT-KFQ"
