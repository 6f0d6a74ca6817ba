"""The repair step that brings the files of earlier versions into the database.

Before migration 0010 every desktop kept its evidence files and generated documents in its
own folders (``<attachments>/<case id>/<sha256><suffix>``,
``<documents>/<case number>/<kind>-v<version>.docx``); the records named them. The
migration cannot know those folders, so :func:`import_local_files` runs wherever they
are: the desktop with its folders, in the background after the user's first page and
before its file check (``Desk.repair_local_files``), ``ipdesk-admin files import-local`` on
demand. For each record whose content is not in the database it looks for the record's
file in the folders given, checks it against the record (size and SHA-256, read in
chunks) and stores it (services/infra/blobs.py); a file that differs is not stored.

It is idempotent: a record whose content is stored is skipped (without reading its
file), so a second run — or a run on another desktop that has none of the files — stores
nothing and changes nothing. Each file is stored in a transaction of its own, so a run
that stops half-way keeps what it stored. The report lists the records that still lack
their content (no file here, or a file that differs); ``ipdesk-admin files verify`` and the
desktop's file check report them until a desktop that has the file runs the import.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Attachment, Document
from ipdesk.services.infra import blobs
from ipdesk.services.rules.evidence_types import kind_of

log = logging.getLogger(__name__)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class LackingRecord:
    kind: str  # "attachment" or "document"
    record_id: int
    stored_name: str
    reason: str  # "no_file" (not in the folders given), "differs" (size or SHA-256)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "record_id": self.record_id,
            "stored_name": self.stored_name,
            "reason": self.reason,
        }

    @property
    def message(self) -> str:
        what = "证据材料" if self.kind == "attachment" else "文书"
        why = "本机文件夹中没有该文件" if self.reason == "no_file" else "本机文件与记录不符"
        return f"{what}（记录 {self.record_id}）{self.stored_name}：{why}，内容仍不在数据库中"


@dataclass
class ImportReport:
    imported: int = 0  # records whose content this run stored (or found stored by a
    # record of the same content earlier in the run)
    present: int = 0  # records whose content was in the database already
    lacking: list[LackingRecord] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.lacking

    def as_dict(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "present": self.present,
            "lacking": [r.as_dict() for r in self.lacking],
        }


def _resolve(store: Path | None, stored_name: str) -> Path | None:
    """The file of ``stored_name`` in ``store``; None for a name that leaves the store."""
    if store is None:
        return None
    parts = PurePosixPath(stored_name).parts
    if not parts or stored_name.startswith("/") or any(p in ("..", ".", "") for p in parts):
        return None
    if "\\" in stored_name or "\x00" in stored_name:
        return None
    return store.joinpath(*parts)


def _lacking(session: Session) -> list[tuple[str, int, str, str, int]]:
    """(kind, id, stored name, sha256, size) of every record whose content is not stored."""
    stored = select(blobs.BLOBS.c.sha256)
    rows: list[tuple[str, int, str, str, int]] = []
    for kind, model in (("attachment", Attachment), ("document", Document)):
        rows += [
            (kind, record_id, stored_name, sha256, size)
            for record_id, stored_name, sha256, size in session.execute(
                select(model.id, model.stored_name, model.sha256, model.size)
                .where(model.sha256.not_in(stored))
                .order_by(model.id)
            )
        ]
    return rows


def import_local_files(
    factory: sessionmaker[Session],
    attachments_dir: Path | str | None,
    documents_dir: Path | str | None,
) -> ImportReport:
    """Store the content of every record that lacks it from the folders given (see the
    module); one transaction per file."""
    report = ImportReport()
    stores = {
        "attachment": Path(attachments_dir) if attachments_dir is not None else None,
        "document": Path(documents_dir) if documents_dir is not None else None,
    }
    with factory() as session:
        counts = {
            kind: session.scalar(select(func.count(model.id))) or 0
            for kind, model in (("attachment", Attachment), ("document", Document))
        }
        lacking = _lacking(session)
    report.present = sum(counts.values()) - len(lacking)
    for kind, record_id, stored_name, sha256, size in lacking:
        path = _resolve(stores[kind], stored_name)
        sha256 = sha256.lower()
        if path is None or not _SHA256.match(sha256) or not path.is_file() or path.is_symlink():
            report.lacking.append(LackingRecord(kind, record_id, stored_name, "no_file"))
            continue
        if not blobs.file_matches(path, sha256, size):
            report.lacking.append(LackingRecord(kind, record_id, stored_name, "differs"))
            continue
        content_kind = blobs.DOCX if kind == "document" else _evidence_kind(path)
        try:
            with factory.begin() as session:
                blobs.put_file(
                    session,
                    path,
                    kind=content_kind,
                    max_bytes=blobs.HARD_MAX_BYTES,
                    expected_sha256=sha256,
                )
        except (OSError, blobs.BlobError):  # changed since it was checked
            report.lacking.append(LackingRecord(kind, record_id, stored_name, "differs"))
            continue
        report.imported += 1
    if report.imported or report.lacking:
        log.info(
            "Import of local files: %d stored, %d present, %d still lacking",
            report.imported,
            report.present,
            len(report.lacking),
        )
    return report


def _evidence_kind(path: Path) -> str:
    kind = kind_of(path)
    return kind.key if kind is not None else "unknown"
