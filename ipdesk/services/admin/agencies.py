"""Partner agencies (courts, procuratorates, the justice bureau, others) are data.

Everyone signed in may list the active agencies (to address a consultation, choose a
court); the administrator maintains the list: creates, edits and deactivates agencies.
An agency is never deleted: consultations and confirmations refer to it, so deactivating
it only takes it out of the choices. The city's courts, procuratorate and justice bureau
are seeded from ``resources/org/agencies.csv`` (``seed.seed_reference_data``).

Fields: a unique code, the kind, the name, contact person, phone (checked and normalised
by ``identifiers.validate_phone``), address, the court level (courts only: it decides
jurisdiction over judicial confirmation, see ``services/cases/confirmation.py``) and the region
(the administrative division code, e.g. 150502, the court or office serves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import Agency, AgencyKind, Role, User
from ipdesk.services.actors import Actor
from ipdesk.services.errors import NotFound, PermissionDenied, ValidationError, ValidationErrors
from ipdesk.services.queries.lookups import has_control_chars
from ipdesk.services.rules.capabilities import Capability
from ipdesk.services.rules.capabilities import require as require_capability
from ipdesk.services.rules.identifiers import validate_phone
from ipdesk.services.rules.jurisdiction import COURT_LEVELS, check_case_code, clean_ip_types

__all__ = [
    "AGENCY_KIND_LABELS",
    "COURT_LEVELS",
    "COURT_LEVEL_LABELS",
    "AgencyForm",
    "AgencyInfo",
    "create_agency",
    "get_agency",
    "list_agencies",
    "set_agency_active",
    "update_agency",
]

AGENCY_KIND_LABELS: dict[AgencyKind, str] = {
    AgencyKind.COURT: "人民法院",
    AgencyKind.PROCURATORATE: "人民检察院",
    AgencyKind.JUSTICE_BUREAU: "司法局",
    AgencyKind.OTHER: "其他单位",
}

#: Court levels, lowest first (基层、中级、高级人民法院).
# basic, intermediate, ip_court (知识产权法院), high: services/rules/jurisdiction.py
COURT_LEVEL_LABELS = {
    "basic": "基层人民法院",
    "intermediate": "中级人民法院",
    "high": "高级人民法院",
}

_CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_MAX = {"code": 32, "name": 200, "contact_person": 100, "address": 300, "region": 100}


@dataclass(frozen=True)
class AgencyInfo:
    id: int
    code: str
    kind: AgencyKind
    name: str
    contact_person: str | None
    phone: str | None
    address: str | None
    court_level: str | None
    region: str | None
    active: bool
    case_code: str | None = None  # 内05, 内0502 (courts)
    ip_types: tuple[str, ...] | None = None  # first instance (courts); None: level's default


@dataclass(frozen=True)
class AgencyForm:
    """What the administrator typed; checked by :func:`create_agency` / :func:`update_agency`."""

    code: str
    kind: AgencyKind | str
    name: str
    contact_person: str = ""
    phone: str = ""
    address: str = ""
    court_level: str = ""
    region: str = ""
    case_code: str = ""
    ip_types: tuple[str, ...] | None = None


def list_agencies(
    session: Session,
    actor: Actor,
    *,
    kind: AgencyKind | None = None,
    include_inactive: bool = False,
) -> list[AgencyInfo]:
    """The agencies by kind (courts first) and code; inactive ones for administrators only."""
    query = select(Agency)
    if include_inactive:
        require_capability(actor, Capability.MANAGE_AGENCIES)
    else:
        query = query.where(Agency.active.is_(True))
    if kind is not None:
        query = query.where(Agency.kind == kind)
    order = {k: i for i, k in enumerate(AgencyKind)}
    agencies = sorted(session.scalars(query), key=lambda a: (order[a.kind], a.code))
    return [_info(a) for a in agencies]


def get_agency(session: Session, actor: Actor, agency_id: int) -> AgencyInfo:
    agency = _get(session, agency_id)
    if not agency.active and actor.role != Role.ADMIN:
        raise NotFound(
            f"单位（编号 {agency_id}）已停用", code="agency_inactive", agency_id=agency_id
        )
    return _info(agency)


def create_agency(session: Session, actor: Actor, form: AgencyForm) -> AgencyInfo:
    """Add an agency (administrators only)."""
    _require_admin(session, actor)
    values = _clean(session, form, None)
    agency = Agency(active=True, **values)
    session.add(agency)
    session.flush()
    return _info(agency)


def update_agency(session: Session, actor: Actor, agency_id: int, form: AgencyForm) -> AgencyInfo:
    """Change an agency's fields (administrators only). The code may change too: records
    refer to agencies by id."""
    _require_admin(session, actor)
    agency = _get(session, agency_id)
    values = _clean(session, form, agency)
    for name, value in values.items():
        setattr(agency, name, value)
    session.flush()
    return _info(agency)


def set_agency_active(session: Session, actor: Actor, agency_id: int, active: bool) -> AgencyInfo:
    """Deactivate an agency (it is no longer offered) or activate it again."""
    _require_admin(session, actor)
    agency = _get(session, agency_id)
    agency.active = active
    session.flush()
    return _info(agency)


# --------------------------------------------------------------------------- helpers


def _require_admin(session: Session, actor: Actor) -> None:
    require_capability(actor, Capability.MANAGE_AGENCIES, "只有系统管理员可以维护协作单位")
    if actor.user_id is None:
        return  # ipdesk-admin on the server
    user = session.get(User, actor.user_id)
    if user is None or not user.active or user.role != Role.ADMIN:
        raise PermissionDenied("您的账户已停用或已不是系统管理员，请重新登录", code="actor_changed")


def _get(session: Session, agency_id: int) -> Agency:
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise NotFound(
            f"单位（编号 {agency_id}）不存在", code="agency_not_found", agency_id=agency_id
        )
    return agency


def _info(agency: Agency) -> AgencyInfo:
    return AgencyInfo(
        id=agency.id,
        code=agency.code,
        kind=agency.kind,
        name=agency.name,
        contact_person=agency.contact_person,
        phone=agency.phone,
        address=agency.address,
        court_level=agency.court_level,
        region=agency.region,
        active=agency.active,
        case_code=agency.case_code,
        ip_types=tuple(agency.ip_types) if agency.ip_types is not None else None,
    )


def _text(
    errors: list[ValidationError], field: str, value: str, label: str, *, required: bool = False
) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            errors.append(ValidationError(field, f"请填写{label}", code=f"{field}_empty"))
        return None
    if len(text) > _MAX[field]:
        errors.append(
            ValidationError(
                field,
                f"{label}不能超过 {_MAX[field]} 个字",
                code=f"{field}_too_long",
                limit=_MAX[field],
            )
        )
    if has_control_chars(text):  # PostgreSQL refuses NUL; none belongs in these fields
        errors.append(ValidationError(field, f"{label}含有控制字符", code=f"{field}_control"))
        return None
    return text


def _clean(session: Session, form: AgencyForm, current: Agency | None) -> dict[str, object]:
    """The checked, normalised values of ``form``; every problem at once."""
    errors: list[ValidationError] = []
    code = _text(errors, "code", form.code, "单位代码", required=True)
    if code is not None and not _CODE_RE.fullmatch(code):
        errors.append(
            ValidationError(
                "code", "单位代码只能包含字母、数字、短横线和下划线", code="code_format"
            )
        )
    elif code is not None:
        taken = session.scalars(select(Agency).where(Agency.code == code)).first()
        if taken is not None and taken is not current:
            errors.append(
                ValidationError(
                    "code",
                    f"单位代码“{code}”已被“{taken.name}”使用",
                    code="code_taken",
                    agency_code=code,
                    agency=taken.name,
                )
            )
    try:
        kind: AgencyKind | None = AgencyKind(form.kind)
    except ValueError:
        kind = None
        errors.append(
            ValidationError(
                "kind", "单位类别应为人民法院、人民检察院、司法局或其他单位", code="kind_invalid"
            )
        )
    name = _text(errors, "name", form.name, "单位名称", required=True)
    contact = _text(errors, "contact_person", form.contact_person, "联系人")
    address = _text(errors, "address", form.address, "地址")
    region = _text(errors, "region", form.region, "区域")
    phone: str | None = None
    if form.phone.strip():
        try:
            phone = validate_phone(form.phone)
        except ValidationError as exc:
            errors.append(exc)
    level = (form.court_level or "").strip() or None
    if kind == AgencyKind.COURT and level is None:
        errors.append(
            ValidationError(
                "court_level",
                "请选择法院级别（基层、中级或高级人民法院）",
                code="court_level_empty",
            )
        )
    elif kind == AgencyKind.COURT and level not in COURT_LEVELS:
        errors.append(
            ValidationError(
                "court_level",
                "法院级别应为基层、中级、高级人民法院或知识产权法院",
                code="court_level_invalid",
            )
        )
    elif kind is not None and kind != AgencyKind.COURT and level is not None:
        errors.append(
            ValidationError(
                "court_level", "只有人民法院需要填写法院级别", code="court_level_not_court"
            )
        )
    case_code: str | None = None
    try:
        case_code = check_case_code("case_code", form.case_code)
    except ValidationError as exc:
        errors.append(exc)
    is_court = kind == AgencyKind.COURT
    if case_code is not None and kind is not None and not is_court:
        errors.append(
            ValidationError("case_code", "只有人民法院有案号代字", code="case_code_not_court")
        )
    if errors:
        raise ValidationErrors(errors)
    return {
        "case_code": case_code if is_court else None,
        "ip_types": clean_ip_types(form.ip_types) if is_court else None,
        "code": code,
        "kind": kind,
        "name": name,
        "contact_person": contact,
        "phone": phone,
        "address": address,
        "court_level": level,
        "region": region,
    }
