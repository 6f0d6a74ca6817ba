"""A real ``ipdesk-server`` on 127.0.0.1 over TLS (a certificate authority from trustme),
in a thread of the test process, on the test's database (both backends)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme
import uvicorn
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Role
from ipdesk.remote import codec
from ipdesk.server.app import Settings, create_app
from tests.helpers import factories as f

PASSWORD = f.TEST_PASSWORD


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@dataclass
class Running:
    url: str
    ca_file: Path
    app: Any

    def client(self, token: str | None = None, **kw: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        context = ssl.create_default_context(cafile=str(self.ca_file))
        kw.setdefault("timeout", 30)
        return httpx.Client(base_url=self.url, verify=context, headers=headers, **kw)

    def sign_in(self, username: str, password: str = PASSWORD) -> str:
        with self.client() as c:
            r = c.post("/api/v1/sign-in", json={"username": username, "password": password})
        assert r.status_code == 200, r.text
        token: str = r.json()["token"]
        return token

    def call(
        self, token: str, name: str, *args: Any, key: str | None = None, **kwargs: Any
    ) -> httpx.Response:
        headers = {"Idempotency-Key": key or str(uuid.uuid4())}
        body = {"call": name, "args": codec.encode(list(args)), "kwargs": codec.encode(kwargs)}
        with self.client(token) as c:
            return c.post("/api/v1/call", json=body, headers=headers)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(engine: Engine, ca: trustme.CA, folder: Path) -> Iterator[Running]:
    """An ipdesk-server on ``engine`` at a free port of 127.0.0.1, until the block ends."""
    folder.mkdir(parents=True, exist_ok=True)
    cert = ca.issue_cert("127.0.0.1", "localhost")
    pem = folder / "server.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(pem))
    ca_file = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    port = _free_port()
    app = create_app(engine, Settings(data_dir=folder / "server", heartbeat_seconds=1.0))
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        ssl_certfile=str(pem),
        ssl_keyfile=str(pem),
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=2,
    )
    uv = uvicorn.Server(config)

    async def serve() -> None:
        await uv.serve()
        # A connection whose client vanished mid-answer (the lost-answer tests) never
        # finishes its TLS goodbye: drop it here rather than leave it to the collector,
        # which would warn in whichever test comes next.
        for connection in list(uv.server_state.connections):
            transport = getattr(connection, "transport", None)
            if transport is not None:
                transport.abort()
        await asyncio.sleep(0)

    thread = threading.Thread(target=lambda: asyncio.run(serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield Running(f"https://127.0.0.1:{port}", ca_file, app)
    finally:
        uv.should_exit = True
        thread.join(10)


@pytest.fixture
def server(engine: Engine, ca: trustme.CA, tmp_path: Path) -> Iterator[Running]:
    with running_server(engine, ca, tmp_path / "one") as running:
        yield running


@dataclass
class People:
    office_a: str
    office_b: str
    staff_a: str  # station TL01-S01
    staff_b: str  # a station of TL02
    mediator_a: str
    manager_a: str
    manager_b: str
    admin: str
    case_a: int  # at TL01-S01
    case_a2: int  # at another station of TL01
    case_b: int  # at TL02


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as s:
        f.seed(s)
        from sqlalchemy import select

        from ipdesk.models import Station

        tl01 = f.office(s, "TL01")
        tl02 = f.office(s, "TL02")
        st_b = s.scalars(
            select(Station).where(Station.office_id == tl02.id).order_by(Station.code)
        ).first()
        st_a2 = s.scalars(
            select(Station)
            .where(Station.office_id == tl01.id, Station.code != "TL01-S01")
            .order_by(Station.code)
        ).first()
        assert st_b is not None and st_a2 is not None
        users = {
            "staff_a": f.make_user(s, Role.STATION_STAFF, station="TL01-S01", username="staff-a"),
            "staff_b": f.make_user(s, Role.STATION_STAFF, station=st_b.code, username="staff-b"),
            "mediator_a": f.make_user(s, Role.MEDIATOR, office="TL01", username="mediator-a"),
            "manager_a": f.make_user(s, Role.OFFICE_MANAGER, office="TL01", username="manager-a"),
            "manager_b": f.make_user(s, Role.OFFICE_MANAGER, office="TL02", username="manager-b"),
            "admin": f.make_user(s, Role.ADMIN, username="admin-x"),
        }
        case_a = f.make_case(s, "TL01-S01")
        case_a2 = f.make_case(s, st_a2.code)
        case_b = f.make_case(s, st_b.code)
        s.flush()
        return People(
            office_a="TL01",
            office_b="TL02",
            **{k: u.username for k, u in users.items()},
            case_a=case_a.id,
            case_a2=case_a2.id,
            case_b=case_b.id,
        )


def raw_request(running: Running, request: bytes) -> None:
    """Send ``request`` over TLS and drop the connection without reading the answer (a bad
    line: the desktop never learns the outcome)."""
    context = ssl.create_default_context(cafile=str(running.ca_file))
    host, port = running.url.removeprefix("https://").split(":")
    with (
        socket.create_connection((host, int(port))) as sock,
        context.wrap_socket(sock, server_hostname=host) as tls,
    ):
        tls.sendall(request)
