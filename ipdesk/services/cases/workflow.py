"""The case life cycle of design.md: one function per transition.

Every transition takes ``(session, actor, case_id, expected_version, ...)``, loads the case,
checks in this order

1. the actor is still the user they signed in as (enabled, same role and scope),
2. role and scope (``access.require_case``, plus "the case's mediator" where the table
   says so) — else ``PermissionDenied``,
3. ``expected_version`` is the case's current version — else ``StaleData`` (the caller keeps
   the user's input; a concurrent save that slips in between load and flush is caught by
   the ``version_id_col`` lock and becomes ``StaleData`` too),
4. the current state allows the move, and the case is not suspended — else
   ``IllegalTransition`` with a reason naming the state,
5. for the administrative adjudication's actions (services/cases/adjudication.py), the rule's
   own columns: the adjudication stands at one of the rule's ``steps``, the dispute is a
   patent infringement, and a mediator acting for the panel sits on it — else
   ``IllegalTransition`` / ``PermissionDenied``,
6. the input (reason, dates, court) — else ``ValidationError``,

then changes the case, records the timeline event in the same transaction, recomputes the
limits where they move (accept, reject, close, reopen) and returns a ``TransitionResult``
with the new status and version. The caller owns the transaction (commit or roll back).

Who may do what ("handler" = the case's assigned mediator, the office manager of the
case's office, or a city manager; "manager" = the office manager of the case's office or a
city manager; city managers act everywhere as managers; station staff only register cases
(intake); administrators have no case powers):

=====================  ==========================================  =======================  =======
transition             from                                        to                       who
=====================  ==========================================  =======================  =======
accept                 registered                                  accepted                 handler
reject (reason)        registered                                  rejected                 handler
start_mediation        accepted, confirmation_denied               mediating                handler
record_agreement *     mediating                                   agreement                handler
record_failure         mediating                                   failed                   handler
record_withdrawal      accepted, mediating                         withdrawn                handler
request_confirmation * agreement                                   confirmation_requested   handler
record_confirmation *  confirmation_requested                      confirmed /              handler
                                                                   confirmation_denied
close                  agreement, confirmed, confirmation_denied,  closed                   handler
                       failed, withdrawn
reopen (reason)        closed                                      the state it closed in   manager
                       rejected                                    registered               manager
assign_mediator        any open state (routing)                    (unchanged)              manager
transfer (reason)      registered, accepted (routing)              (unchanged)              manager
=====================  ==========================================  =======================  =======

(*) One road to each state: the agreement is reached with its terms,
``services.mediation.record_agreement`` (corrected by ``update_agreement`` until the
application is filed); the application and the court's ruling are
``services.confirmation.apply_for_confirmation`` (the agreement in force, the 30-day
window, a court with jurisdiction) and ``record_court_decision``. Those services load the
case with :func:`load_for` and record the move with :func:`finish`; this module has no
second, unchecked way there.

A mediator acts only on cases assigned to them, not on every case of their office: the
office manager routes the work and can step in on any case of the office. A suspended case
(``is_suspended``, see services/cases/clock.py) must be resumed before it moves on; it can still
be reassigned or transferred.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ipdesk.models import (
    OPEN_STATUSES,
    Adjudication,
    Agency,
    AgencyKind,
    Case,
    CaseStatus,
    EventKind,
    Role,
    User,
)
from ipdesk.models import AdjudicationStep as Step
from ipdesk.services.actors import Actor
from ipdesk.services.cases.followups import schedule_follow_ups
from ipdesk.services.cases.limits import refresh_case_limits
from ipdesk.services.cases.timeline import record_event
from ipdesk.services.errors import (
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ServiceError,
    StaleData,
    ValidationError,
)
from ipdesk.services.queries.lookups import has_control_chars, is_unusable_key
from ipdesk.services.rules.access import require_case
from ipdesk.services.rules.adjudication_rules import (
    AFTER_DECISION_STEPS,
    BEFORE_DECISION,
    STEP_LABELS,
    adjudication_of,
    is_patent_infringement,
    on_panel,
)
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.services.rules.vocabulary import STATUS_LABELS

S = CaseStatus

MAX_REASON_LENGTH = 2000


class CaseAction(enum.StrEnum):
    """Everything a user can do to a case: the one list that the rules below, the case
    view's buttons and the command line share. Transitions of the life cycle and the
    changes that keep the state (assigning, the clock, corrections, records)."""

    ACCEPT = "accept"
    REJECT = "reject"
    START_MEDIATION = "start_mediation"
    RECORD_AGREEMENT = "record_agreement"  # the terms: services.mediation.record_agreement
    EDIT_AGREEMENT = "edit_agreement"  # correct the terms until the application is filed
    RECORD_FAILURE = "record_failure"
    RECORD_WITHDRAWAL = "record_withdrawal"
    REQUEST_CONFIRMATION = "request_confirmation"  # services.confirmation.apply_for_confirmation
    RECORD_CONFIRMATION = "record_confirmation"  # the court's acceptance, extension, ruling
    CLOSE = "close"
    REOPEN = "reopen"
    ASSIGN_MEDIATOR = "assign_mediator"
    TRANSFER = "transfer"
    SUSPEND = "suspend"  # services.clock
    RESUME = "resume"
    EXTEND = "extend"
    CORRECT = "correct"  # parties, right, facts, claim, amounts
    ADD_EVIDENCE = "add_evidence"
    RECORD_SESSION = "record_session"  # a mediation record (调解笔录)
    # Administrative adjudication (services/cases/adjudication.py; steps: adjudication_rules).
    CHOOSE_ADJUDICATION = "choose_adjudication"
    ACCEPT_ADJUDICATION = "accept_adjudication"  # 立案, the manager approves
    REFUSE_ADJUDICATION = "refuse_adjudication"  # 不予受理, the manager decides
    SET_PANEL = "set_panel"  # the manager approves the panel
    SERVE_REQUEST = "serve_request"
    RECORD_DEFENCE = "record_defence"
    EXCHANGE_EVIDENCE = "exchange_evidence"
    NOTIFY_HEARING = "notify_hearing"
    RECORD_HEARING = "record_hearing"
    SUSPEND_FOR_INVALIDATION = "suspend_for_invalidation"
    RESUME_ADJUDICATION = "resume_adjudication"
    DECIDE = "decide"  # signed off by the office manager
    SERVE_DECISION = "serve_decision"
    RECORD_WINDOW_OUTCOME = "record_window_outcome"
    REMIND_ENFORCEMENT = "remind_enforcement"  # 催告书 before enforcement
    APPLY_ENFORCEMENT = "apply_enforcement"


A = CaseAction


class Who(enum.Enum):
    HANDLER = "handler"  # the case's mediator, the office manager, a city manager
    MANAGER = "manager"  # the office manager, a city manager
    REGISTRAR = "registrar"  # a handler, or staff of the case's station while it is registered
    PANEL = "panel"  # an officer of the case's panel (a mediator), the office's managers
    SIGNATORY = "signatory"  # the office manager of the case's office


class Suspension(enum.Enum):
    """How an action relates to the case's clock being suspended (中止)."""

    NOT_SUSPENDED = "not_suspended"  # only while the clock runs (most transitions)
    ANY = "any"  # whether suspended or not
    SUSPENDED = "suspended"  # only while suspended (resuming)


