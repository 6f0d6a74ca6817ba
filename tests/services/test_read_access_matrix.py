"""The read-path access matrix, on both databases (issue 9).

One small network, built once per backend: office TL01 (stations S01 and S02) and office
TL02 (station S01), a user of every role around them, and cases in each with alerts,
follow-up visits, consultations, documents and a transfer. Every service function that
reads case data is asked by every reader, and the table below says exactly what each one
gets: the cases of its scope (``access.case_scope``: a station's staff their station's,
mediators and office managers their office's, city managers and administrators all), an
empty or filtered result, or PermissionDenied — never another office's case. Personal data
is masked unless revealed by a user with the permission, and the reveal is audited.

``moved`` is a mediator who handled TL01 cases and was then moved to TL02 by the
administrator (allowed: none of their cases was open); one of those cases was reopened
afterwards and keeps them as its mediator, another has a follow-up visit they were
responsible for. They must see neither (they did, through the work lists, alerts and
follow-ups: fixed in routing, alerts and followups).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.models import (
    Attachment,
    Case,
    CaseStatus,
    Document,
    FollowUpVisit,
    Office,
    Role,
    User,
)
from ipdesk.services import documents
from ipdesk.services.actors import Actor
from ipdesk.services.admin import org
from ipdesk.services.admin.auth import change_role
from ipdesk.services.cases import (
    alerts,
    confirmation,
    consultations,
    followups,
    mediation,
    routing,
    workflow,
)
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.limits import deadline_board
from ipdesk.services.errors import NotFound, PermissionDenied
from ipdesk.services.infra import audit, blobs
from ipdesk.services.queries import dashboard, reports
from ipdesk.services.queries.cases_query import (
    CaseFilter,
    case_detail,
    case_ids,
    case_rows,
    count_cases,
)
from ipdesk.services.queries.search import search_cases
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import legal_today
from tests.conftest import BACKENDS
from tests.helpers.factories import (
    agency,
    make_case,
    make_case_with_limits,
    make_user,
    make_visit,
    seed,
)
from tests.helpers.module_db import module_database

TODAY = legal_today()
RESPONDENT = "通辽市某某商贸有限公司"  # every case's respondent
DENIED = "denied"

# --------------------------------------------------------------------------- the readers

READERS = (
    "staff_a",  # station staff of TL01-S01
    "staff_a2",  # station staff of TL01-S02 (same office, another station)
    "staff_b",  # station staff of TL02-S01
    "mediator",  # TL01, handles a and a_closed
    "mediator2",  # TL01, handles nothing
    "mediator_b",  # TL02, handles b and b_closed
    "moved",  # TL02 now; handled moved_closed and moved_reopened while in TL01
    "manager_a",  # office manager of TL01
    "manager_b",  # office manager of TL02
    "city",
    "admin",
)
TL01 = {"a", "a2", "a_closed", "moved_closed", "moved_reopened", "moved_accepted"}
TL02 = {"b", "b_closed", "tr"}  # tr: registered at TL01, transferred to TL02
OPEN = {"a", "a2", "b", "tr", "moved_reopened", "moved_accepted"}  # the rest are closed

# Which cases each reader sees (case_scope).
SCOPE: dict[str, set[str]] = {
    "staff_a": {"a", "a_closed", "moved_closed", "moved_reopened", "moved_accepted"},
    "staff_a2": {"a2"},
    "staff_b": {"b", "b_closed"},  # tr left its station behind
    "mediator": TL01,
    "mediator2": TL01,
    "mediator_b": TL02,
    "moved": TL02,
    "manager_a": TL01,
    "manager_b": TL02,
    "city": TL01 | TL02,
    "admin": TL01 | TL02,
}
CITYWIDE = ("city", "admin")
MANAGERS = ("manager_a", "manager_b", *CITYWIDE)
MEDIATORS = ("mediator", "mediator2", "mediator_b", "moved")
STAFF = ("staff_a", "staff_a2", "staff_b")


@dataclass
class World:
    factory: sessionmaker[Session]
    users: dict[str, int]
    cases: dict[str, int]
    numbers: dict[str, str]
    visits: dict[str, int]  # by case key
    consultations: dict[str, int]  # by case key
    documents: dict[str, int]  # by case key
    store: Path
    applicant_id: dict[str, str]  # the full ID number of a case's applicant
    applicant_phone: dict[str, str]

    def actor(self, s: Session, who: str) -> Actor:
        user = s.get(User, self.users[who])
        assert user is not None
        return Actor.of(user)

    def keys(self, case_ids_: Any) -> set[str]:
        by_id = {v: k for k, v in self.cases.items()}
        return {by_id[i] for i in case_ids_}


@pytest.fixture(scope="module", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    with module_database(request) as engine:
        factory = db.make_session_factory(engine)
        yield _build(factory, tmp_path_factory.mktemp("store"))


def _build(factory: sessionmaker[Session], store: Path) -> World:
    users: dict[str, int] = {}
    cases: dict[str, Case] = {}
    with factory.begin() as s:
        seed(s)
        for who, role, office, station in (
            ("staff_a", Role.STATION_STAFF, None, "TL01-S01"),
            ("staff_a2", Role.STATION_STAFF, None, "TL01-S02"),
            ("staff_b", Role.STATION_STAFF, None, "TL02-S01"),
            ("mediator", Role.MEDIATOR, "TL01", None),
            ("mediator2", Role.MEDIATOR, "TL01", None),
            ("mediator_b", Role.MEDIATOR, "TL02", None),
            ("moved", Role.MEDIATOR, "TL01", None),
            ("manager_a", Role.OFFICE_MANAGER, "TL01", None),
            ("manager_b", Role.OFFICE_MANAGER, "TL02", None),
            ("city", Role.CITY_MANAGER, None, None),
            ("admin", Role.ADMIN, None, None),
        ):
            users[who] = make_user(s, role, office=office, station=station).id
        received = TODAY - dt.timedelta(days=150)  # long overdue once accepted
        accepted = received + dt.timedelta(days=1)

        def open_case(station: str, mediator: str | None, status: CaseStatus) -> Case:
            return make_case_with_limits(
                s,
                station,
                status,
                received_on=received,
                accepted_on=accepted,
                mediator_id=users[mediator] if mediator else None,
            )

        def closed_case(station: str, mediator: str, **kw: Any) -> Case:
            return make_case(
                s,
                station,
                CaseStatus.CLOSED,
                received_on=received,
                accepted_on=accepted,
                mediator_id=users[mediator],
                **kw,
            )

        cases["a"] = open_case("TL01-S01", "mediator", CaseStatus.MEDIATING)
        cases["a2"] = open_case("TL01-S02", None, CaseStatus.ACCEPTED)
        cases["b"] = open_case("TL02-S01", "mediator_b", CaseStatus.MEDIATING)
        cases["tr"] = open_case("TL01-S01", None, CaseStatus.ACCEPTED)
        cases["a_closed"] = closed_case("TL01-S01", "mediator")
        cases["b_closed"] = closed_case("TL02-S01", "mediator_b")
        cases["moved_closed"] = closed_case("TL01-S01", "moved")
        cases["moved_reopened"] = closed_case("TL01-S01", "moved", outcome=CaseStatus.MEDIATING)
        cases["moved_accepted"] = closed_case("TL01-S01", "moved", outcome=CaseStatus.ACCEPTED)
        rng = __import__("random").Random(9)
        applicant_id, applicant_phone = {}, {}
        for key, case in cases.items():
            applicant = case.parties[0]
            applicant.id_number = ids.make_resident_id(rng, "150502", dt.date(1980, 5, 17))
            applicant.phone = f"139{rng.randrange(10**8):08d}"
            applicant.address = f"通辽市科尔沁区和平路{rng.randrange(1, 99)}号"
            applicant_id[key], applicant_phone[key] = applicant.id_number, applicant.phone
        s.flush()
        visits = {
            key: make_visit(s, cases[key], TODAY, responsible_id=cases[key].mediator_id).id
            for key in ("a_closed", "b_closed", "moved_closed")
        }
        admin = Actor.of(s.get(User, users["admin"]))  # type: ignore[arg-type]
        change_role(s, admin, users["moved"], Role.MEDIATOR, office_code="TL02")
        manager_a = Actor.of(s.get(User, users["manager_a"]))  # type: ignore[arg-type]
        for key in ("moved_reopened", "moved_accepted"):
            reopened = cases[key]
            workflow.reopen(s, manager_a, reopened.id, reopened.version_id, "当事人申请继续调解")
        tr = cases["tr"]
        routing.transfer_case(
            s, manager_a, tr.id, tr.version_id, "TL02", "被申请人住所地在科左中旗"
        )
        s.flush()
        consults = {}
        for key, who in (("a", "mediator"), ("b", "mediator_b")):
            mediator = Actor.of(s.get(User, users[who]))  # type: ignore[arg-type]
            consults[key] = consultations.request_consultation(
                s,
                mediator,
                cases[key].id,
                consultations.ConsultationForm(
                    kind="consultation",
                    subject="是否已有相关诉讼",
                    questions="是否已有相关诉讼？",
                    agency_ids=(agency(s, "JB-TL").id,),
                ),
            ).id
        docs = {}
        for key in ("a", "b"):
            data = f"文书 {key}".encode()
            stored = f"{cases[key].number}/notice-v1.docx"
            (store / stored).parent.mkdir(parents=True, exist_ok=True)
            (store / stored).write_bytes(data)
            blobs.put_bytes(s, data, kind=blobs.DOCX, max_bytes=blobs.MAX_DOCUMENT_BYTES)
            doc = Document(
                case_id=cases[key].id,
                kind="acceptance_notice",
                version=1,
                author_id=cases[key].mediator_id,
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
                stored_name=stored,
            )
            s.add(doc)
            s.add(
                Attachment(
                    case_id=cases[key].id,
                    original_name="证据.pdf",
                    stored_name=f"{key}-evidence.pdf",
                    sha256="0" * 64,
                    size=1,
                )
            )
            s.flush()
            docs[key] = doc.id
        scan_alerts(s)
        numbers = {key: case.number for key, case in cases.items()}
        case_ids_ = {key: case.id for key, case in cases.items()}
    return World(
        factory,
        users,
        case_ids_,
        numbers,
        visits,
        consults,
        docs,
        store,
        applicant_id,
        applicant_phone,
    )


@pytest.fixture
def s(world: World) -> Iterator[Session]:
    """A session whose work is rolled back: the world stays as built."""
    with world.factory() as session:
        yield session
        session.rollback()


def outcome(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except PermissionDenied:
        return DENIED


# --------------------------------------------------------------------------- the case list


@pytest.mark.parametrize("reader", READERS)
def test_the_case_list_holds_exactly_the_scope(world: World, s: Session, reader: str) -> None:
    who = world.actor(s, reader)
    expected = SCOPE[reader]
    assert count_cases(s, who) == len(expected)
    listed = case_ids(s, who, limit=100)
    assert world.keys(listed) == expected
    every = list(world.cases.values())
    assert world.keys(r.id for r in case_rows(s, who, every)) == expected
    # filters cannot widen the scope: another office's or station's filter finds nothing
    for office in ("TL01", "TL02"):
        found = world.keys(case_ids(s, who, CaseFilter(office=office), limit=100))
        assert found == expected & (TL01 if office == "TL01" else TL02)
    found = world.keys(case_ids(s, who, CaseFilter(station="TL02-S01"), limit=100))
    assert found == expected & {"b", "b_closed"}


@pytest.mark.parametrize("reader", READERS)
def test_the_search_box_finds_only_the_scope(world: World, s: Session, reader: str) -> None:
    who = world.actor(s, reader)
    assert world.keys(search_cases(s, who, RESPONDENT)) == SCOPE[reader]
    assert world.keys(search_cases(s, who, f"{RESPONDENT} 张三")) == SCOPE[reader]
    # a whole ID number is looked up by its own index: still within the scope
    assert world.keys(search_cases(s, who, world.applicant_id["b"])) == SCOPE[reader] & {"b"}
    assert count_cases(s, who, CaseFilter(text=RESPONDENT)) == len(SCOPE[reader])


# --------------------------------------------------------------------------- one case


@pytest.mark.parametrize("reader", READERS)
def test_a_case_opens_only_within_the_scope(world: World, s: Session, reader: str) -> None:
    who = world.actor(s, reader)
    for key, case_id in world.cases.items():
        visible = key in SCOPE[reader]
        for ref in (case_id, world.numbers[key]):
            got = outcome(lambda ref=ref: case_detail(s, who, ref))  # type: ignore[misc]
            if visible:
                assert got != DENIED and got.number == world.numbers[key], (key, ref)
                assert [a.original_name for a in got.attachments] == (
                    ["证据.pdf"] if key in ("a", "b") else []
                )
            else:
                assert got == DENIED, (key, ref)
        readers: dict[str, Callable[[Session, Actor, int], Any]] = {
            "case_consultations": consultations.case_consultations,
            "case_links": confirmation.case_links,
            "confirmation_overview": confirmation.confirmation_overview,
            "load_agreement": mediation.load_agreement,
            "court_referral": mediation.court_referral,
            "list_documents": documents.list_documents,
        }
        for name, read in readers.items():
            got = outcome(lambda read=read, case_id=case_id: read(s, who, case_id))  # type: ignore[misc]
            assert (got != DENIED) == visible, (key, name)
        if not visible:  # its contract: nothing to do, rather than a refusal
            assert workflow.available_actions(s, who, case_id) == []
    for key, consultation_id in world.consultations.items():
        got = outcome(lambda c=consultation_id: consultations.get_consultation(s, who, c))  # type: ignore[misc]
        assert (got != DENIED) == (key in SCOPE[reader]), key


@pytest.mark.parametrize("reader", READERS)
def test_personal_data_is_masked_and_a_reveal_is_audited(
    world: World, s: Session, reader: str
) -> None:
    who = world.actor(s, reader)
    key = next(k for k in ("a", "a2", "b") if k in SCOPE[reader])
    case_id = world.cases[key]
    full_id, phone = world.applicant_id[key], world.applicant_phone[key]
    shown = case_detail(s, who, case_id).parties[0]
    assert shown.masked and not shown.birth_date
    assert shown.id_number != full_id and shown.id_number == ids.mask_id(full_id)
    assert shown.phone != phone and shown.address is not None and "*" in shown.address
    before = len(audit.records(s, "case", case_id))
    if reader in STAFF:  # station staff may not view personal data
        with pytest.raises(PermissionDenied):
            case_detail(s, who, case_id, reveal=True)
        assert len(audit.records(s, "case", case_id)) == before
        return
    revealed = case_detail(s, who, case_id, reveal=True).parties[0]
    assert (revealed.id_number, revealed.phone) == (full_id, phone) and not revealed.masked
    trail = audit.records(s, "case", case_id)
    assert len(trail) == before + 1
    assert trail[-1]["action"] == "access" and trail[-1]["user_id"] == who.user_id
    # another office's case is refused before anything is revealed or recorded
    outside = (
        next(k for k in world.cases if k not in SCOPE[reader]) if reader not in CITYWIDE else None
    )
    if outside is not None:
        count = len(audit.records(s, "case", world.cases[outside]))
        with pytest.raises(PermissionDenied):
            case_detail(s, who, world.cases[outside], reveal=True)
        assert len(audit.records(s, "case", world.cases[outside])) == count


# Who may open a stored document (the rendering rights): the handling mediator, the
# office's manager, city managers and administrators; never station staff.
DOCUMENT_FILE = {
    "a": {"mediator", "manager_a", *CITYWIDE},
    "b": {"mediator_b", "manager_b", *CITYWIDE},
}


@pytest.mark.parametrize("reader", READERS)
def test_documents_download_needs_the_rendering_rights(
    world: World, s: Session, reader: str
) -> None:
    who = world.actor(s, reader)
    for key, document_id in world.documents.items():
        got = outcome(lambda d=document_id: documents.document_file(s, who, d, world.store))  # type: ignore[misc]
        assert (got != DENIED) == (reader in DOCUMENT_FILE[key]), key


# --------------------------------------------------------------------------- lists


@pytest.mark.parametrize("reader", READERS)
def test_the_consultation_list_holds_the_scope(world: World, s: Session, reader: str) -> None:
    who = world.actor(s, reader)
    page = consultations.list_consultations(s, who)
    assert world.keys(r.case_id for r in page.rows) == SCOPE[reader] & {"a", "b"}
    assert page.total == len(SCOPE[reader] & {"a", "b"})


# Alerts: a mediator's are those of the cases they handle in their office; an office
# manager's those of the office; station staff get none.
ALERTS: dict[str, set[str]] = {
    "staff_a": set(),
    "staff_a2": set(),
    "staff_b": set(),
    "mediator": {"a"},
    "mediator2": set(),
    "mediator_b": {"b"},
    "moved": set(),  # not moved_reopened, a TL01 case
    "manager_a": {"a", "a2", "moved_reopened", "moved_accepted"},
    "manager_b": {"b", "tr"},
    "city": {"a", "a2", "b", "tr", "moved_reopened", "moved_accepted"},
    "admin": {"a", "a2", "b", "tr", "moved_reopened", "moved_accepted"},
}


@pytest.mark.parametrize("reader", READERS)
def test_alerts_are_those_one_answers_for(world: World, s: Session, reader: str) -> None:
    who = world.actor(s, reader)
    listed = alerts.list_alerts(s, who, include_acknowledged=True, limit=None)
    assert world.keys(a.case_id for a in listed) == ALERTS[reader]
    assert world.keys(a.case_id for a in listed) <= SCOPE[reader]
    assert alerts.count_unacknowledged(s, who) == len(listed)


# Follow-up visits: a mediator's are those they are responsible for in their office.
VISITS: dict[str, Any] = {
    **dict.fromkeys(STAFF, DENIED),
    "mediator": {"a_closed"},
    "mediator2": set(),
    "mediator_b": {"b_closed"},
    "moved": set(),  # not moved_closed's visit, a TL01 case
    "manager_a": {"a_closed", "moved_closed"},
    "manager_b": {"b_closed"},
    "city": {"a_closed", "b_closed", "moved_closed"},
    "admin": {"a_closed", "b_closed", "moved_closed"},
}


@pytest.mark.parametrize("reader", READERS)
def test_the_follow_up_work_list_holds_ones_visits(world: World, s: Session, reader: str) -> None:
    who = world.actor(s, reader)
    got = outcome(lambda: followups.work_list(s, who, horizon_days=None))
    expected = VISITS[reader]
    if expected == DENIED:
        assert got == DENIED
        return
    assert world.keys(v.case_id for v in got) == expected
    for key, visit_id in world.visits.items():
        try:
            info = followups.visit_info(s, who, visit_id)
        except NotFound:
            assert key not in expected
        else:
            assert key in expected and info.case_id == world.cases[key]


# --------------------------------------------------------------------------- routing


MY_CASES = {
    "mediator": {"a"},
    "mediator2": set(),
    "mediator_b": {"b"},
    "moved": set(),  # not moved_reopened
}
# the moved mediator works for another office now: both reopened cases need assigning again
TO_ASSIGN = {
    "manager_a": {"a2", "moved_reopened", "moved_accepted"},
    "manager_b": {"tr"},
    "city": {"a2", "tr", "moved_reopened", "moved_accepted"},
}
STATION_CASES = {key: SCOPE[key] for key in STAFF}


@pytest.mark.parametrize("reader", READERS)
def test_the_work_lists_hold_the_scope(world: World, s: Session, reader: str) -> None:
    who = world.actor(s, reader)

    def keys(call: Callable[[], routing.WorkList]) -> Any:
        got = outcome(call)
        return got if got == DENIED else world.keys(r.id for r in got.rows)

    assert keys(lambda: routing.my_cases(s, who, limit=100)) == MY_CASES.get(reader, DENIED)
    assert keys(lambda: routing.to_assign(s, who, limit=100)) == TO_ASSIGN.get(reader, DENIED)
    assert keys(lambda: routing.station_cases(s, who, limit=100)) == STATION_CASES.get(
        reader, DENIED
    )
    for office, cases in (("TL01", TL01), ("TL02", TL02)):
        got = keys(lambda o=office: routing.to_assign(s, who, office_code=o, limit=100))  # type: ignore[misc]
        if reader in ("city", "manager_a" if office == "TL01" else "manager_b"):
            assert got == TO_ASSIGN["city"] & cases
        else:
            assert got == DENIED


@pytest.mark.parametrize("reader", READERS)
def test_office_transfers_and_mediator_loads_are_the_managers(
    world: World, s: Session, reader: str
) -> None:
    who = world.actor(s, reader)
    for office, direction in (("TL01", "out"), ("TL02", "in")):
        got = outcome(lambda o=office: routing.office_transfers(s, who, o))  # type: ignore[misc]
        own = reader in ("city", "manager_a" if office == "TL01" else "manager_b")
        if own:
            assert [(r.case_number, r.direction) for r in got] == [(world.numbers["tr"], direction)]
        else:
            assert got == DENIED
        office_id = s.scalar(
            select(Case.office_id).where(Case.id == world.cases["a" if office == "TL01" else "b"])
        )
        loads = outcome(lambda i=office_id: routing.mediator_loads(s, who, i))  # type: ignore[misc]
        assert (loads != DENIED) == own
    for key in ("a", "b"):
        got = outcome(lambda k=key: routing.suggest_mediator(s, who, world.cases[k]))  # type: ignore[misc]
        own = reader in ("city", "manager_a" if key == "a" else "manager_b")
        assert (got != DENIED) == own


# --------------------------------------------------------------------------- managers' views


@pytest.mark.parametrize("reader", READERS)
def test_the_deadline_board_shows_ones_offices(world: World, s: Session, reader: str) -> None:
    who = world.actor(s, reader)
    got = outcome(lambda: deadline_board(s, who))
    if reader not in MANAGERS:
        assert got == DENIED
        return
    codes = {o.code for o in got.offices}
    if reader in CITYWIDE:
        assert {"TL01", "TL02"} <= codes and len(codes) == 9
    else:
        assert codes == {"TL01" if reader == "manager_a" else "TL02"}
    open_keys = OPEN & SCOPE[reader]
    assert got.totals.open_cases == len(open_keys)


PERIOD = dashboard.Period(TODAY - dt.timedelta(days=400), TODAY)


@pytest.mark.parametrize("reader", READERS)
def test_the_dashboard_and_its_drill_down_hold_the_scope(
    world: World, s: Session, reader: str
) -> None:
    who = world.actor(s, reader)
    flt = dashboard.DashboardFilter(PERIOD)
    got = outcome(lambda: dashboard.figures(s, who, flt))
    if reader not in MANAGERS:
        assert got == DENIED
        assert outcome(lambda: dashboard.drill_down(s, who, flt, "received")) == DENIED
        return
    assert got.total.received == len(SCOPE[reader])
    assert {o.code for o in got.offices} >= ({"TL01", "TL02"} if reader in CITYWIDE else set())
    if reader not in CITYWIDE:
        assert {o.code for o in got.offices} == {"TL01" if reader == "manager_a" else "TL02"}
    for key in ("received", "open", "overdue", "consultations_requested", "visits_due"):
        drilled = world.keys(dashboard.drill_down(s, who, flt, key))
        assert drilled <= SCOPE[reader], key
    assert world.keys(dashboard.drill_down(s, who, flt, "received")) == SCOPE[reader]
    for office in ("TL01", "TL02"):
        office_id = s.scalar(
            select(Case.office_id).where(Case.id == world.cases["a" if office == "TL01" else "b"])
        )
        other = dashboard.DashboardFilter(PERIOD, office_id=office_id)
        drilled = outcome(lambda f=other: dashboard.drill_down(s, who, f, "received"))  # type: ignore[misc]
        if reader in CITYWIDE or reader == ("manager_a" if office == "TL01" else "manager_b"):
            assert world.keys(drilled) == SCOPE[reader] & (TL01 if office == "TL01" else TL02)
        else:
            assert drilled == DENIED


@pytest.mark.parametrize("reader", ["staff_a", "mediator", "manager_a", "manager_b", "city"])
def test_the_report_workbook_holds_the_scope_masked(
    world: World, s: Session, reader: str, tmp_path: Path
) -> None:
    who = world.actor(s, reader)
    out = tmp_path / "report.xlsx"
    got = outcome(lambda: reports.write_report(s, who, out, PERIOD))
    if reader not in MANAGERS:
        assert got == DENIED and not out.exists()
        return
    wb = load_workbook(out, read_only=True)
    try:
        cells = [
            str(v)
            for ws in wb.worksheets
            for row in ws.iter_rows(values_only=True)
            for v in row
            if v is not None
        ]
    finally:
        wb.close()
    numbers = {k for k, n in world.numbers.items() if n in cells}
    assert numbers == SCOPE[reader]
    for key in world.cases:  # no ID number or phone in full, not even of the scope's
        assert not any(
            world.applicant_id[key] in c or world.applicant_phone[key] in c for c in cells
        )
    if reader not in CITYWIDE:  # another office's report is refused
        other = "TL02" if reader == "manager_a" else "TL01"
        office_id = s.scalar(select(Office.id).where(Office.code == other))
        assert (
            outcome(
                lambda: reports.write_report(
                    s, who, tmp_path / "x.xlsx", PERIOD, office_id=office_id
                )
            )
            == DENIED
        )


@pytest.mark.parametrize("reader", READERS)
def test_the_organisation_tree_shows_ones_part(world: World, s: Session, reader: str) -> None:
    who = world.actor(s, reader)
    tree = org.org_tree(s, who)
    if reader in CITYWIDE:
        assert len(tree) == 9
        return
    (office,) = tree
    own_office = "TL01" if SCOPE[reader] <= TL01 else "TL02"
    assert office.code == own_office
    if reader in STAFF:
        (station,) = office.stations
        # only the station's open cases, not the whole office's
        open_here = OPEN & SCOPE[reader]
        assert office.open_cases == station.open_cases == len(open_here)
    else:
        assert office.open_cases == len(OPEN & SCOPE[reader])


def test_the_world_is_as_described(world: World, s: Session) -> None:
    """The fixture built what the tables assume (the transfer, the move, the visits)."""
    tr = s.get(Case, world.cases["tr"])
    assert tr is not None and tr.station_id is None
    moved = s.get(User, world.users["moved"])
    reopened = s.get(Case, world.cases["moved_reopened"])
    assert moved is not None and reopened is not None
    # Reopening released the mediator who had left for TL02 (workflow.reopen).
    assert reopened.status == CaseStatus.MEDIATING and reopened.mediator_id is None
    assert moved.office_id != reopened.office_id
    responsible = s.scalars(
        select(FollowUpVisit.responsible_id).where(FollowUpVisit.id == world.visits["moved_closed"])
    ).one()
    assert responsible == moved.id
