"""Evidence files and documents content-addressed in the database (services/infra/blobs.py):
shared by every desktop of one database, streamed in bounded memory, stored once, limited
in size, imported from the folders of earlier versions, verified, backed up and restored.
Both databases."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, func, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db, migrate
from ipdesk.cli import main
from ipdesk.models import Attachment, Blob, BlobChunk, Document, Role
from ipdesk.services import documents as docs
from ipdesk.services.actors import Actor
from ipdesk.services.cases import evidence
from ipdesk.services.cases.intake import AttachmentInput, register_case
from ipdesk.services.errors import PermissionDenied, ValidationError, ValidationErrors
from ipdesk.services.infra import backup as bk
from ipdesk.services.infra import blobs
from ipdesk.services.infra.file_import import import_local_files
from ipdesk.services.infra.integrity import check_files
from tests.helpers.cli_admin import sign_in_as_admin
from tests.helpers.factories import REGISTRAR, make_case, make_user, seed, valid_intake_form
from tests.services.test_backup import pg_database
from tests.services.test_documents import TODAY, documented_case

PDF_HEAD = b"%PDF-1.7\n"
MB = 1 << 20


def _pdf(path: Path, size: int, seed_byte: int = 0) -> Path:
    """A file of ``size`` bytes that is a PDF by its first bytes, written in pieces."""
    path.parent.mkdir(parents=True, exist_ok=True)
    block = hashlib.sha256(bytes([seed_byte])).digest() * (64 * 1024 // 32)
    with path.open("wb") as out:
        out.write(PDF_HEAD)
        left = size - len(PDF_HEAD)
        while left > 0:
            out.write(block[:left])
            left -= min(left, len(block))
    return path


def _sha_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(MB):
            digest.update(chunk)
    return digest.hexdigest()


def _count(session: Session, model: type[Blob] | type[BlobChunk]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def seeded(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


# --------------------------------------------------------------------------- two desktops


def test_evidence_registered_at_a_station_opens_at_the_office(
    seeded: sessionmaker[Session], tmp_path: Path
) -> None:
    """A station's desktop (its own folder) registers evidence; the office's desktop (another
    folder, the same database) opens the same bytes — the station's folder holds nothing."""
    station_folder, office_folder = tmp_path / "station", tmp_path / "office"
    source = _pdf(tmp_path / "in" / "公证书.pdf", 600 * 1024 + 7)
    with seeded.begin() as s:
        staff = Actor.of(make_user(s, Role.STATION_STAFF, station="TL01-S01"))
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
        other = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL02"))
    with seeded.begin() as s:
        done = register_case(
            s,
            staff,
            valid_intake_form("TL01-S01"),
            [AttachmentInput(source, "公证书")],
            store=station_folder / "attachments",
        )
    assert not station_folder.exists()  # nothing on the station's computer
    (stored,) = done.attachments
    with seeded() as s:
        opened = evidence.attachment_file(s, manager, stored.id, office_folder / "attachments")
        assert opened.read_bytes() == source.read_bytes()
        assert opened.is_relative_to(office_folder)
        if os.name == "posix":
            assert opened.stat().st_mode & 0o077 == 0  # a private copy
        with pytest.raises(PermissionDenied):  # another office's manager may not
            evidence.attachment_file(s, other, stored.id, tmp_path / "elsewhere")
        chunks = s.scalar(select(Blob.chunks).where(Blob.sha256 == stored.sha256))
    assert chunks == 3  # 600 KiB in 256 KiB chunks


def test_a_document_rendered_on_one_desktop_opens_on_another(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
        case = documented_case(s)
        case_id, mediator = case.id, Actor.of(case.mediator)  # type: ignore[arg-type]
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office=case.office.code))
    with session_factory.begin() as s:
        made = docs.render_document(
            s, mediator, case_id, docs.DocumentKind.ACCEPTANCE_NOTICE, tmp_path / "a", today=TODAY
        )
    with session_factory() as s:
        path = docs.document_file(s, manager, made.document_id, tmp_path / "b")
        assert path.is_relative_to(tmp_path / "b")
        assert path.read_bytes() == made.path.read_bytes()
        assert s.scalar(select(Blob.kind).where(Blob.sha256 == made.sha256)) == blobs.DOCX


# --------------------------------------------------------------------------- streaming


