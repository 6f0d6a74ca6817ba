"""Correcting a case: its parties, the IP right, the facts, the claim and the amount.

Who and when: ``CaseAction.CORRECT`` of services/cases/workflow.py — the case's handler in any
state from registration to the end of mediation (not once an application for judicial
confirmation is filed or the case is closed), and staff of the case's station while the
case is still registered. The checks are those of every case action (role, scope, version,
state), then the intake's: the case *as corrected* is validated by
:func:`ipdesk.services.cases.intake.check_intake`, so a bad ID number, credit code, phone number,
patent or trademark number is refused on its field (``parties[i].id_number``,
``right_number``, ...) exactly as at the counter, with the same codes and messages.

Personal data: :func:`correction_form` gives the dialog the current values, with ID
numbers, phones and addresses masked (as lists show them) unless the actor may view
personal data (then the reading is recorded in the audit trail, as the case view's "show
personal data" is). :func:`correct_case` takes only what changed (``None``: unchanged), and
a value equal to the masked form of the stored one counts as unchanged too, so a user who
sees ``150502********123X`` keeps the stored number unless they type a whole new one.

What is kept: the timeline event ``corrected`` lists every changed field with its old and
new value (personal data masked, so the timeline never becomes a copy of it), and the
audit trail records the rows' before and after (masked likewise). The case's version moves
with every correction, so a concurrent edit of the same case is refused, not overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ipdesk.models import (
    Case,
    Channel,
    DisputeType,
    EventKind,
    IpType,
    Party,
    PartyKind,
    PartyRole,
)
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor
from ipdesk.services.cases import intake, workflow
from ipdesk.services.errors import NotFound, ValidationError, ValidationErrors
from ipdesk.services.infra.audit import record_access
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import legal_today

#: Party attributes a correction may change (role and whom an agent represents stay).
PARTY_FIELDS = (
    "kind",
    "name",
    "id_number",
    "phone",
    "address",
    "ethnicity",
    "legal_representative",
    "legal_representative_title",
)
#: Case attributes a correction may change.
CASE_FIELDS = (
    "ip_type",
    "right_number",
    "right_holder",
    "dispute_type",
    "facts",
    "claim",
    "amount_claimed",
)
_MASKS: dict[str, Callable[[str], str]] = {
    "id_number": ids.mask_id,
    "phone": ids.mask_phone,
    "address": ids.mask_address,
}


@dataclass(frozen=True)
class PartyValues:
    """One party as the correction dialog shows it (personal data masked unless
    :attr:`CorrectionForm.masked` is False)."""

    party_id: int
    role: str
    kind: str
    name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    ethnicity: str = ""
    legal_representative: str = ""
    legal_representative_title: str = ""


@dataclass(frozen=True)
class CorrectionForm:
    """The case's correctable values now, and the version the correction starts from."""

    case_id: int
    number: str
    version: int
    masked: bool
    ip_type: str
    right_number: str
    right_holder: str
    dispute_type: str
    facts: str
    claim: str
    amount_claimed: str
    parties: tuple[PartyValues, ...]


@dataclass(frozen=True)
class PartyChange:
    """What changes of party ``party_id``; ``None`` leaves an attribute as it is."""

    party_id: int
    kind: str | None = None
    name: str | None = None
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None
    ethnicity: str | None = None
    legal_representative: str | None = None
    legal_representative_title: str | None = None


