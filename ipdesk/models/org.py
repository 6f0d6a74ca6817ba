"""The organisation: adjudication offices, their aid stations, partner agencies."""

from __future__ import annotations

import enum

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, Code, Name, enum_type


class Office(Base):
    """An IP administrative adjudication office (知识产权行政裁决所)."""

    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(Code, unique=True)
    name: Mapped[str] = mapped_column(Name)
    region: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    stations: Mapped[list[Station]] = relationship(back_populates="office", order_by="Station.code")


class Station(Base):
    """An aid station (维权援助站/点); its cases are handled by its office."""

    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(Code, unique=True)
    name: Mapped[str] = mapped_column(Name)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    office: Mapped[Office] = relationship(back_populates="stations")


class AgencyKind(enum.StrEnum):
    COURT = "court"
    PROCURATORATE = "procuratorate"
    JUSTICE_BUREAU = "justice_bureau"
    OTHER = "other"


class Agency(Base):
    """A partner agency: court, procuratorate, justice bureau, or another one."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(Code, unique=True)
    kind: Mapped[AgencyKind] = mapped_column(enum_type(AgencyKind, "agency_kind"))
    name: Mapped[str] = mapped_column(Name)
    contact_person: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    # Courts: the level matters for jurisdiction over judicial confirmation.
    court_level: Mapped[str | None] = mapped_column(String(20))
    region: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
