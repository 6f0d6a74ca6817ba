"""What the case view's adjudication buttons open (``ACTION_OPENERS``): the step's
:class:`~ipdesk.ui.adjudication.dialogs.StepDialog`, given the case's adjudication as the
tab last loaded it. A step that succeeds makes the case view reload."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from ipdesk.remote.calls import call
from ipdesk.services.cases import adjudication as adj
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.ui.adjudication.dialogs import StepDialog, courts
from ipdesk.ui.adjudication.texts import ADJUDICATION_ACTIONS

if TYPE_CHECKING:
    from ipdesk.ui.case_view.view import CaseView


def open_step_dialog(view: CaseView, action: CaseAction) -> QDialog:
    assert view.detail is not None
    desk, case_id = view.desk, view.case_id
    current = desk.read_now(call(adj.get_adjudication, case_id))
    candidates = (
        desk.read_now(call(adj.panel_candidates, case_id))
        if action == CaseAction.SET_PANEL
        else None
    )
    dialog = StepDialog(
        desk,
        case_id,
        view.detail.version_id,
        action,
        current,
        view,
        candidates=candidates,
        courts=courts(desk) if action == CaseAction.APPLY_ENFORCEMENT else None,
    )
    dialog.saved.connect(lambda _r: view.action_performed(action))
    return dialog


ADJUDICATION_OPENERS = dict.fromkeys(sorted(ADJUDICATION_ACTIONS), open_step_dialog)
