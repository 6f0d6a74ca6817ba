"""Adding evidence to a case after registration (a late photo of the infringing goods, a
purchase receipt, a notarial certificate).

Who and when: ``CaseAction.ADD_EVIDENCE`` of services/workflow.py (the case's handler
until mediation ends; staff of the case's station while it is registered). The files go
through the intake's attachment storage (:func:`ipdesk.services.intake.store_attachments`:
the same checks, content-addressed names, atomic placement, removal when the transaction
does not commit), show in the case's evidence list, and the timeline event
``evidence_added`` names each file with its description.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from ipdesk.models import EventKind
from ipdesk.services import intake, workflow
from ipdesk.services.actors import Actor


@workflow.optimistic
def add_evidence(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    attachments: Sequence[intake.AttachmentInput],
    *,
    store: Path,
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
