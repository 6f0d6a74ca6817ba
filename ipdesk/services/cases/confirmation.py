"""Judicial confirmation of a mediation agreement (司法确认), and a case's links to the
partner agencies in plain data.

The steps, each refused with a clear reason when illegal:

1. :func:`courts_with_jurisdiction` ranks the courts an application may go to (rules
   below) and :func:`confirmation_warnings` warns about an agreement the courts will not
   confirm (ownership or validity of a right: SPC interpretation Art. 355).
2. :func:`apply_for_confirmation` records the application (date, court) and moves the case
   to "confirmation_requested" (the only way there). The court must be one that
   :func:`courts_with_jurisdiction` names; another is refused with the list of those that
   have a ground. The parties must apply within 30 days after the agreement took effect
   (民事诉讼法 Art. 205): an application after the window is refused — it is a legal
   limit, not a local rule. The window is the ``confirmation_application`` limit
   (``services/cases/limits.py``), with its alerts.
3. :func:`record_court_acceptance`: the court accepted the application; its own decision
   limit (15 days, ``court_decision``) starts. :func:`extend_court_decision` adds the
   10 days the court president may approve (SPC rules on judicial confirmation Art. 5).
4. :func:`record_court_decision`: the agreement ruled valid, or the application dismissed,
   with the ruling's number and date (the only way to "confirmed" / "confirmation_denied").

Jurisdiction (民事诉讼法 Art. 205, as :func:`courts_with_jurisdiction` applies it):

* a court invited the mediation (the case was referred by a court, 委派/委托): that court
  only;
* else, when the dispute belongs to an intermediate court at first instance (the IP types
  in :data:`INTERMEDIATE_IP_TYPES`: patents of every kind, technical secrets, computer
  software, plant varieties, layout designs — 法释〔2022〕13号 Arts. 1-2): a basic court
  the court table explicitly designates for the type, if one has a ground below; otherwise
  the intermediate (or IP) court that hears the type and whose region covers the
  office's, only;
* else the basic-level courts that hear the IP type (the court table's designations,
  ``services/rules/jurisdiction.py``) where the mediating organisation is (the court's region is
  the office's court region: the development zone, which has no division code, is served
  by the court its ``court_region`` names) or where a party lives (the party's address
  names the court's area, or an organisation's credit code was issued in the court's
  region), ranked by the number of grounds, the mediating organisation's court first on a
  tie. Where the subject matter is (标的物所在地) is not recorded on a case and is not used.

Who: the case's handler, as in ``services/cases/workflow.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ipdesk.models import (
    AdjustmentKind,
    Agency,
    AgencyKind,
    Agreement,
    Case,
    CaseLimit,
    CaseStatus,
    ClockAdjustment,
    Confirmation,
    ConfirmationDecision,
    DisputeType,
    EventKind,
    IpType,
    LimitKind,
    LimitState,
    Office,
    PartyKind,
    PartyRole,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases import workflow
from ipdesk.services.cases.consultations import case_consultations
from ipdesk.services.cases.limits import LimitContext, refresh_case_limits
from ipdesk.services.cases.mediation import agreement_info, court_referral, find_agreement
from ipdesk.services.cases.timeline import record_event
from ipdesk.services.cases.workflow import optimistic
from ipdesk.services.errors import (
    IllegalTransition,
    NotFound,
    ValidationError,
    ValidationErrors,
)
from ipdesk.services.queries.lookups import is_unusable_key
from ipdesk.services.rules.access import require_case
from ipdesk.services.rules.deadlines import compute_due, legal_today
from ipdesk.services.rules.jurisdiction import (
    INTERMEDIATE_IP_TYPES,
    check_court_case_number,
    court_hears,
    normalise_court_case_number,
)
from ipdesk.services.rules.vocabulary import IP_TYPE_LABELS, STATUS_LABELS

__all__ = [
    "COURT_EXTENSION_DAYS",
    "INTERMEDIATE_IP_TYPES",
    "ConfirmationInfo",
    "ConfirmationOverview",
    "ConfirmationWarning",
    "CourtChoice",
    "apply_for_confirmation",
    "case_links",
    "confirmation_overview",
    "confirmation_warnings",
    "courts_with_jurisdiction",
    "extend_court_decision",
    "record_court_acceptance",
    "record_court_decision",
]

S = CaseStatus

#: Days the court president may add to the court's 15-day limit (SPC rules 2011 Art. 5).
COURT_EXTENSION_DAYS = 10
#: The statutory window, used when no rule of the kind is configured.
WINDOW_DAYS = 30
_CENT = Decimal("0.01")

_ART_205 = "民事诉讼法第二百零五条"
_ART_355 = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十五条"

_SPC_2022 = "法释〔2022〕13号"

# Reason codes of a court choice (the UI translates them; ``reasons`` holds the Chinese text).
REFERRING_COURT = "referring_court"
INTERMEDIATE = "intermediate"
MEDIATOR_LOCATION = "mediator_location"
PARTY_DOMICILE = "party_domicile"


# --------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class CourtChoice:
    id: int
    code: str
    name: str
    level: str | None
    reasons: tuple[str, ...]  # Chinese, for the user and the CLI
    reason_codes: tuple[str, ...]  # REFERRING_COURT, INTERMEDIATE, ...

    def as_json(self) -> dict[str, Any]:
        return {"court": self.code, "name": self.name, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class ConfirmationWarning:
    code: str  # "agreement_decides_ownership" | "ownership_dispute"
    message: str


@dataclass(frozen=True)
class ConfirmationInfo:
    id: int
    case_id: int
    case_number: str
    case_version: int
    case_status: CaseStatus
    court_id: int
    court_code: str
    court_name: str
    applied_on: dt.date
    court_accepted_on: dt.date | None
    decision: ConfirmationDecision | None
    decided_on: dt.date | None
    ruling_number: str | None
    extended: bool
    decision_due_on: dt.date | None  # the court's limit, once it accepted

    @property
    def state(self) -> str:
        """``applied`` (waiting for the court to accept), ``accepted`` (waiting for the
        ruling), or the ruling: ``valid`` / ``dismissed``."""
        if self.decision is not None:
            return self.decision.value
        return "accepted" if self.court_accepted_on else "applied"

    def as_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "court": self.court_code,
            "court_name": self.court_name,
            "applied_on": _iso(self.applied_on),
            "court_accepted_on": _iso(self.court_accepted_on),
            "decision_due": _iso(self.decision_due_on),
            "extended": self.extended,
            "decision": self.decision.value if self.decision else None,
            "decided_on": _iso(self.decided_on),
            "ruling_number": self.ruling_number,
        }


@dataclass(frozen=True)
class ConfirmationOverview:
    """Everything the confirmation dialog shows for a case."""

    case_id: int
    number: str
    status: CaseStatus
    version: int
    effective_on: dt.date | None  # of the agreement; None: not (yet) in force
    window_due_on: dt.date | None
    window_missed: bool
    courts: tuple[CourtChoice, ...]  # with jurisdiction, best first
    other_courts: tuple[CourtChoice, ...]  # every other active court (no reasons)
    warnings: tuple[ConfirmationWarning, ...]
    current: ConfirmationInfo | None  # the latest application
    may_apply: bool
    may_record_decision: bool


# --------------------------------------------------------------------------- jurisdiction


def courts_with_jurisdiction(session: Session, case: Case) -> list[CourtChoice]:
    """The active courts an application for confirmation of ``case``'s agreement may go
    to, best first, each with its grounds (rules in the module docstring). Empty when no
    registered court fits; the caller then lets the user choose among all courts."""
    courts = list(
        session.scalars(
            select(Agency)
            .where(Agency.kind == AgencyKind.COURT, Agency.active.is_(True))
            .order_by(Agency.code)
        )
    )
    referring = next((c for c in courts if c.id == case.referring_court_id), None)
    if referring is not None:
        reason = f"人民法院委派（委托）调解的案件，向作出委派（委托）的人民法院提出（{_ART_205}）"
        return [_choice(referring, [(REFERRING_COURT, reason)])]
    office = session.get(Office, case.office_id)
    region = office.jurisdiction_region if office else ""
    ranked: list[tuple[int, int, str, CourtChoice]] = []
    intermediate_type = case.ip_type in INTERMEDIATE_IP_TYPES
    for court in courts:
        if court.court_level != "basic" or not court_hears(court, case.ip_type):
            continue
        if intermediate_type and court.ip_types is None:
            continue  # only an explicit designation (法释〔2022〕13号 Art. 2) counts
        grounds: list[tuple[str, str]] = []
        court_region = (court.region or "").strip()
        if region and court_region == region:
            name = _organisation_name(office)
            grounds.append((MEDIATOR_LOCATION, f"调解组织所在地（{name}）的基层人民法院"))
        areas = _area_names(court)
        for party in case.parties:
            if party.role not in (PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY):
                continue
            if _lives_in(party.address, party.kind, party.id_number, areas, court_region):
                grounds.append((PARTY_DOMICILE, f"当事人{party.name}住所地的基层人民法院"))
        if grounds:
            first = 0 if grounds[0][0] == MEDIATOR_LOCATION else 1
            ranked.append((-len(grounds), first, court.code, _choice(court, grounds)))
    if intermediate_type and not ranked:
        upper = [
            c
            for c in courts
            if c.court_level in ("intermediate", "ip_court") and court_hears(c, case.ip_type)
        ]
        covering = [c for c in upper if _covers(c.region, region)] if region else upper
        article = "第二条" if case.ip_type == IpType.PATENT_DESIGN else "第一条"
        reason = (
            f"{IP_TYPE_LABELS[case.ip_type]}纠纷的第一审由知识产权法院、中级人民法院管辖"
            f"（{_SPC_2022}{article}），调解协议所涉纠纷应当由中级人民法院管辖的，"
            f"向相应的中级人民法院提出（{_ART_205}）"
        )
        return [_choice(c, [(INTERMEDIATE, reason)]) for c in covering]
    ranked.sort(key=lambda r: r[:3])
    return [r[3] for r in ranked]


def _organisation_name(office: Office | None) -> str:
    if office is None:
        return ""
    return (office.mediation_org_name or "").strip() or office.name


def _choice(court: Agency, grounds: list[tuple[str, str]]) -> CourtChoice:
    return CourtChoice(
        id=court.id,
        code=court.code,
        name=court.name,
        level=court.court_level,
        reasons=tuple(text for _, text in grounds),
        reason_codes=tuple(code for code, _ in grounds),
    )


def _covers(court_region: str | None, region: str) -> bool:
    """An intermediate court's region (a city code such as 150500) covers its districts."""
    code = (court_region or "").strip()
    if not code or not region:
        return False
    if code == region:
        return True
    return len(code) == 6 and code.endswith("00") and region.startswith(code[:4])


