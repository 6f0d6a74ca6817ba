"""Case documents rendered from the Word templates in forms/ (docxtpl/Jinja tags).

One template per :class:`DocumentKind`, ``forms/<kind>.docx``. Rendering

1. loads what the document needs from the case (:func:`build_context` gives plain data:
   parties with their details, the right, the agreement's terms with amounts in figures and
   in capitals, dates written 二〇二六年十一月二十七日, the office, the court),
2. refuses with :class:`MissingFacts` (the Chinese names of what is missing) when the case
   lacks something the document must state — :func:`missing_facts`,
3. refuses with :class:`TemplateBroken` when the template has an error that
   :func:`check_templates` finds (an unknown tag, a Jinja syntax error, a tag Word mangled),
4. renders in memory, then writes the file atomically (a temporary file in the same
   directory, fsync, ``os.replace``): a failure never leaves a half-written document,
5. records a :class:`~ipdesk.models.Document` row with the next version, the author, the
   SHA-256 and the size (:func:`render_document`).

Who may render (decided here, checked in :func:`require_document_rights`): the documents
carry the parties' full ID numbers, addresses and phones and are issued in the office's
name, so rendering needs the right to view personal data and a role that issues documents:
the case's assigned mediator, the office manager of the case's office, a city manager, or
an administrator (``ipdesk-admin`` runs as one). Aid-station staff register cases but do
not issue documents, not even for their own station's cases; any user who may see a case
may list its documents (kind, version, author, time — no personal data), and opening a
file (:func:`document_file`) needs the rendering rights again.

Template problems come in two severities. Errors stop rendering: an unknown variable or
attribute, a Jinja syntax error, a tag left open or split over two paragraphs, stray or
full-width braces, text beside a ``{%p`` tag (docxtpl would drop it). Warnings render fine
but should be fixed in Word: a tag split over several runs (docxtpl joins it again, in the
formatting of its first run) and curly quotes inside a tag (docxtpl straightens them).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import (
    Environment,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    nodes,
)
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ipdesk.models import (
    Agency,
    Agreement,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    Channel,
    Confirmation,
    Consultation,
    ConsultationKind,
    ConsultationRequest,
    ConsultationState,
    DisputeType,
    Document,
    EventKind,
    FollowUpVisit,
    IpType,
    LimitKind,
    LimitRule,
    LimitState,
    Obligation,
    Office,
    Party,
    PartyKind,
    PartyRole,
    Performance,
    RequestState,
    Role,
    Station,
    User,
    VisitMethod,
    VisitState,
)
from ipdesk.models.base import utcnow
from ipdesk.paths import FORMS_DIR, user_data_dir
from ipdesk.services.access import require_case
from ipdesk.services.actors import Actor
from ipdesk.services.chinese_text import amount_in_capitals, amount_in_figures, chinese_date
from ipdesk.services.errors import NotFound, PermissionDenied, ServiceError, StaleData
from ipdesk.services.lookups import is_unusable_key

# --------------------------------------------------------------------------- kinds, errors


class DocumentKind(enum.StrEnum):
    ACCEPTANCE_NOTICE = "acceptance_notice"
    REJECTION_NOTICE = "rejection_notice"
    MEDIATION_AGREEMENT = "mediation_agreement"
    CONFIRMATION_APPLICATION = "confirmation_application"
    CONSULTATION_LETTER = "consultation_letter"
    CONSULTATION_MINUTES = "consultation_minutes"
    COURT_RETURN_LETTER = "court_return_letter"
    CLOSING_NOTICE = "closing_notice"
    FOLLOW_UP_RECORD = "follow_up_record"

    @property
    def label(self) -> str:
        """The document's Chinese title, e.g. 调解协议书."""
        return TITLES[self]


K = DocumentKind

TITLES: dict[DocumentKind, str] = {
    K.ACCEPTANCE_NOTICE: "受理通知书",
    K.REJECTION_NOTICE: "不予受理通知书",
    K.MEDIATION_AGREEMENT: "调解协议书",
    K.CONFIRMATION_APPLICATION: "司法确认申请书",
    K.CONSULTATION_LETTER: "联席会商函",
    K.CONSULTATION_MINUTES: "会商纪要",
    K.COURT_RETURN_LETTER: "诉调对接回复函",
    K.CLOSING_NOTICE: "结案通知书",
    K.FOLLOW_UP_RECORD: "回访记录表",
}


class MissingFacts(ServiceError):
    """The case lacks what the document must state; ``missing`` names it in Chinese."""

    code = "missing_facts"

    def __init__(self, kind: DocumentKind, missing: Sequence[str]) -> None:
        super().__init__(
            f"无法生成{kind.label}，案件缺少：{'、'.join(missing)}",
            kind=kind.value,
            missing=list(missing),
        )
        self.kind = kind
        self.missing = tuple(missing)


@dataclass(frozen=True)
class TemplateProblem:
    template: str  # file name, e.g. "mediation_agreement.docx"
    tag: str  # the tag as it stands in the template (or the variable path)
    message: str  # what is wrong, in Chinese
    code: str  # stable: unknown_variable, unknown_attribute, syntax, split, ...
    severity: str = "error"  # "error" stops rendering, "warning" does not

    def __str__(self) -> str:
        level = "错误" if self.severity == "error" else "警告"
        return f"{self.template}：{level}：{self.tag}：{self.message}"


class TemplateBroken(ServiceError):
    """The template is missing or has errors; nothing was rendered."""

    code = "template_broken"

    def __init__(self, problems: Sequence[TemplateProblem]) -> None:
        first = problems[0]
        more = f"（另有 {len(problems) - 1} 处）" if len(problems) > 1 else ""
        super().__init__(
            f"模板 {first.template} 有错误，未生成文书：{first.tag}：{first.message}{more}",
            template=first.template,
            problems=[str(p) for p in problems],
        )
        self.problems = tuple(problems)


class PdfExportUnavailable(ServiceError):
    code = "pdf_unavailable"


class PdfExportFailed(ServiceError):
    code = "pdf_failed"


class DocumentFileError(ServiceError):
    """The stored file is missing, altered, or cannot be written."""

    code = "document_file"


@dataclass(frozen=True)
class GeneratedDocument:
    document_id: int
    case_id: int
    case_number: str
    kind: DocumentKind
    title: str
    version: int
    stored_name: str
    path: Path
    sha256: str
    size: int
    author_id: int | None
    created_at: dt.datetime
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RenderedFile:
    """A document written to a path of the caller's choosing (not recorded on the case)."""

    path: Path
    kind: DocumentKind
    sha256: str
    size: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentInfo:
    document_id: int
    kind: str
    title: str
    version: int
    author: str
    created_at: dt.datetime
    sha256: str
    size: int
    stored_name: str


def default_store() -> Path:
    """Where the desktop keeps generated documents: <user data dir>/documents."""
    return user_data_dir() / "documents"


# --------------------------------------------------------------------------- labels

IP_TYPE_LABELS: dict[IpType, str] = {
    IpType.PATENT_INVENTION: "发明专利",
    IpType.PATENT_UTILITY_MODEL: "实用新型专利",
    IpType.PATENT_DESIGN: "外观设计专利",
    IpType.TRADEMARK: "商标",
    IpType.COPYRIGHT: "著作权",
    IpType.GEOGRAPHICAL_INDICATION: "地理标志",
    IpType.TRADE_SECRET: "商业秘密",
    IpType.IC_LAYOUT: "集成电路布图设计",
    IpType.PLANT_VARIETY: "植物新品种",
    IpType.OTHER: "知识产权",
}
_RIGHT_NAMES: dict[IpType, str] = {
    IpType.PATENT_INVENTION: "发明专利权",
    IpType.PATENT_UTILITY_MODEL: "实用新型专利权",
    IpType.PATENT_DESIGN: "外观设计专利权",
    IpType.TRADEMARK: "注册商标专用权",
    IpType.COPYRIGHT: "著作权",
    IpType.GEOGRAPHICAL_INDICATION: "地理标志",
    IpType.TRADE_SECRET: "商业秘密",
    IpType.IC_LAYOUT: "集成电路布图设计专有权",
    IpType.PLANT_VARIETY: "植物新品种权",
    IpType.OTHER: "知识产权",
}
DISPUTE_LABELS: dict[DisputeType, str] = {
    DisputeType.INFRINGEMENT: "侵权纠纷",
    DisputeType.OWNERSHIP: "权属纠纷",
    DisputeType.CONTRACT: "合同纠纷",
    DisputeType.UNFAIR_COMPETITION: "不正当竞争纠纷",
    DisputeType.OTHER: "纠纷",
}
ROLE_LABELS: dict[PartyRole, str] = {
    PartyRole.APPLICANT: "申请人",
    PartyRole.RESPONDENT: "被申请人",
    PartyRole.THIRD_PARTY: "第三人",
    PartyRole.AGENT: "委托代理人",
}
_SEX_LABELS = {"male": "男", "female": "女", "男": "男", "女": "女", "m": "男", "f": "女"}
METHOD_LABELS = {
    VisitMethod.VISIT: "实地走访",
    VisitMethod.PHONE: "电话",
    VisitMethod.ONLINE: "网络",
}
PERFORMANCE_LABELS = {
    Performance.PENDING: "待履行",
    Performance.FULL: "已全部履行",
    Performance.PARTIAL: "部分履行",
    Performance.NONE: "未履行",
}
SATISFACTION_LABELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
BLANK_DATE = "　　　　年　　月　　日"  # left for a hand-written date
_ORDINALS = "一二三四五六七八九"

