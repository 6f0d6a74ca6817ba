"""Backups of the database, restoring them, and the daily backup of the embedded database.

Two kinds of backup file, both marked as ipdesk's with the schema revision they hold:

* **SQLite** (the embedded database, :func:`backup` by default): a copy made with SQLite's
  online backup API (a consistent snapshot while the program keeps working), as a single
  file in rollback-journal mode. Its header carries ``application_id`` :data:`APPLICATION_ID`
  and a table ``ipdesk_backup`` (key, value) holds the program, format, program version,
  schema revision, time, source backend, rows per table and the head of the audit trail.
  ``sqlite3 FILE .dump`` reads it like any database.
* **Portable** (PostgreSQL always; SQLite with ``portable=True``): a zip with one JSON-lines
  member per table (``tables/NN-<table>.jsonl``, one object per row, in foreign-key order),
  read in a single REPEATABLE READ (PostgreSQL) or snapshot (SQLite) transaction, and a
  ``manifest.json``: program, format, program version, schema revision, time, source
  backend, and per table its member, columns, row count and the member's SHA-256. Dates are
  ISO 8601, times ISO 8601 in UTC, decimals strings, JSON columns their JSON text. It can
  be restored into SQLite or PostgreSQL (``pg_dump`` is not needed).

Both kinds are signed with a key kept outside the database
(:mod:`ipdesk.services.infra.backup_signing`): the zip's ``signature.json`` holds the HMAC of
``manifest.json``; the SQLite file's marker holds the HMAC of the whole file (with the
signature's own 64 digits taken as zeros).

:func:`restore` refuses a file that is not an ipdesk backup, a backup of a newer schema than
this program knows, a damaged one (checksums, SQLite integrity check), one whose signature
is missing, made with another key or wrong (``trust_unsigned`` accepts the first two,
audited), and a target that already holds data unless ``force=True`` (``ipdesk-admin
restore --force``), which replaces everything in it. It works on a private copy of the
file and restores data only: the schema is the migrations', and the rows of the tables they
know are copied table by table, so a crafted file's triggers, views and extra tables never
reach the target. It is all or nothing: SQLite targets are built in a temporary file beside
the target and copied in with the backup API in one step; PostgreSQL targets are emptied,
migrated to the backup's revision, loaded, migrated to the newest revision and have their
sequences reset, in one transaction that gives up after :data:`PG_LOCK_TIMEOUT_MS` when
other clients' transactions hold it up. A backup of an older schema comes back migrated.

:func:`daily_backup` keeps one SQLite backup per day in a folder and the newest ``keep``
of them; the app's scheduler calls it, as often as it likes.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import decimal
import hashlib
import hmac
import importlib.metadata
import io
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import uuid
import warnings
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Final

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    Table,
    Text,
    bindparam,
    cast,
    create_engine,
    exists,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    OperationalError,
    SAWarning,
    SQLAlchemyError,
    StatementError,
)

from ipdesk import db, migrate
from ipdesk.services.errors import ServiceError
from ipdesk.services.infra import audit
from ipdesk.services.infra import backup_signing as signing
from ipdesk.services.infra.backup_signing import BackupKey
from ipdesk.services.queries import search_index
from ipdesk.services.rules.deadlines import legal_today

log = logging.getLogger(__name__)

PROGRAM: Final = "ipdesk"
FORMAT: Final = 1
"""The version of the backup file layout; a newer one is refused."""
APPLICATION_ID: Final = 0x49504442  # "IPDB" in the SQLite header of a backup
MARKER_TABLE: Final = "ipdesk_backup"
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "signature.json"
"""The portable backup's member holding the manifest's keyed signature."""
DAILY_PATTERN: Final = re.compile(r"^ipdesk-backup-(\d{4}-\d{2}-\d{2})\.sqlite3$")

_SQLITE_MAGIC = b"SQLite format 3\x00"
_ZIP_MAGIC = b"PK\x03\x04"
_BATCH = 1000
_PG_MIGRATION_LOCK = 0x1D5E5C  # ipdesk.migrate's: no client migrates while we restore


class BackupError(ServiceError):
    code = "backup_failed"


class NotABackup(BackupError):
    code = "not_a_backup"


class BackupTooNew(BackupError):
    code = "backup_too_new"


class BackupDamaged(BackupError):
    code = "backup_damaged"


class TargetNotEmpty(BackupError):
    code = "target_not_empty"


class BackupNotTrusted(BackupError):
    """The backup's signature is missing, made with a key this machine lacks, or wrong."""

    code = "backup_tampered"  # also backup_unsigned, backup_key_unknown


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds (read from its marker or manifest)."""

    path: Path
    kind: str  # "sqlite" or "portable"
    program_version: str
    revision: str
    created_at: str
    source_backend: str
    tables: dict[str, int]  # rows per table
    audit_last_id: int | None = None
    audit_last_hash: str | None = None
    size: int = 0
    key_id: str | None = None  # the key that signed it; None: unsigned (older versions)

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"path": str(self.path), "rows": self.rows}


@dataclass(frozen=True)
class RestoreResult:
    target: str
    backup: BackupInfo
    revision: str  # the schema revision of the target afterwards
    tables: dict[str, int]
    signature: str = "valid"  # or, restored with trust_unsigned: "unsigned", "unknown_key"
    skipped: tuple[str, ...] = ()  # tables in the backup that no migration knows (not copied)

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "backup": self.backup.as_dict(),
            "revision": self.revision,
            "tables": self.tables,
            "signature": self.signature,
            "skipped": list(self.skipped),
        }


@dataclass(frozen=True)
class DailyBackup:
    path: Path
    created: bool  # False: today's backup was there already
    removed: tuple[Path, ...] = ()


# --------------------------------------------------------------------------- helpers


def program_version() -> str:
    try:
        return importlib.metadata.version(PROGRAM)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _revisions() -> list[str]:
    """The program's schema revisions, oldest first."""
    from alembic.script import ScriptDirectory  # not at start-up: 0.5 s

    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _is_data_table(name: str) -> bool:
    """Tables whose rows a backup carries: not Alembic's, not the search index (rebuilt
    by the migrations and triggers), not SQLite's own, not the backup marker."""
    return not (
        name == "alembic_version" or name == MARKER_TABLE or name.startswith(("search_", "sqlite_"))
    )


