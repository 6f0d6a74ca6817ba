"""The partner-agency side of a demo database: consultations, agreements, confirmations
and court returns for the cases ``demo/generator.py`` generated.

:func:`add_demo_links` reads the cases in the states that call for these records — in
the id order, a chunk at a time, each chunk one transaction — and adds, deterministically
per seed:

* consultations for a share of the open cases after acceptance: answered on time, answered
  late, unanswered past due (late), withdrawn; with meetings and minutes once every agency
  answered; crime referrals of trademark cases to the procuratorate;
* a complete agreement with its obligations (each with its performance date) for every
  case in or past the agreement — in the agreement and confirmation states, or closed in
  one of them — dated by the case's timeline, so that each renders its 调解协议书;
  confirmations for the cases past the application (court acceptance, a few extensions,
  the decision: valid or dismissed), so that each renders its 司法确认申请书. Agreements
  still waiting whose 30 days have run out show the "window missed" case;
* the return to the court of every court-referred case that ended (a ``returned_to_court``
  event with its details), and the referral kind (委派/委托) from the court's case number;
* the limits of these records (confirmation window, the court's decision, each agency's
  answer) as ``services/cases/limits.py`` derives them, and their timeline events.

Cases that already have such records are left alone, so a second run adds nothing.

The records are produced (:func:`link_chunks`) apart from their writing: from one
snapshot of the database, with the new ids counted on from the largest ones in it, each
chunk turned into the driver's row tuples (services/infra/bulk.py). So a large demo load
produces them in its worker process while this one writes (demo/generator.py); the rows
are the same wherever they are produced. Each chunk is written in one transaction (the
returns, which carry JSON details, with the chunk's other events: their JSON converted
where they are produced, as the generator's records' events).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, func, or_, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo.draws import DemoRandom
from ipdesk.demo.worker import reading_snapshot
from ipdesk.models import (
    AdjustmentKind,
    Agency,
    AgencyKind,
    Agreement,
    Base,
    Case,
    CaseEvent,
    CaseLimit,
    CaseStatus,
    Channel,
    ClockAdjustment,
    Confirmation,
    ConfirmationDecision,
    Consultation,
    ConsultationKind,
    ConsultationRequest,
    ConsultationState,
    DisputeType,
    EventKind,
    IpType,
    LimitKind,
    LimitState,
    Obligation,
    ObligationKind,
    Office,
    Party,
    PartyRole,
    Performance,
    RequestState,
)
from ipdesk.models.cases import ReferralKind
from ipdesk.services.cases.confirmation import COURT_EXTENSION_DAYS, INTERMEDIATE_IP_TYPES
from ipdesk.services.cases.limits import LimitContext
from ipdesk.services.cases.mediation import (
    RETURN_OUTCOME_LABELS,
    ReturnOutcome,
    guess_referral_kind,
)
from ipdesk.services.infra.bulk import driver_rows, insert_rows
from ipdesk.services.queries import dashboard_summary
from ipdesk.services.rules.deadlines import BEIJING, DueResult
from ipdesk.services.rules.jurisdiction import court_ip_types

__all__ = ["DemoLinksSummary", "LinksChunk", "add_demo_links", "link_chunks"]

CHUNK = 5000
S = CaseStatus
#: Offsets from midnight (Beijing's, in links' _Generator.at).
_MINUTES = tuple(dt.timedelta(minutes=m) for m in range(24 * 60))

#: Share of the open cases after acceptance that get a consultation.
CONSULTATION_SHARE = 0.2
#: Share of those consultations on trademark cases that are crime referrals (the first
#: one of a database always is, so that every demo shows one).
REFERRAL_SHARE = 0.15
EXTENDED_SHARE = 0.08

_AGREED = (S.AGREEMENT, S.CONFIRMATION_REQUESTED, S.CONFIRMED, S.CONFIRMATION_DENIED)
_APPLIED = (S.CONFIRMATION_REQUESTED, S.CONFIRMED, S.CONFIRMATION_DENIED)
_CONSULTING = (S.ACCEPTED, S.MEDIATING, S.AGREEMENT)
_ENDED = (*_AGREED, S.FAILED, S.WITHDRAWN, S.REJECTED, S.CLOSED)
_RETURN_OF = {
    S.AGREEMENT: ReturnOutcome.MEDIATED,
    S.CONFIRMATION_REQUESTED: ReturnOutcome.MEDIATED,
    S.CONFIRMED: ReturnOutcome.MEDIATED,
    S.CONFIRMATION_DENIED: ReturnOutcome.MEDIATED,
    S.FAILED: ReturnOutcome.FAILED,
    S.WITHDRAWN: ReturnOutcome.WITHDRAWN,
    S.REJECTED: ReturnOutcome.NOT_ACCEPTED,
}
_DATED_EVENTS = (
    EventKind.AGREEMENT_RECORDED,
    EventKind.CONFIRMATION_REQUESTED,
    EventKind.CONFIRMED,
    EventKind.CONFIRMATION_DENIED,
    EventKind.FAILED,
    EventKind.WITHDRAWN,
)
_SUBJECTS = (
    (
        "被申请人是否涉及其他诉讼或行政处罚",
        "1. 被申请人是否已被起诉或处罚？\n2. 是否存在重复处理？",
    ),
    ("涉案专利权的稳定性", "1. 涉案专利是否被提出无效宣告请求？\n2. 是否需要中止处理？"),
    ("侵权赔偿数额的确定", "1. 赔偿数额的计算依据是否充分？\n2. 可否参照同类判例？"),
    ("调解协议能否申请司法确认", "1. 协议内容是否属于可确认范围？\n2. 向哪一法院申请？"),
)
_OPINIONS = (
    "经查，未发现相关诉讼或处罚记录，同意继续调解。",
    "建议参照本院同类案件的赔偿标准确定数额。",
    "该事项属于人民调解范围，支持调解组织依法调解。",
    "涉案权利有效，可依法处理。",
)
# Each term has its kind, and the documents write it as a sentence (services/rules/obligations.py).
_PAYMENTS = ("经济损失赔偿金", "合理维权费用", "许可使用费")
_OTHER_TERMS = (
    (ObligationKind.REMOVAL, "其在各电子商务平台发布的侵权商品链接"),
    (ObligationKind.DESTRUCTION, "库存侵权商品及带有侵权标识的包装物"),
    (ObligationKind.APOLOGY, "在其店铺显著位置张贴致歉声明"),
    (ObligationKind.REFRAINING, "生产、销售侵犯申请人{right}的商品"),
)
_RIGHTS = {
    IpType.PATENT_INVENTION: "发明专利权",
    IpType.PATENT_UTILITY_MODEL: "实用新型专利权",
    IpType.PATENT_DESIGN: "外观设计专利权",
    IpType.TRADEMARK: "注册商标专用权",
    IpType.GEOGRAPHICAL_INDICATION: "地理标志专用权",
    IpType.PLANT_VARIETY: "植物新品种权",
    IpType.IC_LAYOUT: "集成电路布图设计专有权",
}


@dataclass(frozen=True)
class DemoLinksSummary:
    consultations: int
    crime_referrals: int
    agency_requests: int
    late_requests: int
    agreements: int
    obligations: int
    confirmations: int
    windows_missed: int
    court_returns: int
    seconds: float


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


AGREEMENTS, OBLIGATIONS, CONFIRMATIONS = _table(Agreement), _table(Obligation), _table(Confirmation)
CONSULTATIONS, REQUESTS = _table(Consultation), _table(ConsultationRequest)
LIMITS, EVENTS, ADJUSTMENTS = _table(CaseLimit), _table(CaseEvent), _table(ClockAdjustment)
CASES = _table(Case)
_WITH_IDS = (AGREEMENTS, CONFIRMATIONS, CONSULTATIONS, REQUESTS)
_TABLES = (*_WITH_IDS, OBLIGATIONS, LIMITS, EVENTS, ADJUSTMENTS)


@dataclass
class _CaseRow:
    id: int
    status: CaseStatus
    outcome: CaseStatus | None
    office_id: int
    mediator_id: int | None
    ip_type: IpType
    dispute_type: DisputeType
    channel: Channel
    referring_court_id: int | None
    court_case_number: str | None
    amount_claimed: Decimal | None
    received_on: dt.date
    accepted_on: dt.date | None
    closed_on: dt.date | None


@dataclass
class _Agencies:
    # id, name, level, region, case-number code, IP types heard at first instance
    courts: list[tuple[int, str, str | None, str | None, str | None, frozenset[IpType]]]
    procuratorates: list[int]
    others: list[int]  # justice bureau and the rest
    office_regions: dict[int, str | None]
    office_names: dict[int, str]
    courts_by_id: dict[int, tuple[str, str]]  # every court, also inactive: code, name

    def court_for(self, case: _CaseRow) -> int | None:
        """The court an application goes to (services/cases/confirmation.py's rules, simplified):
        the referring court; the intermediate court for the IP types it hears at first
        instance; else the basic court of the office's court region (the mediating
        organisation's place), which hears the type."""
        if case.referring_court_id is not None:
            return case.referring_court_id
        region = self.office_regions.get(case.office_id) or ""
        if case.ip_type in INTERMEDIATE_IP_TYPES:
            fitting = [
                c
                for c in self.courts
                if c[2] in ("intermediate", "ip_court") and case.ip_type in c[5]
            ]
            same = [c for c in fitting if (c[3] or "")[:4] == region[:4]] or fitting
        else:
            fitting = [c for c in self.courts if c[2] == "basic" and case.ip_type in c[5]]
            same = [c for c in fitting if c[3] == region]
        return same[0][0] if same else None

    def case_code(self, court_id: int) -> str:
        return next((c[4] for c in self.courts if c[0] == court_id and c[4]), "内05")


@dataclass
class _Counts:
    consultations: int = 0
    referrals: int = 0
    requests: int = 0
    late: int = 0
    agreements: int = 0
    obligations: int = 0
    confirmations: int = 0
    missed: int = 0
    returns: int = 0
    had_referral: bool = False  # the database has a crime referral


@dataclass
class _Writer:
    """Rows of one chunk, ids handed out from the current maxima."""

    next_id: dict[Table, int]
    rows: dict[Table, list[dict[str, Any]]] = field(default_factory=dict)
    returns: list[dict[str, Any]] = field(default_factory=list)
    referral_kinds: dict[ReferralKind, list[int]] = field(default_factory=dict)

    def add(self, table: Table, row: dict[str, Any]) -> int | None:
        if table in self.next_id:
            row = {"id": self.next_id[table], **row}
            self.next_id[table] += 1
        self.rows.setdefault(table, []).append(row)
        return row.get("id")


class _Generator:
    def __init__(
        self,
        seed: int,
        rng: random.Random,
        context: LimitContext,
        agencies: _Agencies,
        today: dt.date,
        writer: _Writer,
        counts: _Counts,
    ) -> None:
        self.seed = seed
        self.rng = rng
        self.context = context
        self.agencies = agencies
        self.today = today
        self.w = writer
        self.counts = counts
        # The limits' due dates by kind, start and extension: a pure function of them
        # (the rules and the calendar are the context's), asked for again and again.
        self._due: dict[tuple[LimitKind, dt.date, int], DueResult] = {}
        self._day_start: dict[dt.date, dt.datetime] = {}

    # -- shared

    def at(self, day: dt.date) -> dt.datetime:
        """A working-hours moment of ``day`` in Beijing (08:30–17:30), as UTC."""
        minutes = 8 * 60 + 30 + self.rng.randrange(9 * 60)
        # Beijing's midnight in UTC (the day before, 16:00; Beijing is UTC+8 all year).
        start = self._day_start.get(day)
        if start is None:
            local = dt.datetime(day.year, day.month, day.day, tzinfo=BEIJING)
            start = self._day_start[day] = local.astimezone(dt.UTC)
        return start + _MINUTES[minutes]

    def event(
        self, case: _CaseRow, day: dt.date, kind: EventKind, reason: str | None = None
    ) -> None:
        self.w.add(
            EVENTS,
            {
                "case_id": case.id,
                "at": self.at(day),
                "user_id": case.mediator_id,
                "kind": kind.value,
                "from_status": None,
                "to_status": None,
                "reason": reason,
                "details": None,
            },
        )

    def limit(
        self,
        case: _CaseRow,
        kind: LimitKind,
        start: dt.date,
        state: LimitState,
        *,
        ref_key: int = 0,
        met_on: dt.date | None = None,
        extension: int = 0,
    ) -> dt.date | None:
        if kind not in self.context.rules:
            return None
        result = self.compute(kind, start, extension)
        self.w.add(
            LIMITS,
            {
                "case_id": case.id,
                "kind": kind,
                "ref_key": ref_key,
                "start_on": start,
                "due_on": result.due,
                "state": state,
                "met_on": met_on if state == LimitState.MET else None,
                "calendar_covered": result.calendar_covered,
            },
        )
        return result.due

    def days(self, start: dt.date, low: int, high: int) -> dt.date:
        return min(self.today, start + dt.timedelta(days=self.rng.randint(low, high)))

    # -- consultations

    def consultation(self, case: _CaseRow) -> None:
        rng, ag = self.rng, self.agencies
        assert case.accepted_on is not None
        requested = self.days(case.accepted_on, 1, 20)
        referral = (
            case.ip_type == IpType.TRADEMARK
            and ag.procuratorates
            and (rng.random() < REFERRAL_SHARE or not self.counts.had_referral)
        )
        if referral:
            self.counts.had_referral = True  # the first of a database always is one
            kind = ConsultationKind.CRIME_REFERRAL
            chosen = [rng.choice(ag.procuratorates)]
            subject = "被申请人涉嫌销售假冒注册商标的商品罪，移送涉嫌犯罪线索"
            questions = "请审查被申请人是否涉嫌犯罪，并反馈处理结果。"
        else:
            kind = ConsultationKind.CONSULTATION
            pool = [c[0] for c in ag.courts] + ag.others
            chosen = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
            subject, questions = rng.choice(_SUBJECTS)
        due = (
            self.context.compute(LimitKind.CONSULTATION_ANSWER, requested).due
            if LimitKind.CONSULTATION_ANSWER in self.context.rules
            else None
        )
        consultation_id = self.w.add(
            CONSULTATIONS,
            {
                "case_id": case.id,
                "kind": kind,
                "state": ConsultationState.OPEN,
                "subject": subject,
                "questions": questions,
                "requested_on": requested,
                "requested_by_id": case.mediator_id,
                "meeting_on": None,
                "meeting_place": None,
                "participants": None,
                "minutes": None,
                "created_at": self.at(requested),
            },
        )
        consultation = self.w.rows[CONSULTATIONS][-1]
        self.event(
            case,
            requested,
            EventKind.CRIME_REFERRED if referral else EventKind.CONSULTATION_REQUESTED,
            subject,
        )
        self.counts.consultations += 1
        self.counts.referrals += bool(referral)
        answered_days: list[dt.date] = []
        waiting = withdrawn = 0
        for agency_id in chosen:
            state, answered = self.answer(requested, due)
            request_id = self.w.add(
                REQUESTS,
                {
                    "consultation_id": consultation_id,
                    "agency_id": agency_id,
                    "state": state,
                    "due_on": due,
                    "answered_on": answered,
                    "opinion": (
                        "已立案审查，将依法反馈处理结果。"
                        if referral and answered
                        else rng.choice(_OPINIONS)
                        if answered
                        else None
                    ),
                },
            )
            assert request_id is not None
            self.counts.requests += 1
            late = due is not None and (
                (answered is not None and answered > due)
                or (state == RequestState.REQUESTED and due < self.today)
            )
            self.counts.late += late
            if state == RequestState.ANSWERED:
                assert answered is not None
                answered_days.append(answered)
                self.event(case, answered, EventKind.CONSULTATION_ANSWERED)
                limit_state, met = LimitState.MET, answered
            elif state == RequestState.WITHDRAWN:
                withdrawn += 1
                self.event(
                    case, self.days(requested, 1, 5), EventKind.CONSULTATION_REQUEST_WITHDRAWN
                )
                limit_state, met = LimitState.CANCELLED, None
            else:
                waiting += 1
                limit_state, met = LimitState.RUNNING, None
            self.limit(
                case,
                LimitKind.CONSULTATION_ANSWER,
                requested,
                limit_state,
                ref_key=request_id,
                met_on=met,
            )
        if withdrawn == len(chosen):
            consultation["state"] = ConsultationState.WITHDRAWN
        elif not waiting and answered_days:
            last = max(answered_days)
            if kind == ConsultationKind.CONSULTATION:
                meeting = self.days(last, 1, 5)
                consultation |= {
                    "meeting_on": meeting,
                    "meeting_place": f"{self.agencies.office_names[case.office_id]}会议室",
                    "participants": "相关协作单位代表、承办调解员",
                    "minutes": "与会单位充分交换意见，一致同意在查明事实的基础上继续调解。",
                }
                self.event(case, meeting, EventKind.CONSULTATION_MEETING)
                last = meeting
            if rng.random() < 0.7:
                consultation["state"] = ConsultationState.CONCLUDED
                self.event(case, last, EventKind.CONSULTATION_CONCLUDED)

    def answer(
        self, requested: dt.date, due: dt.date | None
    ) -> tuple[RequestState, dt.date | None]:
        rng, today = self.rng, self.today
        roll = rng.random()
        if due is None or due >= today:  # still within the limit
            if roll < 0.4:
                return RequestState.ANSWERED, self.days(
                    requested, 1, max(1, (today - requested).days)
                )
            return RequestState.REQUESTED, None
        if roll < 0.6:
            return RequestState.ANSWERED, self.days(requested, 1, max(1, (due - requested).days))
        if roll < 0.85:
            return RequestState.ANSWERED, self.days(due, 1, 15)
        if roll < 0.95:
            return RequestState.REQUESTED, None
        return RequestState.WITHDRAWN, None

    # -- agreement and confirmation

    def agreement(
        self,
        case: _CaseRow,
        dates: dict[EventKind, dt.date],
        parties: tuple[int, int] | None,
    ) -> None:
        rng = self.rng
        assert case.accepted_on is not None
        signed = dates.get(EventKind.AGREEMENT_RECORDED) or case.accepted_on
        applied = dates.get(EventKind.CONFIRMATION_REQUESTED)
        effective = signed
        window = self.window_due(effective)
        if applied is not None and window is not None and applied > window:
            # Keep the demo lawful: the agreement took effect within 30 days of applying.
            effective = signed = max(case.accepted_on, applied - dt.timedelta(days=20))
        agreement_id = self.w.add(
            AGREEMENTS,
            {
                "case_id": case.id,
                "signed_on": signed,
                "effective_on": effective,
                "facts": "双方当事人就被申请人销售涉嫌侵权商品一事自愿达成如下协议。",
                "responsibilities": "被申请人对侵权行为承担主要责任。",
                "decides_ownership": case.dispute_type == DisputeType.OWNERSHIP
                and rng.random() < 0.5,
                "created_at": self.at(signed),
                "updated_at": self.at(signed),
                "version_id": 1,
            },
        )
        self.counts.agreements += 1
        obligee, obligor = parties if parties else (None, None)
        claimed = case.amount_claimed or Decimal(10000)
        amount = (claimed * Decimal(rng.randint(30, 80)) / 100).quantize(Decimal(100))
        right = _RIGHTS.get(case.ip_type, "合法权益")
        terms: list[tuple[ObligationKind, str, Decimal | None, dt.date | None]] = [
            (
                ObligationKind.PAYMENT,
                rng.choice(_PAYMENTS),
                amount,
                signed + dt.timedelta(days=rng.randint(15, 60)),
            )
        ]
        for _ in range(2 if rng.random() < 0.3 else 1):
            kind, text = rng.choice(_OTHER_TERMS)
            due: dt.date | None = signed + dt.timedelta(days=rng.randint(1, 10))
            if kind == ObligationKind.REFRAINING:
                due = None  # a standing undertaking: from the agreement's effect on
            terms.append((kind, text.format(right=right), None, due))
        for position, (kind, description, money, due) in enumerate(terms):
            self.w.add(
                OBLIGATIONS,
                {
                    "agreement_id": agreement_id,
                    "position": position,
                    "kind": kind,
                    "obligor_id": obligor,
                    "obligee_id": obligee,
                    "description": description,
                    "amount": money,
                    "due_on": due,
                    "performance": Performance.PENDING,
                },
            )
            self.counts.obligations += 1
        ended = _ended_in(case)
        if case.status == S.AGREEMENT:
            state, met = LimitState.RUNNING, None
            if window is not None and window < self.today:
                self.counts.missed += 1
        elif ended == S.AGREEMENT:  # closed without an application
            state, met = LimitState.CANCELLED, None
        else:
            state, met = LimitState.MET, applied or effective
        self.limit(case, LimitKind.CONFIRMATION_APPLICATION, effective, state, met_on=met)
        if ended in _APPLIED:
            self.confirmation(case, applied or effective, dates)

    def window_due(self, effective: dt.date) -> dt.date | None:
        if LimitKind.CONFIRMATION_APPLICATION not in self.context.rules:
            return None
        return self.compute(LimitKind.CONFIRMATION_APPLICATION, effective).due

    def compute(self, kind: LimitKind, start: dt.date, extension: int = 0) -> DueResult:
        """``self.context.compute(kind, start, extension_days=extension)``, remembered."""
        key = (kind, start, extension)
        result = self._due.get(key)
        if result is None:
            result = self._due[key] = self.context.compute(kind, start, extension_days=extension)
        return result

    def confirmation(
        self, case: _CaseRow, applied: dt.date, dates: dict[EventKind, dt.date]
    ) -> None:
        rng = self.rng
        court = self.agencies.court_for(case)
        if court is None:
            return
        decision: ConfirmationDecision | None = None
        decided = None
        ended = _ended_in(case)
        if ended == S.CONFIRMED:
            decision, decided = ConfirmationDecision.VALID, dates.get(EventKind.CONFIRMED)
        elif ended == S.CONFIRMATION_DENIED:
            decision = ConfirmationDecision.DISMISSED
            decided = dates.get(EventKind.CONFIRMATION_DENIED)
        if decision is not None and decided is None:
            decided = self.days(applied, 5, 20)
        accepted: dt.date | None = applied + dt.timedelta(days=rng.randint(1, 5))
        if decided is not None:
            assert accepted is not None
            accepted = min(accepted, decided)
        elif accepted is not None and accepted > self.today:
            accepted = None
        extended = accepted is not None and rng.random() < EXTENDED_SHARE
        ruling = None
        if decided is not None:
            code = self.agencies.case_code(court)  # the ruling court's own code
            ruling = f"（{decided.year}）{code}民特{rng.randint(1, 999)}号"
        confirmation_id = self.w.add(
            CONFIRMATIONS,
            {
                "case_id": case.id,
                "court_id": court,
                "applied_on": applied,
                "court_accepted_on": accepted,
                "decision": decision,
                "decided_on": decided,
                "ruling_number": ruling,
                "extended": extended,
            },
        )
        assert confirmation_id is not None
        self.counts.confirmations += 1
        if accepted is None:
            return
        self.event(case, accepted, EventKind.CONFIRMATION_ACCEPTED)
        if extended:
            approved = accepted + dt.timedelta(days=10)
            self.w.add(
                ADJUSTMENTS,
                {
                    "case_id": case.id,
                    "limit_kind": LimitKind.COURT_DECISION,
                    "kind": AdjustmentKind.EXTENSION,
                    "start_on": approved,
                    "end_on": None,
                    "days": COURT_EXTENSION_DAYS,
                    "reason": f"经人民法院院长批准，审查期限延长{COURT_EXTENSION_DAYS}日",
                    "approved_by_id": None,
                    "created_at": self.at(approved),
                },
            )
            self.event(case, min(approved, self.today), EventKind.CONFIRMATION_EXTENDED)
        self.limit(
            case,
            LimitKind.COURT_DECISION,
            accepted,
            LimitState.MET if decided else LimitState.RUNNING,
            ref_key=confirmation_id,
            met_on=decided,
            extension=COURT_EXTENSION_DAYS if extended else 0,
        )

    # -- court returns

    def court_return(self, case: _CaseRow, dates: dict[EventKind, dt.date]) -> None:
        ended = case.outcome if case.status == S.CLOSED else case.status
        outcome = _RETURN_OF.get(ended) if ended is not None else None
        if outcome is None:
            return
        last = max(dates.values(), default=None)
        end = case.closed_on or last or case.received_on
        returned = self.days(end, 1, 7)
        court = self.agencies.courts_by_id.get(case.referring_court_id or 0)
        self.w.returns.append(
            {
                "case_id": case.id,
                "at": self.at(returned),
                "user_id": case.mediator_id,
                "kind": EventKind.RETURNED_TO_COURT.value,
                "from_status": None,
                "to_status": None,
                "reason": f"{RETURN_OUTCOME_LABELS[outcome]}，已函告委派（委托）法院",
                "details": {
                    "returned_on": returned.isoformat(),
                    "outcome": outcome.value,
                    "court": court[0] if court else None,
                    "court_name": court[1] if court else None,
                    "court_case_number": case.court_case_number,
                },
            }
        )
        self.counts.returns += 1
        kind = guess_referral_kind(case.court_case_number)
        if kind is not None:
            self.w.referral_kinds.setdefault(kind, []).append(case.id)


@dataclass(frozen=True)
class LinksChunk:
    """The rows of one chunk of cases, one transaction's worth, ready for the driver."""

    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]  # table -> columns, values
    referral_kinds: dict[ReferralKind, list[int]]
    counts: _Counts  # up to and including this chunk


