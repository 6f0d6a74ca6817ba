"""Patent-infringement cases adjudicated (行政裁决) for the demo, one in every state of the track.

:func:`add_demo_adjudications` registers patent-infringement requests of their own — cases
added to the demo's others, which stay as they were — and takes each through the real use
cases, one road to each state: the intake (``services/intake.register_case``), the
workflow and the mediation records for a mediation that failed first, then
``services/cases/adjudication.py`` step by step (acceptance or refusal, the panel with its
recusal check, service of the request with its receipt, the defence, evidence exchange,
the oral-hearing notice and record, suspension for an invalidation request with CNIPA's
case number and resumption, the decision, its service, the 15-day window to sue, the
enforcement application) and the damages mediation after the decision (mediation records
and the agreement chain of ``services/cases/mediation.py``). Each step is taken on a working day
of its own in the past, so the timeline, the limits (defence, window to sue) and the
alerts are those of a real case; the services check every step as they would for a user.

The cases cycle through :data:`TARGETS`, the state each stops in, so even a small demo has
one in each. Patents are real-looking (``ZL`` application numbers with their check digit,
titles of the kind), panels are an odd number of officers of the case's office with no
one who shares a party's name, and every service has its receipt (送达回证).

Deterministic per seed and reference day. A second run adds more cases.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

from sqlalchemy import Table, event, func, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Agency,
    AgencyKind,
    Case,
    CaseEvent,
    IpType,
    LimitKind,
    MediationRecord,
    ObligationKind,
    Office,
    PartyRole,
    Role,
    Station,
    User,
)
from ipdesk.services.actors import Actor
from ipdesk.services.admin.calendar_data import load_calendar
from ipdesk.services.cases import adjudication as adj
from ipdesk.services.cases import clock, mediation, mediation_records, routing, workflow
from ipdesk.services.cases.adjudication import Service
from ipdesk.services.cases.intake import IntakeForm, PartyForm, register_case
from ipdesk.services.cases.limits import LimitContext, shared_context
from ipdesk.services.cases.mediation import AgreementForm, ObligationForm
from ipdesk.services.cases.mediation_records import SessionForm
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import BEIJING, WorkCalendar

__all__ = ["TARGETS", "Target", "add_demo_adjudications", "adjudication_count"]


@dataclass(frozen=True)
class Target:
    """Where a demo adjudication stops: after ``last`` (a step of :func:`_walk`), that step
    between ``margin`` days before today (inclusive range)."""

    name: str
    last: str
    margin: tuple[int, int]
    found: bool = True  # the decision finds infringement
    after_mediation: bool = False  # entered from a failed mediation
    no_defence: bool = False  # the respondent did not answer in time
    hearing: bool = True  # an oral hearing before the decision
    suspension: bool = False  # suspended for an invalidation request (and resumed)
    extension: bool = False  # the handling limit extended (approved by the manager)


#: One demo adjudication per target, in this order (then again).
TARGETS: Final[tuple[Target, ...]] = (
    Target("requested", "requested", (0, 2)),
    Target("refused", "refused", (5, 25)),
    Target("accepted", "accepted", (0, 1)),
    Target("panel_set", "panel_set", (0, 2)),
    Target("request_served", "request_served", (2, 10)),
    Target("defence_recorded", "evidence", (1, 5)),
    Target("no_defence", "defence", (1, 4), no_defence=True),
    Target("hearing_notified", "hearing_notified", (0, 1)),
    Target("hearing_held", "extension", (1, 5), extension=True),
    Target("suspended", "suspended", (8, 40), suspension=True),
    Target("decided_found", "decided", (0, 3), suspension=True),
    Target("decided_not_found", "decided", (0, 3), found=False, hearing=False),
    Target("window_running", "decision_served", (2, 10)),
    Target("window_passed", "decision_served", (17, 30)),
    Target("not_found_concluded", "complied", (2, 20), found=False),
    Target("sued", "sued", (3, 30)),
    Target("enforcement_applied", "enforcement", (3, 30)),
    Target("complied_closed", "closed", (5, 60)),
    Target("damages_mediating", "damages_session", (1, 8)),
    Target("damages_agreed", "damages_agreed", (1, 10)),
    Target("after_mediation_requested", "requested", (0, 2), after_mediation=True),
    Target("after_mediation_served", "request_served", (2, 10), after_mediation=True),
)

#: The smallest demo (in ordinary cases) that gets adjudicated ones: a self-test or a
#: backup test's demo of a few cases stays without.
MIN_DEMO_CASES: Final = 100
#: Ordinary cases per round of :data:`TARGETS` beyond the first.
CASES_PER_ROUND: Final = 10_000
#: At most this many rounds. Every case takes some twenty use cases, each with its limit
#: refresh and dashboard bookkeeping: about 0.5 s of CPU a case on this project's 2-core
#: machine, so a share proportional to a 1M load (one in a thousand) would add minutes to
#: a load of under four. Large demos get five rounds, not a proportional share.
MAX_ROUNDS: Final = 5


def adjudication_count(cases: int) -> int:
    """How many adjudicated cases a demo of ``cases`` ordinary cases gets in addition."""
    if cases < MIN_DEMO_CASES:
        return 0
    return len(TARGETS) * min(MAX_ROUNDS, max(1, cases // CASES_PER_ROUND))


# --------------------------------------------------------------------------- vocabulary

_IP_KINDS = {
    IpType.PATENT_INVENTION: ("invention", "发明"),
    IpType.PATENT_UTILITY_MODEL: ("utility_model", "实用新型"),
    IpType.PATENT_DESIGN: ("design", "外观设计"),
}


@dataclass(frozen=True)
class _Patent:
    ip_type: IpType
    title: str  # the patent's title (发明创造名称)
    product: str  # what the respondent sells (or makes)
    feature: str  # what the comparison turns on
    maker: str  # the applicant's trade (in its name)


_PATENTS: Final = (
    _Patent(
        IpType.PATENT_UTILITY_MODEL,
        "一种牧草打捆机的自动打结装置",
        "牧草打捆机",
        "打结器驱动凸轮与夹绳机构的连接结构",
        "农牧机械",
    ),
    _Patent(
        IpType.PATENT_UTILITY_MODEL,
        "一种节能型玉米烘干机",
        "玉米烘干机",
        "热风循环管路与余热回收装置",
        "农业机械",
    ),
    _Patent(
        IpType.PATENT_UTILITY_MODEL,
        "一种电动三轮车后桥减震组件",
        "电动三轮车",
        "后桥与车架之间的双弹簧减震组件",
        "车业",
    ),
    _Patent(
        IpType.PATENT_UTILITY_MODEL,
        "一种温室大棚自动卷帘机",
        "温室卷帘机",
        "卷帘轴限位开关及其控制电路",
        "设施农业科技",
    ),
    _Patent(
        IpType.PATENT_UTILITY_MODEL,
        "一种肉牛养殖用恒温饮水槽",
        "牛用恒温饮水槽",
        "浮球阀与电加热保温层的组合结构",
        "牧业科技",
    ),
    _Patent(
        IpType.PATENT_INVENTION,
        "一种羊绒分梳方法及其分梳装置",
        "羊绒分梳机",
        "三级梳理辊的转速配比及除杂步骤",
        "绒纺科技",
    ),
    _Patent(
        IpType.PATENT_INVENTION,
        "一种风干牛肉的低温分段干燥加工方法",
        "风干牛肉",
        "分段低温干燥的温度与时间参数",
        "食品",
    ),
    _Patent(
        IpType.PATENT_INVENTION,
        "一种荞麦挂面及其制备方法",
        "荞麦挂面",
        "荞麦粉与小麦粉的配比及和面工艺",
        "粮油食品",
    ),
    _Patent(
        IpType.PATENT_DESIGN,
        "包装盒（奶茶粉）",
        "奶茶粉包装盒",
        "包装盒正面图案、色彩与整体形状",
        "乳业",
    ),
    _Patent(IpType.PATENT_DESIGN, "马头琴", "马头琴", "琴头马首造型与共鸣箱轮廓", "民族乐器"),
    _Patent(
        IpType.PATENT_DESIGN,
        "路灯灯头（LED）",
        "LED路灯",
        "灯头外壳的整体形状与散热槽排布",
        "照明科技",
    ),
    _Patent(
        IpType.PATENT_DESIGN,
        "包装盒（砖茶）",
        "砖茶包装盒",
        "包装盒表面图案与色彩组合",
        "茶业",
    ),
)
_SURNAMES: Final = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗包白乌韩宝"
_GIVEN: Final = (
    "建国",
    "海龙",
    "丽娜",
    "晓梅",
    "志强",
    "春花",
    "宝音",
    "其其格",
    "立新",
    "敏",
    "文军",
    "玉兰",
    "巴图",
    "斯琴",
    "永胜",
    "雅琴",
)
_BRANDS: Final = (
    "金辉",
    "科尔沁",
    "草原",
    "北疆",
    "兴安",
    "瑞丰",
    "恒达",
    "蒙草",
    "西辽河",
    "德盛",
)
_SELLERS: Final = ("商贸", "经贸", "农资", "五金机电", "百货")
_STREETS: Final = ("和平路", "建国路", "民主路", "永清大街", "霍林河大街", "科尔沁大街", "明仁大街")
_ETHNICITIES: Final = ("汉族", "汉族", "蒙古族", "满族")
_LAW_FIRMS: Final = ("内蒙古科尔沁律师事务所", "通辽市知远专利代理事务所", "内蒙古北疆律师事务所")


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)


# --------------------------------------------------------------------------- the offices


@dataclass
class _Office:
    id: int
    code: str
    name: str
    region: str
    stations: list[tuple[str, Actor]]  # station code, its registrar
    manager: Actor
    mediators: list[Actor]
    enforcement_court: str  # where the office applies for enforcement (its basic court)
    suit_court_code: str  # the court that hears a suit against its decisions (内05)
    officers: list[User] = field(default_factory=list)


def _offices(session: Session) -> list[_Office]:
    """The active offices with a manager, two mediators and a station, the central one
    (…01) first."""
    courts = session.execute(
        select(Agency.code, Agency.court_level, Agency.region, Agency.case_code)
        .where(Agency.kind == AgencyKind.COURT, Agency.active.is_(True))
        .order_by(Agency.code)
    ).all()
    intermediate = next((c for c in courts if c.court_level == "intermediate"), None)
    found = []
    for office in session.scalars(select(Office).where(Office.active).order_by(Office.code)):
        users = list(
            session.scalars(
                select(User)
                .where(User.office_id == office.id, User.active.is_(True))
                .order_by(User.username)
            )
        )
        managers = [u for u in users if u.role == Role.OFFICE_MANAGER]
        mediators = [u for u in users if u.role == Role.MEDIATOR]
        stations = []
        for station in session.scalars(
            select(Station)
            .where(Station.office_id == office.id, Station.active)
            .order_by(Station.code)
        ):
            staff = session.scalars(
                select(User)
                .where(User.station_id == station.id, User.active.is_(True))
                .order_by(User.username)
            ).first()
            if staff is not None:
                stations.append((station.code, Actor.of(staff)))
            elif managers:  # a manager registers for the office's stations too
                stations.append((station.code, Actor.of(managers[0])))
        if not managers or len(mediators) < 2 or not stations:
            continue
        region = office.court_region or office.region or ""
        basic = next((c for c in courts if c.court_level == "basic" and c.region == region), None)
        enforcement = basic or intermediate
        if enforcement is None or intermediate is None:
            continue
        found.append(
            _Office(
                id=office.id,
                code=office.code,
                name=office.name,
                region=office.region if office.region and len(office.region) == 6 else "150502",
                stations=stations,
                manager=Actor.of(managers[0]),
                mediators=[Actor.of(m) for m in mediators],
                enforcement_court=enforcement.code,
                suit_court_code=intermediate.case_code or "内05",
                officers=[*managers[:1], *mediators],
            )
        )
    return found


# --------------------------------------------------------------------------- entry point


def add_demo_adjudications(
    session_factory: sessionmaker[Session], *, seed: int, today: dt.date, count: int
) -> int:
    """Add ``count`` adjudicated patent-infringement cases (see the module docstring), one
    transaction each; returns how many were added."""
    if count <= 0:
        return 0
    with session_factory() as session:
        offices = _offices(session)
        calendar = load_calendar(session)
        first = int(session.scalar(select(func.count()).select_from(Case)) or 0)
        limits = LimitContext.load(session)
    if not offices:
        return 0
    central, others = offices[0], offices[1:] or offices[:1]
    for i in range(count):
        # The central district's office gets a third of them (as it gets most cases).
        office = central if i % 3 == 0 else others[(i - 1 - i // 3) % len(others)]
        target = TARGETS[i % len(TARGETS)]
        rng = random.Random(f"{seed}:adjudication:{first}:{i}")
        with session_factory.begin() as session, shared_context(session, limits):
            _Walk(session, rng, calendar, limits, office, target, today, i).run()
    return count


# --------------------------------------------------------------------------- one case


def _table(model: type[Case | CaseEvent | MediationRecord]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


EVENTS: Final = _table(CaseEvent)
CASES: Final = _table(Case)
RECORDS: Final = _table(MediationRecord)


class _Stop(Exception):
    """The walk reached its target's last step."""


