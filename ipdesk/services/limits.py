"""The limits running on a case, derived from its events, the rules and the calendar.

A stored due date is only a cache: :func:`refresh_case_limits` recomputes every limit of a
case from what happened to it (received, accepted, suspended, resumed, extended, closed),
the current limit rules and the holiday calendar. Services call it in the same
transaction as any change that can move a limit; alerts that no longer fit are withdrawn.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ipdesk.models import (
    AdjustmentKind,
    Alert,
    Case,
    CaseLimit,
    CaseStatus,
    ClockAdjustment,
    LimitKind,
    LimitRule,
    LimitState,
)
from ipdesk.models.base import utcnow
from ipdesk.services.calendar_data import load_calendar
from ipdesk.services.deadlines import DueResult, Suspension, WorkCalendar, compute_due

_ENDED = frozenset({CaseStatus.CLOSED, CaseStatus.REJECTED})


@dataclass(frozen=True)
class LimitContext:
    """What a recomputation needs besides the case: load once, use for many cases."""

    rules: dict[LimitKind, LimitRule]
    calendar: WorkCalendar

    @classmethod
    def load(cls, session: Session) -> LimitContext:
        rules = {r.kind: r for r in session.scalars(select(LimitRule))}
        return cls(rules, load_calendar(session))

    def compute(
        self,
        kind: LimitKind,
        start: dt.date,
        suspensions: list[Suspension] | None = None,
        extension_days: int = 0,
    ) -> DueResult:
        rule = self.rules[kind]
        return compute_due(
            start,
            rule.days,
            working_days=rule.working_days,
            suspensions=suspensions or [],
            extension_days=extension_days,
            calendar=self.calendar,
        )


def refresh_case_limits(session: Session, case: Case, context: LimitContext | None = None) -> None:
    """Bring the case's limits, its cached due date and suspension flag up to date."""
    context = context or LimitContext.load(session)
    existing = {
        (lim.kind, lim.ref_key): lim
        for lim in session.scalars(select(CaseLimit).where(CaseLimit.case_id == case.id))
    }

    def put(
        kind: LimitKind,
        start: dt.date,
        result: DueResult,
        state: LimitState,
        met_on: dt.date | None = None,
    ) -> CaseLimit:
        limit = existing.get((kind, 0))
        if limit is None:
            limit = CaseLimit(case_id=case.id, kind=kind, ref_key=0)
            session.add(limit)
        limit.start_on = start
        limit.due_on = result.due
        limit.state = state
        limit.met_on = met_on
        limit.calendar_covered = result.calendar_covered
        return limit

    # Deciding whether to accept: from receipt until accepted or rejected.
    decision = context.compute(LimitKind.ACCEPTANCE_DECISION, case.received_on)
    decided_on = case.accepted_on or (
        case.closed_on if case.status == CaseStatus.REJECTED else None
    )
    touched = [
        put(
            LimitKind.ACCEPTANCE_DECISION,
            case.received_on,
            decision,
            LimitState.MET if decided_on else LimitState.RUNNING,
            decided_on,
        )
    ]

    # Handling: from acceptance until closure, with suspensions and extensions.
    if case.accepted_on is not None:
        adjustments = session.scalars(
            select(ClockAdjustment)
            .where(
                ClockAdjustment.case_id == case.id,
                ClockAdjustment.limit_kind == LimitKind.HANDLING,
            )
            .order_by(ClockAdjustment.start_on, ClockAdjustment.id)
        ).all()
        suspensions = [
            Suspension(a.start_on, a.end_on)
            for a in adjustments
            if a.kind == AdjustmentKind.SUSPENSION
        ]
        extension = sum(a.days or 0 for a in adjustments if a.kind == AdjustmentKind.EXTENSION)
        result = context.compute(LimitKind.HANDLING, case.accepted_on, suspensions, extension)
        if case.status in _ENDED:
            state = LimitState.MET
        elif result.stopped:
            state = LimitState.PAUSED
        else:
            state = LimitState.RUNNING
        touched.append(
            put(
                LimitKind.HANDLING,
                case.accepted_on,
                result,
                state,
                case.closed_on if state == LimitState.MET else None,
            )
        )
        case.due_on = result.due
        case.is_suspended = state == LimitState.PAUSED
    else:
        handling = existing.get((LimitKind.HANDLING, 0))
        if handling is not None:  # acceptance undone (reopened as registered)
            handling.state = LimitState.CANCELLED
            touched.append(handling)
        case.due_on = None
        case.is_suspended = False
    session.flush()
    withdraw_stale_alerts(session, touched)


def withdraw_stale_alerts(session: Session, limits: list[CaseLimit]) -> int:
    """Withdraw open alerts of these limits that were raised for another due date or for a
    limit that no longer runs. Returns how many were withdrawn."""
    withdrawn = 0
    now = utcnow()
    for limit in limits:
        stale = Alert.limit_id == limit.id
        if limit.state == LimitState.RUNNING and limit.due_on is not None:
            stale = stale & (Alert.due_on != limit.due_on)
        result = session.execute(
            update(Alert)
            .where(stale, Alert.acknowledged_at.is_(None), Alert.withdrawn_at.is_(None))
            .values(withdrawn_at=now)
        )
        withdrawn += result.rowcount  # type: ignore[attr-defined]
    return withdrawn
