"""Complaint intake: registering a case from its form (:func:`register_case`; the ledger
import registers many in one transaction with :class:`Registrar`).

The intake is split along its seams; everything stays importable from here:

====================================  ==================================================
``services/rules/vocabulary.py``            the Chinese labels of the choices (shared)
``services/cases/intake_form.py``           the form as data, the clean form, the results
``services/cases/intake_validation.py``     validation without the database, its messages
``services/cases/intake_duplicates.py``     open cases that may be the same dispute
``services/cases/case_numbers.py``          gap-free case numbers per office and year
``services/cases/intake_attachments.py``    evidence files: checks, staging, content store
``services/cases/intake_drafts.py``         the new form, drafts saved as JSON
this module                           the checks that need the database, registration
====================================  ==================================================

An :class:`IntakeForm` holds what a person typed (text, as typed; dates and amounts may
also come parsed); :func:`validate_intake` reports every invalid field with a stable code
and a specific Chinese message, without touching the database. :func:`register_case`
validates again (adding the checks that need the database: station, court, scope),
assigns the case number and writes the case, its parties, evidence files and the
``registered`` timeline event in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import (
    Agency,
    AgencyKind,
    Case,
    CaseStatus,
    EventKind,
    Office,
    Party,
    Role,
    Station,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.case_numbers import format_case_number, next_case_number
from ipdesk.services.cases.intake_attachments import (
    DEFAULT_MAX_ATTACHMENT_BYTES,
    FileSet,
    attachment_path,
    check_attachment_sizes,
    default_attachment_store,
    evidence_name,
    record_files,
    refuse_duplicate_files,
    store_attachments,
    stored_attachments,
)
from ipdesk.services.cases.intake_drafts import default_form, form_from_json, form_to_json
from ipdesk.services.cases.intake_duplicates import find_conflicts
from ipdesk.services.cases.intake_form import (
    AttachmentInput,
    CleanIntake,
    CleanParty,
    ConflictHit,
    FieldWarning,
    IntakeCheck,
    IntakeForm,
    PartyForm,
    RegisteredCase,
    StoredAttachment,
)
from ipdesk.services.cases.intake_validation import (
    MESSAGES,
    check_intake,
    choice_value,
    field_error,
    form_text,
    message_for,
    parse_amount,
    parse_date,
    validate_intake,
)
from ipdesk.services.cases.limits import LimitContext, refresh_case_limits
from ipdesk.services.cases.timeline import record_event
from ipdesk.services.errors import ValidationError, ValidationErrors
from ipdesk.services.queries.lookups import has_control_chars
from ipdesk.services.rules.capabilities import Capability
from ipdesk.services.rules.capabilities import require as require_capability
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.services.rules.jurisdiction import check_court_case_number
from ipdesk.services.rules.vocabulary import (
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    DISPUTE_TYPE_LABELS,
    IP_TYPE_LABELS,
    PARTY_KIND_LABELS,
    PARTY_ROLE_LABELS,
)

# --------------------------------------------------------------------------- registration


@dataclass(frozen=True)
class _StationRef:
    id: int
    code: str
    office: Office


class Registrar:
    """Registers validated forms in one session: the core shared by the intake dialog
    (:func:`register_case`) and the ledger import (many cases, one transaction)."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        *,
        today: dt.date | None = None,
        capability: Capability = Capability.REGISTER_CASES,
    ) -> None:
        require_capability(actor, capability)
        self.session = session
        self.actor = actor
        self.today = today or legal_today()
        self._stations: dict[str, _StationRef | None] = {}
        self._courts: dict[str, int | None] = {}
        self._context: LimitContext | None = None

    def station(self, code: str, field: str = "station") -> _StationRef:
        """The active station with ``code``, if the actor may register cases for it."""
        if has_control_chars(code):  # no station has such a code (and PostgreSQL refuses NUL)
            raise field_error(field, "station_unknown")
        if code not in self._stations:
            found = self.session.execute(
                select(Station.id, Station.code, Office)
                .join(Office, Office.id == Station.office_id)
                .where(Station.code == code, Station.active)
            ).first()
            self._stations[code] = _StationRef(found[0], found[1], found[2]) if found else None
        ref = self._stations[code]
        if ref is None:
            raise field_error(field, "station_unknown")
        actor = self.actor
        allowed = (
            actor.is_citywide
            or (actor.role == Role.STATION_STAFF and ref.id == actor.station_id)
            or (actor.role == Role.OFFICE_MANAGER and ref.office.id == actor.office_id)
        )
        if not allowed:
            raise field_error(field, "station_out_of_scope")
        return ref

    def court(self, code: str, field: str = "court") -> int:
        if has_control_chars(code):
            raise field_error(field, "court_unknown")
        if code not in self._courts:
            self._courts[code] = self.session.scalar(
                select(Agency.id).where(Agency.code == code, Agency.kind == AgencyKind.COURT)
            )
        court_id = self._courts[code]
        if court_id is None:
            raise field_error(field, "court_unknown")
        return court_id

    def database_errors(self, clean: CleanIntake) -> list[ValidationError]:
        """The checks that need the database (station, court, the court case number's
        court code); empty when all pass."""
        errors = []
        try:
            self.station(clean.station)
        except ValidationError as exc:
            errors.append(exc)
        if clean.court:
            try:
                court = self.session.get(Agency, self.court(clean.court))
                if clean.court_case_number:
                    check_court_case_number("court_case_number", clean.court_case_number, court)
            except ValidationError as exc:
                errors.append(exc)
        return errors

    def register(
        self,
        clean: CleanIntake,
        files: FileSet | None = None,
        *,
        details: dict[str, Any] | None = None,
    ) -> tuple[Case, tuple[StoredAttachment, ...]]:
        """Write one validated case. The caller has run :meth:`database_errors`."""
        session, actor = self.session, self.actor
        station = self.station(clean.station)
        case = Case(
            number=next_case_number(session, station.office, clean.received.year),
            office_id=station.office.id,
            station_id=station.id,
            status=CaseStatus.REGISTERED,
            is_suspended=False,
            ip_type=clean.ip_type,
            right_number=clean.right_number,
            right_holder=clean.right_holder,
            dispute_type=clean.dispute_type,
            facts=clean.facts,
            claim=clean.claim,
            amount_claimed=clean.amount_claimed,
            channel=clean.channel,
            referring_court_id=self.court(clean.court) if clean.court else None,
            court_case_number=clean.court_case_number,
            category=clean.category,
            received_on=clean.received,
            created_by_id=actor.user_id,
        )
        session.add(case)
        parties = []
        for position, p in enumerate(clean.parties):
            party = Party(
                position=position,
                role=p.role,
                kind=p.kind,
                name=p.name,
                id_number=p.id_number,
                phone=p.phone,
                address=p.address,
                sex=p.sex,
                birth_date=p.birth_date,
                ethnicity=p.ethnicity,
                legal_representative=p.legal_representative,
                legal_representative_title=p.legal_representative_title,
            )
            case.parties.append(party)
            parties.append(party)
        session.flush()
        for party, p in zip(parties, clean.parties, strict=True):
            if p.represents is not None:
                party.represents_id = parties[p.represents].id
        stored = record_files(session, actor, case.id, files) if files is not None else []
        record_event(
            session,
            case,
            actor,
            EventKind.REGISTERED,
            to_status=CaseStatus.REGISTERED,
            details=details,
        )
        session.flush()
        if self._context is None:
            self._context = LimitContext.load(session)
        refresh_case_limits(session, case, self._context)
        return case, stored_attachments(stored)


