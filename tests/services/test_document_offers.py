"""Which documents a case offers: only the kinds of its stage, only to users who issue
documents, each with what it still lacks."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import CaseStatus, Role
from ipdesk.services.actors import Actor
from ipdesk.services.documents import DocumentKind, document_offers
from ipdesk.services.errors import PermissionDenied
from tests.helpers.factories import make_case, make_user, seed

K = DocumentKind
S = CaseStatus


def _offers(
    factory: sessionmaker[Session], actor: Actor, case_id: int
) -> dict[str, tuple[str, ...]]:
    with factory() as s:
        return {o.kind.value: o.missing for o in document_offers(s, actor, case_id)}


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> dict[str, Actor]:
    with session_factory.begin() as s:
        seed(s)
        users = {
            "mediator": make_user(s, Role.MEDIATOR, office="TL01"),
            "other": make_user(s, Role.MEDIATOR, office="TL01"),
            "staff": make_user(s, Role.STATION_STAFF, station="TL01-S01"),
            "manager": make_user(s, Role.OFFICE_MANAGER, office="TL01"),
        }
        return {name: Actor.of(u) for name, u in users.items()}


def _case(factory: sessionmaker[Session], people: dict[str, Actor], status: CaseStatus) -> int:
    with factory.begin() as s:
        return make_case(s, status=status, mediator_id=people["mediator"].user_id).id


def test_each_stage_offers_its_own_kinds(
    session_factory: sessionmaker[Session], people: dict[str, Actor]
) -> None:
    mediator = people["mediator"]
    registered = _case(session_factory, people, S.REGISTERED)
    assert _offers(session_factory, mediator, registered) == {}

    mediating = _case(session_factory, people, S.MEDIATING)
    offers = _offers(session_factory, mediator, mediating)
    assert list(offers) == [K.ACCEPTANCE_NOTICE, K.MEDIATION_AGREEMENT]
    assert offers[K.ACCEPTANCE_NOTICE] == ()  # ready
    assert "调解协议" in offers[K.MEDIATION_AGREEMENT]  # offered, with what it lacks

    agreed = _case(session_factory, people, S.AGREEMENT)
    assert K.CONFIRMATION_APPLICATION in _offers(session_factory, mediator, agreed)
    assert K.REJECTION_NOTICE not in _offers(session_factory, mediator, agreed)

    closed = _case(session_factory, people, S.CLOSED)
    assert K.CLOSING_NOTICE in _offers(session_factory, mediator, closed)


def test_only_those_who_issue_documents_get_offers(
    session_factory: sessionmaker[Session], people: dict[str, Actor]
) -> None:
    case_id = _case(session_factory, people, S.MEDIATING)
    assert _offers(session_factory, people["staff"], case_id) == {}  # registers, not issues
    assert _offers(session_factory, people["other"], case_id) == {}  # not their case
    assert _offers(session_factory, people["manager"], case_id) != {}
    with session_factory.begin() as s:
        elsewhere = make_case(s, "TL02-S01", S.MEDIATING).id
    with session_factory() as s, pytest.raises(PermissionDenied):
        document_offers(s, people["manager"], elsewhere)  # not even visible
