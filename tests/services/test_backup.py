"""Backups and restore: round trips that compare every table, on both databases (and
across them); refusals; the daily backup with rotation."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db, migrate
from ipdesk.demo.generator import generate
from ipdesk.models import (
    Agreement,
    CaseEvent,
    HolidayDay,
    HolidayYear,
    Obligation,
    Party,
    PartyKind,
    PartyRole,
    Role,
)
from ipdesk.services.actors import Actor
from ipdesk.services.infra import audit
from ipdesk.services.infra import backup as bk
from ipdesk.services.queries.search import search_cases
from tests.conftest import _counter
from tests.helpers.factories import make_case, make_user, seed

TODAY = dt.date(2026, 11, 20)


# --------------------------------------------------------------------------- helpers


def fill(factory: sessionmaker[Session]) -> None:
    """Reference data, demo cases (bulk), and ORM rows of every awkward kind: an agent
    party (a self-reference), JSON details and a JSON null, decimals, dates, holidays, an
    audit trail."""
    audit.install(factory)
    with factory.begin() as s:
        seed(s)
    generate(factory, cases=15, seed=4, today=TODAY)
    with factory.begin() as s:
        user = make_user(s, Role.ADMIN, phone="13812345678")
        case = make_case(s, amount_claimed=Decimal("12345.67"), applicant="王伟明")
        agent = Party(
            position=2, role=PartyRole.AGENT, kind=PartyKind.PERSON, name="李律师", case=case
        )
        s.add(agent)
        s.flush()
        agent.represents_id = case.parties[0].id
        s.add(CaseEvent(case=case, kind="registered", details={"来源": ["窗口", 1, None]}))
        s.add(CaseEvent(case=case, kind="accepted", details=None, user_id=user.id))
        s.flush()
        s.add(
            Agreement(
                case_id=case.id,
                signed_on=TODAY,
                obligations=[Obligation(description="赔偿", amount=Decimal("5000.00"))],
            )
        )
        s.add(HolidayDay(day=dt.date(2031, 1, 1), is_rest=True, name="元旦"))
        s.add(HolidayYear(year=2031, entered_by_id=user.id))


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every data table, every row, encoded as the portable backup encodes values (so that
    SQLite's and PostgreSQL's rows compare)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        metadata = bk._reflect(conn)
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(select(table).order_by(*order))
            out[table.name] = [tuple(_normal(v) for v in row) for row in rows]
    return out


def _normal(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value.normalize()
    return bk._encode(value)


@pytest.fixture
def empty_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """A database on the test's backend that does not exist yet (SQLite) or has no tables
    (PostgreSQL)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored' / 'target.sqlite3'}"
        return
    with pg_database(request.getfixturevalue("pg_admin_url")) as url:
        yield url