# States in which the mediation has a result the court or the parties can be told.
_AGREED = {
    CaseStatus.AGREEMENT,
    CaseStatus.CONFIRMATION_REQUESTED,
    CaseStatus.CONFIRMED,
    CaseStatus.CONFIRMATION_DENIED,
}


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _date(value: dt.date | None, blank: str = "") -> str:
    return chinese_date(value) if value else blank


def _paragraphs(value: str | None) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings （一）, （二）…)."""
    tens, units = divmod(n, 10)
    head = ("" if tens < 2 else _ORDINALS[tens - 1]) + ("十" if tens else "")
    return head + (_ORDINALS[units - 1] if units else "")


def _join(names: Iterable[str]) -> str:
    return "、".join(n for n in names if n)


def _sentence(value: str) -> str:
    """A term's description without its closing punctuation (the template adds it)."""
    return value.strip().rstrip("。；;，,.")


def right_text(case: Case) -> str:
    """第12345678号注册商标专用权, ZL200310102344.5号发明专利权, or the plain right."""
    name = _RIGHT_NAMES[case.ip_type]
    number = _text(case.right_number)
    if not number:
        return name
    if case.ip_type == IpType.TRADEMARK:
        return f"第{number}号{name}"
    if case.ip_type in (
        IpType.PATENT_INVENTION,
        IpType.PATENT_UTILITY_MODEL,
        IpType.PATENT_DESIGN,
    ):
        return f"{number if number.upper().startswith('ZL') else 'ZL' + number}号{name}"
    return f"{name}（登记号：{number}）"


# --------------------------------------------------------------------------- the facts


@dataclass
class CaseFacts:
    """What a document may need, loaded once: the case and the records around it."""

    case: Case
    agreement: Agreement | None = None
    confirmation: Confirmation | None = None
    court: Agency | None = None
    consultation: Consultation | None = None
    visit: FollowUpVisit | None = None
    visitor_name: str = ""
    rejection_reason: str = ""
    handling_days: int = 60
    today: dt.date = field(default_factory=dt.date.today)


def gather_facts(
    session: Session, case: Case, kind: DocumentKind, today: dt.date | None = None
) -> CaseFacts:
    """Load the records ``kind`` needs (only those) from the database."""
    facts = CaseFacts(case=case, today=today or dt.date.today())
    cid = case.id
    if kind in (
        K.MEDIATION_AGREEMENT,
        K.CONFIRMATION_APPLICATION,
        K.COURT_RETURN_LETTER,
        K.CLOSING_NOTICE,
        K.FOLLOW_UP_RECORD,
    ):
        facts.agreement = session.scalars(
            select(Agreement).where(Agreement.case_id == cid)
        ).one_or_none()
    if kind in (K.CONFIRMATION_APPLICATION, K.COURT_RETURN_LETTER, K.CLOSING_NOTICE):
        facts.confirmation = session.scalars(
            select(Confirmation)
            .where(Confirmation.case_id == cid)
            .order_by(Confirmation.applied_on.desc(), Confirmation.id.desc())
            .limit(1)
        ).first()
        facts.court = facts.confirmation.court if facts.confirmation else None
    if kind == K.COURT_RETURN_LETTER:
        facts.court = case.referring_court
    elif kind == K.CONFIRMATION_APPLICATION and facts.court is None:
        # "if a court invited the mediation, to that court" (domain.md)
        facts.court = case.referring_court
    if kind in (K.CONSULTATION_LETTER, K.CONSULTATION_MINUTES):
        facts.consultation = session.scalars(
            select(Consultation)
            .where(
                Consultation.case_id == cid,
                Consultation.kind == ConsultationKind.CONSULTATION,
                Consultation.state != ConsultationState.WITHDRAWN,
            )
            .order_by(Consultation.requested_on.desc(), Consultation.id.desc())
            .limit(1)
        ).first()
    if kind == K.FOLLOW_UP_RECORD:
        visits = select(FollowUpVisit).where(FollowUpVisit.case_id == cid)
        facts.visit = (
            session.scalars(
                visits.where(FollowUpVisit.state == VisitState.DONE)
                .order_by(FollowUpVisit.done_on.desc(), FollowUpVisit.id.desc())
                .limit(1)
            ).first()
            or session.scalars(
                visits.where(FollowUpVisit.state == VisitState.PLANNED)
                .order_by(FollowUpVisit.due_on, FollowUpVisit.id)
                .limit(1)
            ).first()
        )
        if facts.visit is not None and facts.visit.visitor_id is not None:
            facts.visitor_name = _text(
                session.scalar(select(User.display_name).where(User.id == facts.visit.visitor_id))
            )
    if kind == K.REJECTION_NOTICE:
        facts.rejection_reason = _text(
            session.scalar(
                select(CaseEvent.reason)
                .where(CaseEvent.case_id == cid, CaseEvent.kind == EventKind.REJECTED.value)
                .order_by(CaseEvent.id.desc())
                .limit(1)
            )
        )
    if kind == K.ACCEPTANCE_NOTICE:
        days = session.scalar(select(LimitRule.days).where(LimitRule.kind == LimitKind.HANDLING))
        facts.handling_days = days or facts.handling_days
    return facts


# --------------------------------------------------------------------------- the context


def _principal(case: Case, role: PartyRole) -> list[Party]:
    return [p for p in case.parties if p.role == role]


def _agents_of(case: Case) -> dict[int | None, list[Party]]:
    agents: dict[int | None, list[Party]] = {}
    for p in case.parties:
        if p.role == PartyRole.AGENT:
            agents.setdefault(p.represents_id, []).append(p)
    return agents


def _person_details(p: Party) -> list[str]:
    """The details a person's line states, in the usual order, leaving out unknown ones."""
    sex = _SEX_LABELS.get(_text(p.sex).lower(), _text(p.sex))
    parts = [sex, f"{_date(p.birth_date)}出生" if p.birth_date else "", _text(p.ethnicity)]
    if p.address:
        parts.append(f"住{_text(p.address)}")
    if p.id_number:
        parts.append(f"公民身份号码：{_text(p.id_number)}")
    if p.phone:
        parts.append(f"联系电话：{_text(p.phone)}")
    return [x for x in parts if x]


def _organisation_details(p: Party) -> list[str]:
    parts = []
    if p.address:
        parts.append(f"住所地：{_text(p.address)}")
    if p.id_number:
        parts.append(f"统一社会信用代码：{_text(p.id_number)}")
    if p.phone:
        parts.append(f"联系电话：{_text(p.phone)}")
    return parts


def _party(p: Party, agents: list[Party]) -> dict[str, Any]:
    person = p.kind == PartyKind.PERSON
    details = _person_details(p) if person else _organisation_details(p)
    return {
        "role": ROLE_LABELS[p.role],
        "kind": p.kind.value,
        "is_person": person,
        "name": _text(p.name),
        "id_number": _text(p.id_number),
        "id_label": "公民身份号码" if person else "统一社会信用代码",
        "sex": _SEX_LABELS.get(_text(p.sex).lower(), _text(p.sex)) if person else "",
        "birth_date": _date(p.birth_date) if person else "",
        "ethnicity": _text(p.ethnicity) if person else "",
        "address": _text(p.address),
        "phone": _text(p.phone),
        "legal_representative": "" if person else _text(p.legal_representative),
        "legal_representative_title": "" if person else _text(p.legal_representative_title),
        "details": "，".join(details),
        "agents": [_agent(a) for a in agents],
    }


