from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import date
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from ipdesk.services.errors import ValidationError
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.services.rules.identifiers import (
    LEGAL_REPRESENTATIVE,
    MESSAGES,
    OPERATOR,
    PRINCIPAL,
    REPRESENTATIVES,
    USCC_ALPHABET,
    USCC_CATEGORIES,
    PatentType,
    guess_id_kind,
    make_patent_number,
    make_resident_id,
    make_trademark_number,
    make_uscc,
    mask_address,
    mask_id,
    mask_phone,
    patent_check_char,
    patent_kind_matches,
    representative_for,
    resident_id_check_char,
    uscc_check_char,
    validate_party_id,
    validate_patent_number,
    validate_phone,
    validate_resident_id,
    validate_trademark_number,
    validate_uscc,
)

TODAY = date(2026, 11, 27)
CITY_AREAS = ("150502", "150521", "150522", "150523", "150524", "150525", "150526", "150581")
WARNINGS = {"id_area_unknown", "uscc_org_checksum"}


def _id(body: str) -> str:
    """Complete a 17-digit body with its check character."""
    return body + resident_id_check_char(body)


# --------------------------------------------------------------------------- hand-checked

# 1 5 0 5 0 2 1 9 9 0 0 1 0 1 1 2 3  × 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
# = 7+45+0+25+0+8+2+9+54+0+0+9+0+5+8+8+6 = 186; 186 mod 11 = 10 → "10X98765432"[10] = "2"
ID_MALE = "150502199001011232"
# day 01 → 06 changes the 14th digit (weight 5) by 5: 186 + 25 = 211; 211 mod 11 = 2 → "X"
ID_X = "15050219900106123X"
# 9 1 1 1 0 0 0 0 6 0 0 0 3 7 3 4 1 × 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
# = 9+3+9+27+120+24+168+30+120+28 = 538; 538 mod 31 = 11; 31 - 11 = 20 → "L"
USCC_SAIC = "91110000600037341L"
# registering authority N (农业): N=22 M=21 A=10 K=19 T=26; weighted sum 2933, mod 31 = 19,
# 31 - 19 = 12 → "C". stdnum's cn.uscc wants 8 leading digits and rejects it.
USCC_N = "N2150525MA0N7K3T7C"
# 2 0 0 3 1 0 1 0 2 3 4 4 × 2 3 4 5 6 7 8 9 2 3 4 5 = 4+15+6+8+4+9+16+20 = 82; 82 mod 11 = 5
PATENT = "200310102344.5"
# 9 3 1 0 0 0 0 1 × 2 3 4 5 6 7 8 9 = 18+9+4+9 = 40; 40 mod 11 = 7
PATENT_OLD = "93100001.7"
# 2 0 2 0 1 0 0 0 0 0 0 5 × 2 3 4 5 6 7 8 9 2 3 4 5 = 4+8+6+25 = 43; 43 mod 11 = 10 → X
PATENT_X = "202010000005.X"


def test_resident_id_hand_checked() -> None:
    rid = validate_resident_id(" 150502 19900101 1232 ")
    assert (rid.number, rid.area_code, rid.birth_date, rid.sex, rid.warnings) == (
        ID_MALE,
        "150502",
        date(1990, 1, 1),
        "male",
        (),
    )
    assert validate_resident_id(ID_X.lower()).number == ID_X
    assert validate_resident_id("１５０５０２１９９００１０６１２３ｘ").number == ID_X  # full width
    assert validate_resident_id("11010519491231002X").sex == "female"


def test_area_code_only_warns() -> None:
    # stdnum refuses 科尔沁区 (code created 1999) for people born before 1999
    old = _id("15050219490101123")
    assert validate_resident_id(old).warnings == ()
    assert not ric.is_valid(old)
    assert validate_resident_id(_id("99010119900101123")).warnings == ("id_area_unknown",)
    assert validate_resident_id(_id("15059919900101123")).warnings == ("id_area_unknown",)


