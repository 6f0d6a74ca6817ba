"""Complaint intake: the form as data, its validation, conflict check and registration.

The intake dialog and the ledger importer share everything here: an :class:`IntakeForm`
holds what a person typed (text, as typed; dates and amounts may also come parsed), and
:func:`validate_intake` reports every invalid field with a stable code and a specific
Chinese message, without touching the database. :func:`register_case` validates again
(adding the checks that need the database: station, court, scope), assigns the case
number and writes the case, its parties, evidence files and the ``registered`` timeline
event in the caller's transaction.

Field names in errors: the form's attribute names (``received``, ``station``, ``ip_type``,
``right_number``, ``amount_claimed``, ...), ``parties`` for the list as a whole,
``parties[i].<attribute>`` for one party and ``attachments[i]`` for one evidence file.

Case numbers are ``{office code}-{year of receipt}-{sequence:05d}``, gap-free per office
and year: the sequence row is incremented by an upsert, which locks it until the
transaction ends (PostgreSQL: row lock; SQLite: the BEGIN IMMEDIATE of ``ipdesk.db``
serialises writers), so a rolled-back registration gives its number back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import tempfile
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from ipdesk.models import (
    OPEN_STATUSES,
    Agency,
    AgencyKind,
    Attachment,
    Case,
    CaseCategory,
    CaseSequence,
    CaseStatus,
    Channel,
    DisputeType,
    EventKind,
    IpType,
    Office,
    Party,
    PartyKind,
    PartyRole,
    Role,
    Station,
)
from ipdesk.paths import user_data_dir
from ipdesk.services import blobs
from ipdesk.services import identifiers as ids
from ipdesk.services.access import may_see_case
from ipdesk.services.actors import Actor
from ipdesk.services.capabilities import Capability
from ipdesk.services.capabilities import require as require_capability
from ipdesk.services.errors import ValidationError, ValidationErrors
from ipdesk.services.evidence_types import ALLOWED_TEXT, EvidenceKind, kind_of, stored_suffix
from ipdesk.services.jurisdiction import check_court_case_number, normalise_court_case_number
from ipdesk.services.limits import LimitContext, legal_today, refresh_case_limits
from ipdesk.services.lookups import has_control_chars, has_format_chars, strip_unsafe_chars
from ipdesk.services.timeline import record_event

# --------------------------------------------------------------------------- vocabulary

IP_TYPE_LABELS: dict[IpType, str] = {
    IpType.PATENT_INVENTION: "发明专利",
    IpType.PATENT_UTILITY_MODEL: "实用新型专利",
    IpType.PATENT_DESIGN: "外观设计专利",
    IpType.TRADEMARK: "商标",
    IpType.COPYRIGHT: "著作权",
    IpType.SOFTWARE_COPYRIGHT: "计算机软件著作权",
    IpType.GEOGRAPHICAL_INDICATION: "地理标志",
    IpType.TRADE_SECRET: "商业秘密",
    IpType.TECHNICAL_SECRET: "技术秘密",
    IpType.IC_LAYOUT: "集成电路布图设计",
    IpType.PLANT_VARIETY: "植物新品种",
    IpType.OTHER: "其他",
}
DISPUTE_TYPE_LABELS: dict[DisputeType, str] = {
    DisputeType.INFRINGEMENT: "侵权纠纷",
    DisputeType.OWNERSHIP: "权属纠纷",
    DisputeType.CONTRACT: "合同纠纷",
    DisputeType.UNFAIR_COMPETITION: "不正当竞争纠纷",
    DisputeType.OTHER: "其他",
}
CHANNEL_LABELS: dict[Channel, str] = {
    Channel.WALK_IN: "来访",
    Channel.PHONE: "电话",
    Channel.ONLINE: "网上",
    Channel.COURT_REFERRAL: "法院委派",
    Channel.TRANSFER: "移交",
}
PARTY_ROLE_LABELS: dict[PartyRole, str] = {
    PartyRole.APPLICANT: "申请人",
    PartyRole.RESPONDENT: "被申请人",
    PartyRole.THIRD_PARTY: "第三人",
    PartyRole.AGENT: "代理人",
}
PARTY_KIND_LABELS: dict[PartyKind, str] = {
    PartyKind.PERSON: "自然人",
    PartyKind.ORGANISATION: "组织",
}
CATEGORY_LABELS: dict[CaseCategory, str] = {
    CaseCategory.SERIOUS: "重大",
    CaseCategory.ORDINARY: "一般",
    CaseCategory.MINOR: "轻微",
}

# Other ways people write the same choice (ledgers are typed by hand).
_ALIASES: dict[str, str] = {
    "发明": IpType.PATENT_INVENTION,
    "实用新型": IpType.PATENT_UTILITY_MODEL,
    "外观设计": IpType.PATENT_DESIGN,
    "注册商标": IpType.TRADEMARK,
    "版权": IpType.COPYRIGHT,
    "植物新品种权": IpType.PLANT_VARIETY,
    "侵权": DisputeType.INFRINGEMENT,
    "权属": DisputeType.OWNERSHIP,
    "合同": DisputeType.CONTRACT,
    "不正当竞争": DisputeType.UNFAIR_COMPETITION,
    "现场": Channel.WALK_IN,
    "窗口": Channel.WALK_IN,
    "来访登记": Channel.WALK_IN,
    "电话咨询": Channel.PHONE,
    "网络": Channel.ONLINE,
    "线上": Channel.ONLINE,
    "在线": Channel.ONLINE,
    "法院移送": Channel.COURT_REFERRAL,
    "法院委托": Channel.COURT_REFERRAL,
    "诉调对接": Channel.COURT_REFERRAL,
    "转交": Channel.TRANSFER,
    "转办": Channel.TRANSFER,
    "个人": PartyKind.PERSON,
    "单位": PartyKind.ORGANISATION,
    "法人": PartyKind.ORGANISATION,
    "企业": PartyKind.ORGANISATION,
}

MESSAGES: dict[str, str] = {
    "received_empty": "收到日期不能为空",
    "received_format": "收到日期格式不正确（如2026-11-27）",
    "received_future": "收到日期不能晚于今天",
    "received_too_early": "收到日期不能早于2000年1月1日",
    "station_empty": "请选择接收站点",
    "station_unknown": "站点代码不存在或已停用",
    "station_out_of_scope": "只能登记本人所属范围内站点收到的案件",
    "ip_type_empty": "请选择知识产权类型",
    "ip_type_invalid": "知识产权类型无效（应为：" + "、".join(IP_TYPE_LABELS.values()) + "）",
    "trademark_empty": "商标注册号不能为空",
    "right_number_format": "权利号过长或含有无效字符",
    "dispute_type_invalid": "纠纷类型无效（应为：" + "、".join(DISPUTE_TYPE_LABELS.values()) + "）",
    "channel_invalid": "来源方式无效（应为：" + "、".join(CHANNEL_LABELS.values()) + "）",
    "category_invalid": "案件类别无效（应为：" + "、".join(CATEGORY_LABELS.values()) + "）",
    "facts_empty": "事实与理由不能为空",
    "claim_empty": "请求事项不能为空",
    "amount_format": "请求金额应为数字（单位：元，最多两位小数）",
    "amount_negative": "请求金额不能为负数",
    "amount_precision": "请求金额最多保留两位小数（到分）",
    "amount_too_large": "请求金额过大",
    "court_case_number_empty": "法院委派的案件须填写法院案号",
    # services/jurisdiction.py writes these (with the court's example)
    "court_case_number_format": (
        "案号格式不正确，应为（年份）法院代字、类型代字、序号和“号”，如{example}"
    ),
    "court_case_number_province": "案号中的省级简称应为“{right}”而不是“{wrong}”（如{example}）",
    "court_case_number_court": "案号中的法院代字“{found}”不是{court_name}的代字“{expected}”",
    "court_unknown": "法院代码不存在",
    "text_too_long": "内容过长（最多{limit}个字符）",
    "text_control": "含有不可见的控制字符",
    "text_invisible": "含有零宽字符或文字方向控制字符",
    "applicant_missing": "至少需要一名申请人",
    "respondent_missing": "至少需要一名被申请人",
    "too_many_parties": "当事人过多（最多{limit}位）",
    "party_role_invalid": "当事人身份无效（应为申请人、被申请人、第三人或代理人）",
    "party_kind_invalid": "当事人类型应为自然人或组织",
    "party_name_empty": "姓名/名称不能为空",
    "party_duplicate_id": "与第{other}位当事人的证件号相同",
    "agent_represents": "代理人所代理的当事人无效",
    "represents_not_agent": "只有代理人才能代理其他当事人",
    "attachment_missing": "找不到附件文件“{name}”",
    "attachment_too_large": "附件“{name}”大小为{size}，超过上限{limit}",
    "attachment_duplicate": "附件“{name}”与第{other}个附件内容相同",
    "attachment_unreadable": "无法读取附件“{name}”",
    "attachment_exists": "附件“{name}”与本案已有的证据“{other}”内容相同",
    "attachment_type_refused": "附件“{name}”不是允许的证据文件类型（可用：{allowed}）",
    "attachment_name_too_long": "附件的文件名过长（{length}个字符，最多{limit}个字符）",
    "attachments_empty": "请选择要补充的证据文件",
}

_MAX_LEN = {
    "station": 32,
    "right_number": 40,
    "right_holder": 200,
    "facts": 20000,
    "claim": 10000,
    "court": 32,
    "court_case_number": 60,
    "name": 200,
    "id_number": 40,
    "phone": 40,
    "address": 300,
    "legal_representative": 100,
    "legal_representative_title": 60,
    "ethnicity": 20,
    "description": 300,
}
MAX_PARTIES = 50
EARLIEST_RECEIVED = dt.date(2000, 1, 1)
MAX_AMOUNT = Decimal("999999999999.99")  # Numeric(14, 2)
DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024

_PATENT_TYPES = frozenset(
    {IpType.PATENT_INVENTION, IpType.PATENT_UTILITY_MODEL, IpType.PATENT_DESIGN}
)

# --------------------------------------------------------------------------- the form


@dataclass(frozen=True)
class PartyForm:
    """One party as typed. ``role`` and ``kind`` take the enum values or Chinese labels.

    ``id_number`` is a resident ID for a person, a unified social credit code for an
    organisation. ``represents`` (agents only) is the index of the represented party in
    :attr:`IntakeForm.parties`.
    """

    role: str = PartyRole.APPLICANT.value
    kind: str = PartyKind.PERSON.value
    name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    ethnicity: str = ""
    legal_representative: str = ""
    legal_representative_title: str = ""
    represents: int | None = None


@dataclass(frozen=True)
class IntakeForm:
    """Everything the intake dialog asks (issue 3 §1). Choices take enum values or labels;
    ``received`` a date or text such as 2026-11-27; ``amount_claimed`` a Decimal or text
    in yuan (never a float); ``station`` and ``court`` are codes."""

    parties: tuple[PartyForm, ...] = ()
    ip_type: str = ""
    right_number: str = ""
    right_holder: str = ""
    dispute_type: str = DisputeType.INFRINGEMENT.value
    facts: str = ""
    claim: str = ""
    amount_claimed: Decimal | str | None = None
    channel: str = Channel.WALK_IN.value
    court: str = ""
    court_case_number: str = ""
    station: str = ""
    received: dt.date | str | None = None
    category: str = CaseCategory.ORDINARY.value


@dataclass(frozen=True)
class FieldWarning:
    """Suspicious but acceptable (e.g. an unknown area code in an ID number)."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class CleanParty:
    role: PartyRole
    kind: PartyKind
    name: str
    id_number: str | None
    phone: str | None
    address: str | None
    sex: str | None
    birth_date: dt.date | None
    ethnicity: str | None
    legal_representative: str | None
    legal_representative_title: str | None
    represents: int | None


