"""Follow-up visits for a demo database: planned for the closed cases, most of them recorded.

:func:`add_demo_follow_ups` plans the visits of every closed case that has none, exactly as
:func:`~ipdesk.services.cases.followups.schedule_follow_ups_for_closed` would (same sample, same
days, the case's mediator responsible, a ``follow_up`` limit per visit), and records the
visits planned on or before ``today``: about 94 % of them are done, mostly within three
weeks of the planned day (a few late), by the responsible mediator, by phone, on the spot
or online, with a performance (for cases that ended in an agreement), a satisfaction and
short notes; a visit whose record would lie after ``today`` stays planned. The follow-up
rate of a year comes out at about 90 %.

Each visit's fate depends only on the seed and the visit's id, so a rerun (or a run on a
later day) records what an earlier run left planned in the same way: the function is
idempotent for one ``today`` and deterministic per seed.

Speed (a database of 1,000,000 cases has about 900,000 visits): the closed cases are read
a chunk at a time by id, all in one snapshot (:func:`follow_up_chunks`); the new visits
get their ids there (after the largest one), so that each is written once, already in its
final state, with its limit (met or running), by one bulk insert per table and chunk, each
chunk one transaction: no INSERT … RETURNING row by row and no UPDATE pass. A large demo
load produces the chunks in its worker process while this one writes (demo/generator.py);
the rows are the same wherever they are produced. Visits planned before the run (by the
application at closure, or by an earlier run) are recorded first, with one
``executemany`` per chunk and table.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from bisect import bisect
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Any, Final, TypeVar

from sqlalchemy import Engine, Table, and_, bindparam, func, select, text, update
from sqlalchemy.orm import Session, aliased, sessionmaker

from ipdesk.demo.draws import DemoRandom
from ipdesk.demo.worker import reading_snapshot
from ipdesk.models import (
    Case,
    CaseLimit,
    CaseStatus,
    FollowUpVisit,
    LimitKind,
    LimitState,
    Party,
    PartyRole,
    Performance,
    VisitMethod,
    VisitState,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.followups import (
    AGREED_OUTCOMES,
    UNSCHEDULED,
    VisitPlanner,
    list_policies,
)
from ipdesk.services.cases.limits import LimitContext
from ipdesk.services.infra.bulk import driver_rows, insert_rows
from ipdesk.services.queries import dashboard_summary

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = [
    "DONE_SHARE",
    "DemoFollowUpSummary",
    "FollowUpChunk",
    "add_demo_follow_ups",
    "follow_up_chunks",
]

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


def _cumulative(table: tuple[tuple[T, int], ...]) -> tuple[tuple[T, ...], list[int]]:
    values, weights = zip(*table, strict=True)
    return values, list(accumulate(weights))


def _weighted(rng: random.Random, table: tuple[tuple[T, ...], list[int]]) -> T:
    """The draw of ``rng.choices(values, weights)[0]``, the weights summed once (_cumulative)."""
    values, cum_weights = table
    return values[bisect(cum_weights, rng.random() * cum_weights[-1], 0, len(values) - 1)]


_METHODS_DRAW: Final = _cumulative(_METHODS)
_PERFORMANCE_DRAW: Final = _cumulative(_PERFORMANCE)
_SATISFACTION_DRAW: Final = _cumulative(_SATISFACTION)


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
        person_visited=bindparam("b_person_visited"),
        performance=bindparam("b_performance"),
        satisfaction=bindparam("b_satisfaction"),
        notes=bindparam("b_notes"),
        problems=bindparam("b_problems"),
        next_action=bindparam("b_next_action"),
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


def _record(
    seed: int,
    today: dt.date,
    visit_id: int,
    planned_on: dt.date,
    outcome: CaseStatus | None,
    person: str | None,
) -> dict[str, Any] | None:
    """The record of a visit planned on ``planned_on`` (columns of ``follow_up_visits``),
    or None when it stays planned. Depends only on the seed and the visit's id."""
    rng = DemoRandom(seed * 1_000_003 + visit_id)
    if rng.random() >= DONE_SHARE:
        return None
    if rng.random() < LATE_SHARE:
        done_on = planned_on + dt.timedelta(days=rng.randrange(31, 75))
    else:
        done_on = planned_on + dt.timedelta(days=rng.randrange(0, 22))
    if done_on > today:
        return None
    performance = _weighted(rng, _PERFORMANCE_DRAW) if outcome in AGREED_OUTCOMES else None
    notes = rng.choice(_NOTES[performance] if performance is not None else _NO_AGREEMENT_NOTES)
    satisfaction = _weighted(rng, _SATISFACTION_DRAW)
    if performance == Performance.NONE:
        satisfaction = min(satisfaction, 3)
    return {
        "state": VisitState.DONE,
        "done_on": done_on,
        "method": _weighted(rng, _METHODS_DRAW),
        "person_visited": person or "申请人",
        "performance": performance,
        "satisfaction": satisfaction,
        "notes": notes,
        "problems": _PROBLEMS[performance] if performance else "无",
        "next_action": _NEXT[performance] if performance else "不再回访。",
    }