def test_uscc_hand_checked() -> None:
    code = validate_uscc("9111 0000 6000 3734 1l")
    assert (code.number, code.registering_authority, code.region_code, code.org_code) == (
        USCC_SAIC,
        "9",
        "110000",
        "600037341",
    )
    assert code.warnings == ()
    letter = validate_uscc(USCC_N)
    assert (letter.registering_authority, letter.entity_type) == ("N", "2")
    assert not uscc.is_valid(USCC_N)
    # organisation code 60003734-1 with a wrong check char (2): a warning, after fixing char 18
    body = "91110000600037342"
    assert validate_uscc(body + uscc_check_char(body)).warnings == ("uscc_org_checksum",)


def test_party_ids() -> None:
    assert validate_party_id(ID_MALE, "person").number == ID_MALE
    assert validate_party_id(USCC_N, "organisation").number == USCC_N
    with pytest.raises(ValidationError) as exc:
        validate_party_id(USCC_N, "person", field="applicant_id")
    assert (exc.value.field, exc.value.code) == ("applicant_id", "id_chars")
    assert guess_id_kind(ID_X) == "person"
    assert guess_id_kind(USCC_SAIC) == "organisation"
    assert guess_id_kind("150502199001011233") == "person"  # bad checksum, still an ID shape
    assert guess_id_kind("150502900101123") == "person"  # 15-digit first-generation ID
    assert guess_id_kind("91110000600037341A") == "organisation"
    assert guess_id_kind("hello") is None


@pytest.mark.parametrize(
    ("text", "number", "kind", "year"),
    [
        (PATENT, PATENT, "invention", 2003),
        ("ZL200310102344.5", PATENT, "invention", 2003),
        ("zl 2003 1 0102344 5", PATENT, "invention", 2003),
        ("2003101023445", PATENT, "invention", 2003),
        (PATENT_OLD, PATENT_OLD, "invention", 1993),
        ("ZL931000017", PATENT_OLD, "invention", 1993),
        (PATENT_X.replace("X", "x"), PATENT_X, "invention", 2020),
    ],
)
def test_patent_hand_checked(text: str, number: str, kind: str, year: int) -> None:
    patent = validate_patent_number(text, today=TODAY)
    assert (patent.number, patent.type, patent.year) == (number, kind, year)
    assert patent.patent_number == "ZL" + number


def test_patent_kind() -> None:
    rng = random.Random(3)
    design = make_patent_number(rng, 2020, "design")
    pct_um = make_patent_number(rng, 2021, "pct_utility_model")
    assert patent_kind_matches(PATENT, "patent_invention")
    assert not patent_kind_matches(design, "patent_invention")
    assert patent_kind_matches(design, "patent_design")
    assert patent_kind_matches(pct_um, "patent_utility_model")
    assert not patent_kind_matches(pct_um, "patent_invention")
    assert not patent_kind_matches(PATENT, "trademark")
    assert validate_patent_number(design, ip_type="patent_design").type == "design"


def test_trademark() -> None:
    assert validate_trademark_number(" 00123456 ") == "123456"
    assert validate_trademark_number("12345678") == "12345678"


@pytest.mark.parametrize(
    ("text", "normalised", "masked"),
    [
        ("13812341234", "13812341234", "138****1234"),
        ("+86 138-1234-1234", "13812341234", "138****1234"),
        ("008619912341234", "19912341234", "199****1234"),
        ("0475-8123456", "0475-8123456", "0475-****456"),
        ("(0475) 81234567", "0475-81234567", "0475-****4567"),
        ("04758123456", "0475-8123456", "0475-****456"),
        ("010 62345678", "010-62345678", "010-****5678"),
        ("01062345678", "010-62345678", "010-****5678"),
        ("+86 10 62345678", "010-62345678", "010-****5678"),
        ("0475-8123456-801", "0475-8123456-801", "0475-****456-801"),
        ("0475-8123456转801", "0475-8123456-801", "0475-****456-801"),
        ("０４７５－８１２３４５６", "0475-8123456", "0475-****456"),
    ],
)
def test_phones(text: str, normalised: str, masked: str) -> None:
    assert validate_phone(text) == normalised
    assert mask_phone(text) == masked


