"""Case documents: what they state, refusals, versions, template checks (both databases)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import random
import shutil
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import cast

import docx
import pytest
from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Agency,
    Agreement,
    Case,
    CaseEvent,
    CaseStatus,
    Channel,
    Confirmation,
    Consultation,
    ConsultationKind,
    ConsultationRequest,
    Document,
    EventKind,
    FollowUpVisit,
    IpType,
    Obligation,
    ObligationKind,
    Party,
    PartyKind,
    PartyRole,
    Performance,
    RequestState,
    Role,
    VisitMethod,
    VisitState,
)
from ipdesk.paths import FORMS_DIR
from ipdesk.services import documents as docs
from ipdesk.services.actors import Actor
from ipdesk.services.documents import (
    DocumentKind,
    MissingFacts,
    TemplateBroken,
    check_templates,
    list_documents,
    render_document,
)
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.rules.identifiers import make_resident_id, make_uscc
from tests.helpers.adjudication import ADJUDICATION_CONTENT, prepare_adjudication
from tests.helpers.factories import make_case, make_user, seed

K = DocumentKind
SIGNED = dt.date(2026, 10, 15)
APPLIED = dt.date(2026, 10, 20)
TODAY = dt.date(2026, 11, 27)
APPLICANT_ID = make_resident_id(random.Random(7), "150502", dt.date(1980, 5, 1), "male")
RESPONDENT_ID = make_uscc(random.Random(7), "150502")
AGENT_ID = make_resident_id(random.Random(8), "150502", dt.date(1975, 3, 9), "female")


# --------------------------------------------------------------------------- test data


def court(session: Session, code: str = "CT-KEQ") -> Agency:
    return session.scalars(select(Agency).where(Agency.code == code)).one()


def documented_case(session: Session, status: CaseStatus = CaseStatus.AGREEMENT) -> Case:
    """A case with everything the documents state: parties in full (a person with an agent,
    a company), an agreement with three terms (two with amounts), a confirmation
    application to the district court, a consultation with two agencies, a follow-up visit.
    Its mediator is the user named 王晓梅 (``case.mediator``)."""
    mediator = make_user(session, Role.MEDIATOR, office="TL01", display_name="王晓梅")
    case = make_case(
        session,
        "TL01-S01",
        status,
        applicant="张伟",
        respondent="通辽市草原商贸有限公司",
        received_on=dt.date(2026, 9, 7),
        accepted_on=dt.date(2026, 9, 8),
        mediator_id=mediator.id,
        ip_type=IpType.TRADEMARK,
        right_number="12345678",
        facts="被申请人在其门店销售标有申请人注册商标的奶制品。",
        claim="停止销售侵权商品，赔偿经济损失。",
    )
    applicant, respondent = case.parties
    applicant.sex, applicant.birth_date, applicant.ethnicity = "male", dt.date(1980, 5, 1), "汉族"
    applicant.address = "内蒙古自治区通辽市科尔沁区建国路12号"
    applicant.id_number, applicant.phone = APPLICANT_ID, "13847512345"
    respondent.address = "内蒙古自治区通辽市科尔沁区霍林河大街88号"
    respondent.id_number, respondent.phone = RESPONDENT_ID, "0475-8234567"
    respondent.legal_representative, respondent.legal_representative_title = "李娜", "执行董事"
    session.flush()
    case.parties.append(
        Party(
            position=2,
            role=PartyRole.AGENT,
            kind=PartyKind.PERSON,
            name="赵敏",
            id_number=AGENT_ID,
            phone="13904751234",
            represents_id=applicant.id,
        )
    )
    agreement = Agreement(
        case_id=case.id,
        signed_on=SIGNED,
        effective_on=SIGNED,
        facts="被申请人于二〇二六年八月至九月销售侵权奶制品120箱。",
        responsibilities="被申请人未尽合理审查义务，应承担赔偿责任。",
    )
    agreement.obligations.extend(
        [
            Obligation(
                position=0,
                obligor_id=respondent.id,
                obligee_id=applicant.id,
                kind=ObligationKind.PAYMENT,
                description="支付经济损失赔偿款",
                amount=Decimal("12000.00"),
                due_on=dt.date(2026, 11, 30),
                performance=Performance.FULL,
            ),
            Obligation(
                position=1,
                obligor_id=respondent.id,
                obligee_id=applicant.id,
                kind=ObligationKind.PAYMENT,
                description="支付合理维权费用。",
                amount=Decimal("3500.50"),
                due_on=dt.date(2026, 12, 10),
            ),
            Obligation(
                position=2,
                obligor_id=respondent.id,
                description="停止销售侵权商品并下架库存",
                due_on=dt.date(2026, 10, 20),
            ),
        ]
    )
    session.add(agreement)
    session.add(Confirmation(case_id=case.id, court_id=court(session).id, applied_on=APPLIED))
    consultation = Consultation(
        case_id=case.id,
        kind=ConsultationKind.CONSULTATION,
        subject="销售数额是否达到刑事追诉标准",
        questions="1．销售数额的认定。\n2．是否移送公安机关。",
        requested_on=dt.date(2026, 9, 20),
        meeting_on=dt.date(2026, 9, 28),
        meeting_place="本所第一会议室",
        participants="科尔沁区人民法院 刘洋；通辽市人民检察院 陈静",
        minutes="销售数额未达追诉标准，继续调解。",
    )
    consultation.requests.extend(
        [
            ConsultationRequest(
                agency_id=court(session).id,
                state=RequestState.ANSWERED,
                due_on=dt.date(2026, 9, 30),
                opinion="同意继续调解。",
            ),
            ConsultationRequest(
                agency_id=court(session, "PR-TL").id,
                due_on=dt.date(2026, 10, 9),
            ),
        ]
    )
    session.add(consultation)
    session.add(
        FollowUpVisit(
            case_id=case.id,
            office_id=case.office_id,
            station_id=case.station_id,
            state=VisitState.DONE,
            due_on=dt.date(2026, 11, 25),
            done_on=dt.date(2026, 11, 26),
            method=VisitMethod.PHONE,
            visitor_id=mediator.id,
            person_visited="张伟",
            performance=Performance.PARTIAL,
            satisfaction=4,
            notes="赔偿款已付，维权费用尚未支付。",
        )
    )
    session.flush()
    return case


def document_text(source: Path | bytes) -> str:
    """All text of a .docx: body paragraphs, table cells, footers."""
    doc = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    for section in doc.sections:
        parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def case_id(session_factory: sessionmaker[Session]) -> int:
    with session_factory.begin() as s:
        seed(s)
        return documented_case(s).id


def mediator_of(session: Session, case_id: int) -> Actor:
    case = session.get(Case, case_id)
    assert case is not None and case.mediator is not None
    return Actor.of(case.mediator)


def render(
    session_factory: sessionmaker[Session],
    case_id: int,
    kind: DocumentKind,
    store: Path,
    **kwargs: object,
) -> docs.GeneratedDocument:
    with session_factory.begin() as s:
        actor = kwargs.pop("actor", None) or mediator_of(s, case_id)
        return render_document(s, actor, case_id, kind, store, today=TODAY, **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- contents


def test_mediation_agreement_states_parties_terms_amounts_and_dates(
    session_factory: sessionmaker[Session], case_id: int, store: Path
) -> None:
    result = render(session_factory, case_id, K.MEDIATION_AGREEMENT, store)
    text = document_text(result.path)
    for expected in (
        "调解协议书",
        "申请人：张伟，男，一九八〇年五月一日出生，汉族",
        APPLICANT_ID,
        "被申请人：通辽市草原商贸有限公司",
        f"统一社会信用代码：{RESPONDENT_ID}",
        "法定代表人：李娜，执行董事",
        "委托代理人：赵敏",
        "调解组织：科尔沁区知识产权行政裁决所",
        "调解员：王晓梅",
        "第12345678号注册商标专用权",
        "被申请人于二〇二六年八月至九月销售侵权奶制品120箱。",
        "被申请人未尽合理审查义务",
        # the terms as sentences: who, by when, to whom, what, how much in capitals and figures
        "1．被申请人通辽市草原商贸有限公司于二〇二六年十一月三十日前向申请人张伟支付"
        "经济损失赔偿款人民币壹万贰仟元整（¥12,000.00）。",
        "2．被申请人通辽市草原商贸有限公司于二〇二六年十二月十日前向申请人张伟支付"
        "合理维权费用人民币叁仟伍佰元零伍角（¥3,500.50）。",
        "3．被申请人通辽市草原商贸有限公司于二〇二六年十月二十日前停止销售侵权商品并下架库存。",
        "以上款项合计¥15,500.50（大写：人民币壹万伍仟伍佰元零伍角）。",
        "本协议一式三份",
        "申请人张伟（签名、盖章或按指印）",
        "二〇二六年十月十五日",
        "— 1 —",
    ):
        assert expected in text, expected
    assert "{{" not in text and "{%" not in text and "None" not in text


def test_confirmation_application_names_both_applicants_in_full_and_the_court(
    session_factory: sessionmaker[Session], case_id: int, store: Path
) -> None:
    result = render(session_factory, case_id, K.CONFIRMATION_APPLICATION, store)
    text = document_text(result.path)
    for expected in (
        "司法确认申请书",
        f"申请人：张伟，男，一九八〇年五月一日出生，汉族，住内蒙古自治区通辽市科尔沁区建国路12号，"
        f"公民身份号码：{APPLICANT_ID}，联系电话：13847512345。",
        "申请人：通辽市草原商贸有限公司，住所地：内蒙古自治区通辽市科尔沁区霍林河大街88号，"
        f"统一社会信用代码：{RESPONDENT_ID}，联系电话：0475-8234567。",
        "法定代表人：李娜，执行董事。",
        f"委托代理人：赵敏，公民身份号码：{AGENT_ID}，联系电话：13904751234。",
        "请求人民法院确认申请人于二〇二六年十月十五日经科尔沁区知识产权行政裁决所主持调解"
        "达成的调解协议有效。",
        "协议自二〇二六年十月十五日起生效",
        "¥12,000.00",
        "人民币壹万贰仟元整",
        "没有恶意串通、规避法律的行为",
        "愿意承担相应的民事责任和其他法律责任",
        "此致",
        "通辽市科尔沁区人民法院",
        "附件：1．调解协议书一份",
        "授权委托书1份",
        "二〇二六年十月二十日",
    ):
        assert expected in text, expected
    assert result.warnings == ()


CONTENT: dict[DocumentKind, tuple[str, ...]] = {
    K.ACCEPTANCE_NOTICE: ("受理通知书", "张伟：", "本所决定受理", "二〇二六年九月八日", "60日"),
    K.REJECTION_NOTICE: ("不予受理通知书", "张伟：", "权利证明不足，经告知后未补正。"),
    K.MEDIATION_AGREEMENT: ("调解协议书", "人民币壹万贰仟元整"),
    K.CONFIRMATION_APPLICATION: ("司法确认申请书", "通辽市科尔沁区人民法院"),
    K.CONSULTATION_LETTER: (
        "联席会商函",
        "通辽市科尔沁区人民法院、通辽市人民检察院：",
        "销售数额是否达到刑事追诉标准",
        "2．是否移送公安机关。",
        "请于二〇二六年九月三十日前",
    ),
    K.CONSULTATION_MINUTES: (
        "会商纪要",
        "会商时间：二〇二六年九月二十八日",
        "（一）通辽市科尔沁区人民法院",
        "同意继续调解。",
        "（二）通辽市人民检察院",
        "未提交书面意见。",
        "销售数额未达追诉标准，继续调解。",
    ),
    K.COURT_RETURN_LETTER: (
        "诉调对接回复函",
        "通辽市中级人民法院：",
        "贵院案号（2026）内05民诉前调88号",
        "经调解，双方当事人于二〇二六年十月十五日自愿达成调解协议",
        "人民币叁仟伍佰元零伍角",
        "附件：调解协议书一份",
    ),
    K.CLOSING_NOTICE: (
        "结案通知书",
        "张伟、通辽市草原商贸有限公司：",
        "本所于二〇二六年十一月二十日结案",
        "经调解，双方当事人于二〇二六年十月十五日自愿达成调解协议",
    ),
    K.FOLLOW_UP_RECORD: (
        "回访记录表",
        "二〇二六年十一月二十六日",
        "电话",
        "王晓梅",
        "部分履行",
        "满意",
        "赔偿款已付，维权费用尚未支付。",
        "已全部履行",
        "支付合理维权费用人民币叁仟伍佰元零伍角（¥3,500.50）。",
    ),
    K.MEDIATION_RECORD: (  # the latest of the case's two records
        "调解笔录",
        "时间：二〇二六年九月二十二日",
        "地点：科尔沁区知识产权行政裁决所调解室",
        "申请人张伟；被申请人代理人李娜",
        "被申请人同意赔偿。",
        "一周内签订调解协议。",
    ),
    **ADJUDICATION_CONTENT,
}


def _prepare(session: Session, case_id: int, kind: DocumentKind) -> None:
    """Bring the documented case into the state a kind is written in."""
    case = session.get(Case, case_id)
    assert case is not None
    if kind == K.REJECTION_NOTICE:
        case.status, case.accepted_on = CaseStatus.REJECTED, None
        case.closed_on = dt.date(2026, 9, 10)
        session.add(
            CaseEvent(
                case_id=case.id,
                kind=EventKind.REJECTED.value,
                reason="权利证明不足，经告知后未补正。",
            )
        )
    elif kind == K.CLOSING_NOTICE:
        case.status, case.outcome = CaseStatus.CLOSED, CaseStatus.AGREEMENT
        case.closed_on = dt.date(2026, 11, 20)
    elif kind == K.MEDIATION_RECORD:
        from ipdesk.models import MediationRecord

        for held_on, summary, next_step in (
            (dt.date(2026, 9, 22), "被申请人同意赔偿。", "一周内签订调解协议。"),
            (dt.date(2026, 9, 15), "双方陈述意见。", None),
        ):
            session.add(
                MediationRecord(
                    case_id=case.id,
                    held_on=held_on,
                    place="科尔沁区知识产权行政裁决所调解室",
                    attendees="申请人张伟；被申请人代理人李娜",
                    summary=summary,
                    next_step=next_step,
                )
            )
    elif kind in ADJUDICATION_CONTENT:
        prepare_adjudication(session, case)
    elif kind == K.COURT_RETURN_LETTER:
        case.channel = Channel.COURT_REFERRAL
        case.referring_court_id = court(session, "CT-ZY").id
        case.court_case_number = "（2026）内05民诉前调88号"


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_kind_renders_what_it_must_state(
    session_factory: sessionmaker[Session],
    case_id: int,
    store: Path,
    kind: DocumentKind,
) -> None:
    with session_factory.begin() as s:
        _prepare(s, case_id, kind)
    result = render(session_factory, case_id, kind, store)
    text = document_text(result.path)
    assert result.title in text
    for expected in CONTENT[kind]:
        assert expected in text, expected
    assert "{{" not in text and "{%" not in text and "None" not in text


def test_amounts_and_dates_come_from_the_shared_chinese_formats() -> None:
    context = docs.sample_context(K.MEDIATION_AGREEMENT)
    first = context["obligations"][0]
    assert first["amount_figures"] == "12,000.00"
    assert first["amount_capitals"] == "人民币壹万贰仟元整"
    assert first["due_on"] == "二〇二六年十一月三十日"
    assert context["agreement"]["total_capitals"] == "人民币壹万伍仟伍佰元零伍角"


# --------------------------------------------------------------------------- refusals


def test_a_case_lacking_facts_is_refused_with_them_listed_and_nothing_written(
    session_factory: sessionmaker[Session], store: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
        mediator = make_user(s, Role.MEDIATOR, office="TL01")
        bare = make_case(s, "TL01-S01", CaseStatus.AGREEMENT, mediator_id=mediator.id)
        bare_id, actor = bare.id, Actor.of(mediator)
    with pytest.raises(MissingFacts) as refused, session_factory.begin() as s:
        render_document(s, actor, bare_id, K.CONFIRMATION_APPLICATION, store)
    missing = refused.value.missing
    for expected in (
        "申请人张三的性别",
        "申请人张三的出生日期",
        "申请人张三的公民身份号码",
        "申请人张三的联系电话",
        "被申请人通辽市某某商贸有限公司的统一社会信用代码",
        "被申请人通辽市某某商贸有限公司的法定代表人",
        "调解协议",
        "受理法院",
    ):
        assert expected in missing
    assert "调解协议" in str(refused.value) and "受理法院" in str(refused.value)
    assert refused.value.code == "missing_facts"
    assert not store.exists()
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_missing_agreement_details_and_effective_date_are_named(
    session_factory: sessionmaker[Session], case_id: int, store: Path
) -> None:
    with session_factory.begin() as s:
        agreement = s.scalars(select(Agreement).where(Agreement.case_id == case_id)).one()
        agreement.effective_on = None
        agreement.obligations[1].due_on = None
        agreement.obligations[2].obligor_id = None
        s.execute(cast(Table, Confirmation.__table__).delete())
    with pytest.raises(MissingFacts) as refused:
        render(session_factory, case_id, K.CONFIRMATION_APPLICATION, store)
    assert refused.value.missing == (
        "调解协议生效日期",
        "第2项协议条款的履行期限",
        "第3项协议条款的履行义务人",
        "受理法院",
    )
    assert not store.exists()


@pytest.mark.parametrize(
    ("kind", "missing"),
    [
        (K.REJECTION_NOTICE, ["不予受理决定日期", "不予受理理由"]),
        (K.COURT_RETURN_LETTER, ["委派（委托）调解的法院"]),
        (K.CLOSING_NOTICE, ["结案日期"]),
    ],
)
def test_state_dependent_documents_name_what_is_missing(
    session_factory: sessionmaker[Session],
    case_id: int,
    store: Path,
    kind: DocumentKind,
    missing: list[str],
) -> None:
    with pytest.raises(MissingFacts) as refused:
        render(session_factory, case_id, kind, store)
    assert list(refused.value.missing) == missing
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert docs.missing_facts(s, case, kind) == missing


def test_who_may_render(session_factory: sessionmaker[Session], case_id: int, store: Path) -> None:
    with session_factory.begin() as s:
        staff = Actor.of(make_user(s, Role.STATION_STAFF, station="TL01-S01"))
        colleague = Actor.of(make_user(s, Role.MEDIATOR, office="TL01"))
        other_manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL02"))
        manager = Actor.of(make_user(s, Role.OFFICE_MANAGER, office="TL01"))
        city = Actor.of(make_user(s, Role.CITY_MANAGER))
        blind_user = make_user(s, Role.CITY_MANAGER)
        blind_user.may_view_personal_data = False
        blind = Actor.of(blind_user)
    for refused in (staff, colleague, other_manager, blind):
        with pytest.raises(PermissionDenied), session_factory.begin() as s:
            render_document(s, refused, case_id, K.ACCEPTANCE_NOTICE, store)
    assert not store.exists()
    for allowed in (manager, city, Actor.system()):
        assert render(session_factory, case_id, K.ACCEPTANCE_NOTICE, store, actor=allowed).size
    with session_factory() as s:  # listing is open to anyone who sees the case
        assert len(list_documents(s, staff, case_id)) == 3
        with pytest.raises(PermissionDenied):
            list_documents(s, other_manager, case_id)


def test_an_ownership_agreement_is_rendered_with_a_warning(
    session_factory: sessionmaker[Session], case_id: int, store: Path
) -> None:
    with session_factory.begin() as s:
        s.scalars(select(Agreement)).one().decides_ownership = True
    result = render(session_factory, case_id, K.CONFIRMATION_APPLICATION, store)
    assert len(result.warnings) == 1
    assert "不予司法确认" in result.warnings[0]


# --------------------------------------------------------------------------- versions


def test_versions_increment_and_the_recorded_sha256_matches_the_file(
    session_factory: sessionmaker[Session], case_id: int, store: Path
) -> None:
    first = render(session_factory, case_id, K.MEDIATION_AGREEMENT, store)
    second = render(session_factory, case_id, K.MEDIATION_AGREEMENT, store)
    other = render(session_factory, case_id, K.ACCEPTANCE_NOTICE, store)
    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert first.path != second.path and first.path.is_file() and second.path.is_file()
    with session_factory() as s:
        rows = s.scalars(select(Document).order_by(Document.id)).all()
        assert [(d.kind, d.version) for d in rows] == [
            ("mediation_agreement", 1),
            ("mediation_agreement", 2),
            ("acceptance_notice", 1),
        ]
        for row in rows:
            data = (store / row.stored_name).read_bytes()
            assert row.sha256 == hashlib.sha256(data).hexdigest()
            assert row.size == len(data)
            assert row.author_id == first.author_id is not None
        listed = list_documents(s, mediator_of(s, case_id), case_id)
    assert [(d.title, d.version) for d in listed] == [
        ("受理通知书", 1),
        ("调解协议书", 2),
        ("调解协议书", 1),
    ]
    assert {d.author for d in listed} == {"王晓梅"}
    assert not [p for p in store.rglob("*") if p.name.endswith(".part")]


def test_a_stored_file_is_opened_only_while_it_is_the_recorded_one(
    session_factory: sessionmaker[Session], case_id: int, store: Path
) -> None:
    """The database holds the document; a copy changed or deleted on this computer is
    written again from it, and a damaged content in the database is refused."""
    from sqlalchemy import update

    from ipdesk.models import BlobChunk
    from ipdesk.services.infra.blobs import BlobDamaged

    result = render(session_factory, case_id, K.ACCEPTANCE_NOTICE, store)
    recorded = result.path.read_bytes()
    with session_factory() as s:
        actor = mediator_of(s, case_id)
        assert docs.document_file(s, actor, result.document_id, store) == result.path
        result.path.write_bytes(recorded + b"x")
        assert docs.document_file(s, actor, result.document_id, store) == result.path
        assert result.path.read_bytes() == recorded
        result.path.unlink()
        assert docs.document_file(s, actor, result.document_id, store).read_bytes() == recorded
    with session_factory.begin() as s:
        s.execute(
            update(BlobChunk).where(BlobChunk.sha256 == result.sha256).values(data=b"damaged")
        )
    result.path.unlink()
    with session_factory() as s, pytest.raises(BlobDamaged):
        docs.document_file(s, mediator_of(s, case_id), result.document_id, store)
    assert not result.path.exists()


def test_a_failed_write_leaves_no_file_and_the_old_one_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(docs.DocumentFileError, match="无法写入"):
        docs.write_atomically(target, b"new" * 1000)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


# --------------------------------------------------------------------------- templates


def test_the_shipped_templates_have_no_problems() -> None:
    assert check_templates(FORMS_DIR) == []


def _rewrite(path: Path, edit: dict[str, str]) -> None:
    """Replace text in a template's document.xml (as Word would have stored it)."""
    with zipfile.ZipFile(path) as z:
        items = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "word/document.xml":
                xml = data.decode()
                for old, new in edit.items():
                    assert old in xml, old
                    xml = xml.replace(old, new, 1)
                data = xml.encode()
            z.writestr(info, data)


