"""The signed-in user's desk: the one way the window talks to the core.

After Anki's ``Collection`` with its ``QueryOp`` / ``CollectionOp``: a :class:`Desk` holds
who works (the actor), the clock they work by (``today()``, the legal date unless a test
fixes it) and where the records are; widgets take the desk and nothing else of the core.

* A widget asks for a named :class:`~ipdesk.remote.calls.Call` of a registered service
  function (``call(cases_query.count_cases, flt)``), never a closure: the same request runs
  here or on the server (closures are still accepted from the files listed in
  tests/remote/test_desk_calls.py, on a local desk only).
* :meth:`Desk.read` runs a query in the background, in a read-only session;
  :meth:`Desk.write` runs an operation in one transaction. Either ends on the GUI thread in
  one success path (``on_done(result)``) or one refusal path (``on_refused(refusal)``,
  a :class:`Refusal`: the error's text translated from its code and the field it is
  about). Without ``on_refused`` a refusal is shown in a message box.
* A ``purpose`` names what a result is for ("load", "count", …): a newer request of the
  same widget for the same purpose supersedes the older, whose result is dropped
  (:mod:`ipdesk.ui.tasks` does it, in one place).
* After a write the desk broadcasts what changed (:class:`Change`: kinds of data and the
  case ids where known) through :attr:`Desk.changed`; pages :meth:`Desk.follow` the kinds
  they show and reload, so no refresh is wired by hand.

The window does not know where the desk keeps its records: its :class:`Backend` is a
:class:`LocalBackend` (the services in process on a session factory, SQLite or PostgreSQL)
or a :class:`~ipdesk.remote.client.RemoteBackend` (``ipdesk-server`` over HTTPS, whose
pushed changes the desk announces like its own). :class:`Gate` is what comes before a
desk: the sign-in and the first administrator, and the desk of whoever signed in;
:class:`RemoteGate` (:func:`open_remote_gate`) the same in network mode.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import sys
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.db import READ_ONLY, make_session_factory
from ipdesk.remote.calls import Call, Stores, run_local
from ipdesk.services.actors import Actor
from ipdesk.services.admin import auth
from ipdesk.services.admin.auth import SignedIn, UserInfo
from ipdesk.services.admin.org import ImportSummary, OfficeInfo, import_org, org_tree
from ipdesk.services.errors import ServiceError, StaleData, ValidationError, ValidationErrors
from ipdesk.services.infra import audit
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui import tasks
from ipdesk.ui.messages import error_text
from ipdesk.ui.refusals import refusal_text

if TYPE_CHECKING:  # the HTTPS client (httpx) loads only in network mode
    from ipdesk.remote.client import ChangeListener, RemoteClient

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

T = TypeVar("T")

Query = Callable[[Session], T]
"""A closure on one session: what a read or a write ran before named calls (being phased
out: only a local desk runs one; see tests/remote/test_desk_calls.py)."""

Mode = Literal["read", "write", "rehearse"]

Progress = Callable[[int, int], None]
"""``progress(done, total)``, called on the worker thread (a ``ProgressRelay``'s report)."""
"""How a call runs: read-only, in one transaction, or in a transaction rolled back."""


class Backend(Protocol):
    """Where a desk's records are: this computer's database (:class:`LocalBackend`) or
    ``ipdesk-server`` (:class:`ipdesk.remote.client.RemoteBackend`). Called on worker
    threads; Qt-free."""

    @property
    def actor(self) -> Actor: ...

    def run(self, c: Call[T], mode: Mode, today: dt.date) -> T:
        """Run the named call ``c`` (as ``mode``) with the legal date ``today``."""
        ...

    def run_query(self, query: Query[T], mode: Mode) -> T:
        """Run a closure on a session (local only: a remote backend refuses)."""
        ...

    def local_engine(self) -> Engine | None: ...

    def materialise(self, result: Path | str, sha256: str | None) -> Path:
        """The file a call named (``result``: a path here, or the name of the server's
        private copy) on this computer: a remote backend downloads the content ``sha256``
        (else the 64 hex digits its name starts with) unless its copy holds it already."""
        ...


class LocalBackend:
    """The records in a database this process opened: the services run in process on
    ``session_factory`` as ``actor``, files in ``stores`` (default: the user data folder)."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Actor,
        stores: Stores | None = None,
    ) -> None:
        self._factory = session_factory
        self._actor = actor
        self._stores = stores

    @property
    def actor(self) -> Actor:
        return self._actor

    @property
    def stores(self) -> Stores:
        if self._stores is None:
            from ipdesk.ui.stores import FileStores

            self._stores = FileStores.default()
        return self._stores

    def run(self, c: Call[T], mode: Mode, today: dt.date, progress: Progress | None = None) -> T:
        """Also ``progress``: what a service that reports its progress calls (a ledger's
        import: the dialog's progress bar)."""
        stores = self._stores if not c.exposed.supplied else self.stores
        actor = self._actor
        return self.run_query(
            lambda s: run_local(s, actor, c, today=today, stores=stores, progress=progress),
            mode,
        )

    def run_query(self, query: Query[T], mode: Mode) -> T:
        factory = self._factory
        if mode == "write":
            with factory.begin() as session:
                return query(session)
        with factory() as session:
            if mode == "read":
                session.connection(execution_options=READ_ONLY)
                return query(session)
            try:
                return query(session)
            finally:
                session.rollback()

    def local_engine(self) -> Engine | None:
        engine = self._factory.kw.get("bind")
        return engine if isinstance(engine, Engine) else None

    def import_local_files(self) -> None:
        """Store in the database the evidence files and documents that earlier versions
        kept in this computer's folders (services/infra/file_import.py: idempotent, one
        transaction a file), once a database a run; what still lacks its content is
        logged (and the file check's banner shows it). Failures are logged, not raised:
        a repair that cannot run now must not keep the user from working."""
        engine = self.local_engine()
        if engine is None or engine in _FILES_IMPORTED:
            return
        from ipdesk.services.infra import file_import

        stores = self.stores
        try:
            report = file_import.import_local_files(
                self._factory, stores.attachments, stores.documents
            )
        except (SQLAlchemyError, ServiceError, OSError):
            log.exception("The import of local evidence files and documents failed")
            return
        _FILES_IMPORTED.add(engine)
        for lacking in report.lacking:
            log.warning("%s", lacking.message)

    def materialise(self, result: Path | str, sha256: str | None) -> Path:
        return Path(result)  # the services wrote it here


_FILES_IMPORTED: weakref.WeakSet[Engine] = weakref.WeakSet()
"""The databases whose earlier versions' local files this run has imported."""


Work = Call[T] | Query[T]
"""What a desk runs: a named call (a closure only during the transition)."""


class ChangeKind(enum.StrEnum):
    """Kinds of data a write may change; a page follows the kinds it shows."""

    CASES = "cases"
    LIMITS = "limits"
    ALERTS = "alerts"
    ORG = "org"
    USERS = "users"
    AGENCIES = "agencies"
    HOLIDAYS = "holidays"
    FOLLOW_UPS = "follow_ups"
    CONSULTATIONS = "consultations"
    DOCUMENTS = "documents"


@dataclass(frozen=True)
class Change:
    """What a write changed: ``kinds`` of data and, where known, the cases (empty
    ``case_ids``: any case of those kinds may have changed)."""

    kinds: frozenset[ChangeKind]
    case_ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, *kinds: ChangeKind, case_ids: Iterable[int] = ()) -> Change:
        return cls(frozenset(kinds), frozenset(case_ids))

    def touches(self, kinds: Iterable[ChangeKind]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def concerns_case(self, case_id: int) -> bool:
        """May case ``case_id`` (or what hangs on it) have changed?"""
        return not self.case_ids or case_id in self.case_ids

    def __or__(self, other: Change) -> Change:
        # "any case" wins over a list of cases
        ids = (
            frozenset()
            if not self.case_ids or not other.case_ids
            else self.case_ids | other.case_ids
        )
        return Change(self.kinds | other.kinds, ids)


CASE_WORK = (ChangeKind.CASES, ChangeKind.LIMITS)
"""A case's state, office, mediator or clock changed: lists, boards and counts follow."""


CALENDAR_CHANGED = Change.of(ChangeKind.HOLIDAYS, *CASE_WORK)
"""The holiday calendar changed: due dates move, so lists, boards and alerts follow."""


def case_change(*case_ids: int) -> Change:
    """A change of the cases ``case_ids`` (their state, limits and what hangs on them)."""
    return Change.of(*CASE_WORK, ChangeKind.ALERTS, case_ids=case_ids)


@dataclass(frozen=True)
class Refusal:
    """Why the core refused or failed: the text to show (translated from the error's
    code) and the field it is about (None: no field)."""

    text: str
    field: str | None
    error: Exception

    @property
    def code(self) -> str:
        return self.error.code if isinstance(self.error, ServiceError) else ""

    @property
    def stale(self) -> bool:
        """Someone else saved the record meanwhile: reloading it may help."""
        return isinstance(self.error, StaleData)

    @property
    def fields(self) -> list[tuple[str, str]]:
        """(field, text) of every field a validation refusal names."""
        if isinstance(self.error, ValidationErrors):
            return [(e.field, refusal_text(e)) for e in self.error.errors]
        if isinstance(self.error, ValidationError):
            return [(self.error.field, self.text)]
        return []


def refusal_of(error: Exception) -> Refusal:
    """The one translation of an error that reached the window into what it shows."""
    if isinstance(error, ValidationErrors):
        first = error.errors[0].field if error.errors else None
        return Refusal(refusal_text(error), first, error)
    if isinstance(error, ValidationError):
        return Refusal(refusal_text(error), error.field, error)
    if not isinstance(error, ServiceError):
        log.error("The core failed", exc_info=error)
    return Refusal(error_text(error), None, error)


def show_refusal(owner: QObject, refusal: Refusal) -> None:
    """The refusal of a request that has no place of its own to show it: a message box."""
    parent = owner if isinstance(owner, QWidget) else None
    QMessageBox.warning(parent, translate("desk", "Not done"), refusal.text)


OnRefused = Callable[[Refusal], None]
Follower = Callable[[Change], None]


def _call(follower: Follower, change: Change) -> None:
    """Call one follower; what it raises is reported and the other followers still run."""
    try:
        follower(change)
    except Exception as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)


class _WhenShown(QObject):
    """Calls a follower at once, unless its widget is hidden in a shown window (a page
    behind another, a closed dock): then when it is shown next."""

    def __init__(self, widget: QWidget, follower: Follower) -> None:
        super().__init__(widget)
        self._widget = widget
        self._follower = follower
        self._pending: Change | None = None
        widget.installEventFilter(self)

    def __call__(self, change: Change) -> None:
        if self._widget.isVisible() or not self._widget.window().isVisible():
            self._follower(change)
        else:
            self._pending = change if self._pending is None else self._pending | change

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._pending is not None:
            change, self._pending = self._pending, None
            _call(self._follower, change)  # an exception must not cross Qt's event filter
        return False


class Desk(QObject):
    """One signed-in user's desk (see the module docstring)."""

    changed = Signal(object)
    """A write (here, or one announced) changed data: the :class:`Change`."""

    _announced = Signal(object)  # a change from another thread (the server's push)
    session_ended = Signal()
    """The server no longer accepts this desk's session (it expired, the user was disabled
    or signed out elsewhere): the window signs out (a desk on the server only)."""
    _ended = Signal()  # the same, from the change listener's thread

    def __init__(
        self,
        source: sessionmaker[Session] | Backend,
        actor: Actor | None = None,
        *,
        today: Callable[[], dt.date] = legal_today,
        stores: Stores | None = None,
        parent: QObject | None = None,
    ) -> None:
        """A desk on ``source``: a :class:`Backend`, or a session factory (a local desk of
        ``actor``, its files in ``stores``)."""
        super().__init__(parent)
        if isinstance(source, sessionmaker):
            if actor is None:
                raise TypeError("a local desk needs its actor")
            source = LocalBackend(source, actor, stores)
        self._backend: Backend = source
        self._actor = source.actor
        self._today = today
        self._followers: list[tuple[QObject, frozenset[ChangeKind], Follower]] = []
        self._closed = False
        self._held_reads: list[Callable[[], None]] | None = None
        self._announced.connect(self.announce)  # queued to the GUI thread when emitted elsewhere
        self._ended.connect(self._end_session)

    @property
    def actor(self) -> Actor:
        return self._actor

    @property
    def backend(self) -> Backend:
        return self._backend

    @property
    def stores(self) -> Stores | None:
        """Where this computer keeps private copies of files (None: a desk on the server,
        whose stores are the server's)."""
        backend = self._backend
        return backend.stores if isinstance(backend, LocalBackend) else None

    @property
    def is_remote(self) -> bool:
        """True when the records are on ``ipdesk-server`` (no local database)."""
        return not isinstance(self._backend, LocalBackend)

    def end_session_from_thread(self) -> None:
        """Tell the window, on the GUI thread, that the server ended this session."""
        self._ended.emit()

    def _end_session(self) -> None:
        if not self._closed:
            log.info("The server ended the session of %s", self._actor.name)
            self.session_ended.emit()

    def announce_from_thread(self, change: Change) -> None:
        """:meth:`announce` ``change`` on the GUI thread (from any thread: the server's push)."""
        self._announced.emit(change)

    def today(self) -> dt.date:
        """The legal date the user works by."""
        return self._today()

    def local_engine(self) -> Engine | None:
        """The database engine when the records are on this computer's connection (for
        the daily backup of an embedded database); None for a desk without one."""
        return self._backend.local_engine()

    # -- background work -----------------------------------------------------------------------

    def read(
        self,
        owner: QObject,
        query: Work[T],
        on_done: Callable[[T], None],
        on_refused: OnRefused | None = None,
        *,
        purpose: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Run ``query`` in a read-only session in the background; ``on_done(result)`` or
        ``on_refused(refusal)`` on the GUI thread, unless ``owner`` has gone or asked
        again for the same ``purpose`` meanwhile. ``progress(done, total)``: what a call
        that reports its progress reports (on a desk on this computer's database)."""

        def start() -> None:
            tasks.run_task(
                self._runner(query, "read", progress),
                on_done,
                self._refused(owner, on_refused),
                context=owner,
                purpose=purpose,
            )

        if self._held_reads is not None:
            self._held_reads.append(start)
        else:
            start()

    def hold_reads(self) -> None:
        """Hold the reads asked for from now on until :meth:`release_reads`: the start
        holds those of the window's pages while it builds them, so that their loads do not
        compete with its first paint (``ipdesk.app.open_main_window``)."""
        if self._held_reads is None:
            self._held_reads = []

    def drop_held_reads(self) -> None:
        """Forget the reads held: their window closed before its first paint."""
        if self._held_reads is not None:
            self._held_reads = []

    def release_reads(self) -> None:
        """Start the reads held (in the order they were asked for); later ones start at
        once."""
        held, self._held_reads = self._held_reads, None
        for start in held or ():
            start()

    def write(
        self,
        owner: QObject,
        operation: Work[T],
        on_done: Callable[[T], None],
        on_refused: OnRefused | None = None,
        *,
        changes: Change | Callable[[T], Change | None] | None,
        purpose: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Run ``operation`` in one transaction in the background; on success broadcast
        ``changes`` (or what ``changes(result)`` says), then ``on_done(result)`` — also
        when ``owner`` has gone meanwhile, the broadcast is not lost."""
        claim = tasks.claim(owner, purpose)
        refused = self._refused(owner, on_refused)

        def done(result: T) -> None:
            if shiboken6.isValid(self):
                self._announce_after(changes, result)
            if claim.settle() and shiboken6.isValid(owner):
                on_done(result)

        def failed(error: Exception) -> None:
            if claim.settle() and shiboken6.isValid(owner):
                refused(error)

        tasks.run_task(self._runner(operation, "write", progress), done, failed)

    def rehearse(
        self,
        owner: QObject,
        operation: Work[T],
        on_done: Callable[[T], None],
        on_refused: OnRefused | None = None,
        *,
        purpose: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Run ``operation`` in a transaction that is rolled back (a dry run: what it would
        do, changing nothing); like :meth:`read` otherwise."""
        tasks.run_task(
            self._runner(operation, "rehearse", progress),
            on_done,
            self._refused(owner, on_refused),
            context=owner,
            purpose=purpose,
        )

    def file(
        self,
        owner: QObject,
        work: Call[Path] | Path | str,
        on_done: Callable[[Path], None],
        on_refused: OnRefused | None = None,
        *,
        sha256: str | None = None,
    ) -> None:
        """The file on this computer that ``work`` names, for opening it: run the read
        ``work`` (``evidence.attachment_file``, ``documents.document_file``: a private copy
        written from the database), or take the path a write returned; on a desk on the
        server, download the content (``sha256``, else the digits its name starts with)
        into this computer's private copies. Then ``on_done(path)`` like :meth:`read`."""
        backend, clock = self._backend, self._today

        def run() -> Path:
            result = backend.run(work, "read", clock()) if isinstance(work, Call) else work
            return backend.materialise(result, sha256)

        tasks.run_task(run, on_done, self._refused(owner, on_refused), context=owner)

    def repair_local_files(self, owner: QObject, then: Callable[[], None]) -> None:
        """In the background, store in the database the files that earlier versions kept
        in this computer's folders (:meth:`LocalBackend.import_local_files`), then call
        ``then()`` on the GUI thread (unless ``owner`` has gone). A desk on the server has
        no such folders: ``then()`` at once."""
        backend = self._backend
        if not isinstance(backend, LocalBackend):
            then()
            return
        tasks.run_task(backend.import_local_files, lambda _none: then(), None, context=owner)

    def job(self, operation: Work[T]) -> Callable[[], T]:
        """``operation`` as a write for a worker thread of one's own (a scheduler's): it
        announces nothing — announce its change on the GUI thread when it reports back."""
        return self._runner(operation, "write")

    def read_now(self, query: Work[T]) -> T:
        """Run a small ``query`` (an indexed lookup, a short list for a choice) at once."""
        return self._runner(query, "read")()

    # -- changes -------------------------------------------------------------------------------

    def announce(self, change: Change) -> None:
        """Tell every follower that ``change`` happened (a write made elsewhere: the alert
        scan, another desk's write that the server pushed)."""
        if self._closed:
            return
        self._followers = [f for f in self._followers if shiboken6.isValid(f[0])]
        for owner, kinds, follower in list(self._followers):
            if change.touches(kinds) and shiboken6.isValid(owner):
                _call(follower, change)
        self.changed.emit(change)

    def follow(self, owner: QObject, kinds: Iterable[ChangeKind], follower: Follower) -> None:
        """Call ``follower(change)`` after every change of one of ``kinds``, while ``owner``
        lives. A hidden widget ``owner`` (a page behind another) is called when it is
        shown next, once, with the changes since."""
        if isinstance(owner, QWidget):
            follower = _WhenShown(owner, follower)
        self._followers.append((owner, frozenset(kinds), follower))

    def close(self) -> None:
        """The user signed out: nothing more is announced, and no follower is called."""
        self._closed = True
        self._followers.clear()

    # -- machinery -----------------------------------------------------------------------------

    def _announce_after(
        self, changes: Change | Callable[[T], Change | None] | None, result: T
    ) -> None:
        change = changes(result) if callable(changes) else changes
        if change is not None and change.kinds:
            self.announce(change)

    def _runner(
        self, work: Work[T], mode: Mode, progress: Progress | None = None
    ) -> Callable[[], T]:
        """What a worker thread runs for ``work`` (the legal date taken when it runs)."""
        backend = self._backend
        if isinstance(work, Call):
            if mode == "read" and work.kind == "write":
                raise TypeError(f"{work.name} is a write: use Desk.write")
            c: Call[T] = work
            clock = self._today
            if progress is not None and isinstance(backend, LocalBackend):
                local = backend
                return lambda: local.run(c, mode, clock(), progress)
            return lambda: backend.run(c, mode, clock())  # the server reports no progress
        query: Query[T] = work
        return lambda: backend.run_query(query, mode)

    def _refused(self, owner: QObject, on_refused: OnRefused | None) -> Callable[[Exception], None]:
        def refused(error: Exception) -> None:
            if getattr(error, "code", None) == "signed_out" and shiboken6.isValid(self):
                self._end_session()
            refusal = refusal_of(error)
            if on_refused is not None:
                on_refused(refusal)
            else:
                show_refusal(owner, refusal)

        return refused


class Gate:
    """What comes before a desk: signing in, the first administrator, and the desk of
    whoever signed in (audited in their name)."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    @classmethod
    def on(cls, engine: Engine) -> Gate:
        """The gate of a database opened here (the first-start wizard's)."""
        return cls(make_session_factory(engine))

    def organisation(self) -> list[OfficeInfo]:
        """Every office with its stations (what the first-start wizard reports)."""
        with self._factory() as session:
            session.connection(execution_options=READ_ONLY)
            return org_tree(session, Actor.system())

    def needs_first_admin(self) -> bool:
        """True on a database without an administrator (one indexed lookup)."""
        with self._factory() as session:
            session.connection(execution_options=READ_ONLY)
            return auth.needs_first_admin(session)

    def sign_in(self, username: str, password: str) -> SignedIn:
        """Check the password (slow on purpose: call it in the background)."""
        return auth.sign_in(self._factory, username, password)

    def create_first_admin(self, username: str, name: str, password: str) -> UserInfo:
        with self._factory.begin() as session:
            return auth.create_first_admin(session, username, name, password)

    def import_org(self, actor: Actor, offices: Path, stations: Path) -> ImportSummary:
        """The organisation from its two CSV files (the first-start wizard, before any
        desk is open)."""
        with self._factory.begin() as session:
            return import_org(session, actor, offices, stations)

    def open_desk(
        self,
        signed: SignedIn,
        *,
        today: Callable[[], dt.date] = legal_today,
        stores: Stores | None = None,
    ) -> Desk:
        """The desk of ``signed``: everything changed through it is audited in their name;
        private copies of files go into ``stores`` (default: the user data folder)."""
        factory = audit.audited_sessions(self._factory, signed.actor)
        log.info("Changes by %s audited: %s", signed.username, audit.is_installed(factory))
        return Desk(factory, signed.actor, today=today, stores=stores)


class RemoteGate(Gate):
    """The gate of a desktop in network mode: the sign-in is the server's (its password
    rules, lock-out and tokens), and the desk of whoever signed in works through the
    server, following the changes it pushes. The first administrator and the organisation
    are set up on the server (``ipdesk-admin``), not here."""

    def __init__(self, client: RemoteClient) -> None:  # no session factory: the server's
        self.client = client
        self._listener: ChangeListener | None = None

    @property
    def url(self) -> str:
        return self.client.url

    def needs_first_admin(self) -> bool:
        return False  # the server's operator creates it

    def organisation(self) -> list[OfficeInfo]:
        from ipdesk.remote.client import NotRemote

        raise NotRemote("组织机构由服务器管理")

    def sign_in(self, username: str, password: str) -> SignedIn:
        """Sign in on the server (slow on purpose there: call it in the background)."""
        return self.client.sign_in(username, password)

    def create_first_admin(self, username: str, name: str, password: str) -> UserInfo:
        from ipdesk.remote.client import NotRemote

        raise NotRemote("首个管理员须在服务器上创建（ipdesk-admin）")

    def import_org(self, actor: Actor, offices: Path, stations: Path) -> ImportSummary:
        from ipdesk.remote.client import NotRemote

        raise NotRemote("组织机构由服务器管理")

    def open_desk(
        self,
        signed: SignedIn,
        *,
        today: Callable[[], dt.date] = legal_today,
        stores: Stores | None = None,
    ) -> Desk:
        """The desk of ``signed`` on the server; it follows the server's changes (a change
        of another desktop reaches its pages within a second) until it is closed."""
        if self._listener is not None:
            self._listener.stop()
        cache = Path(stores.attachments) if stores is not None else None
        from ipdesk.remote.client import RemoteBackend

        desk = Desk(RemoteBackend(self.client, signed, cache=cache), today=today)

        def changed(kinds: list[str], case_ids: list[int]) -> None:
            if shiboken6.isValid(desk):
                desk.announce_from_thread(change_of(kinds, case_ids))

        def ended() -> None:
            if shiboken6.isValid(desk):
                desk.end_session_from_thread()

        listener = self.client.listen(changed, on_signed_out=ended)
        self._listener = listener
        desk.destroyed.connect(listener.stop)
        return desk

    def close(self) -> None:
        if self._listener is not None:
            self._listener.stop()
        self.client.sign_out()


def change_of(kinds: Iterable[str], case_ids: Iterable[int]) -> Change:
    """The :class:`Change` of a change the server pushed (``"*"``: everything may have
    changed; kinds this version does not know are left out)."""
    names = list(kinds)
    known = set(ChangeKind) if "*" in names else {ChangeKind(k) for k in names if k in _KINDS}
    return Change(frozenset(known), frozenset(case_ids))


_KINDS = {k.value for k in ChangeKind}


def open_remote_gate(url: str, ca_file: Path | str | None) -> RemoteGate:
    """The gate to ``ipdesk-server`` at ``url`` (``https://…``), its certificate checked
    against ``ca_file`` (the deployment's CA; None: the system's). ServerUnreachable when
    it does not answer."""
    from ipdesk.remote.client import RemoteClient

    client = RemoteClient(url, ca_file=ca_file)
    client.health()
    return RemoteGate(client)
