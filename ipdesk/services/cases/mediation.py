"""The mediation agreement with structured terms, and court-referred mediation (诉调对接).

Agreement (调解协议书, 人民调解法 Art. 29)
    :func:`record_agreement` records the agreement the parties reached on a case in
    mediation and moves the case to "agreement" (the only way there: the terms come
    with the move);
    :func:`update_agreement` edits it while the case waits in that state (before the
    application for judicial confirmation). Each term (obligation) names who owes (a
    principal party of the case), to whom, what, how much (Decimal ≥ 0, cents at most) and
    by when; ``signed_on`` is the day every party had signed, sealed or fingerprinted it,
    ``effective_on`` the day it took effect (the 30-day window for judicial confirmation
    runs from it, see ``services/cases/limits.py``). ``decides_ownership`` marks an agreement
    that decides ownership or validity of a right: courts do not confirm those.
    Every problem of a form is reported at once (``ValidationErrors``) with the field
    (``signed_on``, ``obligations[2].amount``, ...) and a specific Chinese message.

Court-referred mediation
    :func:`register_court_referral` records that a court referred the case, before
    litigation (委派) or during it (委托), with the court's case number.
    :func:`record_court_return` records the return of the outcome to that court when the
    case ends (a ``returned_to_court`` timeline event whose details hold the date, the
    outcome and the note: a return is one immutable fact per ending, shown on the timeline,
    so it needs no table of its own). :func:`guide_to_litigation` ends a failed mediation
    by guiding the parties to sue, recording the court (``workflow.record_failure``).

Who: the case's handler (its mediator, the office manager, a city manager), as in the
table of ``services/cases/workflow.py``.
"""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import (
    Agency,
    AgencyKind,
    Agreement,
    Case,
    CaseEvent,
    CaseStatus,
    Channel,
    EventKind,
    Obligation,
    ObligationKind,
    PartyRole,
    Performance,
)
from ipdesk.models.base import utcnow
from ipdesk.models.cases import ReferralKind
from ipdesk.services.actors import Actor
from ipdesk.services.cases import workflow
from ipdesk.services.cases.limits import refresh_case_limits
from ipdesk.services.cases.timeline import record_event
from ipdesk.services.cases.workflow import TransitionResult, optimistic
from ipdesk.services.errors import (
    IllegalTransition,
    NotFound,
    PermissionDenied,
    StaleData,
    ValidationError,
    ValidationErrors,
)
from ipdesk.services.queries.lookups import is_unusable_key
from ipdesk.services.rules.access import require_case
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.services.rules.jurisdiction import check_court_case_number, normalise_court_case_number
from ipdesk.services.rules.obligations import sentence_problems
from ipdesk.services.rules.vocabulary import STATUS_LABELS

__all__ = [
    "MAX_AMOUNT",
    "MAX_OBLIGATIONS",
    "REFERRAL_KIND_LABELS",
    "RETURN_OUTCOME_LABELS",
    "AgreementDraft",
    "AgreementForm",
    "AgreementInfo",
    "CourtReferralInfo",
    "CourtReturnInfo",
    "ObligationForm",
    "ObligationInfo",
    "PartyChoice",
    "ReturnOutcome",
    "agreement_info",
    "court_referral",
    "find_agreement",
    "guess_referral_kind",
    "guide_to_litigation",
    "load_agreement",
    "parse_amount",
    "record_agreement",
    "record_court_return",
    "register_court_referral",
    "update_agreement",
    "validate_agreement",
]

S = CaseStatus

MAX_OBLIGATIONS = 100
MAX_TEXT = 5000
MAX_DESCRIPTION = 2000
#: The largest amount a Numeric(14, 2) column holds.
MAX_AMOUNT = Decimal("999999999999.99")
_CENT = Decimal("0.01")

#: Parties who can owe or be owed under an agreement (agents act for them).
_PRINCIPALS = frozenset({PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY})

REFERRAL_KIND_LABELS = {
    ReferralKind.PRE_LITIGATION: "诉前委派调解",
    ReferralKind.IN_LITIGATION: "诉中委托调解",
}