def _area_names(court: Agency) -> set[str]:
    """The names a party's address may use for the court's area: 通辽市科尔沁区人民法院 ->
    科尔沁区; 科尔沁左翼中旗人民法院 -> 科尔沁左翼中旗 and its short form 科左中旗."""
    name = court.name.strip().removesuffix("人民法院")
    city = name.find("市")
    if 0 <= city < len(name) - 1:
        name = name[city + 1 :]
    if len(name) < 2:
        return set()
    names = {name}
    short = name.replace("科尔沁左翼", "科左").replace("科尔沁右翼", "科右")
    names.add(short)
    return names


def _lives_in(
    address: str | None,
    kind: PartyKind,
    id_number: str | None,
    areas: set[str],
    court_region: str,
) -> bool:
    text = address or ""
    if any(area in text for area in areas):
        return True
    # An organisation's credit code carries the region of the authority that registered it.
    code = (id_number or "").strip().upper()
    return (
        kind == PartyKind.ORGANISATION
        and len(code) == 18
        and bool(court_region)
        and code[2:8] == court_region
    )


def confirmation_warnings(
    case: Case, agreement: Agreement | None = None
) -> list[ConfirmationWarning]:
    """What the user must know before sending the case's agreement to a court: courts do
    not confirm agreements that decide ownership or validity of an IP right."""
    if agreement is None:
        session = object_session(case)
        if session is not None:
            agreement = find_agreement(session, case.id)
    warnings = []
    if agreement is not None and agreement.decides_ownership:
        warnings.append(
            ConfirmationWarning(
                "agreement_decides_ownership",
                "调解协议涉及知识产权权属或效力的确认，人民法院对此类协议不予司法确认"
                f"（{_ART_355}）；请告知当事人，可就权属争议另行起诉",
            )
        )
    if case.dispute_type == DisputeType.OWNERSHIP:
        warnings.append(
            ConfirmationWarning(
                "ownership_dispute",
                "本案为知识产权权属纠纷：调解协议如确认权属或权利效力，人民法院不予司法确认"
                f"（{_ART_355}）",
            )
        )
    return warnings


