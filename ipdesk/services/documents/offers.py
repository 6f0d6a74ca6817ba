"""Which documents a case offers its user now, and what each still lacks.

A kind is offered when the case has reached the stage it belongs to (an acceptance notice
once the case is accepted, a rejection notice for a rejected case, the agreement from
mediation on, the confirmation application once there is an agreement, consultation
letters when there is a consultation, …) and the user may issue documents for the case
(:func:`~ipdesk.services.documents.rendering.require_document_rights`). Each offer names
what the document must state and the case lacks, so the window can say so before the
user presses Generate; rendering checks everything again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ipdesk.models import CaseStatus
from ipdesk.services.actors import Actor
from ipdesk.services.documents import adjudication as adjudication_docs
from ipdesk.services.documents.context import (
    CaseFacts,
    effective_status,
    gather_facts,
    missing_from,
)
from ipdesk.services.documents.kinds import DocumentKind
from ipdesk.services.documents.rendering import load_case, require_document_rights
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.rules.access import require_case

K = DocumentKind
S = CaseStatus

#: The states in which the mediation has produced an agreement.
AGREED = frozenset({S.AGREEMENT, S.CONFIRMATION_REQUESTED, S.CONFIRMED, S.CONFIRMATION_DENIED})


@dataclass(frozen=True)
class DocumentOffer:
    kind: DocumentKind
    title: str
    missing: tuple[str, ...]  # what the case lacks, named in Chinese; empty: ready

    @property
    def ready(self) -> bool:
        return not self.missing


def _stage(facts: CaseFacts) -> CaseStatus:
    return effective_status(facts.case)


def _on_adjudication(
    belongs: Callable[[adjudication_docs.AdjudicationFacts | None], bool],
) -> Callable[[CaseFacts], bool]:
    return lambda facts: belongs(facts.adjudication)


#: When each kind belongs to the case (whether or not its facts are complete yet).
BELONGS: dict[DocumentKind, Callable[[CaseFacts], bool]] = {
    K.ACCEPTANCE_NOTICE: lambda f: f.case.accepted_on is not None,
    K.REJECTION_NOTICE: lambda f: f.case.status == S.REJECTED,
    K.MEDIATION_AGREEMENT: lambda f: _stage(f) == S.MEDIATING or _stage(f) in AGREED,
    K.CONFIRMATION_APPLICATION: lambda f: _stage(f) in AGREED,
    K.CONSULTATION_LETTER: lambda f: f.consultation is not None,
    K.CONSULTATION_MINUTES: lambda f: f.consultation is not None,
    K.COURT_RETURN_LETTER: lambda f: (
        f.case.referring_court_id is not None and f.case.accepted_on is not None
    ),
    K.CLOSING_NOTICE: lambda f: f.case.status == S.CLOSED,
    K.FOLLOW_UP_RECORD: lambda f: f.visit is not None,
    K.MEDIATION_RECORD: lambda f: f.mediation_record is not None,
    **{kind: _on_adjudication(b) for kind, b in adjudication_docs.BELONGS.items()},
}


def document_offers(
    session: Session, actor: Actor, case_id: int, *, today: dt.date | None = None
) -> list[DocumentOffer]:
    """The kinds the case offers ``actor`` now, in the order of ``DocumentKind``; empty
    when ``actor`` may see the case but not issue its documents (station staff, a mediator
    of another case, a user without the right to see personal data)."""
    case = load_case(session, case_id)
    require_case(actor, case)
    try:
        require_document_rights(actor, case)
    except PermissionDenied:
        return []
    offers = []
    for kind in DocumentKind:
        facts = gather_facts(session, case, kind, today)
        if BELONGS[kind](facts):
            offers.append(DocumentOffer(kind, kind.label, tuple(missing_from(facts, kind))))
    return offers