class ReturnOutcome(enum.StrEnum):
    """What a court-referred case's return tells the court."""

    MEDIATED = "mediated"  # an agreement was reached
    FAILED = "failed"
    WITHDRAWN = "withdrawn"
    NOT_ACCEPTED = "not_accepted"


RETURN_OUTCOME_LABELS = {
    ReturnOutcome.MEDIATED: "调解成功，达成调解协议",
    ReturnOutcome.FAILED: "调解不成",
    ReturnOutcome.WITHDRAWN: "当事人撤回调解申请",
    ReturnOutcome.NOT_ACCEPTED: "不予受理",
}

_RETURN_OUTCOME_OF = {
    S.AGREEMENT: ReturnOutcome.MEDIATED,
    S.CONFIRMATION_REQUESTED: ReturnOutcome.MEDIATED,
    S.CONFIRMED: ReturnOutcome.MEDIATED,
    S.CONFIRMATION_DENIED: ReturnOutcome.MEDIATED,
    S.FAILED: ReturnOutcome.FAILED,
    S.WITHDRAWN: ReturnOutcome.WITHDRAWN,
    S.REJECTED: ReturnOutcome.NOT_ACCEPTED,
}


# --------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class PartyChoice:
    """A principal party of the case, as the agreement editor offers it."""

    id: int
    role: PartyRole
    name: str


@dataclass(frozen=True)
class ObligationForm:
    """One term as typed: ``id`` of the existing obligation when editing, else None."""

    description: str
    obligor_id: int | None = None
    obligee_id: int | None = None
    amount: Decimal | str | None = None
    due_on: dt.date | None = None
    id: int | None = None
    # What the term asks (services/rules/obligations.py writes each kind's sentence).
    kind: ObligationKind | str = ObligationKind.OTHER


@dataclass(frozen=True)
class AgreementForm:
    signed_on: dt.date | None
    effective_on: dt.date | None = None
    facts: str = ""
    responsibilities: str = ""
    decides_ownership: bool = False
    obligations: tuple[ObligationForm, ...] = ()


@dataclass(frozen=True)
class ObligationInfo:
    id: int
    position: int
    obligor_id: int | None
    obligor: str | None
    obligee_id: int | None
    obligee: str | None
    description: str
    amount: Decimal | None
    due_on: dt.date | None
    performance: Performance
    kind: ObligationKind = ObligationKind.OTHER


@dataclass(frozen=True)
class AgreementInfo:
    id: int
    case_id: int
    case_number: str
    case_version: int
    version: int
    signed_on: dt.date | None
    effective_on: dt.date | None
    facts: str | None
    responsibilities: str | None
    decides_ownership: bool
    obligations: tuple[ObligationInfo, ...]

    @property
    def total_amount(self) -> Decimal:
        return sum((o.amount or Decimal(0) for o in self.obligations), Decimal(0))


@dataclass(frozen=True)
class AgreementDraft:
    """What the agreement editor needs: the case, its parties, the agreement if any, and
    whether it may be recorded (mediating) or edited (agreement) by this user now."""

    case_id: int
    number: str
    status: CaseStatus
    version: int
    accepted_on: dt.date | None
    parties: tuple[PartyChoice, ...]
    agreement: AgreementInfo | None
    may_record: bool
    may_edit: bool


@dataclass(frozen=True)
class CourtReturnInfo:
    event_id: int
    returned_on: dt.date
    outcome: ReturnOutcome
    court_code: str | None
    court_name: str | None
    note: str | None
    recorded_by: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "returned_on": self.returned_on.isoformat(),
            "outcome": self.outcome.value,
            "court": self.court_code,
            "court_name": self.court_name,
            "note": self.note,
        }


@dataclass(frozen=True)
class CourtReferralInfo:
    case_id: int
    number: str
    version: int
    court_code: str | None
    court_name: str | None
    court_case_number: str | None
    referral_kind: ReferralKind | None
    returned: CourtReturnInfo | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "court": self.court_code,
            "court_name": self.court_name,
            "court_case_number": self.court_case_number,
            "referral_kind": self.referral_kind.value if self.referral_kind else None,
            "returned": self.returned.as_json() if self.returned else None,
        }


