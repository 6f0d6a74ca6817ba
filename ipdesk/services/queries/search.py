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
more than a rare one. On PostgreSQL the GIN indexes also hold each case id's bucket (256
consecutive ids) and its office and station (a party row holds its case's, migration
0018), and it asks them for the matches in the user's office or station among the newest ids
first, then among as many older ones as the matches' density says are needed (see
_pg_newest). SQLite's full-text tables hold each row's office and station as tokens
(migration 0020), which a search of an office's or a station's user adds to its MATCH
(see SQLITE_OFFICE_MARK). With several terms, SQLite asks one table of a document per case
(migration 0021) for the AND of the terms, newest first (see _sqlite_docs_query); when a
term is a whole ID number or a short term of other characters than CJK ideographs, it
collects the rarest term's cases (when it is rare) and looks the others up among them only
(see _sqlite_several).
:func:`text_condition` is the same search as a WHERE clause for the case list's filter
(:mod:`ipdesk.services.queries.cases_query`): it must find every match, which for a term in half
of a million cases takes seconds.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnClause,
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    String,
    TextClause,
    and_,
    bindparam,
    column,
    false,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from ipdesk.models import AuditRecord, Case, Party, Role
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
# The scope columns of the indexes (migration 0018): a party row holds copies of its case's
# office and station, kept by triggers (search_index.POSTGRESQL_SCOPE).
PG_CASE_OFFICE = "office_id"
PG_CASE_STATION = "station_id"
PG_PARTY_OFFICE = "search_office_id"
PG_PARTY_STATION = "search_station_id"

#: SQLite: each row of the three full-text tables also holds its case's office and station,
#: as tokens in a column ``scope`` (migration 0020; kept by the triggers of search_index), so
#: that a search of an office's or a station's user adds its unit's token to the MATCH and
#: FTS5 intersects the two doclists itself: it reads the unit's matches only, not the
#: city's (a term common in the city and rare in the unit read them all). A token is a mark
#: (office or station) and the unit's id as two base-4096 digits (ids below 2**24): three
#: characters, one trigram, one unicode61 token. All are private-use characters, which
#: search_terms drops from a query (category Co): no query matches the scope column but
#: the token itself, so the queries of the text need no column filter.
SQLITE_OFFICE_MARK = 0xF000
SQLITE_STATION_MARK = 0xF001
SQLITE_SCOPE_DIGIT = 0xE000
SQLITE_SCOPE_DIGIT_BITS = 12
#: SQLite: the case documents' markers (migration 0021, search_index.SQLITE_DOCS_TABLE):
#: the edge written around each party's name and ID number, and the mark written around
#: each character of a name in the column ``grams`` (private-use characters too).
SQLITE_DOC_EDGE = 0xF003
SQLITE_DOC_GRAM = 0xF002

#: A unit of the network whose cases a search keeps: ("office", id) or ("station", id).
_Unit = tuple[str, int]


def _unit(actor: Actor) -> _Unit | None:
    """The unit of ``actor``'s scope (rules.access.case_scope) as the search indexes hold
    it; None for a citywide actor (and one without a unit, whom the scope refuses
    everything anyway)."""
    if actor.is_citywide:
        return None
    if actor.role == Role.STATION_STAFF:
        return ("station", actor.station_id) if actor.station_id else None
    return ("office", actor.office_id) if actor.office_id else None


def _sqlite_token(unit: _Unit) -> str:
    """SQLite: the FTS5 query of ``unit``'s scope token (the rows of its cases)."""
    kind, unit_id = unit
    mark = SQLITE_OFFICE_MARK if kind == "office" else SQLITE_STATION_MARK
    low = (1 << SQLITE_SCOPE_DIGIT_BITS) - 1
    digits = (unit_id >> SQLITE_SCOPE_DIGIT_BITS, unit_id & low)
    return _phrase(chr(mark) + "".join(chr(SQLITE_SCOPE_DIGIT + d) for d in digits))


def _sqlite_in_unit(query: str, unit: _Unit | None) -> str:
    """The FTS5 query ``query`` kept to the rows of ``unit`` when given."""
    return query if unit is None else f"({query}) AND {_sqlite_token(unit)}"


_FTS = {
    name: table(name, column("rowid"))
    for name in ("search_case_fts", "search_party_fts", "search_party_grams")
}


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


