"""ipdesk-admin as an operator's tool (issue 17, item 6): everyday commands sign in as a named
administrator and what they do is recorded under that name; other roles, a missing user and
a wrong password are refused in one line; operator commands (init, backup, …) record the
operating-system user; render writes an audit record."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.cli import main
from ipdesk.models import AuditRecord, Role, User
from tests.helpers.cli_admin import ADMIN
from tests.helpers.factories import TEST_PASSWORD, make_user, seed
from tests.services.test_documents import documented_case


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, *args])


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("ipdesk-admin: ")


@pytest.fixture
def seeded(database_url: str, session_factory: sessionmaker[Session]) -> str:
    with session_factory.begin() as s:
        seed(s)
        make_user(s, Role.MEDIATOR, office="TL01", username="mediator-tl01")
    return database_url


def newest(session_factory: sessionmaker[Session], action: str) -> AuditRecord:
    with session_factory() as s:
        found = s.scalars(
            select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id.desc())
        ).first()
        assert found is not None, action
        return found


def admin_id(session_factory: sessionmaker[Session]) -> int:
    with session_factory() as s:
        return int(s.scalars(select(User.id).where(User.username == ADMIN)).one())


def test_everyday_commands_need_a_named_administrator_on_a_shared_database(
    seeded: str,
    backend: str,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("IPDESK_ADMIN_USER")
    for args in (["case", "list"], ["user", "list"], ["audit", "verify"], ["scan"]):
        if backend == "postgresql":
            assert run(seeded, *args) == 1, args
            err = capsys.readouterr().err
            assert one_line(err) and "--user" in err, err
        else:  # the embedded file is its own access control: design.md's contract holds
            assert run(seeded, *args) == 0, args
            capsys.readouterr()
    if backend == "sqlite":  # a change by the local operator names the system's user
        assert run(seeded, "scan") == 0
        record = newest(session_factory, "operator_command")
        assert record.user_id is None and record.after is not None
        assert record.after["os_user"] == getpass.getuser()
        assert getpass.getuser() in record.after["as"]
    # the password: from the environment, a file, or a terminal (none here)
    monkeypatch.delenv("IPDESK_ADMIN_PASSWORD")
    assert run(seeded, "--user", ADMIN, "org") == 1
    err = capsys.readouterr().err
    assert one_line(err) and "IPDESK_ADMIN_PASSWORD" in err
    # deadline needs neither a database nor a user
    assert run(seeded, "deadline", "--start", "2026-03-02") == 0


def test_a_password_file(
    seeded: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("IPDESK_ADMIN_PASSWORD")
    secret = tmp_path / "admin.pw"
    secret.write_text(TEST_PASSWORD + "\n", encoding="utf-8")
    assert run(seeded, "--password-file", str(secret), "org", "--json") == 0
    assert json.loads(capsys.readouterr().out)["offices"]
    secret.write_text("", encoding="utf-8")
    assert run(seeded, "--password-file", str(secret), "org") == 1
    assert one_line(capsys.readouterr().err)


def test_other_roles_and_wrong_passwords_are_refused(
    seeded: str,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(seeded, "--user", "mediator-tl01", "case", "list") == 1
    err = capsys.readouterr().err
    assert one_line(err) and "只供系统管理员" in err and "调解员" in err
    monkeypatch.setenv("IPDESK_ADMIN_PASSWORD", "not-the-password")
    assert run(seeded, "case", "list") == 1
    err = capsys.readouterr().err
    assert one_line(err) and "用户名或密码错误" in err
    with session_factory() as s:  # the failure counts toward the lock-out, as at the window
        failed = s.scalars(select(User.failed_logins).where(User.username == ADMIN)).one()
    assert failed == 1


def test_changes_are_recorded_under_the_administrator(
    seeded: str,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("new-user-pass\n"))
    args = ["user", "add", "li.ming", "--name", "李明", "--role", "mediator", "--office", "TL01"]
    assert run(seeded, *args, "--password-stdin") == 0
    record = newest(session_factory, "insert")
    assert record.entity == "users" and record.user_id == admin_id(session_factory)
    assert run(seeded, "audit", "verify") == 0


def test_render_writes_an_audit_record(
    database_url: str,
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with session_factory.begin() as s:
        seed(s)
        case = documented_case(s)
        number, case_id = case.number, case.id
    out = tmp_path / "notice.docx"
    assert (
        run(database_url, "render", "confirmation_application", "--case", number, "--out", str(out))
        == 0
    )
    sha = capsys.readouterr().out.split("sha256 ")[1].split()[0]
    record = newest(session_factory, "render")
    assert (record.entity, record.entity_id) == ("cases", str(case_id))
    assert record.user_id == admin_id(session_factory)
    assert record.after is not None
    assert record.after["kind"] == "confirmation_application" and record.after["sha256"] == sha


def test_operator_commands_name_the_operating_system_user(
    seeded: str,
    engine: Engine,
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("IPDESK_ADMIN_USER")  # no user: the owner's credentials are enough
    assert run(seeded, "init") == 0
    record = newest(session_factory, "operator_command")
    assert record.user_id is None and record.after is not None
    assert record.after["command"] == "init" and record.after["os_user"] == getpass.getuser()
    assert run(seeded, "migrate") == 0
    assert run(seeded, "backup", str(tmp_path / "b.backup")) == 0
    record = newest(session_factory, "operator_command")
    assert record.after is not None and record.after["command"] == "backup"


def test_init_creates_the_first_administrator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    monkeypatch.delenv("IPDESK_ADMIN_USER")
    monkeypatch.setenv("IPDESK_ADMIN_PASSWORD", "boss-password-1")
    assert run(url, "init", "--admin", "boss") == 0
    assert "已创建系统管理员 boss" in capsys.readouterr().out
    assert run(url, "--user", "boss", "user", "list") == 0
    assert capsys.readouterr().out.startswith("boss  系统管理员  系统管理员")
    assert run(url, "init", "--admin", "boss") == 0  # idempotent
    assert "已有系统管理员" in capsys.readouterr().out
    assert run(url, "init", "--admin", "someone-else") == 1  # not a second one this way
    err = capsys.readouterr().err
    assert one_line(err) and "user add" in err
