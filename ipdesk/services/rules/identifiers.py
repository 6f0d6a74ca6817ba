"""Validation, normalisation, masking and generation of the numbers the network handles.

Pure functions, no Qt and no database. Validators take the raw text a user typed, return a
normalised value (or a small dataclass) and raise :class:`ValidationError` with a stable
``code`` whose default Chinese text is ``MESSAGES[code]``. Warnings (suspicious but not
wrong) are returned as codes in ``warnings`` and also have their text in ``MESSAGES``.

Input is NFKC-normalised first, so full-width digits, letters and punctuation typed with a
Chinese input method are accepted.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ipdesk.services.errors import ValidationError
from ipdesk.services.rules.deadlines import legal_today

MESSAGES: dict[str, str] = {
    # resident ID (GB 11643)
    "id_empty": "身份证号不能为空",
    "id_length": "身份证号应为18位",
    "id_chars": "身份证号前17位应为数字，最后一位为数字或X",
    "id_checksum": "身份证号校验位错误",
    "id_birth_date": "身份证号中的出生日期无效",
    "id_area_unknown": "身份证号前6位不是已知的行政区划代码，请核对",  # warning
    # unified social credit code (GB 32100-2015)
    "uscc_empty": "统一社会信用代码不能为空",
    "uscc_length": "统一社会信用代码应为18位",
    "uscc_chars": "统一社会信用代码含有无效字符（不使用I、O、Z、S、V）",
    "uscc_region": "统一社会信用代码第3至8位应为数字（行政区划码）",
    "uscc_category": "统一社会信用代码前两位不是国家标准规定的登记管理部门和机构类别",
    "uscc_checksum": "统一社会信用代码校验位错误",
    "uscc_org_checksum": "统一社会信用代码中的组织机构代码校验位不符，请核对",  # warning
    # parties
    "party_kind": "当事人类型应为自然人或组织",
    # patents
    "patent_empty": "专利申请号不能为空",
    "patent_format": "专利申请号格式不正确（如200310102344.5）",
    "patent_type": "专利申请号中的专利类型位无效（应为1、2、3、8或9）",
    "patent_year": "专利申请号中的年份无效",
    "patent_checksum": "专利申请号校验位错误",
    "patent_kind_mismatch": "专利申请号的类型与所选专利类型不符",
    # trademarks
    "trademark_format": "商标注册号应为不超过8位的数字",
    # phones
    "phone_empty": "电话号码不能为空",
    "phone_format": "电话号码格式不正确（手机11位，座机需带区号）",
}

PersonSex = Literal["male", "female"]
PartyKind = Literal["person", "organisation"]
PatentType = Literal["invention", "utility_model", "design", "pct_invention", "pct_utility_model"]


def _fail(field: str, code: str) -> ValidationError:
    return ValidationError(field, MESSAGES[code], code=code)


def _clean(value: str, strip: str = " \t\r\n") -> str:
    """NFKC-normalise, drop the characters in ``strip`` and upper-case."""
    text = unicodedata.normalize("NFKC", value)
    return text.translate({ord(c): None for c in strip}).upper()


# --------------------------------------------------------------------------- resident ID

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"\d{17}[\dX]")


@dataclass(frozen=True)
class ResidentId:
    number: str
    area_code: str
    birth_date: date
    sex: PersonSex
    warnings: tuple[str, ...] = ()


def resident_id_check_char(body: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def _area_known(code: str) -> bool:
    """Whether stdnum's table knows the division code in any year (its year check is too
    strict: codes created after a resident's birth year are common and legitimate).
    stdnum is imported here, not with the module: the log's filter (logging_setup) and the
    sign-in import this module at every start, and check no ID number there."""
    from stdnum import numdb

    return any(props for _, props in numdb.get("cn/loc").info(code)[1:])


def validate_resident_id(
    value: str, *, field: str = "id_number", today: date | None = None
) -> ResidentId:
    number = _clean(value, " \t\r\n-")
    if not number:
        raise _fail(field, "id_empty")
    if len(number) != 18:
        raise _fail(field, "id_length")
    if not _ID_RE.fullmatch(number):
        raise _fail(field, "id_chars")
    if resident_id_check_char(number[:17]) != number[17]:
        raise _fail(field, "id_checksum")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise _fail(field, "id_birth_date") from None
    if not date(1900, 1, 1) <= birth <= (today or legal_today()):
        raise _fail(field, "id_birth_date")
    area = number[:6]
    warnings = () if _area_known(area) else ("id_area_unknown",)
    sex: PersonSex = "male" if int(number[16]) % 2 else "female"
    return ResidentId(number, area, birth, sex, warnings)


# --------------------------------------------------------------------------- USCC

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class Uscc:
    number: str
    registering_authority: str  # 1 机构编制, 5 民政, 9 工商, N 农业, Y 其他 …
    entity_type: str
    region_code: str
    org_code: str  # 主体标识码 (former GB 11714 organisation code), 9 chars
    warnings: tuple[str, ...] = ()


#: Registration authority (1st character) and organisation category (2nd) of GB 32100-2015
#: as the code's authorities define them (the standard names the authorities; each
#: authority defines its categories; the national credit-code centre publishes the table).
#: A code with any other pair was never issued. Data, not logic: a pair an authority adds
#: later is one more line here.
USCC_CATEGORIES: dict[str, tuple[str, str]] = {
    "11": ("机构编制", "机关"),
    "12": ("机构编制", "事业单位"),
    "13": ("机构编制", "中央编办直接管理机构编制的群众团体"),
    "19": ("机构编制", "其他"),
    "21": ("外交", "外国常驻新闻机构"),
    "29": ("外交", "其他"),
    "31": ("司法行政", "律师执业机构"),
    "32": ("司法行政", "公证处"),
    "33": ("司法行政", "基层法律服务所"),
    "34": ("司法行政", "司法鉴定机构"),
    "35": ("司法行政", "仲裁委员会"),
    "39": ("司法行政", "其他"),
    "41": ("文化", "外国在华文化中心"),
    "49": ("文化", "其他"),
    "51": ("民政", "社会团体"),
    "52": ("民政", "民办非企业单位"),
    "53": ("民政", "基金会"),
    "59": ("民政", "其他"),
    "61": ("旅游", "外国旅游部门常驻代表机构"),
    "62": ("旅游", "港澳台地区旅游部门常驻内地（大陆）代表机构"),
    "69": ("旅游", "其他"),
    "71": ("宗教", "宗教活动场所"),
    "72": ("宗教", "宗教院校"),
    "79": ("宗教", "其他"),
    "81": ("工会", "基层工会"),
    "89": ("工会", "其他"),
    "91": ("工商", "企业"),
    "92": ("工商", "个体工商户"),
    "93": ("工商", "农民专业合作社"),
    "A1": ("中央军委改革和编制办公室", "军队事业单位"),
    "A9": ("中央军委改革和编制办公室", "其他"),
    "N1": ("农业", "组级集体经济组织"),
    "N2": ("农业", "村级集体经济组织"),
    "N3": ("农业", "乡镇级集体经济组织"),
    "N9": ("农业", "其他"),
    "Y1": ("其他", "其他"),
}


def uscc_check_char(body: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code body (A=10 … Z=35)."""
    total = sum(int(c, 36) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def validate_uscc(value: str, *, field: str = "uscc") -> Uscc:
    number = _clean(value, " \t\r\n-")
    if not number:
        raise _fail(field, "uscc_empty")
    if len(number) != 18:
        raise _fail(field, "uscc_length")
    if any(c not in USCC_ALPHABET for c in number):
        raise _fail(field, "uscc_chars")
    if not number[2:8].isdigit():
        raise _fail(field, "uscc_region")
    if number[:2] not in USCC_CATEGORIES:
        raise _fail(field, "uscc_category")
    if uscc_check_char(number[:17]) != number[17]:
        raise _fail(field, "uscc_checksum")
    org = number[8:17]
    warnings = () if org_code_check_char(org[:8]) == org[8] else ("uscc_org_checksum",)
    return Uscc(number, number[0], number[1], number[2:8], org, warnings)


# --------------------------------------------------------------------------- representatives

LEGAL_REPRESENTATIVE = "法定代表人"  # a legal person (民事诉讼法 Art. 51)
PRINCIPAL = "主要负责人"  # an unincorporated organisation (民事诉讼法 Art. 51; 民诉解释 Art. 52)
OPERATOR = "经营者"  # an individual business (民诉解释 Art. 59)

_LEGAL_PERSON = "法人由其法定代表人进行诉讼（民事诉讼法第五十一条）"
_OTHER_ORG = "其他组织由其主要负责人进行诉讼（民事诉讼法第五十一条、民诉解释第五十二条）"
_INDIVIDUAL_BUSINESS = (
    "个体工商户以营业执照上登记的经营者为当事人；有字号的，以字号为当事人，"
    "同时注明该字号经营者的基本信息（民诉解释第五十九条）"
)
_UNSURE = "此类别的组织可能是法人，也可能不是：请按登记证书核实"

#: Who speaks for an organisation, by the first two characters of its credit code:
#: (title, certain). ``certain`` is false where the category holds both legal persons
#: and unincorporated organisations, so intake must confirm the title. The reasons:
#:
#: * 11/12/13 机关, 事业单位, 群众团体; 51 社会团体; 53 基金会 (基金会管理条例: the chair
#:   is the legal representative); 93 农民专业合作社 (a legal person by 农民专业合作社法,
#:   its chair the legal representative); A1 军队事业单位; N1–N3 农村集体经济组织 (special
#:   legal persons, 民法典 Art. 99): legal persons — 法定代表人.
#: * 91 企业: companies are legal persons (法定代表人), but partnerships, sole
#:   proprietorships and branches also hold 91 codes and are "other organisations"
#:   (民诉解释 Art. 52) — 主要负责人; the name tells (:func:`representative_for`).
#: * 92 个体工商户: 经营者 (民诉解释 Art. 59), never 法定代表人.
#: * 52 民办非企业单位: usually registered as legal persons (法定代表人); the regulations
#:   also allow partnership and individual forms. 32 公证处, 35 仲裁委员会, 71 宗教活动场所,
#:   72 宗教院校, 81 基层工会: legal persons when registered as such — 法定代表人, unsure.
#: * 21, 41, 61, 62: foreign and Hong Kong/Macao/Taiwan representative offices, not legal
#:   persons — 主要负责人. 31 律师执业机构 (mostly partnerships), 33 基层法律服务所, 34 司法
#:   鉴定机构: 主要负责人, unsure.
#: * every "其他" category (x9, Y1): 主要负责人, unsure.
REPRESENTATIVES: dict[str, tuple[str, bool]] = {
    "11": (LEGAL_REPRESENTATIVE, True),
    "12": (LEGAL_REPRESENTATIVE, True),
    "13": (LEGAL_REPRESENTATIVE, True),
    "19": (PRINCIPAL, False),
    "21": (PRINCIPAL, True),
    "29": (PRINCIPAL, False),
    "31": (PRINCIPAL, False),
    "32": (LEGAL_REPRESENTATIVE, False),
    "33": (PRINCIPAL, False),
    "34": (PRINCIPAL, False),
    "35": (LEGAL_REPRESENTATIVE, False),
    "39": (PRINCIPAL, False),
    "41": (PRINCIPAL, True),
    "49": (PRINCIPAL, False),
    "51": (LEGAL_REPRESENTATIVE, True),
    "52": (LEGAL_REPRESENTATIVE, False),
    "53": (LEGAL_REPRESENTATIVE, True),
    "59": (PRINCIPAL, False),
    "61": (PRINCIPAL, True),
    "62": (PRINCIPAL, True),
    "69": (PRINCIPAL, False),
    "71": (LEGAL_REPRESENTATIVE, False),
    "72": (LEGAL_REPRESENTATIVE, False),
    "79": (PRINCIPAL, False),
    "81": (LEGAL_REPRESENTATIVE, False),
    "89": (PRINCIPAL, False),
    "91": (LEGAL_REPRESENTATIVE, False),
    "92": (OPERATOR, True),
    "93": (LEGAL_REPRESENTATIVE, True),
    "A1": (LEGAL_REPRESENTATIVE, True),
    "A9": (PRINCIPAL, False),
    "N1": (LEGAL_REPRESENTATIVE, True),
    "N2": (LEGAL_REPRESENTATIVE, True),
    "N3": (LEGAL_REPRESENTATIVE, True),
    "N9": (PRINCIPAL, False),
    "Y1": (PRINCIPAL, False),
}

# Names of enterprises (91) that are not legal persons (民诉解释 Art. 52 (1), (2), (5),
# (6)): partnerships, sole proprietorships, branches, representative offices.
# Checked on the NFKC form of the name (full-width brackets become ASCII ones).
_BRANCH_NAME = re.compile(r"(?:分公司|分厂|分店|分行|支行|分理处|营业部|代表处|办事处)$")
_PARTNERSHIP_NAME = re.compile(r"\((?:特殊)?普通合伙\)|\(有限合伙\)|合伙企业|个人独资企业")


@dataclass(frozen=True)
class Representative:
    """The title of the person who acts for an organisation in a document."""

    title: str  # LEGAL_REPRESENTATIVE, PRINCIPAL or OPERATOR
    certain: bool  # False: the category holds both kinds; confirm at intake
    basis: str  # the rule, in Chinese, for a tooltip or a note
    category: str  # the code's category name, e.g. "企业"


def representative_for(code: str, name: str | None = None) -> Representative:
    """Who represents the organisation with credit code ``code`` (only its first two
    characters are read; raises ``uscc_category`` for a pair the standard does not
    define). ``name`` decides for enterprises (91): 有限公司 → 法定代表人, 分公司 or
    合伙企业 → 主要负责人."""
    prefix = _clean(code, " \t\r\n-")[:2]
    if prefix not in REPRESENTATIVES:
        raise _fail("uscc", "uscc_category")
    title, certain = REPRESENTATIVES[prefix]
    category = USCC_CATEGORIES[prefix][1]
    if prefix == "91" and name:
        text = unicodedata.normalize("NFKC", name).strip()
        if _BRANCH_NAME.search(text) or _PARTNERSHIP_NAME.search(text):
            title, certain = PRINCIPAL, True
        elif text.endswith("公司"):
            certain = True
    basis = {
        LEGAL_REPRESENTATIVE: _LEGAL_PERSON,
        PRINCIPAL: _OTHER_ORG,
        OPERATOR: _INDIVIDUAL_BUSINESS,
    }[title]
    if not certain:
        basis += "。" + _UNSURE
    return Representative(title, certain, basis, category)


# --------------------------------------------------------------------------- parties


def guess_id_kind(value: str) -> PartyKind | None:
    """Best guess whether a number is a resident ID or a USCC; None when neither fits."""
    for kind in ("person", "organisation"):
        try:
            validate_party_id(value, kind)
        except ValidationError:
            continue
        return kind
    number = _clean(value, " \t\r\n-")
    if _ID_RE.fullmatch(number) or (number.isdigit() and len(number) in (15, 17)):
        return "person"
    if len(number) == 18 and all(c in USCC_ALPHABET for c in number):
        return "organisation"
    return None


def validate_party_id(
    value: str, kind: PartyKind, *, field: str = "id_number"
) -> ResidentId | Uscc:
    if kind == "person":
        return validate_resident_id(value, field=field)
    if kind == "organisation":
        return validate_uscc(value, field=field)
    raise _fail(field, "party_kind")


# --------------------------------------------------------------------------- patents

_PATENT_TYPES: dict[str, PatentType] = {
    "1": "invention",
    "2": "utility_model",
    "3": "design",
    "8": "pct_invention",
    "9": "pct_utility_model",
}
_PATENT_RE = re.compile(r"(?:ZL)?(\d{12}|\d{8})\.?([\dX])")
_FIRST_MODERN_YEAR = 2003  # 12+1 digit numbers since 1 October 2003
_LAST_OLD_YEAR = 2003  # 8+1 digit numbers: applications filed 1985 to 30 September 2003


@dataclass(frozen=True)
class PatentNumber:
    number: str  # canonical application number, e.g. "200310102344.5"
    type: PatentType
    year: int

    @property
    def patent_number(self) -> str:
        """The patent (grant) number: ``ZL`` + application number."""
        return "ZL" + self.number


def patent_check_char(digits: str) -> str:
    """Weights 2…9 repeating from the left, sum mod 11, 10 written as X."""
    check = sum(int(c) * (2 + i % 8) for i, c in enumerate(digits)) % 11
    return "X" if check == 10 else str(check)


def validate_patent_number(
    value: str,
    *,
    field: str = "patent_number",
    ip_type: str | None = None,
    today: date | None = None,
) -> PatentNumber:
    """Accepts "ZL" and "." or not; with ``ip_type`` (an ``IpType`` value) also refuses a
    number of another patent type (see :func:`patent_kind_matches`)."""
    text = _clean(value, " \t\r\n")
    if not text:
        raise _fail(field, "patent_empty")
    match = _PATENT_RE.fullmatch(text)
    if not match:
        raise _fail(field, "patent_format")
    digits, check = match.groups()
    if len(digits) == 12:
        year, type_digit = int(digits[:4]), digits[4]
        valid_year = _FIRST_MODERN_YEAR <= year <= (today or legal_today()).year
    else:
        yy, type_digit = int(digits[:2]), digits[2]
        year = 1900 + yy if yy >= 85 else 2000 + yy  # 85..99, 00..03; 04..84 never issued
        valid_year = year <= _LAST_OLD_YEAR
    if type_digit not in _PATENT_TYPES:
        raise _fail(field, "patent_type")
    if not valid_year:
        raise _fail(field, "patent_year")
    if patent_check_char(digits) != check:
        raise _fail(field, "patent_checksum")
    result = PatentNumber(f"{digits}.{check}", _PATENT_TYPES[type_digit], year)
    if ip_type is not None and not patent_kind_matches(result, ip_type):
        raise _fail(field, "patent_kind_mismatch")
    return result


# IpType values (ipdesk.models.cases) → the application-number types they accept
_KINDS_FOR_IP_TYPE: dict[str, frozenset[PatentType]] = {
    "patent_invention": frozenset({"invention", "pct_invention"}),
    "patent_utility_model": frozenset({"utility_model", "pct_utility_model"}),
    "patent_design": frozenset({"design"}),
}


def patent_kind_matches(number: PatentNumber | str, ip_type: str) -> bool:
    """Whether an application number can belong to a right of ``ip_type`` (an ``IpType``
    value). PCT national-phase numbers are inventions (8) or utility models (9); there is no
    PCT design type. Non-patent types match no patent number."""
    parsed = validate_patent_number(number) if isinstance(number, str) else number
    return parsed.type in _KINDS_FOR_IP_TYPE.get(str(ip_type), frozenset())


# --------------------------------------------------------------------------- trademarks


def validate_trademark_number(value: str, *, field: str = "trademark_number") -> str:
    """Registration number without leading zeros, e.g. " 00123456 " -> "123456"."""
    text = _clean(value, " \t\r\n")
    if not (text.isascii() and text.isdigit()) or len(text.lstrip("0")) > 8 or int(text) == 0:
        raise _fail(field, "trademark_format")
    return str(int(text))


# --------------------------------------------------------------------------- phones

_PHONE_SEPARATORS = " \t\r\n-()"
_MOBILE_RE = re.compile(r"(?:\+?86|0086)?(1[3-9]\d{9})")
# 010 and 02X are the two-digit area codes, all others have three digits; local numbers
# never start with 0 or 1
_LANDLINE_RE = re.compile(
    r"\(?(0(?:10|2\d|[3-9]\d\d))\)?[ -]?([2-9]\d{6,7})(?:(?:-|转|ext\.?|x)(\d{1,6}))?",
    re.IGNORECASE,
)


def _parse_phone(value: str) -> tuple[str, str, str] | None:
    """(area code incl. 0 or "" for mobiles, number, extension) or None."""
    text = unicodedata.normalize("NFKC", value).strip()
    mobile = _MOBILE_RE.fullmatch(_clean(text, _PHONE_SEPARATORS))
    if mobile:
        return "", mobile.group(1), ""
    # landline: [+86 ]0AA[A][-| ]NNNNNNN[N][-EXT]
    text = re.sub(r"^(?:\+86|0086)[ -]?0?", "0", text)
    match = _LANDLINE_RE.fullmatch(text)
    if not match:
        return None
    return match.group(1), match.group(2), match.group(3) or ""


def validate_phone(value: str, *, field: str = "phone") -> str:
    """Mobiles as "13812341234", landlines as "0475-8123456" or "0475-8123456-801"."""
    if not value.strip():
        raise _fail(field, "phone_empty")
    parsed = _parse_phone(value)
    if parsed is None:
        raise _fail(field, "phone_format")
    area, local, ext = parsed
    return "-".join(part for part in (area, local, ext) if part)


# --------------------------------------------------------------------------- masking


def mask_id(value: str) -> str:
    """Show the first 6 and last 4 characters of an 18-character ID or USCC.

    The same pattern is used for USCCs so the UI need not know the kind (an organisation's
    code is public on its licence, but a 个体工商户's identifies a person). Shorter values
    (15-digit old IDs, fragments) keep the first 3 and last 2, short ones nothing.
    """
    text = _clean(value)
    n = len(text)
    head, tail = (6, 4) if n >= 18 else (3, 2) if n >= 10 else (0, 0)
    return text[:head] + "*" * (n - head - tail) + text[n - tail :]


def mask_phone(value: str) -> str:
    """138****1234; landlines keep the area code and hide the first 4 local digits
    (0475-****3456, 010-****5678); an extension is kept (it is a switchboard's)."""
    parsed = _parse_phone(value)
    if parsed is None:
        digits = "".join(c for c in unicodedata.normalize("NFKC", value) if c.isdigit())
        n = len(digits)
        return "*" * n if n < 9 else digits[:3] + "*" * (n - 5) + digits[-2:]
    area, local, ext = parsed
    if not area:
        return f"{local[:3]}****{local[7:]}"
    return "-".join(part for part in (area, "****" + local[4:], ext) if part)


def mask_address(value: str, keep: int = 6) -> str:
    """Keep the first ``keep`` characters (province/city/district), then ****."""
    text = value.strip()
    if not text:
        return ""
    return text[: min(keep, len(text) // 2)] + "****"


# --------------------------------------------------------------------------- generators


def make_resident_id(
    rng: random.Random,
    area_code: str = "150502",
    birth_date: date | None = None,
    sex: PersonSex | None = None,
) -> str:
    if birth_date is None:
        birth_date = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
    if sex is None:
        sex = rng.choice(("male", "female"))
    sequence = rng.randrange(0, 499) * 2 + (1 if sex == "male" else 2)  # 001 … 998
    body = f"{area_code}{birth_date:%Y%m%d}{sequence:03d}"
    return body + resident_id_check_char(body)


# (registering authority + entity type, weight): mostly companies registered with 工商
_USCC_KINDS = (
    ("91", 70),  # 企业
    ("92", 12),  # 个体工商户
    ("93", 4),  # 农民专业合作社
    ("12", 4),  # 事业单位
    ("11", 2),  # 机关
    ("51", 2),  # 社会团体
    ("52", 3),  # 民办非企业单位
    ("N2", 1),  # 农村集体经济组织
    ("Y1", 2),  # 其他
)


def make_uscc(rng: random.Random, region_code: str = "150502", category: str | None = None) -> str:
    """A valid code; ``category`` (its first two characters, e.g. "91" for a company) is
    drawn from the usual mix when not given."""
    if category is None:
        kinds, weights = zip(*_USCC_KINDS, strict=True)
        prefix = rng.choices(kinds, weights)[0]
    elif category in USCC_CATEGORIES:
        prefix = category
    else:
        raise ValueError(f"no such credit-code category: {category!r}")
    if prefix[0] == "9" and rng.random() < 0.6:  # codes first assigned after 2015: MA…
        body = "MA" + "".join(rng.choice(USCC_ALPHABET) for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    code = f"{prefix}{region_code}{body}{org_code_check_char(body)}"
    return code + uscc_check_char(code)


def make_patent_number(rng: random.Random, year: int, kind: PatentType = "invention") -> str:
    """Canonical application number; 8+1 digits for years before 2003."""
    type_digit = next(d for d, t in _PATENT_TYPES.items() if t == kind)
    if year >= _FIRST_MODERN_YEAR:
        digits = f"{year}{type_digit}{rng.randrange(1, 10**7):07d}"
    else:
        digits = f"{year % 100:02d}{type_digit}{rng.randrange(1, 10**5):05d}"
    return f"{digits}.{patent_check_char(digits)}"


def make_trademark_number(rng: random.Random) -> str:
    return str(rng.randrange(1, 80_000_000))
