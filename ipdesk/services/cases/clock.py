"""Suspending, resuming and extending a case's handling clock (中止、恢复、延长).

Each is a use case taking the session, the acting user, the case and the version of the
case the user saw (optimistic locking). Rules:

* Who: the office manager of the case's office, or a city manager anywhere. They approve
  the change themselves and are recorded as its approver. Mediators ask their manager
  outside the program (a request-and-approve workflow is deliberately left out).
* When: the case is accepted, in mediation or has an agreement (its handling clock is
  open). A suspension starts on a day no later than today and not before the acceptance
  or the end of the previous suspension, and must stop a clock that still runs (not one
  already expired). A resumption is dated between the suspension's start and today. An
  extension (days > 0) is approved before the limit expires.
* What: a ``ClockAdjustment`` row, a timeline event (reason, approver, due date before
  and after in ``details``), and the case's limits recomputed in the same transaction, so
  the due date changes everywhere at once and alerts that no longer apply are withdrawn.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ipdesk.models import (
    AdjustmentKind,
    Case,
    CaseEvent,
    CaseLimit,
    ClockAdjustment,
    EventKind,
    LimitKind,
    LimitState,
    Role,
    User,
)
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor
from ipdesk.services.cases.limits import (
    LimitContext,
    load_adjustments,
    refresh_case_limits,
)
from ipdesk.services.cases.timeline import record_event
from ipdesk.services.cases.workflow import CLOCK_STATUSES, RULES, CaseAction
from ipdesk.services.errors import (
    IllegalTransition,
    NotFound,
    PermissionDenied,
    StaleData,
    ValidationError,
)
from ipdesk.services.rules.access import require_case
from ipdesk.services.rules.deadlines import MAX_DAYS, DueResult, Suspension, legal_today
from ipdesk.services.rules.vocabulary import STATUS_LABELS

__all__ = [
    "CLOCK_ACTIONS",
    "CLOCK_STATUSES",
    "ClockPreview",
    "ClockState",
    "extend_case",
    "preview",
    "resume_case",
    "suspend_case",
]

#: The actions of this module (who and from which states: ``workflow.RULES``).
CLOCK_ACTIONS = (CaseAction.SUSPEND, CaseAction.RESUME, CaseAction.EXTEND)
assert all(RULES[a].sources == CLOCK_STATUSES for a in CLOCK_ACTIONS)
APPROVER_ROLES = (Role.OFFICE_MANAGER, Role.CITY_MANAGER)  # workflow's Who.MANAGER
MAX_REASON = 2000


@dataclass(frozen=True)
class ClockState:
    """The case's handling clock after the change."""

    case_id: int
    number: str
    version: int
    suspended: bool
    due_on: dt.date | None  # None while suspended
    calendar_covered: bool
    suspended_days: int
    extended_days: int


def suspend_case(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    reason: str,
    start_on: dt.date,
    today: dt.date | None = None,
) -> ClockState:
    """Stop the handling clock from ``start_on`` (that day is no longer counted)."""
    today = today or legal_today()
    case, context = _load(session, actor, case_id, expected_version)
    reason = _reason(reason)
    _suspension_trial(session, case, context, start_on, today)
    before = case.due_on
    session.add(
        ClockAdjustment(
            case_id=case.id,
            limit_kind=LimitKind.HANDLING,
            kind=AdjustmentKind.SUSPENSION,
            start_on=start_on,
            end_on=None,
            reason=reason,
            approved_by_id=actor.user_id,
        )
    )
    event = record_event(
        session,
        case,
        actor,
        EventKind.SUSPENDED,
        reason=reason,
        details=_details(actor, before, start_on=start_on.isoformat()),
    )
    return _finish(session, case, context, event)