@dataclass(frozen=True)
class CleanIntake:
    """A validated form, normalised: what register_case writes."""

    parties: tuple[CleanParty, ...]
    ip_type: IpType
    right_number: str | None
    right_holder: str | None
    dispute_type: DisputeType
    facts: str
    claim: str
    amount_claimed: Decimal | None
    channel: Channel
    court: str | None
    court_case_number: str | None
    station: str
    received: dt.date
    category: CaseCategory


@dataclass(frozen=True)
class IntakeCheck:
    errors: tuple[ValidationError, ...]
    warnings: tuple[FieldWarning, ...]
    clean: CleanIntake | None  # None when there are errors


@dataclass(frozen=True)
class AttachmentInput:
    """An evidence file to copy into the case's store."""

    path: Path
    description: str = ""
    name: str | None = None  # the original name to keep; default: the file's name

    @property
    def original_name(self) -> str:
        return self.name or self.path.name


@dataclass(frozen=True)
class StoredAttachment:
    id: int
    original_name: str
    stored_name: str  # relative to the store, see attachment_path()
    sha256: str
    size: int
    description: str | None


@dataclass(frozen=True)
class RegisteredCase:
    id: int
    number: str
    office_code: str
    station_code: str
    received_on: dt.date
    attachments: tuple[StoredAttachment, ...]
    warnings: tuple[FieldWarning, ...]


