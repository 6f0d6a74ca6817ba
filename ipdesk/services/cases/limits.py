"""The limits running on cases, derived from their events, the rules and the calendar.

A stored due date is only a cache. Two ways bring it up to date:

* :func:`refresh_case_limits` re-derives every limit of one case from what happened to it
  (received, accepted, suspended, resumed, extended, closed). Services call it in the same
  transaction as any change that can start, end or move a limit.
* :func:`refresh_all_open` recomputes every *open* limit (running or paused) after a rule or
  the holiday table changed. Ended limits keep the due date they ended with: a new rule
  does not rewrite history (on-time rates stay what they were).

Either way, alerts that no longer apply (raised for another due date, for a limit that no
longer runs, or for a threshold the rule no longer has) are withdrawn in the same
transaction, so no stale escalation survives a change.

Adding a kind of limit (confirmation application, consultation answers, follow-up visits):
write a function that derives the limits of that kind from a case and register it with
``@limit_source(LimitKind.X)``; give the kind a default rule in ``seed.DEFAULT_LIMIT_RULES``.
The due date, pausing by suspensions, extensions, recomputation after rule and holiday
changes, alerts and withdrawal then work for it without further code. A kind without a
registered source may still have rows written by other code: ``refresh_case_limits`` leaves
them alone, ``refresh_all_open`` and the alert scan treat them like any other limit.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    bindparam,
    case,
    cast,
    delete,
    exists,
    false,
    func,
    insert,
    literal_column,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session

from ipdesk.dialects import postgresql
from ipdesk.models import (
    OPEN_STATUSES,
    Adjudication,
    AdjustmentKind,
    Agreement,
    Alert,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    ClockAdjustment,
    Confirmation,
    Consultation,
    ConsultationRequest,
    ConsultationState,
    EventKind,
    FollowUpVisit,
    LimitKind,
    LimitRule,
    LimitState,
    Office,
    RequestState,
    VisitState,
)
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor
from ipdesk.services.admin.calendar_data import load_calendar
from ipdesk.services.rules.capabilities import Capability
from ipdesk.services.rules.capabilities import require as require_capability
from ipdesk.services.rules.deadlines import (
    DueResult,
    Suspension,
    WorkCalendar,
    compute_due,
    legal_today,
)

log = logging.getLogger(__name__)

__all__ = [
    "DUE",
    "FINISHED_STATUSES",
    "OPEN_LIMIT_STATES",
    "OVERDUE",
    "RUNNING_STATUSES",
    "STOPPED_STATUSES",
    "WARN_PREFIX",
    "Adjustments",
    "BoardFilter",
    "DeadlineBoard",
    "LimitContext",
    "LimitSpec",
    "OfficeDeadlines",
    "RefreshSummary",
    "deadline_board",
    "limit_source",
    "managed_kinds",
    "open_limits",
    "parse_warn_days",
    "refresh_all_open",
    "refresh_case_limits",
    "shared_context",
    "stopped_on",
    "threshold_for",
    "withdraw_stale_alerts",
]

#: Alert thresholds: ``warn:N`` N days before the due day, ``due`` on it, ``overdue`` after.
WARN_PREFIX = "warn:"
DUE = "due"
OVERDUE = "overdue"

OPEN_LIMIT_STATES = (LimitState.RUNNING, LimitState.PAUSED)

#: Case states in which the work has stopped, so the handling clock has stopped too: the
#: mediation failed, the request was withdrawn or the administrative decision was made (the
#: case still waits to be closed), or it
#: was closed or rejected. Their limit is met on the day the work stopped (see
#: :func:`stopped_on`), on time or late, and is never running, due soon or overdue.
STOPPED_STATUSES = frozenset({CaseStatus.FAILED, CaseStatus.WITHDRAWN, CaseStatus.ADJUDICATED})
FINISHED_STATUSES = STOPPED_STATUSES | {CaseStatus.CLOSED, CaseStatus.REJECTED}
#: Open case states whose limit (acceptance decision or handling) runs: the case list's
#: and the deadline board's due-soon and overdue counts look at these only.
RUNNING_STATUSES = OPEN_STATUSES - STOPPED_STATUSES
_STOP_EVENTS = (
    EventKind.FAILED.value,
    EventKind.WITHDRAWN.value,
    EventKind.ADJUDICATION_DECIDED.value,  # the administrative decision ends the handling
)

_BATCH = 2000


def open_limits() -> ColumnElement[bool]:
    """``case_limits.state IN ('running', 'paused')`` with the states written out, as the
    condition of the partial index ``ix_case_limits_open``: SQLite uses a partial index only
    for a query that repeats its condition, and cannot with bound parameters."""
    return CaseLimit.state.in_([literal_column(f"'{s.value}'") for s in OPEN_LIMIT_STATES])


# --------------------------------------------------------------------------- thresholds


def parse_warn_days(text: str | None) -> tuple[int, ...]:
    """``"15,5"`` -> ``(15, 5)``: distinct positive day counts, largest first.

    Pieces that are not positive integers are skipped (and logged): a badly edited rule
    must not stop the scan.
    """
    days: set[int] = set()
    for piece in (text or "").replace("，", ",").split(","):
        piece = piece.strip()
        if not piece:
            continue
        if piece.isdigit() and int(piece) > 0:
            days.add(int(piece))
        else:
            log.warning("Ignoring warning threshold %r in a limit rule", piece)
    return tuple(sorted(days, reverse=True))


def threshold_for(due: dt.date, today: dt.date, warn_days: Sequence[int]) -> str | None:
    """The most urgent threshold reached on ``today`` for a limit due on ``due``.

    ``overdue`` after the due day, ``due`` on it, else ``warn:N`` for the smallest N with
    at most N days left; None while no threshold is reached. Only the current stage is
    raised: a scan that first runs 3 days before the due day raises ``warn:5`` and not
    also ``warn:15``.
    """
    left = (due - today).days
    if left < 0:
        return OVERDUE
    if left == 0:
        return DUE
    reached = [n for n in warn_days if left <= n]
    return f"{WARN_PREFIX}{min(reached)}" if reached else None


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class Adjustments:
    """The clock adjustments of one limit kind on one case."""

    suspensions: tuple[Suspension, ...] = ()
    extension_days: int = 0

    @property
    def open_suspension(self) -> Suspension | None:
        return next((s for s in self.suspensions if s.end is None), None)


NO_ADJUSTMENTS = Adjustments()


def _group_adjustments(
    rows: Iterable[tuple[int, LimitKind, AdjustmentKind, dt.date, dt.date | None, int | None]],
) -> dict[tuple[int, LimitKind], Adjustments]:
    """``(case_id, limit_kind, kind, start_on, end_on, days)`` rows -> per (case, limit kind)."""
    suspensions: dict[tuple[int, LimitKind], list[Suspension]] = defaultdict(list)
    extensions: dict[tuple[int, LimitKind], int] = defaultdict(int)
    for case_id, limit_kind, kind, start_on, end_on, days in rows:
        key = (case_id, limit_kind)
        if kind == AdjustmentKind.SUSPENSION:
            suspensions[key].append(Suspension(start_on, end_on))
        else:
            extensions[key] += days or 0
    return {
        key: Adjustments(tuple(suspensions.get(key, ())), extensions.get(key, 0))
        for key in suspensions.keys() | extensions.keys()
    }


_ADJUSTMENT_COLUMNS = (
    ClockAdjustment.case_id,
    ClockAdjustment.limit_kind,
    ClockAdjustment.kind,
    ClockAdjustment.start_on,
    ClockAdjustment.end_on,
    ClockAdjustment.days,
)
# The statements of a refresh, built once (their SQL and cache keys too): building one
# cost more than SQLite's running it (the demo's adjudicated cases refresh some 400 times).
_ADJUSTMENTS_OF = (
    select(*_ADJUSTMENT_COLUMNS)
    .where(ClockAdjustment.case_id.in_(bindparam("case_ids", expanding=True)))
    .order_by(ClockAdjustment.start_on, ClockAdjustment.id)
)


def load_adjustments(
    session: Session, case_ids: Iterable[int]
) -> dict[tuple[int, LimitKind], Adjustments]:
    """The clock adjustments of these cases, per (case, limit kind)."""
    rows: list[tuple[int, LimitKind, AdjustmentKind, dt.date, dt.date | None, int | None]] = []
    for chunk in _chunks(sorted(set(case_ids)), _BATCH):
        rows.extend(session.execute(_ADJUSTMENTS_OF, {"case_ids": chunk}))
    return _group_adjustments(rows)


@dataclass(frozen=True)
class LimitContext:
    """What a recomputation needs besides the case: load once, use for many cases."""

    rules: dict[LimitKind, LimitRule]
    calendar: WorkCalendar
    _warn: dict[LimitKind, tuple[int, ...]] = field(default_factory=dict, compare=False)
    _statements: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for kind, rule in self.rules.items():
            self._warn[kind] = parse_warn_days(rule.warn_days)

    @classmethod
    def load(cls, session: Session) -> LimitContext:
        rules = {r.kind: r for r in session.scalars(select(LimitRule))}
        return cls(rules, load_calendar(session))

    def compute(
        self,
        kind: LimitKind,
        start: dt.date,
        suspensions: Sequence[Suspension] | None = None,
        extension_days: int = 0,
    ) -> DueResult:
        rule = self.rules[kind]
        return compute_due(
            start,
            rule.days,
            working_days=rule.working_days,
            suspensions=suspensions or (),
            extension_days=extension_days,
            calendar=self.calendar,
        )

    def warn_days(self, kind: LimitKind) -> tuple[int, ...]:
        return self._warn.get(kind, ())

    def thresholds(self, kind: LimitKind) -> tuple[str, ...]:
        """Every threshold an alert of this kind may carry under the current rule."""
        return (*(f"{WARN_PREFIX}{n}" for n in self.warn_days(kind)), DUE, OVERDUE)

    def withdraw_case_alerts(self) -> Any:
        """:func:`withdraw_stale_alerts` of one case's alerts (``w_case_id``) at ``w_now``,
        as one statement built once for the context (its rules' thresholds)."""
        statement = self._statements.get("withdraw_case_alerts")
        if statement is None:
            statement = self._statements["withdraw_case_alerts"] = (
                update(Alert)
                .where(
                    Alert.withdrawn_at.is_(None),
                    _stale_alerts(self),
                    Alert.case_id == bindparam("w_case_id"),
                )
                .values(withdrawn_at=bindparam("w_now"))
                .execution_options(synchronize_session=False)
            )
        return statement

    @property
    def horizon_days(self) -> int:
        """The most days before a due date at which any rule warns."""
        return max((max(w, default=0) for w in self._warn.values()), default=0)


#: ``session.info`` key of the context that every refresh on the session uses.
_SHARED_CONTEXT = "ipdesk.limits.shared_context"


@contextmanager
def shared_context(session: Session, context: LimitContext) -> Iterator[None]:
    """Every :func:`refresh_case_limits` on ``session`` in the block uses ``context``
    instead of loading the rules, their users and the calendar again (four queries a
    refresh): for a caller that takes cases through many use cases in a block in which
    no rule or holiday changes (the demo's adjudicated cases: a fifth of their queries)."""
    session.info[_SHARED_CONTEXT] = context
    try:
        yield
    finally:
        session.info.pop(_SHARED_CONTEXT, None)


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class LimitSpec:
    """A limit that a case's facts call for.

    ``ended`` is None while the limit runs (or stands still), ``LimitState.MET`` when the
    awaited act happened (on ``ended_on``), ``LimitState.CANCELLED`` when it no longer
    applies.
    """

    kind: LimitKind
    start: dt.date
    ref_key: int = 0
    ended: LimitState | None = None
    ended_on: dt.date | None = None


LimitSource = Callable[[Session, Case], Iterable[LimitSpec]]
_SOURCES: dict[LimitKind, LimitSource] = {}


def limit_source(kind: LimitKind) -> Callable[[LimitSource], LimitSource]:
    """Register the function that derives the limits of ``kind`` from a case."""

    def register(func: LimitSource) -> LimitSource:
        _SOURCES[kind] = func
        return func

    return register


def managed_kinds() -> frozenset[LimitKind]:
    """The kinds whose limits :func:`refresh_case_limits` derives (and cancels)."""
    return frozenset(_SOURCES)


@limit_source(LimitKind.ACCEPTANCE_DECISION)
def _acceptance_decision(_session: Session, case: Case) -> list[LimitSpec]:
    """Deciding whether to accept: from receipt until accepted or rejected."""
    decided_on = case.accepted_on or (
        case.closed_on if case.status == CaseStatus.REJECTED else None
    )
    if decided_on is None and case.status == CaseStatus.REJECTED:
        decided_on = case.received_on
    return [
        LimitSpec(
            LimitKind.ACCEPTANCE_DECISION,
            case.received_on,
            ended=LimitState.MET if decided_on else None,
            ended_on=decided_on,
        )
    ]


_DECIDED_ON = select(Adjudication.decided_on).where(Adjudication.case_id == bindparam("case_id"))
_LAST_STOP = (
    select(CaseEvent.at)
    .where(CaseEvent.case_id == bindparam("case_id"), CaseEvent.kind.in_(_STOP_EVENTS))
    .order_by(CaseEvent.at.desc(), CaseEvent.id.desc())
    .limit(1)
)


def stopped_on(session: Session, case: Case) -> dt.date | None:
    """The day the handling work stopped for good, None while it goes on: the date of the
    case's administrative decision (行政裁决: it ends the handling, whatever the case does
    after it, a mediation of the damages too); else the day of the failure or withdrawal
    (the last such event; closing the case later does not move it), else the day the case
    was closed or rejected. Never before the acceptance."""
    floor = case.accepted_on or case.received_on
    if case.status in FINISHED_STATUSES or case.status in _AFTER_DECISION:
        decided = session.scalar(_DECIDED_ON, {"case_id": case.id})
        if decided is not None:
            return max(decided, floor)
    if case.status not in FINISHED_STATUSES:
        return None
    day: dt.date | None = None
    if case.status in STOPPED_STATUSES or (
        case.status == CaseStatus.CLOSED and case.outcome in STOPPED_STATUSES
    ):
        at = session.scalar(_LAST_STOP, {"case_id": case.id})
        if at is not None:
            day = legal_today(at if at.tzinfo else at.replace(tzinfo=dt.UTC))
        elif case.status in STOPPED_STATUSES:  # no event (written by another program)
            day = legal_today(case.updated_at) if case.updated_at else legal_today()
    day = day or case.closed_on or case.accepted_on or case.received_on
    return max(day, floor)


#: Open states a case may be in after an administrative decision: the damages mediated
#: (专利法 Art. 65) under the decided case, which runs no handling clock of its own.
_AFTER_DECISION = frozenset(
    {
        CaseStatus.MEDIATING,
        CaseStatus.AGREEMENT,
        CaseStatus.CONFIRMATION_REQUESTED,
        CaseStatus.CONFIRMED,
        CaseStatus.CONFIRMATION_DENIED,
    }
)


@limit_source(LimitKind.HANDLING)
def _handling(session: Session, case: Case) -> list[LimitSpec]:
    """Handling: from acceptance until the work stops (:func:`stopped_on`) — the case is
    decided, closed, or the mediation failed or the request was withdrawn (60 days by the
    default rule)."""
    if case.accepted_on is None:
        return []  # not accepted (or acceptance undone): an existing limit is cancelled
    ended_on = stopped_on(session, case)
    if ended_on is not None:
        return [
            LimitSpec(LimitKind.HANDLING, case.accepted_on, ended=LimitState.MET, ended_on=ended_on)
        ]
    return [LimitSpec(LimitKind.HANDLING, case.accepted_on)]


# --------------------------------------------------------------------------- partner agencies
# Judicial confirmation and joint consultation (services/cases/confirmation.py and
# services/cases/consultations.py write the facts; these sources derive the limits from them).


#: Case states in which an agreement still waits to be brought to a court for confirmation.
_AWAITING_APPLICATION = frozenset({CaseStatus.AGREEMENT})


_EFFECTIVE_ON = select(Agreement.effective_on).where(Agreement.case_id == bindparam("case_id"))
_FIRST_APPLICATION = select(func.min(Confirmation.applied_on)).where(
    Confirmation.case_id == bindparam("case_id"),
    Confirmation.applied_on >= bindparam("effective_on"),
)


@limit_source(LimitKind.CONFIRMATION_APPLICATION)
def _confirmation_application(session: Session, case: Case) -> list[LimitSpec]:
    """Applying for judicial confirmation: 30 days from the agreement taking effect
    (民事诉讼法 Art. 205). Met by an application made on or after that day; cancelled when
    the case leaves the agreement state without one (closed, mediated again)."""
    effective_on = session.scalar(_EFFECTIVE_ON, {"case_id": case.id})
    if effective_on is None:
        return []
    applied_on = session.scalar(
        _FIRST_APPLICATION, {"case_id": case.id, "effective_on": effective_on}
    )
    if applied_on is not None:
        ended: LimitState | None = LimitState.MET
    elif case.status in _AWAITING_APPLICATION:
        ended = None
    else:
        ended = LimitState.CANCELLED
    return [
        LimitSpec(
            LimitKind.CONFIRMATION_APPLICATION, effective_on, ended=ended, ended_on=applied_on
        )
    ]


_COURT_ACCEPTED = (
    select(Confirmation.id, Confirmation.court_accepted_on, Confirmation.decided_on)
    .where(
        Confirmation.case_id == bindparam("case_id"), Confirmation.court_accepted_on.is_not(None)
    )
    .order_by(Confirmation.id)
)


@limit_source(LimitKind.COURT_DECISION)
def _court_decision(session: Session, case: Case) -> list[LimitSpec]:
    """The court's decision on a confirmation application: 15 days from its acceptance,
    +10 approved by the court president (an extension ``ClockAdjustment`` of this kind).
    One limit per application (``ref_key`` = confirmation id); met by the decision.

    Extensions are kept per case and kind, so after a dismissed application and a second
    one, an extension of the second also moves the (ended) first limit's due date when the
    case is refreshed. Open limits are always right."""
    specs = []
    for confirmation_id, accepted_on, decided_on in session.execute(
        _COURT_ACCEPTED, {"case_id": case.id}
    ):
        if accepted_on is None:  # excluded by the query; for the type checker
            continue
        if decided_on is not None:
            ended: LimitState | None = LimitState.MET
        elif case.status == CaseStatus.CONFIRMATION_REQUESTED:
            ended = None
        else:
            ended = LimitState.CANCELLED
        specs.append(
            LimitSpec(
                LimitKind.COURT_DECISION,
                accepted_on,
                ref_key=confirmation_id,
                ended=ended,
                ended_on=decided_on,
            )
        )
    return specs


_REQUESTS = (
    select(
        ConsultationRequest.id,
        Consultation.requested_on,
        ConsultationRequest.state,
        ConsultationRequest.answered_on,
        Consultation.state,
    )
    .join(Consultation, ConsultationRequest.consultation_id == Consultation.id)
    .where(Consultation.case_id == bindparam("case_id"))
)
_ANSWER_LIMITS = select(CaseLimit).where(
    CaseLimit.case_id == bindparam("case_id"), CaseLimit.kind == LimitKind.CONSULTATION_ANSWER
)


@limit_source(LimitKind.CONSULTATION_ANSWER)
def _consultation_answers(session: Session, case: Case) -> list[LimitSpec]:
    """Each agency's answer to a consultation or crime referral: the rule's (working) days
    from the request (``ref_key`` = ``ConsultationRequest.id``). Met by the answer;
    cancelled when the request or the consultation is withdrawn, or the case is closed or
    rejected. Limits of this kind that no request accounts for (written by another
    program) are kept as they are."""
    specs = []
    for request_id, requested_on, state, answered_on, consultation_state in session.execute(
        _REQUESTS, {"case_id": case.id}
    ):
        if state == RequestState.ANSWERED:
            ended: LimitState | None = LimitState.MET
        elif (
            state == RequestState.WITHDRAWN
            or consultation_state == ConsultationState.WITHDRAWN
            or case.status in (CaseStatus.CLOSED, CaseStatus.REJECTED)
        ):
            ended = LimitState.CANCELLED
        else:
            ended = None
        specs.append(
            LimitSpec(
                LimitKind.CONSULTATION_ANSWER,
                requested_on,
                ref_key=request_id,
                ended=ended,
                ended_on=answered_on if ended == LimitState.MET else None,
            )
        )
    known = {spec.ref_key for spec in specs}
    for limit in session.scalars(_ANSWER_LIMITS, {"case_id": case.id}):
        if limit.ref_key not in known:
            kept = None if limit.state in OPEN_LIMIT_STATES else limit.state
            specs.append(
                LimitSpec(
                    LimitKind.CONSULTATION_ANSWER,
                    limit.start_on,
                    ref_key=limit.ref_key,
                    ended=kept,
                    ended_on=limit.met_on,
                )
            )
    return specs


# --------------------------------------------------------------------------- follow-up visits
# services/cases/followups.py plans the visits (回访) when a case is closed and records them; this
# source derives the limit of each visit from them.


_VISITS = (
    select(FollowUpVisit.id, FollowUpVisit.due_on, FollowUpVisit.state, FollowUpVisit.done_on)
    .where(FollowUpVisit.case_id == bindparam("case_id"))
    .order_by(FollowUpVisit.id)
)


@limit_source(LimitKind.FOLLOW_UP)
def _follow_up_visits(session: Session, case: Case) -> list[LimitSpec]:
    """Each follow-up visit: the rule's days (30) from the visit's planned date
    (``FollowUpVisit.due_on``; ``ref_key`` = visit id). Met by the visit (on ``done_on``);
    cancelled when the visit is cancelled or the case is no longer closed (reopened)."""
    specs = []
    for visit_id, planned_on, state, done_on in session.execute(_VISITS, {"case_id": case.id}):
        if state == VisitState.DONE:
            ended: LimitState | None = LimitState.MET
        elif state == VisitState.CANCELLED or case.status != CaseStatus.CLOSED:
            ended = LimitState.CANCELLED
        else:
            ended = None
        specs.append(
            LimitSpec(
                LimitKind.FOLLOW_UP,
                planned_on,
                ref_key=visit_id,
                ended=ended,
                ended_on=done_on if ended == LimitState.MET else None,
            )
        )
    return specs


# --------------------------------------------------------------------------- one case


def _evaluate(
    context: LimitContext,
    kind: LimitKind,
    start: dt.date,
    adjustments: Adjustments,
    ended: LimitState | None = None,
) -> tuple[DueResult, LimitState]:
    result = context.compute(kind, start, adjustments.suspensions, adjustments.extension_days)
    if ended is not None:
        return result, ended
    return result, LimitState.PAUSED if result.stopped else LimitState.RUNNING


_CASE_LIMITS = select(CaseLimit).where(CaseLimit.case_id == bindparam("case_id"))


def refresh_case_limits(session: Session, case: Case, context: LimitContext | None = None) -> None:
    """Bring the case's limits, its cached due date and suspension flag up to date, and
    withdraw the case's alerts that no longer apply. Call it in the transaction of the
    change (acceptance, suspension, closure, ...); it flushes."""
    context = context or session.info.get(_SHARED_CONTEXT) or LimitContext.load(session)
    session.flush()  # adjustments added in this transaction must be visible below
    existing = {
        (lim.kind, lim.ref_key): lim for lim in session.scalars(_CASE_LIMITS, {"case_id": case.id})
    }
    adjustments = load_adjustments(session, [case.id])
    wanted: set[tuple[LimitKind, int]] = set()
    for kind, source in _SOURCES.items():
        if kind not in context.rules:
            continue  # no rule, no limit
        for spec in source(session, case):
            key = (spec.kind, spec.ref_key)
            wanted.add(key)
            result, state = _evaluate(
                context,
                spec.kind,
                spec.start,
                adjustments.get((case.id, spec.kind), NO_ADJUSTMENTS),
                spec.ended,
            )
            values = {
                "start_on": spec.start,
                "due_on": result.due,
                "state": state,
                "met_on": spec.ended_on if state == LimitState.MET else None,
                "calendar_covered": result.calendar_covered,
            }
            limit = existing.get(key)
            if limit is None:
                limit = CaseLimit(case_id=case.id, kind=spec.kind, ref_key=spec.ref_key, **values)
                session.add(limit)
                existing[key] = limit
                continue
            # Only what changes: a limit set to its own values would be flushed for nothing
            # (and the session's objects looked over again at the next query's autoflush).
            for name, value in values.items():
                if getattr(limit, name) != value:
                    setattr(limit, name, value)
    for key, limit in existing.items():
        if key[0] in _SOURCES and key not in wanted and limit.state != LimitState.CANCELLED:
            limit.state = LimitState.CANCELLED  # e.g. acceptance undone
            limit.met_on = None

    # The case's own due date: the handling limit's once accepted, before that the
    # decision on acceptance's (5 working days from receipt; also kept when rejected).
    due, suspended = None, False
    for kind in (LimitKind.HANDLING, LimitKind.ACCEPTANCE_DECISION):
        principal = existing.get((kind, 0))
        if principal is not None and principal.state != LimitState.CANCELLED:
            due, suspended = principal.due_on, principal.state == LimitState.PAUSED
            if principal.state == LimitState.MET and case.status in RUNNING_STATUSES:
                due = None  # work after a decision: no clock runs, nothing is due
            break
    if case.due_on != due:
        case.due_on = due
    if case.is_suspended != suspended:
        case.is_suspended = suspended
    session.flush()
    session.execute(context.withdraw_case_alerts(), {"w_case_id": case.id, "w_now": utcnow()})


# --------------------------------------------------------------------------- all open


@dataclass(frozen=True)
class RefreshSummary:
    """What :func:`refresh_all_open` did."""

    examined: int  # open limits recomputed
    changed: int  # of which the due date, state or coverage changed
    withdrawn: int  # alerts withdrawn because they no longer apply
    seconds: float


_LIMITS_TABLE = CaseLimit.__table__
_CASES_TABLE = Case.__table__
assert isinstance(_LIMITS_TABLE, Table) and isinstance(_CASES_TABLE, Table)

_UPDATE_LIMIT = (
    update(_LIMITS_TABLE)
    .where(_LIMITS_TABLE.c.id == bindparam("b_id"))
    .values(
        due_on=bindparam("b_due"),
        state=bindparam("b_state"),
        calendar_covered=bindparam("b_covered"),
    )
)
# The cached due date of a case is derived data: it is written without moving the case's
# version, so that a rule change never makes someone's edit of the case stale.
_CASE_DUE_KINDS = (LimitKind.HANDLING, LimitKind.ACCEPTANCE_DECISION)


#: The (due date, kind, start) groups of open limits whose due date, state or coverage
#: changes, with their new values (``old_due``: the due date the group's limits have).
_PLAIN = Table(
    "ipdesk_refresh_plain",
    MetaData(),
    Column("old_due", Date),
    Column("kind", String(40)),
    Column("start_on", Date),
    Column("due_on", Date),
    Column("state", String(20)),
    Column("covered", Boolean),
    prefixes=["TEMPORARY"],
)
_ADJUSTED = Table(
    "ipdesk_refresh_adjusted",
    MetaData(),
    Column("id", Integer, primary_key=True),
    prefixes=["TEMPORARY"],
)
#: The cached due dates of the cases whose principal limit changed.
_CASE_DUES = Table(
    "ipdesk_refresh_case_dues",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("due_on", Date),
    Column("suspended", Boolean),
    prefixes=["TEMPORARY"],
)


def _temporary(connection: Connection, table: Table) -> None:
    """``table`` exists (empty) for the rest of the transaction (the connection's on SQLite)."""
    if connection.dialect.name == "postgresql":
        # Given here, not in the Table: a PostgreSQL option imports its dialect's package.
        table.dialect_kwargs["postgresql_on_commit"] = "DROP"
    table.create(connection, checkfirst=True)
    connection.execute(delete(table))


def refresh_all_open(
    session: Session,
    context: LimitContext | None = None,
    *,
    batch_size: int = _BATCH,
) -> RefreshSummary:
    """Recompute every open limit with the current rules and calendar.

    Call it in the transaction that changed a rule or the holiday table. Set-based: a limit
    without clock adjustments (nearly all) has the due date of its (kind, start day). The
    limits with adjustments are computed one by one first (:func:`_refresh_adjusted`) and
    their ids put in a temporary table; then one pass over the partial index
    ``ix_case_limits_open`` (alone) gives the groups of equal kind, start, due date, state
    and coverage of the other open limits (:func:`_plain_groups`), the due date of each
    (kind, start) is computed in Python (a thousand at 1,000,000 cases) and only the
    groups whose values differ go into a temporary table, from which one ``UPDATE ...
    FROM`` writes their limits (``RETURNING`` them), reached by the index's state and due
    date: after a change that moves nothing, no limit is visited again. The cases' cached
    due dates follow the changed principal limits; then the alerts of open limits that no
    longer apply are withdrawn."""
    started = time.perf_counter()
    session.flush()
    context = context or LimitContext.load(session)
    connection = session.connection()
    adjusted_ids, adjusted_keys, limit_updates, case_updates = _refresh_adjusted(
        connection, context
    )
    _temporary(connection, _ADJUSTED)
    if adjusted_ids:
        connection.execute(insert(_ADJUSTED), [{"id": i} for i in adjusted_ids])
    _temporary(connection, _PLAIN)
    # The groups of open limits without adjustments whose values differ from those of their
    # (kind, start) have limits to write: only those groups go into the temporary table,
    # and the UPDATE visits their limits alone (by the index's state and due date) instead
    # of every open limit.
    examined, groups = _plain_groups(connection, adjusted_keys)
    computed: dict[tuple[LimitKind, dt.date], tuple[dt.date | None, str, bool | None]] = {}
    values: dict[tuple[dt.date | None, str, dt.date], dict[str, object]] = {}
    for kind, start_on, due_on, state, covered in groups:
        if kind not in context.rules:
            continue
        wanted = computed.get((kind, start_on))
        if wanted is None:
            result, evaluated = _evaluate(context, kind, start_on, NO_ADJUSTMENTS)
            wanted = computed[kind, start_on] = (
                result.due,
                evaluated.value,
                result.calendar_covered,
            )
        if (due_on, state.value, covered) == wanted:
            continue
        values[due_on, kind.value, start_on] = {
            "old_due": due_on,
            "kind": kind.value,
            "start_on": start_on,
            "due_on": wanted[0],
            "state": wanted[1],
            "covered": wanted[2],
        }
    rows = list(values.values())
    for first in range(0, len(rows), batch_size):
        connection.execute(insert(_PLAIN), rows[first : first + batch_size])
    if rows:  # its size known to the planner: the groups' limits by the index
        connection.exec_driver_sql(f"ANALYZE {_PLAIN.name}")
    p = _PLAIN.c
    table = _LIMITS_TABLE
    assert isinstance(table, Table)
    limits = table.c
    new_state = cast(p.state, limits.state.type)

    def write(same_due: ColumnElement[bool]) -> list[Any]:
        """The UPDATE of the groups' limits whose values differ (``RETURNING`` them)."""
        return list(
            connection.execute(
                update(table)
                .where(
                    open_limits(),
                    same_due,  # with the state: a range of ix_case_limits_open a group
                    p.kind == cast(limits.kind, String(40)),
                    limits.start_on == p.start_on,
                    or_(
                        limits.due_on.is_distinct_from(p.due_on),
                        limits.state != new_state,
                        limits.calendar_covered.is_distinct_from(p.covered),
                    ),
                    # Last: looked up only for the rows that differ (SQLite keeps the order).
                    ~exists().where(_ADJUSTED.c.id == limits.id),
                )
                .values(due_on=p.due_on, state=new_state, calendar_covered=p.covered)
                .returning(limits.case_id, limits.kind, limits.ref_key, limits.due_on, limits.state)
            )
        )

    changed = write(limits.due_on == p.old_due) if rows else []
    if any(r["old_due"] is None for r in rows):  # limits without a due date
        changed += write(and_(limits.due_on.is_(None), p.old_due.is_(None)))
    for case_id, kind, ref_key, due_on, state in changed:
        if kind in _CASE_DUE_KINDS and ref_key == 0:
            case_updates.append(
                {"b_id": case_id, "b_due": due_on, "b_suspended": state == LimitState.PAUSED}
            )
    for first in range(0, len(limit_updates), batch_size):
        connection.execute(_UPDATE_LIMIT, limit_updates[first : first + batch_size])
    _update_cases(connection, case_updates, batch_size)
    withdrawn = withdraw_stale_alerts(session, context, open_only=True)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, (CaseLimit, Case, Alert)):
            session.expire(obj)
    summary = RefreshSummary(
        examined, len(changed) + len(limit_updates), withdrawn, time.perf_counter() - started
    )
    log.info("Refreshed open limits: %s", summary)
    return summary