#: The adjudication steps in which an action may be taken (``Rule.steps``); ``None`` in the
#: set: also when the case has no adjudication.
StepSet = frozenset[Step | None]


@dataclass(frozen=True)
class Rule:
    action: CaseAction
    label: str  # what the action does, in the refusal messages
    sources: frozenset[CaseStatus]
    who: Who
    suspension: Suspension = Suspension.NOT_SUSPENDED
    #: Where the case's administrative adjudication must stand (None: anywhere, or none).
    steps: StepSet | None = None
    #: The refusal's code when the adjudication stands elsewhere (see _STEP_REFUSALS).
    step_refusal: str = "adjudication_step"
    #: Only for a patent-infringement dispute (the adjudication track's cases).
    patent_infringement: bool = False

    def allows_clock(self, suspended: bool) -> bool:
        if self.suspension is Suspension.ANY:
            return True
        return suspended == (self.suspension is Suspension.SUSPENDED)


def _rule(
    action: CaseAction,
    label: str,
    sources: set[CaseStatus] | frozenset[CaseStatus],
    who: Who,
    **kw: Any,
) -> Rule:
    return Rule(action, label, frozenset(sources), who, **kw)


#: States in which the handling clock is open and may be suspended, resumed or extended.
CLOCK_STATUSES = frozenset({S.ACCEPTED, S.MEDIATING, S.AGREEMENT})
#: States in which the case's facts, parties and evidence may still be corrected.
CORRECTABLE_STATUSES = frozenset(
    {S.REGISTERED, S.ACCEPTED, S.MEDIATING, S.AGREEMENT, S.FAILED, S.WITHDRAWN}
)
#: States in which mediation sessions are held and recorded.
SESSION_STATUSES = frozenset({S.ACCEPTED, S.MEDIATING, S.CONFIRMATION_DENIED})
ANY = Suspension.ANY
#: States after an administrative decision: service, the window to sue and enforcement
#: follow whatever the case does meanwhile (mediation of damages, closure).
_AFTER_DECISION = frozenset(
    {S.ADJUDICATED, S.MEDIATING, S.AGREEMENT, S.CONFIRMATION_REQUESTED, S.CONFIRMED}
    | {S.CONFIRMATION_DENIED, S.FAILED, S.CLOSED}
)
#: The adjudication's steps for its actions (services/cases/adjudication.py).
_PROCEEDINGS: StepSet = frozenset(BEFORE_DECISION)
_HEARD: StepSet = frozenset(
    {Step.REQUEST_SERVED, Step.DEFENCE_RECORDED, Step.HEARING_NOTIFIED, Step.HEARING_HELD}
)
#: Mediation (of the dispute, or of the damages) does not start while an adjudication is
#: requested or under way: only before it, after its refusal or after the decision.
_MEDIATION_STEPS: StepSet = frozenset({None, Step.REFUSED} | AFTER_DECISION_STEPS)


