"""Commands that only read run while another process holds a long write transaction
(issue 21, item 10): they do not take SQLite's write lock. A locked database is a one-line
message."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.cli import main, scan
from ipdesk.services.infra import audit
from tests.helpers.factories import make_case, seed


@pytest.fixture
def filled(database_url: str, session_factory: sessionmaker[Session]) -> str:
    audit.install(session_factory)
    with session_factory.begin() as s:
        seed(s)
        make_case(s, applicant="孙悟空")
    return database_url


@contextlib.contextmanager
def writer_holding_the_lock(url: str, engine: Engine) -> Iterator[None]:
    """Another process's long write transaction: SQLite's write lock (BEGIN IMMEDIATE and
    a write), PostgreSQL's row locks."""
    if engine.dialect.name == "sqlite":
        con = sqlite3.connect(make_url(url).database or "", isolation_level=None, timeout=1)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("UPDATE offices SET phone = '0475-1234567'")
            yield
            con.execute("ROLLBACK")
        finally:
            con.close()
        return
    with engine.connect() as conn:
        conn.execute(text("UPDATE offices SET phone = '0475-1234567'"))
        conn.execute(text("UPDATE cases SET facts = facts"))
        yield
        conn.rollback()


def test_reads_run_while_another_process_writes(
    filled: str, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--database-url", filled, "case", "list", "--json"]) == 0
    number = json.loads(capsys.readouterr().out)["cases"][0]["number"]
    commands = [
        ["case", "list", "--json"],
        ["case", "show", number, "--json"],
        ["org", "--json"],
        ["audit", "verify"],
        ["user", "list"],
        ["report", "--out", str(tmp_path / "r.xlsx")],
        ["deadline", "--start", "2026-03-02"],
    ]
    with writer_holding_the_lock(filled, engine):
        for args in commands:
            started = time.monotonic()
            code = main(["--database-url", filled, *args])
            out = capsys.readouterr()
            assert code == 0, (args, out.err)
            assert time.monotonic() - started < 10, args  # not the 30 s busy timeout
    assert (tmp_path / "r.xlsx").is_file()


def test_a_locked_database_is_one_line(
    filled: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError(
            "BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked")
        )

    monkeypatch.setattr(scan, "scan_alerts", locked)
    capsys.readouterr()
    assert main(["--database-url", filled, "scan"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "database is locked" in err and "稍后重试" in err