@contextlib.contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database (no tables), dropped afterwards."""
    name = f"ipdesk_restore_{os.getpid()}_{next(_counter)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def verify(engine: Engine) -> audit.VerifyResult:
    with db.make_session_factory(engine)() as s:
        return audit.verify_chain(s)


def assert_same(source: dict[str, Any], engine: Engine) -> None:
    restored = snapshot(engine)
    assert set(restored) == set(source)
    for name, rows in source.items():
        assert restored[name] == rows, name
    assert verify(engine).ok


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("portable", [False, True], ids=["native", "portable"])
def test_round_trip_compares_every_table(
    session_factory: sessionmaker[Session],
    engine: Engine,
    empty_url: str,
    tmp_path: Path,
    portable: bool,
) -> None:
    fill(session_factory)
    before = snapshot(engine)
    assert all(before[t] for t in ("cases", "parties", "audit_records", "obligations"))
    file = tmp_path / "backup.bin"
    info = bk.backup(engine, file, portable=portable)
    assert info.kind == ("portable" if portable or engine.dialect.name != "sqlite" else "sqlite")
    assert info.revision == migrate.head_revision()
    assert info.tables == {name: len(rows) for name, rows in before.items()}
    assert info.audit_last_id == verify(engine).last_id
    assert not list(tmp_path.glob(".*.part"))

    result = bk.restore(empty_url, file)
    assert result.tables == info.tables
    target = db.make_engine(empty_url)
    try:
        assert_same(before, target)
        assert migrate.current_revision(target) == migrate.head_revision()
        factory = db.make_session_factory(target)
        with factory.begin() as s:  # ids continue after the restored ones (sequences)
            case = make_case(s)
            assert case.id > max(r[0] for r in before["cases"])
        with factory() as s:  # the search index was rebuilt
            assert search_cases(s, Actor.system(), "王伟")
    finally:
        target.dispose()


def test_round_trip_across_databases(
    session_factory: sessionmaker[Session],
    engine: Engine,
    backend: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    """SQLite's backup file restores into PostgreSQL, PostgreSQL's zip into SQLite."""
    fill(session_factory)
    before = snapshot(engine)
    file = tmp_path / "backup.bin"
    bk.backup(engine, file)
    with contextlib.ExitStack() as stack:
        if backend == "sqlite":
            url = stack.enter_context(pg_database(request.getfixturevalue("pg_admin_url")))
        else:
            url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
        bk.restore(url, file)
        target = db.make_engine(url)
        try:
            assert_same(before, target)
        finally:
            target.dispose()


def test_restore_into_a_migrated_empty_database(
    session_factory: sessionmaker[Session],
    engine: Engine,
    database_url: str,
    tmp_path: Path,
) -> None:
    """The target may be a fresh, migrated, empty database (what ``init`` leaves minus
    the reference data)."""
    fill(session_factory)
    before = snapshot(engine)
    file = tmp_path / "b.bin"
    bk.backup(engine, file)
    with engine.begin() as conn:  # empty the source: it becomes the target
        for table in reversed(bk._reflect(conn).sorted_tables):
            conn.execute(table.delete())
    bk.restore(engine, file)
    assert_same(before, engine)


def test_old_schema_backup_comes_back_migrated(
    engine: Engine, empty_url: str, tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    """A backup taken at revision 0001 is restored and migrated to the newest schema."""
    with contextlib.ExitStack() as stack:
        if backend == "sqlite":
            old_url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
        else:
            old_url = stack.enter_context(pg_database(request.getfixturevalue("pg_admin_url")))
        old = db.make_engine(old_url)
        try:
            with old.begin() as conn:
                command.upgrade(migrate.alembic_config(conn), "0001")
                _rows_of_revision_0001(conn)  # plain SQL: today's models have more columns
            bk.backup(old, tmp_path / "old.bin")
        finally:
            old.dispose()
    result = bk.restore(empty_url, tmp_path / "old.bin")
    assert (result.backup.revision, result.revision) == ("0001", migrate.head_revision())
    target = db.make_engine(empty_url)
    try:
        assert migrate.current_revision(target) == migrate.head_revision()
        with db.make_session_factory(target)() as s:
            assert search_cases(s, Actor.system(), "赵敏")  # the index of 0002 was built
    finally:
        target.dispose()


def _rows_of_revision_0001(conn: Connection) -> None:
    """An office, a station and a case whose applicant is 赵敏, as revision 0001 stored them."""
    now = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    conn.execute(
        text("INSERT INTO offices (id, code, name, active) VALUES (1, 'TL01', '科尔沁区', :t)"),
        {"t": True},
    )
    conn.execute(
        text(
            "INSERT INTO stations (id, code, name, office_id, active)"
            " VALUES (1, 'TL01-S01', '科尔沁区援助站', 1, :t)"
        ),
        {"t": True},
    )
    conn.execute(
        text(
            "INSERT INTO cases (id, number, office_id, station_id, status, is_suspended, ip_type,"
            " dispute_type, category, facts, claim, channel, received_on, created_at, updated_at,"
            " version_id) VALUES (1, 'TL01-2026-00001', 1, 1, 'registered', :f, 'trademark',"
            " 'infringement', 'ordinary', '被申请人销售假冒商品', '停止侵权', 'walk_in', :day,"
            " :now, :now, 1)"
        ),
        {"f": False, "day": now.date(), "now": now},
    )
    conn.execute(
        text(
            "INSERT INTO parties (id, case_id, position, role, kind, name)"
            " VALUES (1, 1, 0, 'applicant', 'person', '赵敏')"
        )
    )


# --------------------------------------------------------------------------- refusals


def _backup_file(engine: Engine, factory: sessionmaker[Session], path: Path) -> Path:
    with factory.begin() as s:
        seed(s)
        make_case(s)
    bk.backup(engine, path)
    return path


def _not_backups(tmp_path: Path, engine: Engine) -> dict[str, Path]:
    files = {}
    files["text"] = tmp_path / "notes.txt"
    files["text"].write_text("这不是备份\n", encoding="utf-8")
    files["empty"] = tmp_path / "empty.bak"
    files["empty"].write_bytes(b"")
    files["random"] = tmp_path / "random.bak"
    files["random"].write_bytes(os.urandom(4096))
    files["zip"] = tmp_path / "other.zip"
    with zipfile.ZipFile(files["zip"], "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    files["bad-manifest"] = tmp_path / "bad-manifest.zip"
    with zipfile.ZipFile(files["bad-manifest"], "w") as z:
        z.writestr("manifest.json", json.dumps({"program": "someone-else"}))
    files["plain-sqlite"] = tmp_path / "plain.sqlite3"
    with sqlite3.connect(files["plain-sqlite"]) as con:
        con.execute("CREATE TABLE cases (id INTEGER PRIMARY KEY)")
    con.close()
    files["directory"] = tmp_path / "a-directory"
    files["directory"].mkdir()
    files["missing"] = tmp_path / "does-not-exist.bak"
    return files


def test_refuses_files_that_are_not_backups(
    session_factory: sessionmaker[Session], engine: Engine, empty_url: str, tmp_path: Path
) -> None:
    for name, path in _not_backups(tmp_path, engine).items():
        with pytest.raises(bk.NotABackup) as caught:
            bk.restore(empty_url, path)
        assert "\n" not in str(caught.value), name
    if empty_url.startswith("sqlite"):
        assert not Path(make_url(empty_url).database or "").exists()


def _zip_backup(engine: Engine, factory: sessionmaker[Session], path: Path) -> Path:
    with factory.begin() as s:
        seed(s)
    bk.backup(engine, path, portable=True)
    return path


def _rewrite_zip(path: Path, change: Any) -> None:
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    change(members)
    with zipfile.ZipFile(path, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)


def test_refuses_newer_schema_and_damage(
    session_factory: sessionmaker[Session], engine: Engine, empty_url: str, tmp_path: Path
) -> None:
    native = _backup_file(engine, session_factory, tmp_path / "native.bin")
    if bk.inspect_backup(native).kind == "sqlite":
        newer = tmp_path / "newer.sqlite3"
        shutil.copyfile(native, newer)
        with sqlite3.connect(newer) as con:
            con.execute("UPDATE ipdesk_backup SET value = '9999' WHERE key = 'schema_revision'")
        con.close()
        with pytest.raises(bk.BackupTooNew, match=r"9999.*升级"):
            bk.restore(empty_url, newer)

    portable = tmp_path / "p.zip"
    bk.backup(engine, portable, portable=True)
    newer_zip = tmp_path / "newer.zip"
    shutil.copyfile(portable, newer_zip)

    def bump(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        manifest["schema_revision"] = "9999"
        members["manifest.json"] = json.dumps(manifest).encode()

    _rewrite_zip(newer_zip, bump)
    with pytest.raises(bk.BackupTooNew):
        bk.restore(empty_url, newer_zip)

    damaged = tmp_path / "damaged.zip"
    shutil.copyfile(portable, damaged)

    def corrupt(members: dict[str, bytes]) -> None:
        name = next(n for n in members if n.endswith("-offices.jsonl"))
        members[name] = members[name].replace("通辽".encode(), "北京".encode(), 1)

    _rewrite_zip(damaged, corrupt)
    with pytest.raises(bk.BackupDamaged, match="校验和"):
        bk.restore(empty_url, damaged)
    if empty_url.startswith("sqlite"):
        assert not Path(make_url(empty_url).database or "").exists()


def test_refuses_a_target_with_data_unless_forced(
    session_factory: sessionmaker[Session], engine: Engine, tmp_path: Path
) -> None:
    file = _backup_file(engine, session_factory, tmp_path / "b.bin")
    before = snapshot(engine)
    with session_factory.begin() as s:
        make_case(s, applicant="后来的人")
    changed = snapshot(engine)
    with pytest.raises(bk.TargetNotEmpty, match="--force"):
        bk.restore(engine, file)
    assert snapshot(engine) == changed
    bk.restore(engine, file, force=True)
    assert_same(before, engine)


def test_target_file_that_is_not_a_database(
    session_factory: sessionmaker[Session], engine: Engine, tmp_path: Path
) -> None:
    file = _backup_file(engine, session_factory, tmp_path / "b.bin")
    target = tmp_path / "garbage.sqlite3"
    target.write_bytes(b"not a database" * 100)
    for force in (False, True):
        with pytest.raises(bk.BackupError, match="不是 SQLite 数据库"):
            bk.restore(f"sqlite:///{target}", file, force=force)
    assert target.read_bytes() == b"not a database" * 100


def test_backup_refuses_to_overwrite_and_bad_paths(
    session_factory: sessionmaker[Session], engine: Engine, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    file = _backup_file(engine, session_factory, out / "b.bin")
    first = file.read_bytes()
    with pytest.raises(bk.BackupError, match="--force"):
        bk.backup(engine, file)
    assert file.read_bytes() == first
    bk.backup(engine, file, overwrite=True)
    for bad in (out / "no-such-dir" / "b.bin", out, out / "a\x00b", out / ("长" * 300)):
        with pytest.raises(bk.BackupError):
            bk.backup(engine, bad)
    assert sorted(p.name for p in out.iterdir()) == ["b.bin"]


def test_backup_of_an_uninitialised_database(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        with pytest.raises(bk.BackupError, match="尚未初始化"):
            bk.backup(engine, tmp_path / "b.bin")
    finally:
        engine.dispose()


def test_restored_backup_file_is_unchanged(
    session_factory: sessionmaker[Session], engine: Engine, empty_url: str, tmp_path: Path
) -> None:
    file = _backup_file(engine, session_factory, tmp_path / "b.bin")
    data = file.read_bytes()
    bk.restore(empty_url, file)
    assert file.read_bytes() == data
    assert bk.inspect_backup(file).kind in ("sqlite", "portable")


# --------------------------------------------------------------------------- daily


def test_daily_backup_once_a_day_with_rotation(
    session_factory: sessionmaker[Session], engine: Engine, tmp_path: Path, backend: str
) -> None:
    with session_factory.begin() as s:
        seed(s)
    folder = tmp_path / "backups"
    if backend != "sqlite":
        assert bk.daily_backup(engine, folder) is None
        assert not folder.exists()
        return
    folder.mkdir()
    (folder / "keep-me.txt").write_text("x")
    (folder / ".ipdesk-backup-2026-01-01.sqlite3.deadbeef.part").write_bytes(b"half")
    made = []
    for n in range(10):
        day = dt.date(2026, 3, 1) + dt.timedelta(days=n)
        first = bk.daily_backup(engine, folder, keep=3, today=day)
        again = bk.daily_backup(engine, folder, keep=3, today=day)
        assert first is not None and again is not None
        assert first.created and not again.created and again.path == first.path
        made.append(first.path)
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "ipdesk-backup-2026-03-08.sqlite3",
        "ipdesk-backup-2026-03-09.sqlite3",
        "ipdesk-backup-2026-03-10.sqlite3",
        "keep-me.txt",
    ]
    assert bk.inspect_backup(made[-1]).kind == "sqlite"
    # a damaged file of today's name is replaced, not trusted
    made[-1].write_bytes(b"broken")
    again = bk.daily_backup(engine, folder, keep=3, today=dt.date(2026, 3, 10))
    assert again is not None and again.created
    assert bk.inspect_backup(again.path).kind == "sqlite"
    with pytest.raises(ValueError):
        bk.daily_backup(engine, folder, keep=0)
