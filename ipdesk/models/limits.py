"""Time-limit rules, the limits running on cases, clock adjustments and holidays."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, UTCDateTime, enum_type, later_options, utcnow
from ipdesk.models.users import User


class LimitKind(enum.StrEnum):
    HANDLING = "handling"  # 60 days from acceptance (local rule)
    ACCEPTANCE_DECISION = "acceptance_decision"  # 5 working days from receipt
    DEFENCE = "defence"  # respondent's statement, 15 days from service
    CONFIRMATION_APPLICATION = "confirmation_application"  # 30 days from agreement in force
    COURT_DECISION = "court_decision"  # court decides on confirmation, 15 (+10) days
    CONSULTATION_ANSWER = "consultation_answer"  # an agency's answer to a consultation
    FOLLOW_UP = "follow_up"  # a follow-up visit after closure
    # Administrative adjudication (services/rules/adjudication_rules.py).
    REQUEST_SERVICE = "request_service"  # serve the request copy: 5 working days from 立案
    HEARING_NOTICE = "hearing_notice"  # notice at least 3 working days before the hearing
    SUIT_WINDOW = "suit_window"  # 15 days to sue from receipt of the decision
    ENFORCEMENT_REMINDER = "enforcement_reminder"  # 10 days after the 催告书 before enforcement


class LimitRule(Base):
    """How long a kind of limit runs, how it is counted and when it warns."""

    __tablename__ = "limit_rules"
    __table_args__ = (CheckConstraint("days > 0", name="days_positive"),)

    kind: Mapped[LimitKind] = mapped_column(enum_type(LimitKind, "limit_kind"), primary_key=True)
    days: Mapped[int] = mapped_column(Integer)
    working_days: Mapped[bool] = mapped_column(Boolean, default=False)
    # Days before the due date at which to warn, comma-separated, e.g. "15,5".
    warn_days: Mapped[str] = mapped_column(String(60), default="15,5")
    description: Mapped[str | None] = mapped_column(Text)


class LimitState(enum.StrEnum):
    RUNNING = "running"
    PAUSED = "paused"  # the clock stands still (suspension)
    MET = "met"  # the awaited act happened in time or late; see met_on
    CANCELLED = "cancelled"  # no longer applies (case rejected, request withdrawn)


class CaseLimit(Base):
    """A limit running on a case. ``due_on`` is a cache recomputed from the case's events."""

    __tablename__ = "case_limits"
    __table_args__ = (
        UniqueConstraint("case_id", "kind", "ref_key"),
        # The open limits with what the alert scan and the refresh of all open limits read
        # (services/cases/alerts.py, limits.py): both work from the index alone.
        later_options(
            Index(
                "ix_case_limits_open",
                "state",
                "due_on",
                "kind",
                "case_id",
                "start_on",
                "calendar_covered",
                sqlite_where=text("state IN ('running', 'paused')"),
            ),
            postgresql_where=text("state IN ('running', 'paused')"),
            # SQLite's entries hold the rowid, the id (migration 0024)
            postgresql_include=["id"],
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[LimitKind] = mapped_column(enum_type(LimitKind, "limit_kind"))
    # Distinguishes several limits of one kind on a case (consultation request id, visit id).
    ref_key: Mapped[int] = mapped_column(Integer, default=0)
    start_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    state: Mapped[LimitState] = mapped_column(
        enum_type(LimitState, "limit_state"), default=LimitState.RUNNING
    )
    met_on: Mapped[dt.date | None] = mapped_column(Date)
    calendar_covered: Mapped[bool] = mapped_column(Boolean, default=True)


class AdjustmentKind(enum.StrEnum):
    SUSPENSION = "suspension"
    EXTENSION = "extension"


class ClockAdjustment(Base):
    """A suspension (clock stops from start_on until end_on) or an approved extension."""

    __tablename__ = "clock_adjustments"
    __table_args__ = (
        CheckConstraint(
            "(kind = 'suspension' AND days IS NULL)"
            " OR (kind = 'extension' AND days > 0 AND end_on IS NULL)",
            name="kind_fields",
        ),
        CheckConstraint("end_on IS NULL OR end_on >= start_on", name="end_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    limit_kind: Mapped[LimitKind] = mapped_column(
        enum_type(LimitKind, "limit_kind"), default=LimitKind.HANDLING
    )
    kind: Mapped[AdjustmentKind] = mapped_column(enum_type(AdjustmentKind, "adjustment_kind"))
    start_on: Mapped[dt.date] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    days: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    approved_by: Mapped[User | None] = relationship()


class HolidayDay(Base):
    """The administrator's override of the holiday calendar for one day."""

    __tablename__ = "holiday_days"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    # True: a rest day (statutory holiday); False: an adjusted working day (调休).
    is_rest: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str | None] = mapped_column(String(60))


class HolidayYear(Base):
    """A year whose holidays the administrator has entered completely."""

    __tablename__ = "holiday_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    entered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