def test_masks() -> None:
    assert mask_id("150502199001011234") == "150502********1234"
    assert mask_id(ID_X.lower()) == "150502********123X"
    assert mask_id(USCC_SAIC) == "911100********341L"
    assert mask_id("150502900101123") == "150**********23"
    assert mask_id("12345") == "*****"
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("12345") == "*****"
    assert mask_address("内蒙古自治区通辽市科尔沁区明仁大街1号") == "内蒙古自治区****"
    assert mask_address("通辽市") == "通****"
    assert mask_address("  ") == ""


# --------------------------------------------------------------------------- error codes

ERROR_CASES: list[tuple[Callable[..., Any], str, str]] = [
    (validate_resident_id, " ", "id_empty"),
    (validate_resident_id, "15050219900101123", "id_length"),
    (validate_resident_id, "15050219900101123A", "id_chars"),
    (validate_resident_id, "150502199001011233", "id_checksum"),
    (validate_resident_id, _id("15050219900230123"), "id_birth_date"),
    (validate_uscc, "", "uscc_empty"),
    (validate_uscc, "91110000600037341", "uscc_length"),
    (validate_uscc, "91110000600037341I", "uscc_chars"),
    (validate_uscc, "9111000A600037341L", "uscc_region"),
    (validate_uscc, "91110000600037341M", "uscc_checksum"),
    # checksums valid, registration authority / category pairs GB 32100 does not define
    (validate_uscc, "00150502MA0N12345Q", "uscc_category"),
    (validate_uscc, "H1150502MA0N123454", "uscc_category"),
    (validate_uscc, "95150502MA0N123450", "uscc_category"),
    (lambda v: validate_party_id(v, "robot"), ID_MALE, "party_kind"),  # type: ignore[arg-type]
    (validate_patent_number, "", "patent_empty"),
    (validate_patent_number, "2003101023.4", "patent_format"),
    (validate_patent_number, "CN200310102344.5", "patent_format"),
    (validate_patent_number, "200340102344.5", "patent_type"),
    (validate_patent_number, "209910102344.5", "patent_year"),
    (validate_patent_number, "200110102344.5", "patent_year"),
    (validate_patent_number, "05100001.1", "patent_year"),
    # 8-digit numbers ended on 2003-09-30: checksums valid, years 04 and later refused
    (validate_patent_number, "04241125.4", "patent_year"),
    (validate_patent_number, "ZL04334003.2", "patent_year"),
    (validate_patent_number, "200310102344.6", "patent_checksum"),
    (lambda v: validate_patent_number(v, ip_type="patent_design"), PATENT, "patent_kind_mismatch"),
    (validate_trademark_number, "0", "trademark_format"),
    (validate_trademark_number, "123456789", "trademark_format"),
    (validate_trademark_number, "G1234567", "trademark_format"),
    (validate_trademark_number, "", "trademark_format"),
    (validate_phone, " ", "phone_empty"),
    (validate_phone, "1381234123", "phone_format"),
    (validate_phone, "12812341234", "phone_format"),
    (validate_phone, "475-8123456", "phone_format"),
    (validate_phone, "0104-2345678", "phone_format"),
    (validate_phone, "0475-0123456", "phone_format"),
]


@pytest.mark.parametrize(("validator", "value", "code"), ERROR_CASES)
def test_error_codes(validator: Callable[..., Any], value: str, code: str) -> None:
    with pytest.raises(ValidationError) as exc:
        validator(value)
    assert exc.value.code == code
    assert exc.value.message == MESSAGES[code]