# --------------------------------------------------------------------------- the steps


def confirmation_overview(
    session: Session, actor: Actor, case_id: int, *, today: dt.date | None = None
) -> ConfirmationOverview:
    """The case's confirmation as the dialog shows it; anyone who may see the case."""
    today = today or legal_today()
    case = _case(session, case_id)
    require_case(actor, case)
    agreement = find_agreement(session, case.id)
    effective = agreement.effective_on if agreement else None
    window_due = _window_due(LimitContext.load(session), effective) if effective else None
    courts = courts_with_jurisdiction(session, case)
    chosen = {c.id for c in courts}
    others = tuple(
        _choice(c, [])
        for c in session.scalars(
            select(Agency)
            .where(Agency.kind == AgencyKind.COURT, Agency.active.is_(True))
            .order_by(Agency.code)
        )
        if c.id not in chosen
    )
    current = _latest(session, case.id)
    return ConfirmationOverview(
        case_id=case.id,
        number=case.number,
        status=case.status,
        version=case.version_id,
        effective_on=effective,
        window_due_on=window_due,
        window_missed=window_due is not None and today > window_due,
        courts=tuple(courts),
        other_courts=others,
        warnings=tuple(confirmation_warnings(case, agreement)),
        current=_info(session, case, current) if current else None,
        may_apply=workflow.may(actor, case, "request_confirmation"),
        may_record_decision=workflow.may(actor, case, "record_confirmation"),
    )


