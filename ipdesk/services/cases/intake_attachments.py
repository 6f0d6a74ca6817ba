"""The evidence files of an intake (and those added later, services/cases/evidence.py): checked
(size, name, kind by content, duplicates), staged as private copies and stored in the
database's content store (services/infra/blobs.py) in the caller's transaction."""

from __future__ import annotations

import hashlib
import tempfile
import unicodedata
import uuid
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import (
    Attachment,
    Case,
)
from ipdesk.paths import user_data_dir
from ipdesk.services.actors import Actor
from ipdesk.services.cases.intake_form import AttachmentInput, StoredAttachment
from ipdesk.services.cases.intake_validation import MAX_LENGTHS, field_error
from ipdesk.services.errors import ValidationError, ValidationErrors
from ipdesk.services.infra import blobs
from ipdesk.services.queries.lookups import strip_unsafe_chars
from ipdesk.services.rules.evidence_types import ALLOWED_TEXT, EvidenceKind, kind_of, stored_suffix

DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def default_attachment_store() -> Path:
    """Where the desktop keeps the private copies of evidence files it opens (and where
    earlier versions kept the files themselves): <user data dir>/attachments."""
    return user_data_dir() / "attachments"


def attachment_path(store: Path, stored_name: str) -> Path:
    """Where an attachment's private copy lies in ``store`` (written from the database by
    :func:`ipdesk.services.cases.evidence.attachment_file` for the system's viewer)."""
    return store.joinpath(*stored_name.split("/"))


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} 字节"


def check_attachment_sizes(
    attachments: Sequence[AttachmentInput], max_bytes: int
) -> list[ValidationError]:
    errors = []
    for index, item in enumerate(attachments):
        field = f"attachments[{index}]"
        try:
            stat = item.path.stat()
        except OSError:
            errors.append(field_error(field, "attachment_missing", name=item.original_name))
            continue
        if not item.path.is_file():
            errors.append(field_error(field, "attachment_missing", name=item.original_name))
        elif stat.st_size > max_bytes:
            errors.append(
                field_error(
                    field,
                    "attachment_too_large",
                    name=item.original_name,
                    size=_size_text(stat.st_size),
                    limit=_size_text(max_bytes),
                )
            )
        elif len(name := evidence_name(item.original_name)) > MAX_ATTACHMENT_NAME:
            errors.append(
                field_error(
                    field, "attachment_name_too_long", length=len(name), limit=MAX_ATTACHMENT_NAME
                )
            )
        elif len(item.description) > MAX_LENGTHS["description"]:
            errors.append(field_error(field, "text_too_long", limit=MAX_LENGTHS["description"]))
    return errors


MAX_ATTACHMENT_NAME = 260
"""The longest evidence file name (characters, after :func:`evidence_name`)."""


def evidence_name(name: str) -> str:
    """An attached file's name as stored and shown: NFC, without control, zero-width or
    bidi characters ("合同\u202efdp.exe" would show as "合同exe.pdf") or noncharacters,
    stripped; "未命名文件" when nothing is left."""
    return strip_unsafe_chars(unicodedata.normalize("NFC", name)).strip() or "未命名文件"


@dataclass
class _Staged:
    index: int
    item: AttachmentInput
    temp: Path
    sha256: str
    size: int
    kind: EvidenceKind | None = None