@dataclass(frozen=True)
class ConflictHit:
    """An open case that may be the same dispute: a warning, not a refusal.

    ``reason`` is ``same_respondent_and_right`` or ``same_parties``. ``may_open`` tells
    whether the actor may open the case (conflicts are looked for in the whole network,
    since a duplicate complaint is often lodged at another station).
    """

    case_id: int
    number: str
    status: str
    received_on: dt.date
    office_code: str
    reason: Literal["same_respondent_and_right", "same_parties"]
    message: str
    may_open: bool


# --------------------------------------------------------------------------- validation


def _error(field: str, code: str, **params: Any) -> ValidationError:
    return ValidationError(field, MESSAGES[code].format(**params), code=code, **params)


def _text(value: object) -> str:
    """Form text, NFC-normalised and stripped; anything that is not text counts as ''."""
    if not isinstance(value, str):
        return ""
    return unicodedata.normalize("NFC", value).strip()


def choice_value(value: object, labels: dict[Any, str]) -> str | None:
    """The enum value for ``value`` given as value, label or alias; None when unknown."""
    text = unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else ""
    if not text:
        return None
    members = {str(m.value): m for m in labels}
    if text.lower() in members:
        return str(members[text.lower()].value)
    for member, label in labels.items():
        if text == label:
            return str(member.value)
    alias = _ALIASES.get(text)
    if alias is not None and alias in members:
        return str(alias)
    return None


_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_date(value: object) -> dt.date | None:
    """A date from a date, a datetime or text such as 2026-11-27, 2026/11/27, 2026.11.27,
    2026年11月27日 or 20261127; None when it is none of these."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    match = _DATE_RE.fullmatch(text) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_amount(value: object, field: str = "amount_claimed") -> Decimal | None:
    """Yuan as a Decimal with at most two places; '12,000.50', '￥300', '300元' accepted.
    Empty means no amount (None). Floats are refused: money is never a float."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        text = text.removeprefix("¥").removeprefix("人民币").removesuffix("元").strip()
        text = text.replace(",", "").replace(" ", "")
        if not text:
            return None
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            raise _error(field, "amount_format")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise _error(field, "amount_format") from None
    else:
        raise _error(field, "amount_format")
    if not amount.is_finite():
        raise _error(field, "amount_format")
    if amount < 0:
        raise _error(field, "amount_negative")
    if amount > MAX_AMOUNT:
        raise _error(field, "amount_too_large")
    if amount != amount.quantize(Decimal("0.01")):
        raise _error(field, "amount_precision")
    return amount.quantize(Decimal("0.01"))


class _Collector:
    def __init__(self) -> None:
        self.errors: list[ValidationError] = []
        self.warnings: list[FieldWarning] = []

    def add(self, error: ValidationError) -> None:
        self.errors.append(error)

    def warn(self, field: str, codes: Iterable[str]) -> None:
        for code in codes:
            self.warnings.append(FieldWarning(field, code, ids.MESSAGES[code]))

    def text(
        self,
        field: str,
        value: object,
        limit: int,
        *,
        required: str | None = None,
        multiline: bool = False,
        name: bool = False,
    ) -> str:
        """The field's text; ``name``: zero-width and bidi characters are refused too."""
        text = _text(value)
        if multiline:  # Windows and old Mac line ends (a pasted text, an imported cell)
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text:
            if required:
                self.add(_error(field, required))
            return ""
        if len(text) > limit:
            self.add(_error(field, "text_too_long", limit=limit))
        elif has_control_chars(text, multiline=multiline):
            self.add(_error(field, "text_control"))
        elif name and has_format_chars(text):
            self.add(_error(field, "text_invisible"))
        return text