def add_demo_links(
    session_factory: sessionmaker[Session],
    rng_seed: int,
    today: dt.date,
    *,
    chunk: int = CHUNK,
    produced: Iterable[LinksChunk] | None = None,
) -> DemoLinksSummary:
    """Add the partner-agency records to a demo database (see the module docstring).
    ``produced``: the chunks of :func:`link_chunks`, if they are produced elsewhere (in a
    worker process, demo/generator.py); by default they are produced here, all of them
    before the first is written (a small load's: a large one has its worker)."""
    started = time.perf_counter()
    if produced is None:
        with session_factory() as session:
            engine = session.get_bind()
        assert isinstance(engine, Engine)
        # Read first, then write: also where both share one connection (SQLite in memory).
        with reading_snapshot(engine) as reader:
            produced = list(link_chunks(reader, rng_seed, today, chunk))
    counts = _write_all(session_factory, produced)
    return DemoLinksSummary(
        consultations=counts.consultations,
        crime_referrals=counts.referrals,
        agency_requests=counts.requests,
        late_requests=counts.late,
        agreements=counts.agreements,
        obligations=counts.obligations,
        confirmations=counts.confirmations,
        windows_missed=counts.missed,
        court_returns=counts.returns,
        seconds=time.perf_counter() - started,
    )


