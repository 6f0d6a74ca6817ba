"""Mediation records (调解笔录): what was said at each mediation session of a case."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, Name, UTCDateTime, utcnow
from ipdesk.models.users import User


class MediationRecord(Base):
    """One mediation session as the mediator wrote it down: when and where, who attended,
    what was said, and what happens next. A record is not edited once saved (it is what
    the attendees read and signed); a correction is a further record."""

    __tablename__ = "mediation_records"
    __table_args__ = (Index("ix_mediation_records_case_held", "case_id", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(Name)
    attendees: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)
    recorder_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorder: Mapped[User | None] = relationship()
