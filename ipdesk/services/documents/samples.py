"""Invented sample facts (no database): what the template check and the administrator's
preview fill the templates with."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ipdesk.models import (
    Agency,
    Agreement,
    Case,
    CaseStatus,
    Channel,
    Confirmation,
    Consultation,
    ConsultationKind,
    ConsultationRequest,
    DisputeType,
    FollowUpVisit,
    IpType,
    MediationRecord,
    Obligation,
    Office,
    Party,
    PartyKind,
    PartyRole,
    Performance,
    RequestState,
    Station,
    User,
    VisitMethod,
    VisitState,
)
from ipdesk.services.documents.adjudication import sample_facts as adjudication_sample
from ipdesk.services.documents.context import CaseFacts, context_from
from ipdesk.services.documents.kinds import DocumentKind


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
    record = MediationRecord(
        id=1,
        held_on=dt.date(2026, 9, 15),
        place="科尔沁区知识产权行政裁决所调解室",
        attendees="申请人张伟；被申请人委托代理人李娜；调解员王晓梅",
        summary="申请人陈述：被申请人在其门店销售假冒申请人注册商标的商品。\n"
        "被申请人陈述：涉案商品系从他人处进货，愿意停止销售并适当赔偿。",
        next_step="双方同意于2026年9月22日再次调解，商定赔偿数额。",
    )
    return CaseFacts(
        case=case,
        mediation_record=record,
        recorder_name="王晓梅",
        agreement=agreement,
        confirmation=confirmation,
        court=court,
        consultation=consultation,
        visit=visit,
        visitor_name="王晓梅",
        rejection_reason="申请人未能提供权利证明，经告知后仍未补正。",
        handling_days=60,
        today=today,
        adjudication=adjudication_sample(),
    )


def sample_context(kind: DocumentKind) -> dict[str, Any]:
    """The full context of ``kind`` for the demo case (what the checker tests tags against)."""
    return context_from(demo_facts(), kind)