# --------------------------------------------------------------------------- validation


@dataclass
class _CleanObligation:
    id: int | None
    description: str
    obligor_id: int
    obligee_id: int | None
    amount: Decimal | None
    due_on: dt.date | None
    kind: ObligationKind = ObligationKind.OTHER


@dataclass
class _CleanAgreement:
    signed_on: dt.date
    effective_on: dt.date | None
    facts: str | None
    responsibilities: str | None
    decides_ownership: bool
    obligations: list[_CleanObligation] = field(default_factory=list)


def parse_amount(value: Decimal | str | None, field_name: str = "amount") -> Decimal | None:
    """An amount of money in yuan: None for empty, else a Decimal ≥ 0 with at most two
    decimals. Accepts full-width digits, thousands separators and a trailing 元."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        amount = value
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        text = text.replace(",", "").replace(" ", "").removesuffix("元").strip()
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                field_name, "金额格式不正确（如 12000 或 12000.50）", code="amount_format"
            ) from None
    if not amount.is_finite():
        raise ValidationError(
            field_name, "金额格式不正确（如 12000 或 12000.50）", code="amount_format"
        )
    if amount < 0:
        raise ValidationError(field_name, "金额不能为负数", code="amount_negative")
    if amount != amount.quantize(_CENT, rounding="ROUND_DOWN"):
        raise ValidationError(field_name, "金额最多保留两位小数（到分）", code="amount_precision")
    if amount > MAX_AMOUNT:
        raise ValidationError(field_name, "金额过大", code="amount_too_large")
    return amount.quantize(_CENT)


def _long_text(errors: list[ValidationError], name: str, value: str, label: str) -> str | None:
    text = (value or "").strip()
    if len(text) > MAX_TEXT:
        errors.append(
            ValidationError(
                name, f"{label}不能超过 {MAX_TEXT} 个字", code=f"{name}_too_long", limit=MAX_TEXT
            )
        )
    return text or None


_SENTENCE_MESSAGES = {
    "obligation_due_empty": "请填写履行期限（一次性履行的义务须写明在何日前履行）",
    "obligation_amount_empty": "请填写支付的金额",
    "obligation_obligee_empty": "请选择权利人（向谁支付、交付或赔礼道歉）",
    "obligation_description_empty": "请填写履行内容（交付、销毁、删除或不再实施的具体对象）",
}


def _obligation_kind(
    errors: list[ValidationError], item: ObligationForm, n: int, prefix: str
) -> ObligationKind | None:
    try:
        return ObligationKind(item.kind or ObligationKind.OTHER)
    except ValueError:
        errors.append(
            ValidationError(
                f"{prefix}.kind",
                f"第{n}项条款：条款类型无效",
                code="obligation_kind_invalid",
                item=n,
            )
        )
        return None


def _sentence_errors(
    errors: list[ValidationError],
    item: ObligationForm,
    kind: ObligationKind,
    description: str,
    amount: Decimal | None,
    n: int,
    prefix: str,
) -> None:
    """A term that cannot be written as a complete sentence is unclear: the court would
    refuse to confirm the agreement (民诉解释 Art. 358(5))."""
    fields = {
        "obligation_due_empty": "due_on",
        "obligation_amount_empty": "amount",
        "obligation_obligee_empty": "obligee",
        "obligation_description_empty": "description",
    }
    for code in sentence_problems(
        kind,
        has_obligor=item.obligor_id is not None,
        has_obligee=item.obligee_id is not None,
        description=description,
        amount=amount,
        due_on=item.due_on,
    ):
        errors.append(
            ValidationError(
                f"{prefix}.{fields[code]}",
                f"第{n}项条款内容不明确：{_SENTENCE_MESSAGES[code]}",
                code=code,
                item=n,
                kind=kind.value,
            )
        )


def validate_agreement(
    form: AgreementForm,
    parties: Sequence[PartyChoice],
    *,
    accepted_on: dt.date | None,
    today: dt.date,
    existing_obligation_ids: frozenset[int] = frozenset(),
) -> _CleanAgreement:
    """Check the form against the case's principal parties; report every problem at once."""
    errors: list[ValidationError] = []
    signed = form.signed_on
    if signed is None:
        errors.append(ValidationError("signed_on", "请填写调解协议的签订日期", code="signed_empty"))
    elif signed > today:
        errors.append(ValidationError("signed_on", "签订日期不能晚于今天", code="signed_future"))
    elif accepted_on is not None and signed < accepted_on:
        errors.append(
            ValidationError(
                "signed_on",
                f"签订日期不能早于受理日期（{accepted_on.isoformat()}）",
                code="signed_before_acceptance",
                accepted_on=accepted_on,
            )
        )
    effective = form.effective_on
    if effective is not None:
        if effective > today:
            errors.append(
                ValidationError("effective_on", "生效日期不能晚于今天", code="effective_future")
            )
        elif signed is not None and effective < signed:
            errors.append(
                ValidationError(
                    "effective_on",
                    f"生效日期不能早于签订日期（{signed.isoformat()}）："
                    "协议自各方当事人签名、盖章或按指印，调解员签名并加盖调解组织印章之日起生效",
                    code="effective_before_signed",
                    signed=signed,
                )
            )
    facts = _long_text(errors, "facts", form.facts, "主要事实和争议事项")
    responsibilities = _long_text(errors, "responsibilities", form.responsibilities, "各方责任")

    principals = {p.id: p for p in parties if p.role in _PRINCIPALS}
    obligations: list[_CleanObligation] = []
    if not form.obligations:
        errors.append(
            ValidationError(
                "obligations",
                "调解协议至少应有一项协议条款（由谁向谁履行什么、金额多少、何时履行）",
                code="obligations_empty",
            )
        )
    elif len(form.obligations) > MAX_OBLIGATIONS:
        errors.append(
            ValidationError(
                "obligations",
                f"协议条款不能超过 {MAX_OBLIGATIONS} 项",
                code="obligations_too_many",
                max=MAX_OBLIGATIONS,
            )
        )
    for i, item in enumerate(form.obligations[:MAX_OBLIGATIONS]):
        n = i + 1
        prefix = f"obligations[{i}]"
        count_before = len(errors)
        if item.id is not None and item.id not in existing_obligation_ids:
            errors.append(
                ValidationError(
                    f"{prefix}.id",
                    f"第{n}项条款不属于本协议，请刷新后重试",
                    code="obligation_unknown",
                    item=n,
                )
            )
        description = (item.description or "").strip()
        if not description:
            errors.append(
                ValidationError(
                    f"{prefix}.description",
                    f"第{n}项条款：请填写履行内容",
                    code="obligation_description_empty",
                    item=n,
                )
            )
        elif len(description) > MAX_DESCRIPTION:
            errors.append(
                ValidationError(
                    f"{prefix}.description",
                    f"第{n}项条款：履行内容不能超过 {MAX_DESCRIPTION} 个字",
                    code="obligation_description_too_long",
                    item=n,
                    max=MAX_DESCRIPTION,
                )
            )
        if item.obligor_id is None:
            errors.append(
                ValidationError(
                    f"{prefix}.obligor",
                    f"第{n}项条款：请选择履行义务的当事人",
                    code="obligation_obligor_empty",
                    item=n,
                )
            )
        elif item.obligor_id not in principals:
            errors.append(
                ValidationError(
                    f"{prefix}.obligor",
                    f"第{n}项条款：义务人不是本案的当事人（代理人不能作为义务人）",
                    code="obligation_party_unknown",
                    item=n,
                )
            )
        if item.obligee_id is not None:
            if item.obligee_id not in principals:
                errors.append(
                    ValidationError(
                        f"{prefix}.obligee",
                        f"第{n}项条款：权利人不是本案的当事人（代理人不能作为权利人）",
                        code="obligation_party_unknown",
                        item=n,
                    )
                )
            elif item.obligee_id == item.obligor_id:
                errors.append(
                    ValidationError(
                        f"{prefix}.obligee",
                        f"第{n}项条款：义务人和权利人不能是同一当事人",
                        code="obligation_same_party",
                        item=n,
                    )
                )
        amount: Decimal | None = None
        try:
            amount = parse_amount(item.amount, f"{prefix}.amount")
        except ValidationError as exc:
            errors.append(
                ValidationError(
                    exc.field, f"第{n}项条款：{exc.message}", code=exc.code, item=n, **exc.params
                )
            )
        if item.due_on is not None and signed is not None and item.due_on < signed:
            errors.append(
                ValidationError(
                    f"{prefix}.due_on",
                    f"第{n}项条款：履行期限不能早于协议签订日期（{signed.isoformat()}）",
                    code="obligation_due_before_signed",
                    item=n,
                    signed=signed,
                )
            )
        kind = _obligation_kind(errors, item, n, prefix)
        if kind is not None and len(errors) == count_before:
            _sentence_errors(errors, item, kind, description, amount, n, prefix)
        if len(errors) == count_before and item.obligor_id is not None and kind is not None:
            obligations.append(
                _CleanObligation(
                    item.id,
                    description,
                    item.obligor_id,
                    item.obligee_id,
                    amount,
                    item.due_on,
                    kind,
                )
            )
    if errors:
        raise ValidationErrors(errors)
    assert signed is not None
    return _CleanAgreement(
        signed, effective, facts, responsibilities, bool(form.decides_ownership), obligations
    )


