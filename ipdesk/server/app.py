"""The HTTP API of ``ipdesk-server`` (docs: /work/shared contract, README "Network mode").

A Starlette application: small, maintained, and it streams request bodies (uploads),
responses (downloads) and server-sent events without extra packages; it runs on uvicorn.
The service layer is synchronous SQLAlchemy: every database step runs in a worker thread
(``run_in_threadpool``), the event loop only moves bytes.

Routes (all JSON, all under ``/api/v1``):

* ``POST sign-in`` → a token (:mod:`ipdesk.server.tokens`); sign-in, lock-out and password
  rules are services/admin/auth.py's. ``POST sign-out`` ends the token.
* ``POST call`` ``{"call", "args", "kwargs"}``: a named service call
  (:mod:`ipdesk.remote.calls`) checked (exposed name, no server parameters, fitting
  arguments), decoded with the codec's allow-list, run for the token's user — the actor,
  ``today`` (the legal date by the server's clock) and the file stores are the server's —
  in an audited session: a read in a read-only transaction, a write in one transaction
  with its change-log entry and its ``Idempotency-Key`` record (the same key from the same
  user returns the stored result and does not run again; keys are kept a day).
* ``GET changes``: server-sent events of the committed changes the user may see
  (:mod:`ipdesk.server.changes`), ``Last-Event-ID`` catching up.
* ``PUT blobs`` (streamed upload of an evidence file: size limit, type by content) and
  ``GET blobs/{sha256}`` (streamed, only when the user may see a record naming it, or
  uploaded it).
* ``GET health``.

Evidence in a call: an ``AttachmentInput`` whose ``path`` is ``"sha256:<hex>"`` names a
content the same user uploaded with ``PUT blobs``; the server hands the service a private
copy of it. Any other path is refused: a client never names a file of the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import itertools
import json
import logging
import os
import random
import re
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, exists, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from ipdesk import db, migrate
from ipdesk.models import Attachment, Case, Document, IdempotencyRecord, ServerUpload
from ipdesk.models.base import utcnow
from ipdesk.remote import calls, codec
from ipdesk.server import changes, tokens
from ipdesk.services.actors import Actor
from ipdesk.services.admin import auth
from ipdesk.services.cases import intake
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.errors import (
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ServiceError,
    StaleData,
    ValidationError,
    ValidationErrors,
    database_busy,
)
from ipdesk.services.infra import audit, blobs
from ipdesk.services.rules import evidence_types
from ipdesk.services.rules.access import case_scope
from ipdesk.services.rules.deadlines import legal_today

log = logging.getLogger(__name__)

API = "/api/v1"
IDEMPOTENCY_HOURS = 24
MAX_CALL_BYTES = codec.MAX_BYTES * 4
"""The largest call body (files go through the blob routes)."""
HEARTBEAT_SECONDS = 15.0
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_UPLOAD_REF = re.compile(r"^sha256:([0-9a-f]{64})$")
_ARGUMENT_ERRORS = (
    sa_exc.InvalidRequestError,  # session.get() of a list, ...
    sa_exc.ArgumentError,
    sa_exc.DataError,  # a text where the database wants a number
    sa_exc.ProgrammingError,  # a value the driver cannot send
)
"""What a service raises when a call's arguments are of the wrong kinds."""
_KEY = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


@dataclass
class Settings:
    """What the server is run with (``ipdesk-server`` fills it from its options)."""

    token_hours: float = tokens.DEFAULT_HOURS
    max_upload_bytes: int = intake.DEFAULT_MAX_ATTACHMENT_BYTES
    data_dir: Path | None = None  # the server's private folder (stores, staging)
    today: Callable[[], dt.date] = legal_today
    heartbeat_seconds: float = HEARTBEAT_SECONDS


@dataclass
class _Stores:
    """The file stores a call may need (private copies on the server, never sent)."""

    attachments: Path
    documents: Path