def _steps(*steps: Step | None) -> StepSet:
    return frozenset(steps)


RULES: dict[CaseAction, Rule] = {
    r.action: r
    for r in (
        _rule(A.ACCEPT, "受理", {S.REGISTERED}, Who.HANDLER),
        _rule(A.REJECT, "作出不予受理决定", {S.REGISTERED}, Who.HANDLER),
        _rule(
            A.START_MEDIATION,
            "开始调解",
            {S.ACCEPTED, S.CONFIRMATION_DENIED, S.ADJUDICATED},  # damages after a decision
            Who.HANDLER,
            steps=_MEDIATION_STEPS,
            step_refusal="adjudication_under_way",
        ),
        _rule(A.RECORD_AGREEMENT, "登记达成调解协议", {S.MEDIATING}, Who.HANDLER),
        _rule(A.EDIT_AGREEMENT, "修改调解协议", {S.AGREEMENT}, Who.HANDLER),
        _rule(A.RECORD_FAILURE, "登记调解不成", {S.MEDIATING}, Who.HANDLER),
        _rule(A.RECORD_WITHDRAWAL, "登记撤回申请", {S.ACCEPTED, S.MEDIATING}, Who.HANDLER),
        _rule(A.REQUEST_CONFIRMATION, "申请司法确认", {S.AGREEMENT}, Who.HANDLER),
        _rule(A.RECORD_CONFIRMATION, "登记司法确认结果", {S.CONFIRMATION_REQUESTED}, Who.HANDLER),
        _rule(
            A.CLOSE,
            "结案",
            {S.AGREEMENT, S.CONFIRMED, S.CONFIRMATION_DENIED, S.FAILED, S.WITHDRAWN, S.ADJUDICATED},
            Who.HANDLER,
        ),
        _rule(A.REOPEN, "重新打开", {S.CLOSED, S.REJECTED}, Who.MANAGER),
        _rule(A.ASSIGN_MEDIATOR, "指派调解员", OPEN_STATUSES, Who.MANAGER, suspension=ANY),
        _rule(
            A.TRANSFER, "移送其他裁决所", {S.REGISTERED, S.ACCEPTED}, Who.MANAGER, suspension=ANY
        ),
        _rule(A.SUSPEND, "中止办理期限", CLOCK_STATUSES, Who.MANAGER),
        _rule(
            A.RESUME, "恢复办理期限", CLOCK_STATUSES, Who.MANAGER, suspension=Suspension.SUSPENDED
        ),
        _rule(A.EXTEND, "延长办理期限", CLOCK_STATUSES, Who.MANAGER),
        _rule(A.CORRECT, "更正案件信息", CORRECTABLE_STATUSES, Who.REGISTRAR, suspension=ANY),
        _rule(A.ADD_EVIDENCE, "补充证据", CORRECTABLE_STATUSES, Who.REGISTRAR, suspension=ANY),
        _rule(A.RECORD_SESSION, "记录调解笔录", SESSION_STATUSES, Who.HANDLER),
        # Administrative adjudication: the case's state, and the adjudication's step.
        _rule(
            A.CHOOSE_ADJUDICATION,
            "选择行政裁决程序",
            {S.REGISTERED, S.FAILED},
            Who.HANDLER,
            steps=_steps(None),
            step_refusal="adjudication_exists",
            patent_infringement=True,
        ),
        _rule(
            A.ACCEPT_ADJUDICATION,
            "批准行政裁决立案",
            {S.REGISTERED, S.FAILED},
            Who.MANAGER,
            steps=_steps(Step.REQUESTED),
        ),
        _rule(
            A.REFUSE_ADJUDICATION,
            "决定不予受理",
            {S.REGISTERED, S.FAILED},
            Who.MANAGER,
            steps=_steps(Step.REQUESTED),
        ),
        _rule(
            A.SET_PANEL,
            "确定合议组",
            {S.ACCEPTED},
            Who.MANAGER,
            steps=_steps(Step.ACCEPTED, Step.PANEL_SET),
        ),
        _rule(
            A.SERVE_REQUEST,
            "送达请求书副本",
            {S.ACCEPTED},
            Who.PANEL,
            steps=_steps(Step.PANEL_SET),
        ),
        _rule(
            A.RECORD_DEFENCE,
            "登记答辩",
            {S.ACCEPTED},
            Who.PANEL,
            steps=_steps(Step.REQUEST_SERVED),
        ),
        _rule(A.EXCHANGE_EVIDENCE, "记录证据交换", {S.ACCEPTED}, Who.PANEL, steps=_HEARD),
        _rule(
            A.NOTIFY_HEARING,
            "通知口头审理",
            {S.ACCEPTED},
            Who.PANEL,
            steps=_steps(Step.DEFENCE_RECORDED, Step.HEARING_NOTIFIED),
        ),
        _rule(
            A.RECORD_HEARING,
            "记录口头审理",
            {S.ACCEPTED},
            Who.PANEL,
            steps=_steps(Step.HEARING_NOTIFIED),
        ),
        _rule(
            A.SUSPEND_FOR_INVALIDATION,
            "因无效宣告请求中止处理",
            {S.ACCEPTED},
            Who.MANAGER,
            steps=_PROCEEDINGS,
        ),
        _rule(
            A.RESUME_ADJUDICATION,
            "恢复处理",
            {S.ACCEPTED},
            Who.MANAGER,
            suspension=Suspension.SUSPENDED,
            steps=_PROCEEDINGS,
        ),
        _rule(
            A.DECIDE,
            "签发行政裁决书",
            {S.ACCEPTED},
            Who.SIGNATORY,
            steps=_steps(Step.DEFENCE_RECORDED, Step.HEARING_HELD),
        ),
        _rule(
            A.SERVE_DECISION,
            "送达行政裁决书",
            _AFTER_DECISION,
            Who.PANEL,
            suspension=ANY,
            steps=_steps(Step.DECIDED),
        ),
        _rule(
            A.RECORD_WINDOW_OUTCOME,
            "登记起诉期限届满情况",
            _AFTER_DECISION,
            Who.PANEL,
            suspension=ANY,
            steps=_steps(Step.DECISION_SERVED),
        ),
        _rule(
            A.REMIND_ENFORCEMENT,
            "送达强制执行催告书",
            _AFTER_DECISION,
            Who.HANDLER,
            suspension=ANY,
            steps=_steps(Step.DECISION_SERVED),
        ),
        _rule(
            A.APPLY_ENFORCEMENT,
            "申请强制执行",
            _AFTER_DECISION,
            Who.MANAGER,
            suspension=ANY,
            steps=_steps(Step.DECISION_SERVED),
        ),
    )
}


