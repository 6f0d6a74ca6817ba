"""Complaint intake: validation (examples and properties), registration, numbers, files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db
from ipdesk.models import (
    Attachment,
    Blob,
    Case,
    CaseEvent,
    CaseLimit,
    CaseSequence,
    CaseStatus,
    IpType,
    LimitKind,
    Party,
    Role,
)
from ipdesk.services.actors import Actor
from ipdesk.services.cases.intake import (
    MESSAGES,
    AttachmentInput,
    IntakeForm,
    PartyForm,
    attachment_path,
    check_intake,
    default_form,
    find_conflicts,
    form_from_json,
    form_to_json,
    parse_amount,
    register_case,
    validate_intake,
)
from ipdesk.services.errors import PermissionDenied, ValidationError, ValidationErrors
from ipdesk.services.infra import blobs
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import legal_today
from tests.helpers.factories import REGISTRAR, make_case, make_user, seed, valid_intake_form

TODAY = dt.date(2026, 11, 27)


def codes(errors: list[ValidationError]) -> dict[str, str]:
    return {e.field: e.code for e in errors}


def with_party(form: IntakeForm, index: int, **changes: object) -> IntakeForm:
    parties = list(form.parties)
    parties[index] = dataclasses.replace(parties[index], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(form, parties=tuple(parties))


# --------------------------------------------------------------------------- validation


def test_a_valid_form_passes() -> None:
    form = valid_intake_form(received=TODAY)
    assert validate_intake(form, today=TODAY) == []
    clean = check_intake(form, today=TODAY).clean
    assert clean is not None
    assert clean.amount_claimed == Decimal("12000.00")
    assert clean.parties[0].sex in ("male", "female")
    assert clean.parties[0].birth_date == dt.date(1980, 5, 17)


def test_an_empty_form_names_every_required_field() -> None:
    errors = validate_intake(IntakeForm(dispute_type="", channel=""), today=TODAY)
    assert codes(errors) == {
        "received": "received_empty",
        "station": "station_empty",
        "ip_type": "ip_type_empty",
        "dispute_type": "dispute_type_invalid",
        "channel": "channel_invalid",
        "facts": "facts_empty",
        "claim": "claim_empty",
        "parties": "respondent_missing",
    }
    assert [e.code for e in errors if e.field == "parties"] == [
        "applicant_missing",
        "respondent_missing",
    ]
    assert all(e.message for e in errors)


@pytest.mark.parametrize(
    ("index", "changes", "field", "code", "message"),
    [
        (0, {"id_number": "150502198005170011"}, "id_number", "id_checksum", "身份证号校验位错误"),
        (0, {"id_number": "15050219800231001X"}, "id_number", "id_checksum", None),
        (0, {"id_number": ""}, "id_number", "id_empty", "身份证号不能为空"),
        (0, {"id_number": "1505021980"}, "id_number", "id_length", None),
        (0, {"name": "  "}, "name", "party_name_empty", "姓名/名称不能为空"),
        (0, {"phone": "12345"}, "phone", "phone_format", None),
        (0, {"kind": "robot"}, "kind", "party_kind_invalid", None),
        (1, {"id_number": "91150502MA0N1234X0"}, "id_number", "uscc_checksum", None),
        (1, {"id_number": "91150502MA0N1234IO"}, "id_number", "uscc_chars", None),
        (1, {"role": "judge"}, "role", "party_role_invalid", None),
    ],
)
def test_party_errors_are_marked_on_their_field(
    index: int, changes: dict[str, object], field: str, code: str, message: str | None
) -> None:
    form = with_party(valid_intake_form(received=TODAY), index, **changes)
    # (a party without a valid role also leaves its role missing: field "parties")
    errors = [e for e in validate_intake(form, today=TODAY) if e.field != "parties"]
    assert [(e.field, e.code) for e in errors] == [(f"parties[{index}].{field}", code)]
    if message:
        assert errors[0].message == message


def test_a_birth_date_in_the_id_must_exist() -> None:
    body = "15050219800230001"  # 30 February
    number = body + ids.resident_id_check_char(body)
    form = with_party(valid_intake_form(received=TODAY), 0, id_number=number)
    assert codes(validate_intake(form, today=TODAY)) == {"parties[0].id_number": "id_birth_date"}


def test_an_unknown_area_code_is_only_a_warning() -> None:
    number = ids.make_resident_id(random.Random(3), "999999", dt.date(1990, 1, 1))
    check = check_intake(
        with_party(valid_intake_form(received=TODAY), 0, id_number=number), today=TODAY
    )
    assert check.errors == ()
    assert [(w.field, w.code) for w in check.warnings] == [
        ("parties[0].id_number", "id_area_unknown")
    ]


def test_a_credit_code_with_a_letter_authority_is_valid() -> None:
    # python-stdnum refuses registering authorities N and Y; the checksum decides here.
    body = "N2150502MA0N1234"
    org = ids.org_code_check_char(body[8:16])
    code = body + org
    code += ids.uscc_check_char(code)
    form = with_party(valid_intake_form(received=TODAY), 1, id_number=code)
    assert validate_intake(form, today=TODAY) == []


@pytest.mark.parametrize(
    ("ip_type", "number", "code"),
    [
        ("patent_invention", "200310102344.5", None),
        ("发明专利", "ZL200310102344.5", None),
        ("patent_invention", "200310102344.6", "patent_checksum"),
        ("patent_invention", "", "patent_empty"),
        ("patent_design", "200310102344.5", "patent_kind_mismatch"),
        ("实用新型专利", "abc", "patent_format"),
        ("trademark", "12345678", None),
        ("商标", "123456789", "trademark_format"),
        ("trademark", "", "trademark_empty"),
        ("copyright", "", None),
        ("copyright", "蒙作登字-2024-A-00001234", None),
        ("商业秘密", "x" * 41, "right_number_format"),
        ("其他", "", None),
        ("专利", "200310102344.5", "ip_type_invalid"),  # which kind of patent?
    ],
)
def test_the_right_number_is_checked_by_ip_type(
    ip_type: str, number: str, code: str | None
) -> None:
    form = valid_intake_form(received=TODAY, ip_type=ip_type, right_number=number)
    errors = validate_intake(form, today=TODAY)
    if code is None:
        assert errors == []
    else:
        assert [e.code for e in errors] == [code]
        assert errors[0].field in ("right_number", "ip_type")


def test_patent_error_messages_are_specific() -> None:
    form = valid_intake_form(
        received=TODAY, ip_type="patent_invention", right_number="200310102344.6"
    )
    assert validate_intake(form, today=TODAY)[0].message == "专利申请号校验位错误"


def test_the_right_number_is_stored_canonically() -> None:
    form = valid_intake_form(
        received=TODAY, ip_type="patent_invention", right_number="ZL 2003101023445"
    )
    clean = check_intake(form, today=TODAY).clean
    assert clean is not None and clean.right_number == "200310102344.5"
    form = valid_intake_form(received=TODAY, right_number="００１２３４５")  # full width
    clean = check_intake(form, today=TODAY).clean
    assert clean is not None and clean.right_number == "12345"


@pytest.mark.parametrize(
    ("text", "amount", "code"),
    [
        ("12000", Decimal("12000.00"), None),
        ("12,000.50", Decimal("12000.50"), None),
        ("￥300元", Decimal("300.00"), None),
        ("0", Decimal("0.00"), None),
        ("", None, None),
        (Decimal("1.5"), Decimal("1.50"), None),
        ("1.234", None, "amount_precision"),
        ("-5", None, "amount_negative"),
        ("abc", None, "amount_format"),
        ("1e3", None, "amount_format"),
        ("NaN", None, "amount_format"),
        (Decimal("sNaN"), None, "amount_format"),
        (Decimal("Infinity"), None, "amount_format"),
        ("1000000000000", None, "amount_too_large"),
        (12.5, None, "amount_format"),  # money is never a float
    ],
)
def test_amounts_are_decimal_yuan(text: object, amount: Decimal | None, code: str | None) -> None:
    if code is None:
        assert parse_amount(text) == amount
        assert isinstance(parse_amount(text), Decimal | None)
    else:
        with pytest.raises(ValidationError) as caught:
            parse_amount(text)
        assert caught.value.code == code
        assert caught.value.field == "amount_claimed"


@pytest.mark.parametrize(
    ("received", "code"),
    [
        (TODAY, None),
        ("2026-11-27", None),
        ("2026/11/27", None),
        ("2026年11月27日", None),
        ("２０２６－１１－２７", None),
        ("20261127", None),
        (dt.datetime(2026, 11, 1, 9, 30), None),
        (TODAY + dt.timedelta(days=1), "received_future"),
        ("2026-02-30", "received_format"),
        ("yesterday", "received_format"),
        ("1999-12-31", "received_too_early"),
        ("", "received_empty"),
        (None, "received_empty"),
    ],
)
def test_received_date(received: object, code: str | None) -> None:
    form = valid_intake_form(received=TODAY)
    form = dataclasses.replace(form, received=received)
    errors = validate_intake(form, today=TODAY)
    assert [e.code for e in errors] == ([code] if code else [])


def test_a_court_referral_needs_the_courts_case_number() -> None:
    form = valid_intake_form(received=TODAY, channel="法院委派")
    assert codes(validate_intake(form, today=TODAY)) == {
        "court_case_number": "court_case_number_empty"
    }
    form = dataclasses.replace(form, court_case_number="（2026）内0502民初123号")
    assert validate_intake(form, today=TODAY) == []


def test_agents_represent_a_party_of_the_case() -> None:
    base = valid_intake_form(received=TODAY)
    agent = PartyForm(role="代理人", kind="person", name="赵律师", represents=0)
    assert validate_intake(dataclasses.replace(base, parties=(*base.parties, agent))) == []
    for target in (2, 7, -1):
        bad = dataclasses.replace(agent, represents=target)
        errors = validate_intake(dataclasses.replace(base, parties=(*base.parties, bad)))
        assert codes(errors) == {"parties[2].represents": "agent_represents"}
    errors = validate_intake(with_party(base, 1, represents=0), today=TODAY)
    assert codes(errors) == {"parties[1].represents": "represents_not_agent"}


def test_the_same_id_number_twice_is_refused() -> None:
    base = valid_intake_form(received=TODAY)
    twin = dataclasses.replace(base.parties[0], role="respondent", name="王伟（同一人）")
    errors = validate_intake(dataclasses.replace(base, parties=(*base.parties, twin)))
    assert codes(errors) == {"parties[2].id_number": "party_duplicate_id"}
    assert errors[0].message == "与第1位当事人的证件号相同"


def test_control_characters_and_overlong_text_are_refused() -> None:
    form = valid_intake_form(received=TODAY, facts="事实\x00", right_holder="名" * 201)
    assert codes(validate_intake(form, today=TODAY)) == {
        "facts": "text_control",
        "right_holder": "text_too_long",
    }
    form = valid_intake_form(received=TODAY, facts="第一段\n\t第二段")
    assert validate_intake(form, today=TODAY) == []


def test_windows_line_ends_in_long_text_become_plain_line_breaks() -> None:
    """Text pasted or imported from Windows (CR LF) or old Mac files (CR) is accepted, with
    plain line breaks; a CR in a one-line field is still a control character."""
    form = valid_intake_form(received=TODAY, facts="第一段\r\n第二段\r第三段", claim="请求\r\n赔偿")
    check = check_intake(form, today=TODAY)
    assert check.errors == ()
    assert check.clean is not None
    assert (check.clean.facts, check.clean.claim) == ("第一段\n第二段\n第三段", "请求\n赔偿")
    form = valid_intake_form(received=TODAY, right_holder="某某\r公司")
    assert codes(validate_intake(form, today=TODAY)) == {"right_holder": "text_control"}


# --------------------------------------------------------------------------- properties

_KNOWN_CODES = set(MESSAGES) | set(ids.MESSAGES)
_odd_text = st.text(max_size=30) | st.sampled_from(
    ["", " ", "王伟", "ZL200310102344.5", "150502198005170018", "1e99", "NaN", "-0", "\x00"]
)
_garbage_party = st.builds(
    PartyForm,
    role=_odd_text | st.sampled_from(["applicant", "respondent", "agent", "申请人"]),
    kind=_odd_text | st.sampled_from(["person", "organisation", "组织"]),
    name=_odd_text,
    id_number=_odd_text,
    phone=_odd_text,
    address=_odd_text,
    ethnicity=_odd_text,
    legal_representative=_odd_text,
    legal_representative_title=_odd_text,
    represents=st.none() | st.integers(-3, 6),
)
_garbage_form = st.builds(
    IntakeForm,
    parties=st.lists(_garbage_party, max_size=5).map(tuple),
    ip_type=_odd_text | st.sampled_from([t.value for t in IpType]),
    right_number=_odd_text,
    right_holder=_odd_text,
    dispute_type=_odd_text,
    facts=_odd_text,
    claim=_odd_text,
    amount_claimed=st.none() | _odd_text | st.decimals(allow_nan=True, allow_infinity=True),
    channel=_odd_text,
    court=_odd_text,
    court_case_number=_odd_text,
    station=_odd_text,
    received=st.none() | _odd_text | st.dates(),
    category=_odd_text,
)


@settings(max_examples=300, deadline=None)
@given(_garbage_form)
def test_garbage_yields_validation_errors_only(form: IntakeForm) -> None:
    check = check_intake(form, today=TODAY)  # must not raise
    assert all(isinstance(e, ValidationError) for e in check.errors)
    assert all(e.code in _KNOWN_CODES and e.message and e.field for e in check.errors)
    assert (check.clean is None) == bool(check.errors)


_cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_PATENT_KINDS = {
    "patent_invention": ("invention", "pct_invention"),
    "patent_utility_model": ("utility_model", "pct_utility_model"),
    "patent_design": ("design",),
}


@st.composite
def valid_forms(draw: st.DrawFn) -> IntakeForm:
    rng = random.Random(draw(st.integers(0, 2**32)))
    ip_type = draw(st.sampled_from([t.value for t in IpType]))
    if ip_type in _PATENT_KINDS:
        right = ids.make_patent_number(
            rng, draw(st.integers(2003, 2026)), draw(st.sampled_from(_PATENT_KINDS[ip_type]))
        )
        if draw(st.booleans()):
            right = "ZL" + right.replace(".", "")
    elif ip_type == "trademark":
        right = ids.make_trademark_number(rng)
    else:
        right = draw(st.text(alphabet="0123456789-ABC蒙作登字", max_size=40))
    parties = []
    for role in ("applicant", "respondent"):
        person = draw(st.booleans())
        number = (
            ids.make_resident_id(rng, draw(st.sampled_from(["150502", "110101", "999999"])))
            if person
            else ids.make_uscc(rng)
        )
        if role == "respondent" and draw(st.booleans()):
            number = ""
        parties.append(
            PartyForm(
                role=role,
                kind="person" if person else "organisation",
                name=draw(st.text(_cjk, min_size=1, max_size=20)),
                id_number=number,
                phone=draw(
                    st.sampled_from(["", "13912345678", "0475-8123456", "+86 138 1234 5678"])
                ),
            )
        )
    channel = draw(st.sampled_from(["walk_in", "phone", "online", "court_referral", "transfer"]))
    return IntakeForm(
        parties=tuple(parties),
        ip_type=ip_type,
        right_number=right,
        dispute_type=draw(st.sampled_from(["infringement", "ownership", "合同纠纷"])),
        facts=draw(st.text(_cjk, min_size=1, max_size=200)),
        claim=draw(st.text(_cjk, min_size=1, max_size=100)),
        amount_claimed=draw(
            st.none()
            | st.decimals(min_value=0, max_value=10**11, places=2)
            | st.integers(0, 10**9).map(str)
        ),
        channel=channel,
        court_case_number="（2026）内05民初1号" if channel == "court_referral" else "",
        station="TL01-S01",
        received=draw(st.dates(dt.date(2000, 1, 1), TODAY)),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_forms())
def test_generated_valid_forms_always_pass(form: IntakeForm) -> None:
    assert validate_intake(form, today=TODAY) == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_forms())
def test_drafts_round_trip_through_json(form: IntakeForm) -> None:
    import json

    data = json.loads(json.dumps(form_to_json(form)))
    again = form_from_json(data)
    assert validate_intake(again, today=TODAY) == []
    assert check_intake(again, today=TODAY).clean == check_intake(form, today=TODAY).clean


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["parties", "received", "name", "represents", "x"]), inner
            )
        ),
        max_leaves=10,
    )
)
def test_a_damaged_draft_still_gives_a_form(data: object) -> None:
    assert isinstance(form_from_json(data), IntakeForm)


# --------------------------------------------------------------------------- registration


@pytest.fixture
def sessions(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


def staff(sessions: sessionmaker[Session], station: str = "TL01-S01") -> Actor:
    with sessions.begin() as s:
        return Actor.of(make_user(s, Role.STATION_STAFF, station=station))


def test_register_writes_case_parties_event_and_limits(sessions: sessionmaker[Session]) -> None:
    actor = staff(sessions)
    today = legal_today()
    with sessions.begin() as s:
        done = register_case(s, actor, valid_intake_form(received=today))
    assert done.number == f"TL01-{today.year}-00001"
    assert (done.office_code, done.station_code) == ("TL01", "TL01-S01")
    with sessions() as s:
        case = s.get(Case, done.id)
        assert case is not None
        assert case.status == CaseStatus.REGISTERED
        assert case.created_by_id == actor.user_id
        assert case.amount_claimed == Decimal("12000.00")
        assert [(p.role.value, p.kind.value, p.position) for p in case.parties] == [
            ("applicant", "person", 0),
            ("respondent", "organisation", 1),
        ]
        assert case.parties[0].birth_date == dt.date(1980, 5, 17)
        events = s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)).all()
        assert [(e.kind, e.to_status, e.user_id) for e in events] == [
            ("registered", "registered", actor.user_id)
        ]
        limits = s.scalars(select(CaseLimit).where(CaseLimit.case_id == case.id)).all()
        assert [(lim.kind, lim.start_on) for lim in limits] == [
            (LimitKind.ACCEPTANCE_DECISION, today)
        ]


def test_default_form_is_for_the_users_own_station(sessions: sessionmaker[Session]) -> None:
    actor = staff(sessions, "TL03-S02")
    with sessions() as s:
        form = default_form(s, actor, today=TODAY)
    assert (form.station, form.received) == ("TL03-S02", TODAY)
    assert [p.role for p in form.parties] == ["applicant", "respondent"]


def test_numbers_are_gap_free_per_office_and_year(sessions: sessionmaker[Session]) -> None:
    actor = REGISTRAR
    last_year = dt.date(legal_today().year - 1, 6, 1)
    numbers = []
    for received, station in [
        (legal_today(), "TL01-S01"),
        (legal_today(), "TL01-S02"),  # same office
        (legal_today(), "TL02-S01"),  # another office
        (last_year, "TL01-S01"),  # another year
        (legal_today(), "TL01-S01"),
    ]:
        with sessions.begin() as s:
            numbers.append(
                register_case(s, actor, valid_intake_form(station, received=received)).number
            )
    y = legal_today().year
    assert numbers == [
        f"TL01-{y}-00001",
        f"TL01-{y}-00002",
        f"TL02-{y}-00001",
        f"TL01-{y - 1}-00001",
        f"TL01-{y}-00003",
    ]


def test_a_rolled_back_registration_gives_its_number_back(
    sessions: sessionmaker[Session],
) -> None:
    actor = REGISTRAR
    with sessions() as s, s.begin():
        first = register_case(s, actor, valid_intake_form())
        s.rollback()
    with sessions.begin() as s:
        second = register_case(s, actor, valid_intake_form())
    assert first.number == second.number
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 1


def test_numbers_follow_the_ones_handed_out_by_the_orm(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        old = make_case(s, "TL01-S01", received_on=legal_today())
        new = register_case(s, REGISTRAR, valid_intake_form())
        after = make_case(s, "TL01-S01", received_on=legal_today())
    assert [old.number[-5:], new.number[-5:], after.number[-5:]] == ["00001", "00002", "00003"]


def test_invalid_forms_are_refused_with_every_error(sessions: sessionmaker[Session]) -> None:
    form = with_party(valid_intake_form(station="NOPE"), 0, id_number="150502198005170011")
    with sessions.begin() as s, pytest.raises(ValidationErrors) as caught:
        register_case(s, REGISTRAR, dataclasses.replace(form, facts=""))
    assert codes(caught.value.errors) == {
        "facts": "facts_empty",
        "parties[0].id_number": "id_checksum",
        "station": "station_unknown",
    }
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0


@pytest.mark.parametrize(
    ("role", "office", "station", "target", "outcome"),
    [
        (Role.STATION_STAFF, None, "TL01-S01", "TL01-S01", "ok"),
        (Role.STATION_STAFF, None, "TL01-S01", "TL01-S02", "station_out_of_scope"),
        (Role.OFFICE_MANAGER, "TL01", None, "TL01-S05", "ok"),
        (Role.OFFICE_MANAGER, "TL01", None, "TL02-S01", "station_out_of_scope"),
        (Role.CITY_MANAGER, None, None, "TL09-S01", "ok"),
        (Role.MEDIATOR, "TL01", None, "TL01-S01", "permission"),
    ],
)
def test_who_registers_where(
    sessions: sessionmaker[Session],
    role: Role,
    office: str | None,
    station: str | None,
    target: str,
    outcome: str,
) -> None:
    with sessions.begin() as s:
        actor = Actor.of(make_user(s, role, office=office, station=station))
    with sessions.begin() as s:
        if outcome == "ok":
            assert register_case(s, actor, valid_intake_form(target)).station_code == target
        elif outcome == "permission":
            with pytest.raises(PermissionDenied):
                register_case(s, actor, valid_intake_form(target))
        else:
            with pytest.raises(ValidationErrors) as caught:
                register_case(s, actor, valid_intake_form(target))
            assert codes(caught.value.errors) == {"station": outcome}


def test_an_unknown_court_is_refused(sessions: sessionmaker[Session]) -> None:
    form = valid_intake_form(
        channel="court_referral", court="CT-XX", court_case_number="（2026）内0502民诉前调1号"
    )
    with sessions.begin() as s, pytest.raises(ValidationErrors) as caught:
        register_case(s, REGISTRAR, form)
    assert codes(caught.value.errors) == {"court": "court_unknown"}
    with sessions.begin() as s:
        done = register_case(s, REGISTRAR, dataclasses.replace(form, court="CT-KEQ"))
        assert s.get(Case, done.id).referring_court_id is not None  # type: ignore[union-attr]


@pytest.mark.parametrize("code", ["\x00", "TL01-S01\x00", "\x1b[31m"])
def test_codes_with_control_characters_are_unknown(
    sessions: sessionmaker[Session], code: str
) -> None:
    """Found by the property test below: PostgreSQL refuses NUL in a text parameter, so a
    station or court code with one must be refused before any query."""
    form = valid_intake_form(
        station=code,
        channel="court_referral",
        court=code,
        court_case_number="（2026）内0502民诉前调1号",
    )
    with sessions.begin() as s, pytest.raises(ValidationErrors) as caught:
        register_case(s, REGISTRAR, form)
    assert set(codes(caught.value.errors)) == {"station", "court"}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(form=_garbage_form)
def test_registering_garbage_raises_validation_errors_only(
    sessions: sessionmaker[Session], form: IntakeForm
) -> None:
    with sessions.begin() as s:
        try:
            register_case(s, REGISTRAR, form)
        except ValidationErrors as exc:
            assert exc.errors and all(isinstance(e, ValidationError) for e in exc.errors)


# --------------------------------------------------------------------------- concurrency


def test_concurrent_registrations_get_consecutive_numbers(database_url: str) -> None:
    """Two clients (engines) register in the same office at the same moments."""
    engines: list[Engine] = [db.make_engine(database_url) for _ in range(2)]
    try:
        factories = [db.make_session_factory(e) for e in engines]
        with factories[0].begin() as s:
            seed(s)
        per_client, numbers, failures = 8, [], []
        barrier = threading.Barrier(2)
        lock = threading.Lock()

        def client(index: int) -> None:
            try:
                for i in range(per_client):
                    barrier.wait(timeout=30)
                    station = "TL01-S01" if index == 0 else "TL01-S02"
                    with factories[index].begin() as s:
                        done = register_case(
                            s, REGISTRAR, valid_intake_form(station, seed=index * 100 + i)
                        )
                    with lock:
                        numbers.append(done.number)
            except BaseException as exc:  # reported below
                failures.append(exc)
                barrier.abort()

        threads = [threading.Thread(target=client, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert failures == []
        year = legal_today().year
        assert sorted(numbers) == [f"TL01-{year}-{n:05d}" for n in range(1, 2 * per_client + 1)]
        with factories[0]() as s:
            office_id = s.scalar(select(Case.office_id).limit(1))
            sequence = s.get(CaseSequence, (office_id, year))
            assert sequence is not None and sequence.last_value == 2 * per_client
    finally:
        for e in engines:
            e.dispose()


def test_a_second_client_waits_for_the_first_to_commit(database_url: str) -> None:
    """The sequence row stays locked until the first registration's transaction ends."""
    engines = [db.make_engine(database_url) for _ in range(2)]
    try:
        first_sessions, second_sessions = (db.make_session_factory(e) for e in engines)
        with first_sessions.begin() as s:
            seed(s)
        registered, release = threading.Event(), threading.Event()
        results: dict[str, str] = {}

        def second() -> None:
            registered.wait(timeout=30)
            with second_sessions.begin() as s:
                results["second"] = register_case(s, REGISTRAR, valid_intake_form()).number

        thread = threading.Thread(target=second)
        thread.start()
        with first_sessions.begin() as s:
            results["first"] = register_case(s, REGISTRAR, valid_intake_form()).number
            registered.set()
            release.wait(timeout=0.5)  # the second client is now blocked
            assert "second" not in results
        thread.join(timeout=60)
        assert [results["first"][-5:], results["second"][-5:]] == ["00001", "00002"]
    finally:
        for e in engines:
            e.dispose()


