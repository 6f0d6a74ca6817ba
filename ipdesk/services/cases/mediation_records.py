"""Mediation records (调解笔录): one per mediation session of a case.

The case's handler (its mediator, the office manager, a city manager) records a session
while the case is being mediated (``CaseAction.RECORD_SESSION``: accepted, mediating, or
mediating again after the court refused confirmation; not while the clock is suspended):
the date, the place, who attended, what was said and the next step. The record goes on the
timeline (``mediation_session``) and into the audit trail in the same transaction, and is
printable as the document ``mediation_record`` (调解笔录).

A record is never edited or deleted: it is what the attendees read and signed at the end
of the session, and the printed 笔录 must match what the program holds. A mistake is
put right by a further record of the same session (its summary says what it corrects).
Anyone who may see the case may read its records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import Case, EventKind, MediationRecord, User
from ipdesk.services.actors import Actor
from ipdesk.services.cases import workflow
from ipdesk.services.cases.intake_validation import parse_date
from ipdesk.services.errors import NotFound, ValidationError, ValidationErrors
from ipdesk.services.queries.lookups import has_control_chars
from ipdesk.services.rules.access import require_case
from ipdesk.services.rules.deadlines import legal_today

MAX_PLACE = 200
MAX_ATTENDEES = 2000
MAX_SUMMARY = 20000
MAX_NEXT_STEP = 2000

MESSAGES: dict[str, str] = {
    "held_on_empty": "请填写调解日期",
    "held_on_format": "调解日期格式不正确（如2026-11-27）",
    "held_on_future": "调解日期不能晚于今天",
    "held_on_too_early": "调解日期不能早于收到申请的日期（{earliest}）",
    "place_empty": "请填写调解地点",
    "attendees_empty": "请填写参加人员",
    "summary_empty": "请填写调解情况",
    "text_too_long": "内容过长（最多{limit}个字符）",
    "text_control": "含有不可见的控制字符",
}


@dataclass(frozen=True)
class SessionForm:
    """A mediation session as typed: ``held_on`` a date or text such as 2026-11-27."""

    held_on: dt.date | str | None = None
    place: str = ""
    attendees: str = ""
    summary: str = ""
    next_step: str = ""


@dataclass(frozen=True)
class MediationRecordInfo:
    id: int
    case_id: int
    held_on: dt.date
    place: str
    attendees: str
    summary: str
    next_step: str | None
    recorder: str | None  # display name; None for ipdesk-admin
    created_at: dt.datetime
    event_id: int | None = None  # the timeline event, when just recorded
    case_version: int | None = None


def _error(field: str, code: str, **params: object) -> ValidationError:
    return ValidationError(field, MESSAGES[code].format(**params), code=code, **params)


def _text(
    errors: list[ValidationError],
    field: str,
    value: object,
    limit: int,
    required: str | None,
) -> str:
    text = value.strip() if isinstance(value, str) else ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text:
        if required:
            errors.append(_error(field, required))
        return ""
    if len(text) > limit:
        errors.append(_error(field, "text_too_long", limit=limit))
    elif has_control_chars(text, multiline=field != "place"):
        errors.append(_error(field, "text_control"))
    return text


def check_session(
    form: SessionForm, case_received: dt.date, *, today: dt.date | None = None
) -> list[ValidationError]:
    """Every invalid field of ``form`` (empty when it can be saved)."""
    today = today or legal_today()
    errors: list[ValidationError] = []
    if form.held_on is None or (isinstance(form.held_on, str) and not form.held_on.strip()):
        errors.append(_error("held_on", "held_on_empty"))
    else:
        held = parse_date(form.held_on)
        if held is None:
            errors.append(_error("held_on", "held_on_format"))
        elif held > today:
            errors.append(_error("held_on", "held_on_future"))
        elif held < case_received:
            errors.append(
                _error("held_on", "held_on_too_early", earliest=case_received.isoformat())
            )
    _text(errors, "place", form.place, MAX_PLACE, "place_empty")
    _text(errors, "attendees", form.attendees, MAX_ATTENDEES, "attendees_empty")
    _text(errors, "summary", form.summary, MAX_SUMMARY, "summary_empty")
    _text(errors, "next_step", form.next_step, MAX_NEXT_STEP, None)
    return errors


@workflow.optimistic
def record_session(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    form: SessionForm,
    *,
    today: dt.date | None = None,
) -> MediationRecordInfo:
    """Record a mediation session of the case (see the module docstring), in the caller's
    transaction. Refuses like every case action (PermissionDenied, StaleData,
    IllegalTransition) and with :class:`ValidationErrors` naming each invalid field."""
    case = workflow.load_for(
        session, actor, case_id, expected_version, workflow.CaseAction.RECORD_SESSION
    )
    errors = check_session(form, case.received_on, today=today)
    if errors:
        raise ValidationErrors(errors)
    held_on = parse_date(form.held_on)
    assert held_on is not None
    errs: list[ValidationError] = []
    record = MediationRecord(
        case_id=case.id,
        held_on=held_on,
        place=_text(errs, "place", form.place, MAX_PLACE, None),
        attendees=_text(errs, "attendees", form.attendees, MAX_ATTENDEES, None),
        summary=_text(errs, "summary", form.summary, MAX_SUMMARY, None),
        next_step=_text(errs, "next_step", form.next_step, MAX_NEXT_STEP, None) or None,
        recorder_id=actor.user_id,
    )
    session.add(record)
    session.flush()
    result = workflow.finish(
        session,
        actor,
        case,
        EventKind.MEDIATION_SESSION,
        details={"record_id": record.id, "held_on": held_on.isoformat(), "place": record.place},
    )
    return MediationRecordInfo(
        id=record.id,
        case_id=case.id,
        held_on=record.held_on,
        place=record.place,
        attendees=record.attendees,
        summary=record.summary,
        next_step=record.next_step,
        recorder=actor.name if actor.user_id is not None else None,
        created_at=record.created_at,
        event_id=result.event_id,
        case_version=result.version,
    )


def list_records(session: Session, actor: Actor, case_id: int) -> list[MediationRecordInfo]:
    """The case's mediation records, in the order the sessions were held (anyone who may
    see the case)."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", case_id=case_id)
    require_case(actor, case)
    rows = session.execute(
        select(MediationRecord, User.display_name)
        .outerjoin(User, User.id == MediationRecord.recorder_id)
        .where(MediationRecord.case_id == case.id)
        .order_by(MediationRecord.held_on, MediationRecord.id)
    ).all()
    return [
        MediationRecordInfo(
            id=r.id,
            case_id=r.case_id,
            held_on=r.held_on,
            place=r.place,
            attendees=r.attendees,
            summary=r.summary,
            next_step=r.next_step,
            recorder=name,
            created_at=r.created_at,
        )
        for r, name in rows
    ]