@dataclass
class Server:
    """The application's state: the database, the change broker, the settings."""

    engine: Engine
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        self.factory: sessionmaker[Session] = db.make_session_factory(self.engine)
        audit.install(self.factory)
        self.broker = changes.Broker(self.engine)
        base = self.settings.data_dir or Path(tempfile.mkdtemp(prefix="ipdesk-server-"))
        base.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(base, 0o700)
        self.staging = base / "staging"
        self.staging.mkdir(exist_ok=True)
        self.stores = _Stores(base / "attachments", base / "documents")

    # -- sessions ------------------------------------------------------------------------

    def actor_of(self, token: str) -> Actor | None:
        with self.factory() as session:
            return tokens.actor_for(session, token)

    @contextlib.contextmanager
    def read_session(self, actor: Actor) -> Iterator[Session]:
        """A read-only transaction acting for ``actor`` (the database refuses writes)."""
        factory = audit.audited_sessions(self.factory, actor)
        with factory() as session:
            sqlite = session.get_bind().dialect.name == "sqlite"
            # PostgreSQL: psycopg's BEGIN READ ONLY (SQLAlchemy resets the connection when
            # it goes back to the pool), not a SET TRANSACTION of its own round trip.
            options = db.READ_ONLY if sqlite else {**db.READ_ONLY, "postgresql_readonly": True}
            conn = session.connection(execution_options=options)
            if sqlite:
                conn.exec_driver_sql("PRAGMA query_only = 1")
            try:
                yield session
            finally:
                if sqlite:  # the connection goes back to the pool: writable again
                    conn.exec_driver_sql("PRAGMA query_only = 0")
                session.rollback()


# -- responses -----------------------------------------------------------------------------


def _status(error: ServiceError) -> int:
    if isinstance(error, calls.BadCall | codec.CodecError):
        return 400
    if isinstance(error, auth.SignInFailed | auth.AccountLocked | auth.AccountDisabled):
        return 401
    if isinstance(error, PermissionDenied):
        return 403
    if isinstance(error, NotFound | blobs.BlobMissing):
        return 404
    if isinstance(error, StaleData | IllegalTransition):
        return 409
    if isinstance(error, blobs.BlobTooLarge):
        return 413
    if isinstance(error, ValidationError | ValidationErrors):
        return 422
    return 400


def refusal(error: ServiceError) -> JSONResponse:
    return JSONResponse({"error": codec.encode_error(error)}, status_code=_status(error))


def unauthorised(message: str = "登录已过期或账户已停用，请重新登录") -> JSONResponse:
    body = codec.encode_error(ServiceError(message, code="signed_out"))
    return JSONResponse(
        {"error": body}, status_code=401, headers={"WWW-Authenticate": 'Bearer realm="ipdesk"'}
    )


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


async def _actor(request: Request) -> Actor | None:
    token = _bearer(request)
    if not token:
        return None
    server: Server = request.app.state.server
    return await run_in_threadpool(server.actor_of, token)


# -- sign-in -------------------------------------------------------------------------------


async def sign_in(request: Request) -> Response:
    server: Server = request.app.state.server
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return refusal(calls.BadCall("请求格式不正确"))
    username, password = body.get("username"), body.get("password")
    if not isinstance(username, str) or not isinstance(password, str) or len(username) > 200:
        return refusal(auth.SignInFailed("用户名或密码错误"))

    def run() -> tuple[auth.SignedIn, str, dt.datetime]:
        signed = auth.sign_in(server.factory, username, password)
        with server.factory.begin() as session:
            token, expires = tokens.issue(
                session, signed.user_id, hours=server.settings.token_hours
            )
        return signed, token, expires

    try:
        signed, token, expires = await run_in_threadpool(run)
    except ServiceError as error:
        return refusal(error)
    return JSONResponse(
        {"token": token, "expires_at": expires.isoformat(), "signed_in": codec.encode(signed)}
    )


async def sign_out(request: Request) -> Response:
    server: Server = request.app.state.server
    token = _bearer(request)

    def run() -> None:
        with server.factory.begin() as session:
            tokens.revoke(session, token)

    if token:
        await run_in_threadpool(run)
    return JSONResponse({"ok": True})


# -- calls ---------------------------------------------------------------------------------