def _pg_grams_match(term: BindParameter[str]) -> TextClause:
    """The name holds the 1- or 2-character term bound to ``term`` (a parameter named
    "term"; GIN index on search_grams(name))."""
    return text("search_grams(parties.name) @> ARRAY[lower(:term)]::text[]").bindparams(term)


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
    dialect: str, term: str, ids_visible: bool = True, unit: _Unit | None = None
) -> Select[Any] | CompoundSelect[Any]:
    """All ids of cases matching one term (unordered, possibly repeated), only those in
    ``unit`` when given (others may be left out or not: keep the scope's condition
    besides)."""
    parts: list[Select[Any]] = []
    full_id = _full_id_number(term)
    if full_id is not None:
        return select(Party.case_id).where(Party.id_number == full_id).correlate(None)
    for variant in _variants(term):
        if dialect == "sqlite":
            for fts, query in _sqlite_variant_sources(variant, ids_visible, unit):
                rows = select(_FTS[fts].c.rowid).where(_match(fts, query))
                if fts != "search_case_fts":  # party ids: their cases
                    rows = select(Party.case_id).where(Party.id.in_(rows))
                parts.append(rows)
        elif len(variant) >= MIN_TRIGRAM:
            pattern = literal(_like(variant))
            parts.append(
                select(Case.id).where(
                    literal_column(PG_CASE_TEXT).ilike(pattern), *_pg_in_unit(unit, cases=True)
                )
            )
            parts.append(
                select(Party.case_id).where(
                    _pg_party_match(pattern, ids_visible), *_pg_in_unit(unit, cases=False)
                )
            )
        else:
            parts.append(
                select(Party.case_id).where(
                    _pg_grams_match(bindparam("term", variant, unique=True)),
                    *_pg_in_unit(unit, cases=False),
                )
            )
    parts = [part.correlate(None) for part in parts]
    return parts[0] if len(parts) == 1 else union_all(*parts)


def text_condition(
    session: Session, query: str, actor: Actor | None = None
) -> ColumnElement[bool] | None:
    """A WHERE clause on :class:`Case` keeping the cases that match every term of
    ``query``; None for an empty query. Use it with other conditions (the list filter).
    An ``actor`` who may not view personal data finds ID numbers by the whole number only,
    once the search is recorded (:func:`audit_id_search`, then this). With an ``actor``,
    the indexes give only the matches in the actor's office or station: use it together
    with ``case_scope(actor)``, as the case list does."""
    terms = search_terms(query)
    if not terms:
        return None
    if actor is not None:
        _require_recorded(session, actor, query)
    dialect = _dialect(session)
    visible = _ids_visible(actor)
    unit = _unit(actor) if actor is not None else None
    documents = _sqlite_docs_query(dialect, terms, visible, unit)
    if documents is not None:
        return Case.id.in_(sqlite_docs_ids(documents))
    return and_(*(_in_matches(dialect, term, visible, unit) for term in terms))


def sqlite_docs_query(session: Session, query: str, actor: Actor) -> str | None:
    """SQLite: the FTS5 query of the case documents (migration 0021) that finds the cases
    in ``actor``'s office or station matching every term of ``query``, when they answer it
    (several terms, none of them a whole ID number or a 1- or 2-character term of other
    characters than CJK ideographs: see _sqlite_docs_terms); None otherwise (then
    :func:`text_condition` reads the three tables term by term). The same cases as
    :func:`text_condition`; with ``case_scope(actor)`` for the final word."""
    terms = search_terms(query)
    _require_recorded(session, actor, query)
    return _sqlite_docs_query(_dialect(session), terms, _ids_visible(actor), _unit(actor))


def _sqlite_docs_query(
    dialect: str, terms: list[str], ids_visible: bool, unit: _Unit | None
) -> str | None:
    if dialect != "sqlite" or len(terms) < 2:
        return None
    documents = _sqlite_docs_terms(terms, ids_visible)
    if documents is None:
        return None
    return _sqlite_in_unit(" AND ".join(documents), unit)


def sqlite_docs_ids(query: str) -> Select[Any]:
    """SQLite: the ids of the cases whose documents match ``query`` (from
    :func:`sqlite_docs_query`), unordered: one MATCH, which FTS5 answers by stepping
    through the terms' doclists together (the three tables term by term read a union of
    two or three doclists a term and map each party to its case: seconds at 1,000,000
    cases for terms common in the city)."""
    return select(-_DOCS.c.rowid).where(_match("search_case_docs", query)).correlate(None)


def sqlite_docs_cases(query: str) -> Select[Any]:
    """SQLite: ``SELECT cases.id`` of the cases whose documents match ``query``, read from
    the documents (each match's case looked up by its id: the join starts from the MATCH,
    and stops where a LIMIT says). Add columns and conditions on the cases."""
    return (
        select(Case.id)
        .select_from(_DOCS)
        .join(Case, Case.id == -_DOCS.c.rowid)  # the rowid is the case's id negated
        .where(_match("search_case_docs", query))
    )


def sqlite_docs_has(query: str, case_id: Any) -> ColumnElement[bool]:
    """SQLite: the case ``case_id`` (a column of the outer statement) has a document
    matching ``query``: FTS5 seeks the one rowid in each term's doclist (some
    microseconds a case), where :func:`sqlite_docs_ids` reads the doclists whole. For
    walking many cases in another order when most of them match."""
    probe = _DOCS.alias("probe")
    return (
        select(literal(1))
        .select_from(probe)
        .where(
            text("probe.search_case_docs MATCH :q").bindparams(bindparam("q", query, unique=True)),
            probe.c.rowid == -case_id,
        )
        .exists()
    )


