"""Realistic synthetic cases for demonstrations, tests and benchmarks.

Deterministic per seed (and reference day): the same call yields the same database.

The pipeline:

1. :func:`generate` reads what the generation needs (offices, users, calendar, rules, the
   next ids and case numbers) into a :class:`_Plan` of plain data.
2. :func:`_chunks` generates the cases in the order of receipt, CHUNK at a time, all of it
   drawn from one random generator, and turns each chunk's rows into the tuples the
   database driver takes (services/infra/bulk.py). For a large load (WORKER_MIN_CASES) it runs
   in a worker process (demo/worker.py): Python's generating then takes one core
   while this process writes on the other, at most two chunks ahead. Where it runs does not
   change a row.
3. This process writes each chunk in one transaction that also moves the per-office
   case-number sequences, so numbers stay gap-free even if generation stops: an error
   rolls back the chunk being written, Ctrl-C stops the load once it is committed, and
   either ends the worker. The search index is
   written in bulk (services/queries/search_index.py): on SQLite per chunk, inside its
   transaction, instead of by the per-row triggers; on PostgreSQL its GIN indexes are
   dropped for a large load and built once at the end. On SQLite a large load also runs
   without the tables' secondary indexes, on one tuned connection (demo/load.py). A load
   that at least doubles the cases leaves the dashboard summary alone while it writes
   (every stage below too) and computes it once at its end
   (services/queries/dashboard_summary.deferred): maintained chunk by chunk, it took more
   than half of the load's time; a smaller load maintains it as it writes.
4. The later stages (demo/links.py, followups.py, alerts.py) add the
   records that follow from the cases' states, reading them back from the database. For
   a large load the partner-agency records and the follow-up visits are produced in a
   worker process too, from one snapshot of the database, while this process writes.
5. With the later stages, patent-infringement cases of their own are taken through the
   adjudication track by its use cases (demo/adjudication.py), in addition to the
   ``cases`` asked for (:func:`ipdesk.demo.adjudication.adjudication_count`), before the
   alerts are raised.
"""

from __future__ import annotations

import datetime as dt
import random
import signal
import sys
import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from contextlib import closing, contextmanager, nullcontext
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import Connection, Engine, Table, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.db import make_engine
from ipdesk.demo.adjudication import add_demo_adjudications, adjudication_count
from ipdesk.demo.alerts import add_demo_alerts
from ipdesk.demo.draws import DemoRandom
from ipdesk.demo.followups import FollowUpChunk, add_demo_follow_ups, follow_up_chunks
from ipdesk.demo.links import LinksChunk, add_demo_links, link_chunks
from ipdesk.demo.load import loading_connection
from ipdesk.demo.records import mediation_sessions
from ipdesk.demo.worker import produced_in_worker, reading_snapshot
from ipdesk.models import (
    AdjustmentKind,
    Agency,
    AgencyKind,
    Base,
    Case,
    CaseCategory,
    CaseEvent,
    CaseLimit,
    CaseSequence,
    CaseStatus,
    Channel,
    ClockAdjustment,
    DisputeType,
    EventKind,
    IpType,
    LimitKind,
    LimitRule,
    LimitState,
    MediationRecord,
    Office,
    Party,
    PartyKind,
    PartyRole,
    Role,
    Station,
    User,
)
from ipdesk.services.admin.calendar_data import load_calendar
from ipdesk.services.admin.passwords import hash_password
from ipdesk.services.admin.setup import restore_indexes
from ipdesk.services.cases.limits import STOPPED_STATUSES
from ipdesk.services.infra import audit
from ipdesk.services.infra.bulk import driver_rows, insert_rows
from ipdesk.services.queries import dashboard_summary, search_index
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import (
    DueResult,
    Suspension,
    WorkCalendar,
    add_working_days,
    compute_due,
    legal_today,
)
from ipdesk.services.rules.jurisdiction import INTERMEDIATE_IP_TYPES

DEMO_PASSWORD = "ipdesk-demo"
CHUNK = 5000
#: From this many new cases on, they are generated in a worker process (demo/worker.py).
WORKER_MIN_CASES = 20_000
#: Cases per transaction of the later stages' in a worker process: the worker's snapshot
#: holds off SQLite's checkpoints, so the WAL grows by the pages every transaction
#: touches; fewer, larger ones touch fewer pages twice.
LATER_CHUNK = 20_000
#: From this many new cases on, the SQLite search index is merged into one b-tree per
#: table at the end (see search_index.sqlite_optimize).
OPTIMIZE_MIN_CASES = 50_000
Progress = Callable[[int, int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class DemoSummary:
    cases: int  # every case added: the ordinary ones asked for and the adjudicated ones
    parties: int
    events: int
    users_created: int
    seconds: float
    adjudicated: int = 0  # of ``cases``: taken through the adjudication track


# --------------------------------------------------------------------------- vocabulary

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
)
_SURNAME_WEIGHTS = list(accumulate(max(1, 60 - i) for i in range(len(_SURNAMES))))
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯健俊帆帅旭宁"
    "晨阳欣怡子涵梓轩雨萱博文嘉琪思远巴特尔其木格乌兰图雅额尔敦那仁苏日娜阿拉坦"
)
_ETHNICITIES = ("汉族",) * 8 + ("蒙古族",) * 3 + ("满族", "回族")
_BRANDS = (
    "科尔沁",
    "草原",
    "金辉",
    "华泰",
    "鑫源",
    "恒达",
    "瑞丰",
    "蒙草",
    "北疆",
    "银河",
    "辽河",
    "西辽河",
    "塞外",
    "天骄",
    "青城",
    "兴安",
    "牧歌",
    "锦程",
    "德盛",
    "宏基",
    "福瑞",
    "嘉禾",
    "安泰",
    "远航",
    "新元",
    "奇峰",
    "蓝天",
    "绿野",
    "隆昌",
    "顺达",
)
_TRADES = (
    "食品",
    "乳业",
    "牧业",
    "农业科技",
    "商贸",
    "服饰",
    "电子科技",
    "机械制造",
    "生物科技",
    "文化传媒",
    "餐饮管理",
    "建材",
    "肉类加工",
    "药业",
    "包装",
    "家具",
    "酒业",
    "粮油",
)
_ORG_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "商行", "农民专业合作社")
_PLACES = ("门店", "网店", "商场专柜", "农贸市场摊位", "展销会", "电商平台店铺", "批发市场")
_PRODUCTS = (
    "牛肉干",
    "奶茶粉",
    "荞麦面",
    "红干椒",
    "蒙药制剂",
    "羊绒围巾",
    "马头琴",
    "奶酪",
    "玉米种子",
    "白酒",
    "LED 灯具",
    "农用机械配件",
    "包装盒",
    "民族服饰",
    "砖茶",
)