@optimistic
def apply_for_confirmation(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    court_code: str,
    applied_on: dt.date,
    acknowledge_warnings: bool = False,
    today: dt.date | None = None,
) -> ConfirmationInfo:
    """The parties applied to ``court_code`` on ``applied_on``. Refused after the 30-day
    window, before the agreement took effect, and — unless ``acknowledge_warnings`` —
    when :func:`confirmation_warnings` has something to say."""
    case = workflow.load_for(session, actor, case_id, expected_version, "request_confirmation")
    today = today or legal_today()
    agreement = find_agreement(session, case.id)
    if agreement is None or agreement.effective_on is None:
        raise IllegalTransition(
            f"案件 {case.number} 的调解协议尚未生效（未登记生效日期），不能申请司法确认",
            code="agreement_not_effective",
            case=case.number,
        )
    effective = agreement.effective_on
    errors: list[ValidationError] = []
    if applied_on > today:
        errors.append(ValidationError("applied_on", "申请日期不能晚于今天", code="date_in_future"))
    elif applied_on < effective:
        errors.append(
            ValidationError(
                "applied_on",
                f"申请日期不能早于调解协议生效日期（{effective.isoformat()}）",
                code="applied_before_effective",
                effective=effective,
            )
        )
    court = _court(session, court_code)
    if court is None:
        errors.append(
            ValidationError(
                "court",
                f"“{court_code}”不是已登记的人民法院" if court_code else "请选择受理申请的人民法院",
                code="unknown_court" if court_code else "court_empty",
                court=court_code,
            )
        )
    if errors:
        raise ValidationErrors(errors)
    assert court is not None
    _require_jurisdiction(session, case, court)
    due = _window_due(LimitContext.load(session), effective)
    if applied_on > due:
        raise IllegalTransition(
            f"申请司法确认的期限已于 {due.isoformat()} 届满：调解协议自 {effective.isoformat()} "
            f"生效，当事人应当自生效之日起三十日内申请（{_ART_205}），不能再申请司法确认。"
            "当事人可以就调解协议的履行或者内容向人民法院提起诉讼",
            code="confirmation_window_missed",
            case=case.number,
            due=due.isoformat(),
            effective=effective.isoformat(),
        )
    warnings = confirmation_warnings(case, agreement)
    if warnings and not acknowledge_warnings:
        raise ValidationError(
            "acknowledge_warnings",
            "；".join(w.message for w in warnings) + "。如当事人仍坚持申请，请确认已告知后再提交",
            code="confirmation_warning",
            warnings=[w.code for w in warnings],
        )
    confirmation = Confirmation(case_id=case.id, court_id=court.id, applied_on=applied_on)
    session.add(confirmation)
    session.flush()
    case.status = S.CONFIRMATION_REQUESTED
    workflow.finish(
        session,
        actor,
        case,
        EventKind.CONFIRMATION_REQUESTED,
        from_status=S.AGREEMENT,
        to_status=S.CONFIRMATION_REQUESTED,
        details={
            "court": court.code,
            "court_name": court.name,
            "applied_on": applied_on.isoformat(),
        },
        refresh_limits=True,
    )
    return _info(session, case, confirmation)


