"""Joint consultations (联席会商) with partner agencies, and crime referrals."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, UTCDateTime, enum_type, utcnow
from ipdesk.models.org import Agency


class ConsultationKind(enum.StrEnum):
    CONSULTATION = "consultation"  # 联席会商
    CRIME_REFERRAL = "crime_referral"  # 移送涉嫌犯罪线索


class ConsultationState(enum.StrEnum):
    OPEN = "open"
    CONCLUDED = "concluded"
    WITHDRAWN = "withdrawn"


class Consultation(Base):
    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ConsultationKind] = mapped_column(enum_type(ConsultationKind, "consult_kind"))
    state: Mapped[ConsultationState] = mapped_column(
        enum_type(ConsultationState, "consult_state"), default=ConsultationState.OPEN
    )
    subject: Mapped[str] = mapped_column(String(300))
    questions: Mapped[str] = mapped_column(Text)
    requested_on: Mapped[dt.date] = mapped_column(Date)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    meeting_on: Mapped[dt.date | None] = mapped_column(Date)
    meeting_place: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[str | None] = mapped_column(Text)
    minutes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    requests: Mapped[list[ConsultationRequest]] = relationship(
        back_populates="consultation", cascade="all, delete-orphan"
    )


class RequestState(enum.StrEnum):
    REQUESTED = "requested"
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"


class ConsultationRequest(Base):
    """What one agency was asked in a consultation, and its answer."""

    __tablename__ = "consultation_requests"
    __table_args__ = (UniqueConstraint("consultation_id", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id", ondelete="CASCADE"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    state: Mapped[RequestState] = mapped_column(
        enum_type(RequestState, "request_state"), default=RequestState.REQUESTED
    )
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    opinion: Mapped[str | None] = mapped_column(Text)

    consultation: Mapped[Consultation] = relationship(back_populates="requests")
    agency: Mapped[Agency] = relationship()
