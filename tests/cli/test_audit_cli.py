"""ipdesk-admin audit verify: exit 0 when the chain is intact, 1 naming the first broken
record in one line on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.cli import main
from ipdesk.services import audit
from tests.helpers.factories import make_case, seed


@pytest.fixture
def trail(database_url: str, session_factory: sessionmaker[Session]) -> str:
    """A database with an audit trail of a few dozen records."""
    audit.install(session_factory)
    with session_factory.begin() as s:
        seed(s)
        make_case(s)
    return database_url


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, "audit", *args])


def test_intact_chain(trail: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(trail, "verify") == 0
    out, err = capsys.readouterr()
    assert out.startswith("审计链完整") and err == ""
    assert run(trail, "verify", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is True and doc["broken_id"] is None
    assert doc["checked"] == doc["last_id"] > 30 and len(doc["last_hash"]) == 64


@pytest.mark.parametrize(
    ("statement", "broken"),
    [
        ("UPDATE audit_records SET entity = 'users' WHERE id = 12", 12),
        ("DELETE FROM audit_records WHERE id = 20", 21),
        ("UPDATE audit_records SET prev_hash = hash WHERE id = 7", 7),
    ],
    ids=["edit", "delete", "relink"],
)
def test_broken_chain_names_the_record(
    trail: str, engine: Engine, capsys: pytest.CaptureFixture[str], statement: str, broken: int
) -> None:
    with engine.begin() as conn:
        conn.execute(text(statement))
    assert run(trail, "verify") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and f"记录 {broken} " in err, err
    assert run(trail, "verify", "--json") == 1
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["ok"] is False and doc["broken_id"] == broken
    assert captured.err.count("\n") == 1


def test_empty_trail_and_uninitialised_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    assert run(database_url, "verify") == 0
    assert "为空" in capsys.readouterr().out
    missing = tmp_path / "nothing-here.sqlite3"
    assert run(f"sqlite:///{missing}", "verify") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "init" in err
    assert not missing.exists()


def test_usage_errors_are_one_line(trail: str, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["verify", "--nope"], ["frobnicate"], []):
        with pytest.raises(SystemExit) as exit_:
            run(trail, *args)
        assert exit_.value.code == 2
        assert capsys.readouterr().err.count("\n") == 1
