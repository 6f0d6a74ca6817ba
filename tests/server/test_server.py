"""ipdesk-server over HTTPS on 127.0.0.1, on both databases: sign-in and tokens, named calls
for the token's user only, idempotent writes, live changes, evidence through the server."""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from sqlalchemy import Table, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import AuditRecord, Case, User
from ipdesk.remote import calls, codec
from ipdesk.services.admin.auth import SignedIn
from ipdesk.services.cases import intake, workflow
from ipdesk.services.documents import rendering
from ipdesk.services.queries import cases_query
from tests.helpers import factories as f
from tests.server.conftest import People, Running, raw_request

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


@pytest.fixture(autouse=True)
def exposed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The calls these tests make, exposed as the desk will expose them (whatever the
    registry holds today)."""
    needed = [
        calls.Exposed(intake.register_case, "write", {"today": "today", "store": "attachments"}),
        calls.Exposed(cases_query.case_detail, "read", {"today": "today"}),
        calls.Exposed(workflow.accept, "write"),
        calls.Exposed(rendering.render_document, "write", {"today": "today", "store": "documents"}),
    ]
    for entry in needed:
        if entry.name not in calls.EXPOSED:
            monkeypatch.setitem(calls.EXPOSED, entry.name, entry)


def result(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return codec.decode(response.json()["result"])


def error(response: httpx.Response) -> dict[str, Any]:
    body: dict[str, Any] = response.json()["error"]
    return body


def count_cases(factory: sessionmaker[Session]) -> int:
    with factory() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


# --------------------------------------------------------------------------- sign-in


def test_sign_in_gives_a_token_and_refuses_a_wrong_password(
    server: Running, people: People
) -> None:
    with server.client() as c:
        r = c.post("/api/v1/sign-in", json={"username": people.staff_a, "password": "wrong-pw1"})
        assert r.status_code == 401
        assert error(r)["code"] == "sign_in_failed"
        r = c.post(
            "/api/v1/sign-in", json={"username": people.staff_a, "password": f.TEST_PASSWORD}
        )
    assert r.status_code == 200
    signed = codec.decode(r.json()["signed_in"])
    assert isinstance(signed, SignedIn) and signed.username == people.staff_a
    token = r.json()["token"]
    with server.client(token) as c:
        assert c.get("/api/v1/health").json()["ok"] is True
        assert c.post("/api/v1/sign-out").status_code == 200
    r = server.call(token, "cases_query.count_cases", cases_query.CaseFilter())
    assert r.status_code == 401


def test_the_token_is_stored_hashed(
    server: Running, people: People, session_factory: sessionmaker[Session]
) -> None:
    token = server.sign_in(people.staff_a)
    from ipdesk.models import ServerToken

    with session_factory() as s:
        stored = s.scalars(select(ServerToken.token_hash)).all()
    assert stored and token not in stored


def test_a_disabled_users_next_request_is_refused(
    server: Running, people: People, session_factory: sessionmaker[Session]
) -> None:
    token = server.sign_in(people.staff_a)
    assert result(server.call(token, "cases_query.count_cases", cases_query.CaseFilter())) == 1
    admin = server.sign_in(people.admin)
    with session_factory() as s:
        user_id = s.scalars(select(User.id).where(User.username == people.staff_a)).one()
    from ipdesk.services.admin import auth

    if "auth.set_active" in calls.EXPOSED:
        assert result(server.call(admin, "auth.set_active", user_id, False)).active is False
    else:  # the administrator's desk does it through the same service
        with session_factory.begin() as s:
            admin_user = s.scalars(select(User).where(User.username == people.admin)).one()
            auth.set_active(s, f.actor(admin_user), user_id, False)
    r = server.call(token, "cases_query.count_cases", cases_query.CaseFilter())
    assert r.status_code == 401
    with server.client() as c:
        again = c.post(
            "/api/v1/sign-in", json={"username": people.staff_a, "password": f.TEST_PASSWORD}
        )
    assert again.status_code == 401 and error(again)["code"] == "account_disabled"


# --------------------------------------------------------------------------- scope


def test_a_station_token_reads_its_station_only_whatever_it_crafts(
    server: Running, people: People
) -> None:
    token = server.sign_in(people.staff_a)
    rows = result(server.call(token, "cases_query.case_rows", [people.case_a, people.case_b]))
    assert [r.id for r in rows] == [people.case_a]
    # an office, station or case filter of elsewhere finds nothing
    for flt in (
        cases_query.CaseFilter(office=people.office_b),
        cases_query.CaseFilter(case_ids=(people.case_b, people.case_a2)),
    ):
        assert result(server.call(token, "cases_query.count_cases", flt)) == 0
    # another office's case, by id
    r = server.call(token, "cases_query.case_detail", people.case_b)
    assert r.status_code in (403, 404) and "detail" not in r.text
    # the full ID number: refused even of its own case
    r = server.call(token, "cases_query.case_detail", people.case_a, reveal=True)
    assert r.status_code == 403 and error(r)["code"] == "personal_data_denied"
    own = result(server.call(token, "cases_query.case_detail", people.case_a))
    assert all("*" in (p.id_number or "*") for p in own.parties)


@pytest.mark.parametrize(
    "body",
    [
        {"call": "db.make_engine", "args": ["sqlite://"], "kwargs": {}},
        {"call": "cases_query._where", "args": [], "kwargs": {}},
        {"call": "__import__", "args": ["os"], "kwargs": {}},
        {"call": "cases_query.count_cases", "args": [], "kwargs": {"actor": None}},
        {"call": "cases_query.count_cases", "args": [], "kwargs": {"today": "2099-01-01"}},
        {"call": "cases_query.count_cases", "args": [], "kwargs": {"session": 1}},
        {
            "call": "cases_query.count_cases",
            "args": [
                {
                    "$": "dc",
                    "t": "ipdesk.services.actors.Actor",
                    "f": {
                        "user_id": 1,
                        "name": "x",
                        "role": {"$": "enum", "t": "ipdesk.models.users.Role", "v": "admin"},
                    },
                }
            ],
            "kwargs": {},
        },
        {
            "call": "cases_query.count_cases",
            "args": [{"$": "dc", "t": "os.Popen", "f": {}}],
            "kwargs": {},
        },
        {"call": ["cases_query.count_cases"], "args": [], "kwargs": {}},
        {"call": "cases_query.count_cases", "args": {"a": 1}, "kwargs": []},
    ],
)
def test_crafted_calls_are_refused(server: Running, people: People, body: dict[str, Any]) -> None:
    token = server.sign_in(people.staff_a)
    with server.client(token) as c:
        r = c.post("/api/v1/call", json=body, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == 400, r.text
    assert error(r)["code"] in ("bad_call", "codec_error", "bad_value") or error(r)["type"] in (
        "BadCall",
        "CodecError",
    )


def test_a_call_without_a_token_or_with_a_forged_one_is_refused(
    server: Running, people: People
) -> None:
    for token in ("", "x" * 43, "Bearer"):
        r = server.call(token, "cases_query.count_cases", cases_query.CaseFilter())
        assert r.status_code == 401


def test_a_write_on_another_offices_case_is_refused_and_changes_nothing(
    server: Running, people: People, session_factory: sessionmaker[Session]
) -> None:
    token = server.sign_in(people.manager_a)
    with session_factory() as s:
        version = s.get(Case, people.case_b).version_id  # type: ignore[union-attr]
    r = server.call(token, "workflow.accept", people.case_b, version)
    assert r.status_code == 403
    with session_factory() as s:
        assert s.get(Case, people.case_b).status == "registered"  # type: ignore[union-attr]


def test_a_read_call_runs_in_a_read_only_transaction(server: Running) -> None:
    from ipdesk.server.app import Server

    srv: Server = server.app.state.server
    from ipdesk.services.actors import Actor

    actor = Actor.system()
    refused = "read-only transaction|readonly database"  # PostgreSQL's, SQLite's
    with pytest.raises(DBAPIError, match=refused), srv.read_session(actor) as s:
        s.execute(cast(Table, User.__table__).delete())
    for _ in range(3):  # every pooled connection is writable again afterwards
        with srv.factory.begin() as s:
            s.execute(text("UPDATE users SET display_name = display_name"))
    with srv.read_session(actor) as s:  # and reads again in a read-only one
        assert s.connection().exec_driver_sql("SELECT count(*) FROM users").scalar() is not None
        with pytest.raises(DBAPIError, match=refused):
            s.execute(cast(Table, User.__table__).delete())


# --------------------------------------------------------------------------- writes


def _register_body(people: People, seed: int, attachments: tuple[Any, ...] = ()) -> dict[str, Any]:
    form = f.valid_intake_form("TL01-S01", seed=seed)
    return {
        "call": "intake.register_case",
        "args": codec.encode([form, attachments]),
        "kwargs": {},
    }


def test_a_dropped_registration_and_its_retry_leave_exactly_one_case(
    server: Running, people: People, session_factory: sessionmaker[Session]
) -> None:
    token = server.sign_in(people.staff_a)
    before = count_cases(session_factory)
    key = str(uuid.uuid4())
    body = json.dumps(_register_body(people, 7)).encode()
    request = (
        b"POST /api/v1/call HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + f"Authorization: Bearer {token}\r\nIdempotency-Key: {key}\r\n".encode()
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    raw_request(server, request)  # the line drops before the answer
    with server.client(token) as c:
        first = c.post("/api/v1/call", content=body, headers={"Idempotency-Key": key})
        second = c.post("/api/v1/call", content=body, headers={"Idempotency-Key": key})
    assert first.status_code == second.status_code == 200, first.text
    registered = codec.decode(first.json()["result"])
    assert codec.decode(second.json()["result"]) == registered
    assert count_cases(session_factory) == before + 1
    with session_factory() as s:
        numbers = s.scalars(select(Case.number)).all()
    assert registered.number in numbers
    # a new key is a new registration
    with server.client(token) as c:
        third = c.post("/api/v1/call", content=body, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert third.status_code == 200
    assert count_cases(session_factory) == before + 2


def test_concurrent_retries_of_one_key_register_once(
    server: Running, people: People, session_factory: sessionmaker[Session]
) -> None:
    token = server.sign_in(people.staff_a)
    before = count_cases(session_factory)
    key = str(uuid.uuid4())
    body = json.dumps(_register_body(people, 9)).encode()
    statuses: list[int] = []

    def send() -> None:
        with server.client(token) as c:
            statuses.append(
                c.post("/api/v1/call", content=body, headers={"Idempotency-Key": key}).status_code
            )

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert count_cases(session_factory) == before + 1
    assert statuses.count(200) >= 1 and set(statuses) <= {200, 409}


def test_a_write_without_an_idempotency_key_is_refused(server: Running, people: People) -> None:
    token = server.sign_in(people.staff_a)
    with server.client(token) as c:
        r = c.post("/api/v1/call", json=_register_body(people, 3))
    assert r.status_code == 400 and error(r)["code"] == "idempotency_key_missing"


def test_a_write_is_audited_as_the_tokens_user(
    server: Running, people: People, session_factory: sessionmaker[Session]
) -> None:
    token = server.sign_in(people.staff_a)
    registered = result(server.call(token, "intake.register_case", f.valid_intake_form(seed=4), ()))
    with session_factory() as s:
        user_id = s.scalars(select(User.id).where(User.username == people.staff_a)).one()
        authors = set(
            s.scalars(
                select(AuditRecord.user_id).where(
                    AuditRecord.entity == "cases", AuditRecord.entity_id == str(registered.id)
                )
            )
        )
    assert authors == {user_id}


# --------------------------------------------------------------------------- changes


class Listener:
    """A desktop's change stream, read in a thread."""

    def __init__(self, server: Running, token: str, last: int | None = None) -> None:
        self.events: list[tuple[int, str, dict[str, Any], float]] = []
        self.ready = threading.Event()
        self.failure: Exception | None = None
        self._stop = False
        headers = {"Last-Event-ID": str(last)} if last is not None else {}
        self._client = server.client(token, timeout=httpx.Timeout(30, read=5))
        self._thread = threading.Thread(target=self._run, args=(headers,), daemon=True)
        self._thread.start()
        assert self.ready.wait(10)

    def _run(self, headers: dict[str, str]) -> None:
        try:
            with self._client.stream("GET", "/api/v1/changes", headers=headers) as r:
                seq, kind = 0, ""
                for line in r.iter_lines():
                    if self._stop:
                        return
                    if line.startswith("id: "):
                        seq = int(line[4:])
                    elif line.startswith("event: "):
                        kind = line[7:]
                    elif line.startswith("data: "):
                        if kind == "hello":
                            self.ready.set()
                        else:
                            self.events.append((seq, kind, json.loads(line[6:]), time.monotonic()))
        except httpx.HTTPError as exc:
            self.failure = exc
        finally:
            self.ready.set()
            self._client.close()

    def close(self) -> None:
        """Stop at the next line (the server's heartbeat comes every second here): the
        reading thread closes its own connection; closing it from here could let another
        connection reuse its file descriptor while the thread still reads it."""
        self._stop = True
        self._thread.join(5)

    def wait_for(self, case_id: int, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for _seq, _kind, data, at in self.events:
                if case_id in data["case_ids"]:
                    return at
            time.sleep(0.01)
        return None


@pytest.fixture
def listeners() -> Iterator[list[Listener]]:
    made: list[Listener] = []
    yield made
    for listener in made:
        listener.close()


def test_a_commit_reaches_another_desktop_within_a_second_and_not_one_outside(
    server: Running, people: People, listeners: list[Listener]
) -> None:
    station = server.sign_in(people.staff_a)
    office = Listener(server, server.sign_in(people.manager_a))
    other_office = Listener(server, server.sign_in(people.manager_b))
    other_station = Listener(server, server.sign_in(people.staff_b))
    listeners += [office, other_office, other_station]
    started = time.monotonic()
    registered = result(
        server.call(station, "intake.register_case", f.valid_intake_form(seed=5), ())
    )
    committed = time.monotonic()
    arrived = office.wait_for(registered.id, 1.0)
    assert arrived is not None, office.events
    assert arrived - committed < 1.0
    assert arrived >= started
    seq, kind, data, _ = next(e for e in office.events if registered.id in e[2]["case_ids"])
    assert kind == "change" and "cases" in data["kinds"]
    time.sleep(0.5)
    for outsider in (other_office, other_station):
        assert all(registered.id not in e[2]["case_ids"] for e in outsider.events)
        assert all(e[0] != seq for e in outsider.events)


def test_a_reconnecting_desktop_catches_up_from_its_last_event(
    server: Running, people: People, listeners: list[Listener]
) -> None:
    station = server.sign_in(people.staff_a)
    manager = server.sign_in(people.manager_a)
    first = Listener(server, manager)
    listeners.append(first)
    one = result(server.call(station, "intake.register_case", f.valid_intake_form(seed=11), ()))
    assert first.wait_for(one.id, 2.0) is not None
    last = max(e[0] for e in first.events)
    first.close()
    two = result(server.call(station, "intake.register_case", f.valid_intake_form(seed=12), ()))
    again = Listener(server, manager, last=last)
    listeners.append(again)
    assert again.wait_for(two.id, 2.0) is not None, (again.events, again.failure)
    assert again.wait_for(one.id, 0.2) is None  # not sent twice


def test_a_disabled_users_change_stream_ends(
    server: Running,
    people: People,
    session_factory: sessionmaker[Session],
    listeners: list[Listener],
) -> None:
    listener = Listener(server, server.sign_in(people.staff_a))
    listeners.append(listener)
    with session_factory.begin() as s:
        s.scalars(select(User).where(User.username == people.staff_a)).one().active = False
    listener._thread.join(5)  # the heartbeat (1 s here) checks the token again
    assert not listener._thread.is_alive()


# --------------------------------------------------------------------------- blobs


def upload(server: Running, token: str, data: bytes, name: str = "photo.png") -> httpx.Response:
    def chunks() -> Iterator[bytes]:
        for i in range(0, len(data), 1000):
            yield data[i : i + 1000]

    with server.client(token) as c:
        return c.put("/api/v1/blobs", params={"name": name}, content=chunks())


def test_evidence_attached_at_a_station_opens_at_the_office_with_the_same_bytes(
    server: Running, people: People
) -> None:
    station = server.sign_in(people.staff_a)
    r = upload(server, station, PNG)
    assert r.status_code == 200, r.text
    sha = r.json()["sha256"]
    assert r.json()["size"] == len(PNG) and r.json()["kind"] == "png"
    attachment = intake.AttachmentInput(path=f"sha256:{sha}", description="侵权商品照片")  # type: ignore[arg-type]
    registered = result(
        server.call(station, "intake.register_case", f.valid_intake_form(seed=21), (attachment,))
    )
    assert [a.sha256 for a in registered.attachments] == [sha]
    office = server.sign_in(people.manager_a)
    with server.client(office) as c:
        got = c.get(f"/api/v1/blobs/{sha}")
    assert got.status_code == 200 and got.content == PNG
    outsider = server.sign_in(people.manager_b)
    with server.client(outsider) as c:
        refused = c.get(f"/api/v1/blobs/{sha}")
    assert refused.status_code == 404


def test_uploads_are_checked_by_content_and_size(server: Running, people: People) -> None:
    token = server.sign_in(people.staff_a)
    program = upload(server, token, b"MZ\x90\x00" + bytes(2000), "合同.pdf")
    assert program.status_code == 403 and error(program)["code"] == "evidence_type_refused"
    srv = server.app.state.server
    srv.settings.max_upload_bytes = 5000
    big = upload(server, token, PNG, "big.png")
    assert big.status_code == 413


def test_a_call_cannot_name_a_file_of_the_server_or_someone_elses_upload(
    server: Running, people: People
) -> None:
    station = server.sign_in(people.staff_a)
    attachment = intake.AttachmentInput(path="/etc/passwd")  # type: ignore[arg-type]
    r = server.call(station, "intake.register_case", f.valid_intake_form(seed=31), (attachment,))
    assert r.status_code == 400
    other = server.sign_in(people.staff_b)
    sha = upload(server, other, PNG).json()["sha256"]
    theirs = intake.AttachmentInput(path=f"sha256:{sha}")  # type: ignore[arg-type]
    r = server.call(station, "intake.register_case", f.valid_intake_form(seed=32), (theirs,))
    assert r.status_code == 404


def test_a_document_rendered_on_the_server_is_fetched_by_its_hash_not_its_path(
    server: Running, people: People, session_factory: sessionmaker[Session]
) -> None:
    manager = server.sign_in(people.manager_a)
    with session_factory() as s:
        version = s.get(Case, people.case_a).version_id  # type: ignore[union-attr]
    result(server.call(manager, "workflow.accept", people.case_a, version))
    doc = result(
        server.call(
            manager, "documents.rendering.render_document", people.case_a, "acceptance_notice"
        )
    )
    assert doc.path == Path(doc.stored_name).name  # the server's folders stay its own
    with server.client(manager) as c:
        got = c.get(f"/api/v1/blobs/{doc.sha256}")
    assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == doc.sha256
    assert got.content.startswith(b"PK")
    station_b = server.sign_in(people.staff_b)
    with server.client(station_b) as c:
        assert c.get(f"/api/v1/blobs/{doc.sha256}").status_code == 404


def test_no_read_a_station_token_can_call_shows_a_full_id_number_or_another_office(
    server: Running, people: People, session_factory: sessionmaker[Session]
) -> None:
    """Every exposed read, with the arguments a crafted request might give (its own case,
    another office's, lists of both, filters naming the other office): no full ID number
    of any party, and nothing of the other office's case, in any answer."""
    from ipdesk.models import Party

    own = result(
        server.call(
            server.sign_in(people.staff_a), "intake.register_case", f.valid_intake_form(seed=51), ()
        )
    )
    other = result(
        server.call(
            server.sign_in(people.staff_b),
            "intake.register_case",
            f.valid_intake_form(
                _station_of(session_factory, people.staff_b), seed=52, applicant="赵敏"
            ),
            (),
        )
    )
    with session_factory() as s:
        secrets = [n for n in s.scalars(select(Party.id_number)) if n]
        other_number = s.get(Case, other.id).number  # type: ignore[union-attr]
    assert len(secrets) >= 4
    token = server.sign_in(people.staff_a)
    tries: list[tuple[Any, ...]] = [
        (),
        (own.id,),
        (other.id,),
        ([own.id, other.id],),
        ((own.id, other.id),),
        (cases_query.CaseFilter(),),
        (cases_query.CaseFilter(office=people.office_b),),
        (cases_query.CaseFilter(case_ids=(other.id,)),),
        (cases_query.CaseFilter(text="赵敏"),),
        (own.id, True),
        (other.id, True),
    ]
    answered = 0
    for name, entry in sorted(calls.EXPOSED.items()):
        if entry.kind != "read":
            continue
        for args in tries:
            variants: list[dict[str, Any]] = [{}, {"reveal": True}]
            for kwargs in variants:
                r = server.call(token, name, *args, **kwargs)
                assert r.status_code != 500, (name, args, r.text)
                if r.status_code == 200:
                    answered += 1
                    for secret in secrets:
                        assert secret not in r.text, (name, args, kwargs)
                    assert other_number not in r.text, (name, args, kwargs)
                    assert "赵敏" not in r.text, (name, args, kwargs)
    assert answered > 10


def _station_of(factory: sessionmaker[Session], username: str) -> str:
    from ipdesk.models import Station

    with factory() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        return s.get(Station, user.station_id).code  # type: ignore[union-attr]


@pytest.mark.postgres_only
def test_two_server_processes_agree_through_listen_notify(
    server: Running,
    people: People,
    engine: Any,
    ca: Any,
    tmp_path: Path,
    listeners: list[Listener],
) -> None:
    """A commit through one server reaches a desktop of another server in front of the same
    database at once: NOTIFY wakes the other's change pump (its own polling is off here)."""
    if engine.dialect.name != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    from ipdesk import db
    from tests.server.conftest import running_server

    other_engine = db.make_engine(engine.url)
    try:
        with running_server(other_engine, ca, tmp_path / "two") as second:
            second.app.state.server.broker.poll_seconds = 60.0
            time.sleep(0.6)  # the pump's first wait (0.5 s) ends; from now on only NOTIFY
            office = Listener(second, second.sign_in(people.manager_a))
            listeners.append(office)
            station = server.sign_in(people.staff_a)
            registered = result(
                server.call(station, "intake.register_case", f.valid_intake_form(seed=61), ())
            )
            answered = time.monotonic()
            arrived = office.wait_for(registered.id, 2.0)
            assert arrived is not None and arrived - answered < 1.0
    finally:
        other_engine.dispose()


def test_a_write_that_meets_a_deadlock_runs_again_once_and_answers_once(
    server: Running,
    people: People,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PostgreSQL rolls a deadlocked transaction back whole: the server runs the write again
    (the desktop sees one answer, the database holds one case)."""
    from sqlalchemy import exc as sa_exc

    from ipdesk.server import app as server_app

    class Deadlock(Exception):
        sqlstate = "40P01"

    real = server_app.calls.run_local
    attempts: list[str] = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args[2].name)
        if len(attempts) == 1:
            raise sa_exc.OperationalError("INSERT ...", {}, Deadlock("deadlock detected"))
        return real(*args, **kwargs)

    monkeypatch.setattr(server_app.calls, "run_local", flaky)
    token = server.sign_in(people.staff_a)
    before = count_cases(session_factory)
    registered = result(
        server.call(token, "intake.register_case", f.valid_intake_form(seed=71), ())
    )
    assert attempts == ["intake.register_case"] * 2
    assert count_cases(session_factory) == before + 1
    with session_factory() as s:
        assert s.get(Case, registered.id) is not None
