"""The append-only, hash-chained audit trail, written in the same transaction as the change.

How it is enabled
-----------------
One call per session factory, once, where the factory is made (the app at start-up, the
CLI's :class:`ipdesk.cli.context.Context`)::

    factory = db.make_session_factory(engine)
    audit.install(factory)

From then on every session of ``factory`` records each INSERT, UPDATE and DELETE of the
audited entities (:data:`AUDITED`) that goes through the ORM — ``session.add``, attribute
changes, ``session.delete`` — and the ORM-enabled ``session.execute(update(...)|delete(...)|
insert(...))`` statements on their tables. No service has to call anything.

Who acted is ``session.info["actor"]`` (an :class:`~ipdesk.services.actors.Actor`); a
session without one records the system (``user_id`` NULL), which is what ``ipdesk-admin``
(``Actor.system()``) is. The desktop, once someone has signed in, either makes its
sessions from ``audit.audited_sessions(factory, actor)`` or calls
``audit.set_actor(session, actor)`` on each session it opens.

What is recorded
----------------
One :class:`~ipdesk.models.AuditRecord` per row changed: ``action`` ("insert", "update",
"delete"), ``entity`` (the table name, e.g. "cases"), ``entity_id`` (the primary key as
text), ``before`` / ``after`` (the changed columns; every column for an insert or a delete)
as JSON (dates in ISO 8601, Decimal as a string, enums as their value). A password hash is
never written: only that it was set or changed. ID numbers, phone numbers and addresses
are written masked (as lists show them), so the trail, which can never be deleted, does not
become a second copy of the personal data (PIPL Arts. 19, 28).

Rows written around the ORM — :func:`ipdesk.services.infra.bulk.bulk_insert` (demo data,
imports) — are recorded by their caller with :func:`record_bulk` (one summary record per
call). Revealing personal data in full is recorded with :func:`record_access`.

The chain
---------
``hash`` is the SHA-256 of a canonical JSON of (id, at, user_id, action, entity, entity_id,
before, after, prev_hash); ``prev_hash`` is the hash of the record before it by id (the
first record's is 64 zeros). Ids are given out here, consecutively, under a lock: on
PostgreSQL a transaction-level advisory lock taken right before the records are appended at
commit (held for the last instant of the transaction only, so it cannot take part in a
deadlock); on SQLite the write lock that ``BEGIN IMMEDIATE`` took. Two writers can
therefore never fork the chain (and if they did, the primary key would refuse the second).

:func:`verify_chain` walks the records in id order, in constant memory, and names the
first one that is broken: content edited, a record deleted (a gap in the ids, or a
``prev_hash`` that is not the previous record's hash), records inserted or reordered.
Deleting the newest records leaves a shorter chain that is still intact, and a chain
rewritten wholesale with its hashes recomputed passes too: both are caught against an
**anchor**, the head of the chain (last id and hash) kept outside the database.

Anchors
-------
:func:`anchor` gives the head as an :class:`Anchor`; its :meth:`Anchor.line` is the line
``ipdesk-server`` writes to its log after writes (and periodically), documented as::

    ipdesk-audit-anchor id=<last id> hash=<64 hex digits of the last record's hash>

(anything before ``ipdesk-audit-anchor`` on the line, e.g. the logger's time stamp, is
ignored; :func:`parse_anchors` finds every such line in a log). Every backup's signed
marker or manifest holds the head too (``audit_last_id`` / ``audit_last_hash``, see
:mod:`ipdesk.services.infra.backup`). :func:`check_anchors` compares anchors with the chain: the
record of each anchor's id must still exist and carry the anchor's hash, so a record that
was deleted, or rewritten together with all its successors' hashes, fails
(``ipdesk-admin audit verify --anchor FILE_OR_BACKUP``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, cast

from sqlalchemy import (
    String,
    Table,
    event,
    insert,
    inspect,
    select,
    text,
    tuple_,
    type_coerce,
)
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import (
    Mapper,
    ORMExecuteState,
    Session,
    SessionTransaction,
    UOWTransaction,
    sessionmaker,
)
from sqlalchemy.orm.base import LoaderCallableStatus
from sqlalchemy.sql.dml import Delete, Insert, Update

from ipdesk.models import (
    Adjudication,
    Agency,
    Agreement,
    Attachment,
    AuditRecord,
    Case,
    ClockAdjustment,
    Confirmation,
    Consultation,
    ConsultationRequest,
    Document,
    FollowUpPolicy,
    HolidayDay,
    HolidayYear,
    LimitRule,
    MediationRecord,
    Obligation,
    Office,
    PanelOfficer,
    Party,
    ProceedingRecord,
    ServiceRecord,
    Station,
    User,
)
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor
from ipdesk.services.errors import ServiceError
from ipdesk.services.rules.capabilities import Capability
from ipdesk.services.rules.capabilities import require as require_capability
from ipdesk.services.rules.identifiers import mask_address, mask_id, mask_phone

GENESIS: Final = "0" * 64
"""The ``prev_hash`` of the first record."""

AUDITED: Final[tuple[type[Any], ...]] = (
    Case,
    Party,
    Attachment,
    Document,
    User,
    Office,
    Station,
    Agency,
    HolidayDay,
    HolidayYear,
    LimitRule,
    FollowUpPolicy,
    Agreement,
    Obligation,
    Confirmation,
    Consultation,
    ConsultationRequest,
    ClockAdjustment,
    MediationRecord,
    Adjudication,
    PanelOfficer,
    ServiceRecord,
    ProceedingRecord,
)
"""The entities whose every change is recorded."""

AUDITED_TABLES: Final = frozenset(cls.__tablename__ for cls in AUDITED)

SECRET: Final = "<secret>"
"""What is written instead of a password hash: only that it was set or changed."""

# Columns never written in clear: (table, column) -> how the value is shown.
_SECRET_COLUMNS: Final = frozenset({("users", "password_hash")})
_MASKED_COLUMNS: Final = {
    ("parties", "id_number"): mask_id,
    ("parties", "phone"): mask_phone,
    ("parties", "address"): mask_address,
    ("users", "phone"): mask_phone,
    ("agencies", "phone"): mask_phone,
}

# Any constant will do; it differs from ipdesk.migrate's so the two never wait for each other.
_PG_AUDIT_LOCK: Final = 0x1D5EA0D1

_ACTOR_KEY: Final = "actor"
_PENDING_KEY: Final = "ipdesk_audit_pending"
_COMMITTING_KEY: Final = "ipdesk_audit_committing"
_INSTALLED_ATTR: Final = "_ipdesk_audit_installed"

_TABLE = cast(Table, AuditRecord.__table__)


class AuditError(ServiceError):
    code = "audit"


# --------------------------------------------------------------------------- enabling

_listening = False


def install(target: sessionmaker[Session] | type[Session]) -> None:
    """Record the changes made through every session of ``target``: a session factory, or
    a Session class (``install(Session)`` audits every session of the process).

    Idempotent, and safe in any order: the listeners are registered once, on the Session
    class, and act for sessions whose class (or a base of it) was installed. A factory made
    from an audited one (``audited_sessions``, ``sessionmaker(class_=...)``) is audited."""
    global _listening
    if not _listening:
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "do_orm_execute", _on_execute)
        event.listen(Session, "before_commit", _before_commit)
        event.listen(Session, "after_soft_rollback", _after_soft_rollback)
        event.listen(Session, "after_transaction_end", _after_transaction_end)
        _listening = True
    cls = target.class_ if isinstance(target, sessionmaker) else target
    setattr(cls, _INSTALLED_ATTR, True)


def is_installed(target: sessionmaker[Session] | type[Session] | Session) -> bool:
    if isinstance(target, sessionmaker):
        return _installed(target.class_)
    return _installed(target if isinstance(target, type) else type(target))


def _installed(cls: type[Any]) -> bool:
    return any(vars(c).get(_INSTALLED_ATTR, False) for c in cls.__mro__)


def set_actor(session: Session, actor: Actor | None) -> None:
    """Record ``actor`` as the author of what ``session`` changes from now on."""
    session.info[_ACTOR_KEY] = actor


def actor_of(session: Session) -> Actor | None:
    found = session.info.get(_ACTOR_KEY)
    return found if isinstance(found, Actor) else None


def audited_sessions(session_factory: sessionmaker[Session], actor: Actor) -> sessionmaker[Session]:
    """A factory like ``session_factory`` (same engine and options) whose sessions are
    audited and act for ``actor``: the desktop makes one when someone signs in."""
    kw = dict(session_factory.kw)
    info = dict(kw.pop("info", None) or {})
    info[_ACTOR_KEY] = actor
    factory: sessionmaker[Session] = sessionmaker(class_=session_factory.class_, info=info, **kw)
    install(factory)
    return factory


# --------------------------------------------------------------------------- values


def json_value(value: Any) -> Any:
    """``value`` as JSON can hold it: ISO dates, Decimal as text, enums by value."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return json_value(value.value)
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(v) for v in value]
    return str(value)