def register_case(
    session: Session,
    actor: Actor,
    form: IntakeForm,
    attachments: Sequence[AttachmentInput] = (),
    *,
    store: Path | None = None,
    max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
    today: dt.date | None = None,
) -> RegisteredCase:
    """Register the case of ``form`` with its evidence ``attachments``, in the caller's
    transaction (``with session_factory.begin() as session: register_case(...)``).

    Refuses with :class:`ValidationErrors` listing every invalid field (form, station,
    court, attachments) and :class:`PermissionDenied` for a role that does not register
    cases. Evidence files are stored in the database's content store (services/infra/blobs.py)
    in the caller's transaction: nothing is stored if it does not commit. ``store`` (the
    desktop's folder of private copies) is not needed any more and is ignored.
    """
    today = today or legal_today()
    registrar = Registrar(session, actor, today=today)
    check = check_intake(form, today=today)
    errors = list(check.errors)
    if check.clean is not None:
        errors += registrar.database_errors(check.clean)
    else:
        code = form_text(form.station)
        if code:
            try:
                registrar.station(code)
            except ValidationError as exc:
                errors.append(exc)
    errors += check_attachment_sizes(attachments, max_attachment_bytes)
    if errors:
        raise ValidationErrors(errors)
    assert check.clean is not None

    files = FileSet()
    try:
        for index, item in enumerate(attachments):
            files.stage(index, item, max_attachment_bytes)
        refuse_duplicate_files(files)
        case, stored = registrar.register(check.clean, files)
    finally:
        files.remove()
    ref = registrar.station(check.clean.station)
    return RegisteredCase(
        id=case.id,
        number=case.number,
        office_code=ref.office.code,
        station_code=ref.code,
        received_on=case.received_on,
        attachments=stored,
        warnings=check.warnings,
    )


__all__ = [
    "CATEGORY_LABELS",
    "CHANNEL_LABELS",
    "DEFAULT_MAX_ATTACHMENT_BYTES",
    "DISPUTE_TYPE_LABELS",
    "IP_TYPE_LABELS",
    "MESSAGES",
    "PARTY_KIND_LABELS",
    "PARTY_ROLE_LABELS",
    "AttachmentInput",
    "CleanIntake",
    "CleanParty",
    "ConflictHit",
    "FieldWarning",
    "IntakeCheck",
    "IntakeForm",
    "PartyForm",
    "RegisteredCase",
    "Registrar",
    "StoredAttachment",
    "attachment_path",
    "check_intake",
    "choice_value",
    "default_attachment_store",
    "default_form",
    "evidence_name",
    "find_conflicts",
    "form_from_json",
    "form_to_json",
    "format_case_number",
    "message_for",
    "next_case_number",
    "parse_amount",
    "parse_date",
    "register_case",
    "store_attachments",
    "validate_intake",
]