# --------------------------------------------------------------------------- agreement


def load_agreement(session: Session, actor: Actor, case_id: int) -> AgreementDraft:
    """The case's agreement (None before one is recorded), its parties and what ``actor``
    may do with it now. Anyone who may see the case may read it."""
    case = _case(session, case_id)
    require_case(actor, case)
    agreement = find_agreement(session, case.id)
    return AgreementDraft(
        case_id=case.id,
        number=case.number,
        status=case.status,
        version=case.version_id,
        accepted_on=case.accepted_on,
        parties=_parties(case),
        agreement=agreement_info(case, agreement) if agreement else None,
        may_record=workflow.may(actor, case, "record_agreement"),
        may_edit=case.status == S.AGREEMENT and _is_handler(session, actor, case),
    )


@optimistic
def record_agreement(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    form: AgreementForm,
    *,
    note: str | None = None,
    today: dt.date | None = None,
) -> AgreementInfo:
    """The parties reached an agreement: store its terms and move the case from
    "mediating" to "agreement". After a dismissed confirmation and new mediation the
    case's existing agreement is replaced by the new terms."""
    case = workflow.load_for(session, actor, case_id, expected_version, "record_agreement")
    agreement = find_agreement(session, case.id)
    existing = frozenset(o.id for o in agreement.obligations) if agreement else frozenset()
    clean = validate_agreement(
        form,
        _parties(case),
        accepted_on=case.accepted_on,
        today=today or legal_today(),
        existing_obligation_ids=existing,
    )
    if agreement is None:
        agreement = Agreement(case_id=case.id)
        session.add(agreement)
    _apply(agreement, clean)
    text = workflow.optional_text(note)
    session.flush()
    case.status = S.AGREEMENT
    workflow.finish(
        session,
        actor,
        case,
        EventKind.AGREEMENT_RECORDED,
        from_status=S.MEDIATING,
        to_status=S.AGREEMENT,
        reason=text,
        refresh_limits=True,
    )
    return agreement_info(case, agreement)