def check_intake(form: IntakeForm, *, today: dt.date | None = None) -> IntakeCheck:
    """Validate the whole form: every error, every warning, and the clean form if valid.

    Pure (no database). Never raises for bad input: that is what the errors are for.
    """
    today = today or legal_today()
    out = _Collector()

    received = None
    if form.received is None or (isinstance(form.received, str) and not form.received.strip()):
        out.add(_error("received", "received_empty"))
    else:
        received = parse_date(form.received)
        if received is None:
            out.add(_error("received", "received_format"))
        elif received > today:
            out.add(_error("received", "received_future"))
        elif received < EARLIEST_RECEIVED:
            out.add(_error("received", "received_too_early"))

    station = out.text("station", form.station, _MAX_LEN["station"], required="station_empty")

    ip_value = choice_value(form.ip_type, IP_TYPE_LABELS)
    if ip_value is None:
        out.add(
            _error("ip_type", "ip_type_empty" if not _text(form.ip_type) else "ip_type_invalid")
        )
    ip_type = IpType(ip_value) if ip_value else None
    right_number = _check_right_number(out, ip_type, form.right_number, today)
    right_holder = out.text("right_holder", form.right_holder, _MAX_LEN["right_holder"], name=True)

    dispute_value = choice_value(form.dispute_type, DISPUTE_TYPE_LABELS)
    if dispute_value is None:
        out.add(_error("dispute_type", "dispute_type_invalid"))
    channel_value = choice_value(form.channel, CHANNEL_LABELS)
    if channel_value is None:
        out.add(_error("channel", "channel_invalid"))
    category_value = choice_value(form.category, CATEGORY_LABELS)
    if category_value is None and _text(form.category):
        out.add(_error("category", "category_invalid"))

    facts = out.text("facts", form.facts, _MAX_LEN["facts"], required="facts_empty", multiline=True)
    claim = out.text("claim", form.claim, _MAX_LEN["claim"], required="claim_empty", multiline=True)
    amount = None
    try:
        amount = parse_amount(form.amount_claimed)
    except ValidationError as exc:
        out.add(exc)

    court = out.text("court", form.court, _MAX_LEN["court"])
    court_case_number = out.text(
        "court_case_number", form.court_case_number, _MAX_LEN["court_case_number"]
    )
    if channel_value == Channel.COURT_REFERRAL and not court_case_number:
        out.add(_error("court_case_number", "court_case_number_empty"))
    elif court_case_number:
        try:  # the court's own code is checked when the court is looked up (register)
            check_court_case_number("court_case_number", court_case_number, None)
            court_case_number = normalise_court_case_number(court_case_number)
        except ValidationError as exc:
            out.add(exc)

    parties = _check_parties(out, form.parties, today)

    if out.errors:
        return IntakeCheck(tuple(out.errors), tuple(out.warnings), None)
    assert received is not None and ip_type is not None
    assert dispute_value is not None and channel_value is not None and parties is not None
    clean = CleanIntake(
        parties=parties,
        ip_type=ip_type,
        right_number=right_number or None,
        right_holder=right_holder or None,
        dispute_type=DisputeType(dispute_value),
        facts=facts,
        claim=claim,
        amount_claimed=amount,
        channel=Channel(channel_value),
        court=court or None,
        court_case_number=court_case_number or None,
        station=station,
        received=received,
        category=CaseCategory(category_value or CaseCategory.ORDINARY),
    )
    return IntakeCheck((), tuple(out.warnings), clean)


def validate_intake(form: IntakeForm, *, today: dt.date | None = None) -> list[ValidationError]:
    """Every invalid field of the form (empty when it can be saved). No database needed:
    the station's existence and the actor's scope are checked by :func:`register_case`."""
    return list(check_intake(form, today=today).errors)


def _check_right_number(
    out: _Collector, ip_type: IpType | None, value: object, today: dt.date
) -> str:
    field = "right_number"
    text = _text(value)
    if ip_type in _PATENT_TYPES:
        try:
            return ids.validate_patent_number(
                text, field=field, ip_type=ip_type, today=today
            ).number
        except ValidationError as exc:
            out.add(exc)
            return ""
    if ip_type == IpType.TRADEMARK:
        if not text:
            out.add(_error(field, "trademark_empty"))
            return ""
        try:
            return ids.validate_trademark_number(text, field=field)
        except ValidationError as exc:
            out.add(exc)
            return ""
    text = unicodedata.normalize("NFKC", text)
    if len(text) > _MAX_LEN[field] or has_control_chars(text):
        out.add(_error(field, "right_number_format"))
        return ""
    return text


def _check_parties(
    out: _Collector, parties: object, today: dt.date
) -> tuple[CleanParty, ...] | None:
    if not isinstance(parties, tuple | list):
        parties = ()
    if len(parties) > MAX_PARTIES:
        out.add(_error("parties", "too_many_parties", limit=MAX_PARTIES))
        return None
    clean: list[CleanParty | None] = []
    roles: list[str | None] = []
    seen_ids: dict[str, int] = {}
    for index, party in enumerate(parties):
        if not isinstance(party, PartyForm):
            party = PartyForm(role="", kind="")
        clean.append(_check_party(out, index, party, seen_ids, today))
        roles.append(choice_value(party.role, PARTY_ROLE_LABELS))
    if PartyRole.APPLICANT not in roles:
        out.add(_error("parties", "applicant_missing"))
    if PartyRole.RESPONDENT not in roles:
        out.add(_error("parties", "respondent_missing"))
    for index, party in enumerate(parties):
        if not isinstance(party, PartyForm) or party.represents is None:
            continue
        field = f"parties[{index}].represents"
        target = party.represents
        if roles[index] != PartyRole.AGENT:
            out.add(_error(field, "represents_not_agent"))
        elif (
            not isinstance(target, int)
            or isinstance(target, bool)
            or not 0 <= target < len(parties)
            or target == index
            or roles[target] in (PartyRole.AGENT, None)
        ):
            out.add(_error(field, "agent_represents"))
    if any(p is None for p in clean):
        return None
    return tuple(p for p in clean if p is not None)


