"""The first-start wizard: database, administrator, organisation."""

from __future__ import annotations

from ipdesk.ui.setup_wizard.wizard import Page, Prepared, SetupWizard, prepare_database

__all__ = ["Page", "Prepared", "SetupWizard", "prepare_database"]