def resume_case(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    resume_on: dt.date,
    reason: str | None = None,
    today: dt.date | None = None,
) -> ClockState:
    """Restart the handling clock on ``resume_on`` (counted again from that day)."""
    today = today or legal_today()
    case, context = _load(session, actor, case_id, expected_version)
    open_suspension = _open_suspension(session, case)
    _check_resume(open_suspension, resume_on, today)
    text = _reason(reason) if reason and reason.strip() else None
    open_suspension.end_on = resume_on
    event = record_event(
        session,
        case,
        actor,
        EventKind.RESUMED,
        reason=text,
        details=_details(
            actor,
            None,
            suspended_from=open_suspension.start_on.isoformat(),
            resume_on=resume_on.isoformat(),
            suspended_days=(resume_on - open_suspension.start_on).days,
        ),
    )
    return _finish(session, case, context, event)


def extend_case(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    days: int,
    reason: str,
    today: dt.date | None = None,
) -> ClockState:
    """Add ``days`` (approved by the acting manager) to the handling limit."""
    today = today or legal_today()
    case, context = _load(session, actor, case_id, expected_version)
    reason = _reason(reason)
    _check_extension(session, case, context, days, today)
    before = case.due_on
    session.add(
        ClockAdjustment(
            case_id=case.id,
            limit_kind=LimitKind.HANDLING,
            kind=AdjustmentKind.EXTENSION,
            start_on=today,
            days=days,
            reason=reason,
            approved_by_id=actor.user_id,
        )
    )
    event = record_event(
        session,
        case,
        actor,
        EventKind.EXTENDED,
        reason=reason,
        details=_details(actor, before, days=days),
    )
    return _finish(session, case, context, event)


# --------------------------------------------------------------------------- preview


@dataclass(frozen=True)
class ClockPreview:
    """What saving a suspension, resumption or extension would do to the handling limit
    (nothing is written): for the dialog to show before the manager approves."""

    case_id: int
    number: str
    action: CaseAction
    approver: str  # the acting manager, who approves the change
    suspended: bool  # the clock stands still before the change
    due_before: dt.date | None  # None while suspended
    due_after: dt.date | None  # None: the change stops the clock
    remaining_days: int | None  # days still to run while the clock stands still
    suspended_days: int  # calendar days not counted, after the change
    extended_days: int  # days added, after the change
    rolled_over: bool  # the last day was a rest day: the limit ends on the next working day
    calendar_covered: bool


def preview(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    action: CaseAction | str,
    *,
    start_on: dt.date | None = None,
    resume_on: dt.date | None = None,
    days: int | None = None,
    today: dt.date | None = None,
) -> ClockPreview:
    """The handling limit after ``action`` (suspend from ``start_on``, resume on
    ``resume_on``, extend by ``days``) as the action itself would compute it, with the same
    checks except the reason's; refused the same way. Reads only (the case is not locked)."""
    today = today or legal_today()
    action = CaseAction(action)
    if action not in CLOCK_ACTIONS:
        raise ValueError(f"not a clock action: {action}")
    case, context = _load(session, actor, case_id, expected_version, lock=False)
    adjustments = load_adjustments(session, [case.id]).get((case.id, LimitKind.HANDLING))
    suspensions = list(adjustments.suspensions if adjustments else ())
    extension = adjustments.extension_days if adjustments else 0
    assert case.accepted_on is not None  # CLOCK_STATUSES are all after acceptance
    if action == CaseAction.SUSPEND:
        if start_on is None:
            raise ValidationError("start_on", "请填写中止开始日期")
        result = _suspension_trial(session, case, context, start_on, today)
    elif action == CaseAction.RESUME:
        if resume_on is None:
            raise ValidationError("resume_on", "请填写恢复日期")
        _check_resume(_open_suspension(session, case), resume_on, today)
        suspensions = [Suspension(s.start, resume_on) if s.end is None else s for s in suspensions]
        result = context.compute(LimitKind.HANDLING, case.accepted_on, suspensions, extension)
    else:
        if days is None:
            raise ValidationError("days", "请填写延长天数")
        _check_extension(session, case, context, days, today)
        result = context.compute(
            LimitKind.HANDLING, case.accepted_on, suspensions, extension + days
        )
    return ClockPreview(
        case_id=case.id,
        number=case.number,
        action=action,
        approver=actor.name,
        suspended=case.is_suspended,
        due_before=case.due_on,
        due_after=result.due,
        remaining_days=result.remaining_when_stopped,
        suspended_days=result.suspended_days,
        extended_days=result.extended_days,
        rolled_over=result.rolled_over,
        calendar_covered=result.calendar_covered,
    )


