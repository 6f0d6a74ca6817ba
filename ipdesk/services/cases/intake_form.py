"""The intake form as data: what a person typed (:class:`IntakeForm`, :class:`PartyForm`),
the validated and normalised form (:class:`CleanIntake`) and what registration returns.
Shared by the intake dialog, the ledger import, corrections and the server."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from ipdesk.models import (
    CaseCategory,
    Channel,
    DisputeType,
    IpType,
    PartyKind,
    PartyRole,
)
from ipdesk.services.errors import ValidationError


@dataclass(frozen=True)
class PartyForm:
    """One party as typed. ``role`` and ``kind`` take the enum values or Chinese labels.

    ``id_number`` is a resident ID for a person, a unified social credit code for an
    organisation. ``represents`` (agents only) is the index of the represented party in
    :attr:`IntakeForm.parties`.
    """

    role: str = PartyRole.APPLICANT.value
    kind: str = PartyKind.PERSON.value
    name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    ethnicity: str = ""
    legal_representative: str = ""
    legal_representative_title: str = ""
    represents: int | None = None


@dataclass(frozen=True)
class IntakeForm:
    """Everything the intake dialog asks (issue 3 §1). Choices take enum values or labels;
    ``received`` a date or text such as 2026-11-27; ``amount_claimed`` a Decimal or text
    in yuan (never a float); ``station`` and ``court`` are codes."""

    parties: tuple[PartyForm, ...] = ()
    ip_type: str = ""
    right_number: str = ""
    right_holder: str = ""
    dispute_type: str = DisputeType.INFRINGEMENT.value
    facts: str = ""
    claim: str = ""
    amount_claimed: Decimal | str | None = None
    channel: str = Channel.WALK_IN.value
    court: str = ""
    court_case_number: str = ""
    station: str = ""
    received: dt.date | str | None = None
    category: str = CaseCategory.ORDINARY.value


@dataclass(frozen=True)
class FieldWarning:
    """Suspicious but acceptable (e.g. an unknown area code in an ID number)."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class CleanParty:
    role: PartyRole
    kind: PartyKind
    name: str
    id_number: str | None
    phone: str | None
    address: str | None
    sex: str | None
    birth_date: dt.date | None
    ethnicity: str | None
    legal_representative: str | None
    legal_representative_title: str | None
    represents: int | None


@dataclass(frozen=True)
class CleanIntake:
    """A validated form, normalised: what register_case writes."""

    parties: tuple[CleanParty, ...]
    ip_type: IpType
    right_number: str | None
    right_holder: str | None
    dispute_type: DisputeType
    facts: str
    claim: str
    amount_claimed: Decimal | None
    channel: Channel
    court: str | None
    court_case_number: str | None
    station: str
    received: dt.date
    category: CaseCategory


@dataclass(frozen=True)
class IntakeCheck:
    errors: tuple[ValidationError, ...]
    warnings: tuple[FieldWarning, ...]
    clean: CleanIntake | None  # None when there are errors


@dataclass(frozen=True)
class AttachmentInput:
    """An evidence file to copy into the case's store."""

    path: Path
    description: str = ""
    name: str | None = None  # the original name to keep; default: the file's name

    @property
    def original_name(self) -> str:
        return self.name or self.path.name


@dataclass(frozen=True)
class StoredAttachment:
    id: int
    original_name: str
    stored_name: str  # relative to the store, see attachment_path()
    sha256: str
    size: int
    description: str | None


@dataclass(frozen=True)
class RegisteredCase:
    id: int
    number: str
    office_code: str
    station_code: str
    received_on: dt.date
    attachments: tuple[StoredAttachment, ...]
    warnings: tuple[FieldWarning, ...]


@dataclass(frozen=True)
class ConflictHit:
    """An open case that may be the same dispute: a warning, not a refusal.

    ``reason`` is ``same_respondent_and_right`` or ``same_parties``. ``may_open`` tells
    whether the actor may open the case (conflicts are looked for in the whole network,
    since a duplicate complaint is often lodged at another station).
    """

    case_id: int
    number: str
    status: str
    received_on: dt.date
    office_code: str
    reason: Literal["same_respondent_and_right", "same_parties"]
    message: str
    may_open: bool