def _plain_groups(
    connection: Connection, adjusted_keys: Counter[tuple[Any, ...]]
) -> tuple[int, list[tuple[Any, ...]]]:
    """How many limits are open, and the groups of equal kind, start, due date, state and
    coverage that open limits without clock adjustments make (those in ``_ADJUSTED``, of
    which ``adjusted_keys`` counts the groups), from one pass over ``ix_case_limits_open``.

    SQLite: the groups of the other limits (the temporary table's key, the index's rowid,
    excludes them), ``DISTINCT``: a ``GROUP BY`` sorts every open limit (300,000 at
    1,000,000 cases), ``DISTINCT`` keeps the groups (a thousand) in a small temporary
    index; the limits counted apart, from the index alone. PostgreSQL: every open limit's
    group and how many limits each has (one hashed pass over the index alone; the
    temporary table's condition would read the table), less the adjusted ones."""
    columns = (
        CaseLimit.kind,
        CaseLimit.start_on,
        CaseLimit.due_on,
        CaseLimit.state,
        CaseLimit.calendar_covered,
    )
    if connection.dialect.name == "sqlite":
        examined = connection.scalar(
            select(func.count()).select_from(CaseLimit).where(open_limits())
        )
        plain = select(*columns).where(open_limits(), CaseLimit.id.not_in(select(_ADJUSTED.c.id)))
        return int(examined or 0), [tuple(row) for row in connection.execute(plain.distinct())]
    examined, groups = 0, []
    for *group, count in connection.execute(
        select(*columns, func.count()).where(open_limits()).group_by(*columns)
    ):
        examined += count
        if count > adjusted_keys.get(tuple(group), 0):  # not adjusted limits only
            groups.append(tuple(group))
    return examined, groups


