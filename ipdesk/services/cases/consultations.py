"""Joint consultation (联席会商) with partner agencies, and crime referrals.

From a case, its handler asks one or more partner agencies (courts, procuratorates, the
justice bureau, others) about a subject with questions. Each agency's answer is due within
the ``consultation_answer`` rule's days (working days by default) after the request; the
due date is fixed on the request when it is made (it is the date the letter tells the
agency) and the same limit, with its alerts, runs in the deadline engine
(``services/cases/limits.py``, one limit per agency request). Then:

* :func:`record_meeting` — the meeting's date, place, participants (and minutes);
* :func:`record_answer` — one agency's opinion and the day it came (late when after its
  due date);
* :func:`withdraw_request` — the question to one agency is withdrawn; when none is left
  the consultation is withdrawn; :func:`withdraw_consultation` withdraws it altogether;
* :func:`conclude_consultation` — every agency has answered or been withdrawn; the
  minutes are recorded.

Referring a suspected crime to the procuratorate (移送涉嫌犯罪线索) is a consultation of
kind ``crime_referral``: it goes to procuratorates only, has no meeting, and the
procuratorate's feedback is recorded as its answer.

Each agency's state in the list view (:func:`list_consultations`): ``withdrawn``;
``late`` — not answered and past due, or answered after the due date; ``answered``;
``requested``. The list filters by agency, state, office and kind in SQL, a page at a
time, within the actor's scope.

Who: the case's handler (its mediator, the office manager, a city manager) acts; anyone
who may see the case may read. Every step records a timeline event.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from ipdesk.models import (
    OPEN_STATUSES,
    Agency,
    AgencyKind,
    Case,
    Consultation,
    ConsultationKind,
    ConsultationRequest,
    ConsultationState,
    EventKind,
    LimitKind,
    Office,
    RequestState,
    User,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases import workflow
from ipdesk.services.cases.limits import LimitContext, refresh_case_limits
from ipdesk.services.cases.timeline import record_event
from ipdesk.services.errors import (
    IllegalTransition,
    NotFound,
    ValidationError,
    ValidationErrors,
)
from ipdesk.services.rules.access import case_scope, require_case
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.services.rules.vocabulary import STATUS_LABELS

__all__ = [
    "KIND_LABELS",
    "MAX_PAGE",
    "ROW_STATE_LABELS",
    "ConsultationFilter",
    "ConsultationForm",
    "ConsultationInfo",
    "ConsultationPage",
    "ConsultationRow",
    "RequestInfo",
    "RowState",
    "answer_due",
    "case_consultations",
    "conclude_consultation",
    "get_consultation",
    "list_consultations",
    "record_answer",
    "record_meeting",
    "request_consultation",
    "row_state",
    "withdraw_consultation",
    "withdraw_request",
]

MAX_PAGE = 500
MAX_AGENCIES = 20
MAX_SUBJECT = 300
MAX_TEXT = 5000
MAX_MINUTES = 20000
MAX_PLACE = 200

KIND_LABELS = {
    ConsultationKind.CONSULTATION: "联席会商",
    ConsultationKind.CRIME_REFERRAL: "移送涉嫌犯罪线索",
}


class RowState(enum.StrEnum):
    """An agency's state in the list view (``late`` is derived from the dates)."""

    REQUESTED = "requested"
    ANSWERED = "answered"
    LATE = "late"
    WITHDRAWN = "withdrawn"


ROW_STATE_LABELS = {
    RowState.REQUESTED: "待答复",
    RowState.ANSWERED: "已答复",
    RowState.LATE: "逾期",
    RowState.WITHDRAWN: "已撤回",
}


# --------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class ConsultationForm:
    kind: ConsultationKind | str
    subject: str
    questions: str
    agency_ids: tuple[int, ...]
    requested_on: dt.date | None = None  # default: today


@dataclass(frozen=True)
class RequestInfo:
    id: int
    agency_id: int
    agency_code: str
    agency_name: str
    agency_kind: AgencyKind
    state: RequestState
    row_state: RowState
    due_on: dt.date | None
    answered_on: dt.date | None
    opinion: str | None

    @property
    def late(self) -> bool:
        return self.row_state == RowState.LATE

    def as_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency_code,
            "agency_name": self.agency_name,
            "state": self.row_state.value,
            "due_on": _iso(self.due_on),
            "answered_on": _iso(self.answered_on),
            "opinion": self.opinion,
        }


