"""A desk on the server: the same interface as a local one (named calls in, results and
refusals out), and the changes the server pushes reach the pages on the GUI thread."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ipdesk.models import Role
from ipdesk.remote import codec
from ipdesk.remote.calls import call
from ipdesk.remote.client import RemoteBackend, RemoteClient, Retry
from ipdesk.services.admin import org
from ipdesk.services.admin.auth import SignedIn
from ipdesk.services.errors import PermissionDenied
from ipdesk.ui.desk import Change, ChangeKind, Desk, Refusal, RemoteGate, change_of

SIGNED = SignedIn(5, "wang", "王五", Role.OFFICE_MANAGER, 1, None, True)


def test_change_of_what_the_server_pushed() -> None:
    assert change_of(["cases", "alerts", "from_the_future"], [3]) == Change.of(
        ChangeKind.CASES, ChangeKind.ALERTS, case_ids=[3]
    )
    assert change_of(["*"], []).kinds == frozenset(ChangeKind)


def test_a_remote_desk_reads_and_refuses_like_a_local_one(qtbot: QtBot) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        name = json.loads(request.content)["call"]
        if name == "org.org_tree":
            return httpx.Response(200, json={"result": []})
        error = codec.encode_error(PermissionDenied("无权", code="role_not_permitted"))
        return httpx.Response(403, json={"error": error})

    client = RemoteClient("https://x.test", transport=httpx.MockTransport(handler))
    desk = Desk(RemoteBackend(client, SIGNED), today=lambda: dt.date(2026, 12, 7))
    assert desk.is_remote and desk.actor == SIGNED.actor and desk.local_engine() is None
    owner = QObject()
    got: list[object] = []
    refused: list[Refusal] = []
    desk.read(owner, call(org.org_tree), got.append, refused.append)
    from ipdesk.services.admin import agencies

    desk.read(owner, call(agencies.list_agencies), got.append, refused.append, purpose="x")
    qtbot.waitUntil(lambda: len(got) + len(refused) == 2, timeout=5000)
    assert got == [[]]
    assert refused[0].code == "role_not_permitted" and refused[0].text
    with pytest.raises(Exception) as caught:
        desk.read_now(lambda session: 1)  # a closure cannot cross the wire
    assert getattr(caught.value, "code", "") == "not_in_network_mode"


def test_pushed_changes_reach_the_pages_on_the_gui_thread(qtbot: QtBot) -> None:
    release = threading.Event()

    def events() -> Iterator[bytes]:
        yield b'id: 1\nevent: change\ndata: {"kinds": ["cases", "limits"], "case_ids": [4]}\n\n'
        release.wait(5)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v1/changes":
            return httpx.Response(200, content=events())
        return httpx.Response(200, json={"ok": True})

    client = RemoteClient(
        "https://x.test", transport=httpx.MockTransport(handler), retry=Retry(first_wait=0.01)
    )
    gate = RemoteGate(client)
    desk = gate.open_desk(SIGNED)
    seen: list[tuple[Change, bool]] = []
    owner = QObject()
    desk.follow(
        owner,
        [ChangeKind.CASES],
        lambda change: seen.append((change, threading.current_thread() is threading.main_thread())),
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(Change.of(ChangeKind.CASES, ChangeKind.LIMITS, case_ids=[4]), True)]
    release.set()
    gate.close()
    desk.deleteLater()


def test_a_session_the_server_ended_tells_the_window(qtbot: QtBot) -> None:
    """A call refused with signed_out (the token expired, the user was disabled), or the
    change stream closed for it: the desk's session_ended, once the window should sign out."""

    def handler(request: httpx.Request) -> httpx.Response:
        body = {"type": "ServiceError", "code": "signed_out", "message": "登录已过期"}
        return httpx.Response(401, json={"error": body})

    client = RemoteClient("https://x.test", transport=httpx.MockTransport(handler))
    gate = RemoteGate(client)
    desk = gate.open_desk(SIGNED)
    with qtbot.waitSignal(desk.session_ended, timeout=5000):  # the change stream's 401
        pass
    refused: list[Refusal] = []
    with qtbot.waitSignal(desk.session_ended, timeout=5000):  # a call's 401
        desk.read(QObject(), call(org.org_tree), print, refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=5000)
    assert refused[0].code == "signed_out"
    assert "sign in again" in refused[0].text
    gate.close()
    desk.deleteLater()