def sqlite_docs_share(session: Session, query: str, actor: Actor) -> float | None:
    """SQLite: the share of ``actor``'s office's or station's (or the city's) documents
    among the newest SQLITE_DOCS_SAMPLE that match every term of ``query`` (the matches'
    density where a walk of the newest cases starts); None when the documents do not answer
    ``query`` or when a term is matched outside a column (an ID number's fragment for a
    user who may not see ID numbers): FTS5 then walks the term's doclists to the next
    match for each case looked up by rowid (some 75 ms at 1,000,000 cases), and for a
    count of the newest documents."""
    terms = search_terms(query)
    visible = _ids_visible(actor)
    matches = _sqlite_docs_terms(terms, visible) if len(terms) > 1 else None
    if _dialect(session) != "sqlite" or matches is None:
        return None
    if matches != _sqlite_docs_terms(terms, True):
        return None
    newest = session.scalar(select(func.max(Case.id)))
    if newest is None:
        return 0.0
    bound = -newest + SQLITE_DOCS_SAMPLE

    def count(query: str) -> int:
        return int(
            session.execute(
                text(
                    "SELECT count(*) FROM search_case_docs"
                    " WHERE search_case_docs MATCH :q AND rowid < :bound"
                ).bindparams(q=query, bound=bound)
            ).scalar_one()
        )

    unit = _unit(actor)
    # an office's or a station's walk reads its own cases: the share among those
    sample = min(SQLITE_DOCS_SAMPLE, newest) if unit is None else count(_sqlite_token(unit))
    if sample == 0:
        return 0.0
    return count(_sqlite_in_unit(" AND ".join(matches), unit)) / sample


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


def _in_matches(
    dialect: str, term: str, ids_visible: bool = True, unit: _Unit | None = None
) -> ColumnElement[bool]:
    matches = _term_case_ids(dialect, term, ids_visible, unit)
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
    if dialect == "postgresql":
        with _pg_reading_alone(session):
            return _pg_search(session, actor, terms, limit)
    if len(terms) == 1:
        return _newest_first(session, actor, dialect, terms[0], limit)
    visible = _ids_visible(actor)
    if dialect == "sqlite":
        documents = _sqlite_docs_terms(terms, visible)
        if documents is not None:
            samples = _sqlite_docs_terms(terms, True) or documents
            return _sqlite_docs_newest(session, actor, documents, samples, limit)
        found = _sqlite_several(session, actor, terms, limit)
        if found is not None:
            return found
    unit = _unit(actor)
    condition = and_(*(_in_matches(dialect, term, visible, unit) for term in terms))
    statement = (
        select(Case.id).where(condition, case_scope(actor)).order_by(Case.id.desc()).limit(limit)
    )
    return list(session.scalars(statement))


def _newest_first(session: Session, actor: Actor, dialect: str, term: str, limit: int) -> list[int]:
    """One term: read each source newest first and stop after ``limit`` hits in scope.

    SQLite reads its full-text tables in descending rowid order, which they serve without
    sorting. PostgreSQL reads its GIN indexes bucket by bucket of case ids, newest first
    (see _pg_newest).
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
    visible, unit = _ids_visible(actor), _unit(actor)
    if dialect == "sqlite":
        for variant in _variants(term):
            for statement in _sqlite_sources(variant, scope, limit, party_limit, visible, unit):
                found.update(session.scalars(statement))
    else:
        for variant in _variants(term):
            found.update(_pg_newest(session, actor, variant, limit))
    return sorted(found, reverse=True)[:limit]


def _sqlite_sources(
    variant: str,
    scope: ColumnElement[bool],
    limit: int,
    party_limit: int,
    ids_visible: bool,
    unit: _Unit | None,
) -> list[Select[Any]]:
    """SQLite, one variant of a term: a statement per index, reading it newest first until
    ``limit`` cases (``party_limit`` parties) in scope; the unit's token narrows the rows
    read to the unit's, ``scope`` keeps the final word."""
    statements = []
    for fts_name, query in _sqlite_variant_sources(variant, ids_visible, unit):
        fts = _FTS[fts_name]
        if fts_name == "search_case_fts":
            statement = select(Case.id).select_from(fts).join(Case, Case.id == fts.c.rowid)
        else:
            statement = (
                select(Party.case_id)
                .select_from(fts)
                .join(Party, Party.id == fts.c.rowid)
                .join(Case, Case.id == Party.case_id)
            )
        statements.append(
            statement.where(_match(fts_name, query), scope)
            .order_by(fts.c.rowid.desc())
            .limit(limit if fts_name == "search_case_fts" else party_limit)
        )
    return statements


_DOCS = table("search_case_docs", column("rowid"))


def _cjk(character: str) -> bool:
    """A CJK ideograph of the basic plane: a letter without case or diacritics, which the
    unicode61 tokenizer (search_party_grams) keeps as it is inside a token."""
    return ord(character) < 0x10000 and unicodedata.name(character, "").startswith(
        ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")
    )