@dataclass(frozen=True)
class ConsultationInfo:
    id: int
    case_id: int
    case_number: str
    kind: ConsultationKind
    state: ConsultationState
    subject: str
    questions: str
    requested_on: dt.date
    requested_by: str | None
    meeting_on: dt.date | None
    meeting_place: str | None
    participants: str | None
    minutes: str | None
    requests: tuple[RequestInfo, ...]

    def as_json(self) -> dict[str, Any]:
        meeting = None
        if self.meeting_on is not None:
            meeting = {
                "on": _iso(self.meeting_on),
                "place": self.meeting_place,
                "participants": self.participants,
            }
        return {
            "kind": self.kind.value,
            "state": self.state.value,
            "subject": self.subject,
            "questions": self.questions,
            "requested_on": _iso(self.requested_on),
            "meeting": meeting,
            "minutes": self.minutes,
            "agencies": [r.as_json() for r in self.requests],
        }


@dataclass(frozen=True)
class ConsultationFilter:
    agency_id: int | None = None
    state: RowState | None = None
    office_id: int | None = None
    kind: ConsultationKind | None = None
    case_id: int | None = None


@dataclass(frozen=True)
class ConsultationRow:
    """One agency's request in the consultations list."""

    request_id: int
    consultation_id: int
    case_id: int
    case_number: str
    office_code: str
    kind: ConsultationKind
    subject: str
    agency_id: int
    agency_name: str
    requested_on: dt.date
    due_on: dt.date | None
    answered_on: dt.date | None
    state: RowState
    consultation_state: ConsultationState


@dataclass(frozen=True)
class ConsultationPage:
    rows: tuple[ConsultationRow, ...]
    total: int
    offset: int


def row_state(
    state: RequestState, due_on: dt.date | None, answered_on: dt.date | None, today: dt.date
) -> RowState:
    """The list state of one agency's request (the SQL of :func:`list_consultations`
    computes the same)."""
    if state == RequestState.WITHDRAWN:
        return RowState.WITHDRAWN
    if state == RequestState.ANSWERED:
        late = due_on is not None and answered_on is not None and answered_on > due_on
        return RowState.LATE if late else RowState.ANSWERED
    return RowState.LATE if due_on is not None and due_on < today else RowState.REQUESTED


# --------------------------------------------------------------------------- the steps


def answer_due(context: LimitContext, requested_on: dt.date) -> dt.date | None:
    """When an answer requested on ``requested_on`` is due (None without a rule)."""
    if LimitKind.CONSULTATION_ANSWER not in context.rules:
        return None
    return context.compute(LimitKind.CONSULTATION_ANSWER, requested_on).due


def request_consultation(
    session: Session,
    actor: Actor,
    case_id: int,
    form: ConsultationForm,
    *,
    today: dt.date | None = None,
) -> ConsultationInfo:
    """Ask the agencies of ``form`` (a crime referral: procuratorates only)."""
    today = today or legal_today()
    case = workflow.load_handled(session, actor, case_id)
    if case.status not in OPEN_STATUSES:
        raise IllegalTransition(
            f"案件 {case.number} 当前为“{STATUS_LABELS[case.status]}”，不能发起联席会商"
            "或移送线索：请先由裁决所负责人重新打开",
            code="case_not_open",
            case=case.number,
            status=case.status.value,
        )
    errors: list[ValidationError] = []
    try:
        kind: ConsultationKind | None = ConsultationKind(form.kind)
    except ValueError:
        kind = None
        errors.append(
            ValidationError("kind", "类别应为联席会商或移送涉嫌犯罪线索", code="kind_invalid")
        )
    subject = _text(errors, "subject", form.subject, "会商事项", MAX_SUBJECT, required=True)
    questions = _text(errors, "questions", form.questions, "需会商的问题", MAX_TEXT, required=True)
    requested_on = form.requested_on or today
    if requested_on > today:
        errors.append(
            ValidationError("requested_on", "发出日期不能晚于今天", code="date_in_future")
        )
    elif requested_on < case.received_on:
        errors.append(
            ValidationError(
                "requested_on",
                f"发出日期不能早于收到申请的日期（{case.received_on.isoformat()}）",
                code="date_too_early",
                earliest=case.received_on,
            )
        )
    agencies = _agencies(session, errors, form.agency_ids, kind)
    if errors:
        raise ValidationErrors(errors)
    assert kind is not None and subject is not None and questions is not None
    due = answer_due(LimitContext.load(session), requested_on)
    consultation = Consultation(
        case_id=case.id,
        kind=kind,
        state=ConsultationState.OPEN,
        subject=subject,
        questions=questions,
        requested_on=requested_on,
        requested_by_id=actor.user_id,
        requests=[
            ConsultationRequest(agency_id=a.id, state=RequestState.REQUESTED, due_on=due)
            for a in agencies
        ],
    )
    session.add(consultation)
    session.flush()
    event = (
        EventKind.CRIME_REFERRED
        if kind == ConsultationKind.CRIME_REFERRAL
        else EventKind.CONSULTATION_REQUESTED
    )
    record_event(
        session,
        case,
        actor,
        event,
        reason=subject,
        details={
            "consultation_id": consultation.id,
            "kind": kind.value,
            "agencies": [a.code for a in agencies],
            "requested_on": requested_on.isoformat(),
            "due_on": _iso(due),
        },
    )
    refresh_case_limits(session, case)
    return _info(session, consultation, today)


