"""Cases with their parties, evidence, timeline and per-office numbering."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, Name, UTCDateTime, enum_type, later_options, utcnow
from ipdesk.models.org import Agency, Office, Station
from ipdesk.models.users import User


class CaseStatus(enum.StrEnum):
    REGISTERED = "registered"
    ACCEPTED = "accepted"
    MEDIATING = "mediating"
    AGREEMENT = "agreement"
    CONFIRMATION_REQUESTED = "confirmation_requested"
    CONFIRMED = "confirmed"
    CONFIRMATION_DENIED = "confirmation_denied"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"
    CLOSED = "closed"
    # The administrative decision (行政裁决) is made: service, the window to sue and
    # enforcement follow on the case's Adjudication (models/adjudication.py).
    ADJUDICATED = "adjudicated"


OPEN_STATUSES = frozenset(
    {
        CaseStatus.REGISTERED,
        CaseStatus.ACCEPTED,
        CaseStatus.MEDIATING,
        CaseStatus.AGREEMENT,
        CaseStatus.CONFIRMATION_REQUESTED,
        CaseStatus.CONFIRMED,
        CaseStatus.CONFIRMATION_DENIED,
        CaseStatus.FAILED,
        CaseStatus.WITHDRAWN,
        CaseStatus.ADJUDICATED,
    }
)
"""States in which a case still needs work (everything but rejected and closed)."""

OPEN_STATUS_SQL = "status IN ({})".format(", ".join(f"'{s.value}'" for s in sorted(OPEN_STATUSES)))
"""The condition of the open cases' partial indexes (migration 0022), their values in
alphabetical order: SQLite uses a partial index only for a query with this very term."""


class IpType(enum.StrEnum):
    PATENT_INVENTION = "patent_invention"
    PATENT_UTILITY_MODEL = "patent_utility_model"
    PATENT_DESIGN = "patent_design"
    TRADEMARK = "trademark"
    COPYRIGHT = "copyright"
    GEOGRAPHICAL_INDICATION = "geographical_indication"
    TRADE_SECRET = "trade_secret"  # other than a technical secret
    TECHNICAL_SECRET = "technical_secret"  # 技术秘密: intermediate court (法释〔2022〕13号 Art. 1)
    SOFTWARE_COPYRIGHT = "software_copyright"  # 计算机软件著作权: intermediate court (Art. 1)
    IC_LAYOUT = "ic_layout"
    PLANT_VARIETY = "plant_variety"
    OTHER = "other"


class DisputeType(enum.StrEnum):
    INFRINGEMENT = "infringement"
    OWNERSHIP = "ownership"
    CONTRACT = "contract"
    UNFAIR_COMPETITION = "unfair_competition"
    OTHER = "other"


class Channel(enum.StrEnum):
    WALK_IN = "walk_in"
    PHONE = "phone"
    ONLINE = "online"
    COURT_REFERRAL = "court_referral"
    TRANSFER = "transfer"


class ReferralKind(enum.StrEnum):
    """How a court referred a case to mediation (诉调对接)."""

    PRE_LITIGATION = "pre_litigation"  # 委派调解: before the case is filed (诉前)
    IN_LITIGATION = "in_litigation"  # 委托调解: the court has filed the case (诉中)


class CaseCategory(enum.StrEnum):
    """Follow-up grade of a case (serious: twice a year, ordinary: yearly, minor: sampled)."""

    SERIOUS = "serious"
    ORDINARY = "ordinary"
    MINOR = "minor"


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint("amount_claimed IS NULL OR amount_claimed >= 0", name="amount_positive"),
        CheckConstraint(
            "accepted_on IS NULL OR accepted_on >= received_on", name="accepted_after_received"
        ),
        Index("ix_cases_office_status", "office_id", "status"),
        Index("ix_cases_station_status", "station_id", "status"),
        Index("ix_cases_status_due", "status", "due_on"),
        # The case list of an office (mediators, office managers) in each sort order.
        Index("ix_cases_office_received", "office_id", "received_on"),
        Index("ix_cases_office_due", "office_id", "due_on"),
        Index("ix_cases_office_number", "office_id", "number"),
        # The alert scan's case numbers by id, from the index alone (migration 0023).
        Index("ix_cases_id_number", "id", "number"),
        # The open cases of an office and of the city in due-date order, the case list's
        # "open cases by due date" (services/queries/cases_query.py; migration 0022).
        *(
            later_options(
                Index(name, *columns),
                sqlite_where=text(OPEN_STATUS_SQL),
                postgresql_where=text(OPEN_STATUS_SQL),
            )
            for name, columns in (
                ("ix_cases_open_office_due", ("office_id", "due_on", "id")),
                ("ix_cases_open_due", ("due_on", "id")),
            )
        ),
        # The work lists (services/cases/routing.py): the open cases of an office without an
        # active mediator of theirs, and a mediator's own, from the index alone (0019).
        Index(
            "ix_cases_open_work",
            "status",
            "office_id",
            "mediator_id",
            "received_on",
            "number",
            "due_on",
        ),
        # The similar-case panel (services/queries/similar_cases.py): the finished cases of an IP
        # type, newest first (migration 0012).
        Index("ix_cases_similar", "ip_type", "status", "id"),
        # The managers' dashboard (services/queries/dashboard.py) reads every case of a period
        # from this index alone: 1,000,000 cases, figures of a year 7.5 s -> 2-3 s on
        # SQLite, 1.2 s -> 1.0 s on PostgreSQL (benchmarks/bench_dashboard.py).
        later_options(
            Index(
                "ix_cases_dashboard",
                "office_id",
                "station_id",
                "received_on",
                "closed_on",
                "status",
                "outcome",
                "accepted_on",
                "due_on",
                "ip_type",
            ),
            postgresql_include=["id"],
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[CaseStatus] = mapped_column(
        enum_type(CaseStatus, "case_status"), default=CaseStatus.REGISTERED
    )
    # The handling clock stands still (中止) while this is set; the status is kept.
    is_suspended: Mapped[bool] = mapped_column(Boolean, default=False)
    # The state in which the case ended, kept after it is closed.
    outcome: Mapped[CaseStatus | None] = mapped_column(enum_type(CaseStatus, "case_outcome"))

    ip_type: Mapped[IpType] = mapped_column(enum_type(IpType, "ip_type"))
    right_number: Mapped[str | None] = mapped_column(String(40), index=True)
    right_holder: Mapped[str | None] = mapped_column(Name)
    dispute_type: Mapped[DisputeType] = mapped_column(enum_type(DisputeType, "dispute_type"))
    facts: Mapped[str] = mapped_column(Text)
    claim: Mapped[str] = mapped_column(Text)
    amount_claimed: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel, "channel"))
    referring_court_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    court_case_number: Mapped[str | None] = mapped_column(String(60))
    # 委派 (before litigation) or 委托 (during litigation); set for court referrals.
    referral_kind: Mapped[ReferralKind | None] = mapped_column(
        enum_type(ReferralKind, "referral_kind")
    )
    category: Mapped[CaseCategory] = mapped_column(
        enum_type(CaseCategory, "case_category"), default=CaseCategory.ORDINARY
    )

    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    # Cache of the handling limit's due date, recomputed by the deadline service.
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)

    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012

    office: Mapped[Office] = relationship()
    station: Mapped[Station | None] = relationship()
    mediator: Mapped[User | None] = relationship(foreign_keys=[mediator_id])
    referring_court: Mapped[Agency | None] = relationship()
    parties: Mapped[list[Party]] = relationship(
        back_populates="case", order_by="Party.position", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.id", cascade="all, delete-orphan"
    )


class PartyRole(enum.StrEnum):
    APPLICANT = "applicant"
    RESPONDENT = "respondent"
    THIRD_PARTY = "third_party"
    AGENT = "agent"


class PartyKind(enum.StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class Party(Base):
    __tablename__ = "parties"
    __table_args__ = (Index("ix_parties_case_role", "case_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[PartyRole] = mapped_column(enum_type(PartyRole, "party_role"))
    kind: Mapped[PartyKind] = mapped_column(enum_type(PartyKind, "party_kind"))
    name: Mapped[str] = mapped_column(Name, index=True)
    # Resident ID number (person) or unified social credit code (organisation).
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    sex: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    legal_representative: Mapped[str | None] = mapped_column(String(100))
    legal_representative_title: Mapped[str | None] = mapped_column(String(60))
    # An agent acts for another party of the same case.
    represents_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), index=True)

    case: Mapped[Case] = relationship(back_populates="parties")


class Attachment(Base):
    """An evidence file copied into the case's store."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    original_name: Mapped[str] = mapped_column(String(260))
    stored_name: Mapped[str] = mapped_column(String(260), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(String(300))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship(back_populates="attachments")


class EventKind(enum.StrEnum):
    """What a timeline entry records. Stored as text: new kinds need no migration."""

    REGISTERED = "registered"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ASSIGNED = "assigned"
    TRANSFERRED = "transferred"
    MEDIATION_STARTED = "mediation_started"
    AGREEMENT_RECORDED = "agreement_recorded"
    CONFIRMATION_REQUESTED = "confirmation_requested"
    CONFIRMED = "confirmed"
    CONFIRMATION_DENIED = "confirmation_denied"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"
    REOPENED = "reopened"
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    EXTENDED = "extended"
    # Partner agencies (services/cases/consultations.py, mediation.py, confirmation.py).
    CONSULTATION_REQUESTED = "consultation_requested"
    CRIME_REFERRED = "crime_referred"  # 移送涉嫌犯罪线索
    CONSULTATION_MEETING = "consultation_meeting"
    CONSULTATION_ANSWERED = "consultation_answered"
    CONSULTATION_REQUEST_WITHDRAWN = "consultation_request_withdrawn"
    CONSULTATION_WITHDRAWN = "consultation_withdrawn"
    CONSULTATION_CONCLUDED = "consultation_concluded"
    AGREEMENT_UPDATED = "agreement_updated"
    COURT_REFERRAL_REGISTERED = "court_referral_registered"
    RETURNED_TO_COURT = "returned_to_court"
    CONFIRMATION_ACCEPTED = "confirmation_accepted"  # the court accepted the application
    CONFIRMATION_EXTENDED = "confirmation_extended"  # the court's limit extended by 10 days
    # Corrections and additions (services/cases/corrections.py, evidence.py, mediation_records.py).
    CORRECTED = "corrected"  # parties, right, facts, claim or amount corrected
    EVIDENCE_ADDED = "evidence_added"
    MEDIATION_SESSION = "mediation_session"  # a mediation record (调解笔录)
    # Administrative adjudication (services/cases/adjudication.py).
    ADJUDICATION_REQUESTED = "adjudication_requested"
    ADJUDICATION_ACCEPTED = "adjudication_accepted"  # 立案
    ADJUDICATION_REFUSED = "adjudication_refused"  # 不予受理
    PANEL_SET = "panel_set"
    REQUEST_SERVED = "request_served"
    DEFENCE_RECORDED = "defence_recorded"
    EVIDENCE_EXCHANGED = "evidence_exchanged"
    HEARING_NOTIFIED = "hearing_notified"
    HEARING_HELD = "hearing_held"
    ADJUDICATION_DECIDED = "adjudication_decided"
    DECISION_SERVED = "decision_served"
    WINDOW_OUTCOME = "window_outcome"
    ENFORCEMENT_REMINDED = "enforcement_reminded"  # 催告书 served (行政强制法 Art. 54)
    ENFORCEMENT_APPLIED = "enforcement_applied"


class CaseEvent(Base):
    """One entry of a case's timeline: who did what, when, from which state to which."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_at", "case_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))

    case: Mapped[Case] = relationship(back_populates="events")
    user: Mapped[User | None] = relationship()


class CaseSequence(Base):
    """The last case number handed out per office and year (numbers are gap-free)."""

    __tablename__ = "case_sequences"

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)