def _require_jurisdiction(session: Session, case: Case, court: Agency) -> None:
    """Refuse a court that no rule of 民事诉讼法 Art. 205 names for the case: a wrong court
    dismisses the application while the 30 days run out. The error lists the courts that
    have a ground (``courts``: their codes), or says that none of the registered courts has
    one (the court table needs the administrator)."""
    courts = courts_with_jurisdiction(session, case)
    if any(c.id == court.id for c in courts):
        return
    if not courts:
        raise ValidationError(
            "court",
            f"已登记的人民法院中没有对案件 {case.number} 有管辖依据的法院（{_ART_205}）："
            "请系统管理员在协作单位中补充人民法院的级别和所在区域",
            code="no_court_with_jurisdiction",
            case=case.number,
            court=court.code,
        )
    names = "、".join(f"{c.name}（{'；'.join(c.reasons)}）" for c in courts)
    raise ValidationError(
        "court",
        f"{court.name}对本案的司法确认申请没有管辖依据（{_ART_205}），"
        f"应当向以下人民法院提出：{names}",
        code="court_without_jurisdiction",
        case=case.number,
        court=court.code,
        court_name=court.name,
        court_names=[c.name for c in courts],
        courts=[c.code for c in courts],
    )


def record_court_acceptance(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    accepted_on: dt.date,
    today: dt.date | None = None,
) -> ConfirmationInfo:
    """The court accepted (立案受理) the application: its 15-day limit starts."""
    case, confirmation = _pending(session, actor, case_id, "登记法院受理")
    if confirmation.court_accepted_on is not None:
        raise IllegalTransition(
            f"案件 {case.number} 已登记法院于 {confirmation.court_accepted_on.isoformat()} 受理",
            code="already_accepted",
            case=case.number,
            accepted_on=confirmation.court_accepted_on,
        )
    _date_between(
        "accepted_on", accepted_on, confirmation.applied_on, today, "受理日期", "申请日期"
    )
    confirmation.court_accepted_on = accepted_on
    record_event(
        session,
        case,
        actor,
        EventKind.CONFIRMATION_ACCEPTED,
        details={"court": confirmation.court.code, "accepted_on": accepted_on.isoformat()},
    )
    session.flush()
    refresh_case_limits(session, case)
    session.flush()
    return _info(session, case, confirmation)


def extend_court_decision(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    approved_on: dt.date,
    note: str | None = None,
    today: dt.date | None = None,
) -> ConfirmationInfo:
    """The court president approved 10 more days for the court's decision (once)."""
    case, confirmation = _pending(session, actor, case_id, "登记延长审查期限")
    accepted = confirmation.court_accepted_on
    if accepted is None:
        raise IllegalTransition(
            f"案件 {case.number} 尚未登记法院受理日期，不能延长法院的审查期限",
            code="not_accepted_by_court",
            case=case.number,
        )
    if confirmation.extended:
        raise IllegalTransition(
            f"案件 {case.number} 的法院审查期限已延长过，只能经院长批准延长一次（10日）",
            code="already_extended",
            case=case.number,
        )
    _date_between("approved_on", approved_on, accepted, today, "批准日期", "法院受理日期")
    due = _decision_due(session, case.id, confirmation.id)
    if due is not None and approved_on > due:
        raise IllegalTransition(
            f"法院审查期限已于 {due.isoformat()} 届满，延长须在期限届满前经院长批准",
            code="limit_expired",
            case=case.number,
            due=due,
        )
    text = workflow.optional_text(note)
    reason = f"经{confirmation.court.name}院长批准，审查期限延长{COURT_EXTENSION_DAYS}日"
    session.add(
        ClockAdjustment(
            case_id=case.id,
            limit_kind=LimitKind.COURT_DECISION,
            kind=AdjustmentKind.EXTENSION,
            start_on=approved_on,
            days=COURT_EXTENSION_DAYS,
            reason=f"{reason}；{text}" if text else reason,
            approved_by_id=None,  # the court president, not a user of ipdesk
        )
    )
    confirmation.extended = True
    record_event(
        session,
        case,
        actor,
        EventKind.CONFIRMATION_EXTENDED,
        reason=text,
        details={
            "approved_on": approved_on.isoformat(),
            "days": COURT_EXTENSION_DAYS,
            "due_before": _iso(due),
        },
    )
    session.flush()
    refresh_case_limits(session, case)
    session.flush()
    return _info(session, case, confirmation)


