"""Live updates: what a committed write changed, the change log, and its fan-out.

* :class:`Collector` watches one write session (its flushes and ORM statements) and tells
  which kinds of data changed (the desk's change kinds: ``cases``, ``limits``, ``alerts``,
  …) and which cases, with the office and station each case had before and has after the
  write (who may see the change).
* :func:`record` writes that change into the change log (``server_changes``, numbered by
  ``seq``) in the write's own transaction — a rolled-back write leaves no change — and on
  PostgreSQL sends ``NOTIFY ipdesk_changes`` (delivered at commit), so that every server
  process in front of the database learns of it.
* :class:`Broker` follows the log (woken by this process's commits and, on PostgreSQL, by
  LISTEN; else every half second) and hands each new change to the connected desktops
  whose user may see it (:func:`visible_to`), each through a bounded queue: a desktop that
  falls that far behind is disconnected and catches up from the log when it reconnects
  (``Last-Event-ID``).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, delete, event, insert, inspect, select, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from ipdesk.models import Case, ChangeRecord, Role
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor

log = logging.getLogger(__name__)

CHANNEL = "ipdesk_changes"
QUEUE_SIZE = 500
"""Changes waiting for one desktop; past that it is disconnected (it catches up later)."""
CATCH_UP_LIMIT = 5000
"""Changes sent on reconnection; a desktop further behind is told to reload everything."""
KEEP_DAYS = 7
"""How long the change log keeps a change."""

CASE_WORK = ("cases", "limits", "alerts")
_KINDS: dict[str, tuple[str, ...]] = {
    "alerts": ("alerts",),
    "documents": ("documents", "cases"),
    "consultations": ("consultations", *CASE_WORK),
    "consultation_requests": ("consultations", *CASE_WORK),
    "follow_up_policies": ("follow_ups",),
    "follow_up_visits": ("follow_ups", "cases"),
    "offices": ("org",),
    "stations": ("org",),
    "users": ("users",),
    "agencies": ("agencies",),
    "holiday_days": ("holidays", *CASE_WORK),
    "holiday_years": ("holidays", *CASE_WORK),
    "limit_rules": CASE_WORK,
}
"""The desk's change kinds of a write to each table; any other table: a case's work."""
_QUIET = frozenset({"dashboard_summary", "case_sequences", "blobs", "blob_chunks"})
"""Tables whose writes are side effects of another change (no change of their own)."""


def kinds_of(table: str) -> tuple[str, ...]:
    if not table or table in _QUIET or table.startswith("server_"):
        return ()
    return _KINDS.get(table, CASE_WORK)


@dataclass
class Collector:
    """What one write session changes (attach with :meth:`watch`)."""

    kinds: set[str] = field(default_factory=set)
    case_ids: set[int] = field(default_factory=set)
    bulk: bool = False
    watching: bool = True
    scopes: set[tuple[int, int | None, int | None]] = field(default_factory=set)

    def watch(self, session: Session) -> None:
        event.listen(session, "after_flush", self._after_flush)
        event.listen(session, "do_orm_execute", self._on_execute)

    def _after_flush(self, session: Session, _context: UOWTransaction) -> None:
        if not self.watching:
            return
        for obj in (*session.new, *session.dirty, *session.deleted):
            table = getattr(obj, "__tablename__", "")
            kinds = kinds_of(table)
            if not kinds:
                continue
            if obj in session.dirty and not session.is_modified(obj):
                continue
            self.kinds.update(kinds)
            if isinstance(obj, Case):
                if obj.id is not None:
                    self.case_ids.add(obj.id)
                    state = inspect(obj)
                    office = state.attrs.office_id.history.deleted
                    station = state.attrs.station_id.history.deleted
                    if office or station:  # moved: the old place sees it leave
                        self.scopes.add(
                            (
                                obj.id,
                                office[0] if office else obj.office_id,
                                station[0] if station else obj.station_id,
                            )
                        )
            else:
                case_id = getattr(obj, "case_id", None)
                if isinstance(case_id, int):
                    self.case_ids.add(case_id)

    def _on_execute(self, state: ORMExecuteState) -> None:
        if not (state.is_update or state.is_delete or state.is_insert):
            return
        mapper = state.bind_mapper
        table = getattr(mapper, "persist_selectable", None) if mapper is not None else None
        name = getattr(table, "name", "")
        kinds = kinds_of(name)
        if kinds and self.watching:
            self.kinds.update(kinds)
            # a statement on many rows (alerts withdrawn with a case's limits): the cases
            # are those the write changed, else not known
            self.bulk = True

    def saw(self, table: str, case_ids: Iterable[int]) -> None:
        """A write the session's events do not see (a Core statement through its
        connection, such as the alert scan's INSERT ... SELECT) to ``table``, about these
        cases."""
        kinds = kinds_of(table)
        if kinds and self.watching:
            self.kinds.update(kinds)
            self.case_ids.update(case_ids)

    @property
    def empty(self) -> bool:
        return not self.kinds


def record(session: Session, collector: Collector) -> ChangeEvent | None:
    """Write the collected change into the log in the session's transaction: the change
    with its ``seq`` (None when the write changed nothing a desktop shows)."""
    collector.watching = False
    if collector.empty:
        return None
    scopes = set(collector.scopes)
    if collector.case_ids:
        rows = session.execute(
            select(Case.id, Case.office_id, Case.station_id).where(
                Case.id.in_(sorted(collector.case_ids))
            )
        )
        scopes.update((int(i), o, s) for i, o, s in rows)
        known = {s[0] for s in scopes}
        # a case deleted in the write: no one's scope is known, tell everyone
        scopes.update((i, None, None) for i in collector.case_ids - known)
    table: Any = ChangeRecord.__table__
    seq = session.execute(
        insert(table)
        .values(
            at=utcnow(),
            kinds=sorted(collector.kinds),
            scopes=[list(s) for s in sorted(scopes, key=_key)],
        )
        .returning(table.c.seq)
    ).scalar_one()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": str(seq)})
    return ChangeEvent(int(seq), tuple(sorted(collector.kinds)), tuple(sorted(scopes, key=_key)))


def _key(scope: tuple[int, int | None, int | None]) -> tuple[int, int, int]:
    return scope[0], scope[1] or 0, scope[2] or 0


@dataclass(frozen=True)
class ChangeEvent:
    seq: int
    kinds: tuple[str, ...]
    scopes: tuple[tuple[int, int | None, int | None], ...]

    def for_actor(self, actor: Actor) -> dict[str, Any] | None:
        """The event's data as ``actor`` may see it, None when they may see none of it."""
        if not self.scopes:
            return {"kinds": list(self.kinds), "case_ids": []}
        ids = sorted(
            {case_id for case_id, office, station in self.scopes if _sees(actor, office, station)}
        )
        if not ids:
            return None
        return {"kinds": list(self.kinds), "case_ids": ids}


