"""ipdesk-admin backup FILE / restore FILE [--force]."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.cli import main
from ipdesk.services.infra import audit
from tests.helpers.factories import make_case, seed
from tests.services.test_backup import pg_database, snapshot


@pytest.fixture
def filled(database_url: str, session_factory: sessionmaker[Session]) -> str:
    audit.install(session_factory)
    with session_factory.begin() as s:
        seed(s)
        make_case(s, applicant="孙悟空")
    return database_url


@pytest.fixture
def target_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'target' / 'restored.sqlite3'}"
    else:
        with pg_database(request.getfixturevalue("pg_admin_url")) as url:
            yield url


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, *args])


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("ipdesk-admin")


def test_backup_and_restore(
    filled: str,
    engine: Engine,
    target_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = tmp_path / "ipdesk.backup"
    assert run(filled, "backup", str(file)) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"已备份到 {file}") and "数据库版本" in out
    assert run(filled, "backup", str(file)) == 1
    err = capsys.readouterr().err
    assert one_line(err) and "--force" in err
    assert run(filled, "backup", str(file), "--force", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["rows"] > 100 and doc["tables"]["cases"] == 1
    head = doc["audit_last_id"]

    assert run(target_url, "restore", str(file)) == 0
    assert capsys.readouterr().out.startswith(f"已从 {file} 恢复到")
    restored = db.make_engine(target_url)
    try:
        # Each operator command adds its audit record after its work: the backup's after
        # the backup, the restore's after the restore (issue 17, item 6).
        source, copy = snapshot(engine), snapshot(restored)
        assert [r[3:6] for r in source["audit_records"][head:]] == [
            ("operator_command", "ipdesk-admin", None)
        ]
        assert [(r[3], "restore" in str(r[7])) for r in copy["audit_records"][head:]] == [
            ("operator_command", True)
        ]
        source["audit_records"] = source["audit_records"][:head]
        copy["audit_records"] = copy["audit_records"][:head]
        assert copy == source
    finally:
        restored.dispose()
    assert run(target_url, "audit", "verify") == 0
    capsys.readouterr()

    # a second restore finds data there: refused unless --force
    assert run(target_url, "restore", str(file)) == 1
    err = capsys.readouterr().err
    assert one_line(err) and "--force" in err
    assert run(target_url, "restore", str(file), "--force", "--json") == 0
    assert json.loads(capsys.readouterr().out)["tables"]["cases"] == 1


def test_portable_backup(
    filled: str, target_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "ipdesk.zip"
    assert run(filled, "backup", "--portable", str(file)) == 0
    assert "可移植备份" in capsys.readouterr().out
    assert run(target_url, "restore", str(file)) == 0


def test_refusals_are_one_line_and_change_nothing(
    filled: str, engine: Engine, target_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    before = snapshot(engine)
    for args in (
        ["restore", str(notes)],
        ["restore", str(tmp_path / "missing.backup")],
        ["restore", str(tmp_path)],
        ["backup", str(tmp_path / "no" / "such" / "dir.backup")],
        ["backup", str(tmp_path)],
    ):
        assert run(filled, *args) == 1, args
        assert one_line(capsys.readouterr().err), args
    assert snapshot(engine) == before
    for args in (["restore"], ["backup"], ["restore", "x", "--frob"]):
        with pytest.raises(SystemExit) as exit_:
            run(filled, *args)
        assert exit_.value.code == 2
        assert one_line(capsys.readouterr().err)


def test_backup_of_a_database_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    missing = tmp_path / "nothing.sqlite3"
    assert run(f"sqlite:///{missing}", "backup", str(tmp_path / "b")) == 1
    assert one_line(capsys.readouterr().err)
    assert not missing.exists() and not (tmp_path / "b").exists()
