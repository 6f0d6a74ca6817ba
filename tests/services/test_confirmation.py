"""Judicial confirmation: the courts with jurisdiction, the ownership warning, the paths
(confirmed, dismissed, window missed) with their limits and alerts, permissions, and the
case's links as JSON."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Agency,
    Alert,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    Confirmation,
    ConfirmationDecision,
    DisputeType,
    EventKind,
    IpType,
    LimitKind,
    LimitState,
    Party,
    PartyKind,
    PartyRole,
)
from ipdesk.services.cases import confirmation as conf
from ipdesk.services.cases import consultations, workflow
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.limits import refresh_case_limits
from ipdesk.services.errors import (
    IllegalTransition,
    PermissionDenied,
    ServiceError,
    ValidationError,
    ValidationErrors,
)
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import BEIJING
from tests.helpers.factories import (
    People,
    agency,
    make_agreement,
    make_case,
    make_people,
    seed,
)

EFFECTIVE = dt.date(2026, 9, 5)
LAST_DAY = dt.date(2026, 10, 8)  # domain.md's worked example
COURT_ACCEPTED = dt.date(2026, 10, 12)
TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as s:
        seed(s)
        return make_people(s)


def agreed_case(s: Session, people: People, **overrides: Any) -> Case:
    decides_ownership = overrides.pop("decides_ownership", False)
    case = make_case(
        s,
        status=CaseStatus.AGREEMENT,
        received_on=dt.date(2026, 8, 20),
        mediator_id=people.mediator,
        **overrides,
    )
    make_agreement(s, case, signed_on=EFFECTIVE, decides_ownership=decides_ownership)
    refresh_case_limits(s, case)
    return case


@pytest.fixture
def case_id(session_factory: sessionmaker[Session], people: People) -> int:
    with session_factory.begin() as s:
        return agreed_case(s, people).id


def limit(s: Session, case_id: int, kind: LimitKind) -> CaseLimit:
    return s.scalars(
        select(CaseLimit)
        .where(CaseLimit.case_id == case_id, CaseLimit.kind == kind)
        .order_by(CaseLimit.id.desc())
    ).first() or pytest.fail(f"no {kind} limit")


def version(s: Session, case_id: int) -> int:
    case = s.get(Case, case_id)
    assert case is not None
    return case.version_id


def apply(s: Session, people: People, case_id: int, **kw: Any) -> conf.ConfirmationInfo:
    args: dict[str, Any] = {"court_code": "CT-KEQ", "applied_on": LAST_DAY, "today": TODAY}
    args.update(kw)
    return conf.apply_for_confirmation(
        s, people.actor(s, kw.pop("who", "mediator")), case_id, version(s, case_id), **args
    )


# --- jurisdiction ---------------------------------------------------------------------------


def test_basic_courts_where_the_mediator_is_and_where_the_parties_live(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        case = make_case(s, status=CaseStatus.AGREEMENT, applicant="", respondent="")
        case.parties.extend(
            [
                Party(
                    position=0,
                    role=PartyRole.APPLICANT,
                    kind=PartyKind.PERSON,
                    name="王伟",
                    address="通辽市开鲁县开鲁镇新华路3号",
                ),
                Party(
                    position=1,
                    role=PartyRole.RESPONDENT,
                    kind=PartyKind.ORGANISATION,
                    name="奈曼旗草原食品有限公司",
                    id_number=ids.make_uscc(random.Random(1), "150525"),
                    address="",
                ),
                Party(
                    position=2,
                    role=PartyRole.AGENT,
                    kind=PartyKind.PERSON,
                    name="李律师",
                    address="霍林郭勒市珠斯花大街",  # an agent's address does not count
                ),
            ]
        )
        s.flush()
        courts = conf.courts_with_jurisdiction(s, case)
        assert [(c.code, c.reason_codes) for c in courts] == [
            ("CT-KEQ", (conf.MEDIATOR_LOCATION,)),
            ("CT-KL", (conf.PARTY_DOMICILE,)),
            ("CT-NM", (conf.PARTY_DOMICILE,)),
        ]
        assert courts[0].reasons == ("调解组织所在地（科尔沁区知识产权行政裁决所）的基层人民法院",)
        assert courts[1].reasons == ("当事人王伟住所地的基层人民法院",)

        # Both grounds in one court rank it first.
        case.parties[1].address = "通辽市科尔沁区和平路8号"
        s.flush()
        first = conf.courts_with_jurisdiction(s, case)[0]
        assert (first.code, len(first.reasons)) == ("CT-KEQ", 2)


def test_the_development_zone_office_and_the_short_banner_names(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        case = make_case(s, "TL09-S01", CaseStatus.AGREEMENT)
        case.parties[0].address = "科左中旗保康镇"  # short for 科尔沁左翼中旗
        s.flush()
        # TL09 has no division code: the office table maps it to the 科尔沁区 court (the
        # court that serves 通辽经济技术开发区), which ranks first; the party's court second.
        courts = conf.courts_with_jurisdiction(s, case)
        assert [(c.code, c.reason_codes) for c in courts] == [
            ("CT-KEQ", (conf.MEDIATOR_LOCATION,)),
            ("CT-KZZ", (conf.PARTY_DOMICILE,)),
        ]
        assert "通辽经济技术开发区知识产权行政裁决所" in courts[0].reasons[0]


def test_an_intermediate_court_dispute_and_a_court_referral_name_one_court(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        invention = make_case(s, status=CaseStatus.AGREEMENT, ip_type=IpType.PATENT_INVENTION)
        [court] = conf.courts_with_jurisdiction(s, invention)
        assert (court.code, court.reason_codes) == ("CT-ZY", (conf.INTERMEDIATE,))
        assert court.reasons[0].startswith("发明专利纠纷的第一审由知识产权法院、中级人民法院管辖")
        referred = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            ip_type=IpType.PATENT_INVENTION,
            referring_court_id=agency(s, "CT-KL").id,
        )
        [court] = conf.courts_with_jurisdiction(s, referred)
        assert (court.code, court.reason_codes) == ("CT-KL", (conf.REFERRING_COURT,))


def test_ownership_agreements_are_warned_about_and_need_an_acknowledgement(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        plain = agreed_case(s, people)
        assert conf.confirmation_warnings(plain) == []
        ownership = agreed_case(s, people, dispute_type=DisputeType.OWNERSHIP)
        assert [w.code for w in conf.confirmation_warnings(ownership)] == ["ownership_dispute"]
        deciding = agreed_case(s, people, decides_ownership=True)
        [warning] = conf.confirmation_warnings(deciding)
        assert warning.code == "agreement_decides_ownership"
        assert "第三百五十五条" in warning.message
        before = version(s, deciding.id)
        with pytest.raises(ValidationError) as caught:
            apply(s, people, deciding.id)
        assert caught.value.code == "confirmation_warning"
        assert version(s, deciding.id) == before
        info = apply(s, people, deciding.id, acknowledge_warnings=True)
        assert info.case_status == CaseStatus.CONFIRMATION_REQUESTED


# --- the paths ------------------------------------------------------------------------------


def test_agreement_confirmed_by_the_court(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        overview = conf.confirmation_overview(
            s, people.actor(s, "mediator"), case_id, today=LAST_DAY
        )
        assert (overview.window_due_on, overview.window_missed) == (LAST_DAY, False)
        assert [c.code for c in overview.courts] == ["CT-KEQ"]
        assert "CT-KEQ" not in {c.code for c in overview.other_courts}
        assert (overview.may_apply, overview.may_record_decision) == (True, False)

        info = apply(s, people, case_id)  # on the last day of the window
        assert (info.court_name, info.applied_on, info.decision_due_on) == (
            "通辽市科尔沁区人民法院",
            LAST_DAY,
            None,
        )
        assert info.state == "applied"
        window = limit(s, case_id, LimitKind.CONFIRMATION_APPLICATION)
        assert (window.state, window.met_on) == (LimitState.MET, LAST_DAY)

        mediator = people.actor(s, "mediator")
        info = conf.record_court_acceptance(
            s, mediator, case_id, accepted_on=COURT_ACCEPTED, today=TODAY
        )
        assert (info.state, info.decision_due_on) == ("accepted", dt.date(2026, 10, 27))  # 15 days
        with pytest.raises(IllegalTransition) as caught:
            conf.record_court_acceptance(s, mediator, case_id, accepted_on=TODAY, today=TODAY)
        assert caught.value.code == "already_accepted"
        info = conf.extend_court_decision(
            s, mediator, case_id, approved_on=dt.date(2026, 10, 20), today=TODAY
        )
        assert (info.extended, info.decision_due_on) == (True, dt.date(2026, 11, 6))  # +10
        with pytest.raises(IllegalTransition) as caught:
            conf.extend_court_decision(s, mediator, case_id, approved_on=TODAY, today=TODAY)
        assert caught.value.code == "already_extended"

        info = conf.record_court_decision(
            s,
            mediator,
            case_id,
            version(s, case_id),
            decision="valid",
            ruling_number="（2026）内0502民特45号",
            decided_on=dt.date(2026, 11, 2),
            today=TODAY,
        )
        assert (info.case_status, info.decision) == (
            CaseStatus.CONFIRMED,
            ConfirmationDecision.VALID,
        )
        court_limit = limit(s, case_id, LimitKind.COURT_DECISION)
        assert (court_limit.state, court_limit.met_on, court_limit.due_on) == (
            LimitState.MET,
            dt.date(2026, 11, 2),
            dt.date(2026, 11, 6),
        )
        kinds = s.scalars(
            select(CaseEvent.kind).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        ).all()
        assert kinds[-4:] == [
            EventKind.CONFIRMATION_REQUESTED,
            EventKind.CONFIRMATION_ACCEPTED,
            EventKind.CONFIRMATION_EXTENDED,
            EventKind.CONFIRMED,
        ]

        links = conf.case_links(s, people.actor(s, "staff"), case_id)
        json.dumps(links)  # JSON-ready
        assert links["confirmation"] == {
            "state": "valid",
            "court": "CT-KEQ",
            "court_name": "通辽市科尔沁区人民法院",
            "applied_on": "2026-10-08",
            "court_accepted_on": "2026-10-12",
            "decision_due": "2026-11-06",
            "extended": True,
            "decision": "valid",
            "decided_on": "2026-11-02",
            "ruling_number": "（2026）内0502民特45号",
        }
        agreement = links["agreement"]
        assert agreement["effective_on"] == "2026-09-05"
        assert agreement["total_amount"] == "12000.00"
        assert agreement["confirmation_window"] == {"due": "2026-10-08", "state": "met"}
        assert [o["amount"] for o in agreement["obligations"]] == ["12000.00", None]
        assert links["consultations"] == []
        assert links["court_referral"] is None


def test_application_dismissed_and_mediated_again(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        apply(s, people, case_id, applied_on=dt.date(2026, 9, 10))
        mediator = people.actor(s, "mediator")
        with pytest.raises(ValidationErrors) as caught:
            conf.record_court_decision(
                s,
                mediator,
                case_id,
                version(s, case_id),
                decision="maybe",
                ruling_number="",
                decided_on=dt.date(2026, 9, 9),
                today=TODAY,
            )
        assert {e.field: e.code for e in caught.value.errors} == {
            "decision": "decision_invalid",
            "ruling_number": "ruling_number_empty",
            "decided_on": "date_too_early",
        }
        # The ruling's number is the court's (内0502 for 科尔沁区) in a 民特 case.
        for number, code in (
            ("（2026）蒙0502民特46号", "court_case_number_province"),
            ("（2026）内0507民特516号", "court_case_number_court"),
            ("（2026）内0502民初46号", "court_case_number_type"),
        ):
            with pytest.raises(ValidationErrors) as caught:
                conf.record_court_decision(
                    s,
                    mediator,
                    case_id,
                    version(s, case_id),
                    decision=ConfirmationDecision.DISMISSED,
                    ruling_number=number,
                    decided_on=dt.date(2026, 9, 25),
                    today=TODAY,
                )
            assert [e.code for e in caught.value.errors] == [code], number
        info = conf.record_court_decision(
            s,
            mediator,
            case_id,
            version(s, case_id),
            decision=ConfirmationDecision.DISMISSED,
            ruling_number="（2026）内0502民特46号",
            decided_on=dt.date(2026, 9, 25),
            today=TODAY,
        )
        assert info.case_status == CaseStatus.CONFIRMATION_DENIED
        assert conf.case_links(s, mediator, case_id)["confirmation"]["decision"] == "dismissed"
        with pytest.raises(IllegalTransition):
            conf.record_court_acceptance(s, mediator, case_id, accepted_on=TODAY, today=TODAY)
        # The parties may mediate again.
        workflow.start_mediation(s, mediator, case_id, version(s, case_id))
        window = limit(s, case_id, LimitKind.CONFIRMATION_APPLICATION)
        assert window.state == LimitState.MET  # the first agreement was brought in time


def test_window_missed_is_refused_and_alerted(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    day_after = LAST_DAY + dt.timedelta(days=1)
    with session_factory.begin() as s:
        with pytest.raises(IllegalTransition) as caught:
            apply(s, people, case_id, applied_on=day_after)
        error = caught.value
        assert error.code == "confirmation_window_missed"
        assert "期限已于 2026-10-08 届满" in error.message
        assert "三十日内" in error.message
        assert s.scalar(select(func.count()).select_from(Confirmation)) == 0
        case = s.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.AGREEMENT

        overview = conf.confirmation_overview(
            s, people.actor(s, "mediator"), case_id, today=day_after
        )
        assert overview.window_missed
        result = scan_alerts(s, dt.datetime(2026, 10, 9, 9, tzinfo=BEIJING))
        window_alerts = [
            (a.kind, a.threshold)
            for a in result.alerts
            if a.kind == LimitKind.CONFIRMATION_APPLICATION
        ]
        assert window_alerts == [(LimitKind.CONFIRMATION_APPLICATION, "overdue")]
        mediator = people.actor(s, "mediator")
        workflow.close(s, mediator, case_id, version(s, case_id))
        window = limit(s, case_id, LimitKind.CONFIRMATION_APPLICATION)
        assert window.state == LimitState.CANCELLED
        assert not s.scalars(
            select(Alert).where(Alert.limit_id == window.id, Alert.withdrawn_at.is_(None))
        ).all()


def test_a_court_without_a_ground_is_refused_with_those_that_have_one(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        with pytest.raises(ValidationError) as refused:
            apply(s, people, case_id, court_code="CT-KL")  # 开鲁县: no party lives there
        error = refused.value
        assert (error.field, error.code) == ("court", "court_without_jurisdiction")
        assert error.params["court"] == "CT-KL"
        assert error.params["courts"] == ["CT-KEQ"]
        assert "通辽市科尔沁区人民法院" in error.message
        assert s.get(Case, case_id).status == CaseStatus.AGREEMENT  # type: ignore[union-attr]
        # No registered court with a ground at all: the court table needs the administrator.
        s.execute(update(Agency).where(Agency.code == "CT-KEQ").values(active=False))
        with pytest.raises(ValidationError) as refused:
            apply(s, people, case_id, court_code="CT-KL")
        assert refused.value.code == "no_court_with_jurisdiction"


def test_application_input_is_checked(
    session_factory: sessionmaker[Session], people: People, case_id: int
) -> None:
    with session_factory.begin() as s:
        with pytest.raises(ValidationErrors) as caught:
            apply(s, people, case_id, court_code="PR-TL", applied_on=dt.date(2026, 9, 1))
        assert {e.field: e.code for e in caught.value.errors} == {
            "applied_on": "applied_before_effective",
            "court": "unknown_court",
        }
        with pytest.raises(ValidationErrors) as caught:
            apply(s, people, case_id, court_code="", applied_on=TODAY + dt.timedelta(days=1))
        assert {e.code for e in caught.value.errors} == {"date_in_future", "court_empty"}
        unsigned = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            received_on=dt.date(2026, 8, 20),
            mediator_id=people.mediator,
        )
        with pytest.raises(IllegalTransition) as refused:
            apply(s, people, unsigned.id)
        assert refused.value.code == "agreement_not_effective"
        # Acceptance before the application, extension after the court's limit.
        apply(s, people, case_id)
        mediator = people.actor(s, "mediator")
        with pytest.raises(IllegalTransition) as refused:
            conf.extend_court_decision(s, mediator, case_id, approved_on=TODAY, today=TODAY)
        assert refused.value.code == "not_accepted_by_court"
        with pytest.raises(ValidationError) as wrong:
            conf.record_court_acceptance(
                s, mediator, case_id, accepted_on=dt.date(2026, 10, 1), today=TODAY
            )
        assert wrong.value.code == "date_too_early"
        conf.record_court_acceptance(s, mediator, case_id, accepted_on=COURT_ACCEPTED, today=TODAY)
        with pytest.raises(IllegalTransition) as refused:
            conf.extend_court_decision(
                s, mediator, case_id, approved_on=dt.date(2026, 10, 28), today=TODAY
            )
        assert refused.value.code == "limit_expired"


# --- permissions ----------------------------------------------------------------------------

Step = Callable[[Session, str], Any]


def _steps(people: People, case_id: int) -> list[Step]:
    """The four steps in order, each taken by the user named by the second argument."""
    return [
        lambda s, who: conf.apply_for_confirmation(
            s,
            people.actor(s, who),
            case_id,
            version(s, case_id),
            court_code="CT-KEQ",
            applied_on=LAST_DAY,
            today=TODAY,
        ),
        lambda s, who: conf.record_court_acceptance(
            s, people.actor(s, who), case_id, accepted_on=COURT_ACCEPTED, today=TODAY
        ),
        lambda s, who: conf.extend_court_decision(
            s, people.actor(s, who), case_id, approved_on=COURT_ACCEPTED, today=TODAY
        ),
        lambda s, who: conf.record_court_decision(
            s,
            people.actor(s, who),
            case_id,
            version(s, case_id),
            decision="valid",
            ruling_number="（2026）内0502民特1号",
            decided_on=dt.date(2026, 10, 20),
            today=TODAY,
        ),
    ]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("mediator", True),
        ("manager", True),
        ("city", True),
        ("mediator2", False),
        ("mediator_other", False),
        ("manager_other", False),
        ("staff", False),
        ("admin", False),
    ],
)
def test_only_the_handler_takes_the_steps(
    session_factory: sessionmaker[Session],
    people: People,
    case_id: int,
    role: str,
    allowed: bool,
) -> None:
    for step in _steps(people, case_id):
        with session_factory.begin() as s:
            if allowed:
                step(s, role)
                continue
            with pytest.raises(PermissionDenied):
                step(s, role)
        with session_factory.begin() as s:
            step(s, "mediator")  # so that the next step can be tried
    with session_factory() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.status == CaseStatus.CONFIRMED


def test_case_links_of_a_case_without_any(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        case = make_case(s, status=CaseStatus.ACCEPTED)
        assert conf.case_links(s, people.actor(s, "manager"), case.id) == {
            "consultations": [],
            "agreement": None,
            "confirmation": None,
            "court_referral": None,
        }
        with pytest.raises(PermissionDenied):
            conf.case_links(s, people.actor(s, "manager_other"), case.id)
        with pytest.raises(ServiceError):
            conf.case_links(s, people.actor(s, "manager"), 999999)
        consultations.request_consultation(
            s,
            people.actor(s, "manager"),
            case.id,
            consultations.ConsultationForm(
                kind="consultation",
                subject="会商",
                questions="问题",
                agency_ids=(agency(s, "JB-TL").id,),
            ),
        )
        [linked] = conf.case_links(s, people.actor(s, "manager"), case.id)["consultations"]
        assert linked["agencies"][0]["agency"] == "JB-TL"
        assert linked["agencies"][0]["state"] == "requested"
