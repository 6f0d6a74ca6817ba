"""The desktop's client of ``ipdesk-server`` (HTTPS, JSON; Qt-free).

* :class:`RemoteClient` signs in (the server checks the password, the lock-out and the
  rules; it hands out a token that expires), runs named calls, streams files up and down
  and listens to the server's changes.
* Every write carries an ``Idempotency-Key``; after a dropped connection the same request
  is sent again with the same key (a bounded number of times, waiting longer each time), so
  a retry never registers a case twice. A server that cannot be reached at all ends in
  :class:`ServerUnreachable` (the dialog keeps the user's input: they can try again, and
  the same write tried again carries the same key).
* The server's certificate is checked against the deployment's CA file (or the system's).
* :class:`ChangeListener` (a thread) follows ``GET /api/v1/changes`` and hands each change
  to a callback; after a reconnect it catches up from the last event id it saw.
* :class:`RemoteBackend` is the desk's backend on the server (``ipdesk.ui.desk.Backend``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import re
import ssl
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import httpx

from ipdesk.paths import user_data_dir
from ipdesk.remote import codec
from ipdesk.remote.calls import Call
from ipdesk.services.actors import Actor
from ipdesk.services.admin.auth import SignedIn
from ipdesk.services.errors import ServiceError

log = logging.getLogger(__name__)

T = TypeVar("T")

API = "/api/v1"
CHUNK = 256 * 1024
"""Bytes per chunk of a file streamed up or down."""


class ServerUnreachable(ServiceError):
    """The server did not answer (network down, server stopped, certificate refused)."""

    code = "server_unreachable"


class SignedOut(ServiceError):
    """The server no longer accepts the session (expired, signed out, user disabled)."""

    code = "signed_out"


class NotRemote(ServiceError):
    """Something only a desk on this computer's database can do."""

    code = "not_in_network_mode"


@dataclass(frozen=True)
class Retry:
    """How often and how long a request is tried again after a dropped connection."""

    attempts: int = 4
    first_wait: float = 0.25
    factor: float = 2.0
    longest_wait: float = 4.0

    def waits(self) -> Iterator[float]:
        wait = self.first_wait
        for _ in range(self.attempts - 1):
            yield wait
            wait = min(wait * self.factor, self.longest_wait)


def tls_context(ca_file: Path | str | None) -> ssl.SSLContext:
    """Verification of the server's certificate against ``ca_file`` (the deployment's
    self-signed CA) or, without one, the system's certificate authorities."""
    if ca_file is None:
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=str(ca_file))