_EVIDENCE = ("现场公证", "电商平台取证", "购买实物", "律师函沟通")
_IP_TYPE_WEIGHTS = (
    (IpType.TRADEMARK, 38),
    (IpType.PATENT_DESIGN, 14),
    (IpType.PATENT_UTILITY_MODEL, 13),
    (IpType.PATENT_INVENTION, 7),
    (IpType.COPYRIGHT, 11),
    (IpType.SOFTWARE_COPYRIGHT, 3),
    (IpType.GEOGRAPHICAL_INDICATION, 4),
    (IpType.TRADE_SECRET, 2),
    (IpType.TECHNICAL_SECRET, 1),
    (IpType.PLANT_VARIETY, 3),
    (IpType.IC_LAYOUT, 1),
    (IpType.OTHER, 3),
)
_PATENT_KIND = {
    IpType.PATENT_INVENTION: "invention",
    IpType.PATENT_UTILITY_MODEL: "utility_model",
    IpType.PATENT_DESIGN: "design",
}
_CHANNEL_WEIGHTS = (
    (Channel.WALK_IN, 45),
    (Channel.PHONE, 20),
    (Channel.ONLINE, 20),
    (Channel.COURT_REFERRAL, 10),
    (Channel.TRANSFER, 5),
)
# How closed cases ended, and the states each outcome passes through after acceptance.
_OUTCOMES: tuple[tuple[tuple[CaseStatus, ...], int], ...] = (
    ((CaseStatus.MEDIATING, CaseStatus.AGREEMENT), 30),
    (
        (
            CaseStatus.MEDIATING,
            CaseStatus.AGREEMENT,
            CaseStatus.CONFIRMATION_REQUESTED,
            CaseStatus.CONFIRMED,
        ),
        25,
    ),
    (
        (
            CaseStatus.MEDIATING,
            CaseStatus.AGREEMENT,
            CaseStatus.CONFIRMATION_REQUESTED,
            CaseStatus.CONFIRMATION_DENIED,
        ),
        3,
    ),
    ((CaseStatus.MEDIATING, CaseStatus.FAILED), 25),
    ((CaseStatus.MEDIATING, CaseStatus.WITHDRAWN), 17),
)
# When, as a share of the handling time, each state is reached.
_STAGE_AT = {
    CaseStatus.MEDIATING: 0.1,
    CaseStatus.AGREEMENT: 0.6,
    CaseStatus.FAILED: 0.8,
    CaseStatus.WITHDRAWN: 0.5,
    CaseStatus.CONFIRMATION_REQUESTED: 0.7,
    CaseStatus.CONFIRMED: 0.9,
    CaseStatus.CONFIRMATION_DENIED: 0.9,
}
_EVENT_OF = {
    CaseStatus.MEDIATING: EventKind.MEDIATION_STARTED,
    CaseStatus.AGREEMENT: EventKind.AGREEMENT_RECORDED,
    CaseStatus.CONFIRMATION_REQUESTED: EventKind.CONFIRMATION_REQUESTED,
    CaseStatus.CONFIRMED: EventKind.CONFIRMED,
    CaseStatus.CONFIRMATION_DENIED: EventKind.CONFIRMATION_DENIED,
    CaseStatus.FAILED: EventKind.FAILED,
    CaseStatus.WITHDRAWN: EventKind.WITHDRAWN,
}


# Offsets from midnight UTC; Beijing time is UTC+8, so 00:30 UTC is 08:30 in the office.
_MINUTES = tuple(dt.timedelta(minutes=m) for m in range(24 * 60))


class _Choice(Generic[T]):
    """A weighted choice: the cumulative weights are summed once, not on every call as
    ``rng.choices(values, weights)`` does; the draws are the same."""

    def __init__(self, table: Iterable[tuple[T, int]]) -> None:
        values, weights = zip(*table, strict=True)
        self.values: tuple[T, ...] = values
        self.cum_weights = list(accumulate(weights))
        self.total = self.cum_weights[-1] + 0.0  # as choices(): a float
        self.hi = len(values) - 1

    def __call__(self, rng: random.Random) -> T:
        # rng.choices(self.values, cum_weights=self.cum_weights)[0], without the list.
        return self.values[bisect_right(self.cum_weights, rng.random() * self.total, 0, self.hi)]


_IP_TYPE = _Choice(_IP_TYPE_WEIGHTS)
_CHANNEL = _Choice(_CHANNEL_WEIGHTS)
_OUTCOME = _Choice(_OUTCOMES)
_DISPUTE_TYPE = _Choice(zip(DisputeType, (70, 8, 10, 9, 3), strict=True))
_CATEGORY = _Choice(zip(CaseCategory, (10, 70, 20), strict=True))
_ORG_FORM = _Choice(zip(_ORG_FORMS, (60, 20, 5, 10, 5), strict=True))