@optimistic
def update_agreement(
    session: Session,
    actor: Actor,
    case_id: int,
    agreement_version: int,
    form: AgreementForm,
    *,
    today: dt.date | None = None,
) -> AgreementInfo:
    """Edit the agreement of a case in the "agreement" state (not yet sent to a court).
    ``agreement_version`` is the version the user edited; a concurrent edit is refused."""
    case = workflow.load_handled(session, actor, case_id)
    if case.status != S.AGREEMENT:
        raise IllegalTransition(
            f"案件 {case.number} 当前为“{STATUS_LABELS[case.status]}”，不能修改调解协议："
            f"只有“{STATUS_LABELS[S.AGREEMENT]}”（尚未申请司法确认）的案件才能修改",
            code="agreement_not_editable",
            case=case.number,
            status=case.status.value,
        )
    agreement = find_agreement(session, case.id)
    if agreement is None:
        raise IllegalTransition(
            f"案件 {case.number} 尚未登记调解协议的内容", code="no_agreement", case=case.number
        )
    if agreement.version_id != agreement_version:
        raise StaleData(
            f"案件 {case.number} 的调解协议已被他人修改，您的修改未保存；请刷新后重试",
            code="agreement_changed",
            case=case.number,
        )
    clean = validate_agreement(
        form,
        _parties(case),
        accepted_on=case.accepted_on,
        today=today or legal_today(),
        existing_obligation_ids=frozenset(o.id for o in agreement.obligations),
    )
    before = agreement.effective_on
    _apply(agreement, clean)
    record_event(
        session,
        case,
        actor,
        EventKind.AGREEMENT_UPDATED,
        details={
            "effective_on": _iso(clean.effective_on),
            "effective_before": _iso(before),
            "obligations": len(clean.obligations),
        },
    )
    session.flush()
    refresh_case_limits(session, case)
    session.flush()
    return agreement_info(case, agreement)