# --------------------------------------------------------------------------- checks


def _suspension_trial(
    session: Session, case: Case, context: LimitContext, start_on: dt.date, today: dt.date
) -> DueResult:
    """Check a suspension from ``start_on``; the handling limit with it."""
    if case.is_suspended:
        raise IllegalTransition(
            f"案件 {case.number} 已中止，请先恢复", code="already_suspended", case=case.number
        )
    if start_on > today:
        raise ValidationError("start_on", "中止开始日期不能晚于今天", code="date_in_future")
    assert case.accepted_on is not None  # CLOCK_STATUSES are all after acceptance
    if start_on < case.accepted_on:
        raise ValidationError(
            "start_on",
            f"中止开始日期不能早于受理日期 {case.accepted_on}",
            code="suspension_before_acceptance",
            accepted_on=case.accepted_on,
        )
    adjustments = load_adjustments(session, [case.id]).get((case.id, LimitKind.HANDLING))
    previous = adjustments.suspensions if adjustments else ()
    last_end = max((s.end for s in previous if s.end is not None), default=None)
    if last_end is not None and start_on < last_end:
        raise ValidationError(
            "start_on",
            f"中止开始日期不能早于上次恢复日期 {last_end}",
            code="suspension_before_last_resume",
            last_end=last_end,
        )
    trial = context.compute(
        LimitKind.HANDLING,
        case.accepted_on,
        [*previous, Suspension(start_on, None)],
        adjustments.extension_days if adjustments else 0,
    )
    if not trial.stopped:
        raise IllegalTransition(
            f"案件 {case.number} 的处理期限已于 {case.due_on} 届满，不能再中止",
            code="limit_expired",
            case=case.number,
            due=case.due_on,
        )
    return trial


def _open_suspension(session: Session, case: Case) -> ClockAdjustment:
    open_suspension = session.scalars(
        select(ClockAdjustment).where(
            ClockAdjustment.case_id == case.id,
            ClockAdjustment.limit_kind == LimitKind.HANDLING,
            ClockAdjustment.kind == AdjustmentKind.SUSPENSION,
            ClockAdjustment.end_on.is_(None),
        )
    ).first()
    if open_suspension is None or not case.is_suspended:
        raise IllegalTransition(
            f"案件 {case.number} 未处于中止状态", code="not_suspended", case=case.number
        )
    return open_suspension


def _check_resume(open_suspension: ClockAdjustment, resume_on: dt.date, today: dt.date) -> None:
    if resume_on < open_suspension.start_on:
        raise ValidationError(
            "resume_on",
            f"恢复日期不能早于中止开始日期 {open_suspension.start_on}",
            code="resume_before_suspension",
            start_on=open_suspension.start_on,
        )
    if resume_on > today:
        raise ValidationError("resume_on", "恢复日期不能晚于今天", code="date_in_future")


def _check_extension(
    session: Session, case: Case, context: LimitContext, days: int, today: dt.date
) -> None:
    if days < 1:
        raise ValidationError("days", "延长天数必须为正整数", code="extension_days_invalid")
    rule = context.rules[LimitKind.HANDLING]
    adjustments = load_adjustments(session, [case.id]).get((case.id, LimitKind.HANDLING))
    already = adjustments.extension_days if adjustments else 0
    if rule.days + already + days > MAX_DAYS:
        raise ValidationError(
            "days", f"期限连同延长不得超过 {MAX_DAYS} 天", code="limit_too_long", max=MAX_DAYS
        )
    if not case.is_suspended and case.due_on is not None and case.due_on < today:
        raise IllegalTransition(
            f"案件 {case.number} 的处理期限已于 {case.due_on} 届满，延长须在届满前批准",
            code="limit_expired",
            case=case.number,
            due=case.due_on,
        )