_PLANNED: Final = {
    "state": VisitState.PLANNED,
    "done_on": None,
    "method": None,
    "person_visited": None,
    "performance": None,
    "satisfaction": None,
    "notes": None,
    "problems": None,
    "next_action": None,
}


def _first_applicant() -> Any:
    applicant = aliased(Party)
    return (
        select(applicant.name)
        .where(applicant.case_id == Case.id, applicant.role == PartyRole.APPLICANT)
        .order_by(applicant.position, applicant.id)
        .limit(1)
        .scalar_subquery()
    )


def _unindexed(column: Any) -> Any:
    """The column in an expression that no index serves, so that a query walking a table
    by id (``id > last ORDER BY id LIMIT n``) reads it in the primary key's order."""
    return func.coalesce(column, column)


@dataclass
class _Counts:
    scheduled: int = 0
    planned: int = 0
    done: int = 0
    late: int = 0


@dataclass(frozen=True)
class FollowUpChunk:
    """The new visits of a chunk of closed cases and their limits, ready for the driver."""

    visits: tuple[list[str], list[tuple[Any, ...]]]  # columns, values
    limits: tuple[list[str], list[tuple[Any, ...]]]
    examined: int  # closed cases examined up to and including this chunk
    counts: _Counts  # up to and including this chunk


def add_demo_follow_ups(
    session_factory: sessionmaker[Session],
    seed: int,
    today: dt.date,
    *,
    chunk: int = CHUNK,
    progress: Callable[[int, int], None] | None = None,
    produced: Iterable[FollowUpChunk] | None = None,
) -> DemoFollowUpSummary:
    """Plan and record the follow-up visits of a demo database (module docstring).
    ``progress`` is called with the closed cases examined and their total. ``produced``:
    the chunks of :func:`follow_up_chunks`, if they are produced elsewhere (in a worker
    process, demo/generator.py) from a snapshot taken before this runs; by default they
    are produced here, all of them before the first is written (a small load's: a large
    one has its worker)."""
    started = time.perf_counter()
    earlier = _Counts()
    with session_factory() as session:
        engine = session.get_bind()
        first_new = (session.scalar(select(func.max(FollowUpVisit.id))) or 0) + 1
        total = 0
        if progress is not None:
            total = session.scalar(select(func.count()).select_from(Case).where(UNSCHEDULED)) or 0
    assert isinstance(engine, Engine)
    _record_earlier(session_factory, seed, today, chunk, earlier, before=first_new)
    if produced is None:
        # Read first, then write: also where both share one connection (SQLite in memory).
        with reading_snapshot(engine) as reader:
            produced = list(follow_up_chunks(reader, seed, today, chunk))
    new = _write_all(session_factory, produced, progress, total)
    summary = DemoFollowUpSummary(
        cases_scheduled=new.scheduled,
        visits_planned=new.planned,
        visits_done=earlier.done + new.done,
        visits_late=earlier.late + new.late,
        seconds=time.perf_counter() - started,
    )
    log.info("Demo follow-up visits: %s", summary)
    return summary


def _write_all(
    session_factory: sessionmaker[Session],
    produced: Iterable[FollowUpChunk],
    progress: Callable[[int, int], None] | None,
    total: int,
) -> _Counts:
    counts = _Counts()
    for item in produced:
        with session_factory.begin() as session:
            names, values = item.visits
            visited = {row[names.index("case_id")] for row in values} if values else set()
            with dashboard_summary.changing(session, visited):
                insert_rows(session, _VISITS, *item.visits)
            insert_rows(session, _LIMITS, *item.limits)
            if item.visits[1] and session.get_bind().dialect.name == "postgresql":
                # Explicit ids bypass the serial sequence: move it past the new rows.
                session.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence('follow_up_visits', 'id'), "
                        "(SELECT max(id) FROM follow_up_visits))"
                    )
                )
        counts = item.counts
        if progress is not None:
            progress(item.examined, total)
    return counts


