"""Do the evidence files and documents match their records?

The contents live in the database's content store (services/infra/blobs.py); the folders of a
desktop only hold private copies of what it opened. :func:`check_files` compares every
``attachments`` and ``documents`` row with its content, every content with its hash, and
reports, deleting nothing:

* records whose content is not in the database (``missing``: a file of an older version
  that the import of local files — services/infra/file_import.py — has not found),
* records whose content differs from what was recorded (``size``), contents whose chunks
  are missing or do not add up to their size (``chunks``) or, with ``verify_hashes``,
  differ from their SHA-256 (``sha256``): each record naming such a content is reported,
* contents that no record references and files in the desktop's folders that no record
  references — among them the temporary files of a write that a crash interrupted
  (``.incoming/*.part``, ``.<name>.*.part``), marked ``incomplete``.

The app runs it at start-up in a worker, with ``verify_hashes=False`` (presence and sizes,
from the chunks' lengths: hashing every content at every start would keep the database
busy), and shows a banner with the list of problems
(``ipdesk/ui/maintenance/file_check.py``); ``ipdesk-admin files verify`` runs it with the
hashes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, cast

from sqlalchemy import Select, Table, exists, func, or_, select, union_all
from sqlalchemy.orm import Session

from ipdesk.models import Attachment, Document
from ipdesk.services.actors import Actor
from ipdesk.services.infra import blobs


@dataclass(frozen=True)
class FileProblem:
    kind: str  # "attachment" or "document"
    problem: str  # "missing", "size", "chunks", "sha256", "bad_name", "unreferenced",
    # "unreferenced_content", "incomplete"
    path: str  # the stored name (relative to its store), or the file's path in it
    record_id: int | None = None
    expected: str | None = None
    found: str | None = None

    @property
    def message(self) -> str:
        what = "证据材料" if self.kind == "attachment" else "文书"
        record = f"（记录 {self.record_id}）" if self.record_id is not None else ""
        return {
            "missing": f"{what}文件缺失（内容不在数据库中）：{self.path}{record}",
            "size": (
                f"{what}文件大小不符：{self.path}{record}，"
                f"应为 {self.expected} 字节，实为 {self.found} 字节"
            ),
            "chunks": (
                f"{what}文件的内容不完整（数据块缺失或长度不符）：{self.path}{record}，"
                f"应为 {self.expected} 字节，实有 {self.found} 字节"
            ),
            "sha256": f"{what}文件内容与登记的 SHA-256 不符：{self.path}{record}",
            "unreferenced_content": f"没有记录引用的{what}内容：{self.path}",
            "bad_name": f"{what}记录的存储名无效：{self.path}{record}",
            "unreferenced": f"没有记录引用的{what}文件：{self.path}",
            "incomplete": f"未写完的{what}临时文件（程序曾中断）：{self.path}",
        }.get(self.problem, f"{what} {self.problem}：{self.path}{record}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "problem": self.problem,
            "path": self.path,
            "record_id": self.record_id,
            "expected": self.expected,
            "found": self.found,
            "message": self.message,
        }


@dataclass(frozen=True)
class FileReport:
    records: int  # records checked
    files: int  # files found in the folders, plus contents in the database
    missing: tuple[FileProblem, ...] = ()
    damaged: tuple[FileProblem, ...] = ()  # size or SHA-256 differs, or a bad stored name
    unreferenced: tuple[FileProblem, ...] = ()  # includes incomplete temporary files

    @property
    def ok(self) -> bool:
        """No record lacks its file and no file was changed (stray files are reported
        but do not make the stores inconsistent)."""
        return not self.missing and not self.damaged

    @property
    def problems(self) -> tuple[FileProblem, ...]:
        return self.missing + self.damaged + self.unreferenced

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "records": self.records,
            "files": self.files,
            "missing": [p.as_dict() for p in self.missing],
            "damaged": [p.as_dict() for p in self.damaged],
            "unreferenced": [p.as_dict() for p in self.unreferenced],
        }


@dataclass
class _Findings:
    records: int = 0
    files: int = 0
    missing: list[FileProblem] = field(default_factory=list)
    damaged: list[FileProblem] = field(default_factory=list)
    unreferenced: list[FileProblem] = field(default_factory=list)


def file_check(
    session: Session, actor: Actor, attachments: Path | None, documents: Path | None
) -> FileReport:
    """The start-up check of the files (a desk's call): every evidence and document record
    against its content, and the private copies in the stores (supplied by whoever runs the
    check: this computer's folders, or the server's). Everyone signed in may run it: it
    names files, not what they hold (sizes and hashes are not compared here)."""
    return check_files(session, attachments, documents, verify_hashes=False)


def check_files(
    session: Session,
    attachments_dir: Path | str | None,
    documents_dir: Path | str | None,
    *,
    verify_hashes: bool = True,
) -> FileReport:
    """Compare the records with their contents and the folders (None: no folder to look
    at, as on a server); report, never delete (see the module).

    The database finds the problems and returns only them (at a million records, loading
    every record and content into Python held the interpreter for seconds at every start):
    the contents whose chunks do not add up, the records whose content is missing, of
    another size or among those, the contents no record names; the folders' files are
    looked up by their names. A record names its content by its SHA-256 in any case (the
    contents' are lower-case)."""
    found = _Findings()
    checked, problems = blobs.check_blobs(session, verify_hashes=verify_hashes)
    found.files += checked
    bad = {p.sha256: p for p in problems}
    for kind, table in (("attachment", ATTACHMENTS), ("document", DOCUMENTS)):
        found.records += session.scalar(select(func.count()).select_from(table)) or 0
        for record_id, stored_name, size, content, content_size in _record_problems(
            session, table, bad
        ):
            if content is None:
                found.missing.append(FileProblem(kind, "missing", stored_name, record_id))
            elif content_size != size:
                found.damaged.append(
                    FileProblem(kind, "size", stored_name, record_id, str(size), str(content_size))
                )
            else:
                problem = bad[content]
                found.damaged.append(
                    FileProblem(
                        kind,
                        problem.problem,
                        stored_name,
                        record_id,
                        problem.expected,
                        problem.found,
                    )
                )
    for sha256 in sorted(
        session.scalars(unreferenced_contents_query(session.get_bind().dialect.name))
    ):
        found.unreferenced.append(FileProblem("attachment", "unreferenced_content", sha256))
    stores = {
        kind: Path(folder)
        for kind, folder in (("attachment", attachments_dir), ("document", documents_dir))
        if folder is not None
    }
    _check_folders(session, found, stores)
    return FileReport(
        found.records,
        found.files,
        tuple(found.missing),
        tuple(found.damaged),
        tuple(found.unreferenced),
    )


ATTACHMENTS = cast(Table, Attachment.__table__)
DOCUMENTS = cast(Table, Document.__table__)
_TABLES = {"attachment": ATTACHMENTS, "document": DOCUMENTS}
_BATCH = 500
"""Names per look-up of the folders' files (well under every database's limit of
parameters)."""
_IN_LIST = 900
"""The most contents a statement names (under SQLite's oldest limit of 999 parameters)."""


def _record_problems(
    session: Session, table: Table, bad: dict[str, blobs.BlobProblem]
) -> list[tuple[int, str, int, str | None, int | None]]:
    """The records of ``table`` that have a problem, by id: (id, stored name, size, their
    content's SHA-256 — None when it is missing —, its size). Problems: the content is
    missing or of another size, or it is among the ``bad`` ones (chunks that do not add
    up, a SHA-256 that differs): one pass over the records, named in the statement — or,
    when there are more than :data:`_IN_LIST` (a content table in ruins), looked up again
    by the database (chunks) or named in batches (hashes, verified at the admin's
    request, each batch a pass: no index names the records' contents)."""
    shas = sorted(bad)
    if len(shas) <= _IN_LIST:
        return [(*row,) for row in session.execute(record_problems_query(table, shas))]
    chunks = any(p.problem == "chunks" for p in bad.values())
    rows = [(*row,) for row in session.execute(record_problems_query(table, None, chunks))]
    hashes = [sha for sha in shas if bad[sha].problem != "chunks"]
    content = blobs.BLOBS.c
    step = max(_IN_LIST, 1)
    for start in range(0, len(hashes), step):
        batch = hashes[start : start + step]
        statement = _record_contents(table).where(
            content.sha256.in_(batch), content.size == table.c.size
        )
        rows += [(*row,) for row in session.execute(statement)]
    rows.sort(key=lambda row: row[0])
    return rows


def _record_contents(table: Table) -> Select[int, str, int, str | None, int | None]:
    """The records of ``table`` with their content's SHA-256 and size (None: missing)."""
    content = blobs.BLOBS.c
    return select(
        table.c.id, table.c.stored_name, table.c.size, content.sha256, content.size
    ).select_from(table.outerjoin(blobs.BLOBS, content.sha256 == func.lower(table.c.sha256)))


def record_problems_query(
    table: Table, bad: Sequence[str] | None, chunks: bool = False
) -> Select[int, str, int, str | None, int | None]:
    """The statement of the records of ``table`` whose content is missing or of another
    size or is among ``bad`` (SHA-256s) or, with ``chunks``, has chunks that do not add up,
    by id (see :func:`_record_problems`)."""
    content = blobs.BLOBS.c
    condition = or_(content.sha256.is_(None), content.size != table.c.size)
    if bad:
        condition = or_(condition, content.sha256.in_(bad))
    if chunks:
        named = blobs.chunk_problems_query().subquery("bad")
        condition = or_(condition, content.sha256.in_(select(named.c.sha256)))
    return _record_contents(table).where(condition).order_by(table.c.id)


def unreferenced_contents_query(dialect: str) -> Select[str]:
    """The contents no record names (in no order), for the ``dialect`` named: SQLite
    looks each content up in the records' SHA-256s gathered once (NOT IN: an index it
    builds); PostgreSQL anti-joins (NOT EXISTS: a hash of the records; its NOT IN would
    look through them for each content once they outgrow its working memory)."""
    content = blobs.BLOBS.c.sha256
    if dialect == "sqlite":
        named = union_all(
            select(func.lower(ATTACHMENTS.c.sha256)), select(func.lower(DOCUMENTS.c.sha256))
        )
        return select(content).where(content.not_in(named))
    return select(content).where(
        ~exists().where(func.lower(ATTACHMENTS.c.sha256) == content),
        ~exists().where(func.lower(DOCUMENTS.c.sha256) == content),
    )


def _check_folders(session: Session, found: _Findings, stores: dict[str, Path]) -> None:
    """The desktop's folders: files no record names (copies are named like the records;
    a folder shared by both kinds is looked at once, against both). Only the names of
    the files found are looked up."""
    kinds: dict[Path, list[str]] = {}
    for kind, store in stores.items():
        kinds.setdefault(_key(store), []).append(kind)
    seen: set[Path] = set()
    for kind, store in stores.items():
        key = _key(store)
        if key in seen:
            continue  # one folder for both kinds
        seen.add(key)
        files = list(_files(store))
        found.files += len(files)
        names = _recorded(session, [_TABLES[k] for k in kinds[key]], files)
        for relative in files:
            if relative in names:
                continue
            leaf = PurePosixPath(relative).name
            incomplete = leaf.endswith(".part") and (
                relative.startswith(".incoming/") or leaf.startswith(".")
            )
            found.unreferenced.append(
                FileProblem(kind, "incomplete" if incomplete else "unreferenced", relative)
            )


def _recorded(session: Session, tables: list[Table], names: list[str]) -> set[str]:
    """Those of ``names`` that a record of ``tables`` has as its stored name (unique and
    indexed: a look-up each)."""
    recorded: set[str] = set()
    for start in range(0, len(names), _BATCH):
        batch = names[start : start + _BATCH]
        for table in tables:
            recorded.update(
                session.scalars(select(table.c.stored_name).where(table.c.stored_name.in_(batch)))
            )
    return recorded


def _key(store: Path) -> Path:
    try:
        return store.resolve()
    except OSError:
        return store.absolute()


def _files(store: Path) -> Iterator[str]:
    """Every regular file under ``store`` as a '/'-separated relative name, sorted."""
    if not store.is_dir():
        return
    for root, dirs, files in os.walk(store):
        dirs.sort()
        base = Path(root)
        for name in sorted(files):
            path = base / name
            if path.is_symlink() or not path.is_file():
                continue
            yield path.relative_to(store).as_posix()