def agreement_info(case: Case, agreement: Agreement) -> AgreementInfo:
    names = {p.id: p.name for p in case.parties}
    return AgreementInfo(
        id=agreement.id,
        case_id=case.id,
        case_number=case.number,
        case_version=case.version_id,
        version=agreement.version_id,
        signed_on=agreement.signed_on,
        effective_on=agreement.effective_on,
        facts=agreement.facts,
        responsibilities=agreement.responsibilities,
        decides_ownership=agreement.decides_ownership,
        obligations=tuple(
            ObligationInfo(
                id=o.id,
                position=o.position,
                obligor_id=o.obligor_id,
                obligor=names.get(o.obligor_id) if o.obligor_id else None,
                obligee_id=o.obligee_id,
                obligee=names.get(o.obligee_id) if o.obligee_id else None,
                description=o.description,
                amount=o.amount,
                due_on=o.due_on,
                performance=o.performance,
                kind=o.kind,
            )
            for o in agreement.obligations
        ),
    )


def _apply(agreement: Agreement, clean: _CleanAgreement) -> None:
    agreement.signed_on = clean.signed_on
    agreement.effective_on = clean.effective_on
    agreement.facts = clean.facts
    agreement.responsibilities = clean.responsibilities
    agreement.decides_ownership = clean.decides_ownership
    agreement.updated_at = utcnow()  # the row is written on every edit: its version moves
    by_id = {o.id: o for o in agreement.obligations}
    kept: list[Obligation] = []
    for position, item in enumerate(clean.obligations):
        obligation = by_id.get(item.id) if item.id is not None else None
        if obligation is None:
            obligation = Obligation(performance=Performance.PENDING)
        obligation.position = position
        obligation.description = item.description
        obligation.obligor_id = item.obligor_id
        obligation.obligee_id = item.obligee_id
        obligation.amount = item.amount
        obligation.due_on = item.due_on
        obligation.kind = item.kind
        kept.append(obligation)
    agreement.obligations = kept  # those left out are deleted (delete-orphan)


def find_agreement(session: Session, case_id: int) -> Agreement | None:
    return session.scalars(select(Agreement).where(Agreement.case_id == case_id)).one_or_none()


def _parties(case: Case) -> tuple[PartyChoice, ...]:
    return tuple(PartyChoice(p.id, p.role, p.name) for p in case.parties if p.role in _PRINCIPALS)


# --------------------------------------------------------------------------- court referral


def guess_referral_kind(court_case_number: str | None) -> ReferralKind | None:
    """委派 or 委托 from a court case number's type code: 诉前调/诉前 (a pre-litigation
    mediation number) → before litigation; 民初/民终/知民初 ... (a filed civil case) →
    during litigation; None when the number says neither."""
    text = unicodedata.normalize("NFKC", court_case_number or "")
    if "诉前" in text:
        return ReferralKind.PRE_LITIGATION
    if "民" in text:
        return ReferralKind.IN_LITIGATION
    return None


