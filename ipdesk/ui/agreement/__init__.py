"""The agreement editor (with its obligations table) and the judicial-confirmation dialog."""

from ipdesk.ui.agreement.confirmation_dialog import ConfirmationDialog
from ipdesk.ui.agreement.editor import AgreementEditor
from ipdesk.ui.agreement.obligations import ObligationsTableModel

__all__ = ["AgreementEditor", "ConfirmationDialog", "ObligationsTableModel"]