class _Staged:
    """The private copies of the uploads a call names (removed after the call)."""

    def __init__(self, server: Server, actor: Actor) -> None:
        self.server = server
        self.actor = actor
        self.folder: Path | None = None

    def resolve(self, value: Any) -> Any:
        if isinstance(value, intake.AttachmentInput):
            return self._attachment(value)
        if isinstance(value, list | tuple):
            resolved = [self.resolve(v) for v in value]
            return tuple(resolved) if isinstance(value, tuple) else resolved
        return value

    def _attachment(self, item: intake.AttachmentInput) -> intake.AttachmentInput:
        ref = item.path if isinstance(item.path, str) else None
        match = _UPLOAD_REF.match(ref or "")
        if match is None:
            raise calls.BadCall("证据文件须先上传到服务器", code="bad_call")
        sha256 = match.group(1)
        with self.server.factory() as session:
            upload = session.get(ServerUpload, (self.actor.user_id, sha256))
            if upload is None:
                raise NotFound("上传的文件不存在，请重新选择", code="upload_not_found")
            if self.folder is None:
                self.folder = Path(tempfile.mkdtemp(prefix="call-", dir=self.server.staging))
            path = self.folder / sha256
            if not path.exists():
                blobs.write_file(session, sha256, path, name=upload.name)
        return dataclasses.replace(item, path=path, name=item.name or upload.name)

    def remove(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def wire(value: Any, depth: int = 0) -> Any:
    """``value`` with every path of the server's disk replaced by its file name: a private
    copy the server made (a rendered document, an evidence file) means nothing to a
    desktop, which fetches the content by its SHA-256; the server's folders stay its own."""
    if isinstance(value, Path):
        return value.name
    if depth > 8:
        return value
    if isinstance(value, list | tuple) and not hasattr(value, "_fields"):
        items = [wire(v, depth + 1) for v in value]
        return tuple(items) if isinstance(value, tuple) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {
            f.name: wire(getattr(value, f.name), depth + 1)
            for f in dataclasses.fields(value)
            if f.init and isinstance(getattr(value, f.name), Path | list | tuple)
        }
        changed = {k: v for k, v in changed.items() if v is not getattr(value, k)}
        return dataclasses.replace(value, **changed) if changed else value
    return value


def body_name(raw: bytes) -> str:
    """The call's name for the log (never its arguments: they hold personal data)."""
    try:
        name = json.loads(raw).get("call")
    except (ValueError, AttributeError):
        return "?"
    return name[:100] if isinstance(name, str) else "?"


def _decoded(body: Any) -> tuple[str, list[Any], dict[str, Any]]:
    if not isinstance(body, dict):
        raise calls.BadCall("调用格式不正确")
    name = body.get("call")
    args = codec.decode(body.get("args", []), untrusted=True)
    kwargs = codec.decode(body.get("kwargs", {}), untrusted=True)
    checked = calls.checked(name, args, kwargs)
    return checked.name, list(checked.args), dict(checked.kwargs)


def _run_read(server: Server, actor: Actor, c: calls.Call[Any]) -> Any:
    with server.read_session(actor) as session:
        result = calls.run_local(
            session, actor, c, today=server.settings.today(), stores=server.stores
        )
        return codec.encode(wire(result))


WRITE_ATTEMPTS = 3


def _transient(error: BaseException) -> bool:
    """A deadlock or serialisation failure (PostgreSQL), a locked database (SQLite): the
    transaction was rolled back whole and may simply run again."""
    orig = getattr(error, "orig", None)
    state = getattr(orig, "sqlstate", None)
    return state in ("40P01", "40001") or database_busy(error)


def _run_write(
    server: Server, actor: Actor, c: calls.Call[Any], key: str
) -> tuple[int, Any, int | None]:
    """:func:`_write_once`, again (up to :data:`WRITE_ATTEMPTS` times) after a transient
    failure of the database: the retry is the server's, the desktop sees one answer."""
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            return _write_once(server, actor, c, key)
        except sa_exc.DBAPIError as error:
            if attempt == WRITE_ATTEMPTS or not _transient(error):
                raise
            log.warning("Call %s: %s; running it again", c.name, type(error.orig).__name__)
            time.sleep(random.uniform(0.01, 0.1) * attempt)
    raise AssertionError("unreachable")


def _write_once(
    server: Server, actor: Actor, c: calls.Call[Any], key: str
) -> tuple[int, Any, int | None]:
    """Run the write in one transaction with its idempotency record and change; (status,
    body, change seq). A key seen already returns its stored outcome."""
    assert actor.user_id is not None
    factory = audit.audited_sessions(server.factory, actor)
    collector = changes.Collector()
    with factory.begin() as session:
        session.add(
            IdempotencyRecord(
                user_id=actor.user_id, key=key, call=c.name, status=0, body={}, created_at=utcnow()
            )
        )
        try:
            session.flush()  # a concurrent twin waits here for the first one's outcome
        except IntegrityError:
            session.rollback()
            duplicate = True
        else:
            duplicate = False
            collector.watch(session)
            result = calls.run_local(
                session, actor, c, today=server.settings.today(), stores=server.stores
            )
            body = {"result": codec.encode(wire(result))}
            session.flush()
            change = changes.record(session, collector)
            record = session.get(IdempotencyRecord, (actor.user_id, key))
            assert record is not None
            record.status, record.body = 200, body
    if duplicate:
        return _stored(server, actor, c, key)
    if change is not None:
        server.broker.publish(change)  # committed: to this process's desktops at once
    return 200, body, change.seq if change is not None else None


def _stored(server: Server, actor: Actor, c: calls.Call[Any], key: str) -> tuple[int, Any, None]:
    with server.factory() as session:
        record = session.get(IdempotencyRecord, (actor.user_id, key))
    if record is None or record.status == 0:
        raise StaleData("同一请求正在处理，请稍后重试", code="request_in_progress")
    if record.call != c.name:
        raise calls.BadCall("Idempotency-Key 已用于另一个调用", code="idempotency_key_reused")
    return record.status, record.body, None


async def call(request: Request) -> Response:
    server: Server = request.app.state.server
    actor = await _actor(request)
    if actor is None:
        return unauthorised()
    raw = await request.body()
    if len(raw) > MAX_CALL_BYTES:
        return refusal(calls.BadCall("请求过大", code="call_too_large"))
    staged = _Staged(server, actor)
    try:
        try:
            body = json.loads(raw)
        except ValueError:
            raise calls.BadCall("请求格式不正确") from None
        name, args, kwargs = _decoded(body)
        exposed = calls.EXPOSED[name]
        key = request.headers.get("idempotency-key", "")
        if exposed.kind == "write" and not _KEY.match(key):
            raise calls.BadCall("写入请求缺少 Idempotency-Key", code="idempotency_key_missing")

        def run() -> tuple[int, Any, int | None]:
            c: calls.Call[Any] = calls.Call(
                name,
                tuple(staged.resolve(a) for a in args),
                {k: staged.resolve(v) for k, v in kwargs.items()},
            )
            if exposed.kind == "read":
                return 200, {"result": _run_read(server, actor, c)}, None
            return _run_write(server, actor, c, key)

        status, result, _seq = await run_in_threadpool(run)
    except ServiceError as error:
        return refusal(error)
    except (TypeError, AttributeError, ValueError, LookupError, *_ARGUMENT_ERRORS):
        # arguments of the right names but not of the right kinds (a crafted call, or a
        # client of another version): refused as a bad call, nothing written
        log.warning("Call %s refused: its arguments did not fit", body_name(raw), exc_info=True)
        return refusal(calls.BadCall("调用参数不正确", code="bad_call"))
    except Exception:
        log.exception("Call failed")
        return JSONResponse(
            {"error": codec.encode_error(ServiceError("服务器内部错误", code="error"))},
            status_code=500,
        )
    finally:
        staged.remove()
    return JSONResponse(result, status_code=status)


# -- changes -------------------------------------------------------------------------------


def _sse(seq: int, data: dict[str, Any]) -> bytes:
    return f"id: {seq}\nevent: change\ndata: {json.dumps(data)}\n\n".encode()


async def changes_stream(request: Request) -> Response:
    server: Server = request.app.state.server
    token = _bearer(request)
    actor = await _actor(request)
    if actor is None:
        return unauthorised()
    last_text = request.headers.get("last-event-id") or request.query_params.get("last_event_id")
    try:
        last = int(last_text) if last_text else None
    except ValueError:
        last = None
    subscriber = server.broker.subscribe(actor)

    def catch_up() -> tuple[int, list[changes.ChangeEvent]]:
        with server.factory() as session:
            head = changes.last_seq(session)
            if last is None:
                return head, []
            return head, changes.read_since(session, last)

    try:
        head, missed = await run_in_threadpool(catch_up)
    except BaseException:
        server.broker.unsubscribe(subscriber)
        raise

    async def events() -> AsyncIterator[bytes]:
        sent = last if last is not None else head
        try:
            yield f'retry: 2000\nid: {sent}\nevent: hello\ndata: {{"seq": {sent}}}\n\n'.encode()
            if last is not None and len(missed) >= changes.CATCH_UP_LIMIT:
                yield f"id: {head}\nevent: reload\ndata: {{}}\n\n".encode()
                sent = head
            else:
                for change in missed:
                    data = change.for_actor(actor)
                    if data is not None:
                        yield _sse(change.seq, data)
                    sent = max(sent, change.seq)
            while True:
                try:
                    item = await asyncio.wait_for(
                        subscriber.queue.get(), server.settings.heartbeat_seconds
                    )
                except TimeoutError:
                    now = await run_in_threadpool(server.actor_of, token)
                    if now != actor:
                        return  # signed out, disabled, or another role: sign in again
                    yield b": ping\n\n"
                    continue
                if item is None:
                    return  # too far behind: reconnect and catch up from the log
                seq, data = item
                if seq in {c.seq for c in missed} or (last is not None and seq <= last):
                    continue
                yield _sse(seq, data)
        finally:
            server.broker.unsubscribe(subscriber)

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


# -- blobs ---------------------------------------------------------------------------------


async def put_blob(request: Request) -> Response:
    server: Server = request.app.state.server
    actor = await _actor(request)
    if actor is None:
        return unauthorised()
    limit = server.settings.max_upload_bytes
    name = (request.query_params.get("name") or "")[:255]
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        return refusal(blobs._too_large(int(declared), limit, name or "上传文件"))
    fd, temp = tempfile.mkstemp(prefix="upload-", dir=server.staging)
    path = Path(temp)
    try:
        size = 0
        with os.fdopen(fd, "wb") as out:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    return refusal(blobs._too_large(size, limit, name or "上传文件"))
                out.write(chunk)

        def store() -> blobs.StoredBlob:
            kind = evidence_types.kind_of(path)
            if kind is None or size == 0:
                raise PermissionDenied(
                    f"文件“{name}”不是允许的证据类型（可用：{evidence_types.ALLOWED_TEXT}）",
                    code="evidence_type_refused",
                    name=name,
                )
            with server.factory.begin() as session, path.open("rb") as source:
                stored = blobs.put_stream(
                    session, source, kind=kind.key, max_bytes=limit, name=name
                )
                upload = session.get(ServerUpload, (actor.user_id, stored.sha256))
                if upload is None:
                    session.add(
                        ServerUpload(
                            user_id=actor.user_id,
                            sha256=stored.sha256,
                            name=name or stored.sha256[:12],
                            created_at=utcnow(),
                        )
                    )
                return stored

        stored = await run_in_threadpool(store)
    except ServiceError as error:
        return refusal(error)
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
    return JSONResponse({"sha256": stored.sha256, "size": stored.size, "kind": stored.kind})


def may_read_blob(session: Session, actor: Actor, sha256: str) -> bool:
    """Whether ``actor`` may see a record naming the content (or uploaded it)."""
    visible = case_scope(actor)
    found = session.scalar(
        select(
            exists().where(Attachment.sha256 == sha256, Attachment.case_id == Case.id, visible)
            | exists().where(Document.sha256 == sha256, Document.case_id == Case.id, visible)
            | exists().where(ServerUpload.sha256 == sha256, ServerUpload.user_id == actor.user_id)
        )
    )
    return bool(found)


async def get_blob(request: Request) -> Response:
    server: Server = request.app.state.server
    actor = await _actor(request)
    if actor is None:
        return unauthorised()
    sha256 = request.path_params["sha256"].lower()
    missing = blobs.BlobMissing("文件不存在或无权查看", code="blob_missing")
    if not _SHA256.match(sha256):
        return refusal(missing)

    def head() -> blobs.Blob | None:
        with server.factory() as session:
            if not may_read_blob(session, actor, sha256):
                return None
            return blobs.stored(session, sha256)

    blob = await run_in_threadpool(head)
    if blob is None:
        return refusal(missing)  # the same answer for "not there" and "not yours"

    def chunks() -> Iterator[bytes]:
        with server.factory() as session:
            session.connection(execution_options=db.READ_ONLY)
            yield from blobs.iter_chunks(session, sha256)

    return StreamingResponse(
        chunks(),
        media_type="application/octet-stream",
        headers={"Content-Length": str(blob.size), "ETag": f'"{sha256}"'},
    )


# -- housekeeping --------------------------------------------------------------------------


async def health(request: Request) -> Response:
    server: Server = request.app.state.server

    def revision() -> str | None:
        with server.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return migrate.current_revision(server.engine)

    try:
        rev = await run_in_threadpool(revision)
    except Exception:
        log.exception("Health check failed")
        return JSONResponse({"ok": False}, status_code=503)
    return JSONResponse({"ok": True, "revision": rev})


def prune(server: Server) -> None:
    """Forget idempotency keys older than a day and changes older than a week."""
    with server.factory.begin() as session:
        cutoff = utcnow() - dt.timedelta(hours=IDEMPOTENCY_HOURS)
        session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff))
        changes.prune(session)


