"""The working calendar as stored: the administrator's holiday overrides and years."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import HolidayDay, HolidayYear
from ipdesk.services.rules.deadlines import WorkCalendar


def load_calendar(session: Session) -> WorkCalendar:
    rows = session.execute(select(HolidayDay.day, HolidayDay.is_rest)).all()
    years = session.scalars(select(HolidayYear.year))
    return WorkCalendar.from_rows(rows, years)
