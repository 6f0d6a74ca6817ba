"""Correcting a case and adding evidence later: who may, the intake's checks, what the
timeline and the audit trail keep, personal data masked for those who may not see it."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Attachment, AuditRecord, Case, CaseEvent, CaseStatus, Party, PartyRole
from ipdesk.services.actors import Actor
from ipdesk.services.cases import corrections, evidence, intake
from ipdesk.services.cases.corrections import CaseCorrection, PartyChange
from ipdesk.services.cases.intake import AttachmentInput
from ipdesk.services.errors import (
    IllegalTransition,
    PermissionDenied,
    StaleData,
    ValidationErrors,
)
from ipdesk.services.infra import audit
from ipdesk.services.rules import identifiers
from tests.helpers.factories import People, make_people, seed, valid_intake_form


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    audit.install(session_factory)
    with session_factory.begin() as s:
        seed(s)
        return make_people(s)


@pytest.fixture
def case_id(session_factory: sessionmaker[Session], people: People) -> int:
    with session_factory.begin() as s:
        registered = intake.register_case(s, people.actor(s, "staff"), valid_intake_form())
        return registered.id


def _actor(factory: sessionmaker[Session], people: People, name: str) -> Actor:
    with factory() as s:
        return people.actor(s, name)


def _version(factory: sessionmaker[Session], case_id: int) -> int:
    with factory() as s:
        case = s.get(Case, case_id)
        assert case is not None
        return case.version_id


def _party(factory: sessionmaker[Session], case_id: int, role: PartyRole) -> Party:
    with factory() as s:
        party = s.scalars(select(Party).where(Party.case_id == case_id, Party.role == role)).one()
        s.expunge(party)
        return party


def test_station_staff_corrects_a_registered_case_masked(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    staff = _actor(session_factory, people, "staff")
    with session_factory.begin() as s:
        form = corrections.correction_form(s, staff, case_id)
    assert form.masked
    respondent = next(p for p in form.parties if p.role == "respondent")
    applicant = next(p for p in form.parties if p.role == "applicant")
    assert "*" in applicant.id_number and "*" in applicant.phone
    stored_id = _party(session_factory, case_id, PartyRole.APPLICANT).id_number

    # the masked values sent back unchanged keep the stored ones
    change = CaseCorrection(
        parties=(
            PartyChange(respondent.party_id, name="通辽市草原乳业有限公司"),
            PartyChange(applicant.party_id, id_number=applicant.id_number, phone=applicant.phone),
        ),
        facts="被申请人在其门店和网店销售假冒申请人注册商标的商品。",
        reason="申请人来电更正被申请人名称",
    )
    with session_factory.begin() as s:
        audit.set_actor(s, staff)
        result = corrections.correct_case(s, staff, case_id, form.version, change)
    assert result.version > form.version
    assert {c.field for c in result.changes} == {"facts", "parties[1].name"}
    assert _party(session_factory, case_id, PartyRole.APPLICANT).id_number == stored_id
    assert _party(session_factory, case_id, PartyRole.RESPONDENT).name == "通辽市草原乳业有限公司"

    with session_factory() as s:
        event = s.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.kind == "corrected")
        ).one()
        assert event.reason == "申请人来电更正被申请人名称"
        assert event.details is not None
        names = [c for c in event.details["changes"] if c["field"] == "parties[1].name"]
        assert names[0]["old"] == "通辽市草原食品有限公司"
        assert names[0]["new"] == "通辽市草原乳业有限公司"
        trail = s.scalars(
            select(AuditRecord).where(
                AuditRecord.entity == "parties", AuditRecord.action == "update"
            )
        ).all()
        assert any(
            r.after is not None and r.after.get("name") == "通辽市草原乳业有限公司" for r in trail
        )


def test_a_bad_id_is_refused_on_its_field_and_nothing_changes(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    staff = _actor(session_factory, people, "staff")
    applicant = _party(session_factory, case_id, PartyRole.APPLICANT)
    assert applicant.id_number is not None
    bad = applicant.id_number[:-1] + ("0" if applicant.id_number[-1] != "0" else "1")
    version = _version(session_factory, case_id)
    with pytest.raises(ValidationErrors) as info, session_factory.begin() as s:
        corrections.correct_case(
            s,
            staff,
            case_id,
            version,
            CaseCorrection(parties=(PartyChange(applicant.id, id_number=bad, name="王伟明"),)),
        )
    assert [e.field for e in info.value.errors] == ["parties[0].id_number"]
    assert _party(session_factory, case_id, PartyRole.APPLICANT).name == "王伟"
    assert _version(session_factory, case_id) == version


def test_a_new_id_updates_sex_and_birth_date_and_is_masked_on_the_timeline(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    mediator = _actor(session_factory, people, "manager")
    applicant = _party(session_factory, case_id, PartyRole.APPLICANT)
    new_id = identifiers.make_resident_id(random.Random(7), "150502", dt.date(1990, 3, 4))
    with session_factory.begin() as s:
        form = corrections.correction_form(s, mediator, case_id)
        assert not form.masked and form.parties[0].id_number == applicant.id_number
        result = corrections.correct_case(
            s,
            mediator,
            case_id,
            form.version,
            CaseCorrection(parties=(PartyChange(applicant.id, id_number=new_id),)),
        )
    (change,) = result.changes
    assert change.new == identifiers.mask_id(new_id) and new_id not in change.new
    assert _party(session_factory, case_id, PartyRole.APPLICANT).birth_date == dt.date(1990, 3, 4)
    with session_factory() as s:  # the unmasked form was an access of personal data
        assert s.scalar(select(AuditRecord).where(AuditRecord.action == "access")) is not None


def test_nothing_changed_stale_and_illegal(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    staff = _actor(session_factory, people, "staff")
    version = _version(session_factory, case_id)
    with pytest.raises(ValidationErrors) as info, session_factory.begin() as s:
        corrections.correct_case(
            s, staff, case_id, version, CaseCorrection(claim="停止侵权，赔偿经济损失。")
        )
    assert info.value.errors[0].code == "nothing_changed"
    with pytest.raises(StaleData), session_factory.begin() as s:
        corrections.correct_case(s, staff, case_id, version - 1, CaseCorrection(claim="x"))
    with session_factory.begin() as s:
        case = s.get(Case, case_id)
        assert case is not None
        case.status = CaseStatus.ACCEPTED
    version = _version(session_factory, case_id)
    with pytest.raises(PermissionDenied), session_factory.begin() as s:
        corrections.correct_case(s, staff, case_id, version, CaseCorrection(claim="x"))
    manager = _actor(session_factory, people, "manager")
    with session_factory.begin() as s:
        case = s.get(Case, case_id)
        assert case is not None
        case.status = CaseStatus.CLOSED
    version = _version(session_factory, case_id)
    with pytest.raises(IllegalTransition), session_factory.begin() as s:
        corrections.correct_case(s, manager, case_id, version, CaseCorrection(claim="x"))


def test_right_and_amount_are_checked_like_intake(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    manager = _actor(session_factory, people, "manager")
    version = _version(session_factory, case_id)
    with pytest.raises(ValidationErrors) as info, session_factory.begin() as s:
        corrections.correct_case(
            s,
            manager,
            case_id,
            version,
            CaseCorrection(ip_type="patent_invention", right_number="123", amount_claimed="-5"),
        )
    assert {e.field for e in info.value.errors} == {"right_number", "amount_claimed"}
    with session_factory.begin() as s:
        result = corrections.correct_case(
            s,
            manager,
            case_id,
            version,
            CaseCorrection(
                ip_type="patent_invention", right_number="200310102344.5", amount_claimed=""
            ),
        )
    fields = {c.field: c for c in result.changes}
    assert fields["amount_claimed"].new == "" and fields["ip_type"].new == "patent_invention"


def test_evidence_added_later(
    session_factory: sessionmaker[Session], people: People, case_id: int, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0late photo")
    staff = _actor(session_factory, people, "staff")
    version = _version(session_factory, case_id)
    with session_factory.begin() as s:
        (stored,) = evidence.add_evidence(
            s, staff, case_id, version, [AttachmentInput(photo, "门店照片")], store=store
        )
    with session_factory() as s:  # the content is in the database; opening writes a copy
        opened = evidence.attachment_file(s, staff, stored.id, store)
    assert opened == intake.attachment_path(store, stored.stored_name)
    assert opened.read_bytes() == photo.read_bytes()
    with session_factory() as s:
        rows = s.scalars(select(Attachment).where(Attachment.case_id == case_id)).all()
        assert [a.description for a in rows] == ["门店照片"]
        event = s.scalars(select(CaseEvent).where(CaseEvent.kind == "evidence_added")).one()
        assert event.details == {
            "files": [{"id": stored.id, "name": "photo.jpg", "description": "门店照片", "size": 14}]
        }
    # the same file again: refused on its field, nothing written
    with pytest.raises(ValidationErrors) as info, session_factory.begin() as s:
        evidence.add_evidence(s, staff, case_id, version, [AttachmentInput(photo)], store=store)
    assert info.value.errors[0].code == "attachment_exists"
    with pytest.raises(ValidationErrors) as info, session_factory.begin() as s:
        evidence.add_evidence(s, staff, case_id, version, [], store=store)
    assert info.value.errors[0].code == "attachments_empty"


def test_evidence_files_go_when_the_transaction_rolls_back(
    session_factory: sessionmaker[Session], people: People, case_id: int, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    photo = tmp_path / "receipt.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\nreceipt")
    staff = _actor(session_factory, people, "staff")
    version = _version(session_factory, case_id)
    with pytest.raises(RuntimeError), session_factory.begin() as s:
        evidence.add_evidence(s, staff, case_id, version, [AttachmentInput(photo)], store=store)
        raise RuntimeError("the user's save failed later")
    assert not [p for p in store.rglob("*") if p.is_file()]
