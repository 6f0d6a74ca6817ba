"""Load test of ipdesk-server: 98 simulated desktops on loopback doing a day's work.

    .venv/bin/python benchmarks/bench_network.py [--seconds 60] [--think 2.0] [--cases 2000]
    .venv/bin/python benchmarks/bench_network.py --url postgresql+psycopg://... (a database
        to fill; default: a throw-away PostgreSQL server of the test helpers)

It fills a fresh PostgreSQL database (organisation, demo users, ``--cases`` demo cases),
starts ``ipdesk-server`` in a process of its own on 127.0.0.1 over TLS (a certificate
authority made for the run), and runs one desktop per station (89 station staff) and one
per office (9 office managers) on asyncio with httpx for ``--seconds``: each signs in,
follows ``GET /api/v1/changes``, and works with a random pause (mean ``--think`` seconds)
between operations:

* station staff: register a case with an evidence photo (upload, then the call), list
  their cases, search, open a case;
* office managers: list, search, accept a registered case, render its acceptance notice
  and download it, open an evidence file.

It prints p50/p95 per operation and the errors (goal: 0), and the push delay: from the
registering desktop's answer (its own screen) to the office desktop's change event (goal:
p95 ≤ 1 s), and, as an upper bound, from the request's start. The floor: the same
operations in process (``calls.run_local`` in a session, no HTTP), measured in the same
run. Every request goes to 127.0.0.1 only, and the run stops by itself.

The calls the desk does not expose yet (registration, case detail, acceptance, rendering)
are added to the server process's registry for the run (:data:`EXTRA`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from ipdesk.remote import calls, codec
from ipdesk.services.cases import intake, workflow
from ipdesk.services.documents import rendering
from ipdesk.services.queries import cases_query

EXTRA = (
    calls.Exposed(intake.register_case, "write", {"today": "today", "store": "attachments"}),
    calls.Exposed(cases_query.case_detail, "read", {"today": "today"}),
    calls.Exposed(workflow.accept, "write"),
    calls.Exposed(rendering.render_document, "write", {"today": "today", "store": "documents"}),
)
PNG = b"\x89PNG\r\n\x1a\n" + os.urandom(60_000)  # each run's photos differ
PASSWORD = "ipdesk-demo"


def expose_extra() -> None:
    table: Any = calls.EXPOSED
    for entry in EXTRA:
        table.setdefault(entry.name, entry)


# --------------------------------------------------------------------------- the server


def serve(argv: list[str]) -> int:
    """The server process: the registry completed for the run, then ipdesk-server."""
    expose_extra()
    from ipdesk.server.main import main

    return main(argv)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def database(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tests.helpers.pgserver import throwaway_server

    with throwaway_server() as admin_url:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text('CREATE DATABASE "ipdesk_bench"'))
        admin.dispose()
        yield make_url(admin_url).set(database="ipdesk_bench").render_as_string(hide_password=False)


def fill(url: str, cases: int) -> None:
    from ipdesk import db
    from ipdesk.demo.generator import generate
    from ipdesk.services.admin.setup import initialise
    from ipdesk.services.infra import audit

    engine = db.make_engine(url)
    initialise(engine)
    factory = db.make_session_factory(engine)
    audit.install(factory)
    generate(factory, cases=cases, seed=1, later_stages=False)  # the run makes what it needs
    engine.dispose()


# --------------------------------------------------------------------------- the desktops


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    registered: dict[int, tuple[float, float, str]] = field(default_factory=dict)
    arrivals: dict[tuple[str, int], float] = field(default_factory=dict)


class Desktop:
    def __init__(self, url: str, ca: Path, username: str, office: str, stats: Stats) -> None:
        import ssl

        self.username = username
        self.office = office
        self.stats = stats
        self.client = httpx.AsyncClient(
            base_url=url,
            verify=ssl.create_default_context(cafile=str(ca)),
            timeout=httpx.Timeout(60, read=60),
            limits=httpx.Limits(max_connections=4),
        )
        self.token = ""
        self.rng = random.Random(hash(username))
        self.seed = 0

    async def op(self, name: str, coro: Any) -> Any:
        started = time.perf_counter()
        try:
            value = await coro
        except Exception as exc:
            self.stats.errors[name].append(f"{self.username}: {type(exc).__name__}: {exc}"[:300])
            return None
        self.stats.times[name].append(time.perf_counter() - started)
        return value

    async def sign_in(self) -> None:
        r = await self.client.post(
            "/api/v1/sign-in", json={"username": self.username, "password": PASSWORD}
        )
        r.raise_for_status()
        self.token = r.json()["token"]
        self.client.headers["Authorization"] = f"Bearer {self.token}"

    async def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        body = {"call": name, "args": codec.encode(list(args)), "kwargs": codec.encode(kwargs)}
        headers = {}
        if calls.EXPOSED[name].kind == "write":
            headers["Idempotency-Key"] = str(uuid.uuid4())
        r = await self.client.post("/api/v1/call", json=body, headers=headers)
        if r.status_code != 200:
            raise RuntimeError(f"{name} {r.status_code} {r.text[:200]}")
        return codec.decode(r.json()["result"])

    async def listen(self, stop: asyncio.Event) -> None:
        """The desktop's change stream: when each case's change arrived."""
        with contextlib.suppress(httpx.HTTPError, asyncio.CancelledError):
            async with self.client.stream(
                "GET", "/api/v1/changes", timeout=httpx.Timeout(60, read=None)
            ) as r:
                event = ""
                async for line in r.aiter_lines():
                    if stop.is_set():
                        return
                    if line.startswith("event: "):
                        event = line[7:]
                    elif line.startswith("data: ") and event == "change":
                        now = time.perf_counter()
                        for case_id in json.loads(line[6:]).get("case_ids", []):
                            self.stats.arrivals.setdefault((self.username, case_id), now)

    # -- a station's work ---------------------------------------------------------------

    async def station_step(self, station: str) -> None:
        choice = self.rng.random()
        if choice < 0.25:
            await self.op("register+photo", self.register(station))
        elif choice < 0.6:
            await self.op("list", self.call("cases_query.first_page", None, None, 50))
        elif choice < 0.85:
            flt = cases_query.CaseFilter(text=self.rng.choice(("王", "李娜", "商标", "有限公司")))
            await self.op("search", self.call("cases_query.first_page", flt, None, 50))
        else:
            await self.op("open case", self.open_case())

    async def open_case(self) -> None:
        page = await self.call("cases_query.first_page", None, None, 20)
        if page.ids:
            await self.call("cases_query.case_detail", self.rng.choice(page.ids))

    async def register(self, station: str) -> None:
        from tests.helpers.factories import valid_intake_form

        self.seed += 1
        photo = PNG + self.username.encode() + str(self.seed).encode()
        r = await self.client.put("/api/v1/blobs", params={"name": "侵权商品.png"}, content=photo)
        r.raise_for_status()
        ref = intake.AttachmentInput(path=f"sha256:{r.json()['sha256']}", description="照片")  # type: ignore[arg-type]
        form = valid_intake_form(station, seed=self.rng.randrange(10**9))
        sent = time.perf_counter()
        case = await self.call("intake.register_case", form, (ref,))
        # the office the case went to (routing may send it beyond the station's own)
        self.stats.registered[case.id] = (sent, time.perf_counter(), case.office_code)

    # -- an office's work ---------------------------------------------------------------

    async def office_step(self) -> None:
        choice = self.rng.random()
        if choice < 0.3:
            await self.op("list", self.call("cases_query.first_page", None, None, 50))
        elif choice < 0.5:
            flt = cases_query.CaseFilter(text=self.rng.choice(("王", "张伟", "专利", "有限公司")))
            await self.op("search", self.call("cases_query.first_page", flt, None, 50))
        elif choice < 0.75:
            await self.op("accept", self.accept())
        elif choice < 0.9:
            await self.op("render+download", self.render())
        else:
            await self.op("open evidence", self.open_evidence())

    async def _pick(self, status: str) -> Any:
        flt = cases_query.CaseFilter(status=status)
        page = await self.call("cases_query.first_page", flt, None, 30)
        if not page.ids:
            return None
        return await self.call("cases_query.case_detail", self.rng.choice(page.ids))

    async def accept(self) -> None:
        case = await self._pick("registered")
        if case is not None:
            await self.call("workflow.accept", case.id, case.version_id)

    async def render(self) -> None:
        case = await self._pick("accepted")
        if case is None:
            return
        doc = await self.call("documents.rendering.render_document", case.id, "acceptance_notice")
        await self.download(doc.sha256)

    async def open_evidence(self) -> None:
        page = await self.call("cases_query.first_page", None, None, 30)
        for case_id in page.ids:
            case = await self.call("cases_query.case_detail", case_id)
            if case.attachments:
                await self.download(case.attachments[0].sha256)
                return

    async def download(self, sha256: str) -> None:
        async with self.client.stream("GET", f"/api/v1/blobs/{sha256}") as r:
            r.raise_for_status()
            async for _chunk in r.aiter_bytes():
                pass


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run_desktops(
    url: str, ca: Path, args: argparse.Namespace, server_pid: int
) -> tuple[Stats, float, float]:
    from sqlalchemy import select

    from ipdesk import db
    from ipdesk.models import Office, Station

    engine = db.make_engine(args.db)
    with db.make_session_factory(engine)() as s:
        stations = [
            (code, office)
            for code, office in s.execute(
                select(Station.code, Office.code)
                .join(Office, Station.office_id == Office.id)
                .order_by(Station.code)
            )
        ]
        offices = sorted({o for _, o in stations})
    engine.dispose()
    stats = Stats()
    people: list[tuple[Desktop, str | None]] = []
    for code, office in stations[: args.desktops - len(offices)]:
        people.append((Desktop(url, ca, code.lower(), office, stats), code))
    for office in offices:
        people.append((Desktop(url, ca, f"{office.lower()}-manager", office, stats), None))
    print(f"desktops {len(people)}: {len(people) - len(offices)} stations, {len(offices)} offices")
    signing = time.perf_counter()
    sem = asyncio.Semaphore(8)

    async def sign(d: Desktop) -> None:
        async with sem:
            await d.op("sign-in", d.sign_in())

    await asyncio.gather(*(sign(d) for d, _ in people))
    print(f"signed in in {time.perf_counter() - signing:.1f} s")
    stop = asyncio.Event()
    listeners = [asyncio.create_task(d.listen(stop)) for d, _ in people]
    await asyncio.sleep(1.0)
    deadline = time.perf_counter() + args.seconds

    async def work(d: Desktop, station: str | None) -> None:
        await asyncio.sleep(d.rng.uniform(0, args.think))
        while time.perf_counter() < deadline:
            if station is not None:
                await d.station_step(station)
            else:
                await d.office_step()
            await asyncio.sleep(d.rng.expovariate(1 / args.think))

    started = time.perf_counter()
    cpu_before = cpu_seconds(server_pid)
    await asyncio.gather(*(work(d, st) for d, st in people))
    elapsed = time.perf_counter() - started
    server_cpu = cpu_seconds(server_pid) - cpu_before
    await asyncio.sleep(2.0)  # the last pushes
    stop.set()
    for task in listeners:
        task.cancel()
    await asyncio.gather(*listeners, return_exceptions=True)
    for d, _ in people:
        await d.client.aclose()
    return stats, elapsed, server_cpu


# --------------------------------------------------------------------------- the floor


def floor(url: str, repeat: int) -> dict[str, list[float]]:
    """The same operations in process: calls.run_local in a session, no HTTP."""
    import datetime as dt

    from sqlalchemy import select

    from ipdesk import db
    from ipdesk.models import Case, CaseStatus, Office, Station, User
    from ipdesk.services.actors import Actor
    from ipdesk.services.infra import audit, blobs
    from ipdesk.services.rules.deadlines import legal_today
    from tests.helpers.factories import valid_intake_form

    engine = db.make_engine(url)
    factory = db.make_session_factory(engine)
    audit.install(factory)
    today = legal_today()
    times: dict[str, list[float]] = defaultdict(list)
    store = Path(tempfile.mkdtemp(prefix="bench-floor-"))

    class Stores:
        attachments = store / "a"
        documents = store / "d"

    with factory() as s:
        staff = (
            s.scalars(select(User).where(User.username == "tl01-s01")).one_or_none()
            or s.scalars(select(User).join(Station, User.station_id == Station.id).limit(1)).one()
        )
        manager = s.scalars(
            select(User)
            .join(Office, User.office_id == Office.id)
            .where(User.username.like("%-manager"))
        ).first()
        assert manager is not None
        station_code = s.get(Station, staff.station_id).code  # type: ignore[union-attr]
        staff_actor, manager_actor = Actor.of(staff), Actor.of(manager)

    def timed(name: str, actor: Actor, c: calls.Call[Any], write: bool = False) -> Any:
        started = time.perf_counter()
        if write:
            with audit.audited_sessions(factory, actor).begin() as session:
                value = calls.run_local(session, actor, c, today=today, stores=Stores())
        else:
            with audit.audited_sessions(factory, actor)() as session:
                session.connection(execution_options=db.READ_ONLY)
                value = calls.run_local(session, actor, c, today=today, stores=Stores())
        times[name].append(time.perf_counter() - started)
        return value

    rng = random.Random(5)
    photo_dir = store / "photos"
    photo_dir.mkdir()
    for i in range(repeat):
        photo = photo_dir / f"p{i}.png"
        photo.write_bytes(PNG + b"floor" + str(i).encode())
        form = valid_intake_form(station_code, seed=rng.randrange(10**9), received=today)
        started = time.perf_counter()
        # the upload's part: the content into the store
        with factory.begin() as session, photo.open("rb") as fh:
            blobs.put_stream(session, fh, kind="png", max_bytes=1 << 24)
        timed(
            "register+photo",
            staff_actor,
            calls.Call("intake.register_case", (form, (intake.AttachmentInput(photo),))),
            write=True,
        )
        times["register+photo"][-1] = time.perf_counter() - started
        timed("list", staff_actor, calls.Call("cases_query.first_page", (None, None, 50)))
        timed(
            "search",
            staff_actor,
            calls.Call("cases_query.first_page", (cases_query.CaseFilter(text="王"), None, 50)),
        )
        page = timed(
            "list",
            manager_actor,
            calls.Call(
                "cases_query.first_page", (cases_query.CaseFilter(status="registered"), None, 30)
            ),
        )
        if page.ids:
            case = timed(
                "open case", manager_actor, calls.Call("cases_query.case_detail", (page.ids[0],))
            )
            timed(
                "accept",
                manager_actor,
                calls.Call("workflow.accept", (case.id, case.version_id)),
                write=True,
            )
            doc = timed(
                "render+download",
                manager_actor,
                calls.Call("documents.rendering.render_document", (case.id, "acceptance_notice")),
                write=True,
            )
            started = time.perf_counter()
            with factory() as session:
                for _chunk in blobs.iter_chunks(session, doc.sha256):
                    pass
            times["render+download"][-1] += time.perf_counter() - started
    del dt, Case, CaseStatus
    engine.dispose()
    return times


# --------------------------------------------------------------------------- report


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(stats: Stats, elapsed: float, floors: dict[str, list[float]]) -> None:
    total = sum(len(v) for v in stats.times.values())
    errors = sum(len(v) for v in stats.errors.values())
    print(f"\n{total} operations in {elapsed:.0f} s ({total / elapsed:.1f}/s), errors {errors}")
    head = ("operation", "n", "p50 ms", "p95 ms", "floor p50", "floor p95", "errors")
    print("{:<18}{:>6}{:>10}{:>10}{:>11}{:>11}{:>8}".format(*head))
    for name in sorted(set(stats.times) | set(stats.errors)):
        t = stats.times.get(name, [])
        fl = floors.get(name, [])
        print(
            f"{name:<18}{len(t):>6}{pct(t, 0.5) * 1000:>10.0f}{pct(t, 0.95) * 1000:>10.0f}"
            f"{pct(fl, 0.5) * 1000:>11.0f}{pct(fl, 0.95) * 1000:>11.0f}"
            f"{len(stats.errors.get(name, [])):>8}"
        )
    for name, messages in stats.errors.items():
        for message in messages[:3]:
            print(f"  error {name}: {message}")
    managers = {o: f"{o.lower()}-manager" for o in {v[2] for v in stats.registered.values()}}
    after_answer: list[float] = []
    after_start: list[float] = []
    missing = 0
    for case_id, (sent, answered, office) in stats.registered.items():
        arrived = stats.arrivals.get((managers[office], case_id))
        if arrived is None:
            missing += 1
            continue
        after_answer.append(max(0.0, arrived - answered))
        after_start.append(arrived - sent)
    print(
        f"\npush delay to the office's desktop ({len(after_answer)} registrations, "
        f"{missing} not delivered):"
    )
    print(
        f"  after the registering desktop's answer: p50 {pct(after_answer, 0.5) * 1000:.0f} ms, "
        f"p95 {pct(after_answer, 0.95) * 1000:.0f} ms (goal p95 ≤ 1000 ms)"
    )
    print(
        f"  after the request's start (upper bound): p50 {pct(after_start, 0.5) * 1000:.0f} ms, "
        f"p95 {pct(after_start, 0.95) * 1000:.0f} ms"
    )
    leaked = sum(
        1
        for (user, case_id), _ in stats.arrivals.items()
        if user.endswith("-manager")
        and case_id in stats.registered
        and managers.get(stats.registered[case_id][2]) != user
    )
    print(f"  pushed to another office's manager: {leaked} (goal 0)")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        return serve(sys.argv[2:])
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", default=None, help="PostgreSQL URL of a database to fill")
    p.add_argument("--desktops", type=int, default=98)
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--think", type=float, default=2.0, help="mean pause between operations (s)")
    p.add_argument("--cases", type=int, default=2000)
    p.add_argument("--floor-repeat", type=int, default=20)
    args = p.parse_args()
    expose_extra()
    print(
        "load {:.2f} {:.2f} {:.2f} (1, 5, 15 min), {} cores".format(
            *os.getloadavg(), os.cpu_count()
        )
    )
    with database(args.url) as url:
        args.db = url
        started = time.perf_counter()
        fill(url, args.cases)
        print(f"database filled: {args.cases} demo cases in {time.perf_counter() - started:.0f} s")
        folder = Path(tempfile.mkdtemp(prefix="bench-network-"))
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--serve",
                "--database-url",
                url,
                "--port",
                str(port),
                "--local-ca",
                "--data-dir",
                str(folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=open(folder / "server.log", "wb"),  # noqa: SIM115
        )
        try:
            base = f"https://127.0.0.1:{port}"
            ca = folder / "ca.pem"
            deadline = time.monotonic() + 60
            while True:
                try:
                    import ssl

                    if (
                        ca.exists()
                        and httpx.get(
                            f"{base}/api/v1/health",
                            verify=ssl.create_default_context(cafile=str(ca)),
                        ).status_code
                        == 200
                    ):
                        break
                except (httpx.HTTPError, OSError):
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    print((folder / "server.log").read_text()[-3000:])
                    return 1
                time.sleep(0.2)
            stats, elapsed, server_cpu = asyncio.run(run_desktops(base, ca, args, server.pid))
        finally:
            server.terminate()
            server.wait(20)
        floors = floor(url, args.floor_repeat)
        print("load at the end {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        report(stats, elapsed, floors)
        ops = sum(len(v) for k, v in stats.times.items() if k != "sign-in")
        print(
            f"server process CPU while working: {server_cpu:.1f} s for {ops} operations "
            f"({server_cpu / max(ops, 1) * 1000:.0f} ms each; {server_cpu / elapsed:.2f} of a core)"
        )
        print(f"\nserver log: {folder / 'server.log'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
