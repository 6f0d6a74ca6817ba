"""The adjudication track's time limits and which step allows which action.

Kept apart from services/adjudication.py (the use cases) so that the limits engine and the
workflow's ``available_actions`` know the track without importing the use cases: importing
``ipdesk.services`` imports this module, which registers

* the limit sources (``limits.limit_source``) of the track:

  - ``request_service``: serving the request copy on the respondent, 5 working days from
    the acceptance (立案); met when it was sent;
  - ``defence``: the respondent's statement of defence, 15 days from the respondent's
    receipt of the request copy; met when received, cancelled when the panel recorded
    that none came in time;
  - ``suit_window``: 15 days to sue from the (last) receipt of the decision (专利法 Art.
    65); met when the office recorded what happened (complied, sued, not stopped) or
    applied for enforcement. Its ``due``/``overdue`` alert is the office's cue to check
    whether the infringer stopped and, if not, to apply to the court for enforcement.

  The lengths are the rules of ``seed.DEFAULT_LIMIT_RULES`` (editable data naming their
  source). ``hearing_notice`` (at least 3 working days between the notice and the oral
  hearing) is a rule without a running limit: services/adjudication.py checks the hearing
  date against it.

* the step guards (``workflow.ACTION_GUARDS``): an adjudication action is offered only in
  the steps listed in :data:`STEP_ACTIONS`, and the panel's actions only to the officers of
  the panel and the office's managers.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import (
    Adjudication,
    AdjudicationStep,
    Case,
    CaseStatus,
    LimitKind,
    LimitState,
    PanelOfficer,
    Role,
)
from ipdesk.services.actors import Actor
from ipdesk.services.limits import LimitSpec, limit_source

Step = AdjudicationStep

#: Steps before the decision (the procedure may be suspended, evidence exchanged).
BEFORE_DECISION = frozenset(
    {
        Step.ACCEPTED,
        Step.PANEL_SET,
        Step.REQUEST_SERVED,
        Step.DEFENCE_RECORDED,
        Step.HEARING_NOTIFIED,
        Step.HEARING_HELD,
    }
)

#: Action (``workflow.CaseAction`` value) -> the steps in which it may be taken. ``None``
#: in the set: also when the case has no adjudication yet.
STEP_ACTIONS: dict[str, frozenset[Step | None]] = {
    "choose_adjudication": frozenset({None}),
    "accept_adjudication": frozenset({Step.REQUESTED}),
    "refuse_adjudication": frozenset({Step.REQUESTED}),
    "set_panel": frozenset({Step.ACCEPTED, Step.PANEL_SET}),
    "serve_request": frozenset({Step.PANEL_SET}),
    "record_defence": frozenset({Step.REQUEST_SERVED}),
    "exchange_evidence": frozenset(
        {Step.REQUEST_SERVED, Step.DEFENCE_RECORDED, Step.HEARING_NOTIFIED, Step.HEARING_HELD}
    ),
    "notify_hearing": frozenset({Step.DEFENCE_RECORDED, Step.HEARING_NOTIFIED}),
    "record_hearing": frozenset({Step.HEARING_NOTIFIED}),
    "suspend_for_invalidation": BEFORE_DECISION,
    "resume_adjudication": BEFORE_DECISION,
    "decide": frozenset({Step.DEFENCE_RECORDED, Step.HEARING_HELD}),
    "serve_decision": frozenset({Step.DECIDED}),
    "record_window_outcome": frozenset({Step.DECISION_SERVED}),
    "apply_enforcement": frozenset({Step.DECISION_SERVED}),
}

#: Actions taken by the panel (its officers, or the office's managers stepping in).
PANEL_ACTIONS = frozenset(
    {
        "serve_request",
        "record_defence",
        "exchange_evidence",
        "notify_hearing",
        "record_hearing",
        "serve_decision",
        "record_window_outcome",
    }
)

PATENT_TYPES = frozenset({"patent_invention", "patent_utility_model", "patent_design"})


def adjudication_of(session: Session, case_id: int) -> Adjudication | None:
    return session.scalars(select(Adjudication).where(Adjudication.case_id == case_id)).first()


def on_panel(session: Session, adjudication_id: int, user_id: int | None) -> bool:
    if user_id is None:
        return False
    return (
        session.scalar(
            select(PanelOfficer.id).where(
                PanelOfficer.adjudication_id == adjudication_id, PanelOfficer.user_id == user_id
            )
        )
        is not None
    )


def step_allows(session: Session, actor: Actor, case: Case, action: str) -> bool:
    """Whether the case's adjudication is in a step where ``action`` may be taken by
    ``actor`` (role, scope and the clock are the workflow rule's; this adds the step and
    the panel)."""
    steps = STEP_ACTIONS.get(action)
    if steps is None:
        return True
    adjudication = adjudication_of(session, case.id)
    if adjudication is None:
        return None in steps and _may_choose(case)
    if adjudication.step not in steps:
        return False
    if action in PANEL_ACTIONS and actor.role == Role.MEDIATOR:
        return on_panel(session, adjudication.id, actor.user_id)
    return True


def _may_choose(case: Case) -> bool:
    return (
        case.ip_type.value in PATENT_TYPES
        and case.dispute_type.value == "infringement"
        and case.status in (CaseStatus.REGISTERED, CaseStatus.FAILED)
    )


# --------------------------------------------------------------------------- limits


@limit_source(LimitKind.REQUEST_SERVICE)
def _request_service(session: Session, case: Case) -> list[LimitSpec]:
    adjudication = adjudication_of(session, case.id)
    if adjudication is None or adjudication.accepted_on is None:
        return []
    sent_on = None
    for record in adjudication.services:
        if record.document.value == "request_copy":
            sent_on = record.sent_on if sent_on is None else min(sent_on, record.sent_on)
    if sent_on is not None:
        ended: LimitState | None = LimitState.MET
    elif case.status in (CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN):
        ended = LimitState.CANCELLED
    else:
        ended = None
    return [
        LimitSpec(
            LimitKind.REQUEST_SERVICE, adjudication.accepted_on, ended=ended, ended_on=sent_on
        )
    ]


@limit_source(LimitKind.DEFENCE)
def _defence(session: Session, case: Case) -> list[LimitSpec]:
    adjudication = adjudication_of(session, case.id)
    if adjudication is None or adjudication.request_served_on is None:
        return []
    if adjudication.defence_received_on is not None:
        ended: LimitState | None = LimitState.MET
    elif adjudication.no_defence or case.status in (
        CaseStatus.CLOSED,
        CaseStatus.WITHDRAWN,
    ):
        ended = LimitState.CANCELLED
    else:
        ended = None
    return [
        LimitSpec(
            LimitKind.DEFENCE,
            adjudication.request_served_on,
            ended=ended,
            ended_on=adjudication.defence_received_on,
        )
    ]


@limit_source(LimitKind.SUIT_WINDOW)
def _suit_window(session: Session, case: Case) -> list[LimitSpec]:
    adjudication = adjudication_of(session, case.id)
    if adjudication is None or adjudication.decision_served_on is None:
        return []
    ended_on = adjudication.window_outcome_on or adjudication.enforcement_applied_on
    ended = LimitState.MET if ended_on is not None else None
    return [
        LimitSpec(
            LimitKind.SUIT_WINDOW, adjudication.decision_served_on, ended=ended, ended_on=ended_on
        )
    ]


def mediation_allowed(session: Session, case: Case) -> bool:
    """Mediation (of the dispute, or of the damages) does not start while an adjudication
    is requested or under way: only before it, after its refusal or after the decision."""
    adjudication = adjudication_of(session, case.id)
    return adjudication is None or not (
        adjudication.step == Step.REQUESTED or adjudication.step in BEFORE_DECISION
    )


def _guard(name: str) -> Callable[[Session, Actor, Case], bool]:
    return lambda session, actor, case: step_allows(session, actor, case, name)


def _register_guards() -> None:
    from ipdesk.services import workflow

    for name in STEP_ACTIONS:
        workflow.ACTION_GUARDS[workflow.CaseAction(name)] = _guard(name)
    workflow.ACTION_GUARDS[workflow.CaseAction.START_MEDIATION] = lambda session, _actor, case: (
        mediation_allowed(session, case)
    )


_register_guards()