@dataclass(frozen=True)
class TransitionResult:
    case_id: int
    number: str
    status: CaseStatus
    version: int
    event_id: int


# -- the shared machinery (routing uses it too) ---------------------------------------------

P = ParamSpec("P")
R = TypeVar("R")


def optimistic(func: Callable[P, R]) -> Callable[P, R]:
    """Turn SQLAlchemy's StaleDataError (the version_id_col lock) into StaleData."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except StaleDataError:
            raise StaleData(
                "案件已被他人同时修改，您的操作未保存；请刷新案件后重试", code="stale"
            ) from None

    return wrapper


def may(actor: Actor, case: Case, action: str) -> bool:
    """Whether ``actor`` may perform ``action`` on ``case`` in its current state (for showing
    only the actions a user can take; the functions below check again)."""
    rule = RULES[CaseAction(action)]
    try:
        _check_actor(actor, case, rule.who)
    except PermissionDenied:
        return False
    return case.status in rule.sources and rule.allows_clock(case.is_suspended)


def available_actions(session: Session, actor: Actor, case_id: int) -> list[CaseAction]:
    """The actions that ``actor`` may take on the case now, in the order of ``CaseAction``."""
    case = _load(session, case_id)
    adjudication = adjudication_of(session, case.id)
    return [
        action
        for action, rule in RULES.items()
        if may(actor, case, action)
        and _track_refusal(session, actor, case, rule, adjudication) is None
    ]


def _on_track(rule: Rule) -> bool:
    """Whether the rule has adjudication conditions (see :func:`_track_refusal`)."""
    return rule.steps is not None or rule.who is Who.PANEL or rule.patent_infringement


def _track_refusal(
    session: Session,
    actor: Actor,
    case: Case,
    rule: Rule,
    adjudication: Adjudication | None,
) -> ServiceError | None:
    """Why the rule's adjudication conditions (``steps``, ``patent_infringement``, the
    panel of ``Who.PANEL``) refuse ``actor`` the action on ``case`` whose adjudication is
    ``adjudication`` — None if they allow it."""
    if not _on_track(rule):
        return None
    if rule.patent_infringement and not is_patent_infringement(case):
        return IllegalTransition(
            f"案件 {case.number} 不是专利侵权纠纷，不能{rule.label}",
            code="adjudication_not_patent_infringement",
            case=case.number,
        )
    step = adjudication.step if adjudication is not None else None
    if rule.steps is not None and step not in rule.steps:
        if adjudication is None:
            return IllegalTransition(
                f"案件 {case.number} 未进入行政裁决程序，不能{rule.label}",
                code="no_adjudication",
                case=case.number,
            )
        return IllegalTransition(
            _STEP_REFUSALS[rule.step_refusal].format(
                case=case.number, step=STEP_LABELS[adjudication.step], action=rule.label
            ),
            code=rule.step_refusal,
            case=case.number,
            step=adjudication.step.value,
            action=rule.action.value,
        )
    if (
        rule.who is Who.PANEL
        and actor.role == Role.MEDIATOR
        and not (adjudication is not None and on_panel(session, adjudication.id, actor.user_id))
    ):
        return PermissionDenied(
            f"您不是案件 {case.number} 合议组成员", code="not_on_panel", case=case.number
        )
    return None


_STEP_REFUSALS = {
    "adjudication_step": "案件 {case} 的行政裁决程序处于“{step}”阶段，不能{action}",
    "adjudication_exists": "案件 {case} 已请求过行政裁决（{step}）",
    "adjudication_under_way": (
        "案件 {case} 正在行政裁决程序中（{step}），作出处理决定前不能{action}"
    ),
}


def load_for(
    session: Session, actor: Actor, case_id: int, expected_version: int, action: str
) -> Case:
    """Load the case and make every check of the module docstring except the input's."""
    rule = RULES[CaseAction(action)]
    _check_current(session, actor)
    case = _load(session, case_id, lock=True)
    _check_actor(actor, case, rule.who)
    if case.version_id != expected_version:
        raise StaleData(
            f"案件 {case.number} 已被他人修改（您看到的是第 {expected_version} 版，"
            f"现在是第 {case.version_id} 版），您的操作未保存；请刷新案件后重试",
            case=case.number,
            expected=expected_version,
            actual=case.version_id,
        )
    if case.status not in rule.sources:
        raise IllegalTransition(
            _illegal_text(case, rule),
            code="action_not_allowed",
            case=case.number,
            action=action,
            status=case.status.value,
        )
    if not rule.allows_clock(case.is_suspended):
        if case.is_suspended:
            raise IllegalTransition(
                f"案件 {case.number} 处于中止状态（期限暂停计算），请先恢复后再{rule.label}",
                code="case_suspended",
                case=case.number,
                action=action,
            )
        raise IllegalTransition(
            f"案件 {case.number} 未中止，不能{rule.label}",
            code="case_not_suspended",
            case=case.number,
            action=action,
        )
    if _on_track(rule):
        refusal = _track_refusal(session, actor, case, rule, adjudication_of(session, case.id))
        if refusal is not None:
            raise refusal
    return case


