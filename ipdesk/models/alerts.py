"""Alerts derived from limits: one row per limit, threshold and due date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, UTCDateTime, utcnow
from ipdesk.models.limits import CaseLimit


class Alert(Base):
    __tablename__ = "alerts"
    __table_args__ = (
        # Several clients scanning one database create each alert once.
        UniqueConstraint("limit_id", "threshold", "due_on"),
        Index("ix_alerts_open", "acknowledged_at", "withdrawn_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # A copy of the limit's case (written by the scan): no key of its own, the limit's
    # carries the cascade (migration 0017).
    case_id: Mapped[int] = mapped_column(index=True)
    limit_id: Mapped[int] = mapped_column(ForeignKey("case_limits.id", ondelete="CASCADE"))
    # "warn:15", "warn:5", "due", "overdue"
    threshold: Mapped[str] = mapped_column(String(20))
    due_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Set when the limit changed (suspension, rule, holiday) and the alert no longer applies.
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    limit: Mapped[CaseLimit] = relationship()
