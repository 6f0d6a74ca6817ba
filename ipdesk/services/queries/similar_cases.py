"""Like cases, unlike outcomes (类案不同罚): the similar-case panel and the spread of outcomes.

:func:`similar_cases` answers, for a case being mediated or adjudicated, which finished
cases of the same IP type are like it and how they ended:

* the same patent or right number (``ix_cases_right_number``),
* the same respondent: a respondent of the same name or the same ID number / credit code
  (``ix_parties_name``, ``ix_parties_id_number``),
* similar facts: up to :data:`FACT_TERMS` distinctive four-character pieces of the case's
  facts (the parties' names left out), ranked by how many pieces a case shares: on SQLite
  each piece is looked up in the facts column of the cases' full-text index newest first
  (FTS5 trigram table of services/queries/search_index.py); on PostgreSQL, whose trigram
  index is slow for
  pieces of middling frequency, they are compared with the newest
  :data:`PG_FACTS_WINDOW` finished cases of the IP type (:func:`_pg_like_facts`).

Finished means closed, or adjudicated (the decision is made). Each row gives the outcome
(the state the case ended in; for an adjudication whether infringement was found), the
amount agreed (the sum of the agreement's terms), the handling days (acceptance to
closure or decision) and why it is like the case. The work is bounded whatever the size
of the database: each source is read through an index and cut at :data:`PER_SOURCE`.

:func:`outcome_spread` is the managers' view: per IP type and office, how the finished
cases of a period ended and the range and median of the amounts agreed — for all cases,
or only those like one case.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import (
    ColumnElement,
    bindparam,
    column,
    func,
    literal,
    or_,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy import case as sa_case
from sqlalchemy.orm import Session

from ipdesk.models import (
    Adjudication,
    Agreement,
    Case,
    CaseStatus,
    IpType,
    Obligation,
    Office,
    Party,
    PartyRole,
)
from ipdesk.services.actors import Actor
from ipdesk.services.errors import NotFound
from ipdesk.services.rules.access import case_scope, require_case
from ipdesk.services.rules.capabilities import Capability
from ipdesk.services.rules.capabilities import require as require_capability

#: How many pieces of the facts are looked up, and how many hits each source may give.
FACT_TERMS = 6
PER_SOURCE = 100
MAX_CANDIDATES = 300
#: PostgreSQL: how many of the newest finished cases of the IP type the facts are compared
#: with (see _pg_like_facts).
PG_FACTS_WINDOW = 5_000
FINISHED = (CaseStatus.CLOSED, CaseStatus.ADJUDICATED)
_PIECE = 4
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
#: Words of organisations' names: a piece holding one is about a party, not the facts.
_NAME_WORDS = ("公司", "有限", "责任", "商行", "合作社", "经营部", "厂")
#: Characters of grammar rather than of substance: a piece holding one says little.
_FUNCTION_CHARS = frozenset("的在其一该与了是和及人被将对于为从把向这那有")
#: Pieces that say nothing about a dispute (they are in nearly every case's facts).
_COMMON = frozenset(
    {"被申请人", "申请人在", "申请人的", "请求人在", "被请求人", "侵权商品", "侵权产品", "经济损失"}
)


@dataclass(frozen=True)
class SimilarCase:
    case_id: int
    number: str
    office: str
    ip_type: str
    outcome: str  # the state it ended in (closed: its outcome), or "adjudicated"
    infringement_found: bool | None  # an adjudication's decision
    amount_agreed: Decimal | None
    handling_days: int | None
    same_right: bool
    same_respondent: bool
    shared_facts: int  # pieces of the facts in common (0..FACT_TERMS)

    @property
    def score(self) -> tuple[int, int, int]:
        return (int(self.same_right), int(self.same_respondent), self.shared_facts)


@dataclass(frozen=True)
class Spread:
    """How like cases ended: counts per outcome and the agreed amounts' range."""

    count: int
    outcomes: dict[str, int]
    amounts: int  # cases with an agreed amount
    minimum: Decimal | None
    median: Decimal | None
    maximum: Decimal | None


