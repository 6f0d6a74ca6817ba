"""Crash safety: a child process registering cases (through the real intake service, with
an evidence file each, audited) is killed with SIGKILL at random moments, again and again.

After every kill: the SQLite file passes ``PRAGMA integrity_check``; every case the child
reported as committed is there and complete (both parties, the evidence record, the
registration event); no case in the database is half-written; the audit chain is intact;
no record lacks its evidence file (files of an interrupted registration may remain, and
are reported as unreferenced). PostgreSQL gets the same treatment (its server does the
recovering).

The child is forked from the test process (everything is imported already), so a round
costs a fraction of a second.
"""

from __future__ import annotations

import os
import random
import select as select_module
import signal
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.models import Attachment, Case, CaseEvent, Party
from ipdesk.services.cases.intake import AttachmentInput, register_case
from ipdesk.services.infra import audit
from ipdesk.services.infra.integrity import check_files
from tests.helpers.factories import REGISTRAR, make_case, seed, valid_intake_form

ROUNDS = {"sqlite": 22, "postgresql": 20}
FIRST_COMMIT_TIMEOUT_S = 30.0
_APPLICANTS = ("王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽")


def _child(url: str, store: Path, evidence: Path, first: int, out_fd: int) -> None:
    """Register cases for ever; after each commit write "NUMBER APPLICANT\\n" to out_fd."""
    engine = db.make_engine(url)
    factory = db.make_session_factory(engine)
    audit.install(factory)
    n = first
    while True:
        applicant = _APPLICANTS[n % len(_APPLICANTS)]
        form = valid_intake_form(seed=n, applicant=applicant)
        with factory.begin() as session:
            registered = register_case(
                session, REGISTRAR, form, [AttachmentInput(evidence)], store=store
            )
        os.write(out_fd, f"{registered.number} {applicant}\n".encode())
        n += 1


