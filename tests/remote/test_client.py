"""The desktop's client against a scripted server (httpx's MockTransport): sign-in,
named calls, retries with the same idempotency key, refusals, files, the change stream."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ipdesk.models import Role
from ipdesk.remote import codec
from ipdesk.remote.calls import call
from ipdesk.remote.client import (
    RemoteBackend,
    RemoteClient,
    Retry,
    ServerUnreachable,
    SignedOut,
    _FileChunks,
    tls_context,
)
from ipdesk.services.admin import agencies, org
from ipdesk.services.admin.auth import SignedIn
from ipdesk.services.cases import intake
from ipdesk.services.cases.intake import AttachmentInput
from ipdesk.services.errors import PermissionDenied, ValidationErrors

SIGNED = SignedIn(5, "wang", "王五", Role.STATION_STAFF, 1, 2, False)
Handler = Callable[[httpx.Request], httpx.Response]


def client_of(handler: Handler, sleeps: list[float] | None = None) -> RemoteClient:
    slept = sleeps if sleeps is not None else []
    return RemoteClient(
        "https://ipdesk.test:8443",
        transport=httpx.MockTransport(handler),
        retry=Retry(attempts=4, first_wait=0.1),
        sleep=slept.append,
    )


def ok(result: Any) -> httpx.Response:
    return httpx.Response(200, json={"result": codec.encode(result)})


def signed_in(request: httpx.Request) -> httpx.Response:
    assert json.loads(request.content) == {"username": "wang", "password": "pw"}
    return httpx.Response(
        200,
        json={
            "token": "t0k",
            "expires_at": "2026-12-08T09:00:00+00:00",
            "signed_in": codec.encode(SIGNED),
        },
    )


def test_sign_in_then_a_read() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/api/v1/sign-in":
            return signed_in(request)
        body = json.loads(request.content)
        assert body == {"call": "org.org_tree", "args": [], "kwargs": {}}
        return ok([])

    client = client_of(handler)
    assert client.sign_in("wang", "pw") == SIGNED
    assert client.call(call(org.org_tree)) == []
    assert seen[1].headers["Authorization"] == "Bearer t0k"
    assert "Idempotency-Key" not in seen[1].headers  # a read


def test_a_write_dropped_on_the_way_back_is_sent_again_with_the_same_key() -> None:
    keys: list[str] = []
    ran: set[str] = set()

    def handler(request: httpx.Request) -> httpx.Response:
        key = request.headers["Idempotency-Key"]
        keys.append(key)
        ran.add(key)  # the server ran it (once per key)
        if len(keys) < 3:
            raise httpx.ReadError("connection reset by peer", request=request)
        return ok(7)

    sleeps: list[float] = []
    client = client_of(handler, sleeps)
    answer: object = client.call(call(agencies.set_agency_active, 3, False))
    assert answer == 7
    assert len(keys) == 3 and len(set(keys)) == 1 and len(ran) == 1
    assert sleeps == [0.1, 0.2]
    # the next write is another request: another key
    client.call(call(agencies.set_agency_active, 3, True))
    assert len(set(keys)) == 2


def test_an_unreachable_server_is_a_typed_refusal_after_bounded_retries() -> None:
    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        raise httpx.ConnectError("connection refused", request=request)

    sleeps: list[float] = []
    client = client_of(handler, sleeps)
    with pytest.raises(ServerUnreachable) as caught:
        client.call(call(org.org_tree))
    assert caught.value.code == "server_unreachable"
    assert "ipdesk.test" in caught.value.message
    assert len(attempts) == 4 and sleeps == [0.1, 0.2, 0.4]


def test_trying_the_same_write_again_after_the_server_was_unreachable_keeps_its_key() -> None:
    keys: list[str] = []
    down = True

    def handler(request: httpx.Request) -> httpx.Response:
        keys.append(request.headers["Idempotency-Key"])
        if down:
            raise httpx.ReadError("the line dropped after the server had it", request=request)
        return ok(1)

    client = client_of(handler)
    write = call(agencies.set_agency_active, 3, False)
    with pytest.raises(ServerUnreachable):
        client.call(write)
    down = False
    answer: object = client.call(write)  # the user pressed Save again: the server knows it
    assert answer == 1
    assert len(set(keys)) == 1 and len(keys) == 5
    client.call(write)  # answered before: a new write, a new key
    assert len(set(keys)) == 2


def test_a_write_still_running_on_the_server_is_waited_for() -> None:
    answers = iter(
        [
            httpx.Response(
                409,
                json={
                    "error": {"type": "StaleData", "code": "request_in_progress", "message": "m"}
                },
            ),
            ok(1),
        ]
    )
    client = client_of(lambda request: next(answers))
    answer: object = client.call(call(agencies.set_agency_active, 3, False))
    assert answer == 1


def test_refusals_arrive_as_the_services_errors() -> None:
    error = ValidationErrors([])
    error.errors = []

    def handler(request: httpx.Request) -> httpx.Response:
        if "org_tree" in request.content.decode():
            body = codec.encode_error(PermissionDenied("无权", code="role_not_permitted"))
            return httpx.Response(403, json={"error": body})
        return httpx.Response(500, text="Internal Server Error")

    client = client_of(handler)
    with pytest.raises(PermissionDenied) as caught:
        client.call(call(org.org_tree))
    assert caught.value.code == "role_not_permitted"
    with pytest.raises(Exception) as other:
        client.call(call(agencies.list_agencies))
    assert getattr(other.value, "code", "") == "error"


def test_an_expired_session_is_signed_out() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v1/sign-in":
            return signed_in(request)
        body = {"type": "ServiceError", "code": "signed_out", "message": "登录已过期"}
        return httpx.Response(401, json={"error": body})

    client = client_of(handler)
    client.sign_in("wang", "pw")
    with pytest.raises(SignedOut):
        client.call(call(org.org_tree))
    assert client.token is None


def test_a_refused_sign_in_keeps_its_code() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        body = {"type": "SignInFailed", "code": "sign_in_failed", "message": "用户名或密码错误"}
        return httpx.Response(401, json={"error": body})

    with pytest.raises(Exception) as caught:
        client_of(handler).sign_in("wang", "pw")
    assert getattr(caught.value, "code", "") == "sign_in_failed"
    assert not isinstance(caught.value, SignedOut)


# -- files ---------------------------------------------------------------------------------------


def test_files_are_streamed_up_and_down_in_chunks(tmp_path: Path) -> None:
    content = bytes(range(256)) * 4000  # 1 MB: several chunks
    sha = hashlib.sha256(content).hexdigest()
    received: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            assert request.url.params["name"] == "照片.jpg"
            data = request.read()
            received.append(data)
            return httpx.Response(
                200, json={"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            )
        assert request.url.path == f"/api/v1/blobs/{sha}"
        return httpx.Response(200, content=iter([content[:1000], content[1000:]]))

    source = tmp_path / "照片.jpg"
    source.write_bytes(content)
    client = client_of(handler)
    assert client.put_blob(source) == (sha, len(content))
    assert received == [content]
    assert len(list(_FileChunks(source))) == 4  # read in chunks, never whole
    dest = client.get_blob(sha, tmp_path / "down" / "copy.jpg")
    assert dest.read_bytes() == content
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.jpg"]  # no partial file


def test_a_download_that_differs_from_its_record_is_refused(tmp_path: Path) -> None:
    client = client_of(lambda request: httpx.Response(200, content=b"other bytes"))
    with pytest.raises(Exception) as caught:
        client.get_blob("0" * 64, tmp_path / "x.jpg")
    assert getattr(caught.value, "code", "") == "blob_damaged"
    assert not (tmp_path / "x.jpg").exists()
    assert list(tmp_path.iterdir()) == []


def test_the_backend_uploads_evidence_before_a_write(tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    bodies: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            data = request.read()
            return httpx.Response(
                200, json={"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            )
        sent = json.loads(request.content)
        assert "max_attachment_bytes" not in sent["kwargs"]
        bodies.append(codec.decode(sent["args"]))
        return ok(())

    backend = RemoteBackend(client_of(handler), SIGNED)
    assert backend.actor == SIGNED.actor
    from ipdesk.remote import calls

    fake: calls.Call[Any] = calls.Call(
        "agencies.set_agency_active", ([AttachmentInput(photo, "收据")],), {}
    )
    backend.run(fake, "write", today=__import__("datetime").date(2026, 12, 7))
    sent = bodies[0][0][0]
    assert isinstance(sent, AttachmentInput)
    assert str(sent.path) == f"sha256:{sha}" and sent.name == "p.jpg" and sent.description == "收据"
    register = call(intake.register_case, "form", [], max_attachment_bytes=1 << 40)
    backend.run(register, "write", today=__import__("datetime").date(2026, 12, 7))
    assert bodies[-1] == ["form", []]  # the limit is the server's own
    with pytest.raises(Exception) as caught:
        backend.run(fake, "rehearse", today=__import__("datetime").date(2026, 12, 7))
    assert getattr(caught.value, "code", "") == "not_in_network_mode"


# -- the change stream ---------------------------------------------------------------------------


def test_the_listener_hands_on_changes_and_catches_up_after_a_drop() -> None:
    connections: list[str | None] = []
    got: list[tuple[list[str], list[int]]] = []
    done = threading.Event()

    def stream(first: bool) -> Iterator[bytes]:
        if first:
            yield b'retry: 2000\nid: 4\nevent: hello\ndata: {"seq": 4}\n\n'
            yield b": ping\n\n"
            yield b'id: 5\nevent: change\ndata: {"kinds": ["cases"], "case_ids": [12]}\n\n'
            yield b'id: 6\nevent: change\ndata: {"kinds": ["alerts"], '  # dropped mid-event
            raise httpx.ReadError("dropped")
        yield b'id: 6\nevent: change\ndata: {"kinds": ["alerts"], "case_ids": []}\n\n'
        yield b"id: 9\nevent: reload\ndata: {}\n\n"
        done.set()

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == "Bearer t0k"
        connections.append(request.headers.get("Last-Event-ID"))
        if len(connections) > 2:
            done.wait(5)
            return httpx.Response(503)
        return httpx.Response(
            200,
            content=stream(len(connections) == 1),
            headers={"Content-Type": "text/event-stream"},
        )

    client = client_of(handler)
    client._token = "t0k"
    client.retry = Retry(attempts=3, first_wait=0.01)
    listener = client.listen(lambda kinds, ids: got.append((kinds, ids)))
    assert done.wait(10)
    listener.stop()
    listener.join(5)
    assert connections[:2] == [None, "5"]
    assert got == [(["cases"], [12]), (["alerts"], []), (["*"], [])]
    assert listener.last_event_id == "9"


def test_the_listener_stops_when_the_session_ended() -> None:
    ended = threading.Event()
    client = client_of(lambda request: httpx.Response(401, json={"error": {"code": "signed_out"}}))
    listener = client.listen(lambda kinds, ids: None, on_signed_out=ended.set)
    assert ended.wait(5)
    listener.join(5)
    assert not listener.is_alive()


def test_tls_context_trusts_the_given_ca_only(tmp_path: Path) -> None:
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    context = tls_context(ca_file)
    assert context.verify_mode.name == "CERT_REQUIRED" and context.check_hostname
    assert len(context.get_ca_certs()) == 1
    with pytest.raises(OSError):
        tls_context(tmp_path / "missing.pem")