@dataclass
class FileSet:
    """The private copies of one registration's files, staged for their checks (kind by
    content, size, duplicates) and stored from there into the database's content store
    (services/infra/blobs.py) in the caller's transaction; removed once stored or refused."""

    staged: list[_Staged] = field(default_factory=list)
    folder: Path | None = None  # a private temporary folder, made on the first file

    def remove(self) -> None:
        for staged in self.staged:
            with suppress(OSError):
                staged.temp.unlink(missing_ok=True)
        if self.folder is not None:
            with suppress(OSError):
                self.folder.rmdir()

    def stage(self, index: int, item: AttachmentInput, max_bytes: int) -> None:
        """Copy a file into a private temporary folder, hashing it on the way (a copy
        nobody else can change between its checks and its storing)."""
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="ipdesk-incoming-"))
        temp = self.folder / f"{uuid.uuid4().hex}.part"
        digest = hashlib.sha256()
        size = 0
        field_name = f"attachments[{index}]"
        staged = _Staged(index, item, temp, "", 0)
        self.staged.append(staged)
        try:
            with item.path.open("rb") as source, temp.open("xb") as target:
                while chunk := source.read(blobs.CHUNK_BYTES):
                    size += len(chunk)
                    if size > max_bytes:
                        raise field_error(
                            field_name,
                            "attachment_too_large",
                            name=item.original_name,
                            size=_size_text(size),
                            limit=_size_text(max_bytes),
                        )
                    digest.update(chunk)
                    target.write(chunk)
        except OSError:
            raise field_error(
                field_name, "attachment_unreadable", name=item.original_name
            ) from None
        staged.sha256, staged.size = digest.hexdigest(), size
        staged.kind = kind_of(temp)  # by content: the name may lie
        if staged.kind is None:
            raise field_error(
                field_name,
                "attachment_type_refused",
                name=evidence_name(item.original_name),
                allowed=ALLOWED_TEXT,
            )

    def place(self, session: Session, staged: _Staged, case_id: int) -> str:
        """Store a staged file's content in the database (once per content, in the
        session's transaction); return the attachment's stored name, the name of its
        private copy when a desktop opens it (see :func:`attachment_path`)."""
        assert staged.kind is not None
        name = evidence_name(staged.item.original_name)
        content = blobs.put_file(
            session, staged.temp, kind=staged.kind.key, max_bytes=blobs.HARD_MAX_BYTES, name=name
        )
        if content.sha256 != staged.sha256:  # the private copy changed under us
            raise field_error(f"attachments[{staged.index}]", "attachment_unreadable", name=name)
        # an extension of its kind: the system opens it with a viewer of what it is
        suffix = stored_suffix(staged.kind, name)
        return f"{case_id}/{staged.sha256}{suffix}"


def record_files(session: Session, actor: Actor, case_id: int, files: FileSet) -> list[Attachment]:
    """Move the staged files of ``files`` into place and add their rows to the case."""
    stored: list[Attachment] = []
    for staged in files.staged:
        attachment = Attachment(
            case_id=case_id,
            original_name=evidence_name(staged.item.original_name),
            stored_name=files.place(session, staged, case_id),
            sha256=staged.sha256,
            size=staged.size,
            description=staged.item.description.strip() or None,
            added_by_id=actor.user_id,
        )
        session.add(attachment)
        stored.append(attachment)
    return stored


def stored_attachments(rows: Sequence[Attachment]) -> tuple[StoredAttachment, ...]:
    return tuple(
        StoredAttachment(a.id, a.original_name, a.stored_name, a.sha256, a.size, a.description)
        for a in rows
    )


def store_attachments(
    session: Session,
    actor: Actor,
    case: Case,
    attachments: Sequence[AttachmentInput],
    *,
    store: Path | None = None,
    max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
) -> tuple[StoredAttachment, ...]:
    """Add evidence ``attachments`` to a registered ``case`` exactly as intake stores them
    (checks, staging, the content into the database's store), in the caller's transaction
    (``store`` is ignored, as by :func:`register_case`). The caller has checked that
    ``actor`` may add evidence. Refuses with :class:`ValidationErrors`
    (``attachments[i]``): no file, a missing, unreadable or too large file, two equal
    files, or a file the case holds already."""
    if not attachments:
        raise ValidationErrors([field_error("attachments", "attachments_empty")])
    errors = check_attachment_sizes(attachments, max_attachment_bytes)
    if errors:
        raise ValidationErrors(errors)
    files = FileSet()
    try:
        for index, item in enumerate(attachments):
            files.stage(index, item, max_attachment_bytes)
        refuse_duplicate_files(files)
        held: dict[str, str] = {
            sha: name
            for sha, name in session.execute(
                select(Attachment.sha256, Attachment.original_name).where(
                    Attachment.case_id == case.id
                )
            )
        }
        errors = [
            field_error(
                f"attachments[{staged.index}]",
                "attachment_exists",
                name=staged.item.original_name,
                other=held[staged.sha256],
            )
            for staged in files.staged
            if staged.sha256 in held
        ]
        if errors:
            raise ValidationErrors(errors)
        rows = record_files(session, actor, case.id, files)
        session.flush()
    finally:
        files.remove()
    return stored_attachments(rows)


def refuse_duplicate_files(files: FileSet) -> None:
    seen: dict[str, int] = {}
    errors = []
    for staged in files.staged:
        if staged.sha256 in seen:
            errors.append(
                field_error(
                    f"attachments[{staged.index}]",
                    "attachment_duplicate",
                    name=staged.item.original_name,
                    other=seen[staged.sha256] + 1,
                )
            )
        else:
            seen[staged.sha256] = staged.index
    if errors:
        raise ValidationErrors(errors)
