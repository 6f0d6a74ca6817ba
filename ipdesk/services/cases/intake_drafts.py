"""A new intake form as the dialog opens it, and a form saved as a draft (JSON) and read
back, whatever an old or damaged draft holds."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import (
    PartyKind,
    PartyRole,
    Station,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.intake_form import IntakeForm, PartyForm
from ipdesk.services.cases.intake_validation import parse_date
from ipdesk.services.rules.deadlines import legal_today


def default_form(session: Session, actor: Actor, *, today: dt.date | None = None) -> IntakeForm:
    """A new form as the dialog opens it: the actor's own station, received today, one
    applicant (a person) and one respondent (an organisation)."""
    station = ""
    if actor.station_id is not None:
        station = session.scalar(select(Station.code).where(Station.id == actor.station_id)) or ""
    return IntakeForm(
        parties=(
            PartyForm(role=PartyRole.APPLICANT.value, kind=PartyKind.PERSON.value),
            PartyForm(role=PartyRole.RESPONDENT.value, kind=PartyKind.ORGANISATION.value),
        ),
        station=station,
        received=today or legal_today(),
    )


def form_to_json(form: IntakeForm) -> dict[str, Any]:
    """The form as JSON-safe data (an autosaved draft): dates as YYYY-MM-DD, amounts as
    text, everything else as typed."""
    data = dataclasses.asdict(form)
    data["parties"] = [dataclasses.asdict(p) for p in form.parties]
    if isinstance(form.received, dt.date):
        data["received"] = form.received.isoformat()
    if isinstance(form.amount_claimed, Decimal):
        data["amount_claimed"] = str(form.amount_claimed)
    return data


def form_from_json(data: object) -> IntakeForm:
    """A form from :func:`form_to_json`'s data. Whatever the data (an old or damaged
    draft), this returns a form: unknown keys are dropped, wrong types become empty."""
    if not isinstance(data, dict):
        return IntakeForm()

    def fields(cls: type[Any], raw: object) -> dict[str, Any]:
        if not isinstance(raw, dict):
            return {}
        kept: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            value = raw.get(f.name)
            if f.name == "represents":
                if isinstance(value, int) and not isinstance(value, bool):
                    kept[f.name] = value
            elif isinstance(value, str):
                kept[f.name] = value
        return kept

    parties_data = data.get("parties")
    parties = tuple(
        PartyForm(**fields(PartyForm, p))
        for p in (parties_data if isinstance(parties_data, list) else [])
    )
    values = fields(IntakeForm, data)
    values.pop("parties", None)
    received = values.get("received")
    if isinstance(received, str):
        values["received"] = parse_date(received) or received
    return IntakeForm(parties=parties, **values)