def load_handled(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int | None = None,
    *,
    lock: bool = True,
) -> Case:
    """Load the case for a change that is not a transition of the table (a consultation,
    the agreement's terms, the court referral): checks 1–3 of the module docstring with
    "handler" as the permission; ``expected_version`` None skips the version check (for
    changes that do not write the case row). The case stays locked until the transaction
    ends unless ``lock`` is False (a check that changes nothing)."""
    _check_current(session, actor)
    case = _load(session, case_id, lock=lock)
    _check_actor(actor, case, Who.HANDLER)
    if expected_version is not None and case.version_id != expected_version:
        raise StaleData(
            f"案件 {case.number} 已被他人修改（您看到的是第 {expected_version} 版，"
            f"现在是第 {case.version_id} 版），您的操作未保存；请刷新案件后重试",
            case=case.number,
            expected=expected_version,
            actual=case.version_id,
        )
    return case


def finish(
    session: Session,
    actor: Actor,
    case: Case,
    kind: EventKind,
    *,
    from_status: CaseStatus | None = None,
    to_status: CaseStatus | None = None,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
    refresh_limits: bool = False,
) -> TransitionResult:
    """Record the event, recompute the limits if asked, flush, and report."""
    event = record_event(
        session,
        case,
        actor,
        kind,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        details=details,
    )
    if refresh_limits:
        refresh_case_limits(session, case)
    session.flush()
    return TransitionResult(case.id, case.number, case.status, case.version_id, event.id)


