"""The duplicate check of the intake: open cases, anywhere in the network, that may be the
same dispute as a form (a warning, not a refusal)."""

from __future__ import annotations

import unicodedata
from typing import Any, Literal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ipdesk.models import (
    OPEN_STATUSES,
    Case,
    IpType,
    Office,
    Party,
    PartyRole,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.intake_form import ConflictHit, IntakeForm, PartyForm
from ipdesk.services.cases.intake_validation import PATENT_TYPES, choice_value, form_text
from ipdesk.services.errors import ValidationError
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.access import may_see_case
from ipdesk.services.rules.vocabulary import IP_TYPE_LABELS, PARTY_KIND_LABELS, PARTY_ROLE_LABELS


def find_conflicts(session: Session, actor: Actor, form: IntakeForm) -> list[ConflictHit]:
    """Open cases that may be the same dispute as ``form``.

    Same respondent (ID number or name) and same right number, or the same applicant and
    respondent (each matched by ID number or name). Works on a half-valid form: fields
    that do not validate are ignored.
    """
    applicants: list[tuple[str | None, str]] = []
    respondents: list[tuple[str | None, str]] = []
    for party in form.parties if isinstance(form.parties, tuple | list) else ():
        if not isinstance(party, PartyForm):
            continue
        role = choice_value(party.role, PARTY_ROLE_LABELS)
        kind = choice_value(party.kind, PARTY_KIND_LABELS)
        name = form_text(party.name)
        number: str | None = None
        if kind and form_text(party.id_number):
            try:
                number = ids.validate_party_id(party.id_number, kind).number  # type: ignore[arg-type]
            except ValidationError:
                number = None
        if not (name or number):
            continue
        if role == PartyRole.APPLICANT:
            applicants.append((number, name))
        elif role == PartyRole.RESPONDENT:
            respondents.append((number, name))
    if not respondents:
        return []

    def matching(role: PartyRole, people: list[tuple[str | None, str]]) -> Any:
        numbers = [n for n, _ in people if n]
        names = [name for _, name in people if name]
        conditions = []
        if numbers:
            conditions.append(Party.id_number.in_(numbers))
        if names:
            conditions.append(Party.name.in_(names))
        return (
            select(Party.case_id)
            .join(Case, Case.id == Party.case_id)
            .where(Party.role == role, or_(*conditions), Case.status.in_(OPEN_STATUSES))
        )

    by_respondent = set(session.scalars(matching(PartyRole.RESPONDENT, respondents)))
    if not by_respondent:
        return []
    reasons: dict[int, Literal["same_respondent_and_right", "same_parties"]] = {}
    ip_value = choice_value(form.ip_type, IP_TYPE_LABELS)
    right = _normal_right_number(IpType(ip_value) if ip_value else None, form.right_number)
    if right:
        same_right = session.scalars(
            select(Case.id).where(Case.id.in_(by_respondent), Case.right_number == right)
        )
        reasons.update(dict.fromkeys(same_right, "same_respondent_and_right"))
    if applicants:
        same_parties = set(session.scalars(matching(PartyRole.APPLICANT, applicants)))
        for case_id in by_respondent & same_parties:
            reasons.setdefault(case_id, "same_parties")
    if not reasons:
        return []
    rows = session.execute(
        select(Case, Office.code)
        .join(Office, Office.id == Case.office_id)
        .where(Case.id.in_(reasons))
        .order_by(Case.id.desc())
    ).all()
    texts = {
        "same_respondent_and_right": "在办案件 {number} 的被申请人和权利号与本案相同",
        "same_parties": "在办案件 {number} 的申请人和被申请人与本案相同",
    }
    return [
        ConflictHit(
            case_id=case.id,
            number=case.number,
            status=case.status.value,
            received_on=case.received_on,
            office_code=office_code,
            reason=reasons[case.id],
            message=texts[reasons[case.id]].format(number=case.number),
            may_open=may_see_case(actor, case),
        )
        for case, office_code in rows
    ]


def _normal_right_number(ip_type: IpType | None, value: object) -> str:
    text = form_text(value)
    if not text:
        return ""
    try:
        if ip_type in PATENT_TYPES:
            return ids.validate_patent_number(text).number
        if ip_type == IpType.TRADEMARK:
            return ids.validate_trademark_number(text)
    except ValidationError:
        return ""
    return unicodedata.normalize("NFKC", text)