def _sqlite_docs_terms(terms: list[str], ids_visible: bool) -> list[str] | None:
    """SQLite, several terms: for each term the MATCH of the case documents (migration
    0021) finding the cases that match it, as the three tables find them; None when a
    term is looked up otherwise: a whole ID number (the parties' index of ID numbers) or a
    1- or 2-character variant of other characters than CJK ideographs (the unicode61
    tokenizer folds and splits those: search_party_grams alone answers as before).

    A variant of 3 characters or more is a phrase of the case's text, its parties' names
    and (``ids_visible``) ID numbers; one of 1 or 2 characters a name's characters with the
    marks written between them in ``grams`` (see search_index.SQLITE_DOCS_TABLE)."""
    mark = chr(SQLITE_DOC_GRAM)
    matches = []
    for term in terms:
        if _full_id_number(term) is not None:
            return None
        alternatives = []
        for variant in _variants(term):
            if len(variant) >= MIN_TRIGRAM:
                phrase = _phrase(variant)
                alternatives.append(phrase if ids_visible else "- {ids} : " + phrase)
            elif all(map(_cjk, variant)):
                grams = mark + variant + mark if len(variant) == 1 else mark.join(variant)
                alternatives.append("{grams} : " + _phrase(grams))
            else:
                return None
        matches.append("(" + " OR ".join(alternatives) + ")")
    return matches


#: SQLite, case documents: the newest cases whose documents tell how common a term is.
SQLITE_DOCS_SAMPLE = 1024
#: SQLite, case documents: a term found in at least this share of the sample is dense.
SQLITE_DOCS_DENSE = 0.25
#: SQLite, case documents: when the other terms (and the unit) together find fewer cases
#: than this, the dense term is looked up among those cases only.
SQLITE_DOCS_FEW = 64


def _sqlite_docs_newest(
    session: Session, actor: Actor, matches: list[str], samples: list[str], limit: int
) -> list[int]:
    """SQLite: the newest ``limit`` cases in ``actor``'s scope whose documents match every
    one of ``matches`` (_sqlite_docs_terms): one MATCH of their AND and the unit's token,
    which FTS5 answers by stepping through the doclists together, newest first (ascending
    rowid: the case's id negated), until the limit (``case_scope`` keeps the final word);
    or, when a costly term can be left out first, among the few cases the others find
    (_sqlite_docs_few, by ``samples``). The answer is the same."""
    unit = _unit(actor)
    few = _sqlite_docs_few(session, matches, samples, unit)
    if few is not None:
        if not few:
            return []
        # The scope inside coalesce: SQLite (without statistics) would rather walk the
        # unit's index of cases than look these few ids up by rowid.
        statement = (
            select(Case.id)
            .where(Case.id.in_(few), func.coalesce(case_scope(actor), false()))
            .order_by(Case.id.desc())
            .limit(limit)
        )
        return list(session.scalars(statement))
    statement = (
        select(Case.id)
        .select_from(_DOCS)
        .join(Case, Case.id == -_DOCS.c.rowid)  # the rowid is the case's id negated
        .where(_match("search_case_docs", _sqlite_in_unit(" AND ".join(matches), unit)))
        .where(case_scope(actor))
        .order_by(_DOCS.c.rowid)
        .limit(limit)
    )
    return list(session.scalars(statement))


def sqlite_docs_few(session: Session, query: str, actor: Actor) -> list[int] | None:
    """SQLite: the ids of every case in ``actor``'s office or station (descending) whose
    document matches every term of ``query``, when _sqlite_docs_few finds them among the
    few cases of all terms but a costly one; None otherwise (also when the documents do
    not answer ``query``: see :func:`sqlite_docs_query`). With ``case_scope(actor)`` for
    the final word."""
    terms = search_terms(query)
    visible = _ids_visible(actor)
    matches = _sqlite_docs_terms(terms, visible) if len(terms) > 1 else None
    if _dialect(session) != "sqlite" or matches is None:
        return None
    samples = _sqlite_docs_terms(terms, True) or matches
    return _sqlite_docs_few(session, matches, samples, _unit(actor))


def _sqlite_docs_few(
    session: Session, matches: list[str], samples: list[str], unit: _Unit | None
) -> list[int] | None:
    """SQLite: the ids (descending) of every case in ``unit`` whose document matches every
    one of ``matches``, read without the AND's walk of a costly term's doclists; None when
    that way does not apply.

    FTS5 skips through a long doclist entry by entry: where a dense term (有限: 78% of the
    cases) is ANDed with terms and a unit that together hold few cases (鲁特旗 for office
    9: none), it walks the dense term's doclist whole (20-40 ms at 1,000,000 cases). So the
    densest term in the newest SQLITE_DOCS_SAMPLE documents, when dense, is left out first:
    if the others find fewer than SQLITE_DOCS_FEW cases, it is looked up among those only
    (by rowid). How dense a term is, is read from ``samples``: each term's match without a
    user's column restriction (_sqlite_docs_terms for a user who may see ID numbers): an ID
    number's fragment matched outside the ID numbers (a user who may not see them) walks
    the doclists of the fragment's trigrams, common in the ID numbers, to its next match,
    however far: 90 ms at 1,000,000 cases for counting it in the newest documents alone
    (150502MA), where its match in every column is counted there at once. Such a term is
    not looked up by rowid either (about 75 ms a case): the AND of all is read instead."""
    dense = _sqlite_docs_dense(session, samples)
    if dense is None or matches[dense] != samples[dense]:
        return None  # a term matched outside a column: looked up by rowid, slow (above)
    others = [m for i, m in enumerate(matches) if i != dense]
    few = list(
        session.scalars(
            select(_DOCS.c.rowid)
            .where(_match("search_case_docs", _sqlite_in_unit(" AND ".join(others), unit)))
            .order_by(_DOCS.c.rowid)
            .limit(SQLITE_DOCS_FEW)
        )
    )
    if len(few) >= SQLITE_DOCS_FEW:
        return None
    if not few:
        return []
    kept = text(
        "SELECT f.rowid FROM json_each(:ids) AS c CROSS JOIN search_case_docs AS f"
        " ON f.rowid = c.value WHERE search_case_docs MATCH :q"
    ).bindparams(ids=json.dumps(few), q=matches[dense])
    return sorted((-rowid for rowid in session.scalars(kept)), reverse=True)


