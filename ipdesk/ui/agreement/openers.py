"""What the case view's agreement and confirmation buttons open (``ACTION_OPENERS``).

Recording the agreement (a case in mediation) and correcting it (until the application
is filed) open the :class:`AgreementEditor`; applying for confirmation and recording the
court's steps open the :class:`ConfirmationDialog`. Each step that succeeds makes the case
view reload (``view.action_performed``); the confirmation dialog stays open for the next
step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from ipdesk.services.cases.workflow import CaseAction
from ipdesk.ui.agreement.confirmation_dialog import ConfirmationDialog
from ipdesk.ui.agreement.editor import AgreementEditor

if TYPE_CHECKING:
    from ipdesk.ui.case_view.view import CaseView


def open_agreement_editor(view: CaseView, action: CaseAction) -> QDialog:
    """The agreement with its terms: recorded (RECORD_AGREEMENT) or corrected (EDIT_AGREEMENT)."""
    editor = AgreementEditor(view.desk, view.case_id, view)
    editor.agreement_saved.connect(lambda _info: view.action_performed(action))
    return editor


def open_confirmation_dialog(view: CaseView, action: CaseAction) -> QDialog:
    """The application to the court with jurisdiction (REQUEST_CONFIRMATION), then the
    court's acceptance, its 10-day extension and its ruling (RECORD_CONFIRMATION)."""
    dialog = ConfirmationDialog(view.desk, view.case_id, view)
    for step in (
        dialog.confirmation_applied,
        dialog.court_acceptance_recorded,
        dialog.extension_recorded,
        dialog.decision_recorded,
    ):
        step.connect(lambda _info: view.action_performed(action))
    return dialog


AGREEMENT_OPENERS = {
    CaseAction.RECORD_AGREEMENT: open_agreement_editor,
    CaseAction.EDIT_AGREEMENT: open_agreement_editor,
    CaseAction.REQUEST_CONFIRMATION: open_confirmation_dialog,
    CaseAction.RECORD_CONFIRMATION: open_confirmation_dialog,
}
