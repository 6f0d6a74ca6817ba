"""The "My work" page: each role's work list (my cases, cases to assign, my station's cases)."""

from ipdesk.ui.worklists.model import CASE_ID_ROLE, WorkListModel
from ipdesk.ui.worklists.page import WorkListPage, work_list_kind

__all__ = ["CASE_ID_ROLE", "WorkListModel", "WorkListPage", "work_list_kind"]