def _agent(a: Party) -> dict[str, Any]:
    details = _person_details(a) if a.kind == PartyKind.PERSON else _organisation_details(a)
    return {
        "name": _text(a.name),
        "id_number": _text(a.id_number),
        "phone": _text(a.phone),
        "address": _text(a.address),
        "details": "，".join(details),
    }


def _obligations(facts: CaseFacts) -> list[dict[str, Any]]:
    if facts.agreement is None:
        return []
    names = {p.id: _text(p.name) for p in facts.case.parties}
    out = []
    for i, o in enumerate(facts.agreement.obligations, start=1):
        out.append(
            {
                "seq": i,
                "obligor": names.get(o.obligor_id, "") if o.obligor_id else "",
                "obligee": names.get(o.obligee_id, "") if o.obligee_id else "",
                "description": _sentence(o.description),
                "amount_figures": amount_in_figures(o.amount) if o.amount is not None else "",
                "amount_capitals": amount_in_capitals(o.amount) if o.amount is not None else "",
                "due_on": _date(o.due_on),
                "performance": PERFORMANCE_LABELS.get(o.performance, ""),
            }
        )
    return out


def _agreement(facts: CaseFacts, parties: int) -> dict[str, Any]:
    a = facts.agreement
    amounts = [o.amount for o in a.obligations if o.amount is not None] if a else []
    total = sum(amounts, Decimal(0))
    several = len(amounts) > 1
    return {
        "exists": a is not None,
        "signed_on": _date(a.signed_on if a else None, BLANK_DATE),
        "effective_on": _date(a.effective_on if a else None, BLANK_DATE),
        "facts_paragraphs": _paragraphs(a.facts if a else None),
        "responsibility_paragraphs": _paragraphs(a.responsibilities if a else None),
        "decides_ownership": bool(a and a.decides_ownership),
        "copies": _ordinal(parties + 1),
        "total_figures": amount_in_figures(total) if several else "",
        "total_capitals": amount_in_capitals(total) if several else "",
    }


def _court(agency: Agency | None) -> dict[str, Any]:
    return {
        "name": _text(agency.name) if agency else "",
        "address": _text(agency.address) if agency else "",
        "phone": _text(agency.phone) if agency else "",
    }


def _effective_status(case: Case) -> CaseStatus:
    return case.outcome if case.status == CaseStatus.CLOSED and case.outcome else case.status


def _outcome_text(facts: CaseFacts) -> str:
    """One or two sentences on how the mediation ended (closing notice, court letter)."""
    status = _effective_status(facts.case)
    a = facts.agreement
    signed = f"于{_date(a.signed_on)}" if a and a.signed_on else ""
    court = _text(facts.confirmation.court.name) if facts.confirmation else "人民法院"
    if status == CaseStatus.AGREEMENT:
        return f"经调解，双方当事人{signed}自愿达成调解协议。"
    if status == CaseStatus.CONFIRMATION_REQUESTED:
        applied = (
            f"于{_date(facts.confirmation.applied_on)}" if facts.confirmation is not None else ""
        )
        return f"经调解，双方当事人{signed}自愿达成调解协议，并已{applied}向{court}申请司法确认。"
    if status == CaseStatus.CONFIRMED:
        return f"经调解，双方当事人{signed}自愿达成调解协议，该协议已经{court}确认有效。"
    if status == CaseStatus.CONFIRMATION_DENIED:
        return (
            f"经调解，双方当事人{signed}达成调解协议，{court}裁定驳回司法确认申请。"
            "当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。"
        )
    if status == CaseStatus.FAILED:
        return (
            "经调解，双方当事人未能达成调解协议，本所终止调解。当事人可以依法向人民法院提起诉讼。"
        )
    if status == CaseStatus.WITHDRAWN:
        return "申请人撤回调解申请，本所终止调解。"
    return ""


def _consultation(facts: CaseFacts) -> dict[str, Any]:
    c = facts.consultation
    requests = sorted(c.requests, key=lambda r: r.id or 0) if c else []
    due = [r.due_on for r in requests if r.due_on and r.state != RequestState.WITHDRAWN]
    return {
        "subject": _text(c.subject) if c else "",
        "question_paragraphs": _paragraphs(c.questions if c else None),
        "requested_on": _date(c.requested_on if c else None),
        "meeting_on": _date(c.meeting_on if c else None),
        "meeting_place": _text(c.meeting_place if c else None),
        "participants": _text(c.participants if c else None),
        "minutes_paragraphs": _paragraphs(c.minutes if c else None),
        "agency_names": _join(_text(r.agency.name) for r in requests),
        "reply_by": _date(min(due)) if due else "",
        "opinions": [
            {
                "seq": _ordinal(i),
                "agency": _text(r.agency.name),
                "answered_on": _date(r.answered_on),
                "opinion_paragraphs": _paragraphs(r.opinion) or ["未提交书面意见。"],
            }
            for i, r in enumerate(
                (r for r in requests if r.state != RequestState.WITHDRAWN), start=1
            )
        ],
    }


def _visit(facts: CaseFacts) -> dict[str, Any]:
    v = facts.visit
    done = v is not None and v.state == VisitState.DONE
    return {
        "done": done,
        "done_on": _date(v.done_on if v else None, BLANK_DATE),
        "method": METHOD_LABELS.get(v.method, "") if v and v.method else "",
        "visitor": facts.visitor_name,
        "person_visited": _text(v.person_visited if v else None),
        "performance": PERFORMANCE_LABELS.get(v.performance, "") if v and v.performance else "",
        "satisfaction": SATISFACTION_LABELS.get(v.satisfaction or 0, "") if v else "",
        "notes": _text(v.notes if v else None),
        "problems": _text(v.problems if v else None),
        "next_action": _text(v.next_action if v else None),
    }


def _attachments(parties: list[dict[str, Any]]) -> list[str]:
    items = ["调解协议书一份", "调解组织主持调解的证明一份"]
    items.append(f"申请人身份证明材料{len(parties)}份")
    items.append("与调解协议相关的财产权利证明材料")
    agents = sum(len(p["agents"]) for p in parties)
    if agents:
        items.append(f"授权委托书{agents}份")
    return [f"{i}．{item}" for i, item in enumerate(items, start=1)]


def build_context(
    session: Session, case: Case, kind: DocumentKind, today: dt.date | None = None
) -> dict[str, Any]:
    """The plain data the template of ``kind`` is filled with (see :func:`context_from`)."""
    return context_from(gather_facts(session, case, DocumentKind(kind), today), kind)


