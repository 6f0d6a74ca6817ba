"""The intake form's validation: every invalid field with a stable code and a specific
Chinese message (:data:`MESSAGES`), without the database (:func:`check_intake`); the
parsing of dates, amounts and choices typed by hand. The checks that need the database
(station, court, scope) are :class:`ipdesk.services.cases.intake.Registrar`'s.

Field names in errors: the form's attribute names (``received``, ``station``, ``ip_type``,
``right_number``, ``amount_claimed``, ...), ``parties`` for the list as a whole,
``parties[i].<attribute>`` for one party and ``attachments[i]`` for one evidence file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from ipdesk.models import (
    CaseCategory,
    Channel,
    DisputeType,
    IpType,
    PartyKind,
    PartyRole,
)
from ipdesk.services.cases.intake_form import (
    CleanIntake,
    CleanParty,
    FieldWarning,
    IntakeCheck,
    IntakeForm,
    PartyForm,
)
from ipdesk.services.errors import ValidationError
from ipdesk.services.queries.lookups import has_control_chars, has_format_chars
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.services.rules.jurisdiction import check_court_case_number, normalise_court_case_number
from ipdesk.services.rules.vocabulary import (
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    CHOICE_ALIASES,
    DISPUTE_TYPE_LABELS,
    IP_TYPE_LABELS,
    PARTY_KIND_LABELS,
    PARTY_ROLE_LABELS,
)

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
    # services/rules/jurisdiction.py writes these (with the court's example)
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

MAX_LENGTHS = {
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

PATENT_TYPES = frozenset(
    {IpType.PATENT_INVENTION, IpType.PATENT_UTILITY_MODEL, IpType.PATENT_DESIGN}
)


def field_error(field: str, code: str, **params: Any) -> ValidationError:
    return ValidationError(field, MESSAGES[code].format(**params), code=code, **params)


def form_text(value: object) -> str:
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
    alias = CHOICE_ALIASES.get(text)
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
            raise field_error(field, "amount_format")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise field_error(field, "amount_format") from None
    else:
        raise field_error(field, "amount_format")
    if not amount.is_finite():
        raise field_error(field, "amount_format")
    if amount < 0:
        raise field_error(field, "amount_negative")
    if amount > MAX_AMOUNT:
        raise field_error(field, "amount_too_large")
    if amount != amount.quantize(Decimal("0.01")):
        raise field_error(field, "amount_precision")
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
        text = form_text(value)
        if multiline:  # Windows and old Mac line ends (a pasted text, an imported cell)
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text:
            if required:
                self.add(field_error(field, required))
            return ""
        if len(text) > limit:
            self.add(field_error(field, "text_too_long", limit=limit))
        elif has_control_chars(text, multiline=multiline):
            self.add(field_error(field, "text_control"))
        elif name and has_format_chars(text):
            self.add(field_error(field, "text_invisible"))
        return text


def check_intake(form: IntakeForm, *, today: dt.date | None = None) -> IntakeCheck:
    """Validate the whole form: every error, every warning, and the clean form if valid.

    Pure (no database). Never raises for bad input: that is what the errors are for.
    """
    today = today or legal_today()
    out = _Collector()

    received = None
    if form.received is None or (isinstance(form.received, str) and not form.received.strip()):
        out.add(field_error("received", "received_empty"))
    else:
        received = parse_date(form.received)
        if received is None:
            out.add(field_error("received", "received_format"))
        elif received > today:
            out.add(field_error("received", "received_future"))
        elif received < EARLIEST_RECEIVED:
            out.add(field_error("received", "received_too_early"))

    station = out.text("station", form.station, MAX_LENGTHS["station"], required="station_empty")

    ip_value = choice_value(form.ip_type, IP_TYPE_LABELS)
    if ip_value is None:
        out.add(
            field_error(
                "ip_type", "ip_type_empty" if not form_text(form.ip_type) else "ip_type_invalid"
            )
        )
    ip_type = IpType(ip_value) if ip_value else None
    right_number = _check_right_number(out, ip_type, form.right_number, today)
    right_holder = out.text(
        "right_holder", form.right_holder, MAX_LENGTHS["right_holder"], name=True
    )

    dispute_value = choice_value(form.dispute_type, DISPUTE_TYPE_LABELS)
    if dispute_value is None:
        out.add(field_error("dispute_type", "dispute_type_invalid"))
    channel_value = choice_value(form.channel, CHANNEL_LABELS)
    if channel_value is None:
        out.add(field_error("channel", "channel_invalid"))
    category_value = choice_value(form.category, CATEGORY_LABELS)
    if category_value is None and form_text(form.category):
        out.add(field_error("category", "category_invalid"))

    facts = out.text(
        "facts", form.facts, MAX_LENGTHS["facts"], required="facts_empty", multiline=True
    )
    claim = out.text(
        "claim", form.claim, MAX_LENGTHS["claim"], required="claim_empty", multiline=True
    )
    amount = None
    try:
        amount = parse_amount(form.amount_claimed)
    except ValidationError as exc:
        out.add(exc)

    court = out.text("court", form.court, MAX_LENGTHS["court"])
    court_case_number = out.text(
        "court_case_number", form.court_case_number, MAX_LENGTHS["court_case_number"]
    )
    if channel_value == Channel.COURT_REFERRAL and not court_case_number:
        out.add(field_error("court_case_number", "court_case_number_empty"))
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
    text = form_text(value)
    if ip_type in PATENT_TYPES:
        try:
            return ids.validate_patent_number(
                text, field=field, ip_type=ip_type, today=today
            ).number
        except ValidationError as exc:
            out.add(exc)
            return ""
    if ip_type == IpType.TRADEMARK:
        if not text:
            out.add(field_error(field, "trademark_empty"))
            return ""
        try:
            return ids.validate_trademark_number(text, field=field)
        except ValidationError as exc:
            out.add(exc)
            return ""
    text = unicodedata.normalize("NFKC", text)
    if len(text) > MAX_LENGTHS[field] or has_control_chars(text):
        out.add(field_error(field, "right_number_format"))
        return ""
    return text


def _check_parties(
    out: _Collector, parties: object, today: dt.date
) -> tuple[CleanParty, ...] | None:
    if not isinstance(parties, tuple | list):
        parties = ()
    if len(parties) > MAX_PARTIES:
        out.add(field_error("parties", "too_many_parties", limit=MAX_PARTIES))
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
        out.add(field_error("parties", "applicant_missing"))
    if PartyRole.RESPONDENT not in roles:
        out.add(field_error("parties", "respondent_missing"))
    for index, party in enumerate(parties):
        if not isinstance(party, PartyForm) or party.represents is None:
            continue
        field = f"parties[{index}].represents"
        target = party.represents
        if roles[index] != PartyRole.AGENT:
            out.add(field_error(field, "represents_not_agent"))
        elif (
            not isinstance(target, int)
            or isinstance(target, bool)
            or not 0 <= target < len(parties)
            or target == index
            or roles[target] in (PartyRole.AGENT, None)
        ):
            out.add(field_error(field, "agent_represents"))
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
        out.add(field_error(prefix + "role", "party_role_invalid"))
    kind_value = choice_value(party.kind, PARTY_KIND_LABELS)
    if kind_value is None:
        out.add(field_error(prefix + "kind", "party_kind_invalid"))
    name = out.text(
        prefix + "name", party.name, MAX_LENGTHS["name"], required="party_name_empty", name=True
    )
    phone_text = form_text(party.phone)
    phone = None
    if phone_text:
        try:
            phone = ids.validate_phone(phone_text, field=prefix + "phone")
        except ValidationError as exc:
            out.add(exc)
    address = out.text(prefix + "address", party.address, MAX_LENGTHS["address"])
    ethnicity = out.text(prefix + "ethnicity", party.ethnicity, MAX_LENGTHS["ethnicity"])
    legal_rep = out.text(
        prefix + "legal_representative",
        party.legal_representative,
        MAX_LENGTHS["legal_representative"],
        name=True,
    )
    legal_title = out.text(
        prefix + "legal_representative_title",
        party.legal_representative_title,
        MAX_LENGTHS["legal_representative_title"],
    )

    id_text = form_text(party.id_number)
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
            out.add(field_error(field, "party_duplicate_id", other=seen_ids[id_number] + 1))
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


def message_for(code: str, **params: Any) -> str:
    """The default Chinese text of one of this module's or identifiers' codes."""
    template = MESSAGES.get(code) or ids.MESSAGES.get(code) or code
    return template.format(**params)
