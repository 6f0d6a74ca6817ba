"""Case numbers: ``{office code}-{year of receipt}-{sequence:05d}``, gap-free per office
and year. The sequence row is incremented by an upsert, which locks it until the
transaction ends (PostgreSQL: row lock; SQLite: the BEGIN IMMEDIATE of ``ipdesk.db``
serialises writers), so a rolled-back registration gives its number back."""

from __future__ import annotations

from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from ipdesk.dialects import postgresql, sqlite
from ipdesk.models import (
    CaseSequence,
    Office,
)


def next_case_number(session: Session, office: Office, year: int) -> str:
    """Take the next number of ``office`` in ``year``: an atomic upsert of the sequence row.

    The row stays locked until the transaction ends, so concurrent registrations in one
    office wait for each other and get consecutive numbers; a rollback returns the number.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(CaseSequence)
        .values(office_id=office.id, year=year, last_value=1)
        .on_conflict_do_update(
            index_elements=[CaseSequence.office_id, CaseSequence.year],
            set_={"last_value": CaseSequence.last_value + 1},
        )
        .returning(CaseSequence.last_value)
    )
    value = session.execute(statement).scalar_one()
    # An ORM copy of the row in this session is now stale.
    loaded = session.identity_map.get(identity_key(CaseSequence, (office.id, year)))
    if loaded is not None:
        session.expire(loaded)
    return format_case_number(office.code, year, value)


def format_case_number(office_code: str, year: int, sequence: int) -> str:
    return f"{office_code}-{year}-{sequence:05d}"