def context_from(facts: CaseFacts, kind: DocumentKind) -> dict[str, Any]:
    """Plain data (str, int, bool, lists and dicts of them) for the template of ``kind``.

    Every kind gets ``case``, ``office``, ``station``, ``mediator``, the parties
    (``applicants``, ``respondents``, ``third_parties``, ``parties`` and their names
    joined with 、) and ``issued_on``; each kind adds the sections it needs (``agreement``
    and ``obligations``, ``court``, ``confirmation``, ``consultation``, ``result``,
    ``closing``, ``visit``…). Missing values are empty strings, never None.
    """
    kind = DocumentKind(kind)
    case = facts.case
    agents = _agents_of(case)
    applicants = [_party(p, agents.get(p.id, [])) for p in _principal(case, PartyRole.APPLICANT)]
    respondents = [_party(p, agents.get(p.id, [])) for p in _principal(case, PartyRole.RESPONDENT)]
    third = [_party(p, agents.get(p.id, [])) for p in _principal(case, PartyRole.THIRD_PARTY)]
    parties = applicants + respondents + third
    office: Office = case.office
    contact = "；".join(
        x
        for x in (
            f"联系电话：{_text(office.phone)}" if office.phone else "",
            f"地址：{_text(office.address)}" if office.address else "",
        )
        if x
    )
    amount = case.amount_claimed
    ctx: dict[str, Any] = {
        "case": {
            "number": _text(case.number),
            "ip_type": IP_TYPE_LABELS[case.ip_type],
            "right": right_text(case),
            "right_number": _text(case.right_number),
            "right_holder": _text(case.right_holder),
            "dispute": IP_TYPE_LABELS[case.ip_type] + DISPUTE_LABELS[case.dispute_type],
            "dispute_type": DISPUTE_LABELS[case.dispute_type],
            "facts_paragraphs": _paragraphs(case.facts),
            "claim": "".join(_paragraphs(case.claim)),
            "amount_claimed_figures": amount_in_figures(amount) if amount is not None else "",
            "amount_claimed_capitals": amount_in_capitals(amount) if amount is not None else "",
            "received_on": _date(case.received_on),
            "accepted_on": _date(case.accepted_on),
            "closed_on": _date(case.closed_on),
            "court_case_number": _text(case.court_case_number),
            "referred_by_court": case.channel == Channel.COURT_REFERRAL,
        },
        "office": {
            "name": _text(office.name),
            "address": _text(office.address),
            "phone": _text(office.phone),
            "contact": contact,
        },
        "station": {"name": _text(case.station.name) if case.station else ""},
        "mediator": {"name": _text(case.mediator.display_name) if case.mediator else ""},
        "applicants": applicants,
        "respondents": respondents,
        "third_parties": third,
        "parties": parties,
        "applicant_names": _join(p["name"] for p in applicants),
        "respondent_names": _join(p["name"] for p in respondents),
        "party_names": _join(p["name"] for p in parties),
        "today": _date(facts.today),
        "issued_on": _date(facts.today),
    }
    if kind == K.ACCEPTANCE_NOTICE:
        ctx["handling_days"] = facts.handling_days
        ctx["issued_on"] = _date(case.accepted_on, ctx["issued_on"])
    elif kind == K.REJECTION_NOTICE:
        decided = case.closed_on if case.status == CaseStatus.REJECTED else None
        ctx["rejection"] = {
            "reason_paragraphs": _paragraphs(facts.rejection_reason),
            "decided_on": _date(decided),
        }
    elif kind in (K.MEDIATION_AGREEMENT, K.CONFIRMATION_APPLICATION):
        ctx["agreement"] = _agreement(facts, len(parties))
        ctx["obligations"] = _obligations(facts)
        if kind == K.MEDIATION_AGREEMENT:
            ctx["signatories"] = parties
        else:
            ctx["joint_applicants"] = parties
            ctx["court"] = _court(facts.court)
            applied = facts.confirmation.applied_on if facts.confirmation else None
            ctx["confirmation"] = {"applied_on": _date(applied or facts.today)}
            ctx["attachments"] = _attachments(parties)
    elif kind in (K.CONSULTATION_LETTER, K.CONSULTATION_MINUTES):
        ctx["consultation"] = _consultation(facts)
    elif kind == K.COURT_RETURN_LETTER:
        agreed = _effective_status(case) in _AGREED and facts.agreement is not None
        ctx["court"] = _court(facts.court)
        ctx["agreement"] = _agreement(facts, len(parties))
        ctx["obligations"] = _obligations(facts) if agreed else []
        ctx["result"] = {
            "agreed": agreed,
            "paragraphs": [t for t in [_outcome_text(facts)] if t],
            "attachments": ["调解协议书一份"] if agreed else [],
        }
    elif kind == K.CLOSING_NOTICE:
        closed = case.status == CaseStatus.CLOSED
        ctx["closing"] = {
            "closed_on": _date(case.closed_on if closed else None),
            "outcome_text": _outcome_text(facts) if closed else "",
            "has_agreement": closed and _effective_status(case) in _AGREED,
        }
    elif kind == K.FOLLOW_UP_RECORD:
        ctx["visit"] = _visit(facts)
        ctx["obligations"] = _obligations(facts)
        ctx["closing"] = {"closed_on": _date(case.closed_on, BLANK_DATE)}
    return ctx


# --------------------------------------------------------------------------- missing facts


def _party_label(p: Party) -> str:
    return f"{ROLE_LABELS[p.role]}{_text(p.name)}"


def _missing_party_details(case: Case, full: bool) -> list[str]:
    """``full``: everything a confirmation application states; else name, ID and address."""
    missing = []
    for p in case.parties:
        if p.role == PartyRole.AGENT:
            continue
        who = _party_label(p)
        if p.kind == PartyKind.PERSON:
            wanted: list[tuple[object, str]] = [(p.id_number, "公民身份号码"), (p.address, "住址")]
            if full:
                wanted = [
                    (p.sex, "性别"),
                    (p.birth_date, "出生日期"),
                    (p.ethnicity, "民族"),
                    (p.address, "住址"),
                    (p.id_number, "公民身份号码"),
                    (p.phone, "联系电话"),
                ]
        else:
            wanted = [(p.id_number, "统一社会信用代码"), (p.address, "住所地")]
            if full:
                wanted += [
                    (p.legal_representative, "法定代表人"),
                    (p.legal_representative_title, "法定代表人职务"),
                ]
        missing += [f"{who}的{label}" for value, label in wanted if not _text(value)]
    principals = {p.id for p in case.parties if p.role != PartyRole.AGENT}
    for a in case.parties:
        if a.role == PartyRole.AGENT and (
            a.represents_id is None or a.represents_id not in principals
        ):
            missing.append(f"委托代理人{_text(a.name)}所代理的当事人")
    return missing


def _missing_agreement(facts: CaseFacts, *, dated: bool) -> list[str]:
    a = facts.agreement
    if a is None:
        return ["调解协议"]
    missing = []
    if dated:
        if a.signed_on is None:
            missing.append("调解协议签订日期")
        if a.effective_on is None:
            missing.append("调解协议生效日期")
    if not _paragraphs(a.facts):
        missing.append("纠纷主要事实")
    if not _paragraphs(a.responsibilities):
        missing.append("各方责任")
    if not a.obligations:
        missing.append("协议条款")
    for i, o in enumerate(a.obligations, start=1):
        if o.obligor_id is None:
            missing.append(f"第{i}项协议条款的履行义务人")
        if o.due_on is None:
            missing.append(f"第{i}项协议条款的履行期限")
        if not _text(o.description):
            missing.append(f"第{i}项协议条款的内容")
    return missing


def missing_from(facts: CaseFacts, kind: DocumentKind) -> list[str]:
    """What ``kind`` needs and the case lacks, named in Chinese, in reading order."""
    kind = DocumentKind(kind)
    case = facts.case
    missing = []
    if not _principal(case, PartyRole.APPLICANT):
        missing.append("申请人")
    if not _principal(case, PartyRole.RESPONDENT):
        missing.append("被申请人")
    if kind == K.ACCEPTANCE_NOTICE:
        if case.accepted_on is None:
            missing.append("受理日期")
    elif kind == K.REJECTION_NOTICE:
        if case.status != CaseStatus.REJECTED or case.closed_on is None:
            missing.append("不予受理决定日期")
        if not facts.rejection_reason:
            missing.append("不予受理理由")
    elif kind == K.MEDIATION_AGREEMENT:
        missing += _missing_party_details(case, full=False)
        missing += _missing_agreement(facts, dated=False)
    elif kind == K.CONFIRMATION_APPLICATION:
        missing += _missing_party_details(case, full=True)
        if case.accepted_on is None:
            missing.append("受理日期")
        missing += _missing_agreement(facts, dated=True)
        if facts.court is None:
            missing.append("受理法院")
    elif kind in (K.CONSULTATION_LETTER, K.CONSULTATION_MINUTES):
        c = facts.consultation
        if c is None:
            missing.append("联席会商事项")
        elif kind == K.CONSULTATION_LETTER:
            if not [r for r in c.requests if r.state != RequestState.WITHDRAWN]:
                missing.append("会商单位")
        else:
            wanted = [
                (c.meeting_on, "会商日期"),
                (c.meeting_place, "会商地点"),
                (c.participants, "参会单位及人员"),
                (c.minutes, "会商意见"),
            ]
            missing += [label for value, label in wanted if not _text(value)]
    elif kind == K.COURT_RETURN_LETTER:
        if case.referring_court is None:
            missing.append("委派（委托）调解的法院")
        if case.accepted_on is None:
            missing.append("受理日期")
        status = _effective_status(case)
        if status in _AGREED:
            if facts.agreement is None:
                missing.append("调解协议")
            elif facts.agreement.signed_on is None:
                missing.append("调解协议签订日期")
        elif status not in (CaseStatus.FAILED, CaseStatus.WITHDRAWN):
            missing.append("调解结果")
    elif kind == K.CLOSING_NOTICE:
        if case.status != CaseStatus.CLOSED or case.closed_on is None:
            missing.append("结案日期")
        elif case.outcome is None:
            missing.append("结案方式")
        if case.accepted_on is None:
            missing.append("受理日期")
    elif kind == K.FOLLOW_UP_RECORD and facts.visit is None:
        missing.append("回访记录")
    return missing


