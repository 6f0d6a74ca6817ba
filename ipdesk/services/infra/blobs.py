"""The content-addressed store of evidence files and generated documents, in the database.

Every content is stored once, keyed by its SHA-256 (:class:`ipdesk.models.Blob`), its
bytes in rows of at most :data:`CHUNK_BYTES` (:class:`ipdesk.models.BlobChunk`). Nothing
here holds a whole file in memory:

* :func:`put_file` reads a file in chunks, hashing and counting as it goes; the chunks are
  inserted one by one in the caller's transaction (a rollback leaves nothing). The file is
  read twice: once to learn its hash (an equal content already stored is not written
  again, and a file over the limit is refused before anything is written), once to write
  it, hashed again — a file changed in between is refused, never stored under another
  content's name.
* :func:`iter_chunks` yields a content chunk by chunk (one query per chunk), checking its
  size and hash at the end; :func:`write_file` writes it into a file atomically;
  :func:`cached_file` keeps such a file as a private cache for the system's viewer.

The statements go through the session's connection, in its transaction, but around the
ORM: the flush hooks (audit, dashboard summary) see no blob writes, and no ORM object holds
a chunk. The same functions serve a server that streams uploads and downloads.

Limits: each caller passes its own (``max_bytes``: the attachment limit of intake,
:data:`MAX_DOCUMENT_BYTES` for generated documents); :data:`HARD_MAX_BYTES` bounds all.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final, cast

from sqlalchemy import Connection, Select, Table, func, insert, or_, select
from sqlalchemy.orm import Session

from ipdesk.dialects import postgresql, sqlite
from ipdesk.models import Blob, BlobChunk
from ipdesk.models.base import utcnow
from ipdesk.services.errors import ServiceError

CHUNK_BYTES: Final = 256 * 1024
"""The largest chunk row (and the unit every read and write works in)."""
MAX_DOCUMENT_BYTES: Final = 64 << 20
"""The largest generated document the store takes."""
HARD_MAX_BYTES: Final = 2 << 30
"""No content is larger, whatever limit a caller passes."""
DOCX: Final = "docx"
"""The kind of generated documents."""

BLOBS: Final = cast(Table, Blob.__table__)
CHUNKS: Final = cast(Table, BlobChunk.__table__)


class BlobError(ServiceError):
    code = "blob_error"


class BlobTooLarge(BlobError):
    code = "blob_too_large"


class BlobMissing(BlobError):
    code = "blob_missing"


class BlobDamaged(BlobError):
    code = "blob_damaged"


class BlobChanged(BlobError):
    """The source changed while it was being stored."""

    code = "blob_changed"


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    kind: str
    new: bool  # False: the content was stored already (nothing written)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} 字节"


def _connection(session: Session | Connection) -> Connection:
    return session.connection() if isinstance(session, Session) else session


def _too_large(size: int, limit: int, name: str) -> BlobTooLarge:
    return BlobTooLarge(
        f"文件“{name}”大小为{size_text(size)}，超过上限{size_text(limit)}",
        name=name,
        size=size,
        limit=limit,
    )


def digest_of(source: IO[bytes], max_bytes: int, name: str = "") -> tuple[str, int]:
    """The SHA-256 and size of what ``source`` holds from its position on, read in chunks;
    BlobTooLarge as soon as it exceeds ``max_bytes``."""
    limit = min(max_bytes, HARD_MAX_BYTES)
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit, name)
        digest.update(chunk)
    return digest.hexdigest(), size


def stored(session: Session | Connection, sha256: str) -> Blob | None:
    """The stored content with ``sha256`` (its row's values, detached), or None."""
    row = _connection(session).execute(select(BLOBS).where(BLOBS.c.sha256 == sha256)).first()
    if row is None:
        return None
    return Blob(
        sha256=row.sha256,
        size=row.size,
        kind=row.kind,
        chunks=row.chunks,
        created_at=row.created_at,
    )


def put_stream(
    session: Session | Connection,
    source: IO[bytes],
    *,
    kind: str,
    max_bytes: int,
    name: str = "",
    expected_sha256: str | None = None,
) -> StoredBlob:
    """Store what the binary ``source`` holds from its position on (see the module):
    BlobTooLarge over ``max_bytes``, BlobChanged when the source changed between the two
    reads or is not ``expected_sha256``. Nothing is written for a content stored already.

    A source that cannot seek (a network upload, a pipe) is read once, into a private
    temporary file (in memory up to one chunk), and stored from there."""
    if not _seekable(source):
        with tempfile.SpooledTemporaryFile(max_size=CHUNK_BYTES) as spool:
            limit = min(max_bytes, HARD_MAX_BYTES)
            size = 0
            while chunk := source.read(CHUNK_BYTES):
                size += len(chunk)
                if size > limit:
                    raise _too_large(size, limit, name)
                spool.write(chunk)
            spool.seek(0)
            return put_stream(
                session,
                cast(IO[bytes], spool),
                kind=kind,
                max_bytes=max_bytes,
                name=name,
                expected_sha256=expected_sha256,
            )
    start = source.tell()
    sha256, size = digest_of(source, max_bytes, name)
    if expected_sha256 is not None and sha256 != expected_sha256:
        raise BlobChanged(f"文件“{name}”的内容与登记的 SHA-256 不符", name=name)
    conn = _connection(session)
    chunks = (size + CHUNK_BYTES - 1) // CHUNK_BYTES
    if not _claim(conn, sha256, size, kind, chunks):
        return StoredBlob(sha256, size, kind, new=False)
    source.seek(start)
    digest = hashlib.sha256()
    written = 0
    for seq in range(chunks):
        data = source.read(min(CHUNK_BYTES, size - written))
        digest.update(data)
        written += len(data)
        conn.execute(insert(CHUNKS), {"sha256": sha256, "seq": seq, "data": data})
    if written != size or source.read(1) or digest.hexdigest() != sha256:
        raise BlobChanged(f"文件“{name}”在保存过程中被改动，请重新选择", name=name)
    return StoredBlob(sha256, size, kind, new=True)


def _seekable(source: IO[bytes]) -> bool:
    try:
        return source.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _claim(conn: Connection, sha256: str, size: int, kind: str, chunks: int) -> bool:
    """Insert the content's row unless it is there; whether this transaction writes it.
    A concurrent writer of the same content makes this wait for its outcome (PostgreSQL)
    or is serialised by the write lock (SQLite)."""
    values = {
        "sha256": sha256,
        "size": size,
        "kind": kind,
        "chunks": chunks,
        "created_at": utcnow(),
    }
    dialect: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(BLOBS).values(values).on_conflict_do_nothing()
    return conn.execute(statement.returning(BLOBS.c.sha256)).first() is not None


def put_file(
    session: Session | Connection,
    path: Path,
    *,
    kind: str,
    max_bytes: int,
    name: str | None = None,
    expected_sha256: str | None = None,
) -> StoredBlob:
    """Store the file at ``path`` (see :func:`put_stream`)."""
    with Path(path).open("rb") as source:
        return put_stream(
            session,
            source,
            kind=kind,
            max_bytes=max_bytes,
            name=name or path.name,
            expected_sha256=expected_sha256,
        )


def put_bytes(
    session: Session | Connection, data: bytes, *, kind: str, max_bytes: int, name: str = ""
) -> StoredBlob:
    """Store ``data`` (a content already in memory, such as a rendered document)."""
    return put_stream(session, io.BytesIO(data), kind=kind, max_bytes=max_bytes, name=name)


def iter_chunks(
    session: Session | Connection, sha256: str, *, name: str = "", verify: bool = True
) -> Iterator[bytes]:
    """The content's bytes, chunk by chunk (one query each). BlobMissing when it is not
    stored; BlobDamaged (after the last chunk, or at a missing one) when its chunks do not
    add up to its size or, with ``verify``, to its hash."""
    conn = _connection(session)
    blob = stored(conn, sha256)
    label = name or sha256[:12]
    if blob is None:
        raise BlobMissing(f"文件“{label}”的内容不在数据库中", name=label, sha256=sha256)
    digest = hashlib.sha256()
    size = 0
    for seq in range(blob.chunks):
        data = conn.scalar(
            select(CHUNKS.c.data).where(CHUNKS.c.sha256 == sha256, CHUNKS.c.seq == seq)
        )
        if data is None:
            raise BlobDamaged(f"文件“{label}”的内容缺少第 {seq + 1} 块", name=label, sha256=sha256)
        data = bytes(data)
        size += len(data)
        if verify:
            digest.update(data)
        yield data
    if size != blob.size or (verify and digest.hexdigest() != sha256):
        raise BlobDamaged(
            f"文件“{label}”的内容已损坏，与登记的 SHA-256 不符", name=label, sha256=sha256
        )


def write_file(session: Session | Connection, sha256: str, path: Path, *, name: str = "") -> Path:
    """Write the content into ``path`` atomically (a private temporary file beside it,
    renamed when whole and verified), readable by its owner only."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in iter_chunks(session, sha256, name=name or path.name):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return path


def file_matches(path: Path, sha256: str, size: int) -> bool:
    """Whether ``path`` is a regular file holding exactly the content ``sha256``."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size != size:
            return False
        with path.open("rb") as fh:
            return digest_of(fh, HARD_MAX_BYTES)[0] == sha256
    except (OSError, BlobTooLarge):
        return False


def cached_file(
    session: Session | Connection, sha256: str, size: int, path: Path, *, name: str = ""
) -> Path:
    """``path`` holding the content ``sha256``: the file there when it holds it already (a
    cache of an earlier opening), else written from the database. For the system's viewer:
    the database is the source of truth, the file only a private copy."""
    path = Path(path)
    if file_matches(path, sha256, size):
        return path
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
    return write_file(session, sha256, path, name=name)


# --------------------------------------------------------------------------- checks


@dataclass(frozen=True, order=True)
class BlobProblem:
    sha256: str
    problem: str  # "chunks" (missing or extra rows, wrong size), "sha256"
    expected: str | None = None
    found: str | None = None


def chunk_problems(session: Session | Connection) -> list[BlobProblem]:
    """The contents whose chunk rows do not add up to their row (their number is not its
    ``chunks``, or their total length not its ``size``: a chunk lost, cut or added), found
    by the database (one pass over the chunks' lengths, not their bytes), sorted by
    SHA-256. Only the problems come back, whatever the number of contents."""
    conn = _connection(session)
    statement = chunk_problems_query()
    return sorted(
        BlobProblem(sha256, "chunks", str(size), str(total))
        for sha256, size, total in conn.execute(statement)
    )


def chunk_problems_query() -> Select[str, int, int]:
    """The statement of :func:`chunk_problems`: (sha256, size, total length of its
    chunks) of each content whose chunks do not add up (for a caller that joins it)."""
    sizes = (
        select(
            CHUNKS.c.sha256.label("sha256"),
            func.count().label("n"),
            func.sum(func.length(CHUNKS.c.data)).label("total"),
        )
        .group_by(CHUNKS.c.sha256)
        .subquery("sizes")
    )
    n = func.coalesce(sizes.c.n, 0)
    total = func.coalesce(sizes.c.total, 0)
    return (
        select(BLOBS.c.sha256, BLOBS.c.size, total.label("total"))
        .select_from(BLOBS.outerjoin(sizes, sizes.c.sha256 == BLOBS.c.sha256))
        .where(or_(n != BLOBS.c.chunks, total != BLOBS.c.size))
    )


def check_blobs(
    session: Session | Connection, *, verify_hashes: bool = True
) -> tuple[int, list[BlobProblem]]:
    """Every stored content against its row (its chunks' number and total length, see
    :func:`chunk_problems`) and, with ``verify_hashes``, against its SHA-256 (streamed).
    Returns the number of contents checked and the problems, sorted by SHA-256."""
    conn = _connection(session)
    count = conn.scalar(select(func.count()).select_from(BLOBS)) or 0
    problems = chunk_problems(conn)
    if verify_hashes:
        broken = {p.sha256 for p in problems}
        for sha256 in conn.scalars(select(BLOBS.c.sha256).order_by(BLOBS.c.sha256)).all():
            if sha256 in broken:
                continue
            try:
                for _chunk in iter_chunks(conn, sha256):
                    pass
            except BlobError:
                problems.append(BlobProblem(sha256, "sha256", sha256))
        problems.sort()
    return count, problems
