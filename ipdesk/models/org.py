"""The organisation: adjudication offices, their aid stations, partner agencies."""

from __future__ import annotations

import enum

from sqlalchemy import JSON, Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, Code, Name, enum_type


class MediationKind(enum.StrEnum):
    """What kind of mediation an office's mediating organisation does: the legal basis the
    documents cite follows it (domain.md, judicial confirmation)."""

    ADMINISTRATIVE = "administrative"  # 行政调解 (法发〔2009〕45号 第二十条)
    PEOPLE = "people"  # 人民调解 (人民调解法 第三十三条)
    COURT_INVITED = "court_invited"  # 特邀调解 (最高人民法院关于人民法院特邀调解的规定)


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
    # The region whose courts serve the office when it is not its own ``region`` (the
    # development zone has no division code: its cases go to the 科尔沁区 court, 150502).
    court_region: Mapped[str | None] = mapped_column(String(100))
    mediation_kind: Mapped[MediationKind] = mapped_column(
        enum_type(MediationKind, "mediation_kind"),
        default=MediationKind.ADMINISTRATIVE,
        server_default=MediationKind.ADMINISTRATIVE.value,
    )
    # The mediating organisation's name as documents print it (None: the office's name).
    mediation_org_name: Mapped[str | None] = mapped_column(String(200))

    @property
    def jurisdiction_region(self) -> str:
        """The division code whose courts serve the office ('' when none is known)."""
        return (self.court_region or self.region or "").strip()

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
    # Courts: the code in the court's case numbers (内05, 内0502: domain.md) ...
    case_code: Mapped[str | None] = mapped_column(String(20))
    # ... and the IP types (IpType values) it hears at first instance: the SPC's
    # designations under 法释〔2022〕13号 Arts. 1-3, data an administrator maintains. None:
    # not maintained, the level's default (services/rules/jurisdiction.py).
    ip_types: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
