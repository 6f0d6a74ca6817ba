"""What the case view's timeline says about a corrected case, added evidence and a
recorded mediation session (from the event's details; personal data is stored masked)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ipdesk.ui.intake.labels import (
    dispute_type_labels,
    ip_type_labels,
    kind_labels,
    label,
    role_labels,
)

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("EventDetails", "text")


def field_label(field: str) -> str:
    """The name of a corrected field, e.g. "Respondent: name"."""
    names = {
        "ip_type": translate("EventDetails", "IP type"),
        "right_number": translate("EventDetails", "Right number"),
        "right_holder": translate("EventDetails", "Right holder"),
        "dispute_type": translate("EventDetails", "Dispute type"),
        "facts": translate("EventDetails", "Facts and reasons"),
        "claim": translate("EventDetails", "Claim"),
        "amount_claimed": translate("EventDetails", "Amount claimed"),
        "kind": translate("EventDetails", "kind"),
        "name": translate("EventDetails", "name"),
        "id_number": translate("EventDetails", "ID number"),
        "phone": translate("EventDetails", "phone"),
        "address": translate("EventDetails", "address"),
        "ethnicity": translate("EventDetails", "ethnicity"),
        "legal_representative": translate("EventDetails", "legal representative"),
        "legal_representative_title": translate("EventDetails", "representative's title"),
    }
    return names.get(field, field)


def _value(field: str, value: str) -> str:
    if not value:
        return "—"
    attribute = field.rpartition(".")[2]
    if attribute == "ip_type":
        return label(ip_type_labels(), value)
    if attribute == "dispute_type":
        return label(dispute_type_labels(), value)
    if attribute == "kind":
        return label(kind_labels(), value)
    return value if len(value) <= 60 else value[:60] + "…"


def _change_text(change: dict[str, Any]) -> str:
    field = str(change.get("field", ""))
    old, new = str(change.get("old") or ""), str(change.get("new") or "")
    if field.startswith("parties["):
        who = label(role_labels(), str(change.get("party_role") or ""))
        what = f"{who}{field_label(field.rpartition('.')[2])}"
    else:
        what = field_label(field)
    return translate("EventDetails", "{0}: {1} → {2}").format(
        what, _value(field, old), _value(field, new)
    )


def event_note(kind: str, reason: str | None, details: dict[str, Any] | None) -> str:
    """The timeline's note for an event: its reason, and for the kinds above what changed."""
    parts = [reason] if reason else []
    details = details or {}
    if kind == "corrected":
        parts += [_change_text(c) for c in details.get("changes", []) if isinstance(c, dict)]
    elif kind == "evidence_added":
        for f in details.get("files", []):
            if isinstance(f, dict):
                text = str(f.get("name", ""))
                if f.get("description"):
                    text += f" ({f['description']})"
                parts.append(text)
    elif kind in ("suspended", "resumed", "extended"):
        parts.append(_clock_text(kind, details))
    elif kind == "mediation_session" and details.get("held_on"):
        parts.append(
            translate("EventDetails", "Session of {0} at {1}").format(
                details["held_on"], details.get("place", "")
            )
        )
    return "; ".join(parts)


def _clock_text(kind: str, details: dict[str, Any]) -> str:
    """A suspension, resumption or extension: the days, the due date before and after,
    and the manager who approved it (services/cases/clock.py writes these details)."""
    before = details.get("due_before") or translate("EventDetails", "suspended")
    after = details.get("due_after") or translate("EventDetails", "stopped")
    if kind == "suspended":
        text = translate("EventDetails", "Suspended from {0}").format(details.get("start_on", ""))
    elif kind == "resumed":
        text = translate("EventDetails", "Resumed on {0}").format(details.get("resume_on", ""))
    else:
        text = translate("EventDetails", "Extended by {0} day(s)").format(details.get("days", ""))
    due = translate("EventDetails", "due date {0} → {1}").format(before, after)
    approver = translate("EventDetails", "approved by {0}").format(details.get("approver") or "")
    return ", ".join((text, due, approver))