def record_meeting(
    session: Session,
    actor: Actor,
    consultation_id: int,
    *,
    meeting_on: dt.date,
    place: str,
    participants: str,
    minutes: str | None = None,
    today: dt.date | None = None,
) -> ConsultationInfo:
    """Record (or correct) the consultation meeting: date, place, participants, minutes."""
    today = today or legal_today()
    consultation, case = _open(session, actor, consultation_id, "登记会商会议")
    if consultation.kind != ConsultationKind.CONSULTATION:
        raise IllegalTransition(
            "移送涉嫌犯罪线索不召开会商会议，请直接登记检察院的反馈意见",
            code="no_meeting_for_referral",
        )
    errors: list[ValidationError] = []
    if meeting_on > today:
        errors.append(ValidationError("meeting_on", "会商日期不能晚于今天", code="date_in_future"))
    elif meeting_on < consultation.requested_on:
        errors.append(
            ValidationError(
                "meeting_on",
                f"会商日期不能早于发出会商请求的日期（{consultation.requested_on.isoformat()}）",
                code="date_too_early",
                earliest=consultation.requested_on,
            )
        )
    where = _text(errors, "place", place, "会商地点", MAX_PLACE, required=True)
    who = _text(errors, "participants", participants, "参会单位及人员", MAX_TEXT, required=True)
    text = _text(errors, "minutes", minutes or "", "会商纪要", MAX_MINUTES)
    if errors:
        raise ValidationErrors(errors)
    consultation.meeting_on = meeting_on
    consultation.meeting_place = where
    consultation.participants = who
    if text is not None:
        consultation.minutes = text
    record_event(
        session,
        case,
        actor,
        EventKind.CONSULTATION_MEETING,
        details={
            "consultation_id": consultation.id,
            "meeting_on": meeting_on.isoformat(),
            "place": where,
        },
    )
    session.flush()
    return _info(session, consultation, today)


def record_answer(
    session: Session,
    actor: Actor,
    request_id: int,
    *,
    answered_on: dt.date,
    opinion: str,
    today: dt.date | None = None,
) -> ConsultationInfo:
    """One agency's opinion (a procuratorate's feedback on a referral) came on
    ``answered_on``; after the due date it counts as late."""
    today = today or legal_today()
    request, consultation, case = _request(session, actor, request_id, "登记答复意见")
    if request.state != RequestState.REQUESTED:
        done = "已答复" if request.state == RequestState.ANSWERED else "已撤回"
        raise IllegalTransition(
            f"{request.agency.name}的会商请求{done}，不能再登记答复",
            code="request_not_open",
            agency=request.agency.name,
        )
    errors: list[ValidationError] = []
    if answered_on > today:
        errors.append(ValidationError("answered_on", "答复日期不能晚于今天", code="date_in_future"))
    elif answered_on < consultation.requested_on:
        errors.append(
            ValidationError(
                "answered_on",
                f"答复日期不能早于发出请求的日期（{consultation.requested_on.isoformat()}）",
                code="date_too_early",
                earliest=consultation.requested_on,
            )
        )
    text = _text(errors, "opinion", opinion, "答复意见", MAX_TEXT, required=True)
    if errors:
        raise ValidationErrors(errors)
    request.state = RequestState.ANSWERED
    request.answered_on = answered_on
    request.opinion = text
    late = request.due_on is not None and answered_on > request.due_on
    record_event(
        session,
        case,
        actor,
        EventKind.CONSULTATION_ANSWERED,
        details={
            "consultation_id": consultation.id,
            "agency": request.agency.code,
            "answered_on": answered_on.isoformat(),
            "due_on": _iso(request.due_on),
            "late": late,
        },
    )
    refresh_case_limits(session, case)
    return _info(session, consultation, today)