def required_reason(reason: str | None, what: str = "原因") -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError("reason", f"请填写{what}", code="reason_required")
    if len(text) > MAX_REASON_LENGTH:
        raise ValidationError(
            "reason",
            f"{what}不能超过 {MAX_REASON_LENGTH} 个字",
            code="reason_too_long",
            limit=MAX_REASON_LENGTH,
        )
    if has_control_chars(text, multiline=True):  # PostgreSQL refuses NUL
        raise ValidationError("reason", f"{what}含有控制字符", code="reason_control")
    return text


def optional_text(text: str | None) -> str | None:
    value = (text or "").strip()
    if len(value) > MAX_REASON_LENGTH:
        raise ValidationError(
            "reason",
            f"说明不能超过 {MAX_REASON_LENGTH} 个字",
            code="reason_too_long",
            limit=MAX_REASON_LENGTH,
        )
    if has_control_chars(value, multiline=True):
        raise ValidationError("reason", "说明含有控制字符", code="reason_control")
    return value or None


def _load(session: Session, case_id: int, *, lock: bool = False) -> Case:
    """The case; with ``lock`` its row is locked until the transaction ends (PostgreSQL's
    SELECT ... FOR UPDATE, read afresh; SQLite's writers hold the database already), so an
    action that checks the case's state acts on the state it checked."""
    case = (
        session.get(Case, case_id, with_for_update=True, populate_existing=True)
        if lock
        else session.get(Case, case_id)
    )
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", code="case_not_found", case_id=case_id)
    return case


#: ``session.info`` key of the users :func:`_check_current` found.
_CHECKED_USERS = "ipdesk.workflow.checked_users"


def _check_current(session: Session, actor: Actor) -> None:
    """The actor is a snapshot taken at sign-in: refuse it once the account was disabled or
    its role or scope changed since."""
    if actor.user_id is None:
        return
    # The user is held for the rest of the transaction, so that the next check in it finds
    # the user in the session's identity map (which holds objects weakly) instead of
    # reading the row again; let go when another transaction begins, whose first check
    # reads it afresh (the session's objects are not expired at a commit).
    held: tuple[Any, dict[int, User]] | None = session.info.get(_CHECKED_USERS)
    transaction = session.get_transaction()
    if held is not None and (transaction is None or held[0] is not transaction):
        del session.info[_CHECKED_USERS]
        held = None
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise PermissionDenied("您的账户已停用，请联系系统管理员", code="account_disabled")
    if held is None:
        users: dict[int, User] = {}
        held = session.info[_CHECKED_USERS] = (session.get_transaction(), users)
    held[1][user.id] = user
    if (user.role, user.office_id, user.station_id) != (
        actor.role,
        actor.office_id,
        actor.station_id,
    ):
        raise PermissionDenied("您的角色或所属单位已变更，请重新登录", code="actor_changed")