def _check_party(
    out: _Collector, index: int, party: PartyForm, seen_ids: dict[str, int], today: dt.date
) -> CleanParty | None:
    prefix = f"parties[{index}]."
    before = len(out.errors)
    role_value = choice_value(party.role, PARTY_ROLE_LABELS)
    if role_value is None:
        out.add(_error(prefix + "role", "party_role_invalid"))
    kind_value = choice_value(party.kind, PARTY_KIND_LABELS)
    if kind_value is None:
        out.add(_error(prefix + "kind", "party_kind_invalid"))
    name = out.text(
        prefix + "name", party.name, _MAX_LEN["name"], required="party_name_empty", name=True
    )
    phone_text = _text(party.phone)
    phone = None
    if phone_text:
        try:
            phone = ids.validate_phone(phone_text, field=prefix + "phone")
        except ValidationError as exc:
            out.add(exc)
    address = out.text(prefix + "address", party.address, _MAX_LEN["address"])
    ethnicity = out.text(prefix + "ethnicity", party.ethnicity, _MAX_LEN["ethnicity"])
    legal_rep = out.text(
        prefix + "legal_representative",
        party.legal_representative,
        _MAX_LEN["legal_representative"],
        name=True,
    )
    legal_title = out.text(
        prefix + "legal_representative_title",
        party.legal_representative_title,
        _MAX_LEN["legal_representative_title"],
    )

    id_text = _text(party.id_number)
    id_number: str | None = None
    sex: str | None = None
    birth: dt.date | None = None
    field = prefix + "id_number"
    # The applicant's identity is checked at the counter; others' numbers are often unknown.
    required = role_value == PartyRole.APPLICANT
    if kind_value is not None and (id_text or required):
        try:
            if kind_value == PartyKind.PERSON:
                rid = ids.validate_resident_id(id_text, field=field, today=today)
                id_number, sex, birth = rid.number, rid.sex, rid.birth_date
                out.warn(field, rid.warnings)
            else:
                uscc = ids.validate_uscc(id_text, field=field)
                id_number = uscc.number
                out.warn(field, uscc.warnings)
        except ValidationError as exc:
            out.add(exc)
    if id_number is not None:
        if id_number in seen_ids:
            out.add(_error(field, "party_duplicate_id", other=seen_ids[id_number] + 1))
        else:
            seen_ids[id_number] = index

    if len(out.errors) > before or role_value is None or kind_value is None:
        return None
    organisation = kind_value == PartyKind.ORGANISATION
    return CleanParty(
        role=PartyRole(role_value),
        kind=PartyKind(kind_value),
        name=name,
        id_number=id_number,
        phone=phone,
        address=address or None,
        sex=sex,
        birth_date=birth,
        ethnicity=(ethnicity or None) if not organisation else None,
        legal_representative=(legal_rep or None) if organisation else None,
        legal_representative_title=(legal_title or None) if organisation else None,
        represents=party.represents,
    )


# --------------------------------------------------------------------------- defaults


def default_form(session: Session, actor: Actor, *, today: dt.date | None = None) -> IntakeForm:
    """A new form as the dialog opens it: the actor's own station, received today, one
    applicant (a person) and one respondent (an organisation)."""
    station = ""
    if actor.station_id is not None:
        station = session.scalar(select(Station.code).where(Station.id == actor.station_id)) or ""
    return IntakeForm(
        parties=(
            PartyForm(role=PartyRole.APPLICANT.value, kind=PartyKind.PERSON.value),
            PartyForm(role=PartyRole.RESPONDENT.value, kind=PartyKind.ORGANISATION.value),
        ),
        station=station,
        received=today or legal_today(),
    )


# --------------------------------------------------------------------------- drafts


def form_to_json(form: IntakeForm) -> dict[str, Any]:
    """The form as JSON-safe data (an autosaved draft): dates as YYYY-MM-DD, amounts as
    text, everything else as typed."""
    data = dataclasses.asdict(form)
    data["parties"] = [dataclasses.asdict(p) for p in form.parties]
    if isinstance(form.received, dt.date):
        data["received"] = form.received.isoformat()
    if isinstance(form.amount_claimed, Decimal):
        data["amount_claimed"] = str(form.amount_claimed)
    return data


def form_from_json(data: object) -> IntakeForm:
    """A form from :func:`form_to_json`'s data. Whatever the data (an old or damaged
    draft), this returns a form: unknown keys are dropped, wrong types become empty."""
    if not isinstance(data, dict):
        return IntakeForm()

    def fields(cls: type[Any], raw: object) -> dict[str, Any]:
        if not isinstance(raw, dict):
            return {}
        kept: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            value = raw.get(f.name)
            if f.name == "represents":
                if isinstance(value, int) and not isinstance(value, bool):
                    kept[f.name] = value
            elif isinstance(value, str):
                kept[f.name] = value
        return kept

    parties_data = data.get("parties")
    parties = tuple(
        PartyForm(**fields(PartyForm, p))
        for p in (parties_data if isinstance(parties_data, list) else [])
    )
    values = fields(IntakeForm, data)
    values.pop("parties", None)
    received = values.get("received")
    if isinstance(received, str):
        values["received"] = parse_date(received) or received
    return IntakeForm(parties=parties, **values)


# --------------------------------------------------------------------------- conflicts


def find_conflicts(session: Session, actor: Actor, form: IntakeForm) -> list[ConflictHit]:
    """Open cases that may be the same dispute as ``form``.

    Same respondent (ID number or name) and same right number, or the same applicant and
    respondent (each matched by ID number or name). Works on a half-valid form: fields
    that do not validate are ignored.
    """
    applicants: list[tuple[str | None, str]] = []
    respondents: list[tuple[str | None, str]] = []
    for party in form.parties if isinstance(form.parties, tuple | list) else ():
        if not isinstance(party, PartyForm):
            continue
        role = choice_value(party.role, PARTY_ROLE_LABELS)
        kind = choice_value(party.kind, PARTY_KIND_LABELS)
        name = _text(party.name)
        number: str | None = None
        if kind and _text(party.id_number):
            try:
                number = ids.validate_party_id(party.id_number, kind).number  # type: ignore[arg-type]
            except ValidationError:
                number = None
        if not (name or number):
            continue
        if role == PartyRole.APPLICANT:
            applicants.append((number, name))
        elif role == PartyRole.RESPONDENT:
            respondents.append((number, name))
    if not respondents:
        return []

    def matching(role: PartyRole, people: list[tuple[str | None, str]]) -> Any:
        numbers = [n for n, _ in people if n]
        names = [name for _, name in people if name]
        conditions = []
        if numbers:
            conditions.append(Party.id_number.in_(numbers))
        if names:
            conditions.append(Party.name.in_(names))
        return (
            select(Party.case_id)
            .join(Case, Case.id == Party.case_id)
            .where(Party.role == role, or_(*conditions), Case.status.in_(OPEN_STATUSES))
        )

    by_respondent = set(session.scalars(matching(PartyRole.RESPONDENT, respondents)))
    if not by_respondent:
        return []
    reasons: dict[int, Literal["same_respondent_and_right", "same_parties"]] = {}
    ip_value = choice_value(form.ip_type, IP_TYPE_LABELS)
    right = _normal_right_number(IpType(ip_value) if ip_value else None, form.right_number)
    if right:
        same_right = session.scalars(
            select(Case.id).where(Case.id.in_(by_respondent), Case.right_number == right)
        )
        reasons.update(dict.fromkeys(same_right, "same_respondent_and_right"))
    if applicants:
        same_parties = set(session.scalars(matching(PartyRole.APPLICANT, applicants)))
        for case_id in by_respondent & same_parties:
            reasons.setdefault(case_id, "same_parties")
    if not reasons:
        return []
    rows = session.execute(
        select(Case, Office.code)
        .join(Office, Office.id == Case.office_id)
        .where(Case.id.in_(reasons))
        .order_by(Case.id.desc())
    ).all()
    texts = {
        "same_respondent_and_right": "在办案件 {number} 的被申请人和权利号与本案相同",
        "same_parties": "在办案件 {number} 的申请人和被申请人与本案相同",
    }
    return [
        ConflictHit(
            case_id=case.id,
            number=case.number,
            status=case.status.value,
            received_on=case.received_on,
            office_code=office_code,
            reason=reasons[case.id],
            message=texts[reasons[case.id]].format(number=case.number),
            may_open=may_see_case(actor, case),
        )
        for case, office_code in rows
    ]