def _write_all(session_factory: sessionmaker[Session], produced: Iterable[LinksChunk]) -> _Counts:
    counts = _Counts()
    for item in produced:
        with session_factory.begin() as session:
            _write(session, item)
        counts = item.counts
    return counts


def link_chunks(
    reader: Session, rng_seed: int, today: dt.date, chunk: int = CHUNK
) -> Generator[LinksChunk, None, None]:
    """The records to add, a chunk of cases at a time, as read by ``reader`` (a snapshot,
    demo/worker.reading_snapshot: the caller writes the chunks meanwhile). The
    new ids follow the largest ones the snapshot holds."""
    rng = DemoRandom(rng_seed)
    counts = _Counts()
    counts.had_referral = (
        reader.scalar(
            select(Consultation.id)
            .where(Consultation.kind == ConsultationKind.CRIME_REFERRAL)
            .limit(1)
        )
        is not None
    )
    context = LimitContext.load(reader)
    agencies = _load_agencies(reader)
    dialect = reader.get_bind().dialect.name
    next_id = {table: _next_id(reader, table) for table in _WITH_IDS}
    # The status in an expression no index serves: the chunks walk the cases by id, where
    # the status index would make each chunk read every relevant case and sort them all.
    status = func.coalesce(Case.status, Case.status)
    relevant = or_(
        status.in_(_AGREED + _CONSULTING),
        and_(status == S.CLOSED, Case.outcome.in_(_AGREED)),
        and_(Case.channel == Channel.COURT_REFERRAL, status.in_(_ENDED)),
    )
    last_id = 0
    while True:
        cases = [
            _CaseRow(**row._asdict())
            for row in reader.connection().execute(
                select(
                    Case.id,
                    Case.status,
                    Case.outcome,
                    Case.office_id,
                    Case.mediator_id,
                    Case.ip_type,
                    Case.dispute_type,
                    Case.channel,
                    Case.referring_court_id,
                    Case.court_case_number,
                    Case.amount_claimed,
                    Case.received_on,
                    Case.accepted_on,
                    Case.closed_on,
                )
                .where(Case.id > last_id, relevant)
                .order_by(Case.id)
                .limit(chunk)
            )
        ]
        if not cases:
            return
        last_id = cases[-1].id
        writer = _Writer(next_id)
        gen = _Generator(rng_seed, rng, context, agencies, today, writer, counts)
        _chunk(reader, gen, cases)
        # The returns after the chunk's other events (their ids follow theirs).
        writer.rows.setdefault(EVENTS, []).extend(writer.returns)
        rows = {
            table.name: driver_rows(table, writer.rows.pop(table, []), dialect) for table in _TABLES
        }
        yield LinksChunk(rows, writer.referral_kinds, replace(counts))