@optimistic
def register_court_referral(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    court_code: str,
    court_case_number: str,
    referral_kind: ReferralKind | str | None = None,
) -> CourtReferralInfo:
    """Record (or correct) that a court referred the case to mediation: the court, its
    case number and whether before (委派) or during (委托) litigation (guessed from the
    case number when not given). Open cases only."""
    case = workflow.load_handled(session, actor, case_id, expected_version)
    if case.status in (S.CLOSED, S.REJECTED):
        raise IllegalTransition(
            f"案件 {case.number} 当前为“{STATUS_LABELS[case.status]}”，不能登记法院委派（委托）"
            "调解信息：请先由裁决所负责人重新打开",
            code="case_not_open",
            case=case.number,
            status=case.status.value,
        )
    errors: list[ValidationError] = []
    court = _court_by_code(session, court_code)
    if court is None:
        errors.append(
            ValidationError(
                "court",
                f"“{court_code}”不是已登记的人民法院" if court_code else "请选择委派（委托）法院",
                code="unknown_court" if court_code else "court_empty",
                court=court_code,
            )
        )
    number = (court_case_number or "").strip()
    if not number:
        errors.append(
            ValidationError("court_case_number", "请填写法院案号", code="court_case_number_empty")
        )
    elif len(number) > 60:
        errors.append(
            ValidationError(
                "court_case_number", "法院案号不能超过 60 个字", code="court_case_number_too_long"
            )
        )
    else:
        try:
            check_court_case_number("court_case_number", number, court)
            number = normalise_court_case_number(number)
        except ValidationError as exc:
            errors.append(exc)
    kind: ReferralKind | None = None
    if referral_kind:
        try:
            kind = ReferralKind(referral_kind)
        except ValueError:
            errors.append(
                ValidationError(
                    "referral_kind",
                    "调解方式应为诉前委派调解或诉中委托调解",
                    code="referral_kind_invalid",
                )
            )
    else:
        kind = guess_referral_kind(number)
        if kind is None and number:
            errors.append(
                ValidationError(
                    "referral_kind",
                    "请选择诉前委派调解或诉中委托调解（无法从案号判断）",
                    code="referral_kind_empty",
                )
            )
    if errors:
        raise ValidationErrors(errors)
    assert court is not None
    case.channel = Channel.COURT_REFERRAL
    case.referring_court_id = court.id
    case.court_case_number = number
    case.referral_kind = kind
    record_event(
        session,
        case,
        actor,
        EventKind.COURT_REFERRAL_REGISTERED,
        details={
            "court": court.code,
            "court_name": court.name,
            "court_case_number": number,
            "referral_kind": kind.value if kind else None,
        },
    )
    session.flush()
    return _referral_info(session, case)


def court_referral(session: Session, actor: Actor, case_id: int) -> CourtReferralInfo | None:
    """The court referral of the case with its return record; None if no court referred it."""
    case = _case(session, case_id)
    require_case(actor, case)
    if case.referring_court_id is None:
        return None
    return _referral_info(session, case)


def record_court_return(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    returned_on: dt.date,
    note: str | None = None,
    today: dt.date | None = None,
) -> CourtReturnInfo:
    """Record that the outcome of a court-referred case went back to the court (退回法院):
    the outcome follows from the state the case ended in. Once per ending (again only
    after the case was reopened)."""
    case = workflow.load_handled(session, actor, case_id)
    if case.referring_court_id is None:
        raise IllegalTransition(
            f"案件 {case.number} 不是人民法院委派（委托）调解的案件，无需退回法院",
            code="not_court_referred",
            case=case.number,
        )
    ended = case.outcome if case.status == S.CLOSED else case.status
    outcome = _RETURN_OUTCOME_OF.get(ended) if ended is not None else None
    if outcome is None:
        raise IllegalTransition(
            f"案件 {case.number} 当前为“{STATUS_LABELS[case.status]}”，调解尚未结束，"
            "不能登记退回法院：调解成功、调解不成、撤回或不予受理后才能退回",
            code="mediation_not_ended",
            case=case.number,
            status=case.status.value,
        )
    previous = _last_return(session, case.id)
    if previous is not None and not _reopened_since(session, case.id, previous.id):
        day = (previous.details or {}).get("returned_on", "")
        raise IllegalTransition(
            f"案件 {case.number} 已于 {day} 登记退回法院",
            code="already_returned",
            case=case.number,
            returned_on=day,
        )
    today = today or legal_today()
    if returned_on > today:
        raise ValidationError("returned_on", "退回日期不能晚于今天", code="date_in_future")
    if returned_on < case.received_on:
        raise ValidationError(
            "returned_on",
            f"退回日期不能早于收到申请的日期（{case.received_on.isoformat()}）",
            code="date_too_early",
            earliest=case.received_on,
        )
    text = workflow.optional_text(note)
    court = session.get(Agency, case.referring_court_id)
    event = record_event(
        session,
        case,
        actor,
        EventKind.RETURNED_TO_COURT,
        reason=text,
        details={
            "returned_on": returned_on.isoformat(),
            "outcome": outcome.value,
            "court": court.code if court else None,
            "court_name": court.name if court else None,
            "court_case_number": case.court_case_number,
        },
    )
    session.flush()
    return _return_info(event)


