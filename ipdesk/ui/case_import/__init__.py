"""File → Import ledger: older cases kept in spreadsheets (台账)."""

from ipdesk.ui.case_import.dialog import ImportLedgerDialog

__all__ = ["ImportLedgerDialog"]