def _uscc_category(name: str) -> str:
    """The credit code's first two characters for a demo organisation of this name (GB
    32100): a 商行 is an individual business (92), a co-operative 93, a company 91."""
    if name.endswith("商行"):
        return "92"
    if name.endswith("合作社"):
        return "93"
    return "91"


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self) -> str:
        rng = self.rng
        surname = _SURNAMES[bisect_right(_SURNAME_WEIGHTS, rng.random() * _SURNAME_WEIGHTS[-1])]
        # Two-character names (王伟, 李娜) are the commonest: make them half of all.
        size = 1 if rng.random() < 0.5 else 2
        return surname + "".join(rng.choice(_GIVEN) for _ in range(size))

    def company(self, region: str) -> str:
        rng = self.rng
        form = _ORG_FORM(rng)
        return f"{region}{rng.choice(_BRANDS)}{rng.choice(_TRADES)}{form}"

    def phone(self) -> str:
        rng = self.rng
        return f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"


# --------------------------------------------------------------------------- org context


@dataclass
class _Org:
    stations: list[tuple[int, int, str, str]]  # station id, office id, office code, area name
    station_weights: list[int]
    office_regions: dict[int, str]
    managers: dict[int, int] = field(default_factory=dict)
    mediators: dict[int, list[int]] = field(default_factory=dict)
    staff: dict[int, int] = field(default_factory=dict)
    # id, level, region, case-number code: referring courts are chosen by jurisdiction
    courts: list[tuple[int, str | None, str | None, str | None]] = field(default_factory=list)
    user_names: dict[int, str] = field(default_factory=dict)  # id -> display name


def _short_region(office_name: str) -> str:
    return office_name.removesuffix("知识产权行政裁决所")


def _load_org(session: Session) -> _Org:
    rows = session.execute(
        select(Station.id, Office.id, Office.code, Office.name, Office.region)
        .join(Office, Station.office_id == Office.id)
        .where(Station.active, Office.active)
        .order_by(Station.code)
    ).all()
    if not rows:
        raise RuntimeError("no active stations: initialise the database first")
    stations = [(sid, oid, code, _short_region(name)) for sid, oid, code, name, _ in rows]
    # The central district sees the most cases.
    weights = [3 if code.endswith("01") else 1 for _, _, code, _ in stations]
    regions = {oid: (region or "150502") for _, oid, _, _, region in rows}
    org = _Org(stations, list(accumulate(weights)), regions)
    org.courts = [
        (r.id, r.court_level, r.region, r.case_code)
        for r in session.execute(
            select(Agency.id, Agency.court_level, Agency.region, Agency.case_code)
            .where(Agency.kind == AgencyKind.COURT, Agency.active.is_(True))
            .order_by(Agency.id)
        )
    ]
    return org


def _ensure_users(session: Session, org: _Org) -> int:
    """Demo users for every role, all with the password DEMO_PASSWORD (see README)."""
    existing = {u.username: u for u in session.scalars(select(User))}
    password_hash = hash_password(DEMO_PASSWORD)  # one hash: argon2 is slow on purpose
    names = _Names(DemoRandom(0))
    created = 0

    def user(
        username: str, role: Role, *, office: int | None = None, station: int | None = None
    ) -> int:
        nonlocal created
        found = existing.get(username)
        if found is None:
            found = User(
                username=username,
                display_name=names.person(),
                password_hash=password_hash,
                role=role,
                office_id=office,
                station_id=station,
                may_view_personal_data=role != Role.STATION_STAFF,
            )
            session.add(found)
            session.flush()
            existing[username] = found
            created += 1
        org.user_names[found.id] = found.display_name
        return found.id

    user("admin", Role.ADMIN)
    user("city", Role.CITY_MANAGER)
    offices = sorted({(oid, code) for _, oid, code, _ in org.stations})
    for oid, code in offices:
        prefix = code.lower()
        org.managers[oid] = user(f"{prefix}-manager", Role.OFFICE_MANAGER, office=oid)
        org.mediators[oid] = [
            user(f"{prefix}-mediator{n}", Role.MEDIATOR, office=oid) for n in (1, 2, 3)
        ]
    codes = dict(
        session.execute(
            select(Station.id, Station.code).where(Station.id.in_([s[0] for s in org.stations]))
        ).all()
    )
    for sid, _, _, _ in org.stations:
        org.staff[sid] = user(codes[sid].lower(), Role.STATION_STAFF, station=sid)
    return created


# --------------------------------------------------------------------------- generation


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


CASES, PARTIES, EVENTS = _table(Case), _table(Party), _table(CaseEvent)
LIMITS, ADJUSTMENTS = _table(CaseLimit), _table(ClockAdjustment)
RECORDS = _table(MediationRecord)


@dataclass(frozen=True)
class _Rule:
    """What the generator needs of a LimitRule (plain data: it crosses to the worker)."""

    days: int
    working_days: bool


