"""Booby-trapped backups (issue 21, item 4): a restore brings back data only (the schema is
the migrations'), and backups carry a keyed signature that restore checks. On SQLite and
PostgreSQL targets."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db, migrate, paths
from ipdesk.cli import main
from ipdesk.models import AuditRecord
from ipdesk.services.infra import audit
from ipdesk.services.infra import backup as bk
from ipdesk.services.infra import backup_signing as signing
from tests.helpers.factories import make_case, seed
from tests.services.test_backup import pg_database, snapshot, verify

ID_NUMBER = "110101199003071234"  # a party's ID number a trap would want


@pytest.fixture
def target_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty database to restore into, on the test's backend."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'target' / 'restored.sqlite3'}"
    else:
        with pg_database(request.getfixturevalue("pg_admin_url")) as url:
            yield url


@pytest.fixture
def sqlite_backup(tmp_path: Path) -> Path:
    """A SQLite backup (signed with the tests' key) of a small SQLite database."""
    source = db.make_engine(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    try:
        migrate.upgrade(source)
        factory = db.make_session_factory(source)
        audit.install(factory)
        with factory.begin() as s:
            seed(s)
            make_case(s, applicant="王伟明")
        return bk.backup(source, tmp_path / "native.sqlite3").path
    finally:
        source.dispose()


def _target_gone_or_empty(url: str) -> None:
    if url.startswith("sqlite"):
        assert not Path(make_url(url).database or "").exists()
        return
    engine = db.make_engine(url)
    try:
        assert migrate.current_revision(engine) is None
    finally:
        engine.dispose()


def _schema_objects(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            return {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        rows = conn.execute(
            text(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
                " UNION SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
            )
        )
        return {n for (n,) in rows}


def _trap(path: Path) -> None:
    """Plant a hidden table, a trigger that copies every new party's ID number into it, a
    view and a table that no migration knows, as a crafted backup would; the signature is
    dropped (an edited backup cannot keep a valid one)."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.executescript(
            """
            CREATE TABLE search_shadow (v TEXT);
            CREATE TABLE hidden_ids (v TEXT);
            INSERT INTO hidden_ids VALUES ('planted');
            CREATE TRIGGER steal AFTER INSERT ON parties
                BEGIN INSERT INTO hidden_ids VALUES (new.id_number);
                      INSERT INTO search_shadow VALUES (new.id_number); END;
            CREATE TRIGGER steal_audit AFTER INSERT ON audit_records
                BEGIN INSERT INTO hidden_ids VALUES (new.after); END;
            CREATE VIEW leaked AS SELECT id_number FROM parties;
            DELETE FROM ipdesk_backup WHERE key IN ('signature', 'key_id');
            """
        )
    finally:
        con.close()


# --------------------------------------------------------------------------- data only


def test_a_crafted_sqlite_backup_plants_nothing(
    sqlite_backup: Path, target_url: str, backend: str
) -> None:
    _trap(sqlite_backup)
    with pytest.raises(bk.BackupNotTrusted) as refused:  # no valid signature: refused
        bk.restore(target_url, sqlite_backup)
    assert refused.value.code == "backup_unsigned" and "--trust-unsigned" in str(refused.value)
    _target_gone_or_empty(target_url)

    # The operator vouches for it: the data comes back, the trap does not.
    result = bk.restore(target_url, sqlite_backup, trust_unsigned=True)
    assert result.signature == "unsigned" and result.skipped == ("hidden_ids",)
    target = db.make_engine(target_url)
    try:
        objects = _schema_objects(target)
        assert not objects & {"steal", "steal_audit", "leaked", "hidden_ids", "search_shadow"}
        factory = db.make_session_factory(target)
        audit.install(factory)
        with factory.begin() as s:  # a later registration (an import) copies nothing
            case = make_case(s, applicant="赵敏")
            case.parties[0].id_number = ID_NUMBER
        assert _schema_objects(target) == objects
        with target.connect() as conn:
            for table in bk._reflect(conn).sorted_tables:
                if table.name in ("parties", "audit_records"):
                    continue
                for row in conn.execute(select(table)):
                    assert ID_NUMBER not in repr(tuple(row)), table.name
        assert verify(target).ok
        with factory() as s:  # the operator's trust is on the record
            note = s.scalars(
                select(AuditRecord).where(AuditRecord.action == "restore_unverified")
            ).one()
            assert note.after is not None and note.after["signature"] == "unsigned"
    finally:
        target.dispose()


def test_a_view_or_virtual_table_in_place_of_a_table_is_refused(
    sqlite_backup: Path, target_url: str
) -> None:
    con = sqlite3.connect(sqlite_backup, isolation_level=None)
    con.executescript(
        "PRAGMA foreign_keys = OFF; DROP TABLE offices;"
        " CREATE VIEW offices AS SELECT * FROM stations;"
        " DELETE FROM ipdesk_backup WHERE key = 'signature';"
    )
    con.close()
    with pytest.raises(bk.BackupDamaged, match="offices"):
        bk.restore(target_url, sqlite_backup, trust_unsigned=True)
    _target_gone_or_empty(target_url)


# --------------------------------------------------------------------------- signatures


def _rewrite_zip(path: Path, change: object) -> None:
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    change(members)  # type: ignore[operator]
    with zipfile.ZipFile(path, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)


def _edit_with_checksums(members: dict[str, bytes]) -> None:
    """What an attacker does: change a row and recompute the member's checksum."""
    name = next(n for n in members if n.endswith("-offices.jsonl"))
    members[name] = members[name].replace("通辽".encode(), "北京".encode(), 1)
    manifest = json.loads(members[bk.MANIFEST])
    for entry in manifest["tables"]:
        if entry["member"] == name:
            entry["sha256"] = hashlib.sha256(members[name]).hexdigest()
    members[bk.MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=1).encode()


def test_a_portable_backup_edited_with_recomputed_checksums_is_refused(
    session_factory: sessionmaker[Session], engine: Engine, target_url: str, tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
    good = bk.backup(engine, tmp_path / "p.zip", portable=True).path
    assert bk.inspect_backup(good).key_id == signing.load_key(create=False).key_id  # type: ignore[union-attr]
    edited = tmp_path / "edited.zip"
    shutil.copyfile(good, edited)
    _rewrite_zip(edited, _edit_with_checksums)
    bk.inspect_backup(edited)  # the checksums agree: only the signature tells
    for trust in (False, True):  # a wrong signature is never trusted
        with pytest.raises(bk.BackupNotTrusted) as refused:
            bk.restore(target_url, edited, trust_unsigned=trust)
        assert refused.value.code == "backup_tampered" and "\n" not in str(refused.value)
    _target_gone_or_empty(target_url)

    stripped = tmp_path / "stripped.zip"
    shutil.copyfile(edited, stripped)
    _rewrite_zip(stripped, lambda members: members.pop(bk.SIGNATURE))
    with pytest.raises(bk.BackupNotTrusted, match="没有签名"):
        bk.restore(target_url, stripped)
    _target_gone_or_empty(target_url)

    assert bk.restore(target_url, good).signature == "valid"


def test_an_edited_sqlite_backup_is_refused(sqlite_backup: Path, target_url: str) -> None:
    before = sqlite_backup.read_bytes()
    con = sqlite3.connect(sqlite_backup, isolation_level=None)
    con.execute("UPDATE offices SET name = '北京' WHERE rowid = 1")
    con.close()
    assert sqlite_backup.read_bytes() != before
    for trust in (False, True):
        with pytest.raises(bk.BackupNotTrusted) as refused:
            bk.restore(target_url, sqlite_backup, trust_unsigned=trust)
        assert refused.value.code == "backup_tampered"
    # bytes edited beside SQLite (no page checksums): a name changed in place
    assert before.count("王伟明".encode()) >= 1
    sqlite_backup.write_bytes(before.replace("王伟明".encode(), "王伟民".encode()))
    with pytest.raises(bk.BackupNotTrusted, match="签名不符"):
        bk.restore(target_url, sqlite_backup)
    _target_gone_or_empty(target_url)
    sqlite_backup.write_bytes(before)
    assert bk.restore(target_url, sqlite_backup).signature == "valid"


def test_another_machines_key(
    sqlite_backup: Path, target_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = os.environ[signing.ENV_KEY_FILE]
    monkeypatch.setenv(signing.ENV_KEY_FILE, str(tmp_path / "other" / "backup.key"))
    with pytest.raises(bk.BackupNotTrusted) as refused:
        bk.restore(target_url, sqlite_backup)
    assert refused.value.code == "backup_key_unknown"
    assert signing.ENV_KEY_FILE in str(refused.value)
    assert not (tmp_path / "other").exists()  # restoring creates no key
    monkeypatch.setenv(signing.ENV_KEY_FILE, original)  # given the key, it restores
    assert bk.restore(target_url, sqlite_backup).signature == "valid"


def test_the_key_is_made_once_readable_by_its_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(signing.ENV_KEY_FILE)
    monkeypatch.setattr(paths, "user_config_dir", lambda: tmp_path / "config")
    assert signing.load_key(create=False) is None
    key = signing.load_key(create=True)
    assert key is not None and key.path == tmp_path / "config" / signing.KEY_FILE_NAME
    if os.name == "posix":
        assert stat.S_IMODE(key.path.stat().st_mode) == 0o600
    assert signing.load_key(create=True) == key
    assert sorted(p.name for p in key.path.parent.iterdir()) == [signing.KEY_FILE_NAME]
    key.path.write_text("short\n")
    with pytest.raises(signing.BackupKeyError, match="64"):
        signing.load_key(create=False)


def test_restore_command_refuses_unsigned_in_one_line(
    sqlite_backup: Path, target_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _trap(sqlite_backup)
    assert main(["--database-url", target_url, "restore", str(sqlite_backup)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--trust-unsigned" in err
    _target_gone_or_empty(target_url)
    args = ["--database-url", target_url, "restore", str(sqlite_backup), "--trust-unsigned"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "审计" in out and "hidden_ids" in out


# --------------------------------------------------------------------------- PostgreSQL locks


def test_postgresql_restore_gives_up_on_clients_in_a_transaction(
    session_factory: sessionmaker[Session],
    engine: Engine,
    backend: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite restores into a new file and copies it in one step")
    with session_factory.begin() as s:
        seed(s)
        make_case(s)
    file = bk.backup(engine, tmp_path / "b.zip").path
    with session_factory.begin() as s:
        make_case(s, applicant="后来的人")
    before = snapshot(engine)
    monkeypatch.setattr(bk, "PG_LOCK_TIMEOUT_MS", 500)
    other = db.make_engine(engine.url.set(query={"application_name": "idle-desk"}))
    try:
        with other.connect() as idle, contextlib.ExitStack():
            idle.execute(text("SELECT count(*) FROM cases"))  # a transaction left open
            started = time.monotonic()
            with pytest.raises(bk.TargetBusy) as busy:
                bk.restore(engine, file, force=True)
            assert time.monotonic() - started < 20
            assert "idle-desk" in str(busy.value) and "\n" not in str(busy.value)
            idle.rollback()
    finally:
        other.dispose()
    assert snapshot(engine) == before
    bk.restore(engine, file, force=True)  # once they are gone it works
