"""Searching must not unmask ID numbers (issue 21, item 3): a user who may not view
personal data finds a party by its ID number with the whole number only, and that
search is recorded in the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import AuditRecord, Role
from ipdesk.services.actors import Actor
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.queries.cases_query import CaseFilter, CaseSort, case_ids, count_cases
from ipdesk.services.queries.search import audit_id_search, id_search_audited, search_cases
from ipdesk.services.rules.identifiers import mask_id
from tests.helpers.factories import make_case, make_user, seed

ID_NUMBER = "150502198001011234"
PARTS = ["150502", "19800101", "1234", "0101123", "5021980", "15050219800101123"]


def _setup(factory: sessionmaker[Session]) -> tuple[int, Actor, Actor]:
    with factory.begin() as s:
        seed(s)
        case = make_case(s, "TL01-S01", applicant="王小明")
        case.parties[0].id_number = ID_NUMBER
        make_case(s, "TL01-S01", applicant="李四")
        staff = make_user(s, Role.STATION_STAFF, station="TL01-S01")
        assert not staff.may_view_personal_data
        mediator = make_user(s, Role.MEDIATOR, office="TL01")
        return case.id, Actor.of(staff), Actor.of(mediator)


def _access_records(factory: sessionmaker[Session]) -> list[tuple[str | None, dict]]:
    with factory() as s:
        rows = s.execute(
            select(AuditRecord.entity_id, AuditRecord.after).where(
                AuditRecord.action == "access", AuditRecord.entity == "search"
            )
        ).all()
    return [(entity_id, after or {}) for entity_id, after in rows]


def test_parts_of_an_id_number_find_nothing_without_personal_data_permission(
    session_factory: sessionmaker[Session],
) -> None:
    case_id, staff, mediator = _setup(session_factory)
    with session_factory() as s:
        for part in PARTS:
            assert search_cases(s, staff, part) == [], part
            assert count_cases(s, staff, CaseFilter(text=part)) == 0, part
            # who may see the numbers finds them by a part, as before
            assert search_cases(s, mediator, part) == [case_id], part
            assert count_cases(s, mediator, CaseFilter(text=part)) == 1, part
        # names are still found by a part
        assert search_cases(s, staff, "小明") == [case_id]
        assert search_cases(s, staff, "王小明") == [case_id]
        assert count_cases(s, staff, CaseFilter(text="王小明")) == 1


def test_the_whole_number_finds_the_party_and_is_audited(
    session_factory: sessionmaker[Session],
) -> None:
    case_id, staff, mediator = _setup(session_factory)
    with session_factory.begin() as s:
        assert search_cases(s, staff, ID_NUMBER) == [case_id]
        assert search_cases(s, staff, "１５０５０２１９８００１０１１２３４") == [case_id]
    records = _access_records(session_factory)
    assert len(records) == 2
    assert [entity_id for entity_id, _ in records] == [mask_id(ID_NUMBER)] * 2  # never in full
    assert records[0][1]["what"] == "id_number_search"
    # The list filter: the UI records the search in a transaction of its own first.
    assert id_search_audited(staff, f"王 {ID_NUMBER}")
    assert not id_search_audited(mediator, ID_NUMBER)
    assert not id_search_audited(staff, "19800101")
    with session_factory.begin() as s:
        audit_id_search(s, staff, ID_NUMBER)
        ids = case_ids(s, staff, CaseFilter(text=ID_NUMBER), CaseSort("received", True))
        assert ids == [case_id]
    assert len(_access_records(session_factory)) == 3
    with session_factory.begin() as s:  # who may see the numbers: not recorded
        assert search_cases(s, mediator, ID_NUMBER) == [case_id]
    assert len(_access_records(session_factory)) == 3


def test_a_list_by_a_whole_number_is_refused_unless_recorded_first(
    session_factory: sessionmaker[Session],
) -> None:
    """A client that skips the record (a crafted request to the server) is refused; the
    record allows the list queries for a while (the window's later pages and its count)."""
    case_id, staff, mediator = _setup(session_factory)
    flt = CaseFilter(text=ID_NUMBER)
    with session_factory() as s:
        with pytest.raises(PermissionDenied) as refused:
            count_cases(s, staff, flt)
        assert refused.value.code == "id_search_unrecorded"
        assert count_cases(s, mediator, flt) == 1  # who may see the numbers: no record needed
    with session_factory.begin() as s:
        audit_id_search(s, staff, ID_NUMBER)
    with session_factory() as s:
        assert count_cases(s, staff, flt) == 1
        assert case_ids(s, staff, flt, CaseSort("received", True)) == [case_id]