def withdraw_request(
    session: Session,
    actor: Actor,
    request_id: int,
    *,
    reason: str,
    today: dt.date | None = None,
) -> ConsultationInfo:
    """Withdraw the question to one agency (not yet answered); when no agency is left
    waiting or answered, the consultation is withdrawn too."""
    request, consultation, case = _request(session, actor, request_id, "撤回会商请求")
    if request.state != RequestState.REQUESTED:
        done = "已答复" if request.state == RequestState.ANSWERED else "已撤回"
        raise IllegalTransition(
            f"{request.agency.name}的会商请求{done}，不能撤回",
            code="request_not_open",
            agency=request.agency.name,
        )
    text = workflow.required_reason(reason, "撤回的原因")
    request.state = RequestState.WITHDRAWN
    if all(r.state == RequestState.WITHDRAWN for r in consultation.requests):
        consultation.state = ConsultationState.WITHDRAWN
    record_event(
        session,
        case,
        actor,
        EventKind.CONSULTATION_REQUEST_WITHDRAWN,
        reason=text,
        details={"consultation_id": consultation.id, "agency": request.agency.code},
    )
    refresh_case_limits(session, case)
    return _info(session, consultation, today or legal_today())


def withdraw_consultation(
    session: Session,
    actor: Actor,
    consultation_id: int,
    *,
    reason: str,
    today: dt.date | None = None,
) -> ConsultationInfo:
    """Withdraw the whole consultation: every agency still waiting is withdrawn."""
    consultation, case = _open(session, actor, consultation_id, "撤回")
    text = workflow.required_reason(reason, "撤回的原因")
    for request in consultation.requests:
        if request.state == RequestState.REQUESTED:
            request.state = RequestState.WITHDRAWN
    consultation.state = ConsultationState.WITHDRAWN
    record_event(
        session,
        case,
        actor,
        EventKind.CONSULTATION_WITHDRAWN,
        reason=text,
        details={"consultation_id": consultation.id},
    )
    refresh_case_limits(session, case)
    return _info(session, consultation, today or legal_today())


def conclude_consultation(
    session: Session,
    actor: Actor,
    consultation_id: int,
    *,
    minutes: str | None = None,
    today: dt.date | None = None,
) -> ConsultationInfo:
    """Conclude: every agency has answered (or was withdrawn); a consultation needs its
    minutes (given here or with the meeting)."""
    consultation, case = _open(session, actor, consultation_id, "办结")
    waiting = [r.agency.name for r in consultation.requests if r.state == RequestState.REQUESTED]
    if waiting:
        raise IllegalTransition(
            f"尚有单位未答复：{'、'.join(waiting)}；请登记其意见或撤回对其的请求后再办结",
            code="answers_missing",
            agencies=waiting,
        )
    errors: list[ValidationError] = []
    text = _text(errors, "minutes", minutes or "", "会商纪要", MAX_MINUTES)
    if errors:
        raise ValidationErrors(errors)
    if text is not None:
        consultation.minutes = text
    if consultation.kind == ConsultationKind.CONSULTATION and not consultation.minutes:
        raise ValidationError(
            "minutes", "请填写会商纪要（各单位意见和会商结论）", code="minutes_empty"
        )
    consultation.state = ConsultationState.CONCLUDED
    record_event(
        session,
        case,
        actor,
        EventKind.CONSULTATION_CONCLUDED,
        details={"consultation_id": consultation.id},
    )
    session.flush()
    return _info(session, consultation, today or legal_today())


# --------------------------------------------------------------------------- reading


def get_consultation(
    session: Session, actor: Actor, consultation_id: int, *, today: dt.date | None = None
) -> ConsultationInfo:
    consultation = _consultation(session, consultation_id)
    case = session.get(Case, consultation.case_id)
    assert case is not None
    require_case(actor, case)
    return _info(session, consultation, today or legal_today())


