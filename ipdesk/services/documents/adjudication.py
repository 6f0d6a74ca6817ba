"""The documents of the administrative adjudication track and its open-data version.

context.py asks this module, for the kinds in :data:`ADJUDICATION_KINDS`, which records
to load (:func:`load`), what the template is filled with (:func:`context`) and what the
case still lacks (:func:`missing`); offers.py asks when a kind belongs to a case
(:data:`BELONGS`). Nothing here imports context.py (it imports this module).

The open-data decision (``adjudication_decision_public``) is the decision with the
parties' personal data redacted (:func:`redact_context`): natural persons' names masked
(张某某), ID numbers, addresses and phone numbers removed, the masked names also in the
free texts (facts, defence, reasons, order).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import (
    Adjudication,
    AdjudicationStep,
    Agency,
    Case,
    CaseLimit,
    EntryRoute,
    LimitKind,
    LimitRule,
    PartyKind,
    ProceedingRecord,
    RecordKind,
    ServedDocument,
    ServiceMethod,
    ServiceRecord,
    User,
    WindowOutcome,
)
from ipdesk.services.documents.kinds import DocumentKind
from ipdesk.services.rules.chinese_text import chinese_date

K = DocumentKind
Step = AdjudicationStep

ADJUDICATION_KINDS = frozenset(
    {
        K.ADJUDICATION_ACCEPTANCE_NOTICE,
        K.DEFENCE_NOTICE,
        K.HEARING_NOTICE,
        K.HEARING_RECORD,
        K.ADJUDICATION_DECISION,
        K.ADJUDICATION_DECISION_PUBLIC,
        K.SERVICE_RECEIPT,
        K.ENFORCEMENT_APPLICATION,
    }
)

METHOD_TEXT = {
    "direct": "直接送达",
    "mail": "邮寄送达",
    "electronic": "电子送达",
    "left": "留置送达",
    "entrusted": "委托送达",
    "public_notice": "公告送达",
}
DOCUMENT_TEXT = {
    "acceptance_notice": "立案通知书",
    "refusal_notice": "不予受理通知书",
    "request_copy": "请求书副本及答辩通知书",
    "hearing_notice": "口头审理通知书",
    "decision": "专利侵权纠纷行政裁决书",
}
_LATE = (Step.DECIDED, Step.DECISION_SERVED, Step.ENFORCEMENT_APPLIED, Step.CONCLUDED)
_ORDER = (
    Step.REQUESTED,
    Step.ACCEPTED,
    Step.PANEL_SET,
    Step.REQUEST_SERVED,
    Step.DEFENCE_RECORDED,
    Step.HEARING_NOTIFIED,
    Step.HEARING_HELD,
    *_LATE,
)


@dataclass
class AdjudicationFacts:
    adjudication: Adjudication
    officers: list[tuple[str, bool]] = field(default_factory=list)  # (name, presiding)
    signer: str = ""
    enforcement_court: str = ""
    services: list[ServiceRecord] = field(default_factory=list)  # the latest document's
    hearing: ProceedingRecord | None = None
    defence_days: int = 15
    suit_days: int = 15
    hearing_notice_days: int = 3
    suit_window_due: dt.date | None = None


def _reached(a: Adjudication, step: Step) -> bool:
    return a.step != Step.REFUSED and _ORDER.index(a.step) >= _ORDER.index(step)


def load(session: Session, case: Case) -> AdjudicationFacts | None:
    a = session.scalars(select(Adjudication).where(Adjudication.case_id == case.id)).first()
    if a is None:
        return None
    facts = AdjudicationFacts(a)
    ids = [o.user_id for o in a.officers] + ([a.signed_off_by_id] if a.signed_off_by_id else [])
    names: dict[int, str] = {
        user_id: name
        for user_id, name in session.execute(
            select(User.id, User.display_name).where(User.id.in_(ids))
        )
    }
    facts.officers = [(names.get(o.user_id, ""), o.presiding) for o in a.officers]
    facts.signer = names.get(a.signed_off_by_id, "") if a.signed_off_by_id else ""
    if a.enforcement_court_id:
        court = session.get(Agency, a.enforcement_court_id)
        facts.enforcement_court = court.name if court else ""
    if a.services:
        last = max(a.services, key=lambda s: s.id).document
        facts.services = [s for s in a.services if s.document == last]
    hearings = [r for r in a.records if r.kind == RecordKind.HEARING]
    facts.hearing = max(hearings, key=lambda r: (r.held_on, r.id)) if hearings else None
    rules: dict[LimitKind, int] = {
        kind: days for kind, days in session.execute(select(LimitRule.kind, LimitRule.days))
    }
    facts.defence_days = rules.get(LimitKind.DEFENCE, 15)
    facts.suit_days = rules.get(LimitKind.SUIT_WINDOW, 15)
    facts.hearing_notice_days = rules.get(LimitKind.HEARING_NOTICE, 3)
    facts.suit_window_due = session.scalar(
        select(CaseLimit.due_on).where(
            CaseLimit.case_id == case.id, CaseLimit.kind == LimitKind.SUIT_WINDOW
        )
    )
    return facts


# --------------------------------------------------------------------------- context


def _date(day: dt.date | None) -> str:
    return chinese_date(day) if day else ""


def _paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def context(facts: AdjudicationFacts | None, kind: DocumentKind, today: dt.date) -> dict[str, Any]:
    """The ``adj`` section of the template's context (empty strings when unknown)."""
    if facts is None:
        return {"adj": _empty()}
    a = facts.adjudication
    officers = "、".join(
        name + ("（主办）" if presiding else "") for name, presiding in facts.officers
    )
    found = bool(a.infringement_found)
    hearing = facts.hearing
    adj: dict[str, Any] = {
        "decision_number": a.decision_number or "",
        "requested_on": _date(a.requested_on),
        "accepted_on": _date(a.accepted_on),
        "after_mediation": a.route.value == "after_mediation",
        "officers": officers,
        "has_officers": bool(facts.officers),
        "request_served_on": _date(a.request_served_on),
        "defence_days": facts.defence_days,
        "defence_received_on": _date(a.defence_received_on),
        "defence_paragraphs": _paragraphs(a.defence_summary),
        "no_defence": a.no_defence,
        "hearing_notice_days": facts.hearing_notice_days,
        "hearing_notified_on": _date(a.hearing_notified_on),
        "hearing_on": _date(a.hearing_on),
        "hearing_place": a.hearing_place or "",
        "hearing_held_on": _date(hearing.held_on if hearing else None),
        "hearing_participants": _paragraphs(hearing.participants if hearing else None),
        "hearing_paragraphs": _paragraphs(hearing.content if hearing else None),
        "held_hearing": hearing is not None,
        "decided_on": _date(a.decided_on),
        "infringement_found": found,
        "order_paragraphs": _paragraphs(a.order_to_stop) if found else [],
        "reasons_paragraphs": _paragraphs(a.reasons),
        "signer": facts.signer,
        "suit_days": facts.suit_days,
        "decision_served_on": _date(a.decision_served_on),
        "suit_window_due": _date(facts.suit_window_due),
        "window_outcome_not_stopped": a.window_outcome in (None, WindowOutcome.NOT_STOPPED),
        "enforcement_court": facts.enforcement_court,
        "enforcement_applied_on": _date(a.enforcement_applied_on or today),
        "services": [
            {
                "document": DOCUMENT_TEXT.get(s.document.value, s.document.value),
                "recipient": s.recipient,
                "method": METHOD_TEXT.get(s.method.value, s.method.value),
                "sent_on": _date(s.sent_on),
                "received_on": _date(s.received_on),
                "signed_by": s.signed_by or s.recipient,
                "server": s.server_name or "",
            }
            for s in facts.services
        ],
        "served_document": DOCUMENT_TEXT.get(facts.services[0].document.value, "")
        if facts.services
        else "",
    }
    return {"adj": adj}