def _reflect(connection: Connection) -> MetaData:
    metadata = MetaData()
    with warnings.catch_warnings():
        # The search index's expression indexes cannot be reflected (and are not needed).
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", SAWarning)
        warnings.filterwarnings("ignore", ".*expression-based index", SAWarning)
        metadata.reflect(connection, only=lambda name, _md: _is_data_table(name))
    # Nor the search index's columns (PostgreSQL: the parties' scope, migration 0018, which
    # its triggers fill; SQLite has none), removed as Table(include_columns=...) does (that
    # option misses a table first reflected as the target of a foreign key).
    for table in metadata.tables.values():
        for column in [c for c in table.columns if c.name.startswith("search_")]:
            table._columns.remove(column)
    return metadata


def _os_error(action: str, path: Path, exc: OSError | ValueError) -> BackupError:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError(f"无法{action} {path}：{reason}", path=str(path))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _temp_beside(path: Path) -> Path:
    return path.parent / f".{path.name[:80]}.{os.getpid()}-{uuid.uuid4().hex[:12]}.part"


# What a killed backup or restore leaves: a hidden copy of the whole database (personal
# data). The writer's process id is in the name, so a leftover is told from work in
# progress; names without one come from older versions.
_LEFTOVER_FILE = re.compile(r"\..+\.(?:(\d+)-)?[0-9a-f]{12}\.part")
_LEFTOVER_DIR = re.compile(r"\.?ipdesk-restore-(?:(\d+)-)?.+")
MAX_MANIFEST_BYTES: Final = 16 << 20
"""The largest manifest a portable backup may hold (declared and read)."""
MAX_ROW_BYTES: Final = 256 << 20
"""The longest line (one row) a table member may hold: reading stops there."""


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # an open file cannot be removed there: removing is safe to try
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_leftovers(*folders: Path) -> list[Path]:
    """Remove what killed backups (``.NAME.<pid>-<id>.part``) and restores
    (``.ipdesk-restore-<pid>-*``) left in ``folders``, unless their process still runs.
    Called by every backup and restore (in the target's folder) and at start-up."""
    removed: list[Path] = []
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            m = _LEFTOVER_FILE.fullmatch(entry.name) or _LEFTOVER_DIR.fullmatch(entry.name)
            if m is None or (m.group(1) and _process_alive(int(m.group(1)))):
                continue
            try:
                if entry.is_dir() and not entry.is_symlink():
                    if m.re is _LEFTOVER_DIR:
                        shutil.rmtree(entry)
                        removed.append(entry)
                elif m.re is _LEFTOVER_FILE:
                    entry.unlink()
                    removed.append(entry)
            except OSError:
                continue
    return removed


def _check_output(path: Path, overwrite: bool) -> None:
    try:
        if path.is_dir():
            raise BackupError(f"{path} 是一个目录，请给出备份文件名", path=str(path))
        if not path.parent.is_dir():
            raise BackupError(f"目录不存在：{path.parent}", path=str(path))
        if path.exists() and not overwrite:
            raise BackupError(
                f"文件已存在：{path}（覆盖请加 --force）", code="backup_exists", path=str(path)
            )
    except (OSError, ValueError) as exc:
        raise _os_error("写入", path, exc) from None


# --------------------------------------------------------------------------- values


def _encode(value: Any) -> Any:
    """A value read from the database, as JSON holds it."""
    if value is None or isinstance(value, bool | int | str | float):
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # SQLite keeps UTC without a zone
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)


def _decoder(column_type: Any, sqlite: bool) -> Callable[[Any], Any]:
    """How a JSON-lines value becomes what the target column takes."""
    if isinstance(column_type, JSON):

        def json_value(value: Any) -> Any:
            if value is None:
                return None
            parsed = json.loads(value) if isinstance(value, str) else value
            return JSON.NULL if parsed is None else parsed

        return json_value
    if isinstance(column_type, DateTime):

        def timestamp(value: Any) -> Any:
            if value is None:
                return None
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
            moment = moment.astimezone(dt.UTC)
            return moment.replace(tzinfo=None) if sqlite else moment

        return timestamp
    if isinstance(column_type, Date):
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    if isinstance(column_type, Float):
        return lambda v: None if v is None else float(v)
    if isinstance(column_type, Numeric):
        return lambda v: None if v is None else decimal.Decimal(str(v))
    if isinstance(column_type, Boolean):
        return lambda v: None if v is None else bool(v)
    if isinstance(column_type, LargeBinary):
        return lambda v: None if v is None else base64.b64decode(v)
    return lambda v: v


def _batch(table: Table) -> int:
    """Rows read or written at a time: few for a table of binary chunks (the evidence
    files' and documents' contents, 256 KiB a row), so that memory stays bounded."""
    return 4 if any(isinstance(c.type, LargeBinary) for c in table.columns) else _BATCH