def _sqlite_docs_dense(session: Session, matches: list[str]) -> int | None:
    """The index of the term of ``matches`` found in the most of the newest
    SQLITE_DOCS_SAMPLE case documents, when that share is dense (SQLITE_DOCS_DENSE)."""
    newest = session.scalar(select(func.max(Case.id)))
    if newest is None:
        return None
    bound = -newest + SQLITE_DOCS_SAMPLE  # rowids below: the newest documents
    counts = [
        session.execute(
            text(
                "SELECT count(*) FROM search_case_docs"
                " WHERE search_case_docs MATCH :q AND rowid < :bound"
            ).bindparams(q=match, bound=bound)
        ).scalar_one()
        for match in matches
    ]
    densest = max(range(len(counts)), key=counts.__getitem__)
    sample = min(SQLITE_DOCS_SAMPLE, newest)
    return densest if counts[densest] >= SQLITE_DOCS_DENSE * sample else None


#: SQLite, several terms: a term whose index rows (each source and variant counted up to
#: this many) are fewer than this is rare; its cases are collected whole and the other
#: terms are looked up among them only.
SQLITE_RARE_ROWS = 5_000
#: SQLite, several terms: how many candidates (newest first) the first lookup of the other
#: terms takes; each further lookup takes twice as many as the last.
SQLITE_FIRST_CANDIDATES = 128


def _sqlite_variant_sources(
    variant: str, ids_visible: bool, unit: _Unit | None
) -> list[tuple[str, str]]:
    """SQLite: (FTS5 table, MATCH query) of each index that one variant of a term is
    looked up in, kept to the rows of ``unit`` when given (the callers look a whole ID
    number up by the parties' ID number index instead)."""
    if len(variant) >= MIN_TRIGRAM:
        sources = [
            ("search_case_fts", _phrase(variant)),
            ("search_party_fts", _party_phrase(variant, ids_visible)),
        ]
    else:
        sources = [("search_party_grams", _grams_query(variant))]
    return [(fts, _sqlite_in_unit(query, unit)) for fts, query in sources]


def _sqlite_term_sources(term: str, ids_visible: bool, unit: _Unit | None) -> list[tuple[str, str]]:
    """SQLite: _sqlite_variant_sources of each variant of ``term``."""
    return [
        source
        for variant in _variants(term)
        for source in _sqlite_variant_sources(variant, ids_visible, unit)
    ]


def _sqlite_rows(session: Session, term: str, ids_visible: bool, unit: _Unit | None) -> int:
    """How many index rows one term matches (in ``unit`` when given), each source counted
    up to SQLITE_RARE_ROWS (an FTS5 count reads the doclist: cheap for a rare term,
    bounded for a common one)."""
    if _full_id_number(term) is not None:
        return 0  # a whole ID number: a few parties, by the ID number index
    total = 0
    for fts, query in _sqlite_term_sources(term, ids_visible, unit):
        total += session.execute(
            text(
                f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH :q LIMIT :n)"
            ).bindparams(q=query, n=SQLITE_RARE_ROWS)
        ).scalar_one()
    return total


def _sqlite_among(
    session: Session, term: str, ids_visible: bool, candidates: list[int]
) -> set[int]:
    """SQLite: those of the ``candidates`` (case ids) that match ``term``, each case and
    its parties looked up by rowid in the indexes (the same matches as _term_case_ids; the
    candidates are in scope already: no unit's token, which would cost a second lookup)."""
    ids = json.dumps(candidates)
    full_id = _full_id_number(term)
    if full_id is not None:
        statement = text(
            "SELECT p.case_id FROM json_each(:ids) AS c CROSS JOIN parties AS p"
            " ON p.case_id = c.value WHERE p.id_number = :n"
        ).bindparams(ids=ids, n=full_id)
        return set(session.scalars(statement))
    found: set[int] = set()
    for fts, query in _sqlite_term_sources(term, ids_visible, None):
        if fts == "search_case_fts":
            sql = (
                f"SELECT f.rowid FROM json_each(:ids) AS c CROSS JOIN {fts} AS f"
                f" ON f.rowid = c.value WHERE {fts} MATCH :q"
            )
        else:
            sql = (
                f"SELECT p.case_id FROM json_each(:ids) AS c CROSS JOIN parties AS p"
                f" ON p.case_id = c.value CROSS JOIN {fts} AS f ON f.rowid = p.id"
                f" WHERE {fts} MATCH :q"
            )
        found.update(session.scalars(text(sql).bindparams(ids=ids, q=query)))
    return found