def _empty() -> dict[str, Any]:
    keys = (
        "decision_number",
        "requested_on",
        "accepted_on",
        "officers",
        "request_served_on",
        "defence_received_on",
        "hearing_notified_on",
        "hearing_on",
        "hearing_place",
        "hearing_held_on",
        "decided_on",
        "signer",
        "decision_served_on",
        "suit_window_due",
        "enforcement_court",
        "enforcement_applied_on",
        "served_document",
    )
    empty: dict[str, Any] = dict.fromkeys(keys, "")
    for key in (
        "defence_paragraphs",
        "hearing_participants",
        "hearing_paragraphs",
        "order_paragraphs",
        "reasons_paragraphs",
        "services",
    ):
        empty[key] = []
    for key in ("after_mediation", "has_officers", "no_defence", "held_hearing"):
        empty[key] = False
    empty.update(
        infringement_found=False,
        window_outcome_not_stopped=True,
        defence_days=15,
        suit_days=15,
        hearing_notice_days=3,
    )
    return empty


# --------------------------------------------------------------------------- missing


def missing(facts: AdjudicationFacts | None, kind: DocumentKind, today: dt.date) -> list[str]:
    """What ``kind`` needs and the adjudication lacks, in Chinese."""
    if facts is None:
        return ["行政裁决程序"]
    a = facts.adjudication
    out: list[str] = []
    if kind in (K.ADJUDICATION_ACCEPTANCE_NOTICE, K.DEFENCE_NOTICE):
        if a.accepted_on is None:
            out.append("立案日期")
    elif kind == K.HEARING_NOTICE:
        if a.hearing_on is None:
            out.append("口头审理日期")
        if not a.hearing_place:
            out.append("口头审理地点")
    elif kind == K.HEARING_RECORD:
        if facts.hearing is None:
            out.append("口头审理记录")
        if not facts.officers:
            out.append("合议组")
    elif kind in (K.ADJUDICATION_DECISION, K.ADJUDICATION_DECISION_PUBLIC):
        if a.decided_on is None:
            out.append("处理决定日期")
        if not _paragraphs(a.reasons):
            out.append("认定侵权是否成立的理由和依据")
        if a.infringement_found and not _paragraphs(a.order_to_stop):
            out.append("责令停止的侵权行为")
        if not facts.officers:
            out.append("合议组")
    elif kind == K.SERVICE_RECEIPT:
        if not facts.services:
            out.append("送达记录")
    elif kind == K.ENFORCEMENT_APPLICATION:
        if not a.infringement_found:
            out.append("认定侵权成立的处理决定")
        if a.decision_served_on is None:
            out.append("处理决定送达日期")
        elif facts.suit_window_due is None or facts.suit_window_due >= today:
            out.append("起诉期限届满")
        if a.window_outcome in (WindowOutcome.SUED, WindowOutcome.COMPLIED):
            out.append("侵权人期满不起诉又不停止侵权的情况")
        if not facts.enforcement_court:
            out.append("申请执行的人民法院")
    return out