@dataclass(frozen=True)
class SimilarCases:
    case_id: int
    rows: tuple[SimilarCase, ...]
    spread: Spread


def fact_pieces(facts: str, count: int = FACT_TERMS, names: Iterable[str] = ()) -> list[str]:
    """Up to ``count`` distinct four-character pieces of the Chinese runs of ``facts``,
    spread over the text, leaving out the pieces every dispute has and the ``names`` of
    the case's parties (the facts are to be like, not the parties)."""
    text = facts or ""
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        text = text.replace(name, "，")
    pieces: list[str] = []
    for run in _CJK_RUN.findall(text):
        pieces += [run[i : i + _PIECE] for i in range(len(run) - _PIECE + 1)]
    pieces = [
        p
        for p in dict.fromkeys(pieces)
        if p not in _COMMON
        and not _FUNCTION_CHARS & set(p)
        and not any(word in p for word in _NAME_WORDS)
    ]
    if len(pieces) <= count:
        return pieces
    step = len(pieces) / count
    return [pieces[int(i * step)] for i in range(count)]


def _respondents(session: Session, case_id: int) -> tuple[list[str], list[str]]:
    rows = session.execute(
        select(Party.name, Party.id_number).where(
            Party.case_id == case_id, Party.role == PartyRole.RESPONDENT
        )
    ).all()
    return [r[0] for r in rows if r[0]], [r[1] for r in rows if r[1]]


