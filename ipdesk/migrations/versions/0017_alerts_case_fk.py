"""alerts without a foreign key of their own to the case: the limit's carries it

``alerts.case_id`` is a copy of its limit's ``case_limits.case_id`` (the alert scan writes
it from there). Its foreign key checked nothing the limit's does not: deleting a case
deletes its limits (``ON DELETE CASCADE``), which delete their alerts, and no key
checked that the copy matches its limit. It cost the first alert scan a look-up of each
alert's case, on PostgreSQL with a row lock written on the case (``FOR KEY SHARE``): 150 to
300 ms of a 0.7 to 1.1 s first scan of 11,700 alerts at 200,000 cases under load.

SQLite: the constraint is removed from the table's schema text (a foreign key may be
dropped that way, sqlite.org/lang_altertable.html; no copy of the table), PostgreSQL:
``ALTER TABLE ... DROP CONSTRAINT``. Downgrading adds it back.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "fk_alerts_case_id_cases"
_CLAUSE = f"CONSTRAINT {_NAME} FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE"


def _edit_sqlite_schema(edit: re.Pattern[str], replacement: str) -> None:
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'alerts'"
    ).scalar_one()
    sql, count = edit.subn(replacement, sql)
    if count != 1:
        raise RuntimeError(f"alerts: the place of {_NAME} not found in the table's schema")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.execute(
            sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'alerts'"),
            {"sql": sql},
        )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(_NAME, "alerts", type_="foreignkey")
        return
    _edit_sqlite_schema(re.compile(rf",\s*CONSTRAINT {_NAME} FOREIGN KEY\([^)]*\)[^,]*"), "")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.create_foreign_key(_NAME, "alerts", "cases", ["case_id"], ["id"], ondelete="CASCADE")
        return
    _edit_sqlite_schema(
        re.compile(r"(,\s*)(CONSTRAINT fk_alerts_limit_id_case_limits )"),
        rf"\1{_CLAUSE}, \n\t\2",
    )
