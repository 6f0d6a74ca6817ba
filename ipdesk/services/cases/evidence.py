"""Adding evidence to a case after registration (a late photo of the infringing goods, a
purchase receipt, a notarial certificate).

Who and when: ``CaseAction.ADD_EVIDENCE`` of services/cases/workflow.py (the case's handler
until mediation ends; staff of the case's station while it is registered). The files go
through the intake's attachment storage (:func:`ipdesk.services.cases.intake.store_attachments`:
the same checks, the content into the database's content store in the caller's
transaction, services/infra/blobs.py), show in the case's evidence list, and the timeline event
``evidence_added`` names each file with its description. Whoever may see the case opens
them on any desktop (:func:`attachment_file`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from ipdesk.models import Attachment, Case, EventKind
from ipdesk.services.actors import Actor
from ipdesk.services.cases import intake, workflow
from ipdesk.services.errors import NotFound
from ipdesk.services.infra import blobs
from ipdesk.services.rules.access import require_case
from ipdesk.services.rules.evidence_types import check_openable


@workflow.optimistic
def add_evidence(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    attachments: Sequence[intake.AttachmentInput],
    *,
    store: Path | None = None,
    max_attachment_bytes: int = intake.DEFAULT_MAX_ATTACHMENT_BYTES,
) -> tuple[intake.StoredAttachment, ...]:
    """Store ``attachments`` as evidence of the case, in the caller's transaction.
    Refuses like every case action, and with :class:`ValidationErrors` on
    ``attachments[i]`` as intake does (also for a file the case holds already)."""
    case = workflow.load_for(
        session, actor, case_id, expected_version, workflow.CaseAction.ADD_EVIDENCE
    )
    stored = intake.store_attachments(
        session,
        actor,
        case,
        attachments,
        store=store,
        max_attachment_bytes=max_attachment_bytes,
    )
    workflow.finish(
        session,
        actor,
        case,
        EventKind.EVIDENCE_ADDED,
        details={
            "files": [
                {"id": a.id, "name": a.original_name, "description": a.description, "size": a.size}
                for a in stored
            ]
        },
    )
    return stored


_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,5}$")


def attachment_file(session: Session, actor: Actor, attachment_id: int, store: Path) -> Path:
    """A private copy of an evidence file in ``store`` (``<case id>/<sha256><suffix>``),
    for the system's viewer: any user who may see the case may open its evidence. The
    copy is written from the database's content store unless the one there holds the
    recorded content already; it is refused unless it is an allowed kind under an
    extension of that kind (:func:`check_openable`). BlobMissing when the content is not
    in the database (a file of an older version not imported yet), BlobDamaged when it
    differs from its record."""
    row = session.get(Attachment, attachment_id)
    case = session.get(Case, row.case_id) if row is not None else None
    if row is None or case is None:
        raise NotFound(f"证据 {attachment_id} 不存在", attachment_id=attachment_id)
    require_case(actor, case)
    suffix = Path(row.stored_name).suffix.lower()
    sha256 = row.sha256.lower()
    if not _SHA256.match(sha256):  # a crafted record must not name a path
        raise blobs.BlobMissing(
            f"证据“{row.original_name}”的记录无效", name=row.original_name, sha256=sha256[:64]
        )
    path = Path(store) / str(row.case_id) / (sha256 + (suffix if _SUFFIX.match(suffix) else ""))
    blobs.cached_file(session, sha256, row.size, path, name=row.original_name)
    check_openable(path)  # never hand a program to the system's handler
    return path