def _run_and_kill(
    url: str, store: Path, evidence: Path, first: int, delay: float
) -> tuple[list[tuple[str, str]], int]:
    """Fork a writer, SIGKILL it ``delay`` seconds after its first commit (a loaded
    machine may take longer than ``delay`` to start it: a kill before any commit would
    test nothing); return what it reported."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_fd)
            _child(url, store, evidence, first, write_fd)
        except BaseException:
            traceback.print_exc()
            code = 3
        finally:
            os._exit(code)
    os.close(write_fd)
    chunks: list[bytes] = []
    deadline = time.monotonic() + FIRST_COMMIT_TIMEOUT_S
    first_commit = False
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select_module.select([read_fd], [], [], left)
        if ready:
            data = os.read(read_fd, 65536)
            if not data:
                break
            chunks.append(data)
            if not first_commit and b"\n" in data:
                first_commit = True
                deadline = time.monotonic() + delay
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    while data := os.read(read_fd, 65536):
        chunks.append(data)
    os.close(read_fd)
    text = b"".join(chunks).decode()
    lines = text.split("\n")[:-1]  # a line without its newline was not reported
    reported = [tuple(line.split(" ")) for line in lines]
    return [(a, b) for a, b in reported], status


def _sqlite_integrity(url: str) -> str:
    path = make_url(url).database
    assert path
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def _check_database(
    factory: sessionmaker[Session], committed: dict[str, str], store: Path, tmp: Path
) -> None:
    with factory() as s:
        cases = {number: case_id for case_id, number in s.execute(select(Case.id, Case.number))}
        missing = sorted(set(committed) - set(cases))
        assert not missing, f"reported as committed but not there: {missing}"
        parties: dict[int, list[tuple[str, str]]] = {}
        for case_id, role, name in s.execute(
            select(Party.case_id, Party.role, Party.name).order_by(Party.case_id, Party.position)
        ):
            parties.setdefault(case_id, []).append((role.value, name))
        evidence = dict(
            s.execute(select(Attachment.case_id, func.count()).group_by(Attachment.case_id)).all()
        )
        registered = dict(
            s.execute(
                select(CaseEvent.case_id, func.count())
                .where(CaseEvent.kind == "registered")
                .group_by(CaseEvent.case_id)
            ).all()
        )
        for number, case_id in cases.items():
            roles = [role for role, _ in parties.get(case_id, [])]
            assert roles == ["applicant", "respondent"], f"{number} half-written: {roles}"
            assert evidence.get(case_id) == 1, f"{number} lacks its evidence record"
            assert registered.get(case_id) == 1, f"{number} lacks its registration event"
            if number in committed:
                assert parties[case_id][0][1] == committed[number]
        chain = audit.verify_chain(s)
        assert chain.ok, chain.message
        files = check_files(s, store, tmp / "documents")
        assert files.ok, [p.message for p in files.problems]


@pytest.mark.slow
def test_killed_writer_leaves_a_consistent_database(
    database_url: str,
    engine: Engine,
    session_factory: sessionmaker[Session],
    backend: str,
    tmp_path: Path,
) -> None:
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("fork and SIGKILL")
    with session_factory.begin() as s:
        seed(s)
    engine.dispose()  # no pooled connection is carried into the children
    store = tmp_path / "attachments"
    evidence = tmp_path / "证据.jpg"
    evidence.write_bytes(b"\xff\xd8\xff" + os.urandom(20_000))
    rng = random.Random(20261127)
    committed: dict[str, str] = {}
    first = 1
    for _round in range(ROUNDS[backend]):
        reported, status = _run_and_kill(
            database_url, store, evidence, first, rng.uniform(0.05, 0.6)
        )
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            "the writer died before it was killed (see its traceback above)"
        )
        assert reported, f"the writer committed nothing in {FIRST_COMMIT_TIMEOUT_S:.0f} s"
        committed.update(reported)
        first += 1000  # fresh identifiers for the next child
        if backend == "sqlite":
            assert _sqlite_integrity(database_url) == "ok"
        _check_database(session_factory, committed, store, tmp_path)
        engine.dispose()
    assert len(committed) >= ROUNDS[backend], "the writer hardly ever committed"


def _fork_and_kill(work: Callable[[], None], delay: float, folder: Path) -> None:
    """Run ``work`` over and over in a forked child and kill it ``delay`` seconds after it
    began writing into ``folder`` (its first new leftover-shaped file there), not after the
    fork: on a loaded machine a PostgreSQL backup's dump may take longer than the delay to
    begin, and the round would prove nothing."""
    before = set(_leftovers(folder))
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            while True:
                work()
        except BaseException:
            traceback.print_exc()
            code = 3
        finally:
            os._exit(code)
    deadline = time.monotonic() + 30
    while not set(_leftovers(folder)) - before and time.monotonic() < deadline:
        time.sleep(0.005)
    began = bool(set(_leftovers(folder)) - before)
    time.sleep(delay if began else 0)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert began, "the writer did not begin writing within 30 s"


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.name.endswith(".part") or "restore-" in p.name
    )


@pytest.mark.slow
def test_killed_backups_and_restores_leave_nothing_after_the_next_start(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    """Backups and restores killed half-way leave hidden full copies of the database;
    the next start (and the next backup or restore) removes them."""
    from ipdesk.app import remove_backup_leftovers
    from ipdesk.services.infra import backup as bk

    factory = db.make_session_factory(engine)
    with factory.begin() as s:
        seed(s)
        for n in range(300):
            make_case(s, facts="被申请人销售侵权商品。" * 50, applicant=f"申请人{n}")
    sqlite = engine.dialect.name == "sqlite"
    folder = Path(str(make_url(database_url).database)).parent if sqlite else tmp_path / "out"
    folder.mkdir(exist_ok=True)
    whole = folder / "whole.zip"
    bk.backup(engine, whole, portable=True)
    rng = random.Random(21)
    found: set[str] = set()
    for round_ in range(12):
        portable = round_ % 2 == 0

        def back_up(portable: bool = portable) -> None:
            child = db.make_engine(database_url)
            bk.backup(child, folder / "b.bak", portable=portable, overwrite=True)
            child.dispose()

        _fork_and_kill(back_up, rng.uniform(0.05, 0.6), folder)
        if sqlite:

            def restore() -> None:
                bk.restore(f"sqlite:///{folder / 'restored.sqlite3'}", whole, force=True)

            _fork_and_kill(restore, rng.uniform(0.05, 0.6), folder)
        found.update(_leftovers(folder))
    assert found, "no round was killed while writing: the test proves nothing"
    if sqlite:
        remove_backup_leftovers(engine)  # what the desktop does at start
    else:
        bk.backup(engine, folder / "again.zip")  # the next backup into the folder
    assert _leftovers(folder) == []
