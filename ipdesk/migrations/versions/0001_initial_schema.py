"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "court",
                "procuratorate",
                "justice_bureau",
                "other",
                name="agency_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contact_person", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("court_level", sa.String(length=20), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
        sa.UniqueConstraint("code", name=op.f("uq_agencies_code")),
    )
    op.create_table(
        "follow_up_policies",
        sa.Column(
            "category",
            sa.Enum(
                "serious",
                "ordinary",
                "minor",
                name="case_category",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("visits_per_year", sa.Integer(), nullable=False),
        sa.Column("sample_share", sa.Numeric(precision=4, scale=3), nullable=False),
        sa.Column("first_delay_days", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "first_delay_days >= 0", name=op.f("ck_follow_up_policies_delay_nonnegative")
        ),
        sa.CheckConstraint(
            "sample_share > 0 AND sample_share <= 1", name=op.f("ck_follow_up_policies_share_range")
        ),
        sa.CheckConstraint(
            "visits_per_year >= 0", name=op.f("ck_follow_up_policies_visits_nonnegative")
        ),
        sa.PrimaryKeyConstraint("category", name=op.f("pk_follow_up_policies")),
    )
    op.create_table(
        "holiday_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("is_rest", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=True),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holiday_days")),
    )
    op.create_table(
        "limit_rules",
        sa.Column(
            "kind",
            sa.Enum(
                "handling",
                "acceptance_decision",
                "defence",
                "confirmation_application",
                "court_decision",
                "consultation_answer",
                "follow_up",
                name="limit_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("working_days", sa.Boolean(), nullable=False),
        sa.Column("warn_days", sa.String(length=60), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.CheckConstraint("days > 0", name=op.f("ck_limit_rules_days_positive")),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_limit_rules")),
    )
    op.create_table(
        "offices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offices")),
        sa.UniqueConstraint("code", name=op.f("uq_offices_code")),
    )
    op.create_table(
        "case_sequences",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_case_sequences_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("office_id", "year", name=op.f("pk_case_sequences")),
    )
    op.create_table(
        "stations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_stations_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("code", name=op.f("uq_stations_code")),
    )
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stations_office_id"), ["office_id"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "station_staff",
                "mediator",
                "office_manager",
                "city_manager",
                "admin",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("may_view_personal_data", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(role = 'station_staff' AND station_id IS NOT NULL AND office_id IS NULL) OR (role IN ('mediator', 'office_manager') AND office_id IS NOT NULL AND station_id IS NULL) OR (role IN ('city_manager', 'admin') AND office_id IS NULL AND station_id IS NULL)",
            name=op.f("ck_users_scope_fits_role"),
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_users_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_users_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_office_id"), ["office_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_users_station_id"), ["station_id"], unique=False)

    op.create_table(
        "audit_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=60), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_audit_records_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_records")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_records_hash")),
    )
    with op.batch_alter_table("audit_records", schema=None) as batch_op:
        batch_op.create_index("ix_audit_records_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("mediator_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
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
                name="case_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("is_suspended", sa.Boolean(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
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
                name="case_outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "ip_type",
            sa.Enum(
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
                name="ip_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("right_number", sa.String(length=40), nullable=True),
        sa.Column("right_holder", sa.String(length=200), nullable=True),
        sa.Column(
            "dispute_type",
            sa.Enum(
                "infringement",
                "ownership",
                "contract",
                "unfair_competition",
                "other",
                name="dispute_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("amount_claimed", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column(
            "channel",
            sa.Enum(
                "walk_in",
                "phone",
                "online",
                "court_referral",
                "transfer",
                name="channel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("referring_court_id", sa.Integer(), nullable=True),
        sa.Column("court_case_number", sa.String(length=60), nullable=True),
        sa.Column(
            "referral_kind",
            sa.Enum(
                "pre_litigation",
                "in_litigation",
                name="referral_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "category",
            sa.Enum(
                "serious",
                "ordinary",
                "minor",
                name="case_category",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "accepted_on IS NULL OR accepted_on >= received_on",
            name=op.f("ck_cases_accepted_after_received"),
        ),
        sa.CheckConstraint(
            "amount_claimed IS NULL OR amount_claimed >= 0", name=op.f("ck_cases_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_cases_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["mediator_id"], ["users.id"], name=op.f("fk_cases_mediator_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_cases_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["referring_court_id"],
            ["agencies.id"],
            name=op.f("fk_cases_referring_court_id_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_cases_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("number", name=op.f("uq_cases_number")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(
            "ix_cases_dashboard",
            [
                "office_id",
                "station_id",
                "received_on",
                "closed_on",
                "status",
                "outcome",
                "accepted_on",
                "due_on",
                "ip_type",
            ],
            unique=False,
            postgresql_include=["id"],
        )
        batch_op.create_index(batch_op.f("ix_cases_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_mediator_id"), ["mediator_id"], unique=False)
        batch_op.create_index("ix_cases_office_due", ["office_id", "due_on"], unique=False)
        batch_op.create_index("ix_cases_office_number", ["office_id", "number"], unique=False)
        batch_op.create_index(
            "ix_cases_office_received", ["office_id", "received_on"], unique=False
        )
        batch_op.create_index("ix_cases_office_status", ["office_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_received_on"), ["received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_right_number"), ["right_number"], unique=False)
        batch_op.create_index("ix_cases_station_status", ["station_id", "status"], unique=False)
        batch_op.create_index("ix_cases_status_due", ["status", "due_on"], unique=False)

    op.create_table(
        "holiday_years",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entered_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entered_by_id"], ["users.id"], name=op.f("fk_holiday_years_entered_by_id_users")
        ),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_holiday_years")),
    )
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("facts", sa.Text(), nullable=True),
        sa.Column("responsibilities", sa.Text(), nullable=True),
        sa.Column("decides_ownership", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_agreements_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
        sa.UniqueConstraint("case_id", name=op.f("uq_agreements_case_id")),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("stored_name", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_attachments_added_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_attachments_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("stored_name", name=op.f("uq_attachments_stored_name")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=True),
        sa.Column("to_status", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("details", sa.JSON(none_as_null=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_events_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_case_events_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
    )
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.create_index("ix_case_events_case_at", ["case_id", "at"], unique=False)

    op.create_table(
        "case_limits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "handling",
                "acceptance_decision",
                "defence",
                "confirmation_application",
                "court_decision",
                "consultation_answer",
                "follow_up",
                name="limit_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("ref_key", sa.Integer(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "state",
            sa.Enum(
                "running",
                "paused",
                "met",
                "cancelled",
                name="limit_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("met_on", sa.Date(), nullable=True),
        sa.Column("calendar_covered", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_limits_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_limits")),
        sa.UniqueConstraint(
            "case_id", "kind", "ref_key", name=op.f("uq_case_limits_case_id_kind_ref_key")
        ),
    )
    with op.batch_alter_table("case_limits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_limits_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_case_limits_state_due", ["state", "due_on"], unique=False)

    op.create_table(
        "clock_adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "limit_kind",
            sa.Enum(
                "handling",
                "acceptance_decision",
                "defence",
                "confirmation_application",
                "court_decision",
                "consultation_answer",
                "follow_up",
                name="limit_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "suspension",
                "extension",
                name="adjustment_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(kind = 'suspension' AND days IS NULL) OR (kind = 'extension' AND days > 0 AND end_on IS NULL)",
            name=op.f("ck_clock_adjustments_kind_fields"),
        ),
        sa.CheckConstraint(
            "end_on IS NULL OR end_on >= start_on",
            name=op.f("ck_clock_adjustments_end_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"], ["users.id"], name=op.f("fk_clock_adjustments_approved_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_clock_adjustments_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clock_adjustments")),
    )
    with op.batch_alter_table("clock_adjustments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clock_adjustments_case_id"), ["case_id"], unique=False)

    op.create_table(
        "confirmations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("court_id", sa.Integer(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("court_accepted_on", sa.Date(), nullable=True),
        sa.Column(
            "decision",
            sa.Enum(
                "valid",
                "dismissed",
                name="confirmation_decision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("ruling_number", sa.String(length=60), nullable=True),
        sa.Column("extended", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_confirmations_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["court_id"], ["agencies.id"], name=op.f("fk_confirmations_court_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_confirmations")),
    )
    with op.batch_alter_table("confirmations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_confirmations_case_id"), ["case_id"], unique=False)

    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "consultation",
                "crime_referral",
                name="consult_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "state",
            sa.Enum(
                "open",
                "concluded",
                "withdrawn",
                name="consult_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("questions", sa.Text(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("meeting_on", sa.Date(), nullable=True),
        sa.Column("meeting_place", sa.String(length=200), nullable=True),
        sa.Column("participants", sa.Text(), nullable=True),
        sa.Column("minutes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_consultations_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"], ["users.id"], name=op.f("fk_consultations_requested_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultations_case_id"), ["case_id"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("stored_name", sa.String(length=260), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_documents_author_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_documents_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint(
            "case_id", "kind", "version", name=op.f("uq_documents_case_id_kind_version")
        ),
        sa.UniqueConstraint("stored_name", name=op.f("uq_documents_stored_name")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_case_id"), ["case_id"], unique=False)

    op.create_table(
        "follow_up_visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column(
            "state",
            sa.Enum(
                "planned",
                "done",
                "cancelled",
                name="visit_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("responsible_id", sa.Integer(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column(
            "method",
            sa.Enum(
                "visit",
                "phone",
                "online",
                name="visit_method",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("visitor_id", sa.Integer(), nullable=True),
        sa.Column("person_visited", sa.String(length=100), nullable=True),
        sa.Column(
            "performance",
            sa.Enum(
                "pending",
                "full",
                "partial",
                "none",
                name="performance",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("problems", sa.Text(), nullable=True),
        sa.Column("next_action", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
            name=op.f("ck_follow_up_visits_satisfaction"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_follow_up_visits_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_follow_up_visits_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"], ["users.id"], name=op.f("fk_follow_up_visits_responsible_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_follow_up_visits_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["visitor_id"], ["users.id"], name=op.f("fk_follow_up_visits_visitor_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_visits")),
    )
    with op.batch_alter_table("follow_up_visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_visits_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            "ix_follow_up_visits_dashboard",
            ["office_id", "station_id", "due_on", "state", "done_on"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_follow_up_visits_responsible_id"), ["responsible_id"], unique=False
        )
        batch_op.create_index("ix_follow_up_visits_state_due", ["state", "due_on"], unique=False)

    op.create_table(
        "parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "applicant",
                "respondent",
                "third_party",
                "agent",
                name="party_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "person",
                "organisation",
                name="party_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("sex", sa.String(length=10), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("ethnicity", sa.String(length=20), nullable=True),
        sa.Column("legal_representative", sa.String(length=100), nullable=True),
        sa.Column("legal_representative_title", sa.String(length=60), nullable=True),
        sa.Column("represents_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_parties_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["represents_id"], ["parties.id"], name=op.f("fk_parties_represents_id_parties")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parties")),
    )
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.create_index("ix_parties_case_role", ["case_id", "role"], unique=False)
        batch_op.create_index(batch_op.f("ix_parties_id_number"), ["id_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_parties_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_parties_represents_id"), ["represents_id"], unique=False
        )

    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("limit_id", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.String(length=20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by_id", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"], ["users.id"], name=op.f("fk_alerts_acknowledged_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_alerts_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["limit_id"],
            ["case_limits.id"],
            name=op.f("fk_alerts_limit_id_case_limits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint(
            "limit_id", "threshold", "due_on", name=op.f("uq_alerts_limit_id_threshold_due_on")
        ),
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alerts_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_alerts_open", ["acknowledged_at", "withdrawn_at"], unique=False)

    op.create_table(
        "consultation_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "requested",
                "answered",
                "withdrawn",
                name="request_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("opinion", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_consultation_requests_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_consultation_requests_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_requests")),
        sa.UniqueConstraint(
            "consultation_id",
            "agency_id",
            name=op.f("uq_consultation_requests_consultation_id_agency_id"),
        ),
    )
    with op.batch_alter_table("consultation_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_requests_agency_id"), ["agency_id"], unique=False
        )

    op.create_table(
        "obligations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("obligor_id", sa.Integer(), nullable=True),
        sa.Column("obligee_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "performance",
            sa.Enum(
                "pending",
                "full",
                "partial",
                "none",
                name="performance",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.CheckConstraint(
            "amount IS NULL OR amount >= 0", name=op.f("ck_obligations_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_obligations_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["obligee_id"], ["parties.id"], name=op.f("fk_obligations_obligee_id_parties")
        ),
        sa.ForeignKeyConstraint(
            ["obligor_id"], ["parties.id"], name=op.f("fk_obligations_obligor_id_parties")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_obligations")),
    )
    with op.batch_alter_table("obligations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_obligations_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_obligations_obligee_id"), ["obligee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_obligations_obligor_id"), ["obligor_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("obligations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_obligations_obligor_id"))
        batch_op.drop_index(batch_op.f("ix_obligations_obligee_id"))
        batch_op.drop_index(batch_op.f("ix_obligations_agreement_id"))

    op.drop_table("obligations")
    with op.batch_alter_table("consultation_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_requests_agency_id"))

    op.drop_table("consultation_requests")
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_alerts_open")
        batch_op.drop_index(batch_op.f("ix_alerts_case_id"))

    op.drop_table("alerts")
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parties_represents_id"))
        batch_op.drop_index(batch_op.f("ix_parties_name"))
        batch_op.drop_index(batch_op.f("ix_parties_id_number"))
        batch_op.drop_index("ix_parties_case_role")

    op.drop_table("parties")
    with op.batch_alter_table("follow_up_visits", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_visits_state_due")
        batch_op.drop_index(batch_op.f("ix_follow_up_visits_responsible_id"))
        batch_op.drop_index("ix_follow_up_visits_dashboard")
        batch_op.drop_index(batch_op.f("ix_follow_up_visits_case_id"))

    op.drop_table("follow_up_visits")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_case_id"))

    op.drop_table("documents")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultations_case_id"))

    op.drop_table("consultations")
    with op.batch_alter_table("confirmations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_confirmations_case_id"))

    op.drop_table("confirmations")
    with op.batch_alter_table("clock_adjustments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clock_adjustments_case_id"))

    op.drop_table("clock_adjustments")
    with op.batch_alter_table("case_limits", schema=None) as batch_op:
        batch_op.drop_index("ix_case_limits_state_due")
        batch_op.drop_index(batch_op.f("ix_case_limits_case_id"))

    op.drop_table("case_limits")
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_index("ix_case_events_case_at")

    op.drop_table("case_events")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_case_id"))

    op.drop_table("attachments")
    op.drop_table("agreements")
    op.drop_table("holiday_years")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_status_due")
        batch_op.drop_index("ix_cases_station_status")
        batch_op.drop_index(batch_op.f("ix_cases_right_number"))
        batch_op.drop_index(batch_op.f("ix_cases_received_on"))
        batch_op.drop_index("ix_cases_office_status")
        batch_op.drop_index("ix_cases_office_received")
        batch_op.drop_index("ix_cases_office_number")
        batch_op.drop_index("ix_cases_office_due")
        batch_op.drop_index(batch_op.f("ix_cases_mediator_id"))
        batch_op.drop_index(batch_op.f("ix_cases_due_on"))
        batch_op.drop_index("ix_cases_dashboard", postgresql_include=["id"])

    op.drop_table("cases")
    with op.batch_alter_table("audit_records", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_records_entity")

    op.drop_table("audit_records")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_station_id"))
        batch_op.drop_index(batch_op.f("ix_users_office_id"))

    op.drop_table("users")
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stations_office_id"))

    op.drop_table("stations")
    op.drop_table("case_sequences")
    op.drop_table("offices")
    op.drop_table("limit_rules")
    op.drop_table("holiday_days")
    op.drop_table("follow_up_policies")
    op.drop_table("agencies")