def _shown(table: str, column: str, value: Any) -> Any:
    if (table, column) in _SECRET_COLUMNS:
        return None if value is None else SECRET
    mask = _MASKED_COLUMNS.get((table, column))
    if mask is not None and isinstance(value, str) and value:
        return mask(value)
    return json_value(value)


def canonical(record: Mapping[str, Any]) -> bytes:
    """The bytes the hash is taken over: sorted keys, no spaces, ASCII only."""
    doc = {
        "id": record["id"],
        "at": _canonical_time(record["at"]),
        "user_id": record["user_id"],
        "action": record["action"],
        "entity": record["entity"],
        "entity_id": record["entity_id"],
        "before": record["before"],
        "after": record["after"],
        "prev_hash": record["prev_hash"],
    }
    return json.dumps(
        doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    ).encode("ascii")


def record_hash(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(record)).hexdigest()


def _canonical_time(value: Any) -> str:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if not isinstance(value, dt.datetime):
        raise TypeError(f"not a time: {value!r}")
    if value.tzinfo is None:  # SQLite keeps UTC without a zone
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# --------------------------------------------------------------------------- entries


@dataclass
class _Entry:
    """A change waiting for its transaction to commit."""

    action: str
    entity: str
    entity_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    user_id: int | None
    scope: SessionTransaction | None  # the (nested) transaction it happened in


