"""Mediation agreements with structured terms, and judicial confirmation by a court."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, UTCDateTime, enum_type, utcnow
from ipdesk.models.org import Agency


class Agreement(Base):
    """A mediation agreement (调解协议书); it takes effect when all have signed."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    effective_on: Mapped[dt.date | None] = mapped_column(Date)
    facts: Mapped[str | None] = mapped_column(Text)
    responsibilities: Mapped[str | None] = mapped_column(Text)
    # The agreement decides ownership or validity of a right: courts will not confirm it.
    decides_ownership: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Every edit writes this row (also when only obligations change), so the version moves
    # and a concurrent edit of the same agreement is refused instead of overwritten.
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012

    obligations: Mapped[list[Obligation]] = relationship(
        back_populates="agreement", order_by="Obligation.position", cascade="all, delete-orphan"
    )


class Performance(enum.StrEnum):
    PENDING = "pending"
    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


class ObligationKind(enum.StrEnum):
    """What an agreed term asks: each kind is written as its own sentence
    (services/rules/obligations.py)."""

    PAYMENT = "payment"  # 支付 (an amount)
    DELIVERY = "delivery"  # 交付
    DESTRUCTION = "destruction"  # 销毁库存
    REMOVAL = "removal"  # 下架、删除链接
    APOLOGY = "apology"  # 赔礼道歉
    REFRAINING = "refraining"  # 不作为: a standing undertaking
    OTHER = "other"


class Obligation(Base):
    """One agreed term: who owes what to whom, how much, by when."""

    __tablename__ = "obligations"
    __table_args__ = (CheckConstraint("amount IS NULL OR amount >= 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[ObligationKind] = mapped_column(
        enum_type(ObligationKind, "obligation_kind"),
        default=ObligationKind.OTHER,
        server_default=ObligationKind.OTHER.value,
    )
    obligor_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), index=True)
    obligee_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    performance: Mapped[Performance] = mapped_column(
        enum_type(Performance, "performance"), default=Performance.PENDING
    )

    agreement: Mapped[Agreement] = relationship(back_populates="obligations")


class ConfirmationDecision(enum.StrEnum):
    VALID = "valid"
    DISMISSED = "dismissed"


class Confirmation(Base):
    """An application to a court for judicial confirmation (司法确认) and its outcome."""

    __tablename__ = "confirmations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    court_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    applied_on: Mapped[dt.date] = mapped_column(Date)
    court_accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    decision: Mapped[ConfirmationDecision | None] = mapped_column(
        enum_type(ConfirmationDecision, "confirmation_decision")
    )
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    ruling_number: Mapped[str | None] = mapped_column(String(60))
    # The court president approved the extra 10 days.
    extended: Mapped[bool] = mapped_column(Boolean, default=False)

    court: Mapped[Agency] = relationship()
