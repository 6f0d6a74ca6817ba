"""An adjudicated case's records written directly (for the documents' tests): what each
adjudication document states, and the state that brings a documented case there."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ipdesk.models import (
    Adjudication,
    AdjudicationStep,
    Agency,
    Case,
    CaseLimit,
    EntryRoute,
    IpType,
    LimitKind,
    LimitState,
    PanelOfficer,
    PartyRole,
    ProceedingRecord,
    RecordKind,
    Role,
    ServedDocument,
    ServiceMethod,
    ServiceRecord,
)
from ipdesk.services.documents.kinds import DocumentKind
from tests.helpers.factories import make_user

K = DocumentKind
D = dt.date


def prepare_adjudication(session: Session, case: Case) -> None:
    """Make ``case`` a utility-model infringement dispute whose adjudication has reached
    the enforcement application (decision served 2026-10-23, window ended 2026-11-09)."""
    from sqlalchemy import select

    case.ip_type = IpType.PATENT_UTILITY_MODEL
    case.right_number = "ZL202320123456.1"
    a = Adjudication(
        case_id=case.id,
        step=AdjudicationStep.ENFORCEMENT_APPLIED,
        route=EntryRoute.AT_ACCEPTANCE,
        requested_on=D(2026, 9, 1),
        accepted_on=D(2026, 9, 2),
        request_served_on=D(2026, 9, 7),
        defence_received_on=D(2026, 9, 18),
        defence_summary="被请求人认为其产品未落入权利要求1的保护范围。",
        hearing_notified_on=D(2026, 9, 21),
        hearing_on=D(2026, 9, 24),
        hearing_place="第一裁决所审理室",
        hearing_held_on=D(2026, 9, 24),
        decision_number="TL01专裁字〔2026〕7号",
        decided_on=D(2026, 10, 20),
        infringement_found=True,
        order_to_stop="责令被请求人立即停止销售被控侵权产品。",
        reasons="被控侵权产品具备权利要求1的全部技术特征。",
        decision_served_on=D(2026, 10, 23),
        enforcement_applied_on=D(2026, 11, 12),
        enforcement_court_id=session.scalars(select(Agency.id).where(Agency.code == "CT-ZY")).one(),
    )
    session.add(a)
    officers = [case.mediator_id] + [
        make_user(session, Role.MEDIATOR, office=case.office.code, display_name=name).id
        for name in ("李明", "赵刚")
    ]
    for position, user_id in enumerate(officers):
        assert user_id is not None
        a.officers.append(PanelOfficer(user_id=user_id, position=position, presiding=position == 0))
    a.records.append(
        ProceedingRecord(
            kind=RecordKind.HEARING,
            held_on=D(2026, 9, 24),
            place="第一裁决所审理室",
            participants="请求人张伟；被请求人委托代理人李某",
            content="双方就技术特征比对发表意见。",
        )
    )
    for party in case.parties:
        if party.role in (PartyRole.APPLICANT, PartyRole.RESPONDENT):
            a.services.append(
                ServiceRecord(
                    document=ServedDocument.DECISION,
                    party_id=party.id,
                    recipient=party.name,
                    method=ServiceMethod.MAIL,
                    sent_on=D(2026, 10, 21),
                    received_on=D(2026, 10, 23),
                    signed_by=party.name,
                )
            )
    session.add(
        CaseLimit(
            case_id=case.id,
            kind=LimitKind.SUIT_WINDOW,
            start_on=D(2026, 10, 23),
            due_on=D(2026, 11, 9),
            state=LimitState.MET,
            met_on=D(2026, 11, 10),
        )
    )
    session.flush()


#: What each adjudication document of the prepared case states.
ADJUDICATION_CONTENT: dict[DocumentKind, tuple[str, ...]] = {
    K.ADJUDICATION_ACCEPTANCE_NOTICE: (
        "立案通知书",
        "张伟：",
        "立案日期为二〇二六年九月二日",
        "李明",
    ),
    K.DEFENCE_NOTICE: ("答辩通知书", "通辽市草原商贸有限公司：", "15日内"),
    K.HEARING_NOTICE: ("口头审理通知书", "二〇二六年九月二十四日", "第一裁决所审理室"),
    K.HEARING_RECORD: ("口头审理笔录", "双方就技术特征比对发表意见。", "请求人张伟"),
    K.ADJUDICATION_DECISION: (
        "专利侵权纠纷行政裁决书",
        "TL01专裁字〔2026〕7号",
        "请求人：张伟，男",
        "责令被请求人立即停止销售被控侵权产品。",
        "15日内",
        "被请求人认为其产品未落入权利要求1的保护范围。",
    ),
    K.ADJUDICATION_DECISION_PUBLIC: (
        "专利侵权纠纷行政裁决书",
        "请求人：张某某。",
        "委托代理人：赵某某。",
        "被请求人：通辽市草原商贸有限公司。",
        "法定代表人：李某某",
    ),
    K.SERVICE_RECEIPT: ("送达回证", "专利侵权纠纷行政裁决书", "邮寄送达", "二〇二六年十月二十三日"),
    K.ENFORCEMENT_APPLICATION: (
        "强制执行申请书",
        "通辽市中级人民法院",
        "二〇二六年十一月九日届满",
        "被申请人：通辽市草原商贸有限公司",
    ),
}