def _update_cases(
    connection: Connection, case_updates: list[dict[str, object]], batch_size: int
) -> None:
    """Write the cached due dates (and suspension flags) of the cases whose principal limit
    changed: into a temporary table, then one ``UPDATE ... FROM`` of the cases whose due
    date or flag really differs (every index on ``cases`` is rewritten for a row written),
    with the dashboard summary's rows of their due dates moved in one grouped subtract and
    add (:func:`~ipdesk.services.queries.dashboard_summary.changing_due_dates`)."""
    from ipdesk.services.queries.dashboard_summary import (  # imports this module
        changing_due_dates,
    )

    if not case_updates:
        return
    _temporary(connection, _CASE_DUES)
    # One row a case (as the statements one after the other did: the last one wins).
    rows = [
        {"id": u["b_id"], "due_on": u["b_due"], "suspended": u["b_suspended"]}
        for u in {u["b_id"]: u for u in case_updates}.values()
    ]
    if connection.dialect.name == "postgresql":
        # One statement: the columns as three arrays (executemany: 1.2 s for 17,000 rows).
        arrays = {
            "id": ([r["id"] for r in rows], Integer),
            "due_on": ([r["due_on"] for r in rows], Date),
            "suspended": ([r["suspended"] for r in rows], Boolean),
        }
        unnested = select(
            *(
                func.unnest(bindparam(f"b_{name}", values, postgresql.ARRAY(type_)))
                for name, (values, type_) in arrays.items()
            )
        )
        connection.execute(insert(_CASE_DUES).from_select(list(arrays), unnested))
        connection.exec_driver_sql(f"ANALYZE {_CASE_DUES.name}")
    else:
        for first in range(0, len(rows), batch_size):
            connection.execute(insert(_CASE_DUES), rows[first : first + batch_size])
    table = _CASES_TABLE
    assert isinstance(table, Table)
    cases, dues = table.c, _CASE_DUES.c
    differs = or_(cases.due_on.is_distinct_from(dues.due_on), cases.is_suspended != dues.suspended)
    # Only the cases that change stay: the same cases before and after the UPDATE.
    connection.execute(delete(_CASE_DUES).where(~exists().where(cases.id == dues.id, differs)))
    with changing_due_dates(connection, select(dues.id)):
        connection.execute(
            update(table)
            .where(cases.id == dues.id)
            .values(due_on=dues.due_on, is_suspended=dues.suspended)
        )