def _chunk(session: Session, gen: _Generator, cases: Sequence[_CaseRow]) -> None:
    # The rows of the cases from the chunk's first to its last id (read as Core rows):
    # also those of the cases between them that the chunk leaves out, which nothing
    # below asks for (every use is a look-up by a chunk case's id). A range, not the
    # chunk's ids as an IN list of thousands of parameters, each rendered and bound.
    first, last = cases[0].id, cases[-1].id
    connection = session.connection()
    has_agreement = _case_ids(connection, Agreement.case_id, first, last)
    has_consultation = _case_ids(connection, Consultation.case_id, first, last)
    returned = set(
        connection.execute(
            select(CaseEvent.case_id).where(
                CaseEvent.case_id.between(first, last),
                CaseEvent.kind == EventKind.RETURNED_TO_COURT.value,
            )
        ).scalars()
    )
    dates: dict[int, dict[EventKind, dt.date]] = {}
    for case_id, kind, at in connection.execute(
        select(CaseEvent.case_id, CaseEvent.kind, CaseEvent.at)
        .where(
            CaseEvent.case_id.between(first, last),
            CaseEvent.kind.in_([k.value for k in _DATED_EVENTS]),
        )
        .order_by(CaseEvent.id)
    ):
        dates.setdefault(case_id, {})[EventKind(kind)] = at.astimezone(BEIJING).date()
    parties: dict[int, dict[PartyRole, int]] = {}
    for case_id, role, party_id in connection.execute(
        select(Party.case_id, Party.role, Party.id)
        .where(
            Party.case_id.between(first, last),
            Party.role.in_((PartyRole.APPLICANT, PartyRole.RESPONDENT)),
        )
        .order_by(Party.position.desc())  # the first of each role wins
    ):
        parties.setdefault(case_id, {})[role] = party_id
    for case in cases:
        own = dates.get(case.id, {})
        if _ended_in(case) in _AGREED and case.id not in has_agreement and case.accepted_on:
            roles = parties.get(case.id, {})
            pair = (
                (roles[PartyRole.APPLICANT], roles[PartyRole.RESPONDENT])
                if len(roles) == 2
                else None
            )
            gen.agreement(case, own, pair)
        if (
            case.status in _CONSULTING
            and case.id not in has_consultation
            and case.accepted_on is not None
            and case.accepted_on < gen.today
            and _picked(gen.seed, case.id, CONSULTATION_SHARE)
        ):
            gen.consultation(case)
        if (
            case.channel == Channel.COURT_REFERRAL
            and case.referring_court_id is not None
            and case.status in _ENDED
            and case.id not in returned
        ):
            gen.court_return(case, own)


