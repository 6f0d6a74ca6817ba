"""Adjudicated patent-infringement cases for the demo database, in every step.

:func:`add_demo_adjudications` registers patent-infringement requests (valid patent
numbers, parties with their particulars) and takes each through the real use cases of
services/adjudication.py — acceptance, panel, service of the request with its receipt,
defence, evidence exchange, hearing notice and record, suspension for an invalidation
request, decision, its service, the window to sue, enforcement, damages mediation — up to
the step it is meant to stop at, each step on its own day in the past, so the timeline,
the limits (defence, window to sue) and the alerts are those of a real case. The steps
cycle through :data:`TARGETS`, so even a small demo has a case in every step.

Deterministic per seed and reference day. Cases that already have an adjudication are
not touched; a second run adds more.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Case,
    CaseCategory,
    CaseEvent,
    Channel,
    DisputeType,
    IpType,
    Office,
    Party,
    PartyKind,
    PartyRole,
    Role,
    Station,
    User,
)
from ipdesk.services import adjudication as adj
from ipdesk.services import identifiers as ids
from ipdesk.services import workflow
from ipdesk.services.actors import Actor
from ipdesk.services.adjudication import Service
from ipdesk.services.intake import next_case_number
from ipdesk.services.limits import BEIJING, refresh_case_limits

#: Where each demo adjudication stops (cycled through in this order).
TARGETS = (
    "requested",
    "refused",
    "accepted",
    "panel_set",
    "request_served",
    "defence_recorded",
    "hearing_notified",
    "hearing_held",
    "suspended",
    "decided",
    "decision_served",
    "window_passed",
    "enforcement_applied",
    "complied",
    "sued",
    "damages_mediation",
    "closed",
)
#: Days before today that each target's case was received (its steps follow).
_AGE = {
    "requested": 2,
    "refused": 8,
    "accepted": 6,
    "panel_set": 9,
    "request_served": 14,
    "defence_recorded": 30,
    "hearing_notified": 34,
    "hearing_held": 45,
    "suspended": 48,
    "decided": 55,
    "decision_served": 62,
    "window_passed": 85,
    "enforcement_applied": 100,
    "complied": 110,
    "sued": 75,
    "damages_mediation": 80,
    "closed": 130,
}
_KINDS = {
    IpType.PATENT_INVENTION: "invention",
    IpType.PATENT_UTILITY_MODEL: "utility_model",
    IpType.PATENT_DESIGN: "design",
}
_PRODUCTS = (
    ("折叠式晾衣架", "伸缩连杆结构"),
    ("节能型玉米烘干机", "热风循环装置"),
    ("牧草打捆机", "自动打结机构"),
    ("电动三轮车", "后桥减震组件"),
    ("奶茶粉包装袋", "外观图案及形状"),
    ("智能温室卷帘机", "限位控制电路"),
    ("羊绒分梳机", "梳理辊结构"),
    ("LED路灯", "散热外壳"),
)
_SURNAMES = "王李张刘陈杨赵黄周吴包白乌韩"
_STREETS = ("和平路", "建国路", "民主路")
_GIVEN = ("建国", "海龙", "丽娜", "晓梅", "志强", "春花", "宝音", "其其格", "立新", "敏")


#: The smallest demo with adjudicated cases (one per target).
MIN_DEMO = 100


def demo_count(cases: int) -> int:
    """How many of a demo's ``cases`` are adjudicated: none below :data:`MIN_DEMO`, else
    one per target at least, about one per thousand cases, at most 85 (the 1M loader must
    stay quick)."""
    if cases < MIN_DEMO:
        return 0
    return max(len(TARGETS), min(5 * len(TARGETS), cases // 1000))


def add_demo_adjudications(
    session_factory: sessionmaker[Session], *, seed: int, today: dt.date, count: int
) -> int:
    """Register ``count`` patent-infringement requests and adjudicate them (see the module
    docstring); returns how many were added."""
    rng = random.Random(f"adjudication-{seed}")
    with session_factory() as session:
        offices = _offices(session)
    added = 0
    for i in range(count):
        office = offices[i % len(offices)]
        target = TARGETS[i % len(TARGETS)]
        with session_factory.begin() as session:
            _adjudicate(session, rng, office, target, today, i)
        added += 1
    return added


class _Office:
    def __init__(self, office: Office, station_id: int, manager: User, mediators: list[User]):
        self.id, self.code, self.name = office.id, office.code, office.name
        self.station_id = station_id
        self.manager = Actor.of(manager)
        self.mediators = [Actor.of(m) for m in mediators]
        self.officer_ids = [manager.id, *(m.id for m in mediators[:2])]


def _offices(session: Session) -> list[_Office]:
    found = []
    for office in session.scalars(select(Office).where(Office.active).order_by(Office.code)):
        users = list(
            session.scalars(
                select(User)
                .where(User.office_id == office.id, User.active)
                .order_by(User.role, User.id)
            )
        )
        managers = [u for u in users if u.role == Role.OFFICE_MANAGER]
        mediators = [u for u in users if u.role == Role.MEDIATOR]
        station = session.scalar(
            select(Station.id).where(Station.office_id == office.id).order_by(Station.code)
        )
        if managers and len(mediators) >= 2 and station is not None:
            found.append(_Office(office, station, managers[0], mediators))
    if not found:
        raise RuntimeError("no office with a manager, two mediators and a station")
    return found


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)


def _new_case(
    session: Session, rng: random.Random, office: _Office, received: dt.date, n: int
) -> Case:
    ip_type = rng.choice(list(_KINDS))
    product, feature = _PRODUCTS[n % len(_PRODUCTS)]
    year = received.year - rng.randrange(1, 6)
    number = ids.make_patent_number(rng, year, _KINDS[ip_type])  # type: ignore[arg-type]
    holder = _person(rng) if rng.random() < 0.5 else f"通辽市{product[:2]}科技有限公司"
    respondent = f"通辽市{rng.choice('东西南北')}城{product[-2:]}经销有限公司"
    born = dt.date(1965 + rng.randrange(30), rng.randrange(1, 13), rng.randrange(1, 28))
    case = Case(
        number=next_case_number(session, session.get(Office, office.id), received.year),  # type: ignore[arg-type]
        office_id=office.id,
        station_id=office.station_id,
        mediator_id=office.mediators[0].user_id,
        ip_type=ip_type,
        right_number=f"ZL{number}",
        right_holder=holder,
        dispute_type=DisputeType.INFRINGEMENT,
        facts=(
            f"请求人系专利号为ZL{number}的专利权人，该专利涉及一种{product}。"
            f"被请求人未经许可，在其经营场所销售的{product}具有与涉案专利相同的{feature}，"
            "落入涉案专利权的保护范围。"
        ),
        claim="请求责令被请求人立即停止销售侵权产品。",
        channel=Channel.WALK_IN,
        category=CaseCategory.ORDINARY,
        received_on=received,
        created_by_id=office.mediators[0].user_id,
    )
    applicant_is_person = holder[0] in _SURNAMES and not holder.endswith("公司")
    case.parties.append(
        Party(
            position=0,
            role=PartyRole.APPLICANT,
            kind=PartyKind.PERSON if applicant_is_person else PartyKind.ORGANISATION,
            name=holder,
            id_number=ids.make_resident_id(rng, "150502", born, rng.choice(("male", "female")))
            if applicant_is_person
            else ids.make_uscc(rng, "150502", "91"),
            address=f"通辽市科尔沁区{rng.choice(_STREETS)}{rng.randrange(1, 200)}号",
            phone=f"139{rng.randrange(10**8):08d}",
            birth_date=born if applicant_is_person else None,
            legal_representative=None if applicant_is_person else _person(rng),
        )
    )
    case.parties.append(
        Party(
            position=1,
            role=PartyRole.RESPONDENT,
            kind=PartyKind.ORGANISATION,
            name=respondent,
            id_number=ids.make_uscc(rng, "150502", "91"),
            address=f"通辽市科尔沁区{rng.choice(('永清大街', '霍林河大街', '科尔沁大街'))}"
            f"{rng.randrange(1, 300)}号",
            legal_representative=_person(rng),
            legal_representative_title="执行董事",
        )
    )
    session.add(case)
    session.flush()
    refresh_case_limits(session, case)
    return case


def _adjudicate(
    session: Session, rng: random.Random, office: _Office, target: str, today: dt.date, n: int
) -> None:
    received = today - dt.timedelta(days=_AGE[target] + rng.randrange(0, 4))
    case = _new_case(session, rng, office, received, n)
    manager, mediator = office.manager, office.mediators[0]
    day = received

    def step(
        actor: Actor,
        func: Callable[..., Any],
        *args: Any,
        after: int,
        dated: bool = True,
        **kwargs: Any,
    ) -> None:
        nonlocal day
        day = min(today, day + dt.timedelta(days=after))
        session.flush()
        session.refresh(case)
        if dated:
            kwargs["today"] = day
        result = func(session, actor, case.id, case.version_id, *args, **kwargs)
        event_id = getattr(result, "event_id", None)
        at = dt.datetime(day.year, day.month, day.day, 9 + rng.randrange(8), tzinfo=BEIJING)
        if event_id is not None:
            session.execute(update(CaseEvent).where(CaseEvent.id == event_id).values(at=at))
        else:  # clock changes: the newest events of the case
            session.execute(
                update(CaseEvent)
                .where(CaseEvent.case_id == case.id, CaseEvent.at > at)
                .values(at=at)
            )

    step(mediator, adj.choose_adjudication, after=0, requested_on=received)
    if target == "requested":
        return
    if target == "refused":
        step(manager, adj.refuse_adjudication, "被请求人不明确，经告知后请求人未补正。", after=3)
        return
    step(manager, adj.accept_adjudication, after=2)
    if target == "accepted":
        return
    step(manager, adj.set_panel, office.officer_ids, after=1)
    if target == "panel_set":
        return
    sent = day + dt.timedelta(days=1)
    received_copy = sent + dt.timedelta(days=rng.randrange(1, 4))
    step(
        mediator,
        adj.serve_request,
        Service(
            rng.choice(("mail", "direct")),
            sent,
            received_copy,
            signed_by=_person(rng),
            server_name=mediator.name,
        ),
        after=(received_copy - day).days,
    )
    if target == "request_served":
        return
    step(
        mediator,
        adj.record_defence,
        after=rng.randrange(7, 14),
        received_on=None,
        summary="被请求人辩称其销售的产品有合法来源，且与涉案专利的技术方案不同。",
    )
    step(
        mediator,
        adj.exchange_evidence,
        after=1,
        held_on=None,
        content="请求人提交专利证书、公证购买的被控侵权产品；被请求人提交进货单据。",
        participants="请求人及被请求人委托代理人",
    )
    if target == "defence_recorded":
        return
    notified = day + dt.timedelta(days=1)
    hearing_on = adj.earliest_hearing(session, notified) + dt.timedelta(days=rng.randrange(0, 3))
    step(
        mediator,
        adj.notify_hearing,
        after=1,
        notified_on=notified,
        hearing_on=hearing_on,
        place=f"{office.name}审理室",
    )
    if target == "hearing_notified":
        return
    step(
        mediator,
        adj.record_hearing,
        after=(hearing_on - day).days,
        held_on=hearing_on,
        participants="请求人；被请求人委托代理人；合议组成员",
        content="双方就被控侵权产品与涉案专利权利要求的技术特征比对发表意见并质证。",
    )
    if target == "hearing_held":
        return
    if target == "suspended":
        start = min(today, day + dt.timedelta(days=2))
        step(
            manager,
            adj.suspend_for_invalidation,
            after=2,
            invalidation_number=f"4W{rng.randrange(110000, 119999)}",
            start_on=start,
        )
        return
    found = rng.random() < 0.75
    step(
        manager,
        adj.decide,
        after=rng.randrange(3, 8),
        infringement_found=found,
        reasons="被控侵权产品包含与涉案专利权利要求1记载的全部技术特征相同的技术特征。"
        if found
        else "被控侵权产品缺少涉案专利权利要求1记载的技术特征，未落入专利权的保护范围。",
        order_to_stop="责令被请求人立即停止销售被控侵权产品。" if found else None,
        decided_on=None,
    )
    if target == "decided":
        return
    first = day + dt.timedelta(days=1)
    services = [
        Service(
            "mail",
            first,
            first + dt.timedelta(days=rng.randrange(1, 3)),
            party_id=p.id,
            signed_by=p.name,
        )
        for p in case.parties
    ]
    step(mediator, adj.serve_decision, services, after=3)
    if target == "decision_served":
        return
    if target == "sued":
        step(
            mediator,
            adj.record_window_outcome,
            "sued",
            after=10,
            court_case_number=f"（{day.year}）内05行初{rng.randrange(1, 90)}号",
        )
        return
    if target == "damages_mediation":
        step(mediator, workflow.start_mediation, after=2, dated=False)
        return
    if target == "window_passed" or not found:
        return  # the window's alert is due or overdue: the office must look
    if target == "complied":
        step(mediator, adj.record_window_outcome, "complied", after=28)
        return
    step(manager, adj.apply_enforcement, after=28, court_code="CT-ZY")
    if target == "closed":
        closed_on = min(today, day + dt.timedelta(days=5))
        step(mediator, workflow.close, after=5, dated=False, on=closed_on)