class _Values(dict[Any, Any]):
    """Kinds and states by their text, dates by theirs (ISO, as SQLite gives them), and
    what needs no conversion (PostgreSQL's dates, NULL) by itself."""

    def __missing__(self, v: Any) -> Any:
        found = self[v] = dt.date.fromisoformat(v) if isinstance(v, str) else v
        return found


def _refresh_adjusted(
    connection: Connection, context: LimitContext
) -> tuple[list[int], Counter[tuple[Any, ...]], list[dict[str, object]], list[dict[str, object]]]:
    """The open limits of a kind whose clock the case adjusted: their ids, how many have
    each (kind, start, due date, state, coverage) as stored, and the updates of those whose
    due date, state or coverage changed (limits, cases), one by one.

    One statement: the open limits (from ``ix_case_limits_open``) joined with the clock
    adjustments of their case and kind, in the limits' order and each limit's adjustments
    in theirs (start, id). Dates and kinds are read as the driver gives them (SQLite:
    text) and converted once per distinct value: SQLAlchemy's conversion of each row, a
    second statement for the adjustments with a parameter per case and the grouping by
    case cost more than the statement at 1,000,000 cases."""
    adj = ClockAdjustment
    text = [
        type_coerce(c, String())
        for c in (
            CaseLimit.kind,
            CaseLimit.state,
            CaseLimit.start_on,
            CaseLimit.due_on,
            adj.kind,
            adj.start_on,
            adj.end_on,
        )
    ]
    query = (
        select(CaseLimit.id, CaseLimit.case_id, CaseLimit.ref_key, CaseLimit.calendar_covered)
        .add_columns(*text, adj.days)
        .join(adj, and_(adj.case_id == CaseLimit.case_id, adj.limit_kind == CaseLimit.kind))
        .where(open_limits())
        .order_by(CaseLimit.id, adj.start_on, adj.id)
    )
    if connection.dialect.name == "sqlite":
        # SQLite looks up each open limit's adjustments (a search of an index): only the
        # open limits of a kind that some adjustment has (the join's condition, repeated)
        # look, and most open limits are of kinds never adjusted (follow-up visits: 58 %
        # at 1,000,000 cases). (PostgreSQL joins by hashing: the condition costs a pass.)
        rows = connection.execute(query.where(CaseLimit.kind.in_(select(adj.limit_kind)))).all()
    else:
        # Without parallel workers: on a busy server their start cost more than the scan
        # they share (230 against 135 ms at 200,000 cases).
        setting = "max_parallel_workers_per_gather"
        previous = connection.execute(
            select(func.current_setting(setting), func.set_config(setting, "0", True))
        ).scalar()
        rows = connection.execute(query).all()
        connection.execute(select(func.set_config(setting, previous, True)))
    # A dictionary's look-up, at C speed (70,000 a refresh at 1,000,000 cases): a value
    # met for the first time is converted by _Values.__missing__ and kept.
    value = _Values({k.value: k for k in (*LimitKind, *LimitState, *AdjustmentKind)}).__getitem__

    limit_ids: list[int] = []
    keys: Counter[tuple[Any, ...]] = Counter()
    limit_updates: list[dict[str, object]] = []
    case_updates: list[dict[str, object]] = []
    computed: dict[tuple[LimitKind, dt.date, Adjustments], tuple[DueResult, LimitState]] = {}
    for limit_id, group in groupby(rows, key=itemgetter(0)):
        adjustments = list(group)
        _id, case_id, ref_key, covered, kind, state, start_on, due_on = adjustments[0][:8]
        limit_ids.append(limit_id)
        suspensions: list[Suspension] = []
        extension_days = 0
        for *_, adjustment, adjustment_on, end_on, days in adjustments:
            if value(adjustment) == AdjustmentKind.SUSPENSION:
                suspensions.append(Suspension(value(adjustment_on), value(end_on)))
            else:
                extension_days += days or 0
        kind, state = value(kind), value(state)
        if kind not in context.rules:
            continue
        key = (kind, value(start_on), Adjustments(tuple(suspensions), extension_days))
        if covered is not None:
            covered = bool(covered)
        keys[kind, key[1], value(due_on), state, covered] += 1
        outcome = computed.get(key)
        if outcome is None:
            outcome = computed[key] = _evaluate(context, *key)
        result, new_state = outcome
        if (result.due, new_state, result.calendar_covered) == (value(due_on), state, covered):
            continue
        limit_updates.append(
            {
                "b_id": limit_id,
                "b_due": result.due,
                "b_state": new_state,
                "b_covered": result.calendar_covered,
            }
        )
        if kind in _CASE_DUE_KINDS and ref_key == 0:
            case_updates.append(
                {
                    "b_id": case_id,
                    "b_due": result.due,
                    "b_suspended": new_state == LimitState.PAUSED,
                }
            )
    return limit_ids, keys, limit_updates, case_updates