def _normal_right_number(ip_type: IpType | None, value: object) -> str:
    text = _text(value)
    if not text:
        return ""
    try:
        if ip_type in _PATENT_TYPES:
            return ids.validate_patent_number(text).number
        if ip_type == IpType.TRADEMARK:
            return ids.validate_trademark_number(text)
    except ValidationError:
        return ""
    return unicodedata.normalize("NFKC", text)


# --------------------------------------------------------------------------- case numbers


def next_case_number(session: Session, office: Office, year: int) -> str:
    """Take the next number of ``office`` in ``year``: an atomic upsert of the sequence row.

    The row stays locked until the transaction ends, so concurrent registrations in one
    office wait for each other and get consecutive numbers; a rollback returns the number.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(CaseSequence)
        .values(office_id=office.id, year=year, last_value=1)
        .on_conflict_do_update(
            index_elements=[CaseSequence.office_id, CaseSequence.year],
            set_={"last_value": CaseSequence.last_value + 1},
        )
        .returning(CaseSequence.last_value)
    )
    value = session.execute(statement).scalar_one()
    # An ORM copy of the row in this session is now stale.
    loaded = session.identity_map.get(identity_key(CaseSequence, (office.id, year)))
    if loaded is not None:
        session.expire(loaded)
    return format_case_number(office.code, year, value)


def format_case_number(office_code: str, year: int, sequence: int) -> str:
    return f"{office_code}-{year}-{sequence:05d}"


# --------------------------------------------------------------------------- attachments


def default_attachment_store() -> Path:
    """Where the desktop keeps the private copies of evidence files it opens (and where
    earlier versions kept the files themselves): <user data dir>/attachments."""
    return user_data_dir() / "attachments"


def attachment_path(store: Path, stored_name: str) -> Path:
    """Where an attachment's private copy lies in ``store`` (written from the database by
    :func:`ipdesk.services.evidence.attachment_file` for the system's viewer)."""
    return store.joinpath(*stored_name.split("/"))


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} 字节"


def _check_attachment_sizes(
    attachments: Sequence[AttachmentInput], max_bytes: int
) -> list[ValidationError]:
    errors = []
    for index, item in enumerate(attachments):
        field = f"attachments[{index}]"
        try:
            stat = item.path.stat()
        except OSError:
            errors.append(_error(field, "attachment_missing", name=item.original_name))
            continue
        if not item.path.is_file():
            errors.append(_error(field, "attachment_missing", name=item.original_name))
        elif stat.st_size > max_bytes:
            errors.append(
                _error(
                    field,
                    "attachment_too_large",
                    name=item.original_name,
                    size=_size_text(stat.st_size),
                    limit=_size_text(max_bytes),
                )
            )
        elif len(name := evidence_name(item.original_name)) > MAX_ATTACHMENT_NAME:
            errors.append(
                _error(
                    field, "attachment_name_too_long", length=len(name), limit=MAX_ATTACHMENT_NAME
                )
            )
        elif len(item.description) > _MAX_LEN["description"]:
            errors.append(_error(field, "text_too_long", limit=_MAX_LEN["description"]))
    return errors


MAX_ATTACHMENT_NAME = 260
"""The longest evidence file name (characters, after :func:`evidence_name`)."""


def evidence_name(name: str) -> str:
    """An attached file's name as stored and shown: NFC, without control, zero-width or
    bidi characters ("合同\u202efdp.exe" would show as "合同exe.pdf") or noncharacters,
    stripped; "未命名文件" when nothing is left."""
    return strip_unsafe_chars(unicodedata.normalize("NFC", name)).strip() or "未命名文件"


@dataclass
class _Staged:
    index: int
    item: AttachmentInput
    temp: Path
    sha256: str
    size: int
    kind: EvidenceKind | None = None