def _sees(actor: Actor, office_id: int | None, station_id: int | None) -> bool:
    """access.may_see_case on the case's (office, station); unknown place (a deleted case):
    everyone learns that the id changed, nothing else."""
    if actor.is_citywide or (office_id is None and station_id is None):
        return True
    if actor.role == Role.STATION_STAFF:
        return station_id is not None and station_id == actor.station_id
    return office_id is not None and office_id == actor.office_id


def visible_to(actor: Actor, change: ChangeEvent) -> dict[str, Any] | None:
    return change.for_actor(actor)


def read_since(session: Session, after: int, limit: int = CATCH_UP_LIMIT) -> list[ChangeEvent]:
    rows = session.execute(
        select(ChangeRecord.seq, ChangeRecord.kinds, ChangeRecord.scopes)
        .where(ChangeRecord.seq > after)
        .order_by(ChangeRecord.seq)
        .limit(limit)
    )
    return [_event(seq, kinds, scopes) for seq, kinds, scopes in rows]


def _event(seq: int, kinds: Iterable[str], scopes: Iterable[Iterable[Any]]) -> ChangeEvent:
    return ChangeEvent(
        int(seq),
        tuple(kinds),
        tuple((int(s[0]), s[1], s[2]) for s in (list(x) for x in scopes)),
    )


def last_seq(session: Session) -> int:
    return int(
        session.scalar(select(ChangeRecord.seq).order_by(ChangeRecord.seq.desc()).limit(1)) or 0
    )


def prune(session: Session, now: dt.datetime | None = None) -> int:
    """Forget changes older than :data:`KEEP_DAYS` (a desktop further behind reloads)."""
    cutoff = (now or utcnow()) - dt.timedelta(days=KEEP_DAYS)
    result: Any = session.execute(delete(ChangeRecord).where(ChangeRecord.at < cutoff))
    return int(result.rowcount or 0)


