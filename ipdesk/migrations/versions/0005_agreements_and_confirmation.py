"""agreements and confirmation

* IP types that tell technical secrets (``technical_secret``) and computer-software
  copyright (``software_copyright``) from other trade secrets and copyright: they go to the
  intermediate court at first instance (法释〔2022〕13号 Art. 1). The ``cases.ip_type``
  CHECK constraint is widened. On SQLite this edits the table's schema text in place (the
  procedure of https://www.sqlite.org/lang_altertable.html for CHECK constraints) instead
  of a batch copy of ``cases``: a copy would drop the search triggers, and with foreign
  keys on, dropping the old table would cascade to the parties. Every stored value stays
  valid under the wider constraint.
* Courts (``agencies``): ``case_code`` (内05, 内0502 …) and ``ip_types`` (the IP types a
  court hears at first instance, the SPC's designations as data), seeded for the
  registered demo courts.
* Offices: ``court_region`` (the development zone TL09 has no division code; the
  科尔沁区 court serves it), ``mediation_kind`` (行政调解 / 人民调解 / 特邀调解) and
  ``mediation_org_name``.
* Obligations: ``kind`` (payment, delivery, destruction, removal, apology, refraining,
  other).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_IP_TYPES = [
    "patent_invention",
    "patent_utility_model",
    "patent_design",
    "trademark",
    "copyright",
    "geographical_indication",
    "trade_secret",
    "ic_layout",
    "plant_variety",
    "other",
]
_NEW_IP_TYPES = [*_OLD_IP_TYPES[:7], "technical_secret", "software_copyright", *_OLD_IP_TYPES[7:]]
_BACK = {"technical_secret": "trade_secret", "software_copyright": "copyright"}

_INTERMEDIATE = [
    "patent_invention",
    "patent_utility_model",
    "patent_design",
    "technical_secret",
    "software_copyright",
    "plant_variety",
    "ic_layout",
]
_BASIC = ["trademark", "copyright", "geographical_indication", "trade_secret", "other"]
# The demo seed's courts (resources/org/agencies.csv): code -> case-number code.
_COURT_CODES = {
    "CT-ZY": "内05",
    "CT-KEQ": "内0502",
    "CT-KZZ": "内0521",
    "CT-KZH": "内0522",
    "CT-KL": "内0523",
    "CT-KLQ": "内0524",
    "CT-NM": "内0525",
    "CT-ZLT": "内0526",
    "CT-HLGL": "内0581",
}


def _ip_type_check(values: list[str]) -> str:
    return "ip_type IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _set_sqlite_ip_types(values: list[str]) -> None:
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'cases'"
    ).scalar_one()
    new, count = re.subn(r"ip_type IN \([^)]*\)", _ip_type_check(values), sql)
    if count != 1:
        raise RuntimeError("cases.ip_type: CHECK constraint not found")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.execute(
            sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'cases'"),
            {"sql": new},
        )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def _set_ip_types(values: list[str]) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _set_sqlite_ip_types(values)
    else:
        op.drop_constraint(op.f("ck_cases_ip_type"), "cases", type_="check")
        op.create_check_constraint(op.f("ck_cases_ip_type"), "cases", _ip_type_check(values))


def _add_enum_column(table: str, column: str, name: str, values: list[str], default: str) -> None:
    """A NOT NULL enum column with its CHECK constraint. On SQLite a plain ADD COLUMN with
    the constraint inline: a batch copy of ``offices`` would fail (dropping the old table
    with foreign keys on deletes its rows, and the cases refer to them)."""
    if op.get_bind().dialect.name == "sqlite":
        checks = ", ".join(f"'{v}'" for v in values)
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR(32) DEFAULT '{default}' NOT NULL "
            f"CONSTRAINT ck_{table}_{name} CHECK ({column} IN ({checks}))"
        )
        return
    op.add_column(
        table,
        sa.Column(
            column,
            sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32),
            server_default=default,
            nullable=False,
        ),
    )


def _drop_column(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)


def upgrade() -> None:
    _set_ip_types(_NEW_IP_TYPES)
    op.add_column("agencies", sa.Column("case_code", sa.String(length=20), nullable=True))
    op.add_column("agencies", sa.Column("ip_types", sa.JSON(none_as_null=True), nullable=True))
    op.add_column("offices", sa.Column("court_region", sa.String(length=100), nullable=True))
    _add_enum_column(
        "offices",
        "mediation_kind",
        "mediation_kind",
        ["administrative", "people", "court_invited"],
        "administrative",
    )
    op.add_column("offices", sa.Column("mediation_org_name", sa.String(length=200), nullable=True))
    _add_enum_column(
        "obligations",
        "kind",
        "obligation_kind",
        ["payment", "delivery", "destruction", "removal", "apology", "refraining", "other"],
        "other",
    )
    # Existing obligations with an amount were payments (the only structured term so far).
    op.execute("UPDATE obligations SET kind = 'payment' WHERE amount IS NOT NULL AND amount > 0")
    agencies = sa.table(
        "agencies",
        sa.column("code", sa.String),
        sa.column("court_level", sa.String),
        sa.column("case_code", sa.String),
        sa.column("ip_types", sa.JSON),
    )
    for code, case_code in _COURT_CODES.items():
        types = _INTERMEDIATE + _BASIC if case_code == "内05" else _BASIC
        op.execute(
            agencies.update()
            .where(agencies.c.code == code)
            .values(case_code=case_code, ip_types=types)
        )
    offices = sa.table(
        "offices", sa.column("code", sa.String), sa.column("court_region", sa.String)
    )
    op.execute(offices.update().where(offices.c.code == "TL09").values(court_region="150502"))


def downgrade() -> None:
    _drop_column("obligations", "kind")
    for column in ("mediation_org_name", "mediation_kind", "court_region"):
        _drop_column("offices", column)
    for column in ("ip_types", "case_code"):
        _drop_column("agencies", column)
    for new, old in _BACK.items():
        op.execute(f"UPDATE cases SET ip_type = '{old}' WHERE ip_type = '{new}'")
    _set_ip_types(_OLD_IP_TYPES)
