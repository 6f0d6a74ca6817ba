"""The structured mediation agreement and court-referred mediation (诉调对接)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    Channel,
    EventKind,
    LimitKind,
    LimitState,
    Obligation,
    Party,
    PartyKind,
    PartyRole,
    Performance,
)
from ipdesk.models.cases import ReferralKind
from ipdesk.services.cases import confirmation, mediation
from ipdesk.services.cases.mediation import (
    AgreementForm,
    ObligationForm,
    ReturnOutcome,
    parse_amount,
)
from ipdesk.services.errors import (
    IllegalTransition,
    PermissionDenied,
    StaleData,
    ValidationError,
    ValidationErrors,
)
from tests.helpers.factories import People, agency, make_case, make_people, seed

SIGNED = dt.date(2026, 9, 5)
TODAY = dt.date(2026, 9, 20)


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as s:
        seed(s)
        return make_people(s)


@pytest.fixture
def case_id(session_factory: sessionmaker[Session], people: People) -> int:
    with session_factory.begin() as s:
        case = make_case(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 8, 20),
            mediator_id=people.mediator,
        )
        case.parties.append(
            Party(position=2, role=PartyRole.AGENT, kind=PartyKind.PERSON, name="李律师")
        )
        s.flush()
        return case.id


def parties(s: Session, case_id: int) -> dict[PartyRole, int]:
    rows = s.execute(select(Party.role, Party.id).where(Party.case_id == case_id)).all()
    return {role: pid for role, pid in rows}


def agreement_form(s: Session, case_id: int, **overrides: object) -> AgreementForm:
    ids = parties(s, case_id)
    fields: dict[str, object] = {
        "signed_on": SIGNED,
        "effective_on": SIGNED,
        "facts": "被申请人销售侵犯申请人注册商标专用权的商品。",
        "responsibilities": "被申请人承担全部责任。",
        "obligations": (
            ObligationForm(
                "赔偿经济损失",
                ids[PartyRole.RESPONDENT],
                ids[PartyRole.APPLICANT],
                "12,000.50",
                dt.date(2026, 10, 5),
            ),
            ObligationForm("停止销售侵权商品并下架库存", ids[PartyRole.RESPONDENT]),
        ),
    }
    fields.update(overrides)
    return AgreementForm(**fields)  # type: ignore[arg-type]


def version(s: Session, case_id: int) -> int:
    case = s.get(Case, case_id)
    assert case is not None
    return case.version_id


def window(s: Session, case_id: int) -> CaseLimit | None:
    return s.scalars(
        select(CaseLimit).where(
            CaseLimit.case_id == case_id, CaseLimit.kind == LimitKind.CONFIRMATION_APPLICATION
        )
    ).first()


# --- the agreement --------------------------------------------------------------------------


def test_recording_the_agreement_moves_the_case_and_opens_the_window(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        info = mediation.record_agreement(
            s, mediator, case_id, version(s, case_id), agreement_form(s, case_id), today=TODAY
        )
        case = s.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.AGREEMENT
        assert info.case_version == case.version_id
        assert [(o.obligor, o.obligee, o.amount) for o in info.obligations] == [
            ("通辽市某某商贸有限公司", "张三", Decimal("12000.50")),
            ("通辽市某某商贸有限公司", None, None),
        ]
        assert info.total_amount == Decimal("12000.50")
        # domain.md: effective 2026-09-05 -> apply by 2026-10-08 (day 30 is a holiday).
        limit = window(s, case_id)
        assert limit is not None
        assert (limit.start_on, limit.due_on, limit.state) == (
            SIGNED,
            dt.date(2026, 10, 8),
            LimitState.RUNNING,
        )
        draft = mediation.load_agreement(s, mediator, case_id)
        assert draft.agreement == info
        assert (draft.may_record, draft.may_edit) == (False, True)
        assert {p.name for p in draft.parties} == {"张三", "通辽市某某商贸有限公司"}  # no agent


def test_the_agreement_is_edited_in_place_until_it_goes_to_a_court(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        info = mediation.record_agreement(
            s, mediator, case_id, version(s, case_id), agreement_form(s, case_id), today=TODAY
        )
        paid = s.get(Obligation, info.obligations[0].id)
        assert paid is not None
        paid.performance = Performance.PARTIAL  # a follow-up visit found it partly paid
        s.flush()
        first = info.obligations[0]
        edit = agreement_form(
            s,
            case_id,
            effective_on=dt.date(2026, 9, 8),
            obligations=(
                ObligationForm(
                    first.description, first.obligor_id, first.obligee_id, "15000", id=first.id
                ),
            ),
        )
        edited = mediation.update_agreement(s, mediator, case_id, info.version, edit, today=TODAY)
        assert edited.version > info.version
        assert [(o.id, o.amount, o.performance) for o in edited.obligations] == [
            (first.id, Decimal("15000.00"), Performance.PARTIAL)
        ]
        assert (
            s.scalar(select(Obligation.id).where(Obligation.id == info.obligations[1].id)) is None
        )
        limit = window(s, case_id)
        assert limit is not None and limit.start_on == dt.date(2026, 9, 8)
        last = s.scalars(select(CaseEvent).order_by(CaseEvent.id.desc()).limit(1)).one()
        assert last.kind == EventKind.AGREEMENT_UPDATED
        assert last.details == {
            "effective_on": "2026-09-08",
            "effective_before": "2026-09-05",
            "obligations": 1,
        }
        # The other user still holds the first version: refused, nothing overwritten.
        with pytest.raises(StaleData):
            mediation.update_agreement(s, mediator, case_id, info.version, edit, today=TODAY)
        case = s.get(Case, case_id)
        assert case is not None
        confirmation.apply_for_confirmation(
            s,
            mediator,
            case_id,
            version(s, case_id),
            court_code=confirmation.courts_with_jurisdiction(s, case)[0].code,
            applied_on=TODAY,
            today=TODAY,
        )
        with pytest.raises(IllegalTransition) as caught:
            mediation.update_agreement(s, mediator, case_id, edited.version, edit, today=TODAY)
        assert caught.value.code == "agreement_not_editable"


def test_every_problem_of_the_agreement_is_reported_with_its_field(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        ids = parties(s, case_id)
        bad = AgreementForm(
            signed_on=dt.date(2026, 8, 1),  # before acceptance (08-21)
            effective_on=dt.date(2026, 7, 31),
            obligations=(
                ObligationForm("", None, None, "-5"),
                ObligationForm("赔偿", ids[PartyRole.AGENT], ids[PartyRole.APPLICANT], "1.005"),
                ObligationForm(
                    "赔偿",
                    ids[PartyRole.RESPONDENT],
                    ids[PartyRole.RESPONDENT],
                    "abc",
                    dt.date(2026, 7, 1),
                ),
            ),
        )
        before = version(s, case_id)
        with pytest.raises(ValidationErrors) as caught:
            mediation.record_agreement(s, mediator, case_id, before, bad, today=TODAY)
        messages = {e.field: e.message for e in caught.value.errors}
        assert messages == {
            "signed_on": "签订日期不能早于受理日期（2026-08-21）",
            "effective_on": messages["effective_on"],
            "obligations[0].description": "第1项条款：请填写履行内容",
            "obligations[0].obligor": "第1项条款：请选择履行义务的当事人",
            "obligations[0].amount": "第1项条款：金额不能为负数",
            "obligations[1].obligor": "第2项条款：义务人不是本案的当事人（代理人不能作为义务人）",
            "obligations[1].amount": "第2项条款：金额最多保留两位小数（到分）",
            "obligations[2].obligee": "第3项条款：义务人和权利人不能是同一当事人",
            "obligations[2].amount": "第3项条款：金额格式不正确（如 12000 或 12000.50）",
            "obligations[2].due_on": "第3项条款：履行期限不能早于协议签订日期（2026-08-01）",
        }
        assert messages["effective_on"].startswith("生效日期不能早于签订日期（2026-08-01）")
        with pytest.raises(ValidationErrors) as caught:
            mediation.record_agreement(
                s,
                mediator,
                case_id,
                before,
                AgreementForm(signed_on=None, effective_on=TODAY + dt.timedelta(days=1)),
                today=TODAY,
            )
        assert {e.field: e.code for e in caught.value.errors} == {
            "signed_on": "signed_empty",
            "effective_on": "effective_future",
            "obligations": "obligations_empty",
        }
        case = s.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.MEDIATING
        assert version(s, case_id) == before


@given(st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2))
def test_amounts_in_cents_are_accepted_as_typed(amount: Decimal) -> None:
    assert parse_amount(f"{amount:,}元") == amount
    assert parse_amount(amount) == amount


@given(
    st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e13"), allow_nan=True).filter(
        lambda d: not d.is_finite() or d < 0 or d != d.quantize(Decimal("0.01")) or d > 10**12
    )
)
def test_other_amounts_are_refused_with_a_reason(amount: Decimal) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(str(amount))
    assert caught.value.code in {
        "amount_format",
        "amount_negative",
        "amount_precision",
        "amount_too_large",
    }


def test_parse_amount_reads_full_width_digits_and_blanks() -> None:
    assert parse_amount("１２０００．５") == Decimal("12000.50")
    assert parse_amount("  ") is None
    assert parse_amount(None) is None


@pytest.mark.parametrize("role", ["mediator2", "mediator_other", "manager_other", "staff", "admin"])
def test_only_the_handler_records_or_edits_the_agreement(
    session_factory: sessionmaker[Session], people: People, case_id: int, role: str
) -> None:
    with session_factory.begin() as s:
        actor = people.actor(s, role)
        with pytest.raises(PermissionDenied):
            mediation.record_agreement(
                s, actor, case_id, version(s, case_id), agreement_form(s, case_id), today=TODAY
            )
        info = mediation.record_agreement(
            s,
            people.actor(s, "manager"),
            case_id,
            version(s, case_id),
            agreement_form(s, case_id),
            today=TODAY,
        )
        with pytest.raises(PermissionDenied):
            mediation.update_agreement(
                s, actor, case_id, info.version, agreement_form(s, case_id), today=TODAY
            )
        if role in ("mediator2", "staff", "admin"):  # in their scope: may read it
            assert not mediation.load_agreement(s, actor, case_id).may_edit
        else:
            with pytest.raises(PermissionDenied):
                mediation.load_agreement(s, actor, case_id)


# --- court-referred mediation ---------------------------------------------------------------


def test_a_court_referred_case_is_registered_and_returned_to_the_court(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        assert mediation.court_referral(s, mediator, case_id) is None
        info = mediation.register_court_referral(
            s,
            mediator,
            case_id,
            version(s, case_id),
            court_code="CT-KEQ",
            court_case_number="（2026）内0502民诉前调1234号",
        )
        assert (info.court_name, info.referral_kind) == (
            "通辽市科尔沁区人民法院",
            ReferralKind.PRE_LITIGATION,
        )
        case = s.get(Case, case_id)
        assert case is not None and case.channel == Channel.COURT_REFERRAL
        with pytest.raises(IllegalTransition) as caught:
            mediation.record_court_return(s, mediator, case_id, returned_on=TODAY, today=TODAY)
        assert caught.value.code == "mediation_not_ended"
        mediation.record_agreement(
            s, mediator, case_id, version(s, case_id), agreement_form(s, case_id), today=TODAY
        )
        returned = mediation.record_court_return(
            s, mediator, case_id, returned_on=TODAY, note="已函告调解结果", today=TODAY
        )
        assert (returned.outcome, returned.court_code, returned.note) == (
            ReturnOutcome.MEDIATED,
            "CT-KEQ",
            "已函告调解结果",
        )
        with pytest.raises(IllegalTransition) as caught:
            mediation.record_court_return(s, mediator, case_id, returned_on=TODAY, today=TODAY)
        assert caught.value.code == "already_returned"
        found = mediation.court_referral(s, people.actor(s, "staff"), case_id)
        assert found is not None and found.returned == returned
        assert found.as_json()["returned"] == {
            "returned_on": TODAY.isoformat(),
            "outcome": "mediated",
            "court": "CT-KEQ",
            "court_name": "通辽市科尔沁区人民法院",
            "note": "已函告调解结果",
        }


def test_referral_input_is_checked(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        with pytest.raises(ValidationErrors) as caught:
            mediation.register_court_referral(
                s,
                mediator,
                case_id,
                version(s, case_id),
                court_code="PR-TL",  # a procuratorate
                court_case_number="",
            )
        assert {e.field: e.code for e in caught.value.errors} == {
            "court": "unknown_court",
            "court_case_number": "court_case_number_empty",
        }
        with pytest.raises(ValidationErrors) as caught:
            mediation.register_court_referral(
                s,
                mediator,
                case_id,
                version(s, case_id),
                court_code="CT-KEQ",
                court_case_number="（2026）内0502执123号",
            )
        assert caught.value.errors[0].code == "referral_kind_empty"
        # Court case numbers are checked against the court's code (内05 is the
        # intermediate court's, 内0526 扎鲁特旗's; Inner Mongolia is 内, never 蒙).
        for number, code in (
            ("2026-123", "court_case_number_format"),
            ("（2024）蒙05诉前调6189号", "court_case_number_province"),
            ("（2026）内0526民初7号", "court_case_number_court"),
        ):
            with pytest.raises(ValidationErrors) as caught:
                mediation.register_court_referral(
                    s,
                    mediator,
                    case_id,
                    version(s, case_id),
                    court_code="CT-ZY",
                    court_case_number=number,
                    referral_kind="in_litigation",
                )
            assert [e.code for e in caught.value.errors] == [code], number
        info = mediation.register_court_referral(
            s,
            mediator,
            case_id,
            version(s, case_id),
            court_code="CT-ZY",
            court_case_number="(2026)内05民初123号",
            referral_kind="in_litigation",
        )
        assert info.court_case_number == "（2026）内05民初123号"
        assert info.referral_kind == ReferralKind.IN_LITIGATION
        with pytest.raises(StaleData):
            mediation.register_court_referral(
                s,
                mediator,
                case_id,
                info.version - 1,
                court_code="CT-ZY",
                court_case_number="（2026）内05民初1号",
            )
        with pytest.raises(PermissionDenied):
            mediation.register_court_referral(
                s,
                people.actor(s, "mediator2"),
                case_id,
                info.version,
                court_code="CT-ZY",
                court_case_number="（2026）内05民初1号",
            )


def test_guess_referral_kind() -> None:
    assert mediation.guess_referral_kind("（2026）内0502民诉前调12号") == (
        ReferralKind.PRE_LITIGATION
    )
    assert mediation.guess_referral_kind("（2026）内05知民初3号") == ReferralKind.IN_LITIGATION
    assert mediation.guess_referral_kind("123") is None


def test_a_failed_mediation_is_guided_to_litigation_with_the_court(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        mediator = people.actor(s, "mediator")
        with pytest.raises(ValidationError) as caught:
            mediation.guide_to_litigation(s, mediator, case_id, version(s, case_id))
        assert caught.value.code == "court_empty"
        referred = make_case(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 8, 20),
            mediator_id=people.mediator,
            channel=Channel.COURT_REFERRAL,
            referring_court_id=agency(s, "CT-KL").id,
            court_case_number="（2026）内0523民初77号",
        )
        result = mediation.guide_to_litigation(
            s, mediator, referred.id, referred.version_id, reason="双方分歧过大"
        )
        assert result.status == CaseStatus.FAILED
        event = s.get(CaseEvent, result.event_id)
        assert event is not None
        assert event.details == {"court": "CT-KL", "court_name": "开鲁县人民法院"}
        returned = mediation.record_court_return(
            s, mediator, referred.id, returned_on=TODAY, today=TODAY
        )
        assert returned.outcome == ReturnOutcome.FAILED
        # Not court-referred: nothing to return.
        result = mediation.guide_to_litigation(
            s, mediator, case_id, version(s, case_id), court_code="CT-KEQ"
        )
        with pytest.raises(IllegalTransition) as refused:
            mediation.record_court_return(s, mediator, case_id, returned_on=TODAY, today=TODAY)
        assert refused.value.code == "not_court_referred"
