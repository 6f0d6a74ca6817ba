"""adjudication: the administrative adjudication track of patent-infringement disputes

* ``adjudications`` (one per case: the procedure's step, acceptance, panel approval and
  recusal check, service of the request, defence, hearing, suspension for an invalidation
  request, the decision, its service, the window to sue, enforcement),
  ``adjudication_officers`` (the panel), ``adjudication_services`` (送达回证) and
  ``adjudication_records`` (evidence exchange, oral hearing).
* ``cases.status`` / ``cases.outcome`` take ``adjudicated``; ``limit_kind`` columns take
  ``request_service``, ``hearing_notice`` and ``suit_window``. The CHECK constraints are
  widened in place (on SQLite by editing the table's schema text, as 0005 did: no copy of
  the cases table).

Downgrading drops the tables; it refuses while a case or a limit uses the new values
(narrowing them would lose what they say).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUSES = [
    "registered",
    "accepted",
    "mediating",
    "agreement",
    "confirmation_requested",
    "confirmed",
    "confirmation_denied",
    "failed",
    "withdrawn",
    "rejected",
    "closed",
]
_NEW_STATUSES = [*_STATUSES, "adjudicated"]
_KINDS = [
    "handling",
    "acceptance_decision",
    "defence",
    "confirmation_application",
    "court_decision",
    "consultation_answer",
    "follow_up",
]
_NEW_KINDS = [*_KINDS, "request_service", "hearing_notice", "suit_window"]

# (table, constraint name, column, values before, values after)
_CHECKS = [
    ("cases", "ck_cases_case_status", "status", _STATUSES, _NEW_STATUSES),
    ("cases", "ck_cases_case_outcome", "outcome", _STATUSES, _NEW_STATUSES),
    ("limit_rules", "ck_limit_rules_limit_kind", "kind", _KINDS, _NEW_KINDS),
    ("case_limits", "ck_case_limits_limit_kind", "kind", _KINDS, _NEW_KINDS),
    ("clock_adjustments", "ck_clock_adjustments_limit_kind", "limit_kind", _KINDS, _NEW_KINDS),
]


def _in(column: str, values: list[str]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _set_checks(after: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        for table, name, column, old, new in _CHECKS:
            op.drop_constraint(op.f(name), table, type_="check")
            op.create_check_constraint(op.f(name), table, _in(column, new if after else old))
        return
    # SQLite: edit the CHECK in each table's schema text (sqlite.org/lang_altertable.html).
    tables: dict[str, str] = {}
    for table, name, column, old, new in _CHECKS:
        sql = (
            tables.get(table)
            or bind.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).scalar_one()
        )
        pattern = rf"(CONSTRAINT {name} CHECK \(){re.escape(column)} IN \([^)]*\)"
        check = _in(column, new if after else old)
        sql, count = re.subn(pattern, lambda m, check=check: m.group(1) + check, sql)
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


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    _set_checks(after=True)
    op.create_table(
        "adjudications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "step",
            _enum(
                "adjudication_step",
                "requested",
                "refused",
                "accepted",
                "panel_set",
                "request_served",
                "defence_recorded",
                "hearing_notified",
                "hearing_held",
                "decided",
                "decision_served",
                "enforcement_applied",
                "concluded",
            ),
            nullable=False,
        ),
        sa.Column(
            "route",
            _enum("adjudication_route", "at_acceptance", "after_mediation"),
            nullable=False,
        ),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("refused_on", sa.Date(), nullable=True),
        sa.Column("refusal_reason", sa.Text(), nullable=True),
        sa.Column("acceptance_approved_by_id", sa.Integer(), nullable=True),
        sa.Column("panel_approved_by_id", sa.Integer(), nullable=True),
        sa.Column("panel_approved_on", sa.Date(), nullable=True),
        sa.Column("recusal_check", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("request_served_on", sa.Date(), nullable=True),
        sa.Column("defence_received_on", sa.Date(), nullable=True),
        sa.Column("defence_summary", sa.Text(), nullable=True),
        sa.Column("no_defence", sa.Boolean(), nullable=False),
        sa.Column("hearing_notified_on", sa.Date(), nullable=True),
        sa.Column("hearing_on", sa.Date(), nullable=True),
        sa.Column("hearing_place", sa.String(length=200), nullable=True),
        sa.Column("hearing_held_on", sa.Date(), nullable=True),
        sa.Column("suspended", sa.Boolean(), nullable=False),
        sa.Column("invalidation_number", sa.String(length=40), nullable=True),
        sa.Column("decision_number", sa.String(length=60), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("infringement_found", sa.Boolean(), nullable=True),
        sa.Column("order_to_stop", sa.Text(), nullable=True),
        sa.Column("reasons", sa.Text(), nullable=True),
        sa.Column("signed_off_by_id", sa.Integer(), nullable=True),
        sa.Column("decision_served_on", sa.Date(), nullable=True),
        sa.Column(
            "window_outcome",
            _enum("window_outcome", "complied", "sued", "not_stopped"),
            nullable=True,
        ),
        sa.Column("window_outcome_on", sa.Date(), nullable=True),
        sa.Column("suit_court_case_number", sa.String(length=60), nullable=True),
        sa.Column("enforcement_applied_on", sa.Date(), nullable=True),
        sa.Column("enforcement_court_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "decided_on IS NULL OR infringement_found IS NOT NULL",
            name=op.f("ck_adjudications_decision_complete"),
        ),
        sa.ForeignKeyConstraint(
            ["acceptance_approved_by_id"],
            ["users.id"],
            name=op.f("fk_adjudications_acceptance_approved_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_adjudications_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enforcement_court_id"],
            ["agencies.id"],
            name=op.f("fk_adjudications_enforcement_court_id_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["panel_approved_by_id"],
            ["users.id"],
            name=op.f("fk_adjudications_panel_approved_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["signed_off_by_id"],
            ["users.id"],
            name=op.f("fk_adjudications_signed_off_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjudications")),
        sa.UniqueConstraint("case_id", name=op.f("uq_adjudications_case_id")),
    )
    op.create_index(op.f("ix_adjudications_step"), "adjudications", ["step"], unique=False)
    op.create_table(
        "adjudication_officers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("adjudication_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("presiding", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["adjudication_id"],
            ["adjudications.id"],
            name=op.f("fk_adjudication_officers_adjudication_id_adjudications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_adjudication_officers_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjudication_officers")),
        sa.UniqueConstraint(
            "adjudication_id",
            "user_id",
            name=op.f("uq_adjudication_officers_adjudication_id_user_id"),
        ),
    )
    op.create_index(
        op.f("ix_adjudication_officers_adjudication_id"),
        "adjudication_officers",
        ["adjudication_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_adjudication_officers_user_id"),
        "adjudication_officers",
        ["user_id"],
        unique=False,
    )
    op.create_table(
        "adjudication_services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("adjudication_id", sa.Integer(), nullable=False),
        sa.Column(
            "document",
            _enum(
                "served_document",
                "acceptance_notice",
                "refusal_notice",
                "request_copy",
                "hearing_notice",
                "decision",
            ),
            nullable=False,
        ),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column(
            "method",
            _enum(
                "service_method",
                "direct",
                "mail",
                "electronic",
                "left",
                "entrusted",
                "public_notice",
            ),
            nullable=False,
        ),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("signed_by", sa.String(length=200), nullable=True),
        sa.Column("server_name", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["adjudication_id"],
            ["adjudications.id"],
            name=op.f("fk_adjudication_services_adjudication_id_adjudications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["parties.id"],
            name=op.f("fk_adjudication_services_party_id_parties"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjudication_services")),
    )
    op.create_index(
        op.f("ix_adjudication_services_adjudication_id"),
        "adjudication_services",
        ["adjudication_id"],
        unique=False,
    )
    op.create_table(
        "adjudication_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("adjudication_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            _enum("proceeding_record_kind", "evidence_exchange", "hearing"),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("participants", sa.Text(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["adjudication_id"],
            ["adjudications.id"],
            name=op.f("fk_adjudication_records_adjudication_id_adjudications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_adjudication_records_recorded_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adjudication_records")),
    )
    op.create_index(
        op.f("ix_adjudication_records_adjudication_id"),
        "adjudication_records",
        ["adjudication_id"],
        unique=False,
    )


def downgrade() -> None:
    bind = op.get_bind()
    in_use = bind.execute(
        sa.text(
            "SELECT (SELECT count(*) FROM cases WHERE status = 'adjudicated' "
            "OR outcome = 'adjudicated') + (SELECT count(*) FROM case_limits WHERE kind IN "
            "('request_service', 'hearing_notice', 'suit_window')) + (SELECT count(*) FROM "
            "clock_adjustments WHERE limit_kind IN ('request_service', 'hearing_notice', "
            "'suit_window'))"
        )
    ).scalar_one()
    if in_use:
        raise RuntimeError(
            "cases or limits of the adjudication track exist: downgrading below 0009 would "
            "lose them; restore a backup made before the upgrade instead"
        )
    op.execute(
        "DELETE FROM limit_rules WHERE kind IN ('request_service', 'hearing_notice', 'suit_window')"
    )
    for table in (
        "adjudication_records",
        "adjudication_services",
        "adjudication_officers",
        "adjudications",
    ):
        op.drop_table(table)
    _set_checks(after=False)