@optimistic
def record_court_decision(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    decision: ConfirmationDecision | str,
    ruling_number: str,
    decided_on: dt.date,
    today: dt.date | None = None,
) -> ConfirmationInfo:
    """The court ruled the agreement valid or dismissed the application."""
    case = workflow.load_for(session, actor, case_id, expected_version, "record_confirmation")
    confirmation = _latest(session, case.id)
    if confirmation is None or confirmation.decision is not None:
        raise IllegalTransition(
            f"案件 {case.number} 没有待法院决定的司法确认申请",
            code="no_pending_application",
            case=case.number,
        )
    errors: list[ValidationError] = []
    try:
        verdict = ConfirmationDecision(decision)
    except ValueError:
        errors.append(
            ValidationError(
                "decision", "法院决定应为确认调解协议有效或驳回申请", code="decision_invalid"
            )
        )
    number = (ruling_number or "").strip()
    if not number:
        errors.append(
            ValidationError(
                "ruling_number",
                "请填写民事裁定书的案号，如（2026）内0502民特12号",
                code="ruling_number_empty",
            )
        )
    elif len(number) > 60:
        errors.append(
            ValidationError(
                "ruling_number", "裁定书案号不能超过 60 个字", code="ruling_number_too_long"
            )
        )
    else:
        try:  # the ruling of the court applied to, in a special-procedure (民特) case
            check_court_case_number("ruling_number", number, confirmation.court, types=("民特",))
            number = normalise_court_case_number(number)
        except ValidationError as exc:
            errors.append(exc)
    earliest = confirmation.court_accepted_on or confirmation.applied_on
    try:
        _date_between(
            "decided_on",
            decided_on,
            earliest,
            today,
            "裁定日期",
            "法院受理日期" if confirmation.court_accepted_on else "申请日期",
        )
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    confirmation.decision = verdict
    confirmation.decided_on = decided_on
    confirmation.ruling_number = number
    session.flush()
    if verdict == ConfirmationDecision.VALID:
        to, kind = S.CONFIRMED, EventKind.CONFIRMED
    else:
        to, kind = S.CONFIRMATION_DENIED, EventKind.CONFIRMATION_DENIED
    case.status = to
    workflow.finish(
        session,
        actor,
        case,
        kind,
        from_status=S.CONFIRMATION_REQUESTED,
        to_status=to,
        details={
            "decision": verdict.value,
            "ruling_number": number,
            "decided_on": decided_on.isoformat(),
            "court": confirmation.court.code,
        },
        refresh_limits=True,
    )
    return _info(session, case, confirmation)


# --------------------------------------------------------------------------- the links


def case_links(session: Session, actor: Actor, case_id: int) -> dict[str, Any]:
    """The case's consultations, agreement, latest confirmation and court referral as
    JSON-ready data (for ``ipdesk-admin case show --json``); anyone who may see the case."""
    case = _case(session, case_id)
    require_case(actor, case)
    agreement = find_agreement(session, case.id)
    agreement_json: dict[str, Any] | None = None
    if agreement is not None:
        info = agreement_info(case, agreement)
        window = session.scalars(
            select(CaseLimit).where(
                CaseLimit.case_id == case.id,
                CaseLimit.kind == LimitKind.CONFIRMATION_APPLICATION,
                CaseLimit.ref_key == 0,
            )
        ).first()
        agreement_json = {
            "signed_on": _iso(info.signed_on),
            "effective_on": _iso(info.effective_on),
            "decides_ownership": info.decides_ownership,
            "facts": info.facts,
            "responsibilities": info.responsibilities,
            "total_amount": str(info.total_amount.quantize(_CENT)),
            "obligations": [
                {
                    "obligor": o.obligor,
                    "obligee": o.obligee,
                    "description": o.description,
                    "amount": None if o.amount is None else str(o.amount),
                    "due_on": _iso(o.due_on),
                    "performance": o.performance.value,
                }
                for o in info.obligations
            ],
            "confirmation_window": (
                {"due": _iso(window.due_on), "state": window.state.value} if window else None
            ),
        }
    latest = _latest(session, case.id)
    referral = court_referral(session, actor, case.id)
    return {
        "consultations": [c.as_json() for c in case_consultations(session, actor, case.id)],
        "agreement": agreement_json,
        "confirmation": _info(session, case, latest).as_json() if latest else None,
        "court_referral": referral.as_json() if referral else None,
    }


