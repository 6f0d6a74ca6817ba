"""The consultations list view, its table model and the consultation dialogs."""

from ipdesk.ui.consultations.dialogs import (
    AnswerDialog,
    ConcludeDialog,
    ConsultationRequestDialog,
    MeetingDialog,
    WithdrawDialog,
)
from ipdesk.ui.consultations.model import ConsultationsTableModel
from ipdesk.ui.consultations.view import ConsultationsView

__all__ = [
    "AnswerDialog",
    "ConcludeDialog",
    "ConsultationRequestDialog",
    "ConsultationsTableModel",
    "ConsultationsView",
    "MeetingDialog",
    "WithdrawDialog",
]