# One run's text as build_forms writes it, and how Word stores it after an edit.
ONE_RUN = "调解员：{{ mediator.name }}</w:t>"
SPLIT = (
    '调解员：{{ mediator.</w:t></w:r><w:proofErr w:type="spellStart"/><w:r>'
    '<w:rPr><w:rFonts w:eastAsia="FangSong_GB2312"/><w:b/></w:rPr><w:t>name }}</w:t>'
)


@pytest.fixture
def broken_forms(tmp_path: Path) -> Path:
    forms = tmp_path / "forms"
    shutil.copytree(FORMS_DIR, forms)
    return forms


def test_check_finds_a_split_tag_and_an_unknown_tag(broken_forms: Path) -> None:
    _rewrite(
        broken_forms / "mediation_agreement.docx",
        {
            ONE_RUN: SPLIT,
            "调解组织：{{ mediation.organisation }}": "调解组织：{{ office.nmae }}{{ court.name }}",
        },
    )
    problems = check_templates(broken_forms)
    found = {(p.template, p.tag, p.code, p.severity) for p in problems}
    assert found == {
        ("mediation_agreement.docx", "{{ mediator.name }}", "split", "warning"),
        ("mediation_agreement.docx", "office.nmae", "unknown_attribute", "error"),
        ("mediation_agreement.docx", "court", "unknown_variable", "error"),
    }
    assert "mediation_agreement.docx" in str(problems[0])


