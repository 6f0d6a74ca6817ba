"""ipdesk-admin audit verify: exit 0 when the chain is intact, 1 naming the first broken
record in one line on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.cli import main
from ipdesk.services.infra import audit
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


# -- anchors (issue 17, item 5) -------------------------------------------------------------


def rewrite_chain(engine: Engine, from_id: int) -> None:
    """What an intruder with the database's keys does: change record ``from_id`` and
    recompute every hash from there on, so that the chain is intact again."""
    assert from_id >= 2
    with engine.begin() as conn:
        rows = [
            dict(r._mapping)
            for r in conn.execute(
                text(
                    "SELECT id, at, user_id, action, entity, entity_id, before, after, "
                    "prev_hash FROM audit_records WHERE id >= :i ORDER BY id"
                ),
                {"i": from_id - 1},
            )
        ]
        prev_hash = None
        for row in rows:
            for key in ("before", "after"):
                if isinstance(row[key], str):
                    row[key] = json.loads(row[key])
            if row["id"] == from_id - 1:
                prev_hash = audit.record_hash(row)
                continue
            if row["id"] == from_id:
                row["entity_id"] = "forged"
            row["prev_hash"] = prev_hash
            prev_hash = audit.record_hash(row)
            conn.execute(
                text(
                    "UPDATE audit_records SET entity_id = :e, prev_hash = :p, hash = :h "
                    "WHERE id = :i"
                ),
                {"e": row["entity_id"], "p": row["prev_hash"], "h": prev_hash, "i": row["id"]},
            )


def anchor_line(url: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert run(url, "anchor") == 0
    line = capsys.readouterr().out
    assert line.startswith("ipdesk-audit-anchor id=") and line.count("\n") == 1
    return line


def test_a_rewritten_chain_passes_plain_verify_but_not_the_anchor(
    trail: str, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "server.log"
    log.write_text(
        "2026-12-07 09:00:01 INFO ipdesk.server started\n"
        f"2026-12-07 09:00:02 INFO ipdesk.server {anchor_line(trail, capsys)}"
        "2026-12-07 09:00:03 INFO ipdesk.server something else\n",
        encoding="utf-8",
    )
    assert run(trail, "verify", "--anchor", str(log)) == 0
    out = capsys.readouterr().out
    assert "与 1 个锚点一致" in out

    rewrite_chain(engine, 10)
    assert run(trail, "verify") == 0  # the forgery is a valid chain
    capsys.readouterr()
    assert run(trail, "verify", "--anchor", str(log)) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "与锚点不符" in err and "server.log:2" in err and "改写" in err
    assert run(trail, "verify", "--anchor", str(log), "--json") == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False and doc["broken_id"] is None
    assert doc["anchors"]["ok"] is False and doc["anchors"]["broken"]["source"] == "server.log:2"


def test_a_chain_cut_short_fails_against_the_anchor(
    trail: str, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "anchors.log"
    log.write_text(anchor_line(trail, capsys), encoding="utf-8")
    with engine.begin() as conn:
        last = conn.execute(text("SELECT max(id) FROM audit_records")).scalar_one()
        conn.execute(text("DELETE FROM audit_records WHERE id > :n"), {"n": last - 3})
    assert run(trail, "verify") == 0  # a shorter chain is still intact
    capsys.readouterr()
    assert run(trail, "verify", "--anchor", str(log)) == 1
    err = capsys.readouterr().err
    assert f"记录 {last}" in err and "已不存在" in err


def test_a_backup_is_an_anchor(
    trail: str, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup_file = tmp_path / "ipdesk.backup"
    assert main(["--database-url", trail, "backup", str(backup_file)]) == 0
    capsys.readouterr()
    assert run(trail, "verify", "--anchor", str(backup_file)) == 0
    assert "与 1 个锚点一致" in capsys.readouterr().out
    rewrite_chain(engine, 3)
    assert run(trail, "verify", "--anchor", str(backup_file)) == 1
    err = capsys.readouterr().err
    assert "ipdesk.backup" in err and "与锚点不符" in err


def test_anchor_refusals_are_one_line(
    trail: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.log"
    empty.write_text("no anchors here\n")
    for path in (empty, tmp_path / "missing.log"):
        assert run(trail, "verify", "--anchor", str(path)) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("ipdesk-admin: "), err