#: When a kind belongs to a case (offers.py): the adjudication has reached its step.
BELONGS: dict[DocumentKind, Callable[[AdjudicationFacts | None], bool]] = {
    K.ADJUDICATION_ACCEPTANCE_NOTICE: lambda f: (
        f is not None and f.adjudication.accepted_on is not None
    ),
    K.DEFENCE_NOTICE: lambda f: f is not None and f.adjudication.accepted_on is not None,
    K.HEARING_NOTICE: lambda f: f is not None and f.adjudication.hearing_on is not None,
    K.HEARING_RECORD: lambda f: f is not None and f.hearing is not None,
    K.ADJUDICATION_DECISION: lambda f: f is not None and _reached(f.adjudication, Step.DECIDED),
    K.ADJUDICATION_DECISION_PUBLIC: lambda f: (
        f is not None and _reached(f.adjudication, Step.DECIDED)
    ),
    K.SERVICE_RECEIPT: lambda f: f is not None and bool(f.services),
    K.ENFORCEMENT_APPLICATION: lambda f: (
        f is not None
        and bool(f.adjudication.infringement_found)
        and f.adjudication.decision_served_on is not None
    ),
}


# --------------------------------------------------------------------------- redaction

#: Two-character surnames (复姓) that keep both characters when a name is masked.
_COMPOUND_SURNAMES = frozenset(
    (
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "万俟",
        "闻人",
        "钟离",
        "宗政",
        "濮阳",
        "公冶",
        "太叔",
        "申屠",
        "澹台",
    )
)
_ID_RE = re.compile(r"\d{17}[\dXx]|\d{15}")
_PHONE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|0\d{2,3}-?\d{7,8}")


def mask_name(name: str) -> str:
    """张三 -> 张某某, 欧阳娜娜 -> 欧阳某某 (a natural person's name in published decisions)."""
    name = name.strip()
    if not name:
        return name
    surname = name[:2] if name[:2] in _COMPOUND_SURNAMES else name[0]
    return surname + "某某"


def redact_text(text: str, names: Iterable[str]) -> str:
    """``text`` with the given natural persons' names masked and ID and phone numbers
    removed."""
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        text = text.replace(name, mask_name(name))
    text = _ID_RE.sub("（已删除）", text)
    return _PHONE_RE.sub("（已删除）", text)


def natural_persons(case: Case) -> list[str]:
    """The names of the case's natural persons: parties, agents and the organisations'
    representatives."""
    names = [p.name for p in case.parties if p.kind == PartyKind.PERSON]
    names += [p.legal_representative for p in case.parties if p.legal_representative]
    return [n for n in names if n]