@dataclass
class _Parties:
    applicant: PartyForm
    respondent: PartyForm
    agent: PartyForm | None
    seller: bool  # the respondent sells the product (else it makes it)


class _Walk:
    """One case through the track to its target, each step dated (see :meth:`run`)."""

    def __init__(
        self,
        session: Session,
        rng: random.Random,
        calendar: WorkCalendar,
        limits: LimitContext,
        office: _Office,
        target: Target,
        today: dt.date,
        index: int,
    ) -> None:
        self.session = session
        self.rng = rng
        self.calendar = calendar
        self.limits = limits
        self.office = office
        self.target = target
        self.today = today
        self.index = index
        self.patent = _PATENTS[(index // len(TARGETS) + index) % len(_PATENTS)]
        self.case_id = 0
        self.dates: dict[str, dt.date] = {}
        self.minutes: dict[dt.date, int] = {}
        self.mediator = office.mediators[index % len(office.mediators)]
        self.manager = office.manager
        self.step_day: dt.date | None = None  # while a step is taken: its day
        event.listen(session, "before_flush", self.date_events)

    def date_events(self, session: Session, _context: Any, _instances: Any) -> None:
        """Before a flush while a step is taken: the case's new events are dated at the
        next moments of the step's day, in the order they were added (that of their
        ids), so that they are written so, and the limits that the step refreshes (the
        handling limit ends on the day of a failure's or a decision's event) read them."""
        day = self.step_day
        if day is None:
            return
        new = [
            e
            for e in session.new
            if isinstance(e, CaseEvent)
            and (e.case_id == self.case_id or (e.case is not None and e.case.id == self.case_id))
        ]
        new.sort(key=lambda e: inspect(e).insert_order or 0)
        for recorded in new:
            recorded.at = self.moment(day)

    # -- dates

    def working(self, day: dt.date) -> dt.date:
        """``day``, or the next working day."""
        while self.calendar.is_rest_day(day):
            day += dt.timedelta(days=1)
        return day

    def after(self, day: dt.date, low: int, high: int) -> dt.date:
        """A working day ``low``..``high`` days after ``day``."""
        return self.working(day + dt.timedelta(days=self.rng.randint(low, high)))

    def due(self, kind: LimitKind, start: dt.date) -> dt.date:
        """The due date of the limit ``kind`` started on ``start`` (the rules' length)."""
        return self.limits.compute(kind, start).due or start

    def earliest_hearing(self, notified: dt.date) -> dt.date:
        """As ``adjudication.earliest_hearing`` (3 working days' notice), from the rules
        read once."""
        if LimitKind.HEARING_NOTICE not in self.limits.rules:
            return notified
        return self.due(LimitKind.HEARING_NOTICE, notified)

    def moment(self, day: dt.date) -> dt.datetime:
        """The next moment of the office's working hours on ``day`` (in order)."""
        n = self.minutes.get(day, 0)
        self.minutes[day] = n + 1
        local = dt.datetime(day.year, day.month, day.day, 8, 40, tzinfo=BEIJING)
        return (local + dt.timedelta(minutes=min(n * 17, 500))).astimezone(dt.UTC)

    # -- running

    def run(self) -> None:
        """Plan the dates of the steps so that the target's last step falls ``margin``
        days before today (working days move them a little), then take the steps."""
        margin = self.rng.randint(*self.target.margin)
        state = self.rng.getstate()
        received = self.today - dt.timedelta(days=120)
        for _ in range(6):
            self.rng.setstate(state)
            last = self.plan(received)
            excess = (last - (self.today - dt.timedelta(days=margin))).days
            if -4 < excess <= 0:
                break
            received -= dt.timedelta(days=excess)
        else:
            self.rng.setstate(state)
            last = self.plan(received)
        while last > self.today:  # working days pushed it past today: start earlier
            received -= dt.timedelta(days=(last - self.today).days)
            self.rng.setstate(state)
            last = self.plan(received)
        planned = dict(self.dates)
        self.rng.setstate(state)
        self.dates = {}
        self.walk(received, take=True)
        if self.dates != planned:  # the plan and the steps drew differently: a bug here
            raise AssertionError(f"demo adjudication {self.target.name}: {planned} != {self.dates}")

    def plan(self, received: dt.date) -> dt.date:
        self.dates = {}
        self.walk(received, take=False)
        return self.dates["__last__"]

    def step(
        self,
        name: str,
        day: dt.date,
        actor: Actor | None,
        call: Callable[..., Any] | None,
        *args: Any,
        dated: bool = True,
        **kwargs: Any,
    ) -> Any:
        """Take the step ``name`` on ``day`` (when taking) and stop if it is the target's
        last. The events the step records are dated on ``day``."""
        self.dates[name] = day
        self.dates["__last__"] = day
        result = None
        if self.taking and call is not None and actor is not None:
            session = self.session
            session.flush()
            case = session.get(Case, self.case_id)
            assert case is not None
            if dated:
                kwargs["today"] = day
            self.step_day = day  # the step's events are dated as they are flushed
            try:
                result = call(session, actor, self.case_id, case.version_id, *args, **kwargs)
                session.flush()
            finally:
                self.step_day = None
        if name == self.target.last:
            raise _Stop
        return result

    def walk(self, received: dt.date, *, take: bool) -> None:
        self.taking = take
        with contextlib.suppress(_Stop):
            self._walk(received)
        if take:
            self.finish()

    def finish(self) -> None:
        """The case row's own times: created on the day it was received, last changed on
        the day of its last step."""
        self.session.flush()
        self.session.connection().execute(
            update(CASES)
            .where(CASES.c.id == self.case_id)
            .values(
                created_at=self.moment(self.dates["registered"]),
                updated_at=self.moment(self.dates["__last__"]),
            )
        )

    # -- the parties and the request

    def parties(self) -> _Parties:
        rng, office = self.rng, self.office
        area = office.region
        street = rng.choice(_STREETS)
        place = office.name.removesuffix("知识产权行政裁决所")
        if rng.random() < 0.7:
            name = f"内蒙古{rng.choice(_BRANDS)}{self.patent.maker}有限公司"
            applicant = PartyForm(
                role=PartyRole.APPLICANT.value,
                kind="organisation",
                name=name,
                id_number=ids.make_uscc(rng, area, "91"),
                phone=f"0475-{rng.randrange(2000000, 8999999)}",
                address=f"通辽市{place}{street}{rng.randrange(1, 300)}号",
                legal_representative=_person(rng),
                legal_representative_title=rng.choice(("执行董事", "董事长", "总经理")),
            )
        else:
            birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(365 * 35))
            applicant = PartyForm(
                role=PartyRole.APPLICANT.value,
                kind="person",
                name=_person(rng),
                id_number=ids.make_resident_id(rng, area, birth, rng.choice(("male", "female"))),
                phone=f"1{rng.choice('358')}{rng.randrange(10**9):09d}",
                address=f"通辽市{place}{street}{rng.randrange(1, 300)}号",
                ethnicity=rng.choice(_ETHNICITIES),
            )
        seller = rng.random() < 0.7
        if seller and rng.random() < 0.4:
            name = f"通辽市{place}{_person(rng)}{rng.choice(_SELLERS)}商行"
            category = "92"
        elif seller:
            name = f"通辽市{rng.choice(_BRANDS)}{rng.choice(_SELLERS)}有限公司"
            category = "91"
        else:
            name = f"通辽市{rng.choice(_BRANDS)}{self.patent.maker}制造有限公司"
            category = "91"
        respondent = PartyForm(
            role=PartyRole.RESPONDENT.value,
            kind="organisation",
            name=name,
            id_number=ids.make_uscc(rng, area, category),
            phone=f"0475-{rng.randrange(2000000, 8999999)}",
            address=f"通辽市{place}{rng.choice(_STREETS)}{rng.randrange(1, 500)}号",
            legal_representative=_person(rng),
            legal_representative_title="经营者" if category == "92" else "执行董事",
        )
        agent = None
        if rng.random() < 0.6:  # a patent attorney or lawyer acts for the applicant
            birth = dt.date(1970, 1, 1) + dt.timedelta(days=rng.randrange(365 * 25))
            agent = PartyForm(
                role=PartyRole.AGENT.value,
                kind="person",
                name=_person(rng),
                id_number=ids.make_resident_id(
                    rng, "150502", birth, rng.choice(("male", "female"))
                ),
                phone=f"13{rng.randrange(10**9):09d}",
                address=f"{rng.choice(_LAW_FIRMS)}（通辽市科尔沁区{rng.choice(_STREETS)}）",
                ethnicity=rng.choice(_ETHNICITIES),
                represents=0,
            )
        return _Parties(applicant, respondent, agent, seller)

    def register(self, received: dt.date) -> None:
        rng, patent = self.rng, self.patent
        kind, kind_label = _IP_KINDS[patent.ip_type]
        filed = received.year - rng.randint(1, 6)
        number = ids.make_patent_number(rng, filed, kind)  # type: ignore[arg-type]
        self.number = f"ZL{number}"
        self.parts = parts = self.parties()
        acts = "销售、许诺销售" if parts.seller else "制造、销售"
        claimed = Decimal(rng.randrange(30, 500) * 1000)
        self.claimed = claimed
        facts = (
            f"请求人{parts.applicant.name}系专利号为{self.number}、名称为“{patent.title}”的"
            f"{kind_label}专利的专利权人，该专利于{filed + 1}年授权，现合法有效。"
            f"被请求人{parts.respondent.name}未经许可，{acts}的{patent.product}"
            f"具有与涉案专利相同的{patent.feature}，落入涉案专利权的保护范围。"
            "请求人已公证购买被控侵权产品。"
        )
        claim = (
            f"请求责令被请求人立即停止{acts}侵犯{self.number}号专利权的{patent.product}，"
            f"销毁库存侵权产品；并就赔偿经济损失{claimed:,.0f}元进行调解。"
        )
        station, registrar = self.office.stations[self.index % len(self.office.stations)]
        form = IntakeForm(
            parties=tuple(p for p in (parts.applicant, parts.respondent, parts.agent) if p),
            ip_type=patent.ip_type.value,
            right_number=self.number,
            right_holder=parts.applicant.name,
            dispute_type="infringement",
            facts=facts,
            claim=claim,
            amount_claimed=claimed,
            channel=rng.choice(("walk_in", "walk_in", "online")),
            station=station,
            received=received,
            category="ordinary",
        )
        self.dates["registered"] = self.dates["__last__"] = received
        if not self.taking:
            return
        registered = register_case(self.session, registrar, form, today=received)
        self.case_id = registered.id
        self.session.flush()
        self.session.connection().execute(
            update(EVENTS).where(EVENTS.c.case_id == registered.id).values(at=self.moment(received))
        )
        case = self.session.get(Case, registered.id)
        assert case is not None
        ids_by_role: dict[PartyRole, int] = {}
        for party in case.parties:
            ids_by_role.setdefault(party.role, party.id)
        self.party_ids = ids_by_role
        self.party_names = [p.name for p in case.parties]

    # -- people

    def panel(self) -> list[int]:
        """The case's mediator presiding, two more officers of the office; none who shares
        a party's name (the recusal check would refuse them)."""
        others = [u for u in self.office.officers if u.id != self.mediator.user_id]
        self.rng.shuffle(others)  # the same draws whether planning or taking the steps
        names = set(self.party_names) if self.taking else set()
        clear = [u.id for u in others if u.display_name not in names]
        return [int(self.mediator.user_id or 0), *clear[:2]]

    def servers(self) -> str:
        """The two officers who serve a document (送达人)."""
        second = next(
            (m for m in self.office.mediators if m.user_id != self.mediator.user_id), self.manager
        )
        return f"{self.mediator.name}、{second.name}"

    def service(
        self, day: dt.date, party: PartyForm, party_id: int | None, *, mail_ok: bool = True
    ) -> Service:
        """One service with its receipt: in person (received that day), by post (EMS,
        received a few days later) or electronically with the recipient's consent."""
        rng = self.rng
        signer = party.legal_representative or party.name
        how = rng.random()
        if how < 0.45 or not mail_ok:
            return Service(
                "direct",
                day,
                day,
                party_id=party_id,
                signed_by=signer,
                server_name=self.servers(),
            )
        if how < 0.85:
            received = self.working(day + dt.timedelta(days=rng.randint(1, 3)))
            return Service(
                "mail",
                day,
                received,
                party_id=party_id,
                signed_by=signer if rng.random() < 0.7 else f"{_person(rng)}（收发室代收）",
                server_name=self.servers(),
                note=f"EMS 邮件号 1{rng.randrange(10**11, 10**12)}",
            )
        return Service(
            "electronic",
            day,
            day,
            party_id=party_id,
            signed_by=signer,
            server_name=self.servers(),
            consent=True,
            note="受送达人书面同意以电子邮件方式送达，已确认收悉",
        )

    # -- the walk

    def _walk(self, received: dt.date) -> None:
        rng, t = self.rng, self.target
        manager, mediator = self.manager, self.mediator
        self.register(received)
        day = received
        if t.after_mediation:
            day = self.after(day, 1, 4)
            self.step("mediation_accepted", day, manager, workflow.accept, dated=False, on=day)
            self.step(
                "assigned", day, manager, routing.assign_mediator, mediator.user_id, dated=False
            )
            day = self.after(day, 2, 6)
            self.step("mediating", day, mediator, workflow.start_mediation, dated=False)
            for n in range(rng.randint(1, 2)):
                day = self.after(day, 3, 9)
                self.session_record(day, failed=n > 0, damages=False)
            day = self.after(day, 1, 5)
            self.step(
                "failed",
                day,
                mediator,
                workflow.record_failure,
                dated=False,
                reason="被请求人否认侵权，双方分歧较大，调解不成；请求人请求行政裁决",
            )
            day = self.after(day, 2, 8)
            self.step("requested", day, mediator, adj.choose_adjudication, requested_on=day)
        else:
            self.step("requested", day, manager, adj.choose_adjudication, requested_on=day)
        day = self.after(day, 1, 4)  # acceptance within five working days
        if t.name == "refused":
            self.step(
                "refused",
                day,
                manager,
                adj.refuse_adjudication,
                rng.choice(
                    (
                        "请求人已就同一专利侵权纠纷向人民法院起诉，人民法院已经受理",
                        "涉案专利权已因未缴纳年费终止，请求人不是有效专利的专利权人",
                        "被请求人不明确，经告知后请求人未在指定期限内补正",
                    )
                ),
                on=day,
            )
        self.step("accepted", day, manager, adj.accept_adjudication, on=day)
        if not t.after_mediation:
            self.step(
                "assigned", day, manager, routing.assign_mediator, mediator.user_id, dated=False
            )
        day = self.after(day, 0, 2)
        self.step("panel_set", day, manager, adj.set_panel, self.panel(), on=day)
        day = self.after(day, 1, 2)  # the request copy goes out within five working days
        served = self.service(day, self.parts.respondent, self.party_ids_get(PartyRole.RESPONDENT))
        self.step("request_served", served.received_on, mediator, adj.serve_request, served)
        day = served.received_on
        if t.no_defence:
            day = self.after(self.due(LimitKind.DEFENCE, day), 1, 3)  # the period has passed
            self.step("defence", day, mediator, adj.record_defence, none_in_time=True)
        else:
            day = self.after(day, 5, 14)
            self.step(
                "defence",
                day,
                mediator,
                adj.record_defence,
                received_on=day,
                summary=self.defence_text(),
            )
            day = self.after(day, 2, 6)
            self.step(
                "evidence",
                day,
                mediator,
                adj.exchange_evidence,
                held_on=day,
                content=self.evidence_text(),
                participants=self.participants(),
                place=f"{self.office.name}审理室",
            )
        if t.suspension:
            day = self.after(day, 1, 4)
            cnipa = "6W" if self.patent.ip_type == IpType.PATENT_DESIGN else "4W"
            self.step(
                "suspended",
                day,
                manager,
                adj.suspend_for_invalidation,
                invalidation_number=f"{cnipa}{rng.randrange(111000, 126000)}",
                start_on=day,
                reason="被请求人在答辩期内提出无效宣告请求并已被受理，涉案专利权的稳定性有待确定",
            )
            day = self.after(day, 35, 70)
            self.step(
                "resumed",
                day,
                manager,
                adj.resume_adjudication,
                resume_on=day,
                reason=(
                    f"国家知识产权局作出第{rng.randrange(50000, 580000)}号无效宣告请求审查决定，"
                    "维持专利权有效"
                ),
            )
        if t.hearing:
            notified = self.after(day, 2, 5)
            earliest = self.earliest_hearing(notified)
            hearing_on = self.working(earliest + dt.timedelta(days=rng.randint(0, 4)))
            self.step(
                "hearing_notified",
                notified,
                mediator,
                adj.notify_hearing,
                notified_on=notified,
                hearing_on=hearing_on,
                place=f"{self.office.name}口头审理室",
                method=rng.choice(("direct", "mail")),
            )
            day = hearing_on
            self.step(
                "hearing_held",
                day,
                mediator,
                adj.record_hearing,
                held_on=day,
                participants=self.participants(hearing=True),
                content=self.hearing_text(),
            )
        if t.extension:
            day = self.after(day, 1, 3)
            self.step(
                "extension",
                day,
                manager,
                clock.extend_case,
                days=30,
                reason="案情复杂，需委托技术鉴定比对被控侵权产品，经裁决所负责人批准延长处理期限",
            )
        day = self.after(day, 4, 12)
        self.step(
            "decided",
            day,
            manager,
            adj.decide,
            infringement_found=t.found,
            reasons=self.reasons(),
            order_to_stop=self.order() if t.found else None,
            decided_on=day,
        )
        day = self.after(day, 1, 3)
        services = [
            self.service(day, form, self.party_ids_get(role))
            for form, role in (
                (self.parts.applicant, PartyRole.APPLICANT),
                (self.parts.respondent, PartyRole.RESPONDENT),
            )
        ]
        served_on = max(s.received_on for s in services)
        self.step("decision_served", served_on, mediator, adj.serve_decision, services)
        window_end = self.due(LimitKind.SUIT_WINDOW, served_on)  # 15 days to sue
        if t.name == "sued":
            day = self.after(served_on, 6, 14)
            court = self.office.suit_court_code
            self.step(
                "sued",
                day,
                mediator,
                adj.record_window_outcome,
                "sued",
                on=day,
                court_case_number=f"（{day.year}）{court}行初{rng.randrange(10, 160)}号",
            )
        if t.name == "enforcement_applied":
            # The written reminder (催告书, 行政强制法 Art. 54) before the application, where
            # the track has it (it is being added to services/cases/adjudication.py).
            remind = getattr(adj, "remind_enforcement", None)
            if remind is not None:
                day = self.after(window_end, 1, 5)
                self.step("reminded", day, mediator, remind, served_on=day)
                day = self.after(day, 12, 18)  # the application waits 10 days after it
            else:
                day = self.after(window_end, 5, 25)
            self.step(
                "enforcement",
                day,
                manager,
                adj.apply_enforcement,
                court_code=self.office.enforcement_court,
                applied_on=day,
            )
        if t.name.startswith("damages"):
            day = self.after(served_on, 2, 8)
            self.step("damages_started", day, mediator, workflow.start_mediation, dated=False)
            sessions = 1 if t.name == "damages_mediating" else rng.randint(1, 2)
            for n in range(sessions):
                day = self.after(day, 3, 8) if n else day
                self.session_record(day, failed=False, damages=True, last=n == sessions - 1)
            day = self.after(day, 1, 5)
            self.step(
                "damages_agreed",
                day,
                mediator,
                mediation.record_agreement,
                self.agreement(day),
            )
        day = self.after(window_end, 1, 6)
        self.step("complied", day, mediator, adj.record_window_outcome, "complied", on=day)
        day = self.after(day, 0, 5)
        self.step("closed", day, mediator, workflow.close, dated=False, on=day)

    def party_ids_get(self, role: PartyRole) -> int | None:
        return self.party_ids.get(role) if self.taking else None

    # -- the records' text

    def participants(self, *, hearing: bool = False) -> str:
        parts = self.parts
        applicant = parts.applicant
        if applicant.kind == "organisation":
            who = f"请求人{applicant.name}（法定代表人{applicant.legal_representative}）"
        else:
            who = f"请求人{applicant.name}"
        if parts.agent is not None:
            who += f"及其委托代理人{parts.agent.name}"
        respondent = parts.respondent
        them = f"被请求人{respondent.name}（{respondent.legal_representative}）"
        if hearing:
            return f"合议组成员；书记员；{who}；{them}"
        return f"{who}；{them}；承办人{self.mediator.name}"

    def defence_text(self) -> str:
        product = self.patent.product
        return self.rng.choice(
            (
                f"被请求人辩称其销售的{product}系从外地厂家购进，有合法来源，"
                "并提交了进货单据和付款凭证，请求驳回请求人的请求。",
                f"被请求人辩称被控侵权{product}使用的是申请日前已公开的现有技术，不构成侵权。",
                f"被请求人辩称被控侵权{product}与涉案专利的{self.patent.feature}不同，"
                "未落入专利权保护范围。",
            )
        )

    def evidence_text(self) -> str:
        report = (
            "专利权评价报告、"
            if self.patent.ip_type in (IpType.PATENT_UTILITY_MODEL, IpType.PATENT_DESIGN)
            else ""
        )
        return (
            f"请求人提交：专利证书、专利登记簿副本、{report}公证购买被控侵权产品的公证书及实物。"
            "被请求人提交：进货单据、产品宣传册。双方对对方证据的真实性、合法性、关联性"
            "发表了质证意见，合议组当场拆封公证实物并拍照留存。"
        )

    def hearing_text(self) -> str:
        return (
            "合议组组长宣布口头审理开始，核对当事人身份，告知当事人的权利义务及回避事项，"
            "双方均未申请回避。\n请求人陈述请求事项及事实理由；被请求人进行答辩。\n"
            f"双方就被控侵权{self.patent.product}与涉案专利的{self.patent.feature}进行比对"
            "并发表意见，对证据进行质证。\n双方作最后陈述；经询问，双方均不同意调解。"
        )

    def reasons(self) -> str:
        patent = self.patent
        if patent.ip_type == IpType.PATENT_DESIGN:
            if self.target.found:
                return (
                    f"被控侵权产品与涉案外观设计专利产品属于相同种类产品，二者在{patent.feature}"
                    "上整体视觉效果无实质性差异，构成近似外观设计，落入涉案专利权的保护范围。"
                    "依照《中华人民共和国专利法》第十一条、第六十五条的规定，认定侵权成立。"
                )
            return (
                f"被控侵权产品与涉案外观设计在{patent.feature}上存在明显区别，"
                "整体视觉效果具有实质性差异，未落入涉案专利权的保护范围，认定侵权不成立。"
            )
        if self.target.found:
            return (
                f"经比对，被控侵权{patent.product}包含与涉案专利权利要求1记载的全部技术特征"
                f"相同或者等同的技术特征，其中{patent.feature}相同，落入涉案专利权的保护范围。"
                "被请求人的抗辩缺乏证据支持，不予采纳。依照《中华人民共和国专利法》第十一条、"
                "第六十五条的规定，认定侵权成立。"
            )
        return (
            f"经比对，被控侵权{patent.product}缺少涉案专利权利要求1记载的“{patent.feature}”"
            "这一技术特征，亦不构成等同，未落入涉案专利权的保护范围，认定侵权不成立，"
            "驳回请求人的请求。"
        )

    def order(self) -> str:
        acts = "销售、许诺销售" if self.parts.seller else "制造、销售、许诺销售"
        return (
            f"责令被请求人{self.parts.respondent.name}立即停止{acts}侵犯{self.number}号"
            f"专利权的{self.patent.product}，并销毁库存侵权产品。"
        )

    def session_record(
        self, day: dt.date, *, failed: bool, damages: bool, last: bool = False
    ) -> None:
        """A mediation session (调解笔录) recorded by the case's mediator."""
        rng, parts = self.rng, self.parts
        place = f"{self.office.name}{rng.choice(('调解室', '第二调解室', '会议室'))}"
        attendees = "；".join(
            [
                f"申请人{parts.applicant.name}",
                *([f"委托代理人{parts.agent.name}"] if parts.agent else []),
                f"被申请人{parts.respondent.name}（{parts.respondent.legal_representative}）",
                f"调解员{self.mediator.name}",
            ]
        )
        if damages:
            offered = (self.claimed * Decimal(rng.randint(20, 45)) / 100).quantize(Decimal(1000))
            summary = (
                "行政裁决书已认定侵权成立，被申请人已停止销售。经申请人请求，"
                "双方就侵权损害赔偿数额进行调解。\n"
                f"申请人主张赔偿经济损失{self.claimed:,.0f}元；被申请人同意赔偿"
                f"{offered:,.0f}元，请求分期支付。"
            )
            next_step = "双方回去考虑，约定下次继续协商赔偿数额" if not last else "拟达成调解协议"
        else:
            summary = (
                f"调解员向双方说明专利侵权的法律规定。申请人坚持要求被申请人停止销售{self.patent.product}"
                "并赔偿损失；被申请人否认侵权。"
            )
            next_step = "请求人拟申请行政裁决" if failed else "双方各自补充证据后再行调解"
        self.step(
            f"session:{day.isoformat()}",
            day,
            self.mediator,
            mediation_records.record_session,
            SessionForm(
                held_on=day,
                place=place,
                attendees=attendees,
                summary=summary,
                next_step=next_step,
            ),
        )
        if self.taking:
            self.session.connection().execute(
                update(RECORDS)
                .where(RECORDS.c.case_id == self.case_id, RECORDS.c.held_on == day)
                .values(created_at=self.moment(day))
            )
        if damages and self.target.last == "damages_session" and last:
            raise _Stop

    def agreement(self, day: dt.date) -> AgreementForm:
        amount = (self.claimed * Decimal(self.rng.randint(30, 60)) / 100).quantize(Decimal(1000))
        applicant = self.party_ids_get(PartyRole.APPLICANT)
        respondent = self.party_ids_get(PartyRole.RESPONDENT)
        return AgreementForm(
            signed_on=day,
            effective_on=day,
            facts=(
                f"行政裁决书认定被申请人{self.parts.respondent.name}侵犯申请人{self.number}号"
                "专利权；双方就侵权损害赔偿数额自愿达成如下协议。"
            ),
            responsibilities="被申请人对侵权行为承担全部责任。",
            obligations=(
                ObligationForm(
                    description="侵权损害赔偿款",
                    obligor_id=respondent,
                    obligee_id=applicant,
                    amount=amount,
                    due_on=day + dt.timedelta(days=self.rng.randint(15, 45)),
                    kind=ObligationKind.PAYMENT,
                ),
            ),
        )
