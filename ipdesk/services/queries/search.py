"""One search box over case numbers, party names, ID / credit codes, right numbers and facts.

The index is built by migration 0002 (read its docstring for the objects) and kept in sync
by the database itself (SQLite triggers; PostgreSQL indexes), so cases written by any path
are found. What a query term matches depends on its length:

* 3 characters or more: a substring of a case number, right number, court case number,
  the facts, a party name or a party's ID number / credit code (SQLite: FTS5 trigram
  tables; PostgreSQL: pg_trgm GIN indexes). A whole ID number or credit code (18
  characters) is looked up in the index of ID numbers instead: it finds the case although
  lists show the number masked.
* 1 or 2 characters (王, 王伟, 李娜 — the commonest query): a substring of a party name
  (SQLite: an FTS5 table of name bigrams; PostgreSQL: a GIN index of name bigrams). Two
  characters are too short to mean anything in numbers or facts.

Several terms separated by spaces must all match (each anywhere). A term is also looked
for in its NFKC form (full-width digits) and, for a patent number, in its canonical form
(ZL2003101023445 finds 200310102344.5). Terms of punctuation only are ignored.

:func:`search_cases` answers the search box: case ids in the actor's scope, newest
first, at most ``limit``. On SQLite it reads the full-text indexes in descending rowid
order and stops as soon as it has enough, so a term matching half the database costs no
more than a rare one. On PostgreSQL it checks the newest cases one by one first and asks
the GIN indexes only for terms too rare to be found there (see _pg_newest).
:func:`text_condition` is the same search as a WHERE clause for the case list's filter
(:mod:`ipdesk.services.queries.cases_query`): it must find every match, which for a term in half
of a million cases takes seconds.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    TextClause,
    and_,
    bindparam,
    column,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.util import ClauseAdapter

from ipdesk.models import AuditRecord, Case, Party
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor
from ipdesk.services.errors import PermissionDenied, ValidationError
from ipdesk.services.infra.audit import record_access
from ipdesk.services.rules.access import case_scope
from ipdesk.services.rules.identifiers import mask_id, validate_patent_number

MIN_TRIGRAM = 3
MAX_TERMS = 8
MAX_TERM_LENGTH = 100
DEFAULT_LIMIT = 100

# The migration's expressions, verbatim (PostgreSQL uses an index only for the same text).
PG_CASE_TEXT = (
    "(number || ' ' || coalesce(right_number, '') || ' ' || coalesce(court_case_number, '')"
    " || ' ' || facts)"
)
PG_PARTY_TEXT = "(name || ' ' || coalesce(id_number, ''))"

_case_fts = table("search_case_fts", column("rowid"))
_party_fts = table("search_party_fts", column("rowid"))
_party_grams = table("search_party_grams", column("rowid"))


# --------------------------------------------------------------------------- terms


def search_terms(query: str) -> list[str]:
    """The terms of a query: split at white space (the ideographic space too), without
    control characters; a term without any letter or digit (``%``, ``"``) is dropped."""
    terms: list[str] = []
    for word in unicodedata.normalize("NFC", query).split():
        term = "".join(c for c in word if unicodedata.category(c)[0] != "C")[:MAX_TERM_LENGTH]
        if term and term not in terms and any(unicodedata.category(c)[0] in "LN" for c in term):
            terms.append(term)
    if len(terms) > MAX_TERMS:
        raise ValidationError(
            "query", f"搜索词过多（最多{MAX_TERMS}个）", code="query_too_many", max=MAX_TERMS
        )
    return terms


def _variants(term: str) -> list[str]:
    """The term as typed; its NFKC form (full-width digits and letters typed with a
    Chinese input method, as numbers are stored); the canonical application number when
    it is a patent number. Names keep their full-width brackets, so both are looked for."""
    variants = [term]
    compatible = unicodedata.normalize("NFKC", term)
    if compatible != term:
        variants.append(compatible)
    if len(compatible) >= 9 and any(c.isdigit() for c in compatible):
        try:
            canonical = validate_patent_number(compatible).number
        except ValidationError:
            return variants
        if canonical not in variants:
            variants.append(canonical)
    return variants


_FULL_ID = re.compile(r"[0-9A-Z]{18}")


def _full_id_number(term: str) -> str | None:
    """The term as stored when it is a whole resident ID or credit code (18 characters,
    mostly digits): these are looked up by the ID index, not by 16 common digit trigrams."""
    text_ = unicodedata.normalize("NFKC", term).upper()
    if _FULL_ID.fullmatch(text_) and sum(c.isdigit() for c in text_) >= 8:
        return text_
    return None


def _phrase(term: str) -> str:
    """An FTS5 string literal: the term matched as a phrase (a substring, for trigrams)."""
    return '"' + term.replace('"', '""') + '"'


def _grams_query(term: str) -> str:
    """The FTS5 query of the bigram table for a 1- or 2-character term."""
    return _phrase(term) + ("*" if len(term) == 1 else "")


def _match(fts_table: str, query: str) -> TextClause:
    """``<fts table> MATCH :query`` with a bind parameter of its own."""
    return text(f"{fts_table} MATCH :q").bindparams(bindparam("q", query, unique=True))


def _pg_grams_match(term: str) -> TextClause:
    """The name holds the 1- or 2-character ``term`` (GIN index on search_grams(name))."""
    return text("search_grams(parties.name) @> ARRAY[lower(:g)]::text[]").bindparams(
        bindparam("g", term, unique=True)
    )


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


# --------------------------------------------------------------------------- per term


def _party_phrase(variant: str, ids_visible: bool) -> str:
    """The FTS5 query of the parties' trigram table: in the name and the ID number, or
    in the name only for a user who may not see ID numbers (a substring of a masked
    number would reveal it one search at a time)."""
    return _phrase(variant) if ids_visible else "name : " + _phrase(variant)


def _pg_party_match(pattern: Any, ids_visible: bool) -> ColumnElement[bool]:
    """PostgreSQL: the party's name or ID number holds ``pattern`` (by the trigram index);
    the name only for a user who may not see ID numbers (the index still narrows)."""
    matched = literal_column(PG_PARTY_TEXT).ilike(pattern)
    return matched if ids_visible else and_(matched, Party.name.ilike(pattern))


def full_id_numbers(query: str) -> list[str]:
    """The whole ID numbers / credit codes among the terms of ``query``."""
    return [n for n in map(_full_id_number, search_terms(query)) if n is not None]


def _term_case_ids(
    dialect: str, term: str, ids_visible: bool = True
) -> Select[Any] | CompoundSelect[Any]:
    """All ids of cases matching one term (unordered, possibly repeated)."""
    parts: list[Select[Any]] = []
    full_id = _full_id_number(term)
    if full_id is not None:
        return select(Party.case_id).where(Party.id_number == full_id).correlate(None)
    for variant in _variants(term):
        if dialect == "sqlite":
            if len(variant) >= MIN_TRIGRAM:
                parts.append(
                    select(_case_fts.c.rowid).where(_match("search_case_fts", _phrase(variant)))
                )
                parties = select(_party_fts.c.rowid).where(
                    _match("search_party_fts", _party_phrase(variant, ids_visible))
                )
            else:
                parties = select(_party_grams.c.rowid).where(
                    _match("search_party_grams", _grams_query(variant))
                )
            parts.append(select(Party.case_id).where(Party.id.in_(parties)))
        elif len(variant) >= MIN_TRIGRAM:
            pattern = literal(_like(variant))
            parts.append(select(Case.id).where(literal_column(PG_CASE_TEXT).ilike(pattern)))
            parts.append(select(Party.case_id).where(_pg_party_match(pattern, ids_visible)))
        else:
            parts.append(select(Party.case_id).where(_pg_grams_match(variant)))
    parts = [part.correlate(None) for part in parts]
    return parts[0] if len(parts) == 1 else union_all(*parts)


def text_condition(
    session: Session, query: str, actor: Actor | None = None
) -> ColumnElement[bool] | None:
    """A WHERE clause on :class:`Case` keeping the cases that match every term of
    ``query``; None for an empty query. Use it with other conditions (the list filter).
    An ``actor`` who may not view personal data finds ID numbers by the whole number only,
    once the search is recorded (:func:`audit_id_search`, then this)."""
    terms = search_terms(query)
    if not terms:
        return None
    if actor is not None:
        _require_recorded(session, actor, query)
    dialect = _dialect(session)
    visible = _ids_visible(actor)
    return and_(*(_in_matches(dialect, term, visible) for term in terms))


def _ids_visible(actor: Actor | None) -> bool:
    return actor is None or actor.may_view_personal_data


def id_search_audited(actor: Actor, query: str) -> bool:
    """Whether searching ``query`` must be recorded by :func:`audit_id_search` (then in a
    write transaction of its own before a read-only list query)."""
    return not _ids_visible(actor) and bool(full_id_numbers(query))


def audit_id_search(session: Session, actor: Actor, query: str) -> None:
    """Record (action "access") each whole ID number that ``actor``, who may not view
    personal data, searched for: such a search tells whether a person is a party. The
    number is recorded masked. The caller commits."""
    if _ids_visible(actor):
        return
    for number in full_id_numbers(query):
        record_access(session, actor, "search", mask_id(number), "id_number_search")


ID_SEARCH_RECORD_MINUTES = 10
"""How long a recorded search by whole ID numbers allows the list queries that show it."""


def _require_recorded(session: Session, actor: Actor, query: str) -> None:
    """Refuse a search by whole ID numbers that ``actor`` (who may not view personal data)
    has not had recorded in the last minutes: the window records, then reads; a client that
    skips the record (a crafted request to the server) is refused."""
    if not id_search_audited(actor, query):
        return
    since = utcnow() - dt.timedelta(minutes=ID_SEARCH_RECORD_MINUTES)
    for number in full_id_numbers(query):
        recorded = session.scalar(
            select(AuditRecord.id)
            .where(
                AuditRecord.entity == "search",
                AuditRecord.entity_id == mask_id(number),
                AuditRecord.action == "access",
                AuditRecord.user_id == actor.user_id,
                AuditRecord.at >= since,
            )
            .limit(1)
        )
        if recorded is None:
            raise PermissionDenied(
                "按完整身份证号检索须先记入审计日志", code="id_search_unrecorded"
            )


def _in_matches(dialect: str, term: str, ids_visible: bool = True) -> ColumnElement[bool]:
    matches = _term_case_ids(dialect, term, ids_visible)
    if dialect != "postgresql":
        return Case.id.in_(matches)
    # PostgreSQL misjudges how many rows these operators keep, and may then test every
    # case it walks in the sort order against the parties (a million function calls).
    # Collecting the matches first, once, from the GIN indexes keeps it cheap and bounded.
    collected = matches.cte().prefix_with("MATERIALIZED")
    return Case.id.in_(select(collected.c[0]))


# --------------------------------------------------------------------------- search box


def search_cases(
    session: Session, actor: Actor, query: str, *, limit: int = DEFAULT_LIMIT
) -> list[int]:
    """Ids of the cases in ``actor``'s scope that match ``query``, newest first.

    Newest means most recently registered (highest id). With one term, each index is read
    newest first and left as soon as it gave ``limit`` hits. On SQLite the parties'
    indexes are read in the order the parties were written, so a party added to an old
    case long after its registration may let that case take the place of a newer one at
    the end of a full page of results (raise ``limit`` to see more); PostgreSQL's answer
    and that of several terms are exact. A search by a whole ID number by an actor who may
    not view personal data is recorded in the audit trail: commit.
    """
    terms = search_terms(query)
    if not terms or limit <= 0:
        return []
    audit_id_search(session, actor, query)
    dialect = _dialect(session)
    if len(terms) == 1:
        return _newest_first(session, actor, dialect, terms[0], limit)
    visible = _ids_visible(actor)
    condition = and_(*(_in_matches(dialect, term, visible) for term in terms))
    statement = (
        select(Case.id).where(condition, case_scope(actor)).order_by(Case.id.desc()).limit(limit)
    )
    return list(session.scalars(statement))


def _newest_first(session: Session, actor: Actor, dialect: str, term: str, limit: int) -> list[int]:
    """One term: read each source newest first and stop after ``limit`` hits in scope.

    SQLite reads its full-text tables in descending rowid order, which they serve without
    sorting. PostgreSQL chooses between walking the primary key backwards (a common term)
    and its GIN index followed by a top-N sort (a rare one) from its statistics.
    """
    scope = case_scope(actor)
    # A case often has two matching parties: read twice as many party rows.
    party_limit = 2 * limit
    full_id = _full_id_number(term)
    if full_id is not None:
        statement = (
            select(Party.case_id)
            .join(Case, Case.id == Party.case_id)
            .where(Party.id_number == full_id, scope)
            .order_by(Party.case_id.desc())
            .limit(limit)
        )
        return sorted(set(session.scalars(statement)), reverse=True)
    found: set[int] = set()
    visible = _ids_visible(actor)
    for variant in _variants(term):
        if dialect == "sqlite":
            for statement in _sqlite_sources(variant, scope, limit, party_limit, visible):
                found.update(session.scalars(statement))
        else:
            found.update(_pg_newest(session, variant, scope, limit, visible))
    return sorted(found, reverse=True)[:limit]


def _sqlite_sources(
    variant: str, scope: ColumnElement[bool], limit: int, party_limit: int, ids_visible: bool
) -> list[Select[Any]]:
    statements = []
    if len(variant) >= MIN_TRIGRAM:
        statements.append(
            select(Case.id)
            .select_from(_case_fts)
            .join(Case, Case.id == _case_fts.c.rowid)
            .where(_match("search_case_fts", _phrase(variant)), scope)
            .order_by(_case_fts.c.rowid.desc())
            .limit(limit)
        )
        fts, match = _party_fts, _match("search_party_fts", _party_phrase(variant, ids_visible))
    else:
        fts, match = _party_grams, _match("search_party_grams", _grams_query(variant))
    statements.append(
        select(Party.case_id)
        .select_from(fts)
        .join(Party, Party.id == fts.c.rowid)
        .join(Case, Case.id == Party.case_id)
        .where(match, scope)
        .order_by(fts.c.rowid.desc())
        .limit(party_limit)
    )
    return statements


_PARTIES_PER_CASE = 1000  # far above any real case; there only to keep the plan
#: The newest cases a PostgreSQL search checks one by one before it asks the GIN indexes.
#: A term found in 100 of the newest 1,000 cases is common, and the window answers it; a
#: rarer one has few matches in the indexes (200,000 cases: 王伟 68, 李娜 a few hundred),
#: which the GIN path fetches in well under a millisecond. 10,000 made every 2- and
#: 3-character search check 20,000 party names (40-96 ms); 1,000 takes 4 ms of SQL.
PG_WINDOW = 1_000
"""PostgreSQL: how many of the newest cases the search box first checks one by one."""


def _pg_newest(
    session: Session,
    variant: str,
    scope: ColumnElement[bool],
    limit: int,
    ids_visible: bool = True,
) -> list[int]:
    """PostgreSQL, one term: check the newest PG_WINDOW cases (those of them in scope,
    and their parties) one by one; if they hold ``limit`` matches, those are the newest.
    If not, the term is rare (fewer than ``limit`` in PG_WINDOW cases) and its matches,
    collected from the GIN indexes, are few: take the newest of them in scope.

    The planner cannot be left to choose: it misjudges how many rows ILIKE and the bigram
    containment keep, both ways (100 estimated for 516,653 found; 10,751 for 351), and
    then either sorts half a million matches or tests millions of rows with a function.
    """
    pattern = _like(variant)
    long_term = len(variant) >= MIN_TRIGRAM
    case_text: ColumnElement[Any] = literal_column(PG_CASE_TEXT)
    party_text: Any = literal_column(PG_PARTY_TEXT) if long_term and ids_visible else Party.name

    # The newest cases (then those in scope) with their parties' text, collected before
    # any ILIKE: the cases by walking the primary key backwards (a scope's index would
    # have PostgreSQL fetch and sort the whole station or office), the parties by their
    # case (LATERAL: an index probe per case), never from a scan of all parties that a
    # misjudged ILIKE would make look cheap.
    latest = (
        select(*Case.__table__.c, *([case_text.label("ct")] if long_term else []))
        .order_by(Case.id.desc())
        .limit(PG_WINDOW)
        .subquery("latest")
    )
    newest = (
        select(latest.c.id, *([latest.c.ct] if long_term else []))
        .where(ClauseAdapter(latest).traverse(scope))
        .subquery("newest")
    )
    their_parties = (
        select(party_text.label("pt"))
        .where(Party.case_id == newest.c.id)
        .limit(_PARTIES_PER_CASE)  # a LIMIT keeps PostgreSQL from flattening the LATERAL
        .lateral("their_parties")
    )
    window = (
        select(
            newest.c.id.label("case_id"),
            *([newest.c.ct] if long_term else []),
            their_parties.c.pt,
        )
        .select_from(newest.outerjoin(their_parties, true()))
        .cte("search_window")
        .prefix_with("MATERIALIZED")
    )
    matched: ColumnElement[bool] = window.c.pt.ilike(pattern)
    if long_term:
        matched = or_(window.c.ct.ilike(pattern), matched)
    found = list(
        session.scalars(
            select(window.c.case_id)
            .where(matched)
            .distinct()
            .order_by(window.c.case_id.desc())
            .limit(limit)
        )
    )
    if len(found) >= limit:
        return found

    everywhere: list[Select[Any]] = []
    if long_term:
        everywhere.append(select(Case.id.label("case_id")).where(case_text.ilike(pattern)))
    everywhere.append(
        select(Party.case_id.label("case_id")).where(
            _pg_party_match(pattern, ids_visible) if long_term else _pg_grams_match(variant)
        )
    )
    matches = union_all(*everywhere).cte().prefix_with("MATERIALIZED")
    # Few matches: probe each one's case (in scope?) by its primary key.
    probe = (
        select(Case.id.label("id"))
        .where(Case.id == matches.c.case_id, scope)
        .limit(1)  # keeps the LATERAL a probe per match
        .lateral("probe")
    )
    return list(
        session.scalars(
            select(probe.c.id)
            .select_from(matches.join(probe, true()))
            .distinct()
            .order_by(probe.c.id.desc())
            .limit(limit)
        )
    )