def _redact_party(p: dict[str, Any], names: list[str]) -> dict[str, Any]:
    person = p.get("is_person", False)
    out = dict(p)
    out.update(
        name=mask_name(p["name"]) if person else p["name"],
        id_number="",
        address="",
        phone="",
        birth_date="",
        details="",
        legal_representative=mask_name(p["legal_representative"])
        if p.get("legal_representative")
        else "",
        representative_line=redact_text(p.get("representative_line", ""), names),
        agents=[
            {
                "name": mask_name(a["name"]),
                "id_number": "",
                "phone": "",
                "address": "",
                "details": "",
            }
            for a in p.get("agents", [])
        ],
    )
    return out


def redact_context(ctx: dict[str, Any], case: Case) -> dict[str, Any]:
    """The decision's context for publication (open data): see the module docstring."""
    names = natural_persons(case)
    out = dict(ctx)
    for key in ("applicants", "respondents", "third_parties", "parties"):
        out[key] = [_redact_party(p, names) for p in ctx.get(key, [])]
    for key, group in (
        ("applicant_names", "applicants"),
        ("respondent_names", "respondents"),
        ("party_names", "parties"),
    ):
        out[key] = "、".join(p["name"] for p in out[group])
    out["addressee"] = redact_text(str(ctx.get("addressee", "")), names)
    case_ctx = dict(ctx["case"])
    case_ctx["facts_paragraphs"] = [redact_text(t, names) for t in case_ctx["facts_paragraphs"]]
    case_ctx["claim"] = redact_text(case_ctx["claim"], names)
    case_ctx["right_holder"] = redact_text(case_ctx.get("right_holder", ""), names)
    case_ctx["right"] = redact_text(case_ctx.get("right", ""), names)
    out["case"] = case_ctx
    adj = dict(ctx["adj"])
    for key in (
        "defence_paragraphs",
        "order_paragraphs",
        "reasons_paragraphs",
        "hearing_paragraphs",
    ):
        adj[key] = [redact_text(t, names) for t in adj[key]]
    adj["services"] = []
    out["adj"] = adj
    out["public"] = True
    return out


def sample_facts() -> AdjudicationFacts:
    """A complete made-up adjudication (no database) for the template check and preview."""
    a = Adjudication(
        step=Step.DECISION_SERVED,
        route=EntryRoute.AT_ACCEPTANCE,
        requested_on=dt.date(2026, 9, 1),
        accepted_on=dt.date(2026, 9, 2),
        request_served_on=dt.date(2026, 9, 7),
        defence_received_on=dt.date(2026, 9, 18),
        defence_summary="被请求人认为其产品未落入权利要求1的保护范围。",
        hearing_notified_on=dt.date(2026, 9, 21),
        hearing_on=dt.date(2026, 9, 24),
        hearing_place="科尔沁区知识产权行政裁决所审理室",
        decision_number="TL01专裁字〔2026〕1号",
        decided_on=dt.date(2026, 10, 20),
        infringement_found=True,
        order_to_stop="责令被请求人立即停止制造、销售被控侵权产品，销毁库存侵权产品。",
        reasons="被控侵权产品包含与涉案专利权利要求1记载的全部技术特征相同的技术特征，"
        "落入涉案专利权的保护范围。",
        decision_served_on=dt.date(2026, 10, 23),
        enforcement_applied_on=dt.date(2026, 11, 12),
    )
    hearing = ProceedingRecord(
        kind=RecordKind.HEARING,
        held_on=dt.date(2026, 9, 24),
        participants="请求人张伟；被请求人委托代理人李娜",
        content="双方围绕被控侵权产品与权利要求1的技术特征比对进行了陈述和质证。",
    )
    served = [
        ServiceRecord(
            document=ServedDocument.DECISION,
            recipient=name,
            method=ServiceMethod.MAIL,
            sent_on=dt.date(2026, 10, 21),
            received_on=dt.date(2026, 10, 23),
            signed_by=name,
        )
        for name in ("张伟", "通辽市草原商贸有限公司")
    ]
    return AdjudicationFacts(
        a,
        officers=[("王晓梅", True), ("李明", False), ("赵刚", False)],
        signer="王主任",
        enforcement_court="通辽市中级人民法院",
        services=served,
        hearing=hearing,
        suit_window_due=dt.date(2026, 11, 9),
    )