def _check_actor(actor: Actor, case: Case, who: Who) -> None:
    if who is Who.MANAGER:
        require_case(actor, case, Role.OFFICE_MANAGER, Role.CITY_MANAGER)
        return
    if who is Who.SIGNATORY:
        require_case(actor, case, Role.OFFICE_MANAGER)
        return
    if who is Who.PANEL:  # a mediator on the case's panel: _track_refusal
        require_case(actor, case, Role.MEDIATOR, Role.OFFICE_MANAGER, Role.CITY_MANAGER)
        return
    if who is Who.REGISTRAR and actor.role == Role.STATION_STAFF:
        require_case(actor, case, Role.STATION_STAFF)  # their station's cases only
        if case.status != S.REGISTERED:
            raise PermissionDenied(
                f"案件 {case.number} 已受理，请由承办调解员更正",
                code="registrar_after_acceptance",
                case=case.number,
            )
        return
    require_case(actor, case, Role.MEDIATOR, Role.OFFICE_MANAGER, Role.CITY_MANAGER)
    if actor.role == Role.MEDIATOR and (
        case.mediator_id is None or case.mediator_id != actor.user_id
    ):
        raise PermissionDenied(
            f"您不是案件 {case.number} 的承办调解员，请由裁决所负责人指派",
            code="not_case_mediator",
            case=case.number,
        )


def _illegal_text(case: Case, rule: Rule) -> str:
    here = STATUS_LABELS[case.status]
    if case.status == S.CLOSED:
        hint = "如需继续办理，请由裁决所负责人重新打开"
    elif case.status == S.REJECTED:
        hint = "如需重新审查，请由裁决所负责人重新打开"
    else:
        allowed = "”、“".join(STATUS_LABELS[s] for s in S if s in rule.sources)
        hint = f"只有“{allowed}”的案件才能{rule.label}"
    return f"案件 {case.number} 当前为“{here}”，不能{rule.label}：{hint}"


def _today() -> dt.date:
    return legal_today()


def checked_day(on: dt.date | None, today: dt.date, earliest: dt.date | None, what: str) -> dt.date:
    """The day a user gave for ``what`` (default: ``today``): neither after today nor
    before ``earliest``."""
    day = on or today
    if day > today:
        raise ValidationError("on", f"{what}不能晚于今天", code="date_in_future")
    if earliest is not None and day < earliest:
        raise ValidationError(
            "on",
            f"{what}不能早于 {earliest.isoformat()}",
            code="date_too_early",
            earliest=earliest,
        )
    return day


def _day(on: dt.date | None, earliest: dt.date, what: str) -> dt.date:
    return checked_day(on, _today(), earliest, what)


def _court(session: Session, court_code: str | None) -> dict[str, Any] | None:
    if not court_code:
        return None
    court = (
        None
        if is_unusable_key(court_code)  # PostgreSQL refuses NUL
        else session.scalars(select(Agency).where(Agency.code == court_code)).first()
    )
    if court is None or court.kind != AgencyKind.COURT or not court.active:
        raise ValidationError(
            "court", f"“{court_code}”不是已登记的法院", code="unknown_court", court=court_code
        )
    return {"court": court.code, "court_name": court.name}


def _move(
    session: Session,
    actor: Actor,
    case: Case,
    to: CaseStatus,
    kind: EventKind,
    *,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
    refresh_limits: bool = False,
) -> TransitionResult:
    before = case.status
    case.status = to
    return finish(
        session,
        actor,
        case,
        kind,
        from_status=before,
        to_status=to,
        reason=reason,
        details=details,
        refresh_limits=refresh_limits,
    )


# -- the transitions ------------------------------------------------------------------------


