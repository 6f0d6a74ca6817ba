"""People who sign in, with their role and the part of the network they act for."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, Name, UTCDateTime, enum_type, utcnow
from ipdesk.models.org import Office, Station


class Role(enum.StrEnum):
    STATION_STAFF = "station_staff"
    MEDIATOR = "mediator"
    OFFICE_MANAGER = "office_manager"
    CITY_MANAGER = "city_manager"
    ADMIN = "admin"


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        # The scope must fit the role: station staff act for a station, mediators and
        # office managers for an office, city managers and administrators for everything.
        CheckConstraint(
            "(role = 'station_staff' AND station_id IS NOT NULL AND office_id IS NULL)"
            " OR (role IN ('mediator', 'office_manager')"
            " AND office_id IS NOT NULL AND station_id IS NULL)"
            " OR (role IN ('city_manager', 'admin') AND office_id IS NULL AND station_id IS NULL)",
            name="scope_fits_role",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(Name)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_type(Role, "role"))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    may_view_personal_data: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    office: Mapped[Office | None] = relationship()
    station: Mapped[Station | None] = relationship()