#: The closed cases without visits (as schedule_follow_ups_for_closed plans them).
def follow_up_chunks(
    reader: Session, seed: int, today: dt.date, chunk: int = CHUNK
) -> Generator[FollowUpChunk, None, None]:
    """The visits of the closed cases without any, planned (as
    schedule_follow_ups_for_closed) and recorded, each once in its final state with its
    limit, a chunk of cases at a time, as read by ``reader`` (a snapshot,
    demo/worker.reading_snapshot: the caller writes the chunks meanwhile). The
    new visits' ids follow the largest one the snapshot holds."""
    # Walk the cases by id: with the status index, SQLite would read all closed cases
    # past the last id (and their subqueries) for every chunk, then sort them.
    walked = and_(
        _unindexed(Case.status) == CaseStatus.CLOSED,
        *UNSCHEDULED.clauses[1:],
    )
    candidates = select(
        Case.id,
        Case.number,
        Case.category,
        Case.closed_on,
        Case.office_id,
        Case.station_id,
        Case.mediator_id,
        Case.outcome,
        _first_applicant(),
    ).where(walked)
    context = LimitContext.load(reader)
    planner = VisitPlanner({p.category: p for p in list_policies(reader, Actor.system())}, context)
    dialect = reader.get_bind().dialect.name
    next_id = (reader.scalar(select(func.max(FollowUpVisit.id))) or 0) + 1
    counts = _Counts()
    examined = last_id = 0
    while True:
        batch = (  # Core rows: the ORM's loading adds nothing to plain columns
            reader.connection()
            .execute(candidates.where(Case.id > last_id).order_by(Case.id).limit(chunk))
            .all()
        )
        if not batch:
            return
        last_id = batch[-1][0]
        examined += len(batch)
        visits: list[dict[str, Any]] = []
        limits: list[dict[str, Any]] = []
        for (
            case_id,
            number,
            category,
            closed_on,
            office_id,
            station_id,
            mediator_id,
            outcome,
            person,
        ) in batch:
            days = planner.days(number, category, closed_on)
            if days:
                counts.scheduled += 1
            for day in days:
                visit_id = next_id
                next_id += 1
                record = None
                if day <= today:
                    record = _record(seed, today, visit_id, day, outcome, person)
                visit = {
                    "id": visit_id,
                    "case_id": case_id,
                    "office_id": office_id,
                    "station_id": station_id,
                    "due_on": day,
                    "responsible_id": mediator_id,
                    "visitor_id": mediator_id if record else None,
                }
                visit |= record or _PLANNED
                visits.append(visit)
                due = planner.limit(day)
                deadline = due.due if due is not None else None
                if due is not None:
                    limits.append(
                        {
                            "case_id": case_id,
                            "kind": LimitKind.FOLLOW_UP,
                            "ref_key": visit_id,
                            "start_on": day,
                            "due_on": deadline,
                            "state": LimitState.MET if record else LimitState.RUNNING,
                            "met_on": record["done_on"] if record else None,
                            "calendar_covered": due.calendar_covered,
                        }
                    )
                if record:
                    counts.done += 1
                    if deadline is not None and record["done_on"] > deadline:
                        counts.late += 1
        counts.planned += len(visits)
        yield FollowUpChunk(
            driver_rows(_VISITS, visits, dialect),
            driver_rows(_LIMITS, limits, dialect),
            examined,
            replace(counts),
        )


def _record_earlier(
    session_factory: sessionmaker[Session],
    seed: int,
    today: dt.date,
    chunk: int,
    counts: _Counts,
    *,
    before: int,
) -> None:
    """Record the visits planned before this run (ids below ``before``) that are due."""
    limit = aliased(CaseLimit)
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
                    _first_applicant(),
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
                    FollowUpVisit.id < before,
                    _unindexed(FollowUpVisit.state) == VisitState.PLANNED,
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
                record = _record(seed, today, visit_id, planned_on, outcome, name)
                if record is None:
                    continue
                visits.append(
                    {"b_id": visit_id, "b_case": case_id, "b_visitor": responsible}
                    | {f"b_{key}": value for key, value in record.items()}
                )
                if deadline is not None and record["done_on"] > deadline:
                    counts.late += 1
            if visits:
                connection = session.connection()
                with dashboard_summary.changing(connection, {v["b_case"] for v in visits}):
                    connection.execute(_UPDATE_VISIT, visits)
                connection.execute(_MEET_LIMIT, visits)
                counts.done += len(visits)
