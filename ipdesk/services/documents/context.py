"""The facts a document states, gathered from the case; the Jinja context built from them;
the facts a kind of document cannot do without (:func:`missing_facts`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
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
    ConsultationState,
    DisputeType,
    EventKind,
    FollowUpVisit,
    IpType,
    LimitKind,
    LimitRule,
    LimitState,
    MediationKind,
    MediationRecord,
    ObligationKind,
    Office,
    Party,
    PartyKind,
    PartyRole,
    Performance,
    RequestState,
    User,
    VisitMethod,
    VisitState,
)
from ipdesk.services.documents import adjudication as adjudication_docs
from ipdesk.services.documents.kinds import DocumentKind, K
from ipdesk.services.errors import ValidationError
from ipdesk.services.rules import vocabulary
from ipdesk.services.rules.chinese_text import amount_in_capitals, amount_in_figures, chinese_date
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.services.rules.identifiers import (
    LEGAL_REPRESENTATIVE,
    OPERATOR,
    PRINCIPAL,
    representative_for,
)
from ipdesk.services.rules.obligations import TermParts, obligation_sentence, sentence_problems

#: The intake's names of the IP types, but "知识产权" for "other": the documents write
#: "…知识产权纠纷", where the intake's choice list says "其他".
IP_TYPE_LABELS: dict[IpType, str] = {**vocabulary.IP_TYPE_LABELS, IpType.OTHER: "知识产权"}
_RIGHT_NAMES: dict[IpType, str] = {
    IpType.PATENT_INVENTION: "发明专利权",
    IpType.PATENT_UTILITY_MODEL: "实用新型专利权",
    IpType.PATENT_DESIGN: "外观设计专利权",
    IpType.TRADEMARK: "注册商标专用权",
    IpType.COPYRIGHT: "著作权",
    IpType.SOFTWARE_COPYRIGHT: "计算机软件著作权",
    IpType.GEOGRAPHICAL_INDICATION: "地理标志",
    IpType.TRADE_SECRET: "商业秘密",
    IpType.TECHNICAL_SECRET: "商业秘密（技术秘密）",
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
    mediation_record: MediationRecord | None = None  # the latest session (调解笔录)
    recorder_name: str = ""
    returned_on: dt.date | None = None  # the court return event's day (court return letter)
    handling_days: int = 60
    today: dt.date = field(default_factory=legal_today)  # Beijing's date, as the deadlines'
    adjudication: adjudication_docs.AdjudicationFacts | None = None


def gather_facts(
    session: Session, case: Case, kind: DocumentKind, today: dt.date | None = None
) -> CaseFacts:
    """Load the records ``kind`` needs (only those) from the database."""
    facts = CaseFacts(case=case, today=today or legal_today())
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
        returned = session.scalar(
            select(CaseEvent.details)
            .where(CaseEvent.case_id == cid, CaseEvent.kind == EventKind.RETURNED_TO_COURT.value)
            .order_by(CaseEvent.id.desc())
            .limit(1)
        )
        day = (returned or {}).get("returned_on") if isinstance(returned, dict) else None
        if day:
            try:
                facts.returned_on = dt.date.fromisoformat(str(day))
            except ValueError:
                facts.returned_on = None
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
    if kind == K.MEDIATION_RECORD:
        facts.mediation_record = session.scalars(
            select(MediationRecord)
            .where(MediationRecord.case_id == cid)
            .order_by(MediationRecord.held_on.desc(), MediationRecord.id.desc())
            .limit(1)
        ).first()
        record = facts.mediation_record
        if record is not None and record.recorder_id is not None:
            facts.recorder_name = _text(
                session.scalar(select(User.display_name).where(User.id == record.recorder_id))
            )
    if kind in adjudication_docs.ADJUDICATION_KINDS:
        facts.adjudication = adjudication_docs.load(session, case)
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


def representative_title(p: Party) -> str:
    """法定代表人 (a legal person), 主要负责人 (an unincorporated organisation) or 经营者
    (an individual business, credit code 92), from the credit code and the name
    (identifiers.representative_for); 法定代表人 for a company, else 主要负责人, when the
    code does not tell."""
    try:
        return representative_for(_text(p.id_number), _text(p.name)).title
    except ValidationError:
        return LEGAL_REPRESENTATIVE if _text(p.name).endswith("公司") else PRINCIPAL


def _representative_line(p: Party) -> str:
    """The representative's line, e.g. 法定代表人：高晨，执行董事。; an individual
    business's operator with the person's particulars (民诉解释 Art. 59):
    经营者：高晨，男，一九八〇年一月二日出生，蒙古族。"""
    name = _text(p.legal_representative)
    if p.kind == PartyKind.PERSON or not name:
        return ""
    title = representative_title(p)
    if title == OPERATOR:
        sex = _SEX_LABELS.get(_text(p.sex).lower(), _text(p.sex))
        parts = [name, sex, f"{_date(p.birth_date)}出生" if p.birth_date else ""]
        parts.append(_text(p.ethnicity))
        return f"{title}：" + "，".join(x for x in parts if x) + "。"
    job = _text(p.legal_representative_title)
    if job in (LEGAL_REPRESENTATIVE, PRINCIPAL, OPERATOR, "负责人"):
        job = ""
    return f"{title}：{name}" + (f"，{job}" if job else "") + "。"


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
        "representative_title": "" if person else representative_title(p),
        "representative_line": "" if person else _representative_line(p),
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
    labelled = {p.id: ROLE_LABELS[p.role] + _text(p.name) for p in facts.case.parties}
    out = []
    for i, o in enumerate(facts.agreement.obligations, start=1):
        term = TermParts(
            kind=o.kind or ObligationKind.OTHER,
            obligor=labelled.get(o.obligor_id, "") if o.obligor_id else "",
            obligee=labelled.get(o.obligee_id, "") if o.obligee_id else "",
            description=_text(o.description),
            amount=o.amount,
            due_on=o.due_on,
        )
        out.append(
            {
                "seq": i,
                "kind": term.kind.value,
                "sentence": obligation_sentence(term),
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


#: The text cited beside 民事诉讼法 Arts. 205-206, by the office's kind of mediation.
MEDIATION_BASIS: dict[MediationKind, str] = {
    MediationKind.PEOPLE: "《中华人民共和国人民调解法》第三十三条",
    MediationKind.ADMINISTRATIVE: (
        "《最高人民法院关于建立健全诉讼与非诉讼相衔接的矛盾纠纷解决机制的若干意见》"
        "（法发〔2009〕45号）第二十条"
    ),
    MediationKind.COURT_INVITED: (
        "《最高人民法院关于人民法院特邀调解的规定》（法释〔2016〕14号）第十九条"
    ),
}
MEDIATION_KIND_LABELS: dict[MediationKind, str] = {
    MediationKind.ADMINISTRATIVE: "行政调解",
    MediationKind.PEOPLE: "人民调解",
    MediationKind.COURT_INVITED: "特邀调解",
}


def _mediation(office: Office) -> dict[str, Any]:
    kind = office.mediation_kind or MediationKind.ADMINISTRATIVE
    return {
        "kind": kind.value,
        "kind_label": MEDIATION_KIND_LABELS[kind],
        "organisation": _text(office.mediation_org_name) or _text(office.name),
        "basis": MEDIATION_BASIS[kind],
    }


def _pronoun(parties: list[Party]) -> str:
    """How a notice addresses its addressees: 你 / 你单位, 你们 / 你们单位 (mixed: 你们)."""
    organisations = [p.kind == PartyKind.ORGANISATION for p in parties]
    several = len(parties) > 1
    if organisations and all(organisations):
        return "你们单位" if several else "你单位"
    return "你们" if several else "你"


def _court(agency: Agency | None) -> dict[str, Any]:
    return {
        "name": _text(agency.name) if agency else "",
        "address": _text(agency.address) if agency else "",
        "phone": _text(agency.phone) if agency else "",
    }


def effective_status(case: Case) -> CaseStatus:
    return case.outcome if case.status == CaseStatus.CLOSED and case.outcome else case.status


def _outcome_text(facts: CaseFacts) -> str:
    """One or two sentences on how the mediation ended (closing notice, court letter)."""
    status = effective_status(facts.case)
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


def _mediation_record(facts: CaseFacts) -> dict[str, Any]:
    r = facts.mediation_record
    if r is None:
        return {
            "held_on": "",
            "place": "",
            "attendees_paragraphs": [],
            "summary_paragraphs": [],
            "next_step": "",
            "recorder": "",
        }
    return {
        "held_on": _date(r.held_on),
        "place": _text(r.place),
        "attendees_paragraphs": _paragraphs(r.attendees),
        "summary_paragraphs": _paragraphs(r.summary),
        "next_step": "".join(_paragraphs(r.next_step)),
        "recorder": facts.recorder_name,
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
        "mediation": _mediation(office),
        "addressee": _pronoun(_principal(case, PartyRole.APPLICANT)),
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
        agreed = effective_status(case) in _AGREED and facts.agreement is not None
        ctx["court"] = _court(facts.court)
        ctx["issued_on"] = _date(facts.returned_on, ctx["issued_on"])
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
            "has_agreement": closed and effective_status(case) in _AGREED,
        }
    elif kind == K.MEDIATION_RECORD:
        ctx["record"] = _mediation_record(facts)
    elif kind == K.FOLLOW_UP_RECORD:
        ctx["visit"] = _visit(facts)
        ctx["obligations"] = _obligations(facts)
        ctx["closing"] = {"closed_on": _date(case.closed_on, BLANK_DATE)}
    elif kind in adjudication_docs.ADJUDICATION_KINDS:
        ctx.update(adjudication_docs.context(facts.adjudication, kind, facts.today))
        if kind == K.ADJUDICATION_DECISION_PUBLIC:
            ctx = adjudication_docs.redact_context(ctx, case)
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
    # A term that cannot be written as a complete sentence makes the agreement unclear
    # (民诉解释 Art. 358): services/rules/obligations.py says what each kind needs.
    words = {
        "obligation_due_empty": "履行期限",
        "obligation_amount_empty": "金额",
        "obligation_obligee_empty": "权利人",
        "obligation_description_empty": "内容",
    }
    for i, o in enumerate(a.obligations, start=1):
        if o.obligor_id is None:
            missing.append(f"第{i}项协议条款的履行义务人")
        for code in sentence_problems(
            o.kind or ObligationKind.OTHER,
            has_obligor=o.obligor_id is not None,
            has_obligee=o.obligee_id is not None,
            description=_text(o.description),
            amount=o.amount,
            due_on=o.due_on,
        ):
            missing.append(f"第{i}项协议条款的{words[code]}")
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
        status = effective_status(case)
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
    elif kind == K.MEDIATION_RECORD:
        if facts.mediation_record is None:
            missing.append("调解笔录")
        if not _paragraphs(case.facts):
            missing.append("事实与理由")
    elif kind in adjudication_docs.ADJUDICATION_KINDS:
        missing += adjudication_docs.missing(facts.adjudication, kind, facts.today)
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
