"""The partner agencies list and its edit dialog."""

from ipdesk.ui.agencies.dialog import AgenciesDialog, AgencyEditDialog, AgencyTableModel

__all__ = ["AgenciesDialog", "AgencyEditDialog", "AgencyTableModel"]
