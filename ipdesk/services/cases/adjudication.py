"""Administrative adjudication of patent-infringement disputes (行政裁决, 专利法 Art. 65).

A patent holder or an interested party may ask the office to handle an infringement
dispute instead of (or after) mediation. The procedure, one use case per step, each taking
``(session, actor, case_id, expected_version, ...)`` like services/cases/workflow.py:

==========================  ================================  =============================
step                        who                               effect
==========================  ================================  =============================
choose_adjudication         handler (case's mediator,         adjudication ``requested``;
                            managers)                         from registered or failed
accept_adjudication         manager (approves acceptance)     立案: case accepted; limits
refuse_adjudication         manager                           不予受理 (reason); registered
                                                              cases are rejected
set_panel                   manager (approves the panel)      odd number (≥ 3) of officers
                                                              of the office; recusal check
serve_request               panel                             送达回证; the 15-day defence
record_defence              panel                             defence (or none in time)
exchange_evidence           panel                             a dated record
notify_hearing              panel                             口头审理通知 ≥ 3 working days
record_hearing              panel                             口头审理笔录
suspend_for_invalidation    manager                           clock stops (services/clock)
resume_adjudication         manager                           clock runs again
decide                      the office manager signs off      case ``adjudicated``
serve_decision              panel                             15-day window to sue runs
record_window_outcome       panel                             complied / sued / not stopped
remind_enforcement          handler                           催告书 served (行政强制法 54)
apply_enforcement           manager                           申请人民法院强制执行, 10 days
                                                              after the reminder's service
==========================  ================================  =============================

"Panel" means an officer of the panel, the office manager or a city manager. The
workflow's table (``workflow.RULES``) says who, in which case states and at which of the
adjudication's steps; each use case begins with :func:`_begin` (every check of its rule)
and ends with :meth:`_Step.done` (the step, the case's move, the timeline event, the
limits). The handling clock is the case's (60 days
from acceptance, the city's promise); approved extensions are ``clock.extend_case``. The
time limits are editable rules naming their sources (``seed.DEFAULT_LIMIT_RULES``).
Damages may be mediated once the decision is made (``workflow.start_mediation`` from
``adjudicated``, then the agreement chain of services/cases/mediation.py).

Every step records a timeline event in the same transaction; the audit trail records the
rows (services/infra/audit.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ipdesk.models import (
    Adjudication,
    AdjudicationStep,
    Agency,
    AgencyKind,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    EntryRoute,
    EventKind,
    LimitKind,
    PanelOfficer,
    Party,
    PartyRole,
    ProceedingRecord,
    RecordKind,
    Role,
    ServedDocument,
    ServiceMethod,
    ServiceRecord,
    User,
    WindowOutcome,
)
from ipdesk.models.base import utcnow
from ipdesk.models.cases import Case
from ipdesk.models.limits import AdjustmentKind, ClockAdjustment
from ipdesk.services.actors import Actor
from ipdesk.services.cases import clock
from ipdesk.services.cases.limits import LimitContext, refresh_case_limits, stopped_on
from ipdesk.services.cases.timeline import record_event
from ipdesk.services.cases.workflow import (
    CaseAction,
    checked_day,
    load_for,
    optimistic,
    optional_text,
    required_reason,
)
from ipdesk.services.errors import IllegalTransition, NotFound, ValidationError
from ipdesk.services.queries.lookups import has_control_chars
from ipdesk.services.rules.access import require_case
from ipdesk.services.rules.adjudication_rules import STEP_LABELS, adjudication_of
from ipdesk.services.rules.deadlines import legal_today

Step = AdjudicationStep

#: The smallest panel: 3 officers, always an odd number (专利行政执法办法: 指定3名或者3名以上
#: 单数承办人员).
MIN_PANEL = 3
MAX_TEXT = 20000
_OFFICER_ROLES = (Role.MEDIATOR, Role.OFFICE_MANAGER)
_INVALIDATION_RE = re.compile(r"[0-9A-Z][0-9A-Z.\-]{3,39}")

#: The steps in the order the procedure goes through them (the case view's list).
STEP_ORDER: tuple[Step, ...] = (
    Step.REQUESTED,
    Step.ACCEPTED,
    Step.PANEL_SET,
    Step.REQUEST_SERVED,
    Step.DEFENCE_RECORDED,
    Step.HEARING_NOTIFIED,
    Step.HEARING_HELD,
    Step.DECIDED,
    Step.DECISION_SERVED,
    Step.ENFORCEMENT_APPLIED,
    Step.CONCLUDED,
)


@dataclass(frozen=True)
class StepResult:
    case_id: int
    number: str
    status: CaseStatus
    version: int
    step: Step
    event_id: int | None


@dataclass(frozen=True)
class Service:
    """One service of a document on a party (送达回证)."""

    method: ServiceMethod | str
    sent_on: dt.date
    received_on: dt.date
    party_id: int | None = None  # default: the (first) respondent
    signed_by: str | None = None
    server_name: str | None = None
    consent: bool = False  # electronic service needs the recipient's consent
    note: str | None = None


# --------------------------------------------------------------------------- a step


@dataclass
class _Step:
    """One step of the procedure being taken: the case after every check of the
    workflow's rule (``workflow.load_for``: actor, role, scope, version, state, clock, the
    adjudication's step and the panel), its adjudication, and the legal today.
    :meth:`done` records the step; each use case only checks its input and writes."""

    session: Session
    actor: Actor
    case: Case
    found: Adjudication | None
    today: dt.date

    @property
    def adjudication(self) -> Adjudication:
        assert self.found is not None  # the rule's steps name only steps of one
        return self.found

    def done(
        self,
        kind: EventKind,
        step: Step | None = None,
        *,
        status: CaseStatus | None = None,
        reason: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> StepResult:
        """Move the adjudication to ``step`` and the case to ``status`` (if given), record
        the timeline event ``kind`` (with the case's move, if it moved), recompute the
        case's limits and report."""
        adjudication, case = self.adjudication, self.case
        before = case.status
        if step is not None:
            adjudication.step = step
        if status is not None:
            case.status = status
        case.updated_at = utcnow()  # the case row is written: its version moves
        moved = case.status != before
        event = record_event(
            self.session,
            case,
            self.actor,
            kind,
            from_status=before if moved else None,
            to_status=case.status if moved else None,
            reason=reason,
            details={"step": adjudication.step.value, **(details or {})},
        )
        refresh_case_limits(self.session, case)
        self.session.flush()
        return self.result(event.id)

    def result(self, event_id: int | None = None) -> StepResult:
        case = self.case
        return StepResult(
            case.id, case.number, case.status, case.version_id, self.adjudication.step, event_id
        )

    def day(self, value: dt.date | None, earliest: dt.date | None, what: str) -> dt.date:
        """``value`` (default: today), neither after today nor before ``earliest``."""
        return checked_day(value, self.today, earliest, what)

    def limit_due(self, kind: LimitKind) -> dt.date | None:
        return _limit_due(self.session, self.case, kind)

    def serve(
        self,
        document: ServedDocument,
        service: Service,
        earliest: dt.date | None,
        default_role: PartyRole,
    ) -> ServiceRecord:
        """A service receipt (送达回证) of ``document`` on the party ``service`` names
        (default: the first party of ``default_role``)."""
        try:
            method = ServiceMethod(service.method)
        except ValueError:
            raise ValidationError(
                "method", "送达方式无效", code="service_method_invalid", method=str(service.method)
            ) from None
        if method == ServiceMethod.ELECTRONIC and not service.consent:
            raise ValidationError(
                "method",
                "电子送达须经受送达人同意",
                code="electronic_service_without_consent",
            )
        sent_on = self.day(service.sent_on, earliest, "送达日期")
        received_on = self.day(service.received_on, sent_on, "签收日期")
        party = _party(self.session, self.case, service.party_id, default_role)
        record = ServiceRecord(
            adjudication=self.adjudication,
            document=document,
            party_id=party.id,
            recipient=party.name,
            method=method,
            sent_on=sent_on,
            received_on=received_on,
            signed_by=_text(service.signed_by, "signed_by", "签收人", required=False),
            server_name=_text(service.server_name, "server_name", "送达人", required=False),
            note=_text(service.note, "note", "备注", required=False),
        )
        self.session.add(record)
        return record


def _begin(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    action: CaseAction,
    today: dt.date | None,
) -> _Step:
    case = load_for(session, actor, case_id, expected_version, action.value)
    return _Step(session, actor, case, adjudication_of(session, case.id), today or legal_today())


def _text(value: str | None, field_name: str, what: str, *, required: bool = True) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError(field_name, f"请填写{what}", code=f"{field_name}_empty")
        return None
    if len(text) > MAX_TEXT:
        raise ValidationError(
            field_name, f"{what}过长", code=f"{field_name}_too_long", limit=MAX_TEXT
        )
    if has_control_chars(text, multiline=True):
        raise ValidationError(field_name, f"{what}含有控制字符", code=f"{field_name}_control")
    return text


def _limit_due(session: Session, case: Case, kind: LimitKind) -> dt.date | None:
    return session.scalar(
        select(CaseLimit.due_on).where(
            CaseLimit.case_id == case.id, CaseLimit.kind == kind, CaseLimit.ref_key == 0
        )
    )


def _party(session: Session, case: Case, party_id: int | None, role: PartyRole) -> Party:
    if party_id is None:
        party = next((p for p in case.parties if p.role == role), None)
    else:
        party = session.get(Party, party_id)
        if party is not None and party.case_id != case.id:
            party = None
    if party is None:
        raise ValidationError(
            "party", "送达对象不是本案当事人", code="service_party_unknown", case=case.number
        )
    return party


def _service_details(record: ServiceRecord) -> dict[str, Any]:
    return {
        "document": record.document.value,
        "recipient": record.recipient,
        "method": record.method.value,
        "sent_on": record.sent_on.isoformat(),
        "received_on": record.received_on.isoformat(),
    }


# --------------------------------------------------------------------------- acceptance


@optimistic
def choose_adjudication(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    requested_on: dt.date | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """The requester asks for an administrative ruling: at registration (the request
    names it) or after the mediation failed. Patent-infringement disputes only (the
    workflow's rule)."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.CHOOSE_ADJUDICATION, today)
    route = (
        EntryRoute.AT_ACCEPTANCE
        if s.case.status == CaseStatus.REGISTERED
        else EntryRoute.AFTER_MEDIATION
    )
    s.found = Adjudication(
        case_id=s.case.id,
        step=Step.REQUESTED,
        route=route,
        requested_on=s.day(requested_on, s.case.received_on, "请求日期"),
    )
    session.add(s.found)
    return s.done(EventKind.ADJUDICATION_REQUESTED, details={"route": route.value})


@optimistic
def accept_adjudication(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """立案, approved by the acting manager. A registered case is accepted on that day;
    after a failed mediation the case is accepted again and the days between the failure
    and this acceptance are not counted on its handling limit."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.ACCEPT_ADJUDICATION, today)
    case, adjudication = s.case, s.adjudication
    day = s.day(on, max(adjudication.requested_on, case.received_on), "立案日期")
    details: dict[str, Any] = {"approver": actor.name}
    if case.status == CaseStatus.FAILED:
        failed_on = stopped_on(session, case) or day
        if day > failed_on:
            session.add(
                ClockAdjustment(
                    case_id=case.id,
                    limit_kind=LimitKind.HANDLING,
                    kind=AdjustmentKind.SUSPENSION,
                    start_on=failed_on,
                    end_on=day,
                    reason="调解不成后请求行政裁决：调解终结至立案期间不计入处理期限",
                    approved_by_id=actor.user_id,
                )
            )
            details["not_counted"] = [failed_on.isoformat(), day.isoformat()]
    else:
        case.accepted_on = day
    adjudication.accepted_on = day
    adjudication.acceptance_approved_by_id = actor.user_id
    return s.done(
        EventKind.ADJUDICATION_ACCEPTED,
        Step.ACCEPTED,
        status=CaseStatus.ACCEPTED,
        details=details,
    )


@optimistic
def refuse_adjudication(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    reason: str,
    *,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """不予受理 with the reason (the notice tells the requester). A registered case is
    rejected; after a failed mediation the case stays failed (the parties may sue)."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.REFUSE_ADJUDICATION, today)
    adjudication = s.adjudication
    text = required_reason(reason, "不予受理的理由")
    day = s.day(on, adjudication.requested_on, "决定日期")
    status = None
    if s.case.status == CaseStatus.REGISTERED:
        status = CaseStatus.REJECTED
        s.case.closed_on = day
    adjudication.refused_on = day
    adjudication.refusal_reason = text
    adjudication.acceptance_approved_by_id = actor.user_id
    return s.done(EventKind.ADJUDICATION_REFUSED, Step.REFUSED, status=status, reason=text)


# --------------------------------------------------------------------------- panel


@dataclass(frozen=True)
class RecusalFinding:
    officer: str
    party: str
    ground: str  # "same_name" or "declared"


def recusal_check(
    officers: Sequence[User], parties: Sequence[Party], declared: Mapping[int, str]
) -> tuple[dict[str, Any], list[RecusalFinding]]:
    """Check each officer against the parties and their agents (回避): the same name, or a
    relation the officer declared (近亲属, 利害关系, 其他关系). Returns the record to keep
    and the findings (an officer with a finding must not sit)."""
    names = [(p.name.strip(), p.role.value) for p in parties]
    findings: list[RecusalFinding] = []
    entries = []
    for user in officers:
        own = user.display_name.strip()
        hits = [
            RecusalFinding(user.display_name, name, "same_name")
            for name, _role in names
            if name and name == own
        ]
        note = (declared.get(user.id) or "").strip()
        if note:
            hits.append(RecusalFinding(user.display_name, note, "declared"))
        findings.extend(hits)
        entries.append(
            {
                "user_id": user.id,
                "officer": user.display_name,
                "result": "conflict" if hits else "clear",
                "declared": note or None,
            }
        )
    record = {
        "checked_against": [{"name": n, "role": r} for n, r in names],
        "officers": entries,
        "grounds": "同名或申报的近亲属、利害关系及其他可能影响公正处理的关系",
    }
    return record, findings


@optimistic
def set_panel(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    officer_ids: Sequence[int],
    *,
    declared_related: Mapping[int, str] | None = None,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """The panel (合议组), approved by the acting manager: an odd number, at least
    :data:`MIN_PANEL`, of active mediators and managers of the case's office; the first
    presides. Each is checked for recusal against the parties and agents; the check is
    recorded. Setting it again replaces it until the request is served."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.SET_PANEL, today)
    case, adjudication = s.case, s.adjudication
    ids = list(dict.fromkeys(officer_ids))
    if len(ids) != len(officer_ids):
        raise ValidationError("officers", "合议组成员重复", code="panel_duplicate")
    if len(ids) < MIN_PANEL or len(ids) % 2 == 0:
        raise ValidationError(
            "officers",
            f"合议组应由{MIN_PANEL}名以上单数承办人员组成（现为 {len(ids)} 名）",
            code="panel_size",
            count=len(ids),
            minimum=MIN_PANEL,
        )
    users = []
    for user_id in ids:
        user = session.get(User, user_id)
        if (
            user is None
            or not user.active
            or user.role not in _OFFICER_ROLES
            or user.office_id != case.office_id
        ):
            raise ValidationError(
                "officers",
                "合议组成员须为本裁决所在职的调解员或负责人",
                code="panel_officer_not_in_office",
                officer=user.display_name if user else str(user_id),
            )
        users.append(user)
    record, findings = recusal_check(users, case.parties, declared_related or {})
    if findings:
        first = findings[0]
        raise ValidationError(
            "officers",
            f"{first.officer} 应当回避（{first.party}）",
            code="panel_recusal",
            officer=first.officer,
            party=first.party,
        )
    day = s.day(on, adjudication.accepted_on, "批准日期")
    for old in list(adjudication.officers):
        adjudication.officers.remove(old)
    session.flush()
    for position, user in enumerate(users):
        adjudication.officers.append(
            PanelOfficer(user_id=user.id, position=position, presiding=position == 0)
        )
    record["checked_on"] = day.isoformat()
    record["checked_by"] = actor.name
    adjudication.recusal_check = record
    adjudication.panel_approved_by_id = actor.user_id
    adjudication.panel_approved_on = day
    return s.done(
        EventKind.PANEL_SET,
        Step.PANEL_SET,
        details={"officers": [u.display_name for u in users], "approver": actor.name},
    )


# --------------------------------------------------------------------------- request, defence


@optimistic
def serve_request(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    service: Service,
    *,
    today: dt.date | None = None,
) -> StepResult:
    """The request copy served on the respondent (with the 答辩通知书); the respondent's
    receipt starts the 15-day defence period."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.SERVE_REQUEST, today)
    record = s.serve(
        ServedDocument.REQUEST_COPY, service, s.adjudication.accepted_on, PartyRole.RESPONDENT
    )
    s.adjudication.request_served_on = record.received_on
    return s.done(EventKind.REQUEST_SERVED, Step.REQUEST_SERVED, details=_service_details(record))


@optimistic
def record_defence(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    received_on: dt.date | None = None,
    summary: str | None = None,
    none_in_time: bool = False,
    today: dt.date | None = None,
) -> StepResult:
    """The respondent's defence (its date and gist), or — once the defence period has
    passed — that none came (逾期不答辩不影响处理)."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.RECORD_DEFENCE, today)
    adjudication = s.adjudication
    details: dict[str, Any]
    if none_in_time:
        due = s.limit_due(LimitKind.DEFENCE)
        if due is not None and s.today <= due:
            raise IllegalTransition(
                f"答辩期至 {due.isoformat()} 届满，届满前不能登记未答辩",
                code="defence_period_running",
                due=due,
            )
        adjudication.no_defence = True
        details = {"no_defence": True}
    else:
        day = s.day(received_on, adjudication.request_served_on, "答辩书收到日期")
        adjudication.defence_received_on = day
        adjudication.defence_summary = _text(summary, "summary", "答辩要点")
        details = {"received_on": day.isoformat()}
    return s.done(EventKind.DEFENCE_RECORDED, Step.DEFENCE_RECORDED, details=details)


def _record(
    s: _Step,
    kind: RecordKind,
    held_on: dt.date,
    *,
    place: str | None,
    participants: str | None,
    content: str,
) -> None:
    s.session.add(
        ProceedingRecord(
            adjudication=s.adjudication,
            kind=kind,
            held_on=held_on,
            place=place,
            participants=participants,
            content=content,
            recorded_by_id=s.actor.user_id,
        )
    )


@optimistic
def exchange_evidence(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    held_on: dt.date,
    content: str,
    participants: str | None = None,
    place: str | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """A dated record of an evidence exchange (证据交换) between the parties."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.EXCHANGE_EVIDENCE, today)
    day = s.day(held_on, s.adjudication.request_served_on, "证据交换日期")
    _record(
        s,
        RecordKind.EVIDENCE_EXCHANGE,
        day,
        place=_text(place, "place", "地点", required=False),
        participants=_text(participants, "participants", "参加人员", required=False),
        content=_text(content, "content", "证据交换情况") or "",
    )
    return s.done(EventKind.EVIDENCE_EXCHANGED, details={"held_on": day.isoformat()})


# --------------------------------------------------------------------------- hearing


def earliest_hearing(session: Session, notified_on: dt.date) -> dt.date:
    """The first day an oral hearing may be held when the parties learn of it on
    ``notified_on`` (the ``hearing_notice`` rule: 3 working days by default)."""
    context = LimitContext.load(session)
    if LimitKind.HEARING_NOTICE not in context.rules:
        return notified_on
    result = context.compute(LimitKind.HEARING_NOTICE, notified_on)
    return result.due or notified_on


@optimistic
def notify_hearing(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    notified_on: dt.date,
    hearing_on: dt.date,
    place: str,
    method: ServiceMethod | str = ServiceMethod.DIRECT,
    today: dt.date | None = None,
) -> StepResult:
    """The oral-hearing notice: the parties learn the time and place on ``notified_on``,
    at least the ``hearing_notice`` rule's working days before ``hearing_on``. A service
    record is kept for each applicant and respondent. Given again, it reschedules."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.NOTIFY_HEARING, today)
    adjudication = s.adjudication
    day = s.day(notified_on, adjudication.request_served_on, "通知日期")
    earliest = earliest_hearing(session, day)
    if hearing_on < earliest:
        raise ValidationError(
            "hearing_on",
            f"口头审理日期不得早于 {earliest.isoformat()}（应至少提前3个工作日通知当事人）",
            code="hearing_notice_too_short",
            earliest=earliest,
        )
    text = _text(place, "place", "口头审理地点")
    for party in s.case.parties:
        if party.role in (PartyRole.APPLICANT, PartyRole.RESPONDENT):
            s.serve(
                ServedDocument.HEARING_NOTICE,
                Service(method, day, day, party_id=party.id, consent=True),
                day,
                party.role,
            )
    adjudication.hearing_notified_on = day
    adjudication.hearing_on = hearing_on
    adjudication.hearing_place = text
    return s.done(
        EventKind.HEARING_NOTIFIED,
        Step.HEARING_NOTIFIED,
        details={"hearing_on": hearing_on.isoformat(), "place": text},
    )


@optimistic
def record_hearing(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    held_on: dt.date,
    participants: str,
    content: str,
    today: dt.date | None = None,
) -> StepResult:
    """The hearing record (口头审理笔录): when, who took part, what was said."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.RECORD_HEARING, today)
    adjudication = s.adjudication
    day = s.day(held_on, adjudication.hearing_on, "口头审理日期")
    _record(
        s,
        RecordKind.HEARING,
        day,
        place=adjudication.hearing_place,
        participants=_text(participants, "participants", "参加人员"),
        content=_text(content, "content", "口头审理记录") or "",
    )
    adjudication.hearing_held_on = day
    return s.done(EventKind.HEARING_HELD, Step.HEARING_HELD, details={"held_on": day.isoformat()})


# --------------------------------------------------------------------------- suspension


@optimistic
def suspend_for_invalidation(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    invalidation_number: str,
    start_on: dt.date,
    reason: str | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """Suspend the handling while the respondent's request to invalidate the patent,
    accepted by CNIPA, is pending (CNIPA's reply of 2022 on suspending patent-infringement
    cases: the acceptance notice of the invalidation request is what the suspension
    rests on), with CNIPA's case number. The handling clock stops (services/cases/clock.py)
    from ``start_on``."""
    s = _begin(
        session, actor, case_id, expected_version, CaseAction.SUSPEND_FOR_INVALIDATION, today
    )
    number = (invalidation_number or "").strip().upper()
    if not _INVALIDATION_RE.fullmatch(number):
        raise ValidationError(
            "invalidation_number",
            "请填写国家知识产权局无效宣告请求的案件编号",
            code="invalidation_number_invalid",
        )
    text = f"被请求人已就涉案专利提出无效宣告请求（案件编号 {number}），中止处理"
    extra = optional_text(reason)
    if extra:
        text = f"{text}：{extra}"
    clock.suspend_case(
        session, actor, case_id, expected_version, reason=text, start_on=start_on, today=s.today
    )
    _tag_last_event(session, s.case, EventKind.SUSPENDED, {"invalidation_number": number})
    s.adjudication.suspended = True
    s.adjudication.invalidation_number = number
    session.flush()
    return s.result()


@optimistic
def resume_adjudication(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    resume_on: dt.date,
    reason: str | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """Resume after the invalidation request was decided (or withdrawn); the clock runs
    again from ``resume_on``."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.RESUME_ADJUDICATION, today)
    clock.resume_case(
        session, actor, case_id, expected_version, resume_on=resume_on, reason=reason, today=s.today
    )
    number = s.adjudication.invalidation_number
    _tag_last_event(session, s.case, EventKind.RESUMED, {"invalidation_number": number})
    s.adjudication.suspended = False
    session.flush()
    return s.result()


def _tag_last_event(session: Session, case: Case, kind: EventKind, details: dict[str, Any]) -> None:
    session.flush()
    event = session.scalars(
        select(CaseEvent)
        .where(CaseEvent.case_id == case.id, CaseEvent.kind == kind.value)
        .order_by(CaseEvent.id.desc())
        .limit(1)
    ).first()
    if event is not None:
        event.details = {**(event.details or {}), **details}


# --------------------------------------------------------------------------- decision


def _decision_number(session: Session, case: Case, day: dt.date) -> str:
    count = session.scalar(
        select(func.count())
        .select_from(Adjudication)
        .join(Case, Case.id == Adjudication.case_id)
        .where(
            Case.office_id == case.office_id,
            Adjudication.decided_on >= dt.date(day.year, 1, 1),
            Adjudication.decided_on <= dt.date(day.year, 12, 31),
        )
    )
    return f"{case.office.code}专裁字〔{day.year}〕{int(count or 0) + 1}号"


@optimistic
def decide(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    infringement_found: bool,
    reasons: str,
    order_to_stop: str | None = None,
    decided_on: dt.date | None = None,
    decision_number: str | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """The decision (处理决定), signed off by the office manager: infringement found (with
    the order to stop: the kind, object and scope of the acts) or not (the request is
    dismissed), and the reasons. The case becomes ``adjudicated``; its handling clock
    stops on that day."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.DECIDE, today)
    case, adjudication = s.case, s.adjudication
    earliest = (
        adjudication.hearing_held_on
        or adjudication.defence_received_on
        or adjudication.request_served_on
    )
    day = s.day(decided_on, earliest, "决定日期")
    text = _text(reasons, "reasons", "认定侵权是否成立的理由和依据")
    order = _text(order_to_stop, "order_to_stop", "责令停止的侵权行为", required=infringement_found)
    number = _text(decision_number, "decision_number", "文号", required=False)
    if number and len(number) > 60:
        raise ValidationError(
            "decision_number", "文号过长", code="decision_number_too_long", limit=60
        )
    number = number or _decision_number(session, case, day)
    adjudication.decided_on = day
    adjudication.infringement_found = infringement_found
    adjudication.order_to_stop = order if infringement_found else None
    adjudication.reasons = text
    adjudication.decision_number = number
    adjudication.signed_off_by_id = actor.user_id
    return s.done(
        EventKind.ADJUDICATION_DECIDED,
        Step.DECIDED,
        status=CaseStatus.ADJUDICATED,
        details={
            "infringement_found": infringement_found,
            "decision_number": adjudication.decision_number,
            "signed_off_by": actor.name,
        },
    )


@optimistic
def serve_decision(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    services: Sequence[Service],
    *,
    today: dt.date | None = None,
) -> StepResult:
    """The decision served on every applicant and respondent; the last receipt starts the
    15-day window to sue (专利法 Art. 65)."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.SERVE_DECISION, today)
    case, adjudication = s.case, s.adjudication
    records = [
        s.serve(ServedDocument.DECISION, service, adjudication.decided_on, PartyRole.RESPONDENT)
        for service in services
    ]
    served = {r.party_id for r in records}
    missing = [
        p.name
        for p in case.parties
        if p.role in (PartyRole.APPLICANT, PartyRole.RESPONDENT) and p.id not in served
    ]
    if missing:
        raise ValidationError(
            "services",
            f"处理决定尚未送达：{'、'.join(missing)}",
            code="decision_not_served_on_all",
            parties="、".join(missing),
        )
    adjudication.decision_served_on = max(r.received_on for r in records)
    return s.done(
        EventKind.DECISION_SERVED,
        Step.DECISION_SERVED,
        details={"served": [_service_details(r) for r in records]},
    )


@optimistic
def record_window_outcome(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    outcome: WindowOutcome | str,
    *,
    on: dt.date | None = None,
    court_case_number: str | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """What happened in the window to sue: a party sued (with the court's case number; at
    any time), or — once the window has passed — the infringer complied or did not stop
    (then the office may apply for enforcement)."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.RECORD_WINDOW_OUTCOME, today)
    case, adjudication = s.case, s.adjudication
    if adjudication.window_outcome is not None:
        raise IllegalTransition(
            f"案件 {case.number} 已登记起诉期限届满情况",
            code="window_outcome_recorded",
            case=case.number,
        )
    try:
        value = WindowOutcome(outcome)
    except ValueError:
        raise ValidationError("outcome", "情况无效", code="window_outcome_invalid") from None
    day = s.day(on, adjudication.decision_served_on, "登记日期")
    details: dict[str, Any] = {"outcome": value.value}
    if value == WindowOutcome.SUED:
        number = _text(court_case_number, "court_case_number", "法院案号")
        adjudication.suit_court_case_number = number
        details["court_case_number"] = number
    else:
        due = s.limit_due(LimitKind.SUIT_WINDOW)
        if due is not None and day <= due:
            raise IllegalTransition(
                f"起诉期限至 {due.isoformat()} 届满，届满后才能登记是否履行",
                code="suit_window_running",
                due=due,
            )
        if value == WindowOutcome.NOT_STOPPED and not adjudication.infringement_found:
            raise IllegalTransition(
                "处理决定未认定侵权，没有须停止的行为", code="nothing_ordered", case=case.number
            )
    adjudication.window_outcome = value
    adjudication.window_outcome_on = day
    step = Step.CONCLUDED if value != WindowOutcome.NOT_STOPPED else None
    return s.done(EventKind.WINDOW_OUTCOME, step, details=details)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


#: 行政强制法 Art. 53: an authority without enforcement powers applies to the court within
#: three months after the period to sue (and to comply) has passed.
ENFORCEMENT_MONTHS = 3


#: 行政强制法 Art. 54: the party has 10 days after the reminder's service to perform; the
#: ``enforcement_reminder`` rule (seed.DEFAULT_LIMIT_RULES) is the editable length.
ENFORCEMENT_REMINDER_DAYS = 10


def enforcement_possible_after(session: Session, reminded_on: dt.date) -> dt.date:
    """The last day of the period the reminder served on ``reminded_on`` gives the party
    (the ``enforcement_reminder`` rule: 10 days by default); the application may be made
    from the next day on."""
    context = LimitContext.load(session)
    if LimitKind.ENFORCEMENT_REMINDER not in context.rules:
        return reminded_on + dt.timedelta(days=ENFORCEMENT_REMINDER_DAYS)
    return context.compute(LimitKind.ENFORCEMENT_REMINDER, reminded_on).due or reminded_on


def _enforcement_due(s: _Step) -> tuple[dt.date | None, dt.date | None]:
    """The end of the window to sue and the last day to apply for enforcement, after the
    checks every enforcement step shares: infringement found, no suit, not complied."""
    case, adjudication = s.case, s.adjudication
    if not adjudication.infringement_found:
        raise IllegalTransition(
            "处理决定未认定侵权，无须申请强制执行", code="nothing_ordered", case=case.number
        )
    if adjudication.window_outcome in (WindowOutcome.SUED, WindowOutcome.COMPLIED):
        raise IllegalTransition(
            "当事人已起诉或已停止侵权，不能申请强制执行",
            code="enforcement_not_needed",
            case=case.number,
        )
    due = s.limit_due(LimitKind.SUIT_WINDOW)
    return due, (_add_months(due, ENFORCEMENT_MONTHS) if due is not None else None)


@optimistic
def remind_enforcement(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    served_on: dt.date | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """The written reminder (催告书) served on the infringer who neither sued nor stopped
    once the window to sue has passed (行政强制法 Art. 54); ``served_on`` is the day of its
    service. The application to the court waits 10 days after it."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.REMIND_ENFORCEMENT, today)
    case, adjudication = s.case, s.adjudication
    due, last = _enforcement_due(s)
    if adjudication.enforcement_reminded_on is not None:
        raise IllegalTransition(
            f"案件 {case.number} 已于 {adjudication.enforcement_reminded_on.isoformat()} "
            "送达强制执行催告书",
            code="enforcement_already_reminded",
            case=case.number,
            on=adjudication.enforcement_reminded_on,
        )
    day = s.day(served_on, adjudication.decision_served_on, "催告书送达日期")
    _check_enforcement_window(day, due, last, "催告履行")
    adjudication.enforcement_reminded_on = day
    return s.done(
        EventKind.ENFORCEMENT_REMINDED,
        details={
            "served_on": day.isoformat(),
            "apply_after": enforcement_possible_after(session, day).isoformat(),
        },
    )


def _check_enforcement_window(
    day: dt.date, due: dt.date | None, last: dt.date | None, act: str
) -> None:
    """``day`` lies after the window to sue (``due``) and within three months after it
    (``last``, 行政强制法 Art. 53): else the refusal, naming ``act``."""
    if due is not None and day <= due:
        raise IllegalTransition(
            f"起诉期限至 {due.isoformat()} 届满，届满后才能{act}",
            code="suit_window_running",
            due=due,
        )
    if last is not None and day > last:
        raise IllegalTransition(
            "申请强制执行应在期限届满之日起三个月内提出（行政强制法第五十三条）",
            code="enforcement_too_late",
            last=last,
        )


@optimistic
def apply_enforcement(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    court_code: str,
    applied_on: dt.date | None = None,
    today: dt.date | None = None,
) -> StepResult:
    """The application to the court for enforcement: infringement was found, the window to
    sue has passed without a suit and the infringer did not stop (专利法 Art. 65), within
    three months after the window (行政强制法 Art. 53), and more than 10 days after the
    written reminder was served (:func:`remind_enforcement`, Art. 54)."""
    s = _begin(session, actor, case_id, expected_version, CaseAction.APPLY_ENFORCEMENT, today)
    case, adjudication = s.case, s.adjudication
    due, last = _enforcement_due(s)
    day = s.day(applied_on, adjudication.decision_served_on, "申请日期")
    _check_enforcement_window(day, due, last, "申请强制执行")
    reminded_on = adjudication.enforcement_reminded_on
    if reminded_on is None:
        raise IllegalTransition(
            "申请强制执行前应当先书面催告当事人履行（行政强制法第五十四条）",
            code="enforcement_not_reminded",
            case=case.number,
        )
    after = enforcement_possible_after(session, reminded_on)
    if day <= after:
        raise IllegalTransition(
            f"催告书于 {reminded_on.isoformat()} 送达，{after.isoformat()} 后当事人仍未履行的"
            "才能申请强制执行（行政强制法第五十四条）",
            code="enforcement_reminder_running",
            reminded_on=reminded_on,
            after=after,
        )
    court = session.scalars(select(Agency).where(Agency.code == (court_code or "").strip())).first()
    if court is None or court.kind != AgencyKind.COURT or not court.active:
        raise ValidationError(
            "court", f"“{court_code}”不是已登记的法院", code="unknown_court", court=court_code
        )
    if adjudication.window_outcome is None:
        adjudication.window_outcome = WindowOutcome.NOT_STOPPED
        adjudication.window_outcome_on = day
    adjudication.enforcement_applied_on = day
    adjudication.enforcement_court_id = court.id
    return s.done(
        EventKind.ENFORCEMENT_APPLIED,
        Step.ENFORCEMENT_APPLIED,
        details={"court": court.code, "court_name": court.name},
    )


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class OfficerView:
    user_id: int
    name: str
    presiding: bool


@dataclass(frozen=True)
class ServiceView:
    document: str
    recipient: str
    method: str
    sent_on: dt.date
    received_on: dt.date
    signed_by: str | None
    server_name: str | None


@dataclass(frozen=True)
class RecordView:
    kind: str
    held_on: dt.date
    place: str | None
    participants: str | None
    content: str


@dataclass(frozen=True)
class StepView:
    step: str
    label: str
    on: dt.date | None
    done: bool
    current: bool


@dataclass(frozen=True)
class PartyRef:
    party_id: int
    role: str
    name: str


@dataclass(frozen=True)
class AdjudicationView:
    """The case's adjudication as plain data (case view, ``case show --json``)."""

    case_id: int
    step: str
    step_label: str
    route: str
    suspended: bool
    invalidation_number: str | None
    requested_on: dt.date
    accepted_on: dt.date | None
    refused_on: dt.date | None
    refusal_reason: str | None
    officers: tuple[OfficerView, ...]
    recusal_check: dict[str, Any] | None
    request_served_on: dt.date | None
    defence_due: dt.date | None
    defence_received_on: dt.date | None
    defence_summary: str | None
    no_defence: bool
    hearing_notified_on: dt.date | None
    hearing_on: dt.date | None
    hearing_place: str | None
    hearing_held_on: dt.date | None
    decision_number: str | None
    decided_on: dt.date | None
    infringement_found: bool | None
    order_to_stop: str | None
    reasons: str | None
    signed_off_by: str | None
    decision_served_on: dt.date | None
    suit_window_due: dt.date | None
    window_outcome: str | None
    suit_court_case_number: str | None
    enforcement_reminded_on: dt.date | None
    enforcement_possible_after: dt.date | None  # the reminder's period ends (Art. 54)
    enforcement_applied_on: dt.date | None
    enforcement_court: str | None
    services: tuple[ServiceView, ...]
    records: tuple[RecordView, ...]
    steps: tuple[StepView, ...] = field(default=())
    parties: tuple[PartyRef, ...] = field(default=())  # who documents are served on

    def as_dict(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, tuple):
                return [plain(v) for v in value]
            if hasattr(value, "__dataclass_fields__"):
                return {k: plain(getattr(value, k)) for k in value.__dataclass_fields__}
            return value

        return {k: plain(getattr(self, k)) for k in self.__dataclass_fields__ if k != "case_id"}


def _step_dates(a: Adjudication) -> dict[Step, dt.date | None]:
    return {
        Step.REQUESTED: a.requested_on,
        Step.ACCEPTED: a.accepted_on,
        Step.PANEL_SET: a.panel_approved_on,
        Step.REQUEST_SERVED: a.request_served_on,
        Step.DEFENCE_RECORDED: a.defence_received_on,
        Step.HEARING_NOTIFIED: a.hearing_notified_on,
        Step.HEARING_HELD: a.hearing_held_on,
        Step.DECIDED: a.decided_on,
        Step.DECISION_SERVED: a.decision_served_on,
        Step.ENFORCEMENT_APPLIED: a.enforcement_applied_on,
        Step.CONCLUDED: a.window_outcome_on if a.step == Step.CONCLUDED else None,
    }


def view_of(session: Session, case: Case) -> AdjudicationView | None:
    """The adjudication of ``case`` (already checked to be visible), None if it has none."""
    a = adjudication_of(session, case.id)
    if a is None:
        return None
    dates = _step_dates(a)
    steps: tuple[StepView, ...]
    if a.step == Step.REFUSED:
        steps = (
            StepView(
                Step.REQUESTED.value, STEP_LABELS[Step.REQUESTED], a.requested_on, True, False
            ),
            StepView(Step.REFUSED.value, STEP_LABELS[Step.REFUSED], a.refused_on, True, True),
        )
    else:
        reached = STEP_ORDER.index(a.step)
        steps = tuple(
            StepView(
                s.value,
                STEP_LABELS[s],
                dates[s] if i <= reached else None,
                i <= reached,
                i == reached,
            )
            for i, s in enumerate(STEP_ORDER)
            if not (s == Step.ENFORCEMENT_APPLIED and a.step == Step.CONCLUDED)
        )
    names = {
        u.id: u.display_name
        for u in session.scalars(
            select(User).where(
                User.id.in_([o.user_id for o in a.officers] + [a.signed_off_by_id or 0])
            )
        )
    }
    court = session.get(Agency, a.enforcement_court_id) if a.enforcement_court_id else None
    return AdjudicationView(
        case_id=case.id,
        step=a.step.value,
        step_label=STEP_LABELS[a.step],
        route=a.route.value,
        suspended=case.is_suspended and a.suspended,
        invalidation_number=a.invalidation_number,
        requested_on=a.requested_on,
        accepted_on=a.accepted_on,
        refused_on=a.refused_on,
        refusal_reason=a.refusal_reason,
        officers=tuple(
            OfficerView(o.user_id, names.get(o.user_id, ""), o.presiding) for o in a.officers
        ),
        recusal_check=a.recusal_check,
        request_served_on=a.request_served_on,
        defence_due=_limit_due(session, case, LimitKind.DEFENCE),
        defence_received_on=a.defence_received_on,
        defence_summary=a.defence_summary,
        no_defence=a.no_defence,
        hearing_notified_on=a.hearing_notified_on,
        hearing_on=a.hearing_on,
        hearing_place=a.hearing_place,
        hearing_held_on=a.hearing_held_on,
        decision_number=a.decision_number,
        decided_on=a.decided_on,
        infringement_found=a.infringement_found,
        order_to_stop=a.order_to_stop,
        reasons=a.reasons,
        signed_off_by=names.get(a.signed_off_by_id) if a.signed_off_by_id else None,
        decision_served_on=a.decision_served_on,
        suit_window_due=_limit_due(session, case, LimitKind.SUIT_WINDOW),
        window_outcome=a.window_outcome.value if a.window_outcome else None,
        suit_court_case_number=a.suit_court_case_number,
        enforcement_reminded_on=a.enforcement_reminded_on,
        enforcement_possible_after=(
            enforcement_possible_after(session, a.enforcement_reminded_on)
            if a.enforcement_reminded_on
            else None
        ),
        enforcement_applied_on=a.enforcement_applied_on,
        enforcement_court=court.name if court else None,
        services=tuple(
            ServiceView(
                s.document.value,
                s.recipient,
                s.method.value,
                s.sent_on,
                s.received_on,
                s.signed_by,
                s.server_name,
            )
            for s in a.services
        ),
        records=tuple(
            RecordView(r.kind.value, r.held_on, r.place, r.participants, r.content)
            for r in a.records
        ),
        steps=steps,
        parties=tuple(
            PartyRef(p.id, p.role.value, p.name)
            for p in case.parties
            if p.role in (PartyRole.APPLICANT, PartyRole.RESPONDENT)
        ),
    )


def get_adjudication(session: Session, actor: Actor, case_id: int) -> AdjudicationView | None:
    """The case's adjudication for ``actor`` (who must be able to see the case)."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", code="case_not_found", case_id=case_id)
    require_case(actor, case)
    return view_of(session, case)


@dataclass(frozen=True)
class Candidate:
    """An officer who may sit on the case's panel."""

    user_id: int
    name: str
    role: str


def panel_candidates(session: Session, actor: Actor, case_id: int) -> list[Candidate]:
    """The active mediators and managers of the case's office, managers first."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", code="case_not_found", case_id=case_id)
    require_case(actor, case)
    users = session.scalars(
        select(User)
        .where(
            User.office_id == case.office_id,
            User.active.is_(True),
            User.role.in_(_OFFICER_ROLES),
        )
        .order_by(User.role.desc(), User.display_name)
    )
    return [Candidate(u.id, u.display_name, u.role.value) for u in users]
