"""Administrative adjudication of a patent-infringement dispute (行政裁决, 专利法 Art. 65).

One :class:`Adjudication` per case, beside the case's life cycle: the case keeps its
``CaseStatus`` (accepted while the adjudication runs, ``adjudicated`` once the decision is
made, closed at the end) and the adjudication keeps the procedure's own step, its panel,
its service receipts (送达回证) and its records (evidence exchange, oral hearing).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ipdesk.models.base import Base, Name, UTCDateTime, enum_type, utcnow
from ipdesk.models.users import User


class AdjudicationStep(enum.StrEnum):
    """Where the procedure stands (in this order)."""

    REQUESTED = "requested"  # chosen for adjudication; the manager decides on acceptance
    REFUSED = "refused"  # not accepted (不予受理通知书)
    ACCEPTED = "accepted"  # 立案: the panel is to be set
    PANEL_SET = "panel_set"  # the request copy is to be served on the respondent
    REQUEST_SERVED = "request_served"  # the 15-day defence period runs
    DEFENCE_RECORDED = "defence_recorded"  # defence received (or none in time)
    HEARING_NOTIFIED = "hearing_notified"  # 口头审理通知 served
    HEARING_HELD = "hearing_held"  # 口头审理笔录 kept
    DECIDED = "decided"  # 行政裁决书 signed off by the office manager
    DECISION_SERVED = "decision_served"  # the 15-day window to sue runs
    ENFORCEMENT_APPLIED = "enforcement_applied"  # 申请人民法院强制执行
    CONCLUDED = "concluded"  # complied with, or taken to court


class EntryRoute(enum.StrEnum):
    AT_ACCEPTANCE = "at_acceptance"  # the request asked for adjudication from the start
    AFTER_MEDIATION = "after_mediation"  # mediation failed, the applicant asked for a ruling


class WindowOutcome(enum.StrEnum):
    """What happened within the 15 days after the decision was served."""

    COMPLIED = "complied"  # the infringer stopped (or nothing was ordered)
    SUED = "sued"  # a party sued under the 行政诉讼法
    NOT_STOPPED = "not_stopped"  # no suit and the infringer did not stop: enforcement


class ServiceMethod(enum.StrEnum):
    """How a document was served (民事诉讼法 Arts. 87–95, applied by analogy)."""

    DIRECT = "direct"  # 直接送达
    MAIL = "mail"  # 邮寄送达
    ELECTRONIC = "electronic"  # 电子送达 (with the recipient's consent)
    LEFT = "left"  # 留置送达
    ENTRUSTED = "entrusted"  # 委托送达
    PUBLIC_NOTICE = "public_notice"  # 公告送达


class ServedDocument(enum.StrEnum):
    ACCEPTANCE_NOTICE = "acceptance_notice"  # 立案通知书 (to the requester)
    REFUSAL_NOTICE = "refusal_notice"  # 不予受理通知书
    REQUEST_COPY = "request_copy"  # 请求书副本 + 答辩通知书 (to the respondent)
    HEARING_NOTICE = "hearing_notice"  # 口头审理通知书
    DECISION = "decision"  # 行政裁决书


class RecordKind(enum.StrEnum):
    EVIDENCE_EXCHANGE = "evidence_exchange"  # 证据交换
    HEARING = "hearing"  # 口头审理笔录


class Adjudication(Base):
    __tablename__ = "adjudications"
    __table_args__ = (
        CheckConstraint(
            "decided_on IS NULL OR infringement_found IS NOT NULL", name="decision_complete"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    step: Mapped[AdjudicationStep] = mapped_column(
        enum_type(AdjudicationStep, "adjudication_step"), index=True
    )
    route: Mapped[EntryRoute] = mapped_column(enum_type(EntryRoute, "adjudication_route"))
    requested_on: Mapped[dt.date] = mapped_column(Date)
    # Acceptance (立案) or refusal, approved by the office manager.
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    refused_on: Mapped[dt.date | None] = mapped_column(Date)
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    acceptance_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The panel (合议组), approved by the office manager, and its recusal check.
    panel_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    panel_approved_on: Mapped[dt.date | None] = mapped_column(Date)
    recusal_check: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    # Service of the request copy: the respondent's receipt starts the defence period.
    request_served_on: Mapped[dt.date | None] = mapped_column(Date)
    defence_received_on: Mapped[dt.date | None] = mapped_column(Date)
    defence_summary: Mapped[str | None] = mapped_column(Text)
    no_defence: Mapped[bool] = mapped_column(Boolean, default=False)
    # Oral hearing (口头审理).
    hearing_notified_on: Mapped[dt.date | None] = mapped_column(Date)
    hearing_on: Mapped[dt.date | None] = mapped_column(Date)
    hearing_place: Mapped[str | None] = mapped_column(String(200))
    hearing_held_on: Mapped[dt.date | None] = mapped_column(Date)
    # Suspension while an invalidation request is pending (专利法实施细则 Art. 98).
    suspended: Mapped[bool] = mapped_column(Boolean, default=False)
    invalidation_number: Mapped[str | None] = mapped_column(String(40))
    # The decision (处理决定), signed off by the office manager.
    decision_number: Mapped[str | None] = mapped_column(String(60))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    infringement_found: Mapped[bool | None] = mapped_column(Boolean)
    order_to_stop: Mapped[str | None] = mapped_column(Text)
    reasons: Mapped[str | None] = mapped_column(Text)
    signed_off_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The last party's receipt of the decision starts the 15-day window to sue.
    decision_served_on: Mapped[dt.date | None] = mapped_column(Date)
    window_outcome: Mapped[WindowOutcome | None] = mapped_column(
        enum_type(WindowOutcome, "window_outcome")
    )
    window_outcome_on: Mapped[dt.date | None] = mapped_column(Date)
    suit_court_case_number: Mapped[str | None] = mapped_column(String(60))
    # The written reminder (催告书, 行政强制法 Art. 54): served on the infringer before the
    # application to the court; the application waits 10 days after its service.
    enforcement_reminded_on: Mapped[dt.date | None] = mapped_column(Date)
    enforcement_applied_on: Mapped[dt.date | None] = mapped_column(Date)
    enforcement_court_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))

    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012

    officers: Mapped[list[PanelOfficer]] = relationship(
        back_populates="adjudication",
        order_by="PanelOfficer.position",
        cascade="all, delete-orphan",
    )
    services: Mapped[list[ServiceRecord]] = relationship(
        back_populates="adjudication", order_by="ServiceRecord.id", cascade="all, delete-orphan"
    )
    records: Mapped[list[ProceedingRecord]] = relationship(
        back_populates="adjudication",
        order_by="ProceedingRecord.id",
        cascade="all, delete-orphan",
    )


class PanelOfficer(Base):
    """An officer of the panel (承办人员); the first one presides."""

    __tablename__ = "adjudication_officers"
    __table_args__ = (UniqueConstraint("adjudication_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    adjudication_id: Mapped[int] = mapped_column(
        ForeignKey("adjudications.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    presiding: Mapped[bool] = mapped_column(Boolean, default=False)

    adjudication: Mapped[Adjudication] = relationship(back_populates="officers")
    user: Mapped[User] = relationship()


class ServiceRecord(Base):
    """A service receipt (送达回证): what was served on whom, how, when, and the receipt."""

    __tablename__ = "adjudication_services"

    id: Mapped[int] = mapped_column(primary_key=True)
    adjudication_id: Mapped[int] = mapped_column(
        ForeignKey("adjudications.id", ondelete="CASCADE"), index=True
    )
    document: Mapped[ServedDocument] = mapped_column(enum_type(ServedDocument, "served_document"))
    party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id", ondelete="SET NULL"))
    recipient: Mapped[str] = mapped_column(Name)
    method: Mapped[ServiceMethod] = mapped_column(enum_type(ServiceMethod, "service_method"))
    sent_on: Mapped[dt.date] = mapped_column(Date)
    received_on: Mapped[dt.date] = mapped_column(Date)
    signed_by: Mapped[str | None] = mapped_column(Name)  # who signed the receipt
    server_name: Mapped[str | None] = mapped_column(Name)  # 送达人
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    adjudication: Mapped[Adjudication] = relationship(back_populates="services")


class ProceedingRecord(Base):
    """A dated record of the proceedings: an evidence exchange or the oral hearing."""

    __tablename__ = "adjudication_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    adjudication_id: Mapped[int] = mapped_column(
        ForeignKey("adjudications.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RecordKind] = mapped_column(enum_type(RecordKind, "proceeding_record_kind"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(200))
    participants: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    adjudication: Mapped[Adjudication] = relationship(back_populates="records")