def test_a_20_mb_file_is_written_and_read_in_bounded_memory(
    seeded: sessionmaker[Session], tmp_path: Path, backend: str
) -> None:
    source = _pdf(tmp_path / "in" / "录像.pdf", 20 * MB)
    with seeded.begin() as s:  # a first registration warms the caches (statements, types)
        register_case(
            s,
            REGISTRAR,
            valid_intake_form(seed=1),
            [AttachmentInput(_pdf(tmp_path / "in" / "small.pdf", 300 * 1024, 1))],
        )
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        with seeded.begin() as s:
            done = register_case(s, REGISTRAR, valid_intake_form(seed=2), [AttachmentInput(source)])
        _, write_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        with seeded() as s:
            opened = evidence.attachment_file(s, REGISTRAR, done.attachments[0].id, tmp_path / "b")
        _, read_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        with seeded() as s:
            _count_bytes = sum(len(c) for c in blobs.iter_chunks(s, done.attachments[0].sha256))
        _, iter_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert _count_bytes == 20 * MB
    assert _sha_of(opened) == _sha_of(source)
    print(  # the figures the report quotes (pytest -s)
        f"\n{backend}: 20 MB peak write {write_peak / MB:.2f} MB, "
        f"read into a file {read_peak / MB:.2f} MB, iterate {iter_peak / MB:.2f} MB"
    )
    for peak in (write_peak, read_peak, iter_peak):
        assert peak < 3 * MB


def test_equal_contents_are_stored_once(seeded: sessionmaker[Session], tmp_path: Path) -> None:
    source = _pdf(tmp_path / "in" / "合同.pdf", 300 * 1024)
    copy = tmp_path / "in" / "合同副本.pdf"
    shutil.copyfile(source, copy)
    for n, path in enumerate((source, copy)):
        with seeded.begin() as s:
            register_case(s, REGISTRAR, valid_intake_form(seed=n), [AttachmentInput(path)])
    with seeded() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 2
        assert (_count(s, Blob), _count(s, BlobChunk)) == (1, 2)
    with seeded.begin() as s:
        again = blobs.put_file(s, source, kind="pdf", max_bytes=MB)
        assert not again.new and again.sha256 == _sha_of(source)
        assert (_count(s, Blob), _count(s, BlobChunk)) == (1, 2)


def test_two_writers_of_one_content_store_it_once(
    seeded: sessionmaker[Session], backend: str
) -> None:
    """The second writer waits for the first (PostgreSQL: on the content's key; SQLite: the
    write lock), then finds the content stored and writes nothing."""
    data = PDF_HEAD + b"the same photo" * 50_000
    first_stored, release = threading.Event(), threading.Event()
    results: dict[str, blobs.StoredBlob] = {}
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with seeded.begin() as s:
                results["first"] = blobs.put_bytes(s, data, kind="pdf", max_bytes=MB)
                first_stored.set()
                release.wait(10)
        except BaseException as exc:  # reported below
            errors.append(exc)
            first_stored.set()

    def second() -> None:
        try:
            with seeded.begin() as s:
                results["second"] = blobs.put_bytes(s, data, kind="pdf", max_bytes=MB)
        except BaseException as exc:
            errors.append(exc)

    a = threading.Thread(target=first)
    a.start()
    assert first_stored.wait(10)
    b = threading.Thread(target=second)
    b.start()
    b.join(0.5)
    assert b.is_alive()  # waiting for the first writer's transaction
    release.set()
    a.join(10)
    b.join(10)
    assert not errors, errors
    assert results["first"].new and not results["second"].new
    with seeded() as s:
        assert (_count(s, Blob), _count(s, BlobChunk)) == (1, 3)