def _sqlite_several(
    session: Session, actor: Actor, terms: list[str], limit: int
) -> list[int] | None:
    """SQLite, several terms that the case documents do not answer (_sqlite_docs_query): the
    newest ``limit`` cases in scope matching every term, or None when every term is common
    (then one statement intersects them all: 1-3 s at 1,000,000 cases).

    The rarest term's cases are collected whole and kept in scope, newest first; the other
    terms are looked up among them only (by rowid in the indexes), a batch of candidates at
    a time, until ``limit`` match. A common term is then never read whole: "王伟 有限" reads
    372 rows of 王伟 and looks up 有限 among its cases, not among 1,000,000 parties. Each
    lookup costs about 70 us (an FTS5 query by rowid): SQLITE_RARE_ROWS bounds the
    candidates so that a rare term found with no other (about 1 s at worst) costs less than
    the single statement. The answer is exact, as the single statement's is.

    For an office's or a station's user, the rarest term's cases are collected in the unit
    only (its token), and when every term is common in the city they are counted again in
    the unit, where one may be rare (乳业 科尔沁 for a station). Not before: a count in the
    unit walks the intersection with the unit's rows (about 15 ms for 有限 in station 8 at
    1,000,000 cases) where a count in the city stops at SQLITE_RARE_ROWS rows."""
    visible, unit = _ids_visible(actor), _unit(actor)
    rows = sorted((_sqlite_rows(session, term, visible, None), i) for i, term in enumerate(terms))
    if rows[0][0] >= SQLITE_RARE_ROWS and unit is not None:
        rows = sorted(
            (_sqlite_rows(session, term, visible, unit), i) for i, term in enumerate(terms)
        )
    rarest = terms[rows[0][1]]
    others = [terms[i] for _, i in rows[1:]]
    if rows[0][0] >= SQLITE_RARE_ROWS:
        return None
    candidates = list(
        session.scalars(
            select(Case.id)
            .where(_in_matches("sqlite", rarest, visible, unit), case_scope(actor))
            .order_by(Case.id.desc())
        )
    )
    found: list[int] = []
    batch, start = SQLITE_FIRST_CANDIDATES, 0
    while start < len(candidates) and len(found) < limit:
        kept = candidates[start : start + batch]
        for term in others:
            matching = _sqlite_among(session, term, visible, kept)
            kept = [case_id for case_id in kept if case_id in matching]
            if not kept:
                break
        found.extend(kept)
        start += batch
        batch *= 2
    return found[:limit]


#: PostgreSQL: each search index has a second column, the bucket of the case's id (the
#: id shifted right by PG_BUCKET_BITS: 256 consecutive ids; btree_gin), so that one index
#: scan keeps only the matches among the newest cases (see _pg_newest). A bucket holds
#: about 600 rows of cases and parties: what a term found everywhere (有限公) costs.
PG_BUCKET_BITS = 8
# The indexes' bucket expressions, verbatim (PostgreSQL uses an index only for the same text).
PG_CASE_BUCKET = f"(id >> {PG_BUCKET_BITS})"
PG_PARTY_BUCKET = f"(case_id >> {PG_BUCKET_BITS})"
#: The newest case ids the first statement of a PostgreSQL search reads (with the rest of
#: the oldest bucket they touch).
PG_FIRST_SPAN = 256
#: How much the span read may grow from one statement to the next, at most.
PG_MAX_GROWTH = 16
#: A term expected to match at most this many rows in scope (from the density of its
#: matches in the span read) is looked up in the whole index at once: fetching a few
#: thousand matches costs less than more statements.
PG_WHOLE_INDEX = 2_000


_PARALLEL = "max_parallel_workers_per_gather"
#: PostgreSQL: a call of a PARALLEL UNSAFE function (set_config) anywhere in a statement
#: keeps the planner from giving it parallel workers, whose start costs 20-30 ms on a busy
#: machine for scans of 2-5 ms (with statistics, it gave a bucketed search's Append of
#: index scans two). This one sets the setting to its own value: it changes nothing, and
#: costs no statements before and after the search's (a SET and its undoing: two round
#: trips, 1-5 ms each on a loaded machine).
_PG_SERIAL: ColumnClause[Any] = literal_column(
    f"set_config('{_PARALLEL}', current_setting('{_PARALLEL}'), true)"
)


def _pg_bucket(case_id: str, bits: int) -> ColumnElement[int]:
    """The bucket of the case id in column ``case_id`` (as PG_CASE_BUCKET / PG_PARTY_BUCKET
    write it, with ``bits``: the PG_BUCKET_BITS of the moment, which tests make small)."""
    return literal_column(f"({case_id} >> {bits})")


def _pg_in_unit(unit: _Unit | None, *, cases: bool) -> list[ColumnElement[bool]]:
    """The condition (none or one) keeping the rows of ``unit`` in the cases' (``cases``)
    or the parties' search index (their scope columns, migration 0018)."""
    if unit is None:
        return []
    kind, unit_id = unit
    if cases:
        name = PG_CASE_OFFICE if kind == "office" else PG_CASE_STATION
    else:
        name = PG_PARTY_OFFICE if kind == "office" else PG_PARTY_STATION
    table_name = "cases" if cases else "parties"
    return [literal_column(f"{table_name}.{name}") == bindparam(None, unit_id, unique=True)]


