"""Which courts hear which IP disputes, and court case numbers checked against their court.

The court table is data (``agencies`` of kind court): each court's level, region (division
code), case-number code (内05, 内0502 …) and the IP types it hears at first instance. The
last are the Supreme People's Court's designations under 法释〔2022〕13号 (最高人民法院关于
第一审知识产权民事、行政案件管辖的若干规定): invention and utility-model patents, plant
varieties, layout designs, technical secrets and computer software go to IP courts and the
intermediate courts the SPC designates (Art. 1); design patents to IP and intermediate
courts, basic courts only where the SPC approved (Art. 2); other IP disputes to the basic
courts the SPC designates (Art. 3). An administrator keeps ``ip_types`` up to date; a court
whose list is not maintained (None) is taken to hear what its level hears by default
(:data:`DEFAULT_IP_TYPES`).

Court case numbers (案号): （year）+ court code + type + serial + 号, e.g.
"（2026）内0526民特516号" for 扎鲁特旗人民法院. The court code is the province's one-character
abbreviation (Inner Mongolia: 内, never 蒙) and the court's division digits.
:func:`check_court_case_number` refuses a number of another court.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ipdesk.models import Agency, IpType
from ipdesk.services.errors import ValidationError

__all__ = [
    "BASIC_IP_TYPES",
    "COURT_LEVELS",
    "DEFAULT_IP_TYPES",
    "INTERMEDIATE_IP_TYPES",
    "CourtCaseNumber",
    "check_court_case_number",
    "court_hears",
    "court_ip_types",
    "parse_court_case_number",
]

#: Levels a court in the table may have.
COURT_LEVELS = ("basic", "intermediate", "ip_court", "high")

#: First instance at IP courts and intermediate courts (法释〔2022〕13号 Arts. 1 and 2):
#: the application for confirmation goes to the intermediate court (民事诉讼法 Art. 205).
INTERMEDIATE_IP_TYPES = frozenset(
    {
        IpType.PATENT_INVENTION,
        IpType.PATENT_UTILITY_MODEL,
        IpType.PATENT_DESIGN,
        IpType.TECHNICAL_SECRET,
        IpType.SOFTWARE_COPYRIGHT,
        IpType.PLANT_VARIETY,
        IpType.IC_LAYOUT,
    }
)
#: The other IP disputes: basic courts the SPC designates (Art. 3).
BASIC_IP_TYPES = frozenset(set(IpType) - INTERMEDIATE_IP_TYPES)

#: What a court whose designations are not maintained is taken to hear, by level.
DEFAULT_IP_TYPES: dict[str, frozenset[IpType]] = {
    "basic": BASIC_IP_TYPES,
    "intermediate": frozenset(IpType),
    "ip_court": frozenset(IpType),
    "high": frozenset(),
}


def court_ip_types(court: Agency) -> frozenset[IpType]:
    """The IP types ``court`` hears at first instance (its maintained list, else its
    level's default); unknown values in the list are ignored."""
    if court.ip_types is None:
        return DEFAULT_IP_TYPES.get(court.court_level or "", frozenset())
    known = {t.value for t in IpType}
    return frozenset(IpType(v) for v in court.ip_types if v in known)


def court_hears(court: Agency, ip_type: IpType) -> bool:
    return ip_type in court_ip_types(court)


def clean_ip_types(values: Iterable[str] | None) -> list[str] | None:
    """A list for ``Agency.ip_types``: known values in IpType order, None for None."""
    if values is None:
        return None
    chosen = {str(v).strip() for v in values}
    return [t.value for t in IpType if t.value in chosen]


# --------------------------------------------------------------------------- case numbers

_NUMBER_RE = re.compile(
    r"（(?P<year>\d{4})）(?P<province>[^\d（）]?)(?P<digits>\d{2}(?:\d{2})?)"
    r"(?P<type>[\u4e00-\u9fff]{1,6}?)(?P<serial>\d{1,7})号"
)
_CODE_RE = re.compile(r"(?P<province>[^\d]?)(?P<digits>\d{2}(?:\d{2})?)")
#: Province abbreviations that are not those of case numbers.
_WRONG_PROVINCE = {"蒙": "内"}


@dataclass(frozen=True)
class CourtCaseNumber:
    year: int
    court_code: str  # 内0526
    type: str  # 民特
    serial: int


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    return text.replace("(", "（").replace(")", "）")


def parse_court_case_number(text: str) -> CourtCaseNumber | None:
    match = _NUMBER_RE.fullmatch(_normalise(text))
    if match is None:
        return None
    return CourtCaseNumber(
        year=int(match["year"]),
        court_code=match["province"] + match["digits"],
        type=match["type"],
        serial=int(match["serial"]),
    )


def normalise_court_case_number(text: str) -> str:
    """Full-width brackets, no spaces: the form the documents print."""
    return _normalise(text)


def check_court_case_number(
    field: str,
    text: str,
    court: Agency | None,
    *,
    types: tuple[str, ...] = (),
) -> CourtCaseNumber:
    """The parsed number, or a ValidationError: ``court_case_number_format`` (not
    （year）code type serial 号), ``court_case_number_province`` (蒙 for 内),
    ``court_case_number_court`` (another court's code than ``court``'s ``case_code``),
    ``court_case_number_type`` (a type word not in ``types``, e.g. 民特 for a ruling on
    judicial confirmation)."""
    example = f"（2026）{(court.case_code if court and court.case_code else '内0502')}民特12号"
    parsed = parse_court_case_number(text)
    if parsed is None:
        raise ValidationError(
            field,
            f"案号格式不正确，应为（年份）法院代字、类型代字、序号和“号”，如{example}",
            code="court_case_number_format",
            example=example,
        )
    province = parsed.court_code[:1] if not parsed.court_code[:1].isdigit() else ""
    if province in _WRONG_PROVINCE:
        right = _WRONG_PROVINCE[province]
        raise ValidationError(
            field,
            f"案号中的省级简称应为“{right}”而不是“{province}”（如{example}）",
            code="court_case_number_province",
            wrong=province,
            right=right,
            example=example,
        )
    expected = (court.case_code or "").strip() if court is not None else ""
    if expected and parsed.court_code != expected:
        assert court is not None
        raise ValidationError(
            field,
            f"案号中的法院代字“{parsed.court_code}”不是{court.name}的代字“{expected}”",
            code="court_case_number_court",
            found=parsed.court_code,
            expected=expected,
            court_name=court.name,
        )
    if types and parsed.type not in types:
        raise ValidationError(
            field,
            f"案号的类型代字应为“{'”或“'.join(types)}”，而不是“{parsed.type}”",
            code="court_case_number_type",
            found=parsed.type,
            expected="、".join(types),
        )
    return parsed


def check_case_code(field: str, text: str) -> str | None:
    """A court's case-number code (内05, 内0502): None for empty, else the code."""
    code = _normalise(text or "")
    if not code:
        return None
    match = _CODE_RE.fullmatch(code)
    if match is None or not match["province"] or match["province"].isdigit():
        raise ValidationError(
            field,
            "法院代字应为省级简称加行政区划数字，如内05、内0502",
            code="case_code_format",
        )
    if match["province"] in _WRONG_PROVINCE:
        right = _WRONG_PROVINCE[match["province"]]
        raise ValidationError(
            field,
            f"法院代字中的省级简称应为“{right}”而不是“{match['province']}”",
            code="court_case_number_province",
            wrong=match["province"],
            right=right,
            example=f"{right}{match['digits']}",
        )
    return code