@optimistic
def accept(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    on: dt.date | None = None,
) -> TransitionResult:
    """Accept the case (受理) ``on`` a day (default today): the 60-day limit starts."""
    case = load_for(session, actor, case_id, expected_version, "accept")
    case.accepted_on = _day(on, case.received_on, "受理日期")
    return _move(session, actor, case, S.ACCEPTED, EventKind.ACCEPTED, refresh_limits=True)


@optimistic
def reject(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    reason: str,
    *,
    on: dt.date | None = None,
) -> TransitionResult:
    """Decide not to accept the case (不予受理); the reason is required."""
    case = load_for(session, actor, case_id, expected_version, "reject")
    text = required_reason(reason, "不予受理的理由")
    case.closed_on = _day(on, case.received_on, "决定日期")
    return _move(
        session, actor, case, S.REJECTED, EventKind.REJECTED, reason=text, refresh_limits=True
    )


@optimistic
def start_mediation(
    session: Session, actor: Actor, case_id: int, expected_version: int
) -> TransitionResult:
    """Start mediating; after a dismissed confirmation the parties may mediate again."""
    case = load_for(session, actor, case_id, expected_version, "start_mediation")
    details = {"again": True} if case.status == S.CONFIRMATION_DENIED else None
    return _move(
        session,
        actor,
        case,
        S.MEDIATING,
        EventKind.MEDIATION_STARTED,
        details=details,
        refresh_limits=True,  # after a decision: the handling it ended stays met
    )


@optimistic
def record_failure(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    reason: str | None = None,
    court_code: str | None = None,
) -> TransitionResult:
    """Mediation failed; ``court_code`` names the court the parties are guided to sue in."""
    case = load_for(session, actor, case_id, expected_version, "record_failure")
    text = optional_text(reason)
    details = _court(session, court_code)
    return _move(
        session,
        actor,
        case,
        S.FAILED,
        EventKind.FAILED,
        reason=text,
        details=details,
        refresh_limits=True,  # the work stopped: so does the handling clock
    )


@optimistic
def record_withdrawal(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    reason: str | None = None,
) -> TransitionResult:
    """The applicant withdrew the request (e.g. settled between the parties)."""
    case = load_for(session, actor, case_id, expected_version, "record_withdrawal")
    return _move(
        session,
        actor,
        case,
        S.WITHDRAWN,
        EventKind.WITHDRAWN,
        reason=optional_text(reason),
        refresh_limits=True,  # the work stopped: so does the handling clock
    )


@optimistic
def close(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    on: dt.date | None = None,
    note: str | None = None,
) -> TransitionResult:
    """Close the case (结案) ``on`` a day; the state it ended in is kept as its outcome."""
    case = load_for(session, actor, case_id, expected_version, "close")
    text = optional_text(note)
    case.closed_on = _day(on, case.accepted_on or case.received_on, "结案日期")
    case.outcome = case.status
    result = _move(
        session,
        actor,
        case,
        S.CLOSED,
        EventKind.CLOSED,
        reason=text,
        details={"outcome": case.status.value},
        refresh_limits=True,
    )
    schedule_follow_ups(session, case)  # the visits the follow-up policy plans for it
    return result


@optimistic
def reopen(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    reason: str,
) -> TransitionResult:
    """Reopen a closed case in the state it was closed in, or a rejected one as registered
    (managers only; the reason is required). The handling limit runs again. A mediator who
    has since left the case's office, or been disabled, no longer handles it: the case
    waits in the office's "to assign" list."""
    case = load_for(session, actor, case_id, expected_version, "reopen")
    text = required_reason(reason, "重新打开的原因")
    if case.status == S.REJECTED:
        to = S.REGISTERED
    elif case.outcome is not None and case.outcome in OPEN_STATUSES:
        to = case.outcome
    else:  # closed before outcomes were kept (imported ledgers)
        to = S.MEDIATING if case.accepted_on else S.REGISTERED
    case.closed_on = None
    case.outcome = None
    details = None
    mediator = session.get(User, case.mediator_id) if case.mediator_id is not None else None
    if mediator is not None and (not mediator.active or mediator.office_id != case.office_id):
        # Left the office (or the service) since: the case goes back to be assigned.
        details = {"mediator_released": mediator.username}
        case.mediator_id = None
    return _move(
        session,
        actor,
        case,
        to,
        EventKind.REOPENED,
        reason=text,
        details=details,
        refresh_limits=True,
    )