@dataclass
class _FileSet:
    """The private copies of one registration's files, staged for their checks (kind by
    content, size, duplicates) and stored from there into the database's content store
    (services/blobs.py) in the caller's transaction; removed once stored or refused."""

    staged: list[_Staged] = field(default_factory=list)
    folder: Path | None = None  # a private temporary folder, made on the first file

    def remove(self) -> None:
        for staged in self.staged:
            with suppress(OSError):
                staged.temp.unlink(missing_ok=True)
        if self.folder is not None:
            with suppress(OSError):
                self.folder.rmdir()

    def stage(self, index: int, item: AttachmentInput, max_bytes: int) -> None:
        """Copy a file into a private temporary folder, hashing it on the way (a copy
        nobody else can change between its checks and its storing)."""
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="ipdesk-incoming-"))
        temp = self.folder / f"{uuid.uuid4().hex}.part"
        digest = hashlib.sha256()
        size = 0
        field_name = f"attachments[{index}]"
        staged = _Staged(index, item, temp, "", 0)
        self.staged.append(staged)
        try:
            with item.path.open("rb") as source, temp.open("xb") as target:
                while chunk := source.read(blobs.CHUNK_BYTES):
                    size += len(chunk)
                    if size > max_bytes:
                        raise _error(
                            field_name,
                            "attachment_too_large",
                            name=item.original_name,
                            size=_size_text(size),
                            limit=_size_text(max_bytes),
                        )
                    digest.update(chunk)
                    target.write(chunk)
        except OSError:
            raise _error(field_name, "attachment_unreadable", name=item.original_name) from None
        staged.sha256, staged.size = digest.hexdigest(), size
        staged.kind = kind_of(temp)  # by content: the name may lie
        if staged.kind is None:
            raise _error(
                field_name,
                "attachment_type_refused",
                name=evidence_name(item.original_name),
                allowed=ALLOWED_TEXT,
            )

    def place(self, session: Session, staged: _Staged, case_id: int) -> str:
        """Store a staged file's content in the database (once per content, in the
        session's transaction); return the attachment's stored name, the name of its
        private copy when a desktop opens it (see :func:`attachment_path`)."""
        assert staged.kind is not None
        name = evidence_name(staged.item.original_name)
        content = blobs.put_file(
            session, staged.temp, kind=staged.kind.key, max_bytes=blobs.HARD_MAX_BYTES, name=name
        )
        if content.sha256 != staged.sha256:  # the private copy changed under us
            raise _error(f"attachments[{staged.index}]", "attachment_unreadable", name=name)
        # an extension of its kind: the system opens it with a viewer of what it is
        suffix = stored_suffix(staged.kind, name)
        return f"{case_id}/{staged.sha256}{suffix}"


# --------------------------------------------------------------------------- registration


@dataclass(frozen=True)
class _StationRef:
    id: int
    code: str
    office: Office