@optimistic
def guide_to_litigation(
    session: Session,
    actor: Actor,
    case_id: int,
    expected_version: int,
    *,
    court_code: str | None = None,
    reason: str | None = None,
) -> TransitionResult:
    """Mediation failed and the parties are guided to sue in a court (by default the
    court that referred the case): ``workflow.record_failure`` with the court."""
    case = workflow.load_for(session, actor, case_id, expected_version, "record_failure")
    code = (court_code or "").strip()
    if not code and case.referring_court_id is not None:
        referring = session.get(Agency, case.referring_court_id)
        code = referring.code if referring is not None else ""
    if not code:
        raise ValidationError(
            "court", "请选择引导当事人起诉的人民法院", code="court_empty", case=case.number
        )
    return workflow.record_failure(
        session, actor, case_id, expected_version, reason=reason, court_code=code
    )


def _referral_info(session: Session, case: Case) -> CourtReferralInfo:
    court = session.get(Agency, case.referring_court_id) if case.referring_court_id else None
    last = _last_return(session, case.id)
    return CourtReferralInfo(
        case_id=case.id,
        number=case.number,
        version=case.version_id,
        court_code=court.code if court else None,
        court_name=court.name if court else None,
        court_case_number=case.court_case_number,
        referral_kind=case.referral_kind,
        returned=_return_info(last) if last else None,
    )


def _last_return(session: Session, case_id: int) -> CaseEvent | None:
    return session.scalars(
        select(CaseEvent)
        .where(CaseEvent.case_id == case_id, CaseEvent.kind == EventKind.RETURNED_TO_COURT.value)
        .order_by(CaseEvent.id.desc())
        .limit(1)
    ).first()


def _reopened_since(session: Session, case_id: int, event_id: int) -> bool:
    return (
        session.scalar(
            select(CaseEvent.id)
            .where(
                CaseEvent.case_id == case_id,
                CaseEvent.kind == EventKind.REOPENED.value,
                CaseEvent.id > event_id,
            )
            .limit(1)
        )
        is not None
    )


def _return_info(event: CaseEvent) -> CourtReturnInfo:
    details = event.details or {}
    return CourtReturnInfo(
        event_id=event.id,
        returned_on=dt.date.fromisoformat(details["returned_on"]),
        outcome=ReturnOutcome(details["outcome"]),
        court_code=details.get("court"),
        court_name=details.get("court_name"),
        note=event.reason,
        recorded_by=event.user.display_name if event.user else None,
    )


# --------------------------------------------------------------------------- helpers


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件（编号 {case_id}）不存在", code="case_not_found", case_id=case_id)
    return case


def _is_handler(session: Session, actor: Actor, case: Case) -> bool:
    try:
        workflow.load_handled(session, actor, case.id, lock=False)
    except PermissionDenied:
        return False
    return True


def _court_by_code(session: Session, code: str | None) -> Agency | None:
    if not code or is_unusable_key(code.strip()):
        return None
    court = session.scalars(select(Agency).where(Agency.code == code.strip())).first()
    if court is None or court.kind != AgencyKind.COURT or not court.active:
        return None
    return court


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