class Subscriber:
    """One connected desktop: its user, and a bounded queue on its event loop."""

    def __init__(self, actor: Actor, loop: asyncio.AbstractEventLoop) -> None:
        self.actor = actor
        self.loop = loop
        self.queue: asyncio.Queue[tuple[int, dict[str, Any]] | None] = asyncio.Queue(QUEUE_SIZE)
        self.overflowed = False

    def offer(self, change: ChangeEvent) -> None:
        data = change.for_actor(self.actor)
        if data is not None:
            self.loop.call_soon_threadsafe(self._put, (change.seq, data))

    def _put(self, item: tuple[int, dict[str, Any]] | None) -> None:
        if self.overflowed:
            return
        try:
            self.queue.put_nowait(item)
        except asyncio.QueueFull:
            self.overflowed = True  # the stream ends; the desktop reconnects and catches up
            with contextlib.suppress(asyncio.QueueEmpty):
                self.queue.get_nowait()
            self.queue.put_nowait(None)


class Broker:
    """Follows the change log and hands each new change to the subscribers."""

    poll_seconds = 0.5
    """How often the log is read when nothing woke the pump (PostgreSQL: LISTEN wakes it
    at once for the commits of other server processes)."""

    GAP_SECONDS = 30.0
    """How long a missing seq (a transaction that took it and has not committed yet) is
    waited for before it is taken as rolled back."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._subscribers: set[Subscriber] = set()
        self._lock = threading.Lock()
        self._dispatching = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._last = 0
        self._gaps: dict[int, float] = {}  # seq -> first seen missing (monotonic)

    # -- life ----------------------------------------------------------------------------

    def start(self) -> None:
        with Session(self._engine) as session:
            self._last = last_seq(session)
        self._threads = [threading.Thread(target=self._pump, name="ipdesk-changes", daemon=True)]
        if self._engine.dialect.name == "postgresql":
            self._threads.append(
                threading.Thread(target=self._listen, name="ipdesk-listen", daemon=True)
            )
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(5)

    def poke(self) -> None:
        """A change was committed (here, or another process said so)."""
        self._wake.set()

    # -- subscribers ---------------------------------------------------------------------

    def subscribe(self, actor: Actor) -> Subscriber:
        subscriber = Subscriber(actor, asyncio.get_running_loop())
        with self._lock:
            self._subscribers.add(subscriber)
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            self._subscribers.discard(subscriber)

    @property
    def connected(self) -> int:
        return len(self._subscribers)

    # -- following the log ---------------------------------------------------------------

    def _pump(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.poll_seconds)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self._dispatch_new()
            except Exception:
                log.exception("Reading the change log failed")
                time.sleep(1)

    def publish(self, change: ChangeEvent) -> None:
        """A change this process committed: handed on at once (no reading it back)."""
        self._hand_on([change])

    def _dispatch_new(self) -> None:
        with self._dispatching:
            start = min([self._last, *self._gaps]) if self._gaps else self._last
        with Session(self._engine) as session:
            changes = read_since(session, start)
        self._hand_on(changes)

    def _hand_on(self, changes: list[ChangeEvent]) -> None:
        """Send the changes not sent yet; a seq skipped over is remembered as a gap (its
        transaction may commit later) for :attr:`GAP_SECONDS`."""
        now = time.monotonic()
        fresh = []
        with self._dispatching:
            for change in changes:
                if change.seq <= self._last and change.seq not in self._gaps:
                    continue  # sent already
                self._gaps.pop(change.seq, None)
                for missing in range(self._last + 1, change.seq):
                    self._gaps.setdefault(missing, now)
                self._last = max(self._last, change.seq)
                fresh.append(change)
            self._gaps = {s: t for s, t in self._gaps.items() if now - t < self.GAP_SECONDS}
        if not fresh:
            return
        with self._lock:
            subscribers = list(self._subscribers)
        for change in fresh:
            for subscriber in subscribers:
                subscriber.offer(change)

    def _listen(self) -> None:
        """PostgreSQL: LISTEN on a connection of its own; each NOTIFY wakes the pump."""
        while not self._stop.is_set():
            try:
                raw = self._engine.raw_connection()
                try:
                    driver: Any = raw.driver_connection
                    driver.autocommit = True
                    driver.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        for _note in driver.notifies(timeout=1.0, stop_after=1):
                            self._wake.set()
                finally:
                    raw.invalidate()
            except Exception:
                if self._stop.is_set():
                    return
                log.exception("LISTEN %s failed; listening again", CHANNEL)
                time.sleep(1)
