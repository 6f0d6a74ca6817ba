"""Two desktops on one ``ipdesk-server`` (a real server on 127.0.0.1 over TLS, engineer F's
fixture), each with the window's own desk (``RemoteGate.open_desk``), as a station and an
office would work:

* the station registers a complaint with a photo; the office desktop hears of it from the
  server's push (no refresh), finds it on its case page and opens the same bytes;
* the line drops after the server registered a case but before the desktop heard the
  answer: the desk's client sends it again with the same idempotency key, and there is
  exactly one case;
* a server that does not answer is a clear refusal, and the dialog's input stays.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case
from ipdesk.remote.calls import call
from ipdesk.remote.client import RemoteClient, Retry, tls_context
from ipdesk.services.cases import evidence, intake
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.queries import read_models
from ipdesk.ui.desk import Change, ChangeKind, Desk, Refusal, RemoteGate
from ipdesk.ui.stores import FileStores
from tests.helpers import factories as f
from tests.server.conftest import People, Running, ca, people, server  # noqa: F401

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def cases_in(factory: sessionmaker[Session]) -> int:
    with factory() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


class Desktop:
    """One desktop: its gate to the server, the desk of whoever signed in there, and the
    outcomes of what it asked for."""

    def __init__(self, gate: RemoteGate, username: str, folder: Path) -> None:
        self.gate = gate
        signed = gate.sign_in(username, f.TEST_PASSWORD)
        self.desk = gate.open_desk(signed, stores=FileStores.in_folder(folder))
        self.owner = QObject()
        self.results: list[Any] = []
        self.refusals: list[Refusal] = []
        self.changes: list[Change] = []
        self.desk.follow(self.owner, list(ChangeKind), self.changes.append)

    def done(self) -> int:
        return len(self.results) + len(self.refusals)

    def close(self) -> None:
        self.gate.close()
        self.gate.client.close()


@pytest.fixture
def desktops(server: Running, tmp_path: Path) -> Iterator[list[Desktop]]:  # noqa: F811
    made: list[Desktop] = []
    yield made
    for desktop in made:
        desktop.close()


def open_desktop(
    server: Running,  # noqa: F811
    username: str,
    folder: Path,
    made: list[Desktop],
    transport: httpx.BaseTransport | None = None,
) -> Desktop:
    client = RemoteClient(
        server.url,
        ca_file=server.ca_file,
        transport=transport,
        retry=Retry(attempts=4, first_wait=0.05),
    )
    desktop = Desktop(RemoteGate(client), username, folder)
    made.append(desktop)
    return desktop


def wait_for(qtbot: QtBot, desktop: Desktop, count: int) -> None:
    qtbot.waitUntil(lambda: desktop.done() >= count, timeout=20_000)
    assert not desktop.refusals, [r.text for r in desktop.refusals]


def test_station_evidence_opens_at_the_office_and_the_office_hears_of_it(
    qtbot: QtBot,
    server: Running,  # noqa: F811
    people: People,  # noqa: F811
    desktops: list[Desktop],
    tmp_path: Path,
) -> None:
    station = open_desktop(server, people.staff_a, tmp_path / "station", desktops)
    office = open_desktop(server, people.manager_a, tmp_path / "office", desktops)
    assert station.desk.is_remote and office.desk.local_engine() is None
    listener = office.gate._listener
    assert listener is not None and listener.connected.wait(10)

    photo = tmp_path / "侵权商品.png"
    photo.write_bytes(PNG)
    form = f.valid_intake_form("TL01-S01", seed=51)
    attachment = intake.AttachmentInput(photo, description="侵权商品照片")
    station.desk.write(
        station.owner,
        call(intake.register_case, form, [attachment]),
        station.results.append,
        station.refusals.append,
        changes=None,
    )
    wait_for(qtbot, station, 1)
    registered = station.results[0]

    # the office's pages hear of it from the server, within a second or so
    qtbot.waitUntil(lambda: any(registered.id in c.case_ids for c in office.changes), timeout=5_000)
    office.desk.read(
        office.owner, call(read_models.case_page, registered.id), office.results.append
    )
    wait_for(qtbot, office, 1)
    page = office.results[0]
    (shown,) = page.detail.attachments
    assert shown.original_name == photo.name

    opened: list[Path] = []
    office.desk.file(office.owner, call(evidence.attachment_file, shown.id), opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened[0].read_bytes() == PNG
    assert (tmp_path / "office") in opened[0].parents  # the office's own copy

    # the station desktop may not open another office's case, whatever it asks
    station.desk.read(
        station.owner,
        call(read_models.case_page, people.case_b),
        station.results.append,
        station.refusals.append,
    )
    qtbot.waitUntil(lambda: station.done() >= 2, timeout=20_000)
    assert station.refusals and isinstance(station.refusals[0].error, PermissionDenied)
    assert station.refusals[0].code == "case_out_of_scope"


class DropsFirstAnswer(httpx.BaseTransport):
    """The real connection, but the first answer to a call is lost on the way back: the
    server has done the work, the desktop never hears of it."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.calls: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path == "/api/v1/call":
            self.calls.append(request)
            if len(self.calls) == 1:
                response.read()
                response.close()
                raise httpx.ReadError("connection reset by peer", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def test_a_registration_whose_answer_was_lost_is_retried_and_registers_once(
    qtbot: QtBot,
    server: Running,  # noqa: F811
    people: People,  # noqa: F811
    desktops: list[Desktop],
    session_factory: sessionmaker[Session],
    tmp_path: Path,
) -> None:
    transport = DropsFirstAnswer(httpx.HTTPTransport(verify=tls_context(server.ca_file)))
    station = open_desktop(server, people.staff_a, tmp_path / "s", desktops, transport)
    before = cases_in(session_factory)
    form = f.valid_intake_form("TL01-S01", seed=52)
    station.desk.write(
        station.owner,
        call(intake.register_case, form, []),
        station.results.append,
        station.refusals.append,
        changes=None,
    )
    wait_for(qtbot, station, 1)
    assert cases_in(session_factory) == before + 1
    first, second = transport.calls
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"]
    assert json.loads(first.content) == json.loads(second.content)
    with session_factory() as s:
        numbers = s.scalars(select(Case.number)).all()
    assert station.results[0].number in numbers


def test_an_unreachable_server_is_a_clear_refusal(qtbot: QtBot) -> None:
    client = RemoteClient("https://127.0.0.1:9", retry=Retry(attempts=2, first_wait=0.01))
    from ipdesk.models import Role
    from ipdesk.remote.client import RemoteBackend
    from ipdesk.services.admin.auth import SignedIn

    signed = SignedIn(1, "x", "x", Role.STATION_STAFF, 1, 1, False)
    desk = Desk(RemoteBackend(client, signed))
    owner = QObject()
    refused: list[Refusal] = []
    desk.write(
        owner,
        call(intake.register_case, f.valid_intake_form()),
        print,
        refused.append,
        changes=None,
    )
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    assert refused[0].code == "server_unreachable"
    assert "server cannot be reached" in refused[0].text
    client.close()