class RemoteClient:
    """One desktop's connection to ``ipdesk-server`` at ``url`` (``https://host:port``)."""

    def __init__(
        self,
        url: str,
        *,
        ca_file: Path | str | None = None,
        transport: httpx.BaseTransport | None = None,
        retry: Retry = Retry(),
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.url = url.rstrip("/")
        self.ca_file = ca_file
        self.retry = retry
        self._sleep = sleep
        self._token: str | None = None
        self.expires_at: str | None = None
        self._unanswered: dict[str, str] = {}  # a write's body (SHA-256) -> its key
        self._transport = transport
        kwargs: dict[str, Any] = {"base_url": self.url, "timeout": timeout}
        if transport is not None:
            kwargs["transport"] = transport
        else:
            kwargs["verify"] = tls_context(ca_file)
        self._http = httpx.Client(**kwargs)

    # -- session -----------------------------------------------------------------------------

    @property
    def token(self) -> str | None:
        return self._token

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"} if self._token else {}

    def health(self) -> dict[str, Any]:
        """``{"ok": true, "revision": ...}``: the server answers (ServerUnreachable if not)."""
        response = self._send("GET", f"{API}/health")
        body: dict[str, Any] = response.json()
        return body

    def sign_in(self, username: str, password: str) -> SignedIn:
        """Sign in; the server's refusal (wrong password, locked, disabled) is raised as the
        same error the local sign-in raises."""
        response = self._send(
            "POST", f"{API}/sign-in", json={"username": username, "password": password}
        )
        body = self._body(response)
        signed = codec.decode(body["signed_in"])
        if not isinstance(signed, SignedIn):
            raise codec.CodecError("数据格式不正确", detail="signed_in")
        self._token = str(body["token"])
        self.expires_at = body.get("expires_at")
        return signed

    def sign_out(self) -> None:
        """End the session on the server (best effort: an unreachable server lets the
        token expire by itself)."""
        if self._token is None:
            return
        with contextlib.suppress(ServiceError):
            self._send("POST", f"{API}/sign-out", headers=self._auth(), attempts=1)
        self._token = None

    def close(self) -> None:
        self._http.close()

    # -- calls -------------------------------------------------------------------------------

    def call(self, c: Call[T], *, write: bool | None = None) -> T:
        """Run the named call on the server; its refusal is raised as the same class."""
        write = c.kind == "write" if write is None else write
        body = {
            "call": c.name,
            "args": codec.encode(list(c.args)),
            "kwargs": codec.encode(dict(c.kwargs)),
        }
        headers = self._auth()
        content = json.dumps(body, ensure_ascii=False, allow_nan=False).encode("utf-8")
        digest = hashlib.sha256(content).hexdigest()
        if write:
            # the same key for every retry here, and for the user's "try again" of the same
            # write after the server could not be reached: it may have done it already
            key = self._unanswered.get(digest) or str(uuid.uuid4())
            headers["Idempotency-Key"] = key
        headers["Content-Type"] = "application/json"
        try:
            response = self._send("POST", f"{API}/call", content=content, headers=headers)
        except ServerUnreachable:
            if write:
                self._unanswered[digest] = key
            raise
        self._unanswered.pop(digest, None)
        result: T = codec.decode(self._body(response).get("result"))
        return result

    # -- files -------------------------------------------------------------------------------

    def put_blob(self, path: Path, name: str | None = None) -> tuple[str, int]:
        """Stream the file at ``path`` to the server's content store: (sha256, size)."""
        headers = {**self._auth(), "Content-Length": str(path.stat().st_size)}
        params = {"name": name or path.name}
        response = self._send(
            "PUT", f"{API}/blobs", content=_FileChunks(path), headers=headers, params=params
        )
        body = self._body(response)
        return str(body["sha256"]), int(body["size"])

    def get_blob(self, sha256: str, dest: Path) -> Path:
        """Stream the content ``sha256`` into ``dest`` (written beside it, checked against
        its SHA-256, then moved into place): the path."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        for wait in [*self.retry.waits(), None]:
            fd, temp = tempfile.mkstemp(prefix=".part-", dir=dest.parent)
            try:
                digest = hashlib.sha256()
                with (
                    os.fdopen(fd, "wb") as out,
                    self._http.stream("GET", f"{API}/blobs/{sha256}", headers=self._auth()) as r,
                ):
                    if r.status_code != 200:
                        r.read()
                        self._body(r)
                    for chunk in r.iter_bytes(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                if digest.hexdigest() != sha256:
                    raise ServiceError("下载的文件与记录不符", code="blob_damaged", sha256=sha256)
                os.replace(temp, dest)
                return dest
            except httpx.TransportError as exc:
                if wait is None:
                    raise self._unreachable(exc) from exc
                self._sleep(wait)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp)
        raise AssertionError("unreachable")

    # -- changes -----------------------------------------------------------------------------

    def listen(
        self,
        on_change: Callable[[list[str], list[int]], None],
        *,
        on_signed_out: Callable[[], None] | None = None,
        last_event_id: str | None = None,
    ) -> ChangeListener:
        """Start following the server's changes in a thread (stop it with ``stop()``)."""
        listener = ChangeListener(self, on_change, on_signed_out, last_event_id)
        listener.start()
        return listener

    def _stream_changes(
        self, last_event_id: str | None
    ) -> contextlib.AbstractContextManager[httpx.Response]:
        headers = {**self._auth(), "Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = last_event_id
        timeout = httpx.Timeout(10.0, read=60.0)
        return self._http.stream("GET", f"{API}/changes", headers=headers, timeout=timeout)

    # -- machinery ---------------------------------------------------------------------------

    def _send(self, method: str, url: str, *, attempts: int | None = None, **kw: Any) -> Any:
        """The response to the request, sent again with the same headers (the same
        idempotency key) after a dropped connection; ServerUnreachable at last."""
        waits = list(self.retry.waits())
        if attempts is not None:
            waits = waits[: max(attempts - 1, 0)]
        for wait in [*waits, None]:
            try:
                response = self._http.request(method, url, **kw)
            except httpx.TransportError as exc:
                if wait is None:
                    raise self._unreachable(exc) from exc
                log.warning("%s %s: %s; trying again in %.2f s", method, url, exc, wait)
                self._sleep(wait)
                continue
            if response.status_code == 409 and wait is not None and _in_progress(response):
                self._sleep(wait)  # the first attempt is still running on the server
                continue
            return response
        raise AssertionError("unreachable")

    def _unreachable(self, exc: Exception) -> ServerUnreachable:
        reason = "certificate" if _is_tls(exc) else type(exc).__name__
        return ServerUnreachable(
            f"无法连接服务器 {self.url}（{reason}）", url=self.url, reason=reason
        )

    def _body(self, response: httpx.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code == 401:
            self._token = None
            error = body.get("error") if isinstance(body, dict) else None
            message = error.get("message") if isinstance(error, dict) else None
            if isinstance(error, dict) and error.get("code") not in (None, SignedOut.code):
                raise codec.decode_error(error)  # a refused sign-in: wrong password, locked
            raise SignedOut(message or "登录已过期，请重新登录")
        if response.status_code >= 400 or not isinstance(body, dict):
            error = body.get("error") if isinstance(body, dict) else None
            if error is None:
                raise ServiceError(
                    f"服务器错误（{response.status_code}）", status=response.status_code
                )
            raise codec.decode_error(error)
        return body


class _FileChunks:
    """A file's content in chunks, read afresh on each iteration (each retry)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[bytes]:
        with self.path.open("rb") as source:
            while chunk := source.read(CHUNK):
                yield chunk


def _in_progress(response: httpx.Response) -> bool:
    try:
        return bool(response.json()["error"]["code"] == "request_in_progress")
    except (ValueError, KeyError, TypeError):
        return False


def _is_tls(exc: Exception) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE" in str(exc).upper()


# -- the change stream ---------------------------------------------------------------------------


class ChangeListener(threading.Thread):
    """Follows ``GET /api/v1/changes``: each ``change`` event goes to ``on_change(kinds,
    case_ids)`` (on this thread); a ``reload`` event (too far behind to catch up) as every
    kind with no case ids. After a dropped stream it reconnects with ``Last-Event-ID``
    after a growing wait; it stops on :meth:`stop`, or when the session ended
    (``on_signed_out``)."""

    def __init__(
        self,
        client: RemoteClient,
        on_change: Callable[[list[str], list[int]], None],
        on_signed_out: Callable[[], None] | None,
        last_event_id: str | None,
    ) -> None:
        super().__init__(name="ipdesk-changes", daemon=True)
        self._client = client
        self._on_change = on_change
        self._on_signed_out = on_signed_out
        self.last_event_id = last_event_id
        self._stopped = threading.Event()
        self._response: httpx.Response | None = None
        self.connected = threading.Event()
        self.reconnects = 0

    def stop(self) -> None:
        self._stopped.set()
        response = self._response
        if response is not None:
            with contextlib.suppress(Exception):
                response.close()

    def run(self) -> None:
        waits = self._client.retry
        wait = waits.first_wait
        while not self._stopped.is_set():
            try:
                with self._client._stream_changes(self.last_event_id) as response:
                    self._response = response
                    if response.status_code == 401:
                        if self._on_signed_out is not None:
                            self._on_signed_out()
                        return
                    if response.status_code != 200:
                        raise httpx.TransportError(f"status {response.status_code}")
                    self.connected.set()
                    wait = waits.first_wait
                    self._follow(response.iter_lines())
            except (httpx.HTTPError, OSError, ValueError) as exc:
                if self._stopped.is_set():
                    return
                log.info("Change stream dropped (%s); reconnecting in %.2f s", exc, wait)
            finally:
                self._response = None
                self.connected.clear()
            if self._stopped.wait(wait):
                return
            self.reconnects += 1
            wait = min(wait * waits.factor, waits.longest_wait)

    def _follow(self, lines: Iterator[str]) -> None:
        event, seen_id = "message", None
        data: list[str] = []
        for line in lines:
            if self._stopped.is_set():
                return
            if line == "":
                if data or seen_id is not None:
                    self._dispatch(event, "\n".join(data), seen_id)
                event, data, seen_id = "message", [], None
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "event":
                event = value
            elif name == "data":
                data.append(value)
            elif name == "id":
                seen_id = value

    def _dispatch(self, event: str, data: str, seen_id: str | None) -> None:
        if event == "change":
            body = json.loads(data)
            kinds = [str(k) for k in body.get("kinds", [])]
            case_ids = [int(i) for i in body.get("case_ids", []) if isinstance(i, int)]
            self._deliver(kinds, case_ids)
        elif event == "reload":
            self._deliver(["*"], [])
        if seen_id is not None:
            self.last_event_id = seen_id  # after delivery: a drop before it re-delivers

    def _deliver(self, kinds: list[str], case_ids: list[int]) -> None:
        try:
            self._on_change(kinds, case_ids)
        except Exception:
            log.exception("A change from the server could not be handed on")


# -- the desk's backend --------------------------------------------------------------------------

Mode = Literal["read", "write", "rehearse"]


class RemoteBackend:
    """A desk's records on ``ipdesk-server``: named calls go to the server, which supplies
    the actor, the date and the stores itself; evidence files named in a write are
    uploaded first and sent as ``sha256:<hex>`` references."""

    def __init__(
        self, client: RemoteClient, signed: SignedIn, *, cache: Path | None = None
    ) -> None:
        """``cache``: where this computer keeps its copies of the server's files (default:
        ``downloads`` in the user data folder)."""
        self.client = client
        self.signed = signed
        self.cache = cache if cache is not None else user_data_dir() / "downloads"

    @property
    def actor(self) -> Actor:
        return self.signed.actor

    def run(self, c: Call[T], mode: Mode, today: dt.date) -> T:
        if mode == "rehearse":
            if c.kind == "write":  # a dry run of a write: the server has no rolled-back run
                raise NotRemote("网络模式下不能试运行此操作")
            mode = "read"  # a check that writes nothing runs as a read there
        fixed = c.exposed.fixed  # the server's own (its folders, its limits)
        if mode == "write":
            c = Call(
                c.name,
                tuple(self._uploaded(a) for a in c.args),
                {k: self._uploaded(v) for k, v in c.kwargs.items() if k not in fixed},
            )
        elif fixed & set(c.kwargs):
            c = Call(c.name, c.args, {k: v for k, v in c.kwargs.items() if k not in fixed})
        return self.client.call(c, write=mode == "write")

    def run_query(self, query: Callable[[Any], T], mode: Mode) -> T:
        raise NotRemote("此功能尚不支持网络模式")

    def local_engine(self) -> None:
        return None

    def materialise(self, result: Path | str, sha256: str | None) -> Path:
        """The server's file ``result`` (its name) here: downloaded into the cache as
        ``<sha256>/<name>`` unless the copy there holds that content already."""
        name = Path(str(result)).name
        leading = _SHA256.match(name)
        digest = (sha256 or (leading.group(0) if leading else "")).lower()
        if not _SHA256_ONLY.match(digest):
            raise ServiceError("文件记录无效", code="blob_missing", name=name)
        safe = _SAFE_NAME.sub("_", name)[-120:] or digest
        return self.fetch(digest, self.cache / digest[:2] / digest / safe)

    def fetch(self, sha256: str, dest: Path) -> Path:
        """The content ``sha256`` at ``dest`` (downloaded unless it is there already)."""
        if _matches(dest, sha256):
            return dest
        return self.client.get_blob(sha256, dest)

    def _uploaded(self, value: Any) -> Any:
        from ipdesk.services.cases.intake import AttachmentInput

        if isinstance(value, AttachmentInput) and isinstance(value.path, Path):
            sha256, _size = self.client.put_blob(value.path, value.original_name)
            return dataclasses.replace(
                value,
                path=f"sha256:{sha256}",  # type: ignore[arg-type]  # the server's reference
                name=value.original_name,
            )
        if isinstance(value, list | tuple) and not hasattr(value, "_fields"):
            items = [self._uploaded(v) for v in value]
            return tuple(items) if isinstance(value, tuple) else items
        return value


_SHA256 = re.compile(r"^[0-9a-fA-F]{64}")
_SHA256_ONLY = re.compile(r"^[0-9a-f]{64}$")
_SAFE_NAME = re.compile(r"[^\w.\-一-鿿]")


def _matches(path: Path, sha256: str) -> bool:
    try:
        with path.open("rb") as source:
            digest = hashlib.file_digest(source, "sha256")
    except OSError:
        return False
    return digest.hexdigest() == sha256
