"""The case list: a lazy table model over case ids and the page around it."""

from ipdesk.ui.cases.model import CASE_ID_ROLE, CaseTableModel
from ipdesk.ui.cases.widget import CaseListWidget

__all__ = ["CASE_ID_ROLE", "CaseListWidget", "CaseTableModel"]
