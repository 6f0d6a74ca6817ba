"""Reading cases: the filtered, sorted case list (by pages of ids) and one case in full.

Built for a lazy list model over a million cases, like Anki's browser: the model asks
:func:`first_page` for the first page's ids and rows (without counting a million cases
first), :func:`count_cases` for the row count afterwards, :func:`case_ids` for any other
page of ids in the chosen order and :func:`case_rows` for the cells of the ids it shows.
Filtering and sorting happen in SQL, always within
:func:`ipdesk.services.rules.access.case_scope`.

Orders (each ends with the id, so it is total and reverses exactly):

* ``number``: the case number;
* ``received``: the received date;
* ``due``: the case's due date (the handling limit's; before acceptance, the decision on
  acceptance's); cases without one count as due last, i.e. they come after all others
  ascending and before them descending;
* ``status``: the life-cycle order (registered, accepted, mediating, ..., closed), then
  the due date as above.

Each order is read as a sequence of index ranges ("buckets": one per status, dated and
undated cases), so the database never sorts the whole table. On SQLite the planner is told
(``likely()``) to walk the sort order's index when the filter keeps many cases (it would
otherwise fetch them all by the filter's index and sort them); a page near the end is read
backwards when the caller passes the ``total`` it got from :func:`count_cases`. The open
cases of an office or of the city by due date (the list office managers and mediators use
most) are read from the open cases' partial indexes, which hold them in that order.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import (
    ARRAY,
    Column,
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    any_,
    bindparam,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
)
from sqlalchemy import case as sql_case
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BooleanClauseList, True_
from sqlalchemy.sql.visitors import replacement_traverse

from ipdesk.models import (
    OPEN_STATUSES,
    Agency,
    Attachment,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    Document,
    IpType,
    LimitKind,
    LimitRule,
    Office,
    Party,
    PartyRole,
    Role,
    Station,
    User,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.limits import RUNNING_STATUSES, parse_warn_days
from ipdesk.services.errors import NotFound, PermissionDenied, ValidationError
from ipdesk.services.infra.audit import record_access
from ipdesk.services.queries.lookups import is_unusable_key
from ipdesk.services.queries.search import (
    sqlite_docs_cases,
    sqlite_docs_few,
    sqlite_docs_has,
    sqlite_docs_ids,
    sqlite_docs_query,
    sqlite_docs_share,
    text_condition,
)
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.access import case_scope, require_case
from ipdesk.services.rules.deadlines import legal_today

if TYPE_CHECKING:
    from ipdesk.services.queries.dashboard import DashboardFilter, Unit

# Above this many matching cases, SQLite is told (likely()) to walk the sort order's index
# and filter on the way: the first page is then found after a few hundred rows, where
# fetching 800,000 matches by the filter's index and sorting them takes most of a second.
# Below it, fetching the matches by the filter's index and sorting them is the faster way,
# and PostgreSQL is made to do so (a MATERIALIZED CTE) rather than trust its estimates.
_WALK_SORT_INDEX_ABOVE = 20_000

LIFE_CYCLE: tuple[CaseStatus, ...] = (
    CaseStatus.REGISTERED,
    CaseStatus.ACCEPTED,
    CaseStatus.MEDIATING,
    CaseStatus.AGREEMENT,
    CaseStatus.CONFIRMATION_REQUESTED,
    CaseStatus.CONFIRMED,
    CaseStatus.CONFIRMATION_DENIED,
    CaseStatus.FAILED,
    CaseStatus.WITHDRAWN,
    CaseStatus.ADJUDICATED,
    CaseStatus.REJECTED,
    CaseStatus.CLOSED,
)
STATUS_FILTERS = (*(s.value for s in LIFE_CYCLE), "suspended", "open")


class DeadlineState(enum.StrEnum):
    OVERDUE = "overdue"  # open, clock running, due date passed
    DUE_SOON = "due_soon"  # open, clock running, due today or within the warning days
    PAUSED = "paused"  # clock stopped (suspended)
    NONE = "none"  # no handling limit (not accepted)


SortKey = Literal["number", "received", "due", "status"]


@dataclass(frozen=True)
class FigureCases:
    """The cases behind one number of the dashboard (a drill-down): exactly those
    :func:`ipdesk.services.queries.dashboard.drill_down` lists for the same arguments,
    read by its condition (the list shows its first rows without fetching hundreds of
    thousands of ids first)."""

    filter: DashboardFilter
    key: str
    unit: Unit


@dataclass(frozen=True)
class CaseFilter:
    """What the list shows. ``office`` / ``station``: an id (int) or a code (str).
    ``status``: a :class:`CaseStatus` value, ``"suspended"`` (the clock stands still,
    whatever the state) or ``"open"`` (not closed or rejected). ``deadline``: a
    :class:`DeadlineState` value. ``text``: the search box (see ipdesk.services.queries.search).
    ``case_ids``: only these cases, any number of them. ``figure``: only the cases behind
    a number of the dashboard (a drill-down)."""

    office: int | str | None = None
    station: int | str | None = None
    status: str | None = None
    ip_type: str | None = None
    deadline: str | None = None
    due_within_days: int | None = None  # default: the handling rule's first warning
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    text: str = ""
    case_ids: tuple[int, ...] | None = None
    figure: FigureCases | None = None


@dataclass(frozen=True)
class CaseSort:
    key: SortKey = "received"
    descending: bool = True


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: int
    number: str
    status: str
    is_suspended: bool
    office_code: str
    office_name: str
    station_code: str | None
    station_name: str | None
    applicant: str | None  # the first applicant's name
    respondent: str | None  # the first respondent's name
    ip_type: str
    received_on: dt.date
    accepted_on: dt.date | None
    due_on: dt.date | None
    days_left: int | None  # to the handling due date, while the clock runs
    mediator: str | None
    flags: frozenset[str]  # "open", "overdue", "due_soon", "suspended"


@dataclass(frozen=True)
class PartyDetail:
    id: int
    position: int
    role: str
    kind: str
    name: str
    id_number: str | None  # masked unless revealed
    phone: str | None  # masked unless revealed
    address: str | None  # masked unless revealed
    sex: str | None
    birth_date: dt.date | None  # None unless revealed (it is part of the ID number)
    ethnicity: str | None
    legal_representative: str | None
    legal_representative_title: str | None
    represents_id: int | None
    masked: bool


@dataclass(frozen=True)
class LimitInfo:
    kind: str
    start_on: dt.date
    due_on: dt.date | None
    state: str
    met_on: dt.date | None
    calendar_covered: bool
    days_left: int | None


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    at: dt.datetime
    kind: str
    from_status: str | None
    to_status: str | None
    reason: str | None
    user: str | None  # display name; None for ipdesk-admin and imports without a user
    details: dict[str, Any] | None = None  # what the event records (personal data masked)


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    original_name: str
    stored_name: str  # open with ipdesk.services.cases.intake.attachment_path(store, stored_name)
    sha256: str
    size: int
    description: str | None
    added_at: dt.datetime
    added_by: str | None


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    kind: str
    version: int
    created_at: dt.datetime
    author: str | None
    sha256: str
    size: int
    stored_name: str


@dataclass(frozen=True)
class CaseDetail:
    id: int
    number: str
    version_id: int  # for optimistic locking when the case is edited
    status: str
    is_suspended: bool
    outcome: str | None
    office_id: int
    office_code: str
    office_name: str
    station_code: str | None
    station_name: str | None
    mediator: str | None
    ip_type: str
    right_number: str | None
    right_holder: str | None
    dispute_type: str
    facts: str
    claim: str
    amount_claimed: Decimal | None
    channel: str
    referring_court: str | None
    court_case_number: str | None
    category: str
    received_on: dt.date
    accepted_on: dt.date | None
    closed_on: dt.date | None
    due_on: dt.date | None
    days_left: int | None
    flags: frozenset[str]
    created_at: dt.datetime
    created_by: str | None
    personal_data_revealed: bool
    parties: tuple[PartyDetail, ...]
    limits: tuple[LimitInfo, ...]
    timeline: tuple[TimelineEntry, ...]
    attachments: tuple[AttachmentInfo, ...]
    documents: tuple[DocumentInfo, ...]


# --------------------------------------------------------------------------- filtering


def due_soon_days(session: Session) -> int:
    """How many days before its due date a case counts as due soon: the handling rule's
    largest warning threshold, as on the deadline board (15 by default)."""
    warn_days = session.scalar(
        select(LimitRule.warn_days).where(LimitRule.kind == LimitKind.HANDLING)
    )
    return max(parse_warn_days(warn_days), default=15)


@dataclass(frozen=True)
class _Where:
    conditions: tuple[ColumnElement[bool], ...]
    docs: str | None = None
    """SQLite: the case documents' FTS5 query of the text filter when they answer it
    (several terms: search.sqlite_docs_query); the condition at ``docs_at`` is then the
    documents' ids (search.sqlite_docs_ids)."""
    docs_at: int = -1

    @property
    def condition(self) -> ColumnElement[bool]:
        return and_(*self.conditions)

    @property
    def others(self) -> tuple[ColumnElement[bool], ...]:
        """The conditions but the text filter read from the case documents."""
        return tuple(c for i, c in enumerate(self.conditions) if i != self.docs_at)

    def docs_read(self, probe: bool) -> _Where:
        """The same filter with the case documents read for a walk of the cases in
        another order: each case walked looked up in them (``probe``: a few microseconds
        a case, for matches so dense that a page is found after a few hundred), or their
        matches collected once and the case's id tested against them (``id + 0``: tested,
        not looked up by rowid, which would fetch every match and sort them)."""
        assert self.docs is not None
        test = (
            sqlite_docs_has(self.docs, Case.id)
            if probe
            else (Case.id + literal_column("0")).in_(sqlite_docs_ids(self.docs))
        )
        conditions = list(self.conditions)
        conditions[self.docs_at] = test
        return _Where(tuple(conditions))

    def likely(self) -> ColumnElement[bool]:
        """The conditions, each marked as true for most rows (SQLite's ``likely()``): the
        planner then walks an index in the sort order (using an equality such as the
        office's as its prefix) instead of fetching every match and sorting them."""
        return and_(*(func.likely(c) for c in self.conditions))


