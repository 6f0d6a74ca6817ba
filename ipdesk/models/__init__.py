"""The ORM model: one module per aggregate. No Qt, no business rules."""

from ipdesk.models.agreements import (
    Agreement,
    Confirmation,
    ConfirmationDecision,
    Obligation,
    ObligationKind,
    Performance,
)
from ipdesk.models.alerts import Alert
from ipdesk.models.audit import AuditRecord
from ipdesk.models.base import Base
from ipdesk.models.cases import (
    OPEN_STATUSES,
    Attachment,
    Case,
    CaseCategory,
    CaseEvent,
    CaseSequence,
    CaseStatus,
    Channel,
    DisputeType,
    EventKind,
    IpType,
    Party,
    PartyKind,
    PartyRole,
)
from ipdesk.models.consultations import (
    Consultation,
    ConsultationKind,
    ConsultationRequest,
    ConsultationState,
    RequestState,
)
from ipdesk.models.dashboard import DashboardSummary
from ipdesk.models.documents import Document
from ipdesk.models.followups import FollowUpPolicy, FollowUpVisit, VisitMethod, VisitState
from ipdesk.models.limits import (
    AdjustmentKind,
    CaseLimit,
    ClockAdjustment,
    HolidayDay,
    HolidayYear,
    LimitKind,
    LimitRule,
    LimitState,
)
from ipdesk.models.mediation_records import MediationRecord
from ipdesk.models.org import Agency, AgencyKind, MediationKind, Office, Station
from ipdesk.models.users import Role, User

__all__ = [
    "OPEN_STATUSES",
    "AdjustmentKind",
    "Agency",
    "AgencyKind",
    "Agreement",
    "Alert",
    "Attachment",
    "AuditRecord",
    "Base",
    "Case",
    "CaseCategory",
    "CaseEvent",
    "CaseLimit",
    "CaseSequence",
    "CaseStatus",
    "Channel",
    "ClockAdjustment",
    "Confirmation",
    "ConfirmationDecision",
    "Consultation",
    "ConsultationKind",
    "ConsultationRequest",
    "ConsultationState",
    "DashboardSummary",
    "DisputeType",
    "Document",
    "EventKind",
    "FollowUpPolicy",
    "FollowUpVisit",
    "HolidayDay",
    "HolidayYear",
    "IpType",
    "LimitKind",
    "LimitRule",
    "LimitState",
    "MediationKind",
    "MediationRecord",
    "Obligation",
    "ObligationKind",
    "Office",
    "Party",
    "PartyKind",
    "PartyRole",
    "Performance",
    "RequestState",
    "Role",
    "Station",
    "User",
    "VisitMethod",
    "VisitState",
]