def case_consultations(
    session: Session, actor: Actor, case_id: int, *, today: dt.date | None = None
) -> list[ConsultationInfo]:
    """The case's consultations and referrals, oldest first."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", code="case_not_found", case_id=case_id)
    require_case(actor, case)
    day = today or legal_today()
    consultations = session.scalars(
        select(Consultation)
        .where(Consultation.case_id == case_id)
        .options(selectinload(Consultation.requests).selectinload(ConsultationRequest.agency))
        .order_by(Consultation.requested_on, Consultation.id)
    )
    return [_info(session, c, day) for c in consultations]


def list_consultations(
    session: Session,
    actor: Actor,
    where: ConsultationFilter | None = None,
    *,
    today: dt.date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> ConsultationPage:
    """One row per agency request within the actor's scope, newest request first,
    filtered in SQL; a page of ``limit`` rows from ``offset`` with the total."""
    if not 0 < limit <= MAX_PAGE or offset < 0:
        raise ValidationError("limit", f"每页 1–{MAX_PAGE} 行", code="page_invalid", max=MAX_PAGE)
    where = where or ConsultationFilter()
    day = today or legal_today()
    R, C = ConsultationRequest, Consultation  # noqa: N806
    conditions: list[ColumnElement[bool]] = [case_scope(actor)]
    if where.agency_id is not None:
        conditions.append(R.agency_id == where.agency_id)
    if where.office_id is not None:
        conditions.append(Case.office_id == where.office_id)
    if where.kind is not None:
        conditions.append(C.kind == where.kind)
    if where.case_id is not None:
        conditions.append(C.case_id == where.case_id)
    if where.state is not None:
        conditions.append(_state_condition(where.state, day))
    base = (
        select(R.id)
        .join(C, R.consultation_id == C.id)
        .join(Case, C.case_id == Case.id)
        .where(*conditions)
    )
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = session.execute(
        select(
            R.id,
            C.id,
            Case.id,
            Case.number,
            Office.code,
            C.kind,
            C.subject,
            Agency.id,
            Agency.name,
            C.requested_on,
            R.due_on,
            R.answered_on,
            R.state,
            C.state,
        )
        .join(C, R.consultation_id == C.id)
        .join(Case, C.case_id == Case.id)
        .join(Office, Case.office_id == Office.id)
        .join(Agency, R.agency_id == Agency.id)
        .where(*conditions)
        .order_by(C.requested_on.desc(), C.id.desc(), R.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return ConsultationPage(
        rows=tuple(
            ConsultationRow(
                request_id=r[0],
                consultation_id=r[1],
                case_id=r[2],
                case_number=r[3],
                office_code=r[4],
                kind=r[5],
                subject=r[6],
                agency_id=r[7],
                agency_name=r[8],
                requested_on=r[9],
                due_on=r[10],
                answered_on=r[11],
                state=row_state(r[12], r[10], r[11], day),
                consultation_state=r[13],
            )
            for r in rows
        ),
        total=int(total),
        offset=offset,
    )


def _state_condition(state: RowState, today: dt.date) -> ColumnElement[bool]:
    R = ConsultationRequest  # noqa: N806
    requested = R.state == RequestState.REQUESTED
    answered = R.state == RequestState.ANSWERED
    if state == RowState.WITHDRAWN:
        return R.state == RequestState.WITHDRAWN
    if state == RowState.LATE:
        return or_(
            and_(requested, R.due_on < today),
            and_(answered, R.due_on.is_not(None), R.answered_on > R.due_on),
        )
    if state == RowState.ANSWERED:
        return and_(answered, or_(R.due_on.is_(None), R.answered_on <= R.due_on))
    return and_(requested, or_(R.due_on.is_(None), R.due_on >= today))


# --------------------------------------------------------------------------- helpers


def _text(
    errors: list[ValidationError],
    name: str,
    value: str | None,
    label: str,
    limit: int,
    *,
    required: bool = False,
) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            errors.append(ValidationError(name, f"请填写{label}", code=f"{name}_empty"))
        return None
    if len(text) > limit:
        errors.append(
            ValidationError(
                name, f"{label}不能超过 {limit} 个字", code=f"{name}_too_long", limit=limit
            )
        )
    return text


def _agencies(
    session: Session,
    errors: list[ValidationError],
    agency_ids: Sequence[int],
    kind: ConsultationKind | None,
) -> list[Agency]:
    wanted = list(dict.fromkeys(agency_ids))  # keep the order, drop repeats
    if not wanted:
        errors.append(
            ValidationError(
                "agencies",
                "请选择接收的单位"
                if kind != ConsultationKind.CRIME_REFERRAL
                else "请选择接收线索的人民检察院",
                code="agencies_empty",
            )
        )
        return []
    if len(wanted) > MAX_AGENCIES:
        errors.append(
            ValidationError(
                "agencies",
                f"一次最多向 {MAX_AGENCIES} 个单位发出请求",
                code="agencies_too_many",
                max=MAX_AGENCIES,
            )
        )
        return []
    found = {a.id: a for a in session.scalars(select(Agency).where(Agency.id.in_(wanted)))}
    agencies = []
    for agency_id in wanted:
        agency = found.get(agency_id)
        if agency is None or not agency.active:
            errors.append(
                ValidationError(
                    "agencies",
                    f"单位（编号 {agency_id}）不存在或已停用",
                    code="agency_unknown",
                    agency_id=agency_id,
                )
            )
            continue
        agencies.append(agency)
    if kind == ConsultationKind.CRIME_REFERRAL:
        others = [a.name for a in agencies if a.kind != AgencyKind.PROCURATORATE]
        if others:
            errors.append(
                ValidationError(
                    "agencies",
                    f"涉嫌犯罪线索只能移送人民检察院，{'、'.join(others)}不是检察院",
                    code="referral_not_procuratorate",
                    agencies=others,
                )
            )
    return agencies


def _consultation(session: Session, consultation_id: int) -> Consultation:
    consultation = session.get(Consultation, consultation_id)
    if consultation is None:
        raise NotFound(
            f"联席会商（编号 {consultation_id}）不存在",
            code="consultation_not_found",
            consultation_id=consultation_id,
        )
    return consultation


def _open(
    session: Session, actor: Actor, consultation_id: int, what: str
) -> tuple[Consultation, Case]:
    """The consultation, still open, with its case; the actor must handle the case."""
    consultation = _consultation(session, consultation_id)
    case = workflow.load_handled(session, actor, consultation.case_id)
    if consultation.state != ConsultationState.OPEN:
        done = "已办结" if consultation.state == ConsultationState.CONCLUDED else "已撤回"
        raise IllegalTransition(
            f"该{KIND_LABELS[consultation.kind]}{done}，不能{what}",
            code="consultation_not_open",
            consultation_id=consultation.id,
        )
    return consultation, case


def _request(
    session: Session, actor: Actor, request_id: int, what: str
) -> tuple[ConsultationRequest, Consultation, Case]:
    request = session.get(ConsultationRequest, request_id)
    if request is None:
        raise NotFound(
            f"会商请求（编号 {request_id}）不存在", code="request_not_found", request_id=request_id
        )
    consultation, case = _open(session, actor, request.consultation_id, what)
    return request, consultation, case


def _info(session: Session, consultation: Consultation, today: dt.date) -> ConsultationInfo:
    session.flush()
    case = session.get(Case, consultation.case_id)
    assert case is not None
    requester = (
        session.get(User, consultation.requested_by_id) if consultation.requested_by_id else None
    )
    requests = sorted(consultation.requests, key=lambda r: r.id)
    return ConsultationInfo(
        id=consultation.id,
        case_id=case.id,
        case_number=case.number,
        kind=consultation.kind,
        state=consultation.state,
        subject=consultation.subject,
        questions=consultation.questions,
        requested_on=consultation.requested_on,
        requested_by=requester.display_name if requester else None,
        meeting_on=consultation.meeting_on,
        meeting_place=consultation.meeting_place,
        participants=consultation.participants,
        minutes=consultation.minutes,
        requests=tuple(
            RequestInfo(
                id=r.id,
                agency_id=r.agency_id,
                agency_code=r.agency.code,
                agency_name=r.agency.name,
                agency_kind=r.agency.kind,
                state=r.state,
                row_state=row_state(r.state, r.due_on, r.answered_on, today),
                due_on=r.due_on,
                answered_on=r.answered_on,
                opinion=r.opinion,
            )
            for r in requests
        ),
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
