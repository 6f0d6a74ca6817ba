"""Follow-up visits for a demo database: planned for the closed cases, most of them recorded.

:func:`add_demo_follow_ups` first plans the visits of every closed case that has none
(:func:`~ipdesk.services.followups.schedule_follow_ups_for_closed`, in bulk), then records
the visits planned on or before ``today``: about 94 % of them are done, mostly within
three weeks of the planned day (a few late), by the responsible mediator, by phone, on the
spot or online, with a performance (for cases that ended in an agreement), a satisfaction
and short notes; a visit whose record would lie after ``today`` stays planned. The
follow-up rate of a year comes out at about 90 %.

Each visit's fate depends only on the seed and the visit's id, so a rerun (or a run on a
later day) records what an earlier run left planned in the same way: the function is
idempotent for one ``today`` and deterministic per seed. Rows are updated with one
``executemany`` per chunk and table, each chunk its own transaction; a database of
1,000,000 cases (about 900,000 visits) takes a few minutes.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Table, and_, bindparam, select, update
from sqlalchemy.orm import Session, aliased, sessionmaker

from ipdesk.models import (
    Case,
    CaseLimit,
    FollowUpVisit,
    LimitKind,
    LimitState,
    Party,
    PartyRole,
    Performance,
    VisitMethod,
    VisitState,
)
from ipdesk.services.followups import AGREED_OUTCOMES, schedule_follow_ups_for_closed

__all__ = ["DONE_SHARE", "DemoFollowUpSummary", "add_demo_follow_ups"]

CHUNK: Final = 5000
DONE_SHARE: Final = 0.94
LATE_SHARE: Final = 0.06  # of the visits done: after the 30-day limit

_METHODS: Final = ((VisitMethod.PHONE, 60), (VisitMethod.VISIT, 25), (VisitMethod.ONLINE, 15))
_PERFORMANCE: Final = ((Performance.FULL, 80), (Performance.PARTIAL, 14), (Performance.NONE, 6))
_SATISFACTION: Final = ((5, 55), (4, 30), (3, 10), (2, 3), (1, 2))
_NOTES: Final = {
    Performance.FULL: (
        "被申请人已按协议支付全部款项并下架侵权商品，申请人表示满意。",
        "协议约定事项均已履行完毕，双方未再发生纠纷。",
        "经核实，侵权商品已全部下架，赔偿款已到账。",
    ),
    Performance.PARTIAL: (
        "赔偿款已支付一部分，余款约定下月付清。",
        "侵权商品已下架，赔偿款尚未全部支付。",
    ),
    Performance.NONE: (
        "被申请人尚未履行协议，已告知申请人可申请强制执行或提起诉讼。",
        "被申请人以经营困难为由未履行，已督促其尽快履行。",
    ),
}
_NO_AGREEMENT_NOTES: Final = (
    "申请人表示已通过其他途径解决纠纷。",
    "申请人已向人民法院起诉，对调解工作表示理解。",
    "回访时申请人对办理过程无异议。",
)
_PROBLEMS: Final = {
    Performance.FULL: "无",
    Performance.PARTIAL: "尚有部分款项未付",
    Performance.NONE: "协议未履行",
}
_NEXT: Final = {
    Performance.FULL: "不再回访。",
    Performance.PARTIAL: "一个月后电话跟进余款支付情况。",
    Performance.NONE: "指导申请人申请司法确认后的强制执行。",
}


@dataclass(frozen=True)
class DemoFollowUpSummary:
    cases_scheduled: int
    visits_planned: int
    visits_done: int
    visits_late: int  # done after their limit's due date
    seconds: float


def _weighted(rng: random.Random, table: tuple[tuple[Any, int], ...]) -> Any:
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights)[0]


def _table(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_VISITS = _table(FollowUpVisit)
_LIMITS = _table(CaseLimit)
_UPDATE_VISIT = (
    update(_VISITS)
    .where(_VISITS.c.id == bindparam("b_id"))
    .values(
        state=bindparam("b_state"),
        done_on=bindparam("b_done_on"),
        method=bindparam("b_method"),
        visitor_id=bindparam("b_visitor"),
        person_visited=bindparam("b_person"),
        performance=bindparam("b_performance"),
        satisfaction=bindparam("b_satisfaction"),
        notes=bindparam("b_notes"),
        problems=bindparam("b_problems"),
        next_action=bindparam("b_next"),
    )
)
_MEET_LIMIT = (
    update(_LIMITS)
    .where(
        _LIMITS.c.case_id == bindparam("b_case"),
        _LIMITS.c.kind == LimitKind.FOLLOW_UP,
        _LIMITS.c.ref_key == bindparam("b_id"),
    )
    .values(state=LimitState.MET, met_on=bindparam("b_done_on"))
)


def add_demo_follow_ups(
    session_factory: sessionmaker[Session],
    seed: int,
    today: dt.date,
    *,
    chunk: int = CHUNK,
    progress: Callable[[int, int], None] | None = None,
) -> DemoFollowUpSummary:
    """Plan and record the follow-up visits of a demo database (module docstring)."""
    started = time.perf_counter()
    with session_factory.begin() as session:
        planned = schedule_follow_ups_for_closed(session, batch_size=chunk)
    applicant = aliased(Party)
    first_applicant = (
        select(applicant.name)
        .where(applicant.case_id == Case.id, applicant.role == PartyRole.APPLICANT)
        .order_by(applicant.position, applicant.id)
        .limit(1)
        .scalar_subquery()
    )
    limit = aliased(CaseLimit)
    done = late = 0
    last_id = 0
    while True:
        with session_factory.begin() as session:
            rows = session.execute(
                select(
                    FollowUpVisit.id,
                    FollowUpVisit.case_id,
                    FollowUpVisit.due_on,
                    FollowUpVisit.responsible_id,
                    Case.outcome,
                    first_applicant,
                    limit.due_on,
                )
                .join(Case, Case.id == FollowUpVisit.case_id)
                .outerjoin(
                    limit,
                    and_(
                        limit.case_id == FollowUpVisit.case_id,
                        limit.kind == LimitKind.FOLLOW_UP,
                        limit.ref_key == FollowUpVisit.id,
                    ),
                )
                .where(
                    FollowUpVisit.id > last_id,
                    FollowUpVisit.state == VisitState.PLANNED,
                    FollowUpVisit.due_on <= today,
                )
                .order_by(FollowUpVisit.id)
                .limit(chunk)
            ).all()
            if not rows:
                break
            last_id = rows[-1][0]
            visits: list[dict[str, Any]] = []
            for visit_id, case_id, planned_on, responsible, outcome, name, deadline in rows:
                rng = random.Random(seed * 1_000_003 + visit_id)
                if rng.random() >= DONE_SHARE:
                    continue
                if rng.random() < LATE_SHARE:
                    done_on = planned_on + dt.timedelta(days=rng.randrange(31, 75))
                else:
                    done_on = planned_on + dt.timedelta(days=rng.randrange(0, 22))
                if done_on > today:
                    continue
                performance = _weighted(rng, _PERFORMANCE) if outcome in AGREED_OUTCOMES else None
                notes = rng.choice(
                    _NOTES[performance] if performance is not None else _NO_AGREEMENT_NOTES
                )
                satisfaction = _weighted(rng, _SATISFACTION)
                if performance == Performance.NONE:
                    satisfaction = min(satisfaction, 3)
                visits.append(
                    {
                        "b_id": visit_id,
                        "b_case": case_id,
                        "b_state": VisitState.DONE,
                        "b_done_on": done_on,
                        "b_method": _weighted(rng, _METHODS),
                        "b_visitor": responsible,
                        "b_person": name or "申请人",
                        "b_performance": performance,
                        "b_satisfaction": satisfaction,
                        "b_notes": notes,
                        "b_problems": _PROBLEMS.get(performance, "无") if performance else "无",
                        "b_next": _NEXT.get(performance, "不再回访。")
                        if performance
                        else "不再回访。",
                    }
                )
                if deadline is not None and done_on > deadline:
                    late += 1
            if visits:
                connection = session.connection()
                connection.execute(_UPDATE_VISIT, visits)
                connection.execute(_MEET_LIMIT, visits)
                done += len(visits)
        if progress is not None:
            progress(done, planned.visits)
    return DemoFollowUpSummary(
        cases_scheduled=planned.scheduled,
        visits_planned=planned.visits,
        visits_done=done,
        visits_late=late,
        seconds=time.perf_counter() - started,
    )
