"""Follow-up visits: the work list of due visits, the record dialog, the policy editor."""

from ipdesk.ui.followups.policy_dialog import FollowUpPolicyDialog, edit_policy
from ipdesk.ui.followups.record_dialog import RecordVisitDialog
from ipdesk.ui.followups.worklist import FollowUpWorkList, WorkListModel

__all__ = [
    "FollowUpPolicyDialog",
    "FollowUpWorkList",
    "RecordVisitDialog",
    "WorkListModel",
    "edit_policy",
]
