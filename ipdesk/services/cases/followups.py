"""Follow-up visits (回访) after closure: the policy, the schedule, the record, the work list.

Policy (``FollowUpPolicy``, one row per :class:`~ipdesk.models.CaseCategory`, edited by the
administrator with :func:`update_policy`): how many visits a closed case gets in the year
after its closure, which share of the category's cases is visited at all, and how many days
after closure the first visit is planned. The seed follows the source model: serious cases
twice a year, ordinary ones once, minor ones sampled at 30 %. A policy change applies to
cases closed afterwards; visits already planned keep their dates.

Schedule (:func:`schedule_follow_ups` for one case, at closure;
:func:`schedule_follow_ups_for_closed` for every closed case that has none, in bulk): a
case of a sampled category is in the sample when the hash of its case number falls below
the share (:func:`is_sampled`), so the same case is always in or out, on every client and
after every rerun, and raising the share keeps every case already sampled. The k-th of n
visits (k = 0 … n−1) is planned ``first_delay_days + k × ⌊365 / n⌋`` days after closure,
counted by the deadline engine (a plan falling on a rest day moves to the next working
day). The case's mediator is responsible. Each planned visit runs a ``follow_up`` limit
(services/cases/limits.py): the rule's days (30) from the planned date; overdue visits raise
alerts like every other limit, the visit's record meets the limit, and reopening the case
cancels it.

Recording (:func:`record_visit`): date, method, person visited, performance of the
agreement (full / partial / none; for cases that ended without one it may stay empty),
satisfaction 1–5, notes, problems found, next action.
Who may record: the visit's responsible user, the case's mediator, the office manager of
the case's office, a city manager. Work list (:func:`work_list`): the planned visits of
closed cases that the actor answers for, due within a horizon, most urgent first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from sqlalchemy import ColumnElement, Table, and_, exists, false, func, insert, or_, select, true
from sqlalchemy.orm import Session, aliased

from ipdesk.models import (
    Case,
    CaseCategory,
    CaseLimit,
    CaseStatus,
    FollowUpPolicy,
    FollowUpVisit,
    LimitKind,
    LimitState,
    Office,
    Performance,
    Role,
    User,
    VisitMethod,
    VisitState,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.limits import LimitContext, refresh_case_limits
from ipdesk.services.errors import (
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from ipdesk.services.rules.capabilities import Capability
from ipdesk.services.rules.capabilities import require as require_capability
from ipdesk.services.rules.deadlines import DueResult, WorkCalendar, compute_due, legal_today

log = logging.getLogger(__name__)

__all__ = [
    "CATEGORY_LABELS",
    "METHOD_LABELS",
    "PERFORMANCE_LABELS",
    "PolicyInfo",
    "ScheduleSummary",
    "VisitInfo",
    "is_sampled",
    "list_policies",
    "planned_dates",
    "record_visit",
    "schedule_follow_ups",
    "schedule_follow_ups_for_closed",
    "update_policy",
    "visit_info",
    "work_list",
]

MAX_VISITS_PER_YEAR: Final = 12
MAX_FIRST_DELAY: Final = 365
MAX_TEXT: Final = 2000
MAX_PERSON: Final = 100
DEFAULT_HORIZON: Final = 30
RECORDED_PERFORMANCE: Final = (Performance.FULL, Performance.PARTIAL, Performance.NONE)
#: Outcomes with an agreement whose performance a visit checks.
AGREED_OUTCOMES: Final = (
    CaseStatus.AGREEMENT,
    CaseStatus.CONFIRMATION_REQUESTED,
    CaseStatus.CONFIRMED,
    CaseStatus.CONFIRMATION_DENIED,
)
_STATE_TEXT: Final = {
    VisitState.PLANNED: "计划",
    VisitState.DONE: "完成",
    VisitState.CANCELLED: "取消",
}

CATEGORY_LABELS: Final = {
    CaseCategory.SERIOUS: "重大",
    CaseCategory.ORDINARY: "一般",
    CaseCategory.MINOR: "简易",
}
METHOD_LABELS: Final = {
    VisitMethod.VISIT: "上门走访",
    VisitMethod.PHONE: "电话回访",
    VisitMethod.ONLINE: "网络回访",
}
PERFORMANCE_LABELS: Final = {
    Performance.FULL: "已全部履行",
    Performance.PARTIAL: "部分履行",
    Performance.NONE: "未履行",
}

Progress = Callable[[int, int], None]


# --------------------------------------------------------------------------- policy


@dataclass(frozen=True)
class PolicyInfo:
    category: CaseCategory
    visits_per_year: int
    sample_share: Decimal  # 0 < share <= 1
    first_delay_days: int

    @classmethod
    def of(cls, row: FollowUpPolicy) -> PolicyInfo:
        return cls(
            row.category, row.visits_per_year, Decimal(row.sample_share), row.first_delay_days
        )


def list_policies(session: Session, actor: Actor) -> list[PolicyInfo]:
    """The policy of every category (serious, ordinary, minor); anyone signed in may read."""
    rows = {p.category: p for p in session.scalars(select(FollowUpPolicy))}
    return [PolicyInfo.of(rows[c]) for c in CaseCategory if c in rows]


def _share(value: Decimal | float | str) -> Decimal:
    try:
        share = Decimal(str(value))
    except InvalidOperation:
        raise ValidationError("sample_share", "抽样比例应为数字", code="share_number") from None
    if not share.is_finite() or not Decimal(0) < share <= Decimal(1):
        raise ValidationError("sample_share", "抽样比例应大于0且不超过1", code="share_range")
    if share != share.quantize(Decimal("0.001")):
        raise ValidationError("sample_share", "抽样比例最多保留三位小数", code="share_digits")
    return share.quantize(Decimal("0.001"))


def update_policy(
    session: Session,
    actor: Actor,
    category: CaseCategory | str,
    *,
    visits_per_year: int,
    sample_share: Decimal | float | str,
    first_delay_days: int,
) -> PolicyInfo:
    """Change one category's policy (administrators only). Applies to cases closed from
    now on; visits already planned keep their dates. Invalid fields are refused together."""
    require_capability(actor, Capability.FOLLOW_UP_POLICY, "只有系统管理员可以修改回访规则")
    try:
        category = CaseCategory(category)
    except ValueError:
        raise ValidationError(
            "category", f"未知的案件类别：{category}", code="category_unknown", category=category
        ) from None
    errors: list[ValidationError] = []
    if not isinstance(visits_per_year, int) or not (0 <= visits_per_year <= MAX_VISITS_PER_YEAR):
        errors.append(
            ValidationError(
                "visits_per_year",
                f"每年回访次数应为0到{MAX_VISITS_PER_YEAR}之间的整数",
                code="visits_range",
                max=MAX_VISITS_PER_YEAR,
            )
        )
    share = Decimal(1)
    try:
        share = _share(sample_share)
    except ValidationError as exc:
        errors.append(exc)
    if not isinstance(first_delay_days, int) or not 0 <= first_delay_days <= MAX_FIRST_DELAY:
        errors.append(
            ValidationError(
                "first_delay_days",
                f"首次回访时间应为结案后0到{MAX_FIRST_DELAY}日",
                code="delay_range",
                max=MAX_FIRST_DELAY,
            )
        )
    if errors:
        raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
    row = session.get(FollowUpPolicy, category)
    if row is None:
        row = FollowUpPolicy(category=category)
        session.add(row)
    row.visits_per_year = visits_per_year
    row.sample_share = share
    row.first_delay_days = first_delay_days
    session.flush()
    return PolicyInfo.of(row)


PolicyValues = tuple[CaseCategory | str, int, Decimal | float | str, int]
"""(category, visits per year, sample share, first delay in days) of one category."""


def update_policies(
    session: Session, actor: Actor, values: list[PolicyValues] | tuple[PolicyValues, ...]
) -> list[PolicyInfo]:
    """:func:`update_policy` for several categories in one transaction (the policy
    editor's OK): all or none."""
    return [
        update_policy(
            session,
            actor,
            category,
            visits_per_year=visits,
            sample_share=share,
            first_delay_days=delay,
        )
        for category, visits, share, delay in values
    ]


# --------------------------------------------------------------------------- schedule


def is_sampled(case_number: str, share: Decimal | float) -> bool:
    """Whether the case is in a sample of ``share``: the first 8 bytes of the SHA-256 of
    its number, as a fraction of 2**64, below the share. Deterministic; monotone in the
    share (a case sampled at 30 % is sampled at 40 %)."""
    fraction = Decimal(share)
    if fraction >= 1:
        return True
    if fraction <= 0:
        return False
    digest = hashlib.sha256(case_number.encode("utf-8")).digest()
    return Decimal(int.from_bytes(digest[:8], "big")) / Decimal(2**64) < fraction


def planned_dates(
    closed_on: dt.date, visits_per_year: int, first_delay_days: int, calendar: WorkCalendar
) -> list[dt.date]:
    """The planned days of the visits of a case closed on ``closed_on`` (see the module
    docstring): counted by the deadline engine, the closure day not counted, a rest day
    moved to the next working day."""
    if visits_per_year <= 0:
        return []
    interval = 365 // visits_per_year
    out = []
    for k in range(visits_per_year):
        days = first_delay_days + k * interval
        if days == 0:
            out.append(calendar.next_working_day(closed_on))
            continue
        due = compute_due(closed_on, days, calendar=calendar).due
        assert due is not None  # no suspension given
        out.append(due)
    return out


class VisitPlanner:
    """The visits of closed cases in bulk: each case's planned days by its category's
    policy (:func:`is_sampled`, :func:`planned_dates`), computed once per (closure day,
    category), and each day's ``follow_up`` limit, computed once per day."""

    def __init__(self, policies: Mapping[CaseCategory, PolicyInfo], context: LimitContext):
        self._policies = policies
        self._context = context
        self.limited = LimitKind.FOLLOW_UP in context.rules
        self._plans: dict[tuple[dt.date, CaseCategory], list[dt.date]] = {}
        self._dues: dict[dt.date, DueResult] = {}

    def days(
        self, number: str, category: CaseCategory | None, closed_on: dt.date | None
    ) -> list[dt.date]:
        """The planned days of the case's visits; none for a case outside the sample."""
        policy = self._policies.get(category) if category is not None else None
        if closed_on is None or policy is None or not is_sampled(number, policy.sample_share):
            return []
        key = (closed_on, policy.category)
        days = self._plans.get(key)
        if days is None:
            days = self._plans[key] = planned_dates(
                closed_on, policy.visits_per_year, policy.first_delay_days, self._context.calendar
            )
        return days

    def limit(self, day: dt.date) -> DueResult | None:
        """The ``follow_up`` limit of a visit planned for ``day``; None without the rule."""
        if not self.limited:
            return None
        due = self._dues.get(day)
        if due is None:
            due = self._dues[day] = self._context.compute(LimitKind.FOLLOW_UP, day)
        return due


def _scheduled(session: Session, case_id: int) -> bool:
    """The case has visits planned or done (a reopened case's cancelled ones do not count)."""
    return (
        session.scalar(
            select(FollowUpVisit.id)
            .where(
                FollowUpVisit.case_id == case_id,
                FollowUpVisit.state.in_((VisitState.PLANNED, VisitState.DONE)),
            )
            .limit(1)
        )
        is not None
    )


def schedule_follow_ups(
    session: Session, case: Case | int, *, context: LimitContext | None = None
) -> list[int]:
    """Plan the visits of a closed case by its category's policy, with their limits.

    Call it in the transaction that closes the case. Nothing happens (an empty list) when
    the case is not closed, already has visits planned or done, its category has no policy
    or no visits, or it is not in the category's sample. Returns the new visits' ids."""
    if isinstance(case, int):
        found = session.get(Case, case)
        if found is None:
            raise NotFound(f"案件 {case} 不存在", code="case_number_not_found", case=case)
        case = found
    if case.status != CaseStatus.CLOSED or case.closed_on is None:
        return []
    if _scheduled(session, case.id):
        return []
    policy = session.get(FollowUpPolicy, case.category)
    if policy is None or not is_sampled(case.number, policy.sample_share):
        return []
    context = context or LimitContext.load(session)
    visits = [
        FollowUpVisit(
            case_id=case.id,
            office_id=case.office_id,
            station_id=case.station_id,
            state=VisitState.PLANNED,
            due_on=day,
            responsible_id=case.mediator_id,
        )
        for day in planned_dates(
            case.closed_on, policy.visits_per_year, policy.first_delay_days, context.calendar
        )
    ]
    if not visits:
        return []
    session.add_all(visits)
    session.flush()
    refresh_case_limits(session, case, context)
    return [v.id for v in visits]


@dataclass(frozen=True)
class ScheduleSummary:
    examined: int  # closed cases without visits planned or done
    scheduled: int  # of which got visits
    visits: int
    seconds: float


def _table(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_VISITS = _table(FollowUpVisit)
_LIMITS = _table(CaseLimit)


#: Closed cases with no visit planned or done: the ones whose visits are still to plan.
UNSCHEDULED: Final = and_(
    Case.status == CaseStatus.CLOSED,
    Case.closed_on.is_not(None),
    ~exists().where(
        FollowUpVisit.case_id == Case.id,
        FollowUpVisit.state.in_((VisitState.PLANNED, VisitState.DONE)),
    ),
)


def schedule_follow_ups_for_closed(
    session: Session,
    *,
    context: LimitContext | None = None,
    batch_size: int = 5000,
    progress: Progress | None = None,
) -> ScheduleSummary:
    """Plan the visits of every closed case that has none planned or done (cases closed
    before follow-ups were kept, imported ledgers, a demo database), exactly as
    :func:`schedule_follow_ups` would, in bulk: closed cases are read in batches of
    ``batch_size`` by id, the dates computed once per (closure day, category), and the
    visits and their ``follow_up`` limits inserted with one statement per batch. Runs in
    the caller's transaction; rerunning it plans nothing new."""
    started = time.perf_counter()
    context = context or LimitContext.load(session)
    planner = VisitPlanner({p.category: p for p in list_policies(session, Actor.system())}, context)
    total = session.scalar(select(func.count()).select_from(Case).where(UNSCHEDULED)) or 0
    connection = session.connection()
    examined = scheduled = visits = 0
    last_id = 0
    while True:
        batch = session.execute(
            select(
                Case.id,
                Case.number,
                Case.category,
                Case.closed_on,
                Case.office_id,
                Case.station_id,
                Case.mediator_id,
            )
            .where(UNSCHEDULED, Case.id > last_id)
            .order_by(Case.id)
            .limit(batch_size)
        ).all()
        if not batch:
            break
        last_id = batch[-1][0]
        rows: list[dict[str, Any]] = []
        for case_id, number, category, closed_on, office_id, station_id, mediator_id in batch:
            days = planner.days(number, category, closed_on)
            if days:
                scheduled += 1
            rows.extend(
                {
                    "case_id": case_id,
                    "office_id": office_id,
                    "station_id": station_id,
                    "state": VisitState.PLANNED,
                    "due_on": day,
                    "responsible_id": mediator_id,
                }
                for day in days
            )
        examined += len(batch)
        if rows:
            from ipdesk.services.queries.dashboard_summary import changing  # imports this module

            with changing(connection, {row["case_id"] for row in rows}):
                ids = list(
                    connection.execute(
                        insert(_VISITS).returning(_VISITS.c.id, sort_by_parameter_order=True),
                        rows,
                    ).scalars()
                )
            limit_rows = []
            for visit_id, row in zip(ids, rows, strict=True):
                due = planner.limit(row["due_on"])
                if due is None:
                    continue
                limit_rows.append(
                    {
                        "case_id": row["case_id"],
                        "kind": LimitKind.FOLLOW_UP,
                        "ref_key": visit_id,
                        "start_on": row["due_on"],
                        "due_on": due.due,
                        "state": LimitState.RUNNING,
                        "met_on": None,
                        "calendar_covered": due.calendar_covered,
                    }
                )
            if limit_rows:
                connection.execute(insert(_LIMITS), limit_rows)
            visits += len(rows)
        if progress is not None:
            progress(examined, total)
    summary = ScheduleSummary(examined, scheduled, visits, time.perf_counter() - started)
    log.info("Scheduled follow-up visits for closed cases: %s", summary)
    return summary


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class VisitInfo:
    id: int
    case_id: int
    case_number: str
    office_id: int
    office_name: str
    category: CaseCategory
    closed_on: dt.date | None
    state: VisitState
    planned_on: dt.date  # FollowUpVisit.due_on: the day the visit is planned for
    deadline: dt.date | None  # the follow_up limit's due date (planned + 30 days)
    days_left: int | None  # to the deadline; negative when overdue
    responsible_id: int | None
    responsible: str | None
    done_on: dt.date | None = None
    method: VisitMethod | None = None
    visitor: str | None = None
    person_visited: str | None = None
    performance: Performance | None = None
    satisfaction: int | None = None
    notes: str | None = None
    problems: str | None = None
    next_action: str | None = None

    @property
    def overdue(self) -> bool:
        return (
            self.state == VisitState.PLANNED and self.days_left is not None and (self.days_left < 0)
        )


def _visit_query() -> Any:
    # Aliases made here, not at import: aliased() configures every mapper (about 50 ms).
    responsible = aliased(User)
    visitor = aliased(User)
    limit = aliased(CaseLimit)
    return (
        select(
            FollowUpVisit,
            Case.number,
            Case.office_id,
            Office.name,
            Case.category,
            Case.closed_on,
            limit.due_on,
            responsible.display_name,
            visitor.display_name,
        )
        .join(Case, Case.id == FollowUpVisit.case_id)
        .join(Office, Office.id == Case.office_id)
        .outerjoin(
            limit,
            and_(
                limit.case_id == FollowUpVisit.case_id,
                limit.kind == LimitKind.FOLLOW_UP,
                limit.ref_key == FollowUpVisit.id,
            ),
        )
        .outerjoin(responsible, responsible.id == FollowUpVisit.responsible_id)
        .outerjoin(visitor, visitor.id == FollowUpVisit.visitor_id)
    ), limit


def _info(row: Any, today: dt.date) -> VisitInfo:
    visit, number, office_id, office_name, category, closed_on, deadline, resp, visitor = row
    return VisitInfo(
        id=visit.id,
        case_id=visit.case_id,
        case_number=number,
        office_id=office_id,
        office_name=office_name,
        category=category,
        closed_on=closed_on,
        state=visit.state,
        planned_on=visit.due_on,
        deadline=deadline,
        days_left=(deadline - today).days if deadline is not None else None,
        responsible_id=visit.responsible_id,
        responsible=resp,
        done_on=visit.done_on,
        method=visit.method,
        visitor=visitor,
        person_visited=visit.person_visited,
        performance=visit.performance,
        satisfaction=visit.satisfaction,
        notes=visit.notes,
        problems=visit.problems,
        next_action=visit.next_action,
    )


def _answers_for(actor: Actor) -> ColumnElement[bool]:
    """The visits the actor answers for, as a condition on the visit and its case."""
    if actor.is_citywide:
        return true()
    if actor.role == Role.OFFICE_MANAGER and actor.office_id is not None:
        return Case.office_id == actor.office_id
    if actor.role == Role.MEDIATOR and actor.user_id is not None:
        return and_(
            # a mediator who moved to another office no longer answers for the old one's
            Case.office_id == actor.office_id,
            or_(
                FollowUpVisit.responsible_id == actor.user_id,
                and_(FollowUpVisit.responsible_id.is_(None), Case.mediator_id == actor.user_id),
            ),
        )
    return false()


def work_list(
    session: Session,
    actor: Actor,
    *,
    today: dt.date | None = None,
    horizon_days: int | None = DEFAULT_HORIZON,
    limit: int | None = 500,
    offset: int = 0,
) -> list[VisitInfo]:
    """The planned visits of closed cases that the actor answers for (a mediator: those
    they are responsible for, or of their cases when nobody is; an office manager: the
    office's; city managers and administrators: all), planned on or before
    ``today + horizon_days`` (None: all), overdue first, then by deadline and plan."""
    require_capability(actor, Capability.FOLLOW_UPS, "站点工作人员不负责回访")
    today = today or legal_today()
    query, lim = _visit_query()
    query = query.where(
        FollowUpVisit.state == VisitState.PLANNED,
        Case.status == CaseStatus.CLOSED,
        _answers_for(actor),
    )
    if horizon_days is not None:
        query = query.where(FollowUpVisit.due_on <= today + dt.timedelta(days=horizon_days))
    query = query.order_by(
        lim.due_on.is_(None), lim.due_on, FollowUpVisit.due_on, Case.number, FollowUpVisit.id
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [_info(row, today) for row in session.execute(query)]


def _may_record(actor: Actor, visit: FollowUpVisit, case: Case) -> bool:
    if actor.role == Role.CITY_MANAGER:
        return True
    if actor.role == Role.OFFICE_MANAGER:
        return case.office_id == actor.office_id
    if actor.role == Role.MEDIATOR and actor.user_id is not None:
        return case.office_id == actor.office_id and actor.user_id in (
            visit.responsible_id,
            case.mediator_id,
        )
    return False


def visit_info(
    session: Session, actor: Actor, visit_id: int, *, today: dt.date | None = None
) -> VisitInfo:
    """One visit, for whoever answers for it (see :func:`work_list`)."""
    query, _ = _visit_query()
    row = session.execute(
        query.where(FollowUpVisit.id == visit_id, _answers_for(actor))
    ).one_or_none()
    if row is None:
        raise NotFound(
            f"回访 {visit_id} 不存在或不由您负责", code="visit_not_yours", visit=visit_id
        )
    return _info(row, today or legal_today())


# --------------------------------------------------------------------------- recording


def _text(field: str, value: str | None, errors: list[ValidationError], *, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        errors.append(
            ValidationError(field, f"内容过长（最多{limit}字）", code="too_long", limit=limit)
        )
    return text


def record_visit(
    session: Session,
    actor: Actor,
    visit_id: int,
    *,
    done_on: dt.date,
    method: VisitMethod | str,
    person_visited: str,
    performance: Performance | str | None,
    satisfaction: int,
    notes: str | None = None,
    problems: str | None = None,
    next_action: str | None = None,
    today: dt.date | None = None,
) -> VisitInfo:
    """Record a planned visit as done; its limit is met and its alerts withdrawn.

    Refused: ``NotFound`` for an unknown visit; ``PermissionDenied`` unless the actor may
    record it (module docstring); ``IllegalTransition`` when it is no longer planned or the
    case was reopened; ``ValidationError(s)`` for the fields — the date between the
    closure and today, a known method, the person visited (required, at most 100
    characters), performance full/partial/none (required when the case ended in an
    agreement, else optional), satisfaction an integer 1–5, texts of at
    most 2000 characters."""
    today = today or legal_today()
    visit = session.get(FollowUpVisit, visit_id)
    if visit is None:
        raise NotFound(f"回访 {visit_id} 不存在", code="visit_not_found", visit=visit_id)
    case = session.get(Case, visit.case_id)
    assert case is not None  # foreign key
    if not _may_record(actor, visit, case):
        raise PermissionDenied(
            f"案件 {case.number} 的回访不由您负责", code="case_visits_not_yours", case=case.number
        )
    if visit.state != VisitState.PLANNED:
        raise IllegalTransition(
            f"案件 {case.number} 的该次回访已{_STATE_TEXT[visit.state]}",
            code="visit_not_planned",
            case=case.number,
        )
    if case.status != CaseStatus.CLOSED:
        raise IllegalTransition(
            f"案件 {case.number} 已重新打开，回访计划已失效", code="case_reopened", case=case.number
        )
    errors: list[ValidationError] = []
    if not isinstance(done_on, dt.date) or isinstance(done_on, dt.datetime):
        errors.append(ValidationError("done_on", "回访日期无效", code="date_invalid"))
    elif done_on > today:
        errors.append(ValidationError("done_on", "回访日期不能晚于今天", code="date_in_future"))
    elif case.closed_on is not None and done_on < case.closed_on:
        errors.append(
            ValidationError(
                "done_on",
                f"回访日期不能早于结案日期 {case.closed_on}",
                code="before_closure",
                closed_on=case.closed_on,
            )
        )
    method_value: VisitMethod | None = None
    try:
        method_value = VisitMethod(method)
    except ValueError:
        errors.append(ValidationError("method", "回访方式应为上门、电话或网络", code="method"))
    person = _text("person_visited", person_visited, errors, limit=MAX_PERSON)
    if not person:
        errors.append(ValidationError("person_visited", "请填写受访人", code="required"))
    performance_value: Performance | None = None
    with contextlib.suppress(ValueError):
        performance_value = Performance(performance) if performance is not None else None
    agreed = case.outcome in AGREED_OUTCOMES
    if (performance is not None or agreed) and performance_value not in RECORDED_PERFORMANCE:
        errors.append(
            ValidationError(
                "performance", "履行情况应为全部履行、部分履行或未履行", code="performance"
            )
        )
    if (
        isinstance(satisfaction, bool)
        or not isinstance(satisfaction, int)
        or not (1 <= satisfaction <= 5)
    ):
        errors.append(ValidationError("satisfaction", "满意度应为1到5的整数", code="satisfaction"))
    texts = {
        name: _text(name, value, errors, limit=MAX_TEXT) or None
        for name, value in (("notes", notes), ("problems", problems), ("next_action", next_action))
    }
    if errors:
        raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
    visit.state = VisitState.DONE
    visit.done_on = done_on
    visit.method = method_value
    visit.visitor_id = actor.user_id
    visit.person_visited = person
    visit.performance = performance_value
    visit.satisfaction = satisfaction
    visit.notes = texts["notes"]
    visit.problems = texts["problems"]
    visit.next_action = texts["next_action"]
    session.flush()
    refresh_case_limits(session, case)
    query, _ = _visit_query()
    return _info(session.execute(query.where(FollowUpVisit.id == visit.id)).one(), today)
