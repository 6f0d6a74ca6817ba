"""ipdesk-admin case show: the case's consultations, agreement and judicial confirmation."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy.orm import Session

from ipdesk import db
from ipdesk.cli import main
from ipdesk.models import Case, CaseStatus
from ipdesk.services.cases import confirmation as conf
from ipdesk.services.cases import consultations as cs
from ipdesk.services.cases.limits import refresh_case_limits
from tests.helpers.factories import agency, make_agreement, make_case, make_people

EFFECTIVE = dt.date(2026, 9, 5)
APPLIED = dt.date(2026, 10, 8)
TODAY = dt.date(2026, 11, 20)


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, *args])


def _version(s: Session, case_id: int) -> int:
    case = s.get(Case, case_id)
    assert case is not None
    return case.version_id


@pytest.fixture
def linked_case(database_url: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """A confirmed case with a consultation (one agency answered, one withdrawn) and an
    agreement: (database URL, case number)."""
    assert run(database_url, "init") == 0
    capsys.readouterr()
    engine = db.make_engine(database_url)
    try:
        with db.make_session_factory(engine).begin() as s:
            people = make_people(s)
            mediator = people.actor(s, "mediator")
            case = make_case(
                s,
                status=CaseStatus.MEDIATING,
                received_on=dt.date(2026, 8, 20),
                mediator_id=people.mediator,
            )
            court, bureau = agency(s, "CT-KEQ"), agency(s, "JB-TL")
            info = cs.request_consultation(
                s,
                mediator,
                case.id,
                cs.ConsultationForm(
                    kind="consultation",
                    subject="涉案商标权属是否存在争议",
                    questions="请提供相关诉讼信息。",
                    agency_ids=(court.id, bureau.id),
                    requested_on=dt.date(2026, 8, 24),
                ),
                today=TODAY,
            )
            by_agency = {r.agency_code: r.id for r in info.requests}
            cs.record_answer(
                s,
                mediator,
                by_agency["CT-KEQ"],
                answered_on=dt.date(2026, 8, 28),
                opinion="未发现相关诉讼。",
                today=TODAY,
            )
            cs.withdraw_request(
                s, mediator, by_agency["JB-TL"], reason="无需再征求意见", today=TODAY
            )
            case.status = CaseStatus.AGREEMENT
            make_agreement(s, case, signed_on=EFFECTIVE)
            refresh_case_limits(s, case)
            conf.apply_for_confirmation(
                s,
                mediator,
                case.id,
                _version(s, case.id),
                court_code="CT-KEQ",
                applied_on=APPLIED,
                today=TODAY,
            )
            conf.record_court_acceptance(
                s, mediator, case.id, accepted_on=dt.date(2026, 10, 12), today=TODAY
            )
            conf.record_court_decision(
                s,
                mediator,
                case.id,
                _version(s, case.id),
                decision="valid",
                ruling_number="（2026）内0502民特45号",
                decided_on=dt.date(2026, 10, 20),
                today=TODAY,
            )
            number = case.number
    finally:
        engine.dispose()
    return database_url, number


def test_case_show_json_lists_consultations_agreement_and_confirmation(
    linked_case: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, number = linked_case
    assert run(url, "case", "show", number, "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["number"], doc["status"]) == (number, "confirmed")

    (consultation,) = doc["consultations"]
    assert (consultation["kind"], consultation["subject"], consultation["requested_on"]) == (
        "consultation",
        "涉案商标权属是否存在争议",
        "2026-08-24",
    )
    states = {a["agency"]: (a["state"], a["answered_on"]) for a in consultation["agencies"]}
    assert states == {"CT-KEQ": ("answered", "2026-08-28"), "JB-TL": ("withdrawn", None)}
    assert {a["agency_name"] for a in consultation["agencies"]} == {
        "通辽市科尔沁区人民法院",
        "通辽市司法局",
    }

    agreement = doc["agreement"]
    assert (agreement["signed_on"], agreement["effective_on"]) == ("2026-09-05", "2026-09-05")
    assert agreement["total_amount"] == "12000.00"
    assert [(o["description"], o["amount"], o["due_on"]) for o in agreement["obligations"]] == [
        ("赔偿经济损失", "12000.00", "2026-10-05"),
        ("停止销售侵权商品并下架库存", None, None),
    ]
    assert agreement["obligations"][0]["obligor"] == "通辽市某某商贸有限公司"
    assert agreement["confirmation_window"] == {"due": "2026-10-08", "state": "met"}

    assert doc["confirmation"] == {
        "court": "CT-KEQ",
        "court_name": "通辽市科尔沁区人民法院",
        "state": "valid",
        "applied_on": "2026-10-08",
        "court_accepted_on": "2026-10-12",
        "decision_due": "2026-10-27",
        "extended": False,
        "decision": "valid",
        "decided_on": "2026-10-20",
        "ruling_number": "（2026）内0502民特45号",
    }
    assert doc["court_referral"] is None


def test_case_show_text_names_them_too(
    linked_case: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, number = linked_case
    assert run(url, "case", "show", number) == 0
    out = capsys.readouterr().out
    assert "会商：" in out and "通辽市司法局  已撤回" in out
    assert "调解协议：" in out and "生效 2026-09-05" in out
    assert "司法确认：" in out and "确认有效" in out and "（2026）内0502民特45号" in out


def test_a_case_without_them_shows_empty_links(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(database_url, "init") == 0
    engine = db.make_engine(database_url)
    try:
        with db.make_session_factory(engine).begin() as s:
            number = make_case(s).number
    finally:
        engine.dispose()
    capsys.readouterr()
    assert run(database_url, "case", "show", number, "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["consultations"], doc["agreement"], doc["confirmation"]) == ([], None, None)