def test_every_message_is_used() -> None:
    assert {code for _, _, code in ERROR_CASES} | WARNINGS == set(MESSAGES)


@pytest.mark.parametrize(
    "body",
    [
        "15050220261128123",  # the day after "today"
        "15050218991231123",  # before 1900
        "15050219901301123",  # month 13
        "15050220230229123",  # not a leap year
    ],
)
def test_birth_date_bounds(body: str) -> None:
    with pytest.raises(ValidationError) as exc:
        validate_resident_id(_id(body), today=TODAY)
    assert exc.value.code == "id_birth_date"


def test_birth_date_limits_are_inclusive() -> None:
    assert validate_resident_id(_id("15050220261127123"), today=TODAY).birth_date == TODAY
    assert validate_resident_id(_id("15050219000101123"), today=TODAY).birth_date.year == 1900
    assert validate_resident_id(_id("15050220240229124")).sex == "female"


def test_field_name_is_passed_on() -> None:
    with pytest.raises(ValidationError) as exc:
        validate_phone("123", field="agent_phone")
    assert exc.value.field == "agent_phone"


# --------------------------------------------------------------------------- properties

seeds = st.integers(min_value=0, max_value=2**32)
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=legal_today())


def _substitutions(value: str) -> list[str]:
    """Every string that differs from ``value`` in exactly one character (ASCII pool)."""
    pool = string.digits + string.ascii_uppercase + ".- "
    return [
        value[:i] + c + value[i + 1 :]
        for i, old in enumerate(value)
        for c in pool
        if c != old.upper()
    ]


def _rejects(validator: Callable[[str], object], value: str) -> bool:
    try:
        validator(value)
    except ValidationError:
        return True
    return False


@given(seeds, st.sampled_from(CITY_AREAS), birth_dates, st.sampled_from(["male", "female"]))
def test_generated_resident_ids_validate(seed: int, area: str, born: date, sex: str) -> None:
    number = make_resident_id(random.Random(seed), area, born, sex)  # type: ignore[arg-type]
    rid = validate_resident_id(number)
    assert (rid.number, rid.area_code, rid.birth_date, rid.sex, rid.warnings) == (
        number,
        area,
        born,
        sex,
        (),
    )


@given(seeds, st.sampled_from(CITY_AREAS))
def test_generated_usccs_validate(seed: int, region: str) -> None:
    code = validate_uscc(make_uscc(random.Random(seed), region_code=region))
    assert code.region_code == region
    assert code.warnings == ()


years = st.integers(min_value=1985, max_value=legal_today().year)
patent_types = st.sampled_from(get_args(PatentType))


@given(seeds, years, patent_types)
def test_generated_patents_validate(seed: int, year: int, kind: PatentType) -> None:
    patent = validate_patent_number(make_patent_number(random.Random(seed), year, kind))
    assert (patent.year, patent.type) == (year, kind)


@given(seeds)
def test_generated_trademarks_validate(seed: int) -> None:
    number = make_trademark_number(random.Random(seed))
    assert validate_trademark_number(number) == number


def test_generators_are_deterministic() -> None:
    assert make_resident_id(random.Random(7)) == make_resident_id(random.Random(7))
    assert make_uscc(random.Random(7)) == make_uscc(random.Random(7))
    assert make_trademark_number(random.Random(7)) == make_trademark_number(random.Random(7))
    assert make_patent_number(random.Random(7), 2024) == make_patent_number(random.Random(7), 2024)


# Both checksums are over prime moduli (11, 31) with weights that are non-zero modulo the
# prime, so changing one character changes the weighted sum by w·Δ with 0 < |Δ| < modulus,
# which is never ≡ 0: every single-character error is detected. The patent check uses
# weights 2…9 mod 11, so the same argument holds for its digits.
@given(seeds)
def test_single_change_of_resident_id_is_rejected(seed: int) -> None:
    number = make_resident_id(random.Random(seed))
    assert all(_rejects(validate_resident_id, v) for v in _substitutions(number))