@pytest.mark.parametrize(
    ("new", "code"),
    [
        ("调解员：{ { mediator.name }}</w:t>", "stray_brace"),
        ("调解员：｛｛ mediator.name ｝｝</w:t>", "fullwidth"),
        ("调解员：{{ mediator.name </w:t>", "unclosed"),
        ("调解员：{{ mediator.name | }}</w:t>", "syntax"),
        ("调解员：{{ mediator.name }}{%p if x %}</w:t>", "paragraph_tag_text"),
    ],
)
def test_check_finds_mangled_tags(broken_forms: Path, new: str, code: str) -> None:
    _rewrite(broken_forms / "mediation_agreement.docx", {ONE_RUN: new})
    codes = {p.code for p in check_templates(broken_forms) if p.severity == "error"}
    assert code in codes


def test_curly_quotes_inside_a_tag_are_a_warning(broken_forms: Path) -> None:
    _rewrite(
        broken_forms / "mediation_agreement.docx",
        {ONE_RUN: "调解员：{{ mediator.name or “未指派” }}</w:t>"},
    )
    assert [(p.code, p.severity) for p in check_templates(broken_forms)] == [
        ("curly_quotes", "warning")
    ]


def test_a_broken_template_is_refused_before_rendering(
    session_factory: sessionmaker[Session], case_id: int, store: Path, broken_forms: Path
) -> None:
    _rewrite(
        broken_forms / "mediation_agreement.docx", {ONE_RUN: "调解员：{{ mediatr.name }}</w:t>"}
    )
    with pytest.raises(TemplateBroken) as refused:
        render(session_factory, case_id, K.MEDIATION_AGREEMENT, store, forms_dir=broken_forms)
    assert "mediation_agreement.docx" in str(refused.value) and "mediatr" in str(refused.value)
    assert not store.exists()
    (broken_forms / "acceptance_notice.docx").unlink()
    with pytest.raises(TemplateBroken, match="模板文件不存在"):
        render(session_factory, case_id, K.ACCEPTANCE_NOTICE, store, forms_dir=broken_forms)
    assert not store.exists()
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_a_split_tag_still_renders(
    session_factory: sessionmaker[Session], case_id: int, store: Path, broken_forms: Path
) -> None:
    _rewrite(broken_forms / "mediation_agreement.docx", {ONE_RUN: SPLIT})
    result = render(session_factory, case_id, K.MEDIATION_AGREEMENT, store, forms_dir=broken_forms)
    assert "调解员：王晓梅" in document_text(result.path)