SCAN_SECONDS = 15 * 60
"""How often the server scans for due alerts (the desktops of a network do not scan)."""


def tend(server: Server, last: audit.Anchor | None = None) -> audit.Anchor | None:
    """The server's periodic work: the alert scan (its new alerts pushed to the desktops
    that may see them), then the audit chain's head written to the log when it moved
    (``ipdesk-audit-anchor id=N hash=H``: ``ipdesk-admin audit verify --anchor LOG`` checks
    the chain against it). Returns the head."""
    collector = changes.Collector()
    with server.factory.begin() as session:
        collector.watch(session)
        found = scan_alerts(session)
        collector.saw("alerts", (alert.case_id for alert in found.alerts))  # through Core
        change = changes.record(session, collector)
    if change is not None:
        server.broker.publish(change)
    if found.created:
        log.info("Alert scan: %d new alerts", found.created)
    with server.factory() as session:
        head = audit.anchor(session)
    if head is not None and (last is None or head.last_id != last.last_id):
        log.info(head.line())
    return head


def create_app(engine: Engine, settings: Settings | None = None) -> Starlette:
    server = Server(engine, settings or Settings())

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(prune, server)
        await run_in_threadpool(server.broker.start)

        async def housekeeping() -> None:
            head: audit.Anchor | None = None
            for round_ in itertools.count():
                try:
                    head = await run_in_threadpool(tend, server, head)
                    if round_ % 4 == 3:
                        await run_in_threadpool(prune, server)
                except Exception:
                    log.exception("Housekeeping failed")
                await asyncio.sleep(SCAN_SECONDS)

        task = asyncio.create_task(housekeeping())
        try:
            yield
        finally:
            task.cancel()
            await run_in_threadpool(server.broker.stop)

    app = Starlette(
        routes=[
            Route(f"{API}/sign-in", sign_in, methods=["POST"]),
            Route(f"{API}/sign-out", sign_out, methods=["POST"]),
            Route(f"{API}/call", call, methods=["POST"]),
            Route(f"{API}/changes", changes_stream, methods=["GET"]),
            Route(f"{API}/blobs", put_blob, methods=["PUT"]),
            Route(f"{API}/blobs/{{sha256}}", get_blob, methods=["GET"]),
            Route(f"{API}/health", health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.server = server
    return app