def _write(session: Session, chunk: LinksChunk) -> None:
    with dashboard_summary.changing(session, _cases_moved(session, chunk)):
        for table in _TABLES:
            names, values = chunk.rows[table.name]
            insert_rows(session, table, names, values)
    for kind, case_ids in chunk.referral_kinds.items():
        # Derived from the court's case number; written without moving the case's version.
        session.execute(
            update(CASES)
            .where(CASES.c.id.in_(case_ids), CASES.c.referral_kind.is_(None))
            .values(referral_kind=kind)
        )
    if session.get_bind().dialect.name == "postgresql":
        for table in _WITH_IDS:
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table.name}), 1))"
                )
            )


def _cases_moved(session: Session, chunk: LinksChunk) -> set[int]:
    """The existing cases whose dashboard summary the chunk's records move (their clocks,
    confirmations, consultations and their requests)."""
    ids: set[int] = set()
    for table in (ADJUSTMENTS, CONFIRMATIONS, CONSULTATIONS):
        names, values = chunk.rows[table.name]
        if values:
            at = names.index("case_id")
            ids.update(row[at] for row in values)
    names, values = chunk.rows[REQUESTS.name]
    if values:
        at = names.index("consultation_id")
        wanted = {row[at] for row in values}
        c_names, c_values = chunk.rows[CONSULTATIONS.name]
        if c_values:
            own = {row[c_names.index("id")]: row[c_names.index("case_id")] for row in c_values}
            ids.update(own[i] for i in wanted if i in own)
            wanted -= own.keys()
        if wanted:
            ids.update(
                session.scalars(
                    select(CONSULTATIONS.c.case_id).where(CONSULTATIONS.c.id.in_(sorted(wanted)))
                )
            )
    return ids


