"""The dashboard's maintained summary (services/queries/dashboard_summary.py): counts of cases per
unit, day and key, kept in the transaction of every change that moves them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from ipdesk.models.base import Base


class DashboardSummary(Base):
    """One count of the summary: ``n`` cases (or the change of a running count, for the
    kinds that are sums of changes up to a day) of ``kind`` on ``day`` in one office and
    station (``station_id`` 0: none) with the same further keys. See
    services/queries/dashboard_summary.py for the kinds and what each key means."""

    __tablename__ = "dashboard_summary"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012

    kind: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    office_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    days: Mapped[int] = mapped_column(Integer, primary_key=True)
    flags: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    ip_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    lo: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    hi: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)