def test_an_edited_template_is_checked_again(broken_forms: Path) -> None:
    assert docs.preview(K.MEDIATION_AGREEMENT, forms_dir=broken_forms)
    _rewrite(broken_forms / "mediation_agreement.docx", {ONE_RUN: "调解员：{{ nobody }}</w:t>"})
    os.utime(broken_forms / "mediation_agreement.docx", ns=(0, 10**18))
    with pytest.raises(TemplateBroken, match="nobody"):
        docs.preview(K.MEDIATION_AGREEMENT, forms_dir=broken_forms)


# --------------------------------------------------------------------------- preview, PDF


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_preview_renders_every_template_with_the_demo_case(kind: DocumentKind) -> None:
    text = document_text(docs.preview(kind))
    assert kind.label in text
    assert "TL01-2026-00042" in text or "张伟" in text
    assert "{{" not in text and "{%" not in text


def test_pdf_export_says_clearly_when_libreoffice_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docs.pdf, "find_libreoffice", lambda: None)  # where export_pdf looks
    source = tmp_path / "a.docx"
    source.write_bytes(docs.preview(K.ACCEPTANCE_NOTICE))
    with pytest.raises(docs.PdfExportUnavailable, match="未安装 LibreOffice"):
        docs.export_pdf(source)
    assert not (tmp_path / "a.pdf").exists()


@pytest.fixture
def libreoffice() -> Iterator[None]:
    if docs.find_libreoffice() is None:
        pytest.skip("LibreOffice is not installed")
    yield


@pytest.mark.slow
@pytest.mark.usefixtures("libreoffice")
def test_pdf_export_through_libreoffice(tmp_path: Path) -> None:
    source = tmp_path / "申请书.docx"
    source.write_bytes(docs.preview(K.CONFIRMATION_APPLICATION))
    pdf = docs.export_pdf(source)
    assert pdf == tmp_path / "申请书.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