class _PgHits:
    """PostgreSQL: the matches of the variant of a term bound to ``term`` (a LIKE pattern
    when ``trigram``: 3 characters or more; the 1 or 2 characters themselves otherwise) in
    the search indexes, in ``unit`` when given. The variant is a bind parameter: one
    statement serves every term of its kind (see _pg_statement)."""

    def __init__(self, trigram: bool, ids_visible: bool, unit: _Unit | None) -> None:
        self.trigram, self.ids_visible, self.unit = trigram, ids_visible, unit

    def among(
        self, lowest_bucket: ColumnElement[int] | None, bits: int
    ) -> Select[Any] | CompoundSelect[Any]:
        """Ids of the cases matching (possibly repeated), among those in ``lowest_bucket``
        (of ``bits`` bits) and later ones when given: one scan of each GIN index that takes
        the term, the bucket and the unit together."""
        term = bindparam("term", type_=String)
        parts: list[Select[Any]] = []
        if self.trigram:
            case_match: list[ColumnElement[bool]] = [literal_column(PG_CASE_TEXT).ilike(term)]
            if lowest_bucket is not None:
                case_match.append(_pg_bucket("id", bits) >= lowest_bucket)
            case_match += _pg_in_unit(self.unit, cases=True)
            parts.append(select(Case.id.label("case_id")).where(*case_match))
            party_match: list[ColumnElement[bool]] = [_pg_party_match(term, self.ids_visible)]
        else:
            party_match = [and_(_pg_grams_match(term))]
        if lowest_bucket is not None:
            party_match.append(_pg_bucket("case_id", bits) >= lowest_bucket)
        party_match += _pg_in_unit(self.unit, cases=False)
        parts.append(select(Party.case_id.label("case_id")).where(*party_match))
        return parts[0] if len(parts) == 1 else union_all(*parts)


@contextmanager
def _pg_reading_alone(session: Session) -> Iterator[None]:
    """PostgreSQL: the search's statements each in a transaction of its own (the driver's
    autocommit) when ``session`` holds no change, has sent nothing yet and asks for a
    plain transaction (READ COMMITTED, read-write: each statement sees a snapshot of its
    own there anyway, so what the search reads is the same). psycopg opens
    a transaction with a BEGIN of its own (a round trip), and the session's end closes it
    with a ROLLBACK (another): around a search's one or two statements, two round trips
    that wait for the server as long as a statement does on a loaded machine. Without
    them, psycopg's cache of prepared statements also lives on (a ROLLBACK empties it): a
    search's statements are one of each kind per user (_pg_statement), prepared from
    their sixth run on the connection on (five searches in a row), then neither parsed
    nor planned again: the server's CPU a search 0.5 ms less in the median of nine of the
    benchmark's searches at 200,000 cases, up to 1.4 ms (one 0.3 ms more: PostgreSQL's
    generic plans of them are no worse). The next session on the connection that ends with
    a ROLLBACK then sends a DEALLOCATE ALL too (psycopg's), once.

    The statements only read (the setting of _PG_SERIAL lasts the statement's own
    transaction); their scope is written in them as before. A session that has begun
    a transaction (a read-only one of the server, a write recording an ID search), holds
    changes or asks for another kind of transaction (REPEATABLE READ: one snapshot for
    all its statements; READ ONLY) runs them in it as before; after the search the
    session's next statement begins a transaction as usual."""
    if session.new or session.dirty or session.deleted:
        yield
        return
    from psycopg import IsolationLevel
    from psycopg.pq import TransactionStatus

    raw = session.connection().connection.dbapi_connection
    if (
        raw is None
        or raw.autocommit
        or raw.info.transaction_status != TransactionStatus.IDLE
        or raw.isolation_level not in (None, IsolationLevel.READ_COMMITTED)
        or raw.read_only
        or raw.deferrable
    ):
        yield
        return
    raw.autocommit = True
    try:
        yield
    finally:
        if raw.info.transaction_status == TransactionStatus.IDLE:
            raw.autocommit = False


def _pg_search(session: Session, actor: Actor, terms: list[str], limit: int) -> list[int]:
    """PostgreSQL: :func:`search_cases` for the ``terms`` of a query (at least one)."""
    if len(terms) == 1:
        return _newest_first(session, actor, "postgresql", terms[0], limit)
    visible, unit = _ids_visible(actor), _unit(actor)
    condition = and_(*(_in_matches("postgresql", term, visible, unit) for term in terms))
    statement = (
        select(Case.id).where(condition, case_scope(actor)).order_by(Case.id.desc()).limit(limit)
    )
    return list(session.scalars(statement))


