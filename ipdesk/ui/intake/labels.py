"""Display names of the case vocabulary (IP types, roles, channels, statuses, ...).

Values are the services' enum values; texts go through Qt's translation (context
"labels") with English source text. Unknown values are shown as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# pyside6-lupdate finds translate("context", "text") calls with literal texts only.
translate = QCoreApplication.translate


def ip_type_labels() -> dict[str, str]:
    return {
        "patent_invention": translate("labels", "Invention patent"),
        "patent_utility_model": translate("labels", "Utility model patent"),
        "patent_design": translate("labels", "Design patent"),
        "trademark": translate("labels", "Trademark"),
        "copyright": translate("labels", "Copyright"),
        "software_copyright": translate("labels", "Computer software copyright"),
        "geographical_indication": translate("labels", "Geographical indication"),
        "trade_secret": translate("labels", "Trade secret"),
        "technical_secret": translate("labels", "Technical secret"),
        "ic_layout": translate("labels", "IC layout design"),
        "plant_variety": translate("labels", "Plant variety"),
        "other": translate("labels", "Other"),
    }


def dispute_type_labels() -> dict[str, str]:
    return {
        "infringement": translate("labels", "Infringement"),
        "ownership": translate("labels", "Ownership"),
        "contract": translate("labels", "Contract"),
        "unfair_competition": translate("labels", "Unfair competition"),
        "other": translate("labels", "Other"),
    }


def channel_labels() -> dict[str, str]:
    return {
        "walk_in": translate("labels", "Walk-in"),
        "phone": translate("labels", "Phone"),
        "online": translate("labels", "Online"),
        "court_referral": translate("labels", "Court referral"),
        "transfer": translate("labels", "Transfer"),
    }


def role_labels() -> dict[str, str]:
    return {
        "applicant": translate("labels", "Applicant"),
        "respondent": translate("labels", "Respondent"),
        "third_party": translate("labels", "Third party"),
        "agent": translate("labels", "Agent"),
    }


def kind_labels() -> dict[str, str]:
    return {
        "person": translate("labels", "Person"),
        "organisation": translate("labels", "Organisation"),
    }


def status_labels() -> dict[str, str]:
    return {
        "registered": translate("labels", "Registered"),
        "accepted": translate("labels", "Accepted"),
        "mediating": translate("labels", "Mediating"),
        "agreement": translate("labels", "Agreement reached"),
        "confirmation_requested": translate("labels", "Confirmation requested"),
        "confirmed": translate("labels", "Confirmed"),
        "confirmation_denied": translate("labels", "Confirmation denied"),
        "failed": translate("labels", "Mediation failed"),
        "withdrawn": translate("labels", "Withdrawn"),
        "rejected": translate("labels", "Rejected"),
        "closed": translate("labels", "Closed"),
        "adjudicated": translate("labels", "Adjudicated"),
    }


def deadline_labels() -> dict[str, str]:
    return {
        "overdue": translate("labels", "Overdue"),
        "due_soon": translate("labels", "Due soon"),
        "paused": translate("labels", "Suspended"),
        "none": translate("labels", "Not accepted yet"),
    }


def label(labels: dict[str, str], value: str | None) -> str:
    if value is None:
        return ""
    return labels.get(value, value)