def missing_facts(
    session: Session, case: Case, kind: DocumentKind, today: dt.date | None = None
) -> list[str]:
    """The Chinese names of what the case lacks for ``kind`` (empty: it can be rendered)."""
    return missing_from(gather_facts(session, case, DocumentKind(kind), today), kind)


def _warnings(session: Session | None, facts: CaseFacts, kind: DocumentKind) -> list[str]:
    """Things the user should know before the document goes out (it is still rendered)."""
    out = []
    if kind == K.CONFIRMATION_APPLICATION:
        case = facts.case
        if (facts.agreement and facts.agreement.decides_ownership) or (
            case.dispute_type == DisputeType.OWNERSHIP
        ):
            out.append(
                "调解协议涉及知识产权权属或效力的确认，人民法院对此类协议不予司法确认"
                "（最高人民法院关于适用《中华人民共和国民事诉讼法》的解释第三百五十五条）"
            )
        if session is not None:
            due = session.scalar(
                select(CaseLimit.due_on).where(
                    CaseLimit.case_id == case.id,
                    CaseLimit.kind == LimitKind.CONFIRMATION_APPLICATION,
                    CaseLimit.state == LimitState.RUNNING,
                )
            )
            if due is not None and due < facts.today:
                out.append(f"申请司法确认的期限已于{chinese_date(due)}届满")
    return out


# --------------------------------------------------------------------------- templates

_CACHE_LOCK = threading.Lock()


class _CompilingOnceEnvironment(Environment):
    """docxtpl compiles the patched XML of every part on every render; the XML of a
    template is the same each time, so compile it once (about half the render time)."""

    MAX_TEMPLATES = 256

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: dict[str, Template] = {}
        self._compiled_lock = threading.Lock()

    def from_string(
        self, source: str | nodes.Template, globals: Any = None, template_class: Any = None
    ) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self._compiled_lock:
            found = self._compiled.get(source)
        if found is None:
            found = super().from_string(source)
            with self._compiled_lock:
                if len(self._compiled) >= self.MAX_TEMPLATES:
                    self._compiled.pop(next(iter(self._compiled)))
                self._compiled[source] = found
        return found


_RENDER_ENV = _CompilingOnceEnvironment(autoescape=True, undefined=StrictUndefined)


def _jinja_env() -> Environment:
    """Unknown names fail loudly (never render as blanks); values are XML-escaped."""
    return _RENDER_ENV


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_STRAY_RE = re.compile(r"\{\s+[{%#]|[}%#]\s+\}")
_OPENERS_RE = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_FULLWIDTH_RE = re.compile(r"[｛｝]")
_CURLY_RE = re.compile(r"[“”‘’]")
_PARA_TAG_RE = re.compile(r"\{%(p|tr|tc|r)\s")  # docxtpl's paragraph/row/cell/run tags
_PARTS_RE = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_JINJA_GLOBALS = frozenset({"range", "loop", "dict", "lipsum", "cycler", "joiner", "namespace"})


def template_path(kind: DocumentKind, forms_dir: Path = FORMS_DIR) -> Path:
    return Path(forms_dir) / f"{DocumentKind(kind).value}.docx"


def _paragraph_texts(xml: bytes) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Each paragraph's text and the (start, end) span of each of its w:t elements (the
    text of a paragraph nested in it, in a text box, belongs to that paragraph)."""

    def texts(element: ET.Element) -> Iterator[str]:
        for child in element:
            if child.tag == f"{_W}t":
                yield child.text or ""
            elif child.tag != f"{_W}p":
                yield from texts(child)

    for p in ET.fromstring(xml).iter(f"{_W}p"):
        text, spans = "", []
        for piece in texts(p):
            spans.append((len(text), len(text) + len(piece)))
            text += piece
        if text:
            yield text, spans


def _scan_markup(name: str, data: bytes) -> list[TemplateProblem]:
    """Tags Word split or mangled, found in the paragraphs' text as Word stores it."""
    problems: list[TemplateProblem] = []

    def add(tag: str, message: str, code: str, severity: str = "error") -> None:
        problems.append(TemplateProblem(name, tag.strip(), message, code, severity))

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [n for n in z.namelist() if _PARTS_RE.fullmatch(n)]
        for part in sorted(parts):
            for text, spans in _paragraph_texts(z.read(part)):
                for m in _TAG_RE.finditer(text):
                    tag = m.group(0)
                    pieces = [s for s in spans if s[0] < m.end() and s[1] > m.start()]
                    if len(pieces) > 1:
                        add(
                            tag,
                            f"标签被 Word 拆分成 {len(pieces)} 段文字（格式或修订标记不同），"
                            "请删除后整段重新输入",
                            "split",
                            "warning",
                        )
                    if _CURLY_RE.search(tag):
                        add(
                            tag,
                            "标签中有中文（弯）引号，请改为英文半角引号",
                            "curly_quotes",
                            "warning",
                        )
                    if tag.startswith("{{"):
                        problem = _expression_problem(tag)
                        if problem:
                            add(tag, problem, "syntax")
                rest = _TAG_RE.sub(" ", text)
                if _FULLWIDTH_RE.search(text):
                    add(
                        _around(text, _FULLWIDTH_RE),
                        "标签使用了全角括号｛｝，请改为英文半角 { }",
                        "fullwidth",
                    )
                stray = _STRAY_RE.search(rest)
                if stray:
                    add(
                        _around(rest, _STRAY_RE),
                        "标签的括号之间有空格（应为 {{ 或 {%）",
                        "stray_brace",
                    )
                elif _OPENERS_RE.search(rest):
                    add(
                        _around(rest, _OPENERS_RE),
                        "标签不完整：缺少开始或结束符号，或被拆到两个段落中",
                        "unclosed",
                    )
                para_tag = _PARA_TAG_RE.search(text)
                if para_tag and _TAG_RE.sub("", text).strip():
                    whole = _TAG_RE.search(text, para_tag.start())
                    add(
                        whole.group(0) if whole else text[para_tag.start() :],
                        "段落标签（{%p …%}）所在段落中还有其他文字，生成时这些文字会被删除",
                        "paragraph_tag_text",
                    )
    return problems


def _around(text: str, pattern: re.Pattern[str], width: int = 12) -> str:
    m = pattern.search(text)
    assert m is not None
    return text[max(m.start() - width, 0) : m.end() + width]


def _expression_problem(tag: str) -> str | None:
    """A ``{{ … }}`` tag that Jinja cannot parse (docxtpl straightens curly quotes first)."""
    source = tag
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        source = source.replace(curly, straight)
    try:
        Environment().parse(source)
    except TemplateSyntaxError as exc:
        return f"标签语法错误：{exc.message}"
    return None


def _template_source(tpl: DocxTemplate) -> str:
    """The Jinja source docxtpl renders: body, headers and footers, patched as it does."""
    tpl.init_docx()
    xml = tpl.patch_xml(tpl.get_xml())
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _key, part in tpl.get_headers_footers(uri):
            xml += tpl.patch_xml(tpl.get_part_xml(part))
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


class _Any:
    """A value the checker cannot know (loop helpers, filter results): anything goes."""


_ANY = _Any()


def _sample_item(values: list[Any]) -> Any:
    """One element standing for every element of a sample list (dicts merged)."""
    if not values:
        return _ANY
    if all(isinstance(v, dict) for v in values):
        merged: dict[str, Any] = {}
        for v in values:
            for key, value in v.items():
                if key not in merged or (isinstance(value, list) and value and not merged[key]):
                    merged[key] = value
        return merged
    return values[0]


