"""The intake dialog: a complaint logged at the counter, validated as it is typed."""

from ipdesk.ui.intake.dialog import IntakeDialog, default_draft_path

__all__ = ["IntakeDialog", "default_draft_path"]