def _unit_id(session: Session, model: type[Office] | type[Station], value: int | str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    found = (  # a code with control characters names nothing (and PostgreSQL refuses NUL)
        None
        if is_unusable_key(str(value))
        else session.scalar(select(model.id).where(model.code == str(value)))
    )
    if found is None:
        field, what = ("office", "裁决所") if model is Office else ("station", "站点")
        raise ValidationError(field, f"{what}代码“{value}”不存在", code=f"{field}_unknown")
    return found


def _where(session: Session, actor: Actor, flt: CaseFilter, today: dt.date | None) -> _Where:
    today = today or legal_today()
    conditions: list[ColumnElement[bool]] = [case_scope(actor)]
    if flt.office is not None:
        conditions.append(Case.office_id == _unit_id(session, Office, flt.office))
    if flt.station is not None:
        conditions.append(Case.station_id == _unit_id(session, Station, flt.station))
    if flt.status:
        if flt.status == "suspended":
            conditions.append(Case.is_suspended.is_(True))
        elif flt.status == "open":
            conditions.append(_OPEN)
        elif flt.status in STATUS_FILTERS:
            conditions.append(Case.status == CaseStatus(flt.status))
        else:
            raise ValidationError(
                "status",
                f"无效的状态“{flt.status}”（应为：{'、'.join(STATUS_FILTERS)}）",
                code="status_invalid",
                value=flt.status,
            )
    if flt.ip_type:
        if flt.ip_type not in {t.value for t in IpType}:
            raise ValidationError(
                "ip_type", f"无效的知识产权类型“{flt.ip_type}”", code="ip_type_invalid"
            )
        conditions.append(Case.ip_type == IpType(flt.ip_type))
    if flt.deadline:
        within = flt.due_within_days
        if within is None:
            within = due_soon_days(session)
        conditions.append(_deadline_condition(flt.deadline, within, today))
    if flt.received_from is not None:
        conditions.append(Case.received_on >= flt.received_from)
    if flt.received_to is not None:
        conditions.append(Case.received_on <= flt.received_to)
    docs, docs_at = None, -1
    if flt.text.strip():
        docs = sqlite_docs_query(session, flt.text, actor)
        few = sqlite_docs_few(session, flt.text, actor) if docs is not None else None
        if few is not None:  # every match, found without walking a costly term's doclist
            docs = None
            conditions.append(Case.id.in_(few))
        elif docs is not None:
            docs_at = len(conditions)
            conditions.append(Case.id.in_(sqlite_docs_ids(docs)))
        else:
            condition = text_condition(session, flt.text, actor)
            if condition is not None:
                conditions.append(condition)
    if flt.case_ids is not None:
        conditions.append(_among_ids(session, flt.case_ids))
    if flt.figure is not None:
        # imported for a drill-down only: the dashboard's rules are not on the way to the
        # first page
        from ipdesk.services.queries.dashboard import drill_down_condition

        figure = flt.figure
        condition = drill_down_condition(
            session, actor, figure.filter, figure.key, figure.unit, today=today
        )
        conditions.extend(_conjuncts(condition))
    return _Where(tuple(conditions), docs, docs_at)


def _conjuncts(condition: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    """The terms of ``condition``'s AND, nested ones included, each on its own: SQLite's
    ``likely()`` (_Where.likely) marks a term as keeping most rows only when it wraps that
    term (wrapping an AND, it leaves an index on one of its terms preferred)."""
    if isinstance(condition, BooleanClauseList) and condition.operator is operators.and_:
        return [term for clause in condition.clauses for term in _conjuncts(clause)]
    return [condition]


_OPEN = Case.status.in_(
    bindparam(
        "open_statuses",
        sorted(OPEN_STATUSES, key=lambda s: s.value),
        expanding=True,
        literal_execute=True,
    )
)
"""The open cases, written as the condition of their partial indexes (migration 0022,
``OPEN_STATUS_SQL``): the values in the statement, in alphabetical order. SQLite uses a
partial index only for that very term (bound parameters would not do)."""


def _among_ids(session: Session, case_ids_: Sequence[int]) -> ColumnElement[bool]:
    """``Case.id`` among ``case_ids_`` as ONE bound parameter however many there are
    (SQLite takes at most 32,766 per statement): a JSON array that SQLite reads with
    ``json_each``, an integer array on PostgreSQL (``= ANY``)."""
    if not case_ids_:
        return false()
    wanted = [int(i) for i in case_ids_]
    if session.get_bind().dialect.name == "sqlite":
        listed = func.json_each(json.dumps(wanted)).table_valued("value")
        return Case.id.in_(select(listed.c.value))
    return Case.id == any_(bindparam("case_ids", wanted, type_=ARRAY(Integer), unique=True))


def _deadline_condition(state: str, within: int, today: dt.date) -> ColumnElement[bool]:
    # Failed and withdrawn cases wait to be closed, but their clock has stopped.
    running = and_(Case.status.in_(sorted(RUNNING_STATUSES)), Case.is_suspended.is_(False))
    if state == DeadlineState.OVERDUE:
        return and_(running, Case.due_on < today)
    if state == DeadlineState.DUE_SOON:
        return and_(running, Case.due_on >= today, Case.due_on <= today + dt.timedelta(days=within))
    if state == DeadlineState.PAUSED:
        return Case.is_suspended.is_(True)
    if state == DeadlineState.NONE:
        return Case.due_on.is_(None)
    raise ValidationError(
        "deadline",
        f"无效的期限状态“{state}”（应为：{'、'.join(s.value for s in DeadlineState)}）",
        code="deadline_invalid",
        state=state,
    )


def count_cases(
    session: Session,
    actor: Actor,
    flt: CaseFilter | None = None,
    *,
    today: dt.date | None = None,
) -> int:
    """How many cases the list shows for ``flt``. A million take tens of milliseconds: the
    list shows its :func:`first_page` first and counts afterwards."""
    return _count(session, _where(session, actor, flt or CaseFilter(), today))


def _count(session: Session, where: _Where) -> int:
    if where.docs is not None:  # from the matches, each case looked up (not a list built)
        counted = sqlite_docs_cases(where.docs).where(*where.others).subquery()
        return session.scalar(select(func.count()).select_from(counted)) or 0
    return session.scalar(select(func.count()).select_from(Case).where(where.condition)) or 0


def _surely_many(session: Session, where: _Where) -> bool:
    """True when ``where`` keeps every case (a citywide user's list, unfiltered) and
    PostgreSQL's statistics put the cases far above :data:`_WALK_SORT_INDEX_ABOVE`: counting
    up to it would only cost time (10 ms at 200,000 cases), the sort order's index is the
    way, and the total comes from :func:`count_cases` afterwards."""
    if not all(isinstance(c, True_) for c in where.conditions):
        return False
    if session.get_bind().dialect.name != "postgresql":
        return False  # SQLite counts them in a few milliseconds
    estimate = session.scalar(text("SELECT reltuples FROM pg_class WHERE oid = 'cases'::regclass"))
    return estimate is not None and estimate > 4 * _WALK_SORT_INDEX_ABOVE


def _count_upto(session: Session, where: _Where, most: int) -> int:
    """How many cases ``where`` keeps, counting no further than ``most``."""
    if where.docs is not None:  # from the documents' matches, stopping at ``most``
        collect = sqlite_docs_cases(where.docs).where(*where.others)
    else:
        collect = select(Case.id).where(where.condition)
    matches = collect.limit(most).subquery()
    return session.scalar(select(func.count()).select_from(matches)) or 0


# --------------------------------------------------------------------------- ordering


@dataclass(frozen=True)
class _Bucket:
    condition: ColumnElement[bool] | None
    order: tuple[Any, ...]  # ascending columns


def _buckets(key: SortKey) -> list[_Bucket]:
    dated, undated = Case.due_on.is_not(None), Case.due_on.is_(None)
    if key == "number":
        return [_Bucket(None, (Case.number,))]
    if key == "received":
        return [_Bucket(None, (Case.received_on, Case.id))]
    if key == "due":
        return [_Bucket(dated, (Case.due_on, Case.id)), _Bucket(undated, (Case.id,))]
    if key == "status":
        return [
            _Bucket(and_(Case.status == status, part), order)
            for status in LIFE_CYCLE
            for part, order in ((dated, (Case.due_on, Case.id)), (undated, (Case.id,)))
        ]
    raise ValidationError("sort", f"无效的排序“{key}”", code="sort_invalid", key=key)


def case_ids(
    session: Session,
    actor: Actor,
    flt: CaseFilter | None = None,
    sort: CaseSort | None = None,
    offset: int = 0,
    limit: int | None = None,
    *,
    today: dt.date | None = None,
    total: int | None = None,
) -> list[int]:
    """Ids of the cases ``flt`` keeps, in ``sort`` order, from ``offset``; at most
    ``limit`` (None: all of them — a million ids take about a second on SQLite).

    Pass ``total`` (from :func:`count_cases` with the same filter) when you have it: it
    saves a count, and pages in the second half are then read from the end.
    """
    return _case_ids(session, actor, flt, sort, offset, limit, today, total)[0].tolist()


def case_id_snapshot(
    session: Session,
    actor: Actor,
    flt: CaseFilter | None = None,
    sort: CaseSort | None = None,
    *,
    today: dt.date | None = None,
    total: int | None = None,
) -> array[int]:
    """Every id :func:`case_ids` lists, as 8-byte integers (the case list's snapshot: 8 MB
    for a million, where a list of ints takes 36 MB; on the wire, 4 or 8 bytes an id in
    base64 instead of a JSON list of a million numbers)."""
    return _case_ids(session, actor, flt, sort, 0, None, today, total)[0]


def _case_ids(
    session: Session,
    actor: Actor,
    flt: CaseFilter | None,
    sort: CaseSort | None,
    offset: int,
    limit: int | None,
    today: dt.date | None,
    total: int | None,
) -> tuple[array[int], int | None]:
    """:func:`case_ids`, and the total when it is known (given, or counted on the way
    because it is small)."""
    flt, sort = flt or CaseFilter(), sort or CaseSort()
    if offset < 0 or (limit is not None and limit < 0):
        raise ValueError("offset and limit must not be negative")
    where = _where(session, actor, flt, today)
    sqlite = session.get_bind().dialect.name == "sqlite"
    many = False  # more than _WALK_SORT_INDEX_ABOVE, found on the way
    open_by_due = _open_by_due(actor, flt, sort)
    # the share of the newest cases that the case documents match (a text filter of
    # several terms on SQLite): how the walk of the sort order's index reads them
    share = sqlite_docs_share(session, flt.text, actor) if where.docs is not None else None
    if share is not None and share * _scope_size(session, actor) > 2 * _WALK_SORT_INDEX_ABOVE:
        many = True  # surely many: collecting the first matches would be wasted
    elif (
        total is None and offset == 0 and limit and (flt.text.strip() or flt.case_ids or flt.figure)
    ):
        # A search (or a drill-down) usually keeps few cases: its filter, the costly part,
        # runs once for the page and its total, not once to count and once for the page.
        found = _first_of_few(session, where, sort, limit)
        if found is not None:
            return found
        many = True
    if (
        total is None
        and not many
        and not open_by_due
        and (sqlite or limit is not None)
        and not _surely_many(session, where)
    ):
        # Few or many matches? Counting stops after the first few thousand: a full count of
        # a million takes longer than the page itself. The exact total is only worth its
        # time where it lets a page far from the start be read from the end.
        total = _count_upto(session, where, _WALK_SORT_INDEX_ABOVE + 1)
        if total > _WALK_SORT_INDEX_ABOVE:
            total = _count(session, where) if offset >= _WALK_SORT_INDEX_ABOVE else None
    if limit == 0 or (total is not None and offset >= total):
        return array("q"), total
    descending = sort.descending
    reverse_result = False
    if total is not None and limit is not None and offset > total // 2:
        # Read the page from the other end: the same rows, in reverse.
        first = max(0, total - offset - limit)
        limit = min(limit, total - offset)
        offset, descending, reverse_result = first, not descending, True
    buckets = _buckets(sort.key)
    if descending:
        buckets.reverse()
    few = total is not None and total <= _WALK_SORT_INDEX_ABOVE
    walked = where
    if where.docs is not None and not few:
        # each case walked looked up in the documents when a page is found after a few
        # hundred (dense matches), else their matches collected once
        reach = None if limit is None else offset + limit
        probe = (
            reach is not None
            and share is not None
            and share >= _PROBE_SHARE
            and reach <= _PROBES * share
            and sort.key == "received"
            and descending
        )
        if probe and reach is not None:
            probed = _probe_newest(session, where, offset, reach - offset)
            if probed is not None:
                return probed, total
        walked = where.docs_read(False)
    # the open cases' partial index is walked in its order: the open term as it is written
    # there (not inside likely()), the matches not collected first
    condition = walked.likely() if sqlite and not few and not open_by_due else walked.condition
    collect_first = few and not sqlite and not open_by_due
    result = array("q")
    skip = offset
    connection = session.connection()
    for bucket in buckets:
        want = None if limit is None else limit - len(result)
        if want == 0:
            break
        statement = _bucket_query(condition, bucket, descending, sqlite, collect_first)
        page = statement.offset(skip or None).limit(want)
        rows = _ids_of(connection, page)
        if rows or not skip:
            result.extend(rows)
            skip = 0
        else:  # the whole bucket lies before the page
            skip -= (
                session.scalar(
                    select(func.count()).select_from(statement.order_by(None).subquery())
                )
                or 0
            )
    if reverse_result:
        result.reverse()
    return result, total


_PROBES = 2_000
_PROBE_SHARE = 0.25
"""SQLite, a text filter read from the case documents: a walk of the newest cases
(received, descending) looks each case up in the documents (about 10 us a case) when the
matches are dense among the newest documents (at least _PROBE_SHARE) and the page's end
is expected within _PROBES cases; else the matches are collected first (about 0.4 us a
match: 15-20 ms for 40,000 at 1,000,000 cases). A case looked up that does not match
costs the walk of the terms' doclists to their next common match: cheap where matches
are dense, seconds a case where each term is common and their AND rare (王 伟 有限)."""


_PROBE_CAP = 2_000
"""The most cases a walk looking each up in the case documents reads (_probe_newest)."""


def _probe_newest(session: Session, where: _Where, offset: int, limit: int) -> array[int] | None:
    """SQLite, a text filter read from the case documents whose matches are dense among the
    newest cases: the ids ``offset`` to ``offset + limit`` of the list newest first, found
    among its first _PROBE_CAP cases by the other conditions, each looked up in the
    documents; None when those hold fewer (the matches are collected then). Exact: every
    match before them is among those cases. The cap bounds the lookups where the matches
    turn out sparse (a case that does not match costs the walk of the terms' doclists to
    their next common match)."""
    assert where.docs is not None
    others: list[ColumnElement[bool]] = [func.likely(c) for c in where.others]
    newest_first = (Case.received_on.desc(), Case.id.desc())
    # the last of the first _PROBE_CAP cases (an index's entry): the walk stops there
    last = session.execute(
        select(Case.received_on, Case.id)
        .where(*others)
        .order_by(*newest_first)
        .offset(_PROBE_CAP - 1)
        .limit(1)
    ).first()
    if last is not None:
        on, at = last
        others += [Case.received_on >= on, or_(Case.received_on > on, Case.id >= at)]
    page = (
        select(Case.id)
        .where(*others, sqlite_docs_has(where.docs, Case.id))
        .order_by(*newest_first)
        .offset(offset or None)
        .limit(limit)
    )
    found = _ids_of(session.connection(), page)
    return found if len(found) == limit else None


def _scope_size(session: Session, actor: Actor) -> int:
    """About how many cases ``actor``'s scope holds: the newest id for the city, the
    office's or station's count otherwise (an index range)."""
    if actor.is_citywide:
        return session.scalar(select(func.max(Case.id))) or 0
    return _count(session, _Where((case_scope(actor),)))


def _open_by_due(actor: Actor, flt: CaseFilter, sort: CaseSort) -> bool:
    """True for the open cases of an office or of the city in due-date order (a deadline
    filter may narrow them down): the open cases' partial indexes (migration 0022) hold
    them in that order, so the page is read from the first entries of one, however many
    cases match — neither counted first (to choose a way) nor collected and sorted. A
    station's open cases are few: they are collected by the station's index and sorted."""
    return (
        sort.key == "due"
        and flt.status == "open"
        and flt.station is None
        and actor.role != Role.STATION_STAFF
        and flt.ip_type is None
        and flt.received_from is None
        and flt.received_to is None
        and not flt.text.strip()
        and flt.case_ids is None
        and flt.figure is None
    )


def _first_of_few(
    session: Session, where: _Where, sort: CaseSort, limit: int
) -> tuple[array[int], int] | None:
    """The first ``limit`` ids of ``where`` in ``sort`` order and how many cases it keeps,
    in one statement (the matches collected once, at most one more than
    :data:`_WALK_SORT_INDEX_ABOVE`, then counted and sorted); None when it keeps more
    (the sort order's index is then the way to the first page)."""
    keys: list[Any] = [Case.id]
    if sort.key == "number":
        keys.append(Case.number)
    elif sort.key == "received":
        keys.append(Case.received_on)
    elif sort.key in ("due", "status"):
        keys.append(Case.due_on)
        if sort.key == "status":
            keys.append(Case.status)
    else:
        _buckets(sort.key)  # refuses it
    if where.docs is not None:  # from the documents' matches, stopping at the limit
        collect = sqlite_docs_cases(where.docs).with_only_columns(*keys).where(*where.others)
    else:
        collect = select(*keys).where(where.condition)
    matches = collect.limit(_WALK_SORT_INDEX_ABOVE + 1).cte("matches").prefix_with("MATERIALIZED")
    m = matches.c
    # the buckets' order (:func:`_buckets`) as one ORDER BY over the few matches
    order: list[Any]
    if sort.key == "number":
        order = [m.number]
    elif sort.key == "received":
        order = [m.received_on, m.id]
    else:
        order = [m.due_on.is_(None), m.due_on, m.id]
        if sort.key == "status":
            rank = sql_case(
                *((m.status == status, place) for place, status in enumerate(LIFE_CYCLE)),
                else_=len(LIFE_CYCLE),
            )
            order.insert(0, rank)
    counted = select(func.count()).select_from(matches).scalar_subquery()
    statement = (
        select(m.id, counted)
        .order_by(*(key.desc() if sort.descending else key.asc() for key in order))
        .limit(limit)
    )
    rows = session.execute(statement).all()
    total = rows[0][1] if rows else 0
    if total > _WALK_SORT_INDEX_ABOVE:
        return None
    return array("q", [row[0] for row in rows]), total


def _ids_of(connection: Connection, statement: Select[Any]) -> array[int]:
    """The ids ``statement`` selects, fetched by the driver in chunks of plain 8-byte
    integers: a snapshot of a million ids spends its time in the driver's C code, not in
    SQLAlchemy's row handling (0.5 s of Python for 200,000 ids on PostgreSQL), and does not
    hold a million row tuples at once (64 MB)."""
    result = connection.execute(statement)
    try:
        cursor = result.cursor
        ids = array("q")
        if cursor is None or cursor.description is None:
            return ids
        while chunk := cursor.fetchmany(_FETCH_CHUNK):
            ids.extend([row[0] for row in chunk])
        return ids
    finally:
        result.close()


_FETCH_CHUNK = 20_000


def _bucket_query(
    condition: ColumnElement[bool],
    bucket: _Bucket,
    descending: bool,
    sqlite: bool,
    collect_first: bool = False,
) -> Select[Any]:
    """The ids of one bucket in order. ``collect_first`` (PostgreSQL, few matches): fetch
    the matches with their sort keys first, then sort them; its planner, misjudging how
    many rows a filter keeps, might otherwise walk a sort index through most of the table
    (1 s for the 2,887 overdue among a million cases)."""
    statement = select(Case.id).where(condition)
    if bucket.condition is not None:
        statement = statement.where(bucket.condition)
    columns: tuple[Any, ...] = bucket.order
    if collect_first:
        keys = [Case.id, *(c for c in bucket.order if c is not Case.id)]
        collected = statement.with_only_columns(*keys).cte().prefix_with("MATERIALIZED")
        statement = select(collected.c.id)
        columns = tuple(collected.c[c.key] for c in bucket.order)
    order = []
    for col in columns:
        if sqlite:  # SQLite puts NULLs first ascending; buckets never mix NULLs and dates
            order.append(col.desc() if descending else col.asc())
        else:
            order.append(col.desc().nulls_first() if descending else col.asc().nulls_last())
    return statement.order_by(*order)


# --------------------------------------------------------------------------- rows


_FLAG_SETS = {
    (is_open, state): frozenset(({"open"} if is_open else set()) | ({state} if state else set()))
    for is_open in (False, True)
    for state in ("", "suspended", "overdue", "due_soon")
}
"""The rows' flags, one set for each combination, shared by the rows (not built a row)."""


def _flags(
    status: str,
    is_suspended: bool,
    due_on: dt.date | None,
    today: dt.date,
    due_soon_days: int,
) -> tuple[frozenset[str], int | None]:
    state = ""
    days_left = None
    if is_suspended:
        state = "suspended"
    elif status in RUNNING_STATUSES and due_on is not None:
        days_left = (due_on - today).days
        if days_left < 0:
            state = "overdue"
        elif days_left <= due_soon_days:
            state = "due_soon"
    return _FLAG_SETS[status in OPEN_STATUSES, state], days_left


def _id_among(session: Session, column: Any, wanted: list[int]) -> ColumnElement[bool]:
    """``column IN wanted`` for a page of ids: on PostgreSQL one array parameter (``= ANY``),
    not 200 (psycopg splits a statement at each, and the server plans each list anew). On
    SQLite a list, not a JSON array read by ``json_each``: given one, SQLite walks the
    index of a station's or an office's scope testing each of its cases (thousands) instead
    of looking up the page's ids by rowid."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam("page_ids", wanted, type_=ARRAY(Integer), unique=True))
    return column.in_(wanted)


def _no_index(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """``condition`` with each column of the cases written ``column + 0``: true for the
    same rows, but no index serves it. SQLite, given a page's ids and the scope of an office
    (``office_id = ?``), walked the office's cases by ix_cases_office_received testing each
    against the ids (41,000 at 100,000 cases: 3.5 ms of CPU, ten times that at a million)
    instead of looking up the 200 ids by rowid and testing their scope."""

    def replace(element: Any, **_kw: Any) -> Any:
        if isinstance(element, Column) and element.table is Case.__table__:
            return element + literal_column("0")
        return None

    return replacement_traverse(condition, {}, replace)


def _text(column: Any) -> ColumnElement[str]:
    """An enum column read as the text it holds (its value): the list shows the value, and
    SQLAlchemy's conversion to the enum and back costs more than the rest of a row."""
    return type_coerce(column, String)


_MEDIATOR = aliased(User, name="mediator")
# The statements of the rows, built once rather than at each call (aliasing the mediator
# alone cost milliseconds): each call adds which cases, and the actor's scope.
_ROWS = (
    select(
        Case.id,
        Case.number,
        _text(Case.status),
        Case.is_suspended,
        Office.code,
        Office.name,
        Station.code,
        Station.name,
        _text(Case.ip_type),
        Case.received_on,
        Case.accepted_on,
        Case.due_on,
        _MEDIATOR.display_name,
    )
    .join(Office, Office.id == Case.office_id)
    .outerjoin(Station, Station.id == Case.station_id)
    .outerjoin(_MEDIATOR, _MEDIATOR.id == Case.mediator_id)
)
_PARTY_NAMES = (
    select(Party.case_id, _text(Party.role), Party.name)
    .where(Party.role.in_((PartyRole.APPLICANT, PartyRole.RESPONDENT)))
    .order_by(Party.case_id, Party.position.desc(), Party.id.desc())
)


def case_rows(
    session: Session,
    actor: Actor,
    case_ids_: Sequence[int],
    *,
    today: dt.date | None = None,
    soon_days: int | None = None,
) -> list[CaseRow]:
    """The list's cells for ``case_ids_``, in that order. Ids outside the actor's scope
    (or of deleted cases) are left out.

    Read as plain rows on the session's connection (the ORM's result handling is not
    needed for columns; like :func:`case_ids`, what the database holds: changes not yet
    flushed are not seen), the enums as their text."""
    today = today or legal_today()
    wanted = list(dict.fromkeys(case_ids_))
    if not wanted:
        return []
    if soon_days is None:
        soon_days = due_soon_days(session)
    connection = session.connection()
    scope = case_scope(actor)
    if session.get_bind().dialect.name == "sqlite":
        scope = _no_index(scope)
    rows = connection.execute(_ROWS.where(_id_among(session, Case.id, wanted), scope)).all()
    parties = connection.execute(
        _PARTY_NAMES.where(_id_among(session, Party.case_id, wanted))
    ).all()
    # ordered so that the last one written is each case's first applicant and respondent
    names = {(case_id, role): name for case_id, role, name in parties}
    by_id = {}
    for (
        case_id,
        number,
        status,
        is_suspended,
        office_code,
        office_name,
        station_code,
        station_name,
        ip_type,
        received_on,
        accepted_on,
        due_on,
        mediator_name,
    ) in rows:
        flags, days_left = _flags(status, is_suspended, due_on, today, soon_days)
        by_id[case_id] = CaseRow(
            case_id,
            number,
            status,
            is_suspended,
            office_code,
            office_name,
            station_code,
            station_name,
            names.get((case_id, PartyRole.APPLICANT)),
            names.get((case_id, PartyRole.RESPONDENT)),
            ip_type,
            received_on,
            accepted_on,
            due_on,
            days_left,
            mediator_name,
            flags,
        )
    return [by_id[i] for i in wanted if i in by_id]


@dataclass(frozen=True)
class CasePage:
    """The list's first page. ``total``: how many cases the filter keeps, when that came
    for free (fewer than a page, or few enough to be counted on the way); None when
    there are many — :func:`count_cases` tells how many."""

    ids: list[int]
    rows: list[CaseRow]
    total: int | None


def first_page(
    session: Session,
    actor: Actor,
    flt: CaseFilter | None = None,
    sort: CaseSort | None = None,
    limit: int = 200,
    *,
    today: dt.date | None = None,
    soon_days: int | None = None,
) -> CasePage:
    """The first ``limit`` cases of the list, without counting them all: a new list shows
    these at once and learns its length from :func:`count_cases` afterwards."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    found, total = _case_ids(session, actor, flt, sort, 0, limit, today, None)
    ids = found.tolist()
    if total is None and len(ids) < limit:
        total = len(ids)
    rows = case_rows(session, actor, ids, today=today, soon_days=soon_days)
    return CasePage(ids, rows, total)


# --------------------------------------------------------------------------- one case


def case_detail(
    session: Session,
    actor: Actor,
    number_or_id: int | str,
    *,
    reveal: bool = False,
    today: dt.date | None = None,
    soon_days: int | None = None,
) -> CaseDetail:
    """One case in full, for the case view and ``case show``.

    Parties' ID numbers, phones and addresses are masked (domain.md: 150502********123X,
    138****1234) unless ``reveal`` is asked for by an actor who may view personal data;
    asking without that permission is refused.
    """
    today = today or legal_today()
    if reveal and not actor.may_view_personal_data:
        raise PermissionDenied("您无权查看当事人的完整个人信息", code="personal_data_denied")
    if isinstance(number_or_id, int) and not isinstance(number_or_id, bool):
        case = session.get(Case, number_or_id)
    else:
        number = str(number_or_id).strip()
        case = (
            None
            if is_unusable_key(number)
            else session.scalars(select(Case).where(Case.number == number)).first()
        )
    if case is None:
        raise NotFound(
            f"案件“{number_or_id}”不存在", code="case_number_not_found", case=str(number_or_id)
        )
    require_case(actor, case)
    if reveal:  # showing ID numbers, phones and addresses in full is itself audited
        record_access(session, actor, "case", case.id, "parties")

    users: dict[int, str] = {}

    def user_name(user_id: int | None) -> str | None:
        if user_id is None:
            return None
        if user_id not in users:
            users[user_id] = (
                session.scalar(select(User.display_name).where(User.id == user_id)) or ""
            )
        return users[user_id] or None

    office = session.get(Office, case.office_id)
    assert office is not None
    station = session.get(Station, case.station_id) if case.station_id else None
    court = session.get(Agency, case.referring_court_id) if case.referring_court_id else None
    flags, days_left = _flags(
        case.status, case.is_suspended, case.due_on, today, soon_days or due_soon_days(session)
    )

    parties = tuple(_party_detail(p, reveal) for p in case.parties)
    limits = tuple(
        LimitInfo(
            kind=lim.kind.value,
            start_on=lim.start_on,
            due_on=lim.due_on,
            state=lim.state.value,
            met_on=lim.met_on,
            calendar_covered=lim.calendar_covered,
            days_left=(lim.due_on - today).days
            if lim.due_on is not None and lim.state.value == "running"
            else None,
        )
        for lim in session.scalars(
            select(CaseLimit)
            .where(CaseLimit.case_id == case.id)
            .order_by(CaseLimit.start_on, CaseLimit.id)
        )
    )
    timeline = tuple(
        TimelineEntry(
            id=e.id,
            at=e.at,
            kind=e.kind,
            from_status=e.from_status,
            to_status=e.to_status,
            reason=e.reason,
            user=user_name(e.user_id),
            details=e.details,
        )
        for e in session.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id == case.id)
            .order_by(CaseEvent.at, CaseEvent.id)
        )
    )
    attachments = tuple(
        AttachmentInfo(
            id=a.id,
            original_name=a.original_name,
            stored_name=a.stored_name,
            sha256=a.sha256,
            size=a.size,
            description=a.description,
            added_at=a.added_at,
            added_by=user_name(a.added_by_id),
        )
        for a in session.scalars(
            select(Attachment).where(Attachment.case_id == case.id).order_by(Attachment.id)
        )
    )
    documents = tuple(
        DocumentInfo(
            id=d.id,
            kind=d.kind,
            version=d.version,
            created_at=d.created_at,
            author=user_name(d.author_id),
            sha256=d.sha256,
            size=d.size,
            stored_name=d.stored_name,
        )
        for d in session.scalars(
            select(Document)
            .where(Document.case_id == case.id)
            .order_by(Document.kind, Document.version)
        )
    )
    return CaseDetail(
        id=case.id,
        number=case.number,
        version_id=case.version_id,
        status=case.status.value,
        is_suspended=case.is_suspended,
        outcome=case.outcome.value if case.outcome else None,
        office_id=office.id,
        office_code=office.code,
        office_name=office.name,
        station_code=station.code if station else None,
        station_name=station.name if station else None,
        mediator=user_name(case.mediator_id),
        ip_type=case.ip_type.value,
        right_number=case.right_number,
        right_holder=case.right_holder,
        dispute_type=case.dispute_type.value,
        facts=case.facts,
        claim=case.claim,
        amount_claimed=case.amount_claimed,
        channel=case.channel.value,
        referring_court=court.name if court else None,
        court_case_number=case.court_case_number,
        category=case.category.value,
        received_on=case.received_on,
        accepted_on=case.accepted_on,
        closed_on=case.closed_on,
        due_on=case.due_on,
        days_left=days_left,
        flags=flags,
        created_at=case.created_at,
        created_by=user_name(case.created_by_id),
        personal_data_revealed=reveal,
        parties=parties,
        limits=limits,
        timeline=timeline,
        attachments=attachments,
        documents=documents,
    )


def _party_detail(party: Party, reveal: bool) -> PartyDetail:
    def masked(value: str | None, mask: Any) -> str | None:
        if value is None or reveal:
            return value
        return str(mask(value))

    return PartyDetail(
        id=party.id,
        position=party.position,
        role=party.role.value,
        kind=party.kind.value,
        name=party.name,
        id_number=masked(party.id_number, ids.mask_id),
        phone=masked(party.phone, ids.mask_phone),
        address=masked(party.address, ids.mask_address),
        sex=party.sex,
        birth_date=party.birth_date if reveal else None,
        ethnicity=party.ethnicity,
        legal_representative=party.legal_representative,
        legal_representative_title=party.legal_representative_title,
        represents_id=party.represents_id,
        masked=not reveal,
    )