class _Generator:
    def __init__(
        self,
        rng: random.Random,
        org: _Org,
        calendar: WorkCalendar,
        rules: Mapping[LimitKind, _Rule],
        today: dt.date,
        *,
        records_rng: random.Random | None = None,
    ) -> None:
        self.rng = rng
        # The mediation records' draws: a stream of their own, so the cases stay as they were.
        self.records_rng = records_rng or DemoRandom(0)
        self.areas = {office: area for _, office, _, area in org.stations}
        self.org = org
        self.calendar = calendar
        self.rules = rules
        self.today = today
        self.names = _Names(rng)
        self.rows: dict[Table, list[dict[str, Any]]] = {}
        self.next_id: dict[Table, int] = {}
        self.sequences: dict[tuple[int, int], int] = {}
        self._day_start: dict[dt.date, dt.datetime] = {}
        # Pure functions of their arguments (and the calendar), asked for again and again.
        self._working: dict[tuple[dt.date, int], dt.date] = {}
        self._handling: dict[dt.date, DueResult] = {}

    def working_days(self, start: dt.date, days: int) -> dt.date:
        """``add_working_days(start, days, self.calendar)``, remembered."""
        key = (start, days)
        day = self._working.get(key)
        if day is None:
            day = self._working[key] = add_working_days(start, days, self.calendar)
        return day

    def handling_due(
        self, accepted: dt.date, suspensions: list[Suspension], extension: int
    ) -> DueResult:
        """The handling limit's ``compute_due`` from ``accepted``; remembered for the
        commonest case, a limit neither suspended nor extended."""
        plain = not suspensions and not extension
        if plain and accepted in self._handling:
            return self._handling[accepted]
        handling = self.rules[LimitKind.HANDLING]
        result = compute_due(
            accepted,
            handling.days,
            working_days=handling.working_days,
            suspensions=suspensions,
            extension_days=extension,
            calendar=self.calendar,
        )
        if plain:
            self._handling[accepted] = result
        return result

    def new_id(self, table: Table) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def add(self, table: Table, row: dict[str, Any]) -> int:
        row_id = self.new_id(table)
        row["id"] = row_id
        self.rows.setdefault(table, []).append(row)
        return row_id

    def at(self, day: dt.date, rng: random.Random | None = None) -> dt.datetime:
        """A working-hours moment of a day (Beijing time 08:30–17:30), in UTC."""
        base = self._day_start.get(day)
        if base is None:
            base = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
            self._day_start[day] = base
        return base + _MINUTES[30 + (rng or self.rng).randrange(9 * 60)]

    def event(
        self,
        case_id: int,
        day: dt.date,
        user_id: int | None,
        kind: EventKind,
        before: CaseStatus | None,
        after: CaseStatus | None,
        reason: str | None = None,
    ) -> None:
        self.add(
            EVENTS,
            {
                "case_id": case_id,
                "at": self.at(day),
                "user_id": user_id,
                "kind": kind.value,
                "from_status": before.value if before else None,
                "to_status": after.value if after else None,
                "reason": reason,
                "details": None,
            },
        )

    # -- one case

    def case(self, received: dt.date) -> None:
        rng, org = self.rng, self.org
        pick = bisect_right(org.station_weights, rng.random() * org.station_weights[-1])
        station_id, office_id, office_code, region = org.stations[pick]
        seq_key = (office_id, received.year)
        seq = self.sequences.get(seq_key, 0) + 1
        self.sequences[seq_key] = seq
        case_id = self.new_id(CASES)
        ip_type = _IP_TYPE(rng)
        channel = _CHANNEL(rng)
        applicant, respondent = self.parties(case_id, region, office_id)
        product = rng.choice(_PRODUCTS)
        staff = org.staff[station_id]
        registered_at = self.at(received)
        row: dict[str, Any] = {
            "id": case_id,
            "number": f"{office_code}-{received.year}-{seq:05d}",
            "office_id": office_id,
            "station_id": station_id,
            "mediator_id": None,
            "status": CaseStatus.REGISTERED,
            "is_suspended": False,
            "outcome": None,
            "ip_type": ip_type,
            "right_number": self.right_number(ip_type, received),
            "right_holder": applicant,
            "dispute_type": _DISPUTE_TYPE(rng),
            "facts": (
                f"申请人{applicant}称，被申请人{respondent}未经许可，在{rng.choice(_PLACES)}"
                f"销售使用其{_IP_LABEL[ip_type]}的{product}，侵害其合法权益，"
                f"经{rng.choice(_EVIDENCE)}后仍未停止。"
            ),
            "claim": (
                f"请求被申请人立即停止侵权行为，下架库存{product}，"
                f"并赔偿经济损失{rng.randrange(5, 300) * 1000}元。"
            ),
            "amount_claimed": Decimal(rng.randrange(50, 5000) * 100),
            "channel": channel,
            "referring_court_id": None,
            "court_case_number": None,
            "category": _CATEGORY(rng),
            "received_on": received,
            "accepted_on": None,
            "closed_on": None,
            "due_on": None,
            "created_at": registered_at,
            "created_by_id": staff,
            "updated_at": registered_at,
            "version_id": 1,
        }
        court = None
        if channel == Channel.COURT_REFERRAL:
            court = _referring_court(org, office_id, ip_type)
        if court is not None:
            row["referring_court_id"] = court[0]
            code = court[3] or "内05"  # the court's own code in its case numbers
            kind = rng.choice(("民初", "诉前调"))
            row["court_case_number"] = f"（{received.year}）{code}{kind}{rng.randrange(1, 9999)}号"
        self.rows.setdefault(CASES, []).append(row)
        self.event(case_id, received, staff, EventKind.REGISTERED, None, CaseStatus.REGISTERED)
        self.life(row, received)

    def parties(self, case_id: int, region: str, office_id: int) -> tuple[str, str]:
        rng = self.rng
        names = []
        for position, role in enumerate((PartyRole.APPLICANT, PartyRole.RESPONDENT)):
            is_org = rng.random() < (0.7 if role == PartyRole.APPLICANT else 0.55)
            names.append(self.party(case_id, position, role, is_org, region, office_id))
        if rng.random() < 0.15:  # the applicant sends an agent (often a lawyer)
            applicant_id = self.rows[PARTIES][-2]["id"]  # added just before the respondent
            self.party(case_id, 2, PartyRole.AGENT, False, region, office_id)
            self.rows[PARTIES][-1]["represents_id"] = applicant_id  # whom the agent acts for
        return names[0], names[1]

    def party(
        self,
        case_id: int,
        position: int,
        role: PartyRole,
        is_org: bool,
        region: str,
        office_id: int,
    ) -> str:
        rng, names = self.rng, self.names
        area = self.org.office_regions[office_id]
        area_code = area if len(area) == 6 else "150502"
        row: dict[str, Any] = {
            "case_id": case_id,
            "position": position,
            "role": role,
            "phone": names.phone(),
            "address": f"通辽市{region}{rng.choice(_BRANDS)}路{rng.randrange(1, 300)}号",
            "sex": None,
            "birth_date": None,
            "ethnicity": None,
            "legal_representative": None,
            "legal_representative_title": None,
            "represents_id": None,
        }
        if is_org:
            row |= {
                "kind": PartyKind.ORGANISATION,
                "name": (name := names.company(region)),
                "id_number": ids.make_uscc(rng, area_code, _uscc_category(name)),
                "legal_representative": names.person(),
                "legal_representative_title": rng.choice(
                    ("执行董事", "总经理", "董事长", "负责人")
                ),
            }
        else:
            sex: ids.PersonSex = rng.choice(("male", "female"))
            birth = dt.date(1955, 1, 1) + dt.timedelta(days=rng.randrange(365 * 48))
            row |= {
                "kind": PartyKind.PERSON,
                "name": names.person(),
                "id_number": ids.make_resident_id(rng, area_code, birth, sex),
                "sex": sex,
                "birth_date": birth,
                "ethnicity": rng.choice(_ETHNICITIES),
            }
        self.add(PARTIES, row)
        return str(row["name"])

    def right_number(self, ip_type: IpType, received: dt.date) -> str | None:
        rng = self.rng
        if ip_type in _PATENT_KIND:
            year = received.year - rng.randrange(1, 9)
            return ids.make_patent_number(rng, year, _PATENT_KIND[ip_type])  # type: ignore[arg-type]
        if ip_type == IpType.TRADEMARK:
            return ids.make_trademark_number(rng)
        if ip_type == IpType.COPYRIGHT:
            return f"蒙作登字-{received.year - rng.randrange(0, 5)}-A-{rng.randrange(10**7):08d}"
        if ip_type == IpType.SOFTWARE_COPYRIGHT:
            return f"软著登字第{rng.randrange(10**6, 10**7)}号"
        return None

    def life(self, case: dict[str, Any], received: dt.date) -> None:
        rng, today = self.rng, self.today
        case_id = case["id"]
        office_id = case["office_id"]
        manager = self.org.managers[office_id]
        age = (today - received).days
        decision = self.rules[LimitKind.ACCEPTANCE_DECISION]
        if age <= 6 and rng.random() < 0.6:  # still waiting for the decision to accept
            decision_due = self.working_days(received, decision.days)
            case["due_on"] = decision_due  # a case not yet accepted: the decision's due date
            self.limit(
                case_id, LimitKind.ACCEPTANCE_DECISION, received, decision_due, LimitState.RUNNING
            )
            return
        decided = min(today, self.working_days(received, rng.randrange(1, decision.days + 1)))
        self.limit(
            case_id,
            LimitKind.ACCEPTANCE_DECISION,
            received,
            self.working_days(received, decision.days),
            LimitState.MET,
            met_on=decided,
        )
        if rng.random() < 0.05:
            decision_due = self.working_days(received, decision.days)
            case |= {"status": CaseStatus.REJECTED, "closed_on": decided, "due_on": decision_due}
            reason = rng.choice(_rejection_reasons(case["ip_type"]))
            self.event(
                case_id,
                decided,
                manager,
                EventKind.REJECTED,
                CaseStatus.REGISTERED,
                CaseStatus.REJECTED,
                reason,
            )
            return
        accepted = decided
        mediator = rng.choice(self.org.mediators[office_id])
        case |= {"status": CaseStatus.ACCEPTED, "accepted_on": accepted, "mediator_id": mediator}
        self.event(
            case_id,
            accepted,
            manager,
            EventKind.ACCEPTED,
            CaseStatus.REGISTERED,
            CaseStatus.ACCEPTED,
        )
        self.event(case_id, accepted, manager, EventKind.ASSIGNED, None, None)

        suspensions, extension = self.adjustments(case_id, accepted, manager)
        result = self.handling_due(accepted, suspensions, extension)
        target = result.due or today + dt.timedelta(days=result.remaining_when_stopped or 0)
        span = max(5, (target - accepted).days)
        if rng.random() < 0.9:  # most cases end in time
            finish = accepted + dt.timedelta(days=rng.randrange(max(5, span // 4), span + 1))
        else:
            finish = target + dt.timedelta(days=rng.randrange(1, 40))
        path = _OUTCOME(rng)
        status = CaseStatus.ACCEPTED
        stopped_on = None  # the work stops when the mediation fails or the request is withdrawn
        reached_on: dict[CaseStatus, dt.date] = {}
        for stage in path:
            reached = accepted + dt.timedelta(days=int((finish - accepted).days * _STAGE_AT[stage]))
            if reached > today:
                break
            reached_on[stage] = reached
            self.event(case_id, reached, mediator, _EVENT_OF[stage], status, stage)
            status = stage
            if stage in STOPPED_STATUSES:
                stopped_on = reached
        if CaseStatus.MEDIATING in reached_on:
            self.mediation_records(case, reached_on, suspensions, mediator)
        closed = finish <= today and status == path[-1]
        if closed:
            self.event(case_id, finish, mediator, EventKind.CLOSED, status, CaseStatus.CLOSED)
            case |= {"status": CaseStatus.CLOSED, "outcome": status, "closed_on": finish}
        else:
            case["status"] = status
        ended = closed or stopped_on is not None
        open_suspension = bool(suspensions) and suspensions[-1].end is None and not ended
        case["is_suspended"] = open_suspension
        case["due_on"] = result.due
        self.limit(
            case_id,
            LimitKind.HANDLING,
            accepted,
            result.due,
            LimitState.MET
            if ended
            else (LimitState.PAUSED if open_suspension else LimitState.RUNNING),
            met_on=(stopped_on or finish) if ended else None,
            covered=result.calendar_covered,
        )

    def mediation_records(
        self,
        case: dict[str, Any],
        reached_on: dict[CaseStatus, dt.date],
        suspensions: list[Suspension],
        mediator: int,
    ) -> None:
        """The mediation sessions (调解笔录) from the start of the mediation to its end
        (demo/records.py), each with its ``mediation_session`` event."""
        case_id, rng = case["id"], self.records_rng
        ended_in = next((s for s in _MEDIATION_ENDS if s in reached_on), None)
        parties = []
        for party in reversed(self.rows[PARTIES]):  # this case's: the last ones added
            if party["case_id"] != case_id:
                break
            parties.append(party)
        parties.reverse()

        def is_suspended(day: dt.date) -> bool:
            return any(s.start <= day and (s.end is None or day < s.end) for s in suspensions)

        for record in mediation_sessions(
            rng,
            start=reached_on[CaseStatus.MEDIATING],
            end=reached_on[ended_in] if ended_in else self.today,
            ended_in=ended_in,
            parties=parties,
            mediator=self.org.user_names.get(mediator, ""),
            area=self.areas[case["office_id"]],
            right=_IP_LABEL[case["ip_type"]],
            claimed=case["amount_claimed"],
            is_rest_day=self.calendar.is_rest_day,
            is_suspended=is_suspended,
        ):
            at = self.at(record.held_on, rng)
            record_id = self.add(
                RECORDS,
                {
                    "case_id": case_id,
                    "held_on": record.held_on,
                    "place": record.place,
                    "attendees": record.attendees,
                    "summary": record.summary,
                    "next_step": record.next_step,
                    "recorder_id": mediator,
                    "created_at": at,
                },
            )
            self.add(
                EVENTS,
                {
                    "case_id": case_id,
                    "at": at,
                    "user_id": mediator,
                    "kind": EventKind.MEDIATION_SESSION.value,
                    "from_status": None,
                    "to_status": None,
                    "reason": None,
                    "details": {
                        "record_id": record_id,
                        "held_on": record.held_on.isoformat(),
                        "place": record.place,
                    },
                },
            )

    def adjustments(
        self, case_id: int, accepted: dt.date, manager: int
    ) -> tuple[list[Suspension], int]:
        rng, today = self.rng, self.today
        suspensions: list[Suspension] = []
        if rng.random() < 0.06:
            start = accepted + dt.timedelta(days=rng.randrange(5, 40))
            if start <= today:
                end: dt.date | None = start + dt.timedelta(days=rng.randrange(10, 60))
                if end is not None and end > today:
                    end = None
                reason = rng.choice(
                    (
                        "涉案专利被提出无效宣告请求，等待国家知识产权局审查结论",
                        "委托司法鉴定机构进行技术鉴定",
                        "当事人申请中止，等待人民法院相关案件审理结果",
                    )
                )
                self.add(
                    ADJUSTMENTS,
                    {
                        "case_id": case_id,
                        "limit_kind": LimitKind.HANDLING,
                        "kind": AdjustmentKind.SUSPENSION,
                        "start_on": start,
                        "end_on": end,
                        "days": None,
                        "reason": reason,
                        "approved_by_id": manager,
                        "created_at": self.at(start),
                    },
                )
                self.event(case_id, start, manager, EventKind.SUSPENDED, None, None, reason)
                if end is not None:
                    self.event(case_id, end, manager, EventKind.RESUMED, None, None)
                suspensions.append(Suspension(start, end))
        extension = 0
        if rng.random() < 0.03 and accepted + dt.timedelta(days=50) <= today:
            extension = 30
            day = accepted + dt.timedelta(days=50)
            reason = "案情复杂，经裁决所负责人批准延长处理期限"
            self.add(
                ADJUSTMENTS,
                {
                    "case_id": case_id,
                    "limit_kind": LimitKind.HANDLING,
                    "kind": AdjustmentKind.EXTENSION,
                    "start_on": day,
                    "end_on": None,
                    "days": extension,
                    "reason": reason,
                    "approved_by_id": manager,
                    "created_at": self.at(day),
                },
            )
            self.event(case_id, day, manager, EventKind.EXTENDED, None, None, reason)
        return suspensions, extension

    def limit(
        self,
        case_id: int,
        kind: LimitKind,
        start: dt.date,
        due: dt.date | None,
        state: LimitState,
        *,
        met_on: dt.date | None = None,
        covered: bool = True,
    ) -> None:
        self.add(
            LIMITS,
            {
                "case_id": case_id,
                "kind": kind,
                "ref_key": 0,
                "start_on": start,
                "due_on": due,
                "state": state,
                "met_on": met_on,
                "calendar_covered": covered,
            },
        )


def _referring_court(
    org: _Org, office_id: int, ip_type: IpType
) -> tuple[int, str | None, str | None, str | None] | None:
    """The court that refers a case: the intermediate court for the IP types it hears at
    first instance (services/rules/jurisdiction.py), else the basic court of the office's area."""
    if ip_type in INTERMEDIATE_IP_TYPES:
        fitting = [c for c in org.courts if c[1] in ("intermediate", "ip_court")]
    else:
        region = org.office_regions.get(office_id)
        fitting = [c for c in org.courts if c[1] == "basic" and c[2] == region]
    return fitting[0] if fitting else None


def _rejection_reasons(ip_type: IpType) -> tuple[str, ...]:
    """Reasons to refuse a request that fit the case's IP type."""
    common = (
        "申请人已就同一纠纷向人民法院起诉，人民法院已经受理",
        "申请人不是权利人或者利害关系人，主体不适格",
    )
    if ip_type in _PATENT_KIND:
        return (*common, "涉案专利权已因未缴纳年费终止", "涉案专利权已被宣告无效")
    if ip_type == IpType.TRADEMARK:
        return (*common, "涉案注册商标已被注销", "涉案注册商标有效期届满未续展")
    return (*common, "被申请人不明确，无法联系")


_IP_LABEL = {
    IpType.PATENT_INVENTION: "发明专利",
    IpType.PATENT_UTILITY_MODEL: "实用新型专利",
    IpType.PATENT_DESIGN: "外观设计专利",
    IpType.TRADEMARK: "注册商标",
    IpType.COPYRIGHT: "作品著作权",
    IpType.SOFTWARE_COPYRIGHT: "计算机软件著作权",
    IpType.GEOGRAPHICAL_INDICATION: "地理标志",
    IpType.TRADE_SECRET: "商业秘密",
    IpType.TECHNICAL_SECRET: "技术秘密",
    IpType.IC_LAYOUT: "集成电路布图设计",
    IpType.PLANT_VARIETY: "植物新品种权",
    IpType.OTHER: "知识产权",
}
_TABLES = (CASES, PARTIES, EVENTS, LIMITS, ADJUSTMENTS, RECORDS)
#: The states a mediation ends in: at its last session (demo/records.py).
_MEDIATION_ENDS = (CaseStatus.AGREEMENT, CaseStatus.FAILED, CaseStatus.WITHDRAWN)


@dataclass(frozen=True)
class _Plan:
    """Everything the generation needs from the database, read before it starts: plain,
    picklable data, so that it can run in a worker process (demo/worker.py)."""

    cases: int
    seed: int
    today: dt.date
    chunk: int
    dialect: str  # whose driver values the chunks carry (services/infra/bulk.py)
    org: _Org
    holidays: tuple[tuple[dt.date, bool], ...]  # the calendar's overrides
    declared_years: frozenset[int]
    rules: dict[LimitKind, _Rule]
    next_ids: dict[str, int]  # table name -> the first id the generator hands out
    sequences: dict[tuple[int, int], int]  # (office id, year) -> last case number


@dataclass(frozen=True)
class _Chunk:
    """One transaction's worth of rows, ready for the driver."""

    cases: int  # cases generated up to and including this chunk
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]  # table -> columns, values
    sequences: dict[tuple[int, int], int]  # the case-number sequences after this chunk


def _chunks(plan: _Plan) -> Generator[_Chunk, None, None]:
    """The plan's cases, CHUNK at a time, as the driver's row tuples. Everything random
    comes from one generator seeded with the plan's seed, drawn in the same order
    wherever this runs: the same plan gives the same rows."""
    rng = DemoRandom(plan.seed)
    calendar = WorkCalendar.from_rows(plan.holidays, plan.declared_years)
    gen = _Generator(
        rng,
        plan.org,
        calendar,
        plan.rules,
        plan.today,
        records_rng=DemoRandom(f"{plan.seed}:mediation-records"),
    )
    gen.next_id = {table: plan.next_ids[table.name] for table in _TABLES}
    gen.sequences = dict(plan.sequences)
    # Received days, oldest first, so that numbers follow the order of receipt; the
    # network grows, so later months see more cases.
    offsets = sorted(int(730 * (1 - rng.random() ** 1.3)) for _ in range(plan.cases))
    first_day = plan.today - dt.timedelta(days=730)
    for first in range(0, plan.cases, plan.chunk):
        for offset in offsets[first : first + plan.chunk]:
            gen.case(first_day + dt.timedelta(days=offset))
        rows = {
            table.name: driver_rows(table, gen.rows.pop(table, []), plan.dialect)
            for table in _TABLES
        }
        yield _Chunk(min(first + plan.chunk, plan.cases), rows, dict(gen.sequences))


def generate(
    session_factory: sessionmaker[Session],
    *,
    cases: int,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Progress | None = None,
    later_stages: bool = True,
) -> DemoSummary:
    """Add ``cases`` synthetic cases received over the two years before ``today``.

    With ``later_stages``, also the records of later stages (consultations, agreements,
    confirmations, court returns, alerts) for the cases in the states that have them, and
    adjudicated patent-infringement cases in addition to the ``cases``, one in every state
    of the track (:func:`ipdesk.demo.adjudication.adjudication_count`; none below 100).
    """
    if cases < 0:
        raise ValueError("cases must not be negative")
    started = time.perf_counter()
    today = today or legal_today()
    with session_factory.begin() as session:
        engine = session.get_bind()
        assert isinstance(engine, Engine)
        org = _load_org(session)
        users_created = _ensure_users(session, org)
        calendar = load_calendar(session)
        plan = _Plan(
            cases=cases,
            seed=seed,
            today=today,
            chunk=CHUNK,
            dialect=engine.dialect.name,
            org=org,
            holidays=tuple(calendar.overrides.items()),
            declared_years=calendar.declared_years,
            rules={
                r.kind: _Rule(r.days, r.working_days) for r in session.scalars(select(LimitRule))
            },
            next_ids={
                table.name: (session.scalar(select(func.max(table.c.id))) or 0) + 1
                for table in _TABLES
            },
            sequences=_current_sequences(session),
        )
        existing = session.scalar(select(func.count()).select_from(Case)) or 0
    # Search objects, indexes and the dashboard summary a killed earlier load left missing
    # come back first.
    search_index.repair(engine)
    restore_indexes(engine, _TABLES)
    dashboard_summary.repair(engine)
    # A load that at least doubles the cases computes the dashboard summary once at its end
    # (as long as all of it takes, a chunk's maintenance of it costs about as much as its
    # computation at the end); a smaller one maintains it chunk by chunk.
    summary = dashboard_summary.deferred(engine) if 0 < cases >= existing else nullcontext()
    with summary:
        adjudicated = _load(session_factory, engine, plan, progress, later_stages=later_stages)
    with session_factory() as session:
        parties = session.scalar(select(func.count()).select_from(Party)) or 0
        events = session.scalar(select(func.count()).select_from(CaseEvent)) or 0
    return DemoSummary(
        cases + adjudicated,
        parties,
        events,
        users_created,
        time.perf_counter() - started,
        adjudicated,
    )


def _load(
    session_factory: sessionmaker[Session],
    engine: Engine,
    plan: _Plan,
    progress: Progress | None,
    *,
    later_stages: bool,
) -> int:
    """Write the plan's cases and (``later_stages``) what follows from them; the number
    of adjudicated cases added."""
    cases, seed, today = plan.cases, plan.seed, plan.today
    produced = produced_in_worker(_chunks, plan) if _use_worker(cases) else _chunks(plan)
    with (
        closing(produced) as chunks,
        search_index.pg_indexes_dropped(engine, cases),
        loading_connection(engine, _TABLES, cases) as connection,
    ):
        for chunk in chunks:
            with _interrupt_deferred():
                _write_chunk(session_factory, connection, chunk)
            if progress is not None:
                progress(chunk.cases, cases)
    if engine.dialect.name == "sqlite" and cases >= OPTIMIZE_MIN_CASES:
        with session_factory.begin() as session:
            search_index.sqlite_optimize(session.connection())
    adjudicated = 0
    if later_stages:
        _add_later_stages(session_factory, engine, seed, today, cases)
        adjudicated = add_demo_adjudications(
            session_factory, seed=seed, today=today, count=adjudication_count(cases)
        )
        add_demo_alerts(session_factory, _office_morning(today), seed=seed)
    return adjudicated


@dataclass(frozen=True)
class _LaterPlan:
    """What the worker process needs to produce the later stages' rows."""

    url: str  # the database's, with its password: the worker opens an engine of its own
    seed: int
    today: dt.date
    chunk: int


def _later_chunks(plan: _LaterPlan) -> Generator[LinksChunk | FollowUpChunk | None, None, None]:
    """The worker's part of the later stages: the chunks of the partner-agency records,
    None, the chunks of the follow-up visits. Both from one snapshot, taken before this
    process writes any of them: neither stage writes what the other reads."""
    engine = make_engine(plan.url)
    try:
        with reading_snapshot(engine) as reader:
            yield from link_chunks(reader, plan.seed, plan.today, plan.chunk)
            yield None
            yield from follow_up_chunks(reader, plan.seed, plan.today, plan.chunk)
    finally:
        engine.dispose()


def _add_later_stages(
    session_factory: sessionmaker[Session], engine: Engine, seed: int, today: dt.date, cases: int
) -> None:
    """The partner-agency records and the follow-up visits. For a large load they are
    produced in a worker process while this one writes, the follow-ups' while this one
    still writes the partner-agency records; the rows are the same."""
    if not _use_worker(cases):
        add_demo_links(session_factory, seed, today, chunk=CHUNK)
        add_demo_follow_ups(session_factory, seed, today, chunk=CHUNK)
        return
    url = engine.url.render_as_string(hide_password=False)
    plan = _LaterPlan(url, seed, today, LATER_CHUNK)
    with closing(produced_in_worker(_later_chunks, plan)) as produced:
        links = cast("Iterator[LinksChunk]", iter(produced.__next__, None))
        add_demo_links(session_factory, seed, today, produced=links)
        add_demo_follow_ups(
            session_factory, seed, today, produced=cast("Iterator[FollowUpChunk]", produced)
        )


def _use_worker(cases: int) -> bool:
    """Whether to generate in a worker process: for loads where the second core saves
    more than starting a Python process costs, and not in a frozen bundle (PyInstaller's
    executable cannot start a ``spawn`` child without ``freeze_support`` in its launcher;
    the bundle only generates the GUI's small demo anyway)."""
    return cases >= WORKER_MIN_CASES and not getattr(sys, "frozen", False)


@contextmanager
def _interrupt_deferred() -> Iterator[None]:
    """Hold back Ctrl-C's KeyboardInterrupt until the block is done: a chunk's transaction
    commits (or an error rolls it back) with SQLite's connection intact, and the load
    stops between chunks. Only where Python's own handler would raise it: signal handlers
    belong to the main thread (the GUI generates in a worker thread, where no Ctrl-C
    arrives), and a caller may have chosen another handler."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _write_chunk(
    session_factory: sessionmaker[Session], connection: Connection, chunk: _Chunk
) -> None:
    """One chunk's rows and the case-number sequences after it, in one transaction."""
    with session_factory(bind=connection) as session, session.begin():
        last_case = session.scalar(select(func.coalesce(func.max(Case.id), 0)))
        with search_index.deferred_sqlite_index(session.connection()):
            for table in _TABLES:
                names, values = chunk.rows[table.name]
                if values:
                    insert_rows(session, table, names, values)
                    audit.record_bulk(session, None, table, len(values))
        dashboard_summary.add_cases(session.connection(), int(last_case or 0))
        _store_sequences(session, chunk.sequences)
        if connection.dialect.name == "postgresql":
            _reset_pg_sequences(session, _TABLES)


def _office_morning(day: dt.date) -> dt.datetime:
    """09:00 Beijing time (UTC+8) on ``day``, when the office opens and the first scan runs."""
    return dt.datetime(day.year, day.month, day.day, 1, tzinfo=dt.UTC)


def _current_sequences(session: Session) -> dict[tuple[int, int], int]:
    return {
        (office_id, year): last
        for office_id, year, last in session.execute(
            select(CaseSequence.office_id, CaseSequence.year, CaseSequence.last_value)
        )
    }


def _store_sequences(session: Session, sequences: dict[tuple[int, int], int]) -> None:
    existing = _current_sequences(session)
    for (office_id, year), last in sequences.items():
        if (office_id, year) not in existing:
            session.add(CaseSequence(office_id=office_id, year=year, last_value=last))
        elif existing[(office_id, year)] != last:
            row = session.get(CaseSequence, (office_id, year))
            assert row is not None
            row.last_value = last


def _reset_pg_sequences(session: Session, tables: tuple[Table, ...]) -> None:
    """Explicit ids bypass PostgreSQL's serial sequences: move them past the new rows."""
    for table in tables:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 1))"
            )
        )