# --------------------------------------------------------------------------- helpers


def _load(
    session: Session, actor: Actor, case_id: int, expected_version: int, *, lock: bool = True
) -> tuple[Case, LimitContext]:
    _check_current(session, actor)
    # Locked until the transaction ends (PostgreSQL), so the state checked is the state acted on.
    case = (
        session.get(Case, case_id, with_for_update=True, populate_existing=True)
        if lock
        else session.get(Case, case_id)  # a preview changes nothing
    )
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", code="case_not_found", case_id=case_id)
    require_case(actor, case, *APPROVER_ROLES)
    if case.version_id != expected_version:
        raise StaleData(f"案件 {case.number} 已被他人修改，请刷新后重试", case=case.number)
    if case.status not in CLOCK_STATUSES:
        raise IllegalTransition(
            f"案件 {case.number} 当前为“{STATUS_LABELS[case.status]}”，不能中止、恢复或延长"
            "处理期限：只有已受理、调解中或已达成调解协议的案件可以",
            code="clock_not_open",
            case=case.number,
            status=case.status.value,
        )
    context = LimitContext.load(session)
    if LimitKind.HANDLING not in context.rules:
        raise IllegalTransition("未配置处理期限规则", code="no_rule")
    return case, context


def _check_current(session: Session, actor: Actor) -> None:
    """The actor is a snapshot taken at sign-in: refuse it once the account was disabled or
    its role or scope changed since (as the workflow does)."""
    if actor.user_id is None:
        return
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise PermissionDenied("您的账户已停用，请联系系统管理员", code="account_disabled")
    if (user.role, user.office_id, user.station_id) != (
        actor.role,
        actor.office_id,
        actor.station_id,
    ):
        raise PermissionDenied("您的角色或所属单位已变更，请重新登录", code="actor_changed")


def _reason(text: str | None) -> str:
    value = (text or "").strip()
    if not value:
        raise ValidationError("reason", "请填写理由", code="reason_required")
    if len(value) > MAX_REASON:
        raise ValidationError(
            "reason",
            f"理由过长（不超过 {MAX_REASON} 字）",
            code="reason_too_long",
            limit=MAX_REASON,
        )
    return value


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _details(actor: Actor, before: dt.date | None, **more: Any) -> dict[str, Any]:
    return {
        "approver": actor.name,
        "approver_id": actor.user_id,
        "due_before": _iso(before),
        **more,
    }


def _finish(session: Session, case: Case, context: LimitContext, event: CaseEvent) -> ClockState:
    """Recompute the limits and save; a concurrent change of the case is refused."""
    case.updated_at = utcnow()  # the case row is written, so its version moves
    try:
        refresh_case_limits(session, case, context)
        session.flush()
    except StaleDataError as exc:
        raise StaleData(f"案件 {case.number} 已被他人修改，请刷新后重试", case=case.number) from exc
    handling = session.scalars(
        select(CaseLimit).where(
            CaseLimit.case_id == case.id,
            CaseLimit.kind == LimitKind.HANDLING,
            CaseLimit.ref_key == 0,
        )
    ).one()
    adjustments = load_adjustments(session, [case.id]).get((case.id, LimitKind.HANDLING))
    result = context.compute(
        LimitKind.HANDLING,
        handling.start_on,
        adjustments.suspensions if adjustments else (),
        adjustments.extension_days if adjustments else 0,
    )
    event.details = {**(event.details or {}), "due_after": _iso(handling.due_on)}
    session.flush()
    return ClockState(
        case_id=case.id,
        number=case.number,
        version=case.version_id,
        suspended=handling.state == LimitState.PAUSED,
        due_on=handling.due_on,
        calendar_covered=handling.calendar_covered,
        suspended_days=result.suspended_days,
        extended_days=result.extended_days,
    )