# --------------------------------------------------------------------------- helpers


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", code="case_not_found", case_id=case_id)
    return case


def _court(session: Session, code: str | None) -> Agency | None:
    if not code or not code.strip() or is_unusable_key(code.strip()):
        return None
    court = session.scalars(select(Agency).where(Agency.code == code.strip())).first()
    if court is None or court.kind != AgencyKind.COURT or not court.active:
        return None
    return court


def _latest(session: Session, case_id: int) -> Confirmation | None:
    return session.scalars(
        select(Confirmation)
        .where(Confirmation.case_id == case_id)
        .order_by(Confirmation.applied_on.desc(), Confirmation.id.desc())
        .limit(1)
    ).first()


def _pending(session: Session, actor: Actor, case_id: int, what: str) -> tuple[Case, Confirmation]:
    """The case (its handler acting) and its application awaiting the court's decision."""
    case = workflow.load_handled(session, actor, case_id)
    if case.status != S.CONFIRMATION_REQUESTED:
        raise IllegalTransition(
            f"案件 {case.number} 当前为“{STATUS_LABELS[case.status]}”，不能{what}："
            f"只有“{STATUS_LABELS[S.CONFIRMATION_REQUESTED]}”的案件才能{what}",
            code="no_pending_application",
            case=case.number,
        )
    confirmation = _latest(session, case.id)
    if confirmation is None or confirmation.decision is not None:
        raise IllegalTransition(
            f"案件 {case.number} 没有待法院决定的司法确认申请",
            code="no_pending_application",
            case=case.number,
        )
    return case, confirmation


def _date_between(
    field: str,
    day: dt.date,
    earliest: dt.date,
    today: dt.date | None,
    label: str,
    earliest_label: str,
) -> None:
    if day > (today or legal_today()):
        raise ValidationError(field, f"{label}不能晚于今天", code="date_in_future")
    if day < earliest:
        raise ValidationError(
            field,
            f"{label}不能早于{earliest_label}（{earliest.isoformat()}）",
            code="date_too_early",
            earliest=earliest,
        )


def _window_due(context: LimitContext, effective_on: dt.date) -> dt.date:
    """The last day to apply for confirmation of an agreement effective on ``effective_on``."""
    if LimitKind.CONFIRMATION_APPLICATION in context.rules:
        due = context.compute(LimitKind.CONFIRMATION_APPLICATION, effective_on).due
    else:
        due = compute_due(effective_on, WINDOW_DAYS, calendar=context.calendar).due
    assert due is not None  # no suspensions: the clock never stands still
    return due


def _decision_due(session: Session, case_id: int, confirmation_id: int) -> dt.date | None:
    return session.scalar(
        select(CaseLimit.due_on).where(
            CaseLimit.case_id == case_id,
            CaseLimit.kind == LimitKind.COURT_DECISION,
            CaseLimit.ref_key == confirmation_id,
            CaseLimit.state != LimitState.CANCELLED,
        )
    )


def _info(session: Session, case: Case, confirmation: Confirmation) -> ConfirmationInfo:
    court = confirmation.court
    return ConfirmationInfo(
        id=confirmation.id,
        case_id=case.id,
        case_number=case.number,
        case_version=case.version_id,
        case_status=case.status,
        court_id=court.id,
        court_code=court.code,
        court_name=court.name,
        applied_on=confirmation.applied_on,
        court_accepted_on=confirmation.court_accepted_on,
        decision=confirmation.decision,
        decided_on=confirmation.decided_on,
        ruling_number=confirmation.ruling_number,
        extended=confirmation.extended,
        decision_due_on=_decision_due(session, case.id, confirmation.id),
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