# --------------------------------------------------------------------------- attachments


def evidence(tmp_path: Path, name: str, content: bytes) -> AttachmentInput:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return AttachmentInput(path, description="证据")


def stored_files(store: Path) -> list[Path]:
    return sorted(p for p in store.rglob("*") if p.is_file()) if store.exists() else []


def stored_contents(sessions: sessionmaker[Session]) -> int:
    """How many contents the database's store holds (services/infra/blobs.py)."""
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(Blob)) or 0


def test_attachments_are_copied_by_sha256(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    import hashlib

    store = tmp_path / "store"
    files = [
        evidence(tmp_path, "公证书.PDF", b"%PDF-1.4 notarised"),
        evidence(tmp_path, "照片", b"jpg"),
    ]
    with sessions.begin() as s:
        done = register_case(s, REGISTRAR, valid_intake_form(), files, store=store)
    assert [a.original_name for a in done.attachments] == ["公证书.PDF", "照片"]
    first = done.attachments[0]
    assert first.sha256 == hashlib.sha256(b"%PDF-1.4 notarised").hexdigest()
    assert first.stored_name == f"{done.id}/{first.sha256}.pdf"
    # "jpg" is plain text by its content: stored under an extension of that kind
    assert done.attachments[1].stored_name == f"{done.id}/{done.attachments[1].sha256}.txt"
    with sessions() as s:  # the contents are in the database, not in the store folder
        assert b"".join(blobs.iter_chunks(s, first.sha256)) == b"%PDF-1.4 notarised"
    assert stored_contents(sessions) == 2
    assert stored_files(store) == []
    assert attachment_path(store, first.stored_name) == store / str(done.id) / (
        first.sha256 + ".pdf"
    )
    with sessions() as s:
        rows = s.scalars(select(Attachment).order_by(Attachment.id)).all()
        assert [(a.size, a.description) for a in rows] == [(18, "证据"), (3, "证据")]


def test_a_file_over_the_limit_is_refused_with_a_clear_message(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    files = [evidence(tmp_path, "ok.txt", b"x"), evidence(tmp_path, "录像.mp4", b"y" * 3000)]
    with sessions.begin() as s, pytest.raises(ValidationErrors) as caught:
        register_case(
            s, REGISTRAR, valid_intake_form(), files, store=store, max_attachment_bytes=2048
        )
    (error,) = caught.value.errors
    assert (error.field, error.code) == ("attachments[1]", "attachment_too_large")
    assert error.message == "附件“录像.mp4”大小为2.9 KB，超过上限2.0 KB"
    assert stored_contents(sessions) == 0
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0


def test_missing_and_duplicate_files_are_refused(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    missing = AttachmentInput(tmp_path / "nowhere.pdf")
    with sessions.begin() as s, pytest.raises(ValidationErrors) as caught:
        register_case(s, REGISTRAR, valid_intake_form(), [missing], store=store)
    assert codes(caught.value.errors) == {"attachments[0]": "attachment_missing"}
    twice = [evidence(tmp_path, "a.jpg", b"same"), evidence(tmp_path, "b.jpg", b"same")]
    with sessions.begin() as s, pytest.raises(ValidationErrors) as caught:
        register_case(s, REGISTRAR, valid_intake_form(), twice, store=store)
    assert codes(caught.value.errors) == {"attachments[1]": "attachment_duplicate"}
    assert stored_contents(sessions) == 0


def test_files_are_removed_when_the_transaction_fails(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    files = [evidence(tmp_path, "a.pdf", b"evidence")]
    with pytest.raises(RuntimeError), sessions.begin() as s:
        register_case(s, REGISTRAR, valid_intake_form(), files, store=store)
        assert s.scalar(select(func.count()).select_from(Blob)) == 1
        raise RuntimeError("the power went out")
    assert stored_contents(sessions) == 0
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0
        assert s.scalar(select(func.count()).select_from(Party)) == 0
    # and the files of a committed registration stay
    with sessions.begin() as s:
        register_case(s, REGISTRAR, valid_intake_form(), files, store=store)
    assert stored_contents(sessions) == 1


# --------------------------------------------------------------------------- conflicts


def test_conflicts_warn_about_open_cases_of_the_same_dispute(
    sessions: sessionmaker[Session],
) -> None:
    form = valid_intake_form("TL01-S01", seed=5)
    with sessions.begin() as s:
        first = register_case(s, REGISTRAR, form)
        # the same respondent and trademark, another applicant, at another station
        other = with_party(form, 0, name="张三", id_number=ids.make_resident_id(random.Random(9)))
        second = register_case(s, REGISTRAR, dataclasses.replace(other, station="TL02-S01"))
        # a closed case of the same parties does not count
        make_case(
            s, "TL01-S01", CaseStatus.CLOSED, applicant="王伟", respondent=form.parties[1].name
        )
        actor = Actor.of(make_user(s, Role.STATION_STAFF, station="TL01-S01"))
    with sessions() as s:
        hits = find_conflicts(s, actor, form)
    assert [(h.number, h.reason, h.may_open) for h in hits] == [
        (second.number, "same_respondent_and_right", False),
        (first.number, "same_respondent_and_right", True),
    ]
    assert first.number in hits[1].message
    # same applicant and respondent, another right
    with sessions() as s:
        hits = find_conflicts(s, actor, dataclasses.replace(form, right_number="99999"))
    assert [(h.number, h.reason) for h in hits] == [(first.number, "same_parties")]
    # a respondent matched by name only (no ID number typed), unrelated applicant
    unrelated = with_party(form, 1, id_number="")
    unrelated = with_party(unrelated, 0, name="路人甲", id_number="")
    with sessions() as s:
        assert [h.reason for h in find_conflicts(s, actor, unrelated)] == [
            "same_respondent_and_right",
            "same_respondent_and_right",
        ]
        assert find_conflicts(s, actor, dataclasses.replace(unrelated, right_number="1")) == []
        assert find_conflicts(s, actor, IntakeForm()) == []


def test_a_court_case_number_is_checked_against_its_court(sessions: sessionmaker[Session]) -> None:
    """（2026）内0526民特516号 is 扎鲁特旗人民法院's: 蒙 is refused at once, another court's
    code when the court is known."""
    form = valid_intake_form(
        channel="court_referral", court="CT-ZLT", court_case_number="（2026）蒙0526民初516号"
    )
    assert codes(validate_intake(form)) == {"court_case_number": "court_case_number_province"}
    with sessions.begin() as s, pytest.raises(ValidationErrors) as caught:
        register_case(
            s, REGISTRAR, dataclasses.replace(form, court_case_number="（2026）内0507民初516号")
        )
    assert codes(caught.value.errors) == {"court_case_number": "court_case_number_court"}
    with sessions.begin() as s:
        done = register_case(
            s, REGISTRAR, dataclasses.replace(form, court_case_number="(2026)内0526民初516号")
        )
        assert s.get(Case, done.id).court_case_number == "（2026）内0526民初516号"  # type: ignore[union-attr]
