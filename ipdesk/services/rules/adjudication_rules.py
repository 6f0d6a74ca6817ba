"""The adjudication track's steps and time limits, apart from the use cases
(services/cases/adjudication.py) so that the workflow's table (``workflow.RULES``: which step
allows which action, who sits on the panel) and the limits engine know the track without
importing the use cases. Importing ``ipdesk.services`` imports this module, which
registers the limit sources (``limits.limit_source``) of the track:

* ``request_service``: serving the request copy on the respondent, 5 working days from
  the acceptance (立案); met when it was sent;
* ``defence``: the respondent's statement of defence, 15 days from the respondent's
  receipt of the request copy; met when received, cancelled when the panel recorded
  that none came in time;
* ``suit_window``: 15 days to sue from the (last) receipt of the decision (专利法 Art.
  65); met when the office recorded what happened (complied, sued, not stopped), served
  the reminder before enforcement (催告书) or applied for enforcement. Its
  ``due``/``overdue`` alert is the office's cue to check whether the infringer stopped
  and, if not, to remind them and apply to the court for enforcement.

The lengths are the rules of ``seed.DEFAULT_LIMIT_RULES`` (editable data naming their
source). ``hearing_notice`` (at least 3 working days between the notice and the oral
hearing) is a rule without a running limit: services/cases/adjudication.py checks the hearing
date against it; ``enforcement_reminder`` (10 days after the reminder's service before
the application for enforcement, 行政强制法 Art. 54) likewise.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import Session

from ipdesk.models import (
    Adjudication,
    AdjudicationStep,
    Case,
    CaseStatus,
    LimitKind,
    LimitState,
    PanelOfficer,
)
from ipdesk.services.cases.limits import LimitSpec, limit_source

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

#: Steps once the decision is made.
AFTER_DECISION_STEPS = frozenset(
    {Step.DECIDED, Step.DECISION_SERVED, Step.ENFORCEMENT_APPLIED, Step.CONCLUDED}
)

STEP_LABELS: dict[Step, str] = {
    Step.REQUESTED: "已申请行政裁决",
    Step.REFUSED: "不予受理",
    Step.ACCEPTED: "已立案",
    Step.PANEL_SET: "已确定合议组",
    Step.REQUEST_SERVED: "已送达请求书副本",
    Step.DEFENCE_RECORDED: "答辩期已过或已答辩",
    Step.HEARING_NOTIFIED: "已通知口头审理",
    Step.HEARING_HELD: "已口头审理",
    Step.DECIDED: "已作出处理决定",
    Step.DECISION_SERVED: "处理决定已送达",
    Step.ENFORCEMENT_APPLIED: "已申请强制执行",
    Step.CONCLUDED: "已终结",
}

PATENT_TYPES = frozenset({"patent_invention", "patent_utility_model", "patent_design"})


# Built once (their SQL and cache keys too): a step of the track reads the adjudication
# some six times (the rule's check, the step, each limit source of the refresh).
_ADJUDICATION_OF = select(Adjudication).where(Adjudication.case_id == bindparam("case_id"))
_ON_PANEL = select(PanelOfficer.id).where(
    PanelOfficer.adjudication_id == bindparam("adjudication_id"),
    PanelOfficer.user_id == bindparam("user_id"),
)


#: ``session.info`` key of the adjudications found in the session's current transaction.
_FOUND = "ipdesk.adjudication_of"


def adjudication_of(session: Session, case_id: int) -> Adjudication | None:
    """The case's adjudication (None if it has none). Found once in a transaction, it is
    given again without a SELECT while the session has nothing to flush (which the
    SELECT's autoflush would write first) and the object is still the session's, neither
    deleted nor expired: no adjudication is ever deleted or moved to another case. The
    adjudications found are let go when another transaction begins (the session's objects
    are not expired at a commit: one held on would be given instead of the row)."""
    transaction = session.get_transaction()
    found: tuple[Any, dict[int, Adjudication]] | None = session.info.get(_FOUND)
    if found is not None and (transaction is None or found[0] is not transaction):
        del session.info[_FOUND]
        found = None
    if found is not None:
        known = found[1].get(case_id)
        if known is not None and not (session.new or session.deleted or session.dirty):
            state = inspect(known)
            if state.persistent and state.session_id == session.hash_key and not state.expired:
                return known
    adjudication = session.scalars(_ADJUDICATION_OF, {"case_id": case_id}).first()
    if adjudication is not None:
        if found is None:
            known_ones: dict[int, Adjudication] = {}
            found = session.info[_FOUND] = (session.get_transaction(), known_ones)
        found[1][case_id] = adjudication
    return adjudication


def on_panel(session: Session, adjudication_id: int, user_id: int | None) -> bool:
    if user_id is None:
        return False
    found = session.scalar(_ON_PANEL, {"adjudication_id": adjudication_id, "user_id": user_id})
    return found is not None


def is_patent_infringement(case: Case) -> bool:
    """Whether the case may take the adjudication track: a patent-infringement dispute."""
    return case.ip_type.value in PATENT_TYPES and case.dispute_type.value == "infringement"


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
    ended_on = (
        adjudication.window_outcome_on
        or adjudication.enforcement_reminded_on
        or adjudication.enforcement_applied_on
    )
    ended = LimitState.MET if ended_on is not None else None
    return [
        LimitSpec(
            LimitKind.SUIT_WINDOW, adjudication.decision_served_on, ended=ended, ended_on=ended_on
        )
    ]