class _Checker:
    """Walks a template's Jinja tree and reports names and attributes the context lacks."""

    def __init__(self, name: str, context: dict[str, Any]) -> None:
        self.name = name
        self.context = context
        self.problems: list[TemplateProblem] = []
        self._seen: set[str] = set()

    def report(self, path: str, message: str, code: str) -> None:
        if path not in self._seen:
            self._seen.add(path)
            self.problems.append(TemplateProblem(self.name, path, message, code))

    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            self.walk(node.iter, scope)
            item = self.resolve(node.iter, scope)
            inner = dict(scope, loop=_ANY)
            self.bind(node.target, _sample_item(item) if isinstance(item, list) else _ANY, inner)
            for child in node.body:
                self.walk(child, inner)
            if node.test is not None:
                self.walk(node.test, inner)
            for child in node.else_:
                self.walk(child, scope)
            return
        if isinstance(node, nodes.Assign):
            self.walk(node.node, scope)
            self.bind(node.target, _ANY, scope)
            return
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            self.resolve(node, scope)
            if isinstance(node, nodes.Getitem):
                self.walk(node.arg, scope)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope)

    def bind(self, target: nodes.Node, value: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = value
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, _ANY, scope)

    def resolve(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name not in _JINJA_GLOBALS:
                self.report(node.name, "模板使用了文书数据中没有的变量", "unknown_variable")
            return _ANY
        if isinstance(node, nodes.Getattr):
            return self._member(node, self.resolve(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.resolve(node.node, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self._member(node, base, node.arg.value)
            if isinstance(base, list):
                return _sample_item(base)
            return _ANY
        self.walk(node, scope)
        return _ANY

    def _member(self, node: nodes.Node, base: Any, attr: str) -> Any:
        if isinstance(base, dict):
            if attr in base:
                return base[attr]
            self.report(_path(node), "模板使用了文书数据中没有的字段", "unknown_attribute")
            return _ANY
        if base is _ANY or hasattr(base, attr):
            return _ANY
        self.report(_path(node), "模板使用了文书数据中没有的字段", "unknown_attribute")
        return _ANY


def _path(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return str(node.name)
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_path(node.node)}[{node.arg.value!r}]"
    return "…"


def check_template(path: Path, kind: DocumentKind) -> list[TemplateProblem]:
    """Every problem of one template, checked against the context of ``kind``."""
    name = Path(path).name
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return [TemplateProblem(name, name, "模板文件不存在", "missing_template")]
    except OSError as exc:
        return [TemplateProblem(name, name, f"无法读取模板文件：{exc.strerror}", "unreadable")]
    return _check_bytes(name, data, kind)


def _check_bytes(name: str, data: bytes, kind: DocumentKind) -> list[TemplateProblem]:
    try:
        problems = _scan_markup(name, data)
        tpl = DocxTemplate(io.BytesIO(data))
        source = _template_source(tpl)
    except (zipfile.BadZipFile, KeyError, ET.ParseError, ValueError) as exc:
        return [TemplateProblem(name, name, f"不是有效的 Word 文档（{exc}）", "unreadable")]
    context = sample_context(kind)
    try:
        tree = Environment().parse(source)
    except TemplateSyntaxError as exc:
        line = source.splitlines()[(exc.lineno or 1) - 1] if source else ""
        text = re.sub(r"<[^>]+>", "", line).strip() or name
        problems.append(TemplateProblem(name, text, f"模板语法错误：{exc.message}", "syntax"))
        return problems
    checker = _Checker(name, context)
    undeclared = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(
        Environment(), context
    )
    for variable in sorted(undeclared - _JINJA_GLOBALS):
        checker.report(variable, "模板使用了文书数据中没有的变量", "unknown_variable")
    checker.walk(tree, dict(context))
    return problems + checker.problems


def check_templates(forms_dir: Path = FORMS_DIR) -> list[TemplateProblem]:
    """Every problem of every kind's template in ``forms_dir`` (empty: all is well)."""
    problems: list[TemplateProblem] = []
    for kind in DocumentKind:
        problems += check_template(template_path(kind, forms_dir), kind)
    return problems


@dataclass(frozen=True)
class _LoadedTemplate:
    data: bytes
    problems: tuple[TemplateProblem, ...]


_TEMPLATE_CACHE: dict[tuple[str, DocumentKind], tuple[tuple[int, int], _LoadedTemplate]] = {}


def load_template(kind: DocumentKind, forms_dir: Path = FORMS_DIR) -> bytes:
    """The template's bytes once it passed the check; :class:`TemplateBroken` otherwise.

    The check is cached per file and re-run when the file changes (size or mtime), so an
    edit in Word is picked up without restarting.
    """
    kind = DocumentKind(kind)
    path = template_path(kind, forms_dir)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise TemplateBroken(
            [TemplateProblem(path.name, path.name, "模板文件不存在", "missing_template")]
        ) from None
    key = (str(path.resolve()), kind)
    stamp = (st.st_mtime_ns, st.st_size)
    with _CACHE_LOCK:
        cached = _TEMPLATE_CACHE.get(key)
    if cached is None or cached[0] != stamp:
        data = path.read_bytes()
        loaded = _LoadedTemplate(data, tuple(_check_bytes(path.name, data, kind)))
        with _CACHE_LOCK:
            _TEMPLATE_CACHE[key] = (stamp, loaded)
    else:
        loaded = cached[1]
    errors = [p for p in loaded.problems if p.severity == "error"]
    if errors:
        raise TemplateBroken(errors)
    return loaded.data


def render_bytes(template: bytes, context: dict[str, Any], name: str = "") -> bytes:
    """Fill a checked template in memory and return the .docx file's bytes."""
    tpl = DocxTemplate(io.BytesIO(template))
    try:
        tpl.render(context, jinja_env=_jinja_env(), autoescape=True)
    except TemplateError as exc:  # the check missed it: still refuse, nothing written
        raise TemplateBroken(
            [TemplateProblem(name, name, f"生成时模板出错：{exc}", "render_error")]
        ) from exc
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- files


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then rename it over
    ``path``: readers see the old file or the whole new one, never a part."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise DocumentFileError(f"无法写入 {path}：{exc.strerror}", path=str(path)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise DocumentFileError(
                f"无法写入 {path}：{exc.strerror}（文件是否正在 Word 中打开？）", path=str(path)
            ) from exc
        raise
    if sys.platform != "win32":  # make the rename itself durable
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text, flags=re.UNICODE).strip("._") or "case"


# --------------------------------------------------------------------------- permissions

_ISSUERS = (Role.MEDIATOR, Role.OFFICE_MANAGER, Role.CITY_MANAGER, Role.ADMIN)


def require_document_rights(actor: Actor, case: Case) -> None:
    """Refuse unless ``actor`` may issue documents for ``case`` (see the module docstring)."""
    if actor.role == Role.STATION_STAFF:
        raise PermissionDenied(
            "站点工作人员不能生成案件文书，请由裁决所调解员生成", case=case.number
        )
    require_case(actor, case, *_ISSUERS)
    if actor.role == Role.MEDIATOR and case.mediator_id != actor.user_id:
        raise PermissionDenied(
            f"案件 {case.number} 未指派给您，只有承办调解员可以生成文书", case=case.number
        )
    if not actor.may_view_personal_data:
        raise PermissionDenied(
            "文书载有当事人的完整身份信息，您没有查看个人信息的权限", case=case.number
        )


def _load_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件 {case_id} 不存在", case_id=case_id)
    return case


def case_id_for_number(session: Session, number: str) -> int:
    number = number.strip()
    case_id = (
        None
        if is_unusable_key(number)  # PostgreSQL refuses NUL
        else session.scalar(select(Case.id).where(Case.number == number))
    )
    if case_id is None:
        raise NotFound(f"案件 {number} 不存在", case=number)
    return case_id


# --------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class _Rendered:
    data: bytes
    sha256: str
    warnings: tuple[str, ...]


def _render_case(
    session: Session,
    actor: Actor,
    case: Case,
    kind: DocumentKind,
    forms_dir: Path,
    today: dt.date | None,
) -> _Rendered:
    require_document_rights(actor, case)
    facts = gather_facts(session, case, kind, today)
    missing = missing_from(facts, kind)
    if missing:
        raise MissingFacts(kind, missing)
    template = load_template(kind, forms_dir)
    data = render_bytes(template, context_from(facts, kind), template_path(kind, forms_dir).name)
    warnings = tuple(_warnings(session, facts, kind))
    return _Rendered(data, hashlib.sha256(data).hexdigest(), warnings)


def render_document(
    session: Session,
    actor: Actor,
    case_id: int,
    kind: DocumentKind | str,
    store: Path,
    *,
    forms_dir: Path = FORMS_DIR,
    today: dt.date | None = None,
) -> GeneratedDocument:
    """Render ``kind`` for the case, store it as the next version and record it.

    The author is ``actor``; the file is ``store/<case number>/<kind>-v<version>.docx``.
    Refusals write no file: PermissionDenied, NotFound, MissingFacts, TemplateBroken (all
    before anything is added to the session), DocumentFileError (the row is pending: the
    caller's transaction rolls back), StaleData when another user recorded the same version
    at the same moment (try again). If the caller rolls back after this returned, the file
    stays as an orphan that the next render of that version replaces.
    """
    kind = DocumentKind(kind)
    case = _load_case(session, case_id)
    rendered = _render_case(session, actor, case, kind, forms_dir, today)
    last = session.scalar(
        select(func.max(Document.version)).where(
            Document.case_id == case.id, Document.kind == kind.value
        )
    )
    version = (last or 0) + 1
    stored_name = f"{_safe_name(case.number)}/{kind.value}-v{version}.docx"
    doc = Document(
        case_id=case.id,
        kind=kind.value,
        version=version,
        author_id=actor.user_id,
        created_at=utcnow(),
        sha256=rendered.sha256,
        size=len(rendered.data),
        stored_name=stored_name,
    )
    session.add(doc)
    try:
        # the row first: a concurrent render of the same version fails here, before it
        # could overwrite the winner's file
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise StaleData(
            f"{kind.label}第 {version} 版刚由他人生成，请重试", code="stale", kind=kind.value
        ) from None
    path = Path(store) / stored_name
    write_atomically(path, rendered.data)
    return GeneratedDocument(
        document_id=doc.id,
        case_id=case.id,
        case_number=case.number,
        kind=kind,
        title=kind.label,
        version=version,
        stored_name=stored_name,
        path=path,
        sha256=rendered.sha256,
        size=len(rendered.data),
        author_id=actor.user_id,
        created_at=doc.created_at,
        warnings=rendered.warnings,
    )


def render_to_file(
    session: Session,
    actor: Actor,
    case_id: int,
    kind: DocumentKind | str,
    out: Path,
    *,
    forms_dir: Path = FORMS_DIR,
    today: dt.date | None = None,
) -> RenderedFile:
    """Render ``kind`` for the case to ``out`` (.docx, or .pdf through LibreOffice) without
    recording it on the case. ``out`` is written atomically and only on success."""
    kind = DocumentKind(kind)
    out = Path(out)
    if out.suffix.lower() not in (".docx", ".pdf"):
        raise DocumentFileError(f"输出文件应为 .docx 或 .pdf：{out}", path=str(out))
    case = _load_case(session, case_id)
    rendered = _render_case(session, actor, case, kind, forms_dir, today)
    if out.suffix.lower() == ".pdf":
        with tempfile.TemporaryDirectory(prefix="ipdesk-render-") as tmp:
            docx = Path(tmp) / f"{kind.value}.docx"
            docx.write_bytes(rendered.data)
            export_pdf(docx, out)
        data = out.read_bytes()
        return RenderedFile(
            out, kind, hashlib.sha256(data).hexdigest(), len(data), rendered.warnings
        )
    write_atomically(out, rendered.data)
    return RenderedFile(out, kind, rendered.sha256, len(rendered.data), rendered.warnings)


def list_documents(session: Session, actor: Actor, case_id: int) -> list[DocumentInfo]:
    """The case's generated documents, newest first (any user who may see the case)."""
    case = _load_case(session, case_id)
    require_case(actor, case)
    rows = session.execute(
        select(Document, User.display_name)
        .outerjoin(User, User.id == Document.author_id)
        .where(Document.case_id == case.id)
        .order_by(Document.created_at.desc(), Document.id.desc())
    ).all()
    return [
        DocumentInfo(
            document_id=d.id,
            kind=d.kind,
            title=TITLES[DocumentKind(d.kind)] if d.kind in _KIND_VALUES else d.kind,
            version=d.version,
            author=author or ("ipdesk-admin" if d.author_id is None else ""),
            created_at=d.created_at,
            sha256=d.sha256,
            size=d.size,
            stored_name=d.stored_name,
        )
        for d, author in rows
    ]


_KIND_VALUES = frozenset(k.value for k in DocumentKind)


def document_file(session: Session, actor: Actor, document_id: int, store: Path) -> Path:
    """The path of a stored document, for opening it in the word processor: needs the
    rendering rights, and the file must still be the one recorded (SHA-256)."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"文书 {document_id} 不存在", document_id=document_id)
    require_document_rights(actor, _load_case(session, doc.case_id))
    path = Path(store) / doc.stored_name
    try:
        data = path.read_bytes()
    except OSError:
        raise DocumentFileError(f"文书文件不存在：{path}", path=str(path)) from None
    if hashlib.sha256(data).hexdigest() != doc.sha256:
        raise DocumentFileError(f"文书文件已被改动，与登记的校验值不符：{path}", path=str(path))
    return path


# --------------------------------------------------------------------------- preview


def demo_facts(today: dt.date | None = None) -> CaseFacts:
    """A complete made-up case (no database): every field of every document filled."""
    today = today or dt.date(2026, 11, 27)
    office = Office(
        id=1,
        code="TL01",
        name="科尔沁区知识产权行政裁决所",
        address="通辽市科尔沁区和平路1号",
        phone="0475-8123456",
    )
    station = Station(id=1, code="TL01-S01", name="西门市场监管所维权援助工作站", office=office)
    court = Agency(id=1, code="CT-KEQ", name="通辽市科尔沁区人民法院", address="通辽市科尔沁区")
    agency = Agency(id=2, code="PR-TL", name="通辽市人民检察院")
    mediator = User(id=1, display_name="王晓梅")
    applicant = Party(
        id=1,
        position=0,
        role=PartyRole.APPLICANT,
        kind=PartyKind.PERSON,
        name="张伟",
        sex="male",
        birth_date=dt.date(1980, 5, 1),
        ethnicity="汉族",
        address="内蒙古自治区通辽市科尔沁区建国路12号",
        id_number="150502198005010017",
        phone="13847512345",
    )
    respondent = Party(
        id=2,
        position=1,
        role=PartyRole.RESPONDENT,
        kind=PartyKind.ORGANISATION,
        name="通辽市草原商贸有限公司",
        address="内蒙古自治区通辽市科尔沁区霍林河大街88号",
        id_number="91150502MA0N12345X",
        phone="0475-8234567",
        legal_representative="李娜",
        legal_representative_title="执行董事",
    )
    agent = Party(
        id=3,
        position=2,
        role=PartyRole.AGENT,
        kind=PartyKind.PERSON,
        name="赵敏",
        address="内蒙古自治区通辽市科尔沁区明仁大街6号",
        phone="13904751234",
        represents_id=1,
    )
    case = Case(
        id=1,
        number="TL01-2026-00042",
        office=office,
        station=station,
        mediator=mediator,
        status=CaseStatus.CLOSED,
        outcome=CaseStatus.CONFIRMED,
        ip_type=IpType.TRADEMARK,
        right_number="12345678",
        right_holder="张伟",
        dispute_type=DisputeType.INFRINGEMENT,
        facts="被申请人在其经营的门店中销售标有申请人第12345678号注册商标的奶制品。\n"
        "申请人于二〇二六年九月三日进行了公证购买。",
        claim="被申请人停止销售侵权商品，赔偿经济损失及合理开支。",
        amount_claimed=Decimal("30000.00"),
        channel=Channel.COURT_REFERRAL,
        referring_court=court,
        court_case_number="（2026）内0502民诉前调1234号",
        received_on=dt.date(2026, 9, 7),
        accepted_on=dt.date(2026, 9, 8),
        closed_on=dt.date(2026, 11, 20),
    )
    case.parties.extend([applicant, respondent, agent])
    agreement = Agreement(
        id=1,
        signed_on=dt.date(2026, 10, 15),
        effective_on=dt.date(2026, 10, 15),
        facts="被申请人于二〇二六年八月至九月期间销售标有申请人注册商标的奶制品共计120箱。",
        responsibilities="被申请人未尽合理审查义务，应承担停止侵权、赔偿损失的责任。",
        decides_ownership=False,
    )
    agreement.obligations.extend(
        [
            Obligation(
                position=0,
                obligor_id=2,
                obligee_id=1,
                description="支付经济损失赔偿款",
                amount=Decimal("12000.00"),
                due_on=dt.date(2026, 11, 30),
                performance=Performance.FULL,
            ),
            Obligation(
                position=1,
                obligor_id=2,
                obligee_id=1,
                description="支付合理维权费用",
                amount=Decimal("3500.50"),
                due_on=dt.date(2026, 11, 30),
                performance=Performance.FULL,
            ),
            Obligation(
                position=2,
                obligor_id=2,
                description="停止销售侵权商品并下架库存",
                due_on=dt.date(2026, 10, 20),
                performance=Performance.FULL,
            ),
        ]
    )
    confirmation = Confirmation(id=1, court=court, applied_on=dt.date(2026, 10, 20))
    consultation = Consultation(
        id=1,
        kind=ConsultationKind.CONSULTATION,
        subject="被诉商品是否构成假冒注册商标罪的线索判断",
        questions="1．被申请人销售数额是否达到刑事立案追诉标准。\n2．是否需要移送公安机关。",
        requested_on=dt.date(2026, 9, 20),
        meeting_on=dt.date(2026, 9, 28),
        meeting_place="科尔沁区知识产权行政裁决所第一会议室",
        participants="通辽市科尔沁区人民法院 刘洋；通辽市人民检察院 陈静；本所 王晓梅",
        minutes="经会商，被申请人销售数额未达到刑事立案追诉标准，本案宜继续调解。",
    )
    consultation.requests.extend(
        [
            ConsultationRequest(
                id=1,
                agency=court,
                state=RequestState.ANSWERED,
                due_on=dt.date(2026, 9, 30),
                answered_on=dt.date(2026, 9, 28),
                opinion="同意继续调解，调解成功后可申请司法确认。",
            ),
            ConsultationRequest(
                id=2,
                agency=agency,
                state=RequestState.ANSWERED,
                due_on=dt.date(2026, 9, 30),
                answered_on=dt.date(2026, 9, 28),
                opinion="现有证据显示销售数额未达追诉标准，暂不移送。",
            ),
        ]
    )
    visit = FollowUpVisit(
        id=1,
        state=VisitState.DONE,
        due_on=dt.date(2026, 11, 25),
        done_on=dt.date(2026, 11, 26),
        method=VisitMethod.PHONE,
        person_visited="张伟",
        performance=Performance.FULL,
        satisfaction=5,
        notes="被申请人已按协议支付全部款项并下架侵权商品。",
        problems="无",
        next_action="不再回访。",
    )
    return CaseFacts(
        case=case,
        agreement=agreement,
        confirmation=confirmation,
        court=court,
        consultation=consultation,
        visit=visit,
        visitor_name="王晓梅",
        rejection_reason="申请人未能提供权利证明，经告知后仍未补正。",
        handling_days=60,
        today=today,
    )


def sample_context(kind: DocumentKind) -> dict[str, Any]:
    """The full context of ``kind`` for the demo case (what the checker tests tags against)."""
    return context_from(demo_facts(), kind)


def preview(
    kind: DocumentKind | str, *, forms_dir: Path = FORMS_DIR, today: dt.date | None = None
) -> bytes:
    """The template of ``kind`` filled with the demo case (no database): .docx bytes."""
    kind = DocumentKind(kind)
    facts = demo_facts(today)
    if kind == K.REJECTION_NOTICE:  # the demo case was accepted; pretend it was not
        facts.case.status = CaseStatus.REJECTED
    template = load_template(kind, forms_dir)
    return render_bytes(template, context_from(facts, kind), template_path(kind, forms_dir).name)


# --------------------------------------------------------------------------- PDF

SOFFICE_ENV = "IPDESK_SOFFICE"
_WINDOWS_SOFFICE = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice/program/soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice/program/soffice.exe",
)


# Where fontconfig chooses fonts (Linux, BSD), the official fonts of the templates are
# usually missing and fontconfig would set everything in one sans face, 黑体 headings
# and 仿宋 body alike. For the PDF export LibreOffice gets a private fontconfig file that
# keeps the system's configuration and adds, after each official font, the closest faces a
# Linux machine has: Song/FangSong → a serif, 黑体 → a sans, 小标宋 → a bold serif. An
# installed official font still wins (the aliases only add candidates after it).
_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")
_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
_FALLBACKS: dict[str, tuple[tuple[str, ...], bool]] = {
    "FangSong_GB2312": (("FangSong", "仿宋", "STFangsong", *_SERIF), False),
    "仿宋_GB2312": (("FangSong", "仿宋", "STFangsong", *_SERIF), False),
    "FangSong": (("仿宋", "STFangsong", *_SERIF), False),
    "仿宋": (("FangSong", "STFangsong", *_SERIF), False),
    "FZXiaoBiaoSong-B05S": (("方正小标宋简体", *_SERIF), True),
    "方正小标宋简体": (("FZXiaoBiaoSong-B05S", *_SERIF), True),
    "SimHei": (("黑体", *_SANS), False),
    "黑体": (("SimHei", *_SANS), False),
    "KaiTi": (("楷体", "KaiTi_GB2312", "STKaiti", "AR PL UKai CN", *_SERIF), False),
    "楷体": (("KaiTi", "KaiTi_GB2312", "STKaiti", "AR PL UKai CN", *_SERIF), False),
    "SimSun": (("宋体", *_SERIF), False),
    "宋体": (("SimSun", *_SERIF), False),
}


def _fontconfig_file(directory: Path) -> Path | None:
    """A fontconfig file with the fallbacks above, or None where fontconfig is not used."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    system = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
        "<fontconfig>",
        f'  <include ignore_missing="yes">{_xml_text(system)}</include>',
    ]
    for family, (accept, bold) in _FALLBACKS.items():
        if bold:
            lines.append(
                f'  <match target="pattern"><test name="family"><string>{family}</string>'
                '</test><edit name="weight" mode="assign"><const>bold</const></edit></match>'
            )
        faces = "".join(f"<family>{_xml_text(f)}</family>" for f in accept)
        lines.append(
            f'  <alias binding="same"><family>{family}</family><accept>{faces}</accept></alias>'
        )
    lines.append("</fontconfig>")
    path = directory / "fonts.conf"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def find_libreoffice() -> str | None:
    """LibreOffice's executable: $IPDESK_SOFFICE, then PATH, then the usual Windows places."""
    given = os.environ.get(SOFFICE_ENV)
    if given:
        return given if Path(given).is_file() else None
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if found:
        return found
    if sys.platform == "win32":
        return next((str(p) for p in _WINDOWS_SOFFICE if p.is_file()), None)
    return None


def export_pdf(path: Path, pdf: Path | None = None, *, timeout: float = 120) -> Path:
    """Convert a .docx to PDF with LibreOffice (headless, a private profile so a running
    LibreOffice is not disturbed); written atomically to ``pdf`` (default: beside it)."""
    path = Path(path)
    target = Path(pdf) if pdf else path.with_suffix(".pdf")
    exe = find_libreoffice()
    if exe is None:
        raise PdfExportUnavailable(
            "未安装 LibreOffice，无法导出 PDF；请安装 LibreOffice，或在 Word 中另存为 PDF",
        )
    with tempfile.TemporaryDirectory(prefix="ipdesk-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        command = [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            str(path),
        ]
        env = dict(os.environ)
        fonts = _fontconfig_file(Path(tmp))
        if fonts is not None:
            env["FONTCONFIG_FILE"] = str(fonts)
        try:
            proc = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False, env=env
            )
        except subprocess.TimeoutExpired:
            raise PdfExportFailed(f"LibreOffice 转换超时（{timeout:.0f} 秒）") from None
        except OSError as exc:
            raise PdfExportFailed(f"无法启动 LibreOffice：{exc.strerror}") from exc
        produced = outdir / f"{path.stem}.pdf"
        if proc.returncode != 0 or not produced.is_file():
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            raise PdfExportFailed(
                f"LibreOffice 未能转换 {path.name}：{detail[-1] if detail else proc.returncode}"
            )
        write_atomically(target, produced.read_bytes())
    return target