def _export_rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` in primary-key order, encoded for JSON, streamed."""
    columns = [
        cast(c, Text).label(c.name) if isinstance(c.type, JSON) else c for c in table.columns
    ]
    statement = select(*columns)
    order = list(table.primary_key.columns) or list(table.columns)
    statement = statement.order_by(*order)
    result = connection.execution_options(stream_results=True, yield_per=_batch(table)).execute(
        statement
    )
    with contextlib.closing(result):
        for row in result.mappings():
            yield {k: _encode(v) for k, v in row.items()}


def _audit_head(connection: Connection, metadata: MetaData) -> tuple[int | None, str | None]:
    table = metadata.tables.get("audit_records")
    if table is None:
        return None, None
    row = connection.execute(
        select(table.c.id, table.c.hash).order_by(table.c.id.desc()).limit(1)
    ).first()
    return (int(row[0]), str(row[1])) if row is not None else (None, None)


# --------------------------------------------------------------------------- backup


def backup(
    engine: Engine, path: Path | str, *, portable: bool = False, overwrite: bool = False
) -> BackupInfo:
    """Back up the database of ``engine`` into ``path`` (written atomically: a file of
    that name is a whole backup or none). SQLite: a SQLite backup file, or with
    ``portable`` a zip of JSON lines; PostgreSQL: always the zip."""
    path = Path(path)
    _check_output(path, overwrite)
    remove_leftovers(path.parent)
    revision = migrate.current_revision(engine)
    if revision is None:
        raise BackupError("数据库尚未初始化，没有可备份的内容", code="database_uninitialised")
    key = signing.load_key(create=True)
    assert key is not None
    temp = _temp_beside(path)
    try:
        if db.is_sqlite(engine) and not portable:
            _sqlite_backup(engine, temp, revision, key)
        else:
            _portable_backup(engine, temp, key)
        _fsync_file(temp)
        os.replace(temp, path)
        _fsync_dir(path.parent)
    except (OSError, ValueError) as exc:
        raise _os_error("写入", path, exc) from None
    except sqlite3.Error as exc:
        raise BackupError(f"无法写入 {path}：{exc}", path=str(path)) from None
    finally:
        with contextlib.suppress(OSError, ValueError):
            temp.unlink(missing_ok=True)
    return inspect_backup(path)


def _sqlite_backup(engine: Engine, temp: Path, revision: str, key: BackupKey) -> None:
    with engine.connect() as conn:
        source = conn.connection.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(temp)
        try:
            source.backup(target)  # one step: a consistent snapshot
        finally:
            target.close()
    placeholder = uuid.uuid4().hex + uuid.uuid4().hex  # found exactly once in the file
    con = sqlite3.connect(temp, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        tables = [
            name
            for (name,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if _is_data_table(name)
        ]
        counts = {
            name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in tables
        }
        head = con.execute("SELECT id, hash FROM audit_records ORDER BY id DESC LIMIT 1").fetchone()
        marker = {
            "program": PROGRAM,
            "format": str(FORMAT),
            "program_version": program_version(),
            "schema_revision": revision,
            "created_at": _now(),
            "source_backend": "sqlite",
            "tables": json.dumps(counts, sort_keys=True),
            "audit_last_id": "" if head is None else str(head[0]),
            "audit_last_hash": "" if head is None else str(head[1]),
            "signature_algorithm": signing.ALGORITHM,
            "key_id": key.key_id,
            "signature": placeholder,
        }
        con.execute("BEGIN IMMEDIATE")
        con.execute(f"CREATE TABLE {MARKER_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        con.executemany(f"INSERT INTO {MARKER_TABLE} (key, value) VALUES (?, ?)", marker.items())
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.execute("COMMIT")
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"备份副本未通过完整性检查：{check}", code="backup_damaged")
    finally:
        con.close()
    # The file is final now: sign its bytes, the signature written over the placeholder
    # (same length, so nothing else moves).
    with temp.open("rb+") as fh:
        offset = signing.find_once(fh, placeholder.encode("ascii"))
        if offset is None:
            raise BackupError("无法在备份副本中写入签名", code="backup_failed")
        mac = signing.file_mac(key, fh, offset)
        fh.seek(offset)
        fh.write(mac.encode("ascii"))


def _portable_backup(engine: Engine, temp: Path, key: BackupKey) -> None:
    from alembic.runtime.migration import MigrationContext

    sqlite = db.is_sqlite(engine)
    options: dict[str, Any] = dict(db.READ_ONLY) if sqlite else {}
    if not sqlite:
        options["isolation_level"] = "REPEATABLE READ"
    with engine.connect().execution_options(**options) as conn, conn.begin():
        if not sqlite:
            conn.execute(text("SET TRANSACTION READ ONLY"))
        revision = MigrationContext.configure(conn).get_current_revision()
        metadata = _reflect(conn)
        last_id, last_hash = _audit_head(conn, metadata)
        entries = []
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            for number, table in enumerate(metadata.sorted_tables, start=1):
                member = f"tables/{number:02d}-{table.name}.jsonl"
                digest = hashlib.sha256()
                rows = 0
                with archive.open(member, "w", force_zip64=True) as raw:
                    buffer = io.BytesIO()
                    for row in _export_rows(conn, table):
                        buffer.write(json.dumps(row, ensure_ascii=False).encode("utf-8"))
                        buffer.write(b"\n")
                        rows += 1
                        if buffer.tell() > 1 << 20:
                            _flush(buffer, raw, digest)
                    _flush(buffer, raw, digest)
                entries.append(
                    {
                        "name": table.name,
                        "member": member,
                        "columns": [c.name for c in table.columns],
                        "rows": rows,
                        "sha256": digest.hexdigest(),
                    }
                )
            manifest = {
                "program": PROGRAM,
                "format": FORMAT,
                "program_version": program_version(),
                "schema_revision": revision,
                "created_at": _now(),
                "source_backend": engine.dialect.name,
                "source": db.describe(engine.url),
                "audit_last_id": last_id,
                "audit_last_hash": last_hash,
                "tables": entries,
            }
            manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
            archive.writestr(MANIFEST, manifest_bytes)
            signature = {
                "algorithm": signing.ALGORITHM,
                "key_id": key.key_id,
                "signed": MANIFEST,
                "signature": key.mac(manifest_bytes).hexdigest(),
            }
            archive.writestr(SIGNATURE, json.dumps(signature, indent=1))


def _flush(buffer: io.BytesIO, raw: IO[bytes], digest: Any) -> None:
    data = buffer.getvalue()
    digest.update(data)
    raw.write(data)
    buffer.seek(0)
    buffer.truncate()


# --------------------------------------------------------------------------- reading


def inspect_backup(path: Path | str) -> BackupInfo:
    """What the backup file ``path`` holds. Refuses a file that is not an ipdesk backup
    (:class:`NotABackup`), one of a newer schema or format (:class:`BackupTooNew`), and a
    portable backup whose members do not match their checksums (:class:`BackupDamaged`)."""
    path = Path(path)
    try:
        if not path.is_file():
            raise NotABackup(f"找不到备份文件：{path}", code="backup_missing", path=str(path))
        with path.open("rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except (OSError, ValueError) as exc:
        raise _os_error("读取", path, exc) from None
    if header.startswith(_SQLITE_MAGIC):
        info = _inspect_sqlite(path, header, size)
    elif header.startswith(_ZIP_MAGIC):
        info = _ZipSource(path).info(size)
    else:
        raise NotABackup(f"{path.name} 不是 ipdesk 备份文件", path=str(path))
    _check_revision(info)
    return info


def audit_anchor(path: Path | str) -> tuple[audit.Anchor | None, BackupInfo, str]:
    """The head of the audit trail that the backup ``path`` holds in its signed marker or
    manifest, as an anchor for ``ipdesk-admin audit verify --anchor``; with the backup's
    info and its signature's state: "valid", "unsigned" or "unknown_key" (this machine
    lacks the key). A wrong signature is refused (:class:`BackupNotTrusted`). The anchor is
    None for a backup of an empty trail."""
    info = inspect_backup(path)
    key = signing.load_key(create=False)
    if info.key_id is None:
        trust = "unsigned"
    elif key is None or key.key_id != info.key_id:
        trust = "unknown_key"
    elif info.kind == "sqlite":
        trust = _sqlite_signature(info.path, info, False)
    else:
        source = _ZipSource(info.path)
        source.info(info.size, verify=False)
        trust = _zip_signature(source, info, False)
    if info.audit_last_id is None or not info.audit_last_hash:
        return None, info, trust
    return audit.Anchor(info.audit_last_id, info.audit_last_hash, info.path.name), info, trust


def _check_revision(info: BackupInfo) -> None:
    if info.revision not in _revisions():
        raise BackupTooNew(
            f"备份 {info.path.name} 的数据库版本 {info.revision} 比本程序新"
            f"（本程序支持到 {migrate.head_revision()}），请升级 ipdesk 后再恢复",
            revision=info.revision,
        )


def _inspect_sqlite(path: Path, header: bytes, size: int) -> BackupInfo:
    if len(header) < 72 or int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotABackup(f"{path.name} 是 SQLite 数据库，但不是 ipdesk 备份", path=str(path))
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            marker = dict(con.execute(f"SELECT key, value FROM {MARKER_TABLE}").fetchall())
        finally:
            con.close()
    except (sqlite3.Error, UnicodeDecodeError):  # a flipped byte in its text, too
        raise BackupDamaged(f"备份 {path.name} 已损坏（无法读取其标记）", path=str(path)) from None
    if marker.get("program") != PROGRAM:
        raise NotABackup(f"{path.name} 不是 ipdesk 备份文件", path=str(path))
    try:
        fmt = int(marker.get("format", ""))
        tables = {str(k): int(v) for k, v in json.loads(marker.get("tables", "{}")).items()}
        last_id = int(marker["audit_last_id"]) if marker.get("audit_last_id") else None
    except (ValueError, TypeError, AttributeError):
        raise BackupDamaged(f"备份 {path.name} 的标记已损坏", path=str(path)) from None
    if fmt > FORMAT:
        raise BackupTooNew(f"备份 {path.name} 的格式比本程序新，请升级 ipdesk 后再恢复")
    return BackupInfo(
        path=path,
        kind="sqlite",
        program_version=str(marker.get("program_version", "")),
        revision=str(marker.get("schema_revision", "")),
        created_at=str(marker.get("created_at", "")),
        source_backend="sqlite",
        tables=tables,
        audit_last_id=last_id,
        audit_last_hash=marker.get("audit_last_hash") or None,
        size=size,
        key_id=marker.get("key_id") or None,
    )


@dataclass
class _TableSpec:
    name: str
    member: str
    columns: list[str]
    rows: int
    sha256: str


@dataclass
class _ZipSource:
    """A portable backup: a zip of JSON lines with a manifest."""

    path: Path
    manifest: dict[str, Any] = field(default_factory=dict)
    specs: dict[str, _TableSpec] = field(default_factory=dict)
    manifest_bytes: bytes = b""
    signature: dict[str, Any] | None = None  # signature.json; None: unsigned

    def _open(self) -> zipfile.ZipFile:
        try:
            return zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise NotABackup(
                f"{self.path.name} 不是 ipdesk 备份文件", path=str(self.path)
            ) from None

    def info(self, size: int, *, verify: bool = True) -> BackupInfo:
        name = self.path.name
        with self._open() as archive:
            try:
                manifest_bytes = _read_bounded(archive, MANIFEST, MAX_MANIFEST_BYTES, name)
                manifest = json.loads(manifest_bytes)
            except KeyError:
                raise NotABackup(f"{name} 不是 ipdesk 备份文件（没有 {MANIFEST}）") from None
            except (ValueError, zipfile.BadZipFile, OSError, EOFError):
                raise BackupDamaged(f"备份 {name} 的 {MANIFEST} 已损坏") from None
            if not isinstance(manifest, dict) or manifest.get("program") != PROGRAM:
                raise NotABackup(f"{name} 不是 ipdesk 备份文件")
            try:
                fmt = int(manifest["format"])
                specs = [
                    _TableSpec(
                        str(t["name"]),
                        str(t["member"]),
                        [str(c) for c in t["columns"]],
                        int(t["rows"]),
                        str(t["sha256"]),
                    )
                    for t in manifest["tables"]
                ]
                revision = str(manifest["schema_revision"])
            except (KeyError, TypeError, ValueError):
                raise BackupDamaged(f"备份 {name} 的 {MANIFEST} 不完整") from None
            if fmt > FORMAT:
                raise BackupTooNew(f"备份 {name} 的格式比本程序新，请升级 ipdesk 后再恢复")
            self.manifest, self.specs = manifest, {s.name: s for s in specs}
            self.manifest_bytes = manifest_bytes
            self.signature = _read_signature(archive, name)
            info = BackupInfo(
                path=self.path,
                kind="portable",
                program_version=str(manifest.get("program_version", "")),
                revision=revision,
                created_at=str(manifest.get("created_at", "")),
                source_backend=str(manifest.get("source_backend", "")),
                tables={s.name: s.rows for s in specs},
                audit_last_id=_int_or_none(manifest.get("audit_last_id")),
                audit_last_hash=manifest.get("audit_last_hash") or None,
                size=size,
                key_id=None if self.signature is None else str(self.signature["key_id"]),
            )
            _check_revision(info)
            for spec in specs if verify else ():
                self._verify_member(archive, spec)
        return info

    def _verify_member(self, archive: zipfile.ZipFile, spec: _TableSpec) -> None:
        digest = hashlib.sha256()
        try:
            with archive.open(spec.member) as member:
                while chunk := member.read(1 << 20):
                    digest.update(chunk)
        except KeyError:
            raise BackupDamaged(f"备份 {self.path.name} 缺少 {spec.member}") from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise BackupDamaged(f"备份 {self.path.name} 的 {spec.member} 已损坏") from None
        if digest.hexdigest() != spec.sha256:
            raise BackupDamaged(f"备份 {self.path.name} 的 {spec.member} 校验和不符（文件已损坏）")

    def tables(self) -> dict[str, _TableSpec]:
        return self.specs

    def rows(self, name: str) -> Iterator[dict[str, Any]]:
        spec = self.specs[name]
        with self._open() as archive, archive.open(spec.member) as raw:
            while line := raw.readline(MAX_ROW_BYTES + 1):
                if len(line) > MAX_ROW_BYTES:
                    raise BackupDamaged(
                        f"备份 {self.path.name} 的 {spec.member} 中有一行超过 "
                        f"{MAX_ROW_BYTES >> 20} MB，不是 ipdesk 写出的备份",
                        code="backup_member_too_large",
                    )
                if line.strip():
                    row = json.loads(line)
                    if not isinstance(row, dict):
                        raise ValueError("a row is not an object")
                    yield row


def _read_signature(archive: zipfile.ZipFile, name: str) -> dict[str, Any] | None:
    try:
        signature = json.loads(_read_bounded(archive, SIGNATURE, 4096, name))
    except KeyError:
        return None  # a backup of an older version
    except (ValueError, zipfile.BadZipFile, OSError, EOFError):
        raise BackupDamaged(f"备份 {name} 的 {SIGNATURE} 已损坏") from None
    if not (
        isinstance(signature, dict)
        and signature.get("algorithm") == signing.ALGORITHM
        and signature.get("signed") == MANIFEST
        and isinstance(signature.get("key_id"), str)
        and isinstance(signature.get("signature"), str)
    ):
        raise BackupDamaged(f"备份 {name} 的 {SIGNATURE} 不是 ipdesk 写出的签名")
    return signature


def _read_bounded(archive: zipfile.ZipFile, member: str, limit: int, name: str) -> bytes:
    """The member's bytes, refused when it declares or holds more than ``limit`` (a zip
    bomb declaring a gigabyte must not be read into memory)."""
    too_large = BackupDamaged(
        f"备份 {name} 的 {member} 超过 {limit >> 20} MB，不是 ipdesk 写出的备份",
        code="backup_member_too_large",
    )
    if archive.getinfo(member).file_size > limit:
        raise too_large
    with archive.open(member) as raw:
        data = raw.read(limit + 1)
    if len(data) > limit:
        raise too_large
    return data


def _int_or_none(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


class _SqliteSource:
    """A SQLite backup (a private, verified copy of it) read as rows, table by table. The
    file may have been crafted: it is opened read-only, its schema untrusted (no function
    of it runs), and only its plain tables are read — never its triggers, views or
    virtual tables."""

    def __init__(self, path: Path) -> None:
        self.path = path
        uri = f"{path.resolve().as_uri()}?mode=ro"

        def connect() -> sqlite3.Connection:
            con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            con.execute("PRAGMA trusted_schema = OFF")
            con.execute("PRAGMA query_only = ON")
            return con

        self.engine = create_engine("sqlite://", creator=connect)
        try:
            self.specs = self._read_schema()
        except SQLAlchemyError as exc:  # a schema text the file's bytes damaged, …
            self.engine.dispose()
            cause = type(getattr(exc, "orig", None) or exc).__name__
            raise BackupDamaged(f"备份 {path.name} 的表结构无法读取（{cause}）") from None

    def _read_schema(self) -> dict[str, _TableSpec]:
        self.metadata = MetaData()
        with self.engine.connect() as conn:
            plain = {
                name
                for (name,) in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND upper(substr(ltrim(sql), 1, 14)) <> 'CREATE VIRTUAL'"
                )
            }
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", category=SAWarning)
                # Only the columns are read: a foreign key to a table the file replaced
                # (a virtual table without the referred column) is not followed.
                self.metadata.reflect(
                    conn,
                    only=lambda name, _md: name in plain and _is_data_table(name),
                    resolve_fks=False,
                )
            return {
                t.name: _TableSpec(
                    t.name,
                    t.name,
                    [c.name for c in t.columns],
                    int(conn.execute(select(func.count()).select_from(t)).scalar_one()),
                    "",
                )
                for t in self.metadata.tables.values()
            }

    def tables(self) -> dict[str, _TableSpec]:
        return self.specs

    def rows(self, name: str) -> Iterator[dict[str, Any]]:
        try:
            with self.engine.connect() as conn:
                yield from _export_rows(conn, self.metadata.tables[name])
        except DBAPIError as exc:  # the backup's own bytes (text that is not UTF-8, …)
            raise BackupDamaged(
                f"备份 {self.path.name} 中 {name} 表无法读取（{type(exc.orig).__name__}）"
            ) from None

    def close(self) -> None:
        self.engine.dispose()


# --------------------------------------------------------------------------- restore

PG_LOCK_TIMEOUT_MS: Final = 10_000
"""How long a PostgreSQL restore waits for a lock (other clients' open transactions)
before it gives up with :class:`TargetBusy`."""


class TargetBusy(BackupError):
    code = "restore_target_busy"


def restore(
    target: Engine | str | URL,
    path: Path | str,
    *,
    force: bool = False,
    trust_unsigned: bool = False,
) -> RestoreResult:
    """Replace the database ``target`` with the backup ``path``, all or nothing.

    Only data comes back: the target's schema is built by the migrations, and the rows of
    the tables they know are copied table by table from a private copy of the backup;
    whatever else a backup file holds (triggers, views, other tables) never reaches the
    target. The search index is rebuilt from the rows.

    Refused (nothing changed): a file that is not an ipdesk backup, a backup of a newer
    schema, a damaged backup, a backup whose keyed signature is missing, made with a key
    this machine lacks, or wrong (:class:`BackupNotTrusted`), and — unless ``force`` — a
    target that holds any row. With ``trust_unsigned`` the operator vouches for a backup
    without a signature (older versions) or signed with another key: it is restored and
    an audit record says so. A wrong signature is refused always."""
    path = Path(path)
    inspect_backup(path)  # the quick refusals, before anything is copied
    url = target.url if isinstance(target, Engine) else make_url(target)
    if isinstance(target, Engine):
        target.dispose()  # no pooled connection keeps the old contents
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(f"不支持恢复到 {backend} 数据库")
    dest = _sqlite_destination(url, force) if backend == "sqlite" else None
    folder = dest.parent if dest is not None else Path(tempfile.gettempdir())
    remove_leftovers(folder)
    try:
        work = Path(tempfile.mkdtemp(prefix=f".ipdesk-restore-{os.getpid()}-", dir=folder))
    except OSError as exc:
        raise _os_error("写入", folder, exc) from None
    source: _ZipSource | _SqliteSource | None = None
    try:
        copy = work / ("backup.sqlite3" if path.suffix != ".zip" else "backup.zip")
        try:
            shutil.copyfile(path, copy)  # what is checked is what is read
        except (OSError, ValueError) as exc:
            raise _os_error("读取", path, exc) from None
        info = dataclasses.replace(inspect_backup(copy), path=path)
        if info.kind == "sqlite":
            trust = _sqlite_signature(copy, info, trust_unsigned)
            _check_integrity(copy, info)
            source = _SqliteSource(copy)
        else:
            source = _ZipSource(copy)
            source.info(info.size, verify=False)  # inspect_backup verified the members
            trust = _zip_signature(source, info, trust_unsigned)
        if dest is not None:
            return _restore_sqlite(dest, work, source, info, trust)
        engine = target if isinstance(target, Engine) else db.make_engine(url)
        try:
            result = _restore_postgresql(engine, source, info, force, trust)
        finally:
            if isinstance(target, Engine):
                target.dispose()
            else:
                engine.dispose()
        return result
    except sqlite3.Error as exc:
        raise BackupError(f"恢复失败，目标未改变：{exc}") from None
    finally:
        if isinstance(source, _SqliteSource):
            source.close()
        shutil.rmtree(work, ignore_errors=True)


# --------------------------------------------------------------------------- signatures


def _untrusted(info: BackupInfo, trust_unsigned: bool, reason: str) -> str:
    name = info.path.name
    if trust_unsigned:
        log.warning(
            "Restoring %s without a valid signature (%s): trusted by the operator", name, reason
        )
        return reason
    if reason == "unsigned":
        raise BackupNotTrusted(
            f"备份 {name} 没有签名（旧版本 ipdesk 所做，或签名被去掉）：确认来源可信后可加 "
            "--trust-unsigned 恢复（会记入审计日志）",
            code="backup_unsigned",
        )
    raise BackupNotTrusted(
        f"备份 {name} 由另一个密钥（{info.key_id}）签名，本机没有该密钥：请用 "
        f"{signing.ENV_KEY_FILE} 指向制作备份的机器上的 {signing.KEY_FILE_NAME}",
        code="backup_key_unknown",
    )


def _tampered(info: BackupInfo) -> BackupNotTrusted:
    return BackupNotTrusted(
        f"备份 {info.path.name} 的签名不符：文件在备份后被改动过，拒绝恢复", code="backup_tampered"
    )


def _sqlite_signature(copy: Path, info: BackupInfo, trust_unsigned: bool) -> str:
    con = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    try:
        marker = dict(con.execute(f"SELECT key, value FROM {MARKER_TABLE}").fetchall())
    except sqlite3.Error:
        raise BackupDamaged(f"备份 {info.path.name} 已损坏（无法读取其标记）") from None
    finally:
        con.close()
    signature = marker.get("signature")
    if signature is None:
        return _untrusted(info, trust_unsigned, "unsigned")
    key = signing.load_key(create=False)
    if key is None or key.key_id != marker.get("key_id"):
        return _untrusted(info, trust_unsigned, "unknown_key")
    if not (
        isinstance(signature, str)
        and len(signature) == signing.SIGNATURE_LENGTH
        and marker.get("signature_algorithm") == signing.ALGORITHM
    ):
        raise _tampered(info)
    with copy.open("rb") as fh:
        offset = signing.find_once(fh, signature.encode("ascii", "replace"))
        if offset is None or not hmac.compare_digest(signing.file_mac(key, fh, offset), signature):
            raise _tampered(info)
    return "valid"


def _zip_signature(source: _ZipSource, info: BackupInfo, trust_unsigned: bool) -> str:
    if source.signature is None:
        return _untrusted(info, trust_unsigned, "unsigned")
    key = signing.load_key(create=False)
    if key is None or key.key_id != source.signature["key_id"]:
        return _untrusted(info, trust_unsigned, "unknown_key")
    if not signing.signs(key, source.manifest_bytes, source.signature["signature"]):
        raise _tampered(info)
    return "valid"


def _note_trust(connection: Connection, info: BackupInfo, trust: str) -> None:
    """An audit record for a restore the operator vouched for (no valid signature)."""
    if trust == "valid":
        return
    audit.record_event(
        connection,
        "restore_unverified",
        "backup",
        {
            "file": info.path.name,
            "signature": trust,
            "key_id": info.key_id,
            "created_at": info.created_at,
            "program_version": info.program_version,
            "revision": info.revision,
        },
    )


def _check_integrity(copy: Path, info: BackupInfo) -> None:
    try:
        con = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check = con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        raise BackupDamaged(f"备份 {info.path.name} 已损坏") from None
    if check != "ok":
        raise BackupDamaged(f"备份 {info.path.name} 未通过完整性检查：{check}")


# --------------------------------------------------------------------------- targets


def _nonempty_tables(connection: Connection, metadata: MetaData) -> list[str]:
    return [
        t.name
        for t in metadata.sorted_tables
        if connection.execute(select(exists().select_from(t))).scalar()
    ]


def _refuse_nonempty(where: str, nonempty: list[str]) -> None:
    shown = "、".join(nonempty[:5]) + ("等" if len(nonempty) > 5 else "")
    raise TargetNotEmpty(
        f"目标数据库已有数据（{shown} 表非空）：恢复会覆盖全部内容；确认请加 --force",
        target=where,
        tables=nonempty,
    )


def _sqlite_destination(url: URL, force: bool) -> Path:
    """The target file, checked: refused when it is not a file or not a SQLite database,
    or holds data and not ``force``."""
    if not url.database or url.database == ":memory:":
        raise BackupError("只能恢复到数据库文件")
    dest = Path(url.database)
    try:
        exists_already = dest.exists()
        if exists_already and not dest.is_file():
            raise BackupError(f"目标 {dest} 不是文件")
        dest.parent.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:
        raise _os_error("写入", dest, exc) from None
    if exists_already:
        nonempty = _sqlite_nonempty(dest)
        if nonempty and not force:
            _refuse_nonempty(f"SQLite {dest}", nonempty)
    return dest


def _restore_sqlite(
    dest: Path, work: Path, source: _ZipSource | _SqliteSource, info: BackupInfo, trust: str
) -> RestoreResult:
    """Build the database in ``work`` from the migrations and the backup's rows, then copy
    it over ``dest`` with SQLite's backup API in one step."""
    from alembic import command

    built = work / "restore.sqlite3"
    engine = db.make_engine(f"sqlite:///{built}")
    try:
        with engine.begin() as conn:
            command.upgrade(migrate.alembic_config(conn), info.revision)
            skipped = _load(conn, source, info)
        migrate.upgrade(engine)
        search_index.repair(engine)
        with engine.begin() as conn:
            tables = _counts(conn)
            _note_trust(conn, info, trust)
    finally:
        engine.dispose()
    con = sqlite3.connect(built, isolation_level=None)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupDamaged(f"恢复结果未通过完整性检查：{check}")
        target = sqlite3.connect(dest, timeout=30, isolation_level=None)
        try:
            con.backup(target)  # one step, in one transaction of the target
            target.execute("PRAGMA journal_mode = WAL")
        finally:
            target.close()
    finally:
        con.close()
    return RestoreResult(f"SQLite {dest}", info, migrate.head_revision(), tables, trust, skipped)


def _sqlite_nonempty(dest: Path) -> list[str]:
    try:
        con = sqlite3.connect(dest, timeout=30)
        try:
            names = [
                name
                for (name,) in con.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                )
                if _is_data_table(name)
            ]
            return [
                name
                for name in names
                if con.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]
            ]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        raise BackupError(f"目标文件 {dest} 不是 SQLite 数据库，未作改动") from None


def _counts(connection: Connection) -> dict[str, int]:
    metadata = _reflect(connection)
    return {
        t.name: int(connection.execute(select(func.count()).select_from(t)).scalar_one())
        for t in metadata.sorted_tables
    }


def _restore_postgresql(
    engine: Engine,
    source: _ZipSource | _SqliteSource,
    info: BackupInfo,
    force: bool,
    trust: str,
) -> RestoreResult:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    where = db.describe(engine.url)
    order = _revisions()
    try:
        with engine.begin() as conn:
            # Emptying the tables waits for every transaction that touched them: give up
            # after a while with a message instead of hanging while a client sits idle.
            conn.execute(text(f"SET LOCAL lock_timeout = {int(PG_LOCK_TIMEOUT_MS)}"))
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            current = MigrationContext.configure(conn).get_current_revision()
            if current is not None and current not in order:
                raise BackupError(
                    f"目标数据库由更新版本的 ipdesk 创建（版本 {current}），本程序不能恢复到其中"
                )
            metadata = _reflect(conn)
            if current is None and metadata.tables:
                raise BackupError("目标数据库中有不属于 ipdesk 的表，未作改动")
            nonempty = _nonempty_tables(conn, metadata)
            if nonempty:
                if not force:
                    _refuse_nonempty(where, nonempty)
                names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            config = migrate.alembic_config(conn)
            if current is None or order.index(current) < order.index(info.revision):
                command.upgrade(config, info.revision)
            elif order.index(current) > order.index(info.revision):
                command.downgrade(config, info.revision)
            skipped = _load(conn, source, info)
            command.upgrade(config, "head")
            metadata = _reflect(conn)
            _reset_sequences(conn, metadata)
            tables = _counts(conn)
            _note_trust(conn, info, trust)
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) != "55P03":  # lock_not_available
            raise
        raise _busy(engine, where) from None
    return RestoreResult(where, info, migrate.head_revision(), tables, trust, skipped)


def _busy(engine: Engine, where: str) -> TargetBusy:
    """The refusal when other clients' transactions kept the restore from its locks,
    naming how many there are."""
    others = "其他连接"
    with contextlib.suppress(SQLAlchemyError), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT coalesce(nullif(application_name, ''), client_addr::text, 'local')"
                " FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
            )
        ).all()
        names = sorted({str(r[0]) for r in rows})
        others = f"{len(rows)} 个其他连接（{'、'.join(names[:5])}）" if rows else others
    return TargetBusy(
        f"无法恢复到 {where}：{others}有未结束的事务，等待 {PG_LOCK_TIMEOUT_MS // 1000} 秒后放弃，"
        "数据库未改变；请先关闭连接该数据库的 ipdesk 客户端和服务（ipdesk-server）后重试",
        target=where,
    )


def _reset_sequences(connection: Connection, metadata: MetaData) -> None:
    for table in metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        quoted = connection.dialect.identifier_preparer.format_table(table)
        column = connection.dialect.identifier_preparer.format_column(pk[0])
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:t, :c), m, true) "
                f"FROM (SELECT max({column}) AS m FROM {quoted}) AS x WHERE m IS NOT NULL"
            ),
            {"t": quoted, "c": pk[0].name},
        )


def _load(
    connection: Connection, source: _ZipSource | _SqliteSource, info: BackupInfo
) -> tuple[str, ...]:
    """Insert the backup's rows into the (empty) tables of the connection's database, which
    the migrations built at the backup's schema revision, in foreign-key order: the tables
    the migrations know, nothing else. Returns the names of the backup's tables they do
    not know (not copied)."""
    sqlite = connection.dialect.name == "sqlite"
    metadata = _reflect(connection)
    specs = source.tables()
    skipped = tuple(sorted(set(specs) - set(metadata.tables)))
    missing = sorted(set(metadata.tables) - set(specs))
    if missing:
        raise BackupDamaged(
            f"备份 {info.path.name} 缺少数据库版本 {info.revision} 的表：{'、'.join(missing)}"
        )
    if skipped:
        log.warning(
            "Backup %s: tables no migration knows, not restored: %s", info.path.name, skipped
        )
    for table in metadata.sorted_tables:
        spec = specs[table.name]
        if set(spec.columns) != set(table.c.keys()):
            raise BackupDamaged(f"备份 {info.path.name} 中 {table.name} 表的列与数据库不符")
        for column in table.columns:
            if isinstance(column.type, JSON):
                column.type = JSON(none_as_null=True)
        _load_table(connection, table, spec, source.rows(table.name), sqlite, info)
    return skipped


def _load_table(
    connection: Connection,
    table: Table,
    spec: _TableSpec,
    rows: Iterator[Mapping[str, Any]],
    sqlite: bool,
    info: BackupInfo,
) -> None:
    decoders = {c.name: _decoder(c.type, sqlite) for c in table.columns}
    # A column referring to its own table (an agent's party) is filled in a second pass.
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    pk = [c.name for c in table.primary_key.columns]
    later: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []
    size = _batch(table)
    count = 0
    try:
        for row in rows:
            count += 1
            values = {name: decoders[name](value) for name, value in row.items()}
            if set(values) != set(decoders):
                raise ValueError("columns differ")
            if self_refs and any(values[c] is not None for c in self_refs):
                later.append({f"b_{k}": values[k] for k in (*pk, *self_refs)})
                values.update(dict.fromkeys(self_refs))
            batch.append(values)
            if len(batch) >= size:
                connection.execute(insert(table), batch)
                batch = []
        if batch:
            connection.execute(insert(table), batch)
        if later:
            statement = (
                update(table)
                .where(*(table.c[k] == bindparam(f"b_{k}") for k in pk))
                .values({c: bindparam(f"b_{c}") for c in self_refs})
            )
            connection.execute(statement, later)
    except (ValueError, TypeError, KeyError, decimal.InvalidOperation) as exc:
        raise BackupDamaged(
            f"备份 {info.path.name} 中 {table.name} 表第 {count} 行无法读取（{type(exc).__name__}）"
        ) from None
    except (IntegrityError, DataError):  # duplicate keys, dangling references, bad values
        raise BackupDamaged(
            f"备份 {info.path.name} 中 {table.name} 表的数据违反数据库的约束（重复或缺失的关联）"
        ) from None
    except StatementError as exc:
        if isinstance(exc, DBAPIError):  # the database's own trouble (locked, gone)
            raise
        raise BackupDamaged(
            f"备份 {info.path.name} 中 {table.name} 表有无法写入的值（{type(exc.orig).__name__}）"
        ) from None
    if count != spec.rows:
        raise BackupDamaged(
            f"备份 {info.path.name} 中 {table.name} 表应有 {spec.rows} 行，实有 {count} 行"
        )


# --------------------------------------------------------------------------- daily


def backs_up_daily(engine: Engine) -> bool:
    """Whether the desktop backs this database up itself, daily: the embedded SQLite
    database; a PostgreSQL server is backed up on the server."""
    return db.is_sqlite(engine)


def daily_backup(
    engine: Engine, folder: Path | str, keep: int = 7, today: dt.date | None = None
) -> DailyBackup | None:
    """Today's backup of the embedded database in ``folder`` (``ipdesk-backup-DATE.sqlite3``),
    made unless a good one is there already; then only the newest ``keep`` are kept. Files
    of other names are never touched. Returns None for a PostgreSQL database: the shared
    server is backed up on the server (``ipdesk-admin backup`` from cron, or pg_dump)."""
    if not backs_up_daily(engine):
        return None
    if keep < 1:
        raise ValueError("keep must be at least 1")
    folder = Path(folder)
    day = today or legal_today()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error("创建", folder, exc) from None
    path = folder / f"ipdesk-backup-{day.isoformat()}.sqlite3"
    created = False
    try:
        inspect_backup(path)
    except BackupError:
        backup(engine, path, overwrite=True)
        created = True
    removed = []
    dated = sorted((m.group(1), p) for p in folder.iterdir() if (m := DAILY_PATTERN.match(p.name)))
    for _day, old in dated[: max(len(dated) - keep, 0)]:
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
                removed.append(old)
    # Half-written backups left by a crash (they never got their final name).
    for leftover in folder.glob(".ipdesk-backup-*.part"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    return DailyBackup(path, created, tuple(removed))