@dataclass(frozen=True)
class CaseCorrection:
    """What changes of the case; ``None`` leaves a field as it is (``amount_claimed`` ""
    removes the amount). ``reason`` (optional) is shown on the timeline."""

    ip_type: str | None = None
    right_number: str | None = None
    right_holder: str | None = None
    dispute_type: str | None = None
    facts: str | None = None
    claim: str | None = None
    amount_claimed: Decimal | str | None = None
    parties: tuple[PartyChange, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class Change:
    """One corrected value, as the timeline shows it (personal data masked)."""

    field: str  # "facts", "right_number", ... or "parties[i].name"
    old: str
    new: str
    party_role: str | None = None  # for a party's field: its role and (new) name
    party_name: str | None = None


@dataclass(frozen=True)
class CorrectionResult:
    case_id: int
    number: str
    version: int
    event_id: int
    changes: tuple[Change, ...]
    warnings: tuple[intake.FieldWarning, ...]


def _s(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, IpType | DisputeType | PartyKind | PartyRole):
        return str(value.value)
    return str(value)


def _shown(attribute: str, value: object) -> str:
    text = _s(value)
    mask = _MASKS.get(attribute)
    return mask(text) if mask and text else text


def correction_form(session: Session, actor: Actor, case_id: int) -> CorrectionForm:
    """The current values for the correction dialog; refused as :func:`correct_case` is
    (except the version check). Unmasked only for actors who may view personal data, and
    then the access is recorded in the audit trail (commit the transaction)."""
    found = session.get(Case, case_id)
    if found is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", case_id=case_id)
    case = workflow.load_for(session, actor, case_id, found.version_id, workflow.CaseAction.CORRECT)
    masked = not actor.may_view_personal_data

    def shown(attribute: str, value: object) -> str:
        return _shown(attribute, value) if masked else _s(value)

    form = CorrectionForm(
        case_id=case.id,
        number=case.number,
        version=case.version_id,
        masked=masked,
        ip_type=case.ip_type.value,
        right_number=_s(case.right_number),
        right_holder=_s(case.right_holder),
        dispute_type=case.dispute_type.value,
        facts=case.facts,
        claim=case.claim,
        amount_claimed=_s(case.amount_claimed),
        parties=tuple(
            PartyValues(
                party_id=p.id,
                role=p.role.value,
                kind=p.kind.value,
                name=p.name,
                id_number=shown("id_number", p.id_number),
                phone=shown("phone", p.phone),
                address=shown("address", p.address),
                ethnicity=_s(p.ethnicity),
                legal_representative=_s(p.legal_representative),
                legal_representative_title=_s(p.legal_representative_title),
            )
            for p in case.parties
        ),
    )
    if not masked:
        record_access(session, actor, "case", case.id, "parties")
    return form


def _party_form(party: Party, index_of: dict[int, int], change: PartyChange | None) -> Any:
    values: dict[str, Any] = {
        "role": party.role.value,
        "kind": party.kind.value,
        "name": party.name,
        "id_number": _s(party.id_number),
        "phone": _s(party.phone),
        "address": _s(party.address),
        "ethnicity": _s(party.ethnicity),
        "legal_representative": _s(party.legal_representative),
        "legal_representative_title": _s(party.legal_representative_title),
        "represents": index_of.get(party.represents_id) if party.represents_id else None,
    }
    if change is not None:
        for attribute in PARTY_FIELDS:
            new = getattr(change, attribute)
            if new is None:
                continue
            mask = _MASKS.get(attribute)
            if mask is not None and values[attribute] and new == mask(values[attribute]):
                continue  # the masked value shown, not retyped: unchanged
            values[attribute] = new
    return intake.PartyForm(**values)


@workflow.optimistic
def correct_case(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    correction: CaseCorrection,
    *,
    today: dt.date | None = None,
) -> CorrectionResult:
    """Apply ``correction`` to the case in the caller's transaction (see the module
    docstring). Refuses with PermissionDenied, StaleData, IllegalTransition, or
    :class:`ValidationErrors` naming each invalid field (the intake's field names; a
    correction that changes nothing is refused on ``changes``)."""
    today = today or legal_today()
    case = workflow.load_for(session, actor, case_id, expected_version, workflow.CaseAction.CORRECT)
    parties = list(case.parties)
    index_of = {p.id: i for i, p in enumerate(parties)}
    changes_by_party: dict[int, PartyChange] = {}
    for change in correction.parties:
        if change.party_id not in index_of:
            raise ValidationErrors(
                [
                    ValidationError(
                        "parties",
                        f"当事人（编号 {change.party_id}）不属于案件 {case.number}",
                        code="party_unknown",
                        party_id=change.party_id,
                    )
                ]
            )
        changes_by_party[change.party_id] = change

    current = _current_form(case, parties, index_of)
    form = replace(
        current,
        parties=tuple(_party_form(p, index_of, changes_by_party.get(p.id)) for p in parties),
        **{f: getattr(correction, f) for f in CASE_FIELDS if getattr(correction, f) is not None},
    )
    check = intake.check_intake(form, today=today)
    if check.errors:
        raise ValidationErrors(list(check.errors))
    clean = check.clean
    assert clean is not None
    reason = workflow.optional_text(correction.reason)

    changed: list[Change] = []
    for attribute in CASE_FIELDS:
        old, new = getattr(case, attribute), getattr(clean, attribute)
        if _s(old) != _s(new):
            changed.append(Change(attribute, _s(old), _s(new)))
            setattr(case, attribute, new)
    for index, (party, cp) in enumerate(zip(parties, clean.parties, strict=True)):
        party_changes = []
        for attribute in PARTY_FIELDS:
            old, new = getattr(party, attribute), getattr(cp, attribute)
            if _s(old) != _s(new):
                party_changes.append(
                    Change(
                        f"parties[{index}].{attribute}",
                        _shown(attribute, old),
                        _shown(attribute, new),
                        party.role.value,
                        cp.name,
                    )
                )
        if party_changes:
            changed += party_changes
            for attribute in (*PARTY_FIELDS, "sex", "birth_date"):
                setattr(party, attribute, getattr(cp, attribute))
    if not changed:
        raise ValidationErrors(
            [ValidationError("changes", "没有需要更正的内容", code="nothing_changed")]
        )
    case.updated_at = utcnow()  # the version moves even when only parties changed
    result = workflow.finish(
        session,
        actor,
        case,
        EventKind.CORRECTED,
        reason=reason,
        details={"changes": [_change_json(c) for c in changed]},
        refresh_limits=any(c.field == "ip_type" for c in changed),
    )
    return CorrectionResult(
        case_id=case.id,
        number=case.number,
        version=result.version,
        event_id=result.event_id,
        changes=tuple(changed),
        warnings=check.warnings,
    )


def _current_form(case: Case, parties: list[Party], index_of: dict[int, int]) -> Any:
    """The case as an intake form: what the corrections are validated within. Fields a
    correction cannot change take values that pass the intake's checks."""
    return intake.IntakeForm(
        parties=tuple(_party_form(p, index_of, None) for p in parties),
        ip_type=case.ip_type.value,
        right_number=_s(case.right_number),
        right_holder=_s(case.right_holder),
        dispute_type=case.dispute_type.value,
        facts=case.facts,
        claim=case.claim,
        amount_claimed=case.amount_claimed,
        channel=Channel.WALK_IN.value,  # not corrected here (and needs no court number)
        station="-",  # not corrected here; check_intake does not look it up
        received=case.received_on,
        category=case.category.value,
    )


def _change_json(change: Change) -> dict[str, Any]:
    data: dict[str, Any] = {"field": change.field, "old": change.old, "new": change.new}
    if change.party_role is not None:
        data["party_role"] = change.party_role
        data["party_name"] = change.party_name
    return data
