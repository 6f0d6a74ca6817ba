"""Translated names of agency kinds and court levels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ipdesk.models import AgencyKind


def agency_kind_text(kind: AgencyKind) -> str:
    translate = QCoreApplication.translate
    match kind:
        case AgencyKind.COURT:
            return translate("agencies", "Court")
        case AgencyKind.PROCURATORATE:
            return translate("agencies", "Procuratorate")
        case AgencyKind.JUSTICE_BUREAU:
            return translate("agencies", "Justice bureau")
        case AgencyKind.OTHER:
            return translate("agencies", "Other agency")
    return str(kind)


def court_level_text(level: str | None) -> str:
    translate = QCoreApplication.translate
    match level:
        case "basic":
            return translate("agencies", "Basic-level court")
        case "intermediate":
            return translate("agencies", "Intermediate court")
        case "high":
            return translate("agencies", "High court")
        case None | "":
            return ""
    return str(level)
