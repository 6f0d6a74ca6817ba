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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
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
    at, as on a server); report, never delete (see the module)."""
    found = _Findings()
    contents = {
        sha: (size, chunks)
        for sha, size, chunks in session.execute(
            select(blobs.BLOBS.c.sha256, blobs.BLOBS.c.size, blobs.BLOBS.c.chunks)
        )
    }
    checked, problems = blobs.check_blobs(session, verify_hashes=verify_hashes)
    found.files += checked
    bad = {p.sha256: p for p in problems}
    referenced_contents: set[str] = set()
    stores = {
        kind: Path(folder)
        for kind, folder in (("attachment", attachments_dir), ("document", documents_dir))
        if folder is not None
    }
    referenced: dict[Path, set[str]] = {}
    for kind, model in (("attachment", Attachment), ("document", Document)):
        store = stores.get(kind)
        names = referenced.setdefault(_key(store), set()) if store is not None else set()
        rows = session.execute(
            select(model.id, model.stored_name, model.size, model.sha256).order_by(model.id)
        )
        for record_id, stored_name, size, sha256 in rows:
            found.records += 1
            names.add(stored_name)
            sha256 = sha256.lower()
            referenced_contents.add(sha256)
            content = contents.get(sha256)
            if content is None:
                found.missing.append(FileProblem(kind, "missing", stored_name, record_id))
            elif content[0] != size:
                found.damaged.append(
                    FileProblem(kind, "size", stored_name, record_id, str(size), str(content[0]))
                )
            elif sha256 in bad:
                problem = bad[sha256]
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
    for sha256 in sorted(set(contents) - referenced_contents):
        found.unreferenced.append(FileProblem("attachment", "unreferenced_content", sha256))
    _check_folders(found, stores, referenced)
    return FileReport(
        found.records,
        found.files,
        tuple(found.missing),
        tuple(found.damaged),
        tuple(found.unreferenced),
    )


def _check_folders(
    found: _Findings, stores: dict[str, Path], referenced: dict[Path, set[str]]
) -> None:
    """The desktop's folders: files no record names (copies are named like the records)."""
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