@given(seeds)
def test_single_change_of_uscc_is_rejected(seed: int) -> None:
    code = make_uscc(random.Random(seed))
    assert all(_rejects(validate_uscc, v) for v in _substitutions(code))


@given(seeds, years, patent_types)
def test_single_change_of_patent_is_rejected(seed: int, year: int, kind: PatentType) -> None:
    # without the dot, which is optional: a dot replaced by a space is the same number
    number = make_patent_number(random.Random(seed), year, kind).replace(".", "")
    assert all(_rejects(validate_patent_number, v) for v in _substitutions(number))


@given(seeds)
def test_masked_id_hides_birth_date(seed: int) -> None:
    number = make_resident_id(random.Random(seed))
    masked = mask_id(number)
    assert len(masked) == 18
    assert masked[6:14] == "*" * 8
    assert masked[:6] + masked[14:] == number[:6] + number[14:]


@given(st.text(alphabet=string.digits + string.ascii_uppercase, max_size=30))
def test_mask_id_reveals_little(text: str) -> None:
    masked = mask_id(text)
    shown = sum(m != "*" for m in masked)
    assert len(masked) == len(text)
    assert shown <= 10
    assert shown <= max(len(text) - 5, 0)


@given(st.text(alphabet=string.digits + " -+()", max_size=20))
def test_mask_phone_hides_four_digits(text: str) -> None:
    digits = sum(c.isdigit() for c in text)
    shown = sum(c.isdigit() for c in mask_phone(text))
    assert digits - shown >= min(4, digits)


@given(st.text(max_size=40))
def test_mask_address_reveals_little(text: str) -> None:
    masked = mask_address(text)
    assert len(masked.removesuffix("****")) <= min(6, len(text.strip()) // 2)


# --------------------------------------------------------------------------- GB 32100 pairs


def _uscc(prefix: str, rest: str = "150502MA0N12345") -> str:
    body = prefix + rest
    return body + uscc_check_char(body)


def test_uscc_categories_of_the_standard() -> None:
    # 12 registration authorities; 36 pairs in all.
    assert {p[0] for p in USCC_CATEGORIES} == set("123456789ANY")
    assert len(USCC_CATEGORIES) == 36
    for prefix in ("11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93"):
        assert validate_uscc(_uscc(prefix)).number[:2] == prefix
    for prefix in ("N1", "N2", "N3", "N9", "Y1", "A1", "31", "35", "81"):
        assert validate_uscc(_uscc(prefix)).registering_authority == prefix[0]
    for prefix in ("94", "99", "14", "54", "N4", "Y2", "Y9", "A2", "B1", "G1", "10", "90"):
        with pytest.raises(ValidationError) as exc:
            validate_uscc(_uscc(prefix))
        assert exc.value.code == "uscc_category"


@given(
    st.text(alphabet=USCC_ALPHABET, min_size=2, max_size=2),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9),
)
def test_uscc_accepted_iff_its_pair_is_defined(prefix: str, region: str, org: str) -> None:
    body = prefix + region + org
    code = body + uscc_check_char(body)
    if prefix in USCC_CATEGORIES:
        assert validate_uscc(code).number == code
    else:
        with pytest.raises(ValidationError) as exc:
            validate_uscc(code)
        assert exc.value.code == "uscc_category"


@given(seeds, st.sampled_from(sorted(USCC_CATEGORIES)), st.sampled_from(CITY_AREAS))
def test_generated_usccs_of_a_category_validate(seed: int, category: str, region: str) -> None:
    code = validate_uscc(make_uscc(random.Random(seed), region, category))
    assert code.number[:2] == category and code.region_code == region


def test_make_uscc_refuses_an_undefined_category() -> None:
    with pytest.raises(ValueError):
        make_uscc(random.Random(1), category="95")