def withdraw_stale_alerts(
    session: Session,
    context: LimitContext,
    where: ColumnElement[bool] | None = None,
    *,
    open_only: bool = False,
) -> int:
    """Withdraw alerts (among those matching ``where``) that no longer apply: raised for
    another due date, for a limit that no longer runs, or for a threshold that the rule of
    its kind no longer has. Acknowledged alerts are withdrawn too (the acknowledgement is
    kept): an escalation must not outlive its cause. ``open_only``: only the alerts of
    open (running or paused) limits. Returns how many were withdrawn."""
    stmt = update(Alert).where(Alert.withdrawn_at.is_(None), _stale_alerts(context, open_only))
    if where is not None:
        stmt = stmt.where(where)
    result = session.execute(
        stmt.values(withdrawn_at=utcnow()).execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _stale_alerts(context: LimitContext, open_only: bool = False) -> ColumnElement[bool]:
    """The condition of :func:`withdraw_stale_alerts` on an alert that no longer applies."""
    per_kind = [
        and_(CaseLimit.kind == kind, Alert.threshold.in_(context.thresholds(kind)))
        for kind in context.rules
    ]
    applies = and_(
        CaseLimit.state == LimitState.RUNNING,
        CaseLimit.due_on == Alert.due_on,
        or_(*per_kind) if per_kind else false(),
    )
    if open_only:
        # One look-up of the alert's limit (by its key) decides both: open, and stale.
        return exists().where(
            CaseLimit.id == Alert.limit_id, CaseLimit.state.in_(OPEN_LIMIT_STATES), ~applies
        )
    return ~exists().where(CaseLimit.id == Alert.limit_id, applies)


def _chunks(values: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for first in range(0, len(values), size):
        yield values[first : first + size]


# --------------------------------------------------------------------------- the board

BOARD_BUCKETS = ("overdue", "due_soon", "suspended", "open")


@dataclass(frozen=True)
class OfficeDeadlines:
    """One office's row of the managers' deadline board: the limits of its open cases
    (the handling limit; before acceptance, the decision on acceptance)."""

    office_id: int
    code: str
    name: str
    open_cases: int
    suspended: int  # clock standing still
    due_soon: int  # clock running, due between today and today + soon_days
    overdue: int  # clock running, due before today


@dataclass(frozen=True)
class BoardFilter:
    """A drill-down from the deadline board to the case list: open cases of an office (or
    of the whole city when ``office_id`` is None) in one bucket.

    ``overdue``: not suspended, ``due_on <= due_to``; ``due_soon``: not suspended,
    ``due_from <= due_on <= due_to``; ``suspended``: clock standing still; ``open``: all.
    """

    bucket: str
    office_id: int | None = None
    office_code: str | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None


@dataclass(frozen=True)
class DeadlineBoard:
    today: dt.date
    soon_days: int
    offices: tuple[OfficeDeadlines, ...]

    def filter(self, bucket: str, office: OfficeDeadlines | None = None) -> BoardFilter:
        """The drill-down filter for one cell of the board (``office`` None: all offices)."""
        if bucket not in BOARD_BUCKETS:
            raise ValueError(f"unknown bucket {bucket!r}")
        due_from = due_to = None
        if bucket == "overdue":
            due_to = self.today - dt.timedelta(days=1)
        elif bucket == "due_soon":
            due_from, due_to = self.today, self.today + dt.timedelta(days=self.soon_days)
        return BoardFilter(
            bucket,
            office.office_id if office else None,
            office.code if office else None,
            due_from,
            due_to,
        )

    @property
    def totals(self) -> OfficeDeadlines:
        """The sum over all offices shown (id 0, no code)."""
        return OfficeDeadlines(
            0,
            "",
            "",
            sum(o.open_cases for o in self.offices),
            sum(o.suspended for o in self.offices),
            sum(o.due_soon for o in self.offices),
            sum(o.overdue for o in self.offices),
        )


def deadline_board(
    session: Session,
    actor: Actor,
    today: dt.date | None = None,
    soon_days: int | None = None,
) -> DeadlineBoard:
    """Open cases per office with their due-soon and overdue counts, most urgent first
    (most overdue, then most due soon, then office code).

    Office managers see their office, city managers and administrators every office;
    other roles are refused. ``soon_days`` defaults to the handling rule's largest warning
    threshold. One grouped query over the open cases (``ix_cases_status_due``).
    """
    require_capability(
        actor, Capability.DEADLINE_BOARD, "只有裁决所负责人和市级管理人员可以查看期限看板"
    )
    today = today or legal_today()
    if soon_days is None:
        rule = session.get(LimitRule, LimitKind.HANDLING)
        soon_days = max(parse_warn_days(rule.warn_days if rule else None), default=15)
    soon_until = today + dt.timedelta(days=soon_days)
    # A failed or withdrawn case waits to be closed but its clock has stopped: counted
    # open, never due soon or overdue. Not yet accepted: the decision on acceptance's due.
    running = and_(~Case.is_suspended, Case.status.not_in(sorted(STOPPED_STATUSES)))

    def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    counts = (
        select(
            Case.office_id,
            func.count(),
            count(Case.is_suspended.is_(True)),
            count(and_(running, Case.due_on >= today, Case.due_on <= soon_until)),
            count(and_(running, Case.due_on < today)),
        )
        .where(Case.status.in_(OPEN_STATUSES))
        .group_by(Case.office_id)
    )
    offices = select(Office)
    if not actor.is_citywide:
        counts = counts.where(Case.office_id == actor.office_id)
        offices = offices.where(Office.id == actor.office_id)
    by_office = {row[0]: tuple(int(v) for v in row[1:]) for row in session.execute(counts)}
    rows = [
        OfficeDeadlines(
            office.id, office.code, office.name, *by_office.get(office.id, (0, 0, 0, 0))
        )
        for office in session.scalars(offices)
        if office.active or office.id in by_office
    ]
    rows.sort(key=lambda r: (-r.overdue, -r.due_soon, r.code))
    return DeadlineBoard(today, soon_days, tuple(rows))