class Registrar:
    """Registers validated forms in one session: the core shared by the intake dialog
    (:func:`register_case`) and the ledger import (many cases, one transaction)."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        *,
        today: dt.date | None = None,
        capability: Capability = Capability.REGISTER_CASES,
    ) -> None:
        require_capability(actor, capability)
        self.session = session
        self.actor = actor
        self.today = today or legal_today()
        self._stations: dict[str, _StationRef | None] = {}
        self._courts: dict[str, int | None] = {}
        self._context: LimitContext | None = None

    def station(self, code: str, field: str = "station") -> _StationRef:
        """The active station with ``code``, if the actor may register cases for it."""
        if has_control_chars(code):  # no station has such a code (and PostgreSQL refuses NUL)
            raise _error(field, "station_unknown")
        if code not in self._stations:
            found = self.session.execute(
                select(Station.id, Station.code, Office)
                .join(Office, Office.id == Station.office_id)
                .where(Station.code == code, Station.active)
            ).first()
            self._stations[code] = _StationRef(found[0], found[1], found[2]) if found else None
        ref = self._stations[code]
        if ref is None:
            raise _error(field, "station_unknown")
        actor = self.actor
        allowed = (
            actor.is_citywide
            or (actor.role == Role.STATION_STAFF and ref.id == actor.station_id)
            or (actor.role == Role.OFFICE_MANAGER and ref.office.id == actor.office_id)
        )
        if not allowed:
            raise _error(field, "station_out_of_scope")
        return ref

    def court(self, code: str, field: str = "court") -> int:
        if has_control_chars(code):
            raise _error(field, "court_unknown")
        if code not in self._courts:
            self._courts[code] = self.session.scalar(
                select(Agency.id).where(Agency.code == code, Agency.kind == AgencyKind.COURT)
            )
        court_id = self._courts[code]
        if court_id is None:
            raise _error(field, "court_unknown")
        return court_id

    def database_errors(self, clean: CleanIntake) -> list[ValidationError]:
        """The checks that need the database (station, court, the court case number's
        court code); empty when all pass."""
        errors = []
        try:
            self.station(clean.station)
        except ValidationError as exc:
            errors.append(exc)
        if clean.court:
            try:
                court = self.session.get(Agency, self.court(clean.court))
                if clean.court_case_number:
                    check_court_case_number("court_case_number", clean.court_case_number, court)
            except ValidationError as exc:
                errors.append(exc)
        return errors

    def register(
        self,
        clean: CleanIntake,
        files: _FileSet | None = None,
        *,
        details: dict[str, Any] | None = None,
    ) -> tuple[Case, tuple[StoredAttachment, ...]]:
        """Write one validated case. The caller has run :meth:`database_errors`."""
        session, actor = self.session, self.actor
        station = self.station(clean.station)
        case = Case(
            number=next_case_number(session, station.office, clean.received.year),
            office_id=station.office.id,
            station_id=station.id,
            status=CaseStatus.REGISTERED,
            is_suspended=False,
            ip_type=clean.ip_type,
            right_number=clean.right_number,
            right_holder=clean.right_holder,
            dispute_type=clean.dispute_type,
            facts=clean.facts,
            claim=clean.claim,
            amount_claimed=clean.amount_claimed,
            channel=clean.channel,
            referring_court_id=self.court(clean.court) if clean.court else None,
            court_case_number=clean.court_case_number,
            category=clean.category,
            received_on=clean.received,
            created_by_id=actor.user_id,
        )
        session.add(case)
        parties = []
        for position, p in enumerate(clean.parties):
            party = Party(
                position=position,
                role=p.role,
                kind=p.kind,
                name=p.name,
                id_number=p.id_number,
                phone=p.phone,
                address=p.address,
                sex=p.sex,
                birth_date=p.birth_date,
                ethnicity=p.ethnicity,
                legal_representative=p.legal_representative,
                legal_representative_title=p.legal_representative_title,
            )
            case.parties.append(party)
            parties.append(party)
        session.flush()
        for party, p in zip(parties, clean.parties, strict=True):
            if p.represents is not None:
                party.represents_id = parties[p.represents].id
        stored = _record_files(session, actor, case.id, files) if files is not None else []
        record_event(
            session,
            case,
            actor,
            EventKind.REGISTERED,
            to_status=CaseStatus.REGISTERED,
            details=details,
        )
        session.flush()
        if self._context is None:
            self._context = LimitContext.load(session)
        refresh_case_limits(session, case, self._context)
        return case, _stored(stored)


def _record_files(
    session: Session, actor: Actor, case_id: int, files: _FileSet
) -> list[Attachment]:
    """Move the staged files of ``files`` into place and add their rows to the case."""
    stored: list[Attachment] = []
    for staged in files.staged:
        attachment = Attachment(
            case_id=case_id,
            original_name=evidence_name(staged.item.original_name),
            stored_name=files.place(session, staged, case_id),
            sha256=staged.sha256,
            size=staged.size,
            description=staged.item.description.strip() or None,
            added_by_id=actor.user_id,
        )
        session.add(attachment)
        stored.append(attachment)
    return stored


def _stored(rows: Sequence[Attachment]) -> tuple[StoredAttachment, ...]:
    return tuple(
        StoredAttachment(a.id, a.original_name, a.stored_name, a.sha256, a.size, a.description)
        for a in rows
    )


def register_case(
    session: Session,
    actor: Actor,
    form: IntakeForm,
    attachments: Sequence[AttachmentInput] = (),
    *,
    store: Path | None = None,
    max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
    today: dt.date | None = None,
) -> RegisteredCase:
    """Register the case of ``form`` with its evidence ``attachments``, in the caller's
    transaction (``with session_factory.begin() as session: register_case(...)``).

    Refuses with :class:`ValidationErrors` listing every invalid field (form, station,
    court, attachments) and :class:`PermissionDenied` for a role that does not register
    cases. Evidence files are stored in the database's content store (services/blobs.py)
    in the caller's transaction: nothing is stored if it does not commit. ``store`` (the
    desktop's folder of private copies) is not needed any more and is ignored.
    """
    today = today or legal_today()
    registrar = Registrar(session, actor, today=today)
    check = check_intake(form, today=today)
    errors = list(check.errors)
    if check.clean is not None:
        errors += registrar.database_errors(check.clean)
    else:
        code = _text(form.station)
        if code:
            try:
                registrar.station(code)
            except ValidationError as exc:
                errors.append(exc)
    errors += _check_attachment_sizes(attachments, max_attachment_bytes)
    if errors:
        raise ValidationErrors(errors)
    assert check.clean is not None

    files = _FileSet()
    try:
        for index, item in enumerate(attachments):
            files.stage(index, item, max_attachment_bytes)
        _refuse_duplicate_files(files)
        case, stored = registrar.register(check.clean, files)
    finally:
        files.remove()
    ref = registrar.station(check.clean.station)
    return RegisteredCase(
        id=case.id,
        number=case.number,
        office_code=ref.office.code,
        station_code=ref.code,
        received_on=case.received_on,
        attachments=stored,
        warnings=check.warnings,
    )


def store_attachments(
    session: Session,
    actor: Actor,
    case: Case,
    attachments: Sequence[AttachmentInput],
    *,
    store: Path | None = None,
    max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
) -> tuple[StoredAttachment, ...]:
    """Add evidence ``attachments`` to a registered ``case`` exactly as intake stores them
    (checks, staging, the content into the database's store), in the caller's transaction
    (``store`` is ignored, as by :func:`register_case`). The caller has checked that
    ``actor`` may add evidence. Refuses with :class:`ValidationErrors`
    (``attachments[i]``): no file, a missing, unreadable or too large file, two equal
    files, or a file the case holds already."""
    if not attachments:
        raise ValidationErrors([_error("attachments", "attachments_empty")])
    errors = _check_attachment_sizes(attachments, max_attachment_bytes)
    if errors:
        raise ValidationErrors(errors)
    files = _FileSet()
    try:
        for index, item in enumerate(attachments):
            files.stage(index, item, max_attachment_bytes)
        _refuse_duplicate_files(files)
        held: dict[str, str] = {
            sha: name
            for sha, name in session.execute(
                select(Attachment.sha256, Attachment.original_name).where(
                    Attachment.case_id == case.id
                )
            )
        }
        errors = [
            _error(
                f"attachments[{staged.index}]",
                "attachment_exists",
                name=staged.item.original_name,
                other=held[staged.sha256],
            )
            for staged in files.staged
            if staged.sha256 in held
        ]
        if errors:
            raise ValidationErrors(errors)
        rows = _record_files(session, actor, case.id, files)
        session.flush()
    finally:
        files.remove()
    return _stored(rows)


def _refuse_duplicate_files(files: _FileSet) -> None:
    seen: dict[str, int] = {}
    errors = []
    for staged in files.staged:
        if staged.sha256 in seen:
            errors.append(
                _error(
                    f"attachments[{staged.index}]",
                    "attachment_duplicate",
                    name=staged.item.original_name,
                    other=seen[staged.sha256] + 1,
                )
            )
        else:
            seen[staged.sha256] = staged.index
    if errors:
        raise ValidationErrors(errors)


def message_for(code: str, **params: Any) -> str:
    """The default Chinese text of one of this module's or identifiers' codes."""
    template = MESSAGES.get(code) or ids.MESSAGES.get(code) or code
    return template.format(**params)


__all__ = [
    "CATEGORY_LABELS",
    "CHANNEL_LABELS",
    "DEFAULT_MAX_ATTACHMENT_BYTES",
    "DISPUTE_TYPE_LABELS",
    "IP_TYPE_LABELS",
    "MESSAGES",
    "PARTY_KIND_LABELS",
    "PARTY_ROLE_LABELS",
    "AttachmentInput",
    "CleanIntake",
    "CleanParty",
    "ConflictHit",
    "FieldWarning",
    "IntakeCheck",
    "IntakeForm",
    "PartyForm",
    "RegisteredCase",
    "Registrar",
    "StoredAttachment",
    "attachment_path",
    "check_intake",
    "choice_value",
    "default_form",
    "find_conflicts",
    "form_from_json",
    "form_to_json",
    "format_case_number",
    "message_for",
    "next_case_number",
    "parse_amount",
    "parse_date",
    "register_case",
    "store_attachments",
    "validate_intake",
]
