"""Display texts of the adjudication track (actions, steps, service methods, outcomes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ipdesk.services.cases.workflow import CaseAction

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("Adjudication", "…")

A = CaseAction

#: The case actions of the adjudication track (services/cases/adjudication.py).
ADJUDICATION_ACTIONS = frozenset(
    {
        A.CHOOSE_ADJUDICATION,
        A.ACCEPT_ADJUDICATION,
        A.REFUSE_ADJUDICATION,
        A.SET_PANEL,
        A.SERVE_REQUEST,
        A.RECORD_DEFENCE,
        A.EXCHANGE_EVIDENCE,
        A.NOTIFY_HEARING,
        A.RECORD_HEARING,
        A.SUSPEND_FOR_INVALIDATION,
        A.RESUME_ADJUDICATION,
        A.DECIDE,
        A.SERVE_DECISION,
        A.RECORD_WINDOW_OUTCOME,
        A.REMIND_ENFORCEMENT,
        A.APPLY_ENFORCEMENT,
    }
)


def action_text(action: CaseAction) -> str:
    """The button text of an adjudication action."""
    match action:
        case A.CHOOSE_ADJUDICATION:
            return translate("Adjudication", "Request adjudication")
        case A.ACCEPT_ADJUDICATION:
            return translate("Adjudication", "Accept for adjudication")
        case A.REFUSE_ADJUDICATION:
            return translate("Adjudication", "Refuse adjudication")
        case A.SET_PANEL:
            return translate("Adjudication", "Set panel")
        case A.SERVE_REQUEST:
            return translate("Adjudication", "Serve request")
        case A.RECORD_DEFENCE:
            return translate("Adjudication", "Record defence")
        case A.EXCHANGE_EVIDENCE:
            return translate("Adjudication", "Evidence exchange")
        case A.NOTIFY_HEARING:
            return translate("Adjudication", "Notify hearing")
        case A.RECORD_HEARING:
            return translate("Adjudication", "Record hearing")
        case A.SUSPEND_FOR_INVALIDATION:
            return translate("Adjudication", "Suspend (invalidation)")
        case A.RESUME_ADJUDICATION:
            return translate("Adjudication", "Resume adjudication")
        case A.DECIDE:
            return translate("Adjudication", "Decide")
        case A.SERVE_DECISION:
            return translate("Adjudication", "Serve decision")
        case A.RECORD_WINDOW_OUTCOME:
            return translate("Adjudication", "After the window")
        case A.REMIND_ENFORCEMENT:
            return translate("Adjudication", "Serve reminder")
        case A.APPLY_ENFORCEMENT:
            return translate("Adjudication", "Apply for enforcement")
    return str(action)


def step_text(step: str) -> str:
    match step:
        case "requested":
            return translate("Adjudication", "Requested")
        case "refused":
            return translate("Adjudication", "Not accepted")
        case "accepted":
            return translate("Adjudication", "Accepted (docketed)")
        case "panel_set":
            return translate("Adjudication", "Panel set")
        case "request_served":
            return translate("Adjudication", "Request served")
        case "defence_recorded":
            return translate("Adjudication", "Defence recorded")
        case "hearing_notified":
            return translate("Adjudication", "Hearing notified")
        case "hearing_held":
            return translate("Adjudication", "Hearing held")
        case "decided":
            return translate("Adjudication", "Decided")
        case "decision_served":
            return translate("Adjudication", "Decision served")
        case "enforcement_applied":
            return translate("Adjudication", "Enforcement applied for")
        case "concluded":
            return translate("Adjudication", "Concluded")
    return step


def method_labels() -> dict[str, str]:
    return {
        "direct": translate("Adjudication", "In person"),
        "mail": translate("Adjudication", "By post"),
        "electronic": translate("Adjudication", "Electronic (with consent)"),
        "left": translate("Adjudication", "Left at the address"),
        "entrusted": translate("Adjudication", "Through another authority"),
        "public_notice": translate("Adjudication", "Public notice"),
    }


def document_labels() -> dict[str, str]:
    return {
        "acceptance_notice": translate("Adjudication", "Acceptance notice"),
        "refusal_notice": translate("Adjudication", "Refusal notice"),
        "request_copy": translate("Adjudication", "Request copy and defence notice"),
        "hearing_notice": translate("Adjudication", "Oral hearing notice"),
        "decision": translate("Adjudication", "Decision"),
    }


def outcome_labels() -> dict[str, str]:
    return {
        "complied": translate("Adjudication", "The infringer stopped"),
        "sued": translate("Adjudication", "A party sued"),
        "not_stopped": translate("Adjudication", "Not stopped, no suit"),
    }


def event_texts() -> dict[str, str]:
    """The timeline texts of the adjudication's events."""
    return {
        "adjudication_requested": translate("Adjudication", "Adjudication requested"),
        "adjudication_accepted": translate("Adjudication", "Accepted for adjudication"),
        "adjudication_refused": translate("Adjudication", "Adjudication refused"),
        "panel_set": translate("Adjudication", "Panel set"),
        "request_served": translate("Adjudication", "Request served on the respondent"),
        "defence_recorded": translate("Adjudication", "Defence recorded"),
        "evidence_exchanged": translate("Adjudication", "Evidence exchanged"),
        "hearing_notified": translate("Adjudication", "Oral hearing notified"),
        "hearing_held": translate("Adjudication", "Oral hearing held"),
        "adjudication_decided": translate("Adjudication", "Decision signed off"),
        "decision_served": translate("Adjudication", "Decision served"),
        "window_outcome": translate("Adjudication", "After the window to sue"),
        "enforcement_reminded": translate("Adjudication", "Reminder before enforcement served"),
        "enforcement_applied": translate("Adjudication", "Enforcement applied for"),
    }