@given(st.integers(0, 99), st.sampled_from("12389"), st.integers(0, 99_999))
def test_eight_digit_patent_numbers_only_for_1985_to_2003(yy: int, kind: str, serial: int) -> None:
    digits = f"{yy:02d}{kind}{serial:05d}"
    number = f"{digits}.{patent_check_char(digits)}"
    if yy >= 85 or yy <= 3:
        assert validate_patent_number(number).year == (1900 + yy if yy >= 85 else 2000 + yy)
    else:
        with pytest.raises(ValidationError) as exc:
            validate_patent_number("ZL" + number)
        assert exc.value.code == "patent_year"


# --------------------------------------------------------------------------- representatives


@pytest.mark.parametrize(
    ("prefix", "title", "certain"),
    [
        ("91", LEGAL_REPRESENTATIVE, False),  # companies; partnerships and branches too
        ("92", OPERATOR, True),  # 个体工商户: 民诉解释 Art. 59
        ("93", LEGAL_REPRESENTATIVE, True),  # 农民专业合作社: a legal person
        ("51", LEGAL_REPRESENTATIVE, True),  # 社会团体法人
        ("52", LEGAL_REPRESENTATIVE, False),  # 民办非企业单位: also partnership forms
        ("53", LEGAL_REPRESENTATIVE, True),  # 基金会: the chair
        ("59", PRINCIPAL, False),
        ("11", LEGAL_REPRESENTATIVE, True),  # 机关法人
        ("12", LEGAL_REPRESENTATIVE, True),  # 事业单位法人
        ("N1", LEGAL_REPRESENTATIVE, True),  # 农村集体经济组织: special legal persons
        ("N2", LEGAL_REPRESENTATIVE, True),
        ("N3", LEGAL_REPRESENTATIVE, True),
        ("N9", PRINCIPAL, False),
        ("31", PRINCIPAL, False),  # 律师事务所, mostly partnerships
        ("21", PRINCIPAL, True),  # a foreign news agency's office
        ("Y1", PRINCIPAL, False),
    ],
)
def test_representative_by_category(prefix: str, title: str, certain: bool) -> None:
    rep = representative_for(_uscc(prefix))
    assert (rep.title, rep.certain, rep.category) == (title, certain, USCC_CATEGORIES[prefix][1])
    assert ("请按登记证书核实" in rep.basis) == (not certain)
    assert representative_for(prefix.lower()).title == title  # only the pair is read


@pytest.mark.parametrize(
    ("name", "title", "certain"),
    [
        ("通辽市银河服饰有限公司", LEGAL_REPRESENTATIVE, True),
        ("内蒙古某某乳业股份有限公司", LEGAL_REPRESENTATIVE, True),
        ("内蒙古某某乳业股份有限公司通辽分公司", PRINCIPAL, True),
        ("通辽某某商贸中心（有限合伙）", PRINCIPAL, True),
        ("通辽某某律师事务所(特殊普通合伙)", PRINCIPAL, True),
        ("科尔沁区某某个人独资企业", PRINCIPAL, True),
        ("中国某某银行股份有限公司通辽科尔沁支行", PRINCIPAL, True),
        ("通辽某某商贸中心", LEGAL_REPRESENTATIVE, False),
    ],
)
def test_enterprise_representative_by_name(name: str, title: str, certain: bool) -> None:
    rep = representative_for(_uscc("91"), name)
    assert (rep.title, rep.certain) == (title, certain)


def test_individual_business_is_never_a_legal_representative() -> None:
    rep = representative_for(_uscc("92"), "扎鲁特旗银河服饰商行有限公司")
    assert rep.title == OPERATOR and "第五十九条" in rep.basis


def test_every_defined_pair_has_a_representative() -> None:
    assert set(REPRESENTATIVES) == set(USCC_CATEGORIES)
    with pytest.raises(ValidationError) as exc:
        representative_for("95150502MA0N123450")
    assert exc.value.code == "uscc_category"