def _ended_in(case: _CaseRow) -> CaseStatus:
    """The state a case is in, or the one it was closed in."""
    if case.status == S.CLOSED and case.outcome is not None:
        return case.outcome
    return case.status


def _picked(seed: int, case_id: int, share: float) -> bool:
    """Whether the case is among ``share`` of all: decided by the seed and the case alone,
    so that a second run picks the same cases (and adds nothing to them)."""
    return random.Random(seed * 1_000_003 + case_id).random() < share


def _case_ids(connection: Connection, column: Any, first: int, last: int) -> set[int]:
    return set(connection.execute(select(column).where(column.between(first, last))).scalars())


def _next_id(session: Session, table: Table) -> int:
    return int(session.scalar(select(func.max(table.c.id))) or 0) + 1


def _load_agencies(session: Session) -> _Agencies:
    rows = session.scalars(
        select(Agency).where(Agency.active.is_(True)).order_by(Agency.code)
    ).all()
    courts = [
        (r.id, r.name, r.court_level, r.region, r.case_code, court_ip_types(r))
        for r in rows
        if r.kind == AgencyKind.COURT
    ]
    agencies = _Agencies(
        courts=courts,
        procuratorates=[r.id for r in rows if r.kind == AgencyKind.PROCURATORATE],
        others=[r.id for r in rows if r.kind in (AgencyKind.JUSTICE_BUREAU, AgencyKind.OTHER)],
        office_regions={
            i: court_region or region
            for i, region, court_region in session.execute(
                select(Office.id, Office.region, Office.court_region)
            )
        },
        office_names={i: n for i, n in session.execute(select(Office.id, Office.name))},
        courts_by_id={
            r.id: (r.code, r.name)
            for r in session.execute(
                select(Agency.id, Agency.code, Agency.name).where(Agency.kind == AgencyKind.COURT)
            )
        },
    )
    return agencies