@dataclass
class _Pending:
    entries: list[_Entry] = field(default_factory=list)
    # Old values of attributes that were changed before they were loaded (see before_flush).
    old_values: dict[int, dict[str, Any]] = field(default_factory=dict)


def _pending(session: Session) -> _Pending:
    found = session.info.get(_PENDING_KEY)
    if not isinstance(found, _Pending):
        found = session.info[_PENDING_KEY] = _Pending()
    return found


def _user_id(session: Session) -> int | None:
    actor = actor_of(session)
    return actor.user_id if actor is not None else None


def _scope(session: Session) -> SessionTransaction | None:
    return session.get_nested_transaction() or session.get_transaction()


def _audited(obj: object) -> bool:
    return isinstance(obj, AUDITED)


def _entity_id(mapper: Mapper[Any], values: Mapping[str, Any]) -> str | None:
    parts = []
    for column in mapper.primary_key:
        key = mapper.get_property_by_column(column).key
        value = values.get(key)
        if value is None:
            return None
        parts.append(str(json_value(value)))
    return ",".join(parts)


def _table_name(mapper: Mapper[Any]) -> str:
    table = mapper.local_table
    assert isinstance(table, Table)
    return table.name


def _known(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` without SQLAlchemy's markers for "not loaded"."""
    return {k: v for k, v in values.items() if not isinstance(v, LoaderCallableStatus)}


def _column_keys(mapper: Mapper[Any]) -> Iterator[tuple[str, str]]:
    """(attribute key, column name) of every column attribute of ``mapper``."""
    for prop in mapper.column_attrs:
        yield prop.key, prop.columns[0].name


def _before_flush(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    if not _installed(type(session)):
        return
    # The trail is append-only: an ORM change to a record would break the chain.
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, AuditRecord):
            raise AuditError("审计记录只能追加，不能修改或删除", code="audit_append_only")
    # An attribute set without its old value loaded (expired, deferred) has no old value in
    # its history: read it now, while the database still holds it.
    pending = _pending(session)
    for obj in session.dirty:
        if not _audited(obj):
            continue
        state = inspect(obj)
        if state.identity is None:
            continue
        unknown = [
            (key, name)
            for key, name in _column_keys(state.mapper)
            if state.attrs[key].history.added and not state.attrs[key].history.deleted
        ]
        if not unknown:
            continue
        table = state.mapper.local_table
        assert isinstance(table, Table)
        pk = list(table.primary_key.columns)
        row = (
            session.connection()
            .execute(
                select(*(table.c[name] for _key, name in unknown)).where(
                    *(c == v for c, v in zip(pk, state.identity, strict=True))
                )
            )
            .first()
        )
        if row is not None:
            pending.old_values[id(obj)] = {
                key: value for (key, _name), value in zip(unknown, row, strict=True)
            }


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    if not _installed(type(session)):
        return
    pending = _pending(session)
    user_id = _user_id(session)
    scope = _scope(session)
    entries: list[_Entry] = []
    for obj in session.new:
        if _audited(obj):
            entries.append(_insert_entry(obj, user_id, scope))
    for obj in session.dirty:
        if _audited(obj) and obj not in session.deleted:
            entry = _update_entry(obj, user_id, scope, pending.old_values.get(id(obj), {}))
            if entry is not None:
                entries.append(entry)
    for obj in session.deleted:
        if _audited(obj):
            entries.append(_delete_entry(obj, user_id, scope))
    pending.old_values.clear()
    _queue(session, entries)


def _insert_entry(obj: object, user_id: int | None, scope: SessionTransaction | None) -> _Entry:
    state = inspect(obj)
    mapper = state.mapper
    table = _table_name(mapper)
    values = _known(state.dict)
    after = {name: _shown(table, name, values.get(key)) for key, name in _column_keys(mapper)}
    return _Entry("insert", table, _entity_id(mapper, values), None, after, user_id, scope)


def _update_entry(
    obj: object,
    user_id: int | None,
    scope: SessionTransaction | None,
    old_values: Mapping[str, Any],
) -> _Entry | None:
    state = inspect(obj)
    mapper = state.mapper
    table = _table_name(mapper)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key, name in _column_keys(mapper):
        history = state.attrs[key].history
        if not history.added and not history.deleted:
            continue
        old = history.deleted[0] if history.deleted else old_values.get(key)
        new = history.added[0] if history.added else None
        if old == new and type(old) is type(new):
            continue
        before[name] = _shown(table, name, old)
        after[name] = _shown(table, name, new)
    if not after:
        return None
    # The primary key as it was (an update may change it).
    ident = state.identity
    entity_id = ",".join(str(json_value(v)) for v in ident) if ident else None
    return _Entry("update", table, entity_id, before, after, user_id, scope)


def _delete_entry(obj: object, user_id: int | None, scope: SessionTransaction | None) -> _Entry:
    state = inspect(obj)
    mapper = state.mapper
    table = _table_name(mapper)
    values = {**_known(state.dict), **_known(state.committed_state)}
    before = {
        name: _shown(table, name, values.get(key))
        for key, name in _column_keys(mapper)
        if key in values
    }
    ident = state.identity
    entity_id = ",".join(str(json_value(v)) for v in ident) if ident else _entity_id(mapper, values)
    return _Entry("delete", table, entity_id, before, None, user_id, scope)


def _queue(session: Session, entries: list[_Entry]) -> None:
    if not entries:
        return
    if session.info.get(_COMMITTING_KEY):
        # A flush during the commit itself (after before_commit): append at once.
        _append(session.connection(), entries)
        return
    _pending(session).entries.extend(entries)


# --------------------------------------------------------------------------- statements


def _on_execute(state: ORMExecuteState) -> Any:
    """``session.execute(update(X)|delete(X)|insert(X))`` on an audited table: rows are
    read before (and after) the statement so that each changed row gets its record;
    statements run with many parameter sets get one summary record."""
    statement = state.statement
    if not isinstance(statement, Update | Delete | Insert) or not _installed(type(state.session)):
        return None
    table = statement.table
    if not isinstance(table, Table) or table.name not in AUDITED_TABLES:
        return None
    session = state.session
    params = state.parameters
    if isinstance(statement, Insert) or not isinstance(params, Mapping | None):
        result = state.invoke_statement()
        count = getattr(result, "rowcount", -1)
        if (count is None or count < 0) and isinstance(params, Sequence):
            count = len(params)
        action = {Update: "bulk_update", Delete: "bulk_delete"}.get(type(statement), "bulk_insert")
        _queue(session, [_summary(session, action, table.name, max(count or 0, 0))])
        return result
    query = select(table)
    if statement.whereclause is not None:
        query = query.where(statement.whereclause)
    connection = session.connection()
    old_rows = [dict(r._mapping) for r in connection.execute(query, dict(params or {}))]
    if isinstance(statement, Delete):
        _queue(session, [_row_entry(session, "delete", table, old, None) for old in old_rows])
        return None
    result = state.invoke_statement()
    new_rows = _rows_by_key(connection, table, old_rows)
    entries = []
    for old in old_rows:
        new = new_rows.get(_key(table, old))
        changed = [k for k in old if new is not None and old[k] != new.get(k)]
        if new is not None and changed:
            before = {k: old[k] for k in changed}
            after = {k: new[k] for k in changed}
            entries.append(_row_entry(session, "update", table, before, after, old))
    _queue(session, entries)
    return result


def _summary(session: Session, action: str, table: str, count: int) -> _Entry:
    return _Entry(action, table, None, None, {"count": count}, _user_id(session), _scope(session))


def _row_entry(
    session: Session,
    action: str,
    table: Table,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    row: Mapping[str, Any] | None = None,
) -> _Entry:
    def shown(values: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if values is None:
            return None
        return {k: _shown(table.name, k, v) for k, v in values.items()}

    return _Entry(
        action,
        table.name,
        _row_id(table, row if row is not None else before or after or {}),
        shown(before),
        shown(after),
        _user_id(session),
        _scope(session),
    )


def _key(table: Table, row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in table.primary_key.columns)


def _rows_by_key(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The current values of ``rows`` (read again by primary key)."""
    pk = list(table.primary_key.columns)
    keys = [_key(table, row) for row in rows]
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        condition = pk[0].in_([k[0] for k in chunk]) if len(pk) == 1 else tuple_(*pk).in_(chunk)
        for r in connection.execute(select(table).where(condition)):
            row = dict(r._mapping)
            found[_key(table, row)] = row
    return found


def _row_id(table: Table, row: Mapping[str, Any]) -> str | None:
    values = [row.get(c.name) for c in table.primary_key.columns]
    if any(v is None for v in values):
        return None
    return ",".join(str(json_value(v)) for v in values)


# --------------------------------------------------------------------------- transaction


def _before_commit(session: Session) -> None:
    if not _installed(type(session)) or session.in_nested_transaction():
        return  # a savepoint: its changes are appended when the transaction commits
    session.flush()
    pending = _pending(session)
    entries, pending.entries = pending.entries, []
    session.info[_COMMITTING_KEY] = True
    if entries:
        _append(session.connection(), entries)


def _after_soft_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    pending = session.info.get(_PENDING_KEY)
    if not isinstance(pending, _Pending):
        return
    pending.old_values.clear()
    if previous_transaction.parent is None:  # the whole transaction
        pending.entries.clear()
        return
    pending.entries = [e for e in pending.entries if not _within(e.scope, previous_transaction)]


def _within(scope: SessionTransaction | None, transaction: SessionTransaction) -> bool:
    while scope is not None:
        if scope is transaction:
            return True
        scope = scope.parent
    return False


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_COMMITTING_KEY, None)
        pending = session.info.get(_PENDING_KEY)
        if isinstance(pending, _Pending):
            pending.entries.clear()
            pending.old_values.clear()


# --------------------------------------------------------------------------- appending


def _lock(connection: Connection) -> None:
    """Serialise appenders. SQLite: BEGIN IMMEDIATE (ipdesk.db) holds the write lock."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})


def _append(connection: Connection, entries: Sequence[_Entry]) -> list[int]:
    """Append ``entries`` to the chain in the connection's transaction; return their ids."""
    _lock(connection)
    last = connection.execute(
        select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)
    ).first()
    last_id, prev_hash = (int(last[0]), str(last[1])) if last is not None else (0, GENESIS)
    at = utcnow()
    rows = []
    for offset, entry in enumerate(entries, start=1):
        row: dict[str, Any] = {
            "id": last_id + offset,
            "at": at,
            "user_id": entry.user_id,
            "action": entry.action,
            "entity": entry.entity,
            "entity_id": entry.entity_id,
            "before": entry.before,
            "after": entry.after,
            "prev_hash": prev_hash,
        }
        row["hash"] = prev_hash = record_hash(row)
        rows.append(row)
    connection.execute(insert(_TABLE), rows)
    return [r["id"] for r in rows]


def _session_append(session: Session, entry: _Entry) -> int:
    session.flush()
    return _append(session.connection(), [entry])[0]


def record_bulk(session: Session, actor: Actor | None, table: str | Table, count: int) -> int:
    """Record rows written around the ORM (``bulk_insert``): one summary record per call,
    action "bulk_insert", entity the table's name, ``after`` {"count": count}, in the
    session's transaction (on PostgreSQL it takes the trail's lock until the commit: call
    it right before committing). Works whether or not the session's factory is installed.
    Returns the record's id."""
    if count <= 0:
        raise ValueError("count must be positive")
    return _session_append(
        session,
        _Entry(
            "bulk_insert",
            table.name if isinstance(table, Table) else table,
            None,
            None,
            {"count": count},
            actor.user_id if actor else None,
            None,
        ),
    )


def record_event(
    connection: Connection, action: str, entity: str, details: Mapping[str, Any]
) -> int:
    """Record an event of the system that changes no audited row through the ORM (an
    operator's restore of a backup without a valid signature): action ``action``, ``after``
    ``details``, no user, in the connection's transaction. Returns the record's id."""
    entry = _Entry(action, entity, None, None, dict(details), None, None)
    return _append(connection, [entry])[0]


def record_access(
    session: Session, actor: Actor | None, entity: str, entity_id: object, what: str
) -> int:
    """Record that ``actor`` was shown ``what`` (e.g. "id_number") of ``entity`` /
    ``entity_id`` in full (PIPL Art. 51), action "access". Call it in the transaction that
    reads the value, last (on PostgreSQL it takes the trail's lock until the commit), and
    commit even when nothing else changed. Works whether or not the session's factory is
    installed. Returns the record's id."""
    return _session_append(
        session,
        _Entry(
            "access",
            entity,
            None if entity_id is None else str(json_value(entity_id)),
            None,
            {"what": what, "actor": actor.name if actor else None},
            actor.user_id if actor else None,
            None,
        ),
    )


def record_action(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: object,
    details: Mapping[str, Any],
) -> int:
    """Record an action of ``actor`` that changes no audited row (a document rendered by
    ``ipdesk-admin render``): ``action``, ``entity`` / ``entity_id``, ``after`` ``details``.
    Like :func:`record_access`: last in the transaction, then commit. Returns the id."""
    return _session_append(
        session,
        _Entry(
            action,
            entity,
            None if entity_id is None else str(json_value(entity_id)),
            None,
            {str(k): json_value(v) for k, v in details.items()},
            actor.user_id if actor else None,
            None,
        ),
    )


# --------------------------------------------------------------------------- verifying


@dataclass(frozen=True)
class Problem:
    code: str  # "gap", "prev_hash", "hash", "unreadable"
    message: str


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of :func:`verify_chain`."""

    checked: int
    last_id: int | None
    last_hash: str | None
    broken_id: int | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.broken_id is None

    @property
    def message(self) -> str:
        if self.ok:
            if not self.checked:
                return "审计记录为空"
            return f"审计链完整：共 {self.checked} 条记录，最后一条 {self.last_id}"
        details = "；".join(p.message for p in self.problems)
        return f"审计链在记录 {self.broken_id} 处断开：{details}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "last_id": self.last_id,
            "last_hash": self.last_hash,
            "broken_id": self.broken_id,
            "problems": [{"code": p.code, "message": p.message} for p in self.problems],
            "message": self.message,
        }


def verify_audit_trail(session: Session, actor: Actor) -> VerifyResult:
    """The administrator's check of the whole trail (see :func:`verify_chain`)."""
    require_capability(actor, Capability.VERIFY_AUDIT)
    return verify_chain(session)


def verify_chain(session: Session, *, batch: int = 2000) -> VerifyResult:
    """Walk the records in id order and report the first broken one (constant memory).

    The values are read as stored (text on SQLite), so that a record whose time or JSON
    was replaced by something unreadable is reported like any other broken one."""
    connection = session.connection()
    c = _TABLE.c
    statement = select(
        c.id,
        type_coerce(c.at, String).label("at"),
        c.user_id,
        c.action,
        c.entity,
        c.entity_id,
        type_coerce(c.before, String).label("before"),
        type_coerce(c.after, String).label("after"),
        c.prev_hash,
        c.hash,
    ).order_by(c.id)
    result = connection.execution_options(stream_results=True, yield_per=batch).execute(statement)
    checked = 0
    prev_hash = GENESIS
    last_id: int | None = None
    try:
        for row in result:
            problems = _check(row, last_id, prev_hash)
            if problems:
                return VerifyResult(
                    checked, last_id, prev_hash if last_id is not None else None, row.id, problems
                )
            checked += 1
            last_id = int(row.id)
            prev_hash = str(row.hash)
    finally:
        result.close()
    return VerifyResult(checked, last_id, prev_hash if last_id is not None else None)


def _stored_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _check(row: Row[Any], last_id: int | None, prev_hash: str) -> tuple[Problem, ...]:
    problems: list[Problem] = []
    expected_id = (last_id or 0) + 1
    if row.id != expected_id:
        if last_id is None:
            message = f"第一条记录的编号应为 1，实为 {row.id}（之前的记录被删除）"
        elif row.id > expected_id:
            missing = (
                str(expected_id) if row.id == expected_id + 1 else f"{expected_id}–{row.id - 1}"
            )
            message = f"缺少记录 {missing}（记录被删除）"
        else:  # cannot happen with an integer primary key read in order; kept for safety
            message = f"编号 {row.id} 不在记录 {last_id} 之后"
        problems.append(Problem("gap", message))
    if row.prev_hash != prev_hash:
        after = f"记录 {last_id}" if last_id is not None else "链首"
        problems.append(
            Problem("prev_hash", f"prev_hash 与{after}的哈希不符（记录被删除、插入或调换顺序）")
        )
    try:
        record = {
            "id": row.id,
            "at": row.at,
            "user_id": row.user_id,
            "action": row.action,
            "entity": row.entity,
            "entity_id": row.entity_id,
            "before": _stored_json(row.before),
            "after": _stored_json(row.after),
            "prev_hash": row.prev_hash,
        }
        recomputed = record_hash(record)
    except (TypeError, ValueError):
        problems.append(Problem("unreadable", "内容无法读取（时间或 JSON 被改坏）"))
    else:
        if recomputed != row.hash:
            problems.append(Problem("hash", "内容与哈希不符（记录被修改）"))
    return tuple(problems)


def records(session: Session, entity: str, entity_id: object) -> list[dict[str, Any]]:
    """The trail of one row, oldest first (for a history pane)."""
    rows = session.execute(
        select(_TABLE)
        .where(_TABLE.c.entity == entity, _TABLE.c.entity_id == str(json_value(entity_id)))
        .order_by(_TABLE.c.id)
    )
    return [dict(r._mapping) for r in rows]


# --------------------------------------------------------------------------- anchors

ANCHOR_TAG: Final = "ipdesk-audit-anchor"
"""The word that starts an anchor in a log line (see the module's docstring)."""

_ANCHOR_LINE: Final = re.compile(rf"{ANCHOR_TAG} id=(\d{{1,18}}) hash=([0-9a-f]{{64}})\b")


@dataclass(frozen=True)
class Anchor:
    """The head of the chain as it was at some moment, kept outside the database."""

    last_id: int
    last_hash: str
    source: str = ""  # where it was read: "FILE:LINE", a backup's name

    def line(self) -> str:
        """The log line (see the module's docstring)."""
        return f"{ANCHOR_TAG} id={self.last_id} hash={self.last_hash}"


def anchor(session: Session) -> Anchor | None:
    """The head of the chain now (None while the trail is empty), for the server's log."""
    row = (
        session.connection()
        .execute(select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1))
        .first()
    )
    return None if row is None else Anchor(int(row[0]), str(row[1]))


def parse_anchors(lines: str | Iterable[str], source: str = "") -> list[Anchor]:
    """The anchors of a server log (its text, or its lines as they are read), in order;
    one per distinct head (the same head logged again is the same anchor)."""
    found: dict[tuple[int, str], Anchor] = {}
    for number, line in enumerate(lines.splitlines() if isinstance(lines, str) else lines, start=1):
        match = _ANCHOR_LINE.search(line)
        if match and (int(match[1]), match[2]) not in found:
            found[int(match[1]), match[2]] = Anchor(int(match[1]), match[2], f"{source}:{number}")
    return list(found.values())


@dataclass(frozen=True)
class AnchorResult:
    """The outcome of :func:`check_anchors`: how many anchors held, the first that did not."""

    checked: int
    broken: Anchor | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken is None

    @property
    def message(self) -> str:
        if self.ok:
            return f"审计链与 {self.checked} 个锚点一致"
        assert self.broken is not None
        where = f"（{self.broken.source}）" if self.broken.source else ""
        return f"审计链与锚点不符：记录 {self.broken.last_id}{where}{self.reason}"

    def as_dict(self) -> dict[str, Any]:
        broken = self.broken
        return {
            "ok": self.ok,
            "checked": self.checked,
            "broken": None
            if broken is None
            else {"id": broken.last_id, "hash": broken.last_hash, "source": broken.source},
            "message": self.message,
        }


def check_anchors(session: Session, anchors: Sequence[Anchor]) -> AnchorResult:
    """Compare ``anchors`` with the chain: each anchor's record must exist with its hash.
    Checks the newest anchor first (the one a rewrite most likely misses), then the rest."""
    connection = session.connection()
    checked = 0
    seen: set[tuple[int, str]] = set()
    for item in sorted(anchors, key=lambda a: a.last_id, reverse=True):
        if (item.last_id, item.last_hash) in seen:
            continue
        seen.add((item.last_id, item.last_hash))
        stored = connection.execute(
            select(_TABLE.c.hash).where(_TABLE.c.id == item.last_id)
        ).scalar_one_or_none()
        if stored is None:
            return AnchorResult(checked, item, " 已不存在（审计链被截短或重写）")
        if stored != item.last_hash:
            return AnchorResult(checked, item, " 的哈希与锚点不符（审计链被改写）")
        checked += 1
    return AnchorResult(checked)


def verify_against_anchors(
    session: Session, actor: Actor, anchors: Sequence[Anchor]
) -> tuple[VerifyResult, AnchorResult]:
    """The administrator's check of the whole trail and of the anchors kept outside it."""
    require_capability(actor, Capability.VERIFY_AUDIT)
    return verify_chain(session), check_anchors(session, anchors)
