"""Recording what happened to a case: one timeline event per change, same transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ipdesk.models import Case, CaseEvent, CaseStatus, EventKind
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor


def record_event(
    session: Session,
    case: Case,
    actor: Actor,
    kind: EventKind,
    *,
    from_status: CaseStatus | None = None,
    to_status: CaseStatus | None = None,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
) -> CaseEvent:
    event = CaseEvent(
        case=case,
        at=utcnow(),
        user_id=actor.user_id,
        kind=kind.value,
        from_status=from_status.value if from_status else None,
        to_status=to_status.value if to_status else None,
        reason=reason,
        details=details,
    )
    session.add(event)
    return event