def _pg_newest(session: Session, actor: Actor, variant: str, limit: int) -> list[int]:
    """PostgreSQL, one variant of a term: the newest ``limit`` cases in ``actor``'s scope
    that match it.

    GIN indexes return their matches unordered, and fetching every match of a term found
    in some thousands of cases costs tens of milliseconds (a row fetched and checked for
    each). So the search reads the newest PG_FIRST_SPAN case ids' buckets first and, while
    they hold fewer than ``limit`` matches in scope, a span of older buckets as large as
    the density of matches seen so far says is needed (at most PG_MAX_GROWTH times the
    last); once the span reaches the first bucket, the whole index. Each statement's
    answer is exact for the ids it covers, so the first one holding ``limit`` matches
    gives the newest. When the density seen says the term matches at most PG_WHOLE_INDEX
    cases in all, the next statement reads the whole index (no bucket condition). A common
    term (有限公) ends after the first statement, a middling one (乳业: 13,845 parties in
    200,000 cases) after two or three, a rare one (王伟: 68) after two, the second of
    which fetches its few matches.
    """
    trigram = len(variant) >= MIN_TRIGRAM
    params = {"term": _like(variant) if trigram else variant, "limit": limit}
    statement = _pg_statement(actor, trigram, "first", PG_BUCKET_BITS, PG_FIRST_SPAN)
    newest, found = _pg_newest_in(session, statement, params)
    span = PG_FIRST_SPAN
    while newest is not None and len(found) < limit:
        bucket = (newest - span) >> PG_BUCKET_BITS
        if bucket <= 0:
            break  # that statement read every bucket
        covered = newest - (bucket << PG_BUCKET_BITS) + 1
        if (len(found) + 1) * newest <= PG_WHOLE_INDEX * covered:
            span = newest  # rare: the whole index
        else:
            # the span that holds ``limit`` matches at the density seen, with a margin
            wanted = covered * 2 * limit // len(found) if found else covered * PG_MAX_GROWTH
            span = min(max(wanted, 2 * covered), PG_MAX_GROWTH * covered)
        bucket = (newest - span) >> PG_BUCKET_BITS
        # bucket <= 0: every bucket, the index alone
        bounds = "bucket" if bucket > 0 else "whole"
        statement = _pg_statement(actor, trigram, bounds, PG_BUCKET_BITS, PG_FIRST_SPAN)
        _, found = _pg_newest_in(session, statement, {**params, "lowest": bucket})
    return found


@functools.lru_cache(maxsize=512)
def _pg_statement(
    actor: Actor, trigram: bool, bounds: str, bits: int, first_span: int
) -> Select[Any]:
    """The statement of _pg_newest_in for ``actor`` and a kind of term (``trigram``), with
    the bind parameters ``term`` (see _PgHits), ``limit`` and, when ``bounds`` is
    "bucket", ``lowest``: the lowest bucket (of ``bits`` bits) read. "first" reads the
    buckets of the newest ``first_span`` ids, "whole" the whole index.

    Built once and kept: building it and computing its cache key cost about 2 ms of CPU
    per statement, more than the server spends on a rare term's; a statement object kept
    has its cache key at hand (SQLAlchemy memoizes it), and its compiled form comes from
    the engine's cache as before. The actor's scope (case_scope) and unit are constants
    of the statement, hence the actor in the key (a statement of each kind per user); the
    values of each search are bound.

    Folding the whole index's read into the first statement, under an InitPlan's
    condition (a One-Time Filter: read only when the span held few), saved rare terms a
    round trip but not time (0.2-0.5 ms more planning for every first statement; common
    terms 10 -> 17 ms at load 8): the next statement is sent only when needed."""
    hits = _PgHits(trigram, _ids_visible(actor), _unit(actor))
    lowest: ColumnElement[int] | None = None
    if bounds == "first":
        # The first statement finds the newest id itself (one round trip fewer).
        newest_id = select(func.max(Case.id)).scalar_subquery()
        lowest = (newest_id - first_span).op(">>")(bits)
    elif bounds == "bucket":
        lowest = bindparam("lowest", type_=Integer)
    collected = hits.among(lowest, bits).cte("hits").prefix_with("MATERIALIZED")
    ordered = (
        select(collected.c.case_id)
        .distinct()
        .order_by(collected.c.case_id.desc())
        .subquery("ordered")
    )
    probe = (
        select(Case.id.label("id"))
        .where(Case.id == ordered.c.case_id, case_scope(actor))
        .limit(1)  # keeps the LATERAL a probe per hit
        .lateral("probe")
    )
    newest_found = (
        select(probe.c.id)
        .select_from(ordered.join(probe, true()))
        .order_by(ordered.c.case_id.desc())
        .limit(bindparam("limit", type_=Integer))
        .subquery("newest_found")
    )
    ids = select(func.array_agg(newest_found.c.id)).scalar_subquery()
    return select(select(func.max(Case.id)).scalar_subquery(), ids, _PG_SERIAL)


def _pg_newest_in(
    session: Session, statement: Select[Any], params: dict[str, Any]
) -> tuple[int | None, list[int]]:
    """The newest case id (None: no cases) and the newest ``limit`` (a parameter) case ids
    among the hits in scope, in one row, without parallel workers (_PG_SERIAL), by the
    ``statement`` of _pg_statement. The hits are collected first (MATERIALIZED: the
    planner misjudges how many rows ILIKE and the bigram containment keep, and would
    otherwise test the cases it walks in id order one by one), sorted, and probed in that
    order by primary key until ``limit`` are in scope."""
    newest, found, _ = session.execute(statement, params).one()
    return newest, sorted(found or [], reverse=True)
