"""Display names of the case vocabulary (IP types, roles, channels, statuses, ...).

Values are the services' enum values; texts go through Qt's translation (context
"labels") with English source text. Unknown values are shown as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def ip_type_labels() -> dict[str, str]:
    return {
        "patent_invention": _t("Invention patent"),
        "patent_utility_model": _t("Utility model patent"),
        "patent_design": _t("Design patent"),
        "trademark": _t("Trademark"),
        "copyright": _t("Copyright"),
        "geographical_indication": _t("Geographical indication"),
        "trade_secret": _t("Trade secret"),
        "ic_layout": _t("IC layout design"),
        "plant_variety": _t("Plant variety"),
        "other": _t("Other"),
    }


def dispute_type_labels() -> dict[str, str]:
    return {
        "infringement": _t("Infringement"),
        "ownership": _t("Ownership"),
        "contract": _t("Contract"),
        "unfair_competition": _t("Unfair competition"),
        "other": _t("Other"),
    }


def channel_labels() -> dict[str, str]:
    return {
        "walk_in": _t("Walk-in"),
        "phone": _t("Phone"),
        "online": _t("Online"),
        "court_referral": _t("Court referral"),
        "transfer": _t("Transfer"),
    }


def role_labels() -> dict[str, str]:
    return {
        "applicant": _t("Applicant"),
        "respondent": _t("Respondent"),
        "third_party": _t("Third party"),
        "agent": _t("Agent"),
    }


def kind_labels() -> dict[str, str]:
    return {"person": _t("Person"), "organisation": _t("Organisation")}


def status_labels() -> dict[str, str]:
    return {
        "registered": _t("Registered"),
        "accepted": _t("Accepted"),
        "mediating": _t("Mediating"),
        "agreement": _t("Agreement reached"),
        "confirmation_requested": _t("Confirmation requested"),
        "confirmed": _t("Confirmed"),
        "confirmation_denied": _t("Confirmation denied"),
        "failed": _t("Mediation failed"),
        "withdrawn": _t("Withdrawn"),
        "rejected": _t("Rejected"),
        "closed": _t("Closed"),
    }


def deadline_labels() -> dict[str, str]:
    return {
        "overdue": _t("Overdue"),
        "due_soon": _t("Due soon"),
        "paused": _t("Suspended"),
        "none": _t("Not accepted yet"),
    }


def label(labels: dict[str, str], value: str | None) -> str:
    if value is None:
        return ""
    return labels.get(value, value)
