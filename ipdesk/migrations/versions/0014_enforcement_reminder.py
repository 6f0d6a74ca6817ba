"""enforcement reminder: the written reminder (催告书) before the application for enforcement

* ``adjudications.enforcement_reminded_on``: the day the reminder was served on the
  infringer (行政强制法 Art. 54: the application to the court waits until the party has not
  performed 10 days after the reminder's service).
* ``limit_kind`` columns take ``enforcement_reminder`` (the rule naming its source is
  seeded by services/admin/seed.py). The CHECK constraints are widened in place (on SQLite by
  editing the table's schema text, as 0009 did).

Downgrading refuses while a limit or an adjustment uses the new kind; it deletes the rule
and drops the column (the reminders' dates stay in the cases' timelines).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = [
    "handling",
    "acceptance_decision",
    "defence",
    "confirmation_application",
    "court_decision",
    "consultation_answer",
    "follow_up",
    "request_service",
    "hearing_notice",
    "suit_window",
]
_NEW_KINDS = [*_KINDS, "enforcement_reminder"]

# (table, constraint name, column)
_CHECKS = [
    ("limit_rules", "ck_limit_rules_limit_kind", "kind"),
    ("case_limits", "ck_case_limits_limit_kind", "kind"),
    ("clock_adjustments", "ck_clock_adjustments_limit_kind", "limit_kind"),
]


def _in(column: str, values: list[str]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _set_checks(after: bool) -> None:
    values = _NEW_KINDS if after else _KINDS
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        for table, name, column in _CHECKS:
            op.drop_constraint(op.f(name), table, type_="check")
            op.create_check_constraint(op.f(name), table, _in(column, values))
        return
    # SQLite: edit the CHECK in each table's schema text (sqlite.org/lang_altertable.html).
    tables: dict[str, str] = {}
    for table, name, column in _CHECKS:
        sql = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).scalar_one()
        pattern = rf"(CONSTRAINT {name} CHECK \(){re.escape(column)} IN \([^)]*\)"
        check = _in(column, values)

        def replace(m: re.Match[str], check: str = check) -> str:
            return m.group(1) + check

        sql, count = re.subn(pattern, replace, sql)
        if count != 1:
            raise RuntimeError(f"{table}.{column}: CHECK constraint {name} not found")
        tables[table] = sql
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for table, sql in tables.items():
            bind.execute(
                sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = :t"),
                {"sql": sql, "t": table},
            )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    _set_checks(after=True)
    op.add_column("adjudications", sa.Column("enforcement_reminded_on", sa.Date(), nullable=True))


def downgrade() -> None:
    bind = op.get_bind()
    in_use = bind.execute(
        sa.text(
            "SELECT (SELECT count(*) FROM case_limits WHERE kind = 'enforcement_reminder') + "
            "(SELECT count(*) FROM clock_adjustments WHERE limit_kind = 'enforcement_reminder')"
        )
    ).scalar_one()
    if in_use:
        raise RuntimeError(
            "limits of the enforcement reminder exist: downgrading below 0014 would lose "
            "them; restore a backup made before the upgrade instead"
        )
    op.execute("DELETE FROM limit_rules WHERE kind = 'enforcement_reminder'")
    if bind.dialect.name == "sqlite":
        op.execute("ALTER TABLE adjudications DROP COLUMN enforcement_reminded_on")
    else:
        op.drop_column("adjudications", "enforcement_reminded_on")
    _set_checks(after=False)