def test_the_private_copies_of_intake_are_removed(
    seeded: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    ok, bad = _pdf(tmp_path / "in" / "ok.pdf", 1000), tmp_path / "in" / "bad.exe"
    bad.write_bytes(b"MZ" + b"\0" * 100)
    with seeded.begin() as s:
        register_case(s, REGISTRAR, valid_intake_form(), [AttachmentInput(ok)])
    with seeded.begin() as s, pytest.raises(ValidationError, match=r"bad\.exe"):
        register_case(
            s, REGISTRAR, valid_intake_form(), [AttachmentInput(ok), AttachmentInput(bad)]
        )
    assert list(temp.iterdir()) == []


def test_a_rolled_back_registration_leaves_no_content(
    seeded: sessionmaker[Session], tmp_path: Path
) -> None:
    source = _pdf(tmp_path / "in" / "a.pdf", 1000)
    with contextlib.suppress(RuntimeError), seeded.begin() as s:
        register_case(s, REGISTRAR, valid_intake_form(), [AttachmentInput(source)])
        raise RuntimeError("the power went out")
    with seeded() as s:
        assert (_count(s, Blob), _count(s, BlobChunk)) == (0, 0)


# --------------------------------------------------------------------------- limits


def test_a_file_over_the_limit_is_refused_clearly(
    seeded: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = _pdf(tmp_path / "in" / "录像.pdf", 3 * MB)
    with seeded.begin() as s, pytest.raises(ValidationErrors) as caught:
        register_case(
            s, REGISTRAR, valid_intake_form(), [AttachmentInput(big)], max_attachment_bytes=2 * MB
        )
    (error,) = caught.value.errors
    assert error.code == "attachment_too_large"
    assert error.message == "附件“录像.pdf”大小为3.0 MB，超过上限2.0 MB"
    with seeded.begin() as s, pytest.raises(blobs.BlobTooLarge) as too_large:
        blobs.put_file(s, big, kind="pdf", max_bytes=MB)
    assert str(too_large.value) == "文件“录像.pdf”大小为1.2 MB，超过上限1.0 MB"  # stops early
    with seeded() as s:
        assert (_count(s, Blob), _count(s, BlobChunk)) == (0, 0)

    # documents have a hard maximum of their own
    monkeypatch.setattr(blobs, "MAX_DOCUMENT_BYTES", 1000)
    with seeded.begin() as s:
        case = documented_case(s)
        case_id, mediator = case.id, Actor.of(case.mediator)  # type: ignore[arg-type]
    with seeded.begin() as s, pytest.raises(blobs.BlobTooLarge, match="超过上限1000 字节"):
        docs.render_document(
            s, mediator, case_id, docs.DocumentKind.ACCEPTANCE_NOTICE, tmp_path / "d", today=TODAY
        )
    with seeded() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


# --------------------------------------------------------------------------- import


def _old_version_files(
    factory: sessionmaker[Session], root: Path
) -> tuple[dict[str, int], dict[str, bytes]]:
    """Records and files as an earlier version left them: the files in the desktop's
    folders, no content in the database. One evidence file is not on this computer, one
    was changed after it was recorded."""
    contents = {
        "a0": PDF_HEAD + b"first",
        "a1": PDF_HEAD + b"second" * 100_000,
        "lost": PDF_HEAD + b"lost",
        "changed": PDF_HEAD + b"changed",
        "d0": b"PK\x03\x04 a document",
    }
    ids: dict[str, int] = {}
    with factory.begin() as s:
        case = make_case(s)
        for key in ("a0", "a1", "lost", "changed"):
            data = contents[key]
            sha = hashlib.sha256(data).hexdigest()
            row = Attachment(
                case_id=case.id,
                original_name=f"{key}.pdf",
                stored_name=f"{case.id}/{sha}.pdf",
                sha256=sha,
                size=len(data),
            )
            s.add(row)
            s.flush()
            ids[key] = row.id
            if key != "lost":
                path = root / "attachments" / str(case.id) / f"{sha}.pdf"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data if key != "changed" else data + b"!")
        data = contents["d0"]
        doc = Document(
            case_id=case.id,
            kind="acceptance_notice",
            version=1,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            stored_name=f"{case.number}/acceptance_notice-v1.docx",
        )
        s.add(doc)
        s.flush()
        ids["d0"] = doc.id
        path = root / "documents" / case.number / "acceptance_notice-v1.docx"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return ids, contents


def test_the_import_of_local_files_is_idempotent_and_names_what_lacks(
    seeded: sessionmaker[Session], tmp_path: Path
) -> None:
    ids, contents = _old_version_files(seeded, tmp_path / "old")
    old = tmp_path / "old"
    first = import_local_files(seeded, old / "attachments", old / "documents")
    assert (first.imported, first.present) == (3, 0)
    assert sorted((r.record_id, r.reason) for r in first.lacking) == sorted(
        [(ids["lost"], "no_file"), (ids["changed"], "differs")]
    )
    assert all("\n" not in r.message for r in first.lacking)
    with seeded() as s:
        report = check_files(s, None, None)
        found = [p.record_id for p in report.missing if p.record_id is not None]
        assert len(found) == len(report.missing)
        assert sorted(found) == sorted([ids["lost"], ids["changed"]])
        blob_rows = s.execute(select(Blob.sha256, Blob.kind).order_by(Blob.sha256)).all()
        assert {kind for _, kind in blob_rows} == {"pdf", blobs.DOCX}

    again = import_local_files(seeded, old / "attachments", old / "documents")
    assert (again.imported, again.present, len(again.lacking)) == (0, 3, 2)
    with seeded() as s:
        assert s.execute(select(Blob.sha256, Blob.kind).order_by(Blob.sha256)).all() == blob_rows

    # another desktop that still has the lost file brings it in
    other = tmp_path / "other"
    with seeded() as s:
        lost = s.get(Attachment, ids["lost"])
        assert lost is not None
        path = other / "attachments" / lost.stored_name
    path.parent.mkdir(parents=True)
    path.write_bytes(contents["lost"])
    third = import_local_files(seeded, other / "attachments", None)
    assert third.imported == 1
    assert [(r.record_id, r.reason) for r in third.lacking] == [(ids["changed"], "no_file")]
    with seeded() as s:  # and every desktop opens it now
        opened = evidence.attachment_file(s, REGISTRAR, ids["lost"], tmp_path / "third")
        assert opened.read_bytes() == contents["lost"]


def test_import_local_command(
    seeded: sessionmaker[Session],
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _old_version_files(seeded, tmp_path)
    sign_in_as_admin(monkeypatch, database_url)
    args = ["--database-url", database_url, "files", "import-local"]
    folders = ["--attachments", str(tmp_path / "attachments")]
    folders += ["--documents", str(tmp_path / "documents")]
    assert main([*args, *folders, "--json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["imported"] == 3
    assert len(err.splitlines()) == 2 and all(
        line.startswith("ipdesk-admin: ") for line in err.splitlines()
    )
    assert main([*args, *folders]) == 1
    out, _err = capsys.readouterr()
    assert out.startswith("已导入 0 份，已在数据库中 3 份，仍缺 2 份")


def test_the_migration_adds_the_tables_under_existing_records(
    seeded: sessionmaker[Session], engine: Engine, tmp_path: Path
) -> None:
    """Records of an earlier version survive the downgrade below 0010 and the upgrade again;
    their contents then come from the import of the local files."""
    _old_version_files(seeded, tmp_path)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0009")
    assert not {"blobs", "blob_chunks"} & set(inspect(engine).get_table_names())
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM attachments").scalar() == 4
        assert conn.exec_driver_sql("SELECT count(*) FROM blobs").scalar() == 0
    report = import_local_files(seeded, tmp_path / "attachments", tmp_path / "documents")
    assert report.imported == 3 and len(report.lacking) == 2


# --------------------------------------------------------------------------- verify


def test_files_verify_catches_a_damaged_chunk(
    seeded: sessionmaker[Session],
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = _pdf(tmp_path / "in" / "a.pdf", 700 * 1024)
    with seeded.begin() as s:
        done = register_case(s, REGISTRAR, valid_intake_form(), [AttachmentInput(source)])
    sign_in_as_admin(monkeypatch, database_url)
    args = ["--database-url", database_url, "files", "verify"]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("已检查 1 条记录、1 份内容：0 个问题")
    sha = done.attachments[0].sha256
    with seeded.begin() as s:  # one byte of the second chunk flipped
        data = bytearray(
            s.scalar(select(BlobChunk.data).where(BlobChunk.sha256 == sha, BlobChunk.seq == 1))
            or b""
        )
        data[10] ^= 0xFF
        s.execute(
            update(BlobChunk)
            .where(BlobChunk.sha256 == sha, BlobChunk.seq == 1)
            .values(data=bytes(data))
        )
    assert main([*args, "--quick"]) == 0  # sizes still agree: only the hash tells
    capsys.readouterr()
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert "1 个问题" in out
    assert err.splitlines() == [
        f"ipdesk-admin: 证据材料文件内容与登记的 SHA-256 不符：{done.attachments[0].stored_name}"
        f"（记录 {done.attachments[0].id}）"
    ]
    with seeded() as s, pytest.raises(blobs.BlobDamaged):  # and it is never opened
        evidence.attachment_file(s, REGISTRAR, done.attachments[0].id, tmp_path / "b")
    assert not list((tmp_path / "b").rglob("*.pdf"))
    with seeded.begin() as s:  # a lost chunk: the quick check sees it
        s.execute(
            update(BlobChunk).where(BlobChunk.sha256 == sha, BlobChunk.seq == 2).values(data=b"")
        )
    assert main([*args, "--quick", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [p["problem"] for p in report["damaged"]] == ["chunks"]


# --------------------------------------------------------------------------- backups


@pytest.fixture
def empty_target(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored' / 'target.sqlite3'}"
        return
    with pg_database(request.getfixturevalue("pg_admin_url")) as url:
        yield url


@pytest.mark.parametrize("portable", [False, True], ids=["native", "portable"])
def test_backup_and_restore_bring_the_contents_back(
    seeded: sessionmaker[Session],
    engine: Engine,
    empty_target: str,
    tmp_path: Path,
    portable: bool,
) -> None:
    source = _pdf(tmp_path / "in" / "a.pdf", MB + 5)
    with seeded.begin() as s:
        done = register_case(s, REGISTRAR, valid_intake_form(), [AttachmentInput(source)])
    file = tmp_path / "backup.bin"
    info = bk.backup(engine, file, portable=portable)
    assert (info.tables["blobs"], info.tables["blob_chunks"]) == (1, 5)
    bk.restore(empty_target, file)
    target = db.make_engine(empty_target)
    try:
        factory = db.make_session_factory(target)
        with factory() as s:
            opened = evidence.attachment_file(s, REGISTRAR, done.attachments[0].id, tmp_path / "r")
            assert check_files(s, None, None).ok
        assert opened.read_bytes() == source.read_bytes()
    finally:
        target.dispose()


def test_a_portable_backup_with_an_edited_chunk_is_refused(
    seeded: sessionmaker[Session], engine: Engine, empty_target: str, tmp_path: Path
) -> None:
    """The chunks are rows like others: their member's checksum is in the signed manifest,
    so an edited chunk is refused even with the checksum recomputed."""
    source = _pdf(tmp_path / "in" / "a.pdf", 1000)
    with seeded.begin() as s:
        register_case(s, REGISTRAR, valid_intake_form(), [AttachmentInput(source)])
    good = bk.backup(engine, tmp_path / "p.zip", portable=True).path
    with zipfile.ZipFile(good) as z:
        members = {n: z.read(n) for n in z.namelist()}
    name = next(n for n in members if n.endswith("-blob_chunks.jsonl"))
    row = json.loads(members[name])
    row["data"] = base64.b64encode(base64.b64decode(row["data"]).replace(b"PDF", b"EXE")).decode()
    members[name] = (json.dumps(row) + "\n").encode()
    manifest = json.loads(members[bk.MANIFEST])
    for entry in manifest["tables"]:
        if entry["member"] == name:
            entry["sha256"] = hashlib.sha256(members[name]).hexdigest()
    members[bk.MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    edited = tmp_path / "edited.zip"
    with zipfile.ZipFile(edited, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    with pytest.raises(bk.BackupNotTrusted):
        bk.restore(empty_target, edited)
    assert bk.restore(empty_target, good).signature == "valid"


def test_the_portable_backup_of_large_contents_stays_in_bounded_memory(
    seeded: sessionmaker[Session], engine: Engine, empty_target: str, tmp_path: Path
) -> None:
    """The zip is written and read a few chunk rows at a time: backing up and restoring 32 MB
    of contents takes no more memory than a backup without them, give or take a few
    chunks (what both take is the restore's migrations, the same for any size)."""

    def peaks(name: str, *, force: bool) -> tuple[int, int]:
        tracemalloc.start()
        try:
            tracemalloc.reset_peak()
            bk.backup(engine, tmp_path / name, portable=True)
            _, backup_peak = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            bk.restore(empty_target, tmp_path / name, force=force)
            _, restore_peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        return backup_peak, restore_peak

    small = peaks("small.zip", force=False)
    source = _pdf(tmp_path / "in" / "a.pdf", 32 * MB)
    with seeded.begin() as s:
        register_case(s, REGISTRAR, valid_intake_form(), [AttachmentInput(source)])
    large = peaks("large.zip", force=True)
    print(  # the figures the report quotes (pytest -s)
        f"\nportable backup without contents: peak {small[0] / MB:.2f} MB, restore "
        f"{small[1] / MB:.2f} MB; with 32 MB: {large[0] / MB:.2f} MB, {large[1] / MB:.2f} MB"
    )
    assert large[0] - small[0] < 4 * MB and large[1] - small[1] < 4 * MB