def similar_cases(session: Session, actor: Actor, case_id: int, *, limit: int = 20) -> SimilarCases:
    """The finished cases like ``case_id`` in ``actor``'s part of the network, most alike
    first (same right, same respondent, most facts in common, newest)."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", code="case_not_found", case_id=case_id)
    require_case(actor, case)
    scope = case_scope(actor)
    candidates: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    if case.right_number:
        for other in session.scalars(
            select(Case.id)
            .where(Case.right_number == case.right_number, Case.id != case.id, scope)
            .order_by(Case.id.desc())
            .limit(PER_SOURCE)
        ):
            candidates[other][0] = 1
    names, numbers = _respondents(session, case.id)
    if names or numbers:
        conditions = []
        if names:
            conditions.append(Party.name.in_(names))
        if numbers:
            conditions.append(Party.id_number.in_(numbers))
        same = or_(*conditions)
        for other in session.scalars(
            select(Party.case_id)
            .join(Case, Case.id == Party.case_id)
            .where(same, Party.role == PartyRole.RESPONDENT, Party.case_id != case.id, scope)
            .order_by(Party.case_id.desc())
            .limit(PER_SOURCE)
        ):
            candidates[other][1] = 1
    party_names = session.scalars(select(Party.name).where(Party.case_id == case.id)).all()
    pieces = fact_pieces(case.facts, names=[*party_names, case.right_holder or ""])
    if session.get_bind().dialect.name == "postgresql":
        for other, shared in _pg_like_facts(session, actor, case, pieces):
            candidates[other][2] = shared
    else:
        for piece in pieces:
            for other in _sqlite_facts_holding(session, actor, piece):
                if other != case.id:
                    candidates[other][2] += 1
    # The most alike candidates only (each source newest first): the rest cannot make
    # the list, and reading every candidate's row would cost more than the search.
    best = sorted(candidates, key=lambda c: (candidates[c], c), reverse=True)[:MAX_CANDIDATES]
    rows = _rows(session, {c: candidates[c] for c in best}, case.ip_type)
    rows.sort(key=lambda r: (r.score, r.case_id), reverse=True)
    # A case sharing only one piece of the facts is not like it.
    rows = [r for r in rows if r.same_right or r.same_respondent or r.shared_facts >= 2]
    return SimilarCases(case.id, tuple(rows[:limit]), spread_of(rows))


_CASE_FTS = table("search_case_fts", column("rowid"))


def _sqlite_facts_holding(session: Session, actor: Actor, piece: str) -> list[int]:
    """SQLite: the newest :data:`PER_SOURCE` cases in scope whose facts hold ``piece``,
    from the facts column of the cases' trigram index (services/queries/search_index.py) read
    newest first (the search box's ``search_cases`` reads the parties' index too)."""
    phrase = 'facts : "' + piece.replace('"', '""') + '"'
    match = text("search_case_fts MATCH :q").bindparams(bindparam("q", phrase, unique=True))
    statement = (
        select(Case.id)
        .select_from(_CASE_FTS)
        .join(Case, Case.id == _CASE_FTS.c.rowid)
        .where(match, case_scope(actor))
        .order_by(_CASE_FTS.c.rowid.desc())
        .limit(PER_SOURCE)
    )
    return list(session.scalars(statement))


def _pg_like_facts(
    session: Session, actor: Actor, case: Case, pieces: Sequence[str]
) -> list[tuple[int, int]]:
    """PostgreSQL: (case id, pieces shared) of the newest :data:`PG_FACTS_WINDOW` finished
    cases of the case's IP type in scope that share at least two pieces, most first. The
    trigram index answers a piece that is neither rare nor common only by reading all its
    matches (250-400 ms each at 200,000 cases); a window of recent cases is bounded."""
    if len(pieces) < 2:
        return []
    # Newest first per finished state, each read backwards along ix_cases_similar (ip_type,
    # status, id) and cut there, then the newest of both: no sort, no join to plan.
    newest = union_all(
        *(
            select(Case.id.label("id"), Case.facts.label("text"))
            .where(
                Case.ip_type == case.ip_type,
                Case.status == status,
                Case.id != case.id,
                case_scope(actor),
            )
            .order_by(Case.id.desc())
            .limit(PG_FACTS_WINDOW)
            for status in FINISHED
        )
    ).subquery()
    window = (
        select(newest.c.id, newest.c.text)
        .order_by(newest.c.id.desc())
        .limit(PG_FACTS_WINDOW)
        .subquery()
    )
    shared: ColumnElement[int] = literal(0)
    for piece in pieces:
        found = func.strpos(window.c.text, literal(piece)) > 0  # no case in Chinese: no ILIKE
        shared = shared + sa_case((found, 1), else_=0)
    inner = select(window.c.id, shared.label("shared")).subquery()
    return [
        (int(case_id), int(count))
        for case_id, count in session.execute(
            select(inner.c.id, inner.c.shared)
            .where(inner.c.shared >= 2)
            .order_by(inner.c.shared.desc(), inner.c.id.desc())
            .limit(PER_SOURCE)
        )
    ]


def _rows(session: Session, candidates: dict[int, list[int]], ip_type: IpType) -> list[SimilarCase]:
    if not candidates:
        return []
    ids = sorted(candidates)
    found = {
        r.id: r
        for r in session.execute(
            select(
                Case.id,
                Case.number,
                Office.code,
                Case.ip_type,
                Case.status,
                Case.outcome,
                Case.accepted_on,
                Case.closed_on,
            )
            .join(Office, Office.id == Case.office_id)
            # by the primary key only: with the state too, SQLite reads the state's index
            .where(Case.id.in_(ids))
        )
        if r.ip_type == ip_type and r.status in FINISHED
    }
    if not found:
        return []
    keep = sorted(found)
    amounts = dict(
        session.execute(
            select(Agreement.case_id, func.sum(Obligation.amount))
            .join(Obligation, Obligation.agreement_id == Agreement.id)
            .where(Agreement.case_id.in_(keep))
            .group_by(Agreement.case_id)
        ).all()
    )
    decisions = {
        r[0]: (r[1], r[2])
        for r in session.execute(
            select(
                Adjudication.case_id, Adjudication.infringement_found, Adjudication.decided_on
            ).where(Adjudication.case_id.in_(keep))
        )
    }
    rows = []
    for case_id in keep:
        r = found[case_id]
        found_, decided_on = decisions.get(case_id, (None, None))
        outcome = (
            (r.outcome.value if r.outcome else CaseStatus.CLOSED.value)
            if r.status == CaseStatus.CLOSED
            else r.status.value
        )
        end = r.closed_on or decided_on
        days = (end - r.accepted_on).days if end and r.accepted_on else None
        amount = amounts.get(case_id)
        rows.append(
            SimilarCase(
                case_id=case_id,
                number=r.number,
                office=r.code,
                ip_type=r.ip_type.value,
                outcome=outcome,
                infringement_found=found_,
                amount_agreed=Decimal(amount) if amount is not None else None,
                handling_days=days,
                same_right=bool(candidates[case_id][0]),
                same_respondent=bool(candidates[case_id][1]),
                shared_facts=candidates[case_id][2],
            )
        )
    return rows


def spread_of(rows: Iterable[SimilarCase]) -> Spread:
    rows = list(rows)
    outcomes: dict[str, int] = defaultdict(int)
    for r in rows:
        outcomes[r.outcome] += 1
    return _spread(len(rows), dict(outcomes), [r.amount_agreed for r in rows if r.amount_agreed])


def _spread(count: int, outcomes: dict[str, int], amounts: Sequence[Decimal]) -> Spread:
    ordered = sorted(amounts)
    median = Decimal(statistics.median(ordered)).quantize(Decimal("0.01")) if ordered else None
    return Spread(
        count,
        outcomes,
        len(ordered),
        ordered[0] if ordered else None,
        median,
        ordered[-1] if ordered else None,
    )


# --------------------------------------------------------------------------- managers


@dataclass(frozen=True)
class SpreadRow:
    ip_type: str
    office: str  # office code
    spread: Spread


def outcome_spread(
    session: Session,
    actor: Actor,
    *,
    since: dt.date,
    until: dt.date,
    ip_type: IpType | str | None = None,
) -> list[SpreadRow]:
    """Per IP type and office, the finished cases closed (or decided) between ``since``
    and ``until``: how they ended and the range and median of the amounts agreed. Office
    managers see their office, city managers every office."""
    require_capability(
        actor, Capability.DEADLINE_BOARD, "只有裁决所负责人和市级管理人员可以查看类案结果分布"
    )
    ended = func.coalesce(Case.closed_on, Adjudication.decided_on)
    statement = (
        select(
            Case.id,
            Case.ip_type,
            Office.code,
            Case.status,
            Case.outcome,
        )
        .join(Office, Office.id == Case.office_id)
        .outerjoin(Adjudication, Adjudication.case_id == Case.id)
        .where(Case.status.in_(FINISHED), ended >= since, ended <= until, case_scope(actor))
    )
    if ip_type is not None:
        statement = statement.where(Case.ip_type == IpType(ip_type))
    groups: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for case_id, ip, office, status, outcome in session.execute(statement):
        name = (outcome.value if outcome else "closed") if status == CaseStatus.CLOSED else status
        groups[(ip.value, office)].append((case_id, str(name)))
    amounts: dict[int, Decimal] = {}
    ids = [case_id for members in groups.values() for case_id, _ in members]
    for first in range(0, len(ids), 5000):
        chunk = ids[first : first + 5000]
        for case_id, total in session.execute(
            select(Agreement.case_id, func.sum(Obligation.amount))
            .join(Obligation, Obligation.agreement_id == Agreement.id)
            .where(Agreement.case_id.in_(chunk))
            .group_by(Agreement.case_id)
        ):
            if total is not None:
                amounts[case_id] = Decimal(total)
    rows = []
    for (ip_value, office), members in sorted(groups.items()):
        outcomes: dict[str, int] = defaultdict(int)
        for _case_id, name in members:
            outcomes[name] += 1
        values = [amounts[c] for c, _ in members if c in amounts and amounts[c] > 0]
        rows.append(SpreadRow(ip_value, office, _spread(len(members), dict(outcomes), values)))
    return rows
