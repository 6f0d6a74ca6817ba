"""Crash safety: do the evidence and document files match their records?

:func:`check_files` compares the file stores with the ``attachments`` and ``documents``
rows and reports three things, deleting nothing:

* records whose file is missing (or is not a regular file),
* records whose file differs from what was recorded (size, then SHA-256),
* files that no record references — among them the temporary files of a write that a
  crash interrupted (``.incoming/*.part``, ``.<name>.*.part``), marked ``incomplete``.

The app runs it at start-up in a worker, with ``verify_hashes=False`` (presence and size:
hashing every file at every start would keep the disk busy), and shows a banner with the
list of problems (``ipdesk/ui/maintenance/file_check.py``); the administrator decides
what to do with each file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import Attachment, Document

_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileProblem:
    kind: str  # "attachment" or "document"
    problem: str  # "missing", "size", "sha256", "bad_name", "unreferenced", "incomplete"
    path: str  # the stored name (relative to its store), or the file's path in it
    record_id: int | None = None
    expected: str | None = None
    found: str | None = None

    @property
    def message(self) -> str:
        what = "证据材料" if self.kind == "attachment" else "文书"
        record = f"（记录 {self.record_id}）" if self.record_id is not None else ""
        return {
            "missing": f"{what}文件缺失：{self.path}{record}",
            "size": (
                f"{what}文件大小不符：{self.path}{record}，"
                f"应为 {self.expected} 字节，实为 {self.found} 字节"
            ),
            "sha256": f"{what}文件内容与登记的 SHA-256 不符：{self.path}{record}",
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
    files: int  # files found in the stores
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


def check_files(
    session: Session,
    attachments_dir: Path | str,
    documents_dir: Path | str,
    *,
    verify_hashes: bool = True,
) -> FileReport:
    """Compare the stores with their records; report, never delete (see the module)."""
    found = _Findings()
    stores = {"attachment": Path(attachments_dir), "document": Path(documents_dir)}
    referenced: dict[Path, set[str]] = {}
    for kind, model in (("attachment", Attachment), ("document", Document)):
        store = stores[kind]
        names = referenced.setdefault(_key(store), set())
        rows = session.execute(
            select(model.id, model.stored_name, model.size, model.sha256).order_by(model.id)
        )
        for record_id, stored_name, size, sha256 in rows:
            found.records += 1
            names.add(stored_name)
            _check_record(found, kind, store, record_id, stored_name, size, sha256, verify_hashes)
    seen: set[Path] = set()
    for kind, store in stores.items():
        key = _key(store)
        if key in seen:
            continue  # one folder for both kinds
        seen.add(key)
        names = referenced.get(key, set())
        for relative in _files(store):
            found.files += 1
            if relative in names:
                continue
            leaf = PurePosixPath(relative).name
            incomplete = leaf.endswith(".part") and (
                relative.startswith(".incoming/") or leaf.startswith(".")
            )
            found.unreferenced.append(
                FileProblem(kind, "incomplete" if incomplete else "unreferenced", relative)
            )
    return FileReport(
        found.records,
        found.files,
        tuple(found.missing),
        tuple(found.damaged),
        tuple(found.unreferenced),
    )


def _key(store: Path) -> Path:
    try:
        return store.resolve()
    except OSError:
        return store.absolute()


def _resolve(store: Path, stored_name: str) -> Path | None:
    """The file of ``stored_name`` in ``store``; None for a name that leaves the store."""
    parts = PurePosixPath(stored_name).parts
    if not parts or stored_name.startswith("/") or any(p in ("..", ".", "") for p in parts):
        return None
    if "\\" in stored_name or "\x00" in stored_name:
        return None
    return store.joinpath(*parts)


def _check_record(
    found: _Findings,
    kind: str,
    store: Path,
    record_id: int,
    stored_name: str,
    size: int,
    sha256: str,
    verify_hashes: bool,
) -> None:
    path = _resolve(store, stored_name)
    if path is None:
        found.damaged.append(FileProblem(kind, "bad_name", stored_name, record_id))
        return
    try:
        stat = path.lstat()
    except OSError:
        found.missing.append(FileProblem(kind, "missing", stored_name, record_id))
        return
    if not path.is_file() or path.is_symlink():
        found.missing.append(FileProblem(kind, "missing", stored_name, record_id))
        return
    if stat.st_size != size:
        found.damaged.append(
            FileProblem(kind, "size", stored_name, record_id, str(size), str(stat.st_size))
        )
        return
    if not verify_hashes:
        return
    try:
        digest = _sha256(path)
    except OSError:
        found.missing.append(FileProblem(kind, "missing", stored_name, record_id))
        return
    if digest != sha256.lower():
        found.damaged.append(FileProblem(kind, "sha256", stored_name, record_id, sha256, digest))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


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
